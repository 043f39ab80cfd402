// The script panel of the real tabs of the real window: a script typed into the editor of a client tab, run
// against the window's own echo server (connecting first), its log in the console, its frames in the
// timeline marked as sent by a script; failed assertions, syntax errors and runtime errors marked at their
// lines; Stop, a busy loop interrupted while the window goes on, the examples, files and persistence; and a
// server tab whose script answers a client.

#include "app/net/server.h"
#include "app/script/scriptrunner.h"
#include "ui/composer/composerwidget.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/script/scriptconsolemodel.h"
#include "ui/script/scripteditor.h"
#include "ui/script/scriptpanel.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/workspace/clienttab.h"
#include "ui/workspace/servertab.h"
#include "ui/workspace/workspace.h"

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QtTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListView>
#include <QtWidgets/QMenu>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolButton>

using namespace Frameline;

namespace {

constexpr int Timeout = 15000;

// The console's lines as their messages (without the time).
QStringList consoleMessages(ScriptPanel *panel)
{
    panel->consoleModel()->flush();
    QStringList lines;
    for (int row = 0; row < panel->consoleModel()->rowCount(); ++row)
        lines << panel->consoleModel()->index(row).data(ScriptConsoleModel::MessageRole).toString();
    return lines;
}

// The first console row of a kind.
QModelIndex consoleRow(ScriptPanel *panel, ScriptConsoleModel::Kind kind)
{
    panel->consoleModel()->flush();
    for (int row = 0; row < panel->consoleModel()->rowCount(); ++row) {
        const QModelIndex index = panel->consoleModel()->index(row);
        if (index.data(ScriptConsoleModel::KindRole).toInt() == int(kind))
            return index;
    }
    return {};
}

// Types `text` into the editor as a user would, Return for each new line (the lines have no indentation).
void typeText(QWidget *editor, const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, lines.at(i));
    }
}

struct TimelineFrame
{
    int row = -1;
    Direction direction = Direction::Incoming;
    FrameOrigin origin = FrameOrigin::Peer;
    QByteArray payload;
};

// The frame rows of a tab's timeline (frames mode), in order.
QList<TimelineFrame> timelineFrames(TimelineWidget *timeline)
{
    QList<TimelineFrame> frames;
    QAbstractItemModel *model = timeline->viewModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(TimelineModel::KindRole).toInt() != int(TimelineModel::RowKind::Frame))
            continue;
        const qint64 entry = index.data(TimelineModel::EntryRole).toLongLong();
        const EntryDetails details = timeline->store()->frameDetails(entry);
        frames.append({ row, details.direction, details.origin, details.payload });
    }
    return frames;
}

} // namespace

class TestScriptPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void consoleModelIsSound();
    void runConnectsLogsAndMarksScriptFrames();
    void failedAssertionMarkedAtItsLine();
    void runtimeErrorMarkedAtItsLine();
    void syntaxErrorMarkedBeforeRunning();
    void completesTheApiAfterADot();
    void stopEndsEndlessTimer();
    void busyLoopInterruptedWindowResponsive();
    void examplesMenuLoadsEachExample();
    void filesAndUnsavedChanges();
    void persistsWithTheTab();
    void serverTabScriptServesAClient();

private:
    // A client tab of the window, not connected, whose URL is the window's echo server.
    ClientTab *echoTab();
    ScriptOutcome runToEnd(ScriptPanel *panel);

    std::unique_ptr<MainWindow> m_window;
};

void TestScriptPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FramelineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_scriptpanel"));
    QSettings().clear();
}

