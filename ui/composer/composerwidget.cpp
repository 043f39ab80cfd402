#include "ui/composer/composerwidget.h"

#include "app/compose/binaryinput.h"
#include "app/compose/framecheck.h"
#include "app/compose/jsoninput.h"
#include "app/protocol/closecode.h"
#include "app/protocol/utf8validator.h"
#include "ui/composer/composereditor.h"
#include "ui/composer/framecraftpanel.h"
#include "ui/inspector/inspectorpalette.h"
#include "ui/inspector/inspectortext.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEvent>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QRegularExpression>
#include <QtCore/QScopedValueRollback>
#include <QtGui/QAction>
#include <QtGui/QFontDatabase>
#include <QtGui/QKeySequence>
#include <QtGui/QShortcut>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFrame>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QStyle>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

namespace {

constexpr int CheckDelayMs = 150;
// RFC 6455 §5.5: a control frame carries at most 125 bytes; a Close body spends 2 of them on the code.
constexpr qsizetype ControlPayloadLimit = 125;
constexpr qsizetype CloseReasonLimit = 123;
// The live Advanced check reads a chosen file up to this size; a larger one is checked by its size alone.
constexpr qint64 FileCheckLimit = 1024 * 1024;
constexpr int FilePreviewBytes = 64;
constexpr int HistoryMenuLimit = 30;
constexpr int RepeatCountMax = 1000000;
constexpr int RepeatIntervalMax = 3600000;
// With a 0 ms interval, a repeat sends a batch per turn of the event loop: as many as fit in this time (at
// most RepeatBatchMax), so that thousands of sends take seconds and the window still answers.
constexpr int RepeatBatchMs = 5;
constexpr int RepeatBatchMax = 1000;
constexpr int ProgressIntervalMs = 100;
constexpr int SuggestedNameLength = 30;

QString modeKey(ComposerWidget::Mode mode)
{
    switch (mode) {
    case ComposerWidget::Mode::Text:
        return QStringLiteral("text");
    case ComposerWidget::Mode::Json:
        return QStringLiteral("json");
    case ComposerWidget::Mode::Binary:
        return QStringLiteral("binary");
    }
    return QStringLiteral("text");
}

ComposerWidget::Mode modeFromKey(const QString &key)
{
    if (key == QLatin1String("json"))
        return ComposerWidget::Mode::Json;
    if (key == QLatin1String("binary"))
        return ComposerWidget::Mode::Binary;
    return ComposerWidget::Mode::Text;
}

QString formatKey(ComposerWidget::BinaryFormat format)
{
    switch (format) {
    case ComposerWidget::BinaryFormat::Hex:
        return QStringLiteral("hex");
    case ComposerWidget::BinaryFormat::Base64:
        return QStringLiteral("base64");
    case ComposerWidget::BinaryFormat::File:
        return QStringLiteral("file");
    }
    return QStringLiteral("hex");
}

ComposerWidget::BinaryFormat formatFromKey(const QString &key)
{
    if (key == QLatin1String("base64"))
        return ComposerWidget::BinaryFormat::Base64;
    if (key == QLatin1String("file"))
        return ComposerWidget::BinaryFormat::File;
    return ComposerWidget::BinaryFormat::Hex;
}

QVariantMap storedToMap(const ComposerWidget::StoredMessage &message, bool withName)
{
    QVariantMap map;
    if (withName)
        map.insert(QStringLiteral("name"), message.name);
    map.insert(QStringLiteral("mode"), modeKey(message.mode));
    map.insert(QStringLiteral("binaryFormat"), formatKey(message.binaryFormat));
    map.insert(QStringLiteral("text"), message.text);
    return map;
}

ComposerWidget::StoredMessage storedFromMap(const QVariantMap &map)
{
    ComposerWidget::StoredMessage message;
    message.name = map.value(QStringLiteral("name")).toString();
    message.mode = modeFromKey(map.value(QStringLiteral("mode")).toString());
    message.binaryFormat = formatFromKey(map.value(QStringLiteral("binaryFormat")).toString());
    message.text = map.value(QStringLiteral("text")).toString();
    return message;
}

QByteArrayView trimmedSpaces(QByteArrayView view)
{
    while (!view.isEmpty() && (view.front() == ' ' || view.front() == '\t'))
        view = view.sliced(1);
    while (!view.isEmpty() && (view.back() == ' ' || view.back() == '\t'))
        view.chop(1);
    return view;
}

// The byte ranges of the variables in `utf8` (not the literal "\{{"), read as PayloadVariables::expand
// reads them; an unclosed "{{" ends the list.
QList<std::pair<qsizetype, qsizetype>> variableRanges(const QByteArray &utf8)
{
    QList<std::pair<qsizetype, qsizetype>> ranges;
    qsizetype next = utf8.indexOf("{{");
    while (next >= 0) {
        if (next > 0 && utf8.at(next - 1) == '\\') {
            next = utf8.indexOf("{{", next + 2);
            continue;
        }
        const qsizetype close = utf8.indexOf("}}", next + 2);
        if (close < 0)
            break;
        ranges.append({ next, close + 2 - next });
        next = utf8.indexOf("{{", close + 2);
    }
    return ranges;
}

// How much to underline at a JSON error: the string or word that starts there, else one character.
qsizetype jsonTokenLength(const QByteArray &json, qsizetype offset)
{
    if (offset < 0 || offset >= json.size())
        return 1;
    const auto isWord = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
            || c == '.' || c == '+' || c == '-';
    };
    qsizetype end = offset + 1;
    if (json.at(offset) == '"') {
        while (end < json.size() && json.at(end) != '"' && json.at(end) != '\n')
            end += json.at(end) == '\\' ? 2 : 1;
        end = qMin(end + 1, json.size());
        if (end > offset && json.at(end - 1) == '\n')
            --end;
    } else if (isWord(json.at(offset))) {
        while (end < json.size() && isWord(json.at(end)))
            ++end;
    }
    return end - offset;
}

// A copy of `utf8` in which every variable is replaced by a stand-in of the same length (digits for the
// ones that expand to a number, letters for the others) and the backslash of a literal "\{{" by a space,
// so that the JSON check accepts {"n": {{counter}}} and reports its positions in the text as typed. Follows
// PayloadVariables::expand's reading of "{{"; the text must have passed expand().
QByteArray withStandIns(const QByteArray &utf8)
{
    QByteArray out = utf8;
    qsizetype next = utf8.indexOf("{{");
    while (next >= 0) {
        if (next > 0 && utf8.at(next - 1) == '\\') {
            out[next - 1] = ' ';
            next = utf8.indexOf("{{", next + 2);
            continue;
        }
        const qsizetype close = utf8.indexOf("}}", next + 2);
        if (close < 0)
            break;
        const QByteArrayView inner = trimmedSpaces(QByteArrayView(utf8).sliced(next + 2, close - next - 2));
        const bool numeric = inner == "counter" || inner == "timestamp" || inner == "timestamp:s";
        for (qsizetype i = next; i < close + 2; ++i)
            out[i] = numeric ? '1' : 'x';
        next = utf8.indexOf("{{", close + 2);
    }
    return out;
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// JsonInput::pretty / compact change only whitespace outside strings. Given the formatted stand-in text,
// rebuilds it with the original bytes (the variables as typed) in place of the stand-ins: the bytes that
// are not such whitespace come in the same order in both.
QByteArray restoreVariables(
    const QByteArray &formatted, const QByteArray &standIn, const QByteArray &original)
{
    QByteArray out;
    out.reserve(formatted.size() + original.size() - standIn.size());
    qsizetype in = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : formatted) {
        if (!inString && isJsonSpace(c)) {
            out.append(c);
            continue;
        }
        while (!inString && in < standIn.size() && isJsonSpace(standIn.at(in)))
            ++in;
        out.append(in < original.size() ? original.at(in) : c);
        ++in;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        }
    }
    return out;
}

// The sources for the live check: the real clock (for realistic lengths) but a fixed random value, so that
// checking never draws from the source a send uses (tests replace it with a fixed sequence).
PayloadVariables::Sources checkSources()
{
    PayloadVariables::Sources sources;
    sources.now = [] { return QDateTime::currentDateTimeUtc(); };
    sources.random = [] { return quint32(0); };
    return sources;
}

// The offset in the UTF-8 encoding of `text` of the UTF-16 index `position`.
qsizetype utf8Offset(const QString &text, qsizetype position)
{
    return QStringView(text).left(qBound(qsizetype(0), position, text.size())).toUtf8().size();
}

bool isHexSeparator(QChar c)
{
    return c.isSpace() || c == QLatin1Char(':') || c == QLatin1Char(',');
}

bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

// The order of saved messages: by name regardless of case ("bytes", "Greeting", "subscribe").
bool nameLessThan(const QString &a, const QString &b)
{
    const int compared = QString::compare(a, b, Qt::CaseInsensitive);
    return compared != 0 ? compared < 0 : QString::compare(a, b) < 0;
}

// A message's first line, shortened for a menu.
QString menuLabel(const QString &text, int limit = 60)
{
    QString line = text.simplified();
    if (line.size() > limit)
        line = line.left(limit - 1) + QChar(0x2026);
    return line;
}

bool isValidUtf8(QByteArrayView bytes)
{
    Utf8Validator validator;
    return validator.feed(bytes) && validator.isComplete();
}

// Text from the timeline goes into an editor that expands variables: "{{" must stay literal.
QString escapeVariables(const QString &text)
{
    QString escaped = text;
    escaped.replace(QStringLiteral("{{"), QStringLiteral("\\{{"));
    return escaped;
}

