// The composer's input engines: payload variables (exact expansions with a fixed clock and random source,
// exact error positions), hex / base64 / file input (exact bytes, exact line and column of errors) and JSON
// validation and formatting (exact error places, exact pretty and compact text, round trips).

#include "app/compose/binaryinput.h"
#include "app/compose/jsoninput.h"
#include "app/compose/payloadvariables.h"

#include <QtCore/QDir>
#include <QtCore/QJsonDocument>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUuid>
#include <QtTest/QTest>

using namespace Frameline;
using namespace Qt::StringLiterals;

namespace {

// A clock at 2026-11-21T09:33:20.123Z and a random source yielding 0, 1, 2, ...
PayloadVariables::Sources fixedSources(quint32 *next)
{
    PayloadVariables::Sources sources;
    sources.now = [] { return QDateTime(QDate(2026, 11, 21), QTime(9, 33, 20, 123), Qt::UTC); };
    sources.random = [next] { return (*next)++; };
    return sources;
}

} // namespace

class TestComposeInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void variables_data();
    void variables();
    void variablesErrors_data();
    void variablesErrors();
    void variablesWithoutBracesShareTheBytes();
    void counterAdvancesPerSend();
    void uuidsDiffer();
    void randomRejectsBias();
    void variableList();
    void manyVariablesInLargePayload();

    void hex_data();
    void hex();
    void hexErrors_data();
    void hexErrors();
    void base64_data();
    void base64();
    void base64Errors_data();
    void base64Errors();
    void files();

    void jsonValid_data();
    void jsonValid();
    void jsonErrors_data();
    void jsonErrors();
    void jsonPretty();
    void jsonKeepsOrderAndNumbers();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
};

void TestComposeInput::variables_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("hello") << QByteArray("hello");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("timestamp") << QByteArray("t={{timestamp}}") << QByteArray("t=1795253600123");
    QTest::newRow("timestamp:s") << QByteArray("{{timestamp:s}}") << QByteArray("1795253600");
    QTest::newRow("timestamp:iso") << QByteArray("{{timestamp:iso}}")
                                   << QByteArray("2026-11-21T09:33:20.123Z");
    QTest::newRow("same time twice") << QByteArray("{{timestamp}}/{{timestamp}}")
                                     << QByteArray("1795253600123/1795253600123");
    QTest::newRow("uuid") << QByteArray("{\"id\":\"{{uuid}}\"}")
                          << QByteArray("{\"id\":\"00000000-0000-4001-8000-000200000003\"}");
    QTest::newRow("counter") << QByteArray("#{{counter}}") << QByteArray("#7");
    QTest::newRow("spaces inside") << QByteArray("{{ counter }}") << QByteArray("7");
    QTest::newRow("random:5") << QByteArray("[{{random:5}}]") << QByteArray("[ABCDE]");
    QTest::newRow("random:1") << QByteArray("{{random:1}}") << QByteArray("A");
    QTest::newRow("random wraps alphabet") << QByteArray(
        "{{random:64}}") << QByteArray("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789AB");
    QTest::newRow("escaped") << QByteArray("\\{{uuid}} {{counter}}") << QByteArray("{{uuid}} 7");
    QTest::newRow("backslash elsewhere kept")
        << QByteArray("a\\nb\\\"{{counter}}") << QByteArray("a\\nb\\\"7");
    QTest::newRow("utf8 around") << QByteArray("한국어 {{counter}} ✓") << QByteArray("한국어 7 ✓");
    QTest::newRow("single braces") << QByteArray("{a} }} {") << QByteArray("{a} }} {");
}

void TestComposeInput::variables()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    quint32 next = 0;
    PayloadCounter counter;
    counter.reset(7);
    const PayloadVariables::Result result = PayloadVariables::expand(input, &counter, fixedSources(&next));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, expected);
    QCOMPARE(result.errorOffset, -1);
    QCOMPARE(counter.value(), quint64(8));
}

