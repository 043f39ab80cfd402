// Interoperability with Qt WebSockets, an implementation of RFC 6455 written independently of ours, over
// real loopback sockets (127.0.0.1, ports chosen by the system).
//
// Both directions, both roles:
//  - Qt writes, we read: a QWebSocketServer (and a QWebSocket client) send messages, a ping and a close;
//    our side of the TCP connection is a raw socket that does the opening handshake by hand and feeds
//    every later byte to a StreamDecoder, which must see exactly the frames Qt wrote and no violation.
//  - We write, Qt reads: frames from FrameWriter go to a QWebSocketServer (client frames) and to a
//    QWebSocket client (server frames); Qt must report exactly the messages and the close we sent, and
//    answer pings with pongs that our parser reads back.
//  - Both fail the same frames: frames that break RFC 6455 make Qt close with the code our parser gives
//    the same bytes.
//
// Every wait is bounded (QTRY_* / QSignalSpy::wait, at most Timeout ms); no sleeps.

#include "app/protocol/closecode.h"
#include "app/protocol/framewriter.h"
#include "app/protocol/streamdecoder.h"
#include "tests/common/framerecorder.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QUrl>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

#include <memory>
#include <optional>
#include <set>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::FrameCopy;
using Frameline::Test::FrameRecorder;

namespace {

constexpr int Timeout = 5000; // ms; the bound on every wait in this file

// RFC 6455 §1.3: the example nonce and the Sec-WebSocket-Accept value it must produce.
const char SampleKey[] = "dGhlIHNhbXBsZSBub25jZQ==";
const char SampleAccept[] = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

QByteArray acceptFor(const QByteArray &key)
{
    // RFC 6455 §4.2.2: base64(SHA-1(key + the protocol's GUID)).
    const QByteArray keyAndGuid = key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    return QCryptographicHash::hash(keyAndGuid, QCryptographicHash::Sha1).toBase64();
}

QByteArray upgradeRequest(quint16 port)
{
    QByteArray request("GET /interop HTTP/1.1\r\n");
    request += "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    request += "Upgrade: websocket\r\nConnection: Upgrade\r\n";
    request += "Sec-WebSocket-Key: " + QByteArray(SampleKey) + "\r\n";
    request += "Sec-WebSocket-Version: 13\r\n\r\n";
    return request;
}

QByteArray upgradeResponse(const QByteArray &key)
{
    QByteArray response("HTTP/1.1 101 Switching Protocols\r\n");
    response += "Upgrade: websocket\r\nConnection: Upgrade\r\n";
    response += "Sec-WebSocket-Accept: " + acceptFor(key) + "\r\n\r\n";
    return response;
}

// The start line and header fields of an HTTP/1.1 message head (enough for the handshake checks here).
struct HttpHead
{
    QByteArray startLine;
    QList<std::pair<QByteArray, QByteArray>> fields;