QString hexLines(const QByteArray &bytes)
{
    // 16 bytes per line, like a hex dump, so a long payload reads by offset.
    QStringList lines;
    for (qsizetype offset = 0; offset < bytes.size(); offset += 16)
        lines << BinaryInput::toHex(
            QByteArrayView(bytes).sliced(offset, qMin<qsizetype>(16, bytes.size() - offset)));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

// What the live check (and a send, before it expands anything) found in the editor text.
struct ComposerWidget::Analysis
{
    QByteArray payload; // the bytes a send would write now (variables expanded with a copy of the counter)
    bool hasVariables = false;
    bool empty = false; // JSON mode with nothing but whitespace
    QString error; // translated, with its position
    qsizetype errorOffset = -1; // in the editor's UTF-8 bytes
    qsizetype errorLength = 0;
    bool ok() const { return error.isEmpty(); }
};

ComposerWidget::ComposerWidget(Endpoint sender, QWidget *parent)
    : QWidget(parent)
    , m_sender(sender)
{
    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(CheckDelayMs);
    connect(&m_checkTimer, &QTimer::timeout, this, &ComposerWidget::checkInput);
    m_repeatTimer.setSingleShot(true);
    connect(&m_repeatTimer, &QTimer::timeout, this, &ComposerWidget::onRepeatTimeout);
    m_progressTimer.setInterval(ProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &ComposerWidget::updateRepeatProgress);
    m_fragmentTimer.setSingleShot(true);
    connect(&m_fragmentTimer, &QTimer::timeout, this, &ComposerWidget::sendNextFragment);

    buildUi();
    retranslateUi();
    refreshSavedMessages();

    updateCraftContext();
    m_craft->setModeOpcode(0x1);
    m_craft->resetToValid();
    m_craft->setVisible(false);
    m_craftSeparator->setVisible(false);

    updateModeWidgets();
    applyEditorMode();
    updateRepeatWidgets();
    updateEnabled();
    checkInput();
}

ComposerWidget::~ComposerWidget() = default;

void ComposerWidget::buildUi()
{
    // Row 1: the mode and what goes with it, variables, history, saved messages, Advanced.
    m_modeLabel = new QLabel(this);
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("composerModeBox"));
    m_mode->addItem(QString(), int(Mode::Text));
    m_mode->addItem(QString(), int(Mode::Json));
    m_mode->addItem(QString(), int(Mode::Binary));
    m_modeLabel->setBuddy(m_mode);

    m_binaryFormat = new QComboBox(this);
    m_binaryFormat->setObjectName(QStringLiteral("composerBinaryFormatBox"));
    m_binaryFormat->addItem(QString(), int(BinaryFormat::Hex));
    m_binaryFormat->addItem(QString(), int(BinaryFormat::Base64));
    m_binaryFormat->addItem(QString(), int(BinaryFormat::File));

    m_filePath = new QLineEdit(this);
    m_filePath->setObjectName(QStringLiteral("composerFilePathEdit"));
    m_filePath->setClearButtonEnabled(true);
    m_filePath->setMinimumWidth(100);
    m_browse = new QPushButton(this);
    m_browse->setObjectName(QStringLiteral("composerBrowseButton"));

    m_pretty = new QPushButton(this);
    m_pretty->setObjectName(QStringLiteral("composerPrettyButton"));
    m_compact = new QPushButton(this);
    m_compact->setObjectName(QStringLiteral("composerCompactButton"));

    m_variables = new QToolButton(this);
    m_variables->setObjectName(QStringLiteral("composerVariablesButton"));
    m_variables->setPopupMode(QToolButton::InstantPopup);
    m_variables->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_variablesMenu = new QMenu(m_variables);
    m_variablesMenu->setObjectName(QStringLiteral("composerVariablesMenu"));
    m_variables->setMenu(m_variablesMenu);

    m_historyButton = new QToolButton(this);
    m_historyButton->setObjectName(QStringLiteral("composerHistoryButton"));
    m_historyButton->setPopupMode(QToolButton::InstantPopup);
    m_historyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_historyMenu = new QMenu(m_historyButton);
    m_historyMenu->setObjectName(QStringLiteral("composerHistoryMenu"));
    m_historyButton->setMenu(m_historyMenu);
    connect(m_historyMenu, &QMenu::aboutToShow, this, &ComposerWidget::populateHistoryMenu);

    m_savedBox = new QComboBox(this);
    m_savedBox->setObjectName(QStringLiteral("composerSavedMessagesBox"));
    m_savedBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_savedBox->setMinimumContentsLength(10);
    m_saveButton = new QPushButton(this);
    m_saveButton->setObjectName(QStringLiteral("composerSaveMessageButton"));
    m_deleteButton = new QPushButton(this);
    m_deleteButton->setObjectName(QStringLiteral("composerDeleteMessageButton"));

    m_advanced = new QToolButton(this);
    m_advanced->setObjectName(QStringLiteral("composerAdvancedButton"));
    m_advanced->setCheckable(true);
    m_advanced->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *toolbar = new QHBoxLayout;
    toolbar->setSpacing(6);
    toolbar->addWidget(m_modeLabel);
    toolbar->addWidget(m_mode);
    toolbar->addWidget(m_binaryFormat);
    toolbar->addWidget(m_filePath, 1);
    toolbar->addWidget(m_browse);
    toolbar->addWidget(m_pretty);
    toolbar->addWidget(m_compact);
    toolbar->addSpacing(6);
    toolbar->addWidget(m_variables);
    toolbar->addWidget(m_historyButton);
    toolbar->addStretch(0);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_savedBox);
    toolbar->addWidget(m_saveButton);
    toolbar->addWidget(m_deleteButton);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_advanced);

    // The editor (or, for a file, what the file is), and the Advanced panel beside it.
    m_editor = new ComposerEditor(this);
    m_editor->setObjectName(QStringLiteral("composerEditor"));
    m_fileInfo = new QLabel(this);
    m_fileInfo->setObjectName(QStringLiteral("composerFileInfo"));
    m_fileInfo->setTextFormat(Qt::PlainText);
    m_fileInfo->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_fileInfo->setWordWrap(true);
    m_fileInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileInfo->setFrameShape(QFrame::StyledPanel);
    m_fileInfo->setMargin(8);
    m_fileInfo->setAutoFillBackground(true);
    m_fileInfo->setBackgroundRole(QPalette::Base);
    m_fileInfo->setForegroundRole(QPalette::Text);
    m_fileInfo->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editorStack = new QStackedWidget(this);
    m_editorStack->setObjectName(QStringLiteral("composerEditorStack"));
    m_editorStack->addWidget(m_editor);
    m_editorStack->addWidget(m_fileInfo);

    // The Advanced panel: its fields in two wide rows and its warnings, under the editor.
    m_craft = new FrameCraftPanel(this);
    m_craft->setObjectName(QStringLiteral("composerCraftPanel"));
    m_craftSeparator = new QFrame(this);
    m_craftSeparator->setFrameShape(QFrame::HLine);
    m_craftSeparator->setFrameShadow(QFrame::Sunken);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("composerMessageLabel"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Row 2: Send, Repeat.
    m_target = new QLabel(this);
    m_target->setObjectName(QStringLiteral("composerTargetLabel"));
    m_target->setVisible(false);
    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("composerSendButton"));
    m_send->setIcon(QIcon(QStringLiteral(":/icons/send.svg")));
    m_send->setDefault(false);
    m_send->setAutoDefault(false);
    m_repeatLabel = new QLabel(this);
    m_repeatCountBox = new QSpinBox(this);
    m_repeatCountBox->setObjectName(QStringLiteral("composerRepeatCountBox"));
    m_repeatCountBox->setRange(1, RepeatCountMax);
    m_repeatCountBox->setValue(10);
    m_repeatCountBox->setGroupSeparatorShown(true);
    m_repeatLabel->setBuddy(m_repeatCountBox);
    m_timesLabel = new QLabel(this);
    m_repeatIntervalBox = new QSpinBox(this);
    m_repeatIntervalBox->setObjectName(QStringLiteral("composerRepeatIntervalBox"));
    m_repeatIntervalBox->setRange(0, RepeatIntervalMax);
    m_repeatIntervalBox->setValue(1000);
    m_repeatIntervalBox->setSingleStep(100);
    m_repeatIntervalBox->setGroupSeparatorShown(true);
    m_repeatButton = new QPushButton(this);
    m_repeatButton->setObjectName(QStringLiteral("composerRepeatButton"));
    m_repeatButton->setAutoDefault(false);
    m_repeatProgress = new QProgressBar(this);
    m_repeatProgress->setObjectName(QStringLiteral("composerRepeatProgress"));
    m_repeatProgress->setFormat(QStringLiteral("%v / %m"));
    m_repeatProgress->setTextVisible(true);
    m_repeatProgress->setFixedWidth(150);
    m_repeatProgress->setVisible(false);

    auto *sendRow = new QHBoxLayout;
    sendRow->setSpacing(6);
    sendRow->addWidget(m_target);
    sendRow->addWidget(m_send);
    sendRow->addSpacing(18);
    sendRow->addWidget(m_repeatLabel);
    sendRow->addWidget(m_repeatCountBox);
    sendRow->addWidget(m_timesLabel);
    sendRow->addWidget(m_repeatIntervalBox);
    sendRow->addWidget(m_repeatButton);
    sendRow->addWidget(m_repeatProgress);
    sendRow->addStretch(1);

    // Row 3: control frames.
    m_controlLabel = new QLabel(this);
    m_controlPayload = new QLineEdit(this);
    m_controlPayload->setObjectName(QStringLiteral("composerControlPayloadEdit"));
    m_controlPayload->setMinimumWidth(100);
    m_controlLabel->setBuddy(m_controlPayload);
    m_controlSize = new QLabel(this);
    m_controlSize->setObjectName(QStringLiteral("composerControlPayloadSize"));
    // Room for "125/125 bytes" so the row does not move as the count grows.
    m_controlSize->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("000/125 bytes")) + 4);
    m_ping = new QPushButton(this);
    m_ping->setObjectName(QStringLiteral("composerPingButton"));
    m_ping->setAutoDefault(false);
    m_pong = new QPushButton(this);
    m_pong->setObjectName(QStringLiteral("composerPongButton"));
    m_pong->setAutoDefault(false);
    m_closeLabel = new QLabel(this);
    m_closeCode = new QComboBox(this);
    m_closeCode->setObjectName(QStringLiteral("composerCloseCodeBox"));
    m_closeCode->setEditable(true);
    m_closeCode->setInsertPolicy(QComboBox::NoInsert);
    m_closeCode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    // Short in the row (the list is as wide as its items, see fillCloseCodes), so the row fits 900 px.
    m_closeCode->setMinimumContentsLength(16);
    m_closeCode->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_closeCode->completer()->setFilterMode(Qt::MatchStartsWith);
    m_closeLabel->setBuddy(m_closeCode);
    // A chosen code reads from its start ("1000 Normal Closure"), not scrolled to the caret at its end.
    connect(m_closeCode, &QComboBox::currentIndexChanged, this, [this] {
        if (QLineEdit *edit = m_closeCode->lineEdit())
            edit->setCursorPosition(0);
    });
    m_closeReason = new QLineEdit(this);
    m_closeReason->setObjectName(QStringLiteral("composerCloseReasonEdit"));
    m_closeReason->setMinimumWidth(80);
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("composerCloseButton"));
    m_close->setAutoDefault(false);

    auto *controlRow = new QHBoxLayout;
    controlRow->setSpacing(6);
    controlRow->addWidget(m_controlLabel);
    controlRow->addWidget(m_controlPayload, 2);
    controlRow->addWidget(m_controlSize);
    controlRow->addWidget(m_ping);
    controlRow->addWidget(m_pong);
    controlRow->addSpacing(12);
    controlRow->addWidget(m_closeLabel);
    controlRow->addWidget(m_closeCode);
    controlRow->addWidget(m_closeReason, 3);
    controlRow->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(toolbar);
    layout->addWidget(m_editorStack, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_craftSeparator);
    layout->addWidget(m_craft);
    layout->addLayout(sendRow);
    layout->addLayout(controlRow);

    // Wiring.
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ComposerWidget::onFormChanged);
    connect(m_binaryFormat, &QComboBox::currentIndexChanged, this, &ComposerWidget::onFormChanged);
    connect(m_filePath, &QLineEdit::textChanged, this, &ComposerWidget::scheduleCheck);
    connect(m_browse, &QPushButton::clicked, this, &ComposerWidget::browseForFile);
    connect(m_pretty, &QPushButton::clicked, this, &ComposerWidget::prettyPrintJson);
    connect(m_compact, &QPushButton::clicked, this, &ComposerWidget::compactJson);
    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        m_formNote.clear();
        scheduleCheck();
    });
    connect(m_editor, &ComposerEditor::sendRequested, this, &ComposerWidget::send);
    // The keys work from anywhere in the composer (the control fields, after clicking Pretty, a file
    // recalled from the history), not only in the editor.
    const auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    for (const QKeySequence &keys :
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter),
            QKeySequence(QKeyCombination(Qt::ControlModifier | Qt::KeypadModifier, Qt::Key_Enter)) })
        shortcut(keys, [this] {
            if (!m_repeating)
                send();
        });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Up), &ComposerWidget::recallPrevious);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Down), &ComposerWidget::recallNext);
    connect(m_editor, &ComposerEditor::recallPreviousRequested, this, &ComposerWidget::recallPrevious);
    connect(m_editor, &ComposerEditor::recallNextRequested, this, &ComposerWidget::recallNext);
    connect(m_savedBox, &QComboBox::activated, this, [this](int index) {
        if (index >= 0)
            loadSavedMessage(m_savedBox->itemText(index));
    });
    connect(m_savedBox, &QComboBox::currentIndexChanged, this, &ComposerWidget::updateEnabled);
    connect(m_saveButton, &QPushButton::clicked, this, &ComposerWidget::askToSaveMessage);
    connect(m_deleteButton, &QPushButton::clicked, this, &ComposerWidget::deleteSelectedMessage);
    connect(m_advanced, &QToolButton::toggled, this, [this](bool on) {
        m_craft->setVisible(on);
        m_craftSeparator->setVisible(on);
        if (on) {
            updateCraftContext();
            m_craft->setModeOpcode(mode() == Mode::Binary ? 0x2 : 0x1);
        }
        updateSendToolTip();
        checkInput();
    });
    connect(m_send, &QPushButton::clicked, this, &ComposerWidget::send);
    connect(m_repeatButton, &QPushButton::clicked, this, [this] {
        if (m_repeating || !m_pendingFragments.isEmpty())
            stopRepeat();
        else
            startRepeat(m_repeatCountBox->value(), m_repeatIntervalBox->value());
    });
    connect(m_ping, &QPushButton::clicked, this, &ComposerWidget::sendPing);
    connect(m_pong, &QPushButton::clicked, this, &ComposerWidget::sendPong);
    connect(m_close, &QPushButton::clicked, this, &ComposerWidget::sendClose);
    connect(m_controlPayload, &QLineEdit::textChanged, this, &ComposerWidget::updateControlPayloadSize);
}

