// FrameWriter: exact bytes of valid and deliberately invalid frames.

#include "app/protocol/framewriter.h"
#include "app/protocol/unmask.h"

#include <QtCore/QSet>
#include <QtTest/QTest>

Q_DECLARE_METATYPE(Frameline::FrameSpec)

using namespace Frameline;
using namespace Qt::StringLiterals;

namespace {
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

FrameSpec crafted(quint8 opcode, const QByteArray &payload)
{
    FrameSpec spec;
    spec.opcode = opcode;
    spec.payload = payload;
    return spec;
}
} // namespace

class tst_FrameWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void craftedFrames_data();
    void craftedFrames();
    void impossibleSpecs_data();
    void impossibleSpecs();
    void serverFramesAreUnmaskedAndMinimal_data();
    void serverFramesAreUnmaskedAndMinimal();
    void clientFramesGetAFreshKeyEachTime();
    void closeFrames();
    void fragments_data();
    void fragments();
    void maskCopyKeepsItsPlace();
};

void tst_FrameWriter::craftedFrames_data()
{
    QTest::addColumn<FrameSpec>("spec");
    QTest::addColumn<QByteArray>("expected");

    FrameSpec spec = crafted(0x1, "Hello");
    spec.masking = FrameSpec::Masking::Chosen;
    spec.maskingKey = { 0x37, 0xfa, 0x21, 0x3d };
    QTest::newRow("RFC 6455 5.7 masked Hello") << spec << hex("818537fa213d7f9f4d5158");

    spec = crafted(0x1, "Hello");
    QTest::newRow("RFC 6455 5.7 unmasked Hello") << spec << hex("810548656c6c6f");

    spec = crafted(0x1, "Hello");
    spec.lengthForm = LengthForm::Bits64;
    QTest::newRow("5 bytes in the 64-bit form") << spec << hex("817f000000000000000548656c6c6f");

    spec = crafted(0x1, "Hello");
    spec.lengthForm = LengthForm::Bits16;
    QTest::newRow("5 bytes in the 16-bit form") << spec << hex("817e000548656c6c6f");

    spec = crafted(0x1, "Hello");
    spec.rsv2 = true;
    QTest::newRow("RSV2 set") << spec << hex("a10548656c6c6f");

    spec = crafted(0x1, "Hello");
    spec.rsv1 = spec.rsv2 = spec.rsv3 = true;
    spec.fin = false;
    QTest::newRow("all RSV, no FIN") << spec << hex("710548656c6c6f");

    for (int opcode = 0; opcode <= 15; ++opcode) {
        spec = crafted(quint8(opcode), QByteArray());
        QByteArray expected = hex("8000");
        expected[0] = char(0x80 | opcode);
        QTest::addRow("opcode %d", opcode) << spec << expected;
    }

    spec = crafted(0x9, "p");
    spec.fin = false;
    QTest::newRow("fragmented ping") << spec << hex("090170");

    spec = crafted(0x1, "Hello");
    spec.declaredLength = 3;
    QTest::newRow("length says 3, 5 bytes follow") << spec << hex("810348656c6c6f");

    spec = crafted(0x2, "ab");
    spec.declaredLength = quint64(1) << 40;
    QTest::newRow("length says 1 TiB") << spec << hex("827f00000100000000006162");

    spec = crafted(0x2, "ab");
    spec.declaredLength = quint64(1) << 63;
    QTest::newRow("64-bit length with top bit") << spec << hex("827f80000000000000006162");

    spec = crafted(0x2, "");
    spec.declaredLength = 126;
    spec.lengthForm = LengthForm::Bits7;
    QTest::newRow("7-bit field holding 126") << spec << hex("827e");

    spec = crafted(0x8, QByteArray());
    spec.masking = FrameSpec::Masking::Chosen;
    spec.maskingKey = { 0, 0, 0, 0 };
    QTest::newRow("masked with a zero key") << spec << hex("888000000000");
}

void tst_FrameWriter::craftedFrames()
{
    QFETCH(FrameSpec, spec);
    QFETCH(QByteArray, expected);
    QString error = u"not cleared"_s;
    QCOMPARE(FrameWriter::encode(spec, &error).toHex(), expected.toHex());
    QVERIFY(error.isEmpty());
}

void tst_FrameWriter::impossibleSpecs_data()
{
    QTest::addColumn<FrameSpec>("spec");
    QTest::addColumn<QString>("error");

    FrameSpec spec = crafted(16, "x");
    QTest::newRow("opcode 16") << spec << u"Opcode 16 does not fit the 4-bit opcode field (0-15)"_s;
    spec = crafted(1, QByteArray(200, 'x'));
    spec.lengthForm = LengthForm::Bits7;
    QTest::newRow("200 in the 7-bit form") << spec << u"A length of 200 does not fit the 7-bit length field (0-127)"_s;
    spec = crafted(1, "x");
    spec.lengthForm = LengthForm::Bits16;
    spec.declaredLength = 70000;
    QTest::newRow("70000 in the 16-bit form") << spec
                                              << u"A length of 70000 does not fit the 16-bit length field (0-65535)"_s;
}

void tst_FrameWriter::impossibleSpecs()
{
    QFETCH(FrameSpec, spec);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(FrameWriter::encode(spec, &actual).isEmpty());
    QCOMPARE(actual, error);
}

