#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>
#include <utility>

namespace Frameline {

// What the HTTP head parser accepts. The limits bound the memory one peer can make us hold before the
// opening handshake is done (RFC 7230 §3.2.5: a server should answer an over-long head with a 4xx).
struct HttpParseOptions
{
    qsizetype maxHeadSize = 16 * 1024; // the whole head: start line, header fields and the blank line
    qsizetype maxLineLength = 8 * 1024; // one physical line, without its line ending
    int maxFieldCount = 100; // header fields (an obs-fold continuation is not a new field)
    qsizetype maxBodySize = 64 * 1024; // body kept for a response that is not 101 (see Handshake)
    // RFC 7230 §3.5 lets a recipient accept a bare LF as a line ending. We do by default, because a
    // debugger should show what a sloppy peer sent rather than refuse it, and note it in warnings().
    // Off: a bare LF is an error.
    bool allowBareLineFeed = true;
};

// One HTTP/1.1 message head (RFC 7230 §3): a request line or status line, the header fields in the order
// they came, and, for a response the handshake did not accept, the body that came with it.
//
// A plain value type, used from any thread. Parsed messages keep the exact bytes of their head (rawHead())
// so the UI can show the handshake as it was on the wire; built messages are turned into bytes with
// serialize(). Field names compare ASCII case-insensitively (§3.2); a name that appears more than once
// keeps every field, in order, and combinedValue() joins them as §3.2.2 describes.
//
// HttpMessage::Parser reads a head incrementally from a byte stream.
class HttpMessage
{
    Q_DECLARE_TR_FUNCTIONS(HttpMessage)
public:
    enum class Kind : quint8 { Request, Response };

    struct Field
    {
        QByteArray name; // as sent (case kept for display)
        QByteArray value; // without surrounding whitespace; obs-folds joined with one SP
        bool operator==(const Field &) const = default;
    };

    class Parser;

    HttpMessage() = default; // an empty request
    static HttpMessage request(const QByteArray &method, const QByteArray &target);
    // An empty reasonPhrase means the standard one ("Switching Protocols" for 101).
    static HttpMessage response(int statusCode, const QByteArray &reasonPhrase = {});

    Kind kind() const { return m_kind; }
    bool isRequest() const { return m_kind == Kind::Request; }

    // Request line (RFC 7230 §3.1.1).
    const QByteArray &method() const { return m_method; }
    const QByteArray &target() const { return m_target; }
    // Status line (RFC 7230 §3.1.2).
    int statusCode() const { return m_statusCode; }
    const QByteArray &reasonPhrase() const { return m_reasonPhrase; }
    // "403 Forbidden", or "403" when the reason phrase is empty: for messages shown to the user.
    QString statusText() const;

    int versionMajor() const { return m_versionMajor; }
    int versionMinor() const { return m_versionMinor; }
    QByteArray version() const; // "HTTP/1.1"
    void setVersion(int major, int minor);