    static HttpHead parse(const QByteArray &head)
    {
        HttpHead result;
        const QList<QByteArray> lines = head.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            if (i == 0) {
                result.startLine = line;
                continue;
            }
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                result.fields.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
        }
        return result;
    }
    // The first field of that name (names compare without regard to case, RFC 7230 §3.2).
    QByteArray field(QByteArrayView name) const
    {
        for (const auto &[fieldName, value] : fields) {
            if (fieldName.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return QByteArray();
    }
};

// Our end of a connection to a Qt peer, driven by hand: collects the peer's HTTP head, then feeds every
// byte after it to a StreamDecoder for what the peer (`remote`) sends.
class WireTap
{
public:
    WireTap(std::unique_ptr<QTcpSocket> socket, Endpoint remote)
        : decoder(decoderOptions(remote), recorder)
        , m_socket(std::move(socket))
    {
        m_connection = QObject::connect(
            m_socket.get(), &QIODevice::readyRead, m_socket.get(), [this] { onReadyRead(); });
        onReadyRead(); // bytes that arrived before we were listening
    }
    ~WireTap() { QObject::disconnect(m_connection); }
    WireTap(const WireTap &) = delete;
    WireTap &operator=(const WireTap &) = delete;

    QTcpSocket *socket() const { return m_socket.get(); }
    bool headReceived() const { return m_headComplete; }
    const QByteArray &head() const { return m_head; }
    // Bytes received after the HTTP head, all of them fed to the decoder.
    qint64 streamBytes() const { return m_streamBytes; }

    FrameRecorder recorder; // declared before the decoder, which holds a reference to it
    StreamDecoder decoder;

private:
    static StreamDecoder::Options decoderOptions(Endpoint remote)
    {
        StreamDecoder::Options options;
        options.sender = remote;
        return options;
    }

    void onReadyRead()
    {
        if (m_socket->bytesAvailable() <= 0)
            return;
        QByteArray bytes = m_socket->readAll();
        if (!m_headComplete) {
            m_head += bytes;
            const qsizetype end = m_head.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            bytes = m_head.mid(end + 4);
            m_head.truncate(end + 4);
            m_headComplete = true;
        }
        m_streamBytes += bytes.size();
        decoder.feed(bytes);
    }

    std::unique_ptr<QTcpSocket> m_socket;
    QMetaObject::Connection m_connection;
    QByteArray m_head;
    bool m_headComplete = false;
    qint64 m_streamBytes = 0;
};

// A QWebSocketServer and a raw TCP client that has done the opening handshake with it by hand.
// Members are destroyed in reverse order: Qt's socket, then our end, then the server.
struct QtServerSession
{
    QWebSocketServer server { u"frameline-interop"_s, QWebSocketServer::NonSecureMode };
    std::unique_ptr<WireTap> tap;
    std::unique_ptr<QWebSocket> qtSocket; // the server's side of the connection
};

// Listens, connects, sends the fixed request and checks Qt's 101 (QVERIFY: check currentTestFailed()).
void openQtServerSession(QtServerSession &session)
{
    QVERIFY(session.server.listen(QHostAddress::LocalHost, 0));
    QSignalSpy newConnection(&session.server, &QWebSocketServer::newConnection);
    session.tap = std::make_unique<WireTap>(std::make_unique<QTcpSocket>(), Endpoint::Server);
    QTcpSocket *socket = session.tap->socket();
    socket->connectToHost(QHostAddress::LocalHost, session.server.serverPort());
    QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::ConnectedState, Timeout);
    socket->write(upgradeRequest(session.server.serverPort()));

    QTRY_VERIFY_WITH_TIMEOUT(session.tap->headReceived(), Timeout);
    const HttpHead response = HttpHead::parse(session.tap->head());
    QVERIFY2(response.startLine.startsWith("HTTP/1.1 101"), response.startLine.constData());
    QCOMPARE(response.field("Sec-WebSocket-Accept"), QByteArray(SampleAccept));
    QCOMPARE(response.field("Upgrade").toLower(), QByteArray("websocket"));
    QVERIFY(response.field("Connection").toLower().contains("upgrade"));

    QTRY_COMPARE_WITH_TIMEOUT(newConnection.size(), qsizetype(1), Timeout);
    session.qtSocket.reset(session.server.nextPendingConnection());
    QVERIFY(session.qtSocket);
    QCOMPARE(session.qtSocket->state(), QAbstractSocket::ConnectedState);
}

// A raw QTcpServer that answers a QWebSocket client's opening handshake by hand.
// Members are destroyed in reverse order: our end, then Qt's client, then the listener.
struct QtClientSession
{
    QTcpServer listener;
    std::unique_ptr<QWebSocket> qtClient;
    std::unique_ptr<WireTap> tap;
};

// Lets a QWebSocket connect, checks its request and accepts it (QVERIFY: check currentTestFailed()).
void openQtClientSession(QtClientSession &session)
{
    QVERIFY(session.listener.listen(QHostAddress::LocalHost, 0));
    session.qtClient = std::make_unique<QWebSocket>();
    QSignalSpy connected(session.qtClient.get(), &QWebSocket::connected);
    session.qtClient->open(QUrl(u"ws://127.0.0.1:%1/interop"_s.arg(session.listener.serverPort())));

    QTRY_VERIFY_WITH_TIMEOUT(session.listener.hasPendingConnections(), Timeout);
    session.tap = std::make_unique<WireTap>(
        std::unique_ptr<QTcpSocket>(session.listener.nextPendingConnection()), Endpoint::Client);
    QTRY_VERIFY_WITH_TIMEOUT(session.tap->headReceived(), Timeout);
    const HttpHead request = HttpHead::parse(session.tap->head());
    QCOMPARE(request.startLine, QByteArray("GET /interop HTTP/1.1"));
    QCOMPARE(request.field("Upgrade").toLower(), QByteArray("websocket"));
    QVERIFY(request.field("Connection").toLower().contains("upgrade"));
    QCOMPARE(request.field("Sec-WebSocket-Version"), QByteArray("13"));
    const QByteArray key = request.field("Sec-WebSocket-Key");
    // RFC 6455 §4.1: the key is a random 16-byte value, base64-encoded.
    QCOMPARE(QByteArray::fromBase64(key).size(), qsizetype(16));

    session.tap->socket()->write(upgradeResponse(key));
    QVERIFY(connected.size() == 1 || connected.wait(Timeout));
    QCOMPARE(session.qtClient->state(), QAbstractSocket::ConnectedState);
}

// Binary payload in which every byte value occurs, with no period that lines up with a 4-byte key.
QByteArray binaryPayload(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    quint32 state = 0x9E3779B9u;
    for (qsizetype i = 0; i < size; ++i) {
        state = state * 1664525u + 1013904223u;
        out[i] = char(state >> 24);
    }
    return out;
}

// Valid UTF-8 of exactly `size` bytes mixing 1- to 4-byte characters, so that frame boundaries (Qt's
// every outgoingFrameSize() bytes, FrameWriter::fragments' equal parts) fall inside characters.
QByteArray textPayload(qsizetype size)
{
    const QByteArray unit("a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e"); // a, e-acute, euro sign, G clef: 10 bytes
    QByteArray out;
    out.reserve(size);
    while (out.size() + unit.size() <= size)
        out += unit;
    out += QByteArray(size - out.size(), 'x');
    return out;
}

constexpr quint8 Text = quint8(Opcode::Text);
constexpr quint8 Binary = quint8(Opcode::Binary);

// Rows shared by the tests where Qt or FrameWriter sends one whole message.
void addMessageRows()
{
    QTest::addColumn<quint8>("opcode");
    QTest::addColumn<QByteArray>("payload");

    QTest::newRow("text") << Text << QByteArray("Hello, Frameline \xe2\x9c\x93");
    QTest::newRow("text, empty") << Text << QByteArray();
    QTest::newRow("text, 126 bytes") << Text << textPayload(126);
    QTest::newRow("text, 65536 bytes") << Text << textPayload(65536);
    QTest::newRow("text, 1 MiB") << Text << textPayload(1024 * 1024);
    QTest::newRow("binary") << Binary << binaryPayload(256);
    QTest::newRow("binary, empty") << Binary << QByteArray();
    QTest::newRow("binary, 125 bytes") << Binary << binaryPayload(125);
    QTest::newRow("binary, 126 bytes") << Binary << binaryPayload(126);
    QTest::newRow("binary, 65535 bytes") << Binary << binaryPayload(65535);
    QTest::newRow("binary, 65536 bytes") << Binary << binaryPayload(65536);
    QTest::newRow("binary, 1 MiB") << Binary << binaryPayload(1024 * 1024);
}

// How Qt WebSockets cuts a message into frames: outgoingFrameSize() bytes each, and one empty frame for an
// empty message.
QList<QByteArray> qtFramePieces(const QByteArray &payload, quint64 frameSize)
{
    QList<QByteArray> pieces;
    for (qsizetype at = 0; at < payload.size(); at += qsizetype(frameSize))
        pieces.append(payload.mid(at, qsizetype(frameSize)));
    if (pieces.isEmpty())
        pieces.append(QByteArray());
    return pieces;
}

// RFC 6455 §5.2: the minimal length form for a payload length.
int minimalLengthForm(qsizetype length)
{
    return length < 126 ? 7 : length <= 0xFFFF ? 16 : 64;
}

quint32 keyOf(const Frame &frame)
{
    return quint32(frame.maskingKey[0]) << 24 | quint32(frame.maskingKey[1]) << 16
        | quint32(frame.maskingKey[2]) << 8 | quint32(frame.maskingKey[3]);
}

QString violationIds(const Frame &frame)
{
    QStringList ids;
    for (const Violation &v : frame.violations)
        ids.append(v.id());
    return ids.join(u", "_s);
}

// Checks that `frames` from `first` on are the data frames of one message of `opcode` cut into `pieces`,
// as `sender` must write them (QVERIFY: check currentTestFailed()).
void verifyDataFrames(const QList<FrameCopy> &frames, qsizetype first, quint8 opcode,
    const QList<QByteArray> &pieces, Endpoint sender)
{
    QVERIFY(frames.size() >= first + pieces.size());
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const Frame &frame = frames.at(first + i).frame;
        const QByteArray &piece = pieces.at(i);
        const bool last = i == pieces.size() - 1;
        QVERIFY2(frame.violations.isEmpty(), qPrintable(violationIds(frame)));
        QCOMPARE(frame.index, first + i);
        QCOMPARE(frame.fin, last);
        QVERIFY(!frame.rsv1 && !frame.rsv2 && !frame.rsv3);
        QCOMPARE(frame.opcode, i == 0 ? opcode : quint8(Opcode::Continuation));
        QCOMPARE(int(frame.position),
            int(pieces.size() == 1 ? FramePosition::Whole
                    : i == 0       ? FramePosition::First
                    : last         ? FramePosition::Last
                                   : FramePosition::Middle));
        QCOMPARE(frame.masked, sender == Endpoint::Client);
        if (sender == Endpoint::Client)
            QVERIFY2(
                keyOf(frame) != 0, "RFC 6455 §5.3: a masking key must be unpredictable; zero is a red flag");
        else
            QCOMPARE(keyOf(frame), 0u);
        QCOMPARE(frame.payloadLength, quint64(piece.size()));
        QCOMPARE(int(frame.lengthForm), minimalLengthForm(piece.size()));
        QCOMPARE(frame.headerLength, quint8(FrameWriter::headerLength(quint64(piece.size()), frame.masked)));
        QVERIFY(!frame.payloadOmitted);
        QCOMPARE(frames.at(first + i).payload, piece);
    }
}

