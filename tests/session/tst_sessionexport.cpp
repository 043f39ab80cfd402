// A session in other shapes (SessionExport, HarImport): HAR files as Chrome and Firefox DevTools write them
// (hand-written fixtures in tests/data/) imported event for event and field for field; real traffic of a
// client and server pair exported as Chrome-shaped HAR (every key checked) and imported back; tolerance
// and errors of the importer; the timeline as CSV (exact bytes, RFC 4180 quoting) and as JSON (the same
// rows); the atomic write.

#include "app/net/clientconnection.h"
#include "app/net/server.h"
#include "app/protocol/closecode.h"
#include "app/session/sessionexport.h"
#include "tests/common/eventcollector.h"
#include "tests/common/sampleevents.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>
#include <cmath>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::EventCollector;
using Frameline::Test::allByteValues;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(FRAMELINE_TEST_DATA_DIR) + QLatin1Char('/') + name;
}

QString payloadText(const QByteArray &payload, quint8 opcode)
{
    if (opcode == 1)
        return u"\""_s + QString::fromUtf8(payload) + u"\""_s;
    return payload.isEmpty() ? u"-"_s : QString::fromLatin1(payload.toHex());
}

// One line per event with what the importer decides: connection, time, kind and the fields that matter.
QString describe(const ConnectionEvent &event)
{
    if (const auto *frame = std::get_if<FrameEvent>(&event)) {
        const Frame &f = frame->frame;
        return u"%1 %2 frame %3 #%4 @%5 %6 %7 %8%9%10"_s.arg(frame->connectionId)
            .arg(frame->timestampNs)
            .arg(frame->direction == Direction::Incoming ? u"in"_s : u"out"_s)
            .arg(f.index)
            .arg(f.streamOffset)
            .arg(QString::fromLatin1(f.rawHeader().toByteArray().toHex()))
            .arg(payloadText(frame->payload, f.messageOpcode == 1 ? 1 : 0))
            .arg(frame->origin == FrameOrigin::User      ? u"user"_s
                    : frame->origin == FrameOrigin::Peer ? u"peer"_s
                                                         : u"?"_s)
            .arg(f.position == FramePosition::Control    ? u" control"_s
                    : f.position == FramePosition::Whole ? u""_s
                                                         : u" ?"_s)
            .arg(f.payloadLength == quint64(frame->payload.size()) ? u""_s : u" length-mismatch"_s);
    }
    if (const auto *message = std::get_if<MessageEvent>(&event)) {
        const Message &m = message->message;
        QStringList indexes;
        for (qint64 index : m.frameIndexes)
            indexes.append(QString::number(index));
        return u"%1 %2 message %3 #%4 @%5 op%6 [%7] %8 wire %9"_s.arg(message->connectionId)
            .arg(message->timestampNs)
            .arg(message->direction == Direction::Incoming ? u"in"_s : u"out"_s)
            .arg(m.index)
            .arg(m.streamOffset)
            .arg(m.opcode)
            .arg(indexes.join(u','))
            .arg(payloadText(m.payload, m.opcode))
            .arg(m.wireLength);
    }
    const auto &notice = std::get<ConnectionNotice>(event);
    QString text = u"%1 %2 %3 %4"_s.arg(notice.connectionId)
                       .arg(notice.timestampNs)
                       .arg(QString::fromLatin1(SessionFormat::noticeType(notice.kind).toByteArray()))
                       .arg(ConnectionText::stateId(notice.state));
    if (notice.kind == ConnectionNotice::Kind::StateChanged && notice.state == ConnectionState::Closed)
        text += u" close %1 %2 \"%3\" sent %4%5%6"_s.arg(notice.close.code)
                    .arg(notice.close.initiator == CloseInitiator::Local       ? u"local"_s
                            : notice.close.initiator == CloseInitiator::Remote ? u"remote"_s
                                                                               : u"none"_s)
                    .arg(notice.close.reason)
                    .arg(notice.close.sentCode)
                    .arg(notice.close.closingHandshakeCompleted ? u" completed"_s : u""_s)
                    .arg(notice.close.abnormal ? u" abnormal"_s : u""_s);
    if (!notice.text.isEmpty())
        text += u" \""_s + notice.text + u"\""_s;
    return text;
}

QStringList describeAll(const EventBatch &events)
{
    QStringList lines;
    for (const ConnectionEvent &event : events)
        lines.append(describe(event));
    return lines;
}

QList<std::shared_ptr<const HandshakeRecord>> handshakesOf(const EventBatch &events)
{
    QList<std::shared_ptr<const HandshakeRecord>> handshakes;
    for (const ConnectionEvent &event : events) {
        if (const auto *notice = std::get_if<ConnectionNotice>(&event); notice && notice->handshake)
            handshakes.append(notice->handshake);
    }
    return handshakes;
}

QList<HttpMessage::Field> fields(std::initializer_list<std::pair<const char *, const char *>> list)
{
    QList<HttpMessage::Field> result;
    for (const auto &[name, value] : list)
        result.append({ QByteArray(name), QByteArray(value) });
    return result;
}

QStringList keysOf(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// RFC 4180 records, for checking what the CSV export wrote.
QList<QStringList> parseCsv(const QByteArray &csv)
{
    QList<QStringList> records;
    QStringList record;
    QByteArray field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const char c = csv.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv.at(i + 1) == '"') {
                field.append('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.append(c);
            }
            continue;
        }
        if (c == '"' && field.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == ',') {
            record.append(QString::fromUtf8(field));
            field.clear();
            wasQuoted = false;
        } else if (c == '\r' && i + 1 < csv.size() && csv.at(i + 1) == '\n') {
            record.append(QString::fromUtf8(field));
            records.append(record);
            record.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else {
            if (c == '\r' || c == '\n' || c == '"')
                qFatal("bare %c outside quotes in the CSV", c);
            field.append(c);
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        qFatal("the CSV does not end with CRLF");
    return records;
}

// ---- a real client and server ----------------------------------------------------------------------

struct Pair
{
    std::unique_ptr<Server> server;
    std::unique_ptr<ClientConnection> client;
    EventCollector serverEvents;
    EventCollector clientEvents;
};

std::unique_ptr<Pair> startPair(Server::Options serverOptions, ClientConnection::Options clientOptions = {})
{
    auto pair = std::make_unique<Pair>();
    pair->server = std::make_unique<Server>(serverOptions);
    QString error;
    if (!pair->server->listen(&error))
        qFatal("listen: %s", qPrintable(error));
    pair->serverEvents.follow(pair->server.get());
    clientOptions.url = QUrl(pair->server->url() + u"chat?room=1"_s);
    pair->client = std::make_unique<ClientConnection>(clientOptions);
    pair->clientEvents.follow(pair->client.get());
    QSignalSpy opened(pair->client.get(), &Connection::opened);
    QSignalSpy closed(pair->client.get(), &Connection::closed);
    pair->client->open();
    if (!opened.wait(10000) && closed.isEmpty())
        qWarning("client neither opened nor closed");
    return pair;
}

// What a HAR of these events must list in _webSocketMessages, in order: type, opcode, data, time (µs).
struct ExpectedMessage
{
    QString type;
    int opcode = 0;
    QString data;
    qint64 epochUs = 0;
};

QList<ExpectedMessage> expectedHarMessages(const EventBatch &events, const SessionHeader &header)
{
    QList<ExpectedMessage> expected;
    const auto epochUs = [&header](qint64 ns) {
        const qint64 total = header.timeOriginMs * 1000000 + ns;
        return total >= 0 ? total / 1000 : -((-total + 999) / 1000);
    };
    for (const ConnectionEvent &event : events) {
        if (const auto *message = std::get_if<MessageEvent>(&event)) {
            const bool text = message->message.opcode == 1;
            expected.append({ message->direction == Direction::Outgoing ? u"send"_s : u"receive"_s,
                message->message.opcode,
                text ? QString::fromUtf8(message->message.payload)
                     : QString::fromLatin1(message->message.payload.toBase64()),
                epochUs(message->timestampNs) });
        } else if (const auto *frame = std::get_if<FrameEvent>(&event)) {
            if (frame->frame.opcode < 8 || frame->frame.opcode > 10)
                continue;
            expected.append(
                { frame->direction == Direction::Outgoing ? u"send"_s : u"receive"_s, frame->frame.opcode,
                    QString::fromLatin1(frame->payload.toBase64()), epochUs(frame->timestampNs) });
        } else if (const auto *notice = std::get_if<ConnectionNotice>(&event);
                   notice && notice->kind == ConnectionNotice::Kind::Error) {
            expected.append({ u"error"_s, -1, notice->text, epochUs(notice->timestampNs) });
        }
    }
    return expected;
}

void compareHarMessages(const QJsonArray &actual, const QList<ExpectedMessage> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QJsonObject message = actual.at(i).toObject();
        QCOMPARE(keysOf(message), sorted({ u"type"_s, u"time"_s, u"opcode"_s, u"data"_s }));
        QCOMPARE(message.value("type"_L1).toString(), expected.at(i).type);
        QCOMPARE(message.value("opcode"_L1).toInt(), expected.at(i).opcode);
        QCOMPARE(message.value("data"_L1).toString(), expected.at(i).data);
        // Epoch seconds with a fraction; a double holds the microseconds of today's dates.
        QCOMPARE(std::llround(message.value("time"_L1).toDouble() * 1e6), expected.at(i).epochUs);
    }
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QJsonArray nameValues(const QList<HttpMessage::Field> &list)
{
    QJsonArray array;
    for (const HttpMessage::Field &field : list)
        array.append(QJsonObject {
            { u"name"_s, QString::fromUtf8(field.name) }, { u"value"_s, QString::fromUtf8(field.value) } });
    return array;
}

// A HAR duration in milliseconds, as whole microseconds (the export rounds to the microsecond).
qint64 us(double ms)
{
    return std::llround(ms * 1000);
}
qint64 nsToUs(qint64 ns)
{
    return (ns + 500) / 1000;
}

// 2026-11-21T11:22:40.371Z.
SessionHeader tableHeaderForHar()
{
    SessionHeader header = SessionHeader::forNewSession();
    header.timeOriginMs = 1795260160371;
    return header;
}

} // namespace

class tst_SessionExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatIds();
    // HAR import.
    void importDevToolsFixture();
    void importFirefoxFixture();
    void importToleratesBadMessages();
    void importErrors_data();
    void importErrors();
    void importFileErrors();
    // HAR export.
    void harExportChromeShape();
    void harRoundTrip();
    void harOfServerRecording();
    void harOfRejectedAndRefused();
    void harEntryPerAttempt();
    // Tables.
    void csvExactBytes();
    void jsonHasTheCsvRows();
    void tableWriterInPieces();
    void writeIsAtomic();
};

