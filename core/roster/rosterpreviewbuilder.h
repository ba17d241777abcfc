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
    // may be empty, and then no number counts as taken. With
    // `requireRowClasses`, a row without a class is a problem.
    static void build(const SheetTable &table, RosterPreview &preview,
                      const StudentNumberLookup &lookup = {}, bool requireRowClasses = false);

    // 男 or 女 for the forms teachers write (男, 男性, 男生, M, male, boy and
    // the same for 女, in any letter case and width), an empty string for
    // an empty cell, and nullopt for anything else.
    [[nodiscard]] static std::optional<QString> genderFromText(const QString &text);
};

} // namespace ClassDesk
