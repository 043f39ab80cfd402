#include "ui/session/replaydialog.h"

#include "app/net/clientconnection.h"
#include "app/session/replay.h"
#include "app/session/sessionexport.h"
#include "app/session/sessionreader.h"
#include "ui/session/backgroundjobs.h"
#include "ui/session/comparewidget.h"
#include "ui/session/replayrun.h"
#include "ui/session/replaystatuswidget.h"
#include "ui/session/replaytab.h"
#include "ui/session/sessiontab.h"
#include "ui/widgets/setting.h"
#include "ui/workspace/workspace.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QFileInfo>
#include <QtCore/QHash>
#include <QtCore/QLocale>
#include <QtWidgets/QButtonGroup>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QRadioButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

#include <optional>

namespace Frameline {

namespace {

const Setting<QString> &timingSetting()
{
    static const Setting<QString> setting(QStringLiteral("Replay/Timing"), QStringLiteral("recorded"));
    return setting;
}

const Setting<double> &speedSetting()
{
    static const Setting<double> setting(QStringLiteral("Replay/Speed"), 1.0);
    return setting;
}

const Setting<bool> &waitForRepliesSetting()
{
    static const Setting<bool> setting(QStringLiteral("Replay/WaitForReplies"), false);
    return setting;
}

const Setting<bool> &framesSetting()
{
    static const Setting<bool> setting(QStringLiteral("Replay/ExactFrames"), false);
    return setting;
}

const Setting<int> &portSetting()
{
    static const Setting<int> setting(QStringLiteral("Replay/MockServerPort"), 0);
    return setting;
}

// What the loader thread hands back.
struct LoadResult
{
    std::shared_ptr<const EventBatch> events;
    QString error;
    QStringList warnings;
    struct Facts
    {
        quint64 id = 0;
        std::optional<Endpoint> recordedBy;
        QString url;
        int outgoing = 0;
        int incoming = 0;
    };
    QList<Facts> connections;
};

LoadResult loadSession(const QString &path, SessionFiles::Kind kind)
{
    LoadResult result;
    EventBatch events;
    if (kind == SessionFiles::Kind::Har) {
        HarImport::Result har = HarImport::readFile(path);
        if (!har.ok()) {
            result.error = har.error;
            return result;
        }
        events = std::move(har.events);
        result.warnings = har.warnings;
    } else {
        SessionReader::Loaded loaded = SessionReader::load(path);
        if (!loaded.ok) {
            result.error = loaded.error;
            return result;
        }
        events = std::move(loaded.events);
        result.warnings = loaded.warnings;
    }
    QHash<quint64, qsizetype> slotOf;
    for (const quint64 id : ReplayScript::connectionIds(events)) {
        LoadResult::Facts facts;
        facts.id = id;
        facts.recordedBy = ReplayScript::recordingEnd(events, id);
        slotOf.insert(id, result.connections.size());
        result.connections.append(facts);
    }
    for (const ConnectionEvent &event : std::as_const(events)) {
        if (const auto *message = std::get_if<MessageEvent>(&event)) {
            if (const auto slot = slotOf.constFind(message->connectionId); slot != slotOf.constEnd()) {
                LoadResult::Facts &facts = result.connections[*slot];
                ++(message->direction == Direction::Outgoing ? facts.outgoing : facts.incoming);
            }
        } else if (const auto *notice = std::get_if<ConnectionNotice>(&event)) {
            const auto slot = slotOf.constFind(notice->connectionId);
            if (slot != slotOf.constEnd() && notice->handshake && result.connections[*slot].url.isEmpty())
                result.connections[*slot].url = notice->handshake->url;
        }
    }
    result.events = std::make_shared<const EventBatch>(std::move(events));
    return result;
}

} // namespace

ReplayDialog::ReplayDialog(SessionTab *session, Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_path(session->path())
    , m_title(QFileInfo(session->path()).fileName())
    , m_workspace(workspace)
    , m_jobs(new BackgroundJobs(this))
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("replayDialog"));
    auto *setup = new QWidget(m_pages);
    m_intro = new QLabel(setup);
    m_intro->setWordWrap(true);
    m_intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectionLabel = new QLabel(setup);
    m_connection = new QComboBox(setup);
    m_connection->setObjectName(QStringLiteral("replayConnection"));
    m_connection->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_connection->setMinimumContentsLength(50);
    m_connectionLabel->setBuddy(m_connection);
    m_warningsLabel = new QLabel(setup);
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->setStyleSheet(QStringLiteral("color: #c27c0e;"));
    m_warningsLabel->hide();

