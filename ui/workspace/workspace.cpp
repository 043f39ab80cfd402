#include "ui/workspace/workspace.h"

#include "app/net/networkthread.h"
#include "app/net/server.h"
#include "ui/composer/composerwidget.h"
#include "ui/composer/framecraftpanel.h"
#include "ui/widgets/setting.h"
#include "ui/workspace/clienttab.h"
#include "ui/workspace/decodertab.h"
#include "ui/workspace/serverstarter.h"
#include "ui/workspace/servertab.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QFileInfo>
#include <QtGui/QIcon>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QStyle>
#include <QtWidgets/QTabBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

#include <utility>

namespace Frameline {

namespace {

const Setting<QVariantList> &tabsSetting()
{
    static const Setting<QVariantList> setting(QStringLiteral("Workspace/Tabs"), {});
    return setting;
}

const Setting<int> &currentTabSetting()
{
    static const Setting<int> setting(QStringLiteral("Workspace/CurrentTab"), 0);
    return setting;
}

QIcon kindIcon(WorkspaceTab::Kind kind)
{
    switch (kind) {
    case WorkspaceTab::Kind::Client:
        return QIcon(QStringLiteral(":/icons/client-tab.svg"));
    case WorkspaceTab::Kind::Server:
        return QIcon(QStringLiteral(":/icons/server-tab.svg"));
    case WorkspaceTab::Kind::Decoder:
        return QIcon(QStringLiteral(":/icons/decoder-tab.svg"));
    case WorkspaceTab::Kind::Session:
        return QApplication::style()->standardIcon(QStyle::SP_FileIcon);
    case WorkspaceTab::Kind::Replay:
        return QApplication::style()->standardIcon(QStyle::SP_MediaPlay);
    }
    return QIcon();
}

} // namespace

Workspace::Workspace(bool persistent, QWidget *parent)
    : QWidget(parent)
    , m_persistent(persistent)
    , m_network(std::make_unique<NetworkThread>())
    , m_stack(new QStackedWidget(this))
    , m_tabs(new QTabWidget(m_stack))
    , m_startPage(new QWidget(m_stack))
{
    setObjectName(QStringLiteral("workspace"));
    ClientTab::setHistoryPersistent(persistent);
    m_tabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setElideMode(Qt::ElideRight);
    m_tabs->setUsesScrollButtons(true);

    // The start page: what a new user can do, one click each.
    m_startTitle = new QLabel(m_startPage);
    m_startTitle->setObjectName(QStringLiteral("startTitle"));
    QFont titleFont = m_startTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_startTitle->setFont(titleFont);
    m_startText = new QLabel(m_startPage);
    m_startText->setWordWrap(true);
    m_startEcho = new QPushButton(QIcon(QStringLiteral(":/icons/echo.svg")), QString(), m_startPage);
    m_startEcho->setObjectName(QStringLiteral("startEcho"));
    m_startClient = new QPushButton(QIcon(QStringLiteral(":/icons/client-tab.svg")), QString(), m_startPage);
    m_startClient->setObjectName(QStringLiteral("startClient"));
    m_startServer = new QPushButton(QIcon(QStringLiteral(":/icons/server-tab.svg")), QString(), m_startPage);
    m_startServer->setObjectName(QStringLiteral("startServer"));
    m_startDecoder
        = new QPushButton(QIcon(QStringLiteral(":/icons/decoder-tab.svg")), QString(), m_startPage);
    m_startDecoder->setObjectName(QStringLiteral("startDecoder"));
    auto *startColumn = new QVBoxLayout;
    startColumn->addWidget(m_startTitle);
    startColumn->addWidget(m_startText);
    startColumn->addSpacing(12);
    for (QPushButton *button : { m_startEcho, m_startClient, m_startServer, m_startDecoder }) {
        button->setIconSize(QSize(24, 24));
        button->setStyleSheet(QStringLiteral("text-align: left; padding: 6px 12px;"));
        startColumn->addWidget(button);
    }
    auto *startOuter = new QHBoxLayout(m_startPage);
    startOuter->addStretch(1);
    auto *startCenter = new QVBoxLayout;
    startCenter->addStretch(1);
    startCenter->addLayout(startColumn);
    startCenter->addStretch(2);
    startOuter->addLayout(startCenter, 2);
    startOuter->addStretch(1);

    m_stack->addWidget(m_startPage);
    m_stack->addWidget(m_tabs);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(1000);
    connect(&m_saveTimer, &QTimer::timeout, this, &Workspace::saveTabs);

    connect(m_startEcho, &QPushButton::clicked, this, &Workspace::connectToEchoServer);
    connect(m_startClient, &QPushButton::clicked, this, [this] { addClientTab(); });
    connect(m_startServer, &QPushButton::clicked, this, [this] { addServerTab(); });
    connect(m_startDecoder, &QPushButton::clicked, this, &Workspace::showDecoder);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &Workspace::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &Workspace::onCurrentChanged);
    connect(m_tabs->tabBar(), &QTabBar::tabMoved, this, &Workspace::scheduleSave);
    connect(m_tabs->tabBar(), &QTabBar::tabBarDoubleClicked, this, [this](int index) {
        if (index >= 0)
            renameTabInteractively(index);
    });

