// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

namespace ClassDesk {

class Database;

// The database schema, versioned with PRAGMA user_version. Migrations only go
// forward: version N is always reached from N-1. On an existing file each step
// runs in its own transaction, so a crash leaves the file at one version or
// the next. A new file gets every step in one transaction: it is either empty
// or complete.
namespace Schema {

inline constexpr int CurrentVersion = 3;

// Applies every migration the file is missing. Safe to call from several
// connections at once: each step checks the version again under the write lock.
[[nodiscard]] Status migrate(Database &database);

// The SQL that turns an empty database into version 1.
[[nodiscard]] const char *version1Sql();
// The SQL that takes a version 1 database to version 2: lesson materials and
// the queued upload state.
[[nodiscard]] const char *version2Sql();
// The SQL that adds the upload queue table to version 2.
[[nodiscard]] const char *version3Sql();

} // namespace Schema
} // namespace ClassDesk
