#pragma once

// Test helper: a WebSocket server written by hand, to play a hostile or broken peer against our client.
//
// It listens on 127.0.0.1 (any free port) and follows one TCP connection at a time (the last accepted):
// it reads the client's request head and answers it with a 101 built here, independently of the engine's
// Handshake code (or with whatever `respond` returns, or not at all), then writes exactly the bytes a test
// gives it. Everything the client sends after its request is kept and can be decoded as frames.
// Lives in the test's thread; socket signals go to lambdas, so no moc is needed.

#include "app/protocol/permessagedeflate.h"
#include "app/protocol/streamdecoder.h"
#include "tests/common/framerecorder.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QObject>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

#include <functional>
#include <limits>
#include <optional>

namespace Frameline::Test {

class RawServerPeer : public QObject
{
public:
    // Builds the answer to a request head; the default is a correct 101 (see switchingResponse).
    // An empty answer means: say nothing (a half-open server).
    std::function<QByteArray(const QByteArray &requestHead)> respond;
    bool acceptDeflate = false; // agree to permessage-deflate (no parameters) when the client offers it

    QTcpSocket *socket = nullptr; // the connection being followed (owned by the server)
    QByteArray requestHead; // the client's request, up to and including the empty line
    QByteArray received; // every byte the client sent after its request
    bool answered = false; // a non-empty answer was written
    bool deflateAgreed = false;
    bool clientDisconnected = false;
    int connectionCount = 0;

    RawServerPeer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] { onNewConnection(); });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }

    void send(const QByteArray &bytes)
    {
        socket->write(bytes);
        socket->flush();
    }

    // The header value of `name` in a request head (first occurrence), compared case-insensitively.
    static QByteArray headerValue(const QByteArray &head, QByteArrayView name)
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0
                && QByteArrayView(line).first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }

    // RFC 6455 §4.2.2 item 5.4, computed here rather than by the engine: base64(SHA-1(key + GUID)).
    static QByteArray acceptFor(const QByteArray &key)
    {
        const QByteArray keyAndGuid = key + QByteArrayView("258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
        return QCryptographicHash::hash(keyAndGuid, QCryptographicHash::Sha1).toBase64();
    }

    QByteArray switchingResponse(const QByteArray &head)
    {
        QByteArray response = "HTTP/1.1 101 Switching Protocols\r\n"
                              "Upgrade: websocket\r\n"
                              "Connection: Upgrade\r\n"
                              "Sec-WebSocket-Accept: "
            + acceptFor(headerValue(head, "Sec-WebSocket-Key")) + "\r\n";
        if (acceptDeflate && headerValue(head, "Sec-WebSocket-Extensions").contains("permessage-deflate")) {
            response += "Sec-WebSocket-Extensions: permessage-deflate\r\n";
            deflateAgreed = true;
        }
        return response + "\r\n";
    }

    // What the client sent after its request, decoded (inflated when deflate was agreed).
    FrameRecorder decodedFromClient() const
    {
        FrameRecorder recorder;
        StreamDecoder::Options options;
        options.sender = Endpoint::Client;
        options.limits.maxFramePayload = std::numeric_limits<quint64>::max();
        options.limits.maxMessageSize = std::numeric_limits<quint64>::max();
        if (deflateAgreed)
            options.deflate = DeflateParameters();
        StreamDecoder decoder(options, recorder);
        decoder.feed(received);
        return recorder;
    }
    // The Close frames the client sent.
    QList<FrameCopy> closeFramesFromClient() const
    {
        QList<FrameCopy> closes;
        for (const FrameCopy &frame : decodedFromClient().frames) {
            if (frame.frame.opcode == quint8(Opcode::Close))
                closes.append(frame);
        }
        return closes;
    }

private:
    void onNewConnection()
    {
        while (QTcpSocket *next = m_server.nextPendingConnection()) {
            socket = next;
            ++connectionCount;
            requestHead.clear();
            received.clear();
            answered = false;
            deflateAgreed = false;
            clientDisconnected = false;
            QObject::connect(next, &QTcpSocket::readyRead, this, [this, next] { onReadyRead(next); });
            QObject::connect(next, &QTcpSocket::disconnected, this, [this, next] {
                if (next == socket)
                    clientDisconnected = true;
            });
        }
    }

    void onReadyRead(QTcpSocket *from)
    {
        if (from != socket)
            return;
        const QByteArray bytes = from->readAll();
        if (answered || requestHead.endsWith("\r\n\r\n")) {
            received += bytes;
            return;
        }
        requestHead += bytes;
        const qsizetype end = requestHead.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        received = requestHead.mid(end + 4);
        requestHead.truncate(end + 4);
        const QByteArray answer = respond ? respond(requestHead) : switchingResponse(requestHead);
        if (!answer.isEmpty()) {
            answered = true;
            send(answer);
        }
    }

    QTcpServer m_server;
};

} // namespace Frameline::Test
