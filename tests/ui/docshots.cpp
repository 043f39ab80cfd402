// Takes the documentation screenshots of the desktop app (docs/screenshots/), driving the real window the
// way a user would: a local server, a client tab connected to it, messages typed into the send row, rows
// selected in the timeline, pages chosen in the inspector. Run by scripts/screenshots.sh under Xvfb.
//
//   docshots --out DIR [--lang en|ko] [--suffix -ko]
//
// Writes DIR/client-tab{suffix}.png, handshake{suffix}.png, server-tab{suffix}.png,
// composer-{text,json,binary,advanced}{suffix}.png and script-editor{suffix}.png. Exits non-zero
// with a message when a step does not happen in time. Never touches the user's settings.

#include "app/net/clientconnection.h"
#include "app/net/networkthread.h"
#include "app/net/server.h"
#include "app/protocol/framewriter.h"
#include "ui/composer/composerwidget.h"
#include "ui/composer/framecraftpanel.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/mainwindow/languageloader.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/script/scriptpanel.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/workspace/clienttab.h"
#include "ui/workspace/servertab.h"
#include "ui/workspace/workspace.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDir>
#include <QtCore/QEventLoop>
#include <QtCore/QStandardPaths>
#include <QtCore/QTimer>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTreeView>

#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace Frameline;
using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "docshots: %s\n", qPrintable(what));
    std::exit(1);
}

// Runs the event loop until `done` (checked every 10 ms) or fails after `timeoutMs`.
void waitFor(const std::function<bool()> &done, const QString &what, int timeoutMs = 10000)
{
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, [&] { loop.exit(1); });
    check.start(10);
    if (!done() && loop.exec() != 0)
        fail(u"timed out waiting for "_s + what);
}

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The first row (top level) whose cells in `column` satisfy `match`.
QModelIndex findRow(QAbstractItemModel *model, int column, const std::function<bool(const QString &)> &match)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, column);
        if (match(index.data().toString()))
            return index;
    }
    return {};
}

int columnNamed(QAbstractItemModel *model, const QString &title)
{
    for (int column = 0; column < model->columnCount(); ++column) {
        if (model->headerData(column, Qt::Horizontal).toString() == title)
            return column;
    }
    fail(u"no timeline column "_s + title);
}

void select(TimelineWidget *timeline, const QModelIndex &index, const QString &what)
{
    if (!index.isValid())
        fail(u"no row for "_s + what);
    timeline->view()->setCurrentIndex(index);
    timeline->view()->scrollTo(index);
}

void save(QWidget *window, const QString &path)
{
    settle(300); // let the views lay out and paint
    if (!window->grab().save(path))
        fail(u"cannot write "_s + path);
    std::printf("wrote %s\n", qPrintable(path));
}

void send(ClientTab *tab, const QString &text, ComposerWidget::Mode mode)
{
    tab->composer()->setMode(mode);
    tab->composer()->setText(text);
    tab->composer()->sendButton()->click();
}

} // namespace

