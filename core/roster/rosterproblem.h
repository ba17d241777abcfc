// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>

namespace ClassDesk {

// The reason a row, or the whole file, cannot be imported as it is.
enum class RosterProblemKind {
    Encoding,         // the text did not decode cleanly; the whole file is held back
    Unreadable,       // the file or sheet could not be read at all
    Empty,            // the file or sheet has no cells with text
    HeaderNotFound,   // no row names the name and student number columns
    NoStudents,       // a header row, but no student rows below it
    MissingName,
    MissingNumber,
    InvalidNumber,    // scientific notation or a fraction
    DuplicateNumber,  // the same student number twice in the file
    NumberInUse,      // the number belongs to another student in the database
    ClassMissing,     // no class chosen for the import, and the row names none
    UnknownGender,    // a warning: the student is imported without a gender
};

struct RosterProblem
{
    RosterProblemKind kind = RosterProblemKind::Unreadable;
    int row = 0;     // 1-based source row; 0 for the whole file
    QString column;  // header text of the column as in the file; empty for the row or file
    QString message; // translated: what is wrong and what to do
    // The error code shown with the message and explained in the user guide,
    // e.g. "roster.number_duplicate"; codeFor(kind) unless a reader's error
    // gave its own.
    QString code;

    // A warning leaves the row importable; every other problem keeps it out.
    [[nodiscard]] bool isWarning() const { return kind == RosterProblemKind::UnknownGender; }

    // The message followed by the code, as screens and the CLI show errors.
    [[nodiscard]] QString displayText() const;

    // The stable error code of a problem kind.
    [[nodiscard]] static QString codeFor(RosterProblemKind kind);

    // The stable name of a problem kind, e.g. "duplicate_number", and back;
    // an unknown name reads as Unreadable.
    [[nodiscard]] static QString kindName(RosterProblemKind kind);
    [[nodiscard]] static RosterProblemKind kindFromName(const QString &name);

    [[nodiscard]] static RosterProblem make(RosterProblemKind kind, int row, QString column, QString message)
    {
        return {kind, row, std::move(column), std::move(message), codeFor(kind)};
    }
};

} // namespace ClassDesk
