// The RFC 6455 opening handshake: the §1.3 example, the client's request byte for byte, the client's
// checks of a response (§4.1) and the server's checks of a request and its answer (§4.2), each failure
// with its exact reason.

#include "app/protocol/handshake.h"

#include <QtCore/QSet>
#include <QtTest/QTest>

using namespace Frameline;
using namespace Qt::Literals::StringLiterals;

namespace {

using Client = Handshake::Client;
using Server = Handshake::Server;

const QByteArray rfcKey = "dGhlIHNhbXBsZSBub25jZQ==";
const QByteArray rfcAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

const QByteArray rfcRequest = "GET /chat HTTP/1.1\r\n"
                              "Host: server.example.com\r\n"
                              "Upgrade: websocket\r\n"
                              "Connection: Upgrade\r\n"
                              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                              "Origin: http://example.com\r\n"
                              "Sec-WebSocket-Protocol: chat, superchat\r\n"
                              "Sec-WebSocket-Version: 13\r\n"
                              "\r\n";
const QByteArray rfcResponse = "HTTP/1.1 101 Switching Protocols\r\n"
                               "Upgrade: websocket\r\n"
                               "Connection: Upgrade\r\n"
                               "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                               "Sec-WebSocket-Protocol: chat\r\n"
                               "\r\n";

QByteArray head(const QByteArray &startLine, const QByteArrayList &fields)
{
    QByteArray bytes = startLine + "\r\n";
    for (const QByteArray &field : fields)
        bytes += field + "\r\n";
    return bytes + "\r\n";
}

// A 101 with the fields every accepting response needs, plus `more`; `without` drops a default by name.
QByteArray switching(const QByteArrayList &more = {}, const QByteArray &without = {})
{
    QByteArrayList fields;
    for (const QByteArray &field : { "Upgrade: websocket"_ba, "Connection: Upgrade"_ba,
             QByteArray("Sec-WebSocket-Accept: "_ba + rfcAccept) }) {
        if (without.isEmpty() || !field.startsWith(QByteArray(without + ':')))
            fields.append(field);
    }
    return head("HTTP/1.1 101 Switching Protocols", fields + more);
}

// A valid upgrade request, plus `more`; `without` drops a default by name.
QByteArray upgradeRequest(const QByteArrayList &more = {}, const QByteArray &without = {},
    const QByteArray &requestLine = "GET /chat HTTP/1.1")
{
    QByteArrayList fields;
    for (const QByteArray &field :
        { "Host: server.example.com"_ba, "Upgrade: websocket"_ba, "Connection: Upgrade"_ba,
            QByteArray("Sec-WebSocket-Key: "_ba + rfcKey), "Sec-WebSocket-Version: 13"_ba }) {
        if (without.isEmpty() || !field.startsWith(QByteArray(without + ':')))
            fields.append(field);
    }
    return head(requestLine, fields + more);
}

DeflateOffer plainDeflateOffer()
{
    DeflateOffer offer;
    offer.clientMaxWindowBitsOffered = true;
    return offer;
}

Handshake::ClientOptions rfcClientOptions(bool offerDeflate = false)
{
    Handshake::ClientOptions options;
    options.url = QUrl(u"ws://server.example.com/chat"_s);
    options.origin = "http://example.com";
    options.subprotocols = { "chat", "superchat" };
    options.userAgent.clear();
    options.key = rfcKey;
    if (offerDeflate)
        options.deflateOffers = { plainDeflateOffer() };
    return options;
}

QByteArrayList fieldLines(const HttpMessage &message)
{
    QByteArrayList lines;
    for (const HttpMessage::Field &field : message.fields())
        lines.append(field.name + ": " + field.value);
    return lines;
}

} // namespace

class tst_Handshake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptKey_data();
    void acceptKey();
    void isValidKey_data();
    void isValidKey();
    void generatedKeys();
    void isOriginAllowed_data();
    void isOriginAllowed();

    void clientRequest_data();
    void clientRequest();
    void clientRejectsOptions_data();
    void clientRejectsOptions();
    void clientRandomKey();
    void clientValidatesResponse_data();
    void clientValidatesResponse();
    void clientResponseInAnyPieces();
    void clientChecksWhatWasSent();
    void clientKeepsRejection_data();
    void clientKeepsRejection();
    void clientConnectionClosed_data();
    void clientConnectionClosed();

    void serverAccepts_data();
    void serverAccepts();
    void serverRejects_data();
    void serverRejects();
    void serverRejectionBytes();
    void serverConfiguredRejection();
    void serverRequestInAnyPieces();
    void serverNegotiatesDeflate();
    void rejectionResponse();

    void clientAndServerAgree();
};

// RFC 6455 §1.3 and §4.2.2 item 5.4: base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")).
void tst_Handshake::acceptKey_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("accept");

    QTest::newRow("RFC 6455 1.3") << rfcKey << rfcAccept;
    QTest::newRow("bytes 1..16") << "AQIDBAUGBwgJCgsMDQ4PEA=="_ba
                                 << "C/0nmHhBztSRGR1CwL6Tf4ZjwpY="_ba;
    QTest::newRow("x3JJ...") << "x3JJHMbDL1EzLkh9GBhXDw=="_ba
                             << "HSmrc0sMlYUkAGmm5OPpG2HaGWk="_ba;
}

void tst_Handshake::acceptKey()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, accept);
    QCOMPARE(Handshake::acceptFor(key), accept);
    QCOMPARE(QByteArray(Handshake::AcceptGuid), "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"_ba);
}

void tst_Handshake::isValidKey_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("valid");

    QTest::newRow("RFC 6455 1.3") << rfcKey << true;
    QTest::newRow("bytes 1..16") << "AQIDBAUGBwgJCgsMDQ4PEA=="_ba << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("no padding") << "dGhlIHNhbXBsZSBub25jZQ"_ba << false;
    QTest::newRow("18 bytes, 24 characters") << "AAAAAAAAAAAAAAAAAAAAAAAA"_ba << false;
    QTest::newRow("15 bytes") << "AAAAAAAAAAAAAAAAAAAA"_ba << false;
    QTest::newRow("17 bytes") << "AAAAAAAAAAAAAAAAAAAAAAA="_ba << false;
    QTest::newRow("base64url alphabet") << "dGhlIHNhbXBsZSBub25jZQ-_"_ba << false;
    QTest::newRow("inner space") << "dGhlIHNhbXBs ZSBub25jZQ="_ba << false;
    QTest::newRow("not base64") << "this is not a valid key!"_ba << false;
}

void tst_Handshake::isValidKey()
{
    QFETCH(QByteArray, key);
    QFETCH(bool, valid);
    QCOMPARE(Handshake::isValidKey(key), valid);
}

