// libFuzzer target: arbitrary bytes as the peer's half of the opening handshake, for both sides. The bytes
// go through the request parser and Handshake::Server, and through the response parser and
// Handshake::Client, once whole and once cut into pieces at points chosen by the input. Must never crash,
// hang, leak or hold more than the limits; and because the parser promises the same outcome however the
// stream is cut, any disagreement between the two runs aborts so libFuzzer keeps the input.
//
// Input layout: byte 0 = control bits, byte 1 = piece step, the rest = the peer's bytes.

#include "app/protocol/handshake.h"
#include "app/protocol/httpmessage.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Frameline;

namespace {

// Unlike Q_ASSERT this stays on in release builds, where the fuzzers run.
void require(bool condition)
{
    if (!condition)
        std::abort();
}

// Cuts `bytes` into pieces whose sizes cycle through 1..step, so one input tries many cut points.
template<typename Feed> void feedInPieces(QByteArrayView bytes, quint8 step, Feed feed)
{
    qsizetype size = 1;
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype piece = qMin(size, bytes.size() - at);
        if (!feed(bytes.sliced(at, piece)))
            return;
        at += piece;
        size = size % qMax<qsizetype>(1, step) + 1;
    }
}

quint64 touch(const HttpMessage &message)
{
    // Exercise the accessors a UI and the handshake use; the sum keeps the calls from being optimized out.
    quint64 sum
        = quint64(message.statusCode()) + quint64(message.rawHead().size()) + quint64(message.body().size());
    for (const HttpMessage::Field &field : message.fields()) {
        sum += quint64(message.listElements(field.name).size());
        sum += quint64(message.combinedValue(field.name).size());
        sum += message.hasToken(field.name, "upgrade") ? 1 : 0;
    }
    sum += quint64(message.contentLength().value_or(0));
    sum += quint64(message.statusText().size());
    for (const QString &warning : message.warnings())
        sum += quint64(warning.size());
    return sum;
}

void checkParser(HttpMessage::Kind kind, QByteArrayView bytes, quint8 step, const HttpParseOptions &options)
{
    HttpMessage::Parser whole(kind, options);
    const HttpMessage::Parser::Status wholeStatus = whole.feed(bytes);
    require(whole.consumed() <= bytes.size());
    require(whole.headSize() <= options.maxHeadSize);
    require((wholeStatus == HttpMessage::Parser::Status::Error) == !whole.errorString().isEmpty());

    HttpMessage::Parser pieces(kind, options);
    qsizetype offset = 0;
    qsizetype headEnd = -1;
    feedInPieces(bytes, step, [&](QByteArrayView piece) {
        const HttpMessage::Parser::Status status = pieces.feed(piece);
        if (status == HttpMessage::Parser::Status::NeedMore) {
            require(pieces.consumed() == piece.size());
            offset += piece.size();
            return true;
        }
        if (status == HttpMessage::Parser::Status::Done)
            headEnd = offset + pieces.consumed();
        return false;
    });

    require(pieces.status() == wholeStatus);
    require(pieces.error() == whole.error());
    require(pieces.errorString() == whole.errorString());
    require(pieces.message().rawHead() == whole.message().rawHead());
    require(pieces.message().fields() == whole.message().fields());
    require(pieces.message().warnings() == whole.message().warnings());
    if (wholeStatus == HttpMessage::Parser::Status::Done) {
        require(headEnd == whole.consumed());
        require(whole.message().rawHead() == bytes.first(whole.consumed()));
        // What a parsed head serializes to parses back to the same message.
        HttpParseOptions unlimited;
        unlimited.maxHeadSize = 1 << 20;
        unlimited.maxLineLength = 1 << 20;
        unlimited.maxFieldCount = 1 << 20;
        HttpMessage::Parser again(kind, unlimited);
        require(again.feed(whole.message().serializeHead()) == HttpMessage::Parser::Status::Done);
        require(again.message().fields() == whole.message().fields());
        require(again.message().statusCode() == whole.message().statusCode());
        require(again.message().reasonPhrase() == whole.message().reasonPhrase());
        require(again.message().method() == whole.message().method());
        require(again.message().target() == whole.message().target());
    }
    static volatile quint64 sink;
    sink = sink + touch(whole.message());
}

