#pragma once

#include "app/session/entrydetails.h"
#include "app/session/sessionreader.h"

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>

#include <atomic>
#include <memory>
#include <optional>
#include <shared_mutex>

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
//
// Memory (docs/performance.md): a 40-byte record per entry and a 20-byte record per message, both in
// chunks of 4096 that never move (a two-level directory of chunk pointers, so a reader in another thread
// never sees a reallocation); payloads of up to 16 KiB are copied into 256 KiB arenas, larger ones are
// kept as the event's own (implicitly shared) buffer. A whole, uncompressed message shares its frame's
// bytes. Frame violations, notices and message frame lists live beside the records.
//
// Indexed mode (a session file of millions of frames, docs/performance.md "Sessions"): the entries come from
// a SessionIndex (appendIndexed()) and the payloads stay in the file. The records are the same, plus where
// each frame's and message's line is (16 bytes per entry, 24 per message); payload(), messagePayload() and
// the details read the line back through an EventFile when asked (2-3 µs each), keeping the most recent
// payloads in a small cache (32 MiB at most). Notices are read whole when appended (they are few). Such a
// store is built in a loader thread and handed to its owner with adopt().
class FrameStore
{
    Q_DECLARE_TR_FUNCTIONS(FrameStore)
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
        bool payloadOmitted = false; // Frame: over the frame limit, its payload was not kept
    };

    // The cheap facts about one message, from its record.
    struct MessageSummary
    {
        qint64 firstEntry = -1; // entry id of its first data frame (-1: its frames were not seen)
        qint64 lastEntry = -1; // entry id of its final frame
        int frameCount = 0; // data frames that carry it (that the store saw)
        quint8 opcode = 0;
        bool compressed = false;
        bool payloadTruncated = false;
        bool hasViolation = false;
        qint64 payloadLength = 0; // of its whole payload (inflated), as messagePayload() returns it
    };

    // Where an indexed store's payloads are: a session file, read back one event line at a time (decoded
    // in full, timestamps on the store's clock). Any thread may call read() and failed() at once.
    class EventFile
    {
    public:
        virtual ~EventFile() = default;
        // The event on the line at `offset`, `length` bytes long without its '\n'; nothing and *error when
        // it cannot be read.
        virtual std::optional<ConnectionEvent> read(qint64 offset, qint64 length, QString *error) const = 0;
        // A read failed, or found another event than the index said (the file changed under the store).
        virtual void failed(const QString &error) const { Q_UNUSED(error) }
    };

    FrameStore();
    ~FrameStore();
    FrameStore(const FrameStore &) = delete;
    FrameStore &operator=(const FrameStore &) = delete;

    // Owner thread. Adds every FrameEvent and ConnectionNotice as an entry and every MessageEvent as a
    // message (linking its frames).
    void append(const EventBatch &events);
    // Owner thread. Waits for readers holding lockForReading(); readers in other threads must take that
    // lock around what they read (per block, so clear() never waits long) and stop when epoch() changed.
    void clear();
    std::shared_lock<std::shared_mutex> lockForReading() const;
    quint64 epoch() const; // any thread: incremented by every clear()

    // Any thread (acquire): entries/messages below these counts are complete and immutable (except a frame's
    // messageId, set once when its message completes). A message's frames are published before it.
    qint64 entryCount() const;
    qint64 messageCount() const;

    Summary summary(qint64 entryId) const; // any thread, entryId < entryCount()
    // The stored payload of a frame entry (unmasked, as on the wire), or the text of a notice entry as
    // UTF-8; any thread. In memory, the bytes are not copied (QByteArray::fromRawData() over chunks that
    // never move: valid until clear()); in indexed mode they are read from the file (empty when that
    // fails: EventFile::failed() is told), so keep the returned array, not a view of it.
    QByteArray payload(qint64 entryId) const;
    // A message's whole payload (inflated when compressed); any thread, messageId < messageCount(). As
    // payload().
    QByteArray messagePayload(qint64 messageId) const;
    qint64 messageFirstEntry(qint64 messageId) const; // entry id of its first data frame
    qint64 messageLastEntry(qint64 messageId) const;  // entry id of its final frame (where it completes)
    int messageFrameCount(qint64 messageId) const;
    quint8 messageOpcode(qint64 messageId) const;
    MessageSummary messageSummary(qint64 messageId) const; // any thread
    qint64 messageFrameEntry(qint64 messageId, int frameNumber) const; // any thread, 0 <= frameNumber < count

    // Owner thread: timestamp of the first entry of a connection (0 when unknown), for relative times.
    qint64 connectionStartNs(quint64 connectionId) const;
    // Owner thread: the connection's opening handshake (peer address and port, request, response), null
    // while not known.
    std::shared_ptr<const HandshakeRecord> connectionHandshake(quint64 connectionId) const;
    // Owner thread: the entry before `entryId` of the same connection, -1 for its first; for the
    // timeline's time since the previous entry. A bounded scan of the entries just before it, then a binary
    // search in the notes append() keeps for the entries whose connection was quiet for longer than that
    // (none with one connection; 8 bytes each).
    qint64 previousConnectionEntry(qint64 entryId) const;
    // Owner thread: the notice of a Notice entry (a default one for a frame entry).
    const ConnectionNotice &notice(qint64 entryId) const;

    // The one-line, translated description of a notice that the store keeps as its text (what
    // payload() returns for a notice entry, what the timeline shows and searches).
    static QString noticeText(const ConnectionNotice &notice);

    // Owner thread: everything about one entry or message, for the inspector.
    // Frame details carry every header field (frame.header rebuilt exactly as on the wire from the record,
    // frame.index from the record, its low 32 bits); frame.streamOffset is not kept (0).
    EntryDetails frameDetails(qint64 entryId) const; // Frame or Notice entries
    EntryDetails messageDetails(qint64 messageId) const;

    // Memory the store holds beyond payload bytes, for the benchmark (records, indexes, notices).
    qint64 overheadBytes() const;
    qint64 payloadBytes() const;

    // ---- indexed mode ----
    // Owner thread, on an empty store: payloads and details are read from `file` from now on (until
    // clear()), and entries are added with appendIndexed(), not append().
    void setEventFile(std::shared_ptr<const EventFile> file);
    bool isIndexed() const;
    // Owner thread: adds the entry or message `entry` describes, its timestamp moved by `shiftNs` (as the
    // EventFile moves those it reads); `messageFrames` is a message's count and frame numbers
    // (SessionIndex::messageFrames). A notice is read from the file at once; false (and *error) when that
    // fails.
    bool appendIndexed(
        const SessionIndex::Entry &entry, const qint64 *messageFrames, qint64 shiftNs, QString *error);
    // Owner thread of both: takes everything `other` holds (which ends empty), as clear() then appending
    // it all would: readers see a new epoch. For a store built in another thread, handed over once built.
    void adopt(FrameStore &other);

private:
    Violations frameViolationsOf(qint64 entryId) const;

    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Frameline
