// Session files: every event a real client/server pair reports (text, binary with all 256 byte values,
// empty, fragmented, compressed, control, crafted invalid frames, violations, handshakes, TLS, notices)
// and hand-built edge cases (integers beyond 2^53, every notice field) written and read back field for
// field and byte for byte; the reader's tolerance (truncated, corrupt, unknown, newer, not a session,
// junk, cut at every byte); the writer's journal, append, atomic save, flush timer and write errors;
// the index and reading an event by its offset.

#include "app/net/clientconnection.h"
#include "app/net/selfsignedcertificate.h"
#include "app/net/server.h"
#include "app/protocol/closecode.h"
#include "app/protocol/framewriter.h"
#include "app/session/framestore.h"
#include "app/session/sessioneventfile.h"
#include "app/session/sessionformat.h"
#include "app/session/sessionreader.h"
#include "app/session/sessionwriter.h"
#include "tests/common/eventcollector.h"
#include "tests/common/sampleevents.h"

#include <QtCore/QBuffer>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslCertificate>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::EventCollector;
using Frameline::Test::allByteValues;

namespace {

QList<QByteArray> linesOf(const QByteArray &file)
{
    QList<QByteArray> lines = file.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

QByteArray joinLines(const QList<QByteArray> &lines)
{
    QByteArray out;
    for (const QByteArray &line : lines)
        out += line + '\n';
    return out;
}

// ---- field-by-field comparison ---------------------------------------------------------------------

void compareViolations(const Violations &expected, const Violations &actual)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(actual.at(i).kind, expected.at(i).kind);
        QCOMPARE(actual.at(i).closeCode, expected.at(i).closeCode);
        QCOMPARE(actual.at(i).rfcSection, expected.at(i).rfcSection);
        QCOMPARE(actual.at(i).message, expected.at(i).message);
        QCOMPARE(actual.at(i).fatal, expected.at(i).fatal);
    }
}

void compareFrame(const Frame &expected, const Frame &actual)
{
    QCOMPARE(actual.index, expected.index);
    QCOMPARE(actual.streamOffset, expected.streamOffset);
    QCOMPARE(QByteArray(actual.rawHeader().toByteArray()), QByteArray(expected.rawHeader().toByteArray()));
    // Bytes past headerLength are not part of the header (the parser may leave older ones there); read
    // back, they are zero.
    QVERIFY(std::all_of(
        actual.header.begin() + actual.headerLength, actual.header.end(), [](quint8 b) { return b == 0; }));
    QCOMPARE(actual.headerLength, expected.headerLength);
    QCOMPARE(actual.fin, expected.fin);
    QCOMPARE(actual.rsv1, expected.rsv1);
    QCOMPARE(actual.rsv2, expected.rsv2);
    QCOMPARE(actual.rsv3, expected.rsv3);
    QCOMPARE(actual.opcode, expected.opcode);
    QCOMPARE(actual.masked, expected.masked);
    QVERIFY(actual.maskingKey == expected.maskingKey);
    QCOMPARE(actual.payloadLength, expected.payloadLength);
    QCOMPARE(actual.lengthForm, expected.lengthForm);
    QCOMPARE(actual.position, expected.position);
    QCOMPARE(actual.messageOpcode, expected.messageOpcode);
    QCOMPARE(actual.compressed, expected.compressed);
    QCOMPARE(actual.payloadOmitted, expected.payloadOmitted);
    QVERIFY(actual.payload.isEmpty());
    QVERIFY(actual.payloadBuffer == nullptr);
    compareViolations(expected.violations, actual.violations);
}

void compareHttp(const HttpMessage &expected, const HttpMessage &actual)
{
    QCOMPARE(actual.kind(), expected.kind());
    QCOMPARE(actual.method(), expected.method());
    QCOMPARE(actual.target(), expected.target());
    QCOMPARE(actual.statusCode(), expected.statusCode());
    QCOMPARE(actual.reasonPhrase(), expected.reasonPhrase());
    QCOMPARE(actual.versionMajor(), expected.versionMajor());
    QCOMPARE(actual.versionMinor(), expected.versionMinor());
    QCOMPARE(actual.fields().size(), expected.fields().size());
    for (qsizetype i = 0; i < expected.fields().size(); ++i) {
        QCOMPARE(actual.fields().at(i).name, expected.fields().at(i).name);
        QCOMPARE(actual.fields().at(i).value, expected.fields().at(i).value);
    }
    QCOMPARE(actual.body(), expected.body());
    QCOMPARE(actual.isBodyTruncated(), expected.isBodyTruncated());
    QCOMPARE(actual.rawHead(), expected.rawHead());
    QCOMPARE(actual.warnings(), expected.warnings());
}

void compareHandshake(const std::shared_ptr<const HandshakeRecord> &expected,
    const std::shared_ptr<const HandshakeRecord> &actual)
{
    QCOMPARE(bool(actual), bool(expected));
    if (!expected)
        return;
    QCOMPARE(actual->url, expected->url);
    QCOMPARE(actual->peerAddress, expected->peerAddress);
    QCOMPARE(actual->peerPort, expected->peerPort);
    QCOMPARE(actual->requestBytes, expected->requestBytes);
    QCOMPARE(actual->responseBytes, expected->responseBytes);
    compareHttp(expected->request, actual->request);
    if (QTest::currentTestFailed())
        return;
    compareHttp(expected->response, actual->response);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(actual->accepted, expected->accepted);
    QCOMPARE(actual->error, expected->error);
    QCOMPARE(actual->subprotocol, expected->subprotocol);
    QCOMPARE(actual->deflate.has_value(), expected->deflate.has_value());
    if (expected->deflate)
        QVERIFY(*actual->deflate == *expected->deflate);
    QCOMPARE(actual->expectedAccept, expected->expectedAccept);
    QCOMPARE(actual->timings.dnsNs, expected->timings.dnsNs);
    QCOMPARE(actual->timings.connectNs, expected->timings.connectNs);
    QCOMPARE(actual->timings.tlsNs, expected->timings.tlsNs);
    QCOMPARE(actual->timings.upgradeNs, expected->timings.upgradeNs);
}

void compareTls(
    const std::shared_ptr<const TlsRecord> &expected, const std::shared_ptr<const TlsRecord> &actual)
{
    QCOMPARE(bool(actual), bool(expected));
    if (!expected)
        return;
    QCOMPARE(actual->protocol, expected->protocol);
    QCOMPARE(actual->cipher, expected->cipher);
    QCOMPARE(actual->serverName, expected->serverName);
    QCOMPARE(actual->peerChain.size(), expected->peerChain.size());
    for (qsizetype i = 0; i < expected->peerChain.size(); ++i) {
        QVERIFY(!actual->peerChain.at(i).isNull());
        QCOMPARE(actual->peerChain.at(i), expected->peerChain.at(i));
    }
    QCOMPARE(actual->certificateErrors, expected->certificateErrors);
    QCOMPARE(actual->verified, expected->verified);
    QCOMPARE(actual->errorsIgnored, expected->errorsIgnored);
    QCOMPARE(actual->clientCertificateSent, expected->clientCertificateSent);
}

void compareEvent(const ConnectionEvent &expectedEvent, const ConnectionEvent &actualEvent)
{
    QCOMPARE(actualEvent.index(), expectedEvent.index());
    if (const auto *expected = std::get_if<FrameEvent>(&expectedEvent)) {
        const auto &actual = std::get<FrameEvent>(actualEvent);
        QCOMPARE(actual.connectionId, expected->connectionId);
        QCOMPARE(actual.timestampNs, expected->timestampNs);
        QCOMPARE(actual.direction, expected->direction);
        QCOMPARE(actual.origin, expected->origin);
        QCOMPARE(actual.payload, expected->payload);
        compareFrame(expected->frame, actual.frame);
    } else if (const auto *expectedMessage = std::get_if<MessageEvent>(&expectedEvent)) {
        const auto &actual = std::get<MessageEvent>(actualEvent);
        QCOMPARE(actual.connectionId, expectedMessage->connectionId);
        QCOMPARE(actual.timestampNs, expectedMessage->timestampNs);
        QCOMPARE(actual.direction, expectedMessage->direction);
        QCOMPARE(actual.origin, expectedMessage->origin);
        const Message &a = actual.message;
        const Message &e = expectedMessage->message;
        QCOMPARE(a.index, e.index);
        QCOMPARE(a.opcode, e.opcode);
        QCOMPARE(a.streamOffset, e.streamOffset);
        QCOMPARE(QList<qint64>(a.frameIndexes.begin(), a.frameIndexes.end()),
            QList<qint64>(e.frameIndexes.begin(), e.frameIndexes.end()));
        QCOMPARE(a.payload, e.payload);
        QCOMPARE(a.wireLength, e.wireLength);
        QCOMPARE(a.compressed, e.compressed);
        QCOMPARE(a.payloadTruncated, e.payloadTruncated);
        compareViolations(e.violations, a.violations);
    } else {
        const auto &expectedNotice = std::get<ConnectionNotice>(expectedEvent);
        const auto &actual = std::get<ConnectionNotice>(actualEvent);
        QCOMPARE(actual.connectionId, expectedNotice.connectionId);
        QCOMPARE(actual.timestampNs, expectedNotice.timestampNs);
        QCOMPARE(actual.kind, expectedNotice.kind);
        QCOMPARE(actual.state, expectedNotice.state);
        QCOMPARE(actual.close.initiator, expectedNotice.close.initiator);
        QCOMPARE(actual.close.code, expectedNotice.close.code);
        QCOMPARE(actual.close.reason, expectedNotice.close.reason);
        QCOMPARE(actual.close.sentCode, expectedNotice.close.sentCode);
        QCOMPARE(actual.close.closingHandshakeCompleted, expectedNotice.close.closingHandshakeCompleted);
        QCOMPARE(actual.close.abnormal, expectedNotice.close.abnormal);
        QCOMPARE(actual.text, expectedNotice.text);
        compareViolations({ expectedNotice.violation }, { actual.violation });
        QCOMPARE(actual.roundTripNs, expectedNotice.roundTripNs);
        compareHandshake(expectedNotice.handshake, actual.handshake);
        compareTls(expectedNotice.tls, actual.tls);
    }
}

void compareEvents(const EventBatch &expected, const EventBatch &actual)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        compareEvent(expected.at(i), actual.at(i));
        if (QTest::currentTestFailed()) {
            qWarning("event %lld of %lld differs after the round trip", qint64(i), qint64(expected.size()));
            return;
        }
    }
}

