// Our client through proxies written in the test: an HTTP CONNECT proxy and a SOCKS5 proxy (RFC 1928, with no
// authentication or with username/password, RFC 1929), both relaying to our Server. Also which proxy the
// environment variables choose (http_proxy, https_proxy, all_proxy, no_proxy) and bad proxy URLs.

#include "app/net/clientconnection.h"
#include "app/net/server.h"
#include "tests/common/eventcollector.h"

#include <QtCore/QtEndian>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>
#include <optional>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::EventCollector;

namespace {

constexpr int Timeout = 5000;

// Relays bytes both ways between two sockets once the proxy has connected the target; closes one side when
// the other closes. The target socket is a child of the client socket.
void relay(QObject *context, QTcpSocket *client, QTcpSocket *target, const QByteArray &alreadyRead)
{
    if (!alreadyRead.isEmpty())
        target->write(alreadyRead);
    QObject::connect(
        client, &QTcpSocket::readyRead, context, [client, target] { target->write(client->readAll()); });
    QObject::connect(
        target, &QTcpSocket::readyRead, context, [client, target] { client->write(target->readAll()); });
    QObject::connect(client, &QTcpSocket::disconnected, target, &QTcpSocket::disconnectFromHost);
    QObject::connect(target, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
}

// A tiny HTTP proxy that understands CONNECT (RFC 9110 §9.3.6) and nothing else.
class ConnectProxy : public QObject
{
public:
    QList<QByteArray> requests; // every request head received
    QByteArray refuseWith; // when set, the answer to every CONNECT instead of tunnelling
    QByteArray credentials; // when set, "user:password" that Basic proxy authentication must carry

    ConnectProxy()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] { onNewConnection(); });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }

private:
    void onNewConnection()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto head = std::make_shared<QByteArray>();
            auto tunnelling = std::make_shared<bool>(false);
            connect(client, &QTcpSocket::readyRead, this, [this, client, head, tunnelling] {
                if (*tunnelling)
                    return; // relay() reads
                *head += client->readAll();
                const qsizetype end = head->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray request = head->first(end + 4);
                const QByteArray rest = head->mid(end + 4);
                head->clear();
                requests.append(request);
                const QList<QByteArray> requestLine = request.first(request.indexOf("\r\n")).split(' ');
                if (!credentials.isEmpty()
                    && !request.contains(
                        QByteArray("\r\nProxy-Authorization: Basic " + credentials.toBase64() + "\r\n"))) {
                    // RFC 9110 §11.7.1: ask for credentials, keeping the connection for the retry.
                    client->write(
                        "HTTP/1.1 407 Proxy Authentication Required\r\n"
                        "Proxy-Authenticate: Basic realm=\"frameline\"\r\nContent-Length: 0\r\n\r\n");
                    *head = rest;
                    return;
                }
                if (!refuseWith.isEmpty() || requestLine.size() != 3 || requestLine.at(0) != "CONNECT") {
                    client->write(refuseWith.isEmpty()
                            ? QByteArray("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
                            : refuseWith);
                    client->disconnectFromHost();
                    return;
                }
                *tunnelling = true;
                const QByteArray authority = requestLine.at(1);
                const qsizetype colon = authority.lastIndexOf(':');
                auto *target = new QTcpSocket(client);
                connect(target, &QTcpSocket::connected, this, [this, client, target, rest] {
                    client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                    relay(this, client, target, rest);
                });
                target->connectToHost(
                    QString::fromLatin1(authority.first(colon)), authority.mid(colon + 1).toUShort());
            });
        }
    }

    QTcpServer m_server;
};

// A tiny SOCKS5 proxy (RFC 1928): CONNECT only, with "no authentication" or username/password (RFC 1929).
class Socks5Proxy : public QObject
{
public:
    QByteArray user; // empty: no authentication required
    QByteArray password;
    QList<QByteArray> offeredMethods; // the methods of each greeting, as bytes
    QList<QByteArray> credentials; // "user:password" of each RFC 1929 request
    QList<QByteArray> targets; // "host:port" of each CONNECT request (host as sent: name or address)
    QList<quint8> addressTypes; // ATYP of each CONNECT request: 1 IPv4, 3 domain name, 4 IPv6

