// SPDX-License-Identifier: GPL-3.0-or-later
//
// The soak: a simulated teacher (teacher_client) works against the reference
// server while the server injects random faults and the test kills the
// client with SIGKILL at random moments, restarting it each time. At the end
// the server runs without faults, one clean sync drains everything, and the
// client and the server must agree exactly: every committed local change
// reached the server once, nothing was lost and nothing applied twice.
//
// CLASSDESK_SOAK_SECONDS sets how long the teacher works (default 120; the
// soak label runs 1800). CLASSDESK_SOAK_SEED picks the faults, kill times
// and actions (default 20261204), so a failing run can be repeated.

#include "../sync/syncfixture.h"

#include "entitymapping.h"
#include "processkill.h"

#include <QProcess>
#include <QRandomGenerator>

#include <sqlite3.h>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace SyncFixture;

namespace {

const QString Account = QStringLiteral("soak-teacher");
const QString Password = QStringLiteral("soak-password-1");

// One fault for about every 25 requests, of every kind the server offers.
// Request numbers run up to about 40 per second of soak, more than the
// client sends, so faults last to the end.
QString faultSpec(quint32 seed, int seconds)
{
    static const QStringList s_kinds = {QStringLiteral("500"),      QStringLiteral("503"),
                                        QStringLiteral("429"),      QStringLiteral("reset"),
                                        QStringLiteral("stall:2"),  QStringLiteral("truncate"),
                                        QStringLiteral("dropreply"), QStringLiteral("shortpatch")};
    QRandomGenerator random(seed);
    QStringList faults;
    for (int request = 1; request <= seconds * 40; ++request) {
        if (random.bounded(25) != 0)
            continue;
        QString kind = s_kinds.at(random.bounded(s_kinds.size()));
        const qsizetype colon = kind.indexOf(QLatin1Char(':'));
        faults << (colon < 0 ? kind + QLatin1Char('@') + QString::number(request)
                             : kind.left(colon) + QLatin1Char('@') + QString::number(request) + kind.mid(colon));
    }
    return faults.join(QLatin1Char(','));
}

// The idempotency keys the server recorded results for, read from its
// SQLite file while it is stopped.
QSet<QString> serverIdempotencyKeys(const QString &serverFolder)
{
    QSet<QString> keys;
    sqlite3 *handle = nullptr;
    const QByteArray path = QFile::encodeName(serverFolder + QStringLiteral("/classdesk-server.sqlite3"));
    if (sqlite3_open_v2(path.constData(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(handle, "SELECT idempotency_key FROM mutation_results", -1, &statement, nullptr) == SQLITE_OK) {
            while (sqlite3_step(statement) == SQLITE_ROW)
                keys.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0))));
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close_v2(handle);
    return keys;
}

int environmentValue(const char *name, int fallback)
{
    return qEnvironmentVariableIsSet(name) ? qEnvironmentVariableIntValue(name) : fallback;
}

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

