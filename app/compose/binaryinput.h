#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace Frameline {

// Turns what a user types or picks for a binary payload into bytes: hex, base64 or a file.
// Pure functions; any thread (readFile blocks on the disk, so call it off the GUI thread for large files).
class BinaryInput
{
    Q_DECLARE_TR_FUNCTIONS(BinaryInput)
public:
    static constexpr qint64 DefaultFileLimit = 64 * 1024 * 1024;

    struct Result
    {
        QByteArray bytes; // empty on error
        QString error; // translated; empty on success
        qsizetype position = -1; // index in the input text (UTF-16 units) of the offending character
        int line = 0; // 1-based line of that character (0 when the error has no position)
        int column = 0; // 1-based column, counted in characters (a surrogate pair is one)
        bool ok() const { return error.isEmpty(); }
    };

    // Hex: pairs of digits, either case. Spaces, tabs, line breaks, ':' and ',' separate groups and are
    // otherwise ignored; a group may start with "0x" or "0X". Each group holds whole bytes (an even number of
    // digits), so "de ad be ef", "deadbeef", "0xde 0xad", "de:ad:be:ef" and "0xdeadbeef" are all the same
    // four bytes. C-style escapes are read too: "\x48\x65" (each "\x" followed by exactly two digits) is
    // "He". An empty text is zero bytes.
    static Result fromHex(const QString &text);
    // Base64, standard ('+', '/') or URL-safe ('-', '_'), with or without '=' padding; whitespace and line
    // breaks anywhere are ignored. Padding, when present, must complete the last group of four.
    static Result fromBase64(const QString &text);
    // The whole file, if it exists, is a regular readable file and has at most `limit` bytes.
    static Result readFile(const QString &path, qint64 limit = DefaultFileLimit);

    // The bytes as lowercase hex, two digits per byte separated by single spaces ("de ad be ef").
    static QString toHex(QByteArrayView bytes);
};

} // namespace Frameline
