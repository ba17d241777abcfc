// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace ClassDesk {

class Database;

// One courseware item in the upload queue, as stored in the `upload` table.
struct UploadEntry
{
    enum class State { Queued, Paused, Done, NeedsAttention };

    QString coursewareId;
    State state = State::Queued;
    QUrl uploadUrl;          // the tus upload once created; empty before
    QString fileId;          // the platform's file id once verified
    qint64 confirmedBytes = 0; // the offset the server last acknowledged
    qint64 totalBytes = 0;
    int attempts = 0;        // failed attempts since the server's offset last moved
    qint64 nextAttemptAt = 0; // UTC ms; 0 means now
    QString lastErrorCode;
    QString lastErrorMessage; // translated, for the teacher
};

// Persists the upload queue, so an upload interrupted by a crash, a power cut
// or a restart continues where it stopped. Lives on the thread of its
// connection, like every store.
class UploadQueueStore
{
public:
    explicit UploadQueueStore(Database &database);

    [[nodiscard]] static QString stateName(UploadEntry::State state);
    [[nodiscard]] static std::optional<UploadEntry::State> stateFromName(const QString &name);

    // Adds the courseware item as queued, or puts an existing row that is not
    // done back in the queue with its attempts cleared and its upload URL kept.
    [[nodiscard]] Status enqueue(const QString &coursewareId, qint64 totalBytes);
    [[nodiscard]] Result<std::optional<UploadEntry>> entry(const QString &coursewareId);
    // Every row in the order the items were queued.
    [[nodiscard]] Result<QList<UploadEntry>> entries();
    // Writes every column of the row except created_at.
    [[nodiscard]] Status save(const UploadEntry &entry);
    // Writes the entry as save() does, inside the caller's write transaction.
    [[nodiscard]] Status write(const UploadEntry &entry);
    [[nodiscard]] Status remove(const QString &coursewareId);

private:
    Database &m_database;
};

} // namespace ClassDesk
