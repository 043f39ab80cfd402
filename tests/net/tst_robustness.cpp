// The connection engine against peers that break the connection rather than the framing: a reset in the
// middle of a frame, a peer that never speaks (or stops halfway), bytes that are not HTTP at all, a 1 TiB
// length, a peer that never finishes the closing handshake, and a server under 200 clients of which a few
// misbehave. Every case is bounded in time; nothing sleeps but one test that must keep
// its event loop from seeing a reset.

#include "app/net/clientconnection.h"
#include "app/net/server.h"
#include "app/protocol/framewriter.h"
#include "tests/common/eventcollector.h"
#include "tests/common/rawclientpeer.h"
#include "tests/common/rawserverpeer.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QThread>
#include <QtCore/QtEndian>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>
#include <vector>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::EventCollector;
using Frameline::Test::FrameCopy;
using Frameline::Test::RawClientPeer;
using Frameline::Test::RawServerPeer;

namespace {

constexpr int Timeout = 5000;
// QTimer's default coarse timers may fire up to 5 % early: a 300 ms timeout is over after 285 ms.
constexpr int EarliestTimeoutMs = 280;

// Drops a raw peer's end of the TCP connection at once: abort(), after making it a TCP RST when asked.
void drop(QTcpSocket *socket, bool reset)
{
#ifdef Q_OS_UNIX
    if (reset) {
        // SO_LINGER with a zero timeout turns close() into a TCP RST.
        const linger option { 1, 0 };
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
#else
    Q_UNUSED(reset)
#endif
    socket->abort();
}

// The peak resident set size of this process, in KiB; -1 where /proc is not available.
qint64 peakResidentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

quint16 closeCodeOf(const FrameCopy &close)
{
    return close.payload.size() < 2 ? 0 : qFromBigEndian<quint16>(close.payload.constData());
}

// "Random" bytes, fixed so the expected error is exact: the first control character is 0x07.
QByteArray randomBytes()
{
    return QByteArray::fromHex("9ce1073f5ad2880b41f7c6e93d0217ae66b4c0d95f12e87a3c9b04f1d6285e7b");
}

const QByteArray SshBanner = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n";
// The start of a TLS 1.2 record carrying a handshake message, as a TLS peer sends first.
const QByteArray TlsRecordBytes
    = QByteArray::fromHex("160303007a020000760303a1b2c3d4e5f60718293a4b5c6d7e8f90");

} // namespace

class tst_Robustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resetMidFrame_data();
    void resetMidFrame();
    void halfOpenServer_data();
    void halfOpenServer();
    void halfOpenClient_data();
    void halfOpenClient();
    void notHttpFromServer_data();
    void notHttpFromServer();
    void notHttpFromClient_data();
    void notHttpFromClient();
    void oneTebibyteLength_data();
    void oneTebibyteLength();
    void peerNeverFinishesClose_data();
    void peerNeverFinishesClose();
    void resetSeenOnlyWhenClosing();
    void manyClientsSomeMisbehave();
};

// ---- a reset in the middle of a frame ----------------------------------------------------------------

void tst_Robustness::resetMidFrame_data()
{
    QTest::addColumn<bool>("ourServer");
    QTest::addColumn<int>("cut"); // bytes of the frame written before the drop
    QTest::addColumn<bool>("reset"); // RST instead of FIN
    for (const bool ourServer : { false, true }) {
        const QString role = ourServer ? u"raw client -> our server"_s : u"raw server -> our client"_s;
        QTest::newRow(qPrintable(role + u" | half a header | abort"_s)) << ourServer << 2 << false;
        QTest::newRow(qPrintable(role + u" | half a payload | abort"_s)) << ourServer << 600 << false;
        QTest::newRow(qPrintable(role + u" | half a header | reset"_s)) << ourServer << 2 << true;
        QTest::newRow(qPrintable(role + u" | half a payload | reset"_s)) << ourServer << 600 << true;
    }
}

