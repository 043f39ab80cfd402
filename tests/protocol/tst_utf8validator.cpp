// Utf8Validator: RFC 3629 validity, incremental across every split point, failing at the first bad byte.

#include "app/protocol/utf8validator.h"

#include <QtTest/QTest>

using namespace Frameline;

class tst_Utf8Validator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequences_data();
    void sequences();
    void everySplitPoint();
};

void tst_Utf8Validator::sequences_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("badOffset"); // -1: valid, or incomplete at the end

    auto row = [](const char *name, const char *hex, bool valid, int bad) {
        QTest::newRow(name) << QByteArray::fromHex(hex) << valid << bad;
    };
    row("empty", "", true, -1);
    row("ascii", "48656c6c6f2c20776f726c6421", true, -1);
    row("long ascii", "61616161616161616161616161616161616161616161616161", true, -1);
    row("2-byte", "c3a9", true, -1);
    row("3-byte", "ed959c", true, -1);
    row("4-byte", "f09f9880", true, -1);
    row("U+10FFFF", "f48fbfbf", true, -1);
    row("U+D7FF", "ed9fbf", true, -1);
    row("U+E000", "ee8080", true, -1);
    row("kosme", "cebae1bdb9cf83cebcceb5", true, -1);
    row("stray continuation", "4180", false, 1);
    row("C0 overlong", "c0af", false, 0);
    row("C1 overlong", "c1bf", false, 0);
    row("E0 overlong", "e080af", false, 1);
    row("F0 overlong", "f08080af", false, 1);
    row("surrogate D800", "eda080", false, 1);
    row("surrogate DFFF", "edbfbf", false, 1);
    row("above U+10FFFF", "f4908080", false, 1);
    row("F5", "f5808080", false, 0);
    row("FF", "41ff", false, 1);
    row("FE", "fe", false, 0);
    row("truncated 2-byte", "c3", false, -1);
    row("truncated 4-byte", "f09f98", false, -1);
    row("ascii after lead", "c341", false, 1);
    row("bad after 8 ascii", "414141414141414141c3c3", false, 10);
}

void tst_Utf8Validator::sequences()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QFETCH(int, badOffset);
    QCOMPARE(Utf8Validator::isValid(bytes), valid);
    QCOMPARE(QString::fromUtf8(bytes).toUtf8() == bytes, valid); // agrees with Qt's decoder
    Utf8Validator validator;
    qsizetype bad = -1;
    const bool fed = validator.feed(bytes, &bad);
    if (badOffset >= 0) {
        QVERIFY(!fed);
        QCOMPARE(bad, qsizetype(badOffset));
        QVERIFY(validator.hasFailed());
    } else {
        QVERIFY(fed);
        QCOMPARE(validator.isComplete(), valid);
    }
}

void tst_Utf8Validator::everySplitPoint()
{
    const QByteArray text = QStringLiteral("Frameline 프레임 🙂 ünïcödé κόσμε").toUtf8();
    for (int a = 0; a <= text.size(); ++a) {
        for (int b = a; b <= text.size(); b += 3) {
            Utf8Validator validator;
            QVERIFY(validator.feed(QByteArrayView(text).first(a)));
            QVERIFY(validator.feed(QByteArrayView(text).sliced(a, b - a)));
            QVERIFY(validator.feed(QByteArrayView(text).sliced(b)));
            QVERIFY(validator.isComplete());
        }
    }
    // An invalid byte right after a split is found in the piece that holds it, at offset 0.
    Utf8Validator validator;
    QVERIFY(validator.feed(QByteArray::fromHex("ed95")));
    qsizetype bad = -1;
    QVERIFY(!validator.feed(QByteArray::fromHex("41"), &bad));
    QCOMPARE(bad, 0);
}

QTEST_APPLESS_MAIN(tst_Utf8Validator)
#include "tst_utf8validator.moc"