void tst_SessionExport::formatIds()
{
    QCOMPARE(SessionExport::formatId(SessionExport::Format::Har), u"har"_s);
    QCOMPARE(SessionExport::formatId(SessionExport::Format::Csv), u"csv"_s);
    QCOMPARE(SessionExport::formatId(SessionExport::Format::Json), u"json"_s);
    QCOMPARE(SessionExport::formatFromId(u"har"_s), SessionExport::Format::Har);
    QCOMPARE(SessionExport::formatFromId(u"CSV"_s), SessionExport::Format::Csv);
    QCOMPARE(SessionExport::formatFromId(u"Json"_s), SessionExport::Format::Json);
    QVERIFY(!SessionExport::formatFromId(u"xml"_s));
    QVERIFY(!SessionExport::formatFromId(QString()));
}

// ---- HAR import ----------------------------------------------------------------------------------------

void tst_SessionExport::importDevToolsFixture()
{
    const HarImport::Result result = HarImport::readFile(fixture(u"devtools-websocket.har"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.warnings,
        QStringList { u"entry 1: not a WebSocket (GET https://chat.example.com/api/session); skipped"_s });
    // The first WebSocket entry's start: 2026-03-14T09:26:53.589Z.
    QCOMPARE(result.header.timeOriginMs, qint64(1773480413589));
    QCOMPARE(result.header.majorVersion, 1);

    // Both connections, merged in time order; each message one whole frame (a sent one masked with a zero
    // key) and, for text and binary, one message.
    const QString join = u"\"{\"type\":\"join\",\"room\":\"lobby\",\"user\":\"ana\"}\""_s;
    const QString welcome
        = u"\"{\"type\":\"welcome\",\"users\":[\"ana\",\"bo\"],\"motd\":\"h\u00e9llo \u2713 "
          u"\\\"quoted\\\"\\nline two\"}\""_s;
    const QString chat = u"\"{\"type\":\"message\",\"from\":\"bo\",\"text\":\"hi ana\"}\""_s;
    const QString tick = u"\"{\"seq\":1,\"price\":101.25}\""_s;
    const QString all = QString::fromLatin1(allByteValues().toHex());
    const QStringList expected {
        u"1 0 state connecting"_s,
        u"1 87129000 handshake upgrading"_s,
        u"1 87129000 state open"_s,
        u"1 88241000 frame out #0 @0 81ab00000000 "_s + join + u" user"_s,
        u"1 88241000 message out #0 @0 op1 [0] "_s + join + u" wire 43"_s,
        u"1 113518000 frame in #0 @0 8150 "_s + welcome + u" peer"_s,
        u"1 113518000 message in #0 @0 op1 [0] "_s + welcome + u" wire 80"_s,
        u"2 431000000 state connecting"_s,
        u"1 516007000 frame out #1 @49 828400000000 000102ff user"_s,
        u"1 516007000 message out #1 @49 op2 [1] 000102ff wire 4"_s,
        u"2 551500000 handshake upgrading"_s,
        u"2 551500000 state open"_s,
        u"2 556250000 frame in #0 @0 827e0100 "_s + all + u" peer"_s,
        u"2 556250000 message in #0 @0 op2 [0] "_s + all + u" wire 256"_s,
        u"2 611003000 frame out #0 @0 828000000000 - user"_s,
        u"2 611003000 message out #0 @0 op2 [0] - wire 0"_s,
        u"1 761000000 frame in #1 @82 812e "_s + chat + u" peer"_s,
        u"1 761000000 message in #1 @82 op1 [1] "_s + chat + u" wire 46"_s,
        u"2 1409877000 frame in #1 @260 8118 "_s + tick + u" peer"_s,
        u"2 1409877000 message in #1 @260 op1 [1] "_s + tick + u" wire 24"_s,
        u"1 1411001000 frame out #2 @59 818000000000 \"\" user"_s,
        u"1 1411001000 message out #2 @59 op1 [2] \"\" wire 0"_s,
    };
    QCOMPARE(describeAll(result.events), expected);

    // Every frame field the importer sets.
    const auto &first = std::get<FrameEvent>(result.events.at(3));
    QCOMPARE(first.frame.fin, true);
    QCOMPARE(first.frame.rsv1, false);
    QCOMPARE(first.frame.opcode, quint8(1));
    QCOMPARE(first.frame.messageOpcode, quint8(1));
    QCOMPARE(first.frame.masked, true);
    QVERIFY((first.frame.maskingKey == std::array<quint8, 4> { 0, 0, 0, 0 }));
    QCOMPARE(first.frame.payloadLength, quint64(43));
    QCOMPARE(first.frame.lengthForm, LengthForm::Bits7);
    QCOMPARE(first.frame.compressed, false);
    QVERIFY(first.frame.violations.isEmpty());
    const auto &big = std::get<FrameEvent>(result.events.at(12));
    QCOMPARE(big.frame.lengthForm, LengthForm::Bits16);
    QCOMPARE(big.frame.masked, false);
    QCOMPARE(big.payload, allByteValues());

    // The handshakes, from the entries' request and response.
    const auto handshakes = handshakesOf(result.events);
    QCOMPARE(handshakes.size(), 2);
    const HandshakeRecord &chatHandshake = *handshakes.at(0);
    QCOMPARE(chatHandshake.url, u"wss://chat.example.com/socket?room=lobby&token=abc%20def"_s);
    QCOMPARE(chatHandshake.peerAddress, u"203.0.113.10"_s);
    QCOMPARE(chatHandshake.peerPort, quint16(443));
    QCOMPARE(chatHandshake.request.method(), QByteArray("GET"));
    QCOMPARE(chatHandshake.request.target(), QByteArray("/socket?room=lobby&token=abc%20def"));
    QCOMPARE(chatHandshake.request.versionMajor(), 1);
    QCOMPARE(chatHandshake.request.versionMinor(), 1);
    const QList<HttpMessage::Field> chatRequestFields = fields({ { "Host", "chat.example.com" },
        { "Connection", "Upgrade" }, { "Pragma", "no-cache" }, { "Cache-Control", "no-cache" },
        { "User-Agent",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 "
            "Safari/537.36" },
        { "Upgrade", "websocket" }, { "Origin", "https://chat.example.com" },
        { "Sec-WebSocket-Version", "13" }, { "Accept-Encoding", "gzip, deflate, br" },
        { "Accept-Language", "en-US,en;q=0.9" }, { "Cookie", "session=8f2c1e; theme=dark" },
        { "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==" },
        { "Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits" },
        { "Sec-WebSocket-Protocol", "chat.v2, chat.v1" } });
    QCOMPARE(chatHandshake.request.fields(), chatRequestFields);
    QCOMPARE(chatHandshake.requestBytes, chatHandshake.request.serializeHead());
    QVERIFY(chatHandshake.requestBytes.startsWith("GET /socket?room=lobby&token=abc%20def HTTP/1.1\r\nHost: "
                                                  "chat.example.com\r\nConnection: Upgrade\r\n"));
    QVERIFY(chatHandshake.requestBytes.endsWith("Sec-WebSocket-Protocol: chat.v2, chat.v1\r\n\r\n"));
    QCOMPARE(chatHandshake.response.statusCode(), 101);
    QCOMPARE(chatHandshake.response.reasonPhrase(), QByteArray("Switching Protocols"));
    QCOMPARE(chatHandshake.response.fields(),
        fields({ { "Server", "nginx/1.25.3" }, { "Date", "Sat, 14 Mar 2026 09:26:53 GMT" },
            { "Connection", "upgrade" }, { "Upgrade", "websocket" },
            { "Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" },
            { "Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits=15" },
            { "Sec-WebSocket-Protocol", "chat.v2" } }));
    QVERIFY(chatHandshake.responseBytes.startsWith(
        "HTTP/1.1 101 Switching Protocols\r\nServer: nginx/1.25.3\r\n"));
    QCOMPARE(chatHandshake.accepted, true);
    QCOMPARE(chatHandshake.error, QString());
    QCOMPARE(chatHandshake.subprotocol, QByteArray("chat.v2"));
    QVERIFY(chatHandshake.deflate.has_value());
    QCOMPARE(*chatHandshake.deflate, DeflateParameters());
    QCOMPARE(chatHandshake.expectedAccept, QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    // HAR's "connect" includes "ssl": 44.913 - 21.3 ms of TCP connect.
    QCOMPARE(chatHandshake.timings.dnsNs, qint64(12000));
    QCOMPARE(chatHandshake.timings.tlsNs, qint64(21300000));
    QCOMPARE(chatHandshake.timings.connectNs, qint64(23613000));
    QCOMPARE(chatHandshake.timings.upgradeNs, qint64(40125000));

    const HandshakeRecord &feedHandshake = *handshakes.at(1);
    QCOMPARE(feedHandshake.url, u"wss://stream.example.net/v1/feed"_s);
    QCOMPARE(feedHandshake.peerAddress, u"198.51.100.7"_s);
    QCOMPARE(feedHandshake.request.target(), QByteArray("/v1/feed"));
    QCOMPARE(feedHandshake.request.fields().size(), 12);
    QCOMPARE(feedHandshake.response.fields(),
        fields({ { "Upgrade", "websocket" }, { "Connection", "Upgrade" },
            { "Sec-WebSocket-Accept", "HSmrc0sMlYUkAGmm5OPpG2HaGWk=" } }));
    QCOMPARE(feedHandshake.subprotocol, QByteArray());
    QVERIFY(!feedHandshake.deflate.has_value());
    QCOMPARE(feedHandshake.expectedAccept, QByteArray("HSmrc0sMlYUkAGmm5OPpG2HaGWk="));
    QCOMPARE(feedHandshake.timings.dnsNs, qint64(14200000));
    QCOMPARE(feedHandshake.timings.tlsNs, qint64(30100000));
    QCOMPARE(feedHandshake.timings.connectNs, qint64(30900000));
    QCOMPARE(feedHandshake.timings.upgradeNs, qint64(44600000));
}

void tst_SessionExport::importFirefoxFixture()
{
    // Firefox: no _resourceType (a ws:// URL and _webSocketMessages say it), a local time with an offset,
    // numbers as strings, "ssl": 0 for ws://, control frames, both Close frames.
    const HarImport::Result result = HarImport::readFile(fixture(u"firefox-websocket.har"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.warnings,
        QStringList { u"entry 1: not a WebSocket (GET https://echo.example.org/logo.png); skipped"_s });
    QCOMPARE(result.header.timeOriginMs, qint64(1773480601250)); // 10:30:01.250+01:00
    const QStringList expected {
        u"1 0 state connecting"_s,
        u"1 10000000 handshake upgrading"_s,
        u"1 10000000 state open"_s,
        u"1 50000000 frame out #0 @0 818700000000 \"ping me\" user"_s,
        u"1 50000000 message out #0 @0 op1 [0] \"ping me\" wire 7"_s,
        u"1 51000000 frame in #0 @0 8107 \"ping me\" peer"_s,
        u"1 51000000 message in #0 @0 op1 [0] \"ping me\" wire 7"_s,
        u"1 1250000000 frame in #1 @9 8902 6862 peer control"_s,
        u"1 1251000000 frame out #1 @13 8a8200000000 6862 user control"_s,
        u"1 2500000000 frame out #2 @21 888500000000 03e8627965 user control"_s,
        u"1 2500000000 state closing"_s,
        u"1 2502000000 frame in #2 @13 8802 03e8 peer control"_s,
        u"1 2502000000 state closed close 1000 local \"\" sent 1000 completed"_s,
    };
    QCOMPARE(describeAll(result.events), expected);
    const auto handshakes = handshakesOf(result.events);
    QCOMPARE(handshakes.size(), 1);
    QCOMPARE(handshakes.at(0)->url, u"ws://echo.example.org:8080/echo"_s);
    QCOMPARE(handshakes.at(0)->peerAddress, u"192.0.2.44"_s);
    QCOMPARE(handshakes.at(0)->peerPort, quint16(8080));
    QCOMPARE(handshakes.at(0)->request.target(), QByteArray("/echo"));
    QCOMPARE(handshakes.at(0)->request.fields().size(), 7);
    QCOMPARE(handshakes.at(0)->request.combinedValue("Connection"), QByteArray("keep-alive, Upgrade"));
    QCOMPARE(handshakes.at(0)->timings.dnsNs, qint64(1000000));
    QCOMPARE(handshakes.at(0)->timings.tlsNs, qint64(0));
    QCOMPARE(handshakes.at(0)->timings.connectNs, qint64(3000000));
    QCOMPARE(handshakes.at(0)->timings.upgradeNs, qint64(6000000));
}

void tst_SessionExport::importToleratesBadMessages()
{
    const QByteArray har = R"({"log": {"version": "1.2", "entries": [
      {"_resourceType": "websocket", "startedDateTime": "not a date", "time": 5,
       "request": {"method": "GET", "url": "ws://h.example/x", "headers": []},
       "response": {"status": 101, "statusText": "Switching Protocols", "headers": []},
       "_webSocketMessages": [
         {"type": "send", "time": 1773478800.5, "opcode": 1, "data": "a"},
         "junk",
         {"type": "sideways", "time": 1773478800.6, "opcode": 1, "data": "b"},
         {"type": "send", "opcode": 1, "data": "c"},
         {"type": "send", "time": 1773478800.7, "opcode": 3, "data": "d"},
         {"type": "receive", "time": 1773478800.8, "opcode": 2, "data": "!!not base64!!"},
         {"type": "RECEIVE", "time": 1773478801000, "opcode": 1, "data": "milliseconds"},
         {"type": "error", "time": 1773478801.25, "opcode": -1, "data": "net::ERR_CONNECTION_RESET"}
       ]},
      {"_resourceType": "WebSocket", "startedDateTime": "2026-03-14T09:00:00.000Z",
       "request": {"url": "ws://h.example/rejected"},
       "response": {"status": 403, "statusText": "Forbidden", "headers": [{"name": "Content-Type", "value": "text/plain"}],
                    "content": {"size": 2, "mimeType": "text/plain", "text": "no"}},
       "_webSocketMessages": [{"type": "receive", "time": 1773478800.9, "opcode": 1, "data": "x"}]},
      42
    ]}})";
    const HarImport::Result result = HarImport::read(har);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.warnings,
        (QStringList { u"entry 1, message 2: not an object; skipped"_s,
            u"entry 1, message 3: type \"sideways\" is neither send nor receive; skipped"_s,
            u"entry 1, message 4: no time; skipped"_s,
            u"entry 1, message 5: opcode 3 is not a message or a control frame; skipped"_s,
            u"entry 1, message 6: data of opcode 2 is not base64; kept as its UTF-8 text"_s,
            u"entry 1: startedDateTime \"not a date\" is not a date; its first message's time is used"_s,
            u"entry 2: the handshake was not accepted; its 1 message(s) are left out"_s,
            u"entry 3: not an object; skipped"_s }));
    // The time origin: the earliest start, 2026-03-14T09:00:00Z (entry 2); entry 1 starts at its first
    // message.
    QCOMPARE(result.header.timeOriginMs, qint64(1773478800000));
    const QStringList expected {
        u"2 0 state connecting"_s,
        u"2 0 handshake upgrading"_s,
        u"2 0 state closed close 1006 none \"\" sent 0 abnormal"_s,
        u"1 500000000 state connecting"_s,
        u"1 500000000 handshake upgrading"_s,
        u"1 500000000 state open"_s,
        u"1 500000000 frame out #0 @0 818100000000 \"a\" user"_s,
        u"1 500000000 message out #0 @0 op1 [0] \"a\" wire 1"_s,
        u"1 800000000 frame in #0 @0 820e 21216e6f74206261736536342121 peer"_s,
        u"1 800000000 message in #0 @0 op2 [0] 21216e6f74206261736536342121 wire 14"_s,
        u"1 1000000000 frame in #1 @16 810c \"milliseconds\" peer"_s,
        u"1 1000000000 message in #1 @16 op1 [1] \"milliseconds\" wire 12"_s,
        u"1 1250000000 error open \"net::ERR_CONNECTION_RESET\""_s,
    };
    QCOMPARE(describeAll(result.events), expected);
    const auto handshakes = handshakesOf(result.events);
    QCOMPARE(handshakes.size(), 2);
    const HandshakeRecord &rejected = *handshakes.at(0);
    QCOMPARE(rejected.url, u"ws://h.example/rejected"_s);
    QCOMPARE(rejected.peerPort, quint16(80));
    QCOMPARE(rejected.accepted, false);
    QCOMPARE(rejected.error, u"the server answered 403 Forbidden"_s);
    QCOMPARE(rejected.response.body(), QByteArray("no"));
    QCOMPARE(
        rejected.responseBytes, QByteArray("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\nno"));
    QCOMPARE(rejected.requestBytes, QByteArray("GET /rejected HTTP/1.1\r\n\r\n"));
    QCOMPARE(handshakes.at(1)->expectedAccept, QByteArray()); // no Sec-WebSocket-Key listed
}

