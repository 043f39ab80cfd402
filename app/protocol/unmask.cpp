#include "app/protocol/unmask.h"

#include <cstring>

namespace Frameline {

namespace {
// A GCC/clang vector type: the compiler emits the widest XOR the target has (two SSE2 registers on
// baseline x86-64) and memcpy-based loads keep unaligned access well defined.
using Block = quint64 __attribute__((vector_size(32)));

inline quint64 repeatedKey(const std::array<quint8, 4> &key, quint8 keyOffset)
{
    quint8 rotated[8];
    for (int i = 0; i < 8; ++i)
        rotated[i] = key[(keyOffset + i) & 3];
    quint64 word;
    std::memcpy(&word, rotated, 8);
    return word;
}
} // namespace

quint8 maskCopy(const char *in, char *out, qsizetype size, const std::array<quint8, 4> &key, quint8 keyOffset)
{
    keyOffset &= 3;
    const quint64 word = repeatedKey(key, keyOffset);
    qsizetype i = 0;
    if (size >= 64) {
        const Block keyBlock = { word, word, word, word };
        for (; i + 64 <= size; i += 64) {
            Block a;
            Block b;
            std::memcpy(&a, in + i, 32);
            std::memcpy(&b, in + i + 32, 32);
            a ^= keyBlock;
            b ^= keyBlock;
            std::memcpy(out + i, &a, 32);
            std::memcpy(out + i + 32, &b, 32);
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
