#pragma once

#include "app/protocol/httpmessage.h"
#include "app/protocol/permessagedeflate.h"

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <optional>

namespace Frameline {

// The RFC 6455 opening handshake (§4), both sides.
//
// Handshake::Client builds the upgrade request a client sends and checks the server's answer (§4.1);
// Handshake::Server checks a client's request and builds the answer, a 101 or a rejection (§4.2). Both
// read their peer's bytes incrementally through HttpMessage::Parser and leave the bytes that follow the
// handshake (the first frames) to the caller. Every failure comes with one specific, translated sentence
// ("Sec-WebSocket-Accept is X, expected Y") because showing why a handshake failed is what a debugger
// is for.
//
// Plain objects owned by the connection that runs the handshake, used on that connection's thread;
// the static helpers are thread-safe.
class Handshake
{
    Q_DECLARE_TR_FUNCTIONS(Handshake)
public:
    // RFC 6455 §1.3: the GUID the server appends to the key before hashing.
    static constexpr char AcceptGuid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    // RFC 6455 §4.1 item 9: the only version this implementation speaks.
    static constexpr int Version = 13;

    // A fresh Sec-WebSocket-Key: 16 random bytes, base64-encoded (§4.1 item 7).
    static QByteArray generateKey();
    // base64(SHA-1(key + AcceptGuid)) (§4.2.2 item 5.4): what the server puts in Sec-WebSocket-Accept.
    static QByteArray acceptFor(QByteArrayView key);
    // The key is strict base64 of exactly 16 bytes (§4.2.1 item 5).
    static bool isValidKey(QByteArrayView key);
    // Origin allow-list (§10.2): true when the list is empty, the origin is in it (ASCII case-insensitive,
    // as origins are serialized lowercase, RFC 6454 §6.2) or the list holds "*".
    static bool isOriginAllowed(QByteArrayView origin, const QList<QByteArray> &allowedOrigins);

    // A rejection a server answers with: any status, reason phrase, headers and body, so a user can test
    // how a client copes with "503 Service Unavailable" or a redirect.
    struct Rejection
    {
        int statusCode = 403;
        QByteArray reasonPhrase; // empty: the standard phrase for the code
        QList<HttpMessage::Field> headers;
        QByteArray body;
    };
    // The response for a rejection; Content-Length is added unless the headers set Content-Length or
    // Transfer-Encoding themselves.
    static HttpMessage rejectionResponse(const Rejection &rejection);

    struct ClientOptions
    {
        QUrl url; // ws://host[:port]/path?query or wss://...; a fragment is never sent (§3)
        QByteArray origin; // sent as Origin when not empty (§4.1 item 8: browsers always send it)
        QByteArray userAgent = QByteArrayLiteral("Frameline"); // sent as User-Agent when not empty
        QList<QByteArray> subprotocols; // Sec-WebSocket-Protocol, in order of preference (§4.1 item 10)
        QList<DeflateOffer> deflateOffers; // permessage-deflate offers, in order of preference (RFC 7692 §5)
        QList<QByteArray> otherExtensions; // further extension offers, sent as written after the deflate ones
        // Sent after the defaults. The first header named like a default one (Origin, User-Agent, or even
        // Sec-WebSocket-Version, to test a server) replaces it in place; the response is always checked
        // against what was actually sent.
        QList<HttpMessage::Field> extraHeaders;
        QByteArray key; // Sec-WebSocket-Key as sent; empty: a fresh random key. Tests fix it.
        HttpParseOptions parseOptions; // limits for the response head and the body of a rejection
    };

    struct ServerOptions
    {
        // Subprotocols this server speaks, in ITS order of preference: the first one in this list that the
        // client offered is chosen, whatever the client's order (§4.2.2 step 4, /subprotocol/, leaves the
        // choice to the server; preferring our own list lets a user pin down what a test server answers).
        QList<QByteArray> subprotocols;
        DeflateServerPolicy deflate; // deflate.enabled = false declines every permessage-deflate offer
        // Empty: any origin. Otherwise a request whose Origin is not listed gets 403 Forbidden. A request
        // without Origin passes: it comes from a non-browser client, which could send any Origin anyway.
        QList<QByteArray> allowedOrigins;
        // Added to the 101; the first header named like a default one replaces it (for example a wrong
        // Sec-WebSocket-Accept, to test a client).
        QList<HttpMessage::Field> extraResponseHeaders;
        // When set, every request that would be accepted gets this answer instead.
        std::optional<Rejection> rejectWith;
        HttpParseOptions parseOptions;
    };

    class Client;
    class Server;
};

// The client side of the opening handshake (RFC 6455 §4.1).
class Handshake::Client
{
public:
    enum class Status : quint8 { AwaitingResponse, Accepted, Failed };

