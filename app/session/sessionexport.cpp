#include "app/session/sessionexport.h"

#include "app/protocol/closecode.h"
#include "app/protocol/handshake.h"
#include "app/protocol/opcode.h"
#include "app/protocol/permessagedeflate.h"
#include "app/protocol/utf8validator.h"
#include "app/session/framestore.h"
#include "app/session/jsonline.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSaveFile>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtCore/QVarLengthArray>

#include <cmath>
#include <limits>
#include <queue>
#include <vector>

namespace Frameline {

namespace {

constexpr qint64 NsPerUs = 1000;
constexpr qint64 NsPerMs = 1000 * 1000;
constexpr qint64 UsPerSecond = 1000 * 1000;
constexpr qint64 NsPerSecond = 1000 * 1000 * 1000;

qint64 floorDiv(qint64 value, qint64 divisor)
{
    qint64 quotient = value / divisor;
    if (value % divisor != 0 && value < 0)
        --quotient;
    return quotient;
}

// Nanoseconds since 1970-01-01T00:00Z of an event's timestamp (docs/session-format.md, Timestamps).
qint64 epochNs(qint64 timeOriginMs, qint64 timestampNs)
{
    return timeOriginMs * NsPerMs + timestampNs;
}

// "2026-11-21T11:22:40.371Z": what HAR's startedDateTime holds (ISO 8601, UTC, milliseconds).
QByteArray isoMilliseconds(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
}

// "1795260160.371123": epoch seconds with microseconds, written exactly from the integer (HAR's
// _webSocketMessages[].time). A double of that size holds about 0.24 µs, so microseconds survive a reader.
QByteArray epochSecondsText(qint64 epochNanoseconds)
{
    const qint64 us = floorDiv(epochNanoseconds, NsPerUs);
    const qint64 seconds = floorDiv(us, UsPerSecond);
    const qint64 fraction = us - seconds * UsPerSecond;
    return QByteArray::number(seconds) + '.' + QByteArray::number(fraction).rightJustified(6, '0');
}

// A number of milliseconds from nanoseconds, to the microsecond, without trailing zeros ("12.5", "-1").
QByteArray millisecondsText(qint64 ns)
{
    const qint64 us = ns >= 0 ? (ns + NsPerUs / 2) / NsPerUs : -((-ns + NsPerUs / 2) / NsPerUs);
    const qint64 whole = us / 1000;
    qint64 fraction = us % 1000;
    QByteArray text = QByteArray::number(whole);
    if (us < 0 && whole == 0)
        text.prepend('-');
    if (fraction != 0) {
        if (fraction < 0)
            fraction = -fraction;
        QByteArray digits = QByteArray::number(fraction).rightJustified(3, '0');
        while (digits.endsWith('0'))
            digits.chop(1);
        text += '.' + digits;
    }
    return text;
}

QByteArray lossyUtf8(QByteArrayView bytes)
{
    if (Utf8Validator::isValid(bytes))
        return bytes.toByteArray();
    return QString::fromUtf8(bytes).toUtf8(); // invalid sequences become U+FFFD
}

// JSON as JSON.stringify(value, null, 2) writes it (as Chrome writes HAR files), keys in the order they are
// added, streamed into one buffer.
class PrettyJson
{
public:
    explicit PrettyJson(QByteArray &out)
        : m_out(out)
    { }

    PrettyJson &beginObject(QByteArrayView key = {}) { return begin(true, key); }
    PrettyJson &beginArray(QByteArrayView key = {}) { return begin(false, key); }
    PrettyJson &end()
    {
        const Level level = m_levels.last();
        m_levels.removeLast();
        if (level.items > 0) {
            m_out.append('\n');
            indent();
        }
        m_out.append(level.object ? '}' : ']');
        return *this;
    }
    PrettyJson &string(QByteArrayView key, QByteArrayView utf8)
    {
        item(key);
        JsonLine::appendString(m_out, utf8);
        return *this;
    }
    PrettyJson &text(QByteArrayView key, const QString &value) { return string(key, value.toUtf8()); }
    PrettyJson &number(QByteArrayView key, qint64 value) { return raw(key, QByteArray::number(value)); }
    PrettyJson &null(QByteArrayView key) { return raw(key, "null"); }
    // A value that is JSON already (a number written by the caller, {} or []).
    PrettyJson &raw(QByteArrayView key, QByteArrayView json)
    {
        item(key);
        m_out.append(json);
        return *this;
    }

private:
    struct Level
    {
        bool object = true;
        qsizetype items = 0;
    };

    PrettyJson &begin(bool object, QByteArrayView key)
    {
        item(key);
        m_out.append(object ? '{' : '[');
        m_levels.append({ object, 0 });
        return *this;
    }
    void item(QByteArrayView key)
    {
        if (m_levels.isEmpty())
            return;
        Level &level = m_levels.last();
        if (level.items++ > 0)
            m_out.append(',');
        m_out.append('\n');
        indent();
        if (level.object) {
            JsonLine::appendString(m_out, key);
            m_out.append(": ");
        }
    }
    void indent() { m_out.append(QByteArray(m_levels.size() * 2, ' ')); }

