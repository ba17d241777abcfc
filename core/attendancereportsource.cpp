// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancereportsource.h"

#include "attendancestore.h"
#include "classstore.h"

#include <QCoreApplication>

namespace ClassDesk {

Result<AttendanceReportInput> loadAttendanceReport(ClassStore &classes, AttendanceStore &attendance,
                                                   const QString &schoolId, const QString &classId,
                                                   const QString &className, QDate from, QDate to)
{
    AttendanceReportInput input;
    input.className = className;
    input.from = from;
    input.to = to;

    StudentFilter filter;
    filter.schoolId = schoolId;
    filter.classId = classId;
    auto students = classes.students(filter);
    if (!students)
        return std::unexpected(students.error());
    std::sort(students->begin(), students->end(), [](const Student &left, const Student &right) {
        return left.studentNumber < right.studentNumber;
    });
    for (const Student &student : *students)
        input.students.append(ReportStudent{student.id, student.studentNumber, student.name});

    const auto sessions = attendance.sessions(classId, from, to);
    if (!sessions)
        return std::unexpected(sessions.error());
    for (const AttendanceSession &session : *sessions) {
        const QString label = QCoreApplication::translate("ClassDesk::AttendanceReport", "Period %1")
                                  .arg(session.period);
        input.sessions.append(ReportSession{session.id, session.date, label});

        const auto marks = attendance.marks(session.id);
        if (!marks)
            return std::unexpected(marks.error());
        for (const AttendanceMark &mark : *marks)
            input.marks.append(ReportMark{session.id, mark.studentId, mark.status});
    }
    return input;
}

} // namespace ClassDesk
