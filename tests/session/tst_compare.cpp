// Compare: JSONPath ignore patterns (parsing, errors, matching), JSON-aware differences, text and binary
// first differences, the pairing of recorded and replayed messages in order with missing and extra ones,
// and the exact words of the explanations, the summary and the report.

#include "app/session/compare.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QTest>

using namespace Frameline;
using namespace Qt::StringLiterals;

namespace {

Message text(const QByteArray &utf8)
{
    Message message;
    message.opcode = 0x1;
    message.payload = utf8;
    return message;
}

Message binary(const QByteArray &bytes)
{
    Message message;
    message.opcode = 0x2;
    message.payload = bytes;
    return message;
}

Compare::Path path(const QString &pattern)
{
    QString error;
    const auto parsed = Compare::Path::parse(pattern, &error);
    if (!parsed)
        qFatal("%s", qPrintable(error));
    return *parsed;
}

QJsonValue json(const QByteArray &text)
{
    const auto value = Compare::parseJson(text);
    if (!value)
        qFatal("not JSON: %s", text.constData());
    return *value;
}

// "a", 0, "b" as a Location.
Compare::Location at(std::initializer_list<Compare::PathStep> steps)
{
    return Compare::Location(steps);
}

Compare::PathStep key(const char16_t *name)
{
    return QString::fromUtf16(name);
}

Compare::PathStep index(qsizetype i)
{
    return i;
}

QStringList describe(const QList<Compare::JsonDifference> &differences)
{
    QStringList lines;
    for (const Compare::JsonDifference &difference : differences) {
        switch (difference.kind) {
        case Compare::JsonDifference::Kind::Changed:
            lines.append(
                difference.path + u" changed "_s + difference.recorded + u" -> "_s + difference.replayed);
            break;
        case Compare::JsonDifference::Kind::OnlyRecorded:
            // The side that has nothing says nothing (shown when it does, so the comparison fails).
            lines.append(difference.path + u" only recorded "_s + difference.recorded
                + (difference.replayed.isEmpty() ? QString() : u" replayed="_s + difference.replayed));
            break;
        case Compare::JsonDifference::Kind::OnlyReplayed:
            lines.append(difference.path + u" only replayed "_s + difference.replayed
                + (difference.recorded.isEmpty() ? QString() : u" recorded="_s + difference.recorded));
            break;
        }
    }
    return lines;
}

} // namespace

class tst_Compare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsePath_data();
    void parsePath();
    void parsePathErrors_data();
    void parsePathErrors();
    void pathMatches();
    void pathText();
    void parseJson_data();
    void parseJson();
    void jsonDifferences();
    void jsonNumbers();
    void jsonIgnore();
    void equalPairs();
    void jsonPairExplained();
    void textPairExplained();
    void textDifferenceCountsCharacters();
    void textPrefix();
    void binaryPairExplained();
    void invalidUtf8TextComparedAsBytes();
    void opcodeDiffers();
    void messagesMissingAndExtra();
    void messagesPass();
    void reportWords();
};

void tst_Compare::parsePath_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::newRow("root") << u"$"_s;
    QTest::newRow("members") << u"$.a.b"_s;
    QTest::newRow("wildcard element") << u"$.items[*].id"_s;
    QTest::newRow("recursive") << u"$..timestamp"_s;
    QTest::newRow("bracket name") << u"$['a b'].c"_s;
    QTest::newRow("double quotes with escape") << u"$[\"x\\\"y\"]"_s;
    QTest::newRow("index") << u"$[0]"_s;
    QTest::newRow("member wildcard") << u"$.*"_s;
    QTest::newRow("recursive index") << u"$..[2]"_s;
    QTest::newRow("recursive wildcard") << u"$..*"_s;
    QTest::newRow("dash and dollar") << u"$.x-request-id.$ref"_s;
}

void tst_Compare::parsePath()
{
    QFETCH(QString, pattern);
    QString error;
    const auto parsed = Compare::Path::parse(pattern, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->text(), pattern);
}

