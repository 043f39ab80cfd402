// Connection-level interoperability of our ClientConnection and Server with WebSocket implementations written
// independently of ours, over real loopback sockets (127.0.0.1, ports chosen by the system):
//  - Qt WebSockets, in this process: a QWebSocketServer our client dials, a QWebSocket that dials our server;
//  - node `ws` (Debian node-ws) and python3 `websockets` (Debian python3-websockets), as child processes
//    running the scripted peers in tests/interop/peers/, which print what they saw as JSON lines.
//
// Both roles, every peer: text and binary messages of 0, 125, 126, 65535, 65536 bytes and 16 MiB, byte-exact
// both ways; fragmented messages (ours and the peer's); pings both ways; permessage-deflate with and without
// context takeover (Qt WebSockets has no permessage-deflate: there the offer must be declined); wss with a
// test CA made at test time; and every close path: we close (with and without a code), the peer closes
// (with and without a code), the peer drops the TCP connection.
//
// Every wait is bounded (QSignalSpy::wait, QTRY_*_WITH_TIMEOUT, QTest::qWaitFor, which also stop early when a
// connection or a peer process ends); child processes are killed in cleanup(). A missing peer program fails
// its rows with the Debian package to install; it never skips them.

#include "app/net/clientconnection.h"
#include "app/net/server.h"
#include "tests/common/eventcollector.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslKey>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Frameline;
using namespace Qt::StringLiterals;
using Frameline::Test::EventCollector;

namespace {

constexpr int Timeout = 60000; // ms; waits that move 16 MiB messages (TLS, deflate, a busy machine)
constexpr int ShortTimeout = 10000; // ms; every other wait

const QString NodeProgram = u"/usr/bin/node"_s;
const QString PythonProgram = u"/usr/bin/python3"_s; // the distribution's, which sees python3-websockets
const QString NodeModules = u"/usr/share/nodejs"_s; // where node-ws puts the ws module

constexpr quint8 Text = 0x1;
constexpr quint8 Binary = 0x2;

enum class Peer : quint8 { Qt, Node, Python };
enum class Transport : quint8 { Plain, Deflate, DeflateNoContextTakeover, Tls };
enum class ClosePath : quint8 {
    LocalWithCode,
    LocalWithoutCode,
    PeerWithCode,
    PeerWithoutCode,
    PeerDropsTcp
};

QString peerName(Peer peer)
{
    switch (peer) {
    case Peer::Qt:
        return u"qt"_s;
    case Peer::Node:
        return u"node"_s;
    case Peer::Python:
        return u"python"_s;
    }
    return {};
}

bool usesDeflate(Transport transport)
{
    return transport == Transport::Deflate || transport == Transport::DeflateNoContextTakeover;
}

// ---- the messages both sides send ----------------------------------------------------------------------

struct PlannedMessage
{
    quint8 opcode = Text;
    QByteArray payload;
    int fragments = 1; // frames the sender splits it into
};

QByteArray repeatedTo(const QByteArray &period, qsizetype size)
{
    QByteArray bytes;
    bytes.reserve(size);
    while (bytes.size() < size)
        bytes.append(period.first(qMin(period.size(), size - bytes.size())));
    return bytes;
}

quint32 nextRandom(quint32 &state)
{
    // xorshift32: the same bytes on every run.
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

// Letters with a period of 5000 bytes: compressible with a 32 KiB window, not with the 4 KiB one python
// websockets negotiates, so a compressor using a wider window than agreed makes the peer's inflate fail.
QByteArray textOf(qsizetype size, quint32 seed)
{
    static constexpr char Letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    quint32 state = seed * 2654435761u | 1u;
    QByteArray period(5000, Qt::Uninitialized);
    for (char &letter : period)
        letter = Letters[nextRandom(state) % 52];
    return repeatedTo(period, size);
}

QByteArray binaryOf(qsizetype size, quint32 seed)
{
    quint32 state = seed * 2654435761u | 1u;
    QByteArray period(6007, Qt::Uninitialized);
    for (char &byte : period)
        byte = char(nextRandom(state) >> 24);
    return repeatedTo(period, size);
}

const QByteArray CompressibleText = QByteArray("compress me please ").repeated(1000);
const QByteArray ContextProbe = textOf(1000, 99);
const QByteArray PeerFragmentedText = "fragmented by the peer: h\xc3\xa9llo \xe2\x9c\x93";
const QByteArray PeerPingPayload = "peer-ping";
const QByteArray InterleavedPingPayload = "interleaved-ping";
// RFC 6455 §5.5: 125 bytes, the most a control frame carries.
const QByteArray OurPingPayload = QByteArray("frameline-ping ").leftJustified(125, '.');
// Close reasons in UTF-8; ours as long as a Close frame allows (125 - 2 bytes of code), and echoed back.
const QString OurCloseReason
    = QString::fromUtf8(QByteArray("frameline closes \xe2\x9c\x93 ").leftJustified(123, '.'));
const QString PeerCloseReason = QString::fromUtf8("peer closes \xe2\x9c\x93");
const QString PeerClientCloseReason = QString::fromUtf8("peer client closes \xe2\x9c\x93");
const QString OurServerCloseReason = QString::fromUtf8("frameline server closes \xe2\x9c\x93");
const QByteArray ServerFragmentedText = "fragmented by our server: \xe2\x9c\x93 \xe2\x9c\x93 \xe2\x9c\x93";
const QByteArray ServerFragmentedBinary = binaryOf(300000, 7);

// The messages our client sends, and the Qt client peer too (the node and python peers send the same
// kinds of message, generated their own way, and report hashes of what they sent).
//
// RFC 6455 §5.6 lets a text frame end inside a UTF-8 sequence (only the whole message must be valid), and
// the fragmented text message is cut that way, except for Qt WebSockets as the receiver: Qt 6.4 validates
// each frame on its own and fails such a message with 1007 "Invalid UTF-8 code encountered."
QList<PlannedMessage> messagePlan(bool cutInsideCodePoint = true)
{
    QList<PlannedMessage> plan;
    for (const qsizetype size : { 0, 125, 126, 65535, 65536, 16 * 1024 * 1024 }) {
        plan.append({ Text, textOf(size, quint32(size)), 1 });
        plan.append({ Binary, binaryOf(size, quint32(size) + 1), 1 });
    }
    plan.append({ Text, "h\xc3\xa9llo w\xc3\xb6rld \xe2\x9c\x93 \xf0\x9f\x8c\x8d", 1 });
    plan.append({ Text, CompressibleText, 1 });
    // The same message twice: with context takeover the second compresses to almost nothing.
    plan.append({ Text, ContextProbe, 1 });
    plan.append({ Text, ContextProbe, 1 });
    // Cut inside: 18 bytes in three frames of 6, the second cut inside U+2713 (bytes 11 to 13). Otherwise: 19
    // bytes in frames of 7, 6 and 6, cut at 7 and 13, with U+2713 at bytes 16 to 18.
    if (cutInsideCodePoint)
        plan.append({ Text, "fragmented \xe2\x9c\x93 \xe2\x9c\x93", 3 });
    else
        plan.append({ Text, "fragmented text \xe2\x9c\x93", 3 });
    QByteArray binary = QByteArray::fromHex("000102");
    for (int i = 0; i < 1024; ++i)
        binary.append(char(i));
    binary.append('\xff');
    plan.append({ Binary, binary, 3 });
    return plan;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QJsonObject describe(quint8 opcode, const QByteArray &payload)
{
    return QJsonObject { { u"type"_s, opcode == Binary ? u"binary"_s : u"text"_s },
        { u"length"_s, payload.size() }, { u"sha256"_s, sha256(payload) } };
}

QJsonObject makeEvent(const QString &name, QJsonObject members = {})
{
    members.insert(u"event"_s, name);
    return members;
}

// ---- what a peer reports ---------------------------------------------------------------------------------

// What a peer saw, one JSON object per event ("listening", "open", "message", "pong", "close", "result") in
// order: the node and python peers print them on stdout, the Qt peers below append them directly.
class PeerLog
{
public:
    void append(const QJsonObject &event) { m_events.append(event); }
    void clear() { m_events.clear(); }
    QList<QJsonObject> all(const QString &name) const
    {
        QList<QJsonObject> result;
        for (const QJsonObject &event : m_events) {
            if (event.value(u"event"_s).toString() == name)
                result.append(event);
        }
        return result;
    }
    std::optional<QJsonObject> first(const QString &name) const
    {
        const QList<QJsonObject> events = all(name);
        return events.isEmpty() ? std::nullopt : std::optional<QJsonObject>(events.constFirst());
    }
    QString dump() const
    {
        QString text;
        for (const QJsonObject &event : m_events)
            text += QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)).left(300) + u'\n';
        return text;
    }

private:
    QList<QJsonObject> m_events;
};

// A node or python peer running as a child process; its stdout lines go to a PeerLog.
class PeerProcess
{
public:
    explicit PeerProcess(PeerLog *log)
        : m_log(log)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QString nodePath = environment.value(u"NODE_PATH"_s);
        environment.insert(u"NODE_PATH"_s, nodePath.isEmpty() ? NodeModules : NodeModules + u':' + nodePath);
        // The distribution's python with its own modules only, whatever a pyenv or virtualenv set up.
        environment.remove(u"PYTHONPATH"_s);
        environment.remove(u"PYTHONHOME"_s);
        environment.insert(u"PYTHONNOUSERSITE"_s, u"1"_s);
        environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
        m_process.setProcessEnvironment(environment);
        QObject::connect(
            &m_process, &QProcess::readyReadStandardOutput, &m_process, [this] { onReadyRead(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
            [this] { m_stderr += m_process.readAllStandardError(); });
    }
    ~PeerProcess() { stop(); }

    void start(const QString &program, const QStringList &arguments)
    {
        m_commandLine = program + u' ' + arguments.join(u' ');
        m_process.start(program, arguments);
    }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(ShortTimeout);
        }
    }
    QString diagnostics() const
    {
        return u"%1\n  state %2, exit code %3, error: %4\n  stderr: %5\n  unparsed stdout: %6"_s
            .arg(m_commandLine)
            .arg(int(m_process.state()))
            .arg(m_process.exitCode())
            .arg(m_process.errorString(), QString::fromUtf8(m_stderr.right(4000)),
                QString::fromUtf8(m_unparsed.left(1000)));
    }

private:
    void onReadyRead()
    {
        m_pending += m_process.readAllStandardOutput();
        qsizetype end = 0;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            const QByteArray line = m_pending.first(end);
            m_pending.remove(0, end + 1);
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            if (document.isObject())
                m_log->append(document.object());
            else
                m_unparsed += line + '\n';
        }
    }

    PeerLog *m_log;
    QProcess m_process;
    QString m_commandLine;
    QByteArray m_pending;
    QByteArray m_stderr;
    QByteArray m_unparsed;
};

