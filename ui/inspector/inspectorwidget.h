#pragma once

#include "app/session/entrydetails.h"

#include <QtWidgets/QWidget>

class QTabWidget;

namespace Frameline {

class ClosePage;
class HandshakePage;
class HeaderPage;
class PayloadPage;

// The inspector: everything about the selected timeline entry (a frame, a message or a notice) on four
// pages: Header (fields, bits, violations), Payload (text, JSON, hex; copy and save), Handshake (the
// connection's opening handshake and TLS) and Close (how the connection ended, or what a Close frame
// says). It shows a plain EntryDetails value, so it never touches the store.
//
// Selecting a handshake or TLS notice turns to the Handshake page, a "closed" notice to the Close page;
// frames and messages return to the page the user chose last.
//
// Owned by the workspace; GUI thread.
class InspectorWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Page { Header, Payload, Handshake, Close };

    explicit InspectorWidget(QWidget *parent = nullptr);
    ~InspectorWidget() override;

    // Kind::None clears every page.
    void showDetails(const EntryDetails &details);
    const EntryDetails &details() const { return m_details; }

    void setCurrentPage(Page page);
    Page currentPage() const;

    // Splitters, column widths, the chosen page and payload view.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);

    HeaderPage *headerPage() const { return m_headerPage; }
    PayloadPage *payloadPage() const { return m_payloadPage; }
    HandshakePage *handshakePage() const { return m_handshakePage; }
    ClosePage *closePage() const { return m_closePage; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    Page pageFor(const EntryDetails &details) const;

    EntryDetails m_details;
    Page m_chosenPage = Page::Header; // the page the user picked last
    QTabWidget *m_tabs;
    HeaderPage *m_headerPage;
    PayloadPage *m_payloadPage;
    HandshakePage *m_handshakePage;
    ClosePage *m_closePage;
};

} // namespace Frameline
