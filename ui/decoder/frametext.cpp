#include "ui/decoder/frametext.h"

#include "app/protocol/closecode.h"
#include "app/protocol/opcode.h"
#include "app/protocol/utf8validator.h"
#include "ui/decoder/decodedstream.h"
#include "ui/widgets/celltext.h"
#include "ui/widgets/hexformat.h"

#include <QtCore/QStringList>

#include <algorithm>

namespace Frameline {

namespace {

QString textOrHex(QByteArrayView bytes, bool preferText)
{
    if (preferText ? Utf8Validator::isValid(bytes) : CellText::isPrintableText(bytes))
        return CellText::escapedLine(QString::fromUtf8(bytes), FrameText::PreviewCharacters);
    return HexFormat::bytes(bytes, FrameText::PreviewBytes);
}

QString closePreview(QByteArrayView payload)
{
    if (payload.isEmpty())
        return FrameText::tr("(no status code)");
    if (payload.size() == 1)
        return FrameText::tr("(1-byte close payload: %1)").arg(HexFormat::bytes(payload));
    const ClosePayload close = ClosePayload::parse(payload);
    const quint16 code = close.code.value_or(0);
    QString out = QString::number(code) + QLatin1Char(' ') + CloseCodes::name(code);
    if (!close.reason.isEmpty())
        out += QStringLiteral(": ") + textOrHex(close.reason, true);
    return out;
}

// "1... ...." for the bits of `byte` selected by `mask`, dots elsewhere.
QString bitPattern(quint8 byte, quint8 mask)
{
    QString out;
    for (int bit = 7; bit >= 0; --bit) {
        const quint8 b = quint8(1u << bit);
        out += (mask & b) ? ((byte & b) ? QLatin1Char('1') : QLatin1Char('0')) : QLatin1Char('.');
        if (bit == 4)
            out += QLatin1Char(' ');
    }
    return out;
}

QString positionText(FramePosition position)
{
    switch (position) {
    case FramePosition::Whole:
        return FrameText::tr("a whole message");
    case FramePosition::First:
        return FrameText::tr("first fragment of a message");
    case FramePosition::Middle:
        return FrameText::tr("middle fragment of a message");
    case FramePosition::Last:
        return FrameText::tr("last fragment of a message");
    case FramePosition::Control:
        return FrameText::tr("control frame");
    case FramePosition::Orphan:
        return FrameText::tr("belongs to no message");
    }
    return QString();
}

QString byteRange(int first, int last)
{
    return first == last ? FrameText::tr("Byte %1").arg(first)
                         : FrameText::tr("Bytes %1–%2").arg(first).arg(last);
}

QString payloadDump(QByteArrayView payload)
{
    if (payload.size() <= FrameText::DumpLimit)
        return HexFormat::dump(payload);
    return HexFormat::dump(payload.first(FrameText::DumpLimit)) + QLatin1Char('\n')
        + FrameText::tr("(showing the first %1 of %2 bytes)").arg(FrameText::DumpLimit).arg(payload.size());
}

QString fullText(QByteArrayView payload)
{
    const bool cut = payload.size() > FrameText::DumpLimit;
    QString text = QString::fromUtf8(cut ? payload.first(FrameText::DumpLimit) : payload);
    if (cut)
        text += QLatin1Char('\n') + FrameText::tr("(text cut at %1 bytes)").arg(FrameText::DumpLimit);
    return text;
}

} // namespace

QString FrameText::opcode(quint8 opcode)
{
    return QStringLiteral("%1 (0x%2)").arg(opcodeName(opcode)).arg(uint(opcode), 0, 16);
}

QString FrameText::lengthForm(LengthForm form)
{
    switch (form) {
    case LengthForm::Bits7:
        return tr("7-bit");
    case LengthForm::Bits16:
        return tr("16-bit");
    case LengthForm::Bits64:
        return tr("64-bit");
    }
    return QString();
}

QString FrameText::rfcReference(const QString &rfcSection)
{
    // Sections of RFC 7692 are written "RFC 7692 6.1"; bare sections belong to RFC 6455.
    static const QString rfc7692 = QStringLiteral("RFC 7692 ");
    if (rfcSection.startsWith(rfc7692))
        return rfc7692 + QStringLiteral("§") + rfcSection.mid(rfc7692.size());
    if (rfcSection.isEmpty())
        return QString();
    return QStringLiteral("RFC 6455 §") + rfcSection;
}

QString FrameText::frameIndexes(const FrameIndexes &indexes)
{
    QStringList parts;
    for (qsizetype i = 0; i < indexes.size();) {
        qsizetype j = i;
        while (j + 1 < indexes.size() && indexes[j + 1] == indexes[j] + 1)
            ++j;
        if (j == i)
            parts << QString::number(indexes[i]);
        else
            parts << QString::number(indexes[i]) + QStringLiteral("–") + QString::number(indexes[j]);
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

Severity FrameText::severity(const Violations &violations)
{
    if (violations.isEmpty())
        return Severity::None;
    const bool fatal
        = std::any_of(violations.cbegin(), violations.cend(), [](const Violation &v) { return v.fatal; });
    return fatal ? Severity::Error : Severity::Warning;
}

QString FrameText::violationSummary(const Violations &violations)
{
    if (violations.isEmpty())
        return QString();
    const Violation &first = violations.first();
    QString section = rfcReference(first.rfcSection);
    section.remove(QStringLiteral("RFC 6455 "));
    QString out = section + QStringLiteral(" · ") + QString::number(first.closeCode) + QStringLiteral(" · ")
        + first.message;
    if (violations.size() > 1)
        out += QLatin1Char(' ') + tr("(+%1 more)").arg(violations.size() - 1);
    return out;
}

QString FrameText::violationList(const Violations &violations)
{
    QStringList lines;
    for (const Violation &v : violations) {
        const QString severityText = v.fatal ? tr("fatal, close with %1").arg(v.closeCode)
                                             : tr("reported only (%1 if strict)").arg(v.closeCode);
        lines << QStringLiteral("%1 [%2]: %3").arg(rfcReference(v.rfcSection), severityText, v.message);
    }
    return lines.join(QLatin1Char('\n'));
}

QString FrameText::framePreview(const FrameRecord &record)
{
    const Frame &frame = record.frame;
    if (frame.payloadOmitted)
        return tr("(payload not kept: %1 bytes, over the frame size limit)").arg(frame.payloadLength);
    if (frame.opcode == quint8(Opcode::Close))
        return closePreview(record.payload);
    if (record.payload.isEmpty())
        return tr("(empty)");
    if (frame.compressed && !frame.isControl())
        return tr("[compressed] %1").arg(HexFormat::bytes(record.payload, PreviewBytes));
    if (record.messageOpcode == quint8(Opcode::Text))
        return textOrHex(record.payload, true);
    if (record.messageOpcode == quint8(Opcode::Binary) || isReservedOpcode(frame.opcode))
        return HexFormat::bytes(record.payload, PreviewBytes);
    return textOrHex(record.payload, false);
}

QString FrameText::messagePreview(const Message &message)
{
    if (message.payload.isEmpty())
        return message.payloadTruncated ? tr("(payload not kept)") : tr("(empty)");
    QString out = message.opcode == quint8(Opcode::Text) ? textOrHex(message.payload, true)
                                                         : HexFormat::bytes(message.payload, PreviewBytes);
    if (message.payloadTruncated)
        out = tr("[truncated] %1").arg(out);
    return out;
}

QString FrameText::frameDetails(const FrameRecord &record)
{
    const Frame &frame = record.frame;
    QStringList lines;
    lines << tr("Frame %1 at offset %2 (0x%3): %4, %5")
                 .arg(frame.index)
                 .arg(frame.streamOffset)
                 .arg(frame.streamOffset, 0, 16)
                 .arg(opcode(frame.opcode), positionText(frame.position));
    lines
        << tr("Header (%1 bytes): %2").arg(int(frame.headerLength)).arg(HexFormat::bytes(frame.rawHeader()));
    lines << QString();

    // Every aligned column starts with ASCII (bit patterns, hex) so it stays aligned in a monospaced font
    // whatever the language of the words after it.
    const quint8 b0 = frame.header[0];
    const quint8 b1 = frame.header[1];
    const QString indent(4, QLatin1Char(' '));
    auto byteLine = [&](int index, quint8 value) {
        lines << byteRange(index, index) + QStringLiteral(": ") + HexFormat::bytes(QByteArrayView(&value, 1))
                + QStringLiteral(" = ") + HexFormat::bits(value);
    };
    auto bitLine = [&](quint8 value, quint8 mask, const QString &text) {
        lines << indent + bitPattern(value, mask) + QStringLiteral("  ") + text;
    };
    byteLine(0, b0);
    bitLine(b0, 0x80,
        frame.fin ? tr("FIN: 1 (final frame of its message)") : tr("FIN: 0 (more fragments follow)"));
    bitLine(b0, 0x40,
        frame.rsv1 && frame.compressed ? tr("RSV1: 1 (Per-Message Compressed, RFC 7692)")
                                       : QStringLiteral("RSV1: %1").arg(int(frame.rsv1)));
    bitLine(b0, 0x20, QStringLiteral("RSV2: %1").arg(int(frame.rsv2)));
    bitLine(b0, 0x10, QStringLiteral("RSV3: %1").arg(int(frame.rsv3)));
    bitLine(b0, 0x0F, tr("Opcode: %1").arg(opcode(frame.opcode)));
    byteLine(1, b1);
    bitLine(
        b1, 0x80, frame.masked ? tr("MASK: 1 (payload is masked)") : tr("MASK: 0 (payload is not masked)"));
    const quint8 length7 = b1 & 0x7F;
    // The field names are those of the RFC 6455 §5.2 figure (FIN, RSV1, opcode, MASK, Payload len).
    if (length7 == 126) {
        //: Keep "Payload len" (the RFC 6455 field name) at the start so the bit columns stay aligned.
        bitLine(b1, 0x7F, tr("Payload len: 126 (a 16-bit length follows)"));
    } else if (length7 == 127) {
        //: Keep "Payload len" (the RFC 6455 field name) at the start so the bit columns stay aligned.
        bitLine(b1, 0x7F, tr("Payload len: 127 (a 64-bit length follows)"));
    } else {
        //: Keep "Payload len" (the RFC 6455 field name) at the start so the bit columns stay aligned.
        bitLine(b1, 0x7F, tr("Payload len: %1").arg(int(length7)));
    }

    int next = 2;
    if (frame.lengthForm != LengthForm::Bits7) {
        const int size = frame.lengthForm == LengthForm::Bits16 ? 2 : 8;
        if (frame.headerLength >= next + size) {
            const QByteArrayView field = frame.rawHeader().sliced(next, size);
            lines << byteRange(next, next + size - 1) + QStringLiteral(": ") + HexFormat::bytes(field)
                    + QStringLiteral("  ")
                    + tr("Extended payload length (%1): %2")
                          .arg(lengthForm(frame.lengthForm))
                          .arg(frame.payloadLength);
        }
        next += size;
    }
    if (frame.masked && frame.headerLength >= next + 4) {
        lines << byteRange(next, next + 3) + QStringLiteral(": ")
                + HexFormat::bytes(frame.rawHeader().sliced(next, 4)) + QStringLiteral("  ")
                + tr("Masking key");
    }

    if (!frame.violations.isEmpty()) {
        lines << QString() << tr("Protocol violations (%1):").arg(frame.violations.size())
              << violationList(frame.violations);
    }

    lines << QString();
    if (frame.payloadOmitted) {
        lines << tr("Payload: %1 bytes, not kept (over the frame size limit)").arg(frame.payloadLength);
    } else if (frame.opcode == quint8(Opcode::Close) && !record.payload.isEmpty()) {
        lines << tr("Close payload: %1").arg(closePreview(record.payload));
        const ClosePayload close = ClosePayload::parse(record.payload);
        if (close.code)
            lines << CloseCodes::meaning(*close.code);
        lines << QString() << tr("Payload (%1 bytes, unmasked):").arg(record.payload.size())
              << payloadDump(record.payload);
    } else if (record.payload.isEmpty()) {
        lines << tr("Payload: empty");
    } else {
        if (frame.compressed && !frame.isControl())
            lines << tr("Compressed payload (%1 bytes, unmasked); the message list shows it inflated:")
                         .arg(record.payload.size());
        else
            lines << tr("Payload (%1 bytes, unmasked):").arg(record.payload.size());
        lines << payloadDump(record.payload);
    }
    return lines.join(QLatin1Char('\n'));
}

QString FrameText::messageDetails(const Message &message)
{
    QStringList lines;
    lines << tr("Message %1 at offset %2 (0x%3): %4")
                 .arg(message.index)
                 .arg(message.streamOffset)
                 .arg(message.streamOffset, 0, 16)
                 .arg(opcode(message.opcode));
    lines << tr("Frames: %1").arg(frameIndexes(message.frameIndexes));
    lines << tr("Length: %1 bytes (%2 bytes of payload on the wire)")
                 .arg(message.payload.size())
                 .arg(message.wireLength);
    if (message.compressed)
        lines << tr("Compressed with permessage-deflate (RFC 7692); shown inflated.");
    if (message.payloadTruncated)
        lines << tr("The payload is incomplete: a limit was reached or it could not be inflated.");
    if (!message.violations.isEmpty()) {
        lines << QString() << tr("Protocol violations (%1):").arg(message.violations.size())
              << violationList(message.violations);
    }
    lines << QString();
    if (message.payload.isEmpty()) {
        lines << tr("Payload: empty");
        return lines.join(QLatin1Char('\n'));
    }
    if (message.opcode == quint8(Opcode::Text) && Utf8Validator::isValid(message.payload))
        lines << tr("Text:") << fullText(message.payload) << QString();
    lines << tr("Payload (%1 bytes):").arg(message.payload.size()) << payloadDump(message.payload);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Frameline
