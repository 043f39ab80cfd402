#include "app/cli/infocommand.h"

#include "app/cli/textout.h"
#include "app/session/jsonline.h"
#include "app/session/sessionreader.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QHash>

#include <climits>
#include <limits>
#include <vector>

namespace Frameline {

namespace {

// Saturating: a crafted frame may declare a length near 2^64.
quint64 addBytes(quint64 total, quint64 more)
{
    return more > std::numeric_limits<quint64>::max() - total ? std::numeric_limits<quint64>::max()
                                                              : total + more;
}

// Milliseconds to the nanosecond, without trailing zeros: "205.673132", "0", "1500".
QByteArray millisecondsText(qint64 ns)
{
    const qint64 whole = ns / 1000000;
    const qint64 fraction = ns % 1000000;
    QByteArray text = QByteArray::number(whole);
    if (fraction != 0) {
        QByteArray digits = QByteArray::number(fraction).rightJustified(6, '0');
        while (digits.endsWith('0'))
            digits.chop(1);
        text += '.' + digits;
    }
    return text;
}

QString wallTime(qint64 timeOriginMs, qint64 timestampNs)
{
    qint64 ms = timeOriginMs + timestampNs / 1000000;
    if (timestampNs % 1000000 < 0)
        --ms;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

struct Totals
{
    qint64 frames[2] = { 0, 0 }; // Incoming, Outgoing
    qint64 messages[2] = { 0, 0 };
    quint64 bytes[2] = { 0, 0 };
    qint64 violations = 0;
    qint64 frameCount() const { return frames[0] + frames[1]; }
    qint64 messageCount() const { return messages[0] + messages[1]; }
    quint64 byteCount() const { return addBytes(bytes[0], bytes[1]); }
};

struct ConnectionSummary
{
    quint64 id = 0;
    Totals totals;
    qint64 handshakeOffset = -1; // of its first handshake notice
    bool tls = false;
    qint64 lastStateOffset = -1; // of its last state notice
    QString url;
    QString state;
    int closeCode = -1;
};

int sideOf(Direction direction)
{
    return direction == Direction::Incoming ? 0 : 1;
}

} // namespace

QString InfoCommand::summary()
{
    return tr("Sum up a session file: connections, frames, messages, bytes, duration, violations");
}

int InfoCommand::run(const QStringList &arguments, FILE *out, FILE *err)
{
    const auto usageError = [err](const QString &message) {
        writeText(err,
            tr("frameline-cli info: %1 (see 'frameline-cli info --help')").arg(message) + QLatin1Char('\n'));
        return 2;
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(summary() + QLatin1Char('\n')
        + tr("\nReads a session file (written by 'connect --record', 'serve --record', 'import'\n"
             "or the desktop app) in one pass that decodes no payload, and prints what it\n"
             "holds: when it starts and ends, connections, frames and messages each way, the\n"
             "payload bytes of its frames (as their headers declare them), the violations of\n"
             "RFC 6455 / RFC 7692 found in its frames, and one line per connection.\n"
             "With --json it prints one JSON object whose first keys are connections,\n"
             "frames, messages, bytes, durationMs and violations.\n"
             "Lines that cannot be read are skipped and reported on standard error as\n"
             "\"warning: ...\" (\"warning: last line truncated\" for a file whose writer was\n"
             "killed mid-line).\n"
             "\nExit status: 0 when the file was read, also with warnings; 2 when it is not a\n"
             "session this version reads (missing, empty, another format, a newer major\n"
             "version) or for bad arguments."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The session file."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOption(jsonOption);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeCommandHelp(out, parser, QStringLiteral("frameline-cli info"));
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(tr("no FILE: give the session file to read"));
    if (positional.size() > 1)
        return usageError(tr("give one FILE, not %1").arg(positional.size()));
    const QString path = positional.constFirst();

    SessionReader reader;
    if (!reader.open(path)) {
        writeText(err, tr("frameline-cli info: %1").arg(reader.errorString()) + QLatin1Char('\n'));
        return 2;
    }
    const SessionIndex index = reader.buildIndex();
    for (const QString &warning : index.warnings)
        writeText(err, tr("warning: %1").arg(warning) + QLatin1Char('\n'));

    Totals totals;
    std::vector<ConnectionSummary> connections;
    QHash<quint64, size_t> connectionSlot;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    QList<qint64> violationFrames;
    for (const SessionIndex::Entry &entry : index.entries) {
        first = qMin(first, entry.timestampNs);
        last = qMax(last, entry.timestampNs);
        ConnectionSummary *connection = nullptr;
        if (entry.connectionId != 0) {
            auto found = connectionSlot.constFind(entry.connectionId);
            if (found == connectionSlot.cend()) {
                found = connectionSlot.insert(entry.connectionId, connections.size());
                connections.push_back({});
                connections.back().id = entry.connectionId;
            }
            connection = &connections[*found];
        }
        const int side = sideOf(entry.direction);
        switch (entry.kind) {
        case SessionIndex::Kind::Frame:
            ++totals.frames[side];
            totals.bytes[side] = addBytes(totals.bytes[side], entry.payloadLength);
            if (connection) {
                ++connection->totals.frames[side];
                connection->totals.bytes[side]
                    = addBytes(connection->totals.bytes[side], entry.payloadLength);
            }
            if (entry.hasViolation)
                violationFrames.append(entry.offset);
            break;
        case SessionIndex::Kind::Message:
            ++totals.messages[side];
            if (connection)
                ++connection->totals.messages[side];
            break;
        case SessionIndex::Kind::Notice:
            if (!connection)
                break;
            if (entry.noticeKind == ConnectionNotice::Kind::Handshake && connection->handshakeOffset < 0)
                connection->handshakeOffset = entry.offset;
            if (entry.noticeKind == ConnectionNotice::Kind::Tls)
                connection->tls = true;
            if (entry.noticeKind == ConnectionNotice::Kind::StateChanged)
                connection->lastStateOffset = entry.offset;
            break;
        }
    }
    // The index knows that a frame has violations, not how many: read those frames (few, in a sane file).
    QHash<quint64, qint64> violationsByConnection;
    for (qint64 offset : std::as_const(violationFrames)) {
        const auto event = reader.readEventAt(offset);
        if (const auto *frame = event ? std::get_if<FrameEvent>(&*event) : nullptr) {
            totals.violations += frame->frame.violations.size();
            violationsByConnection[frame->connectionId] += frame->frame.violations.size();
        }
    }
    for (ConnectionSummary &connection : connections) {
        connection.totals.violations = violationsByConnection.value(connection.id);
        if (connection.handshakeOffset >= 0) {
            const auto event = reader.readEventAt(connection.handshakeOffset);
            const auto *notice = event ? std::get_if<ConnectionNotice>(&*event) : nullptr;
            if (notice && notice->handshake) {
                // A server's handshake holds the request target: with the Host header it makes the URL.
                const HandshakeRecord &handshake = *notice->handshake;
                const QByteArray host = handshake.request.combinedValue("Host");
                connection.url = handshake.url;
                if (!handshake.url.contains(QLatin1String("://")) && !host.isEmpty())
                    connection.url = (connection.tls ? QStringLiteral("wss://") : QStringLiteral("ws://"))
                        + QString::fromUtf8(host) + handshake.url;
            }
        }
        if (connection.lastStateOffset >= 0) {
            const auto event = reader.readEventAt(connection.lastStateOffset);
            if (const auto *notice = event ? std::get_if<ConnectionNotice>(&*event) : nullptr) {
                connection.state = ConnectionText::stateId(notice->state);
                if (notice->state == ConnectionState::Closed)
                    connection.closeCode = notice->close.code;
            }
        }
    }
    const qint64 durationNs = index.entries.isEmpty() ? 0 : last - first;
    const SessionHeader &header = index.header;
    const QString version = QStringLiteral("%1.%2").arg(header.majorVersion).arg(header.minorVersion);

    if (parser.isSet(jsonOption)) {
        JsonLine line;
        line.add("connections", qint64(connections.size()))
            .add("frames", totals.frameCount())
            .add("messages", totals.messageCount())
            .add("bytes", totals.byteCount())
            .addRaw("durationMs", millisecondsText(durationNs))
            .add("violations", totals.violations)
            .add("framesIn", totals.frames[0])
            .add("framesOut", totals.frames[1])
            .add("messagesIn", totals.messages[0])
            .add("messagesOut", totals.messages[1])
            .add("bytesIn", totals.bytes[0])
            .add("bytesOut", totals.bytes[1])
            .add("notices", index.noticeCount)
            .add("file", QDir::toNativeSeparators(path))
            .add("version", version)
            .add("application", header.application);
        if (index.entries.isEmpty())
            line.addNull("start").addNull("end");
        else
            line.add("start", wallTime(header.timeOriginMs, first))
                .add("end", wallTime(header.timeOriginMs, last));
        line.add("warnings", qint64(index.warnings.size()));
        QByteArray list(1, '[');
        for (const ConnectionSummary &connection : connections) {
            JsonLine item;
            item.add("id", connection.id);
            if (connection.url.isEmpty())
                item.addNull("url");
            else
                item.add("url", connection.url);
            item.add("frames", connection.totals.frameCount())
                .add("messages", connection.totals.messageCount())
                .add("bytes", connection.totals.byteCount())
                .add("violations", connection.totals.violations);
            if (connection.state.isEmpty())
                item.addNull("state");
            else
                item.add("state", connection.state);
            if (connection.closeCode < 0)
                item.addNull("closeCode");
            else
                item.add("closeCode", connection.closeCode);
            if (list.size() > 1)
                list.append(',');
            list.append(item.toObject());
        }
        list.append(']');
        line.addRaw("connectionList", list);
        const QByteArray bytes = line.toLine();
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), out);
        std::fflush(out);
        return 0;
    }

    const auto duration = [](qint64 ns) {
        if (ns >= 1000000000)
            return tr("%1 s").arg(QString::number(double(ns) / 1e9, 'f', 3));
        return tr("%1 ms").arg(QString::number(double(ns) / 1e6, 'f', 3));
    };
    const auto eachWay = [](const QString &total, const QString &in, const QString &outgoing) {
        return tr("%1 (%2 in, %3 out)").arg(total, in, outgoing);
    };
    QString text;
    const auto row = [&text](const QString &label, const QString &value) {
        text += label.leftJustified(14) + value + QLatin1Char('\n');
    };
    row(tr("File"),
        tr("%1 (session format %2, written by %3)")
            .arg(QDir::toNativeSeparators(path), version, header.application));
    if (!index.entries.isEmpty()) {
        row(tr("Start"), wallTime(header.timeOriginMs, first));
        row(tr("End"), wallTime(header.timeOriginMs, last));
    }
    row(tr("Duration"), duration(durationNs));
    row(tr("Connections"), QString::number(connections.size()));
    row(tr("Frames"),
        eachWay(QString::number(totals.frameCount()), QString::number(totals.frames[0]),
            QString::number(totals.frames[1])));
    row(tr("Messages"),
        eachWay(QString::number(totals.messageCount()), QString::number(totals.messages[0]),
            QString::number(totals.messages[1])));
    row(tr("Bytes"),
        eachWay(tr("%1 B").arg(totals.byteCount()), tr("%1 B").arg(totals.bytes[0]),
            tr("%1 B").arg(totals.bytes[1])));
    row(tr("Violations"), QString::number(totals.violations));
    if (!connections.empty())
        text += QLatin1Char('\n');
    for (const ConnectionSummary &connection : connections) {
        QString line = QStringLiteral("#%1").arg(connection.id);
        if (!connection.url.isEmpty())
            line += QLatin1Char(' ') + connection.url;
        line += QLatin1String("  ")
            + tr("%n frame(s)", nullptr, int(qMin<qint64>(connection.totals.frameCount(), INT_MAX)))
            + QLatin1String(", ")
            + tr("%n message(s)", nullptr, int(qMin<qint64>(connection.totals.messageCount(), INT_MAX)))
            + QLatin1String(", ") + tr("%1 B").arg(connection.totals.byteCount());
        if (connection.totals.violations > 0)
            line += QLatin1String(", ")
                + tr("%n violation(s)", nullptr, int(qMin<qint64>(connection.totals.violations, INT_MAX)));
        if (connection.closeCode >= 0)
            line += QLatin1String(", ") + tr("closed %1").arg(connection.closeCode);
        else if (!connection.state.isEmpty())
            line += QLatin1String(", ") + connection.state;
        text += line + QLatin1Char('\n');
    }
    writeText(out, text);
    return 0;
}

} // namespace Frameline