void verifyCloseFrame(const FrameCopy &copy, Endpoint sender, quint16 code, const QString &reason)
{
    const Frame &frame = copy.frame;
    QVERIFY2(frame.violations.isEmpty(), qPrintable(violationIds(frame)));
    QCOMPARE(frame.opcode, quint8(Opcode::Close));
    QVERIFY(frame.fin);
    QCOMPARE(frame.masked, sender == Endpoint::Client);
    const ClosePayload close = ClosePayload::parse(copy.payload);
    QVERIFY(close.code.has_value());
    QCOMPARE(*close.code, code);
    QCOMPARE(QString::fromUtf8(close.reason), reason);
}

} // namespace

class tst_QtWebSocketsInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Qt writes, our decoder reads.
    void qtServerFramesDecode_data();
    void qtServerFramesDecode();
    void qtClientFramesDecode_data();
    void qtClientFramesDecode();
    // FrameWriter writes, Qt reads.
    void writerClientFramesToQtServer_data();
    void writerClientFramesToQtServer();
    void writerPingGetsQtPong_data();
    void writerPingGetsQtPong();
    void writerPingBetweenFragments();
    void writerServerFramesToQtClient_data();
    void writerServerFramesToQtClient();
    // Both sides fail the same broken frames.
    void brokenFrameClosesWithSameCode_data();
    void brokenFrameClosesWithSameCode();
    void textCutInsideCharacter_data();
    void textCutInsideCharacter();
};

