#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QString>

namespace Frameline {

// Builds one JSON object as a single line, keys in the order they are added (QJsonObject sorts them,
// and the CLI's output and session files should read in the order their documentation gives). Fast
// enough to print millions of frames: it appends to one buffer and escapes UTF-8 bytes directly.
// Shared by frameline-cli's JSON output and the session file writer (SessionFormat).
class JsonLine
{
public:
    JsonLine &add(QByteArrayView key, bool value);
    JsonLine &add(QByteArrayView key, int value) { return add(key, qint64(value)); }
    JsonLine &add(QByteArrayView key, qint64 value);
    JsonLine &add(QByteArrayView key, quint64 value);
    JsonLine &add(QByteArrayView key, const QString &value);
    JsonLine &addUtf8(QByteArrayView key, QByteArrayView validUtf8);
    JsonLine &addNull(QByteArrayView key);
    // A value that is already JSON (an array or a nested object).
    JsonLine &addRaw(QByteArrayView key, QByteArrayView json);

    // The object as a line, with the closing brace and a newline.
    QByteArray toLine() const;
    // The object without the newline (to nest it in an array).
    QByteArray toObject() const;
    // Appends the line (closing brace and newline) to `out`, without a temporary.
    void appendLineTo(QByteArray &out) const;

    // Appends `utf8` as a JSON string (quotes included) to `out`.
    static void appendString(QByteArray &out, QByteArrayView utf8);

private:
    void appendKey(QByteArrayView key);
    QByteArray m_out = initialBuffer();
    // Room for a typical line up front, so it does not grow in many small steps.
    static QByteArray initialBuffer()
    {
        QByteArray out;
        out.reserve(256);
        out.append('{');
        return out;
    }
};

} // namespace Frameline
