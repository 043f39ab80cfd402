#include "ui/composer/framecraftpanel.h"

#include "app/compose/binaryinput.h"
#include "app/protocol/opcode.h"
#include "app/protocol/securerandom.h"
#include "ui/decoder/frametext.h"
#include "ui/widgets/colors.h"

#include <QtCore/QEvent>
#include <QtCore/QRegularExpression>
#include <QtCore/QScopedValueRollback>
#include <QtGui/QRegularExpressionValidator>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QStyle>
#include <QtWidgets/QVBoxLayout>

#include <limits>

namespace Frameline {

namespace {

// Keys of saveState(); plain values so that the tab's settings can hold them.
const auto keyFin = QStringLiteral("fin");
const auto keyRsv1 = QStringLiteral("rsv1");
const auto keyRsv2 = QStringLiteral("rsv2");
const auto keyRsv3 = QStringLiteral("rsv3");
const auto keyOpcode = QStringLiteral("opcode"); // -1: from the mode
const auto keyMasking = QStringLiteral("masking"); // int(FrameSpec::Masking)
const auto keyMaskingKey = QStringLiteral("maskingKey"); // the key field's text
const auto keyLengthForm = QStringLiteral("lengthForm"); // 0: minimal, else 7, 16, 64
const auto keyDeclaredOn = QStringLiteral("declaredLengthOn");
const auto keyDeclared = QStringLiteral("declaredLength"); // the field's text
const auto keyFragments = QStringLiteral("fragments");
const auto keyDelay = QStringLiteral("fragmentDelayMs");

constexpr int MaxFragmentDelayMs = 60000;
// The height of the warnings box, in lines of text.
constexpr int WarningLines = 5;

QString keyText(const std::array<quint8, 4> &key)
{
    return BinaryInput::toHex(
        QByteArrayView(reinterpret_cast<const char *>(key.data()), qsizetype(key.size())));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5f;
}

} // namespace

FrameCraftPanel::FrameCraftPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("frameCraftPanel"));

    const auto checkBox = [this](const QString &name) {
        auto *box = new QCheckBox(this);
        box->setObjectName(name);
        connect(box, &QCheckBox::toggled, this, &FrameCraftPanel::onFieldChanged);
        return box;
    };
    m_fin = checkBox(QStringLiteral("craftFin"));
    m_rsv1 = checkBox(QStringLiteral("craftRsv1"));
    m_rsv2 = checkBox(QStringLiteral("craftRsv2"));
    m_rsv3 = checkBox(QStringLiteral("craftRsv3"));
    // The bits keep their protocol names in every language.
    m_fin->setText(QStringLiteral("FIN"));
    m_rsv1->setText(QStringLiteral("RSV1"));
    m_rsv2->setText(QStringLiteral("RSV2"));
    m_rsv3->setText(QStringLiteral("RSV3"));

    m_opcode = new QComboBox(this);
    m_opcode->setObjectName(QStringLiteral("craftOpcode"));
    // Narrow in the row ("From the mode (Binary: 0x2)" is long); the list shows the items whole.
    m_opcode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_opcode->setMinimumContentsLength(14);
    m_opcode->addItem(QString(), -1);
    for (int value = 0; value <= 0xF; ++value)
        m_opcode->addItem(QString(), value);
    connect(m_opcode, &QComboBox::currentIndexChanged, this, &FrameCraftPanel::onFieldChanged);

    m_masking = new QComboBox(this);
    m_masking->setObjectName(QStringLiteral("craftMasking"));
    m_masking->addItem(QString(), int(FrameSpec::Masking::None));
    m_masking->addItem(QString(), int(FrameSpec::Masking::Random));
    m_masking->addItem(QString(), int(FrameSpec::Masking::Chosen));
    connect(m_masking, &QComboBox::currentIndexChanged, this, [this] {
        // A chosen key starts from a fresh random one rather than from an empty field.
        if (!m_updating && m_masking->currentData().toInt() == int(FrameSpec::Masking::Chosen)
            && m_maskingKey->text().trimmed().isEmpty()) {
            const QSignalBlocker blocker(m_maskingKey);
            m_maskingKey->setText(keyText(SecureRandom::maskingKey()));
        }
        onFieldChanged();
    });
    m_maskingKey = new QLineEdit(this);
    m_maskingKey->setObjectName(QStringLiteral("craftMaskingKey"));
    m_maskingKey->setPlaceholderText(QStringLiteral("00 00 00 00"));
    m_maskingKey->setMaxLength(32);
    connect(m_maskingKey, &QLineEdit::textChanged, this, &FrameCraftPanel::onFieldChanged);

    m_lengthForm = new QComboBox(this);
    m_lengthForm->setObjectName(QStringLiteral("craftLengthForm"));
    m_lengthForm->addItem(QString(), 0);
    m_lengthForm->addItem(QString(), int(LengthForm::Bits7));
    m_lengthForm->addItem(QString(), int(LengthForm::Bits16));
    m_lengthForm->addItem(QString(), int(LengthForm::Bits64));
    connect(m_lengthForm, &QComboBox::currentIndexChanged, this, &FrameCraftPanel::onFieldChanged);

    m_declaredLengthOn = checkBox(QStringLiteral("craftDeclaredLengthOn"));
    m_declaredLength = new QLineEdit(this);
    m_declaredLength->setObjectName(QStringLiteral("craftDeclaredLength"));
    // Digits only; the range (up to 2^64 - 1, twenty digits) is checked with a message.
    m_declaredLength->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,20}")), m_declaredLength));
    m_declaredLength->setPlaceholderText(QStringLiteral("0"));
    connect(m_declaredLength, &QLineEdit::textChanged, this, &FrameCraftPanel::onFieldChanged);

    m_fragments = new QSpinBox(this);
    m_fragments->setObjectName(QStringLiteral("craftFragments"));
    m_fragments->setRange(1, Fragmenter::MaxFragments);
    connect(m_fragments, &QSpinBox::valueChanged, this, &FrameCraftPanel::onFieldChanged);
    m_fragmentDelay = new QSpinBox(this);
    m_fragmentDelay->setObjectName(QStringLiteral("craftFragmentDelay"));
    m_fragmentDelay->setRange(0, MaxFragmentDelayMs);
    m_fragmentDelay->setSingleStep(100);
    m_fragmentDelay->setAccelerated(true);
    connect(m_fragmentDelay, &QSpinBox::valueChanged, this, &FrameCraftPanel::onFieldChanged);

    m_reset = new QPushButton(this);
    m_reset->setObjectName(QStringLiteral("craftResetToValid"));
    connect(m_reset, &QPushButton::clicked, this, &FrameCraftPanel::resetToValid);

    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("craftWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    const auto label = [this](QWidget *buddy) {
        auto *l = new QLabel(this);
        l->setBuddy(buddy);
        return l;
    };
    m_opcodeLabel = label(m_opcode);
    m_maskingLabel = label(m_masking);
    m_lengthLabel = label(m_lengthForm);
    m_fragmentsLabel = label(m_fragments);
    m_delayLabel = label(m_fragmentDelay);

    // Two rows of fields and the warnings under them: the panel sits under the editor and must stay short.
    // The tab order is the creation order: the fields left to right, then Reset.
    auto *header = new QHBoxLayout;
    header->setSpacing(6);
    for (QWidget *w : { static_cast<QWidget *>(m_fin), static_cast<QWidget *>(m_rsv1),
             static_cast<QWidget *>(m_rsv2), static_cast<QWidget *>(m_rsv3) })
        header->addWidget(w);
    header->addSpacing(12);
    header->addWidget(m_opcodeLabel);
    // The opcode box grows into free room, up to its widest item (retranslate).
    m_opcode->setSizePolicy(QSizePolicy::Expanding, m_opcode->sizePolicy().verticalPolicy());
    header->addWidget(m_opcode, 4);
    header->addSpacing(12);
    header->addWidget(m_maskingLabel);
    header->addWidget(m_masking);
    header->addWidget(m_maskingKey);
    header->addStretch(1);

    auto *lengthRow = new QHBoxLayout;
    lengthRow->setSpacing(6);
    lengthRow->addWidget(m_lengthLabel);
    lengthRow->addWidget(m_lengthForm);
    lengthRow->addSpacing(6);
    lengthRow->addWidget(m_declaredLengthOn);
    lengthRow->addWidget(m_declaredLength);
    lengthRow->addSpacing(12);
    lengthRow->addWidget(m_fragmentsLabel);
    lengthRow->addWidget(m_fragments);
    lengthRow->addSpacing(6);
    lengthRow->addWidget(m_delayLabel);
    lengthRow->addWidget(m_fragmentDelay);
    lengthRow->addStretch(1);
    lengthRow->addWidget(m_reset);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addLayout(lengthRow);
    // The warnings scroll inside a box of a fixed height (WarningLines lines): a long list never pushes
    // the window taller, and the fields above and the buttons below stay where they are while warnings
    // come and go. The text wraps at the box's width (no horizontal scrolling).
    m_warningsArea = new QScrollArea(this);
    m_warningsArea->setObjectName(QStringLiteral("craftWarningsArea"));
    m_warningsArea->setFrameShape(QFrame::NoFrame);
    m_warningsArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_warningsArea->setWidgetResizable(true);
    m_warningsArea->setWidget(m_warnings);
    m_warningsArea->viewport()->setAutoFillBackground(false);
    m_warnings->setAutoFillBackground(false);
    m_warningsArea->setFixedHeight(WarningLines * m_warnings->fontMetrics().lineSpacing() + 4);
    m_warningsArea->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    layout->addWidget(m_warningsArea);

    // Room for what the fields hold (a key of "00 00 00 00", a length of up to 20 digits, mostly fewer).
    const QFontMetrics metrics = fontMetrics();
    m_maskingKey->setFixedWidth(metrics.horizontalAdvance(QStringLiteral("00 00 00 00")) + 16);
    m_declaredLength->setMinimumWidth(metrics.horizontalAdvance(QLatin1Char('0')) * 8 + 16);
    m_declaredLength->setMaximumWidth(metrics.horizontalAdvance(QLatin1Char('0')) * 20 + 16);

    applyPalette();
    retranslate();
    resetToValid();
}

