// Hand-made hostile peers against the connection engine, one row per rule of RFC 6455 / RFC 7692 that a peer
// can break (every ViolationKind), in both roles (a raw server against our ClientConnection, a raw client
// against our Server) and both modes.
//
// Strict: our side must put a Close frame with the rule's code (1002 / 1007 / 1009) on the wire and nothing
// else, report the violation, and end. Lenient: our side must keep the connection open, report the violation
// and still deliver (and, as an echo server, act on) the valid message that follows. What our side sent is
// read back from the raw bytes the hostile peer received, decoded in the test by a StreamDecoder.

#include "app/net/clientconnection.h"
#include "app/net/server.h"
#include "app/protocol/closecode.h"
#include "app/protocol/framewriter.h"
#include "app/protocol/permessagedeflate.h"
#include "tests/common/eventcollector.h"
#include "tests/common/rawclientpeer.h"
#include "tests/common/rawserverpeer.h"

#include <QtCore/QSet>
#include <QtCore/QtEndian>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::EventCollector;
using Frameline::Test::FrameCopy;
using Frameline::Test::RawClientPeer;
using Frameline::Test::RawServerPeer;

namespace {

constexpr int Timeout = 5000;

// One way of breaking the protocol, as bytes a peer in either role can send.
struct HostileCase
{
    QString name;
    ViolationKind kind = ViolationKind::UnmaskedClientFrame;
    quint16 closeCode = 0; // what a strict endpoint sends; 0: the rule is reported, never fatal
    std::function<QByteArray(Endpoint sender)> bytes;
    std::optional<Endpoint> onlyFrom; // the rule concerns frames from this sender only
    bool deflate = false; // needs permessage-deflate negotiated
    bool isClose = false; // the offending frame is a Close frame: even a lenient endpoint closes
    QByteArray lenientCloseReply; // ... and answers with this Close payload
    bool streamLost = false; // the frame's declared length swallows everything after it
    QByteArray deliveredPayload; // lenient / not fatal: the hostile message as delivered (null: none)
    DecoderLimits limits;
};

QByteArray encode(const FrameSpec &spec)
{
    QString error;
    const QByteArray bytes = FrameWriter::encode(spec, &error);
    if (bytes.isEmpty())
        qFatal("FrameWriter::encode: %s", qPrintable(error));
    return bytes;
}

// A frame as `sender` would correctly send it, changed by `change`.
QByteArray frameFrom(Endpoint sender, quint8 opcode, const QByteArray &payload, bool fin = true,
    const std::function<void(FrameSpec &)> &change = {})
{
    FrameSpec spec = FrameSpec::valid(sender, opcode, payload, fin);
    if (change)
        change(spec);
    return encode(spec);
}

QByteArray closeBody(quint16 code, const QByteArray &reason = {})
{
    QByteArray body(2, Qt::Uninitialized);
    qToBigEndian<quint16>(code, body.data());
    return body + reason;
}

QByteArray compressed(const QByteArray &message)
{
    Deflater deflater(15, false);
    return deflater.compress(message);
}

QList<HostileCase> hostileCases()
{
    QList<HostileCase> cases;
    const auto add = [&cases](const QString &name, ViolationKind kind, quint16 closeCode,
                         std::function<QByteArray(Endpoint)> bytes) -> HostileCase & {
        HostileCase c;
        c.name = name;
        c.kind = kind;
        c.closeCode = closeCode;
        c.bytes = std::move(bytes);
        cases.append(std::move(c));
        return cases.last();
    };
    const auto unmasked = [](FrameSpec &f) { f.masking = FrameSpec::Masking::None; };
    const auto masked = [](FrameSpec &f) {
        f.masking = FrameSpec::Masking::Chosen;
        f.maskingKey = { 0x37, 0xfa, 0x21, 0x3d };
    };
    const auto rsv1 = [](FrameSpec &f) { f.rsv1 = true; };

    HostileCase *c = &add(u"unmasked client frame"_s, ViolationKind::UnmaskedClientFrame, 1002,
        [=](Endpoint s) { return frameFrom(s, 1, "hello", true, unmasked); });
    c->onlyFrom = Endpoint::Client;
    c->deliveredPayload = "hello";
    c = &add(u"masked server frame"_s, ViolationKind::MaskedServerFrame, 1002,
        [=](Endpoint s) { return frameFrom(s, 1, "hello", true, masked); });
    c->onlyFrom = Endpoint::Server;
    c->deliveredPayload = "hello";
    c = &add(u"RSV1 without extension"_s, ViolationKind::ReservedBitsSet, 1002,
        [=](Endpoint s) { return frameFrom(s, 1, "rsv1", true, rsv1); });
    c->deliveredPayload = "rsv1";
    c = &add(u"RSV2"_s, ViolationKind::ReservedBitsSet, 1002,
        [](Endpoint s) { return frameFrom(s, 1, "rsv2", true, [](FrameSpec &f) { f.rsv2 = true; }); });
    c->deliveredPayload = "rsv2";
    c = &add(u"RSV3"_s, ViolationKind::ReservedBitsSet, 1002,
        [](Endpoint s) { return frameFrom(s, 2, "rsv3", true, [](FrameSpec &f) { f.rsv3 = true; }); });
    c->deliveredPayload = "rsv3";
    c = &add(u"reserved data opcode 3"_s, ViolationKind::ReservedOpcode, 1002,
        [](Endpoint s) { return frameFrom(s, 3, "three"); });
    c = &add(u"reserved control opcode 11"_s, ViolationKind::ReservedOpcode, 1002,
        [](Endpoint s) { return frameFrom(s, 0xB, "eleven"); });
    c = &add(u"control frame over 125 bytes"_s, ViolationKind::ControlFrameTooLong, 1002,
        [](Endpoint s) { return frameFrom(s, 0x9, QByteArray(126, 'p')); });
    c = &add(u"fragmented control frame"_s, ViolationKind::FragmentedControlFrame, 1002,
        [](Endpoint s) { return frameFrom(s, 0x9, "ping", false); });
    c = &add(u"continuation with nothing to continue"_s, ViolationKind::UnexpectedContinuation, 1002,
        [](Endpoint s) { return frameFrom(s, 0x0, "orphan"); });
    c = &add(u"new data frame inside a fragmented message"_s, ViolationKind::ExpectedContinuation, 1002,
        [](Endpoint s) -> QByteArray { return frameFrom(s, 1, "first", false) + frameFrom(s, 2, "second"); });
    c->deliveredPayload = "second";
    c = &add(u"64-bit length with the top bit set"_s, ViolationKind::LengthTopBitSet, 1002, [](Endpoint s) {
        return frameFrom(s, 2, "hello", true, [](FrameSpec &f) {
            f.lengthForm = LengthForm::Bits64;
            f.declaredLength = 0x8000000000000005ull;
        });
    });
    c->streamLost = true;
    c = &add(u"frame over the limit"_s, ViolationKind::FrameTooLarge, 1009,
        [](Endpoint s) { return frameFrom(s, 2, QByteArray(1001, 'f')); });
    c->limits.maxFramePayload = 1000;
    c = &add(u"message over the limit"_s, ViolationKind::MessageTooLarge, 1009, [](Endpoint s) -> QByteArray {
        return frameFrom(s, 1, QByteArray(600, 'm'), false) + frameFrom(s, 0, QByteArray(600, 'm'));
    });
    c->limits.maxMessageSize = 1000;
    c = &add(u"invalid UTF-8"_s, ViolationKind::InvalidUtf8, 1007,
        [](Endpoint s) { return frameFrom(s, 1, QByteArray::fromHex("c328")); });
    c = &add(u"invalid UTF-8 across fragments"_s, ViolationKind::InvalidUtf8, 1007,
        [](Endpoint s) -> QByteArray { return frameFrom(s, 1, "caf\xc3", false) + frameFrom(s, 0, "(x"); });
    c = &add(u"UTF-8 cut at the end of the message"_s, ViolationKind::InvalidUtf8, 1007,
        [](Endpoint s) -> QByteArray {
            return frameFrom(s, 1, "ab", false) + frameFrom(s, 0, QByteArray::fromHex("e282"));
        });
    c = &add(u"invalid UTF-8 in a compressed message"_s, ViolationKind::InvalidUtf8, 1007,
        [=](Endpoint s) { return frameFrom(s, 1, compressed(QByteArray::fromHex("fffe")), true, rsv1); });
    c->deflate = true;
    c = &add(u"close payload of 1 byte"_s, ViolationKind::ClosePayloadTooShort, 1002,
        [](Endpoint s) { return frameFrom(s, 0x8, "\x03"); });
    c->isClose = true;
    c->lenientCloseReply = QByteArray();
    for (const quint16 code : { 0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535 }) {
        // RFC 6455 §7.4.1: these must not be sent. A lenient endpoint still must not echo one: it answers
        // with a Close frame without a code.
        c = &add(u"invalid close code %1"_s.arg(code), ViolationKind::InvalidCloseCode, 1002,
            [code](Endpoint s) { return frameFrom(s, 0x8, closeBody(code, "bye")); });
        c->isClose = true;
        c->lenientCloseReply = QByteArray();
    }
    c = &add(u"close reason not UTF-8"_s, ViolationKind::InvalidCloseReason, 1007,
        [](Endpoint s) { return frameFrom(s, 0x8, closeBody(1000, QByteArray::fromHex("c328"))); });
    c->isClose = true;
    c->lenientCloseReply = closeBody(1000);
    c = &add(u"RSV1 on a control frame with deflate"_s, ViolationKind::CompressedControlFrame, 1002,
        [=](Endpoint s) { return frameFrom(s, 0x9, "ping", true, rsv1); });
    c->deflate = true;
    c = &add(u"RSV1 on a continuation with deflate"_s, ViolationKind::CompressedContinuation, 1002,
        [=](Endpoint s) -> QByteArray {
            return frameFrom(s, 1, "ab", false) + frameFrom(s, 0, "cd", true, rsv1);
        });
    c->deflate = true;
    c->deliveredPayload = "abcd";
    c = &add(u"compressed data that does not inflate"_s, ViolationKind::InflateFailed, 1007,
        [=](Endpoint s) { return frameFrom(s, 1, QByteArray::fromHex("ffffffffff"), true, rsv1); });
    c->deflate = true;
    c = &add(u"non-minimal length (16-bit form for 5 bytes)"_s, ViolationKind::NonMinimalLength, 0,
        [](Endpoint s) {
            return frameFrom(s, 1, "short", true, [](FrameSpec &f) { f.lengthForm = LengthForm::Bits16; });
        });
    c->deliveredPayload = "short";
    c = &add(u"non-minimal length (64-bit form for 300 bytes)"_s, ViolationKind::NonMinimalLength, 0,
        [](Endpoint s) {
            return frameFrom(
                s, 2, QByteArray(300, 'n'), true, [](FrameSpec &f) { f.lengthForm = LengthForm::Bits64; });
        });
    c->deliveredPayload = QByteArray(300, 'n');
    return cases;
}

QString closeCodeName(quint16 code)
{
    switch (code) {
    case 1002:
        return u"Protocol Error"_s;
    case 1007:
        return u"Invalid Frame Payload Data"_s;
    case 1009:
        return u"Message Too Big"_s;
    }
    return QString();
}

// "RFC 6455 §5.2", or "RFC 7692 6.1" for the permessage-deflate rules (whose sections name their RFC).
QString sectionReference(ViolationKind kind)
{
    switch (kind) {
    case ViolationKind::UnmaskedClientFrame:
    case ViolationKind::MaskedServerFrame:
        return u"RFC 6455 §5.1"_s;
    case ViolationKind::ReservedBitsSet:
    case ViolationKind::ReservedOpcode:
    case ViolationKind::LengthTopBitSet:
    case ViolationKind::NonMinimalLength:
        return u"RFC 6455 §5.2"_s;
    case ViolationKind::ControlFrameTooLong:
    case ViolationKind::FragmentedControlFrame:
        return u"RFC 6455 §5.5"_s;
    case ViolationKind::UnexpectedContinuation:
    case ViolationKind::ExpectedContinuation:
        return u"RFC 6455 §5.4"_s;
    case ViolationKind::FrameTooLarge:
    case ViolationKind::MessageTooLarge:
        return u"RFC 6455 §10.4"_s;
    case ViolationKind::InvalidUtf8:
        return u"RFC 6455 §8.1"_s;
    case ViolationKind::ClosePayloadTooShort:
    case ViolationKind::InvalidCloseReason:
        return u"RFC 6455 §5.5.1"_s;
    case ViolationKind::InvalidCloseCode:
        return u"RFC 6455 §7.4.1"_s;
    case ViolationKind::CompressedControlFrame:
    case ViolationKind::CompressedContinuation:
        return u"RFC 7692 6.1"_s;
    case ViolationKind::InflateFailed:
        return u"RFC 7692 6.2"_s;
    }
    return QString();
}

// The first incoming frame our side reported with a violation of this kind.
std::optional<FrameEvent> frameWith(const EventCollector &events, ViolationKind kind)
{
    for (const FrameEvent &event : events.frames(Direction::Incoming)) {
        for (const Violation &violation : event.frame.violations) {
            if (violation.kind == kind)
                return event;
        }
    }
    return std::nullopt;
}

std::optional<Violation> violationOf(const FrameEvent &event, ViolationKind kind)
{
    for (const Violation &violation : event.frame.violations) {
        if (violation.kind == kind)
            return violation;
    }
    return std::nullopt;
}

bool hasIncomingMessage(const EventCollector &events, const QByteArray &payload)
{
    for (const MessageEvent &event : events.messages(Direction::Incoming)) {
        if (event.message.payload == payload)
            return true;
    }
    return false;
}

// The code of a Close frame; 0 when it has none.
quint16 closeCodeOf(const FrameCopy &close)
{
    if (close.payload.size() < 2)
        return 0;
    return qFromBigEndian<quint16>(close.payload.constData());
}

QString violationId(ViolationKind kind)
{
    return ViolationText::make(kind, QString()).id();
}

QString lenientNotice(const HostileCase &c)
{
    return u"Lenient mode: kept the connection open despite %1 (a strict endpoint closes with %2)"_s
        .arg(violationId(c.kind))
        .arg(c.closeCode);
}

} // namespace

