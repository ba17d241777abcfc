// SPDX-License-Identifier: GPL-3.0-or-later
//
// The sync engine against the real reference server: two devices of one
// teacher converge, the conflict rules hold, and every injected fault ends in
// the same state as a run without faults.

#include "syncfixture.h"

#include "assignmentstore.h"
#include "attendancestore.h"
#include "classstore.h"
#include "coursestore.h"
#include "coursewarefilestore.h"
#include "coursewarestore.h"
#include "rosterstore.h"
#include "tokenstore.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace SyncFixture;

namespace {

const QString Account = QStringLiteral("alice");
const QString Password = QStringLiteral("a-secret");

// Everything the log handler saw, to prove tokens never reach a log.
QStringList s_logLines;
QtMessageHandler s_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    s_logLines.append(message);
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}

// A class with students, set up on a signed-in device and synced.
struct Roster
{
    QString classId;
    QStringList studentIds;
    QString sessionId;
};

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    static bool startServer(ServerProcess &server, const QStringList &arguments = {})
    {
        if (!server.addTeacher(Account, Password, QStringLiteral("Test School")))
            return false;
        return server.start(arguments);
    }

    static Roster makeRoster(Device &device, int students)
    {
        Roster roster;
        ClassStore classes(*device.database);
        roster.classId = classes.createClass(device.schoolId(), QStringLiteral("一班"), QStringLiteral("七年级")).value_or(QString());
        for (int i = 1; i <= students; ++i) {
            Student student;
            student.schoolId = device.schoolId();
            student.classId = roster.classId;
            student.studentNumber = QStringLiteral("S%1").arg(i, 3, 10, QLatin1Char('0'));
            student.name = QStringLiteral("学生%1").arg(i);
            roster.studentIds.append(classes.createStudent(student).value_or(QString()));
        }
        AttendanceStore attendance(*device.database, QStringLiteral("pc-a"));
        roster.sessionId = attendance.openSession(roster.classId, QDate(2026, 3, 2), 1).value_or(QString());
        return roster;
    }

    static QString tokenFor(const ServerProcess &server)
    {
        return server.signIn(Account, Password);
    }

    static void verifyMatchesServer(Device &device, const ServerProcess &server)
    {
        const QStringList problems = differences(device, serverState(server, tokenFor(server)));
        if (!problems.isEmpty())
            qWarning("%s", qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
        QVERIFY(problems.isEmpty());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        s_previousHandler = qInstallMessageHandler(captureLog);
    }

    void twoDevicesConverge()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        Device first;
        Device second;
        QVERIFY(first.open());
        QVERIFY(second.open());
        QVERIFY(first.signIn(server, Account, Password));
        QVERIFY(second.signIn(server, Account, Password));
        QVERIFY(!first.schoolId().isEmpty());

        // The first device sets up a class and takes attendance offline.
        const Roster roster = makeRoster(first, 5);
        AttendanceStore attendance(*first.database, QStringLiteral("pc-a"));
        QVERIFY(attendance.mark(roster.sessionId, roster.studentIds[0], AttendanceStatus::Late).has_value());
        QVERIFY(attendance.markAllPresent(roster.sessionId).has_value());
        CourseStore courses(*first.database);
        Course course;
        course.schoolId = first.schoolId();
        course.classId = roster.classId;
        course.name = QStringLiteral("语文 7-1");
        course.subject = QStringLiteral("语文");
        const QString courseId = courses.createCourse(course).value_or(QString());
        QVERIFY(!courses.createLesson(courseId, QDate(2026, 3, 2), 1).value_or(QString()).isEmpty());
        AssignmentStore assignments(*first.database);
        Assignment assignment;
        assignment.schoolId = first.schoolId();
        assignment.courseId = courseId;
        assignment.title = QStringLiteral("作文");
        assignment.dueDate = QDate(2026, 3, 20);
        assignment.targetClassIds = {roster.classId};
        QVERIFY(assignments.createAssignment(assignment).has_value());
        QVERIFY(first.syncUntilDone());

        // The second device receives it all and changes a student.
        QVERIFY(second.syncUntilDone());
        ClassStore secondClasses(*second.database);
        auto student = secondClasses.student(roster.studentIds[1]);
        QVERIFY(student.has_value());
        student->name = QStringLiteral("改名");
        QVERIFY(secondClasses.updateStudent(*student).has_value());
        QVERIFY(second.syncUntilDone());
        QVERIFY(first.syncUntilDone());

        QCOMPARE(first.scalar("SELECT count(*) FROM attendance_record"), 5);
        QCOMPARE(second.scalar("SELECT count(*) FROM attendance_record"), 5);
        QCOMPARE(first.scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);
        verifyMatchesServer(first, server);
        verifyMatchesServer(second, server);
    }

    // A teacher imports the same roster file on two signed-in computers
    // while both are offline, and takes attendance on the second (or on
    // both, for the same lesson). The second computer adopts the platform's
    // class and students when it syncs.
    void rosterImportedOnTwoDevicesMerges_data()
    {
        QTest::addColumn<bool>("bothMark");
        QTest::newRow("second marks") << false;
        QTest::newRow("both mark one lesson") << true;
    }

    void rosterImportedOnTwoDevicesMerges()
    {
        QFETCH(bool, bothMark);
        ServerProcess server;
        QVERIFY(startServer(server));
        Device first;
        Device second;
        QVERIFY(first.open());
        QVERIFY(second.open());
        QVERIFY(first.signIn(server, Account, Password));
        QVERIFY(second.signIn(server, Account, Password));

        QList<RosterRow> rows;
        for (int i = 1; i <= 4; ++i) {
            RosterRow row;
            row.studentNumber = QStringLiteral("2025%1").arg(i, 3, 10, QLatin1Char('0'));
            row.name = QStringLiteral("学生%1").arg(i);
            row.gender = i % 2 ? QStringLiteral("男") : QStringLiteral("女");
            row.className = QStringLiteral("七年级(3)班");
            row.sourceRow = i + 1;
            rows.append(row);
        }
        RosterStore firstRosters(*first.database, first.schoolId());
        QVERIFY(firstRosters.importRows(rows, {}, {}).has_value());
        RosterStore secondRosters(*second.database, second.schoolId());
        QVERIFY(secondRosters.importRows(rows, {}, {}).has_value());

        const auto classOf = [](Device &device) {
            return ClassStore(*device.database).classes(device.schoolId()).value_or(QList<SchoolClass>()).value(0).id;
        };

        // Each computer marks its own copies of the students.
        QList<Device *> marking = {&second};
        if (bothMark)
            marking.prepend(&first);
        for (Device *device : marking) {
            const QString classId = classOf(*device);
            QVERIFY(!classId.isEmpty());
            const QString deviceName = device == &first ? QStringLiteral("pc-a") : QStringLiteral("pc-b");
            AttendanceStore attendance(*device->database, deviceName);
            const QString sessionId = attendance.openSession(classId, QDate(2026, 3, 2), 1).value_or(QString());
            QVERIFY(!sessionId.isEmpty());
            QVERIFY(attendance.markAllPresent(sessionId).has_value());
        }

        // The second computer's later mark of the first student wins everywhere.
        // The wait keeps its time apart from the marks above.
        QTest::qWait(5);
        AttendanceStore secondAttendance(*second.database, QStringLiteral("pc-b"));
        const QString secondSession =
            secondAttendance.openSession(classOf(second), QDate(2026, 3, 2), 1).value_or(QString());
        QString firstStudentId;
        {
            // Finished before the syncs, so this connection reads no old snapshot.
            auto firstStudent = second.database->prepare("SELECT id FROM student WHERE student_number = '2025001'");
            QVERIFY(firstStudent && firstStudent->step().value_or(false));
            firstStudentId = firstStudent->textAt(0);
        }
        QVERIFY(secondAttendance.mark(secondSession, firstStudentId, AttendanceStatus::Late).has_value());

        QVERIFY(first.syncUntilDone());
        QVERIFY(second.syncUntilDone());
        QVERIFY(first.syncUntilDone());

        for (Device *device : {&first, &second}) {
            QCOMPARE(device->scalar("SELECT count(*) FROM conflict WHERE resolved_at IS NULL"), 0);
            QCOMPARE(device->scalar("SELECT count(*) FROM student WHERE deleted_at IS NULL"), 4);
            QCOMPARE(device->scalar("SELECT count(*) FROM class WHERE deleted_at IS NULL"), 1);
            QCOMPARE(device->scalar("SELECT count(*) FROM attendance_record"), 4);
            QCOMPARE(device->scalar("SELECT count(*) FROM attendance_record AS r JOIN student AS s "
                                    "ON s.id = r.student_id WHERE s.student_number = '2025001' AND r.status = 'late'"),
                     1);
            QCOMPARE(device->scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);
            verifyMatchesServer(*device, server);
        }
    }

    // Two teachers of one school share a computer. The second one's
    // attendance, taken earlier on another computer, still arrives when they
    // sign in after the first one has synced.
    void secondTeacherGetsOwnEarlierWork()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        const QString otherAccount = QStringLiteral("bo.li");
        const QString otherPassword = QStringLiteral("b-secret");
        QVERIFY(server.addTeacher(otherAccount, otherPassword, QStringLiteral("Test School")));

        Device ownComputer;
        QVERIFY(ownComputer.open());
        QVERIFY(ownComputer.signIn(server, otherAccount, otherPassword));
        const Roster roster = makeRoster(ownComputer, 3);
        AttendanceStore attendance(*ownComputer.database, QStringLiteral("pc-b"));
        QVERIFY(attendance.markAllPresent(roster.sessionId).has_value());
        // A later change in the first teacher's feed too, so their cursor passes the marks.
        ClassStore classes(*ownComputer.database);
        Student late;
        late.schoolId = ownComputer.schoolId();
        late.classId = roster.classId;
        late.studentNumber = QStringLiteral("S900");
        late.name = QStringLiteral("插班生");
        QVERIFY(classes.createStudent(late).has_value());
        QVERIFY(ownComputer.syncUntilDone());

        Device shared;
        QVERIFY(shared.open());
        QVERIFY(shared.signIn(server, Account, Password));
        QVERIFY(shared.syncUntilDone());
        // The class is the school's, the session and its marks are the other teacher's.
        QCOMPARE(shared.scalar("SELECT count(*) FROM student WHERE class_id = ?", roster.classId), 4);
        QCOMPARE(shared.scalar("SELECT count(*) FROM attendance_record"), 0);

        shared.sync->signOut();
        QVERIFY(shared.signIn(server, otherAccount, otherPassword));
        QVERIFY(shared.syncUntilDone());
        QCOMPARE(shared.scalar("SELECT count(*) FROM attendance_session WHERE id = ?", roster.sessionId), 1);
        QCOMPARE(shared.scalar("SELECT count(*) FROM attendance_record WHERE session_id = ?", roster.sessionId), 3);
        QCOMPARE(shared.scalar("SELECT count(*) FROM sync_state WHERE key LIKE 'pull.cursor:%'"), 2);
    }

    // A cursor saved by an older version under one key for the whole device
    // belongs to the account that was signed in.
    void legacyCursorMovesToAccount()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        Device device;
        QVERIFY(device.open());
        QVERIFY(device.signIn(server, Account, Password));
        QCOMPARE(device.scalar("SELECT count(*) FROM sync_state WHERE key LIKE 'pull.cursor:alice@%'"), 1);

        device.sync.reset();
        QVERIFY(device.database
                    ->execute(QStringLiteral("UPDATE sync_state SET key = 'pull.cursor' WHERE key LIKE 'pull.cursor:%'"))
                    .has_value());
        device.sync = std::make_unique<SyncController>(device.path(), testSettings(), &workerThread());
        QTRY_COMPARE(device.scalar("SELECT count(*) FROM sync_state WHERE key = 'pull.cursor'"), 0);
        QCOMPARE(device.scalar("SELECT count(*) FROM sync_state WHERE key LIKE 'pull.cursor:alice@%'"), 1);
        QVERIFY(device.syncUntilDone());
    }

    void laterMarkWins_data()
    {
        QTest::addColumn<bool>("laterPushedFirst");
        QTest::newRow("earlier mark pushed first") << false;
        QTest::newRow("later mark pushed first") << true;
    }

    void laterMarkWins()
    {
        QFETCH(bool, laterPushedFirst);
        ServerProcess server;
        QVERIFY(startServer(server));
        Device first;
        Device second;
        QVERIFY(first.open() && second.open());
        QVERIFY(first.signIn(server, Account, Password));
        QVERIFY(second.signIn(server, Account, Password));
        const Roster roster = makeRoster(first, 1);
        QVERIFY(first.syncUntilDone());
        QVERIFY(second.syncUntilDone());

        // Both devices mark the same student offline; the second one later.
        AttendanceStore firstAttendance(*first.database, QStringLiteral("pc-a"));
        AttendanceStore secondAttendance(*second.database, QStringLiteral("pc-b"));
        QVERIFY(firstAttendance.mark(roster.sessionId, roster.studentIds[0], AttendanceStatus::Present).has_value());
        QTest::qWait(5);
        QVERIFY(secondAttendance.mark(roster.sessionId, roster.studentIds[0], AttendanceStatus::Absent).has_value());

        Device &early = laterPushedFirst ? second : first;
        Device &late = laterPushedFirst ? first : second;
        QVERIFY(early.syncUntilDone());
        QVERIFY(late.syncUntilDone());
        QVERIFY(early.syncUntilDone());

        for (Device *device : {&first, &second}) {
            AttendanceStore store(*device->database, QStringLiteral("check"));
            const auto marks = store.marks(roster.sessionId);
            QVERIFY(marks.has_value());
            QCOMPARE(marks->size(), 1);
            QCOMPARE(marks->first().status, AttendanceStatus::Absent);
            const auto history = store.history(roster.sessionId, roster.studentIds[0]);
            QVERIFY(history.has_value());
            QCOMPARE(history->size(), 1);
            QCOMPARE(history->first().status, AttendanceStatus::Present);
            QCOMPARE(device->scalar("SELECT count(*) FROM conflict"), 0);
            verifyMatchesServer(*device, server);
        }
    }

    void assignmentEditsMerge_data()
    {
        QTest::addColumn<bool>("sameField");
        QTest::newRow("different fields merge") << false;
        QTest::newRow("same field is a conflict") << true;
    }

    void assignmentEditsMerge()
    {
        QFETCH(bool, sameField);
        ServerProcess server;
        QVERIFY(startServer(server));
        Device first;
        Device second;
        QVERIFY(first.open() && second.open());
        QVERIFY(first.signIn(server, Account, Password));
        QVERIFY(second.signIn(server, Account, Password));

        AssignmentStore firstStore(*first.database);
        Assignment draft;
        draft.schoolId = first.schoolId();
        draft.title = QStringLiteral("作文");
        draft.instructions = QStringLiteral("写一篇短文。");
        const QString id = firstStore.createAssignment(draft).value_or(QString());
        QVERIFY(first.syncUntilDone());
        QVERIFY(second.syncUntilDone());

        auto mine = firstStore.assignment(id);
        QVERIFY(mine.has_value());
        mine->title = QStringLiteral("作文（修改）");
        QVERIFY(firstStore.updateAssignment(*mine).has_value());
        AssignmentStore secondStore(*second.database);
        auto theirs = secondStore.assignment(id);
        QVERIFY(theirs.has_value());
        if (sameField)
            theirs->title = QStringLiteral("另一个标题");
        else
            theirs->instructions = QStringLiteral("写三百字。");
        QVERIFY(secondStore.updateAssignment(*theirs).has_value());

        QVERIFY(first.syncUntilDone());
        QVERIFY(second.syncUntilDone());
        QVERIFY(first.syncUntilDone());

        if (sameField) {
            QCOMPARE(second.scalar("SELECT count(*) FROM conflict WHERE entity = 'assignment'"), 1);
            QCOMPARE(second.scalar("SELECT count(*) FROM outbox WHERE state = 'parked'"), 1);
            QCOMPARE(second.sync->state(), SyncEngine::State::NeedsAttention);
            // The teacher's own value stays visible until they decide.
            QCOMPARE(secondStore.assignment(id)->title, QStringLiteral("另一个标题"));
            QCOMPARE(firstStore.assignment(id)->title, QStringLiteral("作文（修改）"));
            return;
        }
        for (AssignmentStore *store : {&firstStore, &secondStore}) {
            const auto merged = store->assignment(id);
            QVERIFY(merged.has_value());
            QCOMPARE(merged->title, QStringLiteral("作文（修改）"));
            QCOMPARE(merged->instructions, QStringLiteral("写三百字。"));
        }
        QCOMPARE(second.scalar("SELECT count(*) FROM conflict"), 0);
        verifyMatchesServer(first, server);
        verifyMatchesServer(second, server);
    }

    void localChangesStartSyncByThemselves()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        SyncSettings settings = testSettings();
        settings.outboxPollInterval = 100ms;
        settings.localChangeDelay = 200ms;
        Device device;
        QVERIFY(device.open(settings));
        QVERIFY(device.signIn(server, Account, Password));

        QSignalSpy states(device.sync.get(), &SyncController::stateChanged);
        QSignalSpy pending(device.sync.get(), &SyncController::pendingCountChanged);
        QSignalSpy finished(device.sync.get(), &SyncController::syncFinished);
        makeRoster(device, 3);
        // No syncNow(): polling the outbox notices the new work.
        QVERIFY(Device::waitForSuccess(finished, 10000));

        QVERIFY(!pending.isEmpty());
        QCOMPARE(device.sync->pendingCount(), 0);
        QCOMPARE(device.sync->state(), SyncEngine::State::UpToDate);
        QCOMPARE(device.sync->progress(), 100);
        QVERIFY(device.sync->lastSuccess().isValid());
        QVERIFY(device.sync->lastError().isEmpty());
        QVERIFY(std::any_of(states.cbegin(), states.cend(), [](const QList<QVariant> &arguments) {
            return arguments.at(0).value<SyncEngine::State>() == SyncEngine::State::Syncing;
        }));
        verifyMatchesServer(device, server);
    }

    void savedSessionSyncsOnStart()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        Device device;
        QVERIFY(device.open());
        QVERIFY(device.signIn(server, Account, Password));
        makeRoster(device, 2);

        // A restart: a new engine on the same file finds the account and the keychain's tokens.
        device.sync.reset();
        device.sync = std::make_unique<SyncController>(device.path(), testSettings(), &workerThread());
        QSignalSpy finished(device.sync.get(), &SyncController::syncFinished);
        if (!finished.wait(10000) && device.sync->state() == SyncEngine::State::NeedsAttention)
            QSKIP("No keychain in this session; scripts/test.sh provides one");
        QVERIFY(!finished.isEmpty());
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(device.scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);
        verifyMatchesServer(device, server);
    }

    void queuedCoursewareIsUploaded()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        Device device;
        QVERIFY(device.open());
        QVERIFY(device.signIn(server, Account, Password));

        // A lesson published offline left its courseware "queued" for upload.
        QTemporaryDir originals;
        QFile original(originals.filePath(QStringLiteral("第1课.pdf")));
        QVERIFY(original.open(QIODevice::WriteOnly));
        original.write(QByteArray(300 * 1024, 'c'));
        original.close();
        const auto stored = CoursewareFileStore(device.folder.path()).importFile(original.fileName());
        QVERIFY2(stored.has_value(), qPrintable(stored ? QString() : stored.error().toLogString()));
        CoursewareStore courseware(*device.database);
        Courseware row;
        row.schoolId = device.schoolId();
        row.sha256 = stored->sha256;
        row.sizeBytes = stored->sizeBytes;
        row.mimeType = QStringLiteral("application/pdf");
        row.title = QStringLiteral("第1课");
        const auto id = courseware.addCourseware(row);
        QVERIFY(id.has_value());
        QVERIFY(courseware.setUploadState(*id, QStringLiteral("queued"), {}).has_value());

        // The next sync hands it to the upload queue, which sends it.
        QVERIFY(device.syncUntilDone());
        QTRY_COMPARE_WITH_TIMEOUT(
            device.scalar("SELECT count(*) FROM courseware WHERE upload_state = 'uploaded' AND remote_id <> ''"), 1,
            30000);
    }

    void oversizedBatchIsSplit()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        SyncSettings settings = testSettings();
        settings.pushBatchSize = 600; // the server takes at most 500 per request
        Device device;
        QVERIFY(device.open(settings));
        QVERIFY(device.signIn(server, Account, Password));
        makeRoster(device, 520);

        QVERIFY(device.syncUntilDone());
        QCOMPARE(device.scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);
        verifyMatchesServer(device, server);
    }

    void editAfterLostReplyIsNoConflict()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        Device device;
        QVERIFY(device.open());
        QVERIFY(device.signIn(server, Account, Password));
        const Roster roster = makeRoster(device, 1);
        QVERIFY(device.syncUntilDone());
        const QString studentId = roster.studentIds.first();
        const int firstVersion = device.scalar("SELECT server_version FROM student WHERE id = ?", studentId);

        // The platform applies a rename, but its reply never arrives: the
        // entry is back to pending after one attempt and the row keeps the
        // old version, as after a crash or a dropped connection.
        ClassStore classes(*device.database);
        auto student = classes.student(studentId);
        QVERIFY(student.has_value());
        student->name = QStringLiteral("张三");
        QVERIFY(classes.updateStudent(*student).has_value());
        QVERIFY(device.syncUntilDone());
        QVERIFY(device.database
                    ->execute(QStringLiteral("UPDATE outbox SET state = 'pending' WHERE seq = "
                                             "(SELECT max(seq) FROM outbox WHERE entity_id = '%1')")
                                  .arg(studentId))
                    .has_value());
        QVERIFY(device.database
                    ->execute(QStringLiteral("UPDATE student SET server_version = %1 WHERE id = '%2'")
                                  .arg(firstVersion)
                                  .arg(studentId))
                    .has_value());

        // The teacher renames the student again before the next sync.
        student->name = QStringLiteral("张三丰");
        QVERIFY(classes.updateStudent(*student).has_value());
        QVERIFY(device.syncUntilDone());

        QCOMPARE(device.scalar("SELECT count(*) FROM conflict"), 0);
        QCOMPARE(device.scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);
        const auto state = serverState(server, tokenFor(server));
        QCOMPARE(state.value(studentId).value(QStringLiteral("data")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("张三丰"));
        verifyMatchesServer(device, server);
    }

    void faultsEndLikeCleanRun_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("minimumMs");
        // Requests 1-3 are the sign-in, profile and first pull; the faults hit the later ones.
        const auto faults = [](const char *spec) { return QStringList{QStringLiteral("--faults"), QString::fromLatin1(spec)}; };
        QTest::newRow("no fault") << QStringList() << 0;
        QTest::newRow("500") << faults("500@4,500@5,500@7") << 0;
        QTest::newRow("503 with Retry-After") << faults("503@5") << 900;
        QTest::newRow("429 with Retry-After") << faults("429@5") << 900;
        QTest::newRow("reset mid-response") << faults("reset@4,reset@5,reset@6") << 0;
        QTest::newRow("truncated JSON") << faults("truncate@4,truncate@5,truncate@6") << 0;
        QTest::newRow("lost reply") << faults("dropreply@5,dropreply@6,dropreply@8") << 0;
        QTest::newRow("stalled server") << faults("stall@5:3") << 900;
        QTest::newRow("expired access token") << QStringList{QStringLiteral("--access-token-ttl"), QStringLiteral("1")} << 0;
    }

    void faultsEndLikeCleanRun()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, minimumMs);
        ServerProcess server;
        QVERIFY(startServer(server, arguments));
        SyncSettings settings = testSettings();
        settings.pushBatchSize = 10;
        settings.requestTimeout = 1500ms;
        Device device;
        QVERIFY(device.open(settings));
        QVERIFY(device.signIn(server, Account, Password));

        const Roster roster = makeRoster(device, 25);
        AttendanceStore attendance(*device.database, QStringLiteral("pc-a"));
        QVERIFY(attendance.markAllPresent(roster.sessionId).has_value());
        if (arguments.contains(QStringLiteral("--access-token-ttl")))
            QTest::qWait(1500);

        QElapsedTimer timer;
        timer.start();
        QVERIFY(device.syncUntilDone(40000));
        QVERIFY(timer.elapsed() >= minimumMs);

        QCOMPARE(device.scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);
        const auto state = serverState(server, tokenFor(server));
        int records = 0;
        for (const QJsonObject &change : state) {
            if (change.value(QStringLiteral("entity")).toString() != QLatin1String("attendance_record"))
                continue;
            ++records;
            // Applied once: a resend with the same key is a duplicate and bumps no version.
            QCOMPARE(change.value(QStringLiteral("version")).toInt(), 1);
        }
        QCOMPARE(records, 25);
        verifyMatchesServer(device, server);
    }

    void serverRestartBetweenBatches()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        const QString port = server.baseUrl().section(QLatin1Char(':'), 2).section(QLatin1Char('/'), 0, 0);
        SyncSettings settings = testSettings();
        settings.pushBatchSize = 5;
        Device device;
        QVERIFY(device.open(settings));
        QVERIFY(device.signIn(server, Account, Password));
        const Roster roster = makeRoster(device, 40);
        AttendanceStore attendance(*device.database, QStringLiteral("pc-a"));
        QVERIFY(attendance.markAllPresent(roster.sessionId).has_value());

        // Stop the server as soon as the first batch is acknowledged, then bring it back.
        QSignalSpy pending(device.sync.get(), &SyncController::pendingCountChanged);
        QSignalSpy finished(device.sync.get(), &SyncController::syncFinished);
        device.sync->syncNow();
        QVERIFY(pending.wait(10000));
        server.stop();
        QVERIFY(server.start({QStringLiteral("--port"), port}));
        QVERIFY(Device::waitForSuccess(finished, 30000));

        QCOMPARE(device.scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);
        verifyMatchesServer(device, server);
    }

    void expiredRefreshTokenNeedsSignIn()
    {
        ServerProcess server;
        QVERIFY(startServer(server, {QStringLiteral("--access-token-ttl"), QStringLiteral("1"),
                                     QStringLiteral("--refresh-token-ttl"), QStringLiteral("1")}));
        Device device;
        QVERIFY(device.open());
        QVERIFY(device.signIn(server, Account, Password));
        const Roster roster = makeRoster(device, 3);
        QTest::qWait(2100);

        QSignalSpy finished(device.sync.get(), &SyncController::syncFinished);
        device.sync->syncNow();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(device.sync->state(), SyncEngine::State::SignInRequired);
        // Nothing local is lost while the teacher has to sign in again.
        QVERIFY(device.scalar("SELECT count(*) FROM outbox WHERE state = 'pending'") > 0);
        QCOMPARE(device.scalar("SELECT count(*) FROM student"), 3);

        QVERIFY(device.signIn(server, Account, Password));
        verifyMatchesServer(device, server);
    }

    void wrongClockIsReported_data()
    {
        // The server shifts its Date header, which is the same as this computer's clock moving the other way.
        QTest::addColumn<qint64>("serverOffsetSeconds");
        QTest::addColumn<QString>("expectedText");
        QTest::newRow("computer 10 minutes ahead") << qint64(-600) << QStringLiteral("10");
        QTest::newRow("computer 15 minutes ahead") << qint64(-900) << QStringLiteral("15");
        const qint64 fifteenYears = qint64(15) * 365 * 24 * 3600;
        QTest::newRow("dead CMOS battery, 15 years behind")
            << fifteenYears << QString::number(QDateTime::currentDateTime().addSecs(fifteenYears).date().year());
    }

    void wrongClockIsReported()
    {
        QFETCH(qint64, serverOffsetSeconds);
        QFETCH(QString, expectedText);
        ServerProcess server;
        QVERIFY(startServer(server, {QStringLiteral("--clock-offset"), QString::number(serverOffsetSeconds)}));
        Device device;
        QVERIFY(device.open());
        QSignalSpy finished(device.sync.get(), &SyncController::syncFinished);
        device.sync->signIn(serverAddress(server), Account, Password);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(device.sync->lastErrorCode(), QStringLiteral("clock.skew"));
        QCOMPARE(device.sync->state(), SyncEngine::State::NeedsAttention);
        QVERIFY2(device.sync->lastError().contains(expectedText), qPrintable(device.sync->lastError()));
        // Nothing was pulled under the wrong clock.
        QCOMPARE(device.scalar("SELECT count(*) FROM school"), 0);
    }

    void unreachableKeychainKeepsWork_data()
    {
        QTest::addColumn<bool>("signedInBefore");
        QTest::addColumn<QString>("expected");
        QTest::newRow("keychain unreachable") << true << QStringLiteral("error keychain.unavailable");
        QTest::newRow("never signed in") << false << QStringLiteral("state SignedOut");
    }

    void unreachableKeychainKeepsWork()
    {
        QFETCH(bool, signedInBefore);
        QFETCH(QString, expected);
        ServerProcess server;
        QVERIFY(startServer(server));
        Device device;
        QVERIFY(device.open());
        if (signedInBefore) {
            QVERIFY(device.signIn(server, Account, Password));
            makeRoster(device, 2); // work that waits for the next sync
        }
        device.sync.reset();
        const int pendingBefore = device.scalar("SELECT count(*) FROM outbox");

        // A client process whose D-Bus session cannot be reached, as when the
        // secret service has not started yet.
        QProcess client;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        environment.remove(QStringLiteral("DISPLAY"));
        environment.insert(QStringLiteral("CLASSDESK_TEST_MODE"), QStringLiteral("restore"));
        client.setProcessEnvironment(environment);
        client.start(QStringLiteral(CLASSDESK_SYNC_CLIENT), {device.path(), serverAddress(server), Account});
        QVERIFY(client.waitForFinished(20000));
        const QString output = QString::fromUtf8(client.readAllStandardOutput());
        QVERIFY2(output.contains(expected), qPrintable(output));

        // Nothing local went away.
        QCOMPARE(device.scalar("SELECT count(*) FROM outbox"), pendingBefore);
        QCOMPARE(device.scalar("SELECT count(*) FROM school"), signedInBefore ? 1 : 0);
    }

    void tokensStayInKeychain()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        s_logLines.clear();
        {
            Device device;
            QVERIFY(device.open());
            QVERIFY(device.signIn(server, Account, Password));
            makeRoster(device, 2);
            QVERIFY(device.syncUntilDone());

            // The keychain is read in the engines' thread, the only one QtKeychain serves.
            auto *tokens = new TokenStore;
            tokens->moveToThread(&workerThread());
            std::optional<AuthTokens> found;
            bool persistent = false;
            QSignalSpy read(tokens, &TokenStore::destroyed);
            QMetaObject::invokeMethod(tokens, [&, tokens] {
                TokenStoreJob *job = tokens->read(QUrl(server.baseUrl()), Account);
                QObject::connect(job, &TokenStoreJob::finished, tokens, [&, tokens, job] {
                    found = job->tokens();
                    persistent = tokens->isPersistent();
                    tokens->deleteLater();
                });
            });
            QVERIFY(read.wait(10000));
            if (!persistent || !found)
                QSKIP("No keychain in this session; scripts/test.sh provides one");
            const QList<QByteArray> secrets = {found->accessToken.toUtf8(), found->refreshToken.toUtf8()};
            device.sync.reset();
            device.database.reset();

            QStringList files;
            QDirIterator data(device.folder.path(), QDir::Files, QDirIterator::Subdirectories);
            while (data.hasNext())
                files << data.next();
            const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
            QDirIterator settings(config, {QStringLiteral("*.conf"), QStringLiteral("*.ini")}, QDir::Files,
                                  QDirIterator::Subdirectories);
            while (settings.hasNext())
                files << settings.next();
            QVERIFY(!files.isEmpty());
            for (const QString &path : std::as_const(files)) {
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QByteArray content = file.readAll();
                for (const QByteArray &secret : secrets)
                    QVERIFY2(!content.contains(secret), qPrintable(path));
            }
            const QByteArray log = s_logLines.join(QLatin1Char('\n')).toUtf8();
            QVERIFY(!log.isEmpty());
            for (const QByteArray &secret : secrets)
                QVERIFY(!log.contains(secret));
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
