#include "ui/inspector/closepage.h"

#include "app/protocol/closecode.h"
#include "app/protocol/opcode.h"
#include "app/protocol/utf8validator.h"
#include "ui/inspector/inspectortext.h"
#include "ui/inspector/propertytree.h"
#include "ui/widgets/hexformat.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

ClosePage::ClosePage(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(m_stack))
    , m_tree(new PropertyTree(false, m_stack))
{
    m_placeholder->setObjectName(QStringLiteral("closePlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("closeTree"));
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_tree);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    retranslateUi();
}

void ClosePage::retranslateUi()
{
    m_placeholder->setText(tr("The connection has not closed, and the selection is not a Close frame."));
    if (m_hasContent)
        setDetails(m_details);
}

void ClosePage::setDetails(const EntryDetails &details)
{
    m_details = details;
    m_tree->clearRows();
    m_tree->retranslateHeader();
    std::optional<CloseInfo> close = details.connectionClose;
    if (details.kind == EntryDetails::Kind::Notice
        && details.notice.kind == ConnectionNotice::Kind::StateChanged
        && details.notice.state == ConnectionState::Closed)
        close = details.notice.close;
    const bool closeFrame = details.kind == EntryDetails::Kind::Frame
        && details.frame.opcode == quint8(Opcode::Close) && !details.frame.payloadOmitted;
    m_hasContent = close.has_value() || closeFrame;
    if (!m_hasContent) {
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }
    m_stack->setCurrentWidget(m_tree);
    if (closeFrame)
        addCloseFrame(details);
    if (close)
        addCloseInfo(*close);
    m_tree->expandAll();
}

void ClosePage::addCloseInfo(const CloseInfo &close)
{
    QStandardItem *top
        = m_tree->addRow(nullptr, tr("Connection closed"), InspectorText::closeCode(close.code));
    m_tree->setAccent(top, close.abnormal ? InspectorPalette::Role::Bad : InspectorPalette::Role::Good);
    m_tree->addRow(top, tr("Closed by"), InspectorText::closeInitiator(close.initiator));
    m_tree->addRow(top, tr("Close code"), InspectorText::closeCode(close.code));
    m_tree->addRow(top, tr("Meaning"), CloseCodes::meaning(close.code));
    m_tree->addRow(top, tr("Reason"), close.reason.isEmpty() ? tr("(none)") : close.reason);
    QStandardItem *handshake = m_tree->addRow(top, tr("Closing handshake"),
        close.closingHandshakeCompleted ? tr("Completed: Close frames went both ways")
                                        : tr("Not completed: Close frames did not go both ways"));
    m_tree->setAccent(handshake,
        close.closingHandshakeCompleted ? InspectorPalette::Role::Good : InspectorPalette::Role::Bad);
    if (close.abnormal) {
        m_tree->setAccent(m_tree->addRow(top, tr("Ending"),
                              tr("Abnormal: the TCP connection ended without a completed closing handshake")),
            InspectorPalette::Role::Bad);
    }
    m_tree->addRow(top, tr("Code we sent"),
        close.sentCode == 0 ? tr("none (no Close frame, or one without a code)")
                            : InspectorText::closeCode(close.sentCode));
}

void ClosePage::addCloseFrame(const EntryDetails &details)
{
    const QByteArray &payload = details.payload;
    QStandardItem *top
        = m_tree->addRow(nullptr, tr("Close frame"), InspectorText::direction(details.direction));
    if (payload.isEmpty()) {
        m_tree->addRow(top, tr("Close code"),
            tr("none: an empty Close frame (the other side reports %1)")
                .arg(InspectorText::closeCode(CloseCode::NoStatusReceived)));
        return;
    }
    if (payload.size() == 1) {
        m_tree->setAccent(m_tree->addRow(top, tr("Close code"),
                              tr("malformed: a 1-byte close payload (%1)").arg(HexFormat::bytes(payload))),
            InspectorPalette::Role::Bad);
        return;
    }
    const ClosePayload close = ClosePayload::parse(payload);
    const quint16 code = close.code.value_or(0);
    QStandardItem *codeRow = m_tree->addRow(top, tr("Close code"), InspectorText::closeCode(code));
    if (!CloseCodes::isValidOnWire(code)) {
        m_tree->setAccent(codeRow, InspectorPalette::Role::Bad);
        m_tree->addRow(codeRow, tr("Valid on the wire"),
            tr("No: RFC 6455 §7.4.1 does not allow this code in a Close frame"));
    }
    m_tree->addRow(top, tr("Meaning"), CloseCodes::meaning(code));
    m_tree->addRow(
        top, tr("Reason"), close.reason.isEmpty() ? tr("(none)") : InspectorText::bytesAsText(close.reason));
    if (!close.reason.isEmpty() && !Utf8Validator::isValid(close.reason)) {
        m_tree->setAccent(m_tree->addRow(top, tr("Reason encoding"), tr("Not valid UTF-8 (RFC 6455 §5.5.1)")),
            InspectorPalette::Role::Bad);
    }
}

} // namespace Frameline