    Socks5Proxy()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] { onNewConnection(); });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }

private:
    enum class Stage { Greeting, Authentication, Request, Relaying };

    void onNewConnection()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto stage = std::make_shared<Stage>(Stage::Greeting);
            auto buffer = std::make_shared<QByteArray>();
            connect(client, &QTcpSocket::readyRead, this, [this, client, stage, buffer] {
                if (*stage == Stage::Relaying)
                    return;
                *buffer += client->readAll();
                step(client, *stage, *buffer);
            });
        }
    }

    // Consumes what it can of `buffer` for the current stage.
    void step(QTcpSocket *client, Stage &stage, QByteArray &buffer)
    {
        const auto u8 = [&buffer](qsizetype at) { return quint8(buffer.at(at)); };
        if (stage == Stage::Greeting) {
            if (buffer.size() < 2 || buffer.size() < 2 + u8(1))
                return;
            const QByteArray methods = buffer.mid(2, u8(1));
            offeredMethods.append(methods);
            buffer.remove(0, 2 + u8(1));
            const char wanted = user.isEmpty() ? '\x00' : '\x02';
            if (!methods.contains(wanted)) {
                client->write(QByteArray("\x05\xff", 2)); // no acceptable method
                client->disconnectFromHost();
                return;
            }
            client->write(QByteArray("\x05", 1).append(wanted));
            stage = user.isEmpty() ? Stage::Request : Stage::Authentication;
        }
        if (stage == Stage::Authentication) {
            // VER=1 ULEN UNAME PLEN PASSWD
            if (buffer.size() < 2 || buffer.size() < 3 + u8(1) || buffer.size() < 3 + u8(1) + u8(2 + u8(1)))
                return;
            const int userLength = u8(1);
            const QByteArray givenUser = buffer.mid(2, userLength);
            const QByteArray givenPassword = buffer.mid(3 + userLength, u8(2 + userLength));
            buffer.remove(0, 3 + userLength + givenPassword.size());
            credentials.append(givenUser + ':' + givenPassword);
            const bool ok = givenUser == user && givenPassword == password;
            client->write(QByteArray(ok ? "\x01\x00" : "\x01\x01", 2));
            if (!ok) {
                client->disconnectFromHost();
                return;
            }
            stage = Stage::Request;
        }
        if (stage == Stage::Request) {
            // VER CMD RSV ATYP DST.ADDR DST.PORT
            if (buffer.size() < 5)
                return;
            const quint8 type = u8(3);
            qsizetype addressLength = type == 1 ? 4 : type == 4 ? 16 : 1 + u8(4);
            if (buffer.size() < 4 + addressLength + 2)
                return;
            QString host;
            QByteArray shownHost;
            if (type == 1 || type == 4) {
                const QHostAddress address = type == 1
                    ? QHostAddress(qFromBigEndian<quint32>(buffer.constData() + 4))
                    : QHostAddress(reinterpret_cast<const quint8 *>(buffer.constData() + 4));
                host = address.toString();
                shownHost = host.toLatin1();
            } else {
                shownHost = buffer.mid(5, u8(4));
                host = QString::fromLatin1(shownHost);
            }
            const quint16 port = qFromBigEndian<quint16>(buffer.constData() + 4 + addressLength);
            addressTypes.append(type);
            targets.append(shownHost + ':' + QByteArray::number(port));
            const QByteArray rest = buffer.mid(4 + addressLength + 2);
            buffer.clear();
            stage = Stage::Relaying;
            auto *target = new QTcpSocket(client);
            connect(target, &QTcpSocket::connected, this, [this, client, target, rest] {
                // Succeeded; BND.ADDR 0.0.0.0, BND.PORT 0.
                client->write(QByteArray::fromHex("05000001000000000000"));
                relay(this, client, target, rest);
            });
            connect(target, &QAbstractSocket::errorOccurred, this,
                [client, target](QAbstractSocket::SocketError) {
                    if (target->state() != QAbstractSocket::ConnectedState) {
                        client->write(QByteArray::fromHex("05050001000000000000")); // connection refused
                        client->disconnectFromHost();
                    }
                });
            target->connectToHost(host, port);
        }
    }

    QTcpServer m_server;
};