void tst_Compare::parsePathErrors_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("error");
    QTest::newRow("no $")
        << u"timestamp"_s
        << u"'timestamp' is not a JSONPath this understands: it must start with $ (for example "
           "$.timestamp, $.items[*].id or $..id)"_s;
    QTest::newRow("empty") << QString()
                           << u"'' is not a JSONPath this understands: it must start with $ (for example "
                              "$.timestamp, $.items[*].id or $..id)"_s;
    QTest::newRow("trailing dot")
        << u"$.a."_s
        << u"'$.a.' is not a JSONPath this understands: a name, * or [ is missing after "
           "the dot at the end"_s;
    QTest::newRow("open bracket")
        << u"$.a["_s << u"'$.a[' is not a JSONPath this understands: ']' is missing at the end"_s;
    QTest::newRow("not an index")
        << u"$[x]"_s
        << u"'$[x]' is not a JSONPath this understands: expected an index, * or a quoted "
           "name after '[' at offset 1"_s;
    QTest::newRow("unclosed quote")
        << u"$['a"_s
        << u"'$['a' is not a JSONPath this understands: the quoted name that starts at "
           "offset 2 has no closing '"_s;
    QTest::newRow("space in name")
        << u"$.a b"_s
        << u"'$.a b' is not a JSONPath this understands: unexpected ' ' at offset 3: "
           "expected '.' or '['"_s;
    QTest::newRow("dot bracket")
        << u"$.[0]"_s
        << u"'$.[0]' is not a JSONPath this understands: '.[' at offset 1: write [ without "
           "the dot"_s;
    QTest::newRow("no closing bracket") << u"$[12.a"_s
                                        << u"'$[12.a' is not a JSONPath this understands: ']' is missing at "
                                           "offset 4"_s;
    QTest::newRow("odd character")
        << u"$.#"_s
        << u"'$.#' is not a JSONPath this understands: unexpected '#' at offset 2 (a "
           "member name in brackets can hold any character: ['#'])"_s;
}

void tst_Compare::parsePathErrors()
{
    QFETCH(QString, pattern);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!Compare::Path::parse(pattern, &actual));
    QCOMPARE(actual, error);
}

void tst_Compare::pathMatches()
{
    struct Case
    {
        const char16_t *pattern;
        Compare::Location location;
        bool matches;
    };
    const Case cases[] = {
        { u"$", at({}), true },
        { u"$", at({ key(u"a") }), false },
        { u"$.a.b", at({ key(u"a"), key(u"b") }), true },
        { u"$.a.b", at({ key(u"a") }), false },
        { u"$.a.b", at({ key(u"a"), key(u"b"), key(u"c") }), false }, // exact; the walk skips what is below
        { u"$.a.b", at({ key(u"b"), key(u"a") }), false },
        { u"$.items[*].id", at({ key(u"items"), index(0), key(u"id") }), true },
        { u"$.items[*].id", at({ key(u"items"), index(7), key(u"id") }), true },
        { u"$.items[*].id", at({ key(u"items"), key(u"x"), key(u"id") }),
            true }, // * is any member or element
        { u"$.items[*].id", at({ key(u"items"), index(0), key(u"name") }), false },
        { u"$.items[1]", at({ key(u"items"), index(1) }), true },
        { u"$.items[1]", at({ key(u"items"), index(2) }), false },
        { u"$.items[1]", at({ key(u"items"), key(u"1") }), false }, // a member named "1" is not element 1
        { u"$['1']", at({ key(u"1") }), true },
        { u"$..timestamp", at({ key(u"timestamp") }), true },
        { u"$..timestamp", at({ key(u"a"), index(3), key(u"b"), key(u"timestamp") }), true },
        { u"$..timestamp", at({ key(u"timestamp"), key(u"x") }), false },
        { u"$..timestamp", at({ key(u"timestamps") }), false },
        { u"$.meta..id", at({ key(u"meta"), key(u"id") }), true },
        { u"$.meta..id", at({ key(u"meta"), key(u"deep"), key(u"id") }), true },
        { u"$.meta..id", at({ key(u"data"), key(u"id") }), false },
        { u"$..items[*].id", at({ key(u"x"), key(u"items"), index(0), key(u"id") }), true },
        { u"$..[0]", at({ key(u"a"), index(0) }), true },
        { u"$..[0]", at({ key(u"a"), index(1) }), false },
        { u"$.*", at({ key(u"anything") }), true },
        { u"$.*", at({ index(4) }), true },
        { u"$.*", at({}), false },
        { u"$..*", at({ key(u"a"), key(u"b") }), true },
        { u"$['a b'].c", at({ key(u"a b"), key(u"c") }), true },
        { u"$[\"x\\\"y\"]", at({ key(u"x\"y") }), true },
    };
    for (const Case &c : cases) {
        const QString pattern = QString::fromUtf16(c.pattern);
        QVERIFY2(path(pattern).matches(c.location) == c.matches,
            qPrintable(pattern + u" at "_s + Compare::pathText(c.location)));
    }
}

