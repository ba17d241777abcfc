// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace httplib {
class ContentReader;
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace ClassDeskServer {

class AuthService;
class ServerDatabase;
struct ServerOptions;
struct Teacher;

// The tus 1.0.0 resumable upload protocol with the creation, checksum and
// termination extensions. Bytes stream to DATA/uploads/<id>.part; the stored
// offset only moves after the bytes before it are on disk (fsync), so a crash
// or restart resumes from an offset whose bytes are intact.
class UploadService
{
public:
    UploadService(ServerDatabase &database, AuthService &auth, const ServerOptions &options);

    void registerRoutes(httplib::Server &server);
    // Deletes uploads that saw no change within the expiry time.
    void expireAbandoned();

private:
    struct Upload
    {
        std::string id;
        std::string schoolId;
        std::int64_t length = 0;
        std::int64_t offset = 0;
        std::string filename;
        std::string contentType;
        std::string sha256;
        std::string fileId;
    };

    // Marks an upload busy for one PATCH or DELETE at a time.
    class BusyGuard
    {
    public:
        BusyGuard(UploadService &service, std::string id);
        ~BusyGuard();
        BusyGuard(const BusyGuard &) = delete;
        BusyGuard &operator=(const BusyGuard &) = delete;
        [[nodiscard]] bool acquired() const { return m_acquired; }

    private:
        UploadService &m_service;
        std::string m_id;
        bool m_acquired = false;
    };

    void handleOptions(httplib::Response &response);
    void handleCreate(const httplib::Request &request, httplib::Response &response);
    void handleHead(const httplib::Request &request, httplib::Response &response);
    void handlePatch(const httplib::Request &request, httplib::Response &response,
                     const httplib::ContentReader &reader);
    void handleDelete(const httplib::Request &request, httplib::Response &response);

    // Checks the Tus-Resumable header and writes 412 when it is wrong.
    [[nodiscard]] bool checkTusVersion(const httplib::Request &request, httplib::Response &response);
    // Loads an unexpired upload of the teacher's, or writes 404.
    [[nodiscard]] std::optional<Upload> findUpload(const httplib::Request &request, const Teacher &teacher,
                                                   httplib::Response &response);
    void storeOffset(const std::string &id, std::int64_t offset);
    // Verifies the whole file and turns the upload into a stored file; false when the hash differs.
    [[nodiscard]] bool complete(Upload &upload, std::string &fileId);
    void discard(const std::string &id);

    [[nodiscard]] std::filesystem::path partPath(const std::string &id) const;

    ServerDatabase &m_database;
    AuthService &m_auth;
    const ServerOptions &m_options;
    std::filesystem::path m_uploadFolder;
    std::filesystem::path m_fileFolder;
    std::mutex m_busyMutex;
    std::set<std::string> m_busy;
};

} // namespace ClassDeskServer
