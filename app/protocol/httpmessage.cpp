#include "app/protocol/httpmessage.h"

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Frameline {

namespace {

// RFC 7230 §3.2.6: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" /
// "|" / "~" / DIGIT / ALPHA
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c != '\0' && QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

// OWS, RFC 7230 §3.2.3
bool isWhitespace(char c)
{
    return c == ' ' || c == '\t';
}

bool isControl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

QByteArrayView trimWhitespace(QByteArrayView text)
{
    while (!text.isEmpty() && isWhitespace(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isWhitespace(text.back()))
        text.chop(1);
    return text;
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

QString quoted(QByteArrayView bytes)
{
    return HttpMessage::quotedForDisplay(bytes);
}

QString hexByte(char c)
{
    return QString::number(static_cast<unsigned char>(c), 16).rightJustified(2, u'0');
}

// "HTTP/" DIGIT "." DIGIT (RFC 7230 §2.6).
bool parseVersion(QByteArrayView text, int *major, int *minor)
{
    if (text.size() != 8 || !text.startsWith("HTTP/") || !isDigit(text[5]) || text[6] != '.'
        || !isDigit(text[7]))
        return false;
    *major = text[5] - '0';
    *minor = text[7] - '0';
    return true;
}

} // namespace

// --- HttpMessage -------------------------------------------------------------------------------------------

HttpMessage HttpMessage::request(const QByteArray &method, const QByteArray &target)
{
    HttpMessage message;
    message.m_kind = Kind::Request;
    message.m_method = method;
    message.m_target = target;
    return message;
}

HttpMessage HttpMessage::response(int statusCode, const QByteArray &reasonPhrase)
{
    HttpMessage message;
    message.m_kind = Kind::Response;
    message.m_statusCode = statusCode;
    message.m_reasonPhrase = reasonPhrase.isEmpty() ? standardReasonPhrase(statusCode) : reasonPhrase;
    return message;
}

QString HttpMessage::statusText() const
{
    if (m_reasonPhrase.isEmpty())
        return QString::number(m_statusCode);
    return QString::number(m_statusCode) + u' ' + QString::fromUtf8(m_reasonPhrase);
}

QByteArray HttpMessage::version() const
{
    return "HTTP/" + QByteArray::number(m_versionMajor) + '.' + QByteArray::number(m_versionMinor);
}

void HttpMessage::setVersion(int major, int minor)
{
    m_versionMajor = major;
    m_versionMinor = minor;
}

bool HttpMessage::hasField(QByteArrayView name) const
{
    for (const Field &field : m_fields) {
        if (equalsIgnoringCase(field.name, name))
            return true;
    }
    return false;
}

qsizetype HttpMessage::fieldCount(QByteArrayView name) const
{
    qsizetype count = 0;
    for (const Field &field : m_fields) {
        if (equalsIgnoringCase(field.name, name))
            ++count;
    }
    return count;
}

QList<QByteArray> HttpMessage::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const Field &field : m_fields) {
        if (equalsIgnoringCase(field.name, name))
            result.append(field.value);
    }
    return result;
}

QByteArray HttpMessage::combinedValue(QByteArrayView name) const
{
    QByteArray result;
    bool first = true;
    for (const Field &field : m_fields) {
        if (!equalsIgnoringCase(field.name, name))
            continue;
        if (!first)
            result += ", ";
        result += field.value;
        first = false;
    }
    return result;
}

QList<QByteArray> HttpMessage::listElements(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const Field &field : m_fields) {
        if (equalsIgnoringCase(field.name, name))
            result += splitList(field.value);
    }
    return result;
}

bool HttpMessage::hasToken(QByteArrayView name, QByteArrayView token) const
{
    const QList<QByteArray> elements = listElements(name);
    for (const QByteArray &element : elements) {
        if (equalsIgnoringCase(element, token))
            return true;
    }
    return false;
}

void HttpMessage::addField(const QByteArray &name, const QByteArray &value)
{
    m_fields.append(Field { name, value });
}

