// Replay: scripts built from real recordings (which end recorded, the handshake to repeat, messages or
// exact frames, the replies each send followed, automatic answers left out), client replays against a
// local echo server (compare passes, the frames go out exactly as recorded, the replay is a new session)
// and against a server that changes one field (compare fails naming it, passes when it is ignored),
// pacing (speed factor, fast, step by step, waiting for replies and its timeout), stopping, a server that
// cannot be reached, and the mock server answering several clients with the recorded server side.

#include "app/net/clientconnection.h"
#include "app/net/clock.h"
#include "app/net/server.h"
#include "app/protocol/closecode.h"
#include "app/protocol/opcode.h"
#include "app/session/compare.h"
#include "app/session/replay.h"
#include "app/session/sessionreader.h"
#include "app/session/sessionwriter.h"
#include "tests/common/eventcollector.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::EventCollector;

namespace {

constexpr int WaitMs = 10000;

const QByteArray QuoteJson = R"({"op":"quote","item":"apple","price":10})";
const QByteArray BinaryBytes("\x00\xff\x10", 3);

struct Recording
{
    EventBatch client; // what the client recorded
    EventBatch server; // what the server recorded
    QString url; // the URL the client dialled
};

// "out text hello", "in binary 00ff10", "out close 1000": the messages and Close frames of a batch, in order.
QStringList traffic(const EventBatch &events)
{
    QStringList lines;
    for (const ConnectionEvent &event : events) {
        if (const auto *message = std::get_if<MessageEvent>(&event)) {
            const bool text = message->message.opcode == quint8(Opcode::Text);
            lines.append(u"%1 %2 %3"_s.arg(message->direction == Direction::Outgoing ? u"out"_s : u"in"_s,
                text ? u"text"_s : u"binary"_s,
                text ? QString::fromUtf8(message->message.payload)
                     : QString::fromLatin1(message->message.payload.toHex())));
        } else if (const auto *frame = std::get_if<FrameEvent>(&event);
                   frame && frame->frame.opcode == quint8(Opcode::Close)) {
            const ClosePayload close = ClosePayload::parse(frame->payload);
            lines.append(u"%1 close %2"_s.arg(frame->direction == Direction::Outgoing ? u"out"_s : u"in"_s)
                             .arg(close.code.value_or(0)));
        }
    }
    return lines;
}

QList<MessageEvent> messagesOf(const EventBatch &events, Direction direction)
{
    QList<MessageEvent> result;
    for (const ConnectionEvent &event : events) {
        if (const auto *message = std::get_if<MessageEvent>(&event);
            message && message->direction == direction)
            result.append(*message);
    }
    return result;
}

QList<FrameEvent> framesOf(const EventBatch &events, Direction direction)
{
    QList<FrameEvent> result;
    for (const ConnectionEvent &event : events) {
        if (const auto *frame = std::get_if<FrameEvent>(&event); frame && frame->direction == direction)
            result.append(*frame);
    }
    return result;
}

std::shared_ptr<const HandshakeRecord> handshakeOf(const EventBatch &events)
{
    for (const ConnectionEvent &event : events) {
        if (const auto *notice = std::get_if<ConnectionNotice>(&event); notice && notice->handshake)
            return notice->handshake;
    }
    return nullptr;
}

// A local server that answers every message it gets through `answer` (nothing for nullopt), after
// `delayMs`: the servers a replay is checked against.
class AnsweringServer
{
public:
    using Answer = std::function<std::optional<QByteArray>(const Message &)>;

    explicit AnsweringServer(Answer answer, int delayMs = 0, Server::Options options = {})
        : m_answer(std::move(answer))
        , m_delayMs(delayMs)
        , m_server(std::make_unique<Server>(withManual(options)))
    {
        QObject::connect(
            m_server.get(), &Server::clientConnected, m_server.get(), [this](Connection *client) {
                QObject::connect(
                    client, &Connection::eventsReady, client, [this, client](const EventBatch &batch) {
                        for (const MessageEvent &message : messagesOf(batch, Direction::Incoming)) {
                            const auto reply = m_answer(message.message);
                            if (!reply)
                                continue;
                            const quint8 opcode = message.message.opcode;
                            if (m_delayMs == 0) {
                                client->sendMessage(opcode, *reply, FrameOrigin::Automatic);
                            } else {
                                QTimer::singleShot(m_delayMs, client, [client, opcode, bytes = *reply] {
                                    client->sendMessage(opcode, bytes, FrameOrigin::Automatic);
                                });
                            }
                        }
                    });
            });
        QString error;
        if (!m_server->listen(&error))
            qFatal("listen: %s", qPrintable(error));
    }

    Server &server() { return *m_server; }
    QString url(const QString &path = u"chat?room=1"_s) const { return m_server->url() + path; }

    static std::optional<QByteArray> echo(const Message &message) { return message.payload; }

private:
    static Server::Options withManual(Server::Options options)
    {
        options.behaviour = Server::Behaviour::Manual;
        return options;
    }
    Answer m_answer;
    int m_delayMs;
    std::unique_ptr<Server> m_server;
};

Server::Options chatServerOptions()
{
    Server::Options options;
    options.handshake.subprotocols = { "chat" };
    return options;
}

ClientConnection::Options chatClientOptions()
{
    ClientConnection::Options options;
    options.subprotocols = { "superchat", "chat" };
    options.offerDeflate = true;
    options.deflateOffer.clientMaxWindowBitsOffered = true;
    options.origin = "http://shop.example";
    options.headers = { { "X-Token", "abc123" } };
    return options;
}

// Records a real client driven by `drive` against `server`, closing with 1000 at the end; both ends'
// events are kept.
void record(AnsweringServer &server, ClientConnection::Options options,
    const std::function<void(ClientConnection &, EventCollector &)> &drive, Recording *out)
{
    EventCollector serverEvents;
    serverEvents.follow(&server.server());
    options.url = QUrl(server.url());
    ClientConnection client(options);
    EventCollector clientEvents;
    clientEvents.follow(&client);
    QSignalSpy opened(&client, &Connection::opened);
    QSignalSpy closed(&client, &Connection::closed);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, WaitMs);
    drive(client, clientEvents);
    if (QTest::currentTestFailed())
        return;
    client.close(1000);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(server.server().clients().isEmpty(), WaitMs);
    out->client = clientEvents.events;
    out->server = serverEvents.events;
    out->url = server.url();
}