class tst_HostilePeers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void violation_data();
    void violation();
    void strictFailsBeforeTheFrameEnds_data();
    void strictFailsBeforeTheFrameEnds();
    void everyViolationKindHasARow();

private:
    // One hostile peer and our endpoint facing it.
    struct Arena
    {
        // our ClientConnection against a raw server
        std::unique_ptr<RawServerPeer> rawServer;
        std::unique_ptr<ClientConnection> client;
        // our Server against a raw client
        std::unique_ptr<Server> server;
        std::unique_ptr<RawClientPeer> rawClient;
        EventCollector events; // our side's events

        Endpoint hostileSender() const { return rawServer ? Endpoint::Server : Endpoint::Client; }
        void sendHostile(const QByteArray &bytes)
        {
            if (rawServer)
                rawServer->send(bytes);
            else
                rawClient->send(bytes);
        }
        // What our side put on the wire after the handshake, decoded.
        QList<FrameCopy> ourFrames() const
        {
            return rawServer ? rawServer->decodedFromClient().frames : rawClient->decodedFromServer().frames;
        }
        QList<FrameCopy> ourCloseFrames() const
        {
            return rawServer ? rawServer->closeFramesFromClient() : rawClient->closeFramesFromServer();
        }
        QList<Message> ourMessages() const
        {
            return rawServer ? rawServer->decodedFromClient().messages
                             : rawClient->decodedFromServer().messages;
        }
        bool sentMessage(const QByteArray &payload) const
        {
            for (const Message &message : ourMessages()) {
                if (message.payload == payload)
                    return true;
            }
            return false;
        }
        bool hostilePeerSawEnd() const
        {
            return rawServer ? rawServer->clientDisconnected : rawClient->serverDisconnected;
        }
        ConnectionState ourState() const
        {
            const QList<ConnectionState> states = events.states();
            return states.isEmpty() ? ConnectionState::Idle : states.constLast();
        }
    };

    static void openAgainstRawServer(Arena &arena, const HostileCase &c, bool strict);
    static void openAgainstRawClient(Arena &arena, const HostileCase &c, bool strict);
};

