// SPDX-License-Identifier: GPL-3.0-or-later
#include "startupcheck.h"

#include "databasebackup.h"
#include "databasehealth.h"
#include "databaserecoverydialog.h"
#include "datalocation.h"
#include "uilogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>

namespace ClassDesk {

bool StartupCheck::prepareDatabase(const QString &dataDirectory, QWidget *parent)
{
    const QString databasePath = databaseFilePath(dataDirectory);
    const DatabaseHealth health = checkDatabaseFile(databasePath);
    const QStringList backups = automaticBackups(dataDirectory);
    if (health.state == DatabaseHealth::State::Healthy)
        return true;
    if (health.state == DatabaseHealth::State::Absent && backups.isEmpty())
        return true; // the first start

    // A missing file with backups beside it means the teacher's data went
    // somewhere: starting empty would hide that.
    const QString backupPath = backups.value(0);
    DatabaseRecoveryDialog dialog(health, databasePath, backupPath, parent);
    if (dialog.exec() != QDialog::Accepted) {
        qCWarning(lcUi) << "The teacher quit instead of restoring" << QDir::toNativeSeparators(databasePath);
        return false;
    }

    if (auto restored = restoreDatabase(backupPath, databasePath); !restored) {
        QMessageBox::critical(parent, QCoreApplication::translate("ClassDesk::StartupCheck", "Restore failed"),
                              restored.error().displayText());
        return false;
    }
    return true;
}

void StartupCheck::backUpIfDue(Database &database, const QString &dataDirectory)
{
    if (auto written = ClassDesk::backUpIfDue(database, dataDirectory); !written)
        qCWarning(lcUi) << "The automatic backup failed:" << written.error().toLogString();
}

} // namespace ClassDesk
