#pragma once

#include <QtWidgets/QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace Frameline {

// The preferences dialog: the user interface language (the system's, English or Korean), stored in
// "Interface/Language" and applied the next time Frameline starts (the dialog says so).
//
// Created on demand by the main window; GUI thread.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // The stored choice: "" for the system's language, or "en", "ko".
    static QString storedLanguage();
    static void storeLanguage(const QString &language);

    QComboBox *languageBox() const { return m_language; }
    // The language chosen in the dialog ("" for the system's).
    QString chosenLanguage() const;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateNote();
    void retranslateUi();

    QLabel *m_languageLabel = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_note = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Frameline
