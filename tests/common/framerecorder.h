#pragma once

// Test helper: a FrameParser / StreamDecoder handler that keeps a deep copy of everything it is given,
// and a one-line description of each frame so two decodes can be compared exactly.

#include "app/protocol/frameparser.h"
#include "app/protocol/streamdecoder.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Frameline::Test {

struct FrameCopy
{
    Frame frame;        // payload view cleared
    QByteArray payload; // the unmasked payload, copied
    QList<ViolationKind> kinds() const
    {
        QList<ViolationKind> result;
        for (const Violation &v : frame.violations)
            result.append(v.kind);
        return result;
    }
    QString describe() const
    {
        QStringList violations;
        for (const Violation &v : frame.violations)
            violations.append(QStringLiteral("%1/%2").arg(v.id()).arg(v.closeCode));
        return QStringLiteral("#%1 @%2 hdr=%3 fin=%4 rsv=%5%6%7 op=%8 mask=%9 key=%10 len=%11 form=%12 pos=%13 "
                              "omit=%14 payload=%15 [%16]")
            .arg(frame.index)
            .arg(frame.streamOffset)
            .arg(QString::fromLatin1(frame.rawHeader().toByteArray().toHex()))
            .arg(frame.fin)
            .arg(frame.rsv1)
            .arg(frame.rsv2)
            .arg(frame.rsv3)
            .arg(frame.opcode)
            .arg(frame.masked)
            .arg(QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(frame.maskingKey.data()), 4).toHex()))
            .arg(frame.payloadLength)
            .arg(int(frame.lengthForm))
            .arg(int(frame.position))
            .arg(frame.payloadOmitted)
            .arg(QString::fromLatin1(payload.toHex()))
            .arg(violations.join(QLatin1Char(',')));
    }
};

struct MessageCopy
{
    Message message;
};

class FrameRecorder final : public FrameParser::Handler, public StreamDecoder::Handler
{
public:
    QList<FrameCopy> frames;
    QList<Message> messages;
    QList<Violation> early;

    void frameParsed(Frame &frame) override { keep(frame); }
    void frameDecoded(const Frame &frame) override { keep(frame); }
    void messageDecoded(const Message &message) override { messages.append(message); }
    void violationDetected(const Violation &violation) override { early.append(violation); }

    QStringList descriptions() const
    {
        QStringList result;
        for (const FrameCopy &copy : frames)
            result.append(copy.describe());
        return result;
    }
    QList<ViolationKind> allKinds() const
    {
        QList<ViolationKind> result;
        for (const FrameCopy &copy : frames)
            result.append(copy.kinds());
        return result;
    }

private:
    void keep(const Frame &frame)
    {
        FrameCopy copy;
        copy.frame = frame;
        copy.frame.payload = QByteArrayView();
        copy.payload = frame.payload.toByteArray();
        frames.append(copy);
    }
};

// Splits `bytes` into pieces of the given sizes (cycled) and feeds them.
template<typename Feed>
void feedInPieces(QByteArrayView bytes, const QList<int> &sizes, Feed &&feed)
{
    qsizetype at = 0;
    int i = 0;
    while (at < bytes.size()) {
        const qsizetype size = qMin<qsizetype>(qMax(1, sizes.at(i++ % sizes.size())), bytes.size() - at);
        feed(bytes.sliced(at, size));
        at += size;
    }
}

} // namespace Frameline::Test