void tst_Handshake::generatedKeys()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 100; ++i) {
        const QByteArray key = Handshake::generateKey();
        QCOMPARE(key.size(), 24);
        QVERIFY(Handshake::isValidKey(key));
        seen.insert(key);
    }
    QCOMPARE(seen.size(), 100); // §4.1 item 7: a fresh nonce per connection
}

void tst_Handshake::isOriginAllowed_data()
{
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<QByteArrayList>("allowed");
    QTest::addColumn<bool>("result");

    const QByteArrayList list = { "https://app.example.com", "http://localhost:8080" };
    QTest::newRow("empty list allows all") << "http://evil.example"_ba << QByteArrayList {} << true;
    QTest::newRow("listed") << "https://app.example.com"_ba << list << true;
    QTest::newRow("listed, other case") << "HTTPS://APP.example.com"_ba << list << true;
    QTest::newRow("port matters") << "http://localhost"_ba << list << false;
    QTest::newRow("scheme matters") << "http://app.example.com"_ba << list << false;
    QTest::newRow("not a prefix match") << "https://app.example.com.evil"_ba << list << false;
    QTest::newRow("null origin") << "null"_ba << list << false;
    QTest::newRow("wildcard") << "null"_ba << QByteArrayList { "*" } << true;
}

void tst_Handshake::isOriginAllowed()
{
    QFETCH(QByteArray, origin);
    QFETCH(QByteArrayList, allowed);
    QFETCH(bool, result);
    QCOMPARE(Handshake::isOriginAllowed(origin, allowed), result);
}

// --- Client ------------------------------------------------------------------------------------------------

void tst_Handshake::clientRequest_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<QByteArray>("userAgent");
    QTest::addColumn<QByteArrayList>("subprotocols");
    QTest::addColumn<bool>("offerDeflate");
    QTest::addColumn<QByteArrayList>("otherExtensions");
    QTest::addColumn<QByteArrayList>("extraHeaders"); // "Name: value"
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("RFC 6455 1.3") << u"ws://server.example.com/chat"_s << "http://example.com"_ba
                                  << QByteArray() << QByteArrayList { "chat", "superchat" } << false
                                  << QByteArrayList {} << QByteArrayList {}
                                  << "GET /chat HTTP/1.1\r\n"
                                     "Host: server.example.com\r\n"
                                     "Upgrade: websocket\r\n"
                                     "Connection: Upgrade\r\n"
                                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                     "Sec-WebSocket-Version: 13\r\n"
                                     "Origin: http://example.com\r\n"
                                     "Sec-WebSocket-Protocol: chat, superchat\r\n"
                                     "\r\n"_ba;
    QTest::newRow("everything") << u"wss://example.com:8443/feed/live?since=10&x=a%20b#fragment"_s
                                << "https://app.example.com"_ba
                                << "Frameline"_ba << QByteArrayList { "v2.json", "v1.json" } << true
                                << QByteArrayList { "x-frameline-test; mode=1" }
                                << QByteArrayList { "Authorization: Bearer abc", "X-Trace: 1" }
                                << "GET /feed/live?since=10&x=a%20b HTTP/1.1\r\n"
                                   "Host: example.com:8443\r\n"
                                   "Upgrade: websocket\r\n"
                                   "Connection: Upgrade\r\n"
                                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                   "Sec-WebSocket-Version: 13\r\n"
                                   "Origin: https://app.example.com\r\n"
                                   "Sec-WebSocket-Protocol: v2.json, v1.json\r\n"
                                   "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits, "
                                   "x-frameline-test; mode=1\r\n"
                                   "User-Agent: Frameline\r\n"
                                   "Authorization: Bearer abc\r\n"
                                   "X-Trace: 1\r\n"
                                   "\r\n"_ba;
    QTest::newRow("default ws port, empty path")
        << u"ws://example.com:80"_s << QByteArray() << QByteArray() << QByteArrayList {} << false
        << QByteArrayList {} << QByteArrayList {}
        << "GET / HTTP/1.1\r\n"
           "Host: example.com\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: 13\r\n"
           "\r\n"_ba;
    QTest::newRow("default wss port, query only")
        << u"WSS://Example.COM:443?a=1"_s << QByteArray() << QByteArray() << QByteArrayList {} << false
        << QByteArrayList {} << QByteArrayList {}
        << "GET /?a=1 HTTP/1.1\r\n"
           "Host: example.com\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: 13\r\n"
           "\r\n"_ba;
    QTest::newRow("wss on port 80 keeps it")
        << u"wss://example.com:80/"_s << QByteArray() << QByteArray() << QByteArrayList {} << false
        << QByteArrayList {} << QByteArrayList {}
        << "GET / HTTP/1.1\r\n"
           "Host: example.com:80\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: 13\r\n"
           "\r\n"_ba;
    QTest::newRow("IPv6 literal with port")
        << u"ws://[::1]:9001/socket"_s << QByteArray() << QByteArray() << QByteArrayList {} << false
        << QByteArrayList {} << QByteArrayList {}
        << "GET /socket HTTP/1.1\r\n"
           "Host: [::1]:9001\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: 13\r\n"
           "\r\n"_ba;
    QTest::newRow("IPv6 literal, default port")
        << u"wss://[2001:db8::1]/"_s << QByteArray() << QByteArray() << QByteArrayList {} << false
        << QByteArrayList {} << QByteArrayList {}
        << "GET / HTTP/1.1\r\n"
           "Host: [2001:db8::1]\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: 13\r\n"
           "\r\n"_ba;
    QTest::newRow("path and host encoded")
        << u"ws://b\u00fccher.example/r\u00e9sum\u00e9 x?q=\u00e9"_s << QByteArray() << QByteArray()
        << QByteArrayList {} << false << QByteArrayList {} << QByteArrayList {}
        << "GET /r%C3%A9sum%C3%A9%20x?q=%C3%A9 HTTP/1.1\r\n"
           "Host: xn--bcher-kva.example\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: 13\r\n"
           "\r\n"_ba;
    QTest::newRow("extra headers replace Origin and User-Agent in place")
        << u"ws://example.com/"_s << "http://default.example"_ba
        << "Frameline"_ba << QByteArrayList {} << false << QByteArrayList {}
        << QByteArrayList { "user-agent: curl/8.0", "X-A: 1", "Origin: http://other.example" }
        << "GET / HTTP/1.1\r\n"
           "Host: example.com\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: 13\r\n"
           "Origin: http://other.example\r\n"
           "user-agent: curl/8.0\r\n"
           "X-A: 1\r\n"
           "\r\n"_ba;
    QTest::newRow("extra Origin without a default one is appended")
        << u"ws://example.com/"_s << QByteArray() << QByteArray() << QByteArrayList {} << false
        << QByteArrayList {} << QByteArrayList { "Origin: http://o.example", "Origin: http://second.example" }
        << "GET / HTTP/1.1\r\n"
           "Host: example.com\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: 13\r\n"
           "Origin: http://o.example\r\n"
           "Origin: http://second.example\r\n"
           "\r\n"_ba;
    QTest::newRow("extra header overrides the version (to test servers)")
        << u"ws://example.com/"_s << QByteArray() << QByteArray() << QByteArrayList {} << false
        << QByteArrayList {} << QByteArrayList { "Sec-WebSocket-Version: 8" }
        << "GET / HTTP/1.1\r\n"
           "Host: example.com\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: 8\r\n"
           "\r\n"_ba;
}

