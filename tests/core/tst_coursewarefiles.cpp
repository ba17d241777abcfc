// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursewarefilestore.h"
#include "coursewareimportjob.h"
#include "coursewarestore.h"
#include "coursewaretype.h"
#include "sha256.h"
#include "storefixture.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QThread>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace ClassDesk;

class CoursewareFilesTest : public QObject
{
    Q_OBJECT

private:
    // Every file under `folder`, hidden temporary files included.
    static QStringList filesUnder(const QString &folder)
    {
        QStringList files;
        QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        return files;
    }

    static QByteArray randomBytes(qint64 size)
    {
        QList<quint32> words((size + 3) / 4);
        QRandomGenerator::global()->fillRange(words.data(), words.size());
        return QByteArray(reinterpret_cast<const char *>(words.constData()), size);
    }

    static bool writeFile(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    }

    static QString sha256Of(const QByteArray &content)
    {
        return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    }

    static bool runningAsRoot()
    {
#ifdef Q_OS_UNIX
        return ::geteuid() == 0;
#else
        return false;
#endif
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void importStreamsIntoContentAddress()
    {
        QTemporaryDir data;
        // Not a multiple of the buffer, so the last read is a short one.
        const QByteArray content = randomBytes(4 * CoursewareFileStore::BufferSize + 123);
        const QString source = data.filePath(QStringLiteral("原件/第一课.pptx"));
        QVERIFY(writeFile(source, content));

        CoursewareFileStore store(data.path());
        QList<qint64> progress;
        const auto stored = store.importFile(source, [&](qint64 copied) {
            progress.append(copied);
            return true;
        });
        QVERIFY2(stored.has_value(), qPrintable(stored ? QString() : stored.error().toLogString()));

        const QString digest = sha256Of(content);
        QCOMPARE(stored->sha256, digest);
        QCOMPARE(stored->sizeBytes, content.size());
        QVERIFY(!stored->alreadyStored);
        QCOMPARE(stored->path, data.filePath(QStringLiteral("courseware/%1/%2").arg(digest.left(2), digest)));
        QFile copy(stored->path);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), content);
        QCOMPARE(progress.size(), 5);
        QCOMPARE(progress.first(), CoursewareFileStore::BufferSize);
        QCOMPARE(progress.last(), content.size());
        QCOMPARE(filesUnder(store.rootPath()), QStringList{stored->path});
    }

    void sha256MatchesKnownDigests()
    {
        QCOMPARE(Sha256::hash({}).toHex(),
                 QByteArrayLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(Sha256::hash("abc").toHex(),
                 QByteArrayLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));

        // Added in uneven pieces, as reads from a file come.
        QByteArray content(5 * 1024 * 1024 + 17, Qt::Uninitialized);
        for (qsizetype i = 0; i < content.size(); ++i)
            content[i] = char(i * 31 % 251);
        Sha256 pieces;
        for (qsizetype offset = 0; offset < content.size(); offset += 1000003)
            pieces.addData(QByteArrayView(content.constData() + offset, std::min<qsizetype>(1000003, content.size() - offset)));
        QCOMPARE(QString::fromLatin1(pieces.result().toHex()), sha256Of(content));
    }

    void sameContentIsStoredOnce()
    {
        QTemporaryDir data;
        const QByteArray content = randomBytes(5000);
        QVERIFY(writeFile(data.filePath(QStringLiteral("a.pdf")), content));
        QVERIFY(writeFile(data.filePath(QStringLiteral("copy of a.pdf")), content));

        CoursewareFileStore store(data.path());
        const auto first = store.importFile(data.filePath(QStringLiteral("a.pdf")));
        const auto second = store.importFile(data.filePath(QStringLiteral("copy of a.pdf")));
        QVERIFY(first.has_value());
        QVERIFY(second.has_value());

        QCOMPARE(second->path, first->path);
        QVERIFY(!first->alreadyStored);
        QVERIFY(second->alreadyStored);
        QCOMPARE(filesUnder(store.rootPath()).size(), 1);
    }

    void storedCopyOutlivesOriginal()
    {
        QTemporaryDir data;
        const QByteArray content = randomBytes(3000);
        const QString source = data.filePath(QStringLiteral("lesson.mp3"));
        QVERIFY(writeFile(source, content));

        CoursewareFileStore store(data.path());
        const auto stored = store.importFile(source);
        QVERIFY(stored.has_value());
        QVERIFY(QFile::remove(source));

        QVERIFY(store.contains(stored->sha256));
        QFile copy(store.filePath(stored->sha256));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), content);
    }

    void unusableSourceIsRejected_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedCode");
        QTest::newRow("missing file") << "missing" << "courseware.source_missing";
        QTest::newRow("folder instead of file") << "folder" << "courseware.source_unreadable";
        QTest::newRow("no read permission") << "unreadable" << "courseware.source_unreadable";
    }

    void unusableSourceIsRejected()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expectedCode);
        QTemporaryDir data;
        const QString source = data.filePath(QStringLiteral("source"));
        if (kind == QLatin1String("folder")) {
            QVERIFY(QDir().mkpath(source));
        } else if (kind == QLatin1String("unreadable")) {
            if (runningAsRoot())
                QSKIP("Permissions do not stop root from reading a file");
            QVERIFY(writeFile(source, "content"));
            QVERIFY(QFile::setPermissions(source, QFileDevice::WriteOwner));
        }

        CoursewareFileStore store(data.path());
        const auto stored = store.importFile(source);
        QVERIFY(!stored.has_value());
        QCOMPARE(stored.error().code, expectedCode);
        QVERIFY(stored.error().message.contains(QDir::toNativeSeparators(source)));
        QCOMPARE(filesUnder(store.rootPath()), QStringList());
    }

    void changedSourceLeavesNothing_data()
    {
        QTest::addColumn<bool>("deleteSource");
        QTest::newRow("deleted while copying") << true;
        QTest::newRow("truncated while copying") << false;
    }

    void changedSourceLeavesNothing()
    {
        QFETCH(bool, deleteSource);
        QTemporaryDir data;
        const QString source = data.filePath(QStringLiteral("video.mp4"));
        QVERIFY(writeFile(source, randomBytes(3 * CoursewareFileStore::BufferSize)));

        CoursewareFileStore store(data.path());
        bool changed = false;
        const auto stored = store.importFile(source, [&](qint64) {
            if (!changed) {
                changed = true;
                if (deleteSource)
                    QFile::remove(source);
                else
                    QFile::resize(source, CoursewareFileStore::BufferSize + 10);
            }
            return true;
        });

        QVERIFY(!stored.has_value());
        QCOMPARE(stored.error().code, QStringLiteral("courseware.source_vanished"));
        QCOMPARE(filesUnder(store.rootPath()), QStringList());
    }

    void fullDiskLeavesNothing()
    {
        QTemporaryDir data;
        const QString source = data.filePath(QStringLiteral("big.mp4"));
        QVERIFY(writeFile(source, randomBytes(2 * CoursewareFileStore::BufferSize)));

        CoursewareFileStore store(data.path());
        store.setWriteLimitForTesting(1000);
        const auto stored = store.importFile(source);

        QVERIFY(!stored.has_value());
        QCOMPARE(stored.error().code, QStringLiteral("courseware.disk_full"));
        QVERIFY(stored.error().retryable);
        QCOMPARE(filesUnder(store.rootPath()), QStringList());
    }

    void unwritableStoreIsReported_data()
    {
        QTest::addColumn<bool>("readOnlyFolder");
        QTest::newRow("store path is a file") << false;
        QTest::newRow("read-only store folder") << true;
    }

    void unwritableStoreIsReported()
    {
        QFETCH(bool, readOnlyFolder);
        QTemporaryDir data;
        const QString source = data.filePath(QStringLiteral("notes.pdf"));
        QVERIFY(writeFile(source, "%PDF-1.4"));
        const QString root = data.filePath(QStringLiteral("courseware"));
        if (readOnlyFolder) {
            if (runningAsRoot())
                QSKIP("Permissions do not stop root from writing to a folder");
            QVERIFY(QDir().mkpath(root));
            QVERIFY(QFile::setPermissions(root, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        } else {
            QVERIFY(writeFile(root, "not a folder"));
        }

        CoursewareFileStore store(data.path());
        const auto stored = store.importFile(source);
        if (readOnlyFolder)
            QFile::setPermissions(root, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

        QVERIFY(!stored.has_value());
        QCOMPARE(stored.error().code, QStringLiteral("courseware.store_unwritable"));
        QVERIFY(stored.error().message.contains(QDir::toNativeSeparators(root)));
        if (readOnlyFolder)
            QCOMPARE(filesUnder(root), QStringList());
    }

    void cancelLeavesNothing()
    {
        QTemporaryDir data;
        const QString source = data.filePath(QStringLiteral("film.mp4"));
        QVERIFY(writeFile(source, randomBytes(3 * CoursewareFileStore::BufferSize)));

        CoursewareFileStore store(data.path());
        const auto stored = store.importFile(source, [](qint64 copied) { return copied < 2 * CoursewareFileStore::BufferSize; });

        QVERIFY(!stored.has_value());
        QCOMPARE(stored.error().code, QStringLiteral("courseware.cancelled"));
        QCOMPARE(filesUnder(store.rootPath()), QStringList());
    }

    void abandonedImportsAreRemoved()
    {
        QTemporaryDir data;
        CoursewareFileStore store(data.path());
        QVERIFY(QDir().mkpath(store.rootPath()));
        const QString old = QDir(store.rootPath()).filePath(QStringLiteral(".import-old.part"));
        const QString fresh = QDir(store.rootPath()).filePath(QStringLiteral(".import-fresh.part"));
        const QString unrelated = QDir(store.rootPath()).filePath(QStringLiteral("notes.txt"));
        for (const QString &path : {old, fresh, unrelated})
            QVERIFY(writeFile(path, "partial"));
        QFile oldFile(old);
        QVERIFY(oldFile.open(QIODevice::ReadWrite));
        QVERIFY(oldFile.setFileTime(QDateTime::currentDateTimeUtc().addDays(-2), QFileDevice::FileModificationTime));
        oldFile.close();

        QCOMPARE(store.removeAbandonedImports(), 1);
        QVERIFY(!QFileInfo::exists(old));
        QVERIFY(QFileInfo::exists(fresh));
        QVERIFY(QFileInfo::exists(unrelated));
    }

    void importJobAddsRowsWithProgress()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(0));
        QTemporaryDir sources;
        const QByteArray video = randomBytes(2 * CoursewareFileStore::BufferSize);
        QVERIFY(writeFile(sources.filePath(QStringLiteral("第二单元/朗读.txt")), "床前明月光"));
        QVERIFY(writeFile(sources.filePath(QStringLiteral("第二单元/视频/实验.mp4")), video));
        QVERIFY(writeFile(sources.filePath(QStringLiteral("讲义.pdf")), "%PDF-1.4\n"));

        auto *job = new CoursewareImportJob(fixture.folder.path(), fixture.schoolId,
                                            {sources.filePath(QStringLiteral("第二单元")),
                                             sources.filePath(QStringLiteral("讲义.pdf"))});
        QSignalSpy progress(job, &CoursewareImportJob::progressChanged);
        QSignalSpy imported(job, &CoursewareImportJob::fileImported);
        QSignalSpy failed(job, &CoursewareImportJob::fileFailed);
        QSignalSpy finished(job, &CoursewareImportJob::finished);
        QThread *thread = CoursewareImportJob::startInThread(job);
        QVERIFY(thread != QThread::currentThread());
        QVERIFY(finished.wait(20000));

        QCOMPARE(finished.first().at(0).toInt(), 3);
        QCOMPARE(finished.first().at(1).toInt(), 0);
        QCOMPARE(finished.first().at(2).toBool(), false);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(imported.size(), 3);
        const qint64 total = video.size() + QByteArray("床前明月光").size() + 9;
        QCOMPARE(progress.last().at(0).toLongLong(), total);
        QCOMPARE(progress.last().at(1).toLongLong(), total);

        CoursewareStore store(*fixture.database);
        const auto rows = store.coursewareList(fixture.schoolId);
        QVERIFY(rows.has_value());
        QCOMPARE(rows->size(), 3);
        QHash<QString, Courseware> byTitle;
        for (const Courseware &row : *rows)
            byTitle.insert(row.title, row);
        QCOMPARE(byTitle.value(QStringLiteral("实验")).mimeType, QStringLiteral("video/mp4"));
        QCOMPARE(byTitle.value(QStringLiteral("实验")).sizeBytes, video.size());
        QCOMPARE(byTitle.value(QStringLiteral("实验")).sha256, sha256Of(video));
        QVERIFY(!byTitle.value(QStringLiteral("实验")).durationMs.has_value());
        QCOMPARE(byTitle.value(QStringLiteral("讲义")).mimeType, QStringLiteral("application/pdf"));
        QCOMPARE(byTitle.value(QStringLiteral("朗读")).mimeType, QStringLiteral("text/plain"));
        CoursewareFileStore files(fixture.folder.path());
        QVERIFY(files.contains(sha256Of(video)));
    }

    void importJobLinksKnownContent()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(0));
        QTemporaryDir sources;
        const QByteArray content = randomBytes(1000);
        QVERIFY(writeFile(sources.filePath(QStringLiteral("a.png")), content));
        QVERIFY(writeFile(sources.filePath(QStringLiteral("b.png")), content));

        auto *job = new CoursewareImportJob(fixture.folder.path(), fixture.schoolId, {sources.path()});
        QSignalSpy imported(job, &CoursewareImportJob::fileImported);
        QSignalSpy finished(job, &CoursewareImportJob::finished);
        CoursewareImportJob::startInThread(job);
        QVERIFY(finished.wait(20000));

        QCOMPARE(imported.size(), 2);
        QCOMPARE(imported.at(1).at(1).toString(), imported.at(0).at(1).toString());
        QCOMPARE(imported.at(0).at(2).toBool(), false);
        QCOMPARE(imported.at(1).at(2).toBool(), true);
        CoursewareStore store(*fixture.database);
        QCOMPARE(store.coursewareList(fixture.schoolId)->size(), 1);
    }

    void importJobReportsEachFailure()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(0));
        QTemporaryDir sources;
        QVERIFY(writeFile(sources.filePath(QStringLiteral("good.docx")), "PK"));
        const QString missing = sources.filePath(QStringLiteral("gone.docx"));

        auto *job = new CoursewareImportJob(fixture.folder.path(), fixture.schoolId,
                                            {missing, sources.filePath(QStringLiteral("good.docx"))});
        QSignalSpy imported(job, &CoursewareImportJob::fileImported);
        QSignalSpy failed(job, &CoursewareImportJob::fileFailed);
        QSignalSpy finished(job, &CoursewareImportJob::finished);
        CoursewareImportJob::startInThread(job);
        QVERIFY(finished.wait(20000));

        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toString(), missing);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("courseware.source_missing"));
        QVERIFY(!failed.first().at(2).toString().isEmpty());
        QCOMPARE(imported.size(), 1);
        QCOMPARE(finished.first().at(0).toInt(), 1);
        QCOMPARE(finished.first().at(1).toInt(), 1);
    }

    void importJobFullDiskAddsNoRow()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(0));
        QTemporaryDir sources;
        QVERIFY(writeFile(sources.filePath(QStringLiteral("clip.mp4")), randomBytes(50000)));

        auto *job = new CoursewareImportJob(fixture.folder.path(), fixture.schoolId, {sources.path()});
        job->setWriteLimitForTesting(100);
        QSignalSpy failed(job, &CoursewareImportJob::fileFailed);
        QSignalSpy finished(job, &CoursewareImportJob::finished);
        CoursewareImportJob::startInThread(job);
        QVERIFY(finished.wait(20000));

        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("courseware.disk_full"));
        CoursewareStore store(*fixture.database);
        QCOMPARE(store.coursewareList(fixture.schoolId)->size(), 0);
        QCOMPARE(filesUnder(fixture.folder.filePath(QStringLiteral("courseware"))), QStringList());
    }

    void importJobCancelStopsAndCleansUp()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(0));
        QTemporaryDir sources;
        // Large enough that the copy takes several progress reports.
        for (int i = 1; i <= 3; ++i)
            QVERIFY(writeFile(sources.filePath(QStringLiteral("%1.mp4").arg(i)), randomBytes(24 << 20)));

        auto *job = new CoursewareImportJob(fixture.folder.path(), fixture.schoolId, {sources.path()});
        // Direct: cancel() runs on the worker thread as soon as bytes move.
        connect(job, &CoursewareImportJob::progressChanged, job, [job](qint64 done, qint64) {
            if (done > 0)
                job->cancel();
        }, Qt::DirectConnection);
        QSignalSpy imported(job, &CoursewareImportJob::fileImported);
        QSignalSpy finished(job, &CoursewareImportJob::finished);
        CoursewareImportJob::startInThread(job);
        QVERIFY(finished.wait(60000));

        QCOMPARE(finished.first().at(2).toBool(), true);
        QVERIFY(imported.size() < 3);
        CoursewareStore store(*fixture.database);
        QCOMPARE(store.coursewareList(fixture.schoolId)->size(), imported.size());
        QCOMPARE(filesUnder(fixture.folder.filePath(QStringLiteral("courseware"))).size(), imported.size());
    }

    void typeFollowsMimeType_data()
    {
        QTest::addColumn<QString>("mimeType");
        QTest::addColumn<int>("expected");
        QTest::newRow("pdf") << "application/pdf" << int(CoursewareType::Document);
        QTest::newRow("docx") << "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                              << int(CoursewareType::Document);
        QTest::newRow("pptx") << "application/vnd.openxmlformats-officedocument.presentationml.presentation"
                              << int(CoursewareType::Slides);
        QTest::newRow("odp") << "application/vnd.oasis.opendocument.presentation" << int(CoursewareType::Slides);
        QTest::newRow("mp4") << "video/mp4" << int(CoursewareType::Video);
        QTest::newRow("ogg audio") << "audio/ogg" << int(CoursewareType::Audio);
        QTest::newRow("png") << "image/png" << int(CoursewareType::Image);
        QTest::newRow("zip") << "application/zip" << int(CoursewareType::Other);
    }

    void typeFollowsMimeType()
    {
        QFETCH(QString, mimeType);
        QFETCH(int, expected);
        QCOMPARE(int(coursewareType(mimeType)), expected);
    }

    void longVideoRule_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<bool>("known");
        QTest::addColumn<bool>("expected");
        QTest::newRow("unknown duration") << int(CoursewareType::Video) << qint64(0) << false << false;
        QTest::newRow("nine minutes") << int(CoursewareType::Video) << qint64(9 * 60'000) << true << false;
        QTest::newRow("exactly ten minutes") << int(CoursewareType::Video) << qint64(10 * 60'000) << true << false;
        QTest::newRow("eleven minutes") << int(CoursewareType::Video) << qint64(11 * 60'000) << true << true;
        QTest::newRow("eleven minutes of audio") << int(CoursewareType::Audio) << qint64(11 * 60'000) << true
                                                 << false;
    }

    void longVideoRule()
    {
        QFETCH(int, type);
        QFETCH(qint64, durationMs);
        QFETCH(bool, known);
        QFETCH(bool, expected);
        const std::optional<qint64> duration = known ? std::optional(durationMs) : std::nullopt;
        QCOMPARE(isOverLessonVideoLimit(CoursewareType(type), duration), expected);
    }
};

QTEST_GUILESS_MAIN(CoursewareFilesTest)
#include "tst_coursewarefiles.moc"