// The shop recording: a JSON quote, three binary bytes, a ping, a text sent in three fragments, each
// after the answer to the one before; then a close with 1000.
void recordShop(AnsweringServer &server, Recording *out)
{
    record(
        server, chatClientOptions(),
        [](ClientConnection &client, EventCollector &events) {
            QVERIFY(client.sendText(QuoteJson));
            QTRY_COMPARE_WITH_TIMEOUT(events.messages(Direction::Incoming).size(), 1, WaitMs);
            QVERIFY(client.sendBinary(BinaryBytes));
            QTRY_COMPARE_WITH_TIMEOUT(events.messages(Direction::Incoming).size(), 2, WaitMs);
            QVERIFY(client.sendPing("p"));
            QTRY_COMPARE_WITH_TIMEOUT(events.frames(Direction::Incoming).size(), 3, WaitMs); // the pong
            QVERIFY(client.sendFragmented(0x1, "hello", 3));
            QTRY_COMPARE_WITH_TIMEOUT(events.messages(Direction::Incoming).size(), 3, WaitMs);
        },
        out);
}

// Runs a replay to its end.
void runToEnd(ClientReplay &replay)
{
    QSignalSpy finished(&replay, &ClientReplay::finished);
    replay.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
}

ReplayScript scriptOf(
    const EventBatch &events, Endpoint plays, ReplayScript::Content content = ReplayScript::Content::Messages)
{
    QString error;
    const quint64 id = ReplayScript::firstConnection(events, std::nullopt);
    const auto script = ReplayScript::build(events, id, plays, content, &error);
    if (!script)
        qFatal("script: %s", qPrintable(error));
    return *script;
}

ClientReplay::Options fastTo(const QString &url)
{
    ClientReplay::Options options;
    options.url = QUrl(url);
    options.replay.timing = ReplayOptions::Timing::Fast;
    return options;
}

// A hand-written client recording: login, welcome, news, bye, ciao, then the client closes.
EventBatch handWrittenChat()
{
    EventBatch events;
    auto record = std::make_shared<HandshakeRecord>();
    record->url = u"ws://chat.example/live"_s;
    record->accepted = true;
    record->subprotocol = "chat";
    record->expectedAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    record->request = HttpMessage::request("GET", "/live");
    record->request.addField("Host", "chat.example");
    record->request.addField("Sec-WebSocket-Protocol", "chat");
    ConnectionNotice handshake;
    handshake.connectionId = 4;
    handshake.timestampNs = 1'000'000;
    handshake.kind = ConnectionNotice::Kind::Handshake;
    handshake.state = ConnectionState::Upgrading;
    handshake.handshake = record;
    events.append(handshake);
    ConnectionNotice open;
    open.connectionId = 4;
    open.timestampNs = 2'000'000;
    open.kind = ConnectionNotice::Kind::StateChanged;
    open.state = ConnectionState::Open;
    events.append(open);
    const auto message = [&](Direction direction, qint64 ms, const QByteArray &text) {
        MessageEvent event;
        event.connectionId = 4;
        event.timestampNs = ms * 1'000'000;
        event.direction = direction;
        event.origin = direction == Direction::Outgoing ? FrameOrigin::User : FrameOrigin::Peer;
        event.message.opcode = 0x1;
        event.message.payload = text;
        event.message.index = messagesOf(events, direction).size();
        events.append(event);
    };
    message(Direction::Outgoing, 10, "login");
    message(Direction::Incoming, 20, "welcome");
    message(Direction::Incoming, 30, "news");
    message(Direction::Outgoing, 40, "bye");
    message(Direction::Incoming, 50, "ciao");
    const auto closeFrame = [&](Direction direction, qint64 ms) {
        FrameEvent frame;
        frame.connectionId = 4;
        frame.timestampNs = ms * 1'000'000;
        frame.direction = direction;
        frame.frame.fin = true;
        frame.frame.opcode = 0x8;
        frame.frame.position = FramePosition::Control;
        frame.frame.masked = direction == Direction::Outgoing;
        frame.payload = ClosePayload::encode(1000, {});
        frame.frame.payloadLength = quint64(frame.payload.size());
        // The header as on the wire: FIN and opcode 8, the MASK bit and length 2, the masking key.
        frame.frame.maskingKey = { 0x01, 0x02, 0x03, 0x04 };
        frame.frame.header = { 0x88, quint8(frame.frame.masked ? 0x82 : 0x02), 0x01, 0x02, 0x03, 0x04 };
        frame.frame.headerLength = frame.frame.masked ? 6 : 2;
        events.append(frame);
    };
    closeFrame(Direction::Outgoing, 60);
    closeFrame(Direction::Incoming, 61);
    return events;
}

} // namespace

class tst_Replay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordingEnd();
    void scriptOfClientRecording();
    void scriptOfExactFrames();
    void scriptOfServerEnd();
    void scriptFromServerRecording();
    void scriptErrors();
    void replayAgainstEchoPasses();
    void replayOfExactFrames();
    void replayAgainstChangedFieldFails();
    void replayFromSavedFile();
    void speedFactor();
    void waitForReplies();
    void replyTimeout();
    void stepByStep();
    void stopHalfway();
    void serverUnreachable();
    void serverClosesFirst();
    void serverClosesEarly();
    void mockServerAnswersEachClient();
    void mockServerOfServerRecording();
};

void tst_Replay::recordingEnd()
{
    AnsweringServer server(AnsweringServer::echo, 0, chatServerOptions());
    Recording recording;
    recordShop(server, &recording);
    if (QTest::currentTestFailed())
        return;
    const quint64 clientId = ReplayScript::connectionIds(recording.client).constFirst();
    const quint64 serverId = ReplayScript::connectionIds(recording.server).constFirst();
    QCOMPARE(ReplayScript::connectionIds(recording.client), QList<quint64>({ clientId }));
    QCOMPARE(ReplayScript::recordingEnd(recording.client, clientId), Endpoint::Client);
    QCOMPARE(ReplayScript::recordingEnd(recording.server, serverId), Endpoint::Server);
    QVERIFY(!ReplayScript::recordingEnd(recording.client, 999999));

    // Both recordings in one batch: the first client connection is the client's, whichever comes first.
    const EventBatch both = recording.server + recording.client;
    QCOMPARE(ReplayScript::firstConnection(both, Endpoint::Client), clientId);
    QCOMPARE(ReplayScript::firstConnection(both, Endpoint::Server), serverId);
    QCOMPARE(ReplayScript::firstConnection(both, std::nullopt), serverId);
    QCOMPARE(ReplayScript::firstConnection(recording.server, Endpoint::Client), quint64(0));

    // Without handshakes, the masking tells.
    EventBatch framesOnly;
    for (const ConnectionEvent &event : both) {
        if (!std::holds_alternative<ConnectionNotice>(event))
            framesOnly.append(event);
    }
    QCOMPARE(ReplayScript::recordingEnd(framesOnly, clientId), Endpoint::Client);
    QCOMPARE(ReplayScript::recordingEnd(framesOnly, serverId), Endpoint::Server);
}

