// SPDX-License-Identifier: GPL-3.0-or-later
#include "schoolstore.h"

#include "civiltime.h"
#include "storesupport.h"
#include "uuid7.h"

#include <QCoreApplication>

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

Status SchoolStore::moveLocalSchoolsInto(const QString &platformSchoolId)
{
    // A student whose number the platform's school already has stays behind
    // (OR IGNORE), and so does the local school holding them.
    // TODO: merge such students into the platform's copy, attendance included.
    constexpr std::array Moves = {
        "UPDATE teacher SET school_id = ? WHERE school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
        "UPDATE class SET school_id = ? WHERE school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
        "UPDATE OR IGNORE student SET school_id = ? "
        "WHERE school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
        "UPDATE course SET school_id = ? WHERE school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
        "UPDATE courseware SET school_id = ? WHERE school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
        "UPDATE assignment SET school_id = ? WHERE school_id IN (SELECT id FROM school WHERE server_version IS NULL)",
    };
    const auto status = m_database.writeTransaction([&]() -> Status {
        for (const char *sql : Moves) {
            if (auto moved = run(m_database, sql, platformSchoolId); !moved)
                return moved;
        }
        return run(m_database,
                   "UPDATE school SET deleted_at = ? WHERE server_version IS NULL AND deleted_at IS NULL "
                   "AND NOT EXISTS (SELECT 1 FROM student WHERE student.school_id = school.id)",
                   CivilTime::nowMs());
    });
    if (status)
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
