#include "app/protocol/streamdecoder.h"

namespace Frameline {

namespace {
FrameParser::Options parserOptions(const StreamDecoder::Options &options)
{
    FrameParser::Options result;
    result.sender = options.sender;
    result.limits = options.limits;
    result.perMessageDeflate = options.deflate.has_value();
    return result;
}

MessageAssembler::Options assemblerOptions(const StreamDecoder::Options &options)
{
    MessageAssembler::Options result;
    result.sender = options.sender;
    result.limits = options.limits;
    result.deflate = options.deflate;
    return result;
}
} // namespace

StreamDecoder::StreamDecoder(const Options &options, Handler &handler)
    : m_handler(handler)
    , m_parser(parserOptions(options))
    , m_assembler(assemblerOptions(options))
{
}

void StreamDecoder::feed(QByteArrayView bytes)
{
    m_parser.feed(bytes, *this);
}

void StreamDecoder::frameParsed(Frame &frame)
{
    const Message *message = m_assembler.addFrame(frame);
    m_violationCount += frame.violations.size();
    if (!m_fatalSeen && frame.hasFatalViolation())
        m_fatalSeen = true;
    m_handler.frameDecoded(frame);
    if (message)
        m_handler.messageDecoded(*message);
}

void StreamDecoder::violationDetected(const Violation &violation)
{
    m_handler.violationDetected(violation);
}

} // namespace Frameline
