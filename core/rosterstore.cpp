// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterstore.h"

#include "civiltime.h"
#include "corelogging.h"
#include "database.h"
#include "outboxwriter.h"
#include "storesupport.h"
#include "uuid7.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

#include <sqlite3.h>

namespace ClassDesk {

using StoreSupport::run;

namespace {

QJsonObject notesObject(const QMap<QString, QString> &notes)
{
    QJsonObject object;
    for (auto it = notes.cbegin(); it != notes.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

using ExistingStudent = RosterStore::ExistingStudent;

Result<std::optional<ExistingStudent>> findByNumber(Database &database, const QString &schoolId,
                                                     const QString &studentNumber)
{
    auto statement = database.prepare("SELECT id, coalesce(class_id, ''), name, gender, notes FROM student "
                                      "WHERE school_id = ? AND student_number = ? AND deleted_at IS NULL");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, schoolId).bind(2, studentNumber);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<ExistingStudent>();
    return std::optional(ExistingStudent{statement->textAt(0), statement->textAt(1), statement->textAt(2),
                                         statement->textAt(3), statement->textAt(4)});
}

// Every student of the school by student number, read in one query so that a
// whole roster is matched without one query per row.
Result<QHash<QString, ExistingStudent>> studentsByNumber(Database &database, const QString &schoolId)
{
    auto statement = database.prepare("SELECT student_number, id, coalesce(class_id, ''), name, gender, notes "
                                      "FROM student WHERE school_id = ? AND deleted_at IS NULL");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, schoolId);

    QHash<QString, ExistingStudent> students;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        students.insert(statement->textAt(0), ExistingStudent{statement->textAt(1), statement->textAt(2),
                                                              statement->textAt(3), statement->textAt(4),
                                                              statement->textAt(5)});
    }
    return students;
}

// Rows per multi-row INSERT of new students. One statement per 100 rows saves
// most of the per-statement work, and 900 parameters stay far below SQLite's limit.
constexpr int StudentsPerInsert = 100;

// "INSERT INTO student ... VALUES (...), (...)" for `rowCount` rows.
QByteArray studentInsertSql(int rowCount)
{
    QByteArray sql = "INSERT INTO student (id, school_id, class_id, student_number, name, gender, notes, "
                     "created_at, updated_at) VALUES ";
    for (int row = 0; row < rowCount; ++row)
        sql += row == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    return sql;
}

Result<qint64> largestStudentRowid(Database &database)
{
    auto statement = database.prepare("SELECT coalesce(max(rowid), 0) FROM student");
    if (!statement)
        return std::unexpected(statement.error());
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return statement->int64At(0);
}

} // namespace

RosterStore::RosterStore(Database &database, QString schoolId, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_schoolId(std::move(schoolId))
{
}

QString RosterStore::normalizedGender(const QString &text)
{
    const QString gender = text.trimmed().toLower();
    if (gender == QStringLiteral("男") || gender == QLatin1String("m") || gender == QLatin1String("male"))
        return QStringLiteral("male");
    if (gender == QStringLiteral("女") || gender == QLatin1String("f") || gender == QLatin1String("female"))
        return QStringLiteral("female");
    return QStringLiteral("unspecified");
}

Result<QHash<QString, QString>> RosterStore::studentNamesByNumber() const
{
    const auto students = studentsByNumber(m_database, m_schoolId);
    if (!students)
        return std::unexpected(students.error());
    QHash<QString, QString> names;
    names.reserve(students->size());
    for (auto it = students->cbegin(); it != students->cend(); ++it)
        names.insert(it.key(), it->name);
    return names;
}

std::optional<QString> RosterStore::studentNameForNumber(const QString &studentNumber) const
{
    const auto found = findByNumber(m_database, m_schoolId, studentNumber);
    if (!found || !found->has_value())
        return std::nullopt;
    return (*found)->name;
}

Result<QString> RosterStore::findOrCreateClass(const QString &name, bool *created)
{
    *created = false;
    auto statement = m_database.prepare("SELECT id FROM class WHERE school_id = ? AND name = ? "
                                        "AND deleted_at IS NULL ORDER BY created_at LIMIT 1");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, m_schoolId).bind(2, name);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    if (*row)
        return statement->textAt(0);

    const QString id = Uuid7::generate();
    const qint64 now = CivilTime::nowMs();
    if (auto inserted = run(m_database,
                            "INSERT INTO class (id, school_id, name, grade, created_at, updated_at) "
                            "VALUES (?, ?, ?, '', ?, ?)",
                            id, m_schoolId, name, now, now);
        !inserted)
        return std::unexpected(inserted.error());
    if (auto recorded = OutboxWriter::recordRow(m_database, QStringLiteral("class"), id, QStringLiteral("create"));
        !recorded)
        return std::unexpected(recorded.error());
    *created = true;
    return id;
}