void tst_QtWebSocketsInterop::qtServerFramesDecode_data()
{
    addMessageRows();
}

// A QWebSocketServer's message, ping and close, read by our decoder as server bytes.
void tst_QtWebSocketsInterop::qtServerFramesDecode()
{
    QFETCH(quint8, opcode);
    QFETCH(QByteArray, payload);

    QtServerSession session;
    openQtServerSession(session);
    if (QTest::currentTestFailed())
        return;

    const QByteArray pingPayload("ping from Qt \x00\xff", 15);
    if (opcode == Text)
        session.qtSocket->sendTextMessage(QString::fromUtf8(payload));
    else
        session.qtSocket->sendBinaryMessage(payload);
    session.qtSocket->ping(pingPayload);
    session.qtSocket->close(QWebSocketProtocol::CloseCodeGoingAway, u"server going away \u2713"_s);

    const QList<QByteArray> pieces = qtFramePieces(payload, session.qtSocket->outgoingFrameSize());
    const FrameRecorder &recorder = session.tap->recorder;
    QTRY_COMPARE_WITH_TIMEOUT(recorder.frames.size(), pieces.size() + 2, Timeout);

    verifyDataFrames(recorder.frames, 0, opcode, pieces, Endpoint::Server);
    if (QTest::currentTestFailed())
        return;

    const FrameCopy &ping = recorder.frames.at(pieces.size());
    QVERIFY(ping.frame.violations.isEmpty());
    QCOMPARE(ping.frame.opcode, quint8(Opcode::Ping));
    QVERIFY(ping.frame.fin);
    QVERIFY(!ping.frame.masked);
    QCOMPARE(int(ping.frame.position), int(FramePosition::Control));
    QCOMPARE(ping.payload, pingPayload);

    verifyCloseFrame(recorder.frames.at(pieces.size() + 1), Endpoint::Server, CloseCode::GoingAway,
        u"server going away \u2713"_s);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(recorder.messages.size(), qsizetype(1));
    const Message &message = recorder.messages.constFirst();
    QCOMPARE(message.opcode, opcode);
    QCOMPARE(message.payload, payload);
    QCOMPARE(message.frameIndexes.size(), pieces.size());
    QCOMPARE(message.wireLength, quint64(payload.size()));
    QVERIFY(message.violations.isEmpty());
    QVERIFY(!message.payloadTruncated);

    const StreamDecoder &decoder = session.tap->decoder;
    QCOMPARE(decoder.violationCount(), 0);
    QVERIFY(!decoder.hadFatalViolation());
    QCOMPARE(decoder.pendingBytes(), 0);
    QCOMPARE(decoder.bytesConsumed(), session.tap->streamBytes());
    QVERIFY(recorder.early.isEmpty());
}

void tst_QtWebSocketsInterop::qtClientFramesDecode_data()
{
    addMessageRows();
}

// A QWebSocket client's message, ping and close, read by our decoder as client bytes: every frame masked
// with its own non-zero key, and the payload unmasked exactly.
void tst_QtWebSocketsInterop::qtClientFramesDecode()
{
    QFETCH(quint8, opcode);
    QFETCH(QByteArray, payload);

    QtClientSession session;
    openQtClientSession(session);
    if (QTest::currentTestFailed())
        return;

    const QByteArray pingPayload("ping from a Qt client", 21);
    if (opcode == Text)
        session.qtClient->sendTextMessage(QString::fromUtf8(payload));
    else
        session.qtClient->sendBinaryMessage(payload);
    session.qtClient->ping(pingPayload);
    session.qtClient->close(QWebSocketProtocol::CloseCodeNormal, u"client done"_s);

    const QList<QByteArray> pieces = qtFramePieces(payload, session.qtClient->outgoingFrameSize());
    const FrameRecorder &recorder = session.tap->recorder;
    QTRY_COMPARE_WITH_TIMEOUT(recorder.frames.size(), pieces.size() + 2, Timeout);

    verifyDataFrames(recorder.frames, 0, opcode, pieces, Endpoint::Client);
    if (QTest::currentTestFailed())
        return;

    const FrameCopy &ping = recorder.frames.at(pieces.size());
    QVERIFY(ping.frame.violations.isEmpty());
    QCOMPARE(ping.frame.opcode, quint8(Opcode::Ping));
    QVERIFY(ping.frame.masked);
    QCOMPARE(ping.payload, pingPayload);

    verifyCloseFrame(
        recorder.frames.at(pieces.size() + 1), Endpoint::Client, CloseCode::Normal, u"client done"_s);
    if (QTest::currentTestFailed())
        return;

    // RFC 6455 §5.3: a fresh key for every frame. Distinct 32-bit keys for a handful of frames: a repeat
    // would be a one in a billion coincidence, or a broken generator.
    std::set<quint32> keys;
    for (const FrameCopy &copy : recorder.frames) {
        QVERIFY(copy.frame.masked);
        QVERIFY(keyOf(copy.frame) != 0);
        keys.insert(keyOf(copy.frame));
    }
    QCOMPARE(qsizetype(keys.size()), recorder.frames.size());

    QCOMPARE(recorder.messages.size(), qsizetype(1));
    QCOMPARE(recorder.messages.constFirst().opcode, opcode);
    QCOMPARE(recorder.messages.constFirst().payload, payload);
    QCOMPARE(session.tap->decoder.violationCount(), 0);
    QCOMPARE(session.tap->decoder.pendingBytes(), 0);
    QCOMPARE(session.tap->decoder.bytesConsumed(), session.tap->streamBytes());
}

