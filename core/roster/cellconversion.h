// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheettable.h"

#include <QDate>
#include <QString>

#include <optional>

// Rules that turn stored cell values into roster text.
namespace ClassDesk::CellConversion {

// Trims white space at both ends, including the ideographic space U+3000,
// no-break spaces and zero-width characters that copy-paste leaves behind,
// and turns CRLF and CR inside the text into LF.
[[nodiscard]] QString cleanText(QStringView text);

// Writes a number without exponent or trailing ".0" when it is a whole
// number (2025010201 stays "2025010201"), else with up to 15 significant digits.
[[nodiscard]] QString formatNumber(double value);

// The civil date of an Excel serial day number in the 1900 date system.
// Serial 60 is the 29 February 1900 that Excel counts although it never
// existed, so it has no date; serials below 1 have none either.
[[nodiscard]] std::optional<QDate> dateFromExcelSerial(double serial);

// Parses 2024-09-01, 2024/9/1, 2024.9.1 and 2024年9月1日 (digits may be
// full-width). Returns nullopt for anything else, including plain numbers.
[[nodiscard]] std::optional<QDate> parseTextDate(QStringView text);

// A cell as text for a name, gender, class or note column: numbers without
// exponent, dates as YYYY-MM-DD (text dates too).
[[nodiscard]] QString cellText(const SheetCell &cell, bool dateColumn);

// Reasons a student number cell cannot be used as it is.
enum class StudentNumberIssue {
    None,
    ScientificNotation, // "2.02501E+09" or a number beyond 2^53: digits are already lost
    Fractional,         // a number with a fraction cannot be a student number
};

struct StudentNumber
{
    QString text;
    StudentNumberIssue issue = StudentNumberIssue::None;
};

// A student number as text: whole numbers written out in full, text kept
// with its leading zeros, full-width digits and letters made ASCII, white
// space and an Excel text-marking apostrophe removed. Never a date.
[[nodiscard]] StudentNumber studentNumber(const SheetCell &cell);

} // namespace ClassDesk::CellConversion
