// libFuzzer target: arbitrary bytes through the whole stream decoder (parser, assembler, inflater) in both
// roles, with and without permessage-deflate, cut into pieces at points chosen by the input itself.
// Must never crash, hang, leak or allocate past the limits.

#include "app/protocol/streamdecoder.h"

#include <cstddef>
#include <cstdint>

namespace {

class Sink final : public Frameline::StreamDecoder::Handler
{
public:
    void frameDecoded(const Frameline::Frame &frame) override
    {
        // Touch every byte the frame exposes, so a bad view is found by ASan.
        for (char c : frame.payload)
            m_sum += quint8(c);
        m_sum += frame.violations.size();
    }
    void messageDecoded(const Frameline::Message &message) override
    {
        for (char c : message.payload)
            m_sum += quint8(c);
    }
    quint64 m_sum = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const quint8 control = data[0];
    const quint8 step = quint8(data[1] | 1);
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));

    Frameline::StreamDecoder::Options options;
    options.sender = (control & 1) ? Frameline::Endpoint::Client : Frameline::Endpoint::Server;
    options.limits.maxFramePayload = 1 << 16;
    options.limits.maxMessageSize = 1 << 18;
    if (control & 2) {
        Frameline::DeflateParameters deflate;
        deflate.serverNoContextTakeover = control & 4;
        deflate.clientNoContextTakeover = control & 8;
        deflate.serverMaxWindowBits = 8 + ((control >> 4) & 7);
        deflate.clientMaxWindowBits = 8 + ((control >> 4) & 7);
        options.deflate = deflate;
    }
    Sink sink;
    Frameline::StreamDecoder decoder(options, sink);
    // Pieces of `step` bytes, or the whole buffer at once.
    if (control & 0x80) {
        decoder.feed(bytes);
    } else {
        for (qsizetype at = 0; at < bytes.size(); at += step)
            decoder.feed(bytes.sliced(at, qMin<qsizetype>(step, bytes.size() - at)));
    }
    return sink.m_sum == 0xFFFFFFFFFFFFFFFFull ? 1 : 0;
}
