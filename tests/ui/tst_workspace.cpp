// Widget tests for the workspace (offscreen): a client tab connected through the UI to a local server,
// sending through the send row and seeing the rows, the inspector and the handshake; a server tab with two
// clients, sending to one or to all; tab settings through QSettings; the command line; preferences.
// Never touches the user's settings: a test organisation and QStandardPaths test mode.

#include "app/net/clientconnection.h"
#include "app/net/server.h"
#include "app/session/framestore.h"
#include "tests/common/eventcollector.h"
#include "ui/composer/composereditor.h"
#include "ui/composer/composerwidget.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/mainwindow/actionregistry.h"
#include "ui/mainwindow/commandline.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/preferences/preferencesdialog.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/workspace/clienttab.h"
#include "ui/workspace/clienttabsettings.h"
#include "ui/workspace/decodertab.h"
#include "ui/workspace/requestsettingswidget.h"
#include "ui/workspace/serverclientsmodel.h"
#include "ui/workspace/servertab.h"
#include "ui/workspace/servertabsettings.h"
#include "ui/workspace/trafficcounters.h"
#include "ui/workspace/workspace.h"

#include <QtCore/QProcess>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtNetwork/QTcpServer>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTabBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QTreeView>

using namespace Frameline;

namespace {

constexpr int Timeout = 10000;

QStringList rowTexts(const QAbstractItemModel *model, int row, const QList<int> &columns)
{
    QStringList texts;
    for (const int column : columns)
        texts << model->index(row, column).data().toString();
    return texts;
}

QString columnTitle(const QAbstractItemModel *model, int column)
{
    return model->headerData(column, Qt::Horizontal).toString();
}

QList<QByteArray> incomingPayloads(const Test::EventCollector &collector)
{
    QList<QByteArray> payloads;
    for (const MessageEvent &message : collector.messages(Direction::Incoming))
        payloads << message.message.payload;
    return payloads;
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void commandLine_data();
    void commandLine();
    void commandLineErrors_data();
    void commandLineErrors();
    void helpWithoutDisplay_data();
    void helpWithoutDisplay();

    void clientSettingsRoundTrip();
    void clientSettingsToOptions();
    void serverSettingsRoundTrip();
    void requestSettingsWidget();
    void trafficCounters();

    void actionsAndMenus();
    void tabsNewRenameClose();
    void tabsSavedAndRestored();
    void preferencesLanguage();

    void clientTabEndToEnd();
    void clientTabErrors();
    void builtInEchoServer();
    void builtInEchoTabRestored();
    void serverTabTwoClients();
    void serverTabPortInUse();
    void secureServerAndClientTabs();
};

void TestWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FramelineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_workspace"));
    QSettings().clear();
}

void TestWorkspace::init()
{
    QSettings().clear();
}

void TestWorkspace::commandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("serverPort"); // -1: none
    QTest::addColumn<QString>("bytesFile");

    QTest::newRow("nothing") << QStringList() << QString() << -1 << QString();
    QTest::newRow("ws url") << QStringList({ QStringLiteral("ws://127.0.0.1:9001/chat") })
                            << QStringLiteral("ws://127.0.0.1:9001/chat") << -1 << QString();
    QTest::newRow("wss url") << QStringList({ QStringLiteral("wss://example.org/") })
                             << QStringLiteral("wss://example.org/") << -1 << QString();
    QTest::newRow("host:port") << QStringList({ QStringLiteral("localhost:9001") })
                               << QStringLiteral("ws://localhost:9001") << -1 << QString();
    QTest::newRow("server 0") << QStringList({ QStringLiteral("--server"), QStringLiteral("0") }) << QString()
                              << 0 << QString();
    QTest::newRow("server=9001") << QStringList({ QStringLiteral("--server=9001") }) << QString() << 9001
                                 << QString();
    QTest::newRow("server and url") << QStringList(
        { QStringLiteral("--server"), QStringLiteral("8080"), QStringLiteral("ws://localhost:8080") })
                                    << QStringLiteral("ws://localhost:8080") << 8080 << QString();
    QTest::newRow("bytes file") << QStringList({ QStringLiteral(FRAMELINE_TEST_DATA_DIR) }) << QString() << -1
                                << QStringLiteral(FRAMELINE_TEST_DATA_DIR);
}

void TestWorkspace::commandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, url);
    QFETCH(int, serverPort);
    QFETCH(QString, bytesFile);
    arguments.prepend(QStringLiteral("frameline"));
    QString error;
    const std::optional<StartupOptions> options = CommandLine::tryParse(arguments, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->url, url);
    QCOMPARE(options->serverPort.value_or(-1), serverPort);
    QCOMPARE(options->bytesFile, bytesFile);
}

void TestWorkspace::commandLineErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("port too big") << QStringList({ QStringLiteral("--server"), QStringLiteral("70000") })
                                  << QStringLiteral("--server takes a port from 0 to 65535, not “70000”");
    QTest::newRow("port not a number") << QStringList({ QStringLiteral("--server"), QStringLiteral("x") })
                                       << QStringLiteral("--server takes a port from 0 to 65535, not “x”");
    QTest::newRow("two positionals") << QStringList({ QStringLiteral("ws://a"), QStringLiteral("ws://b") })
                                     << QStringLiteral("give at most one URL or bytes file");
    QTest::newRow("http url") << QStringList({ QStringLiteral("ws://") })
                              << QString(); // any error text: the URL has no host
}

void TestWorkspace::commandLineErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    arguments.prepend(QStringLiteral("frameline"));
    QString actual;
    QVERIFY(!CommandLine::tryParse(arguments, &actual));
    QVERIFY(!actual.isEmpty());
    if (!error.isEmpty())
        QCOMPARE(actual, error);
}

