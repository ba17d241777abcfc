// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterimportjob.h"

#include "classstore.h"
#include "database.h"
#include "uilogging.h"
#include "workspace.h"

#include <QThread>

namespace ClassDesk {

RosterImportJob::RosterImportJob(Workspace &workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{
}

RosterImportJob::~RosterImportJob()
{
    if (m_thread)
        m_thread->wait();
}

void RosterImportJob::start(const QList<RosterRow> &rows, const QString &classId, const QString &className)
{
    if (m_running)
        return;
    if (m_thread)
        m_thread->wait();
    m_running = true;

    const QString databasePath = m_workspace.databasePath();
    const QString schoolId = m_workspace.schoolId();
    ClassStore *classes = &m_workspace.classes();
    m_thread.reset(QThread::create([this, databasePath, schoolId, classes, rows, classId, className] {
        Result<RosterImportSummary> result;
        if (auto database = Database::open(databasePath); !database) {
            result = std::unexpected(database.error());
        } else {
            RosterStore store(**database, schoolId);
            // Queued, so the UI thread's views reload after the commit.
            connect(&store, &RosterStore::changed, classes, &ClassStore::changed, Qt::QueuedConnection);
            // The named class is found or created here too, because its write
            // transaction would wait on the UI thread for any running sync.
            const auto target = className.isEmpty() ? Result<QString>(classId) : store.classNamed(className);
            if (target)
                result = store.importRows(rows, *target, {});
            else
                result = std::unexpected(target.error());
        }
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                m_result = result;
                m_running = false;
                if (!result)
                    qCWarning(lcUi) << "Roster import failed:" << result.error().code;
                emit finished();
            },
            Qt::QueuedConnection);
    }));
    m_thread->setObjectName(QStringLiteral("roster-import"));
    m_thread->start();
}

} // namespace ClassDesk
