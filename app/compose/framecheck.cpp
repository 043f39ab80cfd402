#include "app/compose/framecheck.h"

#include "app/protocol/closecode.h"
#include "app/protocol/opcode.h"
#include "app/protocol/utf8validator.h"

namespace Frameline {

quint64 FrameCheck::wireLength(const FrameSpec &spec)
{
    return spec.declaredLength.value_or(quint64(spec.payload.size()));
}

bool FrameCheck::fragmentedMessageOpenAfter(const FrameSpec &spec, bool openBefore)
{
    if (isDataOpcode(spec.opcode))
        return !spec.fin;
    if (spec.opcode == quint8(Opcode::Continuation))
        return openBefore && !spec.fin;
    // A reserved non-control opcode (0x3-0x7) without FIN reads as the start of a fragmented message: the
    // continuations after it are checked as its fragments (the first frame already carries the
    // reserved-opcode violation), not as continuations of nothing.
    if (spec.opcode >= 0x3 && spec.opcode <= 0x7 && !spec.fin)
        return true;
    return openBefore; // control frames (and other reserved opcodes) do not change the sequence
}

FrameCheckResult FrameCheck::check(const FrameSpec &spec, const FrameCheckContext &context)
{
    FrameCheckResult result;
    const auto add = [&result](ViolationKind kind, const QString &message) {
        result.violations.append(ViolationText::make(kind, message));
    };
    const quint8 opcode = spec.opcode;
    const bool control = isControlOpcode(opcode) && opcode <= 0xF;
    const quint64 length = wireLength(spec);

    // RFC 6455 §5.1: clients mask every frame, servers none.
    const bool masked = spec.masking != FrameSpec::Masking::None;
    if (context.sender == Endpoint::Client && !masked)
        add(ViolationKind::UnmaskedClientFrame,
            tr("The frame is not masked; a client must mask every frame it sends, and the server must close "
               "the connection"));
    else if (context.sender == Endpoint::Server && masked)
        add(ViolationKind::MaskedServerFrame,
            tr("The frame is masked; a server must not mask frames, and the client must close the "
               "connection"));

    // RFC 6455 §5.2 and RFC 7692 §6.1: RSV bits.
    if (spec.rsv1) {
        if (!context.deflateNegotiated)
            add(ViolationKind::ReservedBitsSet,
                tr("RSV1 is set, but no extension that defines it (such as permessage-deflate) was "
                   "negotiated"));
        else if (control)
            add(ViolationKind::CompressedControlFrame,
                tr("RSV1 is set on a control frame; permessage-deflate compresses only data messages"));
        else if (opcode == quint8(Opcode::Continuation))
            add(ViolationKind::CompressedContinuation,
                tr("RSV1 is set on a continuation frame; permessage-deflate sets it only on the first frame "
                   "of a message"));
    }
    if (spec.rsv2)
        add(ViolationKind::ReservedBitsSet, tr("RSV2 is set, but no negotiated extension defines it"));
    if (spec.rsv3)
        add(ViolationKind::ReservedBitsSet, tr("RSV3 is set, but no negotiated extension defines it"));

    // RFC 6455 §5.2: opcodes 3-7 and 11-15 are reserved.
    if (isReservedOpcode(opcode))
        add(ViolationKind::ReservedOpcode,
            tr("Opcode %1 is reserved for future use; the peer must fail the connection").arg(opcode));

    // RFC 6455 §5.5: control frames.
    if (control && !spec.fin)
        add(ViolationKind::FragmentedControlFrame,
            tr("The %1 frame has FIN = 0; control frames must not be fragmented").arg(opcodeName(opcode)));
    if (control && length > 125)
        add(ViolationKind::ControlFrameTooLong,
            tr("The %1 frame carries %2 bytes of payload; control frames carry at most 125")
                .arg(opcodeName(opcode))
                .arg(length));

    // RFC 6455 §5.2: the length field.
    const LengthForm form = spec.lengthForm.value_or(minimalLengthForm(length));
    if (form == LengthForm::Bits64 && (length >> 63) != 0)
        add(ViolationKind::LengthTopBitSet, tr("The 64-bit payload length has its most significant bit set"));
    if ((form == LengthForm::Bits16 && length < 126) || (form == LengthForm::Bits64 && length <= 0xFFFF))
        add(ViolationKind::NonMinimalLength,
            tr("The payload length %1 is written in the %2-bit form; the minimal form is %3-bit")
                .arg(length)
                .arg(int(form))
                .arg(int(minimalLengthForm(length))));

    // RFC 6455 §5.4: the sequence of data frames.
    if (opcode == quint8(Opcode::Continuation) && !context.fragmentedMessageOpen)
        add(ViolationKind::UnexpectedContinuation,
            tr("A continuation frame, but no fragmented message is open on this connection"));
    else if (isDataOpcode(opcode) && context.fragmentedMessageOpen)
        add(ViolationKind::ExpectedContinuation,
            tr("A new %1 frame while a fragmented message is still open; only continuation (and control) "
               "frames may come until its last fragment")
                .arg(opcodeName(opcode)));

    // RFC 6455 §8.1: text is UTF-8 (a compressed frame is checked by the peer after inflating it).
    const bool compressed = context.deflateNegotiated && spec.rsv1;
    if (opcode == quint8(Opcode::Text) && !compressed) {
        Utf8Validator validator;
        qsizetype bad = 0;
        if (!validator.feed(spec.payload, &bad))
            add(ViolationKind::InvalidUtf8,
                tr("The text is not valid UTF-8: byte %1 (0x%2) cannot appear there")
                    .arg(bad)
                    .arg(uint(quint8(spec.payload.at(bad))), 2, 16, QLatin1Char('0')));
        else if (spec.fin && !validator.isComplete())
            add(ViolationKind::InvalidUtf8,
                tr("The text ends in the middle of a UTF-8 sequence (after %1 bytes)")
                    .arg(spec.payload.size()));
    }

    // RFC 6455 §5.5.1 and §7.4: the body of a Close frame.
    if (opcode == quint8(Opcode::Close)) {
        const QByteArray &payload = spec.payload;
        if (payload.size() == 1) {
            add(ViolationKind::ClosePayloadTooShort,
                tr("The close frame carries 1 byte; a close payload is empty or starts with a 2-byte status "
                   "code"));
        } else if (payload.size() >= 2) {
            const ClosePayload close = ClosePayload::parse(payload);
            const quint16 code = close.code.value_or(0);
            if (!CloseCodes::isValidOnWire(code))
                add(ViolationKind::InvalidCloseCode,
                    tr("Close code %1 (%2) must not be sent in a close frame")
                        .arg(code)
                        .arg(CloseCodes::name(code)));
            qsizetype bad = 0;
            Utf8Validator reason;
            if (!reason.feed(close.reason, &bad))
                add(ViolationKind::InvalidCloseReason,
                    tr("The close reason is not valid UTF-8: byte %1 of the reason (0x%2) cannot appear "
                       "there")
                        .arg(bad)
                        .arg(uint(quint8(close.reason.at(bad))), 2, 16, QLatin1Char('0')));
            else if (!reason.isComplete())
                add(ViolationKind::InvalidCloseReason,
                    tr("The close reason ends in the middle of a UTF-8 sequence"));
        }
    }

    // The lying length: no rule of its own; the peer misreads the stream.
    const quint64 real = quint64(spec.payload.size());
    if (spec.declaredLength && *spec.declaredLength < real) {
        result.warnings.append({ FrameWarning::Kind::DeclaredLengthShorter,
            tr("The header declares %1 bytes but %2 are sent: the peer takes the first %1 "
               "as the payload and reads the other %3 as the start of the next frame")
                .arg(*spec.declaredLength)
                .arg(real)
                .arg(real - *spec.declaredLength) });
    } else if (spec.declaredLength && *spec.declaredLength > real) {
        result.warnings.append({ FrameWarning::Kind::DeclaredLengthLonger,
            tr("The header declares %1 bytes but only %2 are sent: the peer waits for %3 "
               "more and takes them from whatever is sent next")
                .arg(*spec.declaredLength)
                .arg(real)
                .arg(*spec.declaredLength - real) });
    }
    return result;
}

int Fragmenter::maxFragments(qsizetype payloadSize)
{
    return int(qBound(qsizetype(1), payloadSize, qsizetype(MaxFragments)));
}

QList<FrameSpec> Fragmenter::split(const FrameSpec &message, int count)
{
    count = qBound(1, count, maxFragments(message.payload.size()));
    QList<FrameSpec> frames;
    frames.reserve(count);
    const qsizetype size = message.payload.size();
    const qsizetype base = size / count;
    const qsizetype larger = size % count; // the first `larger` fragments get one byte more
    qsizetype offset = 0;
    for (int i = 0; i < count; ++i) {
        const qsizetype length = base + (i < larger ? 1 : 0);
        FrameSpec frame;
        frame.fin = i == count - 1;
        frame.opcode = i == 0 ? message.opcode : quint8(Opcode::Continuation);
        if (i == 0) {
            frame.rsv1 = message.rsv1;
            frame.rsv2 = message.rsv2;
            frame.rsv3 = message.rsv3;
        }
        frame.masking = message.masking;
        frame.maskingKey = message.maskingKey;
        frame.payload = count == 1 ? message.payload : message.payload.mid(offset, length);
        offset += length;
        frames.append(std::move(frame));
    }
    return frames;
}

} // namespace Frameline
