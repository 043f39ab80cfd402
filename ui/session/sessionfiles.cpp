#include "ui/session/sessionfiles.h"

#include "app/session/sessionexport.h"
#include "app/session/sessionreader.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>

namespace Frameline {

namespace {

// Enough for any session header a writer produces (a few hundred bytes) and for the opening of a HAR.
constexpr qint64 SniffBytes = 64 * 1024;
constexpr qint64 CopyChunk = 1024 * 1024;

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

SessionFiles::Kind SessionFiles::sniff(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Kind::Other;
    return sniffData(file.read(SniffBytes));
}

SessionFiles::Kind SessionFiles::sniffData(QByteArrayView head)
{
    // docs/session-format.md: readers accept a UTF-8 byte order mark before the header.
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.sliced(3);
    const qsizetype lineEnd = head.indexOf('\n');
    if (lineEnd >= 0) {
        SessionHeader header;
        QString message;
        QByteArrayView line = head.first(lineEnd);
        if (line.endsWith('\r'))
            line.chop(1);
        // A newer major version is still a session (opening it says why it cannot be read).
        if (SessionFormat::decodeHeader(line, &header, &message) != SessionFormat::HeaderStatus::NotASession)
            return Kind::Session;
    } else if (!head.isEmpty()) {
        // A session whose header is its only line, without the '\n'.
        SessionHeader header;
        QString message;
        if (SessionFormat::decodeHeader(head, &header, &message) != SessionFormat::HeaderStatus::NotASession)
            return Kind::Session;
    }
    // HAR (http://www.softwareishard.com/blog/har-12-spec/): one JSON object whose member "log" holds
    // everything. DevTools write it first, pretty-printed or not.
    qsizetype i = 0;
    while (i < head.size() && isJsonSpace(head.at(i)))
        ++i;
    if (i >= head.size() || head.at(i) != '{')
        return Kind::Other;
    for (qsizetype at = head.indexOf("\"log\"", i); at >= 0; at = head.indexOf("\"log\"", at + 1)) {
        qsizetype j = at + 5;
        while (j < head.size() && isJsonSpace(head.at(j)))
            ++j;
        if (j < head.size() && head.at(j) == ':')
            return Kind::Har;
    }
    return Kind::Other;
}

QString SessionFiles::defaultSuffix()
{
    return QStringLiteral("flsession");
}

QString SessionFiles::sessionFilter()
{
    return tr("Frameline sessions (*.flsession *.jsonl)");
}

QString SessionFiles::harFilter()
{
    return tr("HAR files (*.har)");
}

QString SessionFiles::allFilesFilter()
{
    return tr("All files (*)");
}

QString SessionFiles::withDefaultSuffix(const QString &path)
{
    if (path.isEmpty() || !QFileInfo(path).suffix().isEmpty())
        return path;
    return path + QLatin1Char('.') + defaultSuffix();
}

SessionFiles::Loaded SessionFiles::load(const QString &path)
{
    Loaded result;
    if (sniff(path) == Kind::Har) {
        HarImport::Result har = HarImport::readFile(path);
        result.ok = har.ok();
        result.error = har.error;
        result.header = har.header;
        result.events = std::move(har.events);
        result.warnings = har.warnings;
        return result;
    }
    // Anything else goes to the session reader, which also says why a file is not a session.
    SessionReader::Loaded session = SessionReader::load(path);
    result.ok = session.ok;
    result.error = session.error;
    result.header = session.header;
    result.events = std::move(session.events);
    result.warnings = session.warnings;
    return result;
}

bool SessionFiles::copy(const QString &source, qint64 size, const QString &target, QString *error)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(source), in.errorString());
        return false;
    }
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(target), out.errorString());
        return false;
    }
    qint64 left = size < 0 ? in.size() : size;
    QByteArray chunk;
    while (left > 0) {
        chunk = in.read(qMin(left, CopyChunk));
        if (chunk.isEmpty()) {
            *error = in.error() != QFileDevice::NoError
                ? tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(source), in.errorString())
                : tr("Cannot read %1: it ended early").arg(QDir::toNativeSeparators(source));
            out.cancelWriting();
            return false;
        }
        if (out.write(chunk) != chunk.size()) {
            *error = tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(target), out.errorString());
            out.cancelWriting();
            return false;
        }
        left -= chunk.size();
    }
    if (!out.commit()) {
        *error = tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(target), out.errorString());
        return false;
    }
    return true;
}

} // namespace Frameline
