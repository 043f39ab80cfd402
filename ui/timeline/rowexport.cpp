#include "ui/timeline/rowexport.h"

#include "app/net/clock.h"
#include "app/session/framestore.h"
#include "ui/timeline/timelineproxymodel.h"

#include <QtCore/QDir>
#include <QtCore/QSaveFile>
#include <QtCore/QThread>

#include <span>

namespace Frameline {

namespace {

// Rows taken from the store per turn of the event loop.
constexpr size_t ChunkRows = 4096;

// The event behind a frame or notice entry, as the store keeps it.
ConnectionEvent eventOf(const FrameStore &store, qint64 entry)
{
    if (store.summary(entry).kind == FrameStore::Summary::Kind::Notice)
        return store.notice(entry);
    const EntryDetails details = store.frameDetails(entry);
    FrameEvent frame;
    frame.connectionId = details.connectionId;
    frame.timestampNs = details.timestampNs;
    frame.direction = details.direction;
    frame.origin = details.origin;
    frame.frame = details.frame;
    frame.payload = details.payload;
    return frame;
}

// Appends the rows of `entries`, each numbered with its No. in the timeline (the entry + 1).
void appendEntries(
    SessionExport::TableWriter &writer, QByteArray &out, const FrameStore &store, std::span<const qint64> entries)
{
    EventBatch events;
    events.reserve(qsizetype(entries.size()));
    std::vector<qint64> numbers;
    numbers.reserve(entries.size());
    for (const qint64 entry : entries) {
        events.append(eventOf(store, entry));
        numbers.push_back(entry + 1);
    }
    writer.appendRows(out, events, numbers);
}

// The store's times are on this process's clock (a session read from a file was moved onto it).
SessionHeader tableHeader()
{
    SessionHeader header;
    header.timeOriginMs = Clock::wallClockAnchorMs();
    return header;
}

} // namespace

std::vector<qint64> RowExport::shownEntries(const TimelineProxyModel *proxy)
{
    const TimelineModel *model = proxy->timelineModel();
    const FrameStore *store = model->store();
    std::vector<qint64> entries;
    entries.reserve(proxy->rows().size());
    const bool messages = model->mode() == TimelineModel::Mode::Messages;
    for (const quint32 entry : proxy->rows()) {
        if (!messages) {
            entries.push_back(entry);
            continue;
        }
        const TimelineRow row
            = TimelineModel::rowFor(*store, entry, model->mode(), model->publishedMessages());
        if (row.messageId < 0) {
            entries.push_back(entry);
            continue;
        }
        const int frames = store->messageFrameCount(row.messageId);
        for (int i = 0; i < frames; ++i)
            entries.push_back(store->messageFrameEntry(row.messageId, i));
    }
    return entries;
}

qint64 RowExport::shownMessages(const TimelineProxyModel *proxy)
{
    const TimelineModel *model = proxy->timelineModel();
    if (model->mode() != TimelineModel::Mode::Messages)
        return 0;
    qint64 count = 0;
    for (const quint32 entry : proxy->rows()) {
        if (TimelineModel::rowFor(*model->store(), entry, model->mode(), model->publishedMessages()).messageId
            >= 0)
            ++count;
    }
    return count;
}

RowExport::RowExport(const FrameStore *store, std::vector<qint64> entries, SessionExport::Format format,
    const QString &path, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_entries(std::move(entries))
    , m_format(format)
    , m_path(path)
    , m_epoch(store->epoch())
    , m_writer(format, tableHeader())
{
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &RowExport::encodeChunk);
}

RowExport::~RowExport()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

QByteArray RowExport::encode(
    const FrameStore &store, const std::vector<qint64> &entries, SessionExport::Format format)
{
    SessionExport::TableWriter writer(format, tableHeader());
    QByteArray bytes = writer.start();
    appendEntries(writer, bytes, store, entries);
    bytes.append(writer.finish());
    return bytes;
}

void RowExport::start()
{
    m_bytes = m_writer.start();
    m_timer.start();
}

void RowExport::encodeChunk()
{
    if (m_store->epoch() != m_epoch) {
        m_timer.stop();
        finish(tr("The timeline was cleared before its rows were written; %1 was not written")
                   .arg(QDir::toNativeSeparators(m_path)));
        return;
    }
    const size_t end = qMin(m_entries.size(), m_next + ChunkRows);
    appendEntries(m_writer, m_bytes, *m_store, std::span(m_entries).subspan(m_next, end - m_next));
    m_next = end;
    if (m_next < m_entries.size())
        return;
    m_timer.stop();
    m_bytes.append(m_writer.finish());
    write();
}

void RowExport::write()
{
    QByteArray bytes = std::exchange(m_bytes, QByteArray());
    m_thread = QThread::create([this, bytes = std::move(bytes)] {
        QSaveFile file(m_path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            m_writeError
                = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), file.errorString());
        }
    });
    m_thread->setObjectName(QStringLiteral("Frameline export"));
    connect(m_thread, &QThread::finished, this, [this] { finish(m_writeError); });
    m_thread->start();
}

void RowExport::finish(const QString &error)
{
    Q_EMIT finished(m_path, rowCount(), error);
    deleteLater();
}

} // namespace Frameline
