#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

#include <cstdio>

namespace Frameline {

// `frameline-cli import FILE.har --out FILE`: turns the WebSocket entries of a HAR file (as Chrome or
// Firefox DevTools save it) into a session file, one connection per entry (HarImport); entries that are
// not WebSockets are skipped with a warning on standard error. The session is saved atomically.
// Exit status: 0 when the session was written, 1 when it cannot be written, 2 for a file that is not HAR,
// a HAR without any WebSocket entry, or bad arguments.
class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
public:
    // `arguments` starts with the command name ("import").
    static int run(const QStringList &arguments, FILE *out = stdout, FILE *err = stderr);
    static QString summary();
};

} // namespace Frameline
