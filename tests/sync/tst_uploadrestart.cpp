// SPDX-License-Identifier: GPL-3.0-or-later
//
// Kills a client process (upload_runner) at random points of an upload and
// starts it again, as a power cut in a school would.
#include "../server/servertestsupport.h"
#include "uploadqueuestore.h"
#include "uploadtestsupport.h"

#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace UploadTestSupport;

namespace {

const QString Teacher = QStringLiteral("zhao");
const QString Password = QStringLiteral("restart-test-password");
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 ChunkBytes = MiB;

// The soak run (ctest label "soak") sets these for a 200 MiB file; the
// defaults keep the default suite short.
int environmentNumber(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

// The PATCH offsets one runner process printed before it ended.
QList<qint64> chunkOffsets(const QByteArray &output)
{
    QList<qint64> offsets;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("chunk "))
            offsets.append(line.split(' ').value(1).toLongLong());
    }
    return offsets;
}

} // namespace

class TestUploadRestart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killedClientResumesEachTime()
    {
        const int trials = environmentNumber("CLASSDESK_RESTART_TRIALS", 12);
        const qint64 size = environmentNumber("CLASSDESK_RESTART_MIB", 24) * MiB;
        const int limitKilobytes = environmentNumber("CLASSDESK_RESTART_LIMIT_KIB", 2048);
        const int maxKillDelayMs = environmentNumber("CLASSDESK_RESTART_MAX_KILL_MS", 1500);
        ServerProcess server;
        QVERIFY(server.addTeacher(Teacher, Password, QStringLiteral("Test School")));
        QVERIFY(server.start());
        QTemporaryDir clientFolder;
        QTemporaryDir sources;

        // The teacher imports a large file and queues it, then the app quits.
        QString id;
        QString sha256;
        {
            UploadClient client(clientFolder.path(), QUrl(server.baseUrl()));
            QVERIFY(client.open());
            const QString path = sources.filePath(QStringLiteral("lesson.mp4"));
            sha256 = writeRandomFile(path, size, 42);
            id = client.addCourseware(path, QStringLiteral("lesson.mp4"));
            QVERIFY(!id.isEmpty());
            QVERIFY(client.queue->enqueue(id).has_value());
        }

        const QStringList arguments{QStringLiteral("--data"), clientFolder.path(), QStringLiteral("--server"),
                                    server.baseUrl(), QStringLiteral("--account"), Teacher,
                                    QStringLiteral("--password"), Password, QStringLiteral("--limit"),
                                    QString::number(limitKilobytes), QStringLiteral("--chunk"),
                                    QString::number(ChunkBytes)};
        QRandomGenerator random(20261204);
        std::optional<qint64> lastOffsetBeforeKill;
        int killed = 0;
        int exitCode = -1;
        for (int run = 0; run <= trials && exitCode != 0; ++run) {
            QProcess runner;
            runner.setProcessChannelMode(QProcess::SeparateChannels);
            runner.start(QStringLiteral(UPLOAD_RUNNER_EXECUTABLE), arguments);
            QVERIFY(runner.waitForStarted(5000));

            if (run < trials) {
                // Anywhere from sign-in and creation to the middle of a chunk.
                QTest::qWait(int(random.bounded(200, maxKillDelayMs)));
                if (runner.state() == QProcess::Running) {
                    runner.kill();
                    ++killed;
                }
            }
            // waitForFinished() is false for a process that has already ended.
            QVERIFY(runner.state() == QProcess::NotRunning || runner.waitForFinished(600000));
            const QList<qint64> offsets = chunkOffsets(runner.readAllStandardOutput());
            if (runner.exitStatus() == QProcess::NormalExit)
                exitCode = runner.exitCode();

            // A restart may resend only the chunk that was in flight at the kill.
            if (lastOffsetBeforeKill && !offsets.isEmpty())
                QVERIFY2(offsets.first() >= *lastOffsetBeforeKill,
                         qPrintable(QStringLiteral("run %1 resent from %2, the previous run was at %3")
                                        .arg(run)
                                        .arg(offsets.first())
                                        .arg(*lastOffsetBeforeKill)));
            if (!offsets.isEmpty())
                lastOffsetBeforeKill = offsets.last();
        }

        QVERIFY(killed >= 10);
        QCOMPARE(exitCode, 0);
        UploadClient client(clientFolder.path(), QUrl(server.baseUrl()));
        QVERIFY(client.open());
        const UploadEntry entry = UploadQueueStore(*client.database).entry(id).value().value();
        QCOMPARE(entry.state, UploadEntry::State::Done);
        QCOMPARE(entry.confirmedBytes, size);
        QCOMPARE(fileSha256(server.dataFolder() + QStringLiteral("/files/") + entry.fileId), sha256);
        QCOMPARE(client.courseware->courseware(id)->remoteId, entry.fileId);
    }
};

QTEST_GUILESS_MAIN(TestUploadRestart)
#include "tst_uploadrestart.moc"