void ComposerWidget::retranslateUi()
{
    const QString sendKey = QKeySequence(Qt::CTRL | Qt::Key_Enter).toString(QKeySequence::NativeText);
    const QString upKey = QKeySequence(Qt::CTRL | Qt::Key_Up).toString(QKeySequence::NativeText);
    const QString downKey = QKeySequence(Qt::CTRL | Qt::Key_Down).toString(QKeySequence::NativeText);

    m_modeLabel->setText(tr("Mode:"));
    m_mode->setItemText(0, tr("Text"));
    m_mode->setItemText(1, tr("JSON"));
    m_mode->setItemText(2, tr("Binary"));
    m_mode->setToolTip(tr("Text and JSON are sent as a text message (opcode 1) and may contain variables; "
                          "Binary as a binary message (opcode 2)"));
    m_binaryFormat->setItemText(0, tr("Hex"));
    m_binaryFormat->setItemText(1, tr("Base64"));
    m_binaryFormat->setItemText(2, tr("File"));
    m_binaryFormat->setToolTip(
        tr("How the binary payload is given: hex digits (any spacing, \"0x\" allowed), "
           "base64, or a file read at each send"));
    m_filePath->setPlaceholderText(tr("File to send"));
    m_filePath->setToolTip(
        tr("The file is read again at each send (at most %1)")
            .arg(QLocale().formattedDataSize(BinaryInput::DefaultFileLimit, 0, QLocale::DataSizeIecFormat)));
    m_browse->setText(tr("Browse…"));
    m_browse->setToolTip(tr("Choose the file to send"));
    m_pretty->setText(tr("Pretty"));
    m_pretty->setToolTip(tr("Indent the JSON, one member per line (only whitespace changes; undo with %1)")
                             .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    m_compact->setText(tr("Compact"));
    m_compact->setToolTip(tr("Remove the whitespace between the JSON tokens (strings stay as they are)"));
    m_variables->setText(tr("Variables"));
    m_variables->setToolTip(tr("Insert a variable at the cursor; variables are replaced at each send in Text "
                               "and JSON mode"));
    m_historyButton->setText(tr("History"));
    m_historyButton->setToolTip(
        tr("The messages sent from this tab; in the composer, %1 and %2 recall them").arg(upKey, downKey));
    m_savedBox->setPlaceholderText(tr("Saved messages"));
    m_savedBox->setToolTip(tr("Load a saved message into the editor"));
    m_saveButton->setText(tr("Save…"));
    m_saveButton->setToolTip(tr("Save the editor's content under a name"));
    m_deleteButton->setText(tr("Delete"));
    m_deleteButton->setToolTip(tr("Delete the selected saved message"));
    m_advanced->setText(tr("Advanced"));
    m_advanced->setToolTip(
        tr("Craft the frame header (FIN, RSV bits, opcode, masking, length) and fragments; "
           "frames that break RFC 6455 are sent with a warning"));
    m_editor->setWhatsThis(
        tr("The payload. %1 sends; %2 and %3 recall the history.").arg(sendKey, upKey, downKey));

    m_send->setText(tr("Send"));
    updateSendToolTip();
    m_repeatLabel->setText(tr("Repeat:"));
    m_repeatCountBox->setToolTip(tr("How many times to send"));
    m_timesLabel->setText(tr("× every"));
    m_repeatIntervalBox->setSuffix(tr(" ms"));
    m_repeatIntervalBox->setToolTip(tr("The pause between two sends, in milliseconds"));
    updateRepeatWidgets();

    m_controlLabel->setText(tr("Control:"));
    m_controlPayload->setPlaceholderText(tr("Ping/Pong payload"));
    m_controlPayload->setToolTip(
        tr("Sent as UTF-8 text, at most 125 bytes (RFC 6455 §5.5). Variables are expanded as in the "
           "editor; {{counter}} gives the number of the next message without counting: only messages "
           "advance it, not control frames"));
    m_ping->setText(tr("Ping"));
    m_ping->setToolTip(tr("Send a Ping frame with the payload; the peer must answer with a Pong"));
    m_pong->setText(tr("Pong"));
    m_pong->setToolTip(
        tr("Send an unsolicited Pong frame with the payload (a heartbeat that needs no answer)"));
    m_closeLabel->setText(tr("Close:"));
    m_closeCode->setToolTip(tr("A registered code from the list or any number from 0 to 65535 (3000-3999: "
                               "registered with IANA, 4000-4999: private use); \"No code\" sends an empty "
                               "Close body"));
    m_closeReason->setPlaceholderText(tr("Reason"));
    m_closeReason->setToolTip(tr("UTF-8 text, at most 123 bytes"));
    m_close->setText(tr("Close"));
    m_close->setToolTip(tr("Send a Close frame with the code and the reason (the closing handshake starts)"));

    fillCloseCodes();
    populateVariablesMenu();
    updateControlPayloadSize();
    checkInput(); // the message line and the file page are translated text too
}

void ComposerWidget::updateSendToolTip()
{
    const QString sendKey = QKeySequence(Qt::CTRL | Qt::Key_Enter).toString(QKeySequence::NativeText);
    m_send->setToolTip(isAdvanced() ? tr("Send the crafted frames (%1)").arg(sendKey)
                                    : tr("Send the message (%1)").arg(sendKey));
}

void ComposerWidget::fillCloseCodes()
{
    // Keep what is chosen or typed across a language change.
    const int currentIndex = m_closeCode->currentIndex();
    const QVariant currentData = currentIndex >= 0 ? m_closeCode->itemData(currentIndex) : QVariant();
    const QString currentText = m_closeCode->currentText();
    const bool typed = currentIndex < 0 || m_closeCode->itemText(currentIndex) != currentText;

    m_closeCode->clear();
    const auto add = [this](quint16 code, const QString &text) {
        m_closeCode->addItem(text, int(code));
        m_closeCode->setItemData(m_closeCode->count() - 1, CloseCodes::meaning(code), Qt::ToolTipRole);
    };
    for (quint16 code = 1000; code <= 1014; ++code) {
        if (CloseCodes::isValidOnWire(code))
            add(code, QString::number(code) + QLatin1Char(' ') + CloseCodes::name(code));
    }
    m_closeCode->insertSeparator(m_closeCode->count());
    for (const quint16 code : { CloseCode::Reserved1004, CloseCode::NoStatusReceived,
             CloseCode::AbnormalClosure, CloseCode::TlsHandshake })
        add(code, tr("%1 %2 (must not be sent)").arg(code).arg(CloseCodes::name(code)));
    m_closeCode->insertSeparator(m_closeCode->count());
    m_closeCode->addItem(tr("No code"));
    m_closeCode->setItemData(m_closeCode->count() - 1,
        tr("A Close frame with an empty body; the peer reads it as 1005 No Status Received"),
        Qt::ToolTipRole);

    // The list is as wide as its longest item ("1011 Internal Error (must not be sent)"), wider than
    // the box.
    int widest = 0;
    const QFontMetrics metrics = m_closeCode->view()->fontMetrics();
    for (int i = 0; i < m_closeCode->count(); ++i)
        widest = qMax(widest, metrics.horizontalAdvance(m_closeCode->itemText(i)));
    m_closeCode->view()->setMinimumWidth(
        widest + 2 * metrics.averageCharWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent));

    if (typed && !currentText.isEmpty()) {
        m_closeCode->setEditText(currentText);
    } else if (currentIndex >= 0) {
        const int index
            = currentData.isValid() ? m_closeCode->findData(currentData) : m_closeCode->count() - 1;
        m_closeCode->setCurrentIndex(qMax(0, index));
    } else {
        m_closeCode->setCurrentIndex(0);
    }
}

void ComposerWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        checkInput(); // the colour of the message line
}

// --- State ---------------------------------------------------------------------------------------------

void ComposerWidget::setConnected(bool connected)
{
    m_connected = connected;
    if (!connected) {
        if (m_repeating)
            stopRepeatBecause(tr("the connection closed"));
        cancelFragments();
        m_fragmentedMessageOpen = false;
        updateCraftContext();
    }
    updateEnabled();
}

