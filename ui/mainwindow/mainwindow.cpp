#include "ui/mainwindow/mainwindow.h"

#include "ui/decoder/decoderwidget.h"
#include "ui/mainwindow/actionregistry.h"
#include "ui/mainwindow/windowstate.h"
#include "ui/widgets/setting.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QFileInfo>
#include <QtGui/QAction>
#include <QtGui/QCloseEvent>
#include <QtGui/QScreen>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>

namespace Frameline {

namespace {

const Setting<QString> &lastDirectorySetting()
{
    static const Setting<QString> setting(QStringLiteral("Decoder/LastDirectory"), QDir::homePath());
    return setting;
}

} // namespace

MainWindow::MainWindow(Persistence persistence, QWidget *parent)
    : QMainWindow(parent)
    , m_persistence(persistence)
    , m_actions(new ActionRegistry(this))
    , m_decoder(new DecoderWidget(this))
    , m_summaryLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_decoder);
    m_actions->populateMenuBar(menuBar());
    m_summaryLabel->setObjectName(QStringLiteral("summary"));
    statusBar()->addWidget(m_summaryLabel, 1);
    m_summaryLabel->setText(m_decoder->summary());

    connect(
        m_actions->action(ActionId::OpenBytesFile), &QAction::triggered, this, &MainWindow::onOpenBytesFile);
    connect(m_actions->action(ActionId::Quit), &QAction::triggered, this, &MainWindow::close);
    connect(m_actions->action(ActionId::AboutFrameline), &QAction::triggered, this,
        &MainWindow::onAboutFrameline);
    connect(m_actions->action(ActionId::AboutQt), &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(m_decoder, &DecoderWidget::summaryChanged, m_summaryLabel, &QLabel::setText);

    retranslateUi();

    // A first-run size that shows every column of the frame list on a common laptop screen.
    const QRect available = screen()->availableGeometry();
    resize(qMin(1280, available.width() * 9 / 10), qMin(860, available.height() * 9 / 10));
    if (m_persistence == Persistence::RestoreAndSave)
        WindowState::restore(this);
}

MainWindow::~MainWindow() = default;

bool MainWindow::openBytesFile(const QString &path)
{
    QString error;
    if (!m_decoder->loadFile(path, &error)) {
        QMessageBox::warning(this, tr("Cannot Open File"),
            tr("Could not read “%1”:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    m_fileName = QFileInfo(path).fileName();
    retranslateUi();
    return true;
}

void MainWindow::onOpenBytesFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Bytes File"), lastDirectorySetting().value(), tr("All files (*)"));
    if (path.isEmpty())
        return;
    lastDirectorySetting().setValue(QFileInfo(path).absolutePath());
    openBytesFile(path);
}

void MainWindow::onAboutFrameline()
{
    QMessageBox::about(this, tr("About Frameline"),
        tr("<h3>Frameline %1</h3>"
           "<p>A native WebSocket debugger.</p>"
           "<p>The frame decoder reads the bytes of a WebSocket stream and shows every frame and message "
           "with the rules it breaks (RFC 6455, and RFC 7692 permessage-deflate).</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(QCoreApplication::applicationVersion(), QLatin1String(QT_VERSION_STR),
                QLatin1String(qVersion())));
}

void MainWindow::retranslateUi()
{
    if (m_fileName.isEmpty())
        setWindowTitle(tr("Frame Decoder — Frameline"));
    else
        setWindowTitle(tr("%1 — Frame Decoder — Frameline").arg(m_fileName));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_actions->retranslate();
        retranslateUi();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_persistence == Persistence::RestoreAndSave)
        WindowState::save(this);
    QMainWindow::closeEvent(event);
}

} // namespace Frameline