    QByteArray &m_out;
    QVarLengthArray<Level, 8> m_levels;
};

// ---- HAR export ----------------------------------------------------------------------------------------

struct HarConnection
{
    quint64 id = 0;
    qint64 firstNs = 0;
    std::shared_ptr<const HandshakeRecord> handshake;
    bool tls = false;
    QList<qsizetype> events; // indexes into the batch
};

void writeNameValues(PrettyJson &json, QByteArrayView key, const QList<HttpMessage::Field> &fields)
{
    json.beginArray(key);
    for (const HttpMessage::Field &field : fields) {
        json.beginObject()
            .string("name", lossyUtf8(field.name))
            .string("value", lossyUtf8(field.value))
            .end();
    }
    json.end();
}

// The cookies of a Cookie header ("a=1; b=2"), or of Set-Cookie headers (the name=value before the first
// ';' of each): HAR's cookie objects carry name and value.
QList<HttpMessage::Field> cookiesOf(const HttpMessage &message)
{
    QList<HttpMessage::Field> cookies;
    if (message.isRequest()) {
        for (const QByteArray &value : message.values("Cookie")) {
            for (const QByteArray &pair : value.split(';')) {
                const QByteArray trimmed = pair.trimmed();
                if (trimmed.isEmpty())
                    continue;
                const qsizetype equals = trimmed.indexOf('=');
                cookies.append({ equals < 0 ? trimmed : trimmed.left(equals).trimmed(),
                    equals < 0 ? QByteArray() : trimmed.mid(equals + 1).trimmed() });
            }
        }
    } else {
        for (const QByteArray &value : message.values("Set-Cookie")) {
            const QByteArray pair
                = value.left(value.indexOf(';') < 0 ? value.size() : value.indexOf(';')).trimmed();
            const qsizetype equals = pair.indexOf('=');
            if (equals > 0)
                cookies.append({ pair.left(equals).trimmed(), pair.mid(equals + 1).trimmed() });
        }
    }
    return cookies;
}

// The URL of the entry: a client's handshake has the URL it dialled; a server's has only the request target,
// put together with the Host header.
QString entryUrl(const HarConnection &connection)
{
    const HandshakeRecord &handshake = *connection.handshake;
    if (handshake.url.contains(QLatin1String("://")))
        return handshake.url;
    const QByteArray host = handshake.request.combinedValue("Host");
    if (host.isEmpty())
        return handshake.url;
    const QString scheme = connection.tls ? QStringLiteral("wss://") : QStringLiteral("ws://");
    QString target = handshake.url.isEmpty() ? QString::fromUtf8(handshake.request.target()) : handshake.url;
    if (!target.startsWith(QLatin1Char('/')))
        target.prepend(QLatin1Char('/'));
    return scheme + QString::fromUtf8(host) + target;
}

void writeHarMessage(
    PrettyJson &json, QByteArrayView type, qint64 epochNanoseconds, int opcode, QByteArrayView data)
{
    json.beginObject()
        .string("type", type)
        .raw("time", epochSecondsText(epochNanoseconds))
        .number("opcode", opcode)
        .string("data", data)
        .end();
}

void writeHarEntry(
    PrettyJson &json, const HarConnection &connection, const EventBatch &events, const SessionHeader &header)
{
    const HandshakeRecord &handshake = *connection.handshake;
    const HttpMessage &request = handshake.request;
    const HttpMessage &response = handshake.response;
    const bool client = handshake.url.contains(QLatin1String("://"));
    const QString url = entryUrl(connection);

    json.beginObject();
    json.string("_resourceType", QByteArrayView("websocket"));
    json.beginArray("_webSocketMessages");
    for (qsizetype index : connection.events) {
        const ConnectionEvent &event = events.at(index);
        if (const auto *message = std::get_if<MessageEvent>(&event)) {
            const QByteArray &payload = message->message.payload;
            const bool text = message->message.opcode == quint8(Opcode::Text);
            writeHarMessage(json, message->direction == Direction::Outgoing ? "send" : "receive",
                epochNs(header.timeOriginMs, message->timestampNs), message->message.opcode,
                text ? lossyUtf8(payload) : payload.toBase64());
        } else if (const auto *frame = std::get_if<FrameEvent>(&event)) {
            const quint8 opcode = frame->frame.opcode;
            if (opcode != quint8(Opcode::Close) && opcode != quint8(Opcode::Ping)
                && opcode != quint8(Opcode::Pong))
                continue; // data frames are in their messages; reserved opcodes have no place in HAR
            writeHarMessage(json, frame->direction == Direction::Outgoing ? "send" : "receive",
                epochNs(header.timeOriginMs, frame->timestampNs), opcode, frame->payload.toBase64());
        } else if (const auto *notice = std::get_if<ConnectionNotice>(&event)) {
            // Chrome lists a WebSocket's errors among its messages as {"type":"error","opcode":-1}.
            if (notice->kind == ConnectionNotice::Kind::Error)
                writeHarMessage(json, "error", epochNs(header.timeOriginMs, notice->timestampNs), -1,
                    notice->text.toUtf8());
        }
    }
    json.end();
    json.raw("cache", "{}");
    json.string("connection", QByteArray::number(connection.id));

    // Request.
    json.beginObject("request");
    json.string("method", request.method().isEmpty() ? QByteArray("GET") : lossyUtf8(request.method()));
    json.text("url", url);
    json.string("httpVersion", request.version());
    writeNameValues(json, "headers", request.fields());
    json.beginArray("queryString");
    const QUrlQuery query { QUrl(url) };
    for (const auto &item : query.queryItems(QUrl::FullyDecoded))
        json.beginObject().text("name", item.first).text("value", item.second).end();
    json.end();
    writeNameValues(json, "cookies", cookiesOf(request));
    json.number("headersSize", handshake.requestBytes.isEmpty() ? -1 : handshake.requestBytes.size());
    json.number("bodySize", 0);
    json.end();

    // Response.
    const bool answered = response.statusCode() > 0 && !response.isRequest();
    const qsizetype bodySize = answered ? response.body().size() : 0;
    json.beginObject("response");
    json.number("status", answered ? response.statusCode() : 0);
    json.string("statusText", answered ? lossyUtf8(response.reasonPhrase()) : QByteArray());
    json.string("httpVersion", answered ? response.version() : QByteArray());
    writeNameValues(json, "headers", answered ? response.fields() : QList<HttpMessage::Field>());
    writeNameValues(json, "cookies", answered ? cookiesOf(response) : QList<HttpMessage::Field>());
    json.beginObject("content");
    json.number("size", bodySize);
    const QByteArray contentType = answered ? response.combinedValue("Content-Type") : QByteArray();
    json.string("mimeType", contentType.isEmpty() ? QByteArray("x-unknown") : lossyUtf8(contentType));
    if (bodySize > 0)
        json.string("text", lossyUtf8(response.body()));
    json.end();
    json.string("redirectURL", answered ? lossyUtf8(response.combinedValue("Location")) : QByteArray());
    json.number("headersSize",
        answered && !handshake.responseBytes.isEmpty() ? handshake.responseBytes.size() - bodySize : -1);
    json.number("bodySize", answered ? bodySize : -1);
    json.number("_transferSize", handshake.responseBytes.size());
    if (handshake.error.isEmpty())
        json.null("_error");
    else
        json.text("_error", handshake.error);
    json.end();

    if (client && !handshake.peerAddress.isEmpty())
        json.text("serverIPAddress", handshake.peerAddress);
    json.string("startedDateTime",
        isoMilliseconds(floorDiv(epochNs(header.timeOriginMs, connection.firstNs), NsPerMs)));

    // Timings, as Chrome computes them: "connect" includes "ssl"; "time" is the sum of the phases.
    const PhaseTimings &timings = handshake.timings;
    const qint64 connect = timings.connectNs < 0 ? -1 : timings.connectNs + qMax<qint64>(timings.tlsNs, 0);
    const qint64 wait = qMax<qint64>(timings.upgradeNs, 0);
    const qint64 total = qMax<qint64>(timings.dnsNs, 0) + qMax<qint64>(connect, 0) + wait;
    const auto phase = [](qint64 ns) { return ns < 0 ? QByteArray("-1") : millisecondsText(ns); };
    json.raw("time", millisecondsText(total));
    json.beginObject("timings")
        .raw("blocked", "-1")
        .raw("dns", phase(timings.dnsNs))
        .raw("ssl", phase(timings.tlsNs))
        .raw("connect", phase(connect))
        .raw("send", "0")
        .raw("wait", millisecondsText(wait))
        .raw("receive", "0")
        .raw("_blocked_queueing", "-1")
        .end();
    json.end();
}

// ---- tables (CSV, JSON) --------------------------------------------------------------------------------

const QList<QByteArray> TableColumns { "number", "time", "connection", "kind", "direction", "origin",
    "opcode", "type", "fin", "rsv1", "rsv2", "rsv3", "masked", "maskKey", "length", "encoding", "payload",
    "violations", "notice" };

struct Cell
{
    enum class Kind : quint8 { Null, Text, Raw, List };
    Kind kind = Kind::Null;
    QByteArray text; // Text: UTF-8; Raw: a JSON number or boolean, written as is in CSV too
    QList<QByteArray> list;

