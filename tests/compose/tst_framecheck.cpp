// FrameCheck and Fragmenter: one row per RFC 6455 / RFC 7692 rule a crafted frame can break, with the exact
// ViolationKind and close code, and the same verdict from the real decoder (the frame is written with
// FrameWriter and read back with FrameParser); clean frames give nothing; lying lengths give warnings;
// fragments have exact opcodes, FIN bits and payload slices.

#include "app/compose/framecheck.h"
#include "app/protocol/frameparser.h"
#include "app/protocol/framewriter.h"

#include <QtTest/QTest>

#include <algorithm>

using namespace Frameline;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Frameline::FrameSpec)
Q_DECLARE_METATYPE(Frameline::Endpoint)

namespace {

class Collector : public FrameParser::Handler
{
public:
    void frameParsed(Frame &frame) override
    {
        QList<ViolationKind> kinds;
        for (const Violation &violation : std::as_const(frame.violations))
            kinds.append(violation.kind);
        frames.append(kinds);
    }
    QList<QList<ViolationKind>> frames;
};

FrameSpec spec(quint8 opcode, const QByteArray &payload, Endpoint sender = Endpoint::Client)
{
    return FrameSpec::valid(sender, opcode, payload);
}

QList<ViolationKind> sorted(QList<ViolationKind> kinds)
{
    std::sort(kinds.begin(), kinds.end());
    return kinds;
}

} // namespace

class TestFrameCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void messages();
    void lyingLength();
    void sequence();
    void fragments();
    void reservedOpcodeFragments();
    void fragmentBounds();
};