void tst_SessionExport::importErrors_data()
{
    QTest::addColumn<QByteArray>("har");
    QTest::addColumn<QString>("error");
    QTest::newRow("cut short") << QByteArray("{\n  \"log\": {\n    \"entries\": [")
                               << u"not valid JSON: unterminated array at line 3, column 17"_s;
    QTest::newRow("garbage") << QByteArray("\x89PNG\r\n")
                             << u"not valid JSON: illegal value at line 1, column 2"_s;
    QTest::newRow("two values") << QByteArray(
        "{\"log\": {}}\n{}") << u"not valid JSON: garbage at the end of the document at line 2, column 1"_s;
    QTest::newRow("array") << QByteArray("[{\"log\": {}}]")
                           << u"not a HAR file: the JSON is not an object with a \"log\""_s;
    QTest::newRow("no log") << QByteArray("{\"entries\": []}")
                            << u"not a HAR file: it has no \"log\" object"_s;
    QTest::newRow("log not an object")
        << QByteArray("{\"log\": []}") << u"not a HAR file: it has no \"log\" object"_s;
    QTest::newRow("no entries") << QByteArray("{\"log\": {\"version\": \"1.2\"}}")
                                << u"not a HAR file: \"log.entries\" is not a list"_s;
    QTest::newRow("entries not a list")
        << QByteArray("{\"log\": {\"entries\": {}}}") << u"not a HAR file: \"log.entries\" is not a list"_s;
}

