#pragma once

#include "app/protocol/frameparser.h"
#include "app/protocol/messageassembler.h"

#include <QtCore/QByteArrayView>

namespace Frameline {

// Decodes the byte stream one endpoint sends into frames and messages: FrameParser followed by
// MessageAssembler. Used by connections, the CLI and the tests.
class StreamDecoder final : private FrameParser::Handler
{
public:
    struct Options
    {
        Endpoint sender = Endpoint::Client;
        DecoderLimits limits;
        std::optional<DeflateParameters> deflate;
    };

    class Handler
    {
    public:
        virtual ~Handler() = default;
        // Every frame, with all its violations (also those found by message assembly).
        virtual void frameDecoded(const Frame &frame) = 0;
        // Every completed data message, after the frame that completed it.
        virtual void messageDecoded(const Message &message) = 0;
        // See FrameParser::Handler::violationDetected.
        virtual void violationDetected(const Violation &violation) { Q_UNUSED(violation) }
    };

    explicit StreamDecoder(const Options &options, Handler &handler);

    void feed(QByteArrayView bytes);
    // See FrameParser::payloadBytesWanted(): reading a large payload straight into place.
    qsizetype payloadBytesWanted() const { return m_parser.payloadBytesWanted(); }
    char *directPayloadBuffer(qsizetype size) { return m_parser.directPayloadBuffer(size); }
    void directPayloadWritten(qsizetype size) { m_parser.directPayloadWritten(size, *this); }

    qint64 bytesConsumed() const { return m_parser.bytesConsumed(); }
    qint64 framesDecoded() const { return m_parser.framesParsed(); }
    qint64 messagesDecoded() const { return m_assembler.messagesCompleted(); }
    qint64 pendingBytes() const { return m_parser.pendingBytes(); }
    const Message *pendingMessage() const { return m_assembler.pendingMessage(); }
    bool hadFatalViolation() const { return m_fatalSeen; }
    qint64 violationCount() const { return m_violationCount; }

private:
    void frameParsed(Frame &frame) override;
    void violationDetected(const Violation &violation) override;

    Handler &m_handler;
    FrameParser m_parser;
    MessageAssembler m_assembler;
    bool m_fatalSeen = false;
    qint64 m_violationCount = 0;
};

} // namespace Frameline
