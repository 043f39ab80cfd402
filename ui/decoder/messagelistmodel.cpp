#include "ui/decoder/messagelistmodel.h"

#include "ui/decoder/frametext.h"

#include <QtWidgets/QApplication>
#include <QtWidgets/QStyle>

namespace Frameline {

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_errorIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical))
    , m_warningIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning))
{ }

void MessageListModel::setMessages(QList<Message> messages)
{
    beginResetModel();
    m_messages = std::move(messages);
    endResetModel();
}

void MessageListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    Q_EMIT layoutAboutToBeChanged();
    Q_EMIT layoutChanged();
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MessageListModel::displayText(const Message &message, int column) const
{
    switch (column) {
    case IndexColumn:
        return QString::number(message.index);
    case OffsetColumn:
        return QString::number(message.streamOffset);
    case OpcodeColumn:
        return FrameText::opcode(message.opcode);
    case FramesColumn:
        return FrameText::frameIndexes(message.frameIndexes);
    case LengthColumn:
        return QString::number(message.payload.size());
    case WireLengthColumn:
        return QString::number(message.wireLength);
    case CompressedColumn:
        return message.compressed ? tr("yes") : tr("no");
    case PayloadColumn:
        return FrameText::messagePreview(message);
    case ViolationsColumn:
        return FrameText::violationSummary(message.violations);
    default:
        return QString();
    }
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Message &message = m_messages.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(message, column);
    case Qt::ToolTipRole:
        if (column == ViolationsColumn && !message.violations.isEmpty())
            return FrameText::violationList(message.violations);
        if (column == PayloadColumn)
            return FrameText::messagePreview(message);
        return QVariant();
    case Qt::DecorationRole:
        if (column == IndexColumn) {
            switch (FrameText::severity(message.violations)) {
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
        case WireLengthColumn:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant();
        }
    case SeverityRole:
        return int(FrameText::severity(message.violations));
    default:
        return QVariant();
    }
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IndexColumn:
            return QStringLiteral("#");
        case OffsetColumn:
            return tr("Offset");
        case OpcodeColumn:
            return tr("Opcode");
        case FramesColumn:
            return tr("Frames");
        case LengthColumn:
            return tr("Length");
        case WireLengthColumn:
            return tr("On the wire");
        case CompressedColumn:
            return tr("Compressed");
        case PayloadColumn:
            return tr("Payload");
        case ViolationsColumn:
            return tr("Violations");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case IndexColumn:
            return tr("Message number in the stream, from 0");
        case FramesColumn:
            return tr("The data frames that carried the message");
        case LengthColumn:
            return tr("Length of the message as the application sees it (inflated), in bytes");
        case WireLengthColumn:
            return tr("Sum of the frames' payload lengths on the wire, in bytes");
        case CompressedColumn:
            return tr("Sent compressed with permessage-deflate (RFC 7692)");
        case ViolationsColumn:
            return tr("Protocol violations: RFC section, close code, explanation");
        default:
            break;
        }
    }
    return QVariant();
}

} // namespace Frameline