void tst_SessionExport::importErrors()
{
    QFETCH(QByteArray, har);
    QFETCH(QString, error);
    const HarImport::Result result = HarImport::read(har);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QVERIFY(result.events.isEmpty());
}

void tst_SessionExport::importFileErrors()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(u"missing.har"_s);
    QCOMPARE(HarImport::readFile(missing).error,
        u"Cannot read %1: No such file or directory"_s.arg(QDir::toNativeSeparators(missing)));
    const QString empty = dir.filePath(u"empty.har"_s);
    QFile(empty).open(QIODevice::WriteOnly);
    QCOMPARE(HarImport::readFile(empty).error, u"%1 is empty: it is not a HAR file"_s.arg(empty));
    const QString broken = dir.filePath(u"broken.har"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"log\": tru}");
    file.close();
    QCOMPARE(HarImport::readFile(broken).error,
        u"%1 is not valid JSON: illegal value at line 1, column 10"_s.arg(broken));
    // Only other requests: a HAR file, with nothing to import.
    const HarImport::Result none = HarImport::read(
        R"({"log": {"entries": [{"request": {"method": "POST", "url": "https://a.example/api"}}]}})");
    QVERIFY(none.ok());
    QVERIFY(none.events.isEmpty());
    QCOMPARE(
        none.warnings, QStringList { u"entry 1: not a WebSocket (POST https://a.example/api); skipped"_s });
}

// ---- HAR export
// --------------------------------------------------------------------------------------------

