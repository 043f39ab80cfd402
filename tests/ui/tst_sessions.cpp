// Sessions in the desktop app (offscreen): every client and server tab records a journal that reads back as
// exactly what its timeline holds; Save Session As writes a file that opens in a read-only session tab
// with the same rows; damaged files open with their warnings in the banner, files that are not sessions
// are refused; journals left by a crash are offered for recovery; the command line, drag and drop, the
// recent list, export, and the tabs kept with the workspace. Never touches the user's settings or data: a
// test organisation and QStandardPaths test mode.

#include "app/net/clock.h"
#include "app/net/server.h"
#include "app/protocol/frame.h"
#include "app/protocol/violation.h"
#include "app/session/framestore.h"
#include "app/session/sessionexport.h"
#include "app/session/sessionformat.h"
#include "app/session/sessionreader.h"
#include "app/session/sessionwriter.h"
#include "tests/common/sampleevents.h"
#include "ui/composer/composerwidget.h"
#include "ui/mainwindow/actionregistry.h"
#include "ui/mainwindow/commandline.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/session/journalfolder.h"
#include "ui/session/recentsessions.h"
#include "ui/session/recoverydialog.h"
#include "ui/session/sessioncontroller.h"
#include "ui/session/sessionfiles.h"
#include "ui/session/sessionrecorder.h"
#include "ui/session/sessiontab.h"
#include "ui/timeline/timelinefilter.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelineproxymodel.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/workspace/clienttab.h"
#include "ui/workspace/decodertab.h"
#include "ui/workspace/servertab.h"
#include "ui/workspace/workspace.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QLockFile>
#include <QtCore/QMimeData>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QTreeWidget>

#include <functional>

using namespace Frameline;
using Frameline::Test::allByteValues;
using Frameline::Test::sampleEvents;

namespace {

constexpr int Timeout = 10000;
// A journal reaches the disk at most 200 ms after an event; this leaves room for a loaded machine.
constexpr int FlushTimeout = 2000;


QByteArray sessionBytes(
    const EventBatch &events, const SessionHeader &header = SessionHeader::forNewSession())
{
    QByteArray bytes = SessionFormat::encodeHeader(header);
    for (const ConnectionEvent &event : events)
        SessionFormat::appendEvent(bytes, event);
    return bytes;
}

// One frame (and, unless `message` is false, the message it completes when it is FIN) of every kind a
// recording holds, on two connections: text, binary with all 256 byte values, empty, fragmented with a ping
// in between, compressed, a close, frames with violations, a frame over the size limit, and notices of
// every kind (handshake, TLS, states, violation, error, round trip, info).
EventBatch variedEvents()
{
    EventBatch events;
    qint64 now = 1000000;
    QHash<quint64, std::array<qint64, 2>> indexes; // next frame number per connection and direction
    const auto notice = [&](quint64 connection, ConnectionNotice::Kind kind) {
        ConnectionNotice n;
        n.connectionId = connection;
        n.timestampNs = (now += 1300);
        n.kind = kind;
        return n;
    };
    const auto frame = [&](quint64 connection, Direction direction, quint8 opcode, const QByteArray &payload,
                           FramePosition position, quint8 messageOpcode) {
        FrameEvent f;
        f.connectionId = connection;
        f.timestampNs = (now += 2100);
        f.direction = direction;
        f.origin = direction == Direction::Outgoing ? FrameOrigin::User : FrameOrigin::Peer;
        f.frame.index = indexes[connection][direction == Direction::Outgoing ? 1 : 0]++;
        f.frame.fin = position == FramePosition::Whole || position == FramePosition::Last
            || position == FramePosition::Control;
        f.frame.opcode = opcode;
        f.frame.messageOpcode = messageOpcode;
        f.frame.position = position;
        f.frame.masked = direction == Direction::Outgoing;
        if (f.frame.masked)
            f.frame.maskingKey = { 0x11, quint8(f.frame.index), 0x33, 0x44 };
        f.frame.payloadLength = quint64(payload.size());
        f.frame.lengthForm = minimalLengthForm(quint64(payload.size()));
        f.frame.header[0] = quint8((f.frame.fin ? 0x80 : 0) | opcode);
        f.frame.header[1] = quint8((f.frame.masked ? 0x80 : 0) | qMin(payload.size(), qsizetype(125)));
        f.frame.headerLength = 2;
        f.payload = payload;
        return f;
    };
    const auto message = [&](const FrameEvent &last, quint8 opcode, const QByteArray &payload,
                             const QList<qint64> &frames) {
        MessageEvent m;
        m.connectionId = last.connectionId;
        m.timestampNs = last.timestampNs;
        m.direction = last.direction;
        m.origin = last.origin;
        m.message.index = frames.isEmpty() ? 0 : frames.constFirst();
        m.message.opcode = opcode;
        for (const qint64 index : frames)
            m.message.frameIndexes.append(index);
        m.message.payload = payload;
        m.message.wireLength = quint64(payload.size());
        return m;
    };
    const auto whole = [&](quint64 connection, Direction direction, quint8 opcode, const QByteArray &payload) {
        const FrameEvent f = frame(connection, direction, opcode, payload, FramePosition::Whole, opcode);
        events.append(f);
        events.append(message(f, opcode, payload, { f.frame.index }));
    };

    for (const quint64 connection : { quint64(3), quint64(4) }) {
        ConnectionNotice opening = notice(connection, ConnectionNotice::Kind::StateChanged);
        opening.state = ConnectionState::Connecting;
        events.append(opening);
        auto handshake = std::make_shared<HandshakeRecord>();
        handshake->url = QStringLiteral("ws://127.0.0.1:9001/feed");
        handshake->peerAddress = QStringLiteral("127.0.0.1");
        handshake->peerPort = quint16(9000 + connection);
        handshake->requestBytes = "GET /feed HTTP/1.1\r\nHost: 127.0.0.1:9001\r\nUpgrade: websocket\r\n\r\n";
        handshake->responseBytes = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n";
        handshake->accepted = true;
        ConnectionNotice shake = notice(connection, ConnectionNotice::Kind::Handshake);
        shake.handshake = handshake;
        events.append(shake);
        ConnectionNotice open = notice(connection, ConnectionNotice::Kind::StateChanged);
        open.state = ConnectionState::Open;
        events.append(open);
    }
    whole(3, Direction::Outgoing, 1, "{\"subscribe\":\"ticker\"} caf\xc3\xa9");
    whole(3, Direction::Incoming, 2, allByteValues());
    whole(4, Direction::Incoming, 1, QByteArray());
    whole(3, Direction::Incoming, 1, QByteArray("line one\nline two\ttab ").repeated(30));
    // Fragmented, a ping between its frames (not one of the message's frames).
    {
        const FrameEvent first = frame(3, Direction::Incoming, 1, "frag-", FramePosition::First, 1);
        const FrameEvent ping = frame(3, Direction::Incoming, 9, "are you there", FramePosition::Control, 9);
        const FrameEvent middle = frame(3, Direction::Incoming, 0, "mented ", FramePosition::Middle, 1);
        const FrameEvent last = frame(3, Direction::Incoming, 0, "text", FramePosition::Last, 1);
        events << first << ping;
        const FrameEvent pong = frame(3, Direction::Outgoing, 10, "are you there", FramePosition::Control, 10);
        events << pong << middle << last;
        events.append(message(last, 1, "frag-mented text", { first.frame.index, middle.frame.index, last.frame.index }));
    }
    // Compressed (permessage-deflate): the frame holds deflated bytes, the message the text.
    {
        FrameEvent compressed = frame(4, Direction::Incoming, 1, QByteArray::fromHex("f248cdc9c95728cf2fca49010000"),
            FramePosition::Whole, 1);
        compressed.frame.rsv1 = true;
        compressed.frame.compressed = true;
        compressed.frame.header[0] = 0xC1;
        events.append(compressed);
        MessageEvent inflated = message(compressed, 1, "Hello world", { compressed.frame.index });
        inflated.message.compressed = true;
        events.append(inflated);
    }
    // A frame that breaks the protocol, its message, and the violation notice.
    {
        const Violation rsv2 = ViolationText::make(ViolationKind::ReservedBitsSet, QStringLiteral("RSV2 is set"));
        FrameEvent broken = frame(3, Direction::Incoming, 1, "still here", FramePosition::Whole, 1);
        broken.frame.rsv2 = true;
        broken.frame.violations.append(rsv2);
        events.append(broken);
        MessageEvent carried = message(broken, 1, "still here", { broken.frame.index });
        carried.message.violations.append(rsv2);
        events.append(carried);
        ConnectionNotice violation = notice(3, ConnectionNotice::Kind::Violation);
        violation.violation = rsv2;
        violation.text = QStringLiteral("reported, connection kept");
        events.append(violation);
        FrameEvent reserved = frame(4, Direction::Incoming, 3, "reserved opcode", FramePosition::Orphan, 3);
        reserved.frame.violations.append(
            ViolationText::make(ViolationKind::ReservedOpcode, QStringLiteral("opcode 3 is reserved")));
        events.append(reserved);
    }
    // Over the frame size limit: the payload was not kept.
    {
        FrameEvent omitted = frame(4, Direction::Incoming, 2, QByteArray(), FramePosition::Whole, 2);
        omitted.frame.payloadOmitted = true;
        omitted.frame.payloadLength = 5000000;
        omitted.frame.lengthForm = LengthForm::Bits64;
        events.append(omitted);
        MessageEvent truncated = message(omitted, 2, QByteArray(), { omitted.frame.index });
        truncated.message.payloadTruncated = true;
        events.append(truncated);
    }
    ConnectionNotice rtt = notice(3, ConnectionNotice::Kind::PingRoundTrip);
    rtt.roundTripNs = 1250000;
    events.append(rtt);
    ConnectionNotice error = notice(4, ConnectionNotice::Kind::Error);
    error.text = QStringLiteral("The remote host closed the connection");
    events.append(error);
    ConnectionNotice info = notice(3, ConnectionNotice::Kind::Info);
    info.text = QStringLiteral("Reconnect scheduled in 2 s");
    events.append(info);
    for (int i = 0; i < 40; ++i)
        whole(i % 3 ? 3 : 4, i % 2 ? Direction::Outgoing : Direction::Incoming, i % 5 ? 1 : 2,
            "tick " + QByteArray::number(i));
    const FrameEvent close = frame(3, Direction::Incoming, 8, QByteArray::fromHex("03e8") + "bye",
        FramePosition::Control, 8);
    events.append(close);
    ConnectionNotice closed = notice(3, ConnectionNotice::Kind::StateChanged);
    closed.state = ConnectionState::Closed;
    closed.close.code = 1000;
    closed.close.reason = QStringLiteral("bye");
    closed.close.initiator = CloseInitiator::Remote;
    closed.close.closingHandshakeCompleted = true;
    closed.close.abnormal = false;
    events.append(closed);
    return events;
}

// Every cell of every row (children included) in every role the views use, as text: two models over stores
// that hold the same events show exactly this.
QStringList everyCell(const QAbstractItemModel *model)
{
    QStringList cells;
    const QList<int> roles { Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, Qt::BackgroundRole,
        Qt::FontRole, Qt::TextAlignmentRole, TimelineModel::EntryRole, TimelineModel::MessageRole,
        TimelineModel::KindRole, TimelineModel::ViolationRole };
    const std::function<void(const QModelIndex &, const QString &)> walk
        = [&](const QModelIndex &parent, const QString &prefix) {
              for (int row = 0; row < model->rowCount(parent); ++row) {
                  for (int column = 0; column < model->columnCount(parent); ++column) {
                      const QModelIndex index = model->index(row, column, parent);
                      QStringList values;
                      for (const int role : roles)
                          values << index.data(role).toString();
                      values << (index.data(Qt::DecorationRole).isValid() ? QStringLiteral("icon") : QString());
                      values << QString::number(int(model->flags(index)));
                      cells << QStringLiteral("%1%2/%3: %4").arg(prefix).arg(row).arg(column).arg(values.join(u'|'));
                  }
                  const QModelIndex first = model->index(row, 0, parent);
                  if (model->hasChildren(first))
                      walk(first, QStringLiteral("%1%2.").arg(prefix).arg(row));
              }
          };
    walk(QModelIndex(), QString());
    return cells;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Every cell of every top-level row the view shows.
QList<QStringList> rowsOf(const QAbstractItemModel *model)
{
    QList<QStringList> rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column)
            cells << model->index(row, column).data().toString();
        rows << cells;
    }
    return rows;
}

