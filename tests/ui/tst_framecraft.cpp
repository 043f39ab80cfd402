// Widget tests for the composer's Advanced panel (FrameCraftPanel): the exact FrameSpecs each combination of
// fields gives and the exact bytes FrameWriter makes of them, fragmentation, the warnings naming each RFC
// rule a crafted frame breaks (and the clean line when none), how the connection's context changes them,
// input checks of the masking key and declared length, loading a frame parsed from bytes, saved state,
// enabled states and retranslation.

#include "app/protocol/frameparser.h"
#include "ui/composer/framecraftpanel.h"

#include <QtCore/QTranslator>
#include <QtTest/QSignalSpy>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

#include <cstring>

using namespace Frameline;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

std::array<quint8, 4> key1234()
{
    return { 0x01, 0x02, 0x03, 0x04 };
}

QByteArray masked(const QByteArray &payload, const std::array<quint8, 4> &key)
{
    QByteArray out = payload;
    for (qsizetype i = 0; i < out.size(); ++i)
        out[i] = char(quint8(out.at(i)) ^ key[size_t(i % 4)]);
    return out;
}

QString describe(const FrameSpec &s)
{
    QString form = s.lengthForm ? QString::number(int(*s.lengthForm)) : QStringLiteral("minimal");
    QString declared = s.declaredLength ? QString::number(*s.declaredLength) : QStringLiteral("real");
    return QStringLiteral("fin=%1 rsv=%2%3%4 opcode=%5 masking=%6 key=%7 form=%8 declared=%9 payload=%10")
        .arg(int(s.fin))
        .arg(int(s.rsv1))
        .arg(int(s.rsv2))
        .arg(int(s.rsv3))
        .arg(s.opcode)
        .arg(int(s.masking))
        .arg(s.masking == FrameSpec::Masking::Chosen ? QString::fromLatin1(
                 QByteArray(reinterpret_cast<const char *>(s.maskingKey.data()), 4).toHex())
                                                     : QStringLiteral("-"))
        .arg(form, declared, QString::fromLatin1(s.payload.toHex()));
}

// Encodes a spec that the writer must accept.
QByteArray encoded(const FrameSpec &spec)
{
    QString error;
    const QByteArray bytes = FrameWriter::encode(spec, &error);
    if (!error.isEmpty())
        qWarning() << "encode failed:" << error;
    return bytes;
}

class FrameCollector final : public FrameParser::Handler
{
public:
    QList<Frame> frames;
    QList<QByteArray> payloads;
    void frameParsed(Frame &frame) override
    {
        Frame copy = frame;
        payloads << frame.payload.toByteArray();
        copy.payload = {};
        copy.payloadBuffer = nullptr;
        frames << copy;
    }
};

Frame parseOne(const QByteArray &bytes, Endpoint sender, QByteArray *payload = nullptr)
{
    FrameParser::Options options;
    options.sender = sender;
    FrameParser parser(options);
    FrameCollector collector;
    parser.feed(bytes, collector);
    if (collector.frames.size() != 1) {
        qWarning() << "expected one frame, parsed" << collector.frames.size();
        return {};
    }
    if (payload)
        *payload = collector.payloads.first();
    return collector.frames.first();
}

void selectData(QComboBox *box, int data)
{
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(QStringLiteral("no item with data %1").arg(data)));
    box->setCurrentIndex(index);
}

// Returns the translation with a marker for every string of the panel's context, to check that every
// label follows a language change.
class MarkingTranslator final : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (std::strcmp(context, "Frameline::FrameCraftPanel") != 0
            && std::strcmp(context, "FrameCraftPanel") != 0)
            return QString();
        return QStringLiteral("\u00bb") + QString::fromUtf8(sourceText);
    }
};

} // namespace

class TestFrameCraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults_data();
    void defaults();
    void opcodeItems();
    void fields_data();
    void fields();
    void randomKeyMasks();
    void fragments();
    void fragmentsClampedToPayload();
    void warnings_data();
    void warnings();
    void severalFragmentsNameTheirFrame();
    void cleanFrame();
    void deflateContext();
    void fragmentedMessageContext();
    void maskingKeyInput();
    void declaredLengthInput_data();
    void declaredLengthInput();
    void enabledStates();
    void loadFrame_data();
    void loadFrame();
    void loadFrameWithLyingLength();
    void saveRestore();
    void restoreEmptyIsValid();
    void resetToValid();
    void changedSignal();
    void retranslates();
    void fragmentedShowsWhatIsUsed();
    void warningsScrollInFixedBox();
    void reservedOpcodeFragmentsCheck();
};

void TestFrameCraft::defaults_data()
{
    QTest::addColumn<Endpoint>("sender");
    QTest::addColumn<FrameSpec::Masking>("masking");
    QTest::newRow("client masks with a random key") << Endpoint::Client << FrameSpec::Masking::Random;
    QTest::newRow("server does not mask") << Endpoint::Server << FrameSpec::Masking::None;
}

void TestFrameCraft::defaults()
{
    QFETCH(Endpoint, sender);
    QFETCH(FrameSpec::Masking, masking);
    FrameCraftPanel panel;
    panel.setContext({ sender, false, false });
    panel.resetToValid();
    const QList<FrameSpec> frames = panel.frames("hello");
    QCOMPARE(frames.size(), 1);
    FrameSpec expected = FrameSpec::valid(sender, 0x1, "hello");
    expected.masking = masking;
    QCOMPARE(describe(frames.first()), describe(expected));
    QCOMPARE(panel.opcodeBox()->currentIndex(), 0);
    QCOMPARE(panel.fragmentCount(), 1);
    QCOMPARE(panel.fragmentDelayMs(), 0);
    QCOMPARE(panel.declaredLength(), std::nullopt);
    QVERIFY(panel.inputError().isEmpty());
    panel.checkPayload("hello");
    QCOMPARE(panel.lastWarnings(), QStringList());
    QCOMPARE(panel.warningsLabel()->text(), QStringLiteral("Valid frame (RFC 6455)"));
}

