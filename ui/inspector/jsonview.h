#pragma once

#include <QtCore/QByteArray>
#include <QtWidgets/QWidget>

class QsciScintilla;
class QsciLexerJSON;

namespace Frameline {

// A read-only JSON editor for the payload page: QScintilla with its JSON lexer, folding and line
// numbers, coloured from the widget palette (re-coloured when the palette changes, so dark mode works).
//
// Owned by its parent widget; GUI thread. Keeps QScintilla's headers out of everyone else's.
class JsonView : public QWidget
{
    Q_OBJECT
public:
    explicit JsonView(QWidget *parent = nullptr);

    // The UTF-8 text to show (pretty-printed JSON, or the raw payload when it is not JSON).
    void setContent(const QByteArray &utf8);
    QString text() const;
    // Puts the caret on the byte where a parse failed and scrolls to it.
    void markByteOffset(qsizetype offset);
    int foldLevelCount() const; // lines that start a fold (containers over more than one line)

    QsciScintilla *editor() const { return m_editor; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QsciScintilla *m_editor;
    QsciLexerJSON *m_lexer;
};

} // namespace Frameline