void tst_Handshake::clientRequest()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, origin);
    QFETCH(QByteArray, userAgent);
    QFETCH(QByteArrayList, subprotocols);
    QFETCH(bool, offerDeflate);
    QFETCH(QByteArrayList, otherExtensions);
    QFETCH(QByteArrayList, extraHeaders);
    QFETCH(QByteArray, expected);

    Handshake::ClientOptions options;
    options.url = QUrl(url);
    options.origin = origin;
    options.userAgent = userAgent;
    options.subprotocols = subprotocols;
    if (offerDeflate)
        options.deflateOffers = { plainDeflateOffer() };
    options.otherExtensions = otherExtensions;
    for (const QByteArray &line : extraHeaders) {
        const qsizetype colon = line.indexOf(':');
        options.extraHeaders.append({ line.first(colon), line.sliced(colon + 2) });
    }
    options.key = rfcKey;

    const Client client(options);
    QCOMPARE(client.status(), Client::Status::AwaitingResponse);
    QVERIFY2(client.errorString().isEmpty(), qPrintable(client.errorString()));
    QCOMPARE(client.requestBytes(), expected);
    QCOMPARE(client.key(), rfcKey);
    QCOMPARE(client.expectedAccept(), rfcAccept);
}

void tst_Handshake::clientRejectsOptions_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("headerName");
    QTest::addColumn<QByteArray>("headerValue");
    QTest::addColumn<QString>("error");

    QTest::newRow("http URL") << u"http://example.com/"_s << QByteArray() << QByteArray()
                              << u"http://example.com/ is not a ws:// or wss:// URL"_s;
    QTest::newRow("no URL") << QString() << QByteArray() << QByteArray() << u"no URL was given"_s;
    QTest::newRow("no host") << u"ws:///chat"_s << QByteArray() << QByteArray()
                             << u"the URL ws:///chat has no host"_s;
    QTest::newRow("header injection")
        << u"ws://example.com/"_s << "X-Evil"_ba
        << "a\r\nHost: other"_ba
        << u"the value of header \"X-Evil\" contains a line break or control character"_s;
    QTest::newRow("header name with a space")
        << u"ws://example.com/"_s << "Bad Name"_ba
        << "1"_ba << u"the header name \"Bad Name\" is not a valid token"_s;
    QTest::newRow("empty header name") << u"ws://example.com/"_s << QByteArray("", 0) << "1"_ba
                                       << u"the header name \"\" is not a valid token"_s;
}

void tst_Handshake::clientRejectsOptions()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, headerName);
    QFETCH(QByteArray, headerValue);
    QFETCH(QString, error);

    Handshake::ClientOptions options;
    options.url = QUrl(url);
    if (!headerValue.isEmpty())
        options.extraHeaders.append({ headerName, headerValue });
    Client client(options);
    QCOMPARE(client.status(), Client::Status::Failed);
    QCOMPARE(client.errorString(), error);
    QCOMPARE(client.requestBytes(), QByteArray()); // nothing to send
    // A failed client ignores whatever comes next.
    QCOMPARE(client.feed(rfcResponse), Client::Status::Failed);
    QCOMPARE(client.consumed(), 0);
}

void tst_Handshake::clientRandomKey()
{
    Handshake::ClientOptions options;
    options.url = QUrl(u"ws://example.com/"_s);
    const Client first(options);
    const Client second(options);
    QVERIFY(Handshake::isValidKey(first.key()));
    QVERIFY(first.key() != second.key());
    QCOMPARE(first.request().values("Sec-WebSocket-Key"), QByteArrayList { first.key() });
    QCOMPARE(first.expectedAccept(), Handshake::acceptFor(first.key()));
    QCOMPARE(first.request().values("User-Agent"), QByteArrayList { "Frameline" });
}

