// wss: certificate verification and its explanation, ignoring errors on request, trusting a CA file,
// client certificates (PEM and PKCS#12) against a server that requires one, the local server's self-signed
// certificate, and the server name (SNI) our client sends.
//
// Every key and certificate is generated at test time with the openssl command line in a temporary
// folder: a test CA, a server certificate it signs (SAN localhost, 127.0.0.1) and a client certificate.

#include "app/net/clientconnection.h"
#include "app/net/selfsignedcertificate.h"
#include "app/net/server.h"
#include "app/net/tlsoptions.h"
#include "tests/common/eventcollector.h"
#include "tests/common/rawserverpeer.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslCipher>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>
#include <optional>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::EventCollector;
using Frameline::Test::RawServerPeer;

namespace {

constexpr int Timeout = 10000;

// A TLS server written in the test (QTcpServer + QSslSocket), independent of our Server: it can require a
// client certificate, and it answers the WebSocket handshake with fixed text once the TLS handshake is done.
// It follows the last connection it accepted.
class TlsTestServer : public QTcpServer
{
public:
    QSslConfiguration configuration;
    QSslSocket *socket = nullptr;
    bool encrypted = false;
    QSslCertificate peerCertificate; // the client's certificate, when it sent one
    QStringList sslErrors; // what verifying the client's certificate found
    QString socketError;
    QByteArray received; // decrypted bytes the client sent

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *next = new QSslSocket(this);
        if (!next->setSocketDescriptor(descriptor)) {
            delete next;
            return;
        }
        socket = next;
        encrypted = false;
        peerCertificate = QSslCertificate();
        sslErrors.clear();
        socketError.clear();
        received.clear();
        next->setSslConfiguration(configuration);
        QObject::connect(next, &QSslSocket::encrypted, this, [this, next] {
            encrypted = true;
            peerCertificate = next->peerCertificate();
        });
        QObject::connect(next, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &error : errors)
                sslErrors.append(error.errorString());
        });
        QObject::connect(next, &QAbstractSocket::errorOccurred, this,
            [this, next](QAbstractSocket::SocketError) { socketError = next->errorString(); });
        QObject::connect(next, &QSslSocket::readyRead, this, [this, next] {
            const bool headDone = received.contains("\r\n\r\n");
            received += next->readAll();
            if (!headDone && received.contains("\r\n\r\n")) {
                next->write(
                    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Accept: "
                    + RawServerPeer::acceptFor(RawServerPeer::headerValue(received, "Sec-WebSocket-Key"))
                    + "\r\n\r\n");
            }
        });
        next->startServerEncryption();
    }
};

// A TCP relay in front of a server that reads the server name (RFC 6066 §3) from the client's first TLS
// record, the ClientHello, as it passes.
class SniRelay : public QObject
{
public:
    bool sawClientHello = false;
    std::optional<QByteArray> serverName; // absent: the ClientHello had no server_name extension

    explicit SniRelay(quint16 targetPort)
        : m_targetPort(targetPort)
    {
        QObject::connect(&m_listener, &QTcpServer::newConnection, this, [this] { onNewConnection(); });
    }
    bool listen() { return m_listener.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_listener.serverPort(); }

