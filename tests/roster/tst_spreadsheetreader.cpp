// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterfixtures.h"
#include "rosterimporter.h"
#include "spreadsheetreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <xlsxwriter.h>

using namespace ClassDesk;
using namespace Qt::StringLiterals;

namespace {

// Writes the XLSX fixture the way Excel stores a typed-in roster. It has a
// title row, student numbers as numbers, date cells with a date format and
// text cells with leading zeros. The sheet has a Chinese name and follows an
// empty sheet.
bool writeXlsxFixture(const QString &path)
{
    lxw_workbook *workbook = workbook_new(QFile::encodeName(path).constData());
    if (!workbook)
        return false;
    workbook_add_worksheet(workbook, "说明");
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "高一(3)班");
    lxw_format *date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
    lxw_format *text = workbook_add_format(workbook);
    format_set_num_format(text, "@");

    worksheet_write_string(sheet, 0, 0, "高一(3)班 学生名单", nullptr);
    const char *headers[] = {"学号", "姓名", "入学日期", "座号", "备注"};
    for (lxw_col_t column = 0; column < 5; ++column)
        worksheet_write_string(sheet, 2, column, headers[column], nullptr);

    lxw_datetime enrolled{2025, 9, 1, 0, 0, 0};
    worksheet_write_number(sheet, 3, 0, 2025010231, nullptr);
    worksheet_write_string(sheet, 3, 1, "郑一鸣", nullptr);
    worksheet_write_datetime(sheet, 3, 2, &enrolled, date);
    worksheet_write_string(sheet, 3, 3, "007", text);
    worksheet_write_string(sheet, 3, 4, "走读\r\n午托", nullptr); // stored as 走读_x000D_\n午托

    worksheet_write_number(sheet, 4, 0, 2025010232, nullptr);
    worksheet_write_string(sheet, 4, 1, "冯佳", nullptr);
    worksheet_write_number(sheet, 4, 2, 45902, date); // 2025-09-02 as a serial
    worksheet_write_string(sheet, 4, 3, "012", text);
    return workbook_close(workbook) == LXW_NO_ERROR;
}

} // namespace

class SpreadsheetReaderTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString m_xlsxPath;

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        m_xlsxPath = m_folder.filePath(u"roster.xlsx"_s);
        QVERIFY(writeXlsxFixture(m_xlsxPath));
    }

    void formatFollowsExtension()
    {
        QCOMPARE(SpreadsheetReader::formatForFileName(u"a.XLSX"_s), std::optional(SpreadsheetReader::Format::Xlsx));
        QCOMPARE(SpreadsheetReader::formatForFileName(u"a.ods"_s), std::optional(SpreadsheetReader::Format::Ods));
        QVERIFY(!SpreadsheetReader::formatForFileName(u"a.csv"_s).has_value());
    }

    void openWithoutLibraryExplains()
    {
        if (SpreadsheetReader::isAvailable())
            QSKIP("Built with liborcus");
        const RosterPreview preview = RosterImporter::previewFile(m_xlsxPath);
        QCOMPARE(preview.problems.size(), 1);
        QCOMPARE(preview.problems.first().kind, RosterProblemKind::Unreadable);
        QVERIFY(preview.problems.first().message.contains(u"CSV"_s));
    }

    void xlsxSheetNames()
    {
        if (!SpreadsheetReader::isAvailable())
            QSKIP("Built without liborcus (CLASSDESK_SPREADSHEET_IMPORT=OFF)");
        auto reader = SpreadsheetReader::open(RosterFixtures::readAll(m_xlsxPath), SpreadsheetReader::Format::Xlsx);
        QVERIFY(reader.has_value());
        QCOMPARE((*reader)->sheetNames(), (QStringList{u"说明"_s, u"高一(3)班"_s}));
    }

    void xlsxCellTypes()
    {
        if (!SpreadsheetReader::isAvailable())
            QSKIP("Built without liborcus (CLASSDESK_SPREADSHEET_IMPORT=OFF)");
        auto reader = SpreadsheetReader::open(RosterFixtures::readAll(m_xlsxPath), SpreadsheetReader::Format::Xlsx);
        QVERIFY(reader.has_value());
        const Result<SheetTable> table = (*reader)->readSheet(u"高一(3)班"_s);
        QVERIFY(table.has_value());

        const QList<SheetCell> &row = table->rows.value(3);
        QCOMPARE(row.value(0).type, SheetCell::Type::Number);
        QCOMPARE(row.value(0).number, 2025010231.0);
        QCOMPARE(row.value(1).text, u"郑一鸣"_s);
        QCOMPARE(row.value(2).type, SheetCell::Type::Date);
        QCOMPARE(row.value(2).date, QDate(2025, 9, 1));
        QCOMPARE(row.value(3).text, u"007"_s);
        QCOMPARE(row.value(4).text, u"走读\r\n午托"_s);
    }

    void xlsxRosterPreview()
    {
        if (!SpreadsheetReader::isAvailable())
            QSKIP("Built without liborcus (CLASSDESK_SPREADSHEET_IMPORT=OFF)");
        RosterImportOptions options;
        options.sheetName = u"高一(3)班"_s;
        const RosterPreview preview = RosterImporter::previewFile(m_xlsxPath, options);

        QVERIFY(preview.problems.isEmpty());
        QVERIFY(!preview.encoding.has_value());
        QCOMPARE(preview.headerRow, 3);
        QCOMPARE(preview.rows.size(), 2);
        QCOMPARE(preview.rows[0].studentNumber, u"2025010231"_s);
        QCOMPARE(preview.rows[0].notes.value(u"入学日期"_s), u"2025-09-01"_s);
        QCOMPARE(preview.rows[1].notes.value(u"入学日期"_s), u"2025-09-02"_s);
        QCOMPARE(preview.rows[0].notes.value(u"座号"_s), u"007"_s);
        QCOMPARE(preview.rows[0].notes.value(u"备注"_s), u"走读\n午托"_s);
    }

    void odsRosterPreview()
    {
        if (!SpreadsheetReader::isAvailable())
            QSKIP("Built without liborcus (CLASSDESK_SPREADSHEET_IMPORT=OFF)");
        const RosterPreview preview = RosterImporter::previewFile(RosterFixtures::path("roster.ods"));

        QVERIFY(preview.problems.isEmpty());
        QCOMPARE(preview.sheetName, u"学生名单"_s);
        QCOMPARE(preview.rows.size(), 2);
        QCOMPARE(preview.rows[0].studentNumber, u"2025010231"_s);
        QCOMPARE(preview.rows[0].name, u"郑一鸣"_s);
        QCOMPARE(preview.rows[0].notes.value(u"入学日期"_s), u"2025-09-01"_s);
        QCOMPARE(preview.rows[0].notes.value(u"座号"_s), u"007"_s);
    }

    void damagedXlsxIsFileProblem()
    {
        if (!SpreadsheetReader::isAvailable())
            QSKIP("Built without liborcus (CLASSDESK_SPREADSHEET_IMPORT=OFF)");
        QByteArray damaged = RosterFixtures::readAll(m_xlsxPath);
        damaged.truncate(damaged.size() / 2);
        const RosterPreview preview = RosterImporter::previewSpreadsheet(damaged, SpreadsheetReader::Format::Xlsx);
        QVERIFY(preview.hasFileProblem());
    }
};

QTEST_GUILESS_MAIN(SpreadsheetReaderTest)
#include "tst_spreadsheetreader.moc"
