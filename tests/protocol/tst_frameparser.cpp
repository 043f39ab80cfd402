// FrameParser: RFC 6455 §5.7 examples, every violation class, chunking equivalence, limits.

#include "app/protocol/frameparser.h"
#include "app/protocol/framewriter.h"
#include "tests/common/framerecorder.h"

#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

#include <algorithm>
#include <cstring>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::FrameRecorder;

Q_DECLARE_METATYPE(Frameline::Endpoint)
Q_DECLARE_METATYPE(Frameline::ViolationKind)
Q_DECLARE_METATYPE(QList<Frameline::ViolationKind>)

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

FrameParser::Options optionsFor(Endpoint sender, bool deflate = false)
{
    FrameParser::Options options;
    options.sender = sender;
    options.perMessageDeflate = deflate;
    return options;
}

FrameRecorder parseAll(const QByteArray &bytes, const FrameParser::Options &options)
{
    FrameRecorder recorder;
    FrameParser parser(options);
    parser.feed(bytes, recorder);
    return recorder;
}

QByteArray randomBytes(QRandomGenerator &random, int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char(random.generate() >> 24);
    return bytes;
}

QByteArray rfc256Binary()
{
    QByteArray payload(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        payload[i] = char(i);
    return payload;
}

QByteArray rfc64KBinary()
{
    QByteArray payload(65536, Qt::Uninitialized);
    for (int i = 0; i < 65536; ++i)
        payload[i] = char((i * 7) & 0xFF);
    return payload;
}

} // namespace

class tst_FrameParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfcExamples_data();
    void rfcExamples();
    void chunkingIsInvisible_data();
    void chunkingIsInvisible();
    void violations_data();
    void violations();
    void violationsCarryCodeAndSection();
    void utf8AcrossFragments();
    void utf8FailsAtTheBadByteBeforeTheFrameEnds();
    void hugeDeclaredLengthAllocatesNothing();
    void frameOverLimitIsSkippedAndParsingContinues();
    void controlFramesBetweenFragments();
    void pendingBytesAndOffsets();
    void writerRoundTripRandomFrames();
    void directPayloadReadsMatchFeed();
};

void tst_FrameParser::rfcExamples_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Endpoint>("sender");
    QTest::addColumn<QStringList>("expected"); // "fin opcode masked key len form payloadhex" per frame

    QTest::newRow("5.7 single-frame unmasked text") << hex("810548656c6c6f") << Endpoint::Server
                                                     << QStringList { u"1 1 0 00000000 5 7 48656c6c6f"_s };
    QTest::newRow("5.7 single-frame masked text") << hex("818537fa213d7f9f4d5158") << Endpoint::Client
                                                   << QStringList { u"1 1 1 37fa213d 5 7 48656c6c6f"_s };
    QTest::newRow("5.7 fragmented unmasked text")
        << hex("010348656c80026c6f") << Endpoint::Server
        << QStringList { u"0 1 0 00000000 3 7 48656c"_s, u"1 0 0 00000000 2 7 6c6f"_s };
    QTest::newRow("5.7 unmasked ping") << hex("890548656c6c6f") << Endpoint::Server
                                        << QStringList { u"1 9 0 00000000 5 7 48656c6c6f"_s };
    QTest::newRow("5.7 masked pong") << hex("8a8537fa213d7f9f4d5158") << Endpoint::Client
                                      << QStringList { u"1 10 1 37fa213d 5 7 48656c6c6f"_s };
    QTest::newRow("5.7 256 bytes binary, 16-bit length")
        << (hex("827e0100") + rfc256Binary()) << Endpoint::Server
        << QStringList { u"1 2 0 00000000 256 16 "_s + QString::fromLatin1(rfc256Binary().toHex()) };
    QTest::newRow("5.7 64 KiB binary, 64-bit length")
        << (hex("827f0000000000010000") + rfc64KBinary()) << Endpoint::Server
        << QStringList { u"1 2 0 00000000 65536 64 "_s + QString::fromLatin1(rfc64KBinary().toHex()) };
    QTest::newRow("empty close") << hex("8880a1b2c3d4") << Endpoint::Client
                                 << QStringList { u"1 8 1 a1b2c3d4 0 7 "_s };
}

