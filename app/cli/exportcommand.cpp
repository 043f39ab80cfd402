#include "app/cli/exportcommand.h"

#include "app/cli/textout.h"
#include "app/session/sessionexport.h"
#include "app/session/sessionreader.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtCore/QSet>

#include <climits>

namespace Frameline {

namespace {

// Events read per batch when writing a table: about 10 MB of a typical session.
constexpr qsizetype BatchEvents = 20000;

// Where the export goes: a file written atomically (temporary file + rename), or standard output.
class Output
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
public:
    bool open(const QString &path, FILE *standardOutput)
    {
        if (path == QLatin1String("-")) {
            m_stdout = standardOutput;
            return true;
        }
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::WriteOnly)) {
            m_error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), m_file.errorString());
            return false;
        }
        return true;
    }
    bool write(const QByteArray &bytes)
    {
        if (m_stdout) {
            if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_stdout) != size_t(bytes.size())) {
                m_error = tr("Cannot write to standard output");
                return false;
            }
            return true;
        }
        if (m_file.write(bytes) != bytes.size()) {
            m_error = tr("Cannot write %1: %2")
                          .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
            m_file.cancelWriting();
            return false;
        }
        return true;
    }
    bool commit()
    {
        if (m_stdout) {
            if (std::fflush(m_stdout) != 0) {
                m_error = tr("Cannot write to standard output");
                return false;
            }
            return true;
        }
        if (!m_file.commit()) {
            m_error = tr("Cannot write %1: %2")
                          .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
            return false;
        }
        return true;
    }
    void cancel()
    {
        if (!m_stdout && m_file.isOpen()) {
            m_file.cancelWriting();
            m_file.commit(); // drops the temporary file
        }
    }
    QString errorString() const { return m_error; }

private:
    FILE *m_stdout = nullptr;
    QSaveFile m_file;
    QString m_error;
};

} // namespace

QString ExportCommand::summary()
{
    return tr("Write a session file as HAR (for browsers' DevTools), CSV or JSON");
}

int ExportCommand::run(const QStringList &arguments, FILE *out, FILE *err)
{
    const auto usageError = [err](const QString &message) {
        writeText(err,
            tr("frameline-cli export: %1 (see 'frameline-cli export --help')").arg(message)
                + QLatin1Char('\n'));
        return 2;
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(summary() + QLatin1Char('\n')
        + tr("\nFormats (docs/session-format.md, \"Other formats\"):\n"
             "  har   one entry per connection in the shape Chrome DevTools saves and imports:\n"
             "        the handshake's request and response, and _webSocketMessages with every\n"
             "        text and binary message and every Close, Ping and Pong frame. HAR holds\n"
             "        no frame bits, fragments or violations: the session file stays the\n"
             "        lossless form.\n"
             "  csv   the timeline, one row per frame or notice (RFC 4180, UTF-8, CRLF), under\n"
             "        a header line: number, time, connection, kind, direction, origin, opcode,\n"
             "        type, fin, rsv1, rsv2, rsv3, masked, maskKey, length, encoding, payload,\n"
             "        violations, notice.\n"
             "  json  the same rows as a JSON array of objects with those keys.\n"
             "Without --format the extension of --out decides (.har, .csv, .json).\n"
             "Warnings about lines of FILE that cannot be read go to standard error.\n"
             "\nExit status: 0 when the output was written; 1 when it cannot be written; 2\n"
             "when FILE is not a session this version reads, or for bad arguments."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The session file."));
    const QCommandLineOption formatOption(QStringList { QStringLiteral("f"), QStringLiteral("format") },
        tr("har, csv or json."), QStringLiteral("FORMAT"));
    const QCommandLineOption outOption(QStringList { QStringLiteral("o"), QStringLiteral("out") },
        tr("The file to write (replaced), or - for standard output."), QStringLiteral("OUT"));
    parser.addOptions({ formatOption, outOption });
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeCommandHelp(out, parser, QStringLiteral("frameline-cli export"));
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(tr("no FILE: give the session file to export"));
    if (positional.size() > 1)
        return usageError(tr("give one FILE, not %1").arg(positional.size()));
    if (!parser.isSet(outOption) || parser.value(outOption).isEmpty())
        return usageError(tr("no --out: give the file to write, or - for standard output"));
    const QString input = positional.constFirst();
    const QString output = parser.value(outOption);

    std::optional<SessionExport::Format> format;
    if (parser.isSet(formatOption)) {
        format = SessionExport::formatFromId(parser.value(formatOption));
        if (!format)
            return usageError(
                tr("--format must be har, csv or json, not '%1'").arg(parser.value(formatOption)));
    } else {
        format = SessionExport::formatFromId(QFileInfo(output).suffix());
        if (!format || output == QLatin1String("-"))
            return usageError(tr("no --format, and the name of --out does not end in .har, .csv or .json"));
    }

    SessionReader reader;
    if (!reader.open(input)) {
        writeText(err, tr("frameline-cli export: %1").arg(reader.errorString()) + QLatin1Char('\n'));
        return 2;
    }
    Output sink;
    if (!sink.open(output, out)) {
        writeText(err, tr("frameline-cli export: %1").arg(sink.errorString()) + QLatin1Char('\n'));
        return 1;
    }

    QString done;
    bool written = true;
    if (*format == SessionExport::Format::Har) {
        const EventBatch events = reader.readAll();
        QSet<quint64> entries;
        for (const ConnectionEvent &event : events) {
            if (const auto *notice = std::get_if<ConnectionNotice>(&event); notice && notice->handshake)
                entries.insert(notice->connectionId);
        }
        written = sink.write(SessionExport::toHar(events, reader.header()));
        done = tr("%n connection(s) as HAR entries", nullptr, int(entries.size()));
    } else {
        SessionExport::TableWriter table(*format, reader.header());
        written = sink.write(table.start());
        QByteArray chunk;
        while (written && !reader.atEnd()) {
            chunk.clear();
            table.appendRows(chunk, reader.readBatch(BatchEvents));
            written = sink.write(chunk);
        }
        written = written && sink.write(table.finish());
        done = tr("%n row(s)", nullptr, int(qMin<qint64>(table.rowCount(), INT_MAX)));
    }
    for (const QString &warning : reader.warnings())
        writeText(err, tr("warning: %1").arg(warning) + QLatin1Char('\n'));
    if (!written || !sink.commit()) {
        sink.cancel();
        writeText(err, tr("frameline-cli export: %1").arg(sink.errorString()) + QLatin1Char('\n'));
        return 1;
    }
    if (output != QLatin1String("-"))
        writeText(out,
            tr("%1: %2 written to %3")
                    .arg(QDir::toNativeSeparators(input), done, QDir::toNativeSeparators(output))
                + QLatin1Char('\n'));
    return 0;
}

} // namespace Frameline
