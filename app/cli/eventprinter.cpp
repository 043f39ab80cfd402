#include "app/cli/eventprinter.h"

#include "app/cli/framejson.h"
#include "app/net/clock.h"
#include "app/net/tlsoptions.h"
#include "app/protocol/closecode.h"
#include "app/protocol/utf8validator.h"

#include <QtCore/QDateTime>

namespace Frameline {

namespace {

// Longest text and hex previews in the human format; the JSON format always has everything.
constexpr qsizetype PreviewChars = 200;
constexpr qsizetype PreviewBytes = 32;

// Between the parts of a summary line.
const QString Separator = QStringLiteral(" \u00b7 ");

QString directionId(Direction direction)
{
    return direction == Direction::Incoming ? QStringLiteral("in") : QStringLiteral("out");
}

QString originId(FrameOrigin origin)
{
    switch (origin) {
    case FrameOrigin::Peer:
        return QStringLiteral("peer");
    case FrameOrigin::User:
        return QStringLiteral("user");
    case FrameOrigin::Script:
        return QStringLiteral("script");
    case FrameOrigin::Automatic:
        return QStringLiteral("automatic");
    case FrameOrigin::Replay:
        return QStringLiteral("replay");
    }
    return QString();
}

QString initiatorId(CloseInitiator initiator)
{
    switch (initiator) {
    case CloseInitiator::None:
        return QStringLiteral("none");
    case CloseInitiator::Local:
        return QStringLiteral("local");
    case CloseInitiator::Remote:
        return QStringLiteral("remote");
    }
    return QString();
}

// Bytes that may not be UTF-8 (a handshake head, a rejection body): as text when they are, else as hex
// under "<key>Hex".
void addTextOrHex(JsonLine &line, const QByteArray &key, const QByteArray &bytes)
{
    if (Utf8Validator::isValid(bytes))
        line.addUtf8(key, bytes);
    else
        line.addUtf8(QByteArray(key + "Hex"), bytes.toHex());
}

void addNanoseconds(JsonLine &line, QByteArrayView key, qint64 ns)
{
    if (ns < 0)
        line.addNull(key);
    else
        line.add(key, ns);
}

QString milliseconds(qint64 ns, int decimals)
{
    return QString::number(double(ns) / 1e6, 'f', decimals);
}

// Text on one line: control characters escaped, cut after PreviewChars characters.
QString textPreview(QByteArrayView utf8)
{
    const QString text = QString::fromUtf8(utf8);
    QString out;
    out.reserve(qMin(text.size(), PreviewChars) + 8);
    qsizetype shown = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (shown >= PreviewChars && !(text.at(i).isLowSurrogate())) {
            out.append(QChar(0x2026)); // …
            break;
        }
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case '\n':
            out.append(QLatin1String("\\n"));
            break;
        case '\r':
            out.append(QLatin1String("\\r"));
            break;
        case '\t':
            out.append(QLatin1String("\\t"));
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out.append(QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0')));
            else
                out.append(c);
        }
        ++shown;
    }
    return out;
}

// "01 02 ff", cut after PreviewBytes bytes.
QString hexPreview(QByteArrayView bytes)
{
    QString out = QString::fromLatin1(bytes.first(qMin(bytes.size(), PreviewBytes)).toByteArray().toHex(' '));
    if (bytes.size() > PreviewBytes)
        out.append(QLatin1Char(' ')).append(QChar(0x2026));
    return out;
}

QString closeText(quint16 code, const QString &reason)
{
    QString text = QString::number(code) + QLatin1Char(' ') + CloseCodes::name(code);
    if (!reason.isEmpty())
        text += QLatin1String(" \"") + textPreview(reason.toUtf8()) + QLatin1Char('"');
    return text;
}

QString rfcReference(const QString &section)
{
    // Sections of RFC 7692 carry their RFC in the text already ("RFC 7692 6.1").
    if (section.startsWith(QLatin1String("RFC")))
        return section;
    return QStringLiteral("RFC 6455 §") + section;
}

QString statusText(const HttpMessage &response)
{
    if (response.isRequest() || response.statusCode() <= 0)
        return QString();
    return response.statusText();
}

} // namespace