void TestWorkspace::helpWithoutDisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("starts");
    QTest::addColumn<QString>("contains");
    QTest::newRow("help") << QStringList({ QStringLiteral("--help") }) << QStringLiteral("Usage: ")
                          << QStringLiteral("--server <port>");
    QTest::newRow("help in Korean") << QStringList({ QStringLiteral("--lang"), QStringLiteral("ko"),
                                                     QStringLiteral("-h") })
                                    << QStringLiteral("사용 방법: ") << QStringLiteral("Frameline, 웹소켓 디버거입니다");
    QTest::newRow("version") << QStringList({ QStringLiteral("--version") })
                             << QStringLiteral("Frameline " FRAMELINE_VERSION "\n") << QString();
}

// The real binary with no display at all (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM, where
// QApplication aborts): --help and --version still answer, as in a terminal over SSH.
void TestWorkspace::helpWithoutDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, starts);
    QFETCH(QString, contains);
    QTemporaryDir config; // no Preferences language of the person running the tests
    QVERIFY(config.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" })
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    QProcess app;
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(FRAMELINE_APP_PATH), arguments);
    QVERIFY2(app.waitForFinished(30000), qPrintable(app.errorString()));
    const QString output = QString::fromUtf8(app.readAllStandardOutput());
    QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0,
        qPrintable(QString::fromUtf8(app.readAllStandardError())));
    QVERIFY2(output.startsWith(starts), qPrintable(output));
    if (contains.isEmpty())
        QCOMPARE(output, starts);
    else
        QVERIFY2(output.contains(contains), qPrintable(output));
}

void TestWorkspace::clientSettingsRoundTrip()
{
    ClientTabSettings settings;
    settings.url = QStringLiteral("wss://example.org:8443/feed");
    settings.headers = { { QStringLiteral("Authorization"), QStringLiteral("Bearer abc") },
        { QStringLiteral("X-Trace"), QStringLiteral("1") } };
    settings.origin = QStringLiteral("https://example.org");
    settings.subprotocols = { QStringLiteral("chat"), QStringLiteral("superchat") };
    settings.offerDeflate = true;
    settings.connectTimeoutMs = 2500;
    settings.handshakeTimeoutMs = 3500;
    settings.closeTimeoutMs = 1500;
    settings.verifyCertificates = false;
    settings.caFile = QStringLiteral("/tmp/ca.pem");
    settings.certificateFile = QStringLiteral("/tmp/client.pem");
    settings.keyFile = QStringLiteral("/tmp/client.key");
    settings.proxyMode = ProxySettings::Mode::Explicit;
    settings.proxyUrl = QStringLiteral("http://proxy:3128");
    settings.strict = false;
    settings.pingIntervalMs = 15000;
    settings.reconnect = true;
    settings.reconnectMaxAttempts = 4;

    const ClientTabSettings restored = ClientTabSettings::fromMap(settings.toMap());
    QVERIFY(restored == settings);
    QVERIFY(ClientTabSettings::fromMap({}) == ClientTabSettings());
}

void TestWorkspace::clientSettingsToOptions()
{
    ClientTabSettings settings;
    settings.url = QStringLiteral("localhost:9001/x");
    settings.headers = { { QStringLiteral("X-Test"), QStringLiteral("yes") } };
    settings.subprotocols = { QStringLiteral("chat") };
    settings.offerDeflate = true;
    settings.strict = false;
    settings.pingIntervalMs = 2000;
    settings.verifyCertificates = false;
    QString error;
    std::optional<ClientConnection::Options> options = settings.toOptions(&error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->url.toString(), QStringLiteral("ws://localhost:9001/x"));
    QCOMPARE(options->headers.size(), 1);
    QCOMPARE(options->headers.first().name, QByteArrayLiteral("X-Test"));
    QCOMPARE(options->headers.first().value, QByteArrayLiteral("yes"));
    QCOMPARE(options->subprotocols, QList<QByteArray>({ QByteArrayLiteral("chat") }));
    QVERIFY(options->offerDeflate);
    QVERIFY(!options->settings.strict);
    QCOMPARE(options->settings.pingIntervalMs, 2000);
    QVERIFY(options->tls.ignoreCertificateErrors);

    settings.headers = { { QStringLiteral("Bad Name"), QStringLiteral("v") } };
    QVERIFY(!settings.toOptions(&error));
    QCOMPARE(error, QStringLiteral("The header name “Bad Name” is not a valid HTTP token."));

    settings.headers.clear();
    settings.caFile = QStringLiteral("/nonexistent/ca.pem");
    QVERIFY(!settings.toOptions(&error));
    QCOMPARE(error,
        QStringLiteral("The CA certificate file “/nonexistent/ca.pem” does not exist or cannot be read."));

    settings.caFile.clear();
    settings.url = QStringLiteral("http://");
    QVERIFY(!settings.toOptions(&error));
    QVERIFY(error.startsWith(QStringLiteral("The URL cannot be used: ")));
}

void TestWorkspace::serverSettingsRoundTrip()
{
    ServerTabSettings settings;
    settings.address = QStringLiteral("::1");
    settings.port = 9123;
    settings.tls = true;
    settings.certificateFile = QStringLiteral("/tmp/cert.pem");
    settings.keyFile = QStringLiteral("/tmp/key.pem");
    settings.behaviour = Server::Behaviour::Broadcast;
    settings.subprotocols = { QStringLiteral("graphql-ws") };
    QVERIFY(ServerTabSettings::fromMap(settings.toMap()) == settings);

    QString error;
    settings.address = QStringLiteral("not-an-address");
    QVERIFY(!settings.toOptions(&error));
    QCOMPARE(error,
        QStringLiteral("“not-an-address” is not an IP address (for example 127.0.0.1, ::1 or 0.0.0.0)."));
    settings.address = QStringLiteral("127.0.0.1");
    QVERIFY(!settings.toOptions(&error));
    QCOMPARE(error, QStringLiteral("The file “/tmp/cert.pem” does not exist or cannot be read."));
    settings.certificateFile.clear();
    settings.keyFile.clear();
    const std::optional<Server::Options> options = settings.toOptions(&error);
    QVERIFY(options);
    QVERIFY(options->tls);
    QVERIFY(options->certificateFile.isEmpty()); // self-signed
    QCOMPARE(options->port, quint16(9123));
    QCOMPARE(options->behaviour, Server::Behaviour::Broadcast);
    QCOMPARE(options->handshake.subprotocols, QList<QByteArray>({ QByteArrayLiteral("graphql-ws") }));
}

