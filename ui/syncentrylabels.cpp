// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncentrylabels.h"

#include "assignmentstore.h"
#include "attendancestore.h"
#include "classstore.h"
#include "workspace.h"

#include <QDate>
#include <QLocale>

namespace ClassDesk {

namespace {

QString text(const QJsonObject &payload, const char *field)
{
    return payload.value(QLatin1String(field)).toString();
}

// The name or title a payload carries itself.
QString ownLabel(const QJsonObject &payload)
{
    for (const char *field : {"name", "title", "file_name", "date"}) {
        const QString value = text(payload, field);
        if (!value.isEmpty())
            return value;
    }
    return {};
}

// Joins the parts that are known, so a missing student or sheet leaves no empty gap.
QString joinKnown(const QStringList &parts)
{
    QStringList known = parts;
    known.removeAll(QString());
    //: Separates the student, the class and the day in a row of the Sync page.
    return known.join(SyncEntryLabels::tr(", "));
}

} // namespace

SyncEntryLabels::SyncEntryLabels(Workspace &workspace)
    : m_workspace(workspace)
{
}

QString SyncEntryLabels::label(const QString &entity, const QJsonObject &payload)
{
    if (entity == QLatin1String("attendance_record")) {
        return joinKnown({studentName(text(payload, "student_id")), sessionTextById(text(payload, "session_id"))});
    }
    if (entity == QLatin1String("attendance_session")) {
        return sessionText(text(payload, "class_id"), QDate::fromString(text(payload, "date"), Qt::ISODate),
                           payload.value(QLatin1String("period")).toInt(1));
    }
    if (entity == QLatin1String("submission")) {
        return joinKnown({studentName(text(payload, "student_id")), assignmentTitle(text(payload, "assignment_id"))});
    }
    return ownLabel(payload);
}

QString SyncEntryLabels::studentName(const QString &studentId)
{
    if (studentId.isEmpty())
        return {};
    const auto cached = m_studentNames.constFind(studentId);
    if (cached != m_studentNames.cend())
        return *cached;
    const auto student = m_workspace.classes().student(studentId);
    const QString name = student ? student->name : QString();
    m_studentNames.insert(studentId, name);
    return name;
}

QString SyncEntryLabels::className(const QString &classId)
{
    if (!m_classesRead) {
        m_classesRead = true;
        if (const auto classes = m_workspace.classes().classes(m_workspace.schoolId())) {
            for (const SchoolClass &schoolClass : *classes)
                m_classNames.insert(schoolClass.id, schoolClass.name);
        }
    }
    return m_classNames.value(classId);
}

QString SyncEntryLabels::sessionText(const QString &classId, QDate date, int period)
{
    if (!date.isValid())
        return className(classId);
    const QString when = tr("%1, period %2").arg(QLocale().toString(date, QLocale::ShortFormat)).arg(period);
    return joinKnown({className(classId), when});
}

QString SyncEntryLabels::sessionTextById(const QString &sessionId)
{
    if (sessionId.isEmpty())
        return {};
    const auto session = m_workspace.attendance().session(sessionId);
    if (!session)
        return {};
    return sessionText(session->classId, session->date, session->period);
}

QString SyncEntryLabels::assignmentTitle(const QString &assignmentId)
{
    if (assignmentId.isEmpty())
        return {};
    const auto assignment = m_workspace.assignments().assignment(assignmentId);
    return assignment ? assignment->title : QString();
}

} // namespace ClassDesk