void TestScriptPanel::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>(MainWindow::Persistence::None);
    m_window->resize(1280, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestScriptPanel::cleanup()
{
    m_window.reset();
}

ClientTab *TestScriptPanel::echoTab()
{
    // The built-in echo server comes up with the first tab that asks for it.
    ClientTab *echo = m_window->workspace()->connectToEchoServer();
    if (!QTest::qWaitFor([echo] { return echo->state() == ConnectionState::Open; }, Timeout))
        return nullptr;
    ClientTab *tab = m_window->workspace()->addClientTab(m_window->workspace()->echoServerUrl());
    tab->bottomTabs()->setCurrentWidget(tab->scriptPanel());
    return tab;
}

ScriptOutcome TestScriptPanel::runToEnd(ScriptPanel *panel)
{
    QSignalSpy finished(panel, &ScriptPanel::runningChanged);
    if (!panel->run())
        return {};
    if (!QTest::qWaitFor([panel] { return !panel->isRunning(); }, Timeout))
        qWarning("the script did not end");
    return panel->lastOutcome();
}

void TestScriptPanel::consoleModelIsSound()
{
    ScriptConsoleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setLimit(5);
    for (int i = 0; i < 8; ++i) {
        ScriptLogEntry entry;
        entry.text = QStringLiteral("line %1").arg(i);
        entry.line = i;
        model.addEntry(entry);
    }
    QCOMPARE(model.rowCount(), 0); // published in a batch
    QTRY_COMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0).data(ScriptConsoleModel::MessageRole).toString(), QStringLiteral("line 3"));
    QCOMPARE(model.index(4).data(ScriptConsoleModel::LineRole).toInt(), 7);
    ScriptOutcome outcome;
    outcome.assertionsPassed = 2;
    model.addOutcome(outcome); // at once, the oldest line going
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(
        model.index(4).data(ScriptConsoleModel::KindRole).toInt(), int(ScriptConsoleModel::Kind::Passed));
    QVERIFY(model.index(4).data().toString().contains(QStringLiteral("Passed")));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestScriptPanel::runConnectsLogsAndMarksScriptFrames()
{
    ClientTab *tab = echoTab();
    QVERIFY(tab);
    QCOMPARE(tab->state(), ConnectionState::Idle);
    ScriptPanel *panel = tab->scriptPanel();
    QCOMPARE(panel->objectName(), QStringLiteral("scriptPanel"));
    QVERIFY(tab->findChild<ScriptEditor *>(QStringLiteral("scriptEditor")));
    QVERIFY(tab->findChild<QListView *>(QStringLiteral("scriptConsole")));
    QAbstractItemModelTester tester(
        panel->consoleModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    // Typed into the editor.
    panel->editor()->setFocus();
    typeText(panel->editor(), QStringLiteral("log('hello from the script');\n"));
    panel->editor()->append(
        QStringLiteral("ws.send('one');\n"
                       "ws.waitFor('one', 5000).then(m => {\n"
                       "  assert(m.text === 'one', 'the echo');\n"
                       "  ws.send({ n: 2 });\n"
                       "  return ws.waitFor(m => m.json !== undefined && m.json.n === 2, 5000);\n"
                       "}).then(m => { log('got ' + m.text); done(); });\n"));
    QVERIFY(panel->isModified());
    // Ctrl+R in the editor runs it: the tab connects first.
    QTest::keyClick(panel->editor(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(panel->isRunning());
    QVERIFY(!panel->runButton()->isEnabled());
    QVERIFY(panel->stopButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), Timeout);
    QCOMPARE(tab->state(), ConnectionState::Open);
    const ScriptOutcome outcome = panel->lastOutcome();
    QCOMPARE(outcome.result, ScriptOutcome::Result::Passed);
    QCOMPARE(outcome.assertionsPassed, 1);
    QCOMPARE(outcome.assertionsFailed, 0);
    QCOMPARE(outcome.framesSent, quint64(2));
    QVERIFY(panel->runButton()->isEnabled());
    QVERIFY(!panel->stopButton()->isEnabled());

    const QStringList console = consoleMessages(panel);
    QVERIFY2(console.contains(QStringLiteral("hello from the script")), qPrintable(console.join(u'\n')));
    QVERIFY2(console.contains(QStringLiteral("got {\"n\":2}")), qPrintable(console.join(u'\n')));
    const QModelIndex summary = consoleRow(panel, ScriptConsoleModel::Kind::Passed);
    QVERIFY(summary.isValid());
    QCOMPARE(summary.row(), panel->consoleModel()->rowCount() - 1);
    QVERIFY(summary.data().toString().contains(QStringLiteral("1 assertion passed")));

    // A message from the composer afterwards: the user's, not marked.
    tab->composer()->setMode(ComposerWidget::Mode::Text);
    tab->composer()->setText(QStringLiteral("typed"));
    QVERIFY(tab->composer()->send());

    TimelineWidget *timeline = tab->timeline();
    QTRY_COMPARE_WITH_TIMEOUT(timelineFrames(timeline).size(), 6, Timeout);
    const QList<TimelineFrame> frames = timelineFrames(timeline);
    const QList<std::tuple<Direction, FrameOrigin, QByteArray>> expected = {
        { Direction::Outgoing, FrameOrigin::Script, "one" },
        { Direction::Incoming, FrameOrigin::Peer, "one" },
        { Direction::Outgoing, FrameOrigin::Script, "{\"n\":2}" },
        { Direction::Incoming, FrameOrigin::Peer, "{\"n\":2}" },
        { Direction::Outgoing, FrameOrigin::User, "typed" },
        { Direction::Incoming, FrameOrigin::Peer, "typed" },
    };
    QAbstractItemModel *model = timeline->viewModel();
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const auto &[direction, origin, payload] = expected.at(i);
        QCOMPARE(frames.at(i).direction, direction);
        QCOMPARE(frames.at(i).origin, origin);
        QCOMPARE(frames.at(i).payload, payload);
        // The mark: the script icon before the payload, "Sent by a script" on the direction.
        const bool script = origin == FrameOrigin::Script;
        const QModelIndex preview = model->index(frames.at(i).row, TimelineModel::PreviewColumn);
        const QModelIndex dir = model->index(frames.at(i).row, TimelineModel::DirectionColumn);
        QCOMPARE(preview.data(Qt::DecorationRole).value<QIcon>().isNull(), !script);
        QCOMPARE(dir.data(Qt::ToolTipRole).toString() == QStringLiteral("Sent by a script"), script);
    }
}

void TestScriptPanel::failedAssertionMarkedAtItsLine()
{
    ClientTab *tab = echoTab();
    QVERIFY(tab);
    QVERIFY(tab->connectToServer());
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ConnectionState::Open, Timeout);
    ScriptPanel *panel = tab->scriptPanel();
    panel->setScript(QStringLiteral("log('checking');\n"
                                    "assert(1 + 1 === 2, 'arithmetic');\n"
                                    "\n"
                                    "    assert(2 + 2 === 5, 'two and two make five');\n"
                                    "done();\n"));
    const ScriptOutcome outcome = runToEnd(panel);
    QCOMPARE(outcome.result, ScriptOutcome::Result::Failed);
    QCOMPARE(outcome.assertionsPassed, 1);
    QCOMPARE(outcome.assertionsFailed, 1);
    // Its console line names it and its line; clicking it goes there.
    const QModelIndex failure = consoleRow(panel, ScriptConsoleModel::Kind::AssertFail);
    QVERIFY(failure.isValid());
    QVERIFY2(failure.data(ScriptConsoleModel::MessageRole)
                 .toString()
                 .contains(QStringLiteral("two and two make five")),
        qPrintable(failure.data(ScriptConsoleModel::MessageRole).toString()));
    QCOMPARE(failure.data(ScriptConsoleModel::LineRole).toInt(), 4);
    const QModelIndex summary = consoleRow(panel, ScriptConsoleModel::Kind::Failed);
    QVERIFY(summary.isValid());
    QVERIFY(summary.data().toString().contains(QStringLiteral("1 of 2 assertions failed")));
    // The marker at line 4 only, with the squiggle under the statement (from its first non-blank).
    QCOMPARE(panel->editor()->errorMarks().keys(), QList<int>({ 4 }));
    QCOMPARE(panel->editor()->markersAtLine(3) & (1u << ScriptEditor::ErrorMarker),
        1u << ScriptEditor::ErrorMarker);
    QVERIFY(panel->editor()->squiggleOnLine(4).first >= 4);
    QCOMPARE(panel->editor()->squiggleOnLine(2).first, -1);
    panel->editor()->setCursorPosition(0, 0);
    const QRect rect = panel->console()->visualRect(panel->console()->model()->index(failure.row(), 0));
    QTest::mouseClick(panel->console()->viewport(), Qt::LeftButton, {}, rect.center());
    int line = -1;
    int index = -1;
    panel->editor()->getCursorPosition(&line, &index);
    QCOMPARE(line, 3);
    QVERIFY(panel->statusLabel()->text().startsWith(QStringLiteral("Failed")));
}

