#pragma once

#include <QtCore/QList>
#include <QtCore/QLocale>
#include <QtCore/QObject>
#include <QtCore/QString>

class QTranslator;

namespace Frameline {

// Installs the translations for the user interface language: Qt's own catalogue (qtbase_xx from Qt's
// translations directory, for standard dialogs and buttons) and Frameline's (compiled into the resources
// at :/i18n/). English is the source language and needs no catalogue. Installing a new language sends
// QEvent::LanguageChange to every widget.
//
// One per application, a child of it; GUI thread.
class LanguageLoader : public QObject
{
    Q_OBJECT
public:
    explicit LanguageLoader(QObject *parent);

    // The languages there is a Frameline catalogue for, as BCP 47 names ("en", "ko").
    static QStringList availableLanguages();

    // Installs the catalogues for `language` ("ko", "en"), or for the system locale when it is empty.
    // Returns false when there is no Frameline catalogue for a language that needs one.
    bool load(const QString &language);
    QLocale locale() const { return m_locale; }

private:
    void unload();

    QList<QTranslator *> m_installed;
    QLocale m_locale;
};

} // namespace Frameline
