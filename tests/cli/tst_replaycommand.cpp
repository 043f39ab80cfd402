// `frameline-cli replay`, run as a user runs it: the real binary replaying session files against servers in
// this process (an echo, one that changes a field, a slow one), its exit codes 0/1/2 and the words of its
// comparison, --ignore, --record, --step from standard input, --wait-replies, --speed and --fast, bad
// input, and --serve answering a client with the recorded server side.

#include "app/net/clientconnection.h"
#include "app/net/server.h"
#include "app/protocol/closecode.h"
#include "app/session/compare.h"
#include "app/session/sessionreader.h"
#include "app/session/sessionwriter.h"
#include "tests/common/eventcollector.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <csignal>
#include <functional>
#include <memory>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::EventCollector;

namespace {

constexpr int ProcessTimeoutMs = 30000;
constexpr int WaitMs = 10000;

const QByteArray QuoteJson = R"({"op":"quote","price":10,"ts":1})";

struct Run
{
    int exitCode = -1; // -1: crashed or did not finish
    QString stdOut;
    QString stdErr;

    // The lines of stdout without their "12:00:01.234 " time.
    QStringList lines() const
    {
        static const QRegularExpression time(u"^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d "_s);
        QStringList result;
        for (QString line : stdOut.split(u'\n', Qt::SkipEmptyParts)) {
            line.remove(time);
            result.append(line);
        }
        return result;
    }
    // The message lines: "[#1] → text 5 B [replay]  hello".
    QStringList messages() const
    {
        QStringList result;
        for (const QString &line : lines()) {
            if (line.contains(u"→ text"_s) || line.contains(u"← text"_s))
                result.append(line);
        }
        return result;
    }
};

// Runs frameline-cli to its end while this process's event loop runs (the servers it talks to live here).
Run runCli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(FRAMELINE_CLI_PATH), arguments);
    if (!process.waitForStarted())
        qFatal("cannot start frameline-cli");
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    QDeadlineTimer deadline(ProcessTimeoutMs);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(10);
    Run run;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        run.stdErr = u"(did not finish)"_s;
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.stdOut = QString::fromUtf8(process.readAllStandardOutput());
    run.stdErr += QString::fromUtf8(process.readAllStandardError());
    return run;
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

// A local server that answers every message through `answer` after `delayMs`.
class AnsweringServer
{
public:
    using Answer = std::function<QByteArray(const Message &)>;

    explicit AnsweringServer(Answer answer, int delayMs = 0)
        : m_answer(std::move(answer))
        , m_delayMs(delayMs)
    {
        QObject::connect(&m_server, &Server::clientConnected, &m_server, [this](Connection *client) {
            QObject::connect(
                client, &Connection::eventsReady, client, [this, client](const EventBatch &batch) {
                    for (const MessageEvent &message : messagesOf(batch, Direction::Incoming)) {
                        const QByteArray reply = m_answer(message.message);
                        const quint8 opcode = message.message.opcode;
                        QTimer::singleShot(m_delayMs, client,
                            [client, opcode, reply] { client->sendMessage(opcode, reply); });
                    }
                });
        });
        QString error;
        if (!m_server.listen(&error))
            qFatal("listen: %s", qPrintable(error));
    }

    QString url() const { return m_server.url() + u"chat"_s; }
    static QByteArray echo(const Message &message) { return message.payload; }

private:
    Answer m_answer;
    int m_delayMs;
    Server m_server { [] {
        Server::Options options;
        options.behaviour = Server::Behaviour::Manual;
        return options;
    }() };
};

// ---- session files written by hand --------------------------------------------------------------------

ConnectionNotice handshakeNotice(quint64 connection, const QString &url, bool client)
{
    auto record = std::make_shared<HandshakeRecord>();
    record->url = client ? url : u"/chat"_s;
    record->accepted = true;
    record->peerAddress = u"127.0.0.1"_s;
    record->request = HttpMessage::request("GET", "/chat");
    record->request.addField("Host", "127.0.0.1");
    record->request.addField("X-Token", "abc123");
    record->requestBytes = record->request.serialize();
    if (client)
        record->expectedAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    ConnectionNotice notice;
    notice.connectionId = connection;
    notice.timestampNs = 1'000'000;
    notice.kind = ConnectionNotice::Kind::Handshake;
    notice.state = ConnectionState::Upgrading;
    notice.handshake = record;
    return notice;
}

