#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace Frameline {

// JSON payloads in the composer: validation with the error's exact place, and pretty / compact forms that
// change only whitespace outside strings. Keys keep their order (duplicates included), and numbers,
// strings and escapes keep their spelling byte for byte (QJsonDocument would reorder keys and reformat
// numbers), so compact(pretty(x)) == compact(x) and pretty(compact(x)) == pretty(x).
// Pure functions on UTF-8 bytes; any thread.
class JsonInput
{
    Q_DECLARE_TR_FUNCTIONS(JsonInput)
public:
    struct Error
    {
        QString message; // translated; empty when the text is valid JSON
        qsizetype byteOffset = -1; // offset in the UTF-8 input where the parser stopped
        qsizetype position = -1; // the same place as an index in the QString of the text (UTF-16 units)
        int line = 0; // 1-based
        int column = 0; // 1-based, in characters (code points) from the start of the line
        bool isValid() const { return message.isEmpty(); }
    };

    // Checks that `utf8` is one JSON value (object, array, string, number, true, false or null) with
    // nothing but whitespace around it.
    static Error validate(QByteArrayView utf8);
    // `indent` spaces per level, one member or element per line, ": " after keys, "{}" and "[]" for
    // empty containers, no final line break. Returns an empty array (and fills *error) for invalid JSON.
    static QByteArray pretty(QByteArrayView utf8, int indent = 2, Error *error = nullptr);
    // All whitespace outside strings removed.
    static QByteArray compact(QByteArrayView utf8, Error *error = nullptr);

    // Line and column (as in Error) of a byte offset into UTF-8 text.
    static void locate(QByteArrayView utf8, qsizetype byteOffset, Error &error);

private:
    // A translated message for a QJsonParseError::ParseError; `container` is false for a top-level scalar
    // (checked inside an array, whose own errors then mean text after the value).
    static QString describe(int parseError, bool container);
};

} // namespace Frameline