    m_modeGroup = new QGroupBox(setup);
    m_asClient = new QRadioButton(m_modeGroup);
    m_asClient->setObjectName(QStringLiteral("replayAsClient"));
    m_asMockServer = new QRadioButton(m_modeGroup);
    m_asMockServer->setObjectName(QStringLiteral("replayAsMockServer"));
    m_asClient->setChecked(true);
    auto *modeLayout = new QHBoxLayout(m_modeGroup);
    modeLayout->addWidget(m_asClient);
    modeLayout->addWidget(m_asMockServer);
    modeLayout->addStretch(1);

    m_clientGroup = new QGroupBox(setup);
    m_urlLabel = new QLabel(m_clientGroup);
    m_url = new QLineEdit(m_clientGroup);
    m_url->setObjectName(QStringLiteral("replayUrl"));
    m_urlLabel->setBuddy(m_url);
    m_recordedUrl = new QPushButton(m_clientGroup);
    m_recordedUrl->setObjectName(QStringLiteral("replayRecordedUrl"));
    m_contentLabel = new QLabel(m_clientGroup);
    m_messages = new QRadioButton(m_clientGroup);
    m_messages->setObjectName(QStringLiteral("replayMessages"));
    m_frames = new QRadioButton(m_clientGroup);
    m_frames->setObjectName(QStringLiteral("replayFrames"));
    m_messages->setChecked(true);
    auto *contentGroup = new QButtonGroup(this);
    contentGroup->addButton(m_messages);
    contentGroup->addButton(m_frames);
    m_waitForReplies = new QCheckBox(m_clientGroup);
    m_waitForReplies->setObjectName(QStringLiteral("replayWaitForReplies"));
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_recordedUrl);
    auto *contentRow = new QHBoxLayout;
    contentRow->addWidget(m_messages);
    contentRow->addWidget(m_frames);
    contentRow->addStretch(1);
    auto *clientLayout = new QFormLayout(m_clientGroup);
    clientLayout->addRow(m_urlLabel, urlRow);
    clientLayout->addRow(m_contentLabel, contentRow);
    clientLayout->addRow(QString(), m_waitForReplies);

    m_serverGroup = new QGroupBox(setup);
    m_portLabel = new QLabel(m_serverGroup);
    m_port = new QSpinBox(m_serverGroup);
    m_port->setObjectName(QStringLiteral("replayPort"));
    m_port->setRange(0, 65535);
    m_portLabel->setBuddy(m_port);
    auto *serverLayout = new QFormLayout(m_serverGroup);
    serverLayout->addRow(m_portLabel, m_port);

    m_timingGroup = new QGroupBox(setup);
    m_recordedTiming = new QRadioButton(m_timingGroup);
    m_recordedTiming->setObjectName(QStringLiteral("replayRecordedTiming"));
    m_speed = new QDoubleSpinBox(m_timingGroup);
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    m_speed->setRange(0.01, 1000.0);
    m_speed->setDecimals(2);
    m_speed->setSingleStep(0.5);
    m_speed->setValue(1.0);
    m_fast = new QRadioButton(m_timingGroup);
    m_fast->setObjectName(QStringLiteral("replayFast"));
    m_step = new QRadioButton(m_timingGroup);
    m_step->setObjectName(QStringLiteral("replayStep"));
    m_recordedTiming->setChecked(true);
    auto *timingLayout = new QGridLayout(m_timingGroup);
    timingLayout->addWidget(m_recordedTiming, 0, 0);
    timingLayout->addWidget(m_speed, 0, 1);
    timingLayout->addWidget(m_fast, 1, 0, 1, 2);
    timingLayout->addWidget(m_step, 2, 0, 1, 2);
    timingLayout->setColumnStretch(2, 1);

    m_error = new QLabel(setup);
    m_error->setObjectName(QStringLiteral("replayError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #d0463c;"));
    m_error->hide();

    auto *connectionRow = new QHBoxLayout;
    connectionRow->addWidget(m_connectionLabel);
    connectionRow->addWidget(m_connection, 1);
    auto *setupLayout = new QVBoxLayout(setup);
    setupLayout->setContentsMargins(0, 0, 0, 0);
    setupLayout->addWidget(m_intro);
    setupLayout->addLayout(connectionRow);
    setupLayout->addWidget(m_warningsLabel);
    setupLayout->addWidget(m_modeGroup);
    setupLayout->addWidget(m_clientGroup);
    setupLayout->addWidget(m_serverGroup);
    setupLayout->addWidget(m_timingGroup);
    setupLayout->addWidget(m_error);
    setupLayout->addStretch(1);

    auto *running = new QWidget(m_pages);
    m_runTitle = new QLabel(running);
    m_runTitle->setWordWrap(true);
    m_runTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_mockUrl = new QLabel(running);
    m_mockUrl->setObjectName(QStringLiteral("replayMockUrl"));
    m_mockUrl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_mockUrl->font();
    bold.setBold(true);
    m_mockUrl->setFont(bold);
    m_runDetails = new QLabel(running);
    m_runDetails->setObjectName(QStringLiteral("replayDetails"));
    m_runDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runDetails->setWordWrap(true);
    m_status = new ReplayStatusWidget(running);
    m_verdict = new QLabel(running);
    m_verdict->setObjectName(QStringLiteral("replayVerdict"));
    m_verdict->setFont(bold);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *runningLayout = new QVBoxLayout(running);
    runningLayout->setContentsMargins(0, 0, 0, 0);
    runningLayout->addWidget(m_runTitle);
    runningLayout->addWidget(m_mockUrl);
    runningLayout->addWidget(m_runDetails);
    runningLayout->addSpacing(8);
    runningLayout->addWidget(m_status);
    runningLayout->addWidget(m_verdict);
    runningLayout->addStretch(1);

    m_pages->addWidget(setup);
    m_pages->addWidget(running);

    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("replayStart"));
    m_start->setIcon(QIcon::fromTheme(QStringLiteral("media-playback-start")));
    m_start->setDefault(true);
    m_compare = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_compare->setObjectName(QStringLiteral("replayShowComparison"));
    m_showTab = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_showTab->setObjectName(QStringLiteral("replayShowTab"));
    m_newReplay = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_newReplay->setObjectName(QStringLiteral("replayNew"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("replayClose"));

    m_close->setAutoDefault(false); // Enter starts the replay (Start is the default), never closes
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(buttons);
    // The form grows when the recording's connections arrive: the dialog grows with it, never squeezing
    // its fields.
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    auto *modes = new QButtonGroup(this);
    modes->addButton(m_asClient);
    modes->addButton(m_asMockServer);
    connect(modes, &QButtonGroup::buttonToggled, this, [this] { updateForm(); });
    auto *timings = new QButtonGroup(this);
    timings->addButton(m_recordedTiming);
    timings->addButton(m_fast);
    timings->addButton(m_step);
    connect(timings, &QButtonGroup::buttonToggled, this, [this] { updateForm(); });
    connect(m_connection, &QComboBox::currentIndexChanged, this, &ReplayDialog::onConnectionChosen);
    connect(m_url, &QLineEdit::textChanged, this, [this] { showError(QString()); });
    connect(m_recordedUrl, &QPushButton::clicked, this, [this] {
        const int index = m_connection->currentIndex();
        if (index >= 0 && index < m_connections.size())
            m_url->setText(m_connections.at(index).url);
    });
    connect(m_start, &QPushButton::clicked, this, &ReplayDialog::startReplay);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    // Both hand over to the tab, which has the same status, Next and Stop: the dialog closes rather than
    // stay in front of what the user asked to see.
    connect(m_compare, &QPushButton::clicked, this, [this] {
        if (!m_tab || !m_workspace)
            return;
        m_workspace->setCurrentTab(m_tab);
        m_tab->showComparison();
        close();
    });
    connect(m_showTab, &QPushButton::clicked, this, [this] {
        if (!m_tab || !m_workspace)
            return;
        m_workspace->setCurrentTab(m_tab);
        close();
    });
    connect(m_newReplay, &QPushButton::clicked, this, [this] {
        m_run = nullptr;
        m_tab = nullptr;
        m_status->setRun(nullptr);
        m_pages->setCurrentIndex(0);
        updateForm();
    });

    restoreOptions();
    retranslateUi();
    updateForm();
    startLoading(session->fileKind());
}

