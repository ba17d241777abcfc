// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultinjector.h"

#include "problem.h"

#include <httplib.h>

#include <charconv>
#include <iostream>
#include <memory>
#include <thread>

namespace ClassDeskServer {

namespace {

// The fault chosen for the request this worker thread is handling, so the
// post-routing step can damage the response the handler produced.
thread_local std::optional<FaultInjector::Fault> t_currentFault;

std::optional<std::int64_t> parsePositive(std::string_view text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1)
        return std::nullopt;
    return value;
}

bool isStatusFault(FaultInjector::Kind kind)
{
    using Kind = FaultInjector::Kind;
    return kind == Kind::Status400 || kind == Kind::Status500 || kind == Kind::Status503 || kind == Kind::Status429;
}

bool hasBody(const httplib::Request &request)
{
    const std::string length = request.get_header_value("Content-Length");
    return (!length.empty() && length != "0") || request.has_header("Transfer-Encoding");
}

// Writes the problem response of a status fault.
void answerWithStatusFault(FaultInjector::Kind kind, httplib::Response &response)
{
    switch (kind) {
    case FaultInjector::Kind::Status400:
        sendProblem(response, 400, "invalid_request", "Injected fault: the request could not be handled.");
        return;
    case FaultInjector::Kind::Status500:
        sendProblem(response, 500, "internal_error", "Injected fault: internal server error.");
        return;
    case FaultInjector::Kind::Status503:
        response.set_header("Retry-After", "1");
        sendProblem(response, 503, "service_unavailable", "Injected fault: the service is unavailable.");
        return;
    case FaultInjector::Kind::Status429:
        response.set_header("Retry-After", "1");
        sendProblem(response, 429, "rate_limited", "Injected fault: too many requests.");
        return;
    default:
        return;
    }
}

} // namespace

std::optional<std::string> FaultInjector::parse(const std::string &spec)
{
    static const std::map<std::string_view, Kind> s_kinds = {
        {"400", Kind::Status400}, {"500", Kind::Status500}, {"503", Kind::Status503}, {"429", Kind::Status429},
        {"reset", Kind::Reset},   {"stall", Kind::Stall},   {"truncate", Kind::Truncate},
        {"dropreply", Kind::DropReply},
        {"shortpatch", Kind::ShortPatch},
    };

    size_t start = 0;
    while (start < spec.size()) {
        size_t end = spec.find(',', start);
        if (end == std::string::npos)
            end = spec.size();
        const std::string_view item(spec.data() + start, end - start);
        start = end + 1;
        if (item.empty())
            continue;

        const size_t at = item.find('@');
        const auto kind = at == std::string_view::npos ? s_kinds.end() : s_kinds.find(item.substr(0, at));
        if (kind == s_kinds.end())
            return "unknown fault \"" + std::string(item) + "\"; use KIND@N with KIND one of 400, 500, 503, 429, reset, stall, truncate, dropreply, shortpatch";

        std::string_view position = item.substr(at + 1);
        Fault fault{kind->second};
        if (const size_t colon = position.find(':'); colon != std::string_view::npos) {
            const auto seconds = parsePositive(position.substr(colon + 1));
            if (!seconds || kind->second != Kind::Stall)
                return "invalid fault \"" + std::string(item) + "\"; only stall takes :SECONDS";
            fault.stallSeconds = static_cast<int>(*seconds);
            position = position.substr(0, colon);
        }
        const auto request = parsePositive(position);
        if (!request)
            return "invalid request number in fault \"" + std::string(item) + "\"";
        m_faults[*request] = fault;
    }
    return std::nullopt;
}

std::optional<FaultInjector::Fault> FaultInjector::currentFault()
{
    return t_currentFault;
}

void FaultInjector::install(httplib::Server &server)
{
    server.set_pre_routing_handler([this](const httplib::Request &request, httplib::Response &response) {
        const std::int64_t number = ++m_requestCount;
        const auto found = m_faults.find(number);
        t_currentFault = found == m_faults.end() ? std::nullopt : std::optional<Fault>(found->second);
        if (!t_currentFault)
            return httplib::Server::HandlerResponse::Unhandled;

        std::clog << "classdesk-server: injecting a fault into request " << number << "\n";
        if (isStatusFault(t_currentFault->kind)) {
            // The body must be read first, so the post-routing step responds instead.
            if (hasBody(request))
                return httplib::Server::HandlerResponse::Unhandled;
            answerWithStatusFault(t_currentFault->kind, response);
            return httplib::Server::HandlerResponse::Handled;
        }
        if (t_currentFault->kind == Kind::Stall)
            std::this_thread::sleep_for(std::chrono::seconds(t_currentFault->stallSeconds));
        return httplib::Server::HandlerResponse::Unhandled;
    });

    server.set_post_routing_handler([](const httplib::Request &request, httplib::Response &response) {
        if (!t_currentFault)
            return;
        if (isStatusFault(t_currentFault->kind)) {
            // Only requests with a body reach this point with a status fault.
            if (hasBody(request)) {
                // cpp-httplib has already added the connection headers, which stay,
                // and the Content-Length of the handler's response, which must change.
                httplib::Response fault;
                for (const char *name : {"Connection", "Keep-Alive"}) {
                    if (response.has_header(name))
                        fault.set_header(name, response.get_header_value(name));
                }
                answerWithStatusFault(t_currentFault->kind, fault);
                fault.set_header("Content-Length", std::to_string(fault.body.size()));
                response = std::move(fault);
            }
            return;
        }
        if (response.body.empty())
            return;
        if (t_currentFault->kind == Kind::Truncate) {
            // A consistent Content-Length, so the client sees a complete response of broken JSON.
            response.body.resize(response.body.size() / 2);
            response.headers.erase("Content-Length");
            return;
        }
        if (t_currentFault->kind == Kind::DropReply) {
            response.body.clear();
            response.set_content_provider(1, "application/json",
                                          [](size_t, size_t, httplib::DataSink &) { return false; });
            return;
        }
        if (t_currentFault->kind != Kind::Reset)
            return;

        // Announce the full length, send half, then drop the connection.
        auto body = std::make_shared<std::string>(std::move(response.body));
        response.body.clear();
        const std::string contentType = response.get_header_value("Content-Type");
        response.set_content_provider(body->size(), contentType,
                                      [body](size_t offset, size_t, httplib::DataSink &sink) {
                                          if (offset > 0)
                                              return false;
                                          sink.write(body->data(), body->size() / 2);
                                          return true;
                                      });
    });
}

} // namespace ClassDeskServer
