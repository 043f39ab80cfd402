// FrameStore: records, payloads and message links from real decoded events (bytes on the wire through the
// StreamDecoder, and a real client/server pair on loopback), notices and connection records, omitted and
// large payloads, memory per frame, and readers in another thread while the owner appends.

#include "app/net/clientconnection.h"
#include "app/net/server.h"
#include "app/protocol/closecode.h"
#include "app/protocol/framewriter.h"
#include "app/protocol/streamdecoder.h"
#include "app/session/framestore.h"
#include "tests/common/eventcollector.h"
#include "tests/common/wirescript.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <atomic>
#include <thread>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::WireScript;

namespace {

QByteArray frameBytes(quint8 opcode, const QByteArray &payload, bool fin, Endpoint sender)
{
    return FrameWriter::frame(sender, opcode, payload, fin);
}

} // namespace

class tst_FrameStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framesMessagesAndLinks();
    void headerRebuiltExactly();
    void noticesAndConnectionRecords();
    void violationsAreKept();
    void omittedAndLargePayloads();
    void messagesSplitAcrossBatches();
    void severalConnections();
    void clearEmptiesEverything();
    void memoryPerFrame();
    void realConnectionPair();
    void readersWhileAppending();
};

void tst_FrameStore::framesMessagesAndLinks()
{
    WireScript script;
    script.out(FrameWriter::text(Endpoint::Client, "hello"));
    script.in(frameBytes(0x2, "abc", false, Endpoint::Server));
    script.in(FrameWriter::ping(Endpoint::Server, "p"));
    script.in(frameBytes(0x0, "def", false, Endpoint::Server));
    script.in(frameBytes(0x0, "gh", true, Endpoint::Server));
    script.in(FrameWriter::close(Endpoint::Server, 1000, u"bye"_s));

    FrameStore store;
    store.append(script.take());
    QCOMPARE(store.entryCount(), 6);
    QCOMPARE(store.messageCount(), 2);

    // Entry 0: the client's masked text frame, a whole message.
    FrameStore::Summary s = store.summary(0);
    QCOMPARE(s.kind, FrameStore::Summary::Kind::Frame);
    QCOMPARE(s.direction, Direction::Outgoing);
    QCOMPARE(s.origin, FrameOrigin::User);
    QCOMPARE(s.opcode, quint8(1));
    QVERIFY(s.fin);
    QVERIFY(s.masked);
    QCOMPARE(s.payloadLength, quint64(5));
    QCOMPARE(s.position, FramePosition::Whole);
    QCOMPARE(s.messageId, qint64(0));
    QCOMPARE(s.timestampNs, qint64(1000000));
    QCOMPARE(store.payload(0), QByteArray("hello"));
    // The whole message shares the frame's stored bytes.
    QCOMPARE(store.messagePayload(0), QByteArray("hello"));
    QCOMPARE(store.messagePayload(0).constData(), store.payload(0).constData());
    QCOMPARE(store.messageFirstEntry(0), qint64(0));
    QCOMPARE(store.messageLastEntry(0), qint64(0));
    QCOMPARE(store.messageFrameCount(0), 1);
    QCOMPARE(store.messageOpcode(0), quint8(1));
    QCOMPARE(store.messageFrameEntry(0, 0), qint64(0));

    // Entries 1, 3, 4: the fragmented binary message; entry 2: the ping between its fragments.
    QCOMPARE(store.summary(1).position, FramePosition::First);
    QCOMPARE(store.summary(1).messageId, qint64(1));
    QVERIFY(!store.summary(1).fin);
    QVERIFY(!store.summary(1).masked);
    QCOMPARE(store.summary(2).opcode, quint8(9));
    QCOMPARE(store.summary(2).position, FramePosition::Control);
    QCOMPARE(store.summary(2).messageId, qint64(-1));
    QCOMPARE(store.payload(2), QByteArray("p"));
    QCOMPARE(store.summary(3).position, FramePosition::Middle);
    QCOMPARE(store.summary(3).messageOpcode, quint8(2));
    QCOMPARE(store.summary(4).position, FramePosition::Last);
    QCOMPARE(store.summary(4).messageId, qint64(1));
    QCOMPARE(store.messageFirstEntry(1), qint64(1));
    QCOMPARE(store.messageLastEntry(1), qint64(4));
    QCOMPARE(store.messageFrameCount(1), 3);
    QCOMPARE(store.messageFrameEntry(1, 0), qint64(1));
    QCOMPARE(store.messageFrameEntry(1, 1), qint64(3));
    QCOMPARE(store.messageFrameEntry(1, 2), qint64(4));
    QCOMPARE(store.messageOpcode(1), quint8(2));
    QCOMPARE(store.messagePayload(1), QByteArray("abcdefgh"));

    const FrameStore::MessageSummary m = store.messageSummary(1);
    QCOMPARE(m.firstEntry, qint64(1));
    QCOMPARE(m.lastEntry, qint64(4));
    QCOMPARE(m.frameCount, 3);
    QVERIFY(!m.compressed);
    QVERIFY(!m.hasViolation);

    // Entry 5: the close frame.
    QCOMPARE(store.summary(5).opcode, quint8(8));
    QCOMPARE(store.payload(5),
        QByteArray("\x03\xe8"
                   "bye"));

    const EntryDetails message = store.messageDetails(1);
    QCOMPARE(message.kind, EntryDetails::Kind::Message);
    QCOMPARE(message.id, qint64(1));
    QCOMPARE(message.payload, QByteArray("abcdefgh"));
    QCOMPARE(message.frameIds, (QList<qint64> { 1, 3, 4 }));
    QCOMPARE(message.wireLength, quint64(8));
    QCOMPARE(message.frame.opcode, quint8(2));
    QCOMPARE(message.direction, Direction::Incoming);
    QCOMPARE(message.timestampNs, store.summary(4).timestampNs);

    const EntryDetails frame = store.frameDetails(3);
    QCOMPARE(frame.kind, EntryDetails::Kind::Frame);
    QCOMPARE(frame.id, qint64(3));
    QCOMPARE(frame.payload, QByteArray("def"));
    QCOMPARE(frame.messageId, qint64(1));
    QCOMPARE(frame.frame.index, qint64(2)); // the third incoming frame
    QCOMPARE(frame.frame.opcode, quint8(0));
    QCOMPARE(store.payloadBytes(), qint64(5 + 3 + 1 + 3 + 2 + 5 + 8)); // frames + the joined message
}