void tst_Replay::scriptOfClientRecording()
{
    AnsweringServer server(AnsweringServer::echo, 0, chatServerOptions());
    Recording recording;
    recordShop(server, &recording);
    if (QTest::currentTestFailed())
        return;
    const ReplayScript script = scriptOf(recording.client, Endpoint::Client);
    QCOMPARE(script.recordedEnd, Endpoint::Client);
    QCOMPARE(script.plays, Endpoint::Client);
    QCOMPARE(script.url, QUrl(recording.url));
    QCOMPARE(script.subprotocols, QList<QByteArray>({ "superchat", "chat" }));
    QCOMPARE(script.subprotocol, QByteArray("chat"));
    QVERIFY(script.deflate.has_value());
    QCOMPARE(script.deflateOffer.clientMaxWindowBitsOffered, true);
    QVERIFY(!script.deflateOffer.serverMaxWindowBits);
    // The handshake's own fields are left to the new handshake; the rest go again, in order.
    QCOMPARE(script.headers,
        QList<HttpMessage::Field>(
            { { "Origin", "http://shop.example" }, { "User-Agent", "Frameline" }, { "X-Token", "abc123" } }));

    QCOMPARE(script.steps.size(), 4);
    QCOMPARE(script.steps.at(0).kind, ReplayStep::Kind::Message);
    QCOMPARE(script.steps.at(0).opcode, quint8(0x1));
    QCOMPARE(script.steps.at(0).payload, QuoteJson);
    QCOMPARE(script.steps.at(0).peerMessagesBefore, 0);
    QCOMPARE(script.steps.at(1).opcode, quint8(0x2));
    QCOMPARE(script.steps.at(1).payload, BinaryBytes);
    QCOMPARE(script.steps.at(1).peerMessagesBefore, 1);
    QCOMPARE(script.steps.at(2).payload, QByteArray("hello")); // the message, not its three fragments
    QCOMPARE(script.steps.at(2).peerMessagesBefore, 2);
    QCOMPARE(script.steps.at(3).kind, ReplayStep::Kind::Close);
    QCOMPARE(script.steps.at(3).closeCode, quint16(1000));
    QCOMPARE(script.steps.at(3).peerMessagesBefore, 3);
    // Times as recorded, in order, after the opening.
    const QList<MessageEvent> sent = messagesOf(recording.client, Direction::Outgoing);
    QCOMPARE(script.steps.at(0).timestampNs, sent.at(0).timestampNs);
    QVERIFY(script.startNs < script.steps.at(0).timestampNs);
    for (int i = 1; i < script.steps.size(); ++i)
        QVERIFY(script.steps.at(i - 1).timestampNs <= script.steps.at(i).timestampNs);

    QCOMPARE(script.peerMessages.size(), 3);
    QCOMPARE(script.peerMessages.at(0).payload, QuoteJson);
    QCOMPARE(script.peerMessages.at(1).payload, BinaryBytes);
    QCOMPARE(script.peerMessages.at(2).payload, QByteArray("hello"));
    QCOMPARE(script.peerMessageTimesNs.size(), 3);
    QCOMPARE(script.peerClosedFirst, false);
    QVERIFY(script.warnings.isEmpty());

    const ClientConnection::Options options = script.clientOptions();
    QCOMPARE(options.url, QUrl(recording.url));
    QCOMPARE(options.headers, script.headers);
    QCOMPARE(options.subprotocols, script.subprotocols);
    QCOMPARE(options.offerDeflate, true);
    QCOMPARE(options.deflateOffer, script.deflateOffer);
    QVERIFY(options.origin.isEmpty()); // sent among the headers
}

void tst_Replay::scriptOfExactFrames()
{
    AnsweringServer server(AnsweringServer::echo, 0, chatServerOptions());
    Recording recording;
    recordShop(server, &recording);
    if (QTest::currentTestFailed())
        return;
    const ReplayScript script = scriptOf(recording.client, Endpoint::Client, ReplayScript::Content::Frames);
    const QList<FrameEvent> sent = framesOf(recording.client, Direction::Outgoing);
    QCOMPARE(sent.size(), 7); // text, binary, ping, three fragments, close
    QCOMPARE(script.steps.size(), 7);
    QList<int> opcodes;
    for (int i = 0; i < sent.size(); ++i) {
        const ReplayStep &step = script.steps.at(i);
        const Frame &frame = sent.at(i).frame;
        QCOMPARE(step.kind, ReplayStep::Kind::Frame);
        QCOMPARE(step.timestampNs, sent.at(i).timestampNs);
        QCOMPARE(step.frame.fin, frame.fin);
        QCOMPARE(step.frame.rsv1, frame.rsv1);
        QCOMPARE(step.frame.opcode, frame.opcode);
        QCOMPARE(step.frame.masking, FrameSpec::Masking::Chosen);
        QCOMPARE(step.frame.maskingKey, frame.maskingKey);
        QCOMPARE(step.frame.payload, sent.at(i).payload);
        // Encoded again, the frame is the recorded one byte for byte.
        QCOMPARE(FrameWriter::encode(step.frame).left(frame.headerLength), frame.rawHeader().toByteArray());
        opcodes.append(step.frame.opcode);
    }
    QCOMPARE(opcodes, QList<int>({ 1, 2, 9, 1, 0, 0, 8 }));
    QCOMPARE(script.steps.at(0).frame.rsv1, true); // compressed: permessage-deflate was on
    QCOMPARE(script.steps.at(3).frame.fin, false);
    QCOMPARE(script.steps.at(5).frame.fin, true);
    QCOMPARE(script.steps.at(3).peerMessagesBefore, 2);
    QCOMPARE(script.steps.at(6).peerMessagesBefore, 3);
}

void tst_Replay::scriptOfServerEnd()
{
    // A mock server of a client's recording sends what the client received, after what it had sent.
    AnsweringServer server(AnsweringServer::echo, 0, chatServerOptions());
    Recording recording;
    recordShop(server, &recording);
    if (QTest::currentTestFailed())
        return;
    const ReplayScript script = scriptOf(recording.client, Endpoint::Server);
    QCOMPARE(script.recordedEnd, Endpoint::Client);
    QCOMPARE(script.plays, Endpoint::Server);
    QCOMPARE(script.steps.size(), 3); // the client closed first: no Close of the server's own
    QCOMPARE(script.steps.at(0).payload, QuoteJson);
    QCOMPARE(script.steps.at(0).peerMessagesBefore, 1);
    QCOMPARE(script.steps.at(1).payload, BinaryBytes);
    QCOMPARE(script.steps.at(1).peerMessagesBefore, 2);
    QCOMPARE(script.steps.at(2).payload, QByteArray("hello"));
    QCOMPARE(script.steps.at(2).peerMessagesBefore, 3);
    QCOMPARE(script.peerMessages.size(), 3);
    QCOMPARE(script.peerClosedFirst, true);
    const Handshake::ServerOptions handshake = script.serverHandshake();
    QCOMPARE(handshake.subprotocols, QList<QByteArray>({ "chat" }));
    QCOMPARE(handshake.deflate.enabled, true);

    // Exact frames of the server end: the pong answered the client's ping and the Close echoed the
    // client's: both automatic, left to the connection.
    const ReplayScript frames = scriptOf(recording.client, Endpoint::Server, ReplayScript::Content::Frames);
    QList<int> opcodes;
    for (const ReplayStep &step : frames.steps) {
        opcodes.append(step.frame.opcode);
        QCOMPARE(step.frame.masking, FrameSpec::Masking::None);
    }
    QCOMPARE(opcodes, QList<int>({ 1, 2, 1 }));
    QCOMPARE(framesOf(recording.client, Direction::Incoming).size(), 5); // text, binary, pong, text, close
}

