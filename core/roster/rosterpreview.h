// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "textcodec.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace ClassDesk {

// One student read from a roster file, cleaned up but not yet checked
// against the database.
struct RosterRow
{
    QString studentNumber;
    QString name;
    QString gender;    // as written in the file (男, 女, M, F, …)
    QString className; // empty when the file has no class column
    QMap<QString, QString> notes; // extra columns: header text → cell text
    int sourceRow = 0;            // 1-based row in the file or sheet
};

// Why a row, or the whole file, cannot be imported as it is.
enum class RosterProblemKind {
    Encoding,         // the text did not decode cleanly; the whole file is held back
    Unreadable,       // the file or sheet could not be read at all
    HeaderNotFound,   // no row names the name and student number columns
    MissingName,
    MissingNumber,
    InvalidNumber,    // scientific notation or a fraction
    DuplicateNumber,  // the same student number twice in the file
    NumberInUse,      // the number belongs to another student in the database
};

struct RosterProblem
{
    RosterProblemKind kind = RosterProblemKind::Unreadable;
    int row = 0;     // 1-based source row; 0 for the whole file
    QString column;  // header text of the column as in the file; empty for the row or file
    QString message; // translated, says what is wrong and what to do
};

// What an import would do: the rows found, the problems with them, and how
// the file was read, so a dialog can show it before anything is written.
struct RosterPreview
{
    std::optional<TextEncoding> encoding; // nullopt for XLSX and ODS
    bool encodingDetected = true;         // false when the caller chose the encoding
    QList<DecodingCandidate> encodingCandidates; // filled when decoding found errors
    QString sheetName;                    // the sheet read, for spreadsheets
    QStringList sheetNames;               // every sheet of a spreadsheet, in file order
    int headerRow = 0;                    // 1-based; 0 when none was found
    QList<RosterRow> rows;                // every row that has a name or a number
    QList<RosterProblem> problems;

    // True when a problem concerns the whole file (encoding, no header, not
    // readable): nothing may be imported then.
    [[nodiscard]] bool hasFileProblem() const
    {
        return std::any_of(problems.cbegin(), problems.cend(),
                           [](const RosterProblem &problem) { return problem.row == 0; });
    }

    // Rows without any problem: what an import may write after the teacher
    // has seen the problems of the others.
    [[nodiscard]] QList<RosterRow> importableRows() const
    {
        if (hasFileProblem())
            return {};
        QSet<int> troubled;
        for (const RosterProblem &problem : problems)
            troubled.insert(problem.row);
        QList<RosterRow> result;
        for (const RosterRow &row : rows) {
            if (!troubled.contains(row.sourceRow))
                result.append(row);
        }
        return result;
    }
};

} // namespace ClassDesk
