// ScriptRunner against real connections on loopback: the bytes every API call puts on the wire (read back
// by a hand-written peer), events and handlers, timers and waitFor ordering, generator scenarios,
// assertions, how runs end (done, close, timeout, stop, busy loop, errors), isolation, server scripts,
// and a connection that disappears mid-run.

#include "app/net/clientconnection.h"
#include "app/net/networkthread.h"
#include "app/net/server.h"
#include "app/script/scriptrunner.h"
#include "tests/common/eventcollector.h"
#include "tests/common/rawserverpeer.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QTimer>
#include <QtTest/QTest>

#include <atomic>
#include <optional>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::EventCollector;
using Frameline::Test::FrameCopy;
using Frameline::Test::RawServerPeer;

namespace {

constexpr int runTimeoutMs = 15000; // QTRY limit for a run to finish (generous for ASan)

// One script run: the runner, what it logged, how it ended.
struct Run
{
    ScriptRunner runner;
    QList<ScriptLogEntry> log;
    std::optional<ScriptOutcome> outcome;
    bool started = false;

    Run()
    {
        QObject::connect(&runner, &ScriptRunner::logged, &runner, [this](const ScriptLogEntry &e) { log.append(e); });
        QObject::connect(&runner, &ScriptRunner::finished, &runner, [this](const ScriptOutcome &o) { outcome = o; });
        QObject::connect(&runner, &ScriptRunner::started, &runner, [this] { started = true; });
    }
    QStringList texts(ScriptLogEntry::Kind kind) const
    {
        QStringList result;
        for (const ScriptLogEntry &entry : log) {
            if (entry.kind == kind)
                result.append(entry.text);
        }
        return result;
    }
    const ScriptLogEntry *first(ScriptLogEntry::Kind kind) const
    {
        for (const ScriptLogEntry &entry : log) {
            if (entry.kind == kind)
                return &entry;
        }
        return nullptr;
    }
};

ScriptRunner::Options script(const QString &source, int timeoutMs = 10000)
{
    ScriptRunner::Options options;
    options.source = source;
    options.fileName = u"test.js"_s;
    options.timeoutMs = timeoutMs;
    return options;
}

// A client connected to a hand-written server that keeps every byte the client sends.
struct RawPair
{
    RawServerPeer peer;
    std::unique_ptr<ClientConnection> client;
    EventCollector events;

    bool open()
    {
        if (!peer.listen())
            return false;
        ClientConnection::Options options;
        options.url = QUrl(u"ws://127.0.0.1:%1/raw"_s.arg(peer.port()));
        client = std::make_unique<ClientConnection>(options);
        events.follow(client.get());
        client->open();
        return QTest::qWaitFor([this] { return client->state() == ConnectionState::Open; }, 5000);
    }
};

// A client connected to our own Server in echo mode.
struct EchoPair
{
    std::unique_ptr<Server> server;
    std::unique_ptr<ClientConnection> client;
    EventCollector serverEvents;
    EventCollector clientEvents;

    bool open(const QString &path = u"echo"_s)
    {
        Server::Options serverOptions;
        serverOptions.behaviour = Server::Behaviour::Echo;
        server = std::make_unique<Server>(serverOptions);
        QString error;
        if (!server->listen(&error))
            return false;
        serverEvents.follow(server.get());
        ClientConnection::Options options;
        options.url = QUrl(server->url() + path);
        client = std::make_unique<ClientConnection>(options);
        clientEvents.follow(client.get());
        client->open();
        return QTest::qWaitFor([this] { return client->state() == ConnectionState::Open; }, 5000);
    }
};

QByteArray hex(const char *digits)
{
    return QByteArray::fromHex(digits);
}

} // namespace

class tst_ScriptRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void everySendPutsExactBytesOnTheWire();
    void closeSendsCodeAndReasonAndEndsTheRun();
    void handlersSeeEveryEventInOrder();
    void waitForResolvesInOrderAndTimesOut();
    void timersFireInOrder();
    void generatorScenarioReadsTopToBottom();
    void assertionMessages();
    void doneEndsPassed();
    void timeoutEndsWithError();
    void stopEndsStopped();
    void busyLoopIsInterrupted_data();
    void busyLoopIsInterrupted();
    void syntaxErrorHasLine();
    void runtimeErrorHasLine();
    void handlerExceptionMakesTheRunAnError();
    void unhandledRejectionIsReported();
    void isolation_data();
    void isolation();
    void checkSyntax();
    void utilities();
    void serverScriptServesTwoClients();
    void connectionDeletedMidRun();
    void clientInNetworkThread();
    void startWaitsForOpen();
    void destroyedWhileRunning();
    void examplesAndApi();
};

void tst_ScriptRunner::init()
{
    qRegisterMetaType<Frameline::EventBatch>();
}

