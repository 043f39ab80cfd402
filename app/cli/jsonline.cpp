#include "app/cli/jsonline.h"

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
    if (m_out.size() > 1)
        m_out.append(',');
    m_out.append('"');
    m_out.append(key);
    m_out.append("\":");
}

JsonLine &JsonLine::add(QByteArrayView key, bool value)
{
    appendKey(key);
    m_out.append(value ? "true" : "false");
    return *this;
}

JsonLine &JsonLine::add(QByteArrayView key, qint64 value)
{
    appendKey(key);
    m_out.append(QByteArray::number(value));
    return *this;
}

JsonLine &JsonLine::add(QByteArrayView key, quint64 value)
{
    appendKey(key);
    m_out.append(QByteArray::number(value));
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

QByteArray JsonLine::toLine() const
{
    return m_out + "}\n";
}

} // namespace Frameline
