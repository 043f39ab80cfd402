#include "ui/composer/composereditor.h"

#include "ui/inspector/inspectorpalette.h"

#include <QtCore/QEvent>
#include <QtGui/QFontDatabase>
#include <QtGui/QKeyEvent>

#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qscilexerjson.h>
#undef slots
#undef signals

namespace Frameline {

ComposerEditor::ComposerEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_lexer(new QsciLexerJSON(this))
{
    setUtf8(true);
    setEolMode(QsciScintilla::EolUnix);
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginWidth(1, 0); // no symbol margin
    setTabWidth(2);
    setIndentationsUseTabs(false);
    setAutoIndent(true);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setCaretLineVisible(false);
    setWrapVisualFlags(QsciScintilla::WrapFlagNone);
    m_lexer->setFoldCompact(false);
    m_lexer->setHighlightEscapeSequences(true);
    // The horizontal scroll bar follows the longest line, not Scintilla's fixed 2000 pixels.
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, 1);

    indicatorDefine(QsciScintilla::SquiggleIndicator, ErrorIndicator);
    setIndicatorDrawUnder(false, ErrorIndicator);
    indicatorDefine(QsciScintilla::StraightBoxIndicator, VariableIndicator);
    setIndicatorDrawUnder(true, VariableIndicator);

    connect(this, &QsciScintilla::linesChanged, this, &ComposerEditor::updateMarginWidth);
    setContent(Content::Text);
}

void ComposerEditor::setContent(Content content)
{
    m_content = content;
    if (content == Content::Json) {
        if (lexer() != m_lexer)
            setLexer(m_lexer);
    } else if (lexer()) {
        setLexer(nullptr);
    }
    switch (content) {
    case Content::Text:
        setWrapMode(QsciScintilla::WrapWord);
        break;
    case Content::Json:
        setWrapMode(QsciScintilla::WrapNone);
        break;
    case Content::Hex:
        setWrapMode(QsciScintilla::WrapWhitespace);
        break;
    case Content::Base64:
        setWrapMode(QsciScintilla::WrapCharacter);
        break;
    }
    applyPalette();
}

void ComposerEditor::markError(qsizetype byteOffset, qsizetype length)
{
    clearErrorMark();
    const qsizetype size = SendScintilla(SCI_GETLENGTH);
    if (size <= 0 || byteOffset < 0)
        return;
    qsizetype start = qMin(byteOffset, size);
    if (start == size) // an error at the very end (the text stops too early): mark the last character
        start = SendScintilla(SCI_POSITIONBEFORE, static_cast<unsigned long>(start));
    qsizetype end = qMin(size, start + qMax<qsizetype>(length, 1));
    // Whole characters: a UTF-8 sequence is marked entirely.
    end = qMax(end, qsizetype(SendScintilla(SCI_POSITIONAFTER, static_cast<unsigned long>(start))));
    end = qMin(end, size);
    m_markOffset = start;
    m_markLength = end - start;
    SendScintilla(SCI_SETINDICATORCURRENT, ErrorIndicator);
    SendScintilla(SCI_INDICATORFILLRANGE, static_cast<unsigned long>(start), long(end - start));
}

void ComposerEditor::clearErrorMark()
{
    SendScintilla(SCI_SETINDICATORCURRENT, ErrorIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0ul, SendScintilla(SCI_GETLENGTH));
    m_markOffset = -1;
    m_markLength = 0;
}

void ComposerEditor::markVariables(const QList<std::pair<qsizetype, qsizetype>> &ranges)
{
    const long size = SendScintilla(SCI_GETLENGTH);
    SendScintilla(SCI_SETINDICATORCURRENT, VariableIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0ul, size);
    for (const auto &[offset, length] : ranges) {
        if (offset >= 0 && offset + length <= size)
            SendScintilla(SCI_INDICATORFILLRANGE, static_cast<unsigned long>(offset), long(length));
    }
}

void ComposerEditor::moveCaretToByte(qsizetype byteOffset)
{
    const qsizetype size = SendScintilla(SCI_GETLENGTH);
    SendScintilla(SCI_GOTOPOS, static_cast<unsigned long>(qBound<qsizetype>(0, byteOffset, size)));
}

void ComposerEditor::replaceAll(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    SendScintilla(SCI_BEGINUNDOACTION);
    SendScintilla(SCI_TARGETWHOLEDOCUMENT);
    SendScintilla(SCI_REPLACETARGET, static_cast<unsigned long>(utf8.size()), utf8.constData());
    SendScintilla(SCI_ENDUNDOACTION);
    // The caret at the start, and the view scrolled back to the first column (a long compact line left it
    // scrolled far to the right).
    SendScintilla(SCI_GOTOPOS, 0);
    SendScintilla(SCI_SETXOFFSET, 0);
}

int ComposerEditor::lineHeight() const
{
    const int height = int(const_cast<ComposerEditor *>(this)->SendScintilla(SCI_TEXTHEIGHT, 0));
    return height > 0 ? height : fontMetrics().height();
}

QSize ComposerEditor::sizeHint() const
{
    return QSize(480, 5 * lineHeight() + 2 * frameWidth() + 4);
}

QSize ComposerEditor::minimumSizeHint() const
{
    return QSize(120, 2 * lineHeight() + 2 * frameWidth() + 4);
}

void ComposerEditor::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    if (modifiers == Qt::ControlModifier) {
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            event->accept();
            Q_EMIT sendRequested();
            return;
        }
        if (key == Qt::Key_Up) {
            event->accept();
            Q_EMIT recallPreviousRequested();
            return;
        }
        if (key == Qt::Key_Down) {
            event->accept();
            Q_EMIT recallNextRequested();
            return;
        }
    }
    QsciScintilla::keyPressEvent(event);
}

void ComposerEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

void ComposerEditor::updateMarginWidth()
{
    InspectorPalette::fitLineNumberMargin(this);
}

void ComposerEditor::applyPalette()
{
    const QPalette pal = palette();
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    using Role = InspectorPalette::Role;

    InspectorPalette::applyToJsonLexer(m_lexer, pal, font);
    // The live check marks errors itself; the lexer's own error style would colour differently.
    m_lexer->setColor(text, QsciLexerJSON::Error);

    // Without a lexer these set Scintilla's plain style (and are what it goes back to when the lexer is
    // removed); with one they are ignored.
    setFont(font);
    setColor(text);
    setPaper(base);

    InspectorPalette::applyToEditor(this, pal, font);
    setIndicatorForegroundColor(InspectorPalette::color(pal, Role::Bad), ErrorIndicator);
    // setIndicatorForegroundColor takes the box's fill opacity from the colour's alpha.
    QColor variable = InspectorPalette::color(pal, Role::Keyword);
    variable.setAlpha(45);
    setIndicatorForegroundColor(variable, VariableIndicator);
    SendScintilla(SCI_INDICSETOUTLINEALPHA, VariableIndicator, 110);
    updateMarginWidth();
}

} // namespace Frameline
