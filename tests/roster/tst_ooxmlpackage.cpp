// SPDX-License-Identifier: GPL-3.0-or-later
//
// openpyxl writes absolute relationship targets and inline strings, both
// valid Office Open XML that liborcus 0.17 reads as an empty sheet without
// the package rewrite. These workbooks are built part by part with minizip.

#include "ooxmlpackage.h"
#include "rosterimporter.h"
#include "spreadsheetreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <minizip/zip.h>

using namespace ClassDesk;

namespace {

using Parts = QList<std::pair<QString, QByteArray>>;

QByteArray zipParts(const Parts &parts)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("book.xlsx"));
    zipFile archive = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    for (const auto &[name, content] : parts) {
        zip_fileinfo info{};
        zipOpenNewFileInZip(archive, name.toUtf8().constData(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                            Z_DEFAULT_COMPRESSION);
        zipWriteInFileInZip(archive, content.constData(), unsigned(content.size()));
        zipCloseFileInZip(archive);
    }
    zipClose(archive, nullptr);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const QByteArray ContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
    R"(<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)"
    R"(</Types>)";

const QByteArray RootRelationships =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml" Id="rId1"/>)"
    R"(</Relationships>)";

const QByteArray Workbook =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="初一(2)班" sheetId="1" r:id="rId1"/></sheets></workbook>)";

QByteArray workbookRelationships(bool withSharedStrings)
{
    QByteArray xml = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                     R"(<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId1"/>)";
    if (withSharedStrings)
        xml += R"(<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml" Id="rId2"/>)";
    return xml + "</Relationships>";
}

// Header and two students; the second name is rich text with a phonetic run
// that must not become part of the name.
QByteArray sheet(bool headerShared)
{
    const QByteArray header = headerShared
        ? QByteArray(R"(<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)")
        : QByteArray(R"(<c r="A1" t="inlineStr"><is><t>学号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is></c>)");
    return R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
           R"(<row r="1">)" + header + R"(</row>)"
           R"(<row r="2"><c r="A2" t="n"><v>2025010201</v></c><c r="B2" t="inlineStr"><is><t>司马𠮷</t></is></c></row>)"
           R"(<row r="3"><c r="A3" t="inlineStr"><is><t>0025010202</t></is></c>)"
           R"(<c r="B3" t="inlineStr"><is><r><t>欧阳</t></r><r><t xml:space="preserve">小明</t></r><rPh sb="0" eb="1"><t>OU</t></rPh></is></c></row>)"
           R"(</sheetData></worksheet>)";
}

const QByteArray SharedStrings =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">)"
    R"(<si><t>学号</t></si><si><t>姓名</t></si></sst>)";

// A Mac Excel workbook (1904 date system) with a date cell: the header in
// inline strings, the date in cell format 1 (built-in format 14, m/d/yyyy).
const QByteArray Date1904Workbook =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<workbookPr date1904="1"/><sheets><sheet name="初一(2)班" sheetId="1" r:id="rId1"/></sheets></workbook>)";

const QByteArray Date1904Relationships =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml" Id="rId1"/>)"
    R"(<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml" Id="rId3"/>)"
    R"(</Relationships>)";

const QByteArray DateStyles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>)";

const QByteArray DateSheet =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
    R"(<row r="1"><c r="A1" t="inlineStr"><is><t>学号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is></c>)"
    R"(<c r="C1" t="inlineStr"><is><t>入学日期</t></is></c></row>)"
    R"(<row r="2"><c r="A2"><v>2025010201</v></c><c r="B2" t="inlineStr"><is><t>司马𠮷</t></is></c>)"
    R"(<c r="C2" s="1"><v>44074</v></c></row></sheetData></worksheet>)";

} // namespace

