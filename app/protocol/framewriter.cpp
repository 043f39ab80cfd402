#include "app/protocol/framewriter.h"

#include "app/protocol/closecode.h"
#include "app/protocol/securerandom.h"
#include "app/protocol/unmask.h"

#include <QtCore/QtEndian>

#include <cstring>

namespace Frameline {

namespace {

// Writes a header into `to` (at least 14 bytes) and returns its length.
int writeHeader(quint8 *to, quint8 firstByte, LengthForm form, quint64 length, const std::array<quint8, 4> *key)
{
    to[0] = firstByte;
    const quint8 maskBit = key ? 0x80 : 0x00;
    int at = 2;
    switch (form) {
    case LengthForm::Bits7:
        to[1] = maskBit | quint8(length & 0x7F);
        break;
    case LengthForm::Bits16:
        to[1] = maskBit | 126;
        qToBigEndian<quint16>(quint16(length), to + 2);
        at = 4;
        break;
    case LengthForm::Bits64:
        to[1] = maskBit | 127;
        qToBigEndian<quint64>(length, to + 2);
        at = 10;
        break;
    }
    if (key) {
        std::memcpy(to + at, key->data(), 4);
        at += 4;
    }
    return at;
}
} // namespace

FrameSpec FrameSpec::valid(Endpoint sender, quint8 opcode, const QByteArray &payload, bool fin)
{
    FrameSpec spec;
    spec.fin = fin;
    spec.opcode = opcode;
    spec.masking = sender == Endpoint::Client ? Masking::Random : Masking::None;
    spec.payload = payload;
    return spec;
}

int FrameWriter::headerLength(quint64 payloadLength, bool masked)
{
    const LengthForm form = minimalLengthForm(payloadLength);
    return 2 + (form == LengthForm::Bits7 ? 0 : form == LengthForm::Bits16 ? 2 : 8) + (masked ? 4 : 0);
}

QByteArray FrameWriter::encode(const FrameSpec &spec, QString *error, std::array<quint8, 4> *usedKey)
{
    if (spec.opcode > 0xF) {
        if (error)
            *error = tr("Opcode %1 does not fit the 4-bit opcode field (0-15)").arg(spec.opcode);
        return QByteArray();
    }
    const quint64 declared = spec.declaredLength.value_or(quint64(spec.payload.size()));
    const LengthForm form = spec.lengthForm.value_or(minimalLengthForm(declared));
    // In the 7-bit form the value is written as is: 126 and 127 make a reader expect an extended length
    // that is not there, which is exactly what someone crafting such a frame wants to test.
    if (form == LengthForm::Bits7 && declared > 127) {
        if (error)
            *error = tr("A length of %1 does not fit the 7-bit length field (0-127)").arg(declared);
        return QByteArray();
    }
    if (form == LengthForm::Bits16 && declared > 0xFFFF) {
        if (error)
            *error = tr("A length of %1 does not fit the 16-bit length field (0-65535)").arg(declared);
        return QByteArray();
    }

    std::array<quint8, 4> key {};
    const bool masked = spec.masking != FrameSpec::Masking::None;
    if (spec.masking == FrameSpec::Masking::Chosen)
        key = spec.maskingKey;
    else if (spec.masking == FrameSpec::Masking::Random)
        key = SecureRandom::maskingKey();
    if (usedKey)
        *usedKey = key;

    const quint8 firstByte = (spec.fin ? 0x80 : 0) | (spec.rsv1 ? 0x40 : 0) | (spec.rsv2 ? 0x20 : 0)
        | (spec.rsv3 ? 0x10 : 0) | spec.opcode;
    quint8 header[14];
    const int headerSize = writeHeader(header, firstByte, form, declared, masked ? &key : nullptr);

    QByteArray out(headerSize + spec.payload.size(), Qt::Uninitialized);
    std::memcpy(out.data(), header, size_t(headerSize));
    if (masked)
        maskCopy(spec.payload.constData(), out.data() + headerSize, spec.payload.size(), key);
    else if (!spec.payload.isEmpty())
        std::memcpy(out.data() + headerSize, spec.payload.constData(), size_t(spec.payload.size()));
    if (error)
        error->clear();
    return out;
}

void FrameWriter::appendFrame(QByteArray &out, Endpoint sender, quint8 opcode, QByteArrayView payload, bool fin,
                              bool rsv1)
{
    const bool masked = sender == Endpoint::Client;
    const quint64 length = quint64(payload.size());
    const qsizetype start = out.size();
    const int headerSize = headerLength(length, masked);
    out.resize(start + headerSize + payload.size());

    std::array<quint8, 4> key {};
    if (masked)
        key = SecureRandom::maskingKey();
    const quint8 firstByte = (fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | (opcode & 0x0F);
    auto *to = reinterpret_cast<quint8 *>(out.data() + start);
    writeHeader(to, firstByte, minimalLengthForm(length), length, masked ? &key : nullptr);
    char *payloadOut = out.data() + start + headerSize;
    if (masked)
        maskCopy(payload.data(), payloadOut, payload.size(), key);
    else if (!payload.isEmpty())
        std::memcpy(payloadOut, payload.data(), size_t(payload.size()));
}

QByteArray FrameWriter::frame(Endpoint sender, quint8 opcode, QByteArrayView payload, bool fin, bool rsv1)
{
    QByteArray out;
    out.reserve(headerLength(quint64(payload.size()), sender == Endpoint::Client) + payload.size());
    appendFrame(out, sender, opcode, payload, fin, rsv1);
    return out;
}

QByteArray FrameWriter::close(Endpoint sender, quint16 code, const QString &reason)
{
    QByteArray utf8 = reason.toUtf8();
    // RFC 6455 §5.5: 125 bytes of control payload, two of them the code. Cut before a continuation byte
    // so the reason stays valid UTF-8.
    if (utf8.size() > 123) {
        qsizetype cut = 123;
        while (cut > 0 && (quint8(utf8.at(cut)) & 0xC0) == 0x80)
            --cut;
        utf8.truncate(cut);
    }
    return frame(sender, quint8(Opcode::Close), ClosePayload::encode(code, utf8));
}

QList<QByteArray> FrameWriter::fragments(Endpoint sender, quint8 opcode, QByteArrayView payload, int count,
                                         bool compressed)
{
    count = qMax(1, count);
    QList<QByteArray> frames;
    frames.reserve(count);
    const qsizetype base = payload.size() / count;
    const qsizetype extra = payload.size() % count;
    qsizetype at = 0;
    for (int i = 0; i < count; ++i) {
        const qsizetype length = base + (i < extra ? 1 : 0);
        frames.append(frame(sender, i == 0 ? opcode : quint8(Opcode::Continuation), payload.sliced(at, length),
                            i == count - 1, compressed && i == 0));
        at += length;
    }
    return frames;
}

} // namespace Frameline
