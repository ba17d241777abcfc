// SPDX-License-Identifier: GPL-3.0-or-later
#include "schoolstore.h"

#include "civiltime.h"
#include "corelogging.h"
#include "outboxwriter.h"
#include "storesupport.h"
#include "uuid7.h"

#include <QCoreApplication>
#include <QPair>

#include <array>

namespace ClassDesk {

using StoreSupport::run;

SchoolStore::SchoolStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

Result<QString> SchoolStore::createSchool(const QString &name, const QString &timeZone)
{
    if (!QTimeZone(timeZone.toUtf8()).isValid()) {
        return makeError(QStringLiteral("store.invalid_time_zone"),
                         tr("The time zone %1 is not known. Use a zone name such as Asia/Shanghai.")
                             .arg(timeZone));
    }

    const QString id = Uuid7::generate();
    const qint64 now = CivilTime::nowMs();
    const auto status = StoreSupport::writeAndRecord(m_database, QStringLiteral("school"), id,
                                                     QStringLiteral("create"), [&] {
        return run(m_database,
                   "INSERT INTO school (id, name, time_zone, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?)",
                   id, name, timeZone, now, now);
    });
    if (!status)
        return std::unexpected(status.error());
    emit changed(QStringLiteral("school"), {id});
    return id;
}

Result<QString> SchoolStore::createTeacher(const QString &schoolId, const QString &name,
                                           const QString &account)
{
    const QString id = Uuid7::generate();
    const qint64 now = CivilTime::nowMs();
    const auto status = StoreSupport::writeAndRecord(m_database, QStringLiteral("teacher"), id,
                                                     QStringLiteral("create"), [&] {
        return run(m_database,
                   "INSERT INTO teacher (id, school_id, name, account, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   id, schoolId, name, account, now, now);
    });
    if (!status)
        return std::unexpected(status.error());
    emit changed(QStringLiteral("teacher"), {id});
    return id;
}

Result<School> SchoolStore::school(const QString &id)
{
    auto statement = m_database.prepare("SELECT id, name, time_zone FROM school "
                                        "WHERE id = ? AND deleted_at IS NULL");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, id);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return StoreSupport::notFound(QStringLiteral("school"), id);
    return School{statement->textAt(0), statement->textAt(1), statement->textAt(2)};
}

Result<QString> SchoolStore::createLocalSchool(const QString &name, const QString &timeZone)
{
    const QString id = Uuid7::generate();
    const qint64 now = CivilTime::nowMs();
    const auto status = m_database.writeTransaction([&] {
        return run(m_database,
                   "INSERT INTO school (id, name, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                   id, name, timeZone, now, now);
    });
    if (!status)
        return std::unexpected(status.error());
    emit changed(QStringLiteral("school"), {id});
    return id;
}

Result<std::optional<QString>> SchoolStore::platformSchool()
{
    auto statement = m_database.prepare("SELECT id FROM school WHERE server_version IS NOT NULL "
                                        "AND deleted_at IS NULL ORDER BY created_at LIMIT 1");
    if (!statement)
        return std::unexpected(statement.error());
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? std::optional(statement->textAt(0)) : std::nullopt;
}

namespace {

// The (local id, platform id) pairs the query selects for the platform's school.
Result<QList<QPair<QString, QString>>> idPairs(Database &database, const char *sql, const QString &platformSchoolId)
{
    auto statement = database.prepare(sql);
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, platformSchoolId);
    QList<QPair<QString, QString>> pairs;
    while (true) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return pairs;
        pairs.append({statement->textAt(0), statement->textAt(1)});
    }
}

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

// Local students (never acknowledged by the platform) whose student number
// the platform's school already has, paired with the platform's student.
Result<QList<QPair<QString, QString>>> duplicateStudents(Database &database, const QString &platformSchoolId)
{
    return idPairs(database,
                   "SELECT local.id, platform.id FROM student AS local JOIN student AS platform "
                   "ON platform.school_id = ? AND platform.student_number = local.student_number "
                   "AND platform.server_version IS NOT NULL AND platform.deleted_at IS NULL "
                   "WHERE local.server_version IS NULL AND local.deleted_at IS NULL AND local.id <> platform.id "
                   "AND local.school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
                   platformSchoolId);
}

// True when both students have a mark in one session or work on one
// assignment: merging would have to drop one of them.
Result<bool> marksWouldClash(Database &database, const QString &localId, const QString &platformId)
{
    return pairCheck(database,
                     "SELECT EXISTS (SELECT 1 FROM attendance_record AS a JOIN attendance_record AS b "
                     "ON a.session_id = b.session_id WHERE a.student_id = ?1 AND b.student_id = ?2) "
                     "OR EXISTS (SELECT 1 FROM submission AS a JOIN submission AS b "
                     "ON a.assignment_id = b.assignment_id WHERE a.student_id = ?1 AND b.student_id = ?2)",
                     localId, platformId);
}

// Pairs of an offline class that was never sent and the platform school's
// class with the same name: the same class, made twice.
Result<QList<QPair<QString, QString>>> duplicateClasses(Database &database, const QString &platformSchoolId)
{
    return idPairs(database,
                   "SELECT local.id, platform.id FROM class AS local JOIN class AS platform "
                   "ON platform.name = local.name AND platform.school_id = ?1 AND platform.deleted_at IS NULL "
                   "WHERE local.school_id IN (SELECT id FROM school WHERE server_version IS NULL) "
                   "AND local.server_version IS NULL AND local.deleted_at IS NULL",
                   platformSchoolId);
}

// True when both classes have a session on the same date and period.
Result<bool> sessionsWouldClash(Database &database, const QString &localId, const QString &platformId)
{
    return pairCheck(database,
                     "SELECT EXISTS (SELECT 1 FROM attendance_session AS a JOIN attendance_session AS b "
                     "ON a.date = b.date AND a.period = b.period WHERE a.class_id = ?1 AND b.class_id = ?2)",
                     localId, platformId);
}

// Moves the offline class's students, courses, sessions and assignment
// targets to the platform's class and removes the offline copy with its
// unsent creation. Runs inside the caller's transaction.
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
                            "UPDATE course SET class_id = ?1 WHERE class_id = ?2",
                            "UPDATE attendance_session SET class_id = ?1 WHERE class_id = ?2"}) {
        if (auto moved = run(database, sql, platformId, localId); !moved)
            return moved;
    }

    if (auto dropped = run(database, "DELETE FROM outbox WHERE entity = 'class' AND entity_id = ? "
                                     "AND state <> 'acknowledged'",
                           localId);
        !dropped) {
        return dropped;
    }
    return run(database, "DELETE FROM class WHERE id = ?", localId);
}

