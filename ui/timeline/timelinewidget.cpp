#include "ui/timeline/timelinewidget.h"

#include "app/session/framestore.h"
#include "ui/timeline/exportrowsdialog.h"
#include "ui/timeline/rowexport.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelineproxymodel.h"
#include "ui/timeline/timelineview.h"
#include "ui/widgets/colors.h"
#include "ui/widgets/hexformat.h"
#include "ui/widgets/setting.h"

#include <QtCore/QDataStream>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEvent>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QKeySequence>
#include <QtGui/QShortcut>
#include <QtWidgets/QButtonGroup>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFrame>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QStyle>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

#include <memory>

namespace Frameline {

namespace {

constexpr quint32 StateMagic = 0x544c4e31; // "TLN1"
// 2: the Client column after No. (in 1 a "Connection" column came after Time: its header layout does not
// fit the columns any more).
constexpr quint8 StateVersion = 2;
constexpr int SearchDelayMs = 200;
// Publication every 50 ms, stretched so that the view's relayout (QTreeView visits every row when rows are
// appended) takes at most about 1/20 of the GUI thread: at a million rows that is a few times a second.
constexpr int MinPublishIntervalMs = 50;
constexpr int MaxPublishIntervalMs = 1000;
constexpr int RelayoutShare = 20;

QToolButton *toggle(QWidget *parent, bool checked = true)
{
    auto *button = new QToolButton(parent);
    button->setCheckable(true);
    button->setChecked(checked);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

TimelineWidget::TimelineWidget(FrameStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new TimelineModel(store, this))
    , m_proxy(new TimelineProxyModel(m_model, this))
{
    buildUi();
    applyPalette();
    retranslate();
    syncControls();

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(SearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &TimelineWidget::onControlsChanged);

    connect(m_model, &TimelineModel::published, this, &TimelineWidget::onRowsPublished);
    connect(m_proxy, &TimelineProxyModel::countsChanged, this, &TimelineWidget::updateCounts);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TimelineWidget::updateCounts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] {
        if (m_following && !isPaused())
            scrollToTail();
    });
    connect(m_proxy, &TimelineProxyModel::filteringChanged, this,
        [this](bool filtering) { m_filteringLabel->setVisible(filtering); });
    connect(m_view->verticalScrollBar(), &QScrollBar::actionTriggered, this, &TimelineWidget::onUserScrolled);
    connect(m_view, &TimelineView::contextMenuRequested, this, &TimelineWidget::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) { onCurrentChanged(current); });
    updateCounts();
    updateLiveButton();
}

TimelineWidget::~TimelineWidget()
{
    // The proxy goes before the model it maps to (children are deleted in creation order otherwise), and
    // the view lets go of it first.
    disconnect(m_view->selectionModel(), nullptr, this, nullptr);
    m_view->setModel(nullptr);
    delete m_proxy;
}