QStringList columnTexts(const QAbstractItemModel *model, int column)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts << model->index(row, column).data().toString();
    return texts;
}

// Checks that `events` (read back from a journal or a file) are, in order, exactly what `store` holds: one
// entry per frame and notice, one message per message, the same payload bytes.
// `shiftNs`: what the session tab added to every timestamp (the file's time origin moved to this process's).
void compareWithStore(const EventBatch &events, const FrameStore *store, qint64 shiftNs = 0)
{
    qint64 entry = 0;
    qint64 message = 0;
    for (const ConnectionEvent &event : events) {
        if (const auto *frame = std::get_if<FrameEvent>(&event)) {
            QVERIFY2(entry < store->entryCount(), "more frames in the file than in the store");
            const FrameStore::Summary summary = store->summary(entry);
            QCOMPARE(summary.kind, FrameStore::Summary::Kind::Frame);
            QCOMPARE(summary.connectionId, frame->connectionId);
            QCOMPARE(summary.timestampNs, frame->timestampNs + shiftNs);
            QCOMPARE(summary.direction, frame->direction);
            QCOMPARE(summary.origin, frame->origin);
            QCOMPARE(summary.opcode, frame->frame.opcode);
            QCOMPARE(summary.fin, frame->frame.fin);
            QCOMPARE(summary.masked, frame->frame.masked);
            QCOMPARE(summary.payloadLength, frame->frame.payloadLength);
            QCOMPARE(store->payload(entry), frame->payload);
            ++entry;
        } else if (const auto *notice = std::get_if<ConnectionNotice>(&event)) {
            QVERIFY2(entry < store->entryCount(), "more notices in the file than in the store");
            const FrameStore::Summary summary = store->summary(entry);
            QCOMPARE(summary.kind, FrameStore::Summary::Kind::Notice);
            QCOMPARE(summary.noticeKind, notice->kind);
            QCOMPARE(summary.timestampNs, notice->timestampNs + shiftNs);
            ++entry;
        } else if (const auto *messageEvent = std::get_if<MessageEvent>(&event)) {
            QVERIFY2(message < store->messageCount(), "more messages in the file than in the store");
            QCOMPARE(store->messagePayload(message), messageEvent->message.payload);
            QCOMPARE(store->messageOpcode(message), messageEvent->message.opcode);
            ++message;
        }
    }
    QCOMPARE(entry, store->entryCount());
    QCOMPARE(message, store->messageCount());
}

Server::Options echoOptions()
{
    Server::Options options;
    options.behaviour = Server::Behaviour::Echo;
    return options;
}

qint64 countFrames(const EventBatch &events)
{
    return std::count_if(events.cbegin(), events.cend(),
        [](const ConnectionEvent &event) { return std::holds_alternative<FrameEvent>(event); });
}

} // namespace

class TestSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void clientTabRecordsJournal();
    void journalDeletedWithTheTab();
    void clearingStartsANewJournal();
    void serverTabRecordsJournal();
    void saveAsOpensIdenticalRows();
    void saveAsOfASessionTab();
    void saveErrorKeepsEverything();
    void damagedFilesOpenWithWarnings();
    void notASessionIsRefused_data();
    void notASessionIsRefused();
    void largeFileOpensIndexed();
    void indexedRowsEqualLoadedRows();
    void changedFileIsSaidSo();
    void recoveryOpensAndDiscards();
    void recoverySaveAs();
    void journalsOfLiveProcessesAreNotOffered();
    void commandLineOpensSession();
    void dropOpensSession();
    void recentSessionsMenu();
    void sessionTabsKeptWithTheWorkspace();
    void exportFormats();
    void harOpensInASessionTab();
    void sniffing_data();
    void sniffing();
    void screenshots();

private:
    // An echo server in this thread and a client tab of m_window open to it, that sent "Hello", the 256
    // byte values as binary and a JSON text, and got them back.
    ClientTab *openEchoTab(Server &server);
    QString journalDirectory() const { return SessionRecorder::journalDirectory(); }
    QStringList journals() const;

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_files;
};

void TestSessions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FramelineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sessions"));
    QSettings().clear();
    QVERIFY(m_files.isValid());
}

