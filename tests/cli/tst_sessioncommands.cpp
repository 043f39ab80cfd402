// frameline-cli and session files, run as a user runs it: `connect --record` and `serve --record` (what
// they write, and that a recording killed with SIGKILL mid-stream still opens with all but its last
// moments), `info` on good, truncated, corrupt, empty and wrong-version files (output, warnings, exit
// codes), `import` of a DevTools HAR and `export` to HAR, CSV and JSON (the same bytes as the engine's
// SessionExport), and their help.

#include "app/net/server.h"
#include "app/session/sessionexport.h"
#include "app/session/sessionreader.h"
#include "app/session/sessionwriter.h"

#include <QtCore/QBuffer>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtTest/QTest>

#include <csignal>
#include <functional>

using namespace Frameline;
using namespace Qt::StringLiterals;

namespace {

constexpr int ProcessTimeoutMs = 30000;

struct Run
{
    int exitCode = -1; // -1: crashed
    QByteArray stdOut;
    QString stdErr;
};

Run collect(QProcess &process)
{
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.stdOut = process.readAllStandardOutput();
    run.stdErr = QString::fromUtf8(process.readAllStandardError());
    return run;
}

Run runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(FRAMELINE_CLI_PATH), arguments);
    if (!process.waitForStarted())
        qFatal("cannot start frameline-cli");
    process.closeWriteChannel();
    if (!process.waitForFinished(ProcessTimeoutMs))
        qFatal("frameline-cli did not finish");
    return collect(process);
}

QList<QJsonObject> parseJsonLines(const QByteArray &output)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : output.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            qFatal("not a JSON object line: %s", line.constData());
        lines.append(document.object());
    }
    return lines;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
}

QString fixture(const QString &name)
{
    return QStringLiteral(FRAMELINE_TEST_DATA_DIR) + QLatin1Char('/') + name;
}

// `frameline-cli serve --port 0 --json ...` in the background, its URL read from the first line.
class ServeProcess
{
public:
    explicit ServeProcess(const QStringList &arguments)
    {
        m_process.start(QStringLiteral(FRAMELINE_CLI_PATH),
            QStringList { u"serve"_s, u"--port"_s, u"0"_s, u"--json"_s } + arguments);
        if (!m_process.waitForStarted())
            qFatal("cannot start serve");
        QElapsedTimer timer;
        timer.start();
        while (!m_process.canReadLine()) {
            if (timer.elapsed() > ProcessTimeoutMs || m_process.state() == QProcess::NotRunning)
                qFatal("serve did not start: %s", m_process.readAllStandardError().constData());
            m_process.waitForReadyRead(1000);
        }
        const QJsonObject listening = parseJsonLines(m_process.readLine()).constFirst();
        url = listening.value("url"_L1).toString();
    }
    ~ServeProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    Run stop()
    {
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(ProcessTimeoutMs))
            qFatal("serve did not stop");
        return collect(m_process);
    }
    QString url;

private:
    QProcess m_process;
};

// "frame out text hello", "message in binary 00ff": what crossed the wire, from printed lines or a file.
QStringList trafficOf(const QList<QJsonObject> &lines)
{
    QStringList traffic;
    for (const QJsonObject &line : lines) {
        const QString type = line.value("type"_L1).toString();
        if (type != "frame"_L1 && type != "message"_L1)
            continue;
        // Frames carry payloadHex; a message carries its text, or payloadHex when it is not text.
        const QString hex = line.contains("payloadHex"_L1)
            ? line.value("payloadHex"_L1).toString()
            : QString::fromLatin1(line.value("text"_L1).toString().toUtf8().toHex());
        traffic.append(u"%1 %2 %3 %4"_s.arg(
            type, line.value("direction"_L1).toString(), line.value("opcodeName"_L1).toString(), hex));
    }
    return traffic;
}

QStringList trafficOf(const EventBatch &events)
{
    QStringList traffic;
    for (const ConnectionEvent &event : events) {
        if (const auto *frame = std::get_if<FrameEvent>(&event)) {
            traffic.append(
                u"frame %1 %2 %3"_s.arg(frame->direction == Direction::Incoming ? u"in"_s : u"out"_s,
                    opcodeName(frame->frame.opcode), QString::fromLatin1(frame->payload.toHex())));
        } else if (const auto *message = std::get_if<MessageEvent>(&event)) {
            traffic.append(u"message %1 %2 %3"_s.arg(
                message->direction == Direction::Incoming ? u"in"_s : u"out"_s,
                opcodeName(message->message.opcode), QString::fromLatin1(message->message.payload.toHex())));
        }
    }
    return traffic;
}

QList<ConnectionNotice> noticesOf(const EventBatch &events, ConnectionNotice::Kind kind)
{
    QList<ConnectionNotice> notices;
    for (const ConnectionEvent &event : events) {
        if (const auto *notice = std::get_if<ConnectionNotice>(&event); notice && notice->kind == kind)
            notices.append(*notice);
    }
    return notices;
}

qint64 timeOf(const ConnectionEvent &event)
{
    return std::visit([](const auto &value) { return value.timestampNs; }, event);
}

// ---- a small session built by hand, so that every figure `info` prints is known -----------------------