void HttpMessage::setField(const QByteArray &name, const QByteArray &value)
{
    bool replaced = false;
    for (qsizetype i = 0; i < m_fields.size();) {
        if (!equalsIgnoringCase(m_fields[i].name, name)) {
            ++i;
        } else if (!replaced) {
            m_fields[i] = Field { name, value };
            replaced = true;
            ++i;
        } else {
            m_fields.removeAt(i);
        }
    }
    if (!replaced)
        addField(name, value);
}

void HttpMessage::removeFields(QByteArrayView name)
{
    m_fields.removeIf([name](const Field &field) { return equalsIgnoringCase(field.name, name); });
}

std::optional<qint64> HttpMessage::contentLength() const
{
    // RFC 7230 §3.3.3: Transfer-Encoding overrides Content-Length.
    if (hasField("Transfer-Encoding"))
        return std::nullopt;
    const QList<QByteArray> elements = listElements("Content-Length");
    if (elements.isEmpty())
        return std::nullopt;
    std::optional<qint64> length;
    for (const QByteArray &element : elements) {
        // 1*DIGIT, and short enough not to overflow.
        if (element.size() > 15 || !std::all_of(element.begin(), element.end(), isDigit))
            return std::nullopt;
        const qint64 value = element.toLongLong();
        // §3.3.2: differing values make the length unknowable.
        if (length && *length != value)
            return std::nullopt;
        length = value;
    }
    return length;
}

QByteArray HttpMessage::serializeHead() const
{
    QByteArray out;
    if (m_kind == Kind::Request)
        out = m_method + ' ' + m_target + ' ' + version() + "\r\n";
    else
        out = version() + ' ' + QByteArray::number(m_statusCode) + ' ' + m_reasonPhrase + "\r\n";
    for (const Field &field : m_fields)
        out += field.name + ": " + field.value + "\r\n";
    out += "\r\n";
    return out;
}

QByteArray HttpMessage::standardReasonPhrase(int statusCode)
{
    struct Reason
    {
        int code;
        const char *phrase;
    };
    static constexpr Reason reasons[] = {
        { 100, "Continue" },
        { 101, "Switching Protocols" },
        { 200, "OK" },
        { 201, "Created" },
        { 202, "Accepted" },
        { 204, "No Content" },
        { 301, "Moved Permanently" },
        { 302, "Found" },
        { 303, "See Other" },
        { 304, "Not Modified" },
        { 307, "Temporary Redirect" },
        { 308, "Permanent Redirect" },
        { 400, "Bad Request" },
        { 401, "Unauthorized" },
        { 403, "Forbidden" },
        { 404, "Not Found" },
        { 405, "Method Not Allowed" },
        { 406, "Not Acceptable" },
        { 408, "Request Timeout" },
        { 409, "Conflict" },
        { 410, "Gone" },
        { 411, "Length Required" },
        { 413, "Content Too Large" },
        { 414, "URI Too Long" },
        { 415, "Unsupported Media Type" },
        { 426, "Upgrade Required" },
        { 429, "Too Many Requests" },
        { 431, "Request Header Fields Too Large" },
        { 500, "Internal Server Error" },
        { 501, "Not Implemented" },
        { 502, "Bad Gateway" },
        { 503, "Service Unavailable" },
        { 504, "Gateway Timeout" },
        { 505, "HTTP Version Not Supported" },
    };
    for (const Reason &reason : reasons) {
        if (reason.code == statusCode)
            return QByteArray(reason.phrase);
    }
    return {};
}

QString HttpMessage::quotedForDisplay(QByteArrayView bytes)
{
    constexpr qsizetype maxShown = 64;
    QString out = u"\""_s;
    for (qsizetype i = 0; i < bytes.size() && i < maxShown; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '"' || c == '\\') {
            out += u'\\';
            out += QLatin1Char(char(c));
        } else if (c >= 0x20 && c < 0x7f) {
            out += QLatin1Char(char(c));
        } else {
            out += u"\\x"_s + QString::number(c, 16).rightJustified(2, u'0');
        }
    }
    if (bytes.size() > maxShown)
        out += u"\u2026"_s;
    out += u'"';
    return out;
}

