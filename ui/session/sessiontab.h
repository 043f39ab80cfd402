#pragma once

#include "app/session/framestore.h"
#include "app/session/sessionformat.h"
#include "ui/session/sessionfiles.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/workspace/workspacetab.h"

#include <QtCore/QSet>
#include <QtCore/QStringList>
#include <QtCore/QThread>

#include <memory>

QT_BEGIN_NAMESPACE
class QLabel;
class QLockFile;
class QProgressBar;
class QSplitter;
QT_END_NAMESPACE

namespace Frameline {

class InspectorWidget;
class SessionEventFile;
class SessionLoader;

// A recorded session, read-only: a session file, a HAR file, or a journal recovered after a crash, shown
// with the same timeline (and its filters) and inspector as a live tab, over a FrameStore of its own. A
// banner above says what is shown ("Opened read-only: PATH — N frames") and every warning the reader had
// (a truncated last line, a corrupt line N).
//
// A session file is indexed in a loader thread of the tab's own (SessionLoader): the store the tab shows is
// in indexed mode (FrameStore::appendIndexed()), its payloads read from the file on demand, so a file of
// millions of frames opens in the time of the index pass and holds no payload in memory. A HAR file is
// imported there and appended batch by batch, with a progress bar in the banner. The window stays
// responsive meanwhile. A file that cannot be read at all ends as loadFailed() (the banner says why); a
// session file that changes on disk while shown (truncated, rewritten) is said so in the banner
// (readError()): its rows stay, payloads that can no longer be read show empty.
//
// A recovered journal belongs to the tab (it holds the journal's lock): closing the tab discards it, as
// closing a live tab discards its recording, unless it was saved (adoptSavedFile()).
//
// Owned by the Workspace's tab widget; GUI thread.
class SessionTab : public WorkspaceTab
{
    Q_OBJECT
public:
    enum class Origin : quint8 {
        File, // opened by the user (or restored): a session or HAR file
        RecoveredJournal, // a journal a crash left behind
    };
    enum class LoadState : quint8 { Loading, Loaded, Failed };

    // Starts loading at once. `kind` is SessionFiles::sniff()'s verdict (Session or Har).
    SessionTab(const QString &path, SessionFiles::Kind kind, Origin origin, QWidget *parent = nullptr);
    // Stops the loader; deletes a recovered journal that was not saved.
    ~SessionTab() override;

    Kind kind() const override { return Kind::Session; }
    QString automaticTitle() const override;
    QString statusText() const override;
    QVariantMap saveSettings() const override;
    void restoreSettings(const QVariantMap &map);
    // The file a saved tab showed (saveSettings()'s "path").
    static QString pathFromSettings(const QVariantMap &map);

    QString path() const { return m_path; }
    SessionFiles::Kind fileKind() const { return m_fileKind; }
    Origin origin() const { return m_origin; }
    bool isRecovered() const { return m_origin == Origin::RecoveredJournal; }
    // The recovered journal's tab name (the header's "title").
    QString recordedTitle() const { return m_recordedTitle; }
    // The tab's session was saved as `path` (a session file): the tab shows that file from now on, and a
    // recovered journal is no longer needed (it is deleted).
    void adoptSavedFile(const QString &path);

    LoadState loadState() const { return m_loadState; }
    bool isLoaded() const { return m_loadState == LoadState::Loaded; }
    QString errorString() const { return m_error; }
    // The first payload that could not be read back from the file since it was opened (empty: none).
    QString readError() const { return m_readError; }
    QStringList warnings() const { return m_warnings; }
    const SessionHeader &header() const { return m_header; }
    qint64 eventCount() const { return m_events; }
    qint64 frameCount() const { return m_frames; }
    qint64 messageCount() const { return m_messages; }
    int connectionCount() const { return int(m_connections.size()); }

    FrameStore *store() { return &m_store; }
    TimelineWidget *timeline() const { return m_timeline; }
    InspectorWidget *inspector() const { return m_inspector; }
    QLabel *bannerLabel() const { return m_banner; }
    QLabel *warningsLabel() const { return m_warningsLabel; }
    QProgressBar *progressBar() const { return m_progress; }

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &error);
    // From the timeline's context menu: load a recorded message or frame into a composer (the tab has none
    // of its own: the workspace opens a client tab for it).
    void composeRequested(
        const Frameline::EntryDetails &details, Frameline::TimelineWidget::ComposeAction action);

protected:
    void changeEvent(QEvent *event) override;

private:
    void startLoading();
    void stopLoading();
    void onOpened(const SessionHeader &header, qint64 size);
    void onBatchRead(const EventBatch &events, qint64 position, qint64 size);
    void onIndexed();
    void onReadFailed(const QString &error);
    void onFinished(const QStringList &warnings);
    void onFailed(const QString &error);
    void updateBanner();
    void retranslateUi();

    QString m_path;
    SessionFiles::Kind m_fileKind;
    Origin m_origin;
    QString m_recordedTitle;
    std::unique_ptr<QLockFile> m_journalLock; // a recovered journal's

    FrameStore m_store;
    QThread m_loaderThread;
    SessionLoader *m_loader = nullptr; // lives in m_loaderThread
    LoadState m_loadState = LoadState::Loading;
    int m_progressPermille = 0;
    QString m_error;
    QString m_readError;
    std::shared_ptr<SessionEventFile> m_eventFile; // an indexed session's file, shared with m_store
    QStringList m_warnings;
    SessionHeader m_header;
    qint64 m_events = 0;
    qint64 m_frames = 0;
    qint64 m_messages = 0;
    QSet<quint64> m_connections;

    QLabel *m_banner = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_warningsLabel = nullptr;
    QSplitter *m_splitter = nullptr;
    TimelineWidget *m_timeline = nullptr;
    InspectorWidget *m_inspector = nullptr;
};

} // namespace Frameline
