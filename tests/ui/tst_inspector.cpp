// Widget tests for the inspector: the header tree field by field for real frames (decoded from bytes),
// the payload views (marked invalid UTF-8, pretty JSON and its errors, the hex view's exact lines),
// "copy as" on the clipboard, saving the exact bytes, the handshake page's Sec-WebSocket-Accept check,
// timings and TLS chain, the close page for the codes that matter, page switching and saved state.

#include "app/net/selfsignedcertificate.h"
#include "app/protocol/closecode.h"
#include "app/protocol/handshake.h"
#include "app/protocol/streamdecoder.h"
#include "ui/inspector/closepage.h"
#include "ui/inspector/handshakepage.h"
#include "ui/inspector/headerpage.h"
#include "ui/inspector/hexview.h"
#include "ui/inspector/inspectorpalette.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/inspector/jsonview.h"
#include "ui/inspector/payloadformat.h"
#include "ui/inspector/payloadpage.h"
#include "ui/inspector/propertytree.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QStandardItem>
#include <QtGui/QTextBlock>
#include <QtGui/QTextCursor>
#include <QtGui/QTextDocument>
#include <QtNetwork/QSslCertificate>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTabWidget>

using namespace Frameline;

namespace {

struct Decoded
{
    QList<Frame> frames;
    QList<QByteArray> framePayloads;
    QList<Message> messages;
};

class Collector final : public StreamDecoder::Handler
{
public:
    Decoded decoded;
    void frameDecoded(const Frame &frame) override
    {
        Frame copy = frame;
        decoded.framePayloads << frame.payload.toByteArray();
        copy.payload = {};
        copy.payloadBuffer = nullptr;
        decoded.frames << copy;
    }
    void messageDecoded(const Message &message) override { decoded.messages << message; }
};

Decoded decode(const QByteArray &bytes, Endpoint sender, std::optional<DeflateParameters> deflate = {})
{
    Collector collector;
    StreamDecoder::Options options;
    options.sender = sender;
    options.deflate = deflate;
    StreamDecoder decoder(options, collector);
    decoder.feed(bytes);
    return collector.decoded;
}

QByteArray masked(QByteArrayView payload, const QByteArray &key)
{
    QByteArray out = payload.toByteArray();
    for (qsizetype i = 0; i < out.size(); ++i)
        out[i] = char(out[i] ^ key[i % 4]);
    return out;
}

EntryDetails frameDetails(const Decoded &decoded, int index, Direction direction)
{
    EntryDetails details;
    details.kind = EntryDetails::Kind::Frame;
    details.id = 40 + index;
    details.connectionId = 3;
    details.timestampNs = 2'500'000'000;
    details.connectionStartNs = 1'000'000'000;
    details.direction = direction;
    details.origin = direction == Direction::Outgoing ? FrameOrigin::User : FrameOrigin::Peer;
    details.frame = decoded.frames.at(index);
    details.payload = decoded.framePayloads.at(index);
    details.compressed = details.frame.compressed;
    details.violations = details.frame.violations;
    return details;
}

EntryDetails messageDetails(const QByteArray &payload, quint8 opcode = 0x1)
{
    EntryDetails details;
    details.kind = EntryDetails::Kind::Message;
    details.id = 7;
    details.connectionId = 3;
    details.frame.opcode = opcode;
    details.payload = payload;
    details.wireLength = quint64(payload.size());
    details.frameIds = { 12 };
    return details;
}

QStringList rowTexts(const PropertyTree *tree, const QStringList &path)
{
    const QStandardItem *item = tree->row(path);
    if (!item)
        return { QStringLiteral("<no row %1>").arg(path.join(QLatin1Char('/'))) };
    QStringList texts;
    for (int column = 1; column < tree->model()->columnCount(); ++column)
        texts << tree->text(item, column);
    return texts;
}

QString value(const PropertyTree *tree, const QStringList &path)
{
    const QStandardItem *item = tree->row(path);
    return item ? tree->text(item, PropertyTree::ValueColumn)
                : QStringLiteral("<no row %1>").arg(path.join(QLatin1Char('/')));
}

QByteArray httpHead(const QByteArray &lines)
{
    QByteArray out = lines;
    out.replace("\n", "\r\n");
    return out + "\r\n";
}

HttpMessage parse(const QByteArray &bytes, HttpMessage::Kind kind)
{
    HttpMessage::Parser parser(kind);
    parser.feed(bytes);
    return parser.message();
}

std::shared_ptr<HandshakeRecord> handshakeRecord(const QByteArray &accept)
{
    auto record = std::make_shared<HandshakeRecord>();
    record->url = QStringLiteral("ws://example.com/chat");
    record->peerAddress = QStringLiteral("192.0.2.7");
    record->peerPort = 80;
    // RFC 6455 §1.3's own example key.
    record->requestBytes = httpHead("GET /chat HTTP/1.1\nHost: example.com\nUpgrade: websocket\n"
                                    "Connection: Upgrade\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\n"
                                    "Sec-WebSocket-Protocol: chat, superchat\n"
                                    "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\n"
                                    "Sec-WebSocket-Version: 13");
    record->responseBytes
        = httpHead("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n"
                   "Sec-WebSocket-Accept: "
            + accept
            + "\nSec-WebSocket-Protocol: chat\n"
              "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover");
    record->request = parse(record->requestBytes, HttpMessage::Kind::Request);
    record->response = parse(record->responseBytes, HttpMessage::Kind::Response);
    record->accepted = accept == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    if (!record->accepted)
        record->error = QStringLiteral("Sec-WebSocket-Accept is wrong");
    record->subprotocol = "chat";
    record->timings.dnsNs = -1;
    record->timings.connectNs = 1'250'000;
    record->timings.tlsNs = -1;
    record->timings.upgradeNs = 3'000'000;
    return record;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::ToolTipText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    return p;
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerMaskedClientFrame16();
    void header64BitLength();
    void headerCompressedRsv1();
    void headerViolationNotice();
    void bitStrings();
    void textRuns();
    void textViewMarksInvalidUtf8();
    void textViewCapsHugePayload();
    void jsonPrettyPrint();
    void jsonInvalidShowsError();
    void hexViewLines();
    void hexViewSelectionCopy();
    void hexViewHugePayload();
    void copyAsFormats();
    void savePayload();
    void handshakeAcceptMatch();
    void handshakeAcceptMismatch();
    void handshakeTlsChain();
    void closePage_data();
    void closePage();
    void closeFrame();
    void pageSwitching();
    void saveRestoreState();
    void clearWithNone();
    void languageChange();
    void screenshots();
};

void TestInspector::headerMaskedClientFrame16()
{
    const QByteArray key = QByteArray::fromHex("37fa213d");
    const QByteArray payload(200, 'a');
    const QByteArray bytes = QByteArray::fromHex("81fe00c8") + key + masked(payload, key);
    const Decoded decoded = decode(bytes, Endpoint::Client);
    QCOMPARE(decoded.frames.size(), 1);

    InspectorWidget inspector;
    inspector.showDetails(frameDetails(decoded, 0, Direction::Outgoing));
    const PropertyTree *tree = inspector.headerPage()->tree();
    QAbstractItemModelTester tester(tree->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    QCOMPARE(rowTexts(tree, { QStringLiteral("Frame") }),
        (QStringList { QStringLiteral("#40 · text (0x1)"), QString() }));
    QCOMPARE(value(tree, { QStringLiteral("Frame"), QStringLiteral("Direction") }),
        QStringLiteral("Outgoing (sent by Frameline)"));
    QCOMPARE(value(tree, { QStringLiteral("Frame"), QStringLiteral("Time") }), QStringLiteral("+1.500000 s"));
    QCOMPARE(value(tree, { QStringLiteral("Frame"), QStringLiteral("Position") }),
        QStringLiteral("A whole message"));
    QCOMPARE(rowTexts(tree, { QStringLiteral("Header") }),
        (QStringList { QStringLiteral("8 bytes"), QStringLiteral("81 fe 00 c8 37 fa 21 3d") }));
    const QStringList header { QStringLiteral("Header") };
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Byte 0") }),
        (QStringList { QStringLiteral("0x81"), QStringLiteral("1 0 0 0 0001") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Byte 0"), QStringLiteral("FIN") }),
        (QStringList { QStringLiteral("1 (final fragment of its message)"), QStringLiteral("1") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Byte 0"), QStringLiteral("RSV1") }),
        (QStringList { QStringLiteral("0"), QStringLiteral("0") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Byte 0"), QStringLiteral("Opcode") }),
        (QStringList { QStringLiteral("text (0x1)"), QStringLiteral("0001") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Byte 1") }),
        (QStringList { QStringLiteral("0xfe"), QStringLiteral("1 1111110") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Byte 1"), QStringLiteral("MASK") }),
        (QStringList { QStringLiteral("1 (payload is masked)"), QStringLiteral("1") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Byte 1"), QStringLiteral("Payload len") }),
        (QStringList { QStringLiteral("126 (a 16-bit length follows)"), QStringLiteral("1111110") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Extended payload length") }),
        (QStringList { QStringLiteral("200"), QStringLiteral("00 c8") }));
    QCOMPARE(value(tree, header + QStringList { QStringLiteral("Length form") }), QStringLiteral("16-bit"));
    QCOMPARE(
        value(tree, header + QStringList { QStringLiteral("Payload length") }), QStringLiteral("200 bytes"));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Masking key") }),
        (QStringList { QStringLiteral("37 fa 21 3d"), QStringLiteral("37 fa 21 3d") }));
    QCOMPARE(value(tree, header + QStringList { QStringLiteral("Raw header") }),
        QStringLiteral("81 fe 00 c8 37 fa 21 3d"));
    QCOMPARE(value(tree, { QStringLiteral("Payload") }), QStringLiteral("200 bytes"));
    QVERIFY(!tree->row({ QStringLiteral("Violations") }));

    // The payload page has the unmasked bytes.
    inspector.setCurrentPage(InspectorWidget::Page::Payload);
    QCOMPARE(inspector.payloadPage()->currentView(), PayloadPage::View::Text);
    QCOMPARE(inspector.findChild<QPlainTextEdit *>(QStringLiteral("payloadText"))->toPlainText(),
        QString::fromLatin1(payload));
}

void TestInspector::header64BitLength()
{
    const QByteArray payload(70000, '\x5a');
    const QByteArray bytes = QByteArray::fromHex("827f0000000000011170") + payload;
    const Decoded decoded = decode(bytes, Endpoint::Server);
    QCOMPARE(decoded.frames.size(), 1);

    HeaderPage page;
    page.setDetails(frameDetails(decoded, 0, Direction::Incoming));
    const PropertyTree *tree = page.tree();
    const QStringList header { QStringLiteral("Header") };
    QCOMPARE(rowTexts(tree, header),
        (QStringList { QStringLiteral("10 bytes"), QStringLiteral("82 7f 00 00 00 00 00 01 11 70") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Byte 0") }),
        (QStringList { QStringLiteral("0x82"), QStringLiteral("1 0 0 0 0010") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Byte 0"), QStringLiteral("Opcode") }),
        (QStringList { QStringLiteral("binary (0x2)"), QStringLiteral("0010") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Byte 1") }),
        (QStringList { QStringLiteral("0x7f"), QStringLiteral("0 1111111") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Byte 1"), QStringLiteral("MASK") }),
        (QStringList { QStringLiteral("0 (payload is not masked)"), QStringLiteral("0") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Byte 1"), QStringLiteral("Payload len") }),
        (QStringList { QStringLiteral("127 (a 64-bit length follows)"), QStringLiteral("1111111") }));
    QCOMPARE(rowTexts(tree, header + QStringList { QStringLiteral("Extended payload length") }),
        (QStringList { QStringLiteral("70000"), QStringLiteral("00 00 00 00 00 01 11 70") }));
    QCOMPARE(value(tree, header + QStringList { QStringLiteral("Length form") }), QStringLiteral("64-bit"));
    QCOMPARE(value(tree, header + QStringList { QStringLiteral("Payload length") }),
        QStringLiteral("70000 bytes (68.4 KiB)"));
    QCOMPARE(value(tree, header + QStringList { QStringLiteral("Masking key") }), QStringLiteral("none"));
    QCOMPARE(value(tree, { QStringLiteral("Frame"), QStringLiteral("Direction") }),
        QStringLiteral("Incoming (from the peer)"));
    QVERIFY(!tree->row({ QStringLiteral("Frame"), QStringLiteral("Sent by") }));
}

void TestInspector::headerCompressedRsv1()
{
    // RFC 7692 §7.2.3.1: "Hello" compressed, from a server.
    const QByteArray bytes = QByteArray::fromHex("c107f248cdc9c90700");
    const Decoded decoded = decode(bytes, Endpoint::Server, DeflateParameters {});
    QCOMPARE(decoded.frames.size(), 1);
    QCOMPARE(decoded.messages.size(), 1);
    QVERIFY(decoded.frames[0].compressed);

    InspectorWidget inspector;
    inspector.showDetails(frameDetails(decoded, 0, Direction::Incoming));
    const PropertyTree *tree = inspector.headerPage()->tree();
    const QStringList byte0 { QStringLiteral("Header"), QStringLiteral("Byte 0") };
    QCOMPARE(rowTexts(tree, byte0), (QStringList { QStringLiteral("0xc1"), QStringLiteral("1 1 0 0 0001") }));
    QCOMPARE(rowTexts(tree, byte0 + QStringList { QStringLiteral("RSV1") }),
        (QStringList { QStringLiteral("1 (Per-Message Compressed, RFC 7692)"), QStringLiteral("1") }));
    QCOMPARE(value(tree, { QStringLiteral("Payload") }),
        QStringLiteral("7 bytes, compressed (the message shows it inflated)"));
    // A compressed frame's payload is not text: the hex view shows the bytes on the wire.
    QCOMPARE(inspector.payloadPage()->currentView(), PayloadPage::View::Hex);
    QCOMPARE(inspector.findChild<HexView *>(QStringLiteral("payloadHex"))->data(),
        QByteArray::fromHex("f248cdc9c90700"));

    // The message: inflated and on-the-wire sizes.
    const Message &message = decoded.messages[0];
    EntryDetails details = messageDetails(message.payload);
    details.compressed = message.compressed;
    details.wireLength = message.wireLength;
    details.frame = decoded.frames[0];
    details.frame.opcode = message.opcode;
    inspector.showDetails(details);
    QCOMPARE(value(tree, { QStringLiteral("Message") }), QStringLiteral("#7 · text (0x1)"));
    QCOMPARE(value(tree, { QStringLiteral("Message"), QStringLiteral("Payload length") }),
        QStringLiteral("5 bytes"));
    QCOMPARE(
        value(tree, { QStringLiteral("Message"), QStringLiteral("On the wire") }), QStringLiteral("7 bytes"));
    QCOMPARE(value(tree, { QStringLiteral("Message"), QStringLiteral("Compression") }),
        QStringLiteral("permessage-deflate (RFC 7692), 140.0% of the inflated size"));
    QCOMPARE(
        value(tree, { QStringLiteral("Message"), QStringLiteral("Frames") }), QStringLiteral("1 frame: 12"));
    QCOMPARE(rowTexts(tree,
                 { QStringLiteral("First frame header"), QStringLiteral("Byte 0"), QStringLiteral("RSV1") }),
        (QStringList { QStringLiteral("1 (Per-Message Compressed, RFC 7692)"), QStringLiteral("1") }));
    QCOMPARE(inspector.findChild<QLabel *>(QStringLiteral("payloadInfo"))->text(),
        QStringLiteral("text message, 5 bytes inflated from 7 bytes compressed on the wire"));
    QCOMPARE(inspector.payloadPage()->currentView(), PayloadPage::View::Text);
    QCOMPARE(inspector.findChild<QPlainTextEdit *>(QStringLiteral("payloadText"))->toPlainText(),
        QStringLiteral("Hello"));
}

void TestInspector::headerViolationNotice()
{
    // A server frame with the MASK bit set: RFC 6455 §5.1, close with 1002.
    const QByteArray bytes = QByteArray::fromHex("8182") + QByteArray::fromHex("01020304")
        + masked("hi", QByteArray::fromHex("01020304"));
    const Decoded decoded = decode(bytes, Endpoint::Server);
    QCOMPARE(decoded.frames.size(), 1);
    QCOMPARE(decoded.frames[0].violations.size(), 1);

    InspectorWidget inspector;
    inspector.showDetails(frameDetails(decoded, 0, Direction::Incoming));
    const PropertyTree *tree = inspector.headerPage()->tree();
    QCOMPARE(value(tree, { QStringLiteral("Violations") }), QStringLiteral("1"));
    const QStringList violation { QStringLiteral("Violations"), QStringLiteral("RFC 6455 §5.1") };
    QCOMPARE(value(tree, violation), decoded.frames[0].violations[0].message);
    QCOMPARE(value(tree, violation + QStringList { QStringLiteral("Rule") }),
        QStringLiteral("masked-server-frame"));
    QCOMPARE(value(tree, violation + QStringList { QStringLiteral("Close code") }),
        QStringLiteral("1002 Protocol Error"));

    EntryDetails notice;
    notice.kind = EntryDetails::Kind::Notice;
    notice.id = 9;
    notice.notice.kind = ConnectionNotice::Kind::Violation;
    notice.notice.violation = decoded.frames[0].violations[0];
    notice.notice.text = QStringLiteral("Closed the connection with 1002");
    inspector.showDetails(notice);
    QAbstractItemModelTester tester(tree->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(value(tree, { QStringLiteral("Notice") }), QStringLiteral("#9 · Protocol violation"));
    QCOMPARE(value(tree, { QStringLiteral("Notice"), QStringLiteral("Text") }),
        QStringLiteral("Closed the connection with 1002"));
    QCOMPARE(value(tree, { QStringLiteral("Violation"), QStringLiteral("RFC section") }),
        QStringLiteral("RFC 6455 §5.1"));
    QCOMPARE(value(tree, { QStringLiteral("Violation"), QStringLiteral("Close code") }),
        QStringLiteral("1002 Protocol Error"));
    QCOMPARE(value(tree, { QStringLiteral("Violation"), QStringLiteral("Severity") }),
        QStringLiteral("Fatal: a compliant endpoint closes with 1002"));
    QCOMPARE(inspector.currentPage(), InspectorWidget::Page::Header);
}

void TestInspector::bitStrings()
{
    QCOMPARE(HeaderPage::firstByteBits(0x81), QStringLiteral("1 0 0 0 0001"));
    QCOMPARE(HeaderPage::firstByteBits(0x4A), QStringLiteral("0 1 0 0 1010"));
    QCOMPARE(HeaderPage::firstByteBits(0x3F), QStringLiteral("0 0 1 1 1111"));
    QCOMPARE(HeaderPage::secondByteBits(0x85), QStringLiteral("1 0000101"));
    QCOMPARE(HeaderPage::secondByteBits(0x7E), QStringLiteral("0 1111110"));
}

void TestInspector::textRuns()
{
    using Kind = PayloadFormat::TextRun::Kind;
    // "a", a stray continuation byte, "é", an overlong "/" (C0 AF), a cut 3-byte sequence, a NUL, "z".
    const QByteArray bytes = QByteArray("a\x80\xc3\xa9\xc0\xaf\xe2\x82", 8) + QByteArray("\x00z", 2);
    const QList<PayloadFormat::TextRun> runs = PayloadFormat::textRuns(bytes);
    QCOMPARE(runs.size(), 6);
    QCOMPARE(runs[0].kind, Kind::Text);
    QCOMPARE(runs[0].text, QStringLiteral("a"));
    QCOMPARE(runs[1].kind, Kind::InvalidByte);
    QCOMPARE(runs[1].text, QStringLiteral("\\x80"));
    QCOMPARE(runs[2].kind, Kind::Text);
    QCOMPARE(runs[2].text, QStringLiteral("é"));
    QCOMPARE(runs[3].kind, Kind::InvalidByte);
    QCOMPARE(runs[3].text, QStringLiteral("\\xC0\\xAF\\xE2\\x82"));
    QCOMPARE(runs[3].byteOffset, 4);
    QCOMPARE(runs[3].byteLength, 4);
    QCOMPARE(runs[4].kind, Kind::Control);
    QCOMPARE(runs[4].text, QStringLiteral("\\x00"));
    QCOMPARE(runs[5].text, QStringLiteral("z"));
    // Surrogates (ED A0 80) and code points above U+10FFFF (F4 90 80 80) are not UTF-8.
    QCOMPARE(PayloadFormat::utf8SequenceLength(QByteArray("\xed\xa0\x80"), 0), 0);
    QCOMPARE(PayloadFormat::utf8SequenceLength(QByteArray("\xf4\x90\x80\x80"), 0), 0);
    QCOMPARE(PayloadFormat::utf8SequenceLength(QByteArray("\xf0\x9f\x98\x80"), 0), 4);
}

void TestInspector::textViewMarksInvalidUtf8()
{
    InspectorWidget inspector;
    inspector.show();
    inspector.setCurrentPage(InspectorWidget::Page::Payload);
    inspector.showDetails(messageDetails(QByteArray("ok \xff\xfe end")));
    QCOMPARE(inspector.payloadPage()->currentView(), PayloadPage::View::Text);
    auto *text = inspector.findChild<QPlainTextEdit *>(QStringLiteral("payloadText"));
    QCOMPARE(text->toPlainText(), QStringLiteral("ok \\xFF\\xFE end"));
    QVERIFY(inspector.findChild<QLabel *>(QStringLiteral("payloadInfo"))
                ->text()
                .contains(QStringLiteral("Not valid UTF-8")));

    // The marked bytes have the mark background; the text around them has none.
    const QColor mark = InspectorPalette::markBackground(text->palette());
    const QTextBlock block = text->document()->firstBlock();
    int markedCharacters = 0;
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        const QString piece = block.text().mid(range.start, range.length);
        if (range.format.background().color() == mark && range.format.background().style() != Qt::NoBrush) {
            QCOMPARE(piece, QStringLiteral("\\xFF\\xFE"));
            markedCharacters += range.length;
        } else {
            QCOMPARE(range.format.background().style(), Qt::NoBrush);
        }
    }
    QCOMPARE(markedCharacters, 8);
    QVERIFY(mark != text->palette().color(QPalette::Base));

    // Marks after CR LF line breaks land on the right characters.
    inspector.showDetails(messageDetails(QByteArray("line 1\r\nline 2 \xc0\r\nend")));
    QCOMPARE(text->toPlainText(), QStringLiteral("line 1\nline 2 \\xC0\nend"));
    const QTextBlock second = text->document()->findBlockByNumber(1);
    QCOMPARE(second.text(), QStringLiteral("line 2 \\xC0"));
    const QList<QTextLayout::FormatRange> secondFormats = second.layout()->formats();
    QCOMPARE(secondFormats.size(), 1);
    QCOMPARE(secondFormats[0].start, 7);
    QCOMPARE(secondFormats[0].length, 4);
}

void TestInspector::textViewCapsHugePayload()
{
    // 3 MiB of text: the text view shows the first 256 KiB and says so; the hex view has every byte.
    // Lines of log-like text.
    QByteArray payload;
    payload.reserve(3 * 1024 * 1024);
    for (int line = 0; payload.size() < 3 * 1024 * 1024; ++line)
        payload += "line " + QByteArray::number(line) + ": the quick brown fox jumps over the lazy dog\n";
    payload.truncate(3 * 1024 * 1024);
    payload[PayloadPage::TextLimit - 1] = '\xc3'; // a character cut by the limit is not shown as broken
    payload[PayloadPage::TextLimit] = '\xa9';
    PayloadPage page;
    QElapsedTimer timer;
    timer.start();
    page.setDetails(messageDetails(payload));
    auto *text = page.findChild<QPlainTextEdit *>(QStringLiteral("payloadText"));
    QCOMPARE(text->toPlainText().toUtf8(), payload.first(PayloadPage::TextLimit - 1));
    QVERIFY(!text->toPlainText().contains(QStringLiteral("\\x")));
    auto *note = page.findChild<QLabel *>(QStringLiteral("payloadTextNote"));
    QCOMPARE(note->text(),
        QStringLiteral("Showing the first 262143 bytes (256.0 KiB) of 3145728 bytes (3.00 MiB). "
                       "The Hex view and Save Payload… have every byte."));
    page.setCurrentView(PayloadPage::View::Hex);
    QCOMPARE(page.findChild<HexView *>(QStringLiteral("payloadHex"))->data().size(), payload.size());
    qDebug() << "3 MiB payload shown in" << timer.elapsed() << "ms";

    // The worst case for the text view: valid and invalid bytes alternating at random, a marked stretch
    // every other byte. The view stops after MarkedRunLimit marked stretches.
    QByteArray noise(2 * PayloadPage::TextLimit, '\0');
    quint32 state = 1;
    for (char &c : noise) {
        state = state * 1664525u + 1013904223u;
        c = (state >> 31) ? char(0xff) : char('a' + (state >> 24) % 26);
    }
    page.setCurrentView(PayloadPage::View::Text);
    timer.restart();
    page.setDetails(messageDetails(noise, 0x1));
    QCOMPARE(page.currentView(), PayloadPage::View::Text);
    QCOMPARE(text->toPlainText().count(QStringLiteral("\\xFF")) > 0, true);
    qsizetype markedStretches = 0;
    for (const QTextLayout::FormatRange &range : text->document()->firstBlock().layout()->formats())
        markedStretches += range.format.background().style() != Qt::NoBrush ? 1 : 0;
    QCOMPARE(markedStretches, PayloadPage::MarkedRunLimit);
    QVERIFY(note->isVisibleTo(&page));
    qDebug() << "512 KiB of noise in the text view in" << timer.elapsed() << "ms";
}

void TestInspector::jsonPrettyPrint()
{
    const QByteArray json = R"({"b":1,"a":[true,null,{"x":"y\"z"}],"e":{},"n":-1.50e3})";
    QCOMPARE(PayloadFormat::prettyJson(json),
        QByteArray("{\n"
                   "  \"b\": 1,\n"
                   "  \"a\": [\n"
                   "    true,\n"
                   "    null,\n"
                   "    {\n"
                   "      \"x\": \"y\\\"z\"\n"
                   "    }\n"
                   "  ],\n"
                   "  \"e\": {},\n"
                   "  \"n\": -1.50e3\n"
                   "}"));

    InspectorWidget inspector;
    inspector.show();
    inspector.setCurrentPage(InspectorWidget::Page::Payload);
    inspector.showDetails(messageDetails(json));
    // Valid JSON text is shown in the JSON view without being asked.
    QCOMPARE(inspector.payloadPage()->currentView(), PayloadPage::View::Json);
    auto *view = inspector.findChild<JsonView *>(QStringLiteral("payloadJson"));
    QCOMPARE(view->text(), QString::fromUtf8(PayloadFormat::prettyJson(json)));
    QVERIFY(inspector.findChild<QLabel *>(QStringLiteral("jsonError"))->isHidden());
    QCOMPARE(view->foldLevelCount(), 3); // the object, the array, the inner object

    // A text message that is not JSON stays in the text view; binary goes to hex.
    inspector.showDetails(messageDetails("plain words"));
    QCOMPARE(inspector.payloadPage()->currentView(), PayloadPage::View::Text);
    inspector.showDetails(messageDetails(QByteArray::fromHex("00ff10"), 0x2));
    QCOMPARE(inspector.payloadPage()->currentView(), PayloadPage::View::Hex);
    inspector.showDetails(messageDetails(json));
    QCOMPARE(inspector.payloadPage()->currentView(), PayloadPage::View::Json);
}

void TestInspector::jsonInvalidShowsError()
{
    const QByteArray broken = "{\n  \"a\": 1,\n  \"b\": ]\n}";
    const PayloadFormat::JsonReading reading = PayloadFormat::readJson(broken);
    QVERIFY(!reading.valid);
    // Qt's parser stops just after the "]" that cannot start a value.
    QCOMPARE(reading.errorOffset, 20);
    QCOMPARE(reading.errorLine, 3);
    QCOMPARE(reading.errorColumn, 9);

    PayloadPage page;
    page.show();
    page.setDetails(messageDetails(broken));
    QCOMPARE(page.currentView(), PayloadPage::View::Text); // not JSON: not chosen
    page.setCurrentView(PayloadPage::View::Json);
    auto *error = page.findChild<QLabel *>(QStringLiteral("jsonError"));
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(),
        QStringLiteral("Not valid JSON: %1 at byte 20 (line 3, column 9).").arg(reading.error));
    QCOMPARE(page.findChild<JsonView *>(QStringLiteral("payloadJson"))->text(), QString::fromUtf8(broken));
    // The user picked JSON: it stays picked for the next valid JSON, and falls back to text otherwise.
    page.setDetails(messageDetails("[1,2]"));
    QCOMPARE(page.currentView(), PayloadPage::View::Json);
    QVERIFY(error->isHidden());
    page.setDetails(messageDetails("hello"));
    QCOMPARE(page.currentView(), PayloadPage::View::Text);
}

void TestInspector::hexViewLines()
{
    HexView view;
    const QByteArray bytes = QByteArray("Hello, WebSocket\x00\x01\xff\x7f world", 26);
    view.setData(bytes);
    QCOMPARE(view.lineCount(), 2);
    QCOMPARE(view.lineText(0),
        QStringLiteral("00000000  48 65 6c 6c 6f 2c 20 57  65 62 53 6f 63 6b 65 74  Hello, WebSocket"));
    QCOMPARE(view.lineText(1),
        QStringLiteral("00000010  00 01 ff 7f 20 77 6f 72  6c 64                    .... world"));
    QCOMPARE(view.lineText(2), QString());
}

void TestInspector::hexViewSelectionCopy()
{
    HexView view;
    view.resize(700, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setData(QByteArray("Hello, WebSocket\x00\x01\xff\x7f world", 26));

    view.setSelection(14, 6, HexView::Column::Hex);
    QCOMPARE(view.selectedBytes(), QByteArray("et\x00\x01\xff\x7f", 6));
    view.copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("65 74 00 01 ff 7f"));
    view.setSelection(0, 5, HexView::Column::Ascii);
    view.copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Hello"));

    // A drag over the hex column selects the bytes under it.
    const QFontMetricsF metrics(view.font());
    const qreal charWidth = metrics.horizontalAdvance(QLatin1Char('0'));
    const int y = int(metrics.height() / 2);
    const auto hexX
        = [&](int byte) { return int(4 + (8 + 2 + byte * 3 + (byte >= 8 ? 1 : 0) + 0.5) * charWidth); };
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, QPoint(hexX(2), y));
    QTest::mouseMove(view.viewport(), QPoint(hexX(4), y));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, QPoint(hexX(4), y));
    QCOMPARE(view.selectionStart(), 2);
    QCOMPARE(view.selectionLength(), 3);
    QTest::keySequence(&view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("6c 6c 6f"));
    QTest::keySequence(&view, QKeySequence::SelectAll);
    QCOMPARE(view.selectionLength(), 26);
}

void TestInspector::hexViewHugePayload()
{
    // 64 MiB: only the visible lines are formatted, so showing, scrolling to the end and painting are
    // immediate (timed for information, not asserted).
    QByteArray payload(64 * 1024 * 1024, '\0');
    for (qsizetype i = 0; i < payload.size(); i += 4096)
        payload[i] = char(i / 4096);
    HexView view;
    view.resize(700, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer timer;
    timer.start();
    view.setData(payload);
    view.scrollToOffset(payload.size() - 1);
    const QImage image = view.grab().toImage();
    qDebug() << "64 MiB: set, scrolled to the end and painted in" << timer.elapsed() << "ms";
    QVERIFY(!image.isNull());
    QCOMPARE(view.lineCount(), 4 * 1024 * 1024);
    QVERIFY(view.firstVisibleLine() > 4 * 1024 * 1024 - 40);
    QCOMPARE(view.lineText(view.lineCount() - 1),
        QStringLiteral("03fffff0  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  ................"));
    QCOMPARE(view.lineText(256),
        QStringLiteral("00001000  01 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  ................"));
}

void TestInspector::copyAsFormats()
{
    InspectorWidget inspector;
    PayloadPage *page = inspector.payloadPage();
    inspector.showDetails(messageDetails("Hello"));
    QClipboard *clipboard = QGuiApplication::clipboard();
    page->copyAsTextAction()->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("Hello"));
    page->copyAsHexAction()->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("48 65 6c 6c 6f"));
    page->copyAsBase64Action()->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("SGVsbG8="));
    page->copyAsJsonAction()->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("\"Hello\""));

    inspector.showDetails(messageDetails(R"({"k":[1,"a\nb"]})"));
    page->copyAsJsonAction()->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("{\n  \"k\": [\n    1,\n    \"a\\nb\"\n  ]\n}"));
    page->copyAsTextAction()->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral(R"({"k":[1,"a\nb"]})"));

    // Binary that is not UTF-8: no JSON form; text replaces the bad bytes.
    inspector.showDetails(messageDetails(QByteArray::fromHex("41ff00"), 0x2));
    QVERIFY(!page->copyAsJsonAction()->isEnabled());
    page->copyAsHexAction()->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("41 ff 00"));
    page->copyAsBase64Action()->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("Qf8A"));
    page->copyAsTextAction()->trigger();
    QCOMPARE(clipboard->text(), QString(QStringLiteral("A") + QChar(0xFFFD) + QChar(0)));

    // A notice has no payload: nothing to copy.
    EntryDetails notice;
    notice.kind = EntryDetails::Kind::Notice;
    inspector.showDetails(notice);
    QVERIFY(!page->copyAsTextAction()->isEnabled());
    QVERIFY(!page->savePayloadAction()->isEnabled());
}

void TestInspector::savePayload()
{
    QByteArray payload;
    for (int i = 0; i < 256 * 5; ++i)
        payload.append(char(i));
    PayloadPage page;
    page.setDetails(messageDetails(payload, 0x2));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("payload.bin"));
    QString error;
    QVERIFY(page.savePayloadTo(fileName, &error));
    QVERIFY(error.isEmpty());
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), payload);
    QVERIFY(!page.savePayloadTo(dir.filePath(QStringLiteral("missing/folder/x.bin")), &error));
    QVERIFY(!error.isEmpty());
}

void TestInspector::handshakeAcceptMatch()
{
    EntryDetails details = messageDetails("hi");
    details.connectionHandshake = handshakeRecord("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    InspectorWidget inspector;
    inspector.showDetails(details);
    inspector.setCurrentPage(InspectorWidget::Page::Handshake);
    const PropertyTree *tree = inspector.handshakePage()->tree();
    QAbstractItemModelTester tester(tree->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QStringList top { QStringLiteral("Opening handshake") };
    QCOMPARE(value(tree, top), QStringLiteral("Accepted"));
    QCOMPARE(
        value(tree, top + QStringList { QStringLiteral("URL") }), QStringLiteral("ws://example.com/chat"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Peer") }), QStringLiteral("192.0.2.7:80"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Status") }),
        QStringLiteral("101 Switching Protocols"));
    const QStringList accept = top + QStringList { QStringLiteral("Sec-WebSocket-Accept") };
    QCOMPARE(value(tree, accept), QStringLiteral("Match: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(value(tree, accept + QStringList { QStringLiteral("Sec-WebSocket-Key") }),
        QStringLiteral("dGhlIHNhbXBsZSBub25jZQ=="));
    QCOMPARE(value(tree, accept + QStringList { QStringLiteral("Expected") }),
        QStringLiteral("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(tree->cell(tree->row(accept), PropertyTree::ValueColumn)->foreground().color(),
        InspectorPalette::color(tree->palette(), InspectorPalette::Role::Good));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Subprotocol") }), QStringLiteral("chat"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Subprotocol"), QStringLiteral("Offered") }),
        QStringLiteral("chat, superchat"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Extensions") }), QStringLiteral("1 agreed"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Extensions"), QStringLiteral("Agreed") }),
        QStringLiteral("permessage-deflate; server_no_context_takeover"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Extensions"), QStringLiteral("Offered") }),
        QStringLiteral("permessage-deflate; client_max_window_bits"));
    const QStringList timings = top + QStringList { QStringLiteral("Timings") };
    QCOMPARE(value(tree, timings), QStringLiteral("4.250 ms"));
    QCOMPARE(value(tree, timings + QStringList { QStringLiteral("DNS lookup") }),
        QStringLiteral("did not happen"));
    QCOMPARE(
        value(tree, timings + QStringList { QStringLiteral("TCP connect") }), QStringLiteral("1.250 ms"));
    QCOMPARE(value(tree, timings + QStringList { QStringLiteral("TLS handshake") }),
        QStringLiteral("did not happen"));
    QCOMPARE(
        value(tree, timings + QStringList { QStringLiteral("HTTP upgrade") }), QStringLiteral("3.000 ms"));
    QVERIFY(!tree->row({ QStringLiteral("TLS") }));

    // The raw request and response, header names highlighted.
    QPlainTextEdit *request = inspector.handshakePage()->requestView();
    QPlainTextEdit *response = inspector.handshakePage()->responseView();
    QVERIFY(request->toPlainText().startsWith(QStringLiteral("GET /chat HTTP/1.1\nHost: example.com\n")));
    QVERIFY(response->toPlainText().contains(
        QStringLiteral("\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\n")));
    const QTextBlock hostLine = request->document()->findBlockByNumber(1);
    QCOMPARE(hostLine.text(), QStringLiteral("Host: example.com"));
    const QList<QTextLayout::FormatRange> formats = hostLine.layout()->formats();
    QVERIFY(!formats.isEmpty());
    QCOMPARE(formats.first().start, 0);
    QCOMPARE(formats.first().length, 4);
    QCOMPARE(formats.first().format.foreground().color(),
        InspectorPalette::color(request->palette(), InspectorPalette::Role::Key));
}

void TestInspector::handshakeAcceptMismatch()
{
    const HandshakePage::AcceptCheck check
        = HandshakePage::checkAccept(handshakeRecord("AAAAAAAAAAAAAAAAAAAAAAAAAAA=")->request,
            handshakeRecord("AAAAAAAAAAAAAAAAAAAAAAAAAAA=")->response);
    QCOMPARE(check.result, HandshakePage::AcceptCheck::Result::Mismatch);
    QCOMPARE(check.expected, QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(check.actual, QByteArray("AAAAAAAAAAAAAAAAAAAAAAAAAAA="));

    // The handshake notice itself turns to the Handshake page.
    EntryDetails notice;
    notice.kind = EntryDetails::Kind::Notice;
    notice.notice.kind = ConnectionNotice::Kind::Handshake;
    notice.notice.handshake = handshakeRecord("AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    InspectorWidget inspector;
    inspector.showDetails(notice);
    QCOMPARE(inspector.currentPage(), InspectorWidget::Page::Handshake);
    const PropertyTree *tree = inspector.handshakePage()->tree();
    const QStringList top { QStringLiteral("Opening handshake") };
    QCOMPARE(value(tree, top), QStringLiteral("Failed"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Error") }),
        QStringLiteral("Sec-WebSocket-Accept is wrong"));
    const QStringList accept = top + QStringList { QStringLiteral("Sec-WebSocket-Accept") };
    QCOMPARE(value(tree, accept),
        QStringLiteral("Mismatch: the response has \"AAAAAAAAAAAAAAAAAAAAAAAAAAA=\", the key requires "
                       "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(value(tree, accept + QStringList { QStringLiteral("Received") }),
        QStringLiteral("\"AAAAAAAAAAAAAAAAAAAAAAAAAAA=\""));
    QCOMPARE(tree->cell(tree->row(accept), PropertyTree::ValueColumn)->foreground().color(),
        InspectorPalette::color(tree->palette(), InspectorPalette::Role::Bad));

    // A rejection has no Sec-WebSocket-Accept at all.
    auto rejected = std::make_shared<HandshakeRecord>(*handshakeRecord("x"));
    rejected->responseBytes = httpHead("HTTP/1.1 403 Forbidden\nContent-Length: 0");
    rejected->response = parse(rejected->responseBytes, HttpMessage::Kind::Response);
    rejected->accepted = false;
    rejected->error = QStringLiteral("The server answered 403 Forbidden");
    notice.notice.handshake = rejected;
    inspector.showDetails(notice);
    QCOMPARE(value(tree, accept),
        QStringLiteral(
            "Not sent: the server did not accept the upgrade (expected s3pPLMBiTxaQ9kYGzzhZRbK+xOo=)"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Status") }), QStringLiteral("403 Forbidden"));
}

void TestInspector::handshakeTlsChain()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const SelfSignedCertificate::Files files
        = SelfSignedCertificate::create(dir.path(), SelfSignedCertificate::KeyType::EcP256, &error);
    QVERIFY2(!files.certificateFile.isEmpty(), qPrintable(error));
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(files.certificateFile);
    QCOMPARE(chain.size(), 1);

    auto tls = std::make_shared<TlsRecord>();
    tls->protocol = QStringLiteral("TLSv1.3");
    tls->cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
    tls->serverName = QStringLiteral("localhost");
    tls->peerChain = chain;
    tls->certificateErrors = { QStringLiteral("The certificate is self-signed, and untrusted") };
    tls->errorsIgnored = true;
    EntryDetails notice;
    notice.kind = EntryDetails::Kind::Notice;
    notice.notice.kind = ConnectionNotice::Kind::Tls;
    notice.notice.tls = tls;
    InspectorWidget inspector;
    inspector.showDetails(notice);
    QCOMPARE(inspector.currentPage(), InspectorWidget::Page::Handshake);
    const PropertyTree *tree = inspector.handshakePage()->tree();
    QAbstractItemModelTester tester(tree->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QStringList top { QStringLiteral("TLS") };
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Protocol") }), QStringLiteral("TLSv1.3"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Cipher") }),
        QStringLiteral("TLS_AES_256_GCM_SHA384"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Server name") }), QStringLiteral("localhost"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Verified") }),
        QStringLiteral("No: errors were ignored at your request"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Certificate errors") }), QStringLiteral("1"));
    const QStringList certificate
        = top + QStringList { QStringLiteral("Certificate chain"), QStringLiteral("Certificate 0") };
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Certificate chain") }),
        QStringLiteral("1 certificate"));
    QCOMPARE(value(tree, certificate), QStringLiteral("localhost"));
    QCOMPARE(value(tree, certificate + QStringList { QStringLiteral("Subject") }),
        QStringLiteral("CN=localhost, O=Frameline"));
    QCOMPARE(value(tree, certificate + QStringList { QStringLiteral("Issuer") }),
        QStringLiteral("CN=localhost, O=Frameline (self-signed)"));
    const QString valid = value(tree, certificate + QStringList { QStringLiteral("Valid") });
    QCOMPARE(valid,
        QStringLiteral("%1 to %2")
            .arg(chain[0].effectiveDate().toUTC().toString(Qt::ISODate),
                chain[0].expiryDate().toUTC().toString(Qt::ISODate)));
    QCOMPARE(value(tree, certificate + QStringList { QStringLiteral("SHA-256 fingerprint") }),
        QString::fromLatin1(chain[0].digest(QCryptographicHash::Sha256).toHex(':')));
    QVERIFY(value(tree, certificate + QStringList { QStringLiteral("Alternative names") })
                .contains(QStringLiteral("localhost")));
    // No handshake record: only TLS.
    QVERIFY(!tree->row({ QStringLiteral("Opening handshake") }));
}

void TestInspector::closePage_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("initiator");
    QTest::addColumn<bool>("completed");
    QTest::addColumn<int>("sentCode");
    QTest::addColumn<QString>("codeText");
    QTest::addColumn<QString>("initiatorText");
    QTest::addColumn<QString>("handshakeText");
    QTest::addColumn<QString>("sentText");

    QTest::newRow("1000 normal, we closed")
        << 1000 << int(CloseInitiator::Local) << true << 1000 << QStringLiteral("1000 Normal Closure")
        << QStringLiteral("Frameline (this side sent the first Close frame)")
        << QStringLiteral("Completed: Close frames went both ways") << QStringLiteral("1000 Normal Closure");
    QTest::newRow("1006 dropped") << 1006 << int(CloseInitiator::None) << false << 0
                                  << QStringLiteral("1006 Abnormal Closure")
                                  << QStringLiteral("Neither side (no Close frame was sent)")
                                  << QStringLiteral("Not completed: Close frames did not go both ways")
                                  << QStringLiteral("none (no Close frame, or one without a code)");
    QTest::newRow("1005 peer sent no code")
        << 1005 << int(CloseInitiator::Remote) << true << 1000 << QStringLiteral("1005 No Status Received")
        << QStringLiteral("The peer (it sent the first Close frame)")
        << QStringLiteral("Completed: Close frames went both ways") << QStringLiteral("1000 Normal Closure");
}

void TestInspector::closePage()
{
    QFETCH(int, code);
    QFETCH(int, initiator);
    QFETCH(bool, completed);
    QFETCH(int, sentCode);
    QFETCH(QString, codeText);
    QFETCH(QString, initiatorText);
    QFETCH(QString, handshakeText);
    QFETCH(QString, sentText);

    EntryDetails notice;
    notice.kind = EntryDetails::Kind::Notice;
    notice.notice.kind = ConnectionNotice::Kind::StateChanged;
    notice.notice.state = ConnectionState::Closed;
    notice.notice.close.code = quint16(code);
    notice.notice.close.initiator = CloseInitiator(initiator);
    notice.notice.close.closingHandshakeCompleted = completed;
    notice.notice.close.abnormal = !completed;
    notice.notice.close.sentCode = quint16(sentCode);
    notice.notice.close.reason = code == 1000 ? QStringLiteral("bye") : QString();

    InspectorWidget inspector;
    inspector.showDetails(notice);
    QCOMPARE(inspector.currentPage(), InspectorWidget::Page::Close);
    const PropertyTree *tree = inspector.closePage()->tree();
    QAbstractItemModelTester tester(tree->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QStringList top { QStringLiteral("Connection closed") };
    QCOMPARE(value(tree, top), codeText);
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Closed by") }), initiatorText);
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Close code") }), codeText);
    QCOMPARE(
        value(tree, top + QStringList { QStringLiteral("Meaning") }), CloseCodes::meaning(quint16(code)));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Reason") }),
        code == 1000 ? QStringLiteral("bye") : QStringLiteral("(none)"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Closing handshake") }), handshakeText);
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Code we sent") }), sentText);
    QCOMPARE(tree->row(top + QStringList { QStringLiteral("Ending") }) != nullptr, !completed);
}

void TestInspector::closeFrame()
{
    const QByteArray bytes = QByteArray::fromHex("880603e8") + QByteArray("bye\xff", 4);
    const Decoded decoded = decode(bytes, Endpoint::Server);
    QCOMPARE(decoded.frames.size(), 1);
    EntryDetails details = frameDetails(decoded, 0, Direction::Incoming);
    InspectorWidget inspector;
    inspector.showDetails(details);
    const PropertyTree *tree = inspector.closePage()->tree();
    const QStringList top { QStringLiteral("Close frame") };
    QCOMPARE(value(tree, top), QStringLiteral("Incoming (from the peer)"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Close code") }),
        QStringLiteral("1000 Normal Closure"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Meaning") }), CloseCodes::meaning(1000));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Reason") }), QStringLiteral("bye\\xFF"));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Reason encoding") }),
        QStringLiteral("Not valid UTF-8 (RFC 6455 §5.5.1)"));
    QVERIFY(!tree->row({ QStringLiteral("Connection closed") }));
    // The header page says it too.
    QCOMPARE(
        rowTexts(inspector.headerPage()->tree(), { QStringLiteral("Payload"), QStringLiteral("Close code") }),
        (QStringList { QStringLiteral("1000 Normal Closure"), QStringLiteral("03 e8") }));

    // With the connection's end known as well, both are shown.
    details.connectionClose
        = CloseInfo { CloseInitiator::Remote, 1000, QStringLiteral("bye"), 1000, true, false };
    inspector.showDetails(details);
    QCOMPARE(value(tree, { QStringLiteral("Connection closed"), QStringLiteral("Closed by") }),
        QStringLiteral("The peer (it sent the first Close frame)"));

    // An empty Close frame has no code; a 1-byte one is malformed.
    const Decoded empty = decode(QByteArray::fromHex("8800"), Endpoint::Server);
    inspector.showDetails(frameDetails(empty, 0, Direction::Incoming));
    QCOMPARE(value(tree, top + QStringList { QStringLiteral("Close code") }),
        QStringLiteral("none: an empty Close frame (the other side reports 1005 No Status Received)"));
}

void TestInspector::pageSwitching()
{
    InspectorWidget inspector;
    inspector.setCurrentPage(InspectorWidget::Page::Payload);
    inspector.showDetails(messageDetails("a"));
    QCOMPARE(inspector.currentPage(), InspectorWidget::Page::Payload);

    EntryDetails handshake;
    handshake.kind = EntryDetails::Kind::Notice;
    handshake.notice.kind = ConnectionNotice::Kind::Handshake;
    handshake.notice.handshake = handshakeRecord("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    inspector.showDetails(handshake);
    QCOMPARE(inspector.currentPage(), InspectorWidget::Page::Handshake);

    EntryDetails closed;
    closed.kind = EntryDetails::Kind::Notice;
    closed.notice.kind = ConnectionNotice::Kind::StateChanged;
    closed.notice.state = ConnectionState::Closed;
    inspector.showDetails(closed);
    QCOMPARE(inspector.currentPage(), InspectorWidget::Page::Close);

    EntryDetails info;
    info.kind = EntryDetails::Kind::Notice;
    info.notice.kind = ConnectionNotice::Kind::Info;
    info.notice.text = QStringLiteral("Reconnecting in 2 s");
    inspector.showDetails(info);
    QCOMPARE(inspector.currentPage(), InspectorWidget::Page::Header); // a notice has no payload

    // A message goes back to the page the user chose.
    inspector.showDetails(messageDetails("b"));
    QCOMPARE(inspector.currentPage(), InspectorWidget::Page::Payload);

    // The connection's handshake is shown whatever row is selected.
    EntryDetails message = messageDetails("c");
    message.connectionHandshake = handshake.notice.handshake;
    inspector.showDetails(message);
    QVERIFY(inspector.handshakePage()->hasContent());
    QVERIFY(!inspector.closePage()->hasContent());
}

void TestInspector::saveRestoreState()
{
    InspectorWidget first;
    first.resize(900, 700);
    first.show();
    QVERIFY(QTest::qWaitForWindowExposed(&first));
    EntryDetails details = messageDetails("x");
    details.connectionHandshake = handshakeRecord("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    first.showDetails(details);
    first.setCurrentPage(InspectorWidget::Page::Handshake);
    first.payloadPage()->setCurrentView(PayloadPage::View::Hex);
    first.handshakePage()->splitter()->setSizes({ 150, 450 });
    first.handshakePage()->rawSplitter()->setSizes({ 600, 200 });
    const QList<int> sizes = first.handshakePage()->splitter()->sizes();
    const QList<int> rawSizes = first.handshakePage()->rawSplitter()->sizes();
    const QByteArray state = first.saveState();

    InspectorWidget second;
    second.resize(900, 700);
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    second.showDetails(details);
    QVERIFY(second.restoreState(state));
    QCOMPARE(second.currentPage(), InspectorWidget::Page::Handshake);
    QCOMPARE(second.payloadPage()->preferredView(), PayloadPage::View::Hex);
    QCOMPARE(second.handshakePage()->splitter()->sizes(), sizes);
    QCOMPARE(second.handshakePage()->rawSplitter()->sizes(), rawSizes);
    second.showDetails(messageDetails("{\"a\":1}"));
    QCOMPARE(second.payloadPage()->currentView(), PayloadPage::View::Hex); // the user's choice beats JSON

    QVERIFY(!second.restoreState(QByteArray("garbage")));
    QVERIFY(!second.restoreState(QByteArray()));
}

void TestInspector::clearWithNone()
{
    InspectorWidget inspector;
    EntryDetails details = messageDetails("x");
    details.connectionHandshake = handshakeRecord("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    details.connectionClose = CloseInfo {};
    inspector.showDetails(details);
    QVERIFY(inspector.headerPage()->tree()->rowCount() > 0);
    inspector.showDetails(EntryDetails());
    QCOMPARE(inspector.details().kind, EntryDetails::Kind::None);
    QCOMPARE(inspector.headerPage()->tree()->rowCount(), 0);
    QVERIFY(!inspector.payloadPage()->hasPayload());
    QVERIFY(!inspector.handshakePage()->hasContent());
    QVERIFY(!inspector.closePage()->hasContent());
}

void TestInspector::languageChange()
{
    // A language change makes every page again from the details it shows.
    InspectorWidget inspector;
    EntryDetails details = messageDetails("{\"a\":1}");
    details.connectionHandshake = handshakeRecord("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    details.connectionClose = CloseInfo {};
    inspector.showDetails(details);
    inspector.setCurrentPage(InspectorWidget::Page::Payload);
    QEvent event(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&inspector, &event);
    QCOMPARE(inspector.findChild<QTabWidget *>(QStringLiteral("inspectorTabs"))->tabText(1),
        QStringLiteral("Payload"));
    QCOMPARE(value(inspector.headerPage()->tree(), { QStringLiteral("Message") }),
        QStringLiteral("#7 · text (0x1)"));
    QCOMPARE(value(inspector.handshakePage()->tree(), { QStringLiteral("Opening handshake") }),
        QStringLiteral("Accepted"));
    QCOMPARE(value(inspector.closePage()->tree(), { QStringLiteral("Connection closed") }),
        QStringLiteral("1006 Abnormal Closure"));
    QCOMPARE(inspector.payloadPage()->currentView(), PayloadPage::View::Json);
    QCOMPARE(inspector.findChild<JsonView *>(QStringLiteral("payloadJson"))->text(),
        QStringLiteral("{\n  \"a\": 1\n}"));
}

void TestInspector::screenshots()
{
    // Every page in a light and a dark palette, saved for a person to look at.
    const QString folder = qEnvironmentVariable("FRAMELINE_SCREENSHOT_DIR", QDir::tempPath());
    const QByteArray json
        = R"({"type":"order","id":1234,"items":[{"sku":"A-1","qty":2,"price":9.5}],"paid":true,"note":null})";
    const QByteArray key = QByteArray::fromHex("37fa213d");
    const Decoded decoded
        = decode(QByteArray::fromHex("81fe00c8") + key + masked(QByteArray(200, 'a'), key), Endpoint::Client);

    QTemporaryDir dir;
    const SelfSignedCertificate::Files files
        = SelfSignedCertificate::create(dir.path(), SelfSignedCertificate::KeyType::EcP256);
    auto tls = std::make_shared<TlsRecord>();
    tls->protocol = QStringLiteral("TLSv1.3");
    tls->cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
    tls->serverName = QStringLiteral("localhost");
    tls->peerChain = QSslCertificate::fromPath(files.certificateFile);
    tls->certificateErrors = { QStringLiteral("The certificate is self-signed, and untrusted") };
    tls->errorsIgnored = true;
    const QByteArray violationBytes = QByteArray::fromHex("c182") + QByteArray::fromHex("01020304")
        + masked("hi", QByteArray::fromHex("01020304"));
    const Decoded violating = decode(violationBytes, Endpoint::Server);
    const Decoded closeFrame
        = decode(QByteArray::fromHex("880603ea") + QByteArray("bad\xff", 4), Endpoint::Server);

    for (const bool dark : { false, true }) {
        InspectorWidget inspector;
        if (dark)
            inspector.setPalette(darkPalette());
        inspector.resize(900, 620);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        const QString suffix = dark ? QStringLiteral("dark") : QStringLiteral("light");
        const auto shoot = [&](const QString &name) {
            // Scroll bars show and hide in a queued layout pass: let it run before the picture.
            QTest::qWait(10);
            const QString path
                = QDir(folder).filePath(QStringLiteral("inspector-%1-%2.png").arg(name, suffix));
            QVERIFY(inspector.grab().save(path));
        };

        EntryDetails frame = frameDetails(decoded, 0, Direction::Outgoing);
        frame.connectionHandshake = handshakeRecord("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        inspector.showDetails(frame);
        inspector.setCurrentPage(InspectorWidget::Page::Header);
        shoot(QStringLiteral("header"));

        EntryDetails message = messageDetails(json);
        message.connectionHandshake = frame.connectionHandshake;
        inspector.showDetails(message);
        inspector.setCurrentPage(InspectorWidget::Page::Payload);
        shoot(QStringLiteral("payload-json"));
        inspector.showDetails(
            messageDetails(QByteArray("caf\xc3\xa9 \xff\xfe broken \x01 bytes\nsecond line")));
        inspector.payloadPage()->setCurrentView(PayloadPage::View::Text);
        shoot(QStringLiteral("payload-text"));
        QByteArray binary;
        for (int i = 0; i < 4096; ++i)
            binary.append(char(i * 7));
        inspector.showDetails(messageDetails(binary, 0x2));
        inspector.payloadPage()->setCurrentView(PayloadPage::View::Hex);
        inspector.findChild<HexView *>(QStringLiteral("payloadHex"))->setSelection(20, 30);
        shoot(QStringLiteral("payload-hex"));
        inspector.payloadPage()->setCurrentView(PayloadPage::View::Text);

        inspector.showDetails(message);
        inspector.setCurrentPage(InspectorWidget::Page::Handshake);
        shoot(QStringLiteral("handshake"));
        message.connectionTls = tls;
        inspector.showDetails(message);
        inspector.handshakePage()->splitter()->setSizes({ 500, 100 });
        shoot(QStringLiteral("handshake-tls"));

        inspector.showDetails(frameDetails(violating, 0, Direction::Incoming));
        inspector.setCurrentPage(InspectorWidget::Page::Header);
        shoot(QStringLiteral("header-violations"));

        EntryDetails close = frameDetails(closeFrame, 0, Direction::Incoming);
        close.connectionClose = CloseInfo { CloseInitiator::Remote, 1006, QString(), 0, false, true };
        inspector.showDetails(close);
        inspector.setCurrentPage(InspectorWidget::Page::Close);
        shoot(QStringLiteral("close-frame"));

        EntryDetails closed;
        closed.kind = EntryDetails::Kind::Notice;
        closed.notice.kind = ConnectionNotice::Kind::StateChanged;
        closed.notice.state = ConnectionState::Closed;
        closed.notice.close
            = CloseInfo { CloseInitiator::Remote, 1001, QStringLiteral("server restart"), 1001, true, false };
        inspector.showDetails(closed);
        shoot(QStringLiteral("close"));
    }
}

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
