#include "app/session/replay.h"

#include "app/compose/outgoingrequest.h"
#include "app/net/clock.h"
#include "app/protocol/closecode.h"
#include "app/protocol/opcode.h"

#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>

namespace Frameline {

namespace {

Direction opposite(Direction direction)
{
    return direction == Direction::Incoming ? Direction::Outgoing : Direction::Incoming;
}

quint64 connectionOf(const ConnectionEvent &event)
{
    return std::visit([](const auto &e) { return e.connectionId; }, event);
}

qint64 timestampOf(const ConnectionEvent &event)
{
    return std::visit([](const auto &e) { return e.timestampNs; }, event);
}

bool isWebSocketUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() && (scheme == u"ws" || scheme == u"wss");
}

// Header fields every opening handshake generates afresh (RFC 6455 §4.1): sent again as recorded, they
// would be wrong (a stale key) or twice (the connection writes them itself).
bool isGeneratedHeader(QByteArrayView name)
{
    static constexpr QByteArrayView generated[] = { "Host", "Upgrade", "Connection", "Sec-WebSocket-Key",
        "Sec-WebSocket-Version", "Sec-WebSocket-Extensions", "Sec-WebSocket-Protocol" };
    for (QByteArrayView candidate : generated) {
        if (name.compare(candidate, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

// ---- ReplayScript -----------------------------------------------------------------------------------

QList<quint64> ReplayScript::connectionIds(const EventBatch &events)
{
    QList<quint64> ids;
    for (const ConnectionEvent &event : events) {
        const quint64 id = connectionOf(event);
        if (id != 0 && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

std::optional<Endpoint> ReplayScript::recordingEnd(const EventBatch &events, quint64 connectionId)
{
    // The handshake says it best: a client records the URL it dialled and the accept key it expected, a
    // server the request target it was asked for.
    for (const ConnectionEvent &event : events) {
        const auto *notice = std::get_if<ConnectionNotice>(&event);
        if (!notice || notice->connectionId != connectionId || !notice->handshake)
            continue;
        const HandshakeRecord &record = *notice->handshake;
        if (!record.expectedAccept.isEmpty() || isWebSocketUrl(QUrl(record.url)))
            return Endpoint::Client;
        if (record.url.startsWith(u'/') || !record.requestBytes.isEmpty())
            return Endpoint::Server;
    }
    // Otherwise the masking (RFC 6455 §5.1: a client masks every frame, a server none).
    for (const ConnectionEvent &event : events) {
        const auto *frame = std::get_if<FrameEvent>(&event);
        if (!frame || frame->connectionId != connectionId)
            continue;
        const bool clientSent = frame->frame.masked;
        if (frame->direction == Direction::Outgoing)
            return clientSent ? Endpoint::Client : Endpoint::Server;
        return clientSent ? Endpoint::Server : Endpoint::Client;
    }
    return std::nullopt;
}

quint64 ReplayScript::firstConnection(const EventBatch &events, std::optional<Endpoint> recordedBy)
{
    for (quint64 id : connectionIds(events)) {
        const std::optional<Endpoint> end = recordingEnd(events, id);
        if (end && (!recordedBy || *end == *recordedBy))
            return id;
    }
    return 0;
}

std::optional<ReplayScript> ReplayScript::build(
    const EventBatch &events, quint64 connectionId, Endpoint plays, Content content, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<ReplayScript> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!connectionIds(events).contains(connectionId))
        return fail(tr("the recording has no connection #%1").arg(connectionId));
    const std::optional<Endpoint> recordedEnd = recordingEnd(events, connectionId);
    if (!recordedEnd)
        return fail(tr("connection #%1 has no handshake and no frames that tell whether a client or a server "
                       "recorded it")
                        .arg(connectionId));

    ReplayScript script;
    script.connectionId = connectionId;
    script.recordedEnd = *recordedEnd;
    script.plays = plays;
    script.content = content;
    const Direction own = plays == *recordedEnd ? Direction::Outgoing : Direction::Incoming;
    const Direction peer = opposite(own);

    // The handshake (the accepted one when there were several attempts) and the moment it opened.
    std::shared_ptr<const HandshakeRecord> handshake;
    bool tls = false;
    std::optional<qint64> openedNs;
    std::optional<qint64> handshakeNs;
    std::optional<qint64> firstNs;
    for (const ConnectionEvent &event : events) {
        if (connectionOf(event) != connectionId)
            continue;
        if (!firstNs)
            firstNs = timestampOf(event);
        const auto *notice = std::get_if<ConnectionNotice>(&event);
        if (!notice)
            continue;
        if (notice->handshake && (!handshake || (!handshake->accepted && notice->handshake->accepted))) {
            handshake = notice->handshake;
            handshakeNs = notice->timestampNs;
        }
        if (notice->tls)
            tls = true;
        if (notice->kind == ConnectionNotice::Kind::StateChanged && notice->state == ConnectionState::Open
            && !openedNs)
            openedNs = notice->timestampNs;
    }
    script.startNs = openedNs.value_or(handshakeNs.value_or(firstNs.value_or(0)));

    if (handshake) {
        const HttpMessage &request = handshake->request;
        if (*recordedEnd == Endpoint::Client) {
            script.url = QUrl(handshake->url);
        } else {
            // A server saw the request target and the Host it was asked for.
            const QByteArray host = request.combinedValue("Host");
            QByteArray target = request.target();
            if (target.isEmpty())
                target = handshake->url.toUtf8();
            if (!host.isEmpty()) {
                const QByteArray text = QByteArray(tls ? "wss://" : "ws://") + host + target;
                const QUrl url(QString::fromUtf8(text), QUrl::StrictMode);
                if (isWebSocketUrl(url))
                    script.url = url;
            }
        }
        for (const HttpMessage::Field &field : request.fields()) {
            if (!isGeneratedHeader(field.name))
                script.headers.append(field);
        }
        script.subprotocols = request.listElements("Sec-WebSocket-Protocol");
        script.subprotocol = handshake->subprotocol;
        script.deflate = handshake->deflate;
        if (script.deflate) {
            const QList<DeflateOffer> offers
                = PerMessageDeflate::parseOffers(request.combinedValue("Sec-WebSocket-Extensions"));
            if (!offers.isEmpty()) {
                script.deflateOffer = offers.constFirst();
            } else {
                // Agreed, but the offer is not in the recording (an import): offer what lets the server
                // choose, as browsers do.
                script.deflateOffer.clientMaxWindowBitsOffered = true;
            }
        }
    }

    const Endpoint sender = plays;
    std::optional<Direction> firstClose;
    QList<QByteArray> peerPings; // pings of the other end not answered yet: our pongs to them are automatic
    for (const ConnectionEvent &event : events) {
        if (connectionOf(event) != connectionId)
            continue;
        if (const auto *message = std::get_if<MessageEvent>(&event)) {
            if (message->direction == peer) {
                script.peerMessages.append(message->message);
                script.peerMessageTimesNs.append(message->timestampNs);
                continue;
            }
            if (content != Content::Messages)
                continue;
            if (message->message.payloadTruncated) {
                script.warnings.append(tr("message #%1 was not kept whole in the recording: left out")
                                           .arg(message->message.index + 1));
                continue;
            }
            ReplayStep step;
            step.kind = ReplayStep::Kind::Message;
            step.timestampNs = message->timestampNs;
            step.opcode = message->message.opcode;
            step.payload = message->message.payload;
            step.peerMessagesBefore = script.peerMessages.size();
            script.steps.append(step);
            continue;
        }
        const auto *frame = std::get_if<FrameEvent>(&event);
        if (!frame)
            continue;
        const quint8 opcode = frame->frame.opcode;
        bool automatic = false;
        if (opcode == quint8(Opcode::Close)) {
            automatic = firstClose && *firstClose != frame->direction; // the echo of the other end's Close
            if (!firstClose)
                firstClose = frame->direction;
        } else if (opcode == quint8(Opcode::Ping) && frame->direction == peer) {
            peerPings.append(frame->payload);
        } else if (opcode == quint8(Opcode::Pong) && frame->direction == own) {
            automatic = peerPings.removeOne(frame->payload);
        }
        if (frame->direction != own || automatic)
            continue;
        if (content == Content::Frames) {
            if (frame->frame.payloadOmitted) {
                script.warnings.append(
                    tr("frame #%1 was recorded without its payload (over the frame limit): "
                       "left out")
                        .arg(frame->frame.index + 1));
                continue;
            }
            EntryDetails entry;
            entry.kind = EntryDetails::Kind::Frame;
            entry.direction = frame->direction;
            entry.frame = frame->frame;
            entry.payload = frame->payload;
            ReplayStep step;
            step.kind = ReplayStep::Kind::Frame;
            step.timestampNs = frame->timestampNs;
            step.frame = OutgoingRequest::frameSpecOf(entry, sender);
            step.peerMessagesBefore = script.peerMessages.size();
            script.steps.append(step);
        } else if (opcode == quint8(Opcode::Close)) {
            // This end started the closing handshake: so does the replay, with the same code and reason.
            const ClosePayload close = ClosePayload::parse(frame->payload);
            ReplayStep step;
            step.kind = close.code ? ReplayStep::Kind::Close : ReplayStep::Kind::CloseWithoutCode;
            step.timestampNs = frame->timestampNs;
            step.closeCode = close.code.value_or(CloseCode::Normal);
            step.closeReason = QString::fromUtf8(close.reason);
            step.peerMessagesBefore = script.peerMessages.size();
            script.steps.append(step);
        }
    }
    script.peerClosedFirst = firstClose && *firstClose == peer;
    if (content == Content::Frames) {
        // Messages without their frames (an import from HAR keeps only messages): nothing exact to send.
        const auto isOwn = [&](const ConnectionEvent &event, bool frames) {
            if (connectionOf(event) != connectionId)
                return false;
            if (frames) {
                const auto *frame = std::get_if<FrameEvent>(&event);
                return frame && frame->direction == own && !isControlOpcode(frame->frame.opcode);
            }
            const auto *message = std::get_if<MessageEvent>(&event);
            return message && message->direction == own;
        };
        const bool messages
            = std::any_of(events.cbegin(), events.cend(), [&](const auto &e) { return isOwn(e, false); });
        const bool dataFrames
            = std::any_of(events.cbegin(), events.cend(), [&](const auto &e) { return isOwn(e, true); });
        if (messages && !dataFrames)
            return fail(
                tr("connection #%1 has messages but not their frames (an import keeps only messages): "
                   "replay its messages instead")
                    .arg(connectionId));
    }
    return script;
}

ClientConnection::Options ReplayScript::clientOptions() const
{
    ClientConnection::Options options;
    options.url = url;
    options.headers = headers;
    options.subprotocols = subprotocols;
    options.offerDeflate = deflate.has_value();
    options.deflateOffer = deflateOffer;
    return options;
}

Handshake::ServerOptions ReplayScript::serverHandshake() const
{
    Handshake::ServerOptions options;
    if (!subprotocol.isEmpty())
        options.subprotocols = { subprotocol };
    options.deflate.enabled = deflate.has_value();
    if (deflate) {
        options.deflate.serverNoContextTakeover = deflate->serverNoContextTakeover;
        options.deflate.clientNoContextTakeover = deflate->clientNoContextTakeover;
        options.deflate.serverMaxWindowBits = deflate->serverMaxWindowBits;
        options.deflate.clientMaxWindowBits = deflate->clientMaxWindowBits;
    }
    return options;
}

// ---- ReplayPlayer -----------------------------------------------------------------------------------

// Plays a ReplayScript over one open connection: counts what the other end sends, waits for the
// replies a step follows and for its (scaled) recorded gap, sends it, and at the end waits for the last
// replies and closes (client) or leaves the closing to the client (mock server). Owned by ClientReplay or
// MockServerReplay, in their thread; reports through callbacks.
class ReplayPlayer : public QObject
{
public:
    struct Callbacks
    {
        std::function<void(int sent, int total)> progress;
        std::function<void(int index)> awaitingNext;
        std::function<void(const QString &text)> warning;
    };

    enum class Role : quint8 {
        Client, // replies awaited with a timeout (always before a Close), closes at the end
        MockServer, // waits for the client's messages as long as it takes, never closes unless scripted
    };

    ReplayPlayer(const ReplayScript &script, const ReplayOptions &options, Role role, Connection *connection,
        Callbacks callbacks, QObject *parent)
        : QObject(parent)
        , m_script(script)
        , m_options(options)
        , m_role(role)
        , m_connection(connection)
        , m_callbacks(std::move(callbacks))
    {
        if (!(m_options.speed > 0) || !std::isfinite(m_options.speed))
            m_options.speed = 1.0;
        m_delayTimer.setSingleShot(true);
        m_delayTimer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_delayTimer, &QTimer::timeout, this, [this] {
            m_delayDone = true;
            advance();
        });
        m_replyTimer.setSingleShot(true);
        QObject::connect(&m_replyTimer, &QTimer::timeout, this, [this] { onReplyTimeout(); });
    }

    int sent() const { return int(m_next); }
    int total() const { return int(m_script.steps.size()); }
    bool allSent() const { return m_next >= m_script.steps.size(); }
    const QList<Message> &received() const { return m_received; }

    // The connection is open: the replay starts.
    void start()
    {
        m_started = true;
        m_lastSendNs = Clock::nowNs();
        if (m_callbacks.progress)
            m_callbacks.progress(0, total());
        advance();
    }

    void next()
    {
        ++m_credit;
        advance();
    }

    void stop()
    {
        m_stopped = true;
        m_delayTimer.stop();
        m_replyTimer.stop();
    }

    void onEvents(const EventBatch &batch)
    {
        bool more = false;
        for (const ConnectionEvent &event : batch) {
            const auto *message = std::get_if<MessageEvent>(&event);
            if (message && message->direction == Direction::Incoming) {
                m_received.append(message->message);
                m_receivedTimesNs.append(message->timestampNs);
                more = true;
            }
        }
        if (more && m_started)
            advance();
    }

private:
    enum class Phase : quint8 { Sending, AwaitingReplies, AwaitingPeerClose, Closing };

    qint64 scaled(qint64 recordedGapNs) const
    {
        if (m_options.timing != ReplayOptions::Timing::Recorded || recordedGapNs <= 0)
            return 0;
        return qint64(double(recordedGapNs) / m_options.speed);
    }

    bool connectionOpen() const { return m_connection && m_connection->state() == ConnectionState::Open; }

    void advance()
    {
        if (!m_started || m_stopped || m_advancing)
            return;
        m_advancing = true; // a send may deliver events synchronously: no re-entry
        while (connectionOpen() && !m_stopped) {
            if (allSent()) {
                finishing();
                break;
            }
            if (!stepReady())
                break;
            sendStep();
        }
        m_advancing = false;
    }

    // Whether the next step may go now; arms the timers it waits for otherwise.
    bool stepReady()
    {
        const ReplayStep &step = m_script.steps.at(m_next);
        const bool closing = step.kind == ReplayStep::Kind::Close
            || step.kind == ReplayStep::Kind::CloseWithoutCode
            || (step.kind == ReplayStep::Kind::Frame && step.frame.opcode == quint8(Opcode::Close));
        // A mock server always follows its client; a client waits when asked, and before it closes, so its
        // Close does not cut off the replies the recording got first.
        const bool awaitReplies = m_role == Role::MockServer || m_options.waitForReplies || closing;
        const qsizetype needed = awaitReplies ? step.peerMessagesBefore : 0;
        if (m_received.size() < needed && !m_waitExpired) {
            if (m_role == Role::Client && !m_replyTimer.isActive())
                m_replyTimer.start(m_options.replyTimeoutMs);
            return false;
        }
        m_replyTimer.stop();

        if (m_options.timing == ReplayOptions::Timing::Step && m_role == Role::Client) {
            if (m_credit <= 0) {
                if (!m_announced && m_callbacks.awaitingNext) {
                    m_announced = true;
                    m_callbacks.awaitingNext(int(m_next));
                }
                return false;
            }
        }

        if (m_options.timing == ReplayOptions::Timing::Recorded && !m_delayDone) {
            if (m_delayTimer.isActive())
                return false;
            // The recorded gap counts from the previous send, and from the reply this step waited for.
            const qint64 previousNs
                = m_next > 0 ? m_script.steps.at(m_next - 1).timestampNs : m_script.startNs;
            qint64 readyNs = m_lastSendNs + scaled(step.timestampNs - previousNs);
            if (needed > 0 && m_received.size() >= needed && needed <= m_script.peerMessageTimesNs.size()) {
                const qint64 replyReadyNs = m_receivedTimesNs.at(needed - 1)
                    + scaled(step.timestampNs - m_script.peerMessageTimesNs.at(needed - 1));
                readyNs = qMax(readyNs, replyReadyNs);
            }
            const qint64 waitNs = readyNs - Clock::nowNs();
            if (waitNs > 0) {
                // Whole milliseconds, rounded up: never early.
                m_delayTimer.start(int(qMin<qint64>((waitNs + 999999) / 1000000, INT_MAX)));
                return false;
            }
            m_delayDone = true;
        }
        return true;
    }

    void sendStep()
    {
        const ReplayStep &step = m_script.steps.at(m_next);
        bool ok = true;
        switch (step.kind) {
        case ReplayStep::Kind::Message:
            ok = m_connection->sendMessage(step.opcode, step.payload, FrameOrigin::Replay);
            break;
        case ReplayStep::Kind::Frame:
            ok = m_connection->sendFrame(step.frame, FrameOrigin::Replay);
            break;
        case ReplayStep::Kind::Close:
            m_connection->close(step.closeCode, step.closeReason, FrameOrigin::Replay);
            break;
        case ReplayStep::Kind::CloseWithoutCode:
            m_connection->closeWithoutCode(FrameOrigin::Replay);
            break;
        }
        if (!ok && m_callbacks.warning) {
            m_callbacks.warning(ClientReplay::tr("send %1 of %2 failed: %3")
                                    .arg(m_next + 1)
                                    .arg(total())
                                    .arg(m_connection->errorString()));
        }
        ++m_next;
        if (m_credit > 0)
            --m_credit;
        m_lastSendNs = Clock::nowNs();
        m_delayDone = false;
        m_waitExpired = false;
        m_announced = false;
        if (m_callbacks.progress)
            m_callbacks.progress(sent(), total());
    }

    // After the last step: a client waits for the replies the recording got (and for the server's close,
    // when the recorded server closed first), then closes with 1000. A mock server leaves it to the client.
    void finishing()
    {
        if (m_role == Role::MockServer)
            return;
        if (m_phase == Phase::Sending)
            m_phase = Phase::AwaitingReplies;
        if (m_phase == Phase::AwaitingReplies) {
            if (m_received.size() < m_script.peerMessages.size() && !m_waitExpired) {
                if (!m_replyTimer.isActive())
                    m_replyTimer.start(m_options.replyTimeoutMs);
                return;
            }
            m_replyTimer.stop();
            m_waitExpired = false;
            m_phase = m_script.peerClosedFirst ? Phase::AwaitingPeerClose : Phase::Closing;
        }
        if (m_phase == Phase::AwaitingPeerClose) {
            if (!m_waitExpired) {
                if (!m_replyTimer.isActive())
                    m_replyTimer.start(m_options.replyTimeoutMs);
                return;
            }
            m_phase = Phase::Closing;
        }
        if (m_phase == Phase::Closing && connectionOpen()) {
            m_connection->close(CloseCode::Normal, QString(), FrameOrigin::Replay);
        }
    }

    void onReplyTimeout()
    {
        if (m_stopped || !connectionOpen())
            return;
        const QString seconds = QString::number(double(m_options.replyTimeoutMs) / 1000.0);
        QString text;
        if (m_phase == Phase::AwaitingPeerClose) {
            text = ClientReplay::tr(
                "the server did not close within %1 s, as it did in the recording: closing "
                "with 1000")
                       .arg(seconds);
        } else if (m_phase == Phase::AwaitingReplies) {
            text = ClientReplay::tr(
                "only %1 of the %2 recorded replies arrived within %3 s of the last send; not "
                "waiting any longer")
                       .arg(m_received.size())
                       .arg(m_script.peerMessages.size())
                       .arg(seconds);
        } else {
            text = ClientReplay::tr(
                "send %1 of %2 waited %3 s for reply %4, which did not come: sending anyway")
                       .arg(m_next + 1)
                       .arg(total())
                       .arg(seconds)
                       .arg(m_script.steps.at(m_next).peerMessagesBefore);
        }
        // Before the warning: reporting it delivers the connection's pending events, which may advance.
        m_waitExpired = true;
        if (m_callbacks.warning)
            m_callbacks.warning(text);
        advance();
    }

    ReplayScript m_script;
    ReplayOptions m_options;
    Role m_role;
    QPointer<Connection> m_connection;
    Callbacks m_callbacks;
    QTimer m_delayTimer { this };
    QTimer m_replyTimer { this };

    QList<Message> m_received;
    QList<qint64> m_receivedTimesNs;
    qsizetype m_next = 0; // the next step to send
    int m_credit = 0; // Timing::Step: next() calls not used yet
    qint64 m_lastSendNs = 0; // Clock time of the previous send (or of the start)
    Phase m_phase = Phase::Sending;
    bool m_started = false;
    bool m_stopped = false;
    bool m_advancing = false;
    bool m_delayDone = false; // the next step's recorded gap has passed
    bool m_waitExpired = false; // the current wait for replies (or for the close) timed out
    bool m_announced = false; // awaitingNext() was reported for the next step
};

// ---- ClientReplay -----------------------------------------------------------------------------------

ClientReplay::ClientReplay(const ReplayScript &script, const Options &options, QObject *parent)
    : QObject(parent)
    , m_script(script)
    , m_options(options)
{
    ClientConnection::Options connection = m_script.clientOptions();
    if (!m_options.url.isEmpty())
        connection.url = m_options.url;
    connection.tls = m_options.tls;
    connection.proxy = m_options.proxy;
    connection.settings = m_options.settings;
    connection.connectTimeoutMs = m_options.connectTimeoutMs;
    connection.reconnect.enabled = false;
    m_connection = new ClientConnection(connection, this);

    ReplayPlayer::Callbacks callbacks;
    callbacks.progress = [this](int sent, int total) { Q_EMIT progressChanged(sent, total); };
    callbacks.awaitingNext = [this](int index) { Q_EMIT awaitingNext(index); };
    callbacks.warning = [this](const QString &text) { warn(text); };
    m_player = new ReplayPlayer(
        m_script, m_options.replay, ReplayPlayer::Role::Client, m_connection, std::move(callbacks), this);

    connect(m_connection, &Connection::eventsReady, this, &ClientReplay::onEvents);
    connect(m_connection, &Connection::opened, this, [this] {
        m_opened = true;
        if (!m_stopped)
            m_player->start();
    });
    connect(m_connection, &Connection::closed, this, &ClientReplay::onClosed);
}

ClientReplay::~ClientReplay()
{
    // The connection goes with this object: nothing it does on the way may reach a half-destroyed replay.
    m_connection->disconnect(this);
    delete m_player;
}

QUrl ClientReplay::url() const
{
    return m_connection->options().url;
}

int ClientReplay::sent() const
{
    return m_player->sent();
}

bool ClientReplay::completed() const
{
    return m_finished && m_opened && m_player->allSent();
}

QList<Message> ClientReplay::receivedMessages() const
{
    return m_player->received();
}

void ClientReplay::start()
{
    if (m_started)
        return;
    m_started = true;
    m_connection->open();
}

void ClientReplay::next()
{
    m_player->next();
}

void ClientReplay::stop()
{
    if (m_finished || m_stopped)
        return;
    m_stopped = true;
    m_player->stop();
    if (!m_started || m_connection->state() == ConnectionState::Closed
        || m_connection->state() == ConnectionState::Idle) {
        onClosed();
        return;
    }
    if (m_connection->state() == ConnectionState::Open)
        addNotice(tr("stopped after %1 of %2 sends: closing with 1000").arg(sent()).arg(total()));
    m_connection->stop(CloseCode::Normal);
}

void ClientReplay::onEvents(const EventBatch &batch)
{
    m_events.append(batch);
    Q_EMIT eventsReady(batch);
    m_player->onEvents(batch);
}

void ClientReplay::warn(const QString &text)
{
    m_warnings.append(text);
    addNotice(text);
    Q_EMIT warning(text);
}

void ClientReplay::addNotice(const QString &text)
{
    // After the connection's events so far, which wait in its batch.
    m_connection->flushEvents();
    ConnectionNotice notice;
    notice.connectionId = m_connection->id();
    notice.timestampNs = Clock::nowNs();
    notice.kind = ConnectionNotice::Kind::Info;
    notice.state = m_connection->state();
    notice.text = tr("Replay: %1").arg(text);
    m_events.append(notice);
    Q_EMIT eventsReady(EventBatch { notice });
}

void ClientReplay::onClosed()
{
    if (m_finished)
        return;
    m_finished = true;
    m_player->stop();
    if (!m_opened) {
        const auto handshake = m_connection->handshake();
        QString why = m_connection->errorString();
        if (why.isEmpty() && handshake)
            why = handshake->error;
        if (m_stopped && why.isEmpty())
            why = tr("stopped before the connection was open");
        m_error = tr("could not connect to %1: %2").arg(url().toDisplayString(), why);
    } else if (!m_player->allSent()) {
        m_error = m_stopped ? tr("stopped after %1 of %2 sends").arg(sent()).arg(total())
                            : tr("the connection closed after %1 of %2 sends").arg(sent()).arg(total());
    }
    Q_EMIT finished();
}

// ---- MockServerReplay -------------------------------------------------------------------------------

MockServerReplay::MockServerReplay(const ReplayScript &script, const Options &options, QObject *parent)
    : QObject(parent)
    , m_script(script)
    , m_options(options)
{
    Server::Options server = m_options.server;
    server.behaviour = Server::Behaviour::Manual;
    const Handshake::ServerOptions recorded = m_script.serverHandshake();
    server.handshake.subprotocols = recorded.subprotocols;
    server.handshake.deflate = recorded.deflate;
    m_server = new Server(server, this);
    connect(m_server, &Server::eventsReady, this, [this](const EventBatch &batch) {
        m_events.append(batch);
        Q_EMIT eventsReady(batch);
    });
    connect(m_server, &Server::clientConnected, this, &MockServerReplay::onClientConnected);
    connect(m_server, &Server::clientClosed, this, &MockServerReplay::onClientClosed);
}

MockServerReplay::~MockServerReplay()
{
    m_server->disconnect(this);
    qDeleteAll(m_players);
}

bool MockServerReplay::listen(QString *error)
{
    return m_server->listen(error);
}

void MockServerReplay::stop(quint16 code, const QString &reason)
{
    for (ReplayPlayer *player : std::as_const(m_players))
        player->stop();
    m_server->stop(code, reason);
}

QString MockServerReplay::url() const
{
    return m_server->url();
}

void MockServerReplay::onClientConnected(Connection *client)
{
    const quint64 id = client->id();
    ReplayPlayer::Callbacks callbacks;
    callbacks.progress = [this, id](int sent, int total) { Q_EMIT clientProgress(id, sent, total); };
    callbacks.warning = [this, id, client](const QString &text) {
        client->flushEvents();
        ConnectionNotice notice;
        notice.connectionId = id;
        notice.timestampNs = Clock::nowNs();
        notice.kind = ConnectionNotice::Kind::Info;
        notice.state = client->state();
        notice.text = ClientReplay::tr("Replay: %1").arg(text);
        m_events.append(notice);
        Q_EMIT eventsReady(EventBatch { notice });
        Q_EMIT warning(id, text);
    };
    ReplayOptions replay = m_options.replay;
    if (replay.timing == ReplayOptions::Timing::Step)
        replay.timing = ReplayOptions::Timing::Fast;
    auto *player = new ReplayPlayer(
        m_script, replay, ReplayPlayer::Role::MockServer, client, std::move(callbacks), this);
    m_players.insert(id, player);
    // After the Server's own connection to eventsReady: m_events has a batch before the player acts on it.
    connect(client, &Connection::eventsReady, player, &ReplayPlayer::onEvents);
    connect(client, &Connection::opened, player, [this, player, client, id] {
        client->flushEvents(); // its handshake goes before the news that its replay starts
        Q_EMIT clientStarted(id);
        player->start();
    });
}

void MockServerReplay::onClientClosed(Connection *client)
{
    ReplayPlayer *player = m_players.take(client->id());
    if (!player)
        return;
    player->stop();
    const bool completed = player->allSent() && client->handshake() && client->handshake()->accepted;
    player->deleteLater();
    Q_EMIT clientFinished(client->id(), completed);
}

} // namespace Frameline
