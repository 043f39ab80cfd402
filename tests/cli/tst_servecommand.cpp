// `frameline-cli serve`, run as a user runs it: the real binary, clients made with `frameline-cli connect`,
// its listening line, the events of every client, its shutdown on SIGINT/SIGTERM and its exit codes.

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtTest/QTest>

#include <csignal>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

constexpr int ProcessTimeoutMs = 30000;

using Predicate = std::function<bool(const QJsonObject &)>;

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

Predicate isType(const QString &type)
{
    return [type](const QJsonObject &line) { return line.value("type"_L1).toString() == type; };
}

Predicate isState(const QString &state)
{
    return [state](const QJsonObject &line) {
        return line.value("type"_L1).toString() == "state"_L1 && line.value("state"_L1).toString() == state;
    };
}

QList<QJsonObject> select(const QList<QJsonObject> &lines, const Predicate &predicate)
{
    QList<QJsonObject> result;
    for (const QJsonObject &line : lines) {
        if (predicate(line))
            result.append(line);
    }
    return result;
}

// frameline-cli in the background; its JSON lines are read as they come.
class CliProcess
{
public:
    explicit CliProcess(const QStringList &arguments, const QProcessEnvironment &environment = {})
    {
        if (!environment.isEmpty())
            m_process.setProcessEnvironment(environment);
        m_process.start(QStringLiteral(FRAMELINE_CLI_PATH), arguments);
        if (!m_process.waitForStarted())
            qFatal("cannot start frameline-cli");
        m_process.closeWriteChannel();
    }
    ~CliProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    // Reads until a line matches (bounded); false when the process ended or time ran out first.
    bool waitFor(const Predicate &predicate)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            while (m_process.canReadLine()) {
                const QList<QJsonObject> lines = parseJsonLines(m_process.readLine());
                m_lines += lines;
                for (const QJsonObject &line : lines) {
                    if (predicate(line))
                        return true;
                }
            }
            const qint64 left = ProcessTimeoutMs - timer.elapsed();
            if (left <= 0 || m_process.state() == QProcess::NotRunning)
                return false;
            m_process.waitForReadyRead(int(qMin<qint64>(left, 1000)));
        }
    }
    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }
    // Waits for the end; the exit code, or -1 when it crashed.
    int finish()
    {
        if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(ProcessTimeoutMs))
            qFatal("frameline-cli did not finish");
        m_lines += parseJsonLines(m_process.readAllStandardOutput());
        m_stdErr = QString::fromUtf8(m_process.readAllStandardError());
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    const QList<QJsonObject> &lines() const { return m_lines; }
    const QString &stdErr() const { return m_stdErr; }

private:
    QProcess m_process;
    QList<QJsonObject> m_lines;
    QString m_stdErr;
};

// `serve --port 0 --json ...`, its listening line read.
class Serve : public CliProcess
{
public:
    explicit Serve(const QStringList &arguments, const QProcessEnvironment &environment = {})
        : CliProcess(QStringList { u"serve"_s, u"--port"_s, u"0"_s, u"--json"_s } + arguments, environment)
    {
        started = waitFor(isType(u"listening"_s));
        if (!started) {
            const int code = finish();
            failure = u"serve did not start (exit code %1, -1 for a crash): %2"_s.arg(code).arg(stdErr());
            return;
        }
        listening = lines().constLast();
        url = listening.value("url"_L1).toString();
    }
    bool started = false;
    QString failure;
    QJsonObject listening;
    QString url;
};

struct Run
{
    int exitCode = -1;
    QByteArray stdOut;
    QString stdErr;
};

Run runCli(const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FRAMELINE_CLI_PATH), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(ProcessTimeoutMs))
        qFatal("frameline-cli did not finish");
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace

class tst_ServeCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listeningLineHuman();
    void listeningLineJson();
    void eventsOfEveryClient();
    void signalClosesClientsWith1001_data();
    void signalClosesClientsWith1001();
    void rejectWithStatus();
    void allowedOrigins();
    void broadcast();
    void cannotListen();
    void badArguments_data();
    void badArguments();
    void selfSignedTls();
    void help();
};