void TestFrameCheck::rules_data()
{
    QTest::addColumn<FrameSpec>("frame");
    QTest::addColumn<Endpoint>("sender");
    QTest::addColumn<bool>("deflate");
    QTest::addColumn<bool>("open");
    QTest::addColumn<QList<ViolationKind>>("kinds");
    QTest::addColumn<QList<int>>("closeCodes");

    const Endpoint client = Endpoint::Client;
    const Endpoint server = Endpoint::Server;
    using K = ViolationKind;

    QTest::newRow("valid client text")
        << spec(0x1, "hello") << client << false << false << QList<K>() << QList<int>();
    QTest::newRow("valid server binary")
        << spec(0x2, QByteArray(300, 'x'), server) << server << false << false << QList<K>() << QList<int>();
    QTest::newRow("valid close") << spec(0x8, QByteArray::fromHex("03e8") + "bye") << client << false << false
                                 << QList<K>() << QList<int>();
    QTest::newRow("valid compressed") <<
        [] {
            FrameSpec f = spec(0x1, QByteArray::fromHex("f248cdc9c90700"));
            f.rsv1 = true;
            return f;
        }() << client << true << false << QList<K>()
                                      << QList<int>();
    QTest::newRow("valid continuation") <<
        [] {
            FrameSpec f = spec(0x0, "end");
            return f;
        }() << client << false << true << QList<K>()
                                        << QList<int>();
    QTest::newRow("valid ping inside message")
        << spec(0x9, "p") << client << false << true << QList<K>() << QList<int>();

    QTest::newRow("unmasked client") << spec(0x1, "hi", server) << client << false << false
                                     << QList<K> { K::UnmaskedClientFrame } << QList<int> { 1002 };
    QTest::newRow("masked server") << spec(0x1, "hi", client) << server << false << false
                                   << QList<K> { K::MaskedServerFrame } << QList<int> { 1002 };
    QTest::newRow("rsv1 without deflate") <<
        [] {
            FrameSpec f = spec(0x2, "x");
            f.rsv1 = true;
            return f;
        }() << client << false << false << QList<K> { K::ReservedBitsSet }
                                          << QList<int> { 1002 };
    QTest::newRow("rsv2") <<
        [] {
            FrameSpec f = spec(0x2, "x");
            f.rsv2 = true;
            return f;
        }() << client << true
                          << false << QList<K> { K::ReservedBitsSet } << QList<int> { 1002 };
    QTest::newRow("rsv3") <<
        [] {
            FrameSpec f = spec(0x2, "x");
            f.rsv3 = true;
            return f;
        }() << client << false
                          << false << QList<K> { K::ReservedBitsSet } << QList<int> { 1002 };
    QTest::newRow("rsv1 on control") <<
        [] {
            FrameSpec f = spec(0x9, "x");
            f.rsv1 = true;
            return f;
        }() << client << true << false
                                     << QList<K> { K::CompressedControlFrame } << QList<int> { 1002 };
    QTest::newRow("rsv1 on continuation") <<
        [] {
            FrameSpec f = spec(0x0, "x");
            f.rsv1 = true;
            return f;
        }() << client << true << true << QList<K> { K::CompressedContinuation }
                                          << QList<int> { 1002 };
    QTest::newRow("reserved opcode 3") << spec(0x3, "x") << client << false << false
                                       << QList<K> { K::ReservedOpcode } << QList<int> { 1002 };
    QTest::newRow("reserved opcode 15")
        << spec(0xF, "") << client << false << false << QList<K> { K::ReservedOpcode } << QList<int> { 1002 };
    QTest::newRow("fragmented ping") <<
        [] {
            FrameSpec f = spec(0x9, "x");
            f.fin = false;
            return f;
        }() << client << false << false
                                     << QList<K> { K::FragmentedControlFrame } << QList<int> { 1002 };
    QTest::newRow("ping 126 bytes") << spec(0x9, QByteArray(126, 'p')) << client << false << false
                                    << QList<K> { K::ControlFrameTooLong } << QList<int> { 1002 };
    QTest::newRow("ping 125 bytes") << spec(0x9, QByteArray(125, 'p')) << client << false << false
                                    << QList<K>() << QList<int>();
    QTest::newRow("non-minimal 16") <<
        [] {
            FrameSpec f = spec(0x2, "abc");
            f.lengthForm = LengthForm::Bits16;
            return f;
        }() << client << false << false
                                    << QList<K> { K::NonMinimalLength } << QList<int> { 1002 };
    QTest::newRow("non-minimal 64") <<
        [] {
            FrameSpec f = spec(0x2, QByteArray(200, 'a'));
            f.lengthForm = LengthForm::Bits64;
            return f;
        }() << client << false << false
                                    << QList<K> { K::NonMinimalLength } << QList<int> { 1002 };
    QTest::newRow("orphan continuation") << spec(0x0, "x") << client << false << false
                                         << QList<K> { K::UnexpectedContinuation } << QList<int> { 1002 };
    QTest::newRow("new message inside one") << spec(0x2, "x") << client << false << true
                                            << QList<K> { K::ExpectedContinuation } << QList<int> { 1002 };
    QTest::newRow("invalid utf8 text") << spec(0x1, QByteArray::fromHex("61c328")) << client << false << false
                                       << QList<K> { K::InvalidUtf8 } << QList<int> { 1007 };
    QTest::newRow("truncated utf8 text") << spec(0x1, QByteArray::fromHex("61e282")) << client << false
                                         << false << QList<K> { K::InvalidUtf8 } << QList<int> { 1007 };
    QTest::newRow("close 1 byte") << spec(0x8, QByteArray(1, '\x03')) << client << false << false
                                  << QList<K> { K::ClosePayloadTooShort } << QList<int> { 1002 };
    QTest::newRow("close 1005") << spec(0x8, QByteArray::fromHex("03ed")) << client << false << false
                                << QList<K> { K::InvalidCloseCode } << QList<int> { 1002 };
    QTest::newRow("close 999") << spec(0x8, QByteArray::fromHex("03e7"), server) << server << false << false
                               << QList<K> { K::InvalidCloseCode } << QList<int> { 1002 };
    QTest::newRow("close bad reason") << spec(0x8, QByteArray::fromHex("03e8ff")) << client << false << false
                                      << QList<K> { K::InvalidCloseReason } << QList<int> { 1007 };
    QTest::newRow("several") <<
        [] {
            FrameSpec f = spec(0xA, QByteArray(130, 'x'), Endpoint::Server);
            f.fin = false;
            f.rsv3 = true;
            return f;
        }() << client << false
                             << false
                             << QList<K> { K::UnmaskedClientFrame, K::ReservedBitsSet,
                                    K::FragmentedControlFrame, K::ControlFrameTooLong }
                             << QList<int> { 1002, 1002, 1002, 1002 };
}

