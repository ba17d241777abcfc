// SPDX-License-Identifier: GPL-3.0-or-later
//
// Offline work meeting the platform, against the real reference server. The
// cases: a roster imported before the first sign-in whose students the
// platform already has, marks taken under a wrong computer clock, and a
// network that comes back while the engine waits out its back-off.

#include "syncfixture.h"

#include "attendancestore.h"
#include "classstore.h"
#include "schoolstore.h"
#include "storesupport.h"

#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace SyncFixture;

namespace {

const QString Account = QStringLiteral("alice");
const QString Password = QStringLiteral("a-secret");

constexpr qint64 DayMs = 24 * 3600 * 1000LL;

// The server's attendance records: record id -> its data.
QHash<QString, QJsonObject> serverRecords(const ServerProcess &server, const QString &token)
{
    QHash<QString, QJsonObject> records;
    const auto state = serverState(server, token);
    for (auto it = state.cbegin(); it != state.cend(); ++it) {
        if (it->value(QStringLiteral("entity")).toString() == QLatin1String("attendance_record")
            && it->value(QStringLiteral("op")).toString() == QLatin1String("upsert"))
            records.insert(it.key(), it->value(QStringLiteral("data")).toObject());
    }
    return records;
}

} // namespace

class TestSyncOffline : public QObject
{
    Q_OBJECT

private:
    static bool startServer(ServerProcess &server, const QStringList &arguments = {})
    {
        return server.addTeacher(Account, Password, QStringLiteral("Test School")) && server.start(arguments);
    }

