#include "ui/mainwindow/actionregistry.h"

#include <QtGui/QAction>
#include <QtGui/QIcon>
#include <QtGui/QKeySequence>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>

#include <optional>

namespace Frameline {

namespace {

struct ActionSpec
{
    ActionId id;
    const char *objectName;
    std::optional<QKeySequence::StandardKey> shortcut;
    QAction::MenuRole role;
    const char *themeIcon; // freedesktop icon name, or nullptr
};

// Every action, once.
constexpr ActionSpec s_actions[] = {
    { ActionId::OpenBytesFile, "openBytesFile", QKeySequence::Open, QAction::NoRole, "document-open" },
    { ActionId::Quit, "quit", QKeySequence::Quit, QAction::QuitRole, "application-exit" },
    { ActionId::AboutFrameline, "aboutFrameline", std::nullopt, QAction::AboutRole, "help-about" },
    { ActionId::AboutQt, "aboutQt", std::nullopt, QAction::AboutQtRole, nullptr },
};

} // namespace

ActionRegistry::ActionRegistry(QObject *parent)
    : QObject(parent)
{
    for (const ActionSpec &spec : s_actions) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1String(spec.objectName));
        if (spec.shortcut)
            action->setShortcuts(*spec.shortcut);
        action->setMenuRole(spec.role);
        if (spec.themeIcon)
            action->setIcon(QIcon::fromTheme(QLatin1String(spec.themeIcon)));
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
        { MenuId::File, "fileMenu", { ActionId::OpenBytesFile, std::nullopt, ActionId::Quit } },
        { MenuId::Help, "helpMenu", { ActionId::AboutFrameline, ActionId::AboutQt } },
    };
    for (const MenuSpec &spec : menus) {
        QMenu *menu = menuBar->addMenu(QString());
        menu->setObjectName(QLatin1String(spec.objectName));
        for (const std::optional<ActionId> &item : spec.items) {
            if (item)
                menu->addAction(action(*item));
            else
                menu->addSeparator();
        }
        m_menus[spec.id] = menu;
    }
    retranslate();
}

void ActionRegistry::retranslate()
{
    action(ActionId::OpenBytesFile)->setText(tr("&Open Bytes File…"));
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
        case MenuId::Help:
            menu->setTitle(tr("&Help"));
            break;
        }
    }
}

} // namespace Frameline
