#include "ui/session/replayrun.h"

#include "app/net/networkthread.h"
#include "app/protocol/closecode.h"
#include "app/protocol/opcode.h"
#include "app/protocol/utf8validator.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <utility>

namespace Frameline {

namespace {

// How long past its own close timeout a replay may take to end before it is dropped.
constexpr int CloseGraceMs = 1000;

// What a finished client replay tells the GUI thread.
struct ClientOutcome
{
    bool completed = false;
    QString error;
    QList<Message> received;
};

} // namespace

ReplayRun::ReplayRun(
    NetworkThread *network, const ReplayScript &script, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_script(script)
    , m_settings(settings)
    , m_warnings(script.warnings)
{
    if (m_settings.mode == Mode::Client)
        m_url = m_settings.url.isEmpty() ? m_script.url.toString() : m_settings.url.toString();
}

ReplayRun::~ReplayRun()
{
    release();
}

void ReplayRun::start()
{
    if (m_state != State::Idle)
        return;
    setState(State::Starting);
    if (m_settings.mode == Mode::Client)
        startClient();
    else
        startMockServer();
}

void ReplayRun::startClient()
{
    ClientReplay::Options options;
    options.replay = m_settings.replay;
    options.url = m_settings.url;
    options.tls.ignoreCertificateErrors = m_settings.ignoreCertificateErrors;
    auto *replay = new ClientReplay(m_script, options);
    m_client = replay;
    m_connectionId = replay->connection()->id();
    m_url = replay->url().toString();
    connect(replay, &ClientReplay::eventsReady, this, &ReplayRun::onEvents);
    connect(replay, &ClientReplay::progressChanged, this, [this](int sent, int total) {
        m_sent = sent;
        m_awaitedStep = -1;
        if (m_state == State::AwaitingNext)
            setState(State::Running);
        Q_EMIT progressChanged(sent, total);
    });
    connect(replay, &ClientReplay::awaitingNext, this, [this](int index) {
        m_awaitedStep = index;
        if (m_state == State::Starting || m_state == State::Running)
            setState(State::AwaitingNext);
        else
            Q_EMIT stateChanged(m_state);
    });
    connect(replay, &ClientReplay::warning, this, &ReplayRun::addWarning);
    // What it received is read in its own thread, then handed over.
    connect(replay, &ClientReplay::finished, replay, [replay, run = QPointer<ReplayRun>(this)] {
        ClientOutcome outcome;
        outcome.completed = replay->completed();
        outcome.error = replay->errorString();
        outcome.received = replay->receivedMessages();
        // The application object lives in the GUI thread; `run` is checked there.
        QMetaObject::invokeMethod(QCoreApplication::instance(), [run, outcome = std::move(outcome)] {
            if (!run)
                return;
            run->m_replayed = outcome.received;
            run->m_hasReplayed = true;
            run->finish(outcome.completed, outcome.error);
        });
    });
    m_network->adopt(replay);
    NetworkThread::post(replay, [replay] { replay->start(); });
}

void ReplayRun::startMockServer()
{
    MockServerReplay::Options options;
    options.replay = m_settings.replay;
    options.server.port = m_settings.port;
    auto *mock = new MockServerReplay(m_script, options);
    m_mock = mock;
    connect(mock, &MockServerReplay::eventsReady, this, &ReplayRun::onEvents);
    connect(mock, &MockServerReplay::clientStarted, this, [this] {
        ++m_clients;
        ++m_activeClients;
        m_sent = 0;
        Q_EMIT stateChanged(m_state);
        Q_EMIT progressChanged(m_sent, total());
    });
    connect(mock, &MockServerReplay::clientProgress, this, [this](quint64, int sent, int total) {
        m_sent = sent;
        Q_EMIT progressChanged(sent, total);
    });
    connect(mock, &MockServerReplay::warning, this, [this](quint64 connectionId, const QString &text) {
        addWarning(tr("client #%1: %2").arg(connectionId).arg(text));
    });
    connect(mock, &MockServerReplay::clientFinished, this, [this](quint64, bool) {
        m_activeClients = qMax(0, m_activeClients - 1);
        Q_EMIT stateChanged(m_state);
        if (m_state == State::Stopping && m_activeClients == 0)
            finish(true, QString());
    });
    m_network->adopt(mock);
    QPointer<ReplayRun> run(this);
    NetworkThread::post(mock, [mock, run] {
        QString error;
        const bool listening = mock->listen(&error);
        const QString url = listening ? mock->url() : QString();
        QMetaObject::invokeMethod(QCoreApplication::instance(), [run, listening, error, url] {
            if (!run)
                return;
            if (!listening) {
                run->finish(false, tr("could not listen: %1").arg(error));
                return;
            }
            run->m_url = url;
            if (run->m_state == State::Starting)
                run->setState(State::Running);
        });
    });
}

void ReplayRun::next()
{
    if (!m_client || m_state == State::Finished || m_state == State::Stopping)
        return;
    ClientReplay *replay = m_client;
    NetworkThread::post(replay, [replay] { replay->next(); });
}

void ReplayRun::stop()
{
    if (m_state == State::Idle) {
        m_stopRequested = true;
        finish(false, tr("stopped before it started"));
        return;
    }
    if (m_state == State::Finished || m_state == State::Stopping)
        return;
    m_stopRequested = true;
    m_awaitedStep = -1;
    setState(State::Stopping);
    if (ClientReplay *replay = m_client) {
        NetworkThread::post(replay, [replay] { replay->stop(); });
        return;
    }
    if (MockServerReplay *mock = m_mock) {
        // RFC 6455 §7.4.1: 1001, the endpoint is going away.
        NetworkThread::post(mock, [mock] { mock->stop(CloseCode::GoingAway); });
        if (m_activeClients == 0)
            finish(true, QString());
    }
}

void ReplayRun::onEvents(const EventBatch &events)
{
    if (m_settings.mode == Mode::Client && m_state == State::Starting) {
        for (const ConnectionEvent &event : events) {
            const auto *notice = std::get_if<ConnectionNotice>(&event);
            if (notice && notice->connectionId == m_connectionId
                && notice->kind == ConnectionNotice::Kind::StateChanged
                && notice->state == ConnectionState::Open) {
                setState(m_awaitedStep >= 0 ? State::AwaitingNext : State::Running);
                break;
            }
        }
    }
    Q_EMIT eventsReady(events);
}

void ReplayRun::addWarning(const QString &text)
{
    m_warnings.append(text);
    Q_EMIT warningAdded(text);
}

void ReplayRun::finish(bool completed, const QString &error)
{
    if (m_state == State::Finished)
        return;
    m_completed = completed;
    m_error = error;
    m_awaitedStep = -1;
    setState(State::Finished);
    Q_EMIT finished();
}

void ReplayRun::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ReplayRun::release()
{
    if (ClientReplay *replay = std::exchange(m_client, nullptr)) {
        disconnect(replay, nullptr, this, nullptr);
        // Closed with 1000 when it still runs; deleted in its thread once it has ended, or after the
        // close timeout (and at the latest with the network thread).
        NetworkThread::post(replay, [replay] {
            if (replay->isFinished()) {
                replay->deleteLater();
                return;
            }
            QObject::connect(replay, &ClientReplay::finished, replay, &QObject::deleteLater);
            replay->stop();
            QTimer::singleShot(replay->connection()->settings().closeTimeoutMs + CloseGraceMs, replay,
                &QObject::deleteLater);
        });
    }
    if (MockServerReplay *mock = std::exchange(m_mock, nullptr)) {
        disconnect(mock, nullptr, this, nullptr);
        NetworkThread::post(mock, [mock] {
            mock->stop(CloseCode::GoingAway);
            if (mock->activeClients() == 0) {
                mock->deleteLater();
                return;
            }
            QObject::connect(mock, &MockServerReplay::clientFinished, mock, [mock] {
                if (mock->activeClients() == 0)
                    mock->deleteLater();
            });
            QTimer::singleShot(mock->server()->options().settings.closeTimeoutMs + CloseGraceMs, mock,
                &QObject::deleteLater);
        });
    }
}

QString ReplayRun::stateText() const
{
    const bool client = m_settings.mode == Mode::Client;
    switch (m_state) {
    case State::Idle:
        return tr("Not started");
    case State::Starting:
        return client ? tr("Connecting to %1").arg(m_url) : tr("Starting the mock server");
    case State::Running:
        if (!client) {
            return tr("Listening on %1 — clients: %2 connected, %3 in all")
                .arg(m_url)
                .arg(m_activeClients)
                .arg(m_clients);
        }
        return m_sent < total() ? tr("Sending: %1 of %2 sent").arg(m_sent).arg(total())
                                : tr("All %1 sent: waiting for the last replies").arg(total());
    case State::AwaitingNext:
        if (m_awaitedStep >= 0 && m_awaitedStep < m_script.steps.size()) {
            return tr("Step %1 of %2 waits for Next: %3")
                .arg(m_awaitedStep + 1)
                .arg(total())
                .arg(describeStep(m_script.steps.at(m_awaitedStep)));
        }
        return tr("Waiting for Next");
    case State::Stopping:
        return client ? tr("Stopping: closing the connection") : tr("Stopping: closing every client");
    case State::Finished:
        if (!client) {
            return m_error.isEmpty() ? tr("Stopped — clients served: %1").arg(m_clients)
                                     : tr("Failed: %1").arg(m_error);
        }
        if (m_completed)
            return tr("Complete: %1 of %2 sent").arg(m_sent).arg(total());
        return tr("Incomplete: %1").arg(m_error);
    }
    return QString();
}

QString ReplayRun::describeStep(const ReplayStep &step)
{
    switch (step.kind) {
    case ReplayStep::Kind::Message: {
        const bool text = step.opcode == quint8(Opcode::Text);
        QString description = text ? tr("text message, %1 B").arg(step.payload.size())
                                   : tr("binary message, %1 B").arg(step.payload.size());
        if (text && Utf8Validator::isValid(step.payload)) {
            constexpr qsizetype Shown = 60;
            const QString decoded = QString::fromUtf8(step.payload).simplified();
            description += QStringLiteral(": ") + decoded.left(Shown)
                + (decoded.size() > Shown ? QString(QChar(0x2026)) : QString());
        }
        return description;
    }
    case ReplayStep::Kind::Frame:
        return tr("frame %1, %2 B").arg(opcodeName(step.frame.opcode)).arg(step.frame.payload.size());
    case ReplayStep::Kind::Close:
        return tr("Close %1").arg(step.closeCode);
    case ReplayStep::Kind::CloseWithoutCode:
        return tr("Close without a code");
    }
    return QString();
}

} // namespace Frameline
