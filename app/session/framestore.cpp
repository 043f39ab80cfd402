#include "app/session/framestore.h"

#include "app/protocol/closecode.h"

#include <QtCore/QCache>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QtEndian>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <mutex>
#include <vector>

namespace Frameline {

namespace {

// An append-only array whose elements never move: fixed-size chunks reached through a two-level
// directory (pages of chunk pointers), all allocated up front or on demand and never reallocated. The
// owner appends; readers in other threads may read any element below a count published with release
// semantics, because nothing they can reach is ever moved or freed before clear().
template<typename T, int ChunkBits = 12> class ChunkedArray
{
public:
    static constexpr qint64 ChunkSize = qint64(1) << ChunkBits;
    static constexpr int PageBits = 10;
    static constexpr qint64 PageSize = qint64(1) << PageBits;
    static constexpr qint64 Capacity = qint64(1) << 32; // ids are 32-bit in the records
    static constexpr qint64 DirectorySize = Capacity / (ChunkSize * PageSize);

    T &operator[](qint64 i) const
    {
        const qint64 chunk = i >> ChunkBits;
        return m_directory[size_t(chunk >> PageBits)]
            ->chunks[size_t(chunk & (PageSize - 1))][i & (ChunkSize - 1)];
    }
    // Owner thread: a value-initialised new element at size() (the size grows by one).
    T &append()
    {
        if ((m_size & (ChunkSize - 1)) == 0) {
            Q_ASSERT(m_size < Capacity);
            const qint64 chunk = m_size >> ChunkBits;
            auto &page = m_directory[size_t(chunk >> PageBits)];
            if (!page)
                page = std::make_unique<Page>();
            page->chunks[size_t(chunk & (PageSize - 1))] = std::make_unique<T[]>(size_t(ChunkSize));
            ++m_chunks;
        }
        return (*this)[m_size++];
    }
    qint64 size() const { return m_size; }
    void clear()
    {
        for (auto &page : m_directory)
            page.reset();
        m_size = 0;
        m_chunks = 0;
    }
    qint64 allocatedBytes() const
    {
        qint64 pages = 0;
        for (const auto &page : m_directory)
            pages += page ? 1 : 0;
        return m_chunks * ChunkSize * qint64(sizeof(T)) + pages * qint64(sizeof(Page))
            + DirectorySize * qint64(sizeof(void *));
    }

private:
    struct Page
    {
        std::array<std::unique_ptr<T[]>, size_t(PageSize)> chunks;
    };
    std::array<std::unique_ptr<Page>, size_t(DirectorySize)> m_directory;
    qint64 m_size = 0;
    qint64 m_chunks = 0;
};

// Bytes kept apart from the records: small payloads are copied into large chunks, big ones are kept as the
// event's own implicitly shared buffer. Neither ever moves, so views handed out stay valid until clear().
class PayloadArena
{
public:
    static constexpr qint64 ChunkBytes = 256 * 1024;
    static constexpr qint64 OwnBlockThreshold = 16 * 1024;