void tst_SessionExport::harExportChromeShape()
{
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    serverOptions.handshake.subprotocols = { "chat" };
    ClientConnection::Options clientOptions;
    clientOptions.subprotocols = { "chat" };
    clientOptions.headers = { { "Cookie", "a=1; b=two" } };
    auto pair = startPair(serverOptions, clientOptions);
    ClientConnection &client = *pair->client;
    QCOMPARE(client.state(), ConnectionState::Open);
    QVERIFY(client.sendText("Hello"));
    QVERIFY(client.sendBinary(allByteValues()));
    QVERIFY(client.sendPing("are you there"));
    QTRY_COMPARE(pair->clientEvents.messages(Direction::Incoming).size(), 2);
    QTRY_COMPARE(pair->clientEvents.frames(Direction::Incoming).size(), 3); // two echoes and the pong
    client.close(1000);
    QTRY_VERIFY(pair->clientEvents.closeInfo().has_value());

    const EventBatch &events = pair->clientEvents.events;
    const SessionHeader header = SessionHeader::forNewSession();
    const QByteArray har = SessionExport::toHar(events, header);
    QCOMPARE(SessionExport::encode(SessionExport::Format::Har, events, header), har);
    // Indented as JSON.stringify(…, null, 2) writes it, as Chrome saves HAR files.
    QVERIFY(har.startsWith(
        "{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"creator\": {\n      \"name\": \"Frameline\",\n"));
    QVERIFY(har.endsWith("\n    ]\n  }\n}\n"));

    const QJsonObject root = parseObject(har);
    QCOMPARE(keysOf(root), QStringList { u"log"_s });
    const QJsonObject log = root.value("log"_L1).toObject();
    QCOMPARE(keysOf(log), sorted({ u"version"_s, u"creator"_s, u"pages"_s, u"entries"_s }));
    QCOMPARE(log.value("version"_L1).toString(), u"1.2"_s);
    QCOMPARE(log.value("creator"_L1).toObject(),
        (QJsonObject { { u"name"_s, u"Frameline"_s }, { u"version"_s, u"n/a"_s } }));
    QCOMPARE(log.value("pages"_L1).toArray(), QJsonArray());
    const QJsonArray entries = log.value("entries"_L1).toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.at(0).toObject();
    QCOMPARE(keysOf(entry),
        sorted({ u"_resourceType"_s, u"_webSocketMessages"_s, u"cache"_s, u"connection"_s, u"request"_s,
            u"response"_s, u"serverIPAddress"_s, u"startedDateTime"_s, u"time"_s, u"timings"_s }));
    // Chrome's key order (HARLog's Entry.build): underscored keys first, then alphabetical.
    qsizetype position = -1;
    for (const char *key : { "\n        \"_resourceType\": ", "\n        \"_webSocketMessages\": ",
             "\n        \"cache\": ", "\n        \"connection\": ", "\n        \"request\": ",
             "\n        \"response\": ", "\n        \"serverIPAddress\": ", "\n        \"startedDateTime\": ",
             "\n        \"time\": ", "\n        \"timings\": " }) {
        const qsizetype at = har.indexOf(key);
        QVERIFY2(at > position, key);
        position = at;
    }

    const auto handshake = handshakesOf(events).constFirst();
    QCOMPARE(entry.value("_resourceType"_L1).toString(), u"websocket"_s);
    QCOMPARE(entry.value("cache"_L1).toObject(), QJsonObject());
    QCOMPARE(entry.value("connection"_L1).toString(), QString::number(client.id()));
    QCOMPARE(entry.value("serverIPAddress"_L1).toString(), u"127.0.0.1"_s);
    qint64 firstNs = 0;
    std::visit([&firstNs](const auto &value) { firstNs = value.timestampNs; }, events.constFirst());
    QCOMPARE(entry.value("startedDateTime"_L1).toString(),
        QDateTime::fromMSecsSinceEpoch(header.timeOriginMs + firstNs / 1000000, Qt::UTC)
            .toString(Qt::ISODateWithMs));

    const QJsonObject request = entry.value("request"_L1).toObject();
    QCOMPARE(keysOf(request),
        sorted({ u"method"_s, u"url"_s, u"httpVersion"_s, u"headers"_s, u"queryString"_s, u"cookies"_s,
            u"headersSize"_s, u"bodySize"_s }));
    QCOMPARE(request.value("method"_L1).toString(), u"GET"_s);
    QCOMPARE(request.value("url"_L1).toString(), pair->server->url() + u"chat?room=1"_s);
    QCOMPARE(request.value("httpVersion"_L1).toString(), u"HTTP/1.1"_s);
    QCOMPARE(request.value("headers"_L1).toArray(), nameValues(handshake->request.fields()));
    const QJsonArray query { QJsonObject { { u"name"_s, u"room"_s }, { u"value"_s, u"1"_s } } };
    QCOMPARE(request.value("queryString"_L1).toArray(), query);
    QCOMPARE(request.value("cookies"_L1).toArray(),
        (QJsonArray { QJsonObject { { u"name"_s, u"a"_s }, { u"value"_s, u"1"_s } },
            QJsonObject { { u"name"_s, u"b"_s }, { u"value"_s, u"two"_s } } }));
    QCOMPARE(request.value("headersSize"_L1).toInt(), int(handshake->requestBytes.size()));
    QCOMPARE(request.value("bodySize"_L1).toInt(), 0);

    const QJsonObject response = entry.value("response"_L1).toObject();
    QCOMPARE(keysOf(response),
        sorted({ u"status"_s, u"statusText"_s, u"httpVersion"_s, u"headers"_s, u"cookies"_s, u"content"_s,
            u"redirectURL"_s, u"headersSize"_s, u"bodySize"_s, u"_transferSize"_s, u"_error"_s }));
    QCOMPARE(response.value("status"_L1).toInt(), 101);
    QCOMPARE(response.value("statusText"_L1).toString(), u"Switching Protocols"_s);
    QCOMPARE(response.value("httpVersion"_L1).toString(), u"HTTP/1.1"_s);
    QCOMPARE(response.value("headers"_L1).toArray(), nameValues(handshake->response.fields()));
    QVERIFY(
        response.value("headers"_L1)
            .toArray()
            .contains(QJsonObject { { u"name"_s, u"Sec-WebSocket-Protocol"_s }, { u"value"_s, u"chat"_s } }));
    QCOMPARE(response.value("cookies"_L1).toArray(), QJsonArray());
    const QJsonObject noContent { { u"size"_s, 0 }, { u"mimeType"_s, u"x-unknown"_s } };
    QCOMPARE(response.value("content"_L1).toObject(), noContent);
    QCOMPARE(response.value("redirectURL"_L1).toString(), QString());
    QCOMPARE(response.value("headersSize"_L1).toInt(), int(handshake->responseBytes.size()));
    QCOMPARE(response.value("bodySize"_L1).toInt(), 0);
    QCOMPARE(response.value("_transferSize"_L1).toInt(), int(handshake->responseBytes.size()));
    QCOMPARE(response.value("_error"_L1).type(), QJsonValue::Null);

    // Timings, as Chrome computes them; "time" is their sum. An IP literal over ws://: no DNS, no TLS.
    const QJsonObject timings = entry.value("timings"_L1).toObject();
    QCOMPARE(keysOf(timings),
        sorted({ u"blocked"_s, u"dns"_s, u"ssl"_s, u"connect"_s, u"send"_s, u"wait"_s, u"receive"_s,
            u"_blocked_queueing"_s }));
    QCOMPARE(timings.value("blocked"_L1).toDouble(), -1.0);
    QCOMPARE(timings.value("dns"_L1).toDouble(), -1.0);
    QCOMPARE(timings.value("ssl"_L1).toDouble(), -1.0);
    QVERIFY(handshake->timings.connectNs >= 0);
    QCOMPARE(us(timings.value("connect"_L1).toDouble()), nsToUs(handshake->timings.connectNs));
    QCOMPARE(timings.value("send"_L1).toDouble(), 0.0);
    QCOMPARE(us(timings.value("wait"_L1).toDouble()), nsToUs(handshake->timings.upgradeNs));
    QCOMPARE(timings.value("receive"_L1).toDouble(), 0.0);
    QCOMPARE(timings.value("_blocked_queueing"_L1).toDouble(), -1.0);
    QCOMPARE(us(entry.value("time"_L1).toDouble()),
        nsToUs(handshake->timings.connectNs + handshake->timings.upgradeNs));

    // Every message, and the ping, its pong and both Close frames, each with its own time.
    const QJsonArray messages = entry.value("_webSocketMessages"_L1).toArray();
    const QList<ExpectedMessage> expected = expectedHarMessages(events, header);
    QCOMPARE(expected.size(), 8);
    QCOMPARE(expected.at(0).data, u"Hello"_s);
    QCOMPARE(expected.at(2).opcode, 9);
    compareHarMessages(messages, expected);
    // The time is written exactly: seconds, a point and six digits of microseconds.
    const QByteArray firstTime = QByteArray::number(expected.at(0).epochUs / 1000000) + '.'
        + QByteArray::number(expected.at(0).epochUs % 1000000).rightJustified(6, '0');
    QVERIFY2(har.contains(QByteArray("\"time\": " + firstTime + ",\n")), firstTime.constData());
}

