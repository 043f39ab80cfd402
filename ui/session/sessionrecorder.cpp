#include "ui/session/sessionrecorder.h"

#include "app/session/sessionwriter.h"
#include "ui/session/sessionfiles.h"
#include "ui/workspace/workspacetab.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLockFile>
#include <QtCore/QPointer>
#include <QtCore/QStandardPaths>
#include <QtCore/QThread>

namespace Frameline {

namespace {

// The one thread that writes every journal of the process, and an object living in it that the jobs
// are queued to (in order: a journal's events, then its flushes, then its closing).
struct JournalThread
{
    QThread *thread = nullptr;
    QObject *context = nullptr;
};

JournalThread &journalThread()
{
    static JournalThread instance;
    return instance;
}

// Runs as the application object is destroyed (the tabs, and so the recorders, are gone by then): the
// last job queued quits the thread, so every journal is written and closed (and deleted) first.
void stopJournalThread()
{
    JournalThread &journals = journalThread();
    if (!journals.thread)
        return;
    QMetaObject::invokeMethod(
        journals.context, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
    journals.thread->wait();
    delete journals.context; // its thread has finished: nothing can be delivered to it any more
    delete journals.thread;
    journals = JournalThread();
}

QObject *journalContext()
{
    JournalThread &journals = journalThread();
    if (!journals.thread) {
        journals.thread = new QThread;
        journals.thread->setObjectName(QStringLiteral("Frameline journals"));
        journals.context = new QObject;
        journals.context->moveToThread(journals.thread);
        journals.thread->start();
        qAddPostRoutine(stopJournalThread);
    }
    return journals.context;
}

template<typename Job> void inJournalThread(Job &&job)
{
    QMetaObject::invokeMethod(journalContext(), std::forward<Job>(job), Qt::QueuedConnection);
}

QString newJournalName()
{
    static int s_counter = 0;
    return QStringLiteral("%1-%2-%3.%4")
        .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
        .arg(QCoreApplication::applicationPid())
        .arg(++s_counter)
        .arg(SessionFiles::defaultSuffix());
}

} // namespace

SessionRecorder::SessionRecorder(WorkspaceTab *tab)
    : QObject(tab)
    , m_tab(tab)
{ }

SessionRecorder::~SessionRecorder()
{
    stopJournal();
}

QString SessionRecorder::journalDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/journals");
}

QString SessionRecorder::lockFilePath(const QString &journalPath)
{
    return journalPath + QStringLiteral(".lock");
}

QString SessionRecorder::titleField()
{
    return QStringLiteral("title");
}

void SessionRecorder::record(const EventBatch &events)
{
    if (events.isEmpty() || !m_error.isEmpty())
        return;
    if (!m_writer)
        startJournal();
    if (!m_writer)
        return;
    SessionWriter *writer = m_writer;
    inJournalThread([writer, events] { writer->write(events); });
    m_eventCount += events.size();
}

void SessionRecorder::restart()
{
    stopJournal();
    m_error.clear();
    m_eventCount = 0;
}

void SessionRecorder::startJournal()
{
    const QString directory = journalDirectory();
    if (!QDir().mkpath(directory)) {
        m_error = tr("Cannot record this tab: the folder %1 cannot be created")
                      .arg(QDir::toNativeSeparators(directory));
        Q_EMIT errorOccurred(m_error);
        return;
    }
    const QString path = directory + QLatin1Char('/') + newJournalName();
    auto lock = std::make_shared<QLockFile>(lockFilePath(path));
    lock->setStaleLockTime(0); // a lock is stale only when its process is gone, however long it recorded
    if (!lock->tryLock(0)) {
        m_error = tr("Cannot record this tab: the lock file %1 cannot be created")
                      .arg(QDir::toNativeSeparators(lockFilePath(path)));
        Q_EMIT errorOccurred(m_error);
        return;
    }
    SessionHeader header = SessionHeader::forNewSession();
    header.extra.insert(titleField(), m_tab->title());

    auto *writer = new SessionWriter;
    writer->moveToThread(journalContext()->thread());
    // Queued to this thread; dropped with the recorder.
    connect(writer, &SessionWriter::errorOccurred, this, [this, writer](const QString &message) {
        if (writer != m_writer || !m_error.isEmpty())
            return;
        m_error = tr("Recording stopped: %1").arg(message);
        Q_EMIT errorOccurred(m_error);
    });
    m_writer = writer;
    m_lock = std::move(lock);
    m_path = path;
    m_eventCount = 0;
    inJournalThread([writer, path, header] { writer->create(path, header); });
}

void SessionRecorder::stopJournal()
{
    if (!m_writer)
        return;
    SessionWriter *writer = std::exchange(m_writer, nullptr);
    disconnect(writer, nullptr, this, nullptr);
    // An unsaved recording that the user closed or cleared: gone, with its lock.
    inJournalThread([writer, path = m_path, lock = std::move(m_lock)] {
        writer->close();
        delete writer;
        QFile::remove(path);
        lock->unlock();
    });
    m_path.clear();
}

void SessionRecorder::snapshot(QObject *context, std::function<void(const Snapshot &)> done)
{
    if (!m_writer) {
        Snapshot none;
        none.error = m_error;
        done(none);
        return;
    }
    SessionWriter *writer = m_writer;
    QPointer<QObject> guard(context);
    inJournalThread([writer, path = m_path, guard, done = std::move(done)] {
        Snapshot snapshot;
        snapshot.path = path;
        if (writer->flush())
            snapshot.size = QFileInfo(path).size();
        else
            snapshot.error = writer->errorString();
        // The guard is only read in the GUI thread.
        QMetaObject::invokeMethod(
            qApp,
            [guard, done, snapshot] {
                if (guard)
                    done(snapshot);
            },
            Qt::QueuedConnection);
    });
}

} // namespace Frameline