void tst_FrameStore::headerRebuiltExactly()
{
    // RFC 6455 §5.7: "a single-frame masked text message" and a 256-byte unmasked binary frame (16-bit
    // length), plus a non-minimal length form, rebuilt byte for byte.
    FrameSpec masked = FrameSpec::valid(Endpoint::Client, 0x1, "Hello");
    masked.masking = FrameSpec::Masking::Chosen;
    masked.maskingKey = { 0x37, 0xfa, 0x21, 0x3d };
    const QByteArray maskedBytes = FrameWriter::encode(masked);
    QCOMPARE(maskedBytes.left(6), QByteArray::fromHex("818537fa213d"));

    FrameSpec nonMinimal = FrameSpec::valid(Endpoint::Client, 0x2, "xy");
    nonMinimal.masking = FrameSpec::Masking::Chosen;
    nonMinimal.maskingKey = { 1, 2, 3, 4 };
    nonMinimal.lengthForm = LengthForm::Bits64;
    const QByteArray nonMinimalBytes = FrameWriter::encode(nonMinimal);

    WireScript script;
    script.out(maskedBytes);
    script.in(FrameWriter::binary(Endpoint::Server, QByteArray(256, 'z')));
    script.out(nonMinimalBytes);
    FrameStore store;
    store.append(script.take());
    QCOMPARE(store.entryCount(), 3);

    const EntryDetails first = store.frameDetails(0);
    QCOMPARE(first.frame.rawHeader().toByteArray(), QByteArray::fromHex("818537fa213d"));
    QCOMPARE(first.payload, QByteArray("Hello"));
    const EntryDetails second = store.frameDetails(1);
    QCOMPARE(second.frame.rawHeader().toByteArray(), QByteArray::fromHex("827e0100"));
    QCOMPARE(second.frame.lengthForm, LengthForm::Bits16);
    const EntryDetails third = store.frameDetails(2);
    QCOMPARE(third.frame.rawHeader().toByteArray(), nonMinimalBytes.left(14));
    QCOMPARE(third.frame.maskingKey, (std::array<quint8, 4> { 1, 2, 3, 4 }));
    QCOMPARE(third.frame.index, qint64(1));
}

