#include "ui/mainwindow/commandline.h"

#include "ui/mainwindow/languageloader.h"

#include <QtCore/QCommandLineParser>

#include <cstdio>
#include <cstdlib>

namespace Frameline {

namespace {

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(
        stderr, "%s: %s\n", qUtf8Printable(QCoreApplication::applicationName()), qUtf8Printable(message));
    std::exit(2);
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

StartupOptions CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Frameline, a WebSocket debugger. This version opens the frame decoder: paste the bytes one endpoint "
        "sent after the handshake, or open a file of them, and see every frame and message."));
    // Value names stay in ASCII: terminals give other scripts a different width, which breaks the columns
    // of the help text.
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
        tr("User interface language: %1 (default: the system's).")
            .arg(LanguageLoader::availableLanguages().join(QStringLiteral(", "))),
        QStringLiteral("language"));
    const QCommandLineOption decodeHexOption(QStringLiteral("decode-hex"),
        tr("Start with these bytes, written as hex (e.g. \"81 05 48 65 6c 6c 6f\")."), QStringLiteral("hex"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
        tr("Who sent the bytes: client or server (default: client)."), QStringLiteral("sender"));
    const QCommandLineOption extensionsOption(QStringLiteral("extensions"),
        tr("The agreed Sec-WebSocket-Extensions value, e.g. \"permessage-deflate; "
           "server_no_context_takeover\"."),
        QStringLiteral("value"));
    const QCommandLineOption selectFrameOption(QStringLiteral("select-frame"),
        tr("Select this frame (numbered from 0) to show its details."), QStringLiteral("number"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        tr("Save a picture of the window to this PNG file once it is shown, then quit (for documentation)."),
        QStringLiteral("file"));
    parser.addOptions(
        { langOption, decodeHexOption, fromOption, extensionsOption, selectFrameOption, screenshotOption });
    parser.addPositionalArgument(QStringLiteral("file"),
        tr("A file of raw bytes to decode (instead of --decode-hex)."), QStringLiteral("[file]"));
    parser.process(arguments);

    StartupOptions options;
    options.language = parser.value(langOption);
    if (!options.language.isEmpty() && !LanguageLoader::availableLanguages().contains(options.language))
        fail(tr("unknown language “%1”; use one of: %2")
                 .arg(options.language, LanguageLoader::availableLanguages().join(QStringLiteral(", "))));
    if (parser.isSet(decodeHexOption))
        options.decodeHex = parser.value(decodeHexOption);
    if (parser.isSet(fromOption)) {
        const QString from = parser.value(fromOption);
        if (from == QStringLiteral("client"))
            options.sender = Endpoint::Client;
        else if (from == QStringLiteral("server"))
            options.sender = Endpoint::Server;
        else
            fail(tr("--from takes client or server, not “%1”").arg(from));
    }
    if (parser.isSet(extensionsOption))
        options.extensions = parser.value(extensionsOption);
    if (parser.isSet(selectFrameOption)) {
        bool ok = false;
        const int frame = parser.value(selectFrameOption).toInt(&ok);
        if (!ok || frame < 0)
            fail(tr("--select-frame takes a frame number from 0, not “%1”")
                     .arg(parser.value(selectFrameOption)));
        options.selectFrame = frame;
    }
    options.screenshotFile = parser.value(screenshotOption);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        fail(tr("give at most one bytes file"));
    if (!positional.isEmpty()) {
        if (options.decodeHex)
            fail(tr("give either a bytes file or --decode-hex, not both"));
        options.bytesFile = positional.first();
    }
    return options;
}

} // namespace Frameline
