// Our client against our server on loopback: opening, messages both ways, control frames, every close
// path, keepalive, deflate, strict mode against crafted frames, and the client's URL parsing.

#include "app/net/clientconnection.h"
#include "app/net/server.h"
#include "tests/common/eventcollector.h"

#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

Q_DECLARE_METATYPE(Frameline::FrameSpec)

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::EventCollector;

class tst_Connection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseUrl_data();
    void parseUrl();
    void echoRoundTrip();
    void closeFromClient();
    void closeFromServer();
    void pingPongAndKeepalive();
    void deflateNegotiatedAndUsed();
    void strictServerFailsOnCraftedFrame_data();
    void strictServerFailsOnCraftedFrame();
    void lenientServerKeepsGoing();
    void rejectedHandshake();
    void connectionRefused();
    void ipv6LiteralAndBasicAuth();
    void reconnectWithBackoff();
    void autoPongSwitchedOff();

private:
    struct Pair
    {
        std::unique_ptr<Server> server;
        std::unique_ptr<ClientConnection> client;
        EventCollector serverEvents;
        EventCollector clientEvents;
    };
    static std::unique_ptr<Pair> start(Server::Options serverOptions, ClientConnection::Options clientOptions = {});
};

std::unique_ptr<tst_Connection::Pair> tst_Connection::start(Server::Options serverOptions,
                                                             ClientConnection::Options clientOptions)
{
    auto pair = std::make_unique<Pair>();
    pair->server = std::make_unique<Server>(serverOptions);
    QString error;
    if (!pair->server->listen(&error))
        qFatal("listen: %s", qPrintable(error));
    pair->serverEvents.follow(pair->server.get());
    clientOptions.url = QUrl(pair->server->url() + u"chat?room=1"_s);
    pair->client = std::make_unique<ClientConnection>(clientOptions);
    pair->clientEvents.follow(pair->client.get());
    QSignalSpy opened(pair->client.get(), &Connection::opened);
    QSignalSpy closed(pair->client.get(), &Connection::closed);
    pair->client->open();
    if (!opened.wait(5000) && closed.isEmpty())
        qWarning("client neither opened nor closed");
    return pair;
}

void tst_Connection::parseUrl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("error");
    QTest::newRow("ws") << u"ws://example.com/chat?x=1"_s << u"ws://example.com/chat?x=1"_s << QString();
    QTest::newRow("wss with port") << u"wss://example.com:8443/"_s << u"wss://example.com:8443/"_s << QString();
    QTest::newRow("no scheme") << u"localhost:9001/x"_s << u"ws://localhost:9001/x"_s << QString();
    QTest::newRow("IPv6") << u"ws://[::1]:9001/x"_s << u"ws://[::1]:9001/x"_s << QString();
    QTest::newRow("upper-case scheme") << u"WS://host/"_s << u"ws://host/"_s << QString();
    QTest::newRow("empty") << u"  "_s << QString()
                           << u"Enter a WebSocket URL, such as ws://localhost:9001/ or wss://example.com/socket"_s;
    QTest::newRow("http") << u"http://example.com/"_s << QString()
                          << u"The scheme 'http' is not a WebSocket scheme: use ws:// or wss://"_s;
    QTest::newRow("fragment") << u"ws://example.com/#top"_s << QString() << u"A WebSocket URL cannot have a fragment ('#top')"_s;
    QTest::newRow("bad port") << u"ws://example.com:99999/"_s << QString()
                              << u"'ws://example.com:99999/' is not a valid URL: Invalid port or port number out of range"_s;
    QTest::newRow("no host") << u"ws:///path"_s << QString() << u"'ws:///path' has no host name"_s;
}

void tst_Connection::parseUrl()
{
    QFETCH(QString, input);
    QFETCH(QString, url);
    QFETCH(QString, error);
    QString actualError;
    const auto parsed = ClientConnection::parseUrl(input, &actualError);
    if (url.isEmpty()) {
        QVERIFY(!parsed);
        QCOMPARE(actualError, error);
    } else {
        QVERIFY2(parsed, qPrintable(actualError));
        QCOMPARE(parsed->toString(), url);
    }
}

