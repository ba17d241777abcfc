// SPDX-License-Identifier: GPL-3.0-or-later
//
// NOTE: not yet compiled against liborcus. The calls follow the liborcus
// and libixion 0.17 headers, and tst_spreadsheetreader covers this file once
// the build has CLASSDESK_SPREADSHEET_IMPORT=ON.
#include "orcusspreadsheetreader.h"

#include "rosterlogging.h"

#include <QRegularExpression>

#include <ixion/address.hpp>
#include <ixion/cell_access.hpp>
#include <ixion/model_context.hpp>
#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/document.hpp>
#include <orcus/spreadsheet/factory.hpp>
#include <orcus/spreadsheet/sheet.hpp>
#include <orcus/spreadsheet/styles.hpp>
#include <orcus/types.hpp>

#include <cmath>
#include <exception>
#include <optional>
#include <string_view>

namespace ClassDesk {

namespace {

namespace ss = orcus::spreadsheet;

// Sheets larger than this are cut: a roster never comes close, and the cap
// bounds the memory a damaged file can make the copy take.
constexpr ixion::row_t s_maxRows = 100'000;
constexpr ixion::col_t s_maxColumns = 512;

// Newer orcus releases wrap style fields in std::optional; this reads both.
template<typename T>
T plainValue(const std::optional<T> &value)
{
    return value.value_or(T{});
}

template<typename T>
T plainValue(const T &value)
{
    return value;
}

// Excel's built-in date formats: 14-22 everywhere, plus the CJK date formats
// 27-36 and 50-58 that Chinese Excel uses. Time-only formats (45-47) are not
// dates, although 18-21 in the first range are times too; a time in a roster
// is rare enough that a date from it is harmless.
bool isBuiltInDateFormat(std::size_t identifier)
{
    return (identifier >= 14 && identifier <= 22) || (identifier >= 27 && identifier <= 36)
           || (identifier >= 50 && identifier <= 58);
}

// A custom format code is a date when, outside quoted text and [..] blocks,
// it has a year or day part, or the Chinese 年/月/日.
bool isDateFormatCode(std::string_view code)
{
    const QString text = QString::fromUtf8(code.data(), qsizetype(code.size()));
    static const QRegularExpression literals(QStringLiteral(R"("[^"]*"|\[[^\]]*\]|\\.)"));
    QString stripped = text;
    stripped.remove(literals);
    stripped = stripped.toLower();
    return stripped.contains(u'y') || stripped.contains(u'd') || text.contains(u'年')
           || text.contains(u'日');
}

bool hasDateFormat(const ss::document &document, const ss::sheet &sheet, ixion::row_t row,
                   ixion::col_t column)
{
    const ss::styles &styles = document.get_styles();
    const ss::cell_format_t *cellFormat = styles.get_cell_format(sheet.get_cell_format(row, column));
    if (!cellFormat)
        return false;

    const std::size_t numberFormatIndex = plainValue(cellFormat->number_format);
    const ss::number_format_t *numberFormat = styles.get_number_format(numberFormatIndex);
    if (!numberFormat)
        return isBuiltInDateFormat(numberFormatIndex);
    if (isBuiltInDateFormat(plainValue(numberFormat->identifier)))
        return true;
    return isDateFormatCode(plainValue(numberFormat->format_string));
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Days from the document's day 0 (1899-12-30 in XLSX and ODS) to a date.
QDate dateFromSerial(const ss::document &document, double serial)
{
    const orcus::date_time_t origin = document.get_origin_date();
    return QDate(origin.year, origin.month, origin.day).addDays(static_cast<qint64>(std::floor(serial)));
}

SheetCell readCell(const ss::document &document, const ss::sheet &sheet, ixion::sheet_t sheetIndex,
                   ixion::row_t row, ixion::col_t column)
{
    // cell_access classifies a formula cell by its cached result.
    const ixion::cell_access access =
        document.get_model_context().get_cell_access(ixion::abs_address_t(sheetIndex, row, column));
    switch (access.get_value_type()) {
    case ixion::cell_value_t::string:
        return SheetCell::fromText(toQString(access.get_string_value()));
    case ixion::cell_value_t::numeric: {
        const double value = access.get_numeric_value();
        if (hasDateFormat(document, sheet, row, column))
            return SheetCell::fromDate(dateFromSerial(document, value));
        return SheetCell::fromNumber(value);
    }
    case ixion::cell_value_t::boolean:
        return SheetCell::fromText(access.get_boolean_value() ? QStringLiteral("TRUE")
                                                              : QStringLiteral("FALSE"));
    default:
        return {};
    }
}

} // namespace

struct OrcusSpreadsheetReader::Document
{
    // Excel's full sheet size; orcus allocates cells lazily.
    ss::document model{ss::range_size_t{1048576, 16384}};
};

OrcusSpreadsheetReader::OrcusSpreadsheetReader(std::unique_ptr<Document> document)
    : m_document(std::move(document))
{
}

OrcusSpreadsheetReader::~OrcusSpreadsheetReader() = default;

Result<std::unique_ptr<SpreadsheetReader>> OrcusSpreadsheetReader::load(const QByteArray &data,
                                                                       Format format)
{
    auto document = std::make_unique<Document>();
    const std::string_view stream(data.constData(), static_cast<std::size_t>(data.size()));

    // orcus reports malformed files with exceptions; they stop here.
    try {
        ss::import_factory factory(document->model);
        if (format == Format::Xlsx) {
            orcus::orcus_xlsx loader(&factory);
            loader.read_stream(stream);
        } else {
            orcus::orcus_ods loader(&factory);
            loader.read_stream(stream);
        }
    } catch (const std::exception &exception) {
        qCWarning(lcCoreRoster) << "liborcus could not read the spreadsheet:" << exception.what();
        return makeError(QStringLiteral("roster.spreadsheet_invalid"),
                         tr("The file could not be read as an %1 workbook (%2). Open it in the "
                            "spreadsheet program, save it again and retry.")
                             .arg(format == Format::Xlsx ? QStringLiteral("XLSX") : QStringLiteral("ODS"),
                                  QString::fromUtf8(exception.what())));
    }

    return std::unique_ptr<SpreadsheetReader>(new OrcusSpreadsheetReader(std::move(document)));
}

QStringList OrcusSpreadsheetReader::sheetNames() const
{
    QStringList names;
    const ss::document &model = m_document->model;
    for (std::size_t index = 0; index < model.get_sheet_count(); ++index)
        names.append(toQString(model.get_sheet_name(static_cast<ss::sheet_t>(index))));
    return names;
}

Result<SheetTable> OrcusSpreadsheetReader::readSheet(int index) const
{
    const ss::document &model = m_document->model;
    if (index < 0 || static_cast<std::size_t>(index) >= model.get_sheet_count()) {
        return makeError(QStringLiteral("roster.sheet_not_found"),
                         tr("The workbook has no sheet number %1.").arg(index + 1));
    }

    const ss::sheet *sheet = model.get_sheet(static_cast<ss::sheet_t>(index));
    SheetTable table;
    table.name = toQString(model.get_sheet_name(static_cast<ss::sheet_t>(index)));

    const ixion::abs_range_t range = sheet->get_data_range();
    if (!range.valid())
        return table;

    const ixion::row_t lastRow = std::min(range.last.row, s_maxRows - 1);
    const ixion::col_t lastColumn = std::min(range.last.column, s_maxColumns - 1);
    for (ixion::row_t row = 0; row <= lastRow; ++row) {
        QList<SheetCell> cells;
        cells.reserve(lastColumn + 1);
        for (ixion::col_t column = 0; column <= lastColumn; ++column)
            cells.append(readCell(model, *sheet, static_cast<ixion::sheet_t>(index), row, column));
        table.rows.append(std::move(cells));
    }
    return table;
}

bool SpreadsheetReader::isAvailable()
{
    return true;
}

Result<std::unique_ptr<SpreadsheetReader>> SpreadsheetReader::open(const QByteArray &data, Format format)
{
    if (data.size() > s_maxFileSize) {
        return makeError(QStringLiteral("roster.spreadsheet_too_large"),
                         tr("The workbook is larger than %1 MB, which is far more than a roster "
                            "needs. Check that this is the right file.")
                             .arg(s_maxFileSize / (1024 * 1024)));
    }
    return OrcusSpreadsheetReader::load(data, format);
}

} // namespace ClassDesk
