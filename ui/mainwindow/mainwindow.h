#pragma once

#include <QtWidgets/QMainWindow>

class QLabel;
class QToolBar;

namespace Frameline {

class ActionRegistry;
class DecoderWidget;
class SessionController;
class Workspace;
class WorkspaceTab;

// The desktop app's main window: the workspace of client, server, session and decoder tabs, the menus and
// toolbar built from the ActionRegistry, and a status bar that shows the current tab's line (its live
// counters, or the decoder's summary). Session files are opened, saved, exported and recovered through
// its SessionController; a file dropped on the window opens as `frameline FILE` would. Unless told not
// to, restores and saves its layout through WindowState and its tabs through the Workspace, and offers
// the journals a crash left behind for recovery.
//
// Created by main() on the stack; owns its widgets; GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Persistence : quint8 {
        RestoreAndSave, // the normal app: the layout and tabs of last time
        None, // tests and screenshots: the default layout, no tabs, nothing written
    };

    explicit MainWindow(Persistence persistence = Persistence::RestoreAndSave, QWidget *parent = nullptr);
    ~MainWindow() override;

    Workspace *workspace() const { return m_workspace; }
    // The frame decoder (its tab is opened and made current).
    DecoderWidget *decoder() const;
    ActionRegistry *actions() const { return m_actions; }
    SessionController *sessions() const { return m_sessions; }

    // Decodes a file of raw bytes in the decoder tab; on failure tells the user why and returns false.
    bool openBytesFile(const QString &path);
    // Opens a file by what it holds: a session or HAR file read-only in a session tab, anything else in
    // the decoder (as `frameline FILE` and a file dropped on the window do). False when it cannot.
    bool openFile(const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void onOpenBytesFile();
    void onPreferences();
    void onAboutFrameline();
    void onCurrentTabChanged(WorkspaceTab *tab);
    void restoreTabLayout(WorkspaceTab *tab);
    void updateTabActions();
    void retranslateUi();

    Persistence m_persistence;
    ActionRegistry *m_actions = nullptr;
    Workspace *m_workspace = nullptr;
    SessionController *m_sessions = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_summaryLabel = nullptr;
};

} // namespace Frameline
