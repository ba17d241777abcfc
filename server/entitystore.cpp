// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitystore.h"

#include "authservice.h"
#include "serverdatabase.h"

namespace ClassDeskServer {

namespace {

EntityRow rowFrom(const Statement &select)
{
    EntityRow row;
    row.entity = select.text(0);
    row.id = select.text(1);
    row.schoolId = select.text(2);
    row.ownerTeacherId = select.text(3);
    if (!select.isNull(4))
        row.naturalKey = select.text(4);
    row.version = select.integer(5);
    row.deleted = select.integer(6) != 0;
    row.data = nlohmann::json::parse(select.text(7));
    return row;
}

constexpr std::string_view s_columns =
    "SELECT entity, id, school_id, owner_teacher_id, natural_key, version, deleted, data FROM entities ";

} // namespace

std::optional<EntityRow> EntityStore::load(std::string_view id)
{
    Statement select(m_database, std::string(s_columns) + "WHERE id = ?");
    select.bind(1, id);
    if (!select.step())
        return std::nullopt;
    return rowFrom(select);
}

std::optional<EntityRow> EntityStore::loadByNaturalKey(std::string_view entity, std::string_view key)
{
    Statement select(m_database, std::string(s_columns) + "WHERE entity = ? AND natural_key = ?");
    select.bind(1, entity).bind(2, key);
    if (!select.step())
        return std::nullopt;
    return rowFrom(select);
}

void EntityStore::save(const EntityRow &row)
{
    const std::string data = row.data.dump();
    const std::optional<std::string> owner =
        row.ownerTeacherId.empty() ? std::nullopt : std::optional<std::string>(row.ownerTeacherId);

    Statement upsert(m_database,
                     "INSERT OR REPLACE INTO entities (id, entity, school_id, owner_teacher_id, natural_key, version, "
                     "deleted, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    upsert.bind(1, row.id).bind(2, row.entity).bind(3, row.schoolId).bindOptional(4, owner);
    upsert.bindOptional(5, row.deleted ? std::nullopt : row.naturalKey);
    upsert.bind(6, row.version).bind(7, std::int64_t(row.deleted ? 1 : 0)).bind(8, data);
    upsert.run();

    Statement change(m_database, "INSERT INTO changes (entity, id, op, version, school_id, owner_teacher_id, data) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)");
    change.bind(1, row.entity).bind(2, row.id).bind(3, row.deleted ? "delete" : "upsert").bind(4, row.version);
    change.bind(5, row.schoolId).bindOptional(6, owner);
    if (row.deleted)
        change.bind(7, std::nullopt);
    else
        change.bind(7, data);
    change.run();
}

bool EntityStore::isVisibleTo(const EntityRow &row, const Teacher &teacher)
{
    return row.schoolId == teacher.schoolId && (row.ownerTeacherId.empty() || row.ownerTeacherId == teacher.id);
}

nlohmann::json EntityStore::serverCopy(const EntityRow &row)
{
    return {
        {"entity", row.entity},
        {"id", row.id},
        {"version", row.version},
        {"deleted", row.deleted},
        {"data", row.deleted ? nlohmann::json(nullptr) : row.data},
    };
}

} // namespace ClassDeskServer
