// SPDX-License-Identifier: GPL-3.0-or-later
#include "fileservice.h"

#include "authservice.h"
#include "problem.h"
#include "serverdatabase.h"
#include "serveroptions.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <memory>
#include <vector>

namespace ClassDeskServer {

namespace {

struct StoredFile
{
    std::string id;
    std::string sha256;
    std::int64_t size = 0;
    std::string filename;
    std::string contentType;
    std::int64_t createdAt = 0;
};

std::optional<StoredFile> loadFile(ServerDatabase &database, const std::string &id, const std::string &schoolId)
{
    std::lock_guard lock(database.mutex());
    Statement select(database, "SELECT sha256, size, filename, content_type, created_at FROM files "
                               "WHERE id = ? AND school_id = ?");
    select.bind(1, id).bind(2, schoolId);
    if (!select.step())
        return std::nullopt;
    return StoredFile{id, select.text(0), select.integer(1), select.text(2), select.text(3), select.integer(4)};
}

nlohmann::json metadataOf(const StoredFile &file)
{
    return {
        {"file_id", file.id},
        {"sha256", file.sha256},
        {"size", file.size},
        {"filename", file.filename},
        {"content_type", file.contentType},
        {"created_at", file.createdAt},
    };
}

// Closes the file when the last copy of the content provider goes away.
struct FileHandle
{
    explicit FileHandle(int descriptor) : fd(descriptor) {}
    ~FileHandle() { ::close(fd); }
    int fd;
};

} // namespace

FileService::FileService(ServerDatabase &database, AuthService &auth, const ServerOptions &options)
    : m_database(database)
    , m_auth(auth)
    , m_fileFolder(std::filesystem::path(options.dataDirectory) / "files")
{
}

void FileService::registerRoutes(httplib::Server &server)
{
    server.Post("/api/v1/files/lookup", [this](const httplib::Request &request, httplib::Response &response) {
        handleLookup(request, response);
    });
    server.Get(R"(/api/v1/files/([0-9a-f-]{36}))", [this](const httplib::Request &request, httplib::Response &response) {
        handleMetadata(request, response);
    });
    server.Get(R"(/api/v1/files/([0-9a-f-]{36})/content)",
               [this](const httplib::Request &request, httplib::Response &response) { handleContent(request, response); });
}

void FileService::handleLookup(const httplib::Request &request, httplib::Response &response)
{
    const auto teacher = m_auth.authenticate(request, response);
    if (!teacher)
        return;
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("sha256") || !body["sha256"].is_string()
        || !body.contains("size") || !body["size"].is_number_integer()) {
        sendProblem(response, 400, "invalid_request", "The body must be {\"sha256\": hex string, \"size\": integer}.");
        return;
    }

    std::optional<StoredFile> file;
    {
        std::lock_guard lock(m_database.mutex());
        Statement select(m_database, "SELECT id FROM files WHERE school_id = ? AND sha256 = ? AND size = ?");
        select.bind(1, teacher->schoolId).bind(2, body["sha256"].get<std::string>());
        select.bind(3, body["size"].get<std::int64_t>());
        if (select.step())
            file = StoredFile{select.text(0), body["sha256"], body["size"], {}, {}, 0};
    }
    if (!file) {
        sendProblem(response, 404, "file_not_found", "The platform holds no file with this SHA-256 and size; upload it.");
        return;
    }
    sendJson(response, {{"file_id", file->id}, {"sha256", file->sha256}, {"size", file->size}});
}

void FileService::handleMetadata(const httplib::Request &request, httplib::Response &response)
{
    const auto teacher = m_auth.authenticate(request, response);
    if (!teacher)
        return;
    const auto file = loadFile(m_database, request.matches[1], teacher->schoolId);
    if (!file) {
        sendProblem(response, 404, "file_not_found", "No file with this id exists for you.");
        return;
    }
    sendJson(response, metadataOf(*file));
}

void FileService::handleContent(const httplib::Request &request, httplib::Response &response)
{
    const auto teacher = m_auth.authenticate(request, response);
    if (!teacher)
        return;
    const auto file = loadFile(m_database, request.matches[1], teacher->schoolId);
    if (!file) {
        sendProblem(response, 404, "file_not_found", "No file with this id exists for you.");
        return;
    }

    // cpp-httplib 0.11 slices the provider for a satisfiable Range itself, so
    // only a range starting past the end is handled here. The 416 response
    // has no body because the library would slice a body as well.
    if (request.ranges.size() == 1 && request.ranges[0].first >= file->size) {
        response.status = 416;
        response.set_header("Content-Range", "bytes */" + std::to_string(file->size));
        return;
    }

    const int fd = ::open((m_fileFolder / file->id).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        sendProblem(response, 500, "internal_error", "The stored file cannot be read.");
        return;
    }
    auto handle = std::make_shared<FileHandle>(fd);
    response.set_header("Accept-Ranges", "bytes");
    response.set_header("ETag", "\"" + file->sha256 + "\"");
    response.set_content_provider(
        static_cast<size_t>(file->size), file->contentType,
        [handle](size_t offset, size_t length, httplib::DataSink &sink) {
            std::vector<char> buffer(std::min<size_t>(length, 1 << 16));
            const ssize_t count = ::pread(handle->fd, buffer.data(), buffer.size(), static_cast<off_t>(offset));
            if (count <= 0)
                return false;
            sink.write(buffer.data(), static_cast<size_t>(count));
            return true;
        });
}

} // namespace ClassDeskServer
