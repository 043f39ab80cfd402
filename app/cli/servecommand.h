#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

#include <cstdio>

namespace Frameline {

// `frameline-cli serve`: runs the local WebSocket server (ws or wss; manual, echo or broadcast) and prints
// the events of every client until SIGINT or SIGTERM, then closes every client with 1001 and exits 0.
// Exit status: 0 after a clean shutdown, 1 when it cannot listen, 2 for bad arguments.
//
// Runs its own event loop on the main thread.
class ServeCommand
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)
public:
    // `arguments` starts with the command name ("serve").
    static int run(const QStringList &arguments, FILE *out = stdout, FILE *err = stderr);
    static QString summary();
};

} // namespace Frameline