ConnectionNotice openNotice(quint64 connection)
{
    ConnectionNotice notice;
    notice.connectionId = connection;
    notice.timestampNs = 2'000'000;
    notice.kind = ConnectionNotice::Kind::StateChanged;
    notice.state = ConnectionState::Open;
    return notice;
}

MessageEvent message(quint64 connection, Direction direction, qint64 ms, const QByteArray &text, qint64 index)
{
    MessageEvent event;
    event.connectionId = connection;
    event.timestampNs = ms * 1'000'000;
    event.direction = direction;
    event.origin = direction == Direction::Outgoing ? FrameOrigin::User : FrameOrigin::Peer;
    event.message.index = index;
    event.message.opcode = 0x1;
    event.message.payload = text;
    return event;
}

FrameEvent closeFrame(quint64 connection, Direction direction, qint64 ms)
{
    FrameEvent frame;
    frame.connectionId = connection;
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
    return frame;
}

// A client that sent the quote and, 290 ms later, "hello", got each echoed, and closed.
EventBatch shopSession(const QString &url)
{
    return { handshakeNotice(1, url, true), openNotice(1), message(1, Direction::Outgoing, 10, QuoteJson, 0),
        message(1, Direction::Incoming, 12, QuoteJson, 0), message(1, Direction::Outgoing, 300, "hello", 1),
        message(1, Direction::Incoming, 302, "hello", 1), closeFrame(1, Direction::Outgoing, 400),
        closeFrame(1, Direction::Incoming, 401) };
}

// A client that sent "login", got "welcome" and "news", sent "bye", got "ciao", and closed.
EventBatch chatSession()
{
    return { handshakeNotice(3, u"ws://chat.example/chat"_s, true), openNotice(3),
        message(3, Direction::Outgoing, 10, "login", 0), message(3, Direction::Incoming, 20, "welcome", 0),
        message(3, Direction::Incoming, 30, "news", 1), message(3, Direction::Outgoing, 40, "bye", 1),
        message(3, Direction::Incoming, 50, "ciao", 2), closeFrame(3, Direction::Outgoing, 60),
        closeFrame(3, Direction::Incoming, 61) };
}

QString save(const QTemporaryDir &dir, const QString &name, const EventBatch &events)
{
    const QString path = dir.filePath(name);
    QString error;
    if (!SessionWriter::save(path, events, SessionHeader::forNewSession(), &error))
        qFatal("save: %s", qPrintable(error));
    return path;
}

quint16 unusedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        qFatal("cannot listen");
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class tst_ReplayCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void echoPasses();
    void changedFieldFails();
    void recordWritesTheReplay();
    void waitRepliesOrder();
    void speedAndFast();
    void stepFromStandardInput();
    void unreachableServer();
    void badInput_data();
    void badInput();
    void serveMockServer();
    void help();

private:
    QTemporaryDir m_dir;
};