void TestScriptPanel::runtimeErrorMarkedAtItsLine()
{
    ClientTab *tab = echoTab();
    QVERIFY(tab);
    ScriptPanel *panel = tab->scriptPanel();
    panel->setScript(QStringLiteral("log('before');\n"
                                    "let value = 1;\n"
                                    "value = notDefinedAnywhere + 1;\n"
                                    "done();\n"));
    const ScriptOutcome outcome = runToEnd(panel);
    QCOMPARE(outcome.result, ScriptOutcome::Result::Error);
    QCOMPARE(outcome.errorLine, 3);
    QVERIFY2(outcome.error.contains(QStringLiteral("notDefinedAnywhere")), qPrintable(outcome.error));
    QVERIFY(panel->editor()->errorMarks().contains(3));
    QCOMPARE(panel->editor()->errorMarks().size(), 1);
    QVERIFY(consoleMessages(panel).contains(QStringLiteral("before")));
}

void TestScriptPanel::completesTheApiAfterADot()
{
    ScriptEditor editor;
    editor.resize(600, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setFocus();
    // The API list is prepared in the background the first time.
    QTRY_VERIFY_WITH_TIMEOUT(editor.apisPrepared(), Timeout);

    // After "ws." the list offers the connection's calls, and only those.
    QTest::keyClicks(&editor, QStringLiteral("ws."));
    QTRY_VERIFY_WITH_TIMEOUT(editor.isListActive(), Timeout);
    QTest::keyClicks(&editor, QStringLiteral("se"));
    QTest::keyClick(&editor, Qt::Key_Return);
    QCOMPARE(editor.text(), QStringLiteral("ws.send"));
    // The opening parenthesis shows the call's signature.
    QTest::keyClicks(&editor, QStringLiteral("("));
    QTRY_VERIFY_WITH_TIMEOUT(editor.SendScintilla(QsciScintillaBase::SCI_CALLTIPACTIVE) != 0, Timeout);

    // A global completes as itself, on a new line.
    QTest::keyClick(&editor, Qt::Key_Escape);
    QTest::keyClicks(&editor, QStringLiteral(");"));
    QTest::keyClick(&editor, Qt::Key_Return);
    QTest::keyClicks(&editor, QStringLiteral("expe"));
    QTRY_VERIFY_WITH_TIMEOUT(editor.isListActive(), Timeout);
    QTest::keyClick(&editor, Qt::Key_Return);
    QCOMPARE(editor.text(), QStringLiteral("ws.send();\nexpect"));
}

void TestScriptPanel::syntaxErrorMarkedBeforeRunning()
{
    ClientTab *tab = echoTab();
    QVERIFY(tab);
    ScriptPanel *panel = tab->scriptPanel();
    const QString source = QStringLiteral("log('fine');\nlet broken = ;\nlog('never');\n");
    int expectedLine = 0;
    int expectedColumn = 0;
    const QString expectedError = ScriptRunner::checkSyntax(source, &expectedLine, &expectedColumn);
    QVERIFY(!expectedError.isEmpty());
    QCOMPARE(expectedLine, 2);

    // Marked as the user types (debounced), without running anything.
    panel->editor()->setFocus();
    typeText(panel->editor(), source);
    QCOMPARE(panel->script(), source);
    QTRY_COMPARE(panel->editor()->errorMarks().keys(), QList<int>({ 2 }));
    QCOMPARE(panel->editor()->errorMarks().value(2), expectedError);
    if (expectedColumn > 0)
        QCOMPARE(panel->editor()->squiggleOnLine(2).first, expectedColumn - 1);
    QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("line 2")));

    // Run refuses it: the console says where, and the tab stays unconnected.
    QVERIFY(!panel->run());
    QVERIFY(!panel->isRunning());
    const QModelIndex error = consoleRow(panel, ScriptConsoleModel::Kind::Error);
    QVERIFY(error.isValid());
    QCOMPARE(error.data(ScriptConsoleModel::LineRole).toInt(), 2);
    QCOMPARE(tab->state(), ConnectionState::Idle);

    // Fixing it clears the mark.
    panel->setScript(QStringLiteral("log('fine');\nlet fixed = 1;\n"));
    QTRY_VERIFY(panel->editor()->errorMarks().isEmpty());
}

