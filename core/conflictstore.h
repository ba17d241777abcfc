// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>
#include <optional>

namespace ClassDesk {

class Database;

// A local change the platform did not apply because its copy changed too.
struct Conflict
{
    QString id;
    QString entity;
    QString entityId;
    QJsonObject localPayload;  // the local row as an outbox payload; empty when unknown
    QJsonObject serverPayload; // {"data": {...}} or {"deleted": true}, as the platform sent it
    std::optional<qint64> serverVersion;
    qint64 createdAtMs = 0;
};

// The teacher's decisions on conflicts and on changes the platform rejected.
//
// Keeping the local version re-queues the entity's parked entries on top of
// the platform's version, so the next push replaces the platform's copy.
// Taking the platform's copy writes it to the local row and drops the
// entity's unsent entries. Either way the conflict is marked resolved in the
// same transaction.
class ConflictStore : public QObject
{
    Q_OBJECT

public:
    // Writes a server copy into the local row of conflict.entity; runs inside
    // takeTheirs()'s transaction. The sync layer owns the mapping from API
    // data to columns, so the caller provides it.
    using ServerCopyWriter = std::function<Status(const Conflict &conflict)>;

    explicit ConflictStore(Database &database, QObject *parent = nullptr);

    // Unresolved conflicts, oldest first.
    [[nodiscard]] Result<QList<Conflict>> openConflicts(int limit);

    [[nodiscard]] Status keepMine(const QString &conflictId);
    [[nodiscard]] Status takeTheirs(const QString &conflictId, const ServerCopyWriter &writeServerCopy);

    // Puts a parked (rejected) outbox entry back in the queue with its attempts reset.
    [[nodiscard]] Status retryParked(qint64 seq);
    // Removes a parked outbox entry: the platform never gets that change.
    [[nodiscard]] Status discardParked(qint64 seq);

signals:
    // Emitted after a commit that changed conflicts or the outbox.
    void changed();

private:
    [[nodiscard]] Result<Conflict> openConflict(const QString &conflictId);
    [[nodiscard]] Status markResolved(const QString &conflictId);
    [[nodiscard]] Status dropUnsentEntries(const QString &entity, const QString &entityId);

    Database &m_database;
};

} // namespace ClassDesk
