#include "app/script/scriptrunner.h"

#include "app/net/clock.h"
#include "app/net/connection.h"
#include "app/net/server.h"
#include "app/protocol/securerandom.h"
#include "app/script/scripthost.h"
#include "app/script/scriptlink.h"

#include <QtCore/QPointer>
#include <QtCore/QRegularExpression>
#include <QtCore/QSemaphore>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtQml/QJSEngine>

namespace Frameline {

class ScriptRunner::Private
{
public:
    explicit Private(ScriptRunner *runner)
        : q(runner)
    {
    }

    bool start(QObject *target, Connection *connection, Server *server, const Options &options, QString *error);
    void onFinished(const ScriptOutcome &outcome);
    void onWatchdog();
    void retire();

    ScriptRunner *q;
    QThread *thread = nullptr;  // the script thread of the current run
    ScriptHost *host = nullptr; // lives in `thread`
    ScriptLink *link = nullptr; // lives in the target's thread
    std::shared_ptr<ScriptWatch> watch;
    int busyLimitMs = 0;
    bool running = false;
    QTimer watchdog;
    QList<QPointer<QThread>> retiring; // threads of ended runs, still winding down
};

ScriptRunner::ScriptRunner(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    qRegisterMetaType<Frameline::ScriptLogEntry>();
    qRegisterMetaType<Frameline::ScriptOutcome>();
    qRegisterMetaType<Frameline::ScriptSend>();
    qRegisterMetaType<Frameline::ScriptTargetSnapshot>();
    qRegisterMetaType<Frameline::EventBatch>();
    connect(&d->watchdog, &QTimer::timeout, this, [this] { d->onWatchdog(); });
}

ScriptRunner::~ScriptRunner()
{
    d->watchdog.stop();
    if (d->running) {
        // Interrupt a busy script, then let the thread end: the host and its engine are deleted there.
        d->watch->stopRequested = true;
        d->watch->ending = true;
        d->watch->interrupt();
        QObject::disconnect(d->host, nullptr, this, nullptr);
        if (d->link)
            d->link->deleteLater();
        d->retiring.append(d->thread);
        d->thread->quit();
        d->running = false;
    }
    for (const QPointer<QThread> &thread : std::as_const(d->retiring)) {
        if (thread) {
            thread->wait();
            delete thread.data();
        }
    }
}

bool ScriptRunner::Private::start(QObject *target, Connection *connection, Server *server, const Options &options,
                                  QString *error)
{
    if (running) {
        if (error)
            *error = tr("A script is already running");
        return false;
    }
    if (!target) {
        if (error)
            *error = server || !connection ? tr("There is no connection to run the script on")
                                           : tr("There is no server to run the script on");
        return false;
    }
    const bool serverScript = server != nullptr;
    watch = std::make_shared<ScriptWatch>();
    busyLimitMs = options.busyLimitMs;
    thread = new QThread;
    thread->setObjectName(QStringLiteral("frameline-script"));
    host = new ScriptHost(options, serverScript, watch);
    host->moveToThread(thread);
    link = serverScript ? new ScriptLink(server) : new ScriptLink(connection);
    link->moveToThread(target->thread());

    QObject::connect(thread, &QThread::finished, host, &QObject::deleteLater);
    // uuid() and randomBytes() draw from OpenSSL in this thread.
    QObject::connect(thread, &QThread::finished, thread, [] { SecureRandom::releaseThreadState(); },
                     Qt::DirectConnection);
    QObject::connect(host, &ScriptHost::started, q, &ScriptRunner::started);
    QObject::connect(host, &ScriptHost::logged, q, &ScriptRunner::logged);
    QObject::connect(host, &ScriptHost::finished, q, [this](const ScriptOutcome &outcome) { onFinished(outcome); });
    QObject::connect(host, &ScriptHost::sendRequested, link, &ScriptLink::apply);
    QObject::connect(host, &ScriptHost::flushRequested, link, &ScriptLink::flush);
    QObject::connect(link, &ScriptLink::snapshot, host, &ScriptHost::onSnapshot);
    QObject::connect(link, &ScriptLink::eventsReady, host, &ScriptHost::onEvents);
    QObject::connect(link, &ScriptLink::sendResult, host, &ScriptHost::onSendResult);
    QObject::connect(link, &ScriptLink::flushed, host, &ScriptHost::onFlushed);
    QObject::connect(link, &ScriptLink::targetGone, host, &ScriptHost::onTargetGone);

    thread->start();
    // setUp is queued before the link can report anything, so the engine exists when the snapshot arrives.
    QMetaObject::invokeMethod(host, &ScriptHost::setUp, Qt::QueuedConnection);
    QMetaObject::invokeMethod(link, &ScriptLink::attach, Qt::QueuedConnection);
    running = true;
    if (busyLimitMs > 0) {
        watchdog.setInterval(qBound(10, busyLimitMs / 4, 100));
        watchdog.start();
    }
    return true;
}

void ScriptRunner::Private::onWatchdog()
{
    if (!running || !watch || watch->ending || watch->stopRequested || watch->busyInterrupted)
        return;
    const qint64 progress = watch->progressNs;
    if (progress > 0 && Clock::nowNs() - progress > qint64(busyLimitMs) * 1000000) {
        watch->busyInterrupted = true;
        watch->interrupt();
    }
}

void ScriptRunner::Private::retire()
{
    watchdog.stop();
    if (link)
        link->deleteLater();
    link = nullptr;
    host = nullptr;
    if (thread) {
        thread->quit();
        retiring.append(thread);
        QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    }
    thread = nullptr;
    // Forget threads that are gone.
    retiring.removeIf([](const QPointer<QThread> &t) { return t.isNull(); });
    running = false;
}

void ScriptRunner::Private::onFinished(const ScriptOutcome &outcome)
{
    if (!running)
        return;
    retire();
    Q_EMIT q->finished(outcome);
}

bool ScriptRunner::startClient(Connection *connection, const Options &options, QString *error)
{
    return d->start(connection, connection, nullptr, options, error);
}

bool ScriptRunner::startServer(Server *server, const Options &options, QString *error)
{
    return d->start(server, nullptr, server, options, error);
}

void ScriptRunner::stop()
{
    if (!d->running)
        return;
    d->watch->stopRequested = true;
    // Interrupting first means a busy script lets go at once; the host then ends the run as Stopped.
    d->watch->interrupt();
    QMetaObject::invokeMethod(d->host, &ScriptHost::stopRun, Qt::QueuedConnection);
}

bool ScriptRunner::isRunning() const
{
    return d->running;
}

QString ScriptRunner::checkSyntax(const QString &source, int *line, int *column)
{
    if (line)
        *line = 0;
    if (column)
        *column = 0;
    QJSEngine engine;
    // new Function() compiles the text without running any of it.
    engine.globalObject().setProperty(QStringLiteral("__frameline_source"), source);
    const QJSValue compiled = engine.evaluate(QStringLiteral("new Function(__frameline_source)"));
    if (!compiled.isError())
        return {};

    // Where: the same text inside a function that is never called keeps its line numbers. A text that
    // closes that function early could run code at the top level, so a guard interrupts it.
    QSemaphore finished;
    QThread *guard = QThread::create([&engine, &finished] {
        if (!finished.tryAcquire(1, 200))
            engine.setInterrupted(true);
    });
    guard->start();
    const QJSValue located = engine.evaluate(QStringLiteral("(function () {") + source + QStringLiteral("\n})"),
                                             QStringLiteral("script.js"), 1);
    finished.release();
    guard->wait();
    delete guard;

    QString message = compiled.toString();
    if (located.isError() && located.errorType() == QJSValue::SyntaxError) {
        message = located.toString();
        const int at = located.property(QStringLiteral("lineNumber")).toInt();
        if (line)
            *line = at;
        const QString sourceLine = source.section(QLatin1Char('\n'), at - 1, at - 1);
        if (sourceLine.contains(QRegularExpression(QStringLiteral("\\bimport\\b"))))
            message = tr("%1 is not available in Frameline scripts: scripts can reach only the ws API "
                         "(see docs/scripting.md)")
                          .arg(QStringLiteral("import"));
    }
    return message;
}

QList<ScriptApiEntry> scriptApi()
{
    const auto entry = [](const char *name, const char *signature, const char *summary) {
        return ScriptApiEntry { QString::fromLatin1(name), QString::fromLatin1(signature),
                                QCoreApplication::translate("ScriptRunner", summary) };
    };
    return {
        entry("ws.send", "ws.send(textOrObject)", QT_TRANSLATE_NOOP("ScriptRunner", "Sends a message: text as is, objects as JSON, bytes as binary")),
        entry("ws.sendBinary", "ws.sendBinary(bytes)", QT_TRANSLATE_NOOP("ScriptRunner", "Sends a binary message (Uint8Array, ArrayBuffer or array of numbers)")),
        entry("ws.ping", "ws.ping(payload)", QT_TRANSLATE_NOOP("ScriptRunner", "Sends a Ping frame with an optional payload")),
        entry("ws.pong", "ws.pong(payload)", QT_TRANSLATE_NOOP("ScriptRunner", "Sends an unsolicited Pong frame")),
        entry("ws.close", "ws.close(code, reason)", QT_TRANSLATE_NOOP("ScriptRunner", "Starts the closing handshake (default code 1000)")),
        entry("ws.sendFragmented", "ws.sendFragmented(data, count)", QT_TRANSLATE_NOOP("ScriptRunner", "Sends one message split into count frames")),
        entry("ws.sendFrame", "ws.sendFrame({fin, rsv1, rsv2, rsv3, opcode, mask, payload, lengthForm, declaredLength})",
              QT_TRANSLATE_NOOP("ScriptRunner", "Sends one hand-crafted frame, valid or not")),
        entry("ws.on", "ws.on(event, handler)", QT_TRANSLATE_NOOP("ScriptRunner", "Calls handler on 'open', 'message', 'frame', 'ping', 'pong', 'close' or 'error'")),
        entry("ws.off", "ws.off(event, handler)", QT_TRANSLATE_NOOP("ScriptRunner", "Removes a handler added with ws.on")),
        entry("ws.waitFor", "ws.waitFor(matcher, timeoutMs)", QT_TRANSLATE_NOOP("ScriptRunner", "Promise of the next message matching a string, RegExp or function")),
        entry("ws.url", "ws.url", QT_TRANSLATE_NOOP("ScriptRunner", "The URL of the connection")),
        entry("ws.state", "ws.state", QT_TRANSLATE_NOOP("ScriptRunner", "The connection state: 'open', 'closing', 'closed', ...")),
        entry("ws.protocol", "ws.protocol", QT_TRANSLATE_NOOP("ScriptRunner", "The negotiated subprotocol (empty for none)")),
        entry("server.on", "server.on(event, handler)", QT_TRANSLATE_NOOP("ScriptRunner", "Server scripts: 'connection' (client) and 'close' (client) handlers")),
        entry("server.clients", "server.clients()", QT_TRANSLATE_NOOP("ScriptRunner", "Server scripts: the clients that are open")),
        entry("server.broadcast", "server.broadcast(data)", QT_TRANSLATE_NOOP("ScriptRunner", "Server scripts: sends to every open client")),
        entry("server.url", "server.url", QT_TRANSLATE_NOOP("ScriptRunner", "Server scripts: the URL clients connect to")),
        entry("run", "run(function* () { ... })", QT_TRANSLATE_NOOP("ScriptRunner", "Runs a generator scenario: each yield waits for a promise")),
        entry("sleep", "sleep(ms)", QT_TRANSLATE_NOOP("ScriptRunner", "Promise resolved after ms milliseconds")),
        entry("setTimeout", "setTimeout(fn, ms, ...args)", QT_TRANSLATE_NOOP("ScriptRunner", "Calls fn once after ms milliseconds")),
        entry("clearTimeout", "clearTimeout(id)", QT_TRANSLATE_NOOP("ScriptRunner", "Cancels a setTimeout")),
        entry("setInterval", "setInterval(fn, ms, ...args)", QT_TRANSLATE_NOOP("ScriptRunner", "Calls fn every ms milliseconds")),
        entry("clearInterval", "clearInterval(id)", QT_TRANSLATE_NOOP("ScriptRunner", "Cancels a setInterval")),
        entry("log", "log(...values)", QT_TRANSLATE_NOOP("ScriptRunner", "Writes to the script console (objects as JSON)")),
        entry("console.log", "console.log(...values)", QT_TRANSLATE_NOOP("ScriptRunner", "Writes to the script console")),
        entry("console.warn", "console.warn(...values)", QT_TRANSLATE_NOOP("ScriptRunner", "Writes a warning to the script console")),
        entry("console.error", "console.error(...values)", QT_TRANSLATE_NOOP("ScriptRunner", "Writes an error line to the script console")),
        entry("assert", "assert(condition, message)", QT_TRANSLATE_NOOP("ScriptRunner", "Records a check; a false condition fails the run")),
        entry("expect", "expect(actual)", QT_TRANSLATE_NOOP("ScriptRunner", "Starts a check: .toBe, .toEqual, .toContain, .toMatch, ... and .not")),
        entry("done", "done()", QT_TRANSLATE_NOOP("ScriptRunner", "Ends the run")),
        entry("base64.encode", "base64.encode(bytesOrText)", QT_TRANSLATE_NOOP("ScriptRunner", "Base64 text of bytes (text is encoded as UTF-8)")),
        entry("base64.decode", "base64.decode(text)", QT_TRANSLATE_NOOP("ScriptRunner", "Bytes (Uint8Array) of Base64 text")),
        entry("hex.encode", "hex.encode(bytesOrText)", QT_TRANSLATE_NOOP("ScriptRunner", "Hex digits of bytes")),
        entry("hex.decode", "hex.decode(text)", QT_TRANSLATE_NOOP("ScriptRunner", "Bytes (Uint8Array) of hex digits")),
        entry("utf8.encode", "utf8.encode(text)", QT_TRANSLATE_NOOP("ScriptRunner", "UTF-8 bytes (Uint8Array) of text")),
        entry("utf8.decode", "utf8.decode(bytes)", QT_TRANSLATE_NOOP("ScriptRunner", "Text of UTF-8 bytes")),
        entry("uuid", "uuid()", QT_TRANSLATE_NOOP("ScriptRunner", "A random UUID (version 4)")),
        entry("randomBytes", "randomBytes(count)", QT_TRANSLATE_NOOP("ScriptRunner", "A Uint8Array of `count` cryptographically random bytes")),
        entry("randomInt", "randomInt(min, max)", QT_TRANSLATE_NOOP("ScriptRunner", "A random whole number from min to max, both included")),
        entry("JSON.parse", "JSON.parse(text)", QT_TRANSLATE_NOOP("ScriptRunner", "Parses JSON text")),
        entry("JSON.stringify", "JSON.stringify(value, null, 2)", QT_TRANSLATE_NOOP("ScriptRunner", "JSON text of a value")),
    };
}

QList<ScriptExample> scriptExamples()
{
    const auto example = [](const char *id, const char *title, bool server) {
        const QString name = QString::fromLatin1(id);
        return ScriptExample { name, QCoreApplication::translate("ScriptRunner", title), server,
                               QStringLiteral(":/scripts/") + name + QStringLiteral(".js") };
    };
    return {
        example("echo-check", QT_TRANSLATE_NOOP("ScriptRunner", "Echo check"), false),
        example("subscribe-assert", QT_TRANSLATE_NOOP("ScriptRunner", "Subscribe and assert"), false),
        example("load-generator", QT_TRANSLATE_NOOP("ScriptRunner", "Load generator"), false),
        example("mock-server", QT_TRANSLATE_NOOP("ScriptRunner", "Mock server"), true),
        example("ping-monitor", QT_TRANSLATE_NOOP("ScriptRunner", "Ping monitor"), false),
    };
}

} // namespace Frameline