void TestSessions::init()
{
    QSettings().clear();
    QDir(journalDirectory()).removeRecursively();
    m_window = std::make_unique<MainWindow>(MainWindow::Persistence::None);
    m_window->resize(1280, 860);
    m_window->show();
}

void TestSessions::cleanup()
{
    m_window.reset();
    // Every journal of a closed window is deleted (in the journal thread, in order).
    QTRY_VERIFY_WITH_TIMEOUT(journals().isEmpty(), Timeout);
    QDir(journalDirectory()).removeRecursively();
}

QStringList TestSessions::journals() const
{
    return QDir(journalDirectory()).entryList({ QStringLiteral("*.flsession") }, QDir::Files, QDir::Name);
}

ClientTab *TestSessions::openEchoTab(Server &server)
{
    QString error;
    if (!server.listen(&error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    ClientTab *tab = m_window->workspace()->addClientTab(server.url(), true);
    if (!QTest::qWaitFor([tab] { return tab->state() == ConnectionState::Open; }, Timeout))
        return nullptr;
    ComposerWidget *composer = tab->composer();
    composer->setText(QStringLiteral("Hello"));
    composer->sendButton()->click();
    composer->setMode(ComposerWidget::Mode::Binary);
    composer->setBinaryFormat(ComposerWidget::BinaryFormat::Hex);
    composer->setText(QString::fromLatin1(allByteValues().toHex(' ')));
    composer->sendButton()->click();
    composer->setMode(ComposerWidget::Mode::Json);
    composer->setText(QStringLiteral("{\"id\": 3, \"text\": \"caf\u00e9\"}"));
    composer->sendButton()->click();
    if (!QTest::qWaitFor([tab] { return tab->counters().framesIn() == 3; }, Timeout))
        return nullptr;
    return tab;
}

void TestSessions::clientTabRecordsJournal()
{
    Server server(echoOptions());
    ClientTab *tab = openEchoTab(server);
    QVERIFY(tab);
    SessionRecorder *recorder = tab->recorder();
    QVERIFY(recorder);
    QVERIFY(recorder->hasJournal());
    QCOMPARE(QFileInfo(recorder->journalPath()).absolutePath(), QDir(journalDirectory()).absolutePath());
    QVERIFY(recorder->journalPath().endsWith(QStringLiteral(".flsession")));
    QVERIFY(QFile::exists(SessionRecorder::lockFilePath(recorder->journalPath())));
    QCOMPARE(recorder->eventCount() > 0, true);

    // Within the flush interval, the journal on disk holds every event the tab received: nothing is
    // waiting in a buffer that a kill -9 would lose.
    SessionReader::Loaded loaded;
    QTRY_VERIFY_WITH_TIMEOUT(
        (loaded = SessionReader::load(recorder->journalPath())).events.size() == recorder->eventCount(),
        FlushTimeout);
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QCOMPARE(loaded.warnings, QStringList());
    QCOMPARE(loaded.header.extra.value(QStringLiteral("title")).toString(), tab->title());
    compareWithStore(loaded.events, tab->store());
    // Three messages out, three back, each one frame; the recording starts with the first state change,
    // before the handshake's first byte.
    QCOMPARE(countFrames(loaded.events), 6);
    QCOMPARE(tab->store()->messageCount(), 6);
    const auto *first = std::get_if<ConnectionNotice>(&loaded.events.first());
    QVERIFY(first);
    QCOMPARE(first->kind, ConnectionNotice::Kind::StateChanged);
    QCOMPARE(first->state, ConnectionState::Connecting);
    QList<QByteArray> sent;
    QList<QByteArray> received;
    for (const ConnectionEvent &event : std::as_const(loaded.events)) {
        if (const auto *message = std::get_if<MessageEvent>(&event))
            (message->direction == Direction::Outgoing ? sent : received) << message->message.payload;
    }
    const QByteArray json = QStringLiteral("{\"id\": 3, \"text\": \"caf\u00e9\"}").toUtf8();
    QCOMPARE(sent, QList<QByteArray>({ "Hello", allByteValues(), json }));
    QCOMPARE(received, sent);

    // More traffic reaches the disk within the flush interval, too.
    tab->composer()->setText(QStringLiteral("[1, 2]"));
    tab->composer()->sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(tab->counters().framesIn(), 4, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        (loaded = SessionReader::load(recorder->journalPath())).events.size() == recorder->eventCount(),
        FlushTimeout);
    compareWithStore(loaded.events, tab->store());
    QCOMPARE(countFrames(loaded.events), 8);
}

void TestSessions::journalDeletedWithTheTab()
{
    Server server(echoOptions());
    ClientTab *tab = openEchoTab(server);
    QVERIFY(tab);
    const QString journal = tab->recorder()->journalPath();
    QVERIFY(QFile::exists(journal));
    QCOMPARE(journals(), QStringList({ QFileInfo(journal).fileName() }));
    Workspace *workspace = m_window->workspace();
    workspace->closeTab(workspace->indexOf(tab));
    // Closing a tab is the user letting its unsaved recording go: journal and lock are deleted.
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(journal), Timeout);
    QVERIFY(!QFile::exists(SessionRecorder::lockFilePath(journal)));
    QCOMPARE(journals(), QStringList());
}

void TestSessions::clearingStartsANewJournal()
{
    Server server(echoOptions());
    ClientTab *tab = openEchoTab(server);
    QVERIFY(tab);
    const QString before = tab->recorder()->journalPath();
    tab->clearTimeline();
    QVERIFY(!tab->recorder()->hasJournal());
    QCOMPARE(tab->recorder()->eventCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(before), Timeout);

    tab->composer()->setText(QStringLiteral("{\"after\": true}"));
    tab->composer()->sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(tab->counters().framesIn(), 1, Timeout);
    QVERIFY(tab->recorder()->hasJournal());
    const QString after = tab->recorder()->journalPath();
    QVERIFY(after != before);
    SessionReader::Loaded loaded;
    QTRY_VERIFY_WITH_TIMEOUT(
        (loaded = SessionReader::load(after)).events.size() == tab->recorder()->eventCount(), FlushTimeout);
    compareWithStore(loaded.events, tab->store());
    QCOMPARE(countFrames(loaded.events), 2);
}

void TestSessions::serverTabRecordsJournal()
{
    Workspace *workspace = m_window->workspace();
    ServerTab *serverTab = workspace->addServerTab(0, true);
    QTRY_VERIFY_WITH_TIMEOUT(serverTab->isListening(), Timeout);
    ClientTab *client = workspace->addClientTab(serverTab->url(), true);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ConnectionState::Open, Timeout);
    client->composer()->setText(QStringLiteral("to the server"));
    client->composer()->sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(serverTab->counters().framesIn(), 1, Timeout);

    SessionRecorder *recorder = serverTab->recorder();
    QVERIFY(recorder && recorder->hasJournal());
    QVERIFY(recorder->journalPath() != client->recorder()->journalPath());
    SessionReader::Loaded loaded;
    QTRY_VERIFY_WITH_TIMEOUT(
        (loaded = SessionReader::load(recorder->journalPath())).events.size() == recorder->eventCount(),
        FlushTimeout);
    compareWithStore(loaded.events, serverTab->store());
    QCOMPARE(loaded.header.extra.value(QStringLiteral("title")).toString(), serverTab->title());
    QList<QByteArray> received;
    for (const ConnectionEvent &event : std::as_const(loaded.events)) {
        if (const auto *message = std::get_if<MessageEvent>(&event);
            message && message->direction == Direction::Incoming)
            received << message->message.payload;
    }
    QCOMPARE(received, QList<QByteArray>({ "to the server" }));
    QCOMPARE(journals().size(), 2); // the server tab's and the client tab's
}

