// Replay and compare in the desktop app (offscreen), as a user drives them: a session recorded by a client
// tab against a local echo server is saved, opened, and replayed through the Replay dialog as a client
// (against the echo server: all equal, PASS, the replay's tab shows and records exactly its frames;
// against a server that changes one JSON field: that path highlighted, FAIL, and PASS once ignored), step
// by step, stopped midway, and as a mock server that answers a client with the recorded bytes; and Export
// Rows writes exactly the rows a filtered timeline shows. QAbstractItemModelTester on the compare model.

#include "app/net/clientconnection.h"
#include "app/net/clock.h"
#include "app/net/server.h"
#include "app/protocol/closecode.h"
#include "app/session/compare.h"
#include "app/session/framestore.h"
#include "app/session/sessionexport.h"
#include "app/session/sessionreader.h"
#include "tests/common/eventcollector.h"
#include "ui/composer/composerwidget.h"
#include "ui/mainwindow/actionregistry.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/session/comparemodel.h"
#include "ui/session/comparetext.h"
#include "ui/session/comparewidget.h"
#include "ui/session/replaydialog.h"
#include "ui/session/replayrun.h"
#include "ui/session/replaystatuswidget.h"
#include "ui/session/replaytab.h"
#include "ui/session/sessioncontroller.h"
#include "ui/session/sessionrecorder.h"
#include "ui/session/sessiontab.h"
#include "ui/timeline/rowexport.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelineproxymodel.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/workspace/clienttab.h"
#include "ui/workspace/workspace.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QRadioButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTextEdit>
#include <QtWidgets/QTreeView>

#include <functional>
#include <memory>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::EventCollector;

namespace {

constexpr int Timeout = 15000;

const QByteArray QuoteJson = R"({"op":"quote","price":10,"ts":1})";

QList<MessageEvent> messagesOf(const EventBatch &events, Direction direction)
{
    QList<MessageEvent> result;
    for (const ConnectionEvent &event : events) {
        if (const auto *message = std::get_if<MessageEvent>(&event);
            message && message->direction == direction)
            result.append(*message);
    }
    return result;
}

// A local server that answers every message through `answer`.
class AnsweringServer
{
public:
    using Answer = std::function<QByteArray(const Message &)>;

    explicit AnsweringServer(Answer answer)
        : m_answer(std::move(answer))
    {
        QObject::connect(&m_server, &Server::clientConnected, &m_server, [this](Connection *client) {
            QObject::connect(
                client, &Connection::eventsReady, client, [this, client](const EventBatch &batch) {
                    for (const MessageEvent &message : messagesOf(batch, Direction::Incoming))
                        client->sendMessage(message.message.opcode, m_answer(message.message));
                });
        });
        QString error;
        if (!m_server.listen(&error))
            qFatal("listen: %s", qPrintable(error));
    }

