#include "app/protocol/handshake.h"

#include "app/protocol/securerandom.h"

#include <QtCore/QCryptographicHash>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Frameline {

namespace {

constexpr QByteArrayView PermessageDeflate("permessage-deflate");

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

QString quoted(QByteArrayView bytes)
{
    return HttpMessage::quotedForDisplay(bytes);
}

// The extension name of one Sec-WebSocket-Extensions element: the token before the first ';' (§9.1).
QByteArray extensionName(QByteArrayView element)
{
    const qsizetype semicolon = element.indexOf(';');
    return (semicolon < 0 ? element : element.first(semicolon)).trimmed().toByteArray();
}

// Header values a user typed must not smuggle a line break into the request (header injection).
QString checkField(const HttpMessage::Field &field)
{
    if (!HttpMessage::isToken(field.name))
        return Handshake::tr("the header name %1 is not a valid token").arg(quoted(field.name));
    if (!HttpMessage::isValidFieldValue(field.value))
        return Handshake::tr("the value of header %1 contains a line break or control character")
            .arg(quoted(field.name));
    return {};
}

// Adds user headers after the defaults already in `message`: the first one named like a default replaces
// that default in place, the rest are appended, so a user can override anything but keeps a sane order.
void mergeHeaders(HttpMessage &message, const QList<HttpMessage::Field> &extra)
{
    QList<HttpMessage::Field> fields = message.fields();
    const qsizetype defaults = fields.size();
    QList<bool> replaced(defaults, false);
    for (const HttpMessage::Field &field : extra) {
        bool done = false;
        for (qsizetype i = 0; i < defaults && !done; ++i) {
            if (!replaced[i] && equalsIgnoringCase(fields[i].name, field.name)) {
                fields[i] = field;
                replaced[i] = true;
                done = true;
            }
        }
        if (!done)
            fields.append(field);
    }
    message.setFields(fields);
}

} // namespace

// --- Handshake ---------------------------------------------------------------------------------------------

QByteArray Handshake::generateKey()
{
    return SecureRandom::bytes(16).toBase64();
}

QByteArray Handshake::acceptFor(QByteArrayView key)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(key);
    sha1.addData(QByteArrayView(AcceptGuid));
    return sha1.result().toBase64();
}

