#include "ui/decoder/decodedstream.h"

namespace Frameline {

namespace {

class Collector final : public StreamDecoder::Handler
{
public:
    explicit Collector(DecodedStream &out)
        : m_out(out)
    { }

    void frameDecoded(const Frame &frame) override
    {
        FrameRecord record;
        record.frame = frame;
        record.frame.payload = {};
        record.frame.payloadBuffer = nullptr;
        // Take the parser's buffer when it offers it (the view stays valid in its new home); copy otherwise.
        if (frame.payloadBuffer && frame.payloadBuffer->constData() == frame.payload.data()
            && frame.payloadBuffer->size() == frame.payload.size())
            record.payload = std::move(*frame.payloadBuffer);
        else
            record.payload = frame.payload.toByteArray();
        switch (frame.position) {
        case FramePosition::Whole:
            record.messageOpcode = frame.opcode;
            break;
        case FramePosition::First:
            m_messageOpcode = frame.opcode;
            record.messageOpcode = frame.opcode;
            break;
        case FramePosition::Middle:
        case FramePosition::Last:
            record.messageOpcode = m_messageOpcode;
            break;
        case FramePosition::Control:
        case FramePosition::Orphan:
            break;
        }
        m_out.frames.append(std::move(record));
    }

    void messageDecoded(const Message &message) override { m_out.messages.append(message); }

private:
    DecodedStream &m_out;
    quint8 m_messageOpcode = 0;
};

} // namespace

DecodedStream DecodedStream::decode(QByteArrayView bytes, const StreamDecoder::Options &options)
{
    DecodedStream result;
    result.inputBytes = bytes.size();
    Collector collector(result);
    StreamDecoder decoder(options, collector);
    decoder.feed(bytes);
    result.violationCount = decoder.violationCount();
    result.trailingBytes = decoder.pendingBytes();
    if (const Message *pending = decoder.pendingMessage())
        result.unfinishedMessage = *pending;
    return result;
}

} // namespace Frameline
