// Widget tests for the composer (ComposerWidget) on its own, offscreen: the exact request each mode emits
// (text bytes, JSON as typed, hex / base64 / file bytes), what blocks a send (a JSON error, a bad variable,
// bad hex, a missing file) with its line, column and marked range, pretty / compact, variables with fixed
// sources and the counter across sends, the keyboard (Ctrl+Enter, Ctrl+Up / Ctrl+Down), history and saved
// messages, saved state restored by a second composer, Ping / Pong / Close, Repeat and Stop, the Advanced
// panel's crafted frames and timed fragments, loading from the timeline, and the enabled states.

#include "app/compose/jsoninput.h"
#include "app/protocol/closecode.h"
#include "ui/composer/composereditor.h"
#include "ui/composer/composerwidget.h"
#include "ui/composer/framecraftpanel.h"

#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qscilexer.h>
#undef slots
#undef signals

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtTest/QSignalSpy>
#include <QtTest/QtTest>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLayout>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QStyleFactory>
#include <QtWidgets/QToolButton>

using namespace Frameline;

namespace {

// Long enough for the composer's debounced live check (150 ms) before a screenshot.
constexpr int CheckDelayForShots = 300;

OutgoingRequest requestAt(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(0).value<OutgoingRequest>();
}

// Puts the composer's window in front and the keyboard focus on `widget`, so that shortcuts reach it.
void focusInWindow(QWidget *widget)
{
    widget->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(widget->window()));
    widget->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), widget);
}

QString describe(const FrameSpec &s)
{
    const QString form = s.lengthForm ? QString::number(int(*s.lengthForm)) : QStringLiteral("minimal");
    const QString declared = s.declaredLength ? QString::number(*s.declaredLength) : QStringLiteral("real");
    return QStringLiteral("fin=%1 rsv=%2%3%4 opcode=%5 masking=%6 key=%7 form=%8 declared=%9 payload=%10")
        .arg(int(s.fin))
        .arg(int(s.rsv1))
        .arg(int(s.rsv2))
        .arg(int(s.rsv3))
        .arg(s.opcode)
        .arg(int(s.masking))
        .arg(QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(s.maskingKey.data()), 4).toHex()))
        .arg(form, declared, QString::fromLatin1(s.payload.toHex()));
}

QStringList describe(const QList<FrameSpec> &frames)
{
    QStringList out;
    for (const FrameSpec &frame : frames)
        out << describe(frame);
    return out;
}

// The clock and random source of the documented examples: 2026-11-21T09:33:20.123Z and 0, 1, 2, ...
PayloadVariables::Sources fixedSources()
{
    PayloadVariables::Sources sources;
    sources.now = [] { return QDateTime::fromMSecsSinceEpoch(Q_INT64_C(1795253600123), Qt::UTC); };
    auto next = std::make_shared<quint32>(0);
    sources.random = [next] { return (*next)++; };
    return sources;
}

// A composer that is connected, in a window of a usual size (shown offscreen, so layouts and focus work).
struct Fixture
{
    explicit Fixture(Endpoint sender = Endpoint::Client)
        : composer(sender)
        , spy(&composer, &ComposerWidget::sendRequested)
    {
        composer.resize(1000, 320);
        composer.setConnected(true);
        composer.show();
    }
    ComposerWidget composer;
    QSignalSpy spy;
};

// Every value in saved state is a plain QVariant type (maps, lists, strings, numbers, booleans).
bool isPlain(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap: {
        const QVariantMap map = value.toMap();
        return std::all_of(map.cbegin(), map.cend(), [](const QVariant &v) { return isPlain(v); });
    }
    case QMetaType::QVariantList: {
        const QVariantList list = value.toList();
        return std::all_of(list.cbegin(), list.cend(), [](const QVariant &v) { return isPlain(v); });
    }
    case QMetaType::QString:
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
    case QMetaType::Double:
    case QMetaType::Bool:
        return true;
    default:
        return false;
    }
}

} // namespace

class TestComposer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textModeSendsUtf8();
    void nothingSentWhenDisconnected();
    void jsonSentAsTyped();
    void jsonErrorBlocksSend();
    void jsonLiveCheckMarksError();
    void jsonStandInsKeepPositions();
    void prettyAndCompact();
    void prettyAndCompactKeepVariables();
    void variablesExpanded();
    void counterCountsSends();
    void badVariableBlocksSend();
    void binaryHex();
    void badHexMarked();
    void binaryBase64();
    void binaryFile();
    void binaryMissingFile();
    void ctrlEnterSends();
    void historyRecall();
    void historyDedupeAndLimit();
    void savedMessages();
    void stateRoundTrip();
    void pingAndPong();
    void controlPayloadLimit();
    void closeFrames();
    void closeCodeList();
    void repeatSendsExactly();
    void repeatZeroIntervalYields();
    void repeatStop();
    void repeatStopsOnDisconnect();
    void repeatStopsOnError();
    void advancedSendsCraftedFrames();
    void advancedFragmentsWithDelay();
    void advancedFragmentsWithoutDelay();
    void fragmentsCancelled();
    void repeatWaitsForFragments();
    void loadMessage();
    void loadFrame();
    void disconnectedDisablesSending();
    void variablesMenuInserts();
    void retranslateKeepsChoices();
    void modeSwitchConverts();
    void modeSwitchKeepsInvalid();
    void replacementsUndoable();
    void historyLikeShell();
    void historyWalksPastFiles();
    void repeatZeroIntervalThroughput();
    void historyPersistLimits();
    void closeCodeDropdownWide();
    void ctrlEnterFromAnyChild();
    void controlPayloadVariables();
    void saveSuggestsNameAndAsks();
    void formattingScrollsToStart();
    void randomVariableFromMenu();
    void buttonsUseEllipsis();
    void screenshots();
};

void TestComposer::textModeSendsUtf8()
{
    Fixture f;
    f.composer.setMode(ComposerWidget::Mode::Text);
    f.composer.setText(QStringLiteral("héllo wörld ✓ 😀\nline two"));
    QVERIFY(f.composer.send());
    QCOMPARE(f.spy.size(), 1);
    const OutgoingRequest request = requestAt(f.spy, 0);
    QCOMPARE(request.kind, OutgoingRequest::Kind::Message);
    QCOMPARE(request.opcode, quint8(0x1));
    QCOMPARE(
        request.payload, QByteArray("h\xc3\xa9llo w\xc3\xb6rld \xe2\x9c\x93 \xf0\x9f\x98\x80\nline two"));
    QVERIFY(!f.composer.hasError());
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Sent a text message of 31 bytes"));
}

void TestComposer::nothingSentWhenDisconnected()
{
    Fixture f;
    f.composer.setConnected(false);
    f.composer.setText(QStringLiteral("hello"));
    QVERIFY(!f.composer.send());
    QVERIFY(!f.composer.sendPing());
    QVERIFY(!f.composer.sendClose());
    QCOMPARE(f.spy.size(), 0);
    QVERIFY(f.composer.hasError());
    QCOMPARE(f.composer.counter().value(), quint64(1));
}

void TestComposer::jsonSentAsTyped()
{
    Fixture f;
    f.composer.setMode(ComposerWidget::Mode::Json);
    // Key order, duplicate keys, number spelling and spacing stay exactly as typed.
    const QString typed = QStringLiteral("{ \"b\": 2,\n  \"a\": [1.50, 2e3],\n  \"a\": \"ü\" }");
    f.composer.setText(typed);
    QVERIFY(f.composer.send());
    QCOMPARE(f.spy.size(), 1);
    QCOMPARE(requestAt(f.spy, 0).opcode, quint8(0x1));
    QCOMPARE(requestAt(f.spy, 0).payload, typed.toUtf8());
}

void TestComposer::jsonErrorBlocksSend()
{
    Fixture f;
    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setText(QStringLiteral("{\n  \"a\": 1\n  \"b\": 2\n}"));
    QVERIFY(!f.composer.send());
    QCOMPARE(f.spy.size(), 0);
    QVERIFY(f.composer.hasError());
    QVERIFY(f.composer.messageLabel()->isVisibleTo(&f.composer));
    QCOMPARE(f.composer.messageLabel()->text(),
        QStringLiteral("JSON: line 3, column 3: The object is not closed: a ',' or '}' is expected here"));
    // The squiggle is under "b" (bytes 13-15, quotes included), and the caret went there.
    auto *editor = static_cast<ComposerEditor *>(f.composer.editor());
    QCOMPARE(editor->markedOffset(), qsizetype(13));
    QCOMPARE(editor->markedLength(), qsizetype(3));
    QCOMPARE(
        editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, ComposerEditor::ErrorIndicator, 13ul), 1);
    QCOMPARE(
        editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, ComposerEditor::ErrorIndicator, 15ul), 1);
    QCOMPARE(
        editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, ComposerEditor::ErrorIndicator, 12ul), 0);
    QCOMPARE(
        editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, ComposerEditor::ErrorIndicator, 16ul), 0);
    QCOMPARE(editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS), 13);
    QCOMPARE(f.composer.counter().value(), quint64(1)); // nothing was sent: the counter did not move
    QVERIFY(f.composer.history().isEmpty());

    // Empty JSON is refused at send as well.
    f.composer.setText(QString());
    QVERIFY(!f.composer.send());
    QVERIFY(f.composer.messageLabel()->text().contains(QStringLiteral("empty")));
    QCOMPARE(f.spy.size(), 0);
}

void TestComposer::jsonLiveCheckMarksError()
{
    Fixture f;
    f.composer.setMode(ComposerWidget::Mode::Json);
    auto *editor = static_cast<ComposerEditor *>(f.composer.editor());
    f.composer.setText(QStringLiteral("[1, 2,, 3]"));
    QTRY_VERIFY(f.composer.hasError());
    QVERIFY(f.composer.messageLabel()->text().startsWith(QStringLiteral("JSON: line 1, column 7: ")));
    QCOMPARE(editor->markedOffset(), qsizetype(6));
    QCOMPARE(editor->markedLength(), qsizetype(1));
    QVERIFY(!f.composer.prettyButton()->isEnabled());
    QVERIFY(!f.composer.compactButton()->isEnabled());
    QVERIFY(!f.composer.prettyPrintJson());
    QCOMPARE(f.composer.text(), QStringLiteral("[1, 2,, 3]"));

    f.composer.setText(QStringLiteral("[1, 2, 3]"));
    QTRY_VERIFY(!f.composer.hasError());
    QCOMPARE(editor->markedOffset(), qsizetype(-1));
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Valid JSON, 9 bytes"));
    QVERIFY(f.composer.prettyButton()->isEnabled());
    QVERIFY(f.composer.compactButton()->isEnabled());

    // An empty editor is no error while typing, only a hint.
    f.composer.setText(QString());
    QTRY_COMPARE(f.composer.messageLabel()->text(), QStringLiteral("Type a JSON value"));
    QVERIFY(!f.composer.hasError());
}

