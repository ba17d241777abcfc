// SPDX-License-Identifier: GPL-3.0-or-later
//
// The upload queue against the real classdesk-server on loopback: every test
// ends by checking the file the server stored against the client's copy.
#include "../server/servertestsupport.h"
#include "outboxstore.h"
#include "uploadqueuestore.h"
#include "uploadtestsupport.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace UploadTestSupport;

namespace {

const QString Teacher = QStringLiteral("wang");
const QString Password = QStringLiteral("upload-test-password");
constexpr qint64 MiB = 1024 * 1024;
constexpr int UploadWaitMs = 60000;

UploadQueue::RetryPolicy quickRetries(int maxAttempts = 8)
{
    UploadQueue::RetryPolicy policy;
    policy.maxAttempts = maxAttempts;
    policy.firstDelay = std::chrono::milliseconds(200);
    policy.maxDelay = std::chrono::seconds(2);
    return policy;
}

} // namespace

class TestUploadQueue : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<QTemporaryDir> m_clientFolder;
    std::unique_ptr<UploadClient> m_client;
    QTemporaryDir m_sources;

    // Starts a fresh server with one teacher and a signed-in client.
    bool setUpServerAndClient(const QStringList &serverArguments = {})
    {
        m_client.reset();
        m_server = std::make_unique<ServerProcess>();
        if (!m_server->addTeacher(Teacher, Password, QStringLiteral("Test School")))
            return false;
        if (!m_server->start(serverArguments))
            return false;
        return setUpClient();
    }

    bool setUpClient()
    {
        m_clientFolder = std::make_unique<QTemporaryDir>();
        m_client = std::make_unique<UploadClient>(m_clientFolder->path(), QUrl(m_server->baseUrl()));
        if (!m_client->open() || !m_client->signIn(Teacher, Password))
            return false;
        m_client->queue->setRetryPolicy(quickRetries());
        return true;
    }

    // Writes a source file of `size` bytes and adds it as courseware; returns its id.
    QString addFile(qint64 size, const QString &title, quint32 seed = 1)
    {
        const QString path = m_sources.filePath(QStringLiteral("source-%1-%2.bin").arg(size).arg(seed));
        if (writeRandomFile(path, size, seed).isEmpty())
            return {};
        return m_client->addCourseware(path, title);
    }

    // Waits until the item is done or needs attention; true when done.
    bool waitUntilDone(const QString &id, int timeoutMs = UploadWaitMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            const auto item = m_client->queue->item(id);
            if (item && item->state == UploadQueue::ItemState::Done)
                return true;
            if (item && item->state == UploadQueue::ItemState::NeedsAttention) {
                qWarning("needs attention: %s %s", qPrintable(item->errorCode), qPrintable(item->errorMessage));
                return false;
            }
            QTest::qWait(20);
        }
        return false;
    }

    // Waits until the server acknowledged at least `bytes` of the item.
    bool waitForConfirmed(const QString &id, qint64 bytes, int timeoutMs = UploadWaitMs)
    {
        return QTest::qWaitFor(
            [&] {
                const auto item = m_client->queue->item(id);
                return item && item->confirmedBytes >= bytes;
            },
            timeoutMs);
    }

    [[nodiscard]] Courseware coursewareRow(const QString &id) const
    {
        return m_client->courseware->courseware(id).value_or(Courseware{});
    }

    [[nodiscard]] QString serverFileSha256(const QString &fileId) const
    {
        return fileSha256(m_server->dataFolder() + QStringLiteral("/files/") + fileId);
    }

    [[nodiscard]] QJsonObject serverFileMetadata(const QString &fileId) const
    {
        const QString token = m_server->signIn(Teacher, Password);
        return m_server->call("GET", QStringLiteral("files/") + fileId, token, QStringLiteral("/files/{file_id}"))
            .json();
    }

    [[nodiscard]] int serverPort() const { return QUrl(m_server->baseUrl()).port(); }

    // Checks that the item is done and the server's file equals the local one.
    void verifyUploaded(const QString &id)
    {
        const auto item = m_client->queue->item(id);
        QVERIFY(item.has_value());
        QCOMPARE(item->state, UploadQueue::ItemState::Done);
        QVERIFY(!item->fileId.isEmpty());
        const Courseware row = coursewareRow(id);
        QCOMPARE(row.uploadState, QStringLiteral("uploaded"));
        QCOMPARE(row.remoteId, item->fileId);
        QCOMPARE(serverFileSha256(item->fileId), row.sha256);
        QCOMPARE(fileSha256(m_client->storedPath(row.sha256)), row.sha256);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sources.isValid());
    }

    void cleanup()
    {
        QSettings().clear();
        m_client.reset();
        m_server.reset();
    }

    void fileUploadsAndVerifies_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::newRow("100 KiB") << qint64(100 * 1024);
        QTest::newRow("empty file") << qint64(0);
        QTest::newRow("3 MiB and 17 bytes") << qint64(3 * MiB + 17);
        QTest::newRow("64 MiB") << qint64(64 * MiB);
    }

    void fileUploadsAndVerifies()
    {
        QFETCH(qint64, size);
        QVERIFY(setUpServerAndClient());
        const QString id = addFile(size, QStringLiteral("lesson.bin"));
        QVERIFY(!id.isEmpty());
        QSignalSpy finished(m_client->queue.get(), &UploadQueue::itemFinished);

        QVERIFY(m_client->queue->enqueue(id).has_value());
        QCOMPARE(coursewareRow(id).uploadState, QStringLiteral("uploading"));
        m_client->queue->start();

        QVERIFY(waitUntilDone(id, 120000));
        verifyUploaded(id);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toString(), id);
        QVERIFY(m_client->queue->bytesSent() >= size);
        QVERIFY(m_client->queue->isIdle());
    }

    void knownContentLinksWithoutSending()
    {
        QVERIFY(setUpServerAndClient());
        const QString first = addFile(2 * MiB, QStringLiteral("first.bin"), 7);
        QVERIFY(m_client->queue->enqueue(first).has_value());
        m_client->queue->start();
        QVERIFY(waitUntilDone(first));
        const QString firstFileId = m_client->queue->item(first)->fileId;
        QVERIFY(!m_client->queue->item(first)->linkedInstantly);

        // A second computer of the same teacher imports the same content.
        QVERIFY(setUpClient());
        const QString second = addFile(2 * MiB, QStringLiteral("copy.bin"), 7);
        QSignalSpy chunks(m_client->queue.get(), &UploadQueue::chunkStarted);
        QVERIFY(m_client->queue->enqueue(second).has_value());
        m_client->queue->start();

        QVERIFY(waitUntilDone(second));
        QCOMPARE(m_client->queue->bytesSent(), qint64(0));
        QCOMPARE(chunks.count(), 0);
        QVERIFY(m_client->queue->item(second)->linkedInstantly);
        QCOMPARE(m_client->queue->item(second)->fileId, firstFileId);
        QCOMPARE(coursewareRow(second).remoteId, firstFileId);
    }

    void fileNameSentInNfc()
    {
        QVERIFY(setUpServerAndClient());
        // "Übung café 课件.pdf" in decomposed form, as macOS file names arrive.
        const QString decomposed = QStringLiteral("U\u0308bung cafe\u0301 课件.pdf");
        const QString id = addFile(1000, decomposed);
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();
        QVERIFY(waitUntilDone(id));

        const QString composed = decomposed.normalized(QString::NormalizationForm_C);
        QVERIFY(composed != decomposed);
        QCOMPARE(m_client->queue->item(id)->title, composed);
        const QJsonObject metadata = serverFileMetadata(m_client->queue->item(id)->fileId);
        QCOMPARE(metadata.value(QStringLiteral("filename")).toString(), composed);
    }

    void shortAcknowledgementResendsFromServerOffset()
    {
        // Requests 1 and 2 are sign-in and profile, 3 the lookup, 4 the
        // creation; the PATCHes follow, so these faults hit PATCHes.
        QVERIFY(setUpServerAndClient({QStringLiteral("--faults"),
                                      QStringLiteral("shortpatch@5,shortpatch@7,shortpatch@9")}));
        m_client->queue->setChunkLimits(MiB, MiB);
        const QString id = addFile(6 * MiB, QStringLiteral("short.bin"));
        QSignalSpy corrected(m_client->queue.get(), &UploadQueue::serverOffsetCorrected);
        bool finishedEarly = false;
        connect(m_client->queue.get(), &UploadQueue::itemFinished, this, [&](const QString &, const QString &fileId) {
            // Done must only be reported for a file the server stored in full.
            finishedEarly = serverFileSha256(fileId) != coursewareRow(id).sha256;
        });

        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();

        QVERIFY(waitUntilDone(id));
        QVERIFY(!finishedEarly);
        QVERIFY(corrected.count() >= 1);
        const QList<QVariant> first = corrected.first();
        QVERIFY(first.at(2).toLongLong() < first.at(1).toLongLong());
        QVERIFY(m_client->queue->bytesSent() > 6 * MiB);
        verifyUploaded(id);
    }

    void offsetMismatchResumesFromServerOffset()
    {
        QVERIFY(setUpServerAndClient());
        m_client->queue->setChunkLimits(MiB, MiB);
        m_client->queue->setBandwidthLimit(2048);
        const QString id = addFile(6 * MiB, QStringLiteral("mismatch.bin"));
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();
        QVERIFY(waitForConfirmed(id, MiB));
        QVERIFY(m_client->queue->pause(id).has_value());

        // Another device appends the next chunk behind this client's back.
        UploadQueueStore store(*m_client->database);
        const UploadEntry entry = store.entry(id).value().value();
        QFile source(m_client->storedPath(coursewareRow(id).sha256));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(source.seek(entry.confirmedBytes));
        const QByteArray chunk = source.read(MiB);
        const QString token = m_server->signIn(Teacher, Password);
        const Reply patch = request("PATCH", entry.uploadUrl.toString(), chunk,
                                    {bearer(token), "Tus-Resumable: 1.0.0",
                                     "Content-Type: application/offset+octet-stream",
                                     "Upload-Offset: " + QByteArray::number(entry.confirmedBytes)});
        QCOMPARE(patch.status, 204L);

        QSignalSpy corrected(m_client->queue.get(), &UploadQueue::serverOffsetCorrected);
        m_client->queue->setBandwidthLimit(0);
        QVERIFY(m_client->queue->resume(id).has_value());

        QVERIFY(waitUntilDone(id));
        QVERIFY(corrected.count() >= 1);
        QCOMPARE(corrected.first().at(1).toLongLong(), entry.confirmedBytes);
        QCOMPARE(corrected.first().at(2).toLongLong(), entry.confirmedBytes + MiB);
        verifyUploaded(id);
    }

    void unknownUploadUrlStartsFresh()
    {
        QVERIFY(setUpServerAndClient());
        const QString id = addFile(3 * MiB, QStringLiteral("gone.bin"));
        QVERIFY(m_client->queue->enqueue(id).has_value());

        // A saved upload the server no longer has, as after its expiry.
        UploadQueueStore store(*m_client->database);
        UploadEntry entry = store.entry(id).value().value();
        entry.uploadUrl = QUrl(m_server->baseUrl() + QStringLiteral("uploads/") + newId());
        entry.confirmedBytes = 2 * MiB;
        QVERIFY(store.save(entry).has_value());
        m_client->close();
        QVERIFY(m_client->open());
        QVERIFY(m_client->signIn(Teacher, Password));
        m_client->queue->setRetryPolicy(quickRetries());
        m_client->queue->start();

        QVERIFY(waitUntilDone(id));
        verifyUploaded(id);
        QVERIFY(m_client->queue->bytesSent() >= 3 * MiB);
    }

    void expiredUploadStartsFresh()
    {
        QVERIFY(setUpServerAndClient({QStringLiteral("--upload-expiry"), QStringLiteral("1")}));
        m_client->queue->setChunkLimits(MiB, MiB);
        m_client->queue->setBandwidthLimit(2048);
        const QString id = addFile(4 * MiB, QStringLiteral("expired.bin"));
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();
        QVERIFY(waitForConfirmed(id, MiB));
        QVERIFY(m_client->queue->pause(id).has_value());
        const QUrl firstUpload = m_client->queue->item(id).has_value()
            ? UploadQueueStore(*m_client->database).entry(id).value()->uploadUrl
            : QUrl();

        QTest::qWait(2500);
        m_client->queue->setBandwidthLimit(0);
        QVERIFY(m_client->queue->resume(id).has_value());

        QVERIFY(waitUntilDone(id));
        verifyUploaded(id);
        const Reply head = request("HEAD", firstUpload.toString(), {},
                                   {bearer(m_server->signIn(Teacher, Password)), "Tus-Resumable: 1.0.0"});
        QCOMPARE(head.status, 404L);
    }

    void accessTokenExpiresMidUpload()
    {
        QVERIFY(setUpServerAndClient({QStringLiteral("--access-token-ttl"), QStringLiteral("1")}));
        m_client->queue->setChunkLimits(MiB, MiB);
        m_client->queue->setBandwidthLimit(2048);
        const QString id = addFile(7 * MiB, QStringLiteral("token.bin"));
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();

        QVERIFY(waitUntilDone(id));
        verifyUploaded(id);
        QCOMPARE(m_client->auth->state(), AuthClient::State::SignedIn);
    }

    void serverFaultsRecovered_data()
    {
        QTest::addColumn<QString>("faults");
        QTest::newRow("500 on two requests") << QStringLiteral("500@6,500@8");
        QTest::newRow("503 with Retry-After") << QStringLiteral("503@6,503@7");
        QTest::newRow("stalled answers") << QStringLiteral("stall@6:2,stall@9:2");
        QTest::newRow("reset answers") << QStringLiteral("reset@6,reset@7,reset@10");
        // A 400 to a well-formed PATCH, as a proxy that misread it would send.
        QTest::newRow("400 on two PATCHes") << QStringLiteral("400@6,400@8");
    }

    void serverFaultsRecovered()
    {
        QFETCH(QString, faults);
        QVERIFY(setUpServerAndClient({QStringLiteral("--faults"), faults}));
        m_client->queue->setChunkLimits(MiB, MiB);
        const QString id = addFile(6 * MiB, QStringLiteral("faults.bin"));
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();

        QVERIFY(waitUntilDone(id));
        verifyUploaded(id);
    }

    // The same PATCH rejected with 400 three times in a row is not the
    // connection's fault, so the item stops with the server's error.
    void repeatedBadRequestNeedsAttention()
    {
        QVERIFY(setUpServerAndClient({QStringLiteral("--faults"), QStringLiteral("400@6,400@8,400@10")}));
        m_client->queue->setChunkLimits(MiB, MiB);
        const QString id = addFile(6 * MiB, QStringLiteral("rejected.bin"));
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();

        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto item = m_client->queue->item(id);
                return item && item->state == UploadQueue::ItemState::NeedsAttention;
            },
            UploadWaitMs));
        const auto item = m_client->queue->item(id);
        QVERIFY(item.has_value());
        QCOMPARE(item->errorCode, QStringLiteral("server.invalid_request"));
        QVERIFY(!item->errorMessage.isEmpty());
    }

    // A client stopped after saving an upload as done but before linking the
    // file to its courseware links it at the next start.
    void finishedUploadLinkedAtStart()
    {
        QVERIFY(setUpServerAndClient());
        const QString id = addFile(64 * 1024, QStringLiteral("linked.bin"));
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();
        QVERIFY(waitUntilDone(id));
        const QString fileId = m_client->queue->item(id)->fileId;

        QVERIFY(m_client->database
                    ->execute(QStringLiteral("UPDATE courseware SET upload_state = 'uploading', remote_id = NULL "
                                             "WHERE id = '%1'").arg(id))
                    .has_value());
        QVERIFY(m_client->database->execute(QStringLiteral("DELETE FROM outbox WHERE entity = 'courseware'")).has_value());
        m_client->close();
        QVERIFY(m_client->open());

        const Courseware row = coursewareRow(id);
        QCOMPARE(row.uploadState, QStringLiteral("uploaded"));
        QCOMPARE(row.remoteId, fileId);
        const auto pending = OutboxStore(*m_client->database).pending(100);
        QVERIFY(pending.has_value());
        QVERIFY(std::any_of(pending->cbegin(), pending->cend(), [&](const OutboxEntry &entry) {
            return entry.entity == QLatin1String("courseware") && entry.entityId == id;
        }));
        verifyUploaded(id);
    }

    void serverRestartResumes()
    {
        QVERIFY(setUpServerAndClient());
        m_client->queue->setChunkLimits(MiB, MiB);
        m_client->queue->setBandwidthLimit(4096);
        const QString id = addFile(16 * MiB, QStringLiteral("restart.bin"));
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();
        QVERIFY(waitForConfirmed(id, 2 * MiB));

        const int port = serverPort();
        m_server->kill();
        QTest::qWait(500);
        QVERIFY(m_server->start({QStringLiteral("--port"), QString::number(port)}));
        QCOMPARE(serverPort(), port);

        QVERIFY(waitUntilDone(id));
        verifyUploaded(id);
        // Only the chunks in flight at the crash and after it were sent again.
        QVERIFY(m_client->queue->bytesSent() <= 16 * MiB + 2 * MiB);
    }

    void pauseStopsAndResumeContinues()
    {
        QVERIFY(setUpServerAndClient());
        m_client->queue->setChunkLimits(MiB, MiB);
        m_client->queue->setBandwidthLimit(2048);
        const QString id = addFile(6 * MiB, QStringLiteral("pause.bin"));
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();
        QVERIFY(waitForConfirmed(id, MiB));

        QVERIFY(m_client->queue->pause(id).has_value());
        QCOMPARE(m_client->queue->item(id)->state, UploadQueue::ItemState::Paused);
        QVERIFY(m_client->queue->isIdle());
        const qint64 sentAtPause = m_client->queue->bytesSent();
        QTest::qWait(800);
        QCOMPARE(m_client->queue->bytesSent(), sentAtPause);

        m_client->queue->setBandwidthLimit(0);
        QVERIFY(m_client->queue->resume(id).has_value());
        QVERIFY(waitUntilDone(id));
        verifyUploaded(id);
    }

    void cancelTerminatesUpload()
    {
        QVERIFY(setUpServerAndClient());
        m_client->queue->setChunkLimits(MiB, MiB);
        m_client->queue->setBandwidthLimit(1024);
        const QString id = addFile(6 * MiB, QStringLiteral("cancel.bin"));
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();
        QVERIFY(waitForConfirmed(id, MiB));
        const QUrl uploadUrl = UploadQueueStore(*m_client->database).entry(id).value()->uploadUrl;
        QVERIFY(!uploadUrl.isEmpty());

        QVERIFY(m_client->queue->cancel(id).has_value());

        QVERIFY(!m_client->queue->item(id).has_value());
        QVERIFY(!UploadQueueStore(*m_client->database).entry(id).value().has_value());
        QCOMPARE(coursewareRow(id).uploadState, QStringLiteral("local"));
        const QString token = m_server->signIn(Teacher, Password);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return request("HEAD", uploadUrl.toString(), {}, {bearer(token), "Tus-Resumable: 1.0.0"}).status
                    == 404;
            },
            10000));
    }

    void restartedQueueContinuesFromServerOffset()
    {
        QVERIFY(setUpServerAndClient());
        m_client->queue->setChunkLimits(MiB, MiB);
        m_client->queue->setBandwidthLimit(4096);
        const QString id = addFile(12 * MiB, QStringLiteral("continue.bin"));
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();
        QVERIFY(waitForConfirmed(id, 3 * MiB));

        m_client->close();
        QVERIFY(m_client->open());
        const qint64 saved = UploadQueueStore(*m_client->database).entry(id).value()->confirmedBytes;
        QVERIFY(saved >= 3 * MiB);
        QVERIFY(m_client->signIn(Teacher, Password));
        QSignalSpy chunks(m_client->queue.get(), &UploadQueue::chunkStarted);
        m_client->queue->start();

        QVERIFY(waitUntilDone(id));
        verifyUploaded(id);
        QVERIFY(!chunks.isEmpty());
        QVERIFY(chunks.first().at(1).toLongLong() >= saved);
        QVERIFY(m_client->queue->bytesSent() <= 12 * MiB - saved + MiB);
    }

    void unreachableServerNeedsAttentionThenRecovers()
    {
        QVERIFY(setUpServerAndClient());
        m_client->queue->setRetryPolicy(quickRetries(3));
        const QString id = addFile(2 * MiB, QStringLiteral("offline.bin"));
        const int port = serverPort();
        m_server->stop();
        QSignalSpy attention(m_client->queue.get(), &UploadQueue::itemNeedsAttention);

        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();

        QVERIFY(attention.wait(30000));
        const auto item = m_client->queue->item(id);
        QCOMPARE(item->state, UploadQueue::ItemState::NeedsAttention);
        QCOMPARE(item->attempts, 3);
        QVERIFY(!item->errorMessage.isEmpty());
        QCOMPARE(coursewareRow(id).uploadState, QStringLiteral("failed"));
        QVERIFY(m_client->queue->isIdle());

        QVERIFY(m_server->start({QStringLiteral("--port"), QString::number(port)}));
        QVERIFY(m_client->queue->resume(id).has_value());
        QVERIFY(waitUntilDone(id));
        verifyUploaded(id);
    }

    void missingLocalFileNeedsAttention()
    {
        QVERIFY(setUpServerAndClient());
        const QString id = addFile(MiB, QStringLiteral("missing.bin"));
        QVERIFY(QFile::remove(m_client->storedPath(coursewareRow(id).sha256)));
        QSignalSpy attention(m_client->queue.get(), &UploadQueue::itemNeedsAttention);

        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();

        QVERIFY(attention.wait(20000));
        QCOMPARE(attention.first().at(1).value<Error>().code, QStringLiteral("local.read_failed"));
        QCOMPARE(m_client->queue->item(id)->attempts, 1);
    }

    void bandwidthCapHoldsRate()
    {
        QVERIFY(setUpServerAndClient());
        constexpr qint64 CapKilobytes = 1024;
        m_client->queue->setBandwidthLimit(CapKilobytes);
        const QString id = addFile(8 * MiB, QStringLiteral("capped.bin"));
        QSignalSpy progress(m_client->queue.get(), &UploadQueue::itemProgress);
        QSignalSpy overall(m_client->queue.get(), &UploadQueue::overallProgress);
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();

        // Skip the first second: the lookup, the creation and curl's start-up.
        QTest::qWait(1000);
        const qint64 before = m_client->queue->bytesSent();
        QElapsedTimer window;
        window.start();
        QTest::qWait(4000);
        const double rate = double(m_client->queue->bytesSent() - before) * 1000.0 / double(window.elapsed());

        const double cap = double(CapKilobytes * 1024);
        qInfo("capped rate %.0f B/s for a cap of %.0f B/s", rate, cap);
        QVERIFY2(rate <= cap * 1.2, qPrintable(QString::number(rate)));
        QVERIFY2(rate >= cap * 0.8, qPrintable(QString::number(rate)));

        // The progress signals report bytes, rate and ETA while the item uploads.
        QVERIFY(progress.count() >= 10);
        const QList<QVariant> last = progress.last();
        QCOMPARE(last.at(0).toString(), id);
        QVERIFY(last.at(2).toLongLong() >= last.at(1).toLongLong());
        QVERIFY(last.at(2).toLongLong() > progress.first().at(2).toLongLong());
        QCOMPARE(last.at(3).toLongLong(), 8 * MiB);
        QVERIFY(last.at(4).toDouble() > cap * 0.5);
        QVERIFY(last.at(5).toLongLong() > 0);
        QVERIFY(!overall.isEmpty());
        QCOMPARE(overall.last().at(2).toLongLong(), 8 * MiB);
        QVERIFY(m_client->queue->pause(id).has_value());
    }

    void scheduleHoldsUploadsUntilStartTime_data()
    {
        QTest::addColumn<QTime>("before");
        QTest::newRow("morning") << QTime(10, 0);
        QTest::newRow("just after midnight") << QTime(0, 10);
        QTest::newRow("one minute early") << QTime(16, 29);
    }

    void scheduleHoldsUploadsUntilStartTime()
    {
        QFETCH(QTime, before);
        QVERIFY(setUpServerAndClient());
        const QString id = addFile(1000, QStringLiteral("later.bin"));
        auto now = std::make_shared<QDateTime>(QDate(2026, 3, 2), before);
        m_client->queue->setClock([now] { return *now; });
        m_client->queue->setNotBefore(QTime(16, 30));
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();

        QTest::qWait(1000);
        QCOMPARE(m_client->queue->item(id)->state, UploadQueue::ItemState::Queued);
        QCOMPARE(m_client->queue->item(id)->confirmedBytes, qint64(0));
        QCOMPARE(m_client->queue->bytesSent(), qint64(0));
        QVERIFY(m_client->queue->isWaitingForStartTime());

        // The clock passes the start time; a new clock makes the queue look again.
        now->setTime(QTime(16, 31));
        m_client->queue->setClock([now] { return *now; });
        QVERIFY(waitUntilDone(id, 20000));
        QVERIFY(!m_client->queue->isWaitingForStartTime());
        verifyUploaded(id);
    }

    void scheduleSettingReloadsLive()
    {
        QVERIFY(setUpServerAndClient());
        QSettings settings;
        settings.setValue(QLatin1String(UploadQueue::NotBeforeSettingsKey), QStringLiteral("16:30"));
        const QString id = addFile(1000, QStringLiteral("settings.bin"));
        const QDateTime morning(QDate(2026, 3, 2), QTime(9, 0));
        m_client->queue->setClock([morning] { return morning; });
        m_client->queue->loadSettings();
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();
        QTest::qWait(500);
        QVERIFY(m_client->queue->isWaitingForStartTime());

        // The teacher clears the start time in Settings while ClassDesk runs.
        settings.remove(QLatin1String(UploadQueue::NotBeforeSettingsKey));
        m_client->queue->loadSettings();
        QVERIFY(waitUntilDone(id, 20000));
        verifyUploaded(id);
    }

    void bandwidthLimitReloadsLive()
    {
        QVERIFY(setUpServerAndClient());
        QSettings settings;
        settings.setValue(QLatin1String(UploadQueue::LimitSettingsKey), 512);
        m_client->queue->loadSettings();
        m_client->queue->setChunkLimits(MiB, MiB);
        const QString id = addFile(16 * MiB, QStringLiteral("relimit.bin"));
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();
        QVERIFY(waitForConfirmed(id, MiB));

        // A new cap from Settings takes effect with the next chunk, without a restart.
        constexpr qint64 CapKilobytes = 2048;
        settings.setValue(QLatin1String(UploadQueue::LimitSettingsKey), CapKilobytes);
        m_client->queue->loadSettings();
        // The chunk already in flight keeps the old cap for up to two seconds.
        QTest::qWait(2500);
        const qint64 before = m_client->queue->bytesSent();
        QElapsedTimer window;
        window.start();
        QTest::qWait(3000);
        const double rate = double(m_client->queue->bytesSent() - before) * 1000.0 / double(window.elapsed());
        const double cap = double(CapKilobytes * 1024);
        qInfo("rate %.0f B/s after raising the cap to %.0f B/s", rate, cap);
        QVERIFY2(rate >= cap * 0.8, qPrintable(QString::number(rate)));
        QVERIFY2(rate <= cap * 1.2, qPrintable(QString::number(rate)));
        QVERIFY(m_client->queue->pause(id).has_value());
    }

    void pauseAllAndResumeAll()
    {
        QVERIFY(setUpServerAndClient());
        m_client->queue->setBandwidthLimit(512);
        const QString first = addFile(3 * MiB, QStringLiteral("first.bin"), 11);
        const QString second = addFile(3 * MiB, QStringLiteral("second.bin"), 12);
        QVERIFY(m_client->queue->enqueue(first).has_value());
        QVERIFY(m_client->queue->enqueue(second).has_value());
        m_client->queue->start();
        QVERIFY(waitForConfirmed(first, 1));

        m_client->queue->pauseAll();
        QCOMPARE(m_client->queue->item(first)->state, UploadQueue::ItemState::Paused);
        QCOMPARE(m_client->queue->item(second)->state, UploadQueue::ItemState::Paused);
        QVERIFY(m_client->queue->isIdle());

        m_client->queue->setBandwidthLimit(0);
        m_client->queue->resumeAll();
        QVERIFY(waitUntilDone(first));
        QVERIFY(waitUntilDone(second));
        verifyUploaded(first);
        verifyUploaded(second);
    }

    void itemUpdatedCarriesWholeItem()
    {
        QVERIFY(setUpServerAndClient());
        const QString id = addFile(2 * MiB, QStringLiteral("updates.bin"), 13);
        QSignalSpy updates(m_client->queue.get(), &UploadQueue::itemUpdated);
        QVERIFY(m_client->queue->enqueue(id).has_value());
        m_client->queue->start();
        QVERIFY(waitUntilDone(id));

        QVERIFY(updates.count() >= 2);
        const auto first = updates.first().at(0).value<UploadQueue::Item>();
        QCOMPARE(first.coursewareId, id);
        QCOMPARE(first.title, QStringLiteral("updates.bin"));
        QCOMPARE(first.totalBytes, 2 * MiB);
        // A fresh upload starts by asking the platform whether it has the content.
        const bool sawLookup = std::any_of(updates.begin(), updates.end(), [](const QList<QVariant> &update) {
            return update.at(0).value<UploadQueue::Item>().checkingPlatform;
        });
        QVERIFY(sawLookup);
        const auto last = updates.last().at(0).value<UploadQueue::Item>();
        QCOMPARE(last.state, UploadQueue::ItemState::Done);
        QCOMPARE(last.confirmedBytes, 2 * MiB);
    }
};

QTEST_GUILESS_MAIN(TestUploadQueue)
#include "tst_uploadqueue.moc"
