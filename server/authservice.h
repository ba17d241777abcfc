// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loginthrottle.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace ClassDeskServer {

class ServerDatabase;
struct ServerOptions;

// The signed-in teacher of one request.
struct Teacher
{
    std::string id;
    std::string schoolId;
    std::string name;
    std::string username;
};

// Accounts, the token endpoint, token revocation and bearer authentication.
class AuthService
{
public:
    AuthService(ServerDatabase &database, const ServerOptions &options);

    void registerRoutes(httplib::Server &server);

    // Returns the teacher for the request's bearer token, or writes a 401
    // problem to the response and returns nothing.
    [[nodiscard]] std::optional<Teacher> authenticate(const httplib::Request &request, httplib::Response &response);

    // Creates a teacher account; the caller holds the database mutex.
    void createTeacher(const Teacher &teacher, const std::string &password, const std::string &totpSecret);

private:
    void handleToken(const httplib::Request &request, httplib::Response &response);
    void handlePasswordGrant(const std::map<std::string, std::string> &form, const std::string &address,
                             httplib::Response &response);
    void handleRefreshGrant(const std::map<std::string, std::string> &form, httplib::Response &response);
    void handleRevoke(const httplib::Request &request, httplib::Response &response);
    void handleMe(const httplib::Request &request, httplib::Response &response);

    // Checks a TOTP code and remembers its step so it cannot be used twice.
    [[nodiscard]] bool acceptOtp(const std::string &teacherId, const std::string &secret, const std::string &code);
    // Issues an access and a refresh token in a token family; the caller holds the mutex.
    [[nodiscard]] nlohmann::json issueTokens(const std::string &teacherId, const std::string &familyId);
    void revokeFamily(const std::string &familyId);

    ServerDatabase &m_database;
    const ServerOptions &m_options;
    LoginThrottle m_throttle;
};

// Parses an application/x-www-form-urlencoded body.
[[nodiscard]] std::map<std::string, std::string> parseForm(const std::string &body);

} // namespace ClassDeskServer