void TestFrameCraft::opcodeItems()
{
    FrameCraftPanel panel;
    QComboBox *box = panel.opcodeBox();
    QCOMPARE(box->count(), 17);
    QCOMPARE(box->itemText(0), QStringLiteral("From the mode (Text: 0x1)"));
    QCOMPARE(box->itemData(0).toInt(), -1);
    const QStringList expected
        = { QStringLiteral("0x0 Continuation"), QStringLiteral("0x1 Text"), QStringLiteral("0x2 Binary"),
              QStringLiteral("0x3 Reserved (data)"), QStringLiteral("0x4 Reserved (data)"),
              QStringLiteral("0x5 Reserved (data)"), QStringLiteral("0x6 Reserved (data)"),
              QStringLiteral("0x7 Reserved (data)"), QStringLiteral("0x8 Close"), QStringLiteral("0x9 Ping"),
              QStringLiteral("0xA Pong"), QStringLiteral("0xB Reserved (control)"),
              QStringLiteral("0xC Reserved (control)"), QStringLiteral("0xD Reserved (control)"),
              QStringLiteral("0xE Reserved (control)"), QStringLiteral("0xF Reserved (control)") };
    for (int value = 0; value <= 0xF; ++value) {
        QCOMPARE(box->itemText(value + 1), expected.at(value));
        QCOMPARE(box->itemData(value + 1).toInt(), value);
    }
    panel.setModeOpcode(0x2);
    QCOMPARE(box->itemText(0), QStringLiteral("From the mode (Binary: 0x2)"));
    QCOMPARE(panel.frames("x").first().opcode, quint8(0x2));

    QCOMPARE(panel.maskingBox()->count(), 3);
    QCOMPARE(panel.maskingBox()->itemText(0), QStringLiteral("None"));
    QCOMPARE(panel.maskingBox()->itemText(1), QStringLiteral("Random key"));
    QCOMPARE(panel.maskingBox()->itemText(2), QStringLiteral("Chosen key"));
    QCOMPARE(panel.lengthFormBox()->count(), 4);
    QCOMPARE(panel.lengthFormBox()->itemText(0), QStringLiteral("Minimal"));
    QCOMPARE(panel.lengthFormBox()->itemData(0).toInt(), 0);
    QCOMPARE(panel.lengthFormBox()->itemText(1), QStringLiteral("7-bit"));
    QCOMPARE(panel.lengthFormBox()->itemText(2), QStringLiteral("16-bit (126)"));
    QCOMPARE(panel.lengthFormBox()->itemText(3), QStringLiteral("64-bit (127)"));
    QCOMPARE(panel.lengthFormBox()->itemData(3).toInt(), 64);
}

// Columns: the sender, the fields as a user sets them, the payload; the spec the panel must build and
// the exact bytes the writer makes of it.
void TestFrameCraft::fields_data()
{
    QTest::addColumn<Endpoint>("sender");
    QTest::addColumn<int>("modeOpcode");
    QTest::addColumn<bool>("fin");
    QTest::addColumn<bool>("rsv1");
    QTest::addColumn<bool>("rsv2");
    QTest::addColumn<bool>("rsv3");
    QTest::addColumn<int>("opcode"); // -1: from the mode
    QTest::addColumn<FrameSpec::Masking>("masking");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("form"); // 0 minimal
    QTest::addColumn<QString>("declared"); // empty: off
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QByteArray>("bytes");

    const QByteArray hello = "hello";
    const auto none = FrameSpec::Masking::None;
    const auto chosen = FrameSpec::Masking::Chosen;
    QTest::newRow("RSV2 + opcode 3 + unmasked from a client")
        << Endpoint::Client << 1 << true << false << true << false << 3 << none << QString() << 0 << QString()
        << hello
        << QStringLiteral(
               "fin=1 rsv=010 opcode=3 masking=0 key=- form=minimal declared=real payload=68656c6c6f")
        << (hex("a305") + hello);
    QTest::newRow("5 bytes in the 64-bit form, chosen key")
        << Endpoint::Client << 1 << true << false << false << false << -1 << chosen
        << QStringLiteral("01 02 03 04") << 64 << QString() << hello
        << QStringLiteral(
               "fin=1 rsv=000 opcode=1 masking=2 key=01020304 form=64 declared=real payload=68656c6c6f")
        << (hex("81ff0000000000000005") + hex("01020304") + masked(hello, key1234()));
    QTest::newRow("chosen key masks the payload")
        << Endpoint::Client << 1 << true << false << false << false << 1 << chosen
        << QStringLiteral("0x01020304") << 0 << QString() << hello
        << QStringLiteral(
               "fin=1 rsv=000 opcode=1 masking=2 key=01020304 form=minimal declared=real payload=68656c6c6f")
        << (hex("8185010203046967") + hex("6f686e"));
    QTest::newRow("declared length 10 with 5 bytes")
        << Endpoint::Server << 1 << true << false << false << false << -1 << none << QString() << 0
        << QStringLiteral("10") << hello
        << QStringLiteral(
               "fin=1 rsv=000 opcode=1 masking=0 key=- form=minimal declared=10 payload=68656c6c6f")
        << (hex("810a") + hello);
    QTest::newRow("declared 127 in the 7-bit form")
        << Endpoint::Server << 1 << true << false << false << false << -1 << none << QString() << 7
        << QStringLiteral("127") << hello
        << QStringLiteral("fin=1 rsv=000 opcode=1 masking=0 key=- form=7 declared=127 payload=68656c6c6f")
        << (hex("817f") + hello);
    QTest::newRow("16-bit form, binary from the mode")
        << Endpoint::Server << 2 << true << false << false << false << -1 << none << QString() << 16
        << QString() << hello
        << QStringLiteral("fin=1 rsv=000 opcode=2 masking=0 key=- form=16 declared=real payload=68656c6c6f")
        << (hex("827e0005") + hello);
    QTest::newRow("FIN off, RSV1, RSV3, ping")
        << Endpoint::Server << 1 << false << true << false << true << 9 << none << QString() << 0 << QString()
        << QByteArray("p")
        << QStringLiteral("fin=0 rsv=101 opcode=9 masking=0 key=- form=minimal declared=real payload=70")
        << hex("590170");
    QTest::newRow("reserved control opcode 0xF, masked from a server")
        << Endpoint::Server << 1 << true << false << false << false << 15 << chosen
        << QStringLiteral("ffffffff") << 0 << QString() << QByteArray()
        << QStringLiteral(
               "fin=1 rsv=000 opcode=15 masking=2 key=ffffffff form=minimal declared=real payload=")
        << hex("8f80ffffffff");
    QTest::newRow("declared 0 with 5 bytes in the 16-bit form")
        << Endpoint::Server << 1 << true << false << false << false << 2 << none << QString() << 16
        << QStringLiteral("0") << hello
        << QStringLiteral("fin=1 rsv=000 opcode=2 masking=0 key=- form=16 declared=0 payload=68656c6c6f")
        << (hex("827e0000") + hello);
}