void tst_FrameParser::rfcExamples()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Endpoint, sender);
    QFETCH(QStringList, expected);

    const FrameRecorder recorder = parseAll(bytes, optionsFor(sender));
    QStringList actual;
    for (const auto &copy : recorder.frames) {
        const Frame &f = copy.frame;
        actual.append(QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                          .arg(int(f.fin))
                          .arg(f.opcode)
                          .arg(int(f.masked))
                          .arg(QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(f.maskingKey.data()), 4).toHex()))
                          .arg(f.payloadLength)
                          .arg(int(f.lengthForm))
                          .arg(QString::fromLatin1(copy.payload.toHex())));
        QVERIFY2(f.violations.isEmpty(), qPrintable(f.violations.value(0).message));
    }
    QCOMPARE(actual, expected);
    QCOMPARE(recorder.frames.constLast().frame.streamOffset + recorder.frames.constLast().frame.headerLength
                 + qint64(recorder.frames.constLast().frame.payloadLength),
             qint64(bytes.size()));
}

void tst_FrameParser::chunkingIsInvisible_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Endpoint>("sender");

    QTest::newRow("rfc examples, server") << (hex("810548656c6c6f010348656c80026c6f890548656c6c6f827e0100")
                                              + rfc256Binary() + hex("827f0000000000010000") + rfc64KBinary())
                                           << Endpoint::Server;
    QTest::newRow("rfc examples, client") << hex("818537fa213d7f9f4d51588a8537fa213d7f9f4d5158") << Endpoint::Client;
    // Violations too: they must be found the same way however the stream is cut.
    QTest::newRow("broken stream") << (hex("c105" "48656c6c6f" "8005" "48656c6c6f" "8305" "0102030405" "097e007e")
                                       + QByteArray(126, 'x') + hex("8102c3a9" "8101" "ff" "880203ed"))
                                   << Endpoint::Server;

    // A few thousand random valid frames from a client, with random masks.
    QRandomGenerator random(6455);
    QByteArray stream;
    for (int i = 0; i < 2000; ++i) {
        stream += FrameWriter::binary(Endpoint::Client, randomBytes(random, int(random.bounded(i % 50 == 0 ? 70000 : 300))));
    }
    QTest::newRow("2000 random client frames") << stream << Endpoint::Client;
}

void tst_FrameParser::chunkingIsInvisible()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Endpoint, sender);

    const QStringList whole = parseAll(bytes, optionsFor(sender)).descriptions();
    QVERIFY(!whole.isEmpty());

    const QList<QList<int>> cuts = { { 1 }, { 2 }, { 3, 1, 7 }, { 13 }, { 1000, 1, 2 }, { 65537 } };
    for (const QList<int> &sizes : cuts) {
        FrameRecorder recorder;
        FrameParser parser(optionsFor(sender));
        Frameline::Test::feedInPieces(bytes, sizes, [&](QByteArrayView piece) { parser.feed(piece, recorder); });
        QCOMPARE(recorder.descriptions(), whole);
        QCOMPARE(parser.bytesConsumed(), qint64(bytes.size()));
        QCOMPARE(parser.pendingBytes(), 0);
    }
    QRandomGenerator random(7692);
    for (int round = 0; round < 5; ++round) {
        QList<int> sizes;
        for (int i = 0; i < 64; ++i)
            sizes.append(1 + int(random.bounded(4000)));
        FrameRecorder recorder;
        FrameParser parser(optionsFor(sender));
        Frameline::Test::feedInPieces(bytes, sizes, [&](QByteArrayView piece) { parser.feed(piece, recorder); });
        QCOMPARE(recorder.descriptions(), whole);
    }
}

