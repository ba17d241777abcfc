// SPDX-License-Identifier: GPL-3.0-or-later
#include "offlinecopies.h"

#include "attendancestore.h"
#include "civiltime.h"
#include "database.h"
#include "outboxwriter.h"
#include "storesupport.h"

#include <array>

namespace ClassDesk::OfflineCopies {

using StoreSupport::run;

namespace {

// The boolean the query computes for a local row (?1) and its platform copy (?2).
Result<bool> pairCheck(Database &database, const char *sql, const QString &localId, const QString &platformId)
{
    auto statement = database.prepare(sql);
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, localId);
    statement->bind(2, platformId);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return *row && statement->int64At(0) != 0;
}

// The rows the query selects for one id, each as the text of its first
// `columnCount` columns.
Result<QList<QStringList>> rowsOf(Database &database, const char *sql, const QString &id, int columnCount)
{
    auto statement = database.prepare(sql);
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, id);
    QList<QStringList> rows;
    while (true) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return rows;
        QStringList columns;
        for (int column = 0; column < columnCount; ++column)
            columns.append(statement->textAt(column));
        rows.append(columns);
    }
}

// Moves an unsent mark to `sessionId` and `studentId` under the id every
// device derives for that pair, so the same mark taken on another device
// meets it as one entity. The copy is written before the old row goes,
// because the schema's foreign keys do not follow a changed id.
Status rekeyRecord(Database &database, const QString &oldId, const QString &sessionId, const QString &studentId)
{
    const QString newId = AttendanceStore::recordIdFor(sessionId, studentId);
    if (newId == oldId)
        return run(database, "UPDATE attendance_record SET session_id = ?1, student_id = ?2 WHERE id = ?3",
                   sessionId, studentId, oldId);

    const std::array statements = {
        "INSERT INTO attendance_record (id, session_id, student_id, status, note, marked_at, device, "
        "server_version, deleted_at, created_at, updated_at) SELECT ?1, ?2, ?3, status, note, marked_at, device, "
        "server_version, deleted_at, created_at, updated_at FROM attendance_record WHERE id = ?4",
        "UPDATE attendance_record_history SET record_id = ?1 WHERE record_id = ?4",
        "UPDATE outbox SET entity_id = ?1, payload = json_set(payload, '$.id', ?1, '$.session_id', ?2, "
        "'$.student_id', ?3) WHERE entity = 'attendance_record' AND entity_id = ?4 AND state <> 'acknowledged'",
        "DELETE FROM attendance_record WHERE id = ?4",
    };
    for (const char *sql : statements) {
        if (auto done = run(database, sql, newId, sessionId, studentId, oldId); !done)
            return done;
    }
    return {};
}

// Moves an unsent session to the platform's class under the id every device
// derives for that class, date and period, with its marks.
Status rekeySession(Database &database, const QString &oldId, const QString &dateText, int period,
                    const QString &classId)
{
    const QString newId = AttendanceStore::sessionIdFor(classId, dateText, period);
    const std::array copies = {
        "INSERT INTO attendance_session (id, class_id, date, period, lesson_id, server_version, deleted_at, "
        "created_at, updated_at) SELECT ?1, ?2, date, period, lesson_id, server_version, deleted_at, created_at, "
        "updated_at FROM attendance_session WHERE id = ?3",
        "UPDATE outbox SET entity_id = ?1, payload = json_set(payload, '$.id', ?1, '$.class_id', ?2) "
        "WHERE entity = 'attendance_session' AND entity_id = ?3 AND state <> 'acknowledged'",
    };
    for (const char *sql : copies) {
        if (auto done = run(database, sql, newId, classId, oldId); !done)
            return done;
    }

    const auto records =
        rowsOf(database, "SELECT id, student_id FROM attendance_record WHERE session_id = ?", oldId, 2);
    if (!records)
        return std::unexpected(records.error());
    for (const QStringList &record : *records) {
        if (auto moved = rekeyRecord(database, record.at(0), newId, record.at(1)); !moved)
            return moved;
    }
    return run(database, "DELETE FROM attendance_session WHERE id = ?", oldId);
}

// The first column of the query's first row, or nothing.
Result<std::optional<QString>> firstText(Statement &statement)
{
    const auto row = statement.step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<QString>();
    return std::optional(statement.textAt(0));
}

} // namespace

Result<bool> marksWouldClash(Database &database, const QString &localId, const QString &platformId)
{
    return pairCheck(database,
                     "SELECT EXISTS (SELECT 1 FROM attendance_record AS a JOIN attendance_record AS b "
                     "ON a.session_id = b.session_id WHERE a.student_id = ?1 AND b.student_id = ?2) "
                     "OR EXISTS (SELECT 1 FROM submission AS a JOIN submission AS b "
                     "ON a.assignment_id = b.assignment_id WHERE a.student_id = ?1 AND b.student_id = ?2)",
                     localId, platformId);
}

Result<bool> sessionsWouldClash(Database &database, const QString &localId, const QString &platformId)
{
    return pairCheck(database,
                     "SELECT EXISTS (SELECT 1 FROM attendance_session AS a JOIN attendance_session AS b "
                     "ON a.date = b.date AND a.period = b.period WHERE a.class_id = ?1 AND b.class_id = ?2)",
                     localId, platformId);
}

