#include "app/protocol/permessagedeflate.h"

#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

#include <zlib.h>

#include <cstring>

using namespace Frameline;

Q_DECLARE_METATYPE(Frameline::DeflateServerPolicy)
Q_DECLARE_METATYPE(Frameline::DeflateOffer)

namespace {

QByteArray hex(const char *spaced)
{
    return QByteArray::fromHex(QByteArray(spaced).replace(' ', ""));
}

// Inflates one message given as its frames' payloads.
Inflater::Status inflateMessage(Inflater &inflater, const QList<QByteArray> &frames, QByteArray &out,
    qint64 maxOutput = 64 * 1024 * 1024, QString *error = nullptr)
{
    QString ignored;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const auto status = inflater.inflate(
            frames.at(i), i == frames.size() - 1, out, maxOutput, error ? error : &ignored);
        if (status != Inflater::Status::Ok)
            return status;
    }
    return Inflater::Status::Ok;
}

// Text that compresses like real traffic: words from a small vocabulary, with repeats near and far.
QByteArray sampleText(QRandomGenerator &random, qsizetype size)
{
    static const char *const words[] = { "frame", "opcode", "payload", "mask", "deflate", "window", "context",
        "takeover", "message", "fragment", "{\"id\":", "\"type\":\"tick\"", "0123456789", "\n" };
    QByteArray text;
    text.reserve(size + 32);
    while (text.size() < size) {
        text += words[random.bounded(int(std::size(words)))];
        text += ' ';
        if (random.bounded(8) == 0)
            text += QByteArray::number(random.generate());
    }
    text.truncate(size);
    return text;
}

QByteArray randomBytes(QRandomGenerator &random, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(random.bounded(256));
    return bytes;
}

// Inflates `compressed` (a message without its tail) with zlib's raw inflate and a 256-byte window, one
// output byte per call. With nothing else in the output buffer, zlib must find every match source in its
// window, so any distance beyond 256 bytes fails with "invalid distance too far back".
bool inflatesWithin256ByteWindow(const QList<QByteArray> &messages, QByteArray *all, QString *error)
{
    z_stream stream {};
    if (inflateInit2(&stream, -8) != Z_OK)
        return false;
    bool ok = true;
    for (QByteArray message : messages) {
        message += hex("00 00 ff ff");
        stream.next_in = reinterpret_cast<Bytef *>(message.data());
        stream.avail_in = uInt(message.size());
        while (stream.avail_in > 0) {
            Bytef byte = 0;
            stream.next_out = &byte;
            stream.avail_out = 1;
            const int code = inflate(&stream, Z_SYNC_FLUSH);
            if (code != Z_OK && code != Z_BUF_ERROR) {
                *error = QString::fromLatin1(stream.msg ? stream.msg : "?");
                ok = false;
                break;
            }
            if (stream.avail_out == 0)
                all->append(char(byte));
        }
        if (!ok)
            break;
    }
    inflateEnd(&stream);
    return ok;
}

QString describe(const std::optional<DeflateParameters> &parameters)
{
    return parameters ? QString::fromLatin1(parameters->toHeaderValue()) : QStringLiteral("<none>");
}

} // namespace

class tst_PerMessageDeflate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfcExamples_data();
    void rfcExamples();
    void sharedWindow();
    void deflateMatchesRfcBytes();
    void emptyMessage();
    void fragmentedEqualsWhole();
    void roundTrip_data();
    void roundTrip();
    void windowBits8StaysWithin256Bytes_data();
    void windowBits8StaysWithin256Bytes();
    void bomb();
    void limitIsExact();
    void corrupt_data();
    void corrupt();
    void recoversAfterError();
    void resetKeepsWindowBetweenMessages();

    void parseExtensions_data();
    void parseExtensions();
    void parseOffers_data();
    void parseOffers();
    void negotiate_data();
    void negotiate();
    void acceptResponse_data();
    void acceptResponse();
    void parseAgreed_data();
    void parseAgreed();
    void offerToHeaderValue_data();
    void offerToHeaderValue();
    void parametersAccessors();
};