void TimelineWidget::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    // View controls: what a row is, how time reads, Pause and Live.
    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(4, 2, 4, 0);
    controls->setSpacing(2);
    m_framesButton = toggle(this, true);
    m_messagesButton = toggle(this, false);
    auto *modeGroup = new QButtonGroup(this);
    modeGroup->setExclusive(true);
    modeGroup->addButton(m_framesButton);
    modeGroup->addButton(m_messagesButton);
    m_timeMode = new QComboBox(this);
    m_timeMode->addItems({ QString(), QString(), QString() });
    m_pauseButton = toggle(this, false);
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_pauseButton->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_liveButton = new QToolButton(this);
    m_liveButton->setAutoRaise(true);
    m_liveButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_liveButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    controls->addWidget(m_framesButton);
    controls->addWidget(m_messagesButton);
    controls->addWidget(separator(this));
    controls->addWidget(m_timeMode);
    controls->addStretch(1);
    m_filteringLabel = new QLabel(this);
    m_filteringLabel->setVisible(false);
    controls->addWidget(m_filteringLabel);
    m_countLabel = new QLabel(this);
    controls->addWidget(m_countLabel);
    controls->addWidget(separator(this));
    controls->addWidget(m_pauseButton);
    controls->addWidget(m_liveButton);
    layout->addLayout(controls);

    // The filter bar.
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 0, 4, 0);
    bar->setSpacing(2);
    m_incomingButton = toggle(this);
    m_outgoingButton = toggle(this);
    m_dataButton = toggle(this);
    m_controlButton = toggle(this);
    m_closeButton = toggle(this);
    m_noticesButton = toggle(this);
    m_violationsButton = toggle(this, false);
    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    m_regexButton = toggle(this, false);
    m_caseButton = toggle(this, false);
    m_onlyMatchingButton = toggle(this, true);
    m_previousButton = new QToolButton(this);
    m_previousButton->setAutoRaise(true);
    m_previousButton->setArrowType(Qt::UpArrow);
    m_nextButton = new QToolButton(this);
    m_nextButton->setAutoRaise(true);
    m_nextButton->setArrowType(Qt::DownArrow);
    for (QWidget *w : { static_cast<QWidget *>(m_incomingButton), static_cast<QWidget *>(m_outgoingButton) })
        bar->addWidget(w);
    bar->addWidget(separator(this));
    for (QToolButton *button : { m_dataButton, m_controlButton, m_closeButton, m_noticesButton })
        bar->addWidget(button);
    bar->addWidget(separator(this));
    bar->addWidget(m_violationsButton);
    bar->addWidget(separator(this));
    bar->addWidget(m_search, 1);
    bar->addWidget(m_regexButton);
    bar->addWidget(m_caseButton);
    bar->addWidget(m_onlyMatchingButton);
    bar->addWidget(m_previousButton);
    bar->addWidget(m_nextButton);
    layout->addLayout(bar);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setVisible(false);
    m_errorLabel->setContentsMargins(6, 0, 6, 0);
    m_errorLabel->setWordWrap(true);
    layout->addWidget(m_errorLabel);

    m_view = new TimelineView(this);
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setIconSize(QSize(14, 14));
    QHeaderView *header = m_view->header();
    header->setSectionResizeMode(QHeaderView::Interactive); // never ResizeToContents: it reads every row
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    const QFontMetrics metrics(font());
    const int digit = metrics.horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(TimelineModel::NumberColumn, digit * 9 + 20);
    header->resizeSection(TimelineModel::ConnectionColumn, digit * 6 + 12);
    header->resizeSection(TimelineModel::TimeColumn, digit * 14);
    header->resizeSection(TimelineModel::DirectionColumn, digit * 7);
    header->resizeSection(TimelineModel::OpcodeColumn, digit * 13);
    header->resizeSection(TimelineModel::FlagsColumn, digit * 17);
    header->resizeSection(TimelineModel::LengthColumn, digit * 9);
    m_view->setColumnHidden(TimelineModel::ConnectionColumn, true);
    layout->addWidget(m_view, 1);

    connect(m_framesButton, &QToolButton::toggled, this, &TimelineWidget::onControlsChanged);
    connect(m_timeMode, &QComboBox::currentIndexChanged, this, &TimelineWidget::onControlsChanged);
    connect(m_pauseButton, &QToolButton::toggled, this, [this](bool paused) { setPaused(paused); });
    connect(m_liveButton, &QToolButton::clicked, this, [this] { setFollowingTail(true); });
    for (QToolButton *button :
        { m_incomingButton, m_outgoingButton, m_dataButton, m_controlButton, m_closeButton, m_noticesButton,
            m_violationsButton, m_regexButton, m_caseButton, m_onlyMatchingButton })
        connect(button, &QToolButton::toggled, this, &TimelineWidget::onControlsChanged);
    connect(m_search, &QLineEdit::textEdited, this, &TimelineWidget::onSearchEdited);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_searchDelay.isActive()) {
            m_searchDelay.stop();
            onControlsChanged();
        }
        findNext();
    });
    connect(m_previousButton, &QToolButton::clicked, this, &TimelineWidget::findPrevious);
    connect(m_nextButton, &QToolButton::clicked, this, &TimelineWidget::findNext);

    auto *next = new QShortcut(QKeySequence::FindNext, this, this, &TimelineWidget::findNext);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    auto *previous = new QShortcut(QKeySequence::FindPrevious, this, this, &TimelineWidget::findPrevious);
    previous->setContext(Qt::WidgetWithChildrenShortcut);
    auto *findShortcut = new QShortcut(QKeySequence::Find, this, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
}

