#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QCommandLineParser>
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

// Writes a command's --help text. QCommandLineParser names the program as it was started; the usage line
// names the command instead ("frameline-cli connect").
inline void writeCommandHelp(FILE *to, const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const qsizetype usageEnd = text.indexOf(QLatin1String(" [options]"));
    if (text.startsWith(QLatin1String("Usage: ")) && usageEnd > 0)
        text.replace(7, usageEnd - 7, command);
    writeText(to, text);
}

} // namespace Frameline