void tst_ScriptRunner::everySendPutsExactBytesOnTheWire()
{
    RawPair pair;
    QVERIFY(pair.open());
    Run run;
    const QString source = uR"JS(
ws.send('hello');
ws.send({a: 1, b: [true, null]});
ws.sendBinary(new Uint8Array([1, 2, 3]));
ws.sendBinary(new Uint8Array([9, 8, 7, 6]).buffer);
ws.sendBinary([0, 255]);
ws.sendBinary(new Uint8Array([5, 6, 7, 8]).subarray(1, 3));
ws.send(new Uint8Array([0xAB]));
ws.ping('hi');
ws.pong(new Uint8Array([1]));
ws.sendFragmented('abcdef', 3);
ws.sendFrame({opcode: 3, rsv2: true, fin: false, mask: false, payload: 'xy'});
ws.sendFrame({opcode: 2, mask: [1, 2, 3, 4], payload: [0, 0], lengthForm: 16});
ws.sendFrame({opcode: 1, mask: false, payload: 'ab', declaredLength: 5});
done();
)JS"_s;
    QVERIFY(run.runner.startClient(pair.client.get(), script(source)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Passed);
    QCOMPARE(run.outcome->error, QString());
    QCOMPARE(run.outcome->framesSent, quint64(15));

    // The last frame declares 5 bytes and carries 2: checked raw, then cut off before decoding the rest.
    QTRY_VERIFY_WITH_TIMEOUT(pair.peer.received.endsWith(QByteArray(hex("8105") + "ab")), 5000);
    pair.peer.received.chop(4);
    const QList<FrameCopy> frames = pair.peer.decodedFromClient().frames;
    QCOMPARE(frames.size(), 14);
    struct Expected { quint8 opcode; bool fin; QByteArray payload; };
    const QList<Expected> expected = {
        { 1, true, "hello" },
        { 1, true, R"({"a":1,"b":[true,null]})" },
        { 2, true, hex("010203") },
        { 2, true, hex("09080706") },
        { 2, true, hex("00ff") },
        { 2, true, hex("0607") },
        { 2, true, hex("ab") },
        { 9, true, "hi" },
        { 10, true, hex("01") },
        { 1, false, "ab" },
        { 0, false, "cd" },
        { 0, true, "ef" },
        { 3, false, "xy" },
        { 2, true, hex("0000") },
    };
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(frames[i].frame.opcode, expected[i].opcode);
        QCOMPARE(frames[i].frame.fin, expected[i].fin);
        QCOMPARE(frames[i].payload, expected[i].payload);
    }
    for (int i = 0; i < 12; ++i)
        QVERIFY2(frames[i].frame.masked, qPrintable(frames[i].describe()));
    // The crafted frames, header byte for byte.
    QCOMPARE(frames[12].frame.rawHeader().toByteArray(), hex("2302")); // FIN 0, RSV2, opcode 3, unmasked
    QCOMPARE(frames[13].frame.rawHeader().toByteArray(), hex("82fe000201020304")); // 16-bit length, key 01020304

    // The timeline marks them all as the script's.
    QTRY_COMPARE_WITH_TIMEOUT(pair.events.frames(Direction::Outgoing).size(), 14, 5000);
    for (const FrameEvent &event : pair.events.frames(Direction::Outgoing))
        QCOMPARE(event.origin, FrameOrigin::Script);
}

void tst_ScriptRunner::closeSendsCodeAndReasonAndEndsTheRun()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    const QString source = uR"JS(
// Our Server answers a Close with the same code and no reason.
ws.on('close', (c) => log(c.code + '|' + c.reason + '|' + c.initiator + '|' + c.wasClean + '|' + ws.state));
ws.close(4001, 'bye now');
)JS"_s;
    QVERIFY(run.runner.startClient(pair.client.get(), script(source)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Passed);
    QCOMPARE(run.texts(ScriptLogEntry::Kind::Log), QStringList { u"4001||local|true|closed"_s });
    const QList<FrameEvent> received = pair.serverEvents.frames(Direction::Incoming);
    QVERIFY(!received.isEmpty());
    QCOMPARE(received.last().frame.opcode, quint8(8));
    QCOMPARE(received.last().payload, hex("0fa1") + "bye now");
    QCOMPARE(run.outcome->framesSent, quint64(1));
    QCOMPARE(pair.client->state(), ConnectionState::Closed);
}