void TestFrameCraft::fields()
{
    QFETCH(Endpoint, sender);
    QFETCH(int, modeOpcode);
    QFETCH(bool, fin);
    QFETCH(bool, rsv1);
    QFETCH(bool, rsv2);
    QFETCH(bool, rsv3);
    QFETCH(int, opcode);
    QFETCH(FrameSpec::Masking, masking);
    QFETCH(QString, key);
    QFETCH(int, form);
    QFETCH(QString, declared);
    QFETCH(QByteArray, payload);
    QFETCH(QString, spec);
    QFETCH(QByteArray, bytes);

    FrameCraftPanel panel;
    panel.setContext({ sender, false, false });
    panel.resetToValid();
    panel.setModeOpcode(quint8(modeOpcode));
    panel.finBox()->setChecked(fin);
    panel.rsv1Box()->setChecked(rsv1);
    panel.rsv2Box()->setChecked(rsv2);
    panel.rsv3Box()->setChecked(rsv3);
    selectData(panel.opcodeBox(), opcode);
    selectData(panel.maskingBox(), int(masking));
    panel.maskingKeyEdit()->setText(key);
    selectData(panel.lengthFormBox(), form);
    panel.declaredLengthBox()->setChecked(!declared.isEmpty());
    panel.declaredLengthEdit()->setText(declared);

    QCOMPARE(panel.inputError(), QString());
    const QList<FrameSpec> frames = panel.frames(payload);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(describe(frames.first()), spec);
    QCOMPARE(encoded(frames.first()).toHex(' '), bytes.toHex(' '));
    if (declared.isEmpty())
        QCOMPARE(panel.declaredLength(), std::nullopt);
    else
        QCOMPARE(panel.declaredLength(), std::optional<quint64>(declared.toULongLong()));
}

void TestFrameCraft::randomKeyMasks()
{
    FrameCraftPanel panel; // client by default: random key
    const QList<FrameSpec> frames = panel.frames("hello");
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames.first().masking, FrameSpec::Masking::Random);
    std::array<quint8, 4> used {};
    const QByteArray bytes = FrameWriter::encode(frames.first(), nullptr, &used);
    QCOMPARE(bytes.left(2).toHex(), QByteArray("8185"));
    QCOMPARE(bytes.mid(2, 4), QByteArray(reinterpret_cast<const char *>(used.data()), 4));
    QCOMPARE(bytes.mid(6), masked("hello", used));
    QVERIFY(!panel.maskingKeyEdit()->isEnabled());
}

void TestFrameCraft::fragments()
{
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Client, false, false });
    panel.resetToValid();
    panel.rsv2Box()->setChecked(true);
    selectData(panel.maskingBox(), int(FrameSpec::Masking::Chosen));
    panel.maskingKeyEdit()->setText(QStringLiteral("01 02 03 04"));
    // Set before fragmenting: not carried over to fragments.
    selectData(panel.lengthFormBox(), 64);
    panel.declaredLengthBox()->setChecked(true);
    panel.declaredLengthEdit()->setText(QStringLiteral("99"));
    panel.fragmentsBox()->setValue(3);
    panel.fragmentDelayBox()->setValue(250);

    QCOMPARE(panel.fragmentCount(), 3);
    QCOMPARE(panel.fragmentDelayMs(), 250);
    QCOMPARE(panel.declaredLength(), std::nullopt);
    const QList<FrameSpec> frames = panel.frames("hello world");
    QCOMPARE(frames.size(), 3);
    QCOMPARE(describe(frames.at(0)),
        QStringLiteral(
            "fin=0 rsv=010 opcode=1 masking=2 key=01020304 form=minimal declared=real payload=68656c6c"));
    QCOMPARE(describe(frames.at(1)),
        QStringLiteral(
            "fin=0 rsv=000 opcode=0 masking=2 key=01020304 form=minimal declared=real payload=6f20776f"));
    QCOMPARE(describe(frames.at(2)),
        QStringLiteral(
            "fin=1 rsv=000 opcode=0 masking=2 key=01020304 form=minimal declared=real payload=726c64"));
    QCOMPARE(encoded(frames.at(0)), hex("2184") + hex("01020304") + masked("hell", key1234()));
    QCOMPARE(encoded(frames.at(1)), hex("0084") + hex("01020304") + masked("o wo", key1234()));
    QCOMPARE(encoded(frames.at(2)), hex("8083") + hex("01020304") + masked("rld", key1234()));

    // Back to one frame: the single-frame fields apply again.
    panel.fragmentsBox()->setValue(1);
    QCOMPARE(panel.fragmentDelayMs(), 0);
    QCOMPARE(panel.frames("hello world").size(), 1);
    QCOMPARE(panel.frames("hello world").first().declaredLength, std::optional<quint64>(99));
    QCOMPARE(panel.frames("hello world").first().lengthForm, std::optional<LengthForm>(LengthForm::Bits64));
}

void TestFrameCraft::fragmentsClampedToPayload()
{
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Server, false, false });
    panel.resetToValid();
    panel.fragmentsBox()->setValue(5);
    QCOMPARE(panel.frames("ab").size(), 2);
    panel.checkPayload("ab");
    QCOMPARE(panel.lastCheck().size(), 2);
    QVERIFY2(panel.warningsLabel()->text().contains(QStringLiteral("split into 2 fragment(s), not 5")),
        qPrintable(panel.warningsLabel()->text()));
    QCOMPARE(panel.fragmentsBox()->maximum(), Fragmenter::MaxFragments);
    QCOMPARE(panel.fragmentsBox()->minimum(), 1);
    QCOMPARE(panel.fragmentDelayBox()->maximum(), 60000);
}