void tst_ReplayCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_ReplayCommand::echoPasses()
{
    AnsweringServer echo(AnsweringServer::echo);
    const QString file = save(m_dir, u"shop.fls"_s, shopSession(echo.url()));
    // To the recorded URL.
    const Run run = runCli({ u"replay"_s, file, u"--fast"_s, u"--compare"_s });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.stdErr.isEmpty(), qPrintable(run.stdErr));
    const QStringList lines = run.lines();
    QCOMPARE(lines.constFirst(),
        u"replaying connection #1 of %1 to %2 (sends: 3, recorded replies: 2)"_s.arg(file, echo.url()));
    QCOMPARE(run.messages(),
        QStringList({ u"[#1] → text 32 B [replay]  "_s + QString::fromUtf8(QuoteJson),
            u"[#1] → text 5 B [replay]  hello"_s, u"[#1] ← text 32 B  "_s + QString::fromUtf8(QuoteJson),
            u"[#1] ← text 5 B  hello"_s }));
    QCOMPARE(lines.at(lines.size() - 2), u"replay complete: sent 3 of 3"_s);
    QVERIFY2(run.stdOut.endsWith(u"\nPASS: 2 recorded, 2 replayed, all equal\n"_s), qPrintable(run.stdOut));

    // Elsewhere with --url; quiet; without --compare, a complete replay is enough.
    const QString elsewhere = save(m_dir, u"elsewhere.fls"_s, shopSession(u"ws://127.0.0.1:1/nowhere"_s));
    const Run quiet = runCli({ u"replay"_s, elsewhere, u"--url"_s, echo.url(), u"--fast"_s, u"-q"_s });
    QCOMPARE(quiet.exitCode, 0);
    QCOMPARE(quiet.lines(),
        QStringList({ u"replaying connection #1 of %1 to %2 (sends: 3, recorded replies: 2)"_s.arg(
                          elsewhere, echo.url()),
            u"replay complete: sent 3 of 3"_s }));
}

void tst_ReplayCommand::changedFieldFails()
{
    // Prices went up.
    AnsweringServer changed([](const Message &message) {
        const auto json = Compare::parseJson(message.payload);
        if (!json || !json->isObject())
            return message.payload;
        QJsonObject object = json->toObject();
        object.insert(u"price"_s, 12);
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    });
    const QString file = save(m_dir, u"changed.fls"_s, shopSession(changed.url()));
    const Run run = runCli({ u"replay"_s, file, u"--fast"_s, u"--compare"_s, u"-q"_s });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.stdErr.isEmpty(), qPrintable(run.stdErr));
    QVERIFY2(
        run.stdOut.endsWith(u"replay complete: sent 3 of 3\n"
                            "message #1 differs: JSON differs:\n"
                            "    $.price: recorded 10, replayed 12\n"
                            "FAIL: 2 recorded, 2 replayed: 1 equal, 1 different, 0 missing, 0 extra\n"_s),
        qPrintable(run.stdOut));

    for (const QString &ignore : { u"$.price"_s, u"$..price"_s, u"$.*"_s }) {
        const Run ignoring = runCli({ u"replay"_s, file, u"--fast"_s, u"--compare"_s, u"--ignore"_s,
            u"$.ts"_s, u"--ignore"_s, ignore, u"-q"_s });
        QCOMPARE(ignoring.exitCode, 0);
        QVERIFY2(ignoring.stdOut.endsWith(u"\nPASS: 2 recorded, 2 replayed, all equal\n"_s),
            qPrintable(ignoring.stdOut));
    }
    // Without --compare the replay completed: 0.
    QCOMPARE(runCli({ u"replay"_s, file, u"--fast"_s, u"-q"_s }).exitCode, 0);
}

void tst_ReplayCommand::recordWritesTheReplay()
{
    AnsweringServer echo(AnsweringServer::echo);
    const QString file = save(m_dir, u"record-source.fls"_s, shopSession(echo.url()));
    const QString out = m_dir.filePath(u"replayed.fls"_s);
    const Run run = runCli({ u"replay"_s, file, u"--fast"_s, u"--record"_s, out, u"-q"_s });
    QCOMPARE(run.exitCode, 0);
    const SessionReader::Loaded loaded = SessionReader::load(out);
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QVERIFY(loaded.warnings.isEmpty());
    QVERIFY(loaded.header.application.startsWith(u"frameline-cli"_s));
    const QList<MessageEvent> sent = messagesOf(loaded.events, Direction::Outgoing);
    const QList<MessageEvent> received = messagesOf(loaded.events, Direction::Incoming);
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).message.payload, QuoteJson);
    QCOMPARE(sent.at(0).origin, FrameOrigin::Replay);
    QCOMPARE(sent.at(1).message.payload, QByteArray("hello"));
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.at(1).message.payload, QByteArray("hello"));
    // The handshake went again with the recorded header.
    bool sawToken = false;
    for (const ConnectionEvent &event : loaded.events) {
        if (const auto *notice = std::get_if<ConnectionNotice>(&event); notice && notice->handshake)
            sawToken = notice->handshake->request.combinedValue("X-Token") == "abc123";
    }
    QVERIFY(sawToken);
}

