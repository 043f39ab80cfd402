#pragma once

#include "app/protocol/frame.h"
#include "app/protocol/httpmessage.h"
#include "app/protocol/messageassembler.h"
#include "app/protocol/permessagedeflate.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtNetwork/QSslCertificate>

#include <memory>
#include <variant>

namespace Frameline {

// What connections report: frames, messages and notices, in the order they happened, delivered in
// batches (see Connection::eventsReady). Plain values; safe to pass between threads.

enum class ConnectionState : quint8 {
    Idle,           // not started
    Resolving,      // DNS lookup
    Connecting,     // TCP connect (through the proxy, if any)
    TlsHandshaking, // TLS handshake
    Upgrading,      // HTTP upgrade (opening handshake) in progress
    Open,           // frames flow
    Closing,        // a Close frame was sent or received; waiting for the rest of the closing handshake
    Closed,         // the TCP connection is gone (see CloseInfo)
};

enum class Direction : quint8 { Incoming, Outgoing };

// Who caused an outgoing frame (incoming frames are always Peer).
enum class FrameOrigin : quint8 { Peer, User, Script, Automatic, Replay };

enum class CloseInitiator : quint8 { None, Local, Remote };

struct CloseInfo
{
    CloseInitiator initiator = CloseInitiator::None; // who sent the first Close frame
    quint16 code = 1006;  // the peer's close code; 1005 when its Close frame had none, 1006 when none came
    QString reason;       // the peer's close reason
    quint16 sentCode = 0; // the code we sent (0: we sent no Close frame, or one without a code)
    bool closingHandshakeCompleted = false; // Close frames went both ways (RFC 6455 §7.1.1)
    bool abnormal = true; // the TCP connection ended without a completed closing handshake (1006)
};

// Phase durations of an opening, in nanoseconds; -1 where the phase did not happen (no DNS for an IP
// literal or through a proxy, no TLS for ws://).
struct PhaseTimings
{
    qint64 dnsNs = -1;
    qint64 connectNs = -1;
    qint64 tlsNs = -1;
    qint64 upgradeNs = -1;
};

// The opening handshake exactly as it went over the wire.
struct HandshakeRecord
{
    QString url;                // client: the URL dialled; server: the request target
    QString peerAddress;
    quint16 peerPort = 0;
    QByteArray requestBytes;    // exact bytes of the request head
    QByteArray responseBytes;   // exact bytes of the response head (and body, for a rejection)
    HttpMessage request;
    HttpMessage response;
    bool accepted = false;
    QString error;              // why the handshake failed, when it did
    QByteArray subprotocol;     // negotiated, empty for none
    std::optional<DeflateParameters> deflate;
    QByteArray expectedAccept;  // client: what Sec-WebSocket-Accept had to be
    PhaseTimings timings;
};

// TLS facts of a wss connection.
struct TlsRecord
{
    QString protocol;             // "TLSv1.3"
    QString cipher;               // "TLS_AES_256_GCM_SHA384"
    QString serverName;           // SNI / the name verified
    QList<QSslCertificate> peerChain;
    QStringList certificateErrors; // explained, one per error, even when ignored
    bool verified = false;         // the peer's chain verified against the trusted CAs
    bool errorsIgnored = false;    // the user's "ignore certificate errors" switch let errors through
    bool clientCertificateSent = false;
};

struct FrameEvent
{
    quint64 connectionId = 0;
    qint64 timestampNs = 0; // Clock::nowNs() when its bytes were read from (or written to) the socket
    Direction direction = Direction::Incoming;
    FrameOrigin origin = FrameOrigin::Peer;
    Frame frame;        // payload view cleared; frame.index counts per connection and direction
    QByteArray payload; // the unmasked payload as on the wire (compressed bytes for compressed frames)
};

struct MessageEvent
{
    quint64 connectionId = 0;
    qint64 timestampNs = 0;
    Direction direction = Direction::Incoming;
    FrameOrigin origin = FrameOrigin::Peer;
    Message message; // payload inflated when compressed
};

struct ConnectionNotice
{
    enum class Kind : quint8 {
        StateChanged,  // state (and, for Closed, close)
        Handshake,     // handshake
        Tls,           // tls
        Violation,     // violation, with the action taken in text
        Error,         // text
        PingRoundTrip, // roundTripNs for a keepalive ping
        Info,          // text (reconnect scheduled, close timeout, ...)
    };
    quint64 connectionId = 0;
    qint64 timestampNs = 0;
    Kind kind = Kind::Info;
    ConnectionState state = ConnectionState::Idle;
    CloseInfo close;
    QString text;
    Violation violation;
    qint64 roundTripNs = -1;
    std::shared_ptr<const HandshakeRecord> handshake;
    std::shared_ptr<const TlsRecord> tls;
};

using ConnectionEvent = std::variant<FrameEvent, MessageEvent, ConnectionNotice>;
using EventBatch = QList<ConnectionEvent>;

class ConnectionText
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionText)
public:
    static QString stateName(ConnectionState state); // translated
    static QString stateId(ConnectionState state);   // stable identifier ("open")
};

} // namespace Frameline

Q_DECLARE_METATYPE(Frameline::EventBatch)