void TestSessions::saveAsOpensIdenticalRows()
{
    Server server(echoOptions());
    ClientTab *live = openEchoTab(server);
    QVERIFY(live);
    // The live tab stops changing: what it shows is what was saved.
    live->disconnectFromServer();
    QTRY_COMPARE_WITH_TIMEOUT(live->state(), ConnectionState::Closed, Timeout);
    const qint64 recorded = live->recorder()->eventCount();
    const QString path = m_files.filePath(QStringLiteral("echo.flsession"));
    SessionController *sessions = m_window->sessions();
    QSignalSpy saved(sessions, &SessionController::saveFinished);
    QVERIFY(sessions->saveSessionAs(live, path));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, Timeout);
    QCOMPARE(saved.at(0).at(0).toString(), path);
    QCOMPARE(saved.at(0).at(1).toString(), QString());
    QVERIFY(!sessions->errorBox());
    QCOMPARE(sessions->recentSessions()->files().value(0), path);

    // The file is the journal, whole.
    const SessionReader::Loaded file = SessionReader::load(path);
    QVERIFY2(file.ok, qPrintable(file.error));
    QCOMPARE(file.events.size(), recorded);
    QCOMPARE(file.warnings, QStringList());
    compareWithStore(file.events, live->store());

    Workspace *workspace = m_window->workspace();
    const int tabsBefore = workspace->count();
    SessionTab *tab = sessions->openSession(path);
    QVERIFY(tab);
    QCOMPARE(workspace->count(), tabsBefore + 1);
    QCOMPARE(workspace->currentTab(), tab);
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), Timeout);
    QCOMPARE(tab->title(), QStringLiteral("echo.flsession"));
    QCOMPARE(workspace->tabWidget()->tabText(workspace->indexOf(tab)), QStringLiteral("echo.flsession"));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("echo.flsession — Frameline"));
    QCOMPARE(tab->eventCount(), recorded);
    QCOMPARE(tab->frameCount(), 8); // three messages each way, and the Close frames
    QCOMPARE(tab->messageCount(), 6);
    QCOMPARE(tab->connectionCount(), 1);
    QCOMPARE(tab->bannerLabel()->text(),
        QStringLiteral("Opened read-only: %1 — 8 frame(s)").arg(QDir::toNativeSeparators(path)));
    QVERIFY(!tab->warningsLabel()->isVisible());
    QVERIFY(!tab->progressBar()->isVisible());
    compareWithStore(file.events, tab->store());

    // The same timeline: every cell of every row, frames and then messages.
    QAbstractItemModel *sessionModel = tab->timeline()->viewModel();
    QAbstractItemModelTester tester(sessionModel, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModel *liveModel = live->timeline()->viewModel();
    QTRY_COMPARE_WITH_TIMEOUT(sessionModel->rowCount(), liveModel->rowCount(), Timeout);
    QVERIFY(sessionModel->rowCount() > 6);
    QCOMPARE(rowsOf(sessionModel), rowsOf(liveModel));
    QCOMPARE(columnTexts(sessionModel, TimelineModel::PreviewColumn),
        columnTexts(liveModel, TimelineModel::PreviewColumn));
    tab->timeline()->setMessageMode(true);
    live->timeline()->setMessageMode(true);
    QTRY_COMPARE_WITH_TIMEOUT(sessionModel->rowCount(), liveModel->rowCount(), Timeout);
    QCOMPARE(rowsOf(sessionModel), rowsOf(liveModel));

    // The filters work as on a live tab: incoming data only.
    TimelineFilter filter = tab->timeline()->filter();
    filter.outgoing = false;
    filter.classes = TimelineFilter::DataClass;
    tab->timeline()->setFilter(filter);
    live->timeline()->setFilter(filter);
    QTRY_COMPARE_WITH_TIMEOUT(sessionModel->rowCount(), 3, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(liveModel->rowCount(), 3, Timeout);
    QCOMPARE(rowsOf(sessionModel), rowsOf(liveModel));

    // The inspector shows the selected row.
    tab->timeline()->view()->setCurrentIndex(sessionModel->index(1, 0));
    QCOMPARE(tab->timeline()->currentDetails().payload, allByteValues());

    // Opening it again shows the same tab.
    QCOMPARE(sessions->openSession(path), tab);
    QCOMPARE(workspace->count(), tabsBefore + 1);

    // A recorded message goes into the composer of a new client tab, on the recorded URL; resending from a
    // recording is not offered.
    std::unique_ptr<QMenu> menu(tab->timeline()->createContextMenu(sessionModel->index(0, 0)));
    QVERIFY(menu);
    auto *resend = menu->findChild<QAction *>(QStringLiteral("resendMessageAction"));
    QVERIFY(resend && !resend->isEnabled());
    auto *load = menu->findChild<QAction *>(QStringLiteral("loadMessageAction"));
    QVERIFY(load && load->isEnabled());
    load->trigger();
    QCOMPARE(workspace->count(), tabsBefore + 2);
    auto *composing = qobject_cast<ClientTab *>(workspace->currentTab());
    QVERIFY(composing);
    QCOMPARE(composing->url(), server.url());
    QCOMPARE(composing->state(), ConnectionState::Idle);
    QCOMPARE(composing->composer()->text(), QStringLiteral("Hello"));
}

void TestSessions::saveAsOfASessionTab()
{
    const QString source = m_files.filePath(QStringLiteral("source.flsession"));
    const QByteArray bytes = sessionBytes(sampleEvents(12));
    QVERIFY(writeFile(source, bytes));
    SessionController *sessions = m_window->sessions();
    SessionTab *tab = sessions->openSession(source);
    QVERIFY(tab);
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), Timeout);
    QCOMPARE(tab->frameCount(), 12);

    const QString copy = m_files.filePath(QStringLiteral("copy.flsession"));
    QSignalSpy saved(sessions, &SessionController::saveFinished);
    QVERIFY(sessions->saveSessionAs(tab, copy));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, Timeout);
    QCOMPARE(saved.at(0).at(1).toString(), QString());
    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    // Save As: the tab shows the new file from now on.
    QCOMPARE(tab->path(), copy);
    QCOMPARE(tab->title(), QStringLiteral("copy.flsession"));
    QCOMPARE(sessions->recentSessions()->files().mid(0, 2), QStringList({ copy, source }));
}

void TestSessions::saveErrorKeepsEverything()
{
    Server server(echoOptions());
    ClientTab *live = openEchoTab(server);
    QVERIFY(live);
    const QString journal = live->recorder()->journalPath();
    const QString target = m_files.filePath(QStringLiteral("no/such/folder/x.flsession"));
    SessionController *sessions = m_window->sessions();
    QSignalSpy saved(sessions, &SessionController::saveFinished);
    QVERIFY(sessions->saveSessionAs(live, target));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, Timeout);
    const QString error = saved.at(0).at(1).toString();
    QVERIFY2(error.startsWith(QStringLiteral("Cannot save %1: ").arg(QDir::toNativeSeparators(target))),
        qPrintable(error));
    QMessageBox *box = sessions->errorBox();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->windowTitle(), QStringLiteral("Cannot Save Session"));
    QCOMPARE(box->text(), error);
    box->close();
    QVERIFY(!QFile::exists(target));
    // The recording goes on, whole.
    QVERIFY(QFile::exists(journal));
    QCOMPARE(live->recorder()->journalPath(), journal);
    SessionReader::Loaded loaded;
    QTRY_VERIFY_WITH_TIMEOUT(
        (loaded = SessionReader::load(journal)).events.size() == live->recorder()->eventCount(),
        FlushTimeout);
    compareWithStore(loaded.events, live->store());
    QVERIFY(!sessions->recentSessions()->files().contains(target));
}

void TestSessions::damagedFilesOpenWithWarnings()
{
    const EventBatch events = sampleEvents(10); // 21 events, lines 2 to 22
    QList<QByteArray> lines = sessionBytes(events).split('\n');
    QCOMPARE(lines.size(), 23); // 22 lines and the empty rest after the last '\n'
    lines[3] = lines.at(3).left(30) + "#garbage" + lines.at(3).mid(30); // line 4: event 2, frame 1's message
    lines.removeLast();
    lines.last() = lines.last().left(lines.last().size() / 2); // line 22 cut, without its '\n'
    const QString path = m_files.filePath(QStringLiteral("damaged.flsession"));
    QVERIFY(writeFile(path, lines.join('\n')));
    const SessionReader::Loaded expected = SessionReader::load(path);
    QCOMPARE(expected.warnings,
        QStringList({ QStringLiteral("line 4: not valid JSON: expected ':' at column 31"),
            QStringLiteral("last line truncated") }));

    SessionTab *tab = m_window->sessions()->openSession(path);
    QVERIFY(tab);
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), Timeout);
    QCOMPARE(tab->warnings(), expected.warnings);
    QCOMPARE(tab->eventCount(), 19); // 21 less the corrupt line and the cut one
    QCOMPARE(tab->frameCount(), 10);
    QCOMPARE(tab->bannerLabel()->text(),
        QStringLiteral("Opened read-only: %1 — 10 frame(s)").arg(QDir::toNativeSeparators(path)));
    QVERIFY(tab->warningsLabel()->isVisible());
    QCOMPARE(tab->warningsLabel()->text(),
        QStringLiteral(
            "2 warning(s): line 4: not valid JSON: expected ':' at column 31 · last line truncated"));
    compareWithStore(expected.events, tab->store());
}