    const char *store(const QByteArray &bytes)
    {
        if (bytes.isEmpty())
            return nullptr;
        if (bytes.size() > OwnBlockThreshold) {
            // A big payload keeps its own buffer (shared with the event, not copied); a raw-data array
            // points at memory it does not own, so that one is copied.
            m_blocks.append(const_cast<QByteArray &>(bytes).data_ptr().isMutable()
                    ? bytes
                    : QByteArray(bytes.constData(), bytes.size()));
            const QByteArray &kept = m_blocks.constLast();
            m_blockBytes += kept.size();
            m_payloadBytes += kept.size();
            return m_blocks.constLast().constData();
        }
        m_payloadBytes += bytes.size();
        char *to = allocate(bytes.size(), 1);
        std::memcpy(to, bytes.constData(), size_t(bytes.size()));
        return to;
    }
    char *allocate(qint64 size, qint64 alignment)
    {
        qint64 pad = (alignment - (m_used % alignment)) % alignment;
        if (m_chunks.empty() || m_used + pad + size > m_chunkSize) {
            m_chunkSize = std::max(ChunkBytes, size);
            m_chunks.push_back(std::make_unique<char[]>(size_t(m_chunkSize)));
            m_chunkBytes += m_chunkSize;
            m_used = 0;
            pad = 0;
        }
        char *at = m_chunks.back().get() + m_used + pad;
        m_used += pad + size;
        return at;
    }
    void clear()
    {
        m_chunks.clear();
        m_blocks.clear();
        m_used = m_chunkSize = m_chunkBytes = m_blockBytes = m_payloadBytes = 0;
    }
    qint64 payloadBytes() const { return m_payloadBytes; }
    // What the arena holds beyond the payload bytes: unused chunk space, side arrays, the block list.
    qint64 overheadBytes() const
    {
        return m_chunkBytes + m_blockBytes - m_payloadBytes + qint64(m_chunks.capacity() * sizeof(void *))
            + m_blocks.capacity() * qint64(sizeof(QByteArray));
    }

private:
    std::vector<std::unique_ptr<char[]>> m_chunks;
    QList<QByteArray> m_blocks;
    qint64 m_used = 0;
    qint64 m_chunkSize = 0;
    qint64 m_chunkBytes = 0;
    qint64 m_blockBytes = 0;
    qint64 m_payloadBytes = 0;
};

enum EntryFlag : quint8 {
    NoticeFlag = 0x01,
    MaskedFlag = 0x02,
    CompressedFlag = 0x04,
    ViolationFlag = 0x08,
    OmittedFlag = 0x10,
    OutgoingFlag = 0x20,
};

// One entry, 40 bytes. For a frame whose payload was omitted, `omittedLength` holds the declared length
// instead of a data pointer (nothing is stored); otherwise the declared length equals storedLength.
struct EntryRecord
{
    qint64 timestampNs;
    union {
        const char *data;
        quint64 omittedLength;
    };
    quint32 storedLength; // bytes at data: the payload, or a notice's text (UTF-8)
    quint32 connectionSlot;
    std::atomic<quint32> messageId; // frame: message id + 1 once its message completed (0: none)
    quint32 number; // frame: frame.index (low 32 bits); notice: index into the notice list
    quint8 header0; // the first header byte: FIN, RSV1-3, opcode
    quint8 flags; // EntryFlag
    quint8 bits; // origin (3 bits), position (3 bits), length form (2 bits)
    quint8 aux; // frame: message opcode; notice: notice kind
    std::array<quint8, 4> maskingKey;
};
static_assert(sizeof(EntryRecord) == 40, "the entry record is part of the memory budget");

enum MessageFlag : quint8 {
    MessageCompressed = 0x01,
    MessageTruncated = 0x02,
    MessageViolation = 0x04,
};

constexpr quint32 NoEntry = 0xFFFFFFFFu;
constexpr quint32 SharedPayload = 0xFFFFFFFFu;

// previousConnectionEntry() looks at this many entries before the one asked about; an entry whose
// connection's previous entry lies further back is noted when it is appended (FrameStore::Private::far).
constexpr qint64 PreviousLookBack = 256;

// Indexed mode: the payloads read last are kept, up to this many bytes (cost: size + 64).
constexpr qsizetype PayloadCacheBytes = 32 * 1024 * 1024;

// One message, 20 bytes. A single-frame message whose bytes are its frame's refers to them (extra ==
// SharedPayload); any other keeps its payload and frame list in an extra record.
struct MessageRecord
{
    quint32 firstEntry;
    quint32 lastEntry;
    quint32 frameCount;
    quint32 extra;
    quint8 opcode;
    quint8 flags;
};
static_assert(sizeof(MessageRecord) == 20, "the message record is part of the memory budget");

struct MessageExtra
{
    const char *payload;
    qint64 length;
    const quint32 *frameEntries; // frameCount entry ids (in the arena)
};

quint8 lengthFormBits(LengthForm form)
{
    switch (form) {
    case LengthForm::Bits7:
        return 0;
    case LengthForm::Bits16:
        return 1;
    case LengthForm::Bits64:
        return 2;
    }
    return 0;
}

LengthForm lengthFormFromBits(quint8 bits)
{
    switch (bits) {
    case 1:
        return LengthForm::Bits16;
    case 2:
        return LengthForm::Bits64;
    default:
        return LengthForm::Bits7;
    }
}

QString firstLine(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf('\r');
    return QString::fromUtf8(end < 0 ? bytes : bytes.left(end));
}

} // namespace

// Where an indexed store's frame or message line is in its file.
struct LineLocation
{
    qint64 offset;
    qint64 length;
};

// Everything a store holds (what adopt() moves from one store to another).
struct StoreData
{
    struct ConnectionInfo
    {
        quint64 id = 0;
        qint64 startNs = 0;
        std::shared_ptr<const HandshakeRecord> handshake;
        std::shared_ptr<const TlsRecord> tls;
        std::optional<CloseInfo> close;
        quint32 lastEntry = NoEntry; // its latest entry
        // Data frames waiting for their message, per direction: (frame.index, entry id), in order.
        std::array<std::vector<std::pair<qint64, quint32>>, 2> pending;
    };

    ChunkedArray<EntryRecord> entries;
    ChunkedArray<MessageRecord> messages;
    ChunkedArray<MessageExtra, 10> extras;
    ChunkedArray<quint64, 8> connectionIds; // by slot: any thread reads it
    PayloadArena arena;

    std::vector<ConnectionInfo> connections; // by slot; owner thread
    QHash<quint64, quint32> slotById;
    std::vector<ConnectionNotice> notices;
    // (entry id, previous entry id of its connection) for the entries whose previous entry is more than
    // PreviousLookBack entries before them, ascending; owner thread. Empty with a single connection; one
    // per entry of a client that was quiet for that many entries of the others; at worst one per entry
    // (more interleaved connections than PreviousLookBack), 8 bytes each.
    std::vector<std::pair<quint32, quint32>> far;
    QHash<quint32, Violations> frameViolations;
    QHash<quint32, Violations> messageViolations;

    // Indexed mode: the file, and where each entry's and message's line is (notices: unused).
    std::shared_ptr<const FrameStore::EventFile> file;
    ChunkedArray<LineLocation> entryLines;
    ChunkedArray<LineLocation> messageLines;

    void clearData()
    {
        entries.clear();
        messages.clear();
        extras.clear();
        connectionIds.clear();
        arena.clear();
        connections.clear();
        slotById.clear();
        notices.clear();
        far.clear();
        frameViolations.clear();
        messageViolations.clear();
        file.reset();
        entryLines.clear();
        messageLines.clear();
    }
};

class FrameStore::Private : public StoreData
{
public:
    quint32 connectionSlot(quint64 connectionId, qint64 timestampNs)
    {
        const auto it = slotById.constFind(connectionId);
        if (it != slotById.constEnd())
            return it.value();
        const quint32 slot = quint32(connectionIds.size());
        connectionIds.append() = connectionId;
        ConnectionInfo info;
        info.id = connectionId;
        info.startNs = timestampNs;
        connections.push_back(std::move(info));
        slotById.insert(connectionId, slot);
        return slot;
    }

    // Called with every new entry: notes the connection's previous entry when it is beyond the look-back.
    void linkToPrevious(quint32 slot, quint32 id)
    {
        ConnectionInfo &info = connections[slot];
        if (info.lastEntry != NoEntry && qint64(id) - qint64(info.lastEntry) > PreviousLookBack)
            far.emplace_back(id, info.lastEntry);
        info.lastEntry = id;
    }

    void appendFrame(const FrameEvent &event);
    void appendMessage(const MessageEvent &event);
    void appendNotice(const ConnectionNotice &notice);
    void appendIndexedFrame(const SessionIndex::Entry &entry, qint64 shiftNs);
    void appendIndexedMessage(const SessionIndex::Entry &entry, const qint64 *frames, qint64 shiftNs);
    // The entry ids of a new message's data frames (`count` frame numbers of its connection and
    // direction), taken from the frames waiting for their message.
    QVarLengthArray<quint32, 4> takeFrames(
        quint32 slot, Direction direction, const qint64 *frameIndexes, qsizetype count);
    // The record of a new message, published with its frames linked to it.
    void publishMessage(quint32 id, const QVarLengthArray<quint32, 4> &frameEntries);

