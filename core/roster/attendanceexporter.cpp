// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendanceexporter.h"

#include "csvwriter.h"
#include "rosterlogging.h"
#include "xlsxtablewriter.h"

namespace ClassDesk {

Status AttendanceExporter::writeXlsx(const QString &path, const AttendanceReportInput &input,
                                     const AttendanceSymbols &symbols)
{
    const AttendanceReport report = AttendanceReport::build(input);
    qCInfo(lcCoreRoster) << "Exporting attendance as XLSX:" << report.lines().size() << "students,"
                         << report.sessions().size() << "sessions";
    return XlsxTableWriter::write(path, {report.toTable(symbols)});
}

Status AttendanceExporter::writeCsv(const QString &path, const AttendanceReportInput &input,
                                    const AttendanceSymbols &symbols)
{
    const AttendanceReport report = AttendanceReport::build(input);
    qCInfo(lcCoreRoster) << "Exporting attendance as CSV:" << report.lines().size() << "students,"
                         << report.sessions().size() << "sessions";
    return CsvWriter::write(path, report.toTable(symbols));
}

} // namespace ClassDesk
