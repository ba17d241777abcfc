// SPDX-License-Identifier: GPL-3.0-or-later
//
// The UI thread stays responsive while a 5,000-student roster import and a
// sync pull of 10,000 changes run at the same time: a 10 ms timer measures
// the largest gap between its ticks, and a gap above 250 ms fails the test.
// Only blocking work on the UI thread makes such a gap.
//
// CLASSDESK_STALL_CHANGES sets another number of pulled changes.
#include "../sync/syncfixture.h"

#include "mainwindow.h"
#include "rosterimportdialog.h"
#include "rosterstore.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace SyncFixture;

namespace {

const QString Account = QStringLiteral("alice");
const QString Password = QStringLiteral("a-secret");
constexpr int ImportedStudents = 5000;
constexpr qint64 MaxGapMs = 250;
constexpr qint64 ReportedGapMs = 100;

// Measures the largest gap between ticks of a short timer on the UI thread.
class EventLoopWatchdog : public QObject
{
public:
    EventLoopWatchdog()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gapMs = m_sinceTick.restart();
            m_maxGapMs = std::max(m_maxGapMs, gapMs);
            // With the log's timestamps, this line shows which work made the gap.
            if (gapMs >= ReportedGapMs)
                qInfo("Event loop gap of %lld ms", gapMs);
        });
    }

    void start()
    {
        m_maxGapMs = 0;
        m_sinceTick.start();
        m_timer.start();
    }

    qint64 stop()
    {
        m_timer.stop();
        return m_maxGapMs;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_maxGapMs = 0;
};

QList<RosterRow> generatedRows(int count, const QString &numberPrefix, const QString &className)
{
    QList<RosterRow> rows;
    for (int i = 0; i < count; ++i) {
        RosterRow row;
        row.studentNumber = numberPrefix + QStringLiteral("%1").arg(i + 1, 5, 10, QLatin1Char('0'));
        row.name = QStringLiteral("学生%1").arg(i + 1);
        row.className = className;
        row.sourceRow = i + 2;
        rows.append(row);
    }
    return rows;
}

} // namespace

class UiStallTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The import dialog's preview runs classdesk-cli in a child process.
        qputenv("CLASSDESK_CLI", CLASSDESK_CLI);
    }
    void importAndPullKeepUiResponsive();
};

void UiStallTest::importAndPullKeepUiResponsive()
{
    const int pulledChanges = qEnvironmentVariableIsSet("CLASSDESK_STALL_CHANGES")
                                  ? qEnvironmentVariableIntValue("CLASSDESK_STALL_CHANGES")
                                  : 10000;

    // Another device puts the changes on the platform first.
    ServerProcess server;
    QVERIFY(server.addTeacher(Account, Password, QStringLiteral("Test School")));
    QVERIFY(server.start());
    Device other;
    QVERIFY(other.open());
    QVERIFY(other.signIn(server, Account, Password));
    RosterStore otherRosters(*other.database, other.schoolId());
    QVERIFY(otherRosters.importRows(generatedRows(pulledChanges - 1, QStringLiteral("P"), QStringLiteral("初二(1)班")),
                                    {}, {}));
    QVERIFY(other.syncUntilDone(120000));

    // This computer: the main window, and a roster file of 5,000 students previewed.
    QTemporaryDir folder;
    auto workspace = Workspace::open(folder.filePath(QStringLiteral("data")));
    QVERIFY(workspace.has_value());
    SyncController sync((*workspace)->databasePath(), testSettings(), &workerThread());
    MainWindow window(**workspace, QStringLiteral("test"), QStringLiteral("test"));
    window.setSyncController(&sync);
    window.resize(1366, 768);
    window.showSection(MainWindow::Section::Attendance);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QString rosterPath = folder.filePath(QStringLiteral("roster.csv"));
    QFile roster(rosterPath);
    QVERIFY(roster.open(QIODevice::WriteOnly));
    roster.write("学号,姓名\n");
    for (const RosterRow &row : generatedRows(ImportedStudents, QStringLiteral("T"), {}))
        roster.write((row.studentNumber + QLatin1Char(',') + row.name + QLatin1Char('\n')).toUtf8());
    roster.close();
    RosterImportDialog dialog(**workspace, &window);
    QSignalSpy ready(&dialog, &RosterImportDialog::previewReady);
    dialog.openFile(rosterPath);
    QVERIFY(ready.wait(60000));
    dialog.setClassName(QStringLiteral("初三(1)班"));
    QCOMPARE(dialog.preview().rows.size(), ImportedStudents);
    QVERIFY(dialog.importButton()->isEnabled());

    // Both at once, with the watchdog running.
    EventLoopWatchdog watchdog;
    QSignalSpy imported(&dialog, &RosterImportDialog::imported);
    QSignalSpy synced(&sync, &SyncController::syncFinished);
    QElapsedTimer elapsed;
    elapsed.start();
    watchdog.start();
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    sync.signIn(serverAddress(server), Account, Password);
    QVERIFY(Device::waitForSuccess(synced, 120000));
    QVERIFY(imported.size() == 1 || imported.wait(120000));
    const qint64 maxGapMs = watchdog.stop();
    qInfo("Import of %d students and pull of %d changes took %lld ms; largest event loop gap %lld ms",
          ImportedStudents, pulledChanges, elapsed.elapsed(), maxGapMs);

    QCOMPARE(dialog.summary().created, ImportedStudents);
    auto count = (*workspace)->database().prepare("SELECT count(*) FROM student WHERE deleted_at IS NULL");
    QVERIFY(count && count->step().value_or(false));
    QCOMPARE(int(count->int64At(0)), ImportedStudents + pulledChanges - 1);
    QVERIFY2(maxGapMs <= MaxGapMs, qPrintable(QStringLiteral("the UI thread was blocked for %1 ms").arg(maxGapMs)));
}

QTEST_MAIN(UiStallTest)
#include "tst_uistall.moc"