// A QWebSocketServer that behaves like the scripted peers' server mode (see tests/interop/peers/).
class QtPeerServer : public QObject
{
public:
    QtPeerServer(PeerLog *log, const std::optional<QSslConfiguration> &tls)
        : m_log(log)
        , m_server(u"Frameline interop peer"_s,
              tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode)
    {
        if (tls)
            m_server.setSslConfiguration(*tls);
        connect(&m_server, &QWebSocketServer::newConnection, this, &QtPeerServer::onNewConnection);
    }

    bool listen(QString *error)
    {
        if (m_server.listen(QHostAddress::LocalHost, 0))
            return true;
        *error = m_server.errorString();
        return false;
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    void onNewConnection()
    {
        QWebSocket *socket = m_server.nextPendingConnection();
        if (!socket || m_socket) {
            delete socket;
            return;
        }
        m_socket = socket;
        socket->setParent(this);
        m_log->append(makeEvent(u"open"_s, { { u"extensions"_s, QString() } }));
        connect(socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &message) { onMessage(Text, message.toUtf8()); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &message) { onMessage(Binary, message); });
        connect(socket, &QWebSocket::pong, this, [this](quint64, const QByteArray &payload) {
            m_log->append(makeEvent(u"pong"_s, { { u"payload"_s, QString::fromUtf8(payload) } }));
        });
        connect(socket, &QWebSocket::disconnected, this, [this] {
            m_log->append(makeEvent(u"close"_s,
                { { u"code"_s, int(m_socket->closeCode()) }, { u"reason"_s, m_socket->closeReason() } }));
        });
    }

    void onMessage(quint8 opcode, const QByteArray &payload)
    {
        m_log->append(makeEvent(u"message"_s, describe(opcode, payload)));
        const QByteArray command = opcode == Text ? payload : QByteArray();
        if (command.startsWith("close:")) {
            const QList<QByteArray> parts = command.split(':');
            m_socket->close(QWebSocketProtocol::CloseCode(parts.value(1).toInt()),
                QString::fromUtf8(command.mid(parts.value(0).size() + parts.value(1).size() + 2)));
        } else if (command == "drop") {
            m_socket->abort();
        } else if (command.startsWith("ping:")) {
            m_socket->ping(command.mid(5));
        } else if (command.startsWith("fragment:")) {
            // Qt WebSockets fragments every message longer than its outgoing frame size.
            const qsizetype colon = command.indexOf(':', 9);
            const int count = command.mid(9, colon - 9).toInt();
            const QByteArray text = command.mid(colon + 1);
            const quint64 frameSize = m_socket->outgoingFrameSize();
            m_socket->setOutgoingFrameSize(quint64(text.size() + count - 1) / quint64(count));
            m_socket->sendTextMessage(QString::fromUtf8(text));
            m_socket->setOutgoingFrameSize(frameSize);
        } else if (opcode == Text) {
            m_socket->sendTextMessage(QString::fromUtf8(payload));
        } else {
            m_socket->sendBinaryMessage(payload);
        }
    }

    PeerLog *m_log;
    QWebSocketServer m_server;
    QWebSocket *m_socket = nullptr;
};

// A QWebSocket that behaves like the scripted peers' client mode (see tests/interop/peers/): sends the
// message plan one message at a time, checks every echo, pings, closes as told and logs a "result" event.
class QtPeerClient : public QObject
{
public:
    QtPeerClient(
        PeerLog *log, const QString &closeMode, bool quick, const std::optional<QSslConfiguration> &tls)
        : m_log(log)
        , m_closeMode(closeMode)
        , m_quick(quick)
        , m_plan(quick ? QList<PlannedMessage> { { Text, "hello", 1 } } : messagePlan())
    {
        if (tls)
            m_socket.setSslConfiguration(*tls);
        connect(&m_socket, &QWebSocket::connected, this, &QtPeerClient::sendNext);
        connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &message) { onMessage(Text, message.toUtf8()); });
        connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &message) { onMessage(Binary, message); });
        connect(&m_socket, &QWebSocket::pong, this, [this](quint64, const QByteArray &payload) {
            if (payload == PeerPingPayload && !m_pong) {
                m_pong = true;
                startClosing();
            }
        });
        connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &error : errors)
                m_errors.append(u"TLS: "_s + error.errorString());
        });
        connect(&m_socket, &QWebSocket::disconnected, this, &QtPeerClient::finish);
    }

    void open(const QUrl &url) { m_socket.open(url); }

