// SPDX-License-Identifier: GPL-3.0-or-later
//
// A damaged database file at start: the start-up check finds it with
// quick_check, offers the newest automatic backup, and never lets the app
// open an empty database in its place. The dialog runs on the offscreen
// platform and is answered by clicking its buttons.

#include "classstore.h"
#include "database.h"
#include "databasebackup.h"
#include "databasehealth.h"
#include "databaserecoverydialog.h"
#include "datalocation.h"
#include "schoolstore.h"
#include "startupcheck.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace ClassDesk;

namespace {

enum class Damage { TruncatedToHalf, TruncatedToZero, GarbagePage, GarbageHeader };

// Writes `bytes` of noise at `offset`. The noise is the same in every run.
bool overwrite(const QString &path, qint64 offset, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(offset))
        return false;
    QByteArray noise(bytes, Qt::Uninitialized);
    for (qint64 i = 0; i < bytes; ++i)
        noise[i] = char((i * 131 + 7) % 251);
    return file.write(noise) == bytes;
}

bool damage(const QString &path, Damage kind)
{
    QFile file(path);
    switch (kind) {
    case Damage::TruncatedToHalf:
        return file.resize(file.size() / 2);
    case Damage::TruncatedToZero:
        return file.resize(0);
    case Damage::GarbagePage:
        return overwrite(path, 4096, 4096); // page 2 is a table's b-tree root
    case Damage::GarbageHeader:
        return overwrite(path, 0, 100);
    }
    return false;
}

// Runs `respond` on the next DatabaseRecoveryDialog once it is shown. It
// polls for up to about a second, so a test whose dialog never comes fails
// on its own checks instead of clicking a later test's dialog.
void respondToNextDialog(std::function<void(DatabaseRecoveryDialog *)> respond, int triesLeft = 100)
{
    QTimer::singleShot(10, qApp, [respond, triesLeft] {
        auto *dialog = qobject_cast<DatabaseRecoveryDialog *>(QApplication::activeModalWidget());
        if (dialog)
            respond(dialog);
        else if (triesLeft > 0)
            respondToNextDialog(respond, triesLeft - 1);
    });
}

} // namespace

class TestCorruption : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;

    QString dataDirectory() const { return m_folder.path(); }
    QString databasePath() const { return databaseFilePath(dataDirectory()); }

    int count(const char *sql)
    {
        auto opened = Database::open(databasePath());
        if (!opened)
            return -1;
        auto statement = (*opened)->prepare(sql);
        return statement && statement->step().value_or(false) ? int(statement->int64At(0)) : -1;
    }

    // A school with `students` students, then today's backup, then one more
    // student that only the live file has.
    bool createBackedUpDatabase(int students)
    {
        auto opened = Database::open(databasePath());
        if (!opened)
            return false;
        SchoolStore schools(**opened);
        ClassStore classes(**opened);
        const QString schoolId = schools.createSchool(QStringLiteral("Test School"), QStringLiteral("Asia/Shanghai")).value_or(QString());
        const QString classId = classes.createClass(schoolId, QStringLiteral("一班"), QStringLiteral("3")).value_or(QString());
        for (int i = 0; i <= students; ++i) {
            if (i == students && !backUpIfDue(**opened, dataDirectory()).value_or(false))
                return false;
            Student student;
            student.schoolId = schoolId;
            student.classId = classId;
            student.studentNumber = QStringLiteral("S%1").arg(i, 3, 10, QLatin1Char('0'));
            student.name = QStringLiteral("Student %1").arg(i);
            student.notes = QJsonObject{{QStringLiteral("remark"), QString(400, QLatin1Char('n'))}};
            if (!classes.createStudent(student))
                return false;
        }
        return true; // closing the last connection checkpoints the WAL into the file
    }

