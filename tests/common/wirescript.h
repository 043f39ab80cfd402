#pragma once

// Test helper: the events a client connection reports, built from real frame bytes decoded by the
// StreamDecoder: what it sends (outgoing, masked client frames) and what it receives (incoming server
// frames), with notices in between; 1 ms between events.

#include "app/net/connectionevent.h"
#include "app/protocol/streamdecoder.h"

#include <utility>

namespace Frameline::Test {

class WireScript
{
public:
    explicit WireScript(quint64 connectionId = 1)
        : m_connectionId(connectionId)
        , m_outgoing(Endpoint::Client, Direction::Outgoing, *this)
        , m_incoming(Endpoint::Server, Direction::Incoming, *this)
    { }

    void out(const QByteArray &bytes) { m_outgoing.decoder.feed(bytes); }
    void in(const QByteArray &bytes) { m_incoming.decoder.feed(bytes); }
    void notice(ConnectionNotice notice)
    {
        notice.connectionId = m_connectionId;
        notice.timestampNs = tick();
        batch.append(notice);
    }
    void state(ConnectionState state, const CloseInfo &close = {})
    {
        ConnectionNotice n;
        n.kind = ConnectionNotice::Kind::StateChanged;
        n.state = state;
        n.close = close;
        notice(n);
    }
    EventBatch take() { return std::exchange(batch, {}); }

    EventBatch batch;

private:
    qint64 tick() { return m_clock += 1000000; } // 1 ms per event

    struct Side : StreamDecoder::Handler
    {
        Side(Endpoint sender, Direction direction_, WireScript &script_)
            : direction(direction_)
            , script(script_)
            , decoder(StreamDecoder::Options { sender, {}, std::nullopt }, *this)
        { }
        void frameDecoded(const Frame &frame) override
        {
            FrameEvent event;
            event.connectionId = script.m_connectionId;
            event.timestampNs = script.tick();
            event.direction = direction;
            event.origin = direction == Direction::Outgoing ? FrameOrigin::User : FrameOrigin::Peer;
            event.frame = frame;
            event.frame.payload = QByteArrayView();
            event.frame.payloadBuffer = nullptr;
            event.payload = frame.payload.toByteArray();
            script.batch.append(event);
        }
        void messageDecoded(const Message &message) override
        {
            MessageEvent event;
            event.connectionId = script.m_connectionId;
            event.timestampNs = script.m_clock;
            event.direction = direction;
            event.origin = direction == Direction::Outgoing ? FrameOrigin::User : FrameOrigin::Peer;
            event.message = message;
            script.batch.append(event);
        }
        Direction direction;
        WireScript &script;
        StreamDecoder decoder;
    };

    quint64 m_connectionId;
    qint64 m_clock = 0;
    Side m_outgoing;
    Side m_incoming;
};

} // namespace Frameline::Test
