#include "app/cli/clientoptions.h"

#include "app/net/tlsoptions.h"
#include "app/protocol/httpmessage.h"

#include <QtCore/QCommandLineParser>
#include <QtNetwork/QSslConfiguration>

#include <algorithm>
#include <climits>

namespace Frameline {

ClientOptions::ClientOptions()
    : header(QStringList { QStringLiteral("H"), QStringLiteral("header") },
        tr("Extra request header (repeatable); replaces a default header of the same name."),
        QStringLiteral("Name: value"))
    , origin(QStringLiteral("origin"), tr("Origin header to send."), QStringLiteral("ORIGIN"))
    , subprotocol(QStringLiteral("subprotocol"),
          tr("Subprotocol to offer (repeatable, in order of preference)."), QStringLiteral("P"))
    , deflate(QStringLiteral("deflate"), tr("Offer permessage-deflate (RFC 7692)."))
    , insecure(QStringLiteral("insecure"),
          tr("wss: accept a certificate that does not verify (the errors are still shown)."))
    , caFile(
          QStringLiteral("cacert"), tr("wss: extra trusted CA certificates (PEM)."), QStringLiteral("FILE"))
    , certificate(
          QStringLiteral("cert"), tr("wss: client certificate (PEM); needs --key."), QStringLiteral("FILE"))
    , key(QStringLiteral("key"), tr("wss: private key of --cert (PEM, unencrypted)."), QStringLiteral("FILE"))
    , pkcs12(QStringLiteral("pkcs12"), tr("wss: client certificate and key in one PKCS#12 file."),
          QStringLiteral("FILE"))
    , pkcs12Password(
          QStringLiteral("pkcs12-password"), tr("Password of --pkcs12."), QStringLiteral("PASSWORD"))
    , proxy(QStringLiteral("proxy"),
          tr("Connect through http://host:port (HTTP CONNECT) or socks5://host:port; 'env' "
             "uses https_proxy / http_proxy / all_proxy / no_proxy."),
          QStringLiteral("URL|env"))
    , strict(QStringLiteral("strict"),
          tr("Fail the connection on any violation, as RFC 6455 asks (the default)."))
    , lenient(QStringLiteral("lenient"), tr("Report violations but keep the connection open."))
    , maxMessage(QStringLiteral("max-message"),
          tr("Largest incoming message in bytes (default %1); larger ones fail "
             "the connection with 1009.")
              .arg(DecoderLimits().maxMessageSize),
          QStringLiteral("BYTES"))
    , pingInterval(QStringLiteral("ping-interval"),
          tr("Send a keepalive ping every MS milliseconds and show the round trip."), QStringLiteral("MS"))
{ }

QList<QCommandLineOption> ClientOptions::dialOptions() const
{
    return { header, origin, subprotocol, deflate, insecure, caFile, certificate, key, pkcs12, pkcs12Password,
        proxy };
}

QList<QCommandLineOption> ClientOptions::engineOptions() const
{
    return { strict, lenient, maxMessage, pingInterval };
}

bool ClientOptions::anyDialOptionSet(const QCommandLineParser &parser) const
{
    const QList<QCommandLineOption> options = dialOptions();
    return std::any_of(options.cbegin(), options.cend(),
        [&parser](const QCommandLineOption &option) { return parser.isSet(option); });
}

bool ClientOptions::applyDialOptions(
    const QCommandLineParser &parser, ClientConnection::Options *options, QString *error) const
{
    const auto fail = [error](const QString &message) {
        *error = message;
        return false;
    };
    const bool secure = options->url.scheme() == QLatin1String("wss");

    for (const QString &field : parser.values(header)) {
        const qsizetype colon = field.indexOf(QLatin1Char(':'));
        const QByteArray name = field.left(qMax<qsizetype>(colon, 0)).trimmed().toUtf8();
        const QByteArray value = field.mid(colon + 1).trimmed().toUtf8();
        if (colon <= 0 || !HttpMessage::isToken(name))
            return fail(tr("-H '%1' is not a header: write it as 'Name: value'").arg(field));
        if (!HttpMessage::isValidFieldValue(value))
            return fail(tr("-H '%1': the value holds a line break or another control character").arg(field));
        options->headers.append({ name, value });
    }
    if (parser.isSet(origin)) {
        const QByteArray value = parser.value(origin).toUtf8();
        if (value.isEmpty() || !HttpMessage::isValidFieldValue(value))
            return fail(tr("--origin '%1' is not a valid header value").arg(parser.value(origin)));
        options->origin = value;
    }
    for (const QString &name : parser.values(subprotocol)) {
        if (!HttpMessage::isToken(name.toUtf8()))
            return fail(tr("--subprotocol '%1' is not a token (RFC 6455 §4.1: no spaces, commas or quotes)")
                            .arg(name));
        options->subprotocols.append(name.toUtf8());
    }
    if (parser.isSet(deflate)) {
        options->offerDeflate = true;
        // Let the server choose our window too, as browsers do.
        options->deflateOffer.clientMaxWindowBitsOffered = true;
    }

    // TLS.
    TlsOptions &tls = options->tls;
    tls.ignoreCertificateErrors = parser.isSet(insecure);
    tls.caFile = parser.value(caFile);
    tls.certificateFile = parser.value(certificate);
    tls.keyFile = parser.value(key);
    tls.pkcs12File = parser.value(pkcs12);
    tls.pkcs12Password = parser.value(pkcs12Password).toUtf8();
    const bool anyTlsOption = parser.isSet(insecure) || parser.isSet(caFile) || parser.isSet(certificate)
        || parser.isSet(key) || parser.isSet(pkcs12) || parser.isSet(pkcs12Password);
    if (anyTlsOption && !secure)
        return fail(tr("--insecure, --cacert, --cert, --key and --pkcs12 are for wss:// URLs"));
    if (parser.isSet(certificate) != parser.isSet(key))
        return fail(tr("--cert and --key go together: give both"));
    if (parser.isSet(pkcs12) && parser.isSet(certificate))
        return fail(tr("give either --pkcs12 or --cert and --key, not both"));
    if (parser.isSet(pkcs12Password) && !parser.isSet(pkcs12))
        return fail(tr("--pkcs12-password needs --pkcs12"));
    if (secure) {
        QSslConfiguration configuration;
        if (!Tls::clientConfiguration(tls, &configuration, error))
            return false;
    }

    if (parser.isSet(proxy)) {
        const QString value = parser.value(proxy);
        if (value == QLatin1String("env")) {
            options->proxy.mode = ProxySettings::Mode::Environment;
        } else {
            const QUrl proxyUrl(value, QUrl::StrictMode);
            QString proxyError;
            if (!ClientConnection::parseProxy(proxyUrl, &proxyError))
                return fail(tr("--proxy: %1").arg(proxyError));
            options->proxy.mode = ProxySettings::Mode::Explicit;
            options->proxy.url = proxyUrl;
        }
    }
    return true;
}

bool ClientOptions::applyEngineOptions(
    const QCommandLineParser &parser, Connection::Settings *settings, QString *error) const
{
    const auto fail = [error](const QString &message) {
        *error = message;
        return false;
    };
    if (parser.isSet(strict) && parser.isSet(lenient))
        return fail(tr("give either --strict or --lenient, not both"));
    settings->strict = !parser.isSet(lenient);
    if (parser.isSet(pingInterval)) {
        bool ok = false;
        const qint64 ms = parser.value(pingInterval).toLongLong(&ok);
        if (!ok || ms <= 0 || ms > INT_MAX)
            return fail(tr("--ping-interval must be a positive number of milliseconds, not '%1'")
                            .arg(parser.value(pingInterval)));
        settings->pingIntervalMs = int(ms);
    }
    if (parser.isSet(maxMessage)) {
        bool ok = false;
        const quint64 bytes = parser.value(maxMessage).toULongLong(&ok);
        if (!ok || bytes == 0)
            return fail(tr("--max-message must be a positive number of bytes, not '%1'")
                            .arg(parser.value(maxMessage)));
        settings->limits.maxMessageSize = bytes;
        // No single frame of an acceptable message can be larger than the message.
        settings->limits.maxFramePayload = qMin(settings->limits.maxFramePayload, bytes);
    }
    return true;
}

} // namespace Frameline