void TestComposer::jsonStandInsKeepPositions()
{
    Fixture f;
    f.composer.setVariableSources(fixedSources());
    f.composer.setMode(ComposerWidget::Mode::Json);
    auto *editor = static_cast<ComposerEditor *>(f.composer.editor());
    // The variable is valid where a number may stand; the missing comma after it is found where it is.
    f.composer.setText(QStringLiteral("{\"a\": {{counter}} \"b\": 1}"));
    QTRY_VERIFY(f.composer.hasError());
    QCOMPARE(f.composer.messageLabel()->text(),
        QStringLiteral("JSON: line 1, column 19: The object is not closed: a ',' or '}' is expected here"));
    QCOMPARE(editor->markedOffset(), qsizetype(18));
    QCOMPARE(editor->markedLength(), qsizetype(3));
    // The variable is tinted as one.
    const auto variableAt = [editor](unsigned long position) {
        return editor->SendScintilla(
            QsciScintilla::SCI_INDICATORVALUEAT, ComposerEditor::VariableIndicator, position);
    };
    QCOMPARE(variableAt(5), 0);
    QCOMPARE(variableAt(6), 1);
    QCOMPARE(variableAt(16), 1);
    QCOMPARE(variableAt(17), 0);

    f.composer.setText(QStringLiteral("{\"a\": {{counter}}, \"id\": \"{{uuid}}\", \"t\": {{ timestamp }}}"));
    QTRY_VERIFY(!f.composer.hasError());
    QVERIFY(f.composer.messageLabel()->text().startsWith(QStringLiteral("Valid JSON")));
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 0).payload,
        QByteArray("{\"a\": 1, \"id\": \"00000000-0000-4001-8000-000200000003\", \"t\": 1795253600123}"));

    // A variable that expands to letters outside a string is not JSON: refused, nothing sent.
    f.composer.setText(QStringLiteral("{\"id\": {{uuid}}}"));
    QVERIFY(!f.composer.send());
    QCOMPARE(f.spy.size(), 1);
    QVERIFY2(f.composer.messageLabel()->text().startsWith(QStringLiteral("JSON: line 1, column 8: ")),
        qPrintable(f.composer.messageLabel()->text()));
    QCOMPARE(editor->markedOffset(), qsizetype(7));
    QCOMPARE(editor->markedLength(), qsizetype(8)); // the whole variable
}

void TestComposer::prettyAndCompact()
{
    Fixture f;
    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setText(QStringLiteral("{\"a\":[1,2.50],\"b\":{\"c\":\"x  y\",\"d\":{}},\"e\":[]}"));
    QVERIFY(f.composer.prettyPrintJson());
    QCOMPARE(f.composer.text(),
        QStringLiteral(
            "{\n  \"a\": [\n    1,\n    2.50\n  ],\n  \"b\": {\n    \"c\": \"x  y\",\n    \"d\": {}\n  },\n"
            "  \"e\": []\n}"));
    QVERIFY(f.composer.compactJson());
    QCOMPARE(f.composer.text(), QStringLiteral("{\"a\":[1,2.50],\"b\":{\"c\":\"x  y\",\"d\":{}},\"e\":[]}"));
    // One undo step each.
    f.composer.editor()->undo();
    QVERIFY(f.composer.text().startsWith(QStringLiteral("{\n  \"a\": [")));
    f.composer.editor()->undo();
    QCOMPARE(f.composer.text(), QStringLiteral("{\"a\":[1,2.50],\"b\":{\"c\":\"x  y\",\"d\":{}},\"e\":[]}"));
    // Clicking the button does the same.
    QTRY_VERIFY(f.composer.prettyButton()->isEnabled());
    QTest::mouseClick(f.composer.prettyButton(), Qt::LeftButton);
    QVERIFY(f.composer.text().startsWith(QStringLiteral("{\n  \"a\": [")));
    // Not in Text mode.
    f.composer.setMode(ComposerWidget::Mode::Text);
    f.composer.setText(QStringLiteral("[1,2]"));
    QVERIFY(!f.composer.prettyPrintJson());
    QCOMPARE(f.composer.text(), QStringLiteral("[1,2]"));
}

void TestComposer::prettyAndCompactKeepVariables()
{
    Fixture f;
    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setText(QStringLiteral(
        "{\"n\":{{counter}},\"id\":\"{{ uuid }}\",\"lit\":\"\\{{x\",\"r\":[{{timestamp:s}}]}"));
    QVERIFY(f.composer.prettyPrintJson());
    QCOMPARE(f.composer.text(),
        QStringLiteral(
            "{\n  \"n\": {{counter}},\n  \"id\": \"{{ uuid }}\",\n  \"lit\": \"\\{{x\",\n  \"r\": [\n"
            "    {{timestamp:s}}\n  ]\n}"));
    QVERIFY(f.composer.compactJson());
    QCOMPARE(f.composer.text(),
        QStringLiteral(
            "{\"n\":{{counter}},\"id\":\"{{ uuid }}\",\"lit\":\"\\{{x\",\"r\":[{{timestamp:s}}]}"));
}

void TestComposer::variablesExpanded()
{
    Fixture f;
    f.composer.setVariableSources(fixedSources());
    f.composer.setText(QStringLiteral(
        "t={{timestamp}} s={{timestamp:s}} iso={{timestamp:iso}} n={{counter}} r={{random:4}} lit=\\{{x}} "
        "u={{uuid}}"));
    // The live check draws nothing from the sources: the first send still gets 0, 1, 2, ...
    QTRY_VERIFY(f.composer.messageLabel()->text().contains(QStringLiteral("with the variables expanded")));
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 0).payload,
        QByteArray("t=1795253600123 s=1795253600 iso=2026-11-21T09:33:20.123Z n=1 r=ABCD lit={{x}} "
                   "u=00000004-0000-4005-8000-000600000007"));
    // The history keeps the text as typed.
    QCOMPARE(f.composer.history().size(), 1);
    QVERIFY(f.composer.history().at(0).text.startsWith(QStringLiteral("t={{timestamp}}")));
}

void TestComposer::counterCountsSends()
{
    Fixture f;
    f.composer.setText(QStringLiteral("n={{counter}}"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(f.composer.send());
    QCOMPARE(f.spy.size(), 3);
    QCOMPARE(requestAt(f.spy, 0).payload, QByteArray("n=1"));
    QCOMPARE(requestAt(f.spy, 1).payload, QByteArray("n=2"));
    QCOMPARE(requestAt(f.spy, 2).payload, QByteArray("n=3"));
    QCOMPARE(f.composer.counter().value(), quint64(4));
    // A send without the variable counts too; a binary one as well.
    f.composer.setText(QStringLiteral("plain"));
    QVERIFY(f.composer.send());
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setText(QStringLiteral("00"));
    QVERIFY(f.composer.send());
    f.composer.setMode(ComposerWidget::Mode::Text);
    f.composer.setText(QStringLiteral("n={{counter}}"));
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 5).payload, QByteArray("n=6"));
}

void TestComposer::badVariableBlocksSend()
{
    Fixture f;
    auto *editor = static_cast<ComposerEditor *>(f.composer.editor());
    f.composer.setText(QStringLiteral("x {{nope}} y"));
    QVERIFY(!f.composer.send());
    QCOMPARE(f.spy.size(), 0);
    QVERIFY(f.composer.hasError());
    // Line and column in characters, like JSON and hex errors (not a byte offset).
    QVERIFY2(f.composer.messageLabel()->text().startsWith(
                 QStringLiteral("Variables: line 1, column 3: Unknown variable {{nope}}; the variables are")),
        qPrintable(f.composer.messageLabel()->text()));
    QCOMPARE(editor->markedOffset(), qsizetype(2));
    QCOMPARE(editor->markedLength(), qsizetype(8));
    QCOMPARE(f.composer.counter().value(), quint64(1));

    // Unclosed, and a bad random length; marked live as well.
    f.composer.setText(QStringLiteral("ab {{uuid"));
    QTRY_COMPARE(editor->markedOffset(), qsizetype(3));
    QCOMPARE(editor->markedLength(), qsizetype(2));
    QVERIFY(!f.composer.send());
    f.composer.setText(QStringLiteral("{{random:0}}"));
    QVERIFY(!f.composer.send());
    QCOMPARE(f.composer.messageLabel()->text(),
        QStringLiteral(
            "Variables: line 1, column 1: {{random:0}}: the length must be a whole number from 1 to "
            "65536, as in {{random:16}}"));
    QCOMPARE(f.spy.size(), 0);
    // Characters, not bytes: "é" is two bytes, one column; the second line starts again at 1.
    f.composer.setText(QStringLiteral("\u00e9\u00e9\n\u00e9 {{x"));
    QVERIFY(!f.composer.send());
    QCOMPARE(f.composer.messageLabel()->text(),
        QStringLiteral("Variables: line 2, column 3: \"{{\" starts a variable but has no closing \"}}\"; "
                       "write \"\\{{\" for a literal \"{{\""));
    // The same in JSON mode.
    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setText(QStringLiteral("{\"a\": \"{{when}}\"}"));
    QVERIFY(!f.composer.send());
    QCOMPARE(editor->markedOffset(), qsizetype(7));
    QCOMPARE(f.spy.size(), 0);
}

void TestComposer::binaryHex()
{
    Fixture f;
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::Hex);
    f.composer.setText(QStringLiteral("de ad be ef"));
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 0).kind, OutgoingRequest::Kind::Message);
    QCOMPARE(requestAt(f.spy, 0).opcode, quint8(0x2));
    QCOMPARE(requestAt(f.spy, 0).payload, QByteArray("\xde\xad\xbe\xef"));
    // Free spacing, "0x", ':' and upper case; variables are not expanded in binary mode.
    f.composer.setText(QStringLiteral("0xDEAD\n  be:EF 7b7b"));
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 1).payload, QByteArray("\xde\xad\xbe\xef{{"));
    QVERIFY(!f.composer.variablesButton()->isVisibleTo(&f.composer));
}

void TestComposer::badHexMarked()
{
    Fixture f;
    auto *editor = static_cast<ComposerEditor *>(f.composer.editor());
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setText(QStringLiteral("de ad\nbe eg 00"));
    QVERIFY(!f.composer.send());
    QCOMPARE(f.spy.size(), 0);
    QVERIFY(f.composer.messageLabel()->text().startsWith(QStringLiteral("Hex: line 2, column 5: ")));
    QCOMPARE(editor->markedOffset(), qsizetype(10));
    QCOMPARE(editor->markedLength(), qsizetype(1));
    // An odd group is marked whole.
    f.composer.setText(QStringLiteral("00 abc 11"));
    QVERIFY(!f.composer.send());
    QCOMPARE(f.composer.messageLabel()->text(),
        QStringLiteral("Hex: line 1, column 6: The group \"abc\" has an odd number of hex digits; every byte "
                       "needs two"));
    QCOMPARE(editor->markedOffset(), qsizetype(3));
    QCOMPARE(editor->markedLength(), qsizetype(3));
    // The mark is in bytes: after "é" (two bytes) and on it.
    f.composer.setText(QStringLiteral("é 00 x1"));
    QVERIFY(!f.composer.send());
    QCOMPARE(editor->markedOffset(), qsizetype(0));
    QCOMPARE(editor->markedLength(), qsizetype(2));
    f.composer.setText(QStringLiteral("00\n0é"));
    QVERIFY(!f.composer.send());
    QVERIFY(f.composer.messageLabel()->text().startsWith(QStringLiteral("Hex: line 2, column 2: ")));
    QCOMPARE(editor->markedOffset(), qsizetype(4));
    QCOMPARE(editor->markedLength(), qsizetype(2));
    QCOMPARE(f.spy.size(), 0);
}

void TestComposer::binaryBase64()
{
    Fixture f;
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::Base64);
    f.composer.setText(QStringLiteral("3q2+\n7w=="));
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 0).opcode, quint8(0x2));
    QCOMPARE(requestAt(f.spy, 0).payload, QByteArray("\xde\xad\xbe\xef"));
    f.composer.setText(QStringLiteral("3q2*"));
    QVERIFY(!f.composer.send());
    QVERIFY(f.composer.messageLabel()->text().startsWith(QStringLiteral("Base64: line 1, column 4: ")));
    QCOMPARE(static_cast<ComposerEditor *>(f.composer.editor())->markedOffset(), qsizetype(3));
    QCOMPARE(f.spy.size(), 1);
}

