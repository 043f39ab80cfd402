#include "ui/workspace/clienttabsettings.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>

namespace Frameline {

namespace {

QString proxyModeId(ProxySettings::Mode mode)
{
    switch (mode) {
    case ProxySettings::Mode::None:
        return QStringLiteral("none");
    case ProxySettings::Mode::Environment:
        return QStringLiteral("environment");
    case ProxySettings::Mode::Explicit:
        return QStringLiteral("explicit");
    }
    return QStringLiteral("none");
}

ProxySettings::Mode proxyModeFromId(const QString &id)
{
    if (id == QStringLiteral("environment"))
        return ProxySettings::Mode::Environment;
    if (id == QStringLiteral("explicit"))
        return ProxySettings::Mode::Explicit;
    return ProxySettings::Mode::None;
}

bool isHeaderToken(const QString &name)
{
    // RFC 7230 §3.2.6: token = 1*tchar
    static const QString tchars = QStringLiteral("!#$%&'*+-.^_`|~");
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (c.unicode() > 127)
            return false;
        if (!c.isLetterOrNumber() && !tchars.contains(c))
            return false;
    }
    return true;
}

} // namespace

QVariantMap ClientTabSettings::toMap() const
{
    QVariantMap map;
    map.insert(QStringLiteral("url"), url);
    QStringList headerList;
    for (const auto &[name, value] : headers)
        headerList << name << value;
    map.insert(QStringLiteral("headers"), headerList);
    map.insert(QStringLiteral("origin"), origin);
    map.insert(QStringLiteral("subprotocols"), subprotocols);
    map.insert(QStringLiteral("offerDeflate"), offerDeflate);
    map.insert(QStringLiteral("connectTimeoutMs"), connectTimeoutMs);
    map.insert(QStringLiteral("handshakeTimeoutMs"), handshakeTimeoutMs);
    map.insert(QStringLiteral("closeTimeoutMs"), closeTimeoutMs);
    map.insert(QStringLiteral("verifyCertificates"), verifyCertificates);
    map.insert(QStringLiteral("caFile"), caFile);
    map.insert(QStringLiteral("certificateFile"), certificateFile);
    map.insert(QStringLiteral("keyFile"), keyFile);
    map.insert(QStringLiteral("proxyMode"), proxyModeId(proxyMode));
    map.insert(QStringLiteral("proxyUrl"), proxyUrl);
    map.insert(QStringLiteral("strict"), strict);
    map.insert(QStringLiteral("pingIntervalMs"), pingIntervalMs);
    map.insert(QStringLiteral("reconnect"), reconnect);
    map.insert(QStringLiteral("reconnectMaxAttempts"), reconnectMaxAttempts);
    return map;
}

ClientTabSettings ClientTabSettings::fromMap(const QVariantMap &map)
{
    ClientTabSettings settings;
    const auto value = [&map](const char *key, const QVariant &fallback) {
        return map.value(QLatin1String(key), fallback);
    };
    settings.url = value("url", settings.url).toString();
    const QStringList headerList = value("headers", QStringList()).toStringList();
    for (qsizetype i = 0; i + 1 < headerList.size(); i += 2)
        settings.headers.append({ headerList.at(i), headerList.at(i + 1) });
    settings.origin = value("origin", settings.origin).toString();
    settings.subprotocols = value("subprotocols", settings.subprotocols).toStringList();
    settings.offerDeflate = value("offerDeflate", settings.offerDeflate).toBool();
    settings.connectTimeoutMs = value("connectTimeoutMs", settings.connectTimeoutMs).toInt();
    settings.handshakeTimeoutMs = value("handshakeTimeoutMs", settings.handshakeTimeoutMs).toInt();
    settings.closeTimeoutMs = value("closeTimeoutMs", settings.closeTimeoutMs).toInt();
    settings.verifyCertificates = value("verifyCertificates", settings.verifyCertificates).toBool();
    settings.caFile = value("caFile", settings.caFile).toString();
    settings.certificateFile = value("certificateFile", settings.certificateFile).toString();
    settings.keyFile = value("keyFile", settings.keyFile).toString();
    settings.proxyMode = proxyModeFromId(value("proxyMode", QString()).toString());
    settings.proxyUrl = value("proxyUrl", settings.proxyUrl).toString();
    settings.strict = value("strict", settings.strict).toBool();
    settings.pingIntervalMs = value("pingIntervalMs", settings.pingIntervalMs).toInt();
    settings.reconnect = value("reconnect", settings.reconnect).toBool();
    settings.reconnectMaxAttempts = value("reconnectMaxAttempts", settings.reconnectMaxAttempts).toInt();
    return settings;
}

