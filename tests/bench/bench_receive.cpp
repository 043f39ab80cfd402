// Receive throughput on loopback: Frameline's client with full event capture against independent
// clients (QWebSocket, node `ws`, python3 `websockets`), all fed by the same fast sender that writes
// pre-built frames; and our server's echo throughput with 100 clients.
//
//   build/tests/bench/bench_receive [--small-messages N] [--large-messages N] [--skip-peers]
//
// Prints a Markdown table. Never asserts on time: figures go to docs/performance.md.

#include "app/net/clientconnection.h"
#include "app/net/networkthread.h"
#include "app/net/server.h"
#include "app/protocol/framewriter.h"
#include "app/protocol/handshake.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

#include <atomic>
#include <cstdio>
#include <thread>

using namespace Frameline;
using namespace Qt::StringLiterals;

namespace {

// A sender in its own thread: accepts connections one after another, answers the opening handshake,
// writes `messages` pre-built frames as fast as the socket takes them, then a Close frame.
class FrameSender
{
public:
    FrameSender(const QByteArray &frame, qint64 messages)
        : m_frame(frame)
        , m_messages(messages)
    {
        std::atomic<quint16> port = 0;
        m_thread = std::thread([this, &port] { run(&port); });
        while (port.load() == 0)
            std::this_thread::yield();
        m_port = port.load();
    }
    ~FrameSender()
    {
        m_stop = true;
        m_thread.join();
    }
    QString url() const { return u"ws://127.0.0.1:%1/"_s.arg(m_port); }

private:
    void run(std::atomic<quint16> *port)
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost);
        port->store(server.serverPort());
        // About 4 MiB of frames per write.
        const qint64 perChunk = qMax<qint64>(1, (4 << 20) / m_frame.size());
        const QByteArray chunk = m_frame.repeated(perChunk);
        while (!m_stop) {
            if (!server.waitForNewConnection(100))
                continue;
            QTcpSocket *socket = server.nextPendingConnection();
            QByteArray request;
            while (!request.contains("\r\n\r\n") && socket->waitForReadyRead(5000))
                request += socket->readAll();
            QByteArray key;
            for (const QByteArray &line : request.split('\n')) {
                if (line.toLower().startsWith("sec-websocket-key:"))
                    key = line.mid(18).trimmed();
            }
            socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          "Sec-WebSocket-Accept: " + Handshake::acceptFor(key) + "\r\n\r\n");
            qint64 sent = 0;
            while (sent < m_messages && socket->state() == QAbstractSocket::ConnectedState) {
                const qint64 count = qMin(perChunk, m_messages - sent);
                socket->write(count == perChunk ? chunk : m_frame.repeated(count));
                sent += count;
                while (socket->bytesToWrite() > (8 << 20))
                    socket->waitForBytesWritten(1000);
            }
            socket->write(FrameWriter::close(Endpoint::Server, 1000));
            while (socket->bytesToWrite() > 0 && socket->waitForBytesWritten(5000)) { }
            // Wait for the client's Close, then close TCP first, as a server does.
            socket->waitForReadyRead(5000);
            socket->disconnectFromHost();
            if (socket->state() != QAbstractSocket::UnconnectedState)
                socket->waitForDisconnected(2000);
            delete socket;
        }
    }

    QByteArray m_frame;
    qint64 m_messages;
    quint16 m_port = 0;
    std::atomic<bool> m_stop = false;
    std::thread m_thread;
};

struct Result
{
    QString client;
    qint64 messages = 0;
    qint64 bytes = 0;
    double seconds = 0;
    QString note;
};

// Runs the event loop, sleeping while there is nothing to do (as a GUI thread does), until done() or the
// timeout. Never spins: a busy main thread would take a core from the threads being measured.
void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QTimer wake; // ends a wait even when no event comes
    wake.start(100);
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

