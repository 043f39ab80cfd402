#pragma once

#include "app/session/entrydetails.h"

#include <QtWidgets/QWidget>

class QStandardItem;

namespace Frameline {

class PropertyTree;

// The inspector's Header page: the selected frame's header field by field (the first two bytes bit by
// bit, the length form, the masking key, the raw bytes), a message's opcode, frames and sizes, or a
// notice's fields, and the violations of any of them.
//
// Owned by InspectorWidget; GUI thread.
class HeaderPage : public QWidget
{
    Q_OBJECT
public:
    explicit HeaderPage(QWidget *parent = nullptr);

    void setDetails(const EntryDetails &details);
    PropertyTree *tree() const { return m_tree; }

    // "1 0 0 0 0001": FIN, RSV1, RSV2, RSV3 and the opcode of a first header byte.
    static QString firstByteBits(quint8 byte);
    // "1 1111110": MASK and the 7-bit payload length of a second header byte.
    static QString secondByteBits(quint8 byte);

private:
    void addEntryRows(const EntryDetails &details);
    void addFrameHeader(QStandardItem *parent, const Frame &frame, bool compressedMessage);
    void addFramePayload(const EntryDetails &details);
    void addMessageRows(const EntryDetails &details);
    void addNoticeRows(const EntryDetails &details);
    void addViolations(const Violations &violations);
    void addViolation(QStandardItem *parent, const Violation &violation);

    PropertyTree *m_tree;
};

} // namespace Frameline
