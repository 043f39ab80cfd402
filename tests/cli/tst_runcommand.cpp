// `frameline-cli run`, run as a user runs it: the real binary with scripts against the real `serve --echo`
// (in another process), and as a mock server (`run --serve`) answering our own clients in this process;
// its console lines, its summary, its exit codes, its signals, its recording, and every bundled example.

#include "app/net/clientconnection.h"
#include "app/script/scriptrunner.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtTest/QTest>

#include <csignal>
#include <functional>
#include <memory>

using namespace Frameline;
using namespace Qt::StringLiterals;

namespace {

constexpr int ProcessTimeoutMs = 60000;

struct Run
{
    int exitCode = -1; // -1: crashed
    QString stdOut;
    QString stdErr;
    qint64 elapsedMs = 0;

    QStringList outLines() const { return stdOut.split(u'\n', Qt::SkipEmptyParts); }
    QString summary() const { return outLines().value(outLines().size() - 1); }
    // Lines of standard output that start with `prefix` ("[log] ", "[fail] ").
    QStringList outLinesStartingWith(const QString &prefix) const
    {
        QStringList result;
        for (const QString &line : outLines()) {
            if (line.startsWith(prefix))
                result.append(line);
        }
        return result;
    }
};

Run collect(QProcess &process, const QElapsedTimer &timer)
{
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.stdOut += QString::fromUtf8(process.readAllStandardOutput());
    run.stdErr = QString::fromUtf8(process.readAllStandardError());
    run.elapsedMs = timer.elapsed();
    return run;
}

QString describe(const Run &run)
{
    return u"exit %1\n--- stdout\n%2--- stderr\n%3"_s.arg(run.exitCode).arg(run.stdOut, run.stdErr);
}

// Runs frameline-cli to the end without an event loop (its peer, if any, is another process).
Run runCli(const QStringList &arguments)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(FRAMELINE_CLI_PATH), arguments);
    if (!process.waitForStarted())
        qFatal("cannot start frameline-cli");
    process.closeWriteChannel();
    if (!process.waitForFinished(ProcessTimeoutMs))
        qFatal("frameline-cli did not finish: %s", qPrintable(arguments.join(u' ')));
    return collect(process, timer);
}

// Reads standard output lines of a running process until one matches (spinning this process's event
// loop, so that clients in this process keep working); false on timeout or exit.
bool waitForOutLine(QProcess &process, QStringList &seen, const std::function<bool(const QString &)> &match,
    int timeoutMs = ProcessTimeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        while (process.canReadLine()) {
            const QString line = QString::fromUtf8(process.readLine()).chopped(1);
            seen.append(line);
            if (match(line))
                return true;
        }
        if (deadline.hasExpired() || process.state() == QProcess::NotRunning)
            return false;
        QTest::qWait(10);
    }
}

// A frameline-cli process in the background: `serve --echo`, or `run ... --serve`, whose URL is read from
// its "listening on URL" line. Its output goes to files, so that a busy server never blocks on a full pipe
// while this process waits for another one.
class BackgroundCli
{
public:
    explicit BackgroundCli(const QStringList &arguments)
    {
        static int serial = 0;
        const QString stem = QDir::temp().filePath(
            u"tst_runcommand-%1-%2"_s.arg(QCoreApplication::applicationPid()).arg(++serial));
        m_outFile = stem + u".out"_s;
        m_errFile = stem + u".err"_s;
        m_timer.start();
        m_process.setStandardOutputFile(m_outFile);
        m_process.setStandardErrorFile(m_errFile);
        m_process.start(QStringLiteral(FRAMELINE_CLI_PATH), arguments);
        m_process.closeWriteChannel();
        static const QRegularExpression listening(u"listening on (wss?://\\S+)"_s);
        QString match;
        const bool started = m_process.waitForStarted()
            && QTest::qWaitFor(
                [&] {
                    const QStringList lines = outLines();
                    for (const QString &line : lines) {
                        const QRegularExpressionMatch found = listening.match(line);
                        if (found.hasMatch()) {
                            match = found.captured(1);
                            return true;
                        }
                    }
                    return m_process.state() == QProcess::NotRunning;
                },
                ProcessTimeoutMs);
        if (!started || match.isEmpty())
            qFatal("%s did not start: %s", qPrintable(arguments.join(u' ')), qPrintable(read(m_errFile)));
        url = match;
    }
    ~BackgroundCli()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
        QFile::remove(m_outFile);
        QFile::remove(m_errFile);
    }

    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }

    QStringList outLines() const { return read(m_outFile).split(u'\n', Qt::SkipEmptyParts); }

    // Waits for the end (spinning the event loop), then everything it printed.
    Run finish(int timeoutMs = ProcessTimeoutMs)
    {
        if (!QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs))
            qFatal("frameline-cli did not finish");
        Run run;
        run.exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        run.stdOut = read(m_outFile);
        run.stdErr = read(m_errFile);
        run.elapsedMs = m_timer.elapsed();
        return run;
    }

    QString url;

