#include "ui/decoder/decoderwidget.h"

#include "app/protocol/permessagedeflate.h"
#include "app/protocol/streamdecoder.h"
#include "ui/decoder/detailview.h"
#include "ui/decoder/framelistmodel.h"
#include "ui/decoder/frametext.h"
#include "ui/decoder/messagelistmodel.h"
#include "ui/decoder/violationdelegate.h"
#include "ui/widgets/hexformat.h"

#include <QtCore/QEvent>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTimer>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStyle>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

namespace {

// Pause after the last keystroke before decoding again.
constexpr int s_decodeDelayMs = 200;

QTreeView *makeListView(
    QAbstractItemModel *model, int severityRole, const QString &objectName, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(objectName);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setAllColumnsShowFocus(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setItemDelegate(new ViolationDelegate(severityRole, view));
    view->setModel(model);
    view->header()->setObjectName(objectName + QStringLiteral("Header"));
    view->header()->setStretchLastSection(true);
    view->header()->setSectionsMovable(true);
    return view;
}

// Keeps the user's place across a new decode: the same row if it still exists, else the last one, else
// the first.
int rowToKeep(int previousRow, int rowCount)
{
    if (rowCount == 0)
        return -1;
    return previousRow < 0 ? 0 : qMin(previousRow, rowCount - 1);
}

} // namespace

DecoderWidget::DecoderWidget(QWidget *parent)
    : QWidget(parent)
    , m_frameModel(new FrameListModel(this))
    , m_messageModel(new MessageListModel(this))
    , m_decodeTimer(new QTimer(this))
{
    m_decodeTimer->setSingleShot(true);
    m_decodeTimer->setInterval(s_decodeDelayMs);
    connect(m_decodeTimer, &QTimer::timeout, this, &DecoderWidget::decodeNow);

    buildUi();
    retranslateUi();
    setDefaultColumnWidths();
    decodeNow();
}

DecoderWidget::~DecoderWidget() = default;

void DecoderWidget::buildUi()
{
    // Input: the hex editor on the left, who sent it and the extensions on the right, a status line below.
    auto *inputPane = new QWidget(this);
    m_hexLabel = new QLabel(inputPane);
    m_hexEdit = new QPlainTextEdit(inputPane);
    m_hexEdit->setObjectName(QStringLiteral("hexInput"));
    m_hexEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_hexEdit->setTabChangesFocus(true);
    m_hexLabel->setBuddy(m_hexEdit);
    m_inputIcon = new QLabel(inputPane);
    m_inputStatus = new QLabel(inputPane);
    m_inputStatus->setObjectName(QStringLiteral("inputStatus"));
    m_inputStatus->setWordWrap(true);
    m_inputStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_senderLabel = new QLabel(inputPane);
    m_senderCombo = new QComboBox(inputPane);
    m_senderCombo->setObjectName(QStringLiteral("sender"));
    m_senderCombo->addItem(QString(), int(Endpoint::Client));
    m_senderCombo->addItem(QString(), int(Endpoint::Server));
    m_senderLabel->setBuddy(m_senderCombo);
    m_extensionsLabel = new QLabel(inputPane);
    m_extensionsEdit = new QLineEdit(inputPane);
    m_extensionsEdit->setObjectName(QStringLiteral("extensions"));
    m_extensionsEdit->setClearButtonEnabled(true);
    m_extensionsLabel->setBuddy(m_extensionsEdit);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_inputIcon, 0, Qt::AlignTop);
    statusRow->addWidget(m_inputStatus, 1);
    auto *hexColumn = new QVBoxLayout;
    hexColumn->addWidget(m_hexLabel);
    hexColumn->addWidget(m_hexEdit, 1);
    hexColumn->addLayout(statusRow);
    auto *optionsColumn = new QVBoxLayout;
    optionsColumn->addWidget(m_senderLabel);
    optionsColumn->addWidget(m_senderCombo);
    optionsColumn->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing) * 2);
    optionsColumn->addWidget(m_extensionsLabel);
    optionsColumn->addWidget(m_extensionsEdit);
    optionsColumn->addStretch(1);
    auto *inputLayout = new QHBoxLayout(inputPane);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    inputLayout->addLayout(hexColumn, 3);
    inputLayout->addLayout(optionsColumn, 1);

    // Output: frames and messages in tabs, the details of the selected row below.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("decodedTabs"));
    m_tabs->setDocumentMode(true);
    m_frameView
        = makeListView(m_frameModel, FrameListModel::SeverityRole, QStringLiteral("frameList"), m_tabs);
    m_messageView
        = makeListView(m_messageModel, MessageListModel::SeverityRole, QStringLiteral("messageList"), m_tabs);
    m_tabs->addTab(m_frameView, QString());
    m_tabs->addTab(m_messageView, QString());
    m_detailView = new DetailView(this);
    m_detailView->setObjectName(QStringLiteral("detailView"));

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("decoderSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(inputPane);
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_detailView);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    const int line = fontMetrics().lineSpacing();
    m_splitter->setSizes({ line * 9, line * 16, line * 14 });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);

    connect(m_hexEdit, &QPlainTextEdit::textChanged, this, &DecoderWidget::onHexEdited);
    connect(m_senderCombo, &QComboBox::currentIndexChanged, this, &DecoderWidget::decodeNow);
    connect(m_extensionsEdit, &QLineEdit::textChanged, this, &DecoderWidget::scheduleDecode);
    connect(m_frameView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &DecoderWidget::showCurrentDetails);
    connect(m_messageView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &DecoderWidget::showCurrentDetails);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DecoderWidget::showCurrentDetails);
}

