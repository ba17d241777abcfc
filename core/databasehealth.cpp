// SPDX-License-Identifier: GPL-3.0-or-later
#include "databasehealth.h"

#include "corelogging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace ClassDesk {

namespace {

DatabaseHealth damaged(const QString &databasePath, const QString &detail)
{
    qCWarning(lcCoreDb) << "The database" << QDir::toNativeSeparators(databasePath) << "is damaged:" << detail;
    return {DatabaseHealth::State::Damaged, detail};
}

Error restoreError(const QString &databasePath, const QString &detail)
{
    qCWarning(lcCoreDb) << "Restoring" << QDir::toNativeSeparators(databasePath) << "failed:" << detail;
    return Error{QStringLiteral("db.restore_failed"),
                 QCoreApplication::translate("ClassDesk::DatabaseHealth",
                                             "The backup could not be restored to %1 (%2). Check that the folder "
                                             "is writable and has free space, then start ClassDesk again.")
                     .arg(QDir::toNativeSeparators(databasePath), detail),
                 0, true};
}

} // namespace

DatabaseHealth checkDatabaseFile(const QString &databasePath)
{
    const QFileInfo file(databasePath);
    if (!file.exists())
        return {DatabaseHealth::State::Absent, {}};
    if (file.size() == 0)
        return damaged(databasePath, QStringLiteral("the file is empty"));

    // Read-write without CREATE: quick_check needs the -shm file of a WAL
    // database, and a missing file must not be created here.
    sqlite3 *handle = nullptr;
    int rc = sqlite3_open_v2(QFile::encodeName(databasePath).constData(), &handle, SQLITE_OPEN_READWRITE, nullptr);
    QString detail;
    if (rc == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        rc = sqlite3_prepare_v2(handle, "PRAGMA quick_check", -1, &statement, nullptr);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(statement);
            // quick_check returns one row "ok", or rows that describe each problem.
            if (rc == SQLITE_ROW) {
                detail = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
                rc = detail == QLatin1String("ok") ? SQLITE_OK : SQLITE_CORRUPT;
            }
        }
        sqlite3_finalize(statement);
    }
    if (rc != SQLITE_OK && detail.isEmpty())
        detail = QString::fromUtf8(handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
    sqlite3_close_v2(handle);

    if (rc != SQLITE_OK)
        return damaged(databasePath, detail);
    return {DatabaseHealth::State::Healthy, {}};
}

Status restoreDatabase(const QString &backupPath, const QString &databasePath)
{
    if (checkDatabaseFile(backupPath).state != DatabaseHealth::State::Healthy)
        return std::unexpected(restoreError(databasePath, QCoreApplication::translate("ClassDesk::DatabaseHealth", "the backup %1 is damaged too")
                                                              .arg(QDir::toNativeSeparators(backupPath))));

    const QString suffix =
        QStringLiteral(".damaged-%1").arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    for (const QString &extension : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QString path = databasePath + extension;
        if (QFileInfo::exists(path) && !QFile::rename(path, path + suffix))
            return std::unexpected(restoreError(databasePath, QCoreApplication::translate("ClassDesk::DatabaseHealth", "%1 could not be renamed")
                                                                  .arg(QDir::toNativeSeparators(path))));
    }

    const QString partialPath = databasePath + QStringLiteral(".partial");
    QFile::remove(partialPath);
    if (!QFile::copy(backupPath, partialPath) || !QFile::rename(partialPath, databasePath)) {
        QFile::remove(partialPath);
        return std::unexpected(restoreError(databasePath, QCoreApplication::translate("ClassDesk::DatabaseHealth", "the copy failed")));
    }
    QFile::setPermissions(databasePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qCInfo(lcCoreDb) << "Restored the database from" << QDir::toNativeSeparators(backupPath);
    return {};
}

} // namespace ClassDesk