void TestComposeInput::variablesErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<qsizetype>("length");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown")
        << QByteArray("ab {{nope}} cd") << qsizetype(3) << qsizetype(8)
        << u"Unknown variable {{nope}} at byte 3; the variables are {{timestamp}}, {{timestamp:s}}, "
           u"{{timestamp:iso}}, {{uuid}}, {{counter}} and {{random:N}}; write \"\\{{\" for a literal \"{{\""_s;
    QTest::newRow("unknown after utf8")
        << QByteArray("é{{x}}") << qsizetype(2) << qsizetype(5)
        << u"Unknown variable {{x}} at byte 2; the variables are {{timestamp}}, {{timestamp:s}}, "
           u"{{timestamp:iso}}, {{uuid}}, {{counter}} and {{random:N}}; write \"\\{{\" for a literal \"{{\""_s;
    QTest::newRow("unterminated")
        << QByteArray("x {{uuid") << qsizetype(2) << qsizetype(2)
        << u"\"{{\" at byte 2 starts a variable but has no closing \"}}\"; write \"\\{{\" for a literal \"{{\""_s;
    QTest::newRow("nested open")
        << QByteArray("{{a {{uuid}}") << qsizetype(0) << qsizetype(2)
        << u"\"{{\" at byte 0 starts a variable but has no closing \"}}\"; write \"\\{{\" for a literal \"{{\""_s;
    QTest::newRow("random:0")
        << QByteArray("{{random:0}}") << qsizetype(0) << qsizetype(12)
        << u"{{random:0}} at byte 0: the length must be a whole number from 1 to 65536, as in {{random:16}}"_s;
    QTest::newRow("random too long")
        << QByteArray("..{{random:65537}}") << qsizetype(2) << qsizetype(16)
        << u"{{random:65537}} at byte 2: the length must be a whole number from 1 to 65536, as in {{random:16}}"_s;
    QTest::newRow("random no number")
        << QByteArray("{{random}}") << qsizetype(0) << qsizetype(10)
        << u"{{random}} at byte 0: the length must be a whole number from 1 to 65536, as in {{random:16}}"_s;
    QTest::newRow("random letters")
        << QByteArray("{{random:1x}}") << qsizetype(0) << qsizetype(13)
        << u"{{random:1x}} at byte 0: the length must be a whole number from 1 to 65536, as in {{random:16}}"_s;
    QTest::newRow("random huge")
        << QByteArray("{{random:99999999999}}") << qsizetype(0) << qsizetype(22)
        << u"{{random:99999999999}} at byte 0: the length must be a whole number from 1 to 65536, as in "
           u"{{random:16}}"_s;
    QTest::newRow("error after good one")
        << QByteArray("{{uuid}}{{UUID}}") << qsizetype(8) << qsizetype(8)
        << u"Unknown variable {{UUID}} at byte 8; the variables are {{timestamp}}, {{timestamp:s}}, "
           u"{{timestamp:iso}}, {{uuid}}, {{counter}} and {{random:N}}; write \"\\{{\" for a literal \"{{\""_s;
}

void TestComposeInput::variablesErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, offset);
    QFETCH(qsizetype, length);
    QFETCH(QString, error);
    quint32 next = 0;
    PayloadCounter counter;
    const PayloadVariables::Result result = PayloadVariables::expand(input, &counter, fixedSources(&next));
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QCOMPARE(result.errorOffset, offset);
    QCOMPARE(result.errorLength, length);
    QVERIFY(result.bytes.isEmpty());
    QCOMPARE(counter.value(), quint64(1)); // a failed expansion is not a send
}

void TestComposeInput::variablesWithoutBracesShareTheBytes()
{
    const QByteArray large(8 * 1024 * 1024, 'x');
    QVERIFY(!PayloadVariables::mayContainVariables(large));
    const PayloadVariables::Result result = PayloadVariables::expand(large);
    QVERIFY(result.ok());
    QCOMPARE(result.bytes.constData(), large.constData()); // shared, not copied
}

