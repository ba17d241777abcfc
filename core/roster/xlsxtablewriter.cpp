// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsxtablewriter.h"

#include "exportfile.h"
#include "rosterlogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <xlsxwriter.h>

namespace ClassDesk {

namespace {

// Owns a workbook until workbook_close() writes and frees it.
class Workbook
{
public:
    explicit Workbook(const QByteArray &path) : m_workbook(workbook_new(path.constData())) {}
    ~Workbook()
    {
        if (m_workbook)
            workbook_close(m_workbook);
    }
    Workbook(const Workbook &) = delete;
    Workbook &operator=(const Workbook &) = delete;

    [[nodiscard]] lxw_workbook *get() const { return m_workbook; }

    // Writes the file; the workbook is gone afterwards either way.
    [[nodiscard]] lxw_error close() { return workbook_close(std::exchange(m_workbook, nullptr)); }

private:
    lxw_workbook *m_workbook;
};

struct Formats
{
    lxw_format *header = nullptr;
    lxw_format *text = nullptr;
    lxw_format *percent = nullptr;
    lxw_format *date = nullptr;
};

Formats addFormats(lxw_workbook *workbook)
{
    Formats formats;
    formats.header = workbook_add_format(workbook);
    format_set_bold(formats.header);
    format_set_text_wrap(formats.header);
    format_set_align(formats.header, LXW_ALIGN_VERTICAL_CENTER);
    // The "@" text format keeps Excel from turning a retyped student number
    // into a number.
    formats.text = workbook_add_format(workbook);
    format_set_num_format(formats.text, "@");
    formats.percent = workbook_add_format(workbook);
    format_set_num_format(formats.percent, "0.0%");
    formats.date = workbook_add_format(workbook);
    format_set_num_format(formats.date, "yyyy-mm-dd");
    return formats;
}

lxw_error writeCell(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t column, const ExportCell &cell,
                    const Formats &formats, bool header)
{
    lxw_format *textFormat = header ? formats.header : formats.text;
    switch (cell.type) {
    case ExportCell::Type::Empty:
        return LXW_NO_ERROR;
    case ExportCell::Type::Text:
        return worksheet_write_string(sheet, row, column, cell.text.toUtf8().constData(), textFormat);
    case ExportCell::Type::Number:
        return worksheet_write_number(sheet, row, column, cell.number, header ? formats.header : nullptr);
    case ExportCell::Type::Percent:
        return worksheet_write_number(sheet, row, column, cell.number, formats.percent);
    case ExportCell::Type::Date: {
        lxw_datetime datetime{cell.date.year(), cell.date.month(), cell.date.day(), 0, 0, 0};
        return worksheet_write_datetime(sheet, row, column, &datetime, formats.date);
    }
    }
    return LXW_NO_ERROR;
}

lxw_error writeTable(lxw_workbook *workbook, const ExportTable &table, int index, const Formats &formats)
{
    const QByteArray name = XlsxTableWriter::validSheetName(table.sheetName, index).toUtf8();
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, name.constData());
    if (!sheet)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;

    for (int column = 0; column < table.columnWidths.size(); ++column) {
        const auto col = static_cast<lxw_col_t>(column);
        worksheet_set_column(sheet, col, col, table.columnWidths[column], nullptr);
    }
    worksheet_freeze_panes(sheet, 1, static_cast<lxw_col_t>(table.frozenColumns));

    for (int row = 0; row < table.rows.size(); ++row) {
        const QList<ExportCell> &cells = table.rows[row];
        for (int column = 0; column < cells.size(); ++column) {
            const lxw_error error = writeCell(sheet, static_cast<lxw_row_t>(row),
                                              static_cast<lxw_col_t>(column), cells[column],
                                              formats, row == 0);
            if (error != LXW_NO_ERROR)
                return error;
        }
    }
    return LXW_NO_ERROR;
}

} // namespace

QString XlsxTableWriter::validSheetName(const QString &name, int index)
{
    QString valid = name;
    for (const QChar c : {u'[', u']', u':', u'*', u'?', u'/', u'\\'})
        valid.replace(c, u'_');
    valid = valid.trimmed().left(31);
    // An apostrophe may not start or end a sheet name.
    while (valid.startsWith(u'\''))
        valid.remove(0, 1);
    while (valid.endsWith(u'\''))
        valid.chop(1);
    if (valid.isEmpty())
        valid = QStringLiteral("Sheet%1").arg(index + 1);
    return valid;
}

Status XlsxTableWriter::write(const QString &path, const QList<ExportTable> &tables)
{
    // libxlsxwriter prints its own "[ERROR]" lines on stderr when it cannot
    // create the file, so the folder is checked first and the workbook goes
    // into a temporary file already created there.
    // NOTE: a failure after the check (e.g. a full disk) still reaches
    // stderr through libxlsxwriter; the returned error then explains it.
    if (const Status folder = ExportFile::checkFolder(path); !folder)
        return folder;
    const Result<QString> partPath = ExportFile::createTemporary(path);
    if (!partPath)
        return std::unexpected(partPath.error());

    lxw_error error = LXW_NO_ERROR;
    {
        Workbook workbook(QFile::encodeName(*partPath));
        if (!workbook.get()) {
            error = LXW_ERROR_CREATING_XLSX_FILE;
        } else {
            const Formats formats = addFormats(workbook.get());
            for (int index = 0; index < tables.size() && error == LXW_NO_ERROR; ++index)
                error = writeTable(workbook.get(), tables[index], index, formats);
            const lxw_error closed = workbook.close();
            if (error == LXW_NO_ERROR)
                error = closed;
        }
    }
    if (error == LXW_NO_ERROR)
        return ExportFile::replaceWith(*partPath, path);

    QFile::remove(*partPath);
    const QString reason = QString::fromUtf8(lxw_strerror(error));
    qCWarning(lcCoreRoster) << "Cannot write XLSX file" << path << reason;
    return makeError(QStringLiteral("export.write_failed"),
                     tr("Could not save %1 (%2). Check that the disk has free space, then export again.")
                         .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()), reason));
}

} // namespace ClassDesk