void TestWorkspace::requestSettingsWidget()
{
    RequestSettingsWidget widget;
    ClientTabSettings settings;
    settings.headers = { { QStringLiteral("X-One"), QStringLiteral("1") } };
    settings.subprotocols = { QStringLiteral("a"), QStringLiteral("b") };
    settings.offerDeflate = true;
    settings.connectTimeoutMs = 4000;
    settings.proxyMode = ProxySettings::Mode::Environment;
    settings.strict = false;
    settings.pingIntervalMs = 30000;
    settings.reconnect = true;
    settings.reconnectMaxAttempts = 3;
    widget.setSettings(settings);
    QVERIFY(widget.settings() == settings);

    QSignalSpy changed(&widget, &RequestSettingsWidget::settingsChanged);
    widget.findChild<QPushButton *>(QStringLiteral("addHeader"))->click();
    QTableWidget *table = widget.headersTable();
    QCOMPARE(table->rowCount(), 2);
    table->item(1, 0)->setText(QStringLiteral("X-Two"));
    table->item(1, 1)->setText(QStringLiteral("2"));
    QVERIFY(changed.count() >= 2);
    QCOMPARE(widget.settings().headers.last(), qMakePair(QStringLiteral("X-Two"), QStringLiteral("2")));
    auto *subprotocols = widget.findChild<QLineEdit *>(QStringLiteral("subprotocols"));
    subprotocols->setText(QStringLiteral(" x , y,,z "));
    QCOMPARE(widget.settings().subprotocols,
        QStringList({ QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z") }));
}

void TestWorkspace::trafficCounters()
{
    TrafficCounters counters;
    FrameEvent out;
    out.connectionId = 7;
    out.timestampNs = 1000000000;
    out.direction = Direction::Outgoing;
    out.frame.headerLength = 6;
    out.frame.payloadLength = 5;
    FrameEvent in = out;
    in.direction = Direction::Incoming;
    in.frame.headerLength = 2;
    in.timestampNs = 1200000000;
    ConnectionNotice rtt;
    rtt.connectionId = 7;
    rtt.kind = ConnectionNotice::Kind::PingRoundTrip;
    rtt.roundTripNs = 1500000;
    FrameEvent other = in;
    other.connectionId = 8;
    counters.add({ out, in, rtt, other }, 7);
    QCOMPARE(counters.framesOut(), 1);
    QCOMPARE(counters.bytesOut(), 11);
    QCOMPARE(counters.framesIn(), 1);
    QCOMPARE(counters.bytesIn(), 7);
    QCOMPARE(counters.lastRoundTripNs(), 1500000);
    QCOMPARE(counters.bytesPerSecond(1500000000), 18);
    QCOMPARE(counters.bytesPerSecond(2100000000), 7); // the outgoing frame left the one-second window
    QCOMPARE(counters.bytesPerSecond(2300000000), 0);
    QCOMPARE(counters.text(2300000000),
        QStringLiteral("In 1 frame(s) · 7 bytes   Out 1 frame(s) · 11 bytes   0 bytes/s   RTT 1.5 ms"));
}

void TestWorkspace::actionsAndMenus()
{
    MainWindow window(MainWindow::Persistence::None);
    ActionRegistry *actions = window.actions();
    const QList<QKeySequence> newTab = actions->action(ActionId::NewClientTab)->shortcuts();
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::AddTab))
        QVERIFY(newTab.contains(key));
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::New))
        QVERIFY(newTab.contains(key));
    QCOMPARE(
        actions->action(ActionId::CloseTab)->shortcuts(), QKeySequence::keyBindings(QKeySequence::Close));
    QVERIFY(!actions->action(ActionId::Preferences)->shortcuts().isEmpty());
    QCOMPARE(actions->action(ActionId::Preferences)->menuRole(), QAction::PreferencesRole);

    Workspace *workspace = window.workspace();
    QCOMPARE(workspace->count(), 0);
    QCOMPARE(window.windowTitle(), QStringLiteral("Frameline"));
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("startEcho")));
    if (qEnvironmentVariableIsSet("FRAMELINE_SCREENSHOTS")) {
        window.resize(1000, 640);
        window.show();
        QTest::qWait(200);
        window.grab().save(qEnvironmentVariable("FRAMELINE_SCREENSHOTS") + QStringLiteral("/start-page.png"));
    }
    actions->action(ActionId::NewClientTab)->trigger();
    QCOMPARE(workspace->count(), 1);
    QCOMPARE(workspace->currentTab()->kind(), WorkspaceTab::Kind::Client);
    QCOMPARE(window.windowTitle(), QStringLiteral("New Connection — Frameline"));
    actions->action(ActionId::NewServerTab)->trigger();
    QCOMPARE(workspace->currentTab()->kind(), WorkspaceTab::Kind::Server);
    QCOMPARE(window.windowTitle(), QStringLiteral("Server — Frameline"));
    actions->action(ActionId::DecodeBytes)->trigger();
    QCOMPARE(workspace->currentTab()->kind(), WorkspaceTab::Kind::Decoder);
    QCOMPARE(window.windowTitle(), QStringLiteral("Frame Decoder — Frameline"));
    actions->action(ActionId::DecodeBytes)->trigger(); // one decoder tab at most
    QCOMPARE(workspace->count(), 3);
    actions->action(ActionId::PreviousTab)->trigger();
    QCOMPARE(workspace->tabWidget()->currentIndex(), 1);
    actions->action(ActionId::NextTab)->trigger();
    QCOMPARE(workspace->tabWidget()->currentIndex(), 2);
    actions->action(ActionId::CloseTab)->trigger();
    QCOMPARE(workspace->count(), 2);
}

