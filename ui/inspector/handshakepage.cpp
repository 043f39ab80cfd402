#include "ui/inspector/handshakepage.h"

#include "app/protocol/handshake.h"
#include "ui/inspector/httphighlighter.h"
#include "ui/inspector/inspectortext.h"
#include "ui/inspector/propertytree.h"

#include <QtCore/QDateTime>
#include <QtCore/QEvent>
#include <QtGui/QFontDatabase>
#include <QtGui/QStandardItem>
#include <QtNetwork/QSslCertificate>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

namespace {

// The parsed message, or, for a record that kept only the bytes, what the parser makes of them.
HttpMessage messageOf(const HttpMessage &message, const QByteArray &bytes, HttpMessage::Kind kind)
{
    const bool empty = message.fields().isEmpty() && message.method().isEmpty() && message.statusCode() == 0;
    if (!empty || bytes.isEmpty())
        return message;
    HttpMessage::Parser parser(kind);
    parser.feed(bytes);
    return parser.message();
}

QByteArray bytesOf(const HttpMessage &message, const QByteArray &bytes)
{
    if (!bytes.isEmpty())
        return bytes;
    if (!message.rawHead().isEmpty())
        return message.rawHead() + message.body();
    if (message.fields().isEmpty() && message.method().isEmpty() && message.statusCode() == 0)
        return QByteArray();
    return message.serialize();
}

// Shown with LF line ends; the exact bytes (CRLF or not) are what the parser warnings talk about.
QString displayText(const QByteArray &bytes)
{
    QByteArray text = bytes;
    text.replace("\r\n", "\n");
    return QString::fromUtf8(text);
}

QString distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    static const std::pair<QSslCertificate::SubjectInfo, const char *> parts[] = {
        { QSslCertificate::CommonName, "CN" },
        { QSslCertificate::OrganizationalUnitName, "OU" },
        { QSslCertificate::Organization, "O" },
        { QSslCertificate::LocalityName, "L" },
        { QSslCertificate::StateOrProvinceName, "ST" },
        { QSslCertificate::CountryName, "C" },
    };
    QStringList out;
    for (const auto &[info, name] : parts) {
        const QStringList values = issuer ? certificate.issuerInfo(info) : certificate.subjectInfo(info);
        for (const QString &value : values)
            out << QLatin1String(name) + QLatin1Char('=') + value;
    }
    return out.join(QStringLiteral(", "));
}

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace

HandshakePage::AcceptCheck HandshakePage::checkAccept(const HttpMessage &request, const HttpMessage &response)
{
    AcceptCheck check;
    check.key = request.combinedValue("Sec-WebSocket-Key").trimmed();
    check.actual = response.combinedValue("Sec-WebSocket-Accept").trimmed();
    if (check.key.isEmpty()) {
        check.result = AcceptCheck::Result::NoKey;
        return check;
    }
    check.expected = Handshake::acceptFor(check.key);
    if (!response.hasField("Sec-WebSocket-Accept"))
        check.result = AcceptCheck::Result::Missing;
    else
        check.result
            = check.actual == check.expected ? AcceptCheck::Result::Match : AcceptCheck::Result::Mismatch;
    return check;
}

