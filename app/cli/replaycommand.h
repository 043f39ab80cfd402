#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

#include <cstdio>

namespace Frameline {

// `frameline-cli replay FILE`: plays a recorded connection of a session file again. As a client (the
// default): dials the recorded URL (or --url) with the recorded handshake, sends the recorded messages
// (or --frames: the exact frames) paced as recorded, --speed times as fast, --fast or --step by step,
// optionally waiting for the recorded replies, and with --compare checks what came back against the
// recording. With --serve: a mock server that answers every client with the recorded server side.
// Exit status: 0 when the replay completed (and, with --compare, everything matched), 1 when it did not
// (or something differed), 2 for bad input (a file that cannot be read, no connection to replay, a bad
// URL or option).
//
// Runs its own event loop on the main thread.
class ReplayCommand
{
    Q_DECLARE_TR_FUNCTIONS(ReplayCommand)
public:
    // `arguments` starts with the command name ("replay").
    static int run(const QStringList &arguments, FILE *out = stdout, FILE *err = stderr);
    static QString summary();
};

} // namespace Frameline