void tst_SessionExport::harRoundTrip()
{
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    ClientConnection::Options clientOptions;
    clientOptions.offerDeflate = true;
    auto pair = startPair(serverOptions, clientOptions);
    ClientConnection &client = *pair->client;
    QCOMPARE(client.state(), ConnectionState::Open);
    const QByteArray unicode = "h\xc3\xa9llo \xe2\x80\x94 \xf0\x9f\x99\x82 \"quoted\" \\ back\nslash\t\x01";
    QVERIFY(client.sendText("Hello"));
    QVERIFY(client.sendText(unicode));
    QVERIFY(client.sendBinary(allByteValues()));
    QVERIFY(client.sendText(QByteArray()));
    QVERIFY(client.sendBinary(QByteArray()));
    QVERIFY(client.sendFragmented(0x1, "fragmented message", 3));
    QVERIFY(client.sendText(QByteArray("compress me ").repeated(50)));
    QVERIFY(client.sendPing("ping"));
    QTRY_COMPARE(pair->clientEvents.messages(Direction::Incoming).size(), 7);
    QTRY_VERIFY(!pair->clientEvents.frames(Direction::Incoming).isEmpty()
        && pair->clientEvents.frames(Direction::Incoming).constLast().frame.opcode == 0xA);
    client.close(4001, u"bye \u2713"_s);
    QTRY_VERIFY(pair->clientEvents.closeInfo().has_value());

    const EventBatch &events = pair->clientEvents.events;
    const SessionHeader header = SessionHeader::forNewSession();
    const HarImport::Result imported = HarImport::read(SessionExport::toHar(events, header));
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    QCOMPARE(imported.warnings, QStringList());

    // What HAR holds comes back: the same messages and control frames, each way, at the same microsecond.
    SessionHeader importedHeader = imported.header;
    QCOMPARE(expectedHarMessages(imported.events, importedHeader).size(),
        expectedHarMessages(events, header).size());
    const QList<ExpectedMessage> before = expectedHarMessages(events, header);
    const QList<ExpectedMessage> after = expectedHarMessages(imported.events, importedHeader);
    for (qsizetype i = 0; i < before.size(); ++i) {
        QCOMPARE(after.at(i).type, before.at(i).type);
        QCOMPARE(after.at(i).opcode, before.at(i).opcode);
        QCOMPARE(after.at(i).data, before.at(i).data);
        QCOMPARE(after.at(i).epochUs, before.at(i).epochUs);
    }
    // Messages with their payload bytes (the compressed one inflated, the fragmented one whole).
    EventCollector original;
    original.events = events;
    EventCollector back;
    back.events = imported.events;
    for (Direction direction : { Direction::Outgoing, Direction::Incoming }) {
        const auto a = original.messages(direction);
        const auto b = back.messages(direction);
        QCOMPARE(b.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(b.at(i).message.opcode, a.at(i).message.opcode);
            QCOMPARE(b.at(i).message.payload, a.at(i).message.payload);
            QCOMPARE(b.at(i).message.index, a.at(i).message.index);
            QCOMPARE(b.at(i).message.compressed, false);
            QCOMPARE(
                b.at(i).origin, direction == Direction::Outgoing ? FrameOrigin::User : FrameOrigin::Peer);
        }
    }
    QCOMPARE(back.messages(Direction::Outgoing).at(1).message.payload, unicode);
    QCOMPARE(back.messages(Direction::Outgoing).at(2).message.payload, allByteValues());
    QCOMPARE(back.messages(Direction::Outgoing).at(5).message.payload, QByteArray("fragmented message"));
    // The handshake: URL, request and response fields, subprotocol and extensions.
    const auto handshake = handshakesOf(events).constFirst();
    const auto importedHandshake = handshakesOf(imported.events).constFirst();
    QCOMPARE(importedHandshake->url, handshake->url);
    QCOMPARE(importedHandshake->peerAddress, handshake->peerAddress);
    QCOMPARE(importedHandshake->peerPort, handshake->peerPort);
    QCOMPARE(importedHandshake->request.target(), handshake->request.target());
    QCOMPARE(importedHandshake->request.fields(), handshake->request.fields());
    QCOMPARE(importedHandshake->requestBytes, handshake->requestBytes);
    QCOMPARE(importedHandshake->response.statusCode(), 101);
    QCOMPARE(importedHandshake->response.fields(), handshake->response.fields());
    QCOMPARE(importedHandshake->responseBytes, handshake->responseBytes);
    QCOMPARE(importedHandshake->expectedAccept, handshake->expectedAccept);
    QVERIFY(handshake->deflate.has_value());
    QCOMPARE(importedHandshake->deflate, handshake->deflate);
    // The closing handshake, from the two Close frames.
    const CloseInfo close = *back.closeInfo();
    const CloseInfo recorded = *original.closeInfo();
    QCOMPARE(recorded.sentCode, quint16(4001));
    QCOMPARE(close.initiator, CloseInitiator::Local);
    QCOMPARE(close.code, recorded.code);
    QCOMPARE(close.reason, recorded.reason);
    QCOMPARE(close.sentCode, quint16(4001));
    QCOMPARE(close.closingHandshakeCompleted, true);
    QCOMPARE(close.abnormal, false);
    // Exported again, the HAR is the same but for the timings the import rounded to the microsecond.
    const QByteArray again = SessionExport::toHar(imported.events, importedHeader);
    QJsonObject firstEntry = parseObject(SessionExport::toHar(events, header))
                                 .value("log"_L1)
                                 .toObject()
                                 .value("entries"_L1)
                                 .toArray()
                                 .at(0)
                                 .toObject();
    QJsonObject secondEntry
        = parseObject(again).value("log"_L1).toObject().value("entries"_L1).toArray().at(0).toObject();
    QCOMPARE(secondEntry.value("_webSocketMessages"_L1), firstEntry.value("_webSocketMessages"_L1));
    QCOMPARE(secondEntry.value("request"_L1), firstEntry.value("request"_L1));
    QCOMPARE(secondEntry.value("response"_L1), firstEntry.value("response"_L1));
    QCOMPARE(secondEntry.value("startedDateTime"_L1), firstEntry.value("startedDateTime"_L1));
}

void tst_SessionExport::harOfServerRecording()
{
    // A server's handshake knows the request target only: the URL is put together from Host; there is no
    // server address to name, and "send" is what the server sent.
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    auto pair = startPair(serverOptions);
    QVERIFY(pair->client->sendText("one"));
    QTRY_COMPARE(pair->clientEvents.messages(Direction::Incoming).size(), 1);
    pair->client->close(1000);
    QTRY_VERIFY(pair->serverEvents.closeInfo().has_value());
    const EventBatch &events = pair->serverEvents.events;
    const SessionHeader header = SessionHeader::forNewSession();
    const QJsonObject entry = parseObject(SessionExport::toHar(events, header))
                                  .value("log"_L1)
                                  .toObject()
                                  .value("entries"_L1)
                                  .toArray()
                                  .at(0)
                                  .toObject();
    QVERIFY(!entry.contains("serverIPAddress"_L1));
    const QUrl url(pair->server->url());
    QCOMPARE(entry.value("request"_L1).toObject().value("url"_L1).toString(),
        u"ws://127.0.0.1:%1/chat?room=1"_s.arg(url.port()));
    const QJsonArray messages = entry.value("_webSocketMessages"_L1).toArray();
    compareHarMessages(messages, expectedHarMessages(events, header));
    QCOMPARE(messages.at(0).toObject().value("type"_L1).toString(), u"receive"_s);
    QCOMPARE(messages.at(1).toObject().value("type"_L1).toString(), u"send"_s);
    QCOMPARE(messages.at(1).toObject().value("data"_L1).toString(), u"one"_s);
}

