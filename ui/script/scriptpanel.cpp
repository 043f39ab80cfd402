#include "ui/script/scriptpanel.h"

#include "app/net/clock.h"
#include "ui/script/scriptconsolemodel.h"
#include "ui/script/scripteditor.h"
#include "ui/widgets/setting.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtGui/QAction>
#include <QtGui/QFontDatabase>
#include <QtGui/QIcon>
#include <QtGui/QKeySequence>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFrame>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListView>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

namespace Frameline {

namespace {

constexpr int SyntaxCheckDelayMs = 400;
constexpr qint64 MaxScriptFileSize = 8 * 1024 * 1024; // far beyond any script; keeps a wrong pick harmless

const Setting<QString> &lastDirectorySetting()
{
    static const Setting<QString> setting(QStringLiteral("Script/LastDirectory"), QDir::homePath());
    return setting;
}

QToolButton *toolButton(QWidget *parent, const char *objectName)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QString::fromLatin1(objectName));
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

} // namespace

ScriptPanel::ScriptPanel(Target target, QWidget *parent)
    : QWidget(parent)
    , m_target(target)
    , m_runner(new ScriptRunner(this))
{
    setObjectName(QStringLiteral("scriptPanel"));
    buildUi();

    m_syntaxTimer.setSingleShot(true);
    m_syntaxTimer.setInterval(SyntaxCheckDelayMs);
    connect(&m_syntaxTimer, &QTimer::timeout, this, &ScriptPanel::checkSyntaxNow);
    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        // The marks were about the text as it was; the syntax is checked again once typing pauses.
        m_editor->clearErrorMarks();
        m_syntaxTimer.start();
        updateStatus();
        Q_EMIT stateChanged();
    });
    connect(m_runner, &ScriptRunner::started, this, &ScriptPanel::onStarted);
    connect(m_runner, &ScriptRunner::logged, this, &ScriptPanel::onLogged);
    connect(m_runner, &ScriptRunner::finished, this, &ScriptPanel::onFinished);
    connect(m_console, &QListView::clicked, this, &ScriptPanel::onConsoleActivated);
    connect(m_console, &QListView::activated, this, &ScriptPanel::onConsoleActivated);
    connect(m_clearButton, &QToolButton::clicked, m_consoleModel, &ScriptConsoleModel::clear);
    connect(m_openButton, &QToolButton::clicked, this, &ScriptPanel::openInteractively);
    connect(m_saveButton, &QToolButton::clicked, this, &ScriptPanel::save);
    connect(m_saveAsButton, &QToolButton::clicked, this, &ScriptPanel::saveAs);
    connect(m_runAction, &QAction::triggered, this, &ScriptPanel::run);
    connect(m_stopAction, &QAction::triggered, this, &ScriptPanel::stop);
    connect(m_splitter, &QSplitter::splitterMoved, this, &ScriptPanel::stateChanged);
    // The console follows the newest line while the user is at its bottom.
    connect(m_consoleModel, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_console->verticalScrollBar();
        m_console->setProperty("followTail", bar->value() >= bar->maximum());
    });
    connect(m_consoleModel, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_console->property("followTail").toBool())
            m_console->scrollToBottom();
    });

    retranslateUi();
    updateActions();
}

ScriptPanel::~ScriptPanel()
{
    // The runner goes with the panel (and waits for its thread); say nothing more to anyone meanwhile.
    disconnect(m_runner, nullptr, this, nullptr);
}