void TestComposeInput::counterAdvancesPerSend()
{
    PayloadCounter counter;
    QCOMPARE(PayloadVariables::expand("{{counter}}", &counter).bytes, QByteArray("1"));
    QCOMPARE(PayloadVariables::expand("no variable", &counter).bytes, QByteArray("no variable"));
    QCOMPARE(PayloadVariables::expand("{{counter}},{{counter}}", &counter).bytes, QByteArray("3,3"));
    QCOMPARE(counter.value(), quint64(4));
}

void TestComposeInput::uuidsDiffer()
{
    const PayloadVariables::Result result = PayloadVariables::expand("{{uuid}} {{uuid}}");
    QVERIFY(result.ok());
    const QList<QByteArray> parts = result.bytes.split(' ');
    QCOMPARE(parts.size(), 2);
    QVERIFY(parts[0] != parts[1]);
    for (const QByteArray &part : parts) {
        const QUuid uuid = QUuid::fromString(QLatin1StringView(part));
        QVERIFY(!uuid.isNull());
        QCOMPARE(uuid.version(), QUuid::Random);
        QCOMPARE(uuid.variant(), QUuid::DCE);
    }
}

void TestComposeInput::randomRejectsBias()
{
    // Values at or above the largest multiple of 62 are drawn again.
    QList<quint32> values { 0xFFFFFFFFu, 0xFFFFFFFCu, 61 };
    PayloadVariables::Sources sources;
    sources.random = [&values] { return values.takeFirst(); };
    const PayloadVariables::Result result = PayloadVariables::expand("{{random:1}}", nullptr, sources);
    QCOMPARE(result.bytes, QByteArray("9"));
    QVERIFY(values.isEmpty());
}

void TestComposeInput::variableList()
{
    const QList<PayloadVariables::VariableInfo> list = PayloadVariables::variables();
    QStringList syntaxes;
    for (const PayloadVariables::VariableInfo &variable : list) {
        syntaxes.append(variable.syntax);
        QVERIFY(!variable.description.isEmpty());
    }
    QCOMPARE(syntaxes,
        (QStringList { u"{{timestamp}}"_s, u"{{timestamp:s}}"_s, u"{{timestamp:iso}}"_s, u"{{uuid}}"_s,
            u"{{counter}}"_s, u"{{random:N}}"_s, u"\\{{"_s }));
}

void TestComposeInput::manyVariablesInLargePayload()
{
    QByteArray input;
    QByteArray expected;
    for (int i = 0; i < 100000; ++i) {
        input += "ab{{counter}}";
        expected += "ab1";
    }
    const PayloadVariables::Result result = PayloadVariables::expand(input);
    QVERIFY(result.ok());
    QCOMPARE(result.bytes, expected);
}

void TestComposeInput::hex_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray deadbeef = QByteArray::fromHex("deadbeef");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("only spaces") << u"  \n\t "_s << QByteArray();
    QTest::newRow("packed") << u"deadbeef"_s << deadbeef;
    QTest::newRow("upper") << u"DEADBEEF"_s << deadbeef;
    QTest::newRow("spaced") << u"de ad be ef"_s << deadbeef;
    QTest::newRow("free spacing") << u"  dead\n\tbe  ef\r\n"_s << deadbeef;
    QTest::newRow("0x each") << u"0xde 0xad 0xBE 0XEF"_s << deadbeef;
    QTest::newRow("0x once") << u"0xdeadbeef"_s << deadbeef;
    QTest::newRow("colons") << u"de:ad:be:ef"_s << deadbeef;
    QTest::newRow("commas") << u"0xde, 0xad, 0xbe, 0xef"_s << deadbeef;
    QTest::newRow("zero byte") << u"00 0x00"_s << QByteArray(2, '\0');
    // C-style escapes, as copied from source code or a debugger.
    QTest::newRow("c escapes") << u"\\x48\\x65\\x6C\\x6c\\x6f"_s << QByteArray("Hello");
    QTest::newRow("c escapes upper X") << u"\\XDE\\xad"_s << QByteArray::fromHex("dead");
    QTest::newRow("c escapes spaced") << u"\\xde \\xad\n\\xbe,\\xef"_s << deadbeef;
    QTest::newRow("c escapes after digits") << u"de\\xad be\\xef"_s << deadbeef;
}

