#pragma once

#include "app/session/framestore.h"
#include "ui/workspace/workspacetab.h"

#include <QtCore/QTime>

QT_BEGIN_NAMESPACE
class QLabel;
class QSplitter;
class QTabWidget;
QT_END_NAMESPACE

namespace Frameline {

class CompareWidget;
class InspectorWidget;
class ReplayRun;
class ReplayStatusWidget;
class SessionRecorder;
class TimelineWidget;

// The tab of one replay: what it is doing and its controls (ReplayStatusWidget), its own traffic live in
// a timeline and inspector as in a client or server tab, and, once a client replay has finished, the
// comparison of what it received with what the recording did (CompareWidget). Like a live tab it records
// everything into a crash-safe journal (SessionRecorder), so Save Session As and Export work on it; the
// journal goes with the tab.
//
// Takes the ReplayRun (its child) and starts nothing: the caller starts the run once the tab is in the
// workspace. Closing the tab stops a replay still running.
//
// Owned by the Workspace's tab widget; GUI thread.
class ReplayTab : public WorkspaceTab
{
    Q_OBJECT
public:
    // `source`: what is replayed, for the title and the banner ("shop.fls, connection #1").
    ReplayTab(ReplayRun *run, const QString &source, QWidget *parent = nullptr);
    ~ReplayTab() override;

    Kind kind() const override { return Kind::Replay; }
    QString automaticTitle() const override;
    QString statusText() const override;
    QVariantMap saveSettings() const override;
    SessionRecorder *recorder() const override { return m_recorder; }

    ReplayRun *run() const { return m_run; }
    QString source() const { return m_source; }
    // Shows the comparison page (once there is one).
    void showComparison();
    bool hasComparison() const;

    FrameStore *store() { return &m_store; }
    TimelineWidget *timeline() const { return m_timeline; }
    InspectorWidget *inspector() const { return m_inspector; }
    ReplayStatusWidget *status() const { return m_status; }
    CompareWidget *compareWidget() const { return m_compare; }
    QTabWidget *pages() const { return m_pages; }

Q_SIGNALS:
    // A client replay finished: its comparison is ready (and `passed` says how it came out).
    void comparisonReady(bool passed);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onEventsReady(const EventBatch &events);
    void onFinished();
    void retranslateUi();

    ReplayRun *m_run;
    QString m_source;
    QTime m_startedAt = QTime::currentTime(); // in the title: replays of the same recording differ by it
    FrameStore m_store;
    SessionRecorder *m_recorder = nullptr;
    QLabel *m_banner = nullptr;
    ReplayStatusWidget *m_status = nullptr;
    QTabWidget *m_pages = nullptr;
    QSplitter *m_splitter = nullptr;
    TimelineWidget *m_timeline = nullptr;
    InspectorWidget *m_inspector = nullptr;
    CompareWidget *m_compare = nullptr;
};

} // namespace Frameline