void tst_Robustness::resetMidFrame()
{
    QFETCH(bool, ourServer);
    QFETCH(int, cut);
    QFETCH(bool, reset);
    EventCollector events;
    const Endpoint hostile = ourServer ? Endpoint::Client : Endpoint::Server;
    // A 1000-byte binary frame: header of 4 (server) or 8 (client) bytes, then the payload.
    const QByteArray frame = FrameWriter::binary(hostile, QByteArray(1000, 'r'));
    QVERIFY(cut < frame.size());

    std::unique_ptr<Server> server;
    if (ourServer) {
        Server::Options options;
        options.behaviour = Server::Behaviour::Echo;
        server = std::make_unique<Server>(options);
        QString error;
        QVERIFY2(server->listen(&error), qPrintable(error));
        events.follow(server.get());
        RawClientPeer raw;
        raw.request = RawClientPeer::upgradeRequest(server->port());
        raw.connectTo(server->port());
        QTRY_VERIFY_WITH_TIMEOUT(raw.switched(), Timeout);
        QSignalSpy clientClosed(server.get(), &Server::clientClosed);
        raw.send(frame.first(cut));
        drop(&raw.socket, reset);
        QVERIFY(clientClosed.wait(Timeout));
        QCOMPARE(server->clients().size(), 0);
        server->disconnect(&events);
    } else {
        RawServerPeer raw;
        QVERIFY(raw.listen());
        ClientConnection::Options options;
        options.url = QUrl(u"ws://127.0.0.1:%1/"_s.arg(raw.port()));
        ClientConnection client(options);
        events.follow(&client);
        QSignalSpy opened(&client, &Connection::opened);
        QSignalSpy closed(&client, &Connection::closed);
        client.open();
        QVERIFY(opened.wait(Timeout));
        raw.send(frame.first(cut));
        drop(raw.socket, reset);
        QVERIFY(closed.wait(Timeout));
        QCOMPARE(client.state(), ConnectionState::Closed);
        QVERIFY(raw.closeFramesFromClient().isEmpty());
    }

    // Our side saw no frame (half a frame is not a frame) and ended abnormally, without a Close.
    QVERIFY(events.frames(Direction::Incoming).isEmpty());
    QVERIFY(events.frames(Direction::Outgoing).isEmpty());
    const std::optional<CloseInfo> info = events.closeInfo();
    QVERIFY(info);
    QCOMPARE(info->code, quint16(1006));
    QVERIFY(info->abnormal);
    QVERIFY(!info->closingHandshakeCompleted);
    QCOMPARE(info->sentCode, quint16(0));
    QCOMPARE(info->initiator, CloseInitiator::None);

    if (server) {
        // The server is unharmed: a new client is served.
        ClientConnection::Options clientOptions;
        clientOptions.url = QUrl(server->url());
        ClientConnection client(clientOptions);
        EventCollector clientEvents;
        clientEvents.follow(&client);
        QSignalSpy opened(&client, &Connection::opened);
        client.open();
        QVERIFY(opened.wait(Timeout));
        QVERIFY(client.sendText("still serving"));
        QTRY_COMPARE_WITH_TIMEOUT(clientEvents.messages(Direction::Incoming).size(), 1, Timeout);
        QCOMPARE(clientEvents.messages(Direction::Incoming).constFirst().message.payload,
            QByteArray("still serving"));
    }
}

// ---- a peer that does not (finish to) speak the opening handshake ------------------------------------

void tst_Robustness::halfOpenServer_data()
{
    QTest::addColumn<QByteArray>("answer"); // what the raw server says before it stalls
    QTest::newRow("never answers") << QByteArray();
    QTest::newRow("stops in the middle of the 101")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n");
}

void tst_Robustness::halfOpenServer()
{
    QFETCH(QByteArray, answer);
    RawServerPeer raw;
    raw.respond = [&raw, &answer](const QByteArray &) {
        raw.socket->write(answer);
        return QByteArray(); // and then nothing more
    };
    QVERIFY(raw.listen());
    ClientConnection::Options options;
    options.url = QUrl(u"ws://127.0.0.1:%1/"_s.arg(raw.port()));
    options.settings.handshakeTimeoutMs = 300;
    ClientConnection client(options);
    EventCollector events;
    events.follow(&client);
    QSignalSpy closed(&client, &Connection::closed);
    QElapsedTimer timer;
    timer.start();
    client.open();
    QVERIFY(closed.wait(Timeout));
    QVERIFY2(timer.elapsed() >= EarliestTimeoutMs, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(client.errorString(), u"The opening handshake timed out after 300 ms"_s);
    const QList<ConnectionNotice> errors = events.notices(ConnectionNotice::Kind::Error);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().text, u"The opening handshake timed out after 300 ms"_s);
    QCOMPARE(events.states(),
        (QList<ConnectionState> {
            ConnectionState::Connecting, ConnectionState::Upgrading, ConnectionState::Closed }));
    QCOMPARE(events.closeInfo()->code, quint16(1006));
    QVERIFY(raw.requestHead.startsWith("GET / HTTP/1.1\r\n"));
    QTRY_VERIFY_WITH_TIMEOUT(raw.clientDisconnected, Timeout);
}