HandshakePage::HandshakePage(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(m_stack))
    , m_splitter(new QSplitter(Qt::Vertical, m_stack))
    , m_rawSplitter(new QSplitter(Qt::Horizontal, m_splitter))
    , m_tree(new PropertyTree(false, m_splitter))
    , m_requestLabel(new QLabel)
    , m_responseLabel(new QLabel)
    , m_request(new QPlainTextEdit)
    , m_response(new QPlainTextEdit)
    , m_requestHighlighter(new HttpHighlighter(m_request->document(), palette()))
    , m_responseHighlighter(new HttpHighlighter(m_response->document(), palette()))
{
    m_placeholder->setObjectName(QStringLiteral("handshakePlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_splitter->setObjectName(QStringLiteral("handshakeSplitter"));
    m_rawSplitter->setObjectName(QStringLiteral("handshakeRawSplitter"));
    m_tree->setObjectName(QStringLiteral("handshakeTree"));
    m_request->setObjectName(QStringLiteral("handshakeRequest"));
    m_response->setObjectName(QStringLiteral("handshakeResponse"));

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const auto makeRawPane = [&](QLabel *label, QPlainTextEdit *edit) {
        auto *pane = new QWidget(m_rawSplitter);
        auto *layout = new QVBoxLayout(pane);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        label->setParent(pane);
        edit->setParent(pane);
        edit->setReadOnly(true);
        edit->setFont(fixed);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        layout->addWidget(label);
        layout->addWidget(edit);
        m_rawSplitter->addWidget(pane);
    };
    makeRawPane(m_requestLabel, m_request);
    makeRawPane(m_responseLabel, m_response);

    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_rawSplitter);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_splitter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    retranslateUi();
}

bool HandshakePage::hasContent() const
{
    return m_record || m_tls;
}

void HandshakePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_requestHighlighter->setPalette(palette());
        m_responseHighlighter->setPalette(palette());
    }
}

void HandshakePage::retranslateUi()
{
    m_placeholder->setText(tr("No opening handshake is known for this connection."));
    m_requestLabel->setText(tr("Request"));
    m_responseLabel->setText(tr("Response"));
    if (m_built)
        rebuild();
}

void HandshakePage::setDetails(const EntryDetails &details)
{
    m_details = details;
    auto record = details.kind == EntryDetails::Kind::Notice && details.notice.handshake
        ? details.notice.handshake
        : details.connectionHandshake;
    auto tls = details.kind == EntryDetails::Kind::Notice && details.notice.tls ? details.notice.tls
                                                                                : details.connectionTls;
    // Rows of one connection share its records: moving between them leaves the page as it is.
    if (record == m_record && tls == m_tls && m_built)
        return;
    m_record = std::move(record);
    m_tls = std::move(tls);
    rebuild();
}

void HandshakePage::rebuild()
{
    m_built = true;
    m_tree->clearRows();
    m_tree->retranslateHeader();
    m_request->clear();
    m_response->clear();
    if (!hasContent()) {
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }
    m_stack->setCurrentWidget(m_splitter);
    if (m_record)
        addHandshake(*m_record);
    if (m_tls)
        addTls(*m_tls);
    m_tree->expandAll();
    // Certificates are many rows each: their details stay folded until asked for.
    if (QStandardItem *chain = m_tree->row({ tr("TLS"), tr("Certificate chain") })) {
        for (int i = 0; i < chain->rowCount(); ++i)
            m_tree->setRowExpanded(chain->child(i), false);
    }
}

