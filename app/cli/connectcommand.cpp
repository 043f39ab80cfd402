#include "app/cli/connectcommand.h"

#include "app/cli/clientoptions.h"
#include "app/cli/eventprinter.h"
#include "app/cli/listenoptions.h"
#include "app/cli/signalwatcher.h"
#include "app/cli/textout.h"
#include "app/net/clientconnection.h"
#include "app/net/clock.h"
#include "app/protocol/closecode.h"
#include "app/session/sessionwriter.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QEventLoop>
#include <QtCore/QSet>
#include <QtCore/QSocketNotifier>
#include <QtCore/QTimer>

#include <cerrno>
#include <climits>
#include <cmath>
#include <csignal>
#include <optional>

#include <unistd.h>

namespace Frameline {

namespace {

// How long past the engine's own close timeout a closing connection may take before it is dropped.
constexpr int CloseGraceMs = 2000;

struct Outgoing
{
    bool binary = false;
    QByteArray payload;
};

struct ConnectSettings
{
    ClientConnection::Options connection;
    QList<Outgoing> messages;
    bool interactive = false;
    bool json = false;
    bool verbose = false;
    int closeAfterMs = -1;
    int timeoutMs = -1;
    QString recordPath; // --record: the session file to write as events arrive
};

// Hex with optional white space or ':' between bytes and an optional leading 0x.
std::optional<QByteArray> parseHex(const QString &text)
{
    QString digits = text.trimmed();
    if (digits.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        digits.remove(0, 2);
    QByteArray clean;
    for (const QChar c : std::as_const(digits)) {
        if (c.isSpace() || c == QLatin1Char(':'))
            continue;
        const char16_t u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F')))
            return std::nullopt;
        clean.append(char(c.unicode()));
    }
    if (clean.size() % 2 != 0)
        return std::nullopt;
    return QByteArray::fromHex(clean);
}

std::optional<int> parsePositiveInt(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value <= 0 || value > INT_MAX)
        return std::nullopt;
    return int(value);
}

// The order of --send and --send-binary among all arguments (QCommandLineParser keeps each option's
// values in order, but not their order relative to each other): true for binary.
QList<bool> sendOrder(const QStringList &arguments, const QSet<QString> &optionsWithValues)
{
    QList<bool> order;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            break;
        QString name;
        bool inlineValue = false;
        if (argument.startsWith(QLatin1String("--"))) {
            const qsizetype equals = argument.indexOf(QLatin1Char('='));
            inlineValue = equals > 0;
            name = argument.mid(2, inlineValue ? equals - 2 : -1);
        } else if (argument.startsWith(QLatin1Char('-')) && argument.size() == 2) {
            name = argument.mid(1);
        } else {
            continue;
        }
        if (name == QLatin1String("send"))
            order.append(false);
        else if (name == QLatin1String("send-binary"))
            order.append(true);
        if (!inlineValue && optionsWithValues.contains(name))
            ++i; // the next argument is this option's value, whatever it looks like
    }
    return order;
}

// RFC 6455 §7.4.1: the codes that say the connection ended as intended. Everything else (1002 protocol
// error, 1006 abnormal closure, 1011 internal error, ...) says it failed.
bool isCleanCloseCode(quint16 code)
{
    return code == CloseCode::Normal || code == CloseCode::GoingAway || code == CloseCode::NoStatusReceived
        || (code >= 3000 && code <= 4999);
}

// One run of the command: the connection, its timers, standard input and the signals.
class ConnectRun
{
public:
    ConnectRun(const ConnectSettings &settings, FILE *out)
        : m_settings(settings)
        , m_printer(settings.json ? EventPrinter::Format::Json : EventPrinter::Format::Human,
              Connection::Role::Client, out, settings.verbose)
        , m_client(settings.connection)
        , m_signals({ SIGINT, SIGTERM })
    {
        QObject::connect(&m_client, &Connection::eventsReady, &m_client, [this](const EventBatch &batch) {
            m_printer.print(batch);
            if (m_recorder.isOpen())
                m_recorder.write(batch);
        });
        QObject::connect(&m_client, &Connection::opened, &m_client, [this] { onOpened(); });
        QObject::connect(&m_client, &Connection::closed, &m_client, [this] { onClosed(); });
        QObject::connect(
            &m_signals, &SignalWatcher::signalReceived, &m_client, [this](int number) { onSignal(number); });

        // Durations the user asked for: never early (a coarse timer may fire 5 % before its time).
        m_closeAfterTimer.setTimerType(Qt::PreciseTimer);
        m_timeoutTimer.setTimerType(Qt::PreciseTimer);
        m_closeAfterTimer.setSingleShot(true);
        QObject::connect(&m_closeAfterTimer, &QTimer::timeout, &m_client, [this] {
            closeNow(ConnectCommand::tr("--close-after %1 ms elapsed: closing with 1000")
                         .arg(m_settings.closeAfterMs));
        });
        m_timeoutTimer.setSingleShot(true);
        QObject::connect(&m_timeoutTimer, &QTimer::timeout, &m_client, [this] { onTimeout(); });
        m_deadlineTimer.setSingleShot(true);
        QObject::connect(&m_deadlineTimer, &QTimer::timeout, &m_client, [this] {
            noteError(ConnectCommand::tr("the connection did not end in time; giving up"));
            finish(1);
        });

        if (settings.interactive) {
            m_stdin = new QSocketNotifier(qintptr(STDIN_FILENO), QSocketNotifier::Read, &m_client);
            QObject::connect(m_stdin, &QSocketNotifier::activated, &m_client, [this] { onStdinReadable(); });
        }
    }