void ScriptPanel::buildUi()
{
    m_runAction = new QAction(this);
    m_runAction->setObjectName(QStringLiteral("scriptRunAction"));
    m_runAction->setIcon(QIcon(QStringLiteral(":/icons/server-start.svg")));
    m_runAction->setShortcuts({ QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5) });
    m_runAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_runAction);
    m_stopAction = new QAction(this);
    m_stopAction->setObjectName(QStringLiteral("scriptStopAction"));
    m_stopAction->setIcon(QIcon(QStringLiteral(":/icons/server-stop.svg")));
    m_stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stopAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_stopAction);
    auto *saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, &ScriptPanel::save);
    addAction(saveAction);

    m_runButton = toolButton(this, "scriptRunButton");
    m_runButton->setDefaultAction(m_runAction);
    m_stopButton = toolButton(this, "scriptStopButton");
    m_stopButton->setDefaultAction(m_stopAction);
    m_openButton = toolButton(this, "scriptOpenButton");
    m_openButton->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    m_saveButton = toolButton(this, "scriptSaveButton");
    m_saveButton->setIcon(QIcon::fromTheme(QStringLiteral("document-save")));
    m_saveAsButton = toolButton(this, "scriptSaveAsButton");
    m_saveAsButton->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    m_examplesButton = toolButton(this, "scriptExamplesButton");
    m_examplesButton->setPopupMode(QToolButton::InstantPopup);
    m_examplesMenu = new QMenu(m_examplesButton);
    m_examplesMenu->setObjectName(QStringLiteral("scriptExamplesMenu"));
    m_examplesButton->setMenu(m_examplesMenu);
    m_fileLabel = new QLabel(this);
    m_fileLabel->setObjectName(QStringLiteral("scriptFileLabel"));
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("scriptStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumWidth(1); // clipped rather than widening the tab

    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(2);
    bar->addWidget(m_runButton);
    bar->addWidget(m_stopButton);
    bar->addSpacing(4);
    bar->addWidget(separator);
    bar->addSpacing(4);
    bar->addWidget(m_openButton);
    bar->addWidget(m_saveButton);
    bar->addWidget(m_saveAsButton);
    bar->addWidget(m_examplesButton);
    bar->addSpacing(8);
    bar->addWidget(m_fileLabel);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("scriptSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_editor = new ScriptEditor(m_splitter);
    m_editor->setObjectName(QStringLiteral("scriptEditor"));

    auto *consolePane = new QWidget(m_splitter);
    m_consoleTitle = new QLabel(consolePane);
    m_clearButton = toolButton(consolePane, "scriptClearButton");
    m_clearButton->setIcon(QIcon(QStringLiteral(":/icons/clear.svg")));
    m_clearButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_consoleModel = new ScriptConsoleModel(this);
    m_console = new QListView(consolePane);
    m_console->setObjectName(QStringLiteral("scriptConsole"));
    m_console->setModel(m_consoleModel);
    m_console->setUniformItemSizes(true);
    m_console->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_console->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_console->setTextElideMode(Qt::ElideRight);
    m_console->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_consoleModel->setPalette(m_console->palette());
    auto *consoleBar = new QHBoxLayout;
    consoleBar->setContentsMargins(0, 0, 0, 0);
    consoleBar->addWidget(m_consoleTitle, 1);
    consoleBar->addWidget(m_clearButton);
    auto *consoleLayout = new QVBoxLayout(consolePane);
    consoleLayout->setContentsMargins(0, 0, 0, 0);
    consoleLayout->setSpacing(2);
    consoleLayout->addLayout(consoleBar);
    consoleLayout->addWidget(m_console, 1);

    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({ 600, 400 });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);
}

QString ScriptPanel::script() const
{
    return m_editor->text();
}

void ScriptPanel::setScript(const QString &text)
{
    m_editor->replaceAll(text);
}

bool ScriptPanel::isModified() const
{
    const QString text = m_editor->text();
    if (m_filePath.isEmpty() && m_savedText.isEmpty())
        return !text.trimmed().isEmpty();
    return text != m_savedText;
}

QString ScriptPanel::checkSyntaxNow()
{
    m_syntaxTimer.stop();
    int line = 0;
    int column = 0;
    const QString error = ScriptRunner::checkSyntax(m_editor->text(), &line, &column);
    m_editor->clearErrorMarks();
    if (!error.isEmpty())
        m_editor->markError(line > 0 ? line : 1, column, error);
    updateStatus();
    return error;
}

