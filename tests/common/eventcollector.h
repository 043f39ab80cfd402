#pragma once

// Test helper: collects the events a Connection or Server reports, with accessors for the usual checks.

#include "app/net/connectionevent.h"

#include <QtCore/QObject>

namespace Frameline::Test {

class EventCollector : public QObject
{
public:
    EventBatch events;

    template<typename Source>
    void follow(Source *source)
    {
        QObject::connect(source, &Source::eventsReady, this,
                         [this](const EventBatch &batch) { events.append(batch); });
    }

    QList<FrameEvent> frames(Direction direction) const
    {
        QList<FrameEvent> result;
        for (const ConnectionEvent &event : events) {
            if (const auto *frame = std::get_if<FrameEvent>(&event); frame && frame->direction == direction)
                result.append(*frame);
        }
        return result;
    }
    QList<MessageEvent> messages(Direction direction) const
    {
        QList<MessageEvent> result;
        for (const ConnectionEvent &event : events) {
            if (const auto *message = std::get_if<MessageEvent>(&event); message && message->direction == direction)
                result.append(*message);
        }
        return result;
    }
    QList<ConnectionNotice> notices(ConnectionNotice::Kind kind) const
    {
        QList<ConnectionNotice> result;
        for (const ConnectionEvent &event : events) {
            if (const auto *notice = std::get_if<ConnectionNotice>(&event); notice && notice->kind == kind)
                result.append(*notice);
        }
        return result;
    }
    QList<ConnectionState> states() const
    {
        QList<ConnectionState> result;
        for (const ConnectionNotice &notice : notices(ConnectionNotice::Kind::StateChanged))
            result.append(notice.state);
        return result;
    }
    std::optional<CloseInfo> closeInfo() const
    {
        for (const ConnectionNotice &notice : notices(ConnectionNotice::Kind::StateChanged)) {
            if (notice.state == ConnectionState::Closed)
                return notice.close;
        }
        return std::nullopt;
    }
};

} // namespace Frameline::Test
