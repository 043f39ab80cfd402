#include "ui/inspector/payloadformat.h"

#include "app/protocol/utf8validator.h"
#include "ui/widgets/hexformat.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonParseError>
#include <QtCore/QJsonValue>

#include <algorithm>

namespace Frameline {

namespace {

bool isControl(quint8 byte)
{
    return (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F;
}

QString escapedBytes(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size() * 4);
    static constexpr char digits[] = "0123456789ABCDEF";
    for (const char c : bytes) {
        out += QStringLiteral("\\x");
        out += QLatin1Char(digits[quint8(c) >> 4]);
        out += QLatin1Char(digits[quint8(c) & 0xF]);
    }
    return out;
}

bool isJsonBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

int PayloadFormat::utf8SequenceLength(QByteArrayView bytes, qsizetype at)
{
    const auto byte = [&](qsizetype i) { return quint8(bytes[i]); };
    const quint8 lead = byte(at);
    if (lead < 0x80)
        return 1;
    // RFC 3629 §4: the second byte's range depends on the lead byte (no overlongs, no surrogates, nothing
    // above U+10FFFF); the others are plain continuation bytes.
    int length = 0;
    quint8 low = 0x80;
    quint8 high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    if (at + length > bytes.size())
        return 0;
    if (byte(at + 1) < low || byte(at + 1) > high)
        return 0;
    for (int i = 2; i < length; ++i) {
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF)
            return 0;
    }
    return length;
}

QList<PayloadFormat::TextRun> PayloadFormat::textRuns(QByteArrayView bytes)
{
    QList<TextRun> runs;
    const auto flush = [&](TextRun::Kind kind, qsizetype start, qsizetype end) {
        if (end <= start)
            return;
        const QByteArrayView piece = bytes.sliced(start, end - start);
        TextRun run;
        run.kind = kind;
        run.text = kind == TextRun::Kind::Text ? QString::fromUtf8(piece) : escapedBytes(piece);
        run.byteOffset = start;
        run.byteLength = end - start;
        runs.append(run);
    };

    // Most payloads are valid: one check over the whole buffer saves the walk below.
    if (Utf8Validator::isValid(bytes)
        && std::none_of(bytes.begin(), bytes.end(), [](char c) { return isControl(quint8(c)); })) {
        flush(TextRun::Kind::Text, 0, bytes.size());
        return runs;
    }

    qsizetype runStart = 0;
    TextRun::Kind runKind = TextRun::Kind::Text;
    qsizetype i = 0;
    while (i < bytes.size()) {
        const int length = utf8SequenceLength(bytes, i);
        TextRun::Kind kind = TextRun::Kind::Text;
        if (length == 0)
            kind = TextRun::Kind::InvalidByte;
        else if (length == 1 && isControl(quint8(bytes[i])))
            kind = TextRun::Kind::Control;
        if (kind != runKind) {
            flush(runKind, runStart, i);
            runStart = i;
            runKind = kind;
        }
        i += qMax(length, 1);
    }
    flush(runKind, runStart, bytes.size());
    return runs;
}

bool PayloadFormat::looksLikeJson(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (isJsonBlank(c))
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

PayloadFormat::JsonReading PayloadFormat::readJson(QByteArrayView bytes)
{
    JsonReading reading;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (error.error == QJsonParseError::NoError && !document.isNull()) {
        reading.valid = true;
        reading.pretty = prettyJson(bytes);
        return reading;
    }
    reading.error = error.errorString();
    reading.errorOffset = std::clamp<qsizetype>(error.offset, 0, bytes.size());
    reading.errorLine = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < reading.errorOffset; ++i) {
        if (bytes[i] == '\n') {
            ++reading.errorLine;
            lineStart = i + 1;
        }
    }
    reading.errorColumn = int(reading.errorOffset - lineStart) + 1;
    return reading;
}

QByteArray PayloadFormat::prettyJson(QByteArrayView json, int indent)
{
    QByteArray out;
    out.reserve(json.size() + json.size() / 2);
    int depth = 0;
    const auto newLine = [&] {
        out += '\n';
        out.append(qsizetype(depth) * indent, ' ');
    };
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = json[i];
        if (c == '"') {
            // Copy the string as written, escapes included.
            const qsizetype start = i++;
            while (i < n && json[i] != '"')
                i += json[i] == '\\' ? 2 : 1;
            out += json.sliced(start, qMin(i, n - 1) - start + 1);
            continue;
        }
        if (isJsonBlank(c))
            continue;
        switch (c) {
        case '{':
        case '[': {
            qsizetype next = i + 1;
            while (next < n && isJsonBlank(json[next]))
                ++next;
            if (next < n && json[next] == (c == '{' ? '}' : ']')) {
                out += c;
                out += json[next];
                i = next;
                break;
            }
            out += c;
            ++depth;
            newLine();
            break;
        }
        case '}':
        case ']':
            --depth;
            newLine();
            out += c;
            break;
        case ',':
            out += c;
            newLine();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString PayloadFormat::asText(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes);
}

QString PayloadFormat::asHex(QByteArrayView bytes)
{
    return HexFormat::bytes(bytes);
}

QString PayloadFormat::asBase64(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toBase64());
}

QString PayloadFormat::asJson(QByteArrayView bytes)
{
    if (!Utf8Validator::isValid(bytes))
        return QString();
    if (looksLikeJson(bytes)) {
        const JsonReading reading = readJson(bytes);
        if (reading.valid)
            return QString::fromUtf8(reading.pretty);
    }
    // A JSON string literal: an array of one string, written compactly, without its brackets.
    const QByteArray array
        = QJsonDocument(QJsonArray { QJsonValue(QString::fromUtf8(bytes)) }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.sliced(1, array.size() - 2));
}

} // namespace Frameline