void TestSessions::notASessionIsRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("hint"); // appended to the reader's error for a file that is no session at all
    const QString hint = QStringLiteral(
        "\n\nFrameline opens its own session files (.flsession) and HAR files exported by browsers.");
    QTest::newRow("text") << QByteArray("hello, world\n") << hint;
    QTest::newRow("empty") << QByteArray() << hint;
    QTest::newRow("other json") << QByteArray("{\"format\":\"something-else\"}\n") << hint;
    QTest::newRow("binary") << QByteArray("\x81\x05Hello\x00\xff", 9) << hint;
    QTest::newRow("newer major") << QByteArray(
        "{\"format\":\"frameline-session\",\"version\":\"2.0\","
        "\"created\":\"2030-01-01T00:00:00.000Z\",\"application\":\"x\","
        "\"timeOriginMs\":0}\n") << QString();
}

void TestSessions::notASessionIsRefused()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, hint);
    const QString path = m_files.filePath(QStringLiteral("not-a-session.flsession"));
    QVERIFY(writeFile(path, content));
    SessionReader reader;
    QVERIFY(!reader.open(path));
    const QString expected = reader.errorString() + hint;

    Workspace *workspace = m_window->workspace();
    const int tabs = workspace->count();
    SessionController *sessions = m_window->sessions();
    QVERIFY(!sessions->openSession(path));
    QCOMPARE(workspace->count(), tabs);
    QMessageBox *box = sessions->errorBox();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->windowTitle(), QStringLiteral("Cannot Open Session"));
    QCOMPARE(box->text(), expected);
    QVERIFY(box->text().contains(QDir::toNativeSeparators(path)));
    box->close();
    QVERIFY(!sessions->recentSessions()->files().contains(path));

    // Import HAR says what it expected.
    QVERIFY(!sessions->importHar(path));
    QCOMPARE(workspace->count(), tabs);
    QVERIFY(sessions->errorBox());
    QCOMPARE(sessions->errorBox()->windowTitle(), QStringLiteral("Cannot Import HAR"));
    QCOMPARE(sessions->errorBox()->text(),
        QStringLiteral("%1 is not a HAR file: it does not begin with a JSON object holding \"log\".")
            .arg(QDir::toNativeSeparators(path)));
    sessions->errorBox()->close();

    // A file that does not exist.
    const QString missing = m_files.filePath(QStringLiteral("missing.flsession"));
    QVERIFY(!sessions->openSession(missing));
    QCOMPARE(sessions->errorBox()->text(),
        QStringLiteral("%1 does not exist.").arg(QDir::toNativeSeparators(missing)));
    sessions->errorBox()->close();
}

void TestSessions::largeFileOpensIndexed()
{
    const EventBatch events = sampleEvents(30000); // 60 001 events
    const QString path = m_files.filePath(QStringLiteral("large.flsession"));
    QVERIFY(writeFile(path, sessionBytes(events)));
    SessionTab *tab = m_window->sessions()->openSession(path);
    QVERIFY(tab);
    // Returned before reading: the index pass goes on in its thread, and the tab says so.
    QCOMPARE(tab->loadState(), SessionTab::LoadState::Loading);
    QVERIFY(tab->progressBar()->isVisible());
    QCOMPARE(tab->progressBar()->maximum(), 0); // busy: one pass, no progress to show
    QCOMPARE(tab->bannerLabel()->text(),
        QStringLiteral("Opening %1 read-only: indexing…").arg(QDir::toNativeSeparators(path)));
    QCOMPARE(tab->statusText(), QStringLiteral("Opening large.flsession…"));
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), 60000);
    // The rows come from the index; payloads stay in the file until shown.
    QVERIFY(tab->store()->isIndexed());
    QCOMPARE(tab->store()->payloadBytes(), qint64(4)); // the one notice's text ("Open"), nothing else
    QCOMPARE(tab->eventCount(), events.size());
    QCOMPARE(tab->store()->entryCount(), 30001);
    QCOMPARE(tab->store()->messageCount(), 30000);
    QVERIFY(!tab->progressBar()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(tab->timeline()->viewModel()->rowCount(), 30001, Timeout);
    QCOMPARE(
        tab->statusText(), QStringLiteral("Read-only: 30000 frame(s) · 30000 message(s) · 1 connection(s)"));
    // Any row, read on demand, is the recorded one byte for byte.
    const qint64 shiftNs = (tab->header().timeOriginMs - Clock::wallClockAnchorMs()) * 1000000;
    compareWithStore(events, tab->store(), shiftNs);
    const QAbstractItemModel *model = tab->timeline()->viewModel();
    QCOMPARE(model->index(29999, TimelineModel::PreviewColumn).data().toString(),
        QStringLiteral("message 29998 \u00e9"));
    QCOMPARE(tab->readError(), QString());
}

void TestSessions::indexedRowsEqualLoadedRows()
{
    const EventBatch events = variedEvents();
    const QString path = m_files.filePath(QStringLiteral("varied.flsession"));
    QVERIFY(writeFile(path, sessionBytes(events)));
    SessionTab *tab = m_window->sessions()->openSession(path);
    QVERIFY(tab);
    QAbstractItemModelTester viewTester(
        tab->timeline()->viewModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), Timeout);
    QVERIFY(tab->store()->isIndexed());
    QCOMPARE(tab->warnings(), QStringList());
    QCOMPARE(tab->connectionCount(), 2);
    QVERIFY(tab->timeline()->isConnectionColumnVisible());

    // The fully loaded path: every event read and appended, timestamps moved as the tab moves them.
    const SessionReader::Loaded loaded = SessionReader::load(path);
    QVERIFY(loaded.ok);
    EventBatch shifted = loaded.events;
    const qint64 shiftNs = (loaded.header.timeOriginMs - Clock::wallClockAnchorMs()) * 1000000;
    for (ConnectionEvent &event : shifted)
        std::visit([shiftNs](auto &value) { value.timestampNs += shiftNs; }, event);
    FrameStore memory;
    memory.append(shifted);
    compareWithStore(events, tab->store(), shiftNs);

    TimelineModel indexedModel(tab->store());
    TimelineModel loadedModel(&memory);
    QAbstractItemModelTester indexedTester(&indexedModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester loadedTester(&loadedModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const TimelineModel::Mode mode : { TimelineModel::Mode::Frames, TimelineModel::Mode::Messages }) {
        indexedModel.setMode(mode);
        loadedModel.setMode(mode);
        for (const TimelineModel::TimeMode time :
            { TimelineModel::TimeMode::Relative, TimelineModel::TimeMode::WallClock, TimelineModel::TimeMode::Delta }) {
            indexedModel.setTimeMode(time);
            loadedModel.setTimeMode(time);
            indexedModel.publishNow();
            loadedModel.publishNow();
            QVERIFY(loadedModel.rowCount() > 0);
            QCOMPARE(everyCell(&indexedModel), everyCell(&loadedModel));
        }
        // The inspector's view of every row, and what "load into composer" takes, is the same.
        for (int row = 0; row < loadedModel.rowCount(); ++row) {
            const EntryDetails x = loadedModel.details(loadedModel.index(row, 0));
            const EntryDetails y = indexedModel.details(indexedModel.index(row, 0));
            QCOMPARE(y.kind, x.kind);
            QCOMPARE(y.id, x.id);
            QCOMPARE(y.payload, x.payload);
            QCOMPARE(y.payloadTruncated, x.payloadTruncated);
            QCOMPARE(y.frame.rawHeader().toByteArray(), x.frame.rawHeader().toByteArray());
            QCOMPARE(y.frame.maskingKey, x.frame.maskingKey);
            QCOMPARE(y.violations.size(), x.violations.size());
            QCOMPARE(y.frameIds, x.frameIds);
            QCOMPARE(y.wireLength, x.wireLength);
            QCOMPARE(FrameStore::noticeText(y.notice), FrameStore::noticeText(x.notice));
        }
    }

    // The tab's own timeline searches payloads read from the file, in both modes.
    TimelineWidget *timeline = tab->timeline();
    TimelineFilter filter;
    filter.search = QStringLiteral("TICK 3");
    QVERIFY(timeline->proxyModel()->setFilter(filter));
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(timeline->viewModel()).size(), 11, Timeout); // tick 3, 30-39
    for (const QStringList &row : rowsOf(timeline->viewModel()))
        QVERIFY2(row.at(TimelineModel::PreviewColumn).startsWith(QStringLiteral("tick 3"))
                || row.at(TimelineModel::PreviewColumn).startsWith(QStringLiteral("74 69 63 6b 20 33")), // binary
            qPrintable(row.join(u'|')));
    QCOMPARE(tab->readError(), QString());
}

