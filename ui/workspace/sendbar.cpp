#include "ui/workspace/sendbar.h"

#include "ui/widgets/hexformat.h"

#include <QtCore/QEvent>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>

#include <limits>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

SendBar::SendBar(QWidget *parent)
    : QWidget(parent)
    , m_target(new QLabel(this))
    , m_message(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_send(new QPushButton(this))
    , m_ping(new QPushButton(this))
    , m_close(new QPushButton(this))
    , m_closeCode(new QSpinBox(this))
    , m_closeReason(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_codeLabel(new QLabel(this))
{
    m_message->setObjectName(QStringLiteral("messageEdit"));
    // QLineEdit cuts text at 32767 characters unless told otherwise: a debugger sends what was typed.
    m_message->setMaxLength(std::numeric_limits<int>::max());
    m_format->setObjectName(QStringLiteral("messageFormat"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_ping->setObjectName(QStringLiteral("pingButton"));
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_closeCode->setObjectName(QStringLiteral("closeCode"));
    m_closeReason->setObjectName(QStringLiteral("closeReason"));
    m_error->setObjectName(QStringLiteral("sendError"));
    m_target->setObjectName(QStringLiteral("sendTarget"));
    m_target->hide();

    m_format->addItem(QString(), QVariant::fromValue(int(Format::Text)));
    m_format->addItem(QString(), QVariant::fromValue(int(Format::BinaryHex)));
    m_send->setIcon(QIcon(QStringLiteral(":/icons/send.svg")));
    m_send->setDefault(false);
    m_closeCode->setRange(1000, 4999);
    m_closeCode->setValue(1000);
    m_codeLabel->setBuddy(m_closeCode);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d0463c;"));
    m_error->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_target);
    row->addWidget(m_message, 1);
    row->addWidget(m_format);
    row->addWidget(m_send);
    row->addSpacing(12);
    row->addWidget(m_ping);
    row->addSpacing(12);
    row->addWidget(m_codeLabel);
    row->addWidget(m_closeCode);
    row->addWidget(m_closeReason);
    row->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_error);

    connect(m_message, &QLineEdit::returnPressed, this, &SendBar::onSend);
    connect(m_send, &QPushButton::clicked, this, &SendBar::onSend);
    connect(m_message, &QLineEdit::textEdited, this, [this] { showError(QString()); });
    connect(m_ping, &QPushButton::clicked, this, [this] { Q_EMIT pingRequested(QByteArray()); });
    connect(m_close, &QPushButton::clicked, this,
        [this] { Q_EMIT closeRequested(quint16(m_closeCode->value()), m_closeReason->text()); });

    retranslateUi();
    setConnected(false);
}

void SendBar::setConnected(bool connected)
{
    m_connected = connected;
    m_send->setEnabled(connected);
    m_ping->setEnabled(connected);
    m_close->setEnabled(connected);
}

void SendBar::setTargetText(const QString &text)
{
    m_target->setText(text);
    m_target->setVisible(!text.isEmpty());
}

void SendBar::onSend()
{
    if (!m_connected)
        return;
    const auto format = Format(m_format->currentData().toInt());
    if (format == Format::Text) {
        Q_EMIT sendRequested(0x1, m_message->text().toUtf8());
    } else {
        const HexFormat::ParseResult parsed = HexFormat::parse(m_message->text());
        if (!parsed.ok()) {
            showError(tr("Not hex bytes: %1").arg(parsed.error));
            if (parsed.errorPosition >= 0)
                m_message->setCursorPosition(int(parsed.errorPosition));
            return;
        }
        Q_EMIT sendRequested(0x2, parsed.bytes);
    }
    showError(QString());
    m_message->selectAll();
}

void SendBar::showError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

void SendBar::retranslateUi()
{
    m_message->setPlaceholderText(tr("Message to send"));
    m_format->setItemText(0, tr("Text"));
    m_format->setItemText(1, tr("Binary (hex)"));
    m_format->setToolTip(tr("Send the field as a UTF-8 text message, or as a binary message written in hex"));
    m_send->setText(tr("&Send"));
    m_ping->setText(tr("Pin&g"));
    m_ping->setToolTip(tr("Send a Ping frame"));
    m_codeLabel->setText(tr("Close code:"));
    m_closeReason->setPlaceholderText(tr("Reason"));
    m_close->setText(tr("C&lose"));
    m_close->setToolTip(tr("Start the closing handshake with this code and reason"));
}

void SendBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Frameline
