// SPDX-License-Identifier: GPL-3.0-or-later
//
// Kills a syncing client with SIGKILL at random moments, many times, then
// lets it finish: the server and the client must agree exactly and hold every
// mark once. CLASSDESK_CRASH_TRIALS sets the number of kills (default 20;
// the soak run uses 200).

#include "syncfixture.h"

#include "attendancestore.h"
#include "classstore.h"

#include <QProcess>
#include <QRandomGenerator>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace SyncFixture;

namespace {

const QString Account = QStringLiteral("alice");
const QString Password = QStringLiteral("a-secret");

} // namespace

class TestSyncCrash : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    ServerProcess m_server;

    QString databasePath() const { return m_folder.filePath(QStringLiteral("classdesk.sqlite3")); }

    // Starts the client; returns the running process.
    std::unique_ptr<QProcess> startClient()
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CLASSDESK_TEST_PASSWORD"), Password);
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("classdesk.*=false"));
        process->setProcessEnvironment(environment);
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QStringLiteral(CLASSDESK_SYNC_CLIENT),
                       {databasePath(), serverAddress(m_server), Account, QStringLiteral("5")});
        return process;
    }

    // Runs the client to the end; returns its exit code.
    int runClient()
    {
        auto process = startClient();
        if (!process->waitForFinished(30000))
            return -1;
        return process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -2;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        QVERIFY(m_server.addTeacher(Account, Password, QStringLiteral("Test School")));
        QVERIFY(m_server.start());
    }

    void killedPushesEndConsistent()
    {
        const int trials = qEnvironmentVariableIsSet("CLASSDESK_CRASH_TRIALS")
            ? qEnvironmentVariableIntValue("CLASSDESK_CRASH_TRIALS")
            : 20;

        // The first run signs in and pulls the school.
        QElapsedTimer firstRun;
        firstRun.start();
        QCOMPARE(runClient(), 0);

        auto opened = Database::open(databasePath());
        QVERIFY(opened.has_value());
        Device device;
        device.database = std::move(*opened);
        const QString schoolId = device.schoolId();
        QVERIFY(!schoolId.isEmpty());

        ClassStore classes(*device.database);
        const QString classId = classes.createClass(schoolId, QStringLiteral("一班"), QStringLiteral("七年级")).value_or(QString());
        QStringList students;
        for (int i = 1; i <= 30; ++i) {
            Student student;
            student.schoolId = schoolId;
            student.classId = classId;
            student.studentNumber = QStringLiteral("C%1").arg(i, 3, 10, QLatin1Char('0'));
            student.name = QStringLiteral("学生%1").arg(i);
            students.append(classes.createStudent(student).value_or(QString()));
        }
        AttendanceStore attendance(*device.database, QStringLiteral("pc-a"));

        // Each trial adds work (a new session's marks and a re-mark), starts a
        // sync and kills it somewhere between start-up and the end of pushing.
        QRandomGenerator random(20260304);
        const int runMs = int(std::max<qint64>(200, firstRun.elapsed())) + 150;
        int killedWhileSent = 0;
        int finishedEarly = 0;
        for (int trial = 0; trial < trials; ++trial) {
            const QString session =
                attendance.openSession(classId, QDate(2026, 3, 2).addDays(trial), 1 + trial % 6).value_or(QString());
            QVERIFY(!session.isEmpty());
            QVERIFY(attendance.markAllPresent(session).has_value());
            QVERIFY(attendance.mark(session, students.at(trial % students.size()), AttendanceStatus::Late).has_value());

            auto process = startClient();
            QVERIFY(process->waitForStarted(5000));
            QTest::qWait(int(random.bounded(runMs)));
            const bool finishedBeforeKill = process->state() == QProcess::NotRunning;
            process->kill();
            QVERIFY(process->waitForFinished(5000));
            killedWhileSent += device.scalar("SELECT count(*) FROM outbox WHERE state = 'sent'") > 0 ? 1 : 0;
            finishedEarly += finishedBeforeKill ? 1 : 0;
        }
        qInfo("%d of %d kills left sent entries without results; %d clients had finished", killedWhileSent, trials,
              finishedEarly);
        // Without kills between sending and recording, the test would prove nothing about lost results.
        QVERIFY(killedWhileSent > 0);

        // A client gives up after ten seconds; after many kills the backlog may need a few runs.
        int exitCode = -1;
        for (int run = 0; run < 10 && exitCode != 0; ++run)
            exitCode = runClient();
        QCOMPARE(exitCode, 0);
        QCOMPARE(device.scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);

        const auto state = serverState(m_server, m_server.signIn(Account, Password));
        int records = 0;
        for (const QJsonObject &change : state)
            records += change.value(QStringLiteral("entity")).toString() == QLatin1String("attendance_record") ? 1 : 0;
        QCOMPARE(records, trials * int(students.size()));
        QCOMPARE(device.scalar("SELECT count(*) FROM attendance_record"), records);
        const QStringList problems = differences(device, state);
        if (!problems.isEmpty())
            qWarning("%s", qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
        QVERIFY(problems.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_synccrash.moc"
