#pragma once

#include "app/protocol/frame.h"

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QList>

#include <optional>

namespace Frameline {

// Everything about one frame as it will go on the wire, valid or deliberately not.
struct FrameSpec
{
    enum class Masking : quint8 {
        None,   // no MASK bit, no key (correct for a server; a violation from a client)
        Random, // MASK bit and a fresh key from a cryptographic RNG (correct for a client)
        Chosen, // MASK bit and maskingKey as given
    };

    bool fin = true;
    bool rsv1 = false;
    bool rsv2 = false;
    bool rsv3 = false;
    quint8 opcode = 0x1; // any 0-15
    Masking masking = Masking::None;
    std::array<quint8, 4> maskingKey {}; // with Masking::Chosen
    std::optional<LengthForm> lengthForm; // absent: the minimal form for the length written
    std::optional<quint64> declaredLength; // absent: the real payload size; otherwise a length that lies
    QByteArray payload; // unmasked payload

    // The spec for a correct frame from `sender`.
    static FrameSpec valid(Endpoint sender, quint8 opcode, const QByteArray &payload, bool fin = true);
};

// Builds frames: correct ones quickly (minimal length, fresh random key for client frames) and any
// hand-crafted one from a FrameSpec. Stateless and thread-safe.
class FrameWriter
{
    Q_DECLARE_TR_FUNCTIONS(FrameWriter)
public:
    // Encodes any frame. Fails only when the spec cannot be written at all (a declared length that does
    // not fit the chosen length form, an opcode above 15); *error then says why.
    // *usedKey receives the masking key that was written (useful with Masking::Random).
    static QByteArray encode(const FrameSpec &spec, QString *error = nullptr,
                             std::array<quint8, 4> *usedKey = nullptr);

    // Appends a correct frame from `sender` to `out`: header and (for a client) masked payload in one pass.
    static void appendFrame(QByteArray &out, Endpoint sender, quint8 opcode, QByteArrayView payload,
                            bool fin = true, bool rsv1 = false);
    static QByteArray frame(Endpoint sender, quint8 opcode, QByteArrayView payload, bool fin = true,
                            bool rsv1 = false);

    static QByteArray text(Endpoint sender, QByteArrayView utf8) { return frame(sender, 0x1, utf8); }
    static QByteArray binary(Endpoint sender, QByteArrayView bytes) { return frame(sender, 0x2, bytes); }
    static QByteArray ping(Endpoint sender, QByteArrayView payload = {}) { return frame(sender, 0x9, payload); }
    static QByteArray pong(Endpoint sender, QByteArrayView payload = {}) { return frame(sender, 0xA, payload); }
    // A Close frame with a code and a UTF-8 reason (RFC 6455 §5.5.1); the reason is cut at a character
    // boundary so the payload stays within 125 bytes.
    static QByteArray close(Endpoint sender, quint16 code, const QString &reason = {});
    // A Close frame with no body (which the peer reads as 1005, "no status received").
    static QByteArray closeWithoutCode(Endpoint sender) { return frame(sender, 0x8, {}); }

    // Splits one message into `count` frames (RFC 6455 §5.4): the first has the opcode, the rest are
    // continuations, only the last has FIN. Sizes differ by at most one byte; with fewer payload bytes
    // than frames, the extra frames are empty. `compressed` sets RSV1 on the first frame (RFC 7692).
    static QList<QByteArray> fragments(Endpoint sender, quint8 opcode, QByteArrayView payload, int count,
                                       bool compressed = false);

    // The header length a frame of this payload length needs, in its minimal form.
    static int headerLength(quint64 payloadLength, bool masked);
};

} // namespace Frameline