void TestComposeInput::hex()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, expected);
    const BinaryInput::Result result = BinaryInput::fromHex(input);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, expected);
}

void TestComposeInput::hexErrors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("error");
    QTest::addColumn<qsizetype>("position");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("bad digit") << u"de ag"_s << u"\"g\" is not a hex digit"_s << qsizetype(4) << 1 << 5;
    QTest::newRow("second line") << u"dead\n be zz"_s << u"\"z\" is not a hex digit"_s << qsizetype(9) << 2
                                 << 5;
    QTest::newRow("crlf") << u"00\r\n11\r\n2x"_s << u"\"x\" is not a hex digit"_s << qsizetype(9) << 3 << 2;
    QTest::newRow("odd group") << u"de adb ef"_s
                               << u"The group \"adb\" has an odd number of hex digits; every byte needs two"_s
                               << qsizetype(5) << 1 << 6;
    QTest::newRow("odd at end")
        << u"0xabc"_s << u"The group \"0xabc\" has an odd number of hex digits; every byte needs two"_s
        << qsizetype(4) << 1 << 5;
    QTest::newRow("0x alone") << u"ab 0x"_s << u"\"0x\" is not followed by hex digits"_s << qsizetype(3) << 1
                              << 4;
    QTest::newRow("0x then junk") << u"0xq1"_s << u"\"q\" is not a hex digit"_s << qsizetype(2) << 1 << 3;
    QTest::newRow("after emoji") << u"😀 ab"_s << u"\"😀\" is not a hex digit"_s << qsizetype(0) << 1 << 1;
    QTest::newRow("column after emoji")
        << u"ab😀"_s << u"\"😀\" is not a hex digit"_s << qsizetype(2) << 1 << 3;
    QTest::newRow("escape one digit")
        << u"\\x4"_s << u"\"\\x\" is not followed by two hex digits"_s << qsizetype(0) << 1 << 1;
    QTest::newRow("escape bad digit")
        << u"\\x4g"_s << u"\"g\" is not a hex digit"_s << qsizetype(3) << 1 << 4;
    QTest::newRow("escape no x") << u"ab \\n"_s
                                 << u"\"\\\" must start an escape \"\\x\" followed by two hex digits"_s
                                 << qsizetype(3) << 1 << 4;
    QTest::newRow("odd before escape")
        << u"4\\x65"_s << u"The group \"4\" has an odd number of hex digits; every byte needs two"_s
        << qsizetype(0) << 1 << 1;
    QTest::newRow("control char") << u"ab\u0001"_s << u"U+0001 is not a hex digit"_s << qsizetype(2) << 1
                                  << 3;
}

void TestComposeInput::hexErrors()
{
    QFETCH(QString, input);
    QFETCH(QString, error);
    QFETCH(qsizetype, position);
    QFETCH(int, line);
    QFETCH(int, column);
    const BinaryInput::Result result = BinaryInput::fromHex(input);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QCOMPARE(result.position, position);
    QCOMPARE(result.line, line);
    QCOMPARE(result.column, column);
    QVERIFY(result.bytes.isEmpty());
}