void TestFrameCheck::rules()
{
    QFETCH(FrameSpec, frame);
    QFETCH(Endpoint, sender);
    QFETCH(bool, deflate);
    QFETCH(bool, open);
    QFETCH(QList<ViolationKind>, kinds);
    QFETCH(QList<int>, closeCodes);

    const FrameCheckResult result = FrameCheck::check(frame, { sender, deflate, open });
    QList<ViolationKind> actual;
    QList<int> codes;
    for (const Violation &violation : result.violations) {
        actual.append(violation.kind);
        codes.append(violation.closeCode);
        QVERIFY(!violation.message.isEmpty());
        QCOMPARE(violation.rfcSection, ViolationText::rfcSectionFor(violation.kind));
    }
    QCOMPARE(actual, kinds);
    QCOMPARE(codes, closeCodes);
    QVERIFY(result.warnings.isEmpty());
    QCOMPARE(result.isClean(), kinds.isEmpty());

    // The decoder, given the same bytes in the same state, finds the same rules.
    FrameParser::Options options;
    options.sender = sender;
    options.perMessageDeflate = deflate;
    FrameParser parser(options);
    Collector collector;
    if (open)
        parser.feed(FrameWriter::frame(sender, 0x2, "start", false), collector);
    QString error;
    const QByteArray bytes = FrameWriter::encode(frame, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    parser.feed(bytes, collector);
    QCOMPARE(collector.frames.size(), open ? 2 : 1);
    if (open)
        QVERIFY(collector.frames.first().isEmpty());
    QCOMPARE(sorted(collector.frames.last()), sorted(kinds));
}

void TestFrameCheck::messages()
{
    FrameSpec frame = spec(0x9, QByteArray(130, 'x'));
    frame.fin = false;
    const FrameCheckResult result = FrameCheck::check(frame, { Endpoint::Client, false, false });
    QCOMPARE(result.violations.size(), 2);
    QCOMPARE(
        result.violations[0].message, u"The ping frame has FIN = 0; control frames must not be fragmented"_s);
    QCOMPARE(result.violations[1].message,
        u"The ping frame carries 130 bytes of payload; control frames carry at most 125"_s);

    const FrameCheckResult close = FrameCheck::check(spec(0x8, QByteArray::fromHex("03ee")), {});
    QCOMPARE(close.violations.size(), 1);
    QCOMPARE(close.violations[0].message,
        u"Close code 1006 (Abnormal Closure) must not be sent in a close frame"_s);
    QCOMPARE(close.violations[0].rfcSection, u"7.4.1"_s);
}

void TestFrameCheck::lyingLength()
{
    FrameSpec shorter = spec(0x2, "abcdef");
    shorter.declaredLength = 2;
    FrameCheckResult result = FrameCheck::check(shorter, {});
    QVERIFY(result.violations.isEmpty());
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(result.warnings[0].kind, FrameWarning::Kind::DeclaredLengthShorter);
    QCOMPARE(result.warnings[0].message,
        u"The header declares 2 bytes but 6 are sent: the peer takes the first 2 as the payload and reads "
        u"the "
        u"other 4 as the start of the next frame"_s);

    FrameSpec longer = spec(0x2, "ab");
    longer.declaredLength = 10;
    result = FrameCheck::check(longer, {});
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(result.warnings[0].kind, FrameWarning::Kind::DeclaredLengthLonger);
    QCOMPARE(result.warnings[0].message,
        u"The header declares 10 bytes but only 2 are sent: the peer waits for 8 more and takes them from "
        u"whatever is sent next"_s);

    // A ping that declares 200 bytes is too long for the peer, whatever is really sent.
    FrameSpec ping = spec(0x9, "x");
    ping.declaredLength = 200;
    result = FrameCheck::check(ping, {});
    QCOMPARE(result.violations.size(), 1);
    QCOMPARE(result.violations[0].kind, ViolationKind::ControlFrameTooLong);
    QCOMPARE(FrameCheck::wireLength(ping), quint64(200));

    // The 64-bit length with its top bit set.
    FrameSpec huge = spec(0x2, "x");
    huge.declaredLength = quint64(1) << 63;
    result = FrameCheck::check(huge, {});
    QCOMPARE(result.violations.size(), 1);
    QCOMPARE(result.violations[0].kind, ViolationKind::LengthTopBitSet);
    QCOMPARE(result.violations[0].closeCode, quint16(1002));
}

void TestFrameCheck::sequence()
{
    bool open = false;
    FrameSpec first = spec(0x1, "a");
    first.fin = false;
    open = FrameCheck::fragmentedMessageOpenAfter(first, open);
    QVERIFY(open);
    open = FrameCheck::fragmentedMessageOpenAfter(spec(0x9, ""), open);
    QVERIFY(open);
    FrameSpec middle = spec(0x0, "b");
    middle.fin = false;
    open = FrameCheck::fragmentedMessageOpenAfter(middle, open);
    QVERIFY(open);
    open = FrameCheck::fragmentedMessageOpenAfter(spec(0x0, "c"), open);
    QVERIFY(!open);
    open = FrameCheck::fragmentedMessageOpenAfter(spec(0x2, "d"), open);
    QVERIFY(!open);
}

void TestFrameCheck::fragments()
{
    FrameSpec message = spec(0x1, "abcdefghij");
    message.rsv1 = true;
    message.masking = FrameSpec::Masking::Chosen;
    message.maskingKey = { 1, 2, 3, 4 };
    message.lengthForm = LengthForm::Bits64;
    message.declaredLength = 99;
    const QList<FrameSpec> frames = Fragmenter::split(message, 3);
    QCOMPARE(frames.size(), 3);
    const QList<QByteArray> payloads { "abcd", "efg", "hij" };
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(frames[i].payload, payloads[i]);
        QCOMPARE(frames[i].opcode, quint8(i == 0 ? 0x1 : 0x0));
        QCOMPARE(frames[i].fin, i == 2);
        QCOMPARE(frames[i].rsv1, i == 0);
        QCOMPARE(frames[i].masking, FrameSpec::Masking::Chosen);
        QCOMPARE(frames[i].maskingKey, message.maskingKey);
        QVERIFY(!frames[i].lengthForm);
        QVERIFY(!frames[i].declaredLength);
    }

    // The fragments pass FrameCheck in sequence, and the decoder reassembles them.
    FrameParser::Options options;
    FrameParser parser(options);
    Collector collector;
    bool open = false;
    for (const FrameSpec &frame : Fragmenter::split(spec(0x1, "hello, world"), 5)) {
        QVERIFY(FrameCheck::check(frame, { Endpoint::Client, false, open }).isClean());
        open = FrameCheck::fragmentedMessageOpenAfter(frame, open);
        parser.feed(FrameWriter::encode(frame), collector);
    }
    QVERIFY(!open);
    QCOMPARE(collector.frames.size(), 5);
    for (const QList<ViolationKind> &kinds : std::as_const(collector.frames))
        QVERIFY(kinds.isEmpty());
    QVERIFY(!parser.isInsideMessage());
}

