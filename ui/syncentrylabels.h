// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace ClassDesk {

class Workspace;

// The words that let the teacher recognise an entry on the Sync page. Most
// payloads carry a name or title. Attendance sheets, attendance marks and
// submissions carry only ids, so their class, student, date and assignment
// are looked up in the local database. One object serves one refresh and
// keeps the names it looked up.
class SyncEntryLabels
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::SyncEntryLabels)

public:
    explicit SyncEntryLabels(Workspace &workspace);

    // Empty when the payload has no name and the database no longer contains its ids.
    [[nodiscard]] QString label(const QString &entity, const QJsonObject &payload);

private:
    [[nodiscard]] QString studentName(const QString &studentId);
    [[nodiscard]] QString className(const QString &classId);
    // The class, date and period of an attendance sheet.
    [[nodiscard]] QString sessionText(const QString &classId, QDate date, int period);
    [[nodiscard]] QString sessionTextById(const QString &sessionId);
    [[nodiscard]] QString assignmentTitle(const QString &assignmentId);

    Workspace &m_workspace;
    QHash<QString, QString> m_studentNames;
    QHash<QString, QString> m_classNames;
    bool m_classesRead = false;
};

} // namespace ClassDesk