void DecoderWidget::retranslateUi()
{
    m_hexLabel->setText(tr("&Bytes after the handshake, as hex:"));
    // The example comes first and untranslated: a line of hex that follows translated words is drawn in
    // the font chosen for their script, not in the monospaced one.
    m_hexEdit->setPlaceholderText(QStringLiteral("81 05 48 65 6c 6c 6f\n")
        + tr("Paste the bytes one endpoint sent after the opening handshake, as hex "
             "like the line above. Spaces, line breaks, commas and 0x prefixes are "
             "fine. Or open a file of raw bytes (File menu)."));
    m_senderLabel->setText(tr("&Sent by:"));
    m_senderCombo->setItemText(0, tr("Client (frames must be masked)"));
    m_senderCombo->setItemText(1, tr("Server (frames must not be masked)"));
    m_extensionsLabel->setText(tr("Agreed Sec-WebSocket-&Extensions:"));
    m_extensionsEdit->setPlaceholderText(tr("none (e.g. permessage-deflate)"));
    m_extensionsEdit->setToolTip(
        tr("The permessage-deflate element of the server's Sec-WebSocket-Extensions response header, e.g.\n"
           "permessage-deflate; server_no_context_takeover\n"
           "With it, compressed messages are inflated and RSV1 is allowed on their first frame."));
    m_frameModel->retranslate();
    m_messageModel->retranslate();
    updateTexts();
}

void DecoderWidget::setDefaultColumnWidths()
{
    const QFontMetrics metrics = m_frameView->fontMetrics();
    const int padding = metrics.averageCharWidth() * 3;
    auto width = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + padding; };
    auto headerWidth = [&](QAbstractItemModel *model, int column) {
        return width(model->headerData(column, Qt::Horizontal).toString());
    };
    const int iconWidth
        = m_frameView->style()->pixelMetric(QStyle::PM_SmallIconSize) + metrics.averageCharWidth();

    QHeaderView *frames = m_frameView->header();
    frames->resizeSection(FrameListModel::IndexColumn, width(QStringLiteral("0000")) + iconWidth);
    frames->resizeSection(FrameListModel::OffsetColumn,
        qMax(width(QStringLiteral("00000000")), headerWidth(m_frameModel, FrameListModel::OffsetColumn)));
    for (int column : { FrameListModel::FinColumn, FrameListModel::Rsv1Column, FrameListModel::Rsv2Column,
             FrameListModel::Rsv3Column, FrameListModel::MaskColumn })
        frames->resizeSection(column, headerWidth(m_frameModel, column));
    frames->resizeSection(FrameListModel::OpcodeColumn, width(QStringLiteral("continuation (0x0)")));
    frames->resizeSection(FrameListModel::MaskingKeyColumn,
        qMax(width(QStringLiteral("00 00 00 00")),
            headerWidth(m_frameModel, FrameListModel::MaskingKeyColumn)));
    frames->resizeSection(FrameListModel::LengthColumn,
        qMax(width(QStringLiteral("00000000")), headerWidth(m_frameModel, FrameListModel::LengthColumn)));
    frames->resizeSection(FrameListModel::LengthFormColumn,
        qMax(width(FrameText::lengthForm(LengthForm::Bits16)),
            headerWidth(m_frameModel, FrameListModel::LengthFormColumn)));
    frames->resizeSection(FrameListModel::PayloadColumn, metrics.averageCharWidth() * 30);

    QHeaderView *messages = m_messageView->header();
    messages->resizeSection(MessageListModel::IndexColumn, width(QStringLiteral("0000")) + iconWidth);
    messages->resizeSection(MessageListModel::OffsetColumn,
        qMax(width(QStringLiteral("00000000")), headerWidth(m_messageModel, MessageListModel::OffsetColumn)));
    messages->resizeSection(MessageListModel::OpcodeColumn, width(QStringLiteral("binary (0x2)")));
    messages->resizeSection(MessageListModel::FramesColumn, width(QStringLiteral("000–000, 000")));
    for (int column : { MessageListModel::LengthColumn, MessageListModel::WireLengthColumn })
        messages->resizeSection(
            column, qMax(width(QStringLiteral("00000000")), headerWidth(m_messageModel, column)));
    messages->resizeSection(
        MessageListModel::CompressedColumn, headerWidth(m_messageModel, MessageListModel::CompressedColumn));
    messages->resizeSection(MessageListModel::PayloadColumn, metrics.averageCharWidth() * 48);
}

