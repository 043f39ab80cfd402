#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

#include <cstdio>

namespace Frameline {

// `frameline-cli export FILE --format har|csv|json --out OUT`: writes a session file in another shape
// (SessionExport): HAR for browsers' DevTools, or the timeline (one row per frame or notice) as CSV or JSON.
// The output is written atomically; `--out -` writes to standard output. CSV and JSON are written a batch
// at a time, so a session of millions of frames never has to fit in memory; HAR groups the messages by
// connection and reads the whole session first.
// Exit status: 0 when the output was written, 1 when it cannot be written, 2 when FILE is not a session
// this version reads or for bad arguments.
class ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
public:
    // `arguments` starts with the command name ("export").
    static int run(const QStringList &arguments, FILE *out = stdout, FILE *err = stderr);
    static QString summary();
};

} // namespace Frameline
