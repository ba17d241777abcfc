// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverdatabase.h"

#include <sqlite3.h>

namespace ClassDeskServer {

namespace {

// Schema version 1. Entities of every kind share one table: the server treats
// their data as validated JSON and indexes only what authorisation and the
// conflict rules need (natural_key is "session|student" for an attendance
// record and "school|student number" for a student).
constexpr std::string_view s_schema = R"sql(
CREATE TABLE teachers (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL,
    name TEXT NOT NULL,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    totp_secret TEXT,
    totp_last_step INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE access_tokens (
    token_hash TEXT PRIMARY KEY,
    teacher_id TEXT NOT NULL,
    family_id TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    teacher_id TEXT NOT NULL,
    family_id TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    rotated INTEGER NOT NULL DEFAULT 0,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    school_id TEXT NOT NULL,
    owner_teacher_id TEXT,
    natural_key TEXT,
    version INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL
);
CREATE UNIQUE INDEX entities_natural_key ON entities (entity, natural_key)
    WHERE natural_key IS NOT NULL;
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    id TEXT NOT NULL,
    op TEXT NOT NULL,
    version INTEGER NOT NULL,
    school_id TEXT NOT NULL,
    owner_teacher_id TEXT,
    data TEXT
);
CREATE INDEX changes_school ON changes (school_id, seq);
CREATE TABLE mutation_results (
    teacher_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    result TEXT NOT NULL,
    PRIMARY KEY (teacher_id, idempotency_key)
);
CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    teacher_id TEXT NOT NULL,
    school_id TEXT NOT NULL,
    length INTEGER NOT NULL,
    offset INTEGER NOT NULL DEFAULT 0,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    file_id TEXT
);
CREATE TABLE files (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (school_id, sha256, size)
);
)sql";

} // namespace

Statement::Statement(ServerDatabase &database, std::string_view sql)
    : m_database(database)
{
    if (sqlite3_prepare_v2(database.handle(), sql.data(), static_cast<int>(sql.size()), &m_statement, nullptr)
        != SQLITE_OK) {
        throw DatabaseError(std::string("cannot prepare SQL: ") + sqlite3_errmsg(database.handle()));
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Statement &Statement::bind(int index, std::string_view value)
{
    sqlite3_bind_text(m_statement, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

Statement &Statement::bind(int index, std::nullopt_t)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

Statement &Statement::bindOptional(int index, const std::optional<std::string> &value)
{
    return value ? bind(index, std::string_view(*value)) : bind(index, std::nullopt);
}

bool Statement::step()
{
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW)
        return true;
    if (result == SQLITE_DONE)
        return false;
    throw DatabaseError(std::string("SQL step failed: ") + sqlite3_errmsg(m_database.handle()));
}

void Statement::run()
{
    while (step()) {
    }
}

std::string Statement::text(int column) const
{
    const auto *value = sqlite3_column_text(m_statement, column);
    if (!value)
        return {};
    return {reinterpret_cast<const char *>(value), static_cast<size_t>(sqlite3_column_bytes(m_statement, column))};
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

ServerDatabase::ServerDatabase(const std::string &filePath)
{
    if (sqlite3_open_v2(filePath.c_str(), &m_handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr)
        != SQLITE_OK) {
        const std::string message = m_handle ? sqlite3_errmsg(m_handle) : "out of memory";
        sqlite3_close(m_handle);
        m_handle = nullptr;
        throw DatabaseError("cannot open " + filePath + ": " + message);
    }

    // A committed mutation or upload offset must survive a power cut.
    execute("PRAGMA journal_mode=WAL");
    execute("PRAGMA synchronous=FULL");
    execute("PRAGMA foreign_keys=ON");
    sqlite3_busy_timeout(m_handle, 5000);

    migrate();
}

ServerDatabase::~ServerDatabase()
{
    sqlite3_close(m_handle);
}

void ServerDatabase::execute(std::string_view sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_handle, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        throw DatabaseError("SQL failed: " + text);
    }
}

std::int64_t ServerDatabase::changes() const
{
    return sqlite3_changes64(m_handle);
}

void ServerDatabase::migrate()
{
    Statement version(*this, "PRAGMA user_version");
    const std::int64_t current = version.step() ? version.integer(0) : 0;
    if (current >= 1)
        return;

    execute("BEGIN IMMEDIATE");
    try {
        execute(s_schema);
        execute("PRAGMA user_version=1");
        execute("COMMIT");
    } catch (...) {
        execute("ROLLBACK");
        throw;
    }
}

Transaction::Transaction(ServerDatabase &database)
    : m_database(database)
{
    m_database.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    try {
        m_database.execute("ROLLBACK");
    } catch (const DatabaseError &) {
        // Nothing more can be done in a destructor; SQLite rolls back on close.
    }
}

void Transaction::commit()
{
    m_database.execute("COMMIT");
    m_done = true;
}

} // namespace ClassDeskServer