void tst_ReplayCommand::waitRepliesOrder()
{
    AnsweringServer slow(AnsweringServer::echo, 200);
    const QString file = save(m_dir, u"slow.fls"_s, shopSession(slow.url()));
    const Run waiting = runCli({ u"replay"_s, file, u"--fast"_s, u"--wait-replies"_s, u"--compare"_s });
    QCOMPARE(waiting.exitCode, 0);
    QCOMPARE(waiting.messages(),
        QStringList({ u"[#1] → text 32 B [replay]  "_s + QString::fromUtf8(QuoteJson),
            u"[#1] ← text 32 B  "_s + QString::fromUtf8(QuoteJson), u"[#1] → text 5 B [replay]  hello"_s,
            u"[#1] ← text 5 B  hello"_s }));
    const Run hurried = runCli({ u"replay"_s, file, u"--fast"_s, u"--compare"_s });
    QCOMPARE(hurried.exitCode, 0);
    QCOMPARE(hurried.messages(),
        QStringList({ u"[#1] → text 32 B [replay]  "_s + QString::fromUtf8(QuoteJson),
            u"[#1] → text 5 B [replay]  hello"_s, u"[#1] ← text 32 B  "_s + QString::fromUtf8(QuoteJson),
            u"[#1] ← text 5 B  hello"_s }));
    // A reply that does not come in time: a warning, then the comparison says what is missing.
    AnsweringServer tooSlow(AnsweringServer::echo, 3000);
    const QString late = save(m_dir, u"late.fls"_s, shopSession(tooSlow.url()));
    const Run timedOut = runCli({ u"replay"_s, late, u"--fast"_s, u"--wait-replies"_s, u"--timeout"_s,
        u"0.2"_s, u"--compare"_s, u"-q"_s });
    QCOMPARE(timedOut.exitCode, 1);
    QCOMPARE(timedOut.stdErr,
        u"warning: send 2 of 3 waited 0.2 s for reply 1, which did not come: sending anyway\n"
        "warning: send 3 of 3 waited 0.2 s for reply 2, which did not come: sending anyway\n"_s);
    QVERIFY2(timedOut.stdOut.endsWith(
                 u"FAIL: 2 recorded, 0 replayed: 0 equal, 0 different, 2 missing, 0 extra\n"_s),
        qPrintable(timedOut.stdOut));
}

void tst_ReplayCommand::speedAndFast()
{
    // The recording's sends are 290 ms apart; the replay's own recording shows how far apart it sent them.
    AnsweringServer echo(AnsweringServer::echo);
    const QString file = save(m_dir, u"timed.fls"_s, shopSession(echo.url()));
    const auto spanOfSends = [&](const QStringList &pacing) -> qint64 {
        const QString out = m_dir.filePath(u"timed-replay.fls"_s);
        const Run run = runCli(QStringList { u"replay"_s, file, u"--record"_s, out, u"-q"_s } + pacing);
        if (run.exitCode != 0)
            return -1;
        const QList<MessageEvent> sent = messagesOf(SessionReader::load(out).events, Direction::Outgoing);
        return sent.size() == 2 ? sent.at(1).timestampNs - sent.at(0).timestampNs : -1;
    };
    const qint64 recorded = 290'000'000;
    const qint64 fast = spanOfSends({ u"--fast"_s });
    QVERIFY2(fast >= 0 && fast < recorded, qPrintable(QString::number(fast)));
    const qint64 doubled = spanOfSends({ u"--speed"_s, u"2"_s });
    QVERIFY2(doubled >= recorded / 2 && doubled < recorded, qPrintable(QString::number(doubled)));
    const qint64 halved = spanOfSends({ u"--speed"_s, u"0.5"_s });
    QVERIFY2(halved >= 2 * recorded, qPrintable(QString::number(halved)));
}

