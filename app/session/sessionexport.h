#pragma once

#include "app/net/connectionevent.h"
#include "app/session/sessionformat.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>
#include <span>

namespace Frameline {

// A session in other shapes: HAR (what Chrome and Firefox DevTools export and import for WebSocket
// traffic: one entry per connection with `_resourceType: "websocket"` and `_webSocketMessages`), and the
// timeline as CSV or as JSON. The native session format (SessionWriter) stays the lossless one; HAR
// cannot hold frame bits, fragments or control frames other than what its `opcode` field says, and says
// nothing of violations (docs/session-format.md, "Other formats").
//
// Pure functions over EventBatches; any thread.
class SessionExport
{
    Q_DECLARE_TR_FUNCTIONS(SessionExport)
public:
    enum class Format : quint8 { Har, Csv, Json };

    // The name of a format as the CLI and the file dialogs spell it ("har", "csv", "json"), and back.
    static QString formatId(Format format);
    static std::optional<Format> formatFromId(const QString &id);

    // The whole export as bytes. `header` gives the time origin for wall-clock times.
    static QByteArray toHar(const EventBatch &events, const SessionHeader &header);
    static QByteArray toCsv(const EventBatch &events, const SessionHeader &header);
    static QByteArray toJson(const EventBatch &events, const SessionHeader &header);
    static QByteArray encode(Format format, const EventBatch &events, const SessionHeader &header);

    // Writes it to `path` atomically (temporary file + rename). False and *error when it cannot.
    static bool write(const QString &path, Format format, const EventBatch &events,
        const SessionHeader &header, QString *error);

    // The CSV and JSON tables' columns (CSV header line, JSON keys), in order.
    static const QList<QByteArray> &tableColumns();

    // The CSV or JSON table a batch at a time, for a session read in pieces (frameline-cli export of a big
    // file): start(), appendRows() for each batch in order, finish(). The bytes put together are those
    // toCsv()/toJson() give for all the batches at once. A plain value; any thread.
    class TableWriter
    {
    public:
        // `format` is Csv or Json (Har is not a table: it is treated as Json).
        TableWriter(Format format, const SessionHeader &header);
        QByteArray start() const; // the CSV header line, or the JSON array's "["
        void appendRows(QByteArray &out, const EventBatch &events);
        // The same, numbering the rows with `numbers` (one per event, messages excepted: the timeline's
        // No. of exactly the rows shown) instead of counting from 1.
        void appendRows(QByteArray &out, const EventBatch &events, std::span<const qint64> numbers);
        QByteArray finish() const; // the JSON array's "]"; nothing for CSV
        qint64 rowCount() const { return m_rows; }

    private:
        void append(QByteArray &out, const EventBatch &events, const qint64 *numbers);

        Format m_format;
        qint64 m_timeOriginMs = 0;
        qint64 m_rows = 0;
        qint64 m_cachedSecond = 0;
        QByteArray m_cachedSecondText; // "2026-11-21T11:22:40" of m_cachedSecond
    };
};

// Reads a HAR file (as Chrome or Firefox DevTools export it) into a session: one connection per WebSocket
// entry, with its handshake (URL, request and response headers as a HandshakeRecord), its messages as
// frames and messages with their direction and time, and state notices. Entries that are not WebSockets
// are skipped (counted in the warnings).
class HarImport
{
    Q_DECLARE_TR_FUNCTIONS(HarImport)
public:
    struct Result
    {
        EventBatch events;
        SessionHeader header; // timeOriginMs: the first entry's start
        QStringList warnings; // translated; e.g. "entry 3: not a WebSocket, skipped"
        QString error; // translated; set when the file is not HAR at all (nothing loaded)
        bool ok() const { return error.isEmpty(); }
    };
    static Result read(const QByteArray &har);
    static Result readFile(const QString &path);
};

} // namespace Frameline