void tst_FrameWriter::serverFramesAreUnmaskedAndMinimal_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("0") << 0 << hex("8200");
    QTest::newRow("125") << 125 << hex("827d");
    QTest::newRow("126") << 126 << hex("827e007e");
    QTest::newRow("65535") << 65535 << hex("827effff");
    QTest::newRow("65536") << 65536 << hex("827f0000000000010000");
}

void tst_FrameWriter::serverFramesAreUnmaskedAndMinimal()
{
    QFETCH(int, size);
    QFETCH(QByteArray, header);
    const QByteArray payload(size, 'z');
    const QByteArray frame = FrameWriter::binary(Endpoint::Server, payload);
    QCOMPARE(frame.left(header.size()).toHex(), header.toHex());
    QCOMPARE(frame.mid(header.size()), payload);
    QCOMPARE(FrameWriter::headerLength(quint64(size), false), int(header.size()));
}

void tst_FrameWriter::clientFramesGetAFreshKeyEachTime()
{
    QSet<QByteArray> keys;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray frame = FrameWriter::text(Endpoint::Client, "Hello");
        QCOMPARE(frame.size(), 11);
        QCOMPARE(quint8(frame[0]), quint8(0x81));
        QCOMPARE(quint8(frame[1]), quint8(0x85));
        const QByteArray key = frame.mid(2, 4);
        QByteArray payload = frame.mid(6);
        for (int j = 0; j < payload.size(); ++j)
            payload[j] = char(payload[j] ^ key[j % 4]);
        QCOMPARE(payload, QByteArray("Hello"));
        keys.insert(key);
    }
    // 1000 keys from a 32-bit cryptographic source: a repeat would be a 1-in-8600 event.
    QVERIFY(keys.size() >= 999);
}

void tst_FrameWriter::closeFrames()
{
    QCOMPARE(FrameWriter::close(Endpoint::Server, 1000, u"bye"_s).toHex(), QByteArray("880503e8627965"));
    QCOMPARE(FrameWriter::close(Endpoint::Server, 4000).toHex(), QByteArray("88020fa0"));
    QCOMPARE(FrameWriter::closeWithoutCode(Endpoint::Server).toHex(), QByteArray("8800"));
    // A long Korean reason is cut to fit 125 bytes at a character boundary (3-byte characters).
    const QString reason(60, QChar(0xD55C));
    const QByteArray frame = FrameWriter::close(Endpoint::Server, 1001, reason);
    QCOMPARE(quint8(frame[1]), quint8(2 + 123));
    QCOMPARE(QString::fromUtf8(frame.mid(4)), QString(41, QChar(0xD55C)));
}

void tst_FrameWriter::fragments_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("Hello in 2") << QByteArray("Hello") << 2 << QStringList { u"010348656c"_s, u"80026c6f"_s };
    QTest::newRow("Hello in 5") << QByteArray("Hello") << 5
                                << QStringList { u"010148"_s, u"000165"_s, u"00016c"_s,
                                                 u"00016c"_s, u"80016f"_s };
    QTest::newRow("ab in 3") << QByteArray("ab") << 3 << QStringList { u"010161"_s, u"000162"_s, u"8000"_s };
    QTest::newRow("in 1") << QByteArray("ab") << 1 << QStringList { u"81026162"_s };
    QTest::newRow("0 means 1") << QByteArray("ab") << 0 << QStringList { u"81026162"_s };
}

void tst_FrameWriter::fragments()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, count);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const QByteArray &frame : FrameWriter::fragments(Endpoint::Server, 0x1, payload, count))
        actual.append(QString::fromLatin1(frame.toHex()));
    QCOMPARE(actual, expected);

    const QList<QByteArray> compressed = FrameWriter::fragments(Endpoint::Server, 0x2, payload, count, true);
    QCOMPARE(quint8(compressed.constFirst()[0]) & 0x40, 0x40);
    for (qsizetype i = 1; i < compressed.size(); ++i)
        QCOMPARE(quint8(compressed.at(i)[0]) & 0x40, 0);
}

void tst_FrameWriter::maskCopyKeepsItsPlace()
{
    // Every split point and every starting key offset give the same result as a byte loop.
    const std::array<quint8, 4> key = { 0x11, 0x22, 0x33, 0x44 };
    QByteArray input(300, Qt::Uninitialized);
    for (int i = 0; i < input.size(); ++i)
        input[i] = char(i * 31 + 7);
    QByteArray expected = input;
    for (int i = 0; i < expected.size(); ++i)
        expected[i] = char(expected[i] ^ key[i % 4]);
    for (int split = 0; split <= input.size(); split += 7) {
        QByteArray out(input.size(), '\0');
        const quint8 offset = maskCopy(input.constData(), out.data(), split, key, 0);
        QCOMPARE(offset, quint8(split % 4));
        maskCopy(input.constData() + split, out.data() + split, input.size() - split, key, offset);
        QCOMPARE(out, expected);
    }
    // In place.
    QByteArray inPlace = input;
    maskCopy(inPlace.constData(), inPlace.data(), inPlace.size(), key);
    QCOMPARE(inPlace, expected);
}

QTEST_APPLESS_MAIN(tst_FrameWriter)
#include "tst_framewriter.moc"
