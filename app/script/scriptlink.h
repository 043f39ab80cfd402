#pragma once

#include "app/net/connectionevent.h"
#include "app/protocol/framewriter.h"

#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace Frameline {

class Connection;
class Server;

// One thing a script asked to put on the wire, carried from the script thread to the connection's thread.
struct ScriptSend
{
    enum class Kind : quint8 { Message, Fragmented, Ping, Pong, Close, CloseWithoutCode, Frame };
    Kind kind = Kind::Message;
    quint8 opcode = 0x1;
    QByteArray payload;
    int count = 1;       // Fragmented: frames
    quint16 code = 1000; // Close
    QString reason;      // Close
    FrameSpec spec;      // Frame
};

// What the script thread needs to know about a connection when it starts following it.
struct ScriptTargetSnapshot
{
    bool exists = false;
    bool server = false;
    quint64 connectionId = 0;
    ConnectionState state = ConnectionState::Idle;
    QString url;
    std::shared_ptr<const HandshakeRecord> handshake;
    // A server's clients that are already open: a server script greets them like new ones.
    struct Client
    {
        quint64 connectionId = 0;
        std::shared_ptr<const HandshakeRecord> handshake;
    };
    QList<Client> openClients;
};

// The script runner's hand in the thread of a Connection or Server (the network thread in the app, the
// caller's thread in frameline-cli): it forwards the target's events to the script thread and applies what
// the script sends, always with FrameOrigin::Script. The script thread talks to it only through queued
// signals, and it holds its target in a QPointer read only in that thread, so a target deleted mid-run is
// noticed (targetGone) instead of being called.
//
// Created by ScriptRunner, moved to the target's thread, deleted with deleteLater() when the run ends.
class ScriptLink : public QObject
{
    Q_OBJECT
public:
    explicit ScriptLink(Connection *connection);
    explicit ScriptLink(Server *server);

    // In the target's thread: delivers what was pending, starts forwarding events, reports snapshot().
    void attach();
    // Applies one send to the connection `connectionId` (the connection itself, or a client of the server).
    void apply(quint64 connectionId, const Frameline::ScriptSend &send);
    // Answers flushed(token) once everything queued before it was applied.
    void flush(quint64 token);

Q_SIGNALS:
    void snapshot(const Frameline::ScriptTargetSnapshot &snapshot);
    void eventsReady(const Frameline::EventBatch &events);
    // frames: how many frames went on the wire; error: why nothing was sent (empty when it went out).
    void sendResult(quint64 connectionId, int frames, const QString &error);
    void flushed(quint64 token);
    void targetGone();

private:
    QPointer<Connection> m_connection;
    QPointer<Server> m_server;
};

} // namespace Frameline

Q_DECLARE_METATYPE(Frameline::ScriptSend)
Q_DECLARE_METATYPE(Frameline::ScriptTargetSnapshot)
