#include "ui/preferences/preferencesdialog.h"

#include "ui/mainwindow/languageloader.h"
#include "ui/widgets/setting.h"

#include <QtCore/QEvent>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

namespace {

const Setting<QString> &languageSetting()
{
    static const Setting<QString> setting(QStringLiteral("Interface/Language"), QString());
    return setting;
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_languageLabel(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_note(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_note->setObjectName(QStringLiteral("languageNote"));
    m_note->setWordWrap(true);
    m_languageLabel->setBuddy(m_language);

    // Each language is named in itself, so a user who cannot read the current one still finds theirs.
    m_language->addItem(QString(), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    const int stored = m_language->findData(storedLanguage());
    m_language->setCurrentIndex(stored >= 0 ? stored : 0);

    auto *form = new QFormLayout;
    form->addRow(m_languageLabel, m_language);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateNote);
    retranslateUi();
}

QString PreferencesDialog::storedLanguage()
{
    const QString language = languageSetting().value();
    return LanguageLoader::availableLanguages().contains(language) ? language : QString();
}

void PreferencesDialog::storeLanguage(const QString &language)
{
    languageSetting().setValue(language);
}

QString PreferencesDialog::chosenLanguage() const
{
    return m_language->currentData().toString();
}

void PreferencesDialog::accept()
{
    storeLanguage(chosenLanguage());
    QDialog::accept();
}

void PreferencesDialog::updateNote()
{
    const bool changed = chosenLanguage() != storedLanguage();
    m_note->setText(changed ? tr("The new language applies the next time Frameline starts.")
                            : tr("A change of language applies the next time Frameline starts."));
}

void PreferencesDialog::retranslateUi()
{
    setWindowTitle(tr("Preferences"));
    m_languageLabel->setText(tr("&Language:"));
    // The C locale (LANG=C) has no language name; Frameline then speaks English.
    QString systemLanguage = QLocale::system().nativeLanguageName();
    if (systemLanguage.isEmpty())
        systemLanguage = QLocale(QLocale::English).nativeLanguageName();
    m_language->setItemText(0, tr("System (%1)").arg(systemLanguage));
    updateNote();
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace Frameline
