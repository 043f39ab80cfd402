#pragma once

#include <QtCore/QByteArray>
#include <QtWidgets/QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Frameline {

// The simple send row under a tab's timeline: a message as text or as hex bytes, Send, Ping, and Close
// with a code and a reason. It only checks and turns the input into bytes; the tab sends them.
//
// Owned by its tab; GUI thread.
class SendBar : public QWidget
{
    Q_OBJECT
public:
    enum class Format : quint8 { Text, BinaryHex };

    explicit SendBar(QWidget *parent = nullptr);

    // Whether there is something open to send to (the buttons follow).
    void setConnected(bool connected);
    // Shown before the buttons: where a message goes ("To all clients").
    void setTargetText(const QString &text);

    QLineEdit *messageEdit() const { return m_message; }
    QComboBox *formatBox() const { return m_format; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *pingButton() const { return m_ping; }
    QPushButton *closeButton() const { return m_close; }
    QSpinBox *closeCodeBox() const { return m_closeCode; }
    QLineEdit *closeReasonEdit() const { return m_closeReason; }

Q_SIGNALS:
    void sendRequested(quint8 opcode, const QByteArray &payload);
    void pingRequested(const QByteArray &payload);
    void closeRequested(quint16 code, const QString &reason);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onSend();
    void retranslateUi();
    void showError(const QString &error);

    QLabel *m_target = nullptr;
    QLineEdit *m_message = nullptr;
    QComboBox *m_format = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_ping = nullptr;
    QPushButton *m_close = nullptr;
    QSpinBox *m_closeCode = nullptr;
    QLineEdit *m_closeReason = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_codeLabel = nullptr;
    bool m_connected = false;
};

} // namespace Frameline
