// `frameline-cli connect`, run as a user runs it: the real binary against the real `serve` (or, where the
// peer must misbehave, our own server in this process), its event lines, its exit codes and its signals.

#include "app/net/server.h"
#include "app/protocol/framewriter.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

#include <csignal>
#include <functional>
#include <memory>

using namespace Frameline;
using namespace Qt::StringLiterals;

namespace {

constexpr int ProcessTimeoutMs = 30000;

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

struct Run
{
    int exitCode = -1; // -1: crashed
    QByteArray stdOut;
    QString stdErr;
    QList<QJsonObject> lines; // with --json

    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> result;
        for (const QJsonObject &line : lines) {
            if (line.value("type"_L1).toString() == type)
                result.append(line);
        }
        return result;
    }
    // "frame out text hello", "message in binary 0102", "frame out close 1000": what crossed the wire.
    QStringList traffic() const
    {
        QStringList result;
        for (const QJsonObject &line : lines) {
            const QString type = line.value("type"_L1).toString();
            if (type != "frame"_L1 && type != "message"_L1)
                continue;
            QString value = line.contains("closeCode"_L1)
                ? QString::number(line.value("closeCode"_L1).toInt())
                : line.contains("text"_L1) ? line.value("text"_L1).toString()
                                           : line.value("payloadHex"_L1).toString();
            result.append(u"%1 %2 %3 %4"_s.arg(
                type, line.value("direction"_L1).toString(), line.value("opcodeName"_L1).toString(), value));
        }
        return result;
    }
    QStringList states() const
    {
        QStringList result;
        for (const QJsonObject &line : ofType(u"state"_s))
            result.append(line.value("state"_L1).toString());
        return result;
    }
    QJsonObject closeInfo() const
    {
        const QList<QJsonObject> states = ofType(u"state"_s);
        return states.isEmpty() ? QJsonObject() : states.constLast().value("close"_L1).toObject();
    }
};

Run collect(QProcess &process, bool json)
{
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.stdOut = process.readAllStandardOutput();
    run.stdErr = QString::fromUtf8(process.readAllStandardError());
    if (json)
        run.lines = parseJsonLines(run.stdOut);
    return run;
}

// Runs frameline-cli to the end without an event loop (its peer is another process).
Run runCli(
    const QStringList &arguments, const QByteArray &input = {}, const QProcessEnvironment &environment = {})
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FRAMELINE_CLI_PATH), arguments);
    if (!process.waitForStarted())
        qFatal("cannot start frameline-cli");
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(ProcessTimeoutMs))
        qFatal("frameline-cli did not finish");
    return collect(process, arguments.contains(u"--json"_s) || arguments.constFirst() == "decode"_L1);
}

// Reads JSON lines from a running process until one matches; false on timeout or exit.
bool waitForLine(
    QProcess &process, QList<QJsonObject> &seen, const std::function<bool(const QJsonObject &)> &match)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        while (process.canReadLine()) {
            const QList<QJsonObject> lines = parseJsonLines(process.readLine());
            for (const QJsonObject &line : lines) {
                seen.append(line);
                if (match(line))
                    return true;
            }
        }
        const qint64 left = ProcessTimeoutMs - timer.elapsed();
        if (left <= 0 || process.state() == QProcess::NotRunning)
            return false;
        process.waitForReadyRead(int(qMin<qint64>(left, 1000)));
    }
}

// `frameline-cli serve --port 0 --json ...` in the background, its URL read from the first line.
class ServeProcess
{
public:
    explicit ServeProcess(const QStringList &arguments, const QProcessEnvironment &environment = {})
    {
        if (!environment.isEmpty())
            m_process.setProcessEnvironment(environment);
        m_process.start(QStringLiteral(FRAMELINE_CLI_PATH),
            QStringList { u"serve"_s, u"--port"_s, u"0"_s, u"--json"_s } + arguments);
        QList<QJsonObject> seen;
        if (!m_process.waitForStarted() || !waitForLine(m_process, seen, [](const QJsonObject &line) {
                return line.value("type"_L1).toString() == "listening"_L1;
            }))
            qFatal("serve did not start: %s", m_process.readAllStandardError().constData());
        url = seen.constLast().value("url"_L1).toString();
        certificateFile = seen.constLast().value("certificateFile"_L1).toString();
    }
    ~ServeProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    // SIGTERM, then everything it printed after the listening line.
    Run stop()
    {
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(ProcessTimeoutMs))
            qFatal("serve did not stop");
        return collect(m_process, true);
    }

    QString url;
    QString certificateFile;

private:
    QProcess m_process;
};

quint16 unusedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        qFatal("cannot listen");
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

const QStringList DecodeOnlyKeys { u"type"_s, u"connection"_s, u"time"_s, u"wallTime"_s, u"direction"_s,
    u"origin"_s };

} // namespace

