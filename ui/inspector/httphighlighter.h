#pragma once

#include <QtGui/QPalette>
#include <QtGui/QSyntaxHighlighter>

namespace Frameline {

// Colours an HTTP message head in a text document: the start line, each header's name, and nothing in
// the body after the blank line. Colours come from the palette given (setPalette re-colours).
//
// Owned by the document it highlights; GUI thread.
class HttpHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit HttpHighlighter(QTextDocument *document, const QPalette &palette);
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum BlockState { StartLine = 0, HeaderLine = 1, Body = 2 };
    QTextCharFormat m_startLine;
    QTextCharFormat m_name;
    QTextCharFormat m_colon;
};

} // namespace Frameline
