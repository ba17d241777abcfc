// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendanceexporter.h"
#include "csvwriter.h"
#include "rosterexporter.h"
#include "rosterfixtures.h"
#include "rosterimporter.h"
#include "spreadsheetreader.h"
#include "xlsxtablewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace ClassDesk;
using namespace Qt::StringLiterals;

namespace {

// Three students over one week: four sessions inside the range, one after it.
AttendanceReportInput sampleAttendance()
{
    AttendanceReportInput input;
    input.className = u"高一(3)班"_s;
    input.from = QDate(2025, 9, 1);
    input.to = QDate(2025, 9, 5);
    input.students = {{u"s1"_s, u"2025010201"_s, u"张𠮷"_s},
                      {u"s2"_s, u"2025010202"_s, u"王芳"_s},
                      {u"s3"_s, u"2025010203"_s, u"王芳"_s}};
    // Listed out of order on purpose: the sheet sorts sessions by date.
    input.sessions = {{u"d3"_s, QDate(2025, 9, 3), u"第1节"_s},
                      {u"d1"_s, QDate(2025, 9, 1), u"第1节"_s},
                      {u"d2"_s, QDate(2025, 9, 2), QString()},
                      {u"d4"_s, QDate(2025, 9, 5), u"第3节"_s},
                      {u"later"_s, QDate(2025, 9, 8), u"第1节"_s}};
    input.marks = {{u"d1"_s, u"s1"_s, AttendanceStatus::Present},
                   {u"d2"_s, u"s1"_s, AttendanceStatus::Late},
                   {u"d3"_s, u"s1"_s, AttendanceStatus::Absent},
                   {u"d4"_s, u"s1"_s, AttendanceStatus::Leave},
                   {u"d1"_s, u"s2"_s, AttendanceStatus::EarlyLeave},
                   {u"d2"_s, u"s2"_s, AttendanceStatus::Present},
                   {u"later"_s, u"s2"_s, AttendanceStatus::Absent},
                   {u"d1"_s, u"unknown"_s, AttendanceStatus::Absent}};
    return input;
}

QStringList rowText(const ExportTable &table, int row)
{
    QStringList texts;
    for (const ExportCell &cell : table.rows[row])
        texts.append(cell.toText());
    return texts;
}

// Rows as the store would see them: the source row is where the file had
// them, which may differ after a round trip.
QList<RosterRow> withoutSourceRows(QList<RosterRow> rows)
{
    for (RosterRow &row : rows)
        row.sourceRow = 0;
    return rows;
}

bool sameRows(const QList<RosterRow> &a, const QList<RosterRow> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].studentNumber != b[i].studentNumber || a[i].name != b[i].name || a[i].gender != b[i].gender
            || a[i].className != b[i].className || a[i].notes != b[i].notes)
            return false;
    }
    return true;
}

} // namespace

class RosterExportTest : public QObject
{
    Q_OBJECT

private slots:
    void attendanceKeepsSessionsInRangeByDate()
    {
        const AttendanceReport report = AttendanceReport::build(sampleAttendance());
        QCOMPARE(report.sessions().size(), 4);
        QCOMPARE(report.sessions().first().id, u"d1"_s);
        QCOMPARE(report.sessions().last().id, u"d4"_s);
    }

    void attendanceCountsEachStatus()
    {
        const AttendanceReport report = AttendanceReport::build(sampleAttendance());
        const AttendanceReport::StudentLine &first = report.lines()[0];
        QCOMPARE(first.total(AttendanceStatus::Present), 1);
        QCOMPARE(first.total(AttendanceStatus::Late), 1);
        QCOMPARE(first.total(AttendanceStatus::Absent), 1);
        QCOMPARE(first.total(AttendanceStatus::Leave), 1);
        QCOMPARE(first.total(AttendanceStatus::EarlyLeave), 0);
        QCOMPARE(report.lines()[1].total(AttendanceStatus::Absent), 0); // the later session is outside
    }

    void attendanceRatesCountMarkedSessions()
    {
        const AttendanceReport report = AttendanceReport::build(sampleAttendance());
        QCOMPARE(report.lines()[0].rate(), std::optional(0.5));
        QCOMPARE(report.lines()[1].rate(), std::optional(1.0));
        QVERIFY(!report.lines()[2].rate().has_value());
        QCOMPARE(report.sessionRate(0), std::optional(1.0));
        QCOMPARE(report.sessionRate(2), std::optional(0.0));
    }