class OoxmlPackageTest : public QObject
{
    Q_OBJECT

private:
    static void verifyStudents(const RosterPreview &preview)
    {
        QVERIFY2(preview.problems.isEmpty(),
                 qPrintable(preview.problems.isEmpty() ? QString() : preview.problems.first().message));
        QCOMPARE(preview.rows.size(), 2);
        QCOMPARE(preview.rows.at(0).studentNumber, QStringLiteral("2025010201"));
        QCOMPARE(preview.rows.at(0).name, QStringLiteral("司马𠮷"));
        QCOMPARE(preview.rows.at(1).studentNumber, QStringLiteral("0025010202"));
        QCOMPARE(preview.rows.at(1).name, QStringLiteral("欧阳小明"));
        QCOMPARE(preview.sheetName, QStringLiteral("初一(2)班"));
    }

private slots:
    void openpyxlWorkbookWithoutSharedStrings()
    {
        const QByteArray book = zipParts({{QStringLiteral("[Content_Types].xml"), ContentTypes},
                                          {QStringLiteral("_rels/.rels"), RootRelationships},
                                          {QStringLiteral("xl/workbook.xml"), Workbook},
                                          {QStringLiteral("xl/_rels/workbook.xml.rels"), workbookRelationships(false)},
                                          {QStringLiteral("xl/worksheets/sheet1.xml"), sheet(false)}});
        QVERIFY(!book.isEmpty());
        verifyStudents(RosterImporter::previewSpreadsheet(book, SpreadsheetReader::Format::Xlsx));
    }

    void inlineStringsJoinExistingSharedStrings()
    {
        QByteArray types = ContentTypes;
        types.replace("</Types>", R"(<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>)");
        const QByteArray book = zipParts({{QStringLiteral("[Content_Types].xml"), types},
                                          {QStringLiteral("_rels/.rels"), RootRelationships},
                                          {QStringLiteral("xl/workbook.xml"), Workbook},
                                          {QStringLiteral("xl/_rels/workbook.xml.rels"), workbookRelationships(true)},
                                          {QStringLiteral("xl/sharedStrings.xml"), SharedStrings},
                                          {QStringLiteral("xl/worksheets/sheet1.xml"), sheet(true)}});
        verifyStudents(RosterImporter::previewSpreadsheet(book, SpreadsheetReader::Format::Xlsx));
    }

    // The rewrite keeps the workbook's 1904 date system, so a serial counts
    // from 1904-01-01 and not from 1899-12-30.
    void date1904WorkbookKeepsDates()
    {
        const QByteArray book = zipParts({{QStringLiteral("[Content_Types].xml"), ContentTypes},
                                          {QStringLiteral("_rels/.rels"), RootRelationships},
                                          {QStringLiteral("xl/workbook.xml"), Date1904Workbook},
                                          {QStringLiteral("xl/_rels/workbook.xml.rels"), Date1904Relationships},
                                          {QStringLiteral("xl/styles.xml"), DateStyles},
                                          {QStringLiteral("xl/worksheets/sheet1.xml"), DateSheet}});

        const RosterPreview preview = RosterImporter::previewSpreadsheet(book, SpreadsheetReader::Format::Xlsx);
        QVERIFY2(preview.problems.isEmpty(), qPrintable(preview.problems.value(0).message));
        QCOMPARE(preview.rows.size(), 1);
        // Day 44074 of the 1904 system; the 1900 system would make it 2020-08-31.
        QCOMPARE(preview.rows.at(0).notes.value(QStringLiteral("入学日期")), QStringLiteral("2024-09-01"));
    }

    void notZipArchiveIsDamaged()
    {
        const QByteArray notZip("PK\x03\x04 but not really a zip archive");
        const auto rewritten = OoxmlPackage::rewriteForOrcus(notZip);
        QVERIFY(!rewritten);
        QCOMPARE(rewritten.error().code, QStringLiteral("roster.spreadsheet_damaged"));
    }
};

QTEST_GUILESS_MAIN(OoxmlPackageTest)
#include "tst_ooxmlpackage.moc"
