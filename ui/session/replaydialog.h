#pragma once

#include "app/net/connectionevent.h"
#include "ui/session/replayrun.h"
#include "ui/session/replaytab.h"
#include "ui/session/sessionfiles.h"

#include <QtCore/QPointer>
#include <QtWidgets/QDialog>

#include <memory>

QT_BEGIN_NAMESPACE
class QAbstractButton;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
QT_END_NAMESPACE

namespace Frameline {

class BackgroundJobs;
class ReplayStatusWidget;
class SessionTab;
class Workspace;

// Replay… for a session tab: reads the tab's file (off the GUI thread: the tab may show an index of a
// huge file, not its events), offers its connections, and replays the chosen one either as a client
// (to the recorded URL or another; its messages or its exact frames; with the recorded timing at a
// speed, as fast as possible, or step by step; optionally waiting for the replies) or as a mock server
// (on a port; it says the URL to connect to). Start opens a ReplayTab with the replay's own traffic and
// starts it there; the dialog then follows the run (ReplayStatusWidget: progress, state, Next, Stop,
// warnings) and, once a client replay has finished, shows its comparison in the tab. Show Comparison and
// Show Tab hand over to the tab and close the dialog.
//
// The options are remembered in the settings ("Replay/..."). Modeless, deleted when closed; closing it
// does not stop the replay (its tab does).
//
// Owned by the main window; GUI thread.
class ReplayDialog : public QDialog
{
    Q_OBJECT
public:
    // For `session`'s file; the replay's tab goes into `workspace`, its connections into its network thread.
    ReplayDialog(SessionTab *session, Workspace *workspace, QWidget *parent = nullptr);
    ~ReplayDialog() override;

    // Opens a dialog for the session tab (modeless, deleted on close) and returns it.
    static ReplayDialog *openFor(SessionTab *session, Workspace *workspace, QWidget *parent);

    QString path() const { return m_path; }
    // The file was read and its connections are offered (false while reading, or when it failed).
    bool isLoaded() const { return m_events != nullptr; }
    QString errorString() const;
    // Starts the replay as the form says; false (and errorString()) when the form cannot be used. The
    // tab appears once the script is built (off the GUI thread): replayStarted() follows.
    bool startReplay();
    ReplayRun *run() const { return m_run; }
    ReplayTab *replayTab() const { return m_tab; }

    QComboBox *connectionBox() const { return m_connection; }
    QRadioButton *clientButton() const { return m_asClient; }
    QRadioButton *mockServerButton() const { return m_asMockServer; }
    QLineEdit *urlEdit() const { return m_url; }
    QRadioButton *messagesButton() const { return m_messages; }
    QRadioButton *framesButton() const { return m_frames; }
    QRadioButton *recordedTimingButton() const { return m_recordedTiming; }
    QDoubleSpinBox *speedBox() const { return m_speed; }
    QRadioButton *fastButton() const { return m_fast; }
    QRadioButton *stepButton() const { return m_step; }
    QCheckBox *waitForRepliesBox() const { return m_waitForReplies; }
    QSpinBox *portBox() const { return m_port; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *compareButton() const { return m_compare; }
    QPushButton *showTabButton() const { return m_showTab; }
    QPushButton *newReplayButton() const { return m_newReplay; }
    QLabel *mockUrlLabel() const { return m_mockUrl; }
    ReplayStatusWidget *statusWidget() const { return m_status; }

Q_SIGNALS:
    void loaded();
    void replayStarted(Frameline::ReplayTab *tab);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Connection
    {
        quint64 id = 0;
        QString description;
        QString url;
        bool clientRecorded = true;
    };
    void startLoading(SessionFiles::Kind kind);
    void onLoaded(std::shared_ptr<const EventBatch> events, const QList<Connection> &connections,
        const QString &error, const QStringList &warnings);
    void onConnectionChosen();
    void onStarted(ReplayTab *tab);
    void updateForm();
    void updateRunPage();
    void showError(const QString &error);
    void saveOptions() const;
    void restoreOptions();
    void retranslateUi();

    QString m_path;
    QString m_title;
    QPointer<Workspace> m_workspace;
    BackgroundJobs *m_jobs;
    std::shared_ptr<const EventBatch> m_events;
    QList<Connection> m_connections;
    QStringList m_warnings;
    bool m_starting = false;
    QPointer<ReplayRun> m_run;
    QPointer<ReplayTab> m_tab;

    QStackedWidget *m_pages = nullptr;
    // Setup
    QLabel *m_intro = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QComboBox *m_connection = nullptr;
    QLabel *m_warningsLabel = nullptr;
    QGroupBox *m_modeGroup = nullptr;
    QRadioButton *m_asClient = nullptr;
    QRadioButton *m_asMockServer = nullptr;
    QGroupBox *m_clientGroup = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_recordedUrl = nullptr;
    QLabel *m_contentLabel = nullptr;
    QRadioButton *m_messages = nullptr;
    QRadioButton *m_frames = nullptr;
    QCheckBox *m_waitForReplies = nullptr;
    QGroupBox *m_serverGroup = nullptr;
    QLabel *m_portLabel = nullptr;
    QSpinBox *m_port = nullptr;
    QGroupBox *m_timingGroup = nullptr;
    QRadioButton *m_recordedTiming = nullptr;
    QDoubleSpinBox *m_speed = nullptr;
    QRadioButton *m_fast = nullptr;
    QRadioButton *m_step = nullptr;
    QLabel *m_error = nullptr;
    // Running
    QLabel *m_runTitle = nullptr;
    QLabel *m_mockUrl = nullptr;
    QLabel *m_runDetails = nullptr;
    ReplayStatusWidget *m_status = nullptr;
    QLabel *m_verdict = nullptr;
    // Buttons
    QPushButton *m_start = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_showTab = nullptr;
    QPushButton *m_newReplay = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace Frameline
