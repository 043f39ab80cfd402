#include "ui/inspector/inspectortext.h"

#include "app/protocol/closecode.h"
#include "ui/inspector/payloadformat.h"

namespace Frameline {

QString InspectorText::direction(Direction direction)
{
    return direction == Direction::Incoming ? tr("Incoming (from the peer)")
                                            : tr("Outgoing (sent by Frameline)");
}

QString InspectorText::origin(FrameOrigin origin)
{
    switch (origin) {
    case FrameOrigin::Peer:
        return tr("The peer");
    case FrameOrigin::User:
        return tr("You (composer)");
    case FrameOrigin::Script:
        return tr("A script");
    case FrameOrigin::Automatic:
        return tr("Automatic (keepalive, pong or close reply)");
    case FrameOrigin::Replay:
        return tr("Replay");
    }
    return QString();
}

QString InspectorText::position(FramePosition position)
{
    switch (position) {
    case FramePosition::Whole:
        return tr("A whole message");
    case FramePosition::First:
        return tr("First fragment of a message");
    case FramePosition::Middle:
        return tr("Middle fragment of a message");
    case FramePosition::Last:
        return tr("Last fragment of a message");
    case FramePosition::Control:
        return tr("Control frame");
    case FramePosition::Orphan:
        return tr("Belongs to no message");
    }
    return QString();
}

QString InspectorText::relativeTime(qint64 timestampNs, qint64 connectionStartNs)
{
    const qint64 delta = timestampNs - connectionStartNs;
    //: A time after the connection's first entry, in seconds with microseconds.
    return tr("+%1 s").arg(double(delta) / 1e9, 0, 'f', 6);
}

QString InspectorText::duration(qint64 ns)
{
    if (ns < 0)
        return tr("did not happen");
    if (ns < 1000000000)
        return tr("%1 ms").arg(double(ns) / 1e6, 0, 'f', 3);
    return tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 3);
}

QString InspectorText::byteCount(qint64 bytes)
{
    if (bytes < 1024)
        return bytes == 1 ? tr("1 byte") : tr("%1 bytes").arg(bytes);
    const QString exact = tr("%1 bytes").arg(bytes);
    if (bytes < 1024 * 1024)
        return tr("%1 (%2 KiB)").arg(exact).arg(double(bytes) / 1024, 0, 'f', 1);
    return tr("%1 (%2 MiB)").arg(exact).arg(double(bytes) / (1024 * 1024), 0, 'f', 2);
}

QString InspectorText::closeCode(quint16 code)
{
    return QString::number(code) + QLatin1Char(' ') + CloseCodes::name(code);
}

QString InspectorText::closeInitiator(CloseInitiator initiator)
{
    switch (initiator) {
    case CloseInitiator::Local:
        return tr("Frameline (this side sent the first Close frame)");
    case CloseInitiator::Remote:
        return tr("The peer (it sent the first Close frame)");
    case CloseInitiator::None:
        return tr("Neither side (no Close frame was sent)");
    }
    return QString();
}

QString InspectorText::noticeKind(ConnectionNotice::Kind kind)
{
    switch (kind) {
    case ConnectionNotice::Kind::StateChanged:
        return tr("State change");
    case ConnectionNotice::Kind::Handshake:
        return tr("Opening handshake");
    case ConnectionNotice::Kind::Tls:
        return tr("TLS");
    case ConnectionNotice::Kind::Violation:
        return tr("Protocol violation");
    case ConnectionNotice::Kind::Error:
        return tr("Error");
    case ConnectionNotice::Kind::PingRoundTrip:
        return tr("Ping round trip");
    case ConnectionNotice::Kind::Info:
        return tr("Information");
    }
    return QString();
}

QString InspectorText::yesNo(bool value)
{
    return value ? tr("Yes") : tr("No");
}

QString InspectorText::bytesAsText(QByteArrayView bytes)
{
    QString out;
    for (const PayloadFormat::TextRun &run : PayloadFormat::textRuns(bytes))
        out += run.text;
    return out;
}

} // namespace Frameline
