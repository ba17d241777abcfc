// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QObject>

#include <memory>

namespace ClassDesk {

class AssignmentStore;
class AttendanceStore;
class ClassStore;
class CourseStore;
class CoursewareStore;
class Database;
class LessonMaterialStore;
class LessonPublisher;
class OutboxStore;
class RosterStore;
class SchoolStore;
class SubmissionStore;

// The teacher's local data as the UI thread sees it: the UI thread's database
// connection, the stores on it, and the school whose classes are shown.
class Workspace : public QObject
{
    Q_OBJECT

public:
    ~Workspace() override;

    // Opens (creating on first use) the database in `dataDirectory`. A new
    // database gets a local school in China's time zone, so a teacher can work
    // offline before ever signing in; signing in replaces it with the platform's.
    [[nodiscard]] static Result<std::unique_ptr<Workspace>> open(const QString &dataDirectory);

    [[nodiscard]] QString dataDirectory() const { return m_dataDirectory; }
    [[nodiscard]] QString databasePath() const;
    [[nodiscard]] QString schoolId() const { return m_schoolId; }

    // Switches to the platform's school once sync has brought it; emits
    // schoolChanged() when the school changed. The work done offline moves
    // into it at the next open(), or when the sync engine moves it first.
    [[nodiscard]] Status refreshSchool();

    [[nodiscard]] Database &database() const { return *m_database; }
    [[nodiscard]] SchoolStore &schools() const { return *m_schools; }
    [[nodiscard]] ClassStore &classes() const { return *m_classes; }
    [[nodiscard]] AttendanceStore &attendance() const { return *m_attendance; }
    [[nodiscard]] OutboxStore &outbox() const { return *m_outbox; }
    [[nodiscard]] RosterStore &rosters() const { return *m_rosters; }
    [[nodiscard]] CoursewareStore &courseware() const { return *m_courseware; }
    [[nodiscard]] CourseStore &courses() const { return *m_courses; }
    [[nodiscard]] AssignmentStore &assignments() const { return *m_assignments; }
    [[nodiscard]] SubmissionStore &submissions() const { return *m_submissions; }
    [[nodiscard]] LessonMaterialStore &lessonMaterials() const { return *m_lessonMaterials; }
    [[nodiscard]] LessonPublisher &lessonPublisher() const { return *m_lessonPublisher; }

signals:
    void schoolChanged();

private:
    Workspace(QString dataDirectory, std::unique_ptr<Database> database);

    enum class MoveOfflineWork { No, Yes };
    [[nodiscard]] Status chooseSchool(MoveOfflineWork move);
    [[nodiscard]] bool hasOfflineSchool() const;

    QString m_dataDirectory;
    QString m_schoolId;
    std::unique_ptr<Database> m_database;
    SchoolStore *m_schools = nullptr;
    ClassStore *m_classes = nullptr;
    AttendanceStore *m_attendance = nullptr;
    OutboxStore *m_outbox = nullptr;
    RosterStore *m_rosters = nullptr;
    CoursewareStore *m_courseware = nullptr;
    CourseStore *m_courses = nullptr;
    AssignmentStore *m_assignments = nullptr;
    SubmissionStore *m_submissions = nullptr;
    LessonMaterialStore *m_lessonMaterials = nullptr;
    LessonPublisher *m_lessonPublisher = nullptr;
};

} // namespace ClassDesk
