#include "ui/session/sessionloader.h"

#include "app/net/clock.h"
#include "app/session/sessionexport.h"

#include <variant>

namespace Frameline {

SessionLoader::SessionLoader(const QString &path, SessionFiles::Kind kind)
    : m_path(path)
    , m_kind(kind)
{ }

SessionLoader::~SessionLoader() = default;

void SessionLoader::start()
{
    if (m_started)
        return;
    m_started = true;
    SessionHeader header;
    qint64 size = 0;
    if (m_kind == SessionFiles::Kind::Har) {
        HarImport::Result har = HarImport::readFile(m_path);
        if (!har.ok()) {
            m_done = true;
            Q_EMIT failed(har.error);
            return;
        }
        header = har.header;
        m_imported = std::move(har.events);
        m_importWarnings = har.warnings;
        size = m_imported.size();
    } else {
        if (!m_reader.open(m_path)) {
            m_done = true;
            Q_EMIT failed(m_reader.errorString());
            return;
        }
        header = m_reader.header();
        size = m_reader.size();
    }
    // docs/session-format.md, Timestamps: an event happened at timeOriginMs + time / 1e6. The timeline
    // reads times on this process's Clock, whose zero is at wallClockAnchorMs().
    m_shiftNs = (header.timeOriginMs - Clock::wallClockAnchorMs()) * 1000000;
    Q_EMIT opened(header, size);
    if (m_kind == SessionFiles::Kind::Session)
        index();
    else
        pump();
}

void SessionLoader::index()
{
    m_done = true;
    auto file = std::make_shared<SessionEventFile>();
    QString error;
    if (!file->open(m_path, m_shiftNs, &error)) {
        m_reader.close();
        Q_EMIT failed(error);
        return;
    }
    auto store = std::make_unique<FrameStore>();
    store->setEventFile(file);
    Indexed result;
    bool storeFailed = false;
    quint64 lastConnection = 0;
    bool anyConnection = false;
    const SessionIndex totals = m_reader.buildIndex(
        [&](const SessionIndex::Entry &entry, const qint64 *frames) {
            if (storeFailed)
                return;
            if (!store->appendIndexed(entry, frames, m_shiftNs, &error)) {
                storeFailed = true;
                return;
            }
            ++result.events;
            // As the tab counts connections: those of frames and messages, and of notices that name one.
            if ((entry.kind != SessionIndex::Kind::Notice || entry.connectionId != 0)
                && (!anyConnection || entry.connectionId != lastConnection)) {
                result.connections.insert(entry.connectionId);
                lastConnection = entry.connectionId;
                anyConnection = true;
            }
        },
        &m_cancelled);
    m_reader.close(); // unmapped: from now on the store reads single lines through `file`
    if (m_cancelled.load(std::memory_order_relaxed))
        return;
    if (storeFailed) {
        Q_EMIT failed(error);
        return;
    }
    result.store = std::move(store);
    result.file = std::move(file);
    result.warnings = totals.warnings;
    result.frames = totals.frameCount;
    result.messages = totals.messageCount;
    m_indexed = std::move(result);
    Q_EMIT indexed();
}

void SessionLoader::readMore()
{
    ++m_credits;
    pump();
}

void SessionLoader::shift(EventBatch &events) const
{
    if (m_shiftNs == 0)
        return;
    for (ConnectionEvent &event : events)
        std::visit([this](auto &value) { value.timestampNs += m_shiftNs; }, event);
}

void SessionLoader::pump()
{
    while (m_credits > 0 && !m_done && !m_cancelled.load(std::memory_order_relaxed)) {
        EventBatch batch;
        qint64 position = 0;
        qint64 size = 0;
        if (m_kind == SessionFiles::Kind::Har) {
            const qsizetype count = qMin(BatchEvents, m_imported.size() - m_importedPosition);
            batch = m_imported.mid(m_importedPosition, count);
            m_importedPosition += count;
            position = m_importedPosition;
            size = m_imported.size();
        } else {
            batch = m_reader.readBatch(BatchEvents);
            position = m_reader.position();
            size = m_reader.size();
        }
        if (batch.isEmpty()) {
            m_done = true;
            m_imported.clear();
            Q_EMIT finished(m_kind == SessionFiles::Kind::Har ? m_importWarnings : m_reader.warnings());
            m_reader.close();
            return;
        }
        shift(batch);
        --m_credits;
        Q_EMIT batchRead(batch, position, size);
    }
}

} // namespace Frameline
