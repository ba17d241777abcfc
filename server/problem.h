// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace httplib {
struct Response;
}

namespace ClassDeskServer {

// Makes the Date header of later responses run `seconds` ahead of (or, when
// negative, behind) the real clock.
void setDateHeaderOffset(std::int64_t seconds);

// Writes an RFC 9457 problem response whose `code` is one of the stable codes
// documented in docs/api/openapi.yaml.
void sendProblem(httplib::Response &response, int status, std::string_view code, std::string_view detail);

// Both senders add a Date header (RFC 9110, 6.6.1), which clients use to detect a wrong local clock.
void sendJson(httplib::Response &response, const nlohmann::json &body, int status = 200);

// Current time in UTC milliseconds and seconds since the Unix epoch.
[[nodiscard]] std::int64_t nowMilliseconds();
[[nodiscard]] std::int64_t nowSeconds();

} // namespace ClassDeskServer
