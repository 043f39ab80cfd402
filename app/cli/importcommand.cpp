#include "app/cli/importcommand.h"

#include "app/cli/textout.h"
#include "app/session/sessionexport.h"
#include "app/session/sessionwriter.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDir>
#include <QtCore/QSet>

#include <climits>

namespace Frameline {

namespace {

} // namespace

QString ImportCommand::summary()
{
    return tr("Turn the WebSocket connections of a HAR file (Chrome, Firefox) into a session file");
}

int ImportCommand::run(const QStringList &arguments, FILE *out, FILE *err)
{
    const auto usageError = [err](const QString &message) {
        writeText(err,
            tr("frameline-cli import: %1 (see 'frameline-cli import --help')").arg(message)
                + QLatin1Char('\n'));
        return 2;
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(summary() + QLatin1Char('\n')
        + tr("\nReads a HAR file as Chrome or Firefox DevTools save it ('Save all as HAR') and\n"
             "writes a session file with one connection per WebSocket entry: the opening\n"
             "handshake from the entry's request and response headers, then each message\n"
             "of its _webSocketMessages as one frame and, for text and binary, one message,\n"
             "at the recorded time, with the closing handshake when both Close frames are\n"
             "there. Entries that are not WebSockets are skipped, each with a warning on\n"
             "standard error. HAR keeps no frame bits: every frame is whole (FIN set, no RSV\n"
             "bits), and a sent one is masked with the key 00000000 (see\n"
             "docs/session-format.md, \"Other formats\").\n"
             "\nExit status: 0 when the session was written; 1 when it cannot be written; 2\n"
             "when FILE is not a HAR file or has no WebSocket entry, or for bad arguments."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE.har"), tr("The HAR file to read."));
    const QCommandLineOption outOption(QStringList { QStringLiteral("o"), QStringLiteral("out") },
        tr("The session file to write (replaced)."), QStringLiteral("FILE"));
    parser.addOption(outOption);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeCommandHelp(out, parser, QStringLiteral("frameline-cli import"));
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(tr("no FILE.har: give the HAR file to import"));
    if (positional.size() > 1)
        return usageError(tr("give one HAR file, not %1").arg(positional.size()));
    if (!parser.isSet(outOption) || parser.value(outOption).isEmpty())
        return usageError(tr("no --out: give the session file to write"));
    const QString input = positional.constFirst();
    const QString output = parser.value(outOption);

    const HarImport::Result result = HarImport::readFile(input);
    if (!result.ok()) {
        writeText(err, tr("frameline-cli import: %1").arg(result.error) + QLatin1Char('\n'));
        return 2;
    }
    for (const QString &warning : result.warnings)
        writeText(err, tr("warning: %1").arg(warning) + QLatin1Char('\n'));

    QSet<quint64> connections;
    qint64 messages = 0;
    for (const ConnectionEvent &event : result.events) {
        if (const auto *notice = std::get_if<ConnectionNotice>(&event))
            connections.insert(notice->connectionId);
        else if (std::holds_alternative<MessageEvent>(event))
            ++messages;
    }
    if (connections.isEmpty()) {
        writeText(err,
            tr("frameline-cli import: %1 has no WebSocket entry: nothing to import")
                    .arg(QDir::toNativeSeparators(input))
                + QLatin1Char('\n'));
        return 2;
    }
    QString error;
    if (!SessionWriter::save(output, result.events, result.header, &error)) {
        writeText(err, tr("frameline-cli import: %1").arg(error) + QLatin1Char('\n'));
        return 1;
    }
    writeText(out,
        tr("%1: %2 and %3 written to %4")
                .arg(QDir::toNativeSeparators(input),
                    tr("%n connection(s)", nullptr, int(connections.size())),
                    tr("%n message(s)", nullptr, int(qMin<qint64>(messages, INT_MAX))),
                    QDir::toNativeSeparators(output))
            + QLatin1Char('\n'));
    return 0;
}

} // namespace Frameline
