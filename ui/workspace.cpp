// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include "attendancestore.h"
#include "classstore.h"
#include "coursewarestore.h"
#include "database.h"
#include "datalocation.h"
#include "outboxstore.h"
#include "rosterstore.h"
#include "schoolstore.h"
#include "uilogging.h"

#include <QSysInfo>

namespace ClassDesk {

namespace {

// Chinese schools keep Beijing time; the platform's school record replaces
// this once the teacher signs in.
const QString DefaultSchoolTimeZone = QStringLiteral("Asia/Shanghai");

} // namespace

Workspace::Workspace(QString dataDirectory, std::unique_ptr<Database> database)
    : m_dataDirectory(std::move(dataDirectory))
    , m_database(std::move(database))
{
    m_schools = new SchoolStore(*m_database, this);
    m_classes = new ClassStore(*m_database, this);
    // TODO: name the device by a per-installation id rather than the host name,
    // which school computer rooms often share.
    m_attendance = new AttendanceStore(*m_database, QSysInfo::machineHostName(), this);
    m_outbox = new OutboxStore(*m_database, this);
    m_courseware = new CoursewareStore(*m_database, this);
}

Workspace::~Workspace() = default;

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &dataDirectory)
{
    auto database = Database::open(databaseFilePath(dataDirectory));
    if (!database)
        return std::unexpected(database.error());

    std::unique_ptr<Workspace> workspace(new Workspace(dataDirectory, std::move(*database)));
    if (auto chosen = workspace->chooseSchool(); !chosen)
        return std::unexpected(chosen.error());

    // Views watch the class store; roster imports change the same tables.
    workspace->m_rosters = new RosterStore(workspace->database(), workspace->m_schoolId, workspace.get());
    connect(workspace->m_rosters, &RosterStore::changed, workspace->m_classes, &ClassStore::changed);
    return workspace;
}

QString Workspace::databasePath() const
{
    return m_database->filePath();
}

Status Workspace::chooseSchool()
{
    const auto schools = m_schools->schools();
    if (!schools)
        return std::unexpected(schools.error());
    if (!schools->isEmpty()) {
        m_schoolId = schools->first().id;
        return {};
    }

    const auto created = m_schools->createSchool(tr("My school"), DefaultSchoolTimeZone);
    if (!created)
        return std::unexpected(created.error());
    m_schoolId = *created;
    qCInfo(lcUi) << "Created a local school for offline work";
    return {};
}

} // namespace ClassDesk
