#pragma once

// Test helper: hand-made session events, for the tests of the session file, its exports and the session
// tab, which must all read the same recording.

#include "app/net/connectionevent.h"
#include "app/protocol/frame.h"

#include <QtCore/QByteArray>

namespace Frameline::Test {

// Every byte value once, 0x00 to 0xff.
inline QByteArray allByteValues()
{
    QByteArray bytes(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        bytes[i] = char(i);
    return bytes;
}

// A session of a few events of every kind: connection 7 opens, then `frames` whole frames, each followed by
// its message, alternating in and out; every third one binary (a slice of allByteValues()), the others
// text ("message N é", then `textEnd`).
inline EventBatch sampleEvents(int frames, const QByteArray &textEnd = {})
{
    EventBatch events;
    ConnectionNotice state;
    state.connectionId = 7;
    state.timestampNs = 1000;
    state.kind = ConnectionNotice::Kind::StateChanged;
    state.state = ConnectionState::Open;
    events.append(state);
    for (int i = 0; i < frames; ++i) {
        const QByteArray payload = i % 3 == 2 ? allByteValues().left(i * 7)
                                              : "message " + QByteArray::number(i) + " \xc3\xa9" + textEnd;
        const quint8 opcode = i % 3 == 2 ? 2 : 1;
        FrameEvent frame;
        frame.connectionId = 7;
        frame.timestampNs = 2000 + i * 1000;
        frame.direction = i % 2 ? Direction::Outgoing : Direction::Incoming;
        frame.origin = i % 2 ? FrameOrigin::User : FrameOrigin::Peer;
        frame.frame.index = i / 2;
        frame.frame.fin = true;
        frame.frame.opcode = opcode;
        frame.frame.messageOpcode = opcode;
        frame.frame.payloadLength = quint64(payload.size());
        frame.frame.lengthForm = minimalLengthForm(quint64(payload.size()));
        frame.frame.header[0] = quint8(0x80 | opcode);
        frame.frame.header[1] = quint8(payload.size());
        frame.frame.headerLength = 2;
        frame.payload = payload;
        events.append(frame);
        MessageEvent message;
        message.connectionId = 7;
        message.timestampNs = frame.timestampNs;
        message.direction = frame.direction;
        message.origin = frame.origin;
        message.message.index = i / 2;
        message.message.opcode = opcode;
        message.message.frameIndexes.append(i / 2);
        message.message.payload = payload;
        message.message.wireLength = quint64(payload.size());
        events.append(message);
    }
    return events;
}

} // namespace Frameline::Test