private:
    void sendNext()
    {
        if (m_next >= m_plan.size()) {
            if (m_quick)
                startClosing();
            else
                m_socket.ping(PeerPingPayload);
            return;
        }
        const PlannedMessage &message = m_plan.at(m_next);
        const quint64 frameSize = m_socket.outgoingFrameSize();
        if (message.fragments > 1)
            m_socket.setOutgoingFrameSize(
                quint64(message.payload.size() + message.fragments - 1) / quint64(message.fragments));
        if (message.opcode == Text)
            m_socket.sendTextMessage(QString::fromUtf8(message.payload));
        else
            m_socket.sendBinaryMessage(message.payload);
        m_socket.setOutgoingFrameSize(frameSize);
        m_sent.append(describe(message.opcode, message.payload));
    }

    void onMessage(quint8 opcode, const QByteArray &payload)
    {
        if (m_waitingForClose) {
            if (m_received.isEmpty() && payload == "done")
                ++m_echoes;
            m_received.append(describe(opcode, payload));
            return;
        }
        if (m_next >= m_plan.size()) {
            m_errors.append(u"unexpected message %1"_s.arg(QString::fromUtf8(payload.left(100))));
            return;
        }
        const PlannedMessage &expected = m_plan.at(m_next);
        if (opcode != expected.opcode || payload != expected.payload) {
            m_errors.append(u"echo of message %1 differs: sent %2 bytes, got %3"_s.arg(m_next)
                                .arg(expected.payload.size())
                                .arg(payload.size()));
        } else {
            ++m_echoes;
        }
        ++m_next;
        sendNext();
    }

    void startClosing()
    {
        if (m_closeMode.startsWith(u"client:"_s)) {
            const QStringList parts = m_closeMode.split(u':');
            m_socket.close(
                QWebSocketProtocol::CloseCode(parts.value(1).toInt()), m_closeMode.section(u':', 2));
        } else if (m_closeMode == u"drop"_s) {
            m_socket.abort();
        } else if (m_closeMode == u"server"_s) {
            m_waitingForClose = true;
            m_socket.sendTextMessage(u"done"_s);
            m_sent.append(describe(Text, "done"));
        } else {
            m_errors.append(u"Qt WebSockets cannot close as '%1'"_s.arg(m_closeMode));
            m_socket.abort();
        }
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        QJsonArray errors;
        for (const QString &error : std::as_const(m_errors))
            errors.append(error);
        const QJsonObject close { { u"code"_s, int(m_socket.closeCode()) },
            { u"reason"_s, m_socket.closeReason() } };
        m_log->append(makeEvent(u"result"_s,
            { { u"ok"_s, m_errors.isEmpty() }, { u"errors"_s, errors }, { u"sent"_s, m_sent },
                { u"received"_s, m_received }, { u"echoes"_s, m_echoes }, { u"pong"_s, m_pong },
                { u"extensions"_s, QString() }, { u"close"_s, close } }));
    }

    PeerLog *m_log;
    QString m_closeMode;
    bool m_quick;
    QList<PlannedMessage> m_plan;
    QWebSocket m_socket;
    qsizetype m_next = 0;
    QJsonArray m_sent;
    QJsonArray m_received;
    int m_echoes = 0;
    bool m_pong = false;
    bool m_waitingForClose = false;
    bool m_finished = false;
    QStringList m_errors;
};

// ---- checks on our side
// ------------------------------------------------------------------------------------

// The permessage-deflate parameters each pairing must agree on, from where our side stands.
std::optional<DeflateParameters> expectedDeflate(Peer peer, Transport transport, Connection::Role ourRole)
{
    if (peer == Peer::Qt || !usesDeflate(transport))
        return std::nullopt; // Qt WebSockets implements no extension: it declines our offer, makes none
    DeflateParameters parameters;
    parameters.serverNoContextTakeover = parameters.clientNoContextTakeover
        = transport == Transport::DeflateNoContextTakeover;
    if (ourRole == Connection::Role::Client && peer == Peer::Python) {
        // python websockets' server asks for 4 KiB windows both ways (we offer client_max_window_bits).
        parameters.serverMaxWindowBits = 12;
        parameters.clientMaxWindowBits = 12;
    }
    return parameters;
}

QList<FrameEvent> framesOf(const EventCollector &events, Direction direction, quint8 opcode)
{
    QList<FrameEvent> result;
    for (const FrameEvent &frame : events.frames(direction)) {
        if (frame.frame.opcode == opcode)
            result.append(frame);
    }
    return result;
}

std::optional<FrameEvent> frameAt(const EventCollector &events, Direction direction, qint64 index)
{
    for (const FrameEvent &frame : events.frames(direction)) {
        if (frame.frame.index == index)
            return frame;
    }
    return std::nullopt;
}

// Where the two context-takeover probes are among these messages: the same 1000 bytes twice in a row (each
// peer makes its own).
qsizetype probeIndex(const QList<MessageEvent> &messages)
{
    for (qsizetype i = 0; i + 1 < messages.size(); ++i) {
        const QByteArray &payload = messages.at(i).message.payload;
        if (payload.size() == ContextProbe.size() && messages.at(i + 1).message.payload == payload)
            return i;
    }
    return -1;
}

qsizetype indexOfPayload(const QList<MessageEvent> &messages, const QByteArray &payload)
{
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (messages.at(i).message.payload == payload)
            return i;
    }
    return -1;
}

// The pings a peer sends us: node also pings between the first two frames of its fragmented text message.
QList<QByteArray> pingsOf(Peer peer)
{
    if (peer == Peer::Node)
        return { InterleavedPingPayload, PeerPingPayload };
    return { PeerPingPayload };
}

// Every ping the peer sent was answered at once, automatically, with its payload (RFC 6455 §5.5.2-§5.5.3),
// the interleaved one too while the fragmented message was still arriving (§5.4).
void checkPeerPings(const EventCollector &events, Peer peer, const Message &fragmentedText)
{
    const QList<FrameEvent> pings = framesOf(events, Direction::Incoming, 0x9);
    const QList<FrameEvent> pongs = framesOf(events, Direction::Outgoing, 0xA);
    const QList<QByteArray> expected = pingsOf(peer);
    QCOMPARE(pings.size(), expected.size());
    QCOMPARE(pongs.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(pings.at(i).payload, expected.at(i));
        QCOMPARE(pongs.at(i).payload, expected.at(i));
        QCOMPARE(pongs.at(i).origin, FrameOrigin::Automatic);
    }
    if (peer == Peer::Node) {
        QCOMPARE(fragmentedText.opcode, Text);
        QVERIFY(pings.constFirst().frame.index > fragmentedText.frameIndexes.first());
        QVERIFY(pings.constFirst().frame.index < fragmentedText.frameIndexes.last());
        QCOMPARE(pings.constFirst().frame.position, FramePosition::Control);
    }
}

// A message the peer sent in three pieces: the first frame carries the opcode, continuations follow, FIN on
// the last only. python websockets sends an iterable as one frame per item and then an empty final
// continuation frame, so from it there are four.
void checkFragmented(const EventCollector &events, const Message &message, Peer peer)
{
    const qsizetype count = peer == Peer::Python ? 4 : 3;
    QCOMPARE(message.frameIndexes.size(), count);
    for (qsizetype i = 0; i < count; ++i) {
        const auto frame = frameAt(events, Direction::Incoming, message.frameIndexes.at(i));
        QVERIFY(frame);
        QCOMPARE(frame->frame.opcode, i == 0 ? message.opcode : quint8(0));
        QCOMPARE(frame->frame.fin, i == count - 1);
        QCOMPARE(
            frame->frame.rsv1, i == 0 && message.compressed); // RFC 7692 §6: RSV1 on the first frame only
        if (peer == Peer::Python && i == count - 1 && !message.compressed)
            QCOMPARE(frame->payload, QByteArray());
    }
}

} // namespace

Q_DECLARE_METATYPE(Peer)
Q_DECLARE_METATYPE(Transport)
Q_DECLARE_METATYPE(ClosePath)

class tst_PeerInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void ourClientMessages_data();
    void ourClientMessages();
    void ourClientClose_data();
    void ourClientClose();
    void ourServerMessages_data();
    void ourServerMessages();
    void ourServerClose_data();
    void ourServerClose();

