// SPDX-License-Identifier: GPL-3.0-or-later
#include "assignmentstore.h"
#include "attendancestore.h"
#include "civiltime.h"
#include "storefixture.h"

#include <ctime>

using namespace ClassDesk;

// Civil dates come from the school's zone: the machine's zone changes nothing.
class TimeZonesTest : public QObject
{
    Q_OBJECT

private:
    StoreFixture m_shanghai;
    StoreFixture m_newYork;
    QString m_shanghaiAssignment;
    QString m_dstAssignment;
    QByteArray m_originalTz;

    static void setMachineZone(const QByteArray &zone)
    {
        qputenv("TZ", zone);
        tzset();
    }

    static qint64 utc(int year, int month, int day, int hour, int minute)
    {
        return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc()).toMSecsSinceEpoch();
    }

private slots:
    void initTestCase()
    {
        m_originalTz = qgetenv("TZ");
        setMachineZone("Asia/Shanghai");
        QVERIFY(m_shanghai.setUp(1, QStringLiteral("Asia/Shanghai")));
        QVERIFY(m_newYork.setUp(1, QStringLiteral("America/New_York")));

        Assignment assignment;
        assignment.schoolId = m_shanghai.schoolId;
        assignment.title = QStringLiteral("Shanghai");
        assignment.dueDate = QDate(2026, 9, 10);
        assignment.dueTime = QTime(7, 30);
        m_shanghaiAssignment = *AssignmentStore(*m_shanghai.database).createAssignment(assignment);

        // 2026-03-08 is the day New York moves its clocks from 02:00 EST to 03:00 EDT.
        assignment.schoolId = m_newYork.schoolId;
        assignment.title = QStringLiteral("New York DST");
        assignment.dueDate = QDate(2026, 3, 8);
        assignment.dueTime = QTime(8, 0);
        m_dstAssignment = *AssignmentStore(*m_newYork.database).createAssignment(assignment);
    }

    void cleanupTestCase()
    {
        if (m_originalTz.isEmpty())
            qunsetenv("TZ");
        else
            qputenv("TZ", m_originalTz);
        tzset();
    }

    void sameDatesUnderAnyMachineZone_data()
    {
        QTest::addColumn<QByteArray>("machineZone");
        QTest::newRow("Asia/Shanghai") << QByteArray("Asia/Shanghai");
        QTest::newRow("UTC") << QByteArray("UTC");
        QTest::newRow("America/Los_Angeles") << QByteArray("America/Los_Angeles");
    }

    void sameDatesUnderAnyMachineZone()
    {
        QFETCH(QByteArray, machineZone);
        setMachineZone(machineZone);

        const auto shanghai = AssignmentStore(*m_shanghai.database).assignment(m_shanghaiAssignment);
        QVERIFY(shanghai.has_value());
        QCOMPARE(shanghai->dueDate, QDate(2026, 9, 10));
        QCOMPARE(shanghai->dueTime, QTime(7, 30));
        QCOMPARE(*shanghai->dueInstant(), utc(2026, 9, 9, 23, 30));

        const auto dst = AssignmentStore(*m_newYork.database).assignment(m_dstAssignment);
        QVERIFY(dst.has_value());
        QCOMPARE(dst->dueDate, QDate(2026, 3, 8));
        QCOMPARE(*dst->dueInstant(), utc(2026, 3, 8, 12, 0)); // EDT, UTC-4

        // 2026-09-09 16:30 UTC is past midnight in Shanghai but not in Los Angeles.
        SchoolStore schools(*m_shanghai.database);
        QCOMPARE(*schools.dateAt(m_shanghai.schoolId, utc(2026, 9, 9, 16, 30)), QDate(2026, 9, 10));
        // 04:30 UTC on 2026-03-08 is still the evening of the 7th in New York (EST, UTC-5).
        SchoolStore newYork(*m_newYork.database);
        QCOMPARE(*newYork.dateAt(m_newYork.schoolId, utc(2026, 3, 8, 4, 30)), QDate(2026, 3, 7));
        QCOMPARE(*newYork.dateAt(m_newYork.schoolId, utc(2026, 3, 9, 3, 30)), QDate(2026, 3, 8)); // EDT
    }

    void sessionDateFromSchoolZone_data() { sameDatesUnderAnyMachineZone_data(); }

    void sessionDateFromSchoolZone()
    {
        QFETCH(QByteArray, machineZone);
        setMachineZone(machineZone);
        SchoolStore schools(*m_shanghai.database);
        AttendanceStore attendance(*m_shanghai.database, QStringLiteral("device"));

        const QDate today = *schools.dateAt(m_shanghai.schoolId, utc(2026, 9, 9, 17, 0));
        const auto session = attendance.openSession(m_shanghai.classId, today, 1);

        QVERIFY(session.has_value());
        auto statement = m_shanghai.database->prepare("SELECT date FROM attendance_session WHERE id = ?");
        QVERIFY(statement.has_value());
        statement->bind(1, *session);
        QVERIFY(statement->step().value_or(false));
        QCOMPARE(statement->textAt(0), QStringLiteral("2026-09-10"));
    }

    void timeInDstGapMovesForward()
    {
        // New York skips 02:00-03:00 on 2026-03-08, so 02:30 means 03:30 EDT.
        const QTimeZone newYork("America/New_York");
        QCOMPARE(CivilTime::instantOf(QDate(2026, 3, 8), QTime(2, 30), newYork), utc(2026, 3, 8, 7, 30));
        QCOMPARE(CivilTime::instantOf(QDate(2026, 3, 8), QTime(1, 30), newYork), utc(2026, 3, 8, 6, 30));
        QCOMPARE(CivilTime::instantOf(QDate(2026, 3, 8), QTime(3, 30), newYork), utc(2026, 3, 8, 7, 30));
    }

    void civilTextForms()
    {
        QCOMPARE(CivilTime::dateText(QDate(2026, 3, 8)), QStringLiteral("2026-03-08"));
        QVERIFY(!CivilTime::parseDate(QStringLiteral("2026-3-8")).has_value());
        QVERIFY(!CivilTime::parseDate(QStringLiteral("2026-02-30")).has_value());
        QCOMPARE(CivilTime::timeText(QTime(7, 5)), QStringLiteral("07:05"));
        QCOMPARE(*CivilTime::parseTime(QStringLiteral("23:59")), QTime(23, 59));
    }
};

QTEST_GUILESS_MAIN(TimeZonesTest)
#include "tst_timezones.moc"
