// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ClassDesk {

// The folder that holds the teacher's database and courseware store: the
// platform's per-user application data folder unless the user chose another.
[[nodiscard]] QString defaultDataDirectory();

// The database file inside a data folder.
[[nodiscard]] QString databaseFilePath(const QString &dataDirectory);

} // namespace ClassDesk
