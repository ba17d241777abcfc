// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <optional>

namespace ClassDesk {

class Database;

struct SchoolClass
{
    QString id;
    QString schoolId;
    QString name;
    QString grade;
};

struct Student
{
    QString id;
    QString schoolId;
    QString classId; // empty when the student is in no class
    QString studentNumber;
    QString name;
    QString gender = QStringLiteral("unspecified"); // female, male or unspecified
    QJsonObject notes;
    std::optional<qint64> serverVersion;
};

struct StudentFilter
{
    QString schoolId;
    QString classId;     // empty: every class
    QString searchText;  // matches part of the name or the start of the student number
    bool includeDeleted = false;
};

// Classes and the students in them.
class ClassStore : public QObject
{
    Q_OBJECT

public:
    explicit ClassStore(Database &database, QObject *parent = nullptr);

    [[nodiscard]] Result<QString> createClass(const QString &schoolId, const QString &name,
                                              const QString &grade);
    [[nodiscard]] Status updateClass(const SchoolClass &schoolClass);
    [[nodiscard]] Status removeClass(const QString &id);
    [[nodiscard]] Result<QList<SchoolClass>> classes(const QString &schoolId);

    // Creates a student; `student.id` is ignored and the new id returned. The
    // student number must be unique within the school.
    [[nodiscard]] Result<QString> createStudent(const Student &student);
    [[nodiscard]] Status updateStudent(const Student &student);
    [[nodiscard]] Status removeStudent(const QString &id);
    [[nodiscard]] Result<Student> student(const QString &id);
    [[nodiscard]] Result<QList<Student>> students(const StudentFilter &filter);
    [[nodiscard]] Result<std::optional<Student>> studentByNumber(const QString &schoolId,
                                                                 const QString &studentNumber);

signals:
    // Emitted after a commit that changed rows of `entity`.
    void changed(const QString &entity, const QStringList &ids);

private:
    Database &m_database;
};

} // namespace ClassDesk
