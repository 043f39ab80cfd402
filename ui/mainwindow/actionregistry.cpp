#include "ui/mainwindow/actionregistry.h"

#include <QtGui/QAction>
#include <QtGui/QIcon>
#include <QtGui/QKeySequence>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QToolBar>

#include <optional>

namespace Frameline {

namespace {

struct ActionSpec
{
    ActionId id;
    const char *objectName;
    std::optional<QKeySequence::StandardKey> shortcut;
    std::optional<QKeySequence::StandardKey> extraShortcut; // a second standard key for the same action
    QKeyCombination fallback; // used when the platform has no binding for `shortcut` (or there is none)
    QAction::MenuRole role;
    const char *icon; // ":/icons/NAME.svg" or a freedesktop theme name (no colon), or nullptr
};

constexpr QKeyCombination NoKey = QKeyCombination(Qt::Key_unknown);

// Every action, once.
const ActionSpec s_actions[] = {
    { ActionId::NewClientTab, "newClientTab", QKeySequence::AddTab, QKeySequence::New, NoKey, QAction::NoRole,
        ":/icons/client-tab.svg" },
    { ActionId::NewServerTab, "newServerTab", std::nullopt, std::nullopt, Qt::CTRL | Qt::SHIFT | Qt::Key_N,
        QAction::NoRole, ":/icons/server-tab.svg" },
    { ActionId::ConnectToEchoServer, "connectToEchoServer", std::nullopt, std::nullopt,
        Qt::CTRL | Qt::SHIFT | Qt::Key_E, QAction::NoRole, ":/icons/echo.svg" },
    { ActionId::OpenSession, "openSession", QKeySequence::Open, std::nullopt, NoKey, QAction::NoRole,
        "document-open" },
    { ActionId::RecentSessions, "recentSessions", std::nullopt, std::nullopt, NoKey, QAction::NoRole,
        "document-open-recent" },
    { ActionId::ClearRecentSessions, "clearRecentSessions", std::nullopt, std::nullopt, NoKey,
        QAction::NoRole, "edit-clear-history" },
    { ActionId::SaveSessionAs, "saveSessionAs", QKeySequence::SaveAs, std::nullopt,
        Qt::CTRL | Qt::SHIFT | Qt::Key_S, QAction::NoRole, "document-save-as" },
    { ActionId::ImportHar, "importHar", std::nullopt, std::nullopt, NoKey, QAction::NoRole,
        "document-import" },
    { ActionId::ExportSession, "exportSession", std::nullopt, std::nullopt, NoKey, QAction::NoRole,
        "document-export" },
    { ActionId::ExportRows, "exportRows", std::nullopt, std::nullopt, NoKey, QAction::NoRole, nullptr },
    { ActionId::ReplaySession, "replaySession", std::nullopt, std::nullopt, Qt::CTRL | Qt::SHIFT | Qt::Key_R,
        QAction::NoRole, ":/icons/replay.svg" },
    // Ctrl+O opens sessions, what most users open; raw bytes are one Shift away.
    { ActionId::OpenBytesFile, "openBytesFile", std::nullopt, std::nullopt, Qt::CTRL | Qt::SHIFT | Qt::Key_O,
        QAction::NoRole, nullptr },
    { ActionId::DecodeBytes, "decodeBytes", std::nullopt, std::nullopt, Qt::CTRL | Qt::SHIFT | Qt::Key_D,
        QAction::NoRole, ":/icons/decoder-tab.svg" },
    { ActionId::RenameTab, "renameTab", std::nullopt, std::nullopt, Qt::Key_F2, QAction::NoRole, nullptr },
    { ActionId::CloseTab, "closeTab", QKeySequence::Close, std::nullopt, NoKey, QAction::NoRole,
        "window-close" },
    { ActionId::Quit, "quit", QKeySequence::Quit, std::nullopt, NoKey, QAction::QuitRole,
        "application-exit" },
    { ActionId::NextTab, "nextTab", QKeySequence::NextChild, std::nullopt, NoKey, QAction::NoRole, nullptr },
    { ActionId::PreviousTab, "previousTab", QKeySequence::PreviousChild, std::nullopt, NoKey, QAction::NoRole,
        nullptr },
    { ActionId::Preferences, "preferences", QKeySequence::Preferences, std::nullopt, Qt::CTRL | Qt::Key_Comma,
        QAction::PreferencesRole, ":/icons/settings.svg" },
    { ActionId::AboutFrameline, "aboutFrameline", std::nullopt, std::nullopt, NoKey, QAction::AboutRole,
        "help-about" },
    { ActionId::AboutQt, "aboutQt", std::nullopt, std::nullopt, NoKey, QAction::AboutQtRole, nullptr },
};

} // namespace

ActionRegistry::ActionRegistry(QObject *parent)
    : QObject(parent)
{
    for (const ActionSpec &spec : s_actions) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1String(spec.objectName));
        QList<QKeySequence> shortcuts;
        if (spec.shortcut)
            shortcuts = QKeySequence::keyBindings(*spec.shortcut);
        if (spec.extraShortcut) {
            for (const QKeySequence &key : QKeySequence::keyBindings(*spec.extraShortcut)) {
                if (!shortcuts.contains(key))
                    shortcuts.append(key);
            }
        }
        if (shortcuts.isEmpty() && spec.fallback != NoKey)
            shortcuts.append(QKeySequence(spec.fallback));
        action->setShortcuts(shortcuts);
        action->setMenuRole(spec.role);
        if (spec.icon) {
            const QString icon = QLatin1String(spec.icon);
            action->setIcon(icon.startsWith(QLatin1Char(':')) ? QIcon(icon) : QIcon::fromTheme(icon));
        }
        m_actions.emplace(spec.id, action);
    }
    retranslate();
}