void tst_HostilePeers::openAgainstRawServer(Arena &arena, const HostileCase &c, bool strict)
{
    arena.rawServer = std::make_unique<RawServerPeer>();
    arena.rawServer->acceptDeflate = c.deflate;
    QVERIFY(arena.rawServer->listen());
    ClientConnection::Options options;
    options.url = QUrl(u"ws://127.0.0.1:%1/hostile"_s.arg(arena.rawServer->port()));
    options.offerDeflate = c.deflate;
    options.settings.strict = strict;
    options.settings.limits = c.limits;
    options.settings.closeTimeoutMs = 3000;
    arena.client = std::make_unique<ClientConnection>(options);
    arena.events.follow(arena.client.get());
    QSignalSpy opened(arena.client.get(), &Connection::opened);
    arena.client->open();
    QVERIFY(opened.wait(Timeout));
    QCOMPARE(arena.client->deflate().has_value(), c.deflate);
}

void tst_HostilePeers::openAgainstRawClient(Arena &arena, const HostileCase &c, bool strict)
{
    Server::Options options;
    options.behaviour = Server::Behaviour::Echo; // so the test sees whether our side acts on messages
    options.settings.strict = strict;
    options.settings.limits = c.limits;
    arena.server = std::make_unique<Server>(options);
    QString error;
    QVERIFY2(arena.server->listen(&error), qPrintable(error));
    arena.events.follow(arena.server.get());
    arena.rawClient = std::make_unique<RawClientPeer>();
    arena.rawClient->request = RawClientPeer::upgradeRequest(arena.server->port(), c.deflate);
    arena.rawClient->connectTo(arena.server->port());
    QTRY_VERIFY_WITH_TIMEOUT(arena.rawClient->switched(), Timeout);
    QCOMPARE(arena.rawClient->deflateAgreed(), c.deflate);
    QTRY_COMPARE_WITH_TIMEOUT(arena.ourState(), ConnectionState::Open, Timeout);
}

