// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancestore.h"
#include "outboxstore.h"
#include "storefixture.h"

#include <QElapsedTimer>
#include <QProcess>

using namespace ClassDesk;

// A mark whose commit returned must survive the process dying at once.
class DurabilityTest : public QObject
{
    Q_OBJECT

private slots:
#ifdef Q_OS_UNIX
    void committedMarkSurvivesSigkill()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(1));
        QString sessionId;
        {
            AttendanceStore attendance(*fixture.database, QStringLiteral("parent"));
            sessionId = *attendance.openSession(fixture.classId, QDate(2026, 9, 1), 1);
        }
        fixture.database.reset();
        const QString studentId = fixture.studentIds.first();
        const QStringList statuses = {QStringLiteral("absent"), QStringLiteral("late"), QStringLiteral("present"),
                                      QStringLiteral("leave"), QStringLiteral("early_leave")};

        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < 50; ++round) {
            const QString status = statuses.at(round % statuses.size());
            QProcess marker;
            marker.start(QStringLiteral(ATTENDANCE_MARKER),
                         {fixture.path(), sessionId, studentId, status});
            QVERIFY2(marker.waitForStarted(), qPrintable(marker.errorString()));
            QByteArray output;
            while (!output.contains("committed\n") && marker.waitForReadyRead(10000))
                output += marker.readAllStandardOutput();
            marker.kill(); // SIGKILL
            QVERIFY(marker.waitForFinished(10000));
            QVERIFY2(output.contains("committed\n"), marker.readAllStandardError().constData());

            auto database = Database::open(fixture.path());
            QVERIFY(database.has_value());
            AttendanceStore attendance(**database, QStringLiteral("parent"));
            const auto marks = attendance.marks(sessionId);
            QVERIFY(marks.has_value());
            QCOMPARE(marks->size(), 1);
            QCOMPARE(attendanceStatusText(marks->first().status), status);

            OutboxStore outbox(**database);
            const auto entries = outbox.entries(QStringLiteral("attendance_record"), marks->first().recordId);
            QVERIFY(entries.has_value() && !entries->isEmpty());
            QCOMPARE(entries->last().payload.value(QStringLiteral("status")).toString(), status);
            QCOMPARE(entries->last().state, QStringLiteral("pending"));

            // Every fifth round the entry goes out, so the next mark needs a new one.
            if (round % 5 == 4)
                QVERIFY(outbox.markSent({entries->last().seq}).has_value());
        }
        qInfo("50 kill rounds took %lld ms", timer.elapsed());
    }
#endif
};

QTEST_GUILESS_MAIN(DurabilityTest)
#include "tst_durability.moc"