EventPrinter::EventPrinter(Format format, Connection::Role role, FILE *out, bool verbose)
    : m_format(format)
    , m_role(role)
    , m_out(out)
    , m_verbose(verbose)
{ }

QString EventPrinter::localTime(qint64 timestampNs)
{
    return QDateTime::fromMSecsSinceEpoch(Clock::toWallClockMs(timestampNs))
        .toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString EventPrinter::wallTime(qint64 timestampNs)
{
    return QDateTime::fromMSecsSinceEpoch(Clock::toWallClockMs(timestampNs), Qt::UTC)
        .toString(Qt::ISODateWithMs);
}

void EventPrinter::write(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
    std::fflush(m_out);
}

void EventPrinter::writeLine(const QString &line)
{
    write(line.toUtf8() + '\n');
}

JsonLine EventPrinter::startJson(QByteArrayView type, quint64 connectionId, qint64 timestampNs) const
{
    JsonLine line;
    line.addUtf8("type", type);
    if (connectionId == 0)
        line.addNull("connection");
    else
        line.add("connection", connectionId);
    line.add("time", timestampNs).add("wallTime", wallTime(timestampNs));
    return line;
}

QString EventPrinter::humanPrefix(quint64 connectionId, qint64 timestampNs) const
{
    QString prefix = localTime(timestampNs) + QLatin1Char(' ');
    if (connectionId != 0)
        prefix += QStringLiteral("[#%1] ").arg(connectionId);
    return prefix;
}

void EventPrinter::print(const EventBatch &batch)
{
    for (const ConnectionEvent &event : batch)
        print(event);
}

void EventPrinter::print(const ConnectionEvent &event)
{
    if (const auto *frame = std::get_if<FrameEvent>(&event))
        printFrame(*frame);
    else if (const auto *message = std::get_if<MessageEvent>(&event))
        printMessage(*message);
    else if (const auto *notice = std::get_if<ConnectionNotice>(&event))
        printNotice(*notice);
}

void EventPrinter::printListening(
    const QString &url, const QString &address, quint16 port, const QString &certificateFile)
{
    if (m_format == Format::Json) {
        JsonLine line = startJson("listening", 0, Clock::nowNs());
        line.add("url", url).add("address", address).add("port", int(port));
        if (certificateFile.isEmpty())
            line.addNull("certificateFile");
        else
            line.add("certificateFile", certificateFile);
        write(line.toLine());
        return;
    }
    if (certificateFile.isEmpty())
        writeLine(tr("listening on %1").arg(url));
    else
        writeLine(tr("listening on %1 (certificate %2)").arg(url, certificateFile));
}

void EventPrinter::printInfo(quint64 connectionId, const QString &text)
{
    printNote(connectionId, "info", text);
}

void EventPrinter::printError(quint64 connectionId, const QString &text)
{
    printNote(connectionId, "error", text);
}

void EventPrinter::printNote(quint64 connectionId, QByteArrayView type, const QString &text)
{
    const qint64 now = Clock::nowNs();
    if (m_format == Format::Json) {
        JsonLine line = startJson(type, connectionId, now);
        line.add("text", text);
        write(line.toLine());
    } else if (type == "error") {
        writeLine(humanPrefix(connectionId, now) + tr("error: %1").arg(text));
    } else {
        writeLine(humanPrefix(connectionId, now) + text);
    }
}

// ---- frames and messages ---------------------------------------------------------------------------

void EventPrinter::printFrame(const FrameEvent &event)
{
    const Frame &frame = event.frame;
    if (m_format == Format::Json) {
        JsonLine line = startJson("frame", event.connectionId, event.timestampNs);
        line.add("direction", directionId(event.direction)).add("origin", originId(event.origin));
        FrameJson::addFrameFields(line, frame, event.payload);
        write(line.toLine());
        return;
    }

    const QString prefix = humanPrefix(event.connectionId, event.timestampNs);
    QString text = prefix + (event.direction == Direction::Outgoing ? QChar(0x2192) : QChar(0x2190)) // → ←
        + QLatin1Char(' ') + opcodeName(frame.opcode);
    if (isReservedOpcode(frame.opcode))
        text += QString::number(frame.opcode);
    text += QLatin1Char(' ') + tr("%1 B").arg(frame.payloadLength);

    QStringList tags;
    if (!frame.fin)
        tags.append(QStringLiteral("fin=0"));
    if (frame.rsv1)
        tags.append(QStringLiteral("rsv1"));
    if (frame.rsv2)
        tags.append(QStringLiteral("rsv2"));
    if (frame.rsv3)
        tags.append(QStringLiteral("rsv3"));
    if (frame.compressed)
        tags.append(tr("compressed"));
    if (event.origin == FrameOrigin::Automatic)
        tags.append(tr("auto"));
    else if (event.origin == FrameOrigin::Script)
        tags.append(tr("script"));
    else if (event.origin == FrameOrigin::Replay)
        tags.append(tr("replay"));
    if (!tags.isEmpty())
        text += QLatin1String(" [") + tags.join(QLatin1Char(' ')) + QLatin1Char(']');

    QString preview;
    if (frame.payloadOmitted) {
        preview = tr("(payload not kept: over the frame limit)");
    } else if (frame.opcode == quint8(Opcode::Close)) {
        const ClosePayload close = ClosePayload::parse(event.payload);
        if (close.code)
            preview = closeText(*close.code, QString::fromUtf8(close.reason));
        else if (event.payload.isEmpty())
            preview = tr("(no status code)");
        else
            preview = hexPreview(event.payload);
    } else if (frame.messageOpcode == quint8(Opcode::Text) && !frame.compressed
        && Utf8Validator::isValid(event.payload)) {
        preview = textPreview(event.payload);
    } else if (!event.payload.isEmpty()) {
        preview = hexPreview(event.payload);
    }
    if (!preview.isEmpty())
        text += QLatin1String("  ") + preview;
    writeLine(text);
    printViolationLines(prefix, frame.violations);
}

void EventPrinter::printMessage(const MessageEvent &event)
{
    const Message &message = event.message;
    if (m_format == Format::Json) {
        JsonLine line = startJson("message", event.connectionId, event.timestampNs);
        line.add("direction", directionId(event.direction)).add("origin", originId(event.origin));
        FrameJson::addMessageFields(line, message);
        write(line.toLine());
        return;
    }
    // A message of one uncompressed frame reads in full on its frame's line; a message line is printed
    // only when it says more: the payload of several frames put together, or inflated.
    if (message.frameIndexes.size() <= 1 && !message.compressed && !message.payloadTruncated)
        return;
    QStringList details;
    if (message.frameIndexes.size() > 1)
        details.append(tr("%n frames", nullptr, int(message.frameIndexes.size())));
    if (message.compressed)
        details.append(tr("inflated from %1 B").arg(message.wireLength));
    if (message.payloadTruncated)
        details.append(tr("payload incomplete"));
    QString text = humanPrefix(event.connectionId, event.timestampNs)
        + (event.direction == Direction::Outgoing ? QChar(0x2192) : QChar(0x2190)) + QLatin1Char(' ')
        + tr("message %1 %2 B (%3)")
              .arg(opcodeName(message.opcode))
              .arg(message.payload.size())
              .arg(details.join(QLatin1String(", ")));
    if (message.opcode == quint8(Opcode::Text) && Utf8Validator::isValid(message.payload))
        text += QLatin1String("  ") + textPreview(message.payload);
    else if (!message.payload.isEmpty())
        text += QLatin1String("  ") + hexPreview(message.payload);
    writeLine(text);
}

void EventPrinter::printViolationLines(const QString &prefix, const Violations &violations)
{
    for (const Violation &violation : violations) {
        const QString where = tr("%1, %2 %3")
                                  .arg(rfcReference(violation.rfcSection))
                                  .arg(violation.closeCode)
                                  .arg(CloseCodes::name(violation.closeCode));
        const QString line = violation.fatal ? tr("!! VIOLATION %1 (%2): %3") : tr("!! warning %1 (%2): %3");
        writeLine(prefix + QLatin1String("   ") + line.arg(violation.id(), where, violation.message));
    }
}

// ---- notices ---------------------------------------------------------------------------------------

void EventPrinter::printNotice(const ConnectionNotice &notice)
{
    if (notice.kind == ConnectionNotice::Kind::StateChanged && notice.state == ConnectionState::Open)
        m_opened.insert(notice.connectionId);
    if (m_format == Format::Json)
        printJsonNotice(notice);
    else
        printHumanNotice(notice);
    if (notice.kind == ConnectionNotice::Kind::StateChanged && notice.state == ConnectionState::Closed)
        m_opened.remove(notice.connectionId);
}

void EventPrinter::printJsonNotice(const ConnectionNotice &notice)
{
    switch (notice.kind) {
    case ConnectionNotice::Kind::StateChanged: {
        JsonLine line = startJson("state", notice.connectionId, notice.timestampNs);
        line.add("state", ConnectionText::stateId(notice.state));
        if (notice.state == ConnectionState::Closed) {
            const CloseInfo &close = notice.close;
            JsonLine info;
            info.add("code", int(close.code))
                .add("codeName", CloseCodes::name(close.code))
                .add("reason", close.reason)
                .add("initiator", initiatorId(close.initiator));
            if (close.sentCode == 0)
                info.addNull("sentCode");
            else
                info.add("sentCode", int(close.sentCode));
            info.add("closingHandshakeCompleted", close.closingHandshakeCompleted)
                .add("abnormal", close.abnormal)
                .add("opened", m_opened.contains(notice.connectionId));
            line.addRaw("close", info.toObject());
        }
        write(line.toLine());
        return;
    }
    case ConnectionNotice::Kind::Handshake: {
        JsonLine line = startJson("handshake", notice.connectionId, notice.timestampNs);
        if (!notice.handshake) {
            write(line.toLine());
            return;
        }
        const HandshakeRecord &record = *notice.handshake;
        const bool hasResponse = !record.response.isRequest() && record.response.statusCode() > 0;
        line.add("accepted", record.accepted)
            .add("url", record.url)
            .add("peerAddress", record.peerAddress)
            .add("peerPort", int(record.peerPort));
        if (hasResponse)
            line.add("status", record.response.statusCode()).add("statusText", statusText(record.response));
        else
            line.addNull("status").addNull("statusText");
        if (record.accepted && !record.subprotocol.isEmpty())
            line.addUtf8("subprotocol", record.subprotocol);
        else
            line.addNull("subprotocol");
        const QByteArray extensions = record.response.isRequest()
            ? QByteArray()
            : record.response.combinedValue("Sec-WebSocket-Extensions");
        if (record.accepted && !extensions.isEmpty())
            addTextOrHex(line, "extensions", extensions);
        else
            line.addNull("extensions");
        if (record.deflate) {
            JsonLine deflate;
            deflate.add("serverNoContextTakeover", record.deflate->serverNoContextTakeover)
                .add("clientNoContextTakeover", record.deflate->clientNoContextTakeover)
                .add("serverMaxWindowBits", record.deflate->serverMaxWindowBits)
                .add("clientMaxWindowBits", record.deflate->clientMaxWindowBits);
            line.addRaw("deflate", deflate.toObject());
        } else {
            line.addNull("deflate");
        }
        if (!record.accepted)
            line.add("error", record.error);
        JsonLine timings;
        addNanoseconds(timings, "dnsNs", record.timings.dnsNs);
        addNanoseconds(timings, "connectNs", record.timings.connectNs);
        addNanoseconds(timings, "tlsNs", record.timings.tlsNs);
        addNanoseconds(timings, "upgradeNs", record.timings.upgradeNs);
        line.addRaw("timings", timings.toObject());
        addTextOrHex(line, "request", record.requestBytes);
        addTextOrHex(line, "response", record.responseBytes);
        write(line.toLine());
        return;
    }
    case ConnectionNotice::Kind::Tls: {
        JsonLine line = startJson("tls", notice.connectionId, notice.timestampNs);
        if (notice.tls) {
            const TlsRecord &tls = *notice.tls;
            line.add("protocol", tls.protocol).add("cipher", tls.cipher).add("serverName", tls.serverName);
            if (tls.peerChain.isEmpty()) {
                line.addNull("peerSubject").addNull("peerIssuer");
            } else {
                line.add("peerSubject", tls.peerChain.constFirst().subjectDisplayName())
                    .add("peerIssuer", tls.peerChain.constFirst().issuerDisplayName());
            }
            QByteArray chain(1, '[');
            for (const QSslCertificate &certificate : tls.peerChain) {
                if (chain.size() > 1)
                    chain.append(',');
                JsonLine::appendString(chain, Tls::describe(certificate).toUtf8());
            }
            chain.append(']');
            QByteArray errors(1, '[');
            for (const QString &error : tls.certificateErrors) {
                if (errors.size() > 1)
                    errors.append(',');
                JsonLine::appendString(errors, error.toUtf8());
            }
            errors.append(']');
            line.addRaw("peerChain", chain)
                .add("verified", tls.verified)
                .addRaw("certificateErrors", errors)
                .add("errorsIgnored", tls.errorsIgnored)
                .add("clientCertificateSent", tls.clientCertificateSent);
        }
        write(line.toLine());
        return;
    }
    case ConnectionNotice::Kind::Violation: {
        JsonLine line = startJson("violation", notice.connectionId, notice.timestampNs);
        line.add("text", notice.text);
        // The rule itself, when the engine attached it (the frame line lists it in any case).
        if (!notice.violation.message.isEmpty())
            FrameJson::addViolationFields(line, notice.violation);
        write(line.toLine());
        return;
    }
    case ConnectionNotice::Kind::Error:
    case ConnectionNotice::Kind::Info: {
        JsonLine line = startJson(notice.kind == ConnectionNotice::Kind::Error ? "error" : "info",
            notice.connectionId, notice.timestampNs);
        line.add("text", notice.text);
        write(line.toLine());
        return;
    }
    case ConnectionNotice::Kind::PingRoundTrip: {
        JsonLine line = startJson("rtt", notice.connectionId, notice.timestampNs);
        line.add("roundTripNs", notice.roundTripNs);
        write(line.toLine());
        return;
    }
    }
}

void EventPrinter::printHumanNotice(const ConnectionNotice &notice)
{
    const QString prefix = humanPrefix(notice.connectionId, notice.timestampNs);
    switch (notice.kind) {
    case ConnectionNotice::Kind::StateChanged: {
        if (notice.state != ConnectionState::Closed) {
            writeLine(prefix + tr("state: %1").arg(ConnectionText::stateName(notice.state)));
            return;
        }
        const CloseInfo &close = notice.close;
        if (!m_opened.contains(notice.connectionId)) {
            writeLine(prefix + tr("closed (the connection never opened)"));
            return;
        }
        QStringList parts;
        if (close.closingHandshakeCompleted)
            parts.append(tr("closed: %1").arg(closeText(close.code, close.reason)));
        else
            parts.append(tr("closed abnormally: %1").arg(closeText(close.code, close.reason)));
        if (close.initiator == CloseInitiator::Local)
            parts.append(tr("we closed first"));
        else if (close.initiator == CloseInitiator::Remote)
            parts.append(tr("the peer closed first"));
        parts.append(close.closingHandshakeCompleted ? tr("closing handshake completed")
                                                     : tr("no complete closing handshake"));
        writeLine(prefix + parts.join(Separator));
        return;
    }
    case ConnectionNotice::Kind::Handshake:
        printHumanHandshake(notice);
        return;
    case ConnectionNotice::Kind::Tls:
        printHumanTls(notice);
        return;
    case ConnectionNotice::Kind::Violation:
        writeLine(prefix + tr("!! %1").arg(notice.text));
        return;
    case ConnectionNotice::Kind::Error:
        writeLine(prefix + tr("error: %1").arg(notice.text));
        return;
    case ConnectionNotice::Kind::Info:
        writeLine(prefix + notice.text);
        return;
    case ConnectionNotice::Kind::PingRoundTrip:
        writeLine(prefix + tr("rtt %1 ms").arg(milliseconds(notice.roundTripNs, 3)));
        return;
    }
}

void EventPrinter::printHumanHandshake(const ConnectionNotice &notice)
{
    if (!notice.handshake)
        return;
    const HandshakeRecord &record = *notice.handshake;
    const QString prefix = humanPrefix(notice.connectionId, notice.timestampNs);
    const QString status = statusText(record.response);

    QStringList parts;
    if (m_role == Connection::Role::Server) {
        parts.append(tr("%1 %2 from %3:%4")
                         .arg(QString::fromLatin1(record.request.method()),
                             QString::fromUtf8(record.request.target()), record.peerAddress)
                         .arg(record.peerPort));
        if (!status.isEmpty())
            parts.last() += QStringLiteral(" \u2192 ") + status;
    } else if (!status.isEmpty()) {
        parts.append(status);
    }
    if (record.accepted) {
        if (!record.subprotocol.isEmpty())
            parts.append(tr("subprotocol %1").arg(QString::fromUtf8(record.subprotocol)));
        const QByteArray extensions = record.response.combinedValue("Sec-WebSocket-Extensions");
        if (!extensions.isEmpty())
            parts.append(tr("extensions %1").arg(QString::fromLatin1(extensions)));
        if (record.timings.upgradeNs >= 0)
            parts.append(tr("%1 ms").arg(milliseconds(record.timings.upgradeNs, 1)));
        writeLine(prefix + tr("handshake: %1").arg(parts.join(Separator)));
    } else {
        parts.append(record.error);
        const QString line = m_role == Connection::Role::Server ? tr("!! handshake refused: %1")
                                                                : tr("!! handshake failed: %1");
        writeLine(prefix + line.arg(parts.join(Separator)));
    }

    if (!m_verbose)
        return;
    // curl -v style: "> " what the client sent, "< " what the server answered.
    const auto printHead = [this, &prefix](const QByteArray &bytes, QLatin1String marker) {
        const QString text
            = Utf8Validator::isValid(bytes) ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes);
        QStringList lines = text.split(QLatin1String("\r\n"));
        while (!lines.isEmpty() && lines.constLast().isEmpty())
            lines.removeLast();
        for (const QString &line : std::as_const(lines))
            writeLine(prefix + QLatin1String("   ") + marker + textPreview(line.toUtf8()));
    };
    printHead(record.requestBytes, QLatin1String("> "));
    printHead(record.responseBytes, QLatin1String("< "));
}

void EventPrinter::printHumanTls(const ConnectionNotice &notice)
{
    if (!notice.tls)
        return;
    const TlsRecord &tls = *notice.tls;
    QStringList parts { tls.protocol, tls.cipher };
    if (!tls.peerChain.isEmpty())
        parts.append(tr("peer %1").arg(Tls::describe(tls.peerChain.constFirst())));
    if (m_role == Connection::Role::Client) {
        if (tls.verified)
            parts.append(tr("verified for %1").arg(tls.serverName));
        else if (tls.errorsIgnored)
            parts.append(
                tr("certificate errors ignored: %1").arg(tls.certificateErrors.join(QLatin1String("; "))));
        else
            parts.append(tr("not verified: %1").arg(tls.certificateErrors.join(QLatin1String("; "))));
        if (tls.clientCertificateSent)
            parts.append(tr("client certificate sent"));
    }
    writeLine(
        humanPrefix(notice.connectionId, notice.timestampNs) + tr("tls: %1").arg(parts.join(Separator)));
}

} // namespace Frameline
