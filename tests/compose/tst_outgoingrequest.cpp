// OutgoingRequest: what "Resend" in the timeline makes of an entry, message or exact frame.

#include "app/compose/outgoingrequest.h"
#include "app/protocol/closecode.h"

#include <QtTest/QtTest>

using namespace Frameline;

namespace {

EntryDetails frameEntry(Direction direction, quint8 opcode, const QByteArray &payload)
{
    EntryDetails entry;
    entry.kind = EntryDetails::Kind::Frame;
    entry.direction = direction;
    entry.frame.fin = true;
    entry.frame.opcode = opcode;
    entry.frame.payloadLength = quint64(payload.size());
    entry.frame.lengthForm = minimalLengthForm(entry.frame.payloadLength);
    entry.frame.position = (opcode & 0x8) ? FramePosition::Control : FramePosition::Whole;
    entry.frame.messageOpcode = (opcode & 0x8) ? 0 : opcode;
    entry.payload = payload;
    return entry;
}

} // namespace

class TestOutgoingRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dataFrameAsMessage();
    void messageEntry();
    void fragmentsAndCompressedFramesAreNotMessages();
    void controlFramesAsMessages();
    void exactFrameOwnAndPeers();
    void nothingForNoticesAndLostPayloads();
};

void TestOutgoingRequest::dataFrameAsMessage()
{
    const auto request = OutgoingRequest::fromEntry(frameEntry(Direction::Incoming, 0x2, QByteArray::fromHex("00ff")), false, Endpoint::Client);
    QVERIFY(request);
    QCOMPARE(request->kind, OutgoingRequest::Kind::Message);
    QCOMPARE(request->opcode, quint8(0x2));
    QCOMPARE(request->payload, QByteArray::fromHex("00ff"));
}

void TestOutgoingRequest::messageEntry()
{
    EntryDetails entry;
    entry.kind = EntryDetails::Kind::Message;
    entry.frame.opcode = 0x1;
    entry.frame.rsv1 = true; // it was compressed: the payload here is the inflated message
    entry.compressed = true;
    entry.payload = "inflated text";
    const auto request = OutgoingRequest::fromEntry(entry, false, Endpoint::Server);
    QVERIFY(request);
    QCOMPARE(request->kind, OutgoingRequest::Kind::Message);
    QCOMPARE(request->opcode, quint8(0x1));
    QCOMPARE(request->payload, QByteArrayLiteral("inflated text"));
    // A message is not a frame.
    QVERIFY(!OutgoingRequest::fromEntry(entry, true, Endpoint::Server));
}

void TestOutgoingRequest::fragmentsAndCompressedFramesAreNotMessages()
{
    EntryDetails first = frameEntry(Direction::Incoming, 0x1, "par");
    first.frame.fin = false;
    first.frame.position = FramePosition::First;
    QVERIFY(!OutgoingRequest::fromEntry(first, false, Endpoint::Client));
    EntryDetails last = frameEntry(Direction::Incoming, 0x0, "t");
    last.frame.messageOpcode = 0x1;
    last.frame.position = FramePosition::Last;
    QVERIFY(!OutgoingRequest::fromEntry(last, false, Endpoint::Client));
    EntryDetails compressed = frameEntry(Direction::Incoming, 0x1, QByteArray::fromHex("f248cdc9c90700"));
    compressed.frame.rsv1 = true;
    compressed.frame.compressed = true;
    QVERIFY(!OutgoingRequest::fromEntry(compressed, false, Endpoint::Client));
    // As frames they go as they were, RSV1 and compressed bytes included.
    const auto frame = OutgoingRequest::fromEntry(compressed, true, Endpoint::Client);
    QVERIFY(frame);
    QCOMPARE(frame->kind, OutgoingRequest::Kind::Frames);
    QCOMPARE(frame->frames.size(), qsizetype(1));
    QVERIFY(frame->frames.first().rsv1);
    QCOMPARE(frame->frames.first().payload, QByteArray::fromHex("f248cdc9c90700"));
    const auto fragment = OutgoingRequest::fromEntry(first, true, Endpoint::Client);
    QVERIFY(fragment);
    QVERIFY(!fragment->frames.first().fin);
    QCOMPARE(fragment->frames.first().opcode, quint8(0x1));
}