void FrameCraftPanel::setContext(const FrameCheckContext &context)
{
    const bool senderChanged = context.sender != m_context.sender;
    m_context = context;
    if (senderChanged)
        retranslate(); // the tooltips name the sender's correct masking
    recheck();
}

void FrameCraftPanel::setModeOpcode(quint8 opcode)
{
    if (opcode == m_modeOpcode)
        return;
    m_modeOpcode = opcode;
    retranslate(); // item 0 names the mode's opcode
    if (m_opcode->currentIndex() == 0)
        recheck();
}

quint8 FrameCraftPanel::opcode() const
{
    const int value = m_opcode->currentData().toInt();
    return value < 0 ? m_modeOpcode : quint8(value);
}

std::optional<std::array<quint8, 4>> FrameCraftPanel::chosenKey(QString *error) const
{
    const QString text = m_maskingKey->text();
    const BinaryInput::Result parsed = BinaryInput::fromHex(text);
    QString problem;
    if (!parsed.ok())
        problem = tr("Masking key: %1").arg(parsed.error);
    else if (parsed.bytes.size() != 4)
        problem = tr("Masking key: 4 bytes (8 hex digits) are needed, %n byte(s) given", nullptr,
            int(parsed.bytes.size()));
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    std::array<quint8, 4> key {};
    for (int i = 0; i < 4; ++i)
        key[size_t(i)] = quint8(parsed.bytes.at(i));
    return key;
}