bool Handshake::isValidKey(QByteArrayView key)
{
    // 16 bytes are always 24 characters of base64 ending in "=="; anything else (whitespace, base64url,
    // missing padding) is not what §4.1 item 7 describes.
    if (key.size() != 24)
        return false;
    const auto decoded
        = QByteArray::fromBase64Encoding(key.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    return decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok && decoded.decoded.size() == 16;
}

bool Handshake::isOriginAllowed(QByteArrayView origin, const QList<QByteArray> &allowedOrigins)
{
    if (allowedOrigins.isEmpty())
        return true;
    for (const QByteArray &allowed : allowedOrigins) {
        if (allowed == "*" || equalsIgnoringCase(allowed, origin))
            return true;
    }
    return false;
}

HttpMessage Handshake::rejectionResponse(const Rejection &rejection)
{
    HttpMessage response = HttpMessage::response(rejection.statusCode, rejection.reasonPhrase);
    response.setFields(rejection.headers);
    if (!response.hasField("Content-Length") && !response.hasField("Transfer-Encoding"))
        response.addField("Content-Length", QByteArray::number(rejection.body.size()));
    response.setBody(rejection.body);
    return response;
}

// --- Handshake::Client -------------------------------------------------------------------------------------

Handshake::Client::Client(const ClientOptions &options)
    : m_parser(HttpMessage::Kind::Response, options.parseOptions)
{
    const QUrl &url = options.url;
    const QString scheme = url.scheme().toLower();
    if (url.isEmpty()) {
        fail(Handshake::tr("no URL was given"));
        return;
    }
    if (!url.isValid() || (scheme != u"ws"_s && scheme != u"wss"_s)) {
        fail(Handshake::tr("%1 is not a ws:// or wss:// URL").arg(url.toDisplayString()));
        return;
    }
    const QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.isEmpty()) {
        fail(Handshake::tr("the URL %1 has no host").arg(url.toDisplayString()));
        return;
    }

    // RFC 6455 §4.1 items 2-4: Host carries the port only when it is not the scheme's default, and an IPv6
    // literal in brackets (RFC 3986 §3.2.2).
    const bool secure = scheme == u"wss"_s;
    QByteArray hostField = host;
    if (host.contains(':'))
        hostField = '[' + host + ']';
    const int port = url.port();
    if (port >= 0 && port != (secure ? 443 : 80))
        hostField += ':' + QByteArray::number(port);

    // §3: the resource name is the path (at least "/") and the query; the fragment is never sent.
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();

    m_request = HttpMessage::request("GET", target);
    m_request.addField("Host", hostField);
    m_request.addField("Upgrade", "websocket");
    m_request.addField("Connection", "Upgrade");
    m_request.addField("Sec-WebSocket-Key", options.key.isEmpty() ? generateKey() : options.key);
    m_request.addField("Sec-WebSocket-Version", QByteArray::number(Version));
    if (!options.origin.isEmpty())
        m_request.addField("Origin", options.origin);
    if (!options.subprotocols.isEmpty())
        m_request.addField("Sec-WebSocket-Protocol", options.subprotocols.join(", "));
    QList<QByteArray> extensionOffers;
    for (const DeflateOffer &offer : options.deflateOffers)
        extensionOffers.append(offer.toHeaderValue());
    extensionOffers += options.otherExtensions;
    if (!extensionOffers.isEmpty())
        m_request.addField("Sec-WebSocket-Extensions", extensionOffers.join(", "));
    if (!options.userAgent.isEmpty())
        m_request.addField("User-Agent", options.userAgent);
    mergeHeaders(m_request, options.extraHeaders);

    for (const HttpMessage::Field &field : m_request.fields()) {
        const QString problem = checkField(field);
        if (!problem.isEmpty()) {
            fail(problem);
            return;
        }
    }

    // Checked against what is actually sent, which the extra headers may have changed.
    m_key = m_request.values("Sec-WebSocket-Key").value(0);
    m_expectedAccept = acceptFor(m_key);
    m_requestValid = true;
}

Handshake::Client::Status Handshake::Client::fail(const QString &reason)
{
    m_status = Status::Failed;
    m_errorString = reason;
    return m_status;
}

Handshake::Client::Status Handshake::Client::feed(QByteArrayView bytes)
{
    m_consumed = 0;
    if (m_status != Status::AwaitingResponse)
        return m_status;

    qsizetype used = 0;
    if (!m_headDone) {
        const HttpMessage::Parser::Status parsed = m_parser.feed(bytes);
        used = m_parser.consumed();
        m_consumed = used;
        if (parsed == HttpMessage::Parser::Status::NeedMore)
            return m_status;
        if (parsed == HttpMessage::Parser::Status::Error)
            return fail(
                Handshake::tr("the server's response is not valid HTTP: %1").arg(m_parser.errorString()));
        m_response = m_parser.takeMessage();
        m_headDone = true;
        if (finishHead() != Status::AwaitingResponse)
            return m_status;
    }

    // A rejection's body, so the user sees what the server said.
    const QByteArrayView rest = bytes.sliced(used);
    const qsizetype take = m_bodyUntilClose ? qMin<qsizetype>(rest.size(), m_parser.options().maxBodySize)
                                            : qsizetype(qMin<qint64>(m_bodyRemaining, rest.size()));
    QByteArray body = m_response.body();
    body.append(rest.first(take));
    m_response.setBody(body);
    m_bodyRemaining -= take;
    m_consumed = used + take;
    // Without a length the body runs to the end of the connection (RFC 7230 §3.3.3 item 7): keep what came
    // with the head and report now rather than wait for a close that may never come.
    if (m_bodyUntilClose || m_bodyRemaining <= 0) {
        m_response.setBodyTruncated(m_bodyDeclared > body.size());
        return fail(Handshake::tr("the server answered %1 instead of 101 Switching Protocols")
                        .arg(m_response.statusText()));
    }
    return m_status;
}

