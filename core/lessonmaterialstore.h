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

// The sync_state keys under which sync keeps the signed-in teacher from the
// platform's GET /me. They stay after sign-out.
inline constexpr const char *SignedInTeacherKey = "session.teacher_id";
inline constexpr const char *SignedInTeacherNameKey = "session.teacher_name";

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
// assignments to hand out. Courseware links sync as the lesson's
// courseware_ids, so each link change records an update of the lesson. An
// assignment's lesson is a field of the assignment and syncs with it.
class LessonMaterialStore : public QObject
{
    Q_OBJECT

public:
    explicit LessonMaterialStore(Database &database, QObject *parent = nullptr);

    // The lessons on the civil `date` in the school, by period and then class
    // name. With a `teacherId`, only that teacher's timetable: the lessons of
    // courses assigned to the teacher or without a teacher. A course has no
    // teacher when it was made on this computer or when the platform sent it
    // before the teacher was known, and the platform sends a teacher only
    // their own courses. Without a `teacherId`, every lesson of the school.
    [[nodiscard]] Result<QList<LessonInfo>> lessonsOn(const QString &schoolId, QDate date,
                                                      const QString &teacherId = {});
    // The teacher the platform last signed in, or an empty id before any sign-in.
    [[nodiscard]] Result<QString> signedInTeacherId();
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