std::optional<quint64> FrameCraftPanel::declaredLengthValue(QString *error) const
{
    if (!m_declaredLengthOn->isChecked())
        return std::nullopt;
    const QString text = m_declaredLength->text().trimmed();
    bool ok = false;
    const quint64 value = text.toULongLong(&ok);
    if (!ok) {
        if (error)
            *error = text.isEmpty() ? tr("Declared length: enter the length the header should declare")
                                    : tr("Declared length: %1 is not a number from 0 to %2")
                                          .arg(text)
                                          .arg(std::numeric_limits<quint64>::max());
        return std::nullopt;
    }
    // What the writer would make of it: a declared length that the chosen form cannot hold is an error
    // of the fields, whatever the payload.
    FrameSpec probe;
    probe.declaredLength = value;
    const int form = m_lengthForm->currentData().toInt();
    if (form != 0)
        probe.lengthForm = LengthForm(form);
    QString writeError;
    if (FrameWriter::encode(probe, &writeError).isEmpty()) {
        if (error)
            *error = tr("Declared length: %1").arg(writeError);
        return std::nullopt;
    }
    return value;
}

QString FrameCraftPanel::inputError() const
{
    QStringList errors;
    QString error;
    if (m_masking->currentData().toInt() == int(FrameSpec::Masking::Chosen) && !chosenKey(&error))
        errors << error;
    error.clear();
    if (m_fragments->value() == 1 && !declaredLengthValue(&error) && !error.isEmpty())
        errors << error;
    return errors.join(QLatin1Char('\n'));
}

