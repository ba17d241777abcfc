// SPDX-License-Identifier: GPL-3.0-or-later
//
// The tus client against an independent tus 1.0 server (@tus/server with
// @tus/file-store under Node), so the client follows the protocol and not
// only the reference server's reading of it.
#include "httptransport.h"
#include "tusuploadjob.h"
#include "uploadtestsupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ClassDesk;
using namespace UploadTestSupport;

namespace {

constexpr qint64 MiB = 1024 * 1024;

} // namespace

class TestUploadInterop : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_store;
    QTemporaryDir m_sources;
    QProcess m_node;
    QUrl m_creationUrl;

    TusUploadSource writeSource(qint64 size, quint32 seed)
    {
        TusUploadSource source;
        source.filePath = m_sources.filePath(QStringLiteral("source-%1.bin").arg(seed));
        source.size = size;
        source.sha256 = writeRandomFile(source.filePath, size, seed);
        source.fileName = QStringLiteral("课件 %1.bin").arg(seed);
        source.contentType = QStringLiteral("application/octet-stream");
        return source;
    }

    // The file @tus/file-store keeps for an upload: the last path segment names it.
    [[nodiscard]] QString storedFile(const QUrl &uploadUrl) const
    {
        return m_store.filePath(uploadUrl.path().section(QLatin1Char('/'), -1));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_node.setWorkingDirectory(QStringLiteral(CLASSDESK_SOURCE_DIR));
        m_node.setProcessChannelMode(QProcess::SeparateChannels);
        m_node.start(QStringLiteral(CLASSDESK_NODE_EXECUTABLE),
                     {QStringLiteral(CLASSDESK_SOURCE_DIR "/tests/sync/tusserver.mjs"), m_store.path()});
        QVERIFY(m_node.waitForStarted(5000));
        static const QRegularExpression s_listening(QStringLiteral("Listening on (http://127\\.0\\.0\\.1:\\d+/files)"));
        QByteArray output;
        while (!m_creationUrl.isValid() && m_node.waitForReadyRead(20000)) {
            output += m_node.readAllStandardOutput();
            const auto match = s_listening.match(QString::fromUtf8(output));
            if (match.hasMatch())
                m_creationUrl = QUrl(match.captured(1));
        }
        QVERIFY2(m_creationUrl.isValid(), m_node.readAllStandardError().constData());
    }

    void cleanupTestCase()
    {
        m_node.terminate();
        if (!m_node.waitForFinished(5000))
            m_node.kill();
    }

    void fileArrivesIntact_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::newRow("one byte") << qint64(1);
        QTest::newRow("5 MiB and 3 bytes") << qint64(5 * MiB + 3);
    }

    void fileArrivesIntact()
    {
        QFETCH(qint64, size);
        const TusUploadSource source = writeSource(size, quint32(size));
        HttpTransport transport;
        TusUploadJob job(&transport, m_creationUrl, source);
        job.setChunkLimits(MiB, MiB);
        QSignalSpy finished(&job, &TusUploadJob::finished);

        job.start();

        QVERIFY(finished.wait(60000));
        QVERIFY2(job.result().has_value(), qPrintable(job.result() ? QString() : job.result().error().toLogString()));
        QCOMPARE(job.confirmedBytes(), size);
        QCOMPARE(fileSha256(storedFile(job.uploadUrl())), source.sha256);
    }

    void interruptedUploadResumes()
    {
        const TusUploadSource source = writeSource(4 * MiB, 99);
        HttpTransport transport;
        QUrl uploadUrl;
        {
            TusUploadJob first(&transport, m_creationUrl, source);
            first.setChunkLimits(4 * MiB, 4 * MiB);
            first.setStopAfterBytesForTesting(MiB + MiB / 2);
            QSignalSpy finished(&first, &TusUploadJob::finished);
            first.start();
            QVERIFY(finished.wait(60000));
            QVERIFY(!first.result().has_value());
            uploadUrl = first.uploadUrl();
        }
        QVERIFY(!uploadUrl.isEmpty());

        TusUploadJob second(&transport, m_creationUrl, source);
        second.setUploadUrl(uploadUrl);
        second.setChunkLimits(MiB, MiB);
        QSignalSpy chunks(&second, &TusUploadJob::chunkStarted);
        QSignalSpy finished(&second, &TusUploadJob::finished);
        second.start();

        QVERIFY(finished.wait(60000));
        QVERIFY2(second.result().has_value(), qPrintable(second.result() ? QString() : second.result().error().toLogString()));
        QCOMPARE(second.uploadUrl(), uploadUrl);
        QVERIFY(!chunks.isEmpty());
        QVERIFY(chunks.first().at(0).toLongLong() > 0);
        QCOMPARE(fileSha256(storedFile(uploadUrl)), source.sha256);
    }
};

QTEST_GUILESS_MAIN(TestUploadInterop)
#include "tst_uploadinterop.moc"