// The head is complete: a 101 is checked now; anything else waits for its body.
Handshake::Client::Status Handshake::Client::finishHead()
{
    if (m_response.statusCode() == 101) {
        const QString problem = validateSwitchingResponse();
        if (!problem.isEmpty())
            return fail(problem);
        m_status = Status::Accepted;
        return m_status;
    }
    // RFC 7230 §3.3.3 item 1: 1xx, 204 and 304 responses never have a body.
    const int code = m_response.statusCode();
    const bool bodiless = (code >= 100 && code < 200) || code == 204 || code == 304;
    const std::optional<qint64> length = bodiless ? std::optional<qint64>(0) : m_response.contentLength();
    m_bodyUntilClose = !length;
    m_bodyDeclared = length.value_or(-1);
    m_bodyRemaining = qMin<qint64>(length.value_or(0), m_parser.options().maxBodySize);
    return m_status;
}

Handshake::Client::Status Handshake::Client::handleResponse(const HttpMessage &response)
{
    if (m_status != Status::AwaitingResponse)
        return m_status;
    m_response = response;
    m_headDone = true;
    if (finishHead() != Status::AwaitingResponse)
        return m_status;
    return fail(Handshake::tr("the server answered %1 instead of 101 Switching Protocols")
                    .arg(m_response.statusText()));
}

Handshake::Client::Status Handshake::Client::connectionClosed()
{
    if (m_status != Status::AwaitingResponse)
        return m_status;
    if (!m_headDone) {
        if (m_parser.headSize() == 0)
            return fail(Handshake::tr("the connection closed before the server answered the handshake"));
        return fail(
            Handshake::tr("the connection closed in the middle of the server's response (after %1 bytes)")
                .arg(m_parser.headSize()));
    }
    m_response.setBodyTruncated(true);
    return fail(Handshake::tr("the server answered %1 instead of 101 Switching Protocols")
                    .arg(m_response.statusText()));
}

// RFC 6455 §4.1, the client's checks of a 101 response, in the order the RFC lists them.
QString Handshake::Client::validateSwitchingResponse()
{
    // Item 2: Upgrade must be "websocket", compared ASCII case-insensitively.
    if (!m_response.hasField("Upgrade"))
        return Handshake::tr("the response has no Upgrade header");
    const QByteArray upgrade = m_response.combinedValue("Upgrade");
    if (!equalsIgnoringCase(upgrade, "websocket"))
        return Handshake::tr("Upgrade is %1, expected \"websocket\"").arg(quoted(upgrade));

    // Item 3: Connection must hold the "Upgrade" token (it is a list, RFC 7230 §6.1).
    if (!m_response.hasField("Connection"))
        return Handshake::tr("the response has no Connection header");
    if (!m_response.hasToken("Connection", "upgrade")) {
        return Handshake::tr("Connection is %1, which has no \"Upgrade\" token")
            .arg(quoted(m_response.combinedValue("Connection")));
    }

    // Item 4: Sec-WebSocket-Accept must be base64(SHA-1(key + GUID)).
    const QList<QByteArray> accepts = m_response.values("Sec-WebSocket-Accept");
    if (accepts.isEmpty())
        return Handshake::tr("the response has no Sec-WebSocket-Accept header");
    if (accepts.size() > 1)
        return Handshake::tr("the response has %1 Sec-WebSocket-Accept headers").arg(accepts.size());
    if (accepts.front() != m_expectedAccept) {
        return Handshake::tr("Sec-WebSocket-Accept is %1, expected %2")
            .arg(QString::fromLatin1(accepts.front()), QString::fromLatin1(m_expectedAccept));
    }

    // Item 5: only extensions that were offered.
    QString problem = validateExtensions();
    if (!problem.isEmpty())
        return problem;
    // Item 6: only a subprotocol that was offered.
    return validateSubprotocol();
}

