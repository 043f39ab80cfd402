#include "app/protocol/frameparser.h"

#include "app/protocol/closecode.h"
#include "app/protocol/unmask.h"

#include <QtCore/QtEndian>

#include <cstring>

namespace Frameline {

namespace {
// A payload buffer larger than this is released after its frame, so one huge frame does not pin memory.
constexpr qsizetype KeptBufferCapacity = 4 * 1024 * 1024;
constexpr qsizetype RecycleMinimum = 64 * 1024; // smaller buffers come cheaply from malloc

QString hexKey(const std::array<quint8, 4> &key)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(key.data()), 4).toHex());
}
} // namespace

FrameParser::FrameParser(const Options &options)
    : m_options(options)
{
}

FrameParser::~FrameParser() = default;

void FrameParser::reset()
{
    m_state = State::Header;
    m_streamOffset = 0;
    m_frameStart = 0;
    m_frameIndex = 0;
    m_frame = Frame();
    m_headerHave = 0;
    m_partial = QByteArray();
    m_payloadHave = 0;
    m_keyOffset = 0;
    m_skipRemaining = 0;
    m_inMessage = false;
    m_messageOpcode = 0;
    m_messageCompressed = false;
    m_messageTooLarge = false;
    m_messageWireBytes = 0;
    m_messageTextOffset = 0;
    m_utf8.reset();
    m_checkUtf8 = false;
}

qint64 FrameParser::pendingBytes() const
{
    if (m_state == State::Header && m_headerHave == 0)
        return 0;
    return m_streamOffset - m_frameStart;
}

quint8 FrameParser::headerLengthFor(const quint8 *firstTwoBytes)
{
    quint8 length = 2;
    const quint8 length7 = firstTwoBytes[1] & 0x7F;
    if (length7 == 126)
        length += 2;
    else if (length7 == 127)
        length += 8;
    if (firstTwoBytes[1] & 0x80)
        length += 4;
    return length;
}

char *FrameParser::ensureBuffer(qsizetype size)
{
    if (size > m_bufferCapacity) {
        m_buffer.reset(new char[size_t(size)]);
        m_bufferCapacity = size;
    }
    return m_buffer.get();
}

void FrameParser::addViolation(ViolationKind kind, const QString &message)
{
    m_frame.violations.append(ViolationText::make(kind, message));
}

void FrameParser::feed(QByteArrayView bytes, Handler &handler)
{
    const char *data = bytes.data();
    qsizetype left = bytes.size();

    while (left > 0) {
        switch (m_state) {
        case State::Header: {
            if (m_headerHave == 0 && left >= 2) {
                // Fast path: the whole header is in this piece, decode it in place.
                const quint8 need = headerLengthFor(reinterpret_cast<const quint8 *>(data));
                if (left >= need) {
                    m_frameStart = m_streamOffset;
                    decodeHeader(reinterpret_cast<const quint8 *>(data), need, m_frameStart);
                    data += need;
                    left -= need;
                    m_streamOffset += need;
                    if (m_frame.payloadLength > 0 && !m_frame.payloadOmitted && quint64(left) >= m_frame.payloadLength) {
                        // ... and so is the payload: unmask it in one pass, or view it where it is.
                        const qsizetype length = qsizetype(m_frame.payloadLength);
                        QByteArrayView payload;
                        if (m_frame.masked) {
                            char *buffer = ensureBuffer(length);
                            maskCopy(data, buffer, length, m_frame.maskingKey);
                            payload = QByteArrayView(buffer, length);
                        } else {
                            payload = QByteArrayView(data, length);
                        }
                        checkPayloadChunk(payload, nullptr);
                        data += length;
                        left -= length;
                        m_streamOffset += length;
                        finishFrame(payload, handler);
                    } else {
                        startPayload(handler);
                    }
                    continue;
                }
            }
            // Slow path: the header is split across pieces; collect it.
            if (m_headerHave == 0)
                m_frameStart = m_streamOffset;
            quint8 need = m_headerHave < 2 ? 2 : headerLengthFor(m_header);
            qsizetype take = qMin<qsizetype>(need - m_headerHave, left);
            std::memcpy(m_header + m_headerHave, data, size_t(take));
            m_headerHave += quint8(take);
            data += take;
            left -= take;
            m_streamOffset += take;
            if (m_headerHave == 2) {
                need = headerLengthFor(m_header);
                take = qMin<qsizetype>(need - m_headerHave, left);
                std::memcpy(m_header + m_headerHave, data, size_t(take));
                m_headerHave += quint8(take);
                data += take;
                left -= take;
                m_streamOffset += take;
            }
            if (m_headerHave >= 2 && m_headerHave == headerLengthFor(m_header)) {
                const quint8 length = m_headerHave;
                m_headerHave = 0;
                decodeHeader(m_header, length, m_frameStart);
                startPayload(handler);
            }
            break;
        }
        case State::Payload: {
            const quint64 remaining = m_frame.payloadLength - m_payloadHave;
            const qsizetype take = qsizetype(qMin<quint64>(remaining, quint64(left)));
            char *to = reservePayload(take);
            if (m_frame.masked)
                m_keyOffset = maskCopy(data, to, take, m_frame.maskingKey, m_keyOffset);
            else
                std::memcpy(to, data, size_t(take));
            data += take;
            left -= take;
            commitPayload(to, take, handler);
            break;
        }
        case State::Skip: {
            const qsizetype take = qsizetype(qMin<quint64>(m_skipRemaining, quint64(left)));
            m_skipRemaining -= quint64(take);
            data += take;
            left -= take;
            m_streamOffset += take;
            if (m_skipRemaining == 0)
                m_state = State::Header;
            break;
        }
        }
    }
}

