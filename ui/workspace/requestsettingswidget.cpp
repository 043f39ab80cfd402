#include "ui/workspace/requestsettingswidget.h"

#include <QtCore/QEvent>
#include <QtGui/QIcon>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

namespace {

QSpinBox *millisecondBox(QWidget *parent, const QString &objectName, int minimum, int maximum)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(minimum, maximum);
    box->setSingleStep(500);
    box->setAccelerated(true);
    return box;
}

} // namespace

RequestSettingsWidget::RequestSettingsWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("requestSettings"));

    // Request
    m_requestGroup = new QGroupBox(this);
    m_requestForm = new QFormLayout(m_requestGroup);
    m_origin = new QLineEdit(m_requestGroup);
    m_origin->setObjectName(QStringLiteral("origin"));
    m_subprotocols = new QLineEdit(m_requestGroup);
    m_subprotocols->setObjectName(QStringLiteral("subprotocols"));
    m_deflate = new QCheckBox(m_requestGroup);
    m_deflate->setObjectName(QStringLiteral("offerDeflate"));
    m_headers = new QTableWidget(0, 2, m_requestGroup);
    m_headers->setObjectName(QStringLiteral("headersTable"));
    m_headers->verticalHeader()->hide();
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->horizontalHeader()->setObjectName(QStringLiteral("requestHeadersHeader"));
    m_headers->setMinimumHeight(90);
    m_headers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_addHeader = new QPushButton(m_requestGroup);
    m_addHeader->setObjectName(QStringLiteral("addHeader"));
    m_removeHeader = new QPushButton(m_requestGroup);
    m_removeHeader->setObjectName(QStringLiteral("removeHeader"));
    auto *headerButtons = new QHBoxLayout;
    headerButtons->addWidget(m_addHeader);
    headerButtons->addWidget(m_removeHeader);
    headerButtons->addStretch(1);
    auto *headersBox = new QWidget(m_requestGroup);
    auto *headersLayout = new QVBoxLayout(headersBox);
    headersLayout->setContentsMargins(0, 0, 0, 0);
    headersLayout->addWidget(m_headers);
    headersLayout->addLayout(headerButtons);
    addLabelledRow(m_requestForm, headersBox);
    addLabelledRow(m_requestForm, m_origin);
    addLabelledRow(m_requestForm, m_subprotocols);
    m_requestForm->addRow(m_deflate);
    m_requestForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    // Timeouts
    m_timeoutGroup = new QGroupBox(this);
    m_timeoutForm = new QFormLayout(m_timeoutGroup);
    m_connectTimeout = millisecondBox(m_timeoutGroup, QStringLiteral("connectTimeout"), 100, 600000);
    m_handshakeTimeout = millisecondBox(m_timeoutGroup, QStringLiteral("handshakeTimeout"), 100, 600000);
    m_closeTimeout = millisecondBox(m_timeoutGroup, QStringLiteral("closeTimeout"), 100, 600000);
    addLabelledRow(m_timeoutForm, m_connectTimeout);
    addLabelledRow(m_timeoutForm, m_handshakeTimeout);
    addLabelledRow(m_timeoutForm, m_closeTimeout);

    // TLS
    m_tlsGroup = new QGroupBox(this);
    m_tlsForm = new QFormLayout(m_tlsGroup);
    m_tlsForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_verify = new QCheckBox(m_tlsGroup);
    m_verify->setObjectName(QStringLiteral("verifyCertificates"));
    m_caFile = new QLineEdit(m_tlsGroup);
    m_certificateFile = new QLineEdit(m_tlsGroup);
    m_keyFile = new QLineEdit(m_tlsGroup);
    m_tlsForm->addRow(m_verify);
    addLabelledRow(m_tlsForm, fileField(m_caFile, new QPushButton(m_tlsGroup), QStringLiteral("caFile")));
    addLabelledRow(m_tlsForm,
        fileField(m_certificateFile, new QPushButton(m_tlsGroup), QStringLiteral("certificateFile")));
    addLabelledRow(m_tlsForm, fileField(m_keyFile, new QPushButton(m_tlsGroup), QStringLiteral("keyFile")));

    // Proxy
    m_proxyGroup = new QGroupBox(this);
    m_proxyForm = new QFormLayout(m_proxyGroup);
    m_proxyForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_proxyMode = new QComboBox(m_proxyGroup);
    m_proxyMode->setObjectName(QStringLiteral("proxyMode"));
    m_proxyMode->addItem(QString(), int(ProxySettings::Mode::None));
    m_proxyMode->addItem(QString(), int(ProxySettings::Mode::Environment));
    m_proxyMode->addItem(QString(), int(ProxySettings::Mode::Explicit));
    m_proxyUrl = new QLineEdit(m_proxyGroup);
    m_proxyUrl->setObjectName(QStringLiteral("proxyUrl"));
    m_proxyUrl->setPlaceholderText(QStringLiteral("http://proxy:3128"));
    addLabelledRow(m_proxyForm, m_proxyMode);
    addLabelledRow(m_proxyForm, m_proxyUrl);

    // Behaviour
    m_behaviourGroup = new QGroupBox(this);
    m_behaviourForm = new QFormLayout(m_behaviourGroup);
    m_strictness = new QComboBox(m_behaviourGroup);
    m_strictness->setObjectName(QStringLiteral("strictness"));
    m_strictness->addItem(QString(), true);
    m_strictness->addItem(QString(), false);
    m_pingInterval = new QSpinBox(m_behaviourGroup);
    m_pingInterval->setObjectName(QStringLiteral("pingInterval"));
    m_pingInterval->setRange(0, 3600);
    m_reconnect = new QCheckBox(m_behaviourGroup);
    m_reconnect->setObjectName(QStringLiteral("reconnect"));
    m_reconnectAttempts = new QSpinBox(m_behaviourGroup);
    m_reconnectAttempts->setObjectName(QStringLiteral("reconnectAttempts"));
    m_reconnectAttempts->setRange(0, 1000);
    addLabelledRow(m_behaviourForm, m_strictness);
    addLabelledRow(m_behaviourForm, m_pingInterval);
    m_behaviourForm->addRow(m_reconnect);
    addLabelledRow(m_behaviourForm, m_reconnectAttempts);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_requestGroup);
    layout->addWidget(m_timeoutGroup);
    layout->addWidget(m_tlsGroup);
    layout->addWidget(m_proxyGroup);
    layout->addWidget(m_behaviourGroup);
    layout->addStretch(1);

    connect(m_addHeader, &QPushButton::clicked, this, [this] {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, new QTableWidgetItem());
        m_headers->setItem(row, 1, new QTableWidgetItem());
        m_headers->setCurrentCell(row, 0);
        m_headers->editItem(m_headers->item(row, 0));
    });
    connect(m_removeHeader, &QPushButton::clicked, this, [this] {
        const int row = m_headers->currentRow();
        if (row >= 0) {
            m_headers->removeRow(row);
            Q_EMIT settingsChanged();
        }
    });
    connect(m_headers, &QTableWidget::itemChanged, this, &RequestSettingsWidget::settingsChanged);
    for (QLineEdit *edit : { m_origin, m_subprotocols, m_caFile, m_certificateFile, m_keyFile, m_proxyUrl })
        connect(edit, &QLineEdit::textChanged, this, &RequestSettingsWidget::settingsChanged);
    for (QCheckBox *box : { m_deflate, m_verify, m_reconnect })
        connect(box, &QCheckBox::toggled, this, &RequestSettingsWidget::settingsChanged);
    for (QSpinBox *box :
        { m_connectTimeout, m_handshakeTimeout, m_closeTimeout, m_pingInterval, m_reconnectAttempts })
        connect(box, &QSpinBox::valueChanged, this, &RequestSettingsWidget::settingsChanged);
    for (QComboBox *box : { m_proxyMode, m_strictness })
        connect(box, &QComboBox::currentIndexChanged, this, &RequestSettingsWidget::settingsChanged);
    connect(this, &RequestSettingsWidget::settingsChanged, this, &RequestSettingsWidget::updateEnabled);

    retranslateUi();
    setSettings(ClientTabSettings());
}

