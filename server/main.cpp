// SPDX-License-Identifier: GPL-3.0-or-later
//
// classdesk-server: the reference platform server.

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

namespace {

httplib::Server *s_server = nullptr;

void stopOnSignal(int)
{
    if (s_server)
        s_server->stop();
}

void printUsage()
{
    std::cout << "Usage: classdesk-server [--host ADDRESS] [--port PORT]\n"
                 "  --host ADDRESS  address to listen on (default 127.0.0.1)\n"
                 "  --port PORT     TCP port; 0 picks a free one and prints it (default 8080)\n";
}

} // namespace

int main(int argc, char *argv[])
{
    std::string host = "127.0.0.1";
    int port = 8080;

    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        const bool hasValue = i + 1 < argc;
        if (argument == "--help" || argument == "-h") {
            printUsage();
            return 0;
        } else if (argument == "--host" && hasValue) {
            host = argv[++i];
        } else if (argument == "--port" && hasValue) {
            port = std::atoi(argv[++i]);
        } else {
            std::cerr << "classdesk-server: unknown or incomplete option " << argument << "\n";
            printUsage();
            return 2;
        }
    }

    httplib::Server server;
    server.Get("/api/v1/health", [](const httplib::Request &, httplib::Response &response) {
        response.set_content(nlohmann::json{{"status", "ok"}}.dump(), "application/json");
    });

    const int boundPort = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
    if (boundPort < 0) {
        std::cerr << "classdesk-server: cannot listen on " << host << ":" << port
                  << " (is the port in use?)\n";
        return 1;
    }

    s_server = &server;
    std::signal(SIGINT, stopOnSignal);
    std::signal(SIGTERM, stopOnSignal);

    // Scripts and tests read the chosen port from this line.
    std::cout << "Listening on http://" << host << ":" << boundPort << "/api/v1/" << std::endl;
    server.listen_after_bind();
    std::cout << "Stopped" << std::endl;
    return 0;
}
