// SPDX-License-Identifier: GPL-3.0-or-later
#include "outboxstore.h"

#include "civiltime.h"
#include "corelogging.h"
#include "outboxwriter.h"
#include "storesupport.h"
#include "uuid7.h"

namespace ClassDesk {

using StoreSupport::run;

namespace {

constexpr const char *EntryColumns =
    "SELECT seq, entity, entity_id, op, payload, idempotency_key, base_version, state, attempts, "
    "coalesce(last_error, '') FROM outbox ";

Result<QList<OutboxEntry>> readEntries(Statement &statement)
{
    QList<OutboxEntry> entries;
    for (;;) {
        const auto row = statement.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return entries;
        OutboxEntry entry;
        entry.seq = statement.int64At(0);
        entry.entity = statement.textAt(1);
        entry.entityId = statement.textAt(2);
        entry.op = statement.textAt(3);
        entry.payload = StoreSupport::jsonObject(statement.textAt(4));
        entry.idempotencyKey = statement.textAt(5);
        entry.baseVersion = statement.optionalInt64At(6);
        entry.state = statement.textAt(7);
        entry.attempts = int(statement.int64At(8));
        entry.lastError = statement.textAt(9);
        entries.append(entry);
    }
}

// Stores the platform's version on the row and rebases the entity's pending
// entries, which were made on top of what was just acknowledged.
Status storeServerVersion(Database &database, const OutboxEntry &entry, qint64 version)
{
    if (!OutboxWriter::isSyncedEntity(entry.entity))
        return {};
    const QByteArray sql = QStringLiteral("UPDATE %1 SET server_version = ? WHERE id = ?")
                               .arg(entry.entity)
                               .toUtf8();
    if (auto status = run(database, sql.constData(), version, entry.entityId); !status)
        return status;
    return run(database,
               "UPDATE outbox SET base_version = ? WHERE entity = ? AND entity_id = ? AND state = 'pending'",
               version, entry.entity, entry.entityId);
}

Status setState(Database &database, qint64 seq, const char *state, const QString &lastError)
{
    return run(database, "UPDATE outbox SET state = ?, last_error = ?, updated_at = ? WHERE seq = ?",
               QString::fromLatin1(state), lastError, CivilTime::nowMs(), seq);
}

} // namespace

OutboxStore::OutboxStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

Result<QList<OutboxEntry>> OutboxStore::pending(int limit)
{
    // An entry that references a file the upload queue has not delivered yet
    // waits: courseware metadata, assignments with such attachments and
    // lessons with such courseware go out once the courseware row has the
    // platform's file id (remote_id). A file that is not queued for upload,
    // or a deleted one, keeps no entry back.
    static constexpr const char *WaitsForUpload =
        "EXISTS (SELECT 1 FROM courseware c WHERE c.remote_id IS NULL AND c.deleted_at IS NULL "
        "AND c.upload_state IN ('queued', 'uploading', 'failed') "
        "AND ((outbox.entity = 'courseware' AND c.id = outbox.entity_id) "
        "OR (outbox.entity = 'assignment' "
        "AND c.id IN (SELECT value FROM json_each(outbox.payload, '$.attachment_ids'))) "
        "OR (outbox.entity = 'lesson' "
        "AND c.id IN (SELECT value FROM json_each(outbox.payload, '$.courseware_ids')))))";

    // Courseware creates go first. Updates fold into a pending create, so a
    // lesson or assignment created earlier may name later courseware in its
    // create, and the platform rejects ids it does not know yet. A courseware
    // create names no other pushed entity, so moving it ahead keeps every
    // order the platform needs.
    // Only an entity's oldest unacknowledged entry goes out: a later one is
    // based on the version the earlier one's result brings, and is rebased
    // when that result is stored.
    static constexpr const char *WaitsForEarlierEntry =
        "EXISTS (SELECT 1 FROM outbox earlier WHERE earlier.entity = outbox.entity "
        "AND earlier.entity_id = outbox.entity_id AND earlier.state IN ('pending', 'sent') "
        "AND earlier.seq < outbox.seq)";

    const QByteArray sql = QByteArray(EntryColumns) + "WHERE state = 'pending' AND NOT " + WaitsForUpload
                           + " AND NOT " + WaitsForEarlierEntry
                           + " ORDER BY (entity = 'courseware' AND op = 'create') DESC, seq LIMIT ?";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, limit);
    return readEntries(*statement);
}

Result<QList<OutboxEntry>> OutboxStore::entries(const QString &entity, const QString &entityId)
{
    const QByteArray sql = QByteArray(EntryColumns) + "WHERE entity = ? AND entity_id = ? ORDER BY seq";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, entity).bind(2, entityId);
    return readEntries(*statement);
}

