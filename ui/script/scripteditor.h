#pragma once

#include <QtCore/QMap>
#include <QtCore/QString>

// QScintilla's headers use the `signals` and `slots` keywords that QT_NO_KEYWORDS switches off.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qsciscintilla.h>
#undef slots
#undef signals

class QsciAPIs;
class QsciLexerJavaScript;

namespace Frameline {

// The script editor of a ScriptPanel: QScintilla with the JavaScript lexer coloured from the widget palette
// (the script API's globals - ws, sleep, expect, ... - in a colour of their own), line numbers, completion
// of the API (scriptApi()) with its signatures as call tips, and error marks: a symbol in the margin of
// each line with a problem (a syntax error, an uncaught exception, a failed assertion) and a squiggle under
// the place it points at. Hovering a marked line shows its message.
//
// Owned by its ScriptPanel; GUI thread.
class ScriptEditor : public QsciScintilla
{
    Q_OBJECT
public:
    // Scintilla's numbers (above the lexers' own indicators 0-7 and the markers QScintilla uses).
    static constexpr int ErrorIndicator = 8;
    static constexpr int ErrorMarker = 1;
    static constexpr int SymbolMargin = 1;

    explicit ScriptEditor(QWidget *parent = nullptr);

    // Marks `line` (1-based) in the margin and squiggles from `column` (1-based; 0: the line's text from its
    // first non-blank) to the end of the word there (the rest of the line when it is not a word). Marks add
    // up until clearErrorMarks(); `message` is what hovering the line shows.
    void markError(int line, int column, const QString &message);
    void clearErrorMarks();
    // The marked lines (1-based) with their messages.
    QMap<int, QString> errorMarks() const { return m_marks; }
    // The squiggled range of `line` (1-based) in characters from the line's start ({-1, 0}: none).
    std::pair<int, int> squiggleOnLine(int line) const;

    // Puts the caret at `line`:`column` (1-based; column 0: the line's first non-blank), scrolls it into
    // view and gives the editor the focus.
    void goToLine(int line, int column = 0);
    // Replaces the whole text as one undoable step (unlike setText, which forgets the undo history).
    void replaceAll(const QString &text);

    // The completion list and call tips come from these entries ("ws.send(textOrObject)").
    QsciAPIs *apis() const { return m_apis; }
    // The API's completion list is ready (it is prepared in the background once).
    bool apisPrepared() const { return m_apisPrepared; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void updateMarginWidth();
    void onDwellStart(int position, int x, int y);

    QsciLexerJavaScript *m_lexer;
    QsciAPIs *m_apis;
    bool m_apisPrepared = false;
    QMap<int, QString> m_marks;
};

} // namespace Frameline
