#pragma once

#include "app/net/clock.h"
#include "app/session/sessionformat.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <memory>

QT_BEGIN_NAMESPACE
class QFileDevice;
class QIODevice;
QT_END_NAMESPACE

namespace Frameline {

// Writes a session file (docs/session-format.md): the header line, then one line per event, as the
// EventBatches of a tab or of frameline-cli arrive. Three ways to use it:
//  - recording / journal: create() (or openForAppend() to continue an existing file without touching its
//    header), then write() each batch. Lines are buffered and reach the operating system when flush()
//    runs: by the writer's own timer at most flushInterval() (200 ms by default) after the first line
//    still waiting, whenever 4 MiB are waiting, and in close(). Once flushed, a crash or kill -9 of the
//    process loses nothing; a power failure may (no fsync: it would cost far more than recording).
//  - saving: createAtomic() writes to a temporary file that close() renames over the target (QSaveFile),
//    so the target is either the old file or the whole new one; save() does it for one EventBatch.
//  - any device: start() on an open QIODevice the caller owns (a QBuffer, a pipe).
// The first error (disk full, permission, a vanished disk) is kept in errorString(), reported once through
// errorOccurred(), and every later call fails: nothing is written after a gap.
//
// A QObject living in the thread that uses it (its flush timer is a child, so moveToThread() takes it
// along). The timer needs that thread's event loop; without one, set the flush interval to 0 and call
// flush() on your own schedule.
class SessionWriter : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultFlushIntervalMs = 200;

    explicit SessionWriter(QObject *parent = nullptr);
    // Flushes and closes a file it opened (create(), openForAppend()). An atomic save that was not closed
    // is abandoned: the target file stays as it was.
    ~SessionWriter() override;

    // Creates (or truncates) `path` and writes the header.
    bool create(const QString &path, const SessionHeader &header = SessionHeader::forNewSession());
    // Writes to a temporary file beside `path`; close() puts it in place, cancel() drops it.
    bool createAtomic(const QString &path, const SessionHeader &header = SessionHeader::forNewSession());
    // Opens an existing session file to append events to it; its header is checked and kept. The events
    // written carry timestamps whose zero is `eventsTimeOriginMs` (Clock's, for events of this process);
    // they are shifted to the file's timeOriginMs. A file that does not exist or is empty is created with
    // a new header. A last line cut short by a crash is ended first, so it stays one damaged line that a
    // reader skips with a warning.
    bool openForAppend(const QString &path, qint64 eventsTimeOriginMs = Clock::wallClockAnchorMs());
    // Writes the header to a device that is open for writing; the device stays the caller's.
    bool start(QIODevice *device, const SessionHeader &header = SessionHeader::forNewSession());

    // Milliseconds a written line may wait in the buffer before the timer flushes it; 0: no timer.
    void setFlushInterval(int milliseconds);
    int flushInterval() const { return m_flushIntervalMs; }

    bool write(const EventBatch &events);
    bool write(const ConnectionEvent &event);
    // Hands every buffered line to the device (and a file's bytes to the operating system).
    bool flush();
    // Flushes, and closes the file (atomic: renames it into place). The device given to start() stays open.
    bool close();
    // Atomic: drops the temporary file, the target stays as it was. Otherwise like close().
    void cancel();

    bool isOpen() const { return m_device != nullptr; }
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    QString fileName() const { return m_fileName; }
    const SessionHeader &header() const { return m_header; }
    qint64 eventCount() const { return m_eventCount; }
    qint64 bufferedBytes() const { return m_buffer.size(); }

    // Writes a whole session to `path` atomically (temporary file + rename). False and *error on failure;
    // the file at `path` is then unchanged.
    static bool save(const QString &path, const EventBatch &events, const SessionHeader &header,
                     QString *error);

Q_SIGNALS:
    // The first write error, as a sentence naming the file ("Cannot write the session file ...: No space
    // left on device"); later calls fail without another signal.
    void errorOccurred(const QString &message);

private:
    bool begin(QIODevice *device, const QString &fileName, const QByteArray &headerLine);
    bool setError(const QString &message);
    QString displayName() const;
    void reset();

    std::unique_ptr<QFileDevice> m_file; // a QFile or QSaveFile it opened; null for start()
    QIODevice *m_device = nullptr;
    bool m_atomic = false;
    QString m_fileName;
    SessionHeader m_header;
    qint64 m_timeShiftNs = 0; // added to every timestamp (openForAppend() into another time origin)
    QByteArray m_buffer;
    QString m_error;
    qint64 m_eventCount = 0;
    int m_flushIntervalMs = DefaultFlushIntervalMs;
    QTimer m_flushTimer { this }; // a child, so moveToThread() takes it along
};

} // namespace Frameline