// Frameline with everything captured: I/O and decoding in the network thread, every event delivered to
// this (the "GUI") thread, where each frame and message is counted.
Result receiveWithFrameline(const QString &url, qint64 expected, bool networkThread)
{
    Result result;
    result.client = networkThread ? u"Frameline client (network thread, all events to main thread)"_s
                                  : u"Frameline client (one thread)"_s;
    ClientConnection::Options options;
    options.url = QUrl(url);
    options.settings.limits.maxMessageSize = 64 << 20;
    options.settings.limits.maxFramePayload = 64 << 20;
    auto *client = new ClientConnection(options);
    std::unique_ptr<NetworkThread> network;
    if (networkThread) {
        network = std::make_unique<NetworkThread>();
        network->adopt(client);
    }
    QElapsedTimer timer;
    qint64 frames = 0;
    bool closed = false;
    QObject context;
    QObject::connect(client, &Connection::opened, &context, [&] { timer.start(); });
    QObject::connect(client, &Connection::eventsReady, &context, [&](const EventBatch &batch) {
        for (const ConnectionEvent &event : batch) {
            if (std::holds_alternative<FrameEvent>(event)) {
                ++frames;
            } else if (const auto *message = std::get_if<MessageEvent>(&event)) {
                if (message->direction == Direction::Incoming) {
                    ++result.messages;
                    result.bytes += message->message.payload.size();
                }
            } else if (const auto *notice = std::get_if<ConnectionNotice>(&event)) {
                if (notice->kind == ConnectionNotice::Kind::StateChanged && notice->state == ConnectionState::Closed)
                    closed = true;
            }
        }
    });
    if (networkThread)
        NetworkThread::post(client, [client] { client->open(); });
    else
        client->open();
    waitUntil([&] { return closed; }, 600000);
    result.seconds = timer.nsecsElapsed() / 1e9;
    result.note = u"%1 frame events"_s.arg(frames);
    if (!networkThread)
        delete client;
    Q_UNUSED(expected)
    return result;
}

Result receiveWithQWebSocket(const QString &url)
{
    Result result;
    result.client = u"QWebSocket (Qt 6.4)"_s;
    QWebSocket socket;
    socket.setMaxAllowedIncomingMessageSize(64 << 20);
    socket.setMaxAllowedIncomingFrameSize(64 << 20);
    QElapsedTimer timer;
    bool done = false;
    QObject::connect(&socket, &QWebSocket::connected, [&] { timer.start(); });
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString &text) {
        ++result.messages;
        result.bytes += text.size();
    });
    QObject::connect(&socket, &QWebSocket::binaryMessageReceived, [&](const QByteArray &bytes) {
        ++result.messages;
        result.bytes += bytes.size();
    });
    QObject::connect(&socket, &QWebSocket::disconnected, [&] {
        result.seconds = timer.nsecsElapsed() / 1e9;
        done = true;
    });
    socket.open(QUrl(url));
    waitUntil([&] { return done; }, 600000);
    return result;
}

Result receiveWithProcess(const QString &name, const QString &program, const QStringList &arguments)
{
    Result result;
    result.client = name;
    QProcess process;
    // Debian's node modules live in /usr/share/nodejs; a node from elsewhere does not look there.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"NODE_PATH"_s, u"/usr/share/nodejs"_s);
    environment.remove(u"PYTHONPATH"_s);
    environment.remove(u"PYTHONHOME"_s);
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(5000)) {
        result.note = u"not run: cannot start %1"_s.arg(program);
        return result;
    }
    waitUntil([&] { return process.state() == QProcess::NotRunning; }, 600000);
    const QByteArray output = process.readAllStandardOutput().trimmed();
    const QJsonObject object = QJsonDocument::fromJson(output.split('\n').constLast()).object();
    if (object.isEmpty()) {
        result.note = u"failed: %1"_s.arg(QString::fromUtf8(process.readAllStandardError().left(300)));
        return result;
    }
    result.messages = qint64(object.value("messages"_L1).toDouble());
    result.bytes = qint64(object.value("bytes"_L1).toDouble());
    result.seconds = object.value("seconds"_L1).toDouble();
    return result;
}

void printResults(const QString &title, const QList<Result> &results)
{
    std::printf("\n### %s\n\n| client | messages | seconds | messages/s | MB/s | note |\n|---|---:|---:|---:|---:|---|\n",
                qPrintable(title));
    for (const Result &r : results) {
        const double rate = r.seconds > 0 ? r.messages / r.seconds : 0;
        const double mbps = r.seconds > 0 ? r.bytes / r.seconds / 1e6 : 0;
        std::printf("| %s | %lld | %.3f | %.0f | %.0f | %s |\n", qPrintable(r.client), r.messages, r.seconds, rate,
                    mbps, qPrintable(r.note));
    }
    std::fflush(stdout);
}

QStringList s_clients; // which receivers to run: frameline, frameline1, qt, node, python

QList<Result> receiveRun(const QByteArray &frame, qint64 messages, bool peers)
{
    QList<Result> results;
    FrameSender sender(frame, messages);
    if (s_clients.contains(u"frameline"_s))
        results.append(receiveWithFrameline(sender.url(), messages, true));
    if (s_clients.contains(u"frameline1"_s))
        results.append(receiveWithFrameline(sender.url(), messages, false));
    if (s_clients.contains(u"qt"_s))
        results.append(receiveWithQWebSocket(sender.url()));
    if (peers) {
        const QString dir = QStringLiteral(FRAMELINE_BENCH_PEERS_DIR);
        results.append(receiveWithProcess(u"node ws 8 (Debian node-ws)"_s, u"/usr/bin/node"_s,
                                          { dir + u"/receive_ws.js"_s, sender.url() }));
        results.append(receiveWithProcess(u"python3 websockets 10 (Debian)"_s, u"/usr/bin/python3"_s,
                                          { dir + u"/receive_websockets.py"_s, sender.url() }));
    }
    for (Result &r : results) {
        if (r.note.isEmpty() && r.messages != messages)
            r.note = u"received %1 of %2"_s.arg(r.messages).arg(messages);
    }
    return results;
}

