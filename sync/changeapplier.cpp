// SPDX-License-Identifier: GPL-3.0-or-later
#include "changeapplier.h"

#include "civiltime.h"
#include "database.h"
#include "entitymapping.h"
#include "lessonmaterialstore.h"
#include "offlinecopies.h"
#include "outboxwriter.h"
#include "storesupport.h"
#include "synclogging.h"
#include "uuid7.h"

#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace ClassDesk {

using StoreSupport::run;

namespace {

// The one cursor key of the whole device in versions before per-account cursors.
const QString LegacyCursorKey = QStringLiteral("pull.cursor");
const QString AttendanceRecord = QStringLiteral("attendance_record");
const QString Assignment = QStringLiteral("assignment");
const QString Lesson = QStringLiteral("lesson");
const QString Student = QStringLiteral("student");
const QString SchoolClass = QStringLiteral("class");

void bindJson(Statement &statement, int index, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        statement.bind(index, value.toString());
        break;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::trunc(number) == number && std::abs(number) < 9.0e15)
            statement.bind(index, qint64(number));
        else
            statement.bind(index, number);
        break;
    }
    case QJsonValue::Bool:
        statement.bind(index, value.toBool() ? 1 : 0);
        break;
    case QJsonValue::Array:
        statement.bind(index, StoreSupport::jsonText(value.toArray()));
        break;
    case QJsonValue::Object:
        statement.bind(index, StoreSupport::jsonText(value.toObject()));
        break;
    default:
        statement.bind(index, nullptr);
    }
}

// True when the local row, sent as API data, equals the server's data in the fields the client keeps.
bool isSameData(const QString &entity, const QJsonObject &localRow, const QJsonObject &serverData)
{
    const QJsonObject mine = EntityMapping::knownApiFields(entity, EntityMapping::toApiData(entity, localRow, true));
    return mine == EntityMapping::knownApiFields(entity, serverData);
}

// True when `serverData` is what one of this device's sent but unacknowledged
// entries for the row carried: the platform applied it and the reply was lost.
Result<bool> isEchoOfSentEntry(Database &database, const QString &entity, const QString &id,
                               const QJsonObject &serverData)
{
    auto statement = database.prepare("SELECT payload FROM outbox WHERE entity = ? AND entity_id = ? "
                                      "AND state = 'pending' AND attempts > 0 AND op <> 'delete'");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, entity).bind(2, id);
    while (true) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return false;
        const QJsonObject sent = QJsonDocument::fromJson(statement->textAt(0).toUtf8()).object();
        if (isSameData(entity, sent, serverData))
            return true;
    }
}

// The sync_state value under `key`, or an empty text when there is none.
Result<QString> syncStateValue(Database &database, const QString &key)
{
    auto statement = database.prepare("SELECT value FROM sync_state WHERE key = ?");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, key);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? statement->textAt(0) : QString();
}

QString sqlList(const QStringList &items)
{
    return items.join(QStringLiteral(", "));
}

} // namespace

ChangeApplier::ChangeApplier(Database &database, QString schoolId)
    : m_database(database)
    , m_schoolId(std::move(schoolId))
{
}

QString ChangeApplier::cursorKey(const QUrl &server, const QString &account)
{
    return LegacyCursorKey + QLatin1Char(':') + account + QLatin1Char('@')
        + server.adjusted(QUrl::StripTrailingSlash).toString(QUrl::FullyEncoded);
}

Result<QString> ChangeApplier::cursor(Database &database, const QString &key)
{
    return syncStateValue(database, key);
}

Status ChangeApplier::adoptLegacyCursor(Database &database, const QUrl &server, const QString &account)
{
    return database.writeTransaction([&]() -> Status {
        const auto legacy = syncStateValue(database, LegacyCursorKey);
        if (!legacy)
            return std::unexpected(legacy.error());
        if (legacy->isEmpty())
            return {};
        if (!server.isEmpty() && !account.isEmpty()) {
            if (auto moved = run(database, "INSERT OR IGNORE INTO sync_state (key, value) VALUES (?, ?)",
                                 cursorKey(server, account), *legacy);
                !moved) {
                return moved;
            }
        }
        return run(database, "DELETE FROM sync_state WHERE key = ?", LegacyCursorKey);
    });
}