void tst_Robustness::halfOpenClient_data()
{
    QTest::addColumn<QByteArray>("request"); // what the raw client says before it stalls
    QTest::newRow("never sends the request") << QByteArray();
    QTest::newRow("stops in the middle of the request")
        << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
}

void tst_Robustness::halfOpenClient()
{
    QFETCH(QByteArray, request);
    Server::Options options;
    options.settings.handshakeTimeoutMs = 300;
    Server server(options);
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    EventCollector events;
    events.follow(&server);
    QSignalSpy clientClosed(&server, &Server::clientClosed);
    RawClientPeer raw;
    raw.request = request;
    QElapsedTimer timer;
    timer.start();
    raw.connectTo(server.port());
    QVERIFY(clientClosed.wait(Timeout));
    QVERIFY2(timer.elapsed() >= EarliestTimeoutMs, qPrintable(QString::number(timer.elapsed())));
    const QList<ConnectionNotice> errors = events.notices(ConnectionNotice::Kind::Error);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().text, u"The opening handshake timed out after 300 ms"_s);
    QCOMPARE(
        events.states(), (QList<ConnectionState> { ConnectionState::Upgrading, ConnectionState::Closed }));
    QTRY_VERIFY_WITH_TIMEOUT(raw.serverDisconnected, Timeout);
    QVERIFY(raw.responseHead.isEmpty()); // nothing was answered to half a request
    QCOMPARE(server.clients().size(), 0);
}

// ---- bytes that are not a WebSocket handshake ---------------------------------------------------------

void tst_Robustness::notHttpFromServer_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("thenClose"); // the raw server closes the TCP connection after answering
    QTest::addColumn<QString>("error"); // "%1": the Sec-WebSocket-Accept our client expected
    QTest::newRow("random bytes")
        << randomBytes() << false
        << u"the server's response is not valid HTTP: line 1 contains the control character 0x07"_s;
    QTest::newRow("SSH banner")
        << SshBanner << false
        << u"the server's response is not valid HTTP: line 1 is not an HTTP status line: "
           u"\"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\""_s;
    QTest::newRow("TLS record") << TlsRecordBytes << false
                                << u"the server's response is not valid HTTP: line 1 is not an HTTP status "
                                   u"line: the bytes look like a "
                                   u"TLS record (does the server expect wss://?)"_s;
    QTest::newRow("HTTP 200") << QByteArray(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello")
                              << false << u"the server answered 200 OK instead of 101 Switching Protocols"_s;
    QTest::newRow("HTTP 403 without length, then close")
        << QByteArray("HTTP/1.1 403 Forbidden\r\n\r\nnot you") << true
        << u"the server answered 403 Forbidden instead of 101 Switching Protocols"_s;
    QTest::newRow("101 with a wrong Sec-WebSocket-Accept")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")
        << false << u"Sec-WebSocket-Accept is s3pPLMBiTxaQ9kYGzzhZRbK+xOo=, expected %1"_s;
    QTest::newRow("101 without Upgrade")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n\r\n") << false
        << u"the response has no Upgrade header"_s;
    QTest::newRow("closes without answering")
        << QByteArray() << true << u"the connection closed before the server answered the handshake"_s;
    QTest::newRow("closes in the middle of the 101")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n") << true
        << u"the connection closed in the middle of the server's response (after 54 bytes)"_s;
}