private:
    static QString read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    QProcess m_process;
    QString m_outFile;
    QString m_errFile;
    QElapsedTimer m_timer;
};

// `frameline-cli serve --echo`: the built-in echo server.
class EchoServer : public BackgroundCli
{
public:
    EchoServer()
        : BackgroundCli({ u"serve"_s, u"--echo"_s, u"--port"_s, u"0"_s })
    { }
};

// One of our clients in this process: every message it got, in order, as "text <utf-8>" or
// "binary <hex>", and how its connection closed.
class TestClient
{
public:
    explicit TestClient(const QString &url)
    {
        QString error;
        ClientConnection::Options options;
        options.url = *ClientConnection::parseUrl(url, &error);
        m_connection = std::make_unique<ClientConnection>(options);
        QObject::connect(m_connection.get(), &Connection::eventsReady, m_connection.get(),
            [this](const EventBatch &batch) {
                for (const ConnectionEvent &event : batch) {
                    const auto *message = std::get_if<MessageEvent>(&event);
                    if (!message || message->direction != Direction::Incoming)
                        continue;
                    received.append(message->message.opcode == 0x1
                            ? "text "_ba + message->message.payload
                            : "binary "_ba + message->message.payload.toHex());
                }
            });
        m_connection->open();
    }

    bool waitOpen() const
    {
        return QTest::qWaitFor([this] { return m_connection->state() == ConnectionState::Open; }, 10000);
    }
    // Waits until `count` messages came (and a little longer, to catch any extra one).
    bool waitForMessages(qsizetype count) const
    {
        const bool got = QTest::qWaitFor([this, count] { return received.size() >= count; }, 10000);
        QTest::qWait(50);
        return got;
    }
    bool waitClosed() const
    {
        return QTest::qWaitFor([this] { return m_connection->state() == ConnectionState::Closed; }, 15000);
    }
    Connection *connection() const { return m_connection.get(); }

    QList<QByteArray> received;

private:
    std::unique_ptr<ClientConnection> m_connection;
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

} // namespace

class tst_RunCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passingScript();
    void failingScriptPrintsEachFailureWithItsLine();
    void syntaxErrorIsReportedBeforeConnecting();
    void runtimeErrorWithItsLine();
    void busyLoopIsInterrupted();
    void timeoutEndsTheRun();
    void unreachableUrl();
    void badArguments_data();
    void badArguments();
    void quietAndVerbose();
    void recordWritesASession();
    void sigintStopsAClientRun();
    void serverScriptServesTwoClients();
    void sigintEndsAServerRun();
    void bundledExamplesAreAllListed();
    void clientExamplesPassAgainstTheEchoServer_data();
    void clientExamplesPassAgainstTheEchoServer();
    void mockServerExampleAnswersByteForByte();
    void help();

private:
    // Writes `source` to NAME in the temporary folder and returns its path.
    QString script(const QString &name, const QByteArray &source);

    QTemporaryDir m_dir;
    std::unique_ptr<EchoServer> m_echo;
};

void tst_RunCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_echo = std::make_unique<EchoServer>();
}

QString tst_RunCommand::script(const QString &name, const QByteArray &source)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(source) != source.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void tst_RunCommand::passingScript()
{
    const QString path = script(u"pass.js"_s,
        "log('hello', 'world');\n"
        "run(function* () {\n"
        "    ws.send('ping');\n"
        "    const reply = yield ws.waitFor('ping', 5000);\n"
        "    expect(reply.text).toBe('ping');\n"
        "    assert(!reply.binary, 'a text reply');\n"
        "    log('got ' + reply.text);\n"
        "    done();\n"
        "});\n");
    const Run run = runCli({ u"run"_s, path, u"--url"_s, m_echo->url });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(
        run.outLinesStartingWith(u"[log] "_s), (QStringList { u"[log] hello world"_s, u"[log] got ping"_s }));
    QVERIFY2(run.summary().startsWith("PASS: 2 passed, 0 failed ("_L1), qPrintable(run.summary()));
    QVERIFY2(run.outLinesStartingWith(u"[fail]"_s).isEmpty(), qPrintable(describe(run)));
    QCOMPARE(run.stdErr, QString());
}

