#include "app/net/clientconnection.h"

#include "app/net/clock.h"

#include <QtCore/QProcessEnvironment>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>

#include <algorithm>

namespace Frameline {

ClientConnection::ClientConnection(const Options &options, QObject *parent)
    : Connection(Role::Client, options.settings, parent)
    , m_options(options)
{
    m_connectTimer.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &ClientConnection::onConnectTimeout);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ClientConnection::dial);
}

ClientConnection::~ClientConnection() = default;

bool ClientConnection::isSecure() const
{
    return m_options.url.scheme() == QLatin1String("wss");
}

std::optional<QUrl> ClientConnection::parseUrl(const QString &input, QString *error)
{
    QString text = input.trimmed();
    if (text.isEmpty()) {
        *error = tr("Enter a WebSocket URL, such as ws://localhost:9001/ or wss://example.com/socket");
        return std::nullopt;
    }
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("ws://"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        // QUrl's message continues with a dump of its parser state after the first ';'.
        *error = tr("'%1' is not a valid URL: %2").arg(input, url.errorString().section(QLatin1Char(';'), 0, 0));
        return std::nullopt;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")) {
        *error = tr("The scheme '%1' is not a WebSocket scheme: use ws:// or wss://").arg(url.scheme());
        return std::nullopt;
    }
    if (url.host().isEmpty()) {
        *error = tr("'%1' has no host name").arg(input);
        return std::nullopt;
    }
    if (url.hasFragment()) {
        // RFC 6455 §3: fragment identifiers are meaningless in WebSocket URIs and must not be used.
        *error = tr("A WebSocket URL cannot have a fragment ('#%1')").arg(url.fragment());
        return std::nullopt;
    }
    QUrl normalized = url;
    normalized.setScheme(scheme);
    return normalized;
}

std::optional<QNetworkProxy> ClientConnection::parseProxy(const QUrl &url, QString *error)
{
    const QString scheme = url.scheme().toLower();
    QNetworkProxy::ProxyType type = QNetworkProxy::NoProxy;
    int defaultPort = 0;
    if (scheme == QLatin1String("http")) {
        type = QNetworkProxy::HttpProxy;
        defaultPort = 8080;
    } else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
        type = QNetworkProxy::Socks5Proxy;
        defaultPort = 1080;
    } else {
        *error = tr("Unsupported proxy '%1': use http://host:port (HTTP CONNECT) or socks5://host:port")
                     .arg(url.toString(QUrl::RemovePassword));
        return std::nullopt;
    }
    if (!url.isValid() || url.host().isEmpty()) {
        *error = tr("The proxy URL '%1' has no host").arg(url.toString(QUrl::RemovePassword));
        return std::nullopt;
    }
    QNetworkProxy proxy(type, url.host(), quint16(url.port(defaultPort)), url.userName(), url.password());
    return proxy;
}

std::optional<QUrl> ClientConnection::proxyUrlFromEnvironment(const QUrl &target)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Like curl: lower case first, then upper case, except HTTP_PROXY, which a CGI environment lets a
    // request header set ("httpoxy"), so only http_proxy counts.
    const auto variable = [&](const char *name) {
        const QString lower = QString::fromLatin1(name);
        const QString value = environment.value(lower);
        if (!value.isEmpty() || lower == QLatin1String("http_proxy"))
            return value;
        return environment.value(lower.toUpper());
    };
    // no_proxy: a comma-separated list of host names or domain suffixes; "*" matches everything.
    const QString host = target.host().toLower();
    for (QString entry : variable("no_proxy").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry.startsWith(QLatin1Char('.')))
            entry.remove(0, 1);
        if (entry == QLatin1String("*") || host == entry || host.endsWith(QLatin1Char('.') + entry))
            return std::nullopt;
    }
    QString value = variable(target.scheme() == QLatin1String("wss") ? "https_proxy" : "http_proxy");
    if (value.isEmpty())
        value = variable("all_proxy");
    if (value.isEmpty())
        return std::nullopt;
    if (!value.contains(QLatin1String("://")))
        value.prepend(QLatin1String("http://"));
    return QUrl(value);
}

void ClientConnection::open()
{
    m_stopped = false;
    m_attempt = 0;
    dial();
}

