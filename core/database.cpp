// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "corelogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace ClassDesk {

namespace {

// How long a connection waits for another one's write lock before giving up.
constexpr int BusyTimeoutMilliseconds = 10000;

} // namespace

Database::Database(sqlite3 *handle, QString filePath)
    : m_handle(handle)
    , m_filePath(std::move(filePath))
{
}

Database::~Database()
{
    sqlite3_close_v2(m_handle);
}

Result<std::unique_ptr<Database>> Database::open(const QString &filePath)
{
    const QFileInfo info(filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        return makeError(QStringLiteral("db.folder_not_writable"),
                         QCoreApplication::translate("ClassDesk::Database",
                                                     "Could not create the data folder %1. "
                                                     "Check that it is writable or choose another data folder.")
                             .arg(QDir::toNativeSeparators(info.absolutePath())));
    }

    sqlite3 *handle = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
    const int rc = sqlite3_open_v2(QFile::encodeName(filePath).constData(), &handle, flags, nullptr);
    std::unique_ptr<Database> database(new Database(handle, filePath));
    if (rc != SQLITE_OK)
        return std::unexpected(database->lastError(QStringLiteral("db.open_failed"), filePath));

    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_timeout(handle, BusyTimeoutMilliseconds);

    // WAL lets the UI read while sync writes; FULL makes a committed mark survive
    // a power cut, which rural schools see often.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                               "PRAGMA foreign_keys=ON"}) {
        if (auto status = database->execute(QString::fromLatin1(pragma)); !status)
            return std::unexpected(status.error());
    }

    QFile::setPermissions(filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qCInfo(lcCoreDb) << "Opened database" << QDir::toNativeSeparators(filePath);
    return database;
}

Status Database::execute(const QString &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_handle, sql.toUtf8().constData(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return std::unexpected(lastError(QStringLiteral("db.statement_failed"), sql));
    return {};
}

Result<int> Database::userVersion()
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(m_handle, "PRAGMA user_version", -1, &statement, nullptr) != SQLITE_OK)
        return std::unexpected(lastError(QStringLiteral("db.statement_failed"),
                                         QStringLiteral("PRAGMA user_version")));
    int version = 0;
    if (sqlite3_step(statement) == SQLITE_ROW)
        version = sqlite3_column_int(statement, 0);
    sqlite3_finalize(statement);
    return version;
}

Error Database::lastError(const QString &code, const QString &what) const
{
    const int extendedCode = m_handle ? sqlite3_extended_errcode(m_handle) : SQLITE_CANTOPEN;
    const QString detail = m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle))
                                    : QString::fromUtf8(sqlite3_errstr(extendedCode));
    qCWarning(lcCoreDb) << "SQLite error" << extendedCode << detail << "in" << what;

    Error error;
    error.code = code;
    error.message = QCoreApplication::translate("ClassDesk::Database",
                                                "The local database reported an error (%1: %2). "
                                                "Your saved work is kept; restart ClassDesk and try again.")
                        .arg(extendedCode)
                        .arg(detail);
    return error;
}

} // namespace ClassDesk