    // Header fields (RFC 7230 §3.2).
    const QList<Field> &fields() const { return m_fields; }
    bool hasField(QByteArrayView name) const;
    qsizetype fieldCount(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;
    // Every field of that name joined with ", " in order (RFC 7230 §3.2.2); empty when there is none.
    QByteArray combinedValue(QByteArrayView name) const;
    // The elements of a comma-separated list header over all its fields (RFC 7230 §7): trimmed, empty
    // elements dropped, commas inside quoted strings respected.
    QList<QByteArray> listElements(QByteArrayView name) const;
    // Whether the list header holds this token, compared ASCII case-insensitively ("Connection" holding
    // "upgrade" among "keep-alive, Upgrade").
    bool hasToken(QByteArrayView name, QByteArrayView token) const;
    void addField(const QByteArray &name, const QByteArray &value);
    // Replaces the first field of that name in place and drops the others, or appends one.
    void setField(const QByteArray &name, const QByteArray &value);
    void removeFields(QByteArrayView name);
    void setFields(const QList<Field> &fields) { m_fields = fields; }

    // The body length a Content-Length header declares (RFC 7230 §3.3.2), when there is exactly one valid
    // value (repeats of the same value count as one) and no Transfer-Encoding overrides it (§3.3.3).
    std::optional<qint64> contentLength() const;

    const QByteArray &body() const { return m_body; }
    void setBody(const QByteArray &body) { m_body = body; }
    // The body was longer than HttpParseOptions::maxBodySize and only its start was kept.
    bool isBodyTruncated() const { return m_bodyTruncated; }
    void setBodyTruncated(bool truncated) { m_bodyTruncated = truncated; }

    // The head exactly as it came off the wire, blank line included. Empty for a message built in code.
    const QByteArray &rawHead() const { return m_rawHead; }
    // Deviations the parser tolerated (bare LF line endings, obs-fold), one translated sentence each.
    const QStringList &warnings() const { return m_warnings; }
    // For a message read back from a session file: the head, warnings and reason phrase exactly as recorded.
    void setRawHead(const QByteArray &rawHead) { m_rawHead = rawHead; }
    void setWarnings(const QStringList &warnings) { m_warnings = warnings; }
    void setReasonPhrase(const QByteArray &reasonPhrase) { m_reasonPhrase = reasonPhrase; }

    // Start line and fields with CRLF line endings, and the blank line (RFC 7230 §3).
    QByteArray serializeHead() const;
    QByteArray serialize() const { return serializeHead() + m_body; }

    // RFC 7231 §6.1 / RFC 6585 reason phrases; empty for an unknown code.
    static QByteArray standardReasonPhrase(int statusCode);
    // RFC 7230 §3.2.6: 1*tchar.
    static bool isToken(QByteArrayView text);
    // RFC 7230 §3.2: VCHAR, obs-text, SP and HTAB only (no CR, LF or other controls).
    static bool isValidFieldValue(QByteArrayView value);
    // Splits a list value at commas outside quoted strings, trimming each element and dropping empty
    // ones (RFC 7230 §7).
    static QList<QByteArray> splitList(QByteArrayView value);
    // Bytes quoted for an error message: at most 64 shown, printable ASCII kept, the rest as \xNN, so
    // binary garbage never reaches the UI raw.
    static QString quotedForDisplay(QByteArrayView bytes);

private:
    Kind m_kind = Kind::Request;
    QByteArray m_method;
    QByteArray m_target;
    int m_statusCode = 0;
    QByteArray m_reasonPhrase;
    int m_versionMajor = 1;
    int m_versionMinor = 1;
    QList<Field> m_fields;
    QByteArray m_body;
    bool m_bodyTruncated = false;
    QByteArray m_rawHead;
    QStringList m_warnings;
};

// Incremental parser for one HTTP/1.1 request or response head (RFC 7230 §3).
//
// Feed it the bytes in any pieces, one at a time or all at once: the result (status, error, message, raw
// head) is the same. feed() says NeedMore (every byte was taken), Done (the head ended; consumed() tells
// how many bytes of that last piece belonged to it, so the rest, the first WebSocket frames, stays with
// the caller) or Error (with a specific reason naming the line). It never holds more than maxHeadSize
// bytes, and a stream that cannot be HTTP (a TLS record, binary) fails at its first control byte.
//
// The head is not a body: bytes after the blank line are never read here. Not thread-safe; one parser
// per connection, on the thread that reads the socket.
class HttpMessage::Parser
{
public:
    enum class Status : quint8 { NeedMore, Done, Error };
    enum class Error : quint8 {
        None,
        Malformed, // not HTTP/1.x syntax (RFC 7230 §3): answer 400
        HeadTooLarge, // over maxHeadSize: answer 431 (RFC 6585 §5)
        LineTooLong, // a line over maxLineLength: 414 for the request line, otherwise 431
        TooManyFields, // over maxFieldCount: answer 431
    };

    explicit Parser(Kind kind, const HttpParseOptions &options = {});

    Status feed(QByteArrayView bytes);
    // Bytes of the last feed() that the head used: all of them for NeedMore, up to and including the
    // blank line for Done, those before the offending byte (or the end of the bad line) for Error; 0 once
    // finished.
    qsizetype consumed() const { return m_consumed; }
    Status status() const { return m_status; }
    Error error() const { return m_error; }
    // Set when the error is in the start line (so a server can tell 414 from 431).
    bool errorInStartLine() const { return m_errorInStartLine; }
    QString errorString() const { return m_errorString; }
    // Bytes of the head taken so far (the whole head once Done).
    qsizetype headSize() const { return m_message.m_rawHead.size(); }

    // The message, complete once Done; partly filled before.
    const HttpMessage &message() const { return m_message; }
    HttpMessage takeMessage() { return std::move(m_message); }

    const HttpParseOptions &options() const { return m_options; }
    void reset();

private:
    Status fail(Error error, const QString &reason);
    bool processLine(QByteArrayView line, bool bareLineFeed);
    bool parseRequestLine(QByteArrayView line);
    bool parseStatusLine(QByteArrayView line);
    bool parseField(QByteArrayView line);

    Kind m_kind;
    HttpParseOptions m_options;
    HttpMessage m_message;
    Status m_status = Status::NeedMore;
    Error m_error = Error::None;
    bool m_errorInStartLine = false;
    QString m_errorString;
    qsizetype m_consumed = 0;
    qsizetype m_lineStart = 0; // offset of the current line in the raw head
    int m_lineNumber = 1;
    bool m_startLineDone = false;
    bool m_bareLineFeedSeen = false; // warned about once per message
};

} // namespace Frameline