const char *const ProxyVariables[] = { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
    "ALL_PROXY", "no_proxy", "NO_PROXY" };

} // namespace

class tst_Proxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void httpConnect_data();
    void httpConnect();
    void httpConnectWithCredentials();
    void socks5_data();
    void socks5();
    void socks5WrongPassword();
    void httpProxyRefuses();
    void proxyUrlFromEnvironment_data();
    void proxyUrlFromEnvironment();
    void environmentModeConnects();
    void environmentModeHonoursNoProxy();
    void badProxyUrl_data();
    void badProxyUrl();

private:
    struct Attempt
    {
        std::unique_ptr<ClientConnection> client;
        EventCollector events;
        bool opened = false;
    };
    // Dials our echo server through `proxy` and waits for the outcome.
    std::unique_ptr<Attempt> dial(const QString &host, const ProxySettings &proxy);

    std::unique_ptr<Server> m_server;
    QHash<QByteArray, std::optional<QByteArray>> m_savedEnvironment;
};

void tst_Proxy::initTestCase()
{
    for (const char *name : ProxyVariables)
        m_savedEnvironment.insert(
            name, qEnvironmentVariableIsSet(name) ? std::optional(qgetenv(name)) : std::nullopt);
    Server::Options options;
    options.behaviour = Server::Behaviour::Echo;
    m_server = std::make_unique<Server>(options);
    QString error;
    QVERIFY2(m_server->listen(&error), qPrintable(error));
}

void tst_Proxy::init()
{
    // Every test starts from an environment without proxy variables.
    for (const char *name : ProxyVariables)
        qunsetenv(name);
}

void tst_Proxy::cleanup()
{
    for (auto it = m_savedEnvironment.cbegin(); it != m_savedEnvironment.cend(); ++it) {
        if (it.value())
            qputenv(it.key().constData(), *it.value());
        else
            qunsetenv(it.key().constData());
    }
}

void tst_Proxy::cleanupTestCase()
{
    cleanup();
}

std::unique_ptr<tst_Proxy::Attempt> tst_Proxy::dial(const QString &host, const ProxySettings &proxy)
{
    auto attempt = std::make_unique<Attempt>();
    ClientConnection::Options options;
    options.url = QUrl(u"ws://%1:%2/through"_s.arg(host).arg(m_server->port()));
    options.proxy = proxy;
    attempt->client = std::make_unique<ClientConnection>(options);
    attempt->events.follow(attempt->client.get());
    QSignalSpy opened(attempt->client.get(), &Connection::opened);
    QSignalSpy closed(attempt->client.get(), &Connection::closed);
    attempt->client->open();
    if (!QTest::qWaitFor([&] { return !opened.isEmpty() || !closed.isEmpty(); }, Timeout))
        qWarning("the client neither opened nor closed");
    attempt->opened = !opened.isEmpty();
    attempt->client->flushEvents();
    return attempt;
}

void tst_Proxy::httpConnect_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4 literal") << u"127.0.0.1"_s;
    QTest::newRow("host name") << u"localhost"_s;
}

