#pragma once

#include <QtWidgets/QTreeView>

namespace Frameline {

// The timeline's tree view: a QTreeView that can be told to lay out its rows now, so the widget can
// measure what a relayout costs (QTreeView visits every row when rows are appended) and publish less
// often as the timeline grows. It also asks for a row's context menu, from the mouse (the row under it)
// or from the keyboard (the menu key or Shift+F10: the current row), and leaves building it to the widget.
//
// Owned by TimelineWidget; GUI thread.
class TimelineView : public QTreeView
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    // Runs a pending relayout at once (otherwise it runs before the next paint).
    void layoutNow() { executeDelayedItemsLayout(); }

    // Asks for the context menu of the current row (else the first selected one), placed under it: what the
    // menu key and Shift+F10 do.
    void requestContextMenuForCurrent();

Q_SIGNALS:
    // `index` (of the view's model; invalid when no row is there) wants its context menu at `globalPos`.
    void contextMenuRequested(const QModelIndex &index, const QPoint &globalPos);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
};

} // namespace Frameline