void tst_ScriptRunner::handlersSeeEveryEventInOrder()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    const QString source = uR"JS(
const seen = [];
const startedAt = Date.now();
// time: when the bytes were read from the socket, on Date.now()'s scale (the anchor is whole milliseconds).
const readDuringRun = (t) => typeof t === 'number' && t >= startedAt - 2 && t <= Date.now() + 2;
ws.on('open', () => seen.push('open'));
ws.on('frame', (f) => {
    seen.push('frame:' + f.opcode + ':' + f.text + ':' + f.fin + ':' + f.masked + ':' + f.direction);
    assert(readDuringRun(f.time), 'frame.time ' + f.time);
});
ws.on('message', (m) => {
    seen.push('message:' + m.text + ':' + m.binary + ':' + m.size + ':' + m.frames.length
              + ':' + (m.json ? m.json.n : '-'));
    assert(readDuringRun(m.time) && m.time >= m.frames[m.frames.length - 1].time, 'message.time ' + m.time);
});
ws.on('ping', (f) => seen.push('ping:' + f.text));
ws.on('pong', (f) => {
    seen.push('pong:' + f.text);
    log(seen.join('\n'));
    done();
});
ws.send('a');
ws.sendFragmented({n: 7}, 2);
ws.sendBinary([104, 105]);
ws.ping('p1');
)JS"_s;
    QVERIFY(run.runner.startClient(pair.client.get(), script(source)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Passed);
    QCOMPARE(run.outcome->assertionsPassed, 7); // the time of 4 frames and 3 messages
    const QStringList expected = {
        u"open"_s,
        u"frame:1:a:true:false:incoming"_s,
        u"message:a:false:1:1:-"_s,
        u"frame:1:{\"n\":7}:true:false:incoming"_s, // our Server echoes a message as one frame
        u"message:{\"n\":7}:false:7:1:7"_s,
        u"frame:2:hi:true:false:incoming"_s,
        u"message:hi:true:2:1:-"_s,
        u"frame:10:p1:true:false:incoming"_s,
        u"pong:p1"_s,
    };
    QCOMPARE(run.texts(ScriptLogEntry::Kind::Log).join(u'\n').split(u'\n'), expected);
}

void tst_ScriptRunner::waitForResolvesInOrderAndTimesOut()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    const QString source = uR"JS(
const order = [];
const second = ws.waitFor(/^c/);
const first = ws.waitFor('b');
const third = ws.waitFor((m) => m.json !== undefined && m.json.n === 3);
first.then((m) => order.push('b=' + m.text));
second.then((m) => order.push('c=' + m.text));
third.then((m) => order.push('n=' + m.text));
ws.send('a'); ws.send('b'); ws.send('c1'); ws.send('c2'); ws.send({n: 3});
Promise.all([first, second, third]).then(() => {
    log(order.join(','));
    const started = Date.now();
    return ws.waitFor('never', 150).then(() => log('unexpected'), (e) => {
        log(e.message);
        expect(Date.now() - started).toBeGreaterThan(140);
        done();
    });
});
)JS"_s;
    QVERIFY(run.runner.startClient(pair.client.get(), script(source)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Passed);
    QCOMPARE(run.outcome->assertionsPassed, 1);
    QCOMPARE(run.texts(ScriptLogEntry::Kind::Log),
             (QStringList { u"b=b,c=c1,n={\"n\":3}"_s, u"waitFor: no message matching \"never\" within 150 ms"_s }));
}

void tst_ScriptRunner::timersFireInOrder()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    const QString source = uR"JS(
const order = [];
const cancelled = setTimeout(() => order.push('cancelled'), 10);
clearTimeout(cancelled);
setTimeout((x) => order.push(x), 20, 'a');
let ticks = 0;
const interval = setInterval(() => { if (++ticks === 2) { clearInterval(interval); order.push('i2'); } }, 40);
sleep(120).then(() => order.push('s'));
setTimeout(() => { order.push('b'); log(order.join(',')); done(); }, 200);
)JS"_s;
    QVERIFY(run.runner.startClient(pair.client.get(), script(source)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Passed);
    QCOMPARE(run.texts(ScriptLogEntry::Kind::Log), QStringList { u"a,i2,s,b"_s });
    QVERIFY(run.outcome->durationMs >= 190);
}

void tst_ScriptRunner::generatorScenarioReadsTopToBottom()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    const QString source = uR"JS(run(function* () {
    ws.send('one');
    const m = yield ws.waitFor('one');
    expect(m.text).toBe('one');
    yield sleep(20);
    ws.send({x: [1, 2]});
    const j = yield ws.waitFor((msg) => msg.json !== undefined);
    expect(j.json).toEqual({x: [1, 2]});
    try {
        yield ws.waitFor('nothing', 50);
    } catch (e) {
        log('caught: ' + e.message);
    }
    expect(1).toBe(2);
    expect([1, 2]).not.toContain(3);
    const value = yield 5;
    log('plain value: ' + value);
    done();
});
)JS"_s;
    QVERIFY(run.runner.startClient(pair.client.get(), script(source)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Failed);
    QCOMPARE(run.outcome->assertionsPassed, 3);
    QCOMPARE(run.outcome->assertionsFailed, 1);
    QCOMPARE(run.outcome->failures, QStringList { u"line 14: expected 1 to be 2"_s });
    QCOMPARE(run.texts(ScriptLogEntry::Kind::Log),
             (QStringList { u"caught: waitFor: no message matching \"nothing\" within 50 ms"_s, u"plain value: 5"_s }));
    const ScriptLogEntry *failure = run.first(ScriptLogEntry::Kind::AssertFail);
    QVERIFY(failure);
    QCOMPARE(failure->line, 14);
    QCOMPARE(failure->fileName, u"test.js"_s);
}