void tst_FrameParser::violations_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Endpoint>("sender");
    QTest::addColumn<bool>("deflate");
    QTest::addColumn<QList<ViolationKind>>("expected");
    using K = ViolationKind;

    QTest::newRow("unmasked client frame") << hex("810548656c6c6f") << Endpoint::Client << false
                                           << QList<K> { K::UnmaskedClientFrame };
    QTest::newRow("masked server frame") << hex("818537fa213d7f9f4d5158") << Endpoint::Server << false
                                         << QList<K> { K::MaskedServerFrame };
    QTest::newRow("RSV1 without extension") << hex("c10548656c6c6f") << Endpoint::Server << false
                                            << QList<K> { K::ReservedBitsSet };
    QTest::newRow("RSV2") << hex("a10548656c6c6f") << Endpoint::Server << false << QList<K> { K::ReservedBitsSet };
    QTest::newRow("RSV3") << hex("910548656c6c6f") << Endpoint::Server << false << QList<K> { K::ReservedBitsSet };
    QTest::newRow("RSV2 with deflate") << hex("a10548656c6c6f") << Endpoint::Server << true
                                       << QList<K> { K::ReservedBitsSet };
    QTest::newRow("all RSV bits") << hex("f10548656c6c6f") << Endpoint::Server << false
                                  << QList<K> { K::ReservedBitsSet, K::ReservedBitsSet, K::ReservedBitsSet };
    for (int opcode : { 3, 4, 5, 6, 7, 11, 12, 13, 14, 15 }) {
        QByteArray frame = hex("8000");
        frame[0] = char(0x80 | opcode);
        QTest::addRow("reserved opcode %d", opcode) << frame << Endpoint::Server << false
                                                   << QList<K> { K::ReservedOpcode };
    }
    QTest::newRow("ping of 126 bytes") << (hex("897e007e") + QByteArray(126, 'p')) << Endpoint::Server << false
                                       << QList<K> { K::ControlFrameTooLong };
    QTest::newRow("ping of 125 bytes is fine") << (hex("897d") + QByteArray(125, 'p')) << Endpoint::Server << false
                                               << QList<K> {};
    QTest::newRow("fragmented ping") << hex("0900") << Endpoint::Server << false
                                     << QList<K> { K::FragmentedControlFrame };
    QTest::newRow("fragmented close") << hex("080203e8") << Endpoint::Server << false
                                      << QList<K> { K::FragmentedControlFrame };
    QTest::newRow("continuation with nothing to continue") << hex("80026c6f") << Endpoint::Server << false
                                                           << QList<K> { K::UnexpectedContinuation };
    QTest::newRow("new text frame inside a fragmented message") << hex("010348656c" "81026c6f") << Endpoint::Server
                                                                << false << QList<K> { K::ExpectedContinuation };
    QTest::newRow("new binary inside fragmented binary") << hex("0201aa" "0201bb") << Endpoint::Server << false
                                                         << QList<K> { K::ExpectedContinuation };
    QTest::newRow("64-bit length with top bit set") << hex("827f8000000000000005") << Endpoint::Server << false
                                                    << QList<K> { K::LengthTopBitSet, K::FrameTooLarge };
    QTest::newRow("5 bytes in the 16-bit form") << hex("817e000548656c6c6f") << Endpoint::Server << false
                                                << QList<K> { K::NonMinimalLength };
    QTest::newRow("5 bytes in the 64-bit form") << hex("817f000000000000000548656c6c6f") << Endpoint::Server << false
                                                << QList<K> { K::NonMinimalLength };
    QTest::newRow("200 bytes in the 64-bit form") << (hex("827f00000000000000c8") + QByteArray(200, 'b'))
                                                  << Endpoint::Server << false << QList<K> { K::NonMinimalLength };
    QTest::newRow("invalid UTF-8 text") << hex("8102c328") << Endpoint::Server << false << QList<K> { K::InvalidUtf8 };
    QTest::newRow("overlong UTF-8") << hex("8102c0af") << Endpoint::Server << false << QList<K> { K::InvalidUtf8 };
    QTest::newRow("UTF-16 surrogate") << hex("8103eda080") << Endpoint::Server << false << QList<K> { K::InvalidUtf8 };
    QTest::newRow("above U+10FFFF") << hex("8104f4908080") << Endpoint::Server << false << QList<K> { K::InvalidUtf8 };
    QTest::newRow("text ends inside a sequence") << hex("8103cebae1") << Endpoint::Server << false
                                                 << QList<K> { K::InvalidUtf8 };
    QTest::newRow("binary is never UTF-8 checked") << hex("8202c328") << Endpoint::Server << false << QList<K> {};
    QTest::newRow("close payload of 1 byte") << hex("880103") << Endpoint::Server << false
                                             << QList<K> { K::ClosePayloadTooShort };
    for (int code : { 0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535 }) {
        QByteArray frame = hex("8802");
        frame.append(char(code >> 8)).append(char(code & 0xFF));
        QTest::addRow("close code %d", code) << frame << Endpoint::Server << false << QList<K> { K::InvalidCloseCode };
    }
    for (int code : { 1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4999 }) {
        QByteArray frame = hex("8802");
        frame.append(char(code >> 8)).append(char(code & 0xFF));
        QTest::addRow("close code %d is valid", code) << frame << Endpoint::Server << false << QList<K> {};
    }
    QTest::newRow("close reason not UTF-8") << hex("880403e8ff41") << Endpoint::Server << false
                                            << QList<K> { K::InvalidCloseReason };
    QTest::newRow("close reason valid UTF-8") << hex("880803e8ed959ceab880") << Endpoint::Server << false
                                              << QList<K> {};
    QTest::newRow("RSV1 on ping with deflate") << hex("c900") << Endpoint::Server << true
                                               << QList<K> { K::CompressedControlFrame };
    QTest::newRow("RSV1 on continuation with deflate") << hex("4101aa" "c001bb") << Endpoint::Server << true
                                                       << QList<K> { K::CompressedContinuation };
    QTest::newRow("RSV1 on first frame with deflate is fine") << hex("c107f248cdc9c90700") << Endpoint::Server << true
                                                              << QList<K> {};
    QTest::newRow("two rules in one frame") << hex("0a0548656c6c6f") << Endpoint::Client << false
                                            << QList<K> { K::FragmentedControlFrame, K::UnmaskedClientFrame };
}