// The timeline's store fed with the events read back holds what it holds when fed with the originals.
void compareStores(const EventBatch &expected, const EventBatch &actual)
{
    FrameStore a;
    FrameStore b;
    a.append(expected);
    b.append(actual);
    QCOMPARE(b.entryCount(), a.entryCount());
    QCOMPARE(b.messageCount(), a.messageCount());
    for (qint64 id = 0; id < a.entryCount(); ++id) {
        const FrameStore::Summary x = a.summary(id);
        const FrameStore::Summary y = b.summary(id);
        QCOMPARE(y.kind, x.kind);
        QCOMPARE(y.connectionId, x.connectionId);
        QCOMPARE(y.timestampNs, x.timestampNs);
        QCOMPARE(y.direction, x.direction);
        QCOMPARE(y.origin, x.origin);
        QCOMPARE(y.opcode, x.opcode);
        QCOMPARE(y.fin, x.fin);
        QCOMPARE(y.rsv1, x.rsv1);
        QCOMPARE(y.masked, x.masked);
        QCOMPARE(y.position, x.position);
        QCOMPARE(y.compressed, x.compressed);
        QCOMPARE(y.payloadLength, x.payloadLength);
        QCOMPARE(y.noticeKind, x.noticeKind);
        QCOMPARE(y.hasViolation, x.hasViolation);
        QCOMPARE(y.messageId, x.messageId);
        QCOMPARE(b.payload(id), a.payload(id));
        QCOMPARE(b.frameDetails(id).frame.rawHeader().toByteArray(),
            a.frameDetails(id).frame.rawHeader().toByteArray());
    }
    for (qint64 id = 0; id < a.messageCount(); ++id) {
        QCOMPARE(b.messagePayload(id), a.messagePayload(id));
        QCOMPARE(b.messageFrameCount(id), a.messageFrameCount(id));
    }
}

// Writes `events` to a session in memory and reads them back; checks that every line is a JSON object
// an independent parser (QJsonDocument) accepts, as jq would.
void roundTrip(const EventBatch &events, EventBatch *readBack, QByteArray *file = nullptr)
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    SessionWriter writer;
    QVERIFY2(writer.start(&buffer), qPrintable(writer.errorString()));
    QVERIFY(writer.write(events));
    QVERIFY(writer.close());
    QCOMPARE(writer.eventCount(), qint64(events.size()));
    const QByteArray bytes = buffer.data();
    QVERIFY(bytes.endsWith('\n'));
    const QList<QByteArray> lines = linesOf(bytes);
    QCOMPARE(lines.size(), events.size() + 1);
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        QVERIFY2(document.isObject(),
            qPrintable(error.errorString() + u": "_s + QString::fromUtf8(line.left(200))));
    }
    SessionReader reader;
    QVERIFY2(reader.openData(bytes), qPrintable(reader.errorString()));
    *readBack = reader.readAll();
    QCOMPARE(reader.warnings(), QStringList());
    QVERIFY(reader.atEnd());
    if (file)
        *file = bytes;
}

void compareDetails(const EntryDetails &actual, const EntryDetails &expected)
{
    QCOMPARE(actual.kind, expected.kind);
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.connectionId, expected.connectionId);
    QCOMPARE(actual.timestampNs, expected.timestampNs);
    QCOMPARE(actual.connectionStartNs, expected.connectionStartNs);
    QCOMPARE(actual.direction, expected.direction);
    QCOMPARE(actual.origin, expected.origin);
    QCOMPARE(actual.frame.rawHeader().toByteArray(), expected.frame.rawHeader().toByteArray());
    QCOMPARE(actual.frame.index, expected.frame.index);
    QCOMPARE(actual.frame.opcode, expected.frame.opcode);
    QCOMPARE(actual.frame.maskingKey, expected.frame.maskingKey);
    QCOMPARE(actual.frame.payloadLength, expected.frame.payloadLength);
    QCOMPARE(actual.frame.position, expected.frame.position);
    QCOMPARE(actual.frame.messageOpcode, expected.frame.messageOpcode);
    QCOMPARE(actual.frame.payloadOmitted, expected.frame.payloadOmitted);
    compareViolations(expected.frame.violations, actual.frame.violations);
    QCOMPARE(actual.payload, expected.payload);
    QCOMPARE(actual.payloadTruncated, expected.payloadTruncated);
    QCOMPARE(actual.compressed, expected.compressed);
    QCOMPARE(actual.wireLength, expected.wireLength);
    QCOMPARE(actual.frameIds, expected.frameIds);
    QCOMPARE(actual.messageId, expected.messageId);
    compareViolations(expected.violations, actual.violations);
    QCOMPARE(actual.notice.kind, expected.notice.kind);
    QCOMPARE(FrameStore::noticeText(actual.notice), FrameStore::noticeText(expected.notice));
    QCOMPARE(bool(actual.connectionHandshake), bool(expected.connectionHandshake));
    if (expected.connectionHandshake)
        QCOMPARE(actual.connectionHandshake->requestBytes, expected.connectionHandshake->requestBytes);
    QCOMPARE(bool(actual.connectionTls), bool(expected.connectionTls));
    QCOMPARE(actual.connectionClose.has_value(), expected.connectionClose.has_value());
    if (expected.connectionClose)
        QCOMPARE(actual.connectionClose->code, expected.connectionClose->code);
}

// An indexed store (the index of `file`, payloads read from it on demand: how a session tab opens a file)
// holds exactly what the store fed with every event holds: records, payload bytes and details.
void compareIndexedStore(const QByteArray &file, const EventBatch &events)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"indexed.flsession"_s);
    {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(file), file.size());
    }
    FrameStore a;
    a.append(events);

    auto eventFile = std::make_shared<SessionEventFile>();
    QString error;
    QVERIFY2(eventFile->open(path, 0, &error), qPrintable(error));
    QStringList failures;
    eventFile->setFailureHandler([&failures](const QString &failure) { failures << failure; });
    FrameStore built;
    built.setEventFile(eventFile);
    QVERIFY(built.isIndexed());
    SessionReader reader;
    QVERIFY(reader.open(path));
    bool ok = true;
    const SessionIndex totals = reader.buildIndex([&](const SessionIndex::Entry &entry, const qint64 *frames) {
        ok = ok && built.appendIndexed(entry, frames, 0, &error);
    });
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(totals.warnings, QStringList());
    reader.close();
    // Built elsewhere and handed over, as the session tab does.
    FrameStore b;
    b.adopt(built);
    QCOMPARE(built.entryCount(), 0);
    QVERIFY(!built.isIndexed());
    QVERIFY(b.isIndexed());

    QCOMPARE(b.entryCount(), a.entryCount());
    QCOMPARE(b.messageCount(), a.messageCount());
    for (qint64 id = 0; id < a.entryCount(); ++id) {
        const FrameStore::Summary x = a.summary(id);
        const FrameStore::Summary y = b.summary(id);
        QCOMPARE(y.kind, x.kind);
        QCOMPARE(y.connectionId, x.connectionId);
        QCOMPARE(y.timestampNs, x.timestampNs);
        QCOMPARE(y.direction, x.direction);
        QCOMPARE(y.origin, x.origin);
        QCOMPARE(y.fin, x.fin);
        QCOMPARE(y.rsv1, x.rsv1);
        QCOMPARE(y.rsv2, x.rsv2);
        QCOMPARE(y.rsv3, x.rsv3);
        QCOMPARE(y.masked, x.masked);
        QCOMPARE(y.opcode, x.opcode);
        QCOMPARE(y.messageOpcode, x.messageOpcode);
        QCOMPARE(y.position, x.position);
        QCOMPARE(y.lengthForm, x.lengthForm);
        QCOMPARE(y.compressed, x.compressed);
        QCOMPARE(y.payloadLength, x.payloadLength);
        QCOMPARE(y.noticeKind, x.noticeKind);
        QCOMPARE(y.hasViolation, x.hasViolation);
        QCOMPARE(y.messageId, x.messageId);
        QCOMPARE(y.payloadOmitted, x.payloadOmitted);
        QCOMPARE(b.payload(id), a.payload(id));
        QCOMPARE(b.previousConnectionEntry(id), a.previousConnectionEntry(id));
        compareDetails(b.frameDetails(id), a.frameDetails(id));
        if (QTest::currentTestFailed())
            return;
    }
    for (qint64 id = 0; id < a.messageCount(); ++id) {
        const FrameStore::MessageSummary x = a.messageSummary(id);
        const FrameStore::MessageSummary y = b.messageSummary(id);
        QCOMPARE(y.firstEntry, x.firstEntry);
        QCOMPARE(y.lastEntry, x.lastEntry);
        QCOMPARE(y.frameCount, x.frameCount);
        QCOMPARE(y.opcode, x.opcode);
        QCOMPARE(y.compressed, x.compressed);
        QCOMPARE(y.payloadTruncated, x.payloadTruncated);
        QCOMPARE(y.hasViolation, x.hasViolation);
        QCOMPARE(y.payloadLength, x.payloadLength);
        QCOMPARE(b.messagePayload(id), a.messagePayload(id));
        for (int f = 0; f < x.frameCount; ++f)
            QCOMPARE(b.messageFrameEntry(id, f), a.messageFrameEntry(id, f));
        compareDetails(b.messageDetails(id), a.messageDetails(id));
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(failures, QStringList());
}

void checkRoundTrip(const EventBatch &events)
{
    EventBatch readBack;
    QByteArray file;
    roundTrip(events, &readBack, &file);
    if (QTest::currentTestFailed())
        return;
    compareEvents(events, readBack);
    if (QTest::currentTestFailed())
        return;
    compareIndexedStore(file, readBack);
}

// ---- a real client and server ---------------------------------------------------------------------

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

bool hasClosed(const EventCollector &events)
{
    return events.closeInfo().has_value();
}

int countFrames(const EventBatch &events, const std::function<bool(const FrameEvent &)> &predicate)
{
    int count = 0;
    for (const ConnectionEvent &event : events) {
        if (const auto *frame = std::get_if<FrameEvent>(&event); frame && predicate(*frame))
            ++count;
    }
    return count;
}


// The sample session with a line break in every text payload: the file must escape it.
EventBatch sampleEvents(int frames = 10)
{
    return Test::sampleEvents(frames, "\n");
}

QByteArray sampleFile(const EventBatch &events, SessionHeader header = SessionHeader::forNewSession())
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    SessionWriter writer;
    writer.start(&buffer, header);
    writer.write(events);
    writer.close();
    return buffer.data();
}

} // namespace

class tst_SessionFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    // Round trips of real traffic.
    void realPairMessagesAndControlFrames();
    void realPairCompressed();
    void realPairCraftedFramesLenient();
    void realPairStrictViolation();
    void realPairRejectedHandshake();
    void realPairTls();
    // Round trips of built events.
    void bigIntegersSurvive();
    void everyNoticeFieldSurvives();
    void constructedHandshakeAndTls();
    void textEncodingRules();
    void fileReadsWithOtherKeyOrderAndEscapes();
    // Reader tolerance.
    void truncatedLastLine();
    void truncatedAtEveryByte();
    void corruptMiddleLine();
    void unknownFieldsAndTypes();
    void versions_data();
    void versions();
    void notASession_data();
    void notASession();
    void randomJunk();
    void mutatedBytes();
    void crlfAndBlankLines();
    void tooManyBadLines();
    // Writer.
    void journalAppend();
    void appendAfterCrash();
    void appendRefusesOtherFiles();
    void concatenatedLinesStayValid();
    void atomicSave();
    void flushTimer();
    void largeBatchFlushesAtOnce();
    void diskFull();
    void cannotCreate();
    // Index.
    void indexAndReadAt();
    void indexPayloadSizes();
    void indexOfLargeFileInParallel();
    void indexedFileChangedUnderneath();

