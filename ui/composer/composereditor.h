#pragma once

#include <QtCore/QList>
#include <QtCore/QtGlobal>

#include <utility>

// QScintilla's headers use the `signals` and `slots` keywords that QT_NO_KEYWORDS switches off.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qsciscintilla.h>
#undef slots
#undef signals

class QsciLexerJSON;

namespace Frameline {

// The composer's payload editor: QScintilla in the fixed-pitch font with a line-number margin, coloured from
// the widget palette (so a dark palette works): the JSON lexer in JSON style, plain text otherwise, hex
// wrapped at its spaces. An indicator (a squiggle under the text) marks the range of an input error.
// Its keys: Ctrl+Enter (either Enter key) asks to send, Ctrl+Up / Ctrl+Down ask to recall the history;
// plain Enter stays a new line. (The ComposerWidget also binds these keys composer-wide; the editor's own
// handling is for when it is used alone.)
//
// Owned by the ComposerWidget; GUI thread.
class ComposerEditor : public QsciScintilla
{
    Q_OBJECT
public:
    enum class Content : quint8 {
        Text, // no lexer, wrapped at words
        Json, // the JSON lexer, not wrapped
        Hex, // no lexer, wrapped at the spaces between bytes
        Base64, // no lexer, wrapped anywhere (base64 has no spaces)
    };

    // The Scintilla indicator numbers (above the lexers' own 0-7): the squiggle under an error, the tinted
    // box around each payload variable.
    static constexpr int ErrorIndicator = 8;
    static constexpr int VariableIndicator = 9;

    explicit ComposerEditor(QWidget *parent = nullptr);

    void setContent(Content content);
    Content content() const { return m_content; }

    // Marks `length` bytes of the UTF-8 document from `byteOffset` (at least one character; an offset at
    // the end marks the last character) and clears any earlier mark.
    void markError(qsizetype byteOffset, qsizetype length);
    void clearErrorMark();
    // The marked range in bytes, {-1, 0} when nothing is marked.
    qsizetype markedOffset() const { return m_markOffset; }
    qsizetype markedLength() const { return m_markLength; }
    // Tints these byte ranges ({offset, length}) as variables, replacing the earlier ones.
    void markVariables(const QList<std::pair<qsizetype, qsizetype>> &ranges);
    // Puts the caret at a byte offset and scrolls it into view.
    void moveCaretToByte(qsizetype byteOffset);
    // Replaces the whole text as one undoable step (unlike setText, which forgets the undo history).
    void replaceAll(const QString &text);

    QSize sizeHint() const override; // about five lines
    QSize minimumSizeHint() const override; // about two lines

Q_SIGNALS:
    void sendRequested(); // Ctrl+Enter
    void recallPreviousRequested(); // Ctrl+Up
    void recallNextRequested(); // Ctrl+Down

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void updateMarginWidth();
    int lineHeight() const;

    QsciLexerJSON *m_lexer;
    Content m_content = Content::Text;
    qsizetype m_markOffset = -1;
    qsizetype m_markLength = 0;
};

} // namespace Frameline
