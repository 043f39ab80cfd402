#include "app/cli/listenoptions.h"

#include "app/net/tlsoptions.h"

#include <QtCore/QCommandLineParser>
#include <QtNetwork/QSslConfiguration>

#include <climits>
#include <cmath>

namespace Frameline {

bool ListenOptions::apply(const QCommandLineParser &parser, const QCommandLineOption &host,
                          const QCommandLineOption &port, const QCommandLineOption &tls,
                          const QCommandLineOption &certificate, const QCommandLineOption &key,
                          Server::Options *server, QString *error)
{
    if (parser.isSet(host)) {
        const QString text = parser.value(host);
        QHostAddress address;
        if (text == QLatin1String("localhost")) {
            address = QHostAddress(QHostAddress::LocalHost);
        } else if (!address.setAddress(text)) {
            *error = tr("--host '%1' is not an IP address (or localhost)").arg(text);
            return false;
        }
        server->address = address;
    }
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value > 65535) {
            *error = tr("--port must be a number from 0 to 65535, not '%1'").arg(parser.value(port));
            return false;
        }
        server->port = quint16(value);
    }
    server->tls = parser.isSet(tls);
    if (parser.isSet(certificate) != parser.isSet(key)) {
        *error = tr("--cert and --key go together: give both, or neither for a self-signed certificate");
        return false;
    }
    server->certificateFile = parser.value(certificate);
    server->keyFile = parser.value(key);
    if (!server->certificateFile.isEmpty()) {
        QSslConfiguration configuration;
        if (!Tls::serverConfiguration(server->certificateFile, server->keyFile, &configuration, error))
            return false;
    }
    return true;
}

bool ListenOptions::parseSeconds(const QString &text, const QString &option, int *milliseconds, QString *error)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds * 1000.0 > double(INT_MAX)) {
        *error = tr("%1 must be a positive number of seconds, not '%2'").arg(option, text);
        return false;
    }
    *milliseconds = qMax(1, int(std::ceil(seconds * 1000.0)));
    return true;
}

} // namespace Frameline