    // A signed-in device with one class of `students`, marked present today.
    static QString markedSession(Device &device, int students, QDate date)
    {
        ClassStore classes(*device.database);
        const QString classId = classes.createClass(device.schoolId(), QStringLiteral("一班"), QStringLiteral("七年级"))
                                    .value_or(QString());
        for (int i = 1; i <= students; ++i) {
            Student student;
            student.schoolId = device.schoolId();
            student.classId = classId;
            student.studentNumber = QStringLiteral("C%1").arg(i);
            student.name = QStringLiteral("学生%1").arg(i);
            classes.createStudent(student).value_or(QString());
        }
        AttendanceStore attendance(*device.database, QStringLiteral("pc-a"));
        const QString sessionId = attendance.openSession(classId, date, 1).value_or(QString());
        attendance.markAllPresent(sessionId).value_or(0);
        return sessionId;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void offlineStudentBecomesPlatformStudent()
    {
        // The demo school and one of its teachers' passwords.
        ServerProcess server;
        const QString accounts = QString::fromUtf8(server.runCommand({QStringLiteral("demo")}));
        const auto match = QRegularExpression(QStringLiteral("user (demo1)\\s+password (\\S+)")).match(accounts);
        QVERIFY2(match.hasMatch(), qPrintable(accounts));
        const QString account = match.captured(1);
        const QString password = match.captured(2);
        QVERIFY(server.start());

        // A student number the demo school has.
        const QString token = server.signIn(account, password);
        QString platformStudentId;
        QString studentNumber;
        const auto state = serverState(server, token);
        for (auto it = state.cbegin(); it != state.cend() && platformStudentId.isEmpty(); ++it) {
            if (it->value(QStringLiteral("entity")).toString() == QLatin1String("student")) {
                platformStudentId = it.key();
                studentNumber = it->value(QStringLiteral("data"))[QStringLiteral("student_number")].toString();
            }
        }
        QVERIFY(!studentNumber.isEmpty());

        // Offline, before the first sign-in: a roster with that student and a new one, and attendance.
        Device device;
        QVERIFY(device.open());
        SchoolStore schools(*device.database);
        const QString localSchool = schools.createLocalSchool(QStringLiteral("My school"), QStringLiteral("Asia/Shanghai"))
                                        .value_or(QString());
        ClassStore classes(*device.database);
        const QString classId = classes.createClass(localSchool, QStringLiteral("七年级(1)班"), QStringLiteral("七年级"))
                                    .value_or(QString());
        Student known;
        known.schoolId = localSchool;
        known.classId = classId;
        known.studentNumber = studentNumber;
        known.name = QStringLiteral("离线学生");
        known.notes = QJsonObject{{QStringLiteral("allergy"), QStringLiteral("peanuts")}};
        const QString localStudentId = classes.createStudent(known).value_or(QString());
        Student fresh = known;
        fresh.studentNumber = QStringLiteral("NEW-0001");
        fresh.notes = {};
        const QString freshId = classes.createStudent(fresh).value_or(QString());
        QVERIFY(!localStudentId.isEmpty() && !freshId.isEmpty());
        AttendanceStore attendance(*device.database, QStringLiteral("pc-a"));
        const QString sessionId = attendance.openSession(classId, QDate::currentDate(), 1).value_or(QString());
        QVERIFY(attendance.mark(sessionId, localStudentId, AttendanceStatus::Late, QStringLiteral("bus")).has_value());
        QVERIFY(attendance.mark(sessionId, freshId, AttendanceStatus::Present).has_value());

        QVERIFY(device.signIn(server, account, password));

        // The mark reached the platform on the platform's student; nothing waits or was refused.
        QCOMPARE(device.scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);
        const auto records = serverRecords(server, token);
        QJsonObject adoptedMark;
        for (const QJsonObject &record : records) {
            // The session moved to the platform's class of the same name, under that class's session id.
            if (record.value(QStringLiteral("student_id")).toString() == platformStudentId)
                adoptedMark = record;
        }
        QCOMPARE(adoptedMark.value(QStringLiteral("status")).toString(), QStringLiteral("late"));
        QCOMPARE(adoptedMark.value(QStringLiteral("note")).toString(), QStringLiteral("bus"));

        // One student with that number is left locally, the platform's, with the offline notes.
        QCOMPARE(device.scalar("SELECT count(*) FROM student WHERE student_number = ?", studentNumber), 1);
        QCOMPARE(device.scalar("SELECT count(*) FROM student WHERE id = ?", localStudentId), 0);
        QCOMPARE(device.scalar("SELECT count(*) FROM attendance_record WHERE student_id = ?", platformStudentId), 1);
        QCOMPARE(device.scalar("SELECT count(*) FROM student WHERE id = ? AND json_extract(notes, '$.allergy') "
                               "= 'peanuts'",
                               platformStudentId),
                 1);
        // The new student was created on the platform, with its mark.
        QCOMPARE(device.scalar("SELECT count(*) FROM student WHERE id = ? AND server_version IS NOT NULL", freshId), 1);
        const QString platformSessionId = adoptedMark.value(QStringLiteral("session_id")).toString();
        QVERIFY(platformSessionId != sessionId);
        QCOMPARE(device.scalar("SELECT count(*) FROM attendance_session WHERE id = ?", platformSessionId), 1);
        int sessionMarks = 0;
        for (const QJsonObject &record : records)
            sessionMarks += record.value(QStringLiteral("session_id")).toString() == platformSessionId ? 1 : 0;
        QCOMPARE(sessionMarks, 2);
    }

    void marksUnderWrongClockWaitForTeacher_data()
    {
        QTest::addColumn<qint64>("clockOffsetMs");
        QTest::addColumn<int>("sessionDaysAhead");
        QTest::newRow("dead CMOS battery, 15 years behind") << qint64(-15 * 365 * DayMs) << 0;
        QTest::newRow("a year ahead") << qint64(365 * DayMs) << 0;
        QTest::newRow("marked days before the session") << qint64(0) << 3;
    }

    void marksUnderWrongClockWaitForTeacher()
    {
        QFETCH(qint64, clockOffsetMs);
        QFETCH(int, sessionDaysAhead);
        ServerProcess server;
        QVERIFY(startServer(server));
        Device device;
        QVERIFY(device.open());
        QVERIFY(device.signIn(server, Account, Password));
        const QString sessionId = markedSession(device, 3, QDate::currentDate().addDays(sessionDaysAhead));

        // The marks carry the time a wrong clock showed, in the row and in the unsent change.
        QVERIFY(StoreSupport::run(*device.database, "UPDATE attendance_record SET marked_at = marked_at + ?",
                                  clockOffsetMs)
                    .has_value());
        QVERIFY(StoreSupport::run(*device.database,
                                  "UPDATE outbox SET payload = json_set(payload, '$.marked_at', "
                                  "json_extract(payload, '$.marked_at') + ?) WHERE entity = 'attendance_record'",
                                  clockOffsetMs)
                    .has_value());

        QVERIFY(device.syncUntilDone());
        QCOMPARE(device.sync->state(), SyncEngine::State::NeedsAttention);
        QCOMPARE(device.sync->lastErrorCode(), QStringLiteral("clock.marks_held"));
        const QString token = server.signIn(Account, Password);
        QCOMPARE(serverRecords(server, token).size(), 0);
        AttendanceStore attendance(*device.database, QStringLiteral("pc-a"));
        const auto held = attendance.heldMarks();
        QVERIFY(held.has_value());
        QCOMPARE(held->size(), 3);

        // Confirmed, they go out with the current time; the shown time stays in the history.
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QStringList ids;
        for (const HeldMark &mark : *held)
            ids << mark.recordId;
        QVERIFY(attendance.confirmHeldMarks(ids).has_value());
        QVERIFY(device.syncUntilDone());
        QCOMPARE(device.sync->state(), SyncEngine::State::UpToDate);
        const auto records = serverRecords(server, token);
        QCOMPARE(records.size(), 3);
        for (const QJsonObject &record : records) {
            QCOMPARE(record.value(QStringLiteral("session_id")).toString(), sessionId);
            QVERIFY(record.value(QStringLiteral("marked_at")).toInteger() >= before);
        }
        QCOMPARE(device.scalar("SELECT count(*) FROM attendance_record_history"), 3);
        QCOMPARE(device.scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);
    }

    void heldMarkReplacedByNewMarkIsNotSent()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        Device device;
        QVERIFY(device.open());
        QVERIFY(device.signIn(server, Account, Password));
        const QString sessionId = markedSession(device, 1, QDate::currentDate().addDays(5));
        QVERIFY(device.syncUntilDone());
        QCOMPARE(device.sync->lastErrorCode(), QStringLiteral("clock.marks_held"));

        // The teacher marks the student again instead of confirming.
        AttendanceStore attendance(*device.database, QStringLiteral("pc-a"));
        const auto marks = attendance.marks(sessionId);
        QVERIFY(marks.has_value() && marks->size() == 1);
        QVERIFY(attendance.mark(sessionId, marks->first().studentId, AttendanceStatus::Absent).has_value());
        QCOMPARE(attendance.heldMarks().value_or(QList<HeldMark>{{}}).size(), 0);
        QCOMPARE(device.scalar("SELECT count(*) FROM outbox WHERE state = 'parked'"), 0);
    }

