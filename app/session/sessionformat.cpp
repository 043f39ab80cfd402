#include "app/session/sessionformat.h"

#include "app/net/clock.h"
#include "app/protocol/utf8validator.h"
#include "app/session/jsonline.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QtEndian>
#include <QtCore/qalgorithms.h>
#include <QtNetwork/QSslCertificate>

#include <cstring>

namespace Frameline {

namespace {

constexpr qint64 MaxExact = SessionFormat::MaxExactInteger;
// Nesting of JSON values inside an event line; the deepest the format uses is 4 (handshake, message,
// fields, field). Anything much deeper is not a session line, and stopping keeps the stack small.
constexpr int MaxDepth = 32;

// A key or identifier against a literal: sizes first, then an inlined compare (the literal's length is known
// at compile time, which QByteArrayView's constructor would compute at run time).
template<qsizetype N> inline bool is(QByteArrayView text, const char (&literal)[N])
{
    return text.size() == N - 1 && std::memcmp(text.data(), literal, N - 1) == 0;
}

// ---- writing ---------------------------------------------------------------------------------------

// Integers within ±2^53 as JSON numbers, larger ones as decimal strings (see MaxExactInteger).
void addInteger(JsonLine &line, QByteArrayView key, qint64 value)
{
    if (value > MaxExact || value < -MaxExact)
        line.addUtf8(key, QByteArray::number(value));
    else
        line.add(key, value);
}

void addUnsigned(JsonLine &line, QByteArrayView key, quint64 value)
{
    if (value > quint64(MaxExact))
        line.addUtf8(key, QByteArray::number(value));
    else
        line.add(key, qint64(value));
}

void appendInteger(QByteArray &out, qint64 value)
{
    if (value > MaxExact || value < -MaxExact) {
        out.append('"');
        out.append(QByteArray::number(value));
        out.append('"');
    } else {
        out.append(QByteArray::number(value));
    }
}

// A few bytes (a header, a masking key) as lower-case hex, without allocating.
void addHex(JsonLine &line, QByteArrayView key, QByteArrayView bytes)
{
    static const char digits[] = "0123456789abcdef";
    char hex[32];
    const qsizetype size = qMin<qsizetype>(bytes.size(), 16);
    for (qsizetype i = 0; i < size; ++i) {
        hex[2 * i] = digits[quint8(bytes[i]) >> 4];
        hex[2 * i + 1] = digits[quint8(bytes[i]) & 0xF];
    }
    line.addUtf8(key, QByteArrayView(hex, 2 * size));
}

// Bytes that are usually text (a header, a subprotocol): under `key` as a string when they are valid
// UTF-8, otherwise base64 under "<key>Base64".
void addBytes(JsonLine &line, QByteArrayView key, const QByteArray &bytes)
{
    if (Utf8Validator::isValid(bytes))
        line.addUtf8(key, bytes);
    else
        line.addUtf8(QByteArray(key.toByteArray() + "Base64"), bytes.toBase64());
}

QByteArray stringArray(const QStringList &strings)
{
    QByteArray out(1, '[');
    for (const QString &string : strings) {
        if (out.size() > 1)
            out.append(',');
        JsonLine::appendString(out, string.toUtf8());
    }
    out.append(']');
    return out;
}

QByteArray violationObject(const Violation &violation)
{
    JsonLine object;
    object.add("closeCode", int(violation.closeCode))
        .add("rfc", violation.rfcSection)
        .add("rule", violation.id())
        .add("fatal", violation.fatal)
        .add("message", violation.message);
    return object.toObject();
}

QByteArray violationsArray(const Violations &violations)
{
    QByteArray out(1, '[');
    for (const Violation &violation : violations) {
        if (out.size() > 1)
            out.append(',');
        out.append(violationObject(violation));
    }
    out.append(']');
    return out;
}

bool isDefault(const Violation &violation)
{
    const Violation empty;
    return violation.kind == empty.kind && violation.closeCode == empty.closeCode
        && violation.rfcSection == empty.rfcSection && violation.message == empty.message
        && violation.fatal == empty.fatal;
}

bool isDefault(const CloseInfo &close)
{
    const CloseInfo empty;
    return close.initiator == empty.initiator && close.code == empty.code && close.reason == empty.reason
        && close.sentCode == empty.sentCode
        && close.closingHandshakeCompleted == empty.closingHandshakeCompleted
        && close.abnormal == empty.abnormal;
}

bool isEmpty(const HttpMessage &message)
{
    return message.isRequest() && message.method().isEmpty() && message.target().isEmpty()
        && message.statusCode() == 0 && message.reasonPhrase().isEmpty() && message.versionMajor() == 1
        && message.versionMinor() == 1 && message.fields().isEmpty() && message.body().isEmpty()
        && !message.isBodyTruncated() && message.rawHead().isEmpty() && message.warnings().isEmpty();
}

QByteArray httpMessageObject(const HttpMessage &message)
{
    JsonLine object;
    object.addUtf8("kind", message.isRequest() ? "request" : "response");
    if (!message.method().isEmpty())
        addBytes(object, "method", message.method());
    if (!message.target().isEmpty())
        addBytes(object, "target", message.target());
    if (message.statusCode() != 0)
        object.add("statusCode", message.statusCode());
    if (!message.reasonPhrase().isEmpty())
        addBytes(object, "reasonPhrase", message.reasonPhrase());
    object.add("versionMajor", message.versionMajor()).add("versionMinor", message.versionMinor());
    QByteArray fields(1, '[');
    for (const HttpMessage::Field &field : message.fields()) {
        if (fields.size() > 1)
            fields.append(',');
        JsonLine fieldObject;
        addBytes(fieldObject, "name", field.name);
        addBytes(fieldObject, "value", field.value);
        fields.append(fieldObject.toObject());
    }
    fields.append(']');
    object.addRaw("fields", fields);
    if (!message.body().isEmpty())
        addBytes(object, "body", message.body());
    if (message.isBodyTruncated())
        object.add("bodyTruncated", true);
    if (!message.rawHead().isEmpty())
        addBytes(object, "rawHead", message.rawHead());
    if (!message.warnings().isEmpty())
        object.addRaw("warnings", stringArray(message.warnings()));
    return object.toObject();
}

QByteArray handshakeObject(const HandshakeRecord &record)
{
    JsonLine object;
    object.add("url", record.url)
        .add("peerAddress", record.peerAddress)
        .add("peerPort", int(record.peerPort))
        .add("accepted", record.accepted);
    if (!record.error.isEmpty())
        object.add("error", record.error);
    addBytes(object, "request", record.requestBytes);
    addBytes(object, "response", record.responseBytes);
    if (!isEmpty(record.request))
        object.addRaw("requestMessage", httpMessageObject(record.request));
    if (!isEmpty(record.response))
        object.addRaw("responseMessage", httpMessageObject(record.response));
    if (!record.subprotocol.isEmpty())
        addBytes(object, "subprotocol", record.subprotocol);
    if (record.deflate) {
        JsonLine deflate;
        deflate.add("serverNoContextTakeover", record.deflate->serverNoContextTakeover)
            .add("clientNoContextTakeover", record.deflate->clientNoContextTakeover)
            .add("serverMaxWindowBits", record.deflate->serverMaxWindowBits)
            .add("clientMaxWindowBits", record.deflate->clientMaxWindowBits);
        object.addRaw("deflate", deflate.toObject());
    }
    if (!record.expectedAccept.isEmpty())
        addBytes(object, "expectedAccept", record.expectedAccept);
    JsonLine timings;
    addInteger(timings, "dnsNs", record.timings.dnsNs);
    addInteger(timings, "connectNs", record.timings.connectNs);
    addInteger(timings, "tlsNs", record.timings.tlsNs);
    addInteger(timings, "upgradeNs", record.timings.upgradeNs);
    object.addRaw("timings", timings.toObject());
    return object.toObject();
}

QByteArray tlsObject(const TlsRecord &record)
{
    QByteArray chain(1, '[');
    for (const QSslCertificate &certificate : record.peerChain) {
        if (chain.size() > 1)
            chain.append(',');
        JsonLine::appendString(chain, certificate.toDer().toBase64());
    }
    chain.append(']');
    JsonLine object;
    object.add("protocol", record.protocol)
        .add("cipher", record.cipher)
        .add("serverName", record.serverName)
        .addRaw("peerChain", chain)
        .addRaw("certificateErrors", stringArray(record.certificateErrors))
        .add("verified", record.verified)
        .add("errorsIgnored", record.errorsIgnored)
        .add("clientCertificateSent", record.clientCertificateSent);
    return object.toObject();
}

QByteArray closeObject(const CloseInfo &close)
{
    JsonLine object;
    object.addUtf8("initiator", SessionFormat::initiatorId(close.initiator))
        .add("code", int(close.code))
        .add("reason", close.reason)
        .add("sentCode", int(close.sentCode))
        .add("closingHandshakeCompleted", close.closingHandshakeCompleted)
        .add("abnormal", close.abnormal);
    return object.toObject();
}

JsonLine startLine(QByteArrayView type, quint64 connectionId, qint64 timestampNs)
{
    JsonLine line;
    line.addUtf8("type", type);
    addUnsigned(line, "connection", connectionId);
    addInteger(line, "time", timestampNs);
    return line;
}

void encodeFrame(QByteArray &out, const FrameEvent &event)
{
    const Frame &frame = event.frame;
    JsonLine line = startLine(SessionFormat::TypeFrame, event.connectionId, event.timestampNs);
    line.addUtf8("direction", SessionFormat::directionId(event.direction))
        .addUtf8("origin", SessionFormat::originId(event.origin));
    addInteger(line, "index", frame.index);
    addInteger(line, "offset", frame.streamOffset);
    line.add("fin", frame.fin)
        .add("rsv1", frame.rsv1)
        .add("rsv2", frame.rsv2)
        .add("rsv3", frame.rsv3)
        .add("opcode", int(frame.opcode))
        .add("masked", frame.masked);
    const QByteArrayView key(reinterpret_cast<const char *>(frame.maskingKey.data()), 4);
    if (frame.masked || key != QByteArrayView("\0\0\0\0", 4))
        addHex(line, "maskKey", key);
    addUnsigned(line, "payloadLength", frame.payloadLength);
    line.add("lengthForm", int(frame.lengthForm));
    addHex(line, "headerHex", frame.rawHeader());
    line.addUtf8("position", SessionFormat::positionId(frame.position))
        .add("messageOpcode", int(frame.messageOpcode));
    if (frame.compressed)
        line.add("compressed", true);
    if (frame.payloadOmitted)
        line.add("payloadOmitted", true);
    // A frame of a text message is readable text when its own bytes are UTF-8 (a fragment may end inside
    // a character, and compressed bytes are not text until the whole message is inflated).
    const bool text = frame.messageOpcode == quint8(Opcode::Text) && !frame.compressed
        && Utf8Validator::isValid(event.payload);
    if (text)
        line.addUtf8("text", event.payload);
    else
        line.addUtf8("base64", event.payload.toBase64());
    if (!frame.violations.isEmpty())
        line.addRaw("violations", violationsArray(frame.violations));
    line.appendLineTo(out);
}

void encodeMessage(QByteArray &out, const MessageEvent &event)
{
    const Message &message = event.message;
    JsonLine line = startLine(SessionFormat::TypeMessage, event.connectionId, event.timestampNs);
    line.addUtf8("direction", SessionFormat::directionId(event.direction))
        .addUtf8("origin", SessionFormat::originId(event.origin));
    addInteger(line, "index", message.index);
    line.add("opcode", int(message.opcode));
    addInteger(line, "offset", message.streamOffset);
    QByteArray frameIndexes(1, '[');
    for (qint64 index : message.frameIndexes) {
        if (frameIndexes.size() > 1)
            frameIndexes.append(',');
        appendInteger(frameIndexes, index);
    }
    frameIndexes.append(']');
    line.addRaw("frameIndexes", frameIndexes);
    addUnsigned(line, "wireLength", message.wireLength);
    if (message.compressed)
        line.add("compressed", true);
    if (message.payloadTruncated)
        line.add("payloadTruncated", true);
    if (message.opcode == quint8(Opcode::Text) && Utf8Validator::isValid(message.payload))
        line.addUtf8("text", message.payload);
    else
        line.addUtf8("base64", message.payload.toBase64());
    if (!message.violations.isEmpty())
        line.addRaw("violations", violationsArray(message.violations));
    line.appendLineTo(out);
}

void encodeNotice(QByteArray &out, const ConnectionNotice &notice)
{
    using Kind = ConnectionNotice::Kind;
    JsonLine line
        = startLine(SessionFormat::noticeType(notice.kind), notice.connectionId, notice.timestampNs);
    // Every field the notice holds is written when it carries something, whatever the kind, so nothing
    // is lost; the kind's own field is always there.
    line.add("state", ConnectionText::stateId(notice.state));
    if ((notice.kind == Kind::StateChanged && notice.state == ConnectionState::Closed)
        || !isDefault(notice.close))
        line.addRaw("close", closeObject(notice.close));
    if (!notice.text.isEmpty() || notice.kind == Kind::Error || notice.kind == Kind::Info
        || notice.kind == Kind::Violation)
        line.add("text", notice.text);
    if (notice.kind == Kind::Violation || !isDefault(notice.violation))
        line.addRaw("violation", violationObject(notice.violation));
    if (notice.kind == Kind::PingRoundTrip || notice.roundTripNs != -1)
        addInteger(line, "roundTripNs", notice.roundTripNs);
    if (notice.handshake)
        line.addRaw("handshake", handshakeObject(*notice.handshake));
    if (notice.tls)
        line.addRaw("tls", tlsObject(*notice.tls));
    line.appendLineTo(out);
}

// ---- reading ---------------------------------------------------------------------------------------

// What went wrong in a line, turned into a translated phrase by SessionFormat.
enum class Problem : quint8 {
    None,
    UnexpectedEnd,
    ExpectedValue,
    ExpectedKey,
    ExpectedColon,
    ExpectedCommaOrBrace,
    ExpectedCommaOrBracket,
    BadString,
    BadNumber,
    TooDeep,
    TrailingData,
    // Valid JSON, but not what the field must hold (SessionFormat words these with the field's name).
    WrongType,
};

// Escaped JSON string content as it stands in the line (between the quotes), checked for syntax.
struct RawString
{
    QByteArrayView raw;
    bool escaped = false;
    bool present = false;
};

// A pull parser over one line of JSON: validating, allocation-free except where a string is decoded,
// never reading past the line. Faster than QJsonDocument by several times on event lines (no DOM), which
// matters for million-line files. The first problem stops it; every later call then fails at once.
class JsonCursor
{
public:
    explicit JsonCursor(QByteArrayView text)
        : m_begin(text.data())
        , m_p(text.data())
        , m_end(text.data() + text.size())
    { }