    static Cell null() { return {}; }
    static Cell textCell(QByteArray utf8) { return { Kind::Text, std::move(utf8), {} }; }
    static Cell raw(QByteArray json) { return { Kind::Raw, std::move(json), {} }; }
    static Cell boolean(bool value) { return raw(value ? QByteArray("true") : QByteArray("false")); }
    static Cell number(qint64 value) { return raw(QByteArray::number(value)); }
    static Cell unsignedNumber(quint64 value) { return raw(QByteArray::number(value)); }
};

// RFC 4180 §2: a field holding a comma, a double quote or a line break is put in double quotes, and a
// double quote inside it is doubled.
void appendCsvField(QByteArray &out, QByteArrayView field)
{
    bool quote = false;
    for (char c : field) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out.append(field);
        return;
    }
    out.append('"');
    for (char c : field) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

} // namespace

// ---- SessionExport ---------------------------------------------------------------------------------------

QString SessionExport::formatId(Format format)
{
    switch (format) {
    case Format::Har:
        return QStringLiteral("har");
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::Json:
        return QStringLiteral("json");
    }
    return QString();
}

std::optional<SessionExport::Format> SessionExport::formatFromId(const QString &id)
{
    for (Format format : { Format::Har, Format::Csv, Format::Json }) {
        if (id.compare(formatId(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

QByteArray SessionExport::toHar(const EventBatch &events, const SessionHeader &header)
{
    // One entry per connection that has a handshake (HAR needs a URL), in the order they started. A
    // connection that dialled again (--reconnect) has one entry per attempt: a new one starts when it
    // connects again after a handshake.
    std::vector<HarConnection> connections;
    QHash<quint64, size_t> slotOf;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const ConnectionEvent &event = events.at(i);
        const quint64 id = std::visit([](const auto &value) { return value.connectionId; }, event);
        if (id == 0)
            continue;
        const auto *notice = std::get_if<ConnectionNotice>(&event);
        auto found = slotOf.find(id);
        const bool again = found != slotOf.end() && connections[*found].handshake && notice
            && ((notice->kind == ConnectionNotice::Kind::StateChanged
                    && notice->state == ConnectionState::Connecting)
                || notice->kind == ConnectionNotice::Kind::Handshake);
        if (found == slotOf.end() || again) {
            HarConnection connection;
            connection.id = id;
            connection.firstNs = std::visit([](const auto &value) { return value.timestampNs; }, event);
            connections.push_back(std::move(connection));
            found = slotOf.insert(id, connections.size() - 1);
        }
        HarConnection &connection = connections[*found];
        connection.events.append(i);
        if (notice) {
            if (notice->handshake && !connection.handshake)
                connection.handshake = notice->handshake;
            if (notice->tls || notice->kind == ConnectionNotice::Kind::Tls)
                connection.tls = true;
        }
    }

    QString creatorVersion = QCoreApplication::applicationVersion();
    if (creatorVersion.isEmpty())
        creatorVersion = QStringLiteral("n/a");
    QByteArray out;
    PrettyJson json(out);
    json.beginObject();
    json.beginObject("log");
    json.string("version", QByteArrayView("1.2"));
    json.beginObject("creator")
        .string("name", QByteArrayView("Frameline"))
        .text("version", creatorVersion)
        .end();
    json.raw("pages", "[]");
    json.beginArray("entries");
    for (const HarConnection &connection : connections) {
        if (connection.handshake)
            writeHarEntry(json, connection, events, header);
    }
    json.end();
    json.end();
    json.end();
    out.append('\n');
    return out;
}

const QList<QByteArray> &SessionExport::tableColumns()
{
    return TableColumns;
}

SessionExport::TableWriter::TableWriter(Format format, const SessionHeader &header)
    : m_format(format == Format::Csv ? Format::Csv : Format::Json)
    , m_timeOriginMs(header.timeOriginMs)
    , m_cachedSecond(std::numeric_limits<qint64>::min())
{ }

QByteArray SessionExport::TableWriter::start() const
{
    if (m_format == Format::Json)
        return QByteArray("[");
    // RFC 4180 §2: records end with CRLF; the first record may be a header.
    QByteArray out;
    for (const QByteArray &column : TableColumns) {
        if (!out.isEmpty())
            out.append(',');
        out.append(column);
    }
    out.append("\r\n");
    return out;
}

QByteArray SessionExport::TableWriter::finish() const
{
    if (m_format == Format::Csv)
        return QByteArray();
    return m_rows == 0 ? QByteArray("]\n") : QByteArray("\n]\n");
}

void SessionExport::TableWriter::appendRows(QByteArray &out, const EventBatch &events)
{
    append(out, events, nullptr);
}

void SessionExport::TableWriter::appendRows(
    QByteArray &out, const EventBatch &events, std::span<const qint64> numbers)
{
    Q_ASSERT(numbers.size() == size_t(events.size()));
    append(out, events, numbers.data());
}

void SessionExport::TableWriter::append(QByteArray &out, const EventBatch &events, const qint64 *numbers)
{
    QVarLengthArray<Cell, 19> cells;
    for (qsizetype eventIndex = 0; eventIndex < events.size(); ++eventIndex) {
        const ConnectionEvent &event = events.at(eventIndex);
        // The timeline's rows: frames and notices. A message is the frames that carry it (docs: Other
        // formats).
        if (std::holds_alternative<MessageEvent>(event))
            continue;
        const qint64 timestampNs = std::visit([](const auto &value) { return value.timestampNs; }, event);
        const quint64 connectionId = std::visit([](const auto &value) { return value.connectionId; }, event);

        // "2026-11-21T11:22:40.371123456Z": ISO 8601, UTC, to the nanosecond.
        const qint64 ns = epochNs(m_timeOriginMs, timestampNs);
        const qint64 second = floorDiv(ns, NsPerSecond);
        if (second != m_cachedSecond) {
            m_cachedSecond = second;
            m_cachedSecondText = QDateTime::fromSecsSinceEpoch(second, Qt::UTC)
                                     .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                                     .toLatin1();
        }
        const QByteArray time = m_cachedSecondText + '.'
            + QByteArray::number(ns - second * NsPerSecond).rightJustified(9, '0') + 'Z';

        cells.clear();
        ++m_rows;
        cells.append(Cell::number(numbers ? numbers[eventIndex] : m_rows));
        cells.append(Cell::textCell(time));
        cells.append(Cell::unsignedNumber(connectionId));
        if (const auto *frameEvent = std::get_if<FrameEvent>(&event)) {
            const Frame &frame = frameEvent->frame;
            cells.append(Cell::textCell("frame"));
            cells.append(Cell::textCell(SessionFormat::directionId(frameEvent->direction).toByteArray()));
            cells.append(Cell::textCell(SessionFormat::originId(frameEvent->origin).toByteArray()));
            cells.append(Cell::number(frame.opcode));
            cells.append(Cell::textCell(opcodeName(frame.opcode).toUtf8()));
            cells.append(Cell::boolean(frame.fin));
            cells.append(Cell::boolean(frame.rsv1));
            cells.append(Cell::boolean(frame.rsv2));
            cells.append(Cell::boolean(frame.rsv3));
            cells.append(Cell::boolean(frame.masked));
            cells.append(frame.masked ? Cell::textCell(
                             QByteArray(reinterpret_cast<const char *>(frame.maskingKey.data()), 4).toHex())
                                      : Cell::null());
            cells.append(Cell::unsignedNumber(frame.payloadLength));
            // The session format's rule: text when the frame is part of a text message, not compressed, and
            // valid UTF-8 by itself; hex otherwise.
            const QByteArray &payload = frameEvent->payload;
            if (frame.payloadOmitted) {
                cells.append(Cell::textCell("omitted"));
                cells.append(Cell::textCell(QByteArray()));
            } else if (frame.messageOpcode == quint8(Opcode::Text) && !frame.compressed
                && Utf8Validator::isValid(payload)) {
                cells.append(Cell::textCell("text"));
                cells.append(Cell::textCell(payload));
            } else {
                cells.append(Cell::textCell("hex"));
                cells.append(Cell::textCell(payload.toHex()));
            }
            Cell violations { Cell::Kind::List, {}, {} };
            for (const Violation &violation : frame.violations)
                violations.list.append(violation.id().toUtf8());
            cells.append(violations);
            cells.append(Cell::null());
        } else {
            const auto &notice = std::get<ConnectionNotice>(event);
            cells.append(Cell::textCell(SessionFormat::noticeType(notice.kind).toByteArray()));
            for (int i = 0; i < 13; ++i) // direction ... payload
                cells.append(Cell::null());
            Cell violations { Cell::Kind::List, {}, {} };
            if (notice.kind == ConnectionNotice::Kind::Violation)
                violations.list.append(notice.violation.id().toUtf8());
            cells.append(violations);
            cells.append(Cell::textCell(FrameStore::noticeText(notice).toUtf8()));
        }

        if (m_format == Format::Csv) {
            for (qsizetype i = 0; i < cells.size(); ++i) {
                if (i > 0)
                    out.append(',');
                const Cell &cell = cells.at(i);
                switch (cell.kind) {
                case Cell::Kind::Null:
                    break;
                case Cell::Kind::Raw:
                    out.append(cell.text);
                    break;
                case Cell::Kind::Text:
                    appendCsvField(out, cell.text);
                    break;
                case Cell::Kind::List:
                    appendCsvField(out, cell.list.join(' '));
                    break;
                }
            }
            out.append("\r\n");
            continue;
        }
        // JSON: one object per line, so the file reads and diffs line by line.
        JsonLine line;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const Cell &cell = cells.at(i);
            const QByteArray &key = TableColumns.at(i);
            switch (cell.kind) {
            case Cell::Kind::Null:
                line.addNull(key);
                break;
            case Cell::Kind::Raw:
                line.addRaw(key, cell.text);
                break;
            case Cell::Kind::Text:
                line.addUtf8(key, cell.text);
                break;
            case Cell::Kind::List: {
                QByteArray array(1, '[');
                for (const QByteArray &item : cell.list) {
                    if (array.size() > 1)
                        array.append(',');
                    JsonLine::appendString(array, item);
                }
                array.append(']');
                line.addRaw(key, array);
                break;
            }
            }
        }
        out.append(m_rows == 1 ? "\n" : ",\n");
        out.append(line.toObject());
    }
}

QByteArray SessionExport::toCsv(const EventBatch &events, const SessionHeader &header)
{
    TableWriter writer(Format::Csv, header);
    QByteArray out = writer.start();
    writer.appendRows(out, events);
    out.append(writer.finish());
    return out;
}

QByteArray SessionExport::toJson(const EventBatch &events, const SessionHeader &header)
{
    TableWriter writer(Format::Json, header);
    QByteArray out = writer.start();
    writer.appendRows(out, events);
    out.append(writer.finish());
    return out;
}

QByteArray SessionExport::encode(Format format, const EventBatch &events, const SessionHeader &header)
{
    switch (format) {
    case Format::Har:
        return toHar(events, header);
    case Format::Csv:
        return toCsv(events, header);
    case Format::Json:
        return toJson(events, header);
    }
    return QByteArray();
}

bool SessionExport::write(
    const QString &path, Format format, const EventBatch &events, const SessionHeader &header, QString *error)
{
    QSaveFile file(path);
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        file.cancelWriting();
        return false;
    };
    const QString name = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(name, file.errorString()));
    const QByteArray bytes = encode(format, events, header);
    if (file.write(bytes) != bytes.size())
        return fail(tr("Cannot write %1: %2").arg(name, file.errorString()));
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(name, file.errorString());
        return false;
    }
    return true;
}

// ---- HAR import
// --------------------------------------------------------------------------------------------

namespace {

// A number, also when written as a string ("1.5"), as some HAR writers do.
std::optional<double> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double number = value.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(number))
            return number;
    }
    return std::nullopt;
}