void TimelineWidget::retranslate()
{
    m_framesButton->setText(tr("Frames"));
    m_framesButton->setToolTip(tr("One row per frame"));
    m_messagesButton->setText(tr("Messages"));
    m_messagesButton->setToolTip(
        tr("One row per message, with a fragmented message's frames folded under it"));
    m_timeMode->setItemText(0, tr("Since connection start"));
    m_timeMode->setItemText(1, tr("Wall clock"));
    m_timeMode->setItemText(2, tr("Since previous row of the connection"));
    m_timeMode->setToolTip(tr("How the Time column reads"));
    m_pauseButton->setText(tr("Pause"));
    m_pauseButton->setToolTip(tr("Freeze the view; capture continues and the rows appear on resume"));
    m_liveButton->setText(tr("Live"));
    m_liveButton->setToolTip(tr("Follow the newest rows again"));
    m_incomingButton->setText(tr("\u2193 In"));
    m_incomingButton->setToolTip(tr("Show frames received from the peer"));
    m_outgoingButton->setText(tr("\u2191 Out"));
    m_outgoingButton->setToolTip(tr("Show frames we sent"));
    m_dataButton->setText(tr("Data"));
    m_dataButton->setToolTip(tr("Show text, binary and continuation frames and messages"));
    m_controlButton->setText(tr("Ping/Pong"));
    m_controlButton->setToolTip(tr("Show ping and pong frames"));
    m_closeButton->setText(tr("Close"));
    m_closeButton->setToolTip(tr("Show close frames"));
    m_noticesButton->setText(tr("Events"));
    m_noticesButton->setToolTip(tr("Show handshake, TLS, state changes, errors and violation notices"));
    m_violationsButton->setText(tr("Violations only"));
    m_violationsButton->setToolTip(tr("Show only frames, messages and notices that break the protocol"));
    m_search->setPlaceholderText(tr("Search payloads (Ctrl+F)"));
    m_regexButton->setText(QStringLiteral(".*"));
    m_regexButton->setToolTip(tr("Regular expression"));
    m_caseButton->setText(QStringLiteral("Aa"));
    m_caseButton->setToolTip(tr("Match case"));
    m_onlyMatchingButton->setText(tr("Hide others"));
    m_onlyMatchingButton->setToolTip(
        tr("Show only the rows that match the search (otherwise they are marked)"));
    m_previousButton->setToolTip(
        tr("Find previous (%1)")
            .arg(QKeySequence(QKeySequence::FindPrevious).toString(QKeySequence::NativeText)));
    m_nextButton->setToolTip(
        tr("Find next (%1)").arg(QKeySequence(QKeySequence::FindNext).toString(QKeySequence::NativeText)));
    m_filteringLabel->setText(tr("Filtering\u2026"));
    m_model->retranslate();
    updateCounts();
    if (!m_proxy->errorString().isEmpty())
        m_errorLabel->setText(m_proxy->errorString());
}

void TimelineWidget::applyPalette()
{
    const QPalette p = palette();
    m_model->setPalette(p);
    const QColor base = p.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5f;
    // Search matches: an amber wash mixed into the base, softer than the violation red.
    const QColor amber(0xf2, 0xb7, 0x05);
    const qreal amount = dark ? 0.28 : 0.35;
    const QColor highlight = Colors::mix(base, amber, amount);
    m_proxy->setHighlight(highlight);
    QPalette error = m_errorLabel->palette();
    error.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x26, 0x1c));
    m_errorLabel->setPalette(error);
    QPalette in = m_incomingButton->palette();
    in.setColor(QPalette::ButtonText, dark ? QColor(0x6f, 0xd0, 0x8c) : QColor(0x1b, 0x7f, 0x3b));
    m_incomingButton->setPalette(in);
    QPalette out = m_outgoingButton->palette();
    out.setColor(QPalette::ButtonText, dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x0b, 0x5c, 0xc4));
    m_outgoingButton->setPalette(out);
}

void TimelineWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

// ---- filter and modes ---------------------------------------------------------------------------------

