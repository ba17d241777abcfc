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
    void checkClasses();

private:
    void report(RosterProblemKind kind, int row, int column, QString message)
    {
        const QString title = column >= 0 ? m_header.titles.value(column) : QString();
        m_preview.problems.append(RosterProblem::make(kind, row, title, std::move(message)));
    }

    const RosterHeader &m_header;
    RosterPreview &m_preview;
};

void RowReader::read(const QList<SheetCell> &cells, int sourceRow)
{
    RosterRow row;
    row.sourceRow = sourceRow;
    row.name = CellConversion::cellText(cellAt(cells, m_header.nameColumn), false);
    const QString genderText = CellConversion::cellText(cellAt(cells, m_header.genderColumn), false);
    const std::optional<QString> gender = RosterPreviewBuilder::genderFromText(genderText);
    row.gender = gender.value_or(QString());
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
    if (!gender) {
        report(RosterProblemKind::UnknownGender, sourceRow, m_header.genderColumn,
               tr("Row %1: \"%2\" in column \"%3\" is not a gender ClassDesk knows (男 or 女, 男性 or "
                  "女性, 男生 or 女生, M or F, male or female, boy or girl). The student is imported without "
                  "it; correct the cell and import the file again to set the gender.")
                   .arg(sourceRow)
                   .arg(genderText, m_header.titles.value(m_header.genderColumn)));
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

void RowReader::checkClasses()
{
    // RosterStore::importRows() rejects the whole import at the first row
    // without a class, so the preview names every such row first.
    if (m_header.classColumn < 0) {
        m_preview.problems.append(RosterProblem::make(
            RosterProblemKind::ClassMissing, 0, {},
            tr("The file has no class column (班级 or Class), and no class was chosen for the "
               "import. Choose the class to import the students into.")));
        return;
    }
    for (const RosterRow &row : std::as_const(m_preview.rows)) {
        if (!row.className.trimmed().isEmpty())
            continue;
        report(RosterProblemKind::ClassMissing, row.sourceRow, m_header.classColumn,
               tr("Row %1: the class is missing in column \"%2\". Enter the class, or choose one "
                  "class for all students.")
                   .arg(row.sourceRow)
                   .arg(m_header.titles.value(m_header.classColumn)));
    }
}

} // namespace

std::optional<QString> RosterPreviewBuilder::genderFromText(const QString &text)
{
    static const QStringList s_male = {QStringLiteral("男"), QStringLiteral("男性"), QStringLiteral("男生"),
                                       QStringLiteral("m"), QStringLiteral("male"), QStringLiteral("boy")};
    static const QStringList s_female = {QStringLiteral("女"), QStringLiteral("女性"), QStringLiteral("女生"),
                                         QStringLiteral("f"), QStringLiteral("female"), QStringLiteral("girl")};

    // Compatibility normalisation turns full-width Ｍ into M.
    const QString folded = text.normalized(QString::NormalizationForm_KC).trimmed().toCaseFolded();
    if (folded.isEmpty())
        return QString();
    if (s_male.contains(folded))
        return QStringLiteral("男");
    if (s_female.contains(folded))
        return QStringLiteral("女");
    return std::nullopt;
}

void RosterPreviewBuilder::build(const SheetTable &table, RosterPreview &preview,
                                 const StudentNumberLookup &lookup, bool requireRowClasses)
{
    preview.sheetName = table.name;
    if (std::all_of(table.rows.cbegin(), table.rows.cend(), isBlankRow)) {
        preview.problems.append(RosterProblem::make(
            RosterProblemKind::Empty, 0, {},
            table.name.isEmpty()
                ? tr("The file is empty. Check that you chose the right file; a roster open in a "
                     "spreadsheet program must be saved there before it is imported.")
                : tr("The sheet \"%1\" is empty. Choose the sheet that lists the students.").arg(table.name)));
        return;
    }

    const std::optional<RosterHeader> header = RosterHeader::find(table);
    if (!header) {
        preview.problems.append(RosterProblem::make(
            RosterProblemKind::HeaderNotFound, 0, {},
            tr("No header row with a name column (姓名 or Name) and a student number column "
               "(学号, 学籍号, 考号 or Student ID) was found near the top of the sheet. Add "
               "these headers above the students.")));
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
    if (preview.rows.isEmpty()) {
        preview.problems.append(RosterProblem::make(
            RosterProblemKind::NoStudents, 0, {},
            tr("Row %1 is a header row, but no student rows follow it. Add the students below the "
               "header, or check that you chose the right file and sheet.")
                .arg(preview.headerRow)));
        return;
    }
    reader.checkDuplicates();
    reader.checkNumbersInUse(lookup);
    if (requireRowClasses)
        reader.checkClasses();
}

} // namespace ClassDesk
