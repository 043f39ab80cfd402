#pragma once

#include "app/session/sessionexport.h"
#include "ui/session/journalfolder.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtWidgets/QMessageBox>

namespace Frameline {

class BackgroundJobs;
class RecentSessions;
class RecoveryDialog;
class SessionTab;
class Workspace;
class WorkspaceTab;

// What the File menu does with sessions: Open Session (also `frameline FILE`, drag and drop and Recent
// Sessions) opens a session or HAR file read-only in a SessionTab; Save Session As copies a live tab's
// journal (flushed first) or a session tab's file atomically to the chosen file; Export writes the
// current tab's session as HAR, CSV or JSON (SessionExport); Import HAR opens a HAR file; and at start,
// journals left by a crash are offered in the RecoveryDialog.
//
// Reading, copying and exporting run off the GUI thread (BackgroundJobs); their outcome comes back as
// saveFinished() / exportFinished(). Problems are shown in a message box over the window (opened, not
// executed: the event loop never nests) and nothing is lost: a failed save leaves the target as it was
// and the recording where it was.
//
// Owned by the main window; GUI thread.
class SessionController : public QObject
{
    Q_OBJECT
public:
    // `persistent`: remember recent files and the last folder in QSettings.
    SessionController(Workspace *workspace, QWidget *window, bool persistent);
    ~SessionController() override;

    RecentSessions *recentSessions() const { return m_recent; }
    BackgroundJobs *jobs() const { return m_jobs; }

    // A tab whose session can be saved or exported: a client or server tab (its recording) or a session tab.
    static bool hasSession(const WorkspaceTab *tab);

    // Opens a session or HAR file read-only (or shows the tab that already shows it). Nothing, and an
    // error message box, when it is not one (a tab whose loading fails later is closed with the error).
    SessionTab *openSession(const QString &path);
    // The same for File > Import HAR: a file that is not HAR is refused as such.
    SessionTab *importHar(const QString &path);
    // Starts saving the tab's session to `path` (false: nothing to save in that tab). saveFinished() follows.
    bool saveSessionAs(WorkspaceTab *tab, const QString &path);
    // Starts exporting the tab's session to `path`. exportFinished() follows.
    bool exportSession(WorkspaceTab *tab, const QString &path, SessionExport::Format format);

    // The menu actions: ask for the file, then do the above.
    void openSessionInteractively();
    void importHarInteractively();
    void saveSessionAsInteractively(WorkspaceTab *tab);
    void exportSessionInteractively(WorkspaceTab *tab);

    // Looks for journals left by a crash (off the GUI thread) and offers them: recoveryOffered() follows
    // when there are any.
    void scanForRecovery();
    RecoveryDialog *offerRecovery(const QList<RecoverableJournal> &journals);
    SessionTab *openRecoveredJournal(const QString &journalPath);
    // Saves a journal as `target`; once it is saved, the journal is deleted and leaves `dialog`'s list.
    void saveRecoveredJournal(const QString &journalPath, const QString &target, RecoveryDialog *dialog);

    // The message box of the last problem, while it is shown (objectName "sessionError").
    QMessageBox *errorBox() const { return m_errorBox; }

Q_SIGNALS:
    void saveFinished(const QString &path, const QString &error);
    void exportFinished(const QString &path, const QString &error);
    void recoveryOffered(Frameline::RecoveryDialog *dialog);

private:
    SessionTab *open(const QString &path, bool harOnly);
    void finishSave(const QString &path, const QString &error);
    void showError(const QString &title, const QString &text);
    QString lastDirectory() const;
    void setLastDirectory(const QString &path);

    Workspace *m_workspace;
    QWidget *m_window;
    const bool m_persistent;
    RecentSessions *m_recent;
    BackgroundJobs *m_jobs;
    QPointer<QMessageBox> m_errorBox;
    QString m_lastDirectory; // when not persistent
};

} // namespace Frameline
