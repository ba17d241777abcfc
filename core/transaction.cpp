// SPDX-License-Identifier: GPL-3.0-or-later
#include "transaction.h"

#include "corelogging.h"
#include "database.h"

#include <sqlite3.h>

namespace ClassDesk {

Result<Transaction> Transaction::begin(Database &database)
{
    if (auto status = database.execute(QStringLiteral("BEGIN IMMEDIATE")); !status)
        return std::unexpected(status.error());
    return Transaction(&database);
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_database(std::exchange(other.m_database, nullptr))
{
}

Transaction::~Transaction()
{
    if (!m_database || sqlite3_get_autocommit(m_database->handle()))
        return;
    // Bypasses the failure hook: a rollback must run even after an injected failure.
    const int rc = sqlite3_exec(m_database->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        qCWarning(lcCoreDb) << "Rollback failed with SQLite code" << rc;
}

Status Transaction::commit()
{
    if (!m_database)
        return {};
    auto status = m_database->execute(QStringLiteral("COMMIT"));
    if (status)
        m_database = nullptr;
    return status;
}

} // namespace ClassDesk
