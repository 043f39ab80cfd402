#include "ui/inspector/inspectorpalette.h"

#include "ui/widgets/colors.h"

// QScintilla's headers use the `signals` and `slots` keywords that QT_NO_KEYWORDS switches off.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>
#undef slots
#undef signals

namespace Frameline {

namespace {

// A colour of the given hue that stands out against the palette's base: dark text on a light base,
// light text on a dark one.
QColor contrasting(const QPalette &palette, int hue, int saturation)
{
    return QColor::fromHsl(hue, saturation, InspectorPalette::isDark(palette) ? 180 : 85);
}

} // namespace

bool InspectorPalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor InspectorPalette::color(const QPalette &palette, Role role)
{
    switch (role) {
    case Role::Key:
        return contrasting(palette, 210, 200);
    case Role::String:
        return contrasting(palette, 120, 150);
    case Role::Number:
        return contrasting(palette, 30, 200);
    case Role::Keyword:
        return contrasting(palette, 285, 150);
    case Role::Operator:
        return palette.color(QPalette::Text);
    case Role::Good:
        return contrasting(palette, 130, 160);
    case Role::Bad:
        return contrasting(palette, 0, 200);
    case Role::Muted:
        return Colors::mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
    }
    return palette.color(QPalette::Text);
}

QColor InspectorPalette::markBackground(const QPalette &palette)
{
    return Colors::mix(palette.color(QPalette::Base), QColor::fromHsl(0, 220, 128), isDark(palette) ? 0.45 : 0.3);
}

QColor InspectorPalette::markForeground(const QPalette &palette)
{
    return palette.color(QPalette::Text);
}

void InspectorPalette::applyToJsonLexer(QsciLexerJSON *lexer, const QPalette &palette, const QFont &font)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    lexer->setDefaultFont(font);
    lexer->setFont(font, -1);
    lexer->setDefaultPaper(base);
    lexer->setPaper(base, -1);
    lexer->setDefaultColor(text);
    lexer->setColor(text, -1);
    lexer->setColor(color(palette, Role::Number), QsciLexerJSON::Number);
    lexer->setColor(color(palette, Role::String), QsciLexerJSON::String);
    lexer->setColor(color(palette, Role::Bad), QsciLexerJSON::UnclosedString);
    lexer->setColor(color(palette, Role::Key), QsciLexerJSON::Property);
    lexer->setColor(color(palette, Role::Keyword), QsciLexerJSON::EscapeSequence);
    lexer->setColor(color(palette, Role::Muted), QsciLexerJSON::CommentLine);
    lexer->setColor(color(palette, Role::Muted), QsciLexerJSON::CommentBlock);
    lexer->setColor(color(palette, Role::Operator), QsciLexerJSON::Operator);
    lexer->setColor(color(palette, Role::Keyword), QsciLexerJSON::Keyword);
    lexer->setColor(color(palette, Role::Keyword), QsciLexerJSON::KeywordLD);
    lexer->setColor(color(palette, Role::String), QsciLexerJSON::IRI);
    lexer->setColor(color(palette, Role::String), QsciLexerJSON::IRICompact);
}

void InspectorPalette::applyToEditor(QsciScintilla *editor, const QPalette &palette, const QFont &font)
{
    const QColor text = palette.color(QPalette::Text);
    editor->setMarginsBackgroundColor(palette.color(QPalette::Button));
    editor->setMarginsForegroundColor(color(palette, Role::Muted));
    editor->setMarginsFont(font);
    editor->setCaretForegroundColor(text);
    editor->setSelectionBackgroundColor(palette.color(QPalette::Highlight));
    editor->setSelectionForegroundColor(palette.color(QPalette::HighlightedText));
    editor->setMatchedBraceBackgroundColor(palette.color(QPalette::AlternateBase));
    editor->setMatchedBraceForegroundColor(text);
    editor->setUnmatchedBraceForegroundColor(color(palette, Role::Bad));
}

void InspectorPalette::fitLineNumberMargin(QsciScintilla *editor)
{
    const int digits = qMax(2, int(QString::number(editor->lines()).size()));
    editor->setMarginWidth(0, QString(digits + 1, QLatin1Char('9')));
}

} // namespace Frameline