QList<FrameSpec> FrameCraftPanel::frames(const QByteArray &payload) const
{
    if (!inputError().isEmpty())
        return {};
    FrameSpec spec;
    spec.fin = m_fin->isChecked();
    spec.rsv1 = m_rsv1->isChecked();
    spec.rsv2 = m_rsv2->isChecked();
    spec.rsv3 = m_rsv3->isChecked();
    spec.opcode = opcode();
    spec.masking = FrameSpec::Masking(m_masking->currentData().toInt());
    if (spec.masking == FrameSpec::Masking::Chosen)
        spec.maskingKey = *chosenKey();
    spec.payload = payload;
    if (m_fragments->value() > 1)
        return Fragmenter::split(spec, m_fragments->value());
    const int form = m_lengthForm->currentData().toInt();
    if (form != 0)
        spec.lengthForm = LengthForm(form);
    spec.declaredLength = declaredLengthValue();
    return { spec };
}

int FrameCraftPanel::fragmentCount() const
{
    return m_fragments->value();
}

int FrameCraftPanel::fragmentDelayMs() const
{
    return m_fragments->value() > 1 ? m_fragmentDelay->value() : 0;
}

std::optional<quint64> FrameCraftPanel::declaredLength() const
{
    if (m_fragments->value() > 1)
        return std::nullopt;
    return declaredLengthValue();
}

void FrameCraftPanel::checkPayload(const QByteArray &payload)
{
    m_lastPayload = payload;
    recheck();
}

