// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A made-up school for the Today and Assignments tests, built with the
// stores: two classes with students, a course, courseware rows and lessons on
// the school's today.

#include "assignmentstore.h"
#include "civiltime.h"
#include "classstore.h"
#include "coursestore.h"
#include "coursewarestore.h"
#include "database.h"
#include "schoolstore.h"
#include "workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

struct LessonFixture
{
    std::unique_ptr<QTemporaryDir> folder;
    std::unique_ptr<ClassDesk::Workspace> workspace;
    QString classId;
    QString otherClassId;
    QString courseId;
    QStringList studentIds;
    QStringList coursewareIds;
    QDate today;

    // Returns false when set-up failed; the reason is logged.
    bool setUp()
    {
        studentIds.clear();
        coursewareIds.clear();
        folder = std::make_unique<QTemporaryDir>();
        auto opened = ClassDesk::Workspace::open(folder->path());
        if (!opened) {
            qWarning("%s", qPrintable(opened.error().toLogString()));
            return false;
        }
        workspace = std::move(*opened);
        const QString schoolId = workspace->schoolId();

        const auto date = workspace->schools().dateAt(schoolId, ClassDesk::CivilTime::nowMs());
        const auto first = workspace->classes().createClass(schoolId, QStringLiteral("高一(3)班"), QStringLiteral("高一"));
        const auto second = workspace->classes().createClass(schoolId, QStringLiteral("高一(4)班"), QStringLiteral("高一"));
        if (!date || !first || !second)
            return false;
        today = *date;
        classId = *first;
        otherClassId = *second;

        const QStringList names = {QStringLiteral("王小明"), QStringLiteral("李华"), QStringLiteral("赵雨")};
        for (int i = 0; i < names.size(); ++i) {
            ClassDesk::Student student;
            student.schoolId = schoolId;
            student.classId = classId;
            student.studentNumber = QStringLiteral("2025030%1").arg(i + 1);
            student.name = names.at(i);
            const auto id = workspace->classes().createStudent(student);
            if (!id)
                return false;
            studentIds.append(*id);
        }

        ClassDesk::Course course;
        course.schoolId = schoolId;
        course.classId = classId;
        course.name = QStringLiteral("语文");
        course.subject = QStringLiteral("chinese");
        const auto created = workspace->courses().createCourse(course);
        if (!created)
            return false;
        courseId = *created;

        const QStringList titles = {QStringLiteral("静夜思 课件"), QStringLiteral("朗读音频"), QStringLiteral("练习题")};
        for (int i = 0; i < titles.size(); ++i) {
            ClassDesk::Courseware courseware;
            courseware.schoolId = schoolId;
            courseware.sha256 = QString(64, QLatin1Char(char('a' + i)));
            courseware.sizeBytes = 2048 * (i + 1);
            courseware.mimeType = QStringLiteral("application/pdf");
            courseware.title = titles.at(i);
            const auto id = workspace->courseware().addCourseware(courseware);
            if (!id)
                return false;
            coursewareIds.append(*id);
        }
        return true;
    }

    // Closes the database before its folder goes.
    void tearDown()
    {
        workspace.reset();
        folder.reset();
    }

    QString createLesson(QDate date, int period)
    {
        return workspace->courses().createLesson(courseId, date, period).value_or(QString());
    }

    QString createAssignment(const QString &title, ClassDesk::AssignmentState state = ClassDesk::AssignmentState::Draft)
    {
        ClassDesk::Assignment assignment;
        assignment.schoolId = workspace->schoolId();
        assignment.courseId = courseId;
        assignment.title = title;
        assignment.targetClassIds = {classId};
        const auto id = workspace->assignments().createAssignment(assignment);
        if (!id)
            return {};
        if (state == ClassDesk::AssignmentState::Draft)
            return *id;

        constexpr qint64 DayMs = 24 * 60 * 60 * 1000;
        const auto publishAt = state == ClassDesk::AssignmentState::Scheduled
                                   ? std::optional(ClassDesk::CivilTime::nowMs() + DayMs)
                                   : std::nullopt;
        if (!workspace->assignments().setState(*id, state, publishAt))
            return {};
        return *id;
    }

    // One value of a query with one text parameter, for checks of stored rows.
    QString text(const char *sql, const QString &value = {})
    {
        auto statement = workspace->database().prepare(sql);
        if (!statement)
            return QStringLiteral("<prepare failed>");
        if (!value.isNull())
            statement->bind(1, value);
        if (!statement->step().value_or(false))
            return QStringLiteral("<no row>");
        return statement->textAt(0);
    }
};
