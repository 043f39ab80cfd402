#include "ui/mainwindow/languageloader.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QTranslator>

#include <cstring>

namespace Frameline {

namespace {
// Our catalogue names contexts after the class without its namespace ("Connection"), which is what
// `lupdate app ui` run from the repository root produces: it cannot resolve the repository-rooted
// includes, so it does not see that a QObject class lives in namespace Frameline. At run time a QObject's
// tr() asks for "Frameline::Connection"; this translator answers that from "Connection".
class CatalogueTranslator final : public QTranslator
{
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        QString result = QTranslator::translate(context, sourceText, disambiguation, n);
        static constexpr char Prefix[] = "Frameline::";
        if (result.isNull() && context && std::strncmp(context, Prefix, sizeof(Prefix) - 1) == 0)
            result = QTranslator::translate(context + sizeof(Prefix) - 1, sourceText, disambiguation, n);
        return result;
    }
};
} // namespace

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

    auto *ours = new CatalogueTranslator(this);
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
