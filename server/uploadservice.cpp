// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadservice.h"

#include "authservice.h"
#include "crypto.h"
#include "faultinjector.h"
#include "problem.h"
#include "serverdatabase.h"
#include "serveroptions.h"

#include <httplib.h>

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <iostream>
#include <map>

namespace ClassDeskServer {

namespace {

constexpr std::string_view s_tusVersion = "1.0.0";

std::optional<std::int64_t> parseNonNegative(const std::string &text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

// Parses Upload-Metadata: comma-separated "key base64value" pairs.
std::optional<std::map<std::string, std::string>> parseMetadata(const std::string &header)
{
    std::map<std::string, std::string> metadata;
    size_t start = 0;
    while (start < header.size()) {
        size_t end = header.find(',', start);
        if (end == std::string::npos)
            end = header.size();
        std::string pair = header.substr(start, end - start);
        start = end + 1;
        while (!pair.empty() && pair.front() == ' ')
            pair.erase(pair.begin());
        if (pair.empty())
            continue;
        const size_t space = pair.find(' ');
        if (space == std::string::npos) {
            metadata[pair] = "";
            continue;
        }
        const auto value = Crypto::base64Decode(pair.substr(space + 1));
        if (!value)
            return std::nullopt;
        metadata[pair.substr(0, space)] = *value;
    }
    return metadata;
}

bool isSha256Hex(const std::string &text)
{
    return text.size() == 64
        && std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Reads and drops what is left of a PATCH body when the handler responds
// without reading it. cpp-httplib 0.11 neither drains an unread body nor
// closes the connection, so those bytes would be parsed as the next request
// on the kept-alive connection and that request would fail with 400.
class UnreadBodyDrain
{
public:
    explicit UnreadBodyDrain(const httplib::ContentReader &reader)
        : m_reader(reader)
    {
    }

    ~UnreadBodyDrain()
    {
        if (!m_read)
            m_reader([](const char *, size_t) { return true; });
    }

    UnreadBodyDrain(const UnreadBodyDrain &) = delete;
    UnreadBodyDrain &operator=(const UnreadBodyDrain &) = delete;

    // Marks the body as read by the handler itself, because a reader runs only once.
    void markRead() { m_read = true; }

private:
    const httplib::ContentReader &m_reader;
    bool m_read = false;
};

void addTusHeaders(httplib::Response &response)
{
    response.set_header("Tus-Resumable", std::string(s_tusVersion));
    response.set_header("Cache-Control", "no-store");
}

// Hashes a file from disk in blocks, never holding it in memory.
std::optional<std::string> hashFile(const std::filesystem::path &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    Crypto::Sha256 hash;
    std::array<char, 1 << 16> buffer{};
    ssize_t count = 0;
    while ((count = ::read(fd, buffer.data(), buffer.size())) > 0)
        hash.add(std::string_view(buffer.data(), static_cast<size_t>(count)));
    ::close(fd);
    if (count < 0)
        return std::nullopt;
    return Crypto::toHex(hash.finish());
}

} // namespace

UploadService::BusyGuard::BusyGuard(UploadService &service, std::string id)
    : m_service(service)
    , m_id(std::move(id))
{
    std::lock_guard lock(m_service.m_busyMutex);
    m_acquired = m_service.m_busy.insert(m_id).second;
}

UploadService::BusyGuard::~BusyGuard()
{
    if (!m_acquired)
        return;
    std::lock_guard lock(m_service.m_busyMutex);
    m_service.m_busy.erase(m_id);
}

UploadService::UploadService(ServerDatabase &database, AuthService &auth, const ServerOptions &options)
    : m_database(database)
    , m_auth(auth)
    , m_options(options)
    , m_uploadFolder(std::filesystem::path(options.dataDirectory) / "uploads")
    , m_fileFolder(std::filesystem::path(options.dataDirectory) / "files")
{
    std::filesystem::create_directories(m_uploadFolder);
    std::filesystem::create_directories(m_fileFolder);
}

std::filesystem::path UploadService::partPath(const std::string &id) const
{
    return m_uploadFolder / (id + ".part");
}

void UploadService::registerRoutes(httplib::Server &server)
{
    const std::string item = R"(/api/v1/uploads/([0-9a-f-]{36}))";
    server.Options("/api/v1/uploads", [this](const httplib::Request &, httplib::Response &response) {
        handleOptions(response);
    });
    server.Options(item, [this](const httplib::Request &, httplib::Response &response) { handleOptions(response); });
    server.Post("/api/v1/uploads", [this](const httplib::Request &request, httplib::Response &response) {
        handleCreate(request, response);
    });
    // cpp-httplib routes HEAD to the GET handler and drops the body.
    server.Get(item, [this](const httplib::Request &request, httplib::Response &response) {
        handleHead(request, response);
    });
    server.Patch(item, [this](const httplib::Request &request, httplib::Response &response,
                              const httplib::ContentReader &reader) { handlePatch(request, response, reader); });
    server.Delete(item, [this](const httplib::Request &request, httplib::Response &response) {
        handleDelete(request, response);
    });
}

void UploadService::handleOptions(httplib::Response &response)
{
    addTusHeaders(response);
    response.set_header("Tus-Version", std::string(s_tusVersion));
    response.set_header("Tus-Extension", "creation,checksum,termination");
    response.set_header("Tus-Checksum-Algorithm", "sha256");
    response.set_header("Tus-Max-Size", std::to_string(m_options.maxUploadBytes));
    response.status = 204;
}

bool UploadService::checkTusVersion(const httplib::Request &request, httplib::Response &response)
{
    if (request.get_header_value("Tus-Resumable") == s_tusVersion)
        return true;
    response.set_header("Tus-Version", std::string(s_tusVersion));
    sendProblem(response, 412, "unsupported_tus_version", "Send Tus-Resumable: 1.0.0; it is the only version served.");
    return false;
}

void UploadService::handleCreate(const httplib::Request &request, httplib::Response &response)
{
    const auto teacher = m_auth.authenticate(request, response);
    if (!teacher || !checkTusVersion(request, response))
        return;
    addTusHeaders(response);

    const auto length = parseNonNegative(request.get_header_value("Upload-Length"));
    if (!length) {
        sendProblem(response, 400, "invalid_request", "Upload-Length must be a non-negative integer.");
        return;
    }
    if (*length > m_options.maxUploadBytes) {
        sendProblem(response, 413, "upload_too_large",
                    "The upload is larger than the server's limit of " + std::to_string(m_options.maxUploadBytes)
                        + " bytes.");
        return;
    }
    const auto metadata = parseMetadata(request.get_header_value("Upload-Metadata"));
    if (!metadata || !metadata->contains("sha256") || !isSha256Hex(metadata->at("sha256"))) {
        sendProblem(response, 400, "invalid_request",
                    "Upload-Metadata must carry sha256: the file's lowercase hex SHA-256, base64-encoded.");
        return;
    }

    expireAbandoned();
    const std::string id = Crypto::randomUuid();
    const auto filename = metadata->contains("filename") ? metadata->at("filename") : std::string("upload");
    const auto contentType =
        metadata->contains("content_type") ? metadata->at("content_type") : std::string("application/octet-stream");
    const int fd = ::open(partPath(id).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        sendProblem(response, 500, "internal_error", "The server cannot create the upload file.");
        return;
    }
    ::close(fd);

    {
        std::lock_guard lock(m_database.mutex());
        Statement insert(m_database, "INSERT INTO uploads (id, teacher_id, school_id, length, filename, content_type, "
                                     "sha256, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, id).bind(2, teacher->id).bind(3, teacher->schoolId).bind(4, *length).bind(5, filename);
        insert.bind(6, contentType).bind(7, metadata->at("sha256")).bind(8, nowSeconds());
        insert.bind(9, nowSeconds() + m_options.uploadExpirySeconds).run();
    }

    response.set_header("Location", "/api/v1/uploads/" + id);
    response.status = 201;

    // An empty file is complete as soon as it exists.
    if (*length == 0) {
        Upload upload{id, teacher->schoolId, 0, 0, filename, contentType, metadata->at("sha256"), {}};
        std::string fileId;
        if (!complete(upload, fileId)) {
            sendProblem(response, 400, "file_checksum_mismatch", "The sha256 in Upload-Metadata is not that of an empty file.");
            return;
        }
        response.set_header("ClassDesk-File-Id", fileId);
    }
}

std::optional<UploadService::Upload> UploadService::findUpload(const httplib::Request &request, const Teacher &teacher,
                                                               httplib::Response &response)
{
    const std::string id = request.matches[1];
    std::optional<Upload> upload;
    {
        std::lock_guard lock(m_database.mutex());
        Statement select(m_database, "SELECT school_id, length, offset, filename, content_type, sha256, file_id "
                                     "FROM uploads WHERE id = ? AND teacher_id = ? AND expires_at >= ?");
        select.bind(1, id).bind(2, teacher.id).bind(3, nowSeconds());
        if (select.step()) {
            upload = Upload{id,           select.text(0), select.integer(1), select.integer(2),
                            select.text(3), select.text(4), select.text(5),    select.text(6)};
        }
    }
    if (!upload) {
        response.set_header("Tus-Resumable", std::string(s_tusVersion));
        sendProblem(response, 404, "upload_not_found", "No upload with this id exists for you, or it expired.");
    }
    return upload;
}

void UploadService::handleHead(const httplib::Request &request, httplib::Response &response)
{
    const auto teacher = m_auth.authenticate(request, response);
    if (!teacher)
        return;
    const auto upload = findUpload(request, *teacher, response);
    if (!upload)
        return;

    addTusHeaders(response);
    response.set_header("Upload-Offset", std::to_string(upload->offset));
    response.set_header("Upload-Length", std::to_string(upload->length));
    if (!upload->fileId.empty())
        response.set_header("ClassDesk-File-Id", upload->fileId);
    response.status = 200;
}

void UploadService::storeOffset(const std::string &id, std::int64_t offset)
{
    std::lock_guard lock(m_database.mutex());
    Statement update(m_database, "UPDATE uploads SET offset = ?, expires_at = ? WHERE id = ?");
    update.bind(1, offset).bind(2, nowSeconds() + m_options.uploadExpirySeconds).bind(3, id).run();
}

void UploadService::handlePatch(const httplib::Request &request, httplib::Response &response,
                                const httplib::ContentReader &reader)
{
    UnreadBodyDrain drain(reader);
    const auto teacher = m_auth.authenticate(request, response);
    if (!teacher || !checkTusVersion(request, response))
        return;
    if (request.get_header_value("Content-Type") != "application/offset+octet-stream") {
        sendProblem(response, 415, "unsupported_media_type", "PATCH bodies must be application/offset+octet-stream.");
        return;
    }
    BusyGuard busy(*this, request.matches[1]);
    if (!busy.acquired()) {
        sendProblem(response, 423, "upload_locked", "Another request is writing this upload; retry shortly.");
        return;
    }
    auto upload = findUpload(request, *teacher, response);
    if (!upload)
        return;
    addTusHeaders(response);

    const auto offset = parseNonNegative(request.get_header_value("Upload-Offset"));
    if (!offset || *offset != upload->offset) {
        response.set_header("Upload-Offset", std::to_string(upload->offset));
        sendProblem(response, 409, "offset_mismatch",
                    "Upload-Offset must equal the stored offset " + std::to_string(upload->offset) + "; send HEAD first.");
        return;
    }
    std::optional<std::string> expectedChecksum;
    if (const std::string header = request.get_header_value("Upload-Checksum"); !header.empty()) {
        const size_t space = header.find(' ');
        if (space == std::string::npos || header.substr(0, space) != "sha256") {
            sendProblem(response, 400, "unsupported_checksum_algorithm", "Upload-Checksum must use sha256.");
            return;
        }
        expectedChecksum = Crypto::base64Decode(header.substr(space + 1));
        if (!expectedChecksum) {
            sendProblem(response, 400, "invalid_request", "Upload-Checksum must carry a base64 digest.");
            return;
        }
    }

    // Bytes past the stored offset are from a request that never finished; drop them.
    const int fd = ::open(partPath(upload->id).c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0 || ::ftruncate(fd, upload->offset) != 0 || ::lseek(fd, upload->offset, SEEK_SET) < 0) {
        if (fd >= 0)
            ::close(fd);
        sendProblem(response, 500, "internal_error", "The server cannot open the upload file.");
        return;
    }

    Crypto::Sha256 chunkHash;
    std::int64_t received = 0;
    bool tooLong = false;
    bool writeFailed = false;
    drain.markRead();
    const bool complete_body = reader([&](const char *data, size_t size) {
        // After a failure the rest of the body is still read, and dropped,
        // so that the connection can carry the next request.
        if (tooLong || writeFailed)
            return true;
        if (upload->offset + received + static_cast<std::int64_t>(size) > upload->length) {
            tooLong = true;
            return true;
        }
        chunkHash.add(std::string_view(data, size));
        for (size_t written = 0; written < size;) {
            const ssize_t count = ::write(fd, data + written, size - written);
            if (count <= 0) {
                writeFailed = true;
                return true;
            }
            written += static_cast<size_t>(count);
        }
        received += static_cast<std::int64_t>(size);
        return true;
    });

    // A torn body keeps what arrived unless a checksum cannot vouch for it.
    const bool checksumOk = !expectedChecksum || (complete_body && chunkHash.finish() == *expectedChecksum);
    const bool keep = !tooLong && !writeFailed && checksumOk && (complete_body || !expectedChecksum);
    if (!keep)
        received = 0;
    if (const auto fault = FaultInjector::currentFault(); fault && fault->kind == FaultInjector::Kind::ShortPatch && received > 1)
        received /= 2;
    const bool synced = ::ftruncate(fd, upload->offset + received) == 0 && ::fsync(fd) == 0;
    ::close(fd);

    if (tooLong) {
        sendProblem(response, 400, "invalid_request", "The body runs past Upload-Length.");
        return;
    }
    if (writeFailed || !synced) {
        sendProblem(response, 500, "internal_error", "The server cannot write the upload file.");
        return;
    }
    if (!checksumOk) {
        response.set_header("Upload-Offset", std::to_string(upload->offset));
        sendProblem(response, 460, "checksum_mismatch",
                    "The body does not match Upload-Checksum; nothing was stored. Send it again.");
        return;
    }

    upload->offset += received;
    storeOffset(upload->id, upload->offset);
    response.set_header("Upload-Offset", std::to_string(upload->offset));
    response.status = 204;

    if (upload->offset == upload->length && upload->fileId.empty()) {
        std::string fileId;
        if (!complete(*upload, fileId)) {
            sendProblem(response, 400, "file_checksum_mismatch",
                        "The uploaded file does not match the sha256 in Upload-Metadata; the upload was discarded.");
            return;
        }
        response.set_header("ClassDesk-File-Id", fileId);
    } else if (!upload->fileId.empty()) {
        response.set_header("ClassDesk-File-Id", upload->fileId);
    }
}

bool UploadService::complete(Upload &upload, std::string &fileId)
{
    const auto actual = hashFile(partPath(upload.id));
    if (!actual || *actual != upload.sha256) {
        std::clog << "classdesk-server: upload " << upload.id << " failed its sha256 check; discarded\n";
        discard(upload.id);
        return false;
    }

    std::lock_guard lock(m_database.mutex());
    Transaction transaction(m_database);
    // The same content in the same school is stored once (instant upload later).
    Statement existing(m_database, "SELECT id FROM files WHERE school_id = ? AND sha256 = ? AND size = ?");
    existing.bind(1, upload.schoolId).bind(2, upload.sha256).bind(3, upload.length);
    if (existing.step()) {
        fileId = existing.text(0);
        std::filesystem::remove(partPath(upload.id));
    } else {
        fileId = Crypto::randomUuid();
        std::filesystem::rename(partPath(upload.id), m_fileFolder / fileId);
        Statement insert(m_database, "INSERT INTO files (id, school_id, sha256, size, filename, content_type, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, fileId).bind(2, upload.schoolId).bind(3, upload.sha256).bind(4, upload.length);
        insert.bind(5, upload.filename).bind(6, upload.contentType).bind(7, nowMilliseconds()).run();
    }
    Statement update(m_database, "UPDATE uploads SET file_id = ? WHERE id = ?");
    update.bind(1, fileId).bind(2, upload.id).run();
    transaction.commit();
    upload.fileId = fileId;
    return true;
}

void UploadService::discard(const std::string &id)
{
    std::filesystem::remove(partPath(id));
    std::lock_guard lock(m_database.mutex());
    Statement remove(m_database, "DELETE FROM uploads WHERE id = ?");
    remove.bind(1, id).run();
}

void UploadService::handleDelete(const httplib::Request &request, httplib::Response &response)
{
    const auto teacher = m_auth.authenticate(request, response);
    if (!teacher || !checkTusVersion(request, response))
        return;
    BusyGuard busy(*this, request.matches[1]);
    if (!busy.acquired()) {
        sendProblem(response, 423, "upload_locked", "Another request is writing this upload; retry shortly.");
        return;
    }
    const auto upload = findUpload(request, *teacher, response);
    if (!upload)
        return;

    // A finished upload's file stays: courseware may already refer to it.
    if (upload->fileId.empty())
        std::filesystem::remove(partPath(upload->id));
    {
        std::lock_guard lock(m_database.mutex());
        Statement remove(m_database, "DELETE FROM uploads WHERE id = ?");
        remove.bind(1, upload->id).run();
    }
    addTusHeaders(response);
    response.status = 204;
}

void UploadService::expireAbandoned()
{
    std::vector<std::string> expired;
    {
        std::lock_guard lock(m_database.mutex());
        Statement select(m_database, "SELECT id FROM uploads WHERE expires_at < ?");
        select.bind(1, nowSeconds());
        while (select.step())
            expired.push_back(select.text(0));
    }
    for (const std::string &id : expired) {
        BusyGuard busy(*this, id);
        if (!busy.acquired())
            continue;
        std::error_code ignored;
        std::filesystem::remove(partPath(id), ignored);
        std::lock_guard lock(m_database.mutex());
        Statement remove(m_database, "DELETE FROM uploads WHERE id = ?");
        remove.bind(1, id).run();
    }
    if (!expired.empty())
        std::clog << "classdesk-server: deleted " << expired.size() << " expired uploads\n";
}

} // namespace ClassDeskServer
