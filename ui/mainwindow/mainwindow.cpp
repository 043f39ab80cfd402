#include "ui/mainwindow/mainwindow.h"

#include "ui/decoder/decoderwidget.h"
#include "ui/mainwindow/actionregistry.h"
#include "ui/mainwindow/windowstate.h"
#include "ui/preferences/preferencesdialog.h"
#include "ui/session/recentsessions.h"
#include "ui/session/replaydialog.h"
#include "ui/session/replaytab.h"
#include "ui/session/sessioncontroller.h"
#include "ui/session/sessionfiles.h"
#include "ui/session/sessionrecorder.h"
#include "ui/session/sessiontab.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/widgets/setting.h"
#include "ui/workspace/clienttab.h"
#include "ui/workspace/decodertab.h"
#include "ui/workspace/servertab.h"
#include "ui/workspace/workspace.h"
#include "ui/workspace/workspacetab.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QFileInfo>
#include <QtCore/QMimeData>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtGui/QCloseEvent>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QDropEvent>
#include <QtGui/QScreen>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolBar>

#include <algorithm>

namespace Frameline {

namespace {

const Setting<QString> &lastDirectorySetting()
{
    static const Setting<QString> setting(QStringLiteral("Decoder/LastDirectory"), QDir::homePath());
    return setting;
}

// The timeline a tab shows (the decoder's lists are not a timeline).
TimelineWidget *timelineOf(WorkspaceTab *tab)
{
    if (auto *client = qobject_cast<ClientTab *>(tab))
        return client->timeline();
    if (auto *server = qobject_cast<ServerTab *>(tab))
        return server->timeline();
    if (auto *session = qobject_cast<SessionTab *>(tab))
        return session->timeline();
    if (auto *replay = qobject_cast<ReplayTab *>(tab))
        return replay->timeline();
    return nullptr;
}

} // namespace

MainWindow::MainWindow(Persistence persistence, QWidget *parent)
    : QMainWindow(parent)
    , m_persistence(persistence)
    , m_actions(new ActionRegistry(this))
    , m_workspace(new Workspace(persistence == Persistence::RestoreAndSave, this))
    , m_sessions(new SessionController(m_workspace, this, persistence == Persistence::RestoreAndSave))
    , m_toolBar(new QToolBar(this))
    , m_summaryLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_workspace);
    setAcceptDrops(true);
    m_actions->populateMenuBar(menuBar());
    m_sessions->recentSessions()->setMenu(
        m_actions->recentSessionsMenu(), m_actions->action(ActionId::ClearRecentSessions));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    m_actions->populateToolBar(m_toolBar);
    addToolBar(Qt::TopToolBarArea, m_toolBar);
    m_summaryLabel->setObjectName(QStringLiteral("summary"));
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_summaryLabel, 1);

    connect(m_actions->action(ActionId::NewClientTab), &QAction::triggered, this,
        [this] { m_workspace->addClientTab(); });
    connect(m_actions->action(ActionId::NewServerTab), &QAction::triggered, this,
        [this] { m_workspace->addServerTab(); });
    connect(m_actions->action(ActionId::ConnectToEchoServer), &QAction::triggered, m_workspace,
        &Workspace::connectToEchoServer);
    connect(m_actions->action(ActionId::OpenSession), &QAction::triggered, m_sessions,
        &SessionController::openSessionInteractively);
    connect(m_actions->action(ActionId::SaveSessionAs), &QAction::triggered, this,
        [this] { m_sessions->saveSessionAsInteractively(m_workspace->currentTab()); });
    connect(m_actions->action(ActionId::ImportHar), &QAction::triggered, m_sessions,
        &SessionController::importHarInteractively);
    connect(m_actions->action(ActionId::ExportSession), &QAction::triggered, this,
        [this] { m_sessions->exportSessionInteractively(m_workspace->currentTab()); });
    connect(m_actions->action(ActionId::ExportRows), &QAction::triggered, this, [this] {
        if (TimelineWidget *timeline = timelineOf(m_workspace->currentTab()))
            timeline->exportRowsInteractively();
    });
    connect(m_actions->action(ActionId::ReplaySession), &QAction::triggered, this, [this] {
        if (auto *session = qobject_cast<SessionTab *>(m_workspace->currentTab()))
            ReplayDialog::openFor(session, m_workspace, this);
    });
    connect(m_sessions, &SessionController::saveFinished, this,
        [this](const QString &path, const QString &error) {
            if (error.isEmpty())
                statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
        });
    connect(m_sessions, &SessionController::exportFinished, this,
        [this](const QString &path, const QString &error) {
            if (error.isEmpty())
                statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
        });
    connect(
        m_actions->action(ActionId::OpenBytesFile), &QAction::triggered, this, &MainWindow::onOpenBytesFile);
    connect(
        m_actions->action(ActionId::DecodeBytes), &QAction::triggered, m_workspace, &Workspace::showDecoder);
    connect(m_actions->action(ActionId::RenameTab), &QAction::triggered, this,
        [this] { m_workspace->renameTabInteractively(m_workspace->tabWidget()->currentIndex()); });
    connect(m_actions->action(ActionId::CloseTab), &QAction::triggered, this,
        [this] { m_workspace->closeTab(m_workspace->tabWidget()->currentIndex()); });
    connect(m_actions->action(ActionId::NextTab), &QAction::triggered, this, [this] {
        QTabWidget *tabs = m_workspace->tabWidget();
        if (tabs->count() > 1)
            tabs->setCurrentIndex((tabs->currentIndex() + 1) % tabs->count());
    });
    connect(m_actions->action(ActionId::PreviousTab), &QAction::triggered, this, [this] {
        QTabWidget *tabs = m_workspace->tabWidget();
        if (tabs->count() > 1)
            tabs->setCurrentIndex((tabs->currentIndex() + tabs->count() - 1) % tabs->count());
    });
    connect(m_actions->action(ActionId::Preferences), &QAction::triggered, this, &MainWindow::onPreferences);
    connect(m_actions->action(ActionId::Quit), &QAction::triggered, this, &MainWindow::close);
    connect(m_actions->action(ActionId::AboutFrameline), &QAction::triggered, this,
        &MainWindow::onAboutFrameline);
    connect(m_actions->action(ActionId::AboutQt), &QAction::triggered, qApp, &QApplication::aboutQt);

    connect(m_workspace, &Workspace::tabAdded, this, &MainWindow::restoreTabLayout);
    connect(m_workspace, &Workspace::currentTabChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_workspace, &Workspace::currentTitleChanged, this, &MainWindow::retranslateUi);
    connect(m_workspace, &Workspace::currentStatusChanged, this, [this] {
        const WorkspaceTab *tab = m_workspace->currentTab();
        m_summaryLabel->setText(tab ? tab->statusText() : QString());
    });
    // The tabs that waited for it say so too; the status bar tells whoever looks elsewhere.
    connect(m_workspace, &Workspace::echoServerFailed, this, [this](const QString &error) {
        statusBar()->showMessage(tr("The built-in echo server could not start: %1").arg(error), 15000);
    });

    // A first-run size that shows a timeline, an inspector and the request settings on a laptop screen.
    const QRect available = screen()->availableGeometry();
    resize(qMin(1280, available.width() * 9 / 10), qMin(860, available.height() * 9 / 10));
    if (m_persistence == Persistence::RestoreAndSave) {
        WindowState::restore(this);
        m_workspace->restoreTabs();
        // Once the window is up: recordings a crash left behind (looked for off the GUI thread).
        QTimer::singleShot(0, m_sessions, &SessionController::scanForRecovery);
    }
    updateTabActions();
    retranslateUi();
}

