#include "ui/session/comparemodel.h"

#include "app/protocol/opcode.h"
#include "ui/widgets/celltext.h"
#include "ui/widgets/colors.h"
#include "ui/widgets/hexformat.h"

#include <QtGui/QGuiApplication>

namespace Frameline {

namespace {

constexpr int PreviewLimit = 200;

} // namespace

CompareModel::CompareModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_palette(QGuiApplication::palette())
{ }

void CompareModel::setResult(const Compare::Result &result)
{
    beginResetModel();
    m_result = result;
    endResetModel();
}

const Compare::Pair *CompareModel::pair(int row) const
{
    if (row < 0 || row >= m_result.pairs.size())
        return nullptr;
    return &m_result.pairs.at(row);
}

void CompareModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (!m_result.pairs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), { Qt::BackgroundRole });
}

QString CompareModel::outcomeName(Compare::Outcome outcome)
{
    switch (outcome) {
    case Compare::Outcome::Equal:
        return tr("Equal");
    case Compare::Outcome::Different:
        return tr("Different");
    case Compare::Outcome::Missing:
        return tr("Missing");
    case Compare::Outcome::Extra:
        return tr("Extra");
    }
    return QString();
}

QString CompareModel::summaryLine(const Compare::Result &result)
{
    return tr("%1 equal, %2 different, %3 missing, %4 extra — %5")
        .arg(result.equal)
        .arg(result.different)
        .arg(result.missing)
        .arg(result.extra)
        .arg(result.passed() ? tr("PASS") : tr("FAIL"));
}

int CompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.pairs.size());
}

int CompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CompareModel::preview(const std::optional<Message> &message) const
{
    if (!message)
        return QString();
    if (message->opcode == quint8(Opcode::Text) && CellText::isPrintableText(message->payload)) {
        const QByteArray head = message->payload.left(PreviewLimit * 4);
        return CellText::escapedLine(
            QString::fromUtf8(head), PreviewLimit, head.size() < message->payload.size());
    }
    const QByteArray head = message->payload.left(PreviewLimit / 3);
    QString hex = HexFormat::bytes(head);
    if (head.size() < message->payload.size())
        hex += QChar(0x2026);
    return tr("binary, %1 B: %2").arg(message->payload.size()).arg(hex);
}

QString CompareModel::difference(const Compare::Pair &pair) const
{
    switch (pair.outcome) {
    case Compare::Outcome::Equal:
        return QString();
    case Compare::Outcome::Missing:
        return tr("not received by the replay");
    case Compare::Outcome::Extra:
        return tr("not in the recording");
    case Compare::Outcome::Different:
        break;
    }
    switch (pair.difference) {
    case Compare::Difference::None:
        return QString();
    case Compare::Difference::Opcode:
        return tr("%1 against %2")
            .arg(opcodeName(pair.recorded ? pair.recorded->opcode : 0),
                opcodeName(pair.replayed ? pair.replayed->opcode : 0));
    case Compare::Difference::Json: {
        QStringList paths;
        for (const Compare::JsonDifference &difference : pair.jsonDifferences)
            paths.append(difference.path);
        return paths.join(QStringLiteral(", "));
    }
    case Compare::Difference::Text:
        return tr("text from character %1").arg(pair.offset);
    case Compare::Difference::Binary:
        return tr("bytes from offset %1").arg(pair.offset);
    }
    return QString();
}

QVariant CompareModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Compare::Pair &pair = m_result.pairs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return QString::number(pair.index + 1);
        case OutcomeColumn:
            return outcomeName(pair.outcome);
        case RecordedColumn:
            return pair.recorded ? preview(pair.recorded) : tr("(none)");
        case ReplayedColumn:
            return pair.replayed ? preview(pair.replayed) : tr("(none)");
        case DifferenceColumn:
            return difference(pair);
        }
        break;
    case Qt::ToolTipRole:
        return pair.explanation.isEmpty() ? QVariant() : QVariant(pair.explanation);
    case Qt::BackgroundRole: {
        const QColor base = m_palette.color(QPalette::Base);
        switch (pair.outcome) {
        case Compare::Outcome::Equal:
            return QVariant();
        case Compare::Outcome::Different:
            return Colors::mix(base, QColor(0xd0, 0x46, 0x3c), 0.18);
        case Compare::Outcome::Missing:
            return Colors::mix(base, QColor(0xe0, 0x9a, 0x20), 0.20);
        case Compare::Outcome::Extra:
            return Colors::mix(base, QColor(0x3c, 0x7a, 0xd0), 0.18);
        }
        break;
    }
    case Qt::ForegroundRole:
        if ((index.column() == RecordedColumn && !pair.recorded)
            || (index.column() == ReplayedColumn && !pair.replayed))
            return m_palette.color(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        break;
    case OutcomeRole:
        return int(pair.outcome);
    default:
        break;
    }
    return QVariant();
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("#");
    case OutcomeColumn:
        return tr("Outcome");
    case RecordedColumn:
        return tr("Recorded");
    case ReplayedColumn:
        return tr("Replayed");
    case DifferenceColumn:
        return tr("Difference");
    }
    return QVariant();
}

} // namespace Frameline
