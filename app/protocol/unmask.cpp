#include "app/protocol/unmask.h"

#include <QtCore/QtEndian>

#include <cstring>

namespace Frameline {

namespace {
// A GCC/clang vector type of the width baseline x86-64 (SSE2) and AArch64 (NEON) registers have. A wider
// type is lowered through stack temporaries when the target lacks the registers, which costs more
// loads and stores than the XOR saves; four of these per iteration keep 64 bytes in flight instead.
// memcpy-based loads keep unaligned access well defined.
using Block = quint64 __attribute__((vector_size(16)));

inline quint64 repeatedKey(const std::array<quint8, 4> &key, quint8 keyOffset)
{
    // The key rotated so that its byte `keyOffset` comes first, twice, in memory order. Computed in
    // registers: writing it byte by byte to memory and reading it back as one word stalls on
    // store-to-load forwarding, which cost more than the whole XOR of a small payload.
    quint32 k = qFromLittleEndian<quint32>(key.data()); // key[0] in the low byte, whatever the host
    const unsigned shift = 8u * keyOffset;
    if (shift)
        k = (k >> shift) | (k << (32 - shift));
    return qFromLittleEndian(quint64(k) | (quint64(k) << 32)); // back to memory order
}
} // namespace

quint8 maskCopy(const char *in, char *out, qsizetype size, const std::array<quint8, 4> &key, quint8 keyOffset)
{
    keyOffset &= 3;
    const quint64 word = repeatedKey(key, keyOffset);
    qsizetype i = 0;
    if (size >= 64) {
        const Block keyBlock = { word, word };
        for (; i + 64 <= size; i += 64) {
            Block a, b, c, d;
            std::memcpy(&a, in + i, 16);
            std::memcpy(&b, in + i + 16, 16);
            std::memcpy(&c, in + i + 32, 16);
            std::memcpy(&d, in + i + 48, 16);
            a ^= keyBlock;
            b ^= keyBlock;
            c ^= keyBlock;
            d ^= keyBlock;
            std::memcpy(out + i, &a, 16);
            std::memcpy(out + i + 16, &b, 16);
            std::memcpy(out + i + 32, &c, 16);
            std::memcpy(out + i + 48, &d, 16);
        }
    }
    for (; i + 8 <= size; i += 8) {
        quint64 w;
        std::memcpy(&w, in + i, 8);
        w ^= word;
        std::memcpy(out + i, &w, 8);
    }
    // i is a multiple of 8 here, so the key position of byte i is keyOffset again.
    for (; i < size; ++i)
        out[i] = char(quint8(in[i]) ^ key[(keyOffset + i) & 3]);
    return quint8((keyOffset + size) & 3);
}

} // namespace Frameline
