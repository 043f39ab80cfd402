#include "app/protocol/violation.h"

namespace Frameline {

QString Violation::id() const
{
    switch (kind) {
    case ViolationKind::UnmaskedClientFrame:
        return QStringLiteral("unmasked-client-frame");
    case ViolationKind::MaskedServerFrame:
        return QStringLiteral("masked-server-frame");
    case ViolationKind::ReservedBitsSet:
        return QStringLiteral("reserved-bits-set");
    case ViolationKind::ReservedOpcode:
        return QStringLiteral("reserved-opcode");
    case ViolationKind::ControlFrameTooLong:
        return QStringLiteral("control-frame-too-long");
    case ViolationKind::FragmentedControlFrame:
        return QStringLiteral("fragmented-control-frame");
    case ViolationKind::UnexpectedContinuation:
        return QStringLiteral("unexpected-continuation");
    case ViolationKind::ExpectedContinuation:
        return QStringLiteral("expected-continuation");
    case ViolationKind::LengthTopBitSet:
        return QStringLiteral("length-top-bit-set");
    case ViolationKind::NonMinimalLength:
        return QStringLiteral("non-minimal-length");
    case ViolationKind::FrameTooLarge:
        return QStringLiteral("frame-too-large");
    case ViolationKind::MessageTooLarge:
        return QStringLiteral("message-too-large");
    case ViolationKind::InvalidUtf8:
        return QStringLiteral("invalid-utf8");
    case ViolationKind::ClosePayloadTooShort:
        return QStringLiteral("close-payload-too-short");
    case ViolationKind::InvalidCloseCode:
        return QStringLiteral("invalid-close-code");
    case ViolationKind::InvalidCloseReason:
        return QStringLiteral("invalid-close-reason");
    case ViolationKind::CompressedControlFrame:
        return QStringLiteral("compressed-control-frame");
    case ViolationKind::CompressedContinuation:
        return QStringLiteral("compressed-continuation");
    case ViolationKind::InflateFailed:
        return QStringLiteral("inflate-failed");
    }
    return QStringLiteral("unknown");
}

quint16 ViolationText::closeCodeFor(ViolationKind kind)
{
    switch (kind) {
    case ViolationKind::FrameTooLarge:
    case ViolationKind::MessageTooLarge:
        return 1009;
    case ViolationKind::InvalidUtf8:
    case ViolationKind::InvalidCloseReason:
    case ViolationKind::InflateFailed:
        return 1007;
    default:
        return 1002;
    }
}

QString ViolationText::rfcSectionFor(ViolationKind kind)
{
    switch (kind) {
    case ViolationKind::UnmaskedClientFrame:
    case ViolationKind::MaskedServerFrame:
        return QStringLiteral("5.1");
    case ViolationKind::ReservedBitsSet:
    case ViolationKind::ReservedOpcode:
    case ViolationKind::LengthTopBitSet:
    case ViolationKind::NonMinimalLength:
        return QStringLiteral("5.2");
    case ViolationKind::ControlFrameTooLong:
    case ViolationKind::FragmentedControlFrame:
        return QStringLiteral("5.5");
    case ViolationKind::UnexpectedContinuation:
    case ViolationKind::ExpectedContinuation:
        return QStringLiteral("5.4");
    case ViolationKind::FrameTooLarge:
    case ViolationKind::MessageTooLarge:
        return QStringLiteral("10.4");
    case ViolationKind::InvalidUtf8:
        return QStringLiteral("8.1");
    case ViolationKind::ClosePayloadTooShort:
    case ViolationKind::InvalidCloseReason:
        return QStringLiteral("5.5.1");
    case ViolationKind::InvalidCloseCode:
        return QStringLiteral("7.4.1");
    case ViolationKind::CompressedControlFrame:
    case ViolationKind::CompressedContinuation:
        return QStringLiteral("RFC 7692 6.1");
    case ViolationKind::InflateFailed:
        return QStringLiteral("RFC 7692 6.2");
    }
    return QString();
}

bool ViolationText::isFatal(ViolationKind kind)
{
    // RFC 6455 §5.2 asks for the minimal length encoding but gives no failure for the others; a strict
    // endpoint reports it and carries on.
    return kind != ViolationKind::NonMinimalLength;
}

Violation ViolationText::make(ViolationKind kind, const QString &message)
{
    Violation v;
    v.kind = kind;
    v.closeCode = closeCodeFor(kind);
    v.rfcSection = rfcSectionFor(kind);
    v.message = message;
    v.fatal = isFatal(kind);
    return v;
}

} // namespace Frameline
