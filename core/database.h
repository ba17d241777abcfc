// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QString>

#include <memory>

struct sqlite3;

namespace ClassDesk {

// One connection to the local database. Each thread opens its own.
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the database file, creating it and its folder on first use, and
    // applies the connection settings every ClassDesk connection relies on.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString &filePath);

    [[nodiscard]] QString filePath() const { return m_filePath; }
    [[nodiscard]] sqlite3 *handle() const { return m_handle; }

    // Runs SQL without results, such as a pragma or a schema statement.
    [[nodiscard]] Status execute(const QString &sql);

    [[nodiscard]] Result<int> userVersion();

private:
    Database(sqlite3 *handle, QString filePath);

    [[nodiscard]] Error lastError(const QString &code, const QString &what) const;

    sqlite3 *m_handle = nullptr;
    QString m_filePath;
};

} // namespace ClassDesk