void tst_ServeCommand::listeningLineHuman()
{
    QProcess process;
    process.start(QStringLiteral(FRAMELINE_CLI_PATH), { u"serve"_s, u"--port"_s, u"0"_s });
    QVERIFY(process.waitForStarted());
    QElapsedTimer timer;
    timer.start();
    while (!process.canReadLine() && timer.elapsed() < ProcessTimeoutMs)
        process.waitForReadyRead(1000);
    const QString line = QString::fromUtf8(process.readLine());
    const QRegularExpressionMatch match
        = QRegularExpression(u"^listening on ws://127\\.0\\.0\\.1:(\\d+)/\n$"_s).match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line));
    QVERIFY(match.captured(1).toInt() > 0);
    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(ProcessTimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains("SIGTERM: closing 0 client"));
}

void tst_ServeCommand::listeningLineJson()
{
    Serve serve({});
    QVERIFY2(serve.started, qPrintable(serve.failure));
    const QJsonObject listening = serve.listening;
    QCOMPARE(listening.value("connection"_L1).type(), QJsonValue::Null);
    QCOMPARE(listening.value("address"_L1).toString(), u"127.0.0.1"_s);
    const int port = listening.value("port"_L1).toInt();
    QVERIFY(port > 0);
    QCOMPARE(serve.url, u"ws://127.0.0.1:%1/"_s.arg(port));
    QCOMPARE(listening.value("certificateFile"_L1).type(), QJsonValue::Null);
    serve.signal(SIGTERM);
    QCOMPARE(serve.finish(), 0);
    QCOMPARE(select(serve.lines(), isType(u"info"_s)).size(), 1);
}

void tst_ServeCommand::eventsOfEveryClient()
{
    Serve serve({ u"--echo"_s });
    QVERIFY2(serve.started, qPrintable(serve.failure));
    QCOMPARE(
        runCli({ u"connect"_s, serve.url + u"first"_s, u"--send"_s, u"one"_s, u"--close-after"_s, u"100"_s })
            .exitCode,
        0);
    QCOMPARE(runCli({ u"connect"_s, serve.url + u"second"_s, u"--send-binary"_s, u"ff00"_s,
                        u"--close-after"_s, u"100"_s })
                 .exitCode,
        0);
    QVERIFY(serve.waitFor([](const QJsonObject &line) {
        return line.value("connection"_L1).toInt() == 2 && line.value("state"_L1).toString() == "closed"_L1;
    }));
    serve.signal(SIGTERM);
    QCOMPARE(serve.finish(), 0);

    const QList<QJsonObject> handshakes = select(serve.lines(), isType(u"handshake"_s));
    QCOMPARE(handshakes.size(), 2);
    QCOMPARE(handshakes.at(0).value("connection"_L1).toInt(), 1);
    QCOMPARE(handshakes.at(0).value("url"_L1).toString(), u"/first"_s);
    QCOMPARE(handshakes.at(0).value("peerAddress"_L1).toString(), u"127.0.0.1"_s);
    QVERIFY(handshakes.at(0).value("request"_L1).toString().startsWith("GET /first HTTP/1.1\r\n"_L1));
    QVERIFY(handshakes.at(0)
                .value("response"_L1)
                .toString()
                .startsWith("HTTP/1.1 101 Switching Protocols\r\n"_L1));
    QCOMPARE(handshakes.at(1).value("connection"_L1).toInt(), 2);
    QCOMPARE(handshakes.at(1).value("url"_L1).toString(), u"/second"_s);

    const QList<QJsonObject> frames = select(serve.lines(), isType(u"frame"_s));
    QStringList traffic;
    for (const QJsonObject &frame : frames) {
        traffic.append(
            u"#%1 %2 %3 %4 masked=%5"_s.arg(frame.value("connection"_L1).toInt())
                .arg(frame.value("direction"_L1).toString(), frame.value("opcodeName"_L1).toString(),
                    frame.value("payloadHex"_L1).toString(),
                    frame.value("masked"_L1).toBool() ? u"yes"_s : u"no"_s));
    }
    QCOMPARE(traffic,
        (QStringList { u"#1 in text 6f6e65 masked=yes"_s, u"#1 out text 6f6e65 masked=no"_s,
            u"#1 in close 03e8 masked=yes"_s, u"#1 out close 03e8 masked=no"_s,
            u"#2 in binary ff00 masked=yes"_s, u"#2 out binary ff00 masked=no"_s,
            u"#2 in close 03e8 masked=yes"_s, u"#2 out close 03e8 masked=no"_s }));
    QCOMPARE(frames.at(1).value("origin"_L1).toString(), u"automatic"_s);
    const QList<QJsonObject> closed = select(serve.lines(), isState(u"closed"_s));
    QCOMPARE(closed.size(), 2);
    for (const QJsonObject &line : closed) {
        QCOMPARE(line.value("close"_L1).toObject().value("initiator"_L1).toString(), u"remote"_s);
        QCOMPARE(line.value("close"_L1).toObject().value("closingHandshakeCompleted"_L1).toBool(), true);
    }
}

