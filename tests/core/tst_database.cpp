// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "datalocation.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace ClassDesk;

class DatabaseTest : public QObject
{
    Q_OBJECT

private:
    static QString pragmaText(Database &database, const char *pragma)
    {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(database.handle(), pragma, -1, &statement, nullptr);
        QString value;
        if (sqlite3_step(statement) == SQLITE_ROW)
            value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
        return value;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void openCreatesFolderAndFile()
    {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        const QString path = databaseFilePath(temporary.filePath(QStringLiteral("nested/data")));

        auto database = Database::open(path);
        QVERIFY2(database.has_value(), qPrintable(database ? QString() : database.error().toLogString()));
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE((*database)->filePath(), path);
    }

    void openAppliesDurabilityPragmas()
    {
        QTemporaryDir temporary;
        auto database = Database::open(databaseFilePath(temporary.path()));
        QVERIFY(database.has_value());

        QCOMPARE(pragmaText(**database, "PRAGMA journal_mode"), QStringLiteral("wal"));
        QCOMPARE(pragmaText(**database, "PRAGMA synchronous"), QStringLiteral("2")); // FULL
        QCOMPARE(pragmaText(**database, "PRAGMA foreign_keys"), QStringLiteral("1"));
    }

#ifdef Q_OS_UNIX
    void databaseFileIsPrivateToUser()
    {
        QTemporaryDir temporary;
        const QString path = databaseFilePath(temporary.path());
        QVERIFY(Database::open(path).has_value());

        const QFile::Permissions permissions = QFileInfo(path).permissions();
        QVERIFY(permissions.testFlag(QFileDevice::ReadOwner));
        QVERIFY(!permissions.testFlag(QFileDevice::ReadGroup));
        QVERIFY(!permissions.testFlag(QFileDevice::ReadOther));
    }
#endif

    void openFailsWithMessageWhenFolderIsAFile()
    {
        QTemporaryDir temporary;
        const QString blocker = temporary.filePath(QStringLiteral("not-a-folder"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();

        auto database = Database::open(QStringLiteral("%1/inside/classdesk.sqlite3").arg(blocker));
        QVERIFY(!database.has_value());
        QCOMPARE(database.error().code, QStringLiteral("db.folder_not_writable"));
        QVERIFY(database.error().message.contains(QStringLiteral("not-a-folder")));
    }

    void defaultDataDirectoryIsPerUser()
    {
        const QString folder = defaultDataDirectory();
        QVERIFY(!folder.isEmpty());
        QCOMPARE(folder, QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation));
    }
};

QTEST_GUILESS_MAIN(DatabaseTest)
#include "tst_database.moc"