char *FrameParser::reservePayload(qsizetype take)
{
    const qsizetype needed = qsizetype(m_payloadHave) + take;
    if (m_partial.capacity() < needed) {
        // Grow geometrically, but never past what this frame needs (its length is already checked
        // against the limit), so a large declared length is paid for as bytes arrive. Up to 1 MiB is
        // reserved at once, so a typical large frame needs one allocation, or none when a buffer a
        // consumer has let go of can be taken again.
        const qsizetype frameLength = qsizetype(m_frame.payloadLength);
        const qsizetype capacity =
            qMin(frameLength, qMax(needed, qMax<qsizetype>(m_partial.capacity() * 2, 1 << 20)));
        if (m_payloadHave == 0 && capacity >= RecycleMinimum)
            takeRecycledBuffer(capacity);
        if (m_partial.capacity() < capacity)
            m_partial.reserve(capacity);
    }
    m_partial.resize(needed);
    return m_partial.data() + m_payloadHave;
}

void FrameParser::commitPayload(const char *to, qsizetype take, Handler &handler)
{
    checkPayloadChunk(QByteArrayView(to, take), &handler);
    m_payloadHave += quint64(take);
    m_streamOffset += take;
    if (m_payloadHave == m_frame.payloadLength) {
        m_frame.payloadBuffer = &m_partial;
        // A large buffer the consumer may take over is remembered for reuse once it lets go of it.
        QByteArray handle = m_partial.capacity() >= RecycleMinimum ? m_partial : QByteArray();
        finishFrame(m_partial, handler);
        if (!handle.isNull() && m_partial.isNull()) {
            m_recycled[m_recycleNext] = std::move(handle);
            m_recycleNext = quint8((m_recycleNext + 1) % m_recycled.size());
        }
        handle = QByteArray();
        // Taken over by the consumer, or kept for the next frame unless it is large.
        if (m_partial.capacity() > KeptBufferCapacity)
            m_partial = QByteArray();
        else
            m_partial.resize(0);
    }
}

void FrameParser::takeRecycledBuffer(qsizetype capacity)
{
    for (QByteArray &buffer : m_recycled) {
        if (!buffer.isNull() && buffer.isDetached() && buffer.capacity() >= capacity) {
            buffer.resize(0); // keeps the allocation
            m_partial = std::move(buffer);
            buffer = QByteArray();
            return;
        }
    }
}

