#pragma once

#include "app/net/connectionevent.h"

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QString>

#include <memory>

namespace Frameline {

class Connection;
class Server;

// What a script said or what happened to it, in the order it happened: one line of the script console.
struct ScriptLogEntry
{
    enum class Kind : quint8 {
        Log,        // log(...) / console.log
        Warning,    // console.warn, and the runner's own warnings (e.g. a send on a closed connection)
        Error,      // console.error, an uncaught exception, a rejected promise nobody handled
        AssertPass, // assert()/expect() that held
        AssertFail, // assert()/expect() that failed: text is the readable failure message
        Info,       // the runner: "script started", "connection closed 1000 Normal Closure", ...
    };
    Kind kind = Kind::Log;
    qint64 timestampNs = 0; // Clock::nowNs()
    QString text;
    QString fileName; // where in the script, when known (empty, line 0 otherwise)
    int line = 0;     // 1-based
    int column = 0;   // 1-based; 0: unknown
    quint64 connectionId = 0; // server scripts: the client it concerns (0: none)
};

// How a run ended.
struct ScriptOutcome
{
    enum class Result : quint8 {
        Passed,  // ended (done(), the connection closed, or the server stopped) with no failed assertion
        Failed,  // at least one assertion failed (the script ran to its end)
        Error,   // syntax error, uncaught exception at top level, interrupted busy loop, timeout, bad input
        Stopped, // stop() was called (the user pressed Stop, or Ctrl+C in the CLI)
    };
    Result result = Result::Passed;
    int assertionsPassed = 0;
    int assertionsFailed = 0;
    QStringList failures; // readable failure messages, each with its line ("line 12: expected 3, got 4")
    QString error;        // for Error: what went wrong, with line and column when known
    int errorLine = 0;    // 1-based; 0: unknown
    int errorColumn = 0;
    qint64 durationMs = 0;
    quint64 framesSent = 0; // frames the script put on the wire
};

// Runs one JavaScript (QJSEngine) script against a connection (client scripts) or a server (mock-server
// scripts), with the API documented in docs/scripting.md: `ws.send/sendBinary/ping/pong/close/sendFrame/
// sendFragmented/on/waitFor`, `sleep`, `setTimeout`/`setInterval`, `log`, `assert`, `expect`, `done`, and
// utilities (JSON, base64, hex, uuid, random). Scripts reach only this API: no files, processes or network.
//
// The engine runs in its own thread, so a busy script never freezes the caller's thread: a script that
// runs longer than Options::busyLimitMs without returning to the event loop is interrupted
// (QJSEngine::setInterrupted) and the run ends with an Error naming the limit. Everything the script sends
// goes through the Connection's own thread (queued) with FrameOrigin::Script, so the timeline and session
// recording mark it; events come back through the Connection's/Server's eventsReady.
//
// Owned by and called from one thread (the GUI thread in the app, the main thread in frameline-cli). The
// Connection or Server may live in another thread (the network thread); it must outlive the run, or the
// run must be stopped first. One run at a time; start again after finished().
class ScriptRunner : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString source;           // the script text
        QString fileName;         // shown in messages ("echo-check.js"); may be empty
        int timeoutMs = 0;        // the whole run; 0: none (the app), the CLI passes --timeout
        int busyLimitMs = 2000;   // longest a script may run without yielding before it is interrupted
        int waitForDefaultMs = 10000; // waitFor() without a timeout
    };

    explicit ScriptRunner(QObject *parent = nullptr);
    ~ScriptRunner() override; // stops a running script and waits for its thread

    // Checks the syntax only (QJSEngine in a scratch engine): an empty string when fine, otherwise the
    // message; line and column (1-based) are set when known. For the editor's error marker before a run.
    static QString checkSyntax(const QString &source, int *line = nullptr, int *column = nullptr);

    // A client script. It starts once `connection` is Open (at once when it already is); if the
    // connection ends before it opens, the run finishes with an Error. The run ends at done(), when the
    // connection closes (after the script's 'close' handlers ran), at the timeout, on an error, or stop().
    // Returns false (and sets *error) when a run is already going or `connection` is null.
    bool startClient(Connection *connection, const Options &options, QString *error = nullptr);

    // A mock-server script: runs once at start (its top level registers handlers), then
    // `server.on('connection', fn(client))` is called for every client that connects (each `client` has
    // the `ws` API plus `id`, `path`, `headers`), `server.clients()`, `server.broadcast(data)`. The run
    // ends at done(), when the server stops, at the timeout, on an error, or stop(). The server's own
    // Behaviour should be Manual while a script serves (the caller sets it).
    bool startServer(Server *server, const Options &options, QString *error = nullptr);

    // Ends the run: pending timers and waits are dropped, the engine is interrupted if busy. finished()
    // follows (Stopped) unless the run had already ended. The connection is left as it is.
    void stop();

    bool isRunning() const;

Q_SIGNALS:
    void started();
    void logged(const Frameline::ScriptLogEntry &entry);
    void finished(const Frameline::ScriptOutcome &outcome);

private:
    class Private;
    std::unique_ptr<Private> d;
};

// The API's names for completion in editors: "ws.send", "ws.waitFor", "sleep", "expect", ... with a
// one-line signature each ("ws.send(textOrObject)"), in a stable order.
struct ScriptApiEntry
{
    QString name;
    QString signature;
    QString summary; // translated one-liner
};
QList<ScriptApiEntry> scriptApi();

// The bundled example scripts (resources/scripts/*.js, compiled into the engine under :/scripts/):
// id ("echo-check"), translated title, whether it is a server script, and the resource path.
struct ScriptExample
{
    QString id;
    QString title;
    bool server = false;
    QString resourcePath;
};
QList<ScriptExample> scriptExamples();

} // namespace Frameline

Q_DECLARE_METATYPE(Frameline::ScriptLogEntry)
Q_DECLARE_METATYPE(Frameline::ScriptOutcome)