void HandshakePage::addHandshake(const HandshakeRecord &record)
{
    const HttpMessage request = messageOf(record.request, record.requestBytes, HttpMessage::Kind::Request);
    const HttpMessage response
        = messageOf(record.response, record.responseBytes, HttpMessage::Kind::Response);
    const QByteArray requestBytes = bytesOf(record.request, record.requestBytes);
    const QByteArray responseBytes = bytesOf(record.response, record.responseBytes);
    m_request->setPlainText(requestBytes.isEmpty() ? QString() : displayText(requestBytes));
    m_response->setPlainText(responseBytes.isEmpty() ? tr("(no response)") : displayText(responseBytes));
    m_requestLabel->setText(tr("Request (%1)").arg(InspectorText::byteCount(requestBytes.size())));
    m_responseLabel->setText(responseBytes.isEmpty()
            ? tr("Response")
            : tr("Response (%1)").arg(InspectorText::byteCount(responseBytes.size())));

    QStandardItem *top = m_tree->addRow(nullptr, tr("Opening handshake"),
        record.accepted ? tr("Accepted") : (record.error.isEmpty() ? tr("Not accepted") : tr("Failed")));
    m_tree->setAccent(top, record.accepted ? InspectorPalette::Role::Good : InspectorPalette::Role::Bad);
    if (!record.url.isEmpty())
        m_tree->addRow(top, tr("URL"), record.url);
    if (!record.peerAddress.isEmpty())
        m_tree->addRow(top, tr("Peer"), QStringLiteral("%1:%2").arg(record.peerAddress).arg(record.peerPort));
    if (response.statusCode() != 0)
        m_tree->addRow(top, tr("Status"), response.statusText());
    if (!record.error.isEmpty()) {
        QStandardItem *error = m_tree->addRow(top, tr("Error"), record.error);
        m_tree->setAccent(error, InspectorPalette::Role::Bad);
    }

    const AcceptCheck check = checkAccept(request, response);
    QString acceptText;
    InspectorPalette::Role acceptRole = InspectorPalette::Role::Bad;
    switch (check.result) {
    case AcceptCheck::Result::Match:
        acceptText = tr("Match: %1").arg(QString::fromLatin1(check.actual));
        acceptRole = InspectorPalette::Role::Good;
        break;
    case AcceptCheck::Result::Mismatch:
        acceptText
            = tr("Mismatch: the response has %1, the key requires %2")
                  .arg(HttpMessage::quotedForDisplay(check.actual), QString::fromLatin1(check.expected));
        break;
    case AcceptCheck::Result::Missing:
        acceptText = response.statusCode() == 101 || response.statusCode() == 0
            ? tr("Missing: the response has no Sec-WebSocket-Accept (expected %1)")
                  .arg(QString::fromLatin1(check.expected))
            : tr("Not sent: the server did not accept the upgrade (expected %1)")
                  .arg(QString::fromLatin1(check.expected));
        break;
    case AcceptCheck::Result::NoKey:
        acceptText = tr("Cannot check: the request has no Sec-WebSocket-Key");
        acceptRole = InspectorPalette::Role::Muted;
        break;
    }
    QStandardItem *accept = m_tree->addRow(top, QStringLiteral("Sec-WebSocket-Accept"), acceptText);
    m_tree->setAccent(accept, acceptRole);
    if (!check.key.isEmpty()) {
        m_tree->addRow(accept, QStringLiteral("Sec-WebSocket-Key"), QString::fromLatin1(check.key));
        m_tree->addRow(accept, tr("Expected"), QString::fromLatin1(check.expected));
        if (response.hasField("Sec-WebSocket-Accept"))
            m_tree->addRow(accept, tr("Received"), HttpMessage::quotedForDisplay(check.actual));
    }

    const QList<QByteArray> offeredProtocols = request.listElements("Sec-WebSocket-Protocol");
    QByteArray subprotocol = record.subprotocol;
    if (subprotocol.isEmpty())
        subprotocol = response.combinedValue("Sec-WebSocket-Protocol");
    QStandardItem *protocolRow = m_tree->addRow(
        top, tr("Subprotocol"), subprotocol.isEmpty() ? tr("none") : QString::fromUtf8(subprotocol));
    if (!offeredProtocols.isEmpty()) {
        QStringList offered;
        for (const QByteArray &p : offeredProtocols)
            offered << QString::fromUtf8(p);
        m_tree->addRow(protocolRow, tr("Offered"), offered.join(QStringLiteral(", ")));
    }

    const QList<QByteArray> agreed = response.listElements("Sec-WebSocket-Extensions");
    QStandardItem *extensions = m_tree->addRow(top, tr("Extensions"),
        agreed.isEmpty()
            ? (record.deflate ? QString::fromLatin1(record.deflate->toHeaderValue()) : tr("none"))
            : tr("%1 agreed").arg(agreed.size()));
    for (const QByteArray &element : agreed)
        m_tree->addRow(extensions, tr("Agreed"), QString::fromUtf8(element));
    for (const QByteArray &element : request.listElements("Sec-WebSocket-Extensions"))
        m_tree->addRow(extensions, tr("Offered"), QString::fromUtf8(element));

    const PhaseTimings &t = record.timings;
    qint64 total = 0;
    for (const qint64 ns : { t.dnsNs, t.connectNs, t.tlsNs, t.upgradeNs })
        total += qMax<qint64>(0, ns);
    QStandardItem *timings = m_tree->addRow(top, tr("Timings"), InspectorText::duration(total));
    m_tree->addRow(timings, tr("DNS lookup"), InspectorText::duration(t.dnsNs));
    m_tree->addRow(timings, tr("TCP connect"), InspectorText::duration(t.connectNs));
    m_tree->addRow(timings, tr("TLS handshake"), InspectorText::duration(t.tlsNs));
    m_tree->addRow(timings, tr("HTTP upgrade"), InspectorText::duration(t.upgradeNs));

    const QStringList warnings = request.warnings() + response.warnings();
    if (!warnings.isEmpty()) {
        QStandardItem *notes = m_tree->addRow(top, tr("Parser warnings"), QString::number(warnings.size()));
        m_tree->setAccent(notes, InspectorPalette::Role::Number);
        for (const QString &warning : warnings)
            m_tree->addRow(notes, QString(), warning);
    }
}

