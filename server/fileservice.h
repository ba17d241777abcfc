// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace ClassDeskServer {

class AuthService;
class ServerDatabase;
struct ServerOptions;

// Stored files: lookup by SHA-256 and size (instant upload), metadata and
// content with Range support. Files are visible to every teacher of the
// school that uploaded them.
class FileService
{
public:
    FileService(ServerDatabase &database, AuthService &auth, const ServerOptions &options);

    void registerRoutes(httplib::Server &server);

private:
    void handleLookup(const httplib::Request &request, httplib::Response &response);
    void handleMetadata(const httplib::Request &request, httplib::Response &response);
    void handleContent(const httplib::Request &request, httplib::Response &response);

    ServerDatabase &m_database;
    AuthService &m_auth;
    std::filesystem::path m_fileFolder;
};

} // namespace ClassDeskServer
