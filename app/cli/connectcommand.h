#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

#include <cstdio>

namespace Frameline {

// `frameline-cli connect URL`: opens a ws:// or wss:// connection, sends the messages given on the command
// line (and, with --interactive, one text message per line of standard input), and prints every event of
// the connection until it ends. Exit status: 0 after a clean close, 1 when the connection failed (never
// opened, closed abnormally or with an error code), 2 for bad arguments.
//
// Runs its own event loop on the main thread; stateless between runs.
class ConnectCommand
{
    Q_DECLARE_TR_FUNCTIONS(ConnectCommand)
public:
    // `arguments` starts with the command name ("connect").
    static int run(const QStringList &arguments, FILE *out = stdout, FILE *err = stderr);
    static QString summary();
};

} // namespace Frameline
