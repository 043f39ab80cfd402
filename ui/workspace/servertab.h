#pragma once

#include "app/compose/outgoingrequest.h"
#include "app/net/connectionevent.h"
#include "app/session/framestore.h"
#include "ui/workspace/serverstarter.h"
#include "ui/workspace/servertabsettings.h"
#include "ui/workspace/trafficcounters.h"
#include "ui/workspace/workspacetab.h"

#include <QtCore/QSet>
#include <QtCore/QTimer>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTreeView;

namespace Frameline {

class InspectorWidget;
class NetworkThread;
class ComposerWidget;
class ScriptPanel;
class Server;
class ServerClientsModel;
class SessionRecorder;
class TimelineWidget;

// A server tab: a local WebSocket server (address, port, ws or wss with a given or self-signed
// certificate, behaviour, subprotocols), the list of its clients, a timeline of all of them or of the
// selected one, and under them a composer that sends to the selected client or to all and a script panel
// whose mock-server script answers every client (the server's own behaviour is Manual while it runs). The Server lives in the shared
// network thread; the tab calls it only through NetworkThread::post and appends its eventsReady batches
// to its own FrameStore and records them in its journal (SessionRecorder).
//
// Owned by the Workspace's tab widget; GUI thread.
class ServerTab : public WorkspaceTab
{
    Q_OBJECT
public:
    ServerTab(NetworkThread *network, QWidget *parent = nullptr);
    ~ServerTab() override;

    Kind kind() const override { return Kind::Server; }
    QString automaticTitle() const override;
    QString statusText() const override;
    QVariantMap saveSettings() const override;
    void restoreSettings(const QVariantMap &map);
    SessionRecorder *recorder() const override { return m_recorder; }

    ServerTabSettings settings() const;
    void setSettings(const ServerTabSettings &settings);

    // Starts listening (asynchronously: listeningChanged() or the error follows); false and the reason
    // shown in the tab when the settings cannot be used.
    bool startServer();
    // Closes every client with 1001 and stops listening.
    void stopServer();
    bool isListening() const { return m_listening; }
    bool isStarting() const { return m_starting; }
    QString url() const { return m_url; }
    quint16 port() const { return m_port; }
    QString errorText() const { return m_error; }

    // The client the timeline shows and messages go to; 0: all clients.
    quint64 selectedClient() const { return m_selectedClient; }
    void selectClient(quint64 clientId);

    FrameStore *store() { return &m_store; }
    TimelineWidget *timeline() const { return m_timeline; }
    InspectorWidget *inspector() const { return m_inspector; }
    ComposerWidget *composer() const { return m_composer; }
    ScriptPanel *scriptPanel() const { return m_scriptPanel; }
    QTabWidget *bottomTabs() const { return m_bottomTabs; } // "Composer" and "Script"
    ServerClientsModel *clientsModel() const { return m_clientsModel; }
    QTreeView *clientsView() const { return m_clientsView; }
    QPushButton *startButton() const { return m_startButton; }
    QLabel *statusLabel() const { return m_statusLabel; }
    const TrafficCounters &counters() const { return m_counters; }

Q_SIGNALS:
    void listeningChanged(bool listening);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onEventsReady(const EventBatch &events);
    void onStarted(const ServerStarter::Result &result);
    void onClientSelectionChanged();
    void send(const OutgoingRequest &request);
    void onComposeRequested(const EntryDetails &details, int action);
    void onScriptRunRequested();
    void startScript();
    void onScriptRunningChanged(bool running);
    void releaseServer();
    void showError(const QString &error);
    void updateView();
    void updateCounters();
    void browseFor(QLineEdit *edit);
    void retranslateUi();

    NetworkThread *m_network;
    FrameStore m_store;
    SessionRecorder *m_recorder = nullptr;
    Server *m_server = nullptr; // adopted by m_network; only post() to it
    bool m_starting = false;
    bool m_listening = false;
    QString m_url;
    quint16 m_port = 0;
    QString m_error;
    quint64 m_selectedClient = 0;
    TrafficCounters m_counters;
    QTimer m_counterTimer;

    QGroupBox *m_settingsGroup = nullptr;
    QFormLayout *m_form = nullptr;
    QComboBox *m_address = nullptr;
    QSpinBox *m_portBox = nullptr;
    QCheckBox *m_tls = nullptr;
    QLineEdit *m_certificateFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QPushButton *m_certificateBrowse = nullptr;
    QPushButton *m_keyBrowse = nullptr;
    QComboBox *m_behaviour = nullptr;
    QLineEdit *m_subprotocols = nullptr;
    QPushButton *m_startButton = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_countersLabel = nullptr;
    QLabel *m_clientsLabel = nullptr;
    QPushButton *m_allClientsButton = nullptr;
    ServerClientsModel *m_clientsModel = nullptr;
    QTreeView *m_clientsView = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_timelineSplitter = nullptr;
    TimelineWidget *m_timeline = nullptr;
    InspectorWidget *m_inspector = nullptr;
    QSplitter *m_composerSplitter = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    ComposerWidget *m_composer = nullptr;
    ScriptPanel *m_scriptPanel = nullptr;
    QSet<quint64> m_deflateClients; // clients that agreed permessage-deflate
};

} // namespace Frameline