void TestComposer::binaryFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("payload.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray bytes("\x00\x01\xfe\xff{{counter}}", 15);
    file.write(bytes);
    file.close();

    Fixture f;
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::File);
    QVERIFY(f.composer.filePathEdit()->isVisibleTo(&f.composer));
    QVERIFY(f.composer.browseButton()->isVisibleTo(&f.composer));
    QVERIFY(!f.composer.editor()->isVisibleTo(&f.composer));
    f.composer.setFilePath(path);
    QTRY_COMPARE(f.composer.messageLabel()->text(), QStringLiteral("15 bytes, read again at each send"));
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 0).opcode, quint8(0x2));
    QCOMPARE(requestAt(f.spy, 0).payload, bytes);
    QCOMPARE(f.composer.history().constLast().text, path);
    QCOMPARE(f.composer.history().constLast().binaryFormat, ComposerWidget::BinaryFormat::File);
    // Read again at each send.
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("new");
    file.close();
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 1).payload, QByteArray("new"));
    // Other modes hide the file fields again.
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::Hex);
    QVERIFY(!f.composer.filePathEdit()->isVisibleTo(&f.composer));
    QVERIFY(f.composer.editor()->isVisibleTo(&f.composer));
}

void TestComposer::binaryMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.bin"));
    Fixture f;
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::File);
    f.composer.setFilePath(path);
    QTRY_VERIFY(f.composer.hasError());
    QVERIFY(!f.composer.send());
    QCOMPARE(f.spy.size(), 0);
    QVERIFY(f.composer.messageLabel()->text().contains(QStringLiteral("does not exist")));
    QVERIFY(f.composer.messageLabel()->text().contains(QStringLiteral("missing.bin")));
    // No path at all.
    f.composer.setFilePath(QString());
    QVERIFY(!f.composer.send());
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Choose a file to send"));
    QCOMPARE(f.composer.counter().value(), quint64(1));
}

void TestComposer::ctrlEnterSends()
{
    Fixture f;
    QsciScintilla *editor = f.composer.editor();
    f.composer.setText(QString());
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("hi"));
    QTest::keyClick(editor, Qt::Key_Return); // a new line, no send
    QTest::keyClicks(editor, QStringLiteral("there"));
    QCOMPARE(f.spy.size(), 0);
    QCOMPARE(f.composer.text(), QStringLiteral("hi\nthere"));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(f.spy.size(), 1);
    QCOMPARE(requestAt(f.spy, 0).payload, QByteArray("hi\nthere"));
    QCOMPARE(f.composer.text(), QStringLiteral("hi\nthere")); // no line break added
    QTest::keyClick(editor, Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(f.spy.size(), 2);
    QTest::keyClick(editor, Qt::Key_Enter, Qt::KeypadModifier); // the keypad Enter alone is a new line
    QCOMPARE(f.spy.size(), 2);
    QCOMPARE(f.composer.text(), QStringLiteral("hi\nthere\n"));
    QVERIFY(f.composer.sendButton()->toolTip().contains(QStringLiteral("Ctrl+Enter")));
    QVERIFY(f.composer.historyButton()->toolTip().contains(QStringLiteral("Ctrl+Up")));
    QVERIFY(f.composer.historyButton()->toolTip().contains(QStringLiteral("Ctrl+Down")));
}

void TestComposer::historyRecall()
{
    Fixture f;
    QsciScintilla *editor = f.composer.editor();
    for (const char *text : { "one", "two", "three" }) {
        f.composer.setText(QString::fromLatin1(text));
        QVERIFY(f.composer.send());
    }
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setText(QStringLiteral("ff"));
    QVERIFY(f.composer.send());
    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setText(QStringLiteral("{\"draft\""));

    const auto up = [editor] { QTest::keyClick(editor, Qt::Key_Up, Qt::ControlModifier); };
    const auto down = [editor] { QTest::keyClick(editor, Qt::Key_Down, Qt::ControlModifier); };
    up();
    QCOMPARE(f.composer.text(), QStringLiteral("ff"));
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Binary);
    up();
    QCOMPARE(f.composer.text(), QStringLiteral("three"));
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Text);
    up();
    QCOMPARE(f.composer.text(), QStringLiteral("two"));
    up();
    QCOMPARE(f.composer.text(), QStringLiteral("one"));
    up(); // the oldest stays
    QCOMPARE(f.composer.text(), QStringLiteral("one"));
    down();
    QCOMPARE(f.composer.text(), QStringLiteral("two"));
    down();
    QCOMPARE(f.composer.text(), QStringLiteral("three"));
    down();
    QCOMPARE(f.composer.text(), QStringLiteral("ff"));
    down(); // back to the draft, mode and all
    QCOMPARE(f.composer.text(), QStringLiteral("{\"draft\""));
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Json);
    down();
    QCOMPARE(f.composer.text(), QStringLiteral("{\"draft\""));
    QCOMPARE(f.spy.size(), 4); // recalling sends nothing

    // The History menu lists the newest first and loads an entry.
    QMenu *menu = f.composer.historyButton()->menu();
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    const QList<QAction *> actions = menu->actions();
    QCOMPARE(actions.size(), 6); // 4 entries, a separator, Clear History
    QVERIFY(actions.at(0)->text().startsWith(QStringLiteral("ff\t")));
    QVERIFY(actions.at(3)->text().startsWith(QStringLiteral("one\t")));
    actions.at(2)->trigger();
    QCOMPARE(f.composer.text(), QStringLiteral("two"));
    actions.at(5)->trigger();
    QVERIFY(f.composer.history().isEmpty());
}

void TestComposer::historyDedupeAndLimit()
{
    Fixture f;
    f.composer.setText(QStringLiteral("same"));
    QVERIFY(f.composer.send());
    QVERIFY(f.composer.send());
    QCOMPARE(f.composer.history().size(), 1);
    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setText(QStringLiteral("\"same\""));
    QVERIFY(f.composer.send());
    f.composer.setMode(ComposerWidget::Mode::Text);
    f.composer.setText(QStringLiteral("same"));
    QVERIFY(f.composer.send());
    QCOMPARE(f.composer.history().size(), 3); // only consecutive duplicates collapse

    for (int i = 0; i < ComposerWidget::HistoryLimit + 5; ++i) {
        f.composer.setText(QString::number(i));
        QVERIFY(f.composer.send());
    }
    const QList<ComposerWidget::StoredMessage> history = f.composer.history();
    QCOMPARE(history.size(), ComposerWidget::HistoryLimit);
    QCOMPARE(history.constFirst().text, QStringLiteral("5"));
    QCOMPARE(history.constLast().text, QString::number(ComposerWidget::HistoryLimit + 4));
}

void TestComposer::savedMessages()
{
    Fixture f;
    QComboBox *box = f.composer.savedMessagesBox();
    QVERIFY(!f.composer.deleteMessageButton()->isEnabled());
    QVERIFY(!f.composer.saveMessage(QStringLiteral("  ")));

    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setText(QStringLiteral("{\"op\": \"subscribe\"}"));
    QVERIFY(f.composer.saveMessage(QStringLiteral("subscribe")));
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setText(QStringLiteral("de ad"));
    QVERIFY(f.composer.saveMessage(QStringLiteral("bytes")));
    f.composer.setMode(ComposerWidget::Mode::Text);
    f.composer.setText(QStringLiteral("hello"));
    QVERIFY(f.composer.saveMessage(QStringLiteral("Greeting")));

    QStringList names;
    for (const auto &saved : f.composer.savedMessages())
        names << saved.name;
    QCOMPARE(names,
        (QStringList { QStringLiteral("bytes"), QStringLiteral("Greeting"), QStringLiteral("subscribe") }));
    QCOMPARE(box->count(), 3);
    QCOMPARE(box->itemText(0), QStringLiteral("bytes"));
    QCOMPARE(box->currentText(), QStringLiteral("Greeting"));
    QVERIFY(f.composer.deleteMessageButton()->isEnabled());

    // The same name replaces only when asked to.
    f.composer.setText(QStringLiteral("hello again"));
    QVERIFY(!f.composer.saveMessage(QStringLiteral("Greeting")));
    QCOMPARE(f.composer.savedMessages().at(1).text, QStringLiteral("hello"));
    QVERIFY(f.composer.saveMessage(QStringLiteral("Greeting"), true));
    QCOMPARE(f.composer.savedMessages().size(), 3);
    QCOMPARE(f.composer.savedMessages().at(1).text, QStringLiteral("hello again"));

    // Loading sets the mode and the text (picking it in the box does the same).
    f.composer.loadSavedMessage(QStringLiteral("subscribe"));
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Json);
    QCOMPARE(f.composer.text(), QStringLiteral("{\"op\": \"subscribe\"}"));
    box->setCurrentIndex(0);
    Q_EMIT box->activated(0);
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Binary);
    QCOMPARE(f.composer.binaryFormat(), ComposerWidget::BinaryFormat::Hex);
    QCOMPARE(f.composer.text(), QStringLiteral("de ad"));

    // Delete asks first: "No" keeps it, "Yes" removes the selected one and says so; then it is disabled
    // with nothing selected.
    QStringList questions;
    bool answer = false;
    f.composer.setConfirmation([&questions, &answer](const QString &, const QString &question) {
        questions << question;
        return answer;
    });
    QTest::mouseClick(f.composer.deleteMessageButton(), Qt::LeftButton);
    QCOMPARE(questions, QStringList { QStringLiteral("Delete the saved message \u201cbytes\u201d?") });
    QCOMPARE(f.composer.savedMessages().size(), 3);
    answer = true;
    QTest::mouseClick(f.composer.deleteMessageButton(), Qt::LeftButton);
    QCOMPARE(questions.size(), 2);
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Deleted \u201cbytes\u201d"));
    QCOMPARE(f.composer.savedMessages().size(), 2);
    QCOMPARE(f.composer.savedMessages().at(0).name, QStringLiteral("Greeting"));
    QCOMPARE(box->currentIndex(), -1);
    QVERIFY(!f.composer.deleteMessageButton()->isEnabled());
    f.composer.removeSavedMessage(QStringLiteral("subscribe"));
    f.composer.removeSavedMessage(QStringLiteral("not there"));
    QCOMPARE(f.composer.savedMessages().size(), 1);
    QCOMPARE(box->count(), 1);
}

