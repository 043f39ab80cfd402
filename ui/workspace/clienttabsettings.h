#pragma once

#include "app/net/clientconnection.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

#include <optional>

namespace Frameline {

// Everything a client tab remembers about the connection it makes: the URL and the request settings
// (headers, subprotocols, permessage-deflate, timeouts, TLS, proxy, strictness, keepalive, reconnect).
// Saved per tab in QSettings as a QVariantMap and turned into ClientConnection::Options when the user
// connects. A plain value.
struct ClientTabSettings
{
    Q_DECLARE_TR_FUNCTIONS(ClientTabSettings)
public:
    QString url;
    QList<QPair<QString, QString>> headers; // extra request headers, name and value
    QString origin;
    QStringList subprotocols;
    bool offerDeflate = false;
    int connectTimeoutMs = 10000;
    int handshakeTimeoutMs = 10000;
    int closeTimeoutMs = 5000;
    bool verifyCertificates = true;
    QString caFile;
    QString certificateFile;
    QString keyFile;
    ProxySettings::Mode proxyMode = ProxySettings::Mode::None;
    QString proxyUrl;
    bool strict = true;
    int pingIntervalMs = 0; // keepalive; 0: none
    bool reconnect = false;
    int reconnectMaxAttempts = 0; // 0: no limit

    QVariantMap toMap() const;
    static ClientTabSettings fromMap(const QVariantMap &map);

    // The options for a connection to these settings' URL; nothing and a sentence in *error when the URL,
    // a header or the proxy cannot be used, or a TLS file is missing.
    std::optional<ClientConnection::Options> toOptions(QString *error) const;

    bool operator==(const ClientTabSettings &) const = default;
};

} // namespace Frameline