void tst_HostilePeers::violation_data()
{
    QTest::addColumn<int>("caseIndex");
    QTest::addColumn<bool>("ourServer");
    QTest::addColumn<bool>("strict");
    const QList<HostileCase> cases = hostileCases();
    for (int i = 0; i < cases.size(); ++i) {
        const HostileCase &c = cases.at(i);
        for (const bool ourServer : { false, true }) {
            // A raw server sends to our client; a raw client to our server.
            const Endpoint hostile = ourServer ? Endpoint::Client : Endpoint::Server;
            if (c.onlyFrom && *c.onlyFrom != hostile)
                continue;
            for (const bool strict : { true, false }) {
                const QString row = u"%1 | %2 | %3"_s.arg(c.name,
                    ourServer ? u"raw client -> our server"_s : u"raw server -> our client"_s,
                    strict ? u"strict"_s : u"lenient"_s);
                QTest::newRow(qPrintable(row)) << i << ourServer << strict;
            }
        }
    }
}

void tst_HostilePeers::violation()
{
    QFETCH(int, caseIndex);
    QFETCH(bool, ourServer);
    QFETCH(bool, strict);
    const HostileCase c = hostileCases().at(caseIndex);
    const bool fatal = c.closeCode != 0;

    Arena arena;
    if (ourServer)
        openAgainstRawClient(arena, c, strict);
    else
        openAgainstRawServer(arena, c, strict);
    if (QTest::currentTestFailed())
        return;

    // The offending bytes, then a valid message in the same write.
    const Endpoint hostile = arena.hostileSender();
    arena.sendHostile(c.bytes(hostile) + FrameWriter::text(hostile, "after"));

    if (strict && fatal) {
        // The exact code on the wire, in the only frame our side sent: a Close with just the code.
        QTRY_VERIFY_WITH_TIMEOUT(!arena.ourCloseFrames().isEmpty(), Timeout);
        const QList<FrameCopy> sent = arena.ourFrames();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.constFirst().frame.opcode, quint8(0x8));
        QCOMPARE(closeCodeOf(sent.constFirst()), c.closeCode);
        QCOMPARE(sent.constFirst().payload.size(), 2);
        QVERIFY2(sent.constFirst().frame.violations.isEmpty(), qPrintable(sent.constFirst().describe()));

        // Our side ends the connection: the server closes TCP at once (RFC 6455 §7.1.1); the client waits
        // for the server to do so, which the raw server does once it has the Close frame.
        if (!ourServer)
            arena.rawServer->socket->disconnectFromHost();
        QTRY_VERIFY_WITH_TIMEOUT(arena.hostilePeerSawEnd(), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(arena.ourState(), ConnectionState::Closed, Timeout);
        const std::optional<CloseInfo> info = arena.events.closeInfo();
        QVERIFY(info);
        QCOMPARE(info->sentCode, c.closeCode);
        QCOMPARE(info->initiator, CloseInitiator::Local);
        QCOMPARE(info->closingHandshakeCompleted, false);

        // The events carry the violation: on the frame, and in one notice that says what was done.
        const std::optional<FrameEvent> offending = frameWith(arena.events, c.kind);
        QVERIFY(offending);
        const std::optional<Violation> violation = violationOf(*offending, c.kind);
        QCOMPARE(violation->closeCode, c.closeCode);
        QVERIFY(violation->fatal);
        QVERIFY(!violation->message.isEmpty());
        const QList<ConnectionNotice> notices = arena.events.notices(ConnectionNotice::Kind::Violation);
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.constFirst().text,
            u"Strict mode: failing the connection with %1 %2 because of %3 (%4): %5"_s.arg(c.closeCode)
                .arg(closeCodeName(c.closeCode), violation->id(), sectionReference(c.kind),
                    violation->message));
        QCOMPARE(notices.constFirst().violation.kind, c.kind);
        QCOMPARE(notices.constFirst().violation.closeCode, c.closeCode);
        QCOMPARE(notices.constFirst().violation.message, violation->message);
        return;
    }

    if (c.isClose) {
        // Lenient, and the offending frame is a Close frame: the closing handshake is completed with a
        // Close frame that is itself valid.
        QTRY_VERIFY_WITH_TIMEOUT(!arena.ourCloseFrames().isEmpty(), Timeout);
        const FrameCopy reply = arena.ourCloseFrames().constFirst();
        QCOMPARE(reply.payload.toHex(), c.lenientCloseReply.toHex());
        QVERIFY2(reply.frame.violations.isEmpty(), qPrintable(reply.describe()));
        QCOMPARE(arena.ourFrames().size(), 1);
        if (!ourServer)
            arena.rawServer->socket->disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(arena.ourState(), ConnectionState::Closed, Timeout);
        QCOMPARE(arena.events.closeInfo()->initiator, CloseInitiator::Remote);
        const QList<ConnectionNotice> notices = arena.events.notices(ConnectionNotice::Kind::Violation);
        QCOMPARE(notices.size(), 1);
        QVERIFY(frameWith(arena.events, c.kind));
        QCOMPARE(notices.constFirst().text, lenientNotice(c));
        QCOMPARE(notices.constFirst().violation.kind, c.kind);
        return;
    }

    // Lenient, or a rule that is never fatal: the connection stays open and the next message arrives.
    if (c.streamLost)
        QTRY_VERIFY_WITH_TIMEOUT(frameWith(arena.events, c.kind).has_value(), Timeout);
    else
        QTRY_VERIFY_WITH_TIMEOUT(hasIncomingMessage(arena.events, "after"), Timeout);
    const std::optional<FrameEvent> offending = frameWith(arena.events, c.kind);
    QVERIFY(offending);
    const std::optional<Violation> violation = violationOf(*offending, c.kind);
    QCOMPARE(violation->fatal, fatal);
    if (fatal)
        QCOMPARE(violation->closeCode, c.closeCode);
    if (!c.deliveredPayload.isNull())
        QVERIFY2(
            hasIncomingMessage(arena.events, c.deliveredPayload), "the offending message was not delivered");
    if (ourServer && !c.streamLost) {
        // The echo server still acts on the message that followed.
        QTRY_VERIFY_WITH_TIMEOUT(arena.sentMessage("after"), Timeout);
    }
    QVERIFY(arena.ourCloseFrames().isEmpty());
    QCOMPARE(arena.ourState(), ConnectionState::Open);
    QVERIFY(!arena.hostilePeerSawEnd());
    const QList<ConnectionNotice> notices = arena.events.notices(ConnectionNotice::Kind::Violation);
    if (!fatal) {
        QVERIFY(notices.isEmpty()); // reported on the frame only
        return;
    }
    QVERIFY(!notices.isEmpty());
    bool found = false;
    for (const ConnectionNotice &notice : notices) {
        if (notice.text == lenientNotice(c)) {
            found = true;
            QCOMPARE(notice.violation.kind, c.kind);
            QCOMPARE(notice.violation.closeCode, c.closeCode);
        }
    }
    QVERIFY2(found, qPrintable(notices.constFirst().text));
}