private:
    QTemporaryDir m_dir;
};

void tst_SessionFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

// ---- real traffic --------------------------------------------------------------------------------------

void tst_SessionFile::realPairMessagesAndControlFrames()
{
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    serverOptions.handshake.subprotocols = { "chat" };
    ClientConnection::Options clientOptions;
    clientOptions.subprotocols = { "superchat", "chat" };
    clientOptions.headers = { { "X-Custom", "value with spaces" } };
    auto pair = startPair(serverOptions, clientOptions);
    ClientConnection &client = *pair->client;
    QCOMPARE(client.state(), ConnectionState::Open);

    const QByteArray unicode
        = "h\xc3\xa9llo \xe2\x80\x94 \xe4\xb8\x96\xe7\x95\x8c \xf0\x9f\x99\x82 \"quoted\" \\ "
          "back\nslash\t\x01\x7f \xe2\x80\xa8";
    QVERIFY(client.sendText("Hello"));
    QVERIFY(client.sendText(unicode));
    QVERIFY(client.sendBinary(allByteValues()));
    QVERIFY(client.sendText(QByteArray()));
    QVERIFY(client.sendBinary(QByteArray()));
    QVERIFY(client.sendFragmented(0x1, "fragmented message", 3));
    // Fragments that end inside a character: each frame alone is not UTF-8.
    QVERIFY(client.sendFragmented(0x1, "\xc3\xbc\xe2\x82\xac\xf0\x9f\x99\x82\xc3\xbc\xe2\x82\xac", 5));
    QVERIFY(client.sendFragmented(0x2, allByteValues(), 4));
    QVERIFY(client.sendBinary(QByteArray(70000, 'b'))); // 64-bit length form
    QVERIFY(client.sendPing("are you there"));
    QTRY_COMPARE(pair->server->clients().size(), 1);
    QVERIFY(pair->server->clients().constFirst()->sendPing(allByteValues().left(125)));
    QVERIFY(pair->server->clients().constFirst()->sendText("from the server"));
    QTRY_VERIFY(pair->clientEvents.messages(Direction::Incoming).size() >= 10);
    client.close(4001, u"bye \u2713"_s);
    QTRY_VERIFY(hasClosed(pair->clientEvents));
    QTRY_VERIFY(hasClosed(pair->serverEvents));

    // What was recorded holds what the test needs to prove.
    const EventBatch &clientEvents = pair->clientEvents.events;
    QVERIFY(countFrames(clientEvents, [](const FrameEvent &f) { return f.payload == allByteValues(); }) >= 2);
    QVERIFY(countFrames(clientEvents, [](const FrameEvent &f) {
        return f.payload.isEmpty() && f.frame.opcode == 1;
    }) >= 1);
    QVERIFY(countFrames(clientEvents, [](const FrameEvent &f) {
        return f.frame.position == FramePosition::Middle;
    }) >= 4);
    QVERIFY(countFrames(clientEvents, [](const FrameEvent &f) { return f.frame.opcode == 0xA; }) >= 2);
    QVERIFY(countFrames(clientEvents, [](const FrameEvent &f) {
        return f.frame.lengthForm == LengthForm::Bits64;
    }) >= 2);
    QVERIFY(countFrames(clientEvents, [](const FrameEvent &f) {
        return f.direction == Direction::Outgoing && f.frame.opcode == 8
            && f.payload == ClosePayload::encode(4001, u"bye \u2713"_s.toUtf8());
    }) == 1);
    QVERIFY(!pair->clientEvents.notices(ConnectionNotice::Kind::Handshake).isEmpty());

    checkRoundTrip(clientEvents);
    if (QTest::currentTestFailed())
        return;
    checkRoundTrip(pair->serverEvents.events);
    if (QTest::currentTestFailed())
        return;

    // Readable where it can be: a text frame as text, binary as base64, the handshake as text.
    QByteArray file;
    EventBatch readBack;
    roundTrip(clientEvents, &readBack, &file);
    QVERIFY(file.contains("\"type\":\"frame\""));
    QVERIFY(file.contains("\"direction\":\"out\",\"origin\":\"user\""));
    QVERIFY(file.contains("\"text\":\"Hello\""));
    QVERIFY(file.contains("\"text\":\"h\xc3\xa9llo"));
    QVERIFY(file.contains(QByteArray("\"base64\":\"" + allByteValues().toBase64() + '"')));
    QVERIFY(file.contains("\"request\":\"GET /chat?room=1 HTTP/1.1\\r\\n"));
    QVERIFY(file.contains("\"subprotocol\":\"chat\""));
    compareStores(clientEvents, readBack);
}

void tst_SessionFile::realPairCompressed()
{
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    ClientConnection::Options clientOptions;
    clientOptions.offerDeflate = true;
    clientOptions.deflateOffer.clientMaxWindowBitsOffered = true;
    auto pair = startPair(serverOptions, clientOptions);
    QVERIFY(pair->client->deflate().has_value());
    const QByteArray text = QByteArray("compress me please ").repeated(100);
    QVERIFY(pair->client->sendText(text));
    QVERIFY(pair->client->sendFragmented(0x1, text, 3));
    QVERIFY(pair->client->sendBinary(allByteValues().repeated(4)));
    QVERIFY(pair->client->sendText(QByteArray()));
    QTRY_COMPARE(pair->clientEvents.messages(Direction::Incoming).size(), 4);
    pair->client->close();
    QTRY_VERIFY(hasClosed(pair->clientEvents));
    QTRY_VERIFY(hasClosed(pair->serverEvents));

    const EventBatch &events = pair->clientEvents.events;
    QVERIFY(countFrames(events, [](const FrameEvent &f) { return f.frame.rsv1 && f.frame.compressed; }) >= 4);
    QVERIFY(countFrames(events, [](const FrameEvent &f) {
        return f.frame.compressed && f.frame.position == FramePosition::Last;
    }) >= 1);
    const auto messages = pair->clientEvents.messages(Direction::Incoming);
    QVERIFY(messages.constFirst().message.compressed);
    QCOMPARE(messages.constFirst().message.payload, text);
    QVERIFY(pair->clientEvents.notices(ConnectionNotice::Kind::Handshake).constFirst().handshake->deflate);

    checkRoundTrip(events);
    if (QTest::currentTestFailed())
        return;
    checkRoundTrip(pair->serverEvents.events);
}

void tst_SessionFile::realPairCraftedFramesLenient()
{
    Server::Options serverOptions;
    serverOptions.settings.strict = false;
    serverOptions.settings.limits.maxFramePayload = 100; // a frame over it keeps no payload
    serverOptions.behaviour = Server::Behaviour::Echo;
    ClientConnection::Options clientOptions;
    clientOptions.settings.strict = false; // takes the echoes of broken frames without closing
    auto pair = startPair(serverOptions, clientOptions);
    ClientConnection &client = *pair->client;

    FrameSpec rsv2 = FrameSpec::valid(Endpoint::Client, 1, "still here");
    rsv2.rsv2 = true;
    QVERIFY(client.sendFrame(rsv2));
    QVERIFY(client.sendFrame(FrameSpec::valid(Endpoint::Client, 3, "reserved opcode")));
    FrameSpec unmasked;
    unmasked.opcode = 1;
    unmasked.payload = "not masked";
    QVERIFY(client.sendFrame(unmasked));
    FrameSpec longForm = FrameSpec::valid(Endpoint::Client, 2, "tiny");
    longForm.lengthForm = LengthForm::Bits64;
    QVERIFY(client.sendFrame(longForm));
    QVERIFY(client.sendFrame(FrameSpec::valid(Endpoint::Client, 1, QByteArray::fromHex("c328"))));
    FrameSpec chosenKey = FrameSpec::valid(Endpoint::Client, 1, "chosen key");
    chosenKey.masking = FrameSpec::Masking::Chosen;
    chosenKey.maskingKey = { 0, 0, 0, 0 };
    QVERIFY(client.sendFrame(chosenKey));
    QVERIFY(client.sendBinary(QByteArray(200, 'x'))); // over the server's frame limit
    // A length that lies (2 for 6 bytes): the server reads "ab", then "cdef" as the start of a frame
    // (0x63 0x64: opcode 3 with RSV1 and RSV2, unmasked, 100 bytes long, which never come). A zero masking
    // key keeps those bytes as they are.
    FrameSpec lying = FrameSpec::valid(Endpoint::Client, 1, "abcdef");
    lying.declaredLength = 2;
    lying.masking = FrameSpec::Masking::Chosen;
    lying.maskingKey = { 0, 0, 0, 0 };
    QVERIFY(client.sendFrame(lying));
    QTRY_VERIFY(countFrames(pair->serverEvents.events, [](const FrameEvent &f) {
        return f.direction == Direction::Incoming && f.frame.payloadOmitted;
    }) == 1);
    QTRY_VERIFY(countFrames(pair->serverEvents.events, [](const FrameEvent &f) {
        return f.direction == Direction::Incoming && f.payload == "ab" && f.frame.payloadLength == 2;
    }) == 1);
    client.abort();
    QTRY_VERIFY(hasClosed(pair->clientEvents));
    QTRY_VERIFY(hasClosed(pair->serverEvents));

    // What the server received (its echoes are frames too, outgoing).
    EventBatch received;
    for (const FrameEvent &frame : pair->serverEvents.frames(Direction::Incoming))
        received.append(frame);
    const EventBatch &server = pair->serverEvents.events;
    QVERIFY(countFrames(received, [](const FrameEvent &f) {
        return f.frame.rsv2 && !f.frame.violations.isEmpty();
    }) == 1);
    QVERIFY(countFrames(received, [](const FrameEvent &f) { return f.frame.opcode == 3; }) == 1);
    QVERIFY(countFrames(received, [](const FrameEvent &f) {
        return !f.frame.masked && f.payload == "not masked";
    }) == 1);
    QVERIFY(countFrames(received, [](const FrameEvent &f) {
        return f.frame.lengthForm == LengthForm::Bits64 && f.frame.payloadLength == 4;
    }) == 1);
    QVERIFY(countFrames(received, [](const FrameEvent &f) {
        return f.frame.masked && f.frame.maskingKey == std::array<quint8, 4> {} && f.payload == "chosen key";
    }) == 1);
    QVERIFY(!pair->serverEvents.notices(ConnectionNotice::Kind::Violation).isEmpty());

    checkRoundTrip(server);
    if (QTest::currentTestFailed())
        return;
    checkRoundTrip(pair->clientEvents.events);
}