void tst_Connection::echoRoundTrip()
{
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    serverOptions.handshake.subprotocols = { "chat" };
    ClientConnection::Options clientOptions;
    clientOptions.subprotocols = { "superchat", "chat" };
    auto pair = start(serverOptions, clientOptions);
    ClientConnection &client = *pair->client;
    QCOMPARE(client.state(), ConnectionState::Open);
    QCOMPARE(client.subprotocol(), QByteArray("chat"));
    QVERIFY(client.handshake()->requestBytes.startsWith("GET /chat?room=1 HTTP/1.1\r\n"));
    QVERIFY(client.handshake()->responseBytes.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
    QVERIFY(client.handshake()->timings.connectNs >= 0);
    QVERIFY(client.handshake()->timings.upgradeNs >= 0);

    const QByteArray big(70000, 'b');
    QVERIFY(client.sendText("Hello"));
    QVERIFY(client.sendBinary(big));
    QVERIFY(client.sendFragmented(0x1, "fragmented message", 3));
    QTRY_COMPARE(pair->clientEvents.messages(Direction::Incoming).size(), 3);
    const auto echoed = pair->clientEvents.messages(Direction::Incoming);
    QCOMPARE(echoed.at(0).message.payload, QByteArray("Hello"));
    QCOMPARE(echoed.at(1).message.payload, big);
    QCOMPARE(echoed.at(1).message.opcode, quint8(2));
    QCOMPARE(echoed.at(2).message.payload, QByteArray("fragmented message"));

    // What we sent is reported from the bytes on the wire: masked, with a key, origin User.
    const auto sent = pair->clientEvents.frames(Direction::Outgoing);
    QCOMPARE(sent.size(), 5);
    QVERIFY(sent.at(0).frame.masked);
    QCOMPARE(sent.at(0).payload, QByteArray("Hello"));
    QCOMPARE(sent.at(0).origin, FrameOrigin::User);
    QCOMPARE(sent.at(1).frame.lengthForm, LengthForm::Bits64);
    QCOMPARE(sent.at(2).frame.fin, false);
    QCOMPARE(sent.at(4).frame.fin, true);
    // The server saw the same bytes and echoed them automatically.
    QTRY_COMPARE(pair->serverEvents.frames(Direction::Outgoing).size(), 3);
    QCOMPARE(pair->serverEvents.frames(Direction::Outgoing).constFirst().origin, FrameOrigin::Automatic);
    QCOMPARE(pair->serverEvents.frames(Direction::Incoming).size(), 5);
    QCOMPARE(client.framesOut(), 5);
}

void tst_Connection::closeFromClient()
{
    auto pair = start({});
    QSignalSpy closed(pair->client.get(), &Connection::closed);
    pair->client->close(4000, u"bye now"_s);
    QVERIFY(closed.wait(5000));
    const CloseInfo info = pair->client->closeInfo();
    QCOMPARE(info.initiator, CloseInitiator::Local);
    QCOMPARE(info.code, quint16(4000)); // the server echoes our code
    QCOMPARE(info.sentCode, quint16(4000));
    QVERIFY(info.closingHandshakeCompleted);
    QVERIFY(!info.abnormal);
    const auto sent = pair->clientEvents.frames(Direction::Outgoing);
    QCOMPARE(sent.constLast().frame.opcode, quint8(8));
    QCOMPARE(sent.constLast().payload, QByteArray("\x0f\xa0" "bye now"));
    QCOMPARE(pair->clientEvents.states().constLast(), ConnectionState::Closed);
    QCOMPARE(pair->clientEvents.closeInfo()->code, quint16(4000));
}

void tst_Connection::closeFromServer()
{
    auto pair = start({});
    QTRY_COMPARE(pair->server->clients().size(), 1);
    QSignalSpy closed(pair->client.get(), &Connection::closed);
    pair->server->closeAll(1001, u"going away"_s);
    QVERIFY(closed.wait(5000));
    const CloseInfo info = pair->client->closeInfo();
    QCOMPARE(info.initiator, CloseInitiator::Remote);
    QCOMPARE(info.code, quint16(1001));
    QCOMPARE(info.reason, u"going away"_s);
    QVERIFY(info.closingHandshakeCompleted);
    // The client echoed the code automatically.
    const auto sent = pair->clientEvents.frames(Direction::Outgoing);
    QCOMPARE(sent.constLast().origin, FrameOrigin::Automatic);
    QCOMPARE(sent.constLast().payload, QByteArray("\x03\xe9"));
}

void tst_Connection::pingPongAndKeepalive()
{
    ClientConnection::Options options;
    options.settings.pingIntervalMs = 50;
    auto pair = start({}, options);
    QVERIFY(pair->client->sendPing("are you there"));
    QTRY_VERIFY(pair->clientEvents.notices(ConnectionNotice::Kind::PingRoundTrip).size() >= 2);
    QVERIFY(pair->client->lastRoundTripNs() > 0);
    const auto pongs = pair->clientEvents.frames(Direction::Incoming);
    QVERIFY(!pongs.isEmpty());
    QCOMPARE(pongs.constFirst().frame.opcode, quint8(0xA));
    QCOMPARE(pongs.constFirst().payload, QByteArray("are you there"));
}

void tst_Connection::deflateNegotiatedAndUsed()
{
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    ClientConnection::Options clientOptions;
    clientOptions.offerDeflate = true;
    clientOptions.deflateOffer.clientMaxWindowBitsOffered = true;
    auto pair = start(serverOptions, clientOptions);
    QVERIFY(pair->client->deflate().has_value());
    const QByteArray text = QByteArray("compress me please ").repeated(100);
    QVERIFY(pair->client->sendText(text));
    QTRY_COMPARE(pair->clientEvents.messages(Direction::Incoming).size(), 1);
    const MessageEvent echoed = pair->clientEvents.messages(Direction::Incoming).constFirst();
    QVERIFY(echoed.message.compressed);
    QCOMPARE(echoed.message.payload, text);
    QVERIFY(echoed.message.wireLength < quint64(text.size()) / 5);
    QVERIFY(pair->clientEvents.frames(Direction::Outgoing).constFirst().frame.rsv1);
}

void tst_Connection::strictServerFailsOnCraftedFrame_data()
{
    QTest::addColumn<FrameSpec>("spec");
    QTest::addColumn<quint16>("code");
    FrameSpec unmasked;
    unmasked.opcode = 1;
    unmasked.payload = "Hello";
    QTest::newRow("unmasked client frame") << unmasked << quint16(1002);
    FrameSpec rsv2 = FrameSpec::valid(Endpoint::Client, 1, "x");
    rsv2.rsv2 = true;
    QTest::newRow("RSV2") << rsv2 << quint16(1002);
    FrameSpec opcode3 = FrameSpec::valid(Endpoint::Client, 3, "x");
    QTest::newRow("opcode 3") << opcode3 << quint16(1002);
    FrameSpec badText = FrameSpec::valid(Endpoint::Client, 1, QByteArray::fromHex("c328"));
    QTest::newRow("invalid UTF-8") << badText << quint16(1007);
}

void tst_Connection::strictServerFailsOnCraftedFrame()
{
    QFETCH(FrameSpec, spec);
    QFETCH(quint16, code);
    auto pair = start({});
    QSignalSpy closed(pair->client.get(), &Connection::closed);
    QVERIFY(pair->client->sendFrame(spec));
    QVERIFY(closed.wait(5000));
    // The server's Close frame carries the code for the rule that was broken.
    const auto received = pair->clientEvents.frames(Direction::Incoming);
    QVERIFY(!received.isEmpty());
    QCOMPARE(received.constLast().frame.opcode, quint8(8));
    QCOMPARE(pair->client->closeInfo().code, code);
    QCOMPARE(pair->client->closeInfo().initiator, CloseInitiator::Remote);
    QTRY_VERIFY(!pair->serverEvents.notices(ConnectionNotice::Kind::Violation).isEmpty());
}

void tst_Connection::lenientServerKeepsGoing()
{
    Server::Options serverOptions;
    serverOptions.settings.strict = false;
    serverOptions.behaviour = Server::Behaviour::Echo;
    auto pair = start(serverOptions);
    FrameSpec rsv2 = FrameSpec::valid(Endpoint::Client, 1, "still here");
    rsv2.rsv2 = true;
    QVERIFY(pair->client->sendFrame(rsv2));
    QTRY_COMPARE(pair->clientEvents.messages(Direction::Incoming).size(), 1);
    QCOMPARE(pair->clientEvents.messages(Direction::Incoming).constFirst().message.payload, QByteArray("still here"));
    QCOMPARE(pair->client->state(), ConnectionState::Open);
    QTRY_VERIFY(!pair->serverEvents.notices(ConnectionNotice::Kind::Violation).isEmpty());
    QVERIFY(pair->serverEvents.notices(ConnectionNotice::Kind::Violation).constFirst().text.contains(u"Lenient"_s));
}

void tst_Connection::rejectedHandshake()
{
    Server::Options serverOptions;
    serverOptions.handshake.allowedOrigins = { "https://good.example" };
    ClientConnection::Options clientOptions;
    clientOptions.origin = "https://evil.example";
    auto pair = start(serverOptions, clientOptions);
    QTRY_COMPARE(pair->client->state(), ConnectionState::Closed);
    QVERIFY(!pair->client->handshake()->accepted);
    QCOMPARE(pair->client->handshake()->response.statusCode(), 403);
    QVERIFY2(pair->client->errorString().contains(u"403"_s), qPrintable(pair->client->errorString()));
}

void tst_Connection::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    ClientConnection::Options options;
    options.url = QUrl(u"ws://127.0.0.1:%1/"_s.arg(port));
    ClientConnection client(options);
    EventCollector events;
    events.follow(&client);
    QSignalSpy closed(&client, &Connection::closed);
    client.open();
    QVERIFY(closed.wait(5000));
    QVERIFY2(client.errorString().startsWith(u"Cannot connect to 127.0.0.1:%1: "_s.arg(port)), qPrintable(client.errorString()));
    QCOMPARE(client.closeInfo().code, quint16(1006));
    QCOMPARE(events.states(), (QList<ConnectionState> { ConnectionState::Connecting, ConnectionState::Closed }));
}

