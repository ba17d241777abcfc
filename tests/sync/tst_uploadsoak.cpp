// SPDX-License-Identifier: GPL-3.0-or-later
//
// A 200 MiB upload to the real classdesk-server with a server crash half-way
// (ctest label "soak", not part of the default suite).
#include "../server/servertestsupport.h"
#include "uploadtestsupport.h"

#include <QStandardPaths>
#include <QTest>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace UploadTestSupport;

class TestUploadSoak : public QObject
{
    Q_OBJECT

private slots:
    void largeFileSurvivesServerCrash()
    {
        QStandardPaths::setTestModeEnabled(true);
        constexpr qint64 Size = 200LL * 1024 * 1024;
        ServerProcess server;
        QVERIFY(server.addTeacher(QStringLiteral("sun"), QStringLiteral("soak-password"), QStringLiteral("Test School")));
        QVERIFY(server.start());
        QTemporaryDir clientFolder;
        QTemporaryDir sources;
        UploadClient client(clientFolder.path(), QUrl(server.baseUrl()));
        QVERIFY(client.open());
        QVERIFY(client.signIn(QStringLiteral("sun"), QStringLiteral("soak-password")));
        UploadQueue::RetryPolicy retries;
        retries.firstDelay = std::chrono::milliseconds(200);
        retries.maxDelay = std::chrono::seconds(2);
        client.queue->setRetryPolicy(retries);

        const QString path = sources.filePath(QStringLiteral("video.mp4"));
        const QString sha256 = writeRandomFile(path, Size, 200);
        const QString id = client.addCourseware(path, QStringLiteral("video.mp4"));
        QVERIFY(client.queue->enqueue(id).has_value());
        client.queue->start();

        QVERIFY(QTest::qWaitFor([&] { return client.queue->item(id)->confirmedBytes >= Size / 2; }, 300000));
        const int port = QUrl(server.baseUrl()).port();
        server.kill();
        QVERIFY(server.start({QStringLiteral("--port"), QString::number(port)}));

        QVERIFY(QTest::qWaitFor([&] { return client.queue->item(id)->state == UploadQueue::ItemState::Done; },
                                600000));
        const QString fileId = client.queue->item(id)->fileId;
        QCOMPARE(fileSha256(server.dataFolder() + QStringLiteral("/files/") + fileId), sha256);
        // At most the chunk in flight at the crash is sent twice.
        QVERIFY(client.queue->bytesSent() <= Size + 16 * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestUploadSoak)
#include "tst_uploadsoak.moc"