    bool failed() const { return m_problem != Problem::None; }
    Problem problem() const { return m_problem; }
    qsizetype column() const { return m_problemAt - m_begin + 1; }
    const QByteArray &problemField() const { return m_problemField; }

    bool fail(Problem problem)
    {
        if (m_problem == Problem::None) {
            m_problem = problem;
            m_problemAt = qMin(m_p, m_end);
        }
        return false;
    }
    // The value of `field` is not of the kind it must be.
    bool wrongType(QByteArrayView field)
    {
        if (m_problem == Problem::None)
            m_problemField = field.toByteArray();
        return fail(Problem::WrongType);
    }

    char peek()
    {
        skipWhitespace();
        return m_p < m_end ? *m_p : '\0';
    }
    bool atEnd()
    {
        skipWhitespace();
        return m_p >= m_end;
    }

    bool beginObject()
    {
        if (failed())
            return false;
        if (peek() != '{')
            return fail(m_p < m_end ? Problem::ExpectedValue : Problem::UnexpectedEnd);
        ++m_p;
        return true;
    }

    // The next member of the object begun with beginObject(): true with its key (a view into the line,
    // or into `scratch` when the key has escapes); false at the closing brace (consumed) or on a problem.
    bool nextMember(bool *first, QByteArrayView *key, QByteArray *scratch)
    {
        if (failed())
            return false;
        char c = peek();
        if (c == '}' && m_p < m_end) {
            ++m_p;
            return false;
        }
        if (!*first) {
            if (c != ',' || m_p >= m_end)
                return fail(m_p < m_end ? Problem::ExpectedCommaOrBrace : Problem::UnexpectedEnd);
            ++m_p;
            c = peek();
        }
        if (c != '"' || m_p >= m_end)
            return fail(m_p < m_end ? Problem::ExpectedKey : Problem::UnexpectedEnd);
        RawString raw;
        if (!scanString(&raw))
            return false;
        if (raw.escaped) {
            if (!unescape(raw.raw, scratch))
                return false;
            *key = *scratch;
        } else {
            *key = raw.raw;
        }
        if (peek() != ':' || m_p >= m_end)
            return fail(m_p < m_end ? Problem::ExpectedColon : Problem::UnexpectedEnd);
        ++m_p;
        *first = false;
        return true;
    }

    bool beginArray(QByteArrayView field)
    {
        if (failed())
            return false;
        if (peek() != '[' || m_p >= m_end)
            return wrongType(field);
        ++m_p;
        return true;
    }
    // True when another element follows (read it next); false at ']' (consumed) or on a problem.
    bool nextElement(bool *first)
    {
        if (failed())
            return false;
        const char c = peek();
        if (c == ']' && m_p < m_end) {
            ++m_p;
            return false;
        }
        if (!*first) {
            if (c != ',' || m_p >= m_end)
                return fail(m_p < m_end ? Problem::ExpectedCommaOrBracket : Problem::UnexpectedEnd);
            ++m_p;
        }
        *first = false;
        return true;
    }

