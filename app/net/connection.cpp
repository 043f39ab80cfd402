#include "app/net/connection.h"

#include "app/net/clock.h"
#include "app/protocol/closecode.h"

#include <QtCore/QAtomicInteger>
#include <QtCore/QtEndian>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>

#include <limits>

namespace Frameline {

namespace {
QAtomicInteger<quint64> s_nextConnectionId = 1;

// Batches are flushed early past this many events, so a flood never builds an unbounded batch.
constexpr qsizetype MaxBatchEvents = 4096;
// A batch is also delivered once it carries this many payload bytes: large payloads then reach the
// consumer (and come back to the parser for reuse) while still warm in the cache, instead of piling up
// for a whole batch interval.
constexpr qint64 MaxBatchPayloadBytes = 1 << 20;
} // namespace

// A StreamDecoder for one direction, forwarding to the connection.
class Connection::Decoding final : public StreamDecoder::Handler
{
public:
    Decoding(Connection &connection, Direction direction, const StreamDecoder::Options &options)
        : m_connection(connection)
        , m_direction(direction)
        , m_decoder(options, *this)
    {
    }
    void feed(QByteArrayView bytes) { m_decoder.feed(bytes); }
    StreamDecoder &decoder() { return m_decoder; }

    void frameDecoded(const Frame &frame) override
    {
        if (m_direction == Direction::Incoming)
            m_connection.onIncomingFrame(frame);
        else
            m_connection.onOutgoingFrame(frame);
    }
    void messageDecoded(const Message &message) override
    {
        if (m_direction == Direction::Incoming)
            m_connection.onIncomingMessage(message);
        else
            m_connection.onOutgoingMessage(message);
    }
    void violationDetected(const Violation &violation) override
    {
        if (m_direction == Direction::Incoming)
            m_connection.onIncomingViolation(violation);
    }

private:
    Connection &m_connection;
    Direction m_direction;
    StreamDecoder m_decoder;
};

Connection::Connection(Role role, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_id(s_nextConnectionId.fetchAndAddRelaxed(1))
    , m_role(role)
    , m_settings(settings)
{
    m_handshakeTimer.setSingleShot(true);
    m_closeTimer.setSingleShot(true);
    m_batchTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, &Connection::onHandshakeTimeout);
    connect(&m_closeTimer, &QTimer::timeout, this, &Connection::onCloseTimeout);
    connect(&m_pingTimer, &QTimer::timeout, this, &Connection::onPingTimer);
    connect(&m_batchTimer, &QTimer::timeout, this, &Connection::flushEvents);
}

Connection::~Connection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void Connection::append(ConnectionEvent &&event)
{
    Q_ASSERT(m_heldFrameIndex < 0); // a held frame's message always comes next
    m_batch.append(std::move(event));
    if (const auto *frame = std::get_if<FrameEvent>(&m_batch.last()))
        m_batchPayloadBytes += frame->payload.size();
    batchGrew();
}

void Connection::appended(const FrameEvent &event)
{
    m_batchPayloadBytes += event.payload.size();
    batchGrew();
}

void Connection::batchGrew()
{
    if (m_batch.size() >= MaxBatchEvents || m_batchPayloadBytes >= MaxBatchPayloadBytes) {
        flushEvents();
    } else if (!m_batchTimerArmed) {
        m_batchTimer.start(m_settings.batchIntervalMs);
        m_batchTimerArmed = true;
    }
}

void Connection::flushEvents()
{
    if (m_heldFrameIndex >= 0)
        return; // a frame waits for its message, which follows in the same call: delivered with it
    m_batchTimer.stop();
    m_batchTimerArmed = false;
    m_batchPayloadBytes = 0;
    if (m_batch.isEmpty())
        return;
    EventBatch batch;
    batch.reserve(qMin<qsizetype>(m_batch.size() * 2, MaxBatchEvents));
    batch.swap(m_batch);
    Q_EMIT eventsReady(batch);
}

void Connection::setState(ConnectionState state)
{
    if (state == m_state)
        return;
    m_state = state;
    ConnectionNotice notice = makeNotice(ConnectionNotice::Kind::StateChanged);
    if (state == ConnectionState::Closed)
        notice.close = m_closeInfo;
    append(std::move(notice));
    Q_EMIT stateChanged(state);
}

ConnectionNotice Connection::makeNotice(ConnectionNotice::Kind kind) const
{
    ConnectionNotice notice;
    notice.connectionId = m_id;
    notice.timestampNs = Clock::nowNs();
    notice.kind = kind;
    notice.state = m_state;
    return notice;
}

void Connection::addHandshakeNotice()
{
    ConnectionNotice notice = makeNotice(ConnectionNotice::Kind::Handshake);
    notice.handshake = m_handshake;
    append(std::move(notice));
}

void Connection::addNotice(ConnectionNotice::Kind kind, const QString &text)
{
    ConnectionNotice notice = makeNotice(kind);
    notice.text = text;
    append(std::move(notice));
}

void Connection::addViolationNotice(const Violation &violation, const QString &text)
{
    ConnectionNotice notice = makeNotice(ConnectionNotice::Kind::Violation);
    notice.text = text;
    notice.violation = violation;
    append(std::move(notice));
}

void Connection::addTlsRecord(std::shared_ptr<const TlsRecord> record)
{
    m_tls = std::move(record);
    ConnectionNotice notice = makeNotice(ConnectionNotice::Kind::Tls);
    notice.tls = m_tls;
    append(std::move(notice));
}

void Connection::resetForNewAttempt()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_clientHandshake.reset();
    m_serverHandshake.reset();
    m_handshake.reset();
    m_tls.reset();
    m_deflateParameters.reset();
    m_deflater.reset();
    m_incoming.reset();
    m_outgoing.reset();
    m_closeSent = false;
    m_closeReceived = false;
    m_failing = false;
    m_openingFailed = false;
    m_closeInfo = CloseInfo();
    m_timings = PhaseTimings();
    m_pingsInFlight.clear();
    m_errorString.clear();
}

