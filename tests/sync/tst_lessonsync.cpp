// SPDX-License-Identifier: GPL-3.0-or-later
//
// A lesson prepared and published offline against the reference server's
// demo school. The lesson reaches the platform with its courseware and its
// assignment linked, and the platform's submissions come back with the right
// counts. The local timetable is the signed-in teacher's.

#include "syncfixture.h"

#include "assignmentstore.h"
#include "coursestore.h"
#include "coursewarefilestore.h"
#include "coursewarestore.h"
#include "lessonmaterialstore.h"
#include "lessonpublisher.h"
#include "schoolstore.h"
#include "submissionstore.h"

#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace SyncFixture;

class TestLessonSync : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    QHash<QString, QString> m_passwords; // demo account -> password
    Device m_device;                     // demo1's computer
    QString m_lessonId;
    QString m_classId;
    QString m_coursewareId;
    QString m_assignmentId;

    QString token(const QString &account) const { return m_server.signIn(account, m_passwords.value(account)); }

    QString text(const char *sql, const QString &argument = {}) const
    {
        auto statement = m_device.database->prepare(sql);
        if (!statement)
            return QStringLiteral("<prepare failed>");
        if (!argument.isNull())
            statement->bind(1, argument);
        return statement->step().value_or(false) ? statement->textAt(0) : QString();
    }

    QJsonObject serverData(const QString &account, const QString &id) const
    {
        return serverState(m_server, token(account)).value(id).value(QStringLiteral("data")).toObject();
    }

    QJsonObject submissionMutation(const QString &studentId, const QJsonObject &fields) const
    {
        QJsonObject data{{QStringLiteral("assignment_id"), m_assignmentId}, {QStringLiteral("student_id"), studentId}};
        for (auto it = fields.begin(); it != fields.end(); ++it)
            data.insert(it.key(), it.value());
        return {{QStringLiteral("idempotency_key"), newId()},
                {QStringLiteral("entity"), QStringLiteral("submission")},
                {QStringLiteral("op"), QStringLiteral("create")},
                {QStringLiteral("id"), newId()},
                {QStringLiteral("base_version"), QJsonValue::Null},
                {QStringLiteral("data"), data}};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        int exitCode = -1;
        const QString accounts = QString::fromUtf8(m_server.runCommand({QStringLiteral("demo")}, &exitCode));
        QCOMPARE(exitCode, 0);
        static const QRegularExpression s_account(QStringLiteral("user (demo\\d)  password (\\S+)"));
        for (auto it = s_account.globalMatch(accounts); it.hasNext();) {
            const auto match = it.next();
            m_passwords.insert(match.captured(1), match.captured(2));
        }
        QCOMPARE(m_passwords.size(), 4);
        QVERIFY(m_server.start());
        QVERIFY(m_device.open());
        QVERIFY(m_device.signIn(m_server, QStringLiteral("demo1"), m_passwords.value(QStringLiteral("demo1"))));
    }

    void cleanupTestCase()
    {
        m_device.sync.reset();
        m_server.stop();
    }

    void demoSubmissionsArriveCounted()
    {
        const QString assignmentId = text("SELECT id FROM assignment WHERE state = 'published' ORDER BY id LIMIT 1");
        QVERIFY(!assignmentId.isEmpty());
        const QString classId = text("SELECT json_extract(target_class_ids, '$[0]') FROM assignment WHERE id = ?",
                                     assignmentId);
        const int classSize = m_device.scalar("SELECT count(*) FROM student WHERE class_id = ?", classId);

        SubmissionStore submissions(*m_device.database);
        const auto counts = submissions.counts(assignmentId);
        QVERIFY(counts.has_value());
        QVERIFY(counts->rows > 0);
        QVERIFY(counts->submitted > 0);
        QVERIFY(counts->late > 0);
        QVERIFY(counts->missing > 0);
        QCOMPARE(counts->submitted + counts->late + counts->missing, classSize);

        const auto list = submissions.submissions(assignmentId);
        QVERIFY(list.has_value());
        const bool anyScore = std::any_of(list->begin(), list->end(), [](const Submission &s) { return s.score.has_value(); });
        QVERIFY(anyScore);
    }

    void offlinePublishedLessonArrivesLinked()
    {
        // One of demo1's lessons, prepared on the device.
        m_lessonId = text("SELECT id FROM lesson ORDER BY date, period LIMIT 1");
        QVERIFY(!m_lessonId.isEmpty());
        const QString courseId = text("SELECT course_id FROM lesson WHERE id = ?", m_lessonId);
        m_classId = text("SELECT class_id FROM course WHERE id = ?", courseId);

        // The assignment is written before the worksheet joins the library,
        // so its pending create comes first in the outbox and names it later.
        AssignmentStore assignments(*m_device.database);
        Assignment assignment;
        assignment.schoolId = m_device.schoolId();
        assignment.courseId = courseId;
        assignment.title = QStringLiteral("课后练习");
        assignment.targetClassIds = {m_classId};
        const auto assignmentId = assignments.createAssignment(assignment);
        QVERIFY(assignmentId.has_value());
        m_assignmentId = *assignmentId;

        QTemporaryDir originals;
        QFile original(originals.filePath(QStringLiteral("第一课.pdf")));
        QVERIFY(original.open(QIODevice::WriteOnly));
        original.write(QByteArray(64 * 1024, 'p'));
        original.close();
        const auto stored = CoursewareFileStore(m_device.folder.path()).importFile(original.fileName());
        QVERIFY(stored.has_value());
        Courseware row;
        row.schoolId = m_device.schoolId();
        row.sha256 = stored->sha256;
        row.sizeBytes = stored->sizeBytes;
        row.mimeType = QStringLiteral("application/pdf");
        row.title = QStringLiteral("第一课");
        const auto coursewareId = CoursewareStore(*m_device.database).addCourseware(row);
        QVERIFY(coursewareId.has_value());
        m_coursewareId = *coursewareId;

        auto draft = assignments.assignment(m_assignmentId);
        QVERIFY(draft.has_value());
        draft->attachmentIds = {m_coursewareId};
        QVERIFY(assignments.updateAssignment(*draft).has_value());
        LessonMaterialStore materials(*m_device.database);
        QVERIFY(materials.attachCourseware(m_lessonId, m_coursewareId).has_value());
        QVERIFY(materials.setAssignmentLesson(m_assignmentId, m_lessonId).has_value());

        // The network is gone while the teacher presses the button.
        m_server.stop();
        const auto publication = LessonPublisher(*m_device.database).publish(m_lessonId);
        QVERIFY(publication.has_value());
        QVERIFY(publication->sessionCreated);
        QSignalSpy failed(m_device.sync.get(), &SyncController::syncFinished);
        m_device.sync->syncNow();
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.first().first().toBool(), false);
        QVERIFY(m_device.scalar("SELECT count(*) FROM outbox WHERE state = 'pending'") >= 3);

        // The network returns (the server on a new port): everything goes out.
        QVERIFY(m_server.start());
        QVERIFY(m_device.signIn(m_server, QStringLiteral("demo1"), m_passwords.value(QStringLiteral("demo1"))));
        QVERIFY(m_device.syncUntilDone());

        // The courseware, and the assignment and lesson that name it, wait for
        // the file's upload; its end starts the sync that sends them.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_device.scalar("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent', 'parked')"), 0, 60000);

        const QHash<QString, QJsonObject> state = serverState(m_server, token(QStringLiteral("demo1")));
        const QJsonObject lesson = state.value(m_lessonId).value(QStringLiteral("data")).toObject();
        QCOMPARE(lesson.value(QStringLiteral("courseware_ids")).toArray(), QJsonArray{m_coursewareId});
        const QJsonObject published = state.value(m_assignmentId).value(QStringLiteral("data")).toObject();
        QCOMPARE(published.value(QStringLiteral("lesson_id")).toString(), m_lessonId);
        QCOMPARE(published.value(QStringLiteral("state")).toString(), QStringLiteral("published"));
        QCOMPARE(published.value(QStringLiteral("attachment_ids")).toArray(), QJsonArray{m_coursewareId});
        const QJsonObject session = state.value(publication->sessionId).value(QStringLiteral("data")).toObject();
        QCOMPARE(session.value(QStringLiteral("lesson_id")).toString(), m_lessonId);

        // The courseware file follows through the upload queue, and the next
        // sync sends its file id; then device and platform hold the same data.
        QTRY_COMPARE_WITH_TIMEOUT(text("SELECT upload_state FROM courseware WHERE id = ?", m_coursewareId),
                                  QStringLiteral("uploaded"), 30000);
        QVERIFY(m_device.syncUntilDone());
        const QStringList problems = differences(m_device, serverState(m_server, token(QStringLiteral("demo1"))));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(QLatin1Char('\n'))));
    }

    void secondDeviceGetsLessonLinks()
    {
        QVERIFY(!m_lessonId.isEmpty());
        Device second;
        QVERIFY(second.open());
        QVERIFY(second.signIn(m_server, QStringLiteral("demo1"), m_passwords.value(QStringLiteral("demo1"))));
        QCOMPARE(second.scalar("SELECT count(*) FROM lesson_courseware WHERE lesson_id = ?", m_lessonId), 1);
        QCOMPARE(second.scalar("SELECT count(*) FROM assignment WHERE lesson_id = ?", m_lessonId), 1);

        // Unlinking on the second device reaches the first.
        LessonMaterialStore materials(*second.database);
        QVERIFY(materials.detachCourseware(m_lessonId, m_coursewareId).has_value());
        QVERIFY(second.syncUntilDone());
        QVERIFY(m_device.syncUntilDone());
        QCOMPARE(m_device.scalar("SELECT count(*) FROM lesson_courseware WHERE lesson_id = ?", m_lessonId), 0);
        QVERIFY(LessonMaterialStore(*m_device.database).attachCourseware(m_lessonId, m_coursewareId).has_value());
        QVERIFY(m_device.syncUntilDone());
        QCOMPARE(serverData(QStringLiteral("demo1"), m_lessonId).value(QStringLiteral("courseware_ids")).toArray(),
                 QJsonArray{m_coursewareId});
    }

    void serverSubmissionsShowInList()
    {
        QVERIFY(!m_assignmentId.isEmpty());
        QStringList students;
        {
            auto statement = m_device.database->prepare(
                "SELECT id FROM student WHERE class_id = ? AND deleted_at IS NULL ORDER BY student_number");
            QVERIFY(statement.has_value());
            statement->bind(1, m_classId);
            while (statement->step().value_or(false))
                students.append(statement->textAt(0));
        }
        QVERIFY(students.size() > 3);

        // Work handed in on the platform: two on time (one graded), one late.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QJsonArray mutations{
            submissionMutation(students.at(0), {{QStringLiteral("state"), QStringLiteral("submitted")},
                                                {QStringLiteral("submitted_at"), now}}),
            submissionMutation(students.at(1), {{QStringLiteral("state"), QStringLiteral("graded")},
                                                {QStringLiteral("submitted_at"), now},
                                                {QStringLiteral("score"), 95}}),
            submissionMutation(students.at(2), {{QStringLiteral("state"), QStringLiteral("late")},
                                                {QStringLiteral("submitted_at"), now}}),
        };
        const Reply reply = m_server.call("POST", QStringLiteral("mutations"), token(QStringLiteral("demo1")),
                                          QStringLiteral("/mutations"),
                                          json({{QStringLiteral("mutations"), mutations}}));
        QCOMPARE(reply.status, 200L);
        for (const QJsonValue result : reply.json().value(QStringLiteral("results")).toArray())
            QCOMPARE(result[QStringLiteral("status")].toString(), QStringLiteral("applied"));

        // A sync already running may end first without the new rows, so sync until they arrive.
        for (int attempt = 0; attempt < 3 && SubmissionStore(*m_device.database).counts(m_assignmentId)->rows < 3; ++attempt)
            QVERIFY(m_device.syncUntilDone());
        const auto counts = SubmissionStore(*m_device.database).counts(m_assignmentId);
        QVERIFY(counts.has_value());
        QCOMPARE(counts->rows, 3);
        QCOMPARE(counts->submitted, 2);
        QCOMPARE(counts->late, 1);
        QCOMPARE(counts->missing, int(students.size()) - 3);

        const auto list = SubmissionStore(*m_device.database).submissions(m_assignmentId);
        QVERIFY(list.has_value());
        const auto graded = std::find_if(list->begin(), list->end(),
                                         [&](const Submission &s) { return s.studentId == students.at(1); });
        QVERIFY(graded != list->end());
        QVERIFY(graded->state == SubmissionState::Graded);
        QVERIFY(graded->score.has_value());
        QCOMPARE(*graded->score, 95.0);
    }

    void timetableIsSignedInTeachers()
    {
        // The /me teacher was kept, and the courses the platform sent are theirs.
        LessonMaterialStore materials(*m_device.database);
        const auto teacherId = materials.signedInTeacherId();
        QVERIFY(teacherId.has_value());
        const QString meId = m_server.call("GET", QStringLiteral("me"), token(QStringLiteral("demo1")), QStringLiteral("/me"))
                                 .json()[QStringLiteral("teacher")][QStringLiteral("id")]
                                 .toString();
        QCOMPARE(*teacherId, meId);
        QCOMPARE(m_device.scalar("SELECT count(*) FROM course WHERE teacher_id IS NOT ?", meId), 0);

        // Another teacher of the school has lessons on the same day on the platform...
        const QString date = text("SELECT date FROM lesson WHERE id = ?", m_lessonId);
        int colleagueLessons = 0;
        for (const QJsonObject &change : serverState(m_server, token(QStringLiteral("demo2")))) {
            if (change.value(QStringLiteral("entity")).toString() == QStringLiteral("lesson")
                && change.value(QStringLiteral("data"))[QStringLiteral("date")].toString() == date)
                ++colleagueLessons;
        }
        QVERIFY(colleagueLessons > 0);

        // ...and on this computer, from the colleague's own timetable entered here.
        SchoolStore schools(*m_device.database);
        const auto colleague = schools.createTeacher(m_device.schoolId(), QStringLiteral("李老师"), QStringLiteral("li"));
        QVERIFY(colleague.has_value());
        CourseStore courses(*m_device.database);
        Course course;
        course.schoolId = m_device.schoolId();
        course.classId = m_classId;
        course.teacherId = *colleague;
        course.name = QStringLiteral("英语 7-1");
        const auto colleagueCourse = courses.createCourse(course);
        QVERIFY(colleagueCourse.has_value());
        const QDate day = QDate::fromString(date, Qt::ISODate);
        QVERIFY(courses.createLesson(*colleagueCourse, day, 7).has_value());

        const auto mine = materials.lessonsOn(m_device.schoolId(), day, *teacherId);
        QVERIFY(mine.has_value());
        QVERIFY(!mine->isEmpty());
        for (const LessonInfo &lesson : *mine)
            QCOMPARE(text("SELECT teacher_id FROM course WHERE id = ?", lesson.courseId), meId);

        // Before any sign-in there is no teacher, and every local lesson shows.
        const auto everyone = materials.lessonsOn(m_device.schoolId(), day);
        QVERIFY(everyone.has_value());
        QCOMPARE(everyone->size(), mine->size() + 1);
    }
};

QTEST_GUILESS_MAIN(TestLessonSync)
#include "tst_lessonsync.moc"
