#include "app/compose/outgoingrequest.h"

#include "app/net/connection.h"
#include "app/protocol/closecode.h"
#include "app/protocol/opcode.h"

namespace Frameline {

OutgoingRequest OutgoingRequest::message(quint8 opcode, const QByteArray &payload)
{
    OutgoingRequest request;
    request.kind = Kind::Message;
    request.opcode = opcode;
    request.payload = payload;
    return request;
}

OutgoingRequest OutgoingRequest::crafted(const QList<FrameSpec> &frames)
{
    OutgoingRequest request;
    request.kind = Kind::Frames;
    request.frames = frames;
    return request;
}

OutgoingRequest OutgoingRequest::ping(const QByteArray &payload)
{
    OutgoingRequest request;
    request.kind = Kind::Ping;
    request.opcode = 0x9;
    request.payload = payload;
    return request;
}

OutgoingRequest OutgoingRequest::pong(const QByteArray &payload)
{
    OutgoingRequest request;
    request.kind = Kind::Pong;
    request.opcode = 0xA;
    request.payload = payload;
    return request;
}

OutgoingRequest OutgoingRequest::close(quint16 code, const QString &reason)
{
    OutgoingRequest request;
    request.kind = Kind::Close;
    request.opcode = 0x8;
    request.closeCode = code;
    request.closeReason = reason;
    return request;
}

OutgoingRequest OutgoingRequest::closeWithoutCode()
{
    OutgoingRequest request;
    request.kind = Kind::CloseWithoutCode;
    request.opcode = 0x8;
    return request;
}

FrameSpec OutgoingRequest::frameSpecOf(const EntryDetails &entry, Endpoint sender)
{
    const Frame &frame = entry.frame;
    FrameSpec spec;
    spec.fin = frame.fin;
    spec.rsv1 = frame.rsv1;
    spec.rsv2 = frame.rsv2;
    spec.rsv3 = frame.rsv3;
    spec.opcode = frame.opcode;
    if (entry.direction == Direction::Outgoing) {
        spec.masking = frame.masked ? FrameSpec::Masking::Chosen : FrameSpec::Masking::None;
        spec.maskingKey = frame.maskingKey;
    } else {
        spec.masking = sender == Endpoint::Client ? FrameSpec::Masking::Random : FrameSpec::Masking::None;
    }
    spec.lengthForm = frame.lengthForm;
    if (frame.payloadLength != quint64(entry.payload.size()))
        spec.declaredLength = frame.payloadLength;
    spec.payload = entry.payload;
    return spec;
}

std::optional<OutgoingRequest> OutgoingRequest::fromEntry(const EntryDetails &entry, bool asFrame, Endpoint sender)
{
    if (entry.kind != EntryDetails::Kind::Frame && entry.kind != EntryDetails::Kind::Message)
        return std::nullopt;
    if (entry.payloadTruncated || entry.frame.payloadOmitted)
        return std::nullopt;
    if (asFrame) {
        if (entry.kind != EntryDetails::Kind::Frame)
            return std::nullopt;
        return crafted({ frameSpecOf(entry, sender) });
    }
    const quint8 opcode = entry.kind == EntryDetails::Kind::Message ? entry.frame.opcode
        : entry.frame.messageOpcode != 0                            ? entry.frame.messageOpcode
                                                                    : entry.frame.opcode;
    switch (Opcode(opcode)) {
    case Opcode::Text:
    case Opcode::Binary:
        // A frame stands for its message only when it is the whole message, as the application saw it
        // (the frame of a compressed message carries the compressed bytes: use the message entry).
        if (entry.kind == EntryDetails::Kind::Frame
            && (entry.frame.position != FramePosition::Whole || entry.frame.compressed))
            return std::nullopt;
        return message(opcode, entry.payload);
    case Opcode::Ping:
        return ping(entry.payload);
    case Opcode::Pong:
        return pong(entry.payload);
    case Opcode::Close: {
        const ClosePayload close = ClosePayload::parse(entry.payload);
        if (!close.code)
            return closeWithoutCode();
        return OutgoingRequest::close(*close.code, QString::fromUtf8(close.reason));
    }
    default:
        return std::nullopt;
    }
}

bool OutgoingRequest::sendOn(Connection &connection, FrameOrigin origin) const
{
    switch (kind) {
    case Kind::Message:
        return connection.sendMessage(opcode, payload, origin);
    case Kind::Frames:
        for (const FrameSpec &spec : frames) {
            if (!connection.sendFrame(spec, origin))
                return false;
        }
        return true;
    case Kind::Ping:
        return connection.sendPing(payload, origin);
    case Kind::Pong:
        return connection.sendPong(payload, origin);
    case Kind::Close:
        if (connection.state() != ConnectionState::Open)
            return false;
        connection.close(closeCode, closeReason, origin);
        return true;
    case Kind::CloseWithoutCode:
        if (connection.state() != ConnectionState::Open)
            return false;
        connection.closeWithoutCode(origin);
        return true;
    }
    return false;
}

} // namespace Frameline
