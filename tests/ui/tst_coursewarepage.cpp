// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursewaremodel.h"
#include "coursewarepage.h"
#include "coursewarepreview.h"
#include "coursewareprobe.h"
#include "coursewarestore.h"
#include "database.h"
#include "mainwindow.h"
#include "officethumbnail.h"
#include "workspace.h"

#include <QBuffer>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMediaPlayer>
#include <QMimeData>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QPdfWriter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QVideoWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ClassDesk;

class CoursewarePageTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_media; // generated once: PDF, images, zip documents and, with ffmpeg, media
    QTemporaryDir *m_dataDirectory = nullptr;
    std::unique_ptr<Workspace> m_workspace;
    QString m_ffmpegProblem; // empty when the media files were generated

    QString mediaPath(const char *name) const { return m_media.filePath(QString::fromUtf8(name)); }

    static quint32 crc32(const QByteArray &data)
    {
        quint32 crc = 0xFFFFFFFFu;
        for (const char byte : data) {
            crc ^= quint8(byte);
            for (int bit = 0; bit < 8; ++bit)
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
        return ~crc;
    }

    // A zip archive with uncompressed entries, enough for a DOCX-like file.
    static QByteArray storedZip(const QList<std::pair<QByteArray, QByteArray>> &entries)
    {
        QByteArray archive;
        QByteArray directory;
        const auto append16 = [](QByteArray &out, quint32 value) {
            out.append(char(value & 0xff)).append(char((value >> 8) & 0xff));
        };
        const auto append32 = [&](QByteArray &out, quint32 value) {
            append16(out, value & 0xffff);
            append16(out, value >> 16);
        };
        for (const auto &[name, content] : entries) {
            const quint32 offset = quint32(archive.size());
            const quint32 crc = crc32(content);
            append32(archive, 0x04034b50);
            for (quint32 value : {20u, 0u, 0u, 0u, 0x21u})
                append16(archive, value);
            append32(archive, crc);
            append32(archive, quint32(content.size()));
            append32(archive, quint32(content.size()));
            append16(archive, quint32(name.size()));
            append16(archive, 0);
            archive += name + content;

            append32(directory, 0x02014b50);
            for (quint32 value : {20u, 20u, 0u, 0u, 0u, 0x21u})
                append16(directory, value);
            append32(directory, crc);
            append32(directory, quint32(content.size()));
            append32(directory, quint32(content.size()));
            for (quint32 value : {quint32(name.size()), 0u, 0u, 0u, 0u})
                append16(directory, value);
            append32(directory, 0);
            append32(directory, offset);
            directory += name;
        }
        const quint32 directoryOffset = quint32(archive.size());
        archive += directory;
        append32(archive, 0x06054b50);
        for (quint32 value : {0u, 0u, quint32(entries.size()), quint32(entries.size())})
            append16(archive, value);
        append32(archive, quint32(directory.size()));
        append32(archive, directoryOffset);
        append16(archive, 0);
        return archive;
    }

    static QByteArray encodedImage(QSize size, const char *format)
    {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, format);
        return bytes;
    }

    static bool writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    }

    void writePdf(const QString &path)
    {
        QPdfWriter writer(path);
        writer.setTitle(QStringLiteral("光合作用"));
        QPainter painter(&writer);
        for (int page = 1; page <= 3; ++page) {
            if (page > 1)
                writer.newPage();
            painter.drawText(QRect(0, 0, 4000, 1000), QStringLiteral("第%1页：光合作用与叶绿体").arg(page));
        }
    }

    void generateMedia()
    {
        const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
        if (ffmpeg.isEmpty()) {
            m_ffmpegProblem = QStringLiteral("ffmpeg is not installed, so no test audio and video can be made");
            return;
        }
        const QList<QStringList> commands = {
            {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
             QStringLiteral("testsrc=duration=3:size=320x240:rate=25"), QStringLiteral("-f"),
             QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=frequency=440:duration=3"),
             QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
             QStringLiteral("yuv420p"), QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-shortest"),
             mediaPath("实验视频.mp4")},
            {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
             QStringLiteral("sine=frequency=440:duration=2"), QStringLiteral("-c:a"), QStringLiteral("libvorbis"),
             mediaPath("朗读.ogg")},
        };
        for (QStringList arguments : commands) {
            arguments.prepend(QStringLiteral("-y"));
            arguments.prepend(QStringLiteral("error"));
            arguments.prepend(QStringLiteral("-loglevel"));
            QProcess process;
            process.start(ffmpeg, arguments);
            if (!process.waitForFinished(60000) || process.exitCode() != 0) {
                m_ffmpegProblem = QStringLiteral("ffmpeg failed: ") + QString::fromLocal8Bit(process.readAllStandardError());
                return;
            }
        }
    }

    // Imports `paths` through the page and waits for the import to end.
    bool importAndWait(CoursewarePage &page, const QStringList &paths)
    {
        QSignalSpy finished(&page, &CoursewarePage::importFinished);
        page.importPaths(paths);
        return finished.wait(20000);
    }

    QStringList visibleTitles(CoursewarePage &page)
    {
        QStringList titles;
        for (int row = 0; row < page.filterModel()->rowCount(); ++row)
            titles.append(page.filterModel()->index(row, 0).data(CoursewareModel::TitleRole).toString());
        titles.sort();
        return titles;
    }

    QString idOf(CoursewarePage &page, const QString &title)
    {
        for (int row = 0; row < page.model()->rowCount(); ++row) {
            if (page.model()->coursewareAt(row).title == title)
                return page.model()->coursewareAt(row).id;
        }
        return {};
    }

    // Reads a row through a second connection, as a restarted app would.
    Courseware savedRow(const QString &id)
    {
        auto database = Database::open(m_workspace->databasePath());
        if (!database)
            return {};
        CoursewareStore store(**database);
        return store.courseware(id).value_or(Courseware());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_media.isValid());
        writePdf(mediaPath("光合作用.pdf"));
        QVERIFY(writeFile(mediaPath("叶片.png"), encodedImage(QSize(200, 150), "PNG")));
        QVERIFY(writeFile(mediaPath("第三课.docx"),
                          storedZip({{"[Content_Types].xml", "<Types/>"},
                                     {"docProps/thumbnail.jpeg", encodedImage(QSize(64, 48), "JPEG")}})));
        QVERIFY(writeFile(mediaPath("复习.odp"),
                          storedZip({{"mimetype", "application/vnd.oasis.opendocument.presentation"},
                                     {"Thumbnails/thumbnail.png", encodedImage(QSize(80, 60), "PNG")}})));
        QVERIFY(writeFile(mediaPath("无预览.pptx"), storedZip({{"[Content_Types].xml", "<Types/>"}})));
        QVERIFY(writeFile(mediaPath("损坏.mp4"), QByteArray(64 * 1024, '\x5a')));
        generateMedia();
    }

    void init()
    {
        m_dataDirectory = new QTemporaryDir;
        QVERIFY(m_dataDirectory->isValid());
        auto workspace = Workspace::open(m_dataDirectory->path());
        QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().toLogString()));
        m_workspace = std::move(*workspace);
    }

    void cleanup()
    {
        m_workspace.reset();
        delete m_dataDirectory;
        m_dataDirectory = nullptr;
    }

    void libraryShowsImportedItems()
    {
        CoursewarePage page(*m_workspace);
        QVERIFY(importAndWait(page, {mediaPath("光合作用.pdf"), mediaPath("叶片.png"), mediaPath("第三课.docx")}));

        QCOMPARE(page.model()->rowCount(), 3);
        QCOMPARE(visibleTitles(page), (QStringList{QStringLiteral("光合作用"), QStringLiteral("叶片"),
                                                   QStringLiteral("第三课")}));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("messageLabel"))->text().contains(QLatin1Char('3')));
        const QString pdfId = idOf(page, QStringLiteral("光合作用"));
        QVERIFY(QFileInfo::exists(page.storedFilePath(pdfId)));
    }

    void importFailureIsShown()
    {
        CoursewarePage page(*m_workspace);
        const QString missing = mediaPath("不存在.pdf");
        QVERIFY(importAndWait(page, {missing}));

        QCOMPARE(page.model()->rowCount(), 0);
        const QString message = page.findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
        QVERIFY2(message.contains(QDir::toNativeSeparators(missing)), qPrintable(message));
    }

    void droppedFilesAreImported()
    {
        CoursewarePage page(*m_workspace);
        page.resize(900, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        QMimeData mimeData;
        mimeData.setUrls({QUrl::fromLocalFile(mediaPath("叶片.png")), QUrl::fromLocalFile(mediaPath("复习.odp"))});
        QWidget *viewport = page.view()->viewport();
        const QPoint center = viewport->rect().center();
        QDragEnterEvent enter(center, Qt::CopyAction, &mimeData, Qt::LeftButton, {});
        QCoreApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());

        QSignalSpy finished(&page, &CoursewarePage::importFinished);
        QDropEvent drop(QPointF(center), Qt::CopyAction, &mimeData, Qt::LeftButton, {});
        QCoreApplication::sendEvent(viewport, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(finished.wait(20000));
        QCOMPARE(visibleTitles(page), (QStringList{QStringLiteral("叶片"), QStringLiteral("复习")}));
    }

    void droppedLessonFilesAreProbedAndPreviewed_data()
    {
        QTest::addColumn<bool>("asFolder");
        QTest::newRow("two files") << false;
        QTest::newRow("folder") << true;
    }

    void droppedLessonFilesAreProbedAndPreviewed()
    {
        QFETCH(bool, asFolder);
        if (!m_ffmpegProblem.isEmpty())
            QSKIP(qPrintable(m_ffmpegProblem));

        // A PDF and a real H.264/AAC video, dropped one by one or as the folder they are in.
        QTemporaryDir folder;
        QVERIFY(QFile::copy(mediaPath("光合作用.pdf"), folder.filePath(QStringLiteral("光合作用.pdf"))));
        QVERIFY(QFile::copy(mediaPath("实验视频.mp4"), folder.filePath(QStringLiteral("实验视频.mp4"))));
        QMimeData mimeData;
        if (asFolder)
            mimeData.setUrls({QUrl::fromLocalFile(folder.path())});
        else
            mimeData.setUrls({QUrl::fromLocalFile(folder.filePath(QStringLiteral("光合作用.pdf"))),
                              QUrl::fromLocalFile(folder.filePath(QStringLiteral("实验视频.mp4")))});

        CoursewarePage page(*m_workspace);
        page.resize(900, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy probed(&page, &CoursewarePage::probeFinished);
        QSignalSpy imported(&page, &CoursewarePage::importFinished);
        QWidget *viewport = page.view()->viewport();
        const QPoint center = viewport->rect().center();
        QDragEnterEvent enter(center, Qt::CopyAction, &mimeData, Qt::LeftButton, {});
        QCoreApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(center), Qt::CopyAction, &mimeData, Qt::LeftButton, {});
        QCoreApplication::sendEvent(viewport, &drop);
        QVERIFY(imported.wait(20000));
        QCOMPARE(visibleTitles(page), (QStringList{QStringLiteral("光合作用"), QStringLiteral("实验视频")}));

        // Stored in the content store and probed: the page count and the video's duration are saved.
        const QString pdfId = idOf(page, QStringLiteral("光合作用"));
        const QString videoId = idOf(page, QStringLiteral("实验视频"));
        QVERIFY(QFileInfo::exists(page.storedFilePath(pdfId)));
        QVERIFY(QFileInfo::exists(page.storedFilePath(videoId)));
        QTRY_VERIFY_WITH_TIMEOUT(probed.size() >= 2, CoursewareProbe::MediaTimeoutMs + 10000);
        QCOMPARE(savedRow(pdfId).pageCount, std::optional<int>(3));
        const auto duration = savedRow(videoId).durationMs;
        QVERIFY(duration.has_value());
        QVERIFY2(qAbs(*duration - 3000) < 300, qPrintable(QString::number(*duration)));

        // Both wait in the upload queue for the platform.
        QCOMPARE(savedRow(pdfId).uploadState, QStringLiteral("queued"));
        QCOMPARE(savedRow(videoId).uploadState, QStringLiteral("queued"));

        // The preview opens the PDF on page 1 and renders it.
        page.selectCourseware(pdfId);
        QCOMPARE(page.preview()->pdfDocument()->pageCount(), 3);
        auto *pdfView = page.preview()->findChild<QPdfView *>(QStringLiteral("pdfView"));
        QVERIFY(pdfView);
        QCOMPARE(pdfView->pageNavigator()->currentPage(), 0);
        QVERIFY(!page.preview()->pdfDocument()->render(0, QSize(210, 297)).isNull());

        // The video plays: its position moves on by itself.
        page.selectCourseware(videoId);
        QMediaPlayer *player = page.preview()->player();
        QTRY_VERIFY_WITH_TIMEOUT(player->mediaStatus() == QMediaPlayer::LoadedMedia
                                     || player->mediaStatus() == QMediaPlayer::BufferedMedia,
                                 15000);
        player->play();
        QTRY_VERIFY_WITH_TIMEOUT(player->position() > 500, 10000);
        QVERIFY(page.preview()->statusText().isEmpty());
    }

    void searchMatchesTitleAndTag_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty search") << QString()
                                      << QStringList{QStringLiteral("光合作用"), QStringLiteral("叶片"),
                                                     QStringLiteral("第三课")};
        QTest::newRow("part of a title") << QStringLiteral("光合") << QStringList{QStringLiteral("光合作用")};
        QTest::newRow("tag") << QStringLiteral("叶绿体") << QStringList{QStringLiteral("叶片")};
        QTest::newRow("latin tag in other case") << QStringLiteral("biology")
                                                 << QStringList{QStringLiteral("叶片")};
        QTest::newRow("no match") << QStringLiteral("数学") << QStringList();
    }

    void searchMatchesTitleAndTag()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, expected);
        CoursewarePage page(*m_workspace);
        QVERIFY(importAndWait(page, {mediaPath("光合作用.pdf"), mediaPath("叶片.png"), mediaPath("第三课.docx")}));
        auto leaf = page.model()->coursewareById(idOf(page, QStringLiteral("叶片")));
        QVERIFY(leaf.has_value());
        leaf->tags = {QStringLiteral("叶绿体"), QStringLiteral("Biology")};
        QVERIFY(page.model()->update(*leaf).has_value());

        page.findChild<QLineEdit *>(QStringLiteral("searchEdit"))->setText(search);
        QCOMPARE(visibleTitles(page), expected);
    }

    void typeFilterShowsOneType_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("documents") << int(CoursewareType::Document)
                                   << QStringList{QStringLiteral("光合作用"), QStringLiteral("第三课")};
        QTest::newRow("slides") << int(CoursewareType::Slides) << QStringList{QStringLiteral("复习")};
        QTest::newRow("images") << int(CoursewareType::Image) << QStringList{QStringLiteral("叶片")};
        QTest::newRow("video") << int(CoursewareType::Video) << QStringList();
    }

    void typeFilterShowsOneType()
    {
        QFETCH(int, type);
        QFETCH(QStringList, expected);
        CoursewarePage page(*m_workspace);
        QVERIFY(importAndWait(page, {mediaPath("光合作用.pdf"), mediaPath("叶片.png"), mediaPath("第三课.docx"),
                                     mediaPath("复习.odp")}));

        auto *typeBox = page.findChild<QComboBox *>(QStringLiteral("typeBox"));
        typeBox->setCurrentIndex(typeBox->findData(type));
        QCOMPARE(visibleTitles(page), expected);
    }

    void deleteRemovesItem()
    {
        CoursewarePage page(*m_workspace);
        QVERIFY(importAndWait(page, {mediaPath("叶片.png"), mediaPath("第三课.docx")}));
        const QString id = idOf(page, QStringLiteral("叶片"));
        page.selectCourseware(id);
        QCOMPARE(page.preview()->currentId(), id);

        page.deleteCourseware(id);
        QCOMPARE(visibleTitles(page), QStringList{QStringLiteral("第三课")});
        QVERIFY(page.preview()->currentId() != id);
        QVERIFY(!m_workspace->courseware().courseware(id).has_value());
    }

    void pdfProbeSavesPageCount()
    {
        CoursewarePage page(*m_workspace);
        QSignalSpy probed(&page, &CoursewarePage::probeFinished);
        QVERIFY(importAndWait(page, {mediaPath("光合作用.pdf")}));
        QVERIFY(probed.size() > 0 || probed.wait(10000));

        const QString id = idOf(page, QStringLiteral("光合作用"));
        QCOMPARE(savedRow(id).pageCount, std::optional<int>(3));
        QVERIFY(page.model()->index(0).data(CoursewareModel::DetailRole).toString().contains(QLatin1Char('3')));
    }

    void pdfPreviewShowsPages()
    {
        CoursewarePage page(*m_workspace);
        QVERIFY(importAndWait(page, {mediaPath("光合作用.pdf")}));
        page.selectCourseware(idOf(page, QStringLiteral("光合作用")));

        QCOMPARE(page.preview()->pdfDocument()->pageCount(), 3);
        QVERIFY(page.preview()->statusText().isEmpty());
    }

    void mediaProbeReadsDuration_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("mimeType");
        QTest::addColumn<qint64>("expectedMs");
        QTest::addColumn<QSize>("expectedResolution");
        QTest::newRow("mp4 video") << QStringLiteral("实验视频.mp4") << QStringLiteral("video/mp4") << qint64(3000)
                                   << QSize(320, 240);
        QTest::newRow("ogg vorbis audio") << QStringLiteral("朗读.ogg") << QStringLiteral("audio/ogg")
                                          << qint64(2000) << QSize();
    }

    void mediaProbeReadsDuration()
    {
        QFETCH(QString, file);
        QFETCH(QString, mimeType);
        QFETCH(qint64, expectedMs);
        QFETCH(QSize, expectedResolution);
        if (!m_ffmpegProblem.isEmpty())
            QSKIP(qPrintable(m_ffmpegProblem));

        CoursewareProbe probe(m_media.filePath(file), mimeType);
        QSignalSpy finished(&probe, &CoursewareProbe::finished);
        probe.start();
        QVERIFY(finished.wait(CoursewareProbe::MediaTimeoutMs + 5000));

        const auto metadata = finished.first().first().value<CoursewareMetadata>();
        QVERIFY2(metadata.mediaPlayable, qPrintable(metadata.problem));
        QVERIFY(metadata.durationMs.has_value());
        QVERIFY2(qAbs(*metadata.durationMs - expectedMs) < 300, qPrintable(QString::number(*metadata.durationMs)));
        if (expectedResolution.isValid())
            QCOMPARE(metadata.resolution, expectedResolution);
    }

    void undecodableMediaIsExplained()
    {
        CoursewareProbe probe(mediaPath("损坏.mp4"), QStringLiteral("video/mp4"));
        QSignalSpy probed(&probe, &CoursewareProbe::finished);
        probe.start();
        QVERIFY(probed.wait(CoursewareProbe::MediaTimeoutMs + 5000));
        const auto metadata = probed.first().first().value<CoursewareMetadata>();
        QVERIFY(!metadata.mediaPlayable);
        QVERIFY(!metadata.durationMs.has_value());

        CoursewarePage page(*m_workspace);
        QVERIFY(importAndWait(page, {mediaPath("损坏.mp4")}));
        page.selectCourseware(idOf(page, QStringLiteral("损坏")));
        QTRY_VERIFY_WITH_TIMEOUT(!page.preview()->statusText().isEmpty(), 15000);
        QVERIFY2(page.preview()->statusText().contains(QStringLiteral("cannot be played")),
                 qPrintable(page.preview()->statusText()));
        QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("openButton"))->text(),
                 QStringLiteral("Open in System Player"));
        QVERIFY(!savedRow(idOf(page, QStringLiteral("损坏"))).durationMs.has_value());
    }

    void durationShowsPlaceholderUntilLoaded()
    {
        QCOMPARE(CoursewareModel::formatDuration(std::nullopt), QStringLiteral("--:--"));
        QCOMPARE(CoursewareModel::formatDuration(185'000), QStringLiteral("3:05"));
        QCOMPARE(CoursewareModel::formatDuration(3'723'000), QStringLiteral("1:02:03"));
    }

    void videoDurationIsSavedAfterImport()
    {
        if (!m_ffmpegProblem.isEmpty())
            QSKIP(qPrintable(m_ffmpegProblem));
        CoursewarePage page(*m_workspace);
        QSignalSpy probed(&page, &CoursewarePage::probeFinished);
        QVERIFY(importAndWait(page, {mediaPath("实验视频.mp4")}));
        const QString id = idOf(page, QStringLiteral("实验视频"));
        QVERIFY(!savedRow(id).durationMs.has_value() || probed.size() > 0);
        QVERIFY(probed.size() > 0 || probed.wait(CoursewareProbe::MediaTimeoutMs + 5000));

        const auto duration = savedRow(id).durationMs;
        QVERIFY(duration.has_value());
        QVERIFY(*duration > 2500);
    }

    void audioPreviewPlaysAtChosenSpeed()
    {
        if (!m_ffmpegProblem.isEmpty())
            QSKIP(qPrintable(m_ffmpegProblem));
        CoursewarePage page(*m_workspace);
        QVERIFY(importAndWait(page, {mediaPath("朗读.ogg")}));
        page.selectCourseware(idOf(page, QStringLiteral("朗读")));
        QMediaPlayer *player = page.preview()->player();
        QTRY_VERIFY_WITH_TIMEOUT(player->duration() > 0, 15000);

        QVERIFY(page.preview()->statusText().isEmpty());
        auto *info = page.preview()->findChild<QLabel *>(QStringLiteral("previewInfo"));
        QTRY_VERIFY_WITH_TIMEOUT(info->text().contains(QStringLiteral("0:02")), 5000);
        auto *speedBox = page.preview()->findChild<QComboBox *>(QStringLiteral("speedBox"));
        speedBox->setCurrentIndex(speedBox->count() - 1);
        QCOMPARE(player->playbackRate(), 2.0);
        speedBox->setCurrentIndex(0);
        QCOMPARE(player->playbackRate(), 0.5);
    }

    void longVideoWarningRule_data()
    {
        QTest::addColumn<QString>("mimeType");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<bool>("warns");
        QTest::newRow("five-minute video") << QStringLiteral("video/mp4") << qint64(5 * 60'000) << false;
        QTest::newRow("eleven-minute video") << QStringLiteral("video/mp4") << qint64(11 * 60'000) << true;
        QTest::newRow("eleven-minute audio") << QStringLiteral("audio/ogg") << qint64(11 * 60'000) << false;
    }

    void longVideoWarningRule()
    {
        QFETCH(QString, mimeType);
        QFETCH(qint64, durationMs);
        QFETCH(bool, warns);

        const QString warning = CoursewarePreview::longVideoWarning(coursewareType(mimeType), durationMs);
        QCOMPARE(!warning.isEmpty(), warns);
        if (warns)
            QVERIFY(warning.contains(QStringLiteral("chapter marks")));

        CoursewarePreview preview;
        Courseware courseware;
        courseware.id = QStringLiteral("shown");
        courseware.title = QStringLiteral("长视频");
        courseware.mimeType = mimeType;
        courseware.durationMs = durationMs;
        preview.showCourseware(courseware, mediaPath("not stored"));
        QCOMPARE(preview.warningText(), warning);
    }

    void longVideoWarningKeepsControlsVisible_data()
    {
        QTest::addColumn<QSize>("windowSize");
        QTest::addColumn<int>("chapterCount");
        QTest::newRow("960x640") << QSize(960, 640) << 0;
        QTest::newRow("1366x768") << QSize(1366, 768) << 0;
        QTest::newRow("960x640 with chapters") << QSize(960, 640) << 6;
        QTest::newRow("1366x768 with chapters") << QSize(1366, 768) << 6;
    }

    void longVideoWarningKeepsControlsVisible()
    {
        QFETCH(QSize, windowSize);
        QFETCH(int, chapterCount);
        MainWindow window(*m_workspace, QStringLiteral("1"), QStringLiteral("r"));
        window.resize(windowSize);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showSection(MainWindow::Section::Courseware);
        CoursewarePreview *preview = window.coursewarePage()->preview();

        // The media page is laid out before the player reads the file, so
        // any existing file shows the layout.
        const QString path = mediaPath("长视频.mp4");
        QVERIFY(writeFile(path, QByteArray(1024, 'x')));
        Courseware courseware;
        courseware.id = QStringLiteral("long");
        courseware.title = QStringLiteral("十一分钟的实验视频");
        courseware.mimeType = QStringLiteral("video/mp4");
        courseware.durationMs = 11 * 60'000;
        for (int chapter = 0; chapter < chapterCount; ++chapter) {
            courseware.chapterMarks.append(QJsonObject{{QStringLiteral("position_ms"), chapter * 100'000},
                                                       {QStringLiteral("title"), QStringLiteral("第%1节").arg(chapter + 1)}});
        }
        preview->showCourseware(courseware, path);
        auto *playButton = preview->findChild<QPushButton *>(QStringLiteral("playButton"));
        if (!playButton || !playButton->isVisible())
            QSKIP("No media back end, so the preview shows no player");
        QVERIFY(!preview->warningText().isEmpty());
        QCoreApplication::processEvents();

        auto *video = preview->findChild<QVideoWidget *>();
        auto *slider = preview->findChild<QSlider *>(QStringLiteral("positionSlider"));
        const QRect videoRect(video->mapTo(preview, QPoint(0, 0)), video->size());
        const QRect playRect(playButton->mapTo(preview, QPoint(0, 0)), playButton->size());
        const QRect sliderRect(slider->mapTo(preview, QPoint(0, 0)), slider->size());
        QVERIFY2(!videoRect.intersects(playRect), qPrintable(QStringLiteral("video %1,%2 %3x%4, play at y %5")
                                                                  .arg(videoRect.x()).arg(videoRect.y())
                                                                  .arg(videoRect.width()).arg(videoRect.height())
                                                                  .arg(playRect.y())));
        QVERIFY(!videoRect.intersects(sliderRect));
        QVERIFY(preview->rect().contains(playRect));
        QVERIFY(preview->rect().contains(sliderRect));
        auto *warning = preview->findChild<QLabel *>(QStringLiteral("previewWarning"));
        QVERIFY(warning->wordWrap());
        QVERIFY(warning->width() <= preview->width());

        // Chapter marks sit beside the picture, never on it.
        auto *chapters = preview->findChild<QListWidget *>(QStringLiteral("chapterList"));
        QCOMPARE(chapters->isVisible(), chapterCount > 0);
        if (chapterCount > 0) {
            QCOMPARE(chapters->count(), chapterCount);
            QVERIFY(!videoRect.intersects(QRect(chapters->mapTo(preview, QPoint(0, 0)), chapters->size())));
        }

        // A picture a class can watch: a third of the preview's height, or a
        // 16:9 picture as wide as the preview when that is lower.
        const int usable = std::min(preview->height() / 3, preview->width() * 9 / 16);
        QVERIFY2(videoRect.height() >= usable,
                 qPrintable(QStringLiteral("video %1 px high in a %2 px preview").arg(videoRect.height()).arg(preview->height())));
    }

    void tagsEditIsSaved()
    {
        CoursewarePage page(*m_workspace);
        QVERIFY(importAndWait(page, {mediaPath("叶片.png")}));
        const QString id = idOf(page, QStringLiteral("叶片"));
        page.selectCourseware(id);

        auto *tagsEdit = page.preview()->findChild<QLineEdit *>(QStringLiteral("tagsEdit"));
        tagsEdit->setText(QStringLiteral("光合作用，叶绿体, 光合作用"));
        emit tagsEdit->editingFinished();

        QCOMPARE(savedRow(id).tags, (QStringList{QStringLiteral("光合作用"), QStringLiteral("叶绿体")}));
    }

    void chapterMarkSeeksPlayback()
    {
        if (!m_ffmpegProblem.isEmpty())
            QSKIP(qPrintable(m_ffmpegProblem));
        CoursewarePage page(*m_workspace);
        QVERIFY(importAndWait(page, {mediaPath("实验视频.mp4")}));
        const QString id = idOf(page, QStringLiteral("实验视频"));
        page.selectCourseware(id);
        QMediaPlayer *player = page.preview()->player();
        QTRY_VERIFY_WITH_TIMEOUT(player->mediaStatus() == QMediaPlayer::LoadedMedia
                                     || player->mediaStatus() == QMediaPlayer::BufferedMedia,
                                 15000);

        player->setPosition(1500);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(player->position() - 1500) < 200, 5000);
        page.preview()->addChapterMark(QStringLiteral("实验结果"));
        player->setPosition(0);
        QTRY_VERIFY_WITH_TIMEOUT(player->position() < 200, 5000);
        page.preview()->addChapterMark(QString());

        const QJsonArray marks = savedRow(id).chapterMarks;
        QCOMPARE(marks.size(), 2);
        QCOMPARE(marks.at(0).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Chapter 2"));
        QCOMPARE(marks.at(1).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("实验结果"));
        QVERIFY(qAbs(marks.at(1).toObject().value(QStringLiteral("position_ms")).toInteger() - 1500) < 200);
        QCOMPARE(page.preview()->findChild<QListWidget *>(QStringLiteral("chapterList"))->count(), 2);

        page.preview()->seekToChapter(1);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(player->position() - 1500) < 200, 5000);
    }

    void officeThumbnailIsRead_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QSize>("expectedSize");
        QTest::newRow("docx with jpeg thumbnail") << QStringLiteral("第三课.docx") << QSize(64, 48);
        QTest::newRow("odp with png thumbnail") << QStringLiteral("复习.odp") << QSize(80, 60);
        QTest::newRow("pptx without thumbnail") << QStringLiteral("无预览.pptx") << QSize();
        QTest::newRow("not a zip") << QStringLiteral("损坏.mp4") << QSize();
    }

    void officeThumbnailIsRead()
    {
        QFETCH(QString, file);
        QFETCH(QSize, expectedSize);
        if (!canReadEmbeddedThumbnails())
            QSKIP("This build has no minizip, so it reads no embedded thumbnails (Debian: libminizip-dev)");
        const QImage thumbnail = readEmbeddedThumbnail(m_media.filePath(file));
        if (expectedSize.isValid())
            QCOMPARE(thumbnail.size(), expectedSize);
        else
            QVERIFY(thumbnail.isNull());
    }

    void officePreviewShowsThumbnail()
    {
        if (!canReadEmbeddedThumbnails())
            QSKIP("This build has no minizip, so it reads no embedded thumbnails (Debian: libminizip-dev)");
        CoursewarePage page(*m_workspace);
        QVERIFY(importAndWait(page, {mediaPath("第三课.docx")}));
        page.selectCourseware(idOf(page, QStringLiteral("第三课")));

        auto *image = page.preview()->findChild<QLabel *>(QStringLiteral("previewImage"));
        QTRY_VERIFY_WITH_TIMEOUT(!image->pixmap().isNull(), 5000);
        QVERIFY(page.preview()->statusText().isEmpty());
    }

    void officeFileWithoutThumbnailOffersOpening()
    {
        CoursewarePage page(*m_workspace);
        QVERIFY(importAndWait(page, {mediaPath("无预览.pptx")}));
        page.selectCourseware(idOf(page, QStringLiteral("无预览")));

        QVERIFY(page.preview()->statusText().contains(QStringLiteral("open it")));
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("openButton"))->isEnabled());
    }
};

QTEST_MAIN(CoursewarePageTest)
#include "tst_coursewarepage.moc"