void TestScriptPanel::stopEndsEndlessTimer()
{
    ClientTab *tab = echoTab();
    QVERIFY(tab);
    ScriptPanel *panel = tab->scriptPanel();
    panel->setScript(QStringLiteral("let n = 0;\nsetInterval(() => log('tick ' + (++n)), 20);\n"));
    QVERIFY(panel->run());
    QTRY_VERIFY_WITH_TIMEOUT(consoleMessages(panel).contains(QStringLiteral("tick 3")), Timeout);
    QVERIFY(panel->isRunning());
    panel->stopButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), Timeout);
    QCOMPARE(panel->lastOutcome().result, ScriptOutcome::Result::Stopped);
    QVERIFY(consoleRow(panel, ScriptConsoleModel::Kind::Stopped).isValid());
    // Nothing ticks any more.
    const int lines = int(consoleMessages(panel).size());
    QTest::qWait(200);
    QCOMPARE(int(consoleMessages(panel).size()), lines);
    // The connection stays as it was.
    QCOMPARE(tab->state(), ConnectionState::Open);
}

void TestScriptPanel::busyLoopInterruptedWindowResponsive()
{
    ClientTab *tab = echoTab();
    QVERIFY(tab);
    QVERIFY(tab->connectToServer());
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ConnectionState::Open, Timeout);
    ScriptPanel *panel = tab->scriptPanel();
    panel->setScript(QStringLiteral("log('spinning');\nwhile (true) {}\n"));

    int ticks = 0;
    int ticksWhileRunning = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, this, [&] {
        ++ticks;
        if (panel->lastOutcome().durationMs == 0 && panel->isRunning())
            ++ticksWhileRunning;
    });
    timer.start();
    QElapsedTimer clock;
    clock.start();
    QVERIFY(panel->run());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), Timeout);
    const qint64 elapsed = clock.elapsed();
    timer.stop();
    QCOMPARE(panel->lastOutcome().result, ScriptOutcome::Result::Error);
    QVERIFY2(!panel->lastOutcome().error.isEmpty(), "the interruption is explained");
    // Interrupted within its limit (2 s, with room for a loaded machine), the GUI thread's timer firing
    // all along.
    QVERIFY2(elapsed < 8000, qPrintable(QString::number(elapsed)));
    QVERIFY2(ticksWhileRunning >= 50,
        qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticksWhileRunning).arg(elapsed)));
    // Where it was interrupted, when the engine says: the loop's line, marked.
    if (panel->lastOutcome().errorLine > 0) {
        QCOMPARE(panel->lastOutcome().errorLine, 2);
        QVERIFY(panel->editor()->errorMarks().contains(2));
    }
}

