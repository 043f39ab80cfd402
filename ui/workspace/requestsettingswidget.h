#pragma once

#include "ui/workspace/clienttabsettings.h"

#include <QtCore/QHash>
#include <QtWidgets/QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Frameline {

// The request settings of a client tab, beside its timeline: headers, Origin, subprotocols,
// permessage-deflate, timeouts, TLS (verification, CA, client certificate), proxy, strict or lenient,
// keepalive and reconnect. Edits a ClientTabSettings (the URL stays with the connection bar).
//
// Owned by its client tab; GUI thread.
class RequestSettingsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit RequestSettingsWidget(QWidget *parent = nullptr);

    // The settings shown; `url` is left empty.
    ClientTabSettings settings() const;
    void setSettings(const ClientTabSettings &settings);

    QTableWidget *headersTable() const { return m_headers; }

Q_SIGNALS:
    void settingsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void addLabelledRow(QFormLayout *form, QWidget *field);
    void setFormLabel(QWidget *field, const QString &text);
    QWidget *fileField(QLineEdit *edit, QPushButton *browse, const QString &objectName);
    void browseFor(QLineEdit *edit);
    void updateEnabled();
    void retranslateUi();

    QHash<QWidget *, QLabel *> m_labels; // the form label of each field
    QGroupBox *m_requestGroup = nullptr;
    QFormLayout *m_requestForm = nullptr;
    QLineEdit *m_origin = nullptr;
    QTableWidget *m_headers = nullptr;
    QPushButton *m_addHeader = nullptr;
    QPushButton *m_removeHeader = nullptr;
    QLineEdit *m_subprotocols = nullptr;
    QCheckBox *m_deflate = nullptr;

    QGroupBox *m_timeoutGroup = nullptr;
    QFormLayout *m_timeoutForm = nullptr;
    QSpinBox *m_connectTimeout = nullptr;
    QSpinBox *m_handshakeTimeout = nullptr;
    QSpinBox *m_closeTimeout = nullptr;

    QGroupBox *m_tlsGroup = nullptr;
    QFormLayout *m_tlsForm = nullptr;
    QCheckBox *m_verify = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_certificateFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QList<QPushButton *> m_browseButtons;

    QGroupBox *m_proxyGroup = nullptr;
    QFormLayout *m_proxyForm = nullptr;
    QComboBox *m_proxyMode = nullptr;
    QLineEdit *m_proxyUrl = nullptr;

    QGroupBox *m_behaviourGroup = nullptr;
    QFormLayout *m_behaviourForm = nullptr;
    QComboBox *m_strictness = nullptr;
    QSpinBox *m_pingInterval = nullptr;
    QCheckBox *m_reconnect = nullptr;
    QSpinBox *m_reconnectAttempts = nullptr;
};

} // namespace Frameline