    QString url() const { return m_server.url() + u"chat"_s; }
    static QByteArray echo(const Message &message) { return message.payload; }
    // Prices went up.
    static QByteArray raisePrice(const Message &message)
    {
        const auto json = Compare::parseJson(message.payload);
        if (!json || !json->isObject())
            return message.payload;
        QJsonObject object = json->toObject();
        object.insert(u"price"_s, 12);
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

private:
    Answer m_answer;
    Server m_server { [] {
        Server::Options options;
        options.behaviour = Server::Behaviour::Manual;
        return options;
    }() };
};

// What a store's frames are: direction, opcode, payload.
struct FrameFacts
{
    Direction direction;
    quint8 opcode;
    QByteArray payload;
    bool operator==(const FrameFacts &) const = default;
};

char *toString(const FrameFacts &frame)
{
    return QTest::toString(
        QStringLiteral("%1 %2 %3")
            .arg(frame.direction == Direction::Outgoing ? QStringLiteral("out") : QStringLiteral("in"))
            .arg(frame.opcode)
            .arg(QString::fromLatin1(frame.payload.toHex())));
}

QList<FrameFacts> framesOf(const FrameStore &store)
{
    QList<FrameFacts> frames;
    for (qint64 entry = 0; entry < store.entryCount(); ++entry) {
        const FrameStore::Summary summary = store.summary(entry);
        if (summary.kind == FrameStore::Summary::Kind::Frame)
            frames.append({ summary.direction, summary.opcode, QByteArray(store.payload(entry)) });
    }
    return frames;
}

QList<FrameFacts> framesOf(const EventBatch &events)
{
    QList<FrameFacts> frames;
    for (const ConnectionEvent &event : events) {
        if (const auto *frame = std::get_if<FrameEvent>(&event))
            frames.append({ frame->direction, frame->frame.opcode, frame->payload });
    }
    return frames;
}

QByteArray closeBody(quint16 code)
{
    QByteArray body(2, Qt::Uninitialized);
    body[0] = char(code >> 8);
    body[1] = char(code & 0xFF);
    return body;
}

// The frames of a replay of the shop session that waited for each reply.
QList<FrameFacts> shopReplayFrames(const QByteArray &reply)
{
    return { { Direction::Outgoing, 0x1, QuoteJson }, { Direction::Incoming, 0x1, reply },
        { Direction::Outgoing, 0x1, "hello" }, { Direction::Incoming, 0x1, "hello" },
        { Direction::Outgoing, 0x8, closeBody(1000) }, { Direction::Incoming, 0x8, closeBody(1000) } };
}

// Events of a few frames and notices (two connections), for Export Rows.
EventBatch exportEvents()
{
    EventBatch events;
    ConnectionNotice open;
    open.connectionId = 4;
    open.timestampNs = 1'000;
    open.kind = ConnectionNotice::Kind::StateChanged;
    open.state = ConnectionState::Open;
    events.append(open);
    for (int i = 0; i < 8; ++i) {
        const bool binary = i % 4 == 3;
        const QByteArray payload = binary ? QByteArray("\x00\xff\x10", 3) : "row " + QByteArray::number(i);
        const quint8 opcode = binary ? 2 : 1;
        FrameEvent frame;
        frame.connectionId = 4;
        frame.timestampNs = 2'000'000 + i * 1'000'123;
        frame.direction = i % 2 ? Direction::Outgoing : Direction::Incoming;
        frame.origin = i % 2 ? FrameOrigin::User : FrameOrigin::Peer;
        frame.frame.index = i / 2;
        frame.frame.fin = true;
        frame.frame.opcode = opcode;
        frame.frame.messageOpcode = opcode;
        frame.frame.masked = i % 2;
        frame.frame.maskingKey = { 1, 2, 3, quint8(i) };
        frame.frame.payloadLength = quint64(payload.size());
        frame.frame.header[0] = quint8(0x80 | opcode);
        frame.frame.header[1] = quint8((i % 2 ? 0x80 : 0) | payload.size());
        frame.frame.headerLength = 2;
        if (i % 2) {
            std::copy(
                frame.frame.maskingKey.begin(), frame.frame.maskingKey.end(), frame.frame.header.begin() + 2);
            frame.frame.headerLength = 6;
        }
        frame.payload = payload;
        events.append(frame);
        MessageEvent message;
        message.connectionId = 4;
        message.timestampNs = frame.timestampNs;
        message.direction = frame.direction;
        message.origin = frame.origin;
        message.message.index = i / 2;
        message.message.opcode = opcode;
        message.message.frameIndexes.append(i / 2);
        message.message.payload = payload;
        message.message.wireLength = quint64(payload.size());
        events.append(message);
    }
    return events;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

} // namespace

class tst_ReplayUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void clientReplayAgainstEcho();
    void clientReplayFindsChangedField();
    void stepByStep();
    void stopMidReplay();
    void mockServerReplay();
    void compareText();
    void exportShownRows_data();
    void exportShownRows();
    void exportRowsError();

private:
    // Records the shop conversation (the quote JSON, then "hello", each echoed; then Disconnect) in a client
    // tab against `server`, saves it as `name` and opens it in a session tab.
    SessionTab *recordAndOpen(const QString &url, const QString &name);
    // Opens the Replay dialog for the current session tab and waits until it has read the file.
    ReplayDialog *openReplayDialog();
    // Starts the dialog's replay and waits for its tab.
    ReplayTab *start(ReplayDialog *dialog);
    void saveScreenshot(QWidget *widget, const QString &name) const;

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_files;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_ReplayUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"FramelineTest"_s);
    QCoreApplication::setApplicationName(u"tst_replayui"_s);
    QSettings().clear();
    QVERIFY(m_files.isValid());
}

void tst_ReplayUi::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>(MainWindow::Persistence::None);
    m_window->resize(1280, 860);
    m_window->show();
}

void tst_ReplayUi::cleanup()
{
    m_tester.reset();
    m_window.reset();
}

void tst_ReplayUi::saveScreenshot(QWidget *widget, const QString &name) const
{
    // FRAMELINE_SHOTS=DIR keeps pictures of what the test drives, to look at.
    const QString directory = qEnvironmentVariable("FRAMELINE_SHOTS");
    if (!directory.isEmpty())
        widget->grab().save(QDir(directory).filePath(name));
}