bool ScriptPanel::run()
{
    if (m_state != RunState::Idle)
        return false;
    m_consoleModel->clear();
    int line = 0;
    int column = 0;
    m_syntaxTimer.stop();
    const QString error = ScriptRunner::checkSyntax(m_editor->text(), &line, &column);
    m_editor->clearErrorMarks();
    if (!error.isEmpty()) {
        m_editor->markError(line > 0 ? line : 1, column, error);
        ScriptLogEntry entry;
        entry.kind = ScriptLogEntry::Kind::Error;
        entry.timestampNs = Clock::nowNs();
        entry.text = line > 0 && column > 0
            ? tr("Syntax error at line %1, column %2: %3").arg(line).arg(column).arg(error)
            : line > 0 ? tr("Syntax error at line %1: %2").arg(line).arg(error)
                       : tr("Syntax error: %1").arg(error);
        entry.line = line;
        entry.column = column;
        m_consoleModel->addEntry(entry);
        m_consoleModel->flush();
        m_statusText = tr("Not run: syntax error");
        m_hasOutcome = false; // the status shows this error, not the colour of the previous run
        updateStatus();
        return false;
    }
    m_hasOutcome = false;
    setRunState(RunState::Waiting);
    Q_EMIT runRequested();
    return true;
}

void ScriptPanel::stop()
{
    if (m_state == RunState::Waiting && !m_runner->isRunning()) {
        cancelRun(tr("Stopped before it started"));
        return;
    }
    if (m_runner->isRunning())
        m_runner->stop();
}

ScriptRunner::Options ScriptPanel::runOptions() const
{
    ScriptRunner::Options options;
    options.source = m_editor->text();
    options.fileName = m_filePath.isEmpty() ? QString() : QFileInfo(m_filePath).fileName();
    return options;
}

bool ScriptPanel::startClient(Connection *connection)
{
    if (m_state == RunState::Running)
        return false;
    QString error;
    if (!m_runner->startClient(connection, runOptions(), &error)) {
        cancelRun(error);
        return false;
    }
    m_statusText = tr("Waiting for the connection to open…");
    setRunState(RunState::Running);
    return true;
}

bool ScriptPanel::startServer(Server *server)
{
    if (m_state == RunState::Running)
        return false;
    QString error;
    if (!m_runner->startServer(server, runOptions(), &error)) {
        cancelRun(error);
        return false;
    }
    m_statusText = tr("Running…");
    setRunState(RunState::Running);
    return true;
}

void ScriptPanel::cancelRun(const QString &reason)
{
    if (m_state == RunState::Idle || m_runner->isRunning())
        return;
    ScriptLogEntry entry;
    entry.kind = ScriptLogEntry::Kind::Error;
    entry.timestampNs = Clock::nowNs();
    entry.text = tr("Not run: %1").arg(reason);
    m_consoleModel->addEntry(entry);
    m_consoleModel->flush();
    m_statusText = tr("Not run: %1").arg(reason);
    setRunState(RunState::Idle);
}

void ScriptPanel::onStarted()
{
    m_statusText = tr("Running…");
    updateStatus();
}

void ScriptPanel::onLogged(const ScriptLogEntry &entry)
{
    m_consoleModel->addEntry(entry);
    if ((entry.kind == ScriptLogEntry::Kind::AssertFail || entry.kind == ScriptLogEntry::Kind::Error)
        && entry.line > 0)
        m_editor->markError(entry.line, entry.column, entry.text);
}

void ScriptPanel::onFinished(const ScriptOutcome &outcome)
{
    m_lastOutcome = outcome;
    m_hasOutcome = true;
    m_consoleModel->addOutcome(outcome);
    if (outcome.result == ScriptOutcome::Result::Error && outcome.errorLine > 0
        && !m_editor->errorMarks().contains(outcome.errorLine))
        m_editor->markError(outcome.errorLine, outcome.errorColumn, outcome.error);
    m_statusText = ScriptConsoleModel::outcomeText(outcome);
    setRunState(RunState::Idle);
}

void ScriptPanel::onConsoleActivated(const QModelIndex &index)
{
    const int line = index.data(ScriptConsoleModel::LineRole).toInt();
    if (line > 0)
        m_editor->goToLine(line, index.data(ScriptConsoleModel::ColumnRole).toInt());
}

void ScriptPanel::setRunState(RunState state)
{
    const bool wasRunning = isRunning();
    m_state = state;
    updateActions();
    updateStatus();
    if (wasRunning != isRunning())
        Q_EMIT runningChanged(isRunning());
}

