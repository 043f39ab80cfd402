#pragma once

#include "app/protocol/frame.h"
#include "app/protocol/messageassembler.h"
#include "app/session/jsonline.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>

namespace Frameline {

// The JSON fields of a frame, a message and a violation, exactly as `frameline-cli decode` documents them,
// shared by every command that prints frames (decode, connect, serve) so a frame reads the same wherever
// it comes from. Stateless; callable from any thread.
class FrameJson
{
public:
    // "index" ... "violations" of a frame line. `payload` is the frame's unmasked payload: a parser callback
    // passes frame.payload, a connection event its stored copy (the event's frame has no payload view).
    static void addFrameFields(JsonLine &line, const Frame &frame, QByteArrayView payload);
    // "index" ... "violations" of a message line.
    static void addMessageFields(JsonLine &line, const Message &message);
    // {"closeCode":1002,"rfc":"5.1","rule":"unmasked-client-frame","fatal":true,"message":"..."}
    static void addViolationFields(JsonLine &line, const Violation &violation);
    // A JSON array of violation objects.
    static QByteArray violationsArray(const Violations &violations);
};

} // namespace Frameline
