#include "ui/session/sessiontab.h"

#include "ui/inspector/inspectorwidget.h"
#include "ui/session/journalfolder.h"
#include "ui/session/sessionloader.h"
#include "ui/session/sessionrecorder.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/widgets/colors.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QLockFile>
#include <QtWidgets/QFrame>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QVBoxLayout>

#include <limits>

namespace Frameline {

namespace {

// Warnings written out in the banner; all of them are in its tooltip.
constexpr int ShownWarnings = 3;

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

SessionTab::SessionTab(const QString &path, SessionFiles::Kind kind, Origin origin, QWidget *parent)
    : WorkspaceTab(parent)
    , m_path(path)
    , m_fileKind(kind)
    , m_origin(origin)
    , m_banner(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_warningsLabel(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_timeline(new TimelineWidget(&m_store, m_splitter))
    , m_inspector(new InspectorWidget(m_splitter))
{
    m_banner->setObjectName(QStringLiteral("sessionBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_progress->setObjectName(QStringLiteral("sessionProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(220);
    m_progress->setMaximumHeight(m_banner->fontMetrics().height());
    m_warningsLabel->setObjectName(QStringLiteral("sessionWarnings"));
    m_warningsLabel->setTextFormat(Qt::PlainText);
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warningsLabel->hide();
    m_splitter->setObjectName(QStringLiteral("sessionTimelineSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    // The banner: a quiet wash of the highlight colour, so a read-only tab never passes for a live one.
    auto *bannerFrame = new QFrame(this);
    bannerFrame->setObjectName(QStringLiteral("sessionBannerFrame"));
    bannerFrame->setFrameShape(QFrame::StyledPanel);
    bannerFrame->setAutoFillBackground(true);
    QPalette bannerPalette = bannerFrame->palette();
    bannerPalette.setColor(QPalette::Window,
        Colors::mix(bannerPalette.color(QPalette::Base), bannerPalette.color(QPalette::Highlight), 0.12));
    bannerFrame->setPalette(bannerPalette);
    auto *bannerRow = new QHBoxLayout;
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_progress, 0, Qt::AlignVCenter);
    auto *bannerLayout = new QVBoxLayout(bannerFrame);
    bannerLayout->setContentsMargins(8, 5, 8, 5);
    bannerLayout->setSpacing(3);
    bannerLayout->addLayout(bannerRow);
    bannerLayout->addWidget(m_warningsLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(bannerFrame);
    layout->addWidget(m_splitter, 1);

    // A recording is read from its start, not followed at its end.
    m_timeline->setFollowingTail(false);
    connect(m_timeline, &TimelineWidget::currentChanged, m_inspector, &InspectorWidget::showDetails);
    connect(m_timeline, &TimelineWidget::composeRequested, this, &SessionTab::composeRequested);

    if (m_origin == Origin::RecoveredJournal) {
        // Ours from now on: another Frameline started meanwhile must not offer it again.
        m_journalLock = std::make_unique<QLockFile>(SessionRecorder::lockFilePath(m_path));
        m_journalLock->setStaleLockTime(0);
        m_journalLock->tryLock(0);
    }
    retranslateUi();
    startLoading();
}

SessionTab::~SessionTab()
{
    if (m_eventFile)
        m_eventFile->setFailureHandler({});
    stopLoading();
    if (m_origin == Origin::RecoveredJournal) {
        // Closed without saving: the user chose to let it go, as with a live tab's recording.
        if (m_journalLock)
            m_journalLock->unlock();
        QString error;
        JournalFolder::discard(m_path, &error);
    }
}

void SessionTab::startLoading()
{
    m_loader = new SessionLoader(m_path, m_fileKind);
    m_loader->moveToThread(&m_loaderThread);
    m_loaderThread.setObjectName(QStringLiteral("Frameline session loader"));
    SessionLoader *loader = m_loader;
    connect(&m_loaderThread, &QThread::started, loader, &SessionLoader::start);
    connect(loader, &SessionLoader::opened, this, &SessionTab::onOpened);
    connect(loader, &SessionLoader::batchRead, this, &SessionTab::onBatchRead);
    connect(loader, &SessionLoader::indexed, this, &SessionTab::onIndexed);
    connect(loader, &SessionLoader::finished, this, &SessionTab::onFinished);
    connect(loader, &SessionLoader::failed, this, &SessionTab::onFailed);
    m_loaderThread.start();
}

void SessionTab::stopLoading()
{
    if (!m_loader)
        return;
    m_loader->cancel();
    m_loaderThread.quit();
    m_loaderThread.wait();
    delete m_loader; // its thread has finished
    m_loader = nullptr;
}

void SessionTab::onOpened(const SessionHeader &header, qint64 size)
{
    Q_UNUSED(size);
    m_header = header;
    if (m_origin == Origin::RecoveredJournal) {
        m_recordedTitle = header.extra.value(SessionRecorder::titleField()).toString();
        Q_EMIT titleChanged();
    }
    updateBanner();
}

void SessionTab::onBatchRead(const EventBatch &events, qint64 position, qint64 size)
{
    m_store.append(events);
    m_events += events.size();
    for (const ConnectionEvent &event : events) {
        if (const auto *frame = std::get_if<FrameEvent>(&event)) {
            ++m_frames;
            m_connections.insert(frame->connectionId);
        } else if (const auto *message = std::get_if<MessageEvent>(&event)) {
            ++m_messages;
            m_connections.insert(message->connectionId);
        } else if (const auto *notice = std::get_if<ConnectionNotice>(&event)) {
            if (notice->connectionId != 0)
                m_connections.insert(notice->connectionId);
        }
    }
    // A server's recording (several clients) names each row's client, as a server tab does.
    if (m_connections.size() > 1 && !m_timeline->isConnectionColumnVisible())
        m_timeline->setConnectionColumnVisible(true);
    m_progressPermille = size > 0 ? int(qBound<qint64>(0, position * 1000 / size, qint64(1000))) : 0;
    m_progress->setValue(m_progressPermille);
    if (m_loader) {
        SessionLoader *loader = m_loader;
        QMetaObject::invokeMethod(
            loader, [loader] { loader->readMore(); }, Qt::QueuedConnection);
    }
    updateBanner();
}

void SessionTab::onIndexed()
{
    if (!m_loader)
        return;
    SessionLoader::Indexed indexed = m_loader->takeIndexed();
    m_eventFile = indexed.file;
    // Built in the loader thread, handed over whole: the timeline resets once to every row.
    m_store.adopt(*indexed.store);
    m_events = indexed.events;
    m_frames = indexed.frames;
    m_messages = indexed.messages;
    m_connections = std::move(indexed.connections);
    if (m_connections.size() > 1 && !m_timeline->isConnectionColumnVisible())
        m_timeline->setConnectionColumnVisible(true);
    // Told from whichever thread read the payload (a filter worker too): shown in the GUI thread. The
    // handler is removed before the tab goes away.
    m_eventFile->setFailureHandler([this](const QString &error) {
        QMetaObject::invokeMethod(this, [this, error] { onReadFailed(error); }, Qt::QueuedConnection);
    });
    m_progressPermille = 1000;
    onFinished(indexed.warnings);
}

void SessionTab::onReadFailed(const QString &error)
{
    if (!m_readError.isEmpty())
        return;
    m_readError = error;
    updateBanner();
}

void SessionTab::onFinished(const QStringList &warnings)
{
    m_warnings = warnings;
    m_loadState = LoadState::Loaded;
    stopLoading();
    m_timeline->timelineModel()->publishNow();
    updateBanner();
    Q_EMIT loaded();
}

void SessionTab::onFailed(const QString &error)
{
    m_error = error;
    m_loadState = LoadState::Failed;
    stopLoading();
    updateBanner();
    Q_EMIT loadFailed(error);
}

void SessionTab::adoptSavedFile(const QString &path)
{
    if (m_origin == Origin::RecoveredJournal) {
        if (m_journalLock)
            m_journalLock->unlock();
        m_journalLock.reset();
        QString error;
        JournalFolder::discard(m_path, &error);
    }
    m_origin = Origin::File;
    m_path = path;
    m_fileKind = SessionFiles::Kind::Session;
    updateBanner();
    Q_EMIT titleChanged();
    Q_EMIT settingsChanged();
}

QString SessionTab::automaticTitle() const
{
    if (m_origin == Origin::RecoveredJournal) {
        return tr("Recovered: %1")
            .arg(m_recordedTitle.isEmpty() ? QFileInfo(m_path).fileName() : m_recordedTitle);
    }
    return QFileInfo(m_path).fileName();
}

QString SessionTab::statusText() const
{
    switch (m_loadState) {
    case LoadState::Loading:
        if (m_fileKind == SessionFiles::Kind::Session)
            return tr("Opening %1…").arg(QFileInfo(m_path).fileName());
        return tr("Opening %1… %2%").arg(QFileInfo(m_path).fileName()).arg(m_progressPermille / 10);
    case LoadState::Failed:
        return tr("Could not open %1").arg(QFileInfo(m_path).fileName());
    case LoadState::Loaded:
        break;
    }
    return tr("Read-only: %n frame(s)", nullptr, int(qMin<qint64>(m_frames, std::numeric_limits<int>::max())))
        + QStringLiteral(" · ")
        + tr("%n message(s)", nullptr, int(qMin<qint64>(m_messages, std::numeric_limits<int>::max())))
        + QStringLiteral(" · ") + tr("%n connection(s)", nullptr, connectionCount());
}

void SessionTab::updateBanner()
{
    const QString path = nativePath(m_path);
    const int frames = int(qMin<qint64>(m_frames, std::numeric_limits<int>::max()));
    QString text;
    switch (m_loadState) {
    case LoadState::Loading:
        if (m_fileKind == SessionFiles::Kind::Session)
            text = tr("Opening %1 read-only: indexing…").arg(path);
        else
            text = tr("Opening %1 read-only… %n frame(s) so far", nullptr, frames).arg(path);
        break;
    case LoadState::Failed:
        text = tr("Could not open %1: %2").arg(path, m_error);
        break;
    case LoadState::Loaded:
        if (m_origin == Origin::RecoveredJournal) {
            const QString started = m_header.created.isValid()
                ? QLocale().toString(m_header.created.toLocalTime(), QLocale::ShortFormat)
                : QString();
            text = tr("Recovered after a crash: the recording of “%1”, started %2 — %n frame(s). It is not "
                      "saved yet: File > Save Session As… keeps it; closing this tab discards it.",
                nullptr, frames)
                       .arg(m_recordedTitle.isEmpty() ? QFileInfo(m_path).fileName() : m_recordedTitle,
                           started);
        } else {
            text = tr("Opened read-only: %1 — %n frame(s)", nullptr, frames).arg(path);
            if (connectionCount() > 1)
                text += tr(", %n connection(s)", nullptr, connectionCount());
        }
        if (!m_readError.isEmpty()) {
            text += QLatin1Char('\n')
                + tr("The file has changed on disk since it was opened: payloads can no longer be read from "
                     "it (%1). Open it again to see it as it is now.")
                      .arg(m_readError);
        }
        break;
    }
    m_banner->setText(text);
    m_banner->setToolTip(path);
    m_progress->setVisible(m_loadState == LoadState::Loading);
    // A session file is indexed in one pass that reports no progress: the bar only says it is busy.
    if (m_fileKind == SessionFiles::Kind::Session && m_loadState == LoadState::Loading)
        m_progress->setRange(0, 0);
    else
        m_progress->setRange(0, 1000);
    if (m_loadState == LoadState::Failed || !m_readError.isEmpty())
        m_banner->setStyleSheet(QStringLiteral("color: #d0463c;"));
    else
        m_banner->setStyleSheet(QString());

    if (m_warnings.isEmpty()) {
        m_warningsLabel->clear();
        m_warningsLabel->setToolTip(QString());
        m_warningsLabel->hide();
    } else {
        QStringList shown = m_warnings.first(qMin<qsizetype>(ShownWarnings, m_warnings.size()));
        QString warnings
            = tr("%n warning(s): ", nullptr, int(m_warnings.size())) + shown.join(QStringLiteral(" · "));
        if (m_warnings.size() > ShownWarnings)
            warnings += QStringLiteral(" · ")
                + tr("and %n more (see the tooltip)", nullptr, int(m_warnings.size() - ShownWarnings));
        m_warningsLabel->setText(warnings);
        m_warningsLabel->setToolTip(m_warnings.join(QLatin1Char('\n')));
        m_warningsLabel->setStyleSheet(QStringLiteral("color: #b26b00;"));
        m_warningsLabel->show();
    }
    Q_EMIT statusTextChanged();
}

QVariantMap SessionTab::saveSettings() const
{
    QVariantMap map;
    map.insert(QStringLiteral("path"), m_path);
    map.insert(QStringLiteral("timelineState"), m_timeline->saveState());
    map.insert(QStringLiteral("inspectorState"), m_inspector->saveState());
    map.insert(QStringLiteral("splitter"), m_splitter->saveState());
    return map;
}

void SessionTab::restoreSettings(const QVariantMap &map)
{
    const QByteArray timelineState = map.value(QStringLiteral("timelineState")).toByteArray();
    if (!timelineState.isEmpty())
        m_timeline->restoreState(timelineState);
    const QByteArray inspectorState = map.value(QStringLiteral("inspectorState")).toByteArray();
    if (!inspectorState.isEmpty())
        m_inspector->restoreState(inspectorState);
    const QByteArray splitter = map.value(QStringLiteral("splitter")).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
}

QString SessionTab::pathFromSettings(const QVariantMap &map)
{
    return map.value(QStringLiteral("path")).toString();
}

void SessionTab::retranslateUi()
{
    updateBanner();
}

void SessionTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Frameline