void ScriptPanel::updateActions()
{
    const bool idle = m_state == RunState::Idle;
    m_runAction->setEnabled(idle);
    m_stopAction->setEnabled(!idle);
}

void ScriptPanel::updateStatus()
{
    QString text;
    QString style;
    if (m_state == RunState::Waiting) {
        text = m_target == Target::Client ? tr("Connecting…") : tr("Starting the server…");
    } else if (m_state == RunState::Running) {
        text = m_statusText;
    } else if (m_editor && !m_editor->errorMarks().isEmpty() && !m_hasOutcome) {
        const auto first = m_editor->errorMarks().constBegin();
        text = tr("Syntax error at line %1: %2").arg(first.key()).arg(first.value());
        style = QStringLiteral("color: #d0463c;");
    } else {
        text = m_statusText;
        if (m_hasOutcome && m_lastOutcome.result != ScriptOutcome::Result::Stopped)
            style = m_lastOutcome.result == ScriptOutcome::Result::Passed ? QStringLiteral("color: #2e9d4f;")
                                                                          : QStringLiteral("color: #d0463c;");
    }
    m_status->setText(text);
    m_status->setToolTip(text);
    m_status->setStyleSheet(style);

    const QString name = m_filePath.isEmpty() ? tr("Untitled script") : QFileInfo(m_filePath).fileName();
    m_fileLabel->setText(isModified() ? name + QStringLiteral(" *") : name);
    m_fileLabel->setToolTip(m_filePath.isEmpty() ? QString() : QDir::toNativeSeparators(m_filePath));
}

// ---- files ----------------------------------------------------------------------------------------------

void ScriptPanel::setFilePath(const QString &path)
{
    m_filePath = path;
    if (!path.isEmpty())
        lastDirectorySetting().setValue(QFileInfo(path).absolutePath());
    updateStatus();
    Q_EMIT stateChanged();
}

bool ScriptPanel::openFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    if (file.size() > MaxScriptFileSize) {
        if (error)
            *error = tr("The file is too large for a script (%1 MB).").arg(file.size() / (1024 * 1024));
        return false;
    }
    const QString text = QString::fromUtf8(file.readAll());
    m_savedText = text;
    setScript(text);
    setFilePath(QFileInfo(path).absoluteFilePath());
    return true;
}

bool ScriptPanel::saveToFile(const QString &path, QString *error)
{
    QSaveFile file(path);
    const QString text = m_editor->text();
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    m_savedText = text;
    setFilePath(QFileInfo(path).absoluteFilePath());
    return true;
}

void ScriptPanel::showFileError(const QString &title, const QString &error)
{
    QMessageBox::warning(this, title, error);
}

bool ScriptPanel::maybeKeepChanges()
{
    if (!isModified())
        return true;
    const QString name = m_filePath.isEmpty() ? tr("The script") : QFileInfo(m_filePath).fileName();
    const QString question = tr("%1 has unsaved changes. Save them first?").arg(name);
    UnsavedChoice choice = UnsavedChoice::Cancel;
    if (m_unsavedPrompt) {
        choice = m_unsavedPrompt(question);
    } else {
        const auto answer = QMessageBox::question(this, tr("Unsaved Script"), question,
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        choice = answer == QMessageBox::Save ? UnsavedChoice::Save
            : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                             : UnsavedChoice::Cancel;
    }
    switch (choice) {
    case UnsavedChoice::Save:
        return save();
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        return false;
    }
    return false;
}

void ScriptPanel::openInteractively()
{
    if (!maybeKeepChanges())
        return;
    const QString directory
        = m_filePath.isEmpty() ? lastDirectorySetting().value() : QFileInfo(m_filePath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Script"), directory, tr("JavaScript files (*.js);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openFile(path, &error))
        showFileError(tr("Cannot Open Script"),
            tr("Could not read “%1”:\n%2").arg(QDir::toNativeSeparators(path), error));
}

bool ScriptPanel::save()
{
    if (m_filePath.isEmpty())
        return saveAs();
    QString error;
    if (saveToFile(m_filePath, &error))
        return true;
    showFileError(tr("Cannot Save Script"),
        tr("Could not write “%1”:\n%2").arg(QDir::toNativeSeparators(m_filePath), error));
    return false;
}

bool ScriptPanel::saveAs()
{
    const QString proposed = m_filePath.isEmpty()
        ? QDir(lastDirectorySetting().value()).filePath(QStringLiteral("script.js"))
        : m_filePath;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Script As"), proposed, tr("JavaScript files (*.js);;All files (*)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".js");
    QString error;
    if (saveToFile(path, &error))
        return true;
    showFileError(
        tr("Cannot Save Script"), tr("Could not write “%1”:\n%2").arg(QDir::toNativeSeparators(path), error));
    return false;
}

