// SPDX-License-Identifier: GPL-3.0-or-later
#include "assignmentstore.h"

#include "civiltime.h"
#include "storesupport.h"
#include "uuid7.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace ClassDesk {

using StoreSupport::run;

namespace {

// Queues the attached courseware that is still only on this computer, so the
// outbox keeps the assignment back until its files are on the platform. Runs
// before the assignment's own write, whose change count the caller checks.
Status queueAttachments(Database &database, const QStringList &attachmentIds)
{
    return run(database,
               "UPDATE courseware SET upload_state = 'queued' WHERE upload_state = 'local' "
               "AND remote_id IS NULL AND deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))",
               StoreSupport::jsonText(attachmentIds));
}

const QString Entity = QStringLiteral("assignment");

constexpr const char *AssignmentColumns =
    "SELECT id, school_id, coalesce(course_id, ''), title, instructions, due_date, due_time, "
    "due_time_zone, target_class_ids, attachment_ids, state, publish_at, server_version FROM assignment ";

AssignmentState stateFromText(const QString &text)
{
    if (text == QLatin1String("scheduled"))
        return AssignmentState::Scheduled;
    if (text == QLatin1String("published"))
        return AssignmentState::Published;
    return AssignmentState::Draft;
}

std::optional<QString> optionalText(const QString &text)
{
    return text.isEmpty() ? std::nullopt : std::optional(text);
}

std::optional<QString> dueDateText(const Assignment &assignment)
{
    return assignment.dueDate.isValid() ? std::optional(CivilTime::dateText(assignment.dueDate)) : std::nullopt;
}

std::optional<QString> dueTimeText(const Assignment &assignment)
{
    return assignment.dueTime.isValid() ? std::optional(CivilTime::timeText(assignment.dueTime)) : std::nullopt;
}

Result<QList<Assignment>> readAssignments(Statement &statement)
{
    QList<Assignment> assignments;
    for (;;) {
        const auto row = statement.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return assignments;
        Assignment a;
        a.id = statement.textAt(0);
        a.schoolId = statement.textAt(1);
        a.courseId = statement.textAt(2);
        a.title = statement.textAt(3);
        a.instructions = statement.textAt(4);
        a.dueDate = CivilTime::parseDate(statement.textAt(5)).value_or(QDate());
        a.dueTime = CivilTime::parseTime(statement.textAt(6)).value_or(QTime());
        a.dueTimeZone = statement.textAt(7);
        a.targetClassIds = StoreSupport::jsonStrings(statement.textAt(8));
        a.attachmentIds = StoreSupport::jsonStrings(statement.textAt(9));
        a.state = stateFromText(statement.textAt(10));
        a.publishAt = statement.optionalInt64At(11);
        a.serverVersion = statement.optionalInt64At(12);
        assignments.append(a);
    }
}

} // namespace

QString assignmentStateText(AssignmentState state)
{
    switch (state) {
    case AssignmentState::Scheduled:
        return QStringLiteral("scheduled");
    case AssignmentState::Published:
        return QStringLiteral("published");
    case AssignmentState::Draft:
        break;
    }
    return QStringLiteral("draft");
}

std::optional<qint64> Assignment::dueInstant() const
{
    if (!dueDate.isValid())
        return std::nullopt;
    const QTime time = dueTime.isValid() ? dueTime : QTime(23, 59);
    return CivilTime::instantOf(dueDate, time, QTimeZone(dueTimeZone.toUtf8()));
}

AssignmentStore::AssignmentStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

Status AssignmentStore::write(const QString &id, const QString &op, const std::function<Status()> &work)
{
    const auto status = StoreSupport::writeAndRecord(m_database, Entity, id, op, work);
    if (status)
        emit changed(Entity, {id});
    return status;
}

Result<QString> AssignmentStore::createAssignment(const Assignment &assignment)
{
    const QString id = Uuid7::generate();
    const qint64 now = CivilTime::nowMs();
    const auto status = write(id, QStringLiteral("create"), [&]() -> Status {
        if (auto queued = queueAttachments(m_database, assignment.attachmentIds); !queued)
            return queued;

        // The zone is copied from the school inside the same statement, so it
        // cannot disagree with the row it came from.
        return run(m_database,
                   "INSERT INTO assignment (id, school_id, course_id, title, instructions, due_date, "
                   "due_time, due_time_zone, target_class_ids, attachment_ids, created_at, updated_at) "
                   "SELECT ?1, id, ?2, ?3, ?4, ?5, ?6, time_zone, ?7, ?8, ?9, ?9 FROM school "
                   "WHERE id = ?10",
                   id, optionalText(assignment.courseId), assignment.title, assignment.instructions,
                   dueDateText(assignment), dueTimeText(assignment),
                   StoreSupport::jsonText(assignment.targetClassIds),
                   StoreSupport::jsonText(assignment.attachmentIds), now, assignment.schoolId);
    });
    if (!status)
        return std::unexpected(status.error());
    return id;
}

Status AssignmentStore::updateAssignment(const Assignment &assignment)
{
    return write(assignment.id, QStringLiteral("update"), [&]() -> Status {
        if (auto queued = queueAttachments(m_database, assignment.attachmentIds); !queued)
            return queued;
        return run(m_database,
                   "UPDATE assignment SET course_id = ?, title = ?, instructions = ?, due_date = ?, "
                   "due_time = ?, target_class_ids = ?, attachment_ids = ?, updated_at = ? "
                   "WHERE id = ? AND deleted_at IS NULL",
                   optionalText(assignment.courseId), assignment.title, assignment.instructions,
                   dueDateText(assignment), dueTimeText(assignment),
                   StoreSupport::jsonText(assignment.targetClassIds),
                   StoreSupport::jsonText(assignment.attachmentIds), CivilTime::nowMs(), assignment.id);
    });
}

Status AssignmentStore::removeAssignment(const QString &id)
{
    const auto status = StoreSupport::softDelete(m_database, Entity, id);
    if (status)
        emit changed(Entity, {id});
    return status;
}

Status AssignmentStore::setState(const QString &id, AssignmentState state, std::optional<qint64> publishAt)
{
    if (state == AssignmentState::Scheduled && !publishAt) {
        return makeError(QStringLiteral("store.publish_time_missing"),
                         tr("Choose when the assignment should be published before scheduling it."));
    }
    if (state == AssignmentState::Published && !publishAt)
        publishAt = CivilTime::nowMs();
    if (state == AssignmentState::Draft)
        publishAt.reset();

    return write(id, QStringLiteral("update"), [&] {
        return run(m_database,
                   "UPDATE assignment SET state = ?, publish_at = ?, updated_at = ? "
                   "WHERE id = ? AND deleted_at IS NULL",
                   assignmentStateText(state), publishAt, CivilTime::nowMs(), id);
    });
}

Result<Assignment> AssignmentStore::assignment(const QString &id)
{
    const QByteArray sql = QByteArray(AssignmentColumns) + "WHERE id = ? AND deleted_at IS NULL";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, id);
    auto found = readAssignments(*statement);
    if (!found)
        return std::unexpected(found.error());
    if (found->isEmpty())
        return StoreSupport::notFound(Entity, id);
    return found->first();
}

Result<QList<Assignment>> AssignmentStore::assignments(const QString &schoolId)
{
    const QByteArray sql = QByteArray(AssignmentColumns)
                           + "WHERE school_id = ? AND deleted_at IS NULL ORDER BY due_date, id";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, schoolId);
    return readAssignments(*statement);
}

} // namespace ClassDesk
