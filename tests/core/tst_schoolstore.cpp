// SPDX-License-Identifier: GPL-3.0-or-later
//
// Offline work moving into the platform's school: a student imported offline
// whose student number the platform already has becomes the platform's
// student, and no mark is lost on the way.

#include "storefixture.h"

#include "attendancestore.h"
#include "storesupport.h"

#include <QTest>

#include <memory>

using namespace ClassDesk;

class SchoolStoreTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_fixture;
    QString m_localStudentId; // offline copy of the platform's S001
    QString m_newStudentId;   // S003, unknown to the platform
    QString m_sessionId;
    QString m_localClassId; // offline 一班, which the platform's school also has

    int scalar(const char *sql, const QString &argument = {})
    {
        auto statement = m_fixture->database->prepare(sql);
        if (!statement)
            return -1;
        if (!argument.isNull())
            statement->bind(1, argument);
        return statement->step().value_or(false) ? int(statement->int64At(0)) : -1;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<StoreFixture>();
        QVERIFY(m_fixture->setUp(2));
        // The fixture's school and students stand for what a pull brought: acknowledged, nothing to send.
        Database &database = *m_fixture->database;
        QVERIFY(StoreSupport::run(database, "UPDATE school SET server_version = 1").has_value());
        QVERIFY(StoreSupport::run(database, "UPDATE class SET server_version = 1").has_value());
        QVERIFY(StoreSupport::run(database, "UPDATE student SET server_version = 1").has_value());
        QVERIFY(StoreSupport::run(database, "DELETE FROM outbox").has_value());

        // Offline, before the first sign-in.
        SchoolStore schools(database);
        ClassStore classes(database);
        const auto localSchool = schools.createLocalSchool(QStringLiteral("我的学校"), QStringLiteral("Asia/Shanghai"));
        QVERIFY(localSchool.has_value());
        const auto localClass = classes.createClass(*localSchool, QStringLiteral("一班"), QStringLiteral("3"));
        QVERIFY(localClass.has_value());
        m_localClassId = *localClass;
        Student student;
        student.schoolId = *localSchool;
        student.classId = *localClass;
        student.studentNumber = QStringLiteral("S001");
        student.name = QStringLiteral("Student 1");
        student.notes = QJsonObject{{QStringLiteral("allergy"), QStringLiteral("peanuts")}};
        m_localStudentId = classes.createStudent(student).value_or(QString());
        student.studentNumber = QStringLiteral("S003");
        student.notes = {};
        m_newStudentId = classes.createStudent(student).value_or(QString());
        QVERIFY(!m_localStudentId.isEmpty() && !m_newStudentId.isEmpty());

        AttendanceStore attendance(database, QStringLiteral("pc-a"));
        m_sessionId = attendance.openSession(*localClass, QDate(2026, 3, 2), 1).value_or(QString());
        QVERIFY(attendance.mark(m_sessionId, m_localStudentId, AttendanceStatus::Late, QStringLiteral("bus")).has_value());
        QVERIFY(attendance.mark(m_sessionId, m_newStudentId, AttendanceStatus::Present).has_value());
    }

    void duplicateStudentBecomesPlatformStudent()
    {
        const QString platformId = m_fixture->studentIds.first();
        SchoolStore schools(*m_fixture->database);
        const auto moved = schools.moveLocalSchoolsInto(m_fixture->schoolId);
        QVERIFY2(moved.has_value(), qPrintable(moved ? QString() : moved.error().toLogString()));

        QCOMPARE(scalar("SELECT count(*) FROM student WHERE id = ?", m_localStudentId), 0);
        QCOMPARE(scalar("SELECT count(*) FROM student WHERE student_number = 'S001'"), 1);
        QCOMPARE(scalar("SELECT count(*) FROM attendance_record WHERE student_id = ? AND status = 'late'", platformId), 1);
        QCOMPARE(scalar("SELECT count(*) FROM attendance_record"), 2);
        // The unsent mark now names the platform's student, and the local creation is gone.
        QCOMPARE(scalar("SELECT count(*) FROM outbox WHERE entity = 'attendance_record' "
                        "AND json_extract(payload, '$.student_id') = ?",
                        platformId),
                 1);
        QCOMPARE(scalar("SELECT count(*) FROM outbox WHERE entity_id = ?", m_localStudentId), 0);
        // The offline notes are kept and sent as an update of the platform's student.
        QCOMPARE(scalar("SELECT count(*) FROM student WHERE id = ? AND json_extract(notes, '$.allergy') = 'peanuts'",
                        platformId),
                 1);
        QCOMPARE(scalar("SELECT count(*) FROM outbox WHERE entity = 'student' AND entity_id = ? AND op = 'update'",
                        platformId),
                 1);
        // S003 moved over, so the local school is empty and deleted.
        QCOMPARE(scalar("SELECT count(*) FROM student WHERE school_id = (SELECT school_id FROM student WHERE id = ?) "
                        "AND student_number = 'S003'",
                        m_fixture->studentIds.first()),
                 1);
        QCOMPARE(schools.schools()->size(), 1);
    }

    void offlineClassJoinsPlatformClass()
    {
        SchoolStore schools(*m_fixture->database);
        QVERIFY(schools.moveLocalSchoolsInto(m_fixture->schoolId).has_value());

        QCOMPARE(scalar("SELECT count(*) FROM class WHERE id = ?", m_localClassId), 0);
        QCOMPARE(scalar("SELECT count(*) FROM class WHERE name = '一班'"), 1);
        QCOMPARE(scalar("SELECT count(*) FROM outbox WHERE entity = 'class'"), 0);

        // The session taken offline, its marks and the new student are in the
        // platform's class. The session now has the id every device derives
        // for that class, date and period.
        const QString platformSessionId =
            AttendanceStore::sessionIdFor(m_fixture->classId, QStringLiteral("2026-03-02"), 1);
        QCOMPARE(scalar("SELECT count(*) FROM attendance_session WHERE id = ?", m_sessionId), 0);
        QCOMPARE(scalar("SELECT count(*) FROM attendance_session WHERE id = ? AND class_id = "
                        "(SELECT id FROM class WHERE name = '一班')",
                        platformSessionId),
                 1);
        QCOMPARE(scalar("SELECT count(*) FROM attendance_record WHERE session_id = ?", platformSessionId), 2);
        QCOMPARE(scalar("SELECT count(*) FROM attendance_record WHERE id = ?",
                        AttendanceStore::recordIdFor(platformSessionId, m_newStudentId)),
                 1);
        QCOMPARE(scalar("SELECT count(*) FROM outbox WHERE entity = 'attendance_session' AND entity_id = ? "
                        "AND json_extract(payload, '$.id') = ?1",
                        platformSessionId),
                 1);
        QCOMPARE(scalar("SELECT count(*) FROM student WHERE id = ? AND class_id = "
                        "(SELECT id FROM class WHERE name = '一班')",
                        m_newStudentId),
                 1);
        QCOMPARE(scalar("SELECT count(*) FROM outbox WHERE entity = 'attendance_session' "
                        "AND json_extract(payload, '$.class_id') = (SELECT id FROM class WHERE name = '一班')"),
                 1);
    }

    void studentWithClashingMarkStaysUnmerged()
    {
        // The platform's student also has a mark in the same session.
        const QString platformId = m_fixture->studentIds.first();
        AttendanceStore attendance(*m_fixture->database, QStringLiteral("pc-b"));
        QVERIFY(attendance.mark(m_sessionId, platformId, AttendanceStatus::Absent).has_value());

        SchoolStore schools(*m_fixture->database);
        QVERIFY(schools.moveLocalSchoolsInto(m_fixture->schoolId).has_value());
        QCOMPARE(scalar("SELECT count(*) FROM student WHERE id = ?", m_localStudentId), 1);
        QCOMPARE(scalar("SELECT count(*) FROM attendance_record WHERE session_id = ?",
                        AttendanceStore::sessionIdFor(m_fixture->classId, QStringLiteral("2026-03-02"), 1)),
                 3);
        QCOMPARE(schools.schools()->size(), 2);
    }
};

QTEST_GUILESS_MAIN(SchoolStoreTest)
#include "tst_schoolstore.moc"