    // Indexed mode: the event of an entry or message line, checked against its record (nothing, and the
    // file told, when it cannot be read or is not the event the index described).
    // One line of the file, decoded; nothing (and the file marked failed) when it cannot be read.
    std::optional<ConnectionEvent> readLine(const LineLocation &line) const;
    std::optional<ConnectionEvent> readEntry(qint64 entryId) const;
    std::optional<ConnectionEvent> readMessage(qint64 messageId) const;
    static QString changedText(qint64 offset);
    QByteArray cachedPayload(quint64 key, const std::function<QByteArray()> &read) const;

    std::atomic<qint64> entryCount { 0 };
    std::atomic<qint64> messageCount { 0 };
    std::atomic<quint64> epoch { 0 };
    mutable std::shared_mutex readers;

    // Indexed mode: the payloads read last (key: entry id, or message id with the top bit set).
    mutable std::mutex cacheMutex;
    mutable QCache<quint64, QByteArray> cache { PayloadCacheBytes };
};

void FrameStore::Private::appendFrame(const FrameEvent &event)
{
    const Frame &frame = event.frame;
    const quint32 slot = connectionSlot(event.connectionId, event.timestampNs);
    const quint32 id = quint32(entries.size());
    linkToPrevious(slot, id);
    EntryRecord &record = entries.append();
    record.timestampNs = event.timestampNs;
    record.connectionSlot = slot;
    record.number = quint32(quint64(frame.index));
    record.header0 = quint8((frame.fin ? 0x80 : 0) | (frame.rsv1 ? 0x40 : 0) | (frame.rsv2 ? 0x20 : 0)
        | (frame.rsv3 ? 0x10 : 0) | (frame.opcode & 0x0F));
    quint8 flags = 0;
    if (frame.masked)
        flags |= MaskedFlag;
    if (frame.compressed)
        flags |= CompressedFlag;
    if (!frame.violations.isEmpty()) {
        flags |= ViolationFlag;
        frameViolations.insert(id, frame.violations);
    }
    if (event.direction == Direction::Outgoing)
        flags |= OutgoingFlag;
    if (frame.payloadOmitted) {
        flags |= OmittedFlag;
        record.omittedLength = frame.payloadLength;
        record.storedLength = 0;
    } else {
        record.data = arena.store(event.payload);
        record.storedLength = quint32(event.payload.size());
    }
    record.flags = flags;
    record.bits = quint8((quint8(event.origin) & 0x7) | ((quint8(frame.position) & 0x7) << 3)
        | (lengthFormBits(frame.lengthForm) << 6));
    record.aux = frame.messageOpcode;
    record.maskingKey = frame.maskingKey;

    switch (frame.position) {
    case FramePosition::Whole:
    case FramePosition::First:
    case FramePosition::Middle:
    case FramePosition::Last:
        connections[slot].pending[event.direction == Direction::Outgoing ? 1 : 0].emplace_back(
            frame.index, id);
        break;
    case FramePosition::Control:
    case FramePosition::Orphan:
        break;
    }
}

QVarLengthArray<quint32, 4> FrameStore::Private::takeFrames(
    quint32 slot, Direction direction, const qint64 *frameIndexes, qsizetype count)
{
    auto &pending = connections[slot].pending[direction == Direction::Outgoing ? 1 : 0];
    // Map the message's per-direction frame numbers to entry ids; the pending list is in frame order.
    QVarLengthArray<quint32, 4> frameEntries;
    for (qsizetype i = 0; i < count; ++i) {
        const qint64 index = frameIndexes[i];
        const auto it = std::lower_bound(pending.begin(), pending.end(), index,
            [](const std::pair<qint64, quint32> &p, qint64 wanted) { return p.first < wanted; });
        if (it != pending.end() && it->first == index)
            frameEntries.append(it->second);
    }
    if (count > 0) {
        const qint64 last = frameIndexes[count - 1];
        const auto end = std::upper_bound(pending.begin(), pending.end(), last,
            [](qint64 i, const std::pair<qint64, quint32> &p) { return i < p.first; });
        pending.erase(pending.begin(), end);
    }
    return frameEntries;
}

void FrameStore::Private::publishMessage(quint32 id, const QVarLengthArray<quint32, 4> &frameEntries)
{
    // Its frames are published first, so a reader that sees the message can read all of them.
    entryCount.store(entries.size(), std::memory_order_release);
    messageCount.store(messages.size(), std::memory_order_release);
    // The record is published before any frame points at it.
    for (const quint32 entry : frameEntries)
        entries[entry].messageId.store(id + 1, std::memory_order_release);
}

void FrameStore::Private::appendMessage(const MessageEvent &event)
{
    const Message &message = event.message;
    const quint32 slot = connectionSlot(event.connectionId, event.timestampNs);
    const QVarLengthArray<quint32, 4> frameEntries
        = takeFrames(slot, event.direction, message.frameIndexes.constData(), message.frameIndexes.size());

    const quint32 id = quint32(messages.size());
    MessageRecord &record = messages.append();
    record.firstEntry = frameEntries.isEmpty() ? NoEntry : frameEntries.front();
    record.lastEntry = frameEntries.isEmpty() ? NoEntry : frameEntries.back();
    record.frameCount = quint32(frameEntries.size());
    record.opcode = message.opcode;
    quint8 flags = 0;
    if (message.compressed)
        flags |= MessageCompressed;
    if (message.payloadTruncated)
        flags |= MessageTruncated;
    if (!message.violations.isEmpty()) {
        flags |= MessageViolation;
        messageViolations.insert(id, message.violations);
    }
    record.flags = flags;

    bool shared = false;
    if (frameEntries.size() == 1 && !message.compressed && !message.payloadTruncated) {
        const EntryRecord &frame = entries[frameEntries.front()];
        shared = !(frame.flags & OmittedFlag) && qint64(frame.storedLength) == message.payload.size()
            && (frame.storedLength == 0 || frame.data == message.payload.constData()
                || std::memcmp(frame.data, message.payload.constData(), frame.storedLength) == 0);
    }
    if (shared) {
        record.extra = SharedPayload;
    } else {
        record.extra = quint32(extras.size());
        MessageExtra &extra = extras.append();
        extra.payload = arena.store(message.payload);
        extra.length = message.payload.size();
        if (!frameEntries.isEmpty()) {
            auto *ids = reinterpret_cast<quint32 *>(
                arena.allocate(qint64(frameEntries.size() * sizeof(quint32)), alignof(quint32)));
            std::memcpy(ids, frameEntries.constData(), size_t(frameEntries.size()) * sizeof(quint32));
            extra.frameEntries = ids;
        } else {
            extra.frameEntries = nullptr;
        }
    }
    publishMessage(id, frameEntries);
}

void FrameStore::Private::appendIndexedFrame(const SessionIndex::Entry &entry, qint64 shiftNs)
{
    const quint32 slot = connectionSlot(entry.connectionId, entry.timestampNs + shiftNs);
    const quint32 id = quint32(entries.size());
    linkToPrevious(slot, id);
    entryLines.append() = LineLocation { entry.offset, entry.length };
    EntryRecord &record = entries.append();
    record.timestampNs = entry.timestampNs + shiftNs;
    record.connectionSlot = slot;
    record.number = quint32(quint64(entry.number));
    record.header0 = quint8((entry.fin ? 0x80 : 0) | (entry.rsv1 ? 0x40 : 0) | (entry.rsv2 ? 0x20 : 0)
        | (entry.rsv3 ? 0x10 : 0) | (entry.opcode & 0x0F));
    quint8 flags = 0;
    if (entry.masked)
        flags |= MaskedFlag;
    if (entry.compressed)
        flags |= CompressedFlag;
    if (entry.hasViolation)
        flags |= ViolationFlag; // the violations themselves are read with the details
    if (entry.direction == Direction::Outgoing)
        flags |= OutgoingFlag;
    if (entry.payloadOmitted) {
        flags |= OmittedFlag;
        record.omittedLength = entry.payloadLength;
        record.storedLength = 0;
    } else {
        record.data = nullptr; // in the file
        record.storedLength = quint32(entry.payloadLength);
    }
    record.flags = flags;
    record.bits = quint8((quint8(entry.origin) & 0x7) | ((quint8(entry.position) & 0x7) << 3)
        | (lengthFormBits(entry.lengthForm) << 6));
    record.aux = entry.messageOpcode;
    record.maskingKey = {}; // read with the details

    switch (entry.position) {
    case FramePosition::Whole:
    case FramePosition::First:
    case FramePosition::Middle:
    case FramePosition::Last:
        connections[slot].pending[entry.direction == Direction::Outgoing ? 1 : 0].emplace_back(
            entry.number, id);
        break;
    case FramePosition::Control:
    case FramePosition::Orphan:
        break;
    }
}

void FrameStore::Private::appendIndexedMessage(
    const SessionIndex::Entry &entry, const qint64 *frames, qint64 shiftNs)
{
    const quint32 slot = connectionSlot(entry.connectionId, entry.timestampNs + shiftNs);
    const qsizetype count = frames ? qsizetype(frames[0]) : 0;
    const QVarLengthArray<quint32, 4> frameEntries
        = takeFrames(slot, entry.direction, frames ? frames + 1 : nullptr, count);

    const quint32 id = quint32(messages.size());
    messageLines.append() = LineLocation { entry.offset, entry.length };
    MessageRecord &record = messages.append();
    record.firstEntry = frameEntries.isEmpty() ? NoEntry : frameEntries.front();
    record.lastEntry = frameEntries.isEmpty() ? NoEntry : frameEntries.back();
    record.frameCount = quint32(frameEntries.size());
    record.opcode = entry.opcode;
    quint8 flags = 0;
    if (entry.compressed)
        flags |= MessageCompressed;
    if (entry.payloadOmitted)
        flags |= MessageTruncated;
    if (entry.hasViolation)
        flags |= MessageViolation;
    record.flags = flags;

    // As in memory, a whole uncompressed message is its frame's bytes (the payload is read from the
    // message's own line either way: this only decides where its length and frame list are kept).
    bool shared = false;
    if (frameEntries.size() == 1 && !entry.compressed && !entry.payloadOmitted) {
        const EntryRecord &frame = entries[frameEntries.front()];
        shared = !(frame.flags & OmittedFlag) && quint64(frame.storedLength) == entry.payloadLength;
    }
    if (shared) {
        record.extra = SharedPayload;
    } else {
        record.extra = quint32(extras.size());
        MessageExtra &extra = extras.append();
        extra.payload = nullptr; // in the file
        extra.length = qint64(entry.payloadLength);
        if (!frameEntries.isEmpty()) {
            auto *ids = reinterpret_cast<quint32 *>(
                arena.allocate(qint64(frameEntries.size() * sizeof(quint32)), alignof(quint32)));
            std::memcpy(ids, frameEntries.constData(), size_t(frameEntries.size()) * sizeof(quint32));
            extra.frameEntries = ids;
        } else {
            extra.frameEntries = nullptr;
        }
    }
    publishMessage(id, frameEntries);
}

void FrameStore::Private::appendNotice(const ConnectionNotice &notice)
{
    const quint32 slot = connectionSlot(notice.connectionId, notice.timestampNs);
    ConnectionInfo &info = connections[slot];
    switch (notice.kind) {
    case ConnectionNotice::Kind::Handshake:
        if (notice.handshake)
            info.handshake = notice.handshake;
        break;
    case ConnectionNotice::Kind::Tls:
        if (notice.tls)
            info.tls = notice.tls;
        break;
    case ConnectionNotice::Kind::StateChanged:
        if (notice.state == ConnectionState::Closed)
            info.close = notice.close;
        else if (notice.state == ConnectionState::Open || notice.state == ConnectionState::Resolving
            || notice.state == ConnectionState::Connecting)
            info.close.reset(); // a new attempt (reconnect)
        break;
    default:
        break;
    }

    const QByteArray text = noticeText(notice).toUtf8();
    linkToPrevious(slot, quint32(entries.size()));
    EntryRecord &record = entries.append();
    record.timestampNs = notice.timestampNs;
    record.connectionSlot = slot;
    record.number = quint32(notices.size());
    record.data = arena.store(text);
    record.storedLength = quint32(text.size());
    record.header0 = 0;
    record.flags
        = quint8(NoticeFlag | (notice.kind == ConnectionNotice::Kind::Violation ? ViolationFlag : 0));
    record.bits = 0;
    record.aux = quint8(notice.kind);
    record.maskingKey = {};
    notices.push_back(notice);
}

FrameStore::FrameStore()
    : d(std::make_unique<Private>())
{ }

FrameStore::~FrameStore() = default;

void FrameStore::append(const EventBatch &events)
{
    for (const ConnectionEvent &event : events) {
        if (const auto *frame = std::get_if<FrameEvent>(&event))
            d->appendFrame(*frame);
        else if (const auto *message = std::get_if<MessageEvent>(&event))
            d->appendMessage(*message);
        else if (const auto *notice = std::get_if<ConnectionNotice>(&event))
            d->appendNotice(*notice);
    }
    d->entryCount.store(d->entries.size(), std::memory_order_release);
}

void FrameStore::clear()
{
    std::unique_lock<std::shared_mutex> lock(d->readers);
    d->epoch.fetch_add(1, std::memory_order_acq_rel);
    d->entryCount.store(0, std::memory_order_release);
    d->messageCount.store(0, std::memory_order_release);
    d->clearData();
    std::lock_guard<std::mutex> cacheLock(d->cacheMutex);
    d->cache.clear();
}

void FrameStore::adopt(FrameStore &other)
{
    if (&other == this)
        return;
    {
        std::unique_lock<std::shared_mutex> lock(d->readers);
        std::unique_lock<std::shared_mutex> otherLock(other.d->readers);
        d->epoch.fetch_add(1, std::memory_order_acq_rel);
        d->clearData();
        // Moved, not copied: the chunks, arenas and blocks the records point into keep their addresses.
        static_cast<StoreData &>(*d) = std::move(static_cast<StoreData &>(*other.d));
        d->entryCount.store(d->entries.size(), std::memory_order_release);
        d->messageCount.store(d->messages.size(), std::memory_order_release);
        std::lock_guard<std::mutex> cacheLock(d->cacheMutex);
        d->cache.clear();
    }
    other.clear(); // what the move left behind
}

void FrameStore::setEventFile(std::shared_ptr<const EventFile> file)
{
    Q_ASSERT(d->entries.size() == 0);
    d->file = std::move(file);
}

bool FrameStore::isIndexed() const
{
    return d->file != nullptr;
}

bool FrameStore::appendIndexed(
    const SessionIndex::Entry &entry, const qint64 *messageFrames, qint64 shiftNs, QString *error)
{
    Q_ASSERT(d->file);
    switch (entry.kind) {
    case SessionIndex::Kind::Frame:
        d->appendIndexedFrame(entry, shiftNs);
        break;
    case SessionIndex::Kind::Message:
        d->appendIndexedMessage(entry, messageFrames, shiftNs);
        break;
    case SessionIndex::Kind::Notice: {
        std::optional<ConnectionEvent> event = d->file->read(entry.offset, entry.length, error);
        const auto *notice = event ? std::get_if<ConnectionNotice>(&*event) : nullptr;
        if (!notice) {
            if (event && error)
                *error = tr("Line %1 is not the notice its index describes").arg(entry.line);
            return false;
        }
        d->entryLines.append() = LineLocation { entry.offset, entry.length };
        d->appendNotice(*notice);
        break;
    }
    }
    d->entryCount.store(d->entries.size(), std::memory_order_release);
    return true;
}

std::shared_lock<std::shared_mutex> FrameStore::lockForReading() const
{
    return std::shared_lock<std::shared_mutex>(d->readers);
}

quint64 FrameStore::epoch() const
{
    return d->epoch.load(std::memory_order_acquire);
}

qint64 FrameStore::entryCount() const
{
    return d->entryCount.load(std::memory_order_acquire);
}

qint64 FrameStore::messageCount() const
{
    return d->messageCount.load(std::memory_order_acquire);
}

FrameStore::Summary FrameStore::summary(qint64 entryId) const
{
    Q_ASSERT(entryId >= 0 && entryId < d->entries.size());
    const EntryRecord &record = d->entries[entryId];
    Summary summary;
    summary.connectionId = d->connectionIds[record.connectionSlot];
    summary.timestampNs = record.timestampNs;
    summary.hasViolation = record.flags & ViolationFlag;
    if (record.flags & NoticeFlag) {
        summary.kind = Summary::Kind::Notice;
        summary.noticeKind = ConnectionNotice::Kind(record.aux);
        return summary;
    }
    summary.direction = (record.flags & OutgoingFlag) ? Direction::Outgoing : Direction::Incoming;
    summary.origin = FrameOrigin(record.bits & 0x7);
    summary.fin = record.header0 & 0x80;
    summary.rsv1 = record.header0 & 0x40;
    summary.rsv2 = record.header0 & 0x20;
    summary.rsv3 = record.header0 & 0x10;
    summary.opcode = record.header0 & 0x0F;
    summary.masked = record.flags & MaskedFlag;
    summary.messageOpcode = record.aux;
    summary.position = FramePosition((record.bits >> 3) & 0x7);
    summary.lengthForm = lengthFormFromBits(quint8(record.bits >> 6));
    summary.compressed = record.flags & CompressedFlag;
    summary.payloadOmitted = record.flags & OmittedFlag;
    summary.payloadLength = summary.payloadOmitted ? record.omittedLength : record.storedLength;
    summary.messageId = qint64(record.messageId.load(std::memory_order_acquire)) - 1;
    return summary;
}

QByteArray FrameStore::payload(qint64 entryId) const
{
    const EntryRecord &record = d->entries[entryId];
    if ((record.flags & OmittedFlag) || record.storedLength == 0)
        return QByteArray();
    if (record.data || (record.flags & NoticeFlag))
        return QByteArray::fromRawData(record.data, qsizetype(record.storedLength));
    return d->cachedPayload(quint64(entryId), [this, entryId] {
        const std::optional<ConnectionEvent> event = d->readEntry(entryId);
        const auto *frame = event ? std::get_if<FrameEvent>(&*event) : nullptr;
        return frame ? frame->payload : QByteArray();
    });
}

QByteArray FrameStore::messagePayload(qint64 messageId) const
{
    const MessageRecord &record = d->messages[messageId];
    if (!d->file) {
        if (record.extra == SharedPayload)
            return payload(record.firstEntry);
        const MessageExtra &extra = d->extras[record.extra];
        return QByteArray::fromRawData(extra.payload, qsizetype(extra.length));
    }
    if (messageSummary(messageId).payloadLength == 0)
        return QByteArray();
    return d->cachedPayload((quint64(1) << 63) | quint64(messageId), [this, messageId] {
        const std::optional<ConnectionEvent> event = d->readMessage(messageId);
        const auto *message = event ? std::get_if<MessageEvent>(&*event) : nullptr;
        return message ? message->message.payload : QByteArray();
    });
}

QByteArray FrameStore::Private::cachedPayload(quint64 key, const std::function<QByteArray()> &read) const
{
    {
        std::lock_guard<std::mutex> lock(cacheMutex);
        if (const QByteArray *cached = cache.object(key))
            return *cached;
    }
    // Read outside the lock: another thread asking for another payload does not wait for this one.
    const QByteArray bytes = read();
    if (!bytes.isEmpty()) {
        std::lock_guard<std::mutex> lock(cacheMutex);
        cache.insert(key, new QByteArray(bytes), bytes.size() + 64);
    }
    return bytes;
}

QString FrameStore::Private::changedText(qint64 offset)
{
    return FrameStore::tr("The event at byte %1 is not the one read when the file was opened: the file has "
                          "changed")
        .arg(offset);
}

std::optional<ConnectionEvent> FrameStore::Private::readLine(const LineLocation &line) const
{
    QString error;
    std::optional<ConnectionEvent> event = file->read(line.offset, line.length, &error);
    if (!event)
        file->failed(error);
    return event;
}

std::optional<ConnectionEvent> FrameStore::Private::readEntry(qint64 entryId) const
{
    const LineLocation &line = entryLines[entryId];
    std::optional<ConnectionEvent> event = readLine(line);
    if (!event)
        return std::nullopt;
    // The line must still be the one the index described: a file rewritten in place is noticed here.
    const EntryRecord &record = entries[entryId];
    const auto *frame = std::get_if<FrameEvent>(&*event);
    if (!frame || frame->connectionId != connectionIds[record.connectionSlot]
        || frame->timestampNs != record.timestampNs || quint32(quint64(frame->frame.index)) != record.number) {
        file->failed(changedText(line.offset));
        return std::nullopt;
    }
    return event;
}

std::optional<ConnectionEvent> FrameStore::Private::readMessage(qint64 messageId) const
{
    const LineLocation &line = messageLines[messageId];
    std::optional<ConnectionEvent> event = readLine(line);
    if (!event)
        return std::nullopt;
    const MessageRecord &record = messages[messageId];
    const auto *message = std::get_if<MessageEvent>(&*event);
    if (!message || message->message.opcode != record.opcode
        || (record.lastEntry != NoEntry
            && message->connectionId != connectionIds[entries[record.lastEntry].connectionSlot])) {
        file->failed(changedText(line.offset));
        return std::nullopt;
    }
    return event;
}

qint64 FrameStore::messageFirstEntry(qint64 messageId) const
{
    const quint32 entry = d->messages[messageId].firstEntry;
    return entry == NoEntry ? -1 : qint64(entry);
}

qint64 FrameStore::messageLastEntry(qint64 messageId) const
{
    const quint32 entry = d->messages[messageId].lastEntry;
    return entry == NoEntry ? -1 : qint64(entry);
}

int FrameStore::messageFrameCount(qint64 messageId) const
{
    return int(d->messages[messageId].frameCount);
}

quint8 FrameStore::messageOpcode(qint64 messageId) const
{
    return d->messages[messageId].opcode;
}

FrameStore::MessageSummary FrameStore::messageSummary(qint64 messageId) const
{
    const MessageRecord &record = d->messages[messageId];
    MessageSummary summary;
    summary.firstEntry = record.firstEntry == NoEntry ? -1 : qint64(record.firstEntry);
    summary.lastEntry = record.lastEntry == NoEntry ? -1 : qint64(record.lastEntry);
    summary.frameCount = int(record.frameCount);
    summary.opcode = record.opcode;
    summary.compressed = record.flags & MessageCompressed;
    summary.payloadTruncated = record.flags & MessageTruncated;
    summary.hasViolation = record.flags & MessageViolation;
    summary.payloadLength = record.extra == SharedPayload ? qint64(d->entries[record.firstEntry].storedLength)
                                                          : d->extras[record.extra].length;
    return summary;
}

qint64 FrameStore::messageFrameEntry(qint64 messageId, int frameNumber) const
{
    const MessageRecord &record = d->messages[messageId];
    Q_ASSERT(frameNumber >= 0 && quint32(frameNumber) < record.frameCount);
    if (record.extra == SharedPayload)
        return record.firstEntry;
    return d->extras[record.extra].frameEntries[frameNumber];
}

qint64 FrameStore::connectionStartNs(quint64 connectionId) const
{
    const auto it = d->slotById.constFind(connectionId);
    return it == d->slotById.constEnd() ? 0 : d->connections[it.value()].startNs;
}

std::shared_ptr<const HandshakeRecord> FrameStore::connectionHandshake(quint64 connectionId) const
{
    const auto it = d->slotById.constFind(connectionId);
    return it == d->slotById.constEnd() ? nullptr : d->connections[it.value()].handshake;
}

qint64 FrameStore::previousConnectionEntry(qint64 entryId) const
{
    Q_ASSERT(entryId >= 0 && entryId < d->entries.size());
    // Nothing is kept per entry for this: the entries just before it (connections usually interleave
    // closely), then the few noted at append time whose previous entry is further back.
    const quint32 slot = d->entries[entryId].connectionSlot;
    const qint64 stop = std::max<qint64>(0, entryId - PreviousLookBack);
    for (qint64 entry = entryId - 1; entry >= stop; --entry) {
        if (d->entries[entry].connectionSlot == slot)
            return entry;
    }
    if (stop == 0)
        return -1;
    const auto it = std::lower_bound(d->far.cbegin(), d->far.cend(), quint32(entryId),
        [](const std::pair<quint32, quint32> &far, quint32 id) { return far.first < id; });
    return it != d->far.cend() && it->first == quint32(entryId) ? qint64(it->second) : -1;
}

const ConnectionNotice &FrameStore::notice(qint64 entryId) const
{
    static const ConnectionNotice none;
    const EntryRecord &record = d->entries[entryId];
    if (!(record.flags & NoticeFlag))
        return none;
    return d->notices[record.number];
}

EntryDetails FrameStore::frameDetails(qint64 entryId) const
{
    EntryDetails details;
    if (entryId < 0 || entryId >= d->entries.size())
        return details;
    const EntryRecord &record = d->entries[entryId];
    const Private::ConnectionInfo &info = d->connections[record.connectionSlot];
    details.id = entryId;
    details.connectionId = info.id;
    details.timestampNs = record.timestampNs;
    details.connectionStartNs = info.startNs;
    details.connectionHandshake = info.handshake;
    details.connectionTls = info.tls;
    details.connectionClose = info.close;
    if (record.flags & NoticeFlag) {
        details.kind = EntryDetails::Kind::Notice;
        details.notice = d->notices[record.number];
        if (details.notice.kind == ConnectionNotice::Kind::Violation)
            details.violations.append(details.notice.violation);
        return details;
    }

    const Summary s = summary(entryId);
    // Indexed: what the record does not keep (masking key, violations, payload) is on the frame's line.
    std::optional<ConnectionEvent> event;
    const FrameEvent *read = nullptr;
    if (d->file) {
        event = d->readEntry(entryId);
        read = event ? std::get_if<FrameEvent>(&*event) : nullptr;
    }
    details.kind = EntryDetails::Kind::Frame;
    details.direction = s.direction;
    details.origin = s.origin;
    Frame &frame = details.frame;
    frame.index = record.number;
    frame.fin = s.fin;
    frame.rsv1 = s.rsv1;
    frame.rsv2 = s.rsv2;
    frame.rsv3 = s.rsv3;
    frame.opcode = s.opcode;
    frame.masked = s.masked;
    frame.maskingKey = read ? read->frame.maskingKey : record.maskingKey;
    frame.payloadLength = s.payloadLength;
    frame.lengthForm = s.lengthForm;
    frame.position = s.position;
    frame.messageOpcode = s.messageOpcode;
    frame.compressed = s.compressed;
    frame.payloadOmitted = s.payloadOmitted;
    frame.violations = read ? read->frame.violations : d->frameViolations.value(quint32(entryId));
    // RFC 6455 §5.2: the header rebuilt byte for byte, in the length form that was on the wire.
    quint8 *h = frame.header.data();
    h[0] = record.header0;
    quint8 length7 = 0;
    int at = 2;
    switch (s.lengthForm) {
    case LengthForm::Bits7:
        length7 = quint8(s.payloadLength & 0x7F);
        break;
    case LengthForm::Bits16:
        length7 = 126;
        qToBigEndian<quint16>(quint16(s.payloadLength), h + 2);
        at = 4;
        break;
    case LengthForm::Bits64:
        length7 = 127;
        qToBigEndian<quint64>(s.payloadLength, h + 2);
        at = 10;
        break;
    }
    h[1] = quint8((s.masked ? 0x80 : 0) | length7);
    if (s.masked) {
        std::memcpy(h + at, frame.maskingKey.data(), 4);
        at += 4;
    }
    frame.headerLength = quint8(at);
    if (!d->file) {
        const QByteArray bytes = payload(entryId);
        details.payload = QByteArray(bytes.constData(), bytes.size()); // a copy: it outlives clear()
    } else if (read && !s.payloadOmitted) {
        details.payload = read->payload;
    }
    // Indexed, and the line could not be read: say the payload is not all there (the tab says why).
    details.payloadTruncated = s.payloadOmitted || (d->file && !read && s.payloadLength > 0);
    details.compressed = s.compressed;
    details.wireLength = s.payloadLength;
    details.messageId = s.messageId;
    details.violations = frame.violations;
    return details;
}

Violations FrameStore::frameViolationsOf(qint64 entryId) const
{
    if (!d->file)
        return d->frameViolations.value(quint32(entryId));
    if (!(d->entries[entryId].flags & ViolationFlag))
        return {};
    const std::optional<ConnectionEvent> event = d->readEntry(entryId);
    const auto *frame = event ? std::get_if<FrameEvent>(&*event) : nullptr;
    return frame ? frame->frame.violations : Violations();
}

EntryDetails FrameStore::messageDetails(qint64 messageId) const
{
    EntryDetails details;
    if (messageId < 0 || messageId >= d->messages.size())
        return details;
    const MessageSummary m = messageSummary(messageId);
    if (m.firstEntry >= 0) {
        const EntryDetails first = frameDetails(m.firstEntry);
        details.frame = first.frame;
        details.connectionId = first.connectionId;
        details.connectionStartNs = first.connectionStartNs;
        details.direction = first.direction;
        details.origin = first.origin;
        details.connectionHandshake = first.connectionHandshake;
        details.connectionTls = first.connectionTls;
        details.connectionClose = first.connectionClose;
        details.timestampNs = d->entries[m.lastEntry].timestampNs;
    }
    details.kind = EntryDetails::Kind::Message;
    details.id = messageId;
    details.frame.opcode = m.opcode;
    details.frame.violations.clear();
    if (!d->file) {
        const QByteArray bytes = messagePayload(messageId);
        details.payload = QByteArray(bytes.constData(), bytes.size()); // a copy: it outlives clear()
        details.payloadTruncated = m.payloadTruncated;
        details.violations = d->messageViolations.value(quint32(messageId));
    } else {
        const std::optional<ConnectionEvent> event = d->readMessage(messageId);
        const auto *read = event ? std::get_if<MessageEvent>(&*event) : nullptr;
        if (read) {
            details.payload = read->message.payload;
            details.violations = read->message.violations;
        }
        details.payloadTruncated = m.payloadTruncated || (!read && m.payloadLength > 0);
    }
    details.compressed = m.compressed;
    details.messageId = messageId;
    for (int i = 0; i < m.frameCount; ++i) {
        const qint64 entry = messageFrameEntry(messageId, i);
        details.frameIds.append(entry);
        const Summary s = summary(entry);
        details.wireLength += s.payloadLength;
        // The message's violations already include those of its frames (MessageAssembler); add any that
        // only the frame carries.
        for (const Violation &violation : frameViolationsOf(entry)) {
            const bool known = std::any_of(details.violations.cbegin(), details.violations.cend(),
                [&](const Violation &v) { return v.kind == violation.kind; });
            if (!known)
                details.violations.append(violation);
        }
    }
    return details;
}

qint64 FrameStore::overheadBytes() const
{
    qint64 bytes = d->entries.allocatedBytes() + d->messages.allocatedBytes() + d->extras.allocatedBytes()
        + d->connectionIds.allocatedBytes() + d->arena.overheadBytes();
    bytes += qint64(d->connections.capacity() * sizeof(Private::ConnectionInfo));
    for (const Private::ConnectionInfo &info : d->connections) {
        for (const auto &pending : info.pending)
            bytes += qint64(pending.capacity() * sizeof(pending.front()));
    }
    bytes += qint64(d->notices.capacity() * sizeof(ConnectionNotice));
    bytes += qint64(d->far.capacity() * sizeof(d->far.front()));
    for (const ConnectionNotice &notice : d->notices)
        bytes += notice.text.capacity() * 2;
    // QHash nodes: key, value and roughly two pointers of span bookkeeping each.
    bytes += (d->frameViolations.size() + d->messageViolations.size())
        * qint64(sizeof(quint32) + sizeof(Violations) + sizeof(Violation) + 16);
    bytes += d->slotById.size() * qint64(sizeof(quint64) + sizeof(quint32) + 16);
    bytes += d->entryLines.allocatedBytes() + d->messageLines.allocatedBytes();
    return bytes;
}

qint64 FrameStore::payloadBytes() const
{
    return d->arena.payloadBytes();
}

QString FrameStore::noticeText(const ConnectionNotice &notice)
{
    switch (notice.kind) {
    case ConnectionNotice::Kind::StateChanged: {
        const QString state = ConnectionText::stateName(notice.state);
        if (notice.state != ConnectionState::Closed)
            return notice.text.isEmpty() ? state : tr("%1: %2").arg(state, notice.text);
        const CloseInfo &close = notice.close;
        QString text = tr("%1: %2 %3").arg(state).arg(close.code).arg(CloseCodes::name(close.code));
        if (!close.reason.isEmpty())
            text = tr("%1, reason \u201c%2\u201d").arg(text, close.reason);
        if (close.closingHandshakeCompleted)
            text = tr("%1 (closing handshake completed)").arg(text);
        else if (close.abnormal)
            text = tr("%1 (no closing handshake)").arg(text);
        if (!notice.text.isEmpty())
            text = tr("%1: %2").arg(text, notice.text);
        return text;
    }
    case ConnectionNotice::Kind::Handshake: {
        const HandshakeRecord *handshake = notice.handshake.get();
        if (!handshake)
            return notice.text.isEmpty() ? tr("Opening handshake") : notice.text;
        if (!handshake->accepted) {
            const QString why = handshake->error.isEmpty() ? notice.text : handshake->error;
            return why.isEmpty() ? tr("Opening handshake failed")
                                 : tr("Opening handshake failed: %1").arg(why);
        }
        return tr("Handshake: %1 \u2192 %2")
            .arg(firstLine(handshake->requestBytes), firstLine(handshake->responseBytes));
    }
    case ConnectionNotice::Kind::Tls: {
        const TlsRecord *tls = notice.tls.get();
        if (!tls)
            return notice.text.isEmpty() ? tr("TLS") : notice.text;
        QString text = tr("TLS: %1, %2").arg(tls->protocol, tls->cipher);
        if (!tls->verified)
            text = tls->errorsIgnored ? tr("%1, certificate errors ignored").arg(text)
                                      : tr("%1, not verified").arg(text);
        return text;
    }
    case ConnectionNotice::Kind::Violation: {
        const QString rule = notice.violation.id();
        if (notice.text.isEmpty())
            return tr("%1: %2").arg(rule, notice.violation.message);
        if (notice.text.contains(notice.violation.message))
            return notice.text;
        return tr("%1: %2 (%3)").arg(rule, notice.violation.message, notice.text);
    }
    case ConnectionNotice::Kind::PingRoundTrip:
        return tr("Ping round trip: %1 ms").arg(double(notice.roundTripNs) / 1e6, 0, 'f', 2);
    case ConnectionNotice::Kind::Error:
    case ConnectionNotice::Kind::Info:
        return notice.text;
    }
    return notice.text;
}

} // namespace Frameline
