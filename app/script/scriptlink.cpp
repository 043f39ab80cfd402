#include "app/script/scriptlink.h"

#include "app/net/connection.h"
#include "app/net/server.h"

namespace Frameline {

ScriptLink::ScriptLink(Connection *connection)
    : m_connection(connection)
{
}

ScriptLink::ScriptLink(Server *server)
    : m_server(server)
{
}

void ScriptLink::attach()
{
    ScriptTargetSnapshot state;
    if (m_connection) {
        // What the connection reported before the script arrived goes to its other listeners, not to the
        // script: it sees only what happens from now on.
        m_connection->flushEvents();
        connect(m_connection, &Connection::eventsReady, this, &ScriptLink::eventsReady);
        connect(m_connection, &QObject::destroyed, this, &ScriptLink::targetGone);
        state.exists = true;
        state.connectionId = m_connection->id();
        state.state = m_connection->state();
        state.handshake = m_connection->handshake();
        if (state.handshake)
            state.url = state.handshake->url;
    } else if (m_server) {
        for (Connection *client : m_server->clients()) {
            client->flushEvents();
            if (client->state() == ConnectionState::Open)
                state.openClients.append({ client->id(), client->handshake() });
        }
        connect(m_server, &Server::eventsReady, this, &ScriptLink::eventsReady);
        connect(m_server, &QObject::destroyed, this, &ScriptLink::targetGone);
        state.exists = true;
        state.server = true;
        state.state = m_server->isListening() ? ConnectionState::Open : ConnectionState::Closed;
        state.url = m_server->url();
    }
    Q_EMIT snapshot(state);
}

void ScriptLink::apply(quint64 connectionId, const ScriptSend &send)
{
    Connection *connection = m_connection ? m_connection.data()
                                          : m_server ? m_server->client(connectionId) : nullptr;
    if (!connection) {
        Q_EMIT sendResult(connectionId, 0,
                          m_server || m_connection ? tr("That client is no longer connected")
                                                   : tr("The connection no longer exists"));
        return;
    }
    const qint64 framesBefore = connection->framesOut();
    bool ok = true;
    switch (send.kind) {
    case ScriptSend::Kind::Message:
        ok = connection->sendMessage(send.opcode, send.payload, FrameOrigin::Script);
        break;
    case ScriptSend::Kind::Fragmented:
        ok = connection->sendFragmented(send.opcode, send.payload, send.count, FrameOrigin::Script);
        break;
    case ScriptSend::Kind::Ping:
        ok = connection->sendPing(send.payload, FrameOrigin::Script);
        break;
    case ScriptSend::Kind::Pong:
        ok = connection->sendPong(send.payload, FrameOrigin::Script);
        break;
    case ScriptSend::Kind::Close:
    case ScriptSend::Kind::CloseWithoutCode:
        if (connection->state() != ConnectionState::Open) {
            Q_EMIT sendResult(connectionId, 0, tr("The connection is not open"));
            return;
        }
        if (send.kind == ScriptSend::Kind::Close)
            connection->close(send.code, send.reason, FrameOrigin::Script);
        else
            connection->closeWithoutCode(FrameOrigin::Script);
        break;
    case ScriptSend::Kind::Frame:
        ok = connection->sendFrame(send.spec, FrameOrigin::Script);
        break;
    }
    int frames = int(connection->framesOut() - framesBefore);
    // A crafted frame that declares more payload than it carries is on the wire, but the outgoing decoder
    // waits for the rest before it counts it.
    if (ok && send.kind == ScriptSend::Kind::Frame)
        frames = qMax(frames, 1);
    Q_EMIT sendResult(connectionId, frames, ok ? QString() : connection->errorString());
}

void ScriptLink::flush(quint64 token)
{
    Q_EMIT flushed(token);
}

} // namespace Frameline