void tst_ScriptRunner::assertionMessages()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    const QString source = uR"JS(expect(3).toBe(4);
expect({a: 1}).toEqual({a: 2});
expect('abc').toContain('x');
expect('abc').toMatch(/z/);
expect(0).toBeTruthy();
expect('x').toBeFalsy();
expect(1).not.toBe(1);
expect({a: {b: 1}}).toHaveProperty('a.c');
expect({a: {b: 1}}).toHaveProperty('a.b', 2);
expect(2).toBeGreaterThan(5);
expect(7).toBeLessThan(5);
expect(new Uint8Array([1, 2])).toEqual(new Uint8Array([1, 3]));
assert(false, 'custom message');
assert(0);
expect({a: [1, {b: 2}], c: undefined}).toEqual({a: [1, {b: 2}]});
expect(new Uint8Array([1, 2])).toEqual(new Uint8Array([1, 2]));
expect({a: {b: 1}}).toHaveProperty('a.b', 1);
expect([{id: 1}]).toContain({id: 1});
expect('hello').toMatch('ell');
expect(null).not.toBeTruthy();
assert(true);
done();
)JS"_s;
    QVERIFY(run.runner.startClient(pair.client.get(), script(source)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Failed);
    QCOMPARE(run.outcome->assertionsPassed, 7);
    QCOMPARE(run.outcome->assertionsFailed, 14);
    const QStringList expected = {
        u"line 1: expected 3 to be 4"_s,
        u"line 2: expected {\"a\":1} to equal {\"a\":2}"_s,
        u"line 3: expected \"abc\" to contain \"x\""_s,
        u"line 4: expected \"abc\" to match /z/"_s,
        u"line 5: expected 0 to be truthy"_s,
        u"line 6: expected \"x\" to be falsy"_s,
        u"line 7: expected 1 not to be 1"_s,
        u"line 8: expected {\"a\":{\"b\":1}} to have property \"a.c\""_s,
        u"line 9: expected {\"a\":{\"b\":1}} to have property \"a.b\" equal to 2"_s,
        u"line 10: expected 2 to be greater than 5"_s,
        u"line 11: expected 7 to be less than 5"_s,
        u"line 12: expected Uint8Array [1, 2] to equal Uint8Array [1, 3]"_s,
        u"line 13: custom message"_s,
        u"line 14: assertion failed"_s,
    };
    QCOMPARE(run.outcome->failures, expected);
    QCOMPARE(run.texts(ScriptLogEntry::Kind::AssertPass).size(), 7);
}

void tst_ScriptRunner::doneEndsPassed()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    QVERIFY(run.runner.startClient(pair.client.get(), script(u"log('x', {a: 1}, [1, 2]); console.warn('w'); done(); log('after done');"_s)));
    QVERIFY(run.runner.isRunning());
    QString error;
    QVERIFY(!run.runner.startClient(pair.client.get(), script(u"done()"_s), &error));
    QCOMPARE(error, u"A script is already running"_s);
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QVERIFY(run.started);
    QVERIFY(!run.runner.isRunning());
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Passed);
    // The rest of the function that called done() still runs.
    QCOMPARE(run.texts(ScriptLogEntry::Kind::Log),
             (QStringList { u"x {\n  \"a\": 1\n} [\n  1,\n  2\n]"_s, u"after done"_s }));
    QCOMPARE(run.texts(ScriptLogEntry::Kind::Warning), QStringList { u"w"_s });
    QCOMPARE(pair.client->state(), ConnectionState::Open); // left as it was

    // The runner can run again.
    run.outcome.reset();
    QVERIFY(run.runner.startClient(pair.client.get(), script(u"ws.send('again'); ws.waitFor('again').then(done);"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Passed);
    QCOMPARE(run.outcome->framesSent, quint64(1));
}

void tst_ScriptRunner::timeoutEndsWithError()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(run.runner.startClient(pair.client.get(), script(u"ws.on('message', () => {});"_s, 300)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QVERIFY(clock.elapsed() >= 290);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Error);
    QCOMPARE(run.outcome->error, u"Timed out after 300 ms"_s);
}

void tst_ScriptRunner::stopEndsStopped()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    QVERIFY(run.runner.startClient(pair.client.get(), script(u"setInterval(() => ws.send('tick'), 20);"_s, 0)));
    QTRY_VERIFY_WITH_TIMEOUT(pair.serverEvents.messages(Direction::Incoming).size() >= 2, 5000);
    run.runner.stop();
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Stopped);
    QCOMPARE(run.outcome->error, QString());
    QVERIFY(run.outcome->framesSent >= 2);
    // Everything it sent arrived, and nothing more is sent once it stopped.
    QTRY_COMPARE_WITH_TIMEOUT(quint64(pair.serverEvents.messages(Direction::Incoming).size()), run.outcome->framesSent, 5000);
    QTest::qWait(100);
    QCOMPARE(quint64(pair.serverEvents.messages(Direction::Incoming).size()), run.outcome->framesSent);
}

