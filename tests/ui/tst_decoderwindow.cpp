// Widget tests for the frame decoder window: exact table contents for the RFCs' own example bytes,
// violations, hex input, files, the detail view, the menus, the Korean catalogue, and
// QAbstractItemModelTester on both models.

#include "ui/decoder/decoderwidget.h"
#include "ui/decoder/framelistmodel.h"
#include "ui/decoder/frametext.h"
#include "ui/decoder/messagelistmodel.h"
#include "ui/mainwindow/actionregistry.h"
#include "ui/mainwindow/languageloader.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/widgets/hexformat.h"

#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTranslator>
#include <QtGui/QAction>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTreeView>

using namespace Frameline;

namespace {

QStringList rowTexts(const QAbstractItemModel *model, int row)
{
    QStringList texts;
    for (int column = 0; column < model->columnCount(); ++column)
        texts << model->index(row, column).data().toString();
    return texts;
}

QStringList headerTexts(const QAbstractItemModel *model)
{
    QStringList texts;
    for (int column = 0; column < model->columnCount(); ++column)
        texts << model->headerData(column, Qt::Horizontal).toString();
    return texts;
}

int rowSeverity(const QAbstractItemModel *model, int row)
{
    return model->index(row, 0).data(FrameListModel::SeverityRole).toInt();
}

} // namespace

class TestDecoderWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hexParsing_data();
    void hexParsing();
    void columns();
    void serverTextFrame();
    void maskedClientFrame();
    void maskedServerFrameIsViolation();
    void fragmentedMessageWithPing();
    void closeFrames_data();
    void closeFrames();
    void compressedMessage();
    void invalidExtensions();
    void trailingBytes();
    void hexErrorShown();
    void detailViewShowsHeaderBits();
    void selectionKeptAcrossDecodes();
    void smallFileShownAsHex();
    void largeFileDecodedDirectly();
    void modelTesters();
    void mainWindowMenusAndStatus();
    void layoutSavedAndRestored();
    void koreanCatalogue();
};

void TestDecoderWindow::initTestCase()
{
    // Settings go to a test location, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Frameline"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_decoderwindow"));
}

void TestDecoderWindow::hexParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("ok");

    QTest::newRow("spaced") << QStringLiteral("81 05 48 65 6c 6c 6f") << QByteArray::fromHex("810548656c6c6f")
                            << true;
    QTest::newRow("run together") << QStringLiteral("810548656C6C6F") << QByteArray::fromHex("810548656c6c6f")
                                  << true;
    QTest::newRow("0x and commas") << QStringLiteral("0x81, 0x05,0x48") << QByteArray::fromHex("810548")
                                   << true;
    QTest::newRow("lines and tabs") << QStringLiteral("  81\t05\n\n48 65\r\n")
                                    << QByteArray::fromHex("81054865") << true;
    QTest::newRow("0x group") << QStringLiteral("0x8105 4865") << QByteArray::fromHex("81054865") << true;
    QTest::newRow("empty") << QString() << QByteArray() << true;
    QTest::newRow("odd digits") << QStringLiteral("81 0x5") << QByteArray() << false;
    QTest::newRow("odd run") << QStringLiteral("810") << QByteArray() << false;
    QTest::newRow("not hex") << QStringLiteral("81 zz") << QByteArray() << false;
    QTest::newRow("bare prefix") << QStringLiteral("81 0x") << QByteArray() << false;
}

void TestDecoderWindow::hexParsing()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, ok);

    const HexFormat::ParseResult result = HexFormat::parse(text);
    QCOMPARE(result.ok(), ok);
    QCOMPARE(result.bytes, bytes);
    if (!ok)
        QVERIFY(result.errorPosition >= 0);
}

void TestDecoderWindow::columns()
{
    DecoderWidget decoder;
    QCOMPARE(headerTexts(decoder.frameModel()),
        QStringList({ QStringLiteral("#"), QStringLiteral("Offset"), QStringLiteral("FIN"),
            QStringLiteral("RSV1"), QStringLiteral("RSV2"), QStringLiteral("RSV3"), QStringLiteral("Opcode"),
            QStringLiteral("MASK"), QStringLiteral("Masking key"), QStringLiteral("Length"),
            QStringLiteral("Length form"), QStringLiteral("Payload"), QStringLiteral("Violations") }));
    QCOMPARE(headerTexts(decoder.messageModel()),
        QStringList({ QStringLiteral("#"), QStringLiteral("Offset"), QStringLiteral("Opcode"),
            QStringLiteral("Frames"), QStringLiteral("Length"), QStringLiteral("On the wire"),
            QStringLiteral("Compressed"), QStringLiteral("Payload"), QStringLiteral("Violations") }));
    QCOMPARE(decoder.frameModel()->rowCount(), 0);
    QCOMPARE(decoder.summary(), QStringLiteral("Nothing to decode yet."));
}