void TimelineWidget::syncControls()
{
    m_updatingControls = true;
    m_incomingButton->setChecked(m_filter.incoming);
    m_outgoingButton->setChecked(m_filter.outgoing);
    m_dataButton->setChecked(m_filter.classes & TimelineFilter::DataClass);
    m_controlButton->setChecked(m_filter.classes & TimelineFilter::ControlClass);
    m_closeButton->setChecked(m_filter.classes & TimelineFilter::CloseClass);
    m_noticesButton->setChecked(m_filter.classes & TimelineFilter::NoticeClass);
    m_violationsButton->setChecked(m_filter.onlyViolations);
    if (m_search->text() != m_filter.search)
        m_search->setText(m_filter.search);
    m_regexButton->setChecked(m_filter.regularExpression);
    m_caseButton->setChecked(m_filter.caseSensitive);
    m_onlyMatchingButton->setChecked(m_filter.onlyMatching);
    m_framesButton->setChecked(m_model->mode() == TimelineModel::Mode::Frames);
    m_messagesButton->setChecked(m_model->mode() == TimelineModel::Mode::Messages);
    m_timeMode->setCurrentIndex(int(m_model->timeMode()));
    m_updatingControls = false;
}

void TimelineWidget::onSearchEdited()
{
    m_searchDelay.start();
}

void TimelineWidget::onControlsChanged()
{
    if (m_updatingControls)
        return;
    m_searchDelay.stop();
    setMessageMode(m_messagesButton->isChecked());
    m_model->setTimeMode(TimelineModel::TimeMode(std::max(0, m_timeMode->currentIndex())));
    TimelineFilter filter = m_filter;
    filter.incoming = m_incomingButton->isChecked();
    filter.outgoing = m_outgoingButton->isChecked();
    filter.classes = quint8((m_dataButton->isChecked() ? TimelineFilter::DataClass : 0)
        | (m_controlButton->isChecked() ? TimelineFilter::ControlClass : 0)
        | (m_closeButton->isChecked() ? TimelineFilter::CloseClass : 0)
        | (m_noticesButton->isChecked() ? TimelineFilter::NoticeClass : 0));
    filter.onlyViolations = m_violationsButton->isChecked();
    filter.search = m_search->text();
    filter.regularExpression = m_regexButton->isChecked();
    filter.caseSensitive = m_caseButton->isChecked();
    filter.onlyMatching = m_onlyMatchingButton->isChecked();
    m_filter = filter;
    applyFilter();
}

void TimelineWidget::setFilter(const TimelineFilter &filter)
{
    m_filter = filter;
    syncControls();
    applyFilter();
}

void TimelineWidget::applyFilter()
{
    const bool ok = m_proxy->setFilter(m_filter);
    m_errorLabel->setText(ok ? QString() : m_proxy->errorString());
    m_errorLabel->setVisible(!ok);
    updateCounts();
}

QString TimelineWidget::filterError() const
{
    return m_proxy->errorString();
}

void TimelineWidget::setConnectionFilter(quint64 connectionId)
{
    m_filter.connectionId = connectionId;
    applyFilter();
}

void TimelineWidget::setConnectionColumnVisible(bool visible)
{
    m_connectionColumnVisible = visible;
    m_view->setColumnHidden(TimelineModel::ConnectionColumn, !visible);
}

void TimelineWidget::setMessageMode(bool messages)
{
    const auto mode = messages ? TimelineModel::Mode::Messages : TimelineModel::Mode::Frames;
    if (mode == m_model->mode())
        return;
    m_model->setMode(mode);
    m_view->setRootIsDecorated(messages);
    syncControls();
    if (m_following)
        scrollToTail();
}

bool TimelineWidget::isMessageMode() const
{
    return m_model->mode() == TimelineModel::Mode::Messages;
}

