// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

namespace ClassDesk {

class Database;

enum class SubmissionState { Missing, Submitted, Late, Graded, Returned };

// One student's work on an assignment. Students of the target classes who
// have no submission row yet are listed as missing with an empty id.
struct Submission
{
    QString id;
    QString studentId;
    QString studentName;
    QString studentNumber;
    SubmissionState state = SubmissionState::Missing;
    std::optional<double> score;
    std::optional<qint64> submittedAt; // UTC ms
};

// Submissions counted the way the teacher reads them: graded and returned
// work was handed in on time.
struct SubmissionCounts
{
    int submitted = 0;
    int late = 0;
    int missing = 0;
    int rows = 0; // submission rows the platform sent; 0 means nothing arrived yet
};

// Reads the submissions that sync brings from the platform. Students hand
// work in on the platform, so this store never writes.
class SubmissionStore : public QObject
{
    Q_OBJECT

public:
    explicit SubmissionStore(Database &database, QObject *parent = nullptr);

    // Every student of the assignment's target classes and every student
    // with a submission row, by student number.
    [[nodiscard]] Result<QList<Submission>> submissions(const QString &assignmentId);
    [[nodiscard]] Result<SubmissionCounts> counts(const QString &assignmentId);

signals:
    // Emitted by the writer of submission rows (sync), so views read them again.
    void changed(const QString &entity, const QStringList &ids);

private:
    Database &m_database;
};

[[nodiscard]] SubmissionCounts countSubmissions(const QList<Submission> &submissions);

} // namespace ClassDesk
