#include "ui/widgets/hexformat.h"

namespace Frameline {

namespace {

int hexDigitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

bool isSeparator(QChar c)
{
    return c.isSpace() || c == QLatin1Char(',');
}

constexpr char s_hexDigits[] = "0123456789abcdef";

void appendHexByte(QString &out, quint8 byte)
{
    out += QLatin1Char(s_hexDigits[byte >> 4]);
    out += QLatin1Char(s_hexDigits[byte & 0xF]);
}

} // namespace

HexFormat::ParseResult HexFormat::parse(QStringView text)
{
    ParseResult result;
    result.bytes.reserve(text.size() / 2);
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (isSeparator(text[i])) {
            ++i;
            continue;
        }
        // A group: an optional 0x prefix, then hex digits up to the next separator.
        const qsizetype groupStart = i;
        if (i + 1 < n && text[i] == QLatin1Char('0')
            && (text[i + 1] == QLatin1Char('x') || text[i + 1] == QLatin1Char('X')))
            i += 2;
        const qsizetype digitsStart = i;
        while (i < n && !isSeparator(text[i])) {
            if (hexDigitValue(text[i]) < 0) {
                result.error = tr("“%1” is not a hex digit").arg(text[i]);
                result.errorPosition = i;
                result.bytes.clear();
                return result;
            }
            ++i;
        }
        const qsizetype digits = i - digitsStart;
        if (digits == 0 || digits % 2 != 0) {
            result.error = digits == 0
                ? tr("“%1” has no hex digits after the prefix").arg(text.mid(groupStart, i - groupStart))
                : tr("“%1” has an odd number of hex digits; write every byte as two digits")
                      .arg(text.mid(groupStart, qMin<qsizetype>(i - groupStart, 24)));
            result.errorPosition = groupStart;
            result.bytes.clear();
            return result;
        }
        for (qsizetype d = digitsStart; d < i; d += 2)
            result.bytes.append(char(hexDigitValue(text[d]) << 4 | hexDigitValue(text[d + 1])));
    }
    return result;
}

QString HexFormat::bytes(QByteArrayView bytes, qsizetype maxBytes)
{
    const bool cut = maxBytes >= 0 && bytes.size() > maxBytes;
    const qsizetype count = cut ? maxBytes : bytes.size();
    QString out;
    out.reserve(count * 3 + 2);
    for (qsizetype i = 0; i < count; ++i) {
        if (i > 0)
            out += QLatin1Char(' ');
        appendHexByte(out, quint8(bytes[i]));
    }
    if (cut)
        out += QStringLiteral(" …");
    return out;
}

QString HexFormat::lines(QByteArrayView bytes, int bytesPerLine)
{
    QString out;
    out.reserve(bytes.size() * 3);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            out += (i % bytesPerLine == 0) ? QLatin1Char('\n') : QLatin1Char(' ');
        appendHexByte(out, quint8(bytes[i]));
    }
    return out;
}

QString HexFormat::dump(QByteArrayView bytes, qint64 baseOffset)
{
    constexpr int perLine = 16;
    QString out;
    out.reserve((bytes.size() / perLine + 1) * 78);
    for (qsizetype line = 0; line < bytes.size(); line += perLine) {
        if (line > 0)
            out += QLatin1Char('\n');
        out += QStringLiteral("%1  ").arg(baseOffset + line, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (int i = 0; i < perLine; ++i) {
            if (i == 8)
                out += QLatin1Char(' ');
            if (line + i < bytes.size()) {
                const quint8 byte = quint8(bytes[line + i]);
                appendHexByte(out, byte);
                out += QLatin1Char(' ');
                ascii += (byte >= 0x20 && byte < 0x7F) ? QLatin1Char(char(byte)) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
        }
        out += QLatin1Char(' ') + ascii;
    }
    return out;
}

QString HexFormat::bits(quint8 byte)
{
    QString out;
    for (int bit = 7; bit >= 0; --bit) {
        out += (byte >> bit) & 1 ? QLatin1Char('1') : QLatin1Char('0');
        if (bit == 4)
            out += QLatin1Char(' ');
    }
    return out;
}

} // namespace Frameline
