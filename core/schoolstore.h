// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QTimeZone>

#include <optional>

namespace ClassDesk {

class Database;

struct School
{
    QString id;
    QString name;
    QString timeZone; // IANA name, e.g. "Asia/Shanghai"
};

// Schools and their teachers. The school's time zone decides every civil date
// its classes see.
class SchoolStore : public QObject
{
    Q_OBJECT

public:
    explicit SchoolStore(Database &database, QObject *parent = nullptr);

    // Creates a school; `timeZone` must be an IANA zone name that QTimeZone recognizes.
    [[nodiscard]] Result<QString> createSchool(const QString &name, const QString &timeZone);
    [[nodiscard]] Result<QString> createTeacher(const QString &schoolId, const QString &name,
                                                const QString &account);
    [[nodiscard]] Result<School> school(const QString &id);
    // Creates the school a teacher works in before ever signing in. Schools
    // belong to the platform, so this one is never sent to it.
    [[nodiscard]] Result<QString> createLocalSchool(const QString &name, const QString &timeZone);

    // The school the platform sent, if any.
    [[nodiscard]] Result<std::optional<QString>> platformSchool();

    // Moves the classes, students, courses, courseware, assignments and
    // teachers of every local-only school into the platform's school, in one
    // transaction and without outbox rows, because the API carries no school
    // id: the platform files these rows under the teacher's school. A local
    // school left empty is deleted.
    [[nodiscard]] Status moveLocalSchoolsInto(const QString &platformSchoolId);

    // Every school in the database, oldest first.
    [[nodiscard]] Result<QList<School>> schools();

    [[nodiscard]] Result<QTimeZone> timeZone(const QString &schoolId);

    // The school's civil date at the instant `utcMs`.
    [[nodiscard]] Result<QDate> dateAt(const QString &schoolId, qint64 utcMs);

signals:
    // Emitted after a commit that changed rows of `entity`.
    void changed(const QString &entity, const QStringList &ids);

private:
    Database &m_database;
};

} // namespace ClassDesk
