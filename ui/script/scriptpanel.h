#pragma once

#include "app/script/scriptrunner.h"

#include <QtCore/QTimer>
#include <QtCore/QVariantMap>
#include <QtWidgets/QWidget>

#include <functional>

class QAction;
class QLabel;
class QListView;
class QMenu;
class QSplitter;
class QToolButton;

namespace Frameline {

class Connection;
class ScriptConsoleModel;
class ScriptEditor;
class Server;

// The script pane of a client or server tab: the JavaScript editor (ScriptEditor) with Run / Stop, Open,
// Save, Save As and the bundled examples, and the console of what the run logged and how it ended. The
// syntax is checked as the user types (debounced) and marked in the editor; after a run, the uncaught error
// and every failed assertion are marked at their lines, and a click on a console line goes to its line.
//
// Run checks the syntax, then asks the tab for a connection (runRequested): the tab answers with
// startClient() or startServer() once it has one (a client tab connects first when it is not connected; a
// server tab starts listening), or cancelRun() with the reason. The ScriptRunner that runs it is the
// panel's; the tab must stop the run (stop(), or deleting the panel) before its Connection or Server goes.
//
// Owned by its tab; GUI thread.
class ScriptPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Target : quint8 { Client, Server };
    enum class RunState : quint8 {
        Idle,
        Waiting, // runRequested: the tab is getting a connection or its server ready
        Running,
    };
    // What to do with unsaved changes before Open or an example replaces them.
    enum class UnsavedChoice : quint8 { Save, Discard, Cancel };
    using UnsavedPrompt = std::function<UnsavedChoice(const QString &question)>;

    explicit ScriptPanel(Target target, QWidget *parent = nullptr);
    ~ScriptPanel() override; // stops a run

    Target target() const { return m_target; }
    QString script() const;
    // Replaces the text as one undoable step; the file it belongs to stays.
    void setScript(const QString &text);
    QString filePath() const { return m_filePath; }
    // The text differs from the file it was opened from or saved to (or, without a file, is not empty).
    bool isModified() const;

    // What Run (Ctrl+R, F5) does: false when the syntax is wrong (marked, and said in the console) or a
    // run is already going; otherwise the console is cleared and runRequested() follows.
    bool run();
    // What Stop (Shift+F5) does: ends the run, or the wait for a connection.
    void stop();
    RunState runState() const { return m_state; }
    bool isRunning() const { return m_state != RunState::Idle; }
    // The tab's answer to runRequested(): the run starts on this connection (when it is open) or server.
    bool startClient(Connection *connection);
    bool startServer(Server *server);
    // The tab's answer when it cannot provide one: the run ends before it started, with `reason`.
    void cancelRun(const QString &reason);
    // The last run's outcome (Passed with no run yet).
    const ScriptOutcome &lastOutcome() const { return m_lastOutcome; }

    // Files. Both return false with the reason in *error (and change nothing) when the file cannot be read
    // or written. Reading takes it as UTF-8.
    bool openFile(const QString &path, QString *error = nullptr);
    bool saveToFile(const QString &path, QString *error = nullptr);
    // The buttons: Open… asks about unsaved changes, then for a file; Save writes to the current file (asks
    // for one when there is none); Save As… always asks. Errors are shown in a message box.
    void openInteractively();
    bool save();
    bool saveAs();
    // The Examples menu: asks about unsaved changes, then loads the bundled example (scriptExamples()).
    bool loadExample(const QString &id);
    // Asks what to do with unsaved changes (QMessageBox by default, replaced by tests); true when it may
    // go on (saved, discarded, or nothing to lose).
    bool maybeKeepChanges();
    void setUnsavedPrompt(UnsavedPrompt prompt) { m_unsavedPrompt = std::move(prompt); }

    // Checks the syntax now (what the debounced check does): marks the error and returns its message.
    QString checkSyntaxNow();

    // Script text, file and splitter, for the tab's settings.
    QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);

    // The parts, for the tab, tests and screenshots.
    ScriptEditor *editor() const { return m_editor; }
    QListView *console() const { return m_console; }
    ScriptConsoleModel *consoleModel() const { return m_consoleModel; }
    QToolButton *runButton() const { return m_runButton; }
    QToolButton *stopButton() const { return m_stopButton; }
    QToolButton *examplesButton() const { return m_examplesButton; }
    QMenu *examplesMenu() const { return m_examplesMenu; }
    QToolButton *clearButton() const { return m_clearButton; }
    QLabel *statusLabel() const { return m_status; }
    QSplitter *splitter() const { return m_splitter; }
    QAction *runAction() const { return m_runAction; }
    QAction *stopAction() const { return m_stopAction; }

Q_SIGNALS:
    // Run was pressed and the syntax is fine: the tab answers with startClient/startServer or cancelRun.
    void runRequested();
    void runningChanged(bool running);
    // The text, the file or the layout changed (for the tab's settings).
    void stateChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void populateExamplesMenu();
    void setRunState(RunState state);
    void updateActions();
    void updateStatus();
    void onStarted();
    void onLogged(const ScriptLogEntry &entry);
    void onFinished(const ScriptOutcome &outcome);
    void onConsoleActivated(const QModelIndex &index);
    ScriptRunner::Options runOptions() const;
    void setFilePath(const QString &path);
    void showFileError(const QString &title, const QString &error);

    Target m_target;
    RunState m_state = RunState::Idle;
    ScriptRunner *m_runner;
    ScriptOutcome m_lastOutcome;
    bool m_hasOutcome = false;
    QString m_filePath;
    QString m_savedText; // the text as last opened or saved
    QString m_statusText;
    QTimer m_syntaxTimer; // debounces the check as the user types
    UnsavedPrompt m_unsavedPrompt;

    ScriptEditor *m_editor = nullptr;
    ScriptConsoleModel *m_consoleModel = nullptr;
    QListView *m_console = nullptr;
    QSplitter *m_splitter = nullptr;
    QToolButton *m_runButton = nullptr;
    QToolButton *m_stopButton = nullptr;
    QToolButton *m_openButton = nullptr;
    QToolButton *m_saveButton = nullptr;
    QToolButton *m_saveAsButton = nullptr;
    QToolButton *m_examplesButton = nullptr;
    QMenu *m_examplesMenu = nullptr;
    QToolButton *m_clearButton = nullptr;
    QLabel *m_fileLabel = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_consoleTitle = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_stopAction = nullptr;
};

} // namespace Frameline
