#include "ui/inspector/headerpage.h"

#include "app/protocol/closecode.h"
#include "app/protocol/opcode.h"
#include "ui/decoder/frametext.h"
#include "ui/inspector/inspectortext.h"
#include "ui/inspector/propertytree.h"
#include "ui/widgets/hexformat.h"

#include <QtWidgets/QVBoxLayout>

namespace Frameline {

namespace {

QString bitsOf(quint8 value, int count)
{
    QString out;
    for (int bit = count - 1; bit >= 0; --bit)
        out += (value >> bit) & 1 ? QLatin1Char('1') : QLatin1Char('0');
    return out;
}

QString hexByte(quint8 byte)
{
    return QStringLiteral("0x%1").arg(uint(byte), 2, 16, QLatin1Char('0'));
}

} // namespace

HeaderPage::HeaderPage(QWidget *parent)
    : QWidget(parent)
    , m_tree(new PropertyTree(true, this))
{
    m_tree->setObjectName(QStringLiteral("headerTree"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
}

QString HeaderPage::firstByteBits(quint8 byte)
{
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(bitsOf(byte >> 7, 1), bitsOf(byte >> 6, 1), bitsOf(byte >> 5, 1), bitsOf(byte >> 4, 1),
            bitsOf(byte, 4));
}

QString HeaderPage::secondByteBits(quint8 byte)
{
    return bitsOf(byte >> 7, 1) + QLatin1Char(' ') + bitsOf(byte, 7);
}

void HeaderPage::setDetails(const EntryDetails &details)
{
    m_tree->clearRows();
    m_tree->retranslateHeader();
    switch (details.kind) {
    case EntryDetails::Kind::None:
        return;
    case EntryDetails::Kind::Frame:
        addEntryRows(details);
        if (details.frame.headerLength >= 2) {
            QStandardItem *header
                = m_tree->addRow(nullptr, tr("Header"), InspectorText::byteCount(details.frame.headerLength),
                    HexFormat::bytes(details.frame.rawHeader()));
            addFrameHeader(header, details.frame, details.compressed);
        }
        addFramePayload(details);
        break;
    case EntryDetails::Kind::Message:
        addMessageRows(details);
        break;
    case EntryDetails::Kind::Notice:
        addNoticeRows(details);
        break;
    }
    addViolations(details.violations);
    m_tree->expandAll();
}

void HeaderPage::addEntryRows(const EntryDetails &details)
{
    QString title;
    QString summary;
    if (details.kind == EntryDetails::Kind::Frame) {
        title = tr("Frame");
        summary = tr("#%1 · %2").arg(details.id).arg(FrameText::opcode(details.frame.opcode));
    } else {
        title = tr("Message");
        summary = tr("#%1 · %2").arg(details.id).arg(FrameText::opcode(details.frame.opcode));
    }
    QStandardItem *entry = m_tree->addRow(nullptr, title, summary);
    m_tree->addRow(entry, tr("Direction"), InspectorText::direction(details.direction));
    if (details.direction == Direction::Outgoing)
        m_tree->addRow(entry, tr("Sent by"), InspectorText::origin(details.origin));
    m_tree->addRow(
        entry, tr("Time"), InspectorText::relativeTime(details.timestampNs, details.connectionStartNs));
    m_tree->addRow(entry, tr("Connection"), tr("#%1").arg(details.connectionId));
    if (details.kind == EntryDetails::Kind::Frame) {
        m_tree->addRow(entry, tr("Position"), InspectorText::position(details.frame.position));
        if (details.messageId >= 0)
            m_tree->addRow(entry, tr("Message"), tr("#%1").arg(details.messageId));
    }
}

void HeaderPage::addFrameHeader(QStandardItem *parent, const Frame &frame, bool compressedMessage)
{
    const quint8 b0 = frame.header[0];
    const quint8 b1 = frame.header[1];
    // The field names are those of the RFC 6455 §5.2 figure.
    QStandardItem *byte0 = m_tree->addRow(parent, tr("Byte 0"), hexByte(b0), firstByteBits(b0));
    m_tree->addRow(byte0, QStringLiteral("FIN"),
        frame.fin ? tr("1 (final fragment of its message)") : tr("0 (more fragments follow)"),
        bitsOf(b0 >> 7, 1));
    m_tree->addRow(byte0, QStringLiteral("RSV1"),
        frame.rsv1 ? ((compressedMessage || frame.compressed) ? tr("1 (Per-Message Compressed, RFC 7692)")
                                                              : tr("1 (no extension defines it)"))
                   : QStringLiteral("0"),
        bitsOf(b0 >> 6, 1));
    m_tree->addRow(byte0, QStringLiteral("RSV2"),
        frame.rsv2 ? tr("1 (no extension defines it)") : QStringLiteral("0"), bitsOf(b0 >> 5, 1));
    m_tree->addRow(byte0, QStringLiteral("RSV3"),
        frame.rsv3 ? tr("1 (no extension defines it)") : QStringLiteral("0"), bitsOf(b0 >> 4, 1));
    m_tree->addRow(byte0, tr("Opcode"), FrameText::opcode(frame.opcode), bitsOf(b0, 4));

    QStandardItem *byte1 = m_tree->addRow(parent, tr("Byte 1"), hexByte(b1), secondByteBits(b1));
    m_tree->addRow(byte1, QStringLiteral("MASK"),
        frame.masked ? tr("1 (payload is masked)") : tr("0 (payload is not masked)"), bitsOf(b1 >> 7, 1));
    const quint8 length7 = b1 & 0x7F;
    QString lengthText;
    if (length7 == 126)
        lengthText = tr("126 (a 16-bit length follows)");
    else if (length7 == 127)
        lengthText = tr("127 (a 64-bit length follows)");
    else
        lengthText = QString::number(length7);
    m_tree->addRow(byte1, QStringLiteral("Payload len"), lengthText, bitsOf(b1, 7));

    int next = 2;
    if (frame.lengthForm != LengthForm::Bits7) {
        const int size = frame.lengthForm == LengthForm::Bits16 ? 2 : 8;
        if (frame.headerLength >= next + size) {
            m_tree->addRow(parent, tr("Extended payload length"), QString::number(frame.payloadLength),
                HexFormat::bytes(frame.rawHeader().sliced(next, size)));
        }
        next += size;
    }
    m_tree->addRow(parent, tr("Length form"), FrameText::lengthForm(frame.lengthForm));
    m_tree->addRow(parent, tr("Payload length"), InspectorText::byteCount(qint64(frame.payloadLength)));
    if (frame.masked) {
        const QString key = HexFormat::bytes(QByteArrayView(frame.maskingKey.data(), 4));
        m_tree->addRow(parent, tr("Masking key"), key,
            frame.headerLength >= next + 4 ? HexFormat::bytes(frame.rawHeader().sliced(next, 4)) : QString());
    } else {
        m_tree->addRow(parent, tr("Masking key"), tr("none"));
    }
    m_tree->addRow(parent, tr("Raw header"), HexFormat::bytes(frame.rawHeader()));
}

void HeaderPage::addFramePayload(const EntryDetails &details)
{
    const Frame &frame = details.frame;
    QString summary;
    if (frame.payloadOmitted)
        summary = tr("not kept (over the frame size limit)");
    else if (frame.isControl() || !(details.compressed || frame.compressed))
        summary = InspectorText::byteCount(details.payload.size());
    else
        summary = tr("%1, compressed (the message shows it inflated)")
                      .arg(InspectorText::byteCount(details.payload.size()));
    QStandardItem *payload = m_tree->addRow(nullptr, tr("Payload"), summary);
    if (details.payloadTruncated)
        m_tree->addRow(payload, tr("Kept"),
            tr("Only the first %1").arg(InspectorText::byteCount(details.payload.size())));
    if (frame.opcode == quint8(Opcode::Close) && !frame.payloadOmitted) {
        if (details.payload.isEmpty()) {
            m_tree->addRow(payload, tr("Close code"), tr("none (empty Close frame; reported as 1005)"));
        } else if (details.payload.size() == 1) {
            m_tree->addRow(payload, tr("Close code"), tr("malformed (a 1-byte close payload)"));
        } else {
            const ClosePayload close = ClosePayload::parse(details.payload);
            const quint16 code = close.code.value_or(0);
            m_tree->addRow(payload, tr("Close code"), InspectorText::closeCode(code),
                HexFormat::bytes(QByteArrayView(details.payload).first(2)));
            m_tree->addRow(payload, tr("Meaning"), CloseCodes::meaning(code));
            m_tree->addRow(payload, tr("Reason"),
                close.reason.isEmpty() ? tr("(none)") : InspectorText::bytesAsText(close.reason));
        }
    }
}

void HeaderPage::addMessageRows(const EntryDetails &details)
{
    addEntryRows(details);
    QStandardItem *message = m_tree->row({ tr("Message") });
    m_tree->addRow(message, tr("Opcode"), FrameText::opcode(details.frame.opcode));
    QStringList ids;
    for (const qint64 id : details.frameIds)
        ids << QString::number(id);
    m_tree->addRow(message, tr("Frames"),
        details.frameIds.isEmpty()
            ? tr("unknown")
            : (details.frameIds.size() == 1 ? tr("1 frame: %1")
                                            : tr("%1 frames: %2").arg(details.frameIds.size()))
                  .arg(ids.join(QStringLiteral(", "))));
    m_tree->addRow(message, tr("Payload length"), InspectorText::byteCount(details.payload.size()));
    m_tree->addRow(message, tr("On the wire"), InspectorText::byteCount(qint64(details.wireLength)));
    if (details.compressed) {
        QString ratio;
        if (!details.payload.isEmpty())
            ratio = tr("%1% of the inflated size")
                        .arg(100.0 * double(details.wireLength) / double(details.payload.size()), 0, 'f', 1);
        m_tree->addRow(message, tr("Compression"),
            ratio.isEmpty() ? tr("permessage-deflate (RFC 7692)")
                            : tr("permessage-deflate (RFC 7692), %1").arg(ratio));
    } else {
        m_tree->addRow(message, tr("Compression"), tr("none"));
    }
    if (details.payloadTruncated)
        m_tree->addRow(
            message, tr("Kept"), tr("Incomplete: a limit was reached or it could not be inflated"));
    if (details.frame.headerLength >= 2) {
        QStandardItem *header = m_tree->addRow(nullptr, tr("First frame header"),
            InspectorText::byteCount(details.frame.headerLength),
            HexFormat::bytes(details.frame.rawHeader()));
        addFrameHeader(header, details.frame, details.compressed);
    }
}

void HeaderPage::addNoticeRows(const EntryDetails &details)
{
    const ConnectionNotice &notice = details.notice;
    QStandardItem *entry = m_tree->addRow(
        nullptr, tr("Notice"), tr("#%1 · %2").arg(details.id).arg(InspectorText::noticeKind(notice.kind)));
    m_tree->addRow(
        entry, tr("Time"), InspectorText::relativeTime(details.timestampNs, details.connectionStartNs));
    m_tree->addRow(entry, tr("Connection"), tr("#%1").arg(details.connectionId));
    switch (notice.kind) {
    case ConnectionNotice::Kind::StateChanged:
        m_tree->addRow(entry, tr("State"), ConnectionText::stateName(notice.state));
        if (notice.state == ConnectionState::Closed) {
            m_tree->addRow(entry, tr("Close code"), InspectorText::closeCode(notice.close.code));
            m_tree->addRow(entry, tr("Closed by"), InspectorText::closeInitiator(notice.close.initiator));
        }
        break;
    case ConnectionNotice::Kind::Handshake:
        if (notice.handshake) {
            m_tree->addRow(entry, tr("URL"), notice.handshake->url);
            m_tree->addRow(entry, tr("Result"),
                notice.handshake->accepted ? tr("Accepted") : tr("Failed: %1").arg(notice.handshake->error));
        }
        break;
    case ConnectionNotice::Kind::Tls:
        if (notice.tls) {
            m_tree->addRow(entry, tr("Protocol"), notice.tls->protocol);
            m_tree->addRow(entry, tr("Cipher"), notice.tls->cipher);
        }
        break;
    case ConnectionNotice::Kind::Violation: {
        QStandardItem *violation = m_tree->addRow(nullptr, tr("Violation"), notice.violation.message);
        addViolation(violation, notice.violation);
        break;
    }
    case ConnectionNotice::Kind::PingRoundTrip:
        m_tree->addRow(entry, tr("Round trip"), InspectorText::duration(notice.roundTripNs));
        break;
    case ConnectionNotice::Kind::Error:
    case ConnectionNotice::Kind::Info:
        break;
    }
    if (!notice.text.isEmpty())
        m_tree->addRow(entry, tr("Text"), notice.text);
}

void HeaderPage::addViolations(const Violations &violations)
{
    if (violations.isEmpty())
        return;
    QStandardItem *top = m_tree->addRow(nullptr, tr("Violations"), QString::number(violations.size()));
    m_tree->setAccent(top, InspectorPalette::Role::Bad);
    for (const Violation &violation : violations) {
        QStandardItem *item
            = m_tree->addRow(top, FrameText::rfcReference(violation.rfcSection), violation.message);
        m_tree->setAccent(
            item, violation.fatal ? InspectorPalette::Role::Bad : InspectorPalette::Role::Number);
        addViolation(item, violation);
    }
}

void HeaderPage::addViolation(QStandardItem *parent, const Violation &violation)
{
    m_tree->addRow(parent, tr("Rule"), violation.id());
    m_tree->addRow(parent, tr("RFC section"), FrameText::rfcReference(violation.rfcSection));
    m_tree->addRow(parent, tr("Close code"), InspectorText::closeCode(violation.closeCode));
    m_tree->addRow(parent, tr("Severity"),
        violation.fatal ? tr("Fatal: a compliant endpoint closes with %1").arg(violation.closeCode)
                        : tr("Reported only (a strict endpoint closes with %1)").arg(violation.closeCode));
}

} // namespace Frameline
