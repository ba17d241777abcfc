// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "outboxstore.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ClassDesk {

// The one translation between local rows (and the outbox payloads made from
// them) and the `data` objects of the platform API (docs/api/openapi.yaml).
//
// Local-only columns never travel: id (the API carries it beside data),
// server_version, deleted_at, created_at, updated_at, school_id (the platform
// knows the teacher's school), course.teacher_id (local teacher rows are not
// synced) and courseware.upload_state. Renamed fields: courseware.size_bytes
// is `size`, mime_type is `content_type` and remote_id is `file_id`. A
// lesson's `courseware_ids` is the ordered lesson_courseware link table, which
// outbox payloads of a lesson carry under the same name.
namespace EntityMapping {

// Fields of API data the client does not keep (a lesson's room, an
// assignment's max_score, ...) are left out when the server copy is compared
// with a local row and survive a local update, which never names them.

// The entities the client pushes. The school is managed by the platform and
// teachers are not an API entity, so their outbox entries are never sent.
[[nodiscard]] bool isPushed(const QString &entity);

// The entities the change feed may deliver that the client stores.
[[nodiscard]] bool isPulled(const QString &entity);

// Turns a local row or outbox payload into API data. A create leaves out null
// fields; an update sends them as null, which removes the field on the server.
[[nodiscard]] QJsonObject toApiData(const QString &entity, const QJsonObject &localRow, bool forCreate);

// One element of a POST /mutations batch for an outbox entry. A local "mark"
// is an API create when the record has no server version yet, else an update.
[[nodiscard]] QJsonObject toMutation(const OutboxEntry &entry);

// A local column and the value to store in it.
struct Column
{
    QString name;
    QJsonValue value; // null stores SQL NULL; arrays and objects are stored as JSON text
};

// The local columns (besides id, server_version and the timestamps) for API
// data, with local defaults for fields the data leaves out. `schoolId` fills
// school_id where the table has one.
[[nodiscard]] QList<Column> toLocalColumns(const QString &entity, const QJsonObject &apiData,
                                           const QString &schoolId);

// Columns that only a first insert sets and a later server copy never
// overwrites (for example courseware.upload_state).
[[nodiscard]] bool isInsertOnly(const QString &entity, const QString &column);

// The fields of `apiData` the client keeps, for comparing a server copy with
// a local row made into API data.
[[nodiscard]] QJsonObject knownApiFields(const QString &entity, const QJsonObject &apiData);

// A lesson's courseware_ids in order, which the client keeps in the
// lesson_courseware link table rather than in a column of the lesson. Data
// without the field means the lesson has no courseware.
[[nodiscard]] QStringList lessonCoursewareIds(const QJsonObject &apiData);

} // namespace EntityMapping
} // namespace ClassDesk