void FrameCraftPanel::recheck()
{
    m_lastCheck.clear();
    m_lastWarnings.clear();
    m_fragmentNote.clear();

    QString keyError;
    if (m_masking->currentData().toInt() == int(FrameSpec::Masking::Chosen))
        chosenKey(&keyError);
    QString declaredError;
    if (m_fragments->value() == 1)
        declaredLengthValue(&declaredError);
    m_keyInvalid = !keyError.isEmpty();
    m_declaredLengthInvalid = !declaredError.isEmpty();
    for (const QString &error : { keyError, declaredError })
        if (!error.isEmpty())
            m_lastWarnings << error;

    // Each frame is checked with the fragmented-message state the ones before it leave.
    bool open = m_context.fragmentedMessageOpen;
    const QList<FrameSpec> specs = frames(m_lastPayload);
    for (const FrameSpec &spec : specs) {
        FrameCheckContext context = m_context;
        context.fragmentedMessageOpen = open;
        m_lastCheck.append(FrameCheck::check(spec, context));
        open = FrameCheck::fragmentedMessageOpenAfter(spec, open);
    }

    const qsizetype count = specs.size();
    for (qsizetype i = 0; i < count; ++i) {
        QStringList rules;
        const FrameCheckResult &result = m_lastCheck.at(i);
        for (const Violation &violation : result.violations) {
            // The same words, RFC section and close code the decoder shows when it receives such a frame.
            const QString consequence = violation.fatal
                ? tr("close %1").arg(violation.closeCode)
                : tr("reported only, %1 if strict").arg(violation.closeCode);
            rules << tr("%1 (%2) \u2192 %3")
                         .arg(violation.message, FrameText::rfcReference(violation.rfcSection), consequence);
        }
        for (const FrameWarning &warning : result.warnings)
            rules << warning.message;
        // A length the chosen form cannot carry: the writer refuses the frame. Checked on a header-only
        // copy so that a large payload is not encoded at every keystroke.
        FrameSpec probe = specs.at(i);
        probe.declaredLength = FrameCheck::wireLength(probe);
        probe.payload.clear();
        probe.masking = FrameSpec::Masking::None;
        QString writeError;
        if (FrameWriter::encode(probe, &writeError).isEmpty())
            rules << tr("Cannot be written: %1").arg(writeError);
        for (const QString &rule : std::as_const(rules))
            m_lastWarnings << (count > 1 ? tr("Frame %1 of %2: %3").arg(i + 1).arg(count).arg(rule) : rule);
    }

    // Fragmenter::split makes at most one fragment per byte.
    const int requested = m_fragments->value();
    if (count > 0 && requested > 1 && count < requested)
        m_fragmentNote = tr("The payload has %n byte(s): it is split into %1 fragment(s), not %2", nullptr,
            int(m_lastPayload.size()))
                             .arg(count)
                             .arg(requested);
    showCheck();
}

QStringList FrameCraftPanel::lastWarnings() const
{
    return m_lastWarnings;
}

void FrameCraftPanel::showCheck()
{
    markInvalid(m_maskingKey, m_keyInvalid, m_errorColor);
    markInvalid(m_declaredLength, m_declaredLengthInvalid, m_errorColor);
    QStringList lines = m_lastWarnings;
    if (!m_fragmentNote.isEmpty())
        lines << m_fragmentNote;
    QPalette palette = m_warnings->palette();
    if (lines.isEmpty()) {
        m_warnings->setText(
            m_lastCheck.size() > 1 ? tr("Valid frames (RFC 6455)") : tr("Valid frame (RFC 6455)"));
        palette.setColor(QPalette::WindowText, m_validColor);
    } else {
        m_warnings->setText(lines.join(QLatin1Char('\n')));
        palette.setColor(
            QPalette::WindowText, m_keyInvalid || m_declaredLengthInvalid ? m_errorColor : m_warningColor);
    }
    m_warnings->setPalette(palette);
}

void FrameCraftPanel::markInvalid(QLineEdit *edit, bool invalid, const QColor &color)
{
    // The message itself is in the warnings area under the fields; the field gets the red outline.
    const QString sheet = invalid
        ? QStringLiteral("QLineEdit { border: 1px solid %1; border-radius: 2px; padding: 1px 2px; }")
              .arg(color.name())
        : QString();
    if (edit->styleSheet() != sheet)
        edit->setStyleSheet(sheet);
}

void FrameCraftPanel::onFieldChanged()
{
    if (m_updating)
        return;
    updateEnabled();
    recheck();
    Q_EMIT changed();
}

void FrameCraftPanel::showFragmentedValues(bool fragmented)
{
    if (fragmented == m_showingFragmented)
        return;
    const QScopedValueRollback<bool> updating(m_updating, true);
    if (fragmented) {
        // What the fragments really use; the user's choices come back with one fragment.
        m_userFin = m_fin->isChecked();
        m_userLengthForm = m_lengthForm->currentIndex();
        m_userDeclaredOn = m_declaredLengthOn->isChecked();
        m_fin->setTristate(true);
        m_fin->setCheckState(Qt::PartiallyChecked); // only the last fragment has FIN
        m_lengthForm->setCurrentIndex(0);
        m_declaredLengthOn->setChecked(false);
    } else {
        m_fin->setTristate(false);
        m_fin->setChecked(m_userFin);
        m_lengthForm->setCurrentIndex(m_userLengthForm);
        m_declaredLengthOn->setChecked(m_userDeclaredOn);
    }
    m_showingFragmented = fragmented;
}