std::optional<ClientConnection::Options> ClientTabSettings::toOptions(QString *error) const
{
    ClientConnection::Options options;
    QString urlError;
    const std::optional<QUrl> parsed = ClientConnection::parseUrl(url.trimmed(), &urlError);
    if (!parsed) {
        *error = tr("The URL cannot be used: %1").arg(urlError);
        return std::nullopt;
    }
    options.url = *parsed;
    for (const auto &[name, value] : headers) {
        if (name.trimmed().isEmpty() && value.trimmed().isEmpty())
            continue;
        if (!isHeaderToken(name.trimmed())) {
            *error = tr("The header name “%1” is not a valid HTTP token.").arg(name);
            return std::nullopt;
        }
        if (value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'))) {
            *error = tr("The value of the header “%1” contains a line break.").arg(name);
            return std::nullopt;
        }
        options.headers.append({ name.trimmed().toLatin1(), value.trimmed().toUtf8() });
    }
    options.origin = origin.trimmed().toUtf8();
    for (const QString &subprotocol : subprotocols) {
        if (!subprotocol.trimmed().isEmpty())
            options.subprotocols.append(subprotocol.trimmed().toUtf8());
    }
    options.offerDeflate = offerDeflate;
    if (offerDeflate)
        options.deflateOffer.clientMaxWindowBitsOffered = true;
    options.connectTimeoutMs = connectTimeoutMs;
    options.settings.handshakeTimeoutMs = handshakeTimeoutMs;
    options.settings.closeTimeoutMs = closeTimeoutMs;
    options.settings.strict = strict;
    options.settings.pingIntervalMs = pingIntervalMs;

    const auto checkFile = [error](const QString &path, const QString &what) {
        if (path.isEmpty())
            return true;
        const QFileInfo info(path);
        if (info.isFile() && info.isReadable())
            return true;
        *error = tr("The %1 file “%2” does not exist or cannot be read.")
                     .arg(what, QDir::toNativeSeparators(path));
        return false;
    };
    if (!checkFile(caFile, tr("CA certificate")) || !checkFile(certificateFile, tr("client certificate"))
        || !checkFile(keyFile, tr("private key")))
        return std::nullopt;
    if (!certificateFile.isEmpty() && keyFile.isEmpty()) {
        *error = tr("A client certificate needs its private key file too.");
        return std::nullopt;
    }
    options.tls.caFile = caFile;
    options.tls.certificateFile = certificateFile;
    options.tls.keyFile = keyFile;
    options.tls.ignoreCertificateErrors = !verifyCertificates;

    options.proxy.mode = proxyMode;
    if (proxyMode == ProxySettings::Mode::Explicit) {
        const QUrl proxy = QUrl::fromUserInput(proxyUrl.trimmed());
        QString proxyError;
        if (proxyUrl.trimmed().isEmpty() || !ClientConnection::parseProxy(proxy, &proxyError)) {
            *error = proxyUrl.trimmed().isEmpty() ? tr("Give the proxy URL, or choose no proxy.")
                                                  : tr("The proxy cannot be used: %1").arg(proxyError);
            return std::nullopt;
        }
        options.proxy.url = proxy;
    }
    options.reconnect.enabled = reconnect;
    options.reconnect.maxAttempts = reconnectMaxAttempts;
    return options;
}

} // namespace Frameline
