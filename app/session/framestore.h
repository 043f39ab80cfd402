#pragma once

#include "app/session/entrydetails.h"

#include <QtCore/QByteArrayView>

#include <atomic>
#include <memory>

namespace Frameline {

// The compact, append-only store behind a timeline (../shared/STYLE.md section 3): one fixed-size record
// per entry (frame or notice) in chunks that never move, payload bytes kept apart in chunked arenas,
// message records beside them. Entry id == row in frame mode. Holds the events of any number of
// connections (a server tab stores all its clients in one store).
//
// Appended to in its owner thread (the GUI thread: append() is called with each EventBatch). Entries
// below entryCount() never change and may be read from any thread (a filter worker) while appends
// continue; details() and anything holding notices is owner-thread only. Not a QObject: models poll
// entryCount() on their publication timer.
//
// NOTE: the API below is the contract the timeline, the inspector and the workspace code against.
// Extend it freely; change what is here only together with its users.
class FrameStore
{
public:
    // The cheap per-entry facts that timeline columns and filters use, read straight from the record.
    struct Summary
    {
        enum class Kind : quint8 { Frame, Notice };
        Kind kind = Kind::Frame;
        quint64 connectionId = 0;
        qint64 timestampNs = 0;
        Direction direction = Direction::Incoming;
        FrameOrigin origin = FrameOrigin::Peer;
        // Frame
        bool fin = false, rsv1 = false, rsv2 = false, rsv3 = false, masked = false;
        quint8 opcode = 0;
        quint8 messageOpcode = 0;
        FramePosition position = FramePosition::Whole;
        LengthForm lengthForm = LengthForm::Bits7;
        bool compressed = false;
        quint64 payloadLength = 0; // as declared on the wire
        // Notice
        ConnectionNotice::Kind noticeKind = ConnectionNotice::Kind::Info;
        // Both
        bool hasViolation = false;  // a frame with violations, or a Violation notice
        qint64 messageId = -1;      // Frame: the message it belongs to, once complete
    };

    FrameStore();
    ~FrameStore();
    FrameStore(const FrameStore &) = delete;
    FrameStore &operator=(const FrameStore &) = delete;

    // Owner thread. Adds every FrameEvent and ConnectionNotice as an entry and every MessageEvent as a
    // message (linking its frames).
    void append(const EventBatch &events);
    // Owner thread; no reader may be running.
    void clear();

    // Any thread (acquire): entries/messages below these counts are complete and immutable.
    qint64 entryCount() const;
    qint64 messageCount() const;

    Summary summary(qint64 entryId) const; // any thread, entryId < entryCount()
    // The stored payload of a frame entry (unmasked, as on the wire), or the text of a notice entry as
    // UTF-8; any thread; valid while the store lives (chunks never move) and until clear().
    QByteArrayView payload(qint64 entryId) const;
    // A message's whole payload (inflated when compressed); any thread, messageId < messageCount().
    QByteArrayView messagePayload(qint64 messageId) const;
    qint64 messageFirstEntry(qint64 messageId) const; // entry id of its first data frame
    qint64 messageLastEntry(qint64 messageId) const;  // entry id of its final frame (where it completes)
    int messageFrameCount(qint64 messageId) const;
    quint8 messageOpcode(qint64 messageId) const;

    // Owner thread: everything about one entry or message, for the inspector.
    EntryDetails frameDetails(qint64 entryId) const; // Frame or Notice entries
    EntryDetails messageDetails(qint64 messageId) const;

    // Memory the store holds beyond payload bytes, for the benchmark (records, indexes, notices).
    qint64 overheadBytes() const;
    qint64 payloadBytes() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Frameline
