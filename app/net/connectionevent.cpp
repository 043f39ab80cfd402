#include "app/net/connectionevent.h"

namespace Frameline {

QString ConnectionText::stateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Idle:
        return tr("Idle");
    case ConnectionState::Resolving:
        return tr("Resolving");
    case ConnectionState::Connecting:
        return tr("Connecting");
    case ConnectionState::TlsHandshaking:
        return tr("TLS handshake");
    case ConnectionState::Upgrading:
        return tr("Opening handshake");
    case ConnectionState::Open:
        return tr("Open");
    case ConnectionState::Closing:
        return tr("Closing");
    case ConnectionState::Closed:
        return tr("Closed");
    }
    return QString();
}

QString ConnectionText::stateId(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Idle:
        return QStringLiteral("idle");
    case ConnectionState::Resolving:
        return QStringLiteral("resolving");
    case ConnectionState::Connecting:
        return QStringLiteral("connecting");
    case ConnectionState::TlsHandshaking:
        return QStringLiteral("tls");
    case ConnectionState::Upgrading:
        return QStringLiteral("upgrading");
    case ConnectionState::Open:
        return QStringLiteral("open");
    case ConnectionState::Closing:
        return QStringLiteral("closing");
    case ConnectionState::Closed:
        return QStringLiteral("closed");
    }
    return QString();
}

} // namespace Frameline