void TestComposeInput::base64_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("padded 1") << u"YQ=="_s << QByteArray("a");
    QTest::newRow("padded 2") << u"YWI="_s << QByteArray("ab");
    QTest::newRow("full") << u"YWJj"_s << QByteArray("abc");
    QTest::newRow("unpadded 1") << u"YQ"_s << QByteArray("a");
    QTest::newRow("unpadded 2") << u"YWI"_s << QByteArray("ab");
    QTest::newRow("standard") << u"+/8="_s << QByteArray::fromHex("fbff");
    QTest::newRow("url-safe") << u"-_8"_s << QByteArray::fromHex("fbff");
    QTest::newRow("wrapped") << u"SGVs\nbG8s\r\n IHdv cmxk"_s << QByteArray("Hello, world");
    QTest::newRow("binary") << u"AAECA/7/"_s << QByteArray::fromHex("00010203feff");
}

void TestComposeInput::base64()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, expected);
    const BinaryInput::Result result = BinaryInput::fromBase64(input);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, expected);
}

void TestComposeInput::base64Errors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("error");
    QTest::addColumn<qsizetype>("position");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("bad char") << u"YW*j"_s << u"\"*\" is not a base64 character"_s << qsizetype(2) << 1 << 3;
    QTest::newRow("second line") << u"YWJj\nY.=="_s << u"\".\" is not a base64 character"_s << qsizetype(6)
                                 << 2 << 2;
    QTest::newRow("one left over")
        << u"YWJjY"_s
        << u"The base64 text ends with a single character in its last group of four, which cannot encode a byte"_s
        << qsizetype(4) << 1 << 5;
    QTest::newRow("data after padding")
        << u"YQ==YQ=="_s << u"Base64 data after the '=' padding"_s << qsizetype(4) << 1 << 5;
    QTest::newRow("three pads") << u"YQ==="_s
                                << u"Too much '=' padding: a base64 group ends with at most two"_s
                                << qsizetype(4) << 1 << 5;
    QTest::newRow("short padding")
        << u"YQ="_s
        << u"The '=' padding does not complete the last group of four characters (2 data characters need 2)"_s
        << qsizetype(2) << 1 << 3;
    QTest::newRow("padding after full group")
        << u"YWJj=="_s
        << u"The '=' padding does not complete the last group of four characters (4 data characters need 0)"_s
        << qsizetype(4) << 1 << 5;
}

void TestComposeInput::base64Errors()
{
    QFETCH(QString, input);
    QFETCH(QString, error);
    QFETCH(qsizetype, position);
    QFETCH(int, line);
    QFETCH(int, column);
    const BinaryInput::Result result = BinaryInput::fromBase64(input);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QCOMPARE(result.position, position);
    QCOMPARE(result.line, line);
    QCOMPARE(result.column, column);
}

void TestComposeInput::files()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"payload.bin"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromHex("00ff10"));
    }
    BinaryInput::Result result = BinaryInput::readFile(path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, QByteArray::fromHex("00ff10"));

    result = BinaryInput::readFile(path, 3);
    QVERIFY(result.ok());
    result = BinaryInput::readFile(path, 2);
    QCOMPARE(result.error,
        u"The file %1 has 3 bytes, over the limit of 2 bytes"_s.arg(QDir::toNativeSeparators(path)));
    QVERIFY(result.bytes.isEmpty());

    const QString missing = dir.filePath(u"missing.bin"_s);
    result = BinaryInput::readFile(missing);
    QCOMPARE(result.error, u"The file %1 does not exist"_s.arg(QDir::toNativeSeparators(missing)));

    result = BinaryInput::readFile(dir.path());
    QCOMPARE(result.error, u"%1 is not a regular file"_s.arg(QDir::toNativeSeparators(dir.path())));
    // A file that exists but cannot be read is not shown here: the tests run as root in CI, which reads
    // any file whatever its permissions.
}

void TestComposeInput::jsonValid_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("object") << QByteArray("{\"a\": 1}");
    QTest::newRow("array") << QByteArray(" [1, 2.5e10, -0, true, null] \n");
    QTest::newRow("string") << QByteArray("\"hi\"");
    QTest::newRow("number") << QByteArray(" 42 ");
    QTest::newRow("literal") << QByteArray("null");
    QTest::newRow("utf8") << QByteArray("{\"키\": \"값 😀\"}");
}