void tst_Replay::scriptFromServerRecording()
{
    AnsweringServer server(AnsweringServer::echo, 0, chatServerOptions());
    Recording recording;
    recordShop(server, &recording);
    if (QTest::currentTestFailed())
        return;
    // The client end of a server's recording: what it received, to the URL its Host and target give.
    const ReplayScript client = scriptOf(recording.server, Endpoint::Client);
    QCOMPARE(client.recordedEnd, Endpoint::Server);
    QCOMPARE(client.url, QUrl(recording.url));
    QCOMPARE(client.steps.size(), 4);
    QCOMPARE(client.steps.at(0).payload, QuoteJson);
    QCOMPARE(client.steps.at(3).kind, ReplayStep::Kind::Close);
    QCOMPARE(client.subprotocols, QList<QByteArray>({ "superchat", "chat" }));
    QCOMPARE(client.peerMessages.size(), 3);
    // Its server end: what it sent.
    const ReplayScript mock = scriptOf(recording.server, Endpoint::Server);
    QCOMPARE(mock.steps.size(), 3);
    QCOMPARE(mock.steps.at(2).payload, QByteArray("hello"));
    QCOMPARE(mock.steps.at(2).peerMessagesBefore, 3);
    QCOMPARE(mock.peerClosedFirst, true);
}

void tst_Replay::scriptErrors()
{
    QString error;
    QVERIFY(!ReplayScript::build(
        handWrittenChat(), 5, Endpoint::Client, ReplayScript::Content::Messages, &error));
    QCOMPARE(error, u"the recording has no connection #5"_s);
    EventBatch unknown;
    ConnectionNotice info;
    info.connectionId = 9;
    info.kind = ConnectionNotice::Kind::Info;
    info.text = u"hello"_s;
    unknown.append(info);
    QVERIFY(!ReplayScript::build(unknown, 9, Endpoint::Client, ReplayScript::Content::Messages, &error));
    QCOMPARE(error,
        u"connection #9 has no handshake and no frames that tell whether a client or a server recorded it"_s);

    // A message the recording did not keep whole is left out, with a warning.
    EventBatch truncated = handWrittenChat();
    for (ConnectionEvent &event : truncated) {
        if (auto *message = std::get_if<MessageEvent>(&event); message && message->message.payload == "bye")
            message->message.payloadTruncated = true;
    }
    const auto script
        = ReplayScript::build(truncated, 4, Endpoint::Client, ReplayScript::Content::Messages, &error);
    QVERIFY(script);
    QCOMPARE(
        script->warnings, QStringList({ u"message #2 was not kept whole in the recording: left out"_s }));
    QCOMPARE(script->steps.size(), 2); // login and the Close

    // Exact frames of a connection whose data frames were not recorded (only its Close frames).
    QVERIFY(
        !ReplayScript::build(handWrittenChat(), 4, Endpoint::Client, ReplayScript::Content::Frames, &error));
    QCOMPARE(error,
        u"connection #4 has messages but not their frames (an import keeps only messages): replay its "
        "messages instead"_s);
}

void tst_Replay::replayAgainstEchoPasses()
{
    AnsweringServer recorded(AnsweringServer::echo, 0, chatServerOptions());
    Recording recording;
    recordShop(recorded, &recording);
    if (QTest::currentTestFailed())
        return;
    AnsweringServer echo(AnsweringServer::echo, 0, chatServerOptions());
    const ReplayScript script = scriptOf(recording.client, Endpoint::Client);
    ClientReplay::Options options = fastTo(echo.url(u"other"_s));
    options.replay.waitForReplies = true;
    ClientReplay replay(script, options);
    QSignalSpy progress(&replay, &ClientReplay::progressChanged);
    runToEnd(replay);
    QVERIFY2(replay.completed(), qPrintable(replay.errorString()));
    QVERIFY(replay.errorString().isEmpty());
    QCOMPARE(replay.sent(), 4);
    QCOMPARE(replay.total(), 4);
    QCOMPARE(progress.size(), 5);
    QCOMPARE(progress.constFirst(), QVariantList({ 0, 4 }));
    QCOMPARE(progress.constLast(), QVariantList({ 4, 4 }));

    // The recorded handshake, again: subprotocol, deflate, our headers.
    const auto handshake = handshakeOf(replay.events());
    QVERIFY(handshake);
    QVERIFY(handshake->accepted);
    QCOMPARE(handshake->url, echo.url(u"other"_s));
    QCOMPARE(handshake->subprotocol, QByteArray("chat"));
    QVERIFY(handshake->deflate.has_value());
    QCOMPARE(handshake->request.combinedValue("X-Token"), QByteArray("abc123"));
    QCOMPARE(handshake->request.combinedValue("Origin"), QByteArray("http://shop.example"));
    QCOMPARE(handshake->request.fieldCount("Sec-WebSocket-Key"), 1);

    QCOMPARE(traffic(replay.events()),
        QStringList({ u"out text "_s + QString::fromUtf8(QuoteJson),
            u"in text "_s + QString::fromUtf8(QuoteJson), u"out binary 00ff10"_s, u"in binary 00ff10"_s,
            u"out text hello"_s, u"in text hello"_s, u"out close 1000"_s, u"in close 1000"_s }));
    // The replay's sends are marked as such.
    for (const FrameEvent &frame : framesOf(replay.events(), Direction::Outgoing))
        QCOMPARE(frame.origin, FrameOrigin::Replay);

    const Compare::Result result = Compare::messages(script.peerMessages, replay.receivedMessages());
    QVERIFY(result.passed());
    QCOMPARE(result.equal, 3);
    QCOMPARE(Compare::summary(result), u"PASS: 3 recorded, 3 replayed, all equal"_s);
}

