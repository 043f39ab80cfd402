#include "ui/timeline/timelineview.h"

namespace Frameline {

TimelineView::TimelineView(QWidget *parent)
    : QTreeView(parent)
{ }

} // namespace Frameline
