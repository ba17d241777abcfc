// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace ClassDesk {

// One cell of an exported sheet, typed so XLSX gets real numbers and dates
// while CSV gets their text.
struct ExportCell
{
    enum class Type {
        Empty,
        Text,
        Number,
        Percent, // number is a fraction: 0.95 is written as 95.0%
        Date,
    };

    Type type = Type::Empty;
    QString text;
    double number = 0;
    QDate date;

    [[nodiscard]] static ExportCell fromText(QString value) { return {Type::Text, std::move(value), 0, {}}; }
    [[nodiscard]] static ExportCell fromNumber(double value) { return {Type::Number, {}, value, {}}; }
    [[nodiscard]] static ExportCell fromPercent(double fraction) { return {Type::Percent, {}, fraction, {}}; }
    [[nodiscard]] static ExportCell fromDate(QDate value) { return {Type::Date, {}, 0, value}; }

    // The cell as CSV text: numbers without exponent, 95.0%, YYYY-MM-DD.
    [[nodiscard]] QString toText() const;
};

// A sheet to export: a header row, then data rows.
struct ExportTable
{
    QString sheetName;
    QList<QList<ExportCell>> rows; // rows[0] is the header
    int frozenColumns = 0;         // leading columns kept visible when scrolling sideways
    QList<double> columnWidths;    // in Excel character units; missing ones stay default
};

} // namespace ClassDesk