void tst_Connection::ipv6LiteralAndBasicAuth()
{
    Server::Options serverOptions;
    serverOptions.address = QHostAddress(QHostAddress::LocalHostIPv6);
    Server server(serverOptions);
    QString error;
    if (!server.listen(&error))
        QSKIP(qPrintable(u"IPv6 loopback is not available on this machine: "_s + error));
    EventCollector serverEvents;
    serverEvents.follow(&server);
    QCOMPARE(server.url(), u"ws://[::1]:%1/"_s.arg(server.port()));

    QString parseError;
    const auto url = ClientConnection::parseUrl(u"ws://user:p%C3%A4ss@[::1]:%1/secure"_s.arg(server.port()), &parseError);
    QVERIFY2(url, qPrintable(parseError));
    ClientConnection::Options options;
    options.url = *url;
    ClientConnection client(options);
    QSignalSpy opened(&client, &Connection::opened);
    client.open();
    QVERIFY(opened.wait(5000));
    QCOMPARE(client.handshake()->peerAddress, u"::1"_s);
    QCOMPARE(client.handshake()->timings.dnsNs, -1); // a literal needs no lookup
    // user:password became Basic authentication (RFC 7617: base64 of "user:päss" in UTF-8), and the
    // request line and Host carry no user info.
    QVERIFY(client.handshake()->requestBytes.startsWith("GET /secure HTTP/1.1\r\n"));
    QVERIFY(client.handshake()->requestBytes.contains("\r\nAuthorization: Basic dXNlcjpww6Rzcw==\r\n"));
    QVERIFY(client.handshake()->requestBytes.contains("\r\nHost: [::1]:"));
    QVERIFY(!client.handshake()->requestBytes.contains("user"));
    // The URL recorded for the user hides the password.
    QVERIFY(!client.handshake()->url.contains(u"p%C3%A4ss"_s));
    QTRY_VERIFY(!serverEvents.notices(ConnectionNotice::Kind::Handshake).isEmpty());
    const auto record = serverEvents.notices(ConnectionNotice::Kind::Handshake).constFirst().handshake;
    QCOMPARE(record->request.combinedValue("authorization"), QByteArray("Basic dXNlcjpww6Rzcw=="));
}

