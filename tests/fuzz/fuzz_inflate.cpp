// libFuzzer target for RFC 7692 permessage-deflate: arbitrary bytes inflated as messages cut into frames at
// points the input chooses, compressed and inflated back, and read as a Sec-WebSocket-Extensions value.
// Must never crash, hang, leak or let the output grow (size or capacity) past the limit; the round trips and
// the negotiation must agree with themselves (std::abort() otherwise, which libFuzzer reports).
//
// Input layout:
//   byte 0  bits 0-2 window bits - 8, bit 3 no context takeover, bits 4-5 output limit (1 KiB .. 1 MiB),
//           bit 6 call reset() after a failed message instead of relying on the automatic restart
//   byte 1  bits 0-2 number of cuts (0-7), bits 3-7 which cuts also end a message
//   then one byte per cut (its position, scaled to the payload), then the payload.

#include "app/protocol/permessagedeflate.h"

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <utility>

using namespace Frameline;

namespace {

volatile quint64 s_sink = 0;

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void inflateFrames(const uint8_t *data, size_t size)
{
    if (size < 2)
        return;
    const quint8 control = data[0];
    const quint8 cutControl = data[1];
    const int windowBits = 8 + (control & 7);
    const bool noContextTakeover = control & 8;
    const qint64 limit = qint64(1024) << (2 * ((control >> 4) & 3));
    const bool resetAfterFailure = control & 0x40;

    const size_t cutCount = cutControl & 7;
    if (size < 2 + cutCount)
        return;
    const QByteArrayView payload(
        reinterpret_cast<const char *>(data + 2 + cutCount), qsizetype(size - 2 - cutCount));

    // Cut points in ascending order (insertion sort: at most seven), and whether each ends a message.
    qsizetype cuts[8] = {};
    bool endsMessage[8] = {};
    for (size_t i = 0; i < cutCount; ++i) {
        cuts[i] = payload.isEmpty() ? 0 : qsizetype(data[2 + i]) * payload.size() / 256;
        endsMessage[i] = (cutControl >> (3 + i % 5)) & 1;
        for (size_t k = i; k > 0 && cuts[k] < cuts[k - 1]; --k) {
            std::swap(cuts[k], cuts[k - 1]);
            std::swap(endsMessage[k], endsMessage[k - 1]);
        }
    }
    cuts[cutCount] = payload.size();
    endsMessage[cutCount] = true;

    Inflater inflater(windowBits, noContextTakeover);
    QByteArray out;
    qsizetype from = 0;
    for (size_t i = 0; i <= cutCount; ++i) {
        const QByteArrayView frame = payload.sliced(from, cuts[i] - from);
        from = cuts[i];
        QString error;
        const Inflater::Status status = inflater.inflate(frame, endsMessage[i], out, limit, &error);
        check(out.size() <= limit);
        check(out.capacity() <= limit);
        quint8 touched = 0;
        for (char c : std::as_const(out)) // every byte must be readable (ASan)
            touched ^= quint8(c);
        s_sink = s_sink + touched;
        check(status != Inflater::Status::Error || !error.isEmpty());
        if (status != Inflater::Status::Ok || endsMessage[i]) {
            if (status != Inflater::Status::Ok && resetAfterFailure)
                inflater.reset();
            out = QByteArray(); // a new message, with a new buffer whose capacity is checked afresh
        }
    }
}

// zlib's raw inflate with a 256-byte window, one output byte per call: with nothing else in the output
// buffer every match must come from the window, so a distance past 256 bytes fails. Used to hold the
// Deflater to an agreed window of 8 bits (it compresses with zlib's 9-bit window, see the .cpp).
bool fitsWindowOf256(const QList<QByteArray> &messages)
{
    z_stream stream {};
    if (inflateInit2(&stream, -8) != Z_OK)
        return true; // out of memory is not what this checks
    bool fits = true;
    for (QByteArray message : messages) {
        message.append("\x00\x00\xff\xff", 4);
        stream.next_in = reinterpret_cast<Bytef *>(message.data());
        stream.avail_in = uInt(message.size());
        while (fits && stream.avail_in > 0) {
            Bytef byte = 0;
            stream.next_out = &byte;
            stream.avail_out = 1;
            const int code = inflate(&stream, Z_SYNC_FLUSH);
            fits = code == Z_OK || code == Z_BUF_ERROR;
        }
    }
    inflateEnd(&stream);
    return fits;
}

void roundTrip(const uint8_t *data, size_t size)
{
    if (size < 1)
        return;
    const int windowBits = 8 + (data[0] & 7);
    const bool noContextTakeover = data[0] & 8;
    const QByteArrayView message(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    Deflater deflater(windowBits, noContextTakeover, (data[0] >> 4) % 10);
    Inflater inflater(windowBits, noContextTakeover);
    // Twice, so the second message can refer back to the first.
    QList<QByteArray> sent;
    for (int round = 0; round < 2; ++round) {
        const QByteArray compressed = deflater.compress(message);
        QByteArray out;
        QString error;
        check(inflater.inflate(compressed, true, out, message.size(), &error) == Inflater::Status::Ok);
        check(out == message);
        sent.append(compressed);
    }
    if (windowBits == 8)
        check(fitsWindowOf256(sent));
}

void negotiation(const uint8_t *data, size_t size)
{
    const QByteArrayView header(reinterpret_cast<const char *>(data), qsizetype(size));

    QString error;
    const auto elements = PerMessageDeflate::parseExtensions(header, &error);
    check(elements.has_value() || !error.isEmpty());

    QStringList declined;
    const QList<DeflateOffer> offers = PerMessageDeflate::parseOffers(header, &declined);
    for (const DeflateOffer &offer : offers) {
        // An offer survives being written out and read back.
        const QList<DeflateOffer> again = PerMessageDeflate::parseOffers(offer.toHeaderValue());
        check(again.size() == 1 && again.constFirst() == offer);
    }

    const auto agreed = PerMessageDeflate::negotiate(offers, DeflateServerPolicy());
    check(agreed.has_value() == !offers.isEmpty());
    if (agreed) {
        // What the server answers, the client that made the offer accepts, to the same parameters.
        const auto accepted
            = PerMessageDeflate::acceptResponse(agreed->toHeaderValue(), offers.constFirst(), &error);
        check(accepted.has_value() && *accepted == *agreed);
        const auto parsed = PerMessageDeflate::parseAgreed(agreed->toHeaderValue(), &error);
        check(parsed.has_value() && *parsed == *agreed);
    }

    // The input as a response to a typical browser offer, and as an agreed value.
    DeflateOffer browser;
    browser.clientMaxWindowBitsOffered = true;
    error.clear();
    const auto response = PerMessageDeflate::acceptResponse(header, browser, &error);
    check(response.has_value() != !error.isEmpty());
    if (response) {
        check(response->serverMaxWindowBits >= 8 && response->serverMaxWindowBits <= 15);
        check(response->clientMaxWindowBits >= 8 && response->clientMaxWindowBits <= 15);
    }
    error.clear();
    const auto parsed = PerMessageDeflate::parseAgreed(header, &error);
    check(parsed.has_value() != !error.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    inflateFrames(data, size);
    roundTrip(data, size);
    negotiation(data, size);
    return 0;
}