void tst_ScriptRunner::busyLoopIsInterrupted_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("top level") << u"log('before');\nwhile (true) {}"_s;
    QTest::newRow("timer") << u"setTimeout(() => { for (;;) {} }, 10);"_s;
    QTest::newRow("promise job") << u"sleep(10).then(() => { let i = 0; while (i >= 0) { ++i; } });"_s;
    QTest::newRow("message handler") << u"ws.on('message', () => { while (true) {} }); ws.send('go');"_s;
}

void tst_ScriptRunner::busyLoopIsInterrupted()
{
    QFETCH(QString, source);
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    // The caller's thread stays responsive: a timer here keeps firing while the script spins.
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(20);
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start();
    ScriptRunner::Options options = script(source, 0);
    options.busyLimitMs = 300;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(run.runner.startClient(pair.client.get(), options));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Error);
    QCOMPARE(run.outcome->error, u"The script ran for more than 300 ms without yielding (an endless loop?)"_s);
    QVERIFY2(elapsed >= 300 && elapsed < 300 + 2500, qPrintable(QString::number(elapsed)));
    QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
}

void tst_ScriptRunner::syntaxErrorHasLine()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    QVERIFY(run.runner.startClient(pair.client.get(), script(u"log('never runs');\n\nconst x = (1 + ;\n"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Error);
    QCOMPARE(run.outcome->errorLine, 3);
    QVERIFY2(run.outcome->error.startsWith(u"line 3: SyntaxError"_s), qPrintable(run.outcome->error));
    QCOMPARE(run.texts(ScriptLogEntry::Kind::Log), QStringList());
}

void tst_ScriptRunner::runtimeErrorHasLine()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    QVERIFY(run.runner.startClient(pair.client.get(),
                                   script(u"function f(o) {\n  return o.missing.deeper;\n}\nlog('a');\nf({});\n"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Error);
    QCOMPARE(run.outcome->errorLine, 2);
    QCOMPARE(run.outcome->error, u"line 2: TypeError: Cannot read property 'deeper' of undefined"_s);
    QCOMPARE(run.texts(ScriptLogEntry::Kind::Log), QStringList { u"a"_s });
}

void tst_ScriptRunner::handlerExceptionMakesTheRunAnError()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    const QString source = uR"JS(ws.on('message', (m) => {
    if (m.text === 'boom')
        throw new Error('handler failed');
    log('got ' + m.text);
    if (m.text === 'last')
        done();
});
ws.send('boom');
ws.send('last');
)JS"_s;
    QVERIFY(run.runner.startClient(pair.client.get(), script(source)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Error);
    QCOMPARE(run.outcome->error, u"line 3: Error: handler failed (in 'message')"_s);
    QCOMPARE(run.outcome->errorLine, 3);
    QCOMPARE(run.texts(ScriptLogEntry::Kind::Log), QStringList { u"got last"_s }); // the run went on
}

void tst_ScriptRunner::unhandledRejectionIsReported()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    const QString source = uR"JS(ws.waitFor('x', 30).then((m) => log(m.text));
ws.waitFor('y', 30).catch((e) => log('handled: ' + e.message));
sleep(10).then(() => {
    throw new TypeError('in a then');
});
setTimeout(done, 200);
)JS"_s;
    QVERIFY(run.runner.startClient(pair.client.get(), script(source)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Error);
    QCOMPARE(run.texts(ScriptLogEntry::Kind::Error),
             (QStringList { u"Unhandled promise rejection: TypeError: in a then"_s,
                            u"Unhandled promise rejection: Error: waitFor: no message matching \"x\" within 30 ms"_s }));
    QCOMPARE(run.outcome->errorLine, 4);
    QCOMPARE(run.texts(ScriptLogEntry::Kind::Log),
             QStringList { u"handled: waitFor: no message matching \"y\" within 30 ms"_s });
}