void tst_Connection::reconnectWithBackoff()
{
    // Find a free port, then leave it empty for a while.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    ClientConnection::Options options;
    options.url = QUrl(u"ws://127.0.0.1:%1/"_s.arg(port));
    options.reconnect.enabled = true;
    options.reconnect.initialDelayMs = 50;
    options.reconnect.maxDelayMs = 200;
    ClientConnection client(options);
    EventCollector events;
    events.follow(&client);
    QSignalSpy opened(&client, &Connection::opened);
    client.open();
    // Three refused attempts, each followed by a longer wait: 50, 100, 200 ms.
    QTRY_VERIFY_WITH_TIMEOUT(events.notices(ConnectionNotice::Kind::Info).size() >= 3, 5000);
    QStringList scheduled;
    for (const ConnectionNotice &notice : events.notices(ConnectionNotice::Kind::Info))
        scheduled.append(notice.text);
    QCOMPARE(scheduled.mid(0, 3), (QStringList { u"Reconnecting in 50 ms (attempt 2)"_s,
                                                u"Reconnecting in 100 ms (attempt 3)"_s,
                                                u"Reconnecting in 200 ms (attempt 4)"_s }));
    // A server appears on the port: the next attempt opens.
    Server::Options serverOptions;
    serverOptions.port = port;
    Server server(serverOptions);
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    QVERIFY(opened.wait(5000));
    QVERIFY(client.attempt() >= 4);
    // A clean close by the user does not reconnect.
    QSignalSpy closed(&client, &Connection::closed);
    client.stop(1000);
    QVERIFY(closed.wait(5000));
    QVERIFY(!client.isReconnectPending());
}

