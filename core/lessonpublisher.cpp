// SPDX-License-Identifier: GPL-3.0-or-later
#include "lessonpublisher.h"

#include "attendancestore.h"

#include "civiltime.h"
#include "corelogging.h"
#include "database.h"
#include "outboxwriter.h"
#include "storesupport.h"
#include "uuid7.h"

namespace ClassDesk {

using StoreSupport::run;

namespace {

const QString AssignmentEntity = QStringLiteral("assignment");
const QString CoursewareEntity = QStringLiteral("courseware");
const QString SessionEntity = QStringLiteral("attendance_session");

struct LessonSlot
{
    QString classId;
    QString date;
    int period = 1;
};

struct PublishableAssignment
{
    QString id;
    QString title;
    QString state;
    std::optional<qint64> publishAt;
    QStringList attachmentIds;
    QStringList targetClassIds;
};

Result<LessonSlot> readLessonSlot(Database &database, const QString &lessonId)
{
    auto statement = database.prepare("SELECT c.class_id, l.date, l.period FROM lesson l "
                                      "JOIN course c ON c.id = l.course_id "
                                      "WHERE l.id = ? AND l.deleted_at IS NULL");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, lessonId);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return StoreSupport::notFound(QStringLiteral("lesson"), lessonId);
    return LessonSlot{statement->textAt(0), statement->textAt(1), int(statement->int64At(2))};
}

// Runs a query with one text parameter and returns its first column.
Result<QStringList> firstColumn(Database &database, const char *sql, const QString &value)
{
    auto statement = database.prepare(sql);
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, value);

    QStringList values;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return values;
        values.append(statement->textAt(0));
    }
}

Result<QList<PublishableAssignment>> readPublishableAssignments(Database &database, const QString &lessonId)
{
    auto statement = database.prepare("SELECT id, title, state, publish_at, attachment_ids, target_class_ids FROM assignment "
                                      "WHERE lesson_id = ? AND deleted_at IS NULL "
                                      "AND state IN ('draft', 'scheduled') ORDER BY created_at, id");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, lessonId);

    QList<PublishableAssignment> found;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return found;
        found.append({statement->textAt(0), statement->textAt(1), statement->textAt(2),
                      statement->optionalInt64At(3), StoreSupport::jsonStrings(statement->textAt(4)),
                      StoreSupport::jsonStrings(statement->textAt(5))});
    }
}

Result<qint64> latestOutboxSeq(Database &database, const QString &entity, const QString &id)
{
    auto statement = database.prepare("SELECT max(seq) FROM outbox WHERE entity = ? AND entity_id = ?");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, entity).bind(2, id);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? statement->optionalInt64At(0).value_or(0) : 0;
}

// The first column of the first row of a query, or nothing without a row.
template<typename... Values>
Result<std::optional<QString>> singleText(Database &database, const char *sql, const Values &...values)
{
    auto statement = database.prepare(sql);
    if (!statement)
        return std::unexpected(statement.error());
    int index = 1;
    (statement->bind(index++, values), ...);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? std::optional(statement->textAt(0)) : std::nullopt;
}

// Opens the lesson's attendance session unless the teacher already did.
Status openLessonSession(Database &database, const LessonSlot &slot, const QString &lessonId,
                         LessonPublication *publication)
{
    const auto existing = singleText(database,
                                     "SELECT id FROM attendance_session WHERE class_id = ? AND date = ? "
                                     "AND period = ?",
                                     slot.classId, slot.date, slot.period);
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->has_value()) {
        publication->sessionId = **existing;
        return {};
    }

    // The same id AttendanceStore::openSession() makes, so two devices agree.
    const QString id = AttendanceStore::sessionIdFor(slot.classId, slot.date, slot.period);
    if (auto inserted = run(database,
                            "INSERT INTO attendance_session (id, class_id, date, period, lesson_id, created_at, "
                            "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                            id, slot.classId, slot.date, slot.period, lessonId, publication->publishedAt);
        !inserted)
        return inserted;
    if (auto recorded = OutboxWriter::recordRow(database, SessionEntity, id, QStringLiteral("create")); !recorded)
        return recorded;
    const auto seq = latestOutboxSeq(database, SessionEntity, id);
    if (!seq)
        return std::unexpected(seq.error());

    publication->sessionId = id;
    publication->sessionCreated = true;
    publication->sessionOutboxSeq = *seq;
    return {};
}

