#include "ui/script/scripteditor.h"

#include "app/script/scriptrunner.h"
#include "ui/inspector/inspectorpalette.h"

#include <QtCore/QEvent>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QToolTip>

#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qsciapis.h>
#include <Qsci/qscilexerjavascript.h>
#undef slots
#undef signals

namespace Frameline {

namespace {

// The JavaScript lexer with the script API's globals as its "global classes" (keyword set 4), so that
// `ws`, `sleep` or `expect` read as the API they are.
class ScriptLexer : public QsciLexerJavaScript
{
public:
    explicit ScriptLexer(QObject *parent)
        : QsciLexerJavaScript(parent)
    {
        QStringList globals;
        const QList<ScriptApiEntry> api = scriptApi();
        for (const ScriptApiEntry &entry : api) {
            const QString global = entry.name.section(QLatin1Char('.'), 0, 0);
            if (!global.isEmpty() && !globals.contains(global))
                globals.append(global);
        }
        for (const QString &global : { QStringLiteral("console"), QStringLiteral("JSON"),
                 QStringLiteral("Math"), QStringLiteral("Promise") }) {
            if (!globals.contains(global))
                globals.append(global);
        }
        m_globals = globals.join(QLatin1Char(' ')).toLatin1();
    }

    // "ws.send": the API's names are words separated by dots, so that after "ws." the completion offers
    // what follows "ws." and inserts only that.
    QStringList autoCompletionWordSeparators() const override { return { QStringLiteral(".") }; }

    const char *keywords(int set) const override
    {
        if (set == 4)
            return m_globals.constData();
        return QsciLexerJavaScript::keywords(set);
    }

private:
    QByteArray m_globals;
};

} // namespace

ScriptEditor::ScriptEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_lexer(new ScriptLexer(this))
    , m_apis(new QsciAPIs(m_lexer))
{
    setUtf8(true);
    setEolMode(QsciScintilla::EolUnix);
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginType(SymbolMargin, QsciScintilla::SymbolMargin);
    setMarginWidth(SymbolMargin, 14);
    setMarginSensitivity(SymbolMargin, false);
    setMarginMarkerMask(SymbolMargin, 1 << ErrorMarker);
    markerDefine(QsciScintilla::Circle, ErrorMarker);
    setTabWidth(2);
    setIndentationsUseTabs(false);
    setIndentationGuides(false);
    setAutoIndent(true);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setWrapMode(QsciScintilla::WrapNone);
    setFolding(QsciScintilla::NoFoldStyle);
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, 1);

    m_lexer->setFoldComments(false);
    m_lexer->setFoldCompact(false);
    setLexer(m_lexer);

    // Completion of the API's names (and of the words already in the script), with the signature as a
    // call tip once the parenthesis is typed.
    const QList<ScriptApiEntry> api = scriptApi();
    for (const ScriptApiEntry &entry : api)
        m_apis->add(entry.signature.isEmpty() ? entry.name : entry.signature);
    connect(m_apis, &QsciAPIs::apiPreparationFinished, this, [this] { m_apisPrepared = true; });
    m_apis->prepare();
    setAutoCompletionSource(QsciScintilla::AcsAll);
    setAutoCompletionThreshold(2);
    setAutoCompletionCaseSensitivity(true);
    setAutoCompletionReplaceWord(false);
    setAutoCompletionUseSingle(QsciScintilla::AcusNever);
    setCallTipsStyle(QsciScintilla::CallTipsContext);
    setCallTipsVisible(0);

    indicatorDefine(QsciScintilla::SquiggleIndicator, ErrorIndicator);
    setIndicatorDrawUnder(false, ErrorIndicator);

