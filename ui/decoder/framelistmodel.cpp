#include "ui/decoder/framelistmodel.h"

#include "ui/decoder/frametext.h"
#include "ui/widgets/hexformat.h"

#include <QtWidgets/QApplication>
#include <QtWidgets/QStyle>

namespace Frameline {

namespace {

QString bit(bool value)
{
    return value ? QStringLiteral("1") : QStringLiteral("0");
}

} // namespace

FrameListModel::FrameListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_errorIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical))
    , m_warningIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning))
{ }

void FrameListModel::setFrames(QList<FrameRecord> frames)
{
    beginResetModel();
    m_frames = std::move(frames);
    endResetModel();
}

void FrameListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    Q_EMIT layoutAboutToBeChanged();
    Q_EMIT layoutChanged();
}

int FrameListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_frames.size());
}

int FrameListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FrameListModel::displayText(const FrameRecord &record, int column) const
{
    const Frame &frame = record.frame;
    switch (column) {
    case IndexColumn:
        return QString::number(frame.index);
    case OffsetColumn:
        return QString::number(frame.streamOffset);
    case FinColumn:
        return bit(frame.fin);
    case Rsv1Column:
        return bit(frame.rsv1);
    case Rsv2Column:
        return bit(frame.rsv2);
    case Rsv3Column:
        return bit(frame.rsv3);
    case OpcodeColumn:
        return FrameText::opcode(frame.opcode);
    case MaskColumn:
        return bit(frame.masked);
    case MaskingKeyColumn:
        return frame.masked
            ? HexFormat::bytes(QByteArrayView(
                reinterpret_cast<const char *>(frame.maskingKey.data()), qsizetype(frame.maskingKey.size())))
            : QString();
    case LengthColumn:
        return QString::number(frame.payloadLength);
    case LengthFormColumn:
        return FrameText::lengthForm(frame.lengthForm);
    case PayloadColumn:
        return FrameText::framePreview(record);
    case ViolationsColumn:
        return FrameText::violationSummary(frame.violations);
    default:
        return QString();
    }
}

QVariant FrameListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const FrameRecord &record = m_frames.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(record, column);
    case Qt::ToolTipRole:
        if (column == ViolationsColumn && !record.frame.violations.isEmpty())
            return FrameText::violationList(record.frame.violations);
        if (column == PayloadColumn)
            return FrameText::framePreview(record);
        return QVariant();
    case Qt::DecorationRole:
        if (column == IndexColumn) {
            switch (FrameText::severity(record.frame.violations)) {
            case Severity::Error:
                return m_errorIcon;
            case Severity::Warning:
                return m_warningIcon;
            case Severity::None:
                break;
            }
        }
        return QVariant();
    case Qt::TextAlignmentRole:
        switch (column) {
        case IndexColumn:
        case OffsetColumn:
        case LengthColumn:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        case FinColumn:
        case Rsv1Column:
        case Rsv2Column:
        case Rsv3Column:
        case MaskColumn:
            return QVariant(Qt::AlignHCenter | Qt::AlignVCenter);
        default:
            return QVariant();
        }
    case SeverityRole:
        return int(FrameText::severity(record.frame.violations));
    default:
        return QVariant();
    }
}

QVariant FrameListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IndexColumn:
            return QStringLiteral("#");
        case OffsetColumn:
            return tr("Offset");
        case FinColumn:
            return QStringLiteral("FIN");
        case Rsv1Column:
            return QStringLiteral("RSV1");
        case Rsv2Column:
            return QStringLiteral("RSV2");
        case Rsv3Column:
            return QStringLiteral("RSV3");
        case OpcodeColumn:
            return tr("Opcode");
        case MaskColumn:
            return QStringLiteral("MASK");
        case MaskingKeyColumn:
            return tr("Masking key");
        case LengthColumn:
            return tr("Length");
        case LengthFormColumn:
            return tr("Length form");
        case PayloadColumn:
            return tr("Payload");
        case ViolationsColumn:
            return tr("Violations");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case IndexColumn:
            return tr("Frame number in the stream, from 0");
        case OffsetColumn:
            return tr("Offset of the frame's first header byte in the stream");
        case FinColumn:
            return tr("FIN bit: the final frame of a message");
        case Rsv1Column:
        case Rsv2Column:
        case Rsv3Column:
            return tr("Reserved bit; only a negotiated extension may set it (RSV1: permessage-deflate)");
        case MaskColumn:
            return tr("MASK bit: the payload is masked (every client frame must be)");
        case LengthColumn:
            return tr("Payload length as declared in the header, in bytes");
        case LengthFormColumn:
            return tr("How the length was written: 7-bit, or 126 + 16-bit, or 127 + 64-bit");
        case ViolationsColumn:
            return tr("Protocol violations: RFC section, close code, explanation");
        default:
            break;
        }
    }
    return QVariant();
}

} // namespace Frameline