QAction *ActionRegistry::action(ActionId id) const
{
    return m_actions.at(id);
}

void ActionRegistry::populateMenuBar(QMenuBar *menuBar)
{
    // The menu layout: each menu and its actions in order; std::nullopt is a separator.
    struct MenuSpec
    {
        MenuId id;
        const char *objectName;
        std::initializer_list<std::optional<ActionId>> items;
    };
    const MenuSpec menus[] = {
        { MenuId::File, "fileMenu",
            { ActionId::NewClientTab, ActionId::NewServerTab, ActionId::ConnectToEchoServer, std::nullopt,
                ActionId::OpenSession, ActionId::RecentSessions, ActionId::SaveSessionAs,
                ActionId::ReplaySession, std::nullopt, ActionId::ImportHar, ActionId::ExportSession,
                ActionId::ExportRows, std::nullopt, ActionId::OpenBytesFile,
                std::nullopt, ActionId::RenameTab, ActionId::CloseTab, std::nullopt, ActionId::Quit } },
        { MenuId::View, "viewMenu", { ActionId::NextTab, ActionId::PreviousTab } },
        { MenuId::Tools, "toolsMenu", { ActionId::DecodeBytes, std::nullopt, ActionId::Preferences } },
        { MenuId::Help, "helpMenu", { ActionId::AboutFrameline, ActionId::AboutQt } },
    };
    for (const MenuSpec &spec : menus) {
        QMenu *menu = menuBar->addMenu(QString());
        menu->setObjectName(QLatin1String(spec.objectName));
        for (const std::optional<ActionId> &item : spec.items) {
            if (!item) {
                menu->addSeparator();
            } else if (*item == ActionId::RecentSessions) {
                // A submenu: its action carries the text and icon, RecentSessions fills it.
                m_recentSessionsMenu = new QMenu(menu);
                m_recentSessionsMenu->setObjectName(QStringLiteral("recentSessionsMenu"));
                action(*item)->setMenu(m_recentSessionsMenu);
                m_recentSessionsMenu->addAction(action(ActionId::ClearRecentSessions));
                menu->addAction(action(*item));
            } else {
                menu->addAction(action(*item));
            }
        }
        m_menus[spec.id] = menu;
    }
    retranslate();
}