    // --record: creates the session file (header written at once); its events follow as they arrive and
    // reach the disk within SessionWriter::DefaultFlushIntervalMs, so a killed process leaves a file that
    // opens.
    bool startRecording(QString *error)
    {
        if (m_settings.recordPath.isEmpty())
            return true;
        if (!m_recorder.create(m_settings.recordPath)) {
            *error = m_recorder.errorString();
            return false;
        }
        // A recording that fails later (a full disk) is reported once; the connection goes on, the exit
        // status says it.
        QObject::connect(
            &m_recorder, &SessionWriter::errorOccurred, &m_client, [this](const QString &message) {
                m_recordingFailed = true;
                m_printer.printError(m_client.id(), message);
            });
        return true;
    }

    int exec()
    {
        QTimer::singleShot(0, &m_client, [this] {
            if (m_settings.timeoutMs > 0)
                m_timeoutTimer.start(m_settings.timeoutMs);
            m_client.open();
        });
        int code = m_loop.exec();
        if (m_recorder.isOpen()) {
            m_client.flushEvents();
            if (!m_recorder.close())
                m_recordingFailed = true;
        }
        if (m_recordingFailed && code == 0)
            code = 1;
        return code;
    }

private:
    void onOpened()
    {
        m_opened = true;
        for (const Outgoing &message : std::as_const(m_settings.messages))
            send(message);
        sendPendingLines();
        if (m_settings.closeAfterMs >= 0)
            m_closeAfterTimer.start(m_settings.closeAfterMs);
        if (m_stdinEnded)
            closeNow(ConnectCommand::tr("end of standard input: closing with 1000"));
    }

    // The command's own lines go after the connection's events so far, which wait in its batch; a
    // recording gets them as notices.
    void note(const QString &text)
    {
        m_client.flushEvents();
        m_printer.printInfo(m_client.id(), text);
        record(ConnectionNotice::Kind::Info, text);
    }
    void noteError(const QString &text)
    {
        m_client.flushEvents();
        m_printer.printError(m_client.id(), text);
        record(ConnectionNotice::Kind::Error, text);
    }
    void record(ConnectionNotice::Kind kind, const QString &text)
    {
        if (!m_recorder.isOpen())
            return;
        ConnectionNotice notice;
        notice.connectionId = m_client.id();
        notice.timestampNs = Clock::nowNs();
        notice.kind = kind;
        notice.state = m_client.state();
        notice.text = text;
        m_recorder.write(notice);
    }

