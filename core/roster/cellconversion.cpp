// SPDX-License-Identifier: GPL-3.0-or-later
#include "cellconversion.h"

#include <QRegularExpression>

#include <cmath>

namespace ClassDesk::CellConversion {

namespace {

bool isBlank(QChar c)
{
    // QChar::isSpace covers U+3000 and U+00A0; the zero-width characters and
    // the byte order mark are format characters and need naming.
    return c.isSpace() || c == QChar(0x200B) || c == QChar(0x200C) || c == QChar(0x200D)
           || c == QChar(0xFEFF);
}

// Whole numbers up to 2^53 (16 digits) are exact in a double. A longer
// number in a number cell has lost digits already.
constexpr double s_maxExactInteger = 9007199254740992.0;

// Excel serial 1 is 1900-01-01, so serials up to 59 count from 1899-12-31.
// Excel also counts a 1900-02-29 that never existed (serial 60), so serials
// from 61 on count from 1899-12-30.
const QDate s_excelEpochAfterLeapBug(1899, 12, 30);
const QDate s_excelEpochBeforeLeapBug(1899, 12, 31);

} // namespace

QString cleanText(QStringView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isBlank(text[begin]))
        ++begin;
    while (end > begin && isBlank(text[end - 1]))
        --end;

    // Line breaks inside a cell are LF, as Excel stores them; CSV written on
    // Windows has CRLF there.
    QString cleaned = text.sliced(begin, end - begin).toString();
    cleaned.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    cleaned.replace(u'\r', u'\n');
    return cleaned;
}

QString formatNumber(double value)
{
    if (!std::isfinite(value))
        return {};
    if (std::floor(value) == value && std::fabs(value) <= s_maxExactInteger)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', 15);
}

std::optional<QDate> dateFromExcelSerial(double serial)
{
    if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) // 2958466 is 10000-01-01
        return std::nullopt;

    const auto day = static_cast<qint64>(std::floor(serial));
    if (day == 60)
        return std::nullopt;
    if (day < 60)
        return s_excelEpochBeforeLeapBug.addDays(day);
    return s_excelEpochAfterLeapBug.addDays(day);
}

std::optional<QDate> parseTextDate(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$)"));

    const QString ascii = text.toString().normalized(QString::NormalizationForm_KC);
    const QRegularExpressionMatch match = pattern.match(ascii);
    if (!match.hasMatch())
        return std::nullopt;

    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(),
                     match.captured(3).toInt());
    if (!date.isValid())
        return std::nullopt;
    return date;
}

QString cellText(const SheetCell &cell, bool dateColumn)
{
    switch (cell.type) {
    case SheetCell::Type::Empty:
        return {};
    case SheetCell::Type::Date:
        return cell.date.toString(Qt::ISODate);
    case SheetCell::Type::Number:
        if (dateColumn) {
            if (const auto date = dateFromExcelSerial(cell.number))
                return date->toString(Qt::ISODate);
        }
        return formatNumber(cell.number);
    case SheetCell::Type::Text:
        break;
    }

    const QString text = cleanText(cell.text);
    if (dateColumn) {
        if (const auto date = parseTextDate(text))
            return date->toString(Qt::ISODate);
    }
    return text;
}

StudentNumber studentNumber(const SheetCell &cell)
{
    switch (cell.type) {
    case SheetCell::Type::Empty:
        return {};
    case SheetCell::Type::Number:
        if (std::fabs(cell.number) > s_maxExactInteger)
            return {formatNumber(cell.number), StudentNumberIssue::ScientificNotation};
        if (std::floor(cell.number) != cell.number)
            return {formatNumber(cell.number), StudentNumberIssue::Fractional};
        return {formatNumber(cell.number), StudentNumberIssue::None};
    case SheetCell::Type::Date:
        // The file formatted the number as a date; the serial is the number.
        return {formatNumber(s_excelEpochAfterLeapBug.daysTo(cell.date)), StudentNumberIssue::None};
    case SheetCell::Type::Text:
        break;
    }

    // NFKC turns full-width digits and letters (２０２５, Ａ) into ASCII.
    QString text = cleanText(cell.text).normalized(QString::NormalizationForm_KC);
    if (text.startsWith(u'\''))
        text.remove(0, 1);
    text.removeIf([](QChar c) { return isBlank(c); });

    static const QRegularExpression scientific(
        QStringLiteral(R"(^[+-]?\d+(\.\d+)?[eE][+-]?\d+$)"));
    if (scientific.match(text).hasMatch())
        return {text, StudentNumberIssue::ScientificNotation};
    return {text, StudentNumberIssue::None};
}

} // namespace ClassDesk::CellConversion
