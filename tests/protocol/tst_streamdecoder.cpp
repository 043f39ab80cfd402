// StreamDecoder / MessageAssembler: messages from fragments, the frame links, permessage-deflate
// (RFC 7692 §7.2.3 examples), limits on inflated size, UTF-8 after inflation.

#include "app/protocol/framewriter.h"
#include "app/protocol/permessagedeflate.h"
#include "app/protocol/streamdecoder.h"
#include "tests/common/framerecorder.h"

#include <QtTest/QTest>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::FrameRecorder;

namespace {
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

StreamDecoder::Options serverOptions(std::optional<DeflateParameters> deflate = std::nullopt)
{
    StreamDecoder::Options options;
    options.sender = Endpoint::Server;
    options.deflate = deflate;
    return options;
}

QList<ViolationKind> kindsOf(const Violations &violations)
{
    QList<ViolationKind> kinds;
    for (const Violation &v : violations)
        kinds.append(v.kind);
    return kinds;
}
} // namespace

class tst_StreamDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fragmentedMessageKeepsItsFrames();
    void abandonedMessageIsDropped();
    void compressedExamples_data();
    void compressedExamples();
    void compressedContextTakeover();
    void compressedFragmentedMessage();
    void compressedBombStopsAtTheLimit();
    void compressedGarbageIs1007();
    void compressedInvalidUtf8();
    void countsAndPending();
};

void tst_StreamDecoder::fragmentedMessageKeepsItsFrames()
{
    FrameRecorder recorder;
    StreamDecoder decoder(serverOptions(), recorder);
    decoder.feed(hex("010348656c" "890170" "80026c6f" "820201ff"));
    QCOMPARE(recorder.frames.size(), 4);
    QCOMPARE(recorder.messages.size(), 2);
    const Message &text = recorder.messages.at(0);
    QCOMPARE(text.index, 0);
    QCOMPARE(text.opcode, quint8(1));
    QCOMPARE(text.payload, QByteArray("Hello"));
    QCOMPARE(text.frameIndexes, (FrameIndexes { 0, 2 }));
    QCOMPARE(text.wireLength, quint64(5));
    QCOMPARE(text.streamOffset, 0);
    QVERIFY(!text.compressed);
    QVERIFY(text.violations.isEmpty());
    const Message &binary = recorder.messages.at(1);
    QCOMPARE(binary.index, 1);
    QCOMPARE(binary.payload, hex("01ff"));
    QCOMPARE(binary.frameIndexes, FrameIndexes { 3 });
    QCOMPARE(binary.streamOffset, 12);
    QCOMPARE(decoder.messagesDecoded(), 2);
    QCOMPARE(decoder.framesDecoded(), 4);
}

void tst_StreamDecoder::abandonedMessageIsDropped()
{
    FrameRecorder recorder;
    StreamDecoder decoder(serverOptions(), recorder);
    decoder.feed(hex("010348656c" "8102686f"));
    QCOMPARE(recorder.messages.size(), 1);
    QCOMPARE(recorder.messages.constFirst().payload, QByteArray("ho"));
    QCOMPARE(kindsOf(recorder.messages.constFirst().violations), QList<ViolationKind> { ViolationKind::ExpectedContinuation });
    QVERIFY(decoder.hadFatalViolation());
}

void tst_StreamDecoder::compressedExamples_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("text");
    // RFC 7692 §7.2.3.1: "Hello" compressed, in one frame and in two fragments.
    QTest::newRow("7.2.3.1 one frame") << hex("c107f248cdc9c90700") << QByteArray("Hello");
    QTest::newRow("7.2.3.1 two fragments") << hex("4103f248cd" "8004c9c90700") << QByteArray("Hello");
    // §7.2.3.3: a deflate block with no compression.
    QTest::newRow("7.2.3.3 no compression") << hex("c10b0005" "00faff48656c6c6f00") << QByteArray("Hello");
    // §7.2.3.4: a block with BFINAL set.
    QTest::newRow("7.2.3.4 BFINAL") << hex("c108f348cdc9c9070000") << QByteArray("Hello");
}

void tst_StreamDecoder::compressedExamples()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, text);
    FrameRecorder recorder;
    StreamDecoder decoder(serverOptions(DeflateParameters()), recorder);
    decoder.feed(bytes);
    QCOMPARE(recorder.messages.size(), 1);
    const Message &message = recorder.messages.constFirst();
    QVERIFY(message.compressed);
    QCOMPARE(message.payload, text);
    QCOMPARE(message.wireLength, quint64(bytes.size() - 2 * message.frameIndexes.size()));
    QVERIFY2(message.violations.isEmpty(), qPrintable(message.violations.value(0).message));
    QVERIFY(recorder.frames.constFirst().frame.compressed);
}

