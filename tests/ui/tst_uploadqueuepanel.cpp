// SPDX-License-Identifier: GPL-3.0-or-later
//
// The upload queue panel on the Courseware page, showing the queue of a real
// sync engine that uploads to the reference classdesk-server on loopback.
#include "../sync/syncfixture.h"

#include "coursewarefilestore.h"
#include "coursewarepage.h"
#include "coursewarestore.h"
#include "settingspage.h"
#include "uploadqueuemodel.h"
#include "uploadqueuepanel.h"
#include "coursewaremodel.h"
#include "uploadqueuestore.h"
#include "workspace.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimeEdit>
#include <QTreeView>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace SyncFixture;

namespace {

const QString Teacher = QStringLiteral("zhou");
const QString Password = QStringLiteral("panel-test-password");
constexpr qint64 MiB = 1024 * 1024;

// Content that differs per seed, so each file needs its own upload.
QByteArray fileContent(qint64 size, char seed)
{
    QByteArray content(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        content[i] = char((i * 131 + seed * 7 + i / 4096) & 0xff);
    return content;
}

// The share of the width of `cell` that the progress bar's fill covers:
// pixels near the palette's highlight colour, which styles shade a little,
// on the scanline with the most of them, above or below the percentage text.
double filledShare(const QImage &image, const QRect &cell, const QPalette &palette)
{
    const QColor fill = palette.color(QPalette::Highlight);
    int mostFilled = 0;
    for (int y = cell.top(); y <= cell.bottom(); ++y) {
        int filled = 0;
        for (int x = cell.left(); x <= cell.right(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            const int distance = std::abs(pixel.red() - fill.red()) + std::abs(pixel.green() - fill.green())
                                 + std::abs(pixel.blue() - fill.blue());
            if (distance < 100)
                ++filled;
        }
        mostFilled = std::max(mostFilled, filled);
    }
    return double(mostFilled) / cell.width();
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestUploadQueuePanel : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    QTemporaryDir m_dataFolder;
    QTemporaryDir m_sources;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<CoursewarePage> m_page;

    [[nodiscard]] UploadQueuePanel *panel() const { return m_page->uploadQueuePanel(); }
    [[nodiscard]] UploadQueueModel *model() const { return panel()->model(); }

    [[nodiscard]] QPushButton *button(const char *name) const
    {
        return panel()->findChild<QPushButton *>(QLatin1String(name));
    }

    // Imports a file into the courseware store and marks it for upload, as a publish does.
    QString addQueuedFile(const QString &title, const QByteArray &content)
    {
        QFile source(m_sources.filePath(title));
        if (!source.open(QIODevice::WriteOnly) || source.write(content) != content.size())
            return {};
        source.close();
        const auto stored = CoursewareFileStore(m_workspace->dataDirectory()).importFile(source.fileName());
        if (!stored)
            return {};
        Courseware row;
        row.schoolId = m_workspace->schoolId();
        row.sha256 = stored->sha256;
        row.sizeBytes = stored->sizeBytes;
        row.mimeType = QStringLiteral("video/mp4");
        row.title = title;
        const auto id = m_workspace->courseware().addCourseware(row);
        if (!id || !m_workspace->courseware().setUploadState(*id, QStringLiteral("queued"), {}))
            return {};
        // The engine takes queued courseware into its upload queue after a sync.
        m_sync->syncNow();
        return *id;
    }

    [[nodiscard]] std::optional<UploadQueue::Item> shownItem(const QString &id) const
    {
        const int row = model()->rowOf(id);
        return row < 0 ? std::nullopt : std::optional(model()->itemAt(row));
    }

    bool waitForState(const QString &id, UploadQueue::ItemState state, int timeoutMs = 60000)
    {
        return QTest::qWaitFor(
            [&] {
                const auto item = shownItem(id);
                return item && item->state == state;
            },
            timeoutMs);
    }

    bool waitForConfirmed(const QString &id, qint64 bytes, int timeoutMs = 60000)
    {
        return QTest::qWaitFor(
            [&] {
                const auto item = shownItem(id);
                return item && item->confirmedBytes >= bytes;
            },
            timeoutMs);
    }

    void selectItem(const QString &id)
    {
        const int row = model()->rowOf(id);
        QVERIFY(row >= 0);
        panel()->view()->selectionModel()->select(model()->index(row, 0),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }

    void setUploadLimit(int kilobytesPerSecond)
    {
        QSettings().setValue(QLatin1String(UploadQueue::LimitSettingsKey), kilobytesPerSecond);
        m_sync->reloadUploadSettings();
    }

    // The server's offset of a tus upload, from a HEAD request; -1 when it has none.
    [[nodiscard]] qint64 serverOffset(const QUrl &uploadUrl) const
    {
        const Reply head = request("HEAD", uploadUrl.toString(), {},
                                   {bearer(m_server.signIn(Teacher, Password)), "Tus-Resumable: 1.0.0"});
        return head.status == 200 ? head.header("Upload-Offset").toLongLong() : -1;
    }

    [[nodiscard]] QUrl savedUploadUrl(const QString &id) const
    {
        const auto entry = UploadQueueStore(m_workspace->database()).entry(id);
        return entry && *entry ? (*entry)->uploadUrl : QUrl();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_server.addTeacher(Teacher, Password, QStringLiteral("Test School")));
        QVERIFY(m_server.start());

        auto workspace = Workspace::open(m_dataFolder.path());
        QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().toLogString()));
        m_workspace = std::move(*workspace);
        m_sync = std::make_unique<SyncController>(m_workspace->databasePath(), testSettings(), &workerThread());
        QSignalSpy finished(m_sync.get(), &SyncController::syncFinished);
        m_sync->signIn(serverAddress(m_server), Teacher, Password);
        QVERIFY(Device::waitForSuccess(finished, 20000));
        QVERIFY(m_workspace->refreshSchool().has_value());

        m_page = std::make_unique<CoursewarePage>(*m_workspace);
        m_page->setSyncController(m_sync.get());
        m_page->resize(900, 700);
        m_page->show();
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_sync.reset();
        m_workspace.reset();
        QSettings().clear();
    }

    void cleanup() { setUploadLimit(0); }

    void progressAdvancesUntilUploaded()
    {
        setUploadLimit(2048);
        const QString id = addQueuedFile(QStringLiteral("第1课 视频.mp4"), fileContent(6 * MiB, 1));
        QVERIFY(!id.isEmpty());

        QVERIFY(waitForState(id, UploadQueue::ItemState::Uploading));
        QVERIFY(waitForConfirmed(id, MiB));
        const int early = model()->progressPermille(*shownItem(id));
        QVERIFY(waitForConfirmed(id, 3 * MiB));
        const int later = model()->progressPermille(*shownItem(id));
        QVERIFY2(later > early, qPrintable(QStringLiteral("%1 then %2").arg(early).arg(later)));
        QVERIFY(shownItem(id)->bytesPerSecond > 0);
        QCOMPARE(model()->index(model()->rowOf(id), UploadQueueModel::StateColumn).data().toString(),
                 UploadQueueModel::stateText(*shownItem(id)));
        QVERIFY(!model()->index(model()->rowOf(id), UploadQueueModel::SpeedColumn).data().toString().isEmpty());
        QVERIFY(!panel()->findChild<QLabel *>(QStringLiteral("uploadOverallLabel"))->text().isEmpty());

        QVERIFY(waitForState(id, UploadQueue::ItemState::Done));
        QCOMPARE(shownItem(id)->linkedInstantly, false);
        QCOMPARE(model()->index(model()->rowOf(id), UploadQueueModel::StateColumn).data().toString(),
                 UploadQueueModel::tr("Uploaded"));
        QCOMPARE(model()->index(model()->rowOf(id), UploadQueueModel::ProgressColumn)
                     .data(UploadQueueModel::ProgressPermilleRole)
                     .toInt(),
                 1000);
    }

    void pauseStopsBytesAndResumeContinues()
    {
        setUploadLimit(1024);
        const QByteArray content = fileContent(8 * MiB, 2);
        const QString id = addQueuedFile(QStringLiteral("pause.mp4"), content);
        QVERIFY(waitForConfirmed(id, MiB));

        selectItem(id);
        QVERIFY(button("pauseUploadButton")->isEnabled());
        QTest::mouseClick(button("pauseUploadButton"), Qt::LeftButton);
        QVERIFY(waitForState(id, UploadQueue::ItemState::Paused, 10000));
        QVERIFY(button("resumeUploadButton")->isEnabled());
        // Let the server finish with the PATCH the pause cut off.
        QTest::qWait(500);
        const qint64 confirmedAtPause = shownItem(id)->confirmedBytes;
        const QUrl uploadUrl = savedUploadUrl(id);
        const qint64 pausedAt = serverOffset(uploadUrl);
        QVERIFY(pausedAt >= confirmedAtPause);
        QTest::qWait(1500);
        QCOMPARE(serverOffset(uploadUrl), pausedAt);
        QCOMPARE(shownItem(id)->state, UploadQueue::ItemState::Paused);

        // Every offset shown after the resume continues from the pause, never from zero.
        QSignalSpy changes(m_sync.get(), &SyncController::uploadItemChanged);
        setUploadLimit(0);
        QTest::mouseClick(button("resumeUploadButton"), Qt::LeftButton);
        QVERIFY(waitForState(id, UploadQueue::ItemState::Done));
        for (const QList<QVariant> &change : std::as_const(changes)) {
            const auto item = change.at(0).value<UploadQueue::Item>();
            if (item.coursewareId == id)
                QVERIFY2(item.confirmedBytes >= confirmedAtPause, qPrintable(QString::number(item.confirmedBytes)));
        }
        const QString fileId = shownItem(id)->fileId;
        QCOMPARE(sha256Hex(fileContents(m_server.dataFolder() + QStringLiteral("/files/") + fileId)),
                 sha256Hex(content));
    }

    void cancelTerminatesUpload()
    {
        setUploadLimit(1024);
        const QString id = addQueuedFile(QStringLiteral("cancel.mp4"), fileContent(8 * MiB, 3));
        QVERIFY(waitForConfirmed(id, MiB));
        const QUrl uploadUrl = savedUploadUrl(id);
        QVERIFY(!uploadUrl.isEmpty());

        selectItem(id);
        QVERIFY(button("cancelUploadButton")->isEnabled());
        QTest::mouseClick(button("cancelUploadButton"), Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(model()->rowOf(id), -1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(serverOffset(uploadUrl), qint64(-1), 10000);
        QCOMPARE(m_workspace->courseware().courseware(id)->uploadState, QStringLiteral("local"));
    }

    void knownContentShowsInstantLink()
    {
        const QByteArray content = fileContent(3 * MiB, 4);
        const QString first = addQueuedFile(QStringLiteral("original.mp4"), content);
        QVERIFY(waitForState(first, UploadQueue::ItemState::Done));

        // The same content under another title: the platform has it already.
        const QString second = addQueuedFile(QStringLiteral("copy.mp4"), content);
        QVERIFY(waitForState(second, UploadQueue::ItemState::Done));
        QVERIFY(shownItem(second)->linkedInstantly);
        QCOMPARE(shownItem(second)->fileId, shownItem(first)->fileId);
        QCOMPARE(model()->index(model()->rowOf(second), UploadQueueModel::StateColumn).data().toString(),
                 UploadQueueModel::tr("Linked instantly: the platform already had this file"));
        QVERIFY(savedUploadUrl(second).isEmpty());
    }

    void pauseAllPausesEveryItem()
    {
        setUploadLimit(512);
        const QString first = addQueuedFile(QStringLiteral("all-1.mp4"), fileContent(4 * MiB, 5));
        const QString second = addQueuedFile(QStringLiteral("all-2.mp4"), fileContent(4 * MiB, 6));
        QVERIFY(waitForState(first, UploadQueue::ItemState::Uploading));
        // The second file joins the queue after the sync that the second import asked for.
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowOf(second) >= 0, 15000);

        QTRY_VERIFY(button("pauseAllUploadsButton")->isEnabled());
        QTest::mouseClick(button("pauseAllUploadsButton"), Qt::LeftButton);
        QVERIFY(waitForState(first, UploadQueue::ItemState::Paused, 10000));
        QVERIFY(waitForState(second, UploadQueue::ItemState::Paused, 10000));

        setUploadLimit(0);
        QTRY_VERIFY(button("resumeAllUploadsButton")->isEnabled());
        QTest::mouseClick(button("resumeAllUploadsButton"), Qt::LeftButton);
        QVERIFY(waitForState(first, UploadQueue::ItemState::Done));
        QVERIFY(waitForState(second, UploadQueue::ItemState::Done));
    }

    void settingsStartTimeAppliesLive()
    {
        if (QTime::currentTime() >= QTime(23, 58))
            QSKIP("too close to midnight for a start time later today");
        // Wired as the main window does it.
        SettingsPage settings(*m_workspace);
        connect(&settings, &SettingsPage::uploadSettingsChanged, m_sync.get(), &SyncController::reloadUploadSettings);
        auto *startTime = settings.findChild<QTimeEdit *>(QStringLiteral("uploadAfterEdit"));
        auto *onlyAfter = settings.findChild<QCheckBox *>(QStringLiteral("uploadAfterBox"));
        startTime->setTime(QTime(23, 59));
        onlyAfter->setChecked(true);
        QCOMPARE(QSettings().value(QLatin1String(UploadQueue::NotBeforeSettingsKey)).toString(),
                 QStringLiteral("23:59"));

        const QString id = addQueuedFile(QStringLiteral("evening.mp4"), fileContent(MiB, 7));
        QTRY_VERIFY(model()->rowOf(id) >= 0);
        QTest::qWait(1500);
        QCOMPARE(shownItem(id)->state, UploadQueue::ItemState::Queued);
        QCOMPARE(shownItem(id)->confirmedBytes, qint64(0));

        // Clearing the start time in Settings lets the running queue go on at once.
        onlyAfter->setChecked(false);
        QVERIFY(QSettings().value(QLatin1String(UploadQueue::NotBeforeSettingsKey)).toString().isEmpty());
        QVERIFY(waitForState(id, UploadQueue::ItemState::Done, 30000));
    }

    void savedQueueShownWithoutEngine()
    {
        QTemporaryDir folder;
        auto workspace = Workspace::open(folder.path());
        QVERIFY(workspace.has_value());
        Courseware row;
        row.schoolId = (*workspace)->schoolId();
        row.sha256 = QString(64, QLatin1Char('a'));
        row.sizeBytes = 4 * MiB;
        row.mimeType = QStringLiteral("application/pdf");
        row.title = QStringLiteral("离线课件.pdf");
        const auto id = (*workspace)->courseware().addCourseware(row);
        QVERIFY(id.has_value());
        UploadQueueStore store((*workspace)->database());
        QVERIFY(store.enqueue(*id, row.sizeBytes).has_value());
        UploadEntry entry = store.entry(*id).value().value();
        entry.state = UploadEntry::State::NeedsAttention;
        entry.confirmedBytes = MiB;
        entry.lastErrorCode = QStringLiteral("network.timeout");
        entry.lastErrorMessage = QStringLiteral("The platform did not answer in time.");
        QVERIFY(store.save(entry).has_value());

        UploadQueuePanel offline((*workspace)->database());
        QCOMPARE(offline.model()->rowCount(), 1);
        const UploadQueue::Item shown = offline.model()->itemAt(0);
        QCOMPARE(shown.title, row.title);
        QCOMPARE(shown.state, UploadQueue::ItemState::NeedsAttention);
        QCOMPARE(offline.model()->index(0, UploadQueueModel::ProgressColumn)
                     .data(UploadQueueModel::ProgressPermilleRole)
                     .toInt(),
                 250);
        QVERIFY(offline.model()->index(0, UploadQueueModel::StateColumn)
                    .data()
                    .toString()
                    .contains(entry.lastErrorMessage));
        offline.view()->selectionModel()->select(offline.model()->index(0, 0),
                                                 QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(!offline.findChild<QPushButton *>(QStringLiteral("resumeUploadButton"))->isEnabled());
        QVERIFY(offline.findChild<QLabel *>(QStringLiteral("uploadNoteLabel"))->text().contains(QStringLiteral("not connected")));
    }

    void finishedUploadDrawsFullBar()
    {
        QTemporaryDir folder;
        auto workspace = Workspace::open(folder.path());
        QVERIFY(workspace.has_value());
        UploadQueueStore store((*workspace)->database());
        const QList<std::pair<UploadEntry::State, qint64>> entries = {{UploadEntry::State::Done, 4 * MiB},
                                                                      {UploadEntry::State::Paused, MiB}};
        for (const auto &[state, confirmed] : entries) {
            Courseware row;
            row.schoolId = (*workspace)->schoolId();
            row.sha256 = QString(64, state == UploadEntry::State::Done ? QLatin1Char('b') : QLatin1Char('c'));
            row.sizeBytes = 4 * MiB;
            row.mimeType = QStringLiteral("video/mp4");
            row.title = state == UploadEntry::State::Done ? QStringLiteral("已上传.mp4") : QStringLiteral("暂停.mp4");
            const auto id = (*workspace)->courseware().addCourseware(row);
            QVERIFY(id.has_value());
            QVERIFY(store.enqueue(*id, row.sizeBytes).has_value());
            UploadEntry entry = store.entry(*id).value().value();
            entry.state = state;
            entry.confirmedBytes = confirmed;
            entry.uploadUrl = QUrl(QStringLiteral("http://127.0.0.1:1/files/") + *id);
            QVERIFY(store.save(entry).has_value());
        }

        UploadQueuePanel offline((*workspace)->database());
        offline.resize(800, 300);
        offline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&offline));
        QCOMPARE(offline.model()->rowCount(), 2);
        const QImage image = offline.view()->viewport()->grab().toImage();

        QHash<bool, double> shares;
        for (int row = 0; row < 2; ++row) {
            const bool done = offline.model()->itemAt(row).state == UploadQueue::ItemState::Done;
            const QRect cell = offline.view()->visualRect(offline.model()->index(row, UploadQueueModel::ProgressColumn));
            QVERIFY(!cell.isEmpty());
            shares.insert(done, filledShare(image, cell, offline.view()->palette()));
        }
        // The cell's margins and the bar's frame take about a fifth of a narrow cell.
        QVERIFY2(shares.value(true) > 0.7, qPrintable(QStringLiteral("finished bar %1 filled").arg(shares.value(true))));
        const double quarter = shares.value(false) / shares.value(true);
        QVERIFY2(quarter > 0.15 && quarter < 0.35, qPrintable(QStringLiteral("quarter bar %1 of a full one").arg(quarter)));
    }

    void emptyQueueShowsNeutralNote()
    {
        QTemporaryDir folder;
        auto workspace = Workspace::open(folder.path());
        QVERIFY(workspace.has_value());

        UploadQueuePanel offline((*workspace)->database());
        QCOMPARE(offline.model()->rowCount(), 0);
        const QString note = offline.findChild<QLabel *>(QStringLiteral("uploadNoteLabel"))->text();
        QVERIFY2(!note.contains(QStringLiteral("not connected")), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("No files are waiting")), qPrintable(note));
    }

