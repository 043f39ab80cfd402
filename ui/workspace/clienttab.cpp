#include "ui/workspace/clienttab.h"

#include "app/net/clientconnection.h"
#include "app/net/clock.h"
#include "app/net/networkthread.h"
#include "app/protocol/closecode.h"
#include "ui/composer/composerwidget.h"
#include "ui/composer/framecraftpanel.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/script/scriptpanel.h"
#include "ui/session/sessionrecorder.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/widgets/setting.h"
#include "ui/workspace/requestsettingswidget.h"

#include <QtCore/QEvent>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtGui/QIcon>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStyle>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

#include <utility>

namespace Frameline {

namespace {

constexpr int MaxHistory = 20;

const Setting<QStringList> &historySetting()
{
    static const Setting<QStringList> setting(QStringLiteral("Client/UrlHistory"), {});
    return setting;
}

bool s_historyPersistent = true;
QStringList &historyList()
{
    static QStringList list = s_historyPersistent ? historySetting().value() : QStringList();
    return list;
}

QString stateIconName(ConnectionState state, const CloseInfo &close, bool failed)
{
    switch (state) {
    case ConnectionState::Idle:
        return QStringLiteral(":/icons/state-idle.svg");
    case ConnectionState::Resolving:
    case ConnectionState::Connecting:
    case ConnectionState::TlsHandshaking:
    case ConnectionState::Upgrading:
    case ConnectionState::Closing:
        return QStringLiteral(":/icons/state-busy.svg");
    case ConnectionState::Open:
        return QStringLiteral(":/icons/state-open.svg");
    case ConnectionState::Closed:
        return failed || close.abnormal ? QStringLiteral(":/icons/state-error.svg")
                                        : QStringLiteral(":/icons/state-idle.svg");
    }
    return QStringLiteral(":/icons/state-idle.svg");
}

} // namespace

ClientTab::ClientTab(NetworkThread *network, QWidget *parent)
    : WorkspaceTab(parent)
    , m_network(network)
    , m_recorder(new SessionRecorder(this))
    , m_url(new QComboBox(this))
    , m_connectButton(new QPushButton(this))
    , m_stateIcon(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_countersLabel(new QLabel(this))
    , m_clearButton(new QToolButton(this))
    , m_settingsButton(new QToolButton(this))
    , m_errorLabel(new QLabel(this))
    , m_composerSplitter(new QSplitter(Qt::Vertical, this))
    , m_mainSplitter(new QSplitter(Qt::Horizontal, m_composerSplitter))
    , m_timelineSplitter(new QSplitter(Qt::Vertical, m_mainSplitter))
    , m_timeline(new TimelineWidget(&m_store, m_timelineSplitter))
    , m_inspector(new InspectorWidget(m_timelineSplitter))
    , m_settingsArea(new QScrollArea(m_mainSplitter))
    , m_requestSettings(new RequestSettingsWidget(m_settingsArea))
    , m_bottomTabs(new QTabWidget(m_composerSplitter))
    , m_composer(new ComposerWidget(Endpoint::Client, m_bottomTabs))
    , m_scriptPanel(new ScriptPanel(ScriptPanel::Target::Client, m_bottomTabs))
{
    m_url->setObjectName(QStringLiteral("urlBox"));
    m_url->setEditable(true);
    m_url->setInsertPolicy(QComboBox::NoInsert);
    m_url->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_url->setMinimumContentsLength(30);
    m_url->addItems(urlHistory());
    m_url->setCurrentIndex(-1);
    m_url->setEditText(QString());
    m_url->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_url->completer()->setFilterMode(Qt::MatchContains);
    m_url->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_stateIcon->setObjectName(QStringLiteral("stateIcon"));
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countersLabel->setObjectName(QStringLiteral("countersLabel"));
    m_countersLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clearButton->setObjectName(QStringLiteral("clearButton"));
    m_clearButton->setIcon(QIcon(QStringLiteral(":/icons/clear.svg")));
    m_clearButton->setAutoRaise(true);
    m_settingsButton->setObjectName(QStringLiteral("requestSettingsButton"));
    m_settingsButton->setIcon(QIcon(QStringLiteral(":/icons/settings.svg")));
    m_settingsButton->setCheckable(true);
    m_settingsButton->setChecked(true);
    m_settingsButton->setAutoRaise(true);
    m_settingsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #d0463c;"));
    m_errorLabel->hide();

    m_mainSplitter->setObjectName(QStringLiteral("clientSplitter"));
    m_timelineSplitter->setObjectName(QStringLiteral("clientTimelineSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);
    m_timelineSplitter->setChildrenCollapsible(false);
    m_settingsArea->setObjectName(QStringLiteral("requestSettingsArea"));
    m_settingsArea->setWidget(m_requestSettings);
    m_settingsArea->setWidgetResizable(true);
    m_settingsArea->setFrameShape(QFrame::NoFrame);
    m_settingsArea->setMinimumWidth(300);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({ 860, 400 });
    m_timelineSplitter->setStretchFactor(0, 3);
    m_timelineSplitter->setStretchFactor(1, 2);
    m_composerSplitter->setObjectName(QStringLiteral("clientComposerSplitter"));
    m_composerSplitter->setChildrenCollapsible(false);
    m_composerSplitter->setStretchFactor(0, 1);
    m_composerSplitter->setStretchFactor(1, 0);
    m_bottomTabs->setObjectName(QStringLiteral("clientBottomTabs"));
    m_bottomTabs->setDocumentMode(true);
    m_bottomTabs->addTab(m_composer, QString());
    m_bottomTabs->addTab(m_scriptPanel, QString());

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_url, 1);
    bar->addWidget(m_connectButton);
    bar->addSpacing(6);
    bar->addWidget(m_stateIcon);
    bar->addWidget(m_stateLabel);
    bar->addSpacing(12);
    bar->addWidget(m_countersLabel);
    bar->addStretch(0);
    bar->addWidget(m_clearButton);
    bar->addWidget(m_settingsButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_composerSplitter, 1);

    m_counterTimer.setInterval(500);
    connect(&m_counterTimer, &QTimer::timeout, this, &ClientTab::updateCounters);

    connect(m_connectButton, &QPushButton::clicked, this, &ClientTab::onConnectClicked);
    connect(m_url->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        if (!isActive())
            connectToServer();
    });
    connect(m_url, &QComboBox::currentTextChanged, this, [this] {
        Q_EMIT titleChanged();
        Q_EMIT settingsChanged();
    });
    connect(m_clearButton, &QToolButton::clicked, this, &ClientTab::clearTimeline);
    connect(m_settingsButton, &QToolButton::toggled, m_settingsArea, &QWidget::setVisible);
    connect(m_settingsButton, &QToolButton::toggled, this, &ClientTab::settingsChanged);
    connect(m_requestSettings, &RequestSettingsWidget::settingsChanged, this, &ClientTab::settingsChanged);
    connect(m_timeline, &TimelineWidget::currentChanged, m_inspector, &InspectorWidget::showDetails);
    connect(m_composer, &ComposerWidget::sendRequested, this, &ClientTab::send);
    connect(m_timeline, &TimelineWidget::composeRequested, this,
        [this](const EntryDetails &details, TimelineWidget::ComposeAction action) {
            onComposeRequested(details, int(action));
        });
    connect(m_scriptPanel, &ScriptPanel::runRequested, this, &ClientTab::onScriptRunRequested);
    connect(m_scriptPanel, &ScriptPanel::stateChanged, this, &ClientTab::settingsChanged);
    connect(m_bottomTabs, &QTabWidget::currentChanged, this, &ClientTab::settingsChanged);

    retranslateUi();
    updateStateView();
    updateCounters();
}

ClientTab::~ClientTab()
{
    // A running script ends (and its thread with it) while its connection is still there.
    delete std::exchange(m_scriptPanel, nullptr);
    releaseConnection();
}

void ClientTab::releaseConnection()
{
    if (!m_connection)
        return;
    ClientConnection *connection = m_connection;
    m_connection = nullptr;
    disconnect(connection, nullptr, this, nullptr);
    // Going away (RFC 6455 §7.4.1, 1001) when it is still open; deleted in its thread once the closing
    // handshake is over, or after the close timeout (and at the latest with the network thread).
    NetworkThread::post(connection, [connection] {
        connection->stop(CloseCode::GoingAway);
        if (connection->state() == ConnectionState::Closed && !connection->isReconnectPending()) {
            connection->deleteLater();
            return;
        }
        QObject::connect(connection, &Connection::closed, connection, &QObject::deleteLater);
        QTimer::singleShot(connection->settings().closeTimeoutMs + 1000, connection, &QObject::deleteLater);
    });
}

QString ClientTab::automaticTitle() const
{
    const QString text = url().trimmed();
    if (text.isEmpty())
        return tr("New Connection");
    const QUrl parsed = QUrl::fromUserInput(text);
    if (parsed.isValid() && !parsed.host().isEmpty()) {
        QString title = parsed.host();
        if (parsed.port() > 0)
            title += QLatin1Char(':') + QString::number(parsed.port());
        if (parsed.path().size() > 1)
            title += parsed.path();
        return title;
    }
    return text;
}

QString ClientTab::statusText() const
{
    return m_countersLabel->text();
}

QString ClientTab::url() const
{
    return m_url->currentText();
}

void ClientTab::setUrl(const QString &url)
{
    m_url->setEditText(url);
}

ClientTabSettings ClientTab::settings() const
{
    ClientTabSettings settings = m_requestSettings->settings();
    settings.url = url().trimmed();
    return settings;
}

void ClientTab::setSettings(const ClientTabSettings &settings)
{
    m_requestSettings->setSettings(settings);
    setUrl(settings.url);
}

QVariantMap ClientTab::saveSettings() const
{
    QVariantMap map = settings().toMap();
    map.insert(QStringLiteral("requestSettingsVisible"), isRequestSettingsVisible());
    map.insert(QStringLiteral("builtInEcho"), m_builtInEcho);
    map.insert(QStringLiteral("timelineState"), m_timeline->saveState());
    map.insert(QStringLiteral("inspectorState"), m_inspector->saveState());
    map.insert(QStringLiteral("composerSplitter"), m_composerSplitter->saveState());
    map.insert(QStringLiteral("composer"), m_composer->saveState());
    map.insert(QStringLiteral("script"), m_scriptPanel->saveState());
    map.insert(QStringLiteral("bottomTab"), m_bottomTabs->currentIndex());
    return map;
}

void ClientTab::restoreSettings(const QVariantMap &map)
{
    setSettings(ClientTabSettings::fromMap(map));
    setRequestSettingsVisible(map.value(QStringLiteral("requestSettingsVisible"), true).toBool());
    m_builtInEcho = map.value(QStringLiteral("builtInEcho"), false).toBool();
    const QByteArray timelineState = map.value(QStringLiteral("timelineState")).toByteArray();
    if (!timelineState.isEmpty())
        m_timeline->restoreState(timelineState);
    const QByteArray inspectorState = map.value(QStringLiteral("inspectorState")).toByteArray();
    if (!inspectorState.isEmpty())
        m_inspector->restoreState(inspectorState);
    const QByteArray composerSplitter = map.value(QStringLiteral("composerSplitter")).toByteArray();
    if (!composerSplitter.isEmpty())
        m_composerSplitter->restoreState(composerSplitter);
    m_composer->restoreState(map.value(QStringLiteral("composer")).toMap());
    m_scriptPanel->restoreState(map.value(QStringLiteral("script")).toMap());
    m_bottomTabs->setCurrentIndex(map.value(QStringLiteral("bottomTab"), 0).toInt());
}

void ClientTab::setRequestSettingsVisible(bool visible)
{
    m_settingsButton->setChecked(visible);
    m_settingsArea->setVisible(visible);
}

bool ClientTab::isRequestSettingsVisible() const
{
    return m_settingsButton->isChecked();
}

bool ClientTab::isActive() const
{
    if (!m_connection)
        return false;
    return m_reconnecting || (m_state != ConnectionState::Idle && m_state != ConnectionState::Closed);
}

QString ClientTab::errorText() const
{
    return m_error;
}

void ClientTab::setErrorText(const QString &error)
{
    showError(error);
    updateStateView();
}

void ClientTab::showError(const QString &error)
{
    m_error = error;
    m_errorLabel->setText(error);
    m_errorLabel->setVisible(!error.isEmpty());
}

bool ClientTab::connectToServer()
{
    QString error;
    const std::optional<ClientConnection::Options> options = settings().toOptions(&error);
    if (!options) {
        showError(error);
        return false;
    }
    showError(QString());
    // A script still on the old connection ends with it (one waiting for this new one is not running yet).
    if (m_scriptPanel->runState() == ScriptPanel::RunState::Running)
        m_scriptPanel->stop();
    releaseConnection();
    // The field shows the URL as it is dialled ("localhost:9001" becomes "ws://localhost:9001").
    const QString dialled = options->url.toString();
    if (dialled != url().trimmed())
        setUrl(dialled);
    if (!m_builtInEcho) // its port changes every run: not worth remembering
        rememberUrl(dialled);

    auto *connection = new ClientConnection(*options);
    m_connection = connection;
    m_connectionId = connection->id();
    m_state = ConnectionState::Idle;
    m_close = CloseInfo();
    m_tlsProtocol.clear();
    m_reconnecting = false;
    m_reconnectEnabled = options->reconnect.enabled;
    m_reconnectMaxAttempts = options->reconnect.maxAttempts;
    m_attempts = 0;
    m_userStopped = false;
    connect(connection, &Connection::eventsReady, this, &ClientTab::onEventsReady);
    m_network->adopt(connection);
    NetworkThread::post(connection, [connection] { connection->open(); });
    // Shown at once; the connection's own state notices follow.
    m_state = ConnectionState::Connecting;
    m_counterTimer.start();
    updateStateView();
    return true;
}

void ClientTab::disconnectFromServer()
{
    if (!m_connection)
        return;
    ClientConnection *connection = m_connection;
    m_userStopped = true;
    if (m_reconnecting) { // between attempts: nothing more will come from the connection
        m_reconnecting = false;
        m_counterTimer.stop();
        updateStateView();
    }
    NetworkThread::post(connection, [connection] { connection->stop(CloseCode::Normal); });
}

void ClientTab::onConnectClicked()
{
    if (isActive())
        disconnectFromServer();
    else
        connectToServer();
}

void ClientTab::onEventsReady(const EventBatch &events)
{
    m_recorder->record(events);
    m_store.append(events);
    m_counters.add(events, 0);
    bool stateChanged = false;
    for (const ConnectionEvent &event : events) {
        const auto *notice = std::get_if<ConnectionNotice>(&event);
        if (!notice || notice->connectionId != m_connectionId)
            continue;
        switch (notice->kind) {
        case ConnectionNotice::Kind::StateChanged:
            m_state = notice->state;
            if (m_state == ConnectionState::Closed) {
                m_close = notice->close;
                ++m_attempts;
                // ClientConnection dials again after an abnormal end, as its policy says (the same rule).
                m_reconnecting = m_reconnectEnabled && !m_userStopped && m_close.abnormal
                    && (m_reconnectMaxAttempts == 0 || m_attempts < m_reconnectMaxAttempts);
            } else {
                m_reconnecting = false;
            }
            stateChanged = true;
            break;
        case ConnectionNotice::Kind::Error:
            showError(notice->text);
            break;
        case ConnectionNotice::Kind::Handshake:
            if (notice->handshake && notice->handshake->accepted) {
                showError(QString());
                m_composer->setDeflateNegotiated(notice->handshake->deflate.has_value());
            }
            break;
        case ConnectionNotice::Kind::Tls:
            if (notice->tls)
                m_tlsProtocol = notice->tls->protocol;
            stateChanged = true;
            break;
        default:
            break;
        }
    }
    if (stateChanged) {
        if (m_state == ConnectionState::Closed && !m_reconnecting)
            m_counterTimer.stop();
        updateStateView();
        if (m_state == ConnectionState::Open && !m_greeting.isEmpty())
            send(OutgoingRequest::message(0x1, std::exchange(m_greeting, QString()).toUtf8()));
        Q_EMIT this->stateChanged(m_state);
    }
    updateCounters();
}

void ClientTab::send(const OutgoingRequest &request)
{
    if (!m_connection)
        return;
    ClientConnection *connection = m_connection;
    QPointer<ClientTab> tab(this);
    NetworkThread::post(connection, [connection, request, tab] {
        if (request.sendOn(*connection))
            return;
        // Not open any more, or a frame that cannot be written at all: say so where the user sent from.
        const QString error = connection->errorString();
        QMetaObject::invokeMethod(tab, [tab, error] {
            if (tab)
                tab->showError(tr("Not sent: %1").arg(error));
        });
    });
}

void ClientTab::onComposeRequested(const EntryDetails &details, int action)
{
    if (const std::optional<OutgoingRequest> request
        = m_composer->takeEntry(details, TimelineWidget::ComposeAction(action)))
        send(*request);
}

void ClientTab::onScriptRunRequested()
{
    // On the connection that is open or being dialled, else on a new one made the way Connect makes it;
    // the runner starts the script once it is open.
    bool usable = false;
    switch (m_state) {
    case ConnectionState::Resolving:
    case ConnectionState::Connecting:
    case ConnectionState::TlsHandshaking:
    case ConnectionState::Upgrading:
    case ConnectionState::Open:
        usable = m_connection != nullptr;
        break;
    case ConnectionState::Idle:
    case ConnectionState::Closing:
    case ConnectionState::Closed:
        break;
    }
    if (!usable && !connectToServer()) {
        m_scriptPanel->cancelRun(m_error);
        return;
    }
    m_scriptPanel->startClient(m_connection);
}

void ClientTab::clearTimeline()
{
    m_recorder->restart();
    m_store.clear();
    m_timeline->reset();
    m_inspector->showDetails(EntryDetails());
    m_counters.reset();
    updateCounters();
}

QIcon ClientTab::stateIcon() const
{
    return QIcon(stateIconName(m_state, m_close, !m_error.isEmpty()));
}

void ClientTab::updateStateView()
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_stateIcon->setPixmap(stateIcon().pixmap(QSize(size, size), devicePixelRatioF()));
    QString text;
    if (m_state == ConnectionState::Closed) {
        text = m_close.reason.isEmpty()
            ? tr("Closed (%1 %2)").arg(m_close.code).arg(CloseCodes::name(m_close.code))
            : tr("Closed (%1 %2: %3)").arg(m_close.code).arg(CloseCodes::name(m_close.code), m_close.reason);
        if (m_reconnecting)
            text += QStringLiteral(" · ") + tr("reconnecting");
    } else if (m_state == ConnectionState::Idle) {
        text = tr("Not connected");
    } else if (m_state == ConnectionState::Open && !m_tlsProtocol.isEmpty()) {
        text = tr("%1 · %2").arg(ConnectionText::stateName(m_state), m_tlsProtocol);
    } else {
        text = ConnectionText::stateName(m_state);
    }
    m_stateLabel->setText(text);
    m_stateLabel->setToolTip(m_state == ConnectionState::Closed ? CloseCodes::meaning(m_close.code) : QString());
    const bool active = isActive();
    m_connectButton->setText(active ? tr("&Disconnect") : tr("&Connect"));
    m_connectButton->setIcon(
        QIcon(active ? QStringLiteral(":/icons/disconnect.svg") : QStringLiteral(":/icons/connect.svg")));
    const bool open = m_connection && m_state == ConnectionState::Open;
    m_composer->setConnected(open);
    m_timeline->setResendEnabled(open);
}

void ClientTab::updateCounters()
{
    m_countersLabel->setText(m_counters.text(Clock::nowNs()));
    Q_EMIT statusTextChanged();
}

QStringList ClientTab::urlHistory()
{
    return historyList();
}

void ClientTab::setHistoryPersistent(bool persistent)
{
    s_historyPersistent = persistent;
}

void ClientTab::rememberUrl(const QString &url)
{
    QStringList &history = historyList();
    history.removeAll(url);
    history.prepend(url);
    while (history.size() > MaxHistory)
        history.removeLast();
    if (s_historyPersistent)
        historySetting().setValue(history);
    const QString current = m_url->currentText();
    const QSignalBlocker blocker(m_url);
    m_url->clear();
    m_url->addItems(history);
    m_url->setEditText(current);
}

void ClientTab::retranslateUi()
{
    m_url->lineEdit()->setPlaceholderText(tr("ws://host:port/path or wss://…"));
    m_url->setToolTip(tr("WebSocket URL (Return connects)"));
    m_clearButton->setToolTip(tr("Clear the timeline"));
    m_settingsButton->setText(tr("Request Settings"));
    m_settingsButton->setToolTip(tr("Show or hide the request settings"));
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_composer), tr("Composer"));
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_scriptPanel), tr("Script"));
    updateStateView();
    updateCounters();
}

void ClientTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Frameline
