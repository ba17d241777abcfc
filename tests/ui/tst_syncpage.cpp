// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Sync page against the real classdesk-server: a student renamed on two
// devices becomes a conflict that the teacher resolves with the page's
// buttons, and the platform ends with the chosen name.
#include "../sync/syncfixture.h"

#include "attendancestore.h"
#include "classstore.h"
#include "conflictstore.h"
#include "coursewarestore.h"
#include "outboxstore.h"
#include "syncpage.h"
#include "uploadqueuestore.h"
#include "workspace.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace SyncFixture;

namespace {

const QString Account = QStringLiteral("alice");
const QString Password = QStringLiteral("a-secret");

// The teacher's computer as the app runs it: a workspace, its sync
// controller and the Sync page on both.
struct TeacherComputer
{
    QTemporaryDir folder;
    std::unique_ptr<Workspace> workspace;
    std::unique_ptr<SyncController> sync;
    std::unique_ptr<SyncPage> page;

    bool open()
    {
        auto opened = Workspace::open(folder.path());
        if (!opened)
            return false;
        workspace = std::move(*opened);
        sync = std::make_unique<SyncController>(workspace->databasePath(), testSettings(), &workerThread());
        page = std::make_unique<SyncPage>(*workspace, *sync);
        page->resize(1000, 700);
        page->show();
        return QTest::qWaitForWindowExposed(page.get());
    }

    bool signIn(const ServerProcess &server)
    {
        QSignalSpy finished(sync.get(), &SyncController::syncFinished);
        sync->signIn(serverAddress(server), Account, Password);
        return Device::waitForSuccess(finished, 20000) && workspace->refreshSchool().has_value();
    }

    bool syncUntilDone()
    {
        QSignalSpy finished(sync.get(), &SyncController::syncFinished);
        sync->syncNow();
        return Device::waitForSuccess(finished, 30000);
    }

    QListWidget *list(const char *name) const { return page->findChild<QListWidget *>(QLatin1String(name)); }
    QPushButton *button(const char *name) const { return page->findChild<QPushButton *>(QLatin1String(name)); }

    QString studentName(const QString &id) const
    {
        const auto student = workspace->classes().student(id);
        return student ? student->name : QString();
    }

    bool rename(const QString &id, const QString &name) const
    {
        auto student = workspace->classes().student(id);
        if (!student)
            return false;
        student->name = name;
        return workspace->classes().updateStudent(*student).has_value();
    }

    int scalar(const char *sql) const
    {
        auto statement = workspace->database().prepare(sql);
        return statement && statement->step().value_or(false) ? int(statement->int64At(0)) : -1;
    }
};

bool renameOn(Device &device, const QString &id, const QString &name)
{
    ClassStore classes(*device.database);
    auto student = classes.student(id);
    if (!student)
        return false;
    student->name = name;
    return classes.updateStudent(*student).has_value();
}

QString serverName(const ServerProcess &server, const QString &studentId)
{
    const auto state = serverState(server, server.signIn(Account, Password));
    return state.value(studentId).value(QStringLiteral("data")).toObject().value(QStringLiteral("name")).toString();
}

} // namespace

class SyncPageTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void conflictResolvedThroughButtons_data();
    void conflictResolvedThroughButtons();
    void rejectedChangeCanBeDiscarded();
    void waitingListAgreesWithCount();
    void attendanceRowsNameTheStudent();
    void unsavedSignInStaysReported();

private:
    // Starts the server, signs both computers in and shares one student.
    bool setUp(ServerProcess &server, Device &other, TeacherComputer &mine, QString *studentId);
};

bool SyncPageTest::setUp(ServerProcess &server, Device &other, TeacherComputer &mine, QString *studentId)
{
    if (!server.addTeacher(Account, Password, QStringLiteral("Test School")) || !server.start())
        return false;
    if (!other.open() || !other.signIn(server, Account, Password))
        return false;

    ClassStore classes(*other.database);
    const QString classId =
        classes.createClass(other.schoolId(), QStringLiteral("一班"), QStringLiteral("七年级")).value_or(QString());
    Student student;
    student.schoolId = other.schoolId();
    student.classId = classId;
    student.studentNumber = QStringLiteral("S001");
    student.name = QStringLiteral("王小明");
    *studentId = classes.createStudent(student).value_or(QString());
    if (studentId->isEmpty() || !other.syncUntilDone())
        return false;

    return mine.open() && mine.signIn(server) && mine.studentName(*studentId) == student.name;
}

void SyncPageTest::conflictResolvedThroughButtons_data()
{
    QTest::addColumn<bool>("keepMine");
    QTest::newRow("keep mine") << true;
    QTest::newRow("take theirs") << false;
}