// 2026-11-21T11:22:40.371Z.
constexpr qint64 OriginMs = 1795260160371;

FrameEvent frameOf(quint64 connection, qint64 ns, Direction direction, quint8 opcode,
    const QByteArray &payload, qint64 index)
{
    FrameEvent event;
    event.connectionId = connection;
    event.timestampNs = ns;
    event.direction = direction;
    event.origin = direction == Direction::Outgoing ? FrameOrigin::User : FrameOrigin::Peer;
    Frame &frame = event.frame;
    frame.index = index;
    frame.fin = true;
    frame.opcode = opcode;
    frame.messageOpcode = opcode;
    frame.masked = direction == Direction::Outgoing;
    frame.payloadLength = quint64(payload.size());
    frame.header[0] = quint8(0x80 | opcode);
    frame.header[1] = quint8((frame.masked ? 0x80 : 0) | payload.size());
    frame.headerLength = frame.masked ? 6 : 2;
    event.payload = payload;
    return event;
}

MessageEvent messageOf(const FrameEvent &frame)
{
    MessageEvent event;
    event.connectionId = frame.connectionId;
    event.timestampNs = frame.timestampNs;
    event.direction = frame.direction;
    event.origin = frame.origin;
    event.message.index = frame.frame.index;
    event.message.opcode = frame.frame.opcode;
    event.message.frameIndexes.append(frame.frame.index);
    event.message.payload = frame.payload;
    event.message.wireLength = quint64(frame.payload.size());
    return event;
}

ConnectionNotice noticeOf(quint64 connection, qint64 ns, ConnectionNotice::Kind kind, ConnectionState state)
{
    ConnectionNotice notice;
    notice.connectionId = connection;
    notice.timestampNs = ns;
    notice.kind = kind;
    notice.state = state;
    return notice;
}

EventBatch builtEvents()
{
    EventBatch events;
    events.append(noticeOf(4, 1000, ConnectionNotice::Kind::StateChanged, ConnectionState::Connecting));
    ConnectionNotice handshake
        = noticeOf(3, 2000, ConnectionNotice::Kind::Handshake, ConnectionState::Upgrading);
    auto record = std::make_shared<HandshakeRecord>();
    record->url = u"ws://example.test/feed"_s;
    record->peerAddress = u"192.0.2.1"_s;
    record->peerPort = 80;
    record->request = HttpMessage::request("GET", "/feed");
    record->request.addField("Host", "example.test");
    record->requestBytes = record->request.serializeHead();
    record->response = HttpMessage::response(101);
    record->responseBytes = record->response.serializeHead();
    record->accepted = true;
    handshake.handshake = record;
    events.append(handshake);
    events.append(noticeOf(3, 2000, ConnectionNotice::Kind::StateChanged, ConnectionState::Open));
    const FrameEvent abc = frameOf(3, 10000000, Direction::Incoming, 1, "abc", 0);
    events.append(abc);
    events.append(messageOf(abc));
    const FrameEvent binary
        = frameOf(3, 20000000, Direction::Incoming, 2, QByteArray("\x00\x01\x02\x03", 4), 1);
    events.append(binary);
    events.append(messageOf(binary));
    const FrameEvent hi = frameOf(3, 30000000, Direction::Outgoing, 1, "hi", 0);
    events.append(hi);
    events.append(messageOf(hi));
    FrameEvent bad = frameOf(3, 40000000, Direction::Incoming, 1, "bad", 2);
    bad.frame.rsv2 = true;
    bad.frame.header[0] |= 0x20;
    bad.frame.violations = { ViolationText::make(ViolationKind::ReservedBitsSet, u"RSV2 is set"_s),
        ViolationText::make(ViolationKind::NonMinimalLength, u"long form"_s) };
    events.append(bad);
    ConnectionNotice violation
        = noticeOf(3, 40000001, ConnectionNotice::Kind::Violation, ConnectionState::Open);
    violation.violation = bad.frame.violations.constFirst();
    violation.text = u"failing the connection"_s;
    events.append(violation);
    ConnectionNotice closed4
        = noticeOf(4, 50000000, ConnectionNotice::Kind::StateChanged, ConnectionState::Closed);
    events.append(closed4); // never opened: 1006
    ConnectionNotice info = noticeOf(0, 60000000, ConnectionNotice::Kind::Info, ConnectionState::Idle);
    info.text = u"a note"_s;
    events.append(info);
    ConnectionNotice closed3
        = noticeOf(3, 2500000000, ConnectionNotice::Kind::StateChanged, ConnectionState::Closed);
    closed3.close.code = 1000;
    closed3.close.sentCode = 1000;
    closed3.close.initiator = CloseInitiator::Remote;
    closed3.close.closingHandshakeCompleted = true;
    closed3.close.abnormal = false;
    events.append(closed3);
    return events;
}

SessionHeader builtHeader()
{
    SessionHeader header = SessionHeader::forNewSession();
    header.timeOriginMs = OriginMs;
    header.application = u"test 1.0"_s;
    return header;
}

QByteArray builtFile()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    SessionWriter writer;
    writer.start(&buffer, builtHeader());
    writer.write(builtEvents());
    writer.close();
    return buffer.data();
}