SessionTab *tst_ReplayUi::recordAndOpen(const QString &url, const QString &name)
{
    ClientTab *live = m_window->workspace()->addClientTab(url, true);
    if (!QTest::qWaitFor([live] { return live->state() == ConnectionState::Open; }, Timeout))
        return nullptr;
    ComposerWidget *composer = live->composer();
    composer->setText(QString::fromUtf8(QuoteJson));
    composer->sendButton()->click();
    if (!QTest::qWaitFor([live] { return live->counters().framesIn() == 1; }, Timeout))
        return nullptr;
    composer->setText(u"hello"_s);
    composer->sendButton()->click();
    if (!QTest::qWaitFor([live] { return live->counters().framesIn() == 2; }, Timeout))
        return nullptr;
    live->disconnectFromServer();
    if (!QTest::qWaitFor([live] { return live->state() == ConnectionState::Closed; }, Timeout))
        return nullptr;
    const QString path = m_files.filePath(name);
    SessionController *sessions = m_window->sessions();
    QSignalSpy saved(sessions, &SessionController::saveFinished);
    if (!sessions->saveSessionAs(live, path) || !saved.wait(Timeout)
        || !saved.at(0).at(1).toString().isEmpty())
        return nullptr;
    SessionTab *tab = sessions->openSession(path);
    if (!tab || !QTest::qWaitFor([tab] { return tab->isLoaded(); }, Timeout))
        return nullptr;
    return tab;
}

ReplayDialog *tst_ReplayUi::openReplayDialog()
{
    QAction *replay = m_window->actions()->action(ActionId::ReplaySession);
    if (!replay->isEnabled())
        return nullptr;
    replay->trigger();
    auto *dialog = m_window->findChild<ReplayDialog *>();
    if (!dialog || !QTest::qWaitFor([dialog] { return dialog->isLoaded(); }, Timeout))
        return nullptr;
    return dialog;
}

ReplayTab *tst_ReplayUi::start(ReplayDialog *dialog)
{
    QSignalSpy started(dialog, &ReplayDialog::replayStarted);
    dialog->startButton()->click();
    if (!started.wait(Timeout))
        return nullptr;
    ReplayTab *tab = dialog->replayTab();
    if (tab)
        m_tester = std::make_unique<QAbstractItemModelTester>(
            tab->compareWidget()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    return tab;
}

void tst_ReplayUi::clientReplayAgainstEcho()
{
    AnsweringServer echo(AnsweringServer::echo);
    SessionTab *session = recordAndOpen(echo.url(), u"echo.flsession"_s);
    QVERIFY(session);
    ReplayDialog *dialog = openReplayDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->connectionBox()->count(), 1);
    QVERIFY(dialog->connectionBox()->currentText().contains(u"recorded by a client"_s));
    QVERIFY(dialog->connectionBox()->currentText().contains(u" — messages: 2 sent, 2 received"_s));
    QCOMPARE(dialog->urlEdit()->text(), echo.url());
    QVERIFY(dialog->clientButton()->isChecked());
    dialog->fastButton()->setChecked(true);
    dialog->waitForRepliesBox()->setChecked(true);

    ReplayTab *tab = start(dialog);
    QVERIFY(tab);
    QCOMPARE(m_window->workspace()->currentTab(), tab);
    QCOMPARE(tab->kind(), WorkspaceTab::Kind::Replay);
    ReplayRun *run = tab->run();
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), Timeout);
    QVERIFY2(run->completed(), qPrintable(run->errorString()));
    QCOMPARE(run->sent(), 3);
    QCOMPARE(run->total(), 3);
    QCOMPARE(dialog->statusWidget()->stateLabel()->text(), u"Complete: 3 of 3 sent"_s);
    QCOMPARE(dialog->statusWidget()->progressBar()->value(), 3);
    QVERIFY(!dialog->statusWidget()->stopButton()->isEnabled());

    // The comparison: both replies equal.
    QTRY_VERIFY_WITH_TIMEOUT(tab->hasComparison(), Timeout);
    CompareWidget *compare = tab->compareWidget();
    QCOMPARE(compare->summaryText(), u"2 equal, 0 different, 0 missing, 0 extra — PASS"_s);
    QCOMPARE(compare->model()->rowCount(), 2);
    for (int row = 0; row < 2; ++row)
        QCOMPARE(compare->model()->index(row, CompareModel::OutcomeColumn).data().toString(), u"Equal"_s);
    QVERIFY(dialog->compareButton()->isEnabled());
    saveScreenshot(dialog, u"replay-dialog-finished.png"_s);
    // Show Comparison shows it in the tab and closes the dialog, which would stand in front of it.
    const QPointer<ReplayDialog> handedOver = dialog;
    dialog->compareButton()->click();
    QCOMPARE(tab->pages()->currentWidget(), compare);
    QTRY_VERIFY_WITH_TIMEOUT(handedOver.isNull(), Timeout);
    QCOMPARE(compare->report(), u"PASS: 2 recorded, 2 replayed, all equal\n"_s);

    // The tab shows the replay's own frames, exactly, and every entry as a row.
    QCOMPARE(framesOf(*tab->store()), shopReplayFrames(QuoteJson));
    tab->timeline()->timelineModel()->publishNow();
    QTRY_COMPARE_WITH_TIMEOUT(
        qint64(tab->timeline()->viewModel()->rowCount()), tab->store()->entryCount(), Timeout);
    // ... and records them in a journal, like a live tab; Save Session As writes it.
    SessionRecorder *recorder = tab->recorder();
    QVERIFY(recorder->hasJournal());
    QVERIFY(QFile::exists(recorder->journalPath()));
    QVERIFY(SessionController::hasSession(tab));
    const QString saved = m_files.filePath(u"replayed.flsession"_s);
    QSignalSpy saveFinished(m_window->sessions(), &SessionController::saveFinished);
    QVERIFY(m_window->sessions()->saveSessionAs(tab, saved));
    QTRY_COMPARE_WITH_TIMEOUT(saveFinished.count(), 1, Timeout);
    QCOMPARE(saveFinished.at(0).at(1).toString(), QString());
    const SessionReader::Loaded file = SessionReader::load(saved);
    QVERIFY2(file.ok, qPrintable(file.error));
    QCOMPARE(framesOf(file.events), shopReplayFrames(QuoteJson));
    QCOMPARE(qint64(file.events.size()), recorder->eventCount());

    saveScreenshot(m_window.get(), u"replay-window-finished.png"_s);
    // Closing the tab deletes its journal.
    const QString journal = recorder->journalPath();
    m_window->workspace()->closeTab(m_window->workspace()->indexOf(tab));
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(journal), Timeout);
}

