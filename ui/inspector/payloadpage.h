#pragma once

#include "app/session/entrydetails.h"
#include "ui/inspector/payloadformat.h"

#include <QtWidgets/QWidget>

#include <optional>

class QAction;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace Frameline {

class HexView;
class JsonView;
class MarkHighlighter;

// The inspector's Payload page: the selected frame's or message's payload as Text (invalid UTF-8 bytes
// marked), JSON (pretty-printed, folded, coloured; or the parse error and where it is) or Hex (any size),
// with its sizes (compressed and inflated for a compressed message), "copy as" text, hex, base64 or JSON,
// and saving the exact bytes to a file.
//
// Views are filled when shown, and the text and JSON views stop at a limit (the hex view and saving
// always have every byte), so a 100 MiB payload costs nothing until asked for.
//
// Owned by InspectorWidget; GUI thread.
class PayloadPage : public QWidget
{
    Q_OBJECT
public:
    enum class View : quint8 { Text, Json, Hex };
    static constexpr qsizetype TextLimit = 256 * 1024; // bytes shown in the text view
    // Marked stretches shown in the text view: each splits the text layout (binary noise has one every
    // other byte), so the view stops after this many and says so.
    static constexpr int MarkedRunLimit = 2000;
    static constexpr qsizetype JsonLimit = 16 * 1024 * 1024; // bytes parsed for the JSON view
    // Larger payloads are parsed as JSON only when the JSON view is asked for, not to choose a view.
    static constexpr qsizetype AutoJsonLimit = 2 * 1024 * 1024;

    explicit PayloadPage(QWidget *parent = nullptr);
    ~PayloadPage() override;

    void setDetails(const EntryDetails &details);
    bool hasPayload() const;

    View currentView() const;
    // As if the user picked the view: it is also the one preferred for the next payloads.
    void setCurrentView(View view);
    View preferredView() const { return m_preferredView; }
    void setPreferredView(View view) { m_preferredView = view; }

    // Writes the payload's exact bytes; on failure returns false with the reason.
    bool savePayloadTo(const QString &fileName, QString *error = nullptr) const;

    QAction *copyAsTextAction() const { return m_copyAsText; }
    QAction *copyAsHexAction() const { return m_copyAsHex; }
    QAction *copyAsBase64Action() const { return m_copyAsBase64; }
    QAction *copyAsJsonAction() const { return m_copyAsJson; }
    QAction *savePayloadAction() const { return m_savePayload; }

    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    View chooseView() const;
    void fillCurrentView();
    void fillText();
    void fillJson();
    const PayloadFormat::JsonReading &jsonReading();
    void updateInfo();
    void onSavePayload();
    QString suggestedFileName() const;

    EntryDetails m_details;
    bool m_hasPayload = false;
    bool m_validUtf8 = false;
    std::optional<PayloadFormat::JsonReading> m_json;
    bool m_textFilled = false;
    bool m_jsonFilled = false;
    bool m_hexFilled = false;
    View m_preferredView = View::Text;

    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QLabel *m_info;
    QToolButton *m_copyButton;
    QToolButton *m_saveButton;
    QTabWidget *m_views;
    QPlainTextEdit *m_text;
    MarkHighlighter *m_marks;
    QLabel *m_textNote;
    QLabel *m_jsonError;
    JsonView *m_jsonView;
    HexView *m_hexView;
    QAction *m_copyAsText;
    QAction *m_copyAsHex;
    QAction *m_copyAsBase64;
    QAction *m_copyAsJson;
    QAction *m_savePayload;
};

} // namespace Frameline