// The JSON `info` prints for builtFile(), with its file name.
QByteArray builtInfoJson(const QString &path)
{
    return "{\"connections\":2,\"frames\":4,\"messages\":3,\"bytes\":12,\"durationMs\":2499.999,"
           "\"violations\":2,"
           "\"framesIn\":3,\"framesOut\":1,\"messagesIn\":2,\"messagesOut\":1,\"bytesIn\":10,\"bytesOut\":2,"
           "\"notices\":7,\"file\":\""
        + QDir::toNativeSeparators(path).toUtf8()
        + "\",\"version\":\"1.0\",\"application\":\"test 1.0\",\"start\":\"2026-11-21T11:22:40.371Z\","
          "\"end\":\"2026-11-21T11:22:42.871Z\",\"warnings\":0,\"connectionList\":["
          "{\"id\":4,\"url\":null,\"frames\":0,\"messages\":0,\"bytes\":0,\"violations\":0,\"state\":"
          "\"closed\","
          "\"closeCode\":1006},"
          "{\"id\":3,\"url\":\"ws://example.test/"
          "feed\",\"frames\":4,\"messages\":3,\"bytes\":12,\"violations\":2,"
          "\"state\":\"closed\",\"closeCode\":1000}]}\n";
}

} // namespace

class tst_SessionCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help();
    // Recording.
    void recordConnectAndServe();
    void killedRecordingKeepsAllButTheLastMoments();
    void recordFileThatCannotBeCreated();
    // info.
    void infoOfBuiltFile();
    void infoOfDamagedFiles_data();
    void infoOfDamagedFiles();
    void infoBadArguments();
    // import and export.
    void importDevToolsHar();
    void importErrors();
    void exportFormats_data();
    void exportFormats();
    void exportErrors();

private:
    QTemporaryDir m_dir;
    QString m_version;
};

void tst_SessionCommands::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The CLI's version, which it writes into session headers and HAR files: the engine in this process
    // then writes the same bytes.
    const Run version = runCli({ u"--version"_s });
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.stdOut.startsWith("frameline-cli "));
    m_version = QString::fromUtf8(version.stdOut.mid(14).trimmed());
    QVERIFY(!m_version.isEmpty());
    QCoreApplication::setApplicationVersion(m_version);
}

void tst_SessionCommands::help()
{
    const Run all = runCli({ u"--help"_s });
    QCOMPARE(all.exitCode, 0);
    const QString usage = QString::fromUtf8(all.stdOut);
    for (const char *line :
        { "  info      Sum up a session file", "  import    Turn the WebSocket connections of a HAR file",
            "  export    Write a session file as HAR" })
        QVERIFY2(usage.contains(QLatin1String(line)), line);

    const struct
    {
        const char *command;
        const char *usage;
        QList<const char *> mentions;
    } commands[] = {
        { "info", "Usage: frameline-cli info [options] FILE",
            { "--json", "warning: last line truncated", "Exit status" } },
        { "import", "Usage: frameline-cli import [options] FILE.har",
            { "--out <FILE>", "_webSocketMessages", "Exit status" } },
        { "export", "Usage: frameline-cli export [options] FILE",
            { "--format <FORMAT>", "--out <OUT>", "RFC 4180", "Exit status" } },
        { "connect", "Usage: frameline-cli connect [options] URL", { "--record <FILE>", "200 ms" } },
        { "serve", "Usage: frameline-cli serve [options]", { "--record <FILE>", "200 ms" } },
    };
    for (const auto &command : commands) {
        const Run run = runCli({ QString::fromLatin1(command.command), u"--help"_s });
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.stdOut);
        QVERIFY2(text.startsWith(QLatin1String(command.usage)), qPrintable(text.left(200)));
        for (const char *mention : command.mentions)
            QVERIFY2(text.contains(QLatin1String(mention)), mention);
    }
}

// ---- recording -------------------------------------------------------------------------------------------