private:
    QString problemWith(Peer peer, Transport transport) const;
    bool makeTestCertificates(QString *error);
    std::optional<QSslConfiguration> peerServerTls(Transport transport) const;
    std::optional<QSslConfiguration> peerClientTls(Transport transport) const;
    bool startPeerServer(Peer peer, Transport transport, QUrl *url, QString *error);
    void startPeerClient(
        Peer peer, Transport transport, const QString &url, const QString &closeMode, bool quick);
    bool waitForResult(int timeout);
    ClientConnection::Options ourClientOptions(const QUrl &url, Transport transport) const;
    Server::Options ourServerOptions(Transport transport) const;
    static void checkEndedWithoutTrouble(const EventCollector &events, bool errorsExpected = false);
    static void checkDeflateInUse(
        const EventCollector &events, const std::optional<DeflateParameters> &deflate);
    static void addMessageRows(bool ourClient);
    static void addCloseRows();

    QString m_nodeScript;
    QString m_pythonScript;
    QString m_nodeProblem;
    QString m_pythonProblem;
    QString m_tlsProblem;
    QTemporaryDir m_tlsFolder;
    QString m_caFile;
    QString m_certificateFile;
    QString m_keyFile;

    PeerLog m_peerLog;
    std::unique_ptr<PeerProcess> m_process;
    std::unique_ptr<QtPeerServer> m_qtServer;
    std::unique_ptr<QtPeerClient> m_qtClient;
};

// ---- set-up
// ------------------------------------------------------------------------------------------------

namespace {
// Runs a short command to completion; false and *error (with its output) if it could not.
bool run(const QString &program, const QStringList &arguments, const QString &folder, QString *error,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setWorkingDirectory(folder);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(ShortTimeout) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = u"'%1 %2' failed (%3): %4"_s.arg(program, arguments.join(u' '), process.errorString(),
            QString::fromUtf8(process.readAll().left(2000)));
        process.kill();
        process.waitForFinished(ShortTimeout);
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}
} // namespace

void tst_PeerInterop::initTestCase()
{
    m_nodeScript = QFINDTESTDATA("peers/ws_peer.js");
    m_pythonScript = QFINDTESTDATA("peers/websockets_peer.py");
    QVERIFY2(!m_nodeScript.isEmpty() && !m_pythonScript.isEmpty(), "tests/interop/peers/ not found");

    // A missing peer fails its rows (never skips them) with the package that provides it.
    QProcessEnvironment nodeEnvironment = QProcessEnvironment::systemEnvironment();
    nodeEnvironment.insert(u"NODE_PATH"_s, NodeModules);
    QString error;
    if (!QFileInfo(NodeProgram).isExecutable())
        m_nodeProblem = u"%1 is missing: install the Debian package nodejs"_s.arg(NodeProgram);
    else if (!run(NodeProgram, { u"-e"_s, u"require('ws')"_s }, QDir::tempPath(), &error, nodeEnvironment))
        m_nodeProblem
            = u"node cannot load the ws module from %1: install the Debian package node-ws (%2)"_s.arg(
                NodeModules, error);
    if (!QFileInfo(PythonProgram).isExecutable())
        m_pythonProblem = u"%1 is missing: install the Debian package python3"_s.arg(PythonProgram);
    else if (!run(PythonProgram, { u"-c"_s, u"import websockets.legacy.server"_s }, QDir::tempPath(), &error))
        m_pythonProblem
            = u"%1 cannot import websockets: install the Debian package python3-websockets (%2)"_s.arg(
                PythonProgram, error);
    if (!makeTestCertificates(&m_tlsProblem))
        m_tlsProblem.prepend(u"cannot make the test CA with openssl (Debian package openssl): "_s);
}

// A test CA and a certificate for localhost (and 127.0.0.1) signed by it, made afresh in a temporary folder
// so that no private key is ever committed. EC P-256 keys: quick to make, and every peer takes them.
bool tst_PeerInterop::makeTestCertificates(QString *error)
{
    if (!m_tlsFolder.isValid()) {
        *error = m_tlsFolder.errorString();
        return false;
    }
    const QString folder = m_tlsFolder.path();
    const QString openssl = u"openssl"_s;
    if (!writeFile(folder + u"/ca.cnf"_s,
            "[req]\ndistinguished_name = dn\nprompt = no\nx509_extensions = ca_ext\n"
            "[dn]\nCN = Frameline Interop Test CA\n"
            "[ca_ext]\nbasicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\n"
            "subjectKeyIdentifier = hash\n")
        || !writeFile(folder + u"/server.cnf"_s,
            "[req]\ndistinguished_name = dn\nprompt = no\n"
            "[dn]\nCN = localhost\n"
            "[server_ext]\nbasicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature\n"
            "extendedKeyUsage = serverAuth\nsubjectAltName = DNS:localhost, IP:127.0.0.1\n"
            "subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n")) {
        *error = u"cannot write to %1"_s.arg(folder);
        return false;
    }
    const QStringList newKey { u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
        u"-nodes"_s };
    if (!run(openssl,
            QStringList { u"req"_s, u"-x509"_s, u"-config"_s, u"ca.cnf"_s } + newKey
                + QStringList { u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s, u"2"_s },
            folder, error)
        || !run(openssl,
            QStringList { u"req"_s, u"-new"_s, u"-config"_s, u"server.cnf"_s } + newKey
                + QStringList { u"-keyout"_s, u"server.key"_s, u"-out"_s, u"server.csr"_s },
            folder, error)
        || !run(openssl,
            { u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s,
                u"ca.key"_s, u"-set_serial"_s, u"1"_s, u"-days"_s, u"2"_s, u"-extfile"_s, u"server.cnf"_s,
                u"-extensions"_s, u"server_ext"_s, u"-out"_s, u"server.pem"_s },
            folder, error)) {
        return false;
    }
    m_caFile = folder + u"/ca.pem"_s;
    m_certificateFile = folder + u"/server.pem"_s;
    m_keyFile = folder + u"/server.key"_s;
    return true;
}

void tst_PeerInterop::cleanup()
{
    if (QTest::currentTestFailed()) {
        if (const QString reported = m_peerLog.dump(); !reported.isEmpty())
            qWarning("what the peer reported:\n%s", qPrintable(reported));
        if (m_process)
            qWarning("peer process: %s", qPrintable(m_process->diagnostics()));
    }
    m_process.reset(); // kills the child if it still runs
    m_qtServer.reset();
    m_qtClient.reset();
    m_peerLog.clear();
}

QString tst_PeerInterop::problemWith(Peer peer, Transport transport) const
{
    if (peer == Peer::Node && !m_nodeProblem.isEmpty())
        return m_nodeProblem;
    if (peer == Peer::Python && !m_pythonProblem.isEmpty())
        return m_pythonProblem;
    if (transport == Transport::Tls && !m_tlsProblem.isEmpty())
        return m_tlsProblem;
    return {};
}

std::optional<QSslConfiguration> tst_PeerInterop::peerServerTls(Transport transport) const
{
    if (transport != Transport::Tls)
        return std::nullopt;
    QFile certificate(m_certificateFile);
    QFile key(m_keyFile);
    if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
        return std::nullopt;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certificate.readAll(), QSsl::Pem));
    configuration.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec, QSsl::Pem));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

std::optional<QSslConfiguration> tst_PeerInterop::peerClientTls(Transport transport) const
{
    if (transport != Transport::Tls)
        return std::nullopt;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(m_caFile);
    return configuration;
}

bool tst_PeerInterop::startPeerServer(Peer peer, Transport transport, QUrl *url, QString *error)
{
    quint16 port = 0;
    if (peer == Peer::Qt) {
        m_qtServer = std::make_unique<QtPeerServer>(&m_peerLog, peerServerTls(transport));
        if (!m_qtServer->listen(error))
            return false;
        port = m_qtServer->port();
    } else {
        QStringList arguments { peer == Peer::Node ? m_nodeScript : m_pythonScript, u"server"_s };
        if (usesDeflate(transport))
            arguments << u"--deflate"_s;
        if (transport == Transport::DeflateNoContextTakeover)
            arguments << u"--no-context-takeover"_s;
        if (transport == Transport::Tls)
            arguments << u"--cert"_s << m_certificateFile << u"--key"_s << m_keyFile;
        m_process = std::make_unique<PeerProcess>(&m_peerLog);
        m_process->start(peer == Peer::Node ? NodeProgram : PythonProgram, arguments);
        if (!QTest::qWaitFor([this] { return m_peerLog.first(u"listening"_s).has_value(); }, ShortTimeout)) {
            *error = u"the peer did not start listening: "_s + m_process->diagnostics();
            return false;
        }
        port = quint16(m_peerLog.first(u"listening"_s)->value(u"port"_s).toInt());
    }
    // wss by name, so that the certificate's DNS name is what our client verifies.
    *url = QUrl(
        transport == Transport::Tls ? u"wss://localhost:%1/"_s.arg(port) : u"ws://127.0.0.1:%1/"_s.arg(port));
    return true;
}