void TestScriptPanel::examplesMenuLoadsEachExample()
{
    ClientTab *client = m_window->workspace()->addClientTab();
    ServerTab *server = m_window->workspace()->addServerTab();
    const QList<ScriptExample> examples = scriptExamples();
    QVERIFY(examples.size() >= 5);
    int clientExamples = 0;
    int serverExamples = 0;
    for (const ScriptExample &example : examples) {
        ScriptPanel *panel = example.server ? server->scriptPanel() : client->scriptPanel();
        (example.server ? serverExamples : clientExamples)++;
        QFile file(example.resourcePath);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(example.resourcePath));
        const QString text = QString::fromUtf8(file.readAll());
        // Chosen from the menu (each panel lists the examples for its kind of tab).
        QAction *action = nullptr;
        const QList<QAction *> actions = panel->examplesMenu()->actions();
        for (QAction *candidate : actions) {
            if (candidate->data().toString() == example.id)
                action = candidate;
        }
        QVERIFY2(action, qPrintable(example.id));
        QCOMPARE(action->text(), example.title);
        panel->setUnsavedPrompt([](const QString &) { return ScriptPanel::UnsavedChoice::Discard; });
        action->trigger();
        QCOMPARE(panel->script(), text);
        QVERIFY(!panel->isModified());
        QVERIFY2(panel->checkSyntaxNow().isEmpty(), qPrintable(example.id));
    }
    QCOMPARE(client->scriptPanel()->examplesMenu()->actions().size(), clientExamples);
    QCOMPARE(server->scriptPanel()->examplesMenu()->actions().size(), serverExamples);
    QVERIFY(clientExamples >= 4);
    QVERIFY(serverExamples >= 1);
}

