// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveroptions.h"

#include <charconv>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <string_view>

namespace ClassDeskServer {

namespace {

std::optional<std::int64_t> parseInteger(std::string_view text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace

std::string usageText()
{
    return R"(Usage: classdesk-server [serve] [OPTIONS]
       classdesk-server demo --data DIR
       classdesk-server add-teacher --data DIR --username NAME --password PASSWORD
                                    --name DISPLAY_NAME --school SCHOOL [--totp-secret BASE32]

The reference ClassDesk platform server (API v1 under /api/v1/).

Commands:
  serve        serve the API (the default)
  demo         fill DIR with a made-up demo school (teachers, six classes of
               students, courses and the current term's timetable), print the
               demo accounts and exit; run again, it only prints the accounts
  add-teacher  create a teacher account, and its school when no school has
               that name yet, then exit

Options:
  --host ADDRESS               address to listen on (default 127.0.0.1)
  --port PORT                  TCP port; 0 picks a free one (default 8080). The
                               server prints "Listening on http://HOST:PORT/api/v1/"
  --data DIR                   folder for the SQLite database and uploaded files
                               (default ./classdesk-server-data)
  --demo                       with serve: create the demo school first when the
                               database has none, and print the demo accounts
  --access-token-ttl SECONDS   lifetime of access tokens (default 900)
  --clock-offset SECONDS       add SECONDS (may be negative) to the Date header
                               of API responses, for client clock tests
  --refresh-token-ttl SECONDS  lifetime of refresh tokens (default 2592000)
  --upload-expiry SECONDS      unfinished uploads are deleted after this long
                               without a change (default 86400)
  --max-upload-size BYTES      largest accepted upload (default 2147483648)
  --password-iterations N      PBKDF2 iterations for new password hashes
                               (default 310000)
  --faults SPEC                inject failures for client testing, off by
                               default; CLASSDESK_SERVER_FAULTS sets it too.
                               SPEC is a comma-separated list of KIND@N, which
                               applies KIND to the Nth request (counting from
                               1): 400, 500, 503 (with Retry-After: 1), 429 (with
                               Retry-After: 1), reset (the connection closes
                               half-way through the body), stall (the answer is
                               delayed by 3 seconds, or KIND@N:SECONDS), truncate
                               (the JSON body is cut in half), dropreply (the
                               request is handled, then the connection closes
                               before the body), shortpatch (a tus PATCH stores
                               and acknowledges only half of its body). A
                               request with a body is handled before 400, 500,
                               503 or 429 replaces its answer.
  --help                       show this text

add-teacher options:
  --username NAME --password PASSWORD --name DISPLAY_NAME --school SCHOOL
  --totp-secret BASE32         turn on two-step verification (RFC 6238 TOTP,
                               SHA-1, 6 digits, 30-second steps)

SIGINT or SIGTERM stops the server after the requests in progress finish.
)";
}

ParsedOptions parseOptions(int argc, char *argv[])
{
    ServerOptions options;
    if (const char *faults = std::getenv("CLASSDESK_SERVER_FAULTS"))
        options.faults = faults;

    int first = 1;
    if (argc > 1) {
        const std::string_view command = argv[1];
        if (command == "serve") {
            first = 2;
        } else if (command == "demo") {
            options.command = Command::Demo;
            first = 2;
        } else if (command == "add-teacher") {
            options.command = Command::AddTeacher;
            first = 2;
        }
    }

    const std::map<std::string_view, std::string *> textOptions = {
        {"--host", &options.host},          {"--data", &options.dataDirectory},
        {"--faults", &options.faults},      {"--username", &options.username},
        {"--password", &options.password},  {"--name", &options.teacherName},
        {"--school", &options.schoolName},  {"--totp-secret", &options.totpSecret},
    };
    int port = options.port;
    int iterations = options.passwordIterations;
    const std::map<std::string_view, std::function<bool(std::int64_t)>> numberOptions = {
        {"--port", [&](std::int64_t value) { port = static_cast<int>(value); return value >= 0 && value <= 65535; }},
        {"--clock-offset", [&](std::int64_t value) { options.clockOffsetSeconds = value; return true; }},
        {"--access-token-ttl", [&](std::int64_t value) { options.accessTokenTtlSeconds = value; return value > 0; }},
        {"--refresh-token-ttl", [&](std::int64_t value) { options.refreshTokenTtlSeconds = value; return value > 0; }},
        {"--upload-expiry", [&](std::int64_t value) { options.uploadExpirySeconds = value; return value > 0; }},
        {"--max-upload-size", [&](std::int64_t value) { options.maxUploadBytes = value; return value > 0; }},
        {"--password-iterations",
         [&](std::int64_t value) { iterations = static_cast<int>(value); return value >= 1000 && value <= 10000000; }},
    };

    for (int i = first; i < argc; ++i) {
        const std::string_view argument = argv[i];
        const bool hasValue = i + 1 < argc;
        if (argument == "--help" || argument == "-h")
            return HelpRequested{};
        if (argument == "--demo") {
            options.demo = true;
            continue;
        }
        if (const auto text = textOptions.find(argument); text != textOptions.end() && hasValue) {
            *text->second = argv[++i];
            continue;
        }
        if (const auto number = numberOptions.find(argument); number != numberOptions.end() && hasValue) {
            const std::string_view value = argv[++i];
            const auto parsed = parseInteger(value);
            if (!parsed || !number->second(*parsed))
                return UsageError{"invalid value " + std::string(value) + " for " + std::string(argument)};
            continue;
        }
        return UsageError{"unknown or incomplete option " + std::string(argument)};
    }
    options.port = port;
    options.passwordIterations = iterations;

    if (options.command == Command::AddTeacher
        && (options.username.empty() || options.password.empty() || options.teacherName.empty()
            || options.schoolName.empty())) {
        return UsageError{"add-teacher needs --username, --password, --name and --school"};
    }
    return options;
}

} // namespace ClassDeskServer