void RequestSettingsWidget::addLabelledRow(QFormLayout *form, QWidget *field)
{
    auto *label = new QLabel(this);
    label->setBuddy(field);
    m_labels.insert(field, label);
    form->addRow(label, field);
}

void RequestSettingsWidget::setFormLabel(QWidget *field, const QString &text)
{
    if (QLabel *label = m_labels.value(field))
        label->setText(text);
}

QWidget *RequestSettingsWidget::fileField(QLineEdit *edit, QPushButton *browse, const QString &objectName)
{
    edit->setObjectName(objectName);
    edit->setClearButtonEnabled(true);
    browse->setObjectName(objectName + QStringLiteral("Browse"));
    browse->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    m_browseButtons.append(browse);
    auto *field = new QWidget(edit->parentWidget());
    auto *layout = new QHBoxLayout(field);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit] { browseFor(edit); });
    return field;
}

void RequestSettingsWidget::browseFor(QLineEdit *edit)
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a File"), edit->text(), tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
    if (!path.isEmpty())
        edit->setText(path);
}

ClientTabSettings RequestSettingsWidget::settings() const
{
    ClientTabSettings settings;
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem *name = m_headers->item(row, 0);
        const QTableWidgetItem *value = m_headers->item(row, 1);
        const QString nameText = name ? name->text() : QString();
        const QString valueText = value ? value->text() : QString();
        if (!nameText.isEmpty() || !valueText.isEmpty())
            settings.headers.append({ nameText, valueText });
    }
    settings.origin = m_origin->text();
    const QStringList subprotocols = m_subprotocols->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &subprotocol : subprotocols) {
        if (!subprotocol.trimmed().isEmpty())
            settings.subprotocols.append(subprotocol.trimmed());
    }
    settings.offerDeflate = m_deflate->isChecked();
    settings.connectTimeoutMs = m_connectTimeout->value();
    settings.handshakeTimeoutMs = m_handshakeTimeout->value();
    settings.closeTimeoutMs = m_closeTimeout->value();
    settings.verifyCertificates = m_verify->isChecked();
    settings.caFile = m_caFile->text();
    settings.certificateFile = m_certificateFile->text();
    settings.keyFile = m_keyFile->text();
    settings.proxyMode = ProxySettings::Mode(m_proxyMode->currentData().toInt());
    settings.proxyUrl = m_proxyUrl->text();
    settings.strict = m_strictness->currentData().toBool();
    settings.pingIntervalMs = m_pingInterval->value() * 1000;
    settings.reconnect = m_reconnect->isChecked();
    settings.reconnectMaxAttempts = m_reconnectAttempts->value();
    return settings;
}