qsizetype FrameParser::payloadBytesWanted() const
{
    return m_state == State::Payload ? qsizetype(m_frame.payloadLength - m_payloadHave) : 0;
}

char *FrameParser::directPayloadBuffer(qsizetype size)
{
    Q_ASSERT(size > 0 && size <= payloadBytesWanted());
    return reservePayload(size);
}

void FrameParser::directPayloadWritten(qsizetype size, Handler &handler)
{
    char *to = m_partial.data() + m_payloadHave;
    if (m_frame.masked)
        m_keyOffset = maskCopy(to, to, size, m_frame.maskingKey, m_keyOffset); // in place
    m_partial.resize(qsizetype(m_payloadHave) + size); // fewer bytes may have come than were reserved
    commitPayload(to, size, handler);
}

void FrameParser::decodeHeader(const quint8 *header, quint8 headerLength, qint64 frameStart)
{
    Frame &f = m_frame;
    f.index = m_frameIndex;
    f.streamOffset = frameStart;
    std::memcpy(f.header.data(), header, headerLength);
    f.headerLength = headerLength;
    f.fin = header[0] & 0x80;
    f.rsv1 = header[0] & 0x40;
    f.rsv2 = header[0] & 0x20;
    f.rsv3 = header[0] & 0x10;
    f.opcode = header[0] & 0x0F;
    f.masked = header[1] & 0x80;
    const quint8 length7 = header[1] & 0x7F;
    int position = 2;
    if (length7 < 126) {
        f.payloadLength = length7;
        f.lengthForm = LengthForm::Bits7;
    } else if (length7 == 126) {
        f.payloadLength = qFromBigEndian<quint16>(header + 2);
        f.lengthForm = LengthForm::Bits16;
        position = 4;
    } else {
        f.payloadLength = qFromBigEndian<quint64>(header + 2);
        f.lengthForm = LengthForm::Bits64;
        position = 10;
    }
    if (f.masked)
        std::memcpy(f.maskingKey.data(), header + position, 4);
    else
        f.maskingKey = {};
    f.payload = QByteArrayView();
    f.payloadBuffer = nullptr;
    f.payloadOmitted = false;
    f.compressed = false;
    f.messageOpcode = 0;
    f.violations.clear();
    checkHeader();
}

