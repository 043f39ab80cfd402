#pragma once

#include "app/session/entrydetails.h"
#include "ui/timeline/timelinefilter.h"

#include <QtCore/QTimer>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;
QT_END_NAMESPACE

namespace Frameline {

class FrameStore;
class TimelineModel;
class TimelineProxyModel;
class TimelineView;

// The live timeline of a connection (or of a server's clients): a tree view over TimelineModel through
// TimelineProxyModel, with the filter bar (directions, opcode classes, text or regular-expression search,
// violations only, match count, Find next/previous) and the view controls (frames or messages, time mode,
// Pause, Live).
//
// Follows the tail while the view is scrolled to the bottom; scrolling up or selecting a row stops that, and
// Live returns to it. Pause freezes the rows while the store keeps growing.
//
// Owned by the workspace (a tab); GUI thread. Does not own the store, which its owner appends to.
class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineWidget(FrameStore *store, QWidget *parent = nullptr);
    ~TimelineWidget() override;

    FrameStore *store() const;
    void setConnectionFilter(quint64 connectionId); // 0: every connection of the store
    quint64 connectionFilter() const { return m_filter.connectionId; }
    // The Client column (which connection a row belongs to): hidden by default; a store with several
    // connections (a server tab) shows it. The owner decides: restoreState() does not change it.
    void setConnectionColumnVisible(bool visible);
    bool isConnectionColumnVisible() const { return m_connectionColumnVisible; }
    void reset(); // the owner cleared the store

    void setPaused(bool paused);
    bool isPaused() const;
    bool isFollowingTail() const { return m_following; }
    void setFollowingTail(bool following); // Live: true (and resumes a paused view)

    EntryDetails currentDetails() const; // Kind::None when nothing is selected
    QTreeView *view() const;
    QAbstractItemModel *viewModel() const; // what the view shows (the filter proxy)
    TimelineModel *timelineModel() const { return m_model; }
    TimelineProxyModel *proxyModel() const { return m_proxy; }

    // The view's layout (column widths and order), the modes and the filter toggles. restoreState() takes
    // what saveState() gave, also from an older version (a layout saved before the Client column moved
    // is dropped, the rest kept); false for anything else.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);

    // The filter bar, for tests and for actions elsewhere (the search field is debounced; this is not).
    void setFilter(const TimelineFilter &filter);
    TimelineFilter filter() const { return m_filter; }
    QString filterError() const;
    // Selects the next (previous) row that matches the search; false when none does.
    bool findNext();
    bool findPrevious();

    void setMessageMode(bool messages);
    bool isMessageMode() const;

Q_SIGNALS:
    void currentChanged(const Frameline::EntryDetails &details);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void applyPalette();
    void syncControls();
    void onControlsChanged();
    void onSearchEdited();
    void applyFilter();
    void onRowsPublished();
    void onUserScrolled();
    void onCurrentChanged(const QModelIndex &current);
    void updateCounts();
    void updateLiveButton();
    bool find(bool forward);
    void scrollToTail();

    FrameStore *m_store;
    TimelineModel *m_model;
    TimelineProxyModel *m_proxy;
    TimelineFilter m_filter;

    TimelineView *m_view = nullptr;
    QToolButton *m_framesButton = nullptr;
    QToolButton *m_messagesButton = nullptr;
    QComboBox *m_timeMode = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QToolButton *m_liveButton = nullptr;
    QToolButton *m_incomingButton = nullptr;
    QToolButton *m_outgoingButton = nullptr;
    QToolButton *m_dataButton = nullptr;
    QToolButton *m_controlButton = nullptr;
    QToolButton *m_closeButton = nullptr;
    QToolButton *m_noticesButton = nullptr;
    QToolButton *m_violationsButton = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_regexButton = nullptr;
    QToolButton *m_caseButton = nullptr;
    QToolButton *m_onlyMatchingButton = nullptr;
    QToolButton *m_previousButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_filteringLabel = nullptr;

    QTimer m_searchDelay;
    bool m_following = true;
    bool m_updatingControls = false;
    bool m_connectionColumnVisible = false;
};

} // namespace Frameline