// Columns: what to set on a panel for a server (so that masking is correct unless the row changes it),
// the violations expected and the exact warning lines.
void TestFrameCraft::warnings_data()
{
    QTest::addColumn<Endpoint>("sender");
    QTest::addColumn<QVariantMap>("state"); // a saveState() map of the fields that differ from valid
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QList<ViolationKind>>("kinds");
    QTest::addColumn<QStringList>("lines");

    const QByteArray hello = "hello";
    QTest::newRow("RSV2 without an extension")
        << Endpoint::Server << QVariantMap { { QStringLiteral("rsv2"), true } } << hello
        << QList<ViolationKind> { ViolationKind::ReservedBitsSet }
        << QStringList { QStringLiteral(
               "RSV2 is set, but no negotiated extension defines it (RFC 6455 §5.2) \u2192 close 1002") };
    QTest::newRow("reserved opcode") << Endpoint::Server << QVariantMap { { QStringLiteral("opcode"), 3 } }
                                     << hello << QList<ViolationKind> { ViolationKind::ReservedOpcode }
                                     << QStringList { QStringLiteral(
                                            "Opcode 3 is reserved for future use; the peer must fail the "
                                            "connection (RFC 6455 §5.2) \u2192 close 1002") };
    QTest::newRow("unmasked client frame")
        << Endpoint::Client << QVariantMap { { QStringLiteral("masking"), int(FrameSpec::Masking::None) } }
        << hello << QList<ViolationKind> { ViolationKind::UnmaskedClientFrame }
        << QStringList { QStringLiteral(
               "The frame is not masked; a client must mask every frame it sends, and the "
               "server must close the connection (RFC 6455 §5.1) \u2192 close 1002") };
    QTest::newRow("masked server frame")
        << Endpoint::Server << QVariantMap { { QStringLiteral("masking"), int(FrameSpec::Masking::Random) } }
        << hello << QList<ViolationKind> { ViolationKind::MaskedServerFrame }
        << QStringList { QStringLiteral(
               "The frame is masked; a server must not mask frames, and the client must "
               "close the connection (RFC 6455 §5.1) \u2192 close 1002") };
    QTest::newRow("non-minimal length")
        << Endpoint::Server << QVariantMap { { QStringLiteral("lengthForm"), 64 } } << hello
        << QList<ViolationKind> { ViolationKind::NonMinimalLength }
        << QStringList { QStringLiteral(
               "The payload length 5 is written in the 64-bit form; the minimal form is "
               "7-bit (RFC 6455 §5.2) \u2192 reported only, 1002 if strict") };
    QTest::newRow("control frame with FIN = 0")
        << Endpoint::Server
        << QVariantMap { { QStringLiteral("fin"), false }, { QStringLiteral("opcode"), 9 } } << hello
        << QList<ViolationKind> { ViolationKind::FragmentedControlFrame }
        << QStringList { QStringLiteral("The ping frame has FIN = 0; control frames must not be fragmented "
                                        "(RFC 6455 §5.5) \u2192 close 1002") };
    QTest::newRow("control payload over 125")
        << Endpoint::Server << QVariantMap { { QStringLiteral("opcode"), 10 } } << QByteArray(126, 'x')
        << QList<ViolationKind> { ViolationKind::ControlFrameTooLong }
        << QStringList { QStringLiteral(
               "The pong frame carries 126 bytes of payload; control frames carry at most "
               "125 (RFC 6455 §5.5) \u2192 close 1002") };
    QTest::newRow("lying length, longer")
        << Endpoint::Server
        << QVariantMap { { QStringLiteral("declaredLengthOn"), true },
               { QStringLiteral("declaredLength"), QStringLiteral("10") } }
        << hello << QList<ViolationKind> {}
        << QStringList { QStringLiteral(
               "The header declares 10 bytes but only 5 are sent: the peer waits for 5 more "
               "and takes them from whatever is sent next") };
    QTest::newRow("lying length, shorter")
        << Endpoint::Server
        << QVariantMap { { QStringLiteral("declaredLengthOn"), true },
               { QStringLiteral("declaredLength"), QStringLiteral("2") } }
        << hello << QList<ViolationKind> {}
        << QStringList { QStringLiteral(
               "The header declares 2 bytes but 5 are sent: the peer takes the first 2 as "
               "the payload and reads the other 3 as the start of the next frame") };
    QTest::newRow("several rules at once")
        << Endpoint::Client
        << QVariantMap { { QStringLiteral("masking"), int(FrameSpec::Masking::None) },
               { QStringLiteral("rsv3"), true }, { QStringLiteral("opcode"), 0xB } }
        << QByteArray()
        << QList<ViolationKind> { ViolationKind::UnmaskedClientFrame, ViolationKind::ReservedBitsSet,
               ViolationKind::ReservedOpcode }
        << QStringList {
               QStringLiteral(
                   "The frame is not masked; a client must mask every frame it sends, and the server must "
                   "close the connection (RFC 6455 §5.1) \u2192 close 1002"),
               QStringLiteral(
                   "RSV3 is set, but no negotiated extension defines it (RFC 6455 §5.2) \u2192 close 1002"),
               QStringLiteral(
                   "Opcode 11 is reserved for future use; the peer must fail the connection (RFC 6455 §5.2) "
                   "\u2192 close 1002")
           };
    QTest::newRow("length that the 7-bit form cannot carry")
        << Endpoint::Server << QVariantMap { { QStringLiteral("lengthForm"), 7 } } << QByteArray(200, 'x')
        << QList<ViolationKind> {}
        << QStringList { QStringLiteral(
               "Cannot be written: A length of 200 does not fit the 7-bit length field (0-127)") };
}

void TestFrameCraft::warnings()
{
    QFETCH(Endpoint, sender);
    QFETCH(QVariantMap, state);
    QFETCH(QByteArray, payload);
    QFETCH(QList<ViolationKind>, kinds);
    QFETCH(QStringList, lines);

    FrameCraftPanel panel;
    panel.setContext({ sender, false, false });
    panel.restoreState(state);
    panel.checkPayload(payload);
    QCOMPARE(panel.lastCheck().size(), 1);
    QList<ViolationKind> actual;
    for (const Violation &violation : panel.lastCheck().first().violations)
        actual << violation.kind;
    QCOMPARE(actual, kinds);
    QCOMPARE(panel.lastWarnings(), lines);
    QCOMPARE(panel.warningsLabel()->text(), lines.join(QLatin1Char('\n')));
    QVERIFY(panel.warningsLabel()->wordWrap());
}

void TestFrameCraft::severalFragmentsNameTheirFrame()
{
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Server, false, false });
    panel.resetToValid();
    panel.rsv2Box()->setChecked(true);
    selectData(panel.opcodeBox(), 0x9); // a ping in fragments: the first breaks §5.5, the rest are orphans
    panel.fragmentsBox()->setValue(3);
    panel.checkPayload("abc");
    QCOMPARE(panel.lastCheck().size(), 3);
    QCOMPARE(panel.lastWarnings(),
        QStringList({ QStringLiteral(
                          "Frame 1 of 3: RSV2 is set, but no negotiated extension defines it (RFC 6455 "
                          "§5.2) \u2192 close 1002"),
            QStringLiteral(
                "Frame 1 of 3: The ping frame has FIN = 0; control frames must not be fragmented (RFC "
                "6455 §5.5) \u2192 close 1002"),
            QStringLiteral("Frame 2 of 3: A continuation frame, but no fragmented message is open on this "
                           "connection (RFC 6455 §5.4) \u2192 close 1002"),
            QStringLiteral("Frame 3 of 3: A continuation frame, but no fragmented message is open on this "
                           "connection (RFC 6455 §5.4) \u2192 close 1002") }));

    // A text message in three fragments is correct: each fragment is checked with the state the ones before
    // it leave.
    panel.rsv2Box()->setChecked(false);
    selectData(panel.opcodeBox(), 0x1);
    QCOMPARE(panel.lastCheck().size(), 3);
    for (const FrameCheckResult &result : panel.lastCheck())
        QVERIFY(result.isClean());
    QCOMPARE(panel.warningsLabel()->text(), QStringLiteral("Valid frames (RFC 6455)"));
}

