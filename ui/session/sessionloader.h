#pragma once

#include "app/net/connectionevent.h"
#include "app/session/sessionformat.h"
#include "app/session/sessionreader.h"
#include "ui/session/sessionfiles.h"

#include <QtCore/QObject>
#include <QtCore/QStringList>

#include <atomic>

namespace Frameline {

// Reads a session file (or imports a HAR file) for a SessionTab, in the tab's loader thread, and hands
// the events over in batches: SessionReader::readBatch() for a session, HarImport then slices of its
// result for a HAR. At most `credits` batches are on their way to the GUI thread at once; the tab grants
// one more each time it has appended one (readMore()), so a big file never floods the GUI thread's event
// queue and the window stays responsive while it loads.
//
// The events' timestamps are moved from the file's time origin to this process's Clock, so the timeline's
// wall-clock column shows when they happened.
//
// Lives in the loader thread (moved there by its tab); cancel() may be called from any thread.
class SessionLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype BatchEvents = 4096;
    static constexpr int Credits = 2;

    SessionLoader(const QString &path, SessionFiles::Kind kind);
    ~SessionLoader() override;

    // Loader thread: opens the file and starts sending batches.
    void start();
    // Loader thread: the GUI appended a batch; send the next one.
    void readMore();
    // Any thread: stop at the next batch.
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }

Q_SIGNALS:
    void opened(const Frameline::SessionHeader &header, qint64 size);
    // `position` of `size` bytes read, for the progress bar.
    void batchRead(const Frameline::EventBatch &events, qint64 position, qint64 size);
    void finished(const QStringList &warnings);
    void failed(const QString &error);

private:
    void pump();
    void shift(EventBatch &events) const;

    const QString m_path;
    const SessionFiles::Kind m_kind;
    SessionReader m_reader;
    EventBatch m_imported; // a HAR's events, handed over in slices
    qsizetype m_importedPosition = 0;
    QStringList m_importWarnings;
    qint64 m_shiftNs = 0;
    int m_credits = Credits;
    bool m_started = false;
    bool m_done = false;
    std::atomic<bool> m_cancelled { false };
};

} // namespace Frameline

Q_DECLARE_METATYPE(Frameline::SessionHeader)