void tst_PeerInterop::startPeerClient(
    Peer peer, Transport transport, const QString &url, const QString &closeMode, bool quick)
{
    if (peer == Peer::Qt) {
        m_qtClient = std::make_unique<QtPeerClient>(&m_peerLog, closeMode, quick, peerClientTls(transport));
        m_qtClient->open(QUrl(url));
        return;
    }
    QStringList arguments { peer == Peer::Node ? m_nodeScript : m_pythonScript, u"client"_s, url };
    if (usesDeflate(transport))
        arguments << u"--deflate"_s;
    if (transport == Transport::DeflateNoContextTakeover)
        arguments << u"--no-context-takeover"_s;
    if (transport == Transport::Tls)
        arguments << u"--ca"_s << m_caFile;
    if (quick)
        arguments << u"--quick"_s;
    arguments << u"--close"_s << closeMode;
    m_process = std::make_unique<PeerProcess>(&m_peerLog);
    m_process->start(peer == Peer::Node ? NodeProgram : PythonProgram, arguments);
}

// Waits for the peer client's "result" event; gives up early when a peer process has ended without one.
bool tst_PeerInterop::waitForResult(int timeout)
{
    const auto done = [this] {
        return m_peerLog.first(u"result"_s).has_value() || (m_process && !m_process->isRunning());
    };
    // A process that exits prints its last line first: read what is left before judging.
    return QTest::qWaitFor(done, timeout)
        && QTest::qWaitFor([this] { return m_peerLog.first(u"result"_s).has_value(); }, 500);
}

ClientConnection::Options tst_PeerInterop::ourClientOptions(const QUrl &url, Transport transport) const
{
    ClientConnection::Options options;
    options.url = url;
    options.offerDeflate = usesDeflate(transport);
    options.deflateOffer.clientMaxWindowBitsOffered = true; // let the server pick our window too
    options.tls.caFile = m_caFile;
    return options;
}

Server::Options tst_PeerInterop::ourServerOptions(Transport transport) const
{
    Server::Options options;
    options.behaviour = Server::Behaviour::Echo;
    options.handshake.deflate.enabled = usesDeflate(transport);
    options.tls = transport == Transport::Tls;
    if (options.tls) {
        options.certificateFile = m_certificateFile;
        options.keyFile = m_keyFile;
    }
    return options;
}

// permessage-deflate really in use when it was agreed (and not at all when not): compressed messages with
// RSV1 on their first frame, far fewer bytes on the wire for a compressible message, and the context
// takeover rule honoured by both compressors (RFC 7692 §7.1.1: without takeover, the same message compresses
// to the same bytes every time; with it, a repeat compresses to a few back-references).
void tst_PeerInterop::checkDeflateInUse(
    const EventCollector &events, const std::optional<DeflateParameters> &deflate)
{
    const QList<MessageEvent> fromPeer = events.messages(Direction::Incoming);
    const QList<MessageEvent> fromUs = events.messages(Direction::Outgoing);
    if (!deflate) {
        for (const QList<MessageEvent> &messages : { fromPeer, fromUs }) {
            for (const MessageEvent &event : messages) {
                QVERIFY(!event.message.compressed);
                QCOMPARE(event.message.wireLength, quint64(event.message.payload.size()));
            }
        }
        for (const Direction direction : { Direction::Incoming, Direction::Outgoing }) {
            for (const FrameEvent &frame : events.frames(direction))
                QVERIFY(!frame.frame.rsv1);
        }
        return;
    }

    // Everything we send is compressed (Connection::Settings::compressOutgoing).
    for (const MessageEvent &event : fromUs) {
        QVERIFY(event.message.compressed);
        const auto first = frameAt(events, Direction::Outgoing, event.message.frameIndexes.first());
        QVERIFY(first && first->frame.rsv1);
    }
    for (const QList<MessageEvent> &messages : { fromPeer, fromUs }) {
        const qsizetype compressible = indexOfPayload(messages, CompressibleText);
        QVERIFY(compressible >= 0);
        const Message &message = messages.at(compressible).message;
        QVERIFY(message.compressed);
        QVERIFY2(message.wireLength < quint64(CompressibleText.size()) / 10,
            qPrintable(u"%1 bytes on the wire"_s.arg(message.wireLength)));

        const qsizetype probe = probeIndex(messages);
        QVERIFY(probe >= 0);
        const quint64 firstLength = messages.at(probe).message.wireLength;
        const quint64 secondLength = messages.at(probe + 1).message.wireLength;
        QVERIFY(messages.at(probe).message.compressed && messages.at(probe + 1).message.compressed);
        // The rows set both takeover rules alike, so one covers both compressors.
        QCOMPARE(deflate->serverNoContextTakeover, deflate->clientNoContextTakeover);
        if (deflate->serverNoContextTakeover) {
            QCOMPARE(secondLength, firstLength);
        } else {
            QVERIFY2(secondLength < firstLength / 4,
                qPrintable(u"%1 then %2 bytes"_s.arg(firstLength).arg(secondLength)));
        }
    }
}

// Nothing unusual happened on our side: no Info notice (such as our close timer dropping a TCP connection
// that should have ended by itself, RFC 6455 §7.1.1: the connection settings keep the 5 s default) and,
// unless the peer dropped the connection, no Error notice.
void tst_PeerInterop::checkEndedWithoutTrouble(const EventCollector &events, bool errorsExpected)
{
    QStringList infos;
    for (const ConnectionNotice &notice : events.notices(ConnectionNotice::Kind::Info))
        infos.append(notice.text);
    QVERIFY2(infos.isEmpty(), qPrintable(infos.join(u"; "_s)));
    if (errorsExpected)
        return;
    QStringList errors;
    for (const ConnectionNotice &notice : events.notices(ConnectionNotice::Kind::Error))
        errors.append(notice.text);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; "_s)));
}

// ---- our client against peer servers ---------------------------------------------------------------------

void tst_PeerInterop::addMessageRows(bool ourClient)
{
    QTest::addColumn<Peer>("peer");
    QTest::addColumn<Transport>("transport");
    for (const Peer peer : { Peer::Qt, Peer::Node, Peer::Python }) {
        const QString name = peerName(peer);
        QTest::addRow("%s ws", qPrintable(name)) << peer << Transport::Plain;
        // Qt WebSockets makes no permessage-deflate offer; as a server it must decline ours.
        if (peer != Peer::Qt || ourClient)
            QTest::addRow("%s ws deflate", qPrintable(name)) << peer << Transport::Deflate;
        if (peer != Peer::Qt)
            QTest::addRow("%s ws deflate no context takeover", qPrintable(name))
                << peer << Transport::DeflateNoContextTakeover;
        QTest::addRow("%s wss", qPrintable(name)) << peer << Transport::Tls;
    }
}

void tst_PeerInterop::ourClientMessages_data()
{
    addMessageRows(true);
}

