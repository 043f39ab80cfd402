#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <optional>

namespace Frameline {

// RFC 6455 §7.4.1 status codes, plus the IANA registrations that followed (1012-1014).
namespace CloseCode {
inline constexpr quint16 Normal = 1000;
inline constexpr quint16 GoingAway = 1001;
inline constexpr quint16 ProtocolError = 1002;
inline constexpr quint16 UnsupportedData = 1003;
inline constexpr quint16 Reserved1004 = 1004;
inline constexpr quint16 NoStatusReceived = 1005;
inline constexpr quint16 AbnormalClosure = 1006;
inline constexpr quint16 InvalidPayloadData = 1007;
inline constexpr quint16 PolicyViolation = 1008;
inline constexpr quint16 MessageTooBig = 1009;
inline constexpr quint16 MandatoryExtension = 1010;
inline constexpr quint16 InternalError = 1011;
inline constexpr quint16 ServiceRestart = 1012;
inline constexpr quint16 TryAgainLater = 1013;
inline constexpr quint16 BadGateway = 1014;
inline constexpr quint16 TlsHandshake = 1015;
} // namespace CloseCode

// Facts about close codes: their registered names and meanings and whether they may appear on the wire.
class CloseCodes
{
    Q_DECLARE_TR_FUNCTIONS(CloseCodes)
public:
    // The registered name in English ("Normal Closure", "Protocol Error"), an identifier kept as is in
    // every language; "Private Use" / "Registered (IANA)" / "Unassigned" for ranges.
    static QString name(quint16 code);
    // A one-sentence, translated explanation of what the code means.
    static QString meaning(quint16 code);
    // RFC 6455 §7.4.1 / §7.4.2: may an endpoint send this code in a Close frame?  1000-1003, 1007-1014
    // and 3000-4999 are valid; 1004-1006, 1015, everything below 1000, the unassigned 1016-2999 and
    // anything from 5000 up are not.
    static bool isValidOnWire(quint16 code);
};

// The body of a Close frame (RFC 6455 §5.5.1): an optional 2-byte code followed by a UTF-8 reason.
struct ClosePayload
{
    std::optional<quint16> code;
    QByteArray reason; // raw bytes as sent; may be invalid UTF-8

    static ClosePayload parse(QByteArrayView payload);
    static QByteArray encode(quint16 code, QByteArrayView reason);
};

} // namespace Frameline
