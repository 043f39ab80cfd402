#include "app/cli/servecommand.h"

#include "app/cli/eventprinter.h"
#include "app/cli/listenoptions.h"
#include "app/cli/signalwatcher.h"
#include "app/cli/textout.h"
#include "app/net/clock.h"
#include "app/net/server.h"
#include "app/net/tlsoptions.h"
#include "app/protocol/closecode.h"
#include "app/session/sessionwriter.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QEventLoop>
#include <QtCore/QTimer>

#include <climits>
#include <csignal>
#include <optional>

namespace Frameline {

namespace {

// How long past the engine's own close timeout the clients may take to close before the server gives up.
constexpr int CloseGraceMs = 2000;

struct ServeSettings
{
    Server::Options server;
    bool json = false;
    bool verbose = false;
    QString recordPath; // --record: the session file to write as events arrive
};

std::optional<int> parsePositiveInt(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value <= 0 || value > INT_MAX)
        return std::nullopt;
    return int(value);
}

// One run of the command: the server, its clients and the signals that end it.
class ServeRun
{
public:
    ServeRun(const ServeSettings &settings, FILE *out)
        : m_printer(settings.json ? EventPrinter::Format::Json : EventPrinter::Format::Human,
            Connection::Role::Server, out, settings.verbose)
        , m_server(settings.server)
        , m_signals({ SIGINT, SIGTERM })
    {
        QObject::connect(&m_server, &Server::eventsReady, &m_server, [this](const EventBatch &batch) {
            m_printer.print(batch);
            if (m_recorder.isOpen())
                m_recorder.write(batch);
        });
        QObject::connect(&m_server, &Server::clientClosed, &m_server, [this] {
            if (m_stopping && m_server.clients().isEmpty())
                finish(0);
        });
        QObject::connect(
            &m_signals, &SignalWatcher::signalReceived, &m_server, [this](int number) { onSignal(number); });
        m_deadlineTimer.setSingleShot(true);
        QObject::connect(&m_deadlineTimer, &QTimer::timeout, &m_server, [this] {
            flushClients();
            error(ServeCommand::tr("%n client(s) did not close in time; dropping them", nullptr,
                int(m_server.clients().size())));
            finish(1);
        });
    }

    // False and *error when the server cannot listen.
    bool listen(QString *error)
    {
        if (!m_server.listen(error))
            return false;
        m_printer.printListening(
            m_server.url(), m_server.address().toString(), m_server.port(), m_server.certificateFile());
        return true;
    }

    // --record: creates the session file; every client's events follow as they arrive and reach the disk
    // within SessionWriter::DefaultFlushIntervalMs.
    bool startRecording(const QString &path, QString *errorText)
    {
        if (path.isEmpty())
            return true;
        if (!m_recorder.create(path)) {
            *errorText = m_recorder.errorString();
            return false;
        }
        // A recording that fails later (a full disk) is reported once; the server goes on, the exit status
        // says it.
        QObject::connect(
            &m_recorder, &SessionWriter::errorOccurred, &m_server, [this](const QString &message) {
                m_recordingFailed = true;
                m_printer.printError(0, message);
            });
        return true;
    }

    int exec()
    {
        int code = m_loop.exec();
        if (m_recorder.isOpen()) {
            flushClients();
            if (!m_recorder.close())
                m_recordingFailed = true;
        }
        if (m_recordingFailed && code == 0)
            code = 1;
        return code;
    }

private:
    void onSignal(int number)
    {
        const QString name = number == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM");
        flushClients();
        if (m_stopping) {
            info(ServeCommand::tr("%1 again: dropping every client").arg(name));
            finish(1);
            return;
        }
        m_stopping = true;
        const int clients = int(m_server.clients().size());
        info(ServeCommand::tr("%1: closing %n client(s) with 1001 and shutting down", nullptr, clients)
                 .arg(name));
        // RFC 6455 §7.4.1: 1001, the endpoint is going away.
        m_server.stop(CloseCode::GoingAway);
        if (m_server.clients().isEmpty()) {
            finish(0);
            return;
        }
        m_deadlineTimer.start(m_server.options().settings.closeTimeoutMs + CloseGraceMs);
    }

    // The command's own lines (printed, and recorded as notices of no particular connection).
    void info(const QString &text)
    {
        m_printer.printInfo(0, text);
        record(ConnectionNotice::Kind::Info, text);
    }
    void error(const QString &text)
    {
        m_printer.printError(0, text);
        record(ConnectionNotice::Kind::Error, text);
    }
    void record(ConnectionNotice::Kind kind, const QString &text)
    {
        if (!m_recorder.isOpen())
            return;
        ConnectionNotice notice;
        notice.timestampNs = Clock::nowNs();
        notice.kind = kind;
        notice.text = text;
        m_recorder.write(notice);
    }