// HAR's name/value arrays (headers, cookies, queryString).
QList<HttpMessage::Field> fieldsOf(const QJsonValue &value)
{
    QList<HttpMessage::Field> fields;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        const QJsonObject object = item.toObject();
        const QString name = object.value(QLatin1String("name")).toString();
        if (name.isEmpty()
            || name.startsWith(QLatin1Char(':'))) // HTTP/2 pseudo-headers have no HTTP/1.1 form
            continue;
        const QJsonValue fieldValue = object.value(QLatin1String("value"));
        const QString text = fieldValue.isString() ? fieldValue.toString()
            : fieldValue.isDouble()                ? QString::number(fieldValue.toDouble())
                                                   : QString();
        fields.append({ name.toUtf8(), text.toUtf8() });
    }
    return fields;
}

// "HTTP/1.1" → 1.1; Firefox writes "HTTP/1.1" too, Chrome "http/1.1" for some requests, "h2" for HTTP/2.
std::pair<int, int> httpVersionOf(const QString &text)
{
    const QString version = text.trimmed().toLower();
    if (version == QLatin1String("h2") || version == QLatin1String("http/2")
        || version == QLatin1String("http/2.0"))
        return { 2, 0 };
    if (version == QLatin1String("http/1.0"))
        return { 1, 0 };
    return { 1, 1 };
}

