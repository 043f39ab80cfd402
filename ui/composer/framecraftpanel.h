#pragma once

#include "app/compose/framecheck.h"
#include "app/protocol/frame.h"
#include "app/protocol/framewriter.h"

#include <QtCore/QVariantMap>
#include <QtGui/QColor>
#include <QtWidgets/QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace Frameline {

// The composer's "Advanced" panel: every header field of the frame about to be written (FIN, RSV1-3, any
// opcode 0-15 or the one the composer's mode implies, masking off / random key / chosen key, the length
// form, a declared length that lies) and splitting the message into N fragments with a delay between
// them. Under the fields it lists, live, every RFC 6455 / RFC 7692 rule the frames would break and the
// consequences of a lying length (FrameCheck), naming the rule; it warns but never forbids.
//
// It builds FrameSpecs; the composer expands the payload and sends them. Owned by ComposerWidget; GUI
// thread.
class FrameCraftPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FrameCraftPanel(QWidget *parent = nullptr);

    // Who sends and what the connection agreed (sender, permessage-deflate, an unfinished fragmented
    // message); the checks follow it. Setting it re-checks the last payload.
    void setContext(const FrameCheckContext &context);
    FrameCheckContext context() const { return m_context; }
    // The opcode the composer's mode implies (0x1 for Text and JSON, 0x2 for Binary), used while the
    // opcode box is on "From the mode".
    void setModeOpcode(quint8 opcode);

    // The frames to write for `payload` (expanded, unmasked): one frame with every field as set, or with
    // more than one fragment the message split by Fragmenter::split (only the first keeps the opcode and
    // RSV bits; every fragment has its real length in the minimal form). Empty while inputError() is set.
    QList<FrameSpec> frames(const QByteArray &payload) const;
    // Why the fields cannot make a frame (a chosen masking key that is not 4 bytes of hex, a declared
    // length that is not a number 0 .. 2^64-1 or does not fit the chosen length form); empty when they can.
    QString inputError() const;
    int fragmentCount() const;
    int fragmentDelayMs() const; // pause between two fragments; 0: all written at once
    // Whether the declared-length field is on and how much it declares (absent: the real length).
    std::optional<quint64> declaredLength() const;

    // Re-checks frames(payload) against the context (each fragment with the fragmented-message state the
    // ones before it leave) and shows the result. The composer calls it as the payload changes.
    void checkPayload(const QByteArray &payload);
    const QList<FrameCheckResult> &lastCheck() const { return m_lastCheck; } // one per frame
    // The violated rules and warnings of the last check as readable lines ("RSV2 set without an extension
    // that defines it (RFC 6455 §5.2) → 1002"), for the composer's confirmation and tests.
    QStringList lastWarnings() const;

    // Takes every header field of a frame from the timeline (masking: the frame's own key as a chosen key;
    // the length form as it was; a declared length when the frame's declared length differs from
    // `payloadSize`); one fragment.
    void loadFrame(const Frame &frame, qsizetype payloadSize);
    // Back to a correct single frame for the sender: FIN, no RSV, the mode's opcode, masked with a random key
    // from a client and unmasked from a server, minimal length, one fragment.
    void resetToValid();

    QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);

    // The fields, for tests and for the composer's focus chain.
    QCheckBox *finBox() const { return m_fin; }
    QCheckBox *rsv1Box() const { return m_rsv1; }
    QCheckBox *rsv2Box() const { return m_rsv2; }
    QCheckBox *rsv3Box() const { return m_rsv3; }
    QComboBox *opcodeBox() const
    {
        return m_opcode;
    } // item 0 "From the mode", then 0x0..0xF (data = opcode, -1 for item 0)
    QComboBox *maskingBox() const { return m_masking; } // data = int(FrameSpec::Masking)
    QLineEdit *maskingKeyEdit() const { return m_maskingKey; } // 8 hex digits, spacing free
    QComboBox *lengthFormBox() const { return m_lengthForm; } // "Minimal" (data 0), then 7, 16, 64
    QCheckBox *declaredLengthBox() const { return m_declaredLengthOn; }
    QLineEdit *declaredLengthEdit() const { return m_declaredLength; } // decimal, 0 .. 2^64-1
    QSpinBox *fragmentsBox() const { return m_fragments; } // 1 .. Fragmenter::MaxFragments
    QSpinBox *fragmentDelayBox() const { return m_fragmentDelay; } // milliseconds
    QLabel *warningsLabel() const { return m_warnings; }
    QScrollArea *warningsArea() const { return m_warningsArea; } // holds the label, of a fixed height
    QPushButton *resetButton() const { return m_reset; }

Q_SIGNALS:
    void changed(); // any field changed

protected:
    void changeEvent(QEvent *event) override;

private:
    FrameCheckContext m_context;
    quint8 m_modeOpcode = 0x1;
    QByteArray m_lastPayload;
    QList<FrameCheckResult> m_lastCheck;

    QCheckBox *m_fin = nullptr;
    QCheckBox *m_rsv1 = nullptr;
    QCheckBox *m_rsv2 = nullptr;
    QCheckBox *m_rsv3 = nullptr;
    QComboBox *m_opcode = nullptr;
    QComboBox *m_masking = nullptr;
    QLineEdit *m_maskingKey = nullptr;
    QComboBox *m_lengthForm = nullptr;
    QCheckBox *m_declaredLengthOn = nullptr;
    QLineEdit *m_declaredLength = nullptr;
    QSpinBox *m_fragments = nullptr;
    QSpinBox *m_fragmentDelay = nullptr;
    QLabel *m_warnings = nullptr;
    // Implementation may add members and private functions below.
    QPushButton *m_reset = nullptr;
    QLabel *m_opcodeLabel = nullptr;
    QLabel *m_maskingLabel = nullptr;
    QLabel *m_lengthLabel = nullptr;
    QLabel *m_fragmentsLabel = nullptr;
    QLabel *m_delayLabel = nullptr;
    QColor m_warningColor;
    QColor m_validColor;
    QColor m_errorColor;
    bool m_updating = false; // set while fields are filled from code: one re-check at the end
    QStringList m_lastWarnings; // of the last check: input errors, then each frame's rules
    QString m_fragmentNote; // fewer fragments than asked (one byte each at most)
    bool m_keyInvalid = false;
    bool m_declaredLengthInvalid = false;
    QScrollArea *m_warningsArea = nullptr;
    // With more than one fragment FIN, Length and Declared length show what the fragments use (FIN
    // partially checked: only the last has it; the minimal form; no declared length); the user's own
    // values are kept here and come back with one fragment.
    bool m_showingFragmented = false;
    bool m_userFin = true;
    int m_userLengthForm = 0;
    bool m_userDeclaredOn = false;

    void retranslate();
    void applyPalette();
    void updateEnabled();
    void showFragmentedValues(bool fragmented);
    void forgetFragmentedValues();
    void onFieldChanged();
    void recheck();
    void showCheck();
    quint8 opcode() const;
    // The masking key typed in the key field, or an error.
    std::optional<std::array<quint8, 4>> chosenKey(QString *error = nullptr) const;
    // The declared length field (when on), or an error; an empty optional with no error means "off".
    std::optional<quint64> declaredLengthValue(QString *error = nullptr) const;
    static void markInvalid(QLineEdit *edit, bool invalid, const QColor &color);
};

} // namespace Frameline
