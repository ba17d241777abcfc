// SPDX-License-Identifier: GPL-3.0-or-later
#include "classstore.h"

#include "civiltime.h"
#include "storesupport.h"
#include "uuid7.h"

namespace ClassDesk {

using StoreSupport::run;

namespace {

constexpr const char *StudentColumns =
    "SELECT id, school_id, coalesce(class_id, ''), student_number, name, gender, notes, "
    "server_version FROM student ";

Student readStudent(const Statement &statement)
{
    Student student;
    student.id = statement.textAt(0);
    student.schoolId = statement.textAt(1);
    student.classId = statement.textAt(2);
    student.studentNumber = statement.textAt(3);
    student.name = statement.textAt(4);
    student.gender = statement.textAt(5);
    student.notes = StoreSupport::jsonObject(statement.textAt(6));
    student.serverVersion = statement.optionalInt64At(7);
    return student;
}

Result<QList<Student>> readStudents(Statement &statement)
{
    QList<Student> students;
    for (;;) {
        const auto row = statement.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return students;
        students.append(readStudent(statement));
    }
}

// An empty class id is stored as NULL, so the foreign key is not checked.
std::optional<QString> optionalId(const QString &id)
{
    return id.isEmpty() ? std::nullopt : std::optional(id);
}

} // namespace

ClassStore::ClassStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

Result<QString> ClassStore::createClass(const QString &schoolId, const QString &name, const QString &grade)
{
    const QString id = Uuid7::generate();
    const qint64 now = CivilTime::nowMs();
    const auto status = StoreSupport::writeAndRecord(m_database, QStringLiteral("class"), id,
                                                     QStringLiteral("create"), [&] {
        return run(m_database,
                   "INSERT INTO class (id, school_id, name, grade, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   id, schoolId, name, grade, now, now);
    });
    if (!status)
        return std::unexpected(status.error());
    emit changed(QStringLiteral("class"), {id});
    return id;
}

Status ClassStore::updateClass(const SchoolClass &schoolClass)
{
    const auto status = StoreSupport::writeAndRecord(m_database, QStringLiteral("class"), schoolClass.id,
                                                     QStringLiteral("update"), [&] {
        return run(m_database,
                   "UPDATE class SET name = ?, grade = ?, updated_at = ? "
                   "WHERE id = ? AND deleted_at IS NULL",
                   schoolClass.name, schoolClass.grade, CivilTime::nowMs(), schoolClass.id);
    });
    if (status)
        emit changed(QStringLiteral("class"), {schoolClass.id});
    return status;
}

Status ClassStore::removeClass(const QString &id)
{
    const auto status = StoreSupport::softDelete(m_database, QStringLiteral("class"), id);
    if (status)
        emit changed(QStringLiteral("class"), {id});
    return status;
}

Result<QList<SchoolClass>> ClassStore::classes(const QString &schoolId)
{
    auto statement = m_database.prepare("SELECT id, school_id, name, grade FROM class "
                                        "WHERE school_id = ? AND deleted_at IS NULL ORDER BY grade, name");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, schoolId);

    QList<SchoolClass> classes;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return classes;
        classes.append({statement->textAt(0), statement->textAt(1), statement->textAt(2),
                        statement->textAt(3)});
    }
}

Result<QString> ClassStore::createStudent(const Student &student)
{
    const QString id = Uuid7::generate();
    const qint64 now = CivilTime::nowMs();
    const auto status = StoreSupport::writeAndRecord(m_database, QStringLiteral("student"), id,
                                                     QStringLiteral("create"), [&] {
        return run(m_database,
                   "INSERT INTO student (id, school_id, class_id, student_number, name, gender, notes, "
                   "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   id, student.schoolId, optionalId(student.classId), student.studentNumber,
                   student.name, student.gender, StoreSupport::jsonText(student.notes), now, now);
    });
    if (!status)
        return std::unexpected(status.error());
    emit changed(QStringLiteral("student"), {id});
    return id;
}

Status ClassStore::updateStudent(const Student &student)
{
    const auto status = StoreSupport::writeAndRecord(m_database, QStringLiteral("student"), student.id,
                                                     QStringLiteral("update"), [&] {
        return run(m_database,
                   "UPDATE student SET class_id = ?, student_number = ?, name = ?, gender = ?, "
                   "notes = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                   optionalId(student.classId), student.studentNumber, student.name, student.gender,
                   StoreSupport::jsonText(student.notes), CivilTime::nowMs(), student.id);
    });
    if (status)
        emit changed(QStringLiteral("student"), {student.id});
    return status;
}

Status ClassStore::removeStudent(const QString &id)
{
    const auto status = StoreSupport::softDelete(m_database, QStringLiteral("student"), id);
    if (status)
        emit changed(QStringLiteral("student"), {id});
    return status;
}

Result<Student> ClassStore::student(const QString &id)
{
    const QByteArray sql = QByteArray(StudentColumns) + "WHERE id = ? AND deleted_at IS NULL";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, id);
    auto students = readStudents(*statement);
    if (!students)
        return std::unexpected(students.error());
    if (students->isEmpty())
        return StoreSupport::notFound(QStringLiteral("student"), id);
    return students->first();
}

Result<QList<Student>> ClassStore::students(const StudentFilter &filter)
{
    const QByteArray sql = QByteArray(StudentColumns)
                           + "WHERE school_id = :school "
                             "AND (coalesce(:class, '') = '' OR class_id = :class) "
                             "AND (:deleted OR deleted_at IS NULL) "
                             "AND (coalesce(:search, '') = '' OR name LIKE '%' || :search || '%' ESCAPE '\\' "
                             "     OR student_number LIKE :search || '%' ESCAPE '\\') "
                             "ORDER BY student_number";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(":school", filter.schoolId).bind(":class", filter.classId);
    statement->bind(":deleted", int(filter.includeDeleted));
    statement->bind(":search", StoreSupport::likeLiteral(filter.searchText.trimmed()));
    return readStudents(*statement);
}

Result<std::optional<Student>> ClassStore::studentByNumber(const QString &schoolId,
                                                           const QString &studentNumber)
{
    const QByteArray sql = QByteArray(StudentColumns)
                           + "WHERE school_id = ? AND student_number = ? AND deleted_at IS NULL";
    auto statement = m_database.prepare(sql.constData());
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, schoolId).bind(2, studentNumber);
    auto students = readStudents(*statement);
    if (!students)
        return std::unexpected(students.error());
    if (students->isEmpty())
        return std::optional<Student>();
    return std::optional(students->first());
}

} // namespace ClassDesk