void ActionRegistry::populateToolBar(QToolBar *toolBar)
{
    for (const ActionId id : { ActionId::NewClientTab, ActionId::NewServerTab, ActionId::ConnectToEchoServer,
             ActionId::DecodeBytes, ActionId::ReplaySession })
        toolBar->addAction(action(id));
}

void ActionRegistry::retranslate()
{
    action(ActionId::NewClientTab)->setText(tr("New &Client Tab"));
    action(ActionId::NewClientTab)->setStatusTip(tr("Open a tab that connects to a WebSocket server"));
    action(ActionId::NewServerTab)->setText(tr("New &Server Tab"));
    action(ActionId::NewServerTab)->setStatusTip(tr("Open a tab that runs a local WebSocket server"));
    action(ActionId::ConnectToEchoServer)->setText(tr("Connect to Built-in &Echo Server"));
    action(ActionId::ConnectToEchoServer)
        ->setStatusTip(tr("Open a client tab connected to Frameline's own echo server on this computer"));
    action(ActionId::DecodeBytes)->setText(tr("&Decode Bytes"));
    action(ActionId::DecodeBytes)->setStatusTip(tr("Show the frame decoder"));
    action(ActionId::RenameTab)->setText(tr("&Rename Tab…"));
    action(ActionId::CloseTab)->setText(tr("Close &Tab"));
    action(ActionId::NextTab)->setText(tr("&Next Tab"));
    action(ActionId::PreviousTab)->setText(tr("&Previous Tab"));
    action(ActionId::Preferences)->setText(tr("&Preferences…"));
    action(ActionId::OpenSession)->setText(tr("&Open Session…"));
    action(ActionId::OpenSession)
        ->setStatusTip(tr("Open a recorded session (or a HAR file) read-only in a new tab"));
    action(ActionId::RecentSessions)->setText(tr("Recent Sess&ions"));
    action(ActionId::ClearRecentSessions)->setText(tr("&Clear Menu"));
    action(ActionId::SaveSessionAs)->setText(tr("Save Session &As…"));
    action(ActionId::SaveSessionAs)
        ->setStatusTip(tr("Save everything the current tab recorded as a session file"));
    action(ActionId::ImportHar)->setText(tr("I&mport HAR…"));
    action(ActionId::ImportHar)
        ->setStatusTip(
            tr("Open the WebSocket connections of a HAR file exported by a browser's developer tools"));
    action(ActionId::ExportSession)->setText(tr("E&xport Session…"));
    action(ActionId::ExportSession)->setStatusTip(tr("Write the current tab's session as HAR, CSV or JSON"));
    action(ActionId::ExportRows)->setText(tr("Export Ro&ws…"));
    action(ActionId::ExportRows)
        ->setStatusTip(tr("Write the rows the current timeline shows, after its filters, as CSV or JSON"));
    action(ActionId::ReplaySession)->setText(tr("Re&play…"));
    action(ActionId::ReplaySession)
        ->setStatusTip(tr("Replay a connection of the current session tab as a client or as a mock server"));
    action(ActionId::OpenBytesFile)->setText(tr("Open &Bytes File…"));
    action(ActionId::OpenBytesFile)
        ->setStatusTip(tr("Decode a file of raw WebSocket bytes (the stream after the handshake)"));
    action(ActionId::Quit)->setText(tr("&Quit"));
    action(ActionId::AboutFrameline)->setText(tr("&About Frameline"));
    action(ActionId::AboutQt)->setText(tr("About &Qt"));
    for (const auto &[id, menu] : m_menus) {
        switch (id) {
        case MenuId::File:
            menu->setTitle(tr("&File"));
            break;
        case MenuId::View:
            menu->setTitle(tr("&View"));
            break;
        case MenuId::Tools:
            menu->setTitle(tr("&Tools"));
            break;
        case MenuId::Help:
            menu->setTitle(tr("&Help"));
            break;
        }
    }
}

} // namespace Frameline