void tst_FrameParser::violations()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Endpoint, sender);
    QFETCH(bool, deflate);
    QFETCH(QList<ViolationKind>, expected);

    FrameParser::Options options = optionsFor(sender, deflate);
    options.limits.maxFramePayload = 1024 * 1024;
    const FrameRecorder recorder = parseAll(bytes, options);
    QVERIFY(!recorder.frames.isEmpty());
    QCOMPARE(recorder.allKinds(), expected);
    // The same bytes one at a time find the same violations.
    FrameRecorder byteAtATime;
    FrameParser parser(options);
    for (char c : bytes)
        parser.feed(QByteArrayView(&c, 1), byteAtATime);
    QCOMPARE(byteAtATime.descriptions(), recorder.descriptions());
}

void tst_FrameParser::violationsCarryCodeAndSection()
{
    struct Row
    {
        QByteArray bytes;
        Endpoint sender;
        quint16 code;
        const char *section;
        bool fatal;
        const char *messagePart;
    };
    const Row rows[] = {
        { hex("810548656c6c6f"), Endpoint::Client, 1002, "5.1", true, "MASK = 0" },
        { hex("818537fa213d7f9f4d5158"), Endpoint::Server, 1002, "5.1", true, "masking key 37fa213d" },
        { hex("a100"), Endpoint::Server, 1002, "5.2", true, "RSV2 is set" },
        { hex("8300"), Endpoint::Server, 1002, "5.2", true, "Opcode 3 is reserved" },
        { hex("897e007e") + QByteArray(126, 'p'), Endpoint::Server, 1002, "5.5", true, "126 bytes" },
        { hex("80026c6f"), Endpoint::Server, 1002, "5.4", true, "continuation" },
        { hex("817e000548656c6c6f"), Endpoint::Server, 1002, "5.2", false, "16-bit form; the minimal form is 7-bit" },
        { hex("8102c328"), Endpoint::Server, 1007, "8.1", true, "byte 1 of the message (0x28)" },
        { hex("880103"), Endpoint::Server, 1002, "5.5.1", true, "1 byte" },
        { hex("880203ed"), Endpoint::Server, 1002, "7.4.1", true, "Close code 1005" },
        { hex("880403e8ff41"), Endpoint::Server, 1007, "5.5.1", true, "not valid UTF-8" },
    };
    for (const Row &row : rows) {
        const FrameRecorder recorder = parseAll(row.bytes, optionsFor(row.sender));
        QCOMPARE(recorder.frames.size(), 1);
        const Violations &violations = recorder.frames.constFirst().frame.violations;
        QCOMPARE(violations.size(), 1);
        const Violation &v = violations.constFirst();
        QCOMPARE(v.closeCode, row.code);
        QCOMPARE(v.rfcSection, QString::fromLatin1(row.section));
        QCOMPARE(v.fatal, row.fatal);
        QVERIFY2(v.message.contains(QString::fromUtf8(row.messagePart)), qPrintable(v.message));
    }
}

