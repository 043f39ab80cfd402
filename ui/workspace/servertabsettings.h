#pragma once

#include "app/net/server.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

#include <optional>

namespace Frameline {

// What a server tab remembers about the local server it runs: address, port, ws or wss (with the given
// certificate or a self-signed one), behaviour and subprotocols. Saved per tab in QSettings as a
// QVariantMap and turned into Server::Options when the user starts the server. A plain value.
struct ServerTabSettings
{
    Q_DECLARE_TR_FUNCTIONS(ServerTabSettings)
public:
    QString address = QStringLiteral("127.0.0.1");
    int port = 0; // 0: a free port
    bool tls = false;
    QString certificateFile; // both empty: self-signed for localhost
    QString keyFile;
    Server::Behaviour behaviour = Server::Behaviour::Echo;
    QStringList subprotocols;

    QVariantMap toMap() const;
    static ServerTabSettings fromMap(const QVariantMap &map);

    // The options for a server with these settings; nothing and a sentence in *error when the address
    // is not an IP address or a certificate file is missing.
    std::optional<Server::Options> toOptions(QString *error) const;

    static QString behaviourId(Server::Behaviour behaviour);
    static Server::Behaviour behaviourFromId(const QString &id);

    bool operator==(const ServerTabSettings &) const = default;
};

} // namespace Frameline
