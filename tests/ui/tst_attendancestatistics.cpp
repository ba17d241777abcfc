// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancestatisticsview.h"
#include "attendancestore.h"
#include "classstore.h"
#include "csvreader.h"
#include "spreadsheetreader.h"
#include "workspace.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QPushButton>
#include <QLabel>
#include <QLineSeries>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ClassDesk;

class AttendanceStatisticsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void termContaining_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");

        QTest::newRow("autumn start") << QDate(2026, 9, 1) << QDate(2026, 9, 1) << QDate(2027, 1, 31);
        QTest::newRow("december") << QDate(2026, 12, 4) << QDate(2026, 9, 1) << QDate(2027, 1, 31);
        QTest::newRow("january") << QDate(2027, 1, 20) << QDate(2026, 9, 1) << QDate(2027, 1, 31);
        QTest::newRow("spring start") << QDate(2027, 2, 1) << QDate(2027, 2, 1) << QDate(2027, 8, 31);
        QTest::newRow("summer") << QDate(2027, 7, 10) << QDate(2027, 2, 1) << QDate(2027, 8, 31);
    }

    void termContaining()
    {
        QFETCH(QDate, date);
        QFETCH(QDate, from);
        QFETCH(QDate, to);

        const auto term = AttendanceStatisticsView::termContaining(date);
        QCOMPARE(term.first, from);
        QCOMPARE(term.second, to);
    }

    // Two days, four students: day one 3 of 4 attend (one absent), day two
    // 2 of 4 (one on leave, one absent). Hand-checked rates: 75% and 50%.
    void chartAndTableShowHandCheckedRates()
    {
        QTemporaryDir directory;
        auto workspace = Workspace::open(directory.path());
        QVERIFY(workspace.has_value());
        Workspace &local = **workspace;

        const auto classId = local.classes().createClass(local.schoolId(), QStringLiteral("初二(1)班"),
                                                         QStringLiteral("初二"));
        QVERIFY(classId.has_value());
        QStringList students;
        for (int i = 0; i < 4; ++i) {
            Student student;
            student.schoolId = local.schoolId();
            student.classId = *classId;
            student.studentNumber = QStringLiteral("S%1").arg(i);
            student.name = QStringLiteral("学生%1").arg(i);
            const auto id = local.classes().createStudent(student);
            QVERIFY(id.has_value());
            students << *id;
        }

        const QDate dayOne(2026, 10, 12);
        const QDate dayTwo(2026, 10, 13);
        const auto sessionOne = local.attendance().openSession(*classId, dayOne, 1);
        const auto sessionTwo = local.attendance().openSession(*classId, dayTwo, 1);
        QVERIFY(sessionOne && sessionTwo);
        const std::array dayOneStatuses = {AttendanceStatus::Present, AttendanceStatus::Late,
                                           AttendanceStatus::EarlyLeave, AttendanceStatus::Absent};
        const std::array dayTwoStatuses = {AttendanceStatus::Present, AttendanceStatus::Present,
                                           AttendanceStatus::Leave, AttendanceStatus::Absent};
        for (int i = 0; i < 4; ++i) {
            QVERIFY(local.attendance().mark(*sessionOne, students.at(i), dayOneStatuses.at(i)).has_value());
            QVERIFY(local.attendance().mark(*sessionTwo, students.at(i), dayTwoStatuses.at(i)).has_value());
        }

        AttendanceStatisticsView view(local);
        view.setRange(QDate(2026, 10, 1), QDate(2026, 10, 31));

        const QList<QPointF> points = view.dailyRateSeries()->points();
        QCOMPARE(points.size(), 2);
        QCOMPARE(points.at(0).y(), 75.0);
        QCOMPARE(points.at(1).y(), 50.0);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(points.at(0).x()), Qt::UTC).date(), dayOne);

        QTableWidget *table = view.studentTable();
        QCOMPARE(table->rowCount(), 4);
        QHash<QString, QString> rateByNumber;
        for (int row = 0; row < table->rowCount(); ++row)
            rateByNumber.insert(table->item(row, 0)->text(), table->item(row, 7)->text());
        QVERIFY(rateByNumber.value(QStringLiteral("S0")).startsWith(QStringLiteral("100")));
        QVERIFY(rateByNumber.value(QStringLiteral("S2")).startsWith(QStringLiteral("50")));
        QVERIFY(rateByNumber.value(QStringLiteral("S3")).startsWith(QStringLiteral("0")));

        const QString summary = view.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
        QVERIFY2(summary.contains(QStringLiteral("62.5")), qPrintable(summary)); // 5 of 8 marks
    }

    // A hidden view does not reload on every change, only when it is shown again.
    void hiddenViewReloadsWhenShown()
    {
        QTemporaryDir directory;
        auto workspace = Workspace::open(directory.path());
        QVERIFY(workspace.has_value());
        Workspace &local = **workspace;
        QVERIFY(local.classes().createClass(local.schoolId(), QStringLiteral("一班"), {}).has_value());

        AttendanceStatisticsView view(local);
        auto *classBox = view.findChild<QComboBox *>(QStringLiteral("statisticsClassBox"));
        QCOMPARE(classBox->count(), 1);
        QVERIFY(local.classes().createClass(local.schoolId(), QStringLiteral("二班"), {}).has_value());
        QCOMPARE(classBox->count(), 1);

        view.show();
        QCOMPARE(classBox->count(), 2);
        QVERIFY(local.classes().createClass(local.schoolId(), QStringLiteral("三班"), {}).has_value());
        QCOMPARE(classBox->count(), 3);
    }

    void exportWritesReadableFile_data();
    void exportWritesReadableFile();

    void reversedRangeSaysSo()
    {
        QTemporaryDir directory;
        auto workspace = Workspace::open(directory.path());
        QVERIFY(workspace.has_value());
        const auto classId = (*workspace)->classes().createClass((*workspace)->schoolId(), QStringLiteral("一班"), {});
        QVERIFY(classId.has_value());

        AttendanceStatisticsView view(**workspace);
        view.setRange(QDate(2026, 10, 31), QDate(2026, 10, 1));
        QCOMPARE(view.dailyRateSeries()->count(), 0);
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().isEmpty());
    }
};

