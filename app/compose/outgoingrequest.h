#pragma once

#include "app/net/connectionevent.h"
#include "app/protocol/framewriter.h"
#include "app/session/entrydetails.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <optional>

namespace Frameline {

class Connection;

// One thing the user (composer, timeline "Resend") asks a connection to send, as a plain value that can
// travel from the GUI thread to the network thread. Crafted frames (Kind::Frames) are written exactly as
// specified, valid or not; everything else goes through the connection's correct encoders (masking,
// permessage-deflate).
struct OutgoingRequest
{
    enum class Kind : quint8 {
        Message, // a data message: `opcode` (1 text, 2 binary) and `payload`
        Frames, // `frames`, written in order in one go, exactly as built
        Ping, // `payload` (at most 125 bytes)
        Pong, // `payload` (at most 125 bytes), unsolicited or not
        Close, // starts the closing handshake with `closeCode` and `closeReason` (any code, even invalid)
        CloseWithoutCode, // starts the closing handshake with a Close frame that has no body
    };

    Kind kind = Kind::Message;
    quint8 opcode = 0x1;
    QByteArray payload;
    QList<FrameSpec> frames;
    quint16 closeCode = 1000;
    QString closeReason;

    static OutgoingRequest message(quint8 opcode, const QByteArray &payload);
    static OutgoingRequest crafted(const QList<FrameSpec> &frames);
    static OutgoingRequest ping(const QByteArray &payload);
    static OutgoingRequest pong(const QByteArray &payload);
    static OutgoingRequest close(quint16 code, const QString &reason);
    static OutgoingRequest closeWithoutCode();

    // A timeline entry sent again by `sender` ("Resend" in the timeline's context menu).
    // As a message: a data message (Kind::Frame or Kind::Message) goes as a new message with the same
    // opcode and payload (the whole message, inflated: the connection compresses it again when
    // permessage-deflate is on); a Ping, Pong or Close frame goes as a new correct control frame with its
    // payload (code and reason). As the frame: every header field and the payload exactly as recorded
    // (FIN, RSV1-3, opcode, length form, a declared length that differed from the payload); the masking
    // too for a frame this end sent, while a frame the peer sent gets the masking `sender` needs (a fresh
    // key from a client, none from a server), because its own key or lack of one belongs to the other end.
    // nullopt when the entry is not a frame or message or its payload was not kept.
    static std::optional<OutgoingRequest> fromEntry(const EntryDetails &entry, bool asFrame, Endpoint sender);
    // The frame spec behind fromEntry(entry, true, sender).
    static FrameSpec frameSpecOf(const EntryDetails &entry, Endpoint sender);

    // Sends it on `connection` (in the connection's thread). False, with connection.errorString() saying
    // why, when the connection is not open or a frame cannot be written at all.
    bool sendOn(Connection &connection, FrameOrigin origin = FrameOrigin::User) const;
};

} // namespace Frameline

Q_DECLARE_METATYPE(Frameline::OutgoingRequest)
