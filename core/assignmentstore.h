// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTime>

#include <functional>
#include <optional>

namespace ClassDesk {

class Database;

enum class AssignmentState { Draft, Scheduled, Published };

[[nodiscard]] QString assignmentStateText(AssignmentState state);

struct Assignment
{
    QString id;
    QString schoolId;
    QString courseId; // empty when the assignment belongs to no course
    QString title;
    QString instructions;
    QDate dueDate;        // civil date in dueTimeZone; invalid when there is no due date
    QTime dueTime;        // time of day in dueTimeZone; invalid means 23:59
    QString dueTimeZone;  // the school's IANA zone when the assignment was saved
    QStringList targetClassIds;
    QStringList attachmentIds; // courseware ids
    AssignmentState state = AssignmentState::Draft;
    std::optional<qint64> publishAt; // UTC ms, set when scheduled or published
    std::optional<qint64> serverVersion;

    // The due date and time as an instant (UTC ms), or nothing without a due date.
    [[nodiscard]] std::optional<qint64> dueInstant() const;
};

// Assignments: drafts, scheduled and published ones.
class AssignmentStore : public QObject
{
    Q_OBJECT

public:
    explicit AssignmentStore(Database &database, QObject *parent = nullptr);

    // Creates a draft from `assignment` (its id, zone and state are ignored):
    // the due date is read in the school's time zone.
    [[nodiscard]] Result<QString> createAssignment(const Assignment &assignment);
    // Saves title, instructions, due date and time, classes and attachments.
    [[nodiscard]] Status updateAssignment(const Assignment &assignment);
    [[nodiscard]] Status removeAssignment(const QString &id);

    // Moves an assignment to `state`. Scheduling needs a publish instant;
    // publishing without one uses now.
    [[nodiscard]] Status setState(const QString &id, AssignmentState state,
                                  std::optional<qint64> publishAt = std::nullopt);

    [[nodiscard]] Result<Assignment> assignment(const QString &id);
    [[nodiscard]] Result<QList<Assignment>> assignments(const QString &schoolId);

signals:
    // Emitted after a commit that changed rows of `entity`.
    void changed(const QString &entity, const QStringList &ids);

private:
    [[nodiscard]] Status write(const QString &id, const QString &op, const std::function<Status()> &work);

    Database &m_database;
};

} // namespace ClassDesk
