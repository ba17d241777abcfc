// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "rosterpreview.h"

#include <QString>

#include <optional>

namespace ClassDesk {

// What the student store offers the roster import. The preview asks it
// whether a number is taken; applying writes the rows the teacher accepted.
class RosterImportTarget
{
public:
    virtual ~RosterImportTarget() = default;

    // The name of the student who already has this student number in the
    // database, or nullopt when the number is free.
    [[nodiscard]] virtual std::optional<QString> studentNameForNumber(
        const QString &studentNumber) const = 0;

    // Creates or updates the students of one class from the rows, matched by
    // student number, in one transaction together with their outbox rows.
    [[nodiscard]] virtual Status applyRoster(const QString &classId,
                                             const QList<RosterRow> &rows) = 0;
};

} // namespace ClassDesk