Result<ApplyReport> ChangeApplier::applyPage(const QJsonArray &changes, const QString &nextCursor)
{
    ApplyReport report;
    const auto status = m_database.writeTransaction([&]() -> Status {
        report = {};
        if (m_schoolId.isEmpty()) {
            if (auto known = knownSchoolId(); !known)
                return std::unexpected(known.error());
            else
                m_schoolId = *known;
        }
        for (const QJsonValue change : changes) {
            if (auto applied = applyChange(change.toObject(), &report); !applied)
                return applied;
        }
        if (auto adopted = adoptCourses(); !adopted)
            return adopted;
        return run(m_database, "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   m_cursorKey, nextCursor);
    });
    if (!status)
        return std::unexpected(status.error());
    return report;
}

Status ChangeApplier::writeServerCopy(const QString &entity, const QString &id, qint64 version,
                                      const QJsonObject &serverCopy)
{
    if (!EntityMapping::isPulled(entity))
        return {};
    if (m_schoolId.isEmpty()) {
        const auto known = knownSchoolId();
        if (!known)
            return std::unexpected(known.error());
        m_schoolId = *known;
    }

    if (serverCopy.value(QStringLiteral("deleted")).toBool())
        return markDeleted(entity, id, version);
    const QJsonValue wrapped = serverCopy.value(QStringLiteral("data"));
    const QJsonObject data = wrapped.isObject() ? wrapped.toObject() : serverCopy;
    if (auto written = upsert(entity, id, version, data); !written)
        return written;
    if (entity == Assignment)
        return storeAssignmentBase(id, data);
    return {};
}

Status ChangeApplier::applyChange(const QJsonObject &change, ApplyReport *report)
{
    const QString entity = change.value(QStringLiteral("entity")).toString();
    const QString id = change.value(QStringLiteral("id")).toString();
    const qint64 version = change.value(QStringLiteral("version")).toInteger();
    const QJsonObject data = change.value(QStringLiteral("data")).toObject();
    if (!EntityMapping::isPulled(entity) || id.isEmpty())
        return {};
    // The teacher's school comes first in the feed; the rows after it belong to it.
    if (entity == QLatin1String("school") && m_schoolId.isEmpty())
        m_schoolId = id;

    // The table name is one of EntityMapping's, never text from the server.
    const QByteArray versionSql = QStringLiteral("SELECT server_version FROM %1 WHERE id = ?").arg(entity).toUtf8();
    auto current = m_database.prepare(versionSql.constData());
    if (!current)
        return std::unexpected(current.error());
    current->bind(1, id);
    const auto found = current->step();
    if (!found)
        return std::unexpected(found.error());
    const std::optional<qint64> localVersion = *found ? current->optionalInt64At(0) : std::nullopt;
    current->reset();

    // Marks that lost on the platform are shown even when this device already has the winner.
    if (entity == AttendanceRecord && *found) {
        if (auto merged = mergeHistory(id, data.value(QStringLiteral("history")).toArray()); !merged)
            return merged;
    }
    if (localVersion && *localVersion >= version)
        return {};

    const auto unfinished = unfinishedEntryCount(entity, id);
    if (!unfinished)
        return std::unexpected(unfinished.error());

    if (change.value(QStringLiteral("op")).toString() == QLatin1String("delete")) {
        if (*unfinished > 0) {
            report->conflicts++;
            if (auto kept = writeConflict(entity, id, {}, {{QStringLiteral("deleted"), true}}, version); !kept)
                return kept;
            return parkPending(entity, id, QStringLiteral("conflict"));
        }
        if (auto deleted = markDeleted(entity, id, version); !deleted)
            return deleted;
        report->add(entity, id);
        return {};
    }

    if (*unfinished > 0)
        return applyUpsertWithLocalChanges(entity, id, version, data, report);

    // A student this device also made offline (the same roster imported on
    // two signed-in computers) gives its number up now and is merged below.
    std::optional<QString> offlineCopy;
    if (!*found && entity == Student) {
        const auto copy = OfflineCopies::unsentStudentNumbered(m_database, schoolIdOf(data),
                                                               data.value(QStringLiteral("student_number")).toString());
        if (!copy)
            return std::unexpected(copy.error());
        offlineCopy = *copy;
        if (offlineCopy) {
            if (auto released = OfflineCopies::releaseStudentNumber(m_database, *offlineCopy); !released)
                return released;
        }
    }

    if (auto written = upsert(entity, id, version, data); !written) {
        // A natural key taken by another local row, or a parent that became a
        // conflict itself, must not stop the feed: the teacher decides.
        if (written.error().code != QLatin1String("db.constraint"))
            return written;
        qCWarning(lcSync) << "Pulled" << entity << id << "clashes with a local row; kept as a conflict";
        report->conflicts++;
        return writeConflict(entity, id, {}, data, version);
    }
    if (!*found) {
        if (auto merged = mergeOfflineCopy(entity, id, data, offlineCopy, report); !merged)
            return merged;
    }
    if (entity == AttendanceRecord) {
        if (auto merged = mergeHistory(id, data.value(QStringLiteral("history")).toArray()); !merged)
            return merged;
    }
    if (entity == Assignment) {
        if (auto stored = storeAssignmentBase(id, data); !stored)
            return stored;
    }
    report->add(entity, id);
    return {};
}

Status ChangeApplier::applyUpsertWithLocalChanges(const QString &entity, const QString &id, qint64 version,
                                                  const QJsonObject &data, ApplyReport *report)
{
    const auto local = OutboxWriter::rowPayload(m_database, entity, id);
    if (!local)
        return std::unexpected(local.error());
    const QJsonObject localRow = local->value_or(QJsonObject());

    // The platform applied this device's own change, but the reply was lost:
    // the same data comes back, so only the version is new. When the teacher
    // changed the row again since, the data matches what was sent instead.
    // The later change then goes out on top of the new version.
    bool ownChange = local->has_value() && isSameData(entity, localRow, data);
    if (!ownChange) {
        const auto echo = isEchoOfSentEntry(m_database, entity, id, data);
        if (!echo)
            return std::unexpected(echo.error());
        ownChange = *echo;
    }
    if (ownChange) {
        const QByteArray sql = QStringLiteral("UPDATE %1 SET server_version = ? WHERE id = ?").arg(entity).toUtf8();
        if (auto stored = run(m_database, sql.constData(), version, id); !stored)
            return stored;
        if (entity == Assignment) {
            if (auto based = storeAssignmentBase(id, data); !based)
                return based;
        }
        report->add(entity, id);
        return run(m_database,
                   "UPDATE outbox SET base_version = ? WHERE entity = ? AND entity_id = ? AND state = 'pending'",
                   version, entity, id);
    }

    if (entity == AttendanceRecord && local->has_value()) {
        report->add(entity, id);
        return resolveMark(id, version, localRow, data);
    }
    if (entity == Assignment && local->has_value()) {
        const auto conflicting = mergeAssignment(id, version, localRow, data);
        if (!conflicting)
            return std::unexpected(conflicting.error());
        report->add(entity, id);
        if (conflicting->isEmpty())
            return {};
        report->conflicts++;
        QJsonObject copy{{QStringLiteral("data"), data}, {QStringLiteral("conflicting_fields"),
                                                          QJsonArray::fromStringList(*conflicting)}};
        if (auto kept = writeConflict(entity, id, localRow, copy, version); !kept)
            return kept;
        return parkPending(entity, id, QStringLiteral("conflict"));
    }

    // TODO: merge a lesson field by field, as assignments are, so courseware
    // linked here and a room changed on the platform need no teacher decision.
    report->conflicts++;
    if (auto kept = writeConflict(entity, id, localRow, {{QStringLiteral("data"), data}}, version); !kept)
        return kept;
    return parkPending(entity, id, QStringLiteral("conflict"));
}

QString ChangeApplier::schoolIdOf(const QJsonObject &data) const
{
    const QString schoolId = data.value(QStringLiteral("school_id")).toString();
    return schoolId.isEmpty() ? m_schoolId : schoolId;
}

Status ChangeApplier::mergeOfflineCopy(const QString &entity, const QString &id, const QJsonObject &data,
                                       const std::optional<QString> &studentCopy, ApplyReport *report)
{
    if (entity == Student && studentCopy) {
        if (auto adopted = OfflineCopies::adoptStudent(m_database, *studentCopy, id); !adopted)
            return adopted;
        qCInfo(lcSync) << "Merged an offline student into the platform's student" << id;
        report->add(Student, *studentCopy);
        report->addAll(AttendanceRecord);
        return {};
    }
    if (entity != SchoolClass)
        return {};

    // A class of the same name made offline on this device is the same class.
    const auto copy = OfflineCopies::unsentClassNamed(m_database, schoolIdOf(data),
                                                      data.value(QStringLiteral("name")).toString(), id);
    if (!copy)
        return std::unexpected(copy.error());
    if (!*copy)
        return {};
    // The platform's class is new on this device, so it has no session here
    // that the copy's sessions could meet.
    if (auto adopted = OfflineCopies::adoptClass(m_database, **copy, id); !adopted)
        return adopted;
    qCInfo(lcSync) << "Merged an offline class into the platform's class" << id;
    report->add(SchoolClass, **copy);
    report->addAll(Student);
    return {};
}

Status ChangeApplier::upsert(const QString &entity, const QString &id, qint64 version, const QJsonObject &data)
{
    const QList<EntityMapping::Column> columns = EntityMapping::toLocalColumns(entity, data, m_schoolId);
    QStringList names{QStringLiteral("id")};
    QStringList updates;
    for (const EntityMapping::Column &column : columns) {
        names.append(column.name);
        if (!EntityMapping::isInsertOnly(entity, column.name))
            updates.append(QStringLiteral("%1 = excluded.%1").arg(column.name));
    }
    names << QStringLiteral("server_version") << QStringLiteral("created_at") << QStringLiteral("updated_at");
    updates << QStringLiteral("server_version = excluded.server_version") << QStringLiteral("deleted_at = NULL")
            << QStringLiteral("updated_at = excluded.updated_at");

    QStringList placeholders;
    for (int i = 1; i <= names.size(); ++i)
        placeholders.append(QStringLiteral("?%1").arg(i));
    const QByteArray sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO UPDATE SET %4")
                               .arg(entity, sqlList(names), sqlList(placeholders), sqlList(updates))
                               .toUtf8();
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());

    int index = 1;
    statement->bind(index++, id);
    for (const EntityMapping::Column &column : columns)
        bindJson(*statement, index++, column.value);
    const qint64 now = CivilTime::nowMs();
    statement->bind(index, version);
    statement->bind(index + 1, now);
    statement->bind(index + 2, now);
    if (auto written = statement->run(); !written)
        return written;

    if (entity == Lesson)
        return replaceLessonCourseware(id, EntityMapping::lessonCoursewareIds(data));
    return {};
}