void tst_RunCommand::failingScriptPrintsEachFailureWithItsLine()
{
    const QString path = script(u"fail.js"_s,
        "run(function* () {\n"
        "    ws.send('ping');\n"
        "    const reply = yield ws.waitFor('ping', 5000);\n"
        "    expect(reply.text).toBe('ping');\n"
        "    expect(reply.text).toBe('pong');\n"
        "    assert(false, 'deliberately false');\n"
        "    log('still running');\n"
        "    done();\n"
        "});\n");
    const Run run = runCli({ u"run"_s, path, u"--url"_s, m_echo->url });
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    const QStringList failures = run.outLinesStartingWith(u"[fail] "_s);
    QCOMPARE(failures.size(), 2);
    // Each failure names the script and its line, and says what was expected.
    QVERIFY2(failures.at(0).startsWith("[fail] fail.js:5"_L1), qPrintable(failures.at(0)));
    QVERIFY2(
        failures.at(0).contains("pong"_L1) && failures.at(0).contains("ping"_L1), qPrintable(failures.at(0)));
    QVERIFY2(failures.at(1).startsWith("[fail] fail.js:6"_L1), qPrintable(failures.at(1)));
    QVERIFY2(failures.at(1).contains("deliberately false"_L1), qPrintable(failures.at(1)));
    // assert() records the failure and the script goes on.
    QVERIFY(run.outLines().contains(u"[log] still running"_s));
    QVERIFY2(run.summary().startsWith("FAIL: 1 passed, 2 failed ("_L1), qPrintable(run.summary()));
}

void tst_RunCommand::syntaxErrorIsReportedBeforeConnecting()
{
    const QString path = script(u"syntax.js"_s,
        "log('fine');\n"
        "const x = ;\n");
    // No server at that port: the syntax error comes first, and nothing is dialled.
    const Run run = runCli({ u"run"_s, path, u"--url"_s, u"ws://127.0.0.1:%1/"_s.arg(unusedPort()) });
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(run.stdErr.startsWith("[error] syntax.js:2:"_L1), qPrintable(run.stdErr));
    QVERIFY2(!run.stdErr.contains("connect"_L1), qPrintable(run.stdErr));
    QVERIFY2(run.summary().startsWith("ERROR: "_L1), qPrintable(run.summary()));
    QVERIFY(!run.stdOut.contains("[log] fine"_L1));
}

void tst_RunCommand::runtimeErrorWithItsLine()
{
    const QString path = script(u"runtime.js"_s,
        "log('before');\n"
        "const nothing = undefined;\n"
        "log(nothing.property);\n"
        "log('after');\n");
    const Run run = runCli({ u"run"_s, path, u"--url"_s, m_echo->url });
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY(run.outLines().contains(u"[log] before"_s));
    QVERIFY(!run.stdOut.contains("[log] after"_L1));
    QVERIFY2(run.stdErr.contains("runtime.js:3:"_L1), qPrintable(run.stdErr));
    QVERIFY2(run.stdErr.contains("TypeError"_L1), qPrintable(run.stdErr));
    QVERIFY2(run.summary().startsWith("ERROR: "_L1), qPrintable(run.summary()));
}

void tst_RunCommand::busyLoopIsInterrupted()
{
    const QString path = script(u"busy.js"_s,
        "log('spinning');\n"
        "let n = 0;\n"
        "while (true) { ++n; }\n");
    const Run run = runCli({ u"run"_s, path, u"--url"_s, m_echo->url, u"--busy-limit"_s, u"500"_s });
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY(run.outLines().contains(u"[log] spinning"_s));
    // The limit and not much more (process start, connection, closing handshake included).
    QVERIFY2(run.elapsedMs < 10000, qPrintable(QString::number(run.elapsedMs)));
    QVERIFY2(run.stdErr.contains("500"_L1), qPrintable(run.stdErr));
    QVERIFY2(run.summary().startsWith("ERROR: "_L1), qPrintable(run.summary()));
}

