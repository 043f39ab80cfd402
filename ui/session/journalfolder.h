#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Frameline {

// A journal left in the journals folder by a Frameline that did not close it: a crash, a kill -9, a
// power cut. What the recovery dialog lists about it.
struct RecoverableJournal
{
    QString path;
    QString title; // the tab it was recorded in (the header's "title"), or the file name
    QDateTime created; // when the recording started (the header's "created"), UTC
    QDateTime lastWritten; // the file's modification time, UTC: about when it stopped
    qint64 events = 0; // complete event lines
    qint64 size = 0; // bytes
};

// The journals folder (SessionRecorder::journalDirectory()) as the recovery sees it: which journals no
// running Frameline holds (their lock file is missing, or names a process that is gone), and how to
// discard one.
//
// Stateless; findOrphans() reads every orphan through (to count its lines), so call it off the GUI
// thread; the rest may be called from any thread.
class JournalFolder
{
    Q_DECLARE_TR_FUNCTIONS(JournalFolder)
public:
    // Oldest first.
    static QList<RecoverableJournal> findOrphans();
    // Reads what the list shows about one journal; false when it is not a journal (no session header).
    static bool describe(const QString &path, RecoverableJournal *journal);
    // Deletes a journal and its lock file; false and *error when it cannot.
    static bool discard(const QString &path, QString *error);
};

} // namespace Frameline
