#include "ui/inspector/jsonview.h"

#include "ui/inspector/inspectorpalette.h"

#include <QtCore/QEvent>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QVBoxLayout>

// QScintilla's headers use the `signals` and `slots` keywords that QT_NO_KEYWORDS switches off.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>
#undef slots
#undef signals

namespace Frameline {

JsonView::JsonView(QWidget *parent)
    : QWidget(parent)
    , m_editor(new QsciScintilla(this))
    , m_lexer(new QsciLexerJSON(m_editor))
{
    m_editor->setObjectName(QStringLiteral("jsonEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);

    m_lexer->setFoldCompact(false);
    m_lexer->setHighlightEscapeSequences(true);
    m_editor->setLexer(m_lexer);
    m_editor->setUtf8(true);
    m_editor->setReadOnly(true);
    m_editor->setFolding(QsciScintilla::BoxedTreeFoldStyle);
    m_editor->setMarginType(0, QsciScintilla::NumberMargin);
    m_editor->setWrapMode(QsciScintilla::WrapNone);
    m_editor->setIndentationGuides(true);
    m_editor->setCaretLineVisible(false);
    m_editor->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    // The horizontal scroll bar follows the longest line shown, not Scintilla's fixed 2000 pixels.
    m_editor->SendScintilla(QsciScintilla::SCI_SETSCROLLWIDTH, 1);
    m_editor->SendScintilla(QsciScintilla::SCI_SETSCROLLWIDTHTRACKING, 1);
    applyPalette();
}

void JsonView::setContent(const QByteArray &utf8)
{
    m_editor->setReadOnly(false);
    m_editor->setText(QString::fromUtf8(utf8));
    m_editor->setReadOnly(true);
    // Room for the line numbers of the longest document shown.
    m_editor->setMarginWidth(0, QString(QString::number(m_editor->lines()).size() + 1, QLatin1Char('9')));
    m_editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, 0);
}

QString JsonView::text() const
{
    return m_editor->text();
}

void JsonView::markByteOffset(qsizetype offset)
{
    const long position = long(qMin<qsizetype>(offset, m_editor->length()));
    m_editor->SendScintilla(
        QsciScintilla::SCI_SETSEL, position, qMin<long>(position + 1, m_editor->length()));
    m_editor->SendScintilla(QsciScintilla::SCI_SCROLLCARET);
}

int JsonView::foldLevelCount() const
{
    // Scintilla styles and folds lazily, as text comes into view: finish the whole document first.
    m_editor->SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);
    int headers = 0;
    for (int line = 0; line < m_editor->lines(); ++line) {
        const long level = m_editor->SendScintilla(QsciScintilla::SCI_GETFOLDLEVEL, line);
        if (level & QsciScintilla::SC_FOLDLEVELHEADERFLAG)
            ++headers;
    }
    return headers;
}

void JsonView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

void JsonView::applyPalette()
{
    const QPalette pal = palette();
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    using Role = InspectorPalette::Role;
    InspectorPalette::applyToJsonLexer(m_lexer, pal, font);
    m_lexer->setColor(InspectorPalette::color(pal, Role::Bad), QsciLexerJSON::Error);
    m_lexer->setPaper(InspectorPalette::markBackground(pal), QsciLexerJSON::Error);

    const QColor button = pal.color(QPalette::Button);
    m_editor->setMarginsBackgroundColor(button);
    m_editor->setMarginsForegroundColor(InspectorPalette::color(pal, Role::Muted));
    m_editor->setMarginsFont(font);
    m_editor->setFoldMarginColors(button, button);
    m_editor->setCaretForegroundColor(text);
    m_editor->setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    m_editor->setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    m_editor->setMatchedBraceBackgroundColor(pal.color(QPalette::AlternateBase));
    m_editor->setMatchedBraceForegroundColor(text);
    m_editor->setIndentationGuidesForegroundColor(InspectorPalette::color(pal, Role::Muted));
    m_editor->setIndentationGuidesBackgroundColor(base);
    // Fold markers drawn in the text colour on the margin.
    for (int marker = int(QsciScintilla::SC_MARKNUM_FOLDEREND);
         marker <= int(QsciScintilla::SC_MARKNUM_FOLDEROPEN); ++marker) {
        m_editor->setMarkerForegroundColor(button, marker);
        m_editor->setMarkerBackgroundColor(InspectorPalette::color(pal, Role::Muted), marker);
    }
}

} // namespace Frameline