void TestComposeInput::jsonValid()
{
    QFETCH(QByteArray, input);
    const JsonInput::Error error = JsonInput::validate(input);
    QVERIFY2(error.isValid(), qPrintable(error.message));
    QCOMPARE(error.byteOffset, -1);
}

void TestComposeInput::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("byteOffset");
    QTest::addColumn<qsizetype>("position");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray("  ") << qsizetype(2) << qsizetype(2) << 1 << 3
                           << u"The text is empty; JSON needs a value"_s;
    QTest::newRow("missing value")
        << QByteArray("{\"a\": }") << qsizetype(6) << qsizetype(6) << 1 << 7
        << u"A value is expected here: an object, array, string, number, true, false or null"_s;
    QTest::newRow("second line") << QByteArray("{\n  \"a\": 1,\n  \"b\" 2\n}") << qsizetype(18)
                                 << qsizetype(18) << 3 << 7 << u"A ':' is expected after the key"_s;
    QTest::newRow("after utf8") << QByteArray("{\"한\": 1 \"b\": 2}") << qsizetype(10) << qsizetype(8) << 1
                                << 9 << u"The object is not closed: a ',' or '}' is expected here"_s;
    QTest::newRow("after emoji") << QByteArray("[\"😀\" 1]") << qsizetype(8) << qsizetype(6) << 1 << 6
                                 << u"A ',' is expected between the values"_s;
    QTest::newRow("unclosed array") << QByteArray("[1}") << qsizetype(2) << qsizetype(2) << 1 << 3
                                    << u"The array is not closed: a ',' or ']' is expected here"_s;
    QTest::newRow("unclosed string") << QByteArray("\"abc") << qsizetype(4) << qsizetype(4) << 1 << 5
                                     << u"The text ends inside a string: a closing '\"' is missing"_s;
    const QString cutShort = u"The text ends before the JSON value is complete: a closing '%1' is missing"_s;
    QTest::newRow("cut after number")
        << QByteArray("[1") << qsizetype(2) << qsizetype(2) << 1 << 3 << cutShort.arg(QChar(u']'));
    QTest::newRow("cut after literal")
        << QByteArray("[true ") << qsizetype(6) << qsizetype(6) << 1 << 7 << cutShort.arg(QChar(u']'));
    QTest::newRow("cut after comma") << QByteArray("{\"a\":[1,") << qsizetype(8) << qsizetype(8) << 1 << 9
                                     << cutShort.arg(QChar(u']'));
    QTest::newRow("cut after colon") << QByteArray("{\"a\":") << qsizetype(5) << qsizetype(5) << 1 << 6
                                     << cutShort.arg(QChar(u'}'));
    QTest::newRow("cut after string")
        << QByteArray("[\"a\"") << qsizetype(4) << qsizetype(4) << 1 << 5 << cutShort.arg(QChar(u']'));
    QTest::newRow("cut in string") << QByteArray("[\"a\\\"") << qsizetype(5) << qsizetype(5) << 1 << 6
                                   << u"The text ends inside a string: a closing '\"' is missing"_s;
    QTest::newRow("missing colon before end") << QByteArray("[{\"a\" 1") << qsizetype(6) << qsizetype(6) << 1
                                              << 7 << u"A ':' is expected after the key"_s;
    QTest::newRow("two scalars") << QByteArray("1, 2") << qsizetype(1) << qsizetype(1) << 1 << 2
                                 << u"Unexpected text after the value"_s;
    QTest::newRow("scalar then space value") << QByteArray("true false") << qsizetype(5) << qsizetype(5) << 1
                                             << 6 << u"Unexpected text after the value"_s;
    QTest::newRow("garbage after object") << QByteArray("{} x") << qsizetype(3) << qsizetype(3) << 1 << 4
                                          << u"Unexpected text after the value"_s;
}