Status ChangeApplier::adoptCourses()
{
    const auto teacherId = syncStateValue(m_database, QString::fromLatin1(SignedInTeacherKey));
    if (!teacherId)
        return std::unexpected(teacherId.error());
    if (teacherId->isEmpty() || m_schoolId.isEmpty())
        return {}; // GET /me has not returned yet, so a later page or sync adopts the courses
    const auto name = syncStateValue(m_database, QString::fromLatin1(SignedInTeacherNameKey));
    if (!name)
        return std::unexpected(name.error());

    // A local teacher row, which never syncs, gives course.teacher_id its target.
    const qint64 now = CivilTime::nowMs();
    if (auto stored = run(m_database,
                          "INSERT INTO teacher (id, school_id, name, created_at, updated_at) "
                          "SELECT ?1, ?2, ?3, ?4, ?4 WHERE EXISTS (SELECT 1 FROM school WHERE id = ?2) "
                          "ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at",
                          *teacherId, m_schoolId, *name, now);
        !stored)
        return stored;
    // The platform sends a teacher only their own courses, and courses made
    // offline are this computer's teacher's, so every course without a
    // teacher is theirs. Courses of a teacher who signed in before keep theirs.
    return run(m_database,
               "UPDATE course SET teacher_id = ?1 WHERE teacher_id IS NULL "
               "AND EXISTS (SELECT 1 FROM teacher WHERE id = ?1)",
               *teacherId);
}