    void attendanceTableLayout()
    {
        const ExportTable table = AttendanceReport::build(sampleAttendance()).toTable();
        QCOMPARE(table.rows.size(), 5); // header, three students, session rates
        QCOMPARE(rowText(table, 0).mid(2, 4),
                 (QStringList{u"09-01\n第1节"_s, u"09-02"_s, u"09-03\n第1节"_s, u"09-05\n第3节"_s}));
        QCOMPARE(rowText(table, 1),
                 (QStringList{u"2025010201"_s, u"张𠮷"_s, u"√"_s, u"迟"_s, u"×"_s, u"假"_s,
                              u"1"_s, u"1"_s, u"1"_s, u"1"_s, u"0"_s, u"50.0%"_s}));
        QCOMPARE(rowText(table, 2).mid(2, 4), (QStringList{u"早"_s, u"√"_s, QString(), QString()}));
        QCOMPARE(rowText(table, 4).mid(2, 4), (QStringList{u"100.0%"_s, u"100.0%"_s, u"0.0%"_s, u"0.0%"_s}));
        QCOMPARE(table.frozenColumns, 2);
    }

    void attendanceTotalsAreNumbers()
    {
        const ExportTable table = AttendanceReport::build(sampleAttendance()).toTable();
        QCOMPARE(table.rows[1][6].type, ExportCell::Type::Number);
        QCOMPARE(table.rows[1][11].type, ExportCell::Type::Percent);
        QCOMPARE(table.rows[1][0].type, ExportCell::Type::Text);
    }

    void attendanceSymbolsConfigurable()
    {
        AttendanceSymbols symbols;
        symbols.present = u"P"_s;
        symbols.absent = u"A"_s;
        const ExportTable table = AttendanceReport::build(sampleAttendance()).toTable(symbols);
        QCOMPARE(table.rows[1][2].text, u"P"_s);
        QCOMPARE(table.rows[1][4].text, u"A"_s);
        QCOMPARE(table.rows[1][3].text, u"迟"_s);
    }