    // The host_name of a ClientHello's server_name extension; nullopt when there is none. Bounds-checked:
    // returns nullopt on anything malformed too.
    static std::optional<QByteArray> parseServerName(const QByteArray &record, bool *complete)
    {
        *complete = false;
        const auto u8 = [&record](qsizetype at) { return quint8(record.at(at)); };
        const auto u16 = [&u8](qsizetype at) { return int(u8(at)) << 8 | u8(at + 1); };
        if (record.size() < 5 || u8(0) != 0x16)
            return std::nullopt;
        const qsizetype end = 5 + u16(3);
        if (record.size() < end)
            return std::nullopt; // not all there yet
        *complete = true;
        qsizetype at = 5;
        if (u8(at) != 0x01) // handshake type client_hello
            return std::nullopt;
        at += 4 + 2 + 32; // handshake header, client_version, random
        if (at >= end)
            return std::nullopt;
        at += 1 + u8(at); // session_id
        if (at + 2 > end)
            return std::nullopt;
        at += 2 + u16(at); // cipher_suites
        if (at >= end)
            return std::nullopt;
        at += 1 + u8(at); // compression_methods
        if (at + 2 > end)
            return std::nullopt;
        const qsizetype extensionsEnd = qMin(end, at + 2 + u16(at));
        at += 2;
        while (at + 4 <= extensionsEnd) {
            const int type = u16(at);
            const int length = u16(at + 2);
            at += 4;
            if (type == 0 && at + 5 <= extensionsEnd && u8(at + 2) == 0) { // server_name, host_name
                const int nameLength = u16(at + 3);
                if (at + 5 + nameLength <= extensionsEnd)
                    return record.mid(at + 5, nameLength);
                return std::nullopt;
            }
            at += length;
        }
        return std::nullopt;
    }

private:
    void onNewConnection()
    {
        while (QTcpSocket *client = m_listener.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            auto firstRecord = std::make_shared<QByteArray>();
            QObject::connect(client, &QTcpSocket::readyRead, this, [this, client, upstream, firstRecord] {
                const QByteArray bytes = client->readAll();
                if (!sawClientHello) {
                    *firstRecord += bytes;
                    bool complete = false;
                    serverName = parseServerName(*firstRecord, &complete);
                    sawClientHello = complete;
                }
                upstream->write(bytes);
            });
            QObject::connect(upstream, &QTcpSocket::readyRead, this,
                [client, upstream] { client->write(upstream->readAll()); });
            QObject::connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
            QObject::connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            upstream->connectToHost(QHostAddress(QHostAddress::LocalHost), m_targetPort);
        }
    }

    QTcpServer m_listener;
    quint16 m_targetPort;
};

QString tlsErrorOf(const EventCollector &events)
{
    const QList<ConnectionNotice> errors = events.notices(ConnectionNotice::Kind::Error);
    return errors.isEmpty() ? QString() : errors.constLast().text;
}

std::shared_ptr<const TlsRecord> tlsRecordOf(const EventCollector &events)
{
    const QList<ConnectionNotice> notices = events.notices(ConnectionNotice::Kind::Tls);
    return notices.isEmpty() ? nullptr : notices.constLast().tls;
}

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void unknownCaIsExplainedAndBlocks();
    void ignoringErrorsLetsItThrough();
    void caFileVerifies();
    void clientCertificate_data();
    void clientCertificate();
    void unreadableClientCertificate_data();
    void unreadableClientCertificate();
    void serverName_data();
    void serverName();
    void selfSignedServer();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool openssl(const QStringList &arguments);
    // Our Server (echo) with the CA-signed certificate.
    std::unique_ptr<Server> startServer(EventCollector *events = nullptr);
    // The explanation our client gives for an error about the server certificate.
    QString explained(const QString &error) const;

    QTemporaryDir m_dir;
    QSslCertificate m_serverCertificate;
};

bool tst_Tls::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(u"openssl"_s, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        qWarning("openssl %s failed: %s", qPrintable(arguments.join(u' ')),
            process.readAllStandardError().constData());
        return false;
    }
    return true;
}