void tst_Connection::autoPongSwitchedOff()
{
    ClientConnection::Options options;
    options.settings.autoPong = false;
    auto pair = start({}, options);
    QTRY_COMPARE(pair->server->clients().size(), 1);
    // A ping, then a text frame as a marker: a pong would be written while the ping is handled, so
    // once the marker has arrived, no pong means none was sent.
    QVERIFY(pair->server->clients().constFirst()->sendPing("no answer"));
    QVERIFY(pair->server->clients().constFirst()->sendText("marker"));
    QTRY_COMPARE(pair->clientEvents.frames(Direction::Incoming).size(), 2);
    pair->client->flushEvents();
    QCOMPARE(pair->clientEvents.frames(Direction::Outgoing).size(), 0);
    // With the default, the ping is answered, and both show in the events.
    auto answering = start({});
    QTRY_COMPARE(answering->server->clients().size(), 1);
    QVERIFY(answering->server->clients().constFirst()->sendPing("answer me"));
    QTRY_COMPARE(answering->clientEvents.frames(Direction::Outgoing).size(), 1);
    const FrameEvent pong = answering->clientEvents.frames(Direction::Outgoing).constFirst();
    QCOMPARE(pong.frame.opcode, quint8(0xA));
    QCOMPARE(pong.payload, QByteArray("answer me"));
    QCOMPARE(pong.origin, FrameOrigin::Automatic);
}

QTEST_GUILESS_MAIN(tst_Connection)
#include "tst_connection.moc"