void DecoderWidget::setHexText(const QString &hex)
{
    m_settingText = true;
    m_hexEdit->setPlainText(hex);
    m_settingText = false;
    m_inputFromFile = false;
    m_fileBytes.clear();
    m_fileName.clear();
    decodeNow();
}

QString DecoderWidget::hexText() const
{
    return m_hexEdit->toPlainText();
}

bool DecoderWidget::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    if (file.size() > MaxFileSize) {
        if (error)
            *error = tr("The file has %1 bytes; the decoder window reads at most %2.")
                         .arg(file.size())
                         .arg(MaxFileSize);
        return false;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = file.errorString();
        return false;
    }

    m_settingText = true;
    if (bytes.size() <= MaxFileShownAsHex) {
        m_hexEdit->setPlainText(HexFormat::lines(bytes));
        m_inputFromFile = false;
        m_fileBytes.clear();
    } else {
        m_hexEdit->clear();
        m_inputFromFile = true;
        m_fileBytes = std::move(bytes);
    }
    m_settingText = false;
    m_fileName = QFileInfo(path).fileName();
    decodeNow();
    return true;
}

void DecoderWidget::setSender(Endpoint sender)
{
    m_senderCombo->setCurrentIndex(m_senderCombo->findData(int(sender)));
}

Endpoint DecoderWidget::sender() const
{
    return Endpoint(m_senderCombo->currentData().toInt());
}

void DecoderWidget::setExtensions(const QString &value)
{
    m_extensionsEdit->setText(value);
    decodeNow();
}

QString DecoderWidget::extensions() const
{
    return m_extensionsEdit->text();
}

void DecoderWidget::onHexEdited()
{
    if (m_settingText)
        return;
    // Typing replaces whatever a file provided.
    m_inputFromFile = false;
    m_fileBytes.clear();
    m_fileName.clear();
    scheduleDecode();
}

void DecoderWidget::scheduleDecode()
{
    m_decodeTimer->start();
}

void DecoderWidget::decodeNow()
{
    m_decodeTimer->stop();
    m_inputError = InputError::None;
    m_errorDetail.clear();

    QByteArray bytes;
    if (m_inputFromFile) {
        bytes = m_fileBytes;
    } else {
        const QString text = m_hexEdit->toPlainText();
        HexFormat::ParseResult parsed = HexFormat::parse(text);
        if (parsed.ok()) {
            bytes = std::move(parsed.bytes);
        } else {
            m_inputError = InputError::Hex;
            m_errorDetail = parsed.error;
            const QStringView before = QStringView(text).first(parsed.errorPosition);
            m_errorLine = before.count(QLatin1Char('\n')) + 1;
            m_errorColumn = parsed.errorPosition - (before.lastIndexOf(QLatin1Char('\n')) + 1) + 1;
        }
    }
    m_inputEmpty = bytes.isEmpty() && m_inputError == InputError::None;

    StreamDecoder::Options options;
    options.sender = sender();
    const QString extensionsValue = extensions().trimmed();
    if (!extensionsValue.isEmpty() && m_inputError == InputError::None) {
        QString error;
        options.deflate = PerMessageDeflate::parseAgreed(extensionsValue.toUtf8(), &error);
        if (!options.deflate) {
            m_inputError = InputError::Extensions;
            m_errorDetail = error;
        }
    }

    const int previousFrameRow = m_frameView->currentIndex().row();
    const int previousMessageRow = m_messageView->currentIndex().row();
    m_decoded = m_inputError == InputError::Hex ? DecodedStream() : DecodedStream::decode(bytes, options);
    m_frameModel->setFrames(m_decoded.frames);
    m_messageModel->setMessages(m_decoded.messages);

    const int frameRow = rowToKeep(previousFrameRow, m_frameModel->rowCount());
    if (frameRow >= 0)
        m_frameView->setCurrentIndex(m_frameModel->index(frameRow, 0));
    const int messageRow = rowToKeep(previousMessageRow, m_messageModel->rowCount());
    if (messageRow >= 0)
        m_messageView->setCurrentIndex(m_messageModel->index(messageRow, 0));
    showCurrentDetails();
    updateTexts();
}