Result<QList<OutboxEntry>> OutboxStore::parked(int limit)
{
    const QByteArray sql = QByteArray(EntryColumns) + "WHERE state = 'parked' ORDER BY seq DESC LIMIT ?";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, limit);
    return readEntries(*statement);
}

Result<int> OutboxStore::openConflictCount()
{
    auto statement = m_database.prepare("SELECT count(*) FROM conflict WHERE resolved_at IS NULL");
    if (!statement)
        return std::unexpected(statement.error());
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return int(statement->int64At(0));
}

Result<int> OutboxStore::count(const QString &state)
{
    auto statement = m_database.prepare("SELECT count(*) FROM outbox WHERE state = ?");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, state);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return int(statement->int64At(0));
}

Status OutboxStore::markSent(const QList<qint64> &seqs)
{
    const auto status = m_database.writeTransaction([&]() -> Status {
        for (const qint64 seq : seqs) {
            if (auto sent = run(m_database,
                                "UPDATE outbox SET state = 'sent', attempts = attempts + 1, updated_at = ? "
                                "WHERE seq = ? AND state = 'pending'",
                                CivilTime::nowMs(), seq);
                !sent)
                return sent;
        }
        return {};
    });
    if (status)
        emit outboxChanged();
    return status;
}

Status OutboxStore::returnToPending(const QList<qint64> &seqs, const QString &reason)
{
    const auto status = m_database.writeTransaction([&]() -> Status {
        // A mark the teacher confirmed after a wrong clock keeps that
        // confirmation, or the sync engine would hold it back again.
        for (const qint64 seq : seqs) {
            if (auto back = run(m_database,
                                "UPDATE outbox SET state = 'pending', updated_at = ?2, last_error = "
                                "CASE WHEN last_error = 'clock.confirmed' THEN last_error ELSE ?1 END "
                                "WHERE seq = ?3 AND state = 'sent'",
                                reason, CivilTime::nowMs(), seq);
                !back)
                return back;
        }
        return {};
    });
    if (status)
        emit outboxChanged();
    return status;
}

Status OutboxStore::requeueSent()
{
    const auto status = m_database.writeTransaction([&] {
        return run(m_database, "UPDATE outbox SET state = 'pending', updated_at = ? WHERE state = 'sent'",
                   CivilTime::nowMs());
    });
    if (status)
        emit outboxChanged();
    return status;
}

Status OutboxStore::recordResults(const QList<MutationResult> &results)
{
    QHash<QString, QStringList> changedIds;
    const auto status = m_database.writeTransaction([&]() -> Status {
        changedIds.clear();
        for (const MutationResult &result : results) {
            if (auto recorded = recordResult(result, &changedIds); !recorded)
                return recorded;
        }
        return {};
    });
    if (!status)
        return status;

    for (auto it = changedIds.cbegin(); it != changedIds.cend(); ++it)
        emit changed(it.key(), it.value());
    emit outboxChanged();
    return {};
}

Status OutboxStore::recordResult(const MutationResult &result, QHash<QString, QStringList> *changedIds)
{
    const QByteArray sql = QByteArray(EntryColumns) + "WHERE idempotency_key = ?";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, result.idempotencyKey);
    const auto found = readEntries(*statement);
    if (!found)
        return std::unexpected(found.error());
    if (found->isEmpty()) {
        qCWarning(lcCoreStore) << "Ignored a result for an unknown idempotency key" << result.idempotencyKey;
        return {};
    }
    const OutboxEntry &entry = found->first();

    switch (result.outcome) {
    case MutationOutcome::Applied:
    case MutationOutcome::Duplicate:
        if (result.serverVersion) {
            if (auto stored = storeServerVersion(m_database, entry, *result.serverVersion); !stored)
                return stored;
            (*changedIds)[entry.entity].append(entry.entityId);
        }
        return setState(m_database, entry.seq, "acknowledged", {});
    case MutationOutcome::Conflict:
        if (auto kept = run(m_database,
                            "INSERT INTO conflict (id, entity, entity_id, outbox_seq, local_payload, "
                            "server_payload, server_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            Uuid7::generate(), entry.entity, entry.entityId, entry.seq,
                            StoreSupport::jsonText(entry.payload), StoreSupport::jsonText(result.serverCopy),
                            result.serverVersion, CivilTime::nowMs());
            !kept)
            return kept;
        qCInfo(lcCoreStore) << "Conflict on" << entry.entity << entry.entityId << "parked for the teacher";
        return setState(m_database, entry.seq, "parked", QStringLiteral("conflict"));
    case MutationOutcome::Rejected:
        qCWarning(lcCoreStore) << "Platform rejected" << entry.entity << entry.entityId << result.reason;
        return setState(m_database, entry.seq, "parked", result.reason);
    }
    return {};
}

} // namespace ClassDesk