std::unexpected<Error> tooLate(const QString &detail)
{
    qCInfo(lcCoreStore) << "Undo of a lesson publish rejected:" << detail;
    return makeError(QStringLiteral("publish.undo_too_late"),
                     LessonPublisher::tr("Part of the lesson has already been sent, so the publish can no "
                                         "longer be undone. Change the items one by one instead."));
}

} // namespace

LessonPublisher::LessonPublisher(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

Result<LessonPublication> LessonPublisher::publish(const QString &lessonId)
{
    LessonPublication publication;
    const auto status = m_database.writeTransaction([&] {
        // A retried transaction starts from a clean record.
        publication = LessonPublication();
        return publishInTransaction(lessonId, &publication);
    });
    if (!status)
        return std::unexpected(status.error());

    qCInfo(lcCoreStore) << "Published lesson" << lessonId << "courseware" << publication.courseware.size()
                        << "assignments" << publication.assignments.size() << "session created"
                        << publication.sessionCreated;
    emitChanges(publication);
    return publication;
}

Status LessonPublisher::publishInTransaction(const QString &lessonId, LessonPublication *publication)
{
    const auto slot = readLessonSlot(m_database, lessonId);
    if (!slot)
        return std::unexpected(slot.error());
    publication->lessonId = lessonId;
    publication->publishedAt = CivilTime::nowMs();
    const qint64 now = publication->publishedAt;

    // Assignments first: their attachments are queued with the lesson's courseware.
    const auto assignments = readPublishableAssignments(m_database, lessonId);
    if (!assignments)
        return std::unexpected(assignments.error());
    QStringList coursewareIds;
    for (const PublishableAssignment &assignment : *assignments) {
        if (assignment.title.trimmed().isEmpty()) {
            return makeError(QStringLiteral("publish.assignment_title_missing"),
                             tr("The lesson's assignment has no title. Give it a title, then publish "
                                "the lesson again."));
        }
        if (assignment.targetClassIds.isEmpty()) {
            return makeError(QStringLiteral("publish.assignment_classes_missing"),
                             tr("The lesson's assignment has no class to go to. Choose its classes under "
                                "Assignments, then publish the lesson again."));
        }
        if (auto updated = run(m_database,
                               "UPDATE assignment SET state = 'published', publish_at = ?1, updated_at = ?1 "
                               "WHERE id = ?2",
                               now, assignment.id);
            !updated)
            return updated;
        if (auto recorded = OutboxWriter::recordRow(m_database, AssignmentEntity, assignment.id,
                                                    QStringLiteral("update"));
            !recorded)
            return recorded;
        const auto seq = latestOutboxSeq(m_database, AssignmentEntity, assignment.id);
        if (!seq)
            return std::unexpected(seq.error());
        publication->assignments.append({assignment.id, assignment.state, assignment.publishAt, *seq});
        coursewareIds += assignment.attachmentIds;
    }

    const auto linked = firstColumn(m_database,
                                    "SELECT courseware_id FROM lesson_courseware WHERE lesson_id = ? "
                                    "ORDER BY position",
                                    lessonId);
    if (!linked)
        return std::unexpected(linked.error());
    coursewareIds = *linked + coursewareIds;
    coursewareIds.removeDuplicates();

    // Upload bookkeeping is local, like CoursewareStore::setUploadState(): no
    // outbox row. Files already uploaded, uploading or queued stay as they are.
    for (const QString &id : std::as_const(coursewareIds)) {
        const auto state = singleText(m_database,
                                      "SELECT upload_state FROM courseware WHERE id = ? AND deleted_at IS NULL",
                                      id);
        if (!state)
            return std::unexpected(state.error());
        if (!state->has_value() || (**state != QLatin1String("local") && **state != QLatin1String("failed")))
            continue;
        if (auto queued = run(m_database, "UPDATE courseware SET upload_state = 'queued' WHERE id = ?", id);
            !queued)
            return queued;
        publication->courseware.append({id, **state});
    }

    return openLessonSession(m_database, *slot, lessonId, publication);
}

Result<bool> LessonPublisher::canUndo(const LessonPublication &publication)
{
    const auto status = checkUndoable(publication);
    if (status)
        return true;
    if (status.error().code.startsWith(QLatin1String("publish.")))
        return false;
    return std::unexpected(status.error());
}

Status LessonPublisher::undo(const LessonPublication &publication)
{
    const auto status = m_database.writeTransaction([&]() -> Status {
        // Checked under the write lock, so the sync engine cannot send an
        // entry between the check and the change.
        if (auto undoable = checkUndoable(publication); !undoable)
            return undoable;
        return undoInTransaction(publication);
    });
    if (!status)
        return status;

    qCInfo(lcCoreStore) << "Undid the publish of lesson" << publication.lessonId;
    emitChanges(publication);
    return {};
}

Status LessonPublisher::checkUndoable(const LessonPublication &publication)
{
    for (const auto &change : publication.courseware) {
        const auto state = singleText(m_database, "SELECT upload_state FROM courseware WHERE id = ?", change.id);
        if (!state)
            return std::unexpected(state.error());
        if (state->value_or(QString()) != QLatin1String("queued"))
            return tooLate(QStringLiteral("courseware %1 left the upload queue").arg(change.id));
    }

    QList<qint64> seqs;
    for (const auto &change : publication.assignments)
        seqs.append(change.outboxSeq);
    if (publication.sessionCreated)
        seqs.append(publication.sessionOutboxSeq);
    for (qint64 seq : std::as_const(seqs)) {
        const auto state = singleText(m_database, "SELECT state FROM outbox WHERE seq = ?", seq);
        if (!state)
            return std::unexpected(state.error());
        if (state->value_or(QString()) != QLatin1String("pending"))
            return tooLate(QStringLiteral("outbox entry %1 was sent").arg(seq));
    }

    if (publication.sessionCreated) {
        const auto mark = singleText(m_database, "SELECT id FROM attendance_record WHERE session_id = ? LIMIT 1",
                                     publication.sessionId);
        if (!mark)
            return std::unexpected(mark.error());
        if (mark->has_value()) {
            return makeError(QStringLiteral("publish.undo_has_marks"),
                             tr("Attendance has already been taken in this lesson, so the publish can no "
                                "longer be undone."));
        }
    }
    return {};
}

Status LessonPublisher::undoInTransaction(const LessonPublication &publication)
{
    for (const auto &change : publication.courseware) {
        if (auto restored = run(m_database, "UPDATE courseware SET upload_state = ? WHERE id = ?",
                                change.previousUploadState, change.id);
            !restored)
            return restored;
    }

    // An update folds into the assignment's pending entry, so the platform
    // gets the assignment as it was before the publish, or nothing new.
    for (const auto &change : publication.assignments) {
        if (auto restored = run(m_database,
                                "UPDATE assignment SET state = ?, publish_at = ?, updated_at = ? WHERE id = ?",
                                change.previousState, change.previousPublishAt, CivilTime::nowMs(), change.id);
            !restored)
            return restored;
        if (auto recorded = OutboxWriter::recordRow(m_database, AssignmentEntity, change.id,
                                                    QStringLiteral("update"));
            !recorded)
            return recorded;
    }

    if (!publication.sessionCreated)
        return {};
    // A create and its delete that were never sent cancel out: both rows go.
    if (auto dropped = run(m_database, "DELETE FROM outbox WHERE seq = ? AND state = 'pending'",
                           publication.sessionOutboxSeq);
        !dropped)
        return dropped;
    return run(m_database, "DELETE FROM attendance_session WHERE id = ?", publication.sessionId);
}

void LessonPublisher::emitChanges(const LessonPublication &publication)
{
    QStringList coursewareIds;
    for (const auto &change : publication.courseware)
        coursewareIds.append(change.id);
    QStringList assignmentIds;
    for (const auto &change : publication.assignments)
        assignmentIds.append(change.id);

    if (!coursewareIds.isEmpty())
        emit changed(CoursewareEntity, coursewareIds);
    if (!assignmentIds.isEmpty())
        emit changed(AssignmentEntity, assignmentIds);
    if (!publication.sessionId.isEmpty())
        emit changed(SessionEntity, {publication.sessionId});
}

} // namespace ClassDesk
