#pragma once

#include "app/net/connectionevent.h"
#include "app/protocol/framewriter.h"
#include "app/protocol/handshake.h"
#include "app/protocol/streamdecoder.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtNetwork/QAbstractSocket>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QTcpSocket;
class QSslSocket;
QT_END_NAMESPACE

namespace Frameline {

// One WebSocket connection once its TCP (or TLS) socket exists, in either role: the opening handshake,
// frames both ways, the closing handshake, strict or lenient handling of violations, keepalive pings.
//
// Everything that happens is reported as events (frames, messages, notices) in order, in batches, through
// eventsReady(). Outgoing frames are reported from the exact bytes written to the socket, decoded like
// incoming ones, so a crafted frame shows what the peer really received.
//
// Lives in one thread (the thread of its socket); call it only there (QMetaObject::invokeMethod from
// elsewhere). ClientConnection dials; Server creates the server-side ones.
class Connection : public QObject
{
    Q_OBJECT
public:
    enum class Role : quint8 { Client, Server }; // which end we are

    struct Settings
    {
        bool strict = true;          // RFC 6455 exactly: a violation fails the connection with its code
        bool autoPong = true;        // answer pings (RFC 6455 §5.5.2)
        DecoderLimits limits;        // for what the peer sends
        int handshakeTimeoutMs = 10000;
        int closeTimeoutMs = 5000;   // wait this long for the rest of a closing handshake
        int pingIntervalMs = 0;      // keepalive pings; 0: none
        int batchIntervalMs = 10;    // events are delivered at most this late
        bool compressOutgoing = true; // compress messages when permessage-deflate was negotiated
    };

    ~Connection() override;

    quint64 id() const { return m_id; }
    Role role() const { return m_role; }
    ConnectionState state() const { return m_state; }
    const Settings &settings() const { return m_settings; }
    std::shared_ptr<const HandshakeRecord> handshake() const { return m_handshake; }
    std::shared_ptr<const TlsRecord> tls() const { return m_tls; }
    const CloseInfo &closeInfo() const { return m_closeInfo; }
    QByteArray subprotocol() const { return m_handshake ? m_handshake->subprotocol : QByteArray(); }
    std::optional<DeflateParameters> deflate() const { return m_deflateParameters; }
    QString errorString() const { return m_errorString; }
    qint64 lastRoundTripNs() const { return m_lastRoundTripNs; }

    // Counters of what went over the wire after the handshake (frames and bytes, header included).
    qint64 framesIn() const { return m_framesIn; }
    qint64 framesOut() const { return m_framesOut; }
    qint64 bytesIn() const { return m_bytesIn; }
    qint64 bytesOut() const { return m_bytesOut; }

    // Sending, in call order. Each returns false (and sets errorString()) when the connection is not
    // open or the frame cannot be built.
    bool sendText(const QByteArray &utf8, FrameOrigin origin = FrameOrigin::User);
    bool sendBinary(const QByteArray &bytes, FrameOrigin origin = FrameOrigin::User);
    bool sendMessage(quint8 opcode, const QByteArray &payload, FrameOrigin origin = FrameOrigin::User);
    bool sendPing(const QByteArray &payload = {}, FrameOrigin origin = FrameOrigin::User);
    bool sendPong(const QByteArray &payload = {}, FrameOrigin origin = FrameOrigin::User);
    // One message in `count` frames (compressed as a whole first, when deflate is on).
    bool sendFragmented(quint8 opcode, const QByteArray &payload, int count, FrameOrigin origin = FrameOrigin::User);
    // Any frame, exactly as specified (valid or not): for testing how a peer handles broken input.
    bool sendFrame(const FrameSpec &spec, FrameOrigin origin = FrameOrigin::User);
    // Starts the closing handshake (RFC 6455 §7.1.2) with a code and reason.
    void close(quint16 code = 1000, const QString &reason = {}, FrameOrigin origin = FrameOrigin::User);
    // Starts the closing handshake with a Close frame that has no body.
    void closeWithoutCode(FrameOrigin origin = FrameOrigin::User);
    // Drops the TCP connection at once, without a closing handshake.
    void abort(const QString &why = {});

    // Delivers any events still waiting for the batch timer.
    void flushEvents();

Q_SIGNALS:
    void eventsReady(const Frameline::EventBatch &events);
    void stateChanged(Frameline::ConnectionState state);
    void opened();
    void closed(); // the connection has ended (state Closed); events up to this point have been delivered

protected:
    Connection(Role role, const Settings &settings, QObject *parent);

    // Takes ownership of a connected (or connecting) socket and follows it.
    void attachSocket(QTcpSocket *socket);
    QTcpSocket *socket() const { return m_socket; }
    // Client: writes the opening handshake request and waits for the response.
    void startClientHandshake(const Handshake::ClientOptions &options, const PhaseTimings &timings);
    // Server: waits for the request and answers it.
    void startServerHandshake(const Handshake::ServerOptions &options);