void tst_ReplayUi::clientReplayFindsChangedField()
{
    AnsweringServer echo(AnsweringServer::echo);
    AnsweringServer changed(AnsweringServer::raisePrice);
    QVERIFY(recordAndOpen(echo.url(), u"shop.flsession"_s));
    ReplayDialog *dialog = openReplayDialog();
    QVERIFY(dialog);
    // Against another server: the URL is edited.
    dialog->urlEdit()->setText(changed.url());
    dialog->recordedTimingButton()->setChecked(true);
    dialog->speedBox()->setValue(20);
    dialog->waitForRepliesBox()->setChecked(true);
    ReplayTab *tab = start(dialog);
    QVERIFY(tab);
    QCOMPARE(tab->run()->url(), changed.url());
    QTRY_VERIFY_WITH_TIMEOUT(tab->hasComparison(), Timeout);
    QCOMPARE(framesOf(*tab->store()), shopReplayFrames(R"({"op":"quote","price":12,"ts":1})"));

    CompareWidget *compare = tab->compareWidget();
    QCOMPARE(compare->summaryText(), u"1 equal, 1 different, 0 missing, 0 extra — FAIL"_s);
    CompareModel *model = compare->model();
    QCOMPARE(model->index(0, CompareModel::OutcomeColumn).data().toString(), u"Different"_s);
    QCOMPARE(model->index(0, CompareModel::DifferenceColumn).data().toString(), u"$.price"_s);
    QCOMPARE(model->index(0, CompareModel::OutcomeColumn).data(CompareModel::OutcomeRole).toInt(),
        int(Compare::Outcome::Different));
    QCOMPARE(model->index(1, CompareModel::OutcomeColumn).data().toString(), u"Equal"_s);
    // The different pair is shown, its differing path highlighted on both sides.
    QCOMPARE(compare->view()->currentIndex().row(), 0);
    QCOMPARE(compare->recordedText().format, CompareText::Format::Json);
    QCOMPARE(compare->recordedText().highlightedParts(), QStringList { u"\"price\": 10"_s });
    QCOMPARE(compare->replayedText().highlightedParts(), QStringList { u"\"price\": 12"_s });
    QCOMPARE(compare->recordedView()->toPlainText(),
        u"{\n  \"op\": \"quote\",\n  \"price\": 10,\n  \"ts\": 1\n}"_s);
    QCOMPARE(compare->report(),
        u"message #1 differs: JSON differs:\n    $.price: recorded 10, replayed 12\n"
        "FAIL: 2 recorded, 2 replayed: 1 equal, 1 different, 0 missing, 0 extra\n"_s);
    QVERIFY(dialog->statusWidget()->isVisible());
    dialog->compareButton()->click();
    QCOMPARE(tab->pages()->currentWidget(), compare);
    saveScreenshot(m_window.get(), u"replay-compare-fail.png"_s);

    // Ignoring the field: typed into the list, compared again after a pause, remembered.
    QSignalSpy compared(compare, &CompareWidget::compared);
    compare->ignoreEdit()->setPlainText(u"$.price\n"_s);
    QVERIFY(compared.wait(Timeout));
    QCOMPARE(compared.at(0).at(0).toBool(), true);
    QCOMPARE(compare->summaryText(), u"2 equal, 0 different, 0 missing, 0 extra — PASS (ignoring $.price)"_s);
    QCOMPARE(model->index(0, CompareModel::OutcomeColumn).data().toString(), u"Equal"_s);
    QCOMPARE(QSettings().value(u"Replay/CompareIgnore"_s).toStringList(), QStringList { u"$.price"_s });
    QCOMPARE(compare->report(), u"Ignored: $.price\nPASS: 2 recorded, 2 replayed, all equal\n"_s);
    // A path that cannot be read is said so and left out.
    compare->setIgnorePaths({ u"$.price"_s, u"$[oops"_s });
    QVERIFY(!compare->ignoreError().isEmpty());
    QCOMPARE(compare->summaryText(), u"2 equal, 0 different, 0 missing, 0 extra — PASS (ignoring $.price)"_s);
    compare->setIgnorePaths({});
    QCOMPARE(compare->summaryText(), u"1 equal, 1 different, 0 missing, 0 extra — FAIL"_s);

    // Saving the report.
    const QString report = m_files.filePath(u"report.txt"_s);
    QString error;
    QVERIFY2(compare->saveReport(report, &error), qPrintable(error));
    QCOMPARE(QString::fromUtf8(readFile(report)), compare->report());
    QVERIFY(!compare->saveReport(m_files.filePath(u"missing/dir/report.txt"_s), &error));
    QVERIFY(error.startsWith(u"Cannot write"_s));
}