    // A JSON null (consumed), for optional fields written as null.
    bool takeNull()
    {
        if (failed() || peek() != 'n' || m_end - m_p < 4 || std::memcmp(m_p, "null", 4) != 0)
            return false;
        m_p += 4;
        return true;
    }

    bool readBool(QByteArrayView field, bool *value)
    {
        if (failed())
            return false;
        const char c = peek();
        if (c == 't' && m_end - m_p >= 4 && std::memcmp(m_p, "true", 4) == 0) {
            m_p += 4;
            *value = true;
            return true;
        }
        if (c == 'f' && m_end - m_p >= 5 && std::memcmp(m_p, "false", 5) == 0) {
            m_p += 5;
            *value = false;
            return true;
        }
        return isValueStart(c) ? wrongType(field) : fail(Problem::ExpectedValue);
    }

    // A string, checked but not decoded.
    bool readRawString(QByteArrayView field, RawString *value)
    {
        if (failed())
            return false;
        const char c = peek();
        if (c != '"' || m_p >= m_end)
            return isValueStart(c) ? wrongType(field) : fail(Problem::ExpectedValue);
        if (!scanString(value))
            return false;
        value->present = true;
        return true;
    }

    // A string decoded to UTF-8.
    bool readString(QByteArrayView field, QByteArray *value)
    {
        RawString raw;
        if (!readRawString(field, &raw))
            return false;
        return decode(raw, value);
    }
    bool readString(QByteArrayView field, QString *value)
    {
        RawString raw;
        if (!readRawString(field, &raw))
            return false;
        if (!raw.escaped) {
            *value = QString::fromUtf8(raw.raw);
            return true;
        }
        QByteArray utf8;
        if (!unescape(raw.raw, &utf8))
            return false;
        *value = QString::fromUtf8(utf8);
        return true;
    }

    bool decode(const RawString &raw, QByteArray *out)
    {
        if (!raw.escaped) {
            *out = raw.raw.toByteArray();
            return true;
        }
        return unescape(raw.raw, out);
    }

    // An integer: a JSON number without fraction or exponent, or a decimal string holding one (the form
    // used beyond ±2^53).
    bool readInteger(QByteArrayView field, qint64 *value)
    {
        QByteArrayView digits;
        if (!readIntegerText(field, &digits))
            return false;
        const bool negative = digits.front() == '-';
        quint64 magnitude = 0;
        if (!parseMagnitude(negative ? digits.sliced(1) : digits, &magnitude))
            return wrongType(field);
        if (negative) {
            if (magnitude > quint64(std::numeric_limits<qint64>::max()) + 1)
                return wrongType(field);
            *value = magnitude == quint64(std::numeric_limits<qint64>::max()) + 1
                ? std::numeric_limits<qint64>::min()
                : -qint64(magnitude);
        } else {
            if (magnitude > quint64(std::numeric_limits<qint64>::max()))
                return wrongType(field);
            *value = qint64(magnitude);
        }
        return true;
    }
    bool readUnsigned(QByteArrayView field, quint64 *value)
    {
        QByteArrayView digits;
        if (!readIntegerText(field, &digits))
            return false;
        if (digits.front() == '-' || !parseMagnitude(digits, value))
            return wrongType(field);
        return true;
    }
    // An integer in [minimum, maximum].
    bool readInt(QByteArrayView field, int *value, int minimum, int maximum)
    {
        qint64 wide = 0;
        if (!readInteger(field, &wide))
            return false;
        if (wide < minimum || wide > maximum)
            return wrongType(field);
        *value = int(wide);
        return true;
    }

    // Any value, checked and skipped (a field this version does not know).
    bool skipValue(int depth = 0)
    {
        if (failed())
            return false;
        if (depth > MaxDepth)
            return fail(Problem::TooDeep);
        const char c = peek();
        if (m_p >= m_end)
            return fail(Problem::UnexpectedEnd);
        switch (c) {
        case '{': {
            ++m_p;
            bool first = true;
            QByteArrayView key;
            QByteArray scratch;
            while (nextMember(&first, &key, &scratch)) {
                if (!skipValue(depth + 1))
                    return false;
            }
            return !failed();
        }
        case '[': {
            ++m_p;
            bool first = true;
            while (nextElement(&first)) {
                if (!skipValue(depth + 1))
                    return false;
            }
            return !failed();
        }
        case '"': {
            RawString raw;
            return scanString(&raw);
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            if (c == '-' || (c >= '0' && c <= '9')) {
                bool integer = false;
                QByteArrayView text;
                return scanNumber(&text, &integer);
            }
            return fail(Problem::ExpectedValue);
        }
    }

    // Checks that only whitespace follows.
    bool finish()
    {
        if (failed())
            return false;
        if (!atEnd())
            return fail(Problem::TrailingData);
        return true;
    }

    // The decoded byte count of a string's content, without decoding it (for the index pass); false for
    // what unescape() refuses (a lone surrogate).
    static bool measure(const RawString &raw, qint64 *size)
    {
        if (!raw.escaped) {
            *size = raw.raw.size();
            return true;
        }
        qint64 count = 0;
        const char *p = raw.raw.data();
        const char *end = p + raw.raw.size();
        while (p < end) {
            if (*p != '\\') {
                ++count;
                ++p;
                continue;
            }
            if (p[1] != 'u') {
                ++count;
                p += 2;
                continue;
            }
            const uint unit = hex4(p + 2);
            p += 6;
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
                    return false;
                const uint low = hex4(p + 2);
                if (low < 0xDC00 || low > 0xDFFF)
                    return false;
                count += 4;
                p += 6;
            } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                return false;
            } else {
                count += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
            }
        }
        *size = count;
        return true;
    }

private:
    static bool isValueStart(char c)
    {
        return c == '{' || c == '[' || c == '"' || c == 't' || c == 'f' || c == 'n' || c == '-'
            || (c >= '0' && c <= '9');
    }

    void skipWhitespace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }

    bool literal(const char *text)
    {
        const auto size = qsizetype(std::strlen(text));
        if (m_end - m_p < size || std::memcmp(m_p, text, size_t(size)) != 0)
            return fail(m_end - m_p < size ? Problem::UnexpectedEnd : Problem::ExpectedValue);
        m_p += size;
        return true;
    }

    static int hexDigit(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }
    // Four hex digits already checked by scanString.
    static uint hex4(const char *p)
    {
        return uint(hexDigit(p[0]) << 12 | hexDigit(p[1]) << 8 | hexDigit(p[2]) << 4 | hexDigit(p[3]));
    }

    // Moves to the first '"', '\\' or control character (or the end): eight bytes at a time, as most of a
    // line is string content without any of them.
    void skipPlainStringBytes()
    {
        constexpr quint64 Ones = 0x0101010101010101ull;
        constexpr quint64 Highs = 0x8080808080808080ull;
        while (m_end - m_p >= 8) {
            const quint64 word = qFromLittleEndian<quint64>(m_p);
            const quint64 quote = word ^ (Ones * quint8('"'));
            const quint64 backslash = word ^ (Ones * quint8('\\'));
            // A byte is flagged where it is zero (or below 0x20, for `word`); the lowest flag is always a
            // real one (false flags only follow a real one, through the borrow).
            const quint64 special = (((quote - Ones) & ~quote) | ((backslash - Ones) & ~backslash)
                                        | ((word - Ones * 0x20) & ~word))
                & Highs;
            if (special) {
                m_p += qCountTrailingZeroBits(special) / 8;
                return;
            }
            m_p += 8;
        }
        while (m_p < m_end && quint8(*m_p) >= 0x20 && *m_p != '"' && *m_p != '\\')
            ++m_p;
    }

    // At '"': moves past the closing quote; the content is checked (RFC 8259 §7: no control characters,
    // only the defined escapes) and returned as it stands.
    bool scanString(RawString *out)
    {
        ++m_p; // the opening quote
        const char *start = m_p;
        bool escaped = false;
        while (true) {
            skipPlainStringBytes();
            if (m_p >= m_end)
                return fail(Problem::UnexpectedEnd);
            const char c = *m_p;
            if (c == '"')
                break;
            if (c != '\\')
                return fail(Problem::BadString); // a raw control character
            escaped = true;
            if (m_end - m_p < 2)
                return fail(Problem::UnexpectedEnd);
            switch (m_p[1]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                m_p += 2;
                break;
            case 'u':
                if (m_end - m_p < 6)
                    return fail(Problem::UnexpectedEnd);
                for (int i = 2; i < 6; ++i) {
                    if (hexDigit(m_p[i]) < 0) {
                        m_p += i;
                        return fail(Problem::BadString);
                    }
                }
                m_p += 6;
                break;
            default:
                ++m_p;
                return fail(Problem::BadString);
            }
        }
        out->raw = QByteArrayView(start, m_p - start);
        out->escaped = escaped;
        ++m_p; // the closing quote
        return true;
    }

