#pragma once

#include "app/compose/outgoingrequest.h"
#include "app/net/connectionevent.h"
#include "app/session/framestore.h"
#include "ui/workspace/clienttabsettings.h"
#include "ui/workspace/trafficcounters.h"
#include "ui/workspace/workspacetab.h"

#include <QtCore/QTimer>
#include <QtGui/QIcon>

class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace Frameline {

class ClientConnection;
class InspectorWidget;
class NetworkThread;
class RequestSettingsWidget;
class ComposerWidget;
class ScriptPanel;
class SessionRecorder;
class TimelineWidget;

// A client tab: the connection bar (URL with history, Connect/Disconnect, state, live counters), the
// request settings beside the timeline, the timeline and inspector of everything the connection did,
// and under them the composer and the script panel (tabs). Each Connect makes a new ClientConnection in the shared network thread; the tab only
// talks to it through NetworkThread::post and hears from it through its queued eventsReady batches,
// which it appends to its own FrameStore and records in its journal (SessionRecorder).
//
// Owned by the Workspace's tab widget; GUI thread.
class ClientTab : public WorkspaceTab
{
    Q_OBJECT
public:
    ClientTab(NetworkThread *network, QWidget *parent = nullptr);
    ~ClientTab() override;

    Kind kind() const override { return Kind::Client; }
    QString automaticTitle() const override;
    QString statusText() const override;
    QVariantMap saveSettings() const override;
    void restoreSettings(const QVariantMap &map);
    SessionRecorder *recorder() const override { return m_recorder; }

    ClientTabSettings settings() const;
    void setSettings(const ClientTabSettings &settings);
    void setUrl(const QString &url);
    QString url() const;

    // Connects to the URL in the field with the request settings; false (and the reason shown in the
    // tab) when they cannot be used.
    bool connectToServer();
    // Closes the connection with 1000 (or stops dialling, or a pending reconnect).
    void disconnectFromServer();
    bool isActive() const; // dialling, open or closing
    ConnectionState state() const { return m_state; }
    quint64 connectionId() const { return m_connectionId; }
    const TrafficCounters &counters() const { return m_counters; }
    QString errorText() const;
    // Shows a problem in the tab (empty: none), like the connection's own errors.
    void setErrorText(const QString &error);
    // The state as a small coloured dot, for the connection bar and the tab.
    QIcon stateIcon() const;

    // The tab that talks to Frameline's own echo server: its URL follows that server's port.
    bool isBuiltInEcho() const { return m_builtInEcho; }
    void setBuiltInEcho(bool builtInEcho) { m_builtInEcho = builtInEcho; }
    // A text message sent once, as soon as the next connection opens (the first launch's hello).
    void setGreeting(const QString &greeting) { m_greeting = greeting; }

    // Empties the timeline (and the counters); the recording starts a new journal.
    void clearTimeline();
    void setRequestSettingsVisible(bool visible);
    bool isRequestSettingsVisible() const;

    FrameStore *store() { return &m_store; }
    TimelineWidget *timeline() const { return m_timeline; }
    InspectorWidget *inspector() const { return m_inspector; }
    RequestSettingsWidget *requestSettings() const { return m_requestSettings; }
    ComposerWidget *composer() const { return m_composer; }
    ScriptPanel *scriptPanel() const { return m_scriptPanel; }
    QTabWidget *bottomTabs() const { return m_bottomTabs; } // "Composer" and "Script"
    QComboBox *urlBox() const { return m_url; }
    QPushButton *connectButton() const { return m_connectButton; }
    QLabel *stateLabel() const { return m_stateLabel; }
    QLabel *countersLabel() const { return m_countersLabel; }

    // The URLs the user connected to, most recent first (shared by every client tab).
    static QStringList urlHistory();
    static void setHistoryPersistent(bool persistent);

Q_SIGNALS:
    void stateChanged(Frameline::ConnectionState state);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onEventsReady(const EventBatch &events);
    void onConnectClicked();
    void send(const OutgoingRequest &request);
    void onComposeRequested(const EntryDetails &details, int action);
    void onScriptRunRequested();
    void releaseConnection();
    void showError(const QString &error);
    void updateStateView();
    void updateCounters();
    void rememberUrl(const QString &url);
    void retranslateUi();

    NetworkThread *m_network;
    FrameStore m_store;
    SessionRecorder *m_recorder = nullptr;
    ClientConnection *m_connection = nullptr; // adopted by m_network; only post() to it
    quint64 m_connectionId = 0;
    ConnectionState m_state = ConnectionState::Idle;
    CloseInfo m_close;
    bool m_reconnecting = false;
    bool m_reconnectEnabled = false;
    int m_reconnectMaxAttempts = 0;
    int m_attempts = 0; // attempts of the current connection that have ended
    bool m_userStopped = false;
    QString m_error;
    QString m_tlsProtocol; // of the open connection, when it is wss
    TrafficCounters m_counters;
    QTimer m_counterTimer;
    bool m_builtInEcho = false;
    QString m_greeting;

    QComboBox *m_url = nullptr;
    QPushButton *m_connectButton = nullptr;
    QLabel *m_stateIcon = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_countersLabel = nullptr;
    QToolButton *m_clearButton = nullptr;
    QToolButton *m_settingsButton = nullptr;
    QLabel *m_errorLabel = nullptr;
    QSplitter *m_composerSplitter = nullptr; // the timeline and settings above, the composer and script below
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_timelineSplitter = nullptr;
    TimelineWidget *m_timeline = nullptr;
    InspectorWidget *m_inspector = nullptr;
    QScrollArea *m_settingsArea = nullptr;
    RequestSettingsWidget *m_requestSettings = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    ComposerWidget *m_composer = nullptr;
    ScriptPanel *m_scriptPanel = nullptr;
};

} // namespace Frameline
