#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace Frameline {

// RFC 6455 §5.2 / §11.8: the 4-bit opcode. Values 3-7 and 11-15 are reserved; a frame carries the raw
// 4-bit value (see Frame::opcode) so a reserved one can still be shown and crafted.
enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// RFC 6455 §5.5: control frames have opcodes with the most significant bit set.
constexpr bool isControlOpcode(quint8 opcode) { return (opcode & 0x8) != 0; }
constexpr bool isReservedOpcode(quint8 opcode)
{
    return (opcode >= 0x3 && opcode <= 0x7) || (opcode >= 0xB && opcode <= 0xF);
}
constexpr bool isDataOpcode(quint8 opcode) { return opcode == 0x1 || opcode == 0x2; }

// The protocol's own name for an opcode ("text", "binary", "continuation", "close", "ping", "pong",
// "reserved"): an identifier used in JSON output and files, never translated.
QString opcodeName(quint8 opcode);

} // namespace Frameline