void tst_Handshake::clientValidatesResponse_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("offerDeflate");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::addColumn<QByteArray>("subprotocol");
    QTest::addColumn<QByteArrayList>("extensions");

    const QString notHttp = u"the server's response is not valid HTTP: "_s;
    QTest::newRow("RFC 6455 1.3") << rfcResponse << false << QString() << "chat"_ba << QByteArrayList {};
    QTest::newRow("no subprotocol chosen")
        << switching() << false << QString() << QByteArray() << QByteArrayList {};
    QTest::newRow("tokens in any case, Connection list") << head("HTTP/1.1 101 Web Socket Protocol Handshake",
        { "upgrade: WebSocket", "connection: keep-alive, UPGRADE", "sec-websocket-accept: "_ba + rfcAccept })
                                                         << false << QString() << QByteArray()
                                                         << QByteArrayList {};
    QTest::newRow("Connection in two fields")
        << switching({ "Connection: keep-alive", "Connection: Upgrade" }, "Connection") << false << QString()
        << QByteArray() << QByteArrayList {};
    QTest::newRow("second subprotocol") << switching({ "Sec-WebSocket-Protocol: superchat" }) << false
                                        << QString() << "superchat"_ba << QByteArrayList {};
    QTest::newRow("permessage-deflate accepted")
        << switching({ "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=10" }) << true
        << QString() << QByteArray() << QByteArrayList { "permessage-deflate; client_max_window_bits=10" };

    QTest::newRow("403") << "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"_ba << false
                         << u"the server answered 403 Forbidden instead of 101 Switching Protocols"_s
                         << QByteArray() << QByteArrayList {};
    QTest::newRow("200 without reason") << "HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n"_ba << false
                                        << u"the server answered 200 instead of 101 Switching Protocols"_s
                                        << QByteArray() << QByteArrayList {};
    QTest::newRow("no Upgrade") << switching({}, "Upgrade") << false
                                << u"the response has no Upgrade header"_s << QByteArray()
                                << QByteArrayList {};
    QTest::newRow("Upgrade h2c") << switching({ "Upgrade: h2c" }, "Upgrade") << false
                                 << u"Upgrade is \"h2c\", expected \"websocket\""_s << QByteArray()
                                 << QByteArrayList {};
    QTest::newRow("Upgrade list") << switching({ "Upgrade: websocket, h2c" }, "Upgrade") << false
                                  << u"Upgrade is \"websocket, h2c\", expected \"websocket\""_s
                                  << QByteArray() << QByteArrayList {};
    QTest::newRow("no Connection") << switching({}, "Connection") << false
                                   << u"the response has no Connection header"_s << QByteArray()
                                   << QByteArrayList {};
    QTest::newRow("Connection keep-alive")
        << switching({ "Connection: keep-alive" }, "Connection") << false
        << u"Connection is \"keep-alive\", which has no \"Upgrade\" token"_s << QByteArray()
        << QByteArrayList {};
    QTest::newRow("Connection: upgraded (not the token)")
        << switching({ "Connection: upgraded" }, "Connection") << false
        << u"Connection is \"upgraded\", which has no \"Upgrade\" token"_s << QByteArray()
        << QByteArrayList {};
    QTest::newRow("no Sec-WebSocket-Accept")
        << switching({}, "Sec-WebSocket-Accept") << false
        << u"the response has no Sec-WebSocket-Accept header"_s << QByteArray() << QByteArrayList {};
    QTest::newRow("accept echoes the key")
        << switching({ "Sec-WebSocket-Accept: "_ba + rfcKey }, "Sec-WebSocket-Accept") << false
        << u"Sec-WebSocket-Accept is dGhlIHNhbXBsZSBub25jZQ==, expected "
           "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="_s
        << QByteArray() << QByteArrayList {};
    QTest::newRow("accept in the wrong case")
        << switching({ "Sec-WebSocket-Accept: S3PPLMBITXAQ9KYGZZHZRBK+XOO=" }, "Sec-WebSocket-Accept")
        << false
        << u"Sec-WebSocket-Accept is S3PPLMBITXAQ9KYGZZHZRBK+XOO=, expected s3pPLMBiTxaQ9kYGzzhZRbK+xOo="_s
        << QByteArray() << QByteArrayList {};
    QTest::newRow("two accepts") << switching({ "Sec-WebSocket-Accept: "_ba + rfcAccept }) << false
                                 << u"the response has 2 Sec-WebSocket-Accept headers"_s << QByteArray()
                                 << QByteArrayList {};
    QTest::newRow("subprotocol not offered")
        << switching({ "Sec-WebSocket-Protocol: mqtt" }) << false
        << u"the server chose subprotocol \"mqtt\", which was not offered"_s << QByteArray()
        << QByteArrayList {};
    QTest::newRow("subprotocol in another case")
        << switching({ "Sec-WebSocket-Protocol: Chat" }) << false
        << u"the server chose subprotocol \"Chat\", which was not offered"_s << QByteArray()
        << QByteArrayList {};
    QTest::newRow("two subprotocols") << switching({ "Sec-WebSocket-Protocol: chat, superchat" }) << false
                                      << u"the server chose more than one subprotocol (\"chat, superchat\")"_s
                                      << QByteArray() << QByteArrayList {};
    QTest::newRow("two subprotocol fields")
        << switching({ "Sec-WebSocket-Protocol: chat", "Sec-WebSocket-Protocol: superchat" }) << false
        << u"the server chose more than one subprotocol (\"chat, superchat\")"_s << QByteArray()
        << QByteArrayList {};
    QTest::newRow("empty subprotocol")
        << switching({ "Sec-WebSocket-Protocol:" }) << false
        << u"the server sent an empty Sec-WebSocket-Protocol header"_s << QByteArray() << QByteArrayList {};
    QTest::newRow("extension not offered")
        << switching({ "Sec-WebSocket-Extensions: x-webkit-deflate-frame" }) << true
        << u"the server chose extension \"x-webkit-deflate-frame\", which was not "
           "offered"_s
        << QByteArray() << QByteArrayList {};
    QTest::newRow("permessage-deflate not offered")
        << switching({ "Sec-WebSocket-Extensions: permessage-deflate" }) << false
        << u"the server chose extension \"permessage-deflate\", which was not offered"_s << QByteArray()
        << QByteArrayList {};
    QTest::newRow("permessage-deflate twice")
        << switching({ "Sec-WebSocket-Extensions: permessage-deflate, permessage-deflate" }) << true
        << u"the server chose extension \"permessage-deflate\" twice"_s << QByteArray() << QByteArrayList {};
    for (const QByteArray &element :
        { "permessage-deflate; server_max_window_bits=16"_ba, "permessage-deflate; no_such_parameter"_ba,
            "permessage-deflate; client_max_window_bits=7"_ba }) {
        QString why;
        QVERIFY(!PerMessageDeflate::acceptResponse(element, plainDeflateOffer(), &why));
        QTest::addRow("deflate: %s", element.constData())
            << switching({ "Sec-WebSocket-Extensions: "_ba + element }) << true
            << u"the server's permessage-deflate response is not acceptable: "_s + why << QByteArray()
            << QByteArrayList {};
    }
    QTest::newRow("not HTTP") << "SSH-2.0-OpenSSH_9.2\r\n"_ba << false
                              << notHttp + u"line 1 is not an HTTP status line: \"SSH-2.0-OpenSSH_9.2\""_s
                              << QByteArray() << QByteArrayList {};
    QTest::newRow("TLS alert") << QByteArray::fromHex("15030300020246") << false
                               << notHttp
            + u"line 1 is not an HTTP status line: the bytes look like a TLS record (does the server expect wss://?)"_s
                               << QByteArray() << QByteArrayList {};
}

void tst_Handshake::clientValidatesResponse()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, offerDeflate);
    QFETCH(QString, error);
    QFETCH(QByteArray, subprotocol);
    QFETCH(QByteArrayList, extensions);

    Client client(rfcClientOptions(offerDeflate));
    QCOMPARE(client.status(), Client::Status::AwaitingResponse);
    // Frames the server sent right behind its 101 must be left for the frame parser.
    const QByteArray frames = QByteArray::fromHex("810568656c6c6f");
    const Client::Status status = client.feed(QByteArray(response + frames));
    QCOMPARE(client.errorString(), error);
    if (error.isEmpty()) {
        QCOMPARE(status, Client::Status::Accepted);
        QCOMPARE(client.consumed(), response.size());
        QCOMPARE(client.subprotocol(), subprotocol);
        QCOMPARE(client.extensions(), extensions);
        QCOMPARE(client.deflate().has_value(), !extensions.isEmpty());
        QCOMPARE(client.response().rawHead(), response);
    } else {
        QCOMPARE(status, Client::Status::Failed);
        QVERIFY(client.subprotocol().isEmpty());
    }
    // Finished: later bytes and a close change nothing.
    QCOMPARE(client.feed(rfcResponse), status);
    QCOMPARE(client.consumed(), 0);
    QCOMPARE(client.connectionClosed(), status);
    QCOMPARE(client.errorString(), error);
}

