// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace ClassDeskServer {

class AuthService;
class EntityStore;
class ServerDatabase;
struct EntityRow;
struct Teacher;

// POST /api/v1/mutations: applies each outbox entry once per idempotency key.
class MutationService
{
public:
    MutationService(ServerDatabase &database, AuthService &auth) : m_database(database), m_auth(auth) {}

    void registerRoutes(httplib::Server &server);

    static constexpr size_t s_maxBatch = 500;

private:
    void handleMutations(const httplib::Request &request, httplib::Response &response);
    // Applies one mutation in its own transaction and returns its result.
    [[nodiscard]] nlohmann::json applyOnce(const nlohmann::json &mutation, const Teacher &teacher);
    [[nodiscard]] nlohmann::json apply(const nlohmann::json &mutation, const Teacher &teacher, EntityStore &store);
    [[nodiscard]] nlohmann::json create(const nlohmann::json &mutation, const Teacher &teacher, EntityStore &store);
    [[nodiscard]] nlohmann::json update(const nlohmann::json &mutation, EntityRow row, const Teacher &teacher,
                                        EntityStore &store);
    [[nodiscard]] nlohmann::json remove(const nlohmann::json &mutation, EntityRow row, EntityStore &store);
    // The attendance rule: the later marked_at wins, the loser goes to history.
    [[nodiscard]] nlohmann::json markAttendance(const nlohmann::json &mutation, nlohmann::json incoming,
                                                EntityRow stored, EntityStore &store);

    ServerDatabase &m_database;
    AuthService &m_auth;
};

} // namespace ClassDeskServer