void TestWorkspace::tabsNewRenameClose()
{
    Workspace workspace(false);
    ClientTab *client = workspace.addClientTab(QStringLiteral("ws://127.0.0.1:9001/chat"));
    QCOMPARE(workspace.tabWidget()->tabText(0), QStringLiteral("127.0.0.1:9001/chat"));
    workspace.renameTab(0, QStringLiteral("Chat server"));
    QCOMPARE(workspace.tabWidget()->tabText(0), QStringLiteral("Chat server"));
    QCOMPARE(client->customTitle(), QStringLiteral("Chat server"));
    workspace.renameTab(0, QString());
    QCOMPARE(workspace.tabWidget()->tabText(0), QStringLiteral("127.0.0.1:9001/chat"));
    client->setUrl(QStringLiteral("wss://example.org/feed"));
    QCOMPARE(workspace.tabWidget()->tabText(0), QStringLiteral("example.org/feed"));

    ServerTab *server = workspace.addServerTab(9555);
    QCOMPARE(workspace.tabWidget()->tabText(1), QStringLiteral("Server :9555"));
    QVERIFY(workspace.tabWidget()->isMovable());
    workspace.tabWidget()->tabBar()->moveTab(1, 0);
    QCOMPARE(workspace.tab(0), server);
    workspace.closeTab(0);
    QCOMPARE(workspace.count(), 1);
    QCOMPARE(workspace.tab(0), client);
    workspace.closeTab(0);
    QCOMPARE(workspace.count(), 0);
}

void TestWorkspace::tabsSavedAndRestored()
{
    ClientTabSettings clientSettings;
    clientSettings.url = QStringLiteral("ws://127.0.0.1:9/echo");
    clientSettings.headers = { { QStringLiteral("X-Token"), QStringLiteral("t") } };
    clientSettings.subprotocols = { QStringLiteral("chat") };
    clientSettings.strict = false;
    ServerTabSettings serverSettings;
    serverSettings.port = 9321;
    serverSettings.behaviour = Server::Behaviour::Broadcast;
    {
        Workspace workspace(true);
        ClientTab *client = workspace.addClientTab();
        client->setSettings(clientSettings);
        client->setCustomTitle(QStringLiteral("My client"));
        client->setRequestSettingsVisible(false);
        ServerTab *server = workspace.addServerTab();
        server->setSettings(serverSettings);
        workspace.showDecoder();
        workspace.setCurrentTab(server);
        workspace.saveTabs();
    }
    QVERIFY(QSettings().contains(QStringLiteral("Workspace/Tabs")));

    Workspace restored(true);
    QVERIFY(restored.restoreTabs());
    QCOMPARE(restored.count(), 3);
    auto *client = qobject_cast<ClientTab *>(restored.tab(0));
    QVERIFY(client);
    QVERIFY(client->settings() == clientSettings);
    QCOMPARE(client->title(), QStringLiteral("My client"));
    QVERIFY(!client->isRequestSettingsVisible());
    QVERIFY(!client->isActive()); // restored tabs do not connect by themselves
    auto *server = qobject_cast<ServerTab *>(restored.tab(1));
    QVERIFY(server);
    QVERIFY(server->settings() == serverSettings);
    QVERIFY(!server->isListening() && !server->isStarting());
    QVERIFY(qobject_cast<DecoderTab *>(restored.tab(2)));
    QCOMPARE(restored.currentTab(), server);

    Workspace notPersistent(false);
    QVERIFY(!notPersistent.restoreTabs());
    QCOMPARE(notPersistent.count(), 0);
}

void TestWorkspace::preferencesLanguage()
{
    QCOMPARE(PreferencesDialog::storedLanguage(), QString());
    PreferencesDialog dialog;
    QComboBox *box = dialog.languageBox();
    QCOMPARE(box->count(), 3);
    QCOMPARE(box->itemText(2), QStringLiteral("한국어"));
    box->setCurrentIndex(2);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("languageNote"))->text(),
        QStringLiteral("The new language applies the next time Frameline starts."));
    dialog.accept();
    QCOMPARE(PreferencesDialog::storedLanguage(), QStringLiteral("ko"));
    QCOMPARE(QSettings().value(QStringLiteral("Interface/Language")).toString(), QStringLiteral("ko"));
    PreferencesDialog again;
    QCOMPARE(again.chosenLanguage(), QStringLiteral("ko"));
}