void tst_Tls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    const auto writeFile = [this](const QString &name, const QByteArray &contents) {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
    };
    const QStringList ecKey { u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
        u"-nodes"_s };
    // The CA.
    QVERIFY(openssl(QStringList { u"req"_s, u"-x509"_s } + ecKey
        + QStringList { u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s, u"2"_s, u"-subj"_s,
            u"/CN=Frameline Test CA"_s, u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s, u"-addext"_s,
            u"keyUsage=critical,keyCertSign,cRLSign"_s }));
    // The server and client certificates it signs.
    QVERIFY(writeFile(u"server.ext"_s,
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"));
    QVERIFY(writeFile(u"client.ext"_s,
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=clientAuth\n"));
    for (const auto &[name, subject] : { std::pair { u"server"_s, u"/CN=localhost"_s },
             std::pair { u"client"_s, u"/CN=Frameline Test Client"_s } }) {
        QVERIFY(openssl(QStringList { u"req"_s } + ecKey
            + QStringList {
                u"-keyout"_s, name + u".key"_s, u"-out"_s, name + u".csr"_s, u"-subj"_s, subject }));
        QVERIFY(openssl({ u"x509"_s, u"-req"_s, u"-in"_s, name + u".csr"_s, u"-CA"_s, u"ca.pem"_s,
            u"-CAkey"_s, u"ca.key"_s, u"-CAcreateserial"_s, u"-out"_s, name + u".pem"_s, u"-days"_s, u"2"_s,
            u"-extfile"_s, name + u".ext"_s }));
    }
    QVERIFY(openssl({ u"pkcs12"_s, u"-export"_s, u"-in"_s, u"client.pem"_s, u"-inkey"_s, u"client.key"_s,
        u"-certfile"_s, u"ca.pem"_s, u"-out"_s, u"client.p12"_s, u"-passout"_s, u"pass:frameline"_s }));
    const QList<QSslCertificate> server = QSslCertificate::fromPath(path(u"server.pem"_s));
    QCOMPARE(server.size(), 1);
    m_serverCertificate = server.constFirst();
}

std::unique_ptr<Server> tst_Tls::startServer(EventCollector *events)
{
    Server::Options options;
    options.tls = true;
    options.certificateFile = path(u"server.pem"_s);
    options.keyFile = path(u"server.key"_s);
    options.behaviour = Server::Behaviour::Echo;
    auto server = std::make_unique<Server>(options);
    if (events)
        events->follow(server.get());
    QString error;
    if (!server->listen(&error))
        qWarning("listen: %s", qPrintable(error));
    return server;
}

QString tst_Tls::explained(const QString &error) const
{
    return u"certificate localhost (issued by Frameline Test CA, valid %1 to %2): %3"_s.arg(
        m_serverCertificate.effectiveDate().toString(Qt::ISODate),
        m_serverCertificate.expiryDate().toString(Qt::ISODate), error);
}

void tst_Tls::unknownCaIsExplainedAndBlocks()
{
    // A server whose certificate comes from a CA the client does not know.
    TlsTestServer server;
    server.configuration = QSslConfiguration::defaultConfiguration();
    QString error;
    QVERIFY(Tls::serverConfiguration(
        path(u"server.pem"_s), path(u"server.key"_s), &server.configuration, &error));
    QVERIFY(server.listen(QHostAddress::LocalHost));
    ClientConnection::Options options;
    options.url = QUrl(u"wss://localhost:%1/"_s.arg(server.serverPort()));
    ClientConnection client(options);
    EventCollector events;
    events.follow(&client);
    QSignalSpy closed(&client, &Connection::closed);
    client.open();
    QVERIFY(closed.wait(Timeout));

    // Which certificate, which error, its subject, issuer and validity.
    const QStringList explanations {
        explained(u"The issuer certificate of a locally looked up certificate could not be found"_s),
        explained(u"No certificates could be verified"_s)
    };
    QCOMPARE(client.errorString(),
        u"TLS certificate verification of localhost:%1 failed: %2"_s.arg(server.serverPort())
            .arg(explanations.join(u"; "_s)));
    QCOMPARE(tlsErrorOf(events), client.errorString());
    const std::shared_ptr<const TlsRecord> record = tlsRecordOf(events);
    QVERIFY(record);
    QCOMPARE(record->certificateErrors, explanations);
    QVERIFY(!record->verified);
    QVERIFY(!record->errorsIgnored);
    QCOMPARE(events.states(),
        (QList<ConnectionState> { ConnectionState::Resolving, ConnectionState::Connecting,
            ConnectionState::TlsHandshaking, ConnectionState::Closed }));

    // Blocked: no handshake request was built or sent.
    QVERIFY(!client.handshake());
    QVERIFY(events.notices(ConnectionNotice::Kind::Handshake).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!server.socketError.isEmpty(), Timeout);
    QVERIFY(!server.encrypted);
    QCOMPARE(server.received, QByteArray());
}

void tst_Tls::ignoringErrorsLetsItThrough()
{
    EventCollector serverEvents;
    const std::unique_ptr<Server> server = startServer(&serverEvents);
    QVERIFY(server->isListening());
    ClientConnection::Options options;
    options.url = QUrl(server->url());
    options.tls.ignoreCertificateErrors = true;
    ClientConnection client(options);
    EventCollector events;
    events.follow(&client);
    QSignalSpy opened(&client, &Connection::opened);
    client.open();
    QVERIFY(opened.wait(Timeout));
    client.flushEvents();

    const QStringList explanations {
        explained(u"The issuer certificate of a locally looked up certificate could not be found"_s),
        explained(u"No certificates could be verified"_s)
    };
    const std::shared_ptr<const TlsRecord> record = client.tls();
    QVERIFY(record);
    QVERIFY(record->errorsIgnored);
    QVERIFY(!record->verified);
    QCOMPARE(record->certificateErrors, explanations);
    const QList<ConnectionNotice> infos = events.notices(ConnectionNotice::Kind::Info);
    QCOMPARE(infos.size(), 1);
    QCOMPARE(
        infos.constFirst().text, u"Ignoring certificate errors, as asked: "_s + explanations.join(u"; "_s));
    QVERIFY(client.sendText("through anyway"));
    QTRY_COMPARE_WITH_TIMEOUT(events.messages(Direction::Incoming).size(), 1, Timeout);
    QCOMPARE(events.messages(Direction::Incoming).constFirst().message.payload, QByteArray("through anyway"));
}

void tst_Tls::caFileVerifies()
{
    const std::unique_ptr<Server> server = startServer();
    QVERIFY(server->isListening());
    QCOMPARE(server->url(), u"wss://localhost:%1/"_s.arg(server->port()));
    ClientConnection::Options options;
    options.url = QUrl(server->url());
    options.tls.caFile = path(u"ca.pem"_s);
    ClientConnection client(options);
    EventCollector events;
    events.follow(&client);
    QSignalSpy opened(&client, &Connection::opened);
    client.open();
    QVERIFY(opened.wait(Timeout));
    client.flushEvents();

    const std::shared_ptr<const TlsRecord> record = client.tls();
    QVERIFY(record);
    QVERIFY(record->verified);
    QVERIFY(!record->errorsIgnored);
    QVERIFY(record->certificateErrors.isEmpty());
    QCOMPARE(record->protocol, u"TLSv1.3"_s);
    const QStringList tls13Ciphers { u"TLS_AES_256_GCM_SHA384"_s, u"TLS_CHACHA20_POLY1305_SHA256"_s,
        u"TLS_AES_128_GCM_SHA256"_s };
    QVERIFY2(tls13Ciphers.contains(record->cipher), qPrintable(record->cipher));
    QCOMPARE(record->serverName, u"localhost"_s);
    QVERIFY(!record->peerChain.isEmpty());
    QCOMPARE(record->peerChain.constFirst().subjectInfo(QSslCertificate::CommonName),
        QStringList { u"localhost"_s });
    QCOMPARE(record->peerChain.constFirst(), m_serverCertificate);
    QVERIFY(!record->clientCertificateSent);
    QVERIFY(client.handshake()->timings.tlsNs > 0);
    QCOMPARE(events.states(),
        (QList<ConnectionState> { ConnectionState::Resolving, ConnectionState::Connecting,
            ConnectionState::TlsHandshaking, ConnectionState::Upgrading, ConnectionState::Open }));
    QVERIFY(client.sendText("verified"));
    QTRY_COMPARE_WITH_TIMEOUT(events.messages(Direction::Incoming).size(), 1, Timeout);
    QCOMPARE(events.messages(Direction::Incoming).constFirst().message.payload, QByteArray("verified"));
}

void tst_Tls::clientCertificate_data()
{
    QTest::addColumn<QString>("how"); // "pem", "pkcs12", "none"
    QTest::newRow("PEM certificate and key") << u"pem"_s;
    QTest::newRow("PKCS#12") << u"pkcs12"_s;
    QTest::newRow("no client certificate") << u"none"_s;
}

void tst_Tls::clientCertificate()
{
    QFETCH(QString, how);
    // A server that requires a client certificate from the test CA.
    TlsTestServer server;
    QString error;
    QVERIFY(Tls::serverConfiguration(
        path(u"server.pem"_s), path(u"server.key"_s), &server.configuration, &error));
    server.configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    server.configuration.setCaCertificates(QSslCertificate::fromPath(path(u"ca.pem"_s)));
    QVERIFY(server.listen(QHostAddress::LocalHost));

    ClientConnection::Options options;
    options.url = QUrl(u"wss://localhost:%1/"_s.arg(server.serverPort()));
    options.tls.caFile = path(u"ca.pem"_s);
    if (how == u"pem"_s) {
        options.tls.certificateFile = path(u"client.pem"_s);
        options.tls.keyFile = path(u"client.key"_s);
    } else if (how == u"pkcs12"_s) {
        options.tls.pkcs12File = path(u"client.p12"_s);
        options.tls.pkcs12Password = "frameline";
    }
    ClientConnection client(options);
    EventCollector events;
    events.follow(&client);
    QSignalSpy opened(&client, &Connection::opened);
    QSignalSpy closed(&client, &Connection::closed);
    client.open();

    if (how != u"none"_s) {
        QVERIFY(opened.wait(Timeout));
        QVERIFY(server.encrypted);
        QCOMPARE(server.peerCertificate.subjectInfo(QSslCertificate::CommonName),
            QStringList { u"Frameline Test Client"_s });
        QVERIFY(server.sslErrors.isEmpty());
        QVERIFY(client.tls()->clientCertificateSent);
        QVERIFY(client.tls()->verified);
        QVERIFY(server.received.startsWith("GET / HTTP/1.1\r\n"));
        return;
    }
    // Refused by the server. With TLS 1.3 the client finishes its side of the TLS handshake before the server
    // has checked its (empty) certificate, so the refusal comes during the upgrade: Qt's server drops the
    // connection (no alert reaches Qt's client, which sees the remote host close). The connection never opens
    // and the client says what happened.
    QVERIFY(closed.wait(Timeout));
    QVERIFY(opened.isEmpty());
    QVERIFY(!server.encrypted);
    QCOMPARE(server.sslErrors, QStringList { u"The peer did not present any certificate"_s });
    QVERIFY(!client.tls()->clientCertificateSent);
    QCOMPARE(events.states().constLast(), ConnectionState::Closed);
    const QString expected
        = u"The opening handshake failed: the connection closed before the server answered the handshake"_s;
    QCOMPARE(client.errorString(), expected);
    QCOMPARE(tlsErrorOf(events), expected);
}

void tst_Tls::unreadableClientCertificate_data()
{
    QTest::addColumn<QString>("pkcs12");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("error"); // "%1": the temporary folder
    QTest::newRow("PKCS#12 with a wrong password")
        << u"client.p12"_s << QByteArray("wrong") << QString() << QString()
        << u"%1/client.p12 is not a PKCS#12 file this password opens"_s;
    QTest::newRow("missing PKCS#12") << u"missing.p12"_s << QByteArray() << QString() << QString()
                                     << u"Cannot read %1/missing.p12: No such file or directory"_s;
    QTest::newRow("certificate without key") << QString() << QByteArray() << u"client.pem"_s << QString()
                                             << u"A client certificate needs its private key file as well"_s;
    QTest::newRow("key that is a certificate") << QString() << QByteArray() << u"client.pem"_s << u"ca.pem"_s
                                               << u"%1/ca.pem holds no unencrypted PEM private key"_s;
}

void tst_Tls::unreadableClientCertificate()
{
    QFETCH(QString, pkcs12);
    QFETCH(QByteArray, password);
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, error);
    if (error.contains(u"%1"_s))
        error = error.arg(m_dir.path());
    ClientConnection::Options options;
    options.url = QUrl(u"wss://localhost:1/"_s); // never dialled: the options fail first
    if (!pkcs12.isEmpty())
        options.tls.pkcs12File = path(pkcs12);
    options.tls.pkcs12Password = password;
    if (!certificate.isEmpty())
        options.tls.certificateFile = path(certificate);
    if (!key.isEmpty())
        options.tls.keyFile = path(key);
    ClientConnection client(options);
    EventCollector events;
    events.follow(&client);
    client.open();
    QCOMPARE(client.state(), ConnectionState::Closed);
    QCOMPARE(client.errorString(), error);
    client.flushEvents();
    QCOMPARE(tlsErrorOf(events), error);
}

void tst_Tls::selfSignedServer()
{
    const QString folder = path(u"self-signed"_s);
    QVERIFY(!QDir(folder).exists());
    Server::Options options;
    options.tls = true;
    options.selfSignedFolder = folder;
    options.behaviour = Server::Behaviour::Echo;
    Server first(options);
    QString error;
    QVERIFY2(first.listen(&error), qPrintable(error));
    QCOMPARE(first.certificateFile(), QDir(folder).filePath(u"localhost-cert.pem"_s));
    QVERIFY(QFile::exists(QDir(folder).filePath(u"localhost-key.pem"_s)));
    QFile certificateFile(first.certificateFile());
    QVERIFY(certificateFile.open(QIODevice::ReadOnly));
    const QByteArray certificatePem = certificateFile.readAll();
    certificateFile.close();

    // A client that trusts exactly that certificate verifies the server.
    ClientConnection::Options clientOptions;
    clientOptions.url = QUrl(first.url());
    clientOptions.tls.caFile = first.certificateFile();
    ClientConnection client(clientOptions);
    EventCollector events;
    events.follow(&client);
    QSignalSpy opened(&client, &Connection::opened);
    client.open();
    QVERIFY(opened.wait(Timeout));
    QVERIFY(client.tls()->verified);
    QVERIFY(client.tls()->certificateErrors.isEmpty());
    QCOMPARE(client.tls()->peerChain.constFirst().toPem(), QSslCertificate(certificatePem).toPem());
    QVERIFY(client.sendText("self-signed"));
    QTRY_COMPARE_WITH_TIMEOUT(events.messages(Direction::Incoming).size(), 1, Timeout);

    // A second server reuses the same pair.
    Server second(options);
    QVERIFY2(second.listen(&error), qPrintable(error));
    QCOMPARE(second.certificateFile(), first.certificateFile());
    QVERIFY(certificateFile.open(QIODevice::ReadOnly));
    QCOMPARE(certificateFile.readAll(), certificatePem);
    const SelfSignedCertificate::Files files = SelfSignedCertificate::loadOrCreate(folder);
    QVERIFY(!files.created);
    QCOMPARE(files.certificateFile, first.certificateFile());
    // ... whereas an empty folder gets a new one.
    const SelfSignedCertificate::Files fresh = SelfSignedCertificate::loadOrCreate(path(u"self-signed-2"_s));
    QVERIFY(fresh.created);
}

void tst_Tls::serverName_data()
{
    QTest::addColumn<QString>("host"); // in the URL
    QTest::addColumn<QString>("serverName"); // TlsOptions::serverName
    QTest::addColumn<bool>("sniSent");
    QTest::addColumn<QByteArray>("sni");
    QTest::addColumn<QString>("error"); // empty: verified
    QTest::newRow("host name") << u"localhost"_s << QString() << true << QByteArray("localhost") << QString();
    QTest::newRow("IP literal with serverName")
        << u"127.0.0.1"_s << u"localhost"_s << true << QByteArray("localhost") << QString();
    // RFC 6066 §3: "Literal IPv4 and IPv6 addresses are not permitted in HostName"; the IP SAN verifies.
    QTest::newRow("IP literal") << u"127.0.0.1"_s << QString() << false << QByteArray() << QString();
    QTest::newRow("serverName the certificate does not name")
        << u"localhost"_s << u"other.example"_s << true << QByteArray("other.example")
        << u"The host name did not match any of the valid hosts for this certificate"_s;
}

void tst_Tls::serverName()
{
    QFETCH(QString, host);
    QFETCH(QString, serverName);
    QFETCH(bool, sniSent);
    QFETCH(QByteArray, sni);
    QFETCH(QString, error);
    const std::unique_ptr<Server> server = startServer();
    QVERIFY(server->isListening());
    SniRelay relay(server->port());
    QVERIFY(relay.listen());
    ClientConnection::Options options;
    options.url = QUrl(u"wss://%1:%2/"_s.arg(host).arg(relay.port()));
    options.tls.caFile = path(u"ca.pem"_s);
    options.tls.serverName = serverName;
    ClientConnection client(options);
    EventCollector events;
    events.follow(&client);
    QSignalSpy opened(&client, &Connection::opened);
    QSignalSpy closed(&client, &Connection::closed);
    client.open();
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !closed.isEmpty(), Timeout);

    QVERIFY(relay.sawClientHello);
    QCOMPARE(relay.serverName.has_value(), sniSent);
    if (sniSent)
        QCOMPARE(*relay.serverName, sni);
    if (error.isEmpty()) {
        QCOMPARE(opened.size(), 1);
        QVERIFY(client.tls()->verified);
        QCOMPARE(client.tls()->serverName, serverName.isEmpty() ? host : serverName);
    } else {
        QCOMPARE(opened.size(), 0);
        const QString expected = u"TLS certificate verification of %1:%2 failed: %3"_s.arg(host)
                                     .arg(relay.port())
                                     .arg(explained(error));
        QCOMPARE(client.errorString(), expected);
        QCOMPARE(tlsRecordOf(events)->serverName, serverName);
    }
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
