#include "app/session/sessionreader.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QThread>

#include <cstring>
#include <thread>
#include <vector>

namespace Frameline {

namespace {

bool isBlank(QByteArrayView line)
{
    for (char c : line) {
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

// Walks the lines of the body (after the header), skipping blank ones.
struct LineWalker
{
    QByteArrayView bytes;
    qint64 pos = 0;
    qint64 lineNumber = 1; // of the line last returned; the header is line 1

    struct Line
    {
        QByteArrayView text; // without its '\n'
        qint64 offset = 0;
        qint64 number = 0;
        bool terminated = false; // ends with '\n' (a complete line)
    };

    bool next(Line *line)
    {
        while (pos < bytes.size()) {
            const char *start = bytes.data() + pos;
            const auto *newline
                = static_cast<const char *>(std::memchr(start, '\n', size_t(bytes.size() - pos)));
            const qint64 length = newline ? newline - start : bytes.size() - pos;
            line->offset = pos;
            line->terminated = newline != nullptr;
            line->text = QByteArrayView(start, length);
            line->number = ++lineNumber;
            pos += length + (newline ? 1 : 0);
            if (!isBlank(line->text))
                return true;
        }
        return false;
    }
};

// The lines of one pass that were skipped or only partly read: the first MaxLineWarnings kept, all counted.
// Line numbers are relative to `base`, so chunks of an index pass read in parallel can be merged in order.
struct LineProblems
{
    enum class Kind : quint8 { LineWarning, Skipped, Invalid, Truncated };
    struct Problem
    {
        qint64 line = 0;
        Kind kind = Kind::Invalid;
        QString text;
    };
    QList<Problem> kept;
    qint64 count = 0; // every problem, kept or not

    void add(qint64 line, Kind kind, const QString &text = QString())
    {
        ++count;
        if (kept.size() < SessionReader::MaxLineWarnings)
            kept.append({ line, kind, text });
    }
};

// Decodes one line, noting what the format says to report; nothing when the line is skipped.
std::optional<SessionFormat::DecodedEvent> decodeLine(
    const LineWalker::Line &line, SessionFormat::Payloads payloads, LineProblems &problems)
{
    SessionFormat::DecodedEvent decoded = SessionFormat::decodeEvent(line.text, payloads);
    switch (decoded.status) {
    case SessionFormat::DecodeStatus::Ok:
        if (!decoded.warning.isEmpty())
            problems.add(line.number, LineProblems::Kind::LineWarning, decoded.warning);
        return decoded;
    case SessionFormat::DecodeStatus::UnknownType:
        problems.add(line.number, LineProblems::Kind::Skipped, decoded.error);
        return std::nullopt;
    case SessionFormat::DecodeStatus::Invalid:
        // A last line without its '\n' is where a writer was stopped (a crash, kill -9).
        if (!line.terminated)
            problems.add(line.number, LineProblems::Kind::Truncated);
        else
            problems.add(line.number, LineProblems::Kind::Invalid, decoded.error);
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

// The warnings' words (a class for tr(), so they are translated in the SessionReader context).
class ReaderText
{
    Q_DECLARE_TR_FUNCTIONS(SessionReader)
public:
    // Appends the warnings for `problems` (line numbers offset by `lineBase`); `complete`: the pass is
    // over, so the lines only counted are reported too.
    static void append(QStringList *out, const LineProblems &problems, qint64 lineBase, bool complete)
    {
        for (const LineProblems::Problem &problem : problems.kept) {
            const qint64 line = problem.line + lineBase;
            switch (problem.kind) {
            case LineProblems::Kind::LineWarning:
            case LineProblems::Kind::Invalid:
                out->append(tr("line %1: %2").arg(line).arg(problem.text));
                break;
            case LineProblems::Kind::Skipped:
                out->append(tr("line %1: %2 (skipped)").arg(line).arg(problem.text));
                break;
            case LineProblems::Kind::Truncated:
                out->append(tr("last line truncated"));
                break;
            }
        }
        const qint64 more = problems.count - problems.kept.size();
        if (complete && more > 0)
            out->append(tr("%n more lines could not be read", nullptr, int(qMin<qint64>(more, INT_MAX))));
    }
};

class SessionReader::Private
{
public:
    QFile file;
    QByteArray data; // openData(), or a file that cannot be mapped
    QByteArrayView bytes;
    QString name;
    bool open = false;
    SessionHeader header;
    QString error;
    QString headerWarning;
    qint64 bodyStart = 0;

    // Sequential reading.
    LineWalker walker;
    LineProblems problems;

    bool readHeader();
};

bool SessionReader::Private::readHeader()
{
    if (bytes.isEmpty()) {
        error = SessionReader::tr("%1 is empty: it is not a Frameline session").arg(name);
        return false;
    }
    // The header is the first line; look no further than a header can be long, so a big file of another
    // kind is refused without reading it through.
    const qsizetype searched = qMin<qsizetype>(bytes.size(), SessionFormat::MaxHeaderLength + 1);
    const qsizetype newline = bytes.first(searched).indexOf('\n');
    const QByteArrayView line = bytes.first(newline < 0 ? searched : newline);
    QString message;
    switch (SessionFormat::decodeHeader(line, &header, &message)) {
    case SessionFormat::HeaderStatus::Ok:
        break;
    case SessionFormat::HeaderStatus::NewerMinor:
        headerWarning = message;
        break;
    case SessionFormat::HeaderStatus::NotASession:
        error = SessionReader::tr("%1 is not a Frameline session: %2").arg(name, message);
        return false;
    case SessionFormat::HeaderStatus::Unsupported:
        error = SessionReader::tr("Cannot open %1: %2").arg(name, message);
        return false;
    }
    bodyStart = newline < 0 ? bytes.size() : newline + 1; // no '\n': the header is all there is
    walker = LineWalker { bytes, bodyStart, 1 };
    problems = LineProblems();
    return true;
}

SessionReader::SessionReader()
    : d(std::make_unique<Private>())
{ }

SessionReader::~SessionReader() = default;

bool SessionReader::open(const QString &path)
{
    close();
    d->name = QDir::toNativeSeparators(path);
    d->file.setFileName(path);
    if (!d->file.open(QIODevice::ReadOnly)) {
        d->error = tr("Cannot open %1: %2").arg(d->name, d->file.errorString());
        return false;
    }
    const qint64 size = d->file.size();
    if (size > 0) {
        if (uchar *mapped = d->file.map(0, size)) {
            d->bytes = QByteArrayView(reinterpret_cast<const char *>(mapped), size);
        } else {
            // Not mappable (a pipe, a special file system): read it instead.
            d->data = d->file.readAll();
            d->bytes = d->data;
        }
    }
    if (!d->readHeader()) {
        const QString error = d->error;
        close();
        d->error = error;
        return false;
    }
    d->open = true;
    return true;
}

bool SessionReader::openData(const QByteArray &data, const QString &name)
{
    close();
    d->name = name.isEmpty() ? tr("the data") : name;
    d->data = data;
    d->bytes = d->data;
    if (!d->readHeader()) {
        const QString error = d->error;
        close();
        d->error = error;
        return false;
    }
    d->open = true;
    return true;
}

void SessionReader::close()
{
    d->file.close(); // unmaps
    d->data.clear();
    d->bytes = QByteArrayView();
    d->open = false;
    d->header = SessionHeader();
    d->error.clear();
    d->headerWarning.clear();
    d->bodyStart = 0;
    d->walker = LineWalker();
    d->problems = LineProblems();
}

bool SessionReader::isOpen() const
{
    return d->open;
}

const SessionHeader &SessionReader::header() const
{
    return d->header;
}

QString SessionReader::errorString() const
{
    return d->error;
}

QStringList SessionReader::warnings() const
{
    QStringList all;
    if (!d->headerWarning.isEmpty())
        all.append(d->headerWarning);
    ReaderText::append(&all, d->problems, 0, atEnd());
    return all;
}

bool SessionReader::atEnd() const
{
    return !d->open || d->walker.pos >= d->bytes.size();
}

qint64 SessionReader::position() const
{
    return d->walker.pos;
}

qint64 SessionReader::size() const
{
    return d->bytes.size();
}

EventBatch SessionReader::readBatch(qsizetype maxEvents)
{
    EventBatch batch;
    if (!d->open)
        return batch;
    LineWalker::Line line;
    while (batch.size() < maxEvents && d->walker.next(&line)) {
        if (auto decoded = decodeLine(line, SessionFormat::Payloads::Decode, d->problems))
            batch.append(std::move(decoded->event));
    }
    return batch;
}

EventBatch SessionReader::readAll()
{
    return readBatch(std::numeric_limits<qsizetype>::max());
}

namespace {

// One part of the index pass: the lines from `begin` to `end` (both at line starts).
struct IndexChunk
{
    qint64 begin = 0;
    qint64 end = 0;
    QList<SessionIndex::Entry> entries;
    QList<qint64> messageFrames;
    LineProblems problems;
    qint64 lines = 0; // lines walked, blank ones included (for the line numbers of the chunks after it)
    qint64 frames = 0;
    qint64 messages = 0;
    qint64 notices = 0;

    void run(QByteArrayView bytes, const std::atomic<bool> *cancel)
    {
        // About one line per 200 bytes in typical recordings: reserve once instead of growing many times.
        entries.reserve(qMin<qint64>((end - begin) / 200 + 16, 64 * 1024 * 1024));
        LineWalker walker { bytes.first(end), begin, 0 };
        LineWalker::Line line;
        while (walker.next(&line)) {
            if (cancel && (entries.size() & 0xFFF) == 0 && cancel->load(std::memory_order_relaxed))
                break;
            const auto decoded = decodeLine(line, SessionFormat::Payloads::Skip, problems);
            if (!decoded)
                continue;
            SessionIndex::Entry entry;
            entry.offset = line.offset;
            entry.length = line.text.size();
            entry.line = qint32(qMin<qint64>(line.number, std::numeric_limits<qint32>::max()));
            if (const auto *frameEvent = std::get_if<FrameEvent>(&decoded->event)) {
                const Frame &frame = frameEvent->frame;
                entry.kind = SessionIndex::Kind::Frame;
                entry.connectionId = frameEvent->connectionId;
                entry.timestampNs = frameEvent->timestampNs;
                entry.direction = frameEvent->direction;
                entry.origin = frameEvent->origin;
                entry.payloadLength = frame.payloadLength;
                entry.number = frame.index;
                entry.opcode = frame.opcode;
                entry.messageOpcode = frame.messageOpcode;
                entry.position = frame.position;
                entry.lengthForm = frame.lengthForm;
                entry.fin = frame.fin;
                entry.rsv1 = frame.rsv1;
                entry.rsv2 = frame.rsv2;
                entry.rsv3 = frame.rsv3;
                entry.masked = frame.masked;
                entry.compressed = frame.compressed;
                entry.payloadOmitted = frame.payloadOmitted;
                entry.hasViolation = !frame.violations.isEmpty();
                ++frames;
            } else if (const auto *messageEvent = std::get_if<MessageEvent>(&decoded->event)) {
                const Message &message = messageEvent->message;
                entry.kind = SessionIndex::Kind::Message;
                entry.connectionId = messageEvent->connectionId;
                entry.timestampNs = messageEvent->timestampNs;
                entry.direction = messageEvent->direction;
                entry.origin = messageEvent->origin;
                entry.payloadLength = quint64(decoded->payloadSize);
                entry.number = messageFrames.size();
                messageFrames.append(message.frameIndexes.size());
                for (const qint64 frameIndex : message.frameIndexes)
                    messageFrames.append(frameIndex);
                entry.opcode = message.opcode;
                entry.compressed = message.compressed;
                entry.payloadOmitted = message.payloadTruncated;
                entry.hasViolation = !message.violations.isEmpty();
                ++messages;
            } else if (const auto *notice = std::get_if<ConnectionNotice>(&decoded->event)) {
                entry.kind = SessionIndex::Kind::Notice;
                entry.connectionId = notice->connectionId;
                entry.timestampNs = notice->timestampNs;
                entry.noticeKind = notice->kind;
                entry.hasViolation = notice->kind == ConnectionNotice::Kind::Violation;
                ++notices;
            }
            entries.append(entry);
        }
        lines = walker.lineNumber;
    }
};

// Below this, one thread reads the whole file faster than several can be started.
constexpr qint64 ParallelIndexThreshold = 4 * 1024 * 1024;

} // namespace

SessionIndex SessionReader::buildIndex() const
{
    SessionIndex index;
    QList<SessionIndex::Entry> entries;
    QList<qint64> messageFrames;
    SessionIndex totals = buildIndex([&](const SessionIndex::Entry &entry, const qint64 *frames) {
        if (!frames) {
            entries.append(entry);
            return;
        }
        SessionIndex::Entry message = entry;
        message.number = messageFrames.size();
        entries.append(message);
        messageFrames.append(QList<qint64>(frames, frames + 1 + frames[0]));
    });
    totals.entries = std::move(entries);
    totals.messageFrames = std::move(messageFrames);
    return totals;
}

SessionIndex SessionReader::buildIndex(const IndexConsumer &consume, const std::atomic<bool> *cancel) const
{
    SessionIndex index;
    if (!d->open)
        return index;
    const QByteArrayView bytes = d->bytes;
    index.header = d->header;
    index.fileSize = bytes.size();
    if (!d->headerWarning.isEmpty())
        index.warnings.append(d->headerWarning);

    // Lines are independent: big files are cut into one chunk per core at line starts, read in parallel,
    // and put back together in order (entries, then line numbers and warnings).
    const qint64 bodySize = bytes.size() - d->bodyStart;
    const int threads = bodySize < ParallelIndexThreshold ? 1 : qBound(1, QThread::idealThreadCount(), 16);
    std::vector<IndexChunk> chunks;
    qint64 begin = d->bodyStart;
    for (int i = 1; i <= threads && begin < bytes.size(); ++i) {
        qint64 end = bytes.size();
        if (i < threads) {
            const qint64 cut = d->bodyStart + bodySize * i / threads;
            const qsizetype newline = cut > begin ? bytes.indexOf('\n', cut) : -1;
            end = newline < 0 ? bytes.size() : newline + 1;
        }
        IndexChunk chunk;
        chunk.begin = begin;
        chunk.end = end;
        chunks.push_back(std::move(chunk));
        begin = end;
    }
    std::vector<std::thread> workers;
    for (size_t i = 1; i < chunks.size(); ++i)
        workers.emplace_back([&chunk = chunks[i], bytes, cancel] { chunk.run(bytes, cancel); });
    if (!chunks.empty())
        chunks.front().run(bytes, cancel);
    for (std::thread &worker : workers)
        worker.join();

    LineProblems problems;
    qint64 lineBase = 1; // the header
    for (IndexChunk &chunk : chunks) {
        for (SessionIndex::Entry entry : std::as_const(chunk.entries)) {
            entry.line = qint32(qMin<qint64>(entry.line + lineBase, std::numeric_limits<qint32>::max()));
            consume(entry,
                entry.kind == SessionIndex::Kind::Message ? chunk.messageFrames.constData() + entry.number
                                                          : nullptr);
        }
        chunk.entries = {}; // given back as soon as it is consumed
        chunk.messageFrames = {};
        for (LineProblems::Problem problem : std::as_const(chunk.problems.kept)) {
            problem.line += lineBase;
            problems.add(problem.line, problem.kind, problem.text);
        }
        problems.count += chunk.problems.count - chunk.problems.kept.size();
        index.frameCount += chunk.frames;
        index.messageCount += chunk.messages;
        index.noticeCount += chunk.notices;
        lineBase += chunk.lines;
    }
    ReaderText::append(&index.warnings, problems, 0, true);
    return index;
}

QString SessionReader::fileName() const
{
    return d->file.fileName();
}

std::optional<ConnectionEvent> SessionReader::readEventAt(qint64 offset, QString *error) const
{
    const auto fail = [error](const QString &message) -> std::optional<ConnectionEvent> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!d->open)
        return fail(tr("No session is open"));
    const QByteArrayView bytes = d->bytes;
    // Only the start of an event line: right after the header or right after a '\n'.
    if (offset < d->bodyStart || offset >= bytes.size()
        || (offset > d->bodyStart && bytes[offset - 1] != '\n'))
        return fail(tr("No event line starts at byte %1 of %2").arg(offset).arg(d->name));
    const char *start = bytes.data() + offset;
    const auto *newline = static_cast<const char *>(std::memchr(start, '\n', size_t(bytes.size() - offset)));
    const QByteArrayView line(start, newline ? newline - start : bytes.size() - offset);
    SessionFormat::DecodedEvent decoded = SessionFormat::decodeEvent(line);
    if (decoded.status != SessionFormat::DecodeStatus::Ok)
        return fail(
            tr("The event at byte %1 of %2 cannot be read: %3").arg(offset).arg(d->name, decoded.error));
    return std::move(decoded.event);
}

SessionReader::Loaded SessionReader::load(const QString &path)
{
    Loaded loaded;
    SessionReader reader;
    if (!reader.open(path)) {
        loaded.error = reader.errorString();
        return loaded;
    }
    loaded.ok = true;
    loaded.header = reader.header();
    loaded.events = reader.readAll();
    loaded.warnings = reader.warnings();
    return loaded;
}

} // namespace Frameline