    void sizesFollowUiLocale()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
        const QString bytes = CoursewareModel::formatSize(512);
        const QString speed = UploadQueueModel::speedText(5300);
        QLocale::setDefault(before);

        QCOMPARE(bytes, QStringLiteral("512 字节"));
        // The speed uses the same units as the library's sizes, not KiB.
        QVERIFY2(speed.contains(QStringLiteral("5.2 kB")), qPrintable(speed));
        QVERIFY2(!speed.contains(QStringLiteral("KiB")), qPrintable(speed));
    }

    void stateTextNamesEveryState_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("checking");
        QTest::addColumn<bool>("linked");
        QTest::addColumn<QString>("expected");
        using enum UploadQueue::ItemState;
        QTest::newRow("queued") << int(Queued) << false << false << QStringLiteral("Waiting to upload");
        QTest::newRow("checking") << int(Uploading) << true << false
                                  << QStringLiteral("Checking whether the platform already has this file");
        QTest::newRow("uploading") << int(Uploading) << false << false << QStringLiteral("Uploading");
        QTest::newRow("paused") << int(Paused) << false << false << QStringLiteral("Paused");
        QTest::newRow("uploaded") << int(Done) << false << false << QStringLiteral("Uploaded");
        QTest::newRow("linked") << int(Done) << false << true
                                << QStringLiteral("Linked instantly: the platform already had this file");
    }

    void stateTextNamesEveryState()
    {
        QFETCH(int, state);
        QFETCH(bool, checking);
        QFETCH(bool, linked);
        QFETCH(QString, expected);
        UploadQueue::Item item;
        item.state = UploadQueue::ItemState(state);
        item.checkingPlatform = checking;
        item.linkedInstantly = linked;
        QCOMPARE(UploadQueueModel::stateText(item), expected);
    }
};

QTEST_MAIN(TestUploadQueuePanel)
#include "tst_uploadqueuepanel.moc"