void TestWorkspace::clientTabEndToEnd()
{
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    Server server(serverOptions);
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));

    MainWindow window(MainWindow::Persistence::None);
    window.resize(1280, 860);
    window.show();
    Workspace *workspace = window.workspace();
    ClientTab *tab = workspace->addClientTab();

    // Type the URL and click Connect, as a user would.
    QLineEdit *urlEdit = tab->urlBox()->lineEdit();
    QTest::keyClicks(urlEdit, server.url());
    QCOMPARE(tab->url(), server.url());
    QCOMPARE(tab->connectButton()->text(), QStringLiteral("&Connect"));
    QVERIFY(!tab->composer()->sendButton()->isEnabled());
    QTest::mouseClick(tab->connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ConnectionState::Open, Timeout);
    QCOMPARE(tab->stateLabel()->text(), QStringLiteral("Open"));
    QCOMPARE(tab->connectButton()->text(), QStringLiteral("&Disconnect"));
    QVERIFY(tab->composer()->sendButton()->isEnabled());
    QVERIFY(ClientTab::urlHistory().contains(server.url()));

    // Send a text message and a binary one through the send row.
    ComposerWidget *composer = tab->composer();
    composer->setText(QStringLiteral("Hello"));
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tab->counters().framesIn(), 1, Timeout);
    composer->setMode(ComposerWidget::Mode::Binary);
    composer->setBinaryFormat(ComposerWidget::BinaryFormat::Hex);
    composer->setText(QStringLiteral("01 02 03"));
    QTest::keyClick(composer->editor(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(tab->counters().framesIn(), 2, Timeout);
    QCOMPARE(tab->counters().framesOut(), 2);
    // "Hello": 2 header bytes + 4 mask bytes + 5 out, 2 + 5 back; 01 02 03: 6 + 3 out, 2 + 3 back.
    QCOMPARE(tab->counters().bytesOut(), 11 + 9);
    QCOMPARE(tab->counters().bytesIn(), 7 + 5);
    QVERIFY(tab->countersLabel()->text().startsWith(
        QStringLiteral("In 2 frame(s) · 12 bytes   Out 2 frame(s) · 20 bytes")));

    // A hex typo is caught in the composer, and nothing is sent.
    composer->setText(QStringLiteral("01 0"));
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    QVERIFY(composer->messageLabel()->isVisibleTo(composer));
    QVERIFY2(composer->messageLabel()->text().contains(QStringLiteral("column 4")),
        qPrintable(composer->messageLabel()->text()));
    QTest::qWait(100);
    QCOMPARE(tab->counters().framesOut(), 2);

    // The timeline: the rows in order with their columns.
    TimelineWidget *timeline = tab->timeline();
    QAbstractItemModel *model = timeline->viewModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(columnTitle(model, TimelineModel::DirectionColumn), QStringLiteral("Dir."));
    QCOMPARE(columnTitle(model, TimelineModel::OpcodeColumn), QStringLiteral("Opcode"));
    QCOMPARE(columnTitle(model, TimelineModel::LengthColumn), QStringLiteral("Length"));
    QCOMPARE(columnTitle(model, TimelineModel::PreviewColumn), QStringLiteral("Payload"));
    QVERIFY(timeline->view()->isColumnHidden(TimelineModel::ConnectionColumn)); // one connection: no Client
    const QList<int> columns = { TimelineModel::DirectionColumn, TimelineModel::OpcodeColumn,
        TimelineModel::LengthColumn, TimelineModel::PreviewColumn };
    const auto dataRows = [model, &columns] {
        QStringList rows;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QStringList texts = rowTexts(model, row, columns);
            if (texts.at(1) == QStringLiteral("text") || texts.at(1) == QStringLiteral("binary"))
                rows << texts.join(QLatin1Char('|'));
        }
        return rows;
    };
    const QStringList allDataRows
        = { QStringLiteral("↑ out|text|5|Hello"), QStringLiteral("↓ in|text|5|Hello"),
              QStringLiteral("↑ out|binary|3|01 02 03"), QStringLiteral("↓ in|binary|3|01 02 03") };
    QTRY_COMPARE_WITH_TIMEOUT(dataRows(), allDataRows, Timeout);

    // Filter: incoming only, then a search.
    TimelineFilter incomingOnly;
    incomingOnly.outgoing = false;
    timeline->setFilter(incomingOnly);
    QTRY_COMPARE_WITH_TIMEOUT(dataRows(),
        QStringList({ QStringLiteral("↓ in|text|5|Hello"), QStringLiteral("↓ in|binary|3|01 02 03") }),
        Timeout);
    TimelineFilter search;
    search.search = QStringLiteral("hello");
    timeline->setFilter(search);
    QTRY_COMPARE_WITH_TIMEOUT(dataRows(),
        QStringList({ QStringLiteral("↑ out|text|5|Hello"), QStringLiteral("↓ in|text|5|Hello") }), Timeout);
    timeline->setFilter(TimelineFilter());
    QTRY_COMPARE_WITH_TIMEOUT(dataRows(), allDataRows, Timeout);

    // Select the echoed text frame: the inspector shows its fields.
    int echoedRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (rowTexts(model, row, columns).join(QLatin1Char('|')) == QStringLiteral("↓ in|text|5|Hello")) {
            echoedRow = row;
            break;
        }
    }
    QVERIFY(echoedRow >= 0);
    timeline->view()->setCurrentIndex(model->index(echoedRow, 0));
    const EntryDetails details = timeline->currentDetails();
    QCOMPARE(details.kind, EntryDetails::Kind::Frame);
    QCOMPARE(details.direction, Direction::Incoming);
    QCOMPARE(details.frame.opcode, quint8(0x1));
    QVERIFY(details.frame.fin);
    QVERIFY(!details.frame.masked);
    QCOMPARE(details.payload, QByteArrayLiteral("Hello"));
    QCOMPARE(tab->inspector()->details().kind, EntryDetails::Kind::Frame);
    QCOMPARE(tab->inspector()->details().payload, QByteArrayLiteral("Hello"));
    QCOMPARE(tab->inspector()->currentPage(), InspectorWidget::Page::Header);

    // The handshake page shows the connection's opening handshake, whatever row is selected.
    tab->inspector()->setCurrentPage(InspectorWidget::Page::Handshake);
    QCOMPARE(tab->inspector()->currentPage(), InspectorWidget::Page::Handshake);
    QVERIFY(tab->inspector()->details().connectionHandshake);
    QVERIFY(tab->inspector()->details().connectionHandshake->accepted);
    QVERIFY(tab->inspector()->details().connectionHandshake->requestBytes.startsWith("GET / HTTP/1.1\r\n"));

    // Filter: only the tab's connection (all rows stay), then another connection id (none stay).
    const int allRows = model->rowCount();
    timeline->setConnectionFilter(tab->connectionId());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), allRows, Timeout);
    timeline->setConnectionFilter(tab->connectionId() + 1000);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, Timeout);
    timeline->setConnectionFilter(0);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), allRows, Timeout);

    // Close with a code and reason from the send row.
    composer->closeCodeBox()->setCurrentText(QStringLiteral("4000"));
    composer->closeReasonEdit()->setText(QStringLiteral("done"));
    QTest::mouseClick(composer->closeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ConnectionState::Closed, Timeout);
    QCOMPARE(tab->stateLabel()->text(), QStringLiteral("Closed (4000 Private Use)"));
    QCOMPARE(tab->connectButton()->text(), QStringLiteral("&Connect"));
    QVERIFY(!composer->sendButton()->isEnabled());

    if (qEnvironmentVariableIsSet("FRAMELINE_SCREENSHOTS")) {
        tab->clearTimeline();
        QTest::mouseClick(tab->connectButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ConnectionState::Open, Timeout);
        for (const QString &text :
            { QStringLiteral("Hello, Frameline"), QStringLiteral("{\"op\":\"ping\",\"n\":1}") }) {
            composer->setMode(ComposerWidget::Mode::Text);
            composer->setText(text);
            QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        }
        QTest::mouseClick(composer->pingButton(), Qt::LeftButton);
        QTest::qWait(500);
        timeline->view()->setCurrentIndex(model->index(model->rowCount() - 2, 0));
        QTest::qWait(200);
        window.grab().save(qEnvironmentVariable("FRAMELINE_SCREENSHOTS") + QStringLiteral("/client-tab.png"));
    }
}