void TestComposer::stateRoundTrip()
{
    ComposerWidget first(Endpoint::Client);
    first.setConnected(true);
    first.setText(QStringLiteral("one"));
    QVERIFY(first.send());
    first.setMode(ComposerWidget::Mode::Binary);
    first.setBinaryFormat(ComposerWidget::BinaryFormat::Base64);
    first.setText(QStringLiteral("AAE="));
    QVERIFY(first.send());
    QVERIFY(first.saveMessage(QStringLiteral("zeta")));
    first.setMode(ComposerWidget::Mode::Json);
    first.setText(QStringLiteral("{\"a\": {{counter}}}"));
    QVERIFY(first.saveMessage(QStringLiteral("alpha")));
    first.setMode(ComposerWidget::Mode::Binary);
    first.setBinaryFormat(ComposerWidget::BinaryFormat::File);
    first.setFilePath(QStringLiteral("/tmp/some file.bin"));
    first.setMode(ComposerWidget::Mode::Json);
    first.setText(QStringLiteral("[1, 2]"));
    first.setAdvanced(true);
    first.craftPanel()->rsv2Box()->setChecked(true);
    first.repeatCountBox()->setValue(7);
    first.repeatIntervalBox()->setValue(250);
    first.controlPayloadEdit()->setText(QStringLiteral("are you there?"));
    first.closeCodeBox()->setCurrentText(QStringLiteral("4001"));
    first.closeReasonEdit()->setText(QStringLiteral("bye"));

    const QVariantMap state = first.saveState();
    QVERIFY(isPlain(state));

    ComposerWidget second(Endpoint::Client);
    second.restoreState(state);
    QCOMPARE(second.mode(), ComposerWidget::Mode::Json);
    QCOMPARE(second.binaryFormat(), ComposerWidget::BinaryFormat::File);
    QCOMPARE(second.text(), QStringLiteral("[1, 2]"));
    QCOMPARE(second.filePath(), QStringLiteral("/tmp/some file.bin"));
    QVERIFY(second.isAdvanced());
    QVERIFY(second.craftPanel()->rsv2Box()->isChecked());
    QCOMPARE(second.repeatCountBox()->value(), 7);
    QCOMPARE(second.repeatIntervalBox()->value(), 250);
    QCOMPARE(second.controlPayloadEdit()->text(), QStringLiteral("are you there?"));
    QCOMPARE(second.closeCodeBox()->currentText(), QStringLiteral("4001"));
    QCOMPARE(second.closeReasonEdit()->text(), QStringLiteral("bye"));
    QCOMPARE(second.history(), first.history());
    QCOMPARE(second.history().size(), 2);
    QCOMPARE(second.savedMessages(), first.savedMessages());
    QCOMPARE(second.savedMessages().at(0).name, QStringLiteral("alpha"));
    QCOMPARE(second.savedMessagesBox()->count(), 2);
    QCOMPARE(second.saveState(), state);

    // A registered code and "No code" survive by number, whatever the language of the item text.
    first.closeCodeBox()->setCurrentIndex(first.closeCodeBox()->count() - 1);
    second.restoreState(first.saveState());
    QCOMPARE(second.closeCodeBox()->currentIndex(), second.closeCodeBox()->count() - 1);
    first.closeCodeBox()->setCurrentIndex(first.closeCodeBox()->findData(1001));
    QCOMPARE(first.saveState().value(QStringLiteral("closeCode")), QVariant(1001));
    second.restoreState(first.saveState());
    QCOMPARE(second.closeCodeBox()->currentText(), QStringLiteral("1001 Going Away"));
}

void TestComposer::pingAndPong()
{
    Fixture f;
    f.composer.controlPayloadEdit()->setText(QStringLiteral("héllo"));
    QTest::mouseClick(f.composer.pingButton(), Qt::LeftButton);
    QTest::mouseClick(f.composer.pongButton(), Qt::LeftButton);
    QCOMPARE(f.spy.size(), 2);
    QCOMPARE(requestAt(f.spy, 0).kind, OutgoingRequest::Kind::Ping);
    QCOMPARE(requestAt(f.spy, 0).payload, QByteArray("h\xc3\xa9llo"));
    QCOMPARE(requestAt(f.spy, 1).kind, OutgoingRequest::Kind::Pong);
    QCOMPARE(requestAt(f.spy, 1).payload, QByteArray("h\xc3\xa9llo"));
    f.composer.controlPayloadEdit()->clear();
    QVERIFY(f.composer.sendPing());
    QCOMPARE(requestAt(f.spy, 2).payload, QByteArray());
    QCOMPARE(f.composer.history().size(), 0); // control frames are not message history
    QCOMPARE(f.composer.counter().value(), quint64(1));
}

void TestComposer::controlPayloadLimit()
{
    Fixture f;
    f.composer.controlPayloadEdit()->setText(QString(125, QLatin1Char('x')));
    QVERIFY(f.composer.sendPing());
    QCOMPARE(requestAt(f.spy, 0).payload.size(), 125);
    f.composer.controlPayloadEdit()->setText(QString(63, QChar(0xe9))); // 126 bytes in UTF-8
    QVERIFY(!f.composer.sendPing());
    QVERIFY(!f.composer.sendPong());
    QCOMPARE(f.spy.size(), 1);
    QVERIFY(f.composer.hasError());
    QCOMPARE(f.composer.messageLabel()->text(),
        QStringLiteral(
            "The Ping/Pong payload has 126 bytes; a control frame carries at most 125 (RFC 6455 §5.5); "
            "use Advanced to send a longer one anyway"));
    // The live count beside the field, red when over.
    QCOMPARE(f.composer.controlPayloadSizeLabel()->text(), QStringLiteral("126/125 bytes"));
    const QColor over = f.composer.controlPayloadSizeLabel()->palette().color(QPalette::WindowText);
    f.composer.controlPayloadEdit()->setText(QStringLiteral("hello"));
    QCOMPARE(f.composer.controlPayloadSizeLabel()->text(), QStringLiteral("5/125 bytes"));
    QVERIFY(f.composer.controlPayloadSizeLabel()->palette().color(QPalette::WindowText) != over);
}

void TestComposer::closeFrames()
{
    Fixture f;
    QComboBox *codes = f.composer.closeCodeBox();
    // The default: 1000 Normal Closure.
    QCOMPARE(codes->currentText(), QStringLiteral("1000 Normal Closure"));
    f.composer.closeReasonEdit()->setText(QStringLiteral("done ✓"));
    QTest::mouseClick(f.composer.closeButton(), Qt::LeftButton);
    QCOMPARE(f.spy.size(), 1);
    QCOMPARE(requestAt(f.spy, 0).kind, OutgoingRequest::Kind::Close);
    QCOMPARE(requestAt(f.spy, 0).closeCode, quint16(1000));
    QCOMPARE(requestAt(f.spy, 0).closeReason, QStringLiteral("done ✓"));

    // Any number.
    codes->setCurrentText(QStringLiteral("4001"));
    f.composer.closeReasonEdit()->clear();
    QVERIFY(f.composer.sendClose());
    QCOMPARE(requestAt(f.spy, 1).closeCode, quint16(4001));
    QCOMPARE(requestAt(f.spy, 1).closeReason, QString());
    codes->setCurrentText(QStringLiteral("0"));
    QVERIFY(f.composer.sendClose());
    QCOMPARE(requestAt(f.spy, 2).closeCode, quint16(0));
    QVERIFY(f.composer.messageLabel()->text().contains(QStringLiteral("0 must not be sent")));

    // "No code": an empty body; a reason then is refused.
    codes->setCurrentIndex(codes->count() - 1);
    QCOMPARE(codes->currentText(), QStringLiteral("No code"));
    QVERIFY(f.composer.sendClose());
    QCOMPARE(requestAt(f.spy, 3).kind, OutgoingRequest::Kind::CloseWithoutCode);
    f.composer.closeReasonEdit()->setText(QStringLiteral("why"));
    QVERIFY(!f.composer.sendClose());
    QCOMPARE(f.spy.size(), 4);
    f.composer.closeReasonEdit()->clear();
    codes->setCurrentText(QString()); // empty is no code too
    QVERIFY(f.composer.sendClose());
    QCOMPARE(requestAt(f.spy, 4).kind, OutgoingRequest::Kind::CloseWithoutCode);

    // 1005 must not be on the wire: sent anyway, with the warning.
    codes->setCurrentIndex(codes->findData(1005));
    QVERIFY(f.composer.sendClose());
    QCOMPARE(requestAt(f.spy, 5).kind, OutgoingRequest::Kind::Close);
    QCOMPARE(requestAt(f.spy, 5).closeCode, quint16(1005));
    QCOMPARE(f.composer.messageLabel()->text(),
        QStringLiteral("1005 must not be sent in a Close frame (RFC 6455 §7.4.1); sent anyway"));
    QVERIFY(!f.composer.hasError());

    // Out of range, not a number, a reason over 123 bytes: refused.
    codes->setCurrentText(QStringLiteral("70000"));
    QVERIFY(!f.composer.sendClose());
    codes->setCurrentText(QStringLiteral("abc"));
    QVERIFY(!f.composer.sendClose());
    QVERIFY(f.composer.hasError());
    codes->setCurrentIndex(0);
    f.composer.closeReasonEdit()->setText(QString(62, QChar(0xe9))); // 124 bytes
    QVERIFY(!f.composer.sendClose());
    QVERIFY(f.composer.messageLabel()->text().contains(QStringLiteral("124 bytes")));
    f.composer.closeReasonEdit()->setText(QString(123, QLatin1Char('r')));
    QVERIFY(f.composer.sendClose());
    QCOMPARE(f.spy.size(), 7);
    QCOMPARE(requestAt(f.spy, 6).closeReason.size(), 123);
}

void TestComposer::closeCodeList()
{
    Fixture f;
    QComboBox *codes = f.composer.closeCodeBox();
    QVERIFY(codes->isEditable());
    QList<int> sendable;
    for (int i = 0; i < codes->count(); ++i) {
        const QVariant data = codes->itemData(i);
        if (data.isValid() && CloseCodes::isValidOnWire(quint16(data.toInt()))) {
            sendable << data.toInt();
            QCOMPARE(codes->itemText(i),
                QString::number(data.toInt()) + QLatin1Char(' ') + CloseCodes::name(quint16(data.toInt())));
            QCOMPARE(
                codes->itemData(i, Qt::ToolTipRole).toString(), CloseCodes::meaning(quint16(data.toInt())));
        }
    }
    QCOMPARE(
        sendable, (QList<int> { 1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014 }));
    for (const int code : { 1004, 1005, 1006, 1015 }) {
        const int index = codes->findData(code);
        QVERIFY(index >= 0);
        QVERIFY2(codes->itemText(index).contains(QStringLiteral("(must not be sent)")),
            qPrintable(codes->itemText(index)));
    }
    QCOMPARE(codes->itemText(codes->count() - 1), QStringLiteral("No code"));
}