void tst_Handshake::clientResponseInAnyPieces()
{
    const QByteArray frames = QByteArray::fromHex("810568656c6c6f8a00");
    const QByteArray stream = rfcResponse + frames;
    // One byte at a time: accepted exactly at the last byte of the head.
    {
        Client client(rfcClientOptions());
        for (qsizetype i = 0; i < rfcResponse.size(); ++i) {
            const Client::Status status = client.feed(stream.sliced(i, 1));
            QCOMPARE(client.consumed(), 1);
            QCOMPARE(status,
                i + 1 < rfcResponse.size() ? Client::Status::AwaitingResponse : Client::Status::Accepted);
        }
        QCOMPARE(client.subprotocol(), "chat"_ba);
    }
    // Every two-piece cut leaves exactly the frames over.
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        Client client(rfcClientOptions());
        QByteArray leftover;
        if (client.feed(stream.first(cut)) == Client::Status::Accepted) {
            leftover = stream.sliced(client.consumed(), cut - client.consumed()) + stream.sliced(cut);
        } else {
            QCOMPARE(client.consumed(), cut);
            QCOMPARE(client.feed(stream.sliced(cut)), Client::Status::Accepted);
            leftover = stream.sliced(cut + client.consumed());
        }
        QCOMPARE(leftover, frames);
    }
}

void tst_Handshake::clientChecksWhatWasSent()
{
    // The extra headers changed the key and the subprotocol offer: the response is checked against them.
    Handshake::ClientOptions options = rfcClientOptions();
    options.extraHeaders
        = { { "Sec-WebSocket-Key", "x3JJHMbDL1EzLkh9GBhXDw==" }, { "Sec-WebSocket-Protocol", "mqtt" } };
    Client client(options);
    QCOMPARE(client.key(), "x3JJHMbDL1EzLkh9GBhXDw=="_ba);
    QCOMPARE(client.expectedAccept(), "HSmrc0sMlYUkAGmm5OPpG2HaGWk="_ba);
    QCOMPARE(client.feed(head("HTTP/1.1 101 Switching Protocols",
                 { "Upgrade: websocket", "Connection: Upgrade",
                     "Sec-WebSocket-Accept: HSmrc0sMlYUkAGmm5OPpG2HaGWk=", "Sec-WebSocket-Protocol: mqtt" })),
        Client::Status::Accepted);
    QCOMPARE(client.subprotocol(), "mqtt"_ba);

    Client chat(options);
    QCOMPARE(chat.feed(head("HTTP/1.1 101 Switching Protocols",
                 { "Upgrade: websocket", "Connection: Upgrade",
                     "Sec-WebSocket-Accept: HSmrc0sMlYUkAGmm5OPpG2HaGWk=", "Sec-WebSocket-Protocol: chat" })),
        Client::Status::Failed);
    QCOMPARE(chat.errorString(), u"the server chose subprotocol \"chat\", which was not offered"_s);
}

// A response that is not 101 keeps its status line, fields and body (Content-Length bounded) for the UI.
void tst_Handshake::clientKeepsRejection_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<int>("maxBodySize");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("truncated");
    QTest::addColumn<int>("consumed"); // of the whole input
    QTest::addColumn<QString>("error");

    const QByteArray forbidden
        = "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\n";
    QTest::newRow("Content-Length body")
        << forbidden + "not allowedEXTRA" << 1024 << "not allowed"_ba << false << int(forbidden.size() + 11)
        << u"the server answered 403 Forbidden instead of 101 Switching Protocols"_s;
    QTest::newRow("body over the limit")
        << forbidden + "not allowed" << 4 << "not "_ba << true << int(forbidden.size() + 4)
        << u"the server answered 403 Forbidden instead of 101 Switching Protocols"_s;
    const QByteArray noLength = "HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n\r\n";
    QTest::newRow("no length: the bytes that came with it")
        << noLength + "oops" << 1024 << "oops"_ba << false << int(noLength.size() + 4)
        << u"the server answered 500 Internal Server Error "
           "instead of 101 Switching Protocols"_s;
    QTest::newRow("no length, over the limit")
        << noLength + "oops" << 2 << "oo"_ba << false << int(noLength.size() + 2)
        << u"the server answered 500 Internal Server Error instead of 101 "
           "Switching Protocols"_s;
    const QByteArray redirect
        = "HTTP/1.1 302 Found\r\nLocation: wss://example.com/\r\nContent-Length: 0\r\n\r\n";
    QTest::newRow("redirect") << redirect + "x" << 1024 << QByteArray() << false << int(redirect.size())
                              << u"the server answered 302 Found instead of 101 Switching Protocols"_s;
    const QByteArray notModified = "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n";
    QTest::newRow("304 has no body")
        << notModified + "x" << 1024 << QByteArray() << false << int(notModified.size())
        << u"the server answered 304 Not Modified instead of 101 Switching Protocols"_s;
    const QByteArray chunked = "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n";
    QTest::newRow("chunked: kept as it came")
        << chunked + "5\r\nhello\r\n0\r\n\r\n"
        << 1024 << "5\r\nhello\r\n0\r\n\r\n"_ba << false << int(chunked.size() + 15)
        << u"the server answered 400 Bad Request instead of 101 Switching "
           "Protocols"_s;
}

void tst_Handshake::clientKeepsRejection()
{
    QFETCH(QByteArray, response);
    QFETCH(int, maxBodySize);
    QFETCH(QByteArray, body);
    QFETCH(bool, truncated);
    QFETCH(int, consumed);
    QFETCH(QString, error);

    Handshake::ClientOptions options = rfcClientOptions();
    options.parseOptions.maxBodySize = maxBodySize;

    // All at once.
    {
        Client client(options);
        QCOMPARE(client.feed(response), Client::Status::Failed);
        QCOMPARE(client.errorString(), error);
        QCOMPARE(client.consumed(), consumed);
        QCOMPARE(client.response().body(), body);
        QCOMPARE(client.response().isBodyTruncated(), truncated);
        QVERIFY(!client.response().rawHead().isEmpty());
        QVERIFY(response.startsWith(client.response().rawHead()));
    }
    // With a Content-Length, the failure waits for the whole (bounded) body, however it arrives.
    {
        Client client(options);
        qsizetype total = 0;
        Client::Status status = Client::Status::AwaitingResponse;
        for (qsizetype i = 0; i < response.size() && status == Client::Status::AwaitingResponse; ++i) {
            status = client.feed(response.sliced(i, 1));
            total += client.consumed();
        }
        QCOMPARE(status, Client::Status::Failed);
        QCOMPARE(client.errorString(), error);
        const bool hasLength = client.response().contentLength().has_value();
        if (hasLength) {
            QCOMPARE(total, consumed);
            QCOMPARE(client.response().body(), body);
        } else {
            // Byte by byte, nothing came with the head.
            QCOMPARE(client.response().body(), QByteArray());
        }
    }
}

