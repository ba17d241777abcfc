// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace ClassDeskServer {

class ServerDatabase;

// One prepared statement; binds are 1-based like SQLite's.
class Statement
{
public:
    Statement(ServerDatabase &database, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, std::string_view value);
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, std::nullopt_t);
    Statement &bindOptional(int index, const std::optional<std::string> &value);

    // Steps once; returns true while a row is available.
    [[nodiscard]] bool step();
    // Steps to completion for statements without results.
    void run();

    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] bool isNull(int column) const;

private:
    ServerDatabase &m_database;
    sqlite3_stmt *m_statement = nullptr;
};

// The server's SQLite database. One connection shared by all request threads
// and guarded by a mutex: the reference server favours simple, serialised
// writes over throughput, which also makes idempotency checks race-free.
class ServerDatabase
{
public:
    explicit ServerDatabase(const std::string &filePath);
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase &) = delete;
    ServerDatabase &operator=(const ServerDatabase &) = delete;

    [[nodiscard]] std::mutex &mutex() { return m_mutex; }
    [[nodiscard]] sqlite3 *handle() const { return m_handle; }

    // Runs SQL without results; throws DatabaseError on failure.
    void execute(std::string_view sql);
    [[nodiscard]] std::int64_t changes() const;

private:
    void migrate();

    sqlite3 *m_handle = nullptr;
    std::mutex m_mutex;
};

// Thrown for SQLite failures, which the HTTP layer turns into a 500 problem.
class DatabaseError : public std::exception
{
public:
    explicit DatabaseError(std::string message) : m_message(std::move(message)) {}
    [[nodiscard]] const char *what() const noexcept override { return m_message.c_str(); }

private:
    std::string m_message;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() ran. The caller holds
// the database mutex for the transaction's lifetime.
class Transaction
{
public:
    explicit Transaction(ServerDatabase &database);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    ServerDatabase &m_database;
    bool m_done = false;
};

} // namespace ClassDeskServer