private slots:
    void init()
    {
        QVERIFY(m_folder.isValid());
        const QDir folder(dataDirectory());
        for (const QString &name : folder.entryList(QDir::Files))
            QVERIFY(QFile::remove(folder.filePath(name)));
        QDir(automaticBackupFolder(dataDirectory())).removeRecursively();
    }

    void backupIsTakenOncePerDay()
    {
        auto opened = Database::open(databasePath());
        QVERIFY(opened.has_value());
        const QDateTime morning(QDate(2026, 3, 2), QTime(8, 0));
        QCOMPARE(backUpIfDue(**opened, dataDirectory(), morning).value_or(false), true);
        QCOMPARE(backUpIfDue(**opened, dataDirectory(), morning.addSecs(3600)).value_or(true), false);
        QCOMPARE(backUpIfDue(**opened, dataDirectory(), morning.addDays(1)).value_or(false), true);
        QCOMPARE(automaticBackups(dataDirectory()).size(), 2);
    }

    void backupsKeepTheNewestSeven()
    {
        auto opened = Database::open(databasePath());
        QVERIFY(opened.has_value());
        const QDateTime first(QDate(2026, 3, 1), QTime(8, 0));
        for (int day = 0; day < 10; ++day)
            QVERIFY(backUpIfDue(**opened, dataDirectory(), first.addDays(day)).has_value());
        const QStringList backups = automaticBackups(dataDirectory());
        QCOMPARE(backups.size(), AutomaticBackupsKept);
        QVERIFY(backups.first().endsWith(QStringLiteral("classdesk-2026-03-10.sqlite3")));
        QVERIFY(backups.last().endsWith(QStringLiteral("classdesk-2026-03-04.sqlite3")));
    }

    void healthyFilePassesCheck()
    {
        QVERIFY(createBackedUpDatabase(5));
        QCOMPARE(checkDatabaseFile(databasePath()).state, DatabaseHealth::State::Healthy);
        QVERIFY(StartupCheck::prepareDatabase(dataDirectory()));
    }

    void damagedFileIsDetected_data()
    {
        QTest::addColumn<Damage>("kind");
        QTest::newRow("truncated to half") << Damage::TruncatedToHalf;
        QTest::newRow("truncated to zero bytes") << Damage::TruncatedToZero;
        QTest::newRow("garbage page") << Damage::GarbagePage;
        QTest::newRow("garbage header") << Damage::GarbageHeader;
    }

    void damagedFileIsDetected()
    {
        QFETCH(Damage, kind);
        QVERIFY(createBackedUpDatabase(40));
        QVERIFY(damage(databasePath(), kind));

        const DatabaseHealth health = checkDatabaseFile(databasePath());
        QCOMPARE(health.state, DatabaseHealth::State::Damaged);
        QVERIFY(!health.detail.isEmpty());
    }

    void damagedFileOffersAndRestoresBackup_data() { damagedFileIsDetected_data(); }

    void damagedFileOffersAndRestoresBackup()
    {
        QFETCH(Damage, kind);
        QVERIFY(createBackedUpDatabase(40));
        QVERIFY(damage(databasePath(), kind));

        QString shown;
        bool restoreOffered = false;
        respondToNextDialog([&](DatabaseRecoveryDialog *dialog) {
            shown = dialog->message();
            restoreOffered = dialog->restoreButton() != nullptr;
            if (dialog->restoreButton())
                dialog->restoreButton()->click();
            else
                dialog->quitButton()->click();
        });
        QVERIFY(StartupCheck::prepareDatabase(dataDirectory()));
        QVERIFY(restoreOffered);
        QVERIFY2(shown.contains(QStringLiteral("damaged")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("backup")), qPrintable(shown));

        // The backup was taken before the last student was added.
        QCOMPARE(checkDatabaseFile(databasePath()).state, DatabaseHealth::State::Healthy);
        QCOMPARE(count("SELECT count(*) FROM student"), 40);
        const QStringList kept = QDir(dataDirectory()).entryList({QStringLiteral("classdesk.sqlite3.damaged-*")});
        QCOMPARE(kept.size(), 1);
    }

    void quitKeepsDamagedFileUntouched()
    {
        QVERIFY(createBackedUpDatabase(10));
        QVERIFY(damage(databasePath(), Damage::GarbagePage));
        QFile before(databasePath());
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray damagedBytes = before.readAll();
        before.close();

        respondToNextDialog([](DatabaseRecoveryDialog *dialog) { dialog->quitButton()->click(); });
        QVERIFY(!StartupCheck::prepareDatabase(dataDirectory()));

        QFile after(databasePath());
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), damagedBytes);
    }

    void missingFileWithBackupOffersRestore()
    {
        QVERIFY(createBackedUpDatabase(10));
        QVERIFY(QFile::remove(databasePath()));

        bool restoreOffered = false;
        respondToNextDialog([&](DatabaseRecoveryDialog *dialog) {
            restoreOffered = dialog->restoreButton() != nullptr;
            dialog->restoreButton() ? dialog->restoreButton()->click() : dialog->quitButton()->click();
        });
        QVERIFY(StartupCheck::prepareDatabase(dataDirectory()));
        QVERIFY(restoreOffered);
        QCOMPARE(count("SELECT count(*) FROM student"), 10);
    }

    void damagedFileWithoutBackupNeverStartsEmpty()
    {
        QVERIFY(createBackedUpDatabase(10));
        QVERIFY(QDir(automaticBackupFolder(dataDirectory())).removeRecursively());
        QVERIFY(damage(databasePath(), Damage::TruncatedToZero));

        bool restoreOffered = true;
        respondToNextDialog([&](DatabaseRecoveryDialog *dialog) {
            restoreOffered = dialog->restoreButton() != nullptr;
            dialog->quitButton()->click();
        });
        QVERIFY(!StartupCheck::prepareDatabase(dataDirectory()));
        QVERIFY(!restoreOffered);
        QCOMPARE(QFileInfo(databasePath()).size(), 0);
    }

    void firstStartNeedsNoDialog()
    {
        QVERIFY(!QFileInfo::exists(databasePath()));
        QVERIFY(StartupCheck::prepareDatabase(dataDirectory()));
    }
};

QTEST_MAIN(TestCorruption)
#include "tst_corruption.moc"
