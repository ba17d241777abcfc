// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "outboxstore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace ClassDesk {

class Database;

// What applying pulled changes or push results changed locally.
struct ApplyReport
{
    QHash<QString, QStringList> changedIds; // entity -> ids, for refreshing views
    int conflicts = 0;                       // conflict rows written for the teacher

    void add(const QString &entity, const QString &id) { changedIds[entity].append(id); }
    // Reports that rows of `entity` changed without naming them.
    void addAll(const QString &entity) { changedIds.insert(entity, changedIds.value(entity)); }
};

// Writes what the platform sent into the local database, on the sync
// worker's connection. Nothing here writes outbox rows except a re-based
// assignment merge, so pulled changes never echo back to the platform.
//
// Conflict rules for a row that still has local changes in the outbox:
// - attendance_record: the mark with the later marked_at wins and the other
//   one goes into the record's history;
// - assignment: a three-way merge per field against the last server copy
//   this client saw (kept in sync_state); fields changed on one side are
//   taken from that side, and fields changed on both sides become one
//   conflict row for the teacher;
// - every other entity: a conflict row with the server copy, and the local
//   entries are parked until the teacher decides.
class ChangeApplier
{
public:
    // `schoolId` may be empty: the school synced before, or the first one in the feed, is used.
    ChangeApplier(Database &database, QString schoolId = {});

    // The sync_state key of the feed cursor of one account on one platform.
    // Each teacher who signs in on this computer reads their own feed from
    // their own position, so a second teacher's older changes are not skipped.
    [[nodiscard]] static QString cursorKey(const QUrl &server, const QString &account);

    // The feed cursor stored under `key` with the last applied page; empty before the first pull.
    [[nodiscard]] static Result<QString> cursor(Database &database, const QString &key);

    // Moves a cursor stored under the single key of older versions to the key
    // of `server` and `account`, or drops it when no account is known, so the
    // next pull reads the whole feed instead of another teacher's remainder.
    [[nodiscard]] static Status adoptLegacyCursor(Database &database, const QUrl &server, const QString &account);

    // Sets the key applyPage() stores the cursor under.
    void setCursorKey(const QString &key) { m_cursorKey = key; }

    // Applies one GET /changes page and stores `nextCursor`, all in one
    // transaction: a crash leaves either the whole page or none of it.
    [[nodiscard]] Result<ApplyReport> applyPage(const QJsonArray &changes, const QString &nextCursor);

    // Records the POST /mutations results for `sent` (same order as sent).
    // Attendance and assignment conflicts are resolved by the rules above;
    // the rest goes to OutboxStore::recordResults().
    [[nodiscard]] Result<ApplyReport> recordPushResults(OutboxStore &outbox, const QList<OutboxEntry> &sent,
                                                        const QJsonArray &results);

    // Writes the platform's copy from a conflict row ({"data": ...},
    // {"deleted": true} or the bare data) to the local row, as a pulled change
    // would. Runs inside the caller's transaction, and writes no outbox rows.
    [[nodiscard]] Status writeServerCopy(const QString &entity, const QString &id, qint64 version,
                                         const QJsonObject &serverCopy);

private:
    [[nodiscard]] Status applyChange(const QJsonObject &change, ApplyReport *report);
    [[nodiscard]] Status applyUpsertWithLocalChanges(const QString &entity, const QString &id, qint64 version,
                                                     const QJsonObject &data, ApplyReport *report);
    [[nodiscard]] Status upsert(const QString &entity, const QString &id, qint64 version, const QJsonObject &data);
    // Merges the copy of a pulled class or student that this device made
    // offline (see OfflineCopies) into the row just stored.
    [[nodiscard]] Status mergeOfflineCopy(const QString &entity, const QString &id, const QJsonObject &data,
                                          const std::optional<QString> &studentCopy, ApplyReport *report);
    [[nodiscard]] QString schoolIdOf(const QJsonObject &data) const;
    // Assigns the courses without a teacher to the signed-in teacher.
    [[nodiscard]] Status adoptCourses();
    // Makes the lesson's lesson_courseware rows match the platform's ordered list.
    [[nodiscard]] Status replaceLessonCourseware(const QString &lessonId, const QStringList &coursewareIds);
    [[nodiscard]] Status markDeleted(const QString &entity, const QString &id, qint64 version);

    // The later-mark-wins rule; `local` is the local row as an outbox payload.
    [[nodiscard]] Status resolveMark(const QString &id, qint64 version, const QJsonObject &local,
                                     const QJsonObject &server);
    [[nodiscard]] Status mergeHistory(const QString &recordId, const QJsonArray &history);
    [[nodiscard]] Status addHistory(const QString &recordId, const QJsonObject &mark);

    // Merges an assignment and re-bases its pending entries on `version`.
    // Returns the fields changed on both sides (kept at the local value).
    [[nodiscard]] Result<QStringList> mergeAssignment(const QString &id, qint64 version, const QJsonObject &local,
                                                      const QJsonObject &server);
    [[nodiscard]] Status storeAssignmentBase(const QString &id, const QJsonObject &data);
    [[nodiscard]] Result<QJsonObject> assignmentBase(const QString &id);

    [[nodiscard]] Status writeConflict(const QString &entity, const QString &id, const QJsonObject &local,
                                       const QJsonObject &serverCopy, qint64 version);
    [[nodiscard]] Status parkPending(const QString &entity, const QString &id, const QString &reason);
    [[nodiscard]] Result<QString> knownSchoolId();
    [[nodiscard]] Result<int> unfinishedEntryCount(const QString &entity, const QString &id);

    Database &m_database;
    QString m_schoolId;
    QString m_cursorKey = QStringLiteral("pull.cursor");
};

} // namespace ClassDesk