void tst_SessionFile::realPairStrictViolation()
{
    auto pair = startPair({});
    FrameSpec rsv2 = FrameSpec::valid(Endpoint::Client, 1, "x");
    rsv2.rsv2 = true;
    QVERIFY(pair->client->sendFrame(rsv2));
    QTRY_VERIFY(hasClosed(pair->clientEvents));
    QTRY_VERIFY(hasClosed(pair->serverEvents));
    QCOMPARE(pair->clientEvents.closeInfo()->code, quint16(1002));
    const auto violations = pair->serverEvents.notices(ConnectionNotice::Kind::Violation);
    QVERIFY(!violations.isEmpty());
    QCOMPARE(violations.constFirst().violation.kind, ViolationKind::ReservedBitsSet);
    checkRoundTrip(pair->serverEvents.events);
    if (QTest::currentTestFailed())
        return;
    checkRoundTrip(pair->clientEvents.events);
}

void tst_SessionFile::realPairRejectedHandshake()
{
    Server::Options serverOptions;
    serverOptions.handshake.allowedOrigins = { "https://good.example" };
    ClientConnection::Options clientOptions;
    clientOptions.origin = "https://evil.example";
    auto pair = startPair(serverOptions, clientOptions);
    QTRY_VERIFY(hasClosed(pair->clientEvents));
    QTRY_VERIFY(!pair->serverEvents.notices(ConnectionNotice::Kind::Handshake).isEmpty());
    const auto handshake
        = pair->clientEvents.notices(ConnectionNotice::Kind::Handshake).constFirst().handshake;
    QVERIFY(!handshake->accepted);
    QCOMPARE(handshake->response.statusCode(), 403);
    QVERIFY(!handshake->response.rawHead().isEmpty());
    checkRoundTrip(pair->clientEvents.events);
    if (QTest::currentTestFailed())
        return;
    checkRoundTrip(pair->serverEvents.events);
}

void tst_SessionFile::realPairTls()
{
    Server::Options serverOptions;
    serverOptions.tls = true;
    serverOptions.selfSignedFolder = m_dir.filePath(u"tls"_s);
    serverOptions.behaviour = Server::Behaviour::Echo;
    ClientConnection::Options clientOptions;
    clientOptions.tls.ignoreCertificateErrors = true;
    auto pair = startPair(serverOptions, clientOptions);
    QCOMPARE(pair->client->state(), ConnectionState::Open);
    QVERIFY(pair->client->sendText("over TLS"));
    QTRY_COMPARE(pair->clientEvents.messages(Direction::Incoming).size(), 1);
    pair->client->close();
    QTRY_VERIFY(hasClosed(pair->clientEvents));
    const auto tls = pair->clientEvents.notices(ConnectionNotice::Kind::Tls);
    QCOMPARE(tls.size(), 1);
    QVERIFY(!tls.constFirst().tls->peerChain.isEmpty());
    QVERIFY(!tls.constFirst().tls->certificateErrors.isEmpty());
    QVERIFY(tls.constFirst().tls->errorsIgnored);
    checkRoundTrip(pair->clientEvents.events);
}

// ---- built events ----------------------------------------------------------------------------------

void tst_SessionFile::bigIntegersSurvive()
{
    FrameEvent frame;
    frame.connectionId = std::numeric_limits<quint64>::max();
    frame.timestampNs = (qint64(1) << 53) + 1; // the first integer a double cannot hold
    frame.direction = Direction::Incoming;
    frame.frame.index = std::numeric_limits<qint64>::max();
    frame.frame.streamOffset = (qint64(1) << 60) + 3;
    frame.frame.fin = true;
    frame.frame.opcode = 2;
    frame.frame.messageOpcode = 2;
    frame.frame.payloadLength = 0x8000000000000005ull; // the top bit set, as a hostile peer declares it
    frame.frame.lengthForm = LengthForm::Bits64;
    const std::array<quint8, 10> header { 0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 5 };
    std::copy(header.begin(), header.end(), frame.frame.header.begin());
    frame.frame.headerLength = 10;
    frame.frame.payloadOmitted = true;
    frame.frame.violations = { ViolationText::make(ViolationKind::LengthTopBitSet, u"top bit"_s) };

    FrameEvent negative = frame;
    negative.connectionId = 0;
    negative.timestampNs = -(qint64(1) << 53) - 7;
    negative.frame.index = 0;
    negative.frame.payloadLength = (quint64(1) << 53) + 1;
    negative.frame.payloadOmitted = false;
    negative.frame.violations.clear();

    MessageEvent message;
    message.connectionId = (quint64(1) << 53);
    message.timestampNs = std::numeric_limits<qint64>::min();
    message.message.index = (qint64(1) << 62);
    message.message.frameIndexes = { 1, (qint64(1) << 53) + 1, std::numeric_limits<qint64>::max() };
    message.message.wireLength = std::numeric_limits<quint64>::max();
    message.message.opcode = 2;

    ConnectionNotice rtt;
    rtt.kind = ConnectionNotice::Kind::PingRoundTrip;
    rtt.connectionId = 3;
    rtt.timestampNs = 5;
    rtt.roundTripNs = std::numeric_limits<qint64>::max();

    const EventBatch events { frame, negative, message, rtt };
    EventBatch readBack;
    QByteArray file;
    roundTrip(events, &readBack, &file);
    if (QTest::currentTestFailed())
        return;
    compareEvents(events, readBack);
    if (QTest::currentTestFailed())
        return;
    // Beyond ±2^53 as strings, within as numbers.
    const QList<QByteArray> lines = linesOf(file);
    QVERIFY(lines.at(1).contains("\"connection\":\"18446744073709551615\",\"time\":\"9007199254740993\""));
    QVERIFY(lines.at(1).contains("\"payloadLength\":\"9223372036854775813\""));
    QVERIFY(lines.at(2).contains("\"connection\":0,\"time\":\"-9007199254740999\""));
    QVERIFY(lines.at(3).contains("\"connection\":9007199254740992,"));
    QVERIFY(lines.at(3).contains("\"frameIndexes\":[1,\"9007199254740993\",\"9223372036854775807\"]"));
    QVERIFY(lines.at(4).contains("\"roundTripNs\":\"9223372036854775807\""));
}

void tst_SessionFile::everyNoticeFieldSurvives()
{
    // Each kind, with every other field of the notice also set: nothing a notice holds is dropped.
    EventBatch events;
    const QList<ConnectionNotice::Kind> kinds { ConnectionNotice::Kind::StateChanged,
        ConnectionNotice::Kind::Handshake, ConnectionNotice::Kind::Tls, ConnectionNotice::Kind::Violation,
        ConnectionNotice::Kind::Error, ConnectionNotice::Kind::PingRoundTrip, ConnectionNotice::Kind::Info };
    auto handshake = std::make_shared<HandshakeRecord>();
    handshake->url = u"ws://example.com/x"_s;
    auto tls = std::make_shared<TlsRecord>();
    tls->protocol = u"TLSv1.3"_s;
    for (int i = 0; i < kinds.size(); ++i) {
        ConnectionNotice plain;
        plain.kind = kinds.at(i);
        plain.connectionId = quint64(i + 1);
        plain.timestampNs = i * 100;
        plain.state = ConnectionState(i % 8);
        if (plain.kind == ConnectionNotice::Kind::Handshake)
            plain.handshake = handshake;
        if (plain.kind == ConnectionNotice::Kind::Tls)
            plain.tls = tls;
        events.append(plain);

        ConnectionNotice full = plain;
        full.close.initiator = CloseInitiator::Remote;
        full.close.code = 4321;
        full.close.reason = u"why \"not\"\n"_s;
        full.close.sentCode = 1000;
        full.close.closingHandshakeCompleted = true;
        full.close.abnormal = false;
        full.text = u"notice text \u00e9 \u2028 \t"_s;
        full.violation = ViolationText::make(ViolationKind::InvalidCloseCode, u"code 999"_s);
        full.roundTripNs = 123456;
        full.handshake = handshake;
        full.tls = tls;
        events.append(full);
    }
    ConnectionNotice closed;
    closed.kind = ConnectionNotice::Kind::StateChanged;
    closed.state = ConnectionState::Closed; // the default CloseInfo, written because the state is Closed
    events.append(closed);
    checkRoundTrip(events);
}

void tst_SessionFile::constructedHandshakeAndTls()
{
    auto record = std::make_shared<HandshakeRecord>();
    record->url = u"wss://example.com:8443/path?q=\u00e9"_s;
    record->peerAddress = u"::1"_s;
    record->peerPort = 8443;
    // Raw bytes that are not UTF-8 (a hostile server's response).
    record->requestBytes = "GET /path HTTP/1.1\r\nHost: example.com\r\nX-Bin: \xff\xfe\r\n\r\n";
    record->responseBytes = "HTTP/1.1 400 \xff\r\nContent-Length: 3\r\n\r\n\x00\x01\x02"_ba;
    record->request = HttpMessage::request("GET", "/path");
    record->request.addField("Host", "example.com");
    record->request.addField("X-Bin", "\xff\xfe");
    record->request.addField("Host", "second.example"); // a repeated field keeps both, in order
    record->request.setVersion(1, 0);
    HttpMessage::Parser parser(HttpMessage::Kind::Response);
    QCOMPARE(parser.feed("HTTP/1.1 400 \nContent-Length: 3\n\n"), HttpMessage::Parser::Status::Done);
    record->response = parser.takeMessage(); // parsed: raw head, bare-LF warning, empty reason phrase
    QVERIFY(!record->response.warnings().isEmpty());
    QVERIFY(record->response.reasonPhrase().isEmpty());
    record->response.setBody("\x00\x01\x02"_ba);
    record->response.setBodyTruncated(true);
    record->accepted = false;
    record->error = u"The server answered 400"_s;
    record->subprotocol = "v2.chat";
    DeflateParameters deflate;
    deflate.serverNoContextTakeover = true;
    deflate.clientMaxWindowBits = 9;
    record->deflate = deflate;
    record->expectedAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    record->timings = { 1, -1, 3, (qint64(1) << 54) };

    QString error;
    const auto files = SelfSignedCertificate::create(
        m_dir.filePath(u"certs"_s), SelfSignedCertificate::KeyType::EcP256, &error);
    QVERIFY2(!files.certificateFile.isEmpty(), qPrintable(error));
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(files.certificateFile);
    QCOMPARE(certificates.size(), 1);
    auto tls = std::make_shared<TlsRecord>();
    tls->protocol = u"TLSv1.3"_s;
    tls->cipher = u"TLS_AES_256_GCM_SHA384"_s;
    tls->serverName = u"localhost"_s;
    tls->peerChain = { certificates.constFirst(), certificates.constFirst() };
    tls->certificateErrors = { u"The certificate is self-signed, and untrusted"_s, u"second \u00e9"_s };
    tls->verified = false;
    tls->errorsIgnored = true;
    tls->clientCertificateSent = true;

    ConnectionNotice handshakeNotice;
    handshakeNotice.kind = ConnectionNotice::Kind::Handshake;
    handshakeNotice.state = ConnectionState::Upgrading;
    handshakeNotice.handshake = record;
    ConnectionNotice tlsNotice;
    tlsNotice.kind = ConnectionNotice::Kind::Tls;
    tlsNotice.state = ConnectionState::TlsHandshaking;
    tlsNotice.tls = tls;
    // A default record, as a client holds one before anything was sent.
    ConnectionNotice emptyHandshake;
    emptyHandshake.kind = ConnectionNotice::Kind::Handshake;
    emptyHandshake.handshake = std::make_shared<HandshakeRecord>();
    EventBatch readBack;
    QByteArray file;
    roundTrip({ handshakeNotice, tlsNotice, emptyHandshake }, &readBack, &file);
    if (QTest::currentTestFailed())
        return;
    compareEvents({ handshakeNotice, tlsNotice, emptyHandshake }, readBack);
    QVERIFY(file.contains("\"requestBase64\":\""));
    QVERIFY(file.contains("\"subprotocol\":\"v2.chat\""));
    QVERIFY(file.contains("{\"name\":\"X-Bin\",\"valueBase64\":\"//4=\"}"));
}

