// HttpMessage and its incremental head parser: RFC 7230 §3 syntax, the same outcome however the bytes are
// cut, bytes after the head left alone, obs-fold, repeated fields, limits and garbage.

#include "app/protocol/httpmessage.h"

#include <QtTest/QTest>

using namespace Frameline;
using namespace Qt::Literals::StringLiterals;

namespace {

using Parser = HttpMessage::Parser;

QByteArrayList fieldLines(const HttpMessage &message)
{
    QByteArrayList lines;
    for (const HttpMessage::Field &field : message.fields())
        lines.append(field.name + ": " + field.value);
    return lines;
}

QByteArray startLine(const HttpMessage &message)
{
    if (message.isRequest())
        return message.method() + ' ' + message.target() + ' ' + message.version();
    return message.version() + ' ' + QByteArray::number(message.statusCode()) + ' ' + message.reasonPhrase();
}

// Everything a parse run produces, to compare runs that cut the input differently.
struct Outcome
{
    Parser::Status status = Parser::Status::NeedMore;
    Parser::Error error = Parser::Error::None;
    QString errorString;
    QByteArray rawHead;
    QByteArray startLine;
    QByteArrayList fields;
    QStringList warnings;
    qsizetype headEnd = -1; // offset in the input where the head ended (Done)
    bool tookEveryByte = true;
};

// Feeds `input` in pieces of `pieceSize` bytes (or, with splitAt >= 0, in two pieces cut there).
Outcome parse(HttpMessage::Kind kind, QByteArrayView input, qsizetype pieceSize, qsizetype splitAt = -1,
    const HttpParseOptions &options = {})
{
    Parser parser(kind, options);
    Outcome outcome;
    qsizetype offset = 0;
    while (offset < input.size()) {
        const qsizetype size = splitAt >= 0 ? (offset < splitAt ? splitAt : input.size() - offset)
                                            : qMin(pieceSize, input.size() - offset);
        const QByteArrayView piece = input.sliced(offset, size);
        outcome.status = parser.feed(piece);
        if (outcome.status == Parser::Status::Done)
            outcome.headEnd = offset + parser.consumed();
        else if (outcome.status == Parser::Status::NeedMore && parser.consumed() != piece.size())
            outcome.tookEveryByte = false; // NeedMore must take every byte
        if (outcome.status != Parser::Status::NeedMore)
            break;
        offset += size;
    }
    outcome.error = parser.error();
    outcome.errorString = parser.errorString();
    outcome.rawHead = parser.message().rawHead();
    outcome.startLine = startLine(parser.message());
    outcome.fields = fieldLines(parser.message());
    outcome.warnings = parser.message().warnings();
    return outcome;
}

HttpMessage::Kind kindOf(bool response)
{
    return response ? HttpMessage::Kind::Response : HttpMessage::Kind::Request;
}

const QByteArray rfcRequest = "GET /chat HTTP/1.1\r\n"
                              "Host: server.example.com\r\n"
                              "Upgrade: websocket\r\n"
                              "Connection: Upgrade\r\n"
                              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                              "Origin: http://example.com\r\n"
                              "Sec-WebSocket-Protocol: chat, superchat\r\n"
                              "Sec-WebSocket-Version: 13\r\n"
                              "\r\n";
const QByteArray rfcResponse = "HTTP/1.1 101 Switching Protocols\r\n"
                               "Upgrade: websocket\r\n"
                               "Connection: Upgrade\r\n"
                               "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                               "Sec-WebSocket-Protocol: chat\r\n"
                               "\r\n";

} // namespace

Q_DECLARE_METATYPE(Frameline::HttpMessage)

class tst_HttpMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesHeads_data();
    void parsesHeads();
    void sameResultInAnyPieces_data();
    void sameResultInAnyPieces();
    void keepsBytesAfterHead_data();
    void keepsBytesAfterHead();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void needsMore_data();
    void needsMore();
    void memoryStaysBounded();
    void finishedParserIgnoresInput();
    void fieldAccess();
    void splitList_data();
    void splitList();
    void contentLength_data();
    void contentLength();
    void setAndRemoveFields();
    void serializes_data();
    void serializes();
    void serializedHeadParsesBack();
    void quotedForDisplay_data();
    void quotedForDisplay();
};

