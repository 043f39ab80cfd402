#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

#include <cstdio>

namespace Frameline {

// `frameline-cli decode`: decodes a raw WebSocket byte stream (the bytes after the handshake) from hex,
// a file or standard input, and prints one JSON object per frame, per message and at the end.
// Exit status: 0 clean stream, 1 stream with violations, 2 bad input or arguments.
class DecodeCommand
{
    Q_DECLARE_TR_FUNCTIONS(DecodeCommand)
public:
    // `arguments` starts with the command name ("decode").
    static int run(const QStringList &arguments, FILE *out = stdout, FILE *err = stderr);
    static QString summary();
};

} // namespace Frameline
