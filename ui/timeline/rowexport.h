#pragma once

#include "app/session/sessionexport.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

#include <vector>

namespace Frameline {

class FrameStore;
class TimelineModel;
class TimelineProxyModel;

// Export Rows: writes the rows a timeline shows now (after its filters and search) as the CSV or JSON
// table of a whole-session export (SessionExport::TableWriter: the same columns, one row per frame or
// notice; a message row is written as the frames that carry it, as the format has no message rows).
//
// The rows are fixed when the export is made; their events are taken from the store a chunk at a time on
// the GUI thread's event loop (the store's details are read there), then the bytes are written in a
// thread of their own, atomically (QSaveFile): an error leaves any existing file as it was. finished()
// says how it went. Deletes itself after finished().
//
// GUI thread (the store's owner thread).
class RowExport : public QObject
{
    Q_OBJECT
public:
    // The entries behind the top-level rows `proxy` shows, in order: a frame or notice row is its entry; a
    // message row is its data frames.
    static std::vector<qint64> shownEntries(const TimelineProxyModel *proxy);
    // The messages among the rows `proxy` shows (message mode), for the dialog's explanation.
    static qint64 shownMessages(const TimelineProxyModel *proxy);

    RowExport(const FrameStore *store, std::vector<qint64> entries, SessionExport::Format format,
        const QString &path, QObject *parent = nullptr);
    ~RowExport() override;

    void start();
    qint64 rowCount() const { return qint64(m_entries.size()); }
    QString path() const { return m_path; }

    // The table of `entries` of `store` as bytes, at once (for tests and small exports).
    static QByteArray encode(
        const FrameStore &store, const std::vector<qint64> &entries, SessionExport::Format format);

Q_SIGNALS:
    // `error` is empty when the file was written.
    void finished(const QString &path, qint64 rows, const QString &error);

private:
    void encodeChunk();
    void write();
    void finish(const QString &error);

    const FrameStore *m_store;
    std::vector<qint64> m_entries;
    SessionExport::Format m_format;
    QString m_path;
    quint64 m_epoch = 0;
    SessionExport::TableWriter m_writer;
    QByteArray m_bytes;
    size_t m_next = 0;
    QTimer m_timer;
    QThread *m_thread = nullptr; // writes the file; waited for by the destructor
    QString m_writeError; // written by m_thread, read once it has finished
};

} // namespace Frameline
