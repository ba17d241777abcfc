// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Roster import and export: file names, sizes, encodings and counts only,
// never a student's name or number.
Q_DECLARE_LOGGING_CATEGORY(lcCoreRoster)