int main(int argc, char *argv[])
{
    QStandardPaths::setTestModeEnabled(true); // settings and app data in a throwaway place
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"FramelineDocshots"_s);
    QApplication::setApplicationName(u"FramelineDocshots"_s);

    QCommandLineParser parser;
    const QCommandLineOption outOption(u"out"_s, u"Folder for the PNG files."_s, u"dir"_s);
    const QCommandLineOption langOption(u"lang"_s, u"Interface language."_s, u"language"_s, u"en"_s);
    const QCommandLineOption suffixOption(u"suffix"_s, u"Appended to the file names."_s, u"suffix"_s);
    parser.addOptions({ outOption, langOption, suffixOption });
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(outOption))
        fail(u"--out DIR is required"_s);
    const QDir out(parser.value(outOption));
    QDir().mkpath(out.path());
    const QString suffix = parser.value(suffixOption);

    LanguageLoader languages(&app);
    languages.load(parser.value(langOption));

    MainWindow window(MainWindow::Persistence::None);
    window.resize(1440, 900);
    window.show();
    Workspace *workspace = window.workspace();

    // --- a client tab talking to a local echo server ------------------------------------------------
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    auto *server = new Server(serverOptions);
    workspace->network()->adopt(server);
    QString url;
    QString error;
    workspace->network()->runAndWait([&] {
        if (server->listen(&error))
            url = server->url() + u"chat?room=lobby"_s;
    });
    if (url.isEmpty())
        fail(u"the local server did not start: "_s + error);

    ClientTab *client = workspace->addClientTab(url, true);
    client->setRequestSettingsVisible(false);
    waitFor([&] { return client->state() == ConnectionState::Open; }, u"the client tab to open"_s);

    send(client, u"{\"type\":\"subscribe\",\"channel\":\"prices\",\"symbols\":[\"BTC-USD\",\"ETH-USD\"],\"depth\":10}"_s, ComposerWidget::Mode::Json);
    send(client, u"hello from Frameline"_s, ComposerWidget::Mode::Text);
    send(client, u"01 02 03 04 fe ff 00 10 20 30 40 50 60 70 80 90 a0 b0 c0 d0"_s, ComposerWidget::Mode::Binary);
    client->composer()->pingButton()->click();
    send(client, u"{\"type\":\"order\",\"side\":\"buy\",\"price\":64250.5,\"size\":0.25,\"id\":\"c0ffee\"}"_s, ComposerWidget::Mode::Json);
    // The server answers with a message in three fragments, then breaks a rule (a masked server frame):
    // the strict client fails the connection with 1002, and the timeline shows why.
    workspace->network()->runAndWait([&] {
        const QList<Connection *> clients = server->clients();
        if (clients.isEmpty())
            return;
        Connection *peer = clients.first();
        peer->sendFragmented(1, "{\"event\":\"snapshot\",\"bids\":[[64250.0,1.5],[64249.5,0.8]],\"asks\":[[64251.0,2.1]]}", 3,
                             FrameOrigin::User);
    });
    TimelineWidget *timeline = client->timeline();
    QAbstractItemModel *rows = timeline->viewModel();
    waitFor([&] { return rows->rowCount() >= 17; }, u"the echoed frames"_s);
    workspace->network()->runAndWait([&] {
        const QList<Connection *> clients = server->clients();
        if (clients.isEmpty())
            return;
        FrameSpec spec;
        spec.opcode = 1;
        spec.payload = "masked by mistake";
        spec.masking = FrameSpec::Masking::Random;
        clients.first()->sendFrame(spec, FrameOrigin::User);
    });
    waitFor([&] { return client->state() == ConnectionState::Closed; }, u"the strict client to fail the connection"_s);
    settle(400);

    const int payloadColumn = columnNamed(rows, QApplication::translate("Frameline::TimelineModel", "Payload"));
    select(timeline, findRow(rows, payloadColumn, [](const QString &text) { return text.startsWith(u"{\"type\":\"order\""_s); }),
           u"the order message"_s);
    client->inspector()->setCurrentPage(InspectorWidget::Page::Payload);
    save(&window, out.filePath(u"client-tab"_s + suffix + u".png"_s));

    select(timeline, findRow(rows, payloadColumn, [](const QString &text) { return text.contains(u"HTTP/1.1 101"_s); }),
           u"the handshake"_s);
    client->inspector()->setCurrentPage(InspectorWidget::Page::Handshake);
    save(&window, out.filePath(u"handshake"_s + suffix + u".png"_s));

    // --- a server tab with two clients ------------------------------------------------------------------
    ServerTab *serverTab = workspace->addServerTab(0, true);
    waitFor([&] { return serverTab->isListening(); }, u"the server tab to listen"_s);
    QList<ClientConnection *> peers;
    for (int i = 0; i < 2; ++i) {
        ClientConnection::Options options;
        options.url = QUrl(serverTab->url() + (i == 0 ? u"sensors/kitchen"_s : u"sensors/garage"_s));
        auto *peer = new ClientConnection(options);
        workspace->network()->adopt(peer);
        NetworkThread::post(peer, [peer] { peer->open(); });
        peers.append(peer);
    }
    waitFor([&] {
        bool open = true;
        workspace->network()->runAndWait([&] {
            for (ClientConnection *peer : std::as_const(peers))
                open = open && peer->state() == ConnectionState::Open;
        });
        return open;
    }, u"two clients on the server tab"_s);
    workspace->network()->runAndWait([&] {
        peers.at(0)->sendText("{\"sensor\":\"kitchen\",\"temperature\":21.4,\"humidity\":48}");
        peers.at(1)->sendText("{\"sensor\":\"garage\",\"temperature\":12.9,\"door\":\"closed\"}");
        peers.at(0)->sendPing("are you there?");
        peers.at(1)->sendBinary(QByteArray::fromHex("0a0b0c0d0e0f10111213"));
    });
    settle(300);
    serverTab->composer()->setMode(ComposerWidget::Mode::Json);
    serverTab->composer()->setText(u"{\"command\":\"report\",\"interval\":5}"_s);
    serverTab->composer()->sendButton()->click();
    QAbstractItemModel *serverRows = serverTab->timeline()->viewModel();
    waitFor([&] { return serverRows->rowCount() >= 16; }, u"the server tab's rows"_s);
    settle(400);
    const int serverPayloadColumn = columnNamed(serverRows, QApplication::translate("Frameline::TimelineModel", "Payload"));
    select(serverTab->timeline(),
           findRow(serverRows, serverPayloadColumn, [](const QString &text) { return text.startsWith(u"{\"sensor\":\"kitchen\""_s); }),
           u"the kitchen message"_s);
    serverTab->inspector()->setCurrentPage(InspectorWidget::Page::Payload);
    save(&window, out.filePath(u"server-tab"_s + suffix + u".png"_s));

    // --- the composer in each mode ----------------------------------------------------------------------
    ClientTab *composing = workspace->addClientTab(url, true);
    composing->setRequestSettingsVisible(false);
    waitFor([&] { return composing->state() == ConnectionState::Open; }, u"the composer's tab to open"_s);
    if (auto *splitter = composing->findChild<QSplitter *>(u"clientComposerSplitter"_s))
        splitter->setSizes({ 530, 370 });
    settle(200);
    if (auto *splitter = composing->findChild<QSplitter *>(u"clientTimelineSplitter"_s))
        splitter->setSizes({ 300, splitter->height() - 300 });
    ComposerWidget *composer = composing->composer();
    QAbstractItemModel *composedRows = composing->timeline()->viewModel();
    composer->setMode(ComposerWidget::Mode::Text);
    composer->setText(u"Hello #{{counter}} at {{timestamp:iso}}"_s);
    composer->send();
    composer->send();
    waitFor([&] { return composedRows->rowCount() >= 7; }, u"the composed messages and their echoes"_s);
    settle(300);
    select(composing->timeline(), composedRows->index(composedRows->rowCount() - 3, 0), u"the second message sent"_s);
    composing->inspector()->setCurrentPage(InspectorWidget::Page::Payload);
    save(&window, out.filePath(u"composer-text"_s + suffix + u".png"_s));

    composer->setMode(ComposerWidget::Mode::Json);
    composer->setText(u"{\n  \"type\": \"order\",\n  \"side\": \"buy\",\n  \"price\": 64250.5\n  \"size\": 0.25,\n"
                      u"  \"id\": \"{{uuid}}\"\n}"_s);
    settle(500); // live validation marks the missing comma
    save(&window, out.filePath(u"composer-json"_s + suffix + u".png"_s));

    composer->setMode(ComposerWidget::Mode::Binary);
    composer->setBinaryFormat(ComposerWidget::BinaryFormat::Hex);
    composer->setText(u"de ad be ef 00 01 02 03\n7f 80 fe ff 0a 0d 1b 20"_s);
    composer->send();
    waitFor([&] { return composedRows->rowCount() >= 9; }, u"the binary message and its echo"_s);
    settle(200);
    select(composing->timeline(), composedRows->index(composedRows->rowCount() - 2, 0), u"the binary message"_s);
    save(&window, out.filePath(u"composer-binary"_s + suffix + u".png"_s));

    composer->setMode(ComposerWidget::Mode::Text);
    composer->setText(u"hello"_s);
    composer->setAdvanced(true);
    FrameCraftPanel *panel = composer->craftPanel();
    panel->rsv2Box()->setChecked(true);
    panel->opcodeBox()->setCurrentIndex(panel->opcodeBox()->findData(0x3));
    panel->maskingBox()->setCurrentIndex(panel->maskingBox()->findData(int(FrameSpec::Masking::None)));
    panel->lengthFormBox()->setCurrentIndex(panel->lengthFormBox()->findData(64));
    settle(500);
    save(&window, out.filePath(u"composer-advanced"_s + suffix + u".png"_s));

    // --- the script editor after a run --------------------------------------------------------------------
    ClientTab *scripting = workspace->addClientTab(url);
    scripting->setRequestSettingsVisible(false);
    scripting->bottomTabs()->setCurrentWidget(scripting->scriptPanel());
    if (auto *splitter = scripting->findChild<QSplitter *>(u"clientComposerSplitter"_s))
        splitter->setSizes({ 340, splitter->height() - 340 });
    settle(200);
    if (auto *splitter = scripting->findChild<QSplitter *>(u"clientTimelineSplitter"_s))
        splitter->setSizes({ splitter->height(), 1 }); // the inspector at its smallest
    ScriptPanel *script = scripting->scriptPanel();
    script->splitter()->setSizes({ 780, 640 });
    script->setScript(
        u"// Subscribe, check every answer, and time the round trips.\n"
        u"const started = Date.now();\n"
        u"ws.on('message', m => log('received ' + m.text));\n"
        u"\n"
        u"run(function* () {\n"
        u"  ws.send({ type: 'subscribe', channel: 'prices' });\n"
        u"  const reply = yield ws.waitFor(m => m.json && m.json.type === 'subscribe', 2000);\n"
        u"  expect(reply.json.channel).toBe('prices');\n"
        u"  for (let seq = 1; seq <= 3; seq++) {\n"
        u"    ws.send({ type: 'ping', seq });\n"
        u"    const pong = yield ws.waitFor(m => m.json && m.json.seq === seq, 2000);\n"
        u"    assert(pong.json.seq === seq, 'answer ' + seq + ' in order');\n"
        u"  }\n"
        u"  expect(Date.now() - started).toBeLessThan(1000);\n"
        u"  log('3 round trips in ' + (Date.now() - started) + ' ms');\n"
        u"  done();\n"
        u"});\n"_s);
    script->run(); // connects the tab first
    waitFor([&] { return !script->isRunning(); }, u"the script to finish"_s);
    if (script->lastOutcome().result != ScriptOutcome::Result::Passed)
        fail(u"the screenshot's script did not pass: "_s + script->statusLabel()->text());
    // The last message the script sent, with its origin in the inspector.
    QAbstractItemModel *scriptRows = scripting->timeline()->viewModel();
    waitFor([&] { return scriptRows->rowCount() >= 10; }, u"the script's frames and their echoes"_s);
    settle(300);
    select(scripting->timeline(), scriptRows->index(scriptRows->rowCount() - 2, 0), u"the script's last message"_s);
    scripting->inspector()->setCurrentPage(InspectorWidget::Page::Header);
    save(&window, out.filePath(u"script-editor"_s + suffix + u".png"_s));
    return 0;
}