void checkServer(QByteArrayView bytes, quint8 step, quint8 control, const HttpParseOptions &parseOptions)
{
    Handshake::ServerOptions options;
    options.subprotocols = { "chat", "superchat" };
    if (control & 0x01)
        options.allowedOrigins = { "http://example.com" };
    options.deflate.enabled = !(control & 0x02);
    options.parseOptions = parseOptions;

    Handshake::Server whole(options);
    const Handshake::Server::Status status = whole.feed(bytes);
    require(whole.consumed() <= bytes.size());

    Handshake::Server pieces(options);
    feedInPieces(bytes, step, [&pieces](QByteArrayView piece) {
        return pieces.feed(piece) == Handshake::Server::Status::AwaitingRequest;
    });
    require(pieces.status() == status);
    require(pieces.errorString() == whole.errorString());
    require(pieces.subprotocol() == whole.subprotocol());
    require(pieces.deflate() == whole.deflate());
    if (status != Handshake::Server::Status::AwaitingRequest) {
        require(pieces.responseBytes() == whole.responseBytes());
        const int code = whole.response().statusCode();
        require(status == Handshake::Server::Status::Accepted ? code == 101 : code >= 400);
        require((status == Handshake::Server::Status::Rejected) == !whole.errorString().isEmpty());
    }
}

void checkClient(QByteArrayView bytes, quint8 step, quint8 control, const HttpParseOptions &parseOptions)
{
    Handshake::ClientOptions options;
    options.url = QUrl(QStringLiteral("ws://server.example.com/chat"));
    options.key
        = "dGhlIHNhbXBsZSBub25jZQ=="; // fixed, so the RFC 6455 §1.3 response in the corpus is accepted
    options.subprotocols = { "chat", "superchat" };
    options.otherExtensions = { "x-frameline-test" };
    if (!(control & 0x02)) {
        DeflateOffer offer;
        offer.clientMaxWindowBitsOffered = true;
        offer.serverNoContextTakeover = control & 0x04;
        options.deflateOffers = { offer };
    }
    options.parseOptions = parseOptions;

    Handshake::Client whole(options);
    require(whole.status() == Handshake::Client::Status::AwaitingResponse);
    const Handshake::Client::Status status = whole.feed(bytes);
    require(whole.consumed() <= bytes.size());
    require(whole.response().body().size() <= parseOptions.maxBodySize);

    Handshake::Client pieces(options);
    feedInPieces(bytes, step, [&pieces](QByteArrayView piece) {
        return pieces.feed(piece) == Handshake::Client::Status::AwaitingResponse;
    });
    if (pieces.status() == Handshake::Client::Status::AwaitingResponse)
        pieces.connectionClosed();
    if (status == Handshake::Client::Status::AwaitingResponse) {
        whole.connectionClosed();
    } else {
        // A rejection's body without Content-Length is what came with the head, so it depends on the cuts;
        // everything else may not.
        require(pieces.status() == status);
        require(pieces.errorString() == whole.errorString());
        require(pieces.subprotocol() == whole.subprotocol());
        require(pieces.deflate() == whole.deflate());
        require(pieces.extensions() == whole.extensions());
        require(pieces.response().rawHead() == whole.response().rawHead());
    }
    require(whole.status() != Handshake::Client::Status::AwaitingResponse);
    require((whole.status() == Handshake::Client::Status::Failed) == !whole.errorString().isEmpty());
    static volatile quint64 sink;
    sink = sink + touch(whole.response()) + touch(pieces.response());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const quint8 control = data[0];
    const quint8 step = data[1];
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));

    HttpParseOptions options;
    if (control & 0x80) {
        // Small limits, so the fuzzer reaches them with short inputs.
        options.maxHeadSize = 512;
        options.maxLineLength = 128;
        options.maxFieldCount = 8;
        options.maxBodySize = 16;
    }
    options.allowBareLineFeed = !(control & 0x40);

    checkParser(HttpMessage::Kind::Request, bytes, step, options);
    checkParser(HttpMessage::Kind::Response, bytes, step, options);
    checkServer(bytes, step, control, options);
    checkClient(bytes, step, control, options);
    return 0;
}
