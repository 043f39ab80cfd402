#pragma once

#include "app/net/connectionevent.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>

#include <memory>
#include <optional>

namespace Frameline {

// Everything known about one timeline entry (a frame, a message or a notice), as a plain value: what the
// inspector shows. FrameStore::frameDetails() / messageDetails() build it from the compact store.
struct EntryDetails
{
    enum class Kind : quint8 {
        None,    // nothing selected
        Frame,   // one frame as on the wire
        Message, // a data message put together from its frames
        Notice,  // handshake, TLS, state change, error, violation, ping round trip, info
    };

    Kind kind = Kind::None;
    qint64 id = -1;           // Frame and Notice: the entry id (its row in frame mode); Message: the message id
    quint64 connectionId = 0;
    qint64 timestampNs = 0;   // Clock::nowNs() of the frame, of the message's last frame, or of the notice
    qint64 connectionStartNs = 0; // timestamp of the connection's first entry (for relative times)
    Direction direction = Direction::Incoming;
    FrameOrigin origin = FrameOrigin::Peer;

    // Frame: every header field exactly as on the wire (frame.payload is an empty view; use `payload`).
    // Message: frame.opcode is the message's opcode; the other header fields are those of its first frame.
    Frame frame;

    // Frame: the unmasked payload as on the wire (the compressed bytes of a compressed message's frame).
    // Message: the whole payload as the application sees it (inflated when it was compressed).
    QByteArray payload;
    bool payloadTruncated = false; // not all of it was kept (frame over the limit, inflation stopped)

    // Message (and the frames of a compressed message): compression on the wire.
    bool compressed = false;
    quint64 wireLength = 0;        // Message: sum of its frames' payload lengths on the wire
    QList<qint64> frameIds;        // Message: the entry ids of its data frames, in order
    qint64 messageId = -1;         // Frame: the message it belongs to, once that message is complete

    Violations violations;         // of the frame, or of the message and its frames

    ConnectionNotice notice;       // Notice: the notice itself (handshake and TLS records included)

    // Any kind: what the store knows of the entry's connection (its latest records), so the inspector's
    // handshake and close pages can be shown whatever row is selected. Null/empty when not (yet) known.
    std::shared_ptr<const HandshakeRecord> connectionHandshake;
    std::shared_ptr<const TlsRecord> connectionTls;
    std::optional<CloseInfo> connectionClose; // once the connection has ended
};

} // namespace Frameline