void tst_HttpMessage::parsesHeads_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("response");
    QTest::addColumn<QByteArray>("startLine");
    QTest::addColumn<QByteArrayList>("fields");
    QTest::addColumn<int>("warnings");

    QTest::newRow("RFC 6455 1.3 request")
        << rfcRequest << false << "GET /chat HTTP/1.1"_ba
        << QByteArrayList { "Host: server.example.com", "Upgrade: websocket", "Connection: Upgrade",
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Origin: http://example.com",
               "Sec-WebSocket-Protocol: chat, superchat", "Sec-WebSocket-Version: 13" }
        << 0;
    QTest::newRow("RFC 6455 1.3 response")
        << rfcResponse << true << "HTTP/1.1 101 Switching Protocols"_ba
        << QByteArrayList { "Upgrade: websocket", "Connection: Upgrade",
               "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "Sec-WebSocket-Protocol: chat" }
        << 0;
    QTest::newRow("status line without reason")
        << "HTTP/1.1 200\r\n\r\n"_ba << true << "HTTP/1.1 200 "_ba << QByteArrayList {} << 0;
    QTest::newRow("empty reason phrase")
        << "HTTP/1.1 204 \r\nX: y\r\n\r\n"_ba << true << "HTTP/1.1 204 "_ba << QByteArrayList { "X: y" } << 0;
    QTest::newRow("reason with spaces, tab and obs-text")
        << "HTTP/1.0 404 Nicht\tgefunden \xe2\x9c\x97\r\n\r\n"_ba << true
        << "HTTP/1.0 404 Nicht\tgefunden \xe2\x9c\x97"_ba << QByteArrayList {} << 0;
    QTest::newRow("OWS trimmed, empty values")
        << "GET / HTTP/1.1\r\nHost:   example.com \t\r\nX-Empty:\r\nX-Blank: \t \r\n\r\n"_ba << false
        << "GET / HTTP/1.1"_ba << QByteArrayList { "Host: example.com", "X-Empty: ", "X-Blank: " } << 0;
    QTest::newRow("colons in value") << "GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n"_ba << false
                                     << "GET / HTTP/1.1"_ba << QByteArrayList { "Host: [::1]:8080" } << 0;
    QTest::newRow("obs-fold SP and HTAB")
        << "GET / HTTP/1.1\r\nX-Long: first\r\n  second\r\n\tthird \r\nHost: a\r\n\r\n"_ba << false
        << "GET / HTTP/1.1"_ba << QByteArrayList { "X-Long: first second third", "Host: a" } << 2;
    QTest::newRow("obs-fold of an empty value")
        << "GET / HTTP/1.1\r\nX-Late:\r\n later\r\n\r\n"_ba << false << "GET / HTTP/1.1"_ba
        << QByteArrayList { "X-Late: later" } << 1;
    QTest::newRow("repeated fields keep their order")
        << "GET / HTTP/1.1\r\nSec-WebSocket-Protocol: a\r\nHost: h\r\nsec-websocket-protocol: b, c\r\n\r\n"_ba
        << false << "GET / HTTP/1.1"_ba
        << QByteArrayList { "Sec-WebSocket-Protocol: a", "Host: h", "sec-websocket-protocol: b, c" } << 0;
    QTest::newRow("bare LF tolerated") << "GET / HTTP/1.1\nHost: a\n\n"_ba << false << "GET / HTTP/1.1"_ba
                                       << QByteArrayList { "Host: a" } << 1;
    QTest::newRow("mixed line endings")
        << "HTTP/1.1 101 OK\r\nUpgrade: websocket\n\r\n"_ba << true << "HTTP/1.1 101 OK"_ba
        << QByteArrayList { "Upgrade: websocket" } << 1;
    QTest::newRow("empty line before request line")
        << "\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"_ba << false << "GET / HTTP/1.1"_ba
        << QByteArrayList { "Host: a" } << 1;
    QTest::newRow("HTTP/1.0 request parses")
        << "GET / HTTP/1.0\r\n\r\n"_ba << false << "GET / HTTP/1.0"_ba << QByteArrayList {} << 0;
    QTest::newRow("absolute-form target")
        << "GET ws://example.com/chat?x=1 HTTP/1.1\r\nHost: example.com\r\n\r\n"_ba << false
        << "GET ws://example.com/chat?x=1 HTTP/1.1"_ba << QByteArrayList { "Host: example.com" } << 0;
    QTest::newRow("obs-text in a value")
        << "GET / HTTP/1.1\r\nX-Name: caf\xc3\xa9\r\n\r\n"_ba << false << "GET / HTTP/1.1"_ba
        << QByteArrayList { "X-Name: caf\xc3\xa9" } << 0;
}

