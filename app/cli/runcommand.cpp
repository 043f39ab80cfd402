#include "app/cli/runcommand.h"

#include "app/cli/clientoptions.h"
#include "app/cli/eventprinter.h"
#include "app/cli/listenoptions.h"
#include "app/cli/signalwatcher.h"
#include "app/cli/textout.h"
#include "app/net/clientconnection.h"
#include "app/net/clock.h"
#include "app/net/server.h"
#include "app/net/tlsoptions.h"
#include "app/protocol/closecode.h"
#include "app/script/scriptrunner.h"
#include "app/session/sessionwriter.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTimer>

#include <climits>
#include <cmath>
#include <csignal>
#include <memory>
#include <optional>

namespace Frameline {

namespace {

// How long past the engine's own close timeout a closing connection (or the clients of a stopping server)
// may take before they are dropped.
constexpr int CloseGraceMs = 2000;
// How long past --timeout the script runner may take to end the run itself before the command stops it.
constexpr int TimeoutGraceMs = 3000;
// How long after a connection that never opened the runner may take to report it.
constexpr int ConnectFailureGraceMs = 2000;

constexpr QLatin1StringView ExamplePrefix("example:");

enum class Verbosity : quint8 { Quiet, Normal, Verbose };

struct RunSettings
{
    ScriptRunner::Options script;
    bool serve = false;
    ClientConnection::Options client;
    Server::Options server;
    QString recordPath;
    Verbosity verbosity = Verbosity::Normal;
};

// Exit statuses (see RunCommand's --help).
constexpr int ExitPassed = 0;
constexpr int ExitFailed = 1;
constexpr int ExitError = 2;

QString signalName(int number)
{
    return number == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM");
}

// "2.35" seconds, for the summary.
QString seconds(qint64 milliseconds)
{
    return QString::number(double(milliseconds) / 1000.0, 'f', 2);
}

// One run of the command: the connection or the server, the script runner, the output, the recording and
// the signals.
class ScriptRun
{
public:
    ScriptRun(const RunSettings &settings, const QString &scriptName, FILE *out, FILE *err)
        : m_settings(settings)
        , m_scriptName(scriptName)
        , m_out(out)
        , m_err(err)
        , m_printer(EventPrinter::Format::Human,
              settings.serve ? Connection::Role::Server : Connection::Role::Client, out)
        , m_signals({ SIGINT, SIGTERM })
    {
        if (settings.serve) {
            m_server = std::make_unique<Server>(settings.server);
            // The script answers; the server itself sends nothing on its own.
            m_server->setBehaviour(Server::Behaviour::Manual);
            QObject::connect(m_server.get(), &Server::eventsReady, &m_loop,
                [this](const EventBatch &batch) { onEvents(batch); });
            QObject::connect(m_server.get(), &Server::clientClosed, &m_loop, [this] {
                if (m_closing && m_server->clients().isEmpty())
                    exit();
            });
        } else {
            m_client = std::make_unique<ClientConnection>(settings.client);
            QObject::connect(m_client.get(), &Connection::eventsReady, &m_loop,
                [this](const EventBatch &batch) { onEvents(batch); });
            QObject::connect(m_client.get(), &Connection::opened, &m_loop, [this] { m_opened = true; });
            QObject::connect(m_client.get(), &Connection::closed, &m_loop, [this] { onClientClosed(); });
        }
        // Declared after the connection or server, so destroyed (and stopped) before it.
        m_runner = std::make_unique<ScriptRunner>();
        QObject::connect(m_runner.get(), &ScriptRunner::logged, &m_loop,
            [this](const ScriptLogEntry &entry) { onLogged(entry); });
        QObject::connect(m_runner.get(), &ScriptRunner::finished, &m_loop,
            [this](const ScriptOutcome &outcome) { onFinished(outcome); });
        QObject::connect(
            &m_signals, &SignalWatcher::signalReceived, &m_loop, [this](int number) { onSignal(number); });

        m_watchdogTimer.setSingleShot(true);
        QObject::connect(&m_watchdogTimer, &QTimer::timeout, &m_loop,
            [this] { forceError(RunCommand::tr("the script did not end at --timeout; stopping it")); });
        m_connectFailureTimer.setSingleShot(true);
        QObject::connect(&m_connectFailureTimer, &QTimer::timeout, &m_loop,
            [this] { forceError(RunCommand::tr("the connection ended before it opened")); });
        m_deadlineTimer.setSingleShot(true);
        QObject::connect(&m_deadlineTimer, &QTimer::timeout, &m_loop, [this] {
            if (m_client) {
                error(0, RunCommand::tr("the connection did not close in time; dropping it"));
                m_client->abort();
            } else {
                error(0,
                    RunCommand::tr("%n client(s) did not close in time; dropping them", nullptr,
                        int(m_server->clients().size())));
            }
            exit();
        });
    }

