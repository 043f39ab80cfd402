#pragma once

#include <QtWidgets/QTreeView>

namespace Frameline {

// The timeline's tree view: a QTreeView that can be told to lay out its rows now, so the widget can
// measure what a relayout costs (QTreeView visits every row when rows are appended) and publish less
// often as the timeline grows.
//
// Owned by TimelineWidget; GUI thread.
class TimelineView : public QTreeView
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    // Runs a pending relayout at once (otherwise it runs before the next paint).
    void layoutNow() { executeDelayedItemsLayout(); }
};

} // namespace Frameline