void tst_RunCommand::timeoutEndsTheRun()
{
    // Waits for a message that never comes (for longer than the --timeout).
    const QString path = script(u"wait.js"_s,
        "run(function* () {\n"
        "    log('waiting');\n"
        "    yield ws.waitFor('never', 600000);\n"
        "    done();\n"
        "});\n");
    const Run run = runCli({ u"run"_s, path, u"--url"_s, m_echo->url, u"--timeout"_s, u"0.5"_s });
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY(run.outLines().contains(u"[log] waiting"_s));
    QVERIFY2(run.elapsedMs >= 500 && run.elapsedMs < 10000, qPrintable(QString::number(run.elapsedMs)));
    QVERIFY2(run.summary().startsWith("ERROR: "_L1), qPrintable(run.summary()));
}

void tst_RunCommand::unreachableUrl()
{
    const QString path = script(u"unreachable.js"_s, "log('never runs');\ndone();\n");
    const QString url = u"ws://127.0.0.1:%1/"_s.arg(unusedPort());
    const Run run = runCli({ u"run"_s, path, u"--url"_s, url });
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(
        run.stdErr.startsWith(u"[error] the connection to %1 failed: "_s.arg(url)), qPrintable(run.stdErr));
    QVERIFY2(run.stdErr.contains("refused"_L1), qPrintable(run.stdErr));
    QVERIFY(!run.stdOut.contains("[log] never runs"_L1));
    QVERIFY2(run.summary().startsWith("ERROR: "_L1), qPrintable(run.summary()));
}

void tst_RunCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString existing = script(u"exists.js"_s, "done();\n");
    const QString url = u"ws://127.0.0.1:9/"_s;
    QTest::newRow("no script") << QStringList { u"run"_s, u"--url"_s, url } << u"no script"_s;
    QTest::newRow("two scripts") << QStringList { u"run"_s, existing, existing, u"--url"_s, url }
                                 << u"give one script"_s;
    QTest::newRow("unreadable script") << QStringList { u"run"_s, m_dir.filePath(u"missing.js"_s), u"--url"_s,
        url } << u"cannot read the script"_s;
    QTest::newRow("neither --url nor --serve") << QStringList { u"run"_s, existing } << u"no --url"_s;
    QTest::newRow("both --url and --serve")
        << QStringList { u"run"_s, existing, u"--url"_s, url, u"--serve"_s } << u"either --url or --serve"_s;
    QTest::newRow("not a websocket url")
        << QStringList { u"run"_s, existing, u"--url"_s, u"http://a/"_s } << u"http"_s;
    QTest::newRow("bad timeout") << QStringList { u"run"_s, existing, u"--url"_s, url, u"--timeout"_s,
        u"soon"_s } << u"--timeout must be a positive number of seconds"_s;
    QTest::newRow("bad busy limit") << QStringList { u"run"_s, existing, u"--url"_s, url, u"--busy-limit"_s,
        u"0"_s } << u"--busy-limit must be a positive number"_s;
    QTest::newRow("port without serve") << QStringList { u"run"_s, existing, u"--url"_s, url, u"--port"_s,
        u"1"_s } << u"--port is for --serve"_s;
    QTest::newRow("header with serve") << QStringList { u"run"_s, existing, u"--serve"_s, u"-H"_s, u"A: b"_s }
                                       << u"--header: only with --url"_s;
    QTest::newRow("bad header (shared with connect)") << QStringList { u"run"_s, existing, u"--url"_s, url,
        u"-H"_s, u"no colon"_s } << u"-H 'no colon' is not a header"_s;
    QTest::newRow("strict and lenient") << QStringList { u"run"_s, existing, u"--url"_s, url, u"--strict"_s,
        u"--lenient"_s } << u"either --strict or --lenient"_s;
    QTest::newRow("quiet and verbose") << QStringList { u"run"_s, existing, u"--url"_s, url, u"--quiet"_s,
        u"--verbose"_s } << u"either --quiet or --verbose"_s;
    QTest::newRow("unknown example") << QStringList { u"run"_s, u"example:nope"_s, u"--url"_s, url }
                                     << u"no bundled example 'nope'"_s;
    QTest::newRow("server example as a client") << QStringList { u"run"_s, u"example:mock-server"_s,
        u"--url"_s, url } << u"example:mock-server is a server script: run it with --serve"_s;
    QTest::newRow("client example as a server") << QStringList { u"run"_s, u"--example"_s, u"echo-check"_s,
        u"--serve"_s } << u"example:echo-check is a client script: run it with --url"_s;
    QTest::newRow("unknown option") << QStringList { u"run"_s, existing, u"--url"_s, url, u"--nope"_s }
                                    << u"nope"_s;
}

