#include "app/net/clock.h"

#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>

namespace Frameline {

namespace {
struct Epoch
{
    Epoch()
    {
        timer.start();
        anchorMs = QDateTime::currentMSecsSinceEpoch();
    }
    QElapsedTimer timer;
    qint64 anchorMs = 0;
};

const Epoch &epoch()
{
    static const Epoch s_epoch; // thread-safe initialisation (C++11 magic statics)
    return s_epoch;
}
} // namespace

qint64 Clock::nowNs()
{
    return epoch().timer.nsecsElapsed();
}

qint64 Clock::wallClockAnchorMs()
{
    return epoch().anchorMs;
}

} // namespace Frameline