void FrameParser::checkHeader()
{
    Frame &f = m_frame;
    const bool deflate = m_options.perMessageDeflate;

    // RFC 6455 §5.2, §5.4, §5.5: the opcode and the place of the frame in the message sequence.
    if (isReservedOpcode(f.opcode)) {
        f.position = FramePosition::Orphan;
        addViolation(ViolationKind::ReservedOpcode,
                     tr("Opcode %1 is reserved; RFC 6455 defines 0-2 for data and 8-10 for control frames")
                         .arg(f.opcode));
    } else if (isControlOpcode(f.opcode)) {
        f.position = FramePosition::Control;
        if (f.payloadLength > 125)
            addViolation(ViolationKind::ControlFrameTooLong,
                         tr("The %1 frame carries %2 bytes of payload; control frames carry at most 125")
                             .arg(opcodeName(f.opcode))
                             .arg(f.payloadLength));
        if (!f.fin)
            addViolation(ViolationKind::FragmentedControlFrame,
                         tr("The %1 frame has FIN = 0; control frames must not be fragmented")
                             .arg(opcodeName(f.opcode)));
        if (deflate && f.rsv1)
            addViolation(ViolationKind::CompressedControlFrame,
                         tr("RSV1 is set on a %1 frame; control frames are never compressed")
                             .arg(opcodeName(f.opcode)));
    } else if (f.opcode == 0x0) {
        if (!m_inMessage) {
            f.position = FramePosition::Orphan;
            addViolation(ViolationKind::UnexpectedContinuation,
                         tr("A continuation frame arrived, but no fragmented message was waiting for one"));
        } else {
            f.position = f.fin ? FramePosition::Last : FramePosition::Middle;
            f.compressed = m_messageCompressed;
            f.messageOpcode = m_messageOpcode;
            if (f.fin)
                m_inMessage = false;
        }
        if (deflate && f.rsv1)
            addViolation(ViolationKind::CompressedContinuation,
                         tr("RSV1 is set on a continuation frame; only the first frame of a compressed "
                            "message carries it"));
    } else {
        if (m_inMessage)
            addViolation(ViolationKind::ExpectedContinuation,
                         tr("A new %1 frame arrived while a fragmented %2 message still waited for its "
                            "continuation frames")
                             .arg(opcodeName(f.opcode), opcodeName(m_messageOpcode)));
        m_inMessage = !f.fin;
        m_messageOpcode = f.opcode;
        m_messageCompressed = deflate && f.rsv1;
        m_messageTooLarge = false;
        m_messageWireBytes = 0;
        m_messageTextOffset = 0;
        m_utf8.reset();
        f.position = f.fin ? FramePosition::Whole : FramePosition::First;
        f.compressed = m_messageCompressed;
        f.messageOpcode = f.opcode;
    }

    // RFC 6455 §5.2: RSV1-3 are 0 unless an extension defines them; permessage-deflate defines RSV1.
    if (f.rsv1 && !deflate)
        addViolation(ViolationKind::ReservedBitsSet,
                     tr("RSV1 is set, but no extension that defines it (such as permessage-deflate) was "
                        "negotiated"));
    if (f.rsv2)
        addViolation(ViolationKind::ReservedBitsSet, tr("RSV2 is set, but no negotiated extension defines it"));
    if (f.rsv3)
        addViolation(ViolationKind::ReservedBitsSet, tr("RSV3 is set, but no negotiated extension defines it"));

    // RFC 6455 §5.1: clients mask every frame, servers none.
    if (m_options.sender == Endpoint::Client && !f.masked)
        addViolation(ViolationKind::UnmaskedClientFrame, tr("A frame from the client has MASK = 0; clients must "
                                                            "mask every frame"));
    else if (m_options.sender == Endpoint::Server && f.masked)
        addViolation(ViolationKind::MaskedServerFrame,
                     tr("A frame from the server has MASK = 1 (masking key %1); servers must not mask frames")
                         .arg(hexKey(f.maskingKey)));

    // RFC 6455 §5.2: the length in its minimal form, and a 64-bit length with the top bit clear.
    if (f.lengthForm == LengthForm::Bits64 && (f.payloadLength >> 63) != 0)
        addViolation(ViolationKind::LengthTopBitSet,
                     tr("The 64-bit payload length has its most significant bit set"));
    if ((f.lengthForm == LengthForm::Bits16 && f.payloadLength < 126)
        || (f.lengthForm == LengthForm::Bits64 && f.payloadLength <= 0xFFFF)) {
        const int minimal = f.payloadLength < 126 ? 7 : 16;
        addViolation(ViolationKind::NonMinimalLength,
                     tr("The payload length %1 is written in the %2-bit form; the minimal form is %3-bit")
                         .arg(f.payloadLength)
                         .arg(int(f.lengthForm))
                         .arg(minimal));
    }

    // RFC 6455 §10.4: limits, checked on the declared length before anything is allocated.
    if (f.payloadLength > m_options.limits.maxFramePayload) {
        f.payloadOmitted = true;
        addViolation(ViolationKind::FrameTooLarge,
                     tr("The frame declares %1 bytes of payload, over the limit of %2 bytes")
                         .arg(f.payloadLength)
                         .arg(m_options.limits.maxFramePayload));
    }
    const bool inDataMessage = f.messageOpcode != 0;
    // A frame over the frame limit already says 1009; the message limit is checked for the others.
    if (inDataMessage && !f.payloadOmitted) {
        m_messageWireBytes = f.payloadLength > ~quint64(0) - m_messageWireBytes ? ~quint64(0)
                                                                                 : m_messageWireBytes + f.payloadLength;
        if (!m_messageTooLarge && m_messageWireBytes > m_options.limits.maxMessageSize) {
            m_messageTooLarge = true;
            addViolation(ViolationKind::MessageTooLarge,
                         tr("The message reaches %1 bytes, over the limit of %2 bytes")
                             .arg(m_messageWireBytes)
                             .arg(m_options.limits.maxMessageSize));
        }
    }

    // RFC 6455 §8.1: text must be UTF-8; a compressed message is checked after inflation instead.
    m_checkUtf8 = inDataMessage && m_messageOpcode == quint8(Opcode::Text) && !m_messageCompressed
        && !f.payloadOmitted && !m_utf8.hasFailed();
}

