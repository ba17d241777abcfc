// SPDX-License-Identifier: GPL-3.0-or-later
#include "orcusspreadsheetreader.h"

#include "odspackage.h"
#include "ooxmlpackage.h"

#include "rosterlogging.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

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
constexpr ixion::row_t s_maxRows = OoxmlPackage::s_maxRows;
constexpr ixion::col_t s_maxColumns = OoxmlPackage::s_maxColumns;

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
// 27-36 and 50-58 that Chinese Excel uses. The time-only formats 45-47 are
// left out. Formats 18-21 are times too, but a time in a roster is rare
// enough that reading it as a date does no harm.
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

// The cell formats (xf indices) whose number format is a date. A cell
// format stores the number format's identifier (numFmtId in XLSX), not its
// position in the styles store, so custom formats are matched by identifier.
QSet<std::size_t> dateCellFormats(const ss::styles &styles)
{
    QHash<std::size_t, bool> customIsDate;
    for (std::size_t index = 0; index < styles.get_number_format_count(); ++index) {
        const ss::number_format_t *format = styles.get_number_format(index);
        if (format)
            customIsDate.insert(plainValue(format->identifier), isDateFormatCode(plainValue(format->format_string)));
    }

    QSet<std::size_t> result;
    for (std::size_t index = 0; index < styles.get_cell_formats_count(); ++index) {
        const ss::cell_format_t *cellFormat = styles.get_cell_format(index);
        if (!cellFormat)
            continue;
        const std::size_t identifier = plainValue(cellFormat->number_format);
        if (customIsDate.value(identifier, isBuiltInDateFormat(identifier)))
            result.insert(index);
    }
    return result;
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Decodes the _xHHHH_ escapes of OOXML strings (ECMA-376 Part 1, 22.9.2.19),
// which liborcus 0.17 passes through: Excel and libxlsxwriter write a
// carriage return as _x000D_ and a literal "_x" as _x005F_x.
QString decodeOoxmlEscapes(QString text)
{
    static const QRegularExpression escape(QStringLiteral("_x([0-9A-Fa-f]{4})_"));
    if (!text.contains(u"_x"))
        return text;

    QString decoded;
    qsizetype last = 0;
    for (QRegularExpressionMatchIterator matches = escape.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        decoded += QStringView(text).sliced(last, match.capturedStart() - last);
        decoded += QChar(char16_t(match.captured(1).toUShort(nullptr, 16)));
        last = match.capturedEnd();
    }
    decoded += QStringView(text).sliced(last);
    return decoded;
}

// Days from day 0 of the document's date system to a date.
QDate dateFromSerial(QDate origin, double serial)
{
    return origin.addDays(static_cast<qint64>(std::floor(serial)));
}

// The cells of one sheet and how to read them.
struct SheetSource
{
    const ss::document &document;
    const ss::sheet &sheet;
    ixion::sheet_t index;
    QSet<std::size_t> dateFormats;
    bool ooxmlStrings; // XLSX: strings may carry _xHHHH_ escapes
    QDate origin;      // day 0 of the date serials
};

SheetCell readCell(const SheetSource &source, ixion::row_t row, ixion::col_t column)
{
    // cell_access classifies a formula cell by its cached result.
    const ixion::cell_access access = source.document.get_model_context().get_cell_access(
        ixion::abs_address_t(source.index, row, column));
    switch (access.get_value_type()) {
    case ixion::cell_value_t::string: {
        QString text = toQString(access.get_string_value());
        return SheetCell::fromText(source.ooxmlStrings ? decodeOoxmlEscapes(std::move(text)) : text);
    }
    case ixion::cell_value_t::numeric: {
        const double value = access.get_numeric_value();
        if (source.dateFormats.contains(source.sheet.get_cell_format(row, column)))
            return SheetCell::fromDate(dateFromSerial(source.origin, value));
        return SheetCell::fromNumber(value);
    }
    case ixion::cell_value_t::boolean:
        return SheetCell::fromText(access.get_boolean_value() ? QStringLiteral("TRUE")
                                                              : QStringLiteral("FALSE"));
    default:
        return {};
    }
}

std::unexpected<Error> damagedWorkbook(const QString &reason)
{
    return makeError(QStringLiteral("roster.spreadsheet_damaged"),
                     OrcusSpreadsheetReader::tr("The workbook is damaged and cannot be read (%1). Open it in Excel, "
                                                "WPS or LibreOffice and save it again, or save it as CSV, then "
                                                "import the saved file.")
                         .arg(reason));
}

} // namespace