    void send(const Outgoing &message)
    {
        const bool sent
            = message.binary ? m_client.sendBinary(message.payload) : m_client.sendText(message.payload);
        if (!sent)
            noteError(m_client.errorString());
    }

    void sendPendingLines()
    {
        if (m_client.state() != ConnectionState::Open)
            return;
        for (const QByteArray &line : std::as_const(m_pendingLines))
            send({ false, line });
        m_pendingLines.clear();
    }

    void onStdinReadable()
    {
        char buffer[65536];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (got > 0) {
            m_stdinBuffer.append(buffer, got);
            qsizetype newline;
            while ((newline = m_stdinBuffer.indexOf('\n')) >= 0) {
                QByteArray line = m_stdinBuffer.left(newline);
                m_stdinBuffer.remove(0, newline + 1);
                if (line.endsWith('\r'))
                    line.chop(1);
                m_pendingLines.append(line);
            }
            sendPendingLines();
            return;
        }
        // End of input (or an error reading it): the last line may lack its line break.
        m_stdin->setEnabled(false);
        m_stdinEnded = true;
        if (!m_stdinBuffer.isEmpty())
            m_pendingLines.append(m_stdinBuffer);
        m_stdinBuffer.clear();
        if (m_client.state() == ConnectionState::Open) {
            sendPendingLines();
            closeNow(ConnectCommand::tr("end of standard input: closing with 1000"));
        }
    }

    // Starts the closing handshake (or stops a connection that is not open yet) and bounds the wait.
    void closeNow(const QString &why)
    {
        m_stopping = true;
        switch (m_client.state()) {
        case ConnectionState::Open:
            note(why);
            m_client.stop(CloseCode::Normal);
            break;
        case ConnectionState::Closing:
            break;
        case ConnectionState::Closed:
        case ConnectionState::Idle:
            // Between attempts (a reconnect was pending) or not started: nothing will close any more.
            m_client.stop();
            note(why);
            finish(1);
            return;
        default:
            note(why);
            m_client.stop();
            break;
        }
        if (!m_deadlineTimer.isActive())
            m_deadlineTimer.start(m_client.settings().closeTimeoutMs + CloseGraceMs);
    }

    void onTimeout()
    {
        const QString seconds = QString::number(double(m_settings.timeoutMs) / 1000.0);
        if (m_client.state() == ConnectionState::Open)
            closeNow(ConnectCommand::tr("--timeout %1 s reached: closing with 1000").arg(seconds));
        else
            closeNow(
                ConnectCommand::tr("--timeout %1 s reached before the connection was open").arg(seconds));
    }

    void onSignal(int number)
    {
        const QString name = number == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM");
        if (m_interrupted) {
            // A second signal: the user does not want to wait for the peer.
            note(ConnectCommand::tr("%1 again: dropping the connection").arg(name));
            m_client.abort();
            finish(1);
            return;
        }
        m_interrupted = true;
        closeNow(
            ConnectCommand::tr("%1: closing with 1000 (send it again to drop the connection)").arg(name));
    }

    void onClosed()
    {
        m_closeAfterTimer.stop();
        if (m_client.isReconnectPending() && !m_stopping)
            return; // the engine dials again; its events say when
        // A strict endpoint that failed the connection sent the code of the violation (1002, 1007, 1009):
        // not a clean code, so a strict failure never exits 0.
        const CloseInfo &info = m_client.closeInfo();
        const bool clean = m_opened && info.closingHandshakeCompleted && isCleanCloseCode(info.code)
            && (info.sentCode == 0 || isCleanCloseCode(info.sentCode));
        finish(clean ? 0 : 1);
    }

    void finish(int code)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_deadlineTimer.stop();
        m_timeoutTimer.stop();
        if (m_stdin)
            m_stdin->setEnabled(false);
        // Let the loop start first if the connection ended before it did.
        QTimer::singleShot(0, &m_loop, [this, code] { m_loop.exit(code); });
    }