void TestComposer::repeatSendsExactly()
{
    Fixture f;
    f.composer.setText(QStringLiteral("n={{counter}}"));
    f.composer.startRepeat(5, 10);
    QVERIFY(f.composer.isRepeating());
    QCOMPARE(f.spy.size(), 1); // the first at once
    QCOMPARE(f.composer.repeatButton()->text(), QStringLiteral("Stop"));
    QVERIFY(!f.composer.sendButton()->isEnabled());
    QTRY_COMPARE(f.spy.size(), 5);
    QTRY_VERIFY(!f.composer.isRepeating());
    QTest::qWait(60);
    QCOMPARE(f.spy.size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(requestAt(f.spy, i).payload, QByteArray("n=") + QByteArray::number(i + 1));
    QCOMPARE(f.composer.repeatSent(), 5);
    QVERIFY(!f.composer.repeatProgress()->isVisible()); // no progress while no repeat runs
    QCOMPARE(f.composer.repeatButton()->text(), QStringLiteral("Repeat"));
    QVERIFY(f.composer.sendButton()->isEnabled());
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Repeat done: sent 5 times"));

    // The button starts one with the boxes' values.
    f.composer.repeatCountBox()->setValue(3);
    f.composer.repeatIntervalBox()->setValue(5);
    QTest::mouseClick(f.composer.repeatButton(), Qt::LeftButton);
    QTRY_COMPARE(f.spy.size(), 8);
    QTRY_VERIFY(!f.composer.isRepeating());
    QCOMPARE(requestAt(f.spy, 7).payload, QByteArray("n=8"));
}

void TestComposer::repeatZeroIntervalYields()
{
    Fixture f;
    f.composer.setText(QStringLiteral("x"));
    int ticks = 0;
    QTimer other;
    QObject::connect(&other, &QTimer::timeout, &other, [&ticks] { ++ticks; });
    other.start(0);
    f.composer.startRepeat(20000, 0);
    // A batch per turn of the event loop (at most 1000 sends), not all at once.
    QVERIFY2(f.spy.size() >= 1 && f.spy.size() <= 1000, qPrintable(QString::number(f.spy.size())));
    QTRY_COMPARE_WITH_TIMEOUT(f.spy.size(), 20000, 60000);
    QVERIFY2(ticks >= 20, qPrintable(QString::number(ticks))); // other work ran in between
    QTRY_VERIFY(!f.composer.isRepeating());
}

void TestComposer::repeatStop()
{
    Fixture f;
    f.composer.setText(QStringLiteral("x"));
    f.composer.startRepeat(1000, 10);
    QTRY_VERIFY(f.spy.size() >= 3);
    QTest::mouseClick(f.composer.repeatButton(), Qt::LeftButton); // "Stop"
    QVERIFY(!f.composer.isRepeating());
    const qsizetype sent = f.spy.size();
    QCOMPARE(f.composer.repeatSent(), int(sent));
    QTest::qWait(80);
    QCOMPARE(f.spy.size(), sent);
    QCOMPARE(f.composer.repeatButton()->text(), QStringLiteral("Repeat"));
    QVERIFY(!f.composer.repeatProgress()->isVisible());
    QCOMPARE(
        f.composer.messageLabel()->text(), QStringLiteral("Repeat stopped after %1 of 1000 sends").arg(sent));
}

void TestComposer::repeatStopsOnDisconnect()
{
    Fixture f;
    f.composer.setText(QStringLiteral("x"));
    f.composer.startRepeat(1000, 10);
    QTRY_VERIFY(f.spy.size() >= 2);
    f.composer.setConnected(false);
    QVERIFY(!f.composer.isRepeating());
    const qsizetype sent = f.spy.size();
    QTest::qWait(80);
    QCOMPARE(f.spy.size(), sent);
    QVERIFY(!f.composer.repeatButton()->isEnabled());
    QCOMPARE(f.composer.messageLabel()->text(),
        QStringLiteral("Repeat stopped after %1 of 1000 sends: the connection closed").arg(sent));
    QVERIFY(!f.composer.repeatProgress()->isVisible());
}

void TestComposer::repeatStopsOnError()
{
    Fixture f;
    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setText(QStringLiteral("{oops}"));
    f.composer.startRepeat(5, 10);
    QVERIFY(!f.composer.isRepeating());
    QTest::qWait(50);
    QCOMPARE(f.spy.size(), 0);
    QCOMPARE(f.composer.repeatSent(), 0);
    QVERIFY(f.composer.hasError());
    QVERIFY(f.composer.messageLabel()->text().startsWith(QStringLiteral("JSON: line 1, column 2")));

    // An error in the middle (the file disappears) stops it there.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a");
    file.close();
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::File);
    f.composer.setFilePath(path);
    f.composer.startRepeat(100, 20);
    QTRY_VERIFY(f.spy.size() >= 2);
    QVERIFY(QFile::remove(path));
    QTRY_VERIFY(!f.composer.isRepeating());
    const qsizetype sent = f.spy.size();
    QVERIFY(sent < 100);
    QCOMPARE(f.composer.repeatSent(), int(sent));
    QVERIFY(f.composer.messageLabel()->text().contains(QStringLiteral("does not exist")));
    QTest::qWait(60);
    QCOMPARE(f.spy.size(), sent);
}

void TestComposer::advancedSendsCraftedFrames()
{
    Fixture f;
    f.composer.setText(QStringLiteral("abc"));
    QVERIFY(!f.composer.craftPanel()->isVisibleTo(&f.composer));
    f.composer.setAdvanced(true);
    QVERIFY(f.composer.craftPanel()->isVisibleTo(&f.composer));
    QVERIFY(f.composer.advancedButton()->isChecked());
    FrameCraftPanel *panel = f.composer.craftPanel();
    panel->rsv2Box()->setChecked(true);
    panel->opcodeBox()->setCurrentIndex(panel->opcodeBox()->findData(3));
    panel->maskingBox()->setCurrentIndex(panel->maskingBox()->findData(int(FrameSpec::Masking::None)));
    QVERIFY(f.composer.send());
    QCOMPARE(f.spy.size(), 1);
    const OutgoingRequest request = requestAt(f.spy, 0);
    QCOMPARE(request.kind, OutgoingRequest::Kind::Frames);
    QCOMPARE(describe(request.frames), describe(panel->frames("abc")));
    QCOMPARE(request.frames.size(), 1);
    QVERIFY(request.frames.at(0).rsv2);
    QCOMPARE(request.frames.at(0).opcode, quint8(3));
    QCOMPARE(request.frames.at(0).masking, FrameSpec::Masking::None);
    QCOMPARE(request.frames.at(0).payload, QByteArray("abc"));
    // Not blocked; the info line counts the broken rules (RSV2, reserved opcode, unmasked client frame).
    const qsizetype warnings = panel->lastWarnings().size();
    QVERIFY(warnings >= 3);
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Sent with %1 rule violations").arg(warnings));
    QVERIFY(!f.composer.hasError());

    // Variables are expanded in the crafted payload too, and the mode gives the opcode "From the mode".
    panel->resetToValid();
    f.composer.setText(QStringLiteral("#{{counter}}"));
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 1).frames.size(), 1);
    QCOMPARE(requestAt(f.spy, 1).frames.at(0).payload, QByteArray("#2"));
    QCOMPARE(requestAt(f.spy, 1).frames.at(0).opcode, quint8(1));
    QCOMPARE(requestAt(f.spy, 1).frames.at(0).masking, FrameSpec::Masking::Random);
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setText(QStringLiteral("01 02"));
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 2).frames.at(0).opcode, quint8(2));
    QCOMPARE(requestAt(f.spy, 2).frames.at(0).payload, QByteArray("\x01\x02"));
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Sent 1 crafted frame, 2 bytes of payload"));

    // Repeat sends crafted frames each time.
    f.composer.startRepeat(3, 5);
    QTRY_COMPARE(f.spy.size(), 6);
    for (int i = 3; i < 6; ++i)
        QCOMPARE(requestAt(f.spy, i).kind, OutgoingRequest::Kind::Frames);
}

void TestComposer::advancedFragmentsWithDelay()
{
    Fixture f;
    FrameCraftPanel *panel = f.composer.craftPanel();
    f.composer.setAdvanced(true);
    f.composer.setText(QStringLiteral("abcdefg"));
    panel->fragmentsBox()->setValue(3);
    panel->fragmentDelayBox()->setValue(20);
    QVERIFY(f.composer.send());
    QCOMPARE(f.spy.size(), 1); // the first at once
    QCOMPARE(f.composer.pendingFragmentCount(), 2);
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Fragment 1 of 3…"));
    QVERIFY(panel->context().fragmentedMessageOpen);
    QCOMPARE(f.composer.repeatButton()->text(), QStringLiteral("Stop"));
    QTRY_COMPARE(f.spy.size(), 3);
    QCOMPARE(f.composer.pendingFragmentCount(), 0);
    QVERIFY(!panel->context().fragmentedMessageOpen);
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Sent 3 fragments"));
    QCOMPARE(f.composer.repeatButton()->text(), QStringLiteral("Repeat"));

    const QList<QByteArray> payloads { "abc", "de", "fg" };
    for (int i = 0; i < 3; ++i) {
        const OutgoingRequest request = requestAt(f.spy, i);
        QCOMPARE(request.kind, OutgoingRequest::Kind::Frames);
        QCOMPARE(request.frames.size(), 1);
        QCOMPARE(request.frames.at(0).payload, payloads.at(i));
        QCOMPARE(request.frames.at(0).opcode, quint8(i == 0 ? 1 : 0));
        QCOMPARE(request.frames.at(0).fin, i == 2);
    }
    QTest::qWait(60);
    QCOMPARE(f.spy.size(), 3);
}

void TestComposer::advancedFragmentsWithoutDelay()
{
    Fixture f;
    FrameCraftPanel *panel = f.composer.craftPanel();
    f.composer.setAdvanced(true);
    f.composer.setText(QStringLiteral("abcdef"));
    panel->fragmentsBox()->setValue(3);
    panel->fragmentDelayBox()->setValue(0);
    QVERIFY(f.composer.send());
    QCOMPARE(f.spy.size(), 1);
    const OutgoingRequest request = requestAt(f.spy, 0);
    QCOMPARE(request.frames.size(), 3);
    QCOMPARE(describe(request.frames), describe(panel->frames("abcdef")));
    QCOMPARE(f.composer.pendingFragmentCount(), 0);
    QVERIFY(!panel->context().fragmentedMessageOpen);
}

void TestComposer::fragmentsCancelled()
{
    Fixture f;
    FrameCraftPanel *panel = f.composer.craftPanel();
    f.composer.setAdvanced(true);
    f.composer.setText(QStringLiteral("abcdef"));
    panel->fragmentsBox()->setValue(3);
    panel->fragmentDelayBox()->setValue(30);

    // Stop.
    QVERIFY(f.composer.send());
    f.composer.stopRepeat();
    QCOMPARE(f.composer.pendingFragmentCount(), 0);
    QCOMPARE(f.composer.messageLabel()->text(),
        QStringLiteral("Stopped after fragment 1 of 3; the message was left unfinished"));
    QVERIFY(panel->context().fragmentedMessageOpen); // the peer still waits for the rest
    QTest::qWait(100);
    QCOMPARE(f.spy.size(), 1);

    // A new send: it starts over (and the panel knows a message is still open).
    QVERIFY(f.composer.send());
    QCOMPARE(f.spy.size(), 2);
    QVERIFY(!panel->lastWarnings().isEmpty()); // a new text frame while a fragmented message is open

    // Disconnecting.
    f.composer.setConnected(false);
    QCOMPARE(f.composer.pendingFragmentCount(), 0);
    QVERIFY(!panel->context().fragmentedMessageOpen);
    QTest::qWait(100);
    QCOMPARE(f.spy.size(), 2);
}

void TestComposer::repeatWaitsForFragments()
{
    Fixture f;
    FrameCraftPanel *panel = f.composer.craftPanel();
    f.composer.setAdvanced(true);
    f.composer.setText(QStringLiteral("abcd"));
    panel->fragmentsBox()->setValue(2);
    panel->fragmentDelayBox()->setValue(10);
    f.composer.startRepeat(2, 5);
    QTRY_COMPARE(f.spy.size(), 4);
    QTRY_VERIFY(!f.composer.isRepeating());
    QTest::qWait(50);
    QCOMPARE(f.spy.size(), 4);
    // Whole messages one after the other: ab, cd (FIN), ab, cd (FIN).
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(requestAt(f.spy, i).frames.size(), 1);
        QCOMPARE(requestAt(f.spy, i).frames.at(0).fin, i % 2 == 1);
        QCOMPARE(requestAt(f.spy, i).frames.at(0).opcode, quint8(i % 2 == 0 ? 1 : 0));
    }
    QCOMPARE(f.composer.repeatSent(), 2);
}

void TestComposer::loadMessage()
{
    Fixture f;
    f.composer.setAdvanced(true);
    f.composer.loadMessage(0x1, QByteArray("{\"a\": [1, 2]}"));
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Json);
    QCOMPARE(f.composer.text(), QStringLiteral("{\"a\": [1, 2]}"));
    QVERIFY(!f.composer.isAdvanced());

    // Plain text; a "{{" in it stays literal when sent again.
    f.composer.loadMessage(0x1, QByteArray("h\xc3\xa9 {{x}} \\{{"));
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Text);
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 0).payload, QByteArray("h\xc3\xa9 {{x}} \\{{"));
    QCOMPARE(requestAt(f.spy, 0).opcode, quint8(0x1));

    // "42" parses as JSON but is no object or array: Text.
    f.composer.loadMessage(0x1, QByteArray("42"));
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Text);

    // Binary, and text that is not UTF-8: hex.
    f.composer.loadMessage(0x2, QByteArray("\x00\xff hi", 5));
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Binary);
    QCOMPARE(f.composer.binaryFormat(), ComposerWidget::BinaryFormat::Hex);
    QCOMPARE(f.composer.text(), QStringLiteral("00 ff 20 68 69"));
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 1).payload, QByteArray("\x00\xff hi", 5));
    f.composer.loadMessage(0x1, QByteArray("\xc3\x28"));
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Binary);
    QCOMPARE(f.composer.text(), QStringLiteral("c3 28"));
    // Long binary payloads: 16 bytes per line.
    f.composer.loadMessage(0x2, QByteArray(20, '\x01'));
    QCOMPARE(f.composer.text().count(QLatin1Char('\n')), 1);
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 2).payload, QByteArray(20, '\x01'));
}

