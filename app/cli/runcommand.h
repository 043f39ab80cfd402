#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

#include <cstdio>

namespace Frameline {

// `frameline-cli run SCRIPT.js`: runs a JavaScript scenario (ScriptRunner, docs/scripting.md) headless,
// either as a client against --url or as a mock server with --serve, prints the script's log as it
// happens and a pass/fail summary at the end. Exit status: 0 when every assertion held, 1 when one
// failed, 2 for an error in the script (syntax, uncaught exception, busy loop, timeout) or in the
// arguments and input (unreadable script, bad URL, no connection), 128 + the signal number when a client
// run was interrupted by SIGINT or SIGTERM.
//
// Runs its own event loop on the main thread; the script's engine runs in the ScriptRunner's thread.
class RunCommand
{
    Q_DECLARE_TR_FUNCTIONS(RunCommand)
public:
    // `arguments` starts with the command name ("run").
    static int run(const QStringList &arguments, FILE *out = stdout, FILE *err = stderr);
    static QString summary();
};

} // namespace Frameline