void tst_SessionCommands::recordConnectAndServe()
{
    const QString serverFile = m_dir.filePath(u"serve.fls"_s);
    const QString clientFile = m_dir.filePath(u"connect.fls"_s);
    ServeProcess serve({ u"--echo"_s, u"--record"_s, serverFile });
    const Run client = runCli({ u"connect"_s, serve.url, u"--send"_s, u"hello"_s, u"--send-binary"_s,
        u"00ff"_s, u"--close-after"_s, u"200"_s, u"--json"_s, u"--record"_s, clientFile });
    QCOMPARE(client.exitCode, 0);
    QCOMPARE(client.stdErr, QString());
    const Run server = serve.stop();
    QCOMPARE(server.exitCode, 0);

    // The client's file holds what it printed: the same frames and messages, at the same times.
    const SessionReader::Loaded recorded = SessionReader::load(clientFile);
    QVERIFY2(recorded.ok, qPrintable(recorded.error));
    QCOMPARE(recorded.warnings, QStringList());
    QCOMPARE(recorded.header.application, u"frameline-cli "_s + m_version);
    const QList<QJsonObject> printed = parseJsonLines(client.stdOut);
    const QStringList expectedTraffic { u"frame out text 68656c6c6f"_s, u"message out text 68656c6c6f"_s,
        u"frame out binary 00ff"_s, u"message out binary 00ff"_s, u"frame in text 68656c6c6f"_s,
        u"message in text 68656c6c6f"_s, u"frame in binary 00ff"_s, u"message in binary 00ff"_s,
        u"frame out close 03e8"_s, u"frame in close 03e8"_s };
    QCOMPARE(trafficOf(printed), expectedTraffic);
    QCOMPARE(trafficOf(recorded.events), expectedTraffic);
    QList<qint64> printedTimes;
    for (const QJsonObject &line : printed) {
        const QString type = line.value("type"_L1).toString();
        if (type == "frame"_L1 || type == "message"_L1 || type == "state"_L1 || type == "handshake"_L1)
            printedTimes.append(line.value("time"_L1).toInteger());
    }
    QList<qint64> recordedTimes;
    for (const ConnectionEvent &event : recorded.events) {
        const auto *notice = std::get_if<ConnectionNotice>(&event);
        if (!notice || notice->kind == ConnectionNotice::Kind::StateChanged
            || notice->kind == ConnectionNotice::Kind::Handshake)
            recordedTimes.append(timeOf(event));
    }
    QCOMPARE(recordedTimes, printedTimes);
    QStringList states;
    for (const ConnectionNotice &notice : noticesOf(recorded.events, ConnectionNotice::Kind::StateChanged))
        states.append(ConnectionText::stateId(notice.state));
    QCOMPARE(states, (QStringList { u"connecting"_s, u"upgrading"_s, u"open"_s, u"closing"_s, u"closed"_s }));
    // The command's own note is in the file too.
    const QList<ConnectionNotice> infos = noticesOf(recorded.events, ConnectionNotice::Kind::Info);
    QCOMPARE(infos.size(), 1);
    QCOMPARE(infos.at(0).text, u"--close-after 200 ms elapsed: closing with 1000"_s);
    QCOMPARE(infos.at(0).connectionId, quint64(1));
    QCOMPARE(infos.at(0).state, ConnectionState::Open);

    // The server's file: the same conversation from its side, and its shutdown note.
    const SessionReader::Loaded served = SessionReader::load(serverFile);
    QVERIFY2(served.ok, qPrintable(served.error));
    QCOMPARE(served.warnings, QStringList());
    QCOMPARE(trafficOf(served.events),
        (QStringList { u"frame in text 68656c6c6f"_s, u"message in text 68656c6c6f"_s,
            u"frame out text 68656c6c6f"_s, u"message out text 68656c6c6f"_s, u"frame in binary 00ff"_s,
            u"message in binary 00ff"_s, u"frame out binary 00ff"_s, u"message out binary 00ff"_s,
            u"frame in close 03e8"_s, u"frame out close 03e8"_s }));
    const QList<ConnectionNotice> serverInfos = noticesOf(served.events, ConnectionNotice::Kind::Info);
    QCOMPARE(serverInfos.size(), 1);
    QCOMPARE(serverInfos.at(0).connectionId, quint64(0));
    QCOMPARE(serverInfos.at(0).text, u"SIGTERM: closing 0 client(s) with 1001 and shutting down"_s);

    // `info` on the client's recording.
    const qint64 durationNs = timeOf(recorded.events.constLast()) - timeOf(recorded.events.constFirst());
    const Run info = runCli({ u"info"_s, clientFile, u"--json"_s });
    QCOMPARE(info.exitCode, 0);
    QCOMPARE(info.stdErr, QString());
    const QByteArray expectedStart
        = "{\"connections\":1,\"frames\":6,\"messages\":4,\"bytes\":18,\"durationMs\":";
    QVERIFY2(info.stdOut.startsWith(expectedStart), info.stdOut.constData());
    QVERIFY(info.stdOut.contains(
        ",\"violations\":0,\"framesIn\":3,\"framesOut\":3,\"messagesIn\":2,\"messagesOut\":2,"
        "\"bytesIn\":9,\"bytesOut\":9,"));
    const QJsonObject summary = parseJsonLines(info.stdOut).constFirst();
    QCOMPARE(std::llround(summary.value("durationMs"_L1).toDouble() * 1e6), durationNs);
    const QList<QString> firstKeys { u"connections"_s, u"frames"_s, u"messages"_s, u"bytes"_s,
        u"durationMs"_s, u"violations"_s };
    qsizetype position = 0;
    for (const QString &key : firstKeys) {
        const qsizetype at = info.stdOut.indexOf(QByteArray('"' + key.toUtf8() + "\":"));
        QVERIFY2(at > position, qPrintable(key));
        position = at;
    }
    // The server's recording has the request target only; `info` puts the URL together from Host.
    const Run serverInfo = runCli({ u"info"_s, serverFile, u"--json"_s });
    QCOMPARE(serverInfo.exitCode, 0);
    const QJsonObject serverSummary = parseJsonLines(serverInfo.stdOut).constFirst();
    QCOMPARE(serverSummary.value("connectionList"_L1).toArray().at(0).toObject().value("url"_L1).toString(),
        serve.url);
    QCOMPARE(serverSummary.value("frames"_L1).toInteger(), qint64(6));

    const Run human = runCli({ u"info"_s, clientFile });
    QCOMPARE(human.exitCode, 0);
    const QStringList lines = QString::fromUtf8(human.stdOut).split(u'\n');
    QCOMPARE(lines.at(0),
        u"File          %1 (session format 1.0, written by frameline-cli %2)"_s.arg(clientFile, m_version));
    QVERIFY(lines.contains(u"Connections   1"_s));
    QVERIFY(lines.contains(u"Frames        6 (3 in, 3 out)"_s));
    QVERIFY(lines.contains(u"Messages      4 (2 in, 2 out)"_s));
    QVERIFY(lines.contains(u"Bytes         18 B (9 B in, 9 B out)"_s));
    QVERIFY(lines.contains(u"Violations    0"_s));
    QVERIFY2(lines.contains(u"#1 %1  6 frame(s), 4 message(s), 18 B, closed 1000"_s.arg(serve.url)),
        human.stdOut.constData());
}

