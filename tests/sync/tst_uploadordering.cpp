// SPDX-License-Identifier: GPL-3.0-or-later
//
// Outbox entries that reference a courseware file wait for its upload, while
// the rest of the outbox goes out; checked against the real classdesk-server.
#include "syncfixture.h"

#include "assignmentstore.h"
#include "classstore.h"
#include "coursewarefilestore.h"
#include "coursewarestore.h"
#include "outboxstore.h"
#include "uploadqueue.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace SyncFixture;

namespace {

const QString Account = QStringLiteral("liu");
const QString Password = QStringLiteral("ordering-password");

} // namespace

class TestUploadOrdering : public QObject
{
    Q_OBJECT

private:
    // Imports a file of `size` bytes and adds a courseware row marked for upload.
    static QString addQueuedCourseware(Device &device, const QString &title, qint64 size)
    {
        QTemporaryDir originals;
        QFile original(originals.filePath(title));
        if (!original.open(QIODevice::WriteOnly))
            return {};
        original.write(QByteArray(size, 'k'));
        original.close();
        const auto stored = CoursewareFileStore(device.folder.path()).importFile(original.fileName());
        if (!stored)
            return {};
        CoursewareStore courseware(*device.database);
        Courseware row;
        row.schoolId = device.schoolId();
        row.sha256 = stored->sha256;
        row.sizeBytes = stored->sizeBytes;
        row.mimeType = QStringLiteral("application/pdf");
        row.title = title;
        const auto id = courseware.addCourseware(row);
        if (!id || !courseware.setUploadState(*id, QStringLiteral("queued"), {}))
            return {};
        return *id;
    }

    static int pendingEntries(Device &device, const QString &entity, const QString &id)
    {
        auto statement = device.database->prepare(
            "SELECT count(*) FROM outbox WHERE entity = ? AND entity_id = ? AND state <> 'acknowledged'");
        statement->bind(1, entity).bind(2, id);
        return statement->step().value_or(false) ? int(statement->int64At(0)) : -1;
    }

    // Starts a server and signs a device in whose uploads wait for a start
    // time late today, so a push runs while its files are still queued.
    static bool signInWithUploadsHeld(ServerProcess &server, Device &device)
    {
        if (!server.addTeacher(Account, Password, QStringLiteral("Test School")) || !server.start())
            return false;
        QSettings().setValue(QLatin1String(UploadQueue::NotBeforeSettingsKey), QStringLiteral("23:59"));
        return device.open() && device.signIn(server, Account, Password);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void cleanup() { QSettings().clear(); }

    void entriesWaitForTheirFileUpload()
    {
        if (QTime::currentTime() >= QTime(23, 58))
            QSKIP("too close to midnight for a start time later today");
        ServerProcess server;
        Device device;
        QVERIFY(signInWithUploadsHeld(server, device));

        const QString coursewareId = addQueuedCourseware(device, QStringLiteral("第2课.pdf"), 200 * 1024);
        QVERIFY(!coursewareId.isEmpty());
        Assignment assignment;
        assignment.schoolId = device.schoolId();
        assignment.title = QStringLiteral("课后练习");
        assignment.dueTimeZone = QStringLiteral("Asia/Shanghai");
        assignment.attachmentIds = {coursewareId};
        const auto assignmentId = AssignmentStore(*device.database).createAssignment(assignment);
        QVERIFY(assignmentId.has_value());
        const auto classId = ClassStore(*device.database)
                                 .createClass(device.schoolId(), QStringLiteral("二班"), QStringLiteral("八年级"));
        QVERIFY(classId.has_value());

        // The class goes out; the courseware and the assignment that attaches it wait.
        QVERIFY(device.syncUntilDone());
        QCOMPARE(pendingEntries(device, QStringLiteral("class"), *classId), 0);
        QCOMPARE(pendingEntries(device, QStringLiteral("courseware"), coursewareId), 1);
        QCOMPARE(pendingEntries(device, QStringLiteral("assignment"), *assignmentId), 1);
        const QString token = server.signIn(Account, Password);
        QHash<QString, QJsonObject> onServer = serverState(server, token);
        QVERIFY(onServer.contains(*classId));
        QVERIFY(!onServer.contains(coursewareId));
        QVERIFY(!onServer.contains(*assignmentId));

        // Once the file is uploaded, both go out, the courseware with the platform's file id.
        QSettings().remove(QLatin1String(UploadQueue::NotBeforeSettingsKey));
        device.sync->reloadUploadSettings();
        QTRY_COMPARE_WITH_TIMEOUT(pendingEntries(device, QStringLiteral("assignment"), *assignmentId), 0, 30000);
        QCOMPARE(pendingEntries(device, QStringLiteral("courseware"), coursewareId), 0);

        onServer = serverState(server, token);
        const QString fileId = CoursewareStore(*device.database).courseware(coursewareId)->remoteId;
        QVERIFY(!fileId.isEmpty());
        const QJsonObject coursewareData = onServer.value(coursewareId).value(QStringLiteral("data")).toObject();
        QCOMPARE(coursewareData.value(QStringLiteral("file_id")).toString(), fileId);
        const QJsonObject assignmentData = onServer.value(*assignmentId).value(QStringLiteral("data")).toObject();
        QCOMPARE(assignmentData.value(QStringLiteral("attachment_ids")).toArray(), QJsonArray{coursewareId});
        QTRY_VERIFY_WITH_TIMEOUT(differences(device, serverState(server, token)).isEmpty(), 10000);
    }

    void cancelledUploadReleasesEntries()
    {
        if (QTime::currentTime() >= QTime(23, 58))
            QSKIP("too close to midnight for a start time later today");
        ServerProcess server;
        Device device;
        QVERIFY(signInWithUploadsHeld(server, device));
        const QString coursewareId = addQueuedCourseware(device, QStringLiteral("第3课.pdf"), 4096);
        QVERIFY(device.syncUntilDone());
        QCOMPARE(pendingEntries(device, QStringLiteral("courseware"), coursewareId), 1);

        // A teacher who cancels the upload still gets the item's details on the platform.
        QSignalSpy removed(device.sync.get(), &SyncController::uploadItemRemoved);
        device.sync->cancelUpload(coursewareId);
        QVERIFY(removed.wait(10000));
        QVERIFY(device.syncUntilDone());
        QCOMPARE(pendingEntries(device, QStringLiteral("courseware"), coursewareId), 0);
    }
};

QTEST_GUILESS_MAIN(TestUploadOrdering)
#include "tst_uploadordering.moc"