void tst_FrameStore::noticesAndConnectionRecords()
{
    auto handshake = std::make_shared<HandshakeRecord>();
    handshake->url = u"ws://127.0.0.1:9001/chat"_s;
    handshake->requestBytes = "GET /chat HTTP/1.1\r\nHost: 127.0.0.1:9001\r\n\r\n";
    handshake->responseBytes = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n";
    handshake->accepted = true;
    auto tls = std::make_shared<TlsRecord>();
    tls->protocol = u"TLSv1.3"_s;
    tls->cipher = u"TLS_AES_256_GCM_SHA384"_s;
    tls->verified = true;

    WireScript script(7);
    script.state(ConnectionState::Connecting);
    ConnectionNotice tlsNotice;
    tlsNotice.kind = ConnectionNotice::Kind::Tls;
    tlsNotice.tls = tls;
    script.notice(tlsNotice);
    ConnectionNotice handshakeNotice;
    handshakeNotice.kind = ConnectionNotice::Kind::Handshake;
    handshakeNotice.handshake = handshake;
    script.notice(handshakeNotice);
    script.state(ConnectionState::Open);
    script.in(FrameWriter::text(Endpoint::Server, "hi"));
    ConnectionNotice ping;
    ping.kind = ConnectionNotice::Kind::PingRoundTrip;
    ping.roundTripNs = 1250000;
    script.notice(ping);

    FrameStore store;
    store.append(script.take());
    QCOMPARE(store.entryCount(), 6);
    QCOMPARE(store.summary(0).kind, FrameStore::Summary::Kind::Notice);
    QCOMPARE(store.summary(0).noticeKind, ConnectionNotice::Kind::StateChanged);
    QCOMPARE(store.summary(0).connectionId, quint64(7));
    QCOMPARE(store.payload(0), QByteArray("Connecting"));
    QCOMPARE(store.payload(1), QByteArray("TLS: TLSv1.3, TLS_AES_256_GCM_SHA384"));
    QCOMPARE(QString::fromUtf8(store.payload(2)),
        u"Handshake: GET /chat HTTP/1.1 \u2192 HTTP/1.1 101 Switching Protocols"_s);
    QCOMPARE(store.payload(5), QByteArray("Ping round trip: 1.25 ms"));
    QCOMPARE(store.connectionStartNs(7), qint64(1000000));
    QCOMPARE(store.notice(2).kind, ConnectionNotice::Kind::Handshake);
    QCOMPARE(store.notice(4).kind, ConnectionNotice::Kind::Info); // a frame: the default notice

    EntryDetails details = store.frameDetails(4);
    QCOMPARE(details.kind, EntryDetails::Kind::Frame);
    QCOMPARE(details.connectionHandshake.get(), handshake.get());
    QCOMPARE(details.connectionTls.get(), tls.get());
    QVERIFY(!details.connectionClose);
    QCOMPARE(details.connectionStartNs, qint64(1000000));

    details = store.frameDetails(2);
    QCOMPARE(details.kind, EntryDetails::Kind::Notice);
    QCOMPARE(details.notice.kind, ConnectionNotice::Kind::Handshake);
    QCOMPARE(details.notice.handshake.get(), handshake.get());

    // The connection ends: every entry now knows how.
    CloseInfo close;
    close.initiator = CloseInitiator::Remote;
    close.code = 1000;
    close.reason = u"bye"_s;
    close.sentCode = 1000;
    close.closingHandshakeCompleted = true;
    close.abnormal = false;
    script.state(ConnectionState::Closed, close);
    store.append(script.take());
    QCOMPARE(QString::fromUtf8(store.payload(6)),
        u"Closed: 1000 Normal Closure, reason \u201cbye\u201d (closing handshake completed)"_s);
    details = store.frameDetails(4);
    QVERIFY(details.connectionClose);
    QCOMPARE(details.connectionClose->code, quint16(1000));
    QCOMPARE(details.connectionClose->reason, u"bye"_s);
}

