// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "schema.h"
#include "transaction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace ClassDesk;

class MigrationsTest : public QObject
{
    Q_OBJECT

private:
    static QByteArray fileHash(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

    static qint64 scalar(Database &database, const char *sql)
    {
        auto statement = database.prepare(sql);
        if (!statement || !statement->step().value_or(false))
            return -1;
        return statement->int64At(0);
    }

    // Every table, index and its SQL, in a stable order.
    static QStringList schemaOf(Database &database)
    {
        auto statement = database.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') "
                                          "FROM sqlite_schema ORDER BY type, name");
        QStringList entries;
        while (statement && statement->step().value_or(false))
            entries << statement->textAt(0);
        return entries;
    }

    // Writes a file as version 1 left it, without ClassDesk's migration code.
    static bool writeVersion1File(const QString &path)
    {
        sqlite3 *raw = nullptr;
        bool ok = sqlite3_open(QFile::encodeName(path).constData(), &raw) == SQLITE_OK
                  && sqlite3_exec(raw, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr) == SQLITE_OK
                  && sqlite3_exec(raw, Schema::version1Sql(), nullptr, nullptr, nullptr) == SQLITE_OK
                  && sqlite3_exec(raw, "PRAGMA user_version = 1", nullptr, nullptr, nullptr) == SQLITE_OK;
        sqlite3_close(raw);
        return ok;
    }

    // WAL frames that ended a transaction: one per commit since the file was made.
    static int walCommits(const QString &databasePath)
    {
        QFile wal(databasePath + QStringLiteral("-wal"));
        if (!wal.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray header = wal.read(32);
        if (header.size() < 32)
            return -1;
        const auto bigEndian = [](const QByteArray &bytes, int at) {
            return (quint32(quint8(bytes[at])) << 24) | (quint32(quint8(bytes[at + 1])) << 16)
                   | (quint32(quint8(bytes[at + 2])) << 8) | quint32(quint8(bytes[at + 3]));
        };
        const qint64 frameSize = qint64(bigEndian(header, 8)) + 24;
        int commits = 0;
        for (qint64 offset = 32; offset + frameSize <= wal.size(); offset += frameSize) {
            wal.seek(offset);
            const QByteArray frameHeader = wal.read(16);
            if (frameHeader.mid(8, 8) != header.mid(16, 8)) // a frame left from before a WAL reset
                break;
            if (bigEndian(frameHeader, 4) != 0) // size of the database after a commit frame
                ++commits;
        }
        return commits;
    }

private slots:
    void emptyFileMigratesToCurrentVersion()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("db.sqlite3"));
        auto database = Database::open(path);
        QVERIFY2(database.has_value(), qPrintable(database ? QString() : database.error().toLogString()));