void tst_PeerInterop::ourClientMessages()
{
    QFETCH(Peer, peer);
    QFETCH(Transport, transport);
    const QString problem = problemWith(peer, transport);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QUrl url;
    QString error;
    QVERIFY2(startPeerServer(peer, transport, &url, &error), qPrintable(error));

    ClientConnection client(ourClientOptions(url, transport));
    EventCollector events;
    events.follow(&client);
    QSignalSpy opened(&client, &Connection::opened);
    QSignalSpy closed(&client, &Connection::closed);
    client.open();
    QVERIFY2(opened.wait(ShortTimeout), qPrintable(client.errorString()));

    const auto deflate = expectedDeflate(peer, transport, Connection::Role::Client);
    QCOMPARE(client.deflate(), deflate);
    if (transport == Transport::Tls) {
        QVERIFY(client.tls());
        QVERIFY2(client.tls()->verified, qPrintable(client.tls()->certificateErrors.join(u"; "_s)));
        QVERIFY(client.tls()->protocol.startsWith(u"TLSv1."_s));
        QCOMPARE(client.tls()->peerChain.value(0).subjectInfo(QSslCertificate::CommonName),
            QStringList { u"localhost"_s });
    }

    // Everything at once: the peer echoes in order.
    const QList<PlannedMessage> plan = messagePlan(peer != Peer::Qt);
    for (const PlannedMessage &message : plan) {
        if (message.fragments > 1)
            QVERIFY(client.sendFragmented(message.opcode, message.payload, message.fragments));
        else
            QVERIFY(client.sendMessage(message.opcode, message.payload));
    }
    const QByteArray fragmentCommand = "fragment:3:" + PeerFragmentedText;
    const QByteArray pingCommand = "ping:" + PeerPingPayload;
    QVERIFY(client.sendText(fragmentCommand));
    QVERIFY(client.sendText(pingCommand));
    QVERIFY(client.sendPing(OurPingPayload));

    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return events.messages(Direction::Incoming).size() > plan.size()
                         || client.state() == ConnectionState::Closed;
                 },
                 Timeout),
        "the peer did not echo every message in time");
    QCOMPARE(client.state(), ConnectionState::Open);
    const QList<MessageEvent> received = events.messages(Direction::Incoming);
    QCOMPARE(received.size(), plan.size() + 1);
    for (qsizetype i = 0; i < plan.size(); ++i) {
        const Message &echo = received.at(i).message;
        QCOMPARE(echo.opcode, plan.at(i).opcode);
        QCOMPARE(echo.payload.size(), plan.at(i).payload.size());
        QVERIFY2(echo.payload == plan.at(i).payload, qPrintable(u"echo %1 differs"_s.arg(i)));
        QVERIFY(!echo.payloadTruncated);
        QVERIFY(echo.violations.isEmpty());
    }

    // The peer's fragmented message: three frames, text then continuations, FIN on the last only.
    const Message &fragmented = received.at(plan.size()).message;
    QCOMPARE(fragmented.opcode, Text);
    QCOMPARE(fragmented.payload, PeerFragmentedText);
    checkFragmented(events, fragmented, peer);

    // Pings both ways, answered with the same payload; the peer's answered automatically.
    QTRY_VERIFY_WITH_TIMEOUT(!framesOf(events, Direction::Incoming, 0xA).isEmpty(), ShortTimeout);
    QCOMPARE(framesOf(events, Direction::Incoming, 0xA).size(), 1);
    QCOMPARE(framesOf(events, Direction::Incoming, 0xA).constFirst().payload, OurPingPayload);
    checkPeerPings(events, peer, fragmented);
    QTRY_COMPARE_WITH_TIMEOUT(m_peerLog.all(u"pong"_s).size(), pingsOf(peer).size(), ShortTimeout);
    for (qsizetype i = 0; i < pingsOf(peer).size(); ++i)
        QCOMPARE(m_peerLog.all(u"pong"_s).at(i).value(u"payload"_s).toString(),
            QString::fromUtf8(pingsOf(peer).at(i)));

    // The peer received exactly what we sent, in order.
    QList<QJsonObject> expected;
    for (const PlannedMessage &message : plan)
        expected.append(describe(message.opcode, message.payload));
    expected.append(describe(Text, fragmentCommand));
    expected.append(describe(Text, pingCommand));
    QTRY_COMPARE_WITH_TIMEOUT(m_peerLog.all(u"message"_s).size(), expected.size(), ShortTimeout);
    const QList<QJsonObject> seen = m_peerLog.all(u"message"_s);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QJsonObject saw = seen.at(i);
        saw.remove(u"event"_s);
        QCOMPARE(saw, expected.at(i));
    }
    // What we sent is reported from our own bytes, decoded: masked, in order, the same messages.
    const QList<MessageEvent> sent = events.messages(Direction::Outgoing);
    QCOMPARE(sent.size(), expected.size());
    for (const FrameEvent &frame : events.frames(Direction::Outgoing))
        QVERIFY(frame.frame.masked);

    checkDeflateInUse(events, deflate);
    if (QTest::currentTestFailed())
        return;

    client.close(1000, u"messages done"_s);
    QVERIFY(closed.wait(ShortTimeout));
    QCOMPARE(client.closeInfo().code, quint16(1000));
    QVERIFY(client.closeInfo().closingHandshakeCompleted);
    checkEndedWithoutTrouble(events);
    QTRY_VERIFY_WITH_TIMEOUT(m_peerLog.first(u"close"_s).has_value(), ShortTimeout);
    QCOMPARE(m_peerLog.first(u"close"_s)->value(u"code"_s).toInt(), 1000);
    QCOMPARE(m_peerLog.first(u"close"_s)->value(u"reason"_s).toString(), u"messages done"_s);
}

void tst_PeerInterop::addCloseRows()
{
    QTest::addColumn<Peer>("peer");
    QTest::addColumn<ClosePath>("path");
    QTest::addColumn<Transport>("transport");
    for (const Peer peer : { Peer::Qt, Peer::Node, Peer::Python }) {
        const QByteArray name = peerName(peer).toUtf8();
        QTest::addRow("%s: we close with a code", name.constData())
            << peer << ClosePath::LocalWithCode << Transport::Plain;
        QTest::addRow("%s: we close without a code", name.constData())
            << peer << ClosePath::LocalWithoutCode << Transport::Plain;
        QTest::addRow("%s: peer closes with a code", name.constData())
            << peer << ClosePath::PeerWithCode << Transport::Plain;
        // QWebSocket::close() always sends a status code.
        if (peer != Peer::Qt)
            QTest::addRow("%s: peer closes without a code", name.constData())
                << peer << ClosePath::PeerWithoutCode << Transport::Plain;
        QTest::addRow("%s: peer drops TCP", name.constData())
            << peer << ClosePath::PeerDropsTcp << Transport::Plain;
        // The same ends under TLS, where the TCP close comes after (or instead of) a TLS close_notify.
        QTest::addRow("%s: we close with a code over wss", name.constData())
            << peer << ClosePath::LocalWithCode << Transport::Tls;
        QTest::addRow("%s: peer closes with a code over wss", name.constData())
            << peer << ClosePath::PeerWithCode << Transport::Tls;
        QTest::addRow("%s: peer drops TCP over wss", name.constData())
            << peer << ClosePath::PeerDropsTcp << Transport::Tls;
    }
}

void tst_PeerInterop::ourClientClose_data()
{
    addCloseRows();
}

