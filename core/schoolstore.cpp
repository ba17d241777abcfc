// SPDX-License-Identifier: GPL-3.0-or-later
#include "schoolstore.h"

#include "civiltime.h"
#include "corelogging.h"
#include "offlinecopies.h"
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
            const auto clash = OfflineCopies::marksWouldClash(m_database, localId, platformId);
            if (!clash)
                return std::unexpected(clash.error());
            // TODO: merge two marks of one session (the later wins, the other
            // goes to the history) instead of leaving the student unmerged.
            if (*clash) {
                qCWarning(lcCoreStore) << "Student" << localId << "has marks in the sessions of" << platformId
                                   << "; left unmerged";
                continue;
            }
            if (auto merged = OfflineCopies::adoptStudent(m_database, localId, platformId); !merged)
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
            const auto clash = OfflineCopies::sessionsWouldClash(m_database, localId, platformId);
            if (!clash)
                return std::unexpected(clash.error());
            // TODO: merge two sessions of one date and period instead of
            // keeping the offline class apart.
            if (*clash) {
                qCWarning(lcCoreStore) << "Class" << localId << "has sessions that" << platformId
                                       << "also has; left unmerged";
                continue;
            }
            if (auto merged = OfflineCopies::adoptClass(m_database, localId, platformId); !merged)
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