void ClientConnection::stop(quint16 code, const QString &reason)
{
    m_stopped = true;
    m_reconnectTimer.stop();
    if (state() == ConnectionState::Open)
        close(code, reason);
    else if (state() != ConnectionState::Closed && state() != ConnectionState::Idle && state() != ConnectionState::Closing)
        abort(tr("Stopped by the user"));
}

void ClientConnection::dial()
{
    ++m_attempt;
    resetForNewAttempt();
    m_sslErrors.clear();
    m_sslErrorsIgnored = false;

    const QUrl &url = m_options.url;
    const quint16 port = quint16(url.port(isSecure() ? 443 : 80));
    m_hostIsLiteral = !QHostAddress(url.host()).isNull();

    QNetworkProxy proxy(QNetworkProxy::NoProxy);
    std::optional<QUrl> proxyUrl;
    if (m_options.proxy.mode == ProxySettings::Mode::Explicit)
        proxyUrl = m_options.proxy.url;
    else if (m_options.proxy.mode == ProxySettings::Mode::Environment)
        proxyUrl = proxyUrlFromEnvironment(url);
    if (proxyUrl) {
        QString error;
        const auto parsed = parseProxy(*proxyUrl, &error);
        if (!parsed) {
            setState(ConnectionState::Connecting);
            failOpening(error);
            return;
        }
        proxy = *parsed;
        addNotice(ConnectionNotice::Kind::Info,
                  tr("Connecting through the proxy %1").arg(proxyUrl->toString(QUrl::RemovePassword)));
    }

    QTcpSocket *socket = nullptr;
    if (isSecure()) {
        auto *sslSocket = new QSslSocket;
        QSslConfiguration configuration;
        QString error;
        if (!Tls::clientConfiguration(m_options.tls, &configuration, &error)) {
            delete sslSocket;
            setState(ConnectionState::Connecting);
            failOpening(error);
            return;
        }
        sslSocket->setSslConfiguration(configuration);
        connect(sslSocket, &QSslSocket::encrypted, this, &ClientConnection::onEncrypted);
        connect(sslSocket, &QSslSocket::sslErrors, this, &ClientConnection::onSslErrors);
        socket = sslSocket;
    } else {
        socket = new QTcpSocket;
    }
    socket->setProxy(proxy);
    attachSocket(socket);
    connect(socket, &QAbstractSocket::stateChanged, this, &ClientConnection::onSocketStateChanged);
    connect(socket, &QAbstractSocket::connected, this, &ClientConnection::onConnected);
    connect(socket, &QAbstractSocket::errorOccurred, this, &ClientConnection::onSocketError);

    m_connectTimer.start(m_options.connectTimeoutMs);
    m_phaseStartNs = Clock::nowNs();
    setState(m_hostIsLiteral || proxyUrl ? ConnectionState::Connecting : ConnectionState::Resolving);
    socket->connectToHost(url.host(), port);
}

void ClientConnection::onSocketStateChanged(QAbstractSocket::SocketState socketState)
{
    if (socketState == QAbstractSocket::ConnectingState && state() == ConnectionState::Resolving) {
        const qint64 now = Clock::nowNs();
        m_timings.dnsNs = now - m_phaseStartNs;
        m_phaseStartNs = now;
        setState(ConnectionState::Connecting);
    }
}

void ClientConnection::onConnected()
{
    const qint64 now = Clock::nowNs();
    m_timings.connectNs = now - m_phaseStartNs;
    m_phaseStartNs = now;
    if (isSecure()) {
        auto *sslSocket = static_cast<QSslSocket *>(socket());
        const QString serverName = m_options.tls.serverName.isEmpty() ? m_options.url.host() : m_options.tls.serverName;
        // The name sent as SNI and verified against the certificate.
        sslSocket->setPeerVerifyName(serverName);
        setState(ConnectionState::TlsHandshaking);
        sslSocket->startClientEncryption();
        return;
    }
    m_connectTimer.stop();
    onEncrypted();
}

