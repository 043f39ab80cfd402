#include "ui/workspace/servertab.h"

#include "app/net/clock.h"
#include "app/net/networkthread.h"
#include "app/net/server.h"
#include "app/protocol/closecode.h"
#include "ui/composer/composerwidget.h"
#include "ui/composer/framecraftpanel.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/script/scriptpanel.h"
#include "ui/session/sessionrecorder.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/workspace/serverclientsmodel.h"

#include <QtCore/QEvent>
#include <QtGui/QIcon>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

#include <utility>

namespace Frameline {

namespace {

void setFormLabel(QFormLayout *form, QWidget *field, const QString &text)
{
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(field)))
        label->setText(text);
}

QWidget *fileField(QLineEdit *edit, QPushButton *browse)
{
    auto *field = new QWidget(edit->parentWidget());
    auto *layout = new QHBoxLayout(field);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return field;
}

} // namespace

ServerTab::ServerTab(NetworkThread *network, QWidget *parent)
    : WorkspaceTab(parent)
    , m_network(network)
    , m_recorder(new SessionRecorder(this))
    , m_clientsModel(new ServerClientsModel(this))
{
    m_composerSplitter = new QSplitter(Qt::Vertical, this);
    m_composerSplitter->setObjectName(QStringLiteral("serverComposerSplitter"));
    m_composerSplitter->setChildrenCollapsible(false);
    m_mainSplitter = new QSplitter(Qt::Horizontal, m_composerSplitter);
    m_mainSplitter->setObjectName(QStringLiteral("serverSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);

    auto *side = new QWidget(m_mainSplitter);
    m_settingsGroup = new QGroupBox(side);
    m_form = new QFormLayout(m_settingsGroup);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_address = new QComboBox(m_settingsGroup);
    m_address->setObjectName(QStringLiteral("serverAddress"));
    m_address->setEditable(true);
    m_address->addItems({ QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("0.0.0.0"),
        QStringLiteral("::") });
    m_portBox = new QSpinBox(m_settingsGroup);
    m_portBox->setObjectName(QStringLiteral("serverPort"));
    m_portBox->setRange(0, 65535);
    m_tls = new QCheckBox(m_settingsGroup);
    m_tls->setObjectName(QStringLiteral("serverTls"));
    m_certificateFile = new QLineEdit(m_settingsGroup);
    m_certificateFile->setObjectName(QStringLiteral("serverCertificateFile"));
    m_certificateFile->setClearButtonEnabled(true);
    m_keyFile = new QLineEdit(m_settingsGroup);
    m_keyFile->setObjectName(QStringLiteral("serverKeyFile"));
    m_keyFile->setClearButtonEnabled(true);
    m_certificateBrowse = new QPushButton(m_settingsGroup);
    m_keyBrowse = new QPushButton(m_settingsGroup);
    m_behaviour = new QComboBox(m_settingsGroup);
    m_behaviour->setObjectName(QStringLiteral("serverBehaviour"));
    m_behaviour->addItem(QString(), int(Server::Behaviour::Manual));
    m_behaviour->addItem(QString(), int(Server::Behaviour::Echo));
    m_behaviour->addItem(QString(), int(Server::Behaviour::Broadcast));
    m_subprotocols = new QLineEdit(m_settingsGroup);
    m_subprotocols->setObjectName(QStringLiteral("serverSubprotocols"));
    m_form->addRow(new QLabel(m_settingsGroup), m_address);
    m_form->addRow(new QLabel(m_settingsGroup), m_portBox);
    m_form->addRow(m_tls);
    m_form->addRow(new QLabel(m_settingsGroup), fileField(m_certificateFile, m_certificateBrowse));
    m_form->addRow(new QLabel(m_settingsGroup), fileField(m_keyFile, m_keyBrowse));
    m_form->addRow(new QLabel(m_settingsGroup), m_behaviour);
    m_form->addRow(new QLabel(m_settingsGroup), m_subprotocols);

    m_startButton = new QPushButton(side);
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_statusLabel = new QLabel(side);
    m_statusLabel->setObjectName(QStringLiteral("serverStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countersLabel = new QLabel(side);
    m_countersLabel->setObjectName(QStringLiteral("countersLabel"));
    m_countersLabel->setMinimumWidth(1); // clipped rather than widening the panel; the status bar has it all
    m_clientsLabel = new QLabel(side);
    m_allClientsButton = new QPushButton(side);
    m_allClientsButton->setObjectName(QStringLiteral("allClientsButton"));
    m_allClientsButton->setCheckable(true);
    m_allClientsButton->setChecked(true);
    m_clientsView = new QTreeView(side);
    m_clientsView->setObjectName(QStringLiteral("clientsView"));
    m_clientsView->setModel(m_clientsModel);
    m_clientsView->setRootIsDecorated(false);
    m_clientsView->setUniformRowHeights(true);
    m_clientsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_clientsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_clientsView->header()->setObjectName(QStringLiteral("serverClientsHeader"));
    m_clientsView->header()->setStretchLastSection(true);
    m_clientsView->setColumnWidth(ServerClientsModel::IdColumn, 50);
    m_clientsView->setColumnWidth(ServerClientsModel::PeerColumn, 130);
    m_clientsView->setColumnWidth(ServerClientsModel::StateColumn, 100);

    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_startButton);
    startRow->addWidget(m_statusLabel, 1);
    auto *clientsRow = new QHBoxLayout;
    clientsRow->addWidget(m_clientsLabel, 1);
    clientsRow->addWidget(m_allClientsButton);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_settingsGroup);
    sideLayout->addLayout(startRow);
    sideLayout->addWidget(m_countersLabel);
    sideLayout->addLayout(clientsRow);
    sideLayout->addWidget(m_clientsView, 1);

    m_timelineSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_timelineSplitter->setObjectName(QStringLiteral("serverTimelineSplitter"));
    m_timelineSplitter->setChildrenCollapsible(false);
    m_timeline = new TimelineWidget(&m_store, m_timelineSplitter);
    m_timeline->setConnectionColumnVisible(true); // every client in one store: say whose each row is
    m_inspector = new InspectorWidget(m_timelineSplitter);
    m_timelineSplitter->setStretchFactor(0, 3);
    m_timelineSplitter->setStretchFactor(1, 2);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setSizes({ 380, 900 });

    m_bottomTabs = new QTabWidget(m_composerSplitter);
    m_bottomTabs->setObjectName(QStringLiteral("serverBottomTabs"));
    m_bottomTabs->setDocumentMode(true);
    m_composer = new ComposerWidget(Endpoint::Server, m_bottomTabs);
    m_scriptPanel = new ScriptPanel(ScriptPanel::Target::Server, m_bottomTabs);
    m_bottomTabs->addTab(m_composer, QString());
    m_bottomTabs->addTab(m_scriptPanel, QString());
    m_composerSplitter->setStretchFactor(0, 1);
    m_composerSplitter->setStretchFactor(1, 0);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_composerSplitter, 1);

    m_counterTimer.setInterval(500);
    connect(&m_counterTimer, &QTimer::timeout, this, &ServerTab::updateCounters);
    connect(m_startButton, &QPushButton::clicked, this, [this] {
        if (m_listening || m_starting)
            stopServer();
        else
            startServer();
    });
    connect(m_certificateBrowse, &QPushButton::clicked, this, [this] { browseFor(m_certificateFile); });
    connect(m_keyBrowse, &QPushButton::clicked, this, [this] { browseFor(m_keyFile); });
    connect(m_tls, &QCheckBox::toggled, this, &ServerTab::updateView);
    connect(m_behaviour, &QComboBox::currentIndexChanged, this, [this] {
        // The behaviour applies at once to a running server.
        if (m_server) {
            Server *server = m_server;
            const auto behaviour = Server::Behaviour(m_behaviour->currentData().toInt());
            NetworkThread::post(server, [server, behaviour] { server->setBehaviour(behaviour); });
        }
    });
    for (QLineEdit *edit : { m_certificateFile, m_keyFile, m_subprotocols })
        connect(edit, &QLineEdit::textChanged, this, &ServerTab::settingsChanged);
    connect(m_address, &QComboBox::currentTextChanged, this, &ServerTab::settingsChanged);
    connect(m_portBox, &QSpinBox::valueChanged, this, &ServerTab::settingsChanged);
    connect(m_tls, &QCheckBox::toggled, this, &ServerTab::settingsChanged);
    connect(m_behaviour, &QComboBox::currentIndexChanged, this, &ServerTab::settingsChanged);
    connect(m_address, &QComboBox::currentTextChanged, this, &ServerTab::titleChanged);
    connect(m_portBox, &QSpinBox::valueChanged, this, &ServerTab::titleChanged);
    connect(m_clientsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ServerTab::onClientSelectionChanged);
    connect(m_allClientsButton, &QPushButton::clicked, this, [this] { selectClient(0); });
    connect(m_timeline, &TimelineWidget::currentChanged, m_inspector, &InspectorWidget::showDetails);
    connect(m_composer, &ComposerWidget::sendRequested, this, &ServerTab::send);
    connect(m_timeline, &TimelineWidget::composeRequested, this,
        [this](const EntryDetails &details, TimelineWidget::ComposeAction action) {
            onComposeRequested(details, int(action));
        });
    connect(m_scriptPanel, &ScriptPanel::runRequested, this, &ServerTab::onScriptRunRequested);
    connect(m_scriptPanel, &ScriptPanel::runningChanged, this, &ServerTab::onScriptRunningChanged);
    connect(m_scriptPanel, &ScriptPanel::stateChanged, this, &ServerTab::settingsChanged);
    connect(m_bottomTabs, &QTabWidget::currentChanged, this, &ServerTab::settingsChanged);

    setSettings(ServerTabSettings());
    retranslateUi();
}

ServerTab::~ServerTab()
{
    // A running script ends (and its thread with it) while its server is still there.
    delete std::exchange(m_scriptPanel, nullptr);
    releaseServer();
}

void ServerTab::releaseServer()
{
    if (!m_server)
        return;
    if (m_scriptPanel && m_scriptPanel->runState() == ScriptPanel::RunState::Running)
        m_scriptPanel->stop();
    Server *server = m_server;
    m_server = nullptr;
    disconnect(server, nullptr, this, nullptr);
    NetworkThread::post(server, [server] { server->stop(CloseCode::GoingAway); });
    m_network->release(server);
}

QString ServerTab::automaticTitle() const
{
    if (m_listening)
        return tr("Server :%1").arg(m_port);
    if (m_portBox->value() != 0)
        return tr("Server :%1").arg(m_portBox->value());
    return tr("Server");
}

QString ServerTab::statusText() const
{
    return m_countersLabel->text();
}

ServerTabSettings ServerTab::settings() const
{
    ServerTabSettings settings;
    settings.address = m_address->currentText().trimmed();
    settings.port = m_portBox->value();
    settings.tls = m_tls->isChecked();
    settings.certificateFile = m_certificateFile->text();
    settings.keyFile = m_keyFile->text();
    settings.behaviour = Server::Behaviour(m_behaviour->currentData().toInt());
    const QStringList subprotocols = m_subprotocols->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &subprotocol : subprotocols) {
        if (!subprotocol.trimmed().isEmpty())
            settings.subprotocols.append(subprotocol.trimmed());
    }
    return settings;
}

