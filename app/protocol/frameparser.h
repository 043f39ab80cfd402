#pragma once

#include "app/protocol/frame.h"
#include "app/protocol/utf8validator.h"

#include <QtCore/QByteArrayView>

#include <array>
#include <QtCore/QCoreApplication>

#include <memory>

namespace Frameline {

// Limits a decoder enforces (RFC 6455 §10.4). A declared length is checked before anything is allocated,
// so a 1 TiB header costs nothing.
struct DecoderLimits
{
    quint64 maxFramePayload = 64ull * 1024 * 1024;
    quint64 maxMessageSize = 64ull * 1024 * 1024;
};

// Incremental RFC 6455 frame parser for the bytes one endpoint sends (after the opening handshake).
//
// Feed it the stream in any pieces, from one byte to megabytes; the frames it yields are the same however
// the stream is cut. Each frame comes with its raw header, decoded fields, unmasked payload and every rule
// it breaks (see ViolationKind). The parser never stops on a violation: framing stays intact, so it keeps
// decoding and the owner (a connection in strict mode, the CLI) decides what to do.
//
// Checks here: masking direction, RSV bits, reserved opcodes, control frame rules, the fragmentation
// sequence, length encoding, limits (frame size, and message size counted on the wire), UTF-8 of
// uncompressed text messages (incrementally, failing at the first bad byte), and close payloads.
// Compressed messages are inflated and checked by MessageAssembler.
//
// Not thread-safe; lives on whatever thread reads the socket.
class FrameParser
{
    Q_DECLARE_TR_FUNCTIONS(FrameParser)
public:
    struct Options
    {
        Endpoint sender = Endpoint::Client;
        DecoderLimits limits;
        bool perMessageDeflate = false; // RFC 7692 negotiated: RSV1 marks a compressed message
    };

    class Handler
    {
    public:
        virtual ~Handler() = default;
        // A whole frame (or, for a frame over the size limit, its header with payloadOmitted set).
        // The frame and its payload view are valid only during the call.
        virtual void frameParsed(Frame &frame) = 0;
        // Early notice of a fatal violation found while the frame's payload is still arriving (e.g. a bad
        // UTF-8 byte in the first kilobyte of a 10 MiB frame); the finished frame carries it too.
        virtual void violationDetected(const Violation &violation) { Q_UNUSED(violation) }
    };

    explicit FrameParser(const Options &options);
    ~FrameParser();
    FrameParser(const FrameParser &) = delete;
    FrameParser &operator=(const FrameParser &) = delete;

    void feed(QByteArrayView bytes, Handler &handler);

    // Reading a large payload straight into place, without a copy through the caller's buffer: while a
    // frame's payload is arriving, payloadBytesWanted() says how many bytes it still needs (0 otherwise);
    // directPayloadBuffer(n) gives room for n of them (n <= wanted), and directPayloadWritten(m) (m <= n)
    // takes the m bytes written there exactly as feed() would have taken them.
    qsizetype payloadBytesWanted() const;
    char *directPayloadBuffer(qsizetype size);
    void directPayloadWritten(qsizetype size, Handler &handler);

    const Options &options() const { return m_options; }
    qint64 bytesConsumed() const { return m_streamOffset; }
    qint64 framesParsed() const { return m_frameIndex; }
    // Bytes of an unfinished frame at the end of what was fed (header or payload so far).
    qint64 pendingBytes() const;
    // A fragmented data message has started and not finished.
    bool isInsideMessage() const { return m_inMessage; }
    void reset();

private:
    enum class State : quint8 { Header, Payload, Skip };

    // Decodes a complete header into m_frame and runs the header checks.
    void decodeHeader(const quint8 *header, quint8 headerLength, qint64 frameStart);
    void checkHeader();
    void startPayload(Handler &handler);
    void takeRecycledBuffer(qsizetype capacity);
    char *reservePayload(qsizetype take);
    void commitPayload(const char *to, qsizetype take, Handler &handler);
    void checkPayloadChunk(QByteArrayView unmasked, Handler *earlyHandler);
    void finishFrame(QByteArrayView payload, Handler &handler);
    static quint8 headerLengthFor(const quint8 *firstTwoBytes);
    void addViolation(ViolationKind kind, const QString &message);
    char *ensureBuffer(qsizetype size);

    Options m_options;
    State m_state = State::Header;
    qint64 m_streamOffset = 0; // bytes consumed so far
    qint64 m_frameStart = 0;   // stream offset of the current frame's first header byte
    qint64 m_frameIndex = 0;
    Frame m_frame;

    // Header being collected across pieces.
    quint8 m_header[14] {};
    quint8 m_headerHave = 0;

    // Scratch for unmasking a payload that arrived whole.
    std::unique_ptr<char[]> m_buffer;
    qsizetype m_bufferCapacity = 0;
    // Payload being collected across pieces, unmasked as it is copied in; a consumer may take it over.
    QByteArray m_partial;
    // Large payload buffers handed to consumers, kept (shared) so that one the consumer has let go of
    // (it is detached again: we hold the only reference) is reused instead of allocating and faulting
    // in fresh pages for every large frame. Consumers never write into payloads they were given.
    std::array<QByteArray, 8> m_recycled;
    quint8 m_recycleNext = 0;
    quint64 m_payloadHave = 0;
    quint8 m_keyOffset = 0;
    quint64 m_skipRemaining = 0;

    // The data message in progress (RFC 6455 §5.4).
    bool m_inMessage = false;
    quint8 m_messageOpcode = 0;
    bool m_messageCompressed = false;
    bool m_messageTooLarge = false;
    quint64 m_messageWireBytes = 0;
    qint64 m_messageTextOffset = 0; // bytes of the text message validated so far
    Utf8Validator m_utf8;
    bool m_checkUtf8 = false; // this frame's payload is text to validate
};

} // namespace Frameline
