#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Frameline {

// The inspector's readings of a payload: text with every invalid UTF-8 byte kept visible, JSON checked
// and pretty-printed as written (key order and number spelling untouched), and the "copy as" forms.
//
// Stateless; any thread.
class PayloadFormat
{
    Q_DECLARE_TR_FUNCTIONS(PayloadFormat)
public:
    // A stretch of the payload as the text view shows it.
    struct TextRun
    {
        enum class Kind : quint8 {
            Text, // valid UTF-8, shown as decoded
            InvalidByte, // bytes that are not UTF-8, each written as \xNN
            Control, // control characters other than tab and line breaks, each written as \xNN
        };
        Kind kind = Kind::Text;
        QString text;
        qsizetype byteOffset = 0; // where the run starts in the payload
        qsizetype byteLength = 0;
    };
    // The bytes as runs. Every byte that does not belong to a valid UTF-8 sequence (RFC 3629: no
    // overlong forms, surrogates or code points above U+10FFFF) is an InvalidByte of its own.
    static QList<TextRun> textRuns(QByteArrayView bytes);
    // Length of the valid UTF-8 sequence starting at bytes[at]; 0 when the byte there starts none.
    static int utf8SequenceLength(QByteArrayView bytes, qsizetype at);

    struct JsonReading
    {
        bool valid = false;
        QByteArray pretty; // when valid
        QString error; // when not: the parser's reason
        qsizetype errorOffset = -1; // byte offset of the problem
        int errorLine = 0; // 1-based
        int errorColumn = 0; // 1-based, in bytes
    };
    // An object or array at the top (what a JSON message almost always is); anything else is reported
    // as not JSON with the parser's reason and where it stopped.
    static JsonReading readJson(QByteArrayView bytes);
    // Cheap test before a full parse: the first non-blank byte opens an object or array.
    static bool looksLikeJson(QByteArrayView bytes);
    // Re-indents valid JSON: one value per line, `indent` spaces per level, ": " after keys, empty
    // containers kept as {} and []. Strings, numbers and key order stay exactly as written.
    static QByteArray prettyJson(QByteArrayView json, int indent = 2);

    // "Copy as" forms.
    static QString asText(QByteArrayView bytes); // UTF-8 decoded; invalid bytes become U+FFFD
    static QString asHex(QByteArrayView bytes); // "48 65 6c 6c 6f"
    static QString asBase64(QByteArrayView bytes); // standard alphabet, padded
    // Valid JSON: pretty-printed; other valid UTF-8: the text as a JSON string literal; otherwise null.
    static QString asJson(QByteArrayView bytes);
};

} // namespace Frameline
