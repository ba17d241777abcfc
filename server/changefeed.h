// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace ClassDeskServer {

class AuthService;
class ServerDatabase;

// GET /api/v1/changes: the teacher's visible changes in sequence order.
class ChangeFeed
{
public:
    ChangeFeed(ServerDatabase &database, AuthService &auth) : m_database(database), m_auth(auth) {}

    void registerRoutes(httplib::Server &server);

    static constexpr int s_defaultLimit = 200;
    static constexpr int s_maxLimit = 1000;

private:
    void handleChanges(const httplib::Request &request, httplib::Response &response);

    ServerDatabase &m_database;
    AuthService &m_auth;
};

} // namespace ClassDeskServer