// ---- examples -------------------------------------------------------------------------------------------

void ScriptPanel::populateExamplesMenu()
{
    m_examplesMenu->clear();
    const QList<ScriptExample> examples = scriptExamples();
    for (const ScriptExample &example : examples) {
        if (example.server != (m_target == Target::Server))
            continue;
        QAction *action = m_examplesMenu->addAction(example.title);
        action->setData(example.id);
        const QString id = example.id;
        connect(action, &QAction::triggered, this, [this, id] { loadExample(id); });
    }
    m_examplesButton->setEnabled(!m_examplesMenu->isEmpty());
}

bool ScriptPanel::loadExample(const QString &id)
{
    const QList<ScriptExample> examples = scriptExamples();
    const auto it = std::find_if(
        examples.cbegin(), examples.cend(), [&id](const ScriptExample &example) { return example.id == id; });
    if (it == examples.cend())
        return false;
    QFile file(it->resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    if (!maybeKeepChanges())
        return false;
    const QString text = QString::fromUtf8(file.readAll());
    m_savedText = text;
    setScript(text);
    setFilePath(QString());
    return true;
}

// ---- state ----------------------------------------------------------------------------------------------

QVariantMap ScriptPanel::saveState() const
{
    QVariantMap state;
    state.insert(QStringLiteral("text"), m_editor->text());
    state.insert(QStringLiteral("filePath"), m_filePath);
    state.insert(QStringLiteral("modified"), isModified());
    state.insert(QStringLiteral("splitter"), m_splitter->saveState());
    return state;
}

void ScriptPanel::restoreState(const QVariantMap &state)
{
    if (state.isEmpty())
        return;
    const QString text = state.value(QStringLiteral("text")).toString();
    m_filePath = state.value(QStringLiteral("filePath")).toString();
    // Unsaved changes stay unsaved: the text the file had is not known, only that it differed.
    m_savedText = state.value(QStringLiteral("modified")).toBool() ? QString() : text;
    m_editor->setText(text); // a fresh start: no undo history to go back to
    const QByteArray splitter = state.value(QStringLiteral("splitter")).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    updateStatus();
}

void ScriptPanel::retranslateUi()
{
    m_runAction->setText(tr("&Run"));
    m_runAction->setToolTip(m_target == Target::Client
            ? tr("Run the script on this tab's connection, connecting first if needed (%1)")
                  .arg(QKeySequence(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText))
            : tr("Run the script as this server's handler, starting the server if needed (%1)")
                  .arg(QKeySequence(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText)));
    m_stopAction->setText(tr("S&top"));
    m_stopAction->setToolTip(
        tr("Stop the running script (%1)")
            .arg(QKeySequence(Qt::SHIFT | Qt::Key_F5).toString(QKeySequence::NativeText)));
    m_openButton->setText(tr("Open…"));
    m_openButton->setToolTip(tr("Open a script file (.js)"));
    m_saveButton->setText(tr("Save"));
    m_saveButton->setToolTip(
        tr("Save the script (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_saveAsButton->setText(tr("Save As…"));
    m_saveAsButton->setToolTip(tr("Save the script to a new file"));
    m_examplesButton->setText(tr("Examples"));
    m_examplesButton->setToolTip(tr("Load one of the bundled example scripts"));
    m_consoleTitle->setText(tr("Console"));
    m_clearButton->setToolTip(tr("Clear the console"));
    populateExamplesMenu();
    updateStatus();
}

void ScriptPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        m_consoleModel->setPalette(m_console->palette());
    QWidget::changeEvent(event);
}

} // namespace Frameline
