// SPDX-License-Identifier: GPL-3.0-or-later
#include "submissionstore.h"

#include "database.h"

namespace ClassDesk {

namespace {

SubmissionState stateFromText(const QString &text)
{
    if (text == QLatin1String("submitted"))
        return SubmissionState::Submitted;
    if (text == QLatin1String("late"))
        return SubmissionState::Late;
    if (text == QLatin1String("graded"))
        return SubmissionState::Graded;
    if (text == QLatin1String("returned"))
        return SubmissionState::Returned;
    return SubmissionState::Missing;
}

} // namespace

SubmissionCounts countSubmissions(const QList<Submission> &submissions)
{
    SubmissionCounts counts;
    for (const Submission &submission : submissions) {
        if (!submission.id.isEmpty())
            ++counts.rows;
        switch (submission.state) {
        case SubmissionState::Missing: ++counts.missing; break;
        case SubmissionState::Late: ++counts.late; break;
        case SubmissionState::Submitted:
        case SubmissionState::Graded:
        case SubmissionState::Returned: ++counts.submitted; break;
        }
    }
    return counts;
}

SubmissionStore::SubmissionStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

Result<QList<Submission>> SubmissionStore::submissions(const QString &assignmentId)
{
    auto statement = m_database.prepare(
        "SELECT coalesce(s.id, ''), st.id, st.name, st.student_number, coalesce(s.state, 'missing'), "
        "s.score, s.submitted_at "
        "FROM assignment a JOIN student st ON st.deleted_at IS NULL "
        "LEFT JOIN submission s ON s.assignment_id = a.id AND s.student_id = st.id AND s.deleted_at IS NULL "
        "WHERE a.id = ?1 AND (s.id IS NOT NULL "
        "OR st.class_id IN (SELECT value FROM json_each(a.target_class_ids))) "
        "ORDER BY st.student_number, st.id");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, assignmentId);

    QList<Submission> found;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return found;
        Submission submission;
        submission.id = statement->textAt(0);
        submission.studentId = statement->textAt(1);
        submission.studentName = statement->textAt(2);
        submission.studentNumber = statement->textAt(3);
        submission.state = stateFromText(statement->textAt(4));
        submission.score = statement->optionalDoubleAt(5);
        submission.submittedAt = statement->optionalInt64At(6);
        found.append(submission);
    }
}

Result<SubmissionCounts> SubmissionStore::counts(const QString &assignmentId)
{
    const auto found = submissions(assignmentId);
    if (!found)
        return std::unexpected(found.error());
    return countSubmissions(*found);
}

} // namespace ClassDesk