void tst_PeerInterop::ourClientClose()
{
    QFETCH(Peer, peer);
    QFETCH(ClosePath, path);
    QFETCH(Transport, transport);
    const QString problem = problemWith(peer, transport);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QUrl url;
    QString error;
    QVERIFY2(startPeerServer(peer, transport, &url, &error), qPrintable(error));

    ClientConnection client(ourClientOptions(url, transport));
    EventCollector events;
    events.follow(&client);
    QSignalSpy opened(&client, &Connection::opened);
    QSignalSpy closed(&client, &Connection::closed);
    client.open();
    QVERIFY2(opened.wait(ShortTimeout), qPrintable(client.errorString()));
    QVERIFY(client.sendText("hello"));
    QTRY_COMPARE_WITH_TIMEOUT(events.messages(Direction::Incoming).size(), 1, ShortTimeout);

    switch (path) {
    case ClosePath::LocalWithCode:
        client.close(4001, OurCloseReason);
        break;
    case ClosePath::LocalWithoutCode:
        client.closeWithoutCode();
        break;
    case ClosePath::PeerWithCode:
        QVERIFY(client.sendText("close:4002:" + PeerCloseReason.toUtf8()));
        break;
    case ClosePath::PeerWithoutCode:
        QVERIFY(client.sendText("close"));
        break;
    case ClosePath::PeerDropsTcp:
        QVERIFY(client.sendText("drop"));
        break;
    }
    QVERIFY(closed.wait(ShortTimeout));
    const CloseInfo info = client.closeInfo();
    QCOMPARE(client.state(), ConnectionState::Closed);
    checkEndedWithoutTrouble(events, path == ClosePath::PeerDropsTcp);
    QVERIFY(events.closeInfo());
    QCOMPARE(events.closeInfo()->code, info.code); // the Closed notice carries the same facts

    const QList<FrameEvent> closesIn = framesOf(events, Direction::Incoming, 0x8);
    const QList<FrameEvent> closesOut = framesOf(events, Direction::Outgoing, 0x8);
    QTRY_VERIFY_WITH_TIMEOUT(m_peerLog.first(u"close"_s).has_value(), ShortTimeout);
    const QJsonObject peerClose = *m_peerLog.first(u"close"_s);

    switch (path) {
    case ClosePath::LocalWithCode:
        QCOMPARE(info.initiator, CloseInitiator::Local);
        QCOMPARE(info.sentCode, quint16(4001));
        QCOMPARE(closesOut.size(), 1);
        QCOMPARE(closesOut.constFirst().payload, QByteArray("\x0f\xa1") + OurCloseReason.toUtf8());
        QCOMPARE(closesOut.constFirst().frame.payloadLength, 125u);
        QCOMPARE(closesOut.constFirst().origin, FrameOrigin::User);
        // Every peer echoes our code (RFC 6455 §5.5.1) and, as it happens, our reason too.
        QCOMPARE(info.code, quint16(4001));
        QCOMPARE(info.reason, OurCloseReason);
        QCOMPARE(peerClose.value(u"code"_s).toInt(), 4001);
        QCOMPARE(peerClose.value(u"reason"_s).toString(), OurCloseReason);
        break;
    case ClosePath::LocalWithoutCode:
        QCOMPARE(info.initiator, CloseInitiator::Local);
        QCOMPARE(info.sentCode, quint16(0));
        QCOMPARE(closesOut.size(), 1);
        QCOMPARE(closesOut.constFirst().payload, QByteArray());
        // node and python echo a Close frame without a body; Qt WebSockets answers 1000 (also allowed).
        QCOMPARE(info.code, quint16(peer == Peer::Qt ? 1000 : 1005));
        QCOMPARE(info.reason, QString());
        QCOMPARE(peerClose.value(u"code"_s).toInt(), peer == Peer::Qt ? 1000 : 1005);
        break;
    case ClosePath::PeerWithCode:
        QCOMPARE(info.initiator, CloseInitiator::Remote);
        QCOMPARE(info.code, quint16(4002));
        QCOMPARE(info.reason, PeerCloseReason);
        QCOMPARE(info.sentCode, quint16(4002));
        // We echo the code without the reason, automatically.
        QCOMPARE(closesOut.size(), 1);
        QCOMPARE(closesOut.constFirst().payload, QByteArray("\x0f\xa2"));
        QCOMPARE(closesOut.constFirst().origin, FrameOrigin::Automatic);
        QCOMPARE(peerClose.value(u"code"_s).toInt(), 4002);
        break;
    case ClosePath::PeerWithoutCode:
        QCOMPARE(info.initiator, CloseInitiator::Remote);
        QCOMPARE(info.code, quint16(1005)); // RFC 6455 §7.1.5: no status code in the Close frame
        QCOMPARE(info.reason, QString());
        QCOMPARE(info.sentCode, quint16(0));
        QCOMPARE(closesIn.constFirst().payload, QByteArray());
        QCOMPARE(closesOut.size(), 1);
        QCOMPARE(closesOut.constFirst().payload, QByteArray()); // echoed as it came: no body
        QCOMPARE(peerClose.value(u"code"_s).toInt(), 1005);
        break;
    case ClosePath::PeerDropsTcp:
        QCOMPARE(info.initiator, CloseInitiator::None);
        QCOMPARE(info.code, quint16(1006)); // RFC 6455 §7.1.5: closed without a Close frame
        QVERIFY(info.abnormal);
        QVERIFY(!info.closingHandshakeCompleted);
        QVERIFY(closesIn.isEmpty());
        QVERIFY(closesOut.isEmpty());
        // The peer's own view of its abort: QWebSocket::closeCode() keeps its initial 1000 after abort().
        QCOMPARE(peerClose.value(u"code"_s).toInt(), peer == Peer::Qt ? 1000 : 1006);
        return;
    }
    QCOMPARE(closesIn.size(), 1);
    QVERIFY(info.closingHandshakeCompleted);
    QVERIFY(!info.abnormal);
}

// ---- peer clients against our server ---------------------------------------------------------------------

void tst_PeerInterop::ourServerMessages_data()
{
    addMessageRows(false);
}