namespace {
// Rows for FrameWriter -> Qt: whole messages of every size, and fragmented ones.
void addWriterRowsWithFragments()
{
    QTest::addColumn<quint8>("opcode");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("fragmentCount");

    const struct
    {
        const char *name;
        quint8 opcode;
        QByteArray payload;
        int fragmentCount;
    } rows[] = {
        { "text", Text, QByteArray("Hello, Qt \xe2\x9c\x93"), 1 },
        { "text, empty", Text, QByteArray(), 1 },
        { "binary", Binary, binaryPayload(256), 1 },
        { "binary, empty", Binary, QByteArray(), 1 },
        { "binary, 125 bytes", Binary, binaryPayload(125), 1 },
        { "binary, 126 bytes", Binary, binaryPayload(126), 1 },
        { "binary, 65535 bytes", Binary, binaryPayload(65535), 1 },
        { "binary, 65536 bytes", Binary, binaryPayload(65536), 1 },
        { "binary, 1 MiB", Binary, binaryPayload(1024 * 1024), 1 },
        { "text, 65536 bytes", Text, textPayload(65536), 1 },
        { "text, 1 MiB", Text, textPayload(1024 * 1024), 1 },
        // textPayload() repeats a 10-byte unit, so these equal parts end between characters; for cuts
        // inside a character see textCutInsideCharacter().
        { "text in 3 fragments", Text, textPayload(3000), 3 },
        { "text in 10 fragments", Text, textPayload(100000), 10 },
        { "binary in 3 fragments", Binary, binaryPayload(70000), 3 },
        { "binary in 10 fragments", Binary, binaryPayload(1024 * 1024), 10 },
        { "empty binary in 3 fragments", Binary, QByteArray(), 3 },
    };
    for (const auto &row : rows)
        QTest::newRow(row.name) << row.opcode << row.payload << row.fragmentCount;
}

QByteArray writeMessage(Endpoint sender, quint8 opcode, const QByteArray &payload, int fragmentCount)
{
    if (fragmentCount == 1)
        return opcode == Text ? FrameWriter::text(sender, payload) : FrameWriter::binary(sender, payload);
    QByteArray wire;
    const QList<QByteArray> frames = FrameWriter::fragments(sender, opcode, payload, fragmentCount);
    for (const QByteArray &frame : frames)
        wire += frame;
    return wire;
}

// Checks what a QWebSocket reported for one message (QVERIFY: check currentTestFailed()).
void verifyQtReceived(QSignalSpy &textSpy, QSignalSpy &binarySpy, quint8 opcode, const QByteArray &payload)
{
    QSignalSpy &expected = opcode == Text ? textSpy : binarySpy;
    QSignalSpy &other = opcode == Text ? binarySpy : textSpy;
    QTRY_COMPARE_WITH_TIMEOUT(expected.size(), qsizetype(1), Timeout);
    QCOMPARE(other.size(), qsizetype(0));
    if (opcode == Text) {
        const QString text = expected.at(0).at(0).toString();
        QCOMPARE(text.toUtf8(), payload);
    } else {
        QCOMPARE(expected.at(0).at(0).toByteArray(), payload);
    }
}
} // namespace

void tst_QtWebSocketsInterop::writerClientFramesToQtServer_data()
{
    addWriterRowsWithFragments();
}

// Client frames from FrameWriter, then FrameWriter::close(Client, 1000, "bye"), to a QWebSocketServer.
void tst_QtWebSocketsInterop::writerClientFramesToQtServer()
{
    QFETCH(quint8, opcode);
    QFETCH(QByteArray, payload);
    QFETCH(int, fragmentCount);

    QtServerSession session;
    openQtServerSession(session);
    if (QTest::currentTestFailed())
        return;
    QWebSocket *qtSocket = session.qtSocket.get();
    QSignalSpy textSpy(qtSocket, &QWebSocket::textMessageReceived);
    QSignalSpy binarySpy(qtSocket, &QWebSocket::binaryMessageReceived);
    QSignalSpy disconnected(qtSocket, &QWebSocket::disconnected);

    session.tap->socket()->write(writeMessage(Endpoint::Client, opcode, payload, fragmentCount));
    verifyQtReceived(textSpy, binarySpy, opcode, payload);
    if (QTest::currentTestFailed())
        return;

    session.tap->socket()->write(FrameWriter::close(Endpoint::Client, CloseCode::Normal, u"bye"_s));
    QVERIFY(disconnected.size() == 1 || disconnected.wait(Timeout));
    QCOMPARE(qtSocket->closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QCOMPARE(qtSocket->closeReason(), u"bye"_s);

    // RFC 6455 §5.5.1: Qt answers with a Close frame of its own, which must be a valid server frame.
    const FrameRecorder &recorder = session.tap->recorder;
    QTRY_COMPARE_WITH_TIMEOUT(recorder.frames.size(), qsizetype(1), Timeout);
    const FrameCopy &close = recorder.frames.constFirst();
    QVERIFY2(close.frame.violations.isEmpty(), qPrintable(violationIds(close.frame)));
    QCOMPARE(close.frame.opcode, quint8(Opcode::Close));
    QVERIFY(!close.frame.masked);
    const ClosePayload body = ClosePayload::parse(close.payload);
    QCOMPARE(body.code.value_or(0), CloseCode::Normal);
    QCOMPARE(textSpy.size() + binarySpy.size(), qsizetype(1));
}

void tst_QtWebSocketsInterop::writerPingGetsQtPong_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short") << QByteArray("are you there?");
    QTest::newRow("125 bytes, the most a control frame carries") << binaryPayload(125);
}