void FrameCraftPanel::forgetFragmentedValues()
{
    // The fields are about to be set from code: they, not the values kept while fragmented, count.
    if (!m_showingFragmented)
        return;
    m_fin->setTristate(false);
    m_fin->setChecked(true);
    m_showingFragmented = false;
}

void FrameCraftPanel::updateEnabled()
{
    const bool fragmented = m_fragments->value() > 1;
    showFragmentedValues(fragmented);
    m_maskingKey->setEnabled(m_masking->currentData().toInt() == int(FrameSpec::Masking::Chosen));
    m_fin->setEnabled(!fragmented);
    m_lengthForm->setEnabled(!fragmented);
    m_declaredLengthOn->setEnabled(!fragmented);
    m_declaredLength->setEnabled(!fragmented && m_declaredLengthOn->isChecked());
    m_fragmentDelay->setEnabled(fragmented);
    m_delayLabel->setEnabled(fragmented);

    // Disabled fields say why (a disabled widget still shows its tooltip).
    const QString fragmentsRule = tr("With more than one fragment, every fragment has its real length in the "
                                     "minimal form");
    m_lengthForm->setToolTip(fragmented ? fragmentsRule
                                        : tr("How the payload length is written (RFC 6455 §5.2): "
                                             "the minimal form, or 7-bit, 16-bit (126) or 64-bit (127) on "
                                             "purpose"));
    const QString declaredTip = fragmented
        ? fragmentsRule
        : tr("Write this length in the header instead of the real one, to test how the peer reads a frame "
             "whose length lies");
    m_declaredLengthOn->setToolTip(declaredTip);
    m_declaredLength->setToolTip(declaredTip);
    m_fin->setToolTip(fragmented ? tr("With more than one fragment, only the last one has FIN set")
                                 : tr("FIN: this frame is the last of its message (RFC 6455 §5.2)"));
}

void FrameCraftPanel::resetToValid()
{
    {
        const QScopedValueRollback<bool> updating(m_updating, true);
        forgetFragmentedValues();
        m_fin->setChecked(true);
        m_rsv1->setChecked(false);
        m_rsv2->setChecked(false);
        m_rsv3->setChecked(false);
        m_opcode->setCurrentIndex(0);
        m_masking->setCurrentIndex(m_masking->findData(int(
            m_context.sender == Endpoint::Client ? FrameSpec::Masking::Random : FrameSpec::Masking::None)));
        m_maskingKey->clear();
        m_lengthForm->setCurrentIndex(0);
        m_declaredLengthOn->setChecked(false);
        m_declaredLength->clear();
        m_fragments->setValue(1);
        m_fragmentDelay->setValue(0);
    }
    onFieldChanged();
}

void FrameCraftPanel::loadFrame(const Frame &frame, qsizetype payloadSize)
{
    {
        const QScopedValueRollback<bool> updating(m_updating, true);
        forgetFragmentedValues();
        m_fin->setChecked(frame.fin);
        m_rsv1->setChecked(frame.rsv1);
        m_rsv2->setChecked(frame.rsv2);
        m_rsv3->setChecked(frame.rsv3);
        m_opcode->setCurrentIndex(m_opcode->findData(int(frame.opcode & 0xF)));
        if (frame.masked) {
            m_masking->setCurrentIndex(m_masking->findData(int(FrameSpec::Masking::Chosen)));
            m_maskingKey->setText(keyText(frame.maskingKey));
        } else {
            m_masking->setCurrentIndex(m_masking->findData(int(FrameSpec::Masking::None)));
            m_maskingKey->clear();
        }
        // The minimal form stays "Minimal" so that editing the payload keeps the frame correct; a form
        // chosen on purpose is kept as it was.
        const bool minimal = frame.lengthForm == minimalLengthForm(frame.payloadLength);
        m_lengthForm->setCurrentIndex(minimal ? 0 : m_lengthForm->findData(int(frame.lengthForm)));
        const bool lies = frame.payloadLength != quint64(payloadSize);
        m_declaredLengthOn->setChecked(lies);
        m_declaredLength->setText(lies ? QString::number(frame.payloadLength) : QString());
        m_fragments->setValue(1);
        m_fragmentDelay->setValue(0);
    }
    onFieldChanged();
}

