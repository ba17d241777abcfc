// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "corelogging.h"
#include "schema.h"
#include "transaction.h"
#include "uuid7.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <sqlite3.h>

namespace ClassDesk {

namespace {

// How often a whole write transaction is tried again when the busy handler
// gave up. Each try already waited BusyTimeoutMilliseconds.
constexpr int MaxWriteAttempts = 3;

QString translated(const char *text)
{
    return QCoreApplication::translate("ClassDesk::Database", text);
}

bool isBusy(const Error &error)
{
    const int primary = error.sqliteCode & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

// The message and stable code for a SQLite failure, by its primary result code.
std::pair<QString, QString> describe(int primaryCode)
{
    switch (primaryCode) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {QStringLiteral("db.busy"),
                translated(QT_TRANSLATE_NOOP("ClassDesk::Database", "The local database is busy with another task. Try again in a moment."))};
    case SQLITE_FULL:
        return {QStringLiteral("db.disk_full"),
                translated(QT_TRANSLATE_NOOP("ClassDesk::Database", "The disk is full, so the change was not saved. Free some disk space and try again."))};
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        return {QStringLiteral("db.not_writable"),
                translated(QT_TRANSLATE_NOOP("ClassDesk::Database", "The local database cannot be written. Check that its folder is writable "
                          "or choose another data folder."))};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return {QStringLiteral("db.corrupt"),
                translated(QT_TRANSLATE_NOOP("ClassDesk::Database", "The local database file is damaged. Restore it from a backup "
                          "or choose another data folder."))};
    case SQLITE_CONSTRAINT:
        return {QStringLiteral("db.constraint"),
                translated(QT_TRANSLATE_NOOP("ClassDesk::Database", "The change conflicts with data that is already saved, so it was not saved."))};
    default:
        return {QStringLiteral("db.statement_failed"),
                translated(QT_TRANSLATE_NOOP("ClassDesk::Database", "The local database reported an error. Your saved work is kept; "
                          "restart ClassDesk and try again."))};
    }
}

} // namespace

Database::Database(sqlite3 *handle, QString filePath)
    : m_handle(handle)
    , m_filePath(std::move(filePath))
{
}

Database::~Database()
{
    for (sqlite3_stmt *statement : std::as_const(m_idleStatements))
        sqlite3_finalize(statement);
    sqlite3_close_v2(m_handle);
}

void Database::recycle(sqlite3_stmt *statement)
{
    // The stores use a few dozen distinct statements; the cap only guards
    // against SQL built at run time filling the cache.
    constexpr qsizetype MaximumIdleStatements = 256;

    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    const QByteArray sql(sqlite3_sql(statement));
    if (m_idleStatements.contains(sql) || m_idleStatements.size() >= MaximumIdleStatements) {
        sqlite3_finalize(statement);
        return;
    }
    m_idleStatements.insert(sql, statement);
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

    // NOMUTEX: a connection belongs to one thread, so SQLite's per-connection
    // mutex would only cost time.
    sqlite3 *handle = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(QFile::encodeName(filePath).constData(), &handle, flags, nullptr);
    std::unique_ptr<Database> database(new Database(handle, filePath));
    if (rc != SQLITE_OK)
        return std::unexpected(database->toError(rc, filePath));

    // Owner-only before anything is written; SQLite gives the -wal and -shm
    // files the mode of the database file.
    QFile::setPermissions(filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_handler(handle, &Database::waitWhileBusy, database.get());

    if (auto status = database->rejectNewerSchema(); !status)
        return std::unexpected(status.error());
    if (auto status = database->configure(); !status)
        return std::unexpected(status.error());
    if (auto status = Schema::migrate(*database); !status)
        return std::unexpected(status.error());

    qCInfo(lcCoreDb) << "Opened database" << QDir::toNativeSeparators(filePath);
    return database;
}

// Runs before any pragma that writes, so a newer file is left byte for byte as it was.
Status Database::rejectNewerSchema()
{
    const auto version = userVersion();
    if (!version)
        return std::unexpected(version.error());
    if (*version <= Schema::CurrentVersion)
        return {};

    qCWarning(lcCoreDb) << "Rejected database with schema version" << *version << "newer than"
                        << Schema::CurrentVersion << QDir::toNativeSeparators(m_filePath);
    return makeError(QStringLiteral("db.newer_schema"),
                     translated(QT_TRANSLATE_NOOP("ClassDesk::Database", "This data was saved by a newer version of ClassDesk "
                               "(data version %1, this version reads up to %2). Install the "
                               "newer ClassDesk to open it. The file was not changed."))
                         .arg(*version)
                         .arg(Schema::CurrentVersion));
}

Status Database::configure()
{
    // WAL lets the UI read while sync writes; FULL makes a committed mark survive
    // a power cut, which rural schools see often. A 16 MiB page cache (SQLite's
    // default is 2 MiB) keeps a whole-school roster import or a large sync page
    // from spilling to the WAL in the middle of its transaction.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                               "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-16384"}) {
        if (auto status = execute(QString::fromLatin1(pragma)); !status)
            return status;
    }

    // uuid7(): a new UUIDv7 per call, so one INSERT ... SELECT can give each
    // outbox entry its own idempotency key.
    const int rc = sqlite3_create_function_v2(m_handle, "uuid7", 0, SQLITE_UTF8, nullptr, &Database::uuid7Function,
                                              nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(toError(rc, QStringLiteral("uuid7 function")));
    return {};
}

void Database::uuid7Function(sqlite3_context *context, int, sqlite3_value **)
{
    const QByteArray id = Uuid7::generate().toLatin1();
    sqlite3_result_text(context, id.constData(), int(id.size()), SQLITE_TRANSIENT);
}

// Busy handler: short sleeps that grow to 20 ms, so a waiting UI mark gets the
// lock soon after a long import commits, until BusyTimeoutMilliseconds passed.
int Database::waitWhileBusy(void *context, int attempt)
{
    static constexpr int Delays[] = {1, 2, 5, 10, 15, 20};
    constexpr int Steps = int(std::size(Delays));

    int waited = 0;
    for (int i = 0; i < attempt; ++i)
        waited += Delays[std::min(i, Steps - 1)];
    if (waited >= BusyTimeoutMilliseconds)
        return 0;

    static_cast<Database *>(context)->m_busyWaits.fetch_add(1);
    QThread::msleep(Delays[std::min(attempt, Steps - 1)]);
    return 1;
}

Status Database::execute(const QString &sql)
{
    int injected = 0;
    if (takeInjectedFailure(&injected))
        return std::unexpected(toError(injected, sql));

    const int rc = sqlite3_exec(m_handle, sql.toUtf8().constData(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(toError(sqlite3_extended_errcode(m_handle), sql));
    return {};
}

Result<Statement> Database::prepare(const char *sql)
{
    // A statement in use elsewhere is not in the cache, so nested use gets its own.
    if (sqlite3_stmt *idle = m_idleStatements.take(QByteArray(sql)))
        return Statement(this, idle);

    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v2(m_handle, sql, -1, &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return std::unexpected(toError(sqlite3_extended_errcode(m_handle), QString::fromUtf8(sql)));
    }
    return Statement(this, statement);
}

Result<int> Database::userVersion()
{
    auto statement = prepare("PRAGMA user_version");
    if (!statement)
        return std::unexpected(statement.error());
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? int(statement->int64At(0)) : 0;
}

int Database::changes() const
{
    return sqlite3_changes(m_handle);
}

Status Database::writeTransaction(const std::function<Status()> &work)
{
    Status result;
    for (int attempt = 1; attempt <= MaxWriteAttempts; ++attempt) {
        auto transaction = Transaction::begin(*this);
        if (!transaction) {
            result = std::unexpected(transaction.error());
        } else if (result = work(); result) {
            result = transaction->commit();
        }

        if (result || !isBusy(result.error()))
            return result;
        qCWarning(lcCoreDb) << "Write transaction still busy, attempt" << attempt << "of"
                            << MaxWriteAttempts;
    }
    return result;
}

void Database::failNextStatement(int sqliteCode, int stepsToSkip)
{
    m_injectedFailure = sqliteCode;
    m_stepsBeforeFailure = stepsToSkip;
}

bool Database::takeInjectedFailure(int *sqliteCode)
{
    if (m_injectedFailure == 0)
        return false;
    if (m_stepsBeforeFailure > 0) {
        --m_stepsBeforeFailure;
        return false;
    }
    *sqliteCode = m_injectedFailure;
    m_injectedFailure = 0;
    return true;
}

Error Database::toError(int sqliteCode, const QString &what) const
{
    const QString detail = QString::fromUtf8(sqlite3_errstr(sqliteCode));
    qCWarning(lcCoreDb).noquote() << "SQLite error" << sqliteCode << detail << "in" << what.left(120);

    auto [code, message] = describe(sqliteCode & 0xff);
    Error error;
    error.code = code;
    error.message = message;
    error.sqliteCode = sqliteCode;
    error.retryable = code == QLatin1String("db.busy");
    return error;
}

} // namespace ClassDesk
