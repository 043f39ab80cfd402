// frameline-cli: Frameline's engine without a window. A thin composition root: it picks the command
// and hands over; each command lives in its own class.

#include "app/cli/connectcommand.h"
#include "app/cli/decodecommand.h"
#include "app/cli/exportcommand.h"
#include "app/cli/importcommand.h"
#include "app/cli/infocommand.h"
#include "app/cli/replaycommand.h"
#include "app/cli/runcommand.h"
#include "app/cli/servecommand.h"

#include <QtCore/QCoreApplication>

#include <cstdio>

namespace {

void printUsage(FILE *to)
{
    const QByteArray text
        = QCoreApplication::translate("frameline-cli",
                                      "Usage: frameline-cli COMMAND [options]\n"
                                      "\n"
                                      "Frameline's WebSocket engine on the command line.\n"
                                      "\n"
                                      "Commands:\n"
                                      "  connect   %2\n"
                                      "  decode    %1\n"
                                      "  export    %5\n"
                                      "  import    %6\n"
                                      "  info      %7\n"
                                      "  replay    %4\n"
                                      "  run       %8\n"
                                      "  serve     %3\n"
                                      "\n"
                                      "Run 'frameline-cli COMMAND --help' for the options of a command.\n")
              .arg(Frameline::DecodeCommand::summary(), Frameline::ConnectCommand::summary(),
                   Frameline::ServeCommand::summary(), Frameline::ReplayCommand::summary(),
                   Frameline::ExportCommand::summary(), Frameline::ImportCommand::summary(),
                   Frameline::InfoCommand::summary(), Frameline::RunCommand::summary())
              .toUtf8();
    std::fwrite(text.constData(), 1, size_t(text.size()), to);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frameline-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Frameline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRAMELINE_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printUsage(stderr);
        return 2;
    }
    const QString command = arguments.at(1);
    if (command == QLatin1String("-h") || command == QLatin1String("--help") || command == QLatin1String("help")) {
        printUsage(stdout);
        return 0;
    }
    if (command == QLatin1String("--version")) {
        std::printf("frameline-cli %s\n", FRAMELINE_VERSION);
        return 0;
    }
    if (command == QLatin1String("decode"))
        return Frameline::DecodeCommand::run(arguments.mid(1));
    if (command == QLatin1String("connect"))
        return Frameline::ConnectCommand::run(arguments.mid(1));
    if (command == QLatin1String("serve"))
        return Frameline::ServeCommand::run(arguments.mid(1));
    if (command == QLatin1String("info"))
        return Frameline::InfoCommand::run(arguments.mid(1));
    if (command == QLatin1String("import"))
        return Frameline::ImportCommand::run(arguments.mid(1));
    if (command == QLatin1String("export"))
        return Frameline::ExportCommand::run(arguments.mid(1));
    if (command == QLatin1String("replay"))
        return Frameline::ReplayCommand::run(arguments.mid(1));
    if (command == QLatin1String("run"))
        return Frameline::RunCommand::run(arguments.mid(1));

    const QByteArray text = QCoreApplication::translate("frameline-cli",
                                                        "frameline-cli: unknown command '%1'\n"
                                                        "Run 'frameline-cli --help' for the list of commands.\n")
                                .arg(command)
                                .toUtf8();
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    return 2;
}