void TestWorkspace::clientTabErrors()
{
    Workspace workspace(false);
    ClientTab *tab = workspace.addClientTab(QStringLiteral("http://example.org/"));
    QVERIFY(!tab->connectToServer());
    QVERIFY(tab->errorText().startsWith(QStringLiteral("The URL cannot be used: ")));
    QVERIFY(!tab->isActive());

    // Nothing listens on port 1 of the loopback: the connection fails and says why.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    tab->setUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(closedPort));
    QVERIFY(tab->connectToServer());
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ConnectionState::Closed, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!tab->errorText().isEmpty(), Timeout);
    QVERIFY(tab->findChild<QLabel *>(QStringLiteral("errorLabel"))->isVisibleTo(tab));
    QVERIFY(!tab->isActive());

    // With reconnect on (two attempts), the tab stays active between attempts, then gives up.
    ClientTabSettings settings = tab->settings();
    settings.reconnect = true;
    settings.reconnectMaxAttempts = 2;
    tab->setSettings(settings);
    QVERIFY(tab->connectToServer());
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ConnectionState::Closed, Timeout);
    QVERIFY(tab->isActive());
    QVERIFY(tab->stateLabel()->text().endsWith(QStringLiteral(" · reconnecting")));
    QCOMPARE(tab->connectButton()->text(), QStringLiteral("&Disconnect"));
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isActive(), Timeout);
    QCOMPARE(tab->state(), ConnectionState::Closed);
    QCOMPARE(tab->connectButton()->text(), QStringLiteral("&Connect"));
}

void TestWorkspace::builtInEchoServer()
{
    Workspace workspace(false);
    // The first launch's tab: connected to the built-in echo server, it says hello by itself.
    ClientTab *tab = workspace.openWelcomeTab();
    QVERIFY(tab->isBuiltInEcho());
    QCOMPARE(tab->title(), QStringLiteral("Built-in Echo"));
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ConnectionState::Open, Timeout);
    QVERIFY(workspace.isEchoServerListening());
    QVERIFY(tab->url().startsWith(QStringLiteral("ws://127.0.0.1:")));
    const QByteArray greeting = QByteArrayLiteral(
        "Hello from Frameline! This message went to the built-in echo server and came back.");
    QTRY_COMPARE_WITH_TIMEOUT(tab->counters().framesIn(), 1, Timeout);
    QCOMPARE(tab->counters().bytesIn(), 2 + greeting.size());
    QCOMPARE(tab->counters().framesOut(), 1);

    // The composer is ready with a message of its own.
    QCOMPARE(tab->composer()->text(), QStringLiteral("Hello, echo!"));
    tab->composer()->sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(tab->counters().framesIn(), 2, Timeout);
    QCOMPARE(tab->counters().bytesIn(), 2 + greeting.size() + 2 + 12);

    // Another tab reuses the running server, and says nothing by itself.
    ClientTab *second = workspace.connectToEchoServer();
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), ConnectionState::Open, Timeout);
    QCOMPARE(second->url(), tab->url());
    QTest::qWait(100);
    QCOMPARE(second->counters().framesOut(), 0);
}

void TestWorkspace::builtInEchoTabRestored()
{
    QString firstEchoUrl;
    {
        Workspace workspace(true);
        ClientTab *tab = workspace.connectToEchoServer();
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ConnectionState::Open, Timeout);
        firstEchoUrl = tab->url();
        workspace.addClientTab(QStringLiteral("ws://127.0.0.1:9/"));
        workspace.saveTabs();
    }
    QVERIFY(!ClientTab::urlHistory().contains(firstEchoUrl)); // a new port every run: not remembered
    // The echo server's port is new every run: the restored echo tab follows it and connects; the other
    // restored tab waits for the user.
    Workspace workspace(true);
    QVERIFY(workspace.restoreTabs());
    QCOMPARE(workspace.count(), 2);
    auto *echo = qobject_cast<ClientTab *>(workspace.tab(0));
    auto *other = qobject_cast<ClientTab *>(workspace.tab(1));
    QVERIFY(echo && other);
    QVERIFY(echo->isBuiltInEcho());
    QTRY_COMPARE_WITH_TIMEOUT(echo->state(), ConnectionState::Open, Timeout);
    QCOMPARE(echo->url(), workspace.echoServerUrl());
    QCOMPARE(other->state(), ConnectionState::Idle);
    QCOMPARE(other->url(), QStringLiteral("ws://127.0.0.1:9/"));
}