void tst_Compare::pathText()
{
    QCOMPARE(Compare::pathText(at({})), u"$"_s);
    QCOMPARE(Compare::pathText(at({ key(u"items"), index(2), key(u"id") })), u"$.items[2].id"_s);
    QCOMPARE(Compare::pathText(at({ key(u"a b") })), u"$['a b']"_s);
    QCOMPARE(Compare::pathText(at({ key(u"it's") })), u"$['it\\'s']"_s);
    QCOMPARE(Compare::pathText(at({ key(u"back\\slash") })), u"$['back\\\\slash']"_s);
    QCOMPARE(Compare::pathText(at({ key(u"") })), u"$['']"_s);
    QCOMPARE(Compare::pathText(at({ key(u"x-request-id") })), u"$.x-request-id"_s);
    // What pathText writes, parse reads back to the same location.
    const Compare::Location tricky = at({ key(u"it's"), index(0), key(u"a.b"), key(u"back\\slash") });
    QVERIFY(path(Compare::pathText(tricky)).matches(tricky));
}

void tst_Compare::parseJson_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("compact");
    QTest::newRow("object") << QByteArray(R"({"b":1,"a":[true,null]})") << true
                            << u"{\"a\":[true,null],\"b\":1}"_s;
    QTest::newRow("array") << QByteArray("[1,2]") << true << u"[1,2]"_s;
    QTest::newRow("empty array") << QByteArray("[]") << true << u"[]"_s;
    QTest::newRow("string") << QByteArray(R"("hi")") << true << u"\"hi\""_s;
    QTest::newRow("number") << QByteArray("42") << true << u"42"_s;
    QTest::newRow("white space") << QByteArray("  {\"a\" : 1}\n") << true << u"{\"a\":1}"_s;
    QTest::newRow("two values") << QByteArray("1, 2") << false << QString();
    QTest::newRow("empty") << QByteArray() << false << QString();
    QTest::newRow("text") << QByteArray("hello") << false << QString();
    QTest::newRow("cut") << QByteArray(R"({"a":)") << false << QString();
    QTest::newRow("closing trick") << QByteArray("1],[2") << false << QString();
}

void tst_Compare::parseJson()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, valid);
    QFETCH(QString, compact);
    const auto value = Compare::parseJson(payload);
    QCOMPARE(value.has_value(), valid);
    if (valid) {
        const QByteArray wrapped = QJsonDocument(QJsonArray { *value }).toJson(QJsonDocument::Compact);
        QCOMPARE(QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2)), compact);
    }
}

