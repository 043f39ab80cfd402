#include "app/cli/replaycommand.h"

#include "app/cli/eventprinter.h"
#include "app/cli/listenoptions.h"
#include "app/cli/signalwatcher.h"
#include "app/cli/textout.h"
#include "app/protocol/closecode.h"
#include "app/protocol/opcode.h"
#include "app/protocol/utf8validator.h"
#include "app/session/compare.h"
#include "app/session/replay.h"
#include "app/session/sessionreader.h"
#include "app/session/sessionwriter.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QEventLoop>
#include <QtCore/QSocketNotifier>
#include <QtCore/QTimer>

#include <cerrno>
#include <climits>
#include <cmath>
#include <csignal>
#include <functional>
#include <memory>
#include <optional>

#include <unistd.h>

namespace Frameline {

namespace {

// How long past the engine's own close timeout the connections may take to close before giving up.
constexpr int CloseGraceMs = 2000;

struct ReplaySettings
{
    QString file;
    quint64 connectionId = 0; // 0: the first one that fits
    ReplayScript::Content content = ReplayScript::Content::Messages;
    ReplayOptions replay;
    QUrl url;
    bool insecure = false;
    bool compare = false;
    Compare::Options compareOptions;
    QString recordPath;
    bool serve = false;
    quint16 port = 0;
    bool quiet = false;
};

// "text 5 B "hello"", "binary 3 B", "close 1000": one step, for the --step prompt.
QString describeStep(const ReplayStep &step)
{
    switch (step.kind) {
    case ReplayStep::Kind::Message: {
        QString text = ReplayCommand::tr("%1 message, %2 B")
                           .arg(step.opcode == quint8(Opcode::Text) ? ReplayCommand::tr("text")
                                                                    : ReplayCommand::tr("binary"))
                           .arg(step.payload.size());
        if (step.opcode == quint8(Opcode::Text) && Utf8Validator::isValid(step.payload)) {
            const QString decoded = QString::fromUtf8(step.payload);
            constexpr qsizetype Shown = 60;
            text += QStringLiteral(": ") + decoded.left(Shown)
                + (decoded.size() > Shown ? QString(QChar(0x2026)) : QString());
        }
        return text;
    }
    case ReplayStep::Kind::Frame:
        return ReplayCommand::tr("frame %1, %2 B")
            .arg(opcodeName(step.frame.opcode))
            .arg(step.frame.payload.size());
    case ReplayStep::Kind::Close:
        return ReplayCommand::tr("Close %1").arg(step.closeCode);
    case ReplayStep::Kind::CloseWithoutCode:
        return ReplayCommand::tr("Close without a code");
    }
    return QString();
}

// Writes the replay's own traffic as a session file, as it goes (journal: flushed within 200 ms).
class Recorder
{
public:
    // `onError` hears of the first write error (a full disk) when it happens; the replay goes on.
    bool open(const QString &path, QString *error, std::function<void(const QString &)> onError)
    {
        if (path.isEmpty())
            return true;
        m_writer = std::make_unique<SessionWriter>();
        if (!m_writer->create(path)) {
            *error = m_writer->errorString();
            m_writer.reset();
            return false;
        }
        QObject::connect(m_writer.get(), &SessionWriter::errorOccurred, m_writer.get(), std::move(onError));
        return true;
    }
    void write(const EventBatch &batch)
    {
        if (m_writer)
            m_writer->write(batch);
    }
    // False when anything could not be written (reported through onError).
    bool close()
    {
        if (!m_writer)
            return true;
        return m_writer->close() && !m_writer->hasError();
    }

private:
    std::unique_ptr<SessionWriter> m_writer;
};

// A client replay: the replay, its output, standard input for --step, and the signals.
class ClientRun
{
public:
    ClientRun(const ReplaySettings &settings, const ReplayScript &script,
        const ClientReplay::Options &options, FILE *out, FILE *err)
        : m_settings(settings)
        , m_printer(EventPrinter::Format::Human, Connection::Role::Client, out)
        , m_out(out)
        , m_err(err)
        , m_replay(script, options)
        , m_signals({ SIGINT, SIGTERM })
    {
        QObject::connect(&m_replay, &ClientReplay::eventsReady, &m_replay, [this](const EventBatch &batch) {
            if (!m_settings.quiet)
                m_printer.print(batch);
            m_recorder.write(batch);
        });
        QObject::connect(&m_replay, &ClientReplay::warning, &m_replay, [this](const QString &text) {
            if (m_settings.quiet)
                writeText(m_err, ReplayCommand::tr("warning: %1").arg(text) + u'\n');
        });
        QObject::connect(&m_replay, &ClientReplay::awaitingNext, &m_replay, [this](int index) {
            m_replay.connection()->flushEvents();
            m_printer.printInfo(m_replay.connection()->id(),
                ReplayCommand::tr("step %1/%2: %3 — press Enter to send")
                    .arg(index + 1)
                    .arg(m_replay.total())
                    .arg(describeStep(m_replay.script().steps.at(index))));
            m_awaitingEnter = true;
            if (m_stdinEnded)
                stopAtEndOfInput();
        });
        QObject::connect(
            &m_replay, &ClientReplay::progressChanged, &m_replay, [this] { m_awaitingEnter = false; });
        QObject::connect(&m_replay, &ClientReplay::finished, &m_replay, [this] { onFinished(); });
        QObject::connect(
            &m_signals, &SignalWatcher::signalReceived, &m_replay, [this](int number) { onSignal(number); });
        m_deadlineTimer.setSingleShot(true);
        QObject::connect(&m_deadlineTimer, &QTimer::timeout, &m_replay, [this] {
            m_printer.printError(0, ReplayCommand::tr("the connection did not close in time; dropping it"));
            m_replay.connection()->abort();
        });
        if (m_settings.replay.timing == ReplayOptions::Timing::Step) {
            m_stdin = new QSocketNotifier(qintptr(STDIN_FILENO), QSocketNotifier::Read, &m_replay);
            QObject::connect(m_stdin, &QSocketNotifier::activated, &m_replay, [this] { onStdinReadable(); });
        }
    }