void tst_HttpMessage::parsesHeads()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, response);
    QFETCH(QByteArray, startLine);
    QFETCH(QByteArrayList, fields);
    QFETCH(int, warnings);

    Parser parser(kindOf(response));
    QCOMPARE(parser.feed(input), Parser::Status::Done);
    QCOMPARE(parser.consumed(), input.size());
    QCOMPARE(parser.error(), Parser::Error::None);
    QVERIFY(parser.errorString().isEmpty());
    const HttpMessage message = parser.message();
    QCOMPARE(message.kind(), kindOf(response));
    QCOMPARE(::startLine(message), startLine);
    QCOMPARE(fieldLines(message), fields);
    QCOMPARE(message.rawHead(), input); // the exact bytes, whatever the line endings
    QCOMPARE(message.warnings().size(), warnings);
    QVERIFY(message.body().isEmpty());
}

// Valid and invalid inputs alike: one byte at a time, every two-piece cut and all at once agree.
void tst_HttpMessage::sameResultInAnyPieces_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("response");

    QTest::newRow("RFC request") << rfcRequest << false;
    QTest::newRow("RFC response + frame") << rfcResponse + "\x81\x02hi"_ba << true;
    QTest::newRow("obs-fold") << "GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n"_ba << false;
    QTest::newRow("bare LF") << "HTTP/1.1 101 x\nA: b\n\nrest"_ba << true;
    QTest::newRow("CR split from LF") << "HTTP/1.1 101 x\r\nA: b\r\n\r\n"_ba << true;
    QTest::newRow("bare CR") << "GET / HTTP/1.1\r\nA: b\rc\r\n\r\n"_ba << false;
    QTest::newRow("TLS client hello") << QByteArray::fromHex("160301020001000001fc0303") << false;
    QTest::newRow("TLS alert") << QByteArray::fromHex("15030300020246") << true;
    QTest::newRow("NUL in value") << "GET / HTTP/1.1\r\nA: b\0c\r\n\r\n"_ba << false;
    QTest::newRow("no colon") << "GET / HTTP/1.1\r\nHost\r\n\r\n"_ba << false;
    QTest::newRow("SSH banner") << "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"_ba << true;
    QTest::newRow("PNG") << QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") << false;
    QTest::newRow("text without line feed") << QByteArray(9000, 'a') << false;
    QTest::newRow("CR at the line limit")
        << "GET / HTTP/1.1\r\nX: "_ba + QByteArray(8189, 'a') + "\r\n\r\n"_ba << false;
    QTest::newRow("one over the line limit")
        << "GET / HTTP/1.1\r\nX: "_ba + QByteArray(8190, 'a') + "\r\n\r\n"_ba << false;
    QTest::newRow("head over the limit")
        << "GET / HTTP/1.1\r\n"_ba + QByteArray("X: 0123456789abcdef\r\n").repeated(800) << false;
}

void tst_HttpMessage::sameResultInAnyPieces()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, response);
    const HttpMessage::Kind kind = kindOf(response);

    const Outcome whole = parse(kind, input, input.size());
    auto compare = [&whole](const Outcome &other) {
        QCOMPARE(other.status, whole.status);
        QCOMPARE(other.error, whole.error);
        QCOMPARE(other.errorString, whole.errorString);
        QCOMPARE(other.rawHead, whole.rawHead);
        QCOMPARE(other.startLine, whole.startLine);
        QCOMPARE(other.fields, whole.fields);
        QCOMPARE(other.warnings, whole.warnings);
        QCOMPARE(other.headEnd, whole.headEnd);
        QVERIFY(other.tookEveryByte);
    };
    compare(parse(kind, input, 1));
    if (QTest::currentTestFailed())
        return;
    compare(parse(kind, input, 7));
    if (QTest::currentTestFailed())
        return;
    // Every two-piece cut (sampled for the long inputs to keep the test quick).
    const qsizetype step = input.size() > 1000 ? 97 : 1;
    for (qsizetype cut = 1; cut < input.size(); cut += step) {
        compare(parse(kind, input, 0, cut));
        if (QTest::currentTestFailed()) {
            qWarning("cut at %lld", qlonglong(cut));
            return;
        }
    }
}