void tst_ReplayUi::stepByStep()
{
    AnsweringServer echo(AnsweringServer::echo);
    QVERIFY(recordAndOpen(echo.url(), u"step.flsession"_s));
    ReplayDialog *dialog = openReplayDialog();
    QVERIFY(dialog);
    dialog->stepButton()->setChecked(true);
    ReplayTab *tab = start(dialog);
    QVERIFY(tab);
    ReplayRun *run = tab->run();
    QPushButton *next = dialog->statusWidget()->nextButton();
    QVERIFY(next->isVisible());
    const auto outgoing = [tab] {
        int count = 0;
        for (const FrameFacts &frame : framesOf(*tab->store()))
            count += frame.direction == Direction::Outgoing ? 1 : 0;
        return count;
    };
    for (int step = 0; step < 3; ++step) {
        QTRY_COMPARE_WITH_TIMEOUT(run->state(), ReplayRun::State::AwaitingNext, Timeout);
        QCOMPARE(run->awaitedStep(), step);
        QVERIFY(next->isEnabled());
        // Nothing goes until Next.
        QTest::qWait(150);
        QCOMPARE(run->sent(), step);
        QCOMPARE(outgoing(), step);
        if (step == 0) {
            QCOMPARE(dialog->statusWidget()->stateLabel()->text(),
                u"Step 1 of 3 waits for Next: text message, 32 B: "_s + QString::fromUtf8(QuoteJson));
            saveScreenshot(dialog, u"replay-dialog-step.png"_s);
        }
        next->click();
        QTRY_COMPARE_WITH_TIMEOUT(run->sent(), step + 1, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(outgoing(), step + 1, Timeout);
    }
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), Timeout);
    QVERIFY(run->completed());
    QCOMPARE(framesOf(*tab->store()), shopReplayFrames(QuoteJson));
}

