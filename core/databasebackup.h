// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ClassDesk {

class Database;

// Copies the whole database into `targetPath` with SQLite's online backup API,
// which yields a consistent snapshot even while other connections write. The
// copy is written beside the target and renamed into place, so a failed backup
// never leaves a half-written file under the chosen name.
[[nodiscard]] Status backupDatabase(Database &source, const QString &targetPath);

// Automatic backups: one copy a day, taken at the first start of that day, in
// the data folder's backups/ subfolder as classdesk-YYYY-MM-DD.sqlite3. The
// newest AutomaticBackupsKept files stay; older ones are deleted.
inline constexpr int AutomaticBackupsKept = 7;

[[nodiscard]] QString automaticBackupFolder(const QString &dataDirectory);

// The automatic backups in a data folder, newest first.
[[nodiscard]] QStringList automaticBackups(const QString &dataDirectory);

// Writes today's backup unless one exists (the date is `now` in local time),
// then deletes the oldest beyond AutomaticBackupsKept. Returns whether a
// backup was written.
[[nodiscard]] Result<bool> backUpIfDue(Database &source, const QString &dataDirectory,
                                       const QDateTime &now = QDateTime::currentDateTime());

} // namespace ClassDesk
