#include "ui/session/journalfolder.h"

#include "app/session/sessionformat.h"
#include "ui/session/sessionfiles.h"
#include "ui/session/sessionrecorder.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLockFile>

#include <algorithm>

namespace Frameline {

namespace {

constexpr qint64 ReadChunk = 1024 * 1024;

} // namespace

bool JournalFolder::describe(const QString &path, RecoverableJournal *journal)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray headerLine = file.readLine(SessionFormat::MaxHeaderLength + 1);
    if (!headerLine.endsWith('\n'))
        return false; // not even a whole header: nothing to recover
    headerLine.chop(1);
    SessionHeader header;
    QString message;
    if (SessionFormat::decodeHeader(headerLine, &header, &message)
        == SessionFormat::HeaderStatus::NotASession)
        return false;
    // Complete lines after the header: a cut last line (the crash) is not an event.
    qint64 lines = 0;
    for (QByteArray chunk = file.read(ReadChunk); !chunk.isEmpty(); chunk = file.read(ReadChunk))
        lines += std::count(chunk.cbegin(), chunk.cend(), '\n');
    const QFileInfo info(path);
    journal->path = path;
    journal->title = header.extra.value(SessionRecorder::titleField()).toString();
    if (journal->title.isEmpty())
        journal->title = info.fileName();
    journal->created = header.created;
    journal->lastWritten = info.lastModified().toUTC();
    journal->events = lines;
    journal->size = info.size();
    return true;
}

QList<RecoverableJournal> JournalFolder::findOrphans()
{
    QList<RecoverableJournal> journals;
    const QDir directory(SessionRecorder::journalDirectory());
    const QStringList names = directory.entryList(
        { QStringLiteral("*.") + SessionFiles::defaultSuffix() }, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QString path = directory.filePath(name);
        // Held by a live process (another window of Frameline, or this one): not ours to offer.
        QLockFile lock(SessionRecorder::lockFilePath(path));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        RecoverableJournal journal;
        if (describe(path, &journal)) {
            journals.append(journal);
        } else if (QFileInfo(path).size() < SessionFormat::MaxHeaderLength) {
            // Stopped before its header was complete: it never held an event.
            QFile file(path);
            if (file.open(QIODevice::ReadOnly) && !file.readAll().contains('\n')) {
                file.close();
                QString error;
                discard(path, &error);
            }
        }
    }
    std::sort(journals.begin(), journals.end(),
        [](const RecoverableJournal &a, const RecoverableJournal &b) { return a.created < b.created; });
    return journals;
}

bool JournalFolder::discard(const QString &path, QString *error)
{
    QFile file(path);
    if (file.exists() && !file.remove()) {
        *error = tr("Cannot delete %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QFile::remove(SessionRecorder::lockFilePath(path));
    return true;
}

} // namespace Frameline