void ComposerWidget::setDeflateNegotiated(bool negotiated)
{
    m_deflate = negotiated;
    updateCraftContext();
}

void ComposerWidget::setTargetText(const QString &text)
{
    m_target->setText(text);
    m_target->setVisible(!text.isEmpty());
}

ComposerWidget::Mode ComposerWidget::mode() const
{
    return Mode(m_mode->currentData().toInt());
}

void ComposerWidget::setMode(Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

ComposerWidget::BinaryFormat ComposerWidget::binaryFormat() const
{
    return BinaryFormat(m_binaryFormat->currentData().toInt());
}

void ComposerWidget::setBinaryFormat(BinaryFormat format)
{
    m_binaryFormat->setCurrentIndex(m_binaryFormat->findData(int(format)));
}

QString ComposerWidget::text() const
{
    return m_editor->text();
}

void ComposerWidget::setText(const QString &text)
{
    m_editor->setText(text);
}

QString ComposerWidget::filePath() const
{
    return m_filePath->text();
}

void ComposerWidget::setFilePath(const QString &path)
{
    m_filePath->setText(path);
}

bool ComposerWidget::isAdvanced() const
{
    return m_advanced->isChecked();
}

void ComposerWidget::setAdvanced(bool advanced)
{
    m_advanced->setChecked(advanced);
}

void ComposerWidget::onFormChanged()
{
    const Mode oldMode = m_shownMode;
    const BinaryFormat oldFormat = m_shownFormat;
    m_shownMode = mode();
    m_shownFormat = binaryFormat();
    updateModeWidgets();
    applyEditorMode();
    m_craft->setModeOpcode(mode() == Mode::Binary ? 0x2 : 0x1);
    m_formNote.clear();
    if (!m_applying)
        convertText(oldMode, oldFormat);
    checkInput();
}

namespace {

// The form the editor text is in: Text and JSON are text (JSON checked), Binary is its format.
enum class TextForm : quint8 { Text, Json, Hex, Base64, File };

TextForm textForm(ComposerWidget::Mode mode, ComposerWidget::BinaryFormat format)
{
    switch (mode) {
    case ComposerWidget::Mode::Text:
        return TextForm::Text;
    case ComposerWidget::Mode::Json:
        return TextForm::Json;
    case ComposerWidget::Mode::Binary:
        break;
    }
    switch (format) {
    case ComposerWidget::BinaryFormat::Hex:
        return TextForm::Hex;
    case ComposerWidget::BinaryFormat::Base64:
        return TextForm::Base64;
    case ComposerWidget::BinaryFormat::File:
        break;
    }
    return TextForm::File;
}

} // namespace

void ComposerWidget::convertText(Mode oldMode, BinaryFormat oldFormat)
{
    // The text is converted when it is valid in its old form, so that switching never silently
    // reinterprets it (a text "ff" is not the byte 0xff); otherwise it stays as typed, and the message
    // line says so. A file's path is apart from the text: to or from File the text stays.
    const TextForm from = textForm(oldMode, oldFormat);
    const TextForm to = textForm(mode(), binaryFormat());
    const QString text = m_editor->text();
    if (from == to || from == TextForm::File || to == TextForm::File || text.trimmed().isEmpty())
        return;
    const bool fromText = from == TextForm::Text || from == TextForm::Json;
    const bool toText = to == TextForm::Text || to == TextForm::Json;
    if (fromText && toText)
        return; // the same text either way; the JSON check says what it thinks

    QByteArray bytes;
    if (fromText) {
        const QByteArray utf8 = text.toUtf8();
        if (!variableRanges(utf8).isEmpty()) {
            m_formNote = tr("Not converted: the text has variables, which a binary payload does not expand");
            return;
        }
        if (from == TextForm::Json) {
            if (!JsonInput::validate(PayloadVariables::mayContainVariables(utf8) ? withStandIns(utf8) : utf8)
                     .isValid()) {
                m_formNote = tr("Not converted: the JSON is not valid; kept as typed");
                return;
            }
        }
        // "\{{" is a literal "{{": the bytes are what a send would write.
        const PayloadVariables::Result expanded = PayloadVariables::expand(utf8, nullptr, checkSources());
        bytes = expanded.ok() ? expanded.bytes : utf8;
    } else {
        const BinaryInput::Result parsed
            = from == TextForm::Hex ? BinaryInput::fromHex(text) : BinaryInput::fromBase64(text);
        if (!parsed.ok()) {
            m_formNote = from == TextForm::Hex
                ? tr("Not converted: the hex does not parse; kept as typed")
                : tr("Not converted: the base64 does not parse; kept as typed");
            return;
        }
        bytes = parsed.bytes;
    }

    QString converted;
    switch (to) {
    case TextForm::Text:
    case TextForm::Json:
        if (!isValidUtf8(bytes)) {
            m_formNote = tr("Not valid UTF-8: kept as typed");
            return;
        }
        converted = escapeVariables(QString::fromUtf8(bytes));
        break;
    case TextForm::Hex:
        converted = hexLines(bytes);
        break;
    case TextForm::Base64:
        converted = QString::fromLatin1(bytes.toBase64());
        break;
    case TextForm::File:
        return;
    }
    if (converted != text)
        replaceText(converted);
}

void ComposerWidget::replaceText(const QString &text)
{
    // Scintilla's setText forgets the undo history; this is one step that Ctrl+Z takes back.
    m_editor->replaceAll(text);
}

void ComposerWidget::updateModeWidgets()
{
    const Mode current = mode();
    const bool binary = current == Mode::Binary;
    const bool file = binary && binaryFormat() == BinaryFormat::File;
    m_binaryFormat->setVisible(binary);
    m_filePath->setVisible(file);
    m_browse->setVisible(file);
    m_pretty->setVisible(current == Mode::Json);
    m_compact->setVisible(current == Mode::Json);
    m_variables->setVisible(!binary);
    m_editorStack->setCurrentWidget(file ? static_cast<QWidget *>(m_fileInfo) : m_editor);
}

void ComposerWidget::applyEditorMode()
{
    switch (mode()) {
    case Mode::Text:
        m_editor->setContent(ComposerEditor::Content::Text);
        break;
    case Mode::Json:
        m_editor->setContent(ComposerEditor::Content::Json);
        break;
    case Mode::Binary:
        m_editor->setContent(binaryFormat() == BinaryFormat::Base64 ? ComposerEditor::Content::Base64
                                                                    : ComposerEditor::Content::Hex);
        break;
    }
}

void ComposerWidget::updateEnabled()
{
    m_send->setEnabled(m_connected && !m_repeating);
    m_ping->setEnabled(m_connected);
    m_pong->setEnabled(m_connected);
    m_close->setEnabled(m_connected);
    m_repeatButton->setEnabled(m_connected || m_repeating || !m_pendingFragments.isEmpty());
    m_repeatCountBox->setEnabled(!m_repeating);
    m_repeatIntervalBox->setEnabled(!m_repeating);
    m_pretty->setEnabled(m_jsonValid);
    m_compact->setEnabled(m_jsonValid);
    m_deleteButton->setEnabled(m_savedBox->currentIndex() >= 0);
}

void ComposerWidget::updateRepeatWidgets()
{
    const bool stoppable = m_repeating || !m_pendingFragments.isEmpty();
    m_repeatButton->setText(stoppable ? tr("Stop") : tr("Repeat"));
    m_repeatButton->setToolTip(stoppable
            ? tr("Stop sending (the repeat and any fragments still waiting)")
            : tr("Send the message the given number of times, with the pause between sends"));
    updateEnabled();
}

void ComposerWidget::updateCraftContext()
{
    FrameCheckContext context;
    context.sender = m_sender;
    context.deflateNegotiated = m_deflate;
    context.fragmentedMessageOpen = m_fragmentedMessageOpen;
    m_craft->setContext(context);
}

// --- The live check ------------------------------------------------------------------------------------

void ComposerWidget::scheduleCheck()
{
    m_checkTimer.start();
}

ComposerWidget::Analysis ComposerWidget::analyze(const QString &text) const
{
    Analysis analysis;
    const Mode current = mode();
    if (current == Mode::Text || current == Mode::Json) {
        const QByteArray utf8 = text.toUtf8();
        analysis.hasVariables = PayloadVariables::mayContainVariables(utf8);
        if (analysis.hasVariables) {
            PayloadCounter counter = m_counter;
            const PayloadVariables::Result expanded
                = PayloadVariables::expand(utf8, &counter, checkSources());
            if (!expanded.ok()) {
                analysis.error = variableError(utf8, expanded.errorOffset);
                analysis.errorOffset = expanded.errorOffset;
                analysis.errorLength = expanded.errorLength;
                return analysis;
            }
            analysis.payload = expanded.bytes;
        } else {
            analysis.payload = utf8;
        }
        if (current == Mode::Json) {
            const QByteArray checked = analysis.hasVariables ? withStandIns(utf8) : utf8;
            const JsonInput::Error error = JsonInput::validate(checked);
            if (!error.isValid()) {
                analysis.empty = checked.trimmed().isEmpty();
                analysis.error
                    = tr("JSON: line %1, column %2: %3").arg(error.line).arg(error.column).arg(error.message);
                analysis.errorOffset = error.byteOffset;
                analysis.errorLength = jsonTokenLength(checked, error.byteOffset);
            }
        }
        return analysis;
    }

    const bool hex = binaryFormat() == BinaryFormat::Hex;
    const BinaryInput::Result result = hex ? BinaryInput::fromHex(text) : BinaryInput::fromBase64(text);
    if (result.ok()) {
        analysis.payload = result.bytes;
        return analysis;
    }
    analysis.error = result.line > 0
        ? (hex ? tr("Hex: line %1, column %2: %3") : tr("Base64: line %1, column %2: %3"))
              .arg(result.line)
              .arg(result.column)
              .arg(result.error)
        : result.error;
    if (result.position >= 0) {
        // A character that does not belong is marked alone; a hex digit at the error (a group with an odd
        // number of digits) gets its whole group marked.
        qsizetype start = result.position;
        qsizetype end = result.position < text.size() && text.at(result.position).isHighSurrogate()
            ? result.position + 2
            : result.position + 1;
        if (hex && result.position < text.size() && isHexDigit(text.at(result.position))) {
            while (start > 0 && !isHexSeparator(text.at(start - 1)))
                --start;
            while (end < text.size() && !isHexSeparator(text.at(end)))
                ++end;
        }
        analysis.errorOffset = utf8Offset(text, start);
        analysis.errorLength = utf8Offset(text, end) - analysis.errorOffset;
    }
    return analysis;
}

QString ComposerWidget::variableError(const QByteArray &utf8, qsizetype offset) const
{
    // PayloadVariables names the byte; the editor speaks in lines and columns, as for JSON and hex. The
    // error is one of three, read off the text as expand() reads it.
    JsonInput::Error where;
    JsonInput::locate(utf8, offset, where);
    QString what;
    const qsizetype close = offset >= 0 ? utf8.indexOf("}}", offset + 2) : -1;
    if (offset < 0 || close < 0
        || QByteArrayView(utf8).sliced(offset + 2, close - offset - 2).contains(QByteArrayView("{{"))) {
        what = tr("\"{{\" starts a variable but has no closing \"}}\"; write \"\\{{\" for a literal \"{{\"");
    } else {
        const QString shown = QString::fromUtf8(QByteArrayView(utf8).sliced(offset, close + 2 - offset));
        const QByteArrayView inner
            = trimmedSpaces(QByteArrayView(utf8).sliced(offset + 2, close - offset - 2));
        if (inner.startsWith("random"))
            what = tr("%1: the length must be a whole number from 1 to %2, as in {{random:16}}")
                       .arg(shown)
                       .arg(PayloadVariables::MaxRandomLength);
        else
            what = tr("Unknown variable %1; the variables are {{timestamp}}, {{timestamp:s}}, "
                      "{{timestamp:iso}}, {{uuid}}, {{counter}} and {{random:N}}; write \"\\{{\" for a "
                      "literal \"{{\"")
                       .arg(shown);
    }
    return tr("Variables: line %1, column %2: %3").arg(where.line).arg(where.column).arg(what);
}

void ComposerWidget::checkInput()
{
    m_checkTimer.stop();
    m_jsonValid = false;
    if (mode() == Mode::Binary && binaryFormat() == BinaryFormat::File) {
        m_editor->clearErrorMark();
        const QString path = m_filePath->text();
        const QFileInfo info(path);
        QByteArray checked;
        QString problem;
        if (path.isEmpty()) {
            m_fileInfo->setText(
                tr("No file chosen. Type its path above or choose it with Browse…; the file is "
                   "read at each send."));
            showInfo(tr("Choose a file to send"));
        } else if (!info.exists()) {
            problem = tr("The file %1 does not exist").arg(QDir::toNativeSeparators(path));
        } else if (!info.isFile()) {
            problem = tr("%1 is not a regular file").arg(QDir::toNativeSeparators(path));
        } else if (info.size() > BinaryInput::DefaultFileLimit) {
            problem = tr("The file %1 has %2 bytes, over the limit of %3 bytes")
                          .arg(QDir::toNativeSeparators(path), QLocale().toString(info.size()),
                              QLocale().toString(BinaryInput::DefaultFileLimit));
        } else {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                problem = tr("The file %1 cannot be read: %2")
                              .arg(QDir::toNativeSeparators(path), file.errorString());
            } else {
                // The Advanced checks look at the content of small files (UTF-8 for a text opcode, a Close
                // body) and at the size of the others.
                checked = info.size() <= FileCheckLimit ? file.readAll() : QByteArray(info.size(), '\0');
                const QByteArray head = checked.left(FilePreviewBytes);
                m_fileInfo->setText(tr("%1\n%2\nModified %3\n\nFirst bytes:\n%4%5")
                                        .arg(QDir::toNativeSeparators(info.absoluteFilePath()),
                                            InspectorText::byteCount(info.size()),
                                            QLocale().toString(info.lastModified(), QLocale::ShortFormat),
                                            BinaryInput::toHex(head),
                                            info.size() > head.size() ? QStringLiteral(" …") : QString()));
                showInfo(tr("%1, read again at each send").arg(InspectorText::byteCount(info.size())));
            }
        }
        if (!problem.isEmpty()) {
            m_fileInfo->setText(problem);
            showError(problem);
        }
        if (isAdvanced())
            m_craft->checkPayload(checked);
        updateEnabled();
        return;
    }

    const QString text = m_editor->text();
    const Analysis analysis = analyze(text);
    m_editor->markVariables(mode() == Mode::Binary || !analysis.hasVariables
            ? QList<std::pair<qsizetype, qsizetype>>()
            : variableRanges(text.toUtf8()));
    if (analysis.ok() && !m_formNote.isEmpty()) {
        m_editor->clearErrorMark();
        m_jsonValid = mode() == Mode::Json;
        showInfo(m_formNote);
    } else if (analysis.ok()) {
        m_editor->clearErrorMark();
        const QString size = InspectorText::byteCount(analysis.payload.size());
        if (mode() == Mode::Json) {
            m_jsonValid = true;
            showInfo(analysis.hasVariables ? tr("Valid JSON, %1 with the variables expanded").arg(size)
                                           : tr("Valid JSON, %1").arg(size));
        } else {
            showInfo(analysis.hasVariables ? tr("%1 with the variables expanded").arg(size) : size);
        }
    } else if (analysis.empty) {
        m_editor->clearErrorMark();
        showInfo(tr("Type a JSON value"));
    } else {
        showError(m_formNote.isEmpty() ? analysis.error : tr("%1. %2").arg(m_formNote, analysis.error),
            analysis.errorOffset, analysis.errorLength);
    }
    if (isAdvanced())
        m_craft->checkPayload(analysis.payload);
    updateEnabled();
}