void tst_HttpMessage::keepsBytesAfterHead_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<bool>("response");

    QTest::newRow("server frames after 101")
        << rfcResponse << QByteArray::fromHex("810568656c6c6f8800") << true;
    QTest::newRow("masked client frame after request")
        << rfcRequest << QByteArray::fromHex("818537fa213d7f9f4d5158") << false;
    QTest::newRow("CRLF-looking frame bytes") << rfcResponse << "\r\n\r\nGET / HTTP/1.1\r\n"_ba << true;
    QTest::newRow("bare LF head, then NUL bytes")
        << "HTTP/1.1 101 x\nA: b\n\n"_ba << QByteArray(5, '\0') << true;
}

void tst_HttpMessage::keepsBytesAfterHead()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, after);
    QFETCH(bool, response);

    const QByteArray stream = head + after;
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        Parser parser(kindOf(response));
        QByteArray leftover;
        Parser::Status status = parser.feed(stream.first(cut));
        if (status == Parser::Status::Done) {
            leftover = stream.sliced(parser.consumed(), cut - parser.consumed()) + stream.sliced(cut);
        } else {
            QCOMPARE(status, Parser::Status::NeedMore);
            status = parser.feed(stream.sliced(cut));
            QCOMPARE(status, Parser::Status::Done);
            leftover = stream.sliced(cut + parser.consumed());
        }
        QCOMPARE(leftover, after);
        QCOMPARE(parser.headSize(), head.size());
        QCOMPARE(parser.message().rawHead(), head);
    }
}