    ~ScriptRun()
    {
        // The runner first: it must not outlive what it drives.
        m_runner.reset();
    }

    // --record: creates the session file; events follow as they arrive (SessionWriter flushes them every
    // DefaultFlushIntervalMs, so a killed process leaves a file that opens).
    bool startRecording(QString *errorText)
    {
        if (m_settings.recordPath.isEmpty())
            return true;
        if (!m_recorder.create(m_settings.recordPath)) {
            *errorText = m_recorder.errorString();
            return false;
        }
        QObject::connect(&m_recorder, &SessionWriter::errorOccurred, &m_loop, [this](const QString &message) {
            m_recordingFailed = true;
            writeText(m_err, RunCommand::tr("[error] %1").arg(message) + u'\n');
        });
        return true;
    }

    // --serve: false and *error when the server cannot listen.
    bool listen(QString *errorText)
    {
        if (!m_server->listen(errorText))
            return false;
        m_printer.printListening(
            m_server->url(), m_server->address().toString(), m_server->port(), m_server->certificateFile());
        return true;
    }

    int exec()
    {
        QTimer::singleShot(0, &m_loop, [this] { start(); });
        m_loop.exec();
        if (m_recorder.isOpen()) {
            flushEvents();
            if (!m_recorder.close())
                m_recordingFailed = true;
        }
        if (m_recordingFailed && m_exitCode < ExitError) {
            writeText(
                m_err, RunCommand::tr("[error] the --record file could not be written completely") + u'\n');
            m_exitCode = ExitError;
        }
        return m_exitCode;
    }

private:
    void start()
    {
        QString errorText;
        const bool started = m_server ? m_runner->startServer(m_server.get(), m_settings.script, &errorText)
                                      : m_runner->startClient(m_client.get(), m_settings.script, &errorText);
        if (!started) {
            error(0, errorText);
            m_exitCode = ExitError;
            shutDown();
            return;
        }
        if (m_settings.script.timeoutMs > 0)
            m_watchdogTimer.start(m_settings.script.timeoutMs + TimeoutGraceMs);
        if (m_client)
            m_client->open();
    }

    void onEvents(const EventBatch &batch)
    {
        if (m_settings.verbosity == Verbosity::Verbose)
            m_printer.print(batch);
        if (m_recorder.isOpen())
            m_recorder.write(batch);
    }

    // Connection events wait in their batch for a few milliseconds; the script's lines go after them.
    void flushEvents()
    {
        if (m_client) {
            m_client->flushEvents();
        } else if (m_server) {
            for (Connection *client : m_server->clients())
                client->flushEvents();
        }
    }

    // "echo-check.js:12:5: " when the entry knows where it happened.
    QString where(const QString &fileName, int line, int column) const
    {
        if (line <= 0)
            return QString();
        const QString name = fileName.isEmpty() ? m_scriptName : fileName;
        return column > 0 ? QStringLiteral("%1:%2:%3: ").arg(name).arg(line).arg(column)
                          : QStringLiteral("%1:%2: ").arg(name).arg(line);
    }