void tst_Handshake::clientConnectionClosed_data()
{
    QTest::addColumn<QByteArray>("received");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("nothing") << QByteArray()
                             << u"the connection closed before the server answered the handshake"_s
                             << QByteArray();
    QTest::newRow("half a head")
        << "HTTP/1.1 101 Swi"_ba
        << u"the connection closed in the middle of the server's response (after 16 bytes)"_s << QByteArray();
    QTest::newRow("half a body")
        << "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 100\r\n\r\nbusy"_ba
        << u"the server answered 503 Service Unavailable instead of 101 Switching Protocols"_s << "busy"_ba;
}

void tst_Handshake::clientConnectionClosed()
{
    QFETCH(QByteArray, received);
    QFETCH(QString, error);
    QFETCH(QByteArray, body);

    Client client(rfcClientOptions());
    QCOMPARE(client.feed(received), Client::Status::AwaitingResponse);
    QCOMPARE(client.connectionClosed(), Client::Status::Failed);
    QCOMPARE(client.errorString(), error);
    QCOMPARE(client.response().body(), body);
    QCOMPARE(client.response().isBodyTruncated(), !body.isEmpty());
}

// --- Server ------------------------------------------------------------------------------------------------

void tst_Handshake::serverAccepts_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArrayList>("subprotocols");
    QTest::addColumn<QByteArrayList>("allowedOrigins");
    QTest::addColumn<QByteArrayList>("extraResponseHeaders");
    QTest::addColumn<QByteArray>("response");

    // RFC 6455 §1.3: the example request gets the example response.
    QTest::newRow("RFC 6455 1.3") << rfcRequest << QByteArrayList { "chat" } << QByteArrayList {}
                                  << QByteArrayList {} << rfcResponse;
    const QByteArray plain = "HTTP/1.1 101 Switching Protocols\r\n"
                             "Upgrade: websocket\r\n"
                             "Connection: Upgrade\r\n"
                             "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                             "\r\n";
    // §4.2.2 item 5.5: no Sec-WebSocket-Protocol when none is chosen; the server's preference wins.
    QTest::newRow("no subprotocols configured")
        << rfcRequest << QByteArrayList {} << QByteArrayList {} << QByteArrayList {} << plain;
    QTest::newRow("no common subprotocol")
        << rfcRequest << QByteArrayList { "mqtt" } << QByteArrayList {} << QByteArrayList {} << plain;
    QTest::newRow("server preference wins") << rfcRequest << QByteArrayList { "mqtt", "superchat", "chat" }
                                            << QByteArrayList {} << QByteArrayList {}
                                            << "HTTP/1.1 101 Switching Protocols\r\n"
                                               "Upgrade: websocket\r\n"
                                               "Connection: Upgrade\r\n"
                                               "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                                               "Sec-WebSocket-Protocol: superchat\r\n"
                                               "\r\n"_ba;
    QTest::newRow("subprotocols compared exactly")
        << rfcRequest << QByteArrayList { "Chat" } << QByteArrayList {} << QByteArrayList {} << plain;
    QTest::newRow("tokens in any case (Firefox's Connection)")
        << upgradeRequest({}, {}, "GET /chat HTTP/1.1")
               .replace("Upgrade: websocket", "upgrade: WebSocket")
               .replace("Connection: Upgrade", "Connection: keep-alive, Upgrade")
        << QByteArrayList {} << QByteArrayList {} << QByteArrayList {} << plain;
    QTest::newRow("Upgrade list, HTTP/1.2")
        << upgradeRequest({ "Upgrade: h2c, websocket" }, "Upgrade", "GET /chat HTTP/1.2") << QByteArrayList {}
        << QByteArrayList {} << QByteArrayList {} << plain;
    QTest::newRow("allowed origin") << rfcRequest << QByteArrayList {}
                                    << QByteArrayList { "http://example.com" } << QByteArrayList {} << plain;
    QTest::newRow("no Origin passes the allow-list")
        << upgradeRequest() << QByteArrayList {} << QByteArrayList { "http://example.com" }
        << QByteArrayList {} << plain;
    QTest::newRow("extra headers, one replacing the accept")
        << rfcRequest << QByteArrayList {} << QByteArrayList {}
        << QByteArrayList { "Server: Frameline", "sec-websocket-accept: wrong=" }
        << "HTTP/1.1 101 Switching Protocols\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "sec-websocket-accept: wrong=\r\n"
           "Server: Frameline\r\n"
           "\r\n"_ba;
}

void tst_Handshake::serverAccepts()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArrayList, subprotocols);
    QFETCH(QByteArrayList, allowedOrigins);
    QFETCH(QByteArrayList, extraResponseHeaders);
    QFETCH(QByteArray, response);

    Handshake::ServerOptions options;
    options.subprotocols = subprotocols;
    options.allowedOrigins = allowedOrigins;
    for (const QByteArray &line : extraResponseHeaders) {
        const qsizetype colon = line.indexOf(':');
        options.extraResponseHeaders.append({ line.first(colon), line.sliced(colon + 2) });
    }
    Server server(options);
    const QByteArray frame = QByteArray::fromHex("818537fa213d7f9f4d5158"); // RFC 6455 §5.7 masked "Hello"
    QCOMPARE(server.feed(QByteArray(request + frame)), Server::Status::Accepted);
    QVERIFY2(server.errorString().isEmpty(), qPrintable(server.errorString()));
    QCOMPARE(server.consumed(), request.size());
    QCOMPARE(server.responseBytes(), response);
    QCOMPARE(server.request().rawHead(), request);
    QCOMPARE(server.request().target(), "/chat"_ba);
    QCOMPARE(server.subprotocol(), server.response().values("Sec-WebSocket-Protocol").value(0));
    QVERIFY(!server.deflate());
    QCOMPARE(server.feed(request), Server::Status::Accepted);
    QCOMPARE(server.consumed(), 0);
}