void tst_HostilePeers::strictFailsBeforeTheFrameEnds_data()
{
    QTest::addColumn<bool>("ourServer");
    QTest::addColumn<bool>("rsv2"); // the header breaks a rule; else the payload's 6th byte is not UTF-8
    QTest::addColumn<int>("payloadBytesSent"); // of the 1 MiB payload, before the peer stalls
    QTest::addColumn<quint16>("code");
    for (const bool ourServer : { false, true }) {
        const QString role = ourServer ? u"raw client -> our server"_s : u"raw server -> our client"_s;
        QTest::newRow(qPrintable(role + u" | bad UTF-8 in the first kilobyte"_s))
            << ourServer << false << 1024 << quint16(1007);
        QTest::newRow(qPrintable(role + u" | RSV2, first kilobyte"_s))
            << ourServer << true << 1024 << quint16(1002);
        QTest::newRow(qPrintable(role + u" | RSV2, header only"_s))
            << ourServer << true << 0 << quint16(1002);
    }
}

void tst_HostilePeers::strictFailsBeforeTheFrameEnds()
{
    // A strict endpoint fails the connection as soon as it knows, not after a large frame has arrived: the
    // peer here sends only the start of a 1 MiB frame and then nothing.
    QFETCH(bool, ourServer);
    QFETCH(bool, rsv2);
    QFETCH(int, payloadBytesSent);
    QFETCH(quint16, code);
    Arena arena;
    const HostileCase plain;
    if (ourServer)
        openAgainstRawClient(arena, plain, true);
    else
        openAgainstRawServer(arena, plain, true);
    if (QTest::currentTestFailed())
        return;
    const Endpoint hostile = arena.hostileSender();
    QByteArray payload(1024 * 1024, 'a');
    if (!rsv2)
        payload[5] = char(0xff);
    const QByteArray frame = frameFrom(hostile, 1, payload, true, [rsv2](FrameSpec &f) { f.rsv2 = rsv2; });
    const int headerLength = FrameWriter::headerLength(quint64(payload.size()), hostile == Endpoint::Client);
    arena.sendHostile(frame.first(headerLength + payloadBytesSent));

    // Locally this takes milliseconds; a short bound keeps a failure cheap.
    QTRY_VERIFY_WITH_TIMEOUT(!arena.ourCloseFrames().isEmpty(), 2000);
    QCOMPARE(arena.ourFrames().size(), 1);
    QCOMPARE(closeCodeOf(arena.ourCloseFrames().constFirst()), code);
    QTRY_COMPARE_WITH_TIMEOUT(arena.events.notices(ConnectionNotice::Kind::Violation).size(), 1, Timeout);
}

void tst_HostilePeers::everyViolationKindHasARow()
{
    QSet<int> covered;
    for (const HostileCase &c : hostileCases())
        covered.insert(int(c.kind));
    for (int kind = int(ViolationKind::UnmaskedClientFrame); kind <= int(ViolationKind::InflateFailed);
         ++kind)
        QVERIFY2(covered.contains(kind), qPrintable(u"no hostile row for violation kind %1"_s.arg(kind)));
}

QTEST_GUILESS_MAIN(tst_HostilePeers)
#include "tst_hostilepeers.moc"
