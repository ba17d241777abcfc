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

struct ExistingStudent
{
    QString id;
    QString classId;
    QString name;
    QString gender;
    QString notes;
};

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

Status RosterStore::applyRow(const QString &classId, const RosterRow &row, RosterImportSummary &summary,
                             QStringList &changedIds)
{
    const auto existing = findByNumber(m_database, m_schoolId, row.studentNumber);
    if (!existing)
        return std::unexpected(existing.error());

    const QString gender = normalizedGender(row.gender);
    const QString notes = StoreSupport::jsonText(notesObject(row.notes));
    const qint64 now = CivilTime::nowMs();

    if (!existing->has_value()) {
        const QString id = Uuid7::generate();
        if (auto inserted = run(m_database,
                                "INSERT INTO student (id, school_id, class_id, student_number, name, gender, "
                                "notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                id, m_schoolId, classId, row.studentNumber, row.name, gender, notes, now, now);
            !inserted)
            return inserted;
        ++summary.created;
        changedIds << id;
        return OutboxWriter::recordRow(m_database, QStringLiteral("student"), id, QStringLiteral("create"));
    }

    const ExistingStudent &student = **existing;
    // A gender the file leaves blank keeps what is stored; so do notes.
    const QString keptGender = gender == QLatin1String("unspecified") ? student.gender : gender;
    const QString keptNotes = row.notes.isEmpty() ? student.notes : notes;
    if (student.classId == classId && student.name == row.name && student.gender == keptGender
        && student.notes == keptNotes) {
        ++summary.unchanged;
        return {};
    }

    if (auto updated = run(m_database,
                           "UPDATE student SET class_id = ?, name = ?, gender = ?, notes = ?, updated_at = ? "
                           "WHERE id = ?",
                           classId, row.name, keptGender, keptNotes, now, student.id);
        !updated)
        return updated;
    ++summary.updated;
    changedIds << student.id;
    return OutboxWriter::recordRow(m_database, QStringLiteral("student"), student.id, QStringLiteral("update"));
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
    RosterImportSummary summary;
    QStringList changedStudents;
    QStringList createdClasses;

    const auto status = m_database.writeTransaction([&]() -> Status {
        // A retried transaction starts again from nothing.
        summary = {};
        changedStudents.clear();
        createdClasses.clear();

        QHash<QString, QString> classIdsByName;
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
            if (!summary.classIds.contains(targetClass))
                summary.classIds << targetClass;
            if (auto applied = applyRow(targetClass, row, summary, changedStudents); !applied)
                return applied;
        }
        return {};
    });
    if (!status)
        return std::unexpected(status.error());

    qCInfo(lcCoreStore) << "Roster import:" << summary.created << "created," << summary.updated << "updated,"
                        << summary.unchanged << "unchanged";
    if (!createdClasses.isEmpty())
        emit changed(QStringLiteral("class"), createdClasses);
    if (!changedStudents.isEmpty())
        emit changed(QStringLiteral("student"), changedStudents);
    return summary;
}

} // namespace ClassDesk