void tst_ServeCommand::signalClosesClientsWith1001_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("name");
    QTest::newRow("SIGTERM") << int(SIGTERM) << u"SIGTERM"_s;
    QTest::newRow("SIGINT") << int(SIGINT) << u"SIGINT"_s;
}

void tst_ServeCommand::signalClosesClientsWith1001()
{
    QFETCH(int, signalNumber);
    QFETCH(QString, name);
    Serve serve({});
    QVERIFY2(serve.started, qPrintable(serve.failure));
    CliProcess first({ u"connect"_s, serve.url, u"--json"_s });
    CliProcess second({ u"connect"_s, serve.url, u"--json"_s });
    QVERIFY(first.waitFor(isState(u"open"_s)));
    QVERIFY(second.waitFor(isState(u"open"_s)));
    // Both clients are open on the server's side too before it is told to stop.
    QVERIFY(serve.waitFor([](const QJsonObject &line) {
        return line.value("connection"_L1).toInt() == 2 && line.value("state"_L1).toString() == "open"_L1;
    }));

    serve.signal(signalNumber);
    QCOMPARE(serve.finish(), 0);
    QCOMPARE(first.finish(), 0); // 1001 is a clean close
    QCOMPARE(second.finish(), 0);

    const QList<QJsonObject> info = select(serve.lines(), isType(u"info"_s));
    QCOMPARE(info.size(), 1);
    QVERIFY2(info.at(0).value("text"_L1).toString().startsWith(name + u": closing 2 client"_s),
        qPrintable(info.at(0).value("text"_L1).toString()));
    const QList<QJsonObject> serverClosed = select(serve.lines(), isState(u"closed"_s));
    QCOMPARE(serverClosed.size(), 2);
    for (const QJsonObject &line : serverClosed) {
        const QJsonObject close = line.value("close"_L1).toObject();
        QCOMPARE(close.value("sentCode"_L1).toInt(), 1001);
        QCOMPARE(close.value("initiator"_L1).toString(), u"local"_s);
        QCOMPARE(close.value("closingHandshakeCompleted"_L1).toBool(), true);
    }
    for (CliProcess *client : { &first, &second }) {
        const QList<QJsonObject> closeFrames = select(client->lines(), [](const QJsonObject &line) {
            return line.value("type"_L1).toString() == "frame"_L1
                && line.value("opcodeName"_L1).toString() == "close"_L1;
        });
        QCOMPARE(closeFrames.size(), 2);
        QCOMPARE(closeFrames.at(0).value("direction"_L1).toString(), u"in"_s);
        QCOMPARE(closeFrames.at(0).value("closeCode"_L1).toInt(), 1001);
        QCOMPARE(closeFrames.at(0).value("closeCodeName"_L1).toString(), u"Going Away"_s);
        QCOMPARE(closeFrames.at(1).value("direction"_L1).toString(), u"out"_s);
        const QJsonObject close
            = select(client->lines(), isState(u"closed"_s)).constFirst().value("close"_L1).toObject();
        QCOMPARE(close.value("code"_L1).toInt(), 1001);
        QCOMPARE(close.value("initiator"_L1).toString(), u"remote"_s);
        QCOMPARE(close.value("closingHandshakeCompleted"_L1).toBool(), true);
    }
}

void tst_ServeCommand::rejectWithStatus()
{
    Serve serve({ u"--reject"_s, u"503"_s });
    QVERIFY2(serve.started, qPrintable(serve.failure));
    const Run client = runCli({ u"connect"_s, serve.url, u"--json"_s });
    QCOMPARE(client.exitCode, 1);
    QVERIFY(client.stdOut.contains("\"status\":503"));
    QVERIFY(serve.waitFor(isState(u"closed"_s)));
    serve.signal(SIGTERM);
    QCOMPARE(serve.finish(), 0);
    const QJsonObject handshake = select(serve.lines(), isType(u"handshake"_s)).constFirst();
    QCOMPARE(handshake.value("accepted"_L1).toBool(), false);
    QCOMPARE(handshake.value("status"_L1).toInt(), 503);
    QVERIFY(handshake.value("response"_L1).toString().startsWith("HTTP/1.1 503 Service Unavailable\r\n"_L1));
    QCOMPARE(select(serve.lines(), isType(u"error"_s)).size(), 1);
}