// Gives the local student's marks, submissions and notes to the platform's
// student and removes the local copy with its unsent creation. Runs inside
// the caller's transaction.
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
    for (const char *sql : {"UPDATE attendance_record SET student_id = ?1 WHERE student_id = ?2",
                            "UPDATE submission SET student_id = ?1 WHERE student_id = ?2"}) {
        if (auto moved = run(database, sql, platformId, localId); !moved)
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

} // namespace

Status SchoolStore::moveLocalSchoolsInto(const QString &platformSchoolId)
{
    // A student whose number the platform's school already has is the same
    // child: the platform's row is adopted before the rest moves. A student
    // that cannot be merged without dropping a mark stays behind (OR IGNORE),
    // and so does the local school holding them.
    constexpr std::array Moves = {
        "UPDATE teacher SET school_id = ? WHERE school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
        "UPDATE class SET school_id = ? WHERE school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
        "UPDATE OR IGNORE student SET school_id = ? "
        "WHERE school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
        "UPDATE course SET school_id = ? WHERE school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
        "UPDATE courseware SET school_id = ? WHERE school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
        "UPDATE assignment SET school_id = ? WHERE school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
    };
    QStringList adopted;
    const auto status = m_database.writeTransaction([&]() -> Status {
        adopted.clear();
        const auto pairs = duplicateStudents(m_database, platformSchoolId);
        if (!pairs)
            return std::unexpected(pairs.error());
        for (const auto &[localId, platformId] : *pairs) {
            const auto clash = marksWouldClash(m_database, localId, platformId);
            if (!clash)
                return std::unexpected(clash.error());
            // TODO: merge two marks of one session (the later wins, the other
            // goes to the history) instead of leaving the student unmerged.
            if (*clash) {
                qCWarning(lcCoreStore) << "Student" << localId << "has marks in the sessions of" << platformId
                                   << "; left unmerged";
                continue;
            }
            if (auto merged = adoptStudent(m_database, localId, platformId); !merged)
                return merged;
            adopted.append(platformId);
        }

        // A class made offline with the name of one the platform has is that
        // class: its sessions and students join it, so the marks taken
        // offline show where the teacher looks for them.
        const auto classes = duplicateClasses(m_database, platformSchoolId);
        if (!classes)
            return std::unexpected(classes.error());
        for (const auto &[localId, platformId] : *classes) {
            const auto clash = sessionsWouldClash(m_database, localId, platformId);
            if (!clash)
                return std::unexpected(clash.error());
            // TODO: merge two sessions of one date and period instead of
            // keeping the offline class apart.
            if (*clash) {
                qCWarning(lcCoreStore) << "Class" << localId << "has sessions that" << platformId
                                       << "also has; left unmerged";
                continue;
            }
            if (auto merged = adoptClass(m_database, localId, platformId); !merged)
                return merged;
        }

        for (const char *sql : Moves) {
            if (auto moved = run(m_database, sql, platformSchoolId); !moved)
                return moved;
        }
        return run(m_database,
                   "UPDATE school SET deleted_at = ? WHERE server_version IS NULL AND deleted_at IS NULL "
                   "AND NOT EXISTS (SELECT 1 FROM student WHERE student.school_id = school.id)",
                   CivilTime::nowMs());
    });
    if (!status)
        return status;
    if (!adopted.isEmpty()) {
        qCInfo(lcCoreStore) << "Adopted" << adopted.size() << "students the platform already had";
        emit changed(QStringLiteral("student"), adopted);
        emit changed(QStringLiteral("attendance_record"), {});
    }
    emit changed(QStringLiteral("school"), {platformSchoolId});
    return status;
}

Result<QList<School>> SchoolStore::schools()
{
    auto statement = m_database.prepare("SELECT id, name, time_zone FROM school "
                                        "WHERE deleted_at IS NULL ORDER BY created_at, id");
    if (!statement)
        return std::unexpected(statement.error());

    QList<School> found;
    while (true) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        found.append(School{statement->textAt(0), statement->textAt(1), statement->textAt(2)});
    }
    return found;
}

Result<QTimeZone> SchoolStore::timeZone(const QString &schoolId)
{
    const auto found = school(schoolId);
    if (!found)
        return std::unexpected(found.error());
    return QTimeZone(found->timeZone.toUtf8());
}

Result<QDate> SchoolStore::dateAt(const QString &schoolId, qint64 utcMs)
{
    const auto zone = timeZone(schoolId);
    if (!zone)
        return std::unexpected(zone.error());
    return CivilTime::dateAt(utcMs, *zone);
}

} // namespace ClassDesk