void RequestSettingsWidget::setSettings(const ClientTabSettings &settings)
{
    const QSignalBlocker blocker(this);
    {
        const QSignalBlocker tableBlocker(m_headers);
        m_headers->setRowCount(0);
        for (const auto &[name, value] : settings.headers) {
            const int row = m_headers->rowCount();
            m_headers->insertRow(row);
            m_headers->setItem(row, 0, new QTableWidgetItem(name));
            m_headers->setItem(row, 1, new QTableWidgetItem(value));
        }
    }
    m_origin->setText(settings.origin);
    m_subprotocols->setText(settings.subprotocols.join(QStringLiteral(", ")));
    m_deflate->setChecked(settings.offerDeflate);
    m_connectTimeout->setValue(settings.connectTimeoutMs);
    m_handshakeTimeout->setValue(settings.handshakeTimeoutMs);
    m_closeTimeout->setValue(settings.closeTimeoutMs);
    m_verify->setChecked(settings.verifyCertificates);
    m_caFile->setText(settings.caFile);
    m_certificateFile->setText(settings.certificateFile);
    m_keyFile->setText(settings.keyFile);
    m_proxyMode->setCurrentIndex(qMax(0, m_proxyMode->findData(int(settings.proxyMode))));
    m_proxyUrl->setText(settings.proxyUrl);
    m_strictness->setCurrentIndex(settings.strict ? 0 : 1);
    m_pingInterval->setValue(settings.pingIntervalMs / 1000);
    m_reconnect->setChecked(settings.reconnect);
    m_reconnectAttempts->setValue(settings.reconnectMaxAttempts);
    updateEnabled();
}

