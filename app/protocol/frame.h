#pragma once

#include "app/protocol/opcode.h"
#include "app/protocol/violation.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>

#include <array>

namespace Frameline {

// Which endpoint sent some bytes. RFC 6455 §5.1: a client masks every frame, a server never does.
enum class Endpoint : quint8 { Client, Server };

// How the payload length was written on the wire (RFC 6455 §5.2): in the 7-bit field, or 126 followed by
// a 16-bit length, or 127 followed by a 64-bit length.
enum class LengthForm : quint8 { Bits7 = 7, Bits16 = 16, Bits64 = 64 };

// The shortest form that can carry `length`: what RFC 6455 §5.2 requires ("the minimal number of bytes").
constexpr LengthForm minimalLengthForm(quint64 length)
{
    return length < 126 ? LengthForm::Bits7 : length <= 0xFFFF ? LengthForm::Bits16 : LengthForm::Bits64;
}

// Where a frame stands in its message, as the decoder understood the sequence (RFC 6455 §5.4).
enum class FramePosition : quint8 {
    Whole,     // FIN=1 data frame that is a whole message
    First,     // FIN=0 data frame that starts a fragmented message
    Middle,    // FIN=0 continuation
    Last,      // FIN=1 continuation that completes a message
    Control,   // control frame (may sit between fragments)
    Orphan,    // continuation with nothing to continue, or a frame with a reserved opcode
};

// One decoded frame: the header exactly as it was on the wire, and the unmasked payload.
//
// Produced by FrameParser; a plain value type. In a parser callback, `payload` views the parser's buffer
// (or the caller's input) and is valid only for the duration of the callback: copy what you keep.
struct Frame
{
    qint64 index = 0;        // 0-based frame number in the stream
    qint64 streamOffset = 0; // offset of the first header byte in the stream
    std::array<quint8, 14> header {}; // the raw header bytes (2 to 14)
    quint8 headerLength = 0;

    bool fin = false;
    bool rsv1 = false;
    bool rsv2 = false;
    bool rsv3 = false;
    quint8 opcode = 0; // the raw 4-bit value; see Opcode
    bool masked = false;
    std::array<quint8, 4> maskingKey {};
    quint64 payloadLength = 0; // as declared on the wire
    LengthForm lengthForm = LengthForm::Bits7;

    FramePosition position = FramePosition::Whole;
    quint8 messageOpcode = 0;    // opcode of the data message this frame belongs to (1, 2), else 0
    bool compressed = false;     // belongs to a message with the RFC 7692 "Per-Message Compressed" bit
    bool payloadOmitted = false; // over the frame limit: the payload was skipped, not kept

    QByteArrayView payload; // unmasked payload bytes
    // When set, `payload` views exactly this buffer, and a consumer may move it out (during the callback)
    // to keep the bytes without copying them; the view stays valid while the moved-to array lives.
    QByteArray *payloadBuffer = nullptr;
    Violations violations;

    QByteArrayView rawHeader() const
    {
        return QByteArrayView(reinterpret_cast<const char *>(header.data()), headerLength);
    }
    bool isControl() const { return isControlOpcode(opcode); }
    bool hasFatalViolation() const;
};

} // namespace Frameline