void tst_SessionExport::harOfRejectedAndRefused()
{
    Server::Options serverOptions;
    Handshake::Rejection rejection;
    rejection.statusCode = 403;
    rejection.headers = { { "Content-Type", "text/plain" } };
    rejection.body = "go away";
    serverOptions.handshake.rejectWith = rejection;
    auto pair = startPair(serverOptions);
    QTRY_VERIFY(pair->clientEvents.closeInfo().has_value());
    const EventBatch &events = pair->clientEvents.events;
    const SessionHeader header = SessionHeader::forNewSession();
    const QJsonObject entry = parseObject(SessionExport::toHar(events, header))
                                  .value("log"_L1)
                                  .toObject()
                                  .value("entries"_L1)
                                  .toArray()
                                  .at(0)
                                  .toObject();
    const QJsonObject response = entry.value("response"_L1).toObject();
    const auto handshake = handshakesOf(events).constFirst();
    QCOMPARE(response.value("status"_L1).toInt(), 403);
    QCOMPARE(response.value("statusText"_L1).toString(), u"Forbidden"_s);
    QCOMPARE(response.value("content"_L1).toObject(),
        (QJsonObject { { u"size"_s, 7 }, { u"mimeType"_s, u"text/plain"_s }, { u"text"_s, u"go away"_s } }));
    QCOMPARE(response.value("bodySize"_L1).toInt(), 7);
    QCOMPARE(response.value("headersSize"_L1).toInt(), int(handshake->responseBytes.size() - 7));
    QCOMPARE(response.value("_error"_L1).toString(), handshake->error);
    QVERIFY(!handshake->error.isEmpty());
    // The connection's errors are Chrome's "error" messages.
    const QJsonArray messages = entry.value("_webSocketMessages"_L1).toArray();
    const QList<ExpectedMessage> expected = expectedHarMessages(events, header);
    QVERIFY(!expected.isEmpty());
    for (const ExpectedMessage &message : expected)
        QCOMPARE(message.type, u"error"_s);
    compareHarMessages(messages, expected);

    // A refused TCP connection has no handshake, so no URL: HAR has no entry for it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    ClientConnection::Options options;
    options.url = QUrl(u"ws://127.0.0.1:%1/"_s.arg(port));
    ClientConnection refused(options);
    EventCollector refusedEvents;
    refusedEvents.follow(&refused);
    refused.open();
    QTRY_VERIFY(refusedEvents.closeInfo().has_value());
    QVERIFY(!refusedEvents.events.isEmpty());
    const QJsonObject log
        = parseObject(SessionExport::toHar(refusedEvents.events, header)).value("log"_L1).toObject();
    QCOMPARE(log.value("entries"_L1).toArray(), QJsonArray());
}

void tst_SessionExport::harEntryPerAttempt()
{
    // A connection that dialled again: each attempt with a handshake is an entry of its own.
    EventBatch events;
    const auto state = [](qint64 ns, ConnectionState value) {
        ConnectionNotice notice;
        notice.connectionId = 5;
        notice.timestampNs = ns;
        notice.state = value;
        notice.kind = ConnectionNotice::Kind::StateChanged;
        return notice;
    };
    const auto handshake = [](qint64 ns, const QString &url) {
        ConnectionNotice notice;
        notice.connectionId = 5;
        notice.timestampNs = ns;
        notice.kind = ConnectionNotice::Kind::Handshake;
        notice.state = ConnectionState::Upgrading;
        auto record = std::make_shared<HandshakeRecord>();
        record->url = url;
        record->request = HttpMessage::request("GET", "/");
        record->response = HttpMessage::response(101);
        record->accepted = true;
        notice.handshake = record;
        return notice;
    };
    const auto message = [](qint64 ns, const QByteArray &text) {
        MessageEvent event;
        event.connectionId = 5;
        event.timestampNs = ns;
        event.direction = Direction::Incoming;
        event.message.opcode = 1;
        event.message.payload = text;
        return event;
    };
    events << state(1000000, ConnectionState::Connecting) << handshake(2000000, u"ws://a.example/"_s)
           << state(2000000, ConnectionState::Open) << message(3000000, "first")
           << state(4000000, ConnectionState::Closed) << state(5000000, ConnectionState::Connecting)
           << handshake(6000000, u"ws://a.example/"_s) << state(6000000, ConnectionState::Open)
           << message(7000000, "second");
    SessionHeader header = tableHeaderForHar();
    const QJsonArray entries = parseObject(SessionExport::toHar(events, header))
                                   .value("log"_L1)
                                   .toObject()
                                   .value("entries"_L1)
                                   .toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).toObject().value("startedDateTime"_L1).toString(), u"2026-11-21T11:22:40.372Z"_s);
    QCOMPARE(entries.at(1).toObject().value("startedDateTime"_L1).toString(), u"2026-11-21T11:22:40.376Z"_s);
    const QJsonArray first = entries.at(0).toObject().value("_webSocketMessages"_L1).toArray();
    const QJsonArray second = entries.at(1).toObject().value("_webSocketMessages"_L1).toArray();
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.at(0).toObject().value("data"_L1).toString(), u"first"_s);
    QCOMPARE(second.size(), 1);
    QCOMPARE(second.at(0).toObject().value("data"_L1).toString(), u"second"_s);
    QCOMPARE(entries.at(1).toObject().value("connection"_L1).toString(), u"5"_s);
}

// ---- tables
// --------------------------------------------------------------------------------------------------

namespace {

// 2026-11-21T11:22:40.371Z.
constexpr qint64 TableOriginMs = 1795260160371;

FrameEvent tableFrame(
    quint64 connection, qint64 ns, Direction direction, quint8 opcode, const QByteArray &payload)
{
    FrameEvent event;
    event.connectionId = connection;
    event.timestampNs = ns;
    event.direction = direction;
    event.origin = direction == Direction::Outgoing ? FrameOrigin::User : FrameOrigin::Peer;
    event.frame.fin = true;
    event.frame.opcode = opcode;
    event.frame.messageOpcode = (opcode == 1 || opcode == 2) ? opcode : 0;
    event.frame.position = opcode >= 8 ? FramePosition::Control : FramePosition::Whole;
    event.frame.payloadLength = quint64(payload.size());
    event.frame.masked = direction == Direction::Outgoing;
    if (event.frame.masked)
        event.frame.maskingKey = { 0x0a, 0x0b, 0x0c, 0x0d };
    event.payload = payload;
    return event;
}

EventBatch tableEvents()
{
    EventBatch events;
    ConnectionNotice open;
    open.connectionId = 7;
    open.timestampNs = 1000;
    open.kind = ConnectionNotice::Kind::StateChanged;
    open.state = ConnectionState::Open;
    events.append(open);
    events.append(tableFrame(7, 2000, Direction::Incoming, 1, "a,b"));
    events.append(tableFrame(7, 3500, Direction::Outgoing, 1, "say \"hi\"\r\nnow \xc3\xa9"));
    MessageEvent message;
    message.connectionId = 7;
    message.timestampNs = 3500;
    message.direction = Direction::Outgoing;
    message.message.opcode = 1;
    message.message.payload = "say \"hi\"\r\nnow \xc3\xa9";
    events.append(message); // not a row: its frame is
    events.append(tableFrame(7, 1000000000, Direction::Incoming, 2, QByteArray("\x00\xff", 2)));
    FrameEvent bad = tableFrame(7, 1000000001, Direction::Incoming, 1, "x");
    bad.frame.rsv2 = true;
    bad.frame.violations = { ViolationText::make(ViolationKind::ReservedBitsSet, u"RSV2 is set"_s),
        ViolationText::make(ViolationKind::NonMinimalLength, u"long form"_s) };
    events.append(bad);
    FrameEvent compressed
        = tableFrame(7, 1000000002, Direction::Incoming, 1, QByteArray("\xf2\x48\x05\x00", 4));
    compressed.frame.rsv1 = true;
    compressed.frame.compressed = true;
    events.append(compressed);
    FrameEvent omitted = tableFrame(7, 1000000003, Direction::Incoming, 2, QByteArray());
    omitted.frame.payloadLength = 99999999;
    omitted.frame.payloadOmitted = true;
    events.append(omitted);
    events.append(tableFrame(7, 1000000004, Direction::Outgoing, 8, QByteArray("\x03\xe8", 2)));
    ConnectionNotice violation;
    violation.connectionId = 7;
    violation.timestampNs = 1000000005;
    violation.kind = ConnectionNotice::Kind::Violation;
    violation.state = ConnectionState::Closing;
    violation.violation = ViolationText::make(ViolationKind::ReservedBitsSet, u"RSV2 is set"_s);
    violation.text = u"failing"_s;
    events.append(violation);
    ConnectionNotice info;
    info.timestampNs = -1; // before the origin, and of no connection
    info.kind = ConnectionNotice::Kind::Info;
    info.text = u"note, with a comma"_s;
    events.append(info);
    return events;
}

SessionHeader tableHeader()
{
    SessionHeader header = SessionHeader::forNewSession();
    header.timeOriginMs = TableOriginMs;
    return header;
}

} // namespace

