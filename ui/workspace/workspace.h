#pragma once

#include "ui/session/sessionfiles.h"
#include "ui/session/sessiontab.h"

#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

#include <memory>
#include <optional>

class QPushButton;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace Frameline {

class ClientTab;
class DecoderTab;
class NetworkThread;
class Server;
class ServerTab;
class SessionTab;
class WorkspaceTab;

// The tabs of the main window: client connections, local servers, recorded sessions (read-only) and the
// frame decoder, one per tab (new, close, rename, reorder by dragging), each remembering its settings in
// QSettings ("Workspace/Tabs") when the workspace is persistent; a session tab remembers its file, and is
// opened again next time if the file is still there. Owns the one NetworkThread every connection and
// server of the app lives in, and Frameline's built-in echo server (127.0.0.1, a free port), started on
// demand so that a new user sees frames within seconds. With no tab open it shows a start page.
//
// Owned by the main window; GUI thread.
class Workspace : public QWidget
{
    Q_OBJECT
public:
    explicit Workspace(bool persistent, QWidget *parent = nullptr);
    ~Workspace() override;

    NetworkThread *network() const { return m_network.get(); }
    QTabWidget *tabWidget() const { return m_tabs; }
    int count() const;
    WorkspaceTab *tab(int index) const;
    WorkspaceTab *currentTab() const;
    int indexOf(WorkspaceTab *tab) const;
    void setCurrentTab(WorkspaceTab *tab);

    // A new client tab, made current; connects at once when asked (and the URL can be used).
    ClientTab *addClientTab(const QString &url = QString(), bool connect = false);
    // A new server tab, made current; starts listening at once when asked (port 0: a free one).
    ServerTab *addServerTab(std::optional<int> port = std::nullopt, bool start = false);
    // A read-only tab on a session or HAR file (`kind` as SessionFiles::sniff() says), or on a journal
    // recovered after a crash, made current; it starts loading at once. SessionController checks the file
    // first.
    SessionTab *addSessionTab(const QString &path, SessionFiles::Kind kind, SessionTab::Origin origin);
    // The decoder tab (there is at most one), made current; created when there is none.
    DecoderTab *showDecoder();
    DecoderTab *decoderTab() const;
    // A client tab connected to the built-in echo server (started first when needed).
    ClientTab *connectToEchoServer();
    // What a new user sees first: a tab on the built-in echo server that says hello once it is open.
    ClientTab *openWelcomeTab();
    bool isEchoServerListening() const { return !m_echoUrl.isEmpty(); }
    QString echoServerUrl() const { return m_echoUrl; }

    // Adds a tab made elsewhere (a replay's), made current.
    int addTab(WorkspaceTab *tab);
    void closeTab(int index);
    // An empty title goes back to the automatic one.
    void renameTab(int index, const QString &title);
    // Asks for the new title of a tab.
    void renameTabInteractively(int index);

    // Saves every tab's kind, title and settings (a no-op unless persistent).
    void saveTabs() const;
    // Opens the tabs saved last time, without connecting (except the built-in echo tab); false when none.
    bool restoreTabs();

Q_SIGNALS:
    void tabAdded(Frameline::WorkspaceTab *tab);
    void currentTabChanged(Frameline::WorkspaceTab *tab); // nullptr: no tab
    void currentTitleChanged();
    void currentStatusChanged();
    void echoServerFailed(const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateTab(WorkspaceTab *tab);
    void onCurrentChanged();
    void attachToEchoServer(ClientTab *tab);
    void onSessionComposeRequested(
        SessionTab *session, const EntryDetails &details, TimelineWidget::ComposeAction action);
    void startEchoServer();
    void scheduleSave();
    void retranslateUi();

    const bool m_persistent;
    std::unique_ptr<NetworkThread> m_network;
    QStackedWidget *m_stack = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_startPage = nullptr;
    QLabel *m_startTitle = nullptr;
    QLabel *m_startText = nullptr;
    QPushButton *m_startEcho = nullptr;
    QPushButton *m_startClient = nullptr;
    QPushButton *m_startServer = nullptr;
    QPushButton *m_startDecoder = nullptr;
    QTimer m_saveTimer;
    bool m_restoring = false;

    Server *m_echoServer = nullptr; // adopted by m_network
    bool m_echoStarting = false;
    QString m_echoUrl;
    QList<QPointer<ClientTab>> m_waitingForEcho;
};

} // namespace Frameline