class tst_ConnectCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void echoExactLines();
    void frameFieldsMatchDecode();
    void humanFormat();
    void interactiveStdin();
    void rejectedHandshake();
    void rejectedHandshakeHuman();
    void connectionRefused();
    void badArguments_data();
    void badArguments();
    void subprotocolNegotiation();
    void deflateCompressedFramesAndInflatedMessages();
    void pingIntervalShowsRoundTrips();
    void timeoutClosesCleanly();
    void timeoutBeforeOpenFails();
    void sigintClosesWith1000();
    void strictFailsOnViolation();
    void lenientKeepsGoing();
    void wssWithCaFile();
    void throughHttpProxy();
    void proxyFromEnvironment();
    void reconnectGivesUp();
    void help();
};

void tst_ConnectCommand::echoExactLines()
{
    ServeProcess serve({ u"--echo"_s });
    const Run run = runCli({ u"connect"_s, serve.url, u"--send"_s, u"hello"_s, u"--send-binary"_s, u"0102"_s,
        u"--send"_s, u"bye"_s, u"--close-after"_s, u"300"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.stdErr.isEmpty(), qPrintable(run.stdErr));
    // --send and --send-binary keep their order on the command line.
    QCOMPARE(run.traffic(),
        (QStringList { u"frame out text hello"_s, u"message out text hello"_s, u"frame out binary 0102"_s,
            u"message out binary 0102"_s, u"frame out text bye"_s, u"message out text bye"_s,
            u"frame in text hello"_s, u"message in text hello"_s, u"frame in binary 0102"_s,
            u"message in binary 0102"_s, u"frame in text bye"_s, u"message in text bye"_s,
            u"frame out close 1000"_s, u"frame in close 1000"_s }));
    QCOMPARE(run.states(),
        (QStringList { u"connecting"_s, u"upgrading"_s, u"open"_s, u"closing"_s, u"closed"_s }));

    const QList<QJsonObject> frames = run.ofType(u"frame"_s);
    const QJsonObject firstOut = frames.at(0);
    QCOMPARE(firstOut.value("connection"_L1).toInt(), 1);
    QCOMPARE(firstOut.value("origin"_L1).toString(), u"user"_s);
    QCOMPARE(firstOut.value("masked"_L1).toBool(), true);
    QCOMPARE(firstOut.value("maskKey"_L1).toString().size(), 8);
    QCOMPARE(firstOut.value("payloadHex"_L1).toString(), u"68656c6c6f"_s);
    QVERIFY(firstOut.value("headerHex"_L1).toString().startsWith("8185"_L1));
    QVERIFY(firstOut.value("time"_L1).toDouble() >= 0);
    QVERIFY(QDateTime::fromString(firstOut.value("wallTime"_L1).toString(), Qt::ISODateWithMs).isValid());
    const QJsonObject firstIn = frames.at(3);
    QCOMPARE(firstIn.value("direction"_L1).toString(), u"in"_s);
    QCOMPARE(firstIn.value("origin"_L1).toString(), u"peer"_s);
    QCOMPARE(firstIn.value("masked"_L1).toBool(), false);
    QCOMPARE(firstIn.value("maskKey"_L1).type(), QJsonValue::Null);
    QCOMPARE(firstIn.value("headerHex"_L1).toString(), u"8105"_s);

    const QList<QJsonObject> handshakes = run.ofType(u"handshake"_s);
    QCOMPARE(handshakes.size(), 1);
    QCOMPARE(handshakes.at(0).value("accepted"_L1).toBool(), true);
    QCOMPARE(handshakes.at(0).value("status"_L1).toInt(), 101);
    QCOMPARE(handshakes.at(0).value("url"_L1).toString(), serve.url);
    QVERIFY(handshakes.at(0).value("request"_L1).toString().startsWith("GET / HTTP/1.1\r\n"_L1));
    QVERIFY(handshakes.at(0)
                .value("response"_L1)
                .toString()
                .startsWith("HTTP/1.1 101 Switching Protocols\r\n"_L1));

    const QJsonObject close = run.closeInfo();
    QCOMPARE(close.value("code"_L1).toInt(), 1000);
    QCOMPARE(close.value("initiator"_L1).toString(), u"local"_s);
    QCOMPARE(close.value("sentCode"_L1).toInt(), 1000);
    QCOMPARE(close.value("closingHandshakeCompleted"_L1).toBool(), true);
    QCOMPARE(close.value("abnormal"_L1).toBool(), false);

    const Run server = serve.stop();
    QCOMPARE(server.exitCode, 0);
    // The server saw the same conversation from its side and answered automatically.
    QCOMPARE(server.traffic().first(4),
        (QStringList { u"frame in text hello"_s, u"message in text hello"_s, u"frame out text hello"_s,
            u"message out text hello"_s }));
    QCOMPARE(server.ofType(u"frame"_s).at(1).value("origin"_L1).toString(), u"automatic"_s);
}

void tst_ConnectCommand::frameFieldsMatchDecode()
{
    // A frame line of `connect` is a frame line of `decode` plus where and when it happened.
    ServeProcess serve({ u"--echo"_s });
    const Run run = runCli(
        { u"connect"_s, serve.url, u"--send"_s, u"Hello"_s, u"--close-after"_s, u"200"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 0);
    QJsonObject incoming;
    for (const QJsonObject &frame : run.ofType(u"frame"_s)) {
        if (frame.value("direction"_L1).toString() == "in"_L1) {
            incoming = frame;
            break;
        }
    }
    QVERIFY(!incoming.isEmpty());
    const QString wire
        = incoming.value("headerHex"_L1).toString() + incoming.value("payloadHex"_L1).toString();
    const Run decoded = runCli({ u"decode"_s, u"--hex"_s, wire, u"--from"_s, u"server"_s });
    QCOMPARE(decoded.exitCode, 0);
    QJsonObject expected = decoded.ofType(u"frame"_s).constFirst();
    QJsonObject actual = incoming;
    for (const QString &key : DecodeOnlyKeys) {
        expected.remove(key);
        actual.remove(key);
    }
    QCOMPARE(actual, expected);
    QCOMPARE(QStringList(incoming.keys()).size(),
        QStringList(decoded.ofType(u"frame"_s).constFirst().keys()).size() + 5);

    QJsonObject expectedMessage = decoded.ofType(u"message"_s).constFirst();
    QJsonObject actualMessage = run.ofType(u"message"_s).at(1);
    for (const QString &key : DecodeOnlyKeys) {
        expectedMessage.remove(key);
        actualMessage.remove(key);
    }
    QCOMPARE(actualMessage, expectedMessage);
    serve.stop();
}

void tst_ConnectCommand::humanFormat()
{
    ServeProcess serve({ u"--echo"_s });
    const Run run = runCli({ u"connect"_s, serve.url, u"--send"_s, u"Hello"_s, u"--send-binary"_s, u"01 02"_s,
        u"--close-after"_s, u"200"_s });
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = QString::fromUtf8(run.stdOut).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QString time = u"\\d\\d:\\d\\d:\\d\\d\\.\\d{3} "_s;
    const auto has = [&](const QString &pattern) {
        const QRegularExpression expression(u"^"_s + time + pattern + u"$"_s);
        for (const QString &line : lines) {
            if (expression.match(line).hasMatch())
                return true;
        }
        qWarning("no line matches %s in:\n%s", qPrintable(pattern), run.stdOut.constData());
        return false;
    };
    QVERIFY(has(u"\\[#1\\] state: Open"_s));
    QVERIFY(has(u"\\[#1\\] handshake: 101 Switching Protocols · [0-9.]+ ms"_s));
    QVERIFY(has(u"\\[#1\\] → text 5 B  Hello"_s));
    QVERIFY(has(u"\\[#1\\] → binary 2 B  01 02"_s));
    QVERIFY(has(u"\\[#1\\] ← text 5 B  Hello"_s));
    QVERIFY(has(u"\\[#1\\] ← binary 2 B  01 02"_s));
    QVERIFY(has(u"\\[#1\\] → close 2 B  1000 Normal Closure"_s));
    QVERIFY(has(u"\\[#1\\] ← close 2 B  1000 Normal Closure"_s));
    QVERIFY(has(u"\\[#1\\] closed: 1000 Normal Closure · we closed first · closing handshake completed"_s));
    serve.stop();
}

void tst_ConnectCommand::interactiveStdin()
{
    ServeProcess serve({ u"--echo"_s });
    // The last line has no line break; the end of input closes with 1000.
    const Run run = runCli({ u"connect"_s, serve.url, u"--interactive"_s, u"--json"_s }, "one\ntwo\r\nthree");
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.traffic(),
        (QStringList { u"frame out text one"_s, u"message out text one"_s, u"frame out text two"_s,
            u"message out text two"_s, u"frame out text three"_s, u"message out text three"_s,
            u"frame out close 1000"_s, u"frame in text one"_s, u"message in text one"_s,
            u"frame in text two"_s, u"message in text two"_s, u"frame in text three"_s,
            u"message in text three"_s, u"frame in close 1000"_s }));
    QVERIFY(
        run.ofType(u"info"_s).constFirst().value("text"_L1).toString().contains("end of standard input"_L1));
    QCOMPARE(run.closeInfo().value("closingHandshakeCompleted"_L1).toBool(), true);

    // Without --interactive standard input is not read: the connection stays until --close-after.
    const Run quiet
        = runCli({ u"connect"_s, serve.url, u"--close-after"_s, u"100"_s, u"--json"_s }, "ignored\n");
    QCOMPARE(quiet.exitCode, 0);
    QCOMPARE(quiet.traffic(), (QStringList { u"frame out close 1000"_s, u"frame in close 1000"_s }));
    serve.stop();
}

void tst_ConnectCommand::rejectedHandshake()
{
    ServeProcess serve({ u"--reject"_s, u"403"_s });
    const Run run = runCli({ u"connect"_s, serve.url, u"--send"_s, u"never sent"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 1);
    const QList<QJsonObject> handshakes = run.ofType(u"handshake"_s);
    QCOMPARE(handshakes.size(), 1);
    QCOMPARE(handshakes.at(0).value("accepted"_L1).toBool(), false);
    QCOMPARE(handshakes.at(0).value("status"_L1).toInt(), 403);
    QCOMPARE(handshakes.at(0).value("statusText"_L1).toString(), u"403 Forbidden"_s);
    QVERIFY(handshakes.at(0).value("response"_L1).toString().startsWith("HTTP/1.1 403 Forbidden\r\n"_L1));
    QVERIFY(handshakes.at(0).value("error"_L1).toString().contains("403"_L1));
    QCOMPARE(run.ofType(u"error"_s).size(), 1);
    QVERIFY(run.ofType(u"frame"_s).isEmpty());
    QCOMPARE(run.states().constLast(), u"closed"_s);
    QCOMPARE(run.closeInfo().value("opened"_L1).toBool(), false);
    QCOMPARE(run.closeInfo().value("code"_L1).toInt(), 1006);
    serve.stop();
}

void tst_ConnectCommand::rejectedHandshakeHuman()
{
    ServeProcess serve({ u"--reject"_s, u"503"_s });
    const Run run = runCli({ u"connect"_s, serve.url });
    QCOMPARE(run.exitCode, 1);
    const QString out = QString::fromUtf8(run.stdOut);
    QVERIFY2(out.contains(u"[#1] !! handshake failed: 503 Service Unavailable · "_s), qPrintable(out));
    QVERIFY2(out.contains("[#1] closed (the connection never opened)"_L1), qPrintable(out));
    serve.stop();
}

void tst_ConnectCommand::connectionRefused()
{
    const Run run = runCli({ u"connect"_s, u"ws://127.0.0.1:%1/"_s.arg(unusedPort()), u"--json"_s });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.ofType(u"error"_s).size(), 1);
    QVERIFY(run.ofType(u"error"_s)
                .constFirst()
                .value("text"_L1)
                .toString()
                .startsWith("Cannot connect to 127.0.0.1:"_L1));
    QCOMPARE(run.states(), (QStringList { u"connecting"_s, u"closed"_s }));
}

void tst_ConnectCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no URL") << QStringList { u"connect"_s } << u"no URL"_s;
    QTest::newRow("two URLs") << QStringList { u"connect"_s, u"ws://a/"_s, u"ws://b/"_s }
                              << u"give one URL, not 2"_s;
    QTest::newRow("http URL") << QStringList { u"connect"_s, u"http://example.com/"_s }
                              << u"not a WebSocket scheme"_s;
    QTest::newRow("unknown option") << QStringList { u"connect"_s, u"ws://a/"_s, u"--bogus"_s }
                                    << u"Unknown option 'bogus'"_s;
    QTest::newRow("bad hex") << QStringList { u"connect"_s, u"ws://a/"_s, u"--send-binary"_s, u"0g"_s }
                             << u"--send-binary '0g' is not hex"_s;
    QTest::newRow("odd hex") << QStringList { u"connect"_s, u"ws://a/"_s, u"--send-binary"_s, u"123"_s }
                             << u"is not hex"_s;
    QTest::newRow("header") << QStringList { u"connect"_s, u"ws://a/"_s, u"-H"_s, u"NoColon"_s }
                            << u"is not a header"_s;
    QTest::newRow("ping interval") << QStringList { u"connect"_s, u"ws://a/"_s, u"--ping-interval"_s,
        u"-5"_s } << u"--ping-interval must be a positive number"_s;
    QTest::newRow("timeout") << QStringList { u"connect"_s, u"ws://a/"_s, u"--timeout"_s, u"soon"_s }
                             << u"--timeout must be"_s;
    QTest::newRow("strict and lenient") << QStringList { u"connect"_s, u"ws://a/"_s, u"--strict"_s,
        u"--lenient"_s } << u"either --strict or --lenient"_s;
    QTest::newRow("cert without key") << QStringList { u"connect"_s, u"wss://a/"_s, u"--cert"_s, u"c.pem"_s }
                                      << u"--cert and --key go together"_s;
    QTest::newRow("tls option on ws")
        << QStringList { u"connect"_s, u"ws://a/"_s, u"--insecure"_s } << u"are for wss:// URLs"_s;
    QTest::newRow("missing CA file") << QStringList { u"connect"_s, u"wss://a/"_s, u"--cacert"_s,
        u"/nonexistent/ca.pem"_s } << u"/nonexistent/ca.pem"_s;
    QTest::newRow("proxy scheme") << QStringList { u"connect"_s, u"ws://a/"_s, u"--proxy"_s, u"ftp://p:21"_s }
                                  << u"--proxy: "_s;
    QTest::newRow("subprotocol") << QStringList { u"connect"_s, u"ws://a/"_s, u"--subprotocol"_s, u"a b"_s }
                                 << u"is not a token"_s;
    QTest::newRow("reconnect attempts alone") << QStringList { u"connect"_s, u"ws://a/"_s,
        u"--reconnect-attempts"_s, u"2"_s } << u"needs --reconnect"_s;
}