void TestSessions::changedFileIsSaidSo()
{
    const EventBatch events = sampleEvents(3000);
    const QByteArray bytes = sessionBytes(events);
    const QString path = m_files.filePath(QStringLiteral("changing.flsession"));
    QVERIFY(writeFile(path, bytes));
    SessionTab *tab = m_window->sessions()->openSession(path);
    QVERIFY(tab);
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), Timeout);
    const QAbstractItemModel *model = tab->timeline()->viewModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3001, Timeout);
    QCOMPARE(model->index(1, TimelineModel::PreviewColumn).data().toString(), QStringLiteral("message 0 \u00e9"));

    // Cut short under the open tab: the rows stay, the banner says what happened; nothing crashes.
    QVERIFY(QFile::resize(path, bytes.size() / 3));
    for (int row = 2900; row < 3001; ++row)
        model->index(row, TimelineModel::PreviewColumn).data();
    QTRY_VERIFY_WITH_TIMEOUT(!tab->readError().isEmpty(), Timeout);
    QVERIFY2(tab->bannerLabel()->text().contains(
                 QStringLiteral("The file has changed on disk since it was opened: payloads can no longer be read")),
        qPrintable(tab->bannerLabel()->text()));
    QVERIFY(tab->readError().contains(QStringLiteral("is shorter than when it was opened")));
    QCOMPARE(model->rowCount(), 3001);
    // The inspector gets the row without its payload, marked as not all there.
    const EntryDetails details = tab->timeline()->timelineModel()->details(
        tab->timeline()->timelineModel()->index(2999, 0));
    QCOMPARE(details.kind, EntryDetails::Kind::Frame);
    QVERIFY(details.payloadTruncated);
    // What is still in the file reads as before.
    QCOMPARE(tab->store()->payload(1), QByteArray("message 0 \xc3\xa9"));
}

void TestSessions::recoveryOpensAndDiscards()
{
    // What a crash leaves: two journals without a live lock, the last line of one cut mid-write.
    QVERIFY(QDir().mkpath(journalDirectory()));
    SessionHeader header = SessionHeader::forNewSession();
    header.created = QDateTime(QDate(2026, 11, 21), QTime(11, 22, 40, 371), Qt::UTC);
    header.extra.insert(QStringLiteral("title"), QStringLiteral("chat.example:9001/live"));
    QByteArray crashed = sessionBytes(sampleEvents(5), header);
    crashed += SessionFormat::encodeEvent(sampleEvents(1).at(1)).left(40);
    const QString crashedPath
        = QDir(journalDirectory()).filePath(QStringLiteral("20261121-112240-371-4242-1.flsession"));
    QVERIFY(writeFile(crashedPath, crashed));
    header.created = header.created.addSecs(60);
    header.extra.insert(QStringLiteral("title"), QStringLiteral("Server :9001"));
    const QString otherPath
        = QDir(journalDirectory()).filePath(QStringLiteral("20261121-112340-000-4242-2.flsession"));
    QVERIFY(writeFile(otherPath, sessionBytes(sampleEvents(2), header)));

    SessionController *sessions = m_window->sessions();
    QSignalSpy offered(sessions, &SessionController::recoveryOffered);
    sessions->scanForRecovery();
    QTRY_COMPARE_WITH_TIMEOUT(offered.count(), 1, Timeout);
    auto *dialog = m_window->findChild<RecoveryDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Recover Sessions"));
    QTreeWidget *list = dialog->list();
    auto tester = std::make_unique<QAbstractItemModelTester>(
        list->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(list->topLevelItemCount(), 2);
    const QLocale locale;
    QCOMPARE(
        list->topLevelItem(0)->text(RecoveryDialog::TitleColumn), QStringLiteral("chat.example:9001/live"));
    QCOMPARE(list->topLevelItem(0)->text(RecoveryDialog::StartedColumn),
        locale.toString(QDateTime(QDate(2026, 11, 21), QTime(11, 22, 40, 371), Qt::UTC).toLocalTime(),
            QLocale::ShortFormat));
    QCOMPARE(list->topLevelItem(0)->text(RecoveryDialog::EventsColumn), QStringLiteral("11"));
    QCOMPARE(list->topLevelItem(0)->text(RecoveryDialog::SizeColumn),
        locale.formattedDataSize(crashed.size(), 1, QLocale::DataSizeIecFormat));
    QCOMPARE(list->topLevelItem(1)->text(RecoveryDialog::TitleColumn), QStringLiteral("Server :9001"));
    QCOMPARE(list->topLevelItem(1)->text(RecoveryDialog::EventsColumn), QStringLiteral("5"));
    QCOMPARE(dialog->selectedPaths(), QStringList({ crashedPath }));
    QVERIFY(dialog->openButton()->isEnabled());
    QVERIFY(dialog->saveAsButton()->isEnabled());

    // Open: a read-only tab of what the journal holds, all but the cut line.
    Workspace *workspace = m_window->workspace();
    QTest::mouseClick(dialog->openButton(), Qt::LeftButton);
    QCOMPARE(workspace->count(), 1);
    auto *tab = qobject_cast<SessionTab *>(workspace->tab(0));
    QVERIFY(tab);
    QVERIFY(tab->isRecovered());
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), Timeout);
    QCOMPARE(tab->title(), QStringLiteral("Recovered: chat.example:9001/live"));
    QCOMPARE(tab->frameCount(), 5);
    QCOMPARE(tab->warnings(), QStringList({ QStringLiteral("last line truncated") }));
    QVERIFY(tab->bannerLabel()->text().startsWith(
        QStringLiteral("Recovered after a crash: the recording of “chat.example:9001/live”, started ")));
    QVERIFY(tab->bannerLabel()->text().endsWith(QStringLiteral(
        " — 5 frame(s). It is not saved yet: File > Save Session As… keeps it; closing this tab "
        "discards it.")));
    QCOMPARE(tab->warningsLabel()->text(), QStringLiteral("1 warning(s): last line truncated"));
    compareWithStore(SessionReader::load(crashedPath).events, tab->store());
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(dialog->selectedPaths(), QStringList({ otherPath }));
    // While its tab shows it, the journal is held (another Frameline would not offer it).
    QVERIFY(QFile::exists(crashedPath));
    QVERIFY(JournalFolder::findOrphans().size() == 1);

    // Discard: gone, and the dialog with it (a QTreeWidget's model cannot be watched while it is destroyed).
    QCOMPARE(list->topLevelItemCount(), 1);
    tester.reset();
    QPointer<RecoveryDialog> guard(dialog);
    QTest::mouseClick(dialog->discardButton(), Qt::LeftButton);
    QVERIFY(!QFile::exists(otherPath));
    QTRY_VERIFY_WITH_TIMEOUT(!guard, Timeout);

    // Closing the recovered tab without saving discards the journal, as closing a live tab does.
    workspace->closeTab(workspace->indexOf(tab));
    QVERIFY(!QFile::exists(crashedPath));
    QVERIFY(!QFile::exists(SessionRecorder::lockFilePath(crashedPath)));
    QCOMPARE(JournalFolder::findOrphans().size(), 0);
}