void tst_Replay::replayOfExactFrames()
{
    AnsweringServer recorded(AnsweringServer::echo, 0, chatServerOptions());
    Recording recording;
    recordShop(recorded, &recording);
    if (QTest::currentTestFailed())
        return;
    AnsweringServer echo(AnsweringServer::echo, 0, chatServerOptions());
    const ReplayScript script = scriptOf(recording.client, Endpoint::Client, ReplayScript::Content::Frames);
    ClientReplay replay(script, fastTo(echo.url()));
    runToEnd(replay);
    QVERIFY2(replay.completed(), qPrintable(replay.errorString()));
    // Every frame went out as recorded: header bytes (masking key included) and payload.
    const QList<FrameEvent> original = framesOf(recording.client, Direction::Outgoing);
    const QList<FrameEvent> again = framesOf(replay.events(), Direction::Outgoing);
    QCOMPARE(again.size(), original.size());
    for (int i = 0; i < original.size(); ++i) {
        QCOMPARE(again.at(i).frame.rawHeader().toByteArray().toHex(),
            original.at(i).frame.rawHeader().toByteArray().toHex());
        QCOMPARE(again.at(i).payload, original.at(i).payload);
        QCOMPARE(again.at(i).origin, FrameOrigin::Replay);
    }
    // The compressed frames inflated to the same messages at the server, which echoed them.
    QVERIFY(Compare::messages(script.peerMessages, replay.receivedMessages()).passed());
}

void tst_Replay::replayAgainstChangedFieldFails()
{
    AnsweringServer recorded(AnsweringServer::echo, 0, chatServerOptions());
    Recording recording;
    recordShop(recorded, &recording);
    if (QTest::currentTestFailed())
        return;
    // This server answers like an echo, except that prices went up.
    AnsweringServer changed(
        [](const Message &message) -> std::optional<QByteArray> {
            const auto json = Compare::parseJson(message.payload);
            if (message.opcode != 0x1 || !json || !json->isObject())
                return message.payload;
            QJsonObject object = json->toObject();
            object.insert(u"price"_s, 12);
            return QJsonDocument(object).toJson(QJsonDocument::Compact);
        },
        0, chatServerOptions());
    const ReplayScript script = scriptOf(recording.client, Endpoint::Client);
    ClientReplay replay(script, fastTo(changed.url()));
    runToEnd(replay);
    QVERIFY2(replay.completed(), qPrintable(replay.errorString()));

    const Compare::Result result = Compare::messages(script.peerMessages, replay.receivedMessages());
    QVERIFY(!result.passed());
    QCOMPARE(result.different, 1);
    QCOMPARE(result.equal, 2);
    QCOMPARE(result.pairs.at(0).outcome, Compare::Outcome::Different);
    QCOMPARE(result.pairs.at(0).jsonDifferences,
        QList<Compare::JsonDifference>(
            { { Compare::JsonDifference::Kind::Changed, u"$.price"_s, u"10"_s, u"12"_s } }));
    QCOMPARE(Compare::report(result),
        u"message #1 differs: JSON differs:\n"
        "    $.price: recorded 10, replayed 12\n"
        "FAIL: 3 recorded, 3 replayed: 2 equal, 1 different, 0 missing, 0 extra\n"_s);

    Compare::Options ignorePrice;
    QString error;
    ignorePrice.ignore = { *Compare::Path::parse(u"$.price"_s, &error) };
    QVERIFY(Compare::messages(script.peerMessages, replay.receivedMessages(), ignorePrice).passed());
}

void tst_Replay::replayFromSavedFile()
{
    // Record, save, load, replay, save the replay, load it: the whole loop through files.
    AnsweringServer recorded(AnsweringServer::echo, 0, chatServerOptions());
    Recording recording;
    recordShop(recorded, &recording);
    if (QTest::currentTestFailed())
        return;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY2(SessionWriter::save(
                 dir.filePath(u"shop.fls"_s), recording.client, SessionHeader::forNewSession(), &error),
        qPrintable(error));
    const SessionReader::Loaded loaded = SessionReader::load(dir.filePath(u"shop.fls"_s));
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    const ReplayScript script = scriptOf(loaded.events, Endpoint::Client);
    QCOMPARE(script.steps.size(), 4);

    AnsweringServer echo(AnsweringServer::echo, 0, chatServerOptions());
    ClientReplay replay(script, fastTo(echo.url()));
    runToEnd(replay);
    QVERIFY(replay.completed());
    QVERIFY(SessionWriter::save(
        dir.filePath(u"replay.fls"_s), replay.events(), SessionHeader::forNewSession(), &error));
    const SessionReader::Loaded again = SessionReader::load(dir.filePath(u"replay.fls"_s));
    QVERIFY2(again.ok, qPrintable(again.error));
    QVERIFY(again.warnings.isEmpty());
    QCOMPARE(traffic(again.events), traffic(replay.events()));
    QCOMPARE(framesOf(again.events, Direction::Outgoing).constFirst().origin, FrameOrigin::Replay);
    // The replay's own recording can be replayed in turn: it was recorded by a client.
    QCOMPARE(ReplayScript::firstConnection(again.events, Endpoint::Client), replay.connection()->id());
}

void tst_Replay::speedFactor()
{
    // Recorded: a, then b 300 ms later, then c 300 ms after that.
    AnsweringServer recorded(AnsweringServer::echo);
    Recording recording;
    record(
        recorded, {},
        [](ClientConnection &client, EventCollector &) {
            QVERIFY(client.sendText("a"));
            QTest::qWait(300);
            QVERIFY(client.sendText("b"));
            QTest::qWait(300);
            QVERIFY(client.sendText("c"));
        },
        &recording);
    if (QTest::currentTestFailed())
        return;
    const QList<MessageEvent> original = messagesOf(recording.client, Direction::Outgoing);
    const qint64 recordedNs = original.at(2).timestampNs - original.at(0).timestampNs;
    QVERIFY(recordedNs >= 600'000'000);
    const ReplayScript script = scriptOf(recording.client, Endpoint::Client);
    AnsweringServer echo(AnsweringServer::echo);

    const auto spanOfSends = [&](ReplayOptions::Timing timing, double speed, QStringList *order) {
        ClientReplay::Options options = fastTo(echo.url());
        options.replay.timing = timing;
        options.replay.speed = speed;
        ClientReplay replay(script, options);
        runToEnd(replay);
        const QList<MessageEvent> sent = messagesOf(replay.events(), Direction::Outgoing);
        for (const MessageEvent &message : sent)
            order->append(QString::fromUtf8(message.message.payload));
        return sent.size() == 3 ? sent.at(2).timestampNs - sent.at(0).timestampNs : qint64(-1);
    };
    QStringList order;
    // Twice as fast: the gaps are halved, never shortened further (timers do not fire early).
    const qint64 doubled = spanOfSends(ReplayOptions::Timing::Recorded, 2.0, &order);
    QCOMPARE(order, QStringList({ u"a"_s, u"b"_s, u"c"_s }));
    QVERIFY2(doubled >= recordedNs / 2 - 2'000'000, qPrintable(QString::number(doubled)));
    QVERIFY2(doubled < recordedNs, qPrintable(QString::number(doubled))); // 300 ms of slack
    // As fast as possible: well under the recorded duration.
    order.clear();
    const qint64 fast = spanOfSends(ReplayOptions::Timing::Fast, 1.0, &order);
    QCOMPARE(order, QStringList({ u"a"_s, u"b"_s, u"c"_s }));
    QVERIFY2(fast >= 0 && fast < recordedNs, qPrintable(QString::number(fast)));
    // At the recorded speed, the whole recorded duration.
    order.clear();
    const qint64 same = spanOfSends(ReplayOptions::Timing::Recorded, 1.0, &order);
    QCOMPARE(order, QStringList({ u"a"_s, u"b"_s, u"c"_s }));
    QVERIFY2(same >= recordedNs - 2'000'000, qPrintable(QString::number(same)));
}

