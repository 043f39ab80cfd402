#pragma once

#include "app/net/connectionevent.h"

#include <QtCore/QObject>
#include <QtCore/QString>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QLockFile;
QT_END_NAMESPACE

namespace Frameline {

class SessionWriter;
class WorkspaceTab;

// The crash-safe recording of one client or server tab: every EventBatch the tab receives also goes into a
// journal file in journalDirectory(), created at the first event and written by a SessionWriter
// (docs/session-format.md, "Journal"): lines reach the operating system at most 200 ms after they were
// recorded, so a crash or kill -9 loses at most that much.
//
// A journal is an unsaved recording. It is deleted when the tab closes (also when the app quits), and a
// cleared timeline starts a new one; only a journal left behind by a crash survives, and
// JournalFolder offers it for recovery at the next start. While it records, a lock file beside the
// journal (QLockFile, which knows a dead process's lock from a live one) tells other Frameline
// instances that it is in use.
//
// Encoding and writing run in one journal thread shared by every recorder of the process, so a fast
// stream never costs the GUI thread more than handing the batch over. That thread is stopped after every
// journal was written and closed, when the application object is destroyed.
//
// Owned by its tab (a QObject child); GUI thread.
class SessionRecorder : public QObject
{
    Q_OBJECT
public:
    explicit SessionRecorder(WorkspaceTab *tab);
    // Closes and deletes the journal (in the journal thread, after everything it was given).
    ~SessionRecorder() override;

    // Records the tab's next batch; the first one creates the journal.
    void record(const EventBatch &events);
    // The tab's timeline was cleared: the journal of what it held is deleted, the next event starts a new
    // one.
    void restart();

    bool hasJournal() const { return m_writer != nullptr; }
    QString journalPath() const { return m_path; }
    // Events handed to the journal since it was created.
    qint64 eventCount() const { return m_eventCount; }
    // The first write error (empty: none). Recording stops at the first error; the tab goes on.
    QString errorString() const { return m_error; }

    // Flushes the journal and calls `done` (in the GUI thread, unless `context` is gone by then) with its
    // path and the size that holds every event recorded until now, or with an error. No journal yet:
    // `done` gets an empty path, at once.
    struct Snapshot
    {
        QString path;
        qint64 size = 0;
        QString error;
    };
    void snapshot(QObject *context, std::function<void(const Snapshot &)> done);

    // The folder of the journals: QStandardPaths::AppDataLocation + "/journals".
    static QString journalDirectory();
    // A journal's lock file.
    static QString lockFilePath(const QString &journalPath);
    // The header field that names the tab a journal was recorded in.
    static QString titleField();

Q_SIGNALS:
    // A journal could not be created or written: what happened, naming the file.
    void errorOccurred(const QString &message);

private:
    void startJournal();
    void stopJournal();

    WorkspaceTab *m_tab;
    SessionWriter *m_writer = nullptr; // lives in the journal thread; deleted there by stopJournal()
    std::shared_ptr<QLockFile> m_lock;
    QString m_path;
    qint64 m_eventCount = 0;
    QString m_error;
};

} // namespace Frameline