// RFC 7692 §7.2.3: the examples, as frame payloads of one message each.
void tst_PerMessageDeflate::rfcExamples_data()
{
    QTest::addColumn<QList<QByteArray>>("frames");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("7.2.3.1 a message compressed")
        << QList<QByteArray> { hex("f2 48 cd c9 c9 07 00") } << QByteArray("Hello");
    QTest::newRow("7.2.3.1 the same in two fragments")
        << QList<QByteArray> { hex("f2 48 cd"), hex("c9 c9 07 00") } << QByteArray("Hello");
    QTest::newRow("7.2.3.3 a block with no compression")
        << QList<QByteArray> { hex("00 05 00 fa ff 48 65 6c 6c 6f 00") } << QByteArray("Hello");
    QTest::newRow("7.2.3.4 a block with BFINAL set")
        << QList<QByteArray> { hex("f3 48 cd c9 c9 07 00 00") } << QByteArray("Hello");
    QTest::newRow("7.2.3.5 two blocks in one message")
        << QList<QByteArray> { hex("f2 48 05 00 00 00 ff ff ca c9 c9 07 00") } << QByteArray("Hello");
    QTest::newRow("7.2.3.5 two blocks, one byte per frame") << QList<QByteArray> { hex("f2"), hex("48"),
        hex("05"), hex("00"), hex("00"), hex("00"), hex("ff"), hex("ff"), hex("ca"), hex("c9"), hex("c9"),
        hex("07"), hex("00") } << QByteArray("Hello");
    // §7.2.3.6: data of unknown size was flushed into a first fragment (tail kept, as it is not the end
    // of the message); the end of the data then needs an empty final fragment: an empty stored block, 00.
    QTest::newRow("7.2.3.6 an empty final fragment")
        << QList<QByteArray> { hex("f2 48 cd c9 c9 07 00 00 00 ff ff"), hex("00") } << QByteArray("Hello");
    QTest::newRow("7.2.3.6 an empty message") << QList<QByteArray> { hex("00") } << QByteArray();
    QTest::newRow("empty non-final fragments")
        << QList<QByteArray> { QByteArray(), hex("f2 48 cd c9 c9 07 00"), QByteArray() }
        << QByteArray("Hello");
    // Tolerated: the stream ends with the BFINAL block and no empty block after it (Z_FINISH output).
    QTest::newRow("BFINAL without the empty block after it")
        << QList<QByteArray> { hex("f3 48 cd c9 c9 07 00") } << QByteArray("Hello");
    // After a BFINAL block the next block follows in the same message, with the same window.
    QTest::newRow("blocks after a BFINAL block")
        << QList<QByteArray> { hex("f3 48 cd c9 c9 07 00 f2 00 11 00 00") } << QByteArray("HelloHello");
    // Tolerated: a compressed message with an empty payload reads as the empty message.
    QTest::newRow("empty payload") << QList<QByteArray> { QByteArray() } << QByteArray();
}

void tst_PerMessageDeflate::rfcExamples()
{
    QFETCH(QList<QByteArray>, frames);
    QFETCH(QByteArray, expected);

    for (const bool noContextTakeover : { false, true }) {
        Inflater inflater(15, noContextTakeover);
        // Twice: the second message shows the stream stood at a clean boundary after the first.
        for (int round = 0; round < 2; ++round) {
            QByteArray out;
            QString error;
            QCOMPARE(inflateMessage(inflater, frames, out, 1024, &error), Inflater::Status::Ok);
            QCOMPARE(error, QString());
            QCOMPARE(out, expected);
        }
    }
}

// RFC 7692 §7.2.3.2: the second "Hello" refers back into the first message's window.
void tst_PerMessageDeflate::sharedWindow()
{
    const QByteArray first = hex("f2 48 cd c9 c9 07 00");
    const QByteArray second = hex("f2 00 11 00 00");

    Inflater takeover(15, false);
    QByteArray out;
    QCOMPARE(inflateMessage(takeover, { first }, out), Inflater::Status::Ok);
    QCOMPARE(out, QByteArray("Hello"));
    out.clear();
    QCOMPARE(inflateMessage(takeover, { second }, out), Inflater::Status::Ok);
    QCOMPARE(out, QByteArray("Hello"));

    // Without context takeover the window is gone, and the back reference is caught, not guessed at.
    Inflater noTakeover(15, true);
    out.clear();
    QCOMPARE(inflateMessage(noTakeover, { first }, out), Inflater::Status::Ok);
    out.clear();
    QString error;
    QCOMPARE(inflateMessage(noTakeover, { second }, out, 1024, &error), Inflater::Status::Error);
    QCOMPARE(error, QStringLiteral("invalid distance too far back"));
}

void tst_PerMessageDeflate::deflateMatchesRfcBytes()
{
    // §7.2.3.1 and §7.2.3.2 are what zlib produces.
    Deflater takeover(15, false);
    QCOMPARE(takeover.compress("Hello"), hex("f2 48 cd c9 c9 07 00"));
    QCOMPARE(takeover.compress("Hello"), hex("f2 00 11 00 00"));

    Deflater noTakeover(15, true);
    QCOMPARE(noTakeover.compress("Hello"), hex("f2 48 cd c9 c9 07 00"));
    QCOMPARE(noTakeover.compress("Hello"), hex("f2 48 cd c9 c9 07 00"));

    // reset() forgets the window.
    takeover.reset();
    QCOMPARE(takeover.compress("Hello"), hex("f2 48 cd c9 c9 07 00"));
}

// §7.2.3.6: an empty message is sent as 00, also after earlier messages (zlib then has nothing to flush).
void tst_PerMessageDeflate::emptyMessage()
{
    for (const bool noContextTakeover : { false, true }) {
        Deflater deflater(15, noContextTakeover);
        Inflater inflater(15, noContextTakeover);
        const QList<QByteArray> messages { QByteArray(), QByteArray("Hello"), QByteArray(), QByteArray(),
            QByteArray("Hello") };
        for (const QByteArray &message : messages) {
            const QByteArray compressed = deflater.compress(message);
            if (message.isEmpty())
                QCOMPARE(compressed, hex("00"));
            QByteArray out;
            QCOMPARE(inflateMessage(inflater, { compressed }, out), Inflater::Status::Ok);
            QCOMPARE(out, message);
        }
    }
}

