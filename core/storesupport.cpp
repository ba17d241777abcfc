// SPDX-License-Identifier: GPL-3.0-or-later
#include "storesupport.h"

#include "civiltime.h"
#include "corelogging.h"
#include "outboxwriter.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace ClassDesk::StoreSupport {

Status writeAndRecord(Database &database, const QString &entity, const QString &id, const QString &op,
                      const std::function<Status()> &write)
{
    return database.writeTransaction([&]() -> Status {
        if (auto status = write(); !status)
            return status;
        if (database.changes() == 0)
            return notFound(entity, id);
        return OutboxWriter::recordRow(database, entity, id, op);
    });
}

Status softDelete(Database &database, const QString &entity, const QString &id)
{
    // The table name comes from the stores, never from input.
    const QByteArray sql = QStringLiteral("UPDATE %1 SET deleted_at = ?1, updated_at = ?1 "
                                          "WHERE id = ?2 AND deleted_at IS NULL")
                               .arg(entity)
                               .toUtf8();
    return writeAndRecord(database, entity, id, QStringLiteral("delete"),
                          [&] { return run(database, sql.constData(), CivilTime::nowMs(), id); });
}

std::unexpected<Error> notFound(const QString &entity, const QString &id)
{
    Error error;
    error.code = QStringLiteral("store.not_found");
    error.message = QCoreApplication::translate("ClassDesk::Store",
                                                "The item was not found. It may have been deleted; "
                                                "refresh the list and try again.");
    qCDebug(lcCoreStore) << "Not found:" << entity << id;
    return std::unexpected(error);
}

QString likeLiteral(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return escaped;
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString jsonText(const QStringList &strings)
{
    return jsonText(QJsonArray::fromStringList(strings));
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonArray jsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QStringList jsonStrings(const QString &text)
{
    QStringList strings;
    for (const QJsonValue &value : jsonArray(text))
        strings.append(value.toString());
    return strings;
}

} // namespace ClassDesk::StoreSupport