void tst_ScriptRunner::isolation_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("line");
    const auto blocked = [](const QString &name) {
        return u"%1 is not available in Frameline scripts: scripts can reach only the ws API (see docs/scripting.md)"_s.arg(name);
    };
    QTest::newRow("require") << u"log('a');\nconst fs = require('fs');"_s << u"Error: "_s + blocked(u"require"_s) << 2;
    QTest::newRow("fetch") << u"fetch('http://example.com/');"_s << u"Error: "_s + blocked(u"fetch"_s) << 1;
    QTest::newRow("XMLHttpRequest") << u"\nnew XMLHttpRequest();"_s << u"Error: "_s + blocked(u"XMLHttpRequest"_s) << 2;
    QTest::newRow("Qt") << u"Qt.quit();"_s << u"Error: "_s + blocked(u"Qt"_s) << 1;
    QTest::newRow("import") << u"\n\nimport fs from 'fs';"_s << blocked(u"import"_s) << 3;
    QTest::newRow("dynamic import") << u"import('fs');"_s << blocked(u"import"_s) << 1;
}

void tst_ScriptRunner::isolation()
{
    QFETCH(QString, source);
    QFETCH(QString, error);
    QFETCH(int, line);
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    QVERIFY(run.runner.startClient(pair.client.get(), script(source)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Error);
    QCOMPARE(run.outcome->error, u"line %1: "_s.arg(line) + error);
    QCOMPARE(run.outcome->errorLine, line);
}

void tst_ScriptRunner::checkSyntax()
{
    int line = -1;
    int column = -1;
    QCOMPARE(ScriptRunner::checkSyntax(u"ws.send('x');\nwhile (true) {}\n"_s, &line, &column), QString());
    QCOMPARE(line, 0);

    QString message = ScriptRunner::checkSyntax(u"log(1);\n\n  foo(;\n"_s, &line, &column);
    QVERIFY2(message.startsWith(u"SyntaxError"_s), qPrintable(message));
    QCOMPARE(line, 3);

    message = ScriptRunner::checkSyntax(u"const a = 1;\nimport x from 'y';"_s, &line);
    QCOMPARE(message, u"import is not available in Frameline scripts: scripts can reach only the ws API (see docs/scripting.md)"_s);
    QCOMPARE(line, 2);

    // A text that closes the checker's wrapper early still never runs away with the caller's thread.
    QElapsedTimer clock;
    clock.start();
    message = ScriptRunner::checkSyntax(u"}); while (true) {} (function () {"_s, &line);
    QVERIFY(!message.isEmpty());
    QVERIFY(clock.elapsed() < 3000);
}

void tst_ScriptRunner::utilities()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    const QString source = uR"JS(
expect(base64.encode('hello')).toBe('aGVsbG8=');
expect(base64.decode('aGVsbG8=')).toEqual(utf8.encode('hello'));
expect(hex.encode(new Uint8Array([0, 171, 255]))).toBe('00abff');
expect(hex.decode('00abff')).toEqual(new Uint8Array([0, 171, 255]));
expect(utf8.decode(utf8.encode('héllo ✓'))).toBe('héllo ✓');
expect(uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
expect(randomBytes(16).length).toBe(16);
let inRange = true;
for (let i = 0; i < 200; ++i) { const n = randomInt(3, 5); inRange = inRange && n >= 3 && n <= 5 && Number.isInteger(n); }
expect(inRange).toBeTruthy();
expect(JSON.parse('{"a":[1]}')).toEqual({a: [1]});
expect(ws.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/echo$/);
expect(ws.state).toBe('open');
expect(ws.protocol).toBe('');
let threw = '';
try { hex.decode('abc'); } catch (e) { threw = e.message; }
expect(threw).toContain('hex.decode');
try { ws.on('nope', () => {}); } catch (e) { threw = e.message; }
expect(threw).toBe("ws.on: unknown event 'nope' (expected one of: open, message, frame, ping, pong, close, error)");
// Nothing of the host leaks in: no Qt extensions, no process or module objects, not the native bridge.
expect([typeof gc, typeof process, typeof module, typeof native, typeof __frameline_source].join(','))
    .toBe('undefined,undefined,undefined,undefined,undefined');
done();
)JS"_s;
    QVERIFY(run.runner.startClient(pair.client.get(), script(source)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->failures, QStringList());
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Passed);
    QCOMPARE(run.outcome->assertionsPassed, 15);
}

