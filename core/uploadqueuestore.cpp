// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadqueuestore.h"

#include "civiltime.h"
#include "database.h"
#include "storesupport.h"

namespace ClassDesk {

namespace {

constexpr const char *SelectColumns =
    "SELECT courseware_id, state, upload_url, file_id, confirmed_bytes, total_bytes, attempts, "
    "next_attempt_at, last_error_code, last_error_message FROM upload ";

Result<UploadEntry> readEntry(const Statement &statement)
{
    UploadEntry entry;
    entry.coursewareId = statement.textAt(0);
    const auto state = UploadQueueStore::stateFromName(statement.textAt(1));
    if (!state)
        return makeError(QStringLiteral("db.invalid_row"),
                         QStringLiteral("upload row %1 has an unknown state").arg(entry.coursewareId));
    entry.state = *state;
    entry.uploadUrl = QUrl(statement.optionalTextAt(2).value_or(QString()));
    entry.fileId = statement.optionalTextAt(3).value_or(QString());
    entry.confirmedBytes = statement.int64At(4);
    entry.totalBytes = statement.int64At(5);
    entry.attempts = int(statement.int64At(6));
    entry.nextAttemptAt = statement.int64At(7);
    entry.lastErrorCode = statement.optionalTextAt(8).value_or(QString());
    entry.lastErrorMessage = statement.optionalTextAt(9).value_or(QString());
    return entry;
}

std::optional<QString> nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
}

} // namespace

UploadQueueStore::UploadQueueStore(Database &database)
    : m_database(database)
{
}

QString UploadQueueStore::stateName(UploadEntry::State state)
{
    switch (state) {
    case UploadEntry::State::Queued:
        return QStringLiteral("queued");
    case UploadEntry::State::Paused:
        return QStringLiteral("paused");
    case UploadEntry::State::Done:
        return QStringLiteral("done");
    case UploadEntry::State::NeedsAttention:
        return QStringLiteral("needs_attention");
    }
    return QStringLiteral("queued");
}

std::optional<UploadEntry::State> UploadQueueStore::stateFromName(const QString &name)
{
    for (const auto state : {UploadEntry::State::Queued, UploadEntry::State::Paused, UploadEntry::State::Done,
                             UploadEntry::State::NeedsAttention}) {
        if (stateName(state) == name)
            return state;
    }
    return std::nullopt;
}

Status UploadQueueStore::enqueue(const QString &coursewareId, qint64 totalBytes)
{
    const qint64 now = CivilTime::nowMs();
    return m_database.writeTransaction([&] {
        return StoreSupport::run(m_database,
                                 "INSERT INTO upload (courseware_id, total_bytes, created_at, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?3) "
                                 "ON CONFLICT (courseware_id) DO UPDATE SET state = 'queued', attempts = 0, "
                                 "next_attempt_at = 0, last_error_code = NULL, last_error_message = NULL, "
                                 "updated_at = ?3 WHERE state <> 'done'",
                                 coursewareId, totalBytes, now);
    });
}

Result<std::optional<UploadEntry>> UploadQueueStore::entry(const QString &coursewareId)
{
    auto statement = m_database.prepare((QByteArray(SelectColumns) + "WHERE courseware_id = ?").constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, coursewareId);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<UploadEntry>();
    auto entry = readEntry(*statement);
    if (!entry)
        return std::unexpected(entry.error());
    return std::optional<UploadEntry>(*entry);
}

Result<QList<UploadEntry>> UploadQueueStore::entries()
{
    auto statement = m_database.prepare((QByteArray(SelectColumns) + "ORDER BY created_at, rowid").constData());
    if (!statement)
        return std::unexpected(statement.error());
    QList<UploadEntry> list;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return list;
        auto entry = readEntry(*statement);
        if (!entry)
            return std::unexpected(entry.error());
        list.append(*entry);
    }
}

Status UploadQueueStore::save(const UploadEntry &entry)
{
    return m_database.writeTransaction([&] { return write(entry); });
}

Status UploadQueueStore::write(const UploadEntry &entry)
{
    const QString url = entry.uploadUrl.isEmpty() ? QString() : entry.uploadUrl.toString(QUrl::FullyEncoded);
    return StoreSupport::run(m_database,
                             "UPDATE upload SET state = ?2, upload_url = ?3, file_id = ?4, confirmed_bytes = ?5, "
                             "total_bytes = ?6, attempts = ?7, next_attempt_at = ?8, last_error_code = ?9, "
                             "last_error_message = ?10, updated_at = ?11 WHERE courseware_id = ?1",
                             entry.coursewareId, stateName(entry.state), nullIfEmpty(url), nullIfEmpty(entry.fileId),
                             entry.confirmedBytes, entry.totalBytes, qint64(entry.attempts), entry.nextAttemptAt,
                             nullIfEmpty(entry.lastErrorCode), nullIfEmpty(entry.lastErrorMessage),
                             CivilTime::nowMs());
}

Status UploadQueueStore::remove(const QString &coursewareId)
{
    return m_database.writeTransaction([&] {
        return StoreSupport::run(m_database, "DELETE FROM upload WHERE courseware_id = ?1", coursewareId);
    });
}

} // namespace ClassDesk