    // Decodes escaped content (already checked by scanString) to UTF-8. A \u escape of a lone surrogate
    // has no UTF-8 form: that fails.
    bool unescape(QByteArrayView raw, QByteArray *out)
    {
        out->clear();
        out->reserve(raw.size());
        const char *p = raw.data();
        const char *end = p + raw.size();
        while (p < end) {
            const char *plain = p;
            while (p < end && *p != '\\')
                ++p;
            out->append(plain, p - plain);
            if (p >= end)
                break;
            const char c = p[1];
            p += 2;
            switch (c) {
            case 'b':
                out->append('\b');
                break;
            case 'f':
                out->append('\f');
                break;
            case 'n':
                out->append('\n');
                break;
            case 'r':
                out->append('\r');
                break;
            case 't':
                out->append('\t');
                break;
            case 'u': {
                uint code = hex4(p);
                p += 4;
                if (code >= 0xD800 && code <= 0xDBFF) {
                    if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
                        return fail(Problem::BadString);
                    const uint low = hex4(p + 2);
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail(Problem::BadString);
                    p += 6;
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                } else if (code >= 0xDC00 && code <= 0xDFFF) {
                    return fail(Problem::BadString);
                }
                appendUtf8(out, code);
                break;
            }
            default: // '"', '\\', '/'
                out->append(c);
            }
        }
        return true;
    }

    static void appendUtf8(QByteArray *out, uint code)
    {
        if (code < 0x80) {
            out->append(char(code));
        } else if (code < 0x800) {
            out->append(char(0xC0 | (code >> 6)));
            out->append(char(0x80 | (code & 0x3F)));
        } else if (code < 0x10000) {
            out->append(char(0xE0 | (code >> 12)));
            out->append(char(0x80 | ((code >> 6) & 0x3F)));
            out->append(char(0x80 | (code & 0x3F)));
        } else {
            out->append(char(0xF0 | (code >> 18)));
            out->append(char(0x80 | ((code >> 12) & 0x3F)));
            out->append(char(0x80 | ((code >> 6) & 0x3F)));
            out->append(char(0x80 | (code & 0x3F)));
        }
    }

    // RFC 8259 §6: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    bool scanNumber(QByteArrayView *text, bool *integer)
    {
        const char *start = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p >= m_end)
            return fail(Problem::UnexpectedEnd);
        if (*m_p == '0') {
            ++m_p;
        } else if (*m_p >= '1' && *m_p <= '9') {
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        } else {
            return fail(Problem::BadNumber);
        }
        *integer = true;
        if (m_p < m_end && *m_p == '.') {
            *integer = false;
            ++m_p;
            if (m_p >= m_end || *m_p < '0' || *m_p > '9')
                return fail(m_p >= m_end ? Problem::UnexpectedEnd : Problem::BadNumber);
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            *integer = false;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p >= m_end || *m_p < '0' || *m_p > '9')
                return fail(m_p >= m_end ? Problem::UnexpectedEnd : Problem::BadNumber);
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        *text = QByteArrayView(start, m_p - start);
        return true;
    }

    // The text of an integer, from a number or a string ("-?[0-9]+", at least one digit).
    bool readIntegerText(QByteArrayView field, QByteArrayView *digits)
    {
        if (failed())
            return false;
        const char c = peek();
        if (c == '"' && m_p < m_end) {
            RawString raw;
            if (!scanString(&raw))
                return false;
            if (raw.escaped || raw.raw.isEmpty())
                return wrongType(field);
            *digits = raw.raw;
            return true;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            bool integer = false;
            if (!scanNumber(digits, &integer))
                return false;
            return integer || wrongType(field);
        }
        return isValueStart(c) ? wrongType(field) : fail(Problem::ExpectedValue);
    }

    static bool parseMagnitude(QByteArrayView digits, quint64 *value)
    {
        if (digits.isEmpty() || digits.size() > 20)
            return false;
        quint64 result = 0;
        for (char c : digits) {
            if (c < '0' || c > '9')
                return false;
            const quint64 digit = quint64(c - '0');
            if (result > (std::numeric_limits<quint64>::max() - digit) / 10)
                return false;
            result = result * 10 + digit;
        }
        *value = result;
        return true;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    Problem m_problem = Problem::None;
    const char *m_problemAt = nullptr;
    QByteArray m_problemField;
};

bool decodeHex(QByteArrayView hex, char *out, qsizetype maxBytes, qsizetype *size)
{
    if (hex.size() % 2 != 0 || hex.size() / 2 > maxBytes)
        return false;
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        const auto digit = [](char c) {
            return c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f'  ? c - 'a' + 10
                : c >= 'A' && c <= 'F'  ? c - 'A' + 10
                                        : -1;
        };
        const int high = digit(hex[i]);
        const int low = digit(hex[i + 1]);
        if (high < 0 || low < 0)
            return false;
        out[i / 2] = char(high << 4 | low);
    }
    *size = hex.size() / 2;
    return true;
}

// What QByteArray::fromBase64Encoding(AbortOnBase64DecodingErrors) accepts, checked without decoding:
// the base64 alphabet, and '=' only as one or two characters of padding at the end of a length that is a
// multiple of 4. *size is the number of bytes it decodes to.
bool checkBase64(QByteArrayView base64, qint64 *size)
{
    const qsizetype length = base64.size();
    qsizetype padding = 0;
    for (qsizetype i = 0; i < length; ++i) {
        const char c = base64[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
            || c == '/')
            continue;
        if (c != '=' || length % 4 != 0)
            return false;
        if (i == length - 1) {
            padding = 1;
        } else if (i == length - 2 && base64[i + 1] == '=') {
            padding = 2;
            ++i;
        } else {
            return false;
        }
    }
    *size = (length - padding) * 3 / 4;
    return true;
}

// Reads a field written with addBytes(): `key` holds text, `key`Base64 holds base64. `*handled` says
// whether `member` was one of the two.
bool readBytesMember(
    JsonCursor &cursor, QByteArrayView member, QByteArrayView key, QByteArray *out, bool *handled)
{
    if (member == key) {
        *handled = true;
        return cursor.readString(member, out);
    }
    if (member.size() == key.size() + 6 && member.startsWith(key)
        && is(member.sliced(key.size()), "Base64")) {
        *handled = true;
        QByteArray text;
        if (!cursor.readString(member, &text))
            return false;
        auto result
            = QByteArray::fromBase64Encoding(std::move(text), QByteArray::AbortOnBase64DecodingErrors);
        if (!result)
            return cursor.wrongType(member);
        *out = std::move(result.decoded);
        return true;
    }
    return true;
}

bool readStringList(JsonCursor &cursor, QByteArrayView field, QStringList *out)
{
    if (!cursor.beginArray(field))
        return false;
    bool first = true;
    while (cursor.nextElement(&first)) {
        QString value;
        if (!cursor.readString(field, &value))
            return false;
        out->append(value);
    }
    return !cursor.failed();
}

template<typename Handler> bool readObject(JsonCursor &cursor, QByteArrayView field, Handler &&handler)
{
    if (cursor.failed())
        return false;
    if (cursor.peek() != '{')
        return cursor.wrongType(field);
    cursor.beginObject();
    bool first = true;
    QByteArrayView key;
    QByteArray scratch;
    while (cursor.nextMember(&first, &key, &scratch)) {
        if (cursor.takeNull())
            continue; // an optional field written as null: absent
        if (!handler(key))
            return false;
    }
    return !cursor.failed();
}

bool readViolation(JsonCursor &cursor, QByteArrayView field, Violation *violation, QString *unknownRule)
{
    bool known = false;
    bool ok = readObject(cursor, field, [&](QByteArrayView key) {
        if (is(key, "closeCode")) {
            int code = 0;
            if (!cursor.readInt(key, &code, 0, 0xFFFF))
                return false;
            violation->closeCode = quint16(code);
            return true;
        }
        if (is(key, "rfc"))
            return cursor.readString(key, &violation->rfcSection);
        if (is(key, "rule")) {
            QByteArray rule;
            if (!cursor.readString(key, &rule))
                return false;
            if (const auto kind = SessionFormat::violationKindFromId(rule)) {
                violation->kind = *kind;
                known = true;
            } else {
                *unknownRule = QString::fromUtf8(rule);
            }
            return true;
        }
        if (is(key, "fatal"))
            return cursor.readBool(key, &violation->fatal);
        if (is(key, "message"))
            return cursor.readString(key, &violation->message);
        return cursor.skipValue();
    });
    if (ok && !known && unknownRule->isEmpty())
        return cursor.wrongType("rule"); // no rule at all: not a violation
    return ok;
}

bool readViolations(
    JsonCursor &cursor, QByteArrayView field, Violations *violations, QStringList *unknownRules)
{
    if (!cursor.beginArray(field))
        return false;
    bool first = true;
    while (cursor.nextElement(&first)) {
        Violation violation;
        QString unknownRule;
        if (!readViolation(cursor, field, &violation, &unknownRule))
            return false;
        if (unknownRule.isEmpty())
            violations->append(violation);
        else
            unknownRules->append(unknownRule);
    }
    return !cursor.failed();
}

