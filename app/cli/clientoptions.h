#pragma once

#include "app/net/clientconnection.h"

#include <QtCore/QCommandLineOption>
#include <QtCore/QCoreApplication>
#include <QtCore/QList>

QT_BEGIN_NAMESPACE
class QCommandLineParser;
QT_END_NAMESPACE

namespace Frameline {

// The command-line options that say how frameline-cli dials a WebSocket server (headers, Origin,
// subprotocols, permessage-deflate, TLS, proxy) and how strict the engine is with the peer (strict or
// lenient, largest message, keepalive pings), shared by `connect` and `run` so that both accept the same
// spellings, check them the same way and say the same thing about them.
//
// A value type the command builds next to its QCommandLineParser; main thread.
class ClientOptions
{
    Q_DECLARE_TR_FUNCTIONS(ClientOptions)
public:
    ClientOptions();

    // -H/--header, --origin, --subprotocol, --deflate and the wss and proxy options, in --help order.
    QList<QCommandLineOption> dialOptions() const;
    // --strict, --lenient, --max-message, --ping-interval.
    QList<QCommandLineOption> engineOptions() const;
    // Whether the user gave any of dialOptions().
    bool anyDialOptionSet(const QCommandLineParser &parser) const;

    // Fills in *options (whose url is already set) from the dial options; false and a message naming the
    // option when one is wrong. Checks TLS files by loading them, so a bad file is reported before dialling.
    bool applyDialOptions(
        const QCommandLineParser &parser, ClientConnection::Options *options, QString *error) const;
    // Fills in *settings from the engine options; false and a message when one is wrong.
    bool applyEngineOptions(
        const QCommandLineParser &parser, Connection::Settings *settings, QString *error) const;

    const QCommandLineOption header;
    const QCommandLineOption origin;
    const QCommandLineOption subprotocol;
    const QCommandLineOption deflate;
    const QCommandLineOption insecure;
    const QCommandLineOption caFile;
    const QCommandLineOption certificate;
    const QCommandLineOption key;
    const QCommandLineOption pkcs12;
    const QCommandLineOption pkcs12Password;
    const QCommandLineOption proxy;
    const QCommandLineOption strict;
    const QCommandLineOption lenient;
    const QCommandLineOption maxMessage;
    const QCommandLineOption pingInterval;
};

} // namespace Frameline