QVariantMap FrameCraftPanel::saveState() const
{
    QVariantMap state;
    state.insert(keyFin, m_showingFragmented ? m_userFin : m_fin->isChecked());
    state.insert(keyRsv1, m_rsv1->isChecked());
    state.insert(keyRsv2, m_rsv2->isChecked());
    state.insert(keyRsv3, m_rsv3->isChecked());
    state.insert(keyOpcode, m_opcode->currentData().toInt());
    state.insert(keyMasking, m_masking->currentData().toInt());
    state.insert(keyMaskingKey, m_maskingKey->text());
    state.insert(keyLengthForm,
        m_showingFragmented ? m_lengthForm->itemData(m_userLengthForm).toInt()
                            : m_lengthForm->currentData().toInt());
    state.insert(keyDeclaredOn, m_showingFragmented ? m_userDeclaredOn : m_declaredLengthOn->isChecked());
    state.insert(keyDeclared, m_declaredLength->text());
    state.insert(keyFragments, m_fragments->value());
    state.insert(keyDelay, m_fragmentDelay->value());
    return state;
}

void FrameCraftPanel::restoreState(const QVariantMap &state)
{
    {
        const QScopedValueRollback<bool> updating(m_updating, true);
        forgetFragmentedValues();
        resetToValid(); // what the state does not name keeps its default
        const auto setBox = [&state](QCheckBox *box, const QString &key) {
            if (state.contains(key))
                box->setChecked(state.value(key).toBool());
        };
        const auto setCombo = [&state](QComboBox *box, const QString &key) {
            if (!state.contains(key))
                return;
            const int index = box->findData(state.value(key).toInt());
            if (index >= 0)
                box->setCurrentIndex(index);
        };
        setBox(m_fin, keyFin);
        setBox(m_rsv1, keyRsv1);
        setBox(m_rsv2, keyRsv2);
        setBox(m_rsv3, keyRsv3);
        setCombo(m_opcode, keyOpcode);
        setCombo(m_masking, keyMasking);
        m_maskingKey->setText(state.value(keyMaskingKey).toString().left(m_maskingKey->maxLength()));
        setCombo(m_lengthForm, keyLengthForm);
        setBox(m_declaredLengthOn, keyDeclaredOn);
        // Through the validator: only digits from a saved state.
        QString declared = state.value(keyDeclared).toString();
        int position = 0;
        if (m_declaredLength->validator()->validate(declared, position) == QValidator::Acceptable)
            m_declaredLength->setText(declared);
        if (state.contains(keyFragments))
            m_fragments->setValue(state.value(keyFragments).toInt());
        if (state.contains(keyDelay))
            m_fragmentDelay->setValue(state.value(keyDelay).toInt());
    }
    onFieldChanged();
}

void FrameCraftPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void FrameCraftPanel::applyPalette()
{
    const QPalette p = palette();
    const QColor text = p.color(QPalette::WindowText);
    const bool dark = isDark(p);
    // Washes of the text colour, so that they read on light and dark windows alike.
    m_warningColor = Colors::mix(text, dark ? QColor(0xff, 0xa6, 0x4d) : QColor(0xb8, 0x5c, 0x00), 0.85);
    m_errorColor = Colors::mix(text, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x26, 0x1c), 0.9);
    m_validColor = Colors::mix(text, dark ? QColor(0x6f, 0xd0, 0x8c) : QColor(0x1b, 0x7f, 0x3b), 0.8);
    if (m_warnings)
        showCheck();
}