void ServerTab::setSettings(const ServerTabSettings &settings)
{
    m_address->setEditText(settings.address);
    m_portBox->setValue(settings.port);
    m_tls->setChecked(settings.tls);
    m_certificateFile->setText(settings.certificateFile);
    m_keyFile->setText(settings.keyFile);
    m_behaviour->setCurrentIndex(qMax(0, m_behaviour->findData(int(settings.behaviour))));
    m_subprotocols->setText(settings.subprotocols.join(QStringLiteral(", ")));
    updateView();
}

QVariantMap ServerTab::saveSettings() const
{
    QVariantMap map = settings().toMap();
    map.insert(QStringLiteral("timelineState"), m_timeline->saveState());
    map.insert(QStringLiteral("inspectorState"), m_inspector->saveState());
    map.insert(QStringLiteral("composerSplitter"), m_composerSplitter->saveState());
    map.insert(QStringLiteral("composer"), m_composer->saveState());
    map.insert(QStringLiteral("script"), m_scriptPanel->saveState());
    map.insert(QStringLiteral("bottomTab"), m_bottomTabs->currentIndex());
    return map;
}

void ServerTab::restoreSettings(const QVariantMap &map)
{
    setSettings(ServerTabSettings::fromMap(map));
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

bool ServerTab::startServer()
{
    if (m_listening || m_starting)
        return true;
    QString error;
    const std::optional<Server::Options> options = settings().toOptions(&error);
    if (!options) {
        showError(error);
        return false;
    }
    showError(QString());
    releaseServer();
    auto *server = new Server(*options);
    m_server = server;
    m_starting = true;
    connect(server, &Server::eventsReady, this, &ServerTab::onEventsReady);
    m_network->adopt(server);
    ServerStarter::start(m_network, server, this, [this, server](const ServerStarter::Result &result) {
        if (server == m_server)
            onStarted(result);
    });
    updateView();
    return true;
}

void ServerTab::onStarted(const ServerStarter::Result &result)
{
    m_starting = false;
    m_listening = result.listening;
    if (result.listening) {
        m_url = result.url;
        m_port = result.port;
        m_counterTimer.start();
    } else {
        showError(tr("Cannot listen: %1").arg(result.error));
        releaseServer();
    }
    updateView();
    Q_EMIT titleChanged();
    Q_EMIT listeningChanged(m_listening);
    // A script that asked for the server.
    if (m_scriptPanel->runState() == ScriptPanel::RunState::Waiting) {
        if (m_listening)
            startScript();
        else
            m_scriptPanel->cancelRun(m_error);
    }
}

void ServerTab::stopServer()
{
    if (!m_server)
        return;
    Server *server = m_server;
    NetworkThread::post(server, [server] { server->stop(CloseCode::GoingAway); });
    m_listening = false;
    m_starting = false;
    m_counterTimer.stop();
    updateView();
    Q_EMIT titleChanged();
    Q_EMIT listeningChanged(false);
}

void ServerTab::onEventsReady(const EventBatch &events)
{
    m_recorder->record(events);
    m_store.append(events);
    m_clientsModel->add(events);
    for (const ConnectionEvent &event : events) {
        const auto *notice = std::get_if<ConnectionNotice>(&event);
        if (notice && notice->kind == ConnectionNotice::Kind::Handshake && notice->handshake
            && notice->handshake->accepted && notice->handshake->deflate)
            m_deflateClients.insert(notice->connectionId);
    }
    m_counters.add(events);
    updateView();
    updateCounters();
}

void ServerTab::selectClient(quint64 clientId)
{
    const int row = clientId == 0 ? -1 : m_clientsModel->rowOf(clientId);
    if (row < 0) {
        m_clientsView->clearSelection();
        m_clientsView->setCurrentIndex(QModelIndex());
    } else {
        m_clientsView->setCurrentIndex(m_clientsModel->index(row, 0));
    }
    onClientSelectionChanged();
}

void ServerTab::onClientSelectionChanged()
{
    const QModelIndexList rows = m_clientsView->selectionModel()->selectedRows();
    const quint64 selected = rows.isEmpty() ? 0 : m_clientsModel->clientId(rows.first().row());
    m_allClientsButton->setChecked(selected == 0);
    if (selected == m_selectedClient)
        return;
    m_selectedClient = selected;
    m_timeline->setConnectionFilter(selected);
    updateView();
}

void ServerTab::send(const OutgoingRequest &request)
{
    if (!m_server)
        return;
    Server *server = m_server;
    const quint64 target = m_selectedClient;
    NetworkThread::post(server, [server, target, request] {
        for (Connection *client : server->clients()) {
            if ((target == 0 || client->id() == target) && client->state() == ConnectionState::Open)
                request.sendOn(*client);
        }
    });
}

void ServerTab::onComposeRequested(const EntryDetails &details, int action)
{
    if (const std::optional<OutgoingRequest> request
        = m_composer->takeEntry(details, TimelineWidget::ComposeAction(action)))
        send(*request);
}

void ServerTab::onScriptRunRequested()
{
    if (m_listening && m_server) {
        startScript();
        return;
    }
    // Started the way Start starts it; onStarted() runs the script once it listens.
    if (!m_starting && !startServer())
        m_scriptPanel->cancelRun(m_error);
}

void ServerTab::startScript()
{
    // The script answers the clients: the server's own echo or broadcast would answer them too.
    Server *server = m_server;
    NetworkThread::post(server, [server] { server->setBehaviour(Server::Behaviour::Manual); });
    m_scriptPanel->startServer(server);
}

void ServerTab::onScriptRunningChanged(bool running)
{
    m_behaviour->setEnabled(!running);
    m_behaviour->setToolTip(running ? tr("Disabled while the script runs: the script answers the clients") : QString());
    // The chosen behaviour again once the script is done.
    if (!running && m_server) {
        Server *server = m_server;
        const auto behaviour = Server::Behaviour(m_behaviour->currentData().toInt());
        NetworkThread::post(server, [server, behaviour] { server->setBehaviour(behaviour); });
    }
}

void ServerTab::showError(const QString &error)
{
    m_error = error;
    updateView();
}

void ServerTab::updateView()
{
    const bool running = m_listening || m_starting;
    m_startButton->setText(running ? tr("S&top") : tr("S&tart"));
    m_startButton->setIcon(QIcon(
        running ? QStringLiteral(":/icons/server-stop.svg") : QStringLiteral(":/icons/server-start.svg")));
    for (QWidget *field : { static_cast<QWidget *>(m_address), static_cast<QWidget *>(m_portBox),
             static_cast<QWidget *>(m_tls), static_cast<QWidget *>(m_subprotocols) })
        field->setEnabled(!running);
    const bool files = !running && m_tls->isChecked();
    for (QWidget *field : { static_cast<QWidget *>(m_certificateFile), static_cast<QWidget *>(m_keyFile),
             static_cast<QWidget *>(m_certificateBrowse), static_cast<QWidget *>(m_keyBrowse) })
        field->setEnabled(files);

    if (!m_error.isEmpty()) {
        m_statusLabel->setStyleSheet(QStringLiteral("color: #d0463c;"));
        m_statusLabel->setText(m_error);
    } else {
        m_statusLabel->setStyleSheet(QString());
        if (m_starting)
            m_statusLabel->setText(tr("Starting…"));
        else if (m_listening)
            m_statusLabel->setText(tr("Listening on %1").arg(m_url));
        else
            m_statusLabel->setText(tr("Stopped"));
    }

    const int open = m_clientsModel->openCount();
    m_clientsLabel->setText(tr("Clients: %1 open").arg(open));
    bool canSend = false;
    if (m_selectedClient == 0) {
        canSend = m_listening && open > 0;
        m_composer->setTargetText(tr("To all clients:"));
        m_composer->setDeflateNegotiated(false);
    } else {
        const int row = m_clientsModel->rowOf(m_selectedClient);
        canSend = m_server && m_clientsModel->state(row) == ConnectionState::Open;
        m_composer->setTargetText(tr("To client #%1:").arg(m_selectedClient));
        m_composer->setDeflateNegotiated(m_deflateClients.contains(m_selectedClient));
    }
    m_composer->setConnected(canSend);
    m_timeline->setResendEnabled(canSend);
}

void ServerTab::updateCounters()
{
    m_countersLabel->setText(m_counters.text(Clock::nowNs()));
    Q_EMIT statusTextChanged();
}

void ServerTab::browseFor(QLineEdit *edit)
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a File"), edit->text(), tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
    if (!path.isEmpty())
        edit->setText(path);
}

