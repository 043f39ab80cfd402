#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

#include <cstdio>

namespace Frameline {

// `frameline-cli info FILE [--json]`: what a session file holds — connections, frames, messages, payload
// bytes, duration and violations, in all and per connection — from one index pass over the file (no payload
// is decoded, so a file of millions of frames is summed up in about a second). The reader's warnings (a
// truncated last line, a damaged line) go to standard error, prefixed "warning: ".
// Exit status: 0 when the file was read (with or without warnings), 2 when it cannot be read as a session
// (missing, empty, not a session, a newer major version) or for bad arguments.
class InfoCommand
{
    Q_DECLARE_TR_FUNCTIONS(InfoCommand)
public:
    // `arguments` starts with the command name ("info").
    static int run(const QStringList &arguments, FILE *out = stdout, FILE *err = stderr);
    static QString summary();
};

} // namespace Frameline
