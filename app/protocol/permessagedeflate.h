#pragma once

#include "app/protocol/frame.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>
#include <optional>

namespace Frameline {

// RFC 7692 permessage-deflate: negotiation of the extension parameters and the per-message codec.

// One parameter of a Sec-WebSocket-Extensions element (RFC 6455 §9.1): `name` or `name=value`. A value sent
// as a quoted-string is stored unquoted and unescaped.
struct ExtensionParameter
{
    QByteArray name;
    std::optional<QByteArray> value;
    bool operator==(const ExtensionParameter &) const = default;
};

// One element of a Sec-WebSocket-Extensions value: an extension name and its parameters, in wire order.
struct ExtensionElement
{
    QByteArray name;
    QList<ExtensionParameter> parameters;
    bool operator==(const ExtensionElement &) const = default;
};

// The agreed parameters (what a server's response establishes, RFC 7692 §7.1).
struct DeflateParameters
{
    bool serverNoContextTakeover = false;
    bool clientNoContextTakeover = false;
    int serverMaxWindowBits = 15; // 8..15: the LZ77 window the server compresses with
    int clientMaxWindowBits = 15; // 8..15: the LZ77 window the client compresses with

    // The parameters that apply to messages compressed by `sender`.
    int windowBitsFor(Endpoint sender) const
    {
        return sender == Endpoint::Server ? serverMaxWindowBits : clientMaxWindowBits;
    }
    bool noContextTakeoverFor(Endpoint sender) const
    {
        return sender == Endpoint::Server ? serverNoContextTakeover : clientNoContextTakeover;
    }
    // As a response header element, parameters at their defaults left out:
    // "permessage-deflate; server_no_context_takeover; client_max_window_bits=10".
    QByteArray toHeaderValue() const;
    bool operator==(const DeflateParameters &) const = default;
};

// One permessage-deflate offer in a client's request (RFC 7692 §7.1.1 and §7.1.2).
struct DeflateOffer
{
    bool serverNoContextTakeover = false;
    bool clientNoContextTakeover = false;
    std::optional<int> serverMaxWindowBits; // absent: not offered
    bool clientMaxWindowBitsOffered = false; // "client_max_window_bits" with or without a value
    std::optional<int> clientMaxWindowBits;  // the value, when one was given

    QByteArray toHeaderValue() const; // "permessage-deflate; client_max_window_bits"
    bool operator==(const DeflateOffer &) const = default;
};

// What a local server is willing to agree to.
struct DeflateServerPolicy
{
    bool enabled = true;
    bool serverNoContextTakeover = false; // ask for it even when the client did not
    bool clientNoContextTakeover = false; // ask the client for it (always allowed, §7.1.1.2)
    int serverMaxWindowBits = 15;         // cap on our own window
    int clientMaxWindowBits = 15;         // cap on the client's window, used when the client allows it
};

class PerMessageDeflate
{
    Q_DECLARE_TR_FUNCTIONS(PerMessageDeflate)
public:
    // Parses a whole Sec-WebSocket-Extensions value into its elements, for any extension:
    //   extension-list = 1#element; element = name *(";" param); param = token ["=" (token / quoted-string)]
    // (RFC 6455 §9.1, with the list rule of RFC 7230 §7: optional whitespace around the separators, empty
    // list elements ignored). A quoted value must unescape to a token (RFC 6455 §9.1). Names keep their
    // case. On a syntax error returns nothing and sets *error ("expected a parameter name at offset 20").
    static std::optional<QList<ExtensionElement>> parseExtensions(QByteArrayView headerValue,
                                                                  QString *error = nullptr);
    // True for "permessage-deflate" in any letter case.
    static bool isPerMessageDeflate(QByteArrayView extensionName);

    // Parses the permessage-deflate elements of a Sec-WebSocket-Extensions request value (offers, in the
    // client's order of preference). Elements of other extensions are skipped. An offer with an unknown,
    // repeated or out-of-range parameter is dropped, as §7.1 asks ("decline" it), and *declined says why.
    static QList<DeflateOffer> parseOffers(QByteArrayView headerValue, QStringList *declined = nullptr);

    // Server side: picks the first acceptable offer and the parameters to answer with (§7.1).
    static std::optional<DeflateParameters> negotiate(const QList<DeflateOffer> &offers,
                                                      const DeflateServerPolicy &policy);

    // Client side: validates a server's permessage-deflate response element against what was offered
    // (§7.1.1-§7.1.2: no parameter the client did not allow, valid values, no repeats). On failure returns
    // nothing and sets *error to a specific reason ("server_max_window_bits=16 is out of range 8-15").
    static std::optional<DeflateParameters> acceptResponse(QByteArrayView responseElement, const DeflateOffer &offer,
                                                          QString *error);

    // Parses an agreed value as it stands in a response header, with no offer to check against (used by
    // `frameline-cli decode --deflate`). Accepts "permessage-deflate" followed by any valid parameters
    // (a bare client_max_window_bits, as in an offer, means 15). Other extensions in the value are skipped.
    static std::optional<DeflateParameters> parseAgreed(QByteArrayView headerValue, QString *error);
};

// Inflates the messages one endpoint sends (RFC 7692 §7.2.2). Keeps the LZ77 window between messages
// unless no-context-takeover was agreed for that endpoint. Owned by whoever decodes that endpoint's
// messages; not thread-safe, use it from one thread at a time.
class Inflater
{
    Q_DECLARE_TR_FUNCTIONS(Inflater)
public:
    enum class Status { Ok, Error, LimitExceeded };

    // windowBits is the window the sender agreed to (8-15). The inflater always keeps the full 32 KiB
    // window, a superset that decodes every conforming stream, including an 8-bit one (see the .cpp).
    Inflater(int windowBits, bool noContextTakeover);
    ~Inflater();
    Inflater(const Inflater &) = delete;
    Inflater &operator=(const Inflater &) = delete;

    // Inflates one frame's worth of compressed payload and appends it to `out`. On the message's final
    // frame it adds the 00 00 ff ff tail that the sender removed. Stops with LimitExceeded as soon as
    // `out` would grow past maxOutput bytes (out.size() as a whole, so pass the same `out` for every frame
    // of a message), so a decompression bomb never allocates more than that: `out` only grows within
    // maxOutput. Error means corrupt compressed data (*error says what zlib found), or a message that
    // does not end on a DEFLATE block boundary. After Error or LimitExceeded the rest of that message is
    // lost: the inflater has started afresh, without the window, and the next call begins a new message.
    Status inflate(QByteArrayView compressed, bool finalFragment, QByteArray &out, qint64 maxOutput,
                   QString *error);
    // Forgets any partial message. The window survives only between whole messages with context
    // takeover; after a partial message it is gone too, so a later message that refers back into it
    // fails with Error instead of inflating to wrong bytes.
    void reset();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Compresses whole messages for one endpoint (RFC 7692 §7.2.1). Not thread-safe.
class Deflater
{
public:
    // windowBits 8-15 as agreed; 8 compresses with zlib's 9-bit window, whose matches never reach back
    // more than 250 bytes, so the peer's 256-byte window suffices (see the .cpp).
    Deflater(int windowBits, bool noContextTakeover, int level = -1 /* zlib's default */);
    ~Deflater();
    Deflater(const Deflater &) = delete;
    Deflater &operator=(const Deflater &) = delete;

    // The compressed payload of one message: a sync-flushed deflate stream with the trailing
    // 00 00 ff ff removed (§7.2.1); see §7.2.3.6 for what an empty message becomes.
    QByteArray compress(QByteArrayView message);
    void reset();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Frameline