void TestSessions::recoverySaveAs()
{
    QVERIFY(QDir().mkpath(journalDirectory()));
    SessionHeader header = SessionHeader::forNewSession();
    header.extra.insert(QStringLiteral("title"), QStringLiteral("lost tab"));
    const QByteArray bytes = sessionBytes(sampleEvents(3), header);
    const QString journal
        = QDir(journalDirectory()).filePath(QStringLiteral("20261121-000000-000-1-1.flsession"));
    QVERIFY(writeFile(journal, bytes));
    const QList<RecoverableJournal> found = JournalFolder::findOrphans();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().path, journal);
    QCOMPARE(found.first().title, QStringLiteral("lost tab"));
    QCOMPARE(found.first().events, 7);
    QCOMPARE(found.first().size, bytes.size());

    SessionController *sessions = m_window->sessions();
    QPointer<RecoveryDialog> dialog = sessions->offerRecovery(found);
    QVERIFY(dialog);
    const QString target = m_files.filePath(QStringLiteral("recovered.flsession"));
    QSignalSpy saved(sessions, &SessionController::saveFinished);
    sessions->saveRecoveredJournal(journal, target, dialog);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, Timeout);
    QCOMPARE(saved.at(0).at(1).toString(), QString());
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    QVERIFY(!QFile::exists(journal));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, Timeout); // its only journal was taken care of
    QCOMPARE(sessions->recentSessions()->files().value(0), target);
    QCOMPARE(m_window->workspace()->count(), 0); // saved, not opened
}

void TestSessions::journalsOfLiveProcessesAreNotOffered()
{
    // This process's own recording, and a journal whose lock a live process holds.
    Server server(echoOptions());
    ClientTab *live = openEchoTab(server);
    QVERIFY(live);
    const QString held
        = QDir(journalDirectory()).filePath(QStringLiteral("20261121-000000-000-2-9.flsession"));
    QVERIFY(writeFile(held, sessionBytes(sampleEvents(1))));
    QLockFile lock(SessionRecorder::lockFilePath(held));
    QVERIFY(lock.tryLock(0));
    QCOMPARE(JournalFolder::findOrphans().size(), 0);
    // A journal stopped before its header was complete holds nothing: it is cleaned up, not offered.
    const QString empty
        = QDir(journalDirectory()).filePath(QStringLiteral("20261121-000000-000-3-1.flsession"));
    QVERIFY(writeFile(empty, "{\"format\":\"frameline-ses"));
    QCOMPARE(JournalFolder::findOrphans().size(), 0);
    QVERIFY(!QFile::exists(empty));
    lock.unlock();
    QCOMPARE(JournalFolder::findOrphans().size(), 1);
    QFile::remove(held);
}

void TestSessions::commandLineOpensSession()
{
    const QString session = m_files.filePath(QStringLiteral("cli.jsonl"));
    QVERIFY(writeFile(session, sessionBytes(sampleEvents(4))));
    const QString bytes = m_files.filePath(QStringLiteral("frames.bin"));
    QVERIFY(writeFile(bytes, QByteArray::fromHex("810548656c6c6f")));
    QString error;
    std::optional<StartupOptions> options
        = CommandLine::tryParse({ QStringLiteral("frameline"), session }, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->sessionFile, session);
    QCOMPARE(options->bytesFile, QString());
    QCOMPARE(options->url, QString());
    // Any other file is still raw bytes for the decoder.
    options = CommandLine::tryParse({ QStringLiteral("frameline"), bytes }, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->sessionFile, QString());
    QCOMPARE(options->bytesFile, bytes);

    // What main() does with them.
    QVERIFY(m_window->openFile(session));
    auto *tab = qobject_cast<SessionTab *>(m_window->workspace()->currentTab());
    QVERIFY(tab);
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), Timeout);
    QCOMPARE(tab->title(), QStringLiteral("cli.jsonl"));
    QCOMPARE(tab->frameCount(), 4);
    QVERIFY(m_window->openFile(bytes));
    QVERIFY(qobject_cast<DecoderTab *>(m_window->workspace()->currentTab()));
}

void TestSessions::dropOpensSession()
{
    const QString path = m_files.filePath(QStringLiteral("dropped.flsession"));
    QVERIFY(writeFile(path, sessionBytes(sampleEvents(3))));
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(path) });
    const QPoint centre = m_window->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    auto *tab = qobject_cast<SessionTab *>(m_window->workspace()->currentTab());
    QVERIFY(tab);
    QCOMPARE(tab->path(), path);
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), Timeout);
    QCOMPARE(tab->frameCount(), 3);
}

void TestSessions::recentSessionsMenu()
{
    SessionController *sessions = m_window->sessions();
    RecentSessions *recent = sessions->recentSessions();
    QCOMPARE(recent->files(), QStringList());
    QMenu *menu = m_window->actions()->recentSessionsMenu();
    QVERIFY(menu);
    QCOMPARE(m_window->actions()->action(ActionId::RecentSessions)->menu(), menu);
    auto texts = [menu] {
        QStringList items;
        for (const QAction *action : menu->actions())
            items << (action->isSeparator() ? QStringLiteral("-") : action->text());
        return items;
    };
    QCOMPARE(texts(), QStringList({ QStringLiteral("&Clear Menu") }));
    QVERIFY(!m_window->actions()->action(ActionId::ClearRecentSessions)->isEnabled());

    QStringList paths;
    for (const QString &name : { QStringLiteral("a.flsession"), QStringLiteral("b&c.flsession") }) {
        paths << m_files.filePath(name);
        QVERIFY(writeFile(paths.last(), sessionBytes(sampleEvents(1))));
        SessionTab *tab = sessions->openSession(paths.last());
        QVERIFY(tab);
        QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), Timeout);
    }
    QCOMPARE(recent->files(), QStringList({ paths.at(1), paths.at(0) }));
    QCOMPARE(texts(),
        QStringList({ QStringLiteral("&1 b&&c.flsession"), QStringLiteral("&2 a.flsession"),
            QStringLiteral("-"), QStringLiteral("&Clear Menu") }));
    QCOMPARE(menu->actions().at(1)->statusTip(), QDir::toNativeSeparators(paths.at(0)));

    // An item opens its file (here: shows its tab again); the order follows.
    m_window->workspace()->closeTab(m_window->workspace()->indexOf(m_window->workspace()->currentTab()));
    menu->actions().at(0)->trigger();
    auto *reopened = qobject_cast<SessionTab *>(m_window->workspace()->currentTab());
    QVERIFY(reopened);
    QCOMPARE(reopened->path(), paths.at(1));
    QTRY_VERIFY_WITH_TIMEOUT(reopened->isLoaded(), Timeout);
    menu->actions().at(1)->trigger();
    QCOMPARE(qobject_cast<SessionTab *>(m_window->workspace()->currentTab())->path(), paths.at(0));
    QCOMPARE(recent->files(), QStringList({ paths.at(0), paths.at(1) }));

    // A file that went away leaves the list when asked for.
    QVERIFY(QFile::remove(paths.at(1)));
    menu->actions().at(1)->trigger();
    QVERIFY(sessions->errorBox());
    sessions->errorBox()->close();
    QCOMPARE(recent->files(), QStringList({ paths.at(0) }));

    m_window->actions()->action(ActionId::ClearRecentSessions)->trigger();
    QCOMPARE(recent->files(), QStringList());
    QCOMPARE(texts(), QStringList({ QStringLiteral("&Clear Menu") }));
}

void TestSessions::sessionTabsKeptWithTheWorkspace()
{
    const QString path = m_files.filePath(QStringLiteral("kept.flsession"));
    QVERIFY(writeFile(path, sessionBytes(sampleEvents(2))));
    {
        Workspace workspace(true);
        workspace.addSessionTab(path, SessionFiles::Kind::Session, SessionTab::Origin::File);
        // A recovered journal is not kept: it is discarded with its tab.
        QVERIFY(QDir().mkpath(journalDirectory()));
        const QString journal = QDir(journalDirectory()).filePath(QStringLiteral("x.flsession"));
        QVERIFY(writeFile(journal, sessionBytes(sampleEvents(1))));
        workspace.addSessionTab(journal, SessionFiles::Kind::Session, SessionTab::Origin::RecoveredJournal);
        workspace.addClientTab(QStringLiteral("ws://127.0.0.1:1/"));
        workspace.saveTabs();
    }
    Workspace restored(true);
    QVERIFY(restored.restoreTabs());
    QCOMPARE(restored.count(), 2);
    auto *tab = qobject_cast<SessionTab *>(restored.tab(0));
    QVERIFY(tab);
    QCOMPARE(tab->path(), path);
    QVERIFY(!tab->isRecovered());
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), Timeout);
    QCOMPARE(tab->frameCount(), 2);
    QCOMPARE(restored.tab(1)->kind(), WorkspaceTab::Kind::Client);
    QCOMPARE(restored.currentTab(), restored.tab(1));
    QSettings().clear();
}

