#include "ui/session/recentsessions.h"

#include "ui/widgets/setting.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtGui/QAction>
#include <QtWidgets/QMenu>

namespace Frameline {

namespace {

const Setting<QStringList> &recentSetting()
{
    static const Setting<QStringList> setting(QStringLiteral("Sessions/Recent"), {});
    return setting;
}

} // namespace

RecentSessions::RecentSessions(bool persistent, QObject *parent)
    : QObject(parent)
    , m_persistent(persistent)
    , m_files(persistent ? recentSetting().value() : QStringList())
{
    while (m_files.size() > MaxFiles)
        m_files.removeLast();
}

void RecentSessions::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_files.removeAll(absolute);
    m_files.prepend(absolute);
    while (m_files.size() > MaxFiles)
        m_files.removeLast();
    store();
}

void RecentSessions::remove(const QString &path)
{
    if (m_files.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        store();
}

void RecentSessions::clear()
{
    if (m_files.isEmpty())
        return;
    m_files.clear();
    store();
}

void RecentSessions::store()
{
    if (m_persistent)
        recentSetting().setValue(m_files);
    rebuildMenu();
    Q_EMIT changed();
}

void RecentSessions::setMenu(QMenu *menu, QAction *clearAction)
{
    m_menu = menu;
    m_clearAction = clearAction;
    if (m_clearAction)
        connect(m_clearAction, &QAction::triggered, this, &RecentSessions::clear);
    rebuildMenu();
}

void RecentSessions::rebuildMenu()
{
    if (!m_menu)
        return;
    // Everything but the registry's Clear Menu action is ours to replace.
    const QList<QAction *> old = m_menu->actions();
    for (QAction *action : old) {
        m_menu->removeAction(action);
        if (action != m_clearAction.data())
            delete action;
    }
    for (qsizetype i = 0; i < m_files.size(); ++i) {
        const QString &path = m_files.at(i);
        // &1 … &9, then 1&0: the keyboard reaches each of the ten.
        const QString number = i < 9 ? QStringLiteral("&%1").arg(i + 1) : QStringLiteral("1&0");
        QString name = QFileInfo(path).fileName();
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        auto *action = new QAction(QStringLiteral("%1 %2").arg(number, name), m_menu);
        action->setObjectName(QStringLiteral("recentSession%1").arg(i));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setToolTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT openRequested(path); });
        m_menu->addAction(action);
    }
    if (!m_files.isEmpty())
        m_menu->addSeparator();
    if (m_clearAction) {
        m_clearAction->setEnabled(!m_files.isEmpty());
        m_menu->addAction(m_clearAction);
    }
    m_menu->menuAction()->setEnabled(true);
}

} // namespace Frameline
