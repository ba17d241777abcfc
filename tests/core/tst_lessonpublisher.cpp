// SPDX-License-Identifier: GPL-3.0-or-later
#include "assignmentstore.h"
#include "attendancestore.h"
#include "coursestore.h"
#include "coursewarestore.h"
#include "lessonmaterialstore.h"
#include "lessonpublisher.h"
#include "outboxstore.h"
#include "schema.h"
#include "storefixture.h"
#include "submissionstore.h"

#include <QFile>
#include <QSignalSpy>

#include <sqlite3.h>

using namespace ClassDesk;

class LessonPublisherTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_fixture;
    QString m_courseId;
    QString m_lessonId;
    QString m_assignmentId;
    QStringList m_coursewareIds;
    QDate m_date = QDate(2026, 3, 2);

    Database &database() { return *m_fixture->database; }

    qint64 scalar(const char *sql, const QString &value = {})
    {
        auto statement = database().prepare(sql);
        if (!statement)
            return -1;
        if (!value.isNull())
            statement->bind(1, value);
        if (!statement->step().value_or(false))
            return -1;
        return statement->int64At(0);
    }

    QString text(const char *sql, const QString &value)
    {
        auto statement = database().prepare(sql);
        if (!statement)
            return QStringLiteral("<prepare failed>");
        statement->bind(1, value);
        if (!statement->step().value_or(false))
            return QStringLiteral("<no row>");
        return statement->textAt(0);
    }

    QString uploadState(const QString &id)
    {
        return text("SELECT upload_state FROM courseware WHERE id = ?", id);
    }

    static Courseware makeCourseware(const QString &schoolId, const QString &title, char digit)
    {
        Courseware c;
        c.schoolId = schoolId;
        c.sha256 = QString(64, QLatin1Char(digit));
        c.sizeBytes = 1024;
        c.mimeType = QStringLiteral("application/pdf");
        c.title = title;
        return c;
    }

    // A full row dump of the tables a publish touches, to prove nothing changed.
    QString snapshot()
    {
        QString dump;
        for (const char *sql : {"SELECT group_concat(id || upload_state, ',') FROM courseware",
                                "SELECT group_concat(id || state || coalesce(publish_at, '-'), ',') FROM assignment",
                                "SELECT group_concat(id, ',') FROM attendance_session",
                                "SELECT group_concat(seq || entity || state || payload, ',') FROM outbox"}) {
            auto statement = database().prepare(sql);
            if (statement && statement->step().value_or(false))
                dump += statement->textAt(0) + QLatin1Char('|');
        }
        return dump;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<StoreFixture>();
        QVERIFY(m_fixture->setUp(3));

        CourseStore courses(database());
        Course course;
        course.schoolId = m_fixture->schoolId;
        course.classId = m_fixture->classId;
        course.name = QStringLiteral("语文");
        course.subject = QStringLiteral("chinese");
        auto courseId = courses.createCourse(course);
        QVERIFY(courseId.has_value());
        m_courseId = *courseId;
        auto lessonId = courses.createLesson(m_courseId, m_date, 2);
        QVERIFY(lessonId.has_value());
        m_lessonId = *lessonId;

        CoursewareStore courseware(database());
        LessonMaterialStore materials(database());
        m_coursewareIds.clear();
        for (char digit : {'a', 'b', 'c'}) {
            auto id = courseware.addCourseware(
                makeCourseware(m_fixture->schoolId, QStringLiteral("课件 %1").arg(QLatin1Char(digit)), digit));
            QVERIFY(id.has_value());
            m_coursewareIds.append(*id);
        }
        QVERIFY(materials.attachCourseware(m_lessonId, m_coursewareIds.at(0)).has_value());
        QVERIFY(materials.attachCourseware(m_lessonId, m_coursewareIds.at(1)).has_value());

        AssignmentStore assignments(database());
        Assignment assignment;
        assignment.schoolId = m_fixture->schoolId;
        assignment.courseId = m_courseId;
        assignment.title = QStringLiteral("背诵《静夜思》");
        assignment.targetClassIds = {m_fixture->classId};
        assignment.attachmentIds = {m_coursewareIds.at(2)};
        auto assignmentId = assignments.createAssignment(assignment);
        QVERIFY(assignmentId.has_value());
        m_assignmentId = *assignmentId;
        QVERIFY(materials.setAssignmentLesson(m_assignmentId, m_lessonId).has_value());
    }

    void version1FileMigratesToCurrent()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("v1.sqlite3"));
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "PRAGMA foreign_keys = ON;", nullptr, nullptr, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, Schema::version1Sql(), nullptr, nullptr, nullptr), SQLITE_OK);
        const char *rows = R"sql(
            PRAGMA user_version = 1;
            INSERT INTO school VALUES ('s1', 'School', 'Asia/Shanghai', NULL, NULL, 1, 1);
            INSERT INTO courseware (id, school_id, sha256, size_bytes, mime_type, title, upload_state,
                                    remote_id, created_at, updated_at)
                VALUES ('cw1', 's1', printf('%064d', 1), 10, 'application/pdf', '第一课', 'uploaded', 'r-1', 1, 2);
            INSERT INTO assignment (id, school_id, title, due_time_zone, created_at, updated_at)
                VALUES ('a1', 's1', '作业', 'Asia/Shanghai', 1, 1);
        )sql";
        QCOMPARE(sqlite3_exec(raw, rows, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(raw);

        auto opened = Database::open(path);
        QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().toLogString()));
        Database &migrated = **opened;
        QCOMPARE(migrated.userVersion().value_or(-1), Schema::CurrentVersion);

        CoursewareStore courseware(migrated);
        const auto kept = courseware.courseware(QStringLiteral("cw1"));
        QVERIFY(kept.has_value());
        QCOMPARE(kept->title, QStringLiteral("第一课"));
        QCOMPARE(kept->uploadState, QStringLiteral("uploaded"));
        QCOMPARE(kept->remoteId, QStringLiteral("r-1"));
        const auto byContent = courseware.findByContent(QString(63, QLatin1Char('0')) + QLatin1Char('1'), 10);
        QCOMPARE(byContent.value_or(QList<Courseware>()).size(), 1);

        QVERIFY(courseware.setUploadState(QStringLiteral("cw1"), QStringLiteral("queued"), {}).has_value());
        QVERIFY(!courseware.setUploadState(QStringLiteral("cw1"), QStringLiteral("bogus"), {}).has_value());

        const auto danglingLink =
            migrated.execute(QStringLiteral("INSERT INTO lesson_courseware VALUES ('missing', 'cw1', 0, 1)"));
        QVERIFY(!danglingLink.has_value());
        auto lessonColumn = migrated.prepare("SELECT lesson_id FROM assignment WHERE id = 'a1'");
        QVERIFY(lessonColumn.has_value());
        QVERIFY(lessonColumn->step().value_or(false));
        QVERIFY(lessonColumn->isNull(0));
        auto integrity = migrated.prepare("PRAGMA foreign_key_check");
        QVERIFY(integrity.has_value());
        QCOMPARE(integrity->step().value_or(true), false);
    }

    void lessonsOnListsDateByPeriod()
    {
        CourseStore courses(database());
        QVERIFY(courses.createLesson(m_courseId, m_date, 1).has_value());
        QVERIFY(courses.createLesson(m_courseId, m_date.addDays(1), 1).has_value());
        LessonMaterialStore materials(database());

        const auto lessons = materials.lessonsOn(m_fixture->schoolId, m_date);
        QVERIFY(lessons.has_value());
        QCOMPARE(lessons->size(), 2);
        QCOMPARE(lessons->at(0).period, 1);
        QCOMPARE(lessons->at(1).id, m_lessonId);
        QCOMPARE(lessons->at(1).className, QStringLiteral("一班"));
    }

    void publishChangesEverythingAtOnce()
    {
        LessonPublisher publisher(database());
        QSignalSpy changed(&publisher, &LessonPublisher::changed);

        const auto publication = publisher.publish(m_lessonId);
        QVERIFY2(publication.has_value(), qPrintable(publication ? QString() : publication.error().toLogString()));

        for (const QString &id : std::as_const(m_coursewareIds))
            QCOMPARE(uploadState(id), QStringLiteral("queued"));
        QCOMPARE(text("SELECT state FROM assignment WHERE id = ?", m_assignmentId), QStringLiteral("published"));
        QCOMPARE(scalar("SELECT publish_at FROM assignment WHERE id = ?", m_assignmentId), publication->publishedAt);
        QCOMPARE(scalar("SELECT count(*) FROM attendance_session WHERE lesson_id = ?", m_lessonId), 1);
        QCOMPARE(scalar("SELECT count(*) FROM outbox WHERE entity = 'attendance_session' AND op = 'create'"), 1);
        QCOMPARE(text("SELECT json_extract(payload, '$.state') FROM outbox WHERE entity_id = ?", m_assignmentId),
                 QStringLiteral("published"));
        QCOMPARE(changed.size(), 3);
    }

    void failedPublishChangesNothing_data()
    {
        QTest::addColumn<int>("stepsBeforeFailure");
        for (int steps : {0, 2, 4, 6, 9, 12})
            QTest::newRow(qPrintable(QStringLiteral("after %1 steps").arg(steps))) << steps;
    }

    void failedPublishChangesNothing()
    {
        QFETCH(int, stepsBeforeFailure);
        const QString before = snapshot();
        LessonPublisher publisher(database());

        database().failNextStatement(SQLITE_IOERR, stepsBeforeFailure);
        const auto publication = publisher.publish(m_lessonId);
        database().failNextStatement(0);

        QVERIFY(!publication.has_value());
        QCOMPARE(snapshot(), before);
    }

    void undoRestoresAndCoalesces()
    {
        OutboxStore outbox(database());
        const int pendingBefore = outbox.count(QStringLiteral("pending")).value_or(-1);
        QStringList statesBefore;
        for (const QString &id : std::as_const(m_coursewareIds))
            statesBefore.append(uploadState(id));
        LessonPublisher publisher(database());
        const auto publication = publisher.publish(m_lessonId);
        QVERIFY(publication.has_value());
        QCOMPARE(publisher.canUndo(*publication).value_or(false), true);

        const auto undone = publisher.undo(*publication);
        QVERIFY2(undone.has_value(), qPrintable(undone ? QString() : undone.error().toLogString()));

        // Each file is back in the state it had: local, or queued as an assignment's attachment.
        QStringList statesAfter;
        for (const QString &id : std::as_const(m_coursewareIds))
            statesAfter.append(uploadState(id));
        QCOMPARE(statesAfter, statesBefore);
        QVERIFY(statesBefore.contains(QStringLiteral("local")));
        QCOMPARE(text("SELECT state FROM assignment WHERE id = ?", m_assignmentId), QStringLiteral("draft"));
        QCOMPARE(scalar("SELECT count(*) FROM attendance_session"), 0);
        QCOMPARE(outbox.count(QStringLiteral("pending")).value_or(-1), pendingBefore);
        QCOMPARE(text("SELECT json_extract(payload, '$.state') FROM outbox WHERE entity_id = ?", m_assignmentId),
                 QStringLiteral("draft"));
    }

    void undoRejectedAfterSend()
    {
        LessonPublisher publisher(database());
        const auto publication = publisher.publish(m_lessonId);
        QVERIFY(publication.has_value());
        OutboxStore outbox(database());
        QVERIFY(outbox.markSent({publication->assignments.first().outboxSeq}).has_value());

        QCOMPARE(publisher.canUndo(*publication).value_or(true), false);
        const auto undone = publisher.undo(*publication);
        QVERIFY(!undone.has_value());
        QCOMPARE(undone.error().code, QStringLiteral("publish.undo_too_late"));
        QCOMPARE(text("SELECT state FROM assignment WHERE id = ?", m_assignmentId), QStringLiteral("published"));
        QCOMPARE(uploadState(m_coursewareIds.first()), QStringLiteral("queued"));
    }

    void undoRejectedAfterUploadStarted()
    {
        LessonPublisher publisher(database());
        const auto publication = publisher.publish(m_lessonId);
        QVERIFY(publication.has_value());
        CoursewareStore courseware(database());
        QVERIFY(courseware.setUploadState(m_coursewareIds.first(), QStringLiteral("uploading"), {}).has_value());

        QVERIFY(!publisher.undo(*publication).has_value());
        QCOMPARE(scalar("SELECT count(*) FROM attendance_session"), 1);
    }

    void publishKeepsOpenedSession()
    {
        AttendanceStore attendance(database(), QStringLiteral("test"));
        const auto sessionId = attendance.openSession(m_fixture->classId, m_date, 2, m_lessonId);
        QVERIFY(sessionId.has_value());
        QVERIFY(attendance.mark(*sessionId, m_fixture->studentIds.first(), AttendanceStatus::Late).has_value());

        LessonPublisher publisher(database());
        const auto publication = publisher.publish(m_lessonId);
        QVERIFY(publication.has_value());
        QCOMPARE(publication->sessionId, *sessionId);
        QVERIFY(!publication->sessionCreated);

        QVERIFY(publisher.undo(*publication).has_value());
        QCOMPARE(scalar("SELECT count(*) FROM attendance_record WHERE session_id = ?", *sessionId), 1);
    }

    void untitledAssignmentBlocksPublish()
    {
        AssignmentStore assignments(database());
        auto assignment = assignments.assignment(m_assignmentId);
        QVERIFY(assignment.has_value());
        assignment->title = QStringLiteral("  ");
        QVERIFY(assignments.updateAssignment(*assignment).has_value());
        const QString before = snapshot();

        LessonPublisher publisher(database());
        const auto publication = publisher.publish(m_lessonId);
        QVERIFY(!publication.has_value());
        QCOMPARE(publication.error().code, QStringLiteral("publish.assignment_title_missing"));
        QCOMPARE(snapshot(), before);
    }

    void assignmentWithoutClassesBlocksPublish()
    {
        AssignmentStore assignments(database());
        auto assignment = assignments.assignment(m_assignmentId);
        QVERIFY(assignment.has_value());
        assignment->targetClassIds.clear();
        QVERIFY(assignments.updateAssignment(*assignment).has_value());
        const QString before = snapshot();

        LessonPublisher publisher(database());
        const auto publication = publisher.publish(m_lessonId);
        QVERIFY(!publication.has_value());
        QCOMPARE(publication.error().code, QStringLiteral("publish.assignment_classes_missing"));
        QCOMPARE(snapshot(), before);
    }

    void submissionsListTargetStudents()
    {
        SubmissionStore submissions(database());
        auto empty = submissions.counts(m_assignmentId);
        QVERIFY(empty.has_value());
        QCOMPARE(empty->rows, 0);
        QCOMPARE(empty->missing, 3);

        QVERIFY(database()
                    .execute(QStringLiteral("INSERT INTO submission (id, assignment_id, student_id, state, score, "
                                            "submitted_at, created_at, updated_at) VALUES "
                                            "('sub1', '%1', '%2', 'late', 88.5, 5, 5, 5)")
                                 .arg(m_assignmentId, m_fixture->studentIds.at(1)))
                    .has_value());
        const auto rows = submissions.submissions(m_assignmentId);
        QVERIFY(rows.has_value());
        QCOMPARE(rows->size(), 3);
        QCOMPARE(rows->at(1).state, SubmissionState::Late);
        QCOMPARE(rows->at(1).score, std::optional(88.5));
        const SubmissionCounts counts = countSubmissions(*rows);
        QCOMPARE(counts.rows, 1);
        QCOMPARE(counts.late, 1);
        QCOMPARE(counts.missing, 2);
    }
};

QTEST_GUILESS_MAIN(LessonPublisherTest)
#include "tst_lessonpublisher.moc"