void tst_PeerInterop::ourServerMessages()
{
    QFETCH(Peer, peer);
    QFETCH(Transport, transport);
    const QString problem = problemWith(peer, transport);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    Server server(ourServerOptions(transport));
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    EventCollector events;
    events.follow(&server);
    QSignalSpy clientClosed(&server, &Server::clientClosed);
    startPeerClient(peer, transport, server.url(), u"client:1000:sequence done"_s, false);

    QVERIFY2(waitForResult(Timeout), "the peer did not report a result in time");
    const QJsonObject result = *m_peerLog.first(u"result"_s);
    QVERIFY2(result.value(u"ok"_s).toBool(),
        QJsonDocument(result.value(u"errors"_s).toArray()).toJson().constData());
    QVERIFY(result.value(u"pong"_s).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(clientClosed.size(), 1, ShortTimeout);

    // The opening: deflate as agreed, TLS verified by the peer (it checked our chain against the CA).
    const auto handshakes = events.notices(ConnectionNotice::Kind::Handshake);
    QCOMPARE(handshakes.size(), 1);
    QVERIFY(handshakes.constFirst().handshake->accepted);
    const auto deflate = expectedDeflate(peer, transport, Connection::Role::Server);
    QCOMPARE(handshakes.constFirst().handshake->deflate, deflate);
    QCOMPARE(events.notices(ConnectionNotice::Kind::Tls).size(), transport == Transport::Tls ? 1 : 0);

    // We received exactly what the peer sent, in order, and echoed each message.
    const QJsonArray sent = result.value(u"sent"_s).toArray();
    const QList<MessageEvent> received = events.messages(Direction::Incoming);
    QCOMPARE(received.size(), sent.size());
    QCOMPARE(result.value(u"echoes"_s).toInt(), int(sent.size()));
    for (qsizetype i = 0; i < received.size(); ++i) {
        QCOMPARE(
            describe(received.at(i).message.opcode, received.at(i).message.payload), sent.at(i).toObject());
        QVERIFY(received.at(i).message.violations.isEmpty());
    }
    QVERIFY(std::any_of(received.cbegin(), received.cend(),
        [](const MessageEvent &event) { return event.message.payload.size() == 16 * 1024 * 1024; }));
    const QList<MessageEvent> echoed = events.messages(Direction::Outgoing);
    QCOMPARE(echoed.size(), received.size());
    for (qsizetype i = 0; i < echoed.size(); ++i) {
        QCOMPARE(echoed.at(i).origin, FrameOrigin::Automatic);
        QCOMPARE(echoed.at(i).message.opcode, received.at(i).message.opcode);
        QVERIFY(echoed.at(i).message.payload == received.at(i).message.payload);
    }
    for (const FrameEvent &frame : events.frames(Direction::Incoming))
        QVERIFY(frame.frame.masked); // RFC 6455 §5.1: a client masks every frame

    // The peer's two fragmented messages come last, three frames each. (Qt WebSockets also cuts every
    // message longer than its outgoing frame size, 512 KiB, into frames: the 16 MiB ones come in 32.)
    QVERIFY(received.size() >= 2);
    checkFragmented(events, received.at(received.size() - 2).message, peer);
    checkFragmented(events, received.constLast().message, peer);
    for (qsizetype i = 0; i < received.size() - 2; ++i) {
        const Message &message = received.at(i).message;
        QCOMPARE(message.frameIndexes.size(),
            peer == Peer::Qt ? qMax(1, int((message.payload.size() + 524287) / 524288)) : 1);
    }

    // The peer's pings, answered automatically with their payloads.
    checkPeerPings(events, peer, received.at(received.size() - 2).message);

    checkDeflateInUse(events, deflate);

    QVERIFY(events.closeInfo());
    checkEndedWithoutTrouble(events);
    const CloseInfo info = *events.closeInfo();
    QCOMPARE(info.initiator, CloseInitiator::Remote);
    QCOMPARE(info.code, quint16(1000));
    QCOMPARE(info.reason, u"sequence done"_s);
    QVERIFY(info.closingHandshakeCompleted);
    QCOMPARE(result.value(u"close"_s).toObject().value(u"code"_s).toInt(), 1000);
}

void tst_PeerInterop::ourServerClose_data()
{
    addCloseRows();
}

void tst_PeerInterop::ourServerClose()
{
    QFETCH(Peer, peer);
    QFETCH(ClosePath, path);
    QFETCH(Transport, transport);
    const QString problem = problemWith(peer, transport);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    Server server(ourServerOptions(transport));
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    EventCollector events;
    events.follow(&server);
    QSignalSpy clientClosed(&server, &Server::clientClosed);
    QString closeMode;
    switch (path) {
    case ClosePath::LocalWithCode:
    case ClosePath::LocalWithoutCode:
        closeMode = u"server"_s;
        break;
    case ClosePath::PeerWithCode:
        closeMode = u"client:4003:"_s + PeerClientCloseReason;
        break;
    case ClosePath::PeerWithoutCode:
        closeMode = u"client-nocode"_s;
        break;
    case ClosePath::PeerDropsTcp:
        closeMode = u"drop"_s;
        break;
    }
    startPeerClient(peer, transport, server.url(), closeMode, true);

    if (path == ClosePath::LocalWithCode || path == ClosePath::LocalWithoutCode) {
        // The peer says "done" when it is ready to be closed.
        QTRY_VERIFY_WITH_TIMEOUT(!events.messages(Direction::Incoming).isEmpty()
                && events.messages(Direction::Incoming).constLast().message.payload == "done",
            ShortTimeout);
        QCOMPARE(server.clients().size(), 1);
        Connection *connection = server.clients().constFirst();
        if (path == ClosePath::LocalWithCode) {
            // Before closing: fragmented messages and a ping from the server side, which the peer reports.
            QVERIFY(connection->sendFragmented(Text, ServerFragmentedText, 3));
            QVERIFY(connection->sendFragmented(Binary, ServerFragmentedBinary, 3));
            QVERIFY(connection->sendPing(OurPingPayload));
            connection->close(4004, OurServerCloseReason);
        } else {
            connection->closeWithoutCode();
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(clientClosed.size(), 1, ShortTimeout);
    QVERIFY2(waitForResult(ShortTimeout), "the peer did not report a result in time");
    const QJsonObject result = *m_peerLog.first(u"result"_s);
    QVERIFY2(result.value(u"ok"_s).toBool(),
        QJsonDocument(result.value(u"errors"_s).toArray()).toJson().constData());
    const QJsonObject peerClose = result.value(u"close"_s).toObject();

    QVERIFY(events.closeInfo());
    checkEndedWithoutTrouble(events, path == ClosePath::PeerDropsTcp);
    const CloseInfo info = *events.closeInfo();
    const QList<FrameEvent> closesIn = framesOf(events, Direction::Incoming, 0x8);
    const QList<FrameEvent> closesOut = framesOf(events, Direction::Outgoing, 0x8);
    switch (path) {
    case ClosePath::LocalWithCode: {
        QCOMPARE(info.initiator, CloseInitiator::Local);
        QCOMPARE(info.sentCode, quint16(4004));
        const QJsonArray received = result.value(u"received"_s).toArray();
        QCOMPARE(received.size(), 3);
        QCOMPARE(received.at(0).toObject(), describe(Text, "done"));
        QCOMPARE(received.at(1).toObject(), describe(Text, ServerFragmentedText));
        QCOMPARE(received.at(2).toObject(), describe(Binary, ServerFragmentedBinary));
        const QList<MessageEvent> sent = events.messages(Direction::Outgoing);
        QCOMPARE(sent.size(), 4); // the echo of "hello" and "done", then the two fragmented ones
        for (qsizetype i = 2; i < 4; ++i) {
            QCOMPARE(sent.at(i).message.frameIndexes.size(), 3);
            for (const qint64 index : sent.at(i).message.frameIndexes) {
                const auto frame = frameAt(events, Direction::Outgoing, index);
                QVERIFY(frame);
                QCOMPARE(frame->frame.fin, index == sent.at(i).message.frameIndexes.last());
                QCOMPARE(frame->frame.masked, false);
            }
        }
        // The peer answered our ping before it answered our Close frame.
        QCOMPARE(framesOf(events, Direction::Incoming, 0xA).size(), 1);
        QCOMPARE(framesOf(events, Direction::Incoming, 0xA).constFirst().payload, OurPingPayload);
        QCOMPARE(closesOut.constFirst().payload, QByteArray("\x0f\xa4") + OurServerCloseReason.toUtf8());
        QCOMPARE(info.code, quint16(4004));
        QCOMPARE(info.reason, OurServerCloseReason);
        QCOMPARE(peerClose.value(u"code"_s).toInt(), 4004);
        QCOMPARE(peerClose.value(u"reason"_s).toString(), OurServerCloseReason);
        break;
    }
    case ClosePath::LocalWithoutCode:
        QCOMPARE(info.initiator, CloseInitiator::Local);
        QCOMPARE(info.sentCode, quint16(0));
        QCOMPARE(closesOut.constFirst().payload, QByteArray());
        QCOMPARE(info.code, quint16(peer == Peer::Qt ? 1000 : 1005));
        QCOMPARE(peerClose.value(u"code"_s).toInt(), peer == Peer::Qt ? 1000 : 1005);
        break;
    case ClosePath::PeerWithCode:
        QCOMPARE(info.initiator, CloseInitiator::Remote);
        QCOMPARE(info.code, quint16(4003));
        QCOMPARE(info.reason, PeerClientCloseReason);
        QCOMPARE(info.sentCode, quint16(4003));
        QCOMPARE(closesOut.constFirst().payload, QByteArray("\x0f\xa3"));
        QCOMPARE(closesOut.constFirst().origin, FrameOrigin::Automatic);
        QCOMPARE(peerClose.value(u"code"_s).toInt(), 4003);
        break;
    case ClosePath::PeerWithoutCode:
        QCOMPARE(info.initiator, CloseInitiator::Remote);
        QCOMPARE(info.code, quint16(1005));
        QCOMPARE(info.sentCode, quint16(0));
        QCOMPARE(closesIn.constFirst().payload, QByteArray());
        QCOMPARE(closesOut.constFirst().payload, QByteArray());
        QCOMPARE(peerClose.value(u"code"_s).toInt(), 1005);
        break;
    case ClosePath::PeerDropsTcp:
        QCOMPARE(info.initiator, CloseInitiator::None);
        QCOMPARE(info.code, quint16(1006));
        QVERIFY(info.abnormal);
        QVERIFY(!info.closingHandshakeCompleted);
        QVERIFY(closesIn.isEmpty());
        QVERIFY(closesOut.isEmpty());
        QCOMPARE(peerClose.value(u"code"_s).toInt(), peer == Peer::Qt ? 1000 : 1006); // see ourClientClose
        return;
    }
    QCOMPARE(closesIn.size(), 1);
    QCOMPARE(closesOut.size(), 1);
    QVERIFY(info.closingHandshakeCompleted);
    QVERIFY(!info.abnormal);
}

QTEST_GUILESS_MAIN(tst_PeerInterop)
#include "tst_peerinterop.moc"