ReplayDialog::~ReplayDialog()
{
    saveOptions();
}

ReplayDialog *ReplayDialog::openFor(SessionTab *session, Workspace *workspace, QWidget *parent)
{
    auto *dialog = new ReplayDialog(session, workspace, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QString ReplayDialog::errorString() const
{
    return m_error->text();
}

void ReplayDialog::startLoading(SessionFiles::Kind kind)
{
    const QString path = m_path;
    m_jobs->run([path, kind] { return loadSession(path, kind); }, this,
        [this](LoadResult result) {
            QList<Connection> connections;
            for (const LoadResult::Facts &facts : std::as_const(result.connections)) {
                Connection connection;
                connection.id = facts.id;
                connection.url = facts.url.contains(QStringLiteral("://")) ? facts.url : QString();
                connection.clientRecorded = facts.recordedBy != Endpoint::Server;
                const QString who = !facts.recordedBy       ? tr("recorded by an unknown end")
                    : *facts.recordedBy == Endpoint::Client ? tr("recorded by a client")
                                                            : tr("recorded by a server");
                QString description = tr("#%1 — %2").arg(facts.id).arg(who);
                if (!facts.url.isEmpty())
                    description += QStringLiteral(", ") + facts.url;
                description += QStringLiteral(" — ")
                    + tr("messages: %1 sent, %2 received").arg(facts.outgoing).arg(facts.incoming);
                connection.description = description;
                connections.append(connection);
            }
            onLoaded(result.events, connections, result.error, result.warnings);
        });
}

void ReplayDialog::onLoaded(std::shared_ptr<const EventBatch> events, const QList<Connection> &connections,
    const QString &error, const QStringList &warnings)
{
    m_warnings = warnings;
    if (!error.isEmpty()) {
        showError(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(m_path), error));
        updateForm();
        return;
    }
    m_connections = connections;
    m_events = std::move(events);
    {
        const QSignalBlocker blocker(m_connection);
        m_connection->clear();
        for (const Connection &connection : std::as_const(m_connections))
            m_connection->addItem(connection.description, connection.id);
    }
    // The first connection a client recorded: what a client replay most often wants.
    int first = 0;
    for (int i = 0; i < m_connections.size(); ++i) {
        if (m_connections.at(i).clientRecorded) {
            first = i;
            break;
        }
    }
    m_connection->setCurrentIndex(m_connections.isEmpty() ? -1 : first);
    onConnectionChosen();
    if (m_connections.isEmpty())
        showError(tr("%1 holds no connection to replay").arg(QDir::toNativeSeparators(m_path)));
    m_warningsLabel->setText(tr("Read with warnings: %1").arg(warnings.join(QStringLiteral("; "))));
    m_warningsLabel->setVisible(!warnings.isEmpty());
    retranslateUi();
    updateForm();
    Q_EMIT loaded();
}

void ReplayDialog::onConnectionChosen()
{
    const int index = m_connection->currentIndex();
    if (index < 0 || index >= m_connections.size())
        return;
    m_url->setText(m_connections.at(index).url);
    showError(QString());
}

void ReplayDialog::updateForm()
{
    const bool client = m_asClient->isChecked();
    m_clientGroup->setEnabled(client);
    m_serverGroup->setEnabled(!client);
    // A mock server may have many clients at once: no step by step.
    m_step->setEnabled(client);
    if (!client && m_step->isChecked())
        m_fast->setChecked(true);
    m_speed->setEnabled(m_recordedTiming->isChecked());
    const bool setup = m_pages->currentIndex() == 0;
    m_start->setVisible(setup);
    m_start->setEnabled(setup && isLoaded() && !m_connections.isEmpty() && !m_starting);
    if (setup)
        m_start->setDefault(true); // again: while it was hidden the dialog chose another default
    m_compare->setVisible(!setup && client);
    m_showTab->setVisible(!setup);
    m_newReplay->setVisible(!setup);
    updateRunPage();
}

void ReplayDialog::updateRunPage()
{
    ReplayRun *run = m_run;
    m_compare->setEnabled(m_tab && m_tab->hasComparison());
    m_showTab->setEnabled(m_tab != nullptr);
    m_newReplay->setEnabled(!run || run->isFinished());
    if (!run) {
        m_mockUrl->hide();
        m_verdict->hide();
        return;
    }
    const bool client = run->mode() == ReplayRun::Mode::Client;
    m_runTitle->setText(client
            ? tr("Replaying %1 as a client to %2").arg(m_tab ? m_tab->source() : m_title, run->url())
            : tr("Replaying %1 as a mock server").arg(m_tab ? m_tab->source() : m_title));
    m_mockUrl->setVisible(!client);
    m_mockUrl->setText(run->url().isEmpty() ? tr("Starting…") : tr("Connect to: %1").arg(run->url()));
    // What was asked, one line each.
    const ReplayOptions &options = run->settings().replay;
    QStringList details;
    switch (options.timing) {
    case ReplayOptions::Timing::Recorded:
        details.append(tr("Timing: as recorded, at %1 × speed").arg(QLocale().toString(options.speed)));
        break;
    case ReplayOptions::Timing::Fast:
        details.append(tr("Timing: as fast as possible"));
        break;
    case ReplayOptions::Timing::Step:
        details.append(tr("Timing: step by step (Next sends each)"));
        break;
    }
    if (client) {
        details.append(run->script().content == ReplayScript::Content::Frames ? tr("Sends: the exact frames")
                                                                              : tr("Sends: the messages"));
        details.append(options.waitForReplies ? tr("Waits for the replies before each send")
                                              : tr("Does not wait for replies"));
        details.append(tr("Recorded replies to compare with: %1").arg(run->recordedMessages().size()));
    } else {
        details.append(tr("Answers every client with the %n recorded server send(s)", nullptr, run->total()));
    }
    m_runDetails->setText(details.join(QLatin1Char('\n')));
    const bool compared = m_tab && m_tab->hasComparison();
    m_verdict->setVisible(compared);
    if (compared) {
        const Compare::Result &result = m_tab->compareWidget()->result();
        m_verdict->setText(tr("Comparison: %1").arg(m_tab->compareWidget()->summaryText()));
        m_verdict->setStyleSheet(
            result.passed() ? QStringLiteral("color: #2e8b3a;") : QStringLiteral("color: #d0463c;"));
    }
}

bool ReplayDialog::startReplay()
{
    if (!isLoaded() || m_starting || !m_workspace) {
        showError(isLoaded() ? QString() : tr("The session is still being read"));
        return false;
    }
    const int index = m_connection->currentIndex();
    if (index < 0 || index >= m_connections.size()) {
        showError(tr("Choose a connection to replay"));
        return false;
    }
    const Connection connection = m_connections.at(index);
    ReplayRun::Settings settings;
    settings.mode = m_asClient->isChecked() ? ReplayRun::Mode::Client : ReplayRun::Mode::MockServer;
    settings.replay.timing = m_fast->isChecked() ? ReplayOptions::Timing::Fast
        : m_step->isChecked()                    ? ReplayOptions::Timing::Step
                                                 : ReplayOptions::Timing::Recorded;
    settings.replay.speed = m_speed->value();
    settings.replay.waitForReplies = m_waitForReplies->isChecked();
    const ReplayScript::Content content = settings.mode == ReplayRun::Mode::Client && m_frames->isChecked()
        ? ReplayScript::Content::Frames
        : ReplayScript::Content::Messages;
    if (settings.mode == ReplayRun::Mode::Client) {
        QString error;
        const std::optional<QUrl> url = ClientConnection::parseUrl(m_url->text().trimmed(), &error);
        if (!url) {
            showError(m_url->text().trimmed().isEmpty() ? tr("Give the URL to connect to")
                                                        : tr("The URL cannot be used: %1").arg(error));
            m_url->setFocus();
            return false;
        }
        settings.url = *url;
    } else {
        settings.port = quint16(m_port->value());
    }
    saveOptions();
    showError(QString());
    m_starting = true;
    updateForm();

    const Endpoint plays = settings.mode == ReplayRun::Mode::Client ? Endpoint::Client : Endpoint::Server;
    const std::shared_ptr<const EventBatch> events = m_events;
    const quint64 id = connection.id;
    struct Built
    {
        std::optional<ReplayScript> script;
        QString error;
    };
    m_jobs->run(
        [events, id, plays, content] {
            Built built;
            built.script = ReplayScript::build(*events, id, plays, content, &built.error);
            return built;
        },
        this,
        [this, settings, id](Built built) {
            m_starting = false;
            if (!built.script || !m_workspace) {
                showError(built.error.isEmpty() ? tr("The workspace is gone") : built.error);
                updateForm();
                return;
            }
            auto *run = new ReplayRun(m_workspace->network(), *built.script, settings);
            auto *tab
                = new ReplayTab(run, tr("%1, connection #%2").arg(m_title).arg(id), m_workspace->tabWidget());
            m_workspace->addTab(tab);
            onStarted(tab);
            run->start();
        });
    return true;
}

void ReplayDialog::onStarted(ReplayTab *tab)
{
    m_tab = tab;
    m_run = tab->run();
    m_status->setRun(tab->run());
    connect(tab->run(), &ReplayRun::stateChanged, this, &ReplayDialog::updateRunPage);
    connect(tab->run(), &ReplayRun::finished, this, &ReplayDialog::updateForm);
    connect(tab, &ReplayTab::comparisonReady, this, &ReplayDialog::updateRunPage);
    connect(tab->compareWidget(), &CompareWidget::compared, this, &ReplayDialog::updateRunPage);
    // A widget says it is destroyed before its QPointers are cleared.
    connect(tab, &QObject::destroyed, this, [this] {
        m_tab = nullptr;
        updateForm();
    });
    m_pages->setCurrentIndex(1);
    updateForm();
    // The dialog stays in front of the tab it opened.
    raise();
    Q_EMIT replayStarted(tab);
}

void ReplayDialog::showError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

void ReplayDialog::saveOptions() const
{
    timingSetting().setValue(m_fast->isChecked() ? QStringLiteral("fast")
            : m_step->isChecked()                ? QStringLiteral("step")
                                                 : QStringLiteral("recorded"));
    speedSetting().setValue(m_speed->value());
    waitForRepliesSetting().setValue(m_waitForReplies->isChecked());
    framesSetting().setValue(m_frames->isChecked());
    portSetting().setValue(m_port->value());
}

void ReplayDialog::restoreOptions()
{
    const QString timing = timingSetting().value();
    if (timing == QLatin1String("fast"))
        m_fast->setChecked(true);
    else if (timing == QLatin1String("step"))
        m_step->setChecked(true);
    else
        m_recordedTiming->setChecked(true);
    m_speed->setValue(speedSetting().value());
    m_waitForReplies->setChecked(waitForRepliesSetting().value());
    (framesSetting().value() ? m_frames : m_messages)->setChecked(true);
    m_port->setValue(portSetting().value());
}

void ReplayDialog::retranslateUi()
{
    setWindowTitle(tr("Replay — %1").arg(m_title));
    m_intro->setText(isLoaded() || !m_error->text().isEmpty()
            ? tr("Replay a recorded connection of %1: as a client against a server (and compare what comes "
                 "back with the recording), or as a mock server that answers clients with what the server "
                 "sent. The replay's own traffic opens in a new tab and is recorded as a new session.")
                  .arg(QDir::toNativeSeparators(m_path))
            : tr("Reading %1…").arg(QDir::toNativeSeparators(m_path)));
    m_connectionLabel->setText(tr("C&onnection:"));
    m_modeGroup->setTitle(tr("Replay"));
    m_asClient->setText(tr("As a &client"));
    m_asClient->setToolTip(tr("Connect to a server and send what the client sent"));
    m_asMockServer->setText(tr("As a &mock server"));
    m_asMockServer->setToolTip(tr("Listen, and answer every client with what the server sent"));
    m_clientGroup->setTitle(tr("Client"));
    m_urlLabel->setText(tr("&URL:"));
    m_url->setPlaceholderText(tr("ws://host:port/path"));
    m_recordedUrl->setText(tr("Recorded URL"));
    m_recordedUrl->setToolTip(tr("Restore the URL the recording connected to"));
    m_contentLabel->setText(tr("Send:"));
    m_messages->setText(tr("The &messages"));
    m_messages->setToolTip(
        tr("Each recorded message, through this connection's own framing and compression"));
    m_frames->setText(tr("The e&xact frames"));
    m_frames->setToolTip(tr("Every recorded frame as it was: header bits, masking keys, fragments, control "
                            "frames"));
    m_waitForReplies->setText(tr("&Wait for the replies before each send"));
    m_waitForReplies->setToolTip(
        tr("Before each send, wait until as many messages have arrived as the recording had received"));
    m_serverGroup->setTitle(tr("Mock server"));
    m_portLabel->setText(tr("&Port:"));
    m_port->setSpecialValueText(tr("any free port"));
    m_timingGroup->setTitle(tr("Timing"));
    m_recordedTiming->setText(tr("Recorded timing, &speed:"));
    m_speed->setSuffix(tr(" ×"));
    m_speed->setToolTip(tr("2 plays twice as fast, 0.5 half as fast"));
    m_fast->setText(tr("As &fast as possible"));
    m_step->setText(tr("S&tep by step (Next sends each)"));
    m_start->setText(tr("&Start"));
    m_compare->setText(tr("Show &Comparison"));
    m_showTab->setText(tr("Show &Tab"));
    m_newReplay->setText(tr("&New Replay"));
    updateRunPage();
}

void ReplayDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace Frameline
