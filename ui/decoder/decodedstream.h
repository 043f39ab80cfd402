#pragma once

#include "app/protocol/frame.h"
#include "app/protocol/messageassembler.h"
#include "app/protocol/streamdecoder.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QList>

#include <optional>

namespace Frameline {

// One frame as the decoder window keeps it: the decoded header fields, the violations and an owned copy
// of the unmasked payload (Frame::payload is cleared: it only views the decoder's buffer during its call).
struct FrameRecord
{
    Frame frame;
    QByteArray payload;
    // Opcode of the data message this frame belongs to (text or binary), so a continuation's payload can
    // be shown as text; 0 when the frame belongs to no data message.
    quint8 messageOpcode = 0;
};

// Everything the decoder found in one byte stream: every frame and message, copied out of the
// StreamDecoder callbacks, and what was left over at the end.
//
// A plain value; decode() runs the engine synchronously on the calling thread.
struct DecodedStream
{
    QList<FrameRecord> frames;
    QList<Message> messages;
    std::optional<Message> unfinishedMessage; // a fragmented message still waiting for its last frame
    qint64 inputBytes = 0;
    qint64 violationCount = 0;
    qint64 trailingBytes = 0; // bytes of an incomplete frame at the end of the input

    static DecodedStream decode(QByteArrayView bytes, const StreamDecoder::Options &options);
};

} // namespace Frameline