void tst_FrameParser::utf8AcrossFragments()
{
    // "κόσμε" split inside its multi-byte characters across three fragments: valid.
    const QByteArray text = QStringLiteral("κόσμε").toUtf8();
    QByteArray stream = FrameWriter::frame(Endpoint::Server, 0x1, text.left(3), false)
        + FrameWriter::frame(Endpoint::Server, 0x0, text.mid(3, 4), false)
        + FrameWriter::frame(Endpoint::Server, 0x0, text.mid(7), true);
    FrameRecorder recorder = parseAll(stream, optionsFor(Endpoint::Server));
    QCOMPARE(recorder.frames.size(), 3);
    QVERIFY(recorder.allKinds().isEmpty());

    // A bad byte in the first fragment is reported on the first frame, not at the end of the message.
    stream = FrameWriter::frame(Endpoint::Server, 0x1, hex("41ff42"), false)
        + FrameWriter::frame(Endpoint::Server, 0x0, "more", true);
    recorder = parseAll(stream, optionsFor(Endpoint::Server));
    QCOMPARE(recorder.frames.size(), 2);
    QCOMPARE(recorder.frames.at(0).kinds(), QList<ViolationKind> { ViolationKind::InvalidUtf8 });
    QVERIFY(recorder.frames.at(0).frame.violations.constFirst().message.contains(u"byte 1 "_s));
    QVERIFY(recorder.frames.at(1).kinds().isEmpty());

    // A sequence cut by the end of the message is reported on the final frame.
    stream = FrameWriter::frame(Endpoint::Server, 0x1, "ab\xe2\x82", false)
        + FrameWriter::frame(Endpoint::Server, 0x0, "", true);
    recorder = parseAll(stream, optionsFor(Endpoint::Server));
    QCOMPARE(recorder.frames.at(0).kinds(), QList<ViolationKind> {});
    QCOMPARE(recorder.frames.at(1).kinds(), QList<ViolationKind> { ViolationKind::InvalidUtf8 });

    // The offset counts from the start of the message, across fragments.
    stream = FrameWriter::frame(Endpoint::Server, 0x1, "hello", false)
        + FrameWriter::frame(Endpoint::Server, 0x0, "wo\xc0rld", true);
    recorder = parseAll(stream, optionsFor(Endpoint::Server));
    QVERIFY(recorder.frames.at(1).frame.violations.constFirst().message.contains(u"byte 7 "_s));
}

void tst_FrameParser::utf8FailsAtTheBadByteBeforeTheFrameEnds()
{
    // A 1 MiB text frame whose 10th byte is invalid: the parser says so after the first piece.
    QByteArray payload(1024 * 1024, 'a');
    payload[9] = char(0xFF);
    const QByteArray bytes = FrameWriter::text(Endpoint::Client, payload);
    FrameRecorder recorder;
    FrameParser parser(optionsFor(Endpoint::Client));
    parser.feed(QByteArrayView(bytes).first(100), recorder);
    QCOMPARE(recorder.frames.size(), 0);
    QCOMPARE(recorder.early.size(), 1);
    QCOMPARE(recorder.early.constFirst().kind, ViolationKind::InvalidUtf8);
    QCOMPARE(recorder.early.constFirst().closeCode, quint16(1007));
    parser.feed(QByteArrayView(bytes).sliced(100), recorder);
    QCOMPARE(recorder.frames.size(), 1);
    QCOMPARE(recorder.frames.constFirst().kinds(), QList<ViolationKind> { ViolationKind::InvalidUtf8 });

    // Header violations of a frame still arriving are announced early too.
    FrameRecorder second;
    FrameParser serverParser(optionsFor(Endpoint::Server));
    serverParser.feed(QByteArrayView(bytes).first(100), second); // masked: wrong for a server
    QCOMPARE(second.early.size(), 2);
    QCOMPARE(second.early.at(0).kind, ViolationKind::MaskedServerFrame);
    QCOMPARE(second.early.at(1).kind, ViolationKind::InvalidUtf8);
}

