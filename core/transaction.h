// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

namespace ClassDesk {

class Database;

// A write transaction. It starts with BEGIN IMMEDIATE, so the write lock is
// taken up front and the statements inside do not wait for it halfway
// through. It commits only when asked and rolls back on scope exit otherwise.
class Transaction
{
public:
    [[nodiscard]] static Result<Transaction> begin(Database &database);

    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    [[nodiscard]] Status commit();

private:
    explicit Transaction(Database *database) : m_database(database) {}

    Database *m_database = nullptr;
};

} // namespace ClassDesk