void ServerTab::retranslateUi()
{
    m_settingsGroup->setTitle(tr("Local Server"));
    setFormLabel(m_form, m_address, tr("Address:"));
    m_address->setToolTip(tr("127.0.0.1 or ::1 accept this computer only; 0.0.0.0 or :: every network"));
    setFormLabel(m_form, m_portBox, tr("Port:"));
    m_portBox->setSpecialValueText(tr("Any free port"));
    m_tls->setText(tr("Secure (wss://)"));
    setFormLabel(m_form, m_certificateFile->parentWidget(), tr("Certificate:"));
    setFormLabel(m_form, m_keyFile->parentWidget(), tr("Private key:"));
    m_certificateFile->setPlaceholderText(tr("Self-signed for localhost"));
    m_keyFile->setPlaceholderText(tr("Self-signed for localhost"));
    m_certificateBrowse->setText(tr("Browse…"));
    m_keyBrowse->setText(tr("Browse…"));
    setFormLabel(m_form, m_behaviour, tr("Behaviour:"));
    m_behaviour->setItemText(0, tr("Manual: you answer"));
    m_behaviour->setItemText(1, tr("Echo every message back"));
    m_behaviour->setItemText(2, tr("Broadcast to all clients"));
    setFormLabel(m_form, m_subprotocols, tr("Subprotocols:"));
    m_subprotocols->setPlaceholderText(tr("Comma-separated, preferred first"));
    m_allClientsButton->setText(tr("All Clients"));
    m_allClientsButton->setToolTip(tr("Show every client in the timeline and send to all of them"));
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_composer), tr("Composer"));
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_scriptPanel), tr("Script"));
    updateView();
    updateCounters();
}

void ServerTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Frameline