void RequestSettingsWidget::updateEnabled()
{
    m_proxyUrl->setEnabled(
        ProxySettings::Mode(m_proxyMode->currentData().toInt()) == ProxySettings::Mode::Explicit);
    m_reconnectAttempts->setEnabled(m_reconnect->isChecked());
}

void RequestSettingsWidget::retranslateUi()
{
    m_requestGroup->setTitle(tr("Request"));
    m_headers->setHorizontalHeaderLabels({ tr("Header"), tr("Value") });
    setFormLabel(m_headers->parentWidget(), tr("Headers:"));
    m_addHeader->setText(tr("Add"));
    m_addHeader->setToolTip(tr("Add a request header"));
    m_removeHeader->setText(tr("Remove"));
    m_removeHeader->setToolTip(tr("Remove the selected header"));
    setFormLabel(m_origin, tr("Origin:"));
    m_origin->setPlaceholderText(tr("None"));
    setFormLabel(m_subprotocols, tr("Subprotocols:"));
    m_subprotocols->setPlaceholderText(tr("Comma-separated, in order of preference"));
    m_deflate->setText(tr("Offer permessage-deflate compression"));

    m_timeoutGroup->setTitle(tr("Timeouts"));
    for (QSpinBox *box : { m_connectTimeout, m_handshakeTimeout, m_closeTimeout })
        box->setSuffix(tr(" ms"));
    setFormLabel(m_connectTimeout, tr("Connect:"));
    m_connectTimeout->setToolTip(tr("DNS lookup, TCP connection and TLS handshake"));
    setFormLabel(m_handshakeTimeout, tr("Opening handshake:"));
    setFormLabel(m_closeTimeout, tr("Closing handshake:"));

    m_tlsGroup->setTitle(tr("TLS (wss://)"));
    m_verify->setText(tr("Verify the server's certificate"));
    m_verify->setToolTip(tr("When off, certificate errors are shown but the connection goes on"));
    setFormLabel(m_caFile->parentWidget(), tr("Extra CA:"));
    m_caFile->setPlaceholderText(tr("System CAs only"));
    setFormLabel(m_certificateFile->parentWidget(), tr("Client certificate:"));
    m_certificateFile->setPlaceholderText(tr("None"));
    setFormLabel(m_keyFile->parentWidget(), tr("Private key:"));
    m_keyFile->setPlaceholderText(tr("None"));
    for (QPushButton *browse : std::as_const(m_browseButtons)) {
        browse->setText(browse->icon().isNull() ? tr("…") : QString());
        browse->setToolTip(tr("Choose a file"));
    }

    m_proxyGroup->setTitle(tr("Proxy"));
    m_proxyMode->setItemText(0, tr("No proxy"));
    m_proxyMode->setItemText(1, tr("From the environment (https_proxy, …)"));
    m_proxyMode->setItemText(2, tr("This proxy"));
    setFormLabel(m_proxyMode, tr("Mode:"));
    setFormLabel(m_proxyUrl, tr("URL:"));

    m_behaviourGroup->setTitle(tr("Behaviour"));
    m_strictness->setItemText(0, tr("Strict: a violation fails the connection"));
    m_strictness->setItemText(1, tr("Lenient: note violations and go on"));
    setFormLabel(m_strictness, tr("Violations:"));
    m_pingInterval->setSpecialValueText(tr("Off"));
    m_pingInterval->setSuffix(tr(" s"));
    setFormLabel(m_pingInterval, tr("Keepalive ping:"));
    m_reconnect->setText(tr("Reconnect when the connection drops"));
    m_reconnectAttempts->setSpecialValueText(tr("No limit"));
    setFormLabel(m_reconnectAttempts, tr("Attempts:"));
}

void RequestSettingsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Frameline
