// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "coursewarestore.h"
#include "error.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QStringList>

namespace ClassDesk {

class Database;

// A timetable lesson with what the Today view needs to place it.
struct LessonInfo
{
    QString id;
    QString courseId;
    QString courseName;
    QString classId;
    QString className;
    QDate date;
    int period = 1;
};

// What a teacher prepared for a lesson: the courseware to show and the
// assignments to hand out. Courseware links are local rows (the platform has
// no such link yet); an assignment's lesson is a field of the assignment and
// syncs with it.
class LessonMaterialStore : public QObject
{
    Q_OBJECT

public:
    explicit LessonMaterialStore(Database &database, QObject *parent = nullptr);

    // The lessons of every class of the school on the civil `date`, by period
    // and then class name.
    [[nodiscard]] Result<QList<LessonInfo>> lessonsOn(const QString &schoolId, QDate date);
    [[nodiscard]] Result<LessonInfo> lesson(const QString &lessonId);

    // Adds courseware to the end of the lesson's list; adding it again changes nothing.
    [[nodiscard]] Status attachCourseware(const QString &lessonId, const QString &coursewareId);
    [[nodiscard]] Status detachCourseware(const QString &lessonId, const QString &coursewareId);
    // The lesson's courseware in the order it was attached, without deleted rows.
    [[nodiscard]] Result<QList<Courseware>> courseware(const QString &lessonId);

    // Ties an assignment to a lesson, or unties it with an empty `lessonId`;
    // one transaction with the assignment's outbox row.
    [[nodiscard]] Status setAssignmentLesson(const QString &assignmentId, const QString &lessonId);
    // The ids of the lesson's assignments, oldest first.
    [[nodiscard]] Result<QStringList> assignmentIds(const QString &lessonId);

signals:
    // Emitted after a commit: entity is "lesson_courseware" (ids are lesson
    // ids) or "assignment".
    void changed(const QString &entity, const QStringList &ids);

private:
    // Binds `values` to ?1, ?2, ... of `where`.
    [[nodiscard]] Result<QList<LessonInfo>> queryLessons(const char *where, const QStringList &values);

    Database &m_database;
};

} // namespace ClassDesk
