// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small school for the store tests: one class "一班" with `studentCount`
// students numbered S001, S002, ... in a fresh database file.

#include "classstore.h"
#include "database.h"
#include "schoolstore.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

struct StoreFixture
{
    QTemporaryDir folder;
    std::unique_ptr<ClassDesk::Database> database;
    QString schoolId;
    QString classId;
    QStringList studentIds;

    QString path() const { return folder.filePath(QStringLiteral("classdesk.sqlite3")); }

    // Returns false (after a QTest failure message) when set-up failed.
    bool setUp(int studentCount, const QString &timeZone = QStringLiteral("Asia/Shanghai"))
    {
        auto opened = ClassDesk::Database::open(path());
        if (!opened) {
            qWarning("%s", qPrintable(opened.error().toLogString()));
            return false;
        }
        database = std::move(*opened);

        ClassDesk::SchoolStore schools(*database);
        ClassDesk::ClassStore classes(*database);
        const auto school = schools.createSchool(QStringLiteral("Test School"), timeZone);
        if (!school)
            return false;
        schoolId = *school;
        const auto schoolClass = classes.createClass(schoolId, QStringLiteral("一班"), QStringLiteral("3"));
        if (!schoolClass)
            return false;
        classId = *schoolClass;

        for (int i = 1; i <= studentCount; ++i) {
            ClassDesk::Student student;
            student.schoolId = schoolId;
            student.classId = classId;
            student.studentNumber = QStringLiteral("S%1").arg(i, 3, 10, QLatin1Char('0'));
            student.name = QStringLiteral("Student %1").arg(i);
            const auto id = classes.createStudent(student);
            if (!id)
                return false;
            studentIds.append(*id);
        }
        return true;
    }
};