void tst_FrameStore::violationsAreKept()
{
    // A server frame that is masked (RFC 6455 §5.1) and has RSV2 set (§5.2).
    FrameSpec spec = FrameSpec::valid(Endpoint::Server, 0x1, "bad");
    spec.masking = FrameSpec::Masking::Chosen;
    spec.maskingKey = { 9, 9, 9, 9 };
    spec.rsv2 = true;
    WireScript script;
    script.in(FrameWriter::encode(spec));
    ConnectionNotice violation;
    violation.kind = ConnectionNotice::Kind::Violation;
    violation.violation
        = ViolationText::make(ViolationKind::MaskedServerFrame, u"The server masked a frame"_s);
    violation.text = u"Strict mode: failing the connection"_s;
    script.notice(violation);

    FrameStore store;
    store.append(script.take());
    QVERIFY(store.entryCount() >= 2);
    const FrameStore::Summary frame = store.summary(0);
    QVERIFY(frame.hasViolation);
    QVERIFY(frame.rsv2);
    const EntryDetails details = store.frameDetails(0);
    QVERIFY(details.violations.size() >= 2);
    QVERIFY(std::any_of(details.violations.cbegin(), details.violations.cend(),
        [](const Violation &v) { return v.kind == ViolationKind::MaskedServerFrame; }));
    QVERIFY(std::any_of(details.violations.cbegin(), details.violations.cend(),
        [](const Violation &v) { return v.kind == ViolationKind::ReservedBitsSet; }));

    const qint64 noticeEntry = store.entryCount() - 1;
    QVERIFY(store.summary(noticeEntry).hasViolation);
    QCOMPARE(store.summary(noticeEntry).noticeKind, ConnectionNotice::Kind::Violation);
    QCOMPARE(QString::fromUtf8(store.payload(noticeEntry)),
        u"masked-server-frame: The server masked a frame (Strict mode: failing the connection)"_s);
    const EntryDetails noticeDetails = store.frameDetails(noticeEntry);
    QCOMPARE(noticeDetails.violations.size(), 1);
    QCOMPARE(noticeDetails.violations.constFirst().kind, ViolationKind::MaskedServerFrame);
}