QByteArray headerValue(const QList<HttpMessage::Field> &fields, QByteArrayView name)
{
    for (const HttpMessage::Field &field : fields) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            return field.value;
    }
    return QByteArray();
}

qint64 msToNs(const QJsonValue &value)
{
    const auto ms = numberOf(value);
    if (!ms || *ms < 0)
        return -1;
    return qint64(std::llround(*ms * 1e6));
}

QString shortened(const QString &text)
{
    return text.size() > 100 ? text.left(99) + QChar(0x2026) : text;
}

} // namespace

class HarReader
{
    Q_DECLARE_TR_FUNCTIONS(HarImport)
public:
    HarImport::Result result;
    std::vector<EventBatch> entries; // each entry's events, time in ns since the epoch
    qint64 earliestMs = std::numeric_limits<qint64>::max();

    void readEntry(const QJsonObject &entry, int number, quint64 connectionId);
};

void HarReader::readEntry(const QJsonObject &entry, int number, quint64 connectionId)
{
    const QJsonObject request = entry.value(QLatin1String("request")).toObject();
    const QJsonObject response = entry.value(QLatin1String("response")).toObject();
    const QJsonObject timings = entry.value(QLatin1String("timings")).toObject();
    const QString url = request.value(QLatin1String("url")).toString();

    // Messages first: their times also stand in for a start time that cannot be read.
    struct Item
    {
        enum class Type : quint8 { Send, Receive, Error };
        Type type = Type::Send;
        qint64 epochNs = 0;
        int opcode = 1;
        QByteArray payload;
        QString text; // Error
    };
    QList<Item> items;
    const QJsonArray messages = entry.value(QLatin1String("_webSocketMessages")).toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        const auto skip = [&](const QString &why) {
            result.warnings.append(tr("entry %1, message %2: %3; skipped").arg(number).arg(i + 1).arg(why));
        };
        if (message.isEmpty()) {
            skip(tr("not an object"));
            continue;
        }
        Item item;
        const QString type = message.value(QLatin1String("type")).toString().toLower();
        if (type == QLatin1String("send"))
            item.type = Item::Type::Send;
        else if (type == QLatin1String("receive"))
            item.type = Item::Type::Receive;
        else if (type == QLatin1String("error"))
            item.type = Item::Type::Error;
        else {
            skip(tr("type \"%1\" is neither send nor receive")
                     .arg(message.value(QLatin1String("type")).toVariant().toString()));
            continue;
        }
        auto seconds = numberOf(message.value(QLatin1String("time")));
        if (!seconds) {
            skip(tr("no time"));
            continue;
        }
        // Epoch seconds, as DevTools writes them; a value this large can only be milliseconds.
        if (std::abs(*seconds) >= 1e11)
            *seconds /= 1000.0;
        item.epochNs = std::llround(*seconds * 1e6) * NsPerUs;
        const QJsonValue data = message.value(QLatin1String("data"));
        if (item.type == Item::Type::Error) {
            item.text = data.toString();
            items.append(item);
            continue;
        }
        const auto opcode = numberOf(message.value(QLatin1String("opcode")));
        if (!opcode || *opcode != std::floor(*opcode) || *opcode < 0 || *opcode > 15) {
            skip(tr("no opcode from 0 to 15"));
            continue;
        }
        item.opcode = int(*opcode);
        if (!isDataOpcode(quint8(item.opcode)) && item.opcode != int(Opcode::Close)
            && item.opcode != int(Opcode::Ping) && item.opcode != int(Opcode::Pong)) {
            skip(tr("opcode %1 is not a message or a control frame").arg(item.opcode));
            continue;
        }
        if (!data.isString() && !data.isUndefined() && !data.isNull()) {
            skip(tr("data is not a string"));
            continue;
        }
        const QString dataText = data.toString();
        if (item.opcode == int(Opcode::Text)) {
            item.payload = dataText.toUtf8();
        } else {
            auto decoded = QByteArray::fromBase64Encoding(
                dataText.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (decoded) {
                item.payload = *decoded;
            } else {
                result.warnings.append(
                    tr("entry %1, message %2: data of opcode %3 is not base64; kept as its UTF-8 text")
                        .arg(number)
                        .arg(i + 1)
                        .arg(item.opcode));
                item.payload = dataText.toUtf8();
            }
        }
        items.append(item);
    }

    // When it started and how long the handshake took.
    const QString started = entry.value(QLatin1String("startedDateTime")).toString();
    QDateTime startTime = QDateTime::fromString(started, Qt::ISODateWithMs);
    qint64 startNs = 0;
    if (startTime.isValid()) {
        startNs = startTime.toMSecsSinceEpoch() * NsPerMs;
    } else {
        startNs = items.isEmpty() ? 0 : items.constFirst().epochNs;
        result.warnings.append(
            tr("entry %1: startedDateTime \"%2\" is not a date; %3")
                .arg(number)
                .arg(shortened(started),
                    items.isEmpty() ? tr("1970-01-01 is used") : tr("its first message's time is used")));
    }
    qint64 handshakeNs = startNs;
    if (const auto duration = numberOf(entry.value(QLatin1String("time"))); duration && *duration > 0)
        handshakeNs += qint64(std::llround(*duration * 1e6));
    if (!items.isEmpty())
        handshakeNs = qMin(handshakeNs, qMax(startNs, items.constFirst().epochNs));
    earliestMs = qMin(earliestMs, floorDiv(startNs, NsPerMs));

    // The handshake as HAR describes it: request line from the URL, headers in the order listed.
    auto handshake = std::make_shared<HandshakeRecord>();
    const QUrl parsedUrl(url);
    handshake->url = url;
    QString address = entry.value(QLatin1String("serverIPAddress")).toString();
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
        address = address.mid(1, address.size() - 2);
    handshake->peerAddress = address;
    const bool secure
        = parsedUrl.scheme() == QLatin1String("wss") || parsedUrl.scheme() == QLatin1String("https");
    handshake->peerPort = quint16(parsedUrl.port(secure ? 443 : 80));
    QByteArray target = parsedUrl.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (parsedUrl.hasQuery())
        target += '?' + parsedUrl.query(QUrl::FullyEncoded).toUtf8();
    QString method = request.value(QLatin1String("method")).toString();
    if (method.isEmpty())
        method = QStringLiteral("GET");
    HttpMessage httpRequest = HttpMessage::request(method.toUtf8(), target);
    const auto requestVersion = httpVersionOf(request.value(QLatin1String("httpVersion")).toString());
    httpRequest.setVersion(requestVersion.first, requestVersion.second);
    httpRequest.setFields(fieldsOf(request.value(QLatin1String("headers"))));
    handshake->request = httpRequest;
    handshake->requestBytes = httpRequest.serializeHead();
    const QByteArray key = headerValue(httpRequest.fields(), "Sec-WebSocket-Key");
    if (!key.isEmpty())
        handshake->expectedAccept = Handshake::acceptFor(key);

    const auto status = numberOf(response.value(QLatin1String("status")));
    const int statusCode = status && *status > 0 && *status < 1000 ? int(*status) : 0;
    if (statusCode > 0) {
        HttpMessage httpResponse = HttpMessage::response(
            statusCode, response.value(QLatin1String("statusText")).toString().toUtf8());
        const auto responseVersion = httpVersionOf(response.value(QLatin1String("httpVersion")).toString());
        httpResponse.setVersion(responseVersion.first, responseVersion.second);
        httpResponse.setFields(fieldsOf(response.value(QLatin1String("headers"))));
        const QString body
            = response.value(QLatin1String("content")).toObject().value(QLatin1String("text")).toString();
        if (statusCode != 101 && !body.isEmpty())
            httpResponse.setBody(body.toUtf8());
        handshake->response = httpResponse;
        handshake->responseBytes = httpResponse.serialize();
        handshake->subprotocol = headerValue(httpResponse.fields(), "Sec-WebSocket-Protocol").trimmed();
        const QByteArray extensions = headerValue(httpResponse.fields(), "Sec-WebSocket-Extensions");
        if (!extensions.isEmpty()) {
            QString ignored;
            handshake->deflate = PerMessageDeflate::parseAgreed(extensions, &ignored);
        }
    } else {
        handshake->response = HttpMessage::response(0);
    }
    handshake->accepted = statusCode == 101;
    const QString harError = response.value(QLatin1String("_error")).toString();
    if (!handshake->accepted) {
        handshake->error = !harError.isEmpty() ? harError
            : statusCode > 0                   ? tr("the server answered %1 %2")
                                   .arg(statusCode)
                                   .arg(QString::fromUtf8(handshake->response.reasonPhrase()))
                             : tr("no response");
    }
    PhaseTimings &phases = handshake->timings;
    phases.dnsNs = msToNs(timings.value(QLatin1String("dns")));
    phases.tlsNs = msToNs(timings.value(QLatin1String("ssl")));
    // HAR's "connect" includes "ssl"; Frameline's connect phase is the TCP connect alone.
    const qint64 connect = msToNs(timings.value(QLatin1String("connect")));
    phases.connectNs = connect < 0 ? -1 : qMax<qint64>(0, connect - qMax<qint64>(phases.tlsNs, 0));
    const qint64 wait = msToNs(timings.value(QLatin1String("wait")));
    phases.upgradeNs = wait;

    // The events.
    EventBatch events;
    const auto notice = [&](qint64 ns, ConnectionNotice::Kind kind, ConnectionState state) {
        ConnectionNotice value;
        value.connectionId = connectionId;
        value.timestampNs = ns;
        value.kind = kind;
        value.state = state;
        return value;
    };
    events.append(notice(startNs, ConnectionNotice::Kind::StateChanged, ConnectionState::Connecting));
    ConnectionNotice handshakeNotice
        = notice(handshakeNs, ConnectionNotice::Kind::Handshake, ConnectionState::Upgrading);
    handshakeNotice.handshake = handshake;
    events.append(handshakeNotice);
    if (!handshake->accepted) {
        ConnectionNotice closed
            = notice(handshakeNs, ConnectionNotice::Kind::StateChanged, ConnectionState::Closed);
        closed.close = CloseInfo();
        events.append(closed);
        entries.push_back(std::move(events));
        if (!items.isEmpty())
            result.warnings.append(
                tr("entry %1: the handshake was not accepted; its %n message(s) are left out", nullptr,
                    int(items.size()))
                    .arg(number));
        return;
    }
    events.append(notice(handshakeNs, ConnectionNotice::Kind::StateChanged, ConnectionState::Open));

    // HAR keeps messages, not frames: each becomes one whole frame (FIN, no RSV bits, minimal length), a
    // sent one masked as a browser masks it, with the key HAR does not keep written as 00000000.
    qint64 frameIndex[2] = { 0, 0 };
    qint64 messageIndex[2] = { 0, 0 };
    qint64 streamOffset[2] = { 0, 0 };
    std::optional<ClosePayload> closeSent;
    std::optional<ClosePayload> closeReceived;
    bool localClosedFirst = false;
    ConnectionState state = ConnectionState::Open;
    for (const Item &item : std::as_const(items)) {
        if (item.type == Item::Type::Error) {
            ConnectionNotice error = notice(item.epochNs, ConnectionNotice::Kind::Error, state);
            error.text = item.text;
            events.append(error);
            continue;
        }
        const Direction direction = item.type == Item::Type::Send ? Direction::Outgoing : Direction::Incoming;
        const int side = direction == Direction::Outgoing ? 1 : 0;
        const bool masked = direction == Direction::Outgoing;
        const quint8 opcode = quint8(item.opcode);
        const quint64 length = quint64(item.payload.size());

        FrameEvent frameEvent;
        frameEvent.connectionId = connectionId;
        frameEvent.timestampNs = item.epochNs;
        frameEvent.direction = direction;
        frameEvent.origin = masked ? FrameOrigin::User : FrameOrigin::Peer;
        Frame &frame = frameEvent.frame;
        frame.index = frameIndex[side]++;
        frame.streamOffset = streamOffset[side];
        frame.fin = true;
        frame.opcode = opcode;
        frame.masked = masked;
        frame.payloadLength = length;
        frame.lengthForm = minimalLengthForm(length);
        frame.position = isControlOpcode(opcode) ? FramePosition::Control : FramePosition::Whole;
        frame.messageOpcode = isDataOpcode(opcode) ? opcode : 0;
        frame.header[0] = quint8(0x80 | opcode);
        int headerLength = 2;
        const quint8 maskBit = masked ? 0x80 : 0;
        if (frame.lengthForm == LengthForm::Bits7) {
            frame.header[1] = quint8(maskBit | length);
        } else if (frame.lengthForm == LengthForm::Bits16) {
            frame.header[1] = quint8(maskBit | 126);
            frame.header[2] = quint8(length >> 8);
            frame.header[3] = quint8(length);
            headerLength = 4;
        } else {
            frame.header[1] = quint8(maskBit | 127);
            for (int i = 0; i < 8; ++i)
                frame.header[2 + i] = quint8(length >> (56 - 8 * i));
            headerLength = 10;
        }
        if (masked)
            headerLength += 4; // the key, 00000000
        frame.headerLength = quint8(headerLength);
        frameEvent.payload = item.payload;
        streamOffset[side] += headerLength + qint64(length);
        events.append(frameEvent);

        if (isDataOpcode(opcode)) {
            MessageEvent messageEvent;
            messageEvent.connectionId = connectionId;
            messageEvent.timestampNs = item.epochNs;
            messageEvent.direction = direction;
            messageEvent.origin = frameEvent.origin;
            messageEvent.message.index = messageIndex[side]++;
            messageEvent.message.opcode = opcode;
            messageEvent.message.streamOffset = frame.streamOffset;
            messageEvent.message.frameIndexes.append(frame.index);
            messageEvent.message.payload = item.payload;
            messageEvent.message.wireLength = length;
            events.append(messageEvent);
        } else if (opcode == quint8(Opcode::Close)) {
            // RFC 6455 §7.1.4: the closing handshake is over once Close frames went both ways.
            const ClosePayload close = ClosePayload::parse(item.payload);
            if (!closeSent && !closeReceived)
                localClosedFirst = direction == Direction::Outgoing;
            if (direction == Direction::Outgoing)
                closeSent = close;
            else
                closeReceived = close;
            if (state == ConnectionState::Open) {
                state = ConnectionState::Closing;
                events.append(notice(item.epochNs, ConnectionNotice::Kind::StateChanged, state));
            } else if (state == ConnectionState::Closing && closeSent && closeReceived) {
                state = ConnectionState::Closed;
                ConnectionNotice closed = notice(item.epochNs, ConnectionNotice::Kind::StateChanged, state);
                closed.close.initiator = localClosedFirst ? CloseInitiator::Local : CloseInitiator::Remote;
                closed.close.code = closeReceived->code.value_or(CloseCode::NoStatusReceived);
                closed.close.reason = QString::fromUtf8(closeReceived->reason);
                closed.close.sentCode = closeSent->code.value_or(0);
                closed.close.closingHandshakeCompleted = true;
                closed.close.abnormal = false;
                events.append(closed);
            }
        }
    }
    entries.push_back(std::move(events));
}