void TestSessions::exportFormats()
{
    Server server(echoOptions());
    ClientTab *live = openEchoTab(server);
    QVERIFY(live);
    live->disconnectFromServer();
    QTRY_COMPARE_WITH_TIMEOUT(live->state(), ConnectionState::Closed, Timeout);
    SessionController *sessions = m_window->sessions();
    QSignalSpy exported(sessions, &SessionController::exportFinished);
    const QList<SessionExport::Format> formats
        = { SessionExport::Format::Har, SessionExport::Format::Csv, SessionExport::Format::Json };
    for (const SessionExport::Format format : formats) {
        const QString path = m_files.filePath(QStringLiteral("export.") + SessionExport::formatId(format));
        QVERIFY(sessions->exportSession(live, path, format));
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, Timeout);
        QCOMPARE(exported.takeFirst().at(1).toString(), QString());
        // Exactly what SessionExport makes of the recording.
        const SessionReader::Loaded journal = SessionReader::load(live->recorder()->journalPath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), SessionExport::encode(format, journal.events, journal.header));
    }
    // From a session tab: its file's events.
    const QString source = m_files.filePath(QStringLiteral("to-export.flsession"));
    const SessionHeader header = SessionHeader::forNewSession();
    QVERIFY(writeFile(source, sessionBytes(sampleEvents(6), header)));
    SessionTab *tab = sessions->openSession(source);
    QVERIFY(tab);
    const QString csv = m_files.filePath(QStringLiteral("session.csv"));
    QVERIFY(sessions->exportSession(tab, csv, SessionExport::Format::Csv));
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, Timeout);
    QCOMPARE(exported.takeFirst().at(1).toString(), QString());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const SessionReader::Loaded loaded = SessionReader::load(source);
    QCOMPARE(file.readAll(), SessionExport::encode(SessionExport::Format::Csv, loaded.events, loaded.header));
}

void TestSessions::harOpensInASessionTab()
{
    // A HAR as DevTools write it (SessionExport makes one of a recording), opened like a session.
    Server server(echoOptions());
    ClientTab *live = openEchoTab(server);
    QVERIFY(live);
    live->disconnectFromServer();
    QTRY_COMPARE_WITH_TIMEOUT(live->state(), ConnectionState::Closed, Timeout);
    SessionReader::Loaded journal;
    QTRY_VERIFY_WITH_TIMEOUT((journal = SessionReader::load(live->recorder()->journalPath())).events.size()
            == live->recorder()->eventCount(),
        FlushTimeout);
    const QString path = m_files.filePath(QStringLiteral("devtools.har"));
    QVERIFY(writeFile(path, SessionExport::toHar(journal.events, journal.header)));
    QCOMPARE(SessionFiles::sniff(path), SessionFiles::Kind::Har);
    const HarImport::Result expected = HarImport::readFile(path);
    QVERIFY2(expected.ok(), qPrintable(expected.error));
    QCOMPARE(countFrames(expected.events), 8); // the six messages and the two Close frames

    SessionController *sessions = m_window->sessions();
    SessionTab *tab = sessions->importHar(path);
    QVERIFY(tab);
    QCOMPARE(tab->fileKind(), SessionFiles::Kind::Har);
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), Timeout);
    QCOMPARE(tab->title(), QStringLiteral("devtools.har"));
    QCOMPARE(tab->eventCount(), expected.events.size());
    QCOMPARE(tab->warnings(), expected.warnings);
    QCOMPARE(tab->frameCount(), 8);
    compareWithStore(
        expected.events, tab->store(), (expected.header.timeOriginMs - Clock::wallClockAnchorMs()) * 1000000);

    // Saved as a session: the native file of what the HAR held; the tab shows it from then on.
    const QString saved = m_files.filePath(QStringLiteral("from-har.flsession"));
    QSignalSpy done(sessions, &SessionController::saveFinished);
    QVERIFY(sessions->saveSessionAs(tab, saved));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, Timeout);
    QCOMPARE(done.at(0).at(1).toString(), QString());
    const SessionReader::Loaded loaded = SessionReader::load(saved);
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QCOMPARE(loaded.events.size(), expected.events.size());
    QCOMPARE(loaded.header.timeOriginMs, expected.header.timeOriginMs);
    QCOMPARE(tab->path(), saved);
    QCOMPARE(tab->fileKind(), SessionFiles::Kind::Session);
}

void TestSessions::sniffing_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("kind");
    const QByteArray header = SessionFormat::encodeHeader(SessionHeader::forNewSession());
    QTest::newRow("session") << header << int(SessionFiles::Kind::Session);
    QTest::newRow("session, bom, crlf") << "\xEF\xBB\xBF" + header.chopped(1) + "\r\n"
                                        << int(SessionFiles::Kind::Session);
    QTest::newRow("session, header only, no newline")
        << header.chopped(1) << int(SessionFiles::Kind::Session);
    QTest::newRow("newer major") << QByteArray("{\"format\":\"frameline-session\",\"version\":\"7.0\"}\n")
                                 << int(SessionFiles::Kind::Session);
    QTest::newRow("har pretty") << QByteArray("{\n  \"log\": {\n    \"version\": \"1.2\"")
                                << int(SessionFiles::Kind::Har);
    QTest::newRow("har minified") << QByteArray("{\"log\":{\"version\":\"1.2\",\"creator\":{}}}")
                                  << int(SessionFiles::Kind::Har);
    QTest::newRow("json, log as a value")
        << QByteArray("{\"name\": \"log\"}") << int(SessionFiles::Kind::Other);
    QTest::newRow("array") << QByteArray("[{\"log\": 1}]") << int(SessionFiles::Kind::Other);
    QTest::newRow("frame bytes") << QByteArray::fromHex("810548656c6c6f") << int(SessionFiles::Kind::Other);
    QTest::newRow("empty") << QByteArray() << int(SessionFiles::Kind::Other);
}

void TestSessions::sniffing()
{
    QFETCH(QByteArray, head);
    QFETCH(int, kind);
    QCOMPARE(int(SessionFiles::sniffData(head)), kind);
}

void TestSessions::screenshots()
{
    // For a person to look at (not compared): a session tab with warnings, and the recovery dialog.
    const EventBatch events = sampleEvents(14);
    QList<QByteArray> lines = sessionBytes(events).split('\n');
    lines[5] = "{\"type\":\"frame\"}";
    lines.removeLast();
    lines.last() = lines.last().left(50);
    const QString path = m_files.filePath(QStringLiteral("look.flsession"));
    QVERIFY(writeFile(path, lines.join('\n')));
    SessionTab *tab = m_window->sessions()->openSession(path);
    QVERIFY(tab);
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(tab->timeline()->viewModel()->rowCount() > 0, Timeout);
    tab->timeline()->view()->setCurrentIndex(tab->timeline()->viewModel()->index(2, 0));
    const QString directory = qEnvironmentVariable("FRAMELINE_SCREENSHOT_DIR");
    if (!directory.isEmpty())
        QVERIFY(m_window->grab().save(QDir(directory).filePath(QStringLiteral("session-tab.png"))));

    RecoverableJournal journal;
    journal.path = QDir(journalDirectory()).filePath(QStringLiteral("a.flsession"));
    journal.title = QStringLiteral("echo.websocket.org");
    journal.created = QDateTime(QDate(2026, 11, 21), QTime(11, 22, 40), Qt::UTC);
    journal.lastWritten = journal.created.addSecs(600);
    journal.events = 182345;
    journal.size = 54 * 1024 * 1024;
    RecoverableJournal second = journal;
    second.path = QDir(journalDirectory()).filePath(QStringLiteral("b.flsession"));
    second.title = QStringLiteral("Server 127.0.0.1:9001");
    second.events = 12;
    second.size = 3400;
    RecoveryDialog *dialog = m_window->sessions()->offerRecovery({ journal, second });
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    if (!directory.isEmpty())
        QVERIFY(dialog->grab().save(QDir(directory).filePath(QStringLiteral("recovery-dialog.png"))));
    dialog->reject();
}

QTEST_MAIN(TestSessions)
#include "tst_sessions.moc"