void HandshakePage::addTls(const TlsRecord &tls)
{
    QStandardItem *top
        = m_tree->addRow(nullptr, tr("TLS"), tls.protocol.isEmpty() ? tr("unknown protocol") : tls.protocol);
    m_tree->addRow(top, tr("Protocol"), tls.protocol);
    m_tree->addRow(top, tr("Cipher"), tls.cipher);
    if (!tls.serverName.isEmpty())
        m_tree->addRow(top, tr("Server name"), tls.serverName);
    QStandardItem *verified = m_tree->addRow(top, tr("Verified"),
        tls.verified ? tr("Yes: the chain verified against the trusted certificates")
                     : (tls.errorsIgnored ? tr("No: errors were ignored at your request") : tr("No")));
    m_tree->setAccent(verified, tls.verified ? InspectorPalette::Role::Good : InspectorPalette::Role::Bad);
    m_tree->addRow(top, tr("Client certificate sent"), InspectorText::yesNo(tls.clientCertificateSent));
    if (!tls.certificateErrors.isEmpty()) {
        QStandardItem *errors
            = m_tree->addRow(top, tr("Certificate errors"), QString::number(tls.certificateErrors.size()));
        m_tree->setAccent(errors, InspectorPalette::Role::Bad);
        for (const QString &error : tls.certificateErrors)
            m_tree->addRow(errors, QString(), error);
    }
    QStandardItem *chain = m_tree->addRow(top, tr("Certificate chain"),
        tls.peerChain.size() == 1 ? tr("1 certificate") : tr("%1 certificates").arg(tls.peerChain.size()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < tls.peerChain.size(); ++i) {
        const QSslCertificate &certificate = tls.peerChain[i];
        QStandardItem *item
            = m_tree->addRow(chain, tr("Certificate %1").arg(i), certificate.subjectDisplayName());
        const QString subject = distinguishedName(certificate, false);
        const QString issuer = distinguishedName(certificate, true);
        m_tree->addRow(item, tr("Subject"), subject);
        // Qt's isSelfSigned() also wants the key usage to allow signing; a certificate naming itself as
        // its issuer is what a person calls self-signed.
        m_tree->addRow(item, tr("Issuer"),
            certificate.isSelfSigned() || issuer == subject ? tr("%1 (self-signed)").arg(issuer) : issuer);
        QString validity
            = tr("%1 to %2").arg(utcText(certificate.effectiveDate()), utcText(certificate.expiryDate()));
        InspectorPalette::Role validityRole = InspectorPalette::Role::Good;
        if (certificate.expiryDate() < now) {
            validity = tr("%1 (expired)").arg(validity);
            validityRole = InspectorPalette::Role::Bad;
        } else if (certificate.effectiveDate() > now) {
            validity = tr("%1 (not yet valid)").arg(validity);
            validityRole = InspectorPalette::Role::Bad;
        }
        m_tree->setAccent(m_tree->addRow(item, tr("Valid"), validity), validityRole);
        const auto names = certificate.subjectAlternativeNames();
        if (!names.isEmpty()) {
            QStringList list;
            for (auto it = names.cbegin(); it != names.cend(); ++it)
                list << it.value();
            m_tree->addRow(item, tr("Alternative names"), list.join(QStringLiteral(", ")));
        }
        m_tree->addRow(item, tr("Serial number"), QString::fromLatin1(certificate.serialNumber()));
        m_tree->addRow(item, tr("SHA-256 fingerprint"),
            QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':')));
    }
}

} // namespace Frameline
