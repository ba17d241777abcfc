// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QDate>
#include <QList>
#include <QObject>

namespace ClassDesk {

class Database;

struct Course
{
    QString id;
    QString schoolId;
    QString classId;
    QString teacherId; // empty when no teacher is assigned
    QString name;
    QString subject;
};

// One period of a course on one civil date: an entry of the timetable.
struct Lesson
{
    QString id;
    QString courseId;
    QString courseName;
    QDate date;
    int period = 1;
};

// Courses of a class and their lessons, which make up the timetable.
class CourseStore : public QObject
{
    Q_OBJECT

public:
    explicit CourseStore(Database &database, QObject *parent = nullptr);

    // Creates a course from `course` (its id is ignored) and returns the new id.
    [[nodiscard]] Result<QString> createCourse(const Course &course);
    [[nodiscard]] Status updateCourse(const Course &course);
    [[nodiscard]] Status removeCourse(const QString &id);
    [[nodiscard]] Result<QList<Course>> courses(const QString &classId);
    // The ids of the classes of `schoolId` with a course that `teacherId`
    // teaches or that has no teacher, as LessonMaterialStore::lessonsOn()
    // reads a teacher's timetable.
    [[nodiscard]] Result<QStringList> taughtClassIds(const QString &schoolId, const QString &teacherId);

    [[nodiscard]] Result<QString> createLesson(const QString &courseId, QDate date, int period);
    [[nodiscard]] Status removeLesson(const QString &id);

    // The lessons of a class with dates in [from, to], by date and period.
    [[nodiscard]] Result<QList<Lesson>> timetable(const QString &classId, QDate from, QDate to);

signals:
    // Emitted after a commit that changed rows of `entity`.
    void changed(const QString &entity, const QStringList &ids);

private:
    Database &m_database;
};

} // namespace ClassDesk
