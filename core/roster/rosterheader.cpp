// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterheader.h"

#include "cellconversion.h"

#include <array>
#include <utility>

namespace ClassDesk {

namespace {

// Headers are compared after NFKC, lower-casing and removing spaces,
// underscores, hyphens and the asterisk that marks required columns.
constexpr std::array<std::pair<const char16_t *, RosterHeader::Field>, 21> s_aliases{{
    {u"学号", RosterHeader::Field::StudentNumber},
    {u"学籍号", RosterHeader::Field::StudentNumber},
    {u"考号", RosterHeader::Field::StudentNumber},
    {u"studentnumber", RosterHeader::Field::StudentNumber},
    {u"studentid", RosterHeader::Field::StudentNumber},
    {u"studentno", RosterHeader::Field::StudentNumber},
    {u"number", RosterHeader::Field::StudentNumber},
    {u"id", RosterHeader::Field::StudentNumber},
    {u"姓名", RosterHeader::Field::Name},
    {u"学生姓名", RosterHeader::Field::Name},
    {u"name", RosterHeader::Field::Name},
    {u"studentname", RosterHeader::Field::Name},
    {u"fullname", RosterHeader::Field::Name},
    {u"性别", RosterHeader::Field::Gender},
    {u"gender", RosterHeader::Field::Gender},
    {u"sex", RosterHeader::Field::Gender},
    {u"班级", RosterHeader::Field::ClassName},
    {u"所在班级", RosterHeader::Field::ClassName},
    {u"班别", RosterHeader::Field::ClassName},
    {u"class", RosterHeader::Field::ClassName},
    {u"classname", RosterHeader::Field::ClassName},
}};

// A note column whose title contains one of these holds dates.
constexpr std::array<const char16_t *, 5> s_dateWords{u"日期", u"生日", u"出生", u"date", u"birth"};

// A header is this close to the top: sheets put at most a few title rows
// above it, and searching further would take a data row for the header.
constexpr int s_maxHeaderSearchRows = 30;

QString normalizedTitle(QStringView title)
{
    QString key = CellConversion::cleanText(title).normalized(QString::NormalizationForm_KC).toLower();
    key.removeIf([](QChar c) { return c.isSpace() || c == u'_' || c == u'-' || c == u'*' || c == u'.'; });
    return key;
}

bool titleHoldsDates(QStringView title)
{
    const QString key = normalizedTitle(title);
    return std::any_of(s_dateWords.cbegin(), s_dateWords.cend(),
                       [&key](const char16_t *word) { return key.contains(QStringView(word)); });
}

// Fills the column indices from one candidate row; false when the row does
// not name both a name and a student number column.
bool readHeaderRow(const QList<SheetCell> &cells, RosterHeader &header)
{
    for (int column = 0; column < cells.size(); ++column) {
        const SheetCell &cell = cells[column];
        const QString title = cell.type == SheetCell::Type::Text
                                  ? CellConversion::cleanText(cell.text)
                                  : CellConversion::cellText(cell, false);
        header.titles.append(title);
        if (title.isEmpty())
            continue;

        int *slot = nullptr;
        switch (RosterHeader::fieldForTitle(title)) {
        case RosterHeader::Field::StudentNumber:
            slot = &header.numberColumn;
            break;
        case RosterHeader::Field::Name:
            slot = &header.nameColumn;
            break;
        case RosterHeader::Field::Gender:
            slot = &header.genderColumn;
            break;
        case RosterHeader::Field::ClassName:
            slot = &header.classColumn;
            break;
        case RosterHeader::Field::Other:
            break;
        }

        // The first column of a kind wins; a second one (e.g. 学号 and
        // 学籍号 side by side) is kept as a note.
        if (slot && *slot < 0)
            *slot = column;
        else
            header.notes.append({column, title, titleHoldsDates(title)});
    }
    return header.nameColumn >= 0 && header.numberColumn >= 0;
}

} // namespace

RosterHeader::Field RosterHeader::fieldForTitle(QStringView title)
{
    const QString key = normalizedTitle(title);
    for (const auto &[alias, field] : s_aliases) {
        if (key == QStringView(alias))
            return field;
    }
    return Field::Other;
}

std::optional<RosterHeader> RosterHeader::find(const SheetTable &table)
{
    const int searched = static_cast<int>(std::min<qsizetype>(table.rows.size(), s_maxHeaderSearchRows));
    for (int row = 0; row < searched; ++row) {
        RosterHeader header;
        header.row = row;
        if (readHeaderRow(table.rows[row], header))
            return header;
    }
    return std::nullopt;
}

} // namespace ClassDesk
