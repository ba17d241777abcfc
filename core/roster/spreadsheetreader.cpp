// SPDX-License-Identifier: GPL-3.0-or-later
#include "spreadsheetreader.h"

#include <QFileInfo>

namespace ClassDesk {

Result<SheetTable> SpreadsheetReader::readSheet(const QString &name) const
{
    const qsizetype index = sheetNames().indexOf(name);
    if (index < 0) {
        return makeError(QStringLiteral("roster.sheet_not_found"),
                         tr("The workbook has no sheet named \"%1\". Choose one of: %2.")
                             .arg(name, sheetNames().join(QStringLiteral(", "))));
    }
    return readSheet(static_cast<int>(index));
}

std::optional<SpreadsheetReader::Format> SpreadsheetReader::formatForFileName(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"xlsx" || suffix == u"xlsm")
        return Format::Xlsx;
    if (suffix == u"ods")
        return Format::Ods;
    return std::nullopt;
}

} // namespace ClassDesk
