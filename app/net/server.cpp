#include "app/net/server.h"

#include "app/net/clock.h"
#include "app/net/selfsignedcertificate.h"
#include "app/net/tlsoptions.h"

#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpServer>

namespace Frameline {

// QTcpServer hands over descriptors, so a wss server can wrap them in QSslSocket itself.
class Server::Listener final : public QTcpServer
{
public:
    explicit Listener(Server *server)
        : m_server(server)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_server->onIncomingSocket(descriptor); }

private:
    Server *m_server;
};

Server::Server(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
}

Server::~Server()
{
    for (ServerConnection *client : std::as_const(m_clients))
        client->disconnect(this);
}

bool Server::listen(QString *error)
{
    if (m_options.tls) {
        QString certificate = m_options.certificateFile;
        QString key = m_options.keyFile;
        if (certificate.isEmpty() != key.isEmpty()) {
            *error = tr("A wss server needs both a certificate and its key, or neither (for a self-signed one)");
            return false;
        }
        if (certificate.isEmpty()) {
            const QString folder = m_options.selfSignedFolder.isEmpty() ? SelfSignedCertificate::defaultFolder()
                                                                        : m_options.selfSignedFolder;
            const auto files = SelfSignedCertificate::loadOrCreate(folder, SelfSignedCertificate::KeyType::EcP256, error);
            if (files.certificateFile.isEmpty())
                return false;
            certificate = files.certificateFile;
            key = files.keyFile;
        }
        if (!Tls::serverConfiguration(certificate, key, &m_sslConfiguration, error))
            return false;
        m_certificateFile = certificate;
    }
    m_listener = std::make_unique<Listener>(this);
    if (!m_listener->listen(m_options.address, m_options.port)) {
        *error = tr("Cannot listen on %1 port %2: %3")
                     .arg(m_options.address.toString())
                     .arg(m_options.port)
                     .arg(m_listener->errorString());
        m_listener.reset();
        return false;
    }
    return true;
}

void Server::stop(quint16 code, const QString &reason)
{
    closeAll(code, reason);
    if (m_listener)
        m_listener->close();
}

bool Server::isListening() const
{
    return m_listener && m_listener->isListening();
}

QHostAddress Server::address() const
{
    return m_listener ? m_listener->serverAddress() : m_options.address;
}

quint16 Server::port() const
{
    return m_listener ? m_listener->serverPort() : m_options.port;
}

QString Server::url() const
{
    const QHostAddress host = address();
    QString name;
    if (m_options.tls && (host == QHostAddress::LocalHost || host == QHostAddress::LocalHostIPv6))
        name = QStringLiteral("localhost"); // the name the self-signed certificate is for
    else if (host.protocol() == QAbstractSocket::IPv6Protocol)
        name = QLatin1Char('[') + host.toString() + QLatin1Char(']');
    else
        name = host.toString();
    return QStringLiteral("%1://%2:%3/").arg(m_options.tls ? QStringLiteral("wss") : QStringLiteral("ws"), name).arg(port());
}

QList<Connection *> Server::clients() const
{
    QList<Connection *> result;
    for (ServerConnection *client : m_clients)
        result.append(client);
    return result;
}

Connection *Server::client(quint64 id) const
{
    for (ServerConnection *client : m_clients) {
        if (client->id() == id)
            return client;
    }
    return nullptr;
}

int Server::sendTextToAll(const QByteArray &utf8, FrameOrigin origin)
{
    int count = 0;
    for (ServerConnection *client : std::as_const(m_clients))
        count += client->sendText(utf8, origin) ? 1 : 0;
    return count;
}

int Server::sendBinaryToAll(const QByteArray &bytes, FrameOrigin origin)
{
    int count = 0;
    for (ServerConnection *client : std::as_const(m_clients))
        count += client->sendBinary(bytes, origin) ? 1 : 0;
    return count;
}

void Server::closeAll(quint16 code, const QString &reason)
{
    const QList<ServerConnection *> clients = m_clients;
    for (ServerConnection *client : clients) {
        if (client->state() == ConnectionState::Open)
            client->close(code, reason);
        else if (client->state() != ConnectionState::Closing && client->state() != ConnectionState::Closed)
            client->abort();
    }
}

void Server::onIncomingSocket(qintptr descriptor)
{
    QTcpSocket *socket = m_options.tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    auto *client = new ServerConnection(this, socket, m_options, m_options.tls ? &m_sslConfiguration : nullptr);
    m_clients.append(client);
    connect(client, &Connection::eventsReady, this, &Server::eventsReady);
    connect(client, &Connection::closed, this, [this, client] {
        m_clients.removeOne(client);
        Q_EMIT clientClosed(client);
        client->deleteLater();
    });
    Q_EMIT clientConnected(client);
}

void Server::onClientMessage(ServerConnection *from, const Message &message)
{
    switch (m_options.behaviour) {
    case Behaviour::Manual:
        break;
    case Behaviour::Echo:
        from->sendMessage(message.opcode, message.payload, FrameOrigin::Automatic);
        break;
    case Behaviour::Broadcast:
        for (ServerConnection *client : std::as_const(m_clients)) {
            if (client->state() == ConnectionState::Open)
                client->sendMessage(message.opcode, message.payload, FrameOrigin::Automatic);
        }
        break;
    }
}

ServerConnection::ServerConnection(Server *server, QTcpSocket *socket, const Server::Options &options,
                                   const QSslConfiguration *tls)
    : Connection(Role::Server, options.settings, server)
    , m_server(server)
    , m_handshakeOptions(options.handshake)
{
    attachSocket(socket);
    if (tls) {
        auto *sslSocket = static_cast<QSslSocket *>(socket);
        sslSocket->setSslConfiguration(*tls);
        connect(sslSocket, &QSslSocket::encrypted, this, &ServerConnection::onEncrypted);
        connect(sslSocket, &QSslSocket::sslErrors, this, [sslSocket](const QList<QSslError> &) {
            // The server does not ask for client certificates; nothing to verify.
            sslSocket->ignoreSslErrors();
        });
        connect(sslSocket, &QAbstractSocket::errorOccurred, this, [this, sslSocket](QAbstractSocket::SocketError) {
            if (state() == ConnectionState::TlsHandshaking)
                failOpening(tr("The TLS handshake with the client failed: %1").arg(sslSocket->errorString()));
        });
        setState(ConnectionState::TlsHandshaking);
        m_tlsStartNs = Clock::nowNs();
        sslSocket->startServerEncryption();
    } else {
        startServerHandshake(m_handshakeOptions);
    }
}

void ServerConnection::onEncrypted()
{
    m_timings.tlsNs = Clock::nowNs() - m_tlsStartNs;
    addTlsRecord(std::make_shared<TlsRecord>(Tls::record(*static_cast<QSslSocket *>(socket()))));
    startServerHandshake(m_handshakeOptions);
}

void ServerConnection::messageReceived(const Message &message)
{
    m_server->onClientMessage(this, message);
}

} // namespace Frameline