void ComposerWidget::showError(const QString &message, qsizetype byteOffset, qsizetype byteLength)
{
    m_showingError = true;
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, InspectorPalette::color(palette(), InspectorPalette::Role::Bad));
    m_message->setPalette(pal);
    m_message->setText(message);
    if (byteOffset >= 0)
        m_editor->markError(byteOffset, byteLength);
    else
        m_editor->clearErrorMark();
}

void ComposerWidget::showInfo(const QString &message)
{
    m_showingError = false;
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, InspectorPalette::color(palette(), InspectorPalette::Role::Muted));
    m_message->setPalette(pal);
    m_message->setText(message);
}

void ComposerWidget::showWarning(const QString &message)
{
    m_showingError = false;
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, InspectorPalette::color(palette(), InspectorPalette::Role::Number));
    m_message->setPalette(pal);
    m_message->setText(message);
}

void ComposerWidget::markError(qsizetype byteOffset, qsizetype byteLength)
{
    m_editor->markError(byteOffset, byteLength);
    m_editor->moveCaretToByte(byteOffset);
}

// --- Sending -------------------------------------------------------------------------------------------

bool ComposerWidget::buildPayload(PayloadCounter &counter, QByteArray &payload)
{
    const Mode current = mode();
    if (current == Mode::Binary && binaryFormat() == BinaryFormat::File) {
        if (m_filePath->text().isEmpty()) {
            showError(tr("Choose a file to send"));
            return false;
        }
        const BinaryInput::Result file = BinaryInput::readFile(m_filePath->text());
        if (!file.ok()) {
            showError(file.error);
            return false;
        }
        payload = file.bytes;
        counter.advance();
        return true;
    }

    const QString text = m_editor->text();
    const Analysis analysis = analyze(text);
    if (!analysis.ok()) {
        showError(analysis.error, analysis.errorOffset, analysis.errorLength);
        if (analysis.errorOffset >= 0)
            markError(analysis.errorOffset, analysis.errorLength);
        return false;
    }
    if (current == Mode::Binary) {
        payload = analysis.payload;
        counter.advance();
        return true;
    }
    if (!analysis.hasVariables) {
        payload = analysis.payload;
        counter.advance();
        return true;
    }
    const QByteArray utf8 = text.toUtf8();
    const PayloadVariables::Result expanded = PayloadVariables::expand(utf8, &counter, m_sources);
    if (!expanded.ok()) {
        showError(variableError(utf8, expanded.errorOffset), expanded.errorOffset, expanded.errorLength);
        return false;
    }
    if (current == Mode::Json) {
        // The stand-ins passed; the real values could still break it (a {{random:N}} is letters and digits
        // only, but a variable outside a string that expands to letters is not a JSON value).
        const JsonInput::Error error = JsonInput::validate(expanded.bytes);
        if (!error.isValid()) {
            showError(tr("JSON after expanding the variables: line %1, column %2: %3")
                          .arg(error.line)
                          .arg(error.column)
                          .arg(error.message));
            return false;
        }
    }
    payload = expanded.bytes;
    return true;
}

QString ComposerWidget::violationCount(int count)
{
    // Two strings rather than "%n rule violation(s)": there is no English catalogue to pick the plural.
    return count == 1 ? tr("1 rule violation") : tr("%1 rule violations").arg(count);
}

bool ComposerWidget::send()
{
    return sendOnce();
}

bool ComposerWidget::sendOnce()
{
    if (!m_connected) {
        showError(tr("Not connected: there is nothing to send to"));
        return false;
    }
    cancelFragments();
    // A live check still waiting would overwrite what the send reports.
    if (m_checkTimer.isActive())
        checkInput();
    PayloadCounter counter = m_counter;
    QByteArray payload;
    if (!buildPayload(counter, payload))
        return false;
    QList<FrameSpec> frames;
    if (isAdvanced()) {
        frames = m_craft->frames(payload);
        if (frames.isEmpty()) {
            const QString why = m_craft->inputError();
            showError(why.isEmpty() ? tr("The Advanced settings give no frame to send") : why);
            return false;
        }
    }
    m_editor->clearErrorMark();
    m_counter = counter;
    appendHistory(currentMessage());
    const quint8 opcode = mode() == Mode::Binary ? 0x2 : 0x1;
    const QString size = InspectorText::byteCount(payload.size());

    // While repeating, the progress says what is sent (at most ten times a second).
    const bool quiet = m_repeating;
    if (!isAdvanced()) {
        if (!quiet)
            showInfo(opcode == 0x1 ? tr("Sent a text message of %1").arg(size)
                                   : tr("Sent a binary message of %1").arg(size));
        Q_EMIT sendRequested(OutgoingRequest::message(opcode, payload));
        noteFramesSent({ FrameSpec::valid(m_sender, opcode, {}) });
        return true;
    }

    // The panel checks the real payload against the connection as it is before these frames.
    m_craft->checkPayload(payload);
    const int warnings = int(m_craft->lastWarnings().size());
    const int delay = m_craft->fragmentDelayMs();
    if (delay > 0 && frames.size() > 1) {
        m_fragmentTotal = int(frames.size());
        m_fragmentsSent = 1;
        m_fragmentWarnings = warnings;
        const FrameSpec first = frames.takeFirst();
        m_pendingFragments = frames;
        m_fragmentTimer.start(delay);
        updateRepeatWidgets();
        showInfo(tr("Fragment %1 of %2…").arg(1).arg(m_fragmentTotal));
        Q_EMIT sendRequested(OutgoingRequest::crafted({ first }));
        noteFramesSent({ first });
        return true;
    }
    if (!quiet) {
        if (warnings > 0)
            showWarning(tr("Sent with %1").arg(violationCount(warnings)));
        else if (frames.size() == 1)
            showInfo(tr("Sent 1 crafted frame, %1 of payload").arg(size));
        else
            showInfo(tr("Sent %1 crafted frames, %2 of payload").arg(frames.size()).arg(size));
    }
    Q_EMIT sendRequested(OutgoingRequest::crafted(frames));
    noteFramesSent(frames);
    return true;
}