void tst_ServeCommand::allowedOrigins()
{
    Serve serve({ u"--allow-origin"_s, u"https://good.example"_s });
    QVERIFY2(serve.started, qPrintable(serve.failure));
    const Run evil
        = runCli({ u"connect"_s, serve.url, u"--origin"_s, u"https://evil.example"_s, u"--json"_s });
    QCOMPARE(evil.exitCode, 1);
    QVERIFY(evil.stdOut.contains("\"status\":403"));
    const Run good = runCli(
        { u"connect"_s, serve.url, u"--origin"_s, u"https://good.example"_s, u"--close-after"_s, u"100"_s });
    QCOMPARE(good.exitCode, 0);
    QVERIFY(serve.waitFor([](const QJsonObject &line) {
        return line.value("connection"_L1).toInt() == 2 && line.value("state"_L1).toString() == "closed"_L1;
    }));
    serve.signal(SIGTERM);
    QCOMPARE(serve.finish(), 0);
    const QList<QJsonObject> handshakes = select(serve.lines(), isType(u"handshake"_s));
    QCOMPARE(handshakes.size(), 2);
    QCOMPARE(handshakes.at(0).value("accepted"_L1).toBool(), false);
    QCOMPARE(handshakes.at(0).value("status"_L1).toInt(), 403);
    QVERIFY(
        handshakes.at(0).value("request"_L1).toString().contains("\r\nOrigin: https://evil.example\r\n"_L1));
    QCOMPARE(handshakes.at(1).value("accepted"_L1).toBool(), true);
}

void tst_ServeCommand::broadcast()
{
    Serve serve({ u"--broadcast"_s });
    QVERIFY2(serve.started, qPrintable(serve.failure));
    CliProcess listener({ u"connect"_s, serve.url, u"--json"_s });
    QVERIFY(listener.waitFor(isState(u"open"_s)));
    QVERIFY(serve.waitFor(isState(u"open"_s)));
    const Run speaker = runCli({ u"connect"_s, serve.url, u"--send"_s, u"to everyone"_s, u"--close-after"_s,
        u"300"_s, u"--json"_s });
    QCOMPARE(speaker.exitCode, 0);
    QVERIFY(speaker.stdOut.contains("\"direction\":\"in\",\"origin\":\"peer\",\"index\":0,\"opcode\":1"));
    QVERIFY(listener.waitFor([](const QJsonObject &line) {
        return line.value("type"_L1).toString() == "message"_L1
            && line.value("direction"_L1).toString() == "in"_L1
            && line.value("text"_L1).toString() == "to everyone"_L1;
    }));
    listener.signal(SIGINT);
    QCOMPARE(listener.finish(), 0);
    serve.signal(SIGTERM);
    QCOMPARE(serve.finish(), 0);
}

void tst_ServeCommand::cannotListen()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    const Run run = runCli({ u"serve"_s, u"--port"_s, QString::number(taken.serverPort()) });
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.stdOut.isEmpty());
    QVERIFY2(run.stdErr.startsWith(
                 u"frameline-cli serve: Cannot listen on 127.0.0.1 port %1: "_s.arg(taken.serverPort())),
        qPrintable(run.stdErr));
    QCOMPARE(run.stdErr.count(QLatin1Char('\n')), 1);
}

