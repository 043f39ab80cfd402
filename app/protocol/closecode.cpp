#include "app/protocol/closecode.h"

#include <QtCore/QtEndian>

namespace Frameline {

QString CloseCodes::name(quint16 code)
{
    switch (code) {
    case CloseCode::Normal:
        return QStringLiteral("Normal Closure");
    case CloseCode::GoingAway:
        return QStringLiteral("Going Away");
    case CloseCode::ProtocolError:
        return QStringLiteral("Protocol Error");
    case CloseCode::UnsupportedData:
        return QStringLiteral("Unsupported Data");
    case CloseCode::Reserved1004:
        return QStringLiteral("Reserved");
    case CloseCode::NoStatusReceived:
        return QStringLiteral("No Status Received");
    case CloseCode::AbnormalClosure:
        return QStringLiteral("Abnormal Closure");
    case CloseCode::InvalidPayloadData:
        return QStringLiteral("Invalid Frame Payload Data");
    case CloseCode::PolicyViolation:
        return QStringLiteral("Policy Violation");
    case CloseCode::MessageTooBig:
        return QStringLiteral("Message Too Big");
    case CloseCode::MandatoryExtension:
        return QStringLiteral("Mandatory Extension");
    case CloseCode::InternalError:
        return QStringLiteral("Internal Error");
    case CloseCode::ServiceRestart:
        return QStringLiteral("Service Restart");
    case CloseCode::TryAgainLater:
        return QStringLiteral("Try Again Later");
    case CloseCode::BadGateway:
        return QStringLiteral("Bad Gateway");
    case CloseCode::TlsHandshake:
        return QStringLiteral("TLS Handshake");
    default:
        break;
    }
    if (code >= 3000 && code <= 3999)
        return QStringLiteral("Registered (IANA)");
    if (code >= 4000 && code <= 4999)
        return QStringLiteral("Private Use");
    return QStringLiteral("Unassigned");
}

QString CloseCodes::meaning(quint16 code)
{
    switch (code) {
    case CloseCode::Normal:
        return tr("The purpose for which the connection was established has been fulfilled.");
    case CloseCode::GoingAway:
        return tr("The endpoint is going away, such as a server shutting down or a browser leaving the page.");
    case CloseCode::ProtocolError:
        return tr("The endpoint is terminating the connection due to a protocol error.");
    case CloseCode::UnsupportedData:
        return tr("The endpoint received a type of data it cannot accept.");
    case CloseCode::Reserved1004:
        return tr("Reserved; must not be sent.");
    case CloseCode::NoStatusReceived:
        return tr("No status code was present; must not be sent in a Close frame.");
    case CloseCode::AbnormalClosure:
        return tr("The connection was closed without a Close frame; must not be sent in a Close frame.");
    case CloseCode::InvalidPayloadData:
        return tr("The endpoint received data that was not consistent with the type of the message "
                  "(for example, invalid UTF-8 in a text message).");
    case CloseCode::PolicyViolation:
        return tr("The endpoint received a message that violates its policy.");
    case CloseCode::MessageTooBig:
        return tr("The endpoint received a message that is too big for it to process.");
    case CloseCode::MandatoryExtension:
        return tr("The client expected the server to negotiate one or more extensions, but it did not.");
    case CloseCode::InternalError:
        return tr("The server encountered an unexpected condition that prevented it from fulfilling the request.");
    case CloseCode::ServiceRestart:
        return tr("The service is restarting.");
    case CloseCode::TryAgainLater:
        return tr("The service is overloaded; try again later.");
    case CloseCode::BadGateway:
        return tr("A gateway or proxy received an invalid response from the upstream server.");
    case CloseCode::TlsHandshake:
        return tr("The TLS handshake failed; must not be sent in a Close frame.");
    default:
        break;
    }
    if (code >= 3000 && code <= 3999)
        return tr("Registered with IANA for use by libraries, frameworks and applications.");
    if (code >= 4000 && code <= 4999)
        return tr("Reserved for private use by applications.");
    return tr("Not assigned; must not be sent in a Close frame.");
}

bool CloseCodes::isValidOnWire(quint16 code)
{
    if (code >= 1000 && code <= 1003)
        return true;
    if (code >= 1007 && code <= 1014)
        return true;
    return code >= 3000 && code <= 4999;
}

ClosePayload ClosePayload::parse(QByteArrayView payload)
{
    ClosePayload result;
    if (payload.size() >= 2) {
        result.code = qFromBigEndian<quint16>(payload.data());
        result.reason = payload.sliced(2).toByteArray();
    }
    return result;
}

QByteArray ClosePayload::encode(quint16 code, QByteArrayView reason)
{
    QByteArray out(2, Qt::Uninitialized);
    qToBigEndian<quint16>(code, out.data());
    out.append(reason);
    return out;
}

} // namespace Frameline