void tst_SessionFile::textEncodingRules()
{
    // Which payloads are text and which base64, and that each is exact.
    struct Case
    {
        quint8 opcode;
        quint8 messageOpcode;
        bool compressed;
        QByteArray payload;
        bool text;
    };
    const QList<Case> cases {
        { 1, 1, false, "plain", true },
        { 1, 1, false, QByteArray(), true },
        { 1, 1, false, "\x00\x1f\"\\/\x7f"_ba, true },
        { 1, 1, false, "\xf0\x9f\x99\x82", true },
        { 1, 1, false, "\xc3", false }, // cut inside a character
        { 1, 1, false, "\xed\xa0\x80", false }, // a surrogate in UTF-8 form: not UTF-8
        { 1, 1, false, "\xc0\xaf", false }, // overlong
        { 1, 1, true, "plain", false }, // compressed bytes are never text
        { 0, 1, false, "continued", true }, // a continuation of a text message
        { 2, 2, false, "looks like text", false }, // binary stays binary
        { 9, 0, false, "ping", false },
        { 8, 0, false,
            "\x03\xe8"
            "bye",
            false },
        { 2, 2, false, allByteValues(), false },
        { 2, 2, false, QByteArray(), false },
    };
    EventBatch events;
    for (const Case &c : cases) {
        FrameEvent frame;
        frame.frame.opcode = c.opcode;
        frame.frame.messageOpcode = c.messageOpcode;
        frame.frame.compressed = c.compressed;
        frame.frame.header = { quint8(0x80 | c.opcode), quint8(c.payload.size()) };
        frame.frame.headerLength = 2;
        frame.frame.payloadLength = quint64(c.payload.size());
        frame.payload = c.payload;
        events.append(frame);
        MessageEvent message;
        message.message.opcode = c.messageOpcode;
        message.message.payload = c.payload;
        events.append(message);
    }
    EventBatch readBack;
    QByteArray file;
    roundTrip(events, &readBack, &file);
    if (QTest::currentTestFailed())
        return;
    compareEvents(events, readBack);
    const QList<QByteArray> lines = linesOf(file);
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QByteArray frameLine = lines.at(1 + 2 * i);
        QCOMPARE(frameLine.contains("\"text\":"), cases.at(i).text);
        QCOMPARE(frameLine.contains("\"base64\":"), !cases.at(i).text);
    }
}

void tst_SessionFile::fileReadsWithOtherKeyOrderAndEscapes()
{
    // Another tool's rewrite of the file (QJsonDocument sorts keys, escapes differently, drops nothing)
    // reads back to the same events.
    EventBatch events = sampleEvents(6);
    ConnectionNotice info;
    info.kind = ConnectionNotice::Kind::Info;
    info.text = u"line\nbreak \u00e9 \U0001F642"_s;
    events.append(info);
    const QByteArray file = sampleFile(events);
    QList<QByteArray> lines = linesOf(file);
    for (QByteArray &line : lines)
        line = QJsonDocument::fromJson(line).toJson(QJsonDocument::Compact);
    QVERIFY(lines.at(1).startsWith("{\"connection\":")); // sorted: the order changed
    // Escapes that writers may choose: \u sequences for ASCII, a surrogate pair, an escaped slash.
    lines.append(QByteArray("{\"type\":\"info\",\"connection\":1,\"time\":2,\"state\":\"open\",\"text\":"
                            "\"\\u0041\\/\\ud83d\\ude42\"}"));
    SessionReader reader;
    QVERIFY(reader.openData(joinLines(lines)));
    const EventBatch readBack = reader.readAll();
    QCOMPARE(reader.warnings(), QStringList());
    QCOMPARE(readBack.size(), events.size() + 1);
    compareEvents(events, readBack.first(events.size()));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(std::get<ConnectionNotice>(readBack.constLast()).text, u"A/\U0001F642"_s);
}

// ---- reader tolerance --------------------------------------------------------------------------------

void tst_SessionFile::truncatedLastLine()
{
    const EventBatch events = sampleEvents(8);
    const QByteArray file = sampleFile(events);
    // Cut in the middle of the last line, as a killed writer leaves it.
    const QByteArray cut = file.left(file.size() - 20);
    SessionReader reader;
    QVERIFY(reader.openData(cut));
    const EventBatch readBack = reader.readAll();
    QCOMPARE(reader.warnings(), QStringList { u"last line truncated"_s });
    compareEvents(events.first(events.size() - 1), readBack);
    // Without only its '\n', the last line is complete: all of it loads.
    QVERIFY(reader.openData(file.chopped(1)));
    compareEvents(events, reader.readAll());
    QCOMPARE(reader.warnings(), QStringList());
}

void tst_SessionFile::truncatedAtEveryByte()
{
    EventBatch events = sampleEvents(3);
    auto handshake = std::make_shared<HandshakeRecord>();
    handshake->requestBytes = "GET / HTTP/1.1\r\n\r\n";
    handshake->request = HttpMessage::request("GET", "/");
    ConnectionNotice notice;
    notice.kind = ConnectionNotice::Kind::Handshake;
    notice.handshake = handshake;
    events.insert(1, notice);
    const QByteArray file = sampleFile(events);
    const qsizetype headerEnd = file.indexOf('\n') + 1;
    for (qsizetype size = 0; size <= file.size(); ++size) {
        const QByteArray cut = file.left(size);
        SessionReader reader;
        const bool opened = reader.openData(cut);
        if (size < headerEnd - 1) {
            QVERIFY2(!opened, qPrintable(u"cut at %1"_s.arg(size)));
            QVERIFY(!reader.errorString().isEmpty());
            continue;
        }
        QVERIFY2(opened, qPrintable(u"cut at %1: %2"_s.arg(size).arg(reader.errorString())));
        const EventBatch readBack = reader.readAll();
        // Every complete line loads; a partial last line is reported, unless only its '\n' is missing.
        const qsizetype completeLines = cut.count('\n') - 1 + (size == headerEnd - 1 ? 1 : 0);
        const bool partial = size >= headerEnd && !cut.endsWith('\n');
        const bool lastComplete = partial && file.at(size) == '\n';
        const qsizetype expected = qMax<qsizetype>(0, completeLines) + (lastComplete ? 1 : 0);
        QCOMPARE(readBack.size(), expected);
        compareEvents(events.first(expected), readBack);
        if (QTest::currentTestFailed()) {
            qWarning("cut at %lld", qint64(size));
            return;
        }
        QCOMPARE(reader.warnings(),
            partial && !lastComplete ? QStringList { u"last line truncated"_s } : QStringList());
        // The index pass agrees.
        QCOMPARE(reader.buildIndex().entries.size(), expected);
    }
}

void tst_SessionFile::corruptMiddleLine()
{
    const EventBatch events = sampleEvents(40); // 81 events, lines 2 to 82
    QList<QByteArray> lines = linesOf(sampleFile(events));
    lines[56] = lines.at(56).left(30) + "#garbage" + lines.at(56).mid(30); // line 57
    lines[69] = "{\"type\":\"frame\"}"; // line 70: JSON, but not a frame
    SessionReader reader;
    QVERIFY(reader.openData(joinLines(lines)));
    const EventBatch readBack = reader.readAll();
    QCOMPARE(reader.warnings().size(), 2);
    QCOMPARE(reader.warnings().at(0), u"line 57: not valid JSON: expected ',' or '}' at column 31"_s);
    QCOMPARE(reader.warnings().at(1), u"line 70: missing field \"connection\""_s);
    EventBatch expected = events;
    expected.remove(68); // line 70 is event 68
    expected.remove(55); // line 57 is event 55
    compareEvents(expected, readBack);
}

void tst_SessionFile::unknownFieldsAndTypes()
{
    const EventBatch events = sampleEvents(4);
    QList<QByteArray> lines = linesOf(sampleFile(events));
    // Unknown fields, of every JSON kind, anywhere: ignored.
    for (QByteArray &line : lines) {
        line.chop(1);
        line += ",\"future\":{\"a\":[1,2.5e3,{\"b\":null}],\"c\":\"\\u00e9\"},\"flag\":true,\"n\":null}";
        line.insert(1, "\"first\":[],");
    }
    // A nested unknown field, and an unknown violation rule.
    lines.append("{\"type\":\"violation\",\"connection\":1,\"time\":5,\"state\":\"open\",\"text\":\"t\","
                 "\"violation\":{\"rule\":\"from-the-future\",\"closeCode\":1002,\"rfc\":\"9.9\",\"fatal\":"
                 "true,\"message\":\"m\",\"extra\":1}}");
    // An event type of a newer version: skipped with a warning.
    lines.insert(3, "{\"type\":\"bookmark\",\"connection\":1,\"time\":5,\"label\":\"here\"}");
    SessionReader reader;
    QVERIFY(reader.openData(joinLines(lines)));
    const EventBatch readBack = reader.readAll();
    QCOMPARE(reader.warnings(),
        (QStringList { u"line 4: unknown event type \"bookmark\" (skipped)"_s,
            u"line %1: violation rule \"from-the-future\" is not one this version knows: left out"_s.arg(
                lines.size()) }));
    QCOMPARE(readBack.size(), events.size() + 1);
    compareEvents(events, readBack.first(events.size()));
    const auto &notice = std::get<ConnectionNotice>(readBack.constLast());
    QCOMPARE(notice.kind, ConnectionNotice::Kind::Violation);
    QCOMPARE(notice.text, u"t"_s);
    // The header's unknown fields are kept, and written back.
    QCOMPARE(reader.header().extra.value(u"future"_s).toObject().value(u"c"_s).toString(), u"\u00e9"_s);
    QCOMPARE(reader.header().extra.value(u"first"_s).toArray().size(), 0);
    QVERIFY(SessionFormat::encodeHeader(reader.header()).contains("\"first\":[]"));
}