void tst_HttpMessage::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("response");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("inStartLine");
    QTest::addColumn<int>("maxHeadSize");
    QTest::addColumn<int>("maxLineLength");
    QTest::addColumn<int>("maxFieldCount");
    QTest::addColumn<bool>("allowBareLineFeed");

    const HttpParseOptions defaults;
    auto row = [&defaults](const char *name, const QByteArray &input, bool response, Parser::Error error,
                   const QString &message, bool inStartLine) {
        QTest::newRow(name) << input << response << int(error) << message << inStartLine
                            << int(defaults.maxHeadSize) << int(defaults.maxLineLength)
                            << defaults.maxFieldCount << defaults.allowBareLineFeed;
    };
    const auto malformed = Parser::Error::Malformed;

    row("missing colon", "GET / HTTP/1.1\r\nHost example.com\r\n\r\n", false, malformed,
        u"line 2 has no colon: \"Host example.com\""_s, false);
    row("space before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", false, malformed,
        u"line 2 has whitespace between the field name and the colon (not allowed, RFC 7230 §3.2.4)"_s,
        false);
    row("empty field name", "GET / HTTP/1.1\r\n: a\r\n\r\n", false, malformed,
        u"line 2 has an empty header field name"_s, false);
    row("field name not a token", "HTTP/1.1 101 x\r\nBad/Name: a\r\n\r\n", true, malformed,
        u"line 2: the field name \"Bad/Name\" is not a valid token"_s, false);
    row("fold right after the start line", "GET / HTTP/1.1\r\n folded\r\n\r\n", false, malformed,
        u"line 2 starts with whitespace but there is no header field to continue"_s, false);
    row("status code with a letter", "HTTP/1.1 2x0 OK\r\n\r\n", true, malformed,
        u"the status code \"2x0\" is not three digits"_s, true);
    row("four-digit status code", "HTTP/1.1 1010 OK\r\n\r\n", true, malformed,
        u"the status code \"1010\" is not three digits"_s, true);
    row("no status code", "HTTP/1.1\r\n\r\n", true, malformed, u"the status code \"\" is not three digits"_s,
        true);
    row("HTTP/2 status line", "HTTP/2 101 Switching Protocols\r\n\r\n", true, malformed,
        u"line 1 is not an HTTP status line: \"HTTP/2 101 Switching Protocols\""_s, true);
    row("SSH banner", "SSH-2.0-OpenSSH_9.2p1\r\n", true, malformed,
        u"line 1 is not an HTTP status line: \"SSH-2.0-OpenSSH_9.2p1\""_s, true);
    row("HTML instead of a response", "<html><body>hello</body></html>\n", true, malformed,
        u"line 1 is not an HTTP status line: \"<html><body>hello</body></html>\""_s, true);
    row("empty line before the status line", "\r\nHTTP/1.1 101 x\r\n\r\n", true, malformed,
        u"line 1 is empty; expected the status line"_s, true);
    row("request line in two parts", "GET /\r\n\r\n", false, malformed,
        u"line 1 is not an HTTP request line (method SP target SP HTTP-version): \"GET /\""_s, true);
    row("double space in request line", "GET  / HTTP/1.1\r\n\r\n", false, malformed,
        u"line 1 is not an HTTP request line (method SP target SP HTTP-version): \"GET  / HTTP/1.1\""_s,
        true);
    row("method not a token", "G(T / HTTP/1.1\r\n\r\n", false, malformed,
        u"the request method \"G(T\" is not a valid token"_s, true);
    row("tab in target", "GET /a\tb HTTP/1.1\r\n\r\n", false, malformed,
        u"the request target \"/a\\x09b\" is not valid"_s, true);
    row("bad request version", "GET / HTTP/1.x\r\n\r\n", false, malformed,
        u"\"HTTP/1.x\" is not an HTTP version (expected HTTP/1.1)"_s, true);
    row("lowercase version", "GET / http/1.1\r\n\r\n", false, malformed,
        u"\"http/1.1\" is not an HTTP version (expected HTTP/1.1)"_s, true);
    row("bare CR", "GET / HTTP/1.1\r\nA: b\rc\r\n\r\n", false, malformed,
        u"line 2 contains a CR that is not followed by LF"_s, false);
    row("CR CR LF", "GET / HTTP/1.1\r\r\n\r\n", false, malformed,
        u"line 1 contains a CR that is not followed by LF"_s, true);
    row("NUL in a value", QByteArray("GET / HTTP/1.1\r\nA: b\0c\r\n\r\n", 26), false, malformed,
        u"line 2 contains the control character 0x00"_s, false);
    row("DEL in a name", "GET / HTTP/1.1\r\nA\x7f: b\r\n\r\n", false, malformed,
        u"line 2 contains the control character 0x7f"_s, false);
    row("TLS client hello to a plain server", QByteArray::fromHex("160301020001000001fc0303"), false,
        malformed,
        u"line 1 is not an HTTP request line: the bytes look like a TLS handshake (is the client using "
        u"wss:// "
        "with a server without TLS?)"_s,
        true);
    row("TLS alert from a TLS server", QByteArray::fromHex("15030300020246"), true, malformed,
        u"line 1 is not an HTTP status line: the bytes look like a TLS record (does the server expect wss://?)"_s,
        true);
    row("PNG", QByteArray::fromHex("89504e470d0a1a0a0000000d49484452"), false, malformed,
        u"line 1 is not an HTTP request line (method SP target SP HTTP-version): \"\\x89PNG\""_s, true);
    row("huge line, no line feed", QByteArray(100000, 'A'), false, Parser::Error::LineTooLong,
        u"line 1 is longer than 8192 bytes"_s, true);
    row("huge header line", "GET / HTTP/1.1\r\nX: "_ba + QByteArray(9000, 'a') + "\r\n\r\n", false,
        Parser::Error::LineTooLong, u"line 2 is longer than 8192 bytes"_s, false);
    const QByteArray longField = "X: "_ba + QByteArray(8000, 'b') + "\r\n";
    row("head over 16 KiB",
        "GET / HTTP/1.1\r\n"_ba + QByteArray("X-Padding: 0123456789\r\n").repeated(50) + longField + longField
            + "\r\n",
        false, Parser::Error::HeadTooLarge, u"the HTTP head is larger than 16384 bytes"_s, false);
    row("101 fields", "GET / HTTP/1.1\r\n"_ba + QByteArray("X: y\r\n").repeated(101) + "\r\n", false,
        Parser::Error::TooManyFields, u"the HTTP head has more than 100 header fields"_s, false);

    QTest::newRow("bare LF rejected when configured")
        << "GET / HTTP/1.1\nHost: a\n\n"_ba << false << int(malformed)
        << u"line 1 ends with a bare LF instead of CRLF"_s << true << 16384 << 8192 << 100 << false;
    QTest::newRow("small head limit")
        << rfcRequest << false << int(Parser::Error::HeadTooLarge)
        << u"the HTTP head is larger than 64 bytes"_s << false << 64 << 8192 << 100 << true;
    QTest::newRow("small line limit")
        << rfcRequest << false << int(Parser::Error::LineTooLong) << u"line 5 is longer than 40 bytes"_s
        << false << 16384 << 40 << 100 << true;
    QTest::newRow("request line over the limit")
        << rfcRequest << false << int(Parser::Error::LineTooLong) << u"line 1 is longer than 10 bytes"_s
        << true << 16384 << 10 << 100 << true;
    QTest::newRow("small field limit")
        << rfcRequest << false << int(Parser::Error::TooManyFields)
        << u"the HTTP head has more than 3 header fields"_s << false << 16384 << 8192 << 3 << true;
}