void TestComposer::loadFrame()
{
    Fixture f;
    Frame frame;
    frame.fin = false;
    frame.rsv1 = false;
    frame.rsv2 = false;
    frame.rsv3 = true;
    frame.opcode = 0x1;
    frame.masked = true;
    frame.maskingKey = { 0x01, 0x02, 0x03, 0x04 };
    frame.payloadLength = 5;
    frame.lengthForm = LengthForm::Bits16;
    f.composer.loadFrame(frame, QByteArray("hello"));
    QVERIFY(f.composer.isAdvanced());
    QVERIFY(f.composer.craftPanel()->isVisibleTo(&f.composer));
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Text);
    QCOMPARE(f.composer.text(), QStringLiteral("hello"));
    FrameCraftPanel *panel = f.composer.craftPanel();
    QVERIFY(!panel->finBox()->isChecked());
    QVERIFY(panel->rsv3Box()->isChecked());
    QCOMPARE(panel->maskingBox()->currentData().toInt(), int(FrameSpec::Masking::Chosen));
    QCOMPARE(panel->lengthFormBox()->currentData().toInt(), 16);
    QVERIFY(f.composer.send());
    const OutgoingRequest request = requestAt(f.spy, 0);
    QCOMPARE(request.kind, OutgoingRequest::Kind::Frames);
    QCOMPARE(request.frames.size(), 1);
    QVERIFY(!request.frames.at(0).fin);
    QVERIFY(request.frames.at(0).rsv3);
    QCOMPARE(request.frames.at(0).lengthForm, std::optional<LengthForm>(LengthForm::Bits16));
    QCOMPARE(request.frames.at(0).masking, FrameSpec::Masking::Chosen);
    QCOMPARE(request.frames.at(0).maskingKey, (std::array<quint8, 4> { 0x01, 0x02, 0x03, 0x04 }));
    QCOMPARE(request.frames.at(0).payload, QByteArray("hello"));

    // A binary frame's payload goes in as hex.
    frame.opcode = 0x2;
    frame.fin = true;
    f.composer.loadFrame(frame, QByteArray("\x10\x20", 2));
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Binary);
    QCOMPARE(f.composer.text(), QStringLiteral("10 20"));
    QVERIFY(panel->finBox()->isChecked());
}

void TestComposer::disconnectedDisablesSending()
{
    Fixture f;
    QVERIFY(f.composer.sendButton()->isEnabled());
    QVERIFY(f.composer.repeatButton()->isEnabled());
    f.composer.setConnected(false);
    QVERIFY(!f.composer.isConnected());
    for (QWidget *button :
        std::initializer_list<QWidget *> { f.composer.sendButton(), f.composer.pingButton(),
            f.composer.pongButton(), f.composer.closeButton(), f.composer.repeatButton() })
        QVERIFY2(!button->isEnabled(), qPrintable(button->objectName()));
    // Editing stays possible.
    QVERIFY(f.composer.editor()->isEnabled());
    QVERIFY(!f.composer.editor()->isReadOnly());
    QVERIFY(f.composer.modeBox()->isEnabled());
    QVERIFY(f.composer.controlPayloadEdit()->isEnabled());
    QTest::keyClick(f.composer.editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(f.spy.size(), 0);
    f.composer.setConnected(true);
    QVERIFY(f.composer.sendButton()->isEnabled());

    // Every interactive part has an object name.
    for (QWidget *child : f.composer.findChildren<QWidget *>()) {
        if (qobject_cast<QAbstractButton *>(child) || qobject_cast<QComboBox *>(child)
            || qobject_cast<QSpinBox *>(child) || qobject_cast<QsciScintilla *>(child))
            if (!child->objectName().startsWith(QLatin1String("qt_")) && child->parentWidget() != nullptr
                && !qobject_cast<QComboBox *>(child->parentWidget())
                && !qobject_cast<QSpinBox *>(child->parentWidget())
                && !qobject_cast<QLineEdit *>(child->parentWidget())) // Qt's own clear button
                QVERIFY2(!child->objectName().isEmpty(), child->metaObject()->className());
    }
    // The target line.
    QVERIFY(!f.composer.targetLabel()->isVisibleTo(&f.composer));
    f.composer.setTargetText(QStringLiteral("To all clients:"));
    QVERIFY(f.composer.targetLabel()->isVisibleTo(&f.composer));
    QCOMPARE(f.composer.targetLabel()->text(), QStringLiteral("To all clients:"));
}

void TestComposer::variablesMenuInserts()
{
    Fixture f;
    QMenu *menu = f.composer.variablesButton()->menu();
    QVERIFY(menu);
    const QList<PayloadVariables::VariableInfo> variables = PayloadVariables::variables();
    QCOMPARE(menu->actions().size(), variables.size());
    for (qsizetype i = 0; i < variables.size(); ++i) {
        QVERIFY(menu->actions().at(i)->text().startsWith(variables.at(i).syntax + QLatin1Char('\t')));
        QCOMPARE(menu->actions().at(i)->toolTip(), variables.at(i).description);
    }
    f.composer.setText(QStringLiteral("ab"));
    f.composer.editor()->SendScintilla(QsciScintilla::SCI_GOTOPOS, 1ul);
    menu->actions().at(3)->trigger(); // {{uuid}}
    QCOMPARE(f.composer.text(), QStringLiteral("a{{uuid}}b"));
    f.composer.insertVariable(QStringLiteral("{{random:N}}"));
    QCOMPARE(f.composer.text(), QStringLiteral("a{{uuid}}{{random:16}}b"));
    QCOMPARE(f.composer.editor()->selectedText(), QStringLiteral("16"));
    // Typing replaces the selected length.
    QTest::keyClicks(f.composer.editor(), QStringLiteral("8"));
    QCOMPARE(f.composer.text(), QStringLiteral("a{{uuid}}{{random:8}}b"));
}

void TestComposer::retranslateKeepsChoices()
{
    Fixture f;
    QComboBox *codes = f.composer.closeCodeBox();
    const int itemCount = codes->count();
    codes->setCurrentIndex(codes->findData(1005));
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::Base64);
    f.composer.setText(QStringLiteral("AAE="));
    QEvent change(QEvent::LanguageChange);
    QApplication::sendEvent(&f.composer, &change);
    QCOMPARE(codes->count(), itemCount);
    QCOMPARE(codes->currentData().toInt(), 1005);
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Binary);
    QCOMPARE(f.composer.binaryFormat(), ComposerWidget::BinaryFormat::Base64);
    QCOMPARE(f.composer.modeBox()->itemText(2), QStringLiteral("Binary"));
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("2 bytes"));
    // A typed code is kept as typed.
    codes->setCurrentText(QStringLiteral("4321"));
    QApplication::sendEvent(&f.composer, &change);
    QCOMPARE(codes->currentText(), QStringLiteral("4321"));
    QVERIFY(f.composer.sendClose());
    QCOMPARE(requestAt(f.spy, 0).closeCode, quint16(4321));
    QCOMPARE(f.composer.variablesButton()->menu()->actions().size(), PayloadVariables::variables().size());
}

// Renders the composer in each mode (and with a dark palette) and checks that it draws; with
// FRAMELINE_COMPOSER_SHOTS set to a folder, saves the pictures there to be looked at.
void TestComposer::modeSwitchConverts()
{
    Fixture f;
    QsciScintilla *editor = f.composer.editor();
    f.composer.setText(QStringLiteral("Hello"));
    // Text -> Binary (hex): the UTF-8 bytes as hex; one undo step takes it back.
    f.composer.setMode(ComposerWidget::Mode::Binary);
    QCOMPARE(f.composer.binaryFormat(), ComposerWidget::BinaryFormat::Hex);
    QCOMPARE(f.composer.text(), QStringLiteral("48 65 6c 6c 6f"));
    // Hex -> Base64 -> Hex: re-encoded.
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::Base64);
    QCOMPARE(f.composer.text(), QStringLiteral("SGVsbG8="));
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::Hex);
    QCOMPARE(f.composer.text(), QStringLiteral("48 65 6c 6c 6f"));
    // -> File and back: the text stays untouched (the path is apart).
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::File);
    QCOMPARE(f.composer.text(), QStringLiteral("48 65 6c 6c 6f"));
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::Hex);
    QCOMPARE(f.composer.text(), QStringLiteral("48 65 6c 6c 6f"));
    // Binary -> Text: the bytes as text ("{{" kept literal), then sent as exactly those bytes.
    f.composer.setText(QStringLiteral("7b 7b 78 7d 7d c3 a9"));
    f.composer.setMode(ComposerWidget::Mode::Text);
    QCOMPARE(f.composer.text(), QStringLiteral("\\{{x}}\u00e9"));
    QVERIFY(f.composer.send());
    QCOMPARE(requestAt(f.spy, 0).payload, QByteArray("{{x}}\xc3\xa9"));
    // Text -> Binary -> Text round trip.
    f.composer.setMode(ComposerWidget::Mode::Binary);
    QCOMPARE(f.composer.text(), QStringLiteral("7b 7b 78 7d 7d c3 a9"));
    f.composer.setMode(ComposerWidget::Mode::Json);
    QCOMPARE(f.composer.text(), QStringLiteral("\\{{x}}\u00e9"));
    // JSON -> Binary when the JSON is valid; Text <-> JSON never changes the text.
    f.composer.setText(QStringLiteral("[1]"));
    f.composer.setMode(ComposerWidget::Mode::Text);
    QCOMPARE(f.composer.text(), QStringLiteral("[1]"));
    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setMode(ComposerWidget::Mode::Binary);
    QCOMPARE(f.composer.text(), QStringLiteral("5b 31 5d"));
    // The conversion is one undo step.
    editor->undo();
    QCOMPARE(f.composer.text(), QStringLiteral("[1]"));
    // Long payloads go 16 bytes to a line.
    f.composer.setMode(ComposerWidget::Mode::Text);
    f.composer.setText(QStringLiteral("abcdefghijklmnopq"));
    f.composer.setMode(ComposerWidget::Mode::Binary);
    QCOMPARE(f.composer.text(), QStringLiteral("61 62 63 64 65 66 67 68 69 6a 6b 6c 6d 6e 6f 70\n71"));
}