Status ChangeApplier::replaceLessonCourseware(const QString &lessonId, const QStringList &coursewareIds)
{
    if (auto cleared = run(m_database,
                           "DELETE FROM lesson_courseware WHERE lesson_id = ?1 "
                           "AND courseware_id NOT IN (SELECT value FROM json_each(?2))",
                           lessonId, StoreSupport::jsonText(QJsonArray::fromStringList(coursewareIds)));
        !cleared)
        return cleared;

    // The feed delivers courseware before a lesson that names it. An id
    // missing here belongs to a row this device keeps as a conflict, so its
    // link is left out rather than failing the foreign key.
    const qint64 now = CivilTime::nowMs();
    for (qsizetype position = 0; position < coursewareIds.size(); ++position) {
        const auto linked = run(m_database,
                                "INSERT INTO lesson_courseware (lesson_id, courseware_id, position, created_at) "
                                "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM courseware WHERE id = ?2) "
                                "ON CONFLICT (lesson_id, courseware_id) DO UPDATE SET position = excluded.position",
                                lessonId, coursewareIds.at(position), qint64(position), now);
        if (!linked)
            return linked;
    }
    return {};
}

Status ChangeApplier::markDeleted(const QString &entity, const QString &id, qint64 version)
{
    const QByteArray sql = QStringLiteral("UPDATE %1 SET deleted_at = coalesce(deleted_at, ?1), server_version = ?2, "
                                          "updated_at = ?1 WHERE id = ?3")
                               .arg(entity)
                               .toUtf8();
    return run(m_database, sql.constData(), CivilTime::nowMs(), version, id);
}

