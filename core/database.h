// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "statement.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

struct sqlite3;
struct sqlite3_context;
struct sqlite3_value;

namespace ClassDesk {

// One connection to the local database. Each thread opens its own and never
// shares it: the stores on a thread all use that thread's connection.
class Database
{
public:
    // How long a connection keeps retrying while another one holds the write lock.
    static constexpr int BusyTimeoutMilliseconds = 10000;

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the database file, creating it and its folder on first use, applies
    // the connection settings every ClassDesk connection relies on and brings
    // the schema up to date. A file written by a newer ClassDesk is rejected
    // before anything in it changes.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString &filePath);

    [[nodiscard]] QString filePath() const { return m_filePath; }
    [[nodiscard]] sqlite3 *handle() const { return m_handle; }

    // Runs SQL without results, such as a pragma or a schema statement.
    [[nodiscard]] Status execute(const QString &sql);

    // Compiles one statement. `sql` is UTF-8.
    [[nodiscard]] Result<Statement> prepare(const char *sql);

    [[nodiscard]] Result<int> userVersion();
    [[nodiscard]] int changes() const;

    // Runs `work` between BEGIN IMMEDIATE and COMMIT. If SQLite still reports
    // the database busy after the busy handler gave up, the whole transaction is
    // retried, at most three times in all. Any other failure rolls back.
    [[nodiscard]] Status writeTransaction(const std::function<Status()> &work);

    // Test hook: after `stepsToSkip` more successful steps or executes on this
    // connection, the next one fails with `sqliteCode` instead of running.
    void failNextStatement(int sqliteCode, int stepsToSkip = 0);

    // How often the busy handler had to wait for another connection's lock.
    [[nodiscard]] int busyWaitCount() const { return m_busyWaits.load(); }

    // Converts a SQLite result code into an Error; the only place that does.
    // `what` names the statement or file for the log and contains no student data.
    [[nodiscard]] Error toError(int sqliteCode, const QString &what) const;

private:
    friend class Statement;

    Database(sqlite3 *handle, QString filePath);

    [[nodiscard]] Status configure();
    [[nodiscard]] Status rejectNewerSchema();
    [[nodiscard]] bool takeInjectedFailure(int *sqliteCode);
    static int waitWhileBusy(void *context, int attempt);
    static void uuid7Function(sqlite3_context *context, int argumentCount, sqlite3_value **arguments);

    // Takes back a statement a Statement has finished with, reset and unbound,
    // so the next prepare() of the same SQL skips parsing and planning.
    void recycle(sqlite3_stmt *statement);

    sqlite3 *m_handle = nullptr;
    QString m_filePath;
    int m_injectedFailure = 0;
    int m_stepsBeforeFailure = 0;
    std::atomic<int> m_busyWaits = 0;
    QHash<QByteArray, sqlite3_stmt *> m_idleStatements; // by SQL text
};

} // namespace ClassDesk