        QCOMPARE((*database)->userVersion().value_or(-1), Schema::CurrentVersion);
        QCOMPARE(scalar(**database, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                    "AND name IN ('school', 'student', 'attendance_record', 'outbox', "
                                    "'sync_state', 'conflict', 'courseware', 'assignment', 'submission')"),
                 9);
    }

    // A new file gets all versions in one transaction. Its schema must be the
    // one that a file made by version 1 reaches one step at a time.
    void newFileMatchesUpgradedFile()
    {
        QTemporaryDir folder;
        const QString freshPath = folder.filePath(QStringLiteral("fresh.sqlite3"));
        const QString upgradedPath = folder.filePath(QStringLiteral("upgraded.sqlite3"));
        QVERIFY(writeVersion1File(upgradedPath));

        auto fresh = Database::open(freshPath);
        QVERIFY(fresh.has_value());
        const int freshCommits = walCommits(freshPath);
        auto upgraded = Database::open(upgradedPath);
        QVERIFY(upgraded.has_value());
        const int upgradeCommits = walCommits(upgradedPath);

        QCOMPARE((*upgraded)->userVersion().value_or(-1), Schema::CurrentVersion);
        const QStringList freshSchema = schemaOf(**fresh);
        QVERIFY(freshSchema.size() > 20);
        QCOMPARE(freshSchema, schemaOf(**upgraded));
        QCOMPARE(freshCommits, 1);
        // The version 1 writer's WAL went away when it closed; what is left is one commit per step.
        QCOMPARE(upgradeCommits, Schema::CurrentVersion - 1);
    }

    void reopenKeepsDataAndVersion()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("db.sqlite3"));
        {
            auto database = Database::open(path);
            QVERIFY(database.has_value());
            QVERIFY((*database)->execute(QStringLiteral("INSERT INTO sync_state VALUES ('cursor', 'c-42')")).has_value());
        }

        auto reopened = Database::open(path);
        QVERIFY(reopened.has_value());
        QCOMPARE((*reopened)->userVersion().value_or(-1), Schema::CurrentVersion);
        QCOMPARE(scalar(**reopened, "SELECT count(*) FROM sync_state WHERE value = 'c-42'"), 1);
    }

    void newerFileRejectedAndLeftUnchanged()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("db.sqlite3"));
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "CREATE TABLE future (x); PRAGMA user_version = 999;", nullptr, nullptr,
                              nullptr),
                 SQLITE_OK);
        sqlite3_close(raw);
        const QByteArray before = fileHash(path);

        auto database = Database::open(path);

        QVERIFY(!database.has_value());
        QCOMPARE(database.error().code, QStringLiteral("db.newer_schema"));
        QVERIFY(database.error().message.contains(QStringLiteral("999")));
        QVERIFY(database.error().message.contains(QStringLiteral("newer version of ClassDesk")));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void concurrentOpenMigratesOnce()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("db.sqlite3"));
        auto first = Database::open(path);
        auto second = Database::open(path);
        QVERIFY(first.has_value());
        QVERIFY(second.has_value());
        QCOMPARE((*second)->userVersion().value_or(-1), Schema::CurrentVersion);
    }

    void injectedFailureCarriesSqliteCode()
    {
        QTemporaryDir folder;
        auto database = Database::open(folder.filePath(QStringLiteral("db.sqlite3")));
        QVERIFY(database.has_value());

        (*database)->failNextStatement(SQLITE_IOERR_WRITE);
        auto statement = (*database)->prepare("SELECT 1");
        QVERIFY(statement.has_value());
        const auto row = statement->step();

        QVERIFY(!row.has_value());
        QCOMPARE(row.error().sqliteCode, SQLITE_IOERR_WRITE);
        QCOMPARE(row.error().code, QStringLiteral("db.statement_failed"));
        QVERIFY(!row.error().message.isEmpty());
        QVERIFY(statement->step().has_value()); // the hook fires once
    }

    void constraintErrorHasExtendedCode()
    {
        QTemporaryDir folder;
        auto database = Database::open(folder.filePath(QStringLiteral("db.sqlite3")));
        QVERIFY(database.has_value());
        QVERIFY((*database)->execute(QStringLiteral("INSERT INTO sync_state VALUES ('k', 'v')")).has_value());

        const auto status = (*database)->execute(QStringLiteral("INSERT INTO sync_state VALUES ('k', 'w')"));

        QVERIFY(!status.has_value());
        QCOMPARE(status.error().sqliteCode, SQLITE_CONSTRAINT_PRIMARYKEY);
        QCOMPARE(status.error().code, QStringLiteral("db.constraint"));
    }

    void transactionRollsBackWithoutCommit()
    {
        QTemporaryDir folder;
        auto database = Database::open(folder.filePath(QStringLiteral("db.sqlite3")));
        QVERIFY(database.has_value());
        {
            auto transaction = Transaction::begin(**database);
            QVERIFY(transaction.has_value());
            QVERIFY((*database)->execute(QStringLiteral("INSERT INTO sync_state VALUES ('k', 'v')")).has_value());
        }
        QCOMPARE(scalar(**database, "SELECT count(*) FROM sync_state"), 0);
    }

    void writeTransactionRollsBackOnFailure()
    {
        QTemporaryDir folder;
        auto database = Database::open(folder.filePath(QStringLiteral("db.sqlite3")));
        QVERIFY(database.has_value());
        Database &db = **database;

        const auto status = db.writeTransaction([&]() -> Status {
            if (auto inserted = db.execute(QStringLiteral("INSERT INTO sync_state VALUES ('a', '1')")); !inserted)
                return inserted;
            db.failNextStatement(SQLITE_FULL);
            return db.execute(QStringLiteral("INSERT INTO sync_state VALUES ('b', '2')"));
        });

        QVERIFY(!status.has_value());
        QCOMPARE(status.error().code, QStringLiteral("db.disk_full"));
        QCOMPARE(scalar(db, "SELECT count(*) FROM sync_state"), 0);
    }

    void statementBindsAndReadsTypes()
    {
        QTemporaryDir folder;
        auto database = Database::open(folder.filePath(QStringLiteral("db.sqlite3")));
        QVERIFY(database.has_value());
        auto statement = (*database)->prepare("SELECT :i, :d, :t, :b, :n, :o");
        QVERIFY(statement.has_value());
        statement->bind(":i", qint64(1) << 40).bind(":d", 2.5).bind(":t", QStringLiteral("课堂"));
        statement->bind(":b", QByteArray("\0\1", 2)).bind(":n", nullptr);
        statement->bind(":o", std::optional<qint64>());

        QVERIFY(statement->step().value_or(false));
        QCOMPARE(statement->int64At(0), qint64(1) << 40);
        QCOMPARE(statement->doubleAt(1), 2.5);
        QCOMPARE(statement->textAt(2), QStringLiteral("课堂"));
        QCOMPARE(statement->blobAt(3), QByteArray("\0\1", 2));
        QVERIFY(statement->isNull(4));
        QVERIFY(!statement->optionalInt64At(5).has_value());
    }

    void unknownParameterNameFailsAtStep()
    {
        QTemporaryDir folder;
        auto database = Database::open(folder.filePath(QStringLiteral("db.sqlite3")));
        QVERIFY(database.has_value());
        auto statement = (*database)->prepare("SELECT :known");
        QVERIFY(statement.has_value());
        statement->bind(":unknown", 1);

        const auto row = statement->step();
        QVERIFY(!row.has_value());
        QCOMPARE(row.error().sqliteCode, SQLITE_RANGE);
    }
};

QTEST_GUILESS_MAIN(MigrationsTest)
#include "tst_migrations.moc"