Result<QString> RosterStore::classNamed(const QString &name)
{
    QString id;
    bool created = false;
    const auto status = m_database.writeTransaction([&]() -> Status {
        auto found = findOrCreateClass(name.trimmed(), &created);
        if (!found)
            return std::unexpected(found.error());
        id = *found;
        return {};
    });
    if (!status)
        return std::unexpected(status.error());
    if (created)
        emit changed(QStringLiteral("class"), {id});
    return id;
}

Status RosterStore::applyRow(const QString &classId, const RosterRow &row, ImportState &state)
{
    const auto existing = state.students.constFind(row.studentNumber);
    const QString gender = normalizedGender(row.gender);
    const QString notes = row.notes.isEmpty() ? QStringLiteral("{}")
                                              : StoreSupport::jsonText(notesObject(row.notes));

    if (existing == state.students.cend()) {
        // Written in bulk by flushNewStudents().
        const QString id = Uuid7::generate();
        state.newStudents.append(ExistingStudent{id, classId, row.name, gender, notes});
        state.newStudentNumbers.append(row.studentNumber);
        state.students.insert(row.studentNumber, state.newStudents.constLast());
        return {};
    }

    // The file may repeat a number. The update below reads the student back
    // and folds into its outbox entry, so queued students are written first.
    if (auto flushed = flushNewStudents(state); !flushed)
        return flushed;

    const qint64 now = CivilTime::nowMs();
    const ExistingStudent student = *existing;
    // A gender the file leaves blank keeps what is stored; so do notes.
    const QString keptGender = gender == QLatin1String("unspecified") ? student.gender : gender;
    const QString keptNotes = row.notes.isEmpty() ? student.notes : notes;
    if (student.classId == classId && student.name == row.name && student.gender == keptGender
        && student.notes == keptNotes) {
        ++state.summary.unchanged;
        return {};
    }

    if (auto updated = run(m_database,
                           "UPDATE student SET class_id = ?, name = ?, gender = ?, notes = ?, updated_at = ? "
                           "WHERE id = ?",
                           classId, row.name, keptGender, keptNotes, now, student.id);
        !updated)
        return updated;
    ++state.summary.updated;
    state.changedStudents << student.id;
    state.students.insert(row.studentNumber, ExistingStudent{student.id, classId, row.name, keptGender, keptNotes});
    // Updates are rare in an import, so their payload is read back from the row.
    return OutboxWriter::recordRow(m_database, QStringLiteral("student"), student.id, QStringLiteral("update"));
}

