// The desktop app's composition root: application object, language, command line, main window, and the
// tabs the command line (or the first launch) asks for.

#include "ui/decoder/decoderwidget.h"
#include "ui/mainwindow/commandline.h"
#include "ui/mainwindow/languageloader.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/preferences/preferencesdialog.h"
#include "ui/workspace/workspace.h"

#include <QtCore/QDir>
#include <QtCore/QTimer>
#include <QtGui/QIcon>
#include <QtGui/QPixmap>
#include <QtWidgets/QApplication>

#include <cstdio>

using namespace Frameline;

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Frameline"));
    QCoreApplication::setApplicationName(QStringLiteral("Frameline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRAMELINE_VERSION));
}

// --lang wins over the language chosen in Preferences, which wins over the system's.
void loadLanguage(LanguageLoader &languages)
{
    QString language = CommandLine::languageArgument(QCoreApplication::arguments());
    if (language.isEmpty())
        language = PreferencesDialog::storedLanguage();
    languages.load(language);
}

} // namespace

int main(int argc, char *argv[])
{
    // --help and --version are answered before QApplication, which needs a display, so that they work
    // in a terminal over SSH or in a container too.
    if (CommandLine::asksForHelpOrVersion(argc, argv)) {
        QCoreApplication terminal(argc, argv);
        setIdentity();
        LanguageLoader languages(&terminal);
        loadLanguage(languages);
        if (CommandLine::printHelpOrVersion(QCoreApplication::arguments()))
            return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/frameline.svg")));
    LanguageLoader languages(&app);
    loadLanguage(languages);
    const StartupOptions options = CommandLine::parse(QApplication::arguments());

    const bool screenshot = !options.screenshotFile.isEmpty();
    MainWindow window(screenshot ? MainWindow::Persistence::None : MainWindow::Persistence::RestoreAndSave);
    if (screenshot)
        window.resize(1280, 860);
    Workspace *workspace = window.workspace();

    const bool decoderAsked = options.sender || options.extensions || options.decodeHex
        || !options.bytesFile.isEmpty() || options.selectFrame;
    if (decoderAsked) {
        DecoderWidget *decoder = window.decoder();
        if (options.sender)
            decoder->setSender(*options.sender);
        if (options.extensions)
            decoder->setExtensions(*options.extensions);
        if (options.decodeHex)
            decoder->setHexText(*options.decodeHex);
        if (!options.bytesFile.isEmpty())
            window.openBytesFile(options.bytesFile);
        if (options.selectFrame)
            decoder->selectFrame(*options.selectFrame);
    }
    if (options.serverPort)
        workspace->addServerTab(*options.serverPort, true);
    if (!options.url.isEmpty())
        workspace->addClientTab(options.url, true);
    if (!options.sessionFile.isEmpty())
        window.openFile(options.sessionFile);
    // Nothing asked and nothing restored (the first launch, or every tab was closed): a tab on the
    // built-in echo server, so there is something to see at once, offline.
    if (workspace->count() == 0)
        workspace->openWelcomeTab();
    window.show();

    if (screenshot) {
        // Let the window be laid out and painted (and a local connection open), then save it and leave.
        QTimer::singleShot(1500, &window, [&window, &options] {
            const QString path = QDir::cleanPath(options.screenshotFile);
            const bool saved = window.grab().save(path, "PNG");
            if (!saved)
                std::fprintf(stderr, "frameline: could not write %s\n", qUtf8Printable(path));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
