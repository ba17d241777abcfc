// SPDX-License-Identifier: GPL-3.0-or-later
#include "changefeed.h"

#include "authservice.h"
#include "problem.h"
#include "serverdatabase.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <charconv>

namespace ClassDeskServer {

namespace {

// Cursors are "c" followed by the last sequence number delivered. Clients
// treat them as opaque, so the format may change without a new API version.
std::optional<std::int64_t> parseCursor(const std::string &cursor)
{
    if (cursor.size() < 2 || cursor[0] != 'c')
        return std::nullopt;
    std::int64_t seq = 0;
    const auto [end, error] = std::from_chars(cursor.data() + 1, cursor.data() + cursor.size(), seq);
    if (error != std::errc() || end != cursor.data() + cursor.size() || seq < 0)
        return std::nullopt;
    return seq;
}

std::optional<int> parseLimit(const std::string &text)
{
    int limit = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), limit);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return limit;
}

} // namespace

void ChangeFeed::registerRoutes(httplib::Server &server)
{
    server.Get("/api/v1/changes", [this](const httplib::Request &request, httplib::Response &response) {
        handleChanges(request, response);
    });
}

void ChangeFeed::handleChanges(const httplib::Request &request, httplib::Response &response)
{
    const auto teacher = m_auth.authenticate(request, response);
    if (!teacher)
        return;

    std::int64_t after = 0;
    if (request.has_param("cursor")) {
        const auto cursor = parseCursor(request.get_param_value("cursor"));
        if (!cursor) {
            sendProblem(response, 400, "invalid_cursor",
                        "The cursor is not one this server issued; pull again without a cursor.");
            return;
        }
        after = *cursor;
    }
    int limit = s_defaultLimit;
    if (request.has_param("limit")) {
        const auto parsed = parseLimit(request.get_param_value("limit"));
        if (!parsed || *parsed < 1 || *parsed > s_maxLimit) {
            sendProblem(response, 400, "invalid_request", "limit must be an integer from 1 to 1000.");
            return;
        }
        limit = *parsed;
    }

    // Selecting one row more than the limit shows whether another page follows.
    std::lock_guard lock(m_database.mutex());
    Statement select(m_database, "SELECT seq, entity, id, op, version, data FROM changes "
                                 "WHERE seq > ? AND school_id = ? AND (owner_teacher_id IS NULL OR owner_teacher_id = ?) "
                                 "ORDER BY seq LIMIT ?");
    select.bind(1, after).bind(2, teacher->schoolId).bind(3, teacher->id).bind(4, std::int64_t(limit) + 1);

    nlohmann::json changes = nlohmann::json::array();
    bool hasMore = false;
    std::int64_t last = after;
    while (select.step()) {
        if (static_cast<int>(changes.size()) == limit) {
            hasMore = true;
            break;
        }
        last = select.integer(0);
        nlohmann::json change = {
            {"seq", last},
            {"entity", select.text(1)},
            {"op", select.text(3)},
            {"id", select.text(2)},
            {"version", select.integer(4)},
        };
        if (!select.isNull(5))
            change["data"] = nlohmann::json::parse(select.text(5));
        changes.push_back(std::move(change));
    }

    // Built by insert, not "c" + std::to_string(), which GCC 12 at -O3 flags with a false -Wrestrict.
    std::string nextCursor = std::to_string(last);
    nextCursor.insert(0, 1, 'c');
    sendJson(response, {{"changes", std::move(changes)}, {"next_cursor", nextCursor}, {"has_more", hasMore}});
}

} // namespace ClassDeskServer