void tst_ScriptRunner::serverScriptServesTwoClients()
{
    Server::Options serverOptions; // Manual: the script answers
    Server server(serverOptions);
    QString error;
    QVERIFY(server.listen(&error));
    EventCollector serverEvents;
    serverEvents.follow(&server);
    Run run;
    const QString source = uR"JS(
let closed = 0;
server.on('connection', (client) => {
    client.send('hello ' + client.path);
    client.on('message', (m) => {
        if (client.path === '/echo')
            client.send(m.text);
        else if (m.text === 'all')
            server.broadcast({to: 'all', from: client.path, clients: server.clients().length});
        else
            client.send({path: client.path, header: client.headers['x-test'], json: m.json});
    });
});
server.on('close', (client) => {
    log('closed ' + client.path);
    if (++closed === 2)
        done();
});
)JS"_s;
    QVERIFY(run.runner.startServer(&server, script(source)));

    const auto connect = [&server](const QString &path) {
        ClientConnection::Options options;
        options.url = QUrl(server.url() + path);
        options.headers.append(HttpMessage::Field { "X-Test", "yes" });
        auto client = std::make_unique<ClientConnection>(options);
        client->open();
        return client;
    };
    auto echo = connect(u"echo"_s);
    auto api = connect(u"api?x=1"_s);
    EventCollector echoEvents;
    echoEvents.follow(echo.get());
    EventCollector apiEvents;
    apiEvents.follow(api.get());
    QTRY_COMPARE_WITH_TIMEOUT(echo->state(), ConnectionState::Open, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(api->state(), ConnectionState::Open, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(echoEvents.messages(Direction::Incoming).size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(apiEvents.messages(Direction::Incoming).size(), 1, 5000);
    QCOMPARE(echoEvents.messages(Direction::Incoming)[0].message.payload, "hello /echo");
    QCOMPARE(apiEvents.messages(Direction::Incoming)[0].message.payload, "hello /api?x=1");

    echo->sendText("ping me");
    api->sendText(R"({"q":1})");
    QTRY_COMPARE_WITH_TIMEOUT(echoEvents.messages(Direction::Incoming).size(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(apiEvents.messages(Direction::Incoming).size(), 2, 5000);
    QCOMPARE(echoEvents.messages(Direction::Incoming)[1].message.payload, "ping me");
    QCOMPARE(apiEvents.messages(Direction::Incoming)[1].message.payload, R"({"path":"/api?x=1","header":"yes","json":{"q":1}})");

    api->sendText("all");
    QTRY_COMPARE_WITH_TIMEOUT(echoEvents.messages(Direction::Incoming).size(), 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(apiEvents.messages(Direction::Incoming).size(), 3, 5000);
    const QByteArray broadcast = R"({"to":"all","from":"/api?x=1","clients":2})";
    QCOMPARE(echoEvents.messages(Direction::Incoming)[2].message.payload, broadcast);
    QCOMPARE(apiEvents.messages(Direction::Incoming)[2].message.payload, broadcast);

    for (const FrameEvent &frame : serverEvents.frames(Direction::Outgoing)) {
        QCOMPARE(frame.origin, FrameOrigin::Script);
        QVERIFY(!frame.frame.masked);
    }

    echo->close(1000);
    api->close(1000);
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Passed);
    QCOMPARE(run.outcome->framesSent, quint64(6));
    QStringList closes = run.texts(ScriptLogEntry::Kind::Log);
    closes.sort();
    QCOMPARE(closes, (QStringList { u"closed /api?x=1"_s, u"closed /echo"_s }));
}

void tst_ScriptRunner::connectionDeletedMidRun()
{
    EchoPair pair;
    QVERIFY(pair.open());
    Run run;
    QVERIFY(run.runner.startClient(pair.client.get(), script(u"setInterval(() => ws.send('x'), 10);"_s, 0)));
    QTRY_VERIFY_WITH_TIMEOUT(pair.serverEvents.messages(Direction::Incoming).size() >= 2, 5000);
    pair.client.reset();
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Error);
    QCOMPARE(run.outcome->error, u"The connection was deleted while the script was running"_s);
}

void tst_ScriptRunner::clientInNetworkThread()
{
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    Server server(serverOptions);
    QString error;
    QVERIFY(server.listen(&error));
    NetworkThread network;
    ClientConnection::Options options;
    options.url = QUrl(server.url() + u"thread"_s);
    auto *client = new ClientConnection(options);
    std::atomic<bool> opened = false;
    connect(client, &Connection::opened, client, [&opened] { opened = true; }, Qt::DirectConnection);
    network.adopt(client);
    NetworkThread::post(client, [client] { client->open(); });
    QTRY_VERIFY_WITH_TIMEOUT(opened.load(), 5000);

    Run run;
    const QString source = uR"JS(run(function* () {
    ws.send('across threads');
    const m = yield ws.waitFor('across threads');
    expect(m.text).toBe('across threads');
    ws.close(1000, 'done');
});
)JS"_s;
    QVERIFY(run.runner.startClient(client, script(source)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->failures, QStringList());
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Passed);
    QCOMPARE(run.outcome->assertionsPassed, 1);
    QCOMPARE(run.outcome->framesSent, quint64(2));
    network.release(client);
}