void tst_ConnectCommand::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.stdOut.isEmpty());
    // One clear line on stderr.
    QVERIFY2(run.stdErr.startsWith("frameline-cli connect: "_L1), qPrintable(run.stdErr));
    QVERIFY2(run.stdErr.contains(message), qPrintable(run.stdErr));
    QCOMPARE(run.stdErr.count(QLatin1Char('\n')), 1);
    QVERIFY(run.stdErr.endsWith(QLatin1Char('\n')));
}

void tst_ConnectCommand::subprotocolNegotiation()
{
    // The server picks the first of ITS list that the client offered.
    ServeProcess serve({ u"--subprotocol"_s, u"chat"_s, u"--subprotocol"_s, u"v2"_s });
    const Run run = runCli({ u"connect"_s, serve.url, u"--subprotocol"_s, u"v2"_s, u"--subprotocol"_s,
        u"chat"_s, u"--close-after"_s, u"100"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 0);
    const QJsonObject handshake = run.ofType(u"handshake"_s).constFirst();
    QCOMPARE(handshake.value("subprotocol"_L1).toString(), u"chat"_s);
    QVERIFY(handshake.value("request"_L1).toString().contains("\r\nSec-WebSocket-Protocol: v2, chat\r\n"_L1));
    QVERIFY(handshake.value("response"_L1).toString().contains("\r\nSec-WebSocket-Protocol: chat\r\n"_L1));

    // Nothing in common: the server answers without a subprotocol and the connection still opens.
    const Run none = runCli({ u"connect"_s, serve.url, u"--subprotocol"_s, u"other"_s, u"--close-after"_s,
        u"100"_s, u"--json"_s });
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.ofType(u"handshake"_s).constFirst().value("subprotocol"_L1).type(), QJsonValue::Null);

    const Run server = serve.stop();
    const QList<QJsonObject> serverHandshakes = server.ofType(u"handshake"_s);
    QCOMPARE(serverHandshakes.size(), 2);
    QCOMPARE(serverHandshakes.at(0).value("subprotocol"_L1).toString(), u"chat"_s);
    QCOMPARE(serverHandshakes.at(0).value("url"_L1).toString(), u"/"_s);
}

