// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancestatisticsview.h"
#include "attendancestore.h"
#include "classstore.h"
#include "workspace.h"

#include <QDateTime>
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

QTEST_MAIN(AttendanceStatisticsTest)
#include "tst_attendancestatistics.moc"