void TestComposeInput::jsonErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, byteOffset);
    QFETCH(qsizetype, position);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const JsonInput::Error error = JsonInput::validate(input);
    QVERIFY(!error.isValid());
    QCOMPARE(error.message, message);
    QCOMPARE(error.byteOffset, byteOffset);
    QCOMPARE(error.position, position);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    // The position indexes the same place in the QString of the text.
    const QString text = QString::fromUtf8(input);
    QCOMPARE(text.left(position).toUtf8(), input.left(byteOffset));
    QVERIFY(JsonInput::pretty(input).isEmpty());
    QVERIFY(JsonInput::compact(input).isEmpty());
}

void TestComposeInput::jsonPretty()
{
    const QByteArray input("{\"b\":1,\"a\":[1,{\"x\":null},[],{}],\"s\":\"a, b: {c}\"}");
    const QByteArray expected("{\n"
                              "  \"b\": 1,\n"
                              "  \"a\": [\n"
                              "    1,\n"
                              "    {\n"
                              "      \"x\": null\n"
                              "    },\n"
                              "    [],\n"
                              "    {}\n"
                              "  ],\n"
                              "  \"s\": \"a, b: {c}\"\n"
                              "}");
    QCOMPARE(JsonInput::pretty(input), expected);
    QCOMPARE(JsonInput::pretty(input, 4).left(14), QByteArray("{\n    \"b\": 1,\n"));
    QCOMPARE(JsonInput::compact(expected), input);
    QCOMPARE(JsonInput::pretty("  42 "), QByteArray("42"));
    QCOMPARE(JsonInput::compact(" [ ] "), QByteArray("[]"));

    JsonInput::Error error;
    QVERIFY(JsonInput::pretty("[1,]", 2, &error).isEmpty());
    QVERIFY(!error.isValid());
    QCOMPARE(error.byteOffset, 3);
}

void TestComposeInput::jsonKeepsOrderAndNumbers()
{
    const QByteArray input("{ \"z\" : 1.50, \"a\" : 1E+2, \"z\" : -0.0, \"n\": 12345678901234567890,"
                           " \"e\": \"\\u00e9\\\"\\\\ \" }");
    QCOMPARE(JsonInput::compact(input),
        QByteArray(
            "{\"z\":1.50,\"a\":1E+2,\"z\":-0.0,\"n\":12345678901234567890,\"e\":\"\\u00e9\\\"\\\\ \"}"));
}

void TestComposeInput::jsonRoundTrip_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("nested") << QByteArray("{\"a\":[[[]],{\"b\":{\"c\":[1,2,{\"d\":\"}]\"}]}}],\"e\":false}");
    QTest::newRow("spaced") << QByteArray(" [ 1 ,\n2 ,\t\"x y\" ] ");
    QTest::newRow("escapes") << QByteArray("[\"\\\"\", \"\\\\\", \"a\\\\\\\"b\"]");
    QTest::newRow("utf8") << QByteArray("{\"키\":[\"값\",\"😀\"]}");
    QTest::newRow("scalar string") << QByteArray("\"  spaced  \"");
}

void TestComposeInput::jsonRoundTrip()
{
    QFETCH(QByteArray, input);
    const QByteArray compact = JsonInput::compact(input);
    const QByteArray pretty = JsonInput::pretty(input);
    QVERIFY(!compact.isEmpty());
    QVERIFY(!pretty.isEmpty());
    QCOMPARE(JsonInput::compact(pretty), compact);
    QCOMPARE(JsonInput::pretty(compact), pretty);
    QCOMPARE(JsonInput::pretty(pretty), pretty);
    // The same value as Qt reads it.
    const QByteArray wrapped = "[" + input + "]";
    QCOMPARE(QJsonDocument::fromJson("[" + pretty + "]"), QJsonDocument::fromJson(wrapped));
}

QTEST_GUILESS_MAIN(TestComposeInput)
#include "tst_composeinput.moc"