QString Handshake::Client::validateExtensions()
{
    const QList<QByteArray> offered = m_request.listElements("Sec-WebSocket-Extensions");
    const QList<DeflateOffer> deflateOffers
        = PerMessageDeflate::parseOffers(m_request.combinedValue("Sec-WebSocket-Extensions"));

    QList<QByteArray> seen;
    const QList<QByteArray> elements = m_response.listElements("Sec-WebSocket-Extensions");
    for (const QByteArray &element : elements) {
        const QByteArray name = extensionName(element);
        for (const QByteArray &earlier : std::as_const(seen)) {
            if (equalsIgnoringCase(earlier, name))
                return Handshake::tr("the server chose extension %1 twice").arg(quoted(name));
        }
        seen.append(name);

        const bool wasOffered = std::any_of(offered.begin(), offered.end(),
            [&name](const QByteArray &offer) { return equalsIgnoringCase(extensionName(offer), name); });
        if (!wasOffered)
            return Handshake::tr("the server chose extension %1, which was not offered").arg(quoted(name));

        if (equalsIgnoringCase(name, PermessageDeflate)) {
            if (deflateOffers.isEmpty()) {
                return Handshake::tr("the server chose permessage-deflate, but the request had no valid "
                                     "permessage-deflate offer");
            }
            // RFC 7692 §5: the response answers one of the offers; the first it is valid for wins.
            QString firstError;
            for (const DeflateOffer &offer : deflateOffers) {
                QString error;
                m_deflate = PerMessageDeflate::acceptResponse(element, offer, &error);
                if (m_deflate)
                    break;
                if (firstError.isEmpty())
                    firstError = error;
            }
            if (!m_deflate)
                return Handshake::tr("the server's permessage-deflate response is not acceptable: %1")
                    .arg(firstError);
        }
        m_extensions.append(element);
    }
    return {};
}

QString Handshake::Client::validateSubprotocol()
{
    if (!m_response.hasField("Sec-WebSocket-Protocol"))
        return {}; // §4.2.2: the server may choose none of the offered subprotocols
    const QList<QByteArray> chosen = m_response.listElements("Sec-WebSocket-Protocol");
    if (chosen.isEmpty())
        return Handshake::tr("the server sent an empty Sec-WebSocket-Protocol header");
    if (chosen.size() > 1) {
        return Handshake::tr("the server chose more than one subprotocol (%1)")
            .arg(quoted(m_response.combinedValue("Sec-WebSocket-Protocol")));
    }
    // Subprotocol names are compared exactly, as browsers do.
    if (!m_request.listElements("Sec-WebSocket-Protocol").contains(chosen.front()))
        return Handshake::tr("the server chose subprotocol %1, which was not offered")
            .arg(quoted(chosen.front()));
    m_subprotocol = chosen.front();
    return {};
}

// --- Handshake::Server -------------------------------------------------------------------------------------

Handshake::Server::Server(const ServerOptions &options)
    : m_options(options)
    , m_parser(HttpMessage::Kind::Request, options.parseOptions)
{ }

Handshake::Server::Status Handshake::Server::feed(QByteArrayView bytes)
{
    m_consumed = 0;
    if (m_status != Status::AwaitingRequest)
        return m_status;
    const HttpMessage::Parser::Status parsed = m_parser.feed(bytes);
    m_consumed = m_parser.consumed();
    switch (parsed) {
    case HttpMessage::Parser::Status::NeedMore:
        return m_status;
    case HttpMessage::Parser::Status::Error: {
        const QString reason = Handshake::tr("the request is not valid HTTP: %1").arg(m_parser.errorString());
        switch (m_parser.error()) {
        case HttpMessage::Parser::Error::LineTooLong:
            return reject(m_parser.errorInStartLine() ? 414 : 431, reason); // RFC 7231 §6.5.12, RFC 6585 §5
        case HttpMessage::Parser::Error::HeadTooLarge:
        case HttpMessage::Parser::Error::TooManyFields:
            return reject(431, reason);
        case HttpMessage::Parser::Error::None:
        case HttpMessage::Parser::Error::Malformed:
            break;
        }
        return reject(400, reason);
    }
    case HttpMessage::Parser::Status::Done:
        break;
    }
    return handleRequest(m_parser.takeMessage());
}

