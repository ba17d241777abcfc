// SPDX-License-Identifier: GPL-3.0-or-later
#include "lessonmaterialstore.h"

#include "civiltime.h"
#include "database.h"
#include "storesupport.h"

namespace ClassDesk {

using StoreSupport::run;

namespace {

const QString LinkEntity = QStringLiteral("lesson_courseware");
const QString AssignmentEntity = QStringLiteral("assignment");
const QString LessonEntity = QStringLiteral("lesson");

Result<QStringList> readFirstColumn(Statement &statement)
{
    QStringList values;
    for (;;) {
        const auto row = statement.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return values;
        values.append(statement.textAt(0));
    }
}

} // namespace

LessonMaterialStore::LessonMaterialStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

Result<QList<LessonInfo>> LessonMaterialStore::lessonsOn(const QString &schoolId, QDate date,
                                                        const QString &teacherId)
{
    if (teacherId.isEmpty())
        return queryLessons("k.school_id = ?1 AND l.date = ?2", {schoolId, CivilTime::dateText(date)});
    return queryLessons("k.school_id = ?1 AND l.date = ?2 AND (c.teacher_id = ?3 OR c.teacher_id IS NULL)",
                        {schoolId, CivilTime::dateText(date), teacherId});
}

Result<QString> LessonMaterialStore::signedInTeacherId()
{
    auto statement = m_database.prepare("SELECT value FROM sync_state WHERE key = ?");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, QString::fromLatin1(SignedInTeacherKey));
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? statement->textAt(0) : QString();
}

Result<LessonInfo> LessonMaterialStore::lesson(const QString &lessonId)
{
    auto found = queryLessons("l.id = ?1", {lessonId});
    if (!found)
        return std::unexpected(found.error());
    if (found->isEmpty())
        return StoreSupport::notFound(QStringLiteral("lesson"), lessonId);
    return found->first();
}

Result<QList<LessonInfo>> LessonMaterialStore::queryLessons(const char *where, const QStringList &values)
{
    const QByteArray sql = QByteArray("SELECT l.id, l.course_id, c.name, k.id, k.name, l.date, l.period "
                                      "FROM lesson l JOIN course c ON c.id = l.course_id "
                                      "JOIN class k ON k.id = c.class_id WHERE ")
                           + where
                           + " AND l.deleted_at IS NULL AND c.deleted_at IS NULL AND k.deleted_at IS NULL "
                             "ORDER BY l.date, l.period, k.name, c.name";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    for (int i = 0; i < values.size(); ++i)
        statement->bind(i + 1, values.at(i));

    QList<LessonInfo> lessons;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return lessons;
        LessonInfo lesson;
        lesson.id = statement->textAt(0);
        lesson.courseId = statement->textAt(1);
        lesson.courseName = statement->textAt(2);
        lesson.classId = statement->textAt(3);
        lesson.className = statement->textAt(4);
        lesson.date = CivilTime::parseDate(statement->textAt(5)).value_or(QDate());
        lesson.period = int(statement->int64At(6));
        lessons.append(lesson);
    }
}

Status LessonMaterialStore::attachCourseware(const QString &lessonId, const QString &coursewareId)
{
    // The links travel as the lesson's courseware_ids, so each change is an
    // update of the lesson recorded in the same transaction.
    const auto status = StoreSupport::writeAndRecord(m_database, LessonEntity, lessonId, QStringLiteral("update"), [&] {
        return run(m_database,
                   "INSERT OR IGNORE INTO lesson_courseware (lesson_id, courseware_id, position, created_at) "
                   "SELECT ?1, ?2, coalesce(max(position) + 1, 0), ?3 FROM lesson_courseware "
                   "WHERE lesson_id = ?1",
                   lessonId, coursewareId, CivilTime::nowMs());
    });
    if (status)
        emit changed(LinkEntity, {lessonId});
    return status;
}

Status LessonMaterialStore::detachCourseware(const QString &lessonId, const QString &coursewareId)
{
    const auto status = StoreSupport::writeAndRecord(m_database, LessonEntity, lessonId, QStringLiteral("update"), [&] {
        return run(m_database, "DELETE FROM lesson_courseware WHERE lesson_id = ? AND courseware_id = ?",
                   lessonId, coursewareId);
    });
    if (status)
        emit changed(LinkEntity, {lessonId});
    return status;
}

Result<QList<Courseware>> LessonMaterialStore::courseware(const QString &lessonId)
{
    auto statement = m_database.prepare(
        "SELECT c.id FROM lesson_courseware lc JOIN courseware c ON c.id = lc.courseware_id "
        "WHERE lc.lesson_id = ? AND c.deleted_at IS NULL ORDER BY lc.position, c.title");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, lessonId);
    const auto ids = readFirstColumn(*statement);
    if (!ids)
        return std::unexpected(ids.error());

    // The courseware store reads the rows, so the columns are parsed in one place.
    CoursewareStore reader(m_database);
    QList<Courseware> rows;
    for (const QString &id : *ids) {
        auto found = reader.courseware(id);
        if (!found)
            return std::unexpected(found.error());
        rows.append(*found);
    }
    return rows;
}

Status LessonMaterialStore::setAssignmentLesson(const QString &assignmentId, const QString &lessonId)
{
    const auto lesson = lessonId.isEmpty() ? std::nullopt : std::optional(lessonId);
    const auto status = StoreSupport::writeAndRecord(m_database, AssignmentEntity, assignmentId,
                                                     QStringLiteral("update"), [&] {
        return run(m_database,
                   "UPDATE assignment SET lesson_id = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                   lesson, CivilTime::nowMs(), assignmentId);
    });
    if (status)
        emit changed(AssignmentEntity, {assignmentId});
    return status;
}

Result<QStringList> LessonMaterialStore::assignmentIds(const QString &lessonId)
{
    auto statement = m_database.prepare("SELECT id FROM assignment WHERE lesson_id = ? AND deleted_at IS NULL "
                                        "ORDER BY created_at, id");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, lessonId);
    return readFirstColumn(*statement);
}

} // namespace ClassDesk
