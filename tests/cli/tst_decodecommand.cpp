// `frameline-cli decode`, run as a user runs it: the real binary, its JSON lines, its exit codes.

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryFile>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QList<QJsonObject> lines;
    QByteArray stdOut;
    QString stdErr;
};

Run runCli(const QStringList &arguments, const QByteArray &input = {}, bool jsonLines = true)
{
    QProcess process;
    process.start(QStringLiteral(FRAMELINE_CLI_PATH), arguments);
    if (!process.waitForStarted())
        qFatal("cannot start frameline-cli");
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        qFatal("frameline-cli did not finish");
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.stdOut = process.readAllStandardOutput();
    run.stdErr = QString::fromUtf8(process.readAllStandardError());
    for (const QByteArray &line : run.stdOut.split('\n')) {
        if (line.isEmpty() || !jsonLines)
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            qFatal("not a JSON object line: %s", line.constData());
        run.lines.append(document.object());
    }
    return run;
}

} // namespace

class tst_DecodeCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfcMaskedHello();
    void fragmentedMessage();
    void closeFrame();
    void violationsExitOne();
    void deflate();
    void fileAndStdinInput();
    void badInput_data();
    void badInput();
    void help();
};

void tst_DecodeCommand::rfcMaskedHello()
{
    const Run run = runCli({ u"decode"_s, u"--hex"_s, u"81 85 37 fa 21 3d 7f 9f 4d 51 58"_s, u"--from"_s, u"client"_s });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.stdErr.isEmpty());
    QCOMPARE(run.lines.size(), 3);
    const QJsonObject frame = run.lines.at(0);
    QCOMPARE(frame.value("type"_L1).toString(), u"frame"_s);
    QCOMPARE(frame.value("offset"_L1).toInt(), 0);
    QCOMPARE(frame.value("fin"_L1).toBool(), true);
    QCOMPARE(frame.value("rsv1"_L1).toBool(), false);
    QCOMPARE(frame.value("rsv2"_L1).toBool(), false);
    QCOMPARE(frame.value("rsv3"_L1).toBool(), false);
    QCOMPARE(frame.value("opcode"_L1).toInt(), 1);
    QCOMPARE(frame.value("opcodeName"_L1).toString(), u"text"_s);
    QCOMPARE(frame.value("masked"_L1).toBool(), true);
    QCOMPARE(frame.value("maskKey"_L1).toString(), u"37fa213d"_s);
    QCOMPARE(frame.value("payloadLength"_L1).toInt(), 5);
    QCOMPARE(frame.value("lengthForm"_L1).toInt(), 7);
    QCOMPARE(frame.value("headerHex"_L1).toString(), u"818537fa213d"_s);
    QCOMPARE(frame.value("payloadHex"_L1).toString(), u"48656c6c6f"_s);
    QCOMPARE(frame.value("text"_L1).toString(), u"Hello"_s);
    QCOMPARE(frame.value("violations"_L1).toArray().size(), 0);

    const QJsonObject message = run.lines.at(1);
    QCOMPARE(message.value("type"_L1).toString(), u"message"_s);
    QCOMPARE(message.value("opcode"_L1).toInt(), 1);
    QCOMPARE(message.value("frames"_L1).toInt(), 1);
    QCOMPARE(message.value("payloadLength"_L1).toInt(), 5);
    QCOMPARE(message.value("text"_L1).toString(), u"Hello"_s);
    QCOMPARE(message.value("compressed"_L1).toBool(), false);

    const QJsonObject end = run.lines.at(2);
    QCOMPARE(end.value("type"_L1).toString(), u"end"_s);
    QCOMPARE(end.value("frames"_L1).toInt(), 1);
    QCOMPARE(end.value("messages"_L1).toInt(), 1);
    QCOMPARE(end.value("trailingBytes"_L1).toInt(), 0);
    QCOMPARE(end.value("bytes"_L1).toInt(), 11);
}

void tst_DecodeCommand::fragmentedMessage()
{
    const Run run = runCli({ u"decode"_s, u"--hex"_s, u"010348656c 890170 80026c6f 8103"_s, u"--from=server"_s });
    QCOMPARE(run.exitCode, 0);
    QStringList types;
    for (const QJsonObject &line : run.lines)
        types.append(line.value("type"_L1).toString());
    QCOMPARE(types, (QStringList { u"frame"_s, u"frame"_s, u"frame"_s, u"message"_s, u"end"_s }));
    QCOMPARE(run.lines.at(0).value("text"_L1).toString(), u"Hel"_s);
    QCOMPARE(run.lines.at(0).value("fin"_L1).toBool(), false);
    QCOMPARE(run.lines.at(1).value("opcodeName"_L1).toString(), u"ping"_s);
    QCOMPARE(run.lines.at(1).value("maskKey"_L1).type(), QJsonValue::Null);
    QCOMPARE(run.lines.at(2).value("opcodeName"_L1).toString(), u"continuation"_s);
    QCOMPARE(run.lines.at(2).value("offset"_L1).toInt(), 8);
    QCOMPARE(run.lines.at(3).value("text"_L1).toString(), u"Hello"_s);
    QCOMPARE(run.lines.at(3).value("frames"_L1).toInt(), 2);
    QCOMPARE(run.lines.at(3).value("frameIndexes"_L1).toArray(), (QJsonArray { 0, 2 }));
    QCOMPARE(run.lines.at(4).value("trailingBytes"_L1).toInt(), 2);
    QCOMPARE(run.lines.at(4).value("incompleteMessage"_L1).toBool(), false);
}