void TestComposer::modeSwitchKeepsInvalid()
{
    Fixture f;
    // Hex that does not parse stays as typed, and the line says so.
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setText(QStringLiteral("4g"));
    f.composer.setMode(ComposerWidget::Mode::Text);
    QCOMPARE(f.composer.text(), QStringLiteral("4g"));
    QCOMPARE(f.composer.messageLabel()->text(),
        QStringLiteral("Not converted: the hex does not parse; kept as typed"));
    // Bytes that are not UTF-8 stay as hex.
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setText(QStringLiteral("ff fe"));
    f.composer.setMode(ComposerWidget::Mode::Text);
    QCOMPARE(f.composer.text(), QStringLiteral("ff fe"));
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Not valid UTF-8: kept as typed"));
    // Editing clears the note.
    f.composer.editor()->append(QStringLiteral("!"));
    QTRY_COMPARE(f.composer.messageLabel()->text(), QStringLiteral("6 bytes"));
    // Invalid JSON stays; the hex error is shown after the note.
    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setText(QStringLiteral("{\"a\""));
    f.composer.setMode(ComposerWidget::Mode::Binary);
    QCOMPARE(f.composer.text(), QStringLiteral("{\"a\""));
    QVERIFY2(f.composer.messageLabel()->text().startsWith(QStringLiteral(
                 "Not converted: the JSON is not valid; kept as typed. Hex: line 1, column 1:")),
        qPrintable(f.composer.messageLabel()->text()));
    // Base64 that does not parse.
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::Base64);
    f.composer.setText(QStringLiteral("S*=="));
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::Hex);
    QCOMPARE(f.composer.text(), QStringLiteral("S*=="));
    QVERIFY(f.composer.messageLabel()->text().startsWith(
        QStringLiteral("Not converted: the base64 does not parse; kept as typed")));
    // Text with variables is not turned into bytes.
    f.composer.setMode(ComposerWidget::Mode::Text);
    f.composer.setText(QStringLiteral("n={{counter}}"));
    f.composer.setMode(ComposerWidget::Mode::Binary);
    QCOMPARE(f.composer.text(), QStringLiteral("n={{counter}}"));
    QVERIFY(f.composer.messageLabel()->text().startsWith(
        QStringLiteral("Not converted: the text has variables")));
}

void TestComposer::replacementsUndoable()
{
    Fixture f;
    QsciScintilla *editor = f.composer.editor();
    f.composer.setText(QStringLiteral("first"));
    QVERIFY(f.composer.send());
    f.composer.setText(QStringLiteral("{\"saved\": 1}"));
    QVERIFY(f.composer.saveMessage(QStringLiteral("s")));
    f.composer.setText(QStringLiteral("typed"));

    // History recall: one Ctrl+Z brings back what was there.
    f.composer.recallPrevious();
    QCOMPARE(f.composer.text(), QStringLiteral("first"));
    editor->undo();
    QCOMPARE(f.composer.text(), QStringLiteral("typed"));
    QVERIFY(!editor->isUndoAvailable()); // one step: nothing older (setText starts a fresh history)

    // A saved message.
    f.composer.setText(QStringLiteral("typed"));
    f.composer.loadSavedMessage(QStringLiteral("s"));
    QCOMPARE(f.composer.text(), QStringLiteral("{\"saved\": 1}"));
    editor->undo();
    QCOMPARE(f.composer.text(), QStringLiteral("typed"));

    // Load from the timeline, as a message and as a frame.
    f.composer.setMode(ComposerWidget::Mode::Text);
    f.composer.setText(QStringLiteral("typed"));
    f.composer.loadMessage(0x2, QByteArray("\x01\x02", 2));
    QCOMPARE(f.composer.text(), QStringLiteral("01 02"));
    editor->undo();
    QCOMPARE(f.composer.text(), QStringLiteral("typed"));
    Frame frame;
    frame.opcode = 0x1;
    frame.fin = true;
    frame.payloadLength = 2;
    f.composer.loadFrame(frame, QByteArray("ok"));
    QCOMPARE(f.composer.text(), QStringLiteral("ok"));
    editor->undo();
    QCOMPARE(f.composer.text(), QStringLiteral("typed"));

    // Ctrl+Z in the editor does it too.
    f.composer.setMode(ComposerWidget::Mode::Text);
    f.composer.setText(QStringLiteral("typed"));
    f.composer.recallPrevious();
    QCOMPARE(f.composer.text(), QStringLiteral("first"));
    focusInWindow(editor);
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(f.composer.text(), QStringLiteral("typed"));
}

void TestComposer::historyLikeShell()
{
    Fixture f;
    for (const char *text : { "one", "two", "three" }) {
        f.composer.setText(QString::fromLatin1(text));
        QVERIFY(f.composer.send());
    }
    f.composer.setText(QStringLiteral("draft"));
    f.composer.recallPrevious();
    QCOMPARE(f.composer.text(), QStringLiteral("three"));
    f.composer.recallPrevious();
    QCOMPARE(f.composer.text(), QStringLiteral("two"));
    // Editing a recalled entry: it becomes the draft and recalling starts again from the newest.
    f.composer.editor()->append(QStringLiteral("!"));
    f.composer.recallPrevious();
    QCOMPARE(f.composer.text(), QStringLiteral("three"));
    f.composer.recallNext();
    QCOMPARE(f.composer.text(), QStringLiteral("two!"));
    f.composer.recallNext();
    QCOMPARE(f.composer.text(), QStringLiteral("two!"));
    QCOMPARE(f.composer.history().size(), 3); // the entries themselves are unchanged
    QCOMPARE(f.composer.history().at(1).text, QStringLiteral("two"));

    // Editing then Ctrl+Down: the edited text is the draft, nothing else changes.
    f.composer.recallPrevious();
    f.composer.recallPrevious();
    QCOMPARE(f.composer.text(), QStringLiteral("two"));
    f.composer.editor()->append(QStringLiteral("?"));
    f.composer.recallNext();
    QCOMPARE(f.composer.text(), QStringLiteral("two?"));
    f.composer.recallPrevious();
    QCOMPARE(f.composer.text(), QStringLiteral("three"));
    f.composer.recallNext();
    QCOMPARE(f.composer.text(), QStringLiteral("two?"));

    // A pick from the History menu resets the position: Ctrl+Up goes to the newest, Ctrl+Down comes back
    // to the picked entry.
    QMenu *menu = f.composer.historyButton()->menu();
    Q_EMIT menu->aboutToShow();
    menu->actions().at(2)->trigger(); // "one"
    QCOMPARE(f.composer.text(), QStringLiteral("one"));
    f.composer.recallPrevious();
    QCOMPARE(f.composer.text(), QStringLiteral("three"));
    f.composer.recallNext();
    QCOMPARE(f.composer.text(), QStringLiteral("one"));
}

void TestComposer::historyWalksPastFiles()
{
    Fixture f;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("xy");
    file.close();
    f.composer.setText(QStringLiteral("before"));
    QVERIFY(f.composer.send());
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::File);
    f.composer.setFilePath(path);
    QVERIFY(f.composer.send());
    f.composer.setMode(ComposerWidget::Mode::Text);
    f.composer.setText(QStringLiteral("after"));
    QVERIFY(f.composer.send());
    f.composer.setText(QStringLiteral("draft"));

    QsciScintilla *editor = f.composer.editor();
    focusInWindow(editor);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(f.composer.text(), QStringLiteral("after"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up, Qt::ControlModifier);
    // The file entry hides the editor; the keyboard stays in the composer and walks on.
    QCOMPARE(f.composer.binaryFormat(), ComposerWidget::BinaryFormat::File);
    QCOMPARE(f.composer.filePath(), path);
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QVERIFY(focus->isVisible());
    QVERIFY(f.composer.isAncestorOf(focus));
    QTest::keyClick(focus, Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Text);
    QCOMPARE(f.composer.text(), QStringLiteral("before"));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(editor));
    QTest::keyClick(editor, Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(f.composer.binaryFormat(), ComposerWidget::BinaryFormat::File);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::ControlModifier);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(f.composer.mode(), ComposerWidget::Mode::Text);
    QCOMPARE(f.composer.text(), QStringLiteral("draft"));
    QCOMPARE(f.spy.size(), 3);
}

void TestComposer::repeatZeroIntervalThroughput()
{
    Fixture f;
    f.composer.setText(QStringLiteral("n={{counter}}"));
    QElapsedTimer timer;
    timer.start();
    f.composer.startRepeat(2000, 0);
    QVERIFY(f.composer.repeatProgress()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!f.composer.isRepeating(), 10000);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(f.spy.size(), 2000);
    QCOMPARE(f.composer.repeatSent(), 2000);
    QCOMPARE(requestAt(f.spy, 0).payload, QByteArray("n=1"));
    QCOMPARE(requestAt(f.spy, 1999).payload, QByteArray("n=2000"));
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Repeat done: sent 2000 times"));
    QVERIFY(!f.composer.repeatProgress()->isVisible());
    QTest::qWait(50);
    QCOMPARE(f.spy.size(), 2000);
}

void TestComposer::historyPersistLimits()
{
    Fixture f;
    // One entry over 64 KiB: kept for the session, not saved.
    f.composer.setText(QString(64 * 1024 + 1, QLatin1Char('b')));
    QVERIFY(f.composer.send());
    f.composer.setText(QString(64 * 1024, QLatin1Char('a'))); // exactly 64 KiB: saved
    QVERIFY(f.composer.send());
    QCOMPARE(f.composer.history().size(), 2);
    QVariantList saved = f.composer.saveState().value(QStringLiteral("history")).toList();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).toMap().value(QStringLiteral("text")).toString().size(), 64 * 1024);

    // At most 1 MiB in all, the oldest dropped first: 20 entries of 60 000 bytes, 17 fit.
    f.composer.clearHistory();
    for (int i = 0; i < 20; ++i) {
        f.composer.setText(QString::number(i % 10) + QString(59999, QLatin1Char('x')));
        QVERIFY(f.composer.send());
    }
    QCOMPARE(f.composer.history().size(), 20);
    saved = f.composer.saveState().value(QStringLiteral("history")).toList();
    QCOMPARE(saved.size(), 17);
    QCOMPARE(
        saved.constFirst().toMap().value(QStringLiteral("text")).toString().left(1), QStringLiteral("3"));
    QCOMPARE(saved.constLast().toMap().value(QStringLiteral("text")).toString().left(1), QStringLiteral("9"));

    // Saved messages are kept whatever their size.
    f.composer.setText(QString(200 * 1024, QLatin1Char('s')));
    QVERIFY(f.composer.saveMessage(QStringLiteral("big")));
    const QVariantList messages = f.composer.saveState().value(QStringLiteral("saved")).toList();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).toMap().value(QStringLiteral("text")).toString().size(), 200 * 1024);
}

void TestComposer::closeCodeDropdownWide()
{
    Fixture f;
    QComboBox *codes = f.composer.closeCodeBox();
    const QFontMetrics metrics = codes->view()->fontMetrics();
    int widest = 0;
    for (int i = 0; i < codes->count(); ++i)
        widest = qMax(widest, metrics.horizontalAdvance(codes->itemText(i)));
    QVERIFY(widest > codes->width()); // the longest item is wider than the box
    QVERIFY2(codes->view()->minimumWidth() >= widest,
        qPrintable(QStringLiteral("%1 < %2").arg(codes->view()->minimumWidth()).arg(widest)));
}