    // Builds the request at once. Options that cannot make a request (not a ws/wss URL, a header with a
    // line break) leave the client Failed with the reason.
    explicit Client(const ClientOptions &options);

    Status status() const { return m_status; }
    // Why the handshake failed; empty otherwise.
    const QString &errorString() const { return m_errorString; }

    const HttpMessage &request() const { return m_request; }
    // The exact bytes to send; empty when the options could not make a request (then status() is
    // Failed from the start and nothing should be sent).
    QByteArray requestBytes() const { return m_requestValid ? m_request.serialize() : QByteArray(); }
    // The key as sent, and the Sec-WebSocket-Accept the server must answer with.
    const QByteArray &key() const { return m_key; }
    const QByteArray &expectedAccept() const { return m_expectedAccept; }

    // Reads the server's response in any pieces. Accepted: consumed() bytes of this piece were the
    // response; the rest are the first frames. Failed on a response that is not 101 comes once its
    // Content-Length body is in (at most parseOptions.maxBodySize bytes of it) or, without
    // Content-Length, at once with the body bytes that came with the head.
    Status feed(QByteArrayView bytes);
    qsizetype consumed() const { return m_consumed; }
    // The connection closed: a handshake still waiting fails (keeping what arrived).
    Status connectionClosed();
    // Checks a response that was parsed elsewhere.
    Status handleResponse(const HttpMessage &response);

    // The response as far as it arrived (head, and body for a rejection).
    const HttpMessage &response() const { return m_headDone ? m_response : m_parser.message(); }
    // What the server agreed to, once Accepted.
    const QByteArray &subprotocol() const { return m_subprotocol; } // empty: none
    const std::optional<DeflateParameters> &deflate() const { return m_deflate; }
    // Every extension the server accepted, as it wrote each element, in its order.
    const QList<QByteArray> &extensions() const { return m_extensions; }

private:
    Status fail(const QString &reason);
    Status finishHead();
    QString validateSwitchingResponse();
    QString validateExtensions();
    QString validateSubprotocol();

    Status m_status = Status::AwaitingResponse;
    QString m_errorString;
    HttpMessage m_request;
    bool m_requestValid = false;
    QByteArray m_key;
    QByteArray m_expectedAccept;
    HttpMessage::Parser m_parser;
    HttpMessage m_response;
    bool m_headDone = false;
    qint64 m_bodyRemaining = 0; // of a rejection's body, within maxBodySize
    qint64 m_bodyDeclared = -1; // its Content-Length; -1: none
    bool m_bodyUntilClose = false; // no Content-Length: the body ends with the connection
    qsizetype m_consumed = 0;
    QByteArray m_subprotocol;
    std::optional<DeflateParameters> m_deflate;
    QList<QByteArray> m_extensions;
};

// The server side of the opening handshake (RFC 6455 §4.2).
class Handshake::Server
{
public:
    enum class Status : quint8 { AwaitingRequest, Accepted, Rejected };

    explicit Server(const ServerOptions &options = {});

    Status status() const { return m_status; }
    // Why the request was rejected; empty otherwise.
    const QString &errorString() const { return m_errorString; }

    // Reads the client's request in any pieces. Once Accepted or Rejected, response() is the answer to
    // send and consumed() says how many bytes of this piece were the request (the rest are frames the
    // client sent early).
    Status feed(QByteArrayView bytes);
    qsizetype consumed() const { return m_consumed; }
    // Checks a request that was parsed elsewhere.
    Status handleRequest(const HttpMessage &request);

    // The request as far as it arrived.
    const HttpMessage &request() const { return m_requestDone ? m_request : m_parser.message(); }
    // The 101, or the rejection: 400 (malformed), 405 (not GET), 403 (origin), 426 with
    // Sec-WebSocket-Version: 13 (no websocket upgrade, other version), 414/431 (limits), or rejectWith.
    const HttpMessage &response() const { return m_response; }
    QByteArray responseBytes() const { return m_response.serialize(); }

    // What was agreed, once Accepted.
    const QByteArray &subprotocol() const { return m_subprotocol; } // empty: none
    const std::optional<DeflateParameters> &deflate() const { return m_deflate; }
    // Things worth showing that did not fail the handshake (declined permessage-deflate offers).
    const QStringList &notes() const { return m_notes; }

private:
    Status reject(int statusCode, const QString &reason, const QList<HttpMessage::Field> &headers = {});
    Status accept();

    ServerOptions m_options;
    Status m_status = Status::AwaitingRequest;
    QString m_errorString;
    HttpMessage::Parser m_parser;
    HttpMessage m_request;
    bool m_requestDone = false;
    HttpMessage m_response;
    qsizetype m_consumed = 0;
    QByteArray m_subprotocol;
    std::optional<DeflateParameters> m_deflate;
    QStringList m_notes;
};

} // namespace Frameline