void TestWorkspace::serverTabTwoClients()
{
    MainWindow window(MainWindow::Persistence::None);
    window.resize(1280, 860);
    window.show();
    Workspace *workspace = window.workspace();
    ServerTab *tab = workspace->addServerTab(0, false);
    ServerTabSettings settings = tab->settings();
    settings.behaviour = Server::Behaviour::Manual;
    settings.subprotocols = { QStringLiteral("chat") };
    tab->setSettings(settings);
    QTest::mouseClick(tab->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(tab->isListening(), Timeout);
    QVERIFY(tab->port() != 0);
    QCOMPARE(tab->url(), QStringLiteral("ws://127.0.0.1:%1/").arg(tab->port()));
    QCOMPARE(tab->statusLabel()->text(), QStringLiteral("Listening on %1").arg(tab->url()));
    QCOMPARE(tab->title(), QStringLiteral("Server :%1").arg(tab->port()));
    QCOMPARE(tab->startButton()->text(), QStringLiteral("S&top"));

    ServerClientsModel *clients = tab->clientsModel();
    QAbstractItemModelTester tester(clients, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(clients->rowCount(), 0);

    // Two clients of our own, in this thread.
    ClientConnection::Options options;
    options.url = QUrl(tab->url());
    options.subprotocols = { QByteArrayLiteral("chat") };
    ClientConnection first(options);
    ClientConnection second(options);
    Test::EventCollector firstEvents;
    Test::EventCollector secondEvents;
    firstEvents.follow(&first);
    secondEvents.follow(&second);
    first.open();
    QTRY_COMPARE_WITH_TIMEOUT(first.state(), ConnectionState::Open, Timeout);
    second.open();
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), ConnectionState::Open, Timeout);
    QCOMPARE(first.subprotocol(), QByteArrayLiteral("chat"));

    QTRY_COMPARE_WITH_TIMEOUT(clients->rowCount(), 2, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(clients->openCount(), 2, Timeout);
    for (int row = 0; row < 2; ++row) {
        QVERIFY(clients->index(row, ServerClientsModel::PeerColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("127.0.0.1:")));
        QCOMPARE(
            clients->index(row, ServerClientsModel::StateColumn).data().toString(), QStringLiteral("Open"));
        QCOMPARE(clients->index(row, ServerClientsModel::FramesColumn).data().toString(),
            QStringLiteral("0 in · 0 out"));
    }
    const quint64 firstId = clients->clientId(0);
    const quint64 secondId = clients->clientId(1);
    QVERIFY(firstId != 0 && secondId != 0 && firstId != secondId);
    QCOMPARE(clients->index(0, ServerClientsModel::IdColumn).data().toString(),
        QStringLiteral("#%1").arg(firstId));

    // To all clients.
    QCOMPARE(tab->selectedClient(), quint64(0));
    QTRY_VERIFY_WITH_TIMEOUT(tab->composer()->sendButton()->isEnabled(), Timeout);
    QCOMPARE(
        tab->findChild<QLabel *>(QStringLiteral("composerTargetLabel"))->text(), QStringLiteral("To all clients:"));
    tab->composer()->setText(QStringLiteral("to everyone"));
    QTest::mouseClick(tab->composer()->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(incomingPayloads(firstEvents), QList<QByteArray>({ "to everyone" }), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(incomingPayloads(secondEvents), QList<QByteArray>({ "to everyone" }), Timeout);

    // To the second client only: select it in the list.
    tab->clientsView()->setCurrentIndex(clients->index(1, 0));
    QCOMPARE(tab->selectedClient(), secondId);
    QVERIFY(!tab->timeline()->view()->isColumnHidden(TimelineModel::ConnectionColumn));
    QCOMPARE(tab->findChild<QLabel *>(QStringLiteral("composerTargetLabel"))->text(),
        QStringLiteral("To client #%1:").arg(secondId));
    tab->composer()->setText(QStringLiteral("just you"));
    QTest::mouseClick(tab->composer()->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        incomingPayloads(secondEvents), QList<QByteArray>({ "to everyone", "just you" }), Timeout);
    // The first client messages the server; nothing more reaches the first client.
    first.sendText("from the first");
    QTRY_COMPARE_WITH_TIMEOUT(clients->index(0, ServerClientsModel::FramesColumn).data().toString(),
        QStringLiteral("1 in · 1 out"), Timeout);
    QCOMPARE(incomingPayloads(firstEvents), QList<QByteArray>({ "to everyone" }));
    QTRY_COMPARE_WITH_TIMEOUT(clients->index(1, ServerClientsModel::FramesColumn).data().toString(),
        QStringLiteral("0 in · 2 out"), Timeout);

    // The timeline shows the selected client only, then all of them.
    QAbstractItemModel *model = tab->timeline()->viewModel();
    QAbstractItemModelTester timelineTester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int preview = TimelineModel::PreviewColumn;
    const auto previews = [model, preview] {
        QStringList texts;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString text = model->index(row, preview).data().toString();
            if (text == QStringLiteral("to everyone") || text == QStringLiteral("just you")
                || text == QStringLiteral("from the first"))
                texts << text;
        }
        return texts;
    };
    QTRY_COMPARE_WITH_TIMEOUT(
        previews(), QStringList({ QStringLiteral("to everyone"), QStringLiteral("just you") }), Timeout);
    QTest::mouseClick(tab->findChild<QPushButton *>(QStringLiteral("allClientsButton")), Qt::LeftButton);
    QCOMPARE(tab->selectedClient(), quint64(0));
    QTRY_COMPARE_WITH_TIMEOUT(previews(),
        QStringList({ QStringLiteral("to everyone"), QStringLiteral("to everyone"),
            QStringLiteral("just you"), QStringLiteral("from the first") }),
        Timeout);

    // With every client in one timeline, the Client column (right after No.) says whose each row is, as
    // the clients list numbers them, with the peer in its tooltip.
    QTreeView *timelineView = tab->timeline()->view();
    QVERIFY(!timelineView->isColumnHidden(TimelineModel::ConnectionColumn));
    QCOMPARE(timelineView->header()->visualIndex(TimelineModel::ConnectionColumn), 1);
    QVERIFY(timelineView->header()->sectionSize(TimelineModel::ConnectionColumn) > 0);
    QCOMPARE(columnTitle(model, TimelineModel::ConnectionColumn), QStringLiteral("Client"));
    QStringList owners;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString text = model->index(row, preview).data().toString();
        if (text != QStringLiteral("to everyone") && text != QStringLiteral("just you")
            && text != QStringLiteral("from the first"))
            continue;
        const QModelIndex client = model->index(row, TimelineModel::ConnectionColumn);
        owners << client.data().toString() + QLatin1Char(' ') + text;
        const int clientRow = client.data().toString() == QStringLiteral("#%1").arg(firstId) ? 0 : 1;
        QCOMPARE(client.data(Qt::ToolTipRole).toString(),
            QStringLiteral("Client #%1 at %2")
                .arg(clients->clientId(clientRow))
                .arg(clients->index(clientRow, ServerClientsModel::PeerColumn).data().toString()));
    }
    owners.sort();
    QStringList expectedOwners
        = { QStringLiteral("#%1 to everyone").arg(firstId), QStringLiteral("#%1 from the first").arg(firstId),
              QStringLiteral("#%1 to everyone").arg(secondId), QStringLiteral("#%1 just you").arg(secondId) };
    expectedOwners.sort();
    QCOMPARE(owners, expectedOwners);
    // The clients list writes them the same way.
    QCOMPARE(clients->index(1, ServerClientsModel::IdColumn).data().toString(),
        QStringLiteral("#%1").arg(secondId));

    if (qEnvironmentVariableIsSet("FRAMELINE_SCREENSHOTS")) {
        QTest::qWait(300);
        window.grab().save(qEnvironmentVariable("FRAMELINE_SCREENSHOTS") + QStringLiteral("/server-tab.png"));
    }

    // A client leaves: its row says so. Then the server stops and the other is closed with 1001.
    first.close(1000, QStringLiteral("bye"));
    QTRY_COMPARE_WITH_TIMEOUT(clients->index(0, ServerClientsModel::StateColumn).data().toString(),
        QStringLiteral("Closed (1000)"), Timeout);
    QCOMPARE(clients->openCount(), 1);
    QTest::mouseClick(tab->startButton(), Qt::LeftButton);
    QVERIFY(!tab->isListening());
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), ConnectionState::Closed, Timeout);
    QCOMPARE(secondEvents.closeInfo()->code, quint16(1001));
    QCOMPARE(tab->statusLabel()->text(), QStringLiteral("Stopped"));
}

