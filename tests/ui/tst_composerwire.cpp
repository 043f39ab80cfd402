// The composer end to end: typed into the real tabs of the real window, sent through the network thread,
// and checked on the other side of a TCP connection byte for byte, frame by frame, by hand-written peers
// (tests/common/rawserverpeer.h, rawclientpeer.h) that do not share the engine's encoder.

#include "app/compose/outgoingrequest.h"
#include "app/net/server.h"
#include "app/protocol/opcode.h"
#include "tests/common/rawclientpeer.h"
#include "tests/common/rawserverpeer.h"
#include "ui/composer/composereditor.h"
#include "ui/composer/composerwidget.h"
#include "ui/composer/framecraftpanel.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/workspace/clienttab.h"
#include "ui/workspace/serverclientsmodel.h"
#include "ui/workspace/servertab.h"
#include "ui/workspace/servertabsettings.h"
#include "ui/workspace/workspace.h"

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimeZone>
#include <QtTest/QtTest>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTreeView>


using namespace Frameline;
using namespace Frameline::Test;

namespace {

constexpr int Timeout = 10000;

QByteArray masked(const QByteArray &payload, const std::array<quint8, 4> &key)
{
    QByteArray bytes = payload;
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char(quint8(bytes[i]) ^ key[size_t(i % 4)]);
    return bytes;
}

// The frames a tab wrote, as its own timeline shows them.
QList<EntryDetails> outgoingFrames(FrameStore *store)
{
    QList<EntryDetails> frames;
    for (qint64 id = 0; id < store->entryCount(); ++id) {
        EntryDetails details = store->frameDetails(id);
        if (details.kind == EntryDetails::Kind::Frame && details.direction == Direction::Outgoing)
            frames.append(std::move(details));
    }
    return frames;
}

QList<EntryDetails> incomingFrames(FrameStore *store)
{
    QList<EntryDetails> frames;
    for (qint64 id = 0; id < store->entryCount(); ++id) {
        EntryDetails details = store->frameDetails(id);
        if (details.kind == EntryDetails::Kind::Frame && details.direction == Direction::Incoming)
            frames.append(std::move(details));
    }
    return frames;
}

void selectIndexWithData(QComboBox *box, int data)
{
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(QStringLiteral("no item with data %1 in %2").arg(data).arg(box->objectName())));
    box->setCurrentIndex(index);
}

} // namespace

class TestComposerWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void textJsonBinaryOnTheWire();
    void variablesExpandedAndShownAsSent();
    void jsonErrorBlocksSending();
    void craftedFramesReachTheWireAsBuilt();
    void fragmentsWithDelay();
    void repeatSendsNAndStops();
    void controlFrames();
    void resendAndLoadFromTimeline();
    void serverTabExactBytesToOneOrAll();
    void composerKeptWithTheTab();

private:
    // A client tab of a fresh window, open to `peer`.
    ClientTab *openClientTab(RawServerPeer &peer);
    // Waits until the peer has decoded `count` frames from the client and returns them.
    QList<FrameCopy> clientFrames(RawServerPeer &peer, int count);

    std::unique_ptr<MainWindow> m_window;
};

void TestComposerWire::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FramelineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_composerwire"));
    QSettings().clear();
}

void TestComposerWire::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>(MainWindow::Persistence::None);
    m_window->resize(1280, 900);
    m_window->show();
}

void TestComposerWire::cleanup()
{
    m_window.reset();
}

ClientTab *TestComposerWire::openClientTab(RawServerPeer &peer)
{
    if (!peer.listen())
        return nullptr;
    ClientTab *tab = m_window->workspace()->addClientTab();
    tab->setUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(peer.port()));
    if (!tab->connectToServer())
        return nullptr;
    return QTest::qWaitFor([tab] { return tab->state() == ConnectionState::Open; }, Timeout) ? tab : nullptr;
}

QList<FrameCopy> TestComposerWire::clientFrames(RawServerPeer &peer, int count)
{
    if (!QTest::qWaitFor([&] { return peer.decodedFromClient().frames.size() >= count; }, Timeout))
        qWarning("only %lld of %d frames arrived", qlonglong(peer.decodedFromClient().frames.size()), count);
    return peer.decodedFromClient().frames;
}

