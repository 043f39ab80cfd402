#include "ui/workspace/trafficcounters.h"

#include <QtCore/QLocale>

namespace Frameline {

namespace {

constexpr qint64 RateWindowNs = 1000000000;

} // namespace

void TrafficCounters::add(const EventBatch &events, quint64 connectionId)
{
    for (const ConnectionEvent &event : events) {
        if (const auto *frame = std::get_if<FrameEvent>(&event)) {
            if (connectionId != 0 && frame->connectionId != connectionId)
                continue;
            const qint64 bytes = qint64(frame->frame.headerLength) + qint64(frame->frame.payloadLength);
            if (frame->direction == Direction::Incoming) {
                ++m_framesIn;
                m_bytesIn += bytes;
            } else {
                ++m_framesOut;
                m_bytesOut += bytes;
            }
            m_recent.push_back({ frame->timestampNs, bytes });
        } else if (const auto *notice = std::get_if<ConnectionNotice>(&event)) {
            if (connectionId != 0 && notice->connectionId != connectionId)
                continue;
            if (notice->kind == ConnectionNotice::Kind::PingRoundTrip && notice->roundTripNs >= 0)
                m_lastRoundTripNs = notice->roundTripNs;
        }
    }
}

void TrafficCounters::reset()
{
    *this = TrafficCounters();
}

qint64 TrafficCounters::bytesPerSecond(qint64 nowNs)
{
    while (!m_recent.empty() && m_recent.front().timestampNs <= nowNs - RateWindowNs)
        m_recent.pop_front();
    qint64 total = 0;
    for (const Sample &sample : m_recent)
        total += sample.bytes;
    return total;
}

QString TrafficCounters::formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString TrafficCounters::text(qint64 nowNs)
{
    QString result = tr("In %n frame(s) · %1", nullptr, int(qMin<qint64>(m_framesIn, INT_MAX)))
                         .arg(formatBytes(m_bytesIn))
        + QStringLiteral("   ")
        + tr("Out %n frame(s) · %1", nullptr, int(qMin<qint64>(m_framesOut, INT_MAX)))
              .arg(formatBytes(m_bytesOut))
        + QStringLiteral("   ") + tr("%1/s").arg(formatBytes(bytesPerSecond(nowNs)));
    if (m_lastRoundTripNs >= 0)
        result += QStringLiteral("   ")
            + tr("RTT %1 ms").arg(QLocale().toString(double(m_lastRoundTripNs) / 1e6, 'f', 1));
    return result;
}

} // namespace Frameline
