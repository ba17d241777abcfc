// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace ClassDesk {

// One cell of a sheet as the file stores it, before any roster rule applies.
struct SheetCell
{
    enum class Type {
        Empty,
        Text,
        Number,
        Date,
    };

    Type type = Type::Empty;
    QString text;      // Text: the string as stored, leading zeros included
    double number = 0; // Number: the value as stored
    QDate date;        // Date: a number formatted as a date in the file

    [[nodiscard]] static SheetCell fromText(QString value)
    {
        return {value.isEmpty() ? Type::Empty : Type::Text, std::move(value), 0, {}};
    }
    [[nodiscard]] static SheetCell fromNumber(double value) { return {Type::Number, {}, value, {}}; }
    [[nodiscard]] static SheetCell fromDate(QDate value) { return {Type::Date, {}, 0, value}; }
};

// A sheet's cells in rows; rows may differ in length, and a missing cell is
// empty.
struct SheetTable
{
    QString name;
    QList<QList<SheetCell>> rows;

    [[nodiscard]] static SheetTable fromText(const QList<QStringList> &textRows)
    {
        SheetTable table;
        table.rows.reserve(textRows.size());
        for (const QStringList &textRow : textRows) {
            QList<SheetCell> row;
            row.reserve(textRow.size());
            for (const QString &value : textRow)
                row.append(SheetCell::fromText(value));
            table.rows.append(std::move(row));
        }
        return table;
    }
};

} // namespace ClassDesk