void tst_RunCommand::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = runCli(arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(run.stdErr.startsWith("frameline-cli run: "_L1), qPrintable(run.stdErr));
    QVERIFY2(run.stdErr.contains(message), qPrintable(run.stdErr));
    QCOMPARE(run.stdOut, QString());
}

void tst_RunCommand::quietAndVerbose()
{
    const QString path = script(u"chatty.js"_s,
        "log('chatty');\n"
        "run(function* () {\n"
        "    ws.send('abc');\n"
        "    const reply = yield ws.waitFor('abc', 5000);\n"
        "    expect(reply.text).toBe('abc');\n"
        "    expect(reply.text).toBe('abd');\n"
        "    done();\n"
        "});\n");
    const Run quiet = runCli({ u"run"_s, path, u"--url"_s, m_echo->url, u"--quiet"_s });
    QVERIFY2(quiet.exitCode == 1, qPrintable(describe(quiet)));
    // Only the failure and the summary.
    QCOMPARE(quiet.outLines().size(), 2);
    QVERIFY2(quiet.outLines().at(0).startsWith("[fail] chatty.js:6"_L1), qPrintable(describe(quiet)));
    QVERIFY2(quiet.summary().startsWith("FAIL: 1 passed, 1 failed ("_L1), qPrintable(quiet.summary()));

    const Run verbose = runCli({ u"run"_s, path, u"--url"_s, m_echo->url, u"--verbose"_s });
    QVERIFY2(verbose.exitCode == 1, qPrintable(describe(verbose)));
    QVERIFY(verbose.outLines().contains(u"[log] chatty"_s));
    QCOMPARE(verbose.outLinesStartingWith(u"[pass] "_s).size(), 1);
    QVERIFY2(verbose.outLinesStartingWith(u"[pass] "_s).constFirst().startsWith("[pass] chatty.js:5"_L1),
        qPrintable(describe(verbose)));
    // The connection's events, as `connect` prints them: the text going out and coming back.
    QVERIFY2(verbose.stdOut.contains(QRegularExpression(u"→ .*text.*abc"_s)), qPrintable(verbose.stdOut));
    QVERIFY2(verbose.stdOut.contains(QRegularExpression(u"← .*text.*abc"_s)), qPrintable(verbose.stdOut));
}

void tst_RunCommand::recordWritesASession()
{
    const QString path = script(u"record.js"_s,
        "run(function* () {\n"
        "    ws.send('one');\n"
        "    yield ws.waitFor('one', 5000);\n"
        "    ws.sendBinary([1, 2, 3]);\n"
        "    const reply = yield ws.waitFor(m => m.binary, 5000);\n"
        "    expect(reply.bytes.length).toBe(3);\n"
        "    done();\n"
        "});\n");
    const QString file = m_dir.filePath(u"record.flsession"_s);
    const Run run = runCli({ u"run"_s, path, u"--url"_s, m_echo->url, u"--record"_s, file });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    // Text, binary and the closing handshake both ways: 6 frames, 4 messages.
    const Run info = runCli({ u"info"_s, file, u"--json"_s });
    QVERIFY2(info.exitCode == 0, qPrintable(describe(info)));
    QCOMPARE(info.stdErr, QString());
    const QJsonObject summary
        = QJsonDocument::fromJson(info.stdOut.toUtf8().split('\n').constFirst()).object();
    QCOMPARE(summary.value("connections"_L1).toInt(), 1);
    QCOMPARE(summary.value("frames"_L1).toInt(), 6);
    QCOMPARE(summary.value("messages"_L1).toInt(), 4);
    QCOMPARE(summary.value("framesOut"_L1).toInt(), 3);
    QCOMPARE(summary.value("framesIn"_L1).toInt(), 3);
    QCOMPARE(summary.value("messagesOut"_L1).toInt(), 2);
    QCOMPARE(summary.value("messagesIn"_L1).toInt(), 2);
    QCOMPARE(summary.value("bytes"_L1).toInt(), 3 + 3 + 3 + 3 + 2 + 2);

    // The recording also keeps the script's summary, as a note of the connection.
    QFile raw(file);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray content = raw.readAll();
    QVERIFY2(content.contains("script record.js: PASS: 1 passed, 0 failed"), content.constData());
}