HarImport::Result HarImport::read(const QByteArray &har)
{
    HarReader reader;
    HarImport::Result &result = reader.result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(har, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArrayView before
            = QByteArrayView(har).first(qBound(qsizetype(0), qsizetype(parseError.offset), har.size()));
        const qsizetype line = before.count('\n') + 1;
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        const qsizetype column = QString::fromUtf8(before.sliced(lineStart)).size() + 1;
        result.error = tr("not valid JSON: %1 at line %2, column %3")
                           .arg(parseError.errorString())
                           .arg(line)
                           .arg(column);
        return result;
    }
    if (!document.isObject()) {
        result.error = tr("not a HAR file: the JSON is not an object with a \"log\"");
        return result;
    }
    const QJsonValue log = document.object().value(QLatin1String("log"));
    if (!log.isObject()) {
        result.error = tr("not a HAR file: it has no \"log\" object");
        return result;
    }
    const QJsonValue entriesValue = log.toObject().value(QLatin1String("entries"));
    if (!entriesValue.isArray()) {
        result.error = tr("not a HAR file: \"log.entries\" is not a list");
        return result;
    }
    const QJsonArray entries = entriesValue.toArray();
    quint64 nextConnection = 1;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const int number = int(i + 1);
        const QJsonObject entry = entries.at(i).toObject();
        if (entry.isEmpty()) {
            result.warnings.append(tr("entry %1: not an object; skipped").arg(number));
            continue;
        }
        // Chrome marks WebSocket entries with _resourceType; a writer that does not (Firefox) still lists
        // their _webSocketMessages, and their URL is ws:// or wss://.
        const QJsonObject request = entry.value(QLatin1String("request")).toObject();
        const QString url = request.value(QLatin1String("url")).toString();
        const bool webSocket = entry.value(QLatin1String("_resourceType"))
                                   .toString()
                                   .compare(QLatin1String("websocket"), Qt::CaseInsensitive)
                == 0
            || entry.value(QLatin1String("_webSocketMessages")).isArray()
            || url.startsWith(QLatin1String("ws://"), Qt::CaseInsensitive)
            || url.startsWith(QLatin1String("wss://"), Qt::CaseInsensitive);
        if (!webSocket) {
            result.warnings.append(
                tr("entry %1: not a WebSocket (%2 %3); skipped")
                    .arg(number)
                    .arg(request.value(QLatin1String("method")).toString(), shortened(url)));
            continue;
        }
        reader.readEntry(entry, number, nextConnection++);
    }

    // One session: the entries' events merged in time order (each entry's own order kept), timestamps made
    // relative to the first entry's start.
    result.header = SessionHeader::forNewSession();
    qint64 origin = reader.earliestMs == std::numeric_limits<qint64>::max() ? 0 : reader.earliestMs;
    for (const EventBatch &events : reader.entries) {
        for (const ConnectionEvent &event : events)
            origin = qMin(origin,
                floorDiv(std::visit([](const auto &value) { return value.timestampNs; }, event), NsPerMs));
    }
    result.header.timeOriginMs = origin;
    using Head = std::pair<qint64, size_t>; // time, entry
    std::priority_queue<Head, std::vector<Head>, std::greater<Head>> heads;
    std::vector<qsizetype> next(reader.entries.size(), 0);
    qsizetype total = 0;
    for (size_t i = 0; i < reader.entries.size(); ++i) {
        total += reader.entries[i].size();
        if (!reader.entries[i].isEmpty())
            heads.push({ std::visit([](const auto &value) { return value.timestampNs; },
                             reader.entries[i].constFirst()),
                i });
    }
    result.events.reserve(total);
    while (!heads.empty()) {
        const size_t entry = heads.top().second;
        heads.pop();
        ConnectionEvent event = reader.entries[entry].at(next[entry]++);
        std::visit([origin](auto &value) { value.timestampNs -= origin * NsPerMs; }, event);
        result.events.append(std::move(event));
        if (next[entry] < reader.entries[entry].size())
            heads.push({ std::visit([](const auto &value) { return value.timestampNs; },
                             reader.entries[entry].at(next[entry])),
                entry });
    }
    return result;
}

HarImport::Result HarImport::readFile(const QString &path)
{
    QFile file(path);
    const QString name = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = tr("Cannot read %1: %2").arg(name, file.errorString());
        return result;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty()) {
        Result result;
        result.error = tr("%1 is empty: it is not a HAR file").arg(name);
        return result;
    }
    Result result = read(bytes);
    if (!result.ok())
        result.error = tr("%1 is %2").arg(name, result.error);
    return result;
}

} // namespace Frameline
