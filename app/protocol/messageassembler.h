#pragma once

#include "app/protocol/frame.h"
#include "app/protocol/frameparser.h"
#include "app/protocol/permessagedeflate.h"
#include "app/protocol/utf8validator.h"

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QVarLengthArray>

#include <memory>
#include <optional>

namespace Frameline {

// The numbers of the frames that carry a message: most messages have one, so it is kept inline.
using FrameIndexes = QVarLengthArray<qint64, 2>;

// A data message (RFC 6455 §5.6) put together from its frames, inflated when it was compressed.
struct Message
{
    qint64 index = 0;        // 0-based message number in the stream
    quint8 opcode = 0;       // text or binary, from the first frame
    qint64 streamOffset = 0; // offset of the first frame's header
    FrameIndexes frameIndexes; // the data frames that carry it (control frames in between are not listed)
    QByteArray payload;      // the message as the application sees it (inflated when compressed)
    quint64 wireLength = 0;  // sum of the frames' payload lengths on the wire
    bool compressed = false; // RFC 7692: sent with the Per-Message Compressed bit
    bool payloadTruncated = false; // payload omitted or inflation stopped (limit or error)
    Violations violations;   // every violation found in its frames and in the message as a whole
};

// Groups the frames a FrameParser yields into messages. Follows the parser's reading of the sequence
// (Frame::position), inflates compressed messages (RFC 7692 §7.2.2), bounded by the message limit,
// and checks the UTF-8 of compressed text after inflation. Violations it finds are added to the frame
// that revealed them, before the frame is passed on.
class MessageAssembler
{
    Q_DECLARE_TR_FUNCTIONS(MessageAssembler)
public:
    struct Options
    {
        Endpoint sender = Endpoint::Client;
        DecoderLimits limits;
        std::optional<DeflateParameters> deflate; // negotiated permessage-deflate, if any
    };

    explicit MessageAssembler(const Options &options);
    ~MessageAssembler();

    // Takes the next frame; returns the message it completes, if any (valid until the next call).
    const Message *addFrame(Frame &frame);
    // The message still waiting for its final fragment, if any.
    const Message *pendingMessage() const { return m_inMessage ? &m_message : nullptr; }
    qint64 messagesCompleted() const { return m_messageCount; }
    void reset();

private:
    void startMessage(const Frame &frame);
    void appendPayload(Frame &frame);
    void addViolation(Frame &frame, ViolationKind kind, const QString &text);

    Options m_options;
    std::unique_ptr<Inflater> m_inflater;
    Message m_message;
    bool m_inMessage = false;
    qint64 m_messageCount = 0;
    Utf8Validator m_utf8;
    bool m_utf8Reported = false;
    bool m_limitReported = false;
};

} // namespace Frameline