    retranslateUi();
}

Workspace::~Workspace()
{
    m_saveTimer.stop();
    // Whoever listens (the main window) may be half destroyed already: closing the tabs says nothing.
    disconnect(m_tabs, nullptr, this, nullptr);
    blockSignals(true);
    // The tabs hand their connections back to the network thread, which must outlive them.
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    if (m_echoServer)
        m_network->release(m_echoServer);
    m_network.reset();
}

int Workspace::count() const
{
    return m_tabs->count();
}

WorkspaceTab *Workspace::tab(int index) const
{
    return qobject_cast<WorkspaceTab *>(m_tabs->widget(index));
}

WorkspaceTab *Workspace::currentTab() const
{
    return qobject_cast<WorkspaceTab *>(m_tabs->currentWidget());
}

int Workspace::indexOf(WorkspaceTab *tab) const
{
    return m_tabs->indexOf(tab);
}

void Workspace::setCurrentTab(WorkspaceTab *tab)
{
    m_tabs->setCurrentWidget(tab);
}

int Workspace::addTab(WorkspaceTab *tab)
{
    const int index = m_tabs->addTab(tab, kindIcon(tab->kind()), tab->title());
    connect(tab, &WorkspaceTab::titleChanged, this, [this, tab] { updateTab(tab); });
    connect(tab, &WorkspaceTab::statusTextChanged, this, [this, tab] {
        if (tab == currentTab())
            Q_EMIT currentStatusChanged();
    });
    connect(tab, &WorkspaceTab::settingsChanged, this, &Workspace::scheduleSave);
    if (auto *client = qobject_cast<ClientTab *>(tab))
        connect(client, &ClientTab::stateChanged, this, [this, tab] { updateTab(tab); });
    if (auto *server = qobject_cast<ServerTab *>(tab))
        connect(server, &ServerTab::listeningChanged, this, [this, tab] { updateTab(tab); });
    if (auto *session = qobject_cast<SessionTab *>(tab))
        connect(session, &SessionTab::composeRequested, this,
            [this, session](const EntryDetails &details, TimelineWidget::ComposeAction action) {
                onSessionComposeRequested(session, details, action);
            });
    updateTab(tab);
    Q_EMIT tabAdded(tab);
    m_stack->setCurrentWidget(m_tabs);
    m_tabs->setCurrentIndex(index);
    scheduleSave();
    return index;
}

void Workspace::updateTab(WorkspaceTab *tab)
{
    const int index = m_tabs->indexOf(tab);
    if (index < 0)
        return;
    m_tabs->setTabText(index, tab->title());
    // A client tab's icon is its connection state; a server tab's lights up while it listens.
    if (auto *client = qobject_cast<ClientTab *>(tab)) {
        m_tabs->setTabToolTip(index, client->url());
        m_tabs->setTabIcon(
            index, client->state() == ConnectionState::Idle ? kindIcon(tab->kind()) : client->stateIcon());
    } else if (auto *server = qobject_cast<ServerTab *>(tab)) {
        m_tabs->setTabToolTip(index, server->isListening() ? server->url() : QString());
        m_tabs->setTabIcon(index,
            server->isListening() ? QIcon(QStringLiteral(":/icons/state-open.svg")) : kindIcon(tab->kind()));
    } else if (auto *session = qobject_cast<SessionTab *>(tab)) {
        m_tabs->setTabToolTip(index, QDir::toNativeSeparators(session->path()));
    }
    if (tab == currentTab())
        Q_EMIT currentTitleChanged();
}

ClientTab *Workspace::addClientTab(const QString &url, bool connect)
{
    auto *tab = new ClientTab(m_network.get(), m_tabs);
    tab->setUrl(url);
    addTab(tab);
    if (connect && !url.isEmpty())
        tab->connectToServer();
    tab->urlBox()->setFocus();
    return tab;
}