void TestComposerWire::textJsonBinaryOnTheWire()
{
    RawServerPeer peer;
    ClientTab *tab = openClientTab(peer);
    QVERIFY(tab);
    ComposerWidget *composer = tab->composer();

    // Text, typed with the keyboard, sent with Ctrl+Enter.
    composer->setMode(ComposerWidget::Mode::Text);
    composer->setText(QString());
    QTest::keyClicks(composer->editor(), QStringLiteral("typed"));
    QTest::keyClick(composer->editor(), Qt::Key_Return, Qt::ControlModifier);
    // Text beyond ASCII goes as UTF-8.
    composer->setText(QStringLiteral("héllo wörld ✓"));
    QVERIFY(composer->send());
    // JSON, sent exactly as typed (spacing and key order kept).
    composer->setMode(ComposerWidget::Mode::Json);
    composer->setText(QStringLiteral("{\"b\": 2, \"a\": [1, 2.50]}"));
    QVERIFY(composer->send());
    // Binary: hex with free spacing, base64, and a file with every byte value.
    composer->setMode(ComposerWidget::Mode::Binary);
    composer->setBinaryFormat(ComposerWidget::BinaryFormat::Hex);
    composer->setText(QStringLiteral("de ad\n0xbeef 00:ff"));
    QVERIFY(composer->send());
    composer->setBinaryFormat(ComposerWidget::BinaryFormat::Base64);
    composer->setText(QStringLiteral("3q2+7w=="));
    QVERIFY(composer->send());
    QTemporaryDir dir;
    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte.append(char(i));
    QFile file(dir.filePath(QStringLiteral("all.bin")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(everyByte);
    file.close();
    composer->setBinaryFormat(ComposerWidget::BinaryFormat::File);
    composer->setFilePath(file.fileName());
    QVERIFY(composer->send());

    const QList<FrameCopy> frames = clientFrames(peer, 6);
    QCOMPARE(frames.size(), 6);
    const QList<QPair<quint8, QByteArray>> expected = {
        { 0x1, QByteArrayLiteral("typed") },
        { 0x1, QByteArrayLiteral("h\xc3\xa9llo w\xc3\xb6rld \xe2\x9c\x93") },
        { 0x1, QByteArrayLiteral("{\"b\": 2, \"a\": [1, 2.50]}") },
        { 0x2, QByteArray::fromHex("deadbeef00ff") },
        { 0x2, QByteArray::fromHex("deadbeef") },
        { 0x2, everyByte },
    };
    for (int i = 0; i < frames.size(); ++i) {
        const Frame &frame = frames.at(i).frame;
        QVERIFY2(frame.fin && !frame.rsv1 && !frame.rsv2 && !frame.rsv3, qPrintable(frames.at(i).describe()));
        QVERIFY(frame.masked); // a client masks (RFC 6455 §5.3)
        QCOMPARE(frame.opcode, expected.at(i).first);
        QCOMPARE(frames.at(i).payload, expected.at(i).second);
        QCOMPARE(frame.lengthForm, minimalLengthForm(quint64(expected.at(i).second.size())));
        QVERIFY(frame.violations.isEmpty());
    }
}

void TestComposerWire::variablesExpandedAndShownAsSent()
{
    RawServerPeer peer;
    ClientTab *tab = openClientTab(peer);
    QVERIFY(tab);
    ComposerWidget *composer = tab->composer();
    const QDateTime now = QDateTime(QDate(2026, 11, 21), QTime(9, 33, 20, 123), QTimeZone::utc());
    quint32 next = 0;
    composer->setVariableSources({ [now] { return now; }, [&next] { return next++; } });
    composer->counter().reset(1);

    composer->setMode(ComposerWidget::Mode::Text);
    composer->setText(QStringLiteral("#{{counter}} {{timestamp}} {{timestamp:s}} {{timestamp:iso}}"));
    QVERIFY(composer->send());
    QVERIFY(composer->send());
    // In JSON mode a variable may stand where a number goes.
    composer->setMode(ComposerWidget::Mode::Json);
    composer->setText(QStringLiteral("{\"n\": {{counter}}, \"id\": \"{{random:6}}\"}"));
    QVERIFY(composer->send());

    const QList<FrameCopy> frames = clientFrames(peer, 3);
    QCOMPARE(frames.size(), 3);
    const QByteArray ms = QByteArray::number(now.toMSecsSinceEpoch());
    const QByteArray s = QByteArray::number(now.toSecsSinceEpoch());
    QCOMPARE(frames.at(0).payload, "#1 " + ms + " " + s + " 2026-11-21T09:33:20.123Z");
    QCOMPARE(frames.at(1).payload, "#2 " + ms + " " + s + " 2026-11-21T09:33:20.123Z");
    QVERIFY2(frames.at(2).payload.startsWith("{\"n\": 3, \"id\": \""), frames.at(2).payload.constData());
    QCOMPARE(frames.at(2).payload.size(), qsizetype(QByteArrayLiteral("{\"n\": 3, \"id\": \"abcdef\"}").size()));

    // The timeline shows what was sent, not what was typed.
    QTRY_COMPARE_WITH_TIMEOUT(outgoingFrames(tab->store()).size(), 3, Timeout);
    const QList<EntryDetails> shown = outgoingFrames(tab->store());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(shown.at(i).payload, frames.at(i).payload);
    // And the history keeps what was typed, to send again with fresh values.
    QCOMPARE(composer->history().last().text, QStringLiteral("{\"n\": {{counter}}, \"id\": \"{{random:6}}\"}"));
}

void TestComposerWire::jsonErrorBlocksSending()
{
    RawServerPeer peer;
    ClientTab *tab = openClientTab(peer);
    QVERIFY(tab);
    ComposerWidget *composer = tab->composer();
    composer->setMode(ComposerWidget::Mode::Json);
    composer->setText(QStringLiteral("{\"a\": 1,\n \"b\": }"));
    QVERIFY(!composer->send());
    QVERIFY(composer->messageLabel()->isVisibleTo(composer));
    QVERIFY2(composer->messageLabel()->text().contains(QStringLiteral("line 2")),
        qPrintable(composer->messageLabel()->text()));
    QTest::keyClick(composer->editor(), Qt::Key_Return, Qt::ControlModifier); // nor with the keyboard
    // A bad variable blocks it too.
    composer->setMode(ComposerWidget::Mode::Text);
    composer->setText(QStringLiteral("{{nope}}"));
    QVERIFY(!composer->send());
    QVERIFY2(composer->messageLabel()->text().contains(QStringLiteral("nope")),
        qPrintable(composer->messageLabel()->text()));
    // Then a good one: it is the first frame the server sees.
    composer->setText(QStringLiteral("fine"));
    QVERIFY(composer->send());
    const QList<FrameCopy> frames = clientFrames(peer, 1);
    QTest::qWait(100);
    QCOMPARE(peer.decodedFromClient().frames.size(), qsizetype(1));
    QCOMPARE(frames.first().payload, QByteArrayLiteral("fine"));
}

void TestComposerWire::craftedFramesReachTheWireAsBuilt()
{
    RawServerPeer peer;
    ClientTab *tab = openClientTab(peer);
    QVERIFY(tab);
    ComposerWidget *composer = tab->composer();
    FrameCraftPanel *panel = composer->craftPanel();
    composer->setMode(ComposerWidget::Mode::Text);
    composer->setText(QStringLiteral("hello"));
    composer->setAdvanced(true);
    const std::array<quint8, 4> key { 0x01, 0x02, 0x03, 0x04 };
    const qsizetype start = peer.received.size();

    // RSV2 set, opcode 3, with a chosen key.
    panel->rsv2Box()->setChecked(true);
    selectIndexWithData(panel->opcodeBox(), 0x3);
    selectIndexWithData(panel->maskingBox(), int(FrameSpec::Masking::Chosen));
    panel->maskingKeyEdit()->setText(QStringLiteral("01 02 03 04"));
    QVERIFY(!panel->lastWarnings().isEmpty()); // the composer names the rules it breaks ...
    QVERIFY(composer->send()); // ... and sends anyway
    const QByteArray rsv2Opcode3 = QByteArray::fromHex("a385") + QByteArray::fromHex("01020304") + masked("hello", key);

    // An unmasked client frame, opcode from the mode (text).
    panel->rsv2Box()->setChecked(false);
    selectIndexWithData(panel->opcodeBox(), -1);
    selectIndexWithData(panel->maskingBox(), int(FrameSpec::Masking::None));
    QVERIFY(composer->send());
    const QByteArray unmasked = QByteArray::fromHex("8105") + "hello";

    // Five bytes in the 64-bit length form.
    selectIndexWithData(panel->maskingBox(), int(FrameSpec::Masking::Chosen));
    selectIndexWithData(panel->lengthFormBox(), 64);
    QVERIFY(composer->send());
    const QByteArray longForm
        = QByteArray::fromHex("81ff0000000000000005") + QByteArray::fromHex("01020304") + masked("hello", key);

    const QByteArray expected = rsv2Opcode3 + unmasked + longForm;
    QTRY_COMPARE_WITH_TIMEOUT(peer.received.size() - start, expected.size(), Timeout);
    QCOMPARE(peer.received.mid(start).toHex(' '), expected.toHex(' '));

    // The timeline shows those very frames, header byte for byte.
    QTRY_COMPARE_WITH_TIMEOUT(outgoingFrames(tab->store()).size(), 3, Timeout);
    const QList<EntryDetails> shown = outgoingFrames(tab->store());
    QCOMPARE(shown.at(0).frame.rawHeader().toByteArray().toHex(), rsv2Opcode3.first(6).toHex());
    QVERIFY(shown.at(0).frame.rsv2);
    QCOMPARE(shown.at(0).frame.opcode, quint8(3));
    QCOMPARE(shown.at(1).frame.rawHeader().toByteArray().toHex(), unmasked.first(2).toHex());
    QVERIFY(!shown.at(1).frame.masked);
    QCOMPARE(shown.at(2).frame.rawHeader().toByteArray().toHex(), longForm.first(14).toHex());
    QCOMPARE(shown.at(2).frame.lengthForm, LengthForm::Bits64);
    for (const EntryDetails &frame : shown)
        QCOMPARE(frame.payload, QByteArrayLiteral("hello"));

    // A declared length that lies: 10 declared, 5 sent.
    const qsizetype before = peer.received.size();
    selectIndexWithData(panel->lengthFormBox(), 0);
    selectIndexWithData(panel->maskingBox(), int(FrameSpec::Masking::None));
    panel->declaredLengthBox()->setChecked(true);
    panel->declaredLengthEdit()->setText(QStringLiteral("10"));
    QVERIFY(composer->send());
    QTRY_COMPARE_WITH_TIMEOUT(peer.received.size() - before, qsizetype(7), Timeout);
    QCOMPARE(peer.received.mid(before), QByteArray::fromHex("810a") + "hello");
}

void TestComposerWire::fragmentsWithDelay()
{
    RawServerPeer peer;
    ClientTab *tab = openClientTab(peer);
    QVERIFY(tab);
    ComposerWidget *composer = tab->composer();
    composer->setMode(ComposerWidget::Mode::Text);
    composer->setText(QStringLiteral("split me into four"));
    composer->setAdvanced(true);
    composer->craftPanel()->fragmentsBox()->setValue(4);
    composer->craftPanel()->fragmentDelayBox()->setValue(30);
    QVERIFY(composer->send());

    const QList<FrameCopy> frames = clientFrames(peer, 4);
    QCOMPARE(frames.size(), 4);
    QByteArray whole;
    for (int i = 0; i < 4; ++i) {
        const Frame &frame = frames.at(i).frame;
        QCOMPARE(frame.opcode, quint8(i == 0 ? 0x1 : 0x0));
        QCOMPARE(frame.fin, i == 3);
        QVERIFY(frame.masked);
        QVERIFY2(frame.violations.isEmpty(), qPrintable(frames.at(i).describe()));
        whole += frames.at(i).payload;
    }
    QCOMPARE(whole, QByteArrayLiteral("split me into four"));
    // Sizes differ by at most one byte, larger first: 18 bytes = 5 + 5 + 4 + 4.
    QCOMPARE(frames.at(0).payload.size(), qsizetype(5));
    QCOMPARE(frames.at(3).payload.size(), qsizetype(4));
    QCOMPARE(peer.decodedFromClient().messages.size(), qsizetype(1));
}

void TestComposerWire::repeatSendsNAndStops()
{
    RawServerPeer peer;
    ClientTab *tab = openClientTab(peer);
    QVERIFY(tab);
    ComposerWidget *composer = tab->composer();
    composer->setMode(ComposerWidget::Mode::Text);
    composer->setText(QStringLiteral("m{{counter}}"));
    composer->counter().reset(1);
    composer->startRepeat(5, 10);
    QTRY_VERIFY_WITH_TIMEOUT(!composer->isRepeating(), Timeout);
    QCOMPARE(composer->repeatSent(), 5);
    QList<FrameCopy> frames = clientFrames(peer, 5);
    QCOMPARE(frames.size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(frames.at(i).payload, "m" + QByteArray::number(i + 1));

    // A long repeat, stopped with the button after a few sends: nothing more goes out.
    composer->repeatCountBox()->setValue(1000);
    composer->repeatIntervalBox()->setValue(20);
    QTest::mouseClick(composer->repeatButton(), Qt::LeftButton);
    QVERIFY(composer->isRepeating());
    QTRY_VERIFY_WITH_TIMEOUT(peer.decodedFromClient().frames.size() >= 8, Timeout);
    QTest::mouseClick(composer->repeatButton(), Qt::LeftButton); // now "Stop"
    QVERIFY(!composer->isRepeating());
    const int sent = composer->repeatSent();
    QVERIFY(sent >= 3 && sent < 1000);
    QTRY_COMPARE_WITH_TIMEOUT(peer.decodedFromClient().frames.size(), qsizetype(5 + sent), Timeout);
    QTest::qWait(200); // ten intervals
    QCOMPARE(peer.decodedFromClient().frames.size(), qsizetype(5 + sent));
    QCOMPARE(peer.decodedFromClient().frames.last().payload, "m" + QByteArray::number(5 + sent));
}

void TestComposerWire::controlFrames()
{
    RawServerPeer peer;
    ClientTab *tab = openClientTab(peer);
    QVERIFY(tab);
    ComposerWidget *composer = tab->composer();
    composer->controlPayloadEdit()->setText(QStringLiteral("are you there?"));
    QTest::mouseClick(composer->pingButton(), Qt::LeftButton);
    composer->controlPayloadEdit()->setText(QStringLiteral("unsolicited"));
    QTest::mouseClick(composer->pongButton(), Qt::LeftButton);
    // 126 bytes cannot go in a control frame without Advanced: refused, with the rule named.
    composer->controlPayloadEdit()->setText(QString(126, QLatin1Char('x')));
    QVERIFY(!composer->sendPing());
    QVERIFY(composer->messageLabel()->text().contains(QStringLiteral("125")));
    composer->closeCodeBox()->setCurrentText(QStringLiteral("4001"));
    composer->closeReasonEdit()->setText(QStringLiteral("bye"));
    QTest::mouseClick(composer->closeButton(), Qt::LeftButton);

    const QList<FrameCopy> frames = clientFrames(peer, 3);
    QCOMPARE(frames.size(), 3);
    QCOMPARE(frames.at(0).frame.opcode, quint8(0x9));
    QCOMPARE(frames.at(0).payload, QByteArrayLiteral("are you there?"));
    QCOMPARE(frames.at(1).frame.opcode, quint8(0xA));
    QCOMPARE(frames.at(1).payload, QByteArrayLiteral("unsolicited"));
    QCOMPARE(frames.at(2).frame.opcode, quint8(0x8));
    QCOMPARE(frames.at(2).payload, QByteArray::fromHex("0fa1") + "bye");
    for (const FrameCopy &frame : frames)
        QVERIFY(frame.frame.fin && frame.frame.masked && frame.frame.violations.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ConnectionState::Closing, Timeout);
    QVERIFY(!composer->sendButton()->isEnabled());
}

void TestComposerWire::resendAndLoadFromTimeline()
{
    RawServerPeer peer;
    ClientTab *tab = openClientTab(peer);
    QVERIFY(tab);
    ComposerWidget *composer = tab->composer();
    // The server says something; it shows in the timeline.
    peer.send(QByteArray::fromHex("810b") + "from server");
    QTRY_COMPARE_WITH_TIMEOUT(incomingFrames(tab->store()).size(), 1, Timeout);
    const EntryDetails received = incomingFrames(tab->store()).first();
    QCOMPARE(received.payload, QByteArrayLiteral("from server"));
    QVERIFY(!received.frame.masked);

    // Resent at once, as a message and as the frame: both go masked (a client must), same bytes.
    Q_EMIT tab->timeline()->composeRequested(received, TimelineWidget::ComposeAction::ResendMessage);
    Q_EMIT tab->timeline()->composeRequested(received, TimelineWidget::ComposeAction::ResendFrame);
    QList<FrameCopy> frames = clientFrames(peer, 2);
    QCOMPARE(frames.size(), 2);
    for (const FrameCopy &frame : frames) {
        QCOMPARE(frame.frame.opcode, quint8(0x1));
        QVERIFY(frame.frame.masked && frame.frame.fin);
        QCOMPARE(frame.payload, QByteArrayLiteral("from server"));
    }

    // A frame this tab crafted (RSV3, chosen key, 16-bit form for 3 bytes), resent exactly.
    composer->setAdvanced(true);
    composer->setMode(ComposerWidget::Mode::Binary);
    composer->setBinaryFormat(ComposerWidget::BinaryFormat::Hex);
    composer->setText(QStringLiteral("0a 0b 0c"));
    FrameCraftPanel *panel = composer->craftPanel();
    panel->rsv3Box()->setChecked(true);
    selectIndexWithData(panel->maskingBox(), int(FrameSpec::Masking::Chosen));
    panel->maskingKeyEdit()->setText(QStringLiteral("a1b2c3d4"));
    selectIndexWithData(panel->lengthFormBox(), 16);
    const qsizetype start = peer.received.size();
    QVERIFY(composer->send());
    const QByteArray crafted = QByteArray::fromHex("92fe0003a1b2c3d4") + masked(QByteArray::fromHex("0a0b0c"), { 0xa1, 0xb2, 0xc3, 0xd4 });
    QTRY_COMPARE_WITH_TIMEOUT(peer.received.size() - start, crafted.size(), Timeout);
    QCOMPARE(peer.received.mid(start).toHex(), crafted.toHex());
    QTRY_COMPARE_WITH_TIMEOUT(outgoingFrames(tab->store()).size(), 3, Timeout);
    const EntryDetails own = outgoingFrames(tab->store()).last();
    Q_EMIT tab->timeline()->composeRequested(own, TimelineWidget::ComposeAction::ResendFrame);
    QTRY_COMPARE_WITH_TIMEOUT(peer.received.size() - start, 2 * crafted.size(), Timeout);
    QCOMPARE(peer.received.mid(start + crafted.size()).toHex(), crafted.toHex());

    // Loaded into the composer: as a message (text mode, Advanced off), and as the exact frame.
    Q_EMIT tab->timeline()->composeRequested(received, TimelineWidget::ComposeAction::LoadMessage);
    QCOMPARE(composer->mode(), ComposerWidget::Mode::Text);
    QCOMPARE(composer->text(), QStringLiteral("from server"));
    QVERIFY(!composer->isAdvanced());
    Q_EMIT tab->timeline()->composeRequested(own, TimelineWidget::ComposeAction::LoadFrame);
    QVERIFY(composer->isAdvanced());
    QCOMPARE(composer->mode(), ComposerWidget::Mode::Binary);
    QVERIFY(panel->rsv3Box()->isChecked());
    QCOMPARE(panel->maskingBox()->currentData().toInt(), int(FrameSpec::Masking::Chosen));
    QCOMPARE(panel->lengthFormBox()->currentData().toInt(), 16);
    const qsizetype again = peer.received.size();
    QVERIFY(composer->send());
    QTRY_COMPARE_WITH_TIMEOUT(peer.received.size() - again, crafted.size(), Timeout);
    QCOMPARE(peer.received.mid(again).toHex(), crafted.toHex());

    // The server's frame loaded as a frame: its header, but a client's masking (the server had no key).
    Q_EMIT tab->timeline()->composeRequested(received, TimelineWidget::ComposeAction::LoadFrame);
    QVERIFY(composer->isAdvanced());
    QCOMPARE(composer->text(), QStringLiteral("from server"));
    QVERIFY(!panel->rsv3Box()->isChecked());
    QCOMPARE(panel->maskingBox()->currentData().toInt(), int(FrameSpec::Masking::Random));
}

void TestComposerWire::serverTabExactBytesToOneOrAll()
{
    ServerTab *tab = m_window->workspace()->addServerTab(0, false);
    ServerTabSettings settings = tab->settings();
    settings.behaviour = Server::Behaviour::Manual;
    tab->setSettings(settings);
    QVERIFY(tab->startServer());
    QTRY_VERIFY_WITH_TIMEOUT(tab->isListening(), Timeout);

    RawClientPeer first;
    RawClientPeer second;
    for (RawClientPeer *peer : { &first, &second }) {
        peer->request = RawClientPeer::upgradeRequest(tab->port());
        peer->connectTo(tab->port());
    }
    QTRY_VERIFY_WITH_TIMEOUT(first.switched() && second.switched(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(tab->clientsModel()->openCount(), 2, Timeout);
    ComposerWidget *composer = tab->composer();
    QTRY_VERIFY_WITH_TIMEOUT(composer->sendButton()->isEnabled(), Timeout);

    // To all: a server does not mask, so the bytes are known exactly.
    composer->setMode(ComposerWidget::Mode::Text);
    composer->setText(QStringLiteral("hi"));
    QVERIFY(composer->send());
    composer->setMode(ComposerWidget::Mode::Binary);
    composer->setBinaryFormat(ComposerWidget::BinaryFormat::Hex);
    composer->setText(QStringLiteral("00 ff"));
    QVERIFY(composer->send());
    const QByteArray toAll = QByteArray::fromHex("81026869" "820200ff");
    QTRY_COMPARE_WITH_TIMEOUT(first.received.toHex(), toAll.toHex(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(second.received.toHex(), toAll.toHex(), Timeout);

    // To one client only (the one on `second`'s socket), a crafted frame a server must not send: masked,
    // RSV1 without deflate.
    const QString secondPeer = QStringLiteral("127.0.0.1:%1").arg(second.socket.localPort());
    int secondRow = -1;
    for (int row = 0; row < tab->clientsModel()->rowCount(); ++row) {
        if (tab->clientsModel()->index(row, ServerClientsModel::PeerColumn).data().toString() == secondPeer)
            secondRow = row;
    }
    QVERIFY(secondRow >= 0);
    tab->clientsView()->setCurrentIndex(tab->clientsModel()->index(secondRow, 0));
    QCOMPARE(tab->selectedClient(), tab->clientsModel()->clientId(secondRow));
    composer->setAdvanced(true);
    FrameCraftPanel *panel = composer->craftPanel();
    panel->rsv1Box()->setChecked(true);
    selectIndexWithData(panel->maskingBox(), int(FrameSpec::Masking::Chosen));
    panel->maskingKeyEdit()->setText(QStringLiteral("ff 00 ff 00"));
    QVERIFY(!panel->lastWarnings().isEmpty());
    QVERIFY(composer->send());
    const QByteArray crafted = QByteArray::fromHex("c282ff00ff00") + masked(QByteArray::fromHex("00ff"), { 0xff, 0x00, 0xff, 0x00 });
    QTRY_COMPARE_WITH_TIMEOUT(second.received.toHex(), QByteArray(toAll + crafted).toHex(), Timeout);
    QTest::qWait(100);
    QCOMPARE(first.received.toHex(), toAll.toHex());
}

void TestComposerWire::composerKeptWithTheTab()
{
    ClientTab *tab = m_window->workspace()->addClientTab();
    ComposerWidget *composer = tab->composer();
    composer->setMode(ComposerWidget::Mode::Json);
    composer->setText(QStringLiteral("{\"op\": \"subscribe\"}"));
    QVERIFY(composer->saveMessage(QStringLiteral("subscribe")));
    composer->setMode(ComposerWidget::Mode::Binary);
    composer->setBinaryFormat(ComposerWidget::BinaryFormat::Base64);
    composer->setText(QStringLiteral("AAEC"));
    auto *splitter = tab->findChild<QSplitter *>(QStringLiteral("clientComposerSplitter"));
    QVERIFY(splitter);
    QTRY_VERIFY(splitter->height() > 400);
    splitter->setSizes({ splitter->height() - 320, 320 });
    const QList<int> sizes = splitter->sizes();
    const QVariantMap saved = tab->saveSettings();

    // The same tab after a restart: a new window restores it from the saved map.
    ClientTab *restored = m_window->workspace()->addClientTab();
    restored->restoreSettings(saved);
    ComposerWidget *again = restored->composer();
    QCOMPARE(again->mode(), ComposerWidget::Mode::Binary);
    QCOMPARE(again->binaryFormat(), ComposerWidget::BinaryFormat::Base64);
    QCOMPARE(again->text(), QStringLiteral("AAEC"));
    QCOMPARE(again->savedMessages().size(), qsizetype(1));
    QCOMPARE(again->savedMessages().first().name, QStringLiteral("subscribe"));
    QCOMPARE(again->savedMessages().first().mode, ComposerWidget::Mode::Json);
    QCOMPARE(again->savedMessages().first().text, QStringLiteral("{\"op\": \"subscribe\"}"));
    m_window->workspace()->tabWidget()->setCurrentWidget(restored);
    auto *restoredSplitter = restored->findChild<QSplitter *>(QStringLiteral("clientComposerSplitter"));
    QTRY_COMPARE(restoredSplitter->sizes(), sizes);
}

QTEST_MAIN(TestComposerWire)
#include "tst_composerwire.moc"