void tst_ReplayUi::stopMidReplay()
{
    AnsweringServer echo(AnsweringServer::echo);
    QVERIFY(recordAndOpen(echo.url(), u"stop.flsession"_s));
    ReplayDialog *dialog = openReplayDialog();
    QVERIFY(dialog);
    dialog->stepButton()->setChecked(true);
    ReplayTab *tab = start(dialog);
    QVERIFY(tab);
    ReplayRun *run = tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(run->state(), ReplayRun::State::AwaitingNext, Timeout);
    dialog->statusWidget()->nextButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(run->sent(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(run->state(), ReplayRun::State::AwaitingNext, Timeout);
    // The first reply is in.
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*tab->store()).size(), 2, Timeout);
    // Stop: the connection closes with 1000 and the replay ends, incomplete, without a comparison.
    tab->status()->stopButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), Timeout);
    QVERIFY(!run->completed());
    QVERIFY(run->wasStopped());
    QCOMPARE(run->errorString(), u"stopped after 1 of 3 sends"_s);
    QCOMPARE(tab->status()->stateLabel()->text(), u"Incomplete: stopped after 1 of 3 sends"_s);
    QVERIFY(!tab->status()->stopButton()->isEnabled());
    QVERIFY(!tab->status()->nextButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(tab->hasComparison(), Timeout);
    // What it got is compared all the same: the second recorded reply is missing.
    QCOMPARE(tab->compareWidget()->summaryText(), u"1 equal, 0 different, 1 missing, 0 extra — FAIL"_s);
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*tab->store()),
        (QList<FrameFacts> { { Direction::Outgoing, 0x1, QuoteJson }, { Direction::Incoming, 0x1, QuoteJson },
            { Direction::Outgoing, 0x8, closeBody(1000) }, { Direction::Incoming, 0x8, closeBody(1000) } }),
        Timeout);
    QVERIFY(dialog->newReplayButton()->isEnabled());
}

void tst_ReplayUi::mockServerReplay()
{
    AnsweringServer echo(AnsweringServer::echo);
    SessionTab *session = recordAndOpen(echo.url(), u"mock.flsession"_s);
    QVERIFY(session);
    // What the recorded server sent, byte for byte.
    const SessionReader::Loaded recorded = SessionReader::load(session->path());
    QVERIFY(recorded.ok);
    const QList<MessageEvent> serverSent = messagesOf(recorded.events, Direction::Incoming);
    QCOMPARE(serverSent.size(), 2);

    ReplayDialog *dialog = openReplayDialog();
    QVERIFY(dialog);
    dialog->mockServerButton()->setChecked(true);
    QVERIFY(!dialog->stepButton()->isEnabled());
    QVERIFY(!dialog->urlEdit()->isEnabled());
    dialog->fastButton()->setChecked(true);
    dialog->portBox()->setValue(0);
    ReplayTab *tab = start(dialog);
    QVERIFY(tab);
    ReplayRun *run = tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(run->state(), ReplayRun::State::Running, Timeout);
    QVERIFY(run->url().startsWith(u"ws://127.0.0.1:"_s));
    QCOMPARE(dialog->mockUrlLabel()->text(), u"Connect to: "_s + run->url());
    QVERIFY(dialog->statusWidget()->stateLabel()->text().startsWith(u"Listening on "_s + run->url()));

    // A client: each of its messages gets the recorded answer.
    ClientConnection::Options options;
    options.url = QUrl(run->url() + u"chat"_s);
    ClientConnection client(options);
    EventCollector collector;
    collector.follow(&client);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Open, Timeout);
    client.sendMessage(0x1, QuoteJson);
    QTRY_COMPARE_WITH_TIMEOUT(collector.messages(Direction::Incoming).size(), 1, Timeout);
    client.sendMessage(0x1, "hello");
    QTRY_COMPARE_WITH_TIMEOUT(collector.messages(Direction::Incoming).size(), 2, Timeout);
    const QList<MessageEvent> got = collector.messages(Direction::Incoming);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(got.at(i).message.opcode, serverSent.at(i).message.opcode);
        QCOMPARE(got.at(i).message.payload, serverSent.at(i).message.payload);
    }
    QCOMPARE(run->clientCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(run->sent(), 2, Timeout);
    saveScreenshot(dialog, u"replay-dialog-mock.png"_s);
    // The mock server's side shows in its tab, with a Client column.
    QVERIFY(tab->timeline()->isConnectionColumnVisible());
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*tab->store()).mid(0, 4),
        (QList<FrameFacts> { { Direction::Incoming, 0x1, QuoteJson },
            { Direction::Outgoing, 0x1, serverSent.at(0).message.payload },
            { Direction::Incoming, 0x1, "hello" },
            { Direction::Outgoing, 0x1, serverSent.at(1).message.payload } }),
        Timeout);

    client.stop(CloseCode::Normal);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Closed, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(run->activeClients(), 0, Timeout);
    // Stop: no more listening.
    dialog->statusWidget()->stopButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), Timeout);
    QVERIFY(run->completed());
    QCOMPARE(dialog->statusWidget()->stateLabel()->text(), u"Stopped — clients served: 1"_s);
    QVERIFY(!tab->hasComparison());

    // The dialog outlives the tab, and says it is gone.
    m_window->workspace()->closeTab(m_window->workspace()->indexOf(tab));
    QTRY_COMPARE_WITH_TIMEOUT(dialog->statusWidget()->stateLabel()->text(), u"The replay's tab was closed"_s,
        Timeout);
    QVERIFY(!dialog->showTabButton()->isEnabled());
}