void tst_DecodeCommand::closeFrame()
{
    const Run run = runCli({ u"decode"_s, u"--hex"_s, u"880503e8627965"_s, u"--from"_s, u"server"_s });
    QCOMPARE(run.exitCode, 0);
    const QJsonObject frame = run.lines.at(0);
    QCOMPARE(frame.value("closeCode"_L1).toInt(), 1000);
    QCOMPARE(frame.value("closeCodeName"_L1).toString(), u"Normal Closure"_s);
    QCOMPARE(frame.value("closeReason"_L1).toString(), u"bye"_s);
    QCOMPARE(run.lines.at(1).value("messages"_L1).toInt(), 0);
}

void tst_DecodeCommand::violationsExitOne()
{
    // An unmasked client frame, then a good one: both decoded, the violation reported, exit 1.
    const Run run = runCli({ u"decode"_s, u"--hex"_s, u"810548656c6c6f 818537fa213d7f9f4d5158 88820000000003ed"_s,
                             u"--from"_s, u"client"_s });
    QCOMPARE(run.exitCode, 1);
    const QJsonArray violations = run.lines.at(0).value("violations"_L1).toArray();
    QCOMPARE(violations.size(), 1);
    const QJsonObject v = violations.at(0).toObject();
    QCOMPARE(v.value("closeCode"_L1).toInt(), 1002);
    QCOMPARE(v.value("rfc"_L1).toString(), u"5.1"_s);
    QCOMPARE(v.value("rule"_L1).toString(), u"unmasked-client-frame"_s);
    QVERIFY(v.value("message"_L1).toString().contains(u"MASK = 0"_s));
    QCOMPARE(run.lines.at(1).value("type"_L1).toString(), u"message"_s); // the first frame still makes a message
    const QJsonObject close = run.lines.at(4);
    QCOMPARE(close.value("closeCode"_L1).toInt(), 1005);
    QCOMPARE(close.value("violations"_L1).toArray().at(0).toObject().value("rule"_L1).toString(), u"invalid-close-code"_s);
    QCOMPARE(run.lines.constLast().value("violations"_L1).toInt(), 2);

    // A 1 TiB declaration: decoded at once, payload omitted, 1009.
    const Run huge = runCli({ u"decode"_s, u"--hex"_s, u"827f0000010000000000 6162"_s, u"--from"_s, u"server"_s });
    QCOMPARE(huge.exitCode, 1);
    QCOMPARE(huge.lines.at(0).value("payloadOmitted"_L1).toBool(), true);
    QCOMPARE(huge.lines.at(0).value("payloadLength"_L1).toDouble(), 1099511627776.0);
    QCOMPARE(huge.lines.at(0).value("violations"_L1).toArray().at(0).toObject().value("closeCode"_L1).toInt(), 1009);
    QCOMPARE(huge.lines.constLast().value("trailingBytes"_L1).toInt(), 12);

    // --max-message lowers the limit.
    const Run limited = runCli({ u"decode"_s, u"--hex"_s, u"810548656c6c6f"_s, u"--from"_s, u"server"_s,
                                 u"--max-message"_s, u"4"_s });
    QCOMPARE(limited.exitCode, 1);
    QCOMPARE(limited.lines.at(0).value("violations"_L1).toArray().at(0).toObject().value("rule"_L1).toString(),
             u"message-too-large"_s);
}

void tst_DecodeCommand::deflate()
{
    // RFC 7692 §7.2.3.2: two compressed "Hello" messages sharing the window.
    const Run run = runCli({ u"decode"_s, u"--hex"_s, u"c107f248cdc9c90700 c105f200110000"_s, u"--from"_s,
                             u"server"_s, u"--deflate"_s, u"permessage-deflate"_s });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.lines.at(0).value("compressed"_L1).toBool(), true);
    QCOMPARE(run.lines.at(0).value("rsv1"_L1).toBool(), true);
    QCOMPARE(run.lines.at(1).value("text"_L1).toString(), u"Hello"_s);
    QCOMPARE(run.lines.at(1).value("payloadLength"_L1).toInt(), 5);
    QCOMPARE(run.lines.at(1).value("wireLength"_L1).toInt(), 7);
    QCOMPARE(run.lines.at(1).value("compressed"_L1).toBool(), true);
    QCOMPARE(run.lines.at(3).value("text"_L1).toString(), u"Hello"_s);
    QCOMPARE(run.lines.at(3).value("wireLength"_L1).toInt(), 5);

    // Without --deflate the same bytes break RSV1 rules.
    const Run plain = runCli({ u"decode"_s, u"--hex"_s, u"c107f248cdc9c90700"_s, u"--from"_s, u"server"_s });
    QCOMPARE(plain.exitCode, 1);
    QCOMPARE(plain.lines.at(0).value("violations"_L1).toArray().at(0).toObject().value("rule"_L1).toString(),
             u"reserved-bits-set"_s);

    // With no context takeover for the server, the second message cannot inflate.
    const Run noTakeover = runCli({ u"decode"_s, u"--hex"_s, u"c107f248cdc9c90700 c105f200110000"_s, u"--from"_s,
                                    u"server"_s, u"--deflate"_s, u"permessage-deflate; server_no_context_takeover"_s });
    QCOMPARE(noTakeover.exitCode, 1);
    QCOMPARE(noTakeover.lines.at(2).value("violations"_L1).toArray().at(0).toObject().value("closeCode"_L1).toInt(), 1007);
}