void tst_ScriptRunner::startWaitsForOpen()
{
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    Server server(serverOptions);
    QString error;
    QVERIFY(server.listen(&error));
    ClientConnection::Options options;
    options.url = QUrl(server.url());
    ClientConnection client(options);
    Run run;
    QVERIFY(run.runner.startClient(&client, script(u"ws.send('first'); ws.waitFor('first').then(() => done());"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(run.texts(ScriptLogEntry::Kind::Info).contains(u"Waiting for the connection to open"_s), 5000);
    QVERIFY(!run.started);
    client.open();
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), runTimeoutMs);
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Passed);

    // A connection that fails to open ends the run with an error.
    ClientConnection::Options refusedOptions;
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    refusedOptions.url = QUrl(u"ws://127.0.0.1:%1/"_s.arg(probe.serverPort()));
    probe.close();
    ClientConnection refused(refusedOptions);
    Run failing;
    QVERIFY(failing.runner.startClient(&refused, script(u"log('never');"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(failing.texts(ScriptLogEntry::Kind::Info).contains(u"Waiting for the connection to open"_s), 5000);
    refused.open();
    QTRY_VERIFY_WITH_TIMEOUT(failing.outcome.has_value(), runTimeoutMs);
    QCOMPARE(failing.outcome->result, ScriptOutcome::Result::Error);
    QVERIFY2(failing.outcome->error.startsWith(u"The connection ended before it opened"_s),
             qPrintable(failing.outcome->error));

    // No target at all.
    Run none;
    QVERIFY(!none.runner.startClient(nullptr, script(u"done()"_s), &error));
    QVERIFY(!error.isEmpty());
}

void tst_ScriptRunner::destroyedWhileRunning()
{
    EchoPair pair;
    QVERIFY(pair.open());
    // Busy: the destructor interrupts the script and waits for its thread, without a finished().
    QElapsedTimer clock;
    clock.start();
    {
        Run run;
        ScriptRunner::Options options = script(u"while (true) {}"_s, 0);
        options.busyLimitMs = 60000;
        QVERIFY(run.runner.startClient(pair.client.get(), options));
        QTest::qWait(100);
        QVERIFY(run.runner.isRunning());
    }
    QVERIFY(clock.elapsed() < 5000);
    // Idle, with timers and a pending waitFor.
    {
        Run run;
        QVERIFY(run.runner.startClient(pair.client.get(), script(u"setInterval(() => ws.send('x'), 5); ws.waitFor('never');"_s, 0)));
        QTRY_VERIFY_WITH_TIMEOUT(run.started, 5000);
    }
    QCOMPARE(pair.client->state(), ConnectionState::Open);
}

void tst_ScriptRunner::examplesAndApi()
{
    const QList<ScriptExample> examples = scriptExamples();
    QStringList ids;
    for (const ScriptExample &example : examples) {
        ids.append(example.id);
        QCOMPARE(example.resourcePath, u":/scripts/"_s + example.id + u".js"_s);
        QCOMPARE(example.server, example.id == u"mock-server"_s);
        QVERIFY(!example.title.isEmpty());
    }
    QCOMPARE(ids, (QStringList { u"echo-check"_s, u"subscribe-assert"_s, u"load-generator"_s, u"mock-server"_s,
                                 u"ping-monitor"_s }));
    QCOMPARE(examples[1].title, u"Subscribe and assert"_s);
    for (const ScriptExample &example : examples) {
        QFile file(example.resourcePath);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(example.resourcePath));
        int line = 0;
        QCOMPARE(ScriptRunner::checkSyntax(QString::fromUtf8(file.readAll()), &line), QString());
    }

    // The echo check runs green against our echo server.
    EchoPair pair;
    QVERIFY(pair.open());
    QFile echoCheck(u":/scripts/echo-check.js"_s);
    QVERIFY(echoCheck.open(QIODevice::ReadOnly));
    Run run;
    QVERIFY(run.runner.startClient(pair.client.get(), script(QString::fromUtf8(echoCheck.readAll()), 20000)));
    QTRY_VERIFY_WITH_TIMEOUT(run.outcome.has_value(), 25000);
    QCOMPARE(run.outcome->failures, QStringList());
    QCOMPARE(run.outcome->error, QString());
    QCOMPARE(run.outcome->result, ScriptOutcome::Result::Passed);
    QVERIFY(run.outcome->assertionsPassed > 0);

    QSet<QString> names;
    for (const ScriptApiEntry &entry : scriptApi()) {
        QVERIFY2(!names.contains(entry.name), qPrintable(entry.name));
        names.insert(entry.name);
        QVERIFY(entry.signature.startsWith(entry.name));
        QVERIFY(!entry.summary.isEmpty());
    }
    for (const char *name : { "ws.send", "ws.waitFor", "ws.sendFrame", "sleep", "expect", "done", "run", "server.broadcast" })
        QVERIFY2(names.contains(QString::fromLatin1(name)), name);
}

QTEST_GUILESS_MAIN(tst_ScriptRunner)
#include "tst_scriptrunner.moc"