void ClientConnection::onEncrypted()
{
    if (isSecure()) {
        const qint64 now = Clock::nowNs();
        m_timings.tlsNs = now - m_phaseStartNs;
        m_connectTimer.stop();
        auto record = std::make_shared<TlsRecord>(Tls::record(*static_cast<QSslSocket *>(socket())));
        record->certificateErrors = m_sslErrors;
        record->errorsIgnored = m_sslErrorsIgnored;
        record->verified = m_sslErrors.isEmpty();
        addTlsRecord(record);
    }

    Handshake::ClientOptions options;
    QUrl url = m_options.url;
    const QString user = url.userName();
    const QString password = url.password();
    url.setUserInfo(QString());
    options.url = url;
    options.origin = m_options.origin;
    options.subprotocols = m_options.subprotocols;
    if (m_options.offerDeflate)
        options.deflateOffers = { m_options.deflateOffer };
    options.extraHeaders = m_options.headers;
    if (!user.isEmpty()) {
        // user:password in the URL becomes HTTP Basic authentication (RFC 7617), unless the user gave an
        // Authorization header of their own.
        const bool hasAuthorization = std::any_of(m_options.headers.cbegin(), m_options.headers.cend(),
                                                  [](const HttpMessage::Field &field) {
                                                      return field.name.compare("Authorization", Qt::CaseInsensitive) == 0;
                                                  });
        if (!hasAuthorization)
            options.extraHeaders.append({ QByteArrayLiteral("Authorization"),
                                          "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64() });
    }
    startClientHandshake(options, m_timings);
}

void ClientConnection::onSslErrors(const QList<QSslError> &errors)
{
    for (const QSslError &error : errors)
        m_sslErrors.append(Tls::explain(error));
    if (m_options.tls.ignoreCertificateErrors) {
        m_sslErrorsIgnored = true;
        addNotice(ConnectionNotice::Kind::Info, tr("Ignoring certificate errors, as asked: %1")
                                                     .arg(m_sslErrors.join(QLatin1String("; "))));
        static_cast<QSslSocket *>(socket())->ignoreSslErrors();
    }
}

void ClientConnection::onSocketError(QAbstractSocket::SocketError error)
{
    if (state() == ConnectionState::Open || state() == ConnectionState::Closing || state() == ConnectionState::Closed
        || state() == ConnectionState::Upgrading) {
        if (error != QAbstractSocket::RemoteHostClosedError && state() != ConnectionState::Closed)
            addNotice(ConnectionNotice::Kind::Error, socket()->errorString());
        return;
    }
    const QUrl &url = m_options.url;
    const QString where = QStringLiteral("%1:%2").arg(url.host()).arg(url.port(isSecure() ? 443 : 80));
    QString text;
    if (!m_sslErrors.isEmpty() && !m_sslErrorsIgnored) {
        text = tr("TLS certificate verification of %1 failed: %2").arg(where, m_sslErrors.join(QLatin1String("; ")));
        auto record = std::make_shared<TlsRecord>(Tls::record(*static_cast<QSslSocket *>(socket())));
        record->certificateErrors = m_sslErrors;
        addTlsRecord(record);
    } else if (error == QAbstractSocket::HostNotFoundError) {
        text = tr("Cannot resolve the host name '%1': %2").arg(url.host(), socket()->errorString());
    } else if (state() == ConnectionState::TlsHandshaking) {
        text = tr("The TLS handshake with %1 failed: %2").arg(where, socket()->errorString());
    } else {
        text = tr("Cannot connect to %1: %2").arg(where, socket()->errorString());
    }
    m_connectTimer.stop();
    failOpening(text);
}

void ClientConnection::onConnectTimeout()
{
    const QUrl &url = m_options.url;
    failOpening(tr("Could not connect to %1:%2 within %3 ms")
                    .arg(url.host())
                    .arg(url.port(isSecure() ? 443 : 80))
                    .arg(m_options.connectTimeoutMs));
}

void ClientConnection::connectionEnded()
{
    m_connectTimer.stop();
    const ReconnectPolicy &policy = m_options.reconnect;
    if (!policy.enabled || m_stopped || !closeInfo().abnormal)
        return;
    if (policy.maxAttempts > 0 && m_attempt >= policy.maxAttempts) {
        addNotice(ConnectionNotice::Kind::Info, tr("Giving up after %1 attempts").arg(m_attempt));
        flushEvents();
        return;
    }
    // Exponential backoff: initial, 2x, 4x, ... capped.
    qint64 delay = policy.initialDelayMs;
    for (int i = 1; i < m_attempt && delay < policy.maxDelayMs; ++i)
        delay *= 2;
    delay = qMin<qint64>(delay, policy.maxDelayMs);
    addNotice(ConnectionNotice::Kind::Info, tr("Reconnecting in %1 ms (attempt %2)").arg(delay).arg(m_attempt + 1));
    flushEvents();
    m_reconnectTimer.start(int(delay));
}

} // namespace Frameline
