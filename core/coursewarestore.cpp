// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursewarestore.h"

#include "civiltime.h"
#include "database.h"
#include "outboxwriter.h"
#include "storesupport.h"
#include "uuid7.h"

namespace ClassDesk {

using StoreSupport::run;

namespace {

const QString Entity = QStringLiteral("courseware");

std::optional<qint64> optionalCount(std::optional<int> value)
{
    return value ? std::optional<qint64>(*value) : std::nullopt;
}

Courseware readCourseware(const Statement &statement)
{
    Courseware c;
    c.id = statement.textAt(0);
    c.schoolId = statement.textAt(1);
    c.sha256 = statement.textAt(2);
    c.sizeBytes = statement.int64At(3);
    c.mimeType = statement.textAt(4);
    c.title = statement.textAt(5);
    c.tags = StoreSupport::jsonStrings(statement.textAt(6));
    c.durationMs = statement.optionalInt64At(7);
    if (const auto pages = statement.optionalInt64At(8))
        c.pageCount = int(*pages);
    c.chapterMarks = StoreSupport::jsonArray(statement.textAt(9));
    c.uploadState = statement.textAt(10);
    c.remoteId = statement.textAt(11);
    return c;
}

} // namespace

CoursewareStore::CoursewareStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

Result<QString> CoursewareStore::addCourseware(const Courseware &courseware)
{
    const QString id = Uuid7::generate();
    const qint64 now = CivilTime::nowMs();
    const auto status = StoreSupport::writeAndRecord(m_database, Entity, id, QStringLiteral("create"), [&] {
        return run(m_database,
                   "INSERT INTO courseware (id, school_id, sha256, size_bytes, mime_type, title, tags, "
                   "duration_ms, page_count, chapter_marks, upload_state, created_at, updated_at) "
                   "VALUES (?1, ?2, lower(?3), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, ?11, ?11)",
                   id, courseware.schoolId, courseware.sha256, courseware.sizeBytes, courseware.mimeType,
                   courseware.title, StoreSupport::jsonText(courseware.tags), courseware.durationMs,
                   optionalCount(courseware.pageCount), StoreSupport::jsonText(courseware.chapterMarks), now,
                   courseware.uploadState);
    });
    if (!status)
        return std::unexpected(status.error());
    emit changed(Entity, {id});
    return id;
}

Status CoursewareStore::updateCourseware(const Courseware &courseware)
{
    const auto status = StoreSupport::writeAndRecord(m_database, Entity, courseware.id,
                                                     QStringLiteral("update"), [&] {
        return run(m_database,
                   "UPDATE courseware SET title = ?, tags = ?, duration_ms = ?, page_count = ?, "
                   "chapter_marks = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                   courseware.title, StoreSupport::jsonText(courseware.tags), courseware.durationMs,
                   optionalCount(courseware.pageCount), StoreSupport::jsonText(courseware.chapterMarks),
                   CivilTime::nowMs(), courseware.id);
    });
    if (status)
        emit changed(Entity, {courseware.id});
    return status;
}

Status CoursewareStore::removeCourseware(const QString &id)
{
    const auto status = StoreSupport::softDelete(m_database, Entity, id);
    if (status)
        emit changed(Entity, {id});
    return status;
}

Status CoursewareStore::setUploadState(const QString &id, const QString &state, const QString &remoteId)
{
    const auto status = m_database.writeTransaction([&]() -> Status {
        auto current = m_database.prepare("SELECT coalesce(remote_id, '') FROM courseware WHERE id = ?");
        if (!current)
            return std::unexpected(current.error());
        current->bind(1, id);
        const auto found = current->step();
        if (!found)
            return std::unexpected(found.error());
        const bool newRemoteId = *found && !remoteId.isEmpty() && current->textAt(0) != remoteId;
        current->reset();

        if (auto written = run(m_database, "UPDATE courseware SET upload_state = ?, remote_id = ? WHERE id = ?",
                               state, remoteId.isEmpty() ? std::nullopt : std::optional(remoteId), id);
            !written)
            return written;
        if (!newRemoteId)
            return {};
        return OutboxWriter::recordRow(m_database, Entity, id, QStringLiteral("update"));
    });
    if (status)
        emit changed(Entity, {id});
    return status;
}

Result<Courseware> CoursewareStore::courseware(const QString &id)
{
    auto found = query("id = ?1", id, std::nullopt);
    if (!found)
        return std::unexpected(found.error());
    if (found->isEmpty())
        return StoreSupport::notFound(Entity, id);
    return found->first();
}

Result<QList<Courseware>> CoursewareStore::coursewareList(const QString &schoolId)
{
    return query("school_id = ?1", schoolId, std::nullopt);
}

Result<QList<Courseware>> CoursewareStore::findByContent(const QString &sha256, qint64 sizeBytes)
{
    return query("sha256 = lower(?1) AND size_bytes = ?2", sha256, sizeBytes);
}

Result<QList<Courseware>> CoursewareStore::query(const char *where, const QString &first,
                                                 std::optional<qint64> second)
{
    const QByteArray sql = QByteArray("SELECT id, school_id, sha256, size_bytes, mime_type, title, tags, "
                                      "duration_ms, page_count, chapter_marks, upload_state, "
                                      "coalesce(remote_id, '') FROM courseware WHERE ")
                           + where + " AND deleted_at IS NULL ORDER BY title, id";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, first);
    if (second)
        statement->bind(2, *second);

    QList<Courseware> rows;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return rows;
        rows.append(readCourseware(*statement));
    }
}

} // namespace ClassDesk
