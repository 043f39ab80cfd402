#pragma once

#include "app/session/sessionformat.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Frameline {

// What a fast first pass over a session file learns (SessionReader::buildIndex()): for every event line,
// where it is and the facts a timeline row and its filters need, without any payload. With it, the row
// count is known at once and any event is one readEventAt(offset) away. A plain value; any thread.
struct SessionIndex
{
    enum class Kind : quint8 { Frame, Message, Notice };

    struct Entry
    {
        qint64 offset = 0;        // of the line's first byte in the file
        qint64 length = 0;        // of the line, without its '\n'
        qint64 timestampNs = 0;
        quint64 connectionId = 0;
        // Frame: as declared on the wire (Frame::payloadLength). Message: its payload's size in bytes.
        quint64 payloadLength = 0;
        // Frame: Frame::index (its number among the frames of its connection and direction). Message:
        // where its Message::frameIndexes are in SessionIndex::messageFrames (their count, then each).
        qint64 number = 0;
        qint32 line = 0;          // 1-based line number (the header is line 1)
        Kind kind = Kind::Frame;
        Direction direction = Direction::Incoming; // frames and messages
        FrameOrigin origin = FrameOrigin::Peer;    // frames and messages
        quint8 opcode = 0;        // frames and messages
        quint8 messageOpcode = 0; // frames
        FramePosition position = FramePosition::Whole;
        LengthForm lengthForm = LengthForm::Bits7;
        ConnectionNotice::Kind noticeKind = ConnectionNotice::Kind::Info; // notices
        bool fin : 1 = false;
        bool rsv1 : 1 = false;
        bool rsv2 : 1 = false;
        bool rsv3 : 1 = false;
        bool masked : 1 = false;
        bool compressed : 1 = false;
        bool payloadOmitted : 1 = false; // frame: over the frame limit; message: payload truncated
        bool hasViolation : 1 = false;   // violations on the frame or message, or a violation notice
    };

    SessionHeader header;
    QList<Entry> entries;
    // The frames of every message (Entry::number): for each, the count, then the Frame::index of each.
    QList<qint64> messageFrames;
    // The header's warning (a newer minor version) and one per line that was skipped, as
    // SessionReader::warnings() words them.
    QStringList warnings;
    qint64 frameCount = 0;
    qint64 messageCount = 0;
    qint64 noticeCount = 0;
    qint64 fileSize = 0;
};

// Reads a session file (docs/session-format.md) back into the EventBatch it was written from: every
// field and payload byte as written. Tolerant as the format promises: a line that cannot be read is
// skipped with a warning naming its line number ("line 57: not valid JSON: ..."), a last line cut short
// is dropped with the warning "last line truncated", unknown fields are ignored, a newer minor version
// loads with a warning. A file that is not a session (no header, another format, binary, empty) or of a
// newer major version is refused by open() with errorString(), and nothing is read.
//
// Two ways through a file: sequentially (readAll(), or readBatch() in chunks for progress), or by index
// (buildIndex(), a fast pass that decodes no payload, then readEventAt() for the events on demand), for
// files of millions of events. A file is mapped into memory, not read into it: it may grow while open
// (what was appended is not seen) but must not shrink. buildIndex() and readAll() take a while on big
// files: call them off the GUI thread.
//
// Used from one thread at a time, except readEventAt(), which any number of threads may call at once
// while the reader stays open (it only reads the mapped bytes).
class SessionReader
{
    Q_DECLARE_TR_FUNCTIONS(SessionReader)
public:
    // Warnings kept word for word per pass; past this, lines that cannot be read are only counted (and the
    // count is reported in one last warning), so a damaged file cannot fill memory with warnings.
    static constexpr int MaxLineWarnings = 100;

    SessionReader();
    ~SessionReader();
    SessionReader(const SessionReader &) = delete;
    SessionReader &operator=(const SessionReader &) = delete;

    // Opens a session file and reads its header. False (and errorString()) when it cannot be read or
    // is not a session this version reads.
    bool open(const QString &path);
    // The same over a session held in memory; `name` is how messages call it.
    bool openData(const QByteArray &data, const QString &name = QString());
    void close();
    bool isOpen() const;

    const SessionHeader &header() const;
    QString errorString() const;
    // The header's warning, then those of the sequential reading so far.
    QStringList warnings() const;

    // Sequential reading from just after the header: the next events (at most maxEvents), empty at the end.
    EventBatch readBatch(qsizetype maxEvents);
    EventBatch readAll();
    bool atEnd() const;
    qint64 position() const; // byte offset reached, for progress
    qint64 size() const;     // bytes in the file

    // The index pass over the whole file (independent of the sequential position).
    SessionIndex buildIndex() const;
    // The same pass without keeping the index: `consume` is called with every entry in file order (line
    // numbers final; `frames` points at a message's count and frame numbers, as in messageFrames, and is
    // null for other entries), on the calling thread once the parallel part is done, chunk by chunk, so
    // only one pass's worth of entries is held at a time. The returned index has its header, counts and
    // warnings but no entries. When `cancel` becomes true the pass stops early (the result is then
    // incomplete: the caller discards it).
    using IndexConsumer = std::function<void(const SessionIndex::Entry &entry, const qint64 *frames)>;
    SessionIndex buildIndex(const IndexConsumer &consume, const std::atomic<bool> *cancel = nullptr) const;
    // The path of the file open (empty for openData()).
    QString fileName() const;
    // The event on the line starting at `offset` (an Entry's offset), decoded in full. Nothing and *error
    // when there is no readable event line there.
    std::optional<ConnectionEvent> readEventAt(qint64 offset, QString *error = nullptr) const;

    // Everything in one call, for files small enough to hold in memory.
    struct Loaded
    {
        bool ok = false;
        QString error;
        SessionHeader header;
        EventBatch events;
        QStringList warnings;
    };
    static Loaded load(const QString &path);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Frameline