private:
    Device m_device; // its folder and, for the checks, its database; no sync controller
    ServerProcess m_server;
    QByteArray m_serverLog;

    std::unique_ptr<QProcess> startTeacher(const QString &mode, quint32 seed)
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CLASSDESK_TEST_PASSWORD"), Password);
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("classdesk.*=false"));
        process->setProcessEnvironment(environment);
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->start(QStringLiteral(TEACHER_CLIENT_EXECUTABLE),
                       {m_device.folder.path(), serverAddress(m_server), Account, QString::number(seed), mode});
        return process;
    }

    // Keeps the server's stderr drained, so its fault log never blocks it.
    void collectServerLog() { m_serverLog += m_server.process().readAllStandardError(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_device.folder.isValid());
        QVERIFY(m_server.addTeacher(Account, Password, QStringLiteral("Soak School")));
    }

    void killedTeacherEndsConsistent()
    {
        const int seconds = environmentValue("CLASSDESK_SOAK_SECONDS", 120);
        const auto seed = quint32(environmentValue("CLASSDESK_SOAK_SEED", 20261204));
        QRandomGenerator random(seed);
        QVERIFY(m_server.start({QStringLiteral("--faults"), faultSpec(seed, seconds)}));

        // Work: run the teacher for a random 0.3-4 s, then SIGKILL it; repeat.
        QElapsedTimer soak;
        soak.start();
        int kills = 0;
        int actions = 0;
        int failedActions = 0;
        for (quint32 trial = 0; soak.elapsed() < seconds * 1000LL; ++trial) {
            auto teacher = startTeacher(QStringLiteral("work"), seed + trial);
            QVERIFY(teacher->waitForStarted(5000));
            const int runMs = 300 + int(random.bounded(3700));
            QElapsedTimer run;
            run.start();
            while (run.elapsed() < runMs && teacher->state() == QProcess::Running) {
                QTest::qWait(50);
                collectServerLog();
            }
            QVERIFY2(teacher->state() == QProcess::Running,
                     qPrintable(QStringLiteral("the teacher exited by itself with code %1: %2")
                                    .arg(teacher->exitCode())
                                    .arg(QString::fromLocal8Bit(teacher->readAllStandardError()))));
            QVERIFY(killProcess(*teacher));
            ++kills;
            const QByteArray output = teacher->readAllStandardOutput();
            actions += int(output.count("action "));
            failedActions += int(output.count("action-failed"));
        }
        collectServerLog();
        m_server.stop();
        collectServerLog();
        const int faults = int(m_serverLog.count("injecting a fault into request"));

        // Finish: the server without faults, one clean sync to the end. The
        // same port, because the client stored tus upload URLs with it.
        const QString port = QUrl(m_server.baseUrl()).port() > 0 ? QString::number(QUrl(m_server.baseUrl()).port()) : QString();
        QVERIFY(!port.isEmpty());
        QVERIFY(m_server.start({QStringLiteral("--port"), port}));
        auto finisher = startTeacher(QStringLiteral("finish"), seed);
        QVERIFY(finisher->waitForFinished(150000));
        QCOMPARE(finisher->exitStatus(), QProcess::NormalExit);
        const QByteArray finisherOutput = finisher->readAllStandardOutput();
        QVERIFY2(finisher->exitCode() == 0, finisherOutput.constData());
        m_server.stop();

        // No entry may be parked: a lost reply followed by another edit of the
        // same row must not become a conflict with the device's own change.
        QStringList parkedLines;
        for (const QByteArray &line : finisherOutput.split('\n')) {
            if (line.startsWith("parked "))
                parkedLines.append(QString::fromUtf8(line));
        }
        QVERIFY2(parkedLines.isEmpty(), qPrintable(parkedLines.join(QLatin1Char('\n'))));

        qInfo("soak: %d s, %d kills, %d actions committed (%d failed), %d faults injected", seconds, kills, actions,
              failedActions, faults);
        QVERIFY2(actions > kills, "the teacher did too little work between kills to test anything");
        QVERIFY2(faults > 0, "no fault was injected");
        QCOMPARE(failedActions, 0);

        // Check: the client's outbox is drained and the server has each key once.
        auto opened = Database::open(m_device.path());
        QVERIFY(opened.has_value());
        m_device.database = std::move(*opened);
        QCOMPARE(m_device.scalar("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent', 'parked')"), 0);
        QSet<QString> localKeys;
        auto statement = m_device.database->prepare("SELECT entity, idempotency_key FROM outbox");
        QVERIFY(statement.has_value());
        while (statement->step().value_or(false)) {
            if (EntityMapping::isPushed(statement->textAt(0)))
                localKeys.insert(statement->textAt(1));
        }
        const QSet<QString> serverKeys = serverIdempotencyKeys(m_server.dataFolder());
        const QSet<QString> lost = localKeys - serverKeys;
        const QSet<QString> unknown = serverKeys - localKeys;
        qInfo("soak: %lld pushed outbox entries, %lld lost, %lld unknown to the client", qsizetype(localKeys.size()),
              qsizetype(lost.size()), qsizetype(unknown.size()));
        QCOMPARE(lost.size(), 0);
        QCOMPARE(unknown.size(), 0);

        // Every queued courseware file was uploaded.
        auto uploadStates = m_device.database->prepare("SELECT upload_state, count(*) FROM courseware GROUP BY 1");
        QVERIFY(uploadStates.has_value());
        while (uploadStates->step().value_or(false))
            qInfo("soak: %lld courseware rows %s", uploadStates->int64At(1), qPrintable(uploadStates->textAt(0)));
        QCOMPARE(m_device.scalar("SELECT count(*) FROM courseware WHERE upload_state <> 'uploaded'"), 0);

        // Client and server hold the same entities with the same versions: a
        // change applied twice would show as a newer version on the server.
        QVERIFY(m_server.start({QStringLiteral("--port"), port}));
        const auto state = serverState(m_server, m_server.signIn(Account, Password));
        QStringList problems = differences(m_device, state);
        if (!problems.isEmpty())
            qWarning("%s", qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
        QCOMPARE(problems.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
