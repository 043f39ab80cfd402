#pragma once

#include "app/net/connection.h"
#include "app/net/tlsoptions.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QUrl>
#include <QtNetwork/QAbstractSocket>
#include <QtNetwork/QNetworkProxy>
#include <QtNetwork/QSslError>

#include <optional>

namespace Frameline {

struct ProxySettings
{
    enum class Mode : quint8 {
        None,        // connect directly (the default; the application's proxy is not used either)
        Environment, // https_proxy / http_proxy / all_proxy / no_proxy, as curl reads them
        Explicit,    // url
    };
    Mode mode = Mode::None;
    QUrl url; // http://[user:pass@]host:port (HTTP CONNECT) or socks5://[user:pass@]host:port
};

struct ReconnectPolicy
{
    bool enabled = false;
    int initialDelayMs = 1000; // doubled after each failed attempt ...
    int maxDelayMs = 30000;    // ... up to this
    int maxAttempts = 0;       // 0: no limit
};

// A WebSocket client connection: parses the URL, dials (DNS, TCP, through a proxy when asked, TLS for
// wss) and runs the opening handshake, then behaves as a Connection. Reconnects with exponential backoff
// when asked. Lives in one thread, like Connection.
class ClientConnection : public Connection
{
    Q_OBJECT
public:
    struct Options
    {
        QUrl url;
        QList<HttpMessage::Field> headers; // extra headers; may override Origin and User-Agent
        QByteArray origin;                 // Origin header (empty: none)
        QList<QByteArray> subprotocols;
        bool offerDeflate = false;
        DeflateOffer deflateOffer;         // used when offerDeflate
        int connectTimeoutMs = 10000;      // DNS + TCP + TLS
        ProxySettings proxy;
        TlsOptions tls;
        Connection::Settings settings;
        ReconnectPolicy reconnect;
    };

    explicit ClientConnection(const Options &options, QObject *parent = nullptr);
    ~ClientConnection() override;

    const Options &options() const { return m_options; }
    // Dials. Progress and the outcome arrive as events; opened() or closed() end the attempt.
    void open();
    // Stops a pending reconnect and closes (or aborts, before the connection is open).
    void stop(quint16 code = 1000, const QString &reason = {});
    bool isReconnectPending() const { return m_reconnectTimer.isActive(); }
    int attempt() const { return m_attempt; }

    // A ws:// or wss:// URL from what a user typed ("localhost:9001/x" means ws://); nothing and a
    // precise *error when it cannot be one.
    static std::optional<QUrl> parseUrl(const QString &text, QString *error);
    // An http:// (HTTP CONNECT) or socks5:// proxy URL.
    static std::optional<QNetworkProxy> parseProxy(const QUrl &url, QString *error);
    // The proxy the usual environment variables choose for this URL, if any.
    static std::optional<QUrl> proxyUrlFromEnvironment(const QUrl &target);

protected:
    void connectionEnded() override;

private:
    void dial();
    void onSocketStateChanged(QAbstractSocket::SocketState state);
    void onConnected();
    void onEncrypted();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError> &errors);
    void onConnectTimeout();
    bool isSecure() const;

    Options m_options;
    QTimer m_connectTimer { this };
    QTimer m_reconnectTimer { this };
    int m_attempt = 0;
    bool m_stopped = false;
    qint64 m_phaseStartNs = 0;
    bool m_hostIsLiteral = false;
    QStringList m_sslErrors;
    bool m_sslErrorsIgnored = false;
};

} // namespace Frameline
