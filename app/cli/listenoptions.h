#pragma once

#include "app/net/server.h"

#include <QtCore/QCoreApplication>

QT_BEGIN_NAMESPACE
class QCommandLineOption;
class QCommandLineParser;
QT_END_NAMESPACE

namespace Frameline {

// How frameline-cli's servers listen (--host, --port, --tls with --cert and --key) and how its commands read
// a duration in seconds (--timeout), shared by `serve`, `run --serve`, `connect`, `run` and `replay` so that
// they accept the same spellings and say the same thing about them. The commands keep their own
// QCommandLineOption objects (their help texts differ); these functions read them.
//
// Stateless; main thread.
class ListenOptions
{
    Q_DECLARE_TR_FUNCTIONS(ListenOptions)
public:
    // Fills in address, port, tls, certificateFile and keyFile of *server. --cert and --key must come
    // together (neither: a self-signed certificate); the files are loaded, so a bad one is reported before
    // listening. Whether --cert/--key without --tls is an error is the caller's check (its words differ).
    // False and a message naming the option when one is wrong.
    static bool apply(const QCommandLineParser &parser, const QCommandLineOption &host,
                      const QCommandLineOption &port, const QCommandLineOption &tls,
                      const QCommandLineOption &certificate, const QCommandLineOption &key,
                      Server::Options *server, QString *error);

    // A positive number of seconds (decimals allowed) as whole milliseconds, rounded up; false and a
    // message naming `option` ("--timeout") when the text is not one.
    static bool parseSeconds(const QString &text, const QString &option, int *milliseconds, QString *error);
};

} // namespace Frameline