void tst_ServeCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("port") << QStringList { u"serve"_s, u"--port"_s, u"70000"_s }
                          << u"--port must be a number from 0 to 65535"_s;
    QTest::newRow("host") << QStringList { u"serve"_s, u"--host"_s, u"nowhere"_s }
                          << u"--host 'nowhere' is not an IP address"_s;
    QTest::newRow("cert without tls") << QStringList { u"serve"_s, u"--cert"_s, u"c.pem"_s, u"--key"_s,
        u"k.pem"_s } << u"--cert and --key need --tls"_s;
    QTest::newRow("cert without key") << QStringList { u"serve"_s, u"--tls"_s, u"--cert"_s, u"c.pem"_s }
                                      << u"--cert and --key go together"_s;
    QTest::newRow("unreadable cert") << QStringList { u"serve"_s, u"--tls"_s, u"--cert"_s,
        u"/nonexistent/c.pem"_s, u"--key"_s, u"/nonexistent/k.pem"_s }
                                     << u"/nonexistent/c.pem"_s;
    QTest::newRow("echo and broadcast")
        << QStringList { u"serve"_s, u"--echo"_s, u"--broadcast"_s } << u"either --echo or --broadcast"_s;
    QTest::newRow("reject status") << QStringList { u"serve"_s, u"--reject"_s, u"42"_s }
                                   << u"--reject must be an HTTP status"_s;
    QTest::newRow("reject 101") << QStringList { u"serve"_s, u"--reject"_s, u"101"_s }
                                << u"--reject must be an HTTP status"_s;
    QTest::newRow("subprotocol") << QStringList { u"serve"_s, u"--subprotocol"_s, u"a,b"_s }
                                 << u"is not a token"_s;
    QTest::newRow("positional") << QStringList { u"serve"_s, u"9001"_s } << u"unexpected argument '9001'"_s;
    QTest::newRow("unknown option") << QStringList { u"serve"_s, u"--listen"_s }
                                    << u"Unknown option 'listen'"_s;
}

void tst_ServeCommand::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.stdOut.isEmpty());
    QVERIFY2(run.stdErr.startsWith("frameline-cli serve: "_L1), qPrintable(run.stdErr));
    QVERIFY2(run.stdErr.contains(message), qPrintable(run.stdErr));
    QCOMPARE(run.stdErr.count(QLatin1Char('\n')), 1);
}

void tst_ServeCommand::selfSignedTls()
{
    // The self-signed certificate goes to the app-data folder: point it at a fresh one.
    QTemporaryDir data;
    QVERIFY(data.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, data.path());
    Serve serve({ u"--tls"_s, u"--echo"_s }, environment);
    QVERIFY2(serve.started, qPrintable(serve.failure));
    QVERIFY2(serve.url.startsWith("wss://localhost:"_L1), qPrintable(serve.url));
    const QString certificate = serve.listening.value("certificateFile"_L1).toString();
    QVERIFY2(certificate.startsWith(QDir(data.path()).canonicalPath()) || certificate.startsWith(data.path()),
        qPrintable(certificate));
    QVERIFY(QFileInfo::exists(certificate));

    const Run client = runCli({ u"connect"_s, serve.url, u"--cacert"_s, certificate, u"--send"_s,
        u"over tls"_s, u"--close-after"_s, u"100"_s, u"--json"_s });
    QCOMPARE(client.exitCode, 0);
    QVERIFY(client.stdOut.contains("\"type\":\"tls\""));
    QVERIFY(client.stdOut.contains("\"verified\":true"));
    QVERIFY(serve.waitFor(isState(u"closed"_s)));
    serve.signal(SIGTERM);
    QCOMPARE(serve.finish(), 0);
    const QJsonObject tls = select(serve.lines(), isType(u"tls"_s)).constFirst();
    QVERIFY(tls.value("protocol"_L1).toString().startsWith("TLSv1."_L1));
    QVERIFY(!select(serve.lines(), [](const QJsonObject &line) {
        return line.value("text"_L1).toString() == "over tls"_L1;
    }).isEmpty());
}

void tst_ServeCommand::help()
{
    const Run run = runCli({ u"serve"_s, u"--help"_s });
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.stdOut);
    QVERIFY(out.startsWith("Usage: frameline-cli serve [options]"_L1));
    for (const char *option : { "--host", "--port", "--tls", "--echo", "--broadcast", "--subprotocol",
             "--allow-origin", "--reject", "--json", "Exit status" })
        QVERIFY2(out.contains(QLatin1String(option)), option);

    const Run usage = runCli({ u"--help"_s });
    QCOMPARE(usage.exitCode, 0);
    QVERIFY(usage.stdOut.contains("\n  connect   "));
    QVERIFY(usage.stdOut.contains("\n  serve     "));
}

QTEST_GUILESS_MAIN(tst_ServeCommand)
#include "tst_servecommand.moc"