void tst_Compare::jsonDifferences()
{
    // Key order is irrelevant.
    QVERIFY(Compare::json(json(R"({"a":1,"b":{"c":[1,2]}})"), json(R"({"b":{"c":[1,2]},"a":1})")).isEmpty());

    const auto differences
        = Compare::json(json(R"({"id":7,"user":{"name":"alice","roles":["a","b","c"]},"old":true,"t":"x"})"),
            json(R"({"t":1,"id":7,"user":{"name":"bob","roles":["a","B"]},"new":null})"));
    QCOMPARE(describe(differences),
        QStringList({ u"$.old only recorded true"_s, u"$.t changed \"x\" -> 1"_s,
            u"$.user.name changed \"alice\" -> \"bob\""_s, u"$.user.roles[1] changed \"b\" -> \"B\""_s,
            u"$.user.roles[2] only recorded \"c\""_s, u"$.new only replayed null"_s }));

    // Arrays: extra elements of the replay; an object against an array; values shown compactly.
    QCOMPARE(describe(Compare::json(json("[1]"), json(R"([1,{"k":[2,3]}])"))),
        QStringList({ u"$[1] only replayed {\"k\":[2,3]}"_s }));
    QCOMPARE(describe(Compare::json(json(R"({"a":{"x":1}})"), json(R"({"a":[1]})"))),
        QStringList({ u"$.a changed {\"x\":1} -> [1]"_s }));
    QCOMPARE(describe(Compare::json(json(R"({"a b":1})"), json(R"({"a b":2})"))),
        QStringList({ u"$['a b'] changed 1 -> 2"_s }));
    // Top-level scalars.
    QCOMPARE(describe(Compare::json(json("\"x\""), json("\"y\""))),
        QStringList({ u"$ changed \"x\" -> \"y\""_s }));

    // Long values are shortened to 120 characters and an ellipsis.
    const QByteArray longString = '"' + QByteArray(300, 'z') + '"';
    const auto shortened = Compare::json(json(longString), json(R"("short")"));
    QCOMPARE(shortened.size(), 1);
    QCOMPARE(shortened.at(0).recorded, u"\""_s + QString(119, u'z') + QChar(0x2026));
    QCOMPARE(shortened.at(0).replayed, u"\"short\""_s);
}

void tst_Compare::jsonNumbers()
{
    // Numbers compare by value; integers exactly, also beyond 2^53.
    QVERIFY(Compare::json(json("[1, 1.0, 1e3, -0]"), json("[1.0, 1, 1000, 0]")).isEmpty());
    QCOMPARE(describe(Compare::json(json("[9007199254740993]"), json("[9007199254740992]"))),
        QStringList({ u"$[0] changed 9007199254740993 -> 9007199254740992"_s }));
    QCOMPARE(describe(Compare::json(json("[0.5]"), json("[0.25]"))),
        QStringList({ u"$[0] changed 0.5 -> 0.25"_s }));
    QCOMPARE(describe(Compare::json(json(R"({"n":1})"), json(R"({"n":"1"})"))),
        QStringList({ u"$.n changed 1 -> \"1\""_s }));
}

void tst_Compare::jsonIgnore()
{
    const QJsonValue recorded = json(
        R"({"id":"a1","timestamp":100,"items":[{"id":1,"v":"x","meta":{"timestamp":5}},{"id":2,"v":"y"}],"meta":{"trace":"t1","n":1}})");
    const QJsonValue replayed = json(
        R"({"id":"b2","timestamp":200,"items":[{"id":9,"v":"x","meta":{"timestamp":6}},{"id":8,"v":"Y"}],"meta":{"trace":"t2","n":1,"added":true}})");
    QCOMPARE(describe(Compare::json(recorded, replayed)),
        QStringList({ u"$.id changed \"a1\" -> \"b2\""_s, u"$.items[0].id changed 1 -> 9"_s,
            u"$.items[0].meta.timestamp changed 5 -> 6"_s, u"$.items[1].id changed 2 -> 8"_s,
            u"$.items[1].v changed \"y\" -> \"Y\""_s, u"$.meta.trace changed \"t1\" -> \"t2\""_s,
            u"$.meta.added only replayed true"_s, u"$.timestamp changed 100 -> 200"_s }));
    const QList<Compare::Path> ignore { path(u"$.id"_s), path(u"$.items[*].id"_s), path(u"$..timestamp"_s),
        path(u"$.meta"_s) };
    // $.meta ignores all below it, the member only one side has included.
    QCOMPARE(describe(Compare::json(recorded, replayed, ignore)),
        QStringList({ u"$.items[1].v changed \"y\" -> \"Y\""_s }));
    QVERIFY(Compare::json(recorded, replayed, ignore + QList<Compare::Path> { path(u"$.items[1].v"_s) })
                .isEmpty());
    // Ignoring $ ignores everything; an element only one side has can be ignored.
    QVERIFY(Compare::json(recorded, json("[]"), { path(u"$"_s) }).isEmpty());
    QVERIFY(Compare::json(json("[1,2,3]"), json("[1]"), { path(u"$[*]"_s) }).isEmpty());
    QCOMPARE(describe(Compare::json(json("[1,2,3]"), json("[1]"), { path(u"$[2]"_s) })),
        QStringList({ u"$[1] only recorded 2"_s }));
}