void tst_Handshake::serverRejects_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("statusCode");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QByteArrayList>("fields"); // must be among the response's fields

    const QByteArrayList version13 = { "Sec-WebSocket-Version: 13" };
    const QByteArrayList close = { "Connection: close" };
    const QByteArrayList upgradeRequired
        = { "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13" };

    QTest::newRow("POST") << upgradeRequest({}, {}, "POST /chat HTTP/1.1") << 405
                          << u"the method is \"POST\"; a WebSocket handshake uses GET"_s
                          << QByteArrayList { "Allow: GET", "Connection: close" };
    QTest::newRow("lowercase get") << upgradeRequest({}, {}, "get /chat HTTP/1.1") << 405
                                   << u"the method is \"get\"; a WebSocket handshake uses GET"_s
                                   << QByteArrayList { "Allow: GET" };
    QTest::newRow("HTTP/1.0") << upgradeRequest({}, {}, "GET /chat HTTP/1.0") << 400
                              << u"the request is HTTP/1.0; a WebSocket handshake needs HTTP/1.1 or later"_s
                              << close;
    QTest::newRow("no Host") << upgradeRequest({}, "Host") << 400 << u"the request has no Host header"_s
                             << close;
    QTest::newRow("two Hosts") << upgradeRequest({ "Host: other.example" }) << 400
                               << u"the request has 2 Host headers"_s << close;
    QTest::newRow("plain GET") << "GET / HTTP/1.1\r\nHost: a\r\nAccept: text/html\r\n\r\n"_ba << 426
                               << u"the request has no Upgrade header"_s << upgradeRequired;
    QTest::newRow("Upgrade h2c") << upgradeRequest({ "Upgrade: h2c" }, "Upgrade") << 426
                                 << u"Upgrade is \"h2c\", which has no \"websocket\" token"_s
                                 << upgradeRequired;
    QTest::newRow("no Connection") << upgradeRequest({}, "Connection") << 400
                                   << u"the request has no Connection header"_s << close;
    QTest::newRow("Connection keep-alive")
        << upgradeRequest({ "Connection: keep-alive" }, "Connection") << 400
        << u"Connection is \"keep-alive\", which has no \"Upgrade\" token"_s << close;
    QTest::newRow("no key") << upgradeRequest({}, "Sec-WebSocket-Key") << 400
                            << u"the request has no Sec-WebSocket-Key header"_s << close;
    QTest::newRow("two keys") << upgradeRequest({ "Sec-WebSocket-Key: AQIDBAUGBwgJCgsMDQ4PEA==" }) << 400
                              << u"the request has 2 Sec-WebSocket-Key headers"_s << close;
    QTest::newRow("key not base64") << upgradeRequest({ "Sec-WebSocket-Key: not-a-key!" },
        "Sec-WebSocket-Key") << 400 << u"Sec-WebSocket-Key \"not-a-key!\" is not valid base64"_s
                                    << close;
    QTest::newRow("key of 15 bytes")
        << upgradeRequest({ "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAA" }, "Sec-WebSocket-Key") << 400
        << u"Sec-WebSocket-Key \"AAAAAAAAAAAAAAAAAAAA\" decodes to 15 bytes, not 16"_s << close;
    QTest::newRow("key of 18 bytes")
        << upgradeRequest({ "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAAAA" }, "Sec-WebSocket-Key") << 400
        << u"Sec-WebSocket-Key \"AAAAAAAAAAAAAAAAAAAAAAAA\" decodes to 18 bytes, not 16"_s << close;
    QTest::newRow("no version") << upgradeRequest({}, "Sec-WebSocket-Version") << 426
                                << u"the request has no Sec-WebSocket-Version header"_s << version13;
    QTest::newRow("version 8") << upgradeRequest({ "Sec-WebSocket-Version: 8" }, "Sec-WebSocket-Version")
                               << 426 << u"Sec-WebSocket-Version is \"8\"; this server speaks version 13"_s
                               << version13;
    QTest::newRow("two versions") << upgradeRequest({ "Sec-WebSocket-Version: 8" }) << 426
                                  << u"Sec-WebSocket-Version is \"13, 8\"; this server speaks version 13"_s
                                  << version13;
    QTest::newRow("origin not allowed") << upgradeRequest({ "Origin: http://evil.example" }) << 403
                                        << u"the origin \"http://evil.example\" is not allowed"_s << close;
    QTest::newRow("not HTTP") << upgradeRequest().replace("Host: server.example.com", "Host") << 400
                              << u"the request is not valid HTTP: line 2 has no colon: \"Host\""_s << close;
    QTest::newRow("TLS to a plain server")
        << QByteArray::fromHex("160301020001000001fc0303") << 400
        << u"the request is not valid HTTP: line 1 is not an HTTP request line: "
           "the bytes look like a TLS handshake (is the client using wss:// with "
           "a server without TLS?)"_s
        << close;
    QTest::newRow("request line too long")
        << "GET /"_ba + QByteArray(9000, 'a') << 414
        << u"the request is not valid HTTP: line 1 is longer than 8192 bytes"_s << close;
    QTest::newRow("header line too long")
        << upgradeRequest({ "Cookie: "_ba + QByteArray(9000, 'c') }) << 431
        << u"the request is not valid HTTP: line 7 is longer than 8192 bytes"_s << close;
    QTest::newRow("too many fields")
        << upgradeRequest(QByteArrayList(100, "X: 1")) << 431
        << u"the request is not valid HTTP: the HTTP head has more than 100 header "
           "fields"_s
        << close;
}

void tst_Handshake::serverRejects()
{
    QFETCH(QByteArray, request);
    QFETCH(int, statusCode);
    QFETCH(QString, error);
    QFETCH(QByteArrayList, fields);

    Handshake::ServerOptions options;
    options.allowedOrigins = { "http://example.com" };
    Server server(options);
    QCOMPARE(server.feed(request), Server::Status::Rejected);
    QCOMPARE(server.errorString(), error);
    const HttpMessage &response = server.response();
    QCOMPARE(response.statusCode(), statusCode);
    QCOMPARE(response.reasonPhrase(), HttpMessage::standardReasonPhrase(statusCode));
    const QByteArrayList lines = fieldLines(response);
    for (const QByteArray &field : fields)
        QVERIFY2(lines.contains(field), field.constData());
    QVERIFY(!response.hasField("Sec-WebSocket-Accept"));
    // The reason goes to the client too, as a plain-text body.
    QCOMPARE(response.body(), error.toUtf8() + '\n');
    QCOMPARE(response.contentLength().value_or(-1), response.body().size());
    QVERIFY(server.subprotocol().isEmpty());
    QVERIFY(!server.deflate());
}

void tst_Handshake::serverRejectionBytes()
{
    // RFC 6455 §4.4: a version the server does not speak gets 426 and the versions it does.
    Server server;
    QCOMPARE(server.feed(upgradeRequest({ "Sec-WebSocket-Version: 8" }, "Sec-WebSocket-Version")),
        Server::Status::Rejected);
    QCOMPARE(server.responseBytes(),
        "HTTP/1.1 426 Upgrade Required\r\n"
        "Sec-WebSocket-Version: 13\r\n"
        "Connection: close\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Length: 60\r\n"
        "\r\n"
        "Sec-WebSocket-Version is \"8\"; this server speaks version 13\n"_ba);
}