void tst_ReplayCommand::stepFromStandardInput()
{
    AnsweringServer echo(AnsweringServer::echo);
    const QString file = save(m_dir, u"step.fls"_s, shopSession(echo.url()));
    // One Enter, then the end of input: one send, then the replay stops.
    const Run one = runCli({ u"replay"_s, file, u"--step"_s, u"-q"_s }, "\n");
    QCOMPARE(one.exitCode, 1);
    const QStringList lines = one.lines();
    QVERIFY2(lines.contains(u"[#1] step 2/3: text message, 5 B: hello — press Enter to send"_s),
        qPrintable(one.stdOut));
    QVERIFY2(lines.contains(u"end of standard input: stopping the replay"_s), qPrintable(one.stdOut));
    QCOMPARE(lines.constLast(), u"error: replay incomplete: stopped after 1 of 3 sends"_s);
    // One Enter per step: the whole replay.
    const Run all = runCli({ u"replay"_s, file, u"--step"_s, u"--compare"_s, u"-q"_s }, "\n\n\n");
    QCOMPARE(all.exitCode, 0);
    QVERIFY2(
        all.stdOut.endsWith(u"replay complete: sent 3 of 3\nPASS: 2 recorded, 2 replayed, all equal\n"_s),
        qPrintable(all.stdOut));
}

void tst_ReplayCommand::unreachableServer()
{
    const QString url = u"ws://127.0.0.1:%1/chat"_s.arg(unusedPort());
    const QString file = save(m_dir, u"unreachable.fls"_s, shopSession(url));
    const Run run = runCli({ u"replay"_s, file, u"--fast"_s, u"-q"_s });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.lines().constLast().startsWith(
                 u"error: replay incomplete: could not connect to "_s + url + u": "_s),
        qPrintable(run.stdOut));
    const Run compared = runCli({ u"replay"_s, file, u"--fast"_s, u"--compare"_s, u"-q"_s });
    QCOMPARE(compared.exitCode, 1);
    QVERIFY2(compared.stdOut.endsWith(u"message #1 missing: the replay did not receive it: text, 32 B "_s
                 + u"\"{\\\"op\\\":\\\"quote\\\",\\\"price\\\":10,\\\"ts\\\":1}\"\n"_s
                 + u"message #2 missing: the replay did not receive it: text, 5 B \"hello\"\n"
                   "FAIL: 2 recorded, 0 replayed: 0 equal, 0 different, 2 missing, 0 extra\n"_s),
        qPrintable(compared.stdOut));
}