void tst_SessionFile::versions_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<bool>("opens");
    QTest::addColumn<QString>("message");
    QTest::newRow("1.0") << QByteArray("1.0") << true << QString();
    QTest::newRow("newer minor")
        << QByteArray("1.7") << true
        << u"format version 1.7 is newer than this Frameline reads (1.0): fields it does not know are "
           u"ignored"_s;
    QTest::newRow("newer major")
        << QByteArray("2.0") << false
        << u"Cannot open the data: it was written in format version 2.0, which needs a newer Frameline (this "
           u"one reads version 1.x)"_s;
    QTest::newRow("older major") << QByteArray(
        "0.9") << false << u"Cannot open the data: its format version \"0.9\" is not one Frameline knows"_s;
    QTest::newRow("not a version") << QByteArray(
        "one") << false << u"Cannot open the data: its format version \"one\" is not one Frameline knows"_s;
}

void tst_SessionFile::versions()
{
    QFETCH(QByteArray, version);
    QFETCH(bool, opens);
    QFETCH(QString, message);
    const EventBatch events = sampleEvents(2);
    QList<QByteArray> lines = linesOf(sampleFile(events));
    lines[0].replace("\"version\":\"1.0\"", QByteArray("\"version\":\"" + version + '"'));
    SessionReader reader;
    QCOMPARE(reader.openData(joinLines(lines)), opens);
    if (!opens) {
        QCOMPARE(reader.errorString(), message);
        QVERIFY(reader.readAll().isEmpty());
        QVERIFY(reader.buildIndex().entries.isEmpty());
        return;
    }
    compareEvents(events, reader.readAll());
    QCOMPARE(reader.warnings(), message.isEmpty() ? QStringList() : QStringList { message });
    QCOMPARE(reader.buildIndex().warnings, message.isEmpty() ? QStringList() : QStringList { message });
}

void tst_SessionFile::notASession_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    const QString notSession
        = u"the data is not a Frameline session: its first line is not a session header"_s;
    QTest::newRow("empty") << QByteArray() << u"the data is empty: it is not a Frameline session"_s;
    QTest::newRow("blank line") << QByteArray("\n") << notSession;
    QTest::newRow("text") << QByteArray("hello\nworld\n") << notSession;
    QTest::newRow("binary") << QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") << notSession;
    QTest::newRow("events without header")
        << QByteArray("{\"type\":\"info\",\"connection\":1,\"time\":2,\"state\":\"open\",\"text\":\"x\"}"
                      "\n")
        << u"the data is not a Frameline session: its header does not say \"format\": "
           u"\"frameline-session\""_s;
    QTest::newRow("other format")
        << QByteArray("{\"format\":\"har\",\"version\":\"1.0\"}"
                      "\n")
        << u"the data is not a Frameline session: its header does not say \"format\": "
           u"\"frameline-session\""_s;
    QTest::newRow("HAR") << QByteArray("{\n  \"log\": {\"version\": \"1.2\"}\n}\n") << notSession;
    QTest::newRow("JSON array") << QByteArray("[{\"format\":\"frameline-session\",\"version\":\"1.0\"}]")
                                << notSession;
    QTest::newRow("big, no line break") << QByteArray(3 * 1024 * 1024, '{') << notSession;
    QTest::newRow("truncated header") << QByteArray("{\"format\":\"frameline-session\",\"vers") << notSession;
}

void tst_SessionFile::notASession()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    SessionReader reader;
    QVERIFY(!reader.openData(data));
    QCOMPARE(reader.errorString(), error);
    QVERIFY(!reader.isOpen());
    QVERIFY(reader.readAll().isEmpty());
    // The same from a file, named in the message.
    const QString path = m_dir.filePath(u"not-a-session.fls"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(data);
    file.close();
    QVERIFY(!reader.open(path));
    QCOMPARE(reader.errorString(), QString(error).replace(u"the data"_s, QDir::toNativeSeparators(path)));
    const SessionReader::Loaded loaded = SessionReader::load(path);
    QVERIFY(!loaded.ok);
    QVERIFY(loaded.events.isEmpty());
    QCOMPARE(loaded.error, reader.errorString());
}

void tst_SessionFile::randomJunk()
{
    QRandomGenerator random(20240605);
    const QByteArray header = SessionFormat::encodeHeader(SessionHeader::forNewSession());
    for (int round = 0; round < 3000; ++round) {
        QByteArray junk(int(random.bounded(0, 600)), Qt::Uninitialized);
        for (char &c : junk) {
            // Mostly JSON-ish characters, so the parser gets deep before it fails.
            static const char alphabet[] = "{}[]\":,\\ntrufalse0123456789.-eE \n\tabc\x01\xc3\xa9\xff";
            c = random.bounded(4) == 0 ? char(random.bounded(256))
                                       : alphabet[random.bounded(int(sizeof alphabet - 1))];
        }
        SessionReader reader;
        if (reader.openData(junk)) // a header out of random bytes is possible only in theory
            reader.readAll();
        QVERIFY(reader.openData(header + junk));
        const EventBatch events = reader.readAll();
        QVERIFY(reader.warnings().size() <= SessionReader::MaxLineWarnings + 1);
        reader.buildIndex();
        Q_UNUSED(events)
    }
}

void tst_SessionFile::mutatedBytes()
{
    // A valid file with bytes changed, inserted and removed at random: whatever is read is never a crash,
    // and every line either loads or is reported.
    EventBatch events = sampleEvents(4);
    ConnectionNotice handshake;
    handshake.kind = ConnectionNotice::Kind::Handshake;
    handshake.handshake = std::make_shared<HandshakeRecord>();
    events.append(handshake);
    events.append(std::get<ConnectionNotice>(events.constFirst()));
    const QByteArray file = sampleFile(events);
    const qsizetype bodyStart = file.indexOf('\n') + 1;
    QRandomGenerator random(7);
    for (int round = 0; round < 4000; ++round) {
        QByteArray mutated = file;
        const int changes = int(random.bounded(1, 4));
        for (int i = 0; i < changes; ++i) {
            const qsizetype at = bodyStart + qsizetype(random.bounded(int(mutated.size() - bodyStart)));
            switch (random.bounded(3)) {
            case 0:
                mutated[at] = char(random.bounded(256));
                break;
            case 1:
                mutated.insert(at, char(random.bounded(256)));
                break;
            default:
                mutated.remove(at, 1);
            }
        }
        SessionReader reader;
        QVERIFY(reader.openData(mutated));
        const EventBatch readBack = reader.readAll();
        // Each change costs at most one line (two lines joined into one that is reported).
        QVERIFY(readBack.size() + reader.warnings().size() >= events.size() - changes);
        const SessionIndex index = reader.buildIndex();
        QCOMPARE(index.entries.size(), readBack.size());
        for (const SessionIndex::Entry &entry : index.entries)
            QVERIFY(reader.readEventAt(entry.offset).has_value());
    }
}

void tst_SessionFile::crlfAndBlankLines()
{
    const EventBatch events = sampleEvents(3);
    QList<QByteArray> lines = linesOf(sampleFile(events));
    QByteArray data;
    for (const QByteArray &line : lines)
        data += line + "\r\n\n   \r\n";
    SessionReader reader;
    QVERIFY(reader.openData(data));
    compareEvents(events, reader.readAll());
    QCOMPARE(reader.warnings(), QStringList());
    // A byte order mark before the header.
    QVERIFY(reader.openData("\xEF\xBB\xBF" + data));
    compareEvents(events, reader.readAll());
}

void tst_SessionFile::tooManyBadLines()
{
    QByteArray data = SessionFormat::encodeHeader(SessionHeader::forNewSession());
    for (int i = 0; i < 250; ++i)
        data += "not json\n";
    data += SessionFormat::encodeEvent(sampleEvents(1).constFirst());
    SessionReader reader;
    QVERIFY(reader.openData(data));
    QCOMPARE(reader.readAll().size(), 1);
    QCOMPARE(reader.warnings().size(), SessionReader::MaxLineWarnings + 1);
    QCOMPARE(reader.warnings().constFirst(), u"line 2: not valid JSON: expected a value at column 1"_s);
    QCOMPARE(reader.warnings().constLast(), u"150 more lines could not be read"_s);
}

// ---- writer --------------------------------------------------------------------------------------------