void tst_FrameStore::omittedAndLargePayloads()
{
    FrameEvent omitted;
    omitted.connectionId = 1;
    omitted.frame.opcode = 0x2;
    omitted.frame.fin = true;
    omitted.frame.payloadLength = quint64(1) << 40; // declared, never kept
    omitted.frame.lengthForm = LengthForm::Bits64;
    omitted.frame.payloadOmitted = true;
    omitted.frame.position = FramePosition::Whole;

    FrameEvent large;
    large.connectionId = 1;
    large.frame.opcode = 0x2;
    large.frame.fin = true;
    large.frame.position = FramePosition::Whole;
    large.frame.index = 1;
    large.payload = QByteArray(100000, 'L');
    large.frame.payloadLength = quint64(large.payload.size());
    large.frame.lengthForm = LengthForm::Bits64;

    FrameStore store;
    store.append({ omitted, large });
    const FrameStore::Summary s = store.summary(0);
    QVERIFY(s.payloadOmitted);
    QCOMPARE(s.payloadLength, quint64(1) << 40);
    QVERIFY(store.payload(0).isEmpty());
    const EntryDetails details = store.frameDetails(0);
    QVERIFY(details.payloadTruncated);
    QCOMPARE(details.frame.payloadLength, quint64(1) << 40);
    QCOMPARE(details.frame.rawHeader().toByteArray(), QByteArray::fromHex("827f0000010000000000"));

    // A large payload keeps the event's own buffer instead of a copy.
    QCOMPARE(store.payload(1).constData(), large.payload.constData());
    QCOMPARE(store.payload(1).size(), qsizetype(100000));
    QCOMPARE(store.payloadBytes(), qint64(100000));
    large.payload.fill('M'); // the event's copy detaches; the store's bytes stay
    QCOMPARE(store.payload(1), QByteArray(100000, 'L'));
}

void tst_FrameStore::messagesSplitAcrossBatches()
{
    // The first fragments arrive in one batch, the rest (and the message) in the next: the first
    // fragment is readable at once and links to its message once the message completes.
    WireScript script;
    script.in(frameBytes(0x1, "one ", false, Endpoint::Server));
    FrameStore store;
    store.append(script.take());
    QCOMPARE(store.entryCount(), 1);
    QCOMPARE(store.messageCount(), 0);
    QCOMPARE(store.summary(0).messageId, qint64(-1));

    script.in(frameBytes(0x0, "two", true, Endpoint::Server));
    store.append(script.take());
    QCOMPARE(store.entryCount(), 2);
    QCOMPARE(store.messageCount(), 1);
    QCOMPARE(store.summary(0).messageId, qint64(0));
    QCOMPARE(store.summary(1).messageId, qint64(0));
    QCOMPARE(store.messagePayload(0), QByteArray("one two"));
    QCOMPARE(store.messageFrameCount(0), 2);
}

void tst_FrameStore::severalConnections()
{
    // A server store: two clients interleaved; each message links to its own connection's frames.
    WireScript a(10);
    WireScript b(11);
    FrameStore store;
    a.out(frameBytes(0x1, "a1", false, Endpoint::Client));
    store.append(a.take());
    b.out(FrameWriter::text(Endpoint::Client, "b"));
    store.append(b.take());
    a.out(frameBytes(0x0, "a2", true, Endpoint::Client));
    store.append(a.take());
    QCOMPARE(store.entryCount(), 3);
    QCOMPARE(store.messageCount(), 2);
    QCOMPARE(store.summary(1).connectionId, quint64(11));
    QCOMPARE(store.summary(1).messageId, qint64(0));
    QCOMPARE(store.messagePayload(0), QByteArray("b"));
    QCOMPARE(store.messageFrameEntry(1, 0), qint64(0));
    QCOMPARE(store.messageFrameEntry(1, 1), qint64(2));
    QCOMPARE(store.messagePayload(1), QByteArray("a1a2"));
    QCOMPARE(store.connectionStartNs(11), qint64(1000000));
}

void tst_FrameStore::clearEmptiesEverything()
{
    WireScript script;
    script.state(ConnectionState::Open);
    script.in(FrameWriter::text(Endpoint::Server, "x"));
    FrameStore store;
    store.append(script.take());
    QCOMPARE(store.entryCount(), 2);
    store.clear();
    QCOMPARE(store.entryCount(), 0);
    QCOMPARE(store.messageCount(), 0);
    QCOMPARE(store.payloadBytes(), 0);
    QCOMPARE(store.connectionStartNs(1), qint64(0));
    QCOMPARE(store.frameDetails(0).kind, EntryDetails::Kind::None);
    script.in(FrameWriter::text(Endpoint::Server, "after"));
    store.append(script.take());
    QCOMPARE(store.entryCount(), 1);
    QCOMPARE(store.payload(0), QByteArray("after"));
    QCOMPARE(store.summary(0).messageId, qint64(0));
}

