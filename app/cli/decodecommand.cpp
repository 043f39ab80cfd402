#include "app/cli/decodecommand.h"

#include "app/cli/framejson.h"
#include "app/cli/textout.h"
#include "app/protocol/permessagedeflate.h"
#include "app/protocol/streamdecoder.h"
#include "app/session/jsonline.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QFile>

#include <optional>

namespace Frameline {

namespace {

constexpr qsizetype ReadChunk = 1024 * 1024;

// Parses hex with any white space, ':' or '-' between bytes and an optional 0x before each byte.
std::optional<QByteArray> parseHex(const QString &text, QString *error)
{
    QByteArray digits;
    digits.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == QLatin1Char(':') || c == QLatin1Char('-'))
            continue;
        if (c == QLatin1Char('0') && i + 1 < text.size()
            && (text.at(i + 1) == QLatin1Char('x') || text.at(i + 1) == QLatin1Char('X'))
            && digits.size() % 2 == 0) {
            ++i;
            continue;
        }
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
              || (c >= QLatin1Char('A') && c <= QLatin1Char('F')))) {
            *error = DecodeCommand::tr("--hex: '%1' at position %2 is not a hex digit").arg(c).arg(i + 1);
            return std::nullopt;
        }
        digits.append(char(c.unicode()));
    }
    if (digits.size() % 2 != 0) {
        *error = DecodeCommand::tr("--hex: odd number of hex digits (%1); every byte needs two").arg(digits.size());
        return std::nullopt;
    }
    return QByteArray::fromHex(digits);
}

std::optional<quint64> parseSize(const QString &text)
{
    bool ok = false;
    const quint64 value = text.toULongLong(&ok);
    if (!ok || value == 0)
        return std::nullopt;
    return value;
}

class JsonPrinter final : public StreamDecoder::Handler
{
public:
    explicit JsonPrinter(FILE *out)
        : m_out(out)
    {
    }

    void frameDecoded(const Frame &frame) override
    {
        JsonLine line;
        line.add("type", QStringLiteral("frame"));
        FrameJson::addFrameFields(line, frame, frame.payload);
        write(line.toLine());
    }

    void messageDecoded(const Message &message) override
    {
        JsonLine line;
        line.add("type", QStringLiteral("message"));
        FrameJson::addMessageFields(line, message);
        write(line.toLine());
    }

    void write(const QByteArray &line) { std::fwrite(line.constData(), 1, size_t(line.size()), m_out); }

private:
    FILE *m_out;
};

} // namespace

QString DecodeCommand::summary()
{
    return tr("Decode a raw WebSocket byte stream into frames and messages (JSON lines)");
}

