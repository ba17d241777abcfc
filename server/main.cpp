// SPDX-License-Identifier: GPL-3.0-or-later
//
// classdesk-server: the reference platform server.

#include "authservice.h"
#include "changefeed.h"
#include "crypto.h"
#include "demodata.h"
#include "entitystore.h"
#include "faultinjector.h"
#include "fileservice.h"
#include "mutationservice.h"
#include "problem.h"
#include "serverdatabase.h"
#include "serveroptions.h"
#include "uploadservice.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

using namespace ClassDeskServer;

namespace {

std::atomic<bool> s_stopRequested = false;

// Only sets a flag: stopping the server is not async-signal-safe, so a
// watcher thread does it.
void requestStop(int)
{
    s_stopRequested = true;
}

// Creates the teacher's school when no school has that name, then the teacher.
int addTeacher(ServerDatabase &database, AuthService &auth, const ServerOptions &options)
{
    std::lock_guard lock(database.mutex());
    Transaction transaction(database);

    Statement taken(database, "SELECT 1 FROM teachers WHERE username = ?");
    taken.bind(1, options.username);
    if (taken.step()) {
        std::cerr << "classdesk-server: the user name " << options.username << " is already taken\n";
        return 1;
    }
    if (!options.totpSecret.empty() && (!Crypto::base32Decode(options.totpSecret) ||
                                        Crypto::base32Decode(options.totpSecret)->size() < 10)) {
        std::cerr << "classdesk-server: --totp-secret must be base32 for at least 10 bytes (16 characters)\n";
        return 2;
    }

    std::string schoolId;
    Statement school(database, "SELECT id FROM entities WHERE entity = 'school' AND json_extract(data, '$.name') = ?");
    school.bind(1, options.schoolName);
    if (school.step()) {
        schoolId = school.text(0);
    } else {
        schoolId = Crypto::randomUuid();
        EntityStore store(database);
        store.save({"school", schoolId, schoolId, {}, std::nullopt, 1, false,
                    {{"name", options.schoolName}, {"time_zone", "Asia/Shanghai"}}});
    }

    const std::string teacherId = Crypto::randomUuid();
    auth.createTeacher({teacherId, schoolId, options.teacherName, options.username}, options.password, options.totpSecret);
    transaction.commit();
    std::cout << "Created teacher " << options.username << " (" << teacherId << ") in school " << schoolId << "\n";
    return 0;
}

void installErrorHandlers(httplib::Server &server)
{
    server.set_exception_handler([](const httplib::Request &request, httplib::Response &response, std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception &exception) {
            std::clog << "classdesk-server: " << request.method << " " << request.path << " failed: " << exception.what()
                      << "\n";
        } catch (...) {
            std::clog << "classdesk-server: " << request.method << " " << request.path << " failed\n";
        }
        sendProblem(response, 500, "internal_error", "The server failed to handle the request; try again later.");
    });
    server.set_error_handler([](const httplib::Request &, httplib::Response &response) {
        // Handlers that already wrote a problem keep it; only bare errors (unrouted paths) get one.
        if (!response.body.empty() || response.status < 400)
            return;
        if (response.status == 404)
            sendProblem(response, 404, "not_found", "No such API resource.");
        else if (response.status == 416)
            return;
        else
            sendProblem(response, response.status, "invalid_request", "The request could not be handled.");
    });
}

int serve(ServerDatabase &database, AuthService &auth, const ServerOptions &options)
{
    FaultInjector faults;
    if (const auto problem = faults.parse(options.faults)) {
        std::cerr << "classdesk-server: " << *problem << "\n";
        return 2;
    }
    if (options.demo)
        DemoData::printAccounts(DemoData(database, auth).ensure());
    setDateHeaderOffset(options.clockOffsetSeconds);

    httplib::Server server;
    ChangeFeed changes(database, auth);
    MutationService mutations(database, auth);
    UploadService uploads(database, auth, options);
    FileService files(database, auth, options);

    server.Get("/api/v1/health", [](const httplib::Request &, httplib::Response &response) {
        sendJson(response, {{"status", "ok"}});
    });
    auth.registerRoutes(server);
    changes.registerRoutes(server);
    mutations.registerRoutes(server);
    uploads.registerRoutes(server);
    files.registerRoutes(server);
    installErrorHandlers(server);
    if (!faults.isEmpty()) {
        std::clog << "classdesk-server: fault injection is on: " << options.faults << "\n";
        faults.install(server);
    }
    uploads.expireAbandoned();

    const int boundPort = options.port == 0 ? server.bind_to_any_port(options.host)
                                            : (server.bind_to_port(options.host, options.port) ? options.port : -1);
    if (boundPort < 0) {
        std::cerr << "classdesk-server: cannot listen on " << options.host << ":" << options.port
                  << " (is the port in use?)\n";
        return 1;
    }

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    std::thread watcher([&server, &uploads] {
        auto lastSweep = std::chrono::steady_clock::now();
        while (!s_stopRequested) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (std::chrono::steady_clock::now() - lastSweep > std::chrono::minutes(1)) {
                uploads.expireAbandoned();
                lastSweep = std::chrono::steady_clock::now();
            }
        }
        // Wait for listen_after_bind() to be running, or stop() would come too early.
        while (!server.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        server.stop();
    });

    // Scripts and tests read the chosen port from this line.
    std::cout << "Listening on http://" << options.host << ":" << boundPort << "/api/v1/" << std::endl;
    const bool listened = server.listen_after_bind();
    s_stopRequested = true;
    watcher.join();
    std::cout << "Stopped" << std::endl;
    return listened ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    const ParsedOptions parsed = parseOptions(argc, argv);
    if (std::holds_alternative<HelpRequested>(parsed)) {
        std::cout << usageText();
        return 0;
    }
    if (const auto *error = std::get_if<UsageError>(&parsed)) {
        std::cerr << "classdesk-server: " << error->message << "\n" << usageText();
        return 2;
    }
    const ServerOptions options = std::get<ServerOptions>(parsed);

    try {
        std::filesystem::create_directories(options.dataDirectory);
        ServerDatabase database((std::filesystem::path(options.dataDirectory) / "classdesk-server.sqlite3").string());
        AuthService auth(database, options);

        switch (options.command) {
        case Command::Demo:
            DemoData::printAccounts(DemoData(database, auth).ensure());
            return 0;
        case Command::AddTeacher:
            return addTeacher(database, auth, options);
        case Command::Serve:
            return serve(database, auth, options);
        }
    } catch (const std::exception &error) {
        std::cerr << "classdesk-server: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
