#pragma once

#include <QtCore/QtGlobal>

namespace Frameline {

// Timestamps for events: a monotonic nanosecond clock (never jumps, for ordering and intervals) and the
// wall-clock time at which it read zero, so any timestamp can be shown as a date.
// Thread-safe; the epoch is fixed the first time either function is called.
class Clock
{
public:
    static qint64 nowNs();
    // Milliseconds since 1970-01-01T00:00Z at the moment nowNs() was 0.
    static qint64 wallClockAnchorMs();
    static qint64 toWallClockMs(qint64 monotonicNs) { return wallClockAnchorMs() + monotonicNs / 1000000; }
};

} // namespace Frameline