void tst_FrameStore::memoryPerFrame()
{
    // 200 000 whole text messages of 16 bytes, delivered like a connection does (frame, then message).
    FrameStore store;
    const int count = 200000;
    EventBatch batch;
    for (int i = 0; i < count; ++i) {
        FrameEvent frame;
        frame.connectionId = 1;
        frame.timestampNs = i;
        frame.frame.index = i;
        frame.frame.fin = true;
        frame.frame.opcode = 0x1;
        frame.frame.position = FramePosition::Whole;
        frame.payload = QByteArray::number(i).rightJustified(16, '0');
        frame.frame.payloadLength = 16;
        MessageEvent message;
        message.connectionId = 1;
        message.timestampNs = i;
        message.message.index = i;
        message.message.opcode = 0x1;
        message.message.frameIndexes.append(i);
        message.message.payload = frame.payload;
        message.message.wireLength = 16;
        batch.append(frame);
        batch.append(message);
        if (batch.size() >= 2000)
            store.append(std::exchange(batch, {}));
    }
    store.append(batch);
    QCOMPARE(store.entryCount(), count);
    QCOMPARE(store.messageCount(), count);
    QCOMPARE(store.payloadBytes(), qint64(count) * 16); // each message shares its frame's bytes
    const double perFrame = double(store.overheadBytes()) / count;
    qInfo("overhead per frame: %.1f bytes", perFrame);
    QVERIFY2(perFrame <= 64.0, qPrintable(QString::number(perFrame)));
    QCOMPARE(store.messagePayload(123456), QByteArray("0000000000123456"));
}

void tst_FrameStore::realConnectionPair()
{
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    Server server(serverOptions);
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    ClientConnection::Options clientOptions;
    clientOptions.url = QUrl(server.url());
    ClientConnection client(clientOptions);
    FrameStore store;
    connect(&client, &Connection::eventsReady, this,
        [&store](const EventBatch &events) { store.append(events); });
    QSignalSpy opened(&client, &Connection::opened);
    client.open();
    QVERIFY(opened.wait(5000));
    QVERIFY(client.sendText("Hello"));
    QVERIFY(client.sendBinary(QByteArray(70000, 'b')));
    QVERIFY(client.sendFragmented(0x1, "fragmented message", 3));
    QVERIFY(client.sendPing("p"));
    QSignalSpy closed(&client, &Connection::closed);
    QTRY_VERIFY_WITH_TIMEOUT(store.messageCount() >= 6, 5000); // three each way
    client.close(1000, u"done"_s);
    QVERIFY(closed.wait(5000));
    client.flushEvents();

    QCOMPARE(store.messageCount(), 6);
    int handshakes = 0;
    int frames = 0;
    for (qint64 entry = 0; entry < store.entryCount(); ++entry) {
        const FrameStore::Summary s = store.summary(entry);
        if (s.kind == FrameStore::Summary::Kind::Notice) {
            handshakes += s.noticeKind == ConnectionNotice::Kind::Handshake ? 1 : 0;
            continue;
        }
        ++frames;
        QCOMPARE(s.masked, s.direction == Direction::Outgoing); // RFC 6455 §5.1
        if (isDataOpcode(s.opcode) || s.opcode == 0)
            QVERIFY(s.messageId >= 0);
    }
    QCOMPARE(handshakes, 1);
    // Sent: text, binary, three fragments, ping, close; echoed: text, binary, the message in one frame,
    // pong, close.
    QCOMPARE(frames, (1 + 1 + 3 + 1 + 1) + (1 + 1 + 1 + 1 + 1));
    for (qint64 m = 0; m < store.messageCount(); ++m) {
        QByteArray joined;
        for (int i = 0; i < store.messageFrameCount(m); ++i) {
            const qint64 entry = store.messageFrameEntry(m, i);
            QCOMPARE(store.summary(entry).messageId, m);
            joined += store.payload(entry);
        }
        QCOMPARE(store.messagePayload(m), joined);
    }
    QCOMPARE(store.messagePayload(5), QByteArray("fragmented message"));
    const EntryDetails last = store.frameDetails(store.entryCount() - 1);
    QVERIFY(last.connectionHandshake);
    QVERIFY(last.connectionHandshake->accepted);
    QVERIFY(last.connectionClose);
    QCOMPARE(last.connectionClose->code, quint16(1000));
}