void tst_ReplayUi::compareText()
{
    Message recorded;
    recorded.opcode = 0x1;
    Message replayed = recorded;
    // Text: the differing span, up to the common end.
    recorded.payload = "the price is 10 euros";
    replayed.payload = "the price is 120 euros";
    Compare::Pair pair = Compare::pair(recorded, replayed);
    QCOMPARE(pair.difference, Compare::Difference::Text);
    QCOMPARE(CompareText::render(pair, CompareText::Side::Recorded).highlightedParts(), QStringList {});
    QCOMPARE(
        CompareText::render(pair, CompareText::Side::Replayed).highlightedParts(), QStringList { u"2"_s });
    recorded.payload = "caf\xc3\xa9 ol\xc3\xa9";
    replayed.payload = "caf\xc3\xa9 al\xc3\xa9";
    pair = Compare::pair(recorded, replayed);
    QCOMPARE(
        CompareText::render(pair, CompareText::Side::Recorded).highlightedParts(), QStringList { u"o"_s });
    QCOMPARE(
        CompareText::render(pair, CompareText::Side::Replayed).highlightedParts(), QStringList { u"a"_s });
    // Binary: the differing bytes in the hex.
    recorded.opcode = replayed.opcode = 0x2;
    recorded.payload = QByteArray("\x01\x02\x03\x04", 4);
    replayed.payload = QByteArray("\x01\xff\xfe\x04", 4);
    pair = Compare::pair(recorded, replayed);
    const CompareText::Rendered binary = CompareText::render(pair, CompareText::Side::Replayed);
    QCOMPARE(binary.text, u"01 ff fe 04"_s);
    QCOMPARE(binary.highlightedParts(), QStringList { u"ff fe"_s });
    // JSON: nested paths, an element, a member only one side has.
    recorded.opcode = replayed.opcode = 0x1;
    recorded.payload = R"({"items":[{"id":1},{"id":2}],"a b":true})";
    replayed.payload = R"({"a b":true,"items":[{"id":1},{"id":3}],"new":null})";
    pair = Compare::pair(recorded, replayed);
    QCOMPARE(pair.difference, Compare::Difference::Json);
    QCOMPARE(CompareText::render(pair, CompareText::Side::Recorded).highlightedParts(),
        QStringList { u"\"id\": 2"_s });
    QCOMPARE(CompareText::render(pair, CompareText::Side::Replayed).highlightedParts(),
        (QStringList { u"\"id\": 3"_s, u"\"new\": null"_s }));
    // Missing: nothing on one side, all of the other.
    const Compare::Result result = Compare::messages({ recorded }, {});
    QCOMPARE(CompareText::render(result.pairs.at(0), CompareText::Side::Replayed).format,
        CompareText::Format::None);
    const CompareText::Rendered whole = CompareText::render(result.pairs.at(0), CompareText::Side::Recorded);
    QCOMPARE(whole.highlightedParts(), QStringList { whole.text });

    // The model over a result of every outcome.
    CompareModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Message extra;
    extra.opcode = 0x2;
    extra.payload = QByteArray("\x00\x01", 2);
    model.setResult(Compare::messages({ recorded, recorded, recorded }, { recorded, replayed }));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(CompareModel::summaryLine(model.result()), u"1 equal, 1 different, 1 missing, 0 extra — FAIL"_s);
    QCOMPARE(model.index(2, CompareModel::OutcomeColumn).data().toString(), u"Missing"_s);
    QCOMPARE(model.index(2, CompareModel::ReplayedColumn).data().toString(), u"(none)"_s);
    model.setResult(Compare::messages({}, { extra }));
    QCOMPARE(model.index(0, CompareModel::OutcomeColumn).data().toString(), u"Extra"_s);
    QCOMPARE(model.index(0, CompareModel::ReplayedColumn).data().toString(), u"binary, 2 B: 00 01"_s);
    QCOMPARE(CompareModel::summaryLine(model.result()), u"0 equal, 0 different, 0 missing, 1 extra — FAIL"_s);
}