void tst_Compare::equalPairs()
{
    const Compare::Pair same = Compare::pair(text("hello"), text("hello"));
    QCOMPARE(same.outcome, Compare::Outcome::Equal);
    QCOMPARE(same.difference, Compare::Difference::None);
    QCOMPARE(same.offset, -1);
    QVERIFY(same.explanation.isEmpty());
    QCOMPARE(same.recorded->payload, QByteArray("hello"));
    QCOMPARE(same.replayed->payload, QByteArray("hello"));

    QCOMPARE(Compare::pair(text(R"({"a":1,"b":2})"), text(R"( { "b" : 2, "a" : 1 } )")).outcome,
        Compare::Outcome::Equal);
    QCOMPARE(Compare::pair(binary(QByteArray("\x00\xff", 2)), binary(QByteArray("\x00\xff", 2))).outcome,
        Compare::Outcome::Equal);
    QCOMPARE(Compare::pair(text(""), text("")).outcome, Compare::Outcome::Equal);
    Compare::Options options;
    options.ignore = { path(u"$.ts"_s) };
    QCOMPARE(Compare::pair(text(R"({"ts":1,"v":2})"), text(R"({"ts":9,"v":2})"), options).outcome,
        Compare::Outcome::Equal);
    // JSON inside a binary message is bytes.
    QCOMPARE(
        Compare::pair(binary(R"({"a":1})"), binary(R"({ "a":1})")).difference, Compare::Difference::Binary);
}

void tst_Compare::jsonPairExplained()
{
    const Compare::Pair pair = Compare::pair(
        text(R"({"price":10,"id":"x","tags":["a"]})"), text(R"({"price":12,"id":"x"})"), {}, 4);
    QCOMPARE(pair.index, 4);
    QCOMPARE(pair.outcome, Compare::Outcome::Different);
    QCOMPARE(pair.difference, Compare::Difference::Json);
    QCOMPARE(pair.jsonDifferences.size(), 2);
    QCOMPARE(pair.jsonDifferences.at(0),
        (Compare::JsonDifference { Compare::JsonDifference::Kind::Changed, u"$.price"_s, u"10"_s, u"12"_s }));
    QCOMPARE(pair.jsonDifferences.at(1),
        (Compare::JsonDifference {
            Compare::JsonDifference::Kind::OnlyRecorded, u"$.tags"_s, u"[\"a\"]"_s, {} }));
    QCOMPARE(pair.explanation,
        u"JSON differs:\n$.price: recorded 10, replayed 12\n"
        "$.tags: only in the recording: [\"a\"]"_s);
    QCOMPARE(Compare::pair(text(R"({"a":1})"), text(R"({"a":1,"b":2})")).explanation,
        u"JSON differs:\n$.b: only in the replay: 2"_s);
}

void tst_Compare::textPairExplained()
{
    const Compare::Pair pair = Compare::pair(text("hello world"), text("hello there"));
    QCOMPARE(pair.outcome, Compare::Outcome::Different);
    QCOMPARE(pair.difference, Compare::Difference::Text);
    QCOMPARE(pair.offset, 6);
    QCOMPARE(pair.explanation,
        u"text differs from character 6 on (length in characters: recorded 11, replayed 11):\n"
        "recorded \"hello world\"\nreplayed \"hello there\""_s);

    // Long texts: 20 characters before the difference, 40 after, with ellipses.
    const QByteArray a = QByteArray(50, 'a') + "X" + QByteArray(50, 'b');
    const QByteArray b = QByteArray(50, 'a') + "Y" + QByteArray(50, 'b');
    const Compare::Pair cut = Compare::pair(text(a), text(b));
    QCOMPARE(cut.offset, 50);
    QCOMPARE(cut.explanation,
        u"text differs from character 50 on (length in characters: recorded 101, replayed 101):\n"_s
            + u"recorded \u2026\""_s + QString(20, u'a') + u"X"_s + QString(39, u'b') + u"\"\u2026\n"_s
            + u"replayed \u2026\""_s + QString(20, u'a') + u"Y"_s + QString(39, u'b') + u"\"\u2026"_s);
    // Not JSON on one side only: compared as text.
    const Compare::Pair mixed = Compare::pair(text(R"({"a":1})"), text(R"({"a":1)"));
    QCOMPARE(mixed.difference, Compare::Difference::Text);
    QCOMPARE(mixed.offset, 6);
}

