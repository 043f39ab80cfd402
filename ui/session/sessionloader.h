#pragma once

#include "app/net/connectionevent.h"
#include "app/session/framestore.h"
#include "app/session/sessioneventfile.h"
#include "app/session/sessionformat.h"
#include "app/session/sessionreader.h"
#include "ui/session/sessionfiles.h"

#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtCore/QStringList>

#include <atomic>
#include <memory>

namespace Frameline {

// Reads a session file (or imports a HAR file) for a SessionTab, in the tab's loader thread.
//
// A session file is indexed, not read: SessionReader::buildIndex() (parallel, no payload decoded) feeds a
// FrameStore of the loader's own in indexed mode (FrameStore::appendIndexed(): the records, with the
// payloads left in the file behind a SessionEventFile), which the tab takes over once it is complete
// (indexed(), takeIndexed()). A million-frame file is ready in about as long as the index pass takes, and
// holds no payload in memory (docs/performance.md, "Sessions").
//
// A HAR file is imported (HarImport) and its events handed over in batches. At most `credits` batches are
// on their way to the GUI thread at once; the tab grants one more each time it has appended one
// (readMore()), so a big file never floods the GUI thread's event queue and the window stays responsive.
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
    // Any thread: stop at the next batch (or soon within the index pass).
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }

    // What indexing a session file produced: a store in indexed mode over `file`, and the counts the tab
    // shows.
    struct Indexed
    {
        std::unique_ptr<FrameStore> store;
        std::shared_ptr<SessionEventFile> file;
        QStringList warnings;
        qint64 events = 0;
        qint64 frames = 0;
        qint64 messages = 0;
        QSet<quint64> connections; // of frames and messages, and of notices that name one
    };
    // The tab's thread, once indexed() arrived (the loader is done with it then).
    Indexed takeIndexed() { return std::move(m_indexed); }

Q_SIGNALS:
    void opened(const Frameline::SessionHeader &header, qint64 size);
    // `position` of `size` bytes read, for the progress bar.
    void batchRead(const Frameline::EventBatch &events, qint64 position, qint64 size);
    // A session file is indexed: takeIndexed() has the store. Nothing else follows.
    void indexed();
    void finished(const QStringList &warnings);
    void failed(const QString &error);

private:
    void pump();
    void index();
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
    Indexed m_indexed;
};

} // namespace Frameline

Q_DECLARE_METATYPE(Frameline::SessionHeader)