void TestDecoderWindow::serverTextFrame()
{
    // RFC 6455 §5.7: a single-frame unmasked text message.
    DecoderWidget decoder;
    decoder.setSender(Endpoint::Server);
    decoder.setHexText(QStringLiteral("81 05 48 65 6c 6c 6f"));

    QCOMPARE(decoder.frameModel()->rowCount(), 1);
    QCOMPARE(decoder.frameModel()->columnCount(), int(FrameListModel::ColumnCount));
    QCOMPARE(rowTexts(decoder.frameModel(), 0),
        QStringList({ QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("0"),
            QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("text (0x1)"), QStringLiteral("0"),
            QString(), QStringLiteral("5"), QStringLiteral("7-bit"), QStringLiteral("Hello"), QString() }));
    QCOMPARE(rowSeverity(decoder.frameModel(), 0), int(Severity::None));
    QVERIFY(decoder.frameModel()->index(0, 0).data(Qt::DecorationRole).isNull());

    QCOMPARE(decoder.messageModel()->rowCount(), 1);
    QCOMPARE(rowTexts(decoder.messageModel(), 0),
        QStringList({ QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("text (0x1)"),
            QStringLiteral("0"), QStringLiteral("5"), QStringLiteral("5"), QStringLiteral("no"),
            QStringLiteral("Hello"), QString() }));
    QCOMPARE(
        decoder.summary(), QStringLiteral("Frames: 1 · Messages: 1 · Violations: 0 · Trailing bytes: 0"));
    QCOMPARE(decoder.inputStatus(), QStringLiteral("7 bytes."));
}

void TestDecoderWindow::maskedClientFrame()
{
    // RFC 6455 §5.7: a single-frame masked text message.
    DecoderWidget decoder;
    decoder.setSender(Endpoint::Client);
    decoder.setHexText(QStringLiteral("81 85 37 fa 21 3d 7f 9f 4d 51 58"));

    QCOMPARE(decoder.frameModel()->rowCount(), 1);
    QCOMPARE(rowTexts(decoder.frameModel(), 0),
        QStringList({ QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("0"),
            QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("text (0x1)"), QStringLiteral("1"),
            QStringLiteral("37 fa 21 3d"), QStringLiteral("5"), QStringLiteral("7-bit"),
            QStringLiteral("Hello"), QString() }));
    QCOMPARE(rowSeverity(decoder.frameModel(), 0), int(Severity::None));
    QCOMPARE(
        decoder.summary(), QStringLiteral("Frames: 1 · Messages: 1 · Violations: 0 · Trailing bytes: 0"));
}

