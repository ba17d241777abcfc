// SPDX-License-Identifier: GPL-3.0-or-later
#include "cellconversion.h"
#include "rosterheader.h"
#include "rosterfixtures.h"
#include "rosterimporter.h"
#include "rosterpreviewjson.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ClassDesk;
using namespace Qt::StringLiterals;

namespace {

QStringList names(const RosterPreview &preview)
{
    QStringList result;
    for (const RosterRow &row : preview.rows)
        result.append(row.name);
    return result;
}

QStringList numbers(const RosterPreview &preview)
{
    QStringList result;
    for (const RosterRow &row : preview.rows)
        result.append(row.studentNumber);
    return result;
}

QList<RosterProblemKind> kinds(const RosterPreview &preview)
{
    QList<RosterProblemKind> result;
    for (const RosterProblem &problem : preview.problems)
        result.append(problem.kind);
    return result;
}

RosterPreview previewCsv(const QString &text, const RosterImportOptions &options = {})
{
    return RosterImporter::previewText(text.toUtf8(), options);
}

} // namespace

class RosterImporterTest : public QObject
{
    Q_OBJECT

private slots:
    void encodingsGiveSameStudents_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<TextEncoding>("encoding");

        QTest::newRow("GB18030 CSV, CRLF, no BOM") << RosterFixtures::path("gb18030-crlf.csv") << TextEncoding::Gb18030;
        QTest::newRow("UTF-8 CSV with BOM") << RosterFixtures::path("utf8-bom.csv") << TextEncoding::Utf8;
        QTest::newRow("UTF-16LE text with BOM") << RosterFixtures::path("utf16le-bom.txt") << TextEncoding::Utf16LE;
        QTest::newRow("UTF-16BE text with BOM") << RosterFixtures::path("utf16be-bom.txt") << TextEncoding::Utf16BE;
    }

    void encodingsGiveSameStudents()
    {
        QFETCH(QString, path);
        QFETCH(TextEncoding, encoding);

        const RosterPreview preview = RosterImporter::previewFile(path);
        QCOMPARE(preview.encoding, std::optional(encoding));
        QVERIFY(preview.encodingDetected);
        QVERIFY(preview.problems.isEmpty());
        QCOMPARE(preview.headerRow, 1);
        QCOMPARE(names(preview), (QStringList{u"张𠮷"_s, u"王芳"_s, u"王芳"_s}));
        QCOMPARE(numbers(preview), (QStringList{u"2025010201"_s, u"2025010202"_s, u"2025010203"_s}));
        QCOMPARE(preview.rows.first().gender, u"男"_s);
        QCOMPARE(preview.rows.first().className, u"高一(3)班"_s);
    }

    // A file that is no text table gets a message naming its kind, whatever its
    // name ends with. A spreadsheet with the wrong ending is still read.
    void fileKindFoundFromContent()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile file(folder.filePath(name));
            if (!file.open(QIODevice::WriteOnly))
                return QString();
            file.write(bytes);
            return file.fileName();
        };

        const QString oldExcel = write(u"名单.xls"_s, QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(504, '\0'));
        const RosterPreview fromXls = RosterImporter::previewFile(oldExcel);
        QCOMPARE(fromXls.problems.size(), 1);
        QCOMPARE(fromXls.problems.first().code, u"roster.format_old_office"_s);
        QVERIFY(fromXls.problems.first().message.contains(u"名单.xls"_s));

        const QString pdf = write(u"名单.csv"_s, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
        const RosterPreview fromPdf = RosterImporter::previewFile(pdf);
        QCOMPARE(fromPdf.problems.size(), 1);
        QCOMPARE(fromPdf.problems.first().code, u"roster.format_not_table"_s);

        const QString renamed = write(u"名单-ods.csv"_s, RosterFixtures::readAll(RosterFixtures::path("roster.ods")));
        const RosterPreview fromOds = RosterImporter::previewFile(renamed);
        const RosterPreview original = RosterImporter::previewFile(RosterFixtures::path("roster.ods"));
        QCOMPARE(fromOds.problems.size(), original.problems.size());
        QVERIFY(!fromOds.rows.isEmpty());
        QCOMPARE(names(fromOds), names(original));
    }

    void sameNameDifferentNumbersAreTwoStudents()
    {
        const RosterPreview preview = RosterImporter::previewFile(RosterFixtures::path("gb18030-crlf.csv"));
        QCOMPARE(preview.importableRows().size(), 3);
        QCOMPARE(preview.rows[1].name, preview.rows[2].name);
        QCOMPARE_NE(preview.rows[1].studentNumber, preview.rows[2].studentNumber);
    }

    void sourceRowsCountFromFileStart()
    {
        const RosterPreview preview = RosterImporter::previewFile(RosterFixtures::path("gb18030-crlf.csv"));
        QCOMPARE(preview.rows.first().sourceRow, 2);
        QCOMPARE(preview.rows.last().sourceRow, 4);
    }

    void headerFoundBelowTitleAndBlankRows()
    {
        const RosterPreview preview = RosterImporter::previewFile(RosterFixtures::path("title-rows.csv"));
        QVERIFY(preview.problems.isEmpty());
        QCOMPARE(preview.headerRow, 5);
        QCOMPARE(names(preview), (QStringList{u"张𠮷"_s, u"王芳"_s, u"王芳"_s, u"周小雨"_s}));
        QCOMPARE(preview.rows.last().sourceRow, 10);
    }

    void columnsFoundInAnyOrder()
    {
        const RosterPreview preview = RosterImporter::previewFile(RosterFixtures::path("odd-columns.csv"));
        QVERIFY(preview.problems.isEmpty());
        QCOMPARE(names(preview), (QStringList{u"李明"_s, u"赵雪"_s, u"陈晨"_s}));
        QCOMPARE(numbers(preview), (QStringList{u"2025010211"_s, u"2025010212"_s, u"2025010213"_s}));
        QCOMPARE(preview.rows[1].gender, u"女"_s);
    }

    void extraColumnsKeptAsNotes()
    {
        const RosterPreview preview = RosterImporter::previewFile(RosterFixtures::path("odd-columns.csv"));
        QCOMPARE(preview.rows[0].notes.value(u"备注"_s), u"走读,午托"_s);
        QCOMPARE(preview.rows[1].notes.value(u"备注"_s), u"过敏：\n花生"_s);
        QCOMPARE(preview.rows[0].notes.value(u"家长电话"_s), u"13800000001"_s);
        QVERIFY(!preview.rows[2].notes.contains(u"家长电话"_s));
    }

    void textDatesBecomeIsoDates()
    {
        const RosterPreview preview = RosterImporter::previewFile(RosterFixtures::path("odd-columns.csv"));
        QCOMPARE(preview.rows[0].notes.value(u"出生日期"_s), u"2010-09-01"_s);
        QCOMPARE(preview.rows[1].notes.value(u"出生日期"_s), u"2010-09-02"_s);
        QCOMPARE(preview.rows[2].notes.value(u"出生日期"_s), u"2010-09-03"_s);
    }

    void fullWidthDigitsAndSpacesCleaned()
    {
        const RosterPreview preview = RosterImporter::previewFile(RosterFixtures::path("fullwidth.csv"));
        QVERIFY(preview.problems.isEmpty());
        QCOMPARE(numbers(preview), (QStringList{u"2025010221"_s, u"0025010222"_s}));
        QCOMPARE(names(preview), (QStringList{u"孙　悦"_s, u"吴桐"_s}));
    }

    void blankRowsSkipped()
    {
        const RosterPreview preview = previewCsv(u"学号,姓名\n1,李明\n,\n\n ,\u3000\n2,王芳\n"_s);
        QVERIFY(preview.problems.isEmpty());
        QCOMPARE(names(preview), (QStringList{u"李明"_s, u"王芳"_s}));
    }

    void repeatedHeaderRowSkipped()
    {
        const RosterPreview preview = previewCsv(u"学号,姓名\n1,李明\n学号,姓名\n2,王芳\n"_s);
        QVERIFY(preview.problems.isEmpty());
        QCOMPARE(names(preview), (QStringList{u"李明"_s, u"王芳"_s}));
    }

    void missingNameReportedWithRowAndColumn()
    {
        const RosterPreview preview = previewCsv(u"学号,姓名\n1,李明\n2,\n"_s);
        QCOMPARE(kinds(preview), QList{RosterProblemKind::MissingName});
        QCOMPARE(preview.problems.first().row, 3);
        QCOMPARE(preview.problems.first().column, u"姓名"_s);
        QVERIFY(preview.problems.first().message.contains(u'3'));
        QCOMPARE(preview.importableRows().size(), 1);
    }

    void missingNumberReportedWithRowAndColumn()
    {
        const RosterPreview preview = previewCsv(u"Name,Student ID\nLi Ming,\nWang Fang,7\n"_s);
        QCOMPARE(kinds(preview), QList{RosterProblemKind::MissingNumber});
        QCOMPARE(preview.problems.first().row, 2);
        QCOMPARE(preview.problems.first().column, u"Student ID"_s);
        QCOMPARE(preview.importableRows().size(), 1);
    }

    void duplicateNumberReportedOnLaterRow()
    {
        const RosterPreview preview = previewCsv(u"学号,姓名\n5,李明\n6,王芳\n5,赵雪\n"_s);
        QCOMPARE(kinds(preview), QList{RosterProblemKind::DuplicateNumber});
        QCOMPARE(preview.problems.first().row, 4);
        QCOMPARE(preview.problems.first().column, u"学号"_s);
        QCOMPARE(preview.importableRows().size(), 2);
    }

    void numberUsedByOtherStudentReported()
    {
        RosterImportOptions options;
        options.studentNumberLookup = [](const QString &number) -> std::optional<QString> {
            if (number == u"5")
                return u"赵雪"_s;
            if (number == u"6")
                return u"王芳"_s;
            return std::nullopt;
        };

        const RosterPreview preview = previewCsv(u"学号,姓名\n5,李明\n6,王芳\n7,陈晨\n"_s, options);
        QCOMPARE(kinds(preview), QList{RosterProblemKind::NumberInUse});
        QCOMPARE(preview.problems.first().row, 2);
        QVERIFY(preview.problems.first().message.contains(u"赵雪"_s));
        QCOMPARE(preview.importableRows().size(), 2);
    }

    void scientificNotationNumberRejected()
    {
        const RosterPreview preview = previewCsv(u"学号,姓名\n2.02501E+09,李明\n"_s);
        QCOMPARE(kinds(preview), QList{RosterProblemKind::InvalidNumber});
        QCOMPARE(preview.importableRows().size(), 0);
    }

    void missingHeaderIsFileProblem()
    {
        const RosterPreview preview = previewCsv(u"李明,1\n王芳,2\n"_s);
        QCOMPARE(kinds(preview), QList{RosterProblemKind::HeaderNotFound});
        QVERIFY(preview.hasFileProblem());
        QVERIFY(preview.rows.isEmpty());
    }

    void wrongEncodingBlocksImportAndOffersCandidates()
    {
        RosterImportOptions options;
        options.encoding = TextEncoding::Utf8;
        const RosterPreview preview = RosterImporter::previewFile(RosterFixtures::path("gb18030-crlf.csv"), options);

        QVERIFY(!preview.encodingDetected);
        QVERIFY(kinds(preview).contains(RosterProblemKind::Encoding));
        QVERIFY(preview.hasFileProblem());
        QVERIFY(preview.importableRows().isEmpty());
        QCOMPARE(preview.encodingCandidates.first().encoding, TextEncoding::Gb18030);
        QVERIFY(preview.encodingCandidates.first().preview.contains(u"张𠮷"_s));
    }

    void undecodableBytesBlockImport()
    {
        // Valid in neither UTF-8 nor GB18030: 0xFF never starts a sequence in either.
        QByteArray bytes = QByteArrayLiteral("\xD1\xA7\xBA\xC5,\xD0\xD5\xC3\xFB\r\n1,\xFF\xFF\r\n");
        const RosterPreview preview = RosterImporter::previewText(bytes);
        QCOMPARE(preview.encoding, std::optional(TextEncoding::Gb18030));
        QVERIFY(kinds(preview).contains(RosterProblemKind::Encoding));
        QVERIFY(preview.importableRows().isEmpty());
    }

    void missingFileIsFileProblem()
    {
        const RosterPreview preview = RosterImporter::previewFile(RosterFixtures::path("does-not-exist.csv"));
        QCOMPARE(kinds(preview), QList{RosterProblemKind::Unreadable});
    }

    void delimiterOverrideWins()
    {
        RosterImportOptions options;
        options.delimiter = u';';
        const RosterPreview preview = previewCsv(u"学号;姓名\n1;李,明\n"_s, options);
        QCOMPARE(names(preview), QStringList{u"李,明"_s});
    }

    void excelSerialDates_data()
    {
        QTest::addColumn<double>("serial");
        QTest::addColumn<QDate>("expected");

        QTest::newRow("1 is 1900-01-01") << 1.0 << QDate(1900, 1, 1);
        QTest::newRow("59 is 1900-02-28") << 59.0 << QDate(1900, 2, 28);
        QTest::newRow("61 is 1900-03-01") << 61.0 << QDate(1900, 3, 1);
        QTest::newRow("45536 is 2024-09-01") << 45536.0 << QDate(2024, 9, 1);
        QTest::newRow("time of day ignored") << 45536.75 << QDate(2024, 9, 1);
    }

    void excelSerialDates()
    {
        QFETCH(double, serial);
        QFETCH(QDate, expected);
        QCOMPARE(CellConversion::dateFromExcelSerial(serial), std::optional(expected));
    }

    void excelSerialWithoutDate_data()
    {
        QTest::addColumn<double>("serial");
        QTest::newRow("fictitious 1900-02-29") << 60.0;
        QTest::newRow("zero") << 0.0;
        QTest::newRow("negative") << -3.0;
        QTest::newRow("past 9999") << 3.0e6;
    }

    void excelSerialWithoutDate()
    {
        QFETCH(double, serial);
        QVERIFY(!CellConversion::dateFromExcelSerial(serial).has_value());
    }

    void textDateSpellings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("expected");

        QTest::newRow("slashes") << u"2024/9/1"_s << QDate(2024, 9, 1);
        QTest::newRow("ISO") << u"2024-09-01"_s << QDate(2024, 9, 1);
        QTest::newRow("dots") << u"2024.9.1"_s << QDate(2024, 9, 1);
        QTest::newRow("Chinese") << u"2024年9月1日"_s << QDate(2024, 9, 1);
        QTest::newRow("full-width digits") << u"２０２４年９月１日"_s << QDate(2024, 9, 1);
    }

    void textDateSpellings()
    {
        QFETCH(QString, text);
        QFETCH(QDate, expected);
        QCOMPARE(CellConversion::parseTextDate(text), std::optional(expected));
    }

    void textDateRejectsOthers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("student number") << u"2025010201"_s;
        QTest::newRow("31 February") << u"2024-02-31"_s;
        QTest::newRow("words") << u"九月一日"_s;
    }

    void textDateRejectsOthers()
    {
        QFETCH(QString, text);
        QVERIFY(!CellConversion::parseTextDate(text).has_value());
    }

    void studentNumberCells_data()
    {
        QTest::addColumn<SheetCell>("cell");
        QTest::addColumn<QString>("expected");

        QTest::newRow("number") << SheetCell::fromNumber(2025010201) << u"2025010201"_s;
        QTest::newRow("large number") << SheetCell::fromNumber(20250102010001.0) << u"20250102010001"_s;
        QTest::newRow("text with leading zeros") << SheetCell::fromText(u"000123"_s) << u"000123"_s;
        QTest::newRow("text that looks like a date") << SheetCell::fromText(u"2024-09-01"_s) << u"2024-09-01"_s;
        QTest::newRow("Excel text apostrophe") << SheetCell::fromText(u"'0123"_s) << u"0123"_s;
        QTest::newRow("full-width letters") << SheetCell::fromText(u"Ｇ２０２５"_s) << u"G2025"_s;
        QTest::newRow("number formatted as a date") << SheetCell::fromDate(QDate(2025, 9, 1)) << u"45901"_s;
    }

    void studentNumberRejectsLostDigits_data()
    {
        QTest::addColumn<SheetCell>("cell");
        QTest::addColumn<CellConversion::StudentNumberIssue>("expected");

        QTest::newRow("scientific text") << SheetCell::fromText(u"2.02501E+09"_s)
                                         << CellConversion::StudentNumberIssue::ScientificNotation;
        QTest::newRow("fraction") << SheetCell::fromNumber(20250102.5)
                                  << CellConversion::StudentNumberIssue::Fractional;
        QTest::newRow("beyond 2^53") << SheetCell::fromNumber(1.0e17)
                                     << CellConversion::StudentNumberIssue::ScientificNotation;
    }

    void studentNumberRejectsLostDigits()
    {
        QFETCH(SheetCell, cell);
        QFETCH(CellConversion::StudentNumberIssue, expected);
        QCOMPARE(CellConversion::studentNumber(cell).issue, expected);
    }

    void studentNumberCells()
    {
        QFETCH(SheetCell, cell);
        QFETCH(QString, expected);

        const CellConversion::StudentNumber number = CellConversion::studentNumber(cell);
        QCOMPARE(number.text, expected);
        QCOMPARE(number.issue, CellConversion::StudentNumberIssue::None);
    }

    void headerAliasesRecognised_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<RosterHeader::Field>("expected");

        QTest::newRow("学号") << u"学号"_s << RosterHeader::Field::StudentNumber;
        QTest::newRow("学籍号") << u"学籍号"_s << RosterHeader::Field::StudentNumber;
        QTest::newRow("考号") << u"考号"_s << RosterHeader::Field::StudentNumber;
        QTest::newRow("Student Number") << u"Student Number"_s << RosterHeader::Field::StudentNumber;
        QTest::newRow("student_id") << u"student_id"_s << RosterHeader::Field::StudentNumber;
        QTest::newRow("ID") << u"ID"_s << RosterHeader::Field::StudentNumber;
        QTest::newRow("姓 名 with ideographic space") << u"姓\u3000名"_s << RosterHeader::Field::Name;
        QTest::newRow("*姓名 marked required") << u"*姓名"_s << RosterHeader::Field::Name;
        QTest::newRow("sex") << u"Sex"_s << RosterHeader::Field::Gender;
        QTest::newRow("班级") << u"班级"_s << RosterHeader::Field::ClassName;
        QTest::newRow("序号 is no student number") << u"序号"_s << RosterHeader::Field::Other;
    }

    void headerAliasesRecognised()
    {
        QFETCH(QString, title);
        QFETCH(RosterHeader::Field, expected);
        QCOMPARE(RosterHeader::fieldForTitle(title), expected);
    }

    void emptyFileReportedAsEmpty_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("0 bytes") << QByteArray();
        QTest::newRow("UTF-8 BOM only") << QByteArrayLiteral("\xEF\xBB\xBF");
        QTest::newRow("UTF-16LE BOM only") << QByteArrayLiteral("\xFF\xFE");
        QTest::newRow("blank lines") << QByteArrayLiteral("\r\n\n   \n\t\n");
        QTest::newRow("separators only") << QByteArrayLiteral(",,\n,,\n");
    }

    void emptyFileReportedAsEmpty()
    {
        QFETCH(QByteArray, bytes);
        const RosterPreview preview = RosterImporter::previewText(bytes);
        QCOMPARE(kinds(preview), QList{RosterProblemKind::Empty});
        QCOMPARE(preview.problems.first().code, u"roster.file_empty"_s);
        QCOMPARE(preview.problems.first().row, 0);
        QVERIFY(preview.problems.first().message.contains(u"empty"_s));
        QVERIFY(preview.hasFileProblem());
    }

    void headerWithoutStudentsIsFileProblem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("header only") << u"学号,姓名,班级\n"_s;
        QTest::newRow("header and blank lines") << u"学号,姓名\n\n,\n"_s;
        QTest::newRow("title and header") << u"高一(3)班 学生名单\n学号,姓名\n"_s;
    }

    void headerWithoutStudentsIsFileProblem()
    {
        QFETCH(QString, text);
        const RosterPreview preview = previewCsv(text);
        QCOMPARE(kinds(preview), QList{RosterProblemKind::NoStudents});
        QCOMPARE(preview.problems.first().code, u"roster.no_students"_s);
        QVERIFY(preview.problems.first().message.contains(QString::number(preview.headerRow)));
        QVERIFY(preview.hasFileProblem());
    }

    void genderForms_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("expected");
        QTest::newRow("男") << u"男"_s << u"男"_s;
        QTest::newRow("女") << u"女"_s << u"女"_s;
        QTest::newRow("男性") << u"男性"_s << u"男"_s;
        QTest::newRow("女生") << u"女生"_s << u"女"_s;
        QTest::newRow("M") << u"M"_s << u"男"_s;
        QTest::newRow("f") << u"f"_s << u"女"_s;
        QTest::newRow("Male") << u"Male"_s << u"男"_s;
        QTest::newRow("FEMALE") << u"FEMALE"_s << u"女"_s;
        QTest::newRow("girl") << u"girl"_s << u"女"_s;
        QTest::newRow("full-width Ｍ") << u"Ｍ"_s << u"男"_s;
        QTest::newRow("blank") << QString() << QString();
    }

    void genderForms()
    {
        QFETCH(QString, cell);
        QFETCH(QString, expected);
        const RosterPreview preview = previewCsv(u"学号,姓名,性别\n1,李明,"_s + cell + u"\n"_s);
        QVERIFY(preview.problems.isEmpty());
        QCOMPARE(preview.rows.first().gender, expected);
    }

    void unknownGenderIsWarning_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::newRow("X") << u"X"_s;
        QTest::newRow("未知") << u"未知"_s;
        QTest::newRow("1") << u"1"_s;
    }

    void unknownGenderIsWarning()
    {
        QFETCH(QString, cell);
        const RosterPreview preview = previewCsv(u"学号,姓名,性别\n1,李明,"_s + cell + u"\n2,王芳,女\n"_s);
        QCOMPARE(kinds(preview), QList{RosterProblemKind::UnknownGender});
        const RosterProblem &problem = preview.problems.first();
        QVERIFY(problem.isWarning());
        QCOMPARE(problem.code, u"roster.gender_unknown"_s);
        QCOMPARE(problem.row, 2);
        QCOMPARE(problem.column, u"性别"_s);
        QVERIFY2(problem.message.contains(u'"' + cell + u'"'), qPrintable(problem.message));
        QVERIFY(problem.message.contains(u"性别"_s));

        // The student is still imported, without a gender.
        QVERIFY(!preview.hasBlockingProblem());
        QVERIFY(!preview.hasFileProblem());
        const QList<RosterRow> importable = preview.importableRows();
        QCOMPARE(importable.size(), 2);
        QCOMPARE(importable.first().gender, QString());
    }

    void rowsWithoutClassReportedWhenRequired()
    {
        RosterImportOptions options;
        options.requireRowClasses = true;

        const RosterPreview noColumn = previewCsv(u"学号,姓名\n1,李明\n2,王芳\n"_s, options);
        QCOMPARE(kinds(noColumn), QList{RosterProblemKind::ClassMissing});
        QCOMPARE(noColumn.problems.first().row, 0);
        QCOMPARE(noColumn.problems.first().code, u"roster.class_missing"_s);
        QVERIFY(noColumn.importableRows().isEmpty());
        // A class chosen for all rows resolves it.
        QVERIFY(noColumn.forChosenClass().problems.isEmpty());
        QCOMPARE(noColumn.forChosenClass().importableRows().size(), 2);

        const RosterPreview blankCell = previewCsv(u"学号,姓名,班级\n1,李明,一班\n2,王芳,\n"_s, options);
        QCOMPARE(kinds(blankCell), QList{RosterProblemKind::ClassMissing});
        QCOMPARE(blankCell.problems.first().row, 3);
        QCOMPARE(blankCell.problems.first().column, u"班级"_s);
        QCOMPARE(blankCell.importableRows().size(), 1);

        // Without the option the class is chosen later, as in the dialog.
        QVERIFY(previewCsv(u"学号,姓名\n1,李明\n"_s).problems.isEmpty());
    }

    void problemCodesAreStableAndDistinct()
    {
        QSet<QString> codes;
        for (RosterProblemKind kind :
             {RosterProblemKind::Encoding, RosterProblemKind::Unreadable, RosterProblemKind::Empty,
              RosterProblemKind::HeaderNotFound, RosterProblemKind::NoStudents, RosterProblemKind::MissingName,
              RosterProblemKind::MissingNumber, RosterProblemKind::InvalidNumber, RosterProblemKind::DuplicateNumber,
              RosterProblemKind::NumberInUse, RosterProblemKind::ClassMissing, RosterProblemKind::UnknownGender}) {
            const QString code = RosterProblem::codeFor(kind);
            QVERIFY2(code.startsWith(u"roster."_s), qPrintable(code));
            codes.insert(code);
        }
        QCOMPARE(codes.size(), 12);

        QCOMPARE(previewCsv(u"学号,姓名\n5,李明\n5,王芳\n"_s).problems.first().code, u"roster.number_duplicate"_s);
        QCOMPARE(previewCsv(u"学号,姓名\n5,\n"_s).problems.first().code, u"roster.name_missing"_s);
        // A reader's own error keeps its code.
        QCOMPARE(previewCsv(u"学号,姓名\n5,\"李明\n"_s).problems.first().code, u"roster.csv_unterminated_quote"_s);
        QCOMPARE(RosterImporter::previewFile(RosterFixtures::path("does-not-exist.csv")).problems.first().code,
                 u"roster.file_unreadable"_s);
    }

    void problemCodeAndSeverityInJson()
    {
        const RosterPreview preview = previewCsv(u"学号,姓名,性别\n5,李明,X\n5,王芳,女\n"_s);
        const QJsonArray problems = RosterPreviewJson::toJson(preview).value(u"problems"_s).toArray();
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems[0][u"code"_s].toString(), u"roster.gender_unknown"_s);
        QCOMPARE(problems[0][u"severity"_s].toString(), u"warning"_s);
        QCOMPARE(problems[1][u"code"_s].toString(), u"roster.number_duplicate"_s);
        QCOMPARE(problems[1][u"severity"_s].toString(), u"error"_s);

        const RosterPreview readBack = RosterPreviewJson::fromJson(RosterPreviewJson::toJson(preview));
        QCOMPARE(readBack.problems.size(), 2);
        QCOMPARE(readBack.problems[0].code, u"roster.gender_unknown"_s);
        QVERIFY(readBack.problems[0].isWarning());
        QCOMPARE(readBack.problems[1].kind, RosterProblemKind::DuplicateNumber);
        QCOMPARE(readBack.importableRows().size(), 1);
    }
};

QTEST_GUILESS_MAIN(RosterImporterTest)
#include "tst_rosterimporter.moc"
