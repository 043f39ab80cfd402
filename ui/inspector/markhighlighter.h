#pragma once

#include <QtCore/QList>
#include <QtGui/QPalette>
#include <QtGui/QSyntaxHighlighter>

namespace Frameline {

// Marks stretches of a read-only text document (the payload text view): bytes that are not UTF-8 get
// the mark background, control characters a quiet colour. The marks are presentation formats, like any
// syntax highlighting, so a payload with thousands of them is one plain text insert, not thousands of
// formatted fragments. Colours come from the palette given.
//
// Owned by the document it marks; GUI thread.
class MarkHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Kind : quint8 { Invalid, Control };
    struct Mark
    {
        int start = 0; // document position
        int length = 0;
        Kind kind = Kind::Invalid;
    };

    MarkHighlighter(QTextDocument *document, const QPalette &palette);

    // Set before the text: the document's next layout applies them. Marks are sorted by start.
    void setMarks(const QList<Mark> &marks);
    void setPalette(const QPalette &palette); // re-colours at once

protected:
    void highlightBlock(const QString &text) override;

private:
    QList<Mark> m_marks;
    QTextCharFormat m_invalid;
    QTextCharFormat m_control;
};

} // namespace Frameline
