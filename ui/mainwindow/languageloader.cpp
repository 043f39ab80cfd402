#include "ui/mainwindow/languageloader.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QTranslator>

namespace Frameline {

LanguageLoader::LanguageLoader(QObject *parent)
    : QObject(parent)
{ }

QStringList LanguageLoader::availableLanguages()
{
    return { QStringLiteral("en"), QStringLiteral("ko") };
}

bool LanguageLoader::load(const QString &language)
{
    unload();
    m_locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(m_locale);
    if (m_locale.language() == QLocale::English || m_locale.language() == QLocale::C)
        return true;

    // Qt's own strings first, so ours take precedence where both translate the same text.
    auto *qt = new QTranslator(this);
    if (qt->load(m_locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))
        && QCoreApplication::installTranslator(qt)) {
        m_installed.append(qt);
    } else {
        delete qt;
    }

    auto *ours = new QTranslator(this);
    if (ours->load(m_locale, QStringLiteral("frameline"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        && QCoreApplication::installTranslator(ours)) {
        m_installed.append(ours);
        return true;
    }
    delete ours;
    // The system may ask for a language we do not have; that is not an error, the UI stays in English.
    return language.isEmpty();
}

void LanguageLoader::unload()
{
    for (QTranslator *translator : std::as_const(m_installed)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    m_installed.clear();
}

} // namespace Frameline
