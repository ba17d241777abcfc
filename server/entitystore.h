// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ClassDeskServer {

class ServerDatabase;
struct Teacher;

// One stored entity. ownerTeacherId is empty for school-wide entities
// (school, class, student), which every teacher of the school may see.
struct EntityRow
{
    std::string entity;
    std::string id;
    std::string schoolId;
    std::string ownerTeacherId;
    std::optional<std::string> naturalKey;
    std::int64_t version = 0;
    bool deleted = false;
    nlohmann::json data = nlohmann::json::object();
};

// Reads and writes entities and appends to the change feed. Every write goes
// through save(), so no change can be stored without its feed entry. The
// caller holds the database mutex and a transaction.
class EntityStore
{
public:
    explicit EntityStore(ServerDatabase &database) : m_database(database) {}

    [[nodiscard]] std::optional<EntityRow> load(std::string_view id);
    [[nodiscard]] std::optional<EntityRow> loadByNaturalKey(std::string_view entity, std::string_view key);
    // Inserts or replaces the row and records an upsert, or a delete when the row is deleted.
    void save(const EntityRow &row);

    [[nodiscard]] static bool isVisibleTo(const EntityRow &row, const Teacher &teacher);
    // The row as a mutation result's server_copy.
    [[nodiscard]] static nlohmann::json serverCopy(const EntityRow &row);

private:
    ServerDatabase &m_database;
};

} // namespace ClassDeskServer