void ComposerWidget::noteFramesSent(const QList<FrameSpec> &frames)
{
    bool open = m_fragmentedMessageOpen;
    for (const FrameSpec &frame : frames)
        open = FrameCheck::fragmentedMessageOpenAfter(frame, open);
    if (open != m_fragmentedMessageOpen) {
        m_fragmentedMessageOpen = open;
        updateCraftContext();
    }
}

void ComposerWidget::sendNextFragment()
{
    if (!m_connected || m_pendingFragments.isEmpty()) {
        cancelFragments();
        return;
    }
    const FrameSpec next = m_pendingFragments.takeFirst();
    ++m_fragmentsSent;
    const bool last = m_pendingFragments.isEmpty();
    if (!last) {
        m_fragmentTimer.start(m_craft->fragmentDelayMs());
        showInfo(tr("Fragment %1 of %2…").arg(m_fragmentsSent).arg(m_fragmentTotal));
    } else if (m_fragmentWarnings > 0) {
        showWarning(
            tr("Sent %1 fragments with %2").arg(m_fragmentTotal).arg(violationCount(m_fragmentWarnings)));
    } else {
        showInfo(tr("Sent %1 fragments").arg(m_fragmentTotal));
    }
    Q_EMIT sendRequested(OutgoingRequest::crafted({ next }));
    noteFramesSent({ next });
    if (last) {
        updateRepeatWidgets();
        if (m_repeating)
            continueRepeat();
    }
}

void ComposerWidget::cancelFragments()
{
    m_fragmentTimer.stop();
    if (m_pendingFragments.isEmpty())
        return;
    m_pendingFragments.clear();
    showInfo(tr("Stopped after fragment %1 of %2; the message was left unfinished")
                 .arg(m_fragmentsSent)
                 .arg(m_fragmentTotal));
    updateRepeatWidgets();
}

bool ComposerWidget::controlPayload(QByteArray &payload, QString &error) const
{
    // Variables as in the editor, but a control frame is no message: {{counter}} reads the next
    // message's number and does not advance it.
    const QByteArray utf8 = m_controlPayload->text().toUtf8();
    payload = utf8;
    if (PayloadVariables::mayContainVariables(utf8)) {
        PayloadCounter counter = m_counter;
        const PayloadVariables::Result expanded = PayloadVariables::expand(utf8, &counter, m_sources);
        if (!expanded.ok()) {
            error = tr("Ping/Pong payload: %1").arg(variableError(utf8, expanded.errorOffset));
            return false;
        }
        payload = expanded.bytes;
    }
    if (payload.size() > ControlPayloadLimit) {
        error = tr("The Ping/Pong payload has %1 bytes; a control frame carries at most 125 (RFC 6455 §5.5); "
                   "use Advanced to send a longer one anyway")
                    .arg(payload.size());
        return false;
    }
    return true;
}

void ComposerWidget::updateControlPayloadSize()
{
    // The live count expands with the check's sources (a real clock, no random draw).
    const QByteArray utf8 = m_controlPayload->text().toUtf8();
    qsizetype size = utf8.size();
    QString problem;
    if (PayloadVariables::mayContainVariables(utf8)) {
        PayloadCounter counter = m_counter;
        const PayloadVariables::Result expanded = PayloadVariables::expand(utf8, &counter, checkSources());
        if (expanded.ok())
            size = expanded.bytes.size();
        else
            problem = variableError(utf8, expanded.errorOffset);
    }
    const bool bad = !problem.isEmpty() || size > ControlPayloadLimit;
    m_controlSize->setText(problem.isEmpty() ? tr("%1/%2 bytes").arg(size).arg(ControlPayloadLimit)
                                             : tr("?/%1 bytes").arg(ControlPayloadLimit));
    m_controlSize->setToolTip(problem.isEmpty()
            ? tr("The payload's size in bytes (variables expanded); a control frame carries at most 125")
            : problem);
    QPalette pal = m_controlSize->palette();
    pal.setColor(QPalette::WindowText,
        InspectorPalette::color(
            palette(), bad ? InspectorPalette::Role::Bad : InspectorPalette::Role::Muted));
    m_controlSize->setPalette(pal);
}

bool ComposerWidget::sendPing()
{
    if (!m_connected) {
        showError(tr("Not connected: there is nothing to send to"));
        return false;
    }
    QByteArray payload;
    QString error;
    if (!controlPayload(payload, error)) {
        showError(error);
        return false;
    }
    if (m_checkTimer.isActive())
        checkInput(); // a check still waiting would overwrite what was sent
    showInfo(tr("Sent a Ping with %1").arg(InspectorText::byteCount(payload.size())));
    Q_EMIT sendRequested(OutgoingRequest::ping(payload));
    return true;
}

bool ComposerWidget::sendPong()
{
    if (!m_connected) {
        showError(tr("Not connected: there is nothing to send to"));
        return false;
    }
    QByteArray payload;
    QString error;
    if (!controlPayload(payload, error)) {
        showError(error);
        return false;
    }
    if (m_checkTimer.isActive())
        checkInput(); // a check still waiting would overwrite what was sent
    showInfo(tr("Sent a Pong with %1").arg(InspectorText::byteCount(payload.size())));
    Q_EMIT sendRequested(OutgoingRequest::pong(payload));
    return true;
}