void SyncPageTest::conflictResolvedThroughButtons()
{
    QFETCH(bool, keepMine);
    ServerProcess server;
    Device other;
    TeacherComputer mine;
    QString studentId;
    QVERIFY(setUp(server, other, mine, &studentId));

    // The same student is renamed on the platform (by the other device) and here.
    QVERIFY(renameOn(other, studentId, QStringLiteral("平台的名字")));
    QVERIFY(other.syncUntilDone());
    QVERIFY(mine.rename(studentId, QStringLiteral("本机的名字")));
    QVERIFY(mine.syncUntilDone());

    QListWidget *conflicts = mine.list("conflictList");
    QVERIFY(conflicts);
    QCOMPARE(conflicts->count(), 1);
    QVERIFY(conflicts->item(0)->text().contains(QStringLiteral("平台的名字")));
    QVERIFY(conflicts->item(0)->text().contains(QStringLiteral("本机的名字")));
    QCOMPARE(mine.list("parkedList")->count(), 0); // a conflict is not listed as rejected
    mine.page->findChild<QTabWidget *>(QStringLiteral("syncTabs"))->setCurrentIndex(2);

    QPushButton *button = mine.button(keepMine ? "keepMineButton" : "takeTheirsButton");
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);

    QCOMPARE(conflicts->count(), 0);
    QCOMPARE(mine.scalar("SELECT count(*) FROM conflict WHERE resolved_at IS NULL"), 0);
    const QString expected = keepMine ? QStringLiteral("本机的名字") : QStringLiteral("平台的名字");
    QCOMPARE(mine.studentName(studentId), expected);
    if (keepMine)
        QCOMPARE(mine.scalar("SELECT count(*) FROM outbox WHERE entity = 'student' AND state = 'pending'"), 1);
    else
        QCOMPARE(mine.scalar("SELECT count(*) FROM outbox WHERE entity = 'student' AND state <> 'acknowledged'"), 0);

    QVERIFY(mine.syncUntilDone());
    QCOMPARE(serverName(server, studentId), expected);
    QCOMPARE(mine.scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);
    QCOMPARE(mine.scalar("SELECT count(*) FROM conflict WHERE resolved_at IS NULL"), 0);
    QCOMPARE(mine.sync->state(), SyncEngine::State::UpToDate);

    // The other device converges on the chosen name.
    QVERIFY(other.syncUntilDone());
    ClassStore otherClasses(*other.database);
    QCOMPARE(otherClasses.student(studentId)->name, expected);
}

void SyncPageTest::rejectedChangeCanBeDiscarded()
{
    ServerProcess server;
    Device other;
    TeacherComputer mine;
    QString studentId;
    QVERIFY(setUp(server, other, mine, &studentId));

    // An empty name breaks the platform's rules: the change is rejected.
    QVERIFY(mine.rename(studentId, QString()));
    QVERIFY(mine.syncUntilDone());
    QListWidget *rejected = mine.list("parkedList");
    QCOMPARE(rejected->count(), 1);

    QTest::mouseClick(mine.button("retryButton"), Qt::LeftButton);
    QCOMPARE(mine.scalar("SELECT count(*) FROM outbox WHERE state = 'pending'"), 1);
    QVERIFY(mine.syncUntilDone());
    QCOMPARE(rejected->count(), 1); // rejected again: the data did not change

    QTest::mouseClick(mine.button("discardButton"), Qt::LeftButton);
    QCOMPARE(rejected->count(), 0);
    QCOMPARE(mine.scalar("SELECT count(*) FROM outbox WHERE state <> 'acknowledged'"), 0);
    QCOMPARE(serverName(server, studentId), QStringLiteral("王小明"));
}

void SyncPageTest::waitingListAgreesWithCount()
{
    TeacherComputer mine;
    QVERIFY(mine.open());
    const QString schoolId = mine.workspace->schoolId();
    QVERIFY(mine.workspace->classes().createClass(schoolId, QStringLiteral("高一(3)班"), QStringLiteral("高一")).has_value());

    // Courseware queued for upload keeps its own entry back until the file is on the platform.
    Courseware row;
    row.schoolId = schoolId;
    row.sha256 = QString(64, QLatin1Char('b'));
    row.sizeBytes = 2048;
    row.mimeType = QStringLiteral("application/pdf");
    row.title = QStringLiteral("待上传课件.pdf");
    row.uploadState = QStringLiteral("queued");
    const auto coursewareId = mine.workspace->courseware().addCourseware(row);
    QVERIFY(coursewareId.has_value());
    QVERIFY(UploadQueueStore(mine.workspace->database()).enqueue(*coursewareId, row.sizeBytes).has_value());
    mine.page->refresh();

    const int total = mine.scalar("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent')");
    QListWidget *waiting = mine.list("pendingList");
    int listed = 0;
    QString unlistedText;
    for (int row = 0; row < waiting->count(); ++row) {
        if (waiting->item(row)->data(Qt::UserRole).toString() == QLatin1String("unlisted"))
            unlistedText = waiting->item(row)->text();
        else
            ++listed;
    }
    QVERIFY(listed >= 1);
    QVERIFY(total > listed);
    QVERIFY2(unlistedText.contains(QString::number(total - listed)), qPrintable(unlistedText));
}


// Rows of `list` for attendance marks, which start with that entity's name.
static QStringList markRows(const QListWidget *list)
{
    QStringList rows;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().startsWith(QStringLiteral("Attendance mark")))
            rows << list->item(row)->text();
    }
    return rows;
}

