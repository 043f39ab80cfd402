#include "app/protocol/utf8validator.h"

#include <cstring>

namespace Frameline {

bool Utf8Validator::feed(QByteArrayView piece, qsizetype *badOffset)
{
    if (m_failed) {
        if (badOffset)
            *badOffset = 0;
        return false;
    }
    const auto *bytes = reinterpret_cast<const quint8 *>(piece.data());
    const qsizetype size = piece.size();
    qsizetype i = 0;
    while (i < size) {
        if (m_needed == 0) {
            // Fast path: skip ASCII eight bytes at a time.
            while (i + 8 <= size) {
                quint64 word;
                std::memcpy(&word, bytes + i, 8);
                if (word & 0x8080808080808080ULL)
                    break;
                i += 8;
            }
            if (i >= size)
                break;
            const quint8 b = bytes[i];
            if (b < 0x80) {
                ++i;
                continue;
            }
            // RFC 3629 §4: the first byte fixes the length and narrows the second byte's range, which
            // rules out overlong forms (E0, F0), surrogates (ED) and code points above U+10FFFF (F4).
            m_low = 0x80;
            m_high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                m_needed = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                m_needed = 2;
                if (b == 0xE0)
                    m_low = 0xA0;
                else if (b == 0xED)
                    m_high = 0x9F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                m_needed = 3;
                if (b == 0xF0)
                    m_low = 0x90;
                else if (b == 0xF4)
                    m_high = 0x8F;
            } else {
                m_failed = true;
                if (badOffset)
                    *badOffset = i;
                return false;
            }
            ++i;
            continue;
        }
        const quint8 b = bytes[i];
        if (b < m_low || b > m_high) {
            m_failed = true;
            if (badOffset)
                *badOffset = i;
            return false;
        }
        m_low = 0x80;
        m_high = 0xBF;
        --m_needed;
        ++i;
    }
    return true;
}

void Utf8Validator::reset()
{
    m_needed = 0;
    m_low = 0x80;
    m_high = 0xBF;
    m_failed = false;
}

bool Utf8Validator::isValid(QByteArrayView bytes)
{
    Utf8Validator validator;
    return validator.feed(bytes) && validator.isComplete();
}

} // namespace Frameline