Status adoptClass(Database &database, const QString &localId, const QString &platformId)
{
    const qint64 now = CivilTime::nowMs();

    // Unsent rows carry the class id in their payload; ids are UUIDs, so
    // replacing the text in an assignment's target list is exact.
    const std::array rewrites = {
        "UPDATE outbox SET payload = json_set(payload, '$.class_id', ?1), updated_at = ?3 "
        "WHERE entity IN ('student', 'course', 'attendance_session') AND state <> 'acknowledged' "
        "AND json_extract(payload, '$.class_id') = ?2",
        "UPDATE outbox SET payload = replace(payload, ?2, ?1), updated_at = ?3 "
        "WHERE entity = 'assignment' AND state <> 'acknowledged' AND instr(payload, ?2) > 0",
        "UPDATE assignment SET target_class_ids = replace(target_class_ids, ?2, ?1), updated_at = ?3 "
        "WHERE instr(target_class_ids, ?2) > 0",
    };
    for (const char *sql : rewrites) {
        if (auto rewritten = run(database, sql, platformId, localId, now); !rewritten)
            return rewritten;
    }
    for (const char *sql : {"UPDATE student SET class_id = ?1 WHERE class_id = ?2",
                            "UPDATE course SET class_id = ?1 WHERE class_id = ?2"}) {
        if (auto moved = run(database, sql, platformId, localId); !moved)
            return moved;
    }

    const auto sessions = rowsOf(database, "SELECT id, date, period FROM attendance_session WHERE class_id = ?",
                                 localId, 3);
    if (!sessions)
        return std::unexpected(sessions.error());
    for (const QStringList &session : *sessions) {
        if (auto moved = rekeySession(database, session.at(0), session.at(1), session.at(2).toInt(), platformId);
            !moved) {
            return moved;
        }
    }

    if (auto dropped = run(database, "DELETE FROM outbox WHERE entity = 'class' AND entity_id = ? "
                                     "AND state <> 'acknowledged'",
                           localId);
        !dropped) {
        return dropped;
    }
    return run(database, "DELETE FROM class WHERE id = ?", localId);
}

Status adoptStudent(Database &database, const QString &localId, const QString &platformId)
{
    // Unsent marks carry the student id in their payload.
    if (auto rewritten = run(database,
                             "UPDATE outbox SET payload = json_set(payload, '$.student_id', ?1), updated_at = ?3 "
                             "WHERE entity IN ('attendance_record', 'submission') AND state <> 'acknowledged' "
                             "AND json_extract(payload, '$.student_id') = ?2",
                             platformId, localId, CivilTime::nowMs());
        !rewritten) {
        return rewritten;
    }
    const auto records =
        rowsOf(database, "SELECT id, session_id FROM attendance_record WHERE student_id = ?", localId, 2);
    if (!records)
        return std::unexpected(records.error());
    for (const QStringList &record : *records) {
        if (auto moved = rekeyRecord(database, record.at(0), record.at(1), platformId); !moved)
            return moved;
    }
    if (auto moved = run(database, "UPDATE submission SET student_id = ?1 WHERE student_id = ?2", platformId, localId);
        !moved) {
        return moved;
    }

    // Notes typed offline are kept; the platform's student carries them from now on.
    auto notes = database.prepare("SELECT notes FROM student WHERE id = ? AND notes <> '{}'");
    if (!notes)
        return std::unexpected(notes.error());
    notes->bind(1, localId);
    const auto hasNotes = notes->step();
    if (!hasNotes)
        return std::unexpected(hasNotes.error());
    const QString localNotes = *hasNotes ? notes->textAt(0) : QString();
    notes->reset();
    if (!localNotes.isEmpty()) {
        if (auto merged = run(database, "UPDATE student SET notes = json_patch(notes, ?1), updated_at = ?2 WHERE id = ?3",
                              localNotes, CivilTime::nowMs(), platformId);
            !merged) {
            return merged;
        }
        if (auto recorded = OutboxWriter::recordRow(database, QStringLiteral("student"), platformId,
                                                    QStringLiteral("update"));
            !recorded) {
            return recorded;
        }
    }

    if (auto dropped = run(database, "DELETE FROM outbox WHERE entity = 'student' AND entity_id = ? "
                                     "AND state <> 'acknowledged'",
                           localId);
        !dropped) {
        return dropped;
    }
    if (auto dropped = run(database, "DELETE FROM conflict WHERE entity = 'student' AND entity_id = ?", localId);
        !dropped) {
        return dropped;
    }
    // Foreign keys stop this delete if anything still refers to the local
    // student, so a reference this code does not know cannot lose data.
    return run(database, "DELETE FROM student WHERE id = ?", localId);
}

Result<std::optional<QString>> unsentClassNamed(Database &database, const QString &schoolId, const QString &name,
                                                const QString &platformId)
{
    auto statement = database.prepare("SELECT id FROM class WHERE school_id = ?1 AND name = ?2 AND id <> ?3 "
                                      "AND server_version IS NULL AND deleted_at IS NULL "
                                      "AND NOT EXISTS (SELECT 1 FROM outbox WHERE entity = 'class' "
                                      "AND entity_id = class.id AND state = 'sent') "
                                      "ORDER BY created_at LIMIT 1");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, schoolId).bind(2, name).bind(3, platformId);
    return firstText(*statement);
}

Result<std::optional<QString>> unsentStudentNumbered(Database &database, const QString &schoolId,
                                                     const QString &studentNumber)
{
    auto statement = database.prepare("SELECT id FROM student WHERE school_id = ?1 AND student_number = ?2 "
                                      "AND server_version IS NULL AND deleted_at IS NULL "
                                      "AND NOT EXISTS (SELECT 1 FROM outbox WHERE entity = 'student' "
                                      "AND entity_id = student.id AND state = 'sent')");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, schoolId).bind(2, studentNumber);
    return firstText(*statement);
}

Status releaseStudentNumber(Database &database, const QString &localId)
{
    // A control character and the row's own id cannot be a real student
    // number, and keep the placeholder unique among released copies.
    return run(database, "UPDATE student SET student_number = student_number || char(31) || id WHERE id = ?",
               localId);
}

} // namespace ClassDesk::OfflineCopies