MainWindow::~MainWindow() = default;

DecoderWidget *MainWindow::decoder() const
{
    return m_workspace->showDecoder()->decoder();
}

bool MainWindow::openBytesFile(const QString &path)
{
    DecoderTab *tab = m_workspace->showDecoder();
    QString error;
    if (!tab->loadFile(path, &error)) {
        QMessageBox::warning(this, tr("Cannot Open File"),
            tr("Could not read “%1”:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    retranslateUi();
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    if (QFileInfo(path).isFile() && SessionFiles::sniff(path) != SessionFiles::Kind::Other)
        return m_sessions->openSession(path) != nullptr;
    return openBytesFile(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool files = !urls.isEmpty()
        && std::all_of(urls.cbegin(), urls.cend(), [](const QUrl &url) { return url.isLocalFile(); });
    if (files)
        event->acceptProposedAction();
    else
        QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty()) {
        QMainWindow::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            openFile(url.toLocalFile());
    }
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

void MainWindow::onPreferences()
{
    PreferencesDialog dialog(this);
    dialog.exec();
}

void MainWindow::onAboutFrameline()
{
    QMessageBox::about(this, tr("About Frameline"),
        tr("<h3>Frameline %1</h3>"
           "<p>A native WebSocket debugger.</p>"
           "<p>Connect to WebSocket servers, run local ones, and see every frame, message and handshake "
           "as it went over the wire, with the rules it breaks (RFC 6455, and RFC 7692 "
           "permessage-deflate).</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(QCoreApplication::applicationVersion(), QLatin1String(QT_VERSION_STR),
                QLatin1String(qVersion())));
}

void MainWindow::restoreTabLayout(WorkspaceTab *tab)
{
    if (m_persistence == Persistence::RestoreAndSave)
        WindowState::restoreChildren(tab);
    // A journal that cannot be written: the tab goes on, without its safety net; say so.
    if (SessionRecorder *recorder = tab->recorder()) {
        connect(recorder, &SessionRecorder::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 30000); });
    }
}

void MainWindow::onCurrentTabChanged(WorkspaceTab *tab)
{
    m_summaryLabel->setText(tab ? tab->statusText() : QString());
    updateTabActions();
    retranslateUi();
}

void MainWindow::updateTabActions()
{
    const bool hasTab = m_workspace->currentTab() != nullptr;
    m_actions->action(ActionId::RenameTab)->setEnabled(hasTab);
    m_actions->action(ActionId::CloseTab)->setEnabled(hasTab);
    const bool hasSession = SessionController::hasSession(m_workspace->currentTab());
    m_actions->action(ActionId::SaveSessionAs)->setEnabled(hasSession);
    m_actions->action(ActionId::ExportSession)->setEnabled(hasSession);
    m_actions->action(ActionId::ExportRows)->setEnabled(timelineOf(m_workspace->currentTab()) != nullptr);
    m_actions->action(ActionId::ReplaySession)
        ->setEnabled(qobject_cast<SessionTab *>(m_workspace->currentTab()) != nullptr);
}

void MainWindow::retranslateUi()
{
    m_toolBar->setWindowTitle(tr("Main Toolbar"));
    const WorkspaceTab *tab = m_workspace->currentTab();
    if (!tab) {
        setWindowTitle(QStringLiteral("Frameline"));
    } else if (const auto *decoderTab = qobject_cast<const DecoderTab *>(tab)) {
        if (decoderTab->fileName().isEmpty())
            setWindowTitle(tr("Frame Decoder — Frameline"));
        else
            setWindowTitle(tr("%1 — Frame Decoder — Frameline").arg(decoderTab->fileName()));
    } else {
        setWindowTitle(tr("%1 — Frameline").arg(tab->title()));
    }
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
    if (m_persistence == Persistence::RestoreAndSave) {
        WindowState::save(this);
        m_workspace->saveTabs();
    }
    QMainWindow::closeEvent(event);
}

} // namespace Frameline
