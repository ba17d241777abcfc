// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include "assignmentstore.h"
#include "attendancestore.h"
#include "classstore.h"
#include "coursestore.h"
#include "coursewarestore.h"
#include "database.h"
#include "datalocation.h"
#include "lessonmaterialstore.h"
#include "lessonpublisher.h"
#include "outboxstore.h"
#include "rosterstore.h"
#include "schoolstore.h"
#include "submissionstore.h"
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
    m_courses = new CourseStore(*m_database, this);
    m_assignments = new AssignmentStore(*m_database, this);
    m_submissions = new SubmissionStore(*m_database, this);
    m_lessonMaterials = new LessonMaterialStore(*m_database, this);
    m_lessonPublisher = new LessonPublisher(*m_database, this);

    // Views watch the store of each entity; these two write rows of other
    // stores' entities, so their changes are passed on to those stores.
    connect(m_lessonMaterials, &LessonMaterialStore::changed, this,
            [this](const QString &entity, const QStringList &ids) {
                if (entity == QLatin1String("assignment"))
                    emit m_assignments->changed(entity, ids);
            });
    connect(m_lessonPublisher, &LessonPublisher::changed, this,
            [this](const QString &entity, const QStringList &ids) {
                if (entity == QLatin1String("assignment"))
                    emit m_assignments->changed(entity, ids);
                else if (entity == QLatin1String("courseware"))
                    emit m_courseware->changed(entity, ids);
                else
                    emit m_attendance->changed(entity, ids);
            });
}

Workspace::~Workspace() = default;

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &dataDirectory)
{
    auto database = Database::open(databaseFilePath(dataDirectory));
    if (!database)
        return std::unexpected(database.error());

    std::unique_ptr<Workspace> workspace(new Workspace(dataDirectory, std::move(*database)));
    if (auto chosen = workspace->chooseSchool(MoveOfflineWork::Yes); !chosen)
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

bool Workspace::hasOfflineSchool() const
{
    // Read first, because the move is a write transaction that waits for any
    // other writer, and almost every start has nothing to move.
    auto statement = m_database->prepare("SELECT EXISTS (SELECT 1 FROM school WHERE server_version IS NULL "
                                         "AND deleted_at IS NULL)");
    if (!statement)
        return true;
    const auto row = statement->step();
    return !row || !*row || statement->int64At(0) != 0;
}

Status Workspace::chooseSchool(MoveOfflineWork move)
{
    // Once the platform has sent the teacher's school, work done offline
    // before the first sign-in moves into it.
    const auto platform = m_schools->platformSchool();
    if (!platform)
        return std::unexpected(platform.error());
    if (platform->has_value()) {
        // A failed move leaves the offline work where it was, never unreadable:
        // the app still opens, and the next start tries again.
        if (move == MoveOfflineWork::Yes && hasOfflineSchool()) {
            if (auto moved = m_schools->moveLocalSchoolsInto(**platform); !moved)
                qCWarning(lcUi) << "Could not move offline work into the platform's school:" << moved.error().code;
        }
        m_schoolId = **platform;
        return {};
    }

    const auto schools = m_schools->schools();
    if (!schools)
        return std::unexpected(schools.error());
    if (!schools->isEmpty()) {
        m_schoolId = schools->first().id;
        return {};
    }

    const auto created = m_schools->createLocalSchool(tr("My school"), DefaultSchoolTimeZone);
    if (!created)
        return std::unexpected(created.error());
    m_schoolId = *created;
    qCInfo(lcUi) << "Created a local school for offline work";
    return {};
}

Status Workspace::refreshSchool()
{
    // The sync engine moves the offline work itself, on its own thread, before
    // it pushes. Moving it here would block the UI thread on the engine's or
    // an import's write lock.
    const QString previous = m_schoolId;
    if (auto chosen = chooseSchool(MoveOfflineWork::No); !chosen)
        return chosen;
    if (m_schoolId != previous) {
        qCInfo(lcUi) << "Now working in the platform's school";
        m_rosters->setSchoolId(m_schoolId);
        emit schoolChanged();
    }
    return {};
}

} // namespace ClassDesk