    bool openRecorder(QString *error)
    {
        return m_recorder.open(m_settings.recordPath, error,
            [this](const QString &message) { m_printer.printError(0, message); });
    }

    int exec()
    {
        const ReplayScript &script = m_replay.script();
        m_printer.printInfo(0,
            ReplayCommand::tr("replaying connection #%1 of %2 to %3 (sends: %4, recorded replies: %5)")
                .arg(script.connectionId)
                .arg(m_settings.file, m_replay.url().toDisplayString())
                .arg(m_replay.total())
                .arg(script.peerMessages.size()));
        QTimer::singleShot(0, &m_replay, [this] { m_replay.start(); });
        const int code = m_loop.exec();
        return code;
    }

private:
    void onStdinReadable()
    {
        char buffer[4096];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (got > 0) {
            for (ssize_t i = 0; i < got; ++i) {
                if (buffer[i] == '\n')
                    m_replay.next();
            }
            return;
        }
        // The end of input: no more Enter will come. The steps already allowed still go; the replay stops
        // when it waits for another.
        m_stdin->setEnabled(false);
        m_stdinEnded = true;
        if (m_awaitingEnter)
            stopAtEndOfInput();
    }

    void stopAtEndOfInput()
    {
        if (m_replay.isFinished() || m_replay.wasStopped())
            return;
        m_printer.printInfo(0, ReplayCommand::tr("end of standard input: stopping the replay"));
        stop();
    }

    void onSignal(int number)
    {
        const QString name = number == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM");
        if (m_interrupted) {
            m_printer.printInfo(0, ReplayCommand::tr("%1 again: dropping the connection").arg(name));
            m_replay.connection()->abort();
            return;
        }
        m_interrupted = true;
        m_printer.printInfo(
            0, ReplayCommand::tr("%1: stopping the replay (send it again to drop the connection)").arg(name));
        stop();
    }