void tst_SessionExport::csvExactBytes()
{
    const EventBatch events = tableEvents();
    const QByteArray csv = SessionExport::toCsv(events, tableHeader());
    const QByteArray expected
        = "number,time,connection,kind,direction,origin,opcode,type,fin,rsv1,rsv2,rsv3,masked,maskKey,length,"
          "encoding,payload,violations,notice\r\n"
          "1,2026-11-21T11:22:40.371001000Z,7,state,,,,,,,,,,,,,,,Open\r\n"
          "2,2026-11-21T11:22:40.371002000Z,7,frame,in,peer,1,text,true,false,false,false,false,,3,text,\"a,"
          "b\",,\r\n"
          "3,2026-11-21T11:22:40.371003500Z,7,frame,out,user,1,text,true,false,false,false,true,0a0b0c0d,16,"
          "text,"
          "\"say \"\"hi\"\"\r\nnow \xc3\xa9\",,\r\n"
          "4,2026-11-21T11:22:41.371000000Z,7,frame,in,peer,2,binary,true,false,false,false,false,,2,hex,"
          "00ff,,\r\n"
          "5,2026-11-21T11:22:41.371000001Z,7,frame,in,peer,1,text,true,false,true,false,false,,1,text,x,"
          "reserved-bits-set non-minimal-length,\r\n"
          "6,2026-11-21T11:22:41.371000002Z,7,frame,in,peer,1,text,true,true,false,false,false,,4,hex,"
          "f2480500,,\r\n"
          "7,2026-11-21T11:22:41.371000003Z,7,frame,in,peer,2,binary,true,false,false,false,false,,99999999,"
          "omitted,,,\r\n"
          "8,2026-11-21T11:22:41.371000004Z,7,frame,out,user,8,close,true,false,false,false,true,0a0b0c0d,2,"
          "hex,"
          "03e8,,\r\n"
          "9,2026-11-21T11:22:41.371000005Z,7,violation,,,,,,,,,,,,,,reserved-bits-set,"
          "reserved-bits-set: RSV2 is set (failing)\r\n"
          "10,2026-11-21T11:22:40.370999999Z,0,info,,,,,,,,,,,,,,,\"note, with a comma\"\r\n";
    QCOMPARE(csv, expected);
    QCOMPARE(SessionExport::encode(SessionExport::Format::Csv, events, tableHeader()), csv);

    // Read back by an RFC 4180 reader: 19 fields in every record, the bytes as they were.
    const QList<QStringList> records = parseCsv(csv);
    QCOMPARE(records.size(), 11);
    for (const QStringList &record : records)
        QCOMPARE(record.size(), 19);
    QCOMPARE(records.at(3).at(16), u"say \"hi\"\r\nnow \u00e9"_s);
    QCOMPARE(records.at(0).join(u','), QString::fromLatin1(SessionExport::tableColumns().join(',')));

    // No events: the header line alone.
    QCOMPARE(SessionExport::toCsv({}, tableHeader()),
        QByteArray(
            "number,time,connection,kind,direction,origin,opcode,type,fin,rsv1,rsv2,rsv3,masked,maskKey,"
            "length,encoding,payload,violations,notice\r\n"));
}

void tst_SessionExport::jsonHasTheCsvRows()
{
    const EventBatch events = tableEvents();
    const QByteArray json = SessionExport::toJson(events, tableHeader());
    // One row per line between the brackets.
    QVERIFY(json.startsWith(
        "[\n{\"number\":1,\"time\":\"2026-11-21T11:22:40.371001000Z\",\"connection\":7,\"kind\":\"state\","
        "\"direction\":null,"));
    QVERIFY(json.endsWith("}\n]\n"));
    QCOMPARE(json.count('\n'), 12);
    QJsonParseError error;
    const QJsonArray rows = QJsonDocument::fromJson(json, &error).array();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QList<QStringList> records = parseCsv(SessionExport::toCsv(events, tableHeader()));
    QCOMPARE(rows.size(), records.size() - 1);
    const QList<QByteArray> &columns = SessionExport::tableColumns();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        QCOMPARE(row.size(), columns.size());
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const QJsonValue value = row.value(QString::fromLatin1(columns.at(c)));
            const QString cell = records.at(i + 1).at(c);
            QString asText;
            if (value.isNull())
                asText = QString();
            else if (value.isBool())
                asText = value.toBool() ? u"true"_s : u"false"_s;
            else if (value.isDouble())
                asText = QString::number(value.toInteger());
            else if (value.isArray())
                asText = value.toVariant().toStringList().join(u' ');
            else
                asText = value.toString();
            QCOMPARE(asText, cell);
        }
    }
    // Types: numbers and booleans as such, violations a list, not-applicable fields null.
    const QJsonObject frame = rows.at(4).toObject();
    QCOMPARE(frame.value("violations"_L1).toArray(),
        (QJsonArray { u"reserved-bits-set"_s, u"non-minimal-length"_s }));
    QCOMPARE(frame.value("rsv2"_L1), QJsonValue(true));
    QCOMPARE(frame.value("length"_L1), QJsonValue(1));
    QCOMPARE(frame.value("maskKey"_L1), QJsonValue(QJsonValue::Null));
    QCOMPARE(frame.value("notice"_L1), QJsonValue(QJsonValue::Null));
    QCOMPARE(rows.at(0).toObject().value("violations"_L1).toArray(), QJsonArray());
    QCOMPARE(SessionExport::toJson({}, tableHeader()), QByteArray("[]\n"));
}

void tst_SessionExport::tableWriterInPieces()
{
    const EventBatch events = tableEvents();
    for (SessionExport::Format format : { SessionExport::Format::Csv, SessionExport::Format::Json }) {
        SessionExport::TableWriter writer(format, tableHeader());
        QByteArray out = writer.start();
        for (qsizetype i = 0; i < events.size(); i += 3)
            writer.appendRows(out, events.mid(i, 3));
        out += writer.finish();
        QCOMPARE(writer.rowCount(), qint64(10));
        QCOMPARE(out, SessionExport::encode(format, events, tableHeader()));
    }
}

void tst_SessionExport::writeIsAtomic()
{
    QTemporaryDir dir;
    const EventBatch events = tableEvents();
    const QString path = dir.filePath(u"out.csv"_s);
    QString error;
    QVERIFY(SessionExport::write(path, SessionExport::Format::Csv, events, tableHeader(), &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), SessionExport::toCsv(events, tableHeader()));
    file.close();
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { u"out.csv"_s });

    const QString missing = dir.filePath(u"no/such/dir/out.har"_s);
    QVERIFY(!SessionExport::write(missing, SessionExport::Format::Har, events, tableHeader(), &error));
    QVERIFY2(
        error.startsWith(u"Cannot write %1: "_s.arg(QDir::toNativeSeparators(missing))), qPrintable(error));
    QVERIFY(!QFile::exists(missing));
}

QTEST_GUILESS_MAIN(tst_SessionExport)
#include "tst_sessionexport.moc"
