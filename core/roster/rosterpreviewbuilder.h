// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rosterpreview.h"
#include "sheettable.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

namespace ClassDesk {

// Returns the name of the student who already has a student number in the
// database, or nullopt when it is free. RosterImportTarget provides one.
using StudentNumberLookup = std::function<std::optional<QString>(const QString &studentNumber)>;

// Turns the cells of one sheet into roster rows and problems: finds the
// header, cleans each cell and checks each row. Touches no database.
class RosterPreviewBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::RosterPreviewBuilder)

public:
    // Fills preview.headerRow, rows and problems from the table. The lookup
    // may be empty, and then no number counts as taken.
    static void build(const SheetTable &table, RosterPreview &preview,
                      const StudentNumberLookup &lookup = {});
};

} // namespace ClassDesk