    // The command's own lines go after the clients' events so far, which wait in their batches.
    void flushClients()
    {
        for (Connection *client : m_server.clients())
            client->flushEvents();
    }

    void finish(int code)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_deadlineTimer.stop();
        QTimer::singleShot(0, &m_loop, [this, code] { m_loop.exit(code); });
    }

    EventPrinter m_printer;
    SessionWriter m_recorder; // before m_server: it outlives the clients' last events
    bool m_recordingFailed = false;
    Server m_server;
    SignalWatcher m_signals;
    QEventLoop m_loop;
    QTimer m_deadlineTimer;
    bool m_stopping = false;
    bool m_finished = false;
};

} // namespace

QString ServeCommand::summary()
{
    return tr("Run a local WebSocket server (ws or wss; echo, broadcast or silent) and print every event");
}

int ServeCommand::run(const QStringList &arguments, FILE *out, FILE *err)
{
    const auto fail = [err](const QString &message, int code = 2) {
        QByteArray text = tr("frameline-cli serve: %1").arg(message).toUtf8();
        if (code == 2)
            text += tr(" (see 'frameline-cli serve --help')").toUtf8();
        text += '\n';
        std::fwrite(text.constData(), 1, size_t(text.size()), err);
        return code;
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(summary() + QLatin1Char('\n')
        + tr("\nListens (on 127.0.0.1 unless --host says otherwise) and prints its URL first\n"
             "(\"listening on ws://127.0.0.1:PORT/\", or {\"type\":\"listening\",\"url\":...} with\n"
             "--json), then every event of every client on one line, [#N] naming the client:\n"
             "states, handshakes, TLS, frames, messages, violations. Without --echo or\n"
             "--broadcast the server only shows what clients send.\n"
             "On SIGINT or SIGTERM it closes every client with 1001, waits for their closing\n"
             "handshakes and exits (a second signal drops them at once).\n"
             "With --record FILE every client's events also go to one session file as they\n"
             "happen (each client a connection of its own); the file reaches the disk at\n"
             "least every 200 ms, so even a killed server leaves a file that opens.\n"
             "\nExit status: 0 after a clean shutdown; 1 when it cannot listen (or clients did\n"
             "not close in time, or the --record file could not be written); 2 for bad\n"
             "arguments (or a --record file that cannot be created)."));
    parser.addHelpOption();
    const QCommandLineOption hostOption(QStringLiteral("host"),
        tr("Address to listen on: 127.0.0.1 (the default), ::1, 0.0.0.0 or :: for "
           "every interface, or one local address."),
        QStringLiteral("H"));
    const QCommandLineOption portOption(QStringLiteral("port"),
        tr("Port to listen on; 0 (the default) picks a free one."), QStringLiteral("P"));
    const QCommandLineOption tlsOption(QStringLiteral("tls"),
        tr("Serve wss://, with --cert and --key or else a self-signed certificate for "
           "localhost (kept in the app-data folder; its path is printed)."));
    const QCommandLineOption certOption(
        QStringLiteral("cert"), tr("With --tls: the certificate (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption keyOption(
        QStringLiteral("key"), tr("With --tls: its private key (PEM, unencrypted)."), QStringLiteral("FILE"));
    const QCommandLineOption echoOption(QStringLiteral("echo"), tr("Send every message back to its sender."));
    const QCommandLineOption broadcastOption(
        QStringLiteral("broadcast"), tr("Send every message to every client."));
    const QCommandLineOption subprotocolOption(QStringLiteral("subprotocol"),
        tr("Subprotocol to accept (repeatable; the first one listed that a client "
           "offers is chosen)."),
        QStringLiteral("P"));
    const QCommandLineOption originOption(QStringLiteral("allow-origin"),
        tr("Accept only this Origin (repeatable; '*' for any); others get 403. "
           "Requests without Origin pass."),
        QStringLiteral("O"));
    const QCommandLineOption rejectOption(QStringLiteral("reject"),
        tr("Answer every opening handshake with this HTTP status (200-599) instead "
           "of 101."),
        QStringLiteral("STATUS"));
    const QCommandLineOption noDeflateOption(QStringLiteral("no-deflate"), tr("Decline permessage-deflate."));
    const QCommandLineOption strictOption(
        QStringLiteral("strict"), tr("Fail a client's connection on any violation (the default)."));
    const QCommandLineOption lenientOption(
        QStringLiteral("lenient"), tr("Report violations but keep connections open."));
    const QCommandLineOption maxMessageOption(QStringLiteral("max-message"),
        tr("Largest incoming message in bytes (default %1).").arg(DecoderLimits().maxMessageSize),
        QStringLiteral("BYTES"));
    const QCommandLineOption pingOption(QStringLiteral("ping-interval"),
        tr("Ping every client every MS milliseconds and show the round trip."), QStringLiteral("MS"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object per event."));
    const QCommandLineOption verboseOption(QStringList { QStringLiteral("v"), QStringLiteral("verbose") },
        tr("Also print the raw handshake request and response."));
    const QCommandLineOption recordOption(QStringLiteral("record"),
        tr("Also write every client's events to this session file (replaced) as they happen."),
        QStringLiteral("FILE"));
    parser.addOptions({ hostOption, portOption, tlsOption, certOption, keyOption, echoOption, broadcastOption,
        subprotocolOption, originOption, rejectOption, noDeflateOption, strictOption, lenientOption,
        maxMessageOption, pingOption, jsonOption, verboseOption, recordOption });

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeCommandHelp(out, parser, QStringLiteral("frameline-cli serve"));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    ServeSettings settings;
    Server::Options &server = settings.server;
    if ((parser.isSet(certOption) || parser.isSet(keyOption)) && !parser.isSet(tlsOption))
        return fail(tr("--cert and --key need --tls"));
    QString listenError;
    if (!ListenOptions::apply(
            parser, hostOption, portOption, tlsOption, certOption, keyOption, &server, &listenError))
        return fail(listenError);

    if (parser.isSet(echoOption) && parser.isSet(broadcastOption))
        return fail(tr("give either --echo or --broadcast, not both"));
    server.behaviour = parser.isSet(echoOption) ? Server::Behaviour::Echo
        : parser.isSet(broadcastOption)         ? Server::Behaviour::Broadcast
                                                : Server::Behaviour::Manual;
    for (const QString &subprotocol : parser.values(subprotocolOption)) {
        if (!HttpMessage::isToken(subprotocol.toUtf8()))
            return fail(tr("--subprotocol '%1' is not a token (RFC 6455 §4.1: no spaces, commas or quotes)")
                            .arg(subprotocol));
        server.handshake.subprotocols.append(subprotocol.toUtf8());
    }
    for (const QString &origin : parser.values(originOption)) {
        if (origin.isEmpty() || !HttpMessage::isValidFieldValue(origin.toUtf8()))
            return fail(tr("--allow-origin '%1' is not a valid origin").arg(origin));
        server.handshake.allowedOrigins.append(origin.toUtf8());
    }
    if (parser.isSet(rejectOption)) {
        bool ok = false;
        const int status = parser.value(rejectOption).toInt(&ok);
        if (!ok || status < 200 || status > 599)
            return fail(tr("--reject must be an HTTP status from 200 to 599, not '%1'")
                            .arg(parser.value(rejectOption)));
        Handshake::Rejection rejection;
        rejection.statusCode = status;
        server.handshake.rejectWith = rejection;
    }
    server.handshake.deflate.enabled = !parser.isSet(noDeflateOption);

    Connection::Settings &engine = server.settings;
    if (parser.isSet(strictOption) && parser.isSet(lenientOption))
        return fail(tr("give either --strict or --lenient, not both"));
    engine.strict = !parser.isSet(lenientOption);
    if (parser.isSet(maxMessageOption)) {
        bool ok = false;
        const quint64 bytes = parser.value(maxMessageOption).toULongLong(&ok);
        if (!ok || bytes == 0)
            return fail(tr("--max-message must be a positive number of bytes, not '%1'")
                            .arg(parser.value(maxMessageOption)));
        engine.limits.maxMessageSize = bytes;
        engine.limits.maxFramePayload = qMin(engine.limits.maxFramePayload, bytes);
    }
    if (parser.isSet(pingOption)) {
        const auto ms = parsePositiveInt(parser.value(pingOption));
        if (!ms)
            return fail(tr("--ping-interval must be a positive number of milliseconds, not '%1'")
                            .arg(parser.value(pingOption)));
        engine.pingIntervalMs = *ms;
    }
    settings.json = parser.isSet(jsonOption);
    settings.verbose = parser.isSet(verboseOption);
    if (parser.isSet(recordOption)) {
        settings.recordPath = parser.value(recordOption);
        if (settings.recordPath.isEmpty())
            return fail(tr("--record needs a file name"));
    }

    ServeRun run(settings, out);
    QString error;
    // The file first: a server that cannot record what it was asked to record does not start.
    if (!run.startRecording(settings.recordPath, &error)) {
        const QByteArray text = tr("frameline-cli serve: %1").arg(error).toUtf8() + '\n';
        std::fwrite(text.constData(), 1, size_t(text.size()), err);
        return 2;
    }
    if (!run.listen(&error))
        return fail(error, 1);
    return run.exec();
}

} // namespace Frameline