void tst_Replay::waitForReplies()
{
    // A slow server: each answer comes 200 ms after the question. The recording asked the second question
    // after the first answer.
    AnsweringServer slow(AnsweringServer::echo, 200);
    Recording recording;
    record(
        slow, {},
        [](ClientConnection &client, EventCollector &events) {
            QVERIFY(client.sendText("one"));
            QTRY_COMPARE_WITH_TIMEOUT(events.messages(Direction::Incoming).size(), 1, WaitMs);
            QVERIFY(client.sendText("two"));
            QTRY_COMPARE_WITH_TIMEOUT(events.messages(Direction::Incoming).size(), 2, WaitMs);
        },
        &recording);
    if (QTest::currentTestFailed())
        return;
    const ReplayScript script = scriptOf(recording.client, Endpoint::Client);
    QCOMPARE(script.steps.at(1).peerMessagesBefore, 1);

    // Fast, waiting for replies: the recorded order.
    ClientReplay::Options options = fastTo(slow.url());
    options.replay.waitForReplies = true;
    ClientReplay waiting(script, options);
    runToEnd(waiting);
    QVERIFY(waiting.completed());
    QCOMPARE(traffic(waiting.events()),
        QStringList({ u"out text one"_s, u"in text one"_s, u"out text two"_s, u"in text two"_s,
            u"out close 1000"_s, u"in close 1000"_s }));
    QVERIFY(waiting.warnings().isEmpty());

    // Fast, not waiting: both questions go before the first answer; the close still waits for them.
    ClientReplay hurried(script, fastTo(slow.url()));
    runToEnd(hurried);
    QVERIFY(hurried.completed());
    QCOMPARE(traffic(hurried.events()),
        QStringList({ u"out text one"_s, u"out text two"_s, u"in text one"_s, u"in text two"_s,
            u"out close 1000"_s, u"in close 1000"_s }));
    QVERIFY(Compare::messages(script.peerMessages, hurried.receivedMessages()).passed());
}

void tst_Replay::replyTimeout()
{
    const EventBatch chat = handWrittenChat();
    QString error;
    const auto script
        = ReplayScript::build(chat, 4, Endpoint::Client, ReplayScript::Content::Messages, &error);
    QVERIFY2(script, qPrintable(error));
    // A server that never answers.
    AnsweringServer silent(
        [](const Message &) -> std::optional<QByteArray> { return std::nullopt; }, 0, chatServerOptions());
    ClientReplay::Options options = fastTo(silent.url());
    options.replay.waitForReplies = true;
    options.replay.replyTimeoutMs = 300;
    ClientReplay replay(*script, options);
    QSignalSpy warnings(&replay, &ClientReplay::warning);
    runToEnd(replay);
    QVERIFY(replay.completed());
    QCOMPARE(replay.warnings(),
        QStringList({ u"send 2 of 3 waited 0.3 s for reply 2, which did not come: sending anyway"_s,
            u"send 3 of 3 waited 0.3 s for reply 3, which did not come: sending anyway"_s }));
    QCOMPARE(warnings.size(), 2);
    // The notes are part of the replay's session, where they happened.
    QStringList notes;
    for (const ConnectionEvent &event : replay.events()) {
        if (const auto *notice = std::get_if<ConnectionNotice>(&event);
            notice && notice->kind == ConnectionNotice::Kind::Info && notice->text.startsWith(u"Replay: "_s))
            notes.append(notice->text);
    }
    QCOMPARE(notes,
        QStringList({ u"Replay: send 2 of 3 waited 0.3 s for reply 2, which did not come: sending anyway"_s,
            u"Replay: send 3 of 3 waited 0.3 s for reply 3, which did not come: sending anyway"_s }));
    QCOMPARE(traffic(replay.events()),
        QStringList({ u"out text login"_s, u"out text bye"_s, u"out close 1000"_s, u"in close 1000"_s }));
    const Compare::Result result = Compare::messages(script->peerMessages, replay.receivedMessages());
    QCOMPARE(result.missing, 3);

    // A recording that ended open: after the last send the replay waits for the recorded replies, then
    // closes with 1000 itself.
    EventBatch open = chat;
    open.erase(std::remove_if(open.begin(), open.end(),
                   [](const ConnectionEvent &event) { return std::holds_alternative<FrameEvent>(event); }),
        open.end());
    const auto unclosed
        = ReplayScript::build(open, 4, Endpoint::Client, ReplayScript::Content::Messages, &error);
    QVERIFY2(unclosed, qPrintable(error));
    QCOMPARE(unclosed->steps.size(), 2);
    options.replay.waitForReplies = false;
    ClientReplay ending(*unclosed, options);
    runToEnd(ending);
    QVERIFY(ending.completed());
    QCOMPARE(ending.warnings(),
        QStringList(
            { u"only 0 of the 3 recorded replies arrived within 0.3 s of the last send; not waiting any "
              "longer"_s }));
    QCOMPARE(traffic(ending.events()),
        QStringList({ u"out text login"_s, u"out text bye"_s, u"out close 1000"_s, u"in close 1000"_s }));
}

