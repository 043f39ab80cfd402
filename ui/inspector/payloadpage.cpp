#include "ui/inspector/payloadpage.h"

#include "app/protocol/opcode.h"
#include "app/protocol/utf8validator.h"
#include "ui/decoder/frametext.h"
#include "ui/inspector/hexview.h"
#include "ui/inspector/inspectorpalette.h"
#include "ui/inspector/inspectortext.h"
#include "ui/inspector/jsonview.h"
#include "ui/inspector/markhighlighter.h"

#include <QtCore/QEvent>
#include <QtCore/QSaveFile>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtGui/QTextCursor>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QTabBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

namespace {

QLabel *makeNote(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setContentsMargins(4, 2, 4, 2);
    return label;
}

} // namespace

PayloadPage::PayloadPage(QWidget *parent)
    : QWidget(parent)
{
    buildUi();
    retranslateUi();
    setDetails(EntryDetails());
}

PayloadPage::~PayloadPage() = default;

void PayloadPage::buildUi()
{
    m_copyAsText = new QAction(this);
    m_copyAsText->setObjectName(QStringLiteral("copyAsText"));
    m_copyAsHex = new QAction(this);
    m_copyAsHex->setObjectName(QStringLiteral("copyAsHex"));
    m_copyAsBase64 = new QAction(this);
    m_copyAsBase64->setObjectName(QStringLiteral("copyAsBase64"));
    m_copyAsJson = new QAction(this);
    m_copyAsJson->setObjectName(QStringLiteral("copyAsJson"));
    m_savePayload = new QAction(this);
    m_savePayload->setObjectName(QStringLiteral("savePayload"));
    m_savePayload->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    connect(m_copyAsText, &QAction::triggered, this,
        [this] { QGuiApplication::clipboard()->setText(PayloadFormat::asText(m_details.payload)); });
    connect(m_copyAsHex, &QAction::triggered, this,
        [this] { QGuiApplication::clipboard()->setText(PayloadFormat::asHex(m_details.payload)); });
    connect(m_copyAsBase64, &QAction::triggered, this,
        [this] { QGuiApplication::clipboard()->setText(PayloadFormat::asBase64(m_details.payload)); });
    connect(m_copyAsJson, &QAction::triggered, this, [this] {
        if (m_validUtf8 && PayloadFormat::looksLikeJson(m_details.payload) && jsonReading().valid)
            QGuiApplication::clipboard()->setText(QString::fromUtf8(jsonReading().pretty));
        else
            QGuiApplication::clipboard()->setText(PayloadFormat::asJson(m_details.payload));
    });
    connect(m_savePayload, &QAction::triggered, this, &PayloadPage::onSavePayload);

    m_stack = new QStackedWidget(this);
    m_placeholder = makeNote(QStringLiteral("payloadPlaceholder"), m_stack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_placeholder);

    auto *content = new QWidget(m_stack);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    m_info = makeNote(QStringLiteral("payloadInfo"), content);
    bar->addWidget(m_info, 1);
    m_copyButton = new QToolButton(content);
    m_copyButton->setObjectName(QStringLiteral("copyPayloadButton"));
    m_copyButton->setPopupMode(QToolButton::InstantPopup);
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyButton->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    auto *copyMenu = new QMenu(m_copyButton);
    copyMenu->addAction(m_copyAsText);
    copyMenu->addAction(m_copyAsHex);
    copyMenu->addAction(m_copyAsBase64);
    copyMenu->addAction(m_copyAsJson);
    m_copyButton->setMenu(copyMenu);
    bar->addWidget(m_copyButton);
    m_saveButton = new QToolButton(content);
    m_saveButton->setObjectName(QStringLiteral("savePayloadButton"));
    m_saveButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_saveButton->setDefaultAction(m_savePayload);
    bar->addWidget(m_saveButton);
    contentLayout->addLayout(bar);

    m_views = new QTabWidget(content);
    m_views->setObjectName(QStringLiteral("payloadViews"));
    m_views->setDocumentMode(true);

    auto *textPage = new QWidget(m_views);
    auto *textLayout = new QVBoxLayout(textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->setSpacing(0);
    m_text = new QPlainTextEdit(textPage);
    m_text->setObjectName(QStringLiteral("payloadText"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setUndoRedoEnabled(false);
    m_marks = new MarkHighlighter(m_text->document(), m_text->palette());
    textLayout->addWidget(m_text);
    m_textNote = makeNote(QStringLiteral("payloadTextNote"), textPage);
    textLayout->addWidget(m_textNote);
    m_views->addTab(textPage, QString());

    auto *jsonPage = new QWidget(m_views);
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    jsonLayout->setSpacing(0);
    m_jsonError = makeNote(QStringLiteral("jsonError"), jsonPage);
    jsonLayout->addWidget(m_jsonError);
    m_jsonView = new JsonView(jsonPage);
    m_jsonView->setObjectName(QStringLiteral("payloadJson"));
    jsonLayout->addWidget(m_jsonView);
    m_views->addTab(jsonPage, QString());

    m_hexView = new HexView(m_views);
    m_hexView->setObjectName(QStringLiteral("payloadHex"));
    m_views->addTab(m_hexView, QString());

    // A click on a tab is the user's choice and sticks for the next payloads; switching in code is not.
    connect(m_views->tabBar(), &QTabBar::tabBarClicked, this, [this](int index) {
        if (index >= 0)
            m_preferredView = View(index);
    });
    connect(m_views, &QTabWidget::currentChanged, this, [this] { fillCurrentView(); });
    contentLayout->addWidget(m_views, 1);
    m_stack->addWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

void PayloadPage::retranslateUi()
{
    m_copyAsText->setText(tr("Copy as Text"));
    m_copyAsHex->setText(tr("Copy as Hex"));
    m_copyAsBase64->setText(tr("Copy as Base64"));
    m_copyAsJson->setText(tr("Copy as JSON"));
    m_savePayload->setText(tr("Save Payload…"));
    m_savePayload->setToolTip(tr("Save the payload's exact bytes to a file"));
    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(tr("Copy the payload to the clipboard"));
    m_views->setTabText(int(View::Text), tr("Text"));
    m_views->setTabText(int(View::Json), tr("JSON"));
    m_views->setTabText(int(View::Hex), tr("Hex"));
    m_placeholder->setText(m_details.kind == EntryDetails::Kind::Notice
            ? tr("A notice has no payload.")
            : tr("Select a frame or a message to see its payload."));
    if (m_hasPayload) {
        updateInfo();
        m_textFilled = m_jsonFilled = false;
        fillCurrentView();
    }
}

void PayloadPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_marks->setPalette(m_text->palette());
}

bool PayloadPage::hasPayload() const
{
    return m_hasPayload;
}

void PayloadPage::setDetails(const EntryDetails &details)
{
    m_details = details;
    m_json.reset();
    m_textFilled = m_jsonFilled = m_hexFilled = false;
    m_hasPayload = details.kind == EntryDetails::Kind::Frame || details.kind == EntryDetails::Kind::Message;
    if (!m_hasPayload) {
        m_validUtf8 = false;
        m_text->clear();
        m_jsonView->setContent(QByteArray());
        m_hexView->setData(QByteArray());
        m_stack->setCurrentWidget(m_placeholder);
        retranslateUi();
        for (QAction *action : { m_copyAsText, m_copyAsHex, m_copyAsBase64, m_copyAsJson, m_savePayload })
            action->setEnabled(false);
        return;
    }
    m_validUtf8 = Utf8Validator::isValid(m_details.payload);
    const bool any = !m_details.payload.isEmpty();
    m_copyAsText->setEnabled(any);
    m_copyAsHex->setEnabled(any);
    m_copyAsBase64->setEnabled(any);
    m_copyAsJson->setEnabled(any && m_validUtf8);
    m_savePayload->setEnabled(any);
    m_stack->setCurrentIndex(1);
    updateInfo();

    const View view = chooseView();
    if (m_views->currentIndex() == int(view))
        fillCurrentView();
    else
        m_views->setCurrentIndex(int(view)); // fills it
}

PayloadPage::View PayloadPage::currentView() const
{
    return View(m_views->currentIndex());
}

void PayloadPage::setCurrentView(View view)
{
    m_preferredView = view;
    m_views->setCurrentIndex(int(view));
}

const PayloadFormat::JsonReading &PayloadPage::jsonReading()
{
    if (!m_json) {
        if (m_details.payload.size() > JsonLimit) {
            PayloadFormat::JsonReading tooLarge;
            tooLarge.error = tr("The payload is too large for the JSON view (over %1).")
                                 .arg(InspectorText::byteCount(JsonLimit));
            m_json = tooLarge;
        } else {
            m_json = PayloadFormat::readJson(m_details.payload);
        }
    }
    return *m_json;
}

PayloadPage::View PayloadPage::chooseView() const
{
    const bool isText = m_details.frame.opcode == quint8(Opcode::Text)
        || (m_details.kind == EntryDetails::Kind::Frame
            && m_details.frame.messageOpcode == quint8(Opcode::Text) && !m_details.compressed
            && !m_details.frame.compressed);
    // The compressed bytes of a frame are not text whatever the message is.
    const bool compressedFrame = m_details.kind == EntryDetails::Kind::Frame
        && (m_details.compressed || m_details.frame.compressed) && !m_details.frame.isControl();
    if (m_preferredView == View::Hex || compressedFrame)
        return View::Hex;
    if (m_validUtf8 && m_details.payload.size() <= AutoJsonLimit
        && PayloadFormat::looksLikeJson(m_details.payload)
        && const_cast<PayloadPage *>(this)->jsonReading().valid)
        return View::Json;
    if (m_validUtf8 || isText)
        return View::Text;
    return View::Hex;
}

void PayloadPage::updateInfo()
{
    const Frame &frame = m_details.frame;
    const QString size = InspectorText::byteCount(m_details.payload.size());
    QString info;
    if (m_details.kind == EntryDetails::Kind::Message) {
        info = tr("%1 message, %2").arg(opcodeName(frame.opcode), size);
        if (m_details.compressed) {
            info += QLatin1Char(' ')
                + tr("inflated from %1 compressed on the wire")
                      .arg(InspectorText::byteCount(qint64(m_details.wireLength)));
        }
    } else if (frame.payloadOmitted) {
        info = tr("The payload was not kept: %1 declared, over the frame size limit.")
                   .arg(InspectorText::byteCount(qint64(frame.payloadLength)));
    } else if ((m_details.compressed || frame.compressed) && !frame.isControl()) {
        info = tr("%1 frame, %2 compressed as on the wire (unmasked); select its message to see it inflated")
                   .arg(opcodeName(frame.opcode), size);
    } else {
        info = tr("%1 frame, %2 (unmasked)").arg(opcodeName(frame.opcode), size);
    }
    if (m_details.payloadTruncated)
        info += QStringLiteral(" · ") + tr("Only part of the payload was kept.");
    // RFC 6455 §8.1: a text message must be UTF-8.
    if (!m_validUtf8 && frame.opcode == quint8(Opcode::Text))
        info += QStringLiteral(" · ") + tr("Not valid UTF-8: the bad bytes are marked.");
    m_info->setText(info);
}

void PayloadPage::fillCurrentView()
{
    if (!m_hasPayload)
        return;
    switch (currentView()) {
    case View::Text:
        if (!m_textFilled)
            fillText();
        break;
    case View::Json:
        if (!m_jsonFilled)
            fillJson();
        break;
    case View::Hex:
        if (!m_hexFilled) {
            m_hexView->setData(m_details.payload);
            m_hexFilled = true;
        }
        break;
    }
}

void PayloadPage::fillText()
{
    m_textFilled = true;
    const QByteArrayView payload(m_details.payload);
    qsizetype shown = payload.size();
    if (shown > TextLimit) {
        // Cut on a character boundary, so the last character is not marked as broken.
        shown = TextLimit;
        for (int back = 0; back < 3 && shown > 0 && (quint8(payload[shown]) & 0xC0) == 0x80; ++back)
            --shown;
    }
    QString text;
    QList<MarkHighlighter::Mark> marks;
    for (const PayloadFormat::TextRun &run : PayloadFormat::textRuns(payload.first(shown))) {
        if (run.kind != PayloadFormat::TextRun::Kind::Text) {
            if (marks.size() == MarkedRunLimit) {
                shown = run.byteOffset;
                break;
            }
            marks.append({ int(text.size()), int(run.text.size()),
                run.kind == PayloadFormat::TextRun::Kind::InvalidByte ? MarkHighlighter::Kind::Invalid
                                                                      : MarkHighlighter::Kind::Control });
        }
        // A CR LF pair is one line break (the document would make two of it); a lone CR stays a break.
        text += run.kind == PayloadFormat::TextRun::Kind::Text && run.text.contains(QLatin1Char('\r'))
            ? QString(run.text).replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
            : run.text;
    }
    // One insert: every character (line breaks included) is one document position, as the marks count.
    m_marks->setMarks(marks);
    m_text->setPlainText(text);
    m_text->moveCursor(QTextCursor::Start);

    if (shown < payload.size()) {
        m_textNote->setText(
            tr("Showing the first %1 of %2. The Hex view and Save Payload… have every byte.")
                .arg(InspectorText::byteCount(shown), InspectorText::byteCount(payload.size())));
        m_textNote->show();
    } else {
        m_textNote->clear();
        m_textNote->hide();
    }
}

void PayloadPage::fillJson()
{
    m_jsonFilled = true;
    const PayloadFormat::JsonReading &reading = jsonReading();
    if (reading.valid) {
        m_jsonError->clear();
        m_jsonError->hide();
        m_jsonView->setContent(reading.pretty);
        return;
    }
    QPalette errorPalette = m_jsonError->palette();
    errorPalette.setColor(
        QPalette::WindowText, InspectorPalette::color(palette(), InspectorPalette::Role::Bad));
    m_jsonError->setPalette(errorPalette);
    if (reading.errorOffset < 0) {
        m_jsonError->setText(reading.error);
        m_jsonView->setContent(QByteArray());
    } else {
        m_jsonError->setText(tr("Not valid JSON: %1 at byte %2 (line %3, column %4).")
                                 .arg(reading.error)
                                 .arg(reading.errorOffset)
                                 .arg(reading.errorLine)
                                 .arg(reading.errorColumn));
        m_jsonView->setContent(m_details.payload);
        m_jsonView->markByteOffset(reading.errorOffset);
    }
    m_jsonError->show();
}

QString PayloadPage::suggestedFileName() const
{
    const QString stem = m_details.kind == EntryDetails::Kind::Message ? QStringLiteral("message-%1")
                                                                       : QStringLiteral("frame-%1");
    QString extension = QStringLiteral("bin");
    if (m_validUtf8 && !m_details.payload.isEmpty()) {
        extension = (PayloadFormat::looksLikeJson(m_details.payload) && m_json && m_json->valid)
            ? QStringLiteral("json")
            : QStringLiteral("txt");
    }
    return stem.arg(m_details.id) + QLatin1Char('.') + extension;
}

bool PayloadPage::savePayloadTo(const QString &fileName, QString *error) const
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    if (file.write(m_details.payload) != m_details.payload.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        file.cancelWriting();
        return false;
    }
    return true;
}

void PayloadPage::onSavePayload()
{
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Save Payload"), suggestedFileName());
    if (fileName.isEmpty())
        return;
    QString error;
    if (!savePayloadTo(fileName, &error)) {
        QMessageBox::warning(this, tr("Save Payload"),
            tr("Could not save the payload to “%1”: %2").arg(QDir::toNativeSeparators(fileName), error));
    }
}

} // namespace Frameline
