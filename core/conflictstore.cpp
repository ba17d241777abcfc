// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictstore.h"

#include "civiltime.h"
#include "corelogging.h"
#include "outboxwriter.h"
#include "storesupport.h"

namespace ClassDesk {

using StoreSupport::run;

namespace {

constexpr const char *ConflictColumns =
    "SELECT id, entity, entity_id, local_payload, server_payload, server_version, created_at FROM conflict ";

Result<QList<Conflict>> readConflicts(Statement &statement)
{
    QList<Conflict> conflicts;
    for (;;) {
        const auto row = statement.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return conflicts;
        Conflict conflict;
        conflict.id = statement.textAt(0);
        conflict.entity = statement.textAt(1);
        conflict.entityId = statement.textAt(2);
        conflict.localPayload = StoreSupport::jsonObject(statement.textAt(3));
        conflict.serverPayload = StoreSupport::jsonObject(statement.textAt(4));
        conflict.serverVersion = statement.optionalInt64At(5);
        conflict.createdAtMs = statement.int64At(6);
        conflicts.append(conflict);
    }
}

Result<int> countRows(Database &database, const char *sql, const QString &entity, const QString &entityId)
{
    auto statement = database.prepare(sql);
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, entity).bind(2, entityId);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return int(statement->int64At(0));
}

} // namespace

ConflictStore::ConflictStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

Result<QList<Conflict>> ConflictStore::openConflicts(int limit)
{
    const QByteArray sql = QByteArray(ConflictColumns) + "WHERE resolved_at IS NULL ORDER BY created_at, id LIMIT ?";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, limit);
    return readConflicts(*statement);
}

Result<Conflict> ConflictStore::openConflict(const QString &conflictId)
{
    const QByteArray sql = QByteArray(ConflictColumns) + "WHERE id = ? AND resolved_at IS NULL";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, conflictId);
    const auto found = readConflicts(*statement);
    if (!found)
        return std::unexpected(found.error());
    if (found->isEmpty())
        return StoreSupport::notFound(QStringLiteral("conflict"), conflictId);
    return found->first();
}

Status ConflictStore::markResolved(const QString &conflictId)
{
    return run(m_database, "UPDATE conflict SET resolved_at = ? WHERE id = ?", CivilTime::nowMs(), conflictId);
}

Status ConflictStore::dropUnsentEntries(const QString &entity, const QString &entityId)
{
    // Conflicts keep their own copy of the local payload, so the link to a
    // dropped entry can go.
    if (auto unlinked = run(m_database,
                            "UPDATE conflict SET outbox_seq = NULL WHERE outbox_seq IN (SELECT seq FROM outbox "
                            "WHERE entity = ? AND entity_id = ? AND state IN ('pending', 'parked'))",
                            entity, entityId);
        !unlinked)
        return unlinked;
    return run(m_database, "DELETE FROM outbox WHERE entity = ? AND entity_id = ? AND state IN ('pending', 'parked')",
               entity, entityId);
}

Status ConflictStore::keepMine(const QString &conflictId)
{
    auto status = m_database.writeTransaction([&]() -> Status {
        const auto conflict = openConflict(conflictId);
        if (!conflict)
            return std::unexpected(conflict.error());

        // The local row now counts as made on the platform's version, so the
        // platform accepts the re-sent change as an ordinary update.
        if (conflict->serverVersion && OutboxWriter::isSyncedEntity(conflict->entity)) {
            const QByteArray sql = QStringLiteral("UPDATE %1 SET server_version = ? WHERE id = ?")
                                       .arg(conflict->entity)
                                       .toUtf8();
            if (auto stored = run(m_database, sql.constData(), conflict->serverVersion, conflict->entityId); !stored)
                return stored;
        }

        if (auto requeued = run(m_database,
                                "UPDATE outbox SET state = 'pending', base_version = ?, attempts = 0, "
                                "last_error = NULL, updated_at = ? WHERE entity = ? AND entity_id = ? "
                                "AND (state = 'pending' OR (state = 'parked' AND last_error = 'conflict'))",
                                conflict->serverVersion, CivilTime::nowMs(), conflict->entity, conflict->entityId);
            !requeued)
            return requeued;

        // A pulled copy that clashed with a local row has no entry to re-send;
        // the local row is recorded as an update instead.
        const auto queued = countRows(m_database,
                                      "SELECT count(*) FROM outbox WHERE entity = ? AND entity_id = ? "
                                      "AND state = 'pending'",
                                      conflict->entity, conflict->entityId);
        if (!queued)
            return std::unexpected(queued.error());
        if (*queued == 0 && OutboxWriter::isSyncedEntity(conflict->entity)) {
            // NOTE: when the platform deleted the entity, this update is
            // rejected by the platform and shows up as a rejected change.
            if (auto recorded = OutboxWriter::recordRow(m_database, conflict->entity, conflict->entityId,
                                                        QStringLiteral("update"));
                !recorded)
                return recorded;
        }
        return markResolved(conflictId);
    });
    if (!status)
        return status;
    qCInfo(lcCoreStore) << "Conflict" << conflictId << "resolved by keeping the local version";
    emit changed();
    return {};
}

Status ConflictStore::takeTheirs(const QString &conflictId, const ServerCopyWriter &writeServerCopy)
{
    auto status = m_database.writeTransaction([&]() -> Status {
        const auto conflict = openConflict(conflictId);
        if (!conflict)
            return std::unexpected(conflict.error());
        if (auto dropped = dropUnsentEntries(conflict->entity, conflict->entityId); !dropped)
            return dropped;
        if (auto written = writeServerCopy(*conflict); !written)
            return written;
        return markResolved(conflictId);
    });
    if (!status)
        return status;
    qCInfo(lcCoreStore) << "Conflict" << conflictId << "resolved by taking the platform's copy";
    emit changed();
    return {};
}

Status ConflictStore::retryParked(qint64 seq)
{
    auto status = run(m_database,
                      "UPDATE outbox SET state = 'pending', attempts = 0, last_error = NULL, updated_at = ? "
                      "WHERE seq = ? AND state = 'parked'",
                      CivilTime::nowMs(), seq);
    if (!status)
        return status;
    qCInfo(lcCoreStore) << "Parked outbox entry" << seq << "queued again";
    emit changed();
    return {};
}

Status ConflictStore::discardParked(qint64 seq)
{
    auto status = m_database.writeTransaction([&]() -> Status {
        if (auto unlinked = run(m_database, "UPDATE conflict SET outbox_seq = NULL WHERE outbox_seq = ?", seq);
            !unlinked)
            return unlinked;
        // NOTE: the local row keeps the discarded change until the platform
        // sends that entity again.
        return run(m_database, "DELETE FROM outbox WHERE seq = ? AND state = 'parked'", seq);
    });
    if (!status)
        return status;
    qCInfo(lcCoreStore) << "Parked outbox entry" << seq << "discarded";
    emit changed();
    return {};
}

} // namespace ClassDesk