void tst_SessionFile::journalAppend()
{
    const QString path = m_dir.filePath(u"journal.fls"_s);
    const EventBatch events = sampleEvents(6);
    const EventBatch first = events.first(5);
    const EventBatch second = events.sliced(5);
    SessionHeader header = SessionHeader::forNewSession();
    header.extra.insert(u"title"_s, u"journal test"_s);
    {
        SessionWriter writer;
        QVERIFY(writer.create(path, header));
        QVERIFY(writer.write(first));
        QVERIFY(writer.close());
    }
    const QByteArray before = [&] {
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        return file.readAll();
    }();
    {
        SessionWriter writer;
        QVERIFY2(writer.openForAppend(path, header.timeOriginMs), qPrintable(writer.errorString()));
        QCOMPARE(writer.header().created, header.created);
        QVERIFY(writer.write(second));
        QVERIFY(writer.close());
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray after = file.readAll();
    QVERIFY(after.startsWith(before)); // nothing rewritten
    QCOMPARE(after.count("\"format\":\"frameline-session\""), 1);
    const SessionReader::Loaded loaded = SessionReader::load(path);
    QVERIFY(loaded.ok);
    QCOMPARE(loaded.warnings, QStringList());
    QCOMPARE(loaded.header.extra.value(u"title"_s).toString(), u"journal test"_s);
    QCOMPARE(loaded.header.timeOriginMs, header.timeOriginMs);
    compareEvents(events, loaded.events);
    if (QTest::currentTestFailed())
        return;

    // Events of a process whose clock started 1.5 s later are shifted onto the file's time origin.
    {
        SessionWriter writer;
        QVERIFY(writer.openForAppend(path, header.timeOriginMs + 1500));
        QVERIFY(writer.write(second.constFirst()));
        QVERIFY(writer.close());
    }
    const SessionReader::Loaded shifted = SessionReader::load(path);
    QCOMPARE(shifted.events.size(), events.size() + 1);
    const auto timeOf = [](const ConnectionEvent &event) {
        return std::visit([](const auto &e) { return e.timestampNs; }, event);
    };
    QCOMPARE(timeOf(shifted.events.constLast()), timeOf(second.constFirst()) + 1500000000);

    // A journal that does not exist yet is created, with a header.
    const QString fresh = m_dir.filePath(u"fresh-journal.fls"_s);
    SessionWriter writer;
    QVERIFY(writer.openForAppend(fresh));
    QVERIFY(writer.write(first));
    QVERIFY(writer.close());
    compareEvents(first, SessionReader::load(fresh).events);
}

void tst_SessionFile::appendAfterCrash()
{
    // A journal whose writer died in the middle of a line: appending ends that line first, so the damage
    // stays in one line that is reported, and the new events load.
    const QString path = m_dir.filePath(u"crashed.fls"_s);
    const EventBatch events = sampleEvents(4);
    const QByteArray full = sampleFile(events);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(full.left(full.size() - 15));
    file.close();
    const qsizetype damagedLine = full.count('\n'); // the last line, 1-based (the header is line 1)
    SessionWriter writer;
    QVERIFY(writer.openForAppend(path));
    const EventBatch more = sampleEvents(1);
    QVERIFY(writer.write(more));
    QVERIFY(writer.close());
    const SessionReader::Loaded loaded = SessionReader::load(path);
    QVERIFY(loaded.ok);
    QCOMPARE(loaded.warnings.size(), 1);
    QVERIFY2(loaded.warnings.constFirst().startsWith(u"line %1: not valid JSON"_s.arg(damagedLine)),
        qPrintable(loaded.warnings.constFirst()));
    compareEvents(events.first(events.size() - 1) + more, loaded.events);
}

void tst_SessionFile::appendRefusesOtherFiles()
{
    const QString path = m_dir.filePath(u"notes.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("my notes\n");
    file.close();
    SessionWriter writer;
    QSignalSpy errors(&writer, &SessionWriter::errorOccurred);
    QVERIFY(!writer.openForAppend(path));
    QCOMPARE(writer.errorString(),
        u"Cannot append to %1: it is not a session file this version can write to (its first line is not a "
        u"session header)"_s
            .arg(QDir::toNativeSeparators(path)));
    QCOMPARE(errors.size(), 1);
    QVERIFY(!writer.write(sampleEvents(1)));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("my notes\n")); // untouched
}

void tst_SessionFile::concatenatedLinesStayValid()
{
    // Lines of two sessions (same time origin) concatenated: one valid session.
    const EventBatch a = sampleEvents(3);
    const EventBatch b = sampleEvents(2);
    const QByteArray fileA = sampleFile(a);
    const QByteArray fileB = sampleFile(b);
    const QByteArray joined = fileA + fileB.mid(fileB.indexOf('\n') + 1);
    SessionReader reader;
    QVERIFY(reader.openData(joined));
    compareEvents(a + b, reader.readAll());
    QCOMPARE(reader.warnings(), QStringList());
}

void tst_SessionFile::atomicSave()
{
    const QString path = m_dir.filePath(u"saved/session.fls"_s);
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    const EventBatch events = sampleEvents(5);
    QString error;
    QVERIFY2(SessionWriter::save(path, events, SessionHeader::forNewSession(), &error), qPrintable(error));
    compareEvents(events, SessionReader::load(path).events);
    if (QTest::currentTestFailed())
        return;

    // Saving over it replaces it whole.
    const EventBatch other = sampleEvents(2);
    QVERIFY(SessionWriter::save(path, other, SessionHeader::forNewSession(), &error));
    compareEvents(other, SessionReader::load(path).events);
    if (QTest::currentTestFailed())
        return;

    // An abandoned save (cancel(), or a writer destroyed before close()) leaves the old file.
    {
        SessionWriter writer;
        QVERIFY(writer.createAtomic(path));
        QVERIFY(writer.write(events));
        QVERIFY(writer.flush());
        compareEvents(other, SessionReader::load(path).events); // not in place before close()
        writer.cancel();
    }
    {
        SessionWriter writer;
        QVERIFY(writer.createAtomic(path));
        QVERIFY(writer.write(events));
    }
    compareEvents(other, SessionReader::load(path).events);
    if (QTest::currentTestFailed())
        return;
    // No temporary files stay behind.
    QCOMPARE(QDir(QFileInfo(path).path()).entryList(QDir::Files), QStringList { u"session.fls"_s });

    // A folder that does not exist: a clear error, nothing written.
    const QString nowhere = m_dir.filePath(u"missing/folder/session.fls"_s);
    QVERIFY(!SessionWriter::save(nowhere, events, SessionHeader::forNewSession(), &error));
    QVERIFY2(error.startsWith(u"Cannot save the session file %1: "_s.arg(QDir::toNativeSeparators(nowhere))),
        qPrintable(error));
    QVERIFY(!QFile::exists(nowhere));
}

void tst_SessionFile::flushTimer()
{
    const QString path = m_dir.filePath(u"timer.fls"_s);
    SessionWriter writer;
    QCOMPARE(writer.flushInterval(), 200);
    QVERIFY(writer.create(path));
    const qint64 headerSize = QFileInfo(path).size();
    QVERIFY(headerSize > 0); // the header is written at once
    QElapsedTimer clock;
    clock.start();
    QVERIFY(writer.write(sampleEvents(1)));
    QVERIFY(writer.bufferedBytes() > 0);
    QCOMPARE(QFileInfo(path).size(), headerSize); // buffered, not yet on disk
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > headerSize, 2000);
    QCOMPARE(writer.bufferedBytes(), 0);
    QVERIFY2(clock.elapsed() >= 150, qPrintable(QString::number(clock.elapsed())));
    // A second line waits for its own interval.
    QVERIFY(writer.write(sampleEvents(1)));
    const qint64 size = QFileInfo(path).size();
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > size, 2000);

    // Without the timer, only flush() writes.
    writer.setFlushInterval(0);
    QVERIFY(writer.write(sampleEvents(1)));
    const qint64 waiting = QFileInfo(path).size();
    QTest::qWait(400);
    QCOMPARE(QFileInfo(path).size(), waiting);
    QVERIFY(writer.flush());
    QVERIFY(QFileInfo(path).size() > waiting);
    QVERIFY(writer.close());
    QCOMPARE(SessionReader::load(path).events.size(), 3 * 3);
}

void tst_SessionFile::largeBatchFlushesAtOnce()
{
    const QString path = m_dir.filePath(u"large.fls"_s);
    SessionWriter writer;
    writer.setFlushInterval(0);
    QVERIFY(writer.create(path));
    FrameEvent frame = std::get<FrameEvent>(sampleEvents(3).at(5)); // a binary frame
    frame.payload = QByteArray(1024 * 1024, 'z');
    // Lines of 1.33 MiB: the third takes the buffer past 4 MiB, and it goes to the file without a flush().
    QVERIFY(writer.write(frame));
    QVERIFY(writer.write(frame));
    const qint64 twoLines = writer.bufferedBytes();
    QVERIFY(twoLines > 2 * 1024 * 1024);
    QVERIFY(QFileInfo(path).size() < 1024);
    QVERIFY(writer.write(frame));
    QCOMPARE(writer.bufferedBytes(), 0);
    QVERIFY(QFileInfo(path).size() > 4 * 1024 * 1024);
    QVERIFY(writer.write(frame));
    QCOMPARE(writer.bufferedBytes(), twoLines / 2);
    QVERIFY(writer.close());
    QCOMPARE(SessionReader::load(path).events.size(), 4);
}

void tst_SessionFile::diskFull()
{
    if (!QFile::exists(u"/dev/full"_s))
        QSKIP("no /dev/full on this system");
    SessionWriter writer;
    QSignalSpy errors(&writer, &SessionWriter::errorOccurred);
    QVERIFY(!writer.create(u"/dev/full"_s));
    QVERIFY(writer.hasError());
    QVERIFY2(writer.errorString().startsWith(u"Cannot write the session file /dev/full: "_s),
        qPrintable(writer.errorString()));
    QVERIFY2(writer.errorString().contains(u"No space left on device"_s), qPrintable(writer.errorString()));
    QCOMPARE(errors.size(), 1);
    QVERIFY(!writer.write(sampleEvents(1)));
    QVERIFY(!writer.flush());
    QVERIFY(!writer.close());
    QCOMPARE(errors.size(), 1); // reported once
}

void tst_SessionFile::cannotCreate()
{
    const QString path = m_dir.filePath(u"no/such/folder/session.fls"_s);
    SessionWriter writer;
    QSignalSpy errors(&writer, &SessionWriter::errorOccurred);
    QVERIFY(!writer.create(path));
    QVERIFY2(writer.errorString().startsWith(
                 u"Cannot create the session file %1: "_s.arg(QDir::toNativeSeparators(path))),
        qPrintable(writer.errorString()));
    QCOMPARE(errors.size(), 1);
    QVERIFY(!writer.write(sampleEvents(1)));
    // A directory is not a file either.
    QVERIFY(!writer.create(m_dir.path()));
    QVERIFY(writer.errorString().startsWith(u"Cannot create the session file "_s));
    SessionReader reader;
    QVERIFY(!reader.open(path));
    QVERIFY2(reader.errorString().startsWith(u"Cannot open %1: "_s.arg(QDir::toNativeSeparators(path))),
        qPrintable(reader.errorString()));
}

// ---- index ---------------------------------------------------------------------------------------------