ServerTab *Workspace::addServerTab(std::optional<int> port, bool start)
{
    auto *tab = new ServerTab(m_network.get(), m_tabs);
    if (port) {
        ServerTabSettings settings = tab->settings();
        settings.port = *port;
        tab->setSettings(settings);
    }
    addTab(tab);
    if (start)
        tab->startServer();
    return tab;
}

SessionTab *Workspace::addSessionTab(const QString &path, SessionFiles::Kind kind, SessionTab::Origin origin)
{
    auto *tab = new SessionTab(path, kind, origin, m_tabs);
    addTab(tab);
    return tab;
}

void Workspace::onSessionComposeRequested(
    SessionTab *session, const EntryDetails &details, TimelineWidget::ComposeAction action)
{
    // A recorded message or frame goes into the composer of a new client tab, on the URL it was recorded
    // with when a client recorded it; nothing is sent until the user says so.
    QString url;
    const std::shared_ptr<const HandshakeRecord> handshake
        = session->store()->connectionHandshake(details.connectionId);
    if (handshake && handshake->url.contains(QStringLiteral("://")))
        url = handshake->url;
    ClientTab *tab = addClientTab(url);
    // A frame keeps its masking only when a client sent it (this recording's own sends, when a client
    // recorded it).
    const bool asFrame = action == TimelineWidget::ComposeAction::LoadFrame
        || action == TimelineWidget::ComposeAction::ResendFrame;
    tab->composer()->loadEntry(details, asFrame, !url.isEmpty() && details.direction == Direction::Outgoing);
}

DecoderTab *Workspace::decoderTab() const
{
    for (int index = 0; index < m_tabs->count(); ++index) {
        if (auto *decoder = qobject_cast<DecoderTab *>(m_tabs->widget(index)))
            return decoder;
    }
    return nullptr;
}

DecoderTab *Workspace::showDecoder()
{
    DecoderTab *decoder = decoderTab();
    if (!decoder) {
        decoder = new DecoderTab(m_tabs);
        addTab(decoder);
    }
    m_tabs->setCurrentWidget(decoder);
    return decoder;
}

ClientTab *Workspace::connectToEchoServer()
{
    auto *tab = new ClientTab(m_network.get(), m_tabs);
    tab->setBuiltInEcho(true);
    tab->setCustomTitle(tr("Built-in Echo"));
    tab->composer()->setText(tr("Hello, echo!"));
    addTab(tab);
    attachToEchoServer(tab);
    return tab;
}

ClientTab *Workspace::openWelcomeTab()
{
    ClientTab *tab = connectToEchoServer();
    tab->setGreeting(
        tr("Hello from Frameline! This message went to the built-in echo server and came back."));
    return tab;
}

void Workspace::attachToEchoServer(ClientTab *tab)
{
    if (isEchoServerListening()) {
        tab->setUrl(m_echoUrl);
        tab->connectToServer();
        return;
    }
    m_waitingForEcho.append(tab);
    startEchoServer();
}

void Workspace::startEchoServer()
{
    if (m_echoStarting || isEchoServerListening())
        return;
    Server::Options options;
    options.behaviour = Server::Behaviour::Echo;
    auto *server = new Server(options);
    m_echoServer = server;
    m_echoStarting = true;
    m_network->adopt(server);
    ServerStarter::start(m_network.get(), server, this, [this](const ServerStarter::Result &result) {
        m_echoStarting = false;
        const QList<QPointer<ClientTab>> waiting = std::exchange(m_waitingForEcho, {});
        if (!result.listening) {
            m_network->release(m_echoServer);
            m_echoServer = nullptr;
            for (const QPointer<ClientTab> &tab : waiting) {
                if (tab)
                    tab->setErrorText(tr("The built-in echo server could not start: %1").arg(result.error));
            }
            Q_EMIT echoServerFailed(result.error);
            return;
        }
        m_echoUrl = result.url;
        for (const QPointer<ClientTab> &tab : waiting) {
            if (tab) {
                tab->setUrl(m_echoUrl);
                tab->connectToServer();
            }
        }
    });
}

void Workspace::closeTab(int index)
{
    QWidget *page = m_tabs->widget(index);
    if (!page)
        return;
    m_tabs->removeTab(index);
    delete page;
    if (m_tabs->count() == 0)
        m_stack->setCurrentWidget(m_startPage);
    scheduleSave();
}

void Workspace::renameTab(int index, const QString &title)
{
    if (WorkspaceTab *page = tab(index))
        page->setCustomTitle(title);
}