// RFC 6455 §5.5.3: a Pong carries the Ping's payload back. Qt answers our ping by itself.
void tst_QtWebSocketsInterop::writerPingGetsQtPong()
{
    QFETCH(QByteArray, payload);

    QtServerSession session;
    openQtServerSession(session);
    if (QTest::currentTestFailed())
        return;

    session.tap->socket()->write(FrameWriter::ping(Endpoint::Client, payload));
    const FrameRecorder &recorder = session.tap->recorder;
    QTRY_COMPARE_WITH_TIMEOUT(recorder.frames.size(), qsizetype(1), Timeout);
    const FrameCopy &pong = recorder.frames.constFirst();
    QVERIFY2(pong.frame.violations.isEmpty(), qPrintable(violationIds(pong.frame)));
    QCOMPARE(pong.frame.opcode, quint8(Opcode::Pong));
    QVERIFY(pong.frame.fin);
    QVERIFY(!pong.frame.masked);
    QCOMPARE(int(pong.frame.lengthForm), 7);
    QCOMPARE(pong.payload, payload);
    QCOMPARE(session.tap->decoder.bytesConsumed(), session.tap->streamBytes());
}

// RFC 6455 §5.4: control frames may be injected in the middle of a fragmented message.
void tst_QtWebSocketsInterop::writerPingBetweenFragments()
{
    QtServerSession session;
    openQtServerSession(session);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy textSpy(session.qtSocket.get(), &QWebSocket::textMessageReceived);
    QSignalSpy binarySpy(session.qtSocket.get(), &QWebSocket::binaryMessageReceived);

    const QByteArray payload = textPayload(3000);
    const QList<QByteArray> fragments = FrameWriter::fragments(Endpoint::Client, Text, payload, 3);
    QTcpSocket *socket = session.tap->socket();
    socket->write(fragments.at(0));
    socket->write(FrameWriter::ping(Endpoint::Client, "between fragments"));
    socket->write(fragments.at(1));
    socket->write(fragments.at(2));

    verifyQtReceived(textSpy, binarySpy, Text, payload);
    if (QTest::currentTestFailed())
        return;
    const FrameRecorder &recorder = session.tap->recorder;
    QTRY_COMPARE_WITH_TIMEOUT(recorder.frames.size(), qsizetype(1), Timeout);
    QCOMPARE(recorder.frames.constFirst().frame.opcode, quint8(Opcode::Pong));
    QCOMPARE(recorder.frames.constFirst().payload, QByteArray("between fragments"));
}

void tst_QtWebSocketsInterop::writerServerFramesToQtClient_data()
{
    addWriterRowsWithFragments();
}

