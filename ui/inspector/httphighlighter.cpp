#include "ui/inspector/httphighlighter.h"

#include "ui/inspector/inspectorpalette.h"

namespace Frameline {

HttpHighlighter::HttpHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
{
    setPalette(palette);
}

void HttpHighlighter::setPalette(const QPalette &palette)
{
    m_startLine = QTextCharFormat();
    m_startLine.setFontWeight(QFont::Bold);
    m_startLine.setForeground(InspectorPalette::color(palette, InspectorPalette::Role::Keyword));
    m_name = QTextCharFormat();
    m_name.setFontWeight(QFont::Bold);
    m_name.setForeground(InspectorPalette::color(palette, InspectorPalette::Role::Key));
    m_colon = QTextCharFormat();
    m_colon.setForeground(InspectorPalette::color(palette, InspectorPalette::Role::Muted));
    rehighlight();
}

void HttpHighlighter::highlightBlock(const QString &text)
{
    const int previous = previousBlockState();
    if (previous == -1 && currentBlock().blockNumber() == 0) {
        setFormat(0, int(text.size()), m_startLine);
        setCurrentBlockState(HeaderLine);
        return;
    }
    if (previous == Body || text.isEmpty()) {
        setCurrentBlockState(Body);
        return;
    }
    setCurrentBlockState(HeaderLine);
    // A line that starts with white space continues the previous field (obs-fold, RFC 7230 §3.2.4).
    if (text.front().isSpace())
        return;
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon > 0) {
        setFormat(0, int(colon), m_name);
        setFormat(int(colon), 1, m_colon);
    }
}

} // namespace Frameline
