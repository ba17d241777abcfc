// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QString>

namespace ClassDesk {

// The start-up check's finding about the database file.
struct DatabaseHealth
{
    enum class State {
        Healthy, // quick_check passed
        Absent,  // no file yet: a first start, or a file that was deleted
        Damaged, // unreadable, empty or failing quick_check
    };

    State state = State::Healthy;
    QString detail; // SQLite's first complaint, untranslated, for the log and the dialog
};

// Runs SQLite's quick_check on the database file without creating or
// migrating anything. An existing file of zero bytes counts as damaged,
// because SQLite would silently treat it as a new, empty database.
[[nodiscard]] DatabaseHealth checkDatabaseFile(const QString &databasePath);

// Replaces the database with a copy of `backupPath`. The damaged file and its
// -wal and -shm files are kept beside it with a ".damaged-<time>" suffix, so
// nothing is deleted that support might still rescue.
[[nodiscard]] Status restoreDatabase(const QString &backupPath, const QString &databasePath);

} // namespace ClassDesk
