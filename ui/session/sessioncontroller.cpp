#include "ui/session/sessioncontroller.h"

#include "app/session/sessionreader.h"
#include "app/session/sessionwriter.h"
#include "ui/session/backgroundjobs.h"
#include "ui/session/recentsessions.h"
#include "ui/session/recoverydialog.h"
#include "ui/session/sessionfiles.h"
#include "ui/session/sessionrecorder.h"
#include "ui/session/sessiontab.h"
#include "ui/widgets/setting.h"
#include "ui/workspace/workspace.h"
#include "ui/workspace/workspacetab.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QRegularExpression>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QMessageBox>

namespace Frameline {

namespace {

const Setting<QString> &lastDirectorySetting()
{
    static const Setting<QString> setting(QStringLiteral("Sessions/LastDirectory"), QDir::homePath());
    return setting;
}

// A file name made from a tab's title ("127.0.0.1:9001/chat" -> "127.0.0.1-9001-chat").
QString fileNameFor(const QString &title)
{
    QString name = title;
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\s]+"));
    name.replace(unsafe, QStringLiteral("-"));
    while (name.startsWith(QLatin1Char('-')) || name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return name.isEmpty() ? QStringLiteral("session") : name;
}

} // namespace

SessionController::SessionController(Workspace *workspace, QWidget *window, bool persistent)
    : QObject(window)
    , m_workspace(workspace)
    , m_window(window)
    , m_persistent(persistent)
    , m_recent(new RecentSessions(persistent, this))
    , m_jobs(new BackgroundJobs(this))
{
    connect(
        m_recent, &RecentSessions::openRequested, this, [this](const QString &path) { openSession(path); });
}

SessionController::~SessionController() = default;

bool SessionController::hasSession(const WorkspaceTab *tab)
{
    return tab && (tab->recorder() || tab->kind() == WorkspaceTab::Kind::Session);
}

QString SessionController::lastDirectory() const
{
    if (!m_persistent)
        return m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory;
    return lastDirectorySetting().value();
}

void SessionController::setLastDirectory(const QString &path)
{
    const QString directory = QFileInfo(path).absolutePath();
    if (m_persistent)
        lastDirectorySetting().setValue(directory);
    else
        m_lastDirectory = directory;
}

void SessionController::showError(const QString &title, const QString &text)
{
    if (m_errorBox)
        m_errorBox->close();
    QWidget *parent = QApplication::activeModalWidget();
    if (!parent)
        parent = m_window;
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("sessionError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox = box;
    box->open();
}

SessionTab *SessionController::openSession(const QString &path)
{
    return open(path, false);
}

SessionTab *SessionController::importHar(const QString &path)
{
    return open(path, true);
}

SessionTab *SessionController::open(const QString &path, bool harOnly)
{
    const QString title = harOnly ? tr("Cannot Import HAR") : tr("Cannot Open Session");
    const QFileInfo info(path);
    const QString name = QDir::toNativeSeparators(info.absoluteFilePath());
    if (!info.isFile()) {
        showError(
            title, info.exists() ? tr("%1 is not a file.").arg(name) : tr("%1 does not exist.").arg(name));
        m_recent->remove(path);
        return nullptr;
    }
    const QString absolute = info.absoluteFilePath();
    // Already open: show it rather than load it twice.
    for (int index = 0; index < m_workspace->count(); ++index) {
        auto *session = qobject_cast<SessionTab *>(m_workspace->tab(index));
        if (session && !session->isRecovered() && QFileInfo(session->path()).absoluteFilePath() == absolute
            && session->loadState() != SessionTab::LoadState::Failed) {
            m_workspace->setCurrentTab(session);
            m_recent->add(absolute);
            return session;
        }
    }
    const SessionFiles::Kind kind = SessionFiles::sniff(absolute);
    if (harOnly && kind != SessionFiles::Kind::Har) {
        showError(title,
            tr("%1 is not a HAR file: it does not begin with a JSON object holding \"log\".").arg(name));
        return nullptr;
    }
    if (kind != SessionFiles::Kind::Har) {
        // The header is all it takes to know (the reader maps the file and reads its first line).
        SessionReader reader;
        if (!reader.open(absolute)) {
            QString text = reader.errorString();
            if (kind == SessionFiles::Kind::Other)
                text += QStringLiteral("\n\n")
                    + tr("Frameline opens its own session files (.flsession) and HAR files exported by "
                         "browsers.");
            showError(title, text);
            return nullptr;
        }
    }
    SessionTab *tab = m_workspace->addSessionTab(absolute, kind, SessionTab::Origin::File);
    QPointer<SessionTab> guard(tab);
    connect(tab, &SessionTab::loaded, this, [this, absolute] { m_recent->add(absolute); });
    connect(tab, &SessionTab::loadFailed, this, [this, guard, title, absolute](const QString &error) {
        m_recent->remove(absolute);
        showError(title, error);
        // Not from inside the tab's own signal: it is deleted when closed.
        QMetaObject::invokeMethod(
            this,
            [this, guard] {
                const int index = guard ? m_workspace->indexOf(guard) : -1;
                if (index >= 0)
                    m_workspace->closeTab(index);
            },
            Qt::QueuedConnection);
    });
    setLastDirectory(absolute);
    return tab;
}

void SessionController::finishSave(const QString &path, const QString &error)
{
    if (!error.isEmpty()) {
        showError(tr("Cannot Save Session"), error);
    } else {
        m_recent->add(path);
        setLastDirectory(path);
    }
    Q_EMIT saveFinished(path, error);
}

bool SessionController::saveSessionAs(WorkspaceTab *tab, const QString &path)
{
    if (!hasSession(tab) || path.isEmpty())
        return false;
    const QString target = QFileInfo(path).absoluteFilePath();
    if (SessionRecorder *recorder = tab->recorder()) {
        const QString title = tab->title();
        recorder->snapshot(this, [this, target, title](const SessionRecorder::Snapshot &snapshot) {
            if (!snapshot.error.isEmpty()) {
                finishSave(target, snapshot.error);
                return;
            }
            m_jobs->run(
                [snapshot, target, title] {
                    QString error;
                    if (snapshot.path.isEmpty()) {
                        // Nothing recorded yet: an empty session, which opens as such.
                        SessionHeader header = SessionHeader::forNewSession();
                        header.extra.insert(SessionRecorder::titleField(), title);
                        SessionWriter::save(target, EventBatch(), header, &error);
                    } else {
                        SessionFiles::copy(snapshot.path, snapshot.size, target, &error);
                    }
                    return error;
                },
                this, [this, target](const QString &error) { finishSave(target, error); });
        });
        return true;
    }
    auto *session = qobject_cast<SessionTab *>(tab);
    if (!session)
        return false;
    QPointer<SessionTab> guard(session);
    const QString source = session->path();
    const bool fromHar = session->fileKind() == SessionFiles::Kind::Har;
    m_jobs->run(
        [source, target, fromHar] {
            QString error;
            if (fromHar) {
                // HAR holds less than a session; what it holds is written in the native format.
                const SessionFiles::Loaded loaded = SessionFiles::load(source);
                if (!loaded.ok)
                    error = loaded.error;
                else
                    SessionWriter::save(target, loaded.events, loaded.header, &error);
            } else if (QFileInfo(source).absoluteFilePath() != target) {
                SessionFiles::copy(source, -1, target, &error);
            }
            return error;
        },
        this,
        [this, guard, target](const QString &error) {
            if (error.isEmpty() && guard)
                guard->adoptSavedFile(target);
            finishSave(target, error);
        });
    return true;
}

bool SessionController::exportSession(WorkspaceTab *tab, const QString &path, SessionExport::Format format)
{
    if (!hasSession(tab) || path.isEmpty())
        return false;
    const QString target = QFileInfo(path).absoluteFilePath();
    auto exportFile = [this, target, format](const QString &source) {
        m_jobs->run(
            [source, target, format] {
                QString error;
                SessionFiles::Loaded loaded;
                if (source.isEmpty()) { // a live tab that recorded nothing yet
                    loaded.ok = true;
                    loaded.header = SessionHeader::forNewSession();
                } else {
                    loaded = SessionFiles::load(source);
                }
                if (!loaded.ok)
                    error = loaded.error;
                else
                    SessionExport::write(target, format, loaded.events, loaded.header, &error);
                return error;
            },
            this,
            [this, target](const QString &error) {
                if (!error.isEmpty())
                    showError(tr("Cannot Export Session"), error);
                else
                    setLastDirectory(target);
                Q_EMIT exportFinished(target, error);
            });
    };
    if (SessionRecorder *recorder = tab->recorder()) {
        recorder->snapshot(this, [this, exportFile, target](const SessionRecorder::Snapshot &snapshot) {
            if (!snapshot.error.isEmpty()) {
                showError(tr("Cannot Export Session"), snapshot.error);
                Q_EMIT exportFinished(target, snapshot.error);
                return;
            }
            exportFile(snapshot.path);
        });
        return true;
    }
    auto *session = qobject_cast<SessionTab *>(tab);
    if (!session)
        return false;
    exportFile(session->path());
    return true;
}

void SessionController::openSessionInteractively()
{
    const QString filters = QStringList(
        { SessionFiles::sessionFilter(), SessionFiles::harFilter(), SessionFiles::allFilesFilter() })
                                .join(QStringLiteral(";;"));
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Session"), lastDirectory(), filters);
    if (!path.isEmpty())
        openSession(path);
}

void SessionController::importHarInteractively()
{
    const QString filters = QStringList({ SessionFiles::harFilter(), SessionFiles::allFilesFilter() })
                                .join(QStringLiteral(";;"));
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import HAR"), lastDirectory(), filters);
    if (!path.isEmpty())
        importHar(path);
}

void SessionController::saveSessionAsInteractively(WorkspaceTab *tab)
{
    if (!hasSession(tab))
        return;
    QString suggested;
    if (auto *session = qobject_cast<SessionTab *>(tab); session && !session->isRecovered())
        suggested = QFileInfo(session->path()).completeBaseName();
    else
        suggested = fileNameFor(tab->title());
    suggested = QDir(lastDirectory()).filePath(suggested + QLatin1Char('.') + SessionFiles::defaultSuffix());
    const QString filters = QStringList({ SessionFiles::sessionFilter(), SessionFiles::allFilesFilter() })
                                .join(QStringLiteral(";;"));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save Session As"), suggested, filters);
    if (!path.isEmpty())
        saveSessionAs(tab, SessionFiles::withDefaultSuffix(path));
}

void SessionController::exportSessionInteractively(WorkspaceTab *tab)
{
    if (!hasSession(tab))
        return;
    struct Choice
    {
        SessionExport::Format format;
        QString filter;
    };
    const QList<Choice> choices = {
        { SessionExport::Format::Har, tr("HAR (*.har)") },
        { SessionExport::Format::Csv, tr("CSV (*.csv)") },
        { SessionExport::Format::Json, tr("JSON (*.json)") },
    };
    QStringList filters;
    for (const Choice &choice : choices)
        filters.append(choice.filter);
    QString base;
    if (auto *session = qobject_cast<SessionTab *>(tab); session && !session->isRecovered())
        base = QFileInfo(session->path()).completeBaseName();
    else
        base = fileNameFor(tab->title());
    QString selected = filters.first();
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Session"),
        QDir(lastDirectory()).filePath(base + QStringLiteral(".har")), filters.join(QStringLiteral(";;")),
        &selected);
    if (path.isEmpty())
        return;
    // The suffix typed decides; without one, the filter chosen does (and gives the suffix).
    std::optional<SessionExport::Format> format
        = SessionExport::formatFromId(QFileInfo(path).suffix().toLower());
    QString target = path;
    if (!format) {
        format = choices.at(qMax<qsizetype>(0, filters.indexOf(selected))).format;
        if (QFileInfo(path).suffix().isEmpty())
            target += QLatin1Char('.') + SessionExport::formatId(*format);
    }
    exportSession(tab, target, *format);
}

void SessionController::scanForRecovery()
{
    m_jobs->run([] { return JournalFolder::findOrphans(); }, this,
        [this](const QList<RecoverableJournal> &journals) {
            if (!journals.isEmpty())
                offerRecovery(journals);
        });
}

RecoveryDialog *SessionController::offerRecovery(const QList<RecoverableJournal> &journals)
{
    auto *dialog = new RecoveryDialog(journals, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<RecoveryDialog> guard(dialog);
    connect(dialog, &RecoveryDialog::openRequested, this, [this, guard](const QString &path) {
        openRecoveredJournal(path);
        if (guard)
            guard->removeJournal(path);
    });
    connect(dialog, &RecoveryDialog::saveAsRequested, this, [this, guard](const QString &path) {
        if (!guard)
            return;
        QString title;
        for (const RecoverableJournal &journal : guard->journals()) {
            if (journal.path == path)
                title = journal.title;
        }
        const QString suggested
            = QDir(lastDirectory())
                  .filePath(fileNameFor(title) + QLatin1Char('.') + SessionFiles::defaultSuffix());
        const QString filters = QStringList({ SessionFiles::sessionFilter(), SessionFiles::allFilesFilter() })
                                    .join(QStringLiteral(";;"));
        const QString target
            = QFileDialog::getSaveFileName(guard, tr("Save Recovered Session As"), suggested, filters);
        if (!target.isEmpty() && guard)
            saveRecoveredJournal(path, SessionFiles::withDefaultSuffix(target), guard);
    });
    connect(dialog, &RecoveryDialog::discardFailed, this,
        [this](const QString &message) { showError(tr("Cannot Discard Recording"), message); });
    dialog->open();
    Q_EMIT recoveryOffered(dialog);
    return dialog;
}

SessionTab *SessionController::openRecoveredJournal(const QString &journalPath)
{
    return m_workspace->addSessionTab(
        journalPath, SessionFiles::Kind::Session, SessionTab::Origin::RecoveredJournal);
}

void SessionController::saveRecoveredJournal(
    const QString &journalPath, const QString &target, RecoveryDialog *dialog)
{
    QPointer<RecoveryDialog> guard(dialog);
    const QString absolute = QFileInfo(target).absoluteFilePath();
    m_jobs->run(
        [journalPath, absolute] {
            QString error;
            SessionFiles::copy(journalPath, -1, absolute, &error);
            return error;
        },
        this,
        [this, guard, journalPath, absolute](const QString &error) {
            if (error.isEmpty()) {
                QString discardError;
                JournalFolder::discard(journalPath, &discardError);
                if (guard)
                    guard->removeJournal(journalPath);
            }
            finishSave(absolute, error);
        });
}

} // namespace Frameline