void tst_Proxy::httpConnect()
{
    QFETCH(QString, host);
    ConnectProxy proxy;
    QVERIFY(proxy.listen());
    ProxySettings settings;
    settings.mode = ProxySettings::Mode::Explicit;
    settings.url = QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port()));
    const auto attempt = dial(host, settings);
    QVERIFY2(attempt->opened, qPrintable(attempt->client->errorString()));

    // The proxy was asked to tunnel to our server, and the WebSocket handshake went through the tunnel.
    QCOMPARE(proxy.requests.size(), 1);
    const QByteArray authority = host.toLatin1() + ':' + QByteArray::number(m_server->port());
    QVERIFY2(proxy.requests.constFirst().startsWith(QByteArray("CONNECT " + authority + " HTTP/1.1\r\n")),
        proxy.requests.constFirst().constData());
    QVERIFY(attempt->client->sendText("via CONNECT"));
    QTRY_COMPARE_WITH_TIMEOUT(attempt->events.messages(Direction::Incoming).size(), 1, Timeout);
    QCOMPARE(attempt->events.messages(Direction::Incoming).constFirst().message.payload,
        QByteArray("via CONNECT"));
    QCOMPARE(attempt->client->handshake()->request.target(), QByteArray("/through"));
    const QList<ConnectionNotice> infos = attempt->events.notices(ConnectionNotice::Kind::Info);
    QCOMPARE(infos.size(), 1);
    QCOMPARE(
        infos.constFirst().text, u"Connecting through the proxy http://127.0.0.1:%1"_s.arg(proxy.port()));
    // Through a proxy there is no DNS phase of our own.
    QCOMPARE(attempt->events.states().constFirst(), ConnectionState::Connecting);
    QCOMPARE(attempt->client->handshake()->timings.dnsNs, qint64(-1));
}

void tst_Proxy::httpConnectWithCredentials()
{
    ConnectProxy proxy;
    proxy.credentials = "bob:pa ss";
    QVERIFY(proxy.listen());
    ProxySettings settings;
    settings.mode = ProxySettings::Mode::Explicit;
    settings.url = QUrl(u"http://bob:pa%20ss@127.0.0.1:%1"_s.arg(proxy.port()));
    const auto attempt = dial(u"127.0.0.1"_s, settings);
    QVERIFY2(attempt->opened, qPrintable(attempt->client->errorString()));
    // Asked for them with a 407, the client sent the credentials from the proxy URL.
    QVERIFY(!proxy.requests.isEmpty());
    QVERIFY2(proxy.requests.constLast().contains("\r\nProxy-Authorization: Basic Ym9iOnBhIHNz\r\n"),
        proxy.requests.constLast().constData());
    QCOMPARE(attempt->events.notices(ConnectionNotice::Kind::Info).constFirst().text,
        u"Connecting through the proxy http://bob@127.0.0.1:%1"_s.arg(proxy.port()));
}

void tst_Proxy::socks5_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QByteArray>("methods"); // what the client offered
    QTest::addColumn<quint8>("addressType"); // ATYP of the CONNECT request
    QTest::newRow("no auth, IPv4 literal") << u"127.0.0.1"_s << QByteArray() << QByteArray() << u"socks5"_s
                                           << QByteArray(1, '\x00') << quint8(1);
    QTest::newRow("no auth, host name resolved by the proxy")
        << u"localhost"_s << QByteArray() << QByteArray() << u"socks5h"_s << QByteArray(1, '\x00')
        << quint8(3);
    QTest::newRow("username/password") << u"127.0.0.1"_s << QByteArray("alice") << QByteArray("s3cr:t")
                                       << u"socks5"_s << QByteArray(1, '\x02') << quint8(1);
}

