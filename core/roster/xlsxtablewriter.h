// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "exporttable.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ClassDesk {

// Writes ExportTables as the sheets of one XLSX workbook with libxlsxwriter:
// text as strings (leading zeros stay), numbers, percentages and dates as
// real typed cells, a bold frozen header row and the given column widths.
class XlsxTableWriter
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::XlsxTableWriter)

public:
    // Writes next to the target and renames at the end, so a failed export
    // leaves any earlier file in place.
    [[nodiscard]] static Status write(const QString &path, const QList<ExportTable> &tables);

    // Excel's sheet name rules: at most 31 characters, none of []:*?/\ and
    // not empty. Returns the name with those fixed.
    [[nodiscard]] static QString validSheetName(const QString &name, int index);
};

} // namespace ClassDesk
