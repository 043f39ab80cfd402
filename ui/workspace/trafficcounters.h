#pragma once

#include "app/net/connectionevent.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <deque>

namespace Frameline {

// The live counters of a tab's connection bar, kept from the events its connection or server reports:
// frames and bytes in and out (a frame's bytes are its header and payload as on the wire), the rate over
// the last second and the last keepalive round trip.
//
// A plain value owned by a tab; GUI thread.
class TrafficCounters
{
    Q_DECLARE_TR_FUNCTIONS(TrafficCounters)
public:
    // Counts the frames and ping round trips of `events`; with a connectionId, only that connection's.
    void add(const EventBatch &events, quint64 connectionId = 0);
    void reset();

    qint64 framesIn() const { return m_framesIn; }
    qint64 framesOut() const { return m_framesOut; }
    qint64 bytesIn() const { return m_bytesIn; }
    qint64 bytesOut() const { return m_bytesOut; }
    qint64 lastRoundTripNs() const { return m_lastRoundTripNs; }
    // Bytes per second both ways, over the second before nowNs (Clock::nowNs()).
    qint64 bytesPerSecond(qint64 nowNs);

    // "In 3 frames · 120 B   Out 2 frames · 80 B   200 B/s   RTT 0.4 ms"
    QString text(qint64 nowNs);

    static QString formatBytes(qint64 bytes);

private:
    struct Sample
    {
        qint64 timestampNs;
        qint64 bytes;
    };
    qint64 m_framesIn = 0;
    qint64 m_framesOut = 0;
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
    qint64 m_lastRoundTripNs = -1;
    std::deque<Sample> m_recent; // frames of the last second, oldest first
};

} // namespace Frameline