    void csvHasBomCrlfAndQuotes()
    {
        ExportTable table;
        table.rows = {{ExportCell::fromText(u"a,b"_s), ExportCell::fromText(u"say \"hi\""_s)},
                      {ExportCell::fromText(u"line\nbreak"_s), ExportCell::fromNumber(2025010201)}};
        const QByteArray csv = CsvWriter::toCsv(table);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(csv.sliced(3), QByteArray("\"a,b\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",2025010201\r\n"));
    }

    void attendanceCsvWritten()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(u"attendance.csv"_s);
        QVERIFY(AttendanceExporter::writeCsv(path, sampleAttendance()).has_value());
        const QByteArray bytes = RosterFixtures::readAll(path);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(QString::fromUtf8(bytes).contains(u"2025010201,张𠮷,√,迟,×,假,1,1,1,1,0,50.0%\r\n"_s));
    }

    void attendanceXlsxWritten()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(u"考勤.xlsx"_s);
        const Status written = AttendanceExporter::writeXlsx(path, sampleAttendance());
        QVERIFY2(written.has_value(), qPrintable(written ? QString() : written.error().message));
        QVERIFY(RosterFixtures::readAll(path).startsWith("PK\x03\x04"));
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"考勤.xlsx"_s});

        // Readable by others like any saved document, not private like the temporary file it was.
        QVERIFY(QFile::permissions(path).testFlag(QFile::ReadOther));
    }

    void attendanceXlsxHasTypedCells()
    {
        if (!SpreadsheetReader::isAvailable())
            QSKIP("Built without liborcus (CLASSDESK_SPREADSHEET_IMPORT=OFF)");

        QTemporaryDir folder;
        const QString path = folder.filePath(u"attendance.xlsx"_s);
        QVERIFY(AttendanceExporter::writeXlsx(path, sampleAttendance()).has_value());
        auto reader = SpreadsheetReader::open(RosterFixtures::readAll(path), SpreadsheetReader::Format::Xlsx);
        QVERIFY(reader.has_value());
        const Result<SheetTable> table = (*reader)->readSheet(0);
        QVERIFY(table.has_value());

        const QList<SheetCell> &first = table->rows.value(1);
        QCOMPARE(first.value(0).type, SheetCell::Type::Text);
        QCOMPARE(first.value(0).text, u"2025010201"_s);
        QCOMPARE(first.value(2).text, u"√"_s);
        QCOMPARE(first.value(6).type, SheetCell::Type::Number);
        QCOMPARE(first.value(6).number, 1.0);
        QCOMPARE(first.value(11).type, SheetCell::Type::Number);
        QCOMPARE(first.value(11).number, 0.5);
    }

    void exportIntoBadFolderExplains_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("relativePath");
        QTest::addColumn<QString>("expectedCode");
        QTest::addColumn<QString>("namedFolder"); // must appear in the message

        for (const QString &format : {u"xlsx"_s, u"csv"_s}) {
            QTest::addRow("%s into a missing folder", qPrintable(format))
                << format << u"no/such/export."_s + format << u"export.folder_missing"_s << u"no/such"_s;
            QTest::addRow("%s under a file", qPrintable(format))
                << format << u"plain.txt/export."_s + format << u"export.not_a_folder"_s << u"plain.txt"_s;
            QTest::addRow("%s onto a folder", qPrintable(format))
                << format << u"sub"_s << u"export.not_a_folder"_s << u"sub"_s;
            QTest::addRow("%s into a read-only folder", qPrintable(format))
                << format << u"locked/export."_s + format << u"export.folder_not_writable"_s << u"locked"_s;
        }
    }

    void exportIntoBadFolderExplains()
    {
        QFETCH(QString, format);
        QFETCH(QString, relativePath);
        QFETCH(QString, expectedCode);
        QFETCH(QString, namedFolder);

        QTemporaryDir folder;
        QFile plain(folder.filePath(u"plain.txt"_s));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        QVERIFY(QDir(folder.path()).mkpath(u"sub"_s));
        QVERIFY(QDir(folder.path()).mkpath(u"locked"_s));
        QVERIFY(QFile::setPermissions(folder.filePath(u"locked"_s), QFile::ReadOwner | QFile::ExeOwner));
        if (relativePath.startsWith(u"locked") && QFileInfo(folder.filePath(u"locked"_s)).isWritable())
            QSKIP("Running with rights that ignore folder permissions (root)");

        const QString path = folder.filePath(relativePath);
        const Status written = format == u"xlsx" ? AttendanceExporter::writeXlsx(path, sampleAttendance())
                                                 : AttendanceExporter::writeCsv(path, sampleAttendance());
        QFile::setPermissions(folder.filePath(u"locked"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!written.has_value());
        QCOMPARE(written.error().code, expectedCode);
        QVERIFY2(written.error().message.contains(QDir::toNativeSeparators(namedFolder)),
                 qPrintable(written.error().message));
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"plain.txt"_s});
    }

    void exportReplacesEarlierFile()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(u"考勤.xlsx"_s);
        QVERIFY(AttendanceExporter::writeXlsx(path, sampleAttendance()).has_value());
        const QByteArray earlier = RosterFixtures::readAll(path);

        QVERIFY(AttendanceExporter::writeXlsx(path, sampleAttendance()).has_value());
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"考勤.xlsx"_s});
        QCOMPARE(RosterFixtures::readAll(path).size(), earlier.size());
    }

    void sheetNamesMadeValid_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");

        QTest::newRow("Chinese kept") << u"高一(3)班"_s << u"高一(3)班"_s;
        QTest::newRow("forbidden characters") << u"a/b:c?"_s << u"a_b_c_"_s;
        QTest::newRow("too long") << QString(40, u'x') << QString(31, u'x');
        QTest::newRow("empty") << QString() << u"Sheet1"_s;
        QTest::newRow("apostrophes") << u"'a'"_s << u"a"_s;
    }

    void sheetNamesMadeValid()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(XlsxTableWriter::validSheetName(name, 0), expected);
    }

    void rosterCsvRoundTrip_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("GB18030 with same names") << RosterFixtures::path("gb18030-crlf.csv");
        QTest::newRow("notes, dates and line breaks") << RosterFixtures::path("odd-columns.csv");
        QTest::newRow("leading zeros") << RosterFixtures::path("fullwidth.csv");
    }

    void rosterCsvRoundTrip()
    {
        QFETCH(QString, source);
        const RosterPreview original = RosterImporter::previewFile(source);
        QVERIFY(original.problems.isEmpty());

        QTemporaryDir folder;
        const QString path = folder.filePath(u"roster.csv"_s);
        QVERIFY(RosterExporter::writeCsv(path, original.rows).has_value());

        const RosterPreview reread = RosterImporter::previewFile(path);
        QVERIFY(reread.problems.isEmpty());
        QCOMPARE(reread.encoding, std::optional(TextEncoding::Utf8));
        QVERIFY(sameRows(withoutSourceRows(reread.rows), withoutSourceRows(original.rows)));
    }

    void rosterXlsxRoundTrip()
    {
        if (!SpreadsheetReader::isAvailable())
            QSKIP("Built without liborcus (CLASSDESK_SPREADSHEET_IMPORT=OFF)");

        const RosterPreview original = RosterImporter::previewFile(RosterFixtures::path("odd-columns.csv"));
        QTemporaryDir folder;
        const QString path = folder.filePath(u"roster.xlsx"_s);
        QVERIFY(RosterExporter::writeXlsx(path, original.rows, u"高一(3)班"_s).has_value());

        const RosterPreview reread = RosterImporter::previewFile(path);
        QVERIFY(reread.problems.isEmpty());
        QCOMPARE(reread.sheetName, u"高一(3)班"_s);
        QVERIFY(sameRows(withoutSourceRows(reread.rows), withoutSourceRows(original.rows)));
    }
};

QTEST_GUILESS_MAIN(RosterExportTest)
#include "tst_rosterexport.moc"
