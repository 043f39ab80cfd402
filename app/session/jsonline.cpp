#include "app/session/jsonline.h"

#include <charconv>
#include <cstring>

namespace Frameline {

void JsonLine::appendString(QByteArray &out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = quint8(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.sliced(plainFrom, i - plainFrom));
        plainFrom = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default: {
            const char escaped[] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF] };
            out.append(escaped, 6);
        }
        }
    }
    out.append(utf8.sliced(plainFrom));
    out.append('"');
}

void JsonLine::appendKey(QByteArrayView key)
{
    // One resize and one copy instead of four appends: keys are a good part of a line.
    const qsizetype at = m_out.size();
    const bool comma = at > 1;
    m_out.resize(at + (comma ? 1 : 0) + key.size() + 3);
    char *out = m_out.data() + at;
    if (comma)
        *out++ = ',';
    *out++ = '"';
    std::memcpy(out, key.data(), size_t(key.size()));
    out += key.size();
    *out++ = '"';
    *out = ':';
}

JsonLine &JsonLine::add(QByteArrayView key, bool value)
{
    appendKey(key);
    if (value)
        m_out.append("true", 4);
    else
        m_out.append("false", 5);
    return *this;
}

JsonLine &JsonLine::add(QByteArrayView key, qint64 value)
{
    appendKey(key);
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    m_out.append(digits, end - digits);
    return *this;
}

JsonLine &JsonLine::add(QByteArrayView key, quint64 value)
{
    appendKey(key);
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    m_out.append(digits, end - digits);
    return *this;
}

JsonLine &JsonLine::add(QByteArrayView key, const QString &value)
{
    appendKey(key);
    appendString(m_out, value.toUtf8());
    return *this;
}

JsonLine &JsonLine::addUtf8(QByteArrayView key, QByteArrayView validUtf8)
{
    appendKey(key);
    appendString(m_out, validUtf8);
    return *this;
}

JsonLine &JsonLine::addNull(QByteArrayView key)
{
    appendKey(key);
    m_out.append("null");
    return *this;
}

JsonLine &JsonLine::addRaw(QByteArrayView key, QByteArrayView json)
{
    appendKey(key);
    m_out.append(json);
    return *this;
}

QByteArray JsonLine::toObject() const
{
    return m_out + '}';
}

void JsonLine::appendLineTo(QByteArray &out) const
{
    out.append(m_out);
    out.append("}\n", 2);
}

QByteArray JsonLine::toLine() const
{
    return m_out + "}\n";
}

} // namespace Frameline