void TimelineWidget::updateCounts()
{
    const qint64 shown = m_proxy->rowCount();
    const qint64 total = m_model->topLevelCount();
    QString text;
    if (m_filter.hasSearch() && m_proxy->errorString().isEmpty()) {
        const qint64 matches = m_proxy->matchCount();
        text = matches == 1 ? tr("1 match") : tr("%1 matches").arg(matches);
    } else if (shown != total) {
        text = tr("%1 of %2 rows").arg(shown).arg(total);
    } else {
        text = total == 1 ? tr("1 row") : tr("%1 rows").arg(total);
    }
    m_countLabel->setText(text);
    const bool canFind = m_filter.hasSearch() && m_proxy->matchCount() > 0;
    m_previousButton->setEnabled(canFind);
    m_nextButton->setEnabled(canFind);
}

bool TimelineWidget::findNext()
{
    return find(true);
}

bool TimelineWidget::findPrevious()
{
    return find(false);
}

bool TimelineWidget::find(bool forward)
{
    const QModelIndex found = m_proxy->findMatch(m_view->currentIndex(), forward);
    if (!found.isValid())
        return false;
    m_view->setCurrentIndex(found); // stops following the tail, like any selection
    m_view->scrollTo(found, QAbstractItemView::EnsureVisible);
    return true;
}

// ---- following the tail, pause ------------------------------------------------------------------------

void TimelineWidget::onRowsPublished()
{
    QElapsedTimer cost;
    cost.start();
    m_view->layoutNow();
    if (m_following)
        scrollToTail();
    const qint64 ms = cost.elapsed();
    m_model->setPublishInterval(
        int(std::clamp<qint64>(ms * RelayoutShare, MinPublishIntervalMs, MaxPublishIntervalMs)));
}

void TimelineWidget::scrollToTail()
{
    m_view->scrollToBottom();
}

void TimelineWidget::onUserScrolled()
{
    // Wheel, drag, arrows or page clicks on the scroll bar (never our own scrolling, nor rows arriving):
    // follow while at the bottom, stop anywhere else. The slider already has its new position.
    const QScrollBar *bar = m_view->verticalScrollBar();
    const bool atBottom = bar->sliderPosition() >= bar->maximum();
    if (atBottom != m_following) {
        m_following = atBottom;
        updateLiveButton();
    }
}

void TimelineWidget::onCurrentChanged(const QModelIndex &current)
{
    if (current.isValid() && m_following) {
        m_following = false;
        updateLiveButton();
    }
    Q_EMIT currentChanged(currentDetails());
}

void TimelineWidget::setFollowingTail(bool following)
{
    m_following = following;
    if (following) {
        if (isPaused())
            setPaused(false);
        // Keep the selection (the inspector still shows it) but stop it from holding the view.
        m_view->selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
        scrollToTail();
    }
    updateLiveButton();
}

void TimelineWidget::updateLiveButton()
{
    m_liveButton->setEnabled(!m_following || isPaused());
}

void TimelineWidget::setPaused(bool paused)
{
    m_model->setPublishing(!paused);
    if (m_pauseButton->isChecked() != paused) {
        const QSignalBlocker blocker(m_pauseButton);
        m_pauseButton->setChecked(paused);
    }
    m_pauseButton->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused && m_following)
        scrollToTail();
    updateLiveButton();
}

bool TimelineWidget::isPaused() const
{
    return !m_model->isPublishing();
}

// ---- context menu: composer and clipboard -------------------------------------------------------------

void TimelineWidget::setResendEnabled(bool enabled)
{
    m_resendEnabled = enabled;
}