void tst_Proxy::socks5()
{
    QFETCH(QString, host);
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, password);
    QFETCH(QString, scheme);
    QFETCH(QByteArray, methods);
    QFETCH(quint8, addressType);
    Socks5Proxy proxy;
    proxy.user = user;
    proxy.password = password;
    QVERIFY(proxy.listen());
    ProxySettings settings;
    settings.mode = ProxySettings::Mode::Explicit;
    settings.url = QUrl(u"%1://127.0.0.1:%2"_s.arg(scheme).arg(proxy.port()));
    if (!user.isEmpty()) {
        settings.url.setUserName(QString::fromLatin1(user));
        settings.url.setPassword(QString::fromLatin1(password));
    }
    const auto attempt = dial(host, settings);
    QVERIFY2(attempt->opened, qPrintable(attempt->client->errorString()));

    QCOMPARE(proxy.offeredMethods, QList<QByteArray> { methods });
    QCOMPARE(proxy.credentials,
        user.isEmpty() ? QList<QByteArray>() : QList<QByteArray> { user + ':' + password });
    QCOMPARE(proxy.addressTypes, QList<quint8> { addressType });
    QCOMPARE(
        proxy.targets, QList<QByteArray> { host.toLatin1() + ':' + QByteArray::number(m_server->port()) });
    QVERIFY(attempt->client->sendText("via SOCKS5"));
    QTRY_COMPARE_WITH_TIMEOUT(attempt->events.messages(Direction::Incoming).size(), 1, Timeout);
    QCOMPARE(
        attempt->events.messages(Direction::Incoming).constFirst().message.payload, QByteArray("via SOCKS5"));
    // The password is never shown.
    const QList<ConnectionNotice> infos = attempt->events.notices(ConnectionNotice::Kind::Info);
    QCOMPARE(infos.size(), 1);
    QCOMPARE(infos.constFirst().text,
        u"Connecting through the proxy %1://%2%3"_s.arg(scheme,
            user.isEmpty() ? QString() : QString::fromLatin1(user) + u'@',
            u"127.0.0.1:%1"_s.arg(proxy.port())));
}

void tst_Proxy::socks5WrongPassword()
{
    Socks5Proxy proxy;
    proxy.user = "alice";
    proxy.password = "right";
    QVERIFY(proxy.listen());
    ProxySettings settings;
    settings.mode = ProxySettings::Mode::Explicit;
    settings.url = QUrl(u"socks5://alice:wrong@127.0.0.1:%1"_s.arg(proxy.port()));
    const auto attempt = dial(u"127.0.0.1"_s, settings);
    QVERIFY(!attempt->opened);
    QCOMPARE(attempt->client->state(), ConnectionState::Closed);
    QCOMPARE(proxy.credentials, QList<QByteArray> { "alice:wrong" });
    QVERIFY(proxy.targets.isEmpty());
    QCOMPARE(attempt->client->errorString(),
        u"Cannot connect to 127.0.0.1:%1: Proxy authentication failed"_s.arg(m_server->port()));
}

void tst_Proxy::httpProxyRefuses()
{
    ConnectProxy proxy;
    proxy.refuseWith = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n";
    QVERIFY(proxy.listen());
    ProxySettings settings;
    settings.mode = ProxySettings::Mode::Explicit;
    settings.url = QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port()));
    const auto attempt = dial(u"127.0.0.1"_s, settings);
    QVERIFY(!attempt->opened);
    // Qt's HTTP proxy code may ask twice before it gives up; every request is the CONNECT for our server.
    QVERIFY(!proxy.requests.isEmpty());
    for (const QByteArray &request : std::as_const(proxy.requests))
        QVERIFY(request.startsWith(
            QByteArray("CONNECT 127.0.0.1:" + QByteArray::number(m_server->port()) + " HTTP/1.1\r\n")));
    QCOMPARE(attempt->client->errorString(),
        u"Cannot connect to 127.0.0.1:%1: Proxy denied connection"_s.arg(m_server->port()));
}