void TestScriptPanel::filesAndUnsavedChanges()
{
    ClientTab *tab = m_window->workspace()->addClientTab();
    ScriptPanel *panel = tab->scriptPanel();
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("first.js"));
    const QString second = dir.filePath(QStringLiteral("second.js"));
    {
        QFile file(second);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("log('second ✓');\n");
    }
    QVERIFY(!panel->isModified());
    panel->setScript(QStringLiteral("log('first');\n"));
    QVERIFY(panel->isModified());
    QString error;
    QVERIFY(panel->saveToFile(first, &error));
    QVERIFY(!panel->isModified());
    QCOMPARE(panel->filePath(), QFileInfo(first).absoluteFilePath());
    QFile saved(first);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), QByteArray("log('first');\n"));

    // Changed again: loading an example asks first; Cancel keeps everything as it is.
    panel->setScript(QStringLiteral("log('edited');\n"));
    QStringList asked;
    ScriptPanel::UnsavedChoice answer = ScriptPanel::UnsavedChoice::Cancel;
    panel->setUnsavedPrompt([&](const QString &question) {
        asked << question;
        return answer;
    });
    const QString exampleId = scriptExamples().constFirst().id;
    QVERIFY(!panel->loadExample(exampleId));
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.first().contains(QStringLiteral("first.js")));
    QCOMPARE(panel->script(), QStringLiteral("log('edited');\n"));
    // Save: written to its file, then the example loads.
    answer = ScriptPanel::UnsavedChoice::Save;
    QVERIFY(panel->loadExample(exampleId));
    saved.close(); // the save replaced the file
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), QByteArray("log('edited');\n"));
    QVERIFY(panel->filePath().isEmpty());
    // Not modified: opening asks nothing.
    QVERIFY(panel->maybeKeepChanges());
    QCOMPARE(asked.size(), 2);
    QVERIFY(panel->openFile(second, &error));
    QCOMPARE(panel->script(), QStringLiteral("log('second ✓');\n"));
    QVERIFY(!panel->isModified());
    QVERIFY(!panel->openFile(dir.filePath(QStringLiteral("missing.js")), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(panel->script(), QStringLiteral("log('second ✓');\n"));
}

void TestScriptPanel::persistsWithTheTab()
{
    ClientTab *tab = m_window->workspace()->addClientTab();
    m_window->workspace()->setCurrentTab(tab);
    tab->bottomTabs()->setCurrentWidget(tab->scriptPanel());
    ScriptPanel *panel = tab->scriptPanel();
    const QString text = QStringLiteral("// kept\nws.send('persisted');\ndone();\n");
    panel->setScript(text);
    QTRY_VERIFY(panel->splitter()->width() > 400);
    panel->splitter()->setSizes({ 300, panel->splitter()->width() - 300 - panel->splitter()->handleWidth() });
    const QList<int> sizes = panel->splitter()->sizes();
    const QVariantMap saved = tab->saveSettings();

    ClientTab *restored = m_window->workspace()->addClientTab();
    restored->restoreSettings(saved);
    m_window->workspace()->setCurrentTab(restored);
    QCOMPARE(restored->scriptPanel()->script(), text);
    QVERIFY(restored->scriptPanel()->isModified()); // never saved to a file
    QCOMPARE(restored->bottomTabs()->currentWidget(), restored->scriptPanel());
    QTRY_COMPARE(restored->scriptPanel()->splitter()->sizes(), sizes);
    // The composer is still the first tab, and still there.
    QCOMPARE(restored->bottomTabs()->indexOf(restored->composer()), 0);
}

void TestScriptPanel::serverTabScriptServesAClient()
{
    ServerTab *server = m_window->workspace()->addServerTab();
    auto *behaviour = server->findChild<QComboBox *>(QStringLiteral("serverBehaviour"));
    QVERIFY(behaviour);
    behaviour->setCurrentIndex(behaviour->findData(int(Server::Behaviour::Echo)));
    ScriptPanel *panel = server->scriptPanel();
    panel->setScript(QStringLiteral("server.on('connection', client => {\n"
                                    "  log('client ' + client.path);\n"
                                    "  client.on('message', m => client.send('re: ' + m.text));\n"
                                    "});\n"));
    // Run starts the stopped server, then the script.
    QVERIFY(!server->isListening());
    QVERIFY(panel->run());
    QTRY_VERIFY_WITH_TIMEOUT(server->isListening(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(panel->runState(), ScriptPanel::RunState::Running, Timeout);
    QVERIFY(!behaviour->isEnabled());

    ClientTab *client = m_window->workspace()->addClientTab(server->url() + QStringLiteral("mock"), true);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ConnectionState::Open, Timeout);
    client->composer()->setMode(ComposerWidget::Mode::Text);
    client->composer()->setText(QStringLiteral("hi"));
    QVERIFY(client->composer()->send());
    // The script answers, and only the script (the Echo behaviour is off while it runs).
    QTRY_COMPARE_WITH_TIMEOUT(timelineFrames(client->timeline()).size(), 2, Timeout);
    QTest::qWait(200);
    QList<TimelineFrame> frames = timelineFrames(client->timeline());
    QCOMPARE(frames.size(), 2);
    QCOMPARE(frames.at(1).direction, Direction::Incoming);
    QCOMPARE(frames.at(1).payload, QByteArray("re: hi"));
    QTRY_VERIFY(consoleMessages(panel).contains(QStringLiteral("client /mock")));
    // On the server tab's timeline the answer is the script's.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<TimelineFrame> rows = timelineFrames(server->timeline());
            return std::any_of(rows.cbegin(), rows.cend(), [](const TimelineFrame &frame) {
                return frame.origin == FrameOrigin::Script && frame.payload == "re: hi";
            });
        }(),
        Timeout);

    // Stopped: the chosen behaviour is back.
    panel->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), Timeout);
    QCOMPARE(panel->lastOutcome().result, ScriptOutcome::Result::Stopped);
    QVERIFY(behaviour->isEnabled());
    QCOMPARE(Server::Behaviour(behaviour->currentData().toInt()), Server::Behaviour::Echo);
    client->composer()->setText(QStringLiteral("echo?"));
    QVERIFY(client->composer()->send());
    QTRY_COMPARE_WITH_TIMEOUT(timelineFrames(client->timeline()).size(), 4, Timeout);
    frames = timelineFrames(client->timeline());
    QCOMPARE(frames.at(3).payload, QByteArray("echo?"));
}

QTEST_MAIN(TestScriptPanel)
#include "tst_scriptpanel.moc"
