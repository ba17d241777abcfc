// SPDX-License-Identifier: GPL-3.0-or-later
#include "assignmentstore.h"
#include "attendancestore.h"
#include "outboxstore.h"
#include "storefixture.h"

#include <QRandomGenerator>

using namespace ClassDesk;

// A seeded random run of store operations and simulated sync round trips.
// Invariant: the latest outbox entry of every changed row carries the row's
// latest state and is pending, sent or acknowledged, so no change is lost.
class OutboxPropertyTest : public QObject
{
    Q_OBJECT

private:
    struct Expected
    {
        QString entity;
        QString field;
        QString value;
    };

    StoreFixture m_fixture;
    QHash<QString, Expected> m_expected; // by row id
    QStringList m_sessions;
    QStringList m_assignments;
    int m_version = 0;

    void checkInvariant()
    {
        OutboxStore outbox(*m_fixture.database);
        for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it) {
            const auto entries = outbox.entries(it->entity, it.key());
            QVERIFY(entries.has_value());
            QVERIFY2(!entries->isEmpty(), qPrintable(it.key()));
            const OutboxEntry &latest = entries->last();
            const QJsonValue actual = latest.payload.value(it->field);
            if (it->field == QLatin1String("deleted_at"))
                QVERIFY(!actual.isNull());
            else
                QCOMPARE(actual.toString(), it->value);
            QVERIFY2(latest.state != QLatin1String("parked"), qPrintable(latest.lastError));
        }
    }

    void sendAndAcknowledge(QRandomGenerator &random)
    {
        OutboxStore outbox(*m_fixture.database);
        const auto pending = outbox.pending(int(random.bounded(1, 20)));
        QVERIFY(pending.has_value());
        QList<qint64> seqs;
        QList<MutationResult> results;
        for (const OutboxEntry &entry : *pending) {
            seqs.append(entry.seq);
            // Some results get lost on the way back, so their entries stay sent.
            if (random.bounded(4) != 0) {
                const auto outcome = random.bounded(5) == 0 ? MutationOutcome::Duplicate : MutationOutcome::Applied;
                results.append({entry.idempotencyKey, outcome, ++m_version, {}, {}});
            }
        }
        QVERIFY(outbox.markSent(seqs).has_value());
        QVERIFY(outbox.recordResults(results).has_value());
        if (random.bounded(10) == 0)
            QVERIFY(outbox.requeueSent().has_value());
    }

    void runOperation(QRandomGenerator &random)
    {
        ClassStore classes(*m_fixture.database);
        AttendanceStore attendance(*m_fixture.database, QStringLiteral("device"));
        AssignmentStore assignments(*m_fixture.database);
        const QString student = m_fixture.studentIds.at(int(random.bounded(m_fixture.studentIds.size())));

        switch (random.bounded(6)) {
        case 0: {
            auto row = classes.student(student);
            QVERIFY(row.has_value());
            row->name = QStringLiteral("name-%1").arg(random.generate());
            QVERIFY(classes.updateStudent(*row).has_value());
            m_expected.insert(student, {QStringLiteral("student"), QStringLiteral("name"), row->name});
            break;
        }
        case 1:
        case 2: {
            const QString session = m_sessions.at(int(random.bounded(m_sessions.size())));
            const auto status = AttendanceStatus(random.bounded(5));
            QVERIFY(attendance.mark(session, student, status).has_value());
            const auto marks = attendance.marks(session);
            QVERIFY(marks.has_value());
            for (const AttendanceMark &mark : *marks) {
                if (mark.studentId == student)
                    m_expected.insert(mark.recordId, {QStringLiteral("attendance_record"), QStringLiteral("status"),
                                                      attendanceStatusText(status)});
            }
            break;
        }
        case 3: {
            Assignment assignment;
            assignment.schoolId = m_fixture.schoolId;
            assignment.title = QStringLiteral("title-%1").arg(random.generate());
            const auto id = assignments.createAssignment(assignment);
            QVERIFY(id.has_value());
            m_assignments.append(*id);
            m_expected.insert(*id, {QStringLiteral("assignment"), QStringLiteral("title"), assignment.title});
            break;
        }
        case 4: {
            if (m_assignments.isEmpty())
                break;
            const QString id = m_assignments.at(int(random.bounded(m_assignments.size())));
            if (random.bounded(8) == 0) {
                QVERIFY(assignments.removeAssignment(id).has_value());
                m_assignments.removeOne(id);
                m_expected.insert(id, {QStringLiteral("assignment"), QStringLiteral("deleted_at"), {}});
                break;
            }
            auto assignment = assignments.assignment(id);
            QVERIFY(assignment.has_value());
            assignment->title = QStringLiteral("title-%1").arg(random.generate());
            QVERIFY(assignments.updateAssignment(*assignment).has_value());
            m_expected[id].value = assignment->title;
            break;
        }
        default:
            sendAndAcknowledge(random);
        }
    }

private slots:
    void everyChangeStaysInOutboxOrAcknowledged()
    {
        QVERIFY(m_fixture.setUp(20));
        // This test checks bookkeeping, not durability: without fsync the
        // 10,000 transactions take seconds instead of minutes.
        QVERIFY(m_fixture.database->execute(QStringLiteral("PRAGMA synchronous=OFF")).has_value());
        AttendanceStore attendance(*m_fixture.database, QStringLiteral("device"));
        for (int day = 1; day <= 5; ++day)
            m_sessions.append(*attendance.openSession(m_fixture.classId, QDate(2026, 9, day), 1));

        QRandomGenerator random(20261204);
        for (int step = 1; step <= 10000; ++step) {
            runOperation(random);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("failed at step %1").arg(step)));
            if (step % 1000 == 0) {
                checkInvariant();
                if (QTest::currentTestFailed())
                    QFAIL(qPrintable(QStringLiteral("invariant broken by step %1").arg(step)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(OutboxPropertyTest)
#include "tst_outboxproperty.moc"
