// SPDX-License-Identifier: GPL-3.0-or-later
#include "statement.h"

#include "database.h"

#include <sqlite3.h>

#include <QJsonValue>

namespace ClassDesk {

Statement::Statement(Database *database, sqlite3_stmt *statement)
    : m_database(database)
    , m_statement(statement)
{
}

Statement::Statement(Statement &&other) noexcept
    : m_database(other.m_database)
    , m_statement(std::exchange(other.m_statement, nullptr))
    , m_bindError(std::move(other.m_bindError))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        release();
        m_database = other.m_database;
        m_statement = std::exchange(other.m_statement, nullptr);
        m_bindError = std::move(other.m_bindError);
    }
    return *this;
}

Statement::~Statement()
{
    release();
}

void Statement::release()
{
    if (!m_statement)
        return;
    if (m_database)
        m_database->recycle(m_statement);
    else
        sqlite3_finalize(m_statement);
    m_statement = nullptr;
}

void Statement::checkBind(int rc, int index)
{
    if (rc != SQLITE_OK && !m_bindError) {
        m_bindError = m_database->toError(
            rc, QStringLiteral("bind of parameter %1 in %2")
                    .arg(index)
                    .arg(QString::fromUtf8(sqlite3_sql(m_statement))));
    }
}

int Statement::parameterIndex(const char *name)
{
    const int index = sqlite3_bind_parameter_index(m_statement, name);
    if (index == 0)
        checkBind(SQLITE_RANGE, 0);
    return index;
}

Statement &Statement::bind(int index, int value)
{
    return bind(index, qint64(value));
}

Statement &Statement::bind(int index, qint64 value)
{
    checkBind(sqlite3_bind_int64(m_statement, index, value), index);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    checkBind(sqlite3_bind_double(m_statement, index, value), index);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    checkBind(sqlite3_bind_text64(m_statement, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                                  SQLITE_TRANSIENT, SQLITE_UTF8),
              index);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &value)
{
    checkBind(sqlite3_bind_blob64(m_statement, index, value.constData() ? value.constData() : "", sqlite3_uint64(value.size()),
                                  SQLITE_TRANSIENT),
              index);
    return *this;
}

Statement &Statement::bind(int index, std::nullptr_t)
{
    checkBind(sqlite3_bind_null(m_statement, index), index);
    return *this;
}

Result<bool> Statement::step()
{
    if (m_bindError)
        return std::unexpected(*m_bindError);

    int injected = 0;
    if (m_database->takeInjectedFailure(&injected))
        return std::unexpected(m_database->toError(injected, QString::fromUtf8(sqlite3_sql(m_statement))));

    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const int extended = sqlite3_extended_errcode(m_database->handle());
    sqlite3_reset(m_statement);
    return std::unexpected(m_database->toError(extended, QString::fromUtf8(sqlite3_sql(m_statement))));
}

Status Statement::run()
{
    for (;;) {
        const auto row = step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
    }
    sqlite3_reset(m_statement);
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 Statement::int64At(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double Statement::doubleAt(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

QString Statement::textAt(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column));
}

QByteArray Statement::blobAt(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

std::optional<qint64> Statement::optionalInt64At(int column) const
{
    return isNull(column) ? std::nullopt : std::optional(int64At(column));
}

std::optional<double> Statement::optionalDoubleAt(int column) const
{
    return isNull(column) ? std::nullopt : std::optional(doubleAt(column));
}

std::optional<QString> Statement::optionalTextAt(int column) const
{
    return isNull(column) ? std::nullopt : std::optional(textAt(column));
}

QJsonObject Statement::rowObject() const
{
    QJsonObject row;
    const int count = sqlite3_column_count(m_statement);
    for (int column = 0; column < count; ++column) {
        const QString name = QString::fromUtf8(sqlite3_column_name(m_statement, column));
        switch (sqlite3_column_type(m_statement, column)) {
        case SQLITE_INTEGER:
            row.insert(name, int64At(column));
            break;
        case SQLITE_FLOAT:
            row.insert(name, doubleAt(column));
            break;
        case SQLITE_TEXT:
            row.insert(name, textAt(column));
            break;
        case SQLITE_BLOB:
            row.insert(name, QString::fromLatin1(blobAt(column).toBase64()));
            break;
        default:
            row.insert(name, QJsonValue::Null);
        }
    }
    return row;
}

} // namespace ClassDesk