QMenu *TimelineWidget::createContextMenu(const QModelIndex &index, QWidget *parent)
{
    if (!index.isValid() || index.model() != m_proxy)
        return nullptr;
    const EntryDetails row = m_model->details(m_proxy->mapToSource(index));
    // What the row offers: a message and/or a frame. Both come complete from the store.
    EntryDetails message;
    EntryDetails frame;
    if (row.kind == EntryDetails::Kind::Message) {
        message = row;
        if (row.frameIds.size() == 1)
            frame = m_store->frameDetails(row.frameIds.constFirst());
    } else if (row.kind == EntryDetails::Kind::Frame) {
        frame = row;
        // A data frame of a complete message (control frames belong to none; RFC 6455 §5.4).
        if (row.messageId >= 0 && !row.frame.isControl())
            message = m_store->messageDetails(row.messageId);
    } else {
        return nullptr; // a notice, or a row the store no longer has
    }
    const bool hasMessage = message.kind == EntryDetails::Kind::Message;
    const bool hasFrame = frame.kind == EntryDetails::Kind::Frame;
    const bool messageKept = hasMessage && !message.payloadTruncated;
    const bool frameKept = hasFrame && !frame.payloadTruncated && !frame.frame.payloadOmitted;
    const QString messageNotKept = tr("The message's payload was not kept in full (over the size limit)");
    const QString frameNotKept = tr("The frame's payload was not kept (over the frame size limit)");
    const QString cannotSend = tr("Nothing to send it to: the connection is not open");

    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("timelineContextMenu"));
    menu->setToolTipsVisible(true);
    const auto addAction
        = [menu](const QString &name, const QString &text, bool enabled, const QString &why) {
              QAction *action = menu->addAction(text);
              action->setObjectName(name);
              action->setEnabled(enabled);
              if (!enabled) {
                  action->setToolTip(why);
                  action->setStatusTip(why);
              }
              return action;
          };
    const auto addCompose
        = [this, &addAction, &cannotSend](const QString &name, const QString &text,
              const EntryDetails &details, ComposeAction composeAction, bool kept, const QString &notKept) {
              const bool resend = composeAction == ComposeAction::ResendMessage
                  || composeAction == ComposeAction::ResendFrame;
              QAction *action
                  = addAction(name, text, kept && (!resend || m_resendEnabled), kept ? cannotSend : notKept);
              connect(action, &QAction::triggered, this,
                  [this, details, composeAction] { Q_EMIT composeRequested(details, composeAction); });
          };
    if (hasMessage)
        addCompose(QStringLiteral("loadMessageAction"), tr("Load Message into Composer"), message,
            ComposeAction::LoadMessage, messageKept, messageNotKept);
    if (hasFrame)
        addCompose(QStringLiteral("loadFrameAction"), tr("Load Frame into Composer"), frame,
            ComposeAction::LoadFrame, frameKept, frameNotKept);
    if (hasMessage)
        addCompose(QStringLiteral("resendMessageAction"), tr("Resend Message"), message,
            ComposeAction::ResendMessage, messageKept, messageNotKept);
    if (hasFrame)
        addCompose(QStringLiteral("resendFrameAction"), tr("Resend Frame"), frame, ComposeAction::ResendFrame,
            frameKept, frameNotKept);
    // A frame the peer sent goes out from this end, so with this end's masking, not the peer's (RFC 6455
    // §5.1).
    if (hasFrame && frame.direction == Direction::Incoming) {
        const QString masking = tr("The peer sent this frame; it goes out with this end's masking: a client "
                                   "masks it with a fresh random key, a server sends it unmasked");
        for (QAction *action : menu->actions()) {
            if (action->isEnabled()
                && (action->objectName() == QLatin1String("loadFrameAction")
                    || action->objectName() == QLatin1String("resendFrameAction"))) {
                action->setToolTip(masking);
                action->setStatusTip(masking);
            }
        }
    }
    menu->addSeparator();

    // Copying: the row's own payload (a message row's whole message, a frame row's frame).
    const bool rowIsMessage = row.kind == EntryDetails::Kind::Message;
    const bool kept = rowIsMessage ? messageKept : frameKept;
    const QString &notKept = rowIsMessage ? messageNotKept : frameNotKept;
    const QByteArray payload = row.payload;
    QAction *copyText
        = addAction(QStringLiteral("copyPayloadTextAction"), tr("Copy Payload as Text"), kept, notKept);
    connect(copyText, &QAction::triggered, this,
        [payload] { QGuiApplication::clipboard()->setText(QString::fromUtf8(payload)); });
    QAction *copyHex
        = addAction(QStringLiteral("copyPayloadHexAction"), tr("Copy Payload as Hex"), kept, notKept);
    connect(copyHex, &QAction::triggered, this,
        [payload] { QGuiApplication::clipboard()->setText(HexFormat::bytes(payload)); });
    return menu;
}