void DecoderWidget::selectFrame(int row)
{
    m_tabs->setCurrentWidget(m_frameView);
    const QModelIndex index = m_frameModel->index(row, 0);
    m_frameView->setCurrentIndex(index);
    m_frameView->scrollTo(index);
}

QString DecoderWidget::detailText() const
{
    return m_detailView->toPlainText();
}

QString DecoderWidget::inputStatus() const
{
    return m_inputStatus->text();
}

void DecoderWidget::showCurrentDetails()
{
    if (m_tabs->currentWidget() == m_messageView) {
        const QModelIndex current = m_messageView->currentIndex();
        if (current.isValid())
            m_detailView->showMessage(m_messageModel->messageAt(current.row()));
        else
            m_detailView->showNothing();
        return;
    }
    const QModelIndex current = m_frameView->currentIndex();
    if (current.isValid())
        m_detailView->showFrame(m_frameModel->frameAt(current.row()));
    else
        m_detailView->showNothing();
}

void DecoderWidget::updateTexts()
{
    m_tabs->setTabText(m_tabs->indexOf(m_frameView), tr("&Frames (%1)").arg(m_decoded.frames.size()));
    m_tabs->setTabText(m_tabs->indexOf(m_messageView), tr("&Messages (%1)").arg(m_decoded.messages.size()));

    // What the input holds.
    QString input;
    QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
    if (m_inputError == InputError::Hex) {
        input = tr("Line %1, column %2: %3").arg(m_errorLine).arg(m_errorColumn).arg(m_errorDetail);
        icon = QStyle::SP_MessageBoxCritical;
    } else if (m_inputEmpty) {
        input = tr("No bytes yet.");
    } else if (m_inputFromFile) {
        input
            = tr("%1 bytes from %2, decoded directly (too large to show as hex; typing here replaces them).")
                  .arg(m_decoded.inputBytes)
                  .arg(m_fileName);
    } else if (!m_fileName.isEmpty()) {
        input = tr("%1 bytes from %2.").arg(m_decoded.inputBytes).arg(m_fileName);
    } else {
        input = tr("%1 bytes.").arg(m_decoded.inputBytes);
    }
    if (m_inputError == InputError::Extensions) {
        input += QLatin1Char(' ') + tr("Sec-WebSocket-Extensions not used: %1").arg(m_errorDetail);
        icon = QStyle::SP_MessageBoxWarning;
    }
    m_inputStatus->setText(input);
    if (icon == QStyle::SP_CustomBase) {
        m_inputIcon->clear();
        m_inputIcon->hide();
    } else {
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
        m_inputIcon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
        m_inputIcon->show();
    }

    // What was decoded.
    QString summaryText;
    if (m_inputError == InputError::Hex) {
        summaryText = tr("Nothing decoded: the input is not valid hex.");
    } else if (m_inputEmpty) {
        summaryText = tr("Nothing to decode yet.");
    } else {
        summaryText = tr("Frames: %1 · Messages: %2 · Violations: %3 · Trailing bytes: %4")
                          .arg(m_decoded.frames.size())
                          .arg(m_decoded.messages.size())
                          .arg(m_decoded.violationCount)
                          .arg(m_decoded.trailingBytes);
        if (m_decoded.unfinishedMessage) {
            summaryText += QStringLiteral(" · ")
                + tr("Unfinished message: %1 frames so far")
                      .arg(m_decoded.unfinishedMessage->frameIndexes.size());
        }
    }
    if (summaryText != m_summary) {
        m_summary = summaryText;
        Q_EMIT summaryChanged(m_summary);
    }
}

void DecoderWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // Error messages and previews were written in the old language: decode again.
        decodeNow();
    }
    QWidget::changeEvent(event);
}

} // namespace Frameline
