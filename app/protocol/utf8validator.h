#pragma once

#include <QtCore/QByteArrayView>

namespace Frameline {

// Incremental UTF-8 validation (RFC 3629, as RFC 6455 §8.1 requires for text messages).
//
// Feed the bytes of a message in any number of pieces; validation fails at the first byte that can no
// longer begin or continue a valid sequence (an overlong form, a surrogate, a code point above U+10FFFF,
// a stray continuation byte), not at the end of the message. A sequence cut at a piece boundary is
// carried into the next piece; only finish() reports a sequence cut by the end of the message.
class Utf8Validator
{
public:
    // Validates the next piece. Returns false on the first invalid byte; *badOffset (if given) is that
    // byte's offset within `piece`. After a failure the validator stays failed until reset().
    bool feed(QByteArrayView piece, qsizetype *badOffset = nullptr);
    // True when the bytes so far end on a complete character (call at the end of the message).
    bool isComplete() const { return !m_failed && m_needed == 0; }
    bool hasFailed() const { return m_failed; }
    void reset();

    // Whole-buffer convenience.
    static bool isValid(QByteArrayView bytes);

private:
    quint8 m_needed = 0; // continuation bytes still expected
    quint8 m_low = 0x80; // allowed range of the next continuation byte
    quint8 m_high = 0xBF;
    bool m_failed = false;
};

} // namespace Frameline