bool ComposerWidget::closeCode(std::optional<quint16> &code, QString &error) const
{
    code.reset();
    const QString text = m_closeCode->currentText().trimmed();
    if (text.isEmpty())
        return true;
    const int index = m_closeCode->findText(text, Qt::MatchFixedString);
    if (index >= 0) {
        const QVariant itemCode = m_closeCode->itemData(index);
        if (itemCode.isValid())
            code = quint16(itemCode.toInt());
        return true; // "No code" has no data
    }
    static const QRegularExpression number(
        QStringLiteral("^(\\d{1,5})(?:\\s.*)?$"), QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = number.match(text);
    const int value = match.hasMatch() ? match.captured(1).toInt() : -1;
    if (value < 0 || value > 0xFFFF) {
        error = tr("The close code must be a number from 0 to 65535, a code from the list or \"No code\"");
        return false;
    }
    code = quint16(value);
    return true;
}

bool ComposerWidget::sendClose()
{
    if (!m_connected) {
        showError(tr("Not connected: there is nothing to send to"));
        return false;
    }
    std::optional<quint16> code;
    QString error;
    if (!closeCode(code, error)) {
        showError(error);
        return false;
    }
    const QString reason = m_closeReason->text();
    const qsizetype reasonBytes = reason.toUtf8().size();
    if (reasonBytes > CloseReasonLimit) {
        showError(tr("The reason has %1 bytes in UTF-8; a Close frame carries at most 123 after the code "
                     "(RFC 6455 §5.5)")
                      .arg(reasonBytes));
        return false;
    }
    if (!code) {
        if (!reason.isEmpty()) {
            showError(tr("A reason needs a close code (RFC 6455 §5.5.1): choose a code or clear the reason"));
            return false;
        }
        showInfo(tr("Sent a Close frame without a code"));
        Q_EMIT sendRequested(OutgoingRequest::closeWithoutCode());
        return true;
    }
    if (CloseCodes::isValidOnWire(*code))
        showInfo(tr("Sent a Close frame with %1 %2").arg(*code).arg(CloseCodes::name(*code)));
    else
        showWarning(tr("%1 must not be sent in a Close frame (RFC 6455 §7.4.1); sent anyway").arg(*code));
    Q_EMIT sendRequested(OutgoingRequest::close(*code, reason));
    return true;
}

// --- Repeat --------------------------------------------------------------------------------------------

void ComposerWidget::startRepeat(int count, int intervalMs)
{
    stopRepeat();
    if (!m_connected) {
        showError(tr("Not connected: there is nothing to send to"));
        return;
    }
    m_repeating = true;
    m_repeatCount = qBound(1, count, RepeatCountMax);
    m_repeatIntervalMs = qBound(0, intervalMs, RepeatIntervalMax);
    m_repeatSent = 0;
    m_repeatProgress->setRange(0, m_repeatCount);
    m_repeatProgress->setValue(0);
    m_repeatProgress->setVisible(true);
    m_progressTimer.start();
    updateRepeatWidgets();
    onRepeatTimeout();
}

void ComposerWidget::stopRepeat()
{
    stopRepeatBecause(QString());
}

void ComposerWidget::stopRepeatBecause(const QString &reason)
{
    m_repeatTimer.stop();
    const bool wasRepeating = m_repeating;
    m_repeating = false;
    cancelFragments();
    m_progressTimer.stop();
    m_repeatProgress->setVisible(false);
    if (wasRepeating && m_repeatSent < m_repeatCount) {
        if (reason.isEmpty())
            showInfo(tr("Repeat stopped after %1 of %2 sends").arg(m_repeatSent).arg(m_repeatCount));
        else
            showInfo(tr("Repeat stopped after %1 of %2 sends: %3")
                         .arg(m_repeatSent)
                         .arg(m_repeatCount)
                         .arg(reason));
    }
    updateRepeatWidgets();
}

void ComposerWidget::updateRepeatProgress()
{
    if (!m_repeating)
        return;
    m_repeatProgress->setValue(m_repeatSent);
    if (m_pendingFragments.isEmpty())
        showInfo(tr("Repeat: sent %1 of %2").arg(m_repeatSent).arg(m_repeatCount));
}

bool ComposerWidget::isRepeating() const
{
    return m_repeating;
}

int ComposerWidget::repeatSent() const
{
    return m_repeatSent;
}

void ComposerWidget::onRepeatTimeout()
{
    // With a 0 ms interval a batch goes out per turn of the event loop (bounded in time and count, so the
    // window keeps answering); the progress follows on its own timer.
    QElapsedTimer batch;
    batch.start();
    int sentNow = 0;
    while (m_repeating) {
        if (!sendOnce()) {
            finishRepeat(); // the error stays on the message line
            return;
        }
        ++m_repeatSent;
        ++sentNow;
        if (!m_pendingFragments.isEmpty())
            return; // continued once the last fragment is out (sendNextFragment)
        if (m_repeatIntervalMs > 0 || m_repeatSent >= m_repeatCount || sentNow >= RepeatBatchMax
            || batch.elapsed() >= RepeatBatchMs)
            break;
    }
    continueRepeat();
}

void ComposerWidget::continueRepeat()
{
    if (!m_repeating)
        return;
    if (m_repeatSent >= m_repeatCount) {
        finishRepeat();
        showInfo(m_repeatSent == 1 ? tr("Repeat done: sent once")
                                   : tr("Repeat done: sent %1 times").arg(m_repeatSent));
        return;
    }
    // A 0 ms interval still returns to the event loop between batches, so the window stays responsive.
    m_repeatTimer.start(m_repeatIntervalMs);
}

void ComposerWidget::finishRepeat()
{
    m_repeatTimer.stop();
    m_progressTimer.stop();
    m_repeatProgress->setVisible(false);
    m_repeating = false;
    updateRepeatWidgets();
}

// --- Loading from the timeline -------------------------------------------------------------------------

void ComposerWidget::loadPayload(const QByteArray &payload, bool preferText)
{
    const QScopedValueRollback<bool> applying(m_applying, true);
    if (preferText && isValidUtf8(payload)) {
        const QByteArray trimmed = payload.trimmed();
        const bool json = !trimmed.isEmpty() && (trimmed.front() == '{' || trimmed.front() == '[')
            && JsonInput::validate(payload).isValid();
        setMode(json ? Mode::Json : Mode::Text);
        replaceText(escapeVariables(QString::fromUtf8(payload)));
    } else {
        setMode(Mode::Binary);
        setBinaryFormat(BinaryFormat::Hex);
        replaceText(hexLines(payload));
    }
    m_historyPosition = m_history.size();
}

void ComposerWidget::loadMessage(quint8 opcode, const QByteArray &payload)
{
    setAdvanced(false);
    loadPayload(payload, opcode != 0x2);
    checkInput();
}

void ComposerWidget::loadFrame(const Frame &frame, const QByteArray &payload)
{
    // A binary frame stays hex; any other frame's payload shows as text when it reads as UTF-8.
    loadPayload(payload, frame.opcode != 0x2);
    setAdvanced(true);
    m_craft->loadFrame(frame, payload.size());
    checkInput();
}

void ComposerWidget::loadEntry(const EntryDetails &entry, bool asFrame, bool ownMasking)
{
    if (!asFrame) {
        loadMessage(entry.frame.opcode, entry.payload);
        return;
    }
    loadFrame(entry.frame, entry.payload);
    if (!ownMasking) {
        QComboBox *masking = m_craft->maskingBox();
        const auto rule = m_sender == Endpoint::Client ? FrameSpec::Masking::Random : FrameSpec::Masking::None;
        masking->setCurrentIndex(masking->findData(int(rule)));
    }
}

std::optional<OutgoingRequest> ComposerWidget::takeEntry(const EntryDetails &entry, bool asFrame, bool resend)
{
    if (resend)
        return OutgoingRequest::fromEntry(entry, asFrame, m_sender);
    loadEntry(entry, asFrame, entry.direction == Direction::Outgoing);
    return std::nullopt;
}

std::optional<OutgoingRequest> ComposerWidget::takeEntry(const EntryDetails &entry, TimelineWidget::ComposeAction action)
{
    using Action = TimelineWidget::ComposeAction;
    return takeEntry(entry, action == Action::LoadFrame || action == Action::ResendFrame,
        action == Action::ResendMessage || action == Action::ResendFrame);
}

// --- History and saved messages ------------------------------------------------------------------------

ComposerWidget::StoredMessage ComposerWidget::currentMessage() const
{
    StoredMessage message;
    message.mode = mode();
    if (message.mode == Mode::Binary)
        message.binaryFormat = binaryFormat();
    message.text
        = message.mode == Mode::Binary && message.binaryFormat == BinaryFormat::File ? filePath() : text();
    return message;
}

void ComposerWidget::applyMessage(const StoredMessage &message)
{
    // The keyboard stays in the composer: a file entry hides the editor, a text entry the path field, and
    // Ctrl+Up / Ctrl+Down must still walk on from there.
    QWidget *focus = QApplication::focusWidget();
    const bool hadFocus = focus == m_editor || focus == m_filePath;
    {
        const QScopedValueRollback<bool> applying(m_applying, true);
        setMode(message.mode);
        if (message.mode == Mode::Binary)
            setBinaryFormat(message.binaryFormat);
        if (message.mode == Mode::Binary && message.binaryFormat == BinaryFormat::File)
            setFilePath(message.text);
        else
            replaceText(message.text);
    }
    if (hadFocus) {
        if (m_editorStack->currentWidget() == m_editor)
            m_editor->setFocus();
        else
            m_filePath->setFocus();
    }
}

void ComposerWidget::appendHistory(const StoredMessage &message)
{
    StoredMessage entry = message;
    entry.name.clear();
    if (m_history.isEmpty() || !(m_history.constLast() == entry))
        m_history.append(entry);
    while (m_history.size() > HistoryLimit)
        m_history.removeFirst();
    m_historyPosition = m_history.size();
}

QList<ComposerWidget::StoredMessage> ComposerWidget::history() const
{
    return m_history;
}

QList<ComposerWidget::StoredMessage> ComposerWidget::savedMessages() const
{
    return m_saved;
}

void ComposerWidget::leaveEditedHistoryEntry()
{
    // A recalled entry that was edited is no longer that entry: it becomes the draft, and recalling
    // starts again from the newest entry.
    if (m_historyPosition < m_history.size() && !(currentMessage() == m_history.at(m_historyPosition))) {
        m_draft = currentMessage();
        m_historyPosition = m_history.size();
    }
}

void ComposerWidget::recallPrevious()
{
    if (m_history.isEmpty())
        return;
    leaveEditedHistoryEntry();
    if (m_historyPosition >= m_history.size()) {
        m_historyPosition = m_history.size();
        m_draft = currentMessage();
    }
    if (m_historyPosition == 0)
        return;
    --m_historyPosition;
    applyMessage(m_history.at(m_historyPosition));
}

void ComposerWidget::recallNext()
{
    leaveEditedHistoryEntry();
    if (m_historyPosition >= m_history.size())
        return;
    ++m_historyPosition;
    applyMessage(m_historyPosition == m_history.size() ? m_draft : m_history.at(m_historyPosition));
}

void ComposerWidget::clearHistory()
{
    m_history.clear();
    m_historyPosition = 0;
}

bool ComposerWidget::saveMessage(const QString &name, bool replace)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return false;
    StoredMessage message = currentMessage();
    message.name = trimmed;
    auto it = std::find_if(m_saved.begin(), m_saved.end(),
        [&trimmed](const StoredMessage &saved) { return saved.name == trimmed; });
    if (it != m_saved.end()) {
        if (!replace)
            return false;
        *it = message;
    } else {
        const auto before = std::find_if(m_saved.begin(), m_saved.end(),
            [&trimmed](const StoredMessage &saved) { return nameLessThan(trimmed, saved.name); });
        m_saved.insert(before, message);
    }
    refreshSavedMessages(trimmed);
    showInfo(tr("Saved as \u201c%1\u201d").arg(trimmed));
    return true;
}

void ComposerWidget::loadSavedMessage(const QString &name)
{
    for (const StoredMessage &saved : std::as_const(m_saved)) {
        if (saved.name == name) {
            applyMessage(saved);
            m_savedBox->setCurrentIndex(m_savedBox->findText(name));
            m_historyPosition = m_history.size();
            return;
        }
    }
}

void ComposerWidget::removeSavedMessage(const QString &name)
{
    if (m_saved.removeIf([&name](const StoredMessage &saved) { return saved.name == name; }) == 0)
        return;
    refreshSavedMessages();
    showInfo(tr("Deleted \u201c%1\u201d").arg(name));
}

void ComposerWidget::deleteSelectedMessage()
{
    if (m_savedBox->currentIndex() < 0)
        return;
    const QString name = m_savedBox->currentText();
    if (confirm(tr("Delete Saved Message"), tr("Delete the saved message \u201c%1\u201d?").arg(name)))
        removeSavedMessage(name);
}

bool ComposerWidget::confirm(const QString &title, const QString &question)
{
    if (m_confirm)
        return m_confirm(title, question);
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

QString ComposerWidget::suggestedMessageName() const
{
    const StoredMessage message = currentMessage();
    QString first;
    if (message.mode == Mode::Binary && message.binaryFormat == BinaryFormat::File)
        first = QFileInfo(message.text).fileName();
    else
        first = message.text.section(QLatin1Char('\n'), 0, 0).simplified();
    if (first.size() > SuggestedNameLength)
        first = first.left(SuggestedNameLength).trimmed();
    if (!first.isEmpty())
        return first;
    const auto taken = [this](const QString &name) {
        return std::any_of(m_saved.cbegin(), m_saved.cend(),
            [&name](const StoredMessage &saved) { return saved.name == name; });
    };
    int n = int(m_saved.size()) + 1;
    while (taken(tr("Message %1").arg(n)))
        ++n;
    return tr("Message %1").arg(n);
}

void ComposerWidget::refreshSavedMessages(const QString &select)
{
    const QSignalBlocker blocker(m_savedBox);
    m_savedBox->clear();
    for (const StoredMessage &saved : std::as_const(m_saved)) {
        m_savedBox->addItem(saved.name);
        m_savedBox->setItemData(m_savedBox->count() - 1, menuLabel(saved.text, 200), Qt::ToolTipRole);
    }
    m_savedBox->setCurrentIndex(select.isEmpty() ? -1 : m_savedBox->findText(select));
    m_savedBox->setEnabled(!m_saved.isEmpty());
    updateEnabled();
}

void ComposerWidget::askToSaveMessage()
{
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Save Message"), tr("Name:"), QLineEdit::Normal, suggestedMessageName(), &ok);
    if (!ok)
        return;
    if (name.trimmed().isEmpty()) {
        showError(tr("A saved message needs a name"));
        return;
    }
    if (saveMessage(name))
        return;
    const QString trimmed = name.trimmed();
    if (confirm(tr("Replace Saved Message"),
            tr("A message named \u201c%1\u201d is already saved. Replace it?").arg(trimmed)))
        saveMessage(trimmed, true);
}

void ComposerWidget::populateHistoryMenu()
{
    m_historyMenu->clear();
    if (m_history.isEmpty()) {
        QAction *none = m_historyMenu->addAction(tr("Nothing sent yet"));
        none->setEnabled(false);
        return;
    }
    const qsizetype first = qMax<qsizetype>(0, m_history.size() - HistoryMenuLimit);
    for (qsizetype i = m_history.size() - 1; i >= first; --i) {
        const StoredMessage &entry = m_history.at(i);
        QString kind;
        switch (entry.mode) {
        case Mode::Text:
            kind = tr("Text");
            break;
        case Mode::Json:
            kind = tr("JSON");
            break;
        case Mode::Binary:
            kind = entry.binaryFormat == BinaryFormat::Hex   ? tr("Hex")
                : entry.binaryFormat == BinaryFormat::Base64 ? tr("Base64")
                                                             : tr("File");
            break;
        }
        const QString shown = entry.text.isEmpty() ? tr("(empty)") : menuLabel(entry.text);
        // The text after a tab goes to the right-hand column, as a shortcut would.
        QAction *action = m_historyMenu->addAction(
            QString(shown).replace(QLatin1Char('&'), QStringLiteral("&&")) + QLatin1Char('\t') + kind);
        action->setToolTip(menuLabel(entry.text, 400));
        connect(action, &QAction::triggered, this, [this, i] {
            // A pick from the menu is a new starting point: Ctrl+Up then starts again from the newest
            // entry, with the picked one as the draft.
            if (i < m_history.size()) {
                applyMessage(m_history.at(i));
                m_historyPosition = m_history.size();
            }
        });
    }
    m_historyMenu->addSeparator();
    QAction *clear = m_historyMenu->addAction(tr("Clear History"));
    connect(clear, &QAction::triggered, this, &ComposerWidget::clearHistory);
}

void ComposerWidget::populateVariablesMenu()
{
    m_variablesMenu->clear();
    for (const PayloadVariables::VariableInfo &variable : PayloadVariables::variables()) {
        QAction *action
            = m_variablesMenu->addAction(variable.syntax + QLatin1Char('\t') + variable.description);
        action->setToolTip(variable.description);
        const QString syntax = variable.syntax;
        connect(action, &QAction::triggered, this, [this, syntax] { insertVariable(syntax); });
    }
}

void ComposerWidget::insertVariable(const QString &syntax)
{
    QString inserted = syntax;
    qsizetype selectFrom = -1;
    qsizetype selectLength = 0;
    if (syntax.contains(QLatin1String(":N}}"))) {
        inserted.replace(QLatin1String(":N}}"), QLatin1String(":16}}"));
        selectFrom = inserted.indexOf(QLatin1String("16"));
        selectLength = 2;
    }
    m_editor->removeSelectedText();
    const long start = long(m_editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS));
    const QByteArray utf8 = inserted.toUtf8();
    m_editor->SendScintilla(QsciScintilla::SCI_INSERTTEXT, start, utf8.constData());
    if (selectFrom >= 0)
        m_editor->SendScintilla(
            QsciScintilla::SCI_SETSEL, start + long(selectFrom), start + long(selectFrom + selectLength));
    else
        m_editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, start + long(utf8.size()));
    m_editor->setFocus();
}

