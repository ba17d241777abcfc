// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagesetup.h"

#include "uilogging.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QTranslator>

namespace ClassDesk {

namespace {

// Preferred fonts for Chinese, by platform. Without one, Qt may fall back to a
// Japanese CJK font whose glyph shapes look wrong to a Chinese reader.
const QStringList ChineseFontFamilies = {
    QStringLiteral("Microsoft YaHei"),
    QStringLiteral("PingFang SC"),
    QStringLiteral("Noto Sans CJK SC"),
    QStringLiteral("Source Han Sans SC"),
    QStringLiteral("WenQuanYi Micro Hei"),
};

void preferChineseFont(QApplication &application)
{
    const QStringList available = QFontDatabase::families();
    for (const QString &family : ChineseFontFamilies) {
        if (!available.contains(family))
            continue;
        QFont font = application.font();
        font.setFamilies({family});
        application.setFont(font);
        qCDebug(lcUi) << "Using font" << family << "for Chinese";
        return;
    }
    qCInfo(lcUi) << "No Simplified Chinese font found; Qt's fallback font is used";
}

} // namespace

QString chooseLanguage(const QString &explicitChoice, const QLocale &systemLocale)
{
    if (!explicitChoice.isEmpty()) {
        const QString normalized = QString(explicitChoice).replace(QLatin1Char('-'), QLatin1Char('_'));
        if (normalized.compare(Language::SimplifiedChinese, Qt::CaseInsensitive) == 0
            || normalized.compare(QLatin1String("zh"), Qt::CaseInsensitive) == 0) {
            return Language::SimplifiedChinese;
        }
        if (normalized.compare(Language::English, Qt::CaseInsensitive) == 0
            || normalized.startsWith(QLatin1String("en_"), Qt::CaseInsensitive)) {
            return Language::English;
        }
        return {};
    }

    // Every Chinese locale (zh_CN, zh_TW, zh_HK, zh_SG) reads Chinese better than
    // English, and Simplified Chinese is the translation ClassDesk ships.
    if (systemLocale.language() == QLocale::Chinese)
        return Language::SimplifiedChinese;
    return Language::English;
}

bool installTranslators(QCoreApplication &application, const QString &language)
{
    auto *translator = new QTranslator(&application);
    const QString fileName = QStringLiteral("classdesk_%1").arg(language);
    if (!translator->load(fileName, QStringLiteral(":/i18n"))) {
        qCWarning(lcUi) << "Could not load the translation" << fileName;
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);

    // Qt's own strings (standard buttons, file dialogs) ship with Qt, when installed.
    auto *qtTranslator = new QTranslator(&application);
    if (qtTranslator->load(QStringLiteral("qtbase_%1").arg(language),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    } else {
        delete qtTranslator;
    }
    QLocale::setDefault(QLocale(language));
    return true;
}

bool installLanguage(QApplication &application, const QString &language)
{
    if (!installTranslators(application, language))
        return false;
    if (language == Language::SimplifiedChinese)
        preferChineseFont(application);
    qCInfo(lcUi) << "Interface language" << language;
    return true;
}

} // namespace ClassDesk
