// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace ClassDeskServer {

enum class Command { Serve, Demo, AddTeacher };

// Everything the command line and CLASSDESK_SERVER_FAULTS can set.
struct ServerOptions
{
    Command command = Command::Serve;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string dataDirectory = "classdesk-server-data";
    bool demo = false;
    std::string faults;
    // Shifts the Date header of API responses, so tests can play a server
    // whose clock differs from the client's.
    std::int64_t clockOffsetSeconds = 0;

    std::int64_t accessTokenTtlSeconds = 15 * 60;
    std::int64_t refreshTokenTtlSeconds = 30 * 24 * 3600;
    std::int64_t uploadExpirySeconds = 24 * 3600;
    std::int64_t maxUploadBytes = std::int64_t(2) * 1024 * 1024 * 1024;
    int passwordIterations = 310000;

    // add-teacher
    std::string username;
    std::string password;
    std::string teacherName;
    std::string schoolName;
    std::string totpSecret;
};

struct UsageError
{
    std::string message;
};

struct HelpRequested
{
};

using ParsedOptions = std::variant<ServerOptions, UsageError, HelpRequested>;

[[nodiscard]] ParsedOptions parseOptions(int argc, char *argv[]);
[[nodiscard]] std::string usageText();

} // namespace ClassDeskServer