void tst_Compare::textDifferenceCountsCharacters()
{
    // Offsets count characters (code points), not bytes or UTF-16 units: é is 2 bytes, 😀 4 bytes and two
    // UTF-16 units.
    const Compare::Pair pair
        = Compare::pair(text("h\xc3\xa9llo \xf0\x9f\x98\x80!"), text("h\xc3\xa9llo \xf0\x9f\x98\x80?"));
    QCOMPARE(pair.difference, Compare::Difference::Text);
    QCOMPARE(pair.offset, 7);
    QCOMPARE(pair.explanation,
        u"text differs from character 7 on (length in characters: recorded 8, replayed 8):\n"
        "recorded \"h\u00e9llo \U0001F600!\"\nreplayed \"h\u00e9llo \U0001F600?\""_s);
}

void tst_Compare::textPrefix()
{
    const Compare::Pair pair = Compare::pair(text("abc"), text("abcdef"));
    QCOMPARE(pair.difference, Compare::Difference::Text);
    QCOMPARE(pair.offset, 3);
    QCOMPARE(pair.explanation,
        u"text differs from character 3 on (length in characters: recorded 3, replayed 6):\n"
        "recorded \"abc\"\nreplayed \"abcdef\""_s);
    QCOMPARE(Compare::pair(text("x"), text("")).explanation,
        u"text differs from character 0 on (length in characters: recorded 1, replayed 0):\nrecorded \"x\"\nreplayed \"\""_s);
}

void tst_Compare::binaryPairExplained()
{
    QByteArray a(20, '\0');
    for (int i = 0; i < a.size(); ++i)
        a[i] = char(i);
    QByteArray b = a;
    b[3] = char(0xff);
    const Compare::Pair pair = Compare::pair(binary(a), binary(b));
    QCOMPARE(pair.outcome, Compare::Outcome::Different);
    QCOMPARE(pair.difference, Compare::Difference::Binary);
    QCOMPARE(pair.offset, 3);
    QCOMPARE(pair.explanation,
        u"bytes differ from offset 3 on (length: recorded 20 B, replayed 20 B):\n"
        "recorded 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 \u2026\n"
        "replayed ff 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 \u2026"_s);

    const Compare::Pair shorter
        = Compare::pair(binary(QByteArray("\x01\x02\x03", 3)), binary(QByteArray("\x01\x02", 2)));
    QCOMPARE(shorter.offset, 2);
    QCOMPARE(shorter.explanation,
        u"bytes differ from offset 2 on (length: recorded 3 B, replayed 2 B):\nrecorded 03\nreplayed (end)"_s);
    QCOMPARE(Compare::pair(binary(QByteArray()), binary(QByteArray(1, 'a'))).explanation,
        u"bytes differ from offset 0 on (length: recorded 0 B, replayed 1 B):\nrecorded (end)\nreplayed 61"_s);
}

void tst_Compare::invalidUtf8TextComparedAsBytes()
{
    const Compare::Pair pair = Compare::pair(text("ab\xff"), text("ab\xfe"));
    QCOMPARE(pair.difference, Compare::Difference::Binary);
    QCOMPARE(pair.offset, 2);
}

