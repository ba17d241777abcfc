// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheettable.h"

#include <QList>
#include <QString>

#include <optional>

namespace ClassDesk {

// The header row of a roster sheet and what each column holds.
struct RosterHeader
{
    // A column the roster keeps as a note, with its header text.
    struct NoteColumn
    {
        int index = 0;
        QString title;
        bool holdsDates = false; // the title names a date (出生日期, date of birth…)
    };

    int row = 0; // 0-based index into SheetTable::rows
    int numberColumn = -1;
    int nameColumn = -1;
    int genderColumn = -1;
    int classColumn = -1;
    QList<QString> titles; // header text of every column, cleaned
    QList<NoteColumn> notes;

    // Finds the first row, among the first rows of the table, that names
    // both a name and a student number column. Title rows ("高一(3)班 学生名单")
    // and blank rows before it are skipped.
    [[nodiscard]] static std::optional<RosterHeader> find(const SheetTable &table);

    // Which roster field a header text names, e.g. "学 号" and "Student ID"
    // both name the student number.
    enum class Field {
        Other,
        StudentNumber,
        Name,
        Gender,
        ClassName,
    };
    [[nodiscard]] static Field fieldForTitle(QStringView title);
};

} // namespace ClassDesk
