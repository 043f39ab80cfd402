#include "ui/timeline/timelineview.h"

#include <QtGui/QContextMenuEvent>
#include <QtGui/QKeySequence>
#include <QtGui/QShortcut>

namespace Frameline {

TimelineView::TimelineView(QWidget *parent)
    : QTreeView(parent)
{
    // Qt turns the menu key into a context menu event; Shift+F10 is the other key people know for it.
    auto *menuShortcut = new QShortcut(
        QKeySequence(Qt::SHIFT | Qt::Key_F10), this, this, &TimelineView::requestContextMenuForCurrent);
    menuShortcut->setContext(Qt::WidgetShortcut);
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    event->accept();
    if (event->reason() == QContextMenuEvent::Keyboard) {
        requestContextMenuForCurrent();
        return;
    }
    // A mouse event reaches the view through its viewport, in the viewport's coordinates.
    Q_EMIT contextMenuRequested(indexAt(event->pos()), event->globalPos());
}

void TimelineView::requestContextMenuForCurrent()
{
    QModelIndex index = currentIndex();
    if (!index.isValid() && selectionModel()) {
        const QModelIndexList rows = selectionModel()->selectedRows();
        if (!rows.isEmpty())
            index = rows.constFirst();
    }
    QPoint position(0, 0);
    if (index.isValid()) {
        scrollTo(index);
        const QRect rect = visualRect(index);
        // Under the row, a little in from where its first visible column starts.
        position = QPoint(std::max(0, rect.left()) + 16, rect.bottom());
    }
    Q_EMIT contextMenuRequested(index, viewport()->mapToGlobal(position));
}

} // namespace Frameline