// RFC 6455 §4.2.1, the server's checks of the client's request, in the order the RFC lists them.
Handshake::Server::Status Handshake::Server::handleRequest(const HttpMessage &request)
{
    if (m_status != Status::AwaitingRequest)
        return m_status;
    m_request = request;
    m_requestDone = true;

    // Item 1: "An HTTP/1.1 or higher GET request".
    if (m_request.method() != "GET") {
        return reject(405,
            Handshake::tr("the method is %1; a WebSocket handshake uses GET").arg(quoted(m_request.method())),
            { { "Allow", "GET" } });
    }
    if (m_request.versionMajor() < 1 || (m_request.versionMajor() == 1 && m_request.versionMinor() < 1)) {
        return reject(400,
            Handshake::tr("the request is %1; a WebSocket handshake needs HTTP/1.1 or later")
                .arg(QString::fromLatin1(m_request.version())));
    }

    // Item 2: exactly one Host (RFC 7230 §5.4 asks for 400 otherwise).
    const qsizetype hosts = m_request.fieldCount("Host");
    if (hosts == 0)
        return reject(400, Handshake::tr("the request has no Host header"));
    if (hosts > 1)
        return reject(400, Handshake::tr("the request has %1 Host headers").arg(hosts));

    // Item 3: Upgrade holds "websocket". Without it this is a plain HTTP request: 426 tells the client
    // what it could upgrade to (RFC 7231 §6.5.15 requires the Upgrade header with it).
    const QList<HttpMessage::Field> upgradeRequired = { { "Upgrade", "websocket" },
        { "Connection", "Upgrade" }, { "Sec-WebSocket-Version", QByteArray::number(Version) } };
    if (!m_request.hasField("Upgrade"))
        return reject(426, Handshake::tr("the request has no Upgrade header"), upgradeRequired);
    if (!m_request.hasToken("Upgrade", "websocket")) {
        return reject(426,
            Handshake::tr("Upgrade is %1, which has no \"websocket\" token")
                .arg(quoted(m_request.combinedValue("Upgrade"))),
            upgradeRequired);
    }

    // Item 4: Connection holds "Upgrade".
    if (!m_request.hasField("Connection"))
        return reject(400, Handshake::tr("the request has no Connection header"));
    if (!m_request.hasToken("Connection", "upgrade")) {
        return reject(400,
            Handshake::tr("Connection is %1, which has no \"Upgrade\" token")
                .arg(quoted(m_request.combinedValue("Connection"))));
    }

    // Item 5: Sec-WebSocket-Key, base64 of 16 bytes.
    const QList<QByteArray> keys = m_request.values("Sec-WebSocket-Key");
    if (keys.isEmpty())
        return reject(400, Handshake::tr("the request has no Sec-WebSocket-Key header"));
    if (keys.size() > 1)
        return reject(400, Handshake::tr("the request has %1 Sec-WebSocket-Key headers").arg(keys.size()));
    const QByteArray &key = keys.front();
    if (!isValidKey(key)) {
        const auto decoded = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
        if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok) {
            return reject(400, Handshake::tr("Sec-WebSocket-Key %1 is not valid base64").arg(quoted(key)));
        }
        return reject(400,
            Handshake::tr("Sec-WebSocket-Key %1 decodes to %2 bytes, not 16")
                .arg(quoted(key))
                .arg(decoded.decoded.size()));
    }

    // Item 6: version 13. §4.4: otherwise answer with the versions we speak.
    const QList<HttpMessage::Field> versionHeader
        = { { "Sec-WebSocket-Version", QByteArray::number(Version) } };
    if (!m_request.hasField("Sec-WebSocket-Version"))
        return reject(426, Handshake::tr("the request has no Sec-WebSocket-Version header"), versionHeader);
    const QByteArray version = m_request.combinedValue("Sec-WebSocket-Version");
    if (version != QByteArray::number(Version)) {
        return reject(426,
            Handshake::tr("Sec-WebSocket-Version is %1; this server speaks version 13").arg(quoted(version)),
            versionHeader);
    }

    // Item 7 and §10.2: the Origin check, for browsers.
    if (m_request.hasField("Origin")) {
        const QByteArray origin = m_request.combinedValue("Origin");
        if (!isOriginAllowed(origin, m_options.allowedOrigins))
            return reject(403, Handshake::tr("the origin %1 is not allowed").arg(quoted(origin)));
    }

    if (m_options.rejectWith) {
        m_response = rejectionResponse(*m_options.rejectWith);
        m_status = Status::Rejected;
        m_errorString = Handshake::tr("rejected as configured with %1").arg(m_response.statusText());
        return m_status;
    }
    return accept();
}

