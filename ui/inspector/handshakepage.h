#pragma once

#include "app/session/entrydetails.h"

#include <QtWidgets/QWidget>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QStackedWidget;
class QStandardItem;

namespace Frameline {

class HttpHighlighter;
class PropertyTree;

// The inspector's Handshake page: the opening handshake of the selected entry's connection (or of the
// selected handshake notice): the raw request and response with their header names highlighted, the
// Sec-WebSocket-Accept check computed here from the request's key, the negotiated subprotocol and
// extensions, the phase timings, and for wss the TLS protocol, cipher, verification and certificate chain.
//
// Owned by InspectorWidget; GUI thread.
class HandshakePage : public QWidget
{
    Q_OBJECT
public:
    // RFC 6455 §4.2.2 item 5.4 / §4.1 item 4 of the client's checks: the response's Sec-WebSocket-Accept
    // must be base64(SHA-1(key + GUID)) for the request's Sec-WebSocket-Key.
    struct AcceptCheck
    {
        enum class Result : quint8 { Match, Mismatch, Missing, NoKey };
        Result result = Result::NoKey;
        QByteArray key;
        QByteArray expected;
        QByteArray actual;
    };
    static AcceptCheck checkAccept(const HttpMessage &request, const HttpMessage &response);

    explicit HandshakePage(QWidget *parent = nullptr);

    void setDetails(const EntryDetails &details);
    bool hasContent() const;

    PropertyTree *tree() const { return m_tree; }
    QPlainTextEdit *requestView() const { return m_request; }
    QPlainTextEdit *responseView() const { return m_response; }
    QSplitter *splitter() const { return m_splitter; }
    QSplitter *rawSplitter() const { return m_rawSplitter; }

    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void addHandshake(const HandshakeRecord &record);
    void addTls(const TlsRecord &tls);

    EntryDetails m_details;
    std::shared_ptr<const HandshakeRecord> m_record;
    std::shared_ptr<const TlsRecord> m_tls;
    bool m_built = false; // the page shows m_record and m_tls
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QSplitter *m_splitter;
    QSplitter *m_rawSplitter;
    PropertyTree *m_tree;
    QLabel *m_requestLabel;
    QLabel *m_responseLabel;
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_response;
    HttpHighlighter *m_requestHighlighter;
    HttpHighlighter *m_responseHighlighter;
};

} // namespace Frameline