    void sessionArrivesWithAllItsMarks()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        Device first;
        QVERIFY(first.open());
        QVERIFY(first.signIn(server, Account, Password));
        const QString sessionId = markedSession(first, 7, QDate::currentDate());
        QVERIFY(first.syncUntilDone());

        // Pages of three split the session's seven marks; whenever the
        // session shows on the second device, all its marks are there.
        SyncSettings settings = testSettings();
        settings.pullPageSize = 3;
        Device second;
        QVERIFY(second.open(settings));
        QList<int> marksSeen;
        connect(second.sync.get(), &SyncController::dataChanged, this, [&](const QString &entity) {
            if (entity == QLatin1String("attendance_session") || entity == QLatin1String("attendance_record"))
                marksSeen << second.scalar("SELECT count(*) FROM attendance_record WHERE session_id = ?", sessionId);
        });
        QVERIFY(second.signIn(server, Account, Password));
        QVERIFY(!marksSeen.isEmpty());
        for (const int seen : std::as_const(marksSeen))
            QCOMPARE(seen, 7);
    }

    void configuredProxyCarriesRequests()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        // Nothing listens on port 9 of the loopback, so a request that goes
        // through the proxy fails where a direct one would succeed.
        QSettings().setValue(QStringLiteral("sync/proxy"), QStringLiteral("http://127.0.0.1:9"));
        Device device;
        QVERIFY(device.open());
        QSignalSpy failed(device.sync.get(), &SyncController::signInFailed);
        device.sync->signIn(serverAddress(server), Account, Password);
        const bool signInFailed = failed.wait(20000);
        QSettings().remove(QStringLiteral("sync/proxy"));
        QVERIFY(signInFailed);
        QVERIFY(device.sync->lastErrorCode().startsWith(QStringLiteral("network.")));
    }

    void changedProxyAppliesWithoutRestart()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        Device device;
        QVERIFY(device.open());
        QVERIFY(device.signIn(server, Account, Password));

        // Port 9 of the loopback has no listener: through this proxy every request fails.
        QSettings().setValue(QStringLiteral("sync/proxy"), QStringLiteral("http://127.0.0.1:9"));
        device.sync->reloadNetworkSettings();
        QSignalSpy blocked(device.sync.get(), &SyncController::syncFinished);
        device.sync->syncNow();
        QVERIFY(blocked.wait(20000));
        const bool failedThroughProxy = !blocked.first().first().toBool();
        const QString errorCode = device.sync->lastErrorCode();

        QSettings().remove(QStringLiteral("sync/proxy"));
        QVERIFY(failedThroughProxy);
        QVERIFY(errorCode.startsWith(QStringLiteral("network.")));

        device.sync->reloadNetworkSettings();
        QSignalSpy direct(device.sync.get(), &SyncController::syncFinished);
        device.sync->syncNow();
        QVERIFY(direct.wait(20000));
        QCOMPARE(direct.first().first().toBool(), true);
    }

    void returningNetworkSyncsAtOnce_data()
    {
        QTest::addColumn<int>("reachability");
        QTest::addColumn<bool>("syncs");
        QTest::newRow("online") << int(QNetworkInformation::Reachability::Online) << true;
        QTest::newRow("school network only") << int(QNetworkInformation::Reachability::Site) << true;
        QTest::newRow("still disconnected") << int(QNetworkInformation::Reachability::Disconnected) << false;
    }

    void returningNetworkSyncsAtOnce()
    {
        QFETCH(int, reachability);
        QFETCH(bool, syncs);
        ServerProcess server;
        QVERIFY(startServer(server));
        const QString port = server.baseUrl().section(QLatin1Char(':'), 2).section(QLatin1Char('/'), 0, 0);

        // A back-off far longer than the test, so only the network change can start the next sync.
        SyncSettings settings = testSettings();
        settings.retryBaseDelay = std::chrono::minutes(10);
        settings.retryMaxDelay = std::chrono::minutes(10);
        settings.offlineMaxDelay = std::chrono::minutes(10);
        Device device;
        QVERIFY(device.open(settings));
        QVERIFY(device.signIn(server, Account, Password));
        server.stop();
        markedSession(device, 2, QDate::currentDate());
        QSignalSpy failed(device.sync.get(), &SyncController::syncFinished);
        device.sync->syncNow();
        QVERIFY(failed.wait(20000));
        QCOMPARE(device.sync->state(), SyncEngine::State::Offline);
        QVERIFY(server.start({QStringLiteral("--port"), port}));

        QSignalSpy finished(device.sync.get(), &SyncController::syncFinished);
        device.sync->onReachabilityChanged(QNetworkInformation::Reachability::Disconnected);
        device.sync->onReachabilityChanged(QNetworkInformation::Reachability(reachability));
        QCOMPARE(finished.wait(syncs ? 10000 : 1500), syncs);
        if (syncs) {
            QCOMPARE(finished.first().first().toBool(), true);
            QCOMPARE(device.scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncOffline)
#include "tst_syncoffline.moc"