void Connection::attachSocket(QTcpSocket *socket)
{
    m_socket = socket;
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
    connect(socket, &QAbstractSocket::errorOccurred, this, &Connection::onTransportError);
}

void Connection::onTransportError(QAbstractSocket::SocketError error)
{
    // QSslSocket reports the peer's TLS close_notify as RemoteHostClosedError but leaves TCP open. A peer
    // that then waits for our side of the close (python's asyncio TLS transport waits its whole close
    // timeout) would hold us in Closing until our close timer fired. Close our side now; disconnected()
    // follows and ends the connection as usual.
    if (error == QAbstractSocket::RemoteHostClosedError && qobject_cast<QSslSocket *>(m_socket)
        && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost();
}

// ---- opening handshake ------------------------------------------------------------------------------

void Connection::startClientHandshake(const Handshake::ClientOptions &options, const PhaseTimings &timings)
{
    m_timings = timings;
    m_clientHandshake = std::make_unique<Handshake::Client>(options);
    m_handshake = std::make_shared<HandshakeRecord>();
    if (m_clientHandshake->status() == Handshake::Client::Status::Failed) {
        // The request cannot be built (e.g. a header that would inject another line).
        m_handshake->error = m_clientHandshake->errorString();
        failOpening(tr("The opening handshake request cannot be built: %1").arg(m_handshake->error));
        return;
    }
    m_handshake->url = options.url.toString(QUrl::RemovePassword);
    m_handshake->peerAddress = m_socket->peerAddress().toString();
    m_handshake->peerPort = m_socket->peerPort();
    m_handshake->request = m_clientHandshake->request();
    m_handshake->requestBytes = m_clientHandshake->requestBytes();
    m_handshake->expectedAccept = m_clientHandshake->expectedAccept();
    setState(ConnectionState::Upgrading);
    m_upgradeStartNs = Clock::nowNs();
    m_handshakeTimer.start(m_settings.handshakeTimeoutMs);
    m_socket->write(m_handshake->requestBytes);
}

void Connection::startServerHandshake(const Handshake::ServerOptions &options)
{
    m_serverHandshake = std::make_unique<Handshake::Server>(options);
    m_handshake = std::make_shared<HandshakeRecord>();
    m_handshake->peerAddress = m_socket->peerAddress().toString();
    m_handshake->peerPort = m_socket->peerPort();
    setState(ConnectionState::Upgrading);
    m_upgradeStartNs = Clock::nowNs();
    m_handshakeTimer.start(m_settings.handshakeTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

void Connection::handleClientHandshakeBytes(QByteArrayView bytes)
{
    const auto status = m_clientHandshake->feed(bytes);
    if (status == Handshake::Client::Status::AwaitingResponse)
        return;
    if (status == Handshake::Client::Status::Failed) {
        reportClientHandshakeFailure();
        return;
    }
    m_handshakeTimer.stop();
    HandshakeRecord &record = *m_handshake;
    record.response = m_clientHandshake->response();
    record.responseBytes = record.response.rawHead() + record.response.body();
    m_timings.upgradeNs = Clock::nowNs() - m_upgradeStartNs;
    record.timings = m_timings;
    record.accepted = true;
    record.subprotocol = m_clientHandshake->subprotocol();
    record.deflate = m_clientHandshake->deflate();
    addHandshakeNotice();
    const qsizetype used = m_clientHandshake->consumed();
    open(bytes.sliced(qMin(used, bytes.size())));
}

// The client side of the opening handshake failed: a response that is not an acceptable 101, or the
// connection closed before a whole response came.
void Connection::reportClientHandshakeFailure()
{
    m_handshakeTimer.stop();
    HandshakeRecord &record = *m_handshake;
    record.response = m_clientHandshake->response();
    record.responseBytes = record.response.rawHead() + record.response.body();
    m_timings.upgradeNs = Clock::nowNs() - m_upgradeStartNs;
    record.timings = m_timings;
    record.accepted = false;
    record.error = m_clientHandshake->errorString();
    addHandshakeNotice();
    failOpening(tr("The opening handshake failed: %1").arg(record.error));
}

void Connection::handleServerHandshakeBytes(QByteArrayView bytes)
{
    const auto status = m_serverHandshake->feed(bytes);
    if (status == Handshake::Server::Status::AwaitingRequest)
        return;
    m_handshakeTimer.stop();
    HandshakeRecord &record = *m_handshake;
    record.request = m_serverHandshake->request();
    record.requestBytes = record.request.rawHead();
    record.url = QString::fromUtf8(record.request.target());
    record.response = m_serverHandshake->response();
    record.responseBytes = m_serverHandshake->responseBytes();
    m_timings.upgradeNs = Clock::nowNs() - m_upgradeStartNs;
    record.timings = m_timings;
    m_socket->write(record.responseBytes);

    if (status == Handshake::Server::Status::Rejected) {
        record.accepted = false;
        record.error = m_serverHandshake->errorString();
        addHandshakeNotice();
        m_errorString = record.error;
        addNotice(ConnectionNotice::Kind::Error, tr("The opening handshake was refused: %1").arg(record.error));
        // The rejection has been written; the server closes the TCP connection after it.
        m_socket->disconnectFromHost();
        return;
    }
    record.accepted = true;
    record.subprotocol = m_serverHandshake->subprotocol();
    record.deflate = m_serverHandshake->deflate();
    addHandshakeNotice();
    const qsizetype used = m_serverHandshake->consumed();
    open(bytes.sliced(qMin(used, bytes.size())));
}

void Connection::open(QByteArrayView leftover)
{
    m_deflateParameters = m_handshake->deflate;
    const Endpoint us = m_role == Role::Client ? Endpoint::Client : Endpoint::Server;
    const Endpoint peer = m_role == Role::Client ? Endpoint::Server : Endpoint::Client;

    StreamDecoder::Options incoming;
    incoming.sender = peer;
    incoming.limits = m_settings.limits;
    incoming.deflate = m_deflateParameters;
    m_incoming = std::make_unique<Decoding>(*this, Direction::Incoming, incoming);

    // Our own bytes are decoded with no limits: how large a message the peer accepts is its business.
    StreamDecoder::Options outgoing;
    outgoing.sender = us;
    outgoing.limits.maxFramePayload = std::numeric_limits<quint64>::max();
    outgoing.limits.maxMessageSize = std::numeric_limits<quint64>::max();
    outgoing.deflate = m_deflateParameters;
    m_outgoing = std::make_unique<Decoding>(*this, Direction::Outgoing, outgoing);

    if (m_deflateParameters)
        m_deflater = std::make_unique<Deflater>(m_deflateParameters->windowBitsFor(us),
                                                m_deflateParameters->noContextTakeoverFor(us));
    setState(ConnectionState::Open);
    if (m_settings.pingIntervalMs > 0)
        m_pingTimer.start(m_settings.pingIntervalMs);
    Q_EMIT opened();
    if (!leftover.isEmpty()) {
        m_readTimestampNs = Clock::nowNs();
        m_bytesIn += leftover.size();
        m_incoming->feed(leftover);
    }
}

void Connection::failOpening(const QString &error)
{
    m_openingFailed = true;
    m_errorString = error;
    addNotice(ConnectionNotice::Kind::Error, error);
    m_handshakeTimer.stop();
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState) {
        m_socket->abort(); // emits disconnected, which ends the connection
        if (m_state == ConnectionState::Closed)
            return;
    }
    finishClosing();
}

void Connection::onHandshakeTimeout()
{
    failOpening(tr("The opening handshake timed out after %1 ms").arg(m_settings.handshakeTimeoutMs));
}

// ---- reading -----------------------------------------------------------------------------------------

void Connection::onReadyRead()
{
    // A payload this large is read from the socket straight into the frame's own buffer, which saves
    // copying every byte once more through the read buffer.
    constexpr qsizetype DirectReadThreshold = 64 * 1024;
    while (m_socket) {
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0)
            return;
        m_readTimestampNs = Clock::nowNs();
        const bool open = m_state == ConnectionState::Open || m_state == ConnectionState::Closing;
        if (open && m_incoming && m_incoming->decoder().payloadBytesWanted() >= DirectReadThreshold) {
            StreamDecoder &decoder = m_incoming->decoder();
            const qsizetype size = qsizetype(qMin<qint64>(decoder.payloadBytesWanted(), available));
            const qint64 got = m_socket->read(decoder.directPayloadBuffer(size), size);
            decoder.directPayloadWritten(qsizetype(qMax<qint64>(got, 0)));
            if (got <= 0)
                return;
            m_bytesIn += got;
            continue;
        }
        // Otherwise into a buffer kept between calls: no allocation per read. While frames flow, at most
        // one threshold's worth at a time, so that the rest of a large frame, once its header is known,
        // is read straight into place instead of through this buffer.
        const qint64 chunk = open ? qMin<qint64>(available, DirectReadThreshold) : available;
        if (m_readBuffer.size() < chunk)
            m_readBuffer.resize(qMax<qsizetype>(chunk, DirectReadThreshold));
        const qint64 got = m_socket->read(m_readBuffer.data(), chunk);
        if (got <= 0)
            return;
        const QByteArrayView data(m_readBuffer.constData(), got);
        switch (m_state) {
        case ConnectionState::Upgrading:
            if (m_clientHandshake)
                handleClientHandshakeBytes(data);
            else if (m_serverHandshake)
                handleServerHandshakeBytes(data);
            break;
        case ConnectionState::Open:
        case ConnectionState::Closing:
            m_bytesIn += data.size();
            if (m_incoming)
                m_incoming->feed(data);
            break;
        default:
            break;
        }
    }
}

void Connection::onIncomingFrame(const Frame &frame)
{
    ++m_framesIn;
    // Built in place in the batch: millions of these go by, and each copy of an event counts.
    FrameEvent &event = std::get<FrameEvent>(m_batch.emplace_back(std::in_place_type<FrameEvent>));
    event.connectionId = m_id;
    event.timestampNs = m_readTimestampNs;
    event.direction = Direction::Incoming;
    event.origin = FrameOrigin::Peer;
    event.frame = frame;
    event.frame.payload = QByteArrayView();
    event.frame.payloadBuffer = nullptr;
    if (frame.position == FramePosition::Whole && !frame.compressed && !frame.payloadOmitted
        && frame.violations.isEmpty()) {
        // Its message follows at once and carries the very same bytes: the payload is filled in then.
        m_heldFrameIndex = m_batch.size() - 1;
        return;
    }
    event.payload = frame.payload.toByteArray();
    appended(event);

    if (m_failing)
        return;
    if (frame.hasFatalViolation()) {
        for (const Violation &violation : frame.violations) {
            if (!violation.fatal)
                continue;
            if (m_settings.strict) {
                failConnection(violation);
                return;
            }
            addViolationNotice(violation,
                      tr("Lenient mode: kept the connection open despite %1 (a strict endpoint closes with %2)")
                          .arg(violation.id())
                          .arg(violation.closeCode));
        }
    }

    switch (frame.opcode) {
    case quint8(Opcode::Ping):
        if (m_settings.autoPong && !m_closeSent && !frame.payloadOmitted)
            sendPong(frame.payload.toByteArray(), FrameOrigin::Automatic);
        break;
    case quint8(Opcode::Pong): {
        const auto it = m_pingsInFlight.constFind(frame.payload.toByteArray());
        if (it != m_pingsInFlight.constEnd()) {
            m_lastRoundTripNs = Clock::nowNs() - it.value();
            m_pingsInFlight.erase(it);
            ConnectionNotice notice = makeNotice(ConnectionNotice::Kind::PingRoundTrip);
            notice.roundTripNs = m_lastRoundTripNs;
            append(std::move(notice));
        }
        break;
    }
    case quint8(Opcode::Close):
        handleCloseFrame(frame);
        break;
    default:
        break;
    }
}

void Connection::onIncomingMessage(const Message &message)
{
    if (m_heldFrameIndex >= 0) {
        FrameEvent &held = std::get<FrameEvent>(m_batch[m_heldFrameIndex]);
        held.payload = message.payload; // shared, not copied
        m_heldFrameIndex = -1;
        appended(held);
    }
    MessageEvent &event = std::get<MessageEvent>(m_batch.emplace_back(std::in_place_type<MessageEvent>));
    event.connectionId = m_id;
    event.timestampNs = m_readTimestampNs;
    event.direction = Direction::Incoming;
    event.origin = FrameOrigin::Peer;
    event.message = message;
    batchGrew();
    if (!m_failing && !m_closeReceived)
        messageReceived(message);
}

void Connection::onIncomingViolation(const Violation &violation)
{
    // Found while the frame is still arriving: a strict endpoint need not wait for the rest.
    if (m_settings.strict && !m_failing && violation.fatal)
        failConnection(violation);
}

void Connection::failConnection(const Violation &violation)
{
    // RFC 6455 §7.1.7: Fail the WebSocket Connection: send a Close frame with the code, then close.
    m_failing = true;
    // Sections of RFC 7692 carry their RFC in the name already ("RFC 7692 6.1").
    const QString section = violation.rfcSection.startsWith(QLatin1String("RFC"))
        ? violation.rfcSection
        : QStringLiteral("RFC 6455 §") + violation.rfcSection;
    addViolationNotice(violation,
                       tr("Strict mode: failing the connection with %1 %2 because of %3 (%4): %5")
                           .arg(violation.closeCode)
                           .arg(CloseCodes::name(violation.closeCode), violation.id(), section, violation.message));
    if (!m_closeSent && m_state == ConnectionState::Open) {
        if (m_closeInfo.initiator == CloseInitiator::None)
            m_closeInfo.initiator = CloseInitiator::Local;
        sendCloseFrame(ClosePayload::encode(violation.closeCode, QByteArray()), FrameOrigin::Automatic);
    }
    enterClosing();
}

// ---- closing -----------------------------------------------------------------------------------------

void Connection::enterClosing()
{
    // Our Close frame goes to the socket now: it must reach the peer even when the connection is
    // destroyed right after (a tab closed, the application quitting).
    // Writing can find the connection already gone (a reset our event loop has not seen yet): the socket
    // then ends synchronously, finishClosing() runs, and the connection is over.
    if (m_closeSent && m_socket && m_state != ConnectionState::Closed)
        m_socket->flush();
    if (m_state == ConnectionState::Closed)
        return;
    setState(ConnectionState::Closing);
    m_pingTimer.stop();
    if (m_role == Role::Server && (m_closeReceived || m_failing)) {
        // RFC 6455 §7.1.1: the server closes the TCP connection first, once the closing handshake is
        // done (or when it fails the connection).
        m_socket->disconnectFromHost();
    } else if (!m_closeTimer.isActive()) {
        // Otherwise wait for the peer's Close frame, or for the server to close TCP, but not for ever.
        m_closeTimer.start(m_settings.closeTimeoutMs);
    }
}

void Connection::handleCloseFrame(const Frame &frame)
{
    if (m_closeReceived)
        return;
    m_closeReceived = true;
    const ClosePayload payload = ClosePayload::parse(frame.payload);
    m_closeInfo.code = payload.code.value_or(CloseCode::NoStatusReceived);
    m_closeInfo.reason = QString::fromUtf8(payload.reason);
    if (m_closeInfo.initiator == CloseInitiator::None)
        m_closeInfo.initiator = CloseInitiator::Remote;
    if (!m_closeSent) {
        // RFC 6455 §5.5.1: answer with a Close frame, echoing the status code, unless it is one that must
        // not be sent (§7.4.1; only a lenient endpoint gets here with one): then with no code at all.
        const bool echo = payload.code && CloseCodes::isValidOnWire(*payload.code);
        sendCloseFrame(echo ? ClosePayload::encode(*payload.code, QByteArray()) : QByteArray(),
                       FrameOrigin::Automatic);
    }
    enterClosing();
}

void Connection::sendCloseFrame(const QByteArray &payload, FrameOrigin origin)
{
    m_closeSent = true;
    if (payload.size() >= 2)
        m_closeInfo.sentCode = qFromBigEndian<quint16>(payload.constData());
    writeFrames(FrameWriter::frame(m_role == Role::Client ? Endpoint::Client : Endpoint::Server,
                                   quint8(Opcode::Close), payload),
                origin);
}

void Connection::close(quint16 code, const QString &reason, FrameOrigin origin)
{
    if (m_state != ConnectionState::Open) {
        if (m_state != ConnectionState::Closing && m_state != ConnectionState::Closed)
            abort(tr("Closed before the connection was open"));
        return;
    }
    m_closeInfo.initiator = CloseInitiator::Local;
    const QByteArray frame = FrameWriter::close(m_role == Role::Client ? Endpoint::Client : Endpoint::Server, code, reason);
    m_closeSent = true;
    m_closeInfo.sentCode = code;
    writeFrames(frame, origin);
    enterClosing();
}

void Connection::closeWithoutCode(FrameOrigin origin)
{
    if (m_state != ConnectionState::Open)
        return;
    m_closeInfo.initiator = CloseInitiator::Local;
    sendCloseFrame(QByteArray(), origin);
    enterClosing();
}

void Connection::onCloseTimeout()
{
    addNotice(ConnectionNotice::Kind::Info,
              tr("The peer did not finish the closing handshake within %1 ms; dropping the TCP connection")
                  .arg(m_settings.closeTimeoutMs));
    if (m_socket)
        m_socket->abort();
}

void Connection::abort(const QString &why)
{
    if (!why.isEmpty())
        addNotice(ConnectionNotice::Kind::Info, why);
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    else
        finishClosing();
}

void Connection::onDisconnected()
{
    if (m_state == ConnectionState::Open || m_state == ConnectionState::Closing
        || m_state == ConnectionState::Upgrading) {
        // Anything still buffered arrived before the end.
        if (m_socket->bytesAvailable() > 0)
            onReadyRead();
    }
    if (m_state == ConnectionState::Upgrading && m_clientHandshake && !m_openingFailed
        && m_clientHandshake->connectionClosed() == Handshake::Client::Status::Failed) {
        // The server closed before a whole response came: say so, with what did arrive.
        reportClientHandshakeFailure();
        return;
    }
    finishClosing();
}

void Connection::finishClosing()
{
    if (m_state == ConnectionState::Closed)
        return;
    m_handshakeTimer.stop();
    m_closeTimer.stop();
    m_pingTimer.stop();
    m_closeInfo.closingHandshakeCompleted = m_closeSent && m_closeReceived;
    m_closeInfo.abnormal = !m_closeInfo.closingHandshakeCompleted;
    if (!m_closeReceived)
        m_closeInfo.code = CloseCode::AbnormalClosure;
    setState(ConnectionState::Closed);
    flushEvents();
    connectionEnded();
    Q_EMIT closed();
}

// ---- sending -----------------------------------------------------------------------------------------

bool Connection::canSend()
{
    if (m_state == ConnectionState::Open && !m_closeSent && m_socket)
        return true;
    m_errorString = m_closeSent ? tr("The connection is closing; nothing more can be sent")
                                : tr("The connection is not open");
    return false;
}

void Connection::writeFrames(const QByteArray &bytes, FrameOrigin origin)
{
    if (!m_socket || bytes.isEmpty())
        return;
    m_socket->write(bytes);
    m_bytesOut += bytes.size();
    m_sendingOrigin = origin;
    if (m_outgoing)
        m_outgoing->feed(bytes);
}

QByteArray Connection::buildMessage(quint8 opcode, const QByteArray &payload, int fragments)
{
    const Endpoint us = m_role == Role::Client ? Endpoint::Client : Endpoint::Server;
    const bool compress = m_deflater && m_settings.compressOutgoing;
    const QByteArray body = compress ? m_deflater->compress(payload) : payload;
    if (fragments <= 1)
        return FrameWriter::frame(us, opcode, body, true, compress);
    QByteArray bytes;
    for (const QByteArray &frame : FrameWriter::fragments(us, opcode, body, fragments, compress))
        bytes += frame;
    return bytes;
}

bool Connection::sendMessage(quint8 opcode, const QByteArray &payload, FrameOrigin origin)
{
    if (!canSend())
        return false;
    writeFrames(buildMessage(opcode, payload, 1), origin);
    return true;
}

bool Connection::sendText(const QByteArray &utf8, FrameOrigin origin)
{
    return sendMessage(quint8(Opcode::Text), utf8, origin);
}

bool Connection::sendBinary(const QByteArray &bytes, FrameOrigin origin)
{
    return sendMessage(quint8(Opcode::Binary), bytes, origin);
}

bool Connection::sendFragmented(quint8 opcode, const QByteArray &payload, int count, FrameOrigin origin)
{
    if (!canSend())
        return false;
    writeFrames(buildMessage(opcode, payload, count), origin);
    return true;
}

bool Connection::sendPing(const QByteArray &payload, FrameOrigin origin)
{
    if (!canSend())
        return false;
    writeFrames(FrameWriter::ping(m_role == Role::Client ? Endpoint::Client : Endpoint::Server, payload), origin);
    return true;
}

bool Connection::sendPong(const QByteArray &payload, FrameOrigin origin)
{
    if (!canSend())
        return false;
    writeFrames(FrameWriter::pong(m_role == Role::Client ? Endpoint::Client : Endpoint::Server, payload), origin);
    return true;
}

bool Connection::sendFrame(const FrameSpec &spec, FrameOrigin origin)
{
    if (!canSend())
        return false;
    QString error;
    const QByteArray bytes = FrameWriter::encode(spec, &error);
    if (bytes.isEmpty()) {
        m_errorString = error;
        return false;
    }
    if (spec.opcode == quint8(Opcode::Close)) {
        m_closeSent = true;
        if (m_closeInfo.initiator == CloseInitiator::None)
            m_closeInfo.initiator = CloseInitiator::Local;
    }
    writeFrames(bytes, origin);
    if (m_closeSent && m_state == ConnectionState::Open)
        enterClosing();
    return true;
}

void Connection::onOutgoingFrame(const Frame &frame)
{
    ++m_framesOut;
    FrameEvent event;
    event.connectionId = m_id;
    event.timestampNs = Clock::nowNs();
    event.direction = Direction::Outgoing;
    event.origin = m_sendingOrigin;
    event.frame = frame;
    event.frame.payload = QByteArrayView();
    event.payload = frame.payload.toByteArray();
    append(std::move(event));
}

void Connection::onOutgoingMessage(const Message &message)
{
    MessageEvent event;
    event.connectionId = m_id;
    event.timestampNs = Clock::nowNs();
    event.direction = Direction::Outgoing;
    event.origin = m_sendingOrigin;
    event.message = message;
    append(std::move(event));
}

void Connection::onPingTimer()
{
    // The payload is a counter, so each pong can be matched to its ping.
    QByteArray payload(8, Qt::Uninitialized);
    qToBigEndian<quint64>(++m_pingCounter, payload.data());
    m_pingsInFlight.insert(payload, Clock::nowNs());
    if (m_pingsInFlight.size() > 64) // a peer that never answers must not grow this for ever
        m_pingsInFlight.clear();
    sendPing(payload, FrameOrigin::Automatic);
}

} // namespace Frameline