bool HttpMessage::isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool HttpMessage::isValidFieldValue(QByteArrayView value)
{
    return std::none_of(value.begin(), value.end(), [](char c) { return isControl(c) && c != '\t'; });
}

QList<QByteArray> HttpMessage::splitList(QByteArrayView value)
{
    QList<QByteArray> result;
    auto addElement = [&result](QByteArrayView element) {
        element = trimWhitespace(element);
        if (!element.isEmpty())
            result.append(element.toByteArray());
    };
    bool inQuotes = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (inQuotes && c == '\\') {
            ++i; // quoted-pair (RFC 7230 §3.2.6): the next byte is literal
        } else if (c == '"') {
            inQuotes = !inQuotes;
        } else if (c == ',' && !inQuotes) {
            addElement(value.sliced(start, i - start));
            start = i + 1;
        }
    }
    addElement(value.sliced(start));
    return result;
}

// --- HttpMessage::Parser -----------------------------------------------------------------------------------

HttpMessage::Parser::Parser(Kind kind, const HttpParseOptions &options)
    : m_kind(kind)
    , m_options(options)
{
    reset();
}

void HttpMessage::Parser::reset()
{
    m_message = HttpMessage();
    m_message.m_kind = m_kind;
    m_status = Status::NeedMore;
    m_error = Error::None;
    m_errorInStartLine = false;
    m_errorString.clear();
    m_consumed = 0;
    m_lineStart = 0;
    m_lineNumber = 1;
    m_startLineDone = false;
    m_bareLineFeedSeen = false;
}

HttpMessage::Parser::Status HttpMessage::Parser::fail(Error error, const QString &reason)
{
    m_status = Status::Error;
    m_error = error;
    m_errorInStartLine = !m_startLineDone;
    m_errorString = reason;
    return m_status;
}

HttpMessage::Parser::Status HttpMessage::Parser::feed(QByteArrayView bytes)
{
    m_consumed = 0;
    if (m_status != Status::NeedMore)
        return m_status;

    // Byte by byte: every check below depends only on the bytes before it, so the outcome (status, error,
    // raw head) is the same however the stream is cut. A head is at most maxHeadSize bytes, so the loop
    // costs nothing worth optimizing, and it stops at the blank line, never touching the frames after it.
    QByteArray &raw = m_message.m_rawHead;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        m_consumed = i; // an error leaves the offending byte unconsumed
        const qsizetype lineSoFar = raw.size() - m_lineStart;
        const bool pendingCarriageReturn = lineSoFar > 0 && raw.back() == '\r';

        // RFC 7230 §3.5: a CR that does not end a line is rejected rather than guessed at.
        if (pendingCarriageReturn && c != '\n') {
            fail(Error::Malformed,
                HttpMessage::tr("line %1 contains a CR that is not followed by LF").arg(m_lineNumber));
            return m_status;
        }
        // No control characters in a head (RFC 7230 §3.2 and §3.1). This also stops binary data and TLS
        // records at their first bytes instead of after kilobytes.
        if (isControl(c) && c != '\t' && c != '\r' && c != '\n') {
            if (!m_startLineDone && lineSoFar == 0 && (c == 0x16 || c == 0x15)) {
                // A TLS handshake (0x16) or alert (0x15) record where HTTP should be: one side speaks TLS.
                fail(Error::Malformed,
                    m_kind == Kind::Response
                        ? HttpMessage::tr(
                            "line %1 is not an HTTP status line: the bytes look like a TLS record "
                            "(does the server expect wss://?)")
                              .arg(m_lineNumber)
                        : HttpMessage::tr("line %1 is not an HTTP request line: the bytes look like a TLS "
                                          "handshake (is the client using wss:// with a server without TLS?)")
                              .arg(m_lineNumber));
            } else {
                fail(Error::Malformed,
                    HttpMessage::tr("line %1 contains the control character 0x%2")
                        .arg(m_lineNumber)
                        .arg(hexByte(c)));
            }
            return m_status;
        }
        if (c != '\r' && c != '\n' && lineSoFar + 1 > m_options.maxLineLength) {
            fail(Error::LineTooLong,
                HttpMessage::tr("line %1 is longer than %2 bytes")
                    .arg(m_lineNumber)
                    .arg(m_options.maxLineLength));
            return m_status;
        }
        if (raw.size() + 1 > m_options.maxHeadSize) {
            fail(Error::HeadTooLarge,
                HttpMessage::tr("the HTTP head is larger than %1 bytes").arg(m_options.maxHeadSize));
            return m_status;
        }

        raw.append(c);
        m_consumed = i + 1;
        if (c != '\n')
            continue;

        QByteArrayView line(raw.constData() + m_lineStart, raw.size() - m_lineStart - 1);
        const bool bareLineFeed = !line.endsWith('\r');
        if (!bareLineFeed)
            line.chop(1);
        if (!processLine(line, bareLineFeed))
            return m_status;
        m_lineStart = raw.size();
        ++m_lineNumber;
        if (m_status == Status::Done)
            return m_status;
    }
    m_consumed = bytes.size();
    return m_status;
}

