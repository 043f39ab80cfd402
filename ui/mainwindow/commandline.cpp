#include "ui/mainwindow/commandline.h"

#include "app/net/clientconnection.h"
#include "ui/mainwindow/languageloader.h"
#include "ui/session/sessionfiles.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QFileInfo>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string_view>

namespace Frameline {

namespace {

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(
        stderr, "%s: %s\n", qUtf8Printable(QCoreApplication::applicationName()), qUtf8Printable(message));
    std::exit(2);
}

// A positional argument is a URL when it names the ws or wss scheme, or when it is not an existing file
// but reads as a WebSocket address ("localhost:9001").
bool looksLikeUrl(const QString &argument)
{
    const QString lower = argument.toLower();
    if (lower.startsWith(QStringLiteral("ws://")) || lower.startsWith(QStringLiteral("wss://")))
        return true;
    if (QFileInfo::exists(argument))
        return false;
    QString error;
    return argument.contains(QLatin1Char(':')) && ClientConnection::parseUrl(argument, &error).has_value();
}

} // namespace

QString CommandLine::languageArgument(const QStringList &arguments)
{
    static const QString option = QStringLiteral("--lang");
    static const QString optionWithValue = QStringLiteral("--lang=");
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QStringLiteral("--"))
            break;
        if (argument == option && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (argument.startsWith(optionWithValue))
            return argument.mid(optionWithValue.size());
    }
    return QString();
}

namespace {

enum class Outcome : quint8 { Run, Help, Version };

struct Parsed
{
    StartupOptions options;
    Outcome outcome = Outcome::Run;
    QString error;
    QString helpText;
};

Parsed parseArguments(const QStringList &arguments)
{
    Parsed result;
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandLine::tr(
        "Frameline, a WebSocket debugger: connect to WebSocket servers, run local ones, and see every frame, "
        "message and handshake. With a URL it opens a client tab and connects; with --server it opens a "
        "server tab and listens; with a session or HAR file it opens it read-only; with any other file or "
        "--decode-hex it opens the frame decoder. With nothing, it reopens the tabs of last time (or, the "
        "first time, a tab connected to its own echo server)."));
    // Value names stay in ASCII: terminals give other scripts a different width, which breaks the columns
    // of the help text.
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
        CommandLine::tr("User interface language: %1 (default: the one chosen in Preferences, or the "
                        "system's).")
            .arg(LanguageLoader::availableLanguages().join(QStringLiteral(", "))),
        QStringLiteral("language"));
    const QCommandLineOption serverOption(QStringLiteral("server"),
        CommandLine::tr("Open a server tab listening on 127.0.0.1 at this port (0 picks a free one)."),
        QStringLiteral("port"));
    const QCommandLineOption decodeHexOption(QStringLiteral("decode-hex"),
        CommandLine::tr("Start with these bytes, written as hex (e.g. \"81 05 48 65 6c 6c 6f\")."),
        QStringLiteral("hex"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
        CommandLine::tr("Who sent the bytes: client or server (default: client)."), QStringLiteral("sender"));
    const QCommandLineOption extensionsOption(QStringLiteral("extensions"),
        CommandLine::tr("The agreed Sec-WebSocket-Extensions value, e.g. \"permessage-deflate; "
                        "server_no_context_takeover\"."),
        QStringLiteral("value"));
    const QCommandLineOption selectFrameOption(QStringLiteral("select-frame"),
        CommandLine::tr("Select this frame (numbered from 0) to show its details."),
        QStringLiteral("number"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        CommandLine::tr(
            "Save a picture of the window to this PNG file once it is shown, then quit (for documentation)."),
        QStringLiteral("file"));
    parser.addOptions({ langOption, serverOption, decodeHexOption, fromOption, extensionsOption,
        selectFrameOption, screenshotOption });
    parser.addPositionalArgument(QStringLiteral("url|file"),
        CommandLine::tr("A ws:// or wss:// URL to connect to, a session or HAR file to open read-only, or a "
                        "file of raw bytes to decode (instead of --decode-hex)."),
        QStringLiteral("[url|file]"));
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.outcome = Outcome::Help;
        result.helpText = parser.helpText();
        if (!result.helpText.endsWith(QLatin1Char('\n')))
            result.helpText += QLatin1Char('\n');
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.outcome = Outcome::Version;
        return result;
    }

    StartupOptions &options = result.options;
    options.language = parser.value(langOption);
    if (!options.language.isEmpty() && !LanguageLoader::availableLanguages().contains(options.language)) {
        result.error
            = CommandLine::tr("unknown language “%1”; use one of: %2")
                  .arg(options.language, LanguageLoader::availableLanguages().join(QStringLiteral(", ")));
        return result;
    }
    if (parser.isSet(serverOption)) {
        bool ok = false;
        const int port = parser.value(serverOption).toInt(&ok);
        if (!ok || port < 0 || port > 65535) {
            result.error = CommandLine::tr("--server takes a port from 0 to 65535, not “%1”")
                               .arg(parser.value(serverOption));
            return result;
        }
        options.serverPort = port;
    }
    if (parser.isSet(decodeHexOption))
        options.decodeHex = parser.value(decodeHexOption);
    if (parser.isSet(fromOption)) {
        const QString from = parser.value(fromOption);
        if (from == QStringLiteral("client")) {
            options.sender = Endpoint::Client;
        } else if (from == QStringLiteral("server")) {
            options.sender = Endpoint::Server;
        } else {
            result.error = CommandLine::tr("--from takes client or server, not “%1”").arg(from);
            return result;
        }
    }
    if (parser.isSet(extensionsOption))
        options.extensions = parser.value(extensionsOption);
    if (parser.isSet(selectFrameOption)) {
        bool ok = false;
        const int frame = parser.value(selectFrameOption).toInt(&ok);
        if (!ok || frame < 0) {
            result.error = CommandLine::tr("--select-frame takes a frame number from 0, not “%1”")
                               .arg(parser.value(selectFrameOption));
            return result;
        }
        options.selectFrame = frame;
    }
    options.screenshotFile = parser.value(screenshotOption);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        result.error = CommandLine::tr("give at most one URL or bytes file");
        return result;
    }
    if (!positional.isEmpty()) {
        if (looksLikeUrl(positional.first())) {
            QString urlError;
            const std::optional<QUrl> url = ClientConnection::parseUrl(positional.first(), &urlError);
            if (!url) {
                result.error
                    = CommandLine::tr("“%1” is not a WebSocket URL: %2").arg(positional.first(), urlError);
                return result;
            }
            options.url = url->toString();
        } else if (QFileInfo(positional.first()).isFile()
            && SessionFiles::sniff(positional.first()) != SessionFiles::Kind::Other) {
            options.sessionFile = positional.first();
        } else {
            if (options.decodeHex) {
                result.error = CommandLine::tr("give either a bytes file or --decode-hex, not both");
                return result;
            }
            options.bytesFile = positional.first();
        }
    }
    return result;
}

} // namespace