void tst_Handshake::serverConfiguredRejection()
{
    Handshake::ServerOptions options;
    options.rejectWith = Handshake::Rejection { 503, {}, { { "Retry-After", "5" } }, "busy" };
    Server server(options);
    QCOMPARE(server.feed(rfcRequest), Server::Status::Rejected);
    QCOMPARE(server.errorString(), u"rejected as configured with 503 Service Unavailable"_s);
    QCOMPARE(server.responseBytes(),
        "HTTP/1.1 503 Service Unavailable\r\n"
        "Retry-After: 5\r\n"
        "Content-Length: 4\r\n"
        "\r\n"
        "busy"_ba);

    // An invalid request still gets the specific answer, not the configured one.
    Server invalid(options);
    QCOMPARE(invalid.feed(upgradeRequest({}, "Host")), Server::Status::Rejected);
    QCOMPARE(invalid.response().statusCode(), 400);

    options.rejectWith = Handshake::Rejection { 418, "I'm a teapot", {}, {} };
    Server teapot(options);
    QCOMPARE(teapot.feed(rfcRequest), Server::Status::Rejected);
    QCOMPARE(teapot.errorString(), u"rejected as configured with 418 I'm a teapot"_s);
    QCOMPARE(teapot.responseBytes(), "HTTP/1.1 418 I'm a teapot\r\nContent-Length: 0\r\n\r\n"_ba);
}

void tst_Handshake::serverRequestInAnyPieces()
{
    const QByteArray frame = QByteArray::fromHex("818537fa213d7f9f4d5158");
    const QByteArray stream = rfcRequest + frame;
    Handshake::ServerOptions options;
    options.subprotocols = { "chat" };
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        Server server(options);
        QByteArray leftover;
        if (server.feed(stream.first(cut)) == Server::Status::Accepted) {
            leftover = stream.sliced(server.consumed(), cut - server.consumed()) + stream.sliced(cut);
        } else {
            QCOMPARE(server.status(), Server::Status::AwaitingRequest);
            QCOMPARE(server.consumed(), cut);
            QCOMPARE(server.feed(stream.sliced(cut)), Server::Status::Accepted);
            leftover = stream.sliced(cut + server.consumed());
        }
        QCOMPARE(leftover, frame);
        QCOMPARE(server.responseBytes(), rfcResponse);
    }
    Server server(options);
    for (qsizetype i = 0; i < rfcRequest.size(); ++i) {
        QCOMPARE(server.feed(rfcRequest.sliced(i, 1)),
            i + 1 < rfcRequest.size() ? Server::Status::AwaitingRequest : Server::Status::Accepted);
    }
    QCOMPARE(server.responseBytes(), rfcResponse);
}

void tst_Handshake::serverNegotiatesDeflate()
{
    const QByteArray offers = "permessage-deflate; client_max_window_bits; server_max_window_bits=10, "
                              "permessage-deflate";
    const QByteArray request = upgradeRequest({ "Sec-WebSocket-Extensions: x-unknown, "_ba + offers });

    // What the engine's permessage-deflate negotiation decides, in the response as its header value.
    const auto expected
        = PerMessageDeflate::negotiate(PerMessageDeflate::parseOffers(offers), DeflateServerPolicy {});
    QVERIFY(expected);
    Server server;
    QCOMPARE(server.feed(request), Server::Status::Accepted);
    QCOMPARE(server.deflate(), expected);
    QCOMPARE(
        server.response().values("Sec-WebSocket-Extensions"), QByteArrayList { expected->toHeaderValue() });
    QVERIFY(server.responseBytes().contains(
        QByteArray("\r\nSec-WebSocket-Extensions: " + expected->toHeaderValue() + "\r\n")));

    Handshake::ServerOptions disabled;
    disabled.deflate.enabled = false;
    Server declining(disabled);
    QCOMPARE(declining.feed(request), Server::Status::Accepted);
    QVERIFY(!declining.deflate());
    QVERIFY(!declining.response().hasField("Sec-WebSocket-Extensions"));
    QCOMPARE(declining.notes(), QStringList { u"permessage-deflate was offered and declined"_s });

    // An offer with a bad parameter is declined (RFC 7692 §7.1) and the reason kept as a note.
    Server invalid;
    QCOMPARE(invalid.feed(upgradeRequest(
                 { "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=99" })),
        Server::Status::Accepted);
    QVERIFY(!invalid.deflate());
    QCOMPARE(invalid.notes().size(), 1); // PerMessageDeflate::parseOffers's reason
    QVERIFY(!invalid.response().hasField("Sec-WebSocket-Extensions"));
}

void tst_Handshake::rejectionResponse()
{
    const HttpMessage chunked = Handshake::rejectionResponse(
        { 400, "Nope", { { "Transfer-Encoding", "chunked" } }, "4\r\nnope\r\n0\r\n\r\n" });
    QCOMPARE(chunked.serialize(),
        "HTTP/1.1 400 Nope\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nnope\r\n0\r\n\r\n"_ba);
    const HttpMessage wrongLength
        = Handshake::rejectionResponse({ 401, {}, { { "Content-Length", "99" } }, "x" });
    QCOMPARE(wrongLength.serialize(), "HTTP/1.1 401 Unauthorized\r\nContent-Length: 99\r\n\r\nx"_ba);
}

// Our client against our server: what one builds the other accepts, and both agree on the result.
void tst_Handshake::clientAndServerAgree()
{
    Handshake::ClientOptions clientOptions;
    clientOptions.url = QUrl(u"ws://[::1]:9001/echo?x=1"_s);
    clientOptions.origin = "http://localhost";
    clientOptions.subprotocols = { "v1", "v2" };
    DeflateOffer offer = plainDeflateOffer();
    offer.serverNoContextTakeover = true;
    clientOptions.deflateOffers = { offer };
    Client client(clientOptions);

    Handshake::ServerOptions serverOptions;
    serverOptions.subprotocols = { "v2", "v1" };
    serverOptions.allowedOrigins = { "http://localhost" };
    serverOptions.deflate.clientMaxWindowBits = 12;
    Server server(serverOptions);

    QCOMPARE(server.feed(client.requestBytes()), Server::Status::Accepted);
    QCOMPARE(server.request().target(), "/echo?x=1"_ba);
    QCOMPARE(server.request().values("Host"), QByteArrayList { "[::1]:9001" });
    QCOMPARE(client.feed(server.responseBytes()), Client::Status::Accepted);
    QVERIFY2(client.errorString().isEmpty(), qPrintable(client.errorString()));
    QCOMPARE(client.subprotocol(), "v2"_ba);
    QCOMPARE(server.subprotocol(), "v2"_ba);
    QVERIFY(client.deflate());
    QCOMPARE(client.deflate(), server.deflate());
    QVERIFY(client.deflate()->serverNoContextTakeover);
    QCOMPARE(client.deflate()->clientMaxWindowBits, 12);
}

QTEST_APPLESS_MAIN(tst_Handshake)
#include "tst_handshake.moc"
