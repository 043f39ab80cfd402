#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringView>

namespace Frameline {

// Hex text in and out: reading bytes that a user pasted as hex, and writing bytes as hex lists and dumps.
//
// Stateless; any thread.
class HexFormat
{
    Q_DECLARE_TR_FUNCTIONS(HexFormat)
public:
    struct ParseResult
    {
        QByteArray bytes;
        QString error; // empty when the text was read whole
        qsizetype errorPosition = -1; // character offset of the problem in the text
        bool ok() const { return error.isEmpty(); }
    };

    // Reads hex the way people paste it: any spacing and line breaks, commas between bytes, an optional
    // 0x prefix on each group ("81 05", "0x81,0x05", "8105"). Each group must hold whole bytes, so
    // "0x5" is an error rather than a silent guess.
    static ParseResult parse(QStringView text);

    // "81 05 48 65" (lower case, one space between bytes), at most maxBytes bytes followed by "…" when cut.
    static QString bytes(QByteArrayView bytes, qsizetype maxBytes = -1);

    // Lines of `bytesPerLine` bytes separated by spaces, as the input editor shows a file.
    static QString lines(QByteArrayView bytes, int bytesPerLine = 16);

    // A classic dump: offset, 16 bytes in hex, the printable ASCII; offsets start at baseOffset.
    static QString dump(QByteArrayView bytes, qint64 baseOffset = 0);

    // One byte as eight bits in two nibbles: "1000 0001".
    static QString bits(quint8 byte);
};

} // namespace Frameline