void tst_Robustness::notHttpFromServer()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, thenClose);
    QFETCH(QString, error);
    RawServerPeer raw;
    raw.respond = [&raw, &answer, thenClose](const QByteArray &) {
        raw.socket->write(answer);
        if (thenClose)
            raw.socket->disconnectFromHost();
        return QByteArray();
    };
    QVERIFY(raw.listen());
    ClientConnection::Options options;
    options.url = QUrl(u"ws://127.0.0.1:%1/"_s.arg(raw.port()));
    ClientConnection client(options);
    EventCollector events;
    events.follow(&client);
    QSignalSpy closed(&client, &Connection::closed);
    QSignalSpy opened(&client, &Connection::opened);
    client.open();
    QVERIFY(closed.wait(Timeout));
    QVERIFY(opened.isEmpty());
    if (error.contains(u"%1"_s))
        error = error.arg(QString::fromLatin1(
            RawServerPeer::acceptFor(RawServerPeer::headerValue(raw.requestHead, "Sec-WebSocket-Key"))));

    // The reason, on its own in the handshake record and as the connection's error.
    QCOMPARE(client.errorString(), u"The opening handshake failed: "_s + error);
    QVERIFY(client.handshake());
    QCOMPARE(client.handshake()->accepted, false);
    QCOMPARE(client.handshake()->error, error);
    const QList<ConnectionNotice> errors = events.notices(ConnectionNotice::Kind::Error);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().text, u"The opening handshake failed: "_s + error);
    QCOMPARE(events.closeInfo()->code, quint16(1006));
    QVERIFY(events.frames(Direction::Outgoing).isEmpty());
    QVERIFY(raw.received.isEmpty()); // our client sent nothing after its request
}

void tst_Robustness::notHttpFromClient_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status"); // the start of the rejection our server sends
    QTest::addColumn<QString>("error");
    QTest::newRow("random bytes")
        << randomBytes() << QByteArray("HTTP/1.1 400 Bad Request\r\n")
        << u"the request is not valid HTTP: line 1 contains the control character 0x07"_s;
    QTest::newRow("SSH banner")
        << SshBanner << QByteArray("HTTP/1.1 400 Bad Request\r\n")
        << u"the request is not valid HTTP: line 1 is not an HTTP request line (method SP target SP "
           u"HTTP-version): \"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\""_s;
    QTest::newRow("TLS record")
        << TlsRecordBytes << QByteArray("HTTP/1.1 400 Bad Request\r\n")
        << u"the request is not valid HTTP: line 1 is not an HTTP request line: the bytes look like a TLS "
           u"handshake (is the client using wss:// with a server without TLS?)"_s;
    QTest::newRow("an HTTP response")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        << QByteArray("HTTP/1.1 400 Bad Request\r\n")
        << u"the request is not valid HTTP: the request method \"HTTP/1.1\" is not a valid token"_s;
    QTest::newRow("plain HTTP GET") << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                                    << QByteArray("HTTP/1.1 426 Upgrade Required\r\n")
                                    << u"the request has no Upgrade header"_s;
}

void tst_Robustness::notHttpFromClient()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    QFETCH(QString, error);
    Server server({});
    QString listenError;
    QVERIFY2(server.listen(&listenError), qPrintable(listenError));
    EventCollector events;
    events.follow(&server);
    QSignalSpy clientClosed(&server, &Server::clientClosed);
    RawClientPeer raw;
    raw.request = request;
    raw.connectTo(server.port());
    QVERIFY(clientClosed.wait(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(raw.serverDisconnected, Timeout);
    QVERIFY2(raw.responseHead.startsWith(status), raw.responseHead.constData());

    const QList<ConnectionNotice> errors = events.notices(ConnectionNotice::Kind::Error);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().text, u"The opening handshake was refused: "_s + error);
    const QList<ConnectionNotice> handshakes = events.notices(ConnectionNotice::Kind::Handshake);
    QCOMPARE(handshakes.size(), 1);
    QCOMPARE(handshakes.constFirst().handshake->accepted, false);
    QCOMPARE(handshakes.constFirst().handshake->error, error);
    QCOMPARE(handshakes.constFirst().handshake->responseBytes, raw.responseHead + raw.received);
    QCOMPARE(server.clients().size(), 0);
}

// ---- a 1 TiB length ------------------------------------------------------------------------------------

