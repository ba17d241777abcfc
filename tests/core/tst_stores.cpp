// SPDX-License-Identifier: GPL-3.0-or-later
#include "assignmentstore.h"
#include "attendancestore.h"
#include "coursestore.h"
#include "coursewarestore.h"
#include "outboxstore.h"
#include "storefixture.h"
#include "uuid7.h"

#include <QSignalSpy>

#include <sqlite3.h>

using namespace ClassDesk;

class StoresTest : public QObject
{
    Q_OBJECT

private:
    static qint64 scalar(Database &database, const char *sql)
    {
        auto statement = database.prepare(sql);
        if (!statement || !statement->step().value_or(false))
            return -1;
        return statement->int64At(0);
    }

    static QList<OutboxEntry> outboxOf(Database &database, const QString &entity, const QString &id)
    {
        OutboxStore outbox(database);
        return outbox.entries(entity, id).value_or(QList<OutboxEntry>());
    }

private slots:
    void uuid7IsTimeOrderedAndVersion7()
    {
        QStringList ids;
        for (int i = 0; i < 5000; ++i)
            ids.append(Uuid7::generateAt(1'700'000'000'000));
        QStringList sorted = ids;
        sorted.sort();
        QCOMPARE(sorted, ids);
        const QByteArray bytes = QUuid::fromString(ids.first()).toRfc4122();
        QCOMPARE(quint8(bytes[6]) >> 4, 7);      // version
        QCOMPARE(quint8(bytes[8]) >> 6, 2);      // RFC 9562 variant
        QCOMPARE(Uuid7::timestampOf(QStringLiteral("00000000-0000-4000-8000-000000000000")), -1);
        QVERIFY(Uuid7::timestampOf(ids.first()) >= 1'700'000'000'000);
        QVERIFY(Uuid7::timestampOf(ids.last()) >= Uuid7::timestampOf(ids.first()));
        QVERIFY(Uuid7::generate() > ids.last());
        // The text is QUuid's own form of the same bytes, and no id repeats.
        for (const QString &id : std::as_const(ids))
            QCOMPARE(QUuid::fromString(id).toString(QUuid::WithoutBraces), id);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    }