    void stop()
    {
        m_replay.stop();
        if (!m_replay.isFinished() && !m_deadlineTimer.isActive())
            m_deadlineTimer.start(m_replay.connection()->settings().closeTimeoutMs + CloseGraceMs);
    }

    void onFinished()
    {
        m_deadlineTimer.stop();
        if (m_stdin)
            m_stdin->setEnabled(false);
        int code = 0;
        if (m_replay.completed()) {
            m_printer.printInfo(0,
                ReplayCommand::tr("replay complete: sent %1 of %2")
                    .arg(m_replay.sent())
                    .arg(m_replay.total()));
        } else {
            m_printer.printError(0, ReplayCommand::tr("replay incomplete: %1").arg(m_replay.errorString()));
            code = 1;
        }
        if (!m_recorder.close())
            code = 1;
        if (m_settings.compare) {
            const Compare::Result result = Compare::messages(
                m_replay.script().peerMessages, m_replay.receivedMessages(), m_settings.compareOptions);
            writeText(m_out, Compare::report(result));
            if (!result.passed())
                code = 1;
        }
        QTimer::singleShot(0, &m_loop, [this, code] { m_loop.exit(code); });
    }

    ReplaySettings m_settings;
    EventPrinter m_printer;
    FILE *m_out;
    FILE *m_err;
    ClientReplay m_replay;
    SignalWatcher m_signals;
    Recorder m_recorder;
    QEventLoop m_loop;
    QTimer m_deadlineTimer;
    QSocketNotifier *m_stdin = nullptr;
    bool m_stdinEnded = false;
    bool m_awaitingEnter = false; // --step: the replay waits for Enter
    bool m_interrupted = false;
};

// A mock server: the replay server, its output and the signals that end it.
class ServeRun
{
public:
    ServeRun(const ReplaySettings &settings, const ReplayScript &script,
        const MockServerReplay::Options &options, FILE *out)
        : m_settings(settings)
        , m_printer(EventPrinter::Format::Human, Connection::Role::Server, out)
        , m_mock(script, options)
        , m_signals({ SIGINT, SIGTERM })
    {
        QObject::connect(&m_mock, &MockServerReplay::eventsReady, &m_mock, [this](const EventBatch &batch) {
            if (!m_settings.quiet)
                m_printer.print(batch);
            m_recorder.write(batch);
        });
        QObject::connect(&m_mock, &MockServerReplay::clientStarted, &m_mock, [this](quint64 id) {
            m_printer.printInfo(id,
                ReplayCommand::tr("replaying the server side of connection #%1 (sends: %2)")
                    .arg(m_mock.script().connectionId)
                    .arg(m_mock.script().steps.size()));
        });
        QObject::connect(
            &m_mock, &MockServerReplay::clientFinished, &m_mock, [this](quint64 id, bool completed) {
                m_printer.printInfo(id,
                    completed ? ReplayCommand::tr("client done: every recorded send was sent")
                              : ReplayCommand::tr("client gone before the replay was complete"));
                if (m_stopping && m_mock.server()->clients().isEmpty())
                    finish(0);
            });
        QObject::connect(
            &m_signals, &SignalWatcher::signalReceived, &m_mock, [this](int number) { onSignal(number); });
        m_deadlineTimer.setSingleShot(true);
        QObject::connect(&m_deadlineTimer, &QTimer::timeout, &m_mock, [this] {
            m_printer.printError(0,
                ReplayCommand::tr("clients did not close in time (%1 left): dropping them")
                    .arg(m_mock.server()->clients().size()));
            finish(1);
        });
    }

    bool openRecorder(QString *error)
    {
        return m_recorder.open(m_settings.recordPath, error,
            [this](const QString &message) { m_printer.printError(0, message); });
    }

    bool listen(QString *error)
    {
        if (!m_mock.listen(error))
            return false;
        const Server *server = m_mock.server();
        m_printer.printListening(
            server->url(), server->address().toString(), server->port(), server->certificateFile());
        return true;
    }

