// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterexporter.h"

#include "csvwriter.h"
#include "rosterlogging.h"
#include "xlsxtablewriter.h"

namespace ClassDesk {

namespace {

// Every note title of any row. RosterRow::notes is a QMap, so within a row
// the titles come sorted, not in the order of the original file.
QStringList noteTitles(const QList<RosterRow> &rows)
{
    QStringList titles;
    for (const RosterRow &row : rows) {
        for (auto note = row.notes.cbegin(); note != row.notes.cend(); ++note) {
            if (!titles.contains(note.key()))
                titles.append(note.key());
        }
    }
    return titles;
}

} // namespace

ExportTable RosterExporter::toTable(const QList<RosterRow> &rows, const QString &sheetName)
{
    ExportTable table;
    table.sheetName = sheetName;
    table.frozenColumns = 2;
    table.columnWidths = {14, 10, 6, 12};

    const QStringList notes = noteTitles(rows);
    QList<ExportCell> header{ExportCell::fromText(tr("Student number")), ExportCell::fromText(tr("Name")),
                             ExportCell::fromText(tr("Gender")), ExportCell::fromText(tr("Class"))};
    for (const QString &title : notes) {
        header.append(ExportCell::fromText(title));
        table.columnWidths.append(16);
    }
    table.rows.append(header);

    for (const RosterRow &row : rows) {
        QList<ExportCell> cells{ExportCell::fromText(row.studentNumber), ExportCell::fromText(row.name),
                                ExportCell::fromText(row.gender), ExportCell::fromText(row.className)};
        for (const QString &title : notes)
            cells.append(ExportCell::fromText(row.notes.value(title)));
        table.rows.append(cells);
    }
    return table;
}

Status RosterExporter::writeXlsx(const QString &path, const QList<RosterRow> &rows,
                                 const QString &sheetName)
{
    qCInfo(lcCoreRoster) << "Exporting roster as XLSX:" << rows.size() << "students";
    return XlsxTableWriter::write(path, {toTable(rows, sheetName)});
}

Status RosterExporter::writeCsv(const QString &path, const QList<RosterRow> &rows)
{
    qCInfo(lcCoreRoster) << "Exporting roster as CSV:" << rows.size() << "students";
    return CsvWriter::write(path, toTable(rows, {}));
}

} // namespace ClassDesk
