#pragma once

#include "app/compose/outgoingrequest.h"
#include "app/compose/payloadvariables.h"
#include "app/protocol/frame.h"
#include "ui/timeline/timelinewidget.h"

#include <QtCore/QTimer>
#include <QtCore/QVariantMap>
#include <QtWidgets/QWidget>

#include <functional>
#include <optional>

class QAbstractButton;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QShortcut;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QToolButton;
class QsciScintilla;

namespace Frameline {

class ComposerEditor;
class FrameCraftPanel;

// The composer under a tab's timeline: an editor (QScintilla) for the payload in one of three modes (Text;
// JSON with colours, live validation marking the error, pretty/compact; Binary as hex, base64 or a file),
// payload variables ({{timestamp}}, {{uuid}}, {{counter}}, {{random:N}}) expanded at each send, the
// history of what was sent (Ctrl+Up / Ctrl+Down anywhere in the composer) and named saved messages, Ping/Pong
// with a payload, Close with a code picker and a reason, Repeat N times at an interval with progress and
// Stop, and the Advanced panel (FrameCraftPanel) that crafts the frame header, valid or not, and fragments.
//
// It turns input into OutgoingRequests and emits them; the tab sends them to its connection(s). Bad input
// (a JSON error, a bad variable, bad hex) is shown with its position and nothing is sent.
//
// Owned by its tab; GUI thread.
class ComposerWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Mode : quint8 { Text, Json, Binary };
    enum class BinaryFormat : quint8 { Hex, Base64, File };

    // `sender`: the end this composer writes from (a client tab masks, a server tab does not).
    explicit ComposerWidget(Endpoint sender, QWidget *parent = nullptr);
    ~ComposerWidget() override;

    // Whether there is something open to send to; closing stops a repeat and pending fragments.
    void setConnected(bool connected);
    bool isConnected() const { return m_connected; }
    // permessage-deflate agreed on the connection (for the Advanced checks; RSV1 is then legal).
    void setDeflateNegotiated(bool negotiated);
    // Shown before the Send button: where a message goes ("To all clients:"); empty hides it.
    void setTargetText(const QString &text);

    Mode mode() const;
    void setMode(Mode mode);
    BinaryFormat binaryFormat() const;
    void setBinaryFormat(BinaryFormat format);
    QString text() const; // the editor's text
    void setText(const QString &text);
    QString filePath() const; // BinaryFormat::File
    void setFilePath(const QString &path);
    bool isAdvanced() const; // the Advanced panel is on: Send writes crafted frames
    void setAdvanced(bool advanced);

    // Builds the payload from the editor (variables expanded, JSON checked, hex/base64/file decoded) and
    // emits sendRequested: a message, or with Advanced on the crafted frames (the first fragments at once,
    // the others after the fragment delay). False, with the error shown under the editor and nothing
    // sent, when the input is bad or nothing is connected. What Send and Ctrl+Enter do.
    bool send();
    // Sends the Ping / Pong with the control payload field (at most 125 bytes), or the Close frame with
    // the code and reason fields.
    bool sendPing();
    bool sendPong();
    bool sendClose();

    // Sends `count` times (each a full send(): variables expand again, {{counter}} counts) with
    // `intervalMs` between sends, showing progress; stops at the first error, on Stop, or on disconnect.
    void startRepeat(int count, int intervalMs);
    void stopRepeat();
    bool isRepeating() const;
    int repeatSent() const; // sends done by the current (or last) repeat

    // From the timeline. As a message: text goes to Text mode (JSON mode when it parses as a JSON object
    // or array), binary to Binary hex; Advanced off. As the exact frame: the payload into the editor (text
    // or hex as it reads) and every header field into the Advanced panel, which is switched on.
    void loadMessage(quint8 opcode, const QByteArray &payload);
    void loadFrame(const Frame &frame, const QByteArray &payload);
    // A timeline entry (frame or message) as a message or as the exact frame. `ownMasking`: the frame was
    // sent by an end of this composer's kind, so its masking (key included) is kept; otherwise it gets this
    // end's masking (a client masks with a fresh key, a server does not mask), as OutgoingRequest does.
    void loadEntry(const EntryDetails &entry, bool asFrame, bool ownMasking);
    // The timeline's "Load … into Composer" (resend = false: loadEntry, keeping the masking of a frame this
    // end sent) and "Resend …" (resend = true: the request to send at once, as OutgoingRequest::fromEntry
    // makes it for this composer's end). nullopt for a load, or when the entry has nothing to send.
    std::optional<OutgoingRequest> takeEntry(const EntryDetails &entry, bool asFrame, bool resend);
    // The same for an action of the timeline's context menu (TimelineWidget::ComposeAction).
    std::optional<OutgoingRequest> takeEntry(const EntryDetails &entry, TimelineWidget::ComposeAction action);