void tst_HttpMessage::rejectsMalformed()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, response);
    QFETCH(int, error);
    QFETCH(QString, message);
    QFETCH(bool, inStartLine);
    QFETCH(int, maxHeadSize);
    QFETCH(int, maxLineLength);
    QFETCH(int, maxFieldCount);
    QFETCH(bool, allowBareLineFeed);

    HttpParseOptions options;
    options.maxHeadSize = maxHeadSize;
    options.maxLineLength = maxLineLength;
    options.maxFieldCount = maxFieldCount;
    options.allowBareLineFeed = allowBareLineFeed;

    // All at once and byte by byte.
    for (const qsizetype pieceSize : { input.size(), qsizetype(1) }) {
        const Outcome outcome = parse(kindOf(response), input, pieceSize, -1, options);
        QCOMPARE(outcome.status, Parser::Status::Error);
        QCOMPARE(int(outcome.error), error);
        QCOMPARE(outcome.errorString, message);
        QVERIFY(outcome.rawHead.size() <= options.maxHeadSize);
    }
    Parser parser(kindOf(response), options);
    parser.feed(input);
    QCOMPARE(parser.errorInStartLine(), inStartLine);
    QVERIFY(parser.consumed() <= input.size());
}

void tst_HttpMessage::needsMore_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("response");

    QTest::newRow("nothing") << QByteArray() << true;
    QTest::newRow("start line, no line feed") << "GET / HTTP/1.1"_ba << false;
    QTest::newRow("fields, no blank line") << "GET / HTTP/1.1\r\nHost: a\r\n"_ba << false;
    QTest::newRow("CR of the blank line") << "HTTP/1.1 101 x\r\nA: b\r\n\r"_ba << true;
    QTest::newRow("text that is not HTTP yet") << "SSH-2.0-OpenSSH"_ba << true;
    QTest::newRow("empty lines before a request") << "\r\n\n"_ba << false;
}

void tst_HttpMessage::needsMore()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, response);
    Parser parser(kindOf(response));
    QCOMPARE(parser.feed(input), Parser::Status::NeedMore);
    QCOMPARE(parser.consumed(), input.size());
    QCOMPARE(parser.headSize(), input.size());
    QVERIFY(parser.errorString().isEmpty());
}

void tst_HttpMessage::memoryStaysBounded()
{
    // A peer streaming a megabyte without a line feed, or endless short fields: the parser holds at most
    // the configured limits, fails, and ignores whatever follows.
    {
        Parser parser(HttpMessage::Kind::Request);
        QByteArray flood(1024 * 1024, 'a');
        QCOMPARE(parser.feed(flood), Parser::Status::Error);
        QCOMPARE(parser.error(), Parser::Error::LineTooLong);
        QCOMPARE(parser.headSize(), 8192);
        QCOMPARE(parser.feed(flood), Parser::Status::Error);
        QCOMPARE(parser.consumed(), 0);
        QCOMPARE(parser.headSize(), 8192);
    }
    {
        HttpParseOptions options;
        options.maxFieldCount = 1000000;
        Parser parser(HttpMessage::Kind::Request, options);
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\n"), Parser::Status::NeedMore);
        const QByteArray fields = QByteArray("X: y\r\n").repeated(200000);
        QCOMPARE(parser.feed(fields), Parser::Status::Error);
        QCOMPARE(parser.error(), Parser::Error::HeadTooLarge);
        QCOMPARE(parser.headSize(), 16384);
    }
}

void tst_HttpMessage::finishedParserIgnoresInput()
{
    Parser parser(HttpMessage::Kind::Response);
    QCOMPARE(parser.feed(rfcResponse), Parser::Status::Done);
    QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\n\r\n"), Parser::Status::Done);
    QCOMPARE(parser.consumed(), 0);
    QCOMPARE(parser.message().rawHead(), rfcResponse);

    parser.reset();
    QCOMPARE(parser.status(), Parser::Status::NeedMore);
    QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\n\r\n"), Parser::Status::Done);
    QCOMPARE(parser.message().statusCode(), 200);
    QCOMPARE(parser.message().statusText(), u"200 OK"_s);
}

