#include "app/protocol/messageassembler.h"

#include <algorithm>
#include <limits>

namespace Frameline {

MessageAssembler::MessageAssembler(const Options &options)
    : m_options(options)
{
    if (m_options.deflate) {
        m_inflater = std::make_unique<Inflater>(m_options.deflate->windowBitsFor(m_options.sender),
                                                m_options.deflate->noContextTakeoverFor(m_options.sender));
    }
}

MessageAssembler::~MessageAssembler() = default;

void MessageAssembler::reset()
{
    m_message = Message();
    m_inMessage = false;
    m_messageCount = 0;
    m_utf8.reset();
    if (m_inflater)
        m_inflater->reset();
}

void MessageAssembler::addViolation(Frame &frame, ViolationKind kind, const QString &text)
{
    frame.violations.append(ViolationText::make(kind, text));
}

const Message *MessageAssembler::addFrame(Frame &frame)
{
    switch (frame.position) {
    case FramePosition::Control:
    case FramePosition::Orphan:
        return nullptr;
    case FramePosition::Whole:
    case FramePosition::First:
        if (m_inMessage && m_message.compressed && m_inflater) {
            // The parser reported the abandoned message; its half-inflated stream cannot be continued.
            m_inflater->reset();
        }
        startMessage(frame);
        break;
    case FramePosition::Middle:
    case FramePosition::Last:
        break;
    }

    appendPayload(frame);
    m_message.violations.append(frame.violations);

    if (frame.position == FramePosition::Whole || frame.position == FramePosition::Last) {
        m_inMessage = false;
        ++m_messageCount;
        return &m_message;
    }
    return nullptr;
}

void MessageAssembler::startMessage(const Frame &frame)
{
    // Field by field: cheaper than assigning a new Message for every one of millions of small messages.
    m_message.frameIndexes.clear();
    m_message.payload = QByteArray();
    m_message.wireLength = 0;
    m_message.payloadTruncated = false;
    if (!m_message.violations.isEmpty())
        m_message.violations.clear();
    m_message.index = m_messageCount;
    m_message.opcode = frame.opcode;
    m_message.streamOffset = frame.streamOffset;
    m_message.compressed = frame.compressed && m_inflater;
    m_inMessage = true;
    m_utf8.reset();
    m_utf8Reported = false;
    m_limitReported = false;
}

void MessageAssembler::appendPayload(Frame &frame)
{
    Message &m = m_message;
    m.frameIndexes.append(frame.index);
    m.wireLength += frame.payloadLength;
    const bool last = frame.position == FramePosition::Whole || frame.position == FramePosition::Last;
    const quint64 limit = m_options.limits.maxMessageSize;

    if (frame.payloadOmitted)
        m.payloadTruncated = true;
    if (m.payloadTruncated)
        return;

    if (!m.compressed) {
        // The parser has already reported a message over the limit (it counts the same bytes).
        if (quint64(m.payload.size()) + quint64(frame.payload.size()) > limit) {
            m.payloadTruncated = true;
            return;
        }
        if (m.payload.isEmpty() && frame.payloadBuffer)
            m.payload = std::move(*frame.payloadBuffer); // take the parser's buffer: no copy
        else if (frame.position == FramePosition::Whole)
            m.payload = frame.payload.toByteArray(); // exactly its size: nothing will be appended
        else
            m.payload.append(frame.payload.data(), frame.payload.size());
        return;
    }

    // RFC 7692 §7.2.2: inflate frame by frame; the inflater adds the removed 00 00 ff ff tail at the end.
    const qsizetype before = m.payload.size();
    QString error;
    const qint64 maxOutput = qint64(qMin<quint64>(limit, quint64(std::numeric_limits<qint64>::max())));
    switch (m_inflater->inflate(frame.payload, last, m.payload, maxOutput, &error)) {
    case Inflater::Status::Ok:
        break;
    case Inflater::Status::Error:
        addViolation(frame, ViolationKind::InflateFailed,
                     tr("The compressed payload does not inflate: %1").arg(error));
        m.payloadTruncated = true;
        m_inflater->reset();
        return;
    case Inflater::Status::LimitExceeded: {
        const bool reported = std::any_of(frame.violations.cbegin(), frame.violations.cend(), [](const Violation &v) {
            return v.kind == ViolationKind::MessageTooLarge;
        });
        if (!reported && !m_limitReported)
            addViolation(frame, ViolationKind::MessageTooLarge,
                         tr("The compressed message inflates to more than the limit of %1 bytes").arg(limit));
        m_limitReported = true;
        m.payloadTruncated = true;
        m_inflater->reset();
        return;
    }
    }

    // RFC 6455 §8.1 applies to the inflated text.
    if (m.opcode == quint8(Opcode::Text) && !m_utf8Reported) {
        qsizetype bad = 0;
        if (!m_utf8.feed(QByteArrayView(m.payload).sliced(before), &bad)) {
            m_utf8Reported = true;
            addViolation(frame, ViolationKind::InvalidUtf8,
                         tr("The inflated text message is not valid UTF-8: byte %1 of the message (0x%2) cannot "
                            "appear there")
                             .arg(before + bad)
                             .arg(uint(quint8(m.payload.at(before + bad))), 2, 16, QLatin1Char('0')));
        } else if (last && !m_utf8.isComplete()) {
            m_utf8Reported = true;
            addViolation(frame, ViolationKind::InvalidUtf8,
                         tr("The inflated text message ends in the middle of a UTF-8 sequence"));
        }
    }
}

} // namespace Frameline
