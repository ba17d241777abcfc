// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rosterproblem.h"
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
    QString gender;    // 男 or 女 for any form the file uses (M, female, 男性…); empty when unknown
    QString className; // empty when the file has no class column
    QMap<QString, QString> notes; // extra columns: header text → cell text
    int sourceRow = 0;            // 1-based row in the file or sheet
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
                           [](const RosterProblem &problem) { return problem.row == 0 && !problem.isWarning(); });
    }

    // True when a problem keeps a row or the file out of the import; warnings do not.
    [[nodiscard]] bool hasBlockingProblem() const
    {
        return std::any_of(problems.cbegin(), problems.cend(),
                           [](const RosterProblem &problem) { return !problem.isWarning(); });
    }

    // Rows without any problem: what an import may write after the teacher
    // has seen the problems of the others.
    [[nodiscard]] QList<RosterRow> importableRows() const
    {
        if (hasFileProblem())
            return {};
        QSet<int> troubled;
        for (const RosterProblem &problem : problems) {
            if (!problem.isWarning())
                troubled.insert(problem.row);
        }
        QList<RosterRow> result;
        for (const RosterRow &row : rows) {
            if (!troubled.contains(row.sourceRow))
                result.append(row);
        }
        return result;
    }

    // The same preview for an import into one class chosen for all rows: the
    // ClassMissing problems of a preview made without a class no longer apply.
    [[nodiscard]] RosterPreview forChosenClass() const
    {
        RosterPreview result = *this;
        result.problems.removeIf(
            [](const RosterProblem &problem) { return problem.kind == RosterProblemKind::ClassMissing; });
        return result;
    }
};

} // namespace ClassDesk