    void onLogged(const ScriptLogEntry &entry)
    {
        flushEvents();
        const QString client
            = entry.connectionId != 0 ? QStringLiteral("[#%1] ").arg(entry.connectionId) : QString();
        const QString location = where(entry.fileName, entry.line, entry.column);
        const bool quiet = m_settings.verbosity == Verbosity::Quiet;
        QString line;
        FILE *to = m_out;
        ConnectionNotice::Kind recordedAs = ConnectionNotice::Kind::Info;
        switch (entry.kind) {
        case ScriptLogEntry::Kind::Log:
            if (!quiet)
                line = RunCommand::tr("[log] %1%2").arg(client, entry.text);
            break;
        case ScriptLogEntry::Kind::Info:
            if (!quiet)
                line = RunCommand::tr("[info] %1%2").arg(client, entry.text);
            break;
        case ScriptLogEntry::Kind::Warning:
            if (!quiet)
                line = RunCommand::tr("[warn] %1%2%3").arg(client, location, entry.text);
            to = m_err;
            break;
        case ScriptLogEntry::Kind::Error:
            // A connection that never opened was already reported, with the reason the runner lacks.
            if (!(m_connectFailed && !m_opened))
                line = RunCommand::tr("[error] %1%2%3").arg(client, location, entry.text);
            to = m_err;
            recordedAs = ConnectionNotice::Kind::Error;
            m_errorShown = true;
            break;
        case ScriptLogEntry::Kind::AssertPass:
            if (m_settings.verbosity == Verbosity::Verbose)
                line = RunCommand::tr("[pass] %1%2%3").arg(client, location, entry.text);
            break;
        case ScriptLogEntry::Kind::AssertFail:
            line = RunCommand::tr("[fail] %1%2%3").arg(client, location, entry.text);
            recordedAs = ConnectionNotice::Kind::Error;
            ++m_failuresShown;
            break;
        }
        if (!line.isEmpty())
            writeText(to, line + u'\n');
        // The recording keeps the whole console, whatever was printed.
        if (entry.kind != ScriptLogEntry::Kind::AssertPass || m_settings.verbosity == Verbosity::Verbose)
            record(entry.connectionId, recordedAs, RunCommand::tr("script: %1%2").arg(location, entry.text));
    }

    void record(quint64 connectionId, ConnectionNotice::Kind kind, const QString &text)
    {
        if (!m_recorder.isOpen())
            return;
        ConnectionNotice notice;
        notice.connectionId = connectionId != 0 ? connectionId : (m_client ? m_client->id() : 0);
        notice.timestampNs = Clock::nowNs();
        notice.kind = kind;
        notice.state = m_client ? m_client->state() : ConnectionState::Idle;
        notice.text = text;
        m_recorder.write(notice);
    }

    void error(quint64 connectionId, const QString &text)
    {
        writeText(m_err, RunCommand::tr("[error] %1").arg(text) + u'\n');
        record(connectionId, ConnectionNotice::Kind::Error, text);
    }

    void onClientClosed()
    {
        if (m_closing) {
            exit();
            return;
        }
        if (!m_opened && !m_connectFailureTimer.isActive()) {
            // The runner ends the run with an error; the connection says why it never opened.
            m_client->flushEvents();
            const QString reason = m_client->errorString();
            error(m_client->id(),
                reason.isEmpty() ? RunCommand::tr("the connection to %1 never opened")
                                       .arg(m_client->options().url.toString())
                                 : RunCommand::tr("the connection to %1 failed: %2")
                                       .arg(m_client->options().url.toString(), reason));
            m_connectFailed = true;
            m_connectFailureTimer.start(ConnectFailureGraceMs);
        }
    }

    // The command ends a run the runner did not end itself; the outcome is an error whatever it says.
    void forceError(const QString &text)
    {
        if (!m_runner->isRunning())
            return;
        error(0, text);
        m_forcedError = true;
        m_runner->stop();
    }

    void onSignal(int number)
    {
        if (m_closing) {
            // The run is over and the connection closes: a signal now means do not wait for the peer.
            flushEvents();
            writeText(
                m_out, RunCommand::tr("[info] %1: dropping the connection").arg(signalName(number)) + u'\n');
            if (m_client)
                m_client->abort();
            exit();
            return;
        }
        if (m_interruptedBy != 0) {
            // A second signal before the script stopped: end at once.
            writeText(m_out, RunCommand::tr("[info] %1 again: ending now").arg(signalName(number)) + u'\n');
            m_exitCode = 128 + m_interruptedBy;
            if (m_client)
                m_client->abort();
            exit();
            return;
        }
        m_interruptedBy = number;
        flushEvents();
        if (m_settings.verbosity != Verbosity::Quiet)
            writeText(
                m_out, RunCommand::tr("[info] %1: stopping the script").arg(signalName(number)) + u'\n');
        m_runner->stop();
    }