Handshake::Server::Status Handshake::Server::accept()
{
    // Item 8 / §4.2.2 step 4 and item 5.5: the subprotocol, by the server's order of preference (see
    // ServerOptions).
    const QList<QByteArray> offeredProtocols = m_request.listElements("Sec-WebSocket-Protocol");
    for (const QByteArray &supported : std::as_const(m_options.subprotocols)) {
        if (offeredProtocols.contains(supported)) {
            m_subprotocol = supported;
            break;
        }
    }

    // Item 9 / RFC 7692 §5: permessage-deflate, the first acceptable offer. Other extensions are declined
    // by leaving them out of the response.
    const QByteArray extensions = m_request.combinedValue("Sec-WebSocket-Extensions");
    if (!extensions.isEmpty()) {
        QStringList declined;
        const QList<DeflateOffer> offers = PerMessageDeflate::parseOffers(extensions, &declined);
        m_notes += declined;
        if (!offers.isEmpty()) {
            if (m_options.deflate.enabled)
                m_deflate = PerMessageDeflate::negotiate(offers, m_options.deflate);
            if (!m_deflate)
                m_notes.append(Handshake::tr("permessage-deflate was offered and declined"));
        }
    }

    // §4.2.2 item 5: the 101 response.
    m_response = HttpMessage::response(101);
    m_response.addField("Upgrade", "websocket");
    m_response.addField("Connection", "Upgrade");
    m_response.addField("Sec-WebSocket-Accept", acceptFor(m_request.values("Sec-WebSocket-Key").front()));
    if (!m_subprotocol.isEmpty())
        m_response.addField("Sec-WebSocket-Protocol", m_subprotocol);
    if (m_deflate)
        m_response.addField("Sec-WebSocket-Extensions", m_deflate->toHeaderValue());
    mergeHeaders(m_response, m_options.extraResponseHeaders);
    m_status = Status::Accepted;
    return m_status;
}

Handshake::Server::Status Handshake::Server::reject(
    int statusCode, const QString &reason, const QList<HttpMessage::Field> &headers)
{
    // A plain-text body with the reason, so whoever is debugging the client sees it too.
    Rejection rejection;
    rejection.statusCode = statusCode;
    rejection.headers = headers;
    if (!rejection.headers.contains(HttpMessage::Field { "Connection", "Upgrade" }))
        rejection.headers.append(HttpMessage::Field { "Connection", "close" });
    rejection.headers.append(HttpMessage::Field { "Content-Type", "text/plain; charset=utf-8" });
    rejection.body = reason.toUtf8() + '\n';
    m_response = rejectionResponse(rejection);
    m_status = Status::Rejected;
    m_errorString = reason;
    return m_status;
}

} // namespace Frameline
