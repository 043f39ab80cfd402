#pragma once

#include <QtCore/QtGlobal>

#include <array>

namespace Frameline {

// RFC 6455 §5.3 masking: out[i] = in[i] XOR key[(keyOffset + i) % 4].
//
// Copies and (un)masks in one pass, a vector word at a time, so a masked payload costs about what memcpy
// of the same bytes costs. `in` and `out` may be the same buffer. Returns the key offset for the byte after
// the last one, so a payload that arrives in pieces keeps its place in the key.
quint8 maskCopy(const char *in, char *out, qsizetype size, const std::array<quint8, 4> &key, quint8 keyOffset = 0);

} // namespace Frameline
