// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

class QApplication;
class QCoreApplication;

namespace ClassDesk {

// The user interface languages ClassDesk ships.
namespace Language {
inline const QString SimplifiedChinese = QStringLiteral("zh_CN");
inline const QString English = QStringLiteral("en");
} // namespace Language

// Picks the interface language: an explicit choice ("zh_CN" or "en", from
// --lang or the settings) wins, otherwise any Chinese system locale starts in
// Chinese and every other locale in English. Returns an empty string for an
// explicit choice that ClassDesk does not ship.
[[nodiscard]] QString chooseLanguage(const QString &explicitChoice, const QLocale &systemLocale);

// Installs ClassDesk's and Qt's own translations for the language on the
// application, and a font with Simplified Chinese glyph shapes for Chinese.
// Returns false when ClassDesk's translation could not be loaded.
bool installLanguage(QApplication &application, const QString &language);

// Installs ClassDesk's and Qt's translations only, for console programs.
bool installTranslators(QCoreApplication &application, const QString &language);

} // namespace ClassDesk
