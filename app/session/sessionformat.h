#pragma once

#include "app/net/connectionevent.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <optional>

namespace Frameline {

// The first line of a session file: which format and version, when and by what it was written, and the
// wall-clock time at which the events' "time" reads zero.
struct SessionHeader
{
    int majorVersion = 1;
    int minorVersion = 0;
    QDateTime created;   // UTC
    QString application; // "Frameline 0.1.0"
    // Milliseconds since 1970-01-01T00:00Z at which the events' timestamps read 0 (Clock::wallClockAnchorMs()
    // of the recording process): an event happened at timeOriginMs + time / 1e6.
    qint64 timeOriginMs = 0;
    // Any other header fields, kept as read and written back as given (a title, fields of a newer
    // minor version).
    QJsonObject extra;

    // A header for a session recorded now by this process: this format version, the current time, the
    // application's name and version, and Clock's time origin.
    static SessionHeader forNewSession();
};

// The session file format (docs/session-format.md): a header line, then one JSON object per event, each
// on its own '\n'-terminated UTF-8 line. Turns a ConnectionEvent into its line and back, exactly: every
// field of the event survives, payloads byte for byte. SessionWriter and SessionReader are built on it.
//
// Stateless; every function may be called from any thread.
class SessionFormat
{
    Q_DECLARE_TR_FUNCTIONS(SessionFormat)
public:
    // "format" of the header line.
    static constexpr QByteArrayView FormatName { "frameline-session" };
    // The version this code writes. A reader reads every file of the same major version: a newer minor
    // version only adds fields and event types, which it ignores (with a warning).
    static constexpr int MajorVersion = 1;
    static constexpr int MinorVersion = 0;
    // Integers beyond ±2^53 lose precision in a double (JavaScript, jq): they are written as decimal
    // strings.
    static constexpr qint64 MaxExactInteger = qint64(1) << 53;
    // A longer first line is not a session header (a header is a few hundred bytes).
    static constexpr qsizetype MaxHeaderLength = 1024 * 1024;

    // Event "type" values.
    static constexpr QByteArrayView TypeFrame { "frame" };
    static constexpr QByteArrayView TypeMessage { "message" };
    static constexpr QByteArrayView TypeState { "state" };
    static constexpr QByteArrayView TypeHandshake { "handshake" };
    static constexpr QByteArrayView TypeTls { "tls" };
    static constexpr QByteArrayView TypeViolation { "violation" };
    static constexpr QByteArrayView TypeError { "error" };
    static constexpr QByteArrayView TypeInfo { "info" };
    static constexpr QByteArrayView TypeRoundTrip { "rtt" };

    // The header as one line, '\n' included.
    static QByteArray encodeHeader(const SessionHeader &header);

    enum class HeaderStatus : quint8 {
        Ok,
        NewerMinor, // readable; *message is the warning to show
        NotASession, // not a JSON object with "format":"frameline-session"; *message says what it is
        Unsupported, // a newer major version, or a version that cannot be read; *message says why
    };
    // Reads a header line (without its '\n'). *message is a translated sentence for every status but Ok.
    static HeaderStatus decodeHeader(QByteArrayView line, SessionHeader *header, QString *message);

    // One event as one line, '\n' included, appended to `out`.
    static void appendEvent(QByteArray &out, const ConnectionEvent &event);
    static QByteArray encodeEvent(const ConnectionEvent &event);

    enum class Payloads : quint8 {
        Decode, // the event complete, payloads included
        Skip,   // frame and message payloads left empty (their JSON still checked): for a fast index pass
    };
    enum class DecodeStatus : quint8 {
        Ok,
        Invalid,     // not valid JSON, or not a valid event (a field missing or of the wrong kind)
        UnknownType, // a valid JSON object whose "type" this version does not know (a newer minor version)
    };
    struct DecodedEvent
    {
        DecodeStatus status = DecodeStatus::Invalid;
        ConnectionEvent event;
        // Invalid and UnknownType: what is wrong, a translated phrase without the line number ("not valid
        // JSON: expected ',' or '}' at column 57", "missing field \"opcode\"").
        QString error;
        // Ok: something left out but tolerated (a violation whose rule this version does not know).
        QString warning;
        // Frames and messages: the payload's size in bytes, also when Payloads::Skip left it out.
        qint64 payloadSize = 0;
    };
    // Reads one event line (without its '\n'; a trailing '\r' is allowed). Fields this version does not
    // know are ignored; so are fields whose value is null.
    static DecodedEvent decodeEvent(QByteArrayView line, Payloads payloads = Payloads::Decode);

    // Identifiers used in the file (never translated).
    static QByteArrayView directionId(Direction direction); // "in", "out"
    static QByteArrayView originId(FrameOrigin origin);     // "peer", "user", "script", "automatic", "replay"
    static QByteArrayView positionId(FramePosition position); // "whole", "first", ..., "orphan"
    static QByteArrayView initiatorId(CloseInitiator initiator); // "none", "local", "remote"
    static QByteArrayView noticeType(ConnectionNotice::Kind kind); // "state", "handshake", ..., "rtt"
    static std::optional<ViolationKind> violationKindFromId(QByteArrayView id); // "reserved-bits-set"
};

} // namespace Frameline