    ConnectSettings m_settings;
    EventPrinter m_printer;
    SessionWriter m_recorder; // before m_client: it outlives the connection's last events
    bool m_recordingFailed = false;
    ClientConnection m_client;
    SignalWatcher m_signals;
    QEventLoop m_loop;
    QTimer m_closeAfterTimer;
    QTimer m_timeoutTimer;
    QTimer m_deadlineTimer;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_stdinBuffer;
    QList<QByteArray> m_pendingLines;
    bool m_stdinEnded = false;
    bool m_opened = false;
    bool m_stopping = false;
    bool m_interrupted = false;
    bool m_finished = false;
};

} // namespace

QString ConnectCommand::summary()
{
    return tr("Open a ws:// or wss:// connection, send messages and print every event");
}

int ConnectCommand::run(const QStringList &arguments, FILE *out, FILE *err)
{
    const auto fail = [err](const QString &message) {
        const QByteArray text
            = tr("frameline-cli connect: %1 (see 'frameline-cli connect --help')").arg(message).toUtf8()
            + '\n';
        std::fwrite(text.constData(), 1, size_t(text.size()), err);
        return 2;
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(summary() + QLatin1Char('\n')
        + tr("\nOpens the connection, sends the --send and --send-binary messages in the order\n"
             "given once it is open, and prints each event on one line until the connection\n"
             "ends: states, the opening handshake (status, subprotocol, extensions), TLS,\n"
             "every frame and message both ways, violations of RFC 6455 / RFC 7692 (marked\n"
             "!!), ping round trips and errors. With --json each event is a JSON object;\n"
             "frames and messages carry the fields of 'frameline-cli decode'.\n"
             "\nThe connection is closed with 1000 after --close-after, at --timeout, at the\n"
             "end of standard input (--interactive) or on SIGINT/SIGTERM (a second signal\n"
             "drops it at once).\n"
             "\nWith --record FILE every event also goes to a session file (docs/session-\n"
             "format.md) as it happens; the file reaches the disk at least every 200 ms, so\n"
             "even a killed process leaves a file that 'frameline-cli info' and the desktop\n"
             "app open.\n"
             "\nExit status: 0 after a clean close (the closing handshake completed with 1000,\n"
             "1001, no code or 3000-4999); 1 when the connection failed (handshake refused,\n"
             "connection error, abnormal closure, an error close code, or --timeout before it\n"
             "opened) or the --record file could not be written; 2 for bad arguments (or a\n"
             "--record file that cannot be created)."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("URL"), tr("ws://host[:port]/path or wss://...; 'host:port/path' means ws://."));

    const ClientOptions client;
    const QCommandLineOption sendOption(
        QStringLiteral("send"), tr("Text message to send once open (repeatable)."), QStringLiteral("TEXT"));
    const QCommandLineOption sendBinaryOption(QStringLiteral("send-binary"),
        tr("Binary message to send once open, as hex (repeatable)."), QStringLiteral("HEX"));
    const QCommandLineOption closeAfterOption(QStringLiteral("close-after"),
        tr("Close with 1000 this many milliseconds after the connection opened."), QStringLiteral("MS"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
        tr("End the run after S seconds (decimals allowed): close with 1000 if open, "
           "give up otherwise."),
        QStringLiteral("S"));
    const QCommandLineOption reconnectOption(QStringLiteral("reconnect"),
        tr("Dial again after an abnormal closure, waiting 1 s, 2 s, 4 s ... up to 30 s."));
    const QCommandLineOption reconnectAttemptsOption(QStringLiteral("reconnect-attempts"),
        tr("With --reconnect: give up after N attempts (default: no limit)."), QStringLiteral("N"));
    const QCommandLineOption interactiveOption(QStringLiteral("interactive"),
        tr("Send each line of standard input as a text message; the end of "
           "input closes with 1000."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object per event."));
    const QCommandLineOption verboseOption(QStringList { QStringLiteral("v"), QStringLiteral("verbose") },
        tr("Also print the raw handshake request and response."));
    const QCommandLineOption recordOption(QStringLiteral("record"),
        tr("Also write every event to this session file (replaced) as it happens."), QStringLiteral("FILE"));
    QList<QCommandLineOption> options = client.dialOptions();
    options << sendOption << sendBinaryOption << closeAfterOption << timeoutOption;
    options << client.engineOptions();
    options << reconnectOption << reconnectAttemptsOption << interactiveOption << jsonOption << verboseOption
            << recordOption;
    parser.addOptions(options);

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeCommandHelp(out, parser, QStringLiteral("frameline-cli connect"));
        return 0;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(tr("no URL: give the ws:// or wss:// URL to connect to"));
    if (positional.size() > 1)
        return fail(
            tr("give one URL, not %1: %2").arg(positional.size()).arg(positional.join(QLatin1Char(' '))));

    ConnectSettings settings;
    ClientConnection::Options &connection = settings.connection;
    QString error;
    const auto url = ClientConnection::parseUrl(positional.constFirst(), &error);
    if (!url)
        return fail(error);
    connection.url = *url;
    if (!client.applyDialOptions(parser, &connection, &error))
        return fail(error);

    // Messages, in the order they were given.
    const QStringList texts = parser.values(sendOption);
    const QStringList hexes = parser.values(sendBinaryOption);
    QSet<QString> optionsWithValues;
    for (const QCommandLineOption &option : options) {
        if (!option.valueName().isEmpty()) {
            for (const QString &name : option.names())
                optionsWithValues.insert(name);
        }
    }
    QList<bool> order = sendOrder(arguments, optionsWithValues);
    if (order.count(false) != texts.size() || order.count(true) != hexes.size()) {
        // Could not follow the arguments (an unusual spelling): texts first, then binaries.
        order = QList<bool>(texts.size(), false) + QList<bool>(hexes.size(), true);
    }
    qsizetype nextText = 0;
    qsizetype nextHex = 0;
    for (bool binary : std::as_const(order)) {
        if (!binary) {
            settings.messages.append({ false, texts.at(nextText++).toUtf8() });
            continue;
        }
        const QString &hex = hexes.at(nextHex++);
        const auto bytes = parseHex(hex);
        if (!bytes)
            return fail(
                tr("--send-binary '%1' is not hex (two digits per byte; spaces and ':' allowed)").arg(hex));
        settings.messages.append({ true, *bytes });
    }

    if (!client.applyEngineOptions(parser, &connection.settings, &error))
        return fail(error);
    if (parser.isSet(closeAfterOption)) {
        bool ok = false;
        const qint64 ms = parser.value(closeAfterOption).toLongLong(&ok);
        if (!ok || ms < 0 || ms > INT_MAX)
            return fail(tr("--close-after must be a number of milliseconds, not '%1'")
                            .arg(parser.value(closeAfterOption)));
        settings.closeAfterMs = int(ms);
    }
    if (parser.isSet(timeoutOption)
        && !ListenOptions::parseSeconds(
            parser.value(timeoutOption), QStringLiteral("--timeout"), &settings.timeoutMs, &error))
        return fail(error);
    if (parser.isSet(reconnectAttemptsOption) && !parser.isSet(reconnectOption))
        return fail(tr("--reconnect-attempts needs --reconnect"));
    connection.reconnect.enabled = parser.isSet(reconnectOption);
    if (parser.isSet(reconnectAttemptsOption)) {
        const auto attempts = parsePositiveInt(parser.value(reconnectAttemptsOption));
        if (!attempts)
            return fail(tr("--reconnect-attempts must be a positive number, not '%1'")
                            .arg(parser.value(reconnectAttemptsOption)));
        connection.reconnect.maxAttempts = *attempts;
    }
    settings.interactive = parser.isSet(interactiveOption);
    settings.json = parser.isSet(jsonOption);
    settings.verbose = parser.isSet(verboseOption);
    if (parser.isSet(recordOption)) {
        settings.recordPath = parser.value(recordOption);
        if (settings.recordPath.isEmpty())
            return fail(tr("--record needs a file name"));
    }

    ConnectRun run(settings, out);
    if (!run.startRecording(&error)) {
        const QByteArray text = tr("frameline-cli connect: %1").arg(error).toUtf8() + '\n';
        std::fwrite(text.constData(), 1, size_t(text.size()), err);
        return 2;
    }
    return run.exec();
}

} // namespace Frameline