void tst_ReplayCommand::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    const QString shop = m_dir.filePath(u"bad-shop.fls"_s);
    save(m_dir, u"bad-shop.fls"_s, shopSession(u"ws://127.0.0.1:1/chat"_s));
    const QString serverOnly = save(m_dir, u"server-only.fls"_s,
        { handshakeNotice(2, QString(), false), openNotice(2),
            message(2, Direction::Incoming, 10, "hi", 0) });
    const QString noUrl = save(m_dir, u"no-url.fls"_s, { closeFrame(5, Direction::Outgoing, 10) });
    QFile text(m_dir.filePath(u"notes.txt"_s));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("just some notes\n");
    text.close();
    const QString missing = m_dir.filePath(u"missing.fls"_s);
    const QString help = u" (see 'frameline-cli replay --help')\n"_s;

    QTest::newRow("no file") << QStringList()
                             << u"frameline-cli replay: no FILE: give the session file to replay"_s + help;
    QTest::newRow("two files") << QStringList({ shop, shop })
                               << u"frameline-cli replay: give one FILE, not 2: %1 %1"_s.arg(shop) + help;
    QTest::newRow("missing file") << QStringList({ missing })
                                  << u"frameline-cli replay: Cannot open %1: No such file or directory"_s.arg(
                                         missing)
            + help;
    QTest::newRow("not a session")
        << QStringList({ text.fileName() })
        << u"frameline-cli replay: %1 is not a Frameline session: its first line is not a "
           "session header"_s.arg(text.fileName())
            + help;
    QTest::newRow("no client connection") << QStringList({ serverOnly })
                                          << u"frameline-cli replay: %1 holds no connection recorded by a "
                                             u"client; give --connection ID to replay the "
                                             "client side of a server's recording"_s.arg(serverOnly)
            + help;
    QTest::newRow("no such connection")
        << QStringList({ shop, u"--connection"_s, u"99"_s })
        << u"frameline-cli replay: the recording has no connection #99"_s + help;
    QTest::newRow("bad connection id")
        << QStringList({ shop, u"--connection"_s, u"x"_s })
        << u"frameline-cli replay: --connection must be a connection id (a positive "
           "number), not 'x'"_s
            + help;
    QTest::newRow("no recorded url") << QStringList(
        { noUrl }) << u"frameline-cli replay: connection #5 has no recorded URL: give --url"_s + help;
    QTest::newRow("bad url")
        << QStringList({ shop, u"--url"_s, u"http://example.com/"_s })
        << u"frameline-cli replay: --url: The scheme 'http' is not a WebSocket scheme: use ws:// or "
           "wss://"_s
            + help;
    QTest::newRow("speed zero")
        << QStringList({ shop, u"--speed"_s, u"0"_s })
        << u"frameline-cli replay: --speed must be a number above 0 (2 plays twice as fast), not "
           "'0'"_s
            + help;
    QTest::newRow("speed and fast") << QStringList({ shop, u"--speed"_s, u"2"_s,
        u"--fast"_s }) << u"frameline-cli replay: give one of --speed, --fast and --step"_s + help;
    QTest::newRow("fast and step") << QStringList({ shop, u"--step"_s,
        u"--fast"_s }) << u"frameline-cli replay: give one of --speed, --fast and --step"_s + help;
    QTest::newRow("ignore without compare") << QStringList({ shop, u"--ignore"_s, u"$.a"_s })
                                            << u"frameline-cli replay: --ignore needs --compare"_s + help;
    QTest::newRow("bad jsonpath")
        << QStringList({ shop, u"--compare"_s, u"--ignore"_s, u"$.a b"_s })
        << u"frameline-cli replay: --ignore: '$.a b' is not a JSONPath this understands: "
           "unexpected ' ' at offset 3: expected '.' or '['"_s
            + help;
    QTest::newRow("bad timeout")
        << QStringList({ shop, u"--timeout"_s, u"-1"_s })
        << u"frameline-cli replay: --timeout must be a positive number of seconds, not "
           "'-1'"_s
            + help;
    QTest::newRow("port without serve") << QStringList({ shop, u"--port"_s, u"0"_s })
                                        << u"frameline-cli replay: --port needs --serve"_s + help;
    QTest::newRow("serve and compare")
        << QStringList({ shop, u"--serve"_s, u"--compare"_s })
        << u"frameline-cli replay: --compare is for replaying as a client, not with "
           "--serve"_s
            + help;
    QTest::newRow("bad port")
        << QStringList({ shop, u"--serve"_s, u"--port"_s, u"70000"_s })
        << u"frameline-cli replay: --port must be a number from 0 to 65535, not '70000'"_s + help;
    QTest::newRow("frames of messages")
        << QStringList({ shop, u"--frames"_s })
        << u"frameline-cli replay: connection #1 has messages but not their frames (an "
           "import keeps only messages): replay its messages instead"_s
            + help;
    QTest::newRow("insecure for ws") << QStringList({ shop, u"--insecure"_s })
                                     << u"frameline-cli replay: --insecure is for wss:// URLs"_s + help;
    const QString noFolder = m_dir.filePath(u"no-such-folder/out.fls"_s);
    QTest::newRow("record nowhere")
        << QStringList({ shop, u"--record"_s, noFolder })
        << u"frameline-cli replay: --record: Cannot create the session file %1: No such "
           "file or directory"_s.arg(noFolder)
            + help;
    QTest::newRow("unknown option") << QStringList({ shop, u"--bogus"_s })
                                    << u"frameline-cli replay: Unknown option 'bogus'."_s + help;
}