void tst_DecodeCommand::fileAndStdinInput()
{
    const QByteArray bytes = QByteArray::fromHex("810548656c6c6f8202abcd");
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(bytes);
    file.flush();
    const Run fromFile = runCli({ u"decode"_s, u"--from"_s, u"server"_s, file.fileName() });
    QCOMPARE(fromFile.exitCode, 0);
    QCOMPARE(fromFile.lines.constLast().value("frames"_L1).toInt(), 2);
    QCOMPARE(fromFile.lines.constLast().value("bytes"_L1).toInt(), 11);

    const Run fromStdin = runCli({ u"decode"_s, u"--from"_s, u"server"_s, u"-"_s }, bytes);
    QCOMPARE(fromStdin.exitCode, 0);
    QCOMPARE(fromStdin.stdOut, fromFile.stdOut);
}

void tst_DecodeCommand::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("odd hex") << QStringList { u"decode"_s, u"--hex"_s, u"810"_s, u"--from"_s, u"server"_s }
                             << u"frameline-cli decode: --hex: odd number of hex digits (3); every byte needs two"_s;
    QTest::newRow("not hex") << QStringList { u"decode"_s, u"--hex"_s, u"81zz"_s, u"--from"_s, u"server"_s }
                             << u"frameline-cli decode: --hex: 'z' at position 3 is not a hex digit"_s;
    QTest::newRow("no from") << QStringList { u"decode"_s, u"--hex"_s, u"8100"_s }
                             << u"frameline-cli decode: --from is required: say who sent the bytes (client or server)"_s;
    QTest::newRow("bad from") << QStringList { u"decode"_s, u"--hex"_s, u"8100"_s, u"--from"_s, u"proxy"_s }
                              << u"frameline-cli decode: --from must be client or server, not 'proxy'"_s;
    QTest::newRow("unknown option") << QStringList { u"decode"_s, u"--hexx"_s, u"8100"_s, u"--from"_s, u"server"_s }
                                    << u"frameline-cli decode: Unknown option 'hexx'."_s;
    QTest::newRow("unreadable file") << QStringList { u"decode"_s, u"--from"_s, u"server"_s, u"/nonexistent/bytes.bin"_s }
                                     << u"frameline-cli decode: cannot read /nonexistent/bytes.bin: No such file or directory"_s;
    QTest::newRow("no input") << QStringList { u"decode"_s, u"--from"_s, u"server"_s }
                              << u"frameline-cli decode: no input: give --hex HEX, a FILE, or - for standard input"_s;
    QTest::newRow("both inputs") << QStringList { u"decode"_s, u"--hex"_s, u"8100"_s, u"--from"_s, u"server"_s, u"f"_s }
                                 << u"frameline-cli decode: give either --hex or a FILE, not both"_s;
    QTest::newRow("bad max-message") << QStringList { u"decode"_s, u"--hex"_s, u"8100"_s, u"--from"_s, u"server"_s,
                                                      u"--max-message"_s, u"lots"_s }
                                     << u"frameline-cli decode: --max-message must be a positive number of bytes, not 'lots'"_s;
    QTest::newRow("bad deflate") << QStringList { u"decode"_s, u"--hex"_s, u"8100"_s, u"--from"_s, u"server"_s,
                                                  u"--deflate"_s, u"x-webkit-deflate-frame"_s }
                                 << u"frameline-cli decode: --deflate: "_s;
    QTest::newRow("unknown command") << QStringList { u"decodee"_s }
                                     << u"frameline-cli: unknown command 'decodee'"_s;
}

void tst_DecodeCommand::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const Run run = runCli(arguments, {}, false);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.stdOut.isEmpty());
    QVERIFY2(run.stdErr.startsWith(error), qPrintable(run.stdErr));
}

void tst_DecodeCommand::help()
{
    const Run run = runCli({ u"decode"_s, u"--help"_s }, {}, false);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.stdOut.startsWith("Usage: frameline-cli decode [options]"));
    for (const char *part : { "--hex", "--from", "--deflate", "--max-message", "Exit status" })
        QVERIFY2(run.stdOut.contains(part), part);
    const Run top = runCli({ u"--help"_s }, {}, false);
    QCOMPARE(top.exitCode, 0);
    QVERIFY(top.stdOut.contains("decode"));
}

QTEST_GUILESS_MAIN(tst_DecodeCommand)
#include "tst_decodecommand.moc"
