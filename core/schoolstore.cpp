// SPDX-License-Identifier: GPL-3.0-or-later
#include "schoolstore.h"

#include "civiltime.h"
#include "storesupport.h"
#include "uuid7.h"

#include <QCoreApplication>

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
