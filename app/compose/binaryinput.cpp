#include "app/compose/binaryinput.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>

using namespace Qt::StringLiterals;

namespace Frameline {

namespace {

int hexValue(QChar c)
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

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

// Fills the line and column of text[position].
void locate(const QString &text, qsizetype position, BinaryInput::Result &result)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < position && i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            ++line;
            column = 1;
        } else if (c == u'\r') {
            // "\r\n" counts once, at its '\n'; a lone '\r' is a line break of its own.
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                continue;
            ++line;
            column = 1;
        } else if (!c.isLowSurrogate() || i == 0 || !text.at(i - 1).isHighSurrogate()) {
            ++column;
        }
    }
    result.position = position;
    result.line = line;
    result.column = column;
}

// The character at `position` as the user sees it, quoted, or a description for invisible ones.
QString describe(const QString &text, qsizetype position)
{
    const QChar c = text.at(position);
    if (c.isHighSurrogate() && position + 1 < text.size())
        return u"\""_s + text.mid(position, 2) + u"\""_s;
    if (c.isPrint())
        return u"\""_s + c + u"\""_s;
    return QStringLiteral("U+%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

BinaryInput::Result BinaryInput::fromHex(const QString &text)
{
    Result result;
    QByteArray out;
    out.reserve(text.size() / 2);
    const qsizetype size = text.size();
    qsizetype i = 0;
    const auto fail = [&](qsizetype position, const QString &message) {
        result.error = message;
        locate(text, position, result);
        return result;
    };
    while (i < size) {
        const QChar c = text.at(i);
        if (isSpace(c) || c == u':' || c == u',') {
            ++i;
            continue;
        }
        // A C-style escape: "\x48\x65" (each \x followed by exactly two hex digits, no separator needed).
        if (c == u'\\') {
            if (i + 1 >= size || (text.at(i + 1) != u'x' && text.at(i + 1) != u'X'))
                return fail(i, tr("\"\\\" must start an escape \"\\x\" followed by two hex digits"));
            if (i + 3 >= size || hexValue(text.at(i + 2)) < 0 || hexValue(text.at(i + 3)) < 0) {
                const qsizetype bad = i + 2 < size && hexValue(text.at(i + 2)) < 0 ? i + 2 : i + 3;
                if (bad < size)
                    return fail(bad, tr("%1 is not a hex digit").arg(describe(text, bad)));
                return fail(i, tr("\"\\x\" is not followed by two hex digits"));
            }
            out.append(char((hexValue(text.at(i + 2)) << 4) | hexValue(text.at(i + 3))));
            i += 4;
            continue;
        }
        // One group: an optional 0x and pairs of digits, up to the next separator.
        const qsizetype groupStart = i;
        if (c == u'0' && i + 1 < size && (text.at(i + 1) == u'x' || text.at(i + 1) == u'X')) {
            i += 2;
            if (i >= size || hexValue(text.at(i)) < 0) {
                if (i < size && !isSpace(text.at(i)) && text.at(i) != u':' && text.at(i) != u',')
                    return fail(i, tr("%1 is not a hex digit").arg(describe(text, i)));
                return fail(groupStart, tr("\"0x\" is not followed by hex digits"));
            }
        }
        int high = -1;
        while (i < size) {
            const QChar d = text.at(i);
            if (isSpace(d) || d == u':' || d == u',' || d == u'\\')
                break;
            const int value = hexValue(d);
            if (value < 0)
                return fail(i, tr("%1 is not a hex digit").arg(describe(text, i)));
            if (high < 0) {
                high = value;
            } else {
                out.append(char((high << 4) | value));
                high = -1;
            }
            ++i;
        }
        if (high >= 0)
            return fail(i - 1,
                tr("The group \"%1\" has an odd number of hex digits; every byte needs two")
                    .arg(text.mid(groupStart, i - groupStart)));
    }
    result.bytes = std::move(out);
    return result;
}

BinaryInput::Result BinaryInput::fromBase64(const QString &text)
{
    Result result;
    const auto fail = [&](qsizetype position, const QString &message) {
        result.error = message;
        locate(text, position, result);
        return result;
    };
    QByteArray out;
    out.reserve(text.size() * 3 / 4);
    quint32 accumulator = 0;
    int count = 0; // sextets in the current group of four
    qsizetype lastSymbol = -1;
    qsizetype firstPad = -1;
    int pads = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (isSpace(c))
            continue;
        if (c == u'=') {
            if (firstPad < 0)
                firstPad = i;
            ++pads;
            if (pads > 2)
                return fail(i, tr("Too much '=' padding: a base64 group ends with at most two"));
            continue;
        }
        const char16_t u = c.unicode();
        int value = -1;
        if (u >= u'A' && u <= u'Z')
            value = u - u'A';
        else if (u >= u'a' && u <= u'z')
            value = u - u'a' + 26;
        else if (u >= u'0' && u <= u'9')
            value = u - u'0' + 52;
        else if (u == u'+' || u == u'-')
            value = 62;
        else if (u == u'/' || u == u'_')
            value = 63;
        if (value < 0)
            return fail(i, tr("%1 is not a base64 character").arg(describe(text, i)));
        if (firstPad >= 0)
            return fail(i, tr("Base64 data after the '=' padding"));
        accumulator = (accumulator << 6) | quint32(value);
        lastSymbol = i;
        if (++count == 4) {
            out.append(char((accumulator >> 16) & 0xFF));
            out.append(char((accumulator >> 8) & 0xFF));
            out.append(char(accumulator & 0xFF));
            accumulator = 0;
            count = 0;
        }
    }
    if (count == 1)
        return fail(lastSymbol,
            tr("The base64 text ends with a single character in its last group of four, "
               "which cannot encode a byte"));
    if (pads > 0 && count + pads != 4)
        return fail(firstPad,
            tr("The '=' padding does not complete the last group of four characters "
               "(%1 data characters need %2)")
                .arg(count == 0 ? 4 : count)
                .arg(count == 0 ? 0 : 4 - count));
    if (count == 2) {
        out.append(char((accumulator >> 4) & 0xFF));
    } else if (count == 3) {
        out.append(char((accumulator >> 10) & 0xFF));
        out.append(char((accumulator >> 2) & 0xFF));
    }
    result.bytes = std::move(out);
    return result;
}

BinaryInput::Result BinaryInput::readFile(const QString &path, qint64 limit)
{
    Result result;
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!info.exists()) {
        result.error = tr("The file %1 does not exist").arg(shown);
        return result;
    }
    if (!info.isFile()) {
        result.error = tr("%1 is not a regular file").arg(shown);
        return result;
    }
    if (info.size() > limit) {
        const QLocale locale;
        result.error = tr("The file %1 has %2 bytes, over the limit of %3 bytes")
                           .arg(shown, locale.toString(info.size()), locale.toString(limit));
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = tr("The file %1 cannot be read: %2").arg(shown, file.errorString());
        return result;
    }
    // Read at most one byte past the limit, in case the file grew since it was measured.
    QByteArray bytes = file.read(limit + 1);
    if (file.error() != QFileDevice::NoError) {
        result.error = tr("The file %1 cannot be read: %2").arg(shown, file.errorString());
        return result;
    }
    if (bytes.size() > limit) {
        const QLocale locale;
        result.error
            = tr("The file %1 has more than %2 bytes, over the limit").arg(shown, locale.toString(limit));
        return result;
    }
    result.bytes = std::move(bytes);
    return result;
}

QString BinaryInput::toHex(QByteArrayView bytes)
{
    return QString::fromLatin1(QByteArray(bytes.data(), bytes.size()).toHex(' '));
}

} // namespace Frameline
