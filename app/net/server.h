#pragma once

#include "app/net/connection.h"

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QSslConfiguration>

#include <memory>

namespace Frameline {

class ServerConnection;

// A local WebSocket server (ws or wss) that many clients can use at once; each client is a Connection
// with its own frames and handshake record. Behaviours: manual (the user or a script answers), echo,
// or broadcast to all clients. Listens on 127.0.0.1 unless told otherwise.
//
// Lives in one thread with all its connections.
class Server : public QObject
{
    Q_OBJECT
public:
    enum class Behaviour : quint8 { Manual, Echo, Broadcast };

    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::LocalHost); // never all interfaces unless asked
        quint16 port = 0; // 0: any free port
        bool tls = false;
        QString certificateFile; // wss: PEM certificate and key; both empty: a self-signed one for localhost
        QString keyFile;
        QString selfSignedFolder; // where the self-signed pair lives (empty: the app-data folder)
        Behaviour behaviour = Behaviour::Manual;
        Handshake::ServerOptions handshake; // subprotocols, permessage-deflate, Origin allow-list, rejection
        Connection::Settings settings;
    };

    explicit Server(const Options &options, QObject *parent = nullptr);
    ~Server() override;

    // Starts listening; false and *error when the address cannot be used.
    bool listen(QString *error);
    // Closes every client (with code and reason) and stops listening.
    void stop(quint16 code = 1001, const QString &reason = {});
    bool isListening() const;
    QHostAddress address() const;
    quint16 port() const;
    QString url() const; // ws://127.0.0.1:PORT/ or wss://localhost:PORT/
    const Options &options() const { return m_options; }
    QString certificateFile() const { return m_certificateFile; }

    void setBehaviour(Behaviour behaviour) { m_options.behaviour = behaviour; }
    Behaviour behaviour() const { return m_options.behaviour; }

    QList<Connection *> clients() const;
    Connection *client(quint64 id) const;
    // Sends to every open client; returns how many it went to.
    int sendTextToAll(const QByteArray &utf8, FrameOrigin origin = FrameOrigin::User);
    int sendBinaryToAll(const QByteArray &bytes, FrameOrigin origin = FrameOrigin::User);
    void closeAll(quint16 code = 1001, const QString &reason = {});

Q_SIGNALS:
    void clientConnected(Frameline::Connection *client);
    void clientClosed(Frameline::Connection *client); // deleted later
    void eventsReady(const Frameline::EventBatch &events); // every client's events

private:
    class Listener;
    friend class ServerConnection;
    void onIncomingSocket(qintptr descriptor);
    void onClientMessage(ServerConnection *from, const Message &message);

    Options m_options;
    std::unique_ptr<Listener> m_listener;
    QSslConfiguration m_sslConfiguration;
    QString m_certificateFile;
    QList<ServerConnection *> m_clients;
};

// A connection accepted by a Server.
class ServerConnection final : public Connection
{
    Q_OBJECT
public:
    ServerConnection(Server *server, QTcpSocket *socket, const Server::Options &options,
                     const QSslConfiguration *tls);

protected:
    void messageReceived(const Message &message) override;

private:
    void onEncrypted();
    Server *m_server;
    Handshake::ServerOptions m_handshakeOptions;
    qint64 m_tlsStartNs = 0;
};

} // namespace Frameline