void tst_SessionFile::indexAndReadAt()
{
    EventBatch events = sampleEvents(12);
    FrameEvent violating = std::get<FrameEvent>(events.at(1));
    violating.frame.rsv2 = true;
    violating.frame.masked = true;
    violating.frame.maskingKey = { 1, 2, 3, 4 };
    violating.frame.violations = { ViolationText::make(ViolationKind::ReservedBitsSet, u"RSV2"_s) };
    events.append(violating);
    ConnectionNotice violation;
    violation.kind = ConnectionNotice::Kind::Violation;
    violation.violation = violating.frame.violations.constFirst();
    events.append(violation);
    const QString path = m_dir.filePath(u"indexed.fls"_s);
    QString error;
    QVERIFY(SessionWriter::save(path, events, SessionHeader::forNewSession(), &error));
    // A damaged line in the middle: the index skips it with the same warning as a full read.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = linesOf(file.readAll());
    file.close();
    lines[5] = "{broken";
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(joinLines(lines));
    file.close();
    EventBatch expected = events;
    expected.remove(4);

    SessionReader reader;
    QVERIFY(reader.open(path));
    const SessionIndex index = reader.buildIndex();
    QCOMPARE(index.warnings, QStringList { u"line 6: not valid JSON: expected a field name at column 2"_s });
    QCOMPARE(index.entries.size(), expected.size());
    QCOMPARE(index.frameCount, 13);
    QCOMPARE(index.messageCount, 11);
    QCOMPARE(index.noticeCount, 2);
    QCOMPARE(index.fileSize, QFileInfo(path).size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const SessionIndex::Entry &entry = index.entries.at(i);
        const auto event = reader.readEventAt(entry.offset, &error);
        QVERIFY2(event, qPrintable(error));
        compareEvent(expected.at(i), *event);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(entry.line, qint32(i < 4 ? i + 2 : i + 3));
        QCOMPARE(entry.length, qint64(lines.at(entry.line - 1).size()));
        if (const auto *frame = std::get_if<FrameEvent>(&expected.at(i))) {
            QCOMPARE(entry.kind, SessionIndex::Kind::Frame);
            QCOMPARE(entry.connectionId, frame->connectionId);
            QCOMPARE(entry.timestampNs, frame->timestampNs);
            QCOMPARE(entry.direction, frame->direction);
            QCOMPARE(entry.origin, frame->origin);
            QCOMPARE(entry.opcode, frame->frame.opcode);
            QCOMPARE(entry.messageOpcode, frame->frame.messageOpcode);
            QCOMPARE(entry.payloadLength, frame->frame.payloadLength);
            QCOMPARE(bool(entry.fin), frame->frame.fin);
            QCOMPARE(bool(entry.rsv2), frame->frame.rsv2);
            QCOMPARE(bool(entry.masked), frame->frame.masked);
            QCOMPARE(bool(entry.hasViolation), !frame->frame.violations.isEmpty());
        } else if (const auto *message = std::get_if<MessageEvent>(&expected.at(i))) {
            QCOMPARE(entry.kind, SessionIndex::Kind::Message);
            QCOMPARE(entry.opcode, message->message.opcode);
            QCOMPARE(entry.payloadLength, quint64(message->message.payload.size()));
        } else {
            const auto &notice = std::get<ConnectionNotice>(expected.at(i));
            QCOMPARE(entry.kind, SessionIndex::Kind::Notice);
            QCOMPARE(entry.noticeKind, notice.kind);
            QCOMPARE(bool(entry.hasViolation), notice.kind == ConnectionNotice::Kind::Violation);
        }
    }
    // Offsets that are not the start of an event line.
    QVERIFY(!reader.readEventAt(0, &error)); // the header
    QCOMPARE(error, u"No event line starts at byte 0 of %1"_s.arg(QDir::toNativeSeparators(path)));
    QVERIFY(!reader.readEventAt(index.entries.at(3).offset + 1, &error));
    QVERIFY(!reader.readEventAt(index.fileSize, &error));
    QVERIFY(!reader.readEventAt(-5, &error));
    const qint64 broken = index.entries.at(3).offset + index.entries.at(3).length + 1;
    QVERIFY(!reader.readEventAt(broken, &error));
    QVERIFY2(error.startsWith(u"The event at byte %1 of "_s.arg(broken)), qPrintable(error));
    // Any thread may read events by offset at once.
    std::atomic<int> mismatches = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int round = 0; round < 50; ++round) {
                for (const SessionIndex::Entry &entry : index.entries) {
                    if (!reader.readEventAt(entry.offset))
                        ++mismatches;
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(mismatches.load(), 0);
}

void tst_SessionFile::indexPayloadSizes()
{
    // Sizes of payloads the index pass does not decode: escapes in text, every base64 padding.
    EventBatch events;
    const QList<QByteArray> payloads { QByteArray(), "a", "ab", "abc", "abcd", "line\nbreak\t\"q\"\\",
        "\xc3\xa9\xe2\x82\xac\xf0\x9f\x99\x82", "\x01\x02\x1f", allByteValues(), allByteValues().left(255),
        allByteValues().left(254) };
    for (const QByteArray &payload : payloads) {
        for (quint8 opcode : { quint8(1), quint8(2) }) {
            MessageEvent message;
            message.message.opcode = opcode;
            message.message.payload = payload;
            events.append(message);
        }
    }
    QList<QByteArray> lines = linesOf(sampleFile(events));
    // Another writer's escapes of the same text.
    lines.append(QByteArray("{\"type\":\"message\",\"connection\":0,\"time\":0,\"direction\":\"in\","
                            "\"origin\":\"peer\",\"index\":0,\"opcode\":1,\"offset\":0,\"frameIndexes\":[],"
                            "\"wireLength\":0,\"text\":\"\\u00e9\\ud83d\\ude42\\/\"}"));
    SessionReader reader;
    QVERIFY(reader.openData(joinLines(lines)));
    const SessionIndex index = reader.buildIndex();
    QCOMPARE(index.warnings, QStringList());
    QCOMPARE(index.entries.size(), events.size() + 1);
    for (qsizetype i = 0; i < events.size(); ++i)
        QCOMPARE(index.entries.at(i).payloadLength,
            quint64(std::get<MessageEvent>(events.at(i)).message.payload.size()));
    QCOMPARE(index.entries.constLast().payloadLength, quint64(2 + 4 + 1));
}

void tst_SessionFile::indexOfLargeFileInParallel()
{
    // A file big enough to be indexed in several chunks at once, with damaged lines spread through it
    // (also right at the places where it is cut), blank lines, and a truncated last line: the index
    // agrees with a sequential read, line numbers and warnings included.
    const EventBatch sample = sampleEvents(20);
    QList<QByteArray> lines { SessionFormat::encodeHeader(SessionHeader::forNewSession()).chopped(1) };
    EventBatch expected;
    QRandomGenerator random(99);
    while (lines.size() < 40000) {
        const ConnectionEvent &event = sample.at(random.bounded(int(sample.size())));
        expected.append(event);
        lines.append(SessionFormat::encodeEvent(event).chopped(1));
        if (random.bounded(500) == 0)
            lines.append("{\"type\":\"frame\",\"connection\":");
        if (random.bounded(700) == 0)
            lines.append(QByteArray());
    }
    for (int i = 1; i <= 16; ++i) {
        // Where a cut into i chunks falls, give or take a line.
        const qsizetype at = qMin<qsizetype>(lines.size() - 1, lines.size() * i / 17 + 1);
        lines.insert(at, "not json at a cut");
    }
    QByteArray data = joinLines(lines);
    data += "{\"type\":\"info\",\"conn"; // cut short
    QVERIFY(data.size() > 8 * 1024 * 1024);
    SessionReader reader;
    QVERIFY(reader.openData(data));
    const SessionIndex index = reader.buildIndex();
    const EventBatch readBack = reader.readAll();
    QCOMPARE(index.warnings, reader.warnings());
    QVERIFY(index.warnings.size() > 20);
    QCOMPARE(index.warnings.constLast(), u"last line truncated"_s);
    QCOMPARE(index.entries.size(), expected.size());
    QCOMPARE(readBack.size(), expected.size());
    QCOMPARE(index.frameCount + index.messageCount + index.noticeCount, qint64(expected.size()));
    compareEvents(expected, readBack);
    if (QTest::currentTestFailed())
        return;
    const QList<QByteArray> fileLines = data.split('\n');
    for (qsizetype i = 0; i < index.entries.size(); i += 97) {
        const SessionIndex::Entry &entry = index.entries.at(i);
        QCOMPARE(fileLines.at(entry.line - 1), QByteArray(data.mid(entry.offset, entry.length)));
        compareEvent(expected.at(i), *reader.readEventAt(entry.offset));
        if (QTest::currentTestFailed())
            return;
    }
}

// Indexes `path` into `store` (indexed mode over a new SessionEventFile, failures collected in *failures).
std::shared_ptr<SessionEventFile> indexInto(const QString &path, FrameStore *store, QStringList *failures)
{
    auto file = std::make_shared<SessionEventFile>();
    QString error;
    if (!file->open(path, 0, &error))
        return nullptr;
    file->setFailureHandler([failures](const QString &failure) { failures->append(failure); });
    store->setEventFile(file);
    SessionReader reader;
    if (!reader.open(path))
        return nullptr;
    bool ok = true;
    reader.buildIndex([&](const SessionIndex::Entry &entry, const qint64 *frames) {
        ok = ok && store->appendIndexed(entry, frames, 0, &error);
    });
    return ok ? file : nullptr;
}

void tst_SessionFile::indexedFileChangedUnderneath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"changing.flsession"_s);
    const EventBatch events = sampleEvents(200);
    const QByteArray bytes = sampleFile(events);
    const auto write = [&path](const QByteArray &content) {
        QFile out(path);
        return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(content) == content.size();
    };
    QVERIFY(write(bytes));
    FrameStore expected;
    expected.append(events);

    // Truncated while open: the rows stay, a payload beyond the end reads empty and the file is said to
    // have changed, once; what is still there reads as before.
    {
        FrameStore store;
        QStringList failures;
        QVERIFY(indexInto(path, &store, &failures));
        const qint64 last = store.entryCount() - 1;
        QVERIFY(store.summary(last).kind == FrameStore::Summary::Kind::Frame);
        QVERIFY(!expected.payload(last).isEmpty());
        QCOMPARE(store.payload(last), expected.payload(last)); // read (and cached) while the file was whole
        QVERIFY(QFile::resize(path, bytes.size() / 2));
        const qint64 late = last - 2;
        QVERIFY(!expected.payload(late).isEmpty());
        QCOMPARE(store.payload(late), QByteArray());
        QCOMPARE(failures.size(), 1);
        QVERIFY2(failures.constFirst().contains(u"is shorter than when it was opened"_s),
            qPrintable(failures.constFirst()));
        const EntryDetails details = store.frameDetails(late);
        QCOMPARE(details.kind, EntryDetails::Kind::Frame);
        QVERIFY(details.payload.isEmpty());
        QVERIFY(details.payloadTruncated); // the inspector says the payload is not all there
        QCOMPARE(store.messagePayload(store.messageCount() - 2), QByteArray());
        QCOMPARE(failures.size(), 1); // said once
        QCOMPARE(store.payload(1), expected.payload(1)); // the start of the file is still there
        QCOMPARE(store.summary(late).payloadLength, expected.summary(late).payloadLength);
    }

    // Rewritten in place with other events: noticed, not shown as if they were the indexed ones.
    QVERIFY(write(bytes));
    {
        FrameStore store;
        QStringList failures;
        QVERIFY(indexInto(path, &store, &failures));
        EventBatch other = sampleEvents(200);
        for (ConnectionEvent &event : other)
            std::visit([](auto &value) { value.timestampNs += 7; }, event);
        QVERIFY(write(sampleFile(other)));
        const qint64 entry = store.entryCount() - 1;
        QCOMPARE(store.payload(entry), QByteArray());
        QCOMPARE(failures.size(), 1);
        QVERIFY2(failures.constFirst().contains(u"the file has changed"_s), qPrintable(failures.constFirst()));
        // Put back as it was: it reads again.
        QVERIFY(write(bytes));
        QCOMPARE(store.payload(entry), expected.payload(entry));
    }

    // Deleted while open (the handle keeps it readable on Unix), or emptied: never a crash.
    {
        FrameStore store;
        QStringList failures;
        QVERIFY(indexInto(path, &store, &failures));
        QVERIFY(QFile::resize(path, 0));
        for (qint64 entry = 0; entry < store.entryCount(); ++entry) {
            store.payload(entry);
            store.frameDetails(entry);
        }
        for (qint64 message = 0; message < store.messageCount(); ++message)
            store.messageDetails(message);
        QCOMPARE(failures.size(), 1);
    }
}

QTEST_GUILESS_MAIN(tst_SessionFile)
#include "tst_sessionfile.moc"