void tst_ReplayCommand::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const Run run = runCli(QStringList { u"replay"_s } + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.stdOut.isEmpty());
    if (error.endsWith(u" ..."_s))
        QVERIFY2(run.stdErr.startsWith(error.chopped(4)), qPrintable(run.stdErr));
    else
        QCOMPARE(run.stdErr, error);
}

void tst_ReplayCommand::serveMockServer()
{
    const QString file = save(m_dir, u"chat.fls"_s, chatSession());
    QProcess serve;
    serve.start(QStringLiteral(FRAMELINE_CLI_PATH),
        { u"replay"_s, file, u"--serve"_s, u"--port"_s, u"0"_s, u"--fast"_s });
    QVERIFY(serve.waitForStarted());
    QDeadlineTimer deadline(ProcessTimeoutMs);
    while (!serve.canReadLine() && serve.state() == QProcess::Running && !deadline.hasExpired())
        serve.waitForReadyRead(100);
    const QString listening = QString::fromUtf8(serve.readLine());
    const QRegularExpressionMatch match
        = QRegularExpression(u"^listening on (ws://127\\.0\\.0\\.1:\\d+/)\n$"_s).match(listening);
    QVERIFY2(match.hasMatch(), qPrintable(listening));

    ClientConnection::Options options;
    options.url = QUrl(match.captured(1) + u"chat"_s);
    ClientConnection client(options);
    EventCollector events;
    events.follow(&client);
    QSignalSpy opened(&client, &Connection::opened);
    QSignalSpy closed(&client, &Connection::closed);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, WaitMs);
    QVERIFY(client.sendText("login"));
    QTRY_COMPARE_WITH_TIMEOUT(events.messages(Direction::Incoming).size(), 2, WaitMs);
    QTest::qWait(150);
    QCOMPARE(events.messages(Direction::Incoming).size(), 2); // "ciao" waits for the second message
    QVERIFY(client.sendText("bye"));
    QTRY_COMPARE_WITH_TIMEOUT(events.messages(Direction::Incoming).size(), 3, WaitMs);
    QStringList received;
    for (const MessageEvent &message : events.messages(Direction::Incoming))
        received.append(QString::fromUtf8(message.message.payload));
    QCOMPARE(received, QStringList({ u"welcome"_s, u"news"_s, u"ciao"_s }));
    client.close(1000);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, WaitMs);
    QTest::qWait(200); // the server notices the close

    ::kill(pid_t(serve.processId()), SIGTERM);
    QVERIFY(serve.waitForFinished(ProcessTimeoutMs));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    Run run;
    run.stdOut = QString::fromUtf8(serve.readAllStandardOutput());
    const QStringList lines = run.lines();
    QVERIFY2(lines.contains(u"[#1] replaying the server side of connection #3 (sends: 3)"_s),
        qPrintable(run.stdOut));
    QVERIFY2(lines.contains(u"[#1] client done: every recorded send was sent"_s), qPrintable(run.stdOut));
    QCOMPARE(lines.constLast(), u"SIGTERM: closing every client with 1001 and shutting down (clients: 0)"_s);
    QCOMPARE(run.messages(),
        QStringList({ u"[#1] ← text 5 B  login"_s, u"[#1] → text 7 B [replay]  welcome"_s,
            u"[#1] → text 4 B [replay]  news"_s, u"[#1] ← text 3 B  bye"_s,
            u"[#1] → text 4 B [replay]  ciao"_s }));
}

void tst_ReplayCommand::help()
{
    const Run run = runCli({ u"replay"_s, u"--help"_s });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(
        run.stdOut.startsWith(u"Usage: frameline-cli replay [options] FILE\n"_s), qPrintable(run.stdOut));
    QVERIFY(run.stdOut.contains(u"--wait-replies"_s));
    const Run usage = runCli({ u"--help"_s });
    QVERIFY2(usage.stdOut.contains(
                 u"  replay    Replay a recorded connection as a client (and compare the replies), or "
                 "serve it as a mock server\n"_s),
        qPrintable(usage.stdOut));
}

QTEST_GUILESS_MAIN(tst_ReplayCommand)
#include "tst_replaycommand.moc"
