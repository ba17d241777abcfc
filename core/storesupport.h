// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>

// Helpers shared by the stores; not part of core's interface to other layers.
namespace ClassDesk::StoreSupport {

// Runs one statement that returns no rows, binding `values` to ?1, ?2, ...
template<typename... Values>
[[nodiscard]] Status run(Database &database, const char *sql, const Values &...values)
{
    auto statement = database.prepare(sql);
    if (!statement)
        return std::unexpected(statement.error());
    int index = 1;
    (statement->bind(index++, values), ...);
    return statement->run();
}

// Runs `write` and records row `id` of `entity` in the outbox as `op`, in one
// write transaction.
[[nodiscard]] Status writeAndRecord(Database &database, const QString &entity, const QString &id,
                                    const QString &op, const std::function<Status()> &write);

// Marks row `id` of `entity` deleted now and records the deletion in the outbox.
[[nodiscard]] Status softDelete(Database &database, const QString &entity, const QString &id);

// The error for a row that does not exist or was deleted.
[[nodiscard]] std::unexpected<Error> notFound(const QString &entity, const QString &id);

// A LIKE pattern that matches `text` literally; use with ESCAPE '\'.
[[nodiscard]] QString likeLiteral(const QString &text);

[[nodiscard]] QString jsonText(const QJsonObject &object);
[[nodiscard]] QString jsonText(const QJsonArray &array);
[[nodiscard]] QString jsonText(const QStringList &strings);
[[nodiscard]] QJsonObject jsonObject(const QString &text);
[[nodiscard]] QJsonArray jsonArray(const QString &text);
[[nodiscard]] QStringList jsonStrings(const QString &text);

} // namespace ClassDesk::StoreSupport
