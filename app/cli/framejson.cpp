#include "app/cli/framejson.h"

#include "app/protocol/closecode.h"
#include "app/protocol/utf8validator.h"

namespace Frameline {

namespace {
QByteArray hexOf(QByteArrayView bytes)
{
    return bytes.toByteArray().toHex();
}
} // namespace

void FrameJson::addViolationFields(JsonLine &line, const Violation &violation)
{
    line.add("closeCode", int(violation.closeCode))
        .add("rfc", violation.rfcSection)
        .add("rule", violation.id())
        .add("fatal", violation.fatal)
        .add("message", violation.message);
}

QByteArray FrameJson::violationsArray(const Violations &violations)
{
    QByteArray out(1, '[');
    for (const Violation &violation : violations) {
        if (out.size() > 1)
            out.append(',');
        JsonLine object;
        addViolationFields(object, violation);
        out.append(object.toObject());
    }
    out.append(']');
    return out;
}

void FrameJson::addFrameFields(JsonLine &line, const Frame &frame, QByteArrayView payload)
{
    line.add("index", frame.index)
        .add("offset", frame.streamOffset)
        .add("fin", frame.fin)
        .add("rsv1", frame.rsv1)
        .add("rsv2", frame.rsv2)
        .add("rsv3", frame.rsv3)
        .add("opcode", int(frame.opcode))
        .add("opcodeName", opcodeName(frame.opcode))
        .add("masked", frame.masked);
    if (frame.masked)
        line.addUtf8(
            "maskKey", hexOf(QByteArrayView(reinterpret_cast<const char *>(frame.maskingKey.data()), 4)));
    else
        line.addNull("maskKey");
    line.add("payloadLength", frame.payloadLength)
        .add("lengthForm", int(frame.lengthForm))
        .addUtf8("headerHex", hexOf(frame.rawHeader()));
    if (frame.payloadOmitted)
        line.add("payloadOmitted", true);
    else
        line.addUtf8("payloadHex", hexOf(payload));
    if (frame.compressed)
        line.add("compressed", true);

    // A compressed frame's bytes are not text until the whole message is inflated.
    const bool textFrame = frame.messageOpcode == quint8(Opcode::Text) && !frame.compressed;
    if (textFrame && !frame.payloadOmitted && Utf8Validator::isValid(payload))
        line.addUtf8("text", payload);
    if (frame.opcode == quint8(Opcode::Close) && !frame.payloadOmitted) {
        const ClosePayload close = ClosePayload::parse(payload);
        if (close.code) {
            line.add("closeCode", int(*close.code)).add("closeCodeName", CloseCodes::name(*close.code));
            if (Utf8Validator::isValid(close.reason))
                line.addUtf8("closeReason", close.reason).addUtf8("text", close.reason);
            else
                line.addUtf8("closeReasonHex", close.reason.toHex());
        }
    }
    line.addRaw("violations", violationsArray(frame.violations));
}

void FrameJson::addMessageFields(JsonLine &line, const Message &message)
{
    QByteArray frameIndexes(1, '[');
    for (qint64 index : message.frameIndexes) {
        if (frameIndexes.size() > 1)
            frameIndexes.append(',');
        frameIndexes.append(QByteArray::number(index));
    }
    frameIndexes.append(']');
    line.add("index", message.index)
        .add("opcode", int(message.opcode))
        .add("opcodeName", opcodeName(message.opcode))
        .add("offset", message.streamOffset)
        .add("frames", qint64(message.frameIndexes.size()))
        .addRaw("frameIndexes", frameIndexes)
        .add("payloadLength", qint64(message.payload.size()))
        .add("wireLength", message.wireLength)
        .add("compressed", message.compressed);
    if (message.payloadTruncated)
        line.add("payloadTruncated", true);
    if (message.opcode == quint8(Opcode::Text) && Utf8Validator::isValid(message.payload))
        line.addUtf8("text", message.payload);
    else
        line.addUtf8("payloadHex", message.payload.toHex());
    line.addRaw("violations", violationsArray(message.violations));
}

} // namespace Frameline