template<typename Enum, size_t N>
bool readEnum(JsonCursor &cursor, QByteArrayView field,
    const std::array<std::pair<QByteArrayView, Enum>, N> &table, Enum *value)
{
    RawString raw;
    if (!cursor.readRawString(field, &raw))
        return false;
    for (const auto &[name, item] : table) {
        if (!raw.escaped && raw.raw.size() == name.size()
            && std::memcmp(raw.raw.data(), name.data(), size_t(name.size())) == 0) {
            *value = item;
            return true;
        }
    }
    return cursor.wrongType(field);
}

constexpr std::array<std::pair<QByteArrayView, Direction>, 2> Directions { {
    { "in", Direction::Incoming },
    { "out", Direction::Outgoing },
} };
constexpr std::array<std::pair<QByteArrayView, FrameOrigin>, 5> Origins { {
    { "peer", FrameOrigin::Peer },
    { "user", FrameOrigin::User },
    { "script", FrameOrigin::Script },
    { "automatic", FrameOrigin::Automatic },
    { "replay", FrameOrigin::Replay },
} };
constexpr std::array<std::pair<QByteArrayView, FramePosition>, 6> Positions { {
    { "whole", FramePosition::Whole },
    { "first", FramePosition::First },
    { "middle", FramePosition::Middle },
    { "last", FramePosition::Last },
    { "control", FramePosition::Control },
    { "orphan", FramePosition::Orphan },
} };
constexpr std::array<std::pair<QByteArrayView, CloseInitiator>, 3> Initiators { {
    { "none", CloseInitiator::None },
    { "local", CloseInitiator::Local },
    { "remote", CloseInitiator::Remote },
} };
constexpr std::array<std::pair<QByteArrayView, ConnectionState>, 8> States { {
    { "idle", ConnectionState::Idle },
    { "resolving", ConnectionState::Resolving },
    { "connecting", ConnectionState::Connecting },
    { "tls", ConnectionState::TlsHandshaking },
    { "upgrading", ConnectionState::Upgrading },
    { "open", ConnectionState::Open },
    { "closing", ConnectionState::Closing },
    { "closed", ConnectionState::Closed },
} };
constexpr std::array<std::pair<QByteArrayView, ConnectionNotice::Kind>, 7> NoticeTypes { {
    { SessionFormat::TypeState, ConnectionNotice::Kind::StateChanged },
    { SessionFormat::TypeHandshake, ConnectionNotice::Kind::Handshake },
    { SessionFormat::TypeTls, ConnectionNotice::Kind::Tls },
    { SessionFormat::TypeViolation, ConnectionNotice::Kind::Violation },
    { SessionFormat::TypeError, ConnectionNotice::Kind::Error },
    { SessionFormat::TypeRoundTrip, ConnectionNotice::Kind::PingRoundTrip },
    { SessionFormat::TypeInfo, ConnectionNotice::Kind::Info },
} };

bool readClose(JsonCursor &cursor, QByteArrayView field, CloseInfo *close)
{
    return readObject(cursor, field, [&](QByteArrayView key) {
        int value = 0;
        if (is(key, "initiator"))
            return readEnum(cursor, key, Initiators, &close->initiator);
        if (is(key, "code")) {
            if (!cursor.readInt(key, &value, 0, 0xFFFF))
                return false;
            close->code = quint16(value);
            return true;
        }
        if (is(key, "reason"))
            return cursor.readString(key, &close->reason);
        if (is(key, "sentCode")) {
            if (!cursor.readInt(key, &value, 0, 0xFFFF))
                return false;
            close->sentCode = quint16(value);
            return true;
        }
        if (is(key, "closingHandshakeCompleted"))
            return cursor.readBool(key, &close->closingHandshakeCompleted);
        if (is(key, "abnormal"))
            return cursor.readBool(key, &close->abnormal);
        return cursor.skipValue();
    });
}