// Server frames from FrameWriter to a QWebSocket client: a message, a ping (the client's pong is masked
// and decoded with our parser), then FrameWriter::close(Server, 1000, "bye").
void tst_QtWebSocketsInterop::writerServerFramesToQtClient()
{
    QFETCH(quint8, opcode);
    QFETCH(QByteArray, payload);
    QFETCH(int, fragmentCount);

    QtClientSession session;
    openQtClientSession(session);
    if (QTest::currentTestFailed())
        return;
    QWebSocket *qtClient = session.qtClient.get();
    QSignalSpy textSpy(qtClient, &QWebSocket::textMessageReceived);
    QSignalSpy binarySpy(qtClient, &QWebSocket::binaryMessageReceived);
    QSignalSpy disconnected(qtClient, &QWebSocket::disconnected);
    QTcpSocket *socket = session.tap->socket();

    socket->write(writeMessage(Endpoint::Server, opcode, payload, fragmentCount));
    verifyQtReceived(textSpy, binarySpy, opcode, payload);
    if (QTest::currentTestFailed())
        return;

    const FrameRecorder &recorder = session.tap->recorder;
    socket->write(FrameWriter::ping(Endpoint::Server, "server ping"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.frames.size(), qsizetype(1), Timeout);
    const FrameCopy &pong = recorder.frames.at(0);
    QVERIFY2(pong.frame.violations.isEmpty(), qPrintable(violationIds(pong.frame)));
    QCOMPARE(pong.frame.opcode, quint8(Opcode::Pong));
    QVERIFY(pong.frame.masked);
    QCOMPARE(pong.payload, QByteArray("server ping"));

    socket->write(FrameWriter::close(Endpoint::Server, CloseCode::Normal, u"bye"_s));
    // The client echoes the close (masked, as a client frame must be) ...
    QTRY_COMPARE_WITH_TIMEOUT(recorder.frames.size(), qsizetype(2), Timeout);
    verifyCloseFrame(recorder.frames.at(1), Endpoint::Client, CloseCode::Normal, u"bye"_s);
    if (QTest::currentTestFailed())
        return;
    // ... and RFC 6455 §7.1.1 has the server close the TCP connection first.
    socket->disconnectFromHost();
    QVERIFY(disconnected.size() == 1 || disconnected.wait(Timeout));
    QCOMPARE(qtClient->closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QCOMPARE(qtClient->closeReason(), u"bye"_s);
    QCOMPARE(textSpy.size() + binarySpy.size(), qsizetype(1));
    QCOMPARE(session.tap->decoder.violationCount(), 0);
}

namespace {
FrameSpec clientSpec(quint8 opcode, const QByteArray &payload, bool fin = true)
{
    return FrameSpec::valid(Endpoint::Client, opcode, payload, fin);
}

QByteArray encoded(const FrameSpec &spec)
{
    return FrameWriter::encode(spec);
}

// The first violation our decoder finds in `bytes` sent by `sender`, if any.
std::optional<Violation> firstViolation(QByteArrayView bytes, Endpoint sender)
{
    FrameRecorder recorder;
    StreamDecoder::Options options;
    options.sender = sender;
    StreamDecoder decoder(options, recorder);
    decoder.feed(bytes);
    for (const FrameCopy &copy : std::as_const(recorder.frames)) {
        if (!copy.frame.violations.isEmpty())
            return copy.frame.violations.constFirst();
    }
    return std::nullopt;
}
} // namespace

void tst_QtWebSocketsInterop::brokenFrameClosesWithSameCode_data()
{
    QTest::addColumn<Endpoint>("sender"); // who sends the broken bytes; Qt is the other side
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("violation"); // the ViolationKind our parser reports first
    QTest::addColumn<quint16>("closeCode");

    const Endpoint client = Endpoint::Client;
    const quint16 protocolError = CloseCode::ProtocolError;
    const quint16 invalidData = CloseCode::InvalidPayloadData;

    FrameSpec unmasked = clientSpec(Text, "not masked");
    unmasked.masking = FrameSpec::Masking::None;
    QTest::newRow("unmasked client frame (5.1)")
        << client << encoded(unmasked) << int(ViolationKind::UnmaskedClientFrame) << protocolError;

    FrameSpec rsv1 = clientSpec(Text, "compressed?");
    rsv1.rsv1 = true;
    QTest::newRow("RSV1 without an extension (5.2)")
        << client << encoded(rsv1) << int(ViolationKind::ReservedBitsSet) << protocolError;
    QTest::newRow("reserved opcode 0x3 (5.2)")
        << client << encoded(clientSpec(0x3, "x")) << int(ViolationKind::ReservedOpcode) << protocolError;
    QTest::newRow("ping with 126 bytes (5.5)")
        << client << encoded(clientSpec(quint8(Opcode::Ping), binaryPayload(126)))
        << int(ViolationKind::ControlFrameTooLong) << protocolError;
    QTest::newRow("fragmented ping (5.5)") << client << encoded(clientSpec(quint8(Opcode::Ping), "x", false))
                                           << int(ViolationKind::FragmentedControlFrame) << protocolError;
    QTest::newRow("continuation with nothing to continue (5.4)")
        << client << encoded(clientSpec(quint8(Opcode::Continuation), "x"))
        << int(ViolationKind::UnexpectedContinuation) << protocolError;
    QTest::newRow("new text frame inside a fragmented message (5.4)")
        << client << encoded(clientSpec(Text, "first", false)) + encoded(clientSpec(Text, "second"))
        << int(ViolationKind::ExpectedContinuation) << protocolError;

    FrameSpec topBit = clientSpec(Binary, QByteArray());
    topBit.lengthForm = LengthForm::Bits64;
    topBit.declaredLength = quint64(1) << 63;
    QTest::newRow("64-bit length with the top bit set (5.2)")
        << client << encoded(topBit) << int(ViolationKind::LengthTopBitSet) << protocolError;

    QTest::newRow("text that is not UTF-8 (8.1)") << client << encoded(clientSpec(Text, "caf\xc3\x28"))
                                                  << int(ViolationKind::InvalidUtf8) << invalidData;
    QTest::newRow("close with a 1-byte payload (5.5.1)")
        << client << encoded(clientSpec(quint8(Opcode::Close), QByteArray(1, '\x03')))
        << int(ViolationKind::ClosePayloadTooShort) << protocolError;
    QTest::newRow("close code 1005 on the wire (7.4.1)")
        << client << encoded(clientSpec(quint8(Opcode::Close), ClosePayload::encode(1005, "")))
        << int(ViolationKind::InvalidCloseCode) << protocolError;
    QTest::newRow("close reason that is not UTF-8 (5.5.1)")
        << client << encoded(clientSpec(quint8(Opcode::Close), ClosePayload::encode(1000, "\xff")))
        << int(ViolationKind::InvalidCloseReason) << invalidData;

    FrameSpec masked = FrameSpec::valid(Endpoint::Server, Text, "masked");
    masked.masking = FrameSpec::Masking::Chosen;
    masked.maskingKey = { 0x12, 0x34, 0x56, 0x78 };
    QTest::newRow("masked server frame (5.1)")
        << Endpoint::Server << encoded(masked) << int(ViolationKind::MaskedServerFrame) << protocolError;
}

// Bytes that break RFC 6455: our decoder flags them with a close code, and Qt, reading the same bytes,
// fails the connection with that code (read back from Qt's Close frame with our parser). Where Qt 6.4
// does not enforce a rule, the row is an expected failure that says what Qt does instead.
void tst_QtWebSocketsInterop::brokenFrameClosesWithSameCode()
{
    QFETCH(Endpoint, sender);
    QFETCH(QByteArray, bytes);
    QFETCH(int, violation);
    QFETCH(quint16, closeCode);

    const std::optional<Violation> ours = firstViolation(bytes, sender);
    QVERIFY2(ours.has_value(), "our decoder accepts the bytes");
    QCOMPARE(int(ours->kind), violation);
    QCOMPARE(ours->closeCode, closeCode);
    QVERIFY(ours->fatal);

    QtServerSession serverSession;
    QtClientSession clientSession;
    QWebSocket *qtSocket = nullptr;
    WireTap *tap = nullptr;
    if (sender == Endpoint::Client) {
        openQtServerSession(serverSession);
        qtSocket = serverSession.qtSocket.get();
        tap = serverSession.tap.get();
    } else {
        openQtClientSession(clientSession);
        qtSocket = clientSession.qtClient.get();
        tap = clientSession.tap.get();
    }
    if (QTest::currentTestFailed())
        return;
    QSignalSpy textSpy(qtSocket, &QWebSocket::textMessageReceived);
    QSignalSpy binarySpy(qtSocket, &QWebSocket::binaryMessageReceived);
    tap->socket()->write(bytes);

    // Qt either fails the connection (its Close frame reaches us) or takes the bytes as a message.
    const FrameRecorder &recorder = tap->recorder;
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.frames.isEmpty() || textSpy.size() + binarySpy.size() > 0, Timeout);

    QEXPECT_FAIL("unmasked client frame (5.1)",
        "Qt WebSockets 6.4 does not check the MASK bit of client frames: it delivers the frame as a "
        "text message and keeps the connection open (RFC 6455 §5.1 says the server MUST close it)",
        Abort);
    QEXPECT_FAIL("masked server frame (5.1)",
        "Qt WebSockets 6.4 does not check the MASK bit of server frames: it unmasks the frame and "
        "delivers it as a message (RFC 6455 §5.1 says the client MUST close the connection)",
        Abort);
    QVERIFY2(!recorder.frames.isEmpty(), "Qt accepted the bytes as a message and did not close");
    const FrameCopy &close = recorder.frames.constFirst();
    QVERIFY2(close.frame.violations.isEmpty(), qPrintable(violationIds(close.frame)));
    QCOMPARE(close.frame.opcode, quint8(Opcode::Close));
    QCOMPARE(close.frame.masked, sender == Endpoint::Server);
    const ClosePayload body = ClosePayload::parse(close.payload);
    QVERIFY(body.code.has_value());
    QCOMPARE(*body.code, closeCode);
    QCOMPARE(textSpy.size() + binarySpy.size(), qsizetype(0));
}

void tst_QtWebSocketsInterop::textCutInsideCharacter_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("fragmentCount");
    // textPayload() repeats a 10-byte unit: 'a' at offset 0, U+00E9 at 1-2, U+20AC at 3-5, U+1D11E at 6-9.
    QTest::newRow("4-byte fragments, cut inside U+20AC and U+1D11E") << textPayload(12) << 3;
    QTest::newRow("334-byte fragments, cut inside U+20AC and U+1D11E") << textPayload(1001) << 3;
    QTest::newRow("10 fragments, cut inside U+00E9") << textPayload(100003) << 10;
}