    // Forgets the previous attempt (socket, handshake, close state) so the connection can dial again.
    void resetForNewAttempt();
    void setState(ConnectionState state);
    ConnectionNotice makeNotice(ConnectionNotice::Kind kind) const; // stamped with id, time and state
    void addNotice(ConnectionNotice::Kind kind, const QString &text);
    void addHandshakeNotice();
    // A Violation notice carrying the rule it is about, and what the connection did (`text`).
    void addViolationNotice(const Violation &violation, const QString &text);
    void addTlsRecord(std::shared_ptr<const TlsRecord> record);
    // Ends a connection that never opened (DNS, TCP, TLS or handshake failure).
    void failOpening(const QString &error);
    virtual void connectionEnded() { }
    // Every complete incoming message, as soon as it is decoded (not batched): for servers that answer.
    virtual void messageReceived(const Message &message) { Q_UNUSED(message) }

    PhaseTimings m_timings;
    QString m_errorString;

private:
    class Decoding;
    friend class Decoding;

    void onReadyRead();
    void onDisconnected();
    void onTransportError(QAbstractSocket::SocketError error);
    void onHandshakeTimeout();
    void onCloseTimeout();
    void onPingTimer();
    void handleClientHandshakeBytes(QByteArrayView bytes);
    void reportClientHandshakeFailure();
    void handleServerHandshakeBytes(QByteArrayView bytes);
    void open(QByteArrayView leftover);
    bool canSend();
    void writeFrames(const QByteArray &bytes, FrameOrigin origin);
    QByteArray buildMessage(quint8 opcode, const QByteArray &payload, int fragments);
    void onIncomingFrame(const Frame &frame);
    void onIncomingMessage(const Message &message);
    void onOutgoingFrame(const Frame &frame);
    void onOutgoingMessage(const Message &message);
    void onIncomingViolation(const Violation &violation);
    void failConnection(const Violation &violation);
    void handleCloseFrame(const Frame &frame);
    void sendCloseFrame(const QByteArray &payload, FrameOrigin origin);
    // After a Close frame went one way or both: the closing state, its timer, and the server's TCP close.
    void enterClosing();
    void finishClosing();
    void append(ConnectionEvent &&event);
    // After an event was added to m_batch (in place or by append()): delivers the batch when it is full.
    void appended(const FrameEvent &event);
    void batchGrew();

    const quint64 m_id;
    const Role m_role;
    Settings m_settings;
    ConnectionState m_state = ConnectionState::Idle;
    QTcpSocket *m_socket = nullptr;

    std::unique_ptr<Handshake::Client> m_clientHandshake;
    std::unique_ptr<Handshake::Server> m_serverHandshake;
    std::shared_ptr<HandshakeRecord> m_handshake;
    std::shared_ptr<const TlsRecord> m_tls;
    qint64 m_upgradeStartNs = 0;
    std::optional<DeflateParameters> m_deflateParameters;
    std::unique_ptr<Deflater> m_deflater;

    std::unique_ptr<Decoding> m_incoming;
    std::unique_ptr<Decoding> m_outgoing;
    FrameOrigin m_sendingOrigin = FrameOrigin::User;

    bool m_closeSent = false;
    bool m_closeReceived = false;
    bool m_failing = false; // strict mode failed the connection: incoming data is no longer acted on
    bool m_openingFailed = false; // failOpening() has run: the end of the socket is its doing
    CloseInfo m_closeInfo;

    QTimer m_handshakeTimer { this }; // a child, so moveToThread() takes it along
    QTimer m_closeTimer { this }; // a child, so moveToThread() takes it along
    QTimer m_pingTimer { this }; // a child, so moveToThread() takes it along
    QTimer m_batchTimer { this }; // a child, so moveToThread() takes it along
    bool m_batchTimerArmed = false; // m_batchTimer runs (cheaper to ask than QTimer::isActive())
    qint64 m_batchPayloadBytes = 0; // frame payload bytes in m_batch
    quint64 m_pingCounter = 0;
    QHash<QByteArray, qint64> m_pingsInFlight; // payload -> send time
    qint64 m_lastRoundTripNs = -1;

    qint64 m_framesIn = 0;
    qint64 m_framesOut = 0;
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;

    EventBatch m_batch;
    // A whole, uncompressed, clean incoming frame waits here for its message (which follows at once),
    // so both events share one payload buffer instead of two copies.
    qsizetype m_heldFrameIndex = -1; // its place in m_batch, or -1
    QByteArray m_readBuffer;
    qint64 m_readTimestampNs = 0; // when the bytes being decoded were read: the arrival time of their frames
};

} // namespace Frameline
