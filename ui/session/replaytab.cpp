#include "ui/session/replaytab.h"

#include "ui/inspector/inspectorwidget.h"
#include "ui/session/comparewidget.h"
#include "ui/session/replayrun.h"
#include "ui/session/replaystatuswidget.h"
#include "ui/session/sessionrecorder.h"
#include "ui/timeline/timelinewidget.h"

#include <QtCore/QEvent>
#include <QtWidgets/QLabel>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

ReplayTab::ReplayTab(ReplayRun *run, const QString &source, QWidget *parent)
    : WorkspaceTab(parent)
    , m_run(run)
    , m_source(source)
    , m_recorder(new SessionRecorder(this))
    , m_banner(new QLabel(this))
    , m_status(new ReplayStatusWidget(this))
    , m_pages(new QTabWidget(this))
    , m_splitter(new QSplitter(Qt::Vertical, m_pages))
    , m_timeline(new TimelineWidget(&m_store, m_splitter))
    , m_inspector(new InspectorWidget(m_splitter))
    , m_compare(new CompareWidget(m_pages))
{
    run->setParent(this);
    m_banner->setObjectName(QStringLiteral("replayBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pages->setObjectName(QStringLiteral("replayPages"));
    m_pages->setDocumentMode(true);
    m_splitter->setObjectName(QStringLiteral("replayTimelineSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_pages->addTab(m_splitter, QString());
    m_pages->addTab(m_compare, QString());
    m_pages->setTabEnabled(1, false);
    m_pages->setTabVisible(1, run->mode() == ReplayRun::Mode::Client);
    // A mock server's clients share the timeline: say whose each row is.
    m_timeline->setConnectionColumnVisible(run->mode() == ReplayRun::Mode::MockServer);
    m_status->setRun(run);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_status);
    layout->addWidget(m_pages, 1);

    connect(m_timeline, &TimelineWidget::currentChanged, m_inspector, &InspectorWidget::showDetails);
    connect(run, &ReplayRun::eventsReady, this, &ReplayTab::onEventsReady);
    connect(run, &ReplayRun::finished, this, &ReplayTab::onFinished);
    connect(run, &ReplayRun::stateChanged, this, [this] {
        Q_EMIT statusTextChanged();
        retranslateUi();
    });
    connect(run, &ReplayRun::progressChanged, this, &ReplayTab::statusTextChanged);
    connect(m_compare, &CompareWidget::compared, this, &ReplayTab::retranslateUi);
    retranslateUi();
}

ReplayTab::~ReplayTab()
{
    // The run stops a replay still running before anything it reports to is gone.
    delete m_run;
}

QString ReplayTab::automaticTitle() const
{
    return tr("Replay %1: %2").arg(m_startedAt.toString(QStringLiteral("HH:mm:ss")), m_source);
}

QString ReplayTab::statusText() const
{
    return m_run->stateText();
}

QVariantMap ReplayTab::saveSettings() const
{
    // A replay is not opened again next time: its tab keeps nothing.
    return QVariantMap();
}

bool ReplayTab::hasComparison() const
{
    return m_compare->hasMessages();
}

void ReplayTab::showComparison()
{
    if (hasComparison())
        m_pages->setCurrentWidget(m_compare);
}

void ReplayTab::onEventsReady(const EventBatch &events)
{
    m_recorder->record(events);
    m_store.append(events);
}

void ReplayTab::onFinished()
{
    Q_EMIT statusTextChanged();
    if (!m_run->canCompare())
        return;
    m_compare->setMessages(m_run->recordedMessages(), m_run->replayedMessages());
    m_pages->setTabEnabled(1, true);
    retranslateUi();
    Q_EMIT comparisonReady(m_compare->result().passed());
}

void ReplayTab::retranslateUi()
{
    const ReplayScript &script = m_run->script();
    const bool client = m_run->mode() == ReplayRun::Mode::Client;
    QString banner = client ? tr("Replay of %1 as a client to %2").arg(m_source, m_run->url())
                            : tr("Replay of %1 as a mock server").arg(m_source);
    if (!client && !m_run->url().isEmpty())
        banner += QStringLiteral(" — ") + tr("connect to %1").arg(m_run->url());
    banner += QStringLiteral(" · ") + tr("%n recorded send(s)", nullptr, int(script.steps.size()))
        + QStringLiteral(" · ") + tr("recorded as a new session: Save Session As keeps it");
    m_banner->setText(banner);
    m_pages->setTabText(0, tr("Traffic"));
    m_pages->setTabText(1,
        hasComparison() ? tr("Comparison — %1").arg(m_compare->result().passed() ? tr("PASS") : tr("FAIL"))
                        : tr("Comparison"));
}

void ReplayTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Frameline
