// SPDX-License-Identifier: GPL-3.0-or-later
#include "outboxwriter.h"

#include "civiltime.h"
#include "database.h"
#include "uuid7.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace ClassDesk::OutboxWriter {

namespace {

const QStringList &syncedEntities()
{
    static const QStringList s_entities = {
        QStringLiteral("school"),     QStringLiteral("teacher"),
        QStringLiteral("class"),      QStringLiteral("student"),
        QStringLiteral("course"),     QStringLiteral("lesson"),
        QStringLiteral("courseware"), QStringLiteral("assignment"),
        QStringLiteral("attendance_session"), QStringLiteral("attendance_record"),
        QStringLiteral("submission")};
    return s_entities;
}

// Columns that hold JSON text; the payload carries them as JSON, not as strings.
bool isJsonColumn(const QString &name)
{
    static const QStringList s_columns = {QStringLiteral("notes"), QStringLiteral("tags"),
                                          QStringLiteral("chapter_marks"),
                                          QStringLiteral("target_class_ids"),
                                          QStringLiteral("attachment_ids")};
    return s_columns.contains(name);
}

QJsonValue parseJsonText(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (document.isArray())
        return document.array();
    if (document.isObject())
        return document.object();
    return text;
}

// A lesson's courseware lives in the lesson_courseware link table; the
// lesson's payload carries it as the ordered id list the platform stores.
// Deleted courseware is left out because the platform rejects ids of deleted
// entities.
Result<QJsonArray> lessonCoursewareIds(Database &database, const QString &lessonId)
{
    auto statement = database.prepare("SELECT lc.courseware_id FROM lesson_courseware lc "
                                      "JOIN courseware c ON c.id = lc.courseware_id "
                                      "WHERE lc.lesson_id = ? AND c.deleted_at IS NULL "
                                      "ORDER BY lc.position, lc.courseware_id");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, lessonId);
    QJsonArray ids;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return ids;
        ids.append(statement->textAt(0));
    }
}

struct RowSnapshot
{
    QJsonObject payload;
    std::optional<qint64> serverVersion;
};

Result<RowSnapshot> readRow(Database &database, const QString &entity, const QString &id)
{
    // The table name comes from syncedEntities(), never from input, so it is safe to splice.
    const QByteArray sql = QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(entity).toUtf8();
    auto statement = database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, id);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return makeError(QStringLiteral("db.row_not_found"),
                         QStringLiteral("No %1 row with id %2").arg(entity, id));

    RowSnapshot snapshot;
    snapshot.payload = statement->rowObject();
    for (auto it = snapshot.payload.begin(); it != snapshot.payload.end(); ++it) {
        if (isJsonColumn(it.key()) && it.value().isString())
            *it = parseJsonText(it.value().toString());
    }
    const QJsonValue version = snapshot.payload.take(QStringLiteral("server_version"));
    if (!version.isNull())
        snapshot.serverVersion = version.toInteger();
    statement->reset();

    if (entity == QLatin1String("lesson")) {
        const auto links = lessonCoursewareIds(database, id);
        if (!links)
            return std::unexpected(links.error());
        snapshot.payload.insert(QStringLiteral("courseware_ids"), *links);
    }
    return snapshot;
}

// The seq of the entity's latest outbox entry when it may absorb this change.
// An entry that was sent before may have been applied with its reply lost.
// Its idempotency key then names what was sent, so a later change gets an
// entry of its own instead of being dropped as a duplicate.
Result<std::optional<qint64>> coalescingTarget(Database &database, const QString &entity,
                                               const QString &id, const QString &op)
{
    if (op != QLatin1String("update") && op != QLatin1String("mark"))
        return std::nullopt;

    auto statement = database.prepare("SELECT seq, op, state, attempts FROM outbox "
                                      "WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, entity).bind(2, id);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row || statement->textAt(2) != QLatin1String("pending") || statement->int64At(3) > 0)
        return std::nullopt;
    if (statement->textAt(1) == QLatin1String("delete"))
        return std::nullopt;
    return std::optional(statement->int64At(0));
}

Status insertEntry(Database &database, const QString &entity, const QString &id, const QString &op,
                   const QJsonObject &payload, std::optional<qint64> serverVersion)
{
    const qint64 now = CivilTime::nowMs();
    auto insert = database.prepare(
        "INSERT INTO outbox (entity, entity_id, op, payload, idempotency_key, base_version, "
        "state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)");
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, entity).bind(2, id).bind(3, op).bind(4, payloadText(payload));
    insert->bind(5, Uuid7::generate()).bind(6, serverVersion).bind(7, now).bind(8, now);
    return insert->run();
}

} // namespace

bool isSyncedEntity(const QString &entity)
{
    return syncedEntities().contains(entity);
}

Result<std::optional<QJsonObject>> rowPayload(Database &database, const QString &entity, const QString &id)
{
    Q_ASSERT(isSyncedEntity(entity));
    const auto snapshot = readRow(database, entity, id);
    if (!snapshot) {
        if (snapshot.error().code == QLatin1String("db.row_not_found"))
            return std::optional<QJsonObject>();
        return std::unexpected(snapshot.error());
    }
    return std::optional(snapshot->payload);
}

QString payloadText(const QJsonObject &payload)
{
    return QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

Status recordRow(Database &database, const QString &entity, const QString &id, const QString &op)
{
    Q_ASSERT(isSyncedEntity(entity));
    const auto snapshot = readRow(database, entity, id);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    const auto target = coalescingTarget(database, entity, id, op);
    if (!target)
        return std::unexpected(target.error());

    const qint64 now = CivilTime::nowMs();
    if (target->has_value()) {
        auto update = database.prepare("UPDATE outbox SET payload = ?, updated_at = ? WHERE seq = ?");
        if (!update)
            return std::unexpected(update.error());
        update->bind(1, payloadText(snapshot->payload)).bind(2, now).bind(3, **target);
        return update->run();
    }

    return insertEntry(database, entity, id, op, snapshot->payload, snapshot->serverVersion);
}

Result<int> recordCreatedStudents(Database &database, qint64 afterRowid)
{
    // Every column except server_version, notes as JSON, as readRow() gives
    // them (tst_rosterstore compares the two). uuid7() is a function that
    // Database adds to each connection, so each entry gets a fresh key.
    auto insert = database.prepare(
        "INSERT INTO outbox (entity, entity_id, op, payload, idempotency_key, base_version, state, "
        "created_at, updated_at) "
        "SELECT 'student', id, 'create', "
        "json_object('id', id, 'school_id', school_id, 'class_id', class_id, 'student_number', student_number, "
        "'name', name, 'gender', gender, 'notes', json(notes), 'deleted_at', deleted_at, "
        "'created_at', created_at, 'updated_at', updated_at), "
        "uuid7(), server_version, 'pending', ?2, ?2 FROM student WHERE rowid > ?1 ORDER BY rowid");
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, afterRowid).bind(2, CivilTime::nowMs());
    if (auto status = insert->run(); !status)
        return std::unexpected(status.error());
    return database.changes();
}

} // namespace ClassDesk::OutboxWriter
