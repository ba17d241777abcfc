// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

struct sqlite3_stmt;

namespace ClassDesk {

class Database;

// A prepared statement owned by one connection. Binds chain and never fail on
// the spot: a bad bind is reported by the next step(), so call sites stay flat.
// Parameter indexes and column indexes follow SQLite: parameters start at 1,
// columns at 0. A null QString or QByteArray binds as empty text or an empty
// blob; SQL NULL is bound with nullptr or an empty std::optional.
class Statement
{
public:
    Statement(Database *database, sqlite3_stmt *statement);
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, int value);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &value);
    Statement &bind(int index, std::nullptr_t);

    template<typename T>
    Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bind(index, nullptr);
    }

    // Binds a named parameter such as ":student_id".
    template<typename T>
    Statement &bind(const char *name, const T &value)
    {
        return bind(parameterIndex(name), value);
    }

    // Advances to the next row: true when a row is ready to read, false when done.
    [[nodiscard]] Result<bool> step();

    // Steps until the statement is done, for statements that return no rows.
    [[nodiscard]] Status run();

    // Makes the statement ready to run again; bindings are kept.
    void reset();

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] qint64 int64At(int column) const;
    [[nodiscard]] double doubleAt(int column) const;
    [[nodiscard]] QString textAt(int column) const;
    [[nodiscard]] QByteArray blobAt(int column) const;
    [[nodiscard]] std::optional<qint64> optionalInt64At(int column) const;
    [[nodiscard]] std::optional<double> optionalDoubleAt(int column) const;
    [[nodiscard]] std::optional<QString> optionalTextAt(int column) const;

    // The current row as JSON keyed by column name: integers and reals as
    // numbers, text as strings, blobs in Base64, NULL as null.
    [[nodiscard]] QJsonObject rowObject() const;

private:
    // Hands the statement back to its connection's cache.
    void release();
    [[nodiscard]] int parameterIndex(const char *name);
    void checkBind(int rc, int index);

    Database *m_database = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    std::optional<Error> m_bindError;
};

} // namespace ClassDesk