void FrameCraftPanel::retranslate()
{
    m_opcodeLabel->setText(tr("Opcode:"));
    m_maskingLabel->setText(tr("Masking:"));
    m_lengthLabel->setText(tr("Length:"));
    m_fragmentsLabel->setText(tr("Fragments:"));
    m_delayLabel->setText(tr("Delay:"));

    const auto name = [](quint8 value) -> QString {
        switch (value) {
        case 0x0:
            return tr("Continuation");
        case 0x1:
            return tr("Text");
        case 0x2:
            return tr("Binary");
        case 0x8:
            return tr("Close");
        case 0x9:
            return tr("Ping");
        case 0xA:
            return tr("Pong");
        default:
            return isControlOpcode(value) ? tr("Reserved (control)") : tr("Reserved (data)");
        }
    };
    const auto hex
        = [](quint8 value) -> QString { return QStringLiteral("0x") + QString::number(value, 16).toUpper(); };
    m_opcode->setItemText(0, tr("From the mode (%1: %2)").arg(name(m_modeOpcode), hex(m_modeOpcode)));
    for (int value = 0; value <= 0xF; ++value)
        m_opcode->setItemText(
            value + 1, QStringLiteral("%1 %2").arg(hex(quint8(value)), name(quint8(value))));
    m_opcode->setToolTip(tr("The 4-bit opcode (RFC 6455 §5.2); 0x3-0x7 and 0xB-0xF are reserved"));
    int widest = 0;
    for (int i = 0; i < m_opcode->count(); ++i)
        widest = qMax(widest, m_opcode->view()->fontMetrics().horizontalAdvance(m_opcode->itemText(i)));
    m_opcode->view()->setMinimumWidth(widest + 2 * m_opcode->view()->fontMetrics().averageCharWidth()
        + style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    // In a wide window the box shows its longest item whole; in a narrow one it shrinks.
    m_opcode->setMaximumWidth(widest + 4 * m_opcode->fontMetrics().averageCharWidth()
        + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 16);

    m_masking->setItemText(0, tr("None"));
    m_masking->setItemText(1, tr("Random key"));
    m_masking->setItemText(2, tr("Chosen key"));
    m_masking->setToolTip(m_context.sender == Endpoint::Client
            ? tr("RFC 6455 §5.1: a client masks every frame with a fresh random key")
            : tr("RFC 6455 §5.1: a server never masks its frames"));
    m_maskingKey->setAccessibleName(tr("Masking key (4 bytes in hex)"));
    m_maskingKey->setToolTip(tr("The masking key: 4 bytes in hex, spacing free (\"01 02 03 04\")"));

    m_lengthForm->setItemText(0, tr("Minimal"));
    m_lengthForm->setItemText(1, tr("7-bit"));
    m_lengthForm->setItemText(2, tr("16-bit (126)"));
    m_lengthForm->setItemText(3, tr("64-bit (127)"));
    m_declaredLengthOn->setText(tr("Declared length"));
    m_fragmentDelay->setSuffix(tr(" ms"));
    m_fragments->setToolTip(tr("Split the message into this many frames (RFC 6455 §5.4)"));
    m_fragmentDelay->setToolTip(tr("Pause between two fragments"));

    m_reset->setText(tr("Reset to Valid"));
    m_reset->setToolTip(tr("A correct single frame for this connection: FIN, no RSV bits, the mode's opcode, "
                           "masked from a client, the minimal length"));
    m_rsv1->setToolTip(tr("RSV1: defined by permessage-deflate (RFC 7692) for a compressed message"));
    m_rsv2->setToolTip(tr("RSV2: no extension in use defines it (RFC 6455 §5.2)"));
    m_rsv3->setToolTip(tr("RSV3: no extension in use defines it (RFC 6455 §5.2)"));
    updateEnabled();
    recheck(); // the rules' messages are translated as they are found
}

} // namespace Frameline
