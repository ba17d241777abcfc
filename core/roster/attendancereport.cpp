// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancereport.h"

#include <algorithm>

namespace ClassDesk {

namespace {

bool attended(AttendanceStatus status)
{
    return status == AttendanceStatus::Present || status == AttendanceStatus::Late
           || status == AttendanceStatus::EarlyLeave;
}

constexpr std::array<AttendanceStatus, s_attendanceStatusCount> s_statuses{
    AttendanceStatus::Present, AttendanceStatus::Late, AttendanceStatus::Absent,
    AttendanceStatus::Leave, AttendanceStatus::EarlyLeave};

} // namespace

QString AttendanceSymbols::symbol(AttendanceStatus status) const
{
    switch (status) {
    case AttendanceStatus::Present:
        return present;
    case AttendanceStatus::Late:
        return late;
    case AttendanceStatus::Absent:
        return absent;
    case AttendanceStatus::Leave:
        return leave;
    case AttendanceStatus::EarlyLeave:
        return earlyLeave;
    }
    return {};
}

int AttendanceReport::StudentLine::markedCount() const
{
    int count = 0;
    for (const int total : totals)
        count += total;
    return count;
}

std::optional<double> AttendanceReport::StudentLine::rate() const
{
    const int marked = markedCount();
    if (marked == 0)
        return std::nullopt;
    int present = 0;
    for (const AttendanceStatus status : s_statuses) {
        if (attended(status))
            present += total(status);
    }
    return double(present) / marked;
}

AttendanceReport AttendanceReport::build(const AttendanceReportInput &input)
{
    AttendanceReport report;
    report.m_className = input.className;

    for (const ReportSession &session : input.sessions) {
        if (session.date >= input.from && session.date <= input.to)
            report.m_sessions.append(session);
    }
    std::stable_sort(report.m_sessions.begin(), report.m_sessions.end(),
                     [](const ReportSession &a, const ReportSession &b) { return a.date < b.date; });

    QHash<QString, int> sessionColumn;
    for (int index = 0; index < report.m_sessions.size(); ++index)
        sessionColumn.insert(report.m_sessions[index].id, index);

    QHash<QString, int> studentLine;
    for (const ReportStudent &student : input.students) {
        studentLine.insert(student.id, static_cast<int>(report.m_lines.size()));
        StudentLine line;
        line.student = student;
        line.statuses.resize(report.m_sessions.size());
        report.m_lines.append(std::move(line));
    }

    // Marks for sessions outside the range or for students not listed are
    // ignored; a later mark for the same cell replaces an earlier one.
    for (const ReportMark &mark : input.marks) {
        const auto column = sessionColumn.constFind(mark.sessionId);
        const auto row = studentLine.constFind(mark.studentId);
        if (column == sessionColumn.cend() || row == studentLine.cend())
            continue;
        report.m_lines[*row].statuses[*column] = mark.status;
    }

    for (StudentLine &line : report.m_lines) {
        for (const std::optional<AttendanceStatus> &status : std::as_const(line.statuses)) {
            if (status)
                ++line.totals[static_cast<int>(*status)];
        }
    }
    return report;
}

std::optional<double> AttendanceReport::sessionRate(int sessionIndex) const
{
    int marked = 0;
    int present = 0;
    for (const StudentLine &line : m_lines) {
        const std::optional<AttendanceStatus> status = line.statuses.value(sessionIndex);
        if (!status)
            continue;
        ++marked;
        present += attended(*status) ? 1 : 0;
    }
    if (marked == 0)
        return std::nullopt;
    return double(present) / marked;
}

ExportTable AttendanceReport::toTable(const AttendanceSymbols &symbols) const
{
    ExportTable table;
    table.sheetName = tr("%1 attendance").arg(m_className);
    table.frozenColumns = 2;

    QList<ExportCell> header{ExportCell::fromText(tr("Student number")), ExportCell::fromText(tr("Name"))};
    table.columnWidths = {14, 10};
    for (const ReportSession &session : m_sessions) {
        const QString date = session.date.toString(QStringLiteral("MM-dd"));
        header.append(ExportCell::fromText(session.label.isEmpty() ? date : date + u'\n' + session.label));
        table.columnWidths.append(8);
    }
    for (const QString &title : {tr("Present"), tr("Late"), tr("Absent"), tr("On leave"),
                                 tr("Left early"), tr("Attendance rate")}) {
        header.append(ExportCell::fromText(title));
        table.columnWidths.append(8);
    }
    table.rows.append(header);

    for (const StudentLine &line : m_lines) {
        QList<ExportCell> row{ExportCell::fromText(line.student.studentNumber),
                              ExportCell::fromText(line.student.name)};
        for (const std::optional<AttendanceStatus> &status : line.statuses)
            row.append(status ? ExportCell::fromText(symbols.symbol(*status)) : ExportCell{});
        for (const AttendanceStatus status : s_statuses)
            row.append(ExportCell::fromNumber(line.total(status)));
        const std::optional<double> rate = line.rate();
        row.append(rate ? ExportCell::fromPercent(*rate) : ExportCell{});
        table.rows.append(row);
    }

    QList<ExportCell> rates{ExportCell{}, ExportCell::fromText(tr("Attendance rate"))};
    for (int index = 0; index < m_sessions.size(); ++index) {
        const std::optional<double> rate = sessionRate(index);
        rates.append(rate ? ExportCell::fromPercent(*rate) : ExportCell{});
    }
    table.rows.append(rates);
    return table;
}

} // namespace ClassDesk
