// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "exporttable.h"
#include "rosterpreview.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ClassDesk {

// Saves a class roster as XLSX or CSV in the layout RosterImporter reads,
// so an exported roster imports back unchanged: student number, name,
// gender, class, then one column per note title.
class RosterExporter
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::RosterExporter)

public:
    // Student numbers are text cells, so leading zeros survive in Excel.
    [[nodiscard]] static ExportTable toTable(const QList<RosterRow> &rows, const QString &sheetName);

    [[nodiscard]] static Status writeXlsx(const QString &path, const QList<RosterRow> &rows,
                                          const QString &sheetName);
    [[nodiscard]] static Status writeCsv(const QString &path, const QList<RosterRow> &rows);
};

} // namespace ClassDesk