void TestComposer::ctrlEnterFromAnyChild()
{
    Fixture f;
    f.composer.setText(QStringLiteral("go"));
    // From the control payload field, the Pretty button's neighbour fields, the repeat box: all send.
    focusInWindow(f.composer.controlPayloadEdit());
    QTest::keyClick(f.composer.controlPayloadEdit(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(f.spy.size(), 1);
    QCOMPARE(requestAt(f.spy, 0).payload, QByteArray("go"));
    focusInWindow(f.composer.repeatCountBox());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(f.spy.size(), 2);
    focusInWindow(f.composer.closeReasonEdit());
    QTest::keyClick(f.composer.closeReasonEdit(), Qt::Key_Enter, Qt::ControlModifier);
    QCOMPARE(f.spy.size(), 3);
    // A button that took the focus with a click.
    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setText(QStringLiteral("[1]"));
    QTRY_VERIFY(f.composer.prettyButton()->isEnabled());
    focusInWindow(f.composer.prettyButton());
    QTest::keyClick(f.composer.prettyButton(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(f.spy.size(), 4);
    QCOMPARE(requestAt(f.spy, 3).kind, OutgoingRequest::Kind::Message);
    // A plain Return in the field sends nothing.
    focusInWindow(f.composer.controlPayloadEdit());
    QTest::keyClick(f.composer.controlPayloadEdit(), Qt::Key_Return);
    QCOMPARE(f.spy.size(), 4);
}

void TestComposer::controlPayloadVariables()
{
    Fixture f;
    f.composer.setVariableSources(fixedSources());
    f.composer.controlPayloadEdit()->setText(QStringLiteral("ping {{counter}} {{timestamp:s}}"));
    QVERIFY(f.composer.sendPing());
    QCOMPARE(requestAt(f.spy, 0).kind, OutgoingRequest::Kind::Ping);
    QCOMPARE(requestAt(f.spy, 0).payload, QByteArray("ping 1 1795253600"));
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Sent a Ping with 17 bytes"));
    // The counter does not advance for control frames.
    QVERIFY(f.composer.sendPong());
    QCOMPARE(requestAt(f.spy, 1).payload, QByteArray("ping 1 1795253600"));
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Sent a Pong with 17 bytes"));
    QCOMPARE(f.composer.counter().value(), quint64(1));
    // The live count is of the expanded payload.
    QCOMPARE(f.composer.controlPayloadSizeLabel()->text(), QStringLiteral("17/125 bytes"));
    // A bad variable blocks it, with line and column.
    f.composer.controlPayloadEdit()->setText(QStringLiteral("x{{nope}}"));
    QCOMPARE(f.composer.controlPayloadSizeLabel()->text(), QStringLiteral("?/125 bytes"));
    QVERIFY(!f.composer.sendPing());
    QCOMPARE(f.spy.size(), 2);
    QVERIFY2(f.composer.messageLabel()->text().startsWith(
                 QStringLiteral("Ping/Pong payload: Variables: line 1, column 2: Unknown variable {{nope}}")),
        qPrintable(f.composer.messageLabel()->text()));
    // Expanded past the limit: {{random:126}}.
    f.composer.controlPayloadEdit()->setText(QStringLiteral("{{random:126}}"));
    QCOMPARE(f.composer.controlPayloadSizeLabel()->text(), QStringLiteral("126/125 bytes"));
    QVERIFY(!f.composer.sendPing());
    QVERIFY(f.composer.controlPayloadEdit()->toolTip().contains(QStringLiteral("{{counter}}")));
    // A pending live check of the editor does not overwrite what was sent.
    f.composer.controlPayloadEdit()->setText(QStringLiteral("abc"));
    f.composer.setText(QStringLiteral("changed"));
    QVERIFY(f.composer.sendPing());
    QTest::qWait(300);
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Sent a Ping with 3 bytes"));
}

void TestComposer::saveSuggestsNameAndAsks()
{
    Fixture f;
    f.composer.setText(QStringLiteral("  {\"op\": \"subscribe\", \"channel\": \"trades\"}\nsecond line"));
    QCOMPARE(f.composer.suggestedMessageName(),
        QStringLiteral("{\"op\": \"subscribe\", \"channel\":")); // 30 characters
    f.composer.setText(QString());
    QCOMPARE(f.composer.suggestedMessageName(), QStringLiteral("Message 1"));
    QVERIFY(f.composer.saveMessage(QStringLiteral("Message 1")));
    QCOMPARE(f.composer.suggestedMessageName(), QStringLiteral("Message 2"));

    // Save…: the dialog proposes the name; an existing name asks before replacing.
    f.composer.setText(QStringLiteral("hello"));
    QVERIFY(f.composer.saveMessage(QStringLiteral("hello")));
    f.composer.setText(QStringLiteral("hello\nagain"));
    QStringList questions;
    bool answer = false;
    f.composer.setConfirmation([&questions, &answer](const QString &, const QString &question) {
        questions << question;
        return answer;
    });
    QString proposed;
    const auto acceptDialog = [&proposed] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        proposed = dialog->textValue();
        dialog->accept();
    };
    QTimer::singleShot(50, acceptDialog);
    QTest::mouseClick(f.composer.saveMessageButton(), Qt::LeftButton);
    QTRY_COMPARE(proposed, QStringLiteral("hello"));
    QCOMPARE(questions,
        QStringList { QStringLiteral("A message named \u201chello\u201d is already saved. Replace it?") });
    QCOMPARE(f.composer.savedMessages().at(0).text, QStringLiteral("hello")); // "No": unchanged
    answer = true;
    proposed.clear();
    QTimer::singleShot(50, acceptDialog);
    QTest::mouseClick(f.composer.saveMessageButton(), Qt::LeftButton);
    QTRY_COMPARE(proposed, QStringLiteral("hello"));
    QCOMPARE(questions.size(), 2);
    QCOMPARE(f.composer.savedMessages().at(0).text, QStringLiteral("hello\nagain"));
    QCOMPARE(f.composer.messageLabel()->text(), QStringLiteral("Saved as \u201chello\u201d"));
}

void TestComposer::formattingScrollsToStart()
{
    Fixture f;
    QsciScintilla *editor = f.composer.editor();
    QString members;
    for (int i = 0; i < 40; ++i)
        members += QStringLiteral("%1\"member%2\":%2").arg(i ? QStringLiteral(",") : QString()).arg(i);
    const QString compact = QLatin1Char('{') + members + QLatin1Char('}');
    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setText(compact);
    editor->SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
    QTRY_VERIFY(editor->SendScintilla(QsciScintilla::SCI_GETXOFFSET) > 0);
    QVERIFY(f.composer.prettyPrintJson());
    QCOMPARE(editor->SendScintilla(QsciScintilla::SCI_GETXOFFSET), 0l);
    QCOMPARE(editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS), 0l);
    // Compact from a caret at the end of the long last line.
    editor->SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
    QVERIFY(f.composer.compactJson());
    QCOMPARE(f.composer.text(), compact);
    QCOMPARE(editor->SendScintilla(QsciScintilla::SCI_GETXOFFSET), 0l);
    QCOMPARE(editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS), 0l);
}

void TestComposer::randomVariableFromMenu()
{
    Fixture f;
    QsciScintilla *editor = f.composer.editor();
    f.composer.setText(QStringLiteral("id="));
    focusInWindow(editor);
    editor->SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
    QMenu *menu = f.composer.variablesButton()->menu();
    QAction *random = nullptr;
    for (QAction *action : menu->actions())
        if (action->text().startsWith(QStringLiteral("{{random:N}}")))
            random = action;
    QVERIFY(random);
    // Through the real popup: open it from the button, pick the item with the keyboard.
    QTimer::singleShot(100, menu, [menu, random] {
        menu->setActiveAction(random);
        QTest::keyClick(menu, Qt::Key_Return);
    });
    QTest::mouseClick(f.composer.variablesButton(), Qt::LeftButton);
    QTRY_COMPARE(f.composer.text(), QStringLiteral("id={{random:16}}"));
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(editor));
    QCOMPARE(editor->selectedText(), QStringLiteral("16"));
    QTest::keyClicks(editor, QStringLiteral("8"));
    QCOMPARE(f.composer.text(), QStringLiteral("id={{random:8}}"));
}

void TestComposer::buttonsUseEllipsis()
{
    Fixture f;
    f.composer.setMode(ComposerWidget::Mode::Binary);
    f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::File);
    QCOMPARE(f.composer.saveMessageButton()->text(), QStringLiteral("Save\u2026"));
    QCOMPARE(f.composer.browseButton()->text(), QStringLiteral("Browse\u2026"));
    for (const QAbstractButton *button : f.composer.findChildren<QAbstractButton *>())
        QVERIFY2(!button->text().contains(QStringLiteral("...")), qPrintable(button->text()));
}

void TestComposer::screenshots()
{
    const QString folder = qEnvironmentVariable("FRAMELINE_COMPOSER_SHOTS");
    const auto shoot = [&folder](QWidget &widget, const QString &name, int width) {
        widget.resize(width, widget.sizeHint().height()); // as a new tab lays it out
        QTest::qWait(CheckDelayForShots);
        const QPixmap pixmap = widget.grab();
        QVERIFY(!pixmap.isNull());
        QCOMPARE(pixmap.width(), int(width * pixmap.devicePixelRatio()));
        if (!folder.isEmpty())
            QVERIFY(pixmap.save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
    };
    for (const int width : { 900, 1400 }) {
        const QString suffix = QLatin1Char('-') + QString::number(width);
        Fixture f;
        f.composer.setTargetText(QStringLiteral("To all clients:"));
        f.composer.setText(QStringLiteral("Hello, {{uuid}}!\nsecond line of text"));
        f.composer.controlPayloadEdit()->setText(QStringLiteral("keepalive"));
        f.composer.closeReasonEdit()->setText(QStringLiteral("done"));
        shoot(f.composer, QStringLiteral("composer-text") + suffix, width);

        f.composer.setMode(ComposerWidget::Mode::Json);
        f.composer.setText(
            QStringLiteral("{\n  \"op\": \"subscribe\",\n  \"id\": {{counter}}\n  \"channels\": [\"a\", "
                           "\"b\"],\n  \"ok\": true\n}"));
        shoot(f.composer, QStringLiteral("composer-json-error") + suffix, width);
        QVERIFY(f.composer.hasError());

        f.composer.setMode(ComposerWidget::Mode::Binary);
        f.composer.setText(QStringLiteral("81 85 37 fa 21 3d 7f 9f 4d 51 58 00 01 02 03 04\nde ad be ef"));
        f.composer.startRepeat(10, 100000);
        shoot(f.composer, QStringLiteral("composer-binary") + suffix, width);
        f.composer.stopRepeat();

        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("frame.bin")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(300, '\x5a'));
        file.close();
        f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::File);
        f.composer.setFilePath(file.fileName());
        shoot(f.composer, QStringLiteral("composer-file") + suffix, width);
        f.composer.setBinaryFormat(ComposerWidget::BinaryFormat::Hex);

        f.composer.setMode(ComposerWidget::Mode::Text);
        f.composer.setText(QStringLiteral("fragmented hello"));
        f.composer.setAdvanced(true);
        f.composer.craftPanel()->rsv2Box()->setChecked(true);
        f.composer.craftPanel()->fragmentsBox()->setValue(3);
        shoot(f.composer, QStringLiteral("composer-advanced") + suffix, width);

        // Many warnings: they scroll in their box; the composer still fits a 900 px window.
        FrameCraftPanel *panel = f.composer.craftPanel();
        panel->rsv1Box()->setChecked(true);
        panel->rsv3Box()->setChecked(true);
        panel->opcodeBox()->setCurrentIndex(panel->opcodeBox()->findData(0xB));
        panel->maskingBox()->setCurrentIndex(panel->maskingBox()->findData(int(FrameSpec::Masking::None)));
        panel->fragmentsBox()->setValue(4);
        shoot(f.composer, QStringLiteral("composer-advanced-warnings") + suffix, width);
        QVERIFY(panel->lastWarnings().size() >= 8);
        QVERIFY2(f.composer.minimumSizeHint().width() <= 900,
            qPrintable(QString::number(f.composer.minimumSizeHint().width())));
    }

    // A dark palette.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::ButtonText, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    for (const QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        dark.setColor(QPalette::Disabled, role, QColor(0x77, 0x77, 0x77));
    Fixture f;
    f.composer.setPalette(dark);
    f.composer.setMode(ComposerWidget::Mode::Json);
    f.composer.setText(QStringLiteral(
        "{\n  \"op\": \"subscribe\",\n  \"n\": 42,\n  \"list\": [true, null, \"x\"]\n  \"bad\": 1\n}"));
    shoot(f.composer, QStringLiteral("composer-json-dark"), 1000);
    // The editor's paper follows the palette.
    QVERIFY(f.composer.editor()->lexer());
    QCOMPARE(f.composer.editor()->lexer()->defaultPaper(), dark.color(QPalette::Base));
}

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