void tst_StreamDecoder::compressedContextTakeover()
{
    // RFC 7692 §7.2.3.2: the second "Hello" refers back into the first message's window.
    const QByteArray stream = hex("c107f248cdc9c90700" "c105f200110000");
    FrameRecorder recorder;
    StreamDecoder decoder(serverOptions(DeflateParameters()), recorder);
    decoder.feed(stream);
    QCOMPARE(recorder.messages.size(), 2);
    QCOMPARE(recorder.messages.at(0).payload, QByteArray("Hello"));
    QCOMPARE(recorder.messages.at(1).payload, QByteArray("Hello"));
    QVERIFY(recorder.messages.at(1).violations.isEmpty());

    // With server_no_context_takeover the window is gone, so the back reference cannot inflate.
    DeflateParameters noTakeover;
    noTakeover.serverNoContextTakeover = true;
    FrameRecorder second;
    StreamDecoder strict(serverOptions(noTakeover), second);
    strict.feed(stream);
    QCOMPARE(second.messages.size(), 2);
    QCOMPARE(second.messages.at(0).payload, QByteArray("Hello"));
    QCOMPARE(kindsOf(second.messages.at(1).violations), QList<ViolationKind> { ViolationKind::InflateFailed });
    QCOMPARE(second.messages.at(1).violations.constFirst().closeCode, quint16(1007));
}

void tst_StreamDecoder::compressedFragmentedMessage()
{
    Deflater deflater(15, false);
    const QByteArray text = QByteArray("The quick brown fox jumps over the lazy dog. ").repeated(200);
    const QByteArray compressed = deflater.compress(text);
    QVERIFY(compressed.size() < text.size() / 10);
    QByteArray stream;
    for (const QByteArray &frame : FrameWriter::fragments(Endpoint::Client, 0x1, compressed, 7, true))
        stream += frame;
    FrameRecorder recorder;
    StreamDecoder::Options options;
    options.sender = Endpoint::Client;
    options.deflate = DeflateParameters();
    StreamDecoder decoder(options, recorder);
    Frameline::Test::feedInPieces(stream, { 1, 5, 100 }, [&](QByteArrayView piece) { decoder.feed(piece); });
    QCOMPARE(recorder.frames.size(), 7);
    QCOMPARE(recorder.messages.size(), 1);
    QCOMPARE(recorder.messages.constFirst().payload, text);
    QCOMPARE(recorder.messages.constFirst().wireLength, quint64(compressed.size()));
    QCOMPARE(recorder.messages.constFirst().frameIndexes, (FrameIndexes { 0, 1, 2, 3, 4, 5, 6 }));
    QVERIFY(recorder.allKinds().isEmpty());
}

void tst_StreamDecoder::compressedBombStopsAtTheLimit()
{
    Deflater deflater(15, false);
    const QByteArray zeros(64 * 1024 * 1024, '\0');
    const QByteArray bomb = deflater.compress(zeros);
    QVERIFY(bomb.size() < 200 * 1024);
    StreamDecoder::Options options = serverOptions(DeflateParameters());
    options.limits.maxMessageSize = 1024 * 1024;
    FrameRecorder recorder;
    StreamDecoder decoder(options, recorder);
    decoder.feed(FrameWriter::frame(Endpoint::Server, 0x2, bomb, true, true));
    QCOMPARE(recorder.messages.size(), 1);
    const Message &message = recorder.messages.constFirst();
    QVERIFY(message.payloadTruncated);
    QVERIFY(message.payload.size() <= 1024 * 1024);
    QCOMPARE(kindsOf(message.violations), QList<ViolationKind> { ViolationKind::MessageTooLarge });
    QCOMPARE(message.violations.constFirst().closeCode, quint16(1009));
}

void tst_StreamDecoder::compressedGarbageIs1007()
{
    FrameRecorder recorder;
    StreamDecoder decoder(serverOptions(DeflateParameters()), recorder);
    decoder.feed(hex("c104ffffffff"));
    QCOMPARE(recorder.messages.size(), 1);
    QCOMPARE(recorder.frames.constFirst().kinds(), QList<ViolationKind> { ViolationKind::InflateFailed });
    QVERIFY(recorder.messages.constFirst().payloadTruncated);
}

void tst_StreamDecoder::compressedInvalidUtf8()
{
    Deflater deflater(15, false);
    const QByteArray compressed = deflater.compress(hex("48656cff6c6f"));
    FrameRecorder recorder;
    StreamDecoder decoder(serverOptions(DeflateParameters()), recorder);
    decoder.feed(FrameWriter::frame(Endpoint::Server, 0x1, compressed, true, true));
    QCOMPARE(recorder.frames.constFirst().kinds(), QList<ViolationKind> { ViolationKind::InvalidUtf8 });
    QVERIFY(recorder.frames.constFirst().frame.violations.constFirst().message.contains(u"byte 3 "_s));
}

void tst_StreamDecoder::countsAndPending()
{
    FrameRecorder recorder;
    StreamDecoder decoder(serverOptions(), recorder);
    decoder.feed(hex("010348656c" "8102"));
    QCOMPARE(decoder.framesDecoded(), 1);
    QCOMPARE(decoder.messagesDecoded(), 0);
    QVERIFY(decoder.pendingMessage() != nullptr);
    QCOMPARE(decoder.pendingMessage()->payload, QByteArray("Hel"));
    QCOMPARE(decoder.pendingBytes(), 2);
    QCOMPARE(decoder.violationCount(), 0);
}

QTEST_APPLESS_MAIN(tst_StreamDecoder)
#include "tst_streamdecoder.moc"