void TestOutgoingRequest::controlFramesAsMessages()
{
    auto ping = OutgoingRequest::fromEntry(frameEntry(Direction::Incoming, 0x9, "p"), false, Endpoint::Client);
    QVERIFY(ping);
    QCOMPARE(ping->kind, OutgoingRequest::Kind::Ping);
    QCOMPARE(ping->payload, QByteArrayLiteral("p"));
    auto pong = OutgoingRequest::fromEntry(frameEntry(Direction::Outgoing, 0xA, "q"), false, Endpoint::Client);
    QVERIFY(pong);
    QCOMPARE(pong->kind, OutgoingRequest::Kind::Pong);
    auto close = OutgoingRequest::fromEntry(
        frameEntry(Direction::Incoming, 0x8, ClosePayload::encode(4001, "bye")), false, Endpoint::Client);
    QVERIFY(close);
    QCOMPARE(close->kind, OutgoingRequest::Kind::Close);
    QCOMPARE(close->closeCode, quint16(4001));
    QCOMPARE(close->closeReason, QStringLiteral("bye"));
    auto empty = OutgoingRequest::fromEntry(frameEntry(Direction::Incoming, 0x8, {}), false, Endpoint::Client);
    QVERIFY(empty);
    QCOMPARE(empty->kind, OutgoingRequest::Kind::CloseWithoutCode);
    // A reserved opcode has no message form; it can go as the frame.
    QVERIFY(!OutgoingRequest::fromEntry(frameEntry(Direction::Incoming, 0x3, "r"), false, Endpoint::Client));
    QVERIFY(OutgoingRequest::fromEntry(frameEntry(Direction::Incoming, 0x3, "r"), true, Endpoint::Client));
}

void TestOutgoingRequest::exactFrameOwnAndPeers()
{
    // Our own crafted frame: everything as it was, the key too, and the length form and the lie.
    EntryDetails own = frameEntry(Direction::Outgoing, 0x1, "hello");
    own.frame.rsv2 = true;
    own.frame.masked = true;
    own.frame.maskingKey = { 1, 2, 3, 4 };
    own.frame.lengthForm = LengthForm::Bits64;
    own.frame.payloadLength = 10;
    FrameSpec spec = OutgoingRequest::frameSpecOf(own, Endpoint::Client);
    QVERIFY(spec.fin && !spec.rsv1 && spec.rsv2 && !spec.rsv3);
    QCOMPARE(spec.opcode, quint8(0x1));
    QCOMPARE(spec.masking, FrameSpec::Masking::Chosen);
    QCOMPARE(spec.maskingKey, (std::array<quint8, 4> { 1, 2, 3, 4 }));
    QCOMPARE(spec.lengthForm, std::optional<LengthForm>(LengthForm::Bits64));
    QCOMPARE(spec.declaredLength, std::optional<quint64>(10));
    QCOMPARE(FrameWriter::encode(spec).toHex(),
        QByteArray::fromHex("a1ff000000000000000a0102030469676f686e").toHex());

    // The peer's frame: its masking belongs to the other end, so this end's rule applies.
    EntryDetails fromServer = frameEntry(Direction::Incoming, 0x2, "ab");
    QCOMPARE(OutgoingRequest::frameSpecOf(fromServer, Endpoint::Client).masking, FrameSpec::Masking::Random);
    QCOMPARE(OutgoingRequest::frameSpecOf(fromServer, Endpoint::Client).declaredLength, std::nullopt);
    EntryDetails fromClient = frameEntry(Direction::Incoming, 0x2, "ab");
    fromClient.frame.masked = true;
    fromClient.frame.maskingKey = { 9, 9, 9, 9 };
    QCOMPARE(OutgoingRequest::frameSpecOf(fromClient, Endpoint::Server).masking, FrameSpec::Masking::None);
    QCOMPARE(FrameWriter::encode(OutgoingRequest::frameSpecOf(fromClient, Endpoint::Server)).toHex(),
        QByteArray::fromHex("82026162").toHex());
}

void TestOutgoingRequest::nothingForNoticesAndLostPayloads()
{
    EntryDetails notice;
    notice.kind = EntryDetails::Kind::Notice;
    QVERIFY(!OutgoingRequest::fromEntry(notice, false, Endpoint::Client));
    QVERIFY(!OutgoingRequest::fromEntry(notice, true, Endpoint::Client));
    EntryDetails truncated = frameEntry(Direction::Incoming, 0x1, "abc");
    truncated.payloadTruncated = true;
    QVERIFY(!OutgoingRequest::fromEntry(truncated, false, Endpoint::Client));
    QVERIFY(!OutgoingRequest::fromEntry(truncated, true, Endpoint::Client));
    EntryDetails omitted = frameEntry(Direction::Incoming, 0x2, {});
    omitted.frame.payloadOmitted = true;
    omitted.frame.payloadLength = 1 << 20;
    QVERIFY(!OutgoingRequest::fromEntry(omitted, true, Endpoint::Client));
}

QTEST_APPLESS_MAIN(TestOutgoingRequest)
#include "tst_outgoingrequest.moc"