// --- JSON formatting -----------------------------------------------------------------------------------

bool ComposerWidget::formatJson(bool pretty)
{
    if (mode() != Mode::Json)
        return false;
    const QByteArray original = m_editor->text().toUtf8();
    const bool variables = PayloadVariables::mayContainVariables(original);
    if (variables && !PayloadVariables::expand(original, nullptr, checkSources()).ok())
        return false;
    const QByteArray checked = variables ? withStandIns(original) : original;
    JsonInput::Error error;
    QByteArray formatted
        = pretty ? JsonInput::pretty(checked, 2, &error) : JsonInput::compact(checked, &error);
    if (!error.isValid() || formatted.isEmpty())
        return false;
    if (variables)
        formatted = restoreVariables(formatted, checked, original);
    if (formatted != original)
        m_editor->replaceAll(QString::fromUtf8(formatted));
    return true;
}

bool ComposerWidget::prettyPrintJson()
{
    return formatJson(true);
}

bool ComposerWidget::compactJson()
{
    return formatJson(false);
}

// --- Files ---------------------------------------------------------------------------------------------

void ComposerWidget::browseForFile()
{
    const QString start
        = m_filePath->text().isEmpty() ? QString() : QFileInfo(m_filePath->text()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the File to Send"), start);
    if (!path.isEmpty())
        setFilePath(path);
}

// --- State ---------------------------------------------------------------------------------------------

QVariantMap ComposerWidget::saveState() const
{
    QVariantMap state;
    state.insert(QStringLiteral("mode"), modeKey(mode()));
    state.insert(QStringLiteral("binaryFormat"), formatKey(binaryFormat()));
    state.insert(QStringLiteral("text"), text());
    state.insert(QStringLiteral("filePath"), filePath());
    state.insert(QStringLiteral("advanced"), isAdvanced());
    state.insert(QStringLiteral("craft"), m_craft->saveState());
    state.insert(QStringLiteral("repeatCount"), m_repeatCountBox->value());
    state.insert(QStringLiteral("repeatInterval"), m_repeatIntervalBox->value());
    state.insert(QStringLiteral("controlPayload"), m_controlPayload->text());
    // The code as a number (-1: no code) so that it survives a change of language; text that is no code as
    // is.
    std::optional<quint16> code;
    QString error;
    if (closeCode(code, error))
        state.insert(QStringLiteral("closeCode"), code ? int(*code) : -1);
    else
        state.insert(QStringLiteral("closeCode"), m_closeCode->currentText());
    state.insert(QStringLiteral("closeReason"), m_closeReason->text());
    // The history that persists: no entry over HistoryEntryPersistLimit (a huge paste stays for the
    // session only) and at most HistoryPersistLimit in all, keeping the newest.
    QVariantList history;
    qsizetype persisted = 0;
    for (qsizetype i = m_history.size() - 1; i >= 0; --i) {
        const StoredMessage &entry = m_history.at(i);
        const qsizetype size = entry.text.toUtf8().size();
        if (size > HistoryEntryPersistLimit)
            continue;
        if (persisted + size > HistoryPersistLimit)
            break;
        persisted += size;
        history.prepend(storedToMap(entry, false));
    }
    state.insert(QStringLiteral("history"), history);
    QVariantList saved;
    for (const StoredMessage &entry : m_saved)
        saved.append(storedToMap(entry, true));
    state.insert(QStringLiteral("saved"), saved);
    return state;
}

void ComposerWidget::restoreState(const QVariantMap &state)
{
    const QScopedValueRollback<bool> applying(m_applying, true);
    const auto has = [&state](const char *key) { return state.contains(QLatin1String(key)); };
    if (has("craft"))
        m_craft->restoreState(state.value(QStringLiteral("craft")).toMap());
    if (has("mode"))
        setMode(modeFromKey(state.value(QStringLiteral("mode")).toString()));
    if (has("binaryFormat"))
        setBinaryFormat(formatFromKey(state.value(QStringLiteral("binaryFormat")).toString()));
    if (has("text"))
        setText(state.value(QStringLiteral("text")).toString());
    if (has("filePath"))
        setFilePath(state.value(QStringLiteral("filePath")).toString());
    if (has("advanced"))
        setAdvanced(state.value(QStringLiteral("advanced")).toBool());
    if (has("repeatCount"))
        m_repeatCountBox->setValue(state.value(QStringLiteral("repeatCount")).toInt());
    if (has("repeatInterval"))
        m_repeatIntervalBox->setValue(state.value(QStringLiteral("repeatInterval")).toInt());
    if (has("controlPayload"))
        m_controlPayload->setText(state.value(QStringLiteral("controlPayload")).toString());
    if (has("closeCode")) {
        const QVariant value = state.value(QStringLiteral("closeCode"));
        bool isNumber = false;
        const int code = value.toInt(&isNumber);
        if (isNumber && code < 0) {
            m_closeCode->setCurrentIndex(m_closeCode->count() - 1); // "No code"
        } else if (isNumber && code <= 0xFFFF) {
            const int index = m_closeCode->findData(code);
            if (index >= 0)
                m_closeCode->setCurrentIndex(index);
            else
                m_closeCode->setEditText(QString::number(code));
        } else {
            m_closeCode->setEditText(value.toString());
        }
    }
    if (has("closeReason"))
        m_closeReason->setText(state.value(QStringLiteral("closeReason")).toString());
    if (has("history")) {
        m_history.clear();
        const QVariantList history = state.value(QStringLiteral("history")).toList();
        for (const QVariant &entry : history)
            m_history.append(storedFromMap(entry.toMap()));
        while (m_history.size() > HistoryLimit)
            m_history.removeFirst();
        for (StoredMessage &entry : m_history)
            entry.name.clear();
        m_historyPosition = m_history.size();
    }
    if (has("saved")) {
        m_saved.clear();
        const QVariantList saved = state.value(QStringLiteral("saved")).toList();
        for (const QVariant &entry : saved) {
            const StoredMessage message = storedFromMap(entry.toMap());
            if (message.name.trimmed().isEmpty())
                continue;
            m_saved.removeIf([&message](const StoredMessage &other) { return other.name == message.name; });
            m_saved.append(message);
        }
        std::sort(m_saved.begin(), m_saved.end(),
            [](const StoredMessage &a, const StoredMessage &b) { return nameLessThan(a.name, b.name); });
        refreshSavedMessages();
    }
    checkInput();
}

// --- The parts -----------------------------------------------------------------------------------------

QsciScintilla *ComposerWidget::editor() const
{
    return m_editor;
}
QComboBox *ComposerWidget::modeBox() const
{
    return m_mode;
}
QComboBox *ComposerWidget::binaryFormatBox() const
{
    return m_binaryFormat;
}
QPushButton *ComposerWidget::sendButton() const
{
    return m_send;
}
QLabel *ComposerWidget::messageLabel() const
{
    return m_message;
}
FrameCraftPanel *ComposerWidget::craftPanel() const
{
    return m_craft;
}
QAbstractButton *ComposerWidget::advancedButton() const
{
    return m_advanced;
}
QLineEdit *ComposerWidget::controlPayloadEdit() const
{
    return m_controlPayload;
}
QPushButton *ComposerWidget::pingButton() const
{
    return m_ping;
}
QPushButton *ComposerWidget::pongButton() const
{
    return m_pong;
}
QComboBox *ComposerWidget::closeCodeBox() const
{
    return m_closeCode;
}
QLineEdit *ComposerWidget::closeReasonEdit() const
{
    return m_closeReason;
}
QPushButton *ComposerWidget::closeButton() const
{
    return m_close;
}
QSpinBox *ComposerWidget::repeatCountBox() const
{
    return m_repeatCountBox;
}
QSpinBox *ComposerWidget::repeatIntervalBox() const
{
    return m_repeatIntervalBox;
}
QPushButton *ComposerWidget::repeatButton() const
{
    return m_repeatButton;
}
QProgressBar *ComposerWidget::repeatProgress() const
{
    return m_repeatProgress;
}
QLabel *ComposerWidget::controlPayloadSizeLabel() const
{
    return m_controlSize;
}
QLabel *ComposerWidget::targetLabel() const
{
    return m_target;
}
QLineEdit *ComposerWidget::filePathEdit() const
{
    return m_filePath;
}
QPushButton *ComposerWidget::browseButton() const
{
    return m_browse;
}
QPushButton *ComposerWidget::prettyButton() const
{
    return m_pretty;
}
QPushButton *ComposerWidget::compactButton() const
{
    return m_compact;
}
QToolButton *ComposerWidget::variablesButton() const
{
    return m_variables;
}
QToolButton *ComposerWidget::historyButton() const
{
    return m_historyButton;
}
QComboBox *ComposerWidget::savedMessagesBox() const
{
    return m_savedBox;
}
QPushButton *ComposerWidget::saveMessageButton() const
{
    return m_saveButton;
}
QPushButton *ComposerWidget::deleteMessageButton() const
{
    return m_deleteButton;
}

} // namespace Frameline