std::optional<StartupOptions> CommandLine::tryParse(const QStringList &arguments, QString *error)
{
    Parsed parsed = parseArguments(arguments);
    if (parsed.outcome != Outcome::Run) {
        *error = tr("--help or --version was given");
        return std::nullopt;
    }
    if (!parsed.error.isEmpty()) {
        *error = parsed.error;
        return std::nullopt;
    }
    return parsed.options;
}

bool CommandLine::asksForHelpOrVersion(int argc, const char *const *argv)
{
    static constexpr std::string_view asks[] { "-h", "-?", "--help", "-v", "--version" };
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument(argv[i]);
        if (argument == "--")
            break;
        if (std::find(std::begin(asks), std::end(asks), argument) != std::end(asks))
            return true;
    }
    return false;
}

namespace {

// Prints the help or the version when that is what the command line asked for.
bool printAnswer(const Parsed &parsed)
{
    switch (parsed.outcome) {
    case Outcome::Help:
        std::fputs(qUtf8Printable(parsed.helpText), stdout);
        return true;
    case Outcome::Version:
        std::printf("%s %s\n", qUtf8Printable(QCoreApplication::applicationName()),
            qUtf8Printable(QCoreApplication::applicationVersion()));
        return true;
    case Outcome::Run:
        break;
    }
    return false;
}

} // namespace

bool CommandLine::printHelpOrVersion(const QStringList &arguments)
{
    return printAnswer(parseArguments(arguments));
}

StartupOptions CommandLine::parse(const QStringList &arguments)
{
    const Parsed parsed = parseArguments(arguments);
    if (printAnswer(parsed))
        std::exit(0);
    if (!parsed.error.isEmpty())
        fail(parsed.error);
    return parsed.options;
}

} // namespace Frameline
