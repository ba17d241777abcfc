// SPDX-License-Identifier: GPL-3.0-or-later
//
// Damaged XLSX and ODS files go through the importer and the real
// classdesk-cli: none may crash or hang a process, each gets the translated
// "damaged" (or "too large") message, and nothing reaches the database. The
// damaged files are the fuzzer's finds in tests/roster/fuzz-crashes and
// files made here from a workbook written with libxlsxwriter and from the ODS
// fixture.

#include "database.h"
#include "datalocation.h"
#include "rosterfixtures.h"
#include "rosterimporter.h"
#include "zippackage.h"

#include <QDir>
#include <QProcess>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <xlsxwriter.h>

using namespace ClassDesk;
using namespace Qt::StringLiterals;

namespace {

// The English messages of the two expected failures.
const QString DamagedText = u"damaged"_s;
const QString TooLargeText = u"far more than a roster needs"_s;

QByteArray validXlsx(const QString &folder)
{
    const QString path = folder + u"/valid.xlsx"_s;
    lxw_workbook *workbook = workbook_new(QFile::encodeName(path).constData());
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "名单");
    worksheet_write_string(sheet, 0, 0, "学号", nullptr);
    worksheet_write_string(sheet, 0, 1, "姓名", nullptr);
    worksheet_write_number(sheet, 1, 0, 2025010201, nullptr);
    worksheet_write_string(sheet, 1, 1, "张伟", nullptr);
    worksheet_write_number(sheet, 2, 0, 2025010202, nullptr);
    worksheet_write_string(sheet, 2, 1, "李娜", nullptr);
    if (workbook_close(workbook) != LXW_NO_ERROR)
        return {};
    return RosterFixtures::readAll(path);
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

// The package with `part` changed by `edit`; a null edit result removes the part.
QByteArray editPart(const QByteArray &archive, const QString &part,
                    const std::function<QByteArray(QByteArray)> &edit)
{
    const auto package = ZipPackage::read(archive);
    if (!package)
        return {};
    ZipPackage edited;
    for (const ZipPackage::Part &source : package->parts()) {
        if (source.name != part) {
            edited.append(source);
            continue;
        }
        const QByteArray content = edit(source.content);
        if (!content.isNull())
            edited.append({source.name, content});
    }
    return edited.write();
}

QByteArray replaced(QByteArray content, const QByteArray &before, const QByteArray &after)
{
    return content.replace(before, after);
}

} // namespace

class DamagedSpreadsheetTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QByteArray m_xlsx;
    QByteArray m_ods;

    struct CliRun
    {
        int exitCode = -1;
        bool crashed = false;
        QJsonObject json;
    };

    CliRun runCli(const QString &dataFolder, const QString &file, const QString &language = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        if (!language.isEmpty())
            environment.insert(u"CLASSDESK_LANGUAGE"_s, language);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(CLASSDESK_CLI),
                      {u"--data"_s, dataFolder, u"roster"_s, u"import"_s, file, u"--class"_s, u"一班"_s, u"--json"_s});
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        return CliRun{process.exitCode(), process.exitStatus() == QProcess::CrashExit,
                      QJsonDocument::fromJson(process.readAllStandardOutput()).object()};
    }

    static qint64 countRows(const QString &dataFolder, const char *sql)
    {
        auto database = Database::open(databaseFilePath(dataFolder));
        if (!database)
            return -1;
        auto statement = (*database)->prepare(sql);
        if (!statement || !statement->step().value_or(false))
            return -1;
        return statement->int64At(0);
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_folder.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return path;
    }

    void addDamagedRows()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expectedText");

        const QDir crashes(QStringLiteral(FUZZ_CRASHES));
        for (const QString &name : crashes.entryList({u"*.xlsx"_s, u"*.ods"_s}, QDir::Files)) {
            QTest::newRow(qPrintable(u"fuzzer find "_s + name))
                << name << RosterFixtures::readAll(crashes.filePath(name)) << DamagedText;
        }

        const QString sheet = u"xl/worksheets/sheet1.xml"_s;
        QTest::newRow("XLSX cut in half") << u"half.xlsx"_s << m_xlsx.left(m_xlsx.size() / 2) << DamagedText;
        QTest::newRow("XLSX cut to a zip header") << u"header.xlsx"_s << m_xlsx.left(30) << DamagedText;
        QTest::newRow("empty XLSX") << u"empty.xlsx"_s << QByteArray() << DamagedText;
        QTest::newRow("CSV named XLSX") << u"text.xlsx"_s << "学号,姓名\n1,甲\n"_ba << DamagedText;
        QTest::newRow("random bytes named XLSX") << u"random.xlsx"_s << randomBytes(4096, 7) << DamagedText;
        QTest::newRow("garbage sheet part")
            << u"garbage-sheet.xlsx"_s << editPart(m_xlsx, sheet, [](QByteArray) { return randomBytes(900, 11); })
            << DamagedText;
        QTest::newRow("garbage styles part")
            << u"garbage-styles.xlsx"_s
            << editPart(m_xlsx, u"xl/styles.xml"_s, [](QByteArray) { return randomBytes(700, 13); }) << DamagedText;
        QTest::newRow("garbage shared strings")
            << u"garbage-strings.xlsx"_s
            << editPart(m_xlsx, u"xl/sharedStrings.xml"_s, [](QByteArray xml) { return xml.left(xml.size() - 9); })
            << DamagedText;
        QTest::newRow("sheet XML cut off")
            << u"cut-sheet.xlsx"_s << editPart(m_xlsx, sheet, [](QByteArray xml) { return xml.left(xml.size() / 2); })
            << DamagedText;
        QTest::newRow("shared string index past the table")
            << u"string-index.xlsx"_s
            << editPart(m_xlsx, sheet, [](QByteArray xml) { return replaced(xml, "t=\"s\"><v>1</v>", "t=\"s\"><v>99</v>"); })
            << DamagedText;
        QTest::newRow("negative shared string index")
            << u"negative-index.xlsx"_s
            << editPart(m_xlsx, sheet, [](QByteArray xml) { return replaced(xml, "t=\"s\"><v>1</v>", "t=\"s\"><v>-1</v>"); })
            << DamagedText;
        QTest::newRow("style index past the cell formats")
            << u"style-index.xlsx"_s
            << editPart(m_xlsx, sheet, [](QByteArray xml) { return replaced(xml, "<c r=\"A2\"", "<c r=\"A2\" s=\"250\""); })
            << DamagedText;
        QTest::newRow("number format identifier not a number")
            << u"number-format.xlsx"_s
            << editPart(m_xlsx, u"xl/styles.xml"_s,
                        [](QByteArray xml) { return replaced(xml, "<xf numFmtId=\"0\"", "<xf numFmtId=\"x0\""); })
            << DamagedText;
        QTest::newRow("invalid cell reference")
            << u"reference.xlsx"_s
            << editPart(m_xlsx, sheet, [](QByteArray xml) { return replaced(xml, "r=\"A2\"", "r=\"AAAA0\""); })
            << DamagedText;
        QTest::newRow("row number past the sheet")
            << u"row-number.xlsx"_s
            << editPart(m_xlsx, sheet, [](QByteArray xml) { return replaced(xml, "<row r=\"2\"", "<row r=\"2000000\""); })
            << DamagedText;
        QTest::newRow("number cell with text")
            << u"number.xlsx"_s
            << editPart(m_xlsx, sheet, [](QByteArray xml) { return replaced(xml, "<v>2025010201</v>", "<v>12abc</v>"); })
            << DamagedText;
        QTest::newRow("workbook part missing")
            << u"no-workbook.xlsx"_s << editPart(m_xlsx, u"xl/workbook.xml"_s, [](QByteArray) { return QByteArray(); })
            << DamagedText;
        QTest::newRow("sheet part missing")
            << u"no-sheet.xlsx"_s << editPart(m_xlsx, sheet, [](QByteArray) { return QByteArray(); }) << DamagedText;
        QTest::newRow("cell far from the others")
            << u"far-cell.xlsx"_s
            << editPart(m_xlsx, sheet,
                        [](QByteArray xml) {
                            return replaced(xml, "</sheetData>", "<row r=\"99000\"><c r=\"SR99000\"><v>1</v></c></row></sheetData>");
                        })
            << TooLargeText;

        const QString content = u"content.xml"_s;
        QTest::newRow("ODS cut in half") << u"half.ods"_s << m_ods.left(m_ods.size() / 2) << DamagedText;
        QTest::newRow("ODS garbage content")
            << u"garbage.ods"_s << editPart(m_ods, content, [](QByteArray) { return randomBytes(800, 17); }) << DamagedText;
        QTest::newRow("ODS content missing")
            << u"no-content.ods"_s << editPart(m_ods, content, [](QByteArray) { return QByteArray(); }) << DamagedText;
        QTest::newRow("ODS invalid repeat count")
            << u"repeat.ods"_s
            << editPart(m_ods, content,
                        [](QByteArray xml) { return replaced(xml, "<table:table-row>", "<table:table-row table:number-rows-repeated=\"-5\">"); })
            << DamagedText;
        QTest::newRow("ODS repeats into millions of cells")
            << u"huge.ods"_s
            << editPart(m_ods, content,
                        [](QByteArray xml) {
                            return replaced(xml, "</table:table>",
                                            "<table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell "
                                            "table:number-columns-repeated=\"16000\" office:value-type=\"string\">"
                                            "<text:p>x</text:p></table:table-cell></table:table-row></table:table>");
                        })
            << TooLargeText;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        if (!SpreadsheetReader::isAvailable())
            QSKIP("Built without liborcus (CLASSDESK_SPREADSHEET_IMPORT=OFF)");
        m_xlsx = validXlsx(m_folder.path());
        QVERIFY(!m_xlsx.isEmpty());
        m_ods = RosterFixtures::readAll(RosterFixtures::path("roster.ods"));
        QVERIFY(!m_ods.isEmpty());
    }

    void importerRejectsDamagedFile_data() { addDamagedRows(); }

    void importerRejectsDamagedFile()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(QString, expectedText);

        const QString path = writeFile(fileName, content);
        QVERIFY(!path.isEmpty());
        const RosterPreview preview = RosterImporter::previewFile(path);
        QVERIFY(preview.hasFileProblem());
        QCOMPARE(preview.problems.first().kind, RosterProblemKind::Unreadable);
        QVERIFY2(preview.problems.first().message.contains(expectedText), qPrintable(preview.problems.first().message));
        QVERIFY(preview.importableRows().isEmpty());
    }

    void cliRejectsDamagedFile_data() { addDamagedRows(); }

    void cliRejectsDamagedFile()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(QString, expectedText);

        const QString path = writeFile(fileName, content);
        QTemporaryDir data;
        const CliRun run = runCli(data.path(), path);
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, 1);
        const QJsonArray problems = run.json.value(u"problems"_s).toArray();
        QCOMPARE(problems.size(), 1);
        const QString message = problems.first().toObject().value(u"message"_s).toString();
        QVERIFY2(message.contains(expectedText), qPrintable(message));
        QCOMPARE(run.json.value(u"applied"_s), QJsonValue(false));
        QCOMPARE(countRows(data.path(), "SELECT count(*) FROM student"), 0);
        QCOMPARE(countRows(data.path(), "SELECT count(*) FROM outbox"), 0);
    }

    void cliDamagedMessageTranslated()
    {
        const QString path = writeFile(u"translated.xlsx"_s, m_xlsx.left(m_xlsx.size() / 2));
        QTemporaryDir data;
        const CliRun run = runCli(data.path(), path, u"zh_CN"_s);
        QCOMPARE(run.exitCode, 1);
        const QString message =
            run.json.value(u"problems"_s).toArray().first().toObject().value(u"message"_s).toString();
        QVERIFY2(message.contains(u"损坏"_s), qPrintable(message));
    }

    // Damage that Excel would ignore, too, leaves the students readable.
    void harmlessOddityStillImports_data()
    {
        QTest::addColumn<QByteArray>("content");
        const QString sheet = u"xl/worksheets/sheet1.xml"_s;
        const auto insertBeforeData = [&](const QByteArray &element) {
            return editPart(m_xlsx, sheet, [element](QByteArray xml) { return replaced(xml, "<sheetData>", element + "<sheetData>"); });
        };
        QTest::newRow("column without bounds") << insertBeforeData("<cols><col width=\"10\"/></cols>");
        QTest::newRow("column past the sheet") << insertBeforeData("<cols><col min=\"0\" max=\"99999\" width=\"3\"/></cols>");
        QTest::newRow("huge dimension")
            << editPart(m_xlsx, sheet, [](QByteArray xml) {
                   return replaced(xml, "<dimension ref=\"A1:B3\"/>", "<dimension ref=\"A1:XFD1048576\"/>");
               });
        QTest::newRow("invalid dimension")
            << editPart(m_xlsx, sheet, [](QByteArray xml) {
                   return replaced(xml, "<dimension ref=\"A1:B3\"/>", "<dimension ref=\"A0:ZZZZZ0\"/>");
               });
        QTest::newRow("merged cells past the sheet")
            << editPart(m_xlsx, sheet, [](QByteArray xml) {
                   return replaced(xml, "</sheetData>", "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:XFE2000000\"/></mergeCells>");
               });
    }

    void harmlessOddityStillImports()
    {
        QFETCH(QByteArray, content);
        QVERIFY(!content.isEmpty());
        const RosterPreview preview = RosterImporter::previewSpreadsheet(content, SpreadsheetReader::Format::Xlsx);
        QVERIFY2(preview.problems.isEmpty(), qPrintable(preview.problems.value(0).message));
        QCOMPARE(preview.rows.size(), 2);
        QCOMPARE(preview.rows.at(1).name, u"李娜"_s);
    }
};

QTEST_GUILESS_MAIN(DamagedSpreadsheetTest)
#include "tst_damagedspreadsheet.moc"