bool readHttpMessage(JsonCursor &cursor, QByteArrayView field, HttpMessage *message)
{
    QByteArray kind;
    QByteArray method;
    QByteArray target;
    int statusCode = 0;
    QByteArray reasonPhrase;
    int versionMajor = 1;
    int versionMinor = 1;
    QList<HttpMessage::Field> fields;
    QByteArray body;
    bool bodyTruncated = false;
    QByteArray rawHead;
    QStringList warnings;
    const bool ok = readObject(cursor, field, [&](QByteArrayView key) {
        bool handled = false;
        if (is(key, "kind"))
            return cursor.readString(key, &kind);
        if (is(key, "statusCode"))
            return cursor.readInt(
                key, &statusCode, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
        if (is(key, "versionMajor"))
            return cursor.readInt(
                key, &versionMajor, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
        if (is(key, "versionMinor"))
            return cursor.readInt(
                key, &versionMinor, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
        if (is(key, "bodyTruncated"))
            return cursor.readBool(key, &bodyTruncated);
        if (is(key, "warnings"))
            return readStringList(cursor, key, &warnings);
        if (is(key, "fields")) {
            if (!cursor.beginArray(key))
                return false;
            bool first = true;
            while (cursor.nextElement(&first)) {
                HttpMessage::Field httpField;
                const bool fieldOk = readObject(cursor, key, [&](QByteArrayView member) {
                    bool done = false;
                    if (!readBytesMember(cursor, member, "name", &httpField.name, &done) || done)
                        return !cursor.failed();
                    if (!readBytesMember(cursor, member, "value", &httpField.value, &done) || done)
                        return !cursor.failed();
                    return cursor.skipValue();
                });
                if (!fieldOk)
                    return false;
                fields.append(httpField);
            }
            return !cursor.failed();
        }
        for (const auto &[name, target_] :
            { std::pair<QByteArrayView, QByteArray *> { "method", &method }, { "target", &target },
                { "reasonPhrase", &reasonPhrase }, { "body", &body }, { "rawHead", &rawHead } }) {
            if (!readBytesMember(cursor, key, name, target_, &handled))
                return false;
            if (handled)
                return true;
        }
        return cursor.skipValue();
    });
    if (!ok)
        return false;
    if (kind == "response") {
        *message = HttpMessage::response(statusCode);
    } else if (kind == "request") {
        *message = HttpMessage::request(method, target);
    } else {
        return cursor.wrongType("kind");
    }
    // Every field as recorded, whichever kind: the setters do not second-guess (an empty reason phrase
    // stays empty).
    if (message->isRequest() && statusCode != 0)
        return cursor.wrongType("statusCode");
    if (!message->isRequest() && (!method.isEmpty() || !target.isEmpty()))
        return cursor.wrongType(method.isEmpty() ? "target" : "method");
    message->setReasonPhrase(reasonPhrase);
    message->setVersion(versionMajor, versionMinor);
    message->setFields(fields);
    message->setBody(body);
    message->setBodyTruncated(bodyTruncated);
    message->setRawHead(rawHead);
    message->setWarnings(warnings);
    return true;
}

bool readHandshake(JsonCursor &cursor, QByteArrayView field, HandshakeRecord *record)
{
    return readObject(cursor, field, [&](QByteArrayView key) {
        bool handled = false;
        if (is(key, "url"))
            return cursor.readString(key, &record->url);
        if (is(key, "peerAddress"))
            return cursor.readString(key, &record->peerAddress);
        if (is(key, "peerPort")) {
            int port = 0;
            if (!cursor.readInt(key, &port, 0, 0xFFFF))
                return false;
            record->peerPort = quint16(port);
            return true;
        }
        if (is(key, "accepted"))
            return cursor.readBool(key, &record->accepted);
        if (is(key, "error"))
            return cursor.readString(key, &record->error);
        if (is(key, "requestMessage"))
            return readHttpMessage(cursor, key, &record->request);
        if (is(key, "responseMessage"))
            return readHttpMessage(cursor, key, &record->response);
        if (is(key, "deflate")) {
            DeflateParameters deflate;
            const bool ok = readObject(cursor, key, [&](QByteArrayView member) {
                if (is(member, "serverNoContextTakeover"))
                    return cursor.readBool(member, &deflate.serverNoContextTakeover);
                if (is(member, "clientNoContextTakeover"))
                    return cursor.readBool(member, &deflate.clientNoContextTakeover);
                if (is(member, "serverMaxWindowBits"))
                    return cursor.readInt(member, &deflate.serverMaxWindowBits, 8, 15);
                if (is(member, "clientMaxWindowBits"))
                    return cursor.readInt(member, &deflate.clientMaxWindowBits, 8, 15);
                return cursor.skipValue();
            });
            if (ok)
                record->deflate = deflate;
            return ok;
        }
        if (is(key, "timings")) {
            return readObject(cursor, key, [&](QByteArrayView member) {
                if (is(member, "dnsNs"))
                    return cursor.readInteger(member, &record->timings.dnsNs);
                if (is(member, "connectNs"))
                    return cursor.readInteger(member, &record->timings.connectNs);
                if (is(member, "tlsNs"))
                    return cursor.readInteger(member, &record->timings.tlsNs);
                if (is(member, "upgradeNs"))
                    return cursor.readInteger(member, &record->timings.upgradeNs);
                return cursor.skipValue();
            });
        }
        for (const auto &[name, target] :
            { std::pair<QByteArrayView, QByteArray *> { "request", &record->requestBytes },
                { "response", &record->responseBytes }, { "subprotocol", &record->subprotocol },
                { "expectedAccept", &record->expectedAccept } }) {
            if (!readBytesMember(cursor, key, name, target, &handled))
                return false;
            if (handled)
                return true;
        }
        return cursor.skipValue();
    });
}

bool readTls(JsonCursor &cursor, QByteArrayView field, TlsRecord *record)
{
    return readObject(cursor, field, [&](QByteArrayView key) {
        if (is(key, "protocol"))
            return cursor.readString(key, &record->protocol);
        if (is(key, "cipher"))
            return cursor.readString(key, &record->cipher);
        if (is(key, "serverName"))
            return cursor.readString(key, &record->serverName);
        if (is(key, "certificateErrors"))
            return readStringList(cursor, key, &record->certificateErrors);
        if (is(key, "verified"))
            return cursor.readBool(key, &record->verified);
        if (is(key, "errorsIgnored"))
            return cursor.readBool(key, &record->errorsIgnored);
        if (is(key, "clientCertificateSent"))
            return cursor.readBool(key, &record->clientCertificateSent);
        if (is(key, "peerChain")) {
            if (!cursor.beginArray(key))
                return false;
            bool first = true;
            while (cursor.nextElement(&first)) {
                QByteArray base64;
                if (!cursor.readString(key, &base64))
                    return false;
                auto der = QByteArray::fromBase64Encoding(
                    std::move(base64), QByteArray::AbortOnBase64DecodingErrors);
                if (!der)
                    return cursor.wrongType(key);
                record->peerChain.append(QSslCertificate(der.decoded, QSsl::Der));
            }
            return !cursor.failed();
        }
        return cursor.skipValue();
    });
}

// The top-level fields of an event line, gathered in one pass whatever their order (a tool such as
// `jq -S` may sort them), then checked against the event type.
struct EventFields
{
    enum Field : quint32 {
        Type = 1u << 0,
        Connection = 1u << 1,
        Time = 1u << 2,
        DirectionField = 1u << 3,
        Origin = 1u << 4,
        Index = 1u << 5,
        Offset = 1u << 6,
        Fin = 1u << 7,
        Rsv1 = 1u << 8,
        Rsv2 = 1u << 9,
        Rsv3 = 1u << 10,
        OpcodeField = 1u << 11,
        Masked = 1u << 12,
        PayloadLength = 1u << 13,
        LengthFormField = 1u << 14,
        HeaderHex = 1u << 15,
        Position = 1u << 16,
        MessageOpcode = 1u << 17,
        FrameIndexList = 1u << 18,
        WireLength = 1u << 19,
        State = 1u << 20,
        RoundTrip = 1u << 21,
    };
    quint32 seen = 0;

    RawString type;
    quint64 connection = 0;
    qint64 time = 0;
    Direction direction = Direction::Incoming;
    FrameOrigin origin = FrameOrigin::Peer;
    qint64 index = 0;
    qint64 offset = 0;
    bool fin = false, rsv1 = false, rsv2 = false, rsv3 = false, masked = false;
    bool compressed = false, payloadOmitted = false, payloadTruncated = false;
    int opcode = 0;
    int messageOpcode = 0;
    std::array<quint8, 4> maskingKey {};
    quint64 payloadLength = 0;
    LengthForm lengthForm = LengthForm::Bits7;
    std::array<quint8, 14> header {};
    quint8 headerLength = 0;
    FramePosition position = FramePosition::Whole;
    FrameIndexes frameIndexes;
    quint64 wireLength = 0;
    RawString text;
    RawString base64;
    Violations violations;
    QStringList unknownRules;
    // Notices
    ConnectionState state = ConnectionState::Idle;
    CloseInfo close;
    Violation violation;
    bool hasViolation = false;
    qint64 roundTripNs = -1;
    std::shared_ptr<HandshakeRecord> handshake;
    std::shared_ptr<TlsRecord> tls;
};

bool readEventField(JsonCursor &cursor, QByteArrayView key, EventFields &f)
{
    using F = EventFields;
    switch (key.size()) {
    case 3:
        if (is(key, "fin")) {
            f.seen |= F::Fin;
            return cursor.readBool(key, &f.fin);
        }
        if (is(key, "tls")) {
            f.tls = std::make_shared<TlsRecord>();
            return readTls(cursor, key, f.tls.get());
        }
        break;
    case 4:
        if (is(key, "type")) {
            f.seen |= F::Type;
            return cursor.readRawString(key, &f.type);
        }
        if (is(key, "time")) {
            f.seen |= F::Time;
            return cursor.readInteger(key, &f.time);
        }
        if (is(key, "text"))
            return cursor.readRawString(key, &f.text);
        if (is(key, "rsv1")) {
            f.seen |= F::Rsv1;
            return cursor.readBool(key, &f.rsv1);
        }
        if (is(key, "rsv2")) {
            f.seen |= F::Rsv2;
            return cursor.readBool(key, &f.rsv2);
        }
        if (is(key, "rsv3")) {
            f.seen |= F::Rsv3;
            return cursor.readBool(key, &f.rsv3);
        }
        break;
    case 5:
        if (is(key, "index")) {
            f.seen |= F::Index;
            return cursor.readInteger(key, &f.index);
        }
        if (is(key, "state")) {
            f.seen |= F::State;
            return readEnum(cursor, key, States, &f.state);
        }
        if (is(key, "close"))
            return readClose(cursor, key, &f.close);
        break;
    case 6:
        if (is(key, "origin")) {
            f.seen |= F::Origin;
            return readEnum(cursor, key, Origins, &f.origin);
        }
        if (is(key, "offset")) {
            f.seen |= F::Offset;
            return cursor.readInteger(key, &f.offset);
        }
        if (is(key, "opcode")) {
            f.seen |= F::OpcodeField;
            return cursor.readInt(key, &f.opcode, 0, 15);
        }
        if (is(key, "masked")) {
            f.seen |= F::Masked;
            return cursor.readBool(key, &f.masked);
        }
        if (is(key, "base64"))
            return cursor.readRawString(key, &f.base64);
        break;
    case 7:
        if (is(key, "maskKey")) {
            RawString raw;
            if (!cursor.readRawString(key, &raw))
                return false;
            qsizetype size = 0;
            if (raw.escaped || !decodeHex(raw.raw, reinterpret_cast<char *>(f.maskingKey.data()), 4, &size)
                || size != 4)
                return cursor.wrongType(key);
            return true;
        }
        break;
    case 8:
        if (is(key, "position")) {
            f.seen |= F::Position;
            return readEnum(cursor, key, Positions, &f.position);
        }
        break;
    case 9:
        if (is(key, "direction")) {
            f.seen |= F::DirectionField;
            return readEnum(cursor, key, Directions, &f.direction);
        }
        if (is(key, "headerHex")) {
            f.seen |= F::HeaderHex;
            RawString raw;
            if (!cursor.readRawString(key, &raw))
                return false;
            qsizetype size = 0;
            if (raw.escaped || !decodeHex(raw.raw, reinterpret_cast<char *>(f.header.data()), 14, &size)
                || size < 2)
                return cursor.wrongType(key);
            f.headerLength = quint8(size);
            return true;
        }
        if (is(key, "violation")) {
            f.hasViolation = true;
            QString unknownRule;
            if (!readViolation(cursor, key, &f.violation, &unknownRule))
                return false;
            if (!unknownRule.isEmpty()) {
                f.unknownRules.append(unknownRule);
                f.violation = Violation();
                f.hasViolation = false;
            }
            return true;
        }
        if (is(key, "handshake")) {
            f.handshake = std::make_shared<HandshakeRecord>();
            return readHandshake(cursor, key, f.handshake.get());
        }
        break;
    case 10:
        if (is(key, "connection")) {
            f.seen |= F::Connection;
            return cursor.readUnsigned(key, &f.connection);
        }
        if (is(key, "lengthForm")) {
            f.seen |= F::LengthFormField;
            int form = 0;
            if (!cursor.readInt(key, &form, 0, 64))
                return false;
            if (form != 7 && form != 16 && form != 64)
                return cursor.wrongType(key);
            f.lengthForm = LengthForm(form);
            return true;
        }
        if (is(key, "compressed"))
            return cursor.readBool(key, &f.compressed);
        if (is(key, "violations"))
            return readViolations(cursor, key, &f.violations, &f.unknownRules);
        if (is(key, "wireLength")) {
            f.seen |= F::WireLength;
            return cursor.readUnsigned(key, &f.wireLength);
        }
        break;
    case 11:
        if (is(key, "roundTripNs")) {
            f.seen |= F::RoundTrip;
            return cursor.readInteger(key, &f.roundTripNs);
        }
        break;
    case 12:
        if (is(key, "frameIndexes")) {
            f.seen |= F::FrameIndexList;
            if (!cursor.beginArray(key))
                return false;
            bool first = true;
            while (cursor.nextElement(&first)) {
                qint64 index = 0;
                if (!cursor.readInteger(key, &index))
                    return false;
                f.frameIndexes.append(index);
            }
            return !cursor.failed();
        }
        break;
    case 13:
        if (is(key, "payloadLength")) {
            f.seen |= F::PayloadLength;
            return cursor.readUnsigned(key, &f.payloadLength);
        }
        if (is(key, "messageOpcode")) {
            f.seen |= F::MessageOpcode;
            return cursor.readInt(key, &f.messageOpcode, 0, 15);
        }
        break;
    case 14:
        if (is(key, "payloadOmitted"))
            return cursor.readBool(key, &f.payloadOmitted);
        break;
    case 16:
        if (is(key, "payloadTruncated"))
            return cursor.readBool(key, &f.payloadTruncated);
        break;
    default:
        break;
    }
    return cursor.skipValue();
}

const char *missingField(quint32 seen, quint32 required)
{
    using F = EventFields;
    static const std::pair<quint32, const char *> names[] = {
        { F::Type, "type" },
        { F::Connection, "connection" },
        { F::Time, "time" },
        { F::DirectionField, "direction" },
        { F::Origin, "origin" },
        { F::Index, "index" },
        { F::Offset, "offset" },
        { F::Fin, "fin" },
        { F::Rsv1, "rsv1" },
        { F::Rsv2, "rsv2" },
        { F::Rsv3, "rsv3" },
        { F::OpcodeField, "opcode" },
        { F::Masked, "masked" },
        { F::PayloadLength, "payloadLength" },
        { F::LengthFormField, "lengthForm" },
        { F::HeaderHex, "headerHex" },
        { F::Position, "position" },
        { F::MessageOpcode, "messageOpcode" },
        { F::FrameIndexList, "frameIndexes" },
        { F::WireLength, "wireLength" },
        { F::State, "state" },
        { F::RoundTrip, "roundTripNs" },
    };
    for (const auto &[bit, name] : names) {
        if ((required & bit) && !(seen & bit))
            return name;
    }
    return nullptr;
}

} // namespace

// ---- SessionHeader ---------------------------------------------------------------------------------

SessionHeader SessionHeader::forNewSession()
{
    SessionHeader header;
    header.majorVersion = SessionFormat::MajorVersion;
    header.minorVersion = SessionFormat::MinorVersion;
    header.created = QDateTime::currentDateTimeUtc();
    QString name = QCoreApplication::applicationName();
    if (name.isEmpty())
        name = QStringLiteral("Frameline");
    header.application = QString(name + QLatin1Char(' ') + QCoreApplication::applicationVersion()).trimmed();
    header.timeOriginMs = Clock::wallClockAnchorMs();
    return header;
}

// ---- SessionFormat ---------------------------------------------------------------------------------

QByteArrayView SessionFormat::directionId(Direction direction)
{
    return direction == Direction::Incoming ? QByteArrayView("in") : QByteArrayView("out");
}

QByteArrayView SessionFormat::originId(FrameOrigin origin)
{
    for (const auto &[name, value] : Origins) {
        if (value == origin)
            return name;
    }
    return "peer";
}

QByteArrayView SessionFormat::positionId(FramePosition position)
{
    for (const auto &[name, value] : Positions) {
        if (value == position)
            return name;
    }
    return "whole";
}

QByteArrayView SessionFormat::initiatorId(CloseInitiator initiator)
{
    for (const auto &[name, value] : Initiators) {
        if (value == initiator)
            return name;
    }
    return "none";
}

QByteArrayView SessionFormat::noticeType(ConnectionNotice::Kind kind)
{
    for (const auto &[name, value] : NoticeTypes) {
        if (value == kind)
            return name;
    }
    return TypeInfo;
}

std::optional<ViolationKind> SessionFormat::violationKindFromId(QByteArrayView id)
{
    static const QList<QByteArray> ids = [] {
        QList<QByteArray> all;
        for (int i = 0; i <= int(ViolationKind::InflateFailed); ++i) {
            Violation violation;
            violation.kind = ViolationKind(i);
            all.append(violation.id().toLatin1());
        }
        return all;
    }();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (ids.at(i) == id)
            return ViolationKind(i);
    }
    return std::nullopt;
}

QByteArray SessionFormat::encodeHeader(const SessionHeader &header)
{
    JsonLine line;
    line.addUtf8("format", FormatName)
        .add("version", QStringLiteral("%1.%2").arg(header.majorVersion).arg(header.minorVersion))
        .add("created", header.created.toUTC().toString(Qt::ISODateWithMs))
        .add("application", header.application);
    addInteger(line, "timeOriginMs", header.timeOriginMs);
    for (auto it = header.extra.constBegin(); it != header.extra.constEnd(); ++it) {
        static const QStringList own { QStringLiteral("format"), QStringLiteral("version"),
            QStringLiteral("created"), QStringLiteral("application"), QStringLiteral("timeOriginMs") };
        if (own.contains(it.key()))
            continue;
        // A value as compact JSON: wrapped in an array for QJsonDocument, then unwrapped.
        const QByteArray array = QJsonDocument(QJsonArray { it.value() }).toJson(QJsonDocument::Compact);
        line.addRaw(it.key().toUtf8(), QByteArrayView(array).sliced(1, array.size() - 2));
    }
    return line.toLine();
}

SessionFormat::HeaderStatus SessionFormat::decodeHeader(
    QByteArrayView line, SessionHeader *header, QString *message)
{
    if (line.startsWith("\xEF\xBB\xBF")) // a UTF-8 byte order mark some editors add
        line = line.sliced(3);
    if (line.endsWith('\r'))
        line.chop(1);
    // A header is small; anything long without a line break is some other file.
    if (line.size() > MaxHeaderLength || !line.trimmed().startsWith('{')) {
        *message = tr("its first line is not a session header");
        return HeaderStatus::NotASession;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (!document.isObject()) {
        *message = tr("its first line is not a session header");
        return HeaderStatus::NotASession;
    }
    QJsonObject object = document.object();
    if (object.value(QLatin1String("format")).toString() != QLatin1String(FormatName)) {
        *message = tr("its header does not say \"format\": \"%1\"").arg(QLatin1String(FormatName));
        return HeaderStatus::NotASession;
    }
    const QString version = object.value(QLatin1String("version")).toString();
    const QStringList parts = version.split(QLatin1Char('.'));
    bool majorOk = false;
    bool minorOk = false;
    const int major = parts.size() == 2 ? parts.at(0).toInt(&majorOk) : 0;
    const int minor = parts.size() == 2 ? parts.at(1).toInt(&minorOk) : 0;
    if (!majorOk || !minorOk || major < 1 || minor < 0) {
        *message = tr("its format version \"%1\" is not one Frameline knows").arg(version);
        return HeaderStatus::Unsupported;
    }
    if (major > MajorVersion) {
        *message = tr("it was written in format version %1, which needs a newer Frameline (this one reads "
                      "version %2.x)")
                       .arg(version)
                       .arg(MajorVersion);
        return HeaderStatus::Unsupported;
    }
    header->majorVersion = major;
    header->minorVersion = minor;
    header->created
        = QDateTime::fromString(object.value(QLatin1String("created")).toString(), Qt::ISODateWithMs);
    header->application = object.value(QLatin1String("application")).toString();
    const QJsonValue origin = object.value(QLatin1String("timeOriginMs"));
    header->timeOriginMs = origin.isString() ? origin.toString().toLongLong() : origin.toInteger();
    for (const char *own : { "format", "version", "created", "application", "timeOriginMs" })
        object.remove(QLatin1String(own));
    header->extra = object;
    if (major == MajorVersion && minor > MinorVersion) {
        *message = tr("format version %1 is newer than this Frameline reads (%2.%3): fields it does not "
                      "know are ignored")
                       .arg(version)
                       .arg(MajorVersion)
                       .arg(MinorVersion);
        return HeaderStatus::NewerMinor;
    }
    message->clear();
    return HeaderStatus::Ok;
}

void SessionFormat::appendEvent(QByteArray &out, const ConnectionEvent &event)
{
    if (const auto *frame = std::get_if<FrameEvent>(&event))
        encodeFrame(out, *frame);
    else if (const auto *message = std::get_if<MessageEvent>(&event))
        encodeMessage(out, *message);
    else if (const auto *notice = std::get_if<ConnectionNotice>(&event))
        encodeNotice(out, *notice);
}

QByteArray SessionFormat::encodeEvent(const ConnectionEvent &event)
{
    QByteArray out;
    appendEvent(out, event);
    return out;
}

SessionFormat::DecodedEvent SessionFormat::decodeEvent(QByteArrayView line, Payloads payloads)
{
    DecodedEvent result;
    QString *error = &result.error;
    const auto invalid = [&result] {
        result.status = DecodeStatus::Invalid;
        return std::move(result);
    };
    if (line.endsWith('\r'))
        line.chop(1);
    qsizetype badOffset = 0;
    Utf8Validator utf8;
    if (!utf8.feed(line, &badOffset) || !utf8.isComplete()) {
        *error = tr("not valid UTF-8 (byte %1)").arg(utf8.hasFailed() ? badOffset + 1 : line.size());
        return invalid();
    }

    const auto describe = [](const JsonCursor &cursor) {
        switch (cursor.problem()) {
        case Problem::None:
            return QString();
        case Problem::WrongType:
            return tr("field \"%1\" does not hold a valid value (column %2)")
                .arg(QString::fromUtf8(cursor.problemField()))
                .arg(cursor.column());
        case Problem::UnexpectedEnd:
            return tr("not valid JSON: the line ends in the middle of a value");
        case Problem::ExpectedValue:
            return tr("not valid JSON: expected a value at column %1").arg(cursor.column());
        case Problem::ExpectedKey:
            return tr("not valid JSON: expected a field name at column %1").arg(cursor.column());
        case Problem::ExpectedColon:
            return tr("not valid JSON: expected ':' at column %1").arg(cursor.column());
        case Problem::ExpectedCommaOrBrace:
            return tr("not valid JSON: expected ',' or '}' at column %1").arg(cursor.column());
        case Problem::ExpectedCommaOrBracket:
            return tr("not valid JSON: expected ',' or ']' at column %1").arg(cursor.column());
        case Problem::BadString:
            return tr("not valid JSON: invalid string at column %1").arg(cursor.column());
        case Problem::BadNumber:
            return tr("not valid JSON: invalid number at column %1").arg(cursor.column());
        case Problem::TooDeep:
            return tr("not valid JSON: nested too deeply at column %1").arg(cursor.column());
        case Problem::TrailingData:
            return tr("not valid JSON: unexpected data after the object at column %1").arg(cursor.column());
        }
        return QString();
    };

    JsonCursor cursor(line);
    if (cursor.peek() != '{') {
        // Valid JSON of another kind is "not an object"; anything else is not JSON at all.
        JsonCursor probe(line);
        if (probe.skipValue() && probe.finish())
            *error = tr("not a JSON object");
        else
            *error = describe(probe);
        return invalid();
    }
    EventFields f;
    cursor.beginObject();
    bool first = true;
    QByteArrayView key;
    QByteArray scratch;
    while (cursor.nextMember(&first, &key, &scratch)) {
        if (cursor.takeNull())
            continue; // an optional field written as null: absent
        if (!readEventField(cursor, key, f))
            break;
    }
    if (!cursor.failed())
        cursor.finish();
    if (cursor.failed()) {
        *error = describe(cursor);
        return invalid();
    }

    using F = EventFields;
    const auto requireFields = [&](quint32 required) {
        if (const char *name = missingField(f.seen, required)) {
            *error = tr("missing field \"%1\"").arg(QLatin1String(name));
            return false;
        }
        return true;
    };
    if (!requireFields(F::Type | F::Connection | F::Time))
        return invalid();
    const QByteArrayView type = f.type.raw;
    if (!f.unknownRules.isEmpty()) {
        result.warning = tr("violation rule \"%1\" is not one this version knows: left out")
                             .arg(f.unknownRules.join(QLatin1String("\", \"")));
    }

    // The payload: "text" (UTF-8 as is) or "base64". Skip checks it as Decode would, so an index pass and a
    // full read agree on which lines load, but keeps no bytes.
    const auto takePayload = [&](QByteArray *payload) {
        if (f.text.present == f.base64.present) {
            *error = f.text.present ? tr("both \"text\" and \"base64\" given")
                                    : tr("missing field \"text\" or \"base64\"");
            return false;
        }
        if (f.text.present) {
            const bool ok = payloads == Payloads::Skip ? JsonCursor::measure(f.text, &result.payloadSize)
                                                       : cursor.decode(f.text, payload);
            if (!ok) {
                *error = tr("field \"%1\" does not hold valid UTF-8 text").arg(QLatin1String("text"));
                return false;
            }
            if (payloads == Payloads::Decode)
                result.payloadSize = payload->size();
            return true;
        }
        QByteArray unescaped; // base64 has no reason for escapes, but "\/" is valid JSON for '/'
        if (f.base64.escaped && !cursor.decode(f.base64, &unescaped)) {
            *error = tr("field \"%1\" does not hold valid base64").arg(QLatin1String("base64"));
            return false;
        }
        const QByteArrayView base64 = f.base64.escaped ? QByteArrayView(unescaped) : f.base64.raw;
        if (!checkBase64(base64, &result.payloadSize)) {
            *error = tr("field \"%1\" does not hold valid base64").arg(QLatin1String("base64"));
            return false;
        }
        if (payloads == Payloads::Skip)
            return true;
        auto decoded = QByteArray::fromBase64Encoding(
            QByteArray::fromRawData(base64.data(), base64.size()), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            *error = tr("field \"%1\" does not hold valid base64").arg(QLatin1String("base64"));
            return false;
        }
        *payload = std::move(decoded.decoded);
        return true;
    };

    if (type == TypeFrame && !f.type.escaped) {
        if (!requireFields(F::DirectionField | F::Origin | F::Index | F::Offset | F::Fin | F::Rsv1 | F::Rsv2
                | F::Rsv3 | F::OpcodeField | F::Masked | F::PayloadLength | F::LengthFormField | F::HeaderHex
                | F::Position | F::MessageOpcode))
            return invalid();
        FrameEvent frameEvent;
        frameEvent.connectionId = f.connection;
        frameEvent.timestampNs = f.time;
        frameEvent.direction = f.direction;
        frameEvent.origin = f.origin;
        Frame &frame = frameEvent.frame;
        frame.index = f.index;
        frame.streamOffset = f.offset;
        frame.header = f.header;
        frame.headerLength = f.headerLength;
        frame.fin = f.fin;
        frame.rsv1 = f.rsv1;
        frame.rsv2 = f.rsv2;
        frame.rsv3 = f.rsv3;
        frame.opcode = quint8(f.opcode);
        frame.masked = f.masked;
        frame.maskingKey = f.maskingKey;
        frame.payloadLength = f.payloadLength;
        frame.lengthForm = f.lengthForm;
        frame.position = f.position;
        frame.messageOpcode = quint8(f.messageOpcode);
        frame.compressed = f.compressed;
        frame.payloadOmitted = f.payloadOmitted;
        frame.violations = std::move(f.violations);
        if (!takePayload(&frameEvent.payload))
            return invalid();
        result.event = std::move(frameEvent);
        result.status = DecodeStatus::Ok;
        return result;
    }
    if (type == TypeMessage && !f.type.escaped) {
        if (!requireFields(F::DirectionField | F::Origin | F::Index | F::OpcodeField | F::Offset
                | F::FrameIndexList | F::WireLength))
            return invalid();
        MessageEvent messageEvent;
        messageEvent.connectionId = f.connection;
        messageEvent.timestampNs = f.time;
        messageEvent.direction = f.direction;
        messageEvent.origin = f.origin;
        Message &message = messageEvent.message;
        message.index = f.index;
        message.opcode = quint8(f.opcode);
        message.streamOffset = f.offset;
        message.frameIndexes = std::move(f.frameIndexes);
        message.wireLength = f.wireLength;
        message.compressed = f.compressed;
        message.payloadTruncated = f.payloadTruncated;
        message.violations = std::move(f.violations);
        if (!takePayload(&message.payload))
            return invalid();
        result.event = std::move(messageEvent);
        result.status = DecodeStatus::Ok;
        return result;
    }
    for (const auto &[name, kind] : NoticeTypes) {
        if (type != name || f.type.escaped)
            continue;
        if (!requireFields(F::State))
            return invalid();
        ConnectionNotice notice;
        notice.connectionId = f.connection;
        notice.timestampNs = f.time;
        notice.kind = kind;
        notice.state = f.state;
        notice.close = f.close;
        if (f.text.present) {
            QByteArray text;
            if (!cursor.decode(f.text, &text)) {
                *error = describe(cursor);
                return invalid();
            }
            notice.text = QString::fromUtf8(text);
        }
        if (f.hasViolation)
            notice.violation = f.violation;
        notice.roundTripNs = f.roundTripNs;
        notice.handshake = std::move(f.handshake);
        notice.tls = std::move(f.tls);
        const char *missing = nullptr;
        if (kind == ConnectionNotice::Kind::Handshake && !notice.handshake)
            missing = "handshake";
        else if (kind == ConnectionNotice::Kind::Tls && !notice.tls)
            missing = "tls";
        else if (kind == ConnectionNotice::Kind::PingRoundTrip && !(f.seen & F::RoundTrip))
            missing = "roundTripNs";
        if (missing) {
            *error = tr("missing field \"%1\"").arg(QLatin1String(missing));
            return invalid();
        }
        result.event = std::move(notice);
        result.status = DecodeStatus::Ok;
        return result;
    }
    *error = tr("unknown event type \"%1\"").arg(QString::fromUtf8(type));
    result.status = DecodeStatus::UnknownType;
    return result;
}

} // namespace Frameline
