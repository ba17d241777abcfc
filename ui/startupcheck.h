// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace ClassDesk {

class Database;

// The checks main() runs around opening the database.
class StartupCheck
{
public:
    // Checks the database file before it is opened. A damaged file, or a
    // missing one while backups exist, shows DatabaseRecoveryDialog. Returns
    // true when the app may open the database: it was healthy, it is a first
    // start, or the backup was restored. Returns false when the teacher chose
    // to quit or the restore failed (after saying why).
    [[nodiscard]] static bool prepareDatabase(const QString &dataDirectory, QWidget *parent = nullptr);

    // Takes the day's automatic backup of the opened database. A failure is
    // logged and does not stop the start, because the teacher's work is safe
    // in the database itself.
    static void backUpIfDue(Database &database, const QString &dataDirectory);
};

} // namespace ClassDesk
