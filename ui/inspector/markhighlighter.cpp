#include "ui/inspector/markhighlighter.h"

#include "ui/inspector/inspectorpalette.h"

#include <QtGui/QTextBlock>

#include <algorithm>

namespace Frameline {

MarkHighlighter::MarkHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
{
    setPalette(palette);
}

void MarkHighlighter::setMarks(const QList<Mark> &marks)
{
    m_marks = marks;
}

void MarkHighlighter::setPalette(const QPalette &palette)
{
    m_invalid = QTextCharFormat();
    m_invalid.setBackground(InspectorPalette::markBackground(palette));
    m_invalid.setForeground(InspectorPalette::markForeground(palette));
    m_control = QTextCharFormat();
    m_control.setForeground(InspectorPalette::color(palette, InspectorPalette::Role::Muted));
    if (!m_marks.isEmpty())
        rehighlight();
}

void MarkHighlighter::highlightBlock(const QString &text)
{
    const int blockStart = currentBlock().position();
    const int blockEnd = blockStart + int(text.size());
    // The first mark that ends inside or after this block.
    auto it = std::lower_bound(m_marks.cbegin(), m_marks.cend(), blockStart,
        [](const Mark &mark, int position) { return mark.start + mark.length <= position; });
    for (; it != m_marks.cend() && it->start < blockEnd; ++it) {
        const int from = qMax(it->start, blockStart);
        const int to = qMin(it->start + it->length, blockEnd);
        if (to > from)
            setFormat(from - blockStart, to - from, it->kind == Kind::Invalid ? m_invalid : m_control);
    }
}

} // namespace Frameline