void tst_PerMessageDeflate::fragmentedEqualsWhole()
{
    QRandomGenerator random(7692);
    Deflater deflater(15, false);
    QList<QByteArray> messages;
    for (int i = 0; i < 20; ++i)
        messages.append(sampleText(random, random.bounded(1, 200'000)));

    Inflater whole(15, false);
    Inflater pieces(15, false);
    for (const QByteArray &message : messages) {
        const QByteArray compressed = deflater.compress(message);

        QByteArray expected;
        QCOMPARE(inflateMessage(whole, { compressed }, expected), Inflater::Status::Ok);
        QCOMPARE(expected, message);

        // Cut at random points, including empty frames and cuts inside the last four bytes.
        QList<QByteArray> frames;
        qsizetype at = 0;
        while (at < compressed.size()) {
            const qsizetype length = std::min<qsizetype>(compressed.size() - at, random.bounded(0, 3000));
            frames.append(compressed.mid(at, length));
            at += length;
        }
        QByteArray framewise;
        QCOMPARE(inflateMessage(pieces, frames, framewise), Inflater::Status::Ok);
        QCOMPARE(framewise, expected);
    }
}

void tst_PerMessageDeflate::roundTrip_data()
{
    QTest::addColumn<int>("windowBits");
    QTest::addColumn<bool>("noContextTakeover");
    for (int bits = 8; bits <= 15; ++bits) {
        for (const bool noContextTakeover : { false, true }) {
            QTest::addRow(
                "window %d, %s", bits, noContextTakeover ? "no context takeover" : "context takeover")
                << bits << noContextTakeover;
        }
    }
}

void tst_PerMessageDeflate::roundTrip()
{
    QFETCH(int, windowBits);
    QFETCH(bool, noContextTakeover);

    QRandomGenerator random(quint32(windowBits * 2 + int(noContextTakeover)));
    Deflater deflater(windowBits, noContextTakeover);
    Inflater inflater(windowBits, noContextTakeover);
    for (int i = 0; i < 40; ++i) {
        const qsizetype size = i % 10 == 0 ? 0 : random.bounded(1, 100'000);
        const QByteArray message = i % 3 == 0 ? randomBytes(random, size) : sampleText(random, size);
        const QByteArray compressed = deflater.compress(message);
        QVERIFY(!compressed.isEmpty());
        QByteArray out;
        QString error;
        QCOMPARE(inflateMessage(inflater, { compressed }, out, size, &error), Inflater::Status::Ok);
        QCOMPARE(out.size(), message.size());
        QVERIFY(out == message);
    }
}

// Agreed window bits 8 (see zlibDeflateWindowBits in the .cpp): what the Deflater sends must decode with a
// 256-byte window. The first row shows the check can fail.
void tst_PerMessageDeflate::windowBits8StaysWithin256Bytes_data()
{
    QTest::addColumn<int>("windowBits");
    QTest::addColumn<bool>("noContextTakeover");
    QTest::addColumn<bool>("fits");
    QTest::newRow("window 15 does not fit") << 15 << false << false;
    QTest::newRow("window 8, context takeover") << 8 << false << true;
    QTest::newRow("window 8, no context takeover") << 8 << true << true;
}

void tst_PerMessageDeflate::windowBits8StaysWithin256Bytes()
{
    QFETCH(int, windowBits);
    QFETCH(bool, noContextTakeover);
    QFETCH(bool, fits);

    // Repeats at every distance from 1 to 600 bytes, within and across messages.
    QRandomGenerator random(8);
    QList<QByteArray> messages;
    for (int i = 0; i < 30; ++i) {
        QByteArray message = randomBytes(random, 64);
        while (message.size() < 4000) {
            const qsizetype distance = random.bounded(1, int(std::min<qsizetype>(600, message.size())) + 1);
            const qsizetype length = random.bounded(3, 40);
            for (qsizetype k = 0; k < length; ++k)
                message.append(message.at(message.size() - distance));
            message += randomBytes(random, random.bounded(0, 4));
        }
        messages.append(message);
    }

    Deflater deflater(windowBits, noContextTakeover);
    QList<QByteArray> compressed;
    QByteArray expected;
    for (const QByteArray &message : messages) {
        compressed.append(deflater.compress(message));
        expected += message;
    }
    QByteArray all;
    QString error;
    QCOMPARE(inflatesWithin256ByteWindow(compressed, &all, &error), fits);
    if (fits)
        QVERIFY(all == expected);
    else
        QCOMPARE(error, QStringLiteral("invalid distance too far back"));
}

// 100 MiB of zeros, about 100 KiB compressed: stopped at a 1 MiB limit without ever holding more.
void tst_PerMessageDeflate::bomb()
{
    constexpr qint64 Limit = 1024 * 1024;
    QByteArray compressed;
    {
        const QByteArray zeros(100 * 1024 * 1024, '\0');
        Deflater deflater(15, false, 9);
        compressed = deflater.compress(zeros);
    }
    QVERIFY2(compressed.size() < 200 * 1024, QByteArray::number(compressed.size()).constData());

    // As one frame, and as many frames (the limit counts the whole message).
    for (const qsizetype frameSize : { compressed.size(), qsizetype(1000) }) {
        Inflater inflater(15, false);
        QByteArray out;
        QString error;
        Inflater::Status status = Inflater::Status::Ok;
        for (qsizetype at = 0; at < compressed.size() && status == Inflater::Status::Ok; at += frameSize) {
            const bool last = at + frameSize >= compressed.size();
            status = inflater.inflate(
                QByteArrayView(compressed).sliced(at, std::min(frameSize, compressed.size() - at)), last, out,
                Limit, &error);
            QVERIFY(out.size() <= Limit);
            QVERIFY(out.capacity() <= Limit);
        }
        QCOMPARE(status, Inflater::Status::LimitExceeded);
        QCOMPARE(out.size(), Limit); // everything up to the limit was delivered
        QVERIFY(out.count('\0') == out.size());
    }
}

void tst_PerMessageDeflate::limitIsExact()
{
    QRandomGenerator random(1);
    const QByteArray message = sampleText(random, 50'000);
    Deflater deflater(15, true);
    const QByteArray compressed = deflater.compress(message);

    Inflater inflater(15, true);
    QByteArray out;
    QCOMPARE(inflateMessage(inflater, { compressed }, out, message.size()), Inflater::Status::Ok);
    QVERIFY(out == message);

    out.clear();
    QCOMPARE(
        inflateMessage(inflater, { compressed }, out, message.size() - 1), Inflater::Status::LimitExceeded);
    QCOMPARE(out.size(), message.size() - 1);
    QVERIFY(out.capacity() <= message.size() - 1);

    // Bytes already in `out` count.
    out = QByteArray(10, 'x');
    QCOMPARE(
        inflateMessage(inflater, { compressed }, out, message.size() + 9), Inflater::Status::LimitExceeded);
    out = QByteArray(10, 'x');
    QCOMPARE(inflateMessage(inflater, { compressed }, out, message.size() + 10), Inflater::Status::Ok);
    QVERIFY(out.sliced(10) == message);

    // A limit of 0 still allows the empty message.
    out.clear();
    QCOMPARE(inflateMessage(inflater, { hex("00") }, out, 0), Inflater::Status::Ok);
    QCOMPARE(
        inflateMessage(inflater, { hex("f2 48 cd c9 c9 07 00") }, out, 0), Inflater::Status::LimitExceeded);
    QVERIFY(out.isEmpty());
}

void tst_PerMessageDeflate::corrupt_data()
{
    QTest::addColumn<QList<QByteArray>>("frames");
    QTest::addColumn<QString>("error");

    QTest::newRow("reserved block type 11")
        << QList<QByteArray> { hex("ff ff ff") } << QStringLiteral("invalid block type");
    QTest::newRow("stored lengths that disagree")
        << QList<QByteArray> { hex("00 05 00 00 00 48 65 6c 6c 6f") }
        << QStringLiteral("invalid stored block lengths");
    QTest::newRow("distance before the start")
        << QList<QByteArray> { hex("f2 00 11 00 00") } << QStringLiteral("invalid distance too far back");
    QTest::newRow("error in the second fragment")
        << QList<QByteArray> { hex("f2 48 cd c9 c9 07 00 00 00 ff ff"), hex("ff ff ff") }
        << QStringLiteral("invalid block type");
    // §7.2.1: the message must end on a block boundary once the tail is back.
    QTest::newRow("ends inside a stored block")
        << QList<QByteArray> { hex("00 0a 00 f5 ff 48 65 6c 6c 6f") }
        << QStringLiteral("the message does not end on a DEFLATE block boundary (RFC "
                          "7692 §7.2.1)");
    QTest::newRow("tail not removed by the sender")
        << QList<QByteArray> { hex("f2 48 cd c9 c9 07 00 00 00 ff ff") }
        << QStringLiteral("the message does not end on a DEFLATE block boundary (RFC 7692 §7.2.1)");
}

void tst_PerMessageDeflate::corrupt()
{
    QFETCH(QList<QByteArray>, frames);
    QFETCH(QString, error);

    Inflater inflater(15, false);
    QByteArray out;
    QString actual;
    QCOMPARE(inflateMessage(inflater, frames, out, 1024, &actual), Inflater::Status::Error);
    QCOMPARE(actual, error);
}

// After an error the inflater starts afresh: the next message (which does not refer back) inflates.
void tst_PerMessageDeflate::recoversAfterError()
{
    Inflater inflater(15, false);
    QByteArray out;
    QString error;
    QCOMPARE(inflater.inflate(hex("ff ff ff"), false, out, 1024, &error), Inflater::Status::Error);
    out.clear();
    QCOMPARE(inflateMessage(inflater, { hex("f2 48 cd c9 c9 07 00") }, out), Inflater::Status::Ok);
    QCOMPARE(out, QByteArray("Hello"));

    // Same after a stopped bomb, and after reset() mid-message.
    QCOMPARE(inflateMessage(inflater, { hex("f2 00 11 00 00") }, out, 7), Inflater::Status::LimitExceeded);
    out.clear();
    QCOMPARE(inflateMessage(inflater, { hex("f2 48 cd c9 c9 07 00") }, out), Inflater::Status::Ok);
    QCOMPARE(inflater.inflate(hex("f2 48"), false, out, 1024, &error), Inflater::Status::Ok);
    inflater.reset();
    out.clear();
    QCOMPARE(inflateMessage(inflater, { hex("f2 48 cd c9 c9 07 00") }, out), Inflater::Status::Ok);
    QCOMPARE(out, QByteArray("Hello"));
}

void tst_PerMessageDeflate::resetKeepsWindowBetweenMessages()
{
    // Between whole messages with context takeover, reset() has nothing to forget.
    Inflater inflater(15, false);
    QByteArray out;
    QCOMPARE(inflateMessage(inflater, { hex("f2 48 cd c9 c9 07 00") }, out), Inflater::Status::Ok);
    inflater.reset();
    out.clear();
    QCOMPARE(inflateMessage(inflater, { hex("f2 00 11 00 00") }, out), Inflater::Status::Ok);
    QCOMPARE(out, QByteArray("Hello"));

    // A reset mid-message drops the window, so a later back reference is an error, not wrong bytes.
    QCOMPARE(inflater.inflate(hex("f2 48"), false, out, 1024, nullptr), Inflater::Status::Ok);
    inflater.reset();
    out.clear();
    QCOMPARE(inflateMessage(inflater, { hex("f2 00 11 00 00") }, out), Inflater::Status::Error);
}

// Elements written back as name;param=value, values quoted with <> to show they were parsed apart.
void tst_PerMessageDeflate::parseExtensions_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("expected"); // elements joined by " | ", or "error: ..."

    QTest::newRow("bare") << QByteArray("permessage-deflate") << QStringLiteral("permessage-deflate");
    QTest::newRow("parameters")
        << QByteArray("permessage-deflate; client_max_window_bits; server_max_window_bits=10")
        << QStringLiteral("permessage-deflate;client_max_window_bits;server_max_window_bits=<10>");
    QTest::newRow("whitespace everywhere")
        << QByteArray(" \tpermessage-deflate \t;\t client_max_window_bits = 10 , x-webkit ")
        << QStringLiteral("permessage-deflate;client_max_window_bits=<10> | x-webkit");
    QTest::newRow("no whitespace") << QByteArray("a;b=1,c") << QStringLiteral("a;b=<1> | c");
    QTest::newRow("quoted value") << QByteArray("permessage-deflate; server_max_window_bits=\"10\"")
                                  << QStringLiteral("permessage-deflate;server_max_window_bits=<10>");
    QTest::newRow("quoted pair") << QByteArray("a; b=\"1\\0\"") << QStringLiteral("a;b=<10>");
    QTest::newRow("empty list elements") << QByteArray(", ,a,, b ,") << QStringLiteral("a | b");
    QTest::newRow("empty value") << QByteArray("") << QString();
    QTest::newRow("case kept") << QByteArray("PerMessage-Deflate; Server_No_Context_Takeover")
                               << QStringLiteral("PerMessage-Deflate;Server_No_Context_Takeover");

    QTest::newRow("parameter without name")
        << QByteArray("permessage-deflate;")
        << QStringLiteral("error: expected a parameter name at offset 19, "
                          "found the end of the value");
    QTest::newRow("two semicolons") << QByteArray(
        "a;;b") << QStringLiteral("error: expected a parameter name at offset 2, found ';'");
    QTest::newRow("missing value") << QByteArray("a; b=")
                                   << QStringLiteral(
                                          "error: expected a value for b at offset 5, found the end of "
                                          "the value");
    QTest::newRow("no name") << QByteArray("; b")
                             << QStringLiteral("error: expected an extension name at offset "
                                               "0, found ';'");
    QTest::newRow("space in a name") << QByteArray("perm essage")
                                     << QStringLiteral("error: expected ',' or ';' at offset 5, found 'e'");
    QTest::newRow("unterminated quote") << QByteArray(
        "a; b=\"10") << QStringLiteral("error: the quoted value at offset 5 has no closing quote");
    QTest::newRow("quoted non-token") << QByteArray(
        "a; b=\"1 0\"") << QStringLiteral("error: the quoted value \"1 0\" of b is not a token");
    QTest::newRow("control byte") << QByteArray("a; b=\"1\x01\"")
                                  << QStringLiteral("error: invalid byte 0x01 in a quoted value at offset 7");
    QTest::newRow("separator as value")
        << QByteArray("a; b=(") << QStringLiteral("error: expected a value for b at offset 5, found '('");
}

void tst_PerMessageDeflate::parseExtensions()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, expected);

    QString error;
    const auto elements = PerMessageDeflate::parseExtensions(header, &error);
    QString actual;
    if (!elements) {
        actual = QStringLiteral("error: ") + error;
    } else {
        QStringList parts;
        for (const ExtensionElement &element : *elements) {
            QString part = QString::fromLatin1(element.name);
            for (const ExtensionParameter &parameter : element.parameters) {
                part += QLatin1Char(';') + QString::fromLatin1(parameter.name);
                if (parameter.value)
                    part += QStringLiteral("=<") + QString::fromLatin1(*parameter.value) + QLatin1Char('>');
            }
            parts.append(part);
        }
        actual = parts.join(QStringLiteral(" | "));
    }
    QCOMPARE(actual, expected);
}

void tst_PerMessageDeflate::parseOffers_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QStringList>("offers"); // each as DeflateOffer::toHeaderValue()
    QTest::addColumn<QStringList>("declined");

    QTest::newRow("browser offer") << QByteArray("permessage-deflate; client_max_window_bits")
                                   << QStringList { QStringLiteral(
                                          "permessage-deflate; client_max_window_bits") }
                                   << QStringList();
    QTest::newRow("all parameters") << QByteArray(
        "permessage-deflate; client_no_context_takeover; server_no_context_takeover; "
        "server_max_window_bits=10; client_max_window_bits=9")
                                    << QStringList { QStringLiteral(
                                           "permessage-deflate; server_no_context_takeover; "
                                           "client_no_context_takeover; server_max_window_bits=10; "
                                           "client_max_window_bits=9") }
                                    << QStringList();
    QTest::newRow("quoted values (§7.1)")
        << QByteArray("permessage-deflate; server_max_window_bits=\"8\"")
        << QStringList { QStringLiteral("permessage-deflate; server_max_window_bits=8") } << QStringList();
    QTest::newRow("other extensions skipped")
        << QByteArray("x-webkit-deflate-frame, permessage-deflate, foo; bar=baz")
        << QStringList { QStringLiteral("permessage-deflate") } << QStringList();
    QTest::newRow("preference order, a bad offer declined")
        << QByteArray("permessage-deflate; server_max_window_bits=16, permessage-deflate; "
                      "server_max_window_bits=10, permessage-deflate")
        << QStringList { QStringLiteral("permessage-deflate; server_max_window_bits=10"),
               QStringLiteral("permessage-deflate") }
        << QStringList { QStringLiteral("permessage-deflate offer 1 declined: server_max_window_bits=16 is "
                                        "out of range 8-15") };
    QTest::newRow("duplicate parameter")
        << QByteArray("permessage-deflate; server_no_context_takeover; server_no_context_takeover")
        << QStringList()
        << QStringList { QStringLiteral("permessage-deflate offer 1 declined: server_no_context_takeover "
                                        "appears more than once") };
    QTest::newRow("duplicate window bits")
        << QByteArray("permessage-deflate; client_max_window_bits; client_max_window_bits=10")
        << QStringList()
        << QStringList { QStringLiteral("permessage-deflate offer 1 declined: client_max_window_bits appears "
                                        "more than once") };
    QTest::newRow("unknown parameter")
        << QByteArray("permessage-deflate; mux") << QStringList()
        << QStringList { QStringLiteral("permessage-deflate offer 1 declined: unknown "
                                        "parameter \"mux\"") };
    QTest::newRow("value on a flag") << QByteArray("permessage-deflate; client_no_context_takeover=1")
                                     << QStringList()
                                     << QStringList { QStringLiteral(
                                            "permessage-deflate offer 1 declined: "
                                            "client_no_context_takeover must not have a "
                                            "value (found client_no_context_takeover=1)") };
    QTest::newRow("server bits without value")
        << QByteArray("permessage-deflate; server_max_window_bits") << QStringList()
        << QStringList { QStringLiteral("permessage-deflate offer 1 declined: "
                                        "server_max_window_bits needs a value "
                                        "8-15") };
    QTest::newRow("window bits 7") << QByteArray("permessage-deflate; client_max_window_bits=7")
                                   << QStringList()
                                   << QStringList { QStringLiteral(
                                          "permessage-deflate offer 1 declined: "
                                          "client_max_window_bits=7 is out of range 8-15") };
    QTest::newRow("leading zero") << QByteArray("permessage-deflate; client_max_window_bits=010")
                                  << QStringList()
                                  << QStringList { QStringLiteral(
                                         "permessage-deflate offer 1 declined: "
                                         "client_max_window_bits=010 is not a decimal "
                                         "number without leading zeros") };
    QTest::newRow("not a number") << QByteArray("permessage-deflate; server_max_window_bits=ten")
                                  << QStringList()
                                  << QStringList { QStringLiteral(
                                         "permessage-deflate offer 1 declined: "
                                         "server_max_window_bits=ten is not a decimal "
                                         "number without leading zeros") };
    QTest::newRow("huge number") << QByteArray(
        "permessage-deflate; server_max_window_bits=99999999999999999999")
                                 << QStringList()
                                 << QStringList { QStringLiteral(
                                        "permessage-deflate offer 1 declined: "
                                        "server_max_window_bits=99999999999999999999 is "
                                        "out of range 8-15") };
    QTest::newRow("malformed header")
        << QByteArray("permessage-deflate; =") << QStringList()
        << QStringList { QStringLiteral("the Sec-WebSocket-Extensions value is "
                                        "malformed: expected a parameter name at "
                                        "offset 20, found '='") };
}

void tst_PerMessageDeflate::parseOffers()
{
    QFETCH(QByteArray, header);
    QFETCH(QStringList, offers);
    QFETCH(QStringList, declined);

    QStringList actualDeclined;
    const QList<DeflateOffer> parsed = PerMessageDeflate::parseOffers(header, &actualDeclined);
    QStringList actual;
    for (const DeflateOffer &offer : parsed)
        actual.append(QString::fromLatin1(offer.toHeaderValue()));
    QCOMPARE(actual, offers);
    QCOMPARE(actualDeclined, declined);
}

void tst_PerMessageDeflate::negotiate_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<DeflateServerPolicy>("policy");
    QTest::addColumn<QString>("response"); // DeflateParameters::toHeaderValue(), or <none>

    const DeflateServerPolicy defaults;
    DeflateServerPolicy disabled;
    disabled.enabled = false;
    DeflateServerPolicy frugal;
    frugal.serverNoContextTakeover = true;
    frugal.clientNoContextTakeover = true;
    frugal.serverMaxWindowBits = 10;
    frugal.clientMaxWindowBits = 9;

    QTest::newRow("browser offer") << QByteArray("permessage-deflate; client_max_window_bits") << defaults
                                   << QStringLiteral("permessage-deflate");
    QTest::newRow("no offer") << QByteArray("x-webkit-deflate-frame") << defaults << QStringLiteral("<none>");
    QTest::newRow("disabled") << QByteArray("permessage-deflate") << disabled << QStringLiteral("<none>");
    QTest::newRow("server_no_context_takeover asked")
        << QByteArray("permessage-deflate; server_no_context_takeover") << defaults
        << QStringLiteral("permessage-deflate; server_no_context_takeover");
    QTest::newRow("client_no_context_takeover offered is echoed")
        << QByteArray("permessage-deflate; client_no_context_takeover") << defaults
        << QStringLiteral("permessage-deflate; client_no_context_takeover");
    QTest::newRow("server window asked")
        << QByteArray("permessage-deflate; server_max_window_bits=10") << defaults
        << QStringLiteral("permessage-deflate; server_max_window_bits=10");
    QTest::newRow("server window 8") << QByteArray("permessage-deflate; server_max_window_bits=8") << defaults
                                     << QStringLiteral("permessage-deflate; server_max_window_bits=8");
    QTest::newRow("client hint kept")
        << QByteArray("permessage-deflate; client_max_window_bits=11") << defaults
        << QStringLiteral("permessage-deflate; client_max_window_bits=11");
    QTest::newRow("frugal policy, browser offer")
        << QByteArray("permessage-deflate; client_max_window_bits") << frugal
        << QStringLiteral("permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                          "server_max_window_bits=10; client_max_window_bits=9");
    QTest::newRow("frugal policy, client without client_max_window_bits")
        << QByteArray("permessage-deflate") << frugal
        << QStringLiteral("permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                          "server_max_window_bits=10");
    QTest::newRow("frugal policy, smaller offer wins")
        << QByteArray("permessage-deflate; server_max_window_bits=9; client_max_window_bits=8") << frugal
        << QStringLiteral("permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                          "server_max_window_bits=9; client_max_window_bits=8");
    QTest::newRow("first valid offer wins") << QByteArray(
        "permessage-deflate; foo, permessage-deflate; server_max_window_bits=12, "
        "permessage-deflate") << defaults << QStringLiteral("permessage-deflate; server_max_window_bits=12");
    QTest::newRow("only invalid offers") << QByteArray("permessage-deflate; server_max_window_bits=20")
                                         << defaults << QStringLiteral("<none>");
}

void tst_PerMessageDeflate::negotiate()
{
    QFETCH(QByteArray, request);
    QFETCH(DeflateServerPolicy, policy);
    QFETCH(QString, response);

    const auto agreed = PerMessageDeflate::negotiate(PerMessageDeflate::parseOffers(request), policy);
    QCOMPARE(describe(agreed), response);
    if (agreed) {
        // What the server answers, the client reads back to the same parameters.
        QString error;
        const auto offers = PerMessageDeflate::parseOffers(request);
        const auto accepted
            = PerMessageDeflate::acceptResponse(agreed->toHeaderValue(), offers.constFirst(), &error);
        QCOMPARE(error, QString());
        QCOMPARE(describe(accepted), response);
    }
}

void tst_PerMessageDeflate::acceptResponse_data()
{
    QTest::addColumn<QByteArray>("offer");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QString>("expected"); // the agreed parameters, or "error: ..."

    const QByteArray browser("permessage-deflate; client_max_window_bits");
    QTest::newRow("plain") << browser << QByteArray("permessage-deflate")
                           << QStringLiteral("permessage-deflate");
    QTest::newRow("server adds no-context-takeover")
        << QByteArray("permessage-deflate")
        << QByteArray("permessage-deflate; server_no_context_takeover; client_no_context_takeover")
        << QStringLiteral("permessage-deflate; server_no_context_takeover; client_no_context_takeover");
    QTest::newRow("server limits its own window unasked")
        << QByteArray("permessage-deflate") << QByteArray("permessage-deflate; server_max_window_bits=9")
        << QStringLiteral("permessage-deflate; server_max_window_bits=9");
    QTest::newRow("client window as allowed")
        << browser << QByteArray("permessage-deflate; client_max_window_bits=\"10\"")
        << QStringLiteral("permessage-deflate; client_max_window_bits=10");
    QTest::newRow("server window as offered")
        << QByteArray("permessage-deflate; server_max_window_bits=10")
        << QByteArray("permessage-deflate; server_max_window_bits=10")
        << QStringLiteral("permessage-deflate; server_max_window_bits=10");
    QTest::newRow("server window smaller than offered")
        << QByteArray("permessage-deflate; server_max_window_bits=10")
        << QByteArray("permessage-deflate; server_max_window_bits=8")
        << QStringLiteral("permessage-deflate; server_max_window_bits=8");
    QTest::newRow("client promises hold without an echo (§7.1.1.2, §7.1.2.2)")
        << QByteArray("permessage-deflate; client_no_context_takeover; client_max_window_bits=10")
        << QByteArray("permessage-deflate")
        << QStringLiteral("permessage-deflate; client_no_context_takeover; client_max_window_bits=10");
    QTest::newRow("client hint smaller than the response")
        << QByteArray("permessage-deflate; client_max_window_bits=10")
        << QByteArray("permessage-deflate; client_max_window_bits=12")
        << QStringLiteral("permessage-deflate; client_max_window_bits=10");
    QTest::newRow("other extensions alongside")
        << browser << QByteArray("x-foo, permessage-deflate; server_no_context_takeover")
        << QStringLiteral("permessage-deflate; server_no_context_takeover");

    QTest::newRow("server window larger than offered")
        << QByteArray("permessage-deflate; server_max_window_bits=10")
        << QByteArray("permessage-deflate; server_max_window_bits=12")
        << QStringLiteral("error: server_max_window_bits=12 is larger than the 10 offered");
    QTest::newRow("client window not offered")
        << QByteArray("permessage-deflate") << QByteArray("permessage-deflate; client_max_window_bits=10")
        << QStringLiteral(
               "error: client_max_window_bits is in the response, but the client did not offer it");
    QTest::newRow("client window without value")
        << browser << QByteArray("permessage-deflate; client_max_window_bits")
        << QStringLiteral("error: client_max_window_bits needs a value 8-15 in a response");
    QTest::newRow("out of range") << browser << QByteArray("permessage-deflate; server_max_window_bits=16")
                                  << QStringLiteral("error: server_max_window_bits=16 is out of range 8-15");
    QTest::newRow("duplicate") << browser
                               << QByteArray("permessage-deflate; client_no_context_takeover; "
                                             "client_no_context_takeover")
                               << QStringLiteral("error: client_no_context_takeover appears more than once");
    QTest::newRow("unknown parameter") << browser << QByteArray("permessage-deflate; x=1")
                                       << QStringLiteral("error: unknown parameter \"x\"");
    QTest::newRow("value on a flag") << browser
                                     << QByteArray("permessage-deflate; server_no_context_takeover=\"yes\"")
                                     << QStringLiteral(
                                            "error: server_no_context_takeover must not have a value "
                                            "(found server_no_context_takeover=yes)");
    QTest::newRow("agreed twice") << browser << QByteArray("permessage-deflate, permessage-deflate")
                                  << QStringLiteral("error: permessage-deflate appears more than once");
    QTest::newRow("not agreed") << browser << QByteArray("x-foo")
                                << QStringLiteral("error: there is no permessage-deflate element");
    QTest::newRow("malformed") << browser << QByteArray("permessage-deflate; server_max_window_bits=\"10")
                               << QStringLiteral(
                                      "error: the Sec-WebSocket-Extensions response is malformed: the "
                                      "quoted value at offset 43 has no closing quote");
}

void tst_PerMessageDeflate::acceptResponse()
{
    QFETCH(QByteArray, offer);
    QFETCH(QByteArray, response);
    QFETCH(QString, expected);

    const auto offers = PerMessageDeflate::parseOffers(offer);
    QCOMPARE(offers.size(), 1);
    QString error;
    const auto agreed = PerMessageDeflate::acceptResponse(response, offers.constFirst(), &error);
    QCOMPARE(agreed ? describe(agreed) : QStringLiteral("error: ") + error, expected);
    if (agreed)
        QCOMPARE(error, QString());
}

void tst_PerMessageDeflate::parseAgreed_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("expected");

    QTest::newRow("bare") << QByteArray("permessage-deflate") << QStringLiteral("permessage-deflate");
    QTest::newRow("everything")
        << QByteArray("permessage-deflate;server_no_context_takeover;client_no_context_takeover;"
                      "server_max_window_bits=8;client_max_window_bits=12")
        << QStringLiteral("permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                          "server_max_window_bits=8; client_max_window_bits=12");
    QTest::newRow("bare client_max_window_bits")
        << QByteArray("permessage-deflate; client_max_window_bits") << QStringLiteral("permessage-deflate");
    QTest::newRow("any case") << QByteArray("Permessage-Deflate; SERVER_NO_CONTEXT_TAKEOVER")
                              << QStringLiteral("permessage-deflate; server_no_context_takeover");
    QTest::newRow("explicit 15") << QByteArray("permessage-deflate; server_max_window_bits=15")
                                 << QStringLiteral("permessage-deflate");
    QTest::newRow("error") << QByteArray("permessage-deflate; server_max_window_bits=0")
                           << QStringLiteral("error: server_max_window_bits=0 is out of range 8-15");
    QTest::newRow("empty") << QByteArray("")
                           << QStringLiteral("error: there is no permessage-deflate element");
}

void tst_PerMessageDeflate::parseAgreed()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, expected);

    QString error;
    const auto agreed = PerMessageDeflate::parseAgreed(header, &error);
    QCOMPARE(agreed ? describe(agreed) : QStringLiteral("error: ") + error, expected);
}

void tst_PerMessageDeflate::offerToHeaderValue_data()
{
    QTest::addColumn<DeflateOffer>("offer");
    QTest::addColumn<QByteArray>("expected");

    DeflateOffer browser;
    browser.clientMaxWindowBitsOffered = true;
    QTest::newRow("default") << DeflateOffer() << QByteArray("permessage-deflate");
    QTest::newRow("browser") << browser << QByteArray("permessage-deflate; client_max_window_bits");
    DeflateOffer all;
    all.serverNoContextTakeover = true;
    all.clientNoContextTakeover = true;
    all.serverMaxWindowBits = 15;
    all.clientMaxWindowBitsOffered = true;
    all.clientMaxWindowBits = 8;
    QTest::newRow("all") << all
                         << QByteArray(
                                "permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                                "server_max_window_bits=15; client_max_window_bits=8");
}

void tst_PerMessageDeflate::offerToHeaderValue()
{
    QFETCH(DeflateOffer, offer);
    QFETCH(QByteArray, expected);

    QCOMPARE(offer.toHeaderValue(), expected);
    // And back.
    const auto parsed = PerMessageDeflate::parseOffers(expected);
    QCOMPARE(parsed.size(), 1);
    QVERIFY(parsed.constFirst() == offer);
}

void tst_PerMessageDeflate::parametersAccessors()
{
    DeflateParameters parameters;
    parameters.serverNoContextTakeover = true;
    parameters.serverMaxWindowBits = 9;
    parameters.clientMaxWindowBits = 12;
    QCOMPARE(parameters.windowBitsFor(Endpoint::Server), 9);
    QCOMPARE(parameters.windowBitsFor(Endpoint::Client), 12);
    QVERIFY(parameters.noContextTakeoverFor(Endpoint::Server));
    QVERIFY(!parameters.noContextTakeoverFor(Endpoint::Client));
}

QTEST_GUILESS_MAIN(tst_PerMessageDeflate)
#include "tst_permessagedeflate.moc"
