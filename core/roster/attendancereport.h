// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attendancestore.h"
#include "exporttable.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace ClassDesk {

// The statuses are the attendance store's, in its order.
inline constexpr int s_attendanceStatusCount = 5;

// The symbol printed for each status. The defaults are the marks Chinese
// class registers use; a school may prefer others.
struct AttendanceSymbols
{
    QString present = QStringLiteral("√");
    QString late = QStringLiteral("迟");
    QString absent = QStringLiteral("×");
    QString leave = QStringLiteral("假");
    QString earlyLeave = QStringLiteral("早");

    [[nodiscard]] QString symbol(AttendanceStatus status) const;
};

struct ReportStudent
{
    QString id;
    QString studentNumber;
    QString name;
};

struct ReportSession
{
    QString id;
    QDate date;    // the civil date in the school's time zone
    QString label; // e.g. "第2节 数学"; may be empty
};

struct ReportMark
{
    QString sessionId;
    QString studentId;
    AttendanceStatus status = AttendanceStatus::Present;
};

// Everything an attendance export reads, as plain data from the stores.
struct AttendanceReportInput
{
    QString className;
    QDate from; // inclusive
    QDate to;   // inclusive
    QList<ReportStudent> students; // in the order the sheet lists them
    QList<ReportSession> sessions;
    QList<ReportMark> marks;
};

// An attendance sheet for one class and date range: one row per student,
// one column per session, then the count of each status and the rate.
// The rate is (present + late + left early) divided by the sessions that
// have a mark for that student. A session without a mark stays blank and
// counts nowhere.
class AttendanceReport
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::AttendanceReport)

public:
    struct StudentLine
    {
        ReportStudent student;
        QList<std::optional<AttendanceStatus>> statuses; // one per session()
        std::array<int, s_attendanceStatusCount> totals{};

        [[nodiscard]] int total(AttendanceStatus status) const { return totals[static_cast<int>(status)]; }
        [[nodiscard]] int markedCount() const;
        [[nodiscard]] std::optional<double> rate() const; // nullopt without any mark
    };

    [[nodiscard]] static AttendanceReport build(const AttendanceReportInput &input);

    [[nodiscard]] const QList<ReportSession> &sessions() const { return m_sessions; }
    [[nodiscard]] const QList<StudentLine> &lines() const { return m_lines; }

    // The share of marked students who attended each session.
    [[nodiscard]] std::optional<double> sessionRate(int sessionIndex) const;

    // The sheet: header, a row per student, and a last row with each
    // session's rate. Headers are translated.
    [[nodiscard]] ExportTable toTable(const AttendanceSymbols &symbols = {}) const;

private:
    QString m_className;
    QList<ReportSession> m_sessions;
    QList<StudentLine> m_lines;
};

} // namespace ClassDesk