    void onFinished(const ScriptOutcome &outcome)
    {
        m_watchdogTimer.stop();
        m_connectFailureTimer.stop();
        flushEvents();

        // Failures the console did not show as they happened (each carries its line).
        for (qsizetype i = m_failuresShown; i < outcome.failures.size(); ++i)
            writeText(m_out, RunCommand::tr("[fail] %1").arg(outcome.failures.at(i)) + u'\n');

        ScriptOutcome::Result result = outcome.result;
        if (m_forcedError)
            result = ScriptOutcome::Result::Error;
        QString verdict;
        switch (result) {
        case ScriptOutcome::Result::Passed:
            verdict = RunCommand::tr("PASS");
            m_exitCode = ExitPassed;
            break;
        case ScriptOutcome::Result::Failed:
            verdict = RunCommand::tr("FAIL");
            m_exitCode = ExitFailed;
            break;
        case ScriptOutcome::Result::Error:
            // The console showed the error as it happened, unless the run ended before it could say.
            if (!outcome.error.isEmpty() && !m_errorShown)
                error(0, outcome.error);
            verdict = RunCommand::tr("ERROR");
            m_exitCode = ExitError;
            break;
        case ScriptOutcome::Result::Stopped:
            if (m_server) {
                // Ctrl+C is how a mock server ends: it passed unless an assertion failed.
                verdict = outcome.assertionsFailed > 0 ? RunCommand::tr("FAIL") : RunCommand::tr("PASS");
                m_exitCode = outcome.assertionsFailed > 0 ? ExitFailed : ExitPassed;
            } else {
                // An interrupted client scenario proves nothing either way.
                verdict = RunCommand::tr("STOPPED");
                m_exitCode = m_interruptedBy != 0 ? 128 + m_interruptedBy : ExitError;
            }
            break;
        }
        if (m_connectFailed && m_exitCode < ExitError)
            m_exitCode = ExitError;

        const QString counts = RunCommand::tr("%1 passed, %2 failed")
                                   .arg(outcome.assertionsPassed)
                                   .arg(outcome.assertionsFailed);
        const QString details = RunCommand::tr("%1 s; frames sent: %2")
                                    .arg(seconds(outcome.durationMs))
                                    .arg(outcome.framesSent);
        const QString summary = m_interruptedBy != 0
            ? RunCommand::tr("%1 (%2): %3 (%4)").arg(verdict, signalName(m_interruptedBy), counts, details)
            : RunCommand::tr("%1: %2 (%3)").arg(verdict, counts, details);
        writeText(m_out, summary + u'\n');
        record(0, m_exitCode == ExitPassed ? ConnectionNotice::Kind::Info : ConnectionNotice::Kind::Error,
            RunCommand::tr("script %1: %2").arg(m_scriptName, summary));
        shutDown();
    }

    // After the run: closes the connection with 1000 (or the server's clients with 1001) and waits for the
    // closing handshakes, bounded.
    void shutDown()
    {
        m_closing = true;
        if (m_client) {
            switch (m_client->state()) {
            case ConnectionState::Closed:
            case ConnectionState::Idle:
                m_client->stop(); // a reconnect that might be pending
                exit();
                return;
            case ConnectionState::Open:
                m_client->stop(CloseCode::Normal);
                break;
            case ConnectionState::Closing:
                break;
            default:
                m_client->stop();
                break;
            }
            m_deadlineTimer.start(m_client->settings().closeTimeoutMs + CloseGraceMs);
            return;
        }
        // RFC 6455 §7.4.1: 1001, the endpoint is going away.
        m_server->stop(CloseCode::GoingAway);
        if (m_server->clients().isEmpty()) {
            exit();
            return;
        }
        m_deadlineTimer.start(m_server->options().settings.closeTimeoutMs + CloseGraceMs);
    }

    void exit()
    {
        if (m_exiting)
            return;
        m_exiting = true;
        m_deadlineTimer.stop();
        m_watchdogTimer.stop();
        m_connectFailureTimer.stop();
        // Let the loop start first if the run ended before it did.
        QTimer::singleShot(0, &m_loop, [this] { m_loop.exit(0); });
    }