// Our server echoing for `clients` QWebSocket clients that each send `perClient` messages.
Result echoRun(int clients, int perClient, bool frameline)
{
    Result result;
    result.client = frameline ? u"Frameline Server (echo, network thread)"_s : u"QWebSocketServer echo (reference)"_s;
    NetworkThread network;
    QString url;
    QWebSocketServer *qtServer = nullptr;
    if (frameline) {
        Server::Options options;
        options.behaviour = Server::Behaviour::Echo;
        auto *server = new Server(options);
        network.adopt(server);
        network.runAndWait([server, &url] {
            QString error;
            if (server->listen(&error))
                url = server->url();
        });
    } else {
        network.runAndWait([&qtServer, &url] {
            qtServer = new QWebSocketServer(u"echo"_s, QWebSocketServer::NonSecureMode);
            qtServer->listen(QHostAddress::LocalHost);
            url = u"ws://127.0.0.1:%1/"_s.arg(qtServer->serverPort());
            QWebSocketServer *server = qtServer;
            QObject::connect(server, &QWebSocketServer::newConnection, server, [server] {
                QWebSocket *socket = server->nextPendingConnection();
                QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                                 [socket](const QString &text) { socket->sendTextMessage(text); });
            });
        });
    }
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    int open = 0;
    qint64 received = 0;
    const QString payload(64, u'e');
    for (int i = 0; i < clients; ++i) {
        auto socket = std::make_unique<QWebSocket>();
        QWebSocket *s = socket.get();
        QObject::connect(s, &QWebSocket::connected, [&open] { ++open; });
        QObject::connect(s, &QWebSocket::textMessageReceived, [&received](const QString &) { ++received; });
        s->open(QUrl(url));
        sockets.push_back(std::move(socket));
    }
    waitUntil([&] { return open == clients; }, 30000);
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < perClient; ++round) {
        for (auto &socket : sockets)
            socket->sendTextMessage(payload);
        if (round % 50 == 49)
            QCoreApplication::processEvents();
    }
    const qint64 expected = qint64(clients) * perClient;
    waitUntil([&] { return received >= expected; }, 300000);
    result.seconds = timer.nsecsElapsed() / 1e9;
    result.messages = received;
    result.bytes = received * 64;
    result.note = u"%1 clients x %2 messages of 64 B, round trip"_s.arg(clients).arg(perClient);
    for (auto &socket : sockets)
        socket->abort();
    QCoreApplication::processEvents();
    if (qtServer)
        network.runAndWait([qtServer] { delete qtServer; });
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption small(u"small-messages"_s, u"How many 64-byte text messages (default 2000000)."_s, u"N"_s, u"2000000"_s);
    const QCommandLineOption large(u"large-messages"_s, u"How many 1 MiB binary messages (default 1000)."_s, u"N"_s, u"1000"_s);
    const QCommandLineOption skipPeers(u"skip-peers"_s, u"Do not run the node and python clients."_s);
    const QCommandLineOption clients(u"clients"_s, u"Receivers to run (default all): frameline,frameline1,qt"_s,
                                     u"LIST"_s, u"frameline,frameline1,qt"_s);
    const QCommandLineOption skipEcho(u"skip-echo"_s, u"Do not run the echo benchmark."_s);
    parser.addOptions({ small, large, skipPeers, clients, skipEcho });
    parser.process(app);
    s_clients = parser.value(clients).split(u',');

    const bool peers = !parser.isSet(skipPeers);
    const qint64 smallCount = parser.value(small).toLongLong();
    const qint64 largeCount = parser.value(large).toLongLong();
    std::printf("## Receive throughput on loopback (one sender thread writing pre-built frames)\n");
    printResults(u"%1 text messages of 64 bytes"_s.arg(smallCount),
                 receiveRun(FrameWriter::text(Endpoint::Server, QByteArray(64, 'x')), smallCount, peers));
    printResults(u"%1 binary messages of 1 MiB"_s.arg(largeCount),
                 receiveRun(FrameWriter::binary(Endpoint::Server, QByteArray(1 << 20, 'y')), largeCount, peers));
    if (!parser.isSet(skipEcho))
        printResults(u"Server echo, 100 clients"_s, { echoRun(100, 2000, true), echoRun(100, 2000, false) });
    return 0;
}