Status ChangeApplier::resolveMark(const QString &id, qint64 version, const QJsonObject &local,
                                  const QJsonObject &server)
{
    const qint64 localAt = local.value(QStringLiteral("marked_at")).toInteger();
    const qint64 serverAt = server.value(QStringLiteral("marked_at")).toInteger();

    if (serverAt > localAt) {
        // The platform's mark is later: it replaces the local one, which is
        // kept in the history. The local entry is still sent, so the platform
        // keeps the losing mark in its history too.
        if (auto kept = addHistory(id, local); !kept)
            return kept;
        if (auto written = upsert(AttendanceRecord, id, version, server); !written)
            return written;
    } else {
        if (auto kept = addHistory(id, server); !kept)
            return kept;
        if (auto stored = run(m_database, "UPDATE attendance_record SET server_version = ? WHERE id = ?", version, id);
            !stored)
            return stored;
    }
    if (auto merged = mergeHistory(id, server.value(QStringLiteral("history")).toArray()); !merged)
        return merged;
    return run(m_database,
               "UPDATE outbox SET base_version = ? WHERE entity = 'attendance_record' AND entity_id = ? "
               "AND state = 'pending'",
               version, id);
}

Status ChangeApplier::mergeHistory(const QString &recordId, const QJsonArray &history)
{
    for (const QJsonValue mark : history) {
        if (auto added = addHistory(recordId, mark.toObject()); !added)
            return added;
    }
    return {};
}

Status ChangeApplier::addHistory(const QString &recordId, const QJsonObject &mark)
{
    // One history row per (status, marked_at): the same losing mark arrives
    // from the feed, from push results and from the local side.
    const QString status = mark.value(QStringLiteral("status")).toString();
    const qint64 markedAt = mark.value(QStringLiteral("marked_at")).toInteger();
    if (status.isEmpty())
        return {};
    return run(m_database,
               "INSERT INTO attendance_record_history (record_id, status, note, marked_at, device, superseded_at) "
               "SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM attendance_record_history "
               "WHERE record_id = ?1 AND status = ?2 AND marked_at = ?4) "
               "AND NOT EXISTS (SELECT 1 FROM attendance_record WHERE id = ?1 AND status = ?2 AND marked_at = ?4)",
               recordId, status, mark.value(QStringLiteral("note")).toString(), markedAt,
               mark.value(QStringLiteral("device")).toString(), CivilTime::nowMs());
}

