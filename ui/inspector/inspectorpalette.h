#pragma once

#include <QtGui/QColor>
#include <QtGui/QFont>
#include <QtGui/QPalette>

class QsciLexerJSON;
class QsciScintilla;

namespace Frameline {

// The inspector's accent colours (syntax colouring, marks for invalid bytes, match / mismatch), all
// derived from the widget palette: each has a hue of its own and a lightness that contrasts with the
// palette's base colour, so the same code reads well in light and dark themes.
//
// Stateless; GUI thread (palettes are GUI objects).
class InspectorPalette
{
public:
    enum class Role : quint8 {
        Key, // JSON property names, HTTP header names
        String, // JSON strings
        Number, // JSON numbers
        Keyword, // true, false, null; the HTTP start line
        Operator, // JSON punctuation
        Good, // a check that passed
        Bad, // a check that failed
        Muted, // offsets, notes
    };

    static QColor color(const QPalette &palette, Role role);
    // Background for bytes that are not what they should be (invalid UTF-8).
    static QColor markBackground(const QPalette &palette);
    // Text on markBackground().
    static QColor markForeground(const QPalette &palette);
    static bool isDark(const QPalette &palette);

    // Colours a QScintilla JSON lexer with these roles on the palette's base, in `font`, for every style
    // but QsciLexerJSON::Error, which each editor styles for its own use.
    static void applyToJsonLexer(QsciLexerJSON *lexer, const QPalette &palette, const QFont &font);
    // The parts of a QScintilla editor every one of ours colours alike: the margins (in `font`), caret,
    // selection and brace matching.
    static void applyToEditor(QsciScintilla *editor, const QPalette &palette, const QFont &font);
    // Widens margin 0 for the largest line number, and at least two digits so it does not jump at line 10.
    static void fitLineNumberMargin(QsciScintilla *editor);
};

} // namespace Frameline