void TestFrameCraft::cleanFrame()
{
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Client, false, false });
    panel.resetToValid();
    selectData(panel.opcodeBox(), 0x8);
    panel.checkPayload(hex("03e8") + "bye");
    QCOMPARE(panel.lastCheck().size(), 1);
    QVERIFY(panel.lastCheck().first().isClean());
    QCOMPARE(panel.lastWarnings(), QStringList());
    QCOMPARE(panel.warningsLabel()->text(), QStringLiteral("Valid frame (RFC 6455)"));
    // The valid line and the warnings are told apart by colour as well.
    const QColor valid = panel.warningsLabel()->palette().color(QPalette::WindowText);
    panel.checkPayload(hex("03ed")); // 1005 must not be sent
    QCOMPARE(panel.lastCheck().first().violations.size(), 1);
    QCOMPARE(panel.lastCheck().first().violations.first().kind, ViolationKind::InvalidCloseCode);
    QVERIFY(panel.warningsLabel()->palette().color(QPalette::WindowText) != valid);
}

void TestFrameCraft::deflateContext()
{
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Client, false, false });
    panel.resetToValid();
    panel.rsv1Box()->setChecked(true);
    panel.checkPayload("compressed?");
    QCOMPARE(panel.lastCheck().first().violations.size(), 1);
    QCOMPARE(panel.lastCheck().first().violations.first().kind, ViolationKind::ReservedBitsSet);

    // permessage-deflate negotiated: RSV1 marks a compressed data message, and the payload is not checked
    // as UTF-8 text (it is deflated data).
    panel.setContext({ Endpoint::Client, true, false });
    panel.checkPayload(hex("f2 48 cd c9 c9 07 00"));
    QVERIFY(panel.lastCheck().first().isClean());
    QCOMPARE(panel.warningsLabel()->text(), QStringLiteral("Valid frame (RFC 6455)"));
    QCOMPARE(panel.context().deflateNegotiated, true);

    // ... but not on a control frame.
    selectData(panel.opcodeBox(), 0x9);
    QCOMPARE(panel.lastCheck().first().violations.size(), 1);
    QCOMPARE(panel.lastCheck().first().violations.first().kind, ViolationKind::CompressedControlFrame);
}

void TestFrameCraft::fragmentedMessageContext()
{
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Server, false, false });
    panel.resetToValid();
    selectData(panel.opcodeBox(), 0x0);
    panel.checkPayload("rest");
    QCOMPARE(panel.lastCheck().first().violations.size(), 1);
    QCOMPARE(panel.lastCheck().first().violations.first().kind, ViolationKind::UnexpectedContinuation);

    panel.setContext({ Endpoint::Server, false, true }); // setting the context re-checks the last payload
    QVERIFY(panel.lastCheck().first().isClean());
    QCOMPARE(panel.warningsLabel()->text(), QStringLiteral("Valid frame (RFC 6455)"));

    // A new text message while one is open breaks §5.4.
    selectData(panel.opcodeBox(), -1);
    QCOMPARE(panel.lastCheck().first().violations.size(), 1);
    QCOMPARE(panel.lastCheck().first().violations.first().kind, ViolationKind::ExpectedContinuation);
}

void TestFrameCraft::maskingKeyInput()
{
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Client, false, false });
    panel.resetToValid();
    QVERIFY(!panel.maskingKeyEdit()->isEnabled());
    selectData(panel.maskingBox(), int(FrameSpec::Masking::Chosen));
    QVERIFY(panel.maskingKeyEdit()->isEnabled());
    // Chosen starts from a random key rather than an empty field.
    QVERIFY(panel.inputError().isEmpty());
    QCOMPARE(panel.frames("x").size(), 1);
    QCOMPARE(panel.maskingKeyEdit()->text().size(), 11);

    panel.checkPayload("hello");
    panel.maskingKeyEdit()->setText(QStringLiteral("01 02 03"));
    QCOMPARE(panel.inputError(),
        QStringLiteral("Masking key: 4 bytes (8 hex digits) are needed, 3 byte(s) given"));
    QVERIFY(panel.frames("hello").isEmpty());
    QVERIFY(panel.lastCheck().isEmpty());
    QVERIFY(panel.maskingKeyEdit()->styleSheet().contains(QStringLiteral("border")));
    QCOMPARE(panel.warningsLabel()->text(), panel.inputError());
    QCOMPARE(panel.lastWarnings(), QStringList { panel.inputError() });

    panel.maskingKeyEdit()->setText(QStringLiteral("01 0g 03 04"));
    QVERIFY(panel.inputError().startsWith(QStringLiteral("Masking key: ")));
    QVERIFY(panel.frames("hello").isEmpty());

    panel.maskingKeyEdit()->setText(QStringLiteral("a1b2 C3D4"));
    QCOMPARE(panel.inputError(), QString());
    QCOMPARE(panel.maskingKeyEdit()->styleSheet(), QString());
    const std::array<quint8, 4> expected { 0xa1, 0xb2, 0xc3, 0xd4 };
    QVERIFY(panel.frames("hello").first().maskingKey == expected);
    QCOMPARE(panel.warningsLabel()->text(), QStringLiteral("Valid frame (RFC 6455)"));

    // An invalid key does not matter once masking is not "chosen".
    panel.maskingKeyEdit()->setText(QStringLiteral("zz"));
    QVERIFY(!panel.inputError().isEmpty());
    selectData(panel.maskingBox(), int(FrameSpec::Masking::Random));
    QCOMPARE(panel.inputError(), QString());
    QCOMPARE(panel.maskingKeyEdit()->styleSheet(), QString());
    QVERIFY(!panel.maskingKeyEdit()->isEnabled());
}

void TestFrameCraft::declaredLengthInput_data()
{
    QTest::addColumn<int>("form");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::addColumn<qulonglong>("value");
    QTest::newRow("largest") << 0 << QStringLiteral("18446744073709551615") << QString()
                             << qulonglong(18446744073709551615ULL);
    QTest::newRow("largest in the 64-bit form")
        << 64 << QStringLiteral("18446744073709551615") << QString() << qulonglong(18446744073709551615ULL);
    QTest::newRow("one over") << 0 << QStringLiteral("18446744073709551616")
                              << QStringLiteral(
                                     "Declared length: 18446744073709551616 is not a number from 0 to "
                                     "18446744073709551615")
                              << qulonglong(0);
    QTest::newRow("empty") << 0 << QString()
                           << QStringLiteral("Declared length: enter the length the header should declare")
                           << qulonglong(0);
    QTest::newRow("zero") << 7 << QStringLiteral("0") << QString() << qulonglong(0);
    QTest::newRow("127 fits 7 bits") << 7 << QStringLiteral("127") << QString() << qulonglong(127);
    QTest::newRow("128 does not fit 7 bits")
        << 7 << QStringLiteral("128")
        << QStringLiteral("Declared length: A length of 128 does not fit the 7-bit length field (0-127)")
        << qulonglong(0);
    QTest::newRow("65535 fits 16 bits") << 16 << QStringLiteral("65535") << QString() << qulonglong(65535);
    QTest::newRow("65536 does not fit 16 bits")
        << 16 << QStringLiteral("65536")
        << QStringLiteral("Declared length: A length of 65536 does not fit the 16-bit length field (0-65535)")
        << qulonglong(0);
}

