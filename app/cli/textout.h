#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <cstdio>

namespace Frameline {

// Writes `text` as UTF-8 to a standard stream of the command-line tool and flushes it, so that lines
// reach a pipe or a terminal in order with the other stream's.
inline void writeText(FILE *to, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), to);
    std::fflush(to);
}

} // namespace Frameline