void TimelineWidget::showContextMenu(const QModelIndex &index, const QPoint &globalPos)
{
    QMenu *menu = createContextMenu(index, this);
    if (!menu)
        return;
    // Then what applies to every row shown.
    menu->addSeparator();
    QAction *exportRows = menu->addAction(tr("Export Rows…"));
    exportRows->setObjectName(QStringLiteral("exportRowsAction"));
    connect(exportRows, &QAction::triggered, this, &TimelineWidget::exportRowsInteractively);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

void TimelineWidget::exportRowsInteractively()
{
    static const Setting<QString> directory(QStringLiteral("Timeline/ExportDirectory"), QDir::homePath());
    // The rows shown now are the ones written, whatever arrives while the dialog is open.
    auto entries = std::make_shared<std::vector<qint64>>(RowExport::shownEntries(m_proxy));
    const qint64 messages = RowExport::shownMessages(m_proxy);
    auto *dialog = new ExportRowsDialog(qint64(entries->size()), messages,
        QDir(directory.value()).filePath(QStringLiteral("timeline.csv")), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, entries] {
        const QString path = QDir::fromNativeSeparators(dialog->path());
        directory.setValue(QFileInfo(path).absolutePath());
        auto *job = new RowExport(m_store, std::move(*entries), dialog->format(), path, this);
        connect(job, &RowExport::finished, this, &TimelineWidget::rowsExported);
        connect(job, &RowExport::finished, this, [this](const QString &, qint64, const QString &error) {
            if (error.isEmpty())
                return;
            auto *box = new QMessageBox(
                QMessageBox::Warning, tr("Cannot Export Rows"), error, QMessageBox::Ok, this);
            box->setObjectName(QStringLiteral("exportRowsError"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
        job->start();
    });
    dialog->open();
}

RowExport *TimelineWidget::exportRows(const QString &path, SessionExport::Format format)
{
    auto *job = new RowExport(m_store, RowExport::shownEntries(m_proxy), format, path, this);
    connect(job, &RowExport::finished, this, &TimelineWidget::rowsExported);
    job->start();
    return job;
}

// ---- the rest of the contract -------------------------------------------------------------------------

FrameStore *TimelineWidget::store() const
{
    return m_store;
}

void TimelineWidget::reset()
{
    m_model->reset();
    m_following = true;
    updateLiveButton();
    updateCounts();
    Q_EMIT currentChanged(EntryDetails());
}

EntryDetails TimelineWidget::currentDetails() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    QModelIndex selected = current;
    if (!selected.isValid()) {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            selected = rows.constFirst();
    }
    if (!selected.isValid())
        return {};
    return m_model->details(m_proxy->mapToSource(selected));
}

QTreeView *TimelineWidget::view() const
{
    return m_view;
}

QAbstractItemModel *TimelineWidget::viewModel() const
{
    return m_proxy;
}

QByteArray TimelineWidget::saveState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << StateMagic << StateVersion << m_view->header()->saveState() << quint8(m_model->mode())
        << quint8(m_model->timeMode()) << m_filter.incoming << m_filter.outgoing << m_filter.classes
        << m_filter.onlyViolations << m_filter.regularExpression << m_filter.caseSensitive
        << m_filter.onlyMatching;
    return state;
}

bool TimelineWidget::restoreState(const QByteArray &state)
{
    QDataStream in(state);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint8 version = 0;
    QByteArray header;
    quint8 mode = 0;
    quint8 timeMode = 0;
    TimelineFilter filter = m_filter;
    in >> magic >> version >> header >> mode >> timeMode >> filter.incoming >> filter.outgoing
        >> filter.classes >> filter.onlyViolations >> filter.regularExpression >> filter.caseSensitive
        >> filter.onlyMatching;
    if (in.status() != QDataStream::Ok || magic != StateMagic || version < 1 || version > StateVersion
        || mode > 1 || timeMode > 2)
        return false;
    // A version 1 layout has its columns in another order (widths and hidden flags would land on the
    // wrong columns): the default layout stays. The Client column shows as its owner set it.
    if (version == StateVersion)
        m_view->header()->restoreState(header);
    m_view->setColumnHidden(TimelineModel::ConnectionColumn, !m_connectionColumnVisible);
    setMessageMode(mode == 1);
    m_model->setTimeMode(TimelineModel::TimeMode(timeMode));
    setFilter(filter);
    return true;
}

} // namespace Frameline