void TestWorkspace::serverTabPortInUse()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost));
    Workspace workspace(false);
    ServerTab *tab = workspace.addServerTab(occupier.serverPort(), true);
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isStarting(), Timeout);
    QVERIFY(!tab->isListening());
    QVERIFY2(tab->errorText().startsWith(QStringLiteral("Cannot listen: ")), qPrintable(tab->errorText()));
    QCOMPARE(tab->statusLabel()->text(), tab->errorText());
    QCOMPARE(tab->startButton()->text(), QStringLiteral("S&tart"));

    // A wss server with a certificate file that is not there.
    ServerTabSettings settings = tab->settings();
    settings.port = 0;
    settings.tls = true;
    settings.certificateFile = QStringLiteral("/nonexistent/cert.pem");
    settings.keyFile = QStringLiteral("/nonexistent/key.pem");
    tab->setSettings(settings);
    QVERIFY(!tab->startServer());
    QCOMPARE(tab->errorText(),
        QStringLiteral("The file “/nonexistent/cert.pem” does not exist or cannot be read."));
}

void TestWorkspace::secureServerAndClientTabs()
{
    Workspace workspace(false);
    ServerTab *server = workspace.addServerTab(0, false);
    ServerTabSettings serverSettings = server->settings();
    serverSettings.tls = true; // no files: a self-signed certificate for localhost
    server->setSettings(serverSettings);
    QVERIFY(server->startServer());
    QTRY_VERIFY_WITH_TIMEOUT(server->isListening(), 30000);
    QCOMPARE(server->url(), QStringLiteral("wss://localhost:%1/").arg(server->port()));

    // Verification on: the self-signed certificate is refused, and the tab says why.
    ClientTab *client = workspace.addClientTab(server->url());
    QVERIFY(client->connectToServer());
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ConnectionState::Closed, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!client->errorText().isEmpty(), Timeout);

    // Verification off (the request settings' switch): it opens, over TLS.
    ClientTabSettings settings = client->settings();
    settings.verifyCertificates = false;
    client->setSettings(settings);
    QVERIFY(client->connectToServer());
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ConnectionState::Open, Timeout);
    QVERIFY(client->errorText().isEmpty());
    QVERIFY2(client->stateLabel()->text().startsWith(QStringLiteral("Open · TLS")),
        qPrintable(client->stateLabel()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(server->clientsModel()->openCount(), 1, Timeout);
    client->composer()->setText(QStringLiteral("secret"));
    client->composer()->sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(client->counters().framesIn(), 1, Timeout); // the server tab echoes by default
}

QTEST_MAIN(TestWorkspace)
#include "tst_workspace.moc"