void tst_ConnectCommand::deflateCompressedFramesAndInflatedMessages()
{
    ServeProcess serve({ u"--echo"_s });
    const QString text = u"hello hello hello hello hello"_s;
    const Run run = runCli({ u"connect"_s, serve.url, u"--deflate"_s, u"--send"_s, text, u"--close-after"_s,
        u"200"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 0);
    const QJsonObject handshake = run.ofType(u"handshake"_s).constFirst();
    QVERIFY(handshake.value("request"_L1)
                .toString()
                .contains("\r\nSec-WebSocket-Extensions: permessage-deflate"_L1));
    QVERIFY(handshake.value("extensions"_L1).toString().startsWith("permessage-deflate"_L1));
    QCOMPARE(handshake.value("deflate"_L1).toObject().value("serverMaxWindowBits"_L1).toInt(), 15);

    const QList<QJsonObject> frames = run.ofType(u"frame"_s);
    const QList<QJsonObject> messages = run.ofType(u"message"_s);
    QCOMPARE(messages.size(), 2);
    for (const QString &direction : { u"out"_s, u"in"_s }) {
        const QJsonObject frame = frames.at(direction == "out"_L1 ? 0 : 1);
        QCOMPARE(frame.value("direction"_L1).toString(), direction);
        QCOMPARE(frame.value("opcodeName"_L1).toString(), u"text"_s);
        QCOMPARE(frame.value("rsv1"_L1).toBool(), true);
        QCOMPARE(frame.value("compressed"_L1).toBool(), true);
        QVERIFY(!frame.contains("text"_L1)); // compressed bytes are not text
        QVERIFY(frame.value("payloadLength"_L1).toInt() < text.size());
        QCOMPARE(frame.value("violations"_L1).toArray().size(), 0);
        const QJsonObject message = messages.at(direction == "out"_L1 ? 0 : 1);
        QCOMPARE(message.value("direction"_L1).toString(), direction);
        QCOMPARE(message.value("compressed"_L1).toBool(), true);
        QCOMPARE(message.value("text"_L1).toString(), text);
        QCOMPARE(message.value("payloadLength"_L1).toInt(), text.size());
        QCOMPARE(message.value("wireLength"_L1).toInt(), frame.value("payloadLength"_L1).toInt());
    }

    // The human format shows the wire and the inflated message.
    const Run human = runCli(
        { u"connect"_s, serve.url, u"--deflate"_s, u"--send"_s, text, u"--close-after"_s, u"200"_s });
    QCOMPARE(human.exitCode, 0);
    const QString out = QString::fromUtf8(human.stdOut);
    QVERIFY2(out.contains(u"] \u2190 text "_s) && out.contains(" [rsv1 compressed]  "_L1), qPrintable(out));
    QVERIFY2(QRegularExpression(
                 u"\u2190 message text 29 B \\(inflated from \\d+ B\\)  hello hello hello hello hello"_s)
                 .match(out)
                 .hasMatch(),
        qPrintable(out));
    serve.stop();
}

void tst_ConnectCommand::pingIntervalShowsRoundTrips()
{
    ServeProcess serve({});
    const Run run = runCli({ u"connect"_s, serve.url, u"--ping-interval"_s, u"50"_s, u"--close-after"_s,
        u"400"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 0);
    const QList<QJsonObject> rtts = run.ofType(u"rtt"_s);
    QVERIFY2(rtts.size() >= 2, qPrintable(QString::number(rtts.size())));
    for (const QJsonObject &rtt : rtts)
        QVERIFY(rtt.value("roundTripNs"_L1).toDouble() > 0);
    QJsonObject ping;
    QJsonObject pong;
    for (const QJsonObject &frame : run.ofType(u"frame"_s)) {
        if (ping.isEmpty() && frame.value("opcodeName"_L1).toString() == "ping"_L1)
            ping = frame;
        if (pong.isEmpty() && frame.value("opcodeName"_L1).toString() == "pong"_L1)
            pong = frame;
    }
    QCOMPARE(ping.value("direction"_L1).toString(), u"out"_s);
    QCOMPARE(ping.value("origin"_L1).toString(), u"automatic"_s);
    QCOMPARE(pong.value("direction"_L1).toString(), u"in"_s);
    QCOMPARE(pong.value("payloadHex"_L1).toString(), ping.value("payloadHex"_L1).toString());

    const Run human
        = runCli({ u"connect"_s, serve.url, u"--ping-interval"_s, u"50"_s, u"--close-after"_s, u"300"_s });
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(QRegularExpression(u"\\[#1\\] rtt \\d+\\.\\d{3} ms\n"_s)
                 .match(QString::fromUtf8(human.stdOut))
                 .hasMatch(),
        human.stdOut.constData());
    serve.stop();
}

void tst_ConnectCommand::timeoutClosesCleanly()
{
    ServeProcess serve({});
    QElapsedTimer timer;
    timer.start();
    const Run run = runCli({ u"connect"_s, serve.url, u"--timeout"_s, u"0.3"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(timer.elapsed() >= 300);
    QVERIFY(run.ofType(u"info"_s).constFirst().value("text"_L1).toString().startsWith(
        "--timeout 0.3 s reached"_L1));
    QCOMPARE(run.traffic(), (QStringList { u"frame out close 1000"_s, u"frame in close 1000"_s }));
    QCOMPARE(run.closeInfo().value("closingHandshakeCompleted"_L1).toBool(), true);
    serve.stop();
}

void tst_ConnectCommand::timeoutBeforeOpenFails()
{
    // A TCP listener that never answers the opening handshake (the kernel accepts for it).
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const Run run = runCli({ u"connect"_s, u"ws://127.0.0.1:%1/"_s.arg(silent.serverPort()), u"--timeout"_s,
        u"0.3"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.ofType(u"info"_s).constFirst().value("text"_L1).toString().contains(
        "before the connection was open"_L1));
    QCOMPARE(run.states().constLast(), u"closed"_s);
    QCOMPARE(run.closeInfo().value("opened"_L1).toBool(), false);
}

void tst_ConnectCommand::sigintClosesWith1000()
{
    ServeProcess serve({});
    QProcess process;
    process.start(QStringLiteral(FRAMELINE_CLI_PATH), { u"connect"_s, serve.url, u"--json"_s });
    QList<QJsonObject> seen;
    QVERIFY(waitForLine(process, seen, [](const QJsonObject &line) {
        return line.value("type"_L1).toString() == "state"_L1
            && line.value("state"_L1).toString() == "open"_L1;
    }));
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(ProcessTimeoutMs));
    Run run = collect(process, true);
    run.lines = seen + run.lines;
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.ofType(u"info"_s).constFirst().value("text"_L1).toString().startsWith(
        "SIGINT: closing with 1000"_L1));
    QCOMPARE(run.traffic(), (QStringList { u"frame out close 1000"_s, u"frame in close 1000"_s }));
    QCOMPARE(run.closeInfo().value("initiator"_L1).toString(), u"local"_s);
    QCOMPARE(run.closeInfo().value("closingHandshakeCompleted"_L1).toBool(), true);
    serve.stop();
}

namespace {
// Our server in this process, sending one text frame with RSV2 set (no extension defines it) as soon as a
// client is open.
std::unique_ptr<Server> misbehavingServer()
{
    auto server = std::make_unique<Server>(Server::Options {});
    QString error;
    if (!server->listen(&error))
        qFatal("listen: %s", qPrintable(error));
    QObject::connect(server.get(), &Server::clientConnected, server.get(), [](Connection *client) {
        QObject::connect(client, &Connection::opened, client, [client] {
            FrameSpec spec = FrameSpec::valid(Endpoint::Server, 0x1, "bad");
            spec.rsv2 = true;
            client->sendFrame(spec);
        });
    });
    return server;
}

// Runs frameline-cli while this process's event loop serves it.
Run runWithEventLoop(const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FRAMELINE_CLI_PATH), arguments);
    process.closeWriteChannel();
    QDeadlineTimer deadline(ProcessTimeoutMs);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(10);
    if (process.state() != QProcess::NotRunning)
        qFatal("frameline-cli did not finish");
    return collect(process, arguments.contains(u"--json"_s));
}

// A minimal HTTP CONNECT proxy (RFC 9110 §9.3.6) in this process: answers 200 and relays bytes both ways.
// Records the request lines it saw.
class ConnectProxy : public QTcpServer
{
public:
    QList<QByteArray> requests;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *client = new QTcpSocket(this);
        client->setSocketDescriptor(descriptor);
        auto *head = new QByteArray;
        connect(client, &QTcpSocket::readyRead, client, [this, client, head] {
            if (client->property("tunnel").isValid())
                return;
            head->append(client->readAll());
            const qsizetype end = head->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray requestLine = head->left(head->indexOf("\r\n"));
            requests.append(requestLine);
            const QByteArray authority = requestLine.split(' ').value(1);
            const QByteArray early = head->mid(end + 4);
            delete head;
            auto *upstream = new QTcpSocket(client);
            client->setProperty("tunnel", true);
            connect(upstream, &QTcpSocket::connected, client, [client, upstream, early] {
                client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                if (!early.isEmpty())
                    upstream->write(early);
                connect(client, &QTcpSocket::readyRead, upstream,
                    [client, upstream] { upstream->write(client->readAll()); });
                connect(upstream, &QTcpSocket::readyRead, client,
                    [client, upstream] { client->write(upstream->readAll()); });
                if (client->bytesAvailable() > 0)
                    upstream->write(client->readAll());
            });
            connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
            const qsizetype colon = authority.lastIndexOf(':');
            upstream->connectToHost(
                QString::fromLatin1(authority.left(colon)), authority.mid(colon + 1).toUShort());
        });
    }
};
} // namespace

