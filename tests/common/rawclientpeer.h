#pragma once

// Test helper: a WebSocket client written by hand, to play a hostile or broken peer against our server.
//
// It connects to 127.0.0.1:port and writes `request` (by default a correct upgrade request with the
// RFC 6455 §1.3 sample key, built here independently of the engine's Handshake code), then keeps the
// server's response head and everything after it, which can be decoded as frames. Lives in the test's
// thread; socket signals go to lambdas, so no moc is needed.

#include "app/protocol/permessagedeflate.h"
#include "app/protocol/streamdecoder.h"
#include "tests/common/framerecorder.h"

#include <QtCore/QObject>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpSocket>

#include <limits>

namespace Frameline::Test {

class RawClientPeer : public QObject
{
public:
    // RFC 6455 §1.3: the sample key and the accept value a server must answer it with.
    static constexpr char SampleKey[] = "dGhlIHNhbXBsZSBub25jZQ==";
    static constexpr char SampleAccept[] = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    static QByteArray upgradeRequest(quint16 port, bool offerDeflate = false)
    {
        QByteArray request = "GET /hostile HTTP/1.1\r\n"
                             "Host: 127.0.0.1:"
            + QByteArray::number(port)
            + "\r\n"
              "Upgrade: websocket\r\n"
              "Connection: Upgrade\r\n"
              "Sec-WebSocket-Key: "
            + SampleKey
            + "\r\n"
              "Sec-WebSocket-Version: 13\r\n";
        if (offerDeflate)
            request += "Sec-WebSocket-Extensions: permessage-deflate\r\n";
        return request + "\r\n";
    }

    QTcpSocket socket;
    QByteArray request; // written as soon as the TCP connection is up (empty: nothing)
    QByteArray responseHead; // the server's response, up to and including the empty line
    QByteArray received; // everything after the response head
    bool connected = false;
    bool serverDisconnected = false;

    RawClientPeer()
    {
        QObject::connect(&socket, &QTcpSocket::connected, this, [this] {
            connected = true;
            if (!request.isEmpty())
                send(request);
        });
        QObject::connect(&socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, this, [this] { serverDisconnected = true; });
    }

    void connectTo(quint16 port) { socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port); }
    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }
    bool switched() const
    {
        return responseHead.startsWith("HTTP/1.1 101 ") && responseHead.endsWith("\r\n\r\n");
    }
    bool deflateAgreed() const
    {
        for (const QByteArray &line : responseHead.split('\n')) {
            if (line.toLower().startsWith("sec-websocket-extensions:") && line.contains("permessage-deflate"))
                return true;
        }
        return false;
    }

    // What the server sent after its response, decoded (inflated when deflate was agreed).
    FrameRecorder decodedFromServer() const
    {
        FrameRecorder recorder;
        StreamDecoder::Options options;
        options.sender = Endpoint::Server;
        options.limits.maxFramePayload = std::numeric_limits<quint64>::max();
        options.limits.maxMessageSize = std::numeric_limits<quint64>::max();
        if (deflateAgreed())
            options.deflate = DeflateParameters();
        StreamDecoder decoder(options, recorder);
        decoder.feed(received);
        return recorder;
    }
    QList<FrameCopy> closeFramesFromServer() const
    {
        QList<FrameCopy> closes;
        for (const FrameCopy &frame : decodedFromServer().frames) {
            if (frame.frame.opcode == quint8(Opcode::Close))
                closes.append(frame);
        }
        return closes;
    }

private:
    void onReadyRead()
    {
        const QByteArray bytes = socket.readAll();
        if (responseHead.endsWith("\r\n\r\n")) {
            received += bytes;
            return;
        }
        responseHead += bytes;
        const qsizetype end = responseHead.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        received = responseHead.mid(end + 4);
        responseHead.truncate(end + 4);
    }
};

} // namespace Frameline::Test
