// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterpreviewbuilder.h"

#include "cellconversion.h"
#include "rosterheader.h"

#include <QHash>

namespace ClassDesk {

namespace {

const SheetCell &cellAt(const QList<SheetCell> &cells, int column)
{
    static const SheetCell s_empty;
    if (column < 0 || column >= cells.size())
        return s_empty;
    return cells[column];
}

bool isBlankRow(const QList<SheetCell> &cells)
{
    return std::all_of(cells.cbegin(), cells.cend(), [](const SheetCell &cell) {
        return CellConversion::cellText(cell, false).isEmpty();
    });
}

// True for a copy of the header row, which sheets laid out for printing
// repeat on every page.
bool isRepeatedHeader(const QList<SheetCell> &cells, const RosterHeader &header)
{
    return CellConversion::cellText(cellAt(cells, header.nameColumn), false)
               == header.titles.value(header.nameColumn)
           && CellConversion::cellText(cellAt(cells, header.numberColumn), false)
                  == header.titles.value(header.numberColumn);
}

// Reads one data row into a RosterRow and reports what is wrong with it.
class RowReader
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::RosterPreviewBuilder)

public:
    RowReader(const RosterHeader &header, RosterPreview &preview)
        : m_header(header), m_preview(preview)
    {
    }

    void read(const QList<SheetCell> &cells, int sourceRow);
    void checkDuplicates();
    void checkNumbersInUse(const StudentNumberLookup &lookup);

private:
    void report(RosterProblemKind kind, int row, int column, QString message)
    {
        const QString title = column >= 0 ? m_header.titles.value(column) : QString();
        m_preview.problems.append({kind, row, title, std::move(message)});
    }

    const RosterHeader &m_header;
    RosterPreview &m_preview;
};

void RowReader::read(const QList<SheetCell> &cells, int sourceRow)
{
    RosterRow row;
    row.sourceRow = sourceRow;
    row.name = CellConversion::cellText(cellAt(cells, m_header.nameColumn), false);
    row.gender = CellConversion::cellText(cellAt(cells, m_header.genderColumn), false);
    row.className = CellConversion::cellText(cellAt(cells, m_header.classColumn), false);
    for (const RosterHeader::NoteColumn &note : m_header.notes) {
        const QString value = CellConversion::cellText(cellAt(cells, note.index), note.holdsDates);
        if (!value.isEmpty())
            row.notes.insert(note.title, value);
    }

    const CellConversion::StudentNumber number =
        CellConversion::studentNumber(cellAt(cells, m_header.numberColumn));
    row.studentNumber = number.text;

    const QString numberTitle = m_header.titles.value(m_header.numberColumn);
    if (row.name.isEmpty()) {
        report(RosterProblemKind::MissingName, sourceRow, m_header.nameColumn,
               tr("Row %1: the name is missing in column \"%2\". Enter the student's name or "
                  "delete the row.")
                   .arg(sourceRow)
                   .arg(m_header.titles.value(m_header.nameColumn)));
    }
    if (row.studentNumber.isEmpty()) {
        report(RosterProblemKind::MissingNumber, sourceRow, m_header.numberColumn,
               tr("Row %1: the student number is missing in column \"%2\". Every student needs "
                  "one so the roster can be matched with the school platform.")
                   .arg(sourceRow)
                   .arg(numberTitle));
    } else if (number.issue == CellConversion::StudentNumberIssue::ScientificNotation) {
        report(RosterProblemKind::InvalidNumber, sourceRow, m_header.numberColumn,
               tr("Row %1: the student number \"%2\" in column \"%3\" is in scientific notation, "
                  "so its last digits are lost. Format the column as text in the spreadsheet "
                  "program, type the numbers again and save.")
                   .arg(sourceRow)
                   .arg(row.studentNumber, numberTitle));
    } else if (number.issue == CellConversion::StudentNumberIssue::Fractional) {
        report(RosterProblemKind::InvalidNumber, sourceRow, m_header.numberColumn,
               tr("Row %1: the student number \"%2\" in column \"%3\" is not a whole number. "
                  "Correct it in the file.")
                   .arg(sourceRow)
                   .arg(row.studentNumber, numberTitle));
    }

    m_preview.rows.append(std::move(row));
}

void RowReader::checkDuplicates()
{
    // Same name with different numbers is two students; same number twice
    // is an error on every row that has it after the first.
    QHash<QString, int> firstRowOfNumber;
    for (const RosterRow &row : std::as_const(m_preview.rows)) {
        if (row.studentNumber.isEmpty())
            continue;
        const auto existing = firstRowOfNumber.constFind(row.studentNumber);
        if (existing == firstRowOfNumber.cend()) {
            firstRowOfNumber.insert(row.studentNumber, row.sourceRow);
            continue;
        }
        report(RosterProblemKind::DuplicateNumber, row.sourceRow, m_header.numberColumn,
               tr("Row %1: the student number %2 in column \"%3\" is also on row %4. Each "
                  "student needs a number of their own; correct one of the rows.")
                   .arg(row.sourceRow)
                   .arg(row.studentNumber, m_header.titles.value(m_header.numberColumn))
                   .arg(*existing));
    }
}

void RowReader::checkNumbersInUse(const StudentNumberLookup &lookup)
{
    if (!lookup)
        return;
    for (const RosterRow &row : std::as_const(m_preview.rows)) {
        if (row.studentNumber.isEmpty())
            continue;
        const std::optional<QString> owner = lookup(row.studentNumber);
        // The same student again (same number, same name) is an update.
        if (!owner || *owner == row.name)
            continue;
        report(RosterProblemKind::NumberInUse, row.sourceRow, m_header.numberColumn,
               tr("Row %1: the student number %2 in column \"%3\" already belongs to %4. "
                  "Check the number; a student keeps the same number in every class.")
                   .arg(row.sourceRow)
                   .arg(row.studentNumber, m_header.titles.value(m_header.numberColumn), *owner));
    }
}

} // namespace

void RosterPreviewBuilder::build(const SheetTable &table, RosterPreview &preview,
                                 const StudentNumberLookup &lookup)
{
    preview.sheetName = table.name;
    const std::optional<RosterHeader> header = RosterHeader::find(table);
    if (!header) {
        preview.problems.append(
            {RosterProblemKind::HeaderNotFound, 0, {},
             tr("No header row with a name column (姓名 or Name) and a student number column "
                "(学号, 学籍号, 考号 or Student ID) was found near the top of the sheet. Add "
                "these headers above the students.")});
        return;
    }
    preview.headerRow = header->row + 1;

    RowReader reader(*header, preview);
    for (int index = header->row + 1; index < table.rows.size(); ++index) {
        const QList<SheetCell> &cells = table.rows[index];
        if (isBlankRow(cells) || isRepeatedHeader(cells, *header))
            continue;
        reader.read(cells, index + 1);
    }
    reader.checkDuplicates();
    reader.checkNumbersInUse(lookup);
}

} // namespace ClassDesk