void tst_ConnectCommand::strictFailsOnViolation()
{
    auto server = misbehavingServer();
    const Run run = runWithEventLoop({ u"connect"_s, server->url(), u"--json"_s });
    QCOMPARE(run.exitCode, 1);
    const QJsonObject bad = run.ofType(u"frame"_s).constFirst();
    QCOMPARE(bad.value("direction"_L1).toString(), u"in"_s);
    QCOMPARE(bad.value("rsv2"_L1).toBool(), true);
    const QJsonArray violations = bad.value("violations"_L1).toArray();
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.at(0).toObject().value("rule"_L1).toString(), u"reserved-bits-set"_s);
    QCOMPARE(violations.at(0).toObject().value("closeCode"_L1).toInt(), 1002);
    const QList<QJsonObject> notices = run.ofType(u"violation"_s);
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.at(0).value("text"_L1).toString().startsWith(
        "Strict mode: failing the connection with 1002"_L1));
    QVERIFY(run.traffic().contains(u"frame out close 1002"_s));
    QCOMPARE(run.closeInfo().value("sentCode"_L1).toInt(), 1002);

    const Run human = runWithEventLoop({ u"connect"_s, server->url() });
    QCOMPARE(human.exitCode, 1);
    const QString out = QString::fromUtf8(human.stdOut);
    QVERIFY2(out.contains(u"\u2190 text 3 B [rsv2]  bad\n"_s), qPrintable(out));
    QVERIFY2(out.contains(u"   !! VIOLATION reserved-bits-set (RFC 6455 §5.2, 1002 Protocol Error): "_s),
        qPrintable(out));
    QVERIFY2(out.contains("[#1] !! Strict mode: failing the connection with 1002"_L1), qPrintable(out));
}

