#pragma once

#include "app/protocol/frame.h"
#include "ui/decoder/decodedstream.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtWidgets/QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSplitter;
class QTabWidget;
class QTimer;
class QTreeView;

namespace Frameline {

class DetailView;
class FrameListModel;
class MessageListModel;

// The frame decoder: the bytes one endpoint sent after the handshake (typed or pasted as hex, or read
// from a file), who sent them, and an optional agreed permessage-deflate; below, every decoded frame and
// message, and the details of the selected one. Decodes again shortly after each edit.
//
// Owns its models and views; GUI thread. Decoding runs synchronously in the engine's StreamDecoder.
class DecoderWidget : public QWidget
{
    Q_OBJECT
public:
    explicit DecoderWidget(QWidget *parent = nullptr);
    ~DecoderWidget() override;

    // Replaces the input with hex text and decodes it at once.
    void setHexText(const QString &hex);
    QString hexText() const;
    // Reads a file of raw bytes and decodes it. A small file is shown as hex in the input so it can be
    // edited; a large one is decoded from memory. Returns false and sets *error when it cannot be read.
    bool loadFile(const QString &path, QString *error);

    void setSender(Endpoint sender);
    Endpoint sender() const;
    // A Sec-WebSocket-Extensions value as agreed in the handshake ("permessage-deflate; ..."), or empty.
    void setExtensions(const QString &value);
    QString extensions() const;

    // Decodes the current input now instead of after the typing pause.
    void decodeNow();
    // Shows the frames list and selects a row (the detail view follows).
    void selectFrame(int row);

    FrameListModel *frameModel() const { return m_frameModel; }
    MessageListModel *messageModel() const { return m_messageModel; }
    QTreeView *frameView() const { return m_frameView; }
    QTreeView *messageView() const { return m_messageView; }
    QString detailText() const;
    // "Frames: 3 · Messages: 1 · Violations: 1 · Trailing bytes: 0", or why nothing was decoded.
    QString summary() const { return m_summary; }
    // What the input holds, or what is wrong with it.
    QString inputStatus() const;
    const DecodedStream &decoded() const { return m_decoded; }

    static constexpr qsizetype MaxFileSize = 64 * 1024 * 1024;
    static constexpr qsizetype MaxFileShownAsHex = 256 * 1024;

Q_SIGNALS:
    void summaryChanged(const QString &summary);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class InputError : quint8 { None, Hex, Extensions };

    void buildUi();
    void retranslateUi();
    void setDefaultColumnWidths();
    void onHexEdited();
    void scheduleDecode();
    void updateTexts();
    void showCurrentDetails();

    // Input
    QPlainTextEdit *m_hexEdit = nullptr;
    QLabel *m_hexLabel = nullptr;
    QLabel *m_senderLabel = nullptr;
    QComboBox *m_senderCombo = nullptr;
    QLabel *m_extensionsLabel = nullptr;
    QLineEdit *m_extensionsEdit = nullptr;
    QLabel *m_inputIcon = nullptr;
    QLabel *m_inputStatus = nullptr;

    // Output
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeView *m_frameView = nullptr;
    QTreeView *m_messageView = nullptr;
    DetailView *m_detailView = nullptr;
    FrameListModel *m_frameModel = nullptr;
    MessageListModel *m_messageModel = nullptr;

    QTimer *m_decodeTimer = nullptr;
    bool m_settingText = false;

    // A file too large to show as hex is decoded from here until the user types.
    QByteArray m_fileBytes;
    QString m_fileName;
    bool m_inputFromFile = false;

    // The last decode, kept for the texts (which are rebuilt on a language change).
    DecodedStream m_decoded;
    InputError m_inputError = InputError::None;
    QString m_errorDetail;
    qsizetype m_errorLine = 0;
    qsizetype m_errorColumn = 0;
    bool m_inputEmpty = true;
    QString m_summary;
};

} // namespace Frameline