Result<QStringList> ChangeApplier::mergeAssignment(const QString &id, qint64 version, const QJsonObject &local,
                                                   const QJsonObject &server)
{
    const auto base = assignmentBase(id);
    if (!base)
        return std::unexpected(base.error());
    const QJsonObject localData = EntityMapping::toApiData(Assignment, local, false);

    QSet<QString> fields;
    for (auto it = localData.begin(); it != localData.end(); ++it)
        fields.insert(it.key());
    for (auto it = server.begin(); it != server.end(); ++it)
        fields.insert(it.key());

    QJsonObject merged = server;
    QStringList conflicting;
    for (const QString &field : std::as_const(fields)) {
        const QJsonValue mine = localData.value(field).isUndefined() ? QJsonValue() : localData.value(field);
        const QJsonValue theirs = server.value(field).isUndefined() ? QJsonValue() : server.value(field);
        const QJsonValue was = base->value(field).isUndefined() ? QJsonValue() : base->value(field);
        if (mine == theirs || mine == was)
            continue; // the server's value is kept
        merged.insert(field, mine);
        if (theirs != was)
            conflicting.append(field); // changed on both sides; the local value stays until the teacher decides
    }
    conflicting.sort();

    if (auto written = upsert(Assignment, id, version, merged); !written)
        return std::unexpected(written.error());
    if (auto stored = storeAssignmentBase(id, server); !stored)
        return std::unexpected(stored.error());

    // The merged row goes out as one update made on the server's version.
    if (auto recorded = OutboxWriter::recordRow(m_database, Assignment, id, QStringLiteral("update")); !recorded)
        return std::unexpected(recorded.error());
    if (auto rebased = run(m_database,
                           "UPDATE outbox SET base_version = ? WHERE entity = 'assignment' AND entity_id = ? "
                           "AND state = 'pending'",
                           version, id);
        !rebased)
        return std::unexpected(rebased.error());
    return conflicting;
}

Status ChangeApplier::storeAssignmentBase(const QString &id, const QJsonObject &data)
{
    return run(m_database,
               "INSERT INTO sync_state (key, value) VALUES (?, ?) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
               QStringLiteral("base.assignment.") + id, StoreSupport::jsonText(data));
}

Result<QJsonObject> ChangeApplier::assignmentBase(const QString &id)
{
    auto statement = m_database.prepare("SELECT value FROM sync_state WHERE key = ?");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, QStringLiteral("base.assignment.") + id);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? StoreSupport::jsonObject(statement->textAt(0)) : QJsonObject();
}

Status ChangeApplier::writeConflict(const QString &entity, const QString &id, const QJsonObject &local,
                                    const QJsonObject &serverCopy, qint64 version)
{
    return run(m_database,
               "INSERT INTO conflict (id, entity, entity_id, local_payload, server_payload, server_version, "
               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
               Uuid7::generate(), entity, id, StoreSupport::jsonText(local), StoreSupport::jsonText(serverCopy),
               version, CivilTime::nowMs());
}

Status ChangeApplier::parkPending(const QString &entity, const QString &id, const QString &reason)
{
    return run(m_database,
               "UPDATE outbox SET state = 'parked', last_error = ?, updated_at = ? "
               "WHERE entity = ? AND entity_id = ? AND state = 'pending'",
               reason, CivilTime::nowMs(), entity, id);
}

Result<QString> ChangeApplier::knownSchoolId()
{
    auto statement = m_database.prepare("SELECT id FROM school WHERE server_version IS NOT NULL "
                                        "ORDER BY created_at LIMIT 1");
    if (!statement)
        return std::unexpected(statement.error());
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? statement->textAt(0) : QString();
}

Result<int> ChangeApplier::unfinishedEntryCount(const QString &entity, const QString &id)
{
    auto statement = m_database.prepare("SELECT count(*) FROM outbox WHERE entity = ? AND entity_id = ? "
                                        "AND state IN ('pending', 'sent', 'parked')");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, entity).bind(2, id);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return int(statement->int64At(0));
}

