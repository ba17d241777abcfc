// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitymapping.h"

#include <QHash>
#include <QJsonArray>

namespace ClassDesk::EntityMapping {

namespace {

enum class FieldKind {
    Value,      // travels as it is
    // TODO: a school created locally before the first sign-in stays a second
    // school; its rows should move to the platform's school when it arrives.
    SchoolId,   // local only, filled with the teacher's school
    LocalOnly,  // local only, set to the default on insert
    LinkList,   // travels as an id list; kept in a link table, not in a column of the row
};

struct Field
{
    const char *local;
    const char *api; // empty for local-only fields
    FieldKind kind;
    QJsonValue localDefault; // stored when the API data leaves the field out
};

using FieldList = QList<Field>;

const QHash<QString, FieldList> &fieldTable()
{
    using enum FieldKind;
    const QJsonValue null(QJsonValue::Null);
    static const QHash<QString, FieldList> s_fields = {
        {QStringLiteral("school"), {{"name", "name", Value, QString()}, {"time_zone", "time_zone", Value, QString()}}},
        {QStringLiteral("class"),
         {{"school_id", "", SchoolId, null}, {"name", "name", Value, QString()}, {"grade", "grade", Value, QString()}}},
        {QStringLiteral("student"),
         {{"school_id", "", SchoolId, null},
          {"class_id", "class_id", Value, null},
          {"student_number", "student_number", Value, QString()},
          {"name", "name", Value, QString()},
          {"gender", "gender", Value, QStringLiteral("unspecified")},
          {"notes", "notes", Value, QJsonObject()}}},
        {QStringLiteral("course"),
         {{"school_id", "", SchoolId, null},
          {"class_id", "class_id", Value, null},
          {"teacher_id", "", LocalOnly, null},
          {"name", "name", Value, QString()},
          {"subject", "subject", Value, QString()}}},
        {QStringLiteral("lesson"),
         {{"course_id", "course_id", Value, null},
          {"date", "date", Value, null},
          {"period", "period", Value, 1},
          {"courseware_ids", "courseware_ids", LinkList, QJsonArray()}}},
        {QStringLiteral("courseware"),
         {{"school_id", "", SchoolId, null},
          {"sha256", "sha256", Value, QString()},
          {"size_bytes", "size", Value, 0},
          {"mime_type", "content_type", Value, QString()},
          {"title", "title", Value, QString()},
          {"tags", "tags", Value, QJsonArray()},
          {"duration_ms", "duration_ms", Value, null},
          {"page_count", "page_count", Value, null},
          {"chapter_marks", "chapter_marks", Value, QJsonArray()},
          // NOTE: a pulled courseware row starts as 'local' although its file
          // is on the platform, not on this computer; downloads are not built yet.
          {"upload_state", "", LocalOnly, QStringLiteral("local")},
          {"remote_id", "file_id", Value, null}}},
        {QStringLiteral("assignment"),
         {{"school_id", "", SchoolId, null},
          {"course_id", "course_id", Value, null},
          {"title", "title", Value, QString()},
          {"instructions", "instructions", Value, QString()},
          {"due_date", "due_date", Value, null},
          {"due_time", "due_time", Value, null},
          {"due_time_zone", "due_time_zone", Value, QStringLiteral("UTC")},
          {"target_class_ids", "target_class_ids", Value, QJsonArray()},
          {"attachment_ids", "attachment_ids", Value, QJsonArray()},
          {"state", "state", Value, QStringLiteral("draft")},
          {"publish_at", "publish_at", Value, null},
          {"lesson_id", "lesson_id", Value, null}}},
        {QStringLiteral("attendance_session"),
         {{"class_id", "class_id", Value, null},
          {"date", "date", Value, null},
          {"period", "period", Value, 1},
          {"lesson_id", "lesson_id", Value, null}}},
        {QStringLiteral("attendance_record"),
         {{"session_id", "session_id", Value, null},
          {"student_id", "student_id", Value, null},
          {"status", "status", Value, QStringLiteral("present")},
          {"note", "note", Value, QString()},
          {"marked_at", "marked_at", Value, 0},
          {"device", "device", Value, QString()}}},
        {QStringLiteral("submission"),
         {{"assignment_id", "assignment_id", Value, null},
          {"student_id", "student_id", Value, null},
          {"state", "state", Value, QStringLiteral("missing")},
          {"score", "score", Value, null},
          {"submitted_at", "submitted_at", Value, null}}},
    };
    return s_fields;
}

// An empty text in an optional reference or file id means "none" locally.
bool isEmptyReference(const char *api, const QJsonValue &value)
{
    const QLatin1StringView name(api);
    const bool reference = name.endsWith(QLatin1String("_id")) && name != QLatin1String("student_number");
    return reference && value.isString() && value.toString().isEmpty();
}

bool travels(const Field &field)
{
    return field.kind == FieldKind::Value || field.kind == FieldKind::LinkList;
}

} // namespace

bool isPushed(const QString &entity)
{
    return fieldTable().contains(entity) && entity != QLatin1String("school");
}

bool isPulled(const QString &entity)
{
    return fieldTable().contains(entity);
}

QJsonObject toApiData(const QString &entity, const QJsonObject &localRow, bool forCreate)
{
    QJsonObject data;
    for (const Field &field : fieldTable().value(entity)) {
        if (!travels(field))
            continue;
        QJsonValue value = localRow.value(QLatin1StringView(field.local));
        if (value.isUndefined() || isEmptyReference(field.api, value))
            value = QJsonValue::Null;
        if (value.isNull() && forCreate)
            continue;
        data.insert(QLatin1StringView(field.api), value);
    }
    return data;
}

QJsonObject toMutation(const OutboxEntry &entry)
{
    QString op = entry.op;
    if (op == QLatin1String("mark"))
        op = entry.baseVersion ? QStringLiteral("update") : QStringLiteral("create");

    QJsonObject mutation{
        {QStringLiteral("idempotency_key"), entry.idempotencyKey},
        {QStringLiteral("entity"), entry.entity},
        {QStringLiteral("op"), op},
        {QStringLiteral("id"), entry.entityId},
        {QStringLiteral("base_version"), entry.baseVersion ? QJsonValue(double(*entry.baseVersion)) : QJsonValue()},
    };
    if (op != QLatin1String("delete"))
        mutation.insert(QStringLiteral("data"), toApiData(entry.entity, entry.payload, op == QLatin1String("create")));
    return mutation;
}

QList<Column> toLocalColumns(const QString &entity, const QJsonObject &apiData, const QString &schoolId)
{
    QList<Column> columns;
    for (const Field &field : fieldTable().value(entity)) {
        const QString local = QString::fromLatin1(field.local);
        switch (field.kind) {
        case FieldKind::SchoolId:
            columns.append({local, schoolId});
            break;
        case FieldKind::LocalOnly:
            columns.append({local, field.localDefault});
            break;
        case FieldKind::LinkList:
            break; // the change applier writes the link table (see lessonCoursewareIds())
        case FieldKind::Value: {
            const QJsonValue value = apiData.value(QLatin1StringView(field.api));
            columns.append({local, value.isUndefined() || value.isNull() ? field.localDefault : value});
            break;
        }
        }
    }
    return columns;
}

bool isInsertOnly(const QString &entity, const QString &column)
{
    for (const Field &field : fieldTable().value(entity)) {
        if (column == QLatin1StringView(field.local))
            return field.kind == FieldKind::LocalOnly;
    }
    return false;
}

QJsonObject knownApiFields(const QString &entity, const QJsonObject &apiData)
{
    QJsonObject known;
    for (const Field &field : fieldTable().value(entity)) {
        if (!travels(field))
            continue;
        const QJsonValue value = apiData.value(QLatin1StringView(field.api));
        if (!value.isUndefined() && !value.isNull())
            known.insert(QLatin1StringView(field.api), value);
    }
    return known;
}

QStringList lessonCoursewareIds(const QJsonObject &apiData)
{
    QStringList ids;
    for (const QJsonValue id : apiData.value(QStringLiteral("courseware_ids")).toArray()) {
        if (id.isString() && !id.toString().isEmpty())
            ids.append(id.toString());
    }
    return ids;
}

} // namespace ClassDesk::EntityMapping
