// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "rosterimporttarget.h"

#include <QHash>
#include <QObject>

namespace ClassDesk {

class Database;

// Counts of the students an import created, updated or left unchanged.
struct RosterImportSummary
{
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    QStringList classIds; // the classes the rows went into, created where missing

    [[nodiscard]] int total() const { return created + updated + unchanged; }
};

// Writes imported rosters into the students of one school. Students are
// matched by student number, never by name, so two students with the same name
// stay two students and importing the same file again changes nothing.
class RosterStore : public QObject, public RosterImportTarget
{
    Q_OBJECT

public:
    // A stored student, as an import compares it with a file's row.
    struct ExistingStudent
    {
        QString id;
        QString classId;
        QString name;
        QString gender;
        QString notes;
    };

    RosterStore(Database &database, QString schoolId, QObject *parent = nullptr);

    // Imports go to `schoolId` from now on: the platform's school replaces
    // the offline one at the first sign-in.
    void setSchoolId(const QString &schoolId) { m_schoolId = schoolId; }

    [[nodiscard]] std::optional<QString> studentNameForNumber(const QString &studentNumber) const override;

    // Every student number of the school with its student's name, read in one
    // query: a preview checks a whole file against it instead of asking
    // studentNameForNumber() once per row.
    [[nodiscard]] Result<QHash<QString, QString>> studentNamesByNumber() const;

    // Applies the rows to one class in one transaction, with their outbox rows.
    [[nodiscard]] Status applyRoster(const QString &classId, const QList<RosterRow> &rows) override;

    // Applies a preview's importable rows in one transaction. Rows go into
    // `classId` when it is given. Otherwise each row goes into the class named
    // in its class column, created when the school has none of that name. Rows
    // without one go into `fallbackClassName`, or fail with roster.class_missing.
    [[nodiscard]] Result<RosterImportSummary> importRows(const QList<RosterRow> &rows, const QString &classId,
                                                         const QString &fallbackClassName);

    // The school's class with this name, created (with its outbox row) when missing.
    [[nodiscard]] Result<QString> classNamed(const QString &name);

    // The stored gender for a roster file's gender cell: 男/M/male, 女/F/female.
    [[nodiscard]] static QString normalizedGender(const QString &text);

signals:
    // Emitted after a commit that changed rows of `entity`.
    void changed(const QString &entity, const QStringList &ids);

private:
    // The progress of one importRows() call, and the school's students by number.
    struct ImportState
    {
        RosterImportSummary summary;
        QStringList changedStudents;
        QHash<QString, ExistingStudent> students;
        // Students to create, not yet written, with their student numbers.
        QList<ExistingStudent> newStudents;
        QStringList newStudentNumbers;
    };

    [[nodiscard]] Result<QString> findOrCreateClass(const QString &name, bool *created);
    [[nodiscard]] Status applyRow(const QString &classId, const RosterRow &row, ImportState &state);
    // Writes the pending new students and their outbox entries.
    [[nodiscard]] Status flushNewStudents(ImportState &state);

    Database &m_database;
    QString m_schoolId;
};

} // namespace ClassDesk
