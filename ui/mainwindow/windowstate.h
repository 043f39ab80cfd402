#pragma once

class QMainWindow;
class QWidget;

namespace Frameline {

// Saves and restores the layout of a main window in one place: its geometry and dock/toolbar state, and
// the state of every QSplitter and QHeaderView inside it that has an objectName (the name is the key).
// Settings: "Window/Geometry", "Window/State", "Splitters/<objectName>", "Headers/<objectName>".
//
// Stateless; GUI thread.
class WindowState
{
public:
    // Returns false when nothing was saved yet (the caller then picks a first-run size).
    static bool restore(QMainWindow *window);
    static void save(const QMainWindow *window);
    // Restores the splitters and headers inside `widget` only: for a tab opened after the window.
    static void restoreChildren(QWidget *widget);
};

} // namespace Frameline
