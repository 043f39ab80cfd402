#pragma once

#include "app/net/connectionevent.h"
#include "app/protocol/frame.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace Frameline {

// The words of the inspector pages that more than one page uses: directions, origins, times, sizes,
// close codes. Protocol identifiers (opcode and close code names) stay in English.
//
// Stateless; any thread.
class InspectorText
{
    Q_DECLARE_TR_FUNCTIONS(InspectorText)
public:
    static QString direction(Direction direction);
    static QString origin(FrameOrigin origin);
    static QString position(FramePosition position);
    // "+1.234567 s" after the connection's first entry.
    static QString relativeTime(qint64 timestampNs, qint64 connectionStartNs);
    // "12.345 ms", "1.234 s"; "did not happen" for a negative duration.
    static QString duration(qint64 ns);
    // "300 bytes", "1048576 bytes (1.00 MiB)".
    static QString byteCount(qint64 bytes);
    // "1000 Normal Closure"
    static QString closeCode(quint16 code);
    static QString closeInitiator(CloseInitiator initiator);
    static QString noticeKind(ConnectionNotice::Kind kind);
    static QString yesNo(bool value);
    // Raw bytes shown as text: UTF-8 when valid, else with \xNN escapes for the invalid bytes.
    static QString bytesAsText(QByteArrayView bytes);
};

} // namespace Frameline
