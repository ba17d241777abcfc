// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QTimeZone>

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
