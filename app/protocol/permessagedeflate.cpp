#include "app/protocol/permessagedeflate.h"

#include <zlib.h>

#include <QtCore/QtGlobal>

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <utility>

namespace Frameline {

namespace {

constexpr int MinWindowBits = 8;
constexpr int MaxWindowBits = 15;

// RFC 7692 §7.2.1: the sender removes these four octets (the LEN/NLEN of the empty stored block a sync
// flush ends with); §7.2.2: the receiver appends them again.
constexpr char DeflateTail[] = { '\x00', '\x00', '\xff', '\xff' };
constexpr qsizetype DeflateTailSize = sizeof(DeflateTail);

// zlib counts in uInt; feed it large buffers in slices it can count.
constexpr qsizetype MaxZlibSlice = qsizetype(1) << 30;

// Window bits 8 on the compressing side (RFC 7692 §7.1.2.1, §7.1.2.2).
//
// zlib cannot compress with a 256-byte window: since 1.2.9 deflateInit2() rejects windowBits 8 for a raw
// stream with Z_STREAM_ERROR (with a zlib header it quietly uses 9; deflate.c calls it the "256-byte window
// bug"). Compressing with 9 is nevertheless safe for a peer that keeps only 256 bytes: zlib's deflate never
// emits a match farther back than MAX_DIST = window size - MIN_LOOKAHEAD (262), so with a 512-byte window
// no distance exceeds 250 bytes, within the 256 bytes the peer keeps. tst_permessagedeflate checks this with
// an inflater that has only a 256-byte window and checks every distance. The other choice, never agreeing to
// 8, would decline offers we can honour (a client's server_max_window_bits=8 leaves no smaller value).
int zlibDeflateWindowBits(int agreedBits)
{
    return std::clamp(agreedBits, MinWindowBits + 1, MaxWindowBits);
}

// The inflating side always keeps the full 15-bit window. A window larger than the sender's decodes every
// stream the sender can produce identically (its distances never reach past what it kept), it still decodes
// a peer that overshoots the window it agreed to (a debugger should show such a message rather than fail
// on it), and it costs 32 KiB per endpoint. zlib could inflate with 8 (-8 is valid for raw inflate), but
// nothing would be gained.
constexpr int ZlibInflateWindowBits = MaxWindowBits;

bool isTokenChar(char c)
{
    // RFC 7230 §3.2.6: tchar.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool isOptionalWhitespace(char c)
{
    return c == ' ' || c == '\t';
}

// How a byte the parser did not expect is named in an error message.
QString describeByte(QByteArrayView text, qsizetype pos)
{
    if (pos >= text.size())
        return PerMessageDeflate::tr("the end of the value");
    const auto c = quint8(text[pos]);
    if (c > 0x20 && c < 0x7f)
        return PerMessageDeflate::tr("'%1'").arg(QLatin1Char(char(c)));
    return PerMessageDeflate::tr("byte 0x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
}

// A header value quoted in an error message: Latin-1 and not unboundedly long.
QString quoted(QByteArrayView text)
{
    constexpr qsizetype MaxShown = 40;
    if (text.size() <= MaxShown)
        return QString::fromLatin1(text);
    return QString::fromLatin1(text.first(MaxShown)) + QStringLiteral("...");
}

// The parameters of one permessage-deflate element, checked one by one (RFC 7692 §7.1).
struct ElementParameters
{
    bool serverNoContextTakeover = false;
    bool clientNoContextTakeover = false;
    std::optional<int> serverMaxWindowBits;
    bool clientMaxWindowBitsPresent = false;
    std::optional<int> clientMaxWindowBits;
};

// Where an element stands: an offer in a request, a response to one, or an agreed value with no offer.
enum class ElementRole { Offer, Response, Agreed };

const QByteArray ServerNoContextTakeover = QByteArrayLiteral("server_no_context_takeover");
const QByteArray ClientNoContextTakeover = QByteArrayLiteral("client_no_context_takeover");
const QByteArray ServerMaxWindowBits = QByteArrayLiteral("server_max_window_bits");
const QByteArray ClientMaxWindowBits = QByteArrayLiteral("client_max_window_bits");

// RFC 7692 §7.1.2.1/§7.1.2.2: "a decimal integer value without leading zeroes between 8 to 15, inclusive".
std::optional<int> parseWindowBits(const QByteArray &name, const QByteArray &value, QString *why)
{
    const bool digits = !value.isEmpty()
        && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || (value.size() > 1 && value.front() == '0')) {
        *why = PerMessageDeflate::tr("%1=%2 is not a decimal number without leading zeros")
                   .arg(QString::fromLatin1(name), quoted(value));
        return std::nullopt;
    }
    bool ok = false;
    const int bits = value.size() <= 2 ? value.toInt(&ok) : 0;
    if (!ok || bits < MinWindowBits || bits > MaxWindowBits) {
        *why = PerMessageDeflate::tr("%1=%2 is out of range 8-15")
                   .arg(QString::fromLatin1(name), quoted(value));
        return std::nullopt;
    }
    return bits;
}

// RFC 7692 §7.1: an element with an unknown parameter, a parameter given twice or an invalid value is
// declined (offer) or fails the connection (response). The first problem, in wire order, is reported.
std::optional<ElementParameters> readParameters(
    const ExtensionElement &element, ElementRole role, QString *why)
{
    ElementParameters result;
    bool seenServerNoContextTakeover = false;
    bool seenClientNoContextTakeover = false;
    bool seenServerMaxWindowBits = false;
    bool seenClientMaxWindowBits = false;

    const auto repeated = [why](const QByteArray &name) {
        *why = PerMessageDeflate::tr("%1 appears more than once").arg(QString::fromLatin1(name));
        return std::nullopt;
    };
    const auto hasValue = [why](const ExtensionParameter &p, const QByteArray &name) {
        *why = PerMessageDeflate::tr("%1 must not have a value (found %1=%2)")
                   .arg(QString::fromLatin1(name), quoted(*p.value));
        return std::nullopt;
    };

    for (const ExtensionParameter &p : element.parameters) {
        const QByteArray name = p.name.toLower();
        if (name == ServerNoContextTakeover) {
            // §7.1.1.1: no value.
            if (std::exchange(seenServerNoContextTakeover, true))
                return repeated(name);
            if (p.value)
                return hasValue(p, name);
            result.serverNoContextTakeover = true;
        } else if (name == ClientNoContextTakeover) {
            // §7.1.1.2: no value.
            if (std::exchange(seenClientNoContextTakeover, true))
                return repeated(name);
            if (p.value)
                return hasValue(p, name);
            result.clientNoContextTakeover = true;
        } else if (name == ServerMaxWindowBits) {
            // §7.1.2.1: always with a value.
            if (std::exchange(seenServerMaxWindowBits, true))
                return repeated(name);
            if (!p.value) {
                *why = PerMessageDeflate::tr("%1 needs a value 8-15").arg(QString::fromLatin1(name));
                return std::nullopt;
            }
            const auto bits = parseWindowBits(name, *p.value, why);
            if (!bits)
                return std::nullopt;
            result.serverMaxWindowBits = bits;
        } else if (name == ClientMaxWindowBits) {
            // §7.1.2.2: an offer may leave out the value (the client merely supports the parameter); a
            // response that limits the client's window has to say to what.
            if (std::exchange(seenClientMaxWindowBits, true))
                return repeated(name);
            result.clientMaxWindowBitsPresent = true;
            if (p.value) {
                const auto bits = parseWindowBits(name, *p.value, why);
                if (!bits)
                    return std::nullopt;
                result.clientMaxWindowBits = bits;
            } else if (role == ElementRole::Response) {
                *why = PerMessageDeflate::tr("%1 needs a value 8-15 in a response")
                           .arg(QString::fromLatin1(name));
                return std::nullopt;
            }
        } else {
            *why = PerMessageDeflate::tr("unknown parameter \"%1\"").arg(quoted(p.name));
            return std::nullopt;
        }
    }
    return result;
}

// The one permessage-deflate element of a response or agreed value; other extensions are not ours to judge.
const ExtensionElement *singleDeflateElement(const QList<ExtensionElement> &elements, QString *why)
{
    const ExtensionElement *found = nullptr;
    for (const ExtensionElement &element : elements) {
        if (!PerMessageDeflate::isPerMessageDeflate(element.name))
            continue;
        if (found) {
            // RFC 6455 §9.1: a server answers with at most one element per extension.
            *why = PerMessageDeflate::tr("permessage-deflate appears more than once");
            return nullptr;
        }
        found = &element;
    }
    if (!found)
        *why = PerMessageDeflate::tr("there is no permessage-deflate element");
    return found;
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

void appendWindowBits(QByteArray &value, const QByteArray &name, int bits)
{
    value += "; " + name + '=' + QByteArray::number(bits);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------
// Sec-WebSocket-Extensions

std::optional<QList<ExtensionElement>> PerMessageDeflate::parseExtensions(
    QByteArrayView headerValue, QString *error)
{
    const QByteArrayView text = headerValue;
    const qsizetype size = text.size();
    qsizetype pos = 0;

    const auto skipWhitespace = [&] {
        while (pos < size && isOptionalWhitespace(text[pos]))
            ++pos;
    };
    const auto readToken = [&] {
        const qsizetype start = pos;
        while (pos < size && isTokenChar(text[pos]))
            ++pos;
        return text.sliced(start, pos - start).toByteArray();
    };
    const auto fail = [&](const QString &why) {
        setError(error, why);
        return std::nullopt;
    };

    QList<ExtensionElement> elements;
    while (true) {
        skipWhitespace();
        if (pos == size)
            break;
        if (text[pos] == ',') {
            // RFC 7230 §7: a recipient ignores empty list elements.
            ++pos;
            continue;
        }
        ExtensionElement element;
        element.name = readToken();
        if (element.name.isEmpty()) {
            return fail(tr("expected an extension name at offset %1, found %2")
                            .arg(QString::number(pos), describeByte(text, pos)));
        }
        skipWhitespace();
        while (pos < size && text[pos] == ';') {
            ++pos;
            skipWhitespace();
            ExtensionParameter parameter;
            parameter.name = readToken();
            if (parameter.name.isEmpty()) {
                return fail(tr("expected a parameter name at offset %1, found %2")
                                .arg(QString::number(pos), describeByte(text, pos)));
            }
            skipWhitespace();
            if (pos < size && text[pos] == '=') {
                ++pos;
                skipWhitespace();
                if (pos < size && text[pos] == '"') {
                    // RFC 7230 §3.2.6: quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE.
                    const qsizetype open = pos++;
                    QByteArray value;
                    bool closed = false;
                    while (pos < size) {
                        const auto c = quint8(text[pos]);
                        if (c == '"') {
                            closed = true;
                            ++pos;
                            break;
                        }
                        if (c == '\\') {
                            if (pos + 1 >= size)
                                break;
                            const auto escaped = quint8(text[pos + 1]);
                            if (escaped != '\t' && (escaped < 0x20 || escaped == 0x7f)) {
                                return fail(tr("invalid escaped %1 in a quoted value at offset %2")
                                                .arg(describeByte(text, pos + 1), QString::number(pos + 1)));
                            }
                            value += char(escaped);
                            pos += 2;
                            continue;
                        }
                        if (c != '\t' && (c < 0x20 || c == 0x7f)) {
                            return fail(tr("invalid %1 in a quoted value at offset %2")
                                            .arg(describeByte(text, pos), QString::number(pos)));
                        }
                        value += char(c);
                        ++pos;
                    }
                    if (!closed)
                        return fail(tr("the quoted value at offset %1 has no closing quote").arg(open));
                    // RFC 6455 §9.1: "the value after quoted-string unescaping MUST conform to the 'token'
                    // ABNF".
                    if (!isToken(value)) {
                        return fail(tr("the quoted value \"%1\" of %2 is not a token")
                                        .arg(quoted(value), quoted(parameter.name)));
                    }
                    parameter.value = value;
                } else {
                    QByteArray value = readToken();
                    if (value.isEmpty()) {
                        return fail(
                            tr("expected a value for %1 at offset %2, found %3")
                                .arg(quoted(parameter.name), QString::number(pos), describeByte(text, pos)));
                    }
                    parameter.value = value;
                }
                skipWhitespace();
            }
            element.parameters.append(parameter);
        }
        elements.append(element);
        if (pos == size)
            break;
        if (text[pos] != ',') {
            return fail(tr("expected ',' or ';' at offset %1, found %2")
                            .arg(QString::number(pos), describeByte(text, pos)));
        }
        ++pos;
    }
    return elements;
}

bool PerMessageDeflate::isPerMessageDeflate(QByteArrayView extensionName)
{
    return extensionName.compare(QByteArrayView("permessage-deflate"), Qt::CaseInsensitive) == 0;
}

// ---------------------------------------------------------------------------------------------------------
// Negotiation (RFC 7692 §5, §7.1)

QByteArray DeflateParameters::toHeaderValue() const
{
    QByteArray value = QByteArrayLiteral("permessage-deflate");
    if (serverNoContextTakeover)
        value += "; " + ServerNoContextTakeover;
    if (clientNoContextTakeover)
        value += "; " + ClientNoContextTakeover;
    // 15 is what an absent parameter means (§7.1.2.1, §7.1.2.2), so it is left out.
    if (serverMaxWindowBits != MaxWindowBits)
        appendWindowBits(value, ServerMaxWindowBits, serverMaxWindowBits);
    if (clientMaxWindowBits != MaxWindowBits)
        appendWindowBits(value, ClientMaxWindowBits, clientMaxWindowBits);
    return value;
}

QByteArray DeflateOffer::toHeaderValue() const
{
    QByteArray value = QByteArrayLiteral("permessage-deflate");
    if (serverNoContextTakeover)
        value += "; " + ServerNoContextTakeover;
    if (clientNoContextTakeover)
        value += "; " + ClientNoContextTakeover;
    if (serverMaxWindowBits)
        appendWindowBits(value, ServerMaxWindowBits, *serverMaxWindowBits);
    if (clientMaxWindowBits)
        appendWindowBits(value, ClientMaxWindowBits, *clientMaxWindowBits);
    else if (clientMaxWindowBitsOffered)
        value += "; " + ClientMaxWindowBits;
    return value;
}

QList<DeflateOffer> PerMessageDeflate::parseOffers(QByteArrayView headerValue, QStringList *declined)
{
    QString error;
    const auto elements = parseExtensions(headerValue, &error);
    if (!elements) {
        if (declined)
            declined->append(tr("the Sec-WebSocket-Extensions value is malformed: %1").arg(error));
        return {};
    }
    QList<DeflateOffer> offers;
    int number = 0;
    for (const ExtensionElement &element : *elements) {
        if (!isPerMessageDeflate(element.name))
            continue;
        ++number;
        QString why;
        const auto parameters = readParameters(element, ElementRole::Offer, &why);
        if (!parameters) {
            // §7.1: "a server MUST decline an extension negotiation offer" with such a parameter; the next
            // offer may still be acceptable.
            if (declined)
                declined->append(
                    tr("permessage-deflate offer %1 declined: %2").arg(QString::number(number), why));
            continue;
        }
        DeflateOffer offer;
        offer.serverNoContextTakeover = parameters->serverNoContextTakeover;
        offer.clientNoContextTakeover = parameters->clientNoContextTakeover;
        offer.serverMaxWindowBits = parameters->serverMaxWindowBits;
        offer.clientMaxWindowBitsOffered = parameters->clientMaxWindowBitsPresent;
        offer.clientMaxWindowBits = parameters->clientMaxWindowBits;
        offers.append(offer);
    }
    return offers;
}

std::optional<DeflateParameters> PerMessageDeflate::negotiate(
    const QList<DeflateOffer> &offers, const DeflateServerPolicy &policy)
{
    if (!policy.enabled || offers.isEmpty())
        return std::nullopt;
    const int serverCap = std::clamp(policy.serverMaxWindowBits, MinWindowBits, MaxWindowBits);
    const int clientCap = std::clamp(policy.clientMaxWindowBits, MinWindowBits, MaxWindowBits);

    // Every valid offer can be honoured: each window size (8 included, see zlibDeflateWindowBits) and both
    // context modes are supported, so the client's first preference wins (§5: the server picks one offer).
    const DeflateOffer &offer = offers.constFirst();
    DeflateParameters agreed;
    // §7.1.1.1: accepting an offer with server_no_context_takeover means answering with it; the server may
    // also add it unasked.
    agreed.serverNoContextTakeover = offer.serverNoContextTakeover || policy.serverNoContextTakeover;
    // §7.1.1.2: the server may always ask for client_no_context_takeover. When the client offered it, it has
    // promised not to keep its context anyway, so saying so in the response costs nothing and lets our
    // inflater drop the window between messages.
    agreed.clientNoContextTakeover = offer.clientNoContextTakeover || policy.clientNoContextTakeover;
    // §7.1.2.1: answer server_max_window_bits with the offered value or a smaller one. Without an offer the
    // server may still announce a smaller window of its own.
    agreed.serverMaxWindowBits = std::min(offer.serverMaxWindowBits.value_or(MaxWindowBits), serverCap);
    // §7.1.2.2: the client's window can only be limited when the client offered client_max_window_bits; a
    // value in the offer is the most it will use anyway, so the response never needs to ask for more.
    if (offer.clientMaxWindowBitsOffered)
        agreed.clientMaxWindowBits = std::min(offer.clientMaxWindowBits.value_or(MaxWindowBits), clientCap);
    return agreed;
}

std::optional<DeflateParameters> PerMessageDeflate::acceptResponse(
    QByteArrayView responseElement, const DeflateOffer &offer, QString *error)
{
    QString why;
    const auto elements = parseExtensions(responseElement, &why);
    if (!elements) {
        setError(error, tr("the Sec-WebSocket-Extensions response is malformed: %1").arg(why));
        return std::nullopt;
    }
    const ExtensionElement *element = singleDeflateElement(*elements, &why);
    if (!element) {
        setError(error, why);
        return std::nullopt;
    }
    const auto parameters = readParameters(*element, ElementRole::Response, &why);
    if (!parameters) {
        setError(error, why);
        return std::nullopt;
    }
    // §7.1.2.1: "the same or smaller value as the offer".
    if (parameters->serverMaxWindowBits && offer.serverMaxWindowBits
        && *parameters->serverMaxWindowBits > *offer.serverMaxWindowBits) {
        setError(error,
            tr("server_max_window_bits=%1 is larger than the %2 offered")
                .arg(QString::number(*parameters->serverMaxWindowBits),
                    QString::number(*offer.serverMaxWindowBits)));
        return std::nullopt;
    }
    // §7.1.2.2: a client that did not offer client_max_window_bits may not support it, so the response
    // must not contain it.
    if (parameters->clientMaxWindowBitsPresent && !offer.clientMaxWindowBitsOffered) {
        setError(error, tr("client_max_window_bits is in the response, but the client did not offer it"));
        return std::nullopt;
    }

    DeflateParameters agreed;
    // §7.1.1.1: a response may add server_no_context_takeover the client did not ask for. One that leaves
    // out a requested one is not failed: the client can always keep the window, and our inflater does.
    agreed.serverNoContextTakeover = parameters->serverNoContextTakeover;
    // §7.1.1.2: an offered client_no_context_takeover is a promise that holds "even if the server doesn't
    // include" it in the response.
    agreed.clientNoContextTakeover = parameters->clientNoContextTakeover || offer.clientNoContextTakeover;
    // An absent server_max_window_bits lets the server use 15 (our inflater always can).
    agreed.serverMaxWindowBits = parameters->serverMaxWindowBits.value_or(MaxWindowBits);
    // §7.1.2.2: a value in the offer is the most the client will use, whatever the response says.
    agreed.clientMaxWindowBits = std::min(parameters->clientMaxWindowBits.value_or(MaxWindowBits),
        offer.clientMaxWindowBits.value_or(MaxWindowBits));
    return agreed;
}

std::optional<DeflateParameters> PerMessageDeflate::parseAgreed(QByteArrayView headerValue, QString *error)
{
    QString why;
    const auto elements = parseExtensions(headerValue, &why);
    if (!elements) {
        setError(error, tr("the Sec-WebSocket-Extensions value is malformed: %1").arg(why));
        return std::nullopt;
    }
    const ExtensionElement *element = singleDeflateElement(*elements, &why);
    if (!element) {
        setError(error, why);
        return std::nullopt;
    }
    const auto parameters = readParameters(*element, ElementRole::Agreed, &why);
    if (!parameters) {
        setError(error, why);
        return std::nullopt;
    }
    DeflateParameters agreed;
    agreed.serverNoContextTakeover = parameters->serverNoContextTakeover;
    agreed.clientNoContextTakeover = parameters->clientNoContextTakeover;
    agreed.serverMaxWindowBits = parameters->serverMaxWindowBits.value_or(MaxWindowBits);
    agreed.clientMaxWindowBits = parameters->clientMaxWindowBits.value_or(MaxWindowBits);
    return agreed;
}

// ---------------------------------------------------------------------------------------------------------
// Inflater (RFC 7692 §7.2.2)

struct Inflater::Private
{
    z_stream stream {};
    bool initialized = false;
    bool noContextTakeover = false;
    bool inMessage = false; // some of the current message has been fed
    bool messageHadInput = false; // the current message has a non-empty payload so far
    bool restartPending = false; // a block with BFINAL ended the DEFLATE stream (see restartKeepingWindow)

    Private() { initialized = inflateInit2(&stream, -ZlibInflateWindowBits) == Z_OK; }
    ~Private()
    {
        if (initialized)
            inflateEnd(&stream);
    }

    // Forgets everything, the window included.
    void restartFresh()
    {
        if (initialized)
            inflateReset(&stream);
        // inflateReset() leaves next_in alone; after a failure it still points into the caller's old buffer.
        dropInput();
        inMessage = false;
        messageHadInput = false;
        restartPending = false;
    }

    // RFC 7692 §7.2.3.4: a block with BFINAL set ends zlib's stream, but not the permessage-deflate one:
    // "the next DEFLATE block follows the padded data", and the LZ77 window carries on into it. zlib has no
    // public "reset but keep the window", so the window is read out and put back.
    bool restartKeepingWindow()
    {
        restartPending = false;
        QByteArray window(qsizetype(1) << ZlibInflateWindowBits, Qt::Uninitialized);
        uInt length = uInt(window.size());
        if (inflateGetDictionary(&stream, reinterpret_cast<Bytef *>(window.data()), &length) != Z_OK)
            return false;
        if (inflateReset(&stream) != Z_OK)
            return false;
        return length == 0
            || inflateSetDictionary(&stream, reinterpret_cast<const Bytef *>(window.constData()), length)
            == Z_OK;
    }

    void dropInput()
    {
        stream.next_in = nullptr;
        stream.avail_in = 0;
    }

    QString zlibMessage(int code) const
    {
        return QString::fromLatin1(stream.msg ? stream.msg : zError(code));
    }

    // Inflates `input` into `out`, which may grow to maxOutput bytes. `isTail` marks the 00 00 ff ff the
    // receiver appends (§7.2.2): after a BFINAL block it is not needed, and what is left of it is dropped.
    Status feed(QByteArrayView input, bool isTail, QByteArray &out, qint64 maxOutput, QString *error);
};

Inflater::Status Inflater::Private::feed(
    QByteArrayView input, bool isTail, QByteArray &out, qint64 maxOutput, QString *error)
{
    // How much to offer zlib per call: enough for the input at a typical ratio, growing with the output so
    // a large message takes few calls, and never past the limit.
    constexpr qint64 MinChunk = 1024;
    constexpr qint64 MaxChunk = 256 * 1024;
    const qsizetype startSize = out.size();
    // Input never outlives a call: what zlib has not consumed by now belongs to a buffer that may be gone.
    dropInput();
    // Every call leaves zlib with nothing pending (it returns only once the buffer had room to spare), so
    // no input means no output.
    if (input.isEmpty())
        return Status::Ok;

    qsizetype offset = 0;
    while (true) {
        if (stream.avail_in == 0 && offset < input.size()) {
            const qsizetype slice = std::min(input.size() - offset, MaxZlibSlice);
            // zlib does not write through next_in.
            stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data() + offset));
            stream.avail_in = uInt(slice);
            offset += slice;
        }
        if (restartPending) {
            if (isTail) {
                // The message ended with a BFINAL block and no empty block after it: the tail that would
                // have completed that empty block has nothing to complete.
                dropInput();
                return Status::Ok;
            }
            if (!restartKeepingWindow()) {
                setError(error, Inflater::tr("zlib could not carry the window past a final block"));
                return Status::Error;
            }
        }

        const qint64 room = maxOutput - qint64(out.size());
        const qsizetype before = out.size();
        Bytef probe = 0;
        if (room > 0) {
            const qint64 want = std::min(
                room, std::clamp(qint64(stream.avail_in) * 4 + (before - startSize), MinChunk, MaxChunk));
            // Grow in powers of two (amortised copying), but never past the limit: the capacity, not only
            // the size, stays within maxOutput. reserve() allocates exactly what it is asked for and does
            // nothing when the buffer is already big enough.
            const auto needed = quint64(before + want);
            out.reserve(qsizetype(std::min<quint64>(std::bit_ceil(needed), quint64(maxOutput))));
            out.resize(before + qsizetype(want));
            stream.next_out = reinterpret_cast<Bytef *>(out.data() + before);
            stream.avail_out = uInt(want);
        } else {
            // At the limit: one more byte of output would be too many. A one-byte probe tells whether the
            // data has any more to give without holding it anywhere.
            stream.next_out = &probe;
            stream.avail_out = 1;
        }

        const uInt offered = stream.avail_out;
        const int code = ::inflate(&stream, Z_SYNC_FLUSH);
        const uInt produced = offered - stream.avail_out;
        if (room > 0)
            out.resize(before + qsizetype(produced));
        else if (produced > 0)
            return Status::LimitExceeded;

        switch (code) {
        case Z_OK:
            break;
        case Z_BUF_ERROR:
            // No progress possible: all input is used and nothing is pending (the buffer had room).
            break;
        case Z_STREAM_END:
            restartPending = true;
            if (isTail) {
                dropInput();
                return Status::Ok;
            }
            break;
        case Z_NEED_DICT: // cannot happen for a raw stream, but is not data we can show
        case Z_DATA_ERROR:
        case Z_MEM_ERROR:
        case Z_STREAM_ERROR:
        default:
            setError(error, zlibMessage(code));
            return Status::Error;
        }
        // Done once zlib has consumed everything and did not fill the buffer (a full buffer may mean more
        // output is pending, so zlib is asked again).
        if (stream.avail_in == 0 && stream.avail_out > 0 && offset >= input.size())
            return Status::Ok;
    }
}

Inflater::Inflater(int windowBits, bool noContextTakeover)
    : d(std::make_unique<Private>())
{
    // The window is always the full one (ZlibInflateWindowBits), whatever the sender agreed to.
    Q_UNUSED(windowBits);
    d->noContextTakeover = noContextTakeover;
}

Inflater::~Inflater() = default;

Inflater::Status Inflater::inflate(
    QByteArrayView compressed, bool finalFragment, QByteArray &out, qint64 maxOutput, QString *error)
{
    if (!d->initialized) {
        setError(error, tr("zlib could not be initialised"));
        return Status::Error;
    }
    d->inMessage = true;
    if (!compressed.isEmpty())
        d->messageHadInput = true;

    Status status = d->feed(compressed, false, out, maxOutput, error);
    if (status == Status::Ok && finalFragment) {
        // A compressed message with an empty payload is not what §7.2.1 produces (an empty message becomes
        // 0x00, §7.2.3.6), but some senders do it. Read it as the empty message it plainly is rather than
        // feeding a lone tail, which would leave the stream inside a stored block's header.
        if (d->messageHadInput)
            status = d->feed(QByteArrayView(DeflateTail, DeflateTailSize), true, out, maxOutput, error);
        // §7.2.1: a message ends with an empty stored block, so with the tail back in place the stream
        // stands on a block boundary, byte-aligned. Anything else would make the next message (with
        // context takeover) continue a half-read block.
        if (status == Status::Ok && d->messageHadInput && !d->restartPending) {
            const bool atBlockBoundary = (d->stream.data_type & 128) != 0;
            const bool byteAligned = (d->stream.data_type & 63) == 0;
            if (!atBlockBoundary || !byteAligned) {
                setError(error, tr("the message does not end on a DEFLATE block boundary (RFC 7692 §7.2.1)"));
                status = Status::Error;
            }
        }
    }

    if (status != Status::Ok) {
        d->restartFresh();
        return status;
    }
    if (finalFragment) {
        d->inMessage = false;
        d->messageHadInput = false;
        // §7.2.2 with no context takeover: every message starts from an empty window.
        if (d->noContextTakeover)
            d->restartFresh();
    }
    return status;
}

void Inflater::reset()
{
    // Between whole messages there is nothing partial to forget; mid-message the stream is somewhere inside a
    // block and cannot be rewound to the last message boundary, so everything goes.
    if (d->inMessage || d->noContextTakeover)
        d->restartFresh();
}

// ---------------------------------------------------------------------------------------------------------
// Deflater (RFC 7692 §7.2.1)

struct Deflater::Private
{
    z_stream stream {};
    bool initialized = false;
    bool noContextTakeover = false;

    ~Private()
    {
        if (initialized)
            deflateEnd(&stream);
    }
};

Deflater::Deflater(int windowBits, bool noContextTakeover, int level)
    : d(std::make_unique<Private>())
{
    d->noContextTakeover = noContextTakeover;
    const int zlibLevel = std::clamp(level, int(Z_DEFAULT_COMPRESSION), int(Z_BEST_COMPRESSION));
    constexpr int MemLevel = 8; // zlib's default
    d->initialized = deflateInit2(&d->stream, zlibLevel, Z_DEFLATED, -zlibDeflateWindowBits(windowBits),
                         MemLevel, Z_DEFAULT_STRATEGY)
        == Z_OK;
}

Deflater::~Deflater() = default;

QByteArray Deflater::compress(QByteArrayView message)
{
    // An empty stored block: what an empty message compresses to (§7.2.3.6), and the answer when zlib
    // cannot be used at all (it still inflates, to nothing).
    const QByteArray emptyBlock(1, '\x00');
    if (!d->initialized)
        return emptyBlock;

    z_stream &stream = d->stream;
    QByteArray out;
    qsizetype offset = 0;
    do {
        const qsizetype slice = std::min(message.size() - offset, MaxZlibSlice);
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(message.data() + offset));
        stream.avail_in = uInt(slice);
        offset += slice;
        // §7.2.1: compress "using the DEFLATE algorithm" and end on a block boundary: Z_SYNC_FLUSH ends the
        // data with an empty stored block (00 00 ff ff), byte-aligned.
        const int flush = offset < message.size() ? Z_NO_FLUSH : Z_SYNC_FLUSH;
        do {
            const qsizetype before = out.size();
            const qsizetype room
                = std::max<qsizetype>(4096, qsizetype(deflateBound(&stream, stream.avail_in)));
            out.resize(before + room);
            stream.next_out = reinterpret_cast<Bytef *>(out.data() + before);
            stream.avail_out = uInt(room);
            // Z_BUF_ERROR: nothing to do, which is what an empty message after a previous flush gets.
            deflate(&stream, flush);
            out.resize(before + room - qsizetype(stream.avail_out));
        } while (stream.avail_out == 0);
    } while (offset < message.size());

    // §7.2.1: "Remove 4 octets (that are 0x00 0x00 0xff 0xff) from the tail end."
    if (out.endsWith(QByteArrayView(DeflateTail, DeflateTailSize)))
        out.chop(DeflateTailSize);
    // §7.2.3.6: when that leaves nothing (or zlib had nothing to flush), send the empty stored block's
    // header alone; the receiver's tail completes it.
    if (out.isEmpty())
        out = emptyBlock;

    // §7.2.1 with no context takeover: the next message must not refer to this one.
    if (d->noContextTakeover)
        deflateReset(&stream);
    return out;
}

void Deflater::reset()
{
    if (d->initialized)
        deflateReset(&d->stream);
}

} // namespace Frameline