void TestFrameCheck::reservedOpcodeFragments()
{
    // Fragments 3 with the reserved data opcode 0x3: the first frame carries the reserved-opcode
    // violation; the continuations after it belong to the message it opened.
    bool open = false;
    const QList<FrameSpec> frames = Fragmenter::split(spec(0x3, "abcdef"), 3);
    QCOMPARE(frames.size(), 3);
    QList<QList<ViolationKind>> kinds;
    for (const FrameSpec &frame : frames) {
        const FrameCheckResult result = FrameCheck::check(frame, { Endpoint::Client, false, open });
        QList<ViolationKind> frameKinds;
        for (const Violation &violation : result.violations)
            frameKinds << violation.kind;
        kinds << frameKinds;
        open = FrameCheck::fragmentedMessageOpenAfter(frame, open);
        QCOMPARE(open, frame.fin ? false : true);
    }
    QCOMPARE(kinds.at(0), QList<ViolationKind> { ViolationKind::ReservedOpcode });
    QCOMPARE(kinds.at(1), QList<ViolationKind> {});
    QCOMPARE(kinds.at(2), QList<ViolationKind> {});
    QVERIFY(!open);

    // Every reserved data opcode opens one without FIN; none with FIN; reserved control opcodes never.
    for (quint8 opcode = 0x3; opcode <= 0x7; ++opcode) {
        FrameSpec first = spec(opcode, "x");
        first.fin = false;
        QVERIFY(FrameCheck::fragmentedMessageOpenAfter(first, false));
        first.fin = true;
        QVERIFY(!FrameCheck::fragmentedMessageOpenAfter(first, false));
    }
    FrameSpec control = spec(0xB, "");
    control.fin = false;
    QVERIFY(!FrameCheck::fragmentedMessageOpenAfter(control, false));
}

void TestFrameCheck::fragmentBounds()
{
    QCOMPARE(Fragmenter::maxFragments(0), 1);
    QCOMPARE(Fragmenter::maxFragments(3), 3);
    QCOMPARE(Fragmenter::maxFragments(1 << 20), Fragmenter::MaxFragments);

    // One frame: the message itself, whole, with its real length.
    FrameSpec message = spec(0x2, "xyz");
    message.fin = false;
    message.declaredLength = 1;
    QList<FrameSpec> frames = Fragmenter::split(message, 1);
    QCOMPARE(frames.size(), 1);
    QVERIFY(frames[0].fin);
    QCOMPARE(frames[0].opcode, quint8(0x2));
    QCOMPARE(frames[0].payload, QByteArray("xyz"));
    QVERIFY(!frames[0].declaredLength);

    // More fragments than bytes: one byte each. Zero or negative: one frame.
    frames = Fragmenter::split(spec(0x2, "xyz"), 10);
    QCOMPARE(frames.size(), 3);
    QCOMPARE(frames[2].payload, QByteArray("z"));
    QCOMPARE(Fragmenter::split(spec(0x2, "xyz"), 0).size(), 1);
    QCOMPARE(Fragmenter::split(spec(0x2, "xyz"), -4).size(), 1);
    frames = Fragmenter::split(spec(0x1, QByteArray()), 4);
    QCOMPARE(frames.size(), 1);
    QVERIFY(frames[0].fin);
}

QTEST_GUILESS_MAIN(TestFrameCheck)
#include "tst_framecheck.moc"