void tst_RunCommand::sigintStopsAClientRun()
{
    const QString path = script(u"forever.js"_s,
        "ws.on('message', m => log('echo: ' + m.text));\n"
        "ws.send('started');\n");
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(QStringLiteral(FRAMELINE_CLI_PATH), { u"run"_s, path, u"--url"_s, m_echo->url });
    QStringList seen;
    QVERIFY(
        waitForOutLine(process, seen, [](const QString &line) { return line == "[log] echo: started"_L1; }));
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(15000));
    Run run = collect(process, timer);
    run.stdOut.prepend(seen.join(u'\n') + u'\n');
    QVERIFY2(run.exitCode == 130, qPrintable(describe(run)));
    QVERIFY2(
        run.summary().startsWith("STOPPED (SIGINT): 0 passed, 0 failed ("_L1), qPrintable(run.summary()));
}

void tst_RunCommand::serverScriptServesTwoClients()
{
    const QString path = script(u"server.js"_s,
        "let count = 0;\n"
        "server.on('connection', client => {\n"
        "    ++count;\n"
        "    expect(client.path).toMatch(/^\\/(one|two)$/);\n"
        "    client.send('hello #' + count + ' on ' + client.path);\n"
        "    client.on('message', message => {\n"
        "        if (message.text === 'stop') {\n"
        "            log('stopping, clients: ' + server.clients().length);\n"
        "            done();\n"
        "            return;\n"
        "        }\n"
        "        if (message.binary) {\n"
        "            client.sendBinary(message.bytes.slice().reverse());\n"
        "            return;\n"
        "        }\n"
        "        client.send(message.text.toUpperCase());\n"
        "        server.broadcast('all: ' + message.text);\n"
        "    });\n"
        "});\n"
        "log('ready');\n");
    BackgroundCli serve({ u"run"_s, path, u"--serve"_s, u"--port"_s, u"0"_s });
    QVERIFY(serve.url.startsWith("ws://127.0.0.1:"_L1));

    TestClient one(serve.url + u"one"_s);
    QVERIFY(one.waitOpen());
    QVERIFY(one.waitForMessages(1));
    TestClient two(serve.url + u"two"_s);
    QVERIFY(two.waitOpen());
    QVERIFY(two.waitForMessages(1));
    QCOMPARE(one.received, (QList<QByteArray> { "text hello #1 on /one" }));
    QCOMPARE(two.received, (QList<QByteArray> { "text hello #2 on /two" }));

    QVERIFY(one.connection()->sendText("abc"));
    QVERIFY(one.waitForMessages(3));
    QVERIFY(two.waitForMessages(2));
    QVERIFY(two.connection()->sendBinary(QByteArray::fromHex("0102ff")));
    QVERIFY(two.waitForMessages(3));
    QCOMPARE(one.received, (QList<QByteArray> { "text hello #1 on /one", "text ABC", "text all: abc" }));
    QCOMPARE(two.received, (QList<QByteArray> { "text hello #2 on /two", "text all: abc", "binary ff0201" }));

    // done() ends the run: the server closes both clients with 1001 and the command exits.
    QVERIFY(two.connection()->sendText("stop"));
    QVERIFY(one.waitClosed());
    QVERIFY(two.waitClosed());
    QCOMPARE(one.connection()->closeInfo().code, quint16(1001));
    QCOMPARE(two.connection()->closeInfo().code, quint16(1001));
    const Run run = serve.finish();
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(run.outLines().contains(u"[log] ready"_s));
    QVERIFY(run.outLines().contains(u"[log] stopping, clients: 2"_s));
    QVERIFY2(run.summary().startsWith("PASS: 2 passed, 0 failed ("_L1), qPrintable(run.summary()));
}