void tst_ConnectCommand::lenientKeepsGoing()
{
    auto server = misbehavingServer();
    const Run run = runWithEventLoop(
        { u"connect"_s, server->url(), u"--lenient"_s, u"--close-after"_s, u"200"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.ofType(u"frame"_s).constFirst().value("violations"_L1).toArray().size(), 1);
    QVERIFY(
        run.ofType(u"violation"_s).constFirst().value("text"_L1).toString().startsWith("Lenient mode"_L1));
    QCOMPARE(run.traffic(),
        (QStringList { u"frame in text bad"_s, u"message in text bad"_s, u"frame out close 1000"_s,
            u"frame in close 1000"_s }));
}

void tst_ConnectCommand::wssWithCaFile()
{
    // A certificate for localhost made by the openssl tool, so this test does not depend on our own
    // generator (tst_servecommand covers that).
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("the openssl tool is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString certificate = dir.filePath(u"cert.pem"_s);
    const QString key = dir.filePath(u"key.pem"_s);
    QProcess tool;
    tool.start(openssl,
        { u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
            u"-nodes"_s, u"-keyout"_s, key, u"-out"_s, certificate, u"-days"_s, u"2"_s, u"-subj"_s,
            u"/CN=localhost"_s, u"-addext"_s, u"subjectAltName=DNS:localhost,IP:127.0.0.1"_s });
    QVERIFY(tool.waitForFinished(ProcessTimeoutMs));
    QCOMPARE(tool.exitCode(), 0);

    ServeProcess serve({ u"--tls"_s, u"--cert"_s, certificate, u"--key"_s, key, u"--echo"_s });
    QVERIFY2(serve.url.startsWith("wss://localhost:"_L1), qPrintable(serve.url));
    QCOMPARE(serve.certificateFile, certificate);

    // Not trusted: the handshake never starts.
    const Run untrusted = runCli({ u"connect"_s, serve.url, u"--json"_s });
    QCOMPARE(untrusted.exitCode, 1);
    QVERIFY(untrusted.ofType(u"error"_s).constFirst().value("text"_L1).toString().contains("certificate"_L1));

    const Run trusted = runCli({ u"connect"_s, serve.url, u"--cacert"_s, certificate, u"--send"_s,
        u"secret"_s, u"--close-after"_s, u"100"_s, u"--json"_s });
    QCOMPARE(trusted.exitCode, 0);
    const QJsonObject tls = trusted.ofType(u"tls"_s).constFirst();
    QVERIFY(tls.value("protocol"_L1).toString().startsWith("TLSv1."_L1));
    QVERIFY(!tls.value("cipher"_L1).toString().isEmpty());
    QCOMPARE(tls.value("peerSubject"_L1).toString(), u"localhost"_s);
    QCOMPARE(tls.value("verified"_L1).toBool(), true);
    QVERIFY(trusted.traffic().contains(u"message in text secret"_s));
    QVERIFY(trusted.states().contains(u"tls"_s));

    const Run insecure = runCli({ u"connect"_s, serve.url, u"--insecure"_s, u"--close-after"_s, u"100"_s });
    QCOMPARE(insecure.exitCode, 0);
    QVERIFY2(insecure.stdOut.contains("[#1] tls: TLSv1."), insecure.stdOut.constData());
    QVERIFY2(insecure.stdOut.contains("certificate errors ignored: "), insecure.stdOut.constData());
    serve.stop();
}

void tst_ConnectCommand::throughHttpProxy()
{
    ServeProcess serve({ u"--echo"_s });
    ConnectProxy proxy;
    QVERIFY(proxy.listen(QHostAddress::LocalHost));
    const QString proxyUrl = u"http://127.0.0.1:%1"_s.arg(proxy.serverPort());
    const Run run = runWithEventLoop({ u"connect"_s, serve.url, u"--proxy"_s, proxyUrl, u"--send"_s,
        u"via proxy"_s, u"--close-after"_s, u"200"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 0);
    const QString authority = QUrl(serve.url).authority();
    QCOMPARE(proxy.requests, (QList<QByteArray> { "CONNECT " + authority.toLatin1() + " HTTP/1.1" }));
    QCOMPARE(run.ofType(u"info"_s).constFirst().value("text"_L1).toString(),
        u"Connecting through the proxy %1"_s.arg(proxyUrl));
    QVERIFY(run.traffic().contains(u"message in text via proxy"_s));
    serve.stop();
}

void tst_ConnectCommand::proxyFromEnvironment()
{
    ServeProcess serve({ u"--echo"_s });
    ConnectProxy proxy;
    QVERIFY(proxy.listen(QHostAddress::LocalHost));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name :
        { u"http_proxy"_s, u"HTTP_PROXY"_s, u"all_proxy"_s, u"ALL_PROXY"_s, u"no_proxy"_s, u"NO_PROXY"_s })
        environment.remove(name);
    environment.insert(u"http_proxy"_s, u"127.0.0.1:%1"_s.arg(proxy.serverPort()));
    const Run viaProxy = runWithEventLoop(
        { u"connect"_s, serve.url, u"--proxy"_s, u"env"_s, u"--close-after"_s, u"100"_s, u"--json"_s },
        environment);
    QCOMPARE(viaProxy.exitCode, 0);
    QCOMPARE(proxy.requests.size(), 1);

    // no_proxy names the host: straight there.
    environment.insert(u"no_proxy"_s, u"127.0.0.1"_s);
    const Run direct = runWithEventLoop(
        { u"connect"_s, serve.url, u"--proxy"_s, u"env"_s, u"--close-after"_s, u"100"_s, u"--json"_s },
        environment);
    QCOMPARE(direct.exitCode, 0);
    QCOMPARE(proxy.requests.size(), 1);
    QVERIFY(direct.ofType(u"info"_s).constFirst().value("text"_L1).toString().startsWith("--close-after"_L1));
    serve.stop();
}

void tst_ConnectCommand::reconnectGivesUp()
{
    const Run run = runCli({ u"connect"_s, u"ws://127.0.0.1:%1/"_s.arg(unusedPort()), u"--reconnect"_s,
        u"--reconnect-attempts"_s, u"2"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.states(), (QStringList { u"connecting"_s, u"closed"_s, u"connecting"_s, u"closed"_s }));
    QStringList info;
    for (const QJsonObject &line : run.ofType(u"info"_s))
        info.append(line.value("text"_L1).toString());
    QCOMPARE(
        info, (QStringList { u"Reconnecting in 1000 ms (attempt 2)"_s, u"Giving up after 2 attempts"_s }));
}

void tst_ConnectCommand::help()
{
    const Run run = runCli({ u"connect"_s, u"--help"_s });
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.stdOut);
    QVERIFY(out.startsWith("Usage: frameline-cli connect [options] URL"_L1));
    for (const char *option : { "--send-binary", "--interactive", "--close-after", "--timeout", "--proxy",
             "--deflate", "--ping-interval", "--json", "Exit status" })
        QVERIFY2(out.contains(QLatin1String(option)), option);
}

QTEST_GUILESS_MAIN(tst_ConnectCommand)
#include "tst_connectcommand.moc"
