// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <optional>

namespace ClassDesk {

class Database;

struct OutboxEntry
{
    qint64 seq = 0;
    QString entity;
    QString entityId;
    QString op; // create, update, delete or mark
    QJsonObject payload;
    QString idempotencyKey;
    std::optional<qint64> baseVersion;
    QString state; // pending, sent, acknowledged or parked
    int attempts = 0;
    QString lastError;
};

// The platform's result for one pushed entry.
enum class MutationOutcome {
    Applied,   // stored; serverVersion is the row's new version
    Duplicate, // applied before under the same idempotency key: success
    Conflict,  // the platform's copy changed; serverCopy contains it
    Rejected,  // invalid and never retried; reason gives the cause
};

struct MutationResult
{
    QString idempotencyKey;
    MutationOutcome outcome = MutationOutcome::Applied;
    std::optional<qint64> serverVersion;
    QJsonObject serverCopy;
    QString reason;
};

// The queue of local changes for the sync engine: read in order, mark sent,
// then record the platform's results.
class OutboxStore : public QObject
{
    Q_OBJECT

public:
    explicit OutboxStore(Database &database, QObject *parent = nullptr);

    // Up to `limit` pending entries: courseware creates first, then the rest
    // oldest first, leaving out entries whose courseware file (the item
    // itself, an assignment's attachment or a lesson's courseware) is queued
    // for upload and has no platform file id yet.
    [[nodiscard]] Result<QList<OutboxEntry>> pending(int limit);
    [[nodiscard]] Result<QList<OutboxEntry>> entries(const QString &entity, const QString &entityId);
    [[nodiscard]] Result<int> count(const QString &state);
    // Entries the platform rejected or that met a conflict, newest first, with lastError saying why.
    [[nodiscard]] Result<QList<OutboxEntry>> parked(int limit);
    // Conflicts between a local change and the platform's copy that no one has resolved yet.
    [[nodiscard]] Result<int> openConflictCount();

    // Marks entries as sent, so no later change is folded into them.
    [[nodiscard]] Status markSent(const QList<qint64> &seqs);

    // Puts sent entries back in the queue after a push that got no response
    // (timeout, lost connection, crash); markSent() counted the attempt. Resending is
    // safe because the platform deduplicates by idempotency key.
    [[nodiscard]] Status returnToPending(const QList<qint64> &seqs, const QString &reason);

    // Returns every sent entry to the queue; run once at start-up.
    [[nodiscard]] Status requeueSent();

    // Records the platform's results in one transaction. Each result is handled
    // on its own: a conflict or rejection parks that entry, the others go on.
    [[nodiscard]] Status recordResults(const QList<MutationResult> &results);

signals:
    // Emitted after a commit that changed rows of `entity` (server versions).
    void changed(const QString &entity, const QStringList &ids);
    void outboxChanged();

private:
    [[nodiscard]] Status recordResult(const MutationResult &result, QHash<QString, QStringList> *changedIds);

    Database &m_database;
};

} // namespace ClassDesk
