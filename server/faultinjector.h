// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace httplib {
class Server;
} // namespace httplib

namespace ClassDeskServer {

// Fails chosen requests on purpose so client retry and recovery code can be
// tested against a real server. Off unless --faults or
// CLASSDESK_SERVER_FAULTS names at least one fault.
class FaultInjector
{
public:
    // Reset sends half the response body and drops the connection; DropReply
    // lets the handler commit its work and then drops the connection before
    // any body byte, as a reply lost on the way would. ShortPatch makes a tus
    // PATCH store and acknowledge only half of the body it received, as a
    // server may do under the tus protocol. Status400 responds with 400
    // invalid_request, as a proxy that misread the request would.
    //
    // The status kinds (400, 500, 503, 429) respond before the handler runs,
    // except on requests with a body. Those are handled first and their
    // response is then replaced, as a proxy that gives up waiting would do.
    // cpp-httplib 0.11 reads a body only for a handler, and unread body bytes
    // would be parsed as the next request on the kept-alive connection.
    enum class Kind { Status400, Status500, Status503, Status429, Reset, Stall, Truncate, DropReply, ShortPatch };

    struct Fault
    {
        Kind kind;
        int stallSeconds = 3;
    };

    // Parses "KIND@N[:SECONDS],..."; returns an error message for a bad spec.
    [[nodiscard]] std::optional<std::string> parse(const std::string &spec);
    [[nodiscard]] bool isEmpty() const { return m_faults.empty(); }
    void install(httplib::Server &server);
    // The fault chosen for the request the calling thread is handling, if any.
    [[nodiscard]] static std::optional<Fault> currentFault();

private:
    std::map<std::int64_t, Fault> m_faults;
    std::atomic<std::int64_t> m_requestCount = 0;
};

} // namespace ClassDeskServer