void FrameParser::startPayload(Handler &handler)
{
    if (m_frame.payloadOmitted) {
        // Over the limit: show the header at once and skip the payload without keeping it.
        m_skipRemaining = m_frame.payloadLength;
        finishFrame(QByteArrayView(), handler);
        if (m_skipRemaining > 0)
            m_state = State::Skip;
        return;
    }
    if (m_frame.payloadLength == 0) {
        finishFrame(QByteArrayView(), handler);
        return;
    }
    m_payloadHave = 0;
    m_keyOffset = 0;
    m_state = State::Payload;
    // The payload may take long to come, or never come: a strict endpoint need not wait for it to fail the
    // connection over what the header already shows.
    for (const Violation &violation : std::as_const(m_frame.violations)) {
        if (violation.fatal)
            handler.violationDetected(violation);
    }
}

void FrameParser::checkPayloadChunk(QByteArrayView unmasked, Handler *earlyHandler)
{
    if (!m_checkUtf8 || m_utf8.hasFailed())
        return;
    qsizetype bad = 0;
    if (!m_utf8.feed(unmasked, &bad)) {
        addViolation(ViolationKind::InvalidUtf8,
                     tr("The text message is not valid UTF-8: byte %1 of the message (0x%2) cannot appear there")
                         .arg(m_messageTextOffset + bad)
                         .arg(uint(quint8(unmasked[bad])), 2, 16, QLatin1Char('0')));
        if (earlyHandler)
            earlyHandler->violationDetected(m_frame.violations.constLast());
    }
    m_messageTextOffset += unmasked.size();
}

void FrameParser::finishFrame(QByteArrayView payload, Handler &handler)
{
    Frame &f = m_frame;
    f.payload = payload;

    if (m_checkUtf8 && !m_utf8.hasFailed() && f.fin && !m_utf8.isComplete())
        addViolation(ViolationKind::InvalidUtf8,
                     tr("The text message ends in the middle of a UTF-8 sequence (after %1 bytes)")
                         .arg(m_messageTextOffset));

    // RFC 6455 §5.5.1 and §7.4: the body of a Close frame.
    if (f.opcode == quint8(Opcode::Close) && !f.payloadOmitted) {
        if (payload.size() == 1) {
            addViolation(ViolationKind::ClosePayloadTooShort,
                         tr("The close frame carries 1 byte; a close payload is empty or starts with a 2-byte "
                            "status code"));
        } else if (payload.size() >= 2) {
            const quint16 code = qFromBigEndian<quint16>(payload.data());
            if (!CloseCodes::isValidOnWire(code))
                addViolation(ViolationKind::InvalidCloseCode,
                             tr("Close code %1 (%2) must not be sent in a close frame")
                                 .arg(code)
                                 .arg(CloseCodes::name(code)));
            qsizetype bad = 0;
            Utf8Validator reason;
            if (!reason.feed(payload.sliced(2), &bad))
                addViolation(ViolationKind::InvalidCloseReason,
                             tr("The close reason is not valid UTF-8 (byte %1 of the reason)").arg(bad));
            else if (!reason.isComplete())
                addViolation(ViolationKind::InvalidCloseReason,
                             tr("The close reason ends in the middle of a UTF-8 sequence"));
        }
    }

    ++m_frameIndex;
    m_state = State::Header;
    handler.frameParsed(f);

    m_payloadHave = 0;
    f.payloadBuffer = nullptr;
    if (m_bufferCapacity > KeptBufferCapacity) {
        m_buffer.reset();
        m_bufferCapacity = 0;
    }
}

} // namespace Frameline