void tst_SessionCommands::killedRecordingKeepsAllButTheLastMoments()
{
    // A server in this process sends a steady stream of text messages, one every 5 ms, to `connect
    // --record`, which is killed with SIGKILL after about a second. The writer hands its lines to the
    // operating system at most 200 ms after they arrive, so the file must open and hold, in order, every
    // message sent more than 300 ms before the kill.
    Server server(Server::Options {});
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    QElapsedTimer clock;
    QList<qint64> sentAtMs;
    QTimer sender;
    sender.setTimerType(Qt::PreciseTimer);
    sender.setInterval(5);
    connect(&sender, &QTimer::timeout, this, [&] {
        const QList<Connection *> clients = server.clients();
        if (clients.isEmpty() || clients.constFirst()->state() != ConnectionState::Open)
            return;
        if (!clients.constFirst()->sendText("message " + QByteArray::number(sentAtMs.size())))
            return;
        sentAtMs.append(clock.elapsed());
    });
    clock.start();
    sender.start();

    const QString path = m_dir.filePath(u"killed.fls"_s);
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice()); // never blocks on a full pipe
    process.start(QStringLiteral(FRAMELINE_CLI_PATH), { u"connect"_s, server.url(), u"--record"_s, path });
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(!sentAtMs.isEmpty(), 10000);
    // About a second of steady traffic, in an event loop of its own (QTRY's waits sleep between polls,
    // which would thin out the 5 ms timer).
    QEventLoop streaming;
    QTimer::singleShot(1000, &streaming, &QEventLoop::quit);
    streaming.exec();
    const qint64 killedAtMs = clock.elapsed();
    process.kill();
    QVERIFY(process.waitForFinished(ProcessTimeoutMs));
    sender.stop();
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);

    const qint64 mustHave = std::count_if(
        sentAtMs.cbegin(), sentAtMs.cend(), [killedAtMs](qint64 ms) { return ms <= killedAtMs - 300; });
    QVERIFY2(mustHave >= 100, qPrintable(u"only %1 messages sent before the last 300 ms"_s.arg(mustHave)));

    const SessionReader::Loaded loaded = SessionReader::load(path);
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QVERIFY2(loaded.warnings.isEmpty() || loaded.warnings == QStringList { u"last line truncated"_s },
        qPrintable(loaded.warnings.join(u'\n')));
    QVERIFY(!noticesOf(loaded.events, ConnectionNotice::Kind::Handshake).isEmpty());
    QStringList received;
    for (const ConnectionEvent &event : loaded.events) {
        if (const auto *frame = std::get_if<FrameEvent>(&event);
            frame && frame->direction == Direction::Incoming)
            received.append(QString::fromUtf8(frame->payload));
    }
    qInfo("sent %lld messages, %lld of them more than 300 ms before the kill; the file holds %lld (%s)",
        qint64(sentAtMs.size()), mustHave, qint64(received.size()),
        loaded.warnings.isEmpty() ? "ends with a complete line" : "last line truncated");
    QVERIFY2(received.size() >= mustHave,
        qPrintable(u"the file holds %1 messages, %2 were sent more than 300 ms before the kill"_s
                       .arg(received.size())
                       .arg(mustHave)));
    QVERIFY(received.size() <= sentAtMs.size());
    for (qsizetype i = 0; i < received.size(); ++i)
        QCOMPARE(received.at(i), u"message %1"_s.arg(i));

    // `info` reads it the same way: the frames, and the warning (if any) on standard error.
    const Run info = runCli({ u"info"_s, path, u"--json"_s });
    QCOMPARE(info.exitCode, 0);
    QCOMPARE(info.stdErr, loaded.warnings.isEmpty() ? QString() : u"warning: last line truncated\n"_s);
    QCOMPARE(parseJsonLines(info.stdOut).constFirst().value("framesIn"_L1).toInteger(), received.size());
}