    // The sent-message history (most recent last, at most HistoryLimit) and the named saved messages.
    static constexpr int HistoryLimit = 200;
    // saveState() leaves out history entries larger than this (they stay for the session) and keeps at
    // most HistoryPersistLimit of history in all, the newest first. Saved messages are kept whatever
    // their size.
    static constexpr qsizetype HistoryEntryPersistLimit = 64 * 1024;
    static constexpr qsizetype HistoryPersistLimit = 1024 * 1024;
    struct StoredMessage
    {
        QString name; // saved messages only
        Mode mode = Mode::Text;
        BinaryFormat binaryFormat = BinaryFormat::Hex;
        QString text; // the editor text as typed (variables unexpanded), or the file path for File
        bool operator==(const StoredMessage &other) const = default;
    };
    QList<StoredMessage> history() const;
    QList<StoredMessage> savedMessages() const;
    // Saves the editor's content under `name`; false for an empty name, and for a name already saved
    // unless `replace`. Save… asks before replacing.
    bool saveMessage(const QString &name, bool replace = false);
    void loadSavedMessage(const QString &name);
    void removeSavedMessage(const QString &name); // says "Deleted “name”" on the message line
    // What Save… proposes: the first line of the text (at most 30 characters), or "Message N".
    QString suggestedMessageName() const;
    // What Delete does: asks, then removes the selected saved message.
    void deleteSelectedMessage();
    // Asks the user a yes/no question (Save… replacing a name, Delete); QMessageBox::question by default,
    // replaced by tests.
    using Confirmation = std::function<bool(const QString &title, const QString &question)>;
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }
    // Recalls the previous / next history entry into the editor (Ctrl+Up / Ctrl+Down anywhere in the
    // composer), like a shell: the first recall keeps what was being edited as the draft, which comes back
    // past the newest entry; recalling after editing a recalled entry starts again from the newest, the
    // edited text becoming the draft. Each recall is one undo step in the editor.
    void recallPrevious();
    void recallNext();
    void clearHistory();

    // JSON mode: rewrites the editor's JSON pretty-printed (2 spaces per level) or compact, variables kept as
    // typed, as one undo step; false (and nothing changes) when the text is not valid JSON.
    bool prettyPrintJson();
    bool compactJson();
    // Inserts `syntax` ("{{uuid}}") at the cursor, replacing the selection; "{{random:N}}" is inserted
    // as "{{random:16}}" with the 16 selected.
    void insertVariable(const QString &syntax);
    // The line under the editor shows an error (rather than information).
    bool hasError() const { return m_showingError; }
    // Crafted fragments still waiting for the fragment delay.
    int pendingFragmentCount() const { return int(m_pendingFragments.size()); }

    // Everything that persists with the tab: mode, binary format, text, file path, Advanced and its
    // fields, repeat settings, control fields, history, saved messages.
    QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);

    PayloadCounter &counter() { return m_counter; }
    // For tests: replaces the clock and random source of variable expansion.
    void setVariableSources(const PayloadVariables::Sources &sources) { m_sources = sources; }

    // The parts, for the tab's layout, tests and screenshots.
    QsciScintilla *editor() const;
    QComboBox *modeBox() const;
    QComboBox *binaryFormatBox() const;
    QPushButton *sendButton() const;
    QLabel *messageLabel() const; // the error (or information) line under the editor
    FrameCraftPanel *craftPanel() const;
    QAbstractButton *advancedButton() const;
    QLineEdit *controlPayloadEdit() const;
    QLabel *controlPayloadSizeLabel() const; // "12/125 bytes"
    QPushButton *pingButton() const;
    QPushButton *pongButton() const;
    QComboBox *
    closeCodeBox() const; // editable: a registered code from the list or any number 0-65535; empty = no code
    QLineEdit *closeReasonEdit() const;
    QPushButton *closeButton() const;
    QSpinBox *repeatCountBox() const;
    QSpinBox *repeatIntervalBox() const;
    QPushButton *repeatButton() const; // Repeat / Stop
    QProgressBar *repeatProgress() const;
    QLabel *targetLabel() const;
    QLineEdit *filePathEdit() const; // BinaryFormat::File
    QPushButton *browseButton() const;
    QPushButton *prettyButton() const;
    QPushButton *compactButton() const;
    QToolButton *variablesButton() const; // its menu inserts a variable
    QToolButton *historyButton() const; // its menu recalls a sent message
    QComboBox *savedMessagesBox() const; // picking a name loads it
    QPushButton *saveMessageButton() const;
    QPushButton *deleteMessageButton() const;