Status RosterStore::flushNewStudents(ImportState &state)
{
    if (state.newStudents.isEmpty())
        return {};
    const auto before = largestStudentRowid(m_database);
    if (!before)
        return std::unexpected(before.error());

    const qint64 now = CivilTime::nowMs();
    const qsizetype total = state.newStudents.size();
    for (qsizetype first = 0; first < total; first += StudentsPerInsert) {
        const int count = int(std::min<qsizetype>(StudentsPerInsert, total - first));
        auto insert = m_database.prepare(studentInsertSql(count).constData());
        if (!insert)
            return std::unexpected(insert.error());
        for (int row = 0; row < count; ++row) {
            const ExistingStudent &student = state.newStudents.at(first + row);
            const int base = row * 9;
            insert->bind(base + 1, student.id).bind(base + 2, m_schoolId).bind(base + 3, student.classId);
            insert->bind(base + 4, state.newStudentNumbers.at(first + row)).bind(base + 5, student.name);
            insert->bind(base + 6, student.gender).bind(base + 7, student.notes);
            insert->bind(base + 8, now).bind(base + 9, now);
        }
        if (auto status = insert->run(); !status)
            return status;
    }

    const auto recorded = OutboxWriter::recordCreatedStudents(m_database, *before);
    if (!recorded)
        return std::unexpected(recorded.error());
    // Every new student needs its outbox entry, or it would never reach the platform.
    if (*recorded != total) {
        qCWarning(lcCoreStore) << "Roster import wrote" << total << "students but" << *recorded << "outbox entries";
        return std::unexpected(m_database.toError(SQLITE_INTERNAL, QStringLiteral("roster import outbox entries")));
    }

    state.summary.created += int(total);
    for (const ExistingStudent &student : std::as_const(state.newStudents))
        state.changedStudents << student.id;
    state.newStudents.clear();
    state.newStudentNumbers.clear();
    return {};
}

Status RosterStore::applyRoster(const QString &classId, const QList<RosterRow> &rows)
{
    const auto summary = importRows(rows, classId, {});
    if (!summary)
        return std::unexpected(summary.error());
    return {};
}

Result<RosterImportSummary> RosterStore::importRows(const QList<RosterRow> &rows, const QString &classId,
                                                   const QString &fallbackClassName)
{
    ImportState state;
    QStringList createdClasses;

    const auto status = m_database.writeTransaction([&]() -> Status {
        // A retried transaction starts again from nothing.
        state = {};
        createdClasses.clear();
        auto students = studentsByNumber(m_database, m_schoolId);
        if (!students)
            return std::unexpected(students.error());
        state.students = std::move(*students);

        QHash<QString, QString> classIdsByName;
        QSet<QString> usedClasses;
        for (const RosterRow &row : rows) {
            QString targetClass = classId;
            if (targetClass.isEmpty()) {
                const QString name = row.className.trimmed().isEmpty() ? fallbackClassName.trimmed()
                                                                       : row.className.trimmed();
                if (name.isEmpty()) {
                    return makeError(QStringLiteral("roster.class_missing"),
                                     QCoreApplication::translate(
                                         "ClassDesk::RosterStore",
                                         "Row %1 names no class. Choose the class to import the students into.")
                                         .arg(row.sourceRow));
                }
                if (!classIdsByName.contains(name)) {
                    bool created = false;
                    auto found = findOrCreateClass(name, &created);
                    if (!found)
                        return std::unexpected(found.error());
                    classIdsByName.insert(name, *found);
                    if (created)
                        createdClasses << *found;
                }
                targetClass = classIdsByName.value(name);
            }
            if (!usedClasses.contains(targetClass)) {
                usedClasses.insert(targetClass);
                state.summary.classIds << targetClass;
            }
            if (auto applied = applyRow(targetClass, row, state); !applied)
                return applied;
        }
        return flushNewStudents(state);
    });
    if (!status)
        return std::unexpected(status.error());

    const RosterImportSummary &summary = state.summary;
    const QStringList &changedStudents = state.changedStudents;
    qCInfo(lcCoreStore) << "Roster import:" << summary.created << "created," << summary.updated << "updated,"
                        << summary.unchanged << "unchanged";
    if (!createdClasses.isEmpty())
        emit changed(QStringLiteral("class"), createdClasses);
    if (!changedStudents.isEmpty())
        emit changed(QStringLiteral("student"), changedStudents);
    return summary;
}

} // namespace ClassDesk