void tst_Replay::stepByStep()
{
    const EventBatch chat = handWrittenChat();
    QString error;
    const auto script
        = ReplayScript::build(chat, 4, Endpoint::Client, ReplayScript::Content::Messages, &error);
    QVERIFY2(script, qPrintable(error));
    AnsweringServer echo(AnsweringServer::echo, 0, chatServerOptions());
    ClientReplay::Options options = fastTo(echo.url());
    options.replay.timing = ReplayOptions::Timing::Step;
    options.replay.replyTimeoutMs = 2000;
    ClientReplay replay(*script, options);
    QSignalSpy awaiting(&replay, &ClientReplay::awaitingNext);
    QSignalSpy finished(&replay, &ClientReplay::finished);
    replay.start();
    QTRY_COMPARE_WITH_TIMEOUT(awaiting.size(), 1, WaitMs);
    QCOMPARE(awaiting.at(0).at(0).toInt(), 0);
    QTest::qWait(100);
    QCOMPARE(replay.sent(), 0);
    replay.next();
    QCOMPARE(replay.sent(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(awaiting.size(), 2, WaitMs);
    QCOMPARE(awaiting.at(1).at(0).toInt(), 1);
    QTest::qWait(100);
    QCOMPARE(replay.sent(), 1);
    QCOMPARE(messagesOf(replay.events(), Direction::Outgoing).size(), 1);
    // Two at once: "bye", then the Close, which first waits (up to the reply timeout) for the third reply
    // the recording had got by then: this echo server sends only two.
    replay.next();
    replay.next();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(awaiting.size(), 2);
    QCOMPARE(replay.warnings(),
        QStringList({ u"send 3 of 3 waited 2 s for reply 3, which did not come: sending anyway"_s }));
    QVERIFY(replay.completed());
    QCOMPARE(traffic(replay.events()),
        QStringList({ u"out text login"_s, u"in text login"_s, u"out text bye"_s, u"in text bye"_s,
            u"out close 1000"_s, u"in close 1000"_s }));
}

void tst_Replay::stopHalfway()
{
    const EventBatch chat = handWrittenChat();
    QString error;
    const auto script
        = ReplayScript::build(chat, 4, Endpoint::Client, ReplayScript::Content::Messages, &error);
    QVERIFY2(script, qPrintable(error));
    AnsweringServer echo(AnsweringServer::echo, 0, chatServerOptions());
    ClientReplay::Options options = fastTo(echo.url());
    options.replay.timing = ReplayOptions::Timing::Step;
    ClientReplay replay(*script, options);
    QSignalSpy awaiting(&replay, &ClientReplay::awaitingNext);
    QSignalSpy finished(&replay, &ClientReplay::finished);
    replay.start();
    QTRY_COMPARE_WITH_TIMEOUT(awaiting.size(), 1, WaitMs);
    replay.next();
    QTRY_COMPARE_WITH_TIMEOUT(awaiting.size(), 2, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(replay.receivedMessages().size(), 1, WaitMs);
    replay.stop();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QVERIFY(!replay.completed());
    QVERIFY(replay.wasStopped());
    QCOMPARE(replay.sent(), 1);
    QCOMPARE(replay.errorString(), u"stopped after 1 of 3 sends"_s);
    // Stopping is not a warning, but the session says it, before the Close it sent.
    QVERIFY(replay.warnings().isEmpty());
    qsizetype noteAt = -1;
    qsizetype closeAt = -1;
    for (qsizetype i = 0; i < replay.events().size(); ++i) {
        const ConnectionEvent &event = replay.events().at(i);
        if (const auto *notice = std::get_if<ConnectionNotice>(&event);
            notice && notice->text == u"Replay: stopped after 1 of 3 sends: closing with 1000"_s)
            noteAt = i;
        if (const auto *frame = std::get_if<FrameEvent>(&event);
            frame && frame->direction == Direction::Outgoing && frame->frame.opcode == 0x8 && closeAt < 0)
            closeAt = i;
    }
    QVERIFY(noteAt >= 0);
    QVERIFY(noteAt < closeAt);
    QCOMPARE(traffic(replay.events()),
        QStringList({ u"out text login"_s, u"in text login"_s, u"out close 1000"_s, u"in close 1000"_s }));
    replay.next(); // nothing more happens
    QTest::qWait(50);
    QCOMPARE(replay.sent(), 1);
}

void tst_Replay::serverUnreachable()
{
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 port = reserve.serverPort();
    reserve.close(); // nothing listens there now
    const EventBatch chat = handWrittenChat();
    QString error;
    const auto script
        = ReplayScript::build(chat, 4, Endpoint::Client, ReplayScript::Content::Messages, &error);
    QVERIFY2(script, qPrintable(error));
    const QString url = u"ws://127.0.0.1:%1/live"_s.arg(port);
    ClientReplay replay(*script, fastTo(url));
    QSignalSpy progress(&replay, &ClientReplay::progressChanged);
    runToEnd(replay);
    QVERIFY(!replay.completed());
    QCOMPARE(replay.sent(), 0);
    QCOMPARE(progress.size(), 0);
    QVERIFY2(replay.errorString().startsWith(u"could not connect to "_s + url + u": "_s),
        qPrintable(replay.errorString()));
    QVERIFY(replay.errorString().size() > (u"could not connect to "_s + url + u": "_s).size());
}

// A hand-written recording in which the server closed first: the client sent "a", got "A", and the server
// closed with 1000.
EventBatch serverClosedRecording()
{
    EventBatch events = handWrittenChat();
    events.erase(std::remove_if(events.begin(), events.end(),
                     [](const ConnectionEvent &event) {
                         return std::holds_alternative<MessageEvent>(event)
                             || std::holds_alternative<FrameEvent>(event);
                     }),
        events.end());
    MessageEvent sent;
    sent.connectionId = 4;
    sent.timestampNs = 10'000'000;
    sent.direction = Direction::Outgoing;
    sent.message.opcode = 0x1;
    sent.message.payload = "a";
    MessageEvent received = sent;
    received.timestampNs = 20'000'000;
    received.direction = Direction::Incoming;
    received.message.payload = "A";
    FrameEvent close;
    close.connectionId = 4;
    close.timestampNs = 30'000'000;
    close.direction = Direction::Incoming;
    close.frame.fin = true;
    close.frame.opcode = 0x8;
    close.payload = ClosePayload::encode(1000, {});
    FrameEvent echo = close;
    echo.timestampNs = 31'000'000;
    echo.direction = Direction::Outgoing;
    echo.origin = FrameOrigin::Automatic;
    events << sent << received << close << echo;
    return events;
}

// A server that answers a message with its upper-case form, then closes with `closeCode` unless 0.
std::unique_ptr<Server> upperCaseServer(quint16 closeCode)
{
    Server::Options options;
    options.handshake.subprotocols = { "chat" };
    auto server = std::make_unique<Server>(options);
    QObject::connect(server.get(), &Server::clientConnected, server.get(), [closeCode](Connection *client) {
        QObject::connect(
            client, &Connection::eventsReady, client, [client, closeCode](const EventBatch &batch) {
                for (const MessageEvent &message : messagesOf(batch, Direction::Incoming)) {
                    client->sendText(message.message.payload.toUpper());
                    if (closeCode != 0)
                        client->close(closeCode);
                }
            });
    });
    QString error;
    if (!server->listen(&error))
        qFatal("listen: %s", qPrintable(error));
    return server;
}

void tst_Replay::serverClosesFirst()
{
    QString error;
    const auto script = ReplayScript::build(
        serverClosedRecording(), 4, Endpoint::Client, ReplayScript::Content::Messages, &error);
    QVERIFY2(script, qPrintable(error));
    QCOMPARE(script->steps.size(), 1);
    QCOMPARE(script->peerClosedFirst, true);

    // The server closes as it did: the replay waits for it and answers.
    const auto closing = upperCaseServer(1000);
    ClientReplay replay(*script, fastTo(closing->url() + u"live"_s));
    runToEnd(replay);
    QVERIFY2(replay.completed(), qPrintable(replay.errorString()));
    QVERIFY(replay.warnings().isEmpty());
    QCOMPARE(traffic(replay.events()),
        QStringList({ u"out text a"_s, u"in text A"_s, u"in close 1000"_s, u"out close 1000"_s }));
    QCOMPARE(replay.connection()->closeInfo().initiator, CloseInitiator::Remote);

    // This one does not: after the timeout, the replay closes.
    const auto open = upperCaseServer(0);
    ClientReplay::Options options = fastTo(open->url() + u"live"_s);
    options.replay.replyTimeoutMs = 300;
    ClientReplay waiting(*script, options);
    runToEnd(waiting);
    QVERIFY(waiting.completed());
    QCOMPARE(waiting.warnings(),
        QStringList(
            { u"the server did not close within 0.3 s, as it did in the recording: closing with 1000"_s }));
    QCOMPARE(traffic(waiting.events()),
        QStringList({ u"out text a"_s, u"in text A"_s, u"out close 1000"_s, u"in close 1000"_s }));
}

void tst_Replay::serverClosesEarly()
{
    QString error;
    const auto script = ReplayScript::build(
        handWrittenChat(), 4, Endpoint::Client, ReplayScript::Content::Messages, &error);
    QVERIFY2(script, qPrintable(error));
    const auto server = upperCaseServer(1011);
    ClientReplay::Options options = fastTo(server->url() + u"live"_s);
    options.replay.waitForReplies = true;
    ClientReplay replay(*script, options);
    runToEnd(replay);
    QVERIFY(!replay.completed());
    QCOMPARE(replay.sent(), 1);
    QCOMPARE(replay.errorString(), u"the connection closed after 1 of 3 sends"_s);
    QCOMPARE(traffic(replay.events()),
        QStringList({ u"out text login"_s, u"in text LOGIN"_s, u"in close 1011"_s, u"out close 1011"_s }));
}

void tst_Replay::mockServerAnswersEachClient()
{
    const EventBatch chat = handWrittenChat();
    QString error;
    const auto script
        = ReplayScript::build(chat, 4, Endpoint::Server, ReplayScript::Content::Messages, &error);
    QVERIFY2(script, qPrintable(error));
    QCOMPARE(script->steps.size(), 3);
    QCOMPARE(script->peerClosedFirst, true);

    MockServerReplay::Options options;
    options.replay.timing = ReplayOptions::Timing::Fast;
    MockServerReplay mock(*script, options);
    QVERIFY2(mock.listen(&error), qPrintable(error));
    QSignalSpy started(&mock, &MockServerReplay::clientStarted);
    QSignalSpy finished(&mock, &MockServerReplay::clientFinished);

    const auto connectClient = [&](std::unique_ptr<ClientConnection> &client, EventCollector &events) {
        ClientConnection::Options clientOptions;
        clientOptions.url = QUrl(mock.url() + u"live"_s);
        clientOptions.subprotocols = { "chat" };
        client = std::make_unique<ClientConnection>(clientOptions);
        events.follow(client.get());
        QSignalSpy opened(client.get(), &Connection::opened);
        client->open();
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, WaitMs);
    };
    std::unique_ptr<ClientConnection> first;
    EventCollector firstEvents;
    connectClient(first, firstEvents);
    QCOMPARE(first->subprotocol(), QByteArray("chat"));
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, WaitMs);
    // Nothing before the client speaks: the recorded server spoke only after "login".
    QTest::qWait(150);
    QCOMPARE(firstEvents.messages(Direction::Incoming).size(), 0);

    QVERIFY(first->sendText("login"));
    QTRY_COMPARE_WITH_TIMEOUT(firstEvents.messages(Direction::Incoming).size(), 2, WaitMs);
    QTest::qWait(150);
    QCOMPARE(firstEvents.messages(Direction::Incoming).size(), 2); // "ciao" waits for "bye"

    // A second client gets its own replay from the start.
    std::unique_ptr<ClientConnection> second;
    EventCollector secondEvents;
    connectClient(second, secondEvents);
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, WaitMs);
    QCOMPARE(mock.activeClients(), 2);
    QVERIFY(second->sendText("hi, whatever")); // any message counts
    QTRY_COMPARE_WITH_TIMEOUT(secondEvents.messages(Direction::Incoming).size(), 2, WaitMs);

    QVERIFY(first->sendText("bye"));
    QTRY_COMPARE_WITH_TIMEOUT(firstEvents.messages(Direction::Incoming).size(), 3, WaitMs);
    QCOMPARE(traffic(firstEvents.events),
        QStringList({ u"out text login"_s, u"in text welcome"_s, u"in text news"_s, u"out text bye"_s,
            u"in text ciao"_s }));
    first->close(1000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
    QCOMPARE(finished.at(0).at(1).toBool(), true);
    QCOMPARE(traffic(secondEvents.events),
        QStringList({ u"out text hi, whatever"_s, u"in text welcome"_s, u"in text news"_s }));
    second->close(1000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, WaitMs);
    QCOMPARE(finished.at(1).at(1).toBool(), false); // "ciao" was never due
    QCOMPARE(mock.activeClients(), 0);

    // The mock server's own session holds both clients, its sends marked as replayed.
    const QList<quint64> ids = ReplayScript::connectionIds(mock.events());
    QCOMPARE(ids.size(), 2);
    const QList<MessageEvent> sent = messagesOf(mock.events(), Direction::Outgoing);
    QCOMPARE(sent.size(), 5);
    for (const MessageEvent &message : sent)
        QCOMPARE(message.origin, FrameOrigin::Replay);
    QCOMPARE(ReplayScript::recordingEnd(mock.events(), ids.constFirst()), Endpoint::Server);
    mock.stop();
}

void tst_Replay::mockServerOfServerRecording()
{
    // A server's own recording served again, and a client replay of the client's recording against it:
    // the loop closes, and the comparison passes.
    AnsweringServer server(AnsweringServer::echo, 0, chatServerOptions());
    Recording recording;
    recordShop(server, &recording);
    if (QTest::currentTestFailed())
        return;
    MockServerReplay::Options mockOptions;
    mockOptions.replay.timing = ReplayOptions::Timing::Recorded;
    mockOptions.replay.speed = 4.0;
    MockServerReplay mock(scriptOf(recording.server, Endpoint::Server), mockOptions);
    QString error;
    QVERIFY2(mock.listen(&error), qPrintable(error));

    const ReplayScript client = scriptOf(recording.client, Endpoint::Client);
    ClientReplay replay(client, fastTo(mock.url() + u"chat?room=1"_s));
    runToEnd(replay);
    QVERIFY2(replay.completed(), qPrintable(replay.errorString()));
    QCOMPARE(handshakeOf(replay.events())->subprotocol, QByteArray("chat"));
    QVERIFY(handshakeOf(replay.events())->deflate.has_value());
    const Compare::Result result = Compare::messages(client.peerMessages, replay.receivedMessages());
    QVERIFY2(result.passed(), qPrintable(Compare::report(result)));
    QCOMPARE(result.equal, 3);
    mock.stop();
}

QTEST_GUILESS_MAIN(tst_Replay)
#include "tst_replay.moc"
