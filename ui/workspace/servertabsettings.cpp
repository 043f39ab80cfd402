#include "ui/workspace/servertabsettings.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>

namespace Frameline {

QString ServerTabSettings::behaviourId(Server::Behaviour behaviour)
{
    switch (behaviour) {
    case Server::Behaviour::Manual:
        return QStringLiteral("manual");
    case Server::Behaviour::Echo:
        return QStringLiteral("echo");
    case Server::Behaviour::Broadcast:
        return QStringLiteral("broadcast");
    }
    return QStringLiteral("manual");
}

Server::Behaviour ServerTabSettings::behaviourFromId(const QString &id)
{
    if (id == QStringLiteral("echo"))
        return Server::Behaviour::Echo;
    if (id == QStringLiteral("broadcast"))
        return Server::Behaviour::Broadcast;
    return Server::Behaviour::Manual;
}

QVariantMap ServerTabSettings::toMap() const
{
    QVariantMap map;
    map.insert(QStringLiteral("address"), address);
    map.insert(QStringLiteral("port"), port);
    map.insert(QStringLiteral("tls"), tls);
    map.insert(QStringLiteral("certificateFile"), certificateFile);
    map.insert(QStringLiteral("keyFile"), keyFile);
    map.insert(QStringLiteral("behaviour"), behaviourId(behaviour));
    map.insert(QStringLiteral("subprotocols"), subprotocols);
    return map;
}

ServerTabSettings ServerTabSettings::fromMap(const QVariantMap &map)
{
    ServerTabSettings settings;
    settings.address = map.value(QStringLiteral("address"), settings.address).toString();
    settings.port = qBound(0, map.value(QStringLiteral("port"), settings.port).toInt(), 65535);
    settings.tls = map.value(QStringLiteral("tls"), settings.tls).toBool();
    settings.certificateFile = map.value(QStringLiteral("certificateFile")).toString();
    settings.keyFile = map.value(QStringLiteral("keyFile")).toString();
    if (map.contains(QStringLiteral("behaviour")))
        settings.behaviour = behaviourFromId(map.value(QStringLiteral("behaviour")).toString());
    settings.subprotocols = map.value(QStringLiteral("subprotocols")).toStringList();
    return settings;
}

std::optional<Server::Options> ServerTabSettings::toOptions(QString *error) const
{
    Server::Options options;
    QString host = address.trimmed();
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        host = QStringLiteral("127.0.0.1");
    const QHostAddress hostAddress(host);
    if (hostAddress.isNull()) {
        *error = tr("“%1” is not an IP address (for example 127.0.0.1, ::1 or 0.0.0.0).").arg(address);
        return std::nullopt;
    }
    options.address = hostAddress;
    options.port = quint16(port);
    options.tls = tls;
    if (tls && (!certificateFile.isEmpty() || !keyFile.isEmpty())) {
        if (certificateFile.isEmpty() || keyFile.isEmpty()) {
            *error = tr("Give both the certificate and its private key, or neither for a self-signed one.");
            return std::nullopt;
        }
        for (const QString &path : { certificateFile, keyFile }) {
            const QFileInfo info(path);
            if (!info.isFile() || !info.isReadable()) {
                *error = tr("The file “%1” does not exist or cannot be read.")
                             .arg(QDir::toNativeSeparators(path));
                return std::nullopt;
            }
        }
        options.certificateFile = certificateFile;
        options.keyFile = keyFile;
    }
    options.behaviour = behaviour;
    for (const QString &subprotocol : subprotocols) {
        if (!subprotocol.trimmed().isEmpty())
            options.handshake.subprotocols.append(subprotocol.trimmed().toUtf8());
    }
    return options;
}

} // namespace Frameline
