#include "ui/session/replaystatuswidget.h"

#include <QtCore/QEvent>
#include <QtGui/QIcon>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>

namespace Frameline {

ReplayStatusWidget::ReplayStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_state(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_next(new QPushButton(this))
    , m_stop(new QPushButton(this))
    , m_warningsLabel(new QLabel(this))
    , m_warnings(new QListWidget(this))
{
    setObjectName(QStringLiteral("replayStatus"));
    m_state->setObjectName(QStringLiteral("replayState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setWordWrap(true);
    // Room for two lines whatever the step says, so that Next does not move between steps.
    m_state->setMinimumHeight(2 * m_state->fontMetrics().lineSpacing());
    m_state->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_progress->setObjectName(QStringLiteral("replayProgress"));
    m_progress->setMinimumWidth(160);
    m_next->setObjectName(QStringLiteral("replayNext"));
    m_next->setIcon(QIcon::fromTheme(QStringLiteral("media-skip-forward")));
    m_stop->setObjectName(QStringLiteral("replayStop"));
    m_stop->setIcon(QIcon::fromTheme(QStringLiteral("media-playback-stop")));
    m_warningsLabel->setStyleSheet(QStringLiteral("color: #c27c0e;"));
    m_warnings->setObjectName(QStringLiteral("replayWarnings"));
    m_warnings->setMaximumHeight(70);
    m_warnings->setWordWrap(true);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state, 0, 0, 1, 3);
    layout->addWidget(m_progress, 1, 0);
    layout->addWidget(m_next, 1, 1);
    layout->addWidget(m_stop, 1, 2);
    layout->addWidget(m_warningsLabel, 2, 0, 1, 3);
    layout->addWidget(m_warnings, 3, 0, 1, 3);
    layout->setColumnStretch(0, 1);

    connect(m_next, &QPushButton::clicked, this, [this] {
        // Next is disabled until the step is sent; then the focus comes back to it, rather than staying
        // on Stop where the next Space would end the replay.
        m_nextClicked = true;
        if (m_run)
            m_run->next();
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run->stop();
    });
    retranslateUi();
}

void ReplayStatusWidget::setRun(ReplayRun *run)
{
    if (m_run)
        disconnect(m_run, nullptr, this, nullptr);
    m_run = run;
    m_warnings->clear();
    if (run) {
        m_warnings->addItems(run->warnings());
        connect(run, &ReplayRun::stateChanged, this, &ReplayStatusWidget::refresh);
        connect(run, &ReplayRun::progressChanged, this, &ReplayStatusWidget::refresh);
        connect(run, &ReplayRun::warningAdded, this, [this](const QString &text) {
            m_warnings->addItem(text);
            m_warnings->scrollToBottom();
            refresh();
        });
        connect(run, &QObject::destroyed, this, &ReplayStatusWidget::refresh);
    }
    refresh();
}

void ReplayStatusWidget::refresh()
{
    ReplayRun *run = m_run;
    if (!run) {
        m_state->setText(tr("The replay's tab was closed"));
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_next->hide();
        m_stop->setEnabled(false);
        return;
    }
    m_state->setText(run->stateText());
    const bool client = run->mode() == ReplayRun::Mode::Client;
    m_progress->setRange(0, qMax(1, run->total()));
    m_progress->setValue(qMin(run->sent(), qMax(1, run->total())));
    m_progress->setFormat(tr("%1 of %2 sent").arg(run->sent()).arg(run->total()));
    m_progress->setVisible(client || run->clientCount() > 0);
    m_next->setVisible(client && run->settings().replay.timing == ReplayOptions::Timing::Step);
    const bool nextReady = run->state() == ReplayRun::State::AwaitingNext;
    const bool giveFocusBack = nextReady && m_nextClicked && !m_next->isEnabled();
    m_next->setEnabled(nextReady);
    if (giveFocusBack) {
        m_nextClicked = false;
        m_next->setFocus(Qt::OtherFocusReason);
    }
    m_stop->setEnabled(
        run->state() != ReplayRun::State::Finished && run->state() != ReplayRun::State::Stopping);
    const int warnings = m_warnings->count();
    m_warningsLabel->setText(tr("Warnings: %1").arg(warnings));
    m_warningsLabel->setVisible(warnings > 0);
    m_warnings->setVisible(warnings > 0);
}

void ReplayStatusWidget::retranslateUi()
{
    m_next->setText(tr("&Next"));
    m_next->setToolTip(tr("Send the next step"));
    m_stop->setText(tr("S&top"));
    m_stop->setToolTip(tr("Stop the replay and close its connections"));
    refresh();
}

void ReplayStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Frameline
