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

    // Whether prepareDatabase() must run before the database is opened. It
    // must when the file is missing, when the last session did not end
    // cleanly (a crash or a power cut, after which damage is likely), or when
    // a check after the last start found damage. Otherwise the check waits
    // for checkAndBackUpInBackground(), because SQLite's quick_check reads the
    // whole file and would delay every start.
    [[nodiscard]] static bool needsCheckBeforeOpening(const QString &dataDirectory);

    // Marks a session as running in the data folder until endSession().
    static void beginSession(const QString &dataDirectory);
    static void endSession(const QString &dataDirectory);

    // In a worker thread: checks the database file unless `alreadyChecked`,
    // then takes the day's backup of a healthy file on a connection of its
    // own. A damaged file gets no backup, so the good backups are kept. The
    // next start offers to restore one, and a message over `window` reports
    // the damage.
    static void checkAndBackUpInBackground(const QString &dataDirectory, bool alreadyChecked, QWidget *window);
};

} // namespace ClassDesk