void tst_FrameParser::hugeDeclaredLengthAllocatesNothing()
{
    // A header declaring 1 TiB: reported at once as 1009 with its payload omitted; nothing allocated.
    const QByteArray header = hex("827f0000010000000000");
    FrameRecorder recorder;
    FrameParser parser(optionsFor(Endpoint::Server));
    parser.feed(header, recorder);
    QCOMPARE(recorder.frames.size(), 1);
    const Frame &f = recorder.frames.constFirst().frame;
    QCOMPARE(f.payloadLength, quint64(1) << 40);
    QVERIFY(f.payloadOmitted);
    QCOMPARE(recorder.frames.constFirst().kinds(), QList<ViolationKind> { ViolationKind::FrameTooLarge });
    QCOMPARE(f.violations.constFirst().closeCode, quint16(1009));
    // What follows is that frame's payload, skipped without being kept.
    parser.feed(QByteArray(4 * 1024 * 1024, 'z'), recorder);
    QCOMPARE(recorder.frames.size(), 1);
    QCOMPARE(parser.pendingBytes(), qint64(header.size()) + 4 * 1024 * 1024);
}

void tst_FrameParser::frameOverLimitIsSkippedAndParsingContinues()
{
    FrameParser::Options options = optionsFor(Endpoint::Server);
    options.limits.maxFramePayload = 10;
    options.limits.maxMessageSize = 15;
    const QByteArray stream = FrameWriter::binary(Endpoint::Server, QByteArray(11, 'x'))
        + FrameWriter::text(Endpoint::Server, "ok")
        + FrameWriter::frame(Endpoint::Server, 0x2, QByteArray(8, 'a'), false)
        + FrameWriter::frame(Endpoint::Server, 0x0, QByteArray(8, 'b'), true);
    const FrameRecorder recorder = parseAll(stream, options);
    QCOMPARE(recorder.frames.size(), 4);
    QCOMPARE(recorder.frames.at(0).kinds(), QList<ViolationKind> { ViolationKind::FrameTooLarge });
    QVERIFY(recorder.frames.at(0).frame.payloadOmitted);
    QCOMPARE(recorder.frames.at(1).payload, QByteArray("ok"));
    QVERIFY(recorder.frames.at(1).kinds().isEmpty());
    QVERIFY(recorder.frames.at(2).kinds().isEmpty());
    QCOMPARE(recorder.frames.at(3).kinds(), QList<ViolationKind> { ViolationKind::MessageTooLarge });
    QCOMPARE(recorder.frames.at(3).frame.violations.constFirst().closeCode, quint16(1009));
}

void tst_FrameParser::controlFramesBetweenFragments()
{
    const QByteArray stream = hex("010348656c" "890170" "80026c6f");
    const FrameRecorder recorder = parseAll(stream, optionsFor(Endpoint::Server));
    QCOMPARE(recorder.frames.size(), 3);
    QVERIFY(recorder.allKinds().isEmpty());
    QCOMPARE(recorder.frames.at(0).frame.position, FramePosition::First);
    QCOMPARE(recorder.frames.at(1).frame.position, FramePosition::Control);
    QCOMPARE(recorder.frames.at(2).frame.position, FramePosition::Last);
    QCOMPARE(recorder.frames.at(2).frame.messageOpcode, quint8(1));
}

void tst_FrameParser::pendingBytesAndOffsets()
{
    FrameRecorder recorder;
    FrameParser parser(optionsFor(Endpoint::Server));
    parser.feed(hex("810548656c6c6f" "8105486565"), recorder);
    QCOMPARE(recorder.frames.size(), 1);
    QCOMPARE(parser.pendingBytes(), 5);
    QCOMPARE(parser.bytesConsumed(), 12);
    parser.feed(hex("6c6f" "82"), recorder);
    QCOMPARE(recorder.frames.size(), 2);
    QCOMPARE(recorder.frames.at(1).frame.streamOffset, 7);
    QCOMPARE(recorder.frames.at(1).frame.index, 1);
    QCOMPARE(parser.pendingBytes(), 1);
}