Q_SIGNALS:
    void sendRequested(const Frameline::OutgoingRequest &request);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Analysis; // what the live check found in the editor text (composerwidget.cpp)

    void buildUi();
    void retranslateUi();
    void fillCloseCodes();
    void applyEditorMode(); // lexer, wrapping and colours for the mode
    void updateModeWidgets(); // which toolbar parts the mode shows
    void updateEnabled();
    void updateRepeatWidgets();
    void scheduleCheck();
    void checkInput(); // the debounced live check: marks, the information line, the Advanced checks
    Analysis analyze(const QString &text) const;
    QByteArray checkPayload(const Analysis &analysis) const;
    bool buildPayload(PayloadCounter &counter, QByteArray &payload); // for a send; shows errors
    bool sendOnce(); // one send() without touching a repeat in progress
    void sendNextFragment();
    void cancelFragments();
    void onRepeatTimeout();
    void continueRepeat(); // schedules the next repeat send (or finishes the repeat)
    void finishRepeat();
    void stopRepeatBecause(const QString &reason);
    void updateRepeatProgress(); // the progress bar and the message line, on a timer while repeating
    void noteFramesSent(const QList<FrameSpec> &frames);
    void updateCraftContext();
    void showError(const QString &message, qsizetype byteOffset = -1, qsizetype byteLength = 0);
    void showInfo(const QString &message);
    void showWarning(const QString &message); // something was sent, but the user should know this
    void updateSendToolTip();
    static QString violationCount(int count);
    void markError(qsizetype byteOffset, qsizetype byteLength);
    bool formatJson(bool pretty);
    StoredMessage currentMessage() const;
    void applyMessage(const StoredMessage &message);
    void appendHistory(const StoredMessage &message);
    void refreshSavedMessages(const QString &select = {});
    void populateHistoryMenu();
    void populateVariablesMenu();
    void browseForFile();
    void askToSaveMessage();
    void loadPayload(const QByteArray &payload, bool preferText);
    void replaceText(const QString &text); // as one undo step
    void onFormChanged(); // the mode or the binary format changed
    void convertText(Mode oldMode, BinaryFormat oldFormat); // to the current mode and format
    void leaveEditedHistoryEntry();
    bool controlPayload(QByteArray &payload, QString &error) const; // variables expanded
    void updateControlPayloadSize();
    QString variableError(const QByteArray &utf8, qsizetype offset) const;
    bool confirm(const QString &title, const QString &question);
    bool closeCode(std::optional<quint16> &code, QString &error) const;

    Endpoint m_sender;
    bool m_connected = false;
    bool m_deflate = false;
    bool m_fragmentedMessageOpen = false; // after the crafted frames sent so far (FrameCheck)
    PayloadCounter m_counter;
    PayloadVariables::Sources m_sources;

    QList<StoredMessage> m_history;
    QList<StoredMessage> m_saved; // sorted by name
    qsizetype m_historyPosition = 0; // m_history.size(): the draft being edited
    StoredMessage m_draft; // the editor's content before the history was recalled

    QTimer m_checkTimer; // debounces the live check
    QTimer m_repeatTimer;
    QTimer m_progressTimer; // refreshes the repeat's progress at most 10 times a second
    QTimer m_fragmentTimer;
    bool m_repeating = false;
    int m_repeatCount = 0;
    int m_repeatIntervalMs = 0;
    int m_repeatSent = 0;
    QList<FrameSpec> m_pendingFragments; // crafted fragments still to send, after the fragment delay
    int m_fragmentTotal = 0;
    int m_fragmentsSent = 0;
    int m_fragmentWarnings = 0;
    bool m_showingError = false;
    bool m_jsonValid = false;
    // The mode and format the editor text is written in (to convert it when they change).
    Mode m_shownMode = Mode::Text;
    BinaryFormat m_shownFormat = BinaryFormat::Hex;
    bool m_applying = false; // a message is being loaded: no conversion on the way
    QString m_formNote; // why a change of mode kept the text as typed, until the next edit
    Confirmation m_confirm;

    ComposerEditor *m_editor = nullptr;
    QStackedWidget *m_editorStack = nullptr;
    QLabel *m_fileInfo = nullptr; // the page shown instead of the editor for BinaryFormat::File
    QLabel *m_modeLabel = nullptr;
    QComboBox *m_mode = nullptr;
    QComboBox *m_binaryFormat = nullptr;
    QLineEdit *m_filePath = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_pretty = nullptr;
    QPushButton *m_compact = nullptr;
    QToolButton *m_variables = nullptr;
    QMenu *m_variablesMenu = nullptr;
    QToolButton *m_historyButton = nullptr;
    QMenu *m_historyMenu = nullptr;
    QComboBox *m_savedBox = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QToolButton *m_advanced = nullptr;
    FrameCraftPanel *m_craft = nullptr;
    QFrame *m_craftSeparator = nullptr; // shown with the panel
    QLabel *m_message = nullptr;
    QLabel *m_target = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QSpinBox *m_repeatCountBox = nullptr;
    QLabel *m_timesLabel = nullptr;
    QSpinBox *m_repeatIntervalBox = nullptr;
    QPushButton *m_repeatButton = nullptr;
    QProgressBar *m_repeatProgress = nullptr;
    QLabel *m_controlLabel = nullptr;
    QLineEdit *m_controlPayload = nullptr;
    QLabel *m_controlSize = nullptr;
    QPushButton *m_ping = nullptr;
    QPushButton *m_pong = nullptr;
    QLabel *m_closeLabel = nullptr;
    QComboBox *m_closeCode = nullptr;
    QLineEdit *m_closeReason = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace Frameline