void tst_HttpMessage::fieldAccess()
{
    Parser parser(HttpMessage::Kind::Request);
    QCOMPARE(parser.feed("GET / HTTP/1.1\r\n"
                         "Connection: keep-alive\r\n"
                         "sec-websocket-protocol: chat\r\n"
                         "CONNECTION: Upgrade\r\n"
                         "Sec-WebSocket-Protocol: superchat, , v2.chat\r\n"
                         "Sec-WebSocket-Extensions: foo; x=\"a,b\", permessage-deflate\r\n"
                         "X-Upgraded: yes\r\n"
                         "\r\n"),
        Parser::Status::Done);
    const HttpMessage message = parser.takeMessage();

    QVERIFY(message.hasField("connection"));
    QVERIFY(message.hasField("Sec-WebSocket-Protocol"));
    QVERIFY(!message.hasField("Host"));
    QCOMPARE(message.fieldCount("Connection"), 2);
    QCOMPARE(message.values("connection"), (QByteArrayList { "keep-alive", "Upgrade" }));
    // RFC 7230 §3.2.2: repeated fields combine in order with commas.
    QCOMPARE(message.combinedValue("Connection"), "keep-alive, Upgrade"_ba);
    QCOMPARE(message.combinedValue("Host"), QByteArray());
    QCOMPARE(
        message.listElements("Sec-WebSocket-Protocol"), (QByteArrayList { "chat", "superchat", "v2.chat" }));
    QCOMPARE(message.listElements("Sec-WebSocket-Extensions"),
        (QByteArrayList { "foo; x=\"a,b\"", "permessage-deflate" }));
    QVERIFY(message.hasToken("Connection", "upgrade"));
    QVERIFY(message.hasToken("connection", "KEEP-ALIVE"));
    QVERIFY(!message.hasToken("Connection", "close"));
    QVERIFY(!message.hasToken("X-Upgraded", "upgrade")); // a token, not a substring
    QVERIFY(!message.hasToken("Host", "upgrade"));
}

void tst_HttpMessage::splitList_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArrayList>("elements");

    QTest::newRow("empty") << QByteArray() << QByteArrayList {};
    QTest::newRow("one") << "websocket"_ba << QByteArrayList { "websocket" };
    QTest::newRow("OWS") << " a ,\tb\t, c "_ba << QByteArrayList { "a", "b", "c" };
    QTest::newRow("empty elements (RFC 7230 §7)") << ",, a ,, ,b,"_ba << QByteArrayList { "a", "b" };
    QTest::newRow("comma in quotes") << "x; p=\"1,2\", y"_ba << QByteArrayList { "x; p=\"1,2\"", "y" };
    QTest::newRow("escaped quote") << "x; p=\"a\\\",b\", y"_ba << QByteArrayList { "x; p=\"a\\\",b\"", "y" };
    QTest::newRow("unterminated quote") << "x; p=\"a, y"_ba << QByteArrayList { "x; p=\"a, y" };
    QTest::newRow("backslash at the end") << "x; p=\"a\\"_ba << QByteArrayList { "x; p=\"a\\" };
}

void tst_HttpMessage::splitList()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArrayList, elements);
    QCOMPARE(HttpMessage::splitList(value), elements);
}

void tst_HttpMessage::contentLength_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<qint64>("length"); // -1: unknown

    QTest::newRow("none") << QByteArray() << qint64(-1);
    QTest::newRow("zero") << "Content-Length: 0\r\n"_ba << qint64(0);
    QTest::newRow("value") << "content-length: 1234\r\n"_ba << qint64(1234);
    QTest::newRow("same value listed twice") << "Content-Length: 5, 5\r\n"_ba << qint64(5);
    QTest::newRow("same value in two fields") << "Content-Length: 5\r\nContent-Length: 5\r\n"_ba << qint64(5);
    QTest::newRow("different values") << "Content-Length: 5\r\nContent-Length: 6\r\n"_ba << qint64(-1);
    QTest::newRow("negative") << "Content-Length: -1\r\n"_ba << qint64(-1);
    QTest::newRow("plus sign") << "Content-Length: +5\r\n"_ba << qint64(-1);
    QTest::newRow("not a number") << "Content-Length: five\r\n"_ba << qint64(-1);
    QTest::newRow("too large") << "Content-Length: 99999999999999999999\r\n"_ba << qint64(-1);
    QTest::newRow("empty") << "Content-Length:\r\n"_ba << qint64(-1);
    QTest::newRow("Transfer-Encoding wins")
        << "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"_ba << qint64(-1);
}