void tst_RunCommand::sigintEndsAServerRun()
{
    const QString path = script(u"quietserver.js"_s,
        "server.on('connection', client => {\n"
        "    client.on('message', message => client.send(message.text));\n"
        "});\n");
    BackgroundCli serve({ u"run"_s, path, u"--serve"_s, u"--port"_s, u"0"_s });
    TestClient client(serve.url);
    QVERIFY(client.waitOpen());
    QVERIFY(client.connection()->sendText("x"));
    QVERIFY(client.waitForMessages(1));

    // Ctrl+C is how a mock server ends: its clients get 1001 and the run passes.
    serve.signal(SIGINT);
    QVERIFY(client.waitClosed());
    QCOMPARE(client.connection()->closeInfo().code, quint16(1001));
    const Run run = serve.finish();
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.summary().startsWith("PASS (SIGINT): 0 passed, 0 failed ("_L1), qPrintable(run.summary()));
}

void tst_RunCommand::bundledExamplesAreAllListed()
{
    QStringList ids;
    for (const ScriptExample &example : scriptExamples()) {
        ids.append(example.id);
        QVERIFY(!example.title.isEmpty());
        QCOMPARE(example.server, example.id == "mock-server"_L1);
        // Each starts with a comment block that says what it does and how to run it.
        QFile file(example.resourcePath);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(example.resourcePath));
        const QByteArray source = file.readAll();
        QVERIFY(source.startsWith("// "));
        QVERIFY2(source.contains(QByteArray("frameline-cli run example:" + example.id.toUtf8())),
            qPrintable(example.id));
    }
    ids.sort();
    QCOMPARE(ids,
        (QStringList { u"echo-check"_s, u"load-generator"_s, u"mock-server"_s, u"ping-monitor"_s,
            u"subscribe-assert"_s }));

    const Run list = runCli({ u"run"_s, u"--list-examples"_s });
    QCOMPARE(list.exitCode, 0);
    for (const QString &id : std::as_const(ids))
        QVERIFY2(list.stdOut.contains(u"example:"_s + id), qPrintable(list.stdOut));
}

void tst_RunCommand::clientExamplesPassAgainstTheEchoServer_data()
{
    QTest::addColumn<QString>("id");
    for (const ScriptExample &example : scriptExamples()) {
        if (!example.server)
            QTest::newRow(qPrintable(example.id)) << example.id;
    }
}

void tst_RunCommand::clientExamplesPassAgainstTheEchoServer()
{
    QFETCH(QString, id);
    const Run run
        = runCli({ u"run"_s, u"example:"_s + id, u"--url"_s, m_echo->url, u"--timeout"_s, u"30"_s });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.summary().startsWith("PASS: "_L1), qPrintable(run.summary()));
    QVERIFY2(run.summary().contains(" passed, 0 failed ("_L1), qPrintable(run.summary()));
    QVERIFY2(!run.summary().startsWith("PASS: 0 passed"_L1), qPrintable(run.summary()));
    QVERIFY2(run.outLinesStartingWith(u"[fail]"_s).isEmpty(), qPrintable(describe(run)));
    QCOMPARE(run.stdErr, QString());
}

