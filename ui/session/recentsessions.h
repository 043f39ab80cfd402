#pragma once

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>

QT_BEGIN_NAMESPACE
class QAction;
class QMenu;
QT_END_NAMESPACE

namespace Frameline {

// The session files opened or saved lately, most recent first (at most MaxFiles), kept in
// "Sessions/Recent" when persistent, and the File > Recent Sessions menu that lists them: one item per
// file (numbered, the full path in its status tip), then Clear Menu. The menu is rebuilt when the list
// changes.
//
// Owned by the session controller; GUI thread.
class RecentSessions : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxFiles = 10;

    explicit RecentSessions(bool persistent, QObject *parent = nullptr);

    QStringList files() const { return m_files; }
    // Puts `path` (made absolute) first.
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

    // The menu to keep filled, and its Clear Menu action (the registry's), which is placed last.
    void setMenu(QMenu *menu, QAction *clearAction);

Q_SIGNALS:
    void openRequested(const QString &path);
    void changed();

private:
    void store();
    void rebuildMenu();

    const bool m_persistent;
    QStringList m_files;
    QPointer<QMenu> m_menu;
    QPointer<QAction> m_clearAction;
};

} // namespace Frameline