void TestDecoderWindow::maskedServerFrameIsViolation()
{
    // The same masked frame, said to come from the server: RFC 6455 §5.1 forbids it (close code 1002).
    DecoderWidget decoder;
    decoder.setSender(Endpoint::Server);
    decoder.setHexText(QStringLiteral("81 05 48 65 6c 6c 6f 81 85 37 fa 21 3d 7f 9f 4d 51 58"));

    QCOMPARE(decoder.frameModel()->rowCount(), 2);
    const QStringList row = rowTexts(decoder.frameModel(), 1);
    QCOMPARE(row.mid(0, FrameListModel::ViolationsColumn),
        QStringList({ QStringLiteral("1"), QStringLiteral("7"), QStringLiteral("1"), QStringLiteral("0"),
            QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("text (0x1)"), QStringLiteral("1"),
            QStringLiteral("37 fa 21 3d"), QStringLiteral("5"), QStringLiteral("7-bit"),
            QStringLiteral("Hello") }));
    QVERIFY2(row.at(FrameListModel::ViolationsColumn).startsWith(QStringLiteral("§5.1 · 1002 · ")),
        qPrintable(row.at(FrameListModel::ViolationsColumn)));
    QCOMPARE(rowSeverity(decoder.frameModel(), 0), int(Severity::None));
    QCOMPARE(rowSeverity(decoder.frameModel(), 1), int(Severity::Error));
    QVERIFY(!decoder.frameModel()->index(1, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
    const QString tooltip
        = decoder.frameModel()->index(1, FrameListModel::ViolationsColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(
        tooltip.startsWith(QStringLiteral("RFC 6455 §5.1 [fatal, close with 1002]: ")), qPrintable(tooltip));
    QCOMPARE(
        decoder.summary(), QStringLiteral("Frames: 2 · Messages: 2 · Violations: 1 · Trailing bytes: 0"));
}

void TestDecoderWindow::fragmentedMessageWithPing()
{
    // RFC 6455 §5.7: a fragmented unmasked text message, with a ping between its fragments (§5.4).
    DecoderWidget decoder;
    decoder.setSender(Endpoint::Server);
    decoder.setHexText(QStringLiteral("01 03 48 65 6c\n89 05 48 65 6c 6c 6f\n80 02 6c 6f"));

    QCOMPARE(decoder.frameModel()->rowCount(), 3);
    QCOMPARE(rowTexts(decoder.frameModel(), 0),
        QStringList({ QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0"),
            QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("text (0x1)"), QStringLiteral("0"),
            QString(), QStringLiteral("3"), QStringLiteral("7-bit"), QStringLiteral("Hel"), QString() }));
    QCOMPARE(rowTexts(decoder.frameModel(), 1),
        QStringList({ QStringLiteral("1"), QStringLiteral("5"), QStringLiteral("1"), QStringLiteral("0"),
            QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("ping (0x9)"), QStringLiteral("0"),
            QString(), QStringLiteral("5"), QStringLiteral("7-bit"), QStringLiteral("Hello"), QString() }));
    QCOMPARE(rowTexts(decoder.frameModel(), 2),
        QStringList({ QStringLiteral("2"), QStringLiteral("12"), QStringLiteral("1"), QStringLiteral("0"),
            QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("continuation (0x0)"),
            QStringLiteral("0"), QString(), QStringLiteral("2"), QStringLiteral("7-bit"),
            QStringLiteral("lo"), QString() }));

    QCOMPARE(decoder.messageModel()->rowCount(), 1);
    QCOMPARE(rowTexts(decoder.messageModel(), 0),
        QStringList({ QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("text (0x1)"),
            QStringLiteral("0, 2"), QStringLiteral("5"), QStringLiteral("5"), QStringLiteral("no"),
            QStringLiteral("Hello"), QString() }));
    QCOMPARE(
        decoder.summary(), QStringLiteral("Frames: 3 · Messages: 1 · Violations: 0 · Trailing bytes: 0"));
}

void TestDecoderWindow::closeFrames_data()
{
    QTest::addColumn<QString>("hex");
    QTest::addColumn<QString>("preview");
    QTest::addColumn<int>("severity");

    QTest::newRow("1000 with reason") << QStringLiteral("88 05 03 e8 62 79 65")
                                      << QStringLiteral("1000 Normal Closure: bye") << int(Severity::None);
    QTest::newRow("1001") << QStringLiteral("88 02 03 e9") << QStringLiteral("1001 Going Away")
                          << int(Severity::None);
    QTest::newRow("no body") << QStringLiteral("88 00") << QStringLiteral("(no status code)")
                             << int(Severity::None);
    QTest::newRow("1006 must not be sent")
        << QStringLiteral("88 02 03 ee") << QStringLiteral("1006 Abnormal Closure") << int(Severity::Error);
    QTest::newRow("one byte") << QStringLiteral("88 01 03") << QStringLiteral("(1-byte close payload: 03)")
                              << int(Severity::Error);
}

void TestDecoderWindow::closeFrames()
{
    QFETCH(QString, hex);
    QFETCH(QString, preview);
    QFETCH(int, severity);

    DecoderWidget decoder;
    decoder.setSender(Endpoint::Server);
    decoder.setHexText(hex);
    QCOMPARE(decoder.frameModel()->rowCount(), 1);
    QCOMPARE(decoder.frameModel()->index(0, FrameListModel::OpcodeColumn).data().toString(),
        QStringLiteral("close (0x8)"));
    QCOMPARE(decoder.frameModel()->index(0, FrameListModel::PayloadColumn).data().toString(), preview);
    QCOMPARE(rowSeverity(decoder.frameModel(), 0), severity);
}

void TestDecoderWindow::compressedMessage()
{
    // RFC 7692 §7.2.3.1: "Hello" compressed in one frame, RSV1 set.
    DecoderWidget decoder;
    decoder.setSender(Endpoint::Server);
    decoder.setHexText(QStringLiteral("c1 07 f2 48 cd c9 c9 07 00"));

    // Without the extension, RSV1 is a violation (RFC 6455 §5.2).
    QCOMPARE(decoder.frameModel()->rowCount(), 1);
    QCOMPARE(rowSeverity(decoder.frameModel(), 0), int(Severity::Error));
    QVERIFY(decoder.frameModel()
                ->index(0, FrameListModel::ViolationsColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("§5.2 · 1002 · ")));

    decoder.setExtensions(QStringLiteral("permessage-deflate; server_no_context_takeover"));
    QCOMPARE(decoder.frameModel()->rowCount(), 1);
    QCOMPARE(rowSeverity(decoder.frameModel(), 0), int(Severity::None));
    QCOMPARE(
        decoder.frameModel()->index(0, FrameListModel::Rsv1Column).data().toString(), QStringLiteral("1"));
    QCOMPARE(decoder.frameModel()->index(0, FrameListModel::PayloadColumn).data().toString(),
        QStringLiteral("[compressed] f2 48 cd c9 c9 07 00"));
    QCOMPARE(decoder.messageModel()->rowCount(), 1);
    QCOMPARE(rowTexts(decoder.messageModel(), 0),
        QStringList({ QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("text (0x1)"),
            QStringLiteral("0"), QStringLiteral("5"), QStringLiteral("7"), QStringLiteral("yes"),
            QStringLiteral("Hello"), QString() }));
}

void TestDecoderWindow::invalidExtensions()
{
    DecoderWidget decoder;
    decoder.setSender(Endpoint::Server);
    decoder.setExtensions(QStringLiteral("permessage-deflate; server_max_window_bits=99"));
    decoder.setHexText(QStringLiteral("81 05 48 65 6c 6c 6f"));
    QVERIFY2(decoder.inputStatus().startsWith(QStringLiteral("7 bytes. Sec-WebSocket-Extensions not used: ")),
        qPrintable(decoder.inputStatus()));
    // The bytes are still decoded, without the extension.
    QCOMPARE(decoder.frameModel()->rowCount(), 1);
}

void TestDecoderWindow::trailingBytes()
{
    DecoderWidget decoder;
    decoder.setSender(Endpoint::Server);
    decoder.setHexText(QStringLiteral("81 05 48 65 6c 6c 6f 81 05 48 65"));
    QCOMPARE(decoder.frameModel()->rowCount(), 1);
    QCOMPARE(
        decoder.summary(), QStringLiteral("Frames: 1 · Messages: 1 · Violations: 0 · Trailing bytes: 4"));

    decoder.setHexText(QStringLiteral("01 03 48 65 6c"));
    QCOMPARE(decoder.summary(),
        QStringLiteral("Frames: 1 · Messages: 0 · Violations: 0 · Trailing bytes: 0 · Unfinished message: 1 "
                       "frames so far"));
}

void TestDecoderWindow::hexErrorShown()
{
    DecoderWidget decoder;
    decoder.setSender(Endpoint::Server);
    decoder.setHexText(QStringLiteral("81 05 48 65 6c 6c 6f"));
    QCOMPARE(decoder.frameModel()->rowCount(), 1);

    decoder.setHexText(QStringLiteral("81 05\n48 6g"));
    QCOMPARE(decoder.frameModel()->rowCount(), 0);
    QCOMPARE(decoder.messageModel()->rowCount(), 0);
    QCOMPARE(decoder.summary(), QStringLiteral("Nothing decoded: the input is not valid hex."));
    QCOMPARE(decoder.inputStatus(), QStringLiteral("Line 2, column 5: “g” is not a hex digit"));
}

void TestDecoderWindow::detailViewShowsHeaderBits()
{
    DecoderWidget decoder;
    decoder.setSender(Endpoint::Client);
    decoder.setHexText(QStringLiteral("81 85 37 fa 21 3d 7f 9f 4d 51 58"));
    decoder.selectFrame(0);
    const QString details = decoder.detailText();
    QVERIFY2(details.contains(QStringLiteral("Header (6 bytes): 81 85 37 fa 21 3d")), qPrintable(details));
    QVERIFY(details.contains(QStringLiteral("Byte 0: 81 = 1000 0001\n")));
    QVERIFY(details.contains(QStringLiteral("\n    1... ....  FIN: 1 (final frame of its message)\n")));
    QVERIFY(details.contains(QStringLiteral("\n    .... 0001  Opcode: text (0x1)\n")));
    QVERIFY(details.contains(QStringLiteral("Byte 1: 85 = 1000 0101\n")));
    QVERIFY(details.contains(QStringLiteral("\n    1... ....  MASK: 1 (payload is masked)\n")));
    QVERIFY(details.contains(QStringLiteral("\n    .000 0101  Payload len: 5\n")));
    QVERIFY(details.contains(QStringLiteral("\nBytes 2–5: 37 fa 21 3d  Masking key\n")));
    QVERIFY(details.contains(QStringLiteral("00000000  48 65 6c 6c 6f")));

    // A 16-bit length (RFC 6455 §5.7: 256 bytes of binary data in a single unmasked message).
    decoder.setSender(Endpoint::Server);
    decoder.setHexText(QStringLiteral("82 7e 01 00 ") + HexFormat::bytes(QByteArray(256, '\x2a')));
    QCOMPARE(decoder.frameModel()->index(0, FrameListModel::LengthColumn).data().toString(),
        QStringLiteral("256"));
    QCOMPARE(decoder.frameModel()->index(0, FrameListModel::LengthFormColumn).data().toString(),
        QStringLiteral("16-bit"));
    QVERIFY(decoder.detailText().contains(
        QStringLiteral("\nBytes 2–3: 01 00  Extended payload length (16-bit): 256\n")));

    // The messages tab shows the message in the detail view.
    decoder.setHexText(QStringLiteral("81 05 48 65 6c 6c 6f"));
    auto *tabs = decoder.findChild<QTabWidget *>(QStringLiteral("decodedTabs"));
    QVERIFY(tabs);
    tabs->setCurrentWidget(decoder.messageView());
    QVERIFY2(decoder.detailText().startsWith(QStringLiteral("Message 0 at offset 0 (0x0): text (0x1)")),
        qPrintable(decoder.detailText()));
    QVERIFY(decoder.detailText().contains(QStringLiteral("Text:\nHello\n")));
}

void TestDecoderWindow::selectionKeptAcrossDecodes()
{
    DecoderWidget decoder;
    decoder.setSender(Endpoint::Server);
    decoder.setHexText(QStringLiteral("81 01 61 81 01 62 81 01 63"));
    QCOMPARE(decoder.frameView()->currentIndex().row(), 0);
    decoder.selectFrame(2);
    decoder.setHexText(QStringLiteral("81 01 61 81 01 62 81 01 64 81 01 65"));
    QCOMPARE(decoder.frameView()->currentIndex().row(), 2);
    QVERIFY(decoder.detailText().startsWith(QStringLiteral("Frame 2 at offset 6")));
    decoder.setHexText(QStringLiteral("81 01 61"));
    QCOMPARE(decoder.frameView()->currentIndex().row(), 0);
}

void TestDecoderWindow::smallFileShownAsHex()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("hello.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromHex("810548656c6c6f"));
    file.close();

    DecoderWidget decoder;
    decoder.setSender(Endpoint::Server);
    QString error;
    QVERIFY2(decoder.loadFile(path, &error), qPrintable(error));
    QCOMPARE(decoder.hexText(), QStringLiteral("81 05 48 65 6c 6c 6f"));
    QCOMPARE(decoder.inputStatus(), QStringLiteral("7 bytes from hello.bin."));
    QCOMPARE(decoder.frameModel()->rowCount(), 1);

    QVERIFY(!decoder.loadFile(dir.filePath(QStringLiteral("missing.bin")), &error));
    QVERIFY(!error.isEmpty());
}

void TestDecoderWindow::largeFileDecodedDirectly()
{
    // More than DecoderWidget::MaxFileShownAsHex: decoded from memory, not put in the editor.
    QByteArray bytes;
    const int frames = 40000;
    for (int i = 0; i < frames; ++i)
        bytes += QByteArray::fromHex("8206") + QByteArray::number(100000 + i).right(6);
    QVERIFY(bytes.size() > DecoderWidget::MaxFileShownAsHex);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();

    DecoderWidget decoder;
    decoder.setSender(Endpoint::Server);
    QString error;
    QVERIFY2(decoder.loadFile(path, &error), qPrintable(error));
    QVERIFY(decoder.hexText().isEmpty());
    QVERIFY2(decoder.inputStatus().startsWith(QStringLiteral("320000 bytes from big.bin, decoded directly")),
        qPrintable(decoder.inputStatus()));
    QCOMPARE(decoder.frameModel()->rowCount(), frames);
    QCOMPARE(decoder.messageModel()->rowCount(), frames);
    QCOMPARE(decoder.frameModel()->index(frames - 1, FrameListModel::OffsetColumn).data().toString(),
        QString::number(qint64(frames - 1) * 8));

    // Typing replaces the file's bytes.
    decoder.findChild<QPlainTextEdit *>(QStringLiteral("hexInput"))->setPlainText(QStringLiteral("81 01 61"));
    decoder.decodeNow();
    QCOMPARE(decoder.frameModel()->rowCount(), 1);
    QCOMPARE(decoder.inputStatus(), QStringLiteral("3 bytes."));
}

void TestDecoderWindow::modelTesters()
{
    DecoderWidget decoder;
    QAbstractItemModelTester frameTester(
        decoder.frameModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester messageTester(
        decoder.messageModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    decoder.setSender(Endpoint::Server);
    decoder.setHexText(QStringLiteral("01 03 48 65 6c 89 05 48 65 6c 6c 6f 80 02 6c 6f 88 02 03 e8"));
    QCOMPARE(decoder.frameModel()->rowCount(), 4);
    decoder.setHexText(QStringLiteral("81 85 37 fa 21 3d 7f 9f 4d 51 58 a1 00"));
    QCOMPARE(decoder.frameModel()->rowCount(), 2);
    decoder.setHexText(QString());
    QCOMPARE(decoder.frameModel()->rowCount(), 0);
    decoder.setSender(Endpoint::Client);
    decoder.setHexText(QStringLiteral("81 85 37 fa 21 3d 7f 9f 4d 51 58"));
    QCOMPARE(decoder.frameModel()->rowCount(), 1);
    QEvent languageChange(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&decoder, &languageChange);
    QCOMPARE(decoder.frameModel()->rowCount(), 1);
}

void TestDecoderWindow::mainWindowMenusAndStatus()
{
    MainWindow window(MainWindow::Persistence::None);
    const QList<QMenu *> menus = window.menuBar()->findChildren<QMenu *>(Qt::FindDirectChildrenOnly);
    QStringList titles;
    for (const QMenu *menu : menus)
        titles << menu->title();
    QCOMPARE(titles,
        QStringList({ QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Tools"),
            QStringLiteral("&Help") }));

    QStringList fileItems;
    for (const QAction *action : menus.at(0)->actions())
        fileItems << (action->isSeparator() ? QStringLiteral("-") : action->text());
    QCOMPARE(fileItems,
        QStringList({ QStringLiteral("New &Client Tab"), QStringLiteral("New &Server Tab"),
            QStringLiteral("Connect to Built-in &Echo Server"), QStringLiteral("-"),
            QStringLiteral("&Open Session…"), QStringLiteral("Recent Sess&ions"),
            QStringLiteral("Save Session &As…"), QStringLiteral("Re&play…"), QStringLiteral("-"),
            QStringLiteral("I&mport HAR…"), QStringLiteral("E&xport Session…"), QStringLiteral("Export Ro&ws…"),
            QStringLiteral("-"), QStringLiteral("Open &Bytes File…"),
            QStringLiteral("-"), QStringLiteral("&Rename Tab…"), QStringLiteral("Close &Tab"),
            QStringLiteral("-"), QStringLiteral("&Quit") }));
    QStringList toolsItems;
    for (const QAction *action : menus.at(2)->actions())
        toolsItems << (action->isSeparator() ? QStringLiteral("-") : action->text());
    QCOMPARE(toolsItems,
        QStringList({ QStringLiteral("&Decode Bytes"), QStringLiteral("-"), QStringLiteral("&Preferences…") }));
    QStringList helpItems;
    for (const QAction *action : menus.at(3)->actions())
        helpItems << action->text();
    QCOMPARE(helpItems, QStringList({ QStringLiteral("&About Frameline"), QStringLiteral("About &Qt") }));

    QCOMPARE(
        window.actions()->action(ActionId::Quit)->shortcuts(), QKeySequence::keyBindings(QKeySequence::Quit));
    QCOMPARE(window.actions()->action(ActionId::OpenSession)->shortcuts(),
        QKeySequence::keyBindings(QKeySequence::Open));
    QCOMPARE(window.actions()->action(ActionId::OpenBytesFile)->shortcuts(),
        QList<QKeySequence>({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O) }));

    auto *summary = window.findChild<QLabel *>(QStringLiteral("summary"));
    QVERIFY(summary);
    window.decoder()->setSender(Endpoint::Server);
    window.decoder()->setHexText(QStringLiteral("81 05 48 65 6c 6c 6f"));
    QCOMPARE(summary->text(), QStringLiteral("Frames: 1 · Messages: 1 · Violations: 0 · Trailing bytes: 0"));
    QCOMPARE(window.windowTitle(), QStringLiteral("Frame Decoder — Frameline"));
}

void TestDecoderWindow::layoutSavedAndRestored()
{
    QSettings().clear();
    int payloadWidth = 0;
    QList<int> splitterSizes;
    {
        MainWindow window(MainWindow::Persistence::RestoreAndSave);
        window.show();
        QHeaderView *header = window.decoder()->frameView()->header();
        header->resizeSection(
            FrameListModel::PayloadColumn, header->sectionSize(FrameListModel::PayloadColumn) + 37);
        payloadWidth = header->sectionSize(FrameListModel::PayloadColumn);
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("decoderSplitter"));
        QVERIFY(splitter);
        splitter->setSizes({ 100, 300, 200 });
        splitterSizes = splitter->sizes();
        window.close();
    }
    QVERIFY(QSettings().contains(QStringLiteral("Window/Geometry")));
    QVERIFY(QSettings().contains(QStringLiteral("Headers/frameListHeader")));
    QVERIFY(QSettings().contains(QStringLiteral("Splitters/decoderSplitter")));

    MainWindow restored(MainWindow::Persistence::RestoreAndSave);
    restored.show();
    QCOMPARE(
        restored.decoder()->frameView()->header()->sectionSize(FrameListModel::PayloadColumn), payloadWidth);
    QCOMPARE(restored.findChild<QSplitter *>(QStringLiteral("decoderSplitter"))->sizes(), splitterSizes);
    QSettings().clear();
}

void TestDecoderWindow::koreanCatalogue()
{
    // The .qm is compiled into frameline_ui's resources; the test links them like the app does.
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/frameline_ko.qm")));
    QVERIFY(QFile::exists(QStringLiteral(":/icons/frameline.svg")));

    MainWindow window(MainWindow::Persistence::None);
    window.decoder()->setSender(Endpoint::Server);
    window.decoder()->setHexText(QStringLiteral("81 05 48 65 6c 6c 6f"));

    // The app's own loader: Qt's catalogue and ours, whose contexts carry no namespace (the loader's
    // translator maps "Frameline::FrameListModel" to "FrameListModel").
    auto *loader = new LanguageLoader(qApp);
    QVERIFY(loader->load(QStringLiteral("ko")));
    // Installing a translator posts LanguageChange to every window: everything is re-read in Korean.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCOMPARE(
        window.decoder()->frameModel()->headerData(FrameListModel::OffsetColumn, Qt::Horizontal).toString(),
        QStringLiteral("오프셋"));
    QCOMPARE(
        window.decoder()->frameModel()->headerData(FrameListModel::OpcodeColumn, Qt::Horizontal).toString(),
        QStringLiteral("Opcode"));
    QCOMPARE(window.decoder()->summary(), QStringLiteral("프레임: 1 · 메시지: 1 · 위반: 0 · 남은 바이트: 0"));
    QCOMPARE(window.actions()->action(ActionId::Quit)->text(), QStringLiteral("끝내기(&Q)"));
    QCOMPARE(window.windowTitle(), QStringLiteral("프레임 디코더 — Frameline"));
    QCOMPARE(window.decoder()->frameModel()->index(0, FrameListModel::LengthFormColumn).data().toString(),
        QStringLiteral("7비트"));

    QVERIFY(loader->load(QStringLiteral("en")));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    delete loader;
    QCOMPARE(window.decoder()->summary(),
        QStringLiteral("Frames: 1 · Messages: 1 · Violations: 0 · Trailing bytes: 0"));
}

QTEST_MAIN(TestDecoderWindow)
#include "tst_decoderwindow.moc"