void TestFrameCraft::declaredLengthInput()
{
    QFETCH(int, form);
    QFETCH(QString, text);
    QFETCH(QString, error);
    QFETCH(qulonglong, value);
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Server, false, false });
    panel.resetToValid();
    selectData(panel.lengthFormBox(), form);
    QVERIFY(!panel.declaredLengthEdit()->isEnabled());
    panel.declaredLengthBox()->setChecked(true);
    QVERIFY(panel.declaredLengthEdit()->isEnabled());
    panel.declaredLengthEdit()->setText(text);
    QCOMPARE(panel.inputError(), error);
    if (error.isEmpty()) {
        QCOMPARE(panel.declaredLength(), std::optional<quint64>(value));
        QCOMPARE(panel.frames("abc").size(), 1);
        QCOMPARE(panel.frames("abc").first().declaredLength, std::optional<quint64>(value));
        QCOMPARE(panel.declaredLengthEdit()->styleSheet(), QString());
    } else {
        QCOMPARE(panel.declaredLength(), std::nullopt);
        QVERIFY(panel.frames("abc").isEmpty());
        QVERIFY(panel.declaredLengthEdit()->styleSheet().contains(QStringLiteral("border")));
        panel.checkPayload("abc");
        QCOMPARE(panel.warningsLabel()->text(), error);
    }
    // Letters never get in.
    QTest::keyClicks(panel.declaredLengthEdit(), QStringLiteral("x-"));
    QCOMPARE(panel.declaredLengthEdit()->text(), text);
}

void TestFrameCraft::enabledStates()
{
    FrameCraftPanel panel;
    panel.resetToValid();
    QVERIFY(panel.lengthFormBox()->isEnabled());
    QVERIFY(panel.declaredLengthBox()->isEnabled());
    QVERIFY(panel.finBox()->isEnabled());
    QVERIFY(!panel.fragmentDelayBox()->isEnabled());

    panel.fragmentsBox()->setValue(2);
    QVERIFY(!panel.lengthFormBox()->isEnabled());
    QVERIFY(!panel.declaredLengthBox()->isEnabled());
    QVERIFY(!panel.declaredLengthEdit()->isEnabled());
    QVERIFY(!panel.finBox()->isEnabled());
    QVERIFY(panel.fragmentDelayBox()->isEnabled());
    const QString why
        = QStringLiteral("With more than one fragment, every fragment has its real length in the "
                         "minimal form");
    QCOMPARE(panel.lengthFormBox()->toolTip(), why);
    QCOMPARE(panel.declaredLengthBox()->toolTip(), why);
    QCOMPARE(panel.declaredLengthEdit()->toolTip(), why);

    panel.fragmentsBox()->setValue(1);
    QVERIFY(panel.lengthFormBox()->isEnabled());
    QVERIFY(panel.lengthFormBox()->toolTip() != why);
    QVERIFY(!panel.fragmentDelayBox()->isEnabled());
}

void TestFrameCraft::loadFrame_data()
{
    QTest::addColumn<Endpoint>("sender");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("fin");
    QTest::addColumn<bool>("rsv1");
    QTest::addColumn<bool>("rsv2");
    QTest::addColumn<bool>("rsv3");
    QTest::addColumn<int>("opcode");
    QTest::addColumn<FrameSpec::Masking>("masking");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("form");

    QTest::newRow("masked text, minimal")
        << Endpoint::Client << (hex("8185010203046967") + hex("6f686e")) << true << false << false << false
        << 1 << FrameSpec::Masking::Chosen << QStringLiteral("01 02 03 04") << 0;
    QTest::newRow("everything odd: FIN 0, RSV1-3, opcode 0xB, 64-bit form, masked")
        << Endpoint::Server
        << (hex("7bff0000000000000003") + hex("a0b0c0d0") + masked("abc", { 0xa0, 0xb0, 0xc0, 0xd0 }))
        << false << true << true << true << 0xB << FrameSpec::Masking::Chosen << QStringLiteral("a0 b0 c0 d0")
        << 64;
    QTest::newRow("unmasked binary, 16-bit form")
        << Endpoint::Server << (hex("827e0002") + "hi") << true << false << false << false << 2
        << FrameSpec::Masking::None << QString() << 16;
    QTest::newRow("unmasked client continuation, 7-bit")
        << Endpoint::Client << (hex("0003") + "end") << false << false << false << false << 0
        << FrameSpec::Masking::None << QString() << 0;
}

void TestFrameCraft::loadFrame()
{
    QFETCH(Endpoint, sender);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, fin);
    QFETCH(bool, rsv1);
    QFETCH(bool, rsv2);
    QFETCH(bool, rsv3);
    QFETCH(int, opcode);
    QFETCH(FrameSpec::Masking, masking);
    QFETCH(QString, key);
    QFETCH(int, form);

    QByteArray payload;
    const Frame frame = parseOne(bytes, sender, &payload);
    QCOMPARE(frame.headerLength > 0, true);

    FrameCraftPanel panel;
    panel.setContext({ sender, false, false });
    panel.resetToValid();
    panel.fragmentsBox()->setValue(4); // loading makes it one frame again
    panel.loadFrame(frame, payload.size());

    QCOMPARE(panel.finBox()->isChecked(), fin);
    QCOMPARE(panel.rsv1Box()->isChecked(), rsv1);
    QCOMPARE(panel.rsv2Box()->isChecked(), rsv2);
    QCOMPARE(panel.rsv3Box()->isChecked(), rsv3);
    QCOMPARE(panel.opcodeBox()->currentData().toInt(), opcode);
    QCOMPARE(panel.maskingBox()->currentData().toInt(), int(masking));
    QCOMPARE(panel.maskingKeyEdit()->text(), key);
    QCOMPARE(panel.lengthFormBox()->currentData().toInt(), form);
    QCOMPARE(panel.declaredLengthBox()->isChecked(), false);
    QCOMPARE(panel.fragmentsBox()->value(), 1);
    // What the panel builds from the frame's payload is the very frame that was on the wire.
    const QList<FrameSpec> frames = panel.frames(payload);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(encoded(frames.first()).toHex(' '), bytes.toHex(' '));
}

