#pragma once

#include "app/session/entrydetails.h"
#include "app/session/sessionexport.h"
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
class QMenu;
class QToolButton;
QT_END_NAMESPACE

namespace Frameline {

class FrameStore;
class RowExport;
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
// A row's context menu (right click, the menu key or Shift+F10) loads it into the composer or re-sends it
// (as a message or as the exact frame) through composeRequested(), and copies its payload as text or hex.
//
// Owned by the workspace (a tab); GUI thread. Does not own the store, which its owner appends to.
class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    // What a row's context menu asks of the composer: load the message (its opcode and whole payload) or
    // the exact frame (every header field and its payload) into it, or send it again at once.
    enum class ComposeAction : quint8 { LoadMessage, LoadFrame, ResendMessage, ResendFrame };
    Q_ENUM(ComposeAction)

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

    // Whether the "Resend" items of the context menu are enabled (the tab knows whether it can send now);
    // the "Load" items always are. Off until the owner says otherwise.
    void setResendEnabled(bool enabled);
    bool isResendEnabled() const { return m_resendEnabled; }
    // The context menu for the row at `index` (of viewModel()), as a right click or the menu key opens it:
    // the load and resend actions that apply to the row, then copying its payload. Null for a notice or
    // no row. The caller owns the menu; the actions emit composeRequested() or fill the clipboard.
    //
    // A data frame offers the frame actions, and the message actions when its message is complete; a
    // control frame only the frame actions; a message the message actions, and the frame actions of its
    // frame when it has exactly one (a fragment under a message is a frame row). A payload that was not
    // kept disables loading, resending and copying it, with the reason in the tooltip.
    QMenu *createContextMenu(const QModelIndex &index, QWidget *parent = nullptr);

    // Export Rows… (the row context menu, File > Export Rows…): asks for the file and the format, saying how
    // many rows will be written, then writes the rows shown now (RowExport); a failure is shown in a
    // message box. exportRows() does it without asking. rowsExported() follows either.
    void exportRowsInteractively();
    RowExport *exportRows(const QString &path, SessionExport::Format format);

Q_SIGNALS:
    void currentChanged(const Frameline::EntryDetails &details);
    void rowsExported(const QString &path, qint64 rows, const QString &error);
    // From a row's context menu. `details` is complete (the whole payload included): FrameStore's
    // frameDetails() for the frame actions, messageDetails() for the message actions.
    void composeRequested(
        const Frameline::EntryDetails &details, Frameline::TimelineWidget::ComposeAction action);

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
    void showContextMenu(const QModelIndex &index, const QPoint &globalPos);

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
    bool m_resendEnabled = false;
};

} // namespace Frameline