void Workspace::renameTabInteractively(int index)
{
    WorkspaceTab *page = tab(index);
    if (!page)
        return;
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("Rename Tab"),
        tr("Title (leave empty for an automatic one):"), QLineEdit::Normal, page->customTitle(), &ok);
    if (ok)
        page->setCustomTitle(title);
}

void Workspace::onCurrentChanged()
{
    Q_EMIT currentTabChanged(currentTab());
    Q_EMIT currentTitleChanged();
    Q_EMIT currentStatusChanged();
    scheduleSave();
}

void Workspace::scheduleSave()
{
    if (m_persistent && !m_restoring)
        m_saveTimer.start();
}

void Workspace::saveTabs() const
{
    if (!m_persistent)
        return;
    QVariantList tabs;
    int current = 0;
    for (int index = 0; index < m_tabs->count(); ++index) {
        const WorkspaceTab *page = tab(index);
        // A recovered journal is discarded with its tab: there is nothing to open next time.
        if (const auto *session = qobject_cast<const SessionTab *>(page); session && session->isRecovered())
            continue;
        // A replay (and its recording) goes with its tab, too.
        if (page->kind() == WorkspaceTab::Kind::Replay)
            continue;
        if (index == m_tabs->currentIndex())
            current = int(tabs.size());
        QVariantMap entry;
        entry.insert(QStringLiteral("kind"), WorkspaceTab::kindId(page->kind()));
        entry.insert(QStringLiteral("title"), page->customTitle());
        entry.insert(QStringLiteral("settings"), page->saveSettings());
        tabs.append(entry);
    }
    tabsSetting().setValue(tabs);
    currentTabSetting().setValue(current);
}

bool Workspace::restoreTabs()
{
    if (!m_persistent)
        return false;
    m_restoring = true;
    const QVariantList tabs = tabsSetting().value();
    for (const QVariant &value : tabs) {
        const QVariantMap entry = value.toMap();
        const QString kind = entry.value(QStringLiteral("kind")).toString();
        const QVariantMap settings = entry.value(QStringLiteral("settings")).toMap();
        WorkspaceTab *page = nullptr;
        if (kind == WorkspaceTab::kindId(WorkspaceTab::Kind::Client)) {
            auto *client = new ClientTab(m_network.get(), m_tabs);
            client->restoreSettings(settings);
            page = client;
        } else if (kind == WorkspaceTab::kindId(WorkspaceTab::Kind::Server)) {
            auto *server = new ServerTab(m_network.get(), m_tabs);
            server->restoreSettings(settings);
            page = server;
        } else if (kind == WorkspaceTab::kindId(WorkspaceTab::Kind::Decoder)) {
            if (decoderTab())
                continue;
            page = new DecoderTab(m_tabs);
        } else if (kind == WorkspaceTab::kindId(WorkspaceTab::Kind::Session)) {
            // Opened again while the file is there; a file that changed into something else says so in
            // its tab.
            const QString path = SessionTab::pathFromSettings(settings);
            if (!QFileInfo(path).isFile())
                continue;
            SessionFiles::Kind fileKind = SessionFiles::sniff(path);
            if (fileKind == SessionFiles::Kind::Other)
                fileKind = SessionFiles::Kind::Session;
            auto *session = new SessionTab(path, fileKind, SessionTab::Origin::File, m_tabs);
            session->restoreSettings(settings);
            page = session;
        } else {
            continue; // written by a newer version
        }
        page->setCustomTitle(entry.value(QStringLiteral("title")).toString());
        addTab(page);
    }
    const int current = currentTabSetting().value();
    if (current >= 0 && current < m_tabs->count())
        m_tabs->setCurrentIndex(current);
    m_restoring = false;
    // The built-in echo server's port is new every run: its tabs follow it and connect, as on first launch.
    for (int index = 0; index < m_tabs->count(); ++index) {
        auto *client = qobject_cast<ClientTab *>(m_tabs->widget(index));
        if (client && client->isBuiltInEcho())
            attachToEchoServer(client);
    }
    return m_tabs->count() > 0;
}

void Workspace::retranslateUi()
{
    m_startTitle->setText(tr("Welcome to Frameline"));
    m_startText->setText(tr("Connect to a WebSocket server, run a local one, or decode bytes you captured. "
                            "The built-in echo server runs on this computer and needs no network."));
    m_startEcho->setText(tr("Connect to the Built-in Echo Server"));
    m_startClient->setText(tr("New Client Tab"));
    m_startServer->setText(tr("New Server Tab"));
    m_startDecoder->setText(tr("Decode Bytes"));
}

void Workspace::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Frameline