bool HttpMessage::Parser::processLine(QByteArrayView line, bool bareLineFeed)
{
    if (bareLineFeed) {
        if (!m_options.allowBareLineFeed) {
            fail(Error::Malformed,
                HttpMessage::tr("line %1 ends with a bare LF instead of CRLF").arg(m_lineNumber));
            return false;
        }
        // RFC 7230 §3.5 allows it; say so once, at the first such line.
        if (!m_bareLineFeedSeen) {
            m_bareLineFeedSeen = true;
            m_message.m_warnings.append(
                HttpMessage::tr("line %1 ends with a bare LF instead of CRLF (tolerated, RFC 7230 §3.5)")
                    .arg(m_lineNumber));
        }
    }

    if (!m_startLineDone) {
        if (line.isEmpty()) {
            if (m_kind == Kind::Request) {
                // RFC 7230 §3.5: a server SHOULD ignore at least one empty line before the request line.
                m_message.m_warnings.append(
                    HttpMessage::tr("line %1 is empty before the request line (ignored, RFC 7230 §3.5)")
                        .arg(m_lineNumber));
                return true;
            }
            fail(Error::Malformed,
                HttpMessage::tr("line %1 is empty; expected the status line").arg(m_lineNumber));
            return false;
        }
        const bool ok = m_kind == Kind::Request ? parseRequestLine(line) : parseStatusLine(line);
        if (ok)
            m_startLineDone = true;
        return ok;
    }

    if (line.isEmpty()) {
        m_status = Status::Done;
        return true;
    }

    if (isWhitespace(line.front())) {
        // obs-fold (RFC 7230 §3.2.4): a line starting with SP or HTAB continues the previous field value.
        // Whitespace right after the start line continues nothing; §3 says to reject it.
        if (m_message.m_fields.isEmpty()) {
            fail(Error::Malformed,
                HttpMessage::tr("line %1 starts with whitespace but there is no header field to continue")
                    .arg(m_lineNumber));
            return false;
        }
        Field &field = m_message.m_fields.back();
        const QByteArrayView continuation = trimWhitespace(line);
        if (!continuation.isEmpty()) {
            if (!field.value.isEmpty())
                field.value += ' ';
            field.value += continuation;
        }
        m_message.m_warnings.append(
            HttpMessage::tr("line %1 continues the header field %2 (obs-fold, RFC 7230 "
                            "§3.2.4); it was joined with a space")
                .arg(m_lineNumber)
                .arg(quoted(field.name)));
        return true;
    }
    return parseField(line);
}