void tst_HttpMessage::contentLength()
{
    QFETCH(QByteArray, fields);
    QFETCH(qint64, length);
    Parser parser(HttpMessage::Kind::Response);
    const QByteArray head = "HTTP/1.1 200 OK\r\n"_ba + fields + "\r\n";
    QCOMPARE(parser.feed(head), Parser::Status::Done);
    const std::optional<qint64> parsed = parser.message().contentLength();
    QCOMPARE(parsed.value_or(-1), length);
}

void tst_HttpMessage::setAndRemoveFields()
{
    HttpMessage message = HttpMessage::request("GET", "/");
    message.addField("Host", "a");
    message.addField("X-Dup", "1");
    message.addField("User-Agent", "x");
    message.addField("x-dup", "2");
    message.setField("X-DUP", "3");
    QCOMPARE(fieldLines(message), (QByteArrayList { "Host: a", "X-DUP: 3", "User-Agent: x" }));
    message.setField("Origin", "http://o");
    QCOMPARE(
        fieldLines(message), (QByteArrayList { "Host: a", "X-DUP: 3", "User-Agent: x", "Origin: http://o" }));
    message.removeFields("user-agent");
    QCOMPARE(fieldLines(message), (QByteArrayList { "Host: a", "X-DUP: 3", "Origin: http://o" }));
}

void tst_HttpMessage::serializes_data()
{
    QTest::addColumn<HttpMessage>("message");
    QTest::addColumn<QByteArray>("bytes");

    HttpMessage request = HttpMessage::request("GET", "/chat?x=1");
    request.addField("Host", "example.com");
    request.addField("Upgrade", "websocket");
    QTest::newRow("request")
        << request << "GET /chat?x=1 HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\n\r\n"_ba;

    HttpMessage switching = HttpMessage::response(101);
    switching.addField("Upgrade", "websocket");
    QTest::newRow("101 with the standard reason")
        << switching << "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"_ba;

    HttpMessage teapot = HttpMessage::response(418, "I'm a teapot");
    teapot.addField("Content-Length", "5");
    teapot.setBody("short");
    QTest::newRow("custom reason and body")
        << teapot << "HTTP/1.1 418 I'm a teapot\r\nContent-Length: 5\r\n\r\nshort"_ba;

    HttpMessage unknown = HttpMessage::response(299);
    unknown.setVersion(1, 0);
    QTest::newRow("unknown code keeps the SP") << unknown << "HTTP/1.0 299 \r\n\r\n"_ba;
}

void tst_HttpMessage::serializes()
{
    QFETCH(HttpMessage, message);
    QFETCH(QByteArray, bytes);
    QCOMPARE(message.serialize(), bytes);
    QCOMPARE(message.serializeHead() + message.body(), bytes);
    QVERIFY(message.rawHead().isEmpty()); // built, not received
}

void tst_HttpMessage::serializedHeadParsesBack()
{
    // Parsing normalizes (obs-fold joined, bare LF), and what it produces serializes to a clean head that
    // parses to the same message.
    const QByteArray sloppy = "HTTP/1.1 101 Switching Protocols\nUpgrade:websocket\r\nX: a\r\n\tb\r\n\r\n";
    Parser first(HttpMessage::Kind::Response);
    QCOMPARE(first.feed(sloppy), Parser::Status::Done);
    const QByteArray clean = first.message().serializeHead();
    QCOMPARE(clean, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nX: a b\r\n\r\n"_ba);
    Parser second(HttpMessage::Kind::Response);
    QCOMPARE(second.feed(clean), Parser::Status::Done);
    QCOMPARE(fieldLines(second.message()), fieldLines(first.message()));
    QVERIFY(second.message().warnings().isEmpty());
}

void tst_HttpMessage::quotedForDisplay_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("shown");

    QTest::newRow("text") << "chat"_ba << u"\"chat\""_s;
    QTest::newRow("quote and backslash") << "a\"b\\c"_ba << u"\"a\\\"b\\\\c\""_s;
    QTest::newRow("binary") << QByteArray::fromHex("00ff0a") << u"\"\\x00\\xff\\x0a\""_s;
    QTest::newRow("long") << QByteArray(100, 'x') << u"\""_s + QString(64, u'x') + u"\u2026\""_s;
}

void tst_HttpMessage::quotedForDisplay()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, shown);
    QCOMPARE(HttpMessage::quotedForDisplay(bytes), shown);
}

QTEST_APPLESS_MAIN(tst_HttpMessage)
#include "tst_httpmessage.moc"