void TestFrameCraft::loadFrameWithLyingLength()
{
    // A server frame that declares 300 bytes; the timeline kept 5 of them (say the rest never came).
    const QByteArray bytes = hex("817e012c") + QByteArray(300, 'y');
    const Frame frame = parseOne(bytes, Endpoint::Server);
    QCOMPARE(frame.payloadLength, quint64(300));

    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Server, false, false });
    panel.loadFrame(frame, 5);
    QVERIFY(panel.declaredLengthBox()->isChecked());
    QCOMPARE(panel.declaredLengthEdit()->text(), QStringLiteral("300"));
    QCOMPARE(panel.lengthFormBox()->currentData().toInt(), 0); // 16-bit is the minimal form for 300
    QCOMPARE(panel.declaredLength(), std::optional<quint64>(300));
    QCOMPARE(encoded(panel.frames("yyyyy").first()), hex("817e012c") + "yyyyy");
}

void TestFrameCraft::saveRestore()
{
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Client, false, false });
    panel.resetToValid();
    panel.finBox()->setChecked(false);
    panel.rsv1Box()->setChecked(true);
    panel.rsv3Box()->setChecked(true);
    selectData(panel.opcodeBox(), 0xD);
    selectData(panel.maskingBox(), int(FrameSpec::Masking::Chosen));
    panel.maskingKeyEdit()->setText(QStringLiteral("de ad be ef"));
    selectData(panel.lengthFormBox(), 16);
    panel.declaredLengthBox()->setChecked(true);
    panel.declaredLengthEdit()->setText(QStringLiteral("4000"));
    panel.fragmentDelayBox()->setValue(1500);
    const QVariantMap single = panel.saveState();

    FrameCraftPanel restored;
    restored.setContext({ Endpoint::Client, false, false });
    restored.restoreState(single);
    QCOMPARE(restored.saveState(), single);
    QCOMPARE(describe(restored.frames("abc").first()), describe(panel.frames("abc").first()));
    QCOMPARE(describe(restored.frames("abc").first()),
        QStringLiteral(
            "fin=0 rsv=101 opcode=13 masking=2 key=deadbeef form=16 declared=4000 payload=616263"));

    panel.fragmentsBox()->setValue(7);
    const QVariantMap fragmented = panel.saveState();
    QCOMPARE(fragmented.value(QStringLiteral("fragments")).toInt(), 7);
    FrameCraftPanel restored2;
    restored2.restoreState(fragmented);
    QCOMPARE(restored2.saveState(), fragmented);
    QCOMPARE(restored2.fragmentCount(), 7);
    QCOMPARE(restored2.fragmentDelayMs(), 1500);
    QVERIFY(restored2.fragmentDelayBox()->isEnabled());
    QVERIFY(!restored2.lengthFormBox()->isEnabled());
    // Plain values only: the map goes into the settings as it is.
    for (auto it = fragmented.cbegin(); it != fragmented.cend(); ++it) {
        const int type = it.value().typeId();
        QVERIFY2(type == QMetaType::Bool || type == QMetaType::Int || type == QMetaType::QString,
            qPrintable(it.key()));
    }
}

void TestFrameCraft::restoreEmptyIsValid()
{
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Server, false, false });
    panel.rsv2Box()->setChecked(true);
    panel.restoreState({});
    QCOMPARE(describe(panel.frames("a").first()), describe(FrameSpec::valid(Endpoint::Server, 0x1, "a")));
    // Nonsense in a saved state is ignored field by field.
    panel.restoreState({ { QStringLiteral("opcode"), 99 }, { QStringLiteral("masking"), 7 },
        { QStringLiteral("declaredLength"), QStringLiteral("12ab") }, { QStringLiteral("fragments"), -3 },
        { QStringLiteral("rsv1"), true } });
    const FrameSpec spec = panel.frames("a").first();
    QCOMPARE(spec.opcode, quint8(0x1));
    QCOMPARE(spec.masking, FrameSpec::Masking::None);
    QCOMPARE(spec.rsv1, true);
    QCOMPARE(panel.declaredLengthEdit()->text(), QString());
    QCOMPARE(panel.fragmentCount(), 1);
}

void TestFrameCraft::resetToValid()
{
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Client, false, false });
    panel.restoreState({ { QStringLiteral("fin"), false }, { QStringLiteral("rsv2"), true },
        { QStringLiteral("opcode"), 5 }, { QStringLiteral("masking"), 0 },
        { QStringLiteral("lengthForm"), 64 }, { QStringLiteral("declaredLengthOn"), true },
        { QStringLiteral("declaredLength"), QStringLiteral("9") }, { QStringLiteral("fragments"), 3 },
        { QStringLiteral("fragmentDelayMs"), 10 } });
    panel.checkPayload("hello");
    QVERIFY(!panel.lastWarnings().isEmpty());
    QTest::mouseClick(panel.resetButton(), Qt::LeftButton);
    QCOMPARE(panel.fragmentCount(), 1);
    QCOMPARE(panel.fragmentDelayMs(), 0);
    QCOMPARE(describe(panel.frames("hello").first()),
        QStringLiteral(
            "fin=1 rsv=000 opcode=1 masking=1 key=- form=minimal declared=real payload=68656c6c6f"));
    QCOMPARE(panel.lastWarnings(), QStringList());
    QCOMPARE(panel.warningsLabel()->text(), QStringLiteral("Valid frame (RFC 6455)"));
    QCOMPARE(panel.resetButton()->text(), QStringLiteral("Reset to Valid"));
}

void TestFrameCraft::changedSignal()
{
    FrameCraftPanel panel;
    QSignalSpy spy(&panel, &FrameCraftPanel::changed);
    panel.rsv1Box()->setChecked(true);
    QCOMPARE(spy.count(), 1);
    selectData(panel.opcodeBox(), 2);
    QCOMPARE(spy.count(), 2);
    panel.fragmentsBox()->setValue(2);
    QCOMPARE(spy.count(), 3);
    // Loading a whole frame is one change, not one per field.
    spy.clear();
    const Frame frame = parseOne(hex("8f00"), Endpoint::Server);
    panel.loadFrame(frame, 0);
    QCOMPARE(spy.count(), 1);
    spy.clear();
    panel.restoreState(panel.saveState());
    QCOMPARE(spy.count(), 1);
}

void TestFrameCraft::retranslates()
{
    FrameCraftPanel panel;
    panel.checkPayload("hello");
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    // The application posts LanguageChange to every window.
    QTRY_COMPARE(panel.opcodeBox()->itemText(0), QStringLiteral("\u00bbFrom the mode (\u00bbText: 0x1)"));
    QCOMPARE(panel.opcodeBox()->itemText(10), QStringLiteral("0x9 \u00bbPing"));
    QCOMPARE(panel.maskingBox()->itemText(1), QStringLiteral("\u00bbRandom key"));
    QCOMPARE(panel.lengthFormBox()->itemText(0), QStringLiteral("\u00bbMinimal"));
    QCOMPARE(panel.declaredLengthBox()->text(), QStringLiteral("\u00bbDeclared length"));
    QCOMPARE(panel.resetButton()->text(), QStringLiteral("\u00bbReset to Valid"));
    QCOMPARE(panel.warningsLabel()->text(), QStringLiteral("\u00bbValid frame (RFC 6455)"));
    QCOMPARE(panel.fragmentDelayBox()->suffix(), QStringLiteral("\u00bb ms"));
    QVERIFY(QCoreApplication::removeTranslator(&translator));
    QTRY_COMPARE(panel.resetButton()->text(), QStringLiteral("Reset to Valid"));
    QCOMPARE(panel.warningsLabel()->text(), QStringLiteral("Valid frame (RFC 6455)"));
}