struct OrcusSpreadsheetReader::Document
{
    // Excel's full sheet size; orcus allocates cells lazily.
    ss::document model{ss::range_size_t{1048576, 16384}};
    Format format = Format::Xlsx;
    bool date1904 = false; // XLSX: serials count from 1904-01-01
};

OrcusSpreadsheetReader::OrcusSpreadsheetReader(std::unique_ptr<Document> document)
    : m_document(std::move(document))
{
}

OrcusSpreadsheetReader::~OrcusSpreadsheetReader() = default;

Result<std::unique_ptr<SpreadsheetReader>> OrcusSpreadsheetReader::load(const QByteArray &data,
                                                                       Format format)
{
    // orcus only sees the package as rewritten here, because liborcus 0.17
    // aborts the process on some damaged files instead of throwing.
    Result<OoxmlPackage::Rewritten> package = OoxmlPackage::Rewritten{};
    if (format == Format::Xlsx) {
        package = OoxmlPackage::rewriteForOrcus(data);
    } else if (auto ods = OdsPackage::rewriteForOrcus(data)) {
        package->package = std::move(*ods);
    } else {
        package = std::unexpected(ods.error());
    }
    if (!package) {
        qCWarning(lcCoreRoster) << "Rejected the spreadsheet before parsing:" << package.error().code;
        if (package.error().code != QLatin1String("roster.spreadsheet_damaged"))
            return std::unexpected(package.error());
        return damagedWorkbook(package.error().message);
    }

    auto document = std::make_unique<Document>();
    document->format = format;
    document->date1904 = package->date1904;
    const std::string_view stream(package->package.constData(), static_cast<std::size_t>(package->package.size()));

    // orcus reports the remaining problems with exceptions, which stop here.
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
        // Some orcus exceptions carry no text, so the message gets a reason of its own.
        QString detail = QString::fromUtf8(exception.what()).trimmed();
        if (detail.isEmpty())
            detail = tr("the file is damaged or is not a spreadsheet");
        return damagedWorkbook(detail);
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

    const orcus::date_time_t origin = model.get_origin_date();
    const QDate documentOrigin = m_document->date1904 ? QDate(1904, 1, 1)
                                                      : QDate(origin.year, origin.month, origin.day);
    const SheetSource source{model, *sheet, static_cast<ixion::sheet_t>(index),
                             dateCellFormats(model.get_styles()), m_document->format == Format::Xlsx, documentOrigin};
    const ixion::row_t lastRow = std::min(range.last.row, s_maxRows - 1);
    const ixion::col_t lastColumn = std::min(range.last.column, s_maxColumns - 1);
    if (qint64(lastRow + 1) * (lastColumn + 1) > OoxmlPackage::s_maxCells) {
        return makeError(QStringLiteral("roster.spreadsheet_too_large"),
                         tr("Sheet \"%1\" uses %2 rows and %3 columns, far more than a roster needs. Delete the "
                            "unused cells, or save the roster as CSV, and import that file.")
                             .arg(table.name)
                             .arg(lastRow + 1)
                             .arg(lastColumn + 1));
    }
    for (ixion::row_t row = 0; row <= lastRow; ++row) {
        QList<SheetCell> cells;
        cells.reserve(lastColumn + 1);
        for (ixion::col_t column = 0; column <= lastColumn; ++column)
            cells.append(readCell(source, row, column));
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