void tst_SessionCommands::recordFileThatCannotBeCreated()
{
    const QString path = m_dir.filePath(u"no/such/dir/x.fls"_s);
    const Run connect = runCli({ u"connect"_s, u"ws://127.0.0.1:9/"_s, u"--record"_s, path });
    QCOMPARE(connect.exitCode, 2);
    QCOMPARE(connect.stdErr,
        u"frameline-cli connect: Cannot create the session file %1: No such file or directory\n"_s.arg(path));
    QCOMPARE(connect.stdOut, QByteArray()); // it never dialled
    const Run serve = runCli({ u"serve"_s, u"--record"_s, path });
    QCOMPARE(serve.exitCode, 2);
    QCOMPARE(serve.stdErr,
        u"frameline-cli serve: Cannot create the session file %1: No such file or directory\n"_s.arg(path));
    QCOMPARE(serve.stdOut, QByteArray()); // it never listened
    // A full disk: the header goes out at once, so the recording fails before the connection starts.
    const Run full = runCli({ u"connect"_s, u"ws://127.0.0.1:9/"_s, u"--record"_s, u"/dev/full"_s });
    QCOMPARE(full.exitCode, 2);
    QCOMPARE(full.stdErr,
        u"frameline-cli connect: Cannot write the session file /dev/full: No space left on device\n"_s);
}

// ---- info
// --------------------------------------------------------------------------------------------------

void tst_SessionCommands::infoOfBuiltFile()
{
    const QString path = m_dir.filePath(u"built.fls"_s);
    writeFile(path, builtFile());
    const Run json = runCli({ u"info"_s, path, u"--json"_s });
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.stdErr, QString());
    QCOMPARE(json.stdOut, builtInfoJson(path));

    const Run human = runCli({ u"info"_s, path });
    QCOMPARE(human.exitCode, 0);
    QCOMPARE(human.stdErr, QString());
    QCOMPARE(QString::fromUtf8(human.stdOut),
        u"File          %1 (session format 1.0, written by test 1.0)\n"
        "Start         2026-11-21T11:22:40.371Z\n"
        "End           2026-11-21T11:22:42.871Z\n"
        "Duration      2.500 s\n"
        "Connections   2\n"
        "Frames        4 (3 in, 1 out)\n"
        "Messages      3 (2 in, 1 out)\n"
        "Bytes         12 B (10 B in, 2 B out)\n"
        "Violations    2\n"
        "\n"
        "#4  0 frame(s), 0 message(s), 0 B, closed 1006\n"
        "#3 ws://example.test/feed  4 frame(s), 3 message(s), 12 B, 2 violation(s), closed 1000\n"_s.arg(
            path));
}

void tst_SessionCommands::infoOfDamagedFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdErr"); // %1: the file's path
    QTest::addColumn<QString>("frames"); // framesIn of the JSON, or empty when nothing is printed

    const QByteArray good = builtFile();
    QList<QByteArray> lines = good.split('\n');
    lines.removeLast(); // after the last '\n'
    const QByteArray header = lines.constFirst() + '\n';

    QTest::newRow("good") << good << 0 << QString() << u"3"_s;
    QTest::newRow("truncated last line") << QByteArray(good + "{\"type\":\"frame\",\"connection\":3,\"ti")
                                         << 0 << u"warning: last line truncated\n"_s << u"3"_s;
    // The last frame line ("bad") cut in the middle: that frame is lost, the rest is read.
    const QByteArray lastFrame = lines.at(10);
    QVERIFY(lastFrame.contains("\"text\":\"bad\""));
    QByteArray cut;
    for (int i = 0; i < 10; ++i)
        cut += lines.at(i) + '\n';
    cut += lastFrame.left(lastFrame.size() / 2);
    QTest::newRow("cut inside a frame") << cut << 0 << u"warning: last line truncated\n"_s << u"2"_s;
    QList<QByteArray> corrupt = lines;
    corrupt[4] = "{\"type\":\"frame\",\"connection\":3,,}";
    QByteArray corruptFile;
    for (const QByteArray &line : std::as_const(corrupt))
        corruptFile += line + '\n';
    QTest::newRow("corrupt line 5")
        << corruptFile << 0 << u"warning: line 5: not valid JSON: expected a field name at column 32\n"_s
        << u"2"_s;
    QTest::newRow("header only") << header << 0 << QString() << u"0"_s;
    QTest::newRow("empty") << QByteArray() << 2
                           << u"frameline-cli info: %1 is empty: it is not a Frameline session\n"_s
                           << QString();
    QByteArray newerMajor = good;
    newerMajor.replace("\"version\":\"1.0\"", "\"version\":\"2.0\"");
    QTest::newRow("major version 2")
        << newerMajor << 2
        << u"frameline-cli info: Cannot open %1: it was written in format version 2.0, "
           "which needs a newer Frameline (this one reads version 1.x)\n"_s
        << QString();
    QByteArray newerMinor = good;
    newerMinor.replace("\"version\":\"1.0\"", "\"version\":\"1.7\"");
    QTest::newRow("minor version 1.7")
        << newerMinor << 0
        << u"warning: format version 1.7 is newer than this Frameline reads (1.0): "
           "fields it does not know are ignored\n"_s
        << u"3"_s;
    QTest::newRow("a HAR file") << QByteArray("{\"log\": {\"entries\": []}}\n") << 2
                                << u"frameline-cli info: %1 is not a Frameline session: "_s << QString();
}