    int exec() { return m_loop.exec(); }

private:
    void onSignal(int number)
    {
        const QString name = number == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM");
        for (Connection *client : m_mock.server()->clients())
            client->flushEvents();
        if (m_stopping) {
            m_printer.printInfo(0, ReplayCommand::tr("%1 again: dropping every client").arg(name));
            finish(1);
            return;
        }
        m_stopping = true;
        const int clients = int(m_mock.server()->clients().size());
        m_printer.printInfo(0,
            ReplayCommand::tr("%1: closing every client with 1001 and shutting down (clients: %2)")
                .arg(name)
                .arg(clients));
        // RFC 6455 §7.4.1: 1001, the endpoint is going away.
        m_mock.stop(CloseCode::GoingAway);
        if (m_mock.server()->clients().isEmpty()) {
            finish(0);
            return;
        }
        m_deadlineTimer.start(m_mock.server()->options().settings.closeTimeoutMs + CloseGraceMs);
    }

    void finish(int code)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_deadlineTimer.stop();
        if (!m_recorder.close())
            code = 1;
        QTimer::singleShot(0, &m_loop, [this, code] { m_loop.exit(code); });
    }

    ReplaySettings m_settings;
    EventPrinter m_printer;
    MockServerReplay m_mock;
    SignalWatcher m_signals;
    Recorder m_recorder;
    QEventLoop m_loop;
    QTimer m_deadlineTimer;
    bool m_stopping = false;
    bool m_finished = false;
};

} // namespace

QString ReplayCommand::summary()
{
    return tr(
        "Replay a recorded connection as a client (and compare the replies), or serve it as a mock server");
}