bool HttpMessage::Parser::parseRequestLine(QByteArrayView line)
{
    // request-line = method SP request-target SP HTTP-version (RFC 7230 §3.1.1)
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : line.indexOf(' ', firstSpace + 1);
    if (firstSpace < 0 || secondSpace < 0 || line.indexOf(' ', secondSpace + 1) >= 0) {
        fail(Error::Malformed,
            HttpMessage::tr("line %1 is not an HTTP request line (method SP target SP "
                            "HTTP-version): %2")
                .arg(m_lineNumber)
                .arg(quoted(line)));
        return false;
    }
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(secondSpace + 1);
    if (!isToken(method)) {
        fail(Error::Malformed,
            HttpMessage::tr("the request method %1 is not a valid token").arg(quoted(method)));
        return false;
    }
    if (target.isEmpty() || target.contains('\t')) {
        fail(Error::Malformed, HttpMessage::tr("the request target %1 is not valid").arg(quoted(target)));
        return false;
    }
    if (!parseVersion(version, &m_message.m_versionMajor, &m_message.m_versionMinor)) {
        fail(Error::Malformed,
            HttpMessage::tr("%1 is not an HTTP version (expected HTTP/1.1)").arg(quoted(version)));
        return false;
    }
    m_message.m_method = method.toByteArray();
    m_message.m_target = target.toByteArray();
    return true;
}

bool HttpMessage::Parser::parseStatusLine(QByteArrayView line)
{
    // status-line = HTTP-version SP status-code SP reason-phrase (RFC 7230 §3.1.2). Many servers leave out
    // the SP before an empty reason phrase; we accept that.
    const qsizetype firstSpace = line.indexOf(' ');
    const QByteArrayView version = firstSpace < 0 ? line : line.first(firstSpace);
    if (!parseVersion(version, &m_message.m_versionMajor, &m_message.m_versionMinor)) {
        fail(Error::Malformed, HttpMessage::tr("line 1 is not an HTTP status line: %1").arg(quoted(line)));
        return false;
    }
    const QByteArrayView rest = firstSpace < 0 ? QByteArrayView() : line.sliced(firstSpace + 1);
    const QByteArrayView code = rest.first(qMin<qsizetype>(3, rest.size()));
    if (code.size() != 3 || !std::all_of(code.begin(), code.end(), isDigit) || code[0] == '0'
        || (rest.size() > 3 && rest[3] != ' ')) {
        const qsizetype codeEnd = rest.indexOf(' ');
        fail(Error::Malformed,
            HttpMessage::tr("the status code %1 is not three digits")
                .arg(quoted(codeEnd < 0 ? rest : rest.first(codeEnd))));
        return false;
    }
    m_message.m_statusCode = code.toInt();
    m_message.m_reasonPhrase = rest.size() > 4 ? rest.sliced(4).toByteArray() : QByteArray();
    return true;
}

bool HttpMessage::Parser::parseField(QByteArrayView line)
{
    // header-field = field-name ":" OWS field-value OWS (RFC 7230 §3.2)
    const qsizetype colon = line.indexOf(':');
    if (colon < 0) {
        fail(Error::Malformed,
            HttpMessage::tr("line %1 has no colon: %2").arg(m_lineNumber).arg(quoted(line)));
        return false;
    }
    const QByteArrayView name = line.first(colon);
    if (name.isEmpty()) {
        fail(Error::Malformed, HttpMessage::tr("line %1 has an empty header field name").arg(m_lineNumber));
        return false;
    }
    // §3.2.4: "No whitespace is allowed between the header field-name and colon"; a server MUST reject it
    // because proxies disagree on what it means (request smuggling).
    if (isWhitespace(name.back())) {
        fail(Error::Malformed,
            HttpMessage::tr("line %1 has whitespace between the field name and the colon "
                            "(not allowed, RFC 7230 §3.2.4)")
                .arg(m_lineNumber));
        return false;
    }
    if (!isToken(name)) {
        fail(Error::Malformed,
            HttpMessage::tr("line %1: the field name %2 is not a valid token")
                .arg(m_lineNumber)
                .arg(quoted(name)));
        return false;
    }
    if (m_message.m_fields.size() >= m_options.maxFieldCount) {
        fail(Error::TooManyFields,
            HttpMessage::tr("the HTTP head has more than %1 header fields").arg(m_options.maxFieldCount));
        return false;
    }
    m_message.m_fields.append(
        Field { name.toByteArray(), trimWhitespace(line.sliced(colon + 1)).toByteArray() });
    return true;
}

} // namespace Frameline