Result<ApplyReport> ChangeApplier::recordPushResults(OutboxStore &outbox, const QList<OutboxEntry> &sent,
                                                     const QJsonArray &results)
{
    ApplyReport report;
    QList<MutationResult> recorded;
    QHash<QString, OutboxEntry> byKey;
    for (const OutboxEntry &entry : sent)
        byKey.insert(entry.idempotencyKey, entry);

    const auto status = m_database.writeTransaction([&]() -> Status {
        report = {};
        recorded.clear();
        for (const QJsonValue value : results) {
            const QJsonObject result = value.toObject();
            const QString key = result.value(QStringLiteral("idempotency_key")).toString();
            if (!byKey.contains(key))
                continue;
            const OutboxEntry &entry = byKey[key];
            const QString outcome = result.value(QStringLiteral("status")).toString();
            const QJsonValue versionValue = result.value(QStringLiteral("version"));
            const std::optional<qint64> version =
                versionValue.isDouble() ? std::optional(versionValue.toInteger()) : std::nullopt;
            const QJsonObject serverCopy = result.value(QStringLiteral("server_copy")).toObject();

            MutationResult mutation;
            mutation.idempotencyKey = key;
            mutation.serverVersion = version;
            mutation.serverCopy = serverCopy;
            if (outcome == QLatin1String("applied") || outcome == QLatin1String("duplicate")) {
                mutation.outcome = outcome == QLatin1String("applied") ? MutationOutcome::Applied
                                                                        : MutationOutcome::Duplicate;
                if (entry.entity == Assignment && entry.op != QLatin1String("delete")) {
                    const QJsonObject sentData = EntityMapping::toApiData(Assignment, entry.payload, true);
                    if (auto stored = storeAssignmentBase(entry.entityId, sentData); !stored)
                        return stored;
                }
            } else if (outcome == QLatin1String("conflict")) {
                mutation.outcome = MutationOutcome::Conflict;
                const QJsonObject serverData = serverCopy.value(QStringLiteral("data")).toObject();
                const bool live = !serverCopy.value(QStringLiteral("deleted")).toBool() && version;
                const auto local = OutboxWriter::rowPayload(m_database, entry.entity, entry.entityId);
                if (!local)
                    return std::unexpected(local.error());
                if (live && local->has_value() && entry.entity == AttendanceRecord) {
                    // The platform stores a later mark: it wins here too, and nothing waits for the teacher.
                    if (auto resolved = resolveMark(entry.entityId, *version, **local, serverData); !resolved)
                        return resolved;
                    mutation.outcome = MutationOutcome::Duplicate;
                    report.add(entry.entity, entry.entityId);
                } else if (live && local->has_value() && entry.entity == Assignment) {
                    const auto conflicting = mergeAssignment(entry.entityId, *version, **local, serverData);
                    if (!conflicting)
                        return std::unexpected(conflicting.error());
                    report.add(entry.entity, entry.entityId);
                    if (conflicting->isEmpty()) {
                        mutation.outcome = MutationOutcome::Duplicate; // re-sent as a merged update
                        mutation.serverVersion.reset();
                    } else {
                        mutation.serverCopy.insert(QStringLiteral("conflicting_fields"),
                                                   QJsonArray::fromStringList(*conflicting));
                        if (auto parked = parkPending(entry.entity, entry.entityId, QStringLiteral("conflict"));
                            !parked)
                            return parked;
                        report.conflicts++;
                    }
                } else {
                    report.conflicts++;
                }
            } else {
                mutation.outcome = MutationOutcome::Rejected;
                const QJsonObject reason = result.value(QStringLiteral("reason")).toObject();
                mutation.reason = reason.value(QStringLiteral("code")).toString() + QStringLiteral(": ")
                    + reason.value(QStringLiteral("detail")).toString();
            }
            recorded.append(mutation);
        }
        return {};
    });
    if (!status)
        return std::unexpected(status.error());

    // NOTE: this second transaction is separate from the one above. A crash in
    // between leaves the entries 'sent'; they are resent with the same keys at
    // the next start and the platform returns duplicate or the same conflict.
    if (auto stored = outbox.recordResults(recorded); !stored)
        return std::unexpected(stored.error());
    for (const MutationResult &result : std::as_const(recorded)) {
        if (result.serverVersion) {
            const OutboxEntry &entry = byKey[result.idempotencyKey];
            report.add(entry.entity, entry.entityId);
        }
    }
    return report;
}

} // namespace ClassDesk