void tst_FrameParser::writerRoundTripRandomFrames()
{
    // Thousands of random frames (any opcode, any bits, any form, masked or not) through the writer and
    // back through the parser: every field and every payload byte survives.
    QRandomGenerator random(2024);
    for (int i = 0; i < 5000; ++i) {
        FrameSpec spec;
        spec.fin = random.bounded(2);
        spec.rsv1 = random.bounded(8) == 0;
        spec.rsv2 = random.bounded(8) == 0;
        spec.rsv3 = random.bounded(8) == 0;
        spec.opcode = quint8(random.bounded(16));
        const int sizeClass = int(random.bounded(10));
        const int size = sizeClass < 6 ? int(random.bounded(126)) : sizeClass < 9 ? int(random.bounded(66000)) : 0;
        spec.payload = randomBytes(random, size);
        spec.masking = FrameSpec::Masking(random.bounded(3));
        spec.maskingKey = { quint8(random.bounded(256)), quint8(random.bounded(256)), quint8(random.bounded(256)),
                            quint8(random.bounded(256)) };
        if (random.bounded(4) == 0) {
            const LengthForm forms[] = { LengthForm::Bits7, LengthForm::Bits16, LengthForm::Bits64 };
            const LengthForm form = forms[random.bounded(3)];
            if (!(form == LengthForm::Bits7 && size > 125) && !(form == LengthForm::Bits16 && size > 65535))
                spec.lengthForm = form;
        }
        std::array<quint8, 4> usedKey {};
        QString error;
        const QByteArray bytes = FrameWriter::encode(spec, &error, &usedKey);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        FrameParser::Options options = optionsFor(random.bounded(2) ? Endpoint::Client : Endpoint::Server);
        const FrameRecorder recorder = parseAll(bytes, options);
        QCOMPARE(recorder.frames.size(), 1);
        const Frame &f = recorder.frames.constFirst().frame;
        QCOMPARE(f.fin, spec.fin);
        QCOMPARE(f.rsv1, spec.rsv1);
        QCOMPARE(f.rsv2, spec.rsv2);
        QCOMPARE(f.rsv3, spec.rsv3);
        QCOMPARE(f.opcode, spec.opcode);
        QCOMPARE(f.masked, spec.masking != FrameSpec::Masking::None);
        if (f.masked)
            QCOMPARE(f.maskingKey, usedKey);
        if (spec.masking == FrameSpec::Masking::Chosen)
            QCOMPARE(f.maskingKey, spec.maskingKey);
        QCOMPARE(f.payloadLength, quint64(size));
        if (spec.lengthForm)
            QCOMPARE(f.lengthForm, *spec.lengthForm);
        QCOMPARE(recorder.frames.constFirst().payload, spec.payload);
        QCOMPARE(qsizetype(f.headerLength) + size, bytes.size());
    }
}

void tst_FrameParser::directPayloadReadsMatchFeed()
{
    // A reader that puts payload bytes straight into the parser's buffer (as a connection does for large
    // frames) gets exactly what feed() gives: masked and unmasked, UTF-8 checked, in uneven pieces.
    QRandomGenerator random(1009);
    QByteArray text(300000, 'a');
    text[200001] = char(0xFF); // invalid UTF-8 deep inside
    const QByteArray stream = FrameWriter::text(Endpoint::Client, text)
        + FrameWriter::binary(Endpoint::Client, randomBytes(random, 200000)) + FrameWriter::text(Endpoint::Client, "end");
    const QStringList expected = parseAll(stream, optionsFor(Endpoint::Client)).descriptions();

    FrameRecorder recorder;
    FrameParser parser(optionsFor(Endpoint::Client));
    qsizetype at = 0;
    while (at < stream.size()) {
        const qsizetype wanted = parser.payloadBytesWanted();
        if (wanted > 0) {
            const qsizetype size = std::min({ wanted, stream.size() - at, 1 + qsizetype(random.bounded(70000)) });
            char *to = parser.directPayloadBuffer(size);
            const qsizetype written = qMax<qsizetype>(1, size - qsizetype(random.bounded(3))); // sometimes fewer
            std::memcpy(to, stream.constData() + at, size_t(written));
            parser.directPayloadWritten(written, recorder);
            at += written;
        } else {
            const qsizetype size = qMin<qsizetype>(stream.size() - at, 1 + qsizetype(random.bounded(20)));
            parser.feed(QByteArrayView(stream).sliced(at, size), recorder);
            at += size;
        }
    }
    QCOMPARE(recorder.descriptions(), expected);
    QCOMPARE(parser.bytesConsumed(), qint64(stream.size()));
    QCOMPARE(recorder.frames.at(0).kinds(), QList<ViolationKind> { ViolationKind::InvalidUtf8 });
}

QTEST_APPLESS_MAIN(tst_FrameParser)
#include "tst_frameparser.moc"