void tst_Proxy::proxyUrlFromEnvironment_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("variables"); // name=value
    QTest::addColumn<QString>("proxy"); // empty: direct
    QTest::newRow("nothing set") << u"ws://example.com/"_s << QStringList() << QString();
    QTest::newRow("http_proxy for ws")
        << u"ws://example.com/"_s << QStringList { u"http_proxy=http://proxy:3128"_s }
        << u"http://proxy:3128"_s;
    QTest::newRow("https_proxy for wss")
        << u"wss://example.com/"_s
        << QStringList { u"http_proxy=http://plain:3128"_s, u"https_proxy=http://secure:3129"_s }
        << u"http://secure:3129"_s;
    QTest::newRow("http_proxy for ws, https_proxy set too")
        << u"ws://example.com/"_s
        << QStringList { u"http_proxy=http://plain:3128"_s, u"https_proxy=http://secure:3129"_s }
        << u"http://plain:3128"_s;
    QTest::newRow("wss ignores http_proxy")
        << u"wss://example.com/"_s << QStringList { u"http_proxy=http://plain:3128"_s } << QString();
    QTest::newRow("all_proxy as the fallback")
        << u"wss://example.com/"_s << QStringList { u"all_proxy=socks5://socks:1080"_s }
        << u"socks5://socks:1080"_s;
    QTest::newRow("scheme-specific before all_proxy")
        << u"ws://example.com/"_s
        << QStringList { u"all_proxy=socks5://socks:1080"_s, u"http_proxy=http://plain:3128"_s }
        << u"http://plain:3128"_s;
    QTest::newRow("upper-case HTTPS_PROXY")
        << u"wss://example.com/"_s << QStringList { u"HTTPS_PROXY=http://upper:8080"_s }
        << u"http://upper:8080"_s;
    QTest::newRow("upper-case HTTP_PROXY is ignored (httpoxy)")
        << u"ws://example.com/"_s << QStringList { u"HTTP_PROXY=http://bad:1"_s } << QString();
    QTest::newRow("lower case wins over upper case")
        << u"wss://example.com/"_s
        << QStringList { u"HTTPS_PROXY=http://upper:8080"_s, u"https_proxy=http://lower:8080"_s }
        << u"http://lower:8080"_s;
    QTest::newRow("no scheme means http")
        << u"ws://example.com/"_s << QStringList { u"http_proxy=proxy.local:3128"_s }
        << u"http://proxy.local:3128"_s;
    QTest::newRow("credentials kept")
        << u"ws://example.com/"_s << QStringList { u"http_proxy=http://u:p@proxy:3128"_s }
        << u"http://u:p@proxy:3128"_s;
    QTest::newRow("no_proxy exact host")
        << u"ws://example.com/"_s
        << QStringList { u"http_proxy=http://proxy:3128"_s, u"no_proxy=example.com"_s } << QString();
    QTest::newRow("no_proxy matches subdomains")
        << u"ws://api.example.com/"_s
        << QStringList { u"http_proxy=http://proxy:3128"_s, u"no_proxy=example.com"_s } << QString();
    QTest::newRow("no_proxy is not a substring match")
        << u"ws://notexample.com/"_s
        << QStringList { u"http_proxy=http://proxy:3128"_s, u"no_proxy=example.com"_s }
        << u"http://proxy:3128"_s;
    QTest::newRow("no_proxy with a leading dot")
        << u"ws://example.com/"_s
        << QStringList { u"http_proxy=http://proxy:3128"_s, u"no_proxy=.example.com"_s } << QString();
    QTest::newRow("no_proxy list with spaces")
        << u"ws://localhost:9001/"_s
        << QStringList { u"http_proxy=http://proxy:3128"_s, u"no_proxy=internal.lan, localhost ,10.0.0.1"_s }
        << QString();
    QTest::newRow("no_proxy *") << u"wss://anything.example/"_s
                                << QStringList { u"all_proxy=socks5://socks:1080"_s, u"no_proxy=*"_s }
                                << QString();
    QTest::newRow("upper-case NO_PROXY")
        << u"ws://example.com/"_s
        << QStringList { u"http_proxy=http://proxy:3128"_s, u"NO_PROXY=EXAMPLE.com"_s } << QString();
    QTest::newRow("no_proxy IP literal")
        << u"ws://127.0.0.1:9001/"_s
        << QStringList { u"http_proxy=http://proxy:3128"_s, u"no_proxy=127.0.0.1"_s } << QString();
    QTest::newRow("no_proxy for another host")
        << u"ws://example.org/"_s
        << QStringList { u"http_proxy=http://proxy:3128"_s, u"no_proxy=example.com"_s }
        << u"http://proxy:3128"_s;
}

void tst_Proxy::proxyUrlFromEnvironment()
{
    QFETCH(QString, target);
    QFETCH(QStringList, variables);
    QFETCH(QString, proxy);
    for (const QString &variable : variables)
        QVERIFY(
            qputenv(variable.section(u'=', 0, 0).toLatin1().constData(), variable.section(u'=', 1).toUtf8()));
    const std::optional<QUrl> chosen = ClientConnection::proxyUrlFromEnvironment(QUrl(target));
    if (proxy.isEmpty()) {
        QVERIFY2(!chosen, qPrintable(chosen ? chosen->toString() : QString()));
    } else {
        QVERIFY(chosen);
        QCOMPARE(chosen->toString(), proxy);
    }
}

