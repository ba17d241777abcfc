// SPDX-License-Identifier: GPL-3.0-or-later
#include "databasebackup.h"

#include "corelogging.h"
#include "database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace ClassDesk {

namespace {

Error backupError(const QString &targetPath, const QString &detail)
{
    qCWarning(lcCoreDb) << "Backup to" << QDir::toNativeSeparators(targetPath) << "failed:" << detail;
    return Error{QStringLiteral("db.backup_failed"),
                 QCoreApplication::translate("ClassDesk::DatabaseBackup",
                                             "The backup could not be written to %1 (%2). Check that the "
                                             "folder exists, is writable and has free space, then try again.")
                     .arg(QDir::toNativeSeparators(targetPath), detail),
                 0, true};
}

} // namespace

Status backupDatabase(Database &source, const QString &targetPath)
{
    const QString partialPath = targetPath + QStringLiteral(".partial");
    QFile::remove(partialPath);

    sqlite3 *target = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(partialPath).constData(), &target,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        const QString detail = QString::fromUtf8(target ? sqlite3_errmsg(target) : "out of memory");
        sqlite3_close_v2(target);
        return std::unexpected(backupError(targetPath, detail));
    }

    // Copying all pages in one step holds the read lock briefly; the database is
    // small enough (tens of MB for years of data) for that to be the fastest way.
    sqlite3_backup *backup = sqlite3_backup_init(target, "main", source.handle(), "main");
    int rc = backup ? sqlite3_backup_step(backup, -1) : sqlite3_errcode(target);
    if (backup)
        sqlite3_backup_finish(backup);
    const QString detail = QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_close_v2(target);

    if (rc != SQLITE_DONE) {
        QFile::remove(partialPath);
        return std::unexpected(backupError(targetPath, detail));
    }

    QFile::setPermissions(partialPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile::remove(targetPath);
    if (!QFile::rename(partialPath, targetPath)) {
        QFile::remove(partialPath);
        return std::unexpected(backupError(targetPath, QCoreApplication::translate("ClassDesk::DatabaseBackup",
                                                                                "the file could not be renamed")));
    }
    qCInfo(lcCoreDb) << "Backed up the database to" << QDir::toNativeSeparators(targetPath);
    return {};
}

QString automaticBackupFolder(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("backups"));
}

QStringList automaticBackups(const QString &dataDirectory)
{
    // The ISO date in the name sorts by age.
    const QDir folder(automaticBackupFolder(dataDirectory));
    const QStringList names = folder.entryList({QStringLiteral("classdesk-\?\?\?\?-\?\?-\?\?.sqlite3")}, QDir::Files,
                                               QDir::Name | QDir::Reversed);
    QStringList paths;
    for (const QString &name : names)
        paths.append(folder.filePath(name));
    return paths;
}

Result<bool> backUpIfDue(Database &source, const QString &dataDirectory, const QDateTime &now)
{
    const QDir folder(automaticBackupFolder(dataDirectory));
    const QString todaysPath = folder.filePath(
        QStringLiteral("classdesk-%1.sqlite3").arg(now.toLocalTime().date().toString(Qt::ISODate)));
    if (QFileInfo::exists(todaysPath))
        return false;

    if (!folder.mkpath(QStringLiteral(".")))
        return std::unexpected(backupError(todaysPath, QCoreApplication::translate("ClassDesk::DatabaseBackup",
                                                                                   "the folder could not be created")));
    if (auto written = backupDatabase(source, todaysPath); !written)
        return std::unexpected(written.error());

    const QStringList backups = automaticBackups(dataDirectory);
    for (qsizetype i = AutomaticBackupsKept; i < backups.size(); ++i) {
        if (!QFile::remove(backups.at(i)))
            qCWarning(lcCoreDb) << "Could not delete the old backup" << QDir::toNativeSeparators(backups.at(i));
    }
    return true;
}

} // namespace ClassDesk
