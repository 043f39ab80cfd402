#pragma once

#include "app/protocol/messageassembler.h"
#include "ui/decoder/decodedstream.h"

#include <QtWidgets/QPlainTextEdit>

#include <variant>

namespace Frameline {

// Read-only, monospaced description of the selected frame (raw header, the header bit by bit, violations,
// payload hex dump) or message. Keeps what it shows so it can redraw itself in another language.
//
// Owned by the decoder widget; GUI thread.
class DetailView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit DetailView(QWidget *parent = nullptr);

    void showFrame(const FrameRecord &record);
    void showMessage(const Message &message);
    void showNothing();

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    std::variant<std::monostate, FrameRecord, Message> m_subject;
};

} // namespace Frameline
