#pragma once

#include <QtCore/QObject>

#include <map>

class QAction;
class QMenu;
class QMenuBar;
class QToolBar;

namespace Frameline {

// Every action of the main window, by id.
enum class ActionId : quint8 {
    NewClientTab,
    NewServerTab,
    ConnectToEchoServer,
    OpenSession,
    RecentSessions, // a submenu: recentSessionsMenu()
    ClearRecentSessions,
    SaveSessionAs,
    ImportHar,
    ExportSession,
    ExportRows,
    ReplaySession,
    OpenBytesFile,
    DecodeBytes,
    RenameTab,
    CloseTab,
    Quit,
    NextTab,
    PreviousTab,
    Preferences,
    AboutFrameline,
    AboutQt,
};

// The one place that names every action: creates the QActions with their texts, shortcuts (standard ones
// from QKeySequence::StandardKey) and menu roles, and builds the menus from a single layout table.
// Owners connect to action(id)->triggered.
//
// Owned by the main window (QObject parent); GUI thread.
class ActionRegistry : public QObject
{
    Q_OBJECT
public:
    explicit ActionRegistry(QObject *parent);

    QAction *action(ActionId id) const;
    // Fills the menu bar with the menus and actions of the layout table.
    void populateMenuBar(QMenuBar *menuBar);
    // Fills the main toolbar with the actions a user reaches for most.
    void populateToolBar(QToolBar *toolBar);
    // File > Recent Sessions (made by populateMenuBar(); its items are the RecentSessions' to fill).
    QMenu *recentSessionsMenu() const { return m_recentSessionsMenu; }
    // Call on QEvent::LanguageChange.
    void retranslate();

private:
    enum class MenuId : quint8 { File, View, Tools, Help };

    std::map<ActionId, QAction *> m_actions;
    std::map<MenuId, QMenu *> m_menus;
    QMenu *m_recentSessionsMenu = nullptr;
};

} // namespace Frameline