int DecodeCommand::run(const QStringList &arguments, FILE *out, FILE *err)
{
    const auto fail = [err](const QString &message) {
        const QByteArray text = QStringLiteral("frameline-cli decode: %1\n%2\n")
                                    .arg(message, tr("Try 'frameline-cli decode --help'."))
                                    .toUtf8();
        std::fwrite(text.constData(), 1, size_t(text.size()), err);
        return 2;
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() + QLatin1Char('\n')
        + tr("\nReads the bytes one endpoint sent after the opening handshake (from --hex, FILE, or - for "
             "standard input) and prints one JSON object per line:\n"
             "  {\"type\":\"frame\",...}    every frame: offset, FIN, RSV1-3, opcode, mask key, payload length\n"
             "                          and its length form (7, 16 or 64), header and payload hex, text,\n"
             "                          close code and reason, and every RFC 6455 / RFC 7692 violation\n"
             "  {\"type\":\"message\",...}  every completed data message (inflated if compressed)\n"
             "  {\"type\":\"end\",...}      totals: frames, messages, violations, trailing bytes\n"
             "\nExit status: 0 for a clean stream, 1 when the stream breaks a rule (it is still decoded as far\n"
             "as possible), 2 for bad arguments or unreadable input."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("File with the raw bytes, or - for standard input."),
                                 QStringLiteral("[FILE | -]"));
    const QCommandLineOption hexOption(QStringLiteral("hex"),
                                       tr("The bytes as hex; spaces, ':' and 0x prefixes are allowed."),
                                       QStringLiteral("HEX"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        tr("Who sent the bytes: client (frames must be masked) or server "
                                           "(frames must not be masked). Required."),
                                        QStringLiteral("client|server"));
    const QCommandLineOption deflateOption(
        QStringLiteral("deflate"),
        tr("The negotiated Sec-WebSocket-Extensions value, e.g. 'permessage-deflate' or "
           "'permessage-deflate; server_no_context_takeover'. Compressed messages are inflated."),
        QStringLiteral("EXTENSION"));
    const QCommandLineOption maxMessageOption(QStringLiteral("max-message"),
                                              tr("Largest message in bytes (default %1); larger ones are a "
                                                 "1009 violation.")
                                                  .arg(DecoderLimits().maxMessageSize),
                                              QStringLiteral("BYTES"));
    const QCommandLineOption maxFrameOption(QStringLiteral("max-frame"),
                                            tr("Largest frame payload in bytes (default %1); larger ones are "
                                               "a 1009 violation and their payload is skipped.")
                                                .arg(DecoderLimits().maxFramePayload),
                                            QStringLiteral("BYTES"));
    parser.addOptions({ hexOption, fromOption, deflateOption, maxMessageOption, maxFrameOption });

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeCommandHelp(out, parser, QStringLiteral("frameline-cli decode"));
        return 0;
    }

    StreamDecoder::Options options;
    const QString from = parser.value(fromOption);
    if (from == QLatin1String("client"))
        options.sender = Endpoint::Client;
    else if (from == QLatin1String("server"))
        options.sender = Endpoint::Server;
    else if (from.isEmpty())
        return fail(tr("--from is required: say who sent the bytes (client or server)"));
    else
        return fail(tr("--from must be client or server, not '%1'").arg(from));

    if (parser.isSet(maxMessageOption)) {
        const auto size = parseSize(parser.value(maxMessageOption));
        if (!size)
            return fail(tr("--max-message must be a positive number of bytes, not '%1'").arg(parser.value(maxMessageOption)));
        options.limits.maxMessageSize = *size;
    }
    if (parser.isSet(maxFrameOption)) {
        const auto size = parseSize(parser.value(maxFrameOption));
        if (!size)
            return fail(tr("--max-frame must be a positive number of bytes, not '%1'").arg(parser.value(maxFrameOption)));
        options.limits.maxFramePayload = *size;
    }
    if (parser.isSet(deflateOption)) {
        QString error;
        options.deflate = PerMessageDeflate::parseAgreed(parser.value(deflateOption).toUtf8(), &error);
        if (!options.deflate)
            return fail(tr("--deflate: %1").arg(error));
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(tr("give one input, not %1: %2").arg(positional.size()).arg(positional.join(QLatin1Char(' '))));
    if (parser.isSet(hexOption) && !positional.isEmpty())
        return fail(tr("give either --hex or a FILE, not both"));
    if (!parser.isSet(hexOption) && positional.isEmpty())
        return fail(tr("no input: give --hex HEX, a FILE, or - for standard input"));

    QByteArray hexBytes;
    QFile file;
    if (parser.isSet(hexOption)) {
        QString error;
        const auto bytes = parseHex(parser.value(hexOption), &error);
        if (!bytes)
            return fail(error);
        hexBytes = *bytes;
    } else if (positional.constFirst() == QLatin1String("-")) {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return fail(tr("cannot read standard input: %1").arg(file.errorString()));
    } else {
        file.setFileName(positional.constFirst());
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("cannot read %1: %2").arg(positional.constFirst(), file.errorString()));
    }

    JsonPrinter printer(out);
    StreamDecoder decoder(options, printer);
    qint64 totalBytes = 0;
    if (file.isOpen()) {
        // Stream the input: a file of gigabytes decodes in bounded memory.
        QByteArray chunk(ReadChunk, Qt::Uninitialized);
        for (;;) {
            const qint64 got = file.read(chunk.data(), chunk.size());
            if (got < 0)
                return fail(tr("cannot read %1: %2").arg(positional.constFirst(), file.errorString()));
            if (got == 0)
                break;
            totalBytes += got;
            decoder.feed(QByteArrayView(chunk.constData(), got));
        }
    } else {
        totalBytes = hexBytes.size();
        decoder.feed(hexBytes);
    }

    JsonLine end;
    end.add("type", QStringLiteral("end"))
        .add("bytes", totalBytes)
        .add("frames", decoder.framesDecoded())
        .add("messages", decoder.messagesDecoded())
        .add("violations", decoder.violationCount())
        .add("trailingBytes", decoder.pendingBytes())
        .add("incompleteMessage", decoder.pendingMessage() != nullptr);
    printer.write(end.toLine());
    std::fflush(out);
    return decoder.violationCount() > 0 ? 1 : 0;
}

} // namespace Frameline
