// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attendancereport.h"
#include "error.h"

namespace ClassDesk {

class AttendanceStore;
class ClassStore;

// Reads what an attendance export of one class over [from, to] needs from the
// stores: the class's students by student number, its sessions and their marks.
[[nodiscard]] Result<AttendanceReportInput> loadAttendanceReport(ClassStore &classes, AttendanceStore &attendance,
                                                                 const QString &schoolId, const QString &classId,
                                                                 const QString &className, QDate from, QDate to);

} // namespace ClassDesk