int ReplayCommand::run(const QStringList &arguments, FILE *out, FILE *err)
{
    const auto fail = [err](const QString &message) {
        writeText(
            err, tr("frameline-cli replay: %1 (see 'frameline-cli replay --help')").arg(message) + u'\n');
        return 2;
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(summary() + QLatin1Char('\n')
        + tr("\nAs a client (the default), replays the first connection that a client recorded\n"
             "in FILE (or --connection ID): dials its URL (or --url) with the recorded\n"
             "handshake (headers, subprotocols, permessage-deflate), sends the messages it\n"
             "sent with the recorded gaps (--speed, --fast, --step), then waits for the\n"
             "replies the recording got (at most --timeout) and closes with 1000. Every event\n"
             "is printed as 'connect' prints it. With --compare, the replies are compared\n"
             "with the recorded ones in order (JSON-aware; --ignore leaves fields out) and\n"
             "the differences are printed.\n"
             "\nWith --serve, listens (127.0.0.1, --port) and answers every client with the\n"
             "recorded server side: each recorded server message is sent once the client\n"
             "has sent as many messages as the recorded client had by then. Runs until\n"
             "SIGINT or SIGTERM.\n"
             "\nExit status: 0 when the replay completed (with --compare: and everything\n"
             "matched); 1 when it did not complete or something differed; 2 for bad input\n"
             "(a file that cannot be read, no connection to replay, a bad URL or option)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("A Frameline session file."));

    const QCommandLineOption connectionOption(QStringLiteral("connection"),
        tr("The recorded connection to replay (its id in the file); default: the first one a client "
           "recorded (with --serve: the first one)."),
        QStringLiteral("ID"));
    const QCommandLineOption urlOption(
        QStringLiteral("url"), tr("Connect here instead of the recorded URL."), QStringLiteral("URL"));
    const QCommandLineOption speedOption(QStringLiteral("speed"),
        tr("Play the recorded timing F times as fast (2 halves every gap; default 1)."), QStringLiteral("F"));
    const QCommandLineOption fastOption(
        QStringLiteral("fast"), tr("Send as fast as possible, without the gaps."));
    const QCommandLineOption stepOption(QStringLiteral("step"),
        tr("Send one step at a time: wait for Enter on standard input before each send."));
    const QCommandLineOption waitOption(QStringLiteral("wait-replies"),
        tr("Before each send, wait for as many replies as the recording had received by then."));
    const QCommandLineOption framesOption(QStringLiteral("frames"),
        tr("Send the recorded frames exactly (header bits, masking keys, fragments, control "
           "frames) instead of the messages."));
    const QCommandLineOption compareOption(QStringLiteral("compare"),
        tr("Compare the replies with the recorded ones; exit 1 when they differ."));
    const QCommandLineOption ignoreOption(QStringLiteral("ignore"),
        tr("With --compare: leave this JSON field out (repeatable). A JSONPath: $.id, "
           "$.items[*].ts, $..timestamp (at any depth)."),
        QStringLiteral("JSONPATH"));
    const QCommandLineOption recordOption(QStringLiteral("record"),
        tr("Write the replay's own traffic to this session file as it goes."), QStringLiteral("OUT"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
        tr("Longest wait for awaited replies, and for the last replies before closing, in seconds "
           "(decimals allowed; default 10)."),
        QStringLiteral("S"));
    const QCommandLineOption insecureOption(
        QStringLiteral("insecure"), tr("wss: accept a certificate that does not verify."));
    const QCommandLineOption serveOption(QStringLiteral("serve"),
        tr("Run a mock server that answers every client with the recorded server side."));
    const QCommandLineOption portOption(QStringLiteral("port"),
        tr("With --serve: the port (0, the default, picks a free one)."), QStringLiteral("P"));
    const QCommandLineOption quietOption(QStringList { QStringLiteral("q"), QStringLiteral("quiet") },
        tr("Do not print every event; only the replay's own lines and the comparison."));
    parser.addOptions({ connectionOption, urlOption, speedOption, fastOption, stepOption, waitOption,
        framesOption, compareOption, ignoreOption, recordOption, timeoutOption, insecureOption, serveOption,
        portOption, quietOption });

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeCommandHelp(out, parser, QStringLiteral("frameline-cli replay"));
        return 0;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(tr("no FILE: give the session file to replay"));
    if (positional.size() > 1)
        return fail(
            tr("give one FILE, not %1: %2").arg(positional.size()).arg(positional.join(QLatin1Char(' '))));

    ReplaySettings settings;
    settings.file = positional.constFirst();
    settings.serve = parser.isSet(serveOption);
    settings.quiet = parser.isSet(quietOption);
    settings.compare = parser.isSet(compareOption);
    settings.insecure = parser.isSet(insecureOption);
    settings.recordPath = parser.value(recordOption);
    settings.content
        = parser.isSet(framesOption) ? ReplayScript::Content::Frames : ReplayScript::Content::Messages;
    settings.replay.waitForReplies = parser.isSet(waitOption);

    const int pacingOptions
        = int(parser.isSet(speedOption)) + int(parser.isSet(fastOption)) + int(parser.isSet(stepOption));
    if (pacingOptions > 1)
        return fail(tr("give one of --speed, --fast and --step"));
    if (parser.isSet(speedOption)) {
        bool ok = false;
        const double speed = parser.value(speedOption).toDouble(&ok);
        if (!ok || !std::isfinite(speed) || speed <= 0)
            return fail(tr("--speed must be a number above 0 (2 plays twice as fast), not '%1'")
                            .arg(parser.value(speedOption)));
        settings.replay.speed = speed;
    }
    if (parser.isSet(fastOption))
        settings.replay.timing = ReplayOptions::Timing::Fast;
    if (parser.isSet(stepOption))
        settings.replay.timing = ReplayOptions::Timing::Step;
    if (parser.isSet(timeoutOption)) {
        QString error;
        if (!ListenOptions::parseSeconds(
                parser.value(timeoutOption), QStringLiteral("--timeout"), &settings.replay.replyTimeoutMs, &error))
            return fail(error);
    }
    if (parser.isSet(connectionOption)) {
        bool ok = false;
        const quint64 id = parser.value(connectionOption).toULongLong(&ok);
        if (!ok || id == 0)
            return fail(tr("--connection must be a connection id (a positive number), not '%1'")
                            .arg(parser.value(connectionOption)));
        settings.connectionId = id;
    }
    if (parser.isSet(ignoreOption) && !settings.compare)
        return fail(tr("--ignore needs --compare"));
    for (const QString &text : parser.values(ignoreOption)) {
        QString error;
        const auto path = Compare::Path::parse(text, &error);
        if (!path)
            return fail(tr("--ignore: %1").arg(error));
        settings.compareOptions.ignore.append(*path);
    }
    if (settings.serve) {
        for (const QCommandLineOption &option :
            { urlOption, stepOption, waitOption, compareOption, timeoutOption, insecureOption }) {
            if (parser.isSet(option))
                return fail(tr("--%1 is for replaying as a client, not with --serve")
                                .arg(option.names().constLast()));
        }
        if (parser.isSet(portOption)) {
            bool ok = false;
            const uint port = parser.value(portOption).toUInt(&ok);
            if (!ok || port > 65535)
                return fail(
                    tr("--port must be a number from 0 to 65535, not '%1'").arg(parser.value(portOption)));
            settings.port = quint16(port);
        }
    } else if (parser.isSet(portOption)) {
        return fail(tr("--port needs --serve"));
    }
    if (parser.isSet(urlOption)) {
        QString error;
        const auto url = ClientConnection::parseUrl(parser.value(urlOption), &error);
        if (!url)
            return fail(tr("--url: %1").arg(error));
        settings.url = *url;
    }

    // The recording.
    const SessionReader::Loaded loaded = SessionReader::load(settings.file);
    if (!loaded.ok)
        return fail(loaded.error);
    for (const QString &warning : loaded.warnings)
        writeText(err, tr("warning: %1").arg(warning) + u'\n');

    const Endpoint plays = settings.serve ? Endpoint::Server : Endpoint::Client;
    quint64 connectionId = settings.connectionId;
    if (connectionId == 0) {
        connectionId = ReplayScript::firstConnection(
            loaded.events, settings.serve ? std::nullopt : std::optional<Endpoint>(Endpoint::Client));
        if (connectionId == 0) {
            return fail(settings.serve
                    ? tr("%1 holds no connection to serve").arg(settings.file)
                    : tr("%1 holds no connection recorded by a client; give --connection ID "
                         "to replay the client side of a server's recording")
                          .arg(settings.file));
        }
    }
    QString error;
    const auto script = ReplayScript::build(loaded.events, connectionId, plays, settings.content, &error);
    if (!script)
        return fail(error);
    for (const QString &warning : script->warnings)
        writeText(err, tr("warning: %1").arg(warning) + u'\n');

    if (settings.serve) {
        MockServerReplay::Options options;
        options.replay = settings.replay;
        options.server.port = settings.port;
        ServeRun run(settings, *script, options, out);
        if (!run.openRecorder(&error))
            return fail(tr("--record: %1").arg(error));
        if (!run.listen(&error)) {
            writeText(err, tr("frameline-cli replay: %1").arg(error) + u'\n');
            return 1;
        }
        return run.exec();
    }

    ClientReplay::Options options;
    options.replay = settings.replay;
    options.url = settings.url;
    options.tls.ignoreCertificateErrors = settings.insecure;
    if (options.url.isEmpty()) {
        if (script->url.isEmpty())
            return fail(tr("connection #%1 has no recorded URL: give --url").arg(connectionId));
        const auto recorded = ClientConnection::parseUrl(script->url.toString(), &error);
        if (!recorded)
            return fail(tr("the recorded URL of connection #%1 cannot be used (%2): give --url")
                            .arg(connectionId)
                            .arg(error));
        options.url = *recorded;
    }
    if (settings.insecure && options.url.scheme() != QLatin1String("wss"))
        return fail(tr("--insecure is for wss:// URLs"));
    ClientRun run(settings, *script, options, out, err);
    if (!run.openRecorder(&error))
        return fail(tr("--record: %1").arg(error));
    return run.exec();
}

} // namespace Frameline