// RFC 6455 §5.6: "a particular text frame might include a partial UTF-8 sequence; however, the whole
// message MUST contain valid UTF-8". FrameWriter::fragments cuts in equal parts, wherever they fall.
void tst_QtWebSocketsInterop::textCutInsideCharacter()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, fragmentCount);

    const QList<QByteArray> frames = FrameWriter::fragments(Endpoint::Client, Text, payload, fragmentCount);
    QByteArray wire;
    for (const QByteArray &frame : frames)
        wire += frame;

    // Our decoder: one valid text message.
    FrameRecorder ours;
    StreamDecoder::Options options;
    options.sender = Endpoint::Client;
    StreamDecoder decoder(options, ours);
    decoder.feed(wire);
    QCOMPARE(decoder.violationCount(), 0);
    QCOMPARE(ours.messages.size(), qsizetype(1));
    QCOMPARE(ours.messages.constFirst().payload, payload);

    // Qt: the same bytes.
    QtServerSession session;
    openQtServerSession(session);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy textSpy(session.qtSocket.get(), &QWebSocket::textMessageReceived);
    session.tap->socket()->write(wire);
    const FrameRecorder &recorder = session.tap->recorder;
    QTRY_VERIFY_WITH_TIMEOUT(textSpy.size() > 0 || !recorder.frames.isEmpty(), Timeout);
    QEXPECT_FAIL("",
        "Qt WebSockets 6.4 checks UTF-8 frame by frame and fails the connection with 1007 when a "
        "text frame ends inside a character (its own writer cuts text every outgoingFrameSize() "
        "bytes without regard to characters, see qtServerFramesDecode(text, 1 MiB))",
        Abort);
    QCOMPARE(textSpy.size(), qsizetype(1));
    QCOMPARE(textSpy.at(0).at(0).toString().toUtf8(), payload);
}

QTEST_GUILESS_MAIN(tst_QtWebSocketsInterop)
#include "tst_qtwebsocketsinterop.moc"
