// SPDX-License-Identifier: GPL-3.0-or-later
#include "classstore.h"
#include "settingspage.h"
#include "workspace.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace ClassDesk;

class SettingsPageTest : public QObject
{
    Q_OBJECT

private:
    static int studentCount(const QString &databasePath)
    {
        sqlite3 *database = nullptr;
        if (sqlite3_open_v2(QFile::encodeName(databasePath).constData(), &database, SQLITE_OPEN_READONLY,
                            nullptr) != SQLITE_OK) {
            sqlite3_close_v2(database);
            return -1;
        }
        sqlite3_stmt *statement = nullptr;
        int count = -1;
        if (sqlite3_prepare_v2(database, "SELECT count(*) FROM student", -1, &statement, nullptr) == SQLITE_OK
            && sqlite3_step(statement) == SQLITE_ROW) {
            count = sqlite3_column_int(statement, 0);
        }
        sqlite3_finalize(statement);
        sqlite3_close_v2(database);
        return count;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void backupContainsCommittedData()
    {
        QTemporaryDir directory;
        auto workspace = Workspace::open(directory.filePath(QStringLiteral("data")));
        QVERIFY(workspace.has_value());
        const auto classId = (*workspace)->classes().createClass((*workspace)->schoolId(), QStringLiteral("三班"), {});
        QVERIFY(classId.has_value());
        for (int i = 0; i < 30; ++i) {
            Student student;
            student.schoolId = (*workspace)->schoolId();
            student.classId = *classId;
            student.studentNumber = QString::number(1000 + i);
            student.name = QStringLiteral("学生%1").arg(i);
            QVERIFY((*workspace)->classes().createStudent(student).has_value());
        }

        SettingsPage page(**workspace);
        QSignalSpy finished(&page, &SettingsPage::backupFinished);
        const QString target = directory.filePath(QStringLiteral("备份.sqlite3"));
        page.exportBackup(target);
        QVERIFY(finished.wait(10000));

        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("备份.sqlite3")));
        QCOMPARE(studentCount(target), 30);
        QVERIFY(!QFile::exists(target + QStringLiteral(".partial")));
    }

    void backupToUnwritablePlaceExplains()
    {
        QTemporaryDir directory;
        auto workspace = Workspace::open(directory.filePath(QStringLiteral("data")));
        QVERIFY(workspace.has_value());
        QFile blocker(directory.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();

        SettingsPage page(**workspace);
        QSignalSpy finished(&page, &SettingsPage::backupFinished);
        page.exportBackup(directory.filePath(QStringLiteral("file/inside/backup.sqlite3")));
        QVERIFY(finished.wait(10000));

        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString message = finished.first().at(1).toString();
        QVERIFY(message.contains(QStringLiteral("backup.sqlite3")));
        auto *status = page.findChild<QLabel *>(QStringLiteral("backupStatusLabel"));
        QCOMPARE(status->text(), message);
    }

    void choicesAreSaved()
    {
        QTemporaryDir directory;
        auto workspace = Workspace::open(directory.path());
        QVERIFY(workspace.has_value());

        SettingsPage page(**workspace);
        auto *language = page.findChild<QComboBox *>(QStringLiteral("languageBox"));
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        QCOMPARE(QSettings().value(SettingsKey::Language).toString(), QStringLiteral("en"));

        page.findChild<QSpinBox *>(QStringLiteral("uploadLimitBox"))->setValue(256);
        QCOMPARE(QSettings().value(SettingsKey::UploadLimit).toInt(), 256);

        SettingsPage reopened(**workspace);
        QCOMPARE(reopened.findChild<QComboBox *>(QStringLiteral("languageBox"))->currentData().toString(),
                 QStringLiteral("en"));
        QCOMPARE(reopened.findChild<QSpinBox *>(QStringLiteral("uploadLimitBox"))->value(), 256);
    }

    void networkSettingsAreSavedAndAnnounced()
    {
        QTemporaryDir directory;
        auto workspace = Workspace::open(directory.path());
        QVERIFY(workspace.has_value());

        SettingsPage page(**workspace);
        QSignalSpy changed(&page, &SettingsPage::networkSettingsChanged);
        auto *proxy = page.findChild<QLineEdit *>(QStringLiteral("proxyEdit"));
        QVERIFY(proxy);
        proxy->setText(QStringLiteral("  http://127.0.0.1:3128 "));
        emit proxy->editingFinished();
        QCOMPARE(QSettings().value(SettingsKey::Proxy).toString(), QStringLiteral("http://127.0.0.1:3128"));
        QCOMPARE(changed.count(), 1);

        // Leaving the field without a change announces nothing.
        emit proxy->editingFinished();
        QCOMPARE(changed.count(), 1);

        QSettings().setValue(SettingsKey::CaFile, directory.filePath(QStringLiteral("school-ca.pem")));
        SettingsPage reopened(**workspace);
        QCOMPARE(reopened.findChild<QLineEdit *>(QStringLiteral("proxyEdit"))->text(),
                 QStringLiteral("http://127.0.0.1:3128"));
        QVERIFY(reopened.findChild<QLabel *>(QStringLiteral("caFileLabel"))->text().contains(
            QStringLiteral("school-ca.pem")));

        QSignalSpy reopenedChanged(&reopened, &SettingsPage::networkSettingsChanged);
        auto *remove = reopened.findChild<QPushButton *>(QStringLiteral("clearCaFileButton"));
        QVERIFY(remove->isEnabled());
        remove->click();
        QCOMPARE(QSettings().value(SettingsKey::CaFile).toString(), QString());
        QCOMPARE(reopenedChanged.count(), 1);
        QVERIFY(!remove->isEnabled());

        QSettings().remove(SettingsKey::Proxy);
    }

    void dataSizeCountsFiles()
    {
        QTemporaryDir directory;
        QFile file(directory.filePath(QStringLiteral("a/b.bin")));
        QVERIFY(QDir().mkpath(directory.filePath(QStringLiteral("a"))));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        QCOMPARE(SettingsPage::folderSize(directory.path()), qint64(4096));
    }
};

QTEST_MAIN(SettingsPageTest)
#include "tst_settingspage.moc"