// The exported sheet's rows as text, read back with the roster readers.
QList<QStringList> readBack(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    if (path.endsWith(QLatin1String(".csv"))) {
        QString text = QString::fromUtf8(bytes);
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        return CsvReader::parse(text, CsvReader::sniffDelimiter(text)).value_or(QList<QStringList>());
    }
    auto reader = SpreadsheetReader::open(bytes, SpreadsheetReader::Format::Xlsx);
    if (!reader)
        return {};
    const auto table = (*reader)->readSheet(0);
    if (!table)
        return {};
    QList<QStringList> rows;
    for (const QList<SheetCell> &row : table->rows) {
        QStringList cells;
        for (const SheetCell &cell : row)
            cells << cell.text;
        rows << cells;
    }
    return rows;
}

void AttendanceStatisticsTest::exportWritesReadableFile_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("xlsx") << QStringLiteral("考勤.xlsx");
    QTest::newRow("csv") << QStringLiteral("考勤.csv");
}

// The Export button opens a file dialog; the file chosen there holds one
// row per student with the marks, and reads back with the roster readers.
void AttendanceStatisticsTest::exportWritesReadableFile()
{
    QFETCH(QString, fileName);
    if (fileName.endsWith(QLatin1String(".xlsx")) && !SpreadsheetReader::isAvailable())
        QSKIP("Built without liborcus, so an XLSX file cannot be read back");

    QTemporaryDir directory;
    auto workspace = Workspace::open(directory.filePath(QStringLiteral("data")));
    QVERIFY(workspace.has_value());
    Workspace &local = **workspace;
    const auto classId = local.classes().createClass(local.schoolId(), QStringLiteral("初二(1)班"), QStringLiteral("初二"));
    QVERIFY(classId.has_value());
    QStringList students;
    for (int i = 0; i < 3; ++i) {
        Student student;
        student.schoolId = local.schoolId();
        student.classId = *classId;
        student.studentNumber = QStringLiteral("S%1").arg(i);
        student.name = QStringLiteral("学生%1").arg(i);
        students << local.classes().createStudent(student).value_or(QString());
    }
    const auto session = local.attendance().openSession(*classId, QDate(2026, 10, 12), 1);
    QVERIFY(session.has_value());
    QVERIFY(local.attendance().mark(*session, students.at(0), AttendanceStatus::Present).has_value());
    QVERIFY(local.attendance().mark(*session, students.at(1), AttendanceStatus::Absent).has_value());

    AttendanceStatisticsView view(local);
    view.setRange(QDate(2026, 10, 1), QDate(2026, 10, 31));
    view.show();
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    auto *dialog = view.findChild<QFileDialog *>(QStringLiteral("exportDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    const QString path = directory.filePath(fileName);
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected

    QVERIFY(QFile::exists(path));
    const QList<QStringList> rows = readBack(path);
    QCOMPARE(rows.size(), 5); // the header, three students and the rate per session
    QStringList names;
    QString firstMark;
    QString secondMark;
    for (const QStringList &row : rows) {
        if (row.value(1) == QStringLiteral("学生0"))
            firstMark = row.value(2);
        if (row.value(1) == QStringLiteral("学生1"))
            secondMark = row.value(2);
        names << row.value(1);
    }
    QVERIFY2(names.contains(QStringLiteral("学生2")), qPrintable(names.join(QLatin1Char(','))));
    QCOMPARE(firstMark, QStringLiteral("√"));
    QCOMPARE(secondMark, QStringLiteral("×"));
}

QTEST_MAIN(AttendanceStatisticsTest)
#include "tst_attendancestatistics.moc"