void tst_SessionCommands::infoOfDamagedFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(int, exitCode);
    QFETCH(QString, stdErr);
    QFETCH(QString, frames);
    const QString path
        = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".fls"_s);
    writeFile(path, content);
    const Run run = runCli({ u"info"_s, path, u"--json"_s });
    QCOMPARE(run.exitCode, exitCode);
    const QString expectedErr = stdErr.contains(u"%1"_s) ? stdErr.arg(path) : stdErr;
    if (expectedErr.endsWith(u'\n') || expectedErr.isEmpty())
        QCOMPARE(run.stdErr, expectedErr);
    else
        QVERIFY2(run.stdErr.startsWith(expectedErr), qPrintable(run.stdErr));
    if (frames.isEmpty()) {
        QCOMPARE(run.stdOut, QByteArray());
        return;
    }
    const QJsonObject summary = parseJsonLines(run.stdOut).constFirst();
    QCOMPARE(QString::number(summary.value("framesIn"_L1).toInteger()), frames);
    QCOMPARE(summary.value("warnings"_L1).toInteger(), qint64(expectedErr.count(u"warning: "_s)));
}

void tst_SessionCommands::infoBadArguments()
{
    const Run none = runCli({ u"info"_s });
    QCOMPARE(none.exitCode, 2);
    QCOMPARE(none.stdErr,
        u"frameline-cli info: no FILE: give the session file to read (see 'frameline-cli info --help')\n"_s);
    const Run two = runCli({ u"info"_s, u"a.fls"_s, u"b.fls"_s });
    QCOMPARE(two.exitCode, 2);
    QCOMPARE(two.stdErr, u"frameline-cli info: give one FILE, not 2 (see 'frameline-cli info --help')\n"_s);
    const Run unknown = runCli({ u"info"_s, u"--bogus"_s, u"a.fls"_s });
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(
        unknown.stdErr, u"frameline-cli info: Unknown option 'bogus'. (see 'frameline-cli info --help')\n"_s);
    const QString missing = m_dir.filePath(u"missing.fls"_s);
    const Run notThere = runCli({ u"info"_s, missing });
    QCOMPARE(notThere.exitCode, 2);
    QCOMPARE(
        notThere.stdErr, u"frameline-cli info: Cannot open %1: No such file or directory\n"_s.arg(missing));
}

// ---- import and export
// ---------------------------------------------------------------------------------------

void tst_SessionCommands::importDevToolsHar()
{
    const QString har = fixture(u"devtools-websocket.har"_s);
    const QString out = m_dir.filePath(u"imported.fls"_s);
    const Run run = runCli({ u"import"_s, har, u"--out"_s, out });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.stdErr,
        u"warning: entry 1: not a WebSocket (GET https://chat.example.com/api/session); skipped\n"_s);
    QCOMPARE(QString::fromUtf8(run.stdOut),
        u"%1: 2 connection(s) and 8 message(s) written to %2\n"_s.arg(har, out));

    // The file holds what the engine's importer makes of the HAR, and reads without a warning.
    const SessionReader::Loaded loaded = SessionReader::load(out);
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QCOMPARE(loaded.warnings, QStringList());
    const HarImport::Result expected = HarImport::readFile(har);
    QCOMPARE(loaded.header.timeOriginMs, expected.header.timeOriginMs);
    QCOMPARE(loaded.events.size(), expected.events.size());
    QCOMPARE(trafficOf(loaded.events), trafficOf(expected.events));
    for (qsizetype i = 0; i < expected.events.size(); ++i)
        QCOMPARE(timeOf(loaded.events.at(i)), timeOf(expected.events.at(i)));

    const Run info = runCli({ u"info"_s, out, u"--json"_s });
    QCOMPARE(info.exitCode, 0);
    QVERIFY2(info.stdOut.startsWith("{\"connections\":2,\"frames\":8,\"messages\":8,\"bytes\":453,"
                                    "\"durationMs\":1411.001,\"violations\":0,"),
        info.stdOut.constData());
}

