// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursestore.h"

#include "civiltime.h"
#include "storesupport.h"
#include "uuid7.h"

namespace ClassDesk {

using StoreSupport::run;

namespace {

std::optional<QString> optionalText(const QString &text)
{
    return text.isEmpty() ? std::nullopt : std::optional(text);
}

} // namespace

CourseStore::CourseStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

Result<QString> CourseStore::createCourse(const Course &course)
{
    const QString id = Uuid7::generate();
    const qint64 now = CivilTime::nowMs();
    const auto status = StoreSupport::writeAndRecord(m_database, QStringLiteral("course"), id,
                                                     QStringLiteral("create"), [&] {
        return run(m_database,
                   "INSERT INTO course (id, school_id, class_id, teacher_id, name, subject, created_at, "
                   "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   id, course.schoolId, course.classId, optionalText(course.teacherId), course.name,
                   course.subject, now, now);
    });
    if (!status)
        return std::unexpected(status.error());
    emit changed(QStringLiteral("course"), {id});
    return id;
}

Status CourseStore::updateCourse(const Course &course)
{
    const auto status = StoreSupport::writeAndRecord(m_database, QStringLiteral("course"), course.id,
                                                     QStringLiteral("update"), [&] {
        return run(m_database,
                   "UPDATE course SET teacher_id = ?, name = ?, subject = ?, updated_at = ? "
                   "WHERE id = ? AND deleted_at IS NULL",
                   optionalText(course.teacherId), course.name, course.subject, CivilTime::nowMs(),
                   course.id);
    });
    if (status)
        emit changed(QStringLiteral("course"), {course.id});
    return status;
}

Status CourseStore::removeCourse(const QString &id)
{
    const auto status = StoreSupport::softDelete(m_database, QStringLiteral("course"), id);
    if (status)
        emit changed(QStringLiteral("course"), {id});
    return status;
}

Result<QList<Course>> CourseStore::courses(const QString &classId)
{
    auto statement = m_database.prepare(
        "SELECT id, school_id, class_id, coalesce(teacher_id, ''), name, subject FROM course "
        "WHERE class_id = ? AND deleted_at IS NULL ORDER BY name");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, classId);

    QList<Course> courses;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return courses;
        courses.append({statement->textAt(0), statement->textAt(1), statement->textAt(2),
                        statement->textAt(3), statement->textAt(4), statement->textAt(5)});
    }
}

Result<QStringList> CourseStore::taughtClassIds(const QString &schoolId, const QString &teacherId)
{
    auto statement = m_database.prepare(
        "SELECT DISTINCT class_id FROM course WHERE school_id = ? AND (teacher_id = ? OR teacher_id IS NULL) "
        "AND deleted_at IS NULL ORDER BY class_id");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, schoolId).bind(2, teacherId);

    QStringList classIds;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return classIds;
        classIds.append(statement->textAt(0));
    }
}

Result<QString> CourseStore::createLesson(const QString &courseId, QDate date, int period)
{
    const QString id = Uuid7::generate();
    const qint64 now = CivilTime::nowMs();
    const auto status = StoreSupport::writeAndRecord(m_database, QStringLiteral("lesson"), id,
                                                     QStringLiteral("create"), [&] {
        return run(m_database,
                   "INSERT INTO lesson (id, course_id, date, period, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   id, courseId, CivilTime::dateText(date), period, now, now);
    });
    if (!status)
        return std::unexpected(status.error());
    emit changed(QStringLiteral("lesson"), {id});
    return id;
}

Status CourseStore::removeLesson(const QString &id)
{
    const auto status = StoreSupport::softDelete(m_database, QStringLiteral("lesson"), id);
    if (status)
        emit changed(QStringLiteral("lesson"), {id});
    return status;
}

Result<QList<Lesson>> CourseStore::timetable(const QString &classId, QDate from, QDate to)
{
    auto statement = m_database.prepare(
        "SELECT l.id, l.course_id, c.name, l.date, l.period FROM lesson l "
        "JOIN course c ON c.id = l.course_id "
        "WHERE c.class_id = ? AND l.date BETWEEN ? AND ? "
        "AND l.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY l.date, l.period");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, classId).bind(2, CivilTime::dateText(from)).bind(3, CivilTime::dateText(to));

    QList<Lesson> lessons;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return lessons;
        lessons.append({statement->textAt(0), statement->textAt(1), statement->textAt(2),
                        CivilTime::parseDate(statement->textAt(3)).value_or(QDate()),
                        int(statement->int64At(4))});
    }
}

} // namespace ClassDesk