    SendScintilla(SCI_SETMOUSEDWELLTIME, 500);
    connect(this, &QsciScintilla::SCN_DWELLSTART, this, &ScriptEditor::onDwellStart);
    connect(this, &QsciScintilla::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
    connect(this, &QsciScintilla::linesChanged, this, &ScriptEditor::updateMarginWidth);
    applyPalette();
}

void ScriptEditor::markError(int line, int column, const QString &message)
{
    if (line < 1)
        return;
    if (line > lines()) {
        // The engine places an error found at the end of the text (an unclosed block) on the line after
        // the last one: mark the last line, where the text ends.
        line = lines();
        column = 0;
    }
    const int lineIndex = line - 1;
    if (!m_marks.contains(line))
        markerAdd(lineIndex, ErrorMarker);
    QString &text = m_marks[line];
    if (!text.isEmpty() && !message.isEmpty())
        text += QLatin1Char('\n');
    text += message;

    // From the column to the end of the word that starts there (an identifier, a number), or to the end
    // of the line; column 0: the whole line without its indentation.
    const QString lineText = this->text(lineIndex).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    int start = column > 0 ? qMin(column - 1, int(lineText.size())) : 0;
    if (column <= 0) {
        while (start < lineText.size() && lineText.at(start).isSpace())
            ++start;
    }
    int end = start;
    const auto isWord
        = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$'); };
    if (column > 0 && start < lineText.size() && isWord(lineText.at(start))) {
        while (end < lineText.size() && isWord(lineText.at(end)))
            ++end;
    } else {
        end = int(lineText.size());
        while (end > start && lineText.at(end - 1).isSpace())
            --end;
    }
    if (end <= start) { // nothing to underline from there (the end of the line): its last character
        start = qMax(0, int(lineText.size()) - 1);
        end = int(lineText.size());
    }
    if (end > start) // an empty line keeps only the margin mark
        fillIndicatorRange(lineIndex, start, lineIndex, end, ErrorIndicator);
}

void ScriptEditor::clearErrorMarks()
{
    markerDeleteAll(ErrorMarker);
    SendScintilla(SCI_SETINDICATORCURRENT, ErrorIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0ul, SendScintilla(SCI_GETLENGTH));
    m_marks.clear();
}

std::pair<int, int> ScriptEditor::squiggleOnLine(int line) const
{
    auto *self = const_cast<ScriptEditor *>(this);
    if (line < 1 || line > lines())
        return { -1, 0 };
    const long lineStart = self->SendScintilla(SCI_POSITIONFROMLINE, static_cast<unsigned long>(line - 1));
    const long lineEnd = self->SendScintilla(SCI_GETLINEENDPOSITION, static_cast<unsigned long>(line - 1));
    long start = -1;
    long end = -1;
    for (long position = lineStart; position <= lineEnd; ++position) {
        const bool marked
            = self->SendScintilla(SCI_INDICATORVALUEAT, ErrorIndicator, static_cast<unsigned long>(position))
            != 0;
        if (marked && start < 0)
            start = position;
        if (marked)
            end = position + 1;
    }
    if (start < 0)
        return { -1, 0 };
    int startLine = 0;
    int startIndex = 0;
    int endLine = 0;
    int endIndex = 0;
    self->lineIndexFromPosition(int(start), &startLine, &startIndex);
    self->lineIndexFromPosition(int(end), &endLine, &endIndex);
    return { startIndex, endIndex - startIndex };
}

void ScriptEditor::goToLine(int line, int column)
{
    if (line < 1)
        return;
    const int lineIndex = qMin(line, lines()) - 1;
    int index = column - 1;
    if (column <= 0) {
        const QString lineText = text(lineIndex);
        index = 0;
        while (index < lineText.size()
            && (lineText.at(index) == QLatin1Char(' ') || lineText.at(index) == QLatin1Char('\t')))
            ++index;
    }
    setCursorPosition(lineIndex, qMax(0, index));
    ensureLineVisible(lineIndex);
    setFocus(Qt::OtherFocusReason);
}

void ScriptEditor::replaceAll(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    SendScintilla(SCI_BEGINUNDOACTION);
    SendScintilla(SCI_TARGETWHOLEDOCUMENT);
    SendScintilla(SCI_REPLACETARGET, static_cast<unsigned long>(utf8.size()), utf8.constData());
    SendScintilla(SCI_ENDUNDOACTION);
    SendScintilla(SCI_GOTOPOS, 0);
    SendScintilla(SCI_SETXOFFSET, 0);
}

void ScriptEditor::onDwellStart(int position, int x, int y)
{
    if (position < 0)
        return;
    int line = 0;
    int index = 0;
    lineIndexFromPosition(position, &line, &index);
    const auto it = m_marks.constFind(line + 1);
    if (it == m_marks.constEnd() || it->isEmpty())
        return;
    QToolTip::showText(viewport()->mapToGlobal(QPoint(x, y)), *it, viewport());
}

void ScriptEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

void ScriptEditor::updateMarginWidth()
{
    InspectorPalette::fitLineNumberMargin(this);
}

void ScriptEditor::applyPalette()
{
    const QPalette pal = palette();
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    using Role = InspectorPalette::Role;

    m_lexer->setDefaultFont(font);
    m_lexer->setFont(font, -1);
    m_lexer->setDefaultPaper(base);
    m_lexer->setPaper(base, -1);
    m_lexer->setDefaultColor(text);
    m_lexer->setColor(text, -1);
    const QColor comment = InspectorPalette::color(pal, Role::Muted);
    for (int style : { QsciLexerCPP::Comment, QsciLexerCPP::CommentLine, QsciLexerCPP::CommentDoc,
             QsciLexerCPP::CommentLineDoc, QsciLexerCPP::CommentDocKeyword,
             QsciLexerCPP::CommentDocKeywordError, QsciLexerCPP::TaskMarker })
        m_lexer->setColor(comment, style);
    m_lexer->setColor(InspectorPalette::color(pal, Role::Number), QsciLexerCPP::Number);
    m_lexer->setColor(InspectorPalette::color(pal, Role::Keyword), QsciLexerCPP::Keyword);
    const QColor string = InspectorPalette::color(pal, Role::String);
    for (int style :
        { QsciLexerCPP::DoubleQuotedString, QsciLexerCPP::SingleQuotedString, QsciLexerCPP::RawString,
            QsciLexerCPP::VerbatimString, QsciLexerCPP::Regex, QsciLexerCPP::EscapeSequence })
        m_lexer->setColor(string, style);
    m_lexer->setColor(InspectorPalette::color(pal, Role::Bad), QsciLexerCPP::UnclosedString);
    m_lexer->setPaper(base, QsciLexerCPP::UnclosedString);
    m_lexer->setEolFill(false, QsciLexerCPP::UnclosedString);
    m_lexer->setColor(InspectorPalette::color(pal, Role::Operator), QsciLexerCPP::Operator);
    m_lexer->setColor(text, QsciLexerCPP::Identifier);
    m_lexer->setColor(InspectorPalette::color(pal, Role::Key), QsciLexerCPP::GlobalClass);
    QFont bold = font;
    bold.setBold(true);
    m_lexer->setFont(bold, QsciLexerCPP::Keyword);

    InspectorPalette::applyToEditor(this, pal, font);
    const QColor bad = InspectorPalette::color(pal, Role::Bad);
    setIndicatorForegroundColor(bad, ErrorIndicator);
    setMarkerBackgroundColor(bad, ErrorMarker);
    setMarkerForegroundColor(bad, ErrorMarker);
    setCallTipsBackgroundColor(pal.color(QPalette::ToolTipBase));
    setCallTipsForegroundColor(pal.color(QPalette::ToolTipText));
    setCallTipsHighlightColor(InspectorPalette::color(pal, Role::Key));
    updateMarginWidth();
}

} // namespace Frameline