void tst_Proxy::environmentModeConnects()
{
    ConnectProxy proxy;
    QVERIFY(proxy.listen());
    QVERIFY(qputenv("http_proxy", "http://127.0.0.1:" + QByteArray::number(proxy.port())));
    ProxySettings settings;
    settings.mode = ProxySettings::Mode::Environment;
    const auto attempt = dial(u"127.0.0.1"_s, settings);
    QVERIFY2(attempt->opened, qPrintable(attempt->client->errorString()));
    QCOMPARE(proxy.requests.size(), 1);
    QVERIFY(proxy.requests.constFirst().startsWith(
        QByteArray("CONNECT 127.0.0.1:" + QByteArray::number(m_server->port()) + " HTTP/1.1\r\n")));
}

void tst_Proxy::environmentModeHonoursNoProxy()
{
    ConnectProxy proxy;
    QVERIFY(proxy.listen());
    QVERIFY(qputenv("http_proxy", "http://127.0.0.1:" + QByteArray::number(proxy.port())));
    QVERIFY(qputenv("no_proxy", "localhost,127.0.0.1"));
    ProxySettings settings;
    settings.mode = ProxySettings::Mode::Environment;
    const auto attempt = dial(u"127.0.0.1"_s, settings);
    QVERIFY2(attempt->opened, qPrintable(attempt->client->errorString()));
    QVERIFY(proxy.requests.isEmpty());
    QVERIFY(attempt->events.notices(ConnectionNotice::Kind::Info).isEmpty());

    // Mode::None ignores the environment altogether.
    qunsetenv("no_proxy");
    settings.mode = ProxySettings::Mode::None;
    const auto direct = dial(u"127.0.0.1"_s, settings);
    QVERIFY2(direct->opened, qPrintable(direct->client->errorString()));
    QVERIFY(proxy.requests.isEmpty());
}

void tst_Proxy::badProxyUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("error");
    QTest::newRow("unsupported scheme")
        << u"ftp://proxy:21"_s
        << u"Unsupported proxy 'ftp://proxy:21': use http://host:port (HTTP CONNECT) or socks5://host:port"_s;
    QTest::newRow("https proxy")
        << u"https://proxy:443"_s
        << u"Unsupported proxy 'https://proxy:443': use http://host:port (HTTP CONNECT) or "
           u"socks5://host:port"_s;
    QTest::newRow("no host") << u"http://:8080"_s << u"The proxy URL 'http://:8080' has no host"_s;
    QTest::newRow("password not shown")
        << u"gopher://user:secret@proxy:70"_s
        << u"Unsupported proxy 'gopher://user@proxy:70': use http://host:port (HTTP CONNECT) or "
           u"socks5://host:port"_s;
}

void tst_Proxy::badProxyUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, error);
    QString parseError;
    QVERIFY(!ClientConnection::parseProxy(QUrl(url), &parseError));
    QCOMPARE(parseError, error);

    // Through a connection: it fails before dialling, with the same error.
    ProxySettings settings;
    settings.mode = ProxySettings::Mode::Explicit;
    settings.url = QUrl(url);
    const auto attempt = dial(u"127.0.0.1"_s, settings);
    QVERIFY(!attempt->opened);
    QCOMPARE(attempt->client->state(), ConnectionState::Closed);
    QCOMPARE(attempt->client->errorString(), error);
    const QList<ConnectionNotice> errors = attempt->events.notices(ConnectionNotice::Kind::Error);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().text, error);
    QCOMPARE(attempt->events.states(),
        (QList<ConnectionState> { ConnectionState::Connecting, ConnectionState::Closed }));
}

QTEST_GUILESS_MAIN(tst_Proxy)
#include "tst_proxy.moc"
