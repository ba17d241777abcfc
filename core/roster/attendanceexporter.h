// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attendancereport.h"
#include "error.h"

#include <QString>

namespace ClassDesk {

// Saves an attendance report for one class and date range as XLSX or CSV.
class AttendanceExporter
{
public:
    [[nodiscard]] static Status writeXlsx(const QString &path, const AttendanceReportInput &input,
                                          const AttendanceSymbols &symbols = {});
    [[nodiscard]] static Status writeCsv(const QString &path, const AttendanceReportInput &input,
                                         const AttendanceSymbols &symbols = {});
};

} // namespace ClassDesk