void tst_Compare::opcodeDiffers()
{
    const Compare::Pair pair = Compare::pair(text("hi"), binary(QByteArray("\x00\x01", 2)));
    QCOMPARE(pair.outcome, Compare::Outcome::Different);
    QCOMPARE(pair.difference, Compare::Difference::Opcode);
    QCOMPARE(pair.explanation, u"recorded text, 2 B \"hi\", replayed binary, 2 B 00 01"_s);
}

void tst_Compare::messagesMissingAndExtra()
{
    const QList<Message> recorded { text("a"), text(R"({"n":1})"), text("c"), binary("dd") };
    const QList<Message> replayed { text("a"), text(R"({"n":2})") };
    const Compare::Result result = Compare::messages(recorded, replayed);
    QCOMPARE(result.recordedCount, 4);
    QCOMPARE(result.replayedCount, 2);
    QCOMPARE(result.equal, 1);
    QCOMPARE(result.different, 1);
    QCOMPARE(result.missing, 2);
    QCOMPARE(result.extra, 0);
    QVERIFY(!result.passed());
    QCOMPARE(result.pairs.size(), 4);
    QCOMPARE(result.pairs.at(0).outcome, Compare::Outcome::Equal);
    QCOMPARE(result.pairs.at(1).outcome, Compare::Outcome::Different);
    QCOMPARE(result.pairs.at(1).jsonDifferences.at(0).path, u"$.n"_s);
    QCOMPARE(result.pairs.at(2).outcome, Compare::Outcome::Missing);
    QCOMPARE(result.pairs.at(2).index, 2);
    QCOMPARE(result.pairs.at(2).recorded->payload, QByteArray("c"));
    QVERIFY(!result.pairs.at(2).replayed);
    QCOMPARE(result.pairs.at(2).explanation, u"the replay did not receive it: text, 1 B \"c\""_s);
    QCOMPARE(result.pairs.at(3).explanation, u"the replay did not receive it: binary, 2 B 64 64"_s);
    QCOMPARE(Compare::summary(result),
        u"FAIL: 4 recorded, 2 replayed: 1 equal, 1 different, 2 missing, 0 extra"_s);

    const Compare::Result extra = Compare::messages({ text("a") }, { text("a"), text("b") });
    QCOMPARE(extra.extra, 1);
    QCOMPARE(extra.pairs.at(1).outcome, Compare::Outcome::Extra);
    QVERIFY(!extra.pairs.at(1).recorded);
    QCOMPARE(extra.pairs.at(1).replayed->payload, QByteArray("b"));
    QCOMPARE(extra.pairs.at(1).explanation, u"not in the recording: text, 1 B \"b\""_s);
    QVERIFY(!extra.passed());
}

void tst_Compare::messagesPass()
{
    Compare::Options options;
    options.ignore = { path(u"$..id"_s) };
    const Compare::Result result = Compare::messages(
        { text(R"({"id":1,"v":"a"})"), binary("x") }, { text(R"({"v":"a","id":2})"), binary("x") }, options);
    QVERIFY(result.passed());
    QCOMPARE(result.equal, 2);
    QCOMPARE(Compare::summary(result), u"PASS: 2 recorded, 2 replayed, all equal"_s);
    QCOMPARE(Compare::report(result), u"PASS: 2 recorded, 2 replayed, all equal\n"_s);
    const Compare::Result empty = Compare::messages({}, {});
    QVERIFY(empty.passed());
    QCOMPARE(Compare::summary(empty), u"PASS: 0 recorded, 0 replayed, all equal"_s);
}

void tst_Compare::reportWords()
{
    const Compare::Result result
        = Compare::messages({ text("same"), text(R"({"a":1,"b":[1]})"), text("gone") },
            { text("same"), text(R"({"a":2,"b":[1]})") });
    QCOMPARE(Compare::report(result),
        u"message #2 differs: JSON differs:\n"
        "    $.a: recorded 1, replayed 2\n"
        "message #3 missing: the replay did not receive it: text, 4 B \"gone\"\n"
        "FAIL: 3 recorded, 2 replayed: 1 equal, 1 different, 1 missing, 0 extra\n"_s);
}

QTEST_GUILESS_MAIN(tst_Compare)
#include "tst_compare.moc"