void tst_Robustness::oneTebibyteLength_data()
{
    QTest::addColumn<bool>("ourServer");
    QTest::addColumn<bool>("strict");
    QTest::newRow("raw server -> our client | strict") << false << true;
    QTest::newRow("raw client -> our server | strict") << true << true;
    QTest::newRow("raw server -> our client | lenient") << false << false;
    QTest::newRow("raw client -> our server | lenient") << true << false;
}

void tst_Robustness::oneTebibyteLength()
{
    QFETCH(bool, ourServer);
    QFETCH(bool, strict);
    constexpr quint64 OneTiB = 1ull << 40;
    const Endpoint hostile = ourServer ? Endpoint::Client : Endpoint::Server;
    FrameSpec spec = FrameSpec::valid(hostile, 0x2, QByteArray());
    spec.declaredLength = OneTiB;
    const QByteArray header = FrameWriter::encode(spec);
    QCOMPARE(header.size(), ourServer ? 14 : 10); // only the header: no payload byte follows
    // Then a megabyte of the declared payload, which a lenient side skips without keeping it.
    const QByteArray somePayload(1024 * 1024, 'T');

    EventCollector events;
    std::unique_ptr<Server> server;
    std::unique_ptr<RawClientPeer> rawClient;
    std::unique_ptr<RawServerPeer> rawServer;
    std::unique_ptr<ClientConnection> client;
    if (ourServer) {
        Server::Options options;
        options.settings.strict = strict;
        server = std::make_unique<Server>(options);
        QString error;
        QVERIFY2(server->listen(&error), qPrintable(error));
        events.follow(server.get());
        rawClient = std::make_unique<RawClientPeer>();
        rawClient->request = RawClientPeer::upgradeRequest(server->port());
        rawClient->connectTo(server->port());
        QTRY_VERIFY_WITH_TIMEOUT(rawClient->switched(), Timeout);
    } else {
        rawServer = std::make_unique<RawServerPeer>();
        QVERIFY(rawServer->listen());
        ClientConnection::Options options;
        options.url = QUrl(u"ws://127.0.0.1:%1/"_s.arg(rawServer->port()));
        options.settings.strict = strict;
        client = std::make_unique<ClientConnection>(options);
        events.follow(client.get());
        QSignalSpy opened(client.get(), &Connection::opened);
        client->open();
        QVERIFY(opened.wait(Timeout));
    }
    const auto ourCloses
        = [&] { return ourServer ? rawClient->closeFramesFromServer() : rawServer->closeFramesFromClient(); };
    const qint64 peakBefore = peakResidentKiB();
    QElapsedTimer timer;
    timer.start();
    if (ourServer)
        rawClient->send(header);
    else
        rawServer->send(header);

    // The header alone is reported at once, its payload marked as omitted.
    QTRY_VERIFY_WITH_TIMEOUT(!events.frames(Direction::Incoming).isEmpty(), Timeout);
    const FrameEvent reported = events.frames(Direction::Incoming).constFirst();
    QCOMPARE(reported.frame.payloadLength, OneTiB);
    QVERIFY(reported.frame.payloadOmitted);
    QVERIFY(reported.payload.isEmpty());
    QCOMPARE(reported.frame.violations.size(), 1);
    QCOMPARE(reported.frame.violations.constFirst().kind, ViolationKind::FrameTooLarge);
    QCOMPARE(reported.frame.violations.constFirst().closeCode, quint16(1009));

    if (strict) {
        // 1009 right away, without waiting for a single payload byte.
        QTRY_VERIFY_WITH_TIMEOUT(!ourCloses().isEmpty(), Timeout);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(closeCodeOf(ourCloses().constFirst()), quint16(1009));
    } else {
        if (ourServer)
            rawClient->send(somePayload);
        else
            rawServer->send(somePayload);
        const auto bytesIn = [&]() -> qint64 {
            if (client)
                return client->bytesIn();
            return server->clients().isEmpty() ? -1 : server->clients().constFirst()->bytesIn();
        };
        QTRY_COMPARE_WITH_TIMEOUT(bytesIn(), qint64(header.size() + somePayload.size()), Timeout);
        QVERIFY(ourCloses().isEmpty());
        QCOMPARE(events.states().constLast(), ConnectionState::Open);
        QCOMPARE(events.frames(Direction::Incoming).size(), 1);
    }
    // Nothing near the declared size was allocated: the peak resident size grew by less than 32 MiB
    // (the megabyte written above included).
    const qint64 peakAfter = peakResidentKiB();
    if (peakBefore >= 0)
        QVERIFY2(peakAfter - peakBefore < 32 * 1024,
            qPrintable(u"peak RSS grew by %1 KiB"_s.arg(peakAfter - peakBefore)));
}

