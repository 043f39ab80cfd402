#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Frameline {

// Every way a peer can break RFC 6455 / RFC 7692 that the decoder detects. The enum is the stable
// identity of a rule (used in files and tests); the message is the human, translated explanation.
enum class ViolationKind : quint8 {
    UnmaskedClientFrame,     // §5.1, 1002
    MaskedServerFrame,       // §5.1, 1002
    ReservedBitsSet,         // §5.2, 1002 (RSV1-3 without a negotiated extension that defines them)
    ReservedOpcode,          // §5.2, 1002 (3-7, 11-15)
    ControlFrameTooLong,     // §5.5, 1002 (payload > 125)
    FragmentedControlFrame,  // §5.5, 1002 (FIN = 0)
    UnexpectedContinuation,  // §5.4, 1002 (continuation with nothing to continue)
    ExpectedContinuation,    // §5.4, 1002 (new data frame inside a fragmented message)
    LengthTopBitSet,         // §5.2, 1002 (64-bit length with the most significant bit set)
    NonMinimalLength,        // §5.2, not fatal (length not in its minimal form)
    FrameTooLarge,           // §10.4, 1009 (frame payload over the configured limit)
    MessageTooLarge,         // §10.4, 1009 (message over the configured limit)
    InvalidUtf8,             // §8.1, 1007 (text message payload)
    ClosePayloadTooShort,    // §5.5.1, 1002 (1-byte close payload)
    InvalidCloseCode,        // §7.4.1, 1002 (code that must not appear on the wire)
    InvalidCloseReason,      // §5.5.1, 1007 (reason not UTF-8)
    CompressedControlFrame,  // RFC 7692 §6.1, 1002 (RSV1 on a control frame)
    CompressedContinuation,  // RFC 7692 §6.1, 1002 (RSV1 on a continuation frame)
    InflateFailed,           // RFC 7692 §6.2, 1007 (compressed data that does not inflate)
};

struct Violation
{
    ViolationKind kind = ViolationKind::UnmaskedClientFrame;
    quint16 closeCode = 1002; // what a compliant endpoint sends when it fails the connection
    QString rfcSection;       // "5.1", "7692 6.1"
    QString message;          // translated, specific ("RSV2 is set but no extension defines it")
    bool fatal = true;        // false: reported only (a strict endpoint keeps the connection)

    // A stable identifier for the rule ("unmasked-client-frame"), used in files and JSON.
    QString id() const;
};

using Violations = QList<Violation>;

// Builds violations with the right close code, RFC section and a translated message.
class ViolationText
{
    Q_DECLARE_TR_FUNCTIONS(ViolationText)
public:
    static Violation make(ViolationKind kind, const QString &message);
    static quint16 closeCodeFor(ViolationKind kind);
    static QString rfcSectionFor(ViolationKind kind);
    static bool isFatal(ViolationKind kind);
};

} // namespace Frameline
