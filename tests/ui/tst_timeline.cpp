// The live timeline: TimelineModel (frame and message mode), TimelineProxyModel and TimelineWidget over a
// FrameStore filled with real decoded events. Exact rows and cells for a known sequence, batched publication,
// fragments folding under their message, every filter with its exact surviving rows, a filter computed in
// the background while rows keep arriving, follow-the-tail and pause, Find next/previous, state, and the
// rows' context menu (load into the composer, resend, copy the payload) from the mouse and the keyboard.

#include "app/protocol/framewriter.h"
#include "app/protocol/streamdecoder.h"
#include "app/session/framestore.h"
#include "tests/common/wirescript.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelineproxymodel.h"
#include "ui/timeline/timelinewidget.h"

#include <QtGui/QClipboard>
#include <QtGui/QContextMenuEvent>
#include <QtGui/QStandardItemModel>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMenu>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTreeView>

Q_DECLARE_METATYPE(Frameline::TimelineFilter)

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::WireScript;

namespace {

// The known sequence: a connection opens, text both ways (one of them fragmented around a ping), binary,
// a frame that breaks the protocol with its notice, the closing handshake.
EventBatch knownSequence(quint64 connectionId = 1)
{
    WireScript s(connectionId);
    s.state(ConnectionState::Connecting); // 0
    auto handshake = std::make_shared<HandshakeRecord>();
    handshake->requestBytes = "GET /chat HTTP/1.1\r\nHost: x\r\n\r\n";
    handshake->responseBytes = "HTTP/1.1 101 Switching Protocols\r\n\r\n";
    handshake->accepted = true;
    ConnectionNotice hs;
    hs.kind = ConnectionNotice::Kind::Handshake;
    hs.handshake = handshake;
    s.notice(hs); // 1
    s.state(ConnectionState::Open); // 2
    s.out(FrameWriter::text(Endpoint::Client, "hello")); // 3, message 0
    s.in(FrameWriter::frame(Endpoint::Server, 0x1, "Hel", false)); // 4
    s.in(FrameWriter::ping(Endpoint::Server, "p")); // 5
    s.in(FrameWriter::frame(Endpoint::Server, 0x0, "lo!", true)); // 6, message 1
    s.in(FrameWriter::binary(Endpoint::Server, QByteArray::fromHex("0102ff"))); // 7, message 2
    FrameSpec rsv2 = FrameSpec::valid(Endpoint::Server, 0x1, "odd");
    rsv2.rsv2 = true;
    s.in(FrameWriter::encode(rsv2)); // 8 (+ message 3)
    ConnectionNotice violation;
    violation.kind = ConnectionNotice::Kind::Violation;
    violation.violation
        = ViolationText::make(ViolationKind::ReservedBitsSet, u"RSV2 is set but no extension defines it"_s);
    violation.text = u"Lenient mode: kept the connection open"_s;
    s.notice(violation); // 9
    s.out(FrameWriter::close(Endpoint::Client, 1000, u"bye"_s)); // 10
    s.in(FrameWriter::close(Endpoint::Server, 1000, u"bye"_s)); // 11
    CloseInfo close;
    close.initiator = CloseInitiator::Local;
    close.code = 1000;
    close.reason = u"bye"_s;
    close.sentCode = 1000;
    close.closingHandshakeCompleted = true;
    close.abnormal = false;
    s.state(ConnectionState::Closed, close); // 12
    return s.take();
}

// A frame event for volume tests: a whole text message per frame, direction alternating.
void appendTextMessages(
    EventBatch &batch, qint64 firstIndex, int count, const std::function<QByteArray(qint64)> &payload)
{
    for (int i = 0; i < count; ++i) {
        const qint64 n = firstIndex + i;
        FrameEvent frame;
        frame.connectionId = 1;
        frame.timestampNs = n * 1000;
        frame.direction = n % 2 ? Direction::Incoming : Direction::Outgoing;
        frame.frame.index = n / 2;
        frame.frame.fin = true;
        frame.frame.opcode = 0x1;
        frame.frame.messageOpcode = 0x1;
        frame.frame.position = FramePosition::Whole;
        frame.payload = payload(n);
        frame.frame.payloadLength = quint64(frame.payload.size());
        MessageEvent message;
        message.connectionId = 1;
        message.timestampNs = frame.timestampNs;
        message.direction = frame.direction;
        message.message.index = n / 2;
        message.message.opcode = 0x1;
        message.message.frameIndexes.append(n / 2);
        message.message.payload = frame.payload;
        batch.append(frame);
        batch.append(message);
    }
}

// A whole text frame of a connection at a given time (frame mode needs no message).
FrameEvent textFrame(quint64 connectionId, qint64 timestampNs, qint64 index, const QByteArray &payload)
{
    FrameEvent frame;
    frame.connectionId = connectionId;
    frame.timestampNs = timestampNs;
    frame.direction = Direction::Incoming;
    frame.frame.index = index;
    frame.frame.fin = true;
    frame.frame.opcode = 0x1;
    frame.frame.messageOpcode = 0x1;
    frame.frame.position = FramePosition::Whole;
    frame.payload = payload;
    frame.frame.payloadLength = quint64(payload.size());
    return frame;
}

ConnectionNotice handshakeFrom(quint64 connectionId, qint64 timestampNs, const QString &address, quint16 port)
{
    auto handshake = std::make_shared<HandshakeRecord>();
    handshake->requestBytes = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    handshake->responseBytes = "HTTP/1.1 101 Switching Protocols\r\n\r\n";
    handshake->accepted = true;
    handshake->peerAddress = address;
    handshake->peerPort = port;
    ConnectionNotice notice;
    notice.kind = ConnectionNotice::Kind::Handshake;
    notice.connectionId = connectionId;
    notice.timestampNs = timestampNs;
    notice.handshake = handshake;
    return notice;
}

QStringList columnTexts(const QAbstractItemModel &model, int column)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts << model.index(row, column).data().toString();
    return texts;
}

QStringList rowTexts(const QAbstractItemModel &model, const QModelIndex &index)
{
    QStringList cells;
    for (int column = 0; column < model.columnCount(index.parent()); ++column)
        cells << model.index(index.row(), column, index.parent()).data().toString();
    return cells;
}

QList<qint64> entriesOf(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QList<qint64> entries;
    for (int row = 0; row < model.rowCount(parent); ++row)
        entries << model.index(row, 0, parent).data(TimelineModel::EntryRole).toLongLong();
    return entries;
}

// A context menu as a list: each action's objectName, " (disabled)" after a disabled one, "|" for a
// separator; "no menu" when there is none.
QStringList menuActions(const QMenu *menu)
{
    if (!menu)
        return { u"no menu"_s };
    QStringList names;
    for (const QAction *action : menu->actions())
        names << (action->isSeparator()
                ? u"|"_s
                : action->objectName() + (action->isEnabled() ? QString() : u" (disabled)"_s));
    return names;
}

QAction *menuAction(const QMenu *menu, const QString &name)
{
    for (QAction *action : menu->actions())
        if (action->objectName() == name)
            return action;
    return nullptr;
}

// A view index of the widget: a top-level row, or the child `child` of top-level row `row`.
QModelIndex viewIndex(const TimelineWidget &widget, int row, int child = -1)
{
    const QModelIndex top = widget.viewModel()->index(row, 0);
    return child < 0 ? top : widget.viewModel()->index(child, 0, top);
}

const QStringList AllComposeActions { u"loadMessageAction"_s, u"loadFrameAction"_s, u"resendMessageAction"_s,
    u"resendFrameAction"_s, u"|"_s, u"copyPayloadTextAction"_s, u"copyPayloadHexAction"_s };
// What the popup adds to a row's menu: Export Rows (of every row shown).
const QStringList PopupActions { u"|"_s, u"exportRowsAction"_s };
const QStringList FrameActions { u"loadFrameAction"_s, u"resendFrameAction"_s, u"|"_s,
    u"copyPayloadTextAction"_s, u"copyPayloadHexAction"_s };
const QStringList MessageActions { u"loadMessageAction"_s, u"resendMessageAction"_s, u"|"_s,
    u"copyPayloadTextAction"_s, u"copyPayloadHexAction"_s };

} // namespace

class tst_Timeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frameModeRows();
    void messageModeTree();
    void batchedPublication();
    void fragmentsFoldUnderTheirMessage();
    void timeModes();
    void clientColumn();
    void deltaPerConnection();
    void clientColumnInTheWidget();
    void filters_data();
    void filters();
    void filterExtendsIncrementally();
    void filterInTheBackground();
    void invalidRegularExpression();
    void followTailAndPause();
    void findNextAndPrevious();
    void currentDetailsAndState();
    void connectionFilterAndReset();
    void contextMenuActions_data();
    void contextMenuActions();
    void contextMenuResendFollowsTheTab();
    void composeRequested_data();
    void composeRequested();
    void contextMenuPayloadNotKept();
    void contextMenuCopiesPayload();
    void contextMenuFromMouseAndKeyboard();
    void screenshots();
};

