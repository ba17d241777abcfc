// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ClassDesk {

class Database;

// Writes the outbox row of a local change. Every call must run inside the
// transaction that made the change, so the change and its outbox row commit
// or vanish together.
namespace OutboxWriter {

// The tables whose rows sync with the platform; outbox entities are these names.
[[nodiscard]] bool isSyncedEntity(const QString &entity);

// Reads row `id` of table `entity` as it is now and records it as a change of
// kind `op` (create, update, delete or mark) made on the row's server version.
//
// An update or mark is folded into the entity's latest outbox entry when that
// entry is still pending (never sent) and is a create, update or mark. The
// entry then keeps its place, op and idempotency key and takes the new payload.
// An entry that was sent is never changed.
[[nodiscard]] Status recordRow(Database &database, const QString &entity, const QString &id,
                               const QString &op);

// Records the creation of every student row inserted after rowid
// `afterRowid`, in insertion order, and returns the number of entries. One
// statement builds every payload from the stored row, equal to rowPayload(),
// which saves a read and a JSON round trip per student in bulk imports.
[[nodiscard]] Result<int> recordCreatedStudents(Database &database, qint64 afterRowid);

// Reads row `id` of table `entity` as an outbox payload (JSON columns as
// JSON, server_version left out), or nothing when there is no such row.
[[nodiscard]] Result<std::optional<QJsonObject>> rowPayload(Database &database, const QString &entity,
                                                            const QString &id);

// The JSON text stored for a row payload.
[[nodiscard]] QString payloadText(const QJsonObject &payload);

} // namespace OutboxWriter
} // namespace ClassDesk