void SyncPageTest::attendanceRowsNameTheStudent()
{
    TeacherComputer mine;
    QVERIFY(mine.open());
    Workspace &workspace = *mine.workspace;
    const QString className = QStringLiteral("高一(3)班");
    const QString classId =
        workspace.classes().createClass(workspace.schoolId(), className, QStringLiteral("高一")).value_or(QString());
    QVERIFY(!classId.isEmpty());
    const QStringList names = {QStringLiteral("李雷"), QStringLiteral("韩梅梅"), QStringLiteral("张伟")};
    QHash<QString, QString> nameById;
    for (const QString &name : names) {
        Student student;
        student.schoolId = workspace.schoolId();
        student.classId = classId;
        student.studentNumber = QStringLiteral("S%1").arg(nameById.size() + 1);
        student.name = name;
        const QString id = workspace.classes().createStudent(student).value_or(QString());
        QVERIFY(!id.isEmpty());
        nameById.insert(id, name);
    }
    const QDate day(2026, 11, 30);
    const auto sessionId = workspace.attendance().openSession(classId, day, 2);
    QVERIFY(sessionId.has_value());
    for (const QString &studentId : nameById.keys())
        QVERIFY(workspace.attendance().mark(*sessionId, studentId, AttendanceStatus::Absent, {}).has_value());

    // The platform's results for the first two marks: a conflict for 李雷, a rejection for 韩梅梅.
    const auto pending = workspace.outbox().pending(100);
    QVERIFY(pending.has_value());
    QHash<QString, OutboxEntry> markByName;
    for (const OutboxEntry &entry : *pending) {
        if (entry.entity == QLatin1String("attendance_record"))
            markByName.insert(nameById.value(entry.payload.value(QStringLiteral("student_id")).toString()), entry);
    }
    QCOMPARE(markByName.size(), 3);
    const OutboxEntry conflicting = markByName.value(names.at(0));
    const OutboxEntry rejected = markByName.value(names.at(1));
    QVERIFY(workspace.outbox().markSent({conflicting.seq, rejected.seq}).has_value());
    QJsonObject serverCopy = conflicting.payload;
    serverCopy.insert(QStringLiteral("status"), QStringLiteral("present"));
    MutationResult conflict{conflicting.idempotencyKey, MutationOutcome::Conflict, 7,
                            QJsonObject{{QStringLiteral("data"), serverCopy}}, {}};
    MutationResult rejection{rejected.idempotencyKey, MutationOutcome::Rejected, std::nullopt, {},
                             QStringLiteral("attendance.session_closed")};
    QVERIFY(workspace.outbox().recordResults({conflict, rejection}).has_value());
    mine.page->refresh();

    // Each row names its own student, the class and the day, and no other student.
    const QString dayText = QLocale().toString(day, QLocale::ShortFormat);
    const QList<std::pair<const char *, QString>> expected = {
        {"conflictList", names.at(0)}, {"parkedList", names.at(1)}, {"pendingList", names.at(2)}};
    for (const auto &[listName, student] : expected) {
        const QStringList rows = markRows(mine.list(listName));
        QVERIFY2(rows.size() == 1, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(listName), rows.join(QLatin1Char('|')))));
        const QString row = rows.first();
        QVERIFY2(row.contains(student), qPrintable(row));
        QVERIFY2(row.contains(className), qPrintable(row));
        QVERIFY2(row.contains(dayText), qPrintable(row));
        for (const QString &other : names) {
            if (other != student)
                QVERIFY2(!row.contains(other), qPrintable(row));
        }
    }

    // The sheet itself names its class and day too.
    bool sheetNamed = false;
    const QListWidget *waiting = mine.list("pendingList");
    for (int row = 0; row < waiting->count(); ++row) {
        const QString text = waiting->item(row)->text();
        if (text.startsWith(QStringLiteral("Attendance sheet")))
            sheetNamed = text.contains(className) && text.contains(dayText);
    }
    QVERIFY(sheetNamed);
}

// A sign-in that lives in memory only is reported until a saved one
// replaces it, even after syncs that succeed and clear the error line.
void SyncPageTest::unsavedSignInStaysReported()
{
    TeacherComputer mine;
    QVERIFY(mine.open());
    auto *notice = mine.page->findChild<QLabel *>(QStringLiteral("signInNotSavedLabel"));
    QVERIFY(notice != nullptr);
    QVERIFY(!notice->isVisible());

    emit mine.sync->signInSaved(false, QStringLiteral("keychain.unavailable"));
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("keychain.unavailable")), qPrintable(notice->text()));
    QVERIFY2(notice->text().contains(QStringLiteral("sign in again")), qPrintable(notice->text()));

    emit mine.sync->syncFinished(true);
    mine.page->refresh();
    QVERIFY(notice->isVisible());

    emit mine.sync->signInSaved(true, QString());
    QVERIFY(!notice->isVisible());
}

QTEST_MAIN(SyncPageTest)
#include "tst_syncpage.moc"
