// SPDX-License-Identifier: GPL-3.0-or-later
#include "problem.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <map>

namespace ClassDeskServer {

namespace {

std::string titleFor(std::string_view code)
{
    static const std::map<std::string_view, std::string_view> s_titles = {
        {"invalid_request", "Invalid request"},
        {"unsupported_grant_type", "Unsupported grant type"},
        {"invalid_credentials", "Invalid user name or password"},
        {"otp_required", "One-time code required"},
        {"otp_invalid", "Invalid one-time code"},
        {"invalid_refresh_token", "Invalid refresh token"},
        {"too_many_attempts", "Too many sign-in attempts"},
        {"invalid_token", "Invalid access token"},
        {"token_expired", "Access token expired"},
        {"not_found", "Not found"},
        {"file_not_found", "File not found"},
        {"upload_not_found", "Upload not found"},
        {"invalid_cursor", "Invalid cursor"},
        {"too_many_mutations", "Too many mutations in one batch"},
        {"checksum_mismatch", "Checksum mismatch"},
        {"file_checksum_mismatch", "File checksum mismatch"},
        {"offset_mismatch", "Upload offset mismatch"},
        {"upload_locked", "Upload in use"},
        {"upload_too_large", "Upload too large"},
        {"unsupported_checksum_algorithm", "Unsupported checksum algorithm"},
        {"unsupported_tus_version", "Unsupported tus version"},
        {"unsupported_media_type", "Unsupported media type"},
        {"range_not_satisfiable", "Range not satisfiable"},
        {"rate_limited", "Too many requests"},
        {"service_unavailable", "Service unavailable"},
        {"internal_error", "Internal server error"},
    };
    const auto found = s_titles.find(code);
    return found == s_titles.end() ? std::string(code) : std::string(found->second);
}

std::atomic<std::int64_t> s_dateOffsetSeconds = 0;

// The current time as an IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
std::string httpDate()
{
    const std::time_t now = static_cast<std::time_t>(nowSeconds() + s_dateOffsetSeconds.load());
    std::tm parts{};
    gmtime_r(&now, &parts);
    // strftime's %a and %b follow the C locale, which the server never changes.
    char text[64] = {};
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &parts);
    return text;
}

} // namespace

void setDateHeaderOffset(std::int64_t seconds)
{
    s_dateOffsetSeconds = seconds;
}

void sendProblem(httplib::Response &response, int status, std::string_view code, std::string_view detail)
{
    const nlohmann::json body = {
        {"type", "https://classdesk.invalid/problems/" + std::string(code)},
        {"title", titleFor(code)},
        {"status", status},
        {"detail", detail},
        {"code", code},
    };
    response.status = status;
    response.set_header("Date", httpDate());
    response.set_content(body.dump(), "application/problem+json");
}

void sendJson(httplib::Response &response, const nlohmann::json &body, int status)
{
    response.status = status;
    response.set_header("Date", httpDate());
    response.set_content(body.dump(), "application/json");
}

std::int64_t nowMilliseconds()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t nowSeconds()
{
    return nowMilliseconds() / 1000;
}

} // namespace ClassDeskServer