    RunSettings m_settings;
    QString m_scriptName;
    FILE *m_out;
    FILE *m_err;
    EventPrinter m_printer;
    QEventLoop m_loop;
    SessionWriter m_recorder; // before the connection: it outlives the connection's last events
    bool m_recordingFailed = false;
    std::unique_ptr<ClientConnection> m_client;
    std::unique_ptr<Server> m_server;
    std::unique_ptr<ScriptRunner> m_runner;
    SignalWatcher m_signals;
    QTimer m_watchdogTimer;
    QTimer m_connectFailureTimer;
    QTimer m_deadlineTimer;
    qsizetype m_failuresShown = 0; // [fail] lines printed as they happened
    bool m_errorShown = false; // an [error] line of the script printed as it happened
    int m_exitCode = ExitError;
    int m_interruptedBy = 0;
    bool m_opened = false;
    bool m_connectFailed = false;
    bool m_forcedError = false;
    bool m_closing = false;
    bool m_exiting = false;
};

std::optional<ScriptExample> findExample(const QString &id)
{
    const QList<ScriptExample> examples = scriptExamples();
    for (const ScriptExample &example : examples) {
        if (example.id == id)
            return example;
    }
    return std::nullopt;
}

QString exampleList()
{
    QString text;
    const QList<ScriptExample> examples = scriptExamples();
    for (const ScriptExample &example : examples) {
        text += QStringLiteral("  %1%2  %3%4\n")
                    .arg(ExamplePrefix, example.id.leftJustified(18), example.title,
                        example.server ? RunCommand::tr(" (--serve)") : QString());
    }
    return text;
}

} // namespace

QString RunCommand::summary()
{
    return tr("Run a JavaScript test scenario against a server (--url) or as a mock server (--serve)");
}

int RunCommand::run(const QStringList &arguments, FILE *out, FILE *err)
{
    const auto fail = [err](const QString &message) {
        writeText(err, tr("frameline-cli run: %1 (see 'frameline-cli run --help')").arg(message) + u'\n');
        return ExitError;
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(summary() + QLatin1Char('\n')
        + tr("\nRuns SCRIPT with the scripting API of docs/scripting.md (ws.send, ws.waitFor,\n"
             "sleep, expect, assert, done, ...) without a window. With --url it connects\n"
             "first and starts the script once the connection is open; the run ends at\n"
             "done(), when the connection closes, at --timeout, on an error, or on SIGINT or\n"
             "SIGTERM, and the connection is then closed with 1000. With --serve it listens\n"
             "(127.0.0.1, --port; the URL is printed first) and the script answers every\n"
             "client through server.on('connection', ...); the run ends at done(), at\n"
             "--timeout, on an error or on SIGINT/SIGTERM, and the clients are closed with\n"
             "1001.\n"
             "\nSCRIPT is a file, or example:ID for a bundled example (also --example ID):\n"
             "%1"
             "\nThe script's log goes to standard output as it happens ([log], [info], and\n"
             "[fail] for a failed assertion, with its file and line); warnings and errors go\n"
             "to standard error ([warn], [error], with line and column). --verbose adds\n"
             "passed assertions and every event of the connection; --quiet leaves only\n"
             "failures, errors and the summary. The last line is the summary:\n"
             "\"PASS: 3 passed, 0 failed (...)\", or FAIL, ERROR or STOPPED.\n"
             "With --record FILE every event and the script's console also go to a session\n"
             "file that 'frameline-cli info' and the desktop app open.\n"
             "\nExit status: 0 when every assertion held; 1 when an assertion failed; 2 for an\n"
             "error in the script (syntax error, uncaught exception, a busy loop interrupted\n"
             "after --busy-limit, --timeout reached) or in the arguments (a script that\n"
             "cannot be read, a bad URL or option, a server that cannot be reached, a port\n"
             "that cannot be used); 130 (SIGINT) or 143 (SIGTERM) when a --url run was\n"
             "interrupted. A --serve run ended by SIGINT or SIGTERM exits 0 or 1 by its\n"
             "assertions.")
              .arg(exampleList()));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("SCRIPT"),
        tr("The script file (UTF-8 JavaScript), or example:ID for a bundled example."));

    const ClientOptions client;
    const QCommandLineOption urlOption(QStringLiteral("url"),
        tr("Connect to this ws:// or wss:// URL and run the script as its client."), QStringLiteral("URL"));
    const QCommandLineOption serveOption(QStringLiteral("serve"),
        tr("Run a local server instead and let the script answer its clients (a mock server)."));
    const QCommandLineOption exampleOption(
        QStringLiteral("example"), tr("Run the bundled example ID instead of a file."), QStringLiteral("ID"));
    const QCommandLineOption listExamplesOption(
        QStringLiteral("list-examples"), tr("List the bundled examples and exit."));
    const QCommandLineOption hostOption(QStringLiteral("host"),
        tr("With --serve: the address to listen on (default 127.0.0.1; 0.0.0.0 or :: for "
           "every interface)."),
        QStringLiteral("H"));
    const QCommandLineOption portOption(QStringLiteral("port"),
        tr("With --serve: the port to listen on; 0 (the default) picks a free one."), QStringLiteral("P"));
    const QCommandLineOption tlsOption(QStringLiteral("tls"),
        tr("With --serve: serve wss://, with --cert and --key or else a self-signed "
           "certificate for localhost."));
    // --cert and --key name the client certificate with --url wss://, the server's with --serve --tls.
    const QCommandLineOption certOption(QStringLiteral("cert"),
        tr("With --url wss://: the client certificate (PEM), needs --key. With --serve "
           "--tls: the server's certificate (PEM)."),
        QStringLiteral("FILE"));
    const QCommandLineOption keyOption(
        QStringLiteral("key"), tr("The private key of --cert (PEM, unencrypted)."), QStringLiteral("FILE"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
        tr("End the run with an error after S seconds (decimals allowed)."), QStringLiteral("S"));
    const QCommandLineOption busyLimitOption(QStringLiteral("busy-limit"),
        tr("Interrupt the script when it runs this many milliseconds without yielding "
           "(default %1).")
            .arg(ScriptRunner::Options().busyLimitMs),
        QStringLiteral("MS"));
    const QCommandLineOption recordOption(QStringLiteral("record"),
        tr("Also write every event and the script's console to this session file (replaced)."),
        QStringLiteral("FILE"));
    const QCommandLineOption quietOption(QStringList { QStringLiteral("q"), QStringLiteral("quiet") },
        tr("Print only failures, errors and the summary."));
    const QCommandLineOption verboseOption(QStringList { QStringLiteral("v"), QStringLiteral("verbose") },
        tr("Also print passed assertions and every event of the connection."));

    QList<QCommandLineOption> options { urlOption, serveOption, exampleOption, listExamplesOption };
    for (const QCommandLineOption &option : client.dialOptions()) {
        // Replaced by the ones above that also say what they mean with --serve.
        if (option.names() == certOption.names())
            options << certOption;
        else if (option.names() == keyOption.names())
            options << keyOption;
        else
            options << option;
    }
    options << client.engineOptions();
    options << hostOption << portOption << tlsOption << timeoutOption << busyLimitOption << recordOption
            << quietOption << verboseOption;
    parser.addOptions(options);

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeCommandHelp(out, parser, QStringLiteral("frameline-cli run"));
        return 0;
    }
    if (parser.isSet(listExamplesOption)) {
        writeText(out, exampleList());
        return 0;
    }

    // The script.
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(
            tr("give one script, not %1: %2").arg(positional.size()).arg(positional.join(QLatin1Char(' '))));
    QString exampleId;
    if (parser.isSet(exampleOption)) {
        if (!positional.isEmpty())
            return fail(tr("give either a script or --example, not both"));
        exampleId = parser.value(exampleOption);
    } else if (positional.isEmpty()) {
        return fail(tr("no script: give a .js file or example:ID"));
    } else if (positional.constFirst().startsWith(ExamplePrefix)) {
        exampleId = positional.constFirst().mid(ExamplePrefix.size());
    }

    RunSettings settings;
    QString scriptPath;
    QString scriptName;
    if (!exampleId.isEmpty() || parser.isSet(exampleOption)) {
        const auto example = findExample(exampleId);
        if (!example)
            return fail(tr("no bundled example '%1'; these are:\n%2").arg(exampleId, exampleList()));
        if (example->server && parser.isSet(urlOption))
            return fail(tr("example:%1 is a server script: run it with --serve").arg(example->id));
        if (!example->server && parser.isSet(serveOption))
            return fail(tr("example:%1 is a client script: run it with --url").arg(example->id));
        scriptPath = example->resourcePath;
        scriptName = example->id + QStringLiteral(".js");
    } else {
        scriptPath = positional.constFirst();
        scriptName = QFileInfo(scriptPath).fileName();
    }

    // The mode and its options.
    const bool serve = parser.isSet(serveOption);
    if (serve == parser.isSet(urlOption))
        return fail(serve ? tr("give either --url or --serve, not both")
                          : tr("no --url: give the ws:// or wss:// URL to connect to, or --serve"));
    settings.serve = serve;
    QString error;
    if (serve) {
        QStringList clientOnly;
        for (const QCommandLineOption &option : client.dialOptions()) {
            if (option.names() != certOption.names() && option.names() != keyOption.names()
                && parser.isSet(option))
                clientOnly << QStringLiteral("--") + option.names().constLast();
        }
        if (!clientOnly.isEmpty())
            return fail(tr("%1: only with --url").arg(clientOnly.join(QStringLiteral(", "))));
        Server::Options &server = settings.server;
        if ((parser.isSet(certOption) || parser.isSet(keyOption)) && !parser.isSet(tlsOption))
            return fail(tr("with --serve, --cert and --key need --tls"));
        if (!ListenOptions::apply(
                parser, hostOption, portOption, tlsOption, certOption, keyOption, &server, &error))
            return fail(error);
        server.behaviour = Server::Behaviour::Manual;
        if (!client.applyEngineOptions(parser, &server.settings, &error))
            return fail(error);
    } else {
        for (const QCommandLineOption *option : { &hostOption, &portOption, &tlsOption }) {
            if (parser.isSet(*option))
                return fail(tr("--%1 is for --serve").arg(option->names().constLast()));
        }
        const auto url = ClientConnection::parseUrl(parser.value(urlOption), &error);
        if (!url)
            return fail(error);
        settings.client.url = *url;
        if (!client.applyDialOptions(parser, &settings.client, &error))
            return fail(error);
        if (!client.applyEngineOptions(parser, &settings.client.settings, &error))
            return fail(error);
    }

    if (parser.isSet(timeoutOption)
        && !ListenOptions::parseSeconds(
            parser.value(timeoutOption), QStringLiteral("--timeout"), &settings.script.timeoutMs, &error))
        return fail(error);
    if (parser.isSet(busyLimitOption)) {
        bool ok = false;
        const qint64 ms = parser.value(busyLimitOption).toLongLong(&ok);
        if (!ok || ms <= 0 || ms > INT_MAX)
            return fail(tr("--busy-limit must be a positive number of milliseconds, not '%1'")
                            .arg(parser.value(busyLimitOption)));
        settings.script.busyLimitMs = int(ms);
    }
    if (parser.isSet(quietOption) && parser.isSet(verboseOption))
        return fail(tr("give either --quiet or --verbose, not both"));
    settings.verbosity = parser.isSet(quietOption) ? Verbosity::Quiet
        : parser.isSet(verboseOption)              ? Verbosity::Verbose
                                                   : Verbosity::Normal;
    if (parser.isSet(recordOption)) {
        settings.recordPath = parser.value(recordOption);
        if (settings.recordPath.isEmpty())
            return fail(tr("--record needs a file name"));
    }

    // Read and check the script before touching the network: a typo fails at once.
    QFile file(scriptPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("cannot read the script %1: %2").arg(scriptPath, file.errorString()));
    settings.script.source = QString::fromUtf8(file.readAll());
    settings.script.fileName = scriptName;
    file.close();
    int line = 0;
    int column = 0;
    const QString syntaxError = ScriptRunner::checkSyntax(settings.script.source, &line, &column);
    if (!syntaxError.isEmpty()) {
        const QString location = line > 0
            ? (column > 0 ? QStringLiteral("%1:%2:%3: ").arg(scriptName).arg(line).arg(column)
                          : QStringLiteral("%1:%2: ").arg(scriptName).arg(line))
            : scriptName + QStringLiteral(": ");
        writeText(err, tr("[error] %1%2").arg(location, syntaxError) + u'\n');
        writeText(out,
            tr("%1: %2 passed, %3 failed (%4)").arg(tr("ERROR")).arg(0).arg(0).arg(tr("syntax error"))
                + u'\n');
        return ExitError;
    }

    ScriptRun run(settings, scriptName, out, err);
    // The file first: a run that cannot record what it was asked to record does not start.
    if (!run.startRecording(&error)) {
        writeText(err, tr("frameline-cli run: %1").arg(error) + u'\n');
        return ExitError;
    }
    if (serve && !run.listen(&error)) {
        writeText(err, tr("frameline-cli run: %1").arg(error) + u'\n');
        return ExitError;
    }
    return run.exec();
}

} // namespace Frameline
