// SPDX-License-Identifier: GPL-3.0-or-later
//
// The upload table: its migration from schema version 1 and the store's
// round trips.
#include "database.h"
#include "schema.h"
#include "uploadqueuestore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace ClassDesk;

namespace {

const QString CoursewareId = QStringLiteral("01900000-0000-7000-8000-000000000001");

// Writes a database as ClassDesk's schema version 1 left it, with one courseware row.
bool writeVersion1File(const QString &path)
{
    sqlite3 *raw = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &raw) != SQLITE_OK)
        return false;
    const QByteArray rows =
        "INSERT INTO school (id, name, time_zone, created_at, updated_at) "
        "VALUES ('s1', 'Test School', 'Asia/Shanghai', 1, 1);"
        "INSERT INTO courseware (id, school_id, sha256, size_bytes, mime_type, title, created_at, updated_at) "
        "VALUES ('" + CoursewareId.toLatin1() + "', 's1', '" + QByteArray(64, 'a') + "', 42, 'application/pdf', "
        "'课件.pdf', 1, 1);"
        "PRAGMA user_version = 1;";
    const bool ok = sqlite3_exec(raw, Schema::version1Sql(), nullptr, nullptr, nullptr) == SQLITE_OK
        && sqlite3_exec(raw, rows.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(raw);
    return ok;
}

} // namespace

class TestUploadQueueStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    std::unique_ptr<Database> m_database;
    int m_fileCount = 0;

private slots:
    void init()
    {
        const QString path = m_folder.filePath(QStringLiteral("test-%1.sqlite3").arg(++m_fileCount));
        QVERIFY(writeVersion1File(path));
        auto opened = Database::open(path);
        QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().toLogString()));
        m_database = std::move(*opened);
    }

    void cleanup() { m_database.reset(); }

    void version1FileMigratesWithRowsKept()
    {
        QCOMPARE(m_database->userVersion().value_or(-1), Schema::CurrentVersion);
        auto statement = m_database->prepare("SELECT title, upload_state FROM courseware");
        QVERIFY(statement.has_value());
        QVERIFY(statement->step().value_or(false));
        QCOMPARE(statement->textAt(0), QStringLiteral("课件.pdf"));
        QCOMPARE(statement->textAt(1), QStringLiteral("local"));

        UploadQueueStore store(*m_database);
        QVERIFY(store.entries().value_or(QList<UploadEntry>{{}}).isEmpty());
    }

    void enqueuedEntryRoundTrips()
    {
        UploadQueueStore store(*m_database);
        QVERIFY(store.enqueue(CoursewareId, 42).has_value());

        UploadEntry entry = store.entry(CoursewareId).value().value();
        QCOMPARE(entry.state, UploadEntry::State::Queued);
        QCOMPARE(entry.totalBytes, qint64(42));
        QCOMPARE(entry.confirmedBytes, qint64(0));
        QVERIFY(entry.uploadUrl.isEmpty());

        entry.uploadUrl = QUrl(QStringLiteral("http://127.0.0.1:1/api/v1/uploads/x"));
        entry.confirmedBytes = 21;
        entry.attempts = 3;
        entry.nextAttemptAt = 1234;
        entry.lastErrorCode = QStringLiteral("network.timeout");
        entry.lastErrorMessage = QStringLiteral("超时");
        QVERIFY(store.save(entry).has_value());

        const UploadEntry read = store.entry(CoursewareId).value().value();
        QCOMPARE(read.uploadUrl, entry.uploadUrl);
        QCOMPARE(read.confirmedBytes, qint64(21));
        QCOMPARE(read.attempts, 3);
        QCOMPARE(read.nextAttemptAt, qint64(1234));
        QCOMPARE(read.lastErrorCode, QStringLiteral("network.timeout"));
        QCOMPARE(read.lastErrorMessage, QStringLiteral("超时"));
    }

    void enqueueAgain_data()
    {
        QTest::addColumn<int>("before");
        QTest::addColumn<int>("after");
        QTest::newRow("needs attention is queued again")
            << int(UploadEntry::State::NeedsAttention) << int(UploadEntry::State::Queued);
        QTest::newRow("paused is queued again") << int(UploadEntry::State::Paused) << int(UploadEntry::State::Queued);
        QTest::newRow("done stays done") << int(UploadEntry::State::Done) << int(UploadEntry::State::Done);
    }

    void enqueueAgain()
    {
        QFETCH(int, before);
        QFETCH(int, after);
        UploadQueueStore store(*m_database);
        QVERIFY(store.enqueue(CoursewareId, 42).has_value());
        UploadEntry entry = store.entry(CoursewareId).value().value();
        entry.state = UploadEntry::State(before);
        entry.attempts = 8;
        entry.uploadUrl = QUrl(QStringLiteral("http://127.0.0.1:1/api/v1/uploads/kept"));
        QVERIFY(store.save(entry).has_value());

        QVERIFY(store.enqueue(CoursewareId, 42).has_value());

        const UploadEntry read = store.entry(CoursewareId).value().value();
        QCOMPARE(int(read.state), after);
        QCOMPARE(read.attempts, after == before ? 8 : 0);
        QCOMPARE(read.uploadUrl, entry.uploadUrl);
    }

    void unknownCoursewareRejected()
    {
        UploadQueueStore store(*m_database);
        const auto status = store.enqueue(QStringLiteral("no-such-courseware"), 1);
        QVERIFY(!status.has_value());
        QCOMPARE(status.error().code, QStringLiteral("db.constraint"));
    }

    void removedEntryIsGone()
    {
        UploadQueueStore store(*m_database);
        QVERIFY(store.enqueue(CoursewareId, 42).has_value());
        QVERIFY(store.remove(CoursewareId).has_value());
        QVERIFY(!store.entry(CoursewareId).value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestUploadQueueStore)
#include "tst_uploadqueuestore.moc"
