// The desktop app's composition root: application object, language, command line, main window.

#include "ui/decoder/decoderwidget.h"
#include "ui/mainwindow/commandline.h"
#include "ui/mainwindow/languageloader.h"
#include "ui/mainwindow/mainwindow.h"

#include <QtCore/QDir>
#include <QtCore/QTimer>
#include <QtGui/QIcon>
#include <QtGui/QPixmap>
#include <QtWidgets/QApplication>

#include <cstdio>

using namespace Frameline;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Frameline"));
    QApplication::setApplicationName(QStringLiteral("Frameline"));
    QApplication::setApplicationVersion(QStringLiteral(FRAMELINE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/frameline.svg")));

    LanguageLoader languages(&app);
    languages.load(CommandLine::languageArgument(QApplication::arguments()));
    const StartupOptions options = CommandLine::parse(QApplication::arguments());

    const bool screenshot = !options.screenshotFile.isEmpty();
    MainWindow window(screenshot ? MainWindow::Persistence::None : MainWindow::Persistence::RestoreAndSave);
    if (screenshot)
        window.resize(1280, 860);
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
    window.show();

    if (screenshot) {
        // Let the window be laid out and painted once, then save it and leave.
        QTimer::singleShot(500, &window, [&window, &options] {
            const QString path = QDir::cleanPath(options.screenshotFile);
            const bool saved = window.grab().save(path, "PNG");
            if (!saved)
                std::fprintf(stderr, "frameline: could not write %s\n", qUtf8Printable(path));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