void tst_ReplayUi::exportShownRows_data()
{
    QTest::addColumn<SessionExport::Format>("format");
    QTest::addColumn<bool>("messages");
    QTest::newRow("csv, frames") << SessionExport::Format::Csv << false;
    QTest::newRow("json, frames") << SessionExport::Format::Json << false;
    QTest::newRow("csv, messages") << SessionExport::Format::Csv << true;
    QTest::newRow("json, messages") << SessionExport::Format::Json << true;
}

void tst_ReplayUi::exportShownRows()
{
    QFETCH(SessionExport::Format, format);
    QFETCH(bool, messages);
    const EventBatch events = exportEvents();
    FrameStore store;
    store.append(events);
    TimelineWidget widget(&store);
    QAbstractItemModelTester tester(
        widget.viewModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    widget.setMessageMode(messages);
    widget.timelineModel()->publishNow();
    // Incoming text rows only, searched for "row": what the view shows is what is written.
    TimelineFilter filter;
    filter.outgoing = false;
    filter.search = u"row"_s;
    widget.setFilter(filter);
    QTRY_VERIFY_WITH_TIMEOUT(!widget.proxyModel()->isFiltering(), Timeout);
    QCOMPARE(widget.viewModel()->rowCount(), 4);

    // Rows keep the timeline's No. (the store's entry + 1: frames and notices count, messages do not).
    EventBatch shown;
    std::vector<qint64> numbers;
    qint64 entry = 0;
    for (const ConnectionEvent &event : events) {
        if (std::holds_alternative<MessageEvent>(event))
            continue;
        ++entry;
        const auto *frame = std::get_if<FrameEvent>(&event);
        if (frame && frame->direction == Direction::Incoming && frame->frame.opcode == 0x1) {
            shown.append(event);
            numbers.push_back(entry);
        }
    }
    QCOMPARE(shown.size(), 4);
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(widget.viewModel()->index(row, TimelineModel::NumberColumn).data().toString(),
            QString::number(numbers[size_t(row)]));
    }
    SessionHeader header;
    header.timeOriginMs = Clock::wallClockAnchorMs();
    SessionExport::TableWriter writer(format, header);
    QByteArray expected = writer.start();
    writer.appendRows(expected, shown, numbers);
    expected.append(writer.finish());
    QVERIFY(expected != SessionExport::encode(format, shown, header)); // not simply 1, 2, 3, 4

    const QString path = m_files.filePath(u"rows."_s + SessionExport::formatId(format));
    QSignalSpy exported(&widget, &TimelineWidget::rowsExported);
    RowExport *job = widget.exportRows(path, format);
    QCOMPARE(job->rowCount(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, Timeout);
    QCOMPARE(exported.at(0).at(0).toString(), path);
    QCOMPARE(exported.at(0).at(1).toLongLong(), 4);
    QCOMPARE(exported.at(0).at(2).toString(), QString());
    QCOMPARE(readFile(path), expected);
    QCOMPARE(RowExport::encode(store, RowExport::shownEntries(widget.proxyModel()), format), expected);
    QCOMPARE(RowExport::shownMessages(widget.proxyModel()), messages ? 4 : 0);

    // Without a filter: every row, as the whole-session export writes them.
    widget.setFilter(TimelineFilter());
    QTRY_VERIFY_WITH_TIMEOUT(!widget.proxyModel()->isFiltering(), Timeout);
    QCOMPARE(RowExport::encode(store, RowExport::shownEntries(widget.proxyModel()), format),
        SessionExport::encode(format, events, header));
}

void tst_ReplayUi::exportRowsError()
{
    FrameStore store;
    store.append(exportEvents());
    TimelineWidget widget(&store);
    widget.timelineModel()->publishNow();
    // An existing file stays as it was when the export fails.
    const QString blocked = m_files.filePath(u"blocked"_s);
    QVERIFY(QDir().mkpath(blocked));
    QSignalSpy exported(&widget, &TimelineWidget::rowsExported);
    widget.exportRows(blocked, SessionExport::Format::Csv);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, Timeout);
    const QString error = exported.at(0).at(2).toString();
    QVERIFY2(error.startsWith(u"Cannot write "_s + QDir::toNativeSeparators(blocked)), qPrintable(error));
    QVERIFY(QFileInfo(blocked).isDir());
}

QTEST_MAIN(tst_ReplayUi)
#include "tst_replayui.moc"