    void schoolRejectsUnknownTimeZone()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(0));
        SchoolStore schools(*fixture.database);

        const auto created = schools.createSchool(QStringLiteral("Nowhere"), QStringLiteral("Mars/Olympus"));

        QVERIFY(!created.has_value());
        QCOMPARE(created.error().code, QStringLiteral("store.invalid_time_zone"));
        QVERIFY(created.error().message.contains(QStringLiteral("Mars/Olympus")));
        QCOMPARE(schools.timeZone(fixture.schoolId)->id(), QByteArray("Asia/Shanghai"));
    }

    void createTeacherWritesOutboxCreate()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(0));
        SchoolStore schools(*fixture.database);
        QSignalSpy spy(&schools, &SchoolStore::changed);

        const auto teacher = schools.createTeacher(fixture.schoolId, QStringLiteral("王老师"), QStringLiteral("wang"));

        QVERIFY(teacher.has_value());
        QCOMPARE(outboxOf(*fixture.database, QStringLiteral("teacher"), *teacher).size(), 1);
        QCOMPARE(spy.size(), 1);
    }

    void createStudentWritesOutboxCreate()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(1));
        const auto entries = outboxOf(*fixture.database, QStringLiteral("student"), fixture.studentIds.first());

        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().op, QStringLiteral("create"));
        QCOMPARE(entries.first().payload.value(QStringLiteral("student_number")).toString(), QStringLiteral("S001"));
        QVERIFY(!entries.first().idempotencyKey.isEmpty());
        QVERIFY(!entries.first().baseVersion.has_value());
    }

    void studentsFilterByClassAndSearch_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("expected");
        QTest::newRow("everyone") << QString() << 12;
        QTest::newRow("number prefix") << QStringLiteral("S01") << 3;   // S010, S011, S012
        QTest::newRow("name part") << QStringLiteral("nt 1") << 4;      // 1, 10, 11, 12
        QTest::newRow("wildcard is literal") << QStringLiteral("%") << 0;
        QTest::newRow("no match") << QStringLiteral("张") << 0;
    }

    void studentsFilterByClassAndSearch()
    {
        QFETCH(QString, search);
        QFETCH(int, expected);
        StoreFixture fixture;
        QVERIFY(fixture.setUp(12));
        ClassStore classes(*fixture.database);

        const auto found = classes.students({fixture.schoolId, fixture.classId, search, false});

        QVERIFY(found.has_value());
        QCOMPARE(found->size(), expected);
    }

    void studentNumberUniqueWithinSchool()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(1));
        ClassStore classes(*fixture.database);
        Student duplicate;
        duplicate.schoolId = fixture.schoolId;
        duplicate.studentNumber = QStringLiteral("S001");
        duplicate.name = QStringLiteral("Other");

        const auto created = classes.createStudent(duplicate);

        QVERIFY(!created.has_value());
        QCOMPARE(created.error().sqliteCode, SQLITE_CONSTRAINT_UNIQUE);
        QCOMPARE(scalar(*fixture.database, "SELECT count(*) FROM outbox WHERE entity = 'student'"), 1);
    }

    void updateAndSoftDeleteStudent()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(2));
        ClassStore classes(*fixture.database);
        QSignalSpy spy(&classes, &ClassStore::changed);
        auto student = classes.student(fixture.studentIds.first());
        QVERIFY(student.has_value());
        student->name = QStringLiteral("李雷");
        student->notes = QJsonObject{{QStringLiteral("seat"), 4}};

        QVERIFY(classes.updateStudent(*student).has_value());
        QVERIFY(classes.removeStudent(fixture.studentIds.last()).has_value());

        QCOMPARE(classes.student(fixture.studentIds.first())->name, QStringLiteral("李雷"));
        QCOMPARE(classes.student(fixture.studentIds.first())->notes.value(QStringLiteral("seat")).toInt(), 4);
        QVERIFY(!classes.student(fixture.studentIds.last()).has_value());
        QCOMPARE(classes.students({fixture.schoolId, {}, {}, false})->size(), 1);
        QCOMPARE(classes.students({fixture.schoolId, {}, {}, true})->size(), 2);
        QVERIFY(!classes.studentByNumber(fixture.schoolId, QStringLiteral("S002"))->has_value());
        QCOMPARE(classes.studentByNumber(fixture.schoolId, QStringLiteral("S001"))->value().id,
                 fixture.studentIds.first());
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("student"));
        QCOMPARE(spy.at(0).at(1).toStringList(), QStringList{fixture.studentIds.first()});
    }

    void createThenUpdatesCoalesceIntoCreate()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(1));
        ClassStore classes(*fixture.database);
        auto student = *classes.student(fixture.studentIds.first());
        student.name = QStringLiteral("first");
        QVERIFY(classes.updateStudent(student).has_value());
        student.name = QStringLiteral("second");
        QVERIFY(classes.updateStudent(student).has_value());

        const auto entries = outboxOf(*fixture.database, QStringLiteral("student"), student.id);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().op, QStringLiteral("create"));
        QCOMPARE(entries.first().payload.value(QStringLiteral("name")).toString(), QStringLiteral("second"));
    }

    void updateAfterSentCreateIsNewEntry()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(1));
        ClassStore classes(*fixture.database);
        OutboxStore outbox(*fixture.database);
        const QString id = fixture.studentIds.first();
        const auto created = outboxOf(*fixture.database, QStringLiteral("student"), id);
        QVERIFY(outbox.markSent({created.first().seq}).has_value());

        auto student = *classes.student(id);
        student.name = QStringLiteral("changed");
        QVERIFY(classes.updateStudent(student).has_value());

        const auto entries = outboxOf(*fixture.database, QStringLiteral("student"), id);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).payload.value(QStringLiteral("name")).toString(), QStringLiteral("Student 1"));
        QCOMPARE(entries.at(0).state, QStringLiteral("sent"));
        QCOMPARE(entries.at(1).op, QStringLiteral("update"));
        QCOMPARE(entries.at(1).state, QStringLiteral("pending"));
    }

    void openSessionIsIdempotent()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(1));
        AttendanceStore attendance(*fixture.database, QStringLiteral("device-1"));
        const auto first = attendance.openSession(fixture.classId, QDate(2026, 9, 1), 1);
        const auto second = attendance.openSession(fixture.classId, QDate(2026, 9, 1), 1);
        const auto other = attendance.openSession(fixture.classId, QDate(2026, 9, 1), 2);

        QVERIFY(first.has_value());
        QCOMPARE(*second, *first);
        QVERIFY(*other != *first);
        QCOMPARE(scalar(*fixture.database, "SELECT count(*) FROM attendance_session"), 2);
        QCOMPARE(scalar(*fixture.database, "SELECT count(*) FROM outbox WHERE entity = 'attendance_session'"), 2);
    }

    void remarkKeepsHistoryAndCoalescesPending()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(1));
        AttendanceStore attendance(*fixture.database, QStringLiteral("device-1"));
        const QString session = *attendance.openSession(fixture.classId, QDate(2026, 9, 1), 1);
        const QString student = fixture.studentIds.first();

        QVERIFY(attendance.mark(session, student, AttendanceStatus::Absent).has_value());
        QVERIFY(attendance.mark(session, student, AttendanceStatus::Late, QStringLiteral("bus")).has_value());

        const auto marks = *attendance.marks(session);
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.first().status, AttendanceStatus::Late);
        QCOMPARE(marks.first().note, QStringLiteral("bus"));
        QCOMPARE(marks.first().device, QStringLiteral("device-1"));
        const auto history = *attendance.history(session, student);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().status, AttendanceStatus::Absent);
        const auto entries = outboxOf(*fixture.database, QStringLiteral("attendance_record"), marks.first().recordId);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().payload.value(QStringLiteral("status")).toString(), QStringLiteral("late"));
    }

    void remarkAfterSentIsNewEntry()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(1));
        AttendanceStore attendance(*fixture.database, QStringLiteral("device-1"));
        OutboxStore outbox(*fixture.database);
        const QString session = *attendance.openSession(fixture.classId, QDate(2026, 9, 1), 1);
        QVERIFY(attendance.mark(session, fixture.studentIds.first(), AttendanceStatus::Absent).has_value());
        const QString record = attendance.marks(session)->first().recordId;
        QVERIFY(outbox.markSent({outboxOf(*fixture.database, QStringLiteral("attendance_record"), record).first().seq})
                    .has_value());

        QVERIFY(attendance.mark(session, fixture.studentIds.first(), AttendanceStatus::Present).has_value());

        const auto entries = outboxOf(*fixture.database, QStringLiteral("attendance_record"), record);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).payload.value(QStringLiteral("status")).toString(), QStringLiteral("absent"));
        QCOMPARE(entries.at(1).payload.value(QStringLiteral("status")).toString(), QStringLiteral("present"));
    }

    void markAllPresentIsOneTransaction()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(5));
        AttendanceStore attendance(*fixture.database, QStringLiteral("device-1"));
        const QString session = *attendance.openSession(fixture.classId, QDate(2026, 9, 1), 1);
        QVERIFY(attendance.mark(session, fixture.studentIds.at(2), AttendanceStatus::Absent).has_value());
        QSignalSpy spy(&attendance, &AttendanceStore::changed);

        // A failure after some students were written must leave no new mark.
        const qint64 before = scalar(*fixture.database, "SELECT count(*) FROM attendance_record");
        // 20 steps pass: BEGIN, five for the student query and five per student,
        // so the third student's outbox insert fails after two were written.
        fixture.database->failNextStatement(SQLITE_IOERR, 20);
        const auto failed = attendance.markAllPresent(session);
        QVERIFY(!failed.has_value());
        QCOMPARE(failed.error().sqliteCode, SQLITE_IOERR);
        QCOMPARE(scalar(*fixture.database, "SELECT count(*) FROM attendance_record"), before);
        QCOMPARE(scalar(*fixture.database, "SELECT count(*) FROM attendance_record_history"), 0);

        const auto marked = attendance.markAllPresent(session);
        QVERIFY(marked.has_value());
        QCOMPARE(*marked, 4);
        const auto counts = *attendance.sessionCounts(session);
        QCOMPARE(counts.present, 4);
        QCOMPARE(counts.absent, 1);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().at(1).toStringList().size(), 4);
        QCOMPARE(scalar(*fixture.database, "SELECT count(*) FROM outbox WHERE entity = 'attendance_record'"), 5);
    }

    void attendanceRatesOnHandCheckedData()
    {
        // Three students, four sessions (Sept 1-4, period 1):
        //          Sep 1    Sep 2    Sep 3        Sep 4 (outside the range below)
        //   S001   present  late     present      absent
        //   S002   absent   leave    early_leave  present
        //   S003   present  present  (no mark)    present
        // Sep 1-3: present 4, late 1, absent 1, leave 1, early_leave 1 → 6 of 8 attended = 0.75
        // S001 Sep 1-3: 3 of 3; S002 Sep 1-3: 1 of 3 (early leave counts as attended).
        StoreFixture fixture;
        QVERIFY(fixture.setUp(3));
        AttendanceStore attendance(*fixture.database, QStringLiteral("device-1"));
        using S = AttendanceStatus;
        const QList<QList<std::optional<S>>> table = {
            {S::Present, S::Late, S::Present, S::Absent},
            {S::Absent, S::Leave, S::EarlyLeave, S::Present},
            {S::Present, S::Present, std::nullopt, S::Present},
        };
        for (int day = 0; day < 4; ++day) {
            const QString session = *attendance.openSession(fixture.classId, QDate(2026, 9, 1 + day), 1);
            for (int student = 0; student < 3; ++student) {
                if (const auto status = table[student][day])
                    QVERIFY(attendance.mark(session, fixture.studentIds[student], *status).has_value());
            }
        }

        const auto classCounts = *attendance.classCounts(fixture.classId, QDate(2026, 9, 1), QDate(2026, 9, 3));
        QCOMPARE(classCounts.present, 4);
        QCOMPARE(classCounts.late, 1);
        QCOMPARE(classCounts.absent, 1);
        QCOMPARE(classCounts.leave, 1);
        QCOMPARE(classCounts.earlyLeave, 1);
        QCOMPARE(classCounts.total(), 8);
        QCOMPARE(*classCounts.rate(), 0.75);

        const auto first = *attendance.studentCounts(fixture.studentIds[0], QDate(2026, 9, 1), QDate(2026, 9, 3));
        QCOMPARE(first.total(), 3);
        QCOMPARE(*first.rate(), 1.0);
        const auto second = *attendance.studentCounts(fixture.studentIds[1], QDate(2026, 9, 1), QDate(2026, 9, 3));
        QCOMPARE(second.attended(), 1);
        QCOMPARE(second.total(), 3);

        const auto whole = *attendance.classCounts(fixture.classId, QDate(2026, 9, 1), QDate(2026, 9, 4));
        QCOMPARE(whole.total(), 11);
        QCOMPARE(whole.attended(), 8);
        QVERIFY(!attendance.classCounts(fixture.classId, QDate(2026, 10, 1), QDate(2026, 10, 31))->rate());
    }

    void courseLessonsFormTimetable()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(0));
        CourseStore courses(*fixture.database);
        Course course;
        course.schoolId = fixture.schoolId;
        course.classId = fixture.classId;
        course.name = QStringLiteral("语文");
        const QString courseId = *courses.createCourse(course);
        const QString monday = *courses.createLesson(courseId, QDate(2026, 9, 7), 2);
        QVERIFY(courses.createLesson(courseId, QDate(2026, 9, 7), 1).has_value());
        QVERIFY(courses.createLesson(courseId, QDate(2026, 9, 14), 1).has_value());
        QVERIFY(courses.removeLesson(monday).has_value());

        const auto week = *courses.timetable(fixture.classId, QDate(2026, 9, 7), QDate(2026, 9, 13));
        QCOMPARE(week.size(), 1);
        QCOMPARE(week.first().period, 1);
        QCOMPARE(week.first().courseName, QStringLiteral("语文"));
        QCOMPARE(courses.courses(fixture.classId)->size(), 1);
    }

    void assignmentLifecycle()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(0));
        AssignmentStore assignments(*fixture.database);
        Assignment draft;
        draft.schoolId = fixture.schoolId;
        draft.title = QStringLiteral("背诵课文");
        draft.dueDate = QDate(2026, 9, 10);
        draft.dueTime = QTime(8, 0);
        draft.targetClassIds = {fixture.classId};
        const QString id = *assignments.createAssignment(draft);

        auto saved = *assignments.assignment(id);
        QCOMPARE(saved.dueTimeZone, QStringLiteral("Asia/Shanghai"));
        QCOMPARE(saved.targetClassIds, QStringList{fixture.classId});
        QCOMPARE(*saved.dueInstant(), QDateTime(QDate(2026, 9, 10), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());

        QVERIFY(!assignments.setState(id, AssignmentState::Scheduled).has_value());
        QVERIFY(assignments.setState(id, AssignmentState::Scheduled, 1'800'000'000'000).has_value());
        QCOMPARE(assignments.assignment(id)->state, AssignmentState::Scheduled);
        QCOMPARE(*assignments.assignment(id)->publishAt, 1'800'000'000'000);
        QVERIFY(assignments.setState(id, AssignmentState::Published).has_value());
        QCOMPARE(assignments.assignment(id)->state, AssignmentState::Published);

        QVERIFY(assignments.removeAssignment(id).has_value());
        QVERIFY(!assignments.assignment(id).has_value());
        const auto entries = outboxOf(*fixture.database, QStringLiteral("assignment"), id);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).op, QStringLiteral("create"));
        QCOMPARE(entries.at(0).payload.value(QStringLiteral("state")).toString(), QStringLiteral("published"));
        QCOMPARE(entries.at(1).op, QStringLiteral("delete"));
    }

    void attachmentsAreQueuedForUpload()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(0));
        CoursewareStore library(*fixture.database);
        Courseware courseware;
        courseware.schoolId = fixture.schoolId;
        courseware.sha256 = QString(64, QLatin1Char('b'));
        courseware.sizeBytes = 4096;
        courseware.mimeType = QStringLiteral("audio/ogg");
        courseware.title = QStringLiteral("朗读示范");
        const QString coursewareId = *library.addCourseware(courseware);
        QCOMPARE(library.courseware(coursewareId)->uploadState, QStringLiteral("local"));

        AssignmentStore assignments(*fixture.database);
        Assignment draft;
        draft.schoolId = fixture.schoolId;
        draft.title = QStringLiteral("背诵静夜思");
        draft.targetClassIds = {fixture.classId};
        draft.attachmentIds = {coursewareId};
        const QString id = *assignments.createAssignment(draft);
        QCOMPARE(library.courseware(coursewareId)->uploadState, QStringLiteral("queued"));

        // Neither the courseware nor the assignment goes out before the file.
        OutboxStore outbox(*fixture.database);
        const auto pending = outbox.pending(100);
        QVERIFY(pending.has_value());
        for (const OutboxEntry &entry : *pending) {
            QVERIFY(entry.entityId != id);
            QVERIFY(entry.entityId != coursewareId);
        }
    }

    void coursewareMetadataRoundTrip()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(0));
        CoursewareStore store(*fixture.database);
        Courseware courseware;
        courseware.schoolId = fixture.schoolId;
        courseware.sha256 = QString(64, QLatin1Char('A'));
        courseware.sizeBytes = 1234;
        courseware.mimeType = QStringLiteral("video/mp4");
        courseware.title = QStringLiteral("古诗朗读");
        courseware.tags = {QStringLiteral("语文"), QStringLiteral("三年级")};
        courseware.durationMs = 90'000;
        courseware.chapterMarks = QJsonArray{QJsonObject{{QStringLiteral("title"), QStringLiteral("第一段")},
                                                         {QStringLiteral("position_ms"), 0}}};
        const QString id = *store.addCourseware(courseware);

        const auto found = *store.findByContent(QString(64, QLatin1Char('a')), 1234);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().tags, courseware.tags);
        QCOMPARE(found.first().chapterMarks, courseware.chapterMarks);
        QCOMPARE(*found.first().durationMs, 90'000);
        QVERIFY(!found.first().pageCount.has_value());

        QVERIFY(store.setUploadState(id, QStringLiteral("uploaded"), QStringLiteral("r-1")).has_value());
        QCOMPARE(store.courseware(id)->remoteId, QStringLiteral("r-1"));
        QCOMPARE(outboxOf(*fixture.database, QStringLiteral("courseware"), id).size(), 1);
        QVERIFY(store.removeCourseware(id).has_value());
        QVERIFY(store.coursewareList(fixture.schoolId)->isEmpty());
    }

    void outboxResultsEachHandled()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(4));
        OutboxStore outbox(*fixture.database);
        ClassStore classes(*fixture.database);
        QSignalSpy spy(&outbox, &OutboxStore::changed);
        const auto pending = *outbox.pending(100);
        QCOMPARE(pending.size(), 6); // school, class, four students
        QVERIFY(pending.first().seq < pending.last().seq);
        QList<qint64> seqs;
        for (const auto &entry : pending)
            seqs.append(entry.seq);
        QVERIFY(outbox.markSent(seqs).has_value());

        // An update made while the create is in flight is rebased when it is acknowledged.
        auto student = *classes.student(fixture.studentIds[0]);
        student.name = QStringLiteral("new");
        QVERIFY(classes.updateStudent(student).has_value());

        QList<MutationResult> results;
        results.append({pending[2].idempotencyKey, MutationOutcome::Applied, 7, {}, {}});
        results.append({pending[3].idempotencyKey, MutationOutcome::Duplicate, std::nullopt, {}, {}});
        results.append({pending[4].idempotencyKey, MutationOutcome::Conflict, 9,
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("server")}}, {}});
        results.append({pending[5].idempotencyKey, MutationOutcome::Rejected, std::nullopt, {},
                        QStringLiteral("student_number.invalid")});
        QVERIFY(outbox.recordResults(results).has_value());

        QCOMPARE(*classes.student(fixture.studentIds[0])->serverVersion, 7);
        const auto after = outboxOf(*fixture.database, QStringLiteral("student"), fixture.studentIds[0]);
        QCOMPARE(after.at(0).state, QStringLiteral("acknowledged"));
        QCOMPARE(*after.at(1).baseVersion, 7);
        QCOMPARE(outboxOf(*fixture.database, QStringLiteral("student"), fixture.studentIds[1]).first().state,
                 QStringLiteral("acknowledged"));
        QCOMPARE(outboxOf(*fixture.database, QStringLiteral("student"), fixture.studentIds[2]).first().state,
                 QStringLiteral("parked"));
        QCOMPARE(scalar(*fixture.database, "SELECT count(*) FROM conflict WHERE server_version = 9"), 1);
        const auto rejected = outboxOf(*fixture.database, QStringLiteral("student"), fixture.studentIds[3]);
        QCOMPARE(rejected.first().state, QStringLiteral("parked"));
        QCOMPARE(rejected.first().lastError, QStringLiteral("student_number.invalid"));
        QCOMPARE(*outbox.count(QStringLiteral("sent")), 2); // school and class still wait
        QCOMPARE(spy.size(), 1);

        QVERIFY(outbox.requeueSent().has_value());
        QCOMPARE(*outbox.count(QStringLiteral("pending")), 3);
    }
};

QTEST_GUILESS_MAIN(StoresTest)
#include "tst_stores.moc"
