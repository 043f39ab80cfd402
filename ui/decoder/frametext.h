#pragma once

#include "app/protocol/frame.h"
#include "app/protocol/messageassembler.h"
#include "app/protocol/violation.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Frameline {

struct FrameRecord;

// How bad the worst violation of a frame or message is: drives the row colour and icon.
enum class Severity : quint8 { None, Warning, Error };

// The words the decoder window uses for frames and messages: one-line previews for the lists and the
// long descriptions (header bit by bit, payload dump) for the detail view. Protocol identifiers (opcode
// names, close code names, header names) stay in English; the sentences around them are translated.
//
// Stateless; any thread.
class FrameText
{
    Q_DECLARE_TR_FUNCTIONS(FrameText)
public:
    static QString opcode(quint8 opcode); // "text (0x1)"
    static QString lengthForm(LengthForm form); // "7-bit"
    static QString rfcReference(const QString &rfcSection); // "RFC 6455 §5.1", "RFC 7692 §6.1"
    static QString frameIndexes(const FrameIndexes &indexes); // "0–2, 5"

    static Severity severity(const Violations &violations);
    // The first violation in a line ("§5.1 · 1002 · A server must not mask its frames"), and how many more.
    static QString violationSummary(const Violations &violations);
    // Every violation, one per line, with the RFC section, close code and whether it is fatal.
    static QString violationList(const Violations &violations);

    // One line for the lists: text, hex, or a close frame's code, name and reason.
    static QString framePreview(const FrameRecord &record);
    static QString messagePreview(const Message &message);

    // The detail view: raw header, the header bit by bit, violations and the payload dump.
    static QString frameDetails(const FrameRecord &record);
    static QString messageDetails(const Message &message);

    static constexpr int PreviewCharacters = 160;
    static constexpr int PreviewBytes = 24;
    static constexpr qsizetype DumpLimit = 256 * 1024;
};

} // namespace Frameline