void tst_Timeline::frameModeRows()
{
    FrameStore store;
    store.append(knownSequence());
    TimelineModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.publishNow();
    QCOMPARE(model.rowCount(), 13);
    QCOMPARE(model.columnCount(), int(TimelineModel::ColumnCount));
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column)
        headers << model.headerData(column, Qt::Horizontal).toString();
    QCOMPARE(headers,
        (QStringList { u"No."_s, u"Client"_s, u"Time (s)"_s, u"Dir."_s, u"Opcode"_s, u"Flags"_s, u"Length"_s,
            u"Payload"_s }));

    const QList<QStringList> expected {
        { u"1"_s, u"#1"_s, u"0.000000"_s, u"\u2022"_s, u"state"_s, QString(), QString(), u"Connecting"_s },
        { u"2"_s, u"#1"_s, u"0.001000"_s, u"\u2022"_s, u"handshake"_s, QString(), QString(),
            u"Handshake: GET /chat HTTP/1.1 \u2192 HTTP/1.1 101 Switching Protocols"_s },
        { u"3"_s, u"#1"_s, u"0.002000"_s, u"\u2022"_s, u"state"_s, QString(), QString(), u"Open"_s },
        { u"4"_s, u"#1"_s, u"0.003000"_s, u"\u2191 out"_s, u"text"_s, u"FIN MASK"_s, u"5"_s, u"hello"_s },
        { u"5"_s, u"#1"_s, u"0.004000"_s, u"\u2193 in"_s, u"text"_s, QString(), u"3"_s, u"Hel"_s },
        { u"6"_s, u"#1"_s, u"0.005000"_s, u"\u2193 in"_s, u"ping"_s, u"FIN"_s, u"1"_s, u"p"_s },
        { u"7"_s, u"#1"_s, u"0.006000"_s, u"\u2193 in"_s, u"continuation"_s, u"FIN"_s, u"3"_s, u"lo!"_s },
        { u"8"_s, u"#1"_s, u"0.007000"_s, u"\u2193 in"_s, u"binary"_s, u"FIN"_s, u"3"_s, u"01 02 ff"_s },
        { u"9"_s, u"#1"_s, u"0.008000"_s, u"\u2193 in"_s, u"text"_s, u"FIN RSV2"_s, u"3"_s, u"odd"_s },
        { u"10"_s, u"#1"_s, u"0.009000"_s, u"\u2022"_s, u"violation"_s, QString(), QString(),
            u"reserved-bits-set: RSV2 is set but no extension defines it (Lenient mode: kept the connection open)"_s },
        { u"11"_s, u"#1"_s, u"0.010000"_s, u"\u2191 out"_s, u"close"_s, u"FIN MASK"_s, u"5"_s,
            u"1000 Normal Closure: bye"_s },
        { u"12"_s, u"#1"_s, u"0.011000"_s, u"\u2193 in"_s, u"close"_s, u"FIN"_s, u"5"_s,
            u"1000 Normal Closure: bye"_s },
        { u"13"_s, u"#1"_s, u"0.012000"_s, u"\u2022"_s, u"state"_s, QString(), QString(),
            u"Closed: 1000 Normal Closure, reason \u201cbye\u201d (closing handshake completed)"_s },
    };
    for (int row = 0; row < expected.size(); ++row)
        QCOMPARE(rowTexts(model, model.index(row, 0)), expected.at(row));

    // Violations stand out: a tinted background and an icon; notices read differently (italic).
    const QModelIndex violating = model.index(8, TimelineModel::PreviewColumn);
    QVERIFY(violating.data(TimelineModel::ViolationRole).toBool());
    QVERIFY(violating.data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(8, TimelineModel::NumberColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(model.index(9, 0).data(TimelineModel::ViolationRole).toBool());
    QVERIFY(!model.index(7, 0).data(TimelineModel::ViolationRole).toBool());
    QVERIFY(!model.index(7, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(!model.index(3, 0).data(Qt::FontRole).isValid());
    // Directions have their own colours.
    const QColor out
        = model.index(3, TimelineModel::DirectionColumn).data(Qt::ForegroundRole).value<QColor>();
    const QColor in = model.index(4, TimelineModel::DirectionColumn).data(Qt::ForegroundRole).value<QColor>();
    QVERIFY(out.isValid() && in.isValid() && out != in);
    QCOMPARE(model.index(3, 0).data(TimelineModel::KindRole).toInt(), int(TimelineModel::RowKind::Frame));
    QCOMPARE(model.index(0, 0).data(TimelineModel::KindRole).toInt(), int(TimelineModel::RowKind::Notice));
    QCOMPARE(model.details(model.index(6, 0)).payload, QByteArray("lo!"));
    QCOMPARE(model.details(model.index(6, 0)).messageId, qint64(1));
}

void tst_Timeline::messageModeTree()
{
    FrameStore store;
    store.append(knownSequence());
    TimelineModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMode(TimelineModel::Mode::Messages);
    model.publishNow();
    // The fragmented message (entries 4 and 6, No. 5 and 7) is one row at its final frame; the ping between stays.
    QCOMPARE(entriesOf(model), (QList<qint64> { 0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12 }));
    const QModelIndex fragmented = model.index(5, 0);
    QCOMPARE(fragmented.data(TimelineModel::KindRole).toInt(), int(TimelineModel::RowKind::Message));
    QCOMPARE(fragmented.data(TimelineModel::MessageRole).toLongLong(), qint64(1));
    QCOMPARE(rowTexts(model, fragmented),
        (QStringList {
            u"7"_s, u"#1"_s, u"0.006000"_s, u"\u2193 in"_s, u"text"_s, u"2 frames"_s, u"6"_s, u"Hello!"_s }));
    QCOMPARE(model.rowCount(fragmented), 2);
    QCOMPARE(entriesOf(model, fragmented), (QList<qint64> { 4, 6 }));
    QCOMPARE(rowTexts(model, model.index(0, 0, fragmented)),
        (QStringList {
            u"5"_s, u"#1"_s, u"0.004000"_s, u"\u2193 in"_s, u"text"_s, QString(), u"3"_s, u"Hel"_s }));
    QCOMPARE(model.parent(model.index(1, 0, fragmented)), fragmented);
    // A whole message is a row without children.
    const QModelIndex whole = model.index(3, 0);
    QCOMPARE(whole.data(TimelineModel::MessageRole).toLongLong(), qint64(0));
    QCOMPARE(model.rowCount(whole), 0);
    QCOMPARE(rowTexts(model, whole),
        (QStringList {
            u"4"_s, u"#1"_s, u"0.003000"_s, u"\u2191 out"_s, u"text"_s, u"FIN MASK"_s, u"5"_s, u"hello"_s }));
    // The ping is a frame row, the binary message a message row.
    QCOMPARE(model.index(4, 0).data(TimelineModel::KindRole).toInt(), int(TimelineModel::RowKind::Frame));
    QCOMPARE(model.index(6, TimelineModel::PreviewColumn).data().toString(), u"01 02 ff"_s);

    const EntryDetails details = model.details(fragmented);
    QCOMPARE(details.kind, EntryDetails::Kind::Message);
    QCOMPARE(details.payload, QByteArray("Hello!"));
    QCOMPARE(details.frameIds, (QList<qint64> { 4, 6 }));

    TimelineProxyModel proxy(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(entriesOf(proxy), entriesOf(model));
    QCOMPARE(entriesOf(proxy, proxy.index(5, 0)), (QList<qint64> { 4, 6 }));
    QCOMPARE(proxy.mapToSource(proxy.index(1, 2, proxy.index(5, 0))), model.index(1, 2, fragmented));

    // Back to frames: a reset, every frame a row again.
    model.setMode(TimelineModel::Mode::Frames);
    QCOMPARE(model.rowCount(), 13);
    QCOMPARE(proxy.rowCount(), 13);
}

void tst_Timeline::batchedPublication()
{
    // 100 000 appends between two publications are one insertion.
    FrameStore store;
    TimelineModel model(&store);
    model.setPublishing(false); // the timer must not publish halfway
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    TimelineProxyModel proxy(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy proxyInserted(&proxy, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 1000; ++i) {
        EventBatch batch;
        appendTextMessages(batch, qint64(i) * 100, 100, [](qint64 n) { return QByteArray::number(n); });
        store.append(batch);
    }
    QCOMPARE(store.entryCount(), 100000);
    QCOMPARE(model.rowCount(), 0);
    model.setPublishing(true);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.constFirst().at(1).toInt(), 0);
    QCOMPARE(inserted.constFirst().at(2).toInt(), 99999);
    QCOMPARE(proxyInserted.size(), 1);
    QCOMPARE(proxy.rowCount(), 100000);
    QCOMPARE(model.index(99999, TimelineModel::PreviewColumn).data().toString(), u"99999"_s);

    // The same in message mode: every message whole, one row each.
    model.setMode(TimelineModel::Mode::Messages);
    QCOMPARE(model.rowCount(), 100000);
    QCOMPARE(proxy.rowCount(), 100000);
    inserted.clear();
    EventBatch more;
    appendTextMessages(more, 100000, 500, [](qint64 n) { return QByteArray::number(n); });
    store.append(more);
    model.publishNow();
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 100500);
}

void tst_Timeline::fragmentsFoldUnderTheirMessage()
{
    FrameStore store;
    TimelineModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMode(TimelineModel::Mode::Messages);
    TimelineProxyModel proxy(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    WireScript s;
    s.in(FrameWriter::frame(Endpoint::Server, 0x1, "one ", false)); // 0
    s.in(FrameWriter::ping(Endpoint::Server, "p")); // 1
    s.in(FrameWriter::frame(Endpoint::Server, 0x0, "two ", false)); // 2
    store.append(s.take());
    model.publishNow();
    // Not complete yet: its frames are rows of their own.
    QCOMPARE(entriesOf(model), (QList<qint64> { 0, 1, 2 }));
    QCOMPARE(entriesOf(proxy), (QList<qint64> { 0, 1, 2 }));
    QCOMPARE(model.index(0, 0).data(TimelineModel::KindRole).toInt(), int(TimelineModel::RowKind::Frame));

    s.in(FrameWriter::frame(Endpoint::Server, 0x0, "three", true)); // 3: completes message 0
    s.out(FrameWriter::text(Endpoint::Client, "reply")); // 4
    store.append(s.take());
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.publishNow();
    QCOMPARE(entriesOf(model), (QList<qint64> { 1, 3, 4 }));
    QCOMPARE(entriesOf(proxy), (QList<qint64> { 1, 3, 4 }));
    QCOMPARE(entriesOf(model, model.index(1, 0)), (QList<qint64> { 0, 2, 3 }));
    QCOMPARE(model.index(1, TimelineModel::PreviewColumn).data().toString(), u"one two three"_s);
    QCOMPARE(removed.size(), 2); // entries 0 and 2 are not adjacent rows

    // A message whose final frame was already shown: the row comes back as the message.
    s.in(FrameWriter::frame(Endpoint::Server, 0x2, "a", false)); // 5
    s.in(FrameWriter::frame(Endpoint::Server, 0x0, "b", true)); // 6
    EventBatch batch = s.take();
    QCOMPARE(batch.size(), 3);
    const ConnectionEvent message = batch.takeLast();
    store.append(batch);
    model.publishNow();
    QCOMPARE(entriesOf(model), (QList<qint64> { 1, 3, 4, 5, 6 }));
    store.append({ message });
    model.publishNow();
    QCOMPARE(entriesOf(model), (QList<qint64> { 1, 3, 4, 6 }));
    QCOMPARE(model.index(3, 0).data(TimelineModel::KindRole).toInt(), int(TimelineModel::RowKind::Message));
    QCOMPARE(entriesOf(model, model.index(3, 0)), (QList<qint64> { 5, 6 }));
    QCOMPARE(entriesOf(proxy), (QList<qint64> { 1, 3, 4, 6 }));
}

void tst_Timeline::timeModes()
{
    FrameStore store;
    store.append(knownSequence());
    TimelineModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.publishNow();
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setTimeMode(TimelineModel::TimeMode::Delta);
    QCOMPARE(layout.size(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.index(0, TimelineModel::TimeColumn).data().toString(), u"+0.000000"_s);
    QCOMPARE(model.index(5, TimelineModel::TimeColumn).data().toString(), u"+0.001000"_s);
    model.setTimeMode(TimelineModel::TimeMode::WallClock);
    // HH:mm:ss.zzz and the microseconds.
    QVERIFY(QRegularExpression(u"^\\d\\d:\\d\\d:\\d\\d\\.\\d{6}$"_s)
                .match(model.index(5, TimelineModel::TimeColumn).data().toString())
                .hasMatch());
    QCOMPARE(model.headerData(TimelineModel::TimeColumn, Qt::Horizontal).toString(), u"Wall clock"_s);
}

void tst_Timeline::clientColumn()
{
    // Two clients of a server interleaved in one store, and a third whose handshake is not known: "#id"
    // as the server tab's client list writes it, the peer in the tooltip once the store has it.
    FrameStore store;
    store.append({ handshakeFrom(7, 1000, u"127.0.0.1"_s, 50001), handshakeFrom(12, 2000, u"::1"_s, 50002),
        textFrame(7, 3000, 0, "seven"), textFrame(12, 4000, 0, "twelve"), textFrame(31, 5000, 0, "unknown"),
        textFrame(7, 6000, 1, "seven again") });
    TimelineModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.publishNow();
    QCOMPARE(columnTexts(model, TimelineModel::ConnectionColumn),
        (QStringList { u"#7"_s, u"#12"_s, u"#7"_s, u"#12"_s, u"#31"_s, u"#7"_s }));
    QCOMPARE(rowTexts(model, model.index(3, 0)),
        (QStringList {
            u"4"_s, u"#12"_s, u"0.000002"_s, u"\u2193 in"_s, u"text"_s, u"FIN"_s, u"6"_s, u"twelve"_s }));
    const auto tip
        = [&](int row) { return model.index(row, TimelineModel::ConnectionColumn).data(Qt::ToolTipRole); };
    QCOMPARE(tip(0).toString(), u"Client #7 at 127.0.0.1:50001"_s);
    QCOMPARE(tip(5).toString(), u"Client #7 at 127.0.0.1:50001"_s);
    QCOMPARE(tip(1).toString(), u"Client #12 at [::1]:50002"_s); // IPv6: the port cannot be misread
    QVERIFY(!tip(4).isValid());
    // Its handshake arrives later (the tooltip was not cached while unknown).
    store.append({ handshakeFrom(31, 7000, u"10.0.0.5"_s, 443) });
    model.publishNow();
    QCOMPARE(tip(4).toString(), u"Client #31 at 10.0.0.5:443"_s);
    QCOMPARE(model.index(6, TimelineModel::ConnectionColumn).data().toString(), u"#31"_s);

    // Message mode rows say the same.
    model.setMode(TimelineModel::Mode::Messages);
    QCOMPARE(columnTexts(model, TimelineModel::ConnectionColumn),
        (QStringList { u"#7"_s, u"#12"_s, u"#7"_s, u"#12"_s, u"#31"_s, u"#7"_s, u"#31"_s }));
    QCOMPARE(model.headerData(TimelineModel::ConnectionColumn, Qt::Horizontal).toString(), u"Client"_s);
}

void tst_Timeline::deltaPerConnection()
{
    // Two connections interleaved: the delta of a row is the time since the previous entry of its own
    // connection (the first entry of each: +0). Then a quiet connection among 300 rows of the other
    // (further back than the store scans: the store noted it when it was appended).
    FrameStore store;
    EventBatch batch { textFrame(1, 1000000, 0, "a0"), textFrame(2, 2000000, 0, "b0"),
        textFrame(1, 5000000, 1, "a1"), textFrame(2, 10000000, 1, "b1"), textFrame(2, 10500000, 2, "b2"),
        textFrame(1, 11000000, 2, "a2") };
    store.append(batch);
    TimelineModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setTimeMode(TimelineModel::TimeMode::Delta);
    model.publishNow();
    QCOMPARE(model.headerData(TimelineModel::TimeColumn, Qt::Horizontal).toString(), u"Delta (s)"_s);
    QCOMPARE(columnTexts(model, TimelineModel::TimeColumn),
        (QStringList { u"+0.000000"_s, u"+0.000000"_s, u"+0.004000"_s, u"+0.008000"_s, u"+0.000500"_s,
            u"+0.006000"_s }));
    QCOMPARE(store.previousConnectionEntry(0), qint64(-1));
    QCOMPARE(store.previousConnectionEntry(5), qint64(2));

    batch.clear();
    for (int i = 0; i < 300; ++i)
        batch.append(textFrame(2, 20000000 + qint64(i) * 1000, 3 + i, "b"));
    batch.append(textFrame(1, 1011000000, 3, "a3")); // entry 306: 1 s after entry 5
    batch.append(textFrame(2, 1011000250, 303, "b")); // entry 307
    batch.append(textFrame(3, 1011000500, 0, "c0")); // entry 308: a new connection far into the store
    store.append(batch);
    model.publishNow();
    QCOMPARE(model.rowCount(), 309);
    QCOMPARE(store.previousConnectionEntry(306), qint64(5));
    QCOMPARE(store.previousConnectionEntry(308), qint64(-1));
    const QStringList times = columnTexts(model, TimelineModel::TimeColumn);
    QCOMPARE(times.at(6), u"+0.009500"_s); // 20 ms, after 10.5 ms (entry 4)
    QCOMPARE(times.at(7), u"+0.000001"_s);
    QCOMPARE(times.at(306), u"+1.000000"_s); // 301 entries after entry 5
    QCOMPARE(times.at(307), u"+0.990701"_s); // 1011.00025 ms, after 20.299 ms (entry 305)
    QCOMPARE(times.at(308), u"+0.000000"_s); // its first entry, 308 entries into the store

    // Message mode: a message row measures from its final frame.
    WireScript s(4);
    s.in(FrameWriter::frame(Endpoint::Server, 0x1, "one ", false));
    s.in(FrameWriter::frame(Endpoint::Server, 0x0, "two", true));
    store.append(s.take());
    model.setMode(TimelineModel::Mode::Messages);
    QCOMPARE(model.index(model.rowCount() - 1, TimelineModel::TimeColumn).data().toString(), u"+0.001000"_s);
    QCOMPARE(model.index(model.rowCount() - 1, TimelineModel::ConnectionColumn).data().toString(), u"#4"_s);

    // Cleared: nothing of the old connections is left to measure from.
    store.clear();
    store.append({ textFrame(2, 5000, 0, "b"), textFrame(1, 8000, 0, "a") });
    model.reset();
    model.publishNow();
    QCOMPARE(columnTexts(model, TimelineModel::TimeColumn), (QStringList { u"+0.000000"_s, u"+0.000000"_s }));
}

void tst_Timeline::clientColumnInTheWidget()
{
    FrameStore store;
    store.append(knownSequence(1));
    store.append(knownSequence(2));
    TimelineWidget widget(&store);
    QAbstractItemModelTester tester(
        widget.viewModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    widget.timelineModel()->publishNow();
    const auto hidden = [](const TimelineWidget &w, int column) { return w.view()->isColumnHidden(column); };
    const auto width
        = [](const TimelineWidget &w, int column) { return w.view()->header()->sectionSize(column); };
    constexpr int Client = TimelineModel::ConnectionColumn;
    constexpr int Time = TimelineModel::TimeColumn;

    // Hidden by default (a client tab: one connection), whatever the connection filter.
    QVERIFY(!widget.isConnectionColumnVisible());
    QVERIFY(hidden(widget, Client));
    widget.setConnectionFilter(2);
    QVERIFY(hidden(widget, Client));
    widget.setConnectionFilter(0);
    QVERIFY(hidden(widget, Client));
    // Shown when the owner asks (a server tab), right after No., also while one connection is filtered.
    widget.setConnectionColumnVisible(true);
    QVERIFY(widget.isConnectionColumnVisible());
    QVERIFY(!hidden(widget, Client));
    QCOMPARE(widget.view()->header()->visualIndex(Client), 1);
    QVERIFY(width(widget, Client) > 0);
    QCOMPARE(widget.viewModel()->index(12, Client).data().toString(), u"#1"_s);
    QCOMPARE(widget.viewModel()->index(13, Client).data().toString(), u"#2"_s);
    widget.setConnectionFilter(2);
    QTRY_COMPARE(widget.viewModel()->rowCount(), 13);
    QVERIFY(!hidden(widget, Client));
    QCOMPARE(widget.viewModel()->index(0, Client).data().toString(), u"#2"_s);

    // The state keeps the widths; the column shows as each owner set it, not as the state says.
    widget.view()->header()->resizeSection(Time, 222);
    widget.view()->header()->resizeSection(Client, 77);
    widget.setMessageMode(true);
    const QByteArray state = widget.saveState();
    TimelineWidget clientTab(&store);
    QVERIFY(clientTab.restoreState(state));
    QVERIFY(hidden(clientTab, Client));
    QVERIFY(!hidden(clientTab, Time));
    QCOMPARE(width(clientTab, Time), 222);
    QVERIFY(clientTab.isMessageMode());
    TimelineWidget serverTab(&store);
    serverTab.setConnectionColumnVisible(true);
    QVERIFY(serverTab.restoreState(state));
    QVERIFY(!hidden(serverTab, Client));
    QCOMPARE(width(serverTab, Client), 77);
    QCOMPARE(width(serverTab, Time), 222);
    // A state saved with the column hidden, restored where it is shown.
    TimelineWidget otherServerTab(&store);
    otherServerTab.setConnectionColumnVisible(true);
    QVERIFY(otherServerTab.restoreState(clientTab.saveState()));
    QVERIFY(!hidden(otherServerTab, Client));
    QVERIFY(width(otherServerTab, Client) > 0);

    // A version 1 state, from before the Client column moved: eight sections with the hidden "Connection"
    // column third, where Time is now. Its layout would hide Time and give its width to the wrong column,
    // so the default layout stays; the modes and the filter toggles still come back.
    QStandardItemModel oldColumns(0, TimelineModel::ColumnCount);
    QTreeView oldView;
    oldView.setModel(&oldColumns);
    oldView.header()->resizeSection(1, 222); // Time in version 1
    oldView.setColumnHidden(2, true); // Connection in version 1
    QByteArray old;
    {
        QDataStream out(&old, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << quint32(0x544c4e31) << quint8(1) << oldView.header()->saveState() << quint8(1) << quint8(2)
            << true << false << quint8(TimelineFilter::AllClasses) << false << false << false << true;
    }
    TimelineWidget fromOld(&store);
    fromOld.setConnectionColumnVisible(true);
    QStringList defaultWidths;
    for (int column = 0; column < TimelineModel::ColumnCount; ++column)
        defaultWidths << QString::number(width(fromOld, column));
    QVERIFY(fromOld.restoreState(old));
    QStringList widths;
    for (int column = 0; column < TimelineModel::ColumnCount; ++column)
        widths << QString::number(width(fromOld, column));
    QCOMPARE(widths, defaultWidths);
    QVERIFY(!hidden(fromOld, Time));
    QVERIFY(!hidden(fromOld, Client));
    QVERIFY(fromOld.isMessageMode());
    QCOMPARE(fromOld.timelineModel()->timeMode(), TimelineModel::TimeMode::Delta);
    QVERIFY(!fromOld.filter().outgoing);

    // A version this build does not know: refused, nothing changed.
    QByteArray newer = state;
    QCOMPARE(quint8(newer.at(4)), quint8(2));
    newer[4] = 3;
    TimelineWidget fromNewer(&store);
    QVERIFY(!fromNewer.restoreState(newer));
    QVERIFY(!fromNewer.isMessageMode());
}

void tst_Timeline::filters_data()
{
    QTest::addColumn<TimelineFilter>("filter");
    QTest::addColumn<bool>("messages");
    QTest::addColumn<QList<qint64>>("entries");

    TimelineFilter incoming;
    incoming.outgoing = false;
    QTest::newRow("incoming") << incoming << false << QList<qint64> { 0, 1, 2, 4, 5, 6, 7, 8, 9, 11, 12 };
    TimelineFilter outgoing;
    outgoing.incoming = false;
    outgoing.classes = TimelineFilter::DataClass | TimelineFilter::ControlClass | TimelineFilter::CloseClass;
    QTest::newRow("outgoing frames") << outgoing << false << QList<qint64> { 3, 10 };
    TimelineFilter data;
    data.classes = TimelineFilter::DataClass;
    QTest::newRow("data") << data << false << QList<qint64> { 3, 4, 6, 7, 8 };
    QTest::newRow("data messages") << data << true << QList<qint64> { 3, 6, 7, 8 };
    TimelineFilter control;
    control.classes = TimelineFilter::ControlClass;
    QTest::newRow("control") << control << false << QList<qint64> { 5 };
    TimelineFilter close;
    close.classes = TimelineFilter::CloseClass;
    QTest::newRow("close") << close << false << QList<qint64> { 10, 11 };
    TimelineFilter notices;
    notices.classes = TimelineFilter::NoticeClass;
    QTest::newRow("notices") << notices << false << QList<qint64> { 0, 1, 2, 9, 12 };
    TimelineFilter violations;
    violations.onlyViolations = true;
    QTest::newRow("violations") << violations << false << QList<qint64> { 8, 9 };
    TimelineFilter text;
    text.search = u"BYE"_s;
    QTest::newRow("text, any case") << text << false << QList<qint64> { 10, 11, 12 };
    text.caseSensitive = true;
    QTest::newRow("text, case") << text << false << QList<qint64> {};
    TimelineFilter regex;
    regex.search = u"^hel"_s;
    regex.regularExpression = true;
    QTest::newRow("regex frames") << regex << false << QList<qint64> { 3, 4 };
    QTest::newRow("regex messages") << regex << true << QList<qint64> { 3, 6 };
    TimelineFilter bytes;
    bytes.search = u"Switching"_s;
    bytes.classes = TimelineFilter::NoticeClass | TimelineFilter::DataClass;
    QTest::newRow("notice text") << bytes << false << QList<qint64> { 1 };
    TimelineFilter marked;
    marked.search = u"lo"_s;
    marked.onlyMatching = false;
    marked.incoming = false;
    QTest::newRow("search marks only") << marked << false << QList<qint64> { 0, 1, 2, 3, 9, 10, 12 };
}

void tst_Timeline::filters()
{
    QFETCH(TimelineFilter, filter);
    QFETCH(bool, messages);
    QFETCH(QList<qint64>, entries);
    FrameStore store;
    store.append(knownSequence());
    TimelineModel model(&store);
    if (messages)
        model.setMode(TimelineModel::Mode::Messages);
    model.publishNow();
    TimelineProxyModel proxy(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(proxy.setFilter(filter));
    QTRY_VERIFY(!proxy.isFiltering());
    QCOMPARE(entriesOf(proxy), entries);
    if (filter.hasSearch() && !filter.onlyMatching) {
        QCOMPARE(proxy.matchCount(), 2); // "hello" (3) and "Closed: ..." (12); the incoming ones are hidden
    } else if (filter.hasSearch()) {
        QCOMPARE(proxy.matchCount(), qint64(entries.size()));
    }
}

void tst_Timeline::filterExtendsIncrementally()
{
    FrameStore store;
    TimelineModel model(&store);
    TimelineProxyModel proxy(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    TimelineFilter filter;
    filter.search = u"7$"_s;
    filter.regularExpression = true;
    QVERIFY(proxy.setFilter(filter));
    QVERIFY(!proxy.isFiltering()); // nothing published: nothing to compute
    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    for (int round = 0; round < 3; ++round) {
        EventBatch batch;
        appendTextMessages(batch, round * 100, 100, [](qint64 n) { return QByteArray::number(n); });
        store.append(batch);
        model.publishNow();
    }
    QCOMPARE(inserted.size(), 3); // one per publication
    QList<qint64> expected;
    for (qint64 n = 0; n < 300; ++n) {
        if (n % 10 == 7)
            expected << n;
    }
    QCOMPARE(entriesOf(proxy), expected);
    QCOMPARE(proxy.matchCount(), 30);
}

void tst_Timeline::filterInTheBackground()
{
    // 300 000 rows; a new filter runs in a worker while more rows keep arriving; the result is exactly
    // what filtering everything at the end gives.
    FrameStore store;
    TimelineModel model(&store);
    model.setPublishing(false);
    TimelineProxyModel proxy(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto payload = [](qint64 n) {
        QByteArray text("item ");
        text.append(QByteArray::number(n)).append(" of the stream");
        return text;
    };
    for (int i = 0; i < 300; ++i) {
        EventBatch batch;
        appendTextMessages(batch, qint64(i) * 1000, 1000, payload);
        store.append(batch);
    }
    model.setPublishing(true);
    QCOMPARE(proxy.rowCount(), 300000);

    TimelineFilter filter;
    filter.search = u"item \\d*99 of"_s;
    filter.regularExpression = true;
    filter.outgoing = false;
    QSignalSpy filtering(&proxy, &TimelineProxyModel::filteringChanged);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(proxy.setFilter(filter));
    QVERIFY(timer.elapsed() < 100); // handed to the worker
    QVERIFY(proxy.isFiltering());
    QCOMPARE(proxy.rowCount(), 300000); // the old rows stay until the new ones are ready
    for (int i = 0; i < 20; ++i) {
        EventBatch batch;
        appendTextMessages(batch, 300000 + qint64(i) * 100, 100, payload);
        store.append(batch);
        model.publishNow();
        QTest::qWait(5);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!proxy.isFiltering(), 20000);
    QCOMPARE(filtering.size(), 2);
    QList<qint64> expected;
    for (qint64 n = 0; n < 302000; ++n) {
        if (n % 2 == 1 && n % 100 == 99)
            expected << n;
    }
    QCOMPARE(entriesOf(proxy), expected);

    // Back to everything: at once, no worker.
    QVERIFY(proxy.setFilter(TimelineFilter()));
    QVERIFY(!proxy.isFiltering());
    QCOMPARE(proxy.rowCount(), 302000);

    // Message mode: a fragmented message started before a new filter completes while the worker runs;
    // its first fragment (a row when the worker began) folds under the message row.
    model.setMode(TimelineModel::Mode::Messages);
    WireScript fragments(1);
    fragments.in(FrameWriter::frame(Endpoint::Server, 0x1, "frag-a ", false));
    store.append(fragments.take());
    model.publishNow();
    const qint64 firstFragment = store.entryCount() - 1;
    QCOMPARE(proxy.rowOfEntry(firstFragment), 302000);
    TimelineFilter both;
    both.search = u"frag|item \\d*999 of"_s;
    both.regularExpression = true;
    QVERIFY(proxy.setFilter(both));
    QVERIFY(proxy.isFiltering());
    fragments.in(FrameWriter::frame(Endpoint::Server, 0x0, "frag-b", true));
    store.append(fragments.take());
    model.publishNow();
    QTRY_VERIFY_WITH_TIMEOUT(!proxy.isFiltering(), 20000);
    expected.clear();
    for (qint64 n = 0; n < 302000; ++n) {
        if (n % 1000 == 999)
            expected << n;
    }
    expected << firstFragment + 1; // the message row, at its final frame
    QCOMPARE(entriesOf(proxy), expected);
    QCOMPARE(proxy.index(int(expected.size()) - 1, TimelineModel::PreviewColumn).data().toString(),
        u"frag-a frag-b"_s);
    QCOMPARE(entriesOf(proxy, proxy.index(int(expected.size()) - 1, 0)),
        (QList<qint64> { firstFragment, firstFragment + 1 }));
}

void tst_Timeline::invalidRegularExpression()
{
    FrameStore store;
    store.append(knownSequence());
    TimelineWidget widget(&store);
    widget.timelineModel()->publishNow();
    QAbstractItemModelTester tester(
        widget.viewModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    TimelineFilter filter;
    filter.search = u"bye"_s;
    widget.setFilter(filter);
    QTRY_COMPARE(widget.viewModel()->rowCount(), 3);
    filter.search = u"(unclosed"_s;
    filter.regularExpression = true;
    widget.setFilter(filter);
    QCOMPARE(
        widget.filterError(), u"Invalid regular expression at character 10: missing closing parenthesis"_s);
    QCOMPARE(widget.viewModel()->rowCount(), 3); // the previous filter stays
    filter.search = u"(closed)"_s;
    widget.setFilter(filter);
    QVERIFY(widget.filterError().isEmpty());
    QTRY_COMPARE(entriesOf(*widget.viewModel()), (QList<qint64> { 12 }));
}

void tst_Timeline::followTailAndPause()
{
    FrameStore store;
    TimelineWidget widget(&store);
    QAbstractItemModelTester tester(
        widget.viewModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    widget.resize(900, 400);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QScrollBar *bar = widget.view()->verticalScrollBar();
    auto feed = [&](int count) {
        static qint64 next = 0;
        EventBatch batch;
        appendTextMessages(batch, next, count, [](qint64 n) { return QByteArray::number(n); });
        next += count;
        store.append(batch);
        widget.timelineModel()->publishNow();
        QCoreApplication::sendPostedEvents();
    };
    feed(500);
    QVERIFY(widget.isFollowingTail());
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    feed(100);
    QCOMPARE(bar->value(), bar->maximum());

    // Scrolling up (as the wheel or the scroll bar does) stops following; new rows do not move the view.
    bar->triggerAction(QAbstractSlider::SliderPageStepSub);
    QVERIFY(!widget.isFollowingTail());
    const int held = bar->value();
    feed(100);
    QCOMPARE(bar->value(), held);
    QVERIFY(bar->value() < bar->maximum());

    // Live: back to the tail, following again.
    widget.setFollowingTail(true);
    QCOMPARE(bar->value(), bar->maximum());
    feed(100);
    QCOMPARE(bar->value(), bar->maximum());
    // Scrolling back to the bottom by hand follows too.
    bar->triggerAction(QAbstractSlider::SliderToMinimum);
    QVERIFY(!widget.isFollowingTail());
    bar->triggerAction(QAbstractSlider::SliderToMaximum);
    QVERIFY(widget.isFollowingTail());
    feed(100);
    QCOMPARE(bar->value(), bar->maximum());

    // Selecting a row stops following, also one near the end (the view scrolls to it).
    QSignalSpy current(&widget, &TimelineWidget::currentChanged);
    widget.view()->setCurrentIndex(widget.viewModel()->index(widget.viewModel()->rowCount() - 2, 0));
    QVERIFY(!widget.isFollowingTail());
    feed(100);
    QVERIFY(!widget.isFollowingTail());
    QVERIFY(bar->value() < bar->maximum());
    widget.view()->setCurrentIndex(widget.viewModel()->index(10, 0));
    QCOMPARE(current.size(), 2);
    QCOMPARE(current.constLast().at(0).value<EntryDetails>().id, qint64(10));
    widget.setFollowingTail(true);
    QVERIFY(widget.isFollowingTail());

    // Pause freezes the rows while the store grows; resuming shows everything at once.
    const int rows = widget.viewModel()->rowCount();
    widget.setPaused(true);
    QVERIFY(widget.isPaused());
    feed(300);
    QCOMPARE(widget.viewModel()->rowCount(), rows);
    QCOMPARE(store.entryCount(), qint64(rows + 300));
    widget.setPaused(false);
    QCOMPARE(widget.viewModel()->rowCount(), rows + 300);
    QCOMPARE(bar->value(), bar->maximum());
}

void tst_Timeline::findNextAndPrevious()
{
    FrameStore store;
    store.append(knownSequence());
    TimelineWidget widget(&store);
    widget.timelineModel()->publishNow();
    QAbstractItemModelTester tester(
        widget.viewModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    TimelineFilter filter;
    filter.search = u"l"_s; // hello, Hel, lo!, Closed ... (notices too)
    filter.onlyMatching = false;
    filter.classes = TimelineFilter::DataClass;
    widget.setFilter(filter);
    QTRY_VERIFY(!widget.proxyModel()->isFiltering());
    QCOMPARE(entriesOf(*widget.viewModel()), (QList<qint64> { 3, 4, 6, 7, 8 }));
    QCOMPARE(widget.proxyModel()->matchCount(), 3);
    // Matching rows are marked.
    QVERIFY(widget.viewModel()->index(1, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(!widget.viewModel()->index(3, 0).data(Qt::BackgroundRole).isValid());

    auto currentEntry
        = [&] { return widget.view()->currentIndex().data(TimelineModel::EntryRole).toLongLong(); };
    QVERIFY(widget.findNext());
    QCOMPARE(currentEntry(), qint64(3));
    QVERIFY(!widget.isFollowingTail());
    QVERIFY(widget.findNext());
    QCOMPARE(currentEntry(), qint64(4));
    QVERIFY(widget.findNext());
    QCOMPARE(currentEntry(), qint64(6));
    QVERIFY(widget.findNext()); // wraps around
    QCOMPARE(currentEntry(), qint64(3));
    QVERIFY(widget.findPrevious());
    QCOMPARE(currentEntry(), qint64(6));
    QCOMPARE(widget.currentDetails().payload, QByteArray("lo!"));

    filter.search = u"nothing like this"_s;
    widget.setFilter(filter);
    QTRY_VERIFY(!widget.proxyModel()->isFiltering());
    QVERIFY(!widget.findNext());
}

void tst_Timeline::currentDetailsAndState()
{
    FrameStore store;
    store.append(knownSequence());
    TimelineWidget widget(&store);
    widget.timelineModel()->publishNow();
    QCOMPARE(widget.currentDetails().kind, EntryDetails::Kind::None);
    QVERIFY(!widget.isMessageMode());
    widget.setMessageMode(true);
    QVERIFY(widget.isMessageMode());
    QCOMPARE(widget.viewModel()->rowCount(), 12);
    widget.view()->setCurrentIndex(widget.viewModel()->index(5, 0));
    EntryDetails details = widget.currentDetails();
    QCOMPARE(details.kind, EntryDetails::Kind::Message);
    QCOMPARE(details.payload, QByteArray("Hello!"));
    widget.view()->setCurrentIndex(widget.viewModel()->index(0, 0));
    QCOMPARE(widget.currentDetails().kind, EntryDetails::Kind::Notice);

    widget.timelineModel()->setTimeMode(TimelineModel::TimeMode::Delta);
    TimelineFilter filter;
    filter.outgoing = false;
    filter.regularExpression = true;
    filter.onlyMatching = false;
    widget.setFilter(filter);
    widget.view()->header()->resizeSection(TimelineModel::PreviewColumn, 333);
    const QByteArray state = widget.saveState();

    TimelineWidget other(&store);
    QVERIFY(other.restoreState(state));
    QVERIFY(other.isMessageMode());
    QCOMPARE(other.timelineModel()->timeMode(), TimelineModel::TimeMode::Delta);
    QVERIFY(!other.filter().outgoing);
    QVERIFY(other.filter().regularExpression);
    QVERIFY(!other.filter().onlyMatching);
    QVERIFY(!other.restoreState("garbage"));
}

void tst_Timeline::connectionFilterAndReset()
{
    FrameStore store;
    store.append(knownSequence(1));
    store.append(knownSequence(2));
    TimelineWidget widget(&store);
    QAbstractItemModelTester tester(
        widget.viewModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    widget.timelineModel()->publishNow();
    QCOMPARE(widget.viewModel()->rowCount(), 26);
    widget.setConnectionFilter(2);
    QTRY_COMPARE(widget.viewModel()->rowCount(), 13);
    QCOMPARE(widget.viewModel()->index(0, 0).data(TimelineModel::EntryRole).toLongLong(), qint64(13));
    widget.setConnectionFilter(0);
    QCOMPARE(widget.viewModel()->rowCount(), 26);

    store.clear();
    widget.reset();
    QCOMPARE(widget.viewModel()->rowCount(), 0);
    store.append(knownSequence(3));
    widget.timelineModel()->publishNow();
    QCOMPARE(widget.viewModel()->rowCount(), 13);
    QCOMPARE(widget.viewModel()->index(12, TimelineModel::PreviewColumn).data().toString(),
        u"Closed: 1000 Normal Closure, reason \u201cbye\u201d (closing handshake completed)"_s);

    // Cleared underneath while paused, without reset(): nothing stale is read, and the next publication
    // starts over.
    widget.setMessageMode(true);
    widget.setPaused(true);
    store.clear();
    QCOMPARE(widget.viewModel()->index(5, TimelineModel::PreviewColumn).data(), QVariant());
    QCOMPARE(widget.viewModel()->rowCount(widget.viewModel()->index(5, 0)), 0);
    widget.timelineModel()->publishNow();
    QCOMPARE(widget.viewModel()->rowCount(), 0);
    store.append(knownSequence(4));
    widget.setPaused(false);
    QCOMPARE(widget.viewModel()->rowCount(), 12);
}

// Which actions a row offers, in frame and message mode, for every kind of row of the known sequence.
void tst_Timeline::contextMenuActions_data()
{
    QTest::addColumn<bool>("messages");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("child"); // -1: the top-level row
    QTest::addColumn<QStringList>("actions");

    // Frame mode: a row per entry.
    QTest::newRow("frames: notice") << false << 1 << -1 << QStringList { u"no menu"_s };
    QTest::newRow("frames: violation notice") << false << 9 << -1 << QStringList { u"no menu"_s };
    QTest::newRow("frames: whole text frame of a message") << false << 3 << -1 << AllComposeActions;
    QTest::newRow("frames: first fragment of a complete message") << false << 4 << -1 << AllComposeActions;
    QTest::newRow("frames: last fragment") << false << 6 << -1 << AllComposeActions;
    QTest::newRow("frames: ping between fragments") << false << 5 << -1 << FrameActions;
    QTest::newRow("frames: binary") << false << 7 << -1 << AllComposeActions;
    QTest::newRow("frames: close") << false << 11 << -1 << FrameActions;

    // Message mode: rows 0 1 2 notices, 3 message 0, 4 the ping, 5 message 1 (frames 4 and 6), 6 message 2,
    // 7 message 3, 8 notice, 9 and 10 close frames, 11 notice.
    QTest::newRow("messages: notice") << true << 0 << -1 << QStringList { u"no menu"_s };
    QTest::newRow("messages: one-frame message") << true << 3 << -1 << AllComposeActions;
    QTest::newRow("messages: ping") << true << 4 << -1 << FrameActions;
    QTest::newRow("messages: fragmented message") << true << 5 << -1 << MessageActions;
    QTest::newRow("messages: its first fragment") << true << 5 << 0 << AllComposeActions;
    QTest::newRow("messages: its last fragment") << true << 5 << 1 << AllComposeActions;
    QTest::newRow("messages: binary message") << true << 6 << -1 << AllComposeActions;
    QTest::newRow("messages: close") << true << 9 << -1 << FrameActions;
    QTest::newRow("messages: closed notice") << true << 11 << -1 << QStringList { u"no menu"_s };
}

void tst_Timeline::contextMenuActions()
{
    QFETCH(bool, messages);
    QFETCH(int, row);
    QFETCH(int, child);
    QFETCH(QStringList, actions);
    FrameStore store;
    store.append(knownSequence());
    TimelineWidget widget(&store);
    QAbstractItemModelTester tester(
        widget.viewModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    widget.setResendEnabled(true);
    widget.setMessageMode(messages);
    widget.timelineModel()->publishNow();
    QCOMPARE(widget.viewModel()->rowCount(), messages ? 12 : 13);
    const QModelIndex index = viewIndex(widget, row, child);
    QVERIFY(index.isValid());
    std::unique_ptr<QMenu> menu(widget.createContextMenu(index));
    QCOMPARE(menuActions(menu.get()), actions);
    if (!menu)
        return;
    // The words on the menu.
    const QHash<QString, QString> texts { { u"loadMessageAction"_s, u"Load Message into Composer"_s },
        { u"loadFrameAction"_s, u"Load Frame into Composer"_s },
        { u"resendMessageAction"_s, u"Resend Message"_s }, { u"resendFrameAction"_s, u"Resend Frame"_s },
        { u"copyPayloadTextAction"_s, u"Copy Payload as Text"_s },
        { u"copyPayloadHexAction"_s, u"Copy Payload as Hex"_s } };
    for (const QAction *action : menu->actions())
        if (!action->isSeparator())
            QCOMPARE(action->text(), texts.value(action->objectName()));
    QVERIFY(!widget.createContextMenu(QModelIndex()));
}

void tst_Timeline::contextMenuResendFollowsTheTab()
{
    FrameStore store;
    store.append(knownSequence());
    TimelineWidget widget(&store);
    widget.timelineModel()->publishNow();
    // Off until the tab says it can send: only "Resend" is disabled, with the reason.
    QVERIFY(!widget.isResendEnabled());
    std::unique_ptr<QMenu> menu(widget.createContextMenu(viewIndex(widget, 4)));
    QCOMPARE(menuActions(menu.get()),
        (QStringList { u"loadMessageAction"_s, u"loadFrameAction"_s, u"resendMessageAction (disabled)"_s,
            u"resendFrameAction (disabled)"_s, u"|"_s, u"copyPayloadTextAction"_s,
            u"copyPayloadHexAction"_s }));
    QCOMPARE(menuAction(menu.get(), u"resendFrameAction"_s)->toolTip(),
        u"Nothing to send it to: the connection is not open"_s);
    QVERIFY(menu->toolTipsVisible());
    widget.setResendEnabled(true);
    QVERIFY(widget.isResendEnabled());
    menu.reset(widget.createContextMenu(viewIndex(widget, 4)));
    QCOMPARE(menuActions(menu.get()), AllComposeActions);
    widget.setResendEnabled(false);
    menu.reset(widget.createContextMenu(viewIndex(widget, 5)));
    QCOMPARE(menuActions(menu.get()),
        (QStringList { u"loadFrameAction"_s, u"resendFrameAction (disabled)"_s, u"|"_s,
            u"copyPayloadTextAction"_s, u"copyPayloadHexAction"_s }));
}

// Triggering an action emits composeRequested with the complete details of the frame or message it names.
void tst_Timeline::composeRequested_data()
{
    QTest::addColumn<bool>("messages");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("child");
    QTest::addColumn<QString>("action");
    QTest::addColumn<TimelineWidget::ComposeAction>("composeAction");
    QTest::addColumn<EntryDetails::Kind>("kind");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("opcode");
    QTest::addColumn<bool>("fin"); // a message's header fields are those of its first frame

    using A = TimelineWidget::ComposeAction;
    const auto message = EntryDetails::Kind::Message;
    const auto frame = EntryDetails::Kind::Frame;
    QTest::newRow("frames: fragment, load message")
        << false << 4 << -1 << u"loadMessageAction"_s << A::LoadMessage << message << qint64(1)
        << QByteArray("Hello!") << 1 << false;
    QTest::newRow("frames: fragment, load frame") << false << 4 << -1 << u"loadFrameAction"_s << A::LoadFrame
                                                  << frame << qint64(4) << QByteArray("Hel") << 1 << false;
    QTest::newRow("frames: last fragment, resend message")
        << false << 6 << -1 << u"resendMessageAction"_s << A::ResendMessage << message << qint64(1)
        << QByteArray("Hello!") << 1 << false;
    QTest::newRow("frames: last fragment, resend frame")
        << false << 6 << -1 << u"resendFrameAction"_s << A::ResendFrame << frame << qint64(6)
        << QByteArray("lo!") << 0 << true;
    QTest::newRow("frames: ping, resend frame")
        << false << 5 << -1 << u"resendFrameAction"_s << A::ResendFrame << frame << qint64(5)
        << QByteArray("p") << 9 << true;
    QTest::newRow("frames: close, load frame")
        << false << 10 << -1 << u"loadFrameAction"_s << A::LoadFrame << frame << qint64(10)
        << (QByteArray::fromHex("03e8") + "bye") << 8 << true;
    QTest::newRow("frames: binary, load message")
        << false << 7 << -1 << u"loadMessageAction"_s << A::LoadMessage << message << qint64(2)
        << QByteArray::fromHex("0102ff") << 2 << true;
    QTest::newRow("messages: one-frame message, load frame")
        << true << 3 << -1 << u"loadFrameAction"_s << A::LoadFrame << frame << qint64(3)
        << QByteArray("hello") << 1 << true;
    QTest::newRow("messages: one-frame message, resend message")
        << true << 3 << -1 << u"resendMessageAction"_s << A::ResendMessage << message << qint64(0)
        << QByteArray("hello") << 1 << true;
    QTest::newRow("messages: RSV2 message, resend frame")
        << true << 7 << -1 << u"resendFrameAction"_s << A::ResendFrame << frame << qint64(8)
        << QByteArray("odd") << 1 << true;
    QTest::newRow("messages: fragmented message, load message")
        << true << 5 << -1 << u"loadMessageAction"_s << A::LoadMessage << message << qint64(1)
        << QByteArray("Hello!") << 1 << false;
    QTest::newRow("messages: first fragment, load frame")
        << true << 5 << 0 << u"loadFrameAction"_s << A::LoadFrame << frame << qint64(4) << QByteArray("Hel")
        << 1 << false;
    QTest::newRow("messages: last fragment, load message")
        << true << 5 << 1 << u"loadMessageAction"_s << A::LoadMessage << message << qint64(1)
        << QByteArray("Hello!") << 1 << false;
}

void tst_Timeline::composeRequested()
{
    QFETCH(bool, messages);
    QFETCH(int, row);
    QFETCH(int, child);
    QFETCH(QString, action);
    QFETCH(TimelineWidget::ComposeAction, composeAction);
    QFETCH(EntryDetails::Kind, kind);
    QFETCH(qint64, id);
    QFETCH(QByteArray, payload);
    QFETCH(int, opcode);
    QFETCH(bool, fin);

    FrameStore store;
    store.append(knownSequence());
    TimelineWidget widget(&store);
    widget.setResendEnabled(true);
    widget.setMessageMode(messages);
    widget.timelineModel()->publishNow();
    QSignalSpy spy(&widget, &TimelineWidget::composeRequested);
    std::unique_ptr<QMenu> menu(widget.createContextMenu(viewIndex(widget, row, child)));
    QVERIFY(menu);
    QAction *item = menuAction(menu.get(), action);
    QVERIFY(item);
    QVERIFY(item->isEnabled());
    item->trigger();
    QCOMPARE(spy.count(), 1);
    const auto details = spy.at(0).at(0).value<EntryDetails>();
    QCOMPARE(spy.at(0).at(1).value<TimelineWidget::ComposeAction>(), composeAction);
    QCOMPARE(details.kind, kind);
    QCOMPARE(details.id, id);
    QCOMPARE(details.payload, payload);
    QCOMPARE(int(details.frame.opcode), opcode);
    QCOMPARE(details.frame.fin, fin);
    // Exactly what the store says about it (masking key, header bytes and all).
    const EntryDetails expected
        = kind == EntryDetails::Kind::Message ? store.messageDetails(id) : store.frameDetails(id);
    QCOMPARE(details.frame.rawHeader(), expected.frame.rawHeader());
    QCOMPARE(details.frame.masked, expected.frame.masked);
    QCOMPARE(details.frameIds, expected.frameIds);
    QCOMPARE(details.direction, expected.direction);
}

void tst_Timeline::contextMenuPayloadNotKept()
{
    // A binary frame over the frame limit: its payload was skipped, and its message is truncated.
    EventBatch batch;
    FrameEvent frame;
    frame.connectionId = 1;
    frame.timestampNs = 1000;
    frame.frame.fin = true;
    frame.frame.opcode = 0x2;
    frame.frame.messageOpcode = 0x2;
    frame.frame.lengthForm = LengthForm::Bits64;
    frame.frame.payloadLength = 20000000;
    frame.frame.payloadOmitted = true;
    MessageEvent message;
    message.connectionId = 1;
    message.timestampNs = 1000;
    message.message.opcode = 0x2;
    message.message.frameIndexes.append(0);
    message.message.wireLength = 20000000;
    message.message.payloadTruncated = true;
    batch.append(frame);
    batch.append(message);
    FrameStore store;
    store.append(batch);
    TimelineWidget widget(&store);
    widget.setResendEnabled(true);
    widget.timelineModel()->publishNow();
    QCOMPARE(widget.viewModel()->rowCount(), 1);
    QCOMPARE(store.frameDetails(0).messageId, qint64(0));

    std::unique_ptr<QMenu> menu(widget.createContextMenu(viewIndex(widget, 0)));
    QCOMPARE(menuActions(menu.get()),
        (QStringList { u"loadMessageAction (disabled)"_s, u"loadFrameAction (disabled)"_s,
            u"resendMessageAction (disabled)"_s, u"resendFrameAction (disabled)"_s, u"|"_s,
            u"copyPayloadTextAction (disabled)"_s, u"copyPayloadHexAction (disabled)"_s }));
    const QString frameReason = u"The frame's payload was not kept (over the frame size limit)"_s;
    const QString messageReason = u"The message's payload was not kept in full (over the size limit)"_s;
    QCOMPARE(menuAction(menu.get(), u"loadFrameAction"_s)->toolTip(), frameReason);
    QCOMPARE(menuAction(menu.get(), u"resendFrameAction"_s)->statusTip(), frameReason);
    QCOMPARE(menuAction(menu.get(), u"loadMessageAction"_s)->toolTip(), messageReason);
    QCOMPARE(menuAction(menu.get(), u"resendMessageAction"_s)->toolTip(), messageReason);
    QCOMPARE(menuAction(menu.get(), u"copyPayloadHexAction"_s)->toolTip(), frameReason);

    widget.setMessageMode(true);
    menu.reset(widget.createContextMenu(viewIndex(widget, 0)));
    QCOMPARE(menuActions(menu.get()),
        (QStringList { u"loadMessageAction (disabled)"_s, u"loadFrameAction (disabled)"_s,
            u"resendMessageAction (disabled)"_s, u"resendFrameAction (disabled)"_s, u"|"_s,
            u"copyPayloadTextAction (disabled)"_s, u"copyPayloadHexAction (disabled)"_s }));
    QCOMPARE(menuAction(menu.get(), u"copyPayloadTextAction"_s)->toolTip(), messageReason);
}

void tst_Timeline::contextMenuCopiesPayload()
{
    FrameStore store;
    store.append(knownSequence());
    TimelineWidget widget(&store);
    widget.timelineModel()->publishNow();
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->clear();

    // A frame row copies its frame, a message row its whole message.
    std::unique_ptr<QMenu> menu(widget.createContextMenu(viewIndex(widget, 4)));
    menuAction(menu.get(), u"copyPayloadTextAction"_s)->trigger();
    QCOMPARE(clipboard->text(), u"Hel"_s);
    menuAction(menu.get(), u"copyPayloadHexAction"_s)->trigger();
    QCOMPARE(clipboard->text(), u"48 65 6c"_s);
    menu.reset(widget.createContextMenu(viewIndex(widget, 7)));
    menuAction(menu.get(), u"copyPayloadHexAction"_s)->trigger();
    QCOMPARE(clipboard->text(), u"01 02 ff"_s);
    widget.setMessageMode(true);
    menu.reset(widget.createContextMenu(viewIndex(widget, 5)));
    menuAction(menu.get(), u"copyPayloadTextAction"_s)->trigger();
    QCOMPARE(clipboard->text(), u"Hello!"_s);
    menuAction(menu.get(), u"copyPayloadHexAction"_s)->trigger();
    QCOMPARE(clipboard->text(), u"48 65 6c 6c 6f 21"_s);
}

void tst_Timeline::contextMenuFromMouseAndKeyboard()
{
    FrameStore store;
    store.append(knownSequence());
    TimelineWidget widget(&store);
    widget.setResendEnabled(true);
    widget.resize(760, 400); // within the offscreen screen, so that no menu is moved to fit
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.timelineModel()->publishNow();
    QTreeView *view = widget.view();
    QSignalSpy spy(&widget, &TimelineWidget::composeRequested);
    const auto popup = [] { return qobject_cast<QMenu *>(QApplication::activePopupWidget()); };
    const auto closePopup = [&popup] {
        if (QMenu *menu = popup())
            menu->close();
        QTRY_VERIFY(!popup());
    };

    // The menu key on the current row (the ping), wherever the mouse is.
    view->setFocus();
    view->setCurrentIndex(widget.viewModel()->index(5, 0));
    QContextMenuEvent key(QContextMenuEvent::Keyboard, QPoint(1, 1), view->mapToGlobal(QPoint(1, 1)));
    QApplication::sendEvent(view, &key);
    QTRY_VERIFY(popup());
    QCOMPARE(menuActions(popup()), FrameActions + PopupActions);
    // Under the current row.
    const QRect rowRect = view->visualRect(widget.viewModel()->index(5, 0));
    QCOMPARE(popup()->pos().y(), view->viewport()->mapToGlobal(rowRect.bottomLeft()).y());
    menuAction(popup(), u"resendFrameAction"_s)->trigger();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<EntryDetails>().id, qint64(5));
    closePopup();

    // Shift+F10 does the same, on the current row.
    view->setCurrentIndex(widget.viewModel()->index(7, 0));
    widget.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&widget));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(popup());
    QCOMPARE(menuActions(popup()), AllComposeActions + PopupActions);
    menuAction(popup(), u"loadMessageAction"_s)->trigger();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<EntryDetails>().payload, QByteArray::fromHex("0102ff"));
    QCOMPARE(
        spy.at(1).at(1).value<TimelineWidget::ComposeAction>(), TimelineWidget::ComposeAction::LoadMessage);
    closePopup();

    // A right click takes the row under the mouse, not the current one.
    const QRect closeRect = view->visualRect(widget.viewModel()->index(11, 0));
    QVERIFY(closeRect.isValid());
    QContextMenuEvent mouse(
        QContextMenuEvent::Mouse, closeRect.center(), view->viewport()->mapToGlobal(closeRect.center()));
    QApplication::sendEvent(view->viewport(), &mouse);
    QTRY_VERIFY(popup());
    QCOMPARE(menuActions(popup()), FrameActions + PopupActions);
    QCOMPARE(popup()->pos(), view->viewport()->mapToGlobal(closeRect.center()));
    menuAction(popup(), u"loadFrameAction"_s)->trigger();
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(0).value<EntryDetails>().id, qint64(11));
    closePopup();

    // On a notice, or below the last row: no menu.
    const QRect noticeRect = view->visualRect(widget.viewModel()->index(9, 0));
    QContextMenuEvent onNotice(
        QContextMenuEvent::Mouse, noticeRect.center(), view->viewport()->mapToGlobal(noticeRect.center()));
    QApplication::sendEvent(view->viewport(), &onNotice);
    const QPoint below(10, view->viewport()->height() - 2);
    QVERIFY(!view->indexAt(below).isValid());
    QContextMenuEvent empty(QContextMenuEvent::Mouse, below, view->viewport()->mapToGlobal(below));
    QApplication::sendEvent(view->viewport(), &empty);
    QTest::qWait(20);
    QVERIFY(!popup());
}

void tst_Timeline::screenshots()
{
    // A few hundred rows in light and dark palettes render with a search highlight, in both modes; the
    // pictures are written for a person to look at when FRAMELINE_SCREENSHOT_DIR names a folder.
    const QString dir = qEnvironmentVariable("FRAMELINE_SCREENSHOT_DIR");
    const auto keep = [&dir](const QPixmap &picture, const QString &name) {
        return !picture.isNull() && picture.size() == QSize(1100, 560)
            && (dir.isEmpty() || picture.save(dir + QLatin1Char('/') + name));
    };
    FrameStore store;
    for (int i = 0; i < 25; ++i)
        store.append(knownSequence(1));
    EventBatch batch;
    appendTextMessages(batch, 0, 40, [](qint64 n) {
        QByteArray json(R"({"type":"tick","seq":)");
        json.append(QByteArray::number(n)).append(R"(,"price":101.25})");
        return json;
    });
    store.append(batch);
    for (const bool dark : { false, true }) {
        TimelineWidget widget(&store);
        if (dark) {
            QPalette palette;
            palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
            palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
            palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
            palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
            palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
            palette.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
            palette.setColor(QPalette::HighlightedText, Qt::white);
            widget.setPalette(palette);
        }
        widget.resize(1100, 560);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.timelineModel()->publishNow();
        TimelineFilter filter;
        filter.search = u"bye"_s;
        filter.onlyMatching = false;
        widget.setFilter(filter);
        QTRY_VERIFY(!widget.proxyModel()->isFiltering());
        widget.setFollowingTail(true);
        widget.view()->setCurrentIndex(widget.viewModel()->index(widget.viewModel()->rowCount() - 60, 0));
        widget.view()->scrollTo(widget.viewModel()->index(widget.viewModel()->rowCount() - 50, 0),
            QAbstractItemView::PositionAtBottom);
        QTest::qWait(50);
        QVERIFY(keep(widget.grab(), dark ? u"timeline-dark.png"_s : u"timeline-light.png"_s));
        widget.setMessageMode(true);
        QTest::qWait(50);
        widget.view()->expandAll();
        widget.view()->scrollTo(widget.viewModel()->index(8, 0), QAbstractItemView::PositionAtTop);
        QVERIFY(keep(widget.grab(), dark ? u"timeline-dark-messages.png"_s : u"timeline-light-messages.png"_s));
    }
}

QTEST_MAIN(tst_Timeline)
#include "tst_timeline.moc"
