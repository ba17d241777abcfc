// SPDX-License-Identifier: GPL-3.0-or-later
#include "startupcheck.h"

#include "database.h"
#include "databasebackup.h"
#include "databasehealth.h"
#include "databaserecoverydialog.h"
#include "datalocation.h"
#include "uilogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPointer>
#include <QThreadPool>

namespace ClassDesk {

namespace {

// Present while a session runs; one left behind means it did not end cleanly.
const QString RunningMarker = QStringLiteral("classdesk.running");
// Present after a check found the file damaged, until a check passes.
const QString DamagedMarker = QStringLiteral("classdesk.damaged");

QString markerPath(const QString &dataDirectory, const QString &marker)
{
    return QDir(dataDirectory).filePath(marker);
}

void writeMarker(const QString &dataDirectory, const QString &marker)
{
    QFile file(markerPath(dataDirectory, marker));
    if (!file.open(QIODevice::WriteOnly))
        qCWarning(lcUi) << "Cannot write" << QDir::toNativeSeparators(file.fileName()) << file.errorString();
}

void showDamage(QWidget *window, const QString &databasePath)
{
    auto *box = new QMessageBox(QMessageBox::Warning,
                                QCoreApplication::translate("ClassDesk::StartupCheck", "Local database damaged"),
                                QCoreApplication::translate("ClassDesk::StartupCheck",
                                                            "A check found that the local database %1 is damaged. "
                                                            "Quit and start ClassDesk again to restore the latest "
                                                            "automatic backup.")
                                    .arg(QDir::toNativeSeparators(databasePath)),
                                QMessageBox::Ok, window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace

bool StartupCheck::prepareDatabase(const QString &dataDirectory, QWidget *parent)
{
    const QString databasePath = databaseFilePath(dataDirectory);
    const DatabaseHealth health = checkDatabaseFile(databasePath);
    const QStringList backups = automaticBackups(dataDirectory);
    if (health.state == DatabaseHealth::State::Healthy) {
        QFile::remove(markerPath(dataDirectory, DamagedMarker));
        return true;
    }
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
    QFile::remove(markerPath(dataDirectory, DamagedMarker));
    return true;
}

bool StartupCheck::needsCheckBeforeOpening(const QString &dataDirectory)
{
    return !QFileInfo::exists(databaseFilePath(dataDirectory))
           || QFileInfo::exists(markerPath(dataDirectory, RunningMarker))
           || QFileInfo::exists(markerPath(dataDirectory, DamagedMarker));
}

void StartupCheck::beginSession(const QString &dataDirectory)
{
    writeMarker(dataDirectory, RunningMarker);
}

void StartupCheck::endSession(const QString &dataDirectory)
{
    QFile::remove(markerPath(dataDirectory, RunningMarker));
}

void StartupCheck::checkAndBackUpInBackground(const QString &dataDirectory, bool alreadyChecked, QWidget *window)
{
    const QString databasePath = databaseFilePath(dataDirectory);
    QPointer<QWidget> target(window);
    QThreadPool::globalInstance()->start([dataDirectory, databasePath, alreadyChecked, target] {
        if (!alreadyChecked) {
            const DatabaseHealth health = checkDatabaseFile(databasePath);
            if (health.state != DatabaseHealth::State::Healthy) {
                qCWarning(lcUi) << "The database check after the start failed:" << health.detail;
                writeMarker(dataDirectory, DamagedMarker);
                QMetaObject::invokeMethod(
                    QCoreApplication::instance(),
                    [target, databasePath] {
                        if (target)
                            showDamage(target, databasePath);
                    },
                    Qt::QueuedConnection);
                return;
            }
        }

        auto database = Database::open(databasePath);
        if (!database) {
            qCWarning(lcUi) << "The automatic backup could not open the database:" << database.error().code;
            return;
        }
        backUpIfDue(**database, dataDirectory);
    });
}

void StartupCheck::backUpIfDue(Database &database, const QString &dataDirectory)
{
    if (auto written = ClassDesk::backUpIfDue(database, dataDirectory); !written)
        qCWarning(lcUi) << "The automatic backup failed:" << written.error().toLogString();
}

} // namespace ClassDesk
