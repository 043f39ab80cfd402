#include "ui/decoder/violationdelegate.h"

#include "ui/decoder/frametext.h"
#include "ui/widgets/colors.h"

#include <QtGui/QColor>
#include <QtGui/QPalette>

namespace Frameline {

ViolationDelegate::ViolationDelegate(int severityRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_severityRole(severityRole)
{ }

void ViolationDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto severity = Severity(index.data(m_severityRole).toInt());
    if (severity == Severity::None)
        return;
    const bool alternate = option->features & QStyleOptionViewItem::Alternate;
    const QColor base = option->palette.color(alternate ? QPalette::AlternateBase : QPalette::Base);
    // A mid red / amber keeps its hue against both a light and a dark base; a quarter of it is enough to
    // mark the row without fighting the text colour.
    const QColor tint = severity == Severity::Error ? QColor(0xe0, 0x3c, 0x31) : QColor(0xe6, 0xa2, 0x17);
    option->backgroundBrush = Colors::mix(base, tint, 0.25);
}

} // namespace Frameline
