#pragma once

#include "app/protocol/frame.h"
#include "app/protocol/framewriter.h"
#include "app/protocol/violation.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Frameline {

// Where a crafted frame will be sent: who sends it and what the connection has agreed and is in the middle
// of.
struct FrameCheckContext
{
    Endpoint sender = Endpoint::Client;
    bool deflateNegotiated = false; // permessage-deflate (RFC 7692) is in effect on the connection
    bool fragmentedMessageOpen = false; // a data frame with FIN = 0 was sent and its message is not finished
};

// A consequence of a crafted frame that no RFC rule names by itself but that the user must know about.
// Today only the lying length (a declared payload length that differs from the bytes sent): the peer's
// reading of the stream is what goes wrong, and it then reports whatever it finds (usually a
// protocol error on the bytes it misreads as the next header).
struct FrameWarning
{
    enum class Kind : quint8 {
        DeclaredLengthShorter, // the peer reads fewer bytes as payload; the rest as the next frame
        DeclaredLengthLonger, // the peer waits for more payload and takes it from whatever is sent next
    };
    Kind kind = Kind::DeclaredLengthShorter;
    QString message; // translated
};

struct FrameCheckResult
{
    Violations violations; // every RFC 6455 / RFC 7692 rule the frame breaks, in a stable order
    QList<FrameWarning> warnings; // consequences that are not a rule of their own
    bool isClean() const { return violations.isEmpty() && warnings.isEmpty(); }
};

// Tells the composer which rules a crafted frame breaks, before it is sent, with the same kinds, close
// codes and RFC sections the decoder reports when it receives such a frame, so that the user sees a
// warning naming the rule (and still may send the frame). Pure functions; any thread.
class FrameCheck
{
    Q_DECLARE_TR_FUNCTIONS(FrameCheck)
public:
    static FrameCheckResult check(const FrameSpec &spec, const FrameCheckContext &context);

    // Whether a fragmented message is open after sending `spec` on a connection where one was open
    // (`openBefore`): a data frame with FIN = 0 opens one, a continuation with FIN = 1 closes it.
    static bool fragmentedMessageOpenAfter(const FrameSpec &spec, bool openBefore);

    // The payload length the peer will read from the header (the declared length, else the real one).
    static quint64 wireLength(const FrameSpec &spec);
};

// Splits one message into frames (RFC 6455 §5.4) for Connection::sendFrame, to be sent with a delay between
// them (the scheduling is the caller's). Pure functions; any thread.
class Fragmenter
{
    Q_DECLARE_TR_FUNCTIONS(Fragmenter)
public:
    static constexpr int MaxFragments = 10000;

    // The largest useful fragment count for a payload: one byte per fragment, at least 1, at most
    // MaxFragments.
    static int maxFragments(qsizetype payloadSize);

    // `count` frames (clamped to 1..maxFragments) from `message`: the first has its opcode, RSV bits and
    // masking; the others are continuations (opcode 0, no RSV bits: RFC 7692 sets RSV1 only on the first)
    // with the same masking; only the last has FIN. Fragment sizes differ by at most one byte, larger ones
    // first. The length form and a declared (lying) length are not carried over: every fragment has its
    // real length in the minimal form. count = 1 gives `message` with FIN = 1 and the minimal length.
    static QList<FrameSpec> split(const FrameSpec &message, int count);
};

} // namespace Frameline