void tst_FrameStore::readersWhileAppending()
{
    // The owner appends 300 000 frames (every tenth a two-frame message) in batches while a reader thread
    // checks every published entry and message: payloads are exactly what was appended, never torn.
    FrameStore store;
    std::atomic<bool> done { false };
    std::atomic<qint64> checked { 0 };
    std::atomic<qint64> failures { 0 };
    auto expected = [](qint64 i) { return QByteArray::number(i).repeated(int(i % 7) + 1); };
    std::thread reader([&] {
        qint64 seen = 0;
        qint64 seenMessages = 0;
        while (true) {
            const bool last = done.load(std::memory_order_acquire);
            const qint64 count = store.entryCount();
            for (; seen < count; ++seen) {
                const FrameStore::Summary s = store.summary(seen);
                if (store.payload(seen) != QByteArrayView(expected(seen)) || s.timestampNs != seen)
                    failures.fetch_add(1);
            }
            const qint64 messages = store.messageCount();
            for (; seenMessages < messages; ++seenMessages) {
                const qint64 first = store.messageFirstEntry(seenMessages);
                const qint64 lastEntry = store.messageLastEntry(seenMessages);
                if (first < 0 || lastEntry >= store.entryCount())
                    failures.fetch_add(1);
                QByteArray joined;
                for (int f = 0; f < store.messageFrameCount(seenMessages); ++f)
                    joined += store.payload(store.messageFrameEntry(seenMessages, f));
                if (store.messagePayload(seenMessages) != QByteArrayView(joined))
                    failures.fetch_add(1);
            }
            checked.store(seen);
            if (last && seen == store.entryCount())
                break;
        }
    });

    const qint64 total = 300000;
    EventBatch batch;
    qint64 messageIndex = 0;
    for (qint64 i = 0; i < total; ++i) {
        FrameEvent frame;
        frame.connectionId = 1;
        frame.timestampNs = i;
        frame.frame.index = i;
        frame.frame.opcode = 0x2;
        frame.payload = expected(i);
        frame.frame.payloadLength = quint64(frame.payload.size());
        const bool opens = i % 10 == 0;
        const bool closes = i % 10 == 1;
        frame.frame.fin = !opens;
        frame.frame.position = opens ? FramePosition::First
            : closes                 ? FramePosition::Last
                                     : FramePosition::Whole;
        if (closes)
            frame.frame.opcode = 0x0;
        batch.append(frame);
        if (!opens) {
            MessageEvent message;
            message.connectionId = 1;
            message.message.index = messageIndex++;
            message.message.opcode = 0x2;
            if (closes) {
                message.message.frameIndexes = { i - 1, i };
                message.message.payload = expected(i - 1) + expected(i);
            } else {
                message.message.frameIndexes = { i };
                message.message.payload = frame.payload;
            }
            batch.append(message);
        }
        if (batch.size() >= 500)
            store.append(std::exchange(batch, {}));
    }
    store.append(batch);
    done.store(true, std::memory_order_release);
    reader.join();
    QCOMPARE(checked.load(), total);
    QCOMPARE(failures.load(), 0);
    QCOMPARE(store.messageCount(), qint64(total - total / 10));
}

QTEST_GUILESS_MAIN(tst_FrameStore)
#include "tst_framestore.moc"