// ---- a peer that never finishes the closing handshake ---------------------------------------------------

void tst_Robustness::peerNeverFinishesClose_data()
{
    QTest::addColumn<bool>("ourServer");
    QTest::addColumn<bool>("peerEchoesClose"); // it answers the Close frame but keeps TCP open
    QTest::newRow("raw server ignores our Close") << false << false;
    QTest::newRow("raw server answers our Close, keeps TCP open") << false << true;
    QTest::newRow("raw client ignores our Close") << true << false;
    QTest::newRow("raw client answers our Close (our server then closes TCP)") << true << true;
}

void tst_Robustness::peerNeverFinishesClose()
{
    QFETCH(bool, ourServer);
    QFETCH(bool, peerEchoesClose);
    EventCollector events;
    QElapsedTimer timer;
    const Endpoint peer = ourServer ? Endpoint::Client : Endpoint::Server;
    if (ourServer) {
        Server::Options options;
        options.settings.closeTimeoutMs = 300;
        Server server(options);
        QString error;
        QVERIFY2(server.listen(&error), qPrintable(error));
        events.follow(&server);
        RawClientPeer raw;
        raw.request = RawClientPeer::upgradeRequest(server.port());
        raw.connectTo(server.port());
        QTRY_VERIFY_WITH_TIMEOUT(raw.switched(), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(server.clients().size(), 1, Timeout);
        QSignalSpy clientClosed(&server, &Server::clientClosed);
        timer.start();
        server.closeAll(1000, u"bye"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!raw.closeFramesFromServer().isEmpty(), Timeout);
        if (peerEchoesClose)
            raw.send(FrameWriter::close(peer, 1000));
        QVERIFY(clientClosed.wait(Timeout));
        QTRY_VERIFY_WITH_TIMEOUT(raw.serverDisconnected, Timeout);
    } else {
        RawServerPeer raw;
        QVERIFY(raw.listen());
        ClientConnection::Options options;
        options.url = QUrl(u"ws://127.0.0.1:%1/"_s.arg(raw.port()));
        options.settings.closeTimeoutMs = 300;
        ClientConnection client(options);
        events.follow(&client);
        QSignalSpy opened(&client, &Connection::opened);
        QSignalSpy closed(&client, &Connection::closed);
        client.open();
        QVERIFY(opened.wait(Timeout));
        timer.start();
        client.close(1000, u"bye"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!raw.closeFramesFromClient().isEmpty(), Timeout);
        if (peerEchoesClose)
            raw.send(FrameWriter::close(peer, 1000));
        QVERIFY(closed.wait(Timeout));
        QTRY_VERIFY_WITH_TIMEOUT(raw.clientDisconnected, Timeout);
    }
    const QList<ConnectionNotice> infos = events.notices(ConnectionNotice::Kind::Info);
    if (ourServer && peerEchoesClose) {
        // RFC 6455 §7.1.1: with both Close frames exchanged the server closes TCP itself; no timeout ran.
        QVERIFY(infos.isEmpty());
    } else {
        // The close timeout, not earlier, and reported.
        QVERIFY2(timer.elapsed() >= EarliestTimeoutMs, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(infos.size(), 1);
        QCOMPARE(infos.constFirst().text,
            u"The peer did not finish the closing handshake within 300 ms; dropping the TCP connection"_s);
    }
    const std::optional<CloseInfo> info = events.closeInfo();
    QVERIFY(info);
    QCOMPARE(info->initiator, CloseInitiator::Local);
    QCOMPARE(info->sentCode, quint16(1000));
    QCOMPARE(info->closingHandshakeCompleted, peerEchoesClose);
    QCOMPARE(info->code, peerEchoesClose ? quint16(1000) : quint16(1006));
    // RFC 6455 §7.1.5 / §7.4.1: without a Close from the peer the connection ended abnormally (1006); with
    // both Close frames exchanged it did not, even if TCP had to be dropped.
    QCOMPARE(info->abnormal, !peerEchoesClose);
}

// ---- a reset that our side only learns of while sending its Close ----------------------------------------

void tst_Robustness::resetSeenOnlyWhenClosing()
{
    // The peer resets the connection, and before our event loop hears of it the user closes: writing the
    // Close frame fails inside close(), and the socket ends right there, synchronously. The connection must
    // end Closed (not go back to Closing), say closed() once, and report the abnormal end.
    RawServerPeer raw;
    QVERIFY(raw.listen());
    ClientConnection::Options options;
    options.url = QUrl(u"ws://127.0.0.1:%1/"_s.arg(raw.port()));
    ClientConnection client(options);
    EventCollector events;
    events.follow(&client);
    QSignalSpy opened(&client, &Connection::opened);
    QSignalSpy closed(&client, &Connection::closed);
    QList<ConnectionState> states;
    connect(&client, &Connection::stateChanged, this, [&states](ConnectionState state) { states.append(state); });
    client.open();
    QVERIFY(opened.wait(Timeout));
    drop(raw.socket, true);
    // Let the RST reach our kernel without letting our event loop see it (the one wait in this file).
    QThread::msleep(100);
    client.close(1000, u"bye"_s);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, Timeout);
    QCOMPARE(client.state(), ConnectionState::Closed);
    QCOMPARE(states.constLast(), ConnectionState::Closed);
    QCOMPARE(states.count(ConnectionState::Closed), 1);
    QTest::qWait(50); // nothing more happens after the end
    QCOMPARE(closed.size(), 1);
    QCOMPARE(client.state(), ConnectionState::Closed);
    const std::optional<CloseInfo> info = events.closeInfo();
    QVERIFY(info);
    QCOMPARE(info->code, quint16(1006));
    QVERIFY(info->abnormal);
    QCOMPARE(info->initiator, CloseInitiator::Local);
}

// ---- a server under load, with a few misbehaving clients ---------------------------------------------

void tst_Robustness::manyClientsSomeMisbehave()
{
    constexpr int ClientCount = 200;
    constexpr int Dropping = 5; // of our own clients, which drop TCP without a Close
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    Server server(serverOptions);
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));

    struct Client
    {
        std::unique_ptr<ClientConnection> connection;
        QList<QByteArray> echoes;
        bool opened = false;
        bool closed = false;
    };
    std::vector<Client> clients(ClientCount);
    ClientConnection::Options options;
    options.url = QUrl(server.url());
    options.connectTimeoutMs = 20000;
    options.settings.handshakeTimeoutMs = 20000;
    for (Client &client : clients) {
        client.connection = std::make_unique<ClientConnection>(options);
        Client *self = &client;
        connect(client.connection.get(), &Connection::opened, this, [self] { self->opened = true; });
        connect(client.connection.get(), &Connection::closed, this, [self] { self->closed = true; });
        connect(client.connection.get(), &Connection::eventsReady, this, [self](const EventBatch &batch) {
            for (const ConnectionEvent &event : batch) {
                if (const auto *message = std::get_if<MessageEvent>(&event);
                    message && message->direction == Direction::Incoming)
                    self->echoes.append(message->message.payload);
            }
        });
        client.connection->open();
    }
    const auto count = [&clients](auto predicate) {
        return int(std::count_if(clients.cbegin(), clients.cend(), predicate));
    };
    QTRY_COMPARE_WITH_TIMEOUT(count([](const Client &c) { return c.opened; }), ClientCount, 30000);
    QCOMPARE(server.clients().size(), ClientCount);

    const auto message = [](int client, int index) {
        return QByteArray("client %1 message %2")
            .replace("%1", QByteArray::number(client))
            .replace("%2", QByteArray::number(index));
    };
    for (int i = 0; i < ClientCount; ++i) {
        for (int m = 0; m < 3; ++m)
            QVERIFY(clients[size_t(i)].connection->sendText(message(i, m)));
    }
    QTRY_COMPARE_WITH_TIMEOUT(
        count([](const Client &c) { return c.echoes.size() == 3; }), ClientCount, 30000);
    for (int i = 0; i < ClientCount; ++i) {
        for (int m = 0; m < 3; ++m)
            QCOMPARE(clients[size_t(i)].echoes.at(m), message(i, m));
    }

    // Now some misbehave: raw clients sending garbage, raw clients dropping TCP mid-frame, raw clients
    // breaking the framing, and a few of our own clients dropping TCP without a Close.
    std::vector<std::unique_ptr<RawClientPeer>> garbage;
    std::vector<std::unique_ptr<RawClientPeer>> droppers;
    std::vector<std::unique_ptr<RawClientPeer>> violators;
    for (int i = 0; i < 5; ++i) {
        garbage.push_back(std::make_unique<RawClientPeer>());
        garbage.back()->request = i % 2 ? SshBanner : randomBytes();
        garbage.back()->connectTo(server.port());
        droppers.push_back(std::make_unique<RawClientPeer>());
        droppers.back()->request = RawClientPeer::upgradeRequest(server.port());
        droppers.back()->connectTo(server.port());
        violators.push_back(std::make_unique<RawClientPeer>());
        violators.back()->request = RawClientPeer::upgradeRequest(server.port());
        violators.back()->connectTo(server.port());
    }
    for (int i = 0; i < Dropping; ++i)
        clients[size_t(i)].connection->abort();
    for (const auto &raw : droppers)
        QTRY_VERIFY_WITH_TIMEOUT(raw->switched(), Timeout);
    for (const auto &raw : droppers) {
        raw->send(FrameWriter::text(Endpoint::Client, QByteArray(500, 'd')).first(100));
        raw->socket.abort();
    }
    for (const auto &raw : violators) {
        QTRY_VERIFY_WITH_TIMEOUT(raw->switched(), Timeout);
        FrameSpec unmasked = FrameSpec::valid(Endpoint::Client, 1, "unmasked");
        unmasked.masking = FrameSpec::Masking::None;
        raw->send(FrameWriter::encode(unmasked));
    }
    // ... while the others keep talking.
    for (int i = Dropping; i < ClientCount; ++i) {
        for (int m = 3; m < 5; ++m)
            QVERIFY(clients[size_t(i)].connection->sendText(message(i, m)));
    }
    QTRY_COMPARE_WITH_TIMEOUT(
        count([](const Client &c) { return c.echoes.size() == 5; }), ClientCount - Dropping, 30000);
    for (int i = Dropping; i < ClientCount; ++i) {
        QCOMPARE(clients[size_t(i)].echoes.at(3), message(i, 3));
        QCOMPARE(clients[size_t(i)].echoes.at(4), message(i, 4));
        QCOMPARE(clients[size_t(i)].connection->state(), ConnectionState::Open);
    }
    for (const auto &raw : garbage) {
        QTRY_VERIFY_WITH_TIMEOUT(raw->serverDisconnected, Timeout);
        QVERIFY2(raw->responseHead.startsWith("HTTP/1.1 400 Bad Request\r\n"), raw->responseHead.constData());
    }
    for (const auto &raw : violators) {
        QTRY_VERIFY_WITH_TIMEOUT(raw->serverDisconnected, Timeout);
        const QList<FrameCopy> closes = raw->closeFramesFromServer();
        QCOMPARE(closes.size(), 1);
        QCOMPARE(closeCodeOf(closes.constFirst()), quint16(1002));
    }
    // Only the well-behaved clients are left on the server.
    QTRY_COMPARE_WITH_TIMEOUT(server.clients().size(), ClientCount - Dropping, Timeout);

    // And they all close cleanly.
    for (int i = Dropping; i < ClientCount; ++i)
        clients[size_t(i)].connection->close(1000);
    QTRY_COMPARE_WITH_TIMEOUT(count([](const Client &c) { return c.closed; }), ClientCount, 30000);
    for (int i = Dropping; i < ClientCount; ++i) {
        const CloseInfo &info = clients[size_t(i)].connection->closeInfo();
        QVERIFY(info.closingHandshakeCompleted);
        QCOMPARE(info.code, quint16(1000));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.clients().size(), 0, Timeout);
}

QTEST_GUILESS_MAIN(tst_Robustness)
#include "tst_robustness.moc"
