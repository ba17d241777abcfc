// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QString>

namespace ClassDesk {

class Database;

// Copies the whole database into `targetPath` with SQLite's online backup API,
// which yields a consistent snapshot even while other connections write. The
// copy is written beside the target and renamed into place, so a failed backup
// never leaves a half-written file under the chosen name.
[[nodiscard]] Status backupDatabase(Database &source, const QString &targetPath);

} // namespace ClassDesk