void TestFrameCraft::fragmentedShowsWhatIsUsed()
{
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Client, false, false });
    panel.resetToValid();
    // The user's own values with one fragment.
    panel.finBox()->setChecked(false);
    panel.lengthFormBox()->setCurrentIndex(panel.lengthFormBox()->findData(int(LengthForm::Bits64)));
    panel.declaredLengthBox()->setChecked(true);
    panel.declaredLengthEdit()->setText(QStringLiteral("9"));

    // Several fragments: the disabled fields show what the fragments use.
    panel.fragmentsBox()->setValue(3);
    QCOMPARE(panel.finBox()->checkState(), Qt::PartiallyChecked); // automatic: only the last has FIN
    QCOMPARE(panel.lengthFormBox()->currentData().toInt(), 0); // Minimal
    QVERIFY(!panel.declaredLengthBox()->isChecked());
    panel.checkPayload("abcdef");
    QCOMPARE(panel.lastCheck().size(), 3);
    QCOMPARE(panel.warningsLabel()->text(), QStringLiteral("Valid frames (RFC 6455)"));
    // What is saved is the user's values.
    const QVariantMap state = panel.saveState();
    QCOMPARE(state.value(QStringLiteral("fin")).toBool(), false);
    QCOMPARE(state.value(QStringLiteral("lengthForm")).toInt(), int(LengthForm::Bits64));
    QCOMPARE(state.value(QStringLiteral("declaredLengthOn")).toBool(), true);

    // Back to one fragment: the user's values come back.
    panel.fragmentsBox()->setValue(1);
    QCOMPARE(panel.finBox()->checkState(), Qt::Unchecked);
    QVERIFY(!panel.finBox()->isTristate());
    QCOMPARE(panel.lengthFormBox()->currentData().toInt(), int(LengthForm::Bits64));
    QVERIFY(panel.declaredLengthBox()->isChecked());
    QCOMPARE(panel.declaredLengthEdit()->text(), QStringLiteral("9"));
    QCOMPARE(panel.frames("abcdef").constFirst().declaredLength, std::optional<quint64>(9));

    // Restoring a fragmented state, then going to one fragment, gives the saved values.
    FrameCraftPanel other;
    other.restoreState(state);
    QCOMPARE(other.fragmentCount(), 3);
    QCOMPARE(other.finBox()->checkState(), Qt::PartiallyChecked);
    other.fragmentsBox()->setValue(1);
    QCOMPARE(other.finBox()->checkState(), Qt::Unchecked);
    QCOMPARE(other.lengthFormBox()->currentData().toInt(), int(LengthForm::Bits64));
    // Reset to valid while fragmented: valid values, not the kept ones.
    other.fragmentsBox()->setValue(2);
    other.resetToValid();
    QCOMPARE(other.finBox()->checkState(), Qt::Checked);
    QCOMPARE(other.lengthFormBox()->currentData().toInt(), 0);
    QVERIFY(!other.declaredLengthBox()->isChecked());
}

void TestFrameCraft::warningsScrollInFixedBox()
{
    QWidget window;
    auto *panel = new FrameCraftPanel(&window);
    panel->setContext({ Endpoint::Client, false, false });
    panel->resetToValid();
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(panel);
    window.resize(900, 300);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The panel fits a 900 px window.
    QVERIFY2(panel->minimumSizeHint().width() <= 900,
        qPrintable(QString::number(panel->minimumSizeHint().width())));

    QScrollArea *area = panel->warningsArea();
    QVERIFY(area);
    QCOMPARE(area->widget(), static_cast<QWidget *>(panel->warningsLabel()));
    QVERIFY(panel->warningsLabel()->wordWrap());
    panel->checkPayload("hello");
    QApplication::processEvents();
    const int height = area->height();
    const int resetY = panel->resetButton()->mapTo(&window, QPoint()).y();
    const int lineSpacing = panel->warningsLabel()->fontMetrics().lineSpacing();
    QVERIFY2(height >= 4 * lineSpacing && height <= 6 * lineSpacing, qPrintable(QString::number(height)));

    // Many warnings (every rule a client can break with these fields, in 5 fragments): the box keeps its
    // height and scrolls; nothing moves; the window does not grow.
    panel->rsv2Box()->setChecked(true);
    panel->rsv3Box()->setChecked(true);
    panel->opcodeBox()->setCurrentIndex(panel->opcodeBox()->findData(0xB));
    panel->maskingBox()->setCurrentIndex(panel->maskingBox()->findData(int(FrameSpec::Masking::None)));
    panel->fragmentsBox()->setValue(5);
    panel->checkPayload(QByteArray(200, 'x'));
    QVERIFY(panel->lastWarnings().size() >= 8);
    QApplication::processEvents();
    QCOMPARE(area->height(), height);
    QCOMPARE(panel->resetButton()->mapTo(&window, QPoint()).y(), resetY);
    QVERIFY(area->verticalScrollBar()->maximum() > 0);
    QCOMPARE(window.width(), 900);

    // A long line wraps at the box's width instead of widening the window.
    QVERIFY(panel->warningsLabel()->width() <= area->viewport()->width());
    QVERIFY(window.minimumSizeHint().width() <= 900);
}

void TestFrameCraft::reservedOpcodeFragmentsCheck()
{
    // Fragments 3 with opcode 0x3: only the first frame breaks a rule (the reserved opcode).
    FrameCraftPanel panel;
    panel.setContext({ Endpoint::Client, false, false });
    panel.resetToValid();
    panel.opcodeBox()->setCurrentIndex(panel.opcodeBox()->findData(0x3));
    panel.fragmentsBox()->setValue(3);
    panel.checkPayload("abcdef");
    QCOMPARE(panel.lastCheck().size(), 3);
    QCOMPARE(panel.lastCheck().at(0).violations.size(), 1);
    QCOMPARE(panel.lastCheck().at(1).violations.size(), 0);
    QCOMPARE(panel.lastCheck().at(2).violations.size(), 0);
    for (const QString &line : panel.lastWarnings())
        QVERIFY2(line.startsWith(QStringLiteral("Frame 1 of 3: ")), qPrintable(line));
}

QTEST_MAIN(TestFrameCraft)
#include "tst_framecraft.moc"