void tst_SessionCommands::importErrors()
{
    const QString out = m_dir.filePath(u"not-written.fls"_s);
    const QString broken = m_dir.filePath(u"broken.har"_s);
    writeFile(broken, "{\"log\": {\"entries\": [}}");
    const Run bad = runCli({ u"import"_s, broken, u"--out"_s, out });
    QCOMPARE(bad.exitCode, 2);
    QCOMPARE(bad.stdErr,
        u"frameline-cli import: %1 is not valid JSON: object is missing after a comma at line 1, column 23\n"_s
            .arg(broken));
    QVERIFY(!QFile::exists(out));

    const QString xhrOnly = m_dir.filePath(u"xhr.har"_s);
    writeFile(
        xhrOnly, R"({"log": {"entries": [{"request": {"method": "GET", "url": "https://a.example/"}}]}})");
    const Run none = runCli({ u"import"_s, xhrOnly, u"--out"_s, out });
    QCOMPARE(none.exitCode, 2);
    QCOMPARE(none.stdErr,
        u"warning: entry 1: not a WebSocket (GET https://a.example/); skipped\n"
        "frameline-cli import: %1 has no WebSocket entry: nothing to import\n"_s.arg(xhrOnly));
    QVERIFY(!QFile::exists(out));

    const Run noOut = runCli({ u"import"_s, fixture(u"devtools-websocket.har"_s) });
    QCOMPARE(noOut.exitCode, 2);
    QCOMPARE(noOut.stdErr,
        u"frameline-cli import: no --out: give the session file to write (see 'frameline-cli import --help')\n"_s);

    const QString unwritable = m_dir.filePath(u"no/such/dir/x.fls"_s);
    const Run cannot = runCli({ u"import"_s, fixture(u"devtools-websocket.har"_s), u"--out"_s, unwritable });
    QCOMPARE(cannot.exitCode, 1);
    QVERIFY2(cannot.stdErr.endsWith(
                 u"frameline-cli import: Cannot save the session file %1: No such file or directory\n"_s.arg(
                     unwritable)),
        qPrintable(cannot.stdErr));
}

void tst_SessionCommands::exportFormats_data()
{
    QTest::addColumn<QString>("format"); // empty: from the name of --out
    QTest::addColumn<QString>("fileName"); // "-": standard output
    QTest::addColumn<int>("expectedFormat");
    QTest::addColumn<QString>("summary");

    QTest::newRow("har") << u"har"_s << u"out.har"_s << int(SessionExport::Format::Har)
                         << u"1 connection(s) as HAR entries"_s;
    QTest::newRow("csv") << u"csv"_s << u"out.txt"_s << int(SessionExport::Format::Csv) << u"11 row(s)"_s;
    QTest::newRow("json") << u"JSON"_s << u"out.data"_s << int(SessionExport::Format::Json) << u"11 row(s)"_s;
    QTest::newRow("csv from the name")
        << QString() << u"rows.csv"_s << int(SessionExport::Format::Csv) << u"11 row(s)"_s;
    QTest::newRow("har from the name")
        << QString() << u"x.HAR"_s << int(SessionExport::Format::Har) << u"1 connection(s) as HAR entries"_s;
    QTest::newRow("json to stdout") << u"json"_s << u"-"_s << int(SessionExport::Format::Json) << QString();
}

void tst_SessionCommands::exportFormats()
{
    QFETCH(QString, format);
    QFETCH(QString, fileName);
    QFETCH(int, expectedFormat);
    QFETCH(QString, summary);
    // The built session, with the warning of a truncated last line.
    const QString input = m_dir.filePath(u"export-input.fls"_s);
    writeFile(input, builtFile() + "{\"type\":\"fra");
    const SessionReader::Loaded loaded = SessionReader::load(input);
    QVERIFY(loaded.ok);
    const QByteArray expected
        = SessionExport::encode(SessionExport::Format(expectedFormat), loaded.events, loaded.header);

    const QString output = fileName == u"-"_s ? fileName : m_dir.filePath(fileName);
    QStringList arguments { u"export"_s, input, u"--out"_s, output };
    if (!format.isEmpty())
        arguments << u"--format"_s << format;
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.stdErr, u"warning: last line truncated\n"_s);
    if (output == u"-"_s) {
        QCOMPARE(run.stdOut, expected);
        return;
    }
    QCOMPARE(QString::fromUtf8(run.stdOut), u"%1: %2 written to %3\n"_s.arg(input, summary, output));
    QCOMPARE(readFile(output), expected);
}

void tst_SessionCommands::exportErrors()
{
    const QString input = m_dir.filePath(u"export-errors.fls"_s);
    writeFile(input, builtFile());
    const QString out = m_dir.filePath(u"never.csv"_s);

    const Run badFormat = runCli({ u"export"_s, input, u"--format"_s, u"xml"_s, u"--out"_s, out });
    QCOMPARE(badFormat.exitCode, 2);
    QCOMPARE(badFormat.stdErr,
        u"frameline-cli export: --format must be har, csv or json, not 'xml' (see 'frameline-cli export --help')\n"_s);
    const Run noFormat = runCli({ u"export"_s, input, u"--out"_s, m_dir.filePath(u"out.txt"_s) });
    QCOMPARE(noFormat.exitCode, 2);
    QCOMPARE(noFormat.stdErr,
        u"frameline-cli export: no --format, and the name of --out does not end in .har, .csv or .json "
        "(see 'frameline-cli export --help')\n"_s);
    const Run noOut = runCli({ u"export"_s, input, u"--format"_s, u"csv"_s });
    QCOMPARE(noOut.exitCode, 2);
    QCOMPARE(noOut.stdErr,
        u"frameline-cli export: no --out: give the file to write, or - for standard output "
        "(see 'frameline-cli export --help')\n"_s);

    const QString notSession = m_dir.filePath(u"text.fls"_s);
    writeFile(notSession, "hello\n");
    const Run notOne = runCli({ u"export"_s, notSession, u"--out"_s, out });
    QCOMPARE(notOne.exitCode, 2);
    QVERIFY2(
        notOne.stdErr.startsWith(u"frameline-cli export: %1 is not a Frameline session: "_s.arg(notSession)),
        qPrintable(notOne.stdErr));
    QVERIFY(!QFile::exists(out));

    const QString unwritable = m_dir.filePath(u"no/such/dir/out.csv"_s);
    const Run cannot = runCli({ u"export"_s, input, u"--out"_s, unwritable });
    QCOMPARE(cannot.exitCode, 1);
    QVERIFY2(cannot.stdErr.startsWith(u"frameline-cli export: Cannot write %1: "_s.arg(unwritable)),
        qPrintable(cannot.stdErr));
}

QTEST_GUILESS_MAIN(tst_SessionCommands)
#include "tst_sessioncommands.moc"