void tst_RunCommand::mockServerExampleAnswersByteForByte()
{
    BackgroundCli serve({ u"run"_s, u"example:mock-server"_s, u"--serve"_s, u"--port"_s, u"0"_s });

    TestClient chatA(serve.url + u"chat"_s);
    QVERIFY(chatA.waitOpen());
    QVERIFY(chatA.waitForMessages(1));
    TestClient chatB(serve.url + u"chat"_s);
    QVERIFY(chatB.waitOpen());
    QVERIFY(chatB.waitForMessages(1));
    TestClient echo(serve.url + u"echo"_s);
    QVERIFY(echo.waitOpen());
    QVERIFY(echo.waitForMessages(1));
    TestClient other(serve.url + u"nowhere"_s);
    QVERIFY(other.waitOpen());
    QVERIFY(other.waitForMessages(1));
    QList<QByteArray> expectedA { R"(text {"type":"welcome","path":"/chat","online":1})" };
    QList<QByteArray> expectedB { R"(text {"type":"welcome","path":"/chat","online":2})" };
    QList<QByteArray> expectedEcho { R"(text {"type":"welcome","path":"/echo","online":1})" };
    QList<QByteArray> expectedOther { R"(text {"type":"welcome","path":"/nowhere","online":1})" };
    QCOMPARE(chatA.received, expectedA);
    QCOMPARE(chatB.received, expectedB);
    QCOMPARE(echo.received, expectedEcho);
    QCOMPARE(other.received, expectedOther);

    // /chat: to everyone on /chat, unchanged, text and binary.
    QVERIFY(chatA.connection()->sendText("hi all \xc3\xa9"));
    expectedA << "text hi all \xc3\xa9";
    expectedB << "text hi all \xc3\xa9";
    QVERIFY(chatB.waitForMessages(expectedB.size()));
    QVERIFY(chatB.connection()->sendBinary(QByteArray::fromHex("00ff10")));
    expectedA << "binary 00ff10";
    expectedB << "binary 00ff10";
    QVERIFY(chatA.waitForMessages(expectedA.size()));
    QVERIFY(chatB.waitForMessages(expectedB.size()));

    // /echo: back to the sender only.
    QVERIFY(echo.connection()->sendText("echo me"));
    expectedEcho << "text echo me";
    QVERIFY(echo.waitForMessages(expectedEcho.size()));
    QVERIFY(echo.connection()->sendBinary(QByteArray::fromHex("0102")));
    expectedEcho << "binary 0102";
    QVERIFY(echo.waitForMessages(expectedEcho.size()));

    // {"type":"ping"} on any path gets {"type":"pong"}, to the sender only.
    QVERIFY(echo.connection()->sendText(R"({"type":"ping"})"));
    expectedEcho << R"(text {"type":"pong"})";
    QVERIFY(echo.waitForMessages(expectedEcho.size()));
    QVERIFY(chatB.connection()->sendText(R"({"type":"ping"})"));
    expectedB << R"(text {"type":"pong"})";
    QVERIFY(chatB.waitForMessages(expectedB.size()));

    // Another path: an error that names it.
    QVERIFY(other.connection()->sendText("x"));
    expectedOther << R"(text {"type":"error","error":"unknown path /nowhere: use /chat or /echo"})";
    QVERIFY(other.waitForMessages(expectedOther.size()));

    // An announcement goes to every client on every path, as it was sent.
    const QByteArray announce = R"({"type":"announce","text":"maintenance at 22:00"})";
    QVERIFY(other.connection()->sendText(announce));
    for (QList<QByteArray> *expected : { &expectedA, &expectedB, &expectedEcho, &expectedOther })
        expected->append("text " + announce);
    QVERIFY(chatA.waitForMessages(expectedA.size()));
    QVERIFY(chatB.waitForMessages(expectedB.size()));
    QVERIFY(echo.waitForMessages(expectedEcho.size()));
    QVERIFY(other.waitForMessages(expectedOther.size()));

    QCOMPARE(chatA.received, expectedA);
    QCOMPARE(chatB.received, expectedB);
    QCOMPARE(echo.received, expectedEcho);
    QCOMPARE(other.received, expectedOther);

    serve.signal(SIGINT);
    for (TestClient *client : { &chatA, &chatB, &echo, &other }) {
        QVERIFY(client->waitClosed());
        QCOMPARE(client->connection()->closeInfo().code, quint16(1001));
    }
    const Run run = serve.finish();
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.summary().startsWith("PASS (SIGINT): "_L1), qPrintable(run.summary()));
    QVERIFY2(run.outLinesStartingWith(u"[log] "_s).size() >= 1 + 4, qPrintable(run.stdOut));
}

void tst_RunCommand::help()
{
    const Run run = runCli({ u"run"_s, u"--help"_s });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.stdOut.startsWith("Usage: frameline-cli run [options] SCRIPT"_L1), qPrintable(run.stdOut));
    for (const char *mention :
        { "--url <URL>", "--serve", "--port <P>", "--tls", "--record <FILE>", "--timeout <S>",
            "--busy-limit <MS>", "--quiet", "--verbose", "--header", "--subprotocol", "--proxy", "--insecure",
            "--example <ID>", "example:echo-check", "example:mock-server", "Exit status", "130" })
        QVERIFY2(run.stdOut.contains(QLatin1String(mention)), mention);

    const Run all = runCli({ u"--help"_s });
    QVERIFY(all.stdOut.contains("  run       Run a JavaScript test scenario"_L1));
}

QTEST_GUILESS_MAIN(tst_RunCommand)
#include "tst_runcommand.moc"
