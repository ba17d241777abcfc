// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancestore.h"
#include "outboxwriter.h"
#include "storefixture.h"
#include "storesupport.h"
#include "uuid7.h"

#include <QMutex>
#include <QThread>

#include <atomic>

using namespace ClassDesk;

// A roster import, a sync-sized write and UI marks, each on its own thread
// with its own connection, at the same time.
class ConcurrencyTest : public QObject
{
    Q_OBJECT

private:
    static constexpr int ImportStudents = 400;
    static constexpr int SyncRows = 3000;
    static constexpr int UiMarks = 60;

    static qint64 scalar(Database &database, const char *sql)
    {
        auto statement = database.prepare(sql);
        if (!statement || !statement->step().value_or(false))
            return -1;
        return statement->int64At(0);
    }

    // One transaction that adds a roster of students, each with its outbox row.
    static Status importRoster(Database &database, const QString &schoolId, int round)
    {
        return database.writeTransaction([&]() -> Status {
            for (int i = 0; i < ImportStudents; ++i) {
                const QString id = Uuid7::generate();
                const auto inserted = StoreSupport::run(
                    database,
                    "INSERT INTO student (id, school_id, student_number, name, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, 0, 0)",
                    id, schoolId, QStringLiteral("R%1-%2").arg(round).arg(i), QStringLiteral("Imported"));
                if (!inserted)
                    return inserted;
                if (auto recorded = OutboxWriter::recordRow(database, QStringLiteral("student"), id,
                                                            QStringLiteral("create"));
                    !recorded)
                    return recorded;
            }
            return {};
        });
    }

    // One transaction that applies pulled rows; pulled rows write no outbox row.
    static Status applyPulledRows(Database &database, const QString &schoolId)
    {
        return database.writeTransaction([&]() -> Status {
            for (int i = 0; i < SyncRows; ++i) {
                const auto inserted = StoreSupport::run(
                    database,
                    "INSERT INTO courseware (id, school_id, sha256, size_bytes, mime_type, title, "
                    "server_version, created_at, updated_at) VALUES (?, ?, ?, 1, 'application/pdf', 't', 1, 0, 0)",
                    Uuid7::generate(), schoolId, QString(64, QLatin1Char('0')));
                if (!inserted)
                    return inserted;
            }
            return {};
        });
    }

private slots:
    void importSyncAndMarksAllSucceed()
    {
        StoreFixture fixture;
        QVERIFY(fixture.setUp(UiMarks));
        const QString path = fixture.path();
        const QString schoolId = fixture.schoolId;
        const QString classId = fixture.classId;
        const QStringList students = fixture.studentIds;
        constexpr int Rounds = 3;
        std::atomic<int> busyWaits = 0;

        for (int round = 0; round < Rounds; ++round) {
            std::atomic<int> failures = 0;
            QStringList errors;
            QMutex errorsMutex;
            auto report = [&](const Status &status) {
                if (status)
                    return;
                ++failures;
                const QMutexLocker locker(&errorsMutex);
                errors.append(status.error().toLogString());
            };

            std::unique_ptr<QThread> importer(QThread::create([&] {
                auto database = Database::open(path);
                report(database ? importRoster(**database, schoolId, round) : Status(std::unexpected(database.error())));
                busyWaits += database ? (*database)->busyWaitCount() : 0;
            }));
            std::unique_ptr<QThread> syncer(QThread::create([&] {
                auto database = Database::open(path);
                report(database ? applyPulledRows(**database, schoolId) : Status(std::unexpected(database.error())));
                busyWaits += database ? (*database)->busyWaitCount() : 0;
            }));
            std::unique_ptr<QThread> ui(QThread::create([&] {
                auto database = Database::open(path);
                if (!database)
                    return report(std::unexpected(database.error()));
                AttendanceStore attendance(**database, QStringLiteral("ui"));
                const auto session = attendance.openSession(classId, QDate(2026, 9, 1 + round), 1);
                if (!session)
                    return report(std::unexpected(session.error()));
                for (const QString &student : students)
                    report(attendance.mark(*session, student, AttendanceStatus::Late));
                busyWaits += (*database)->busyWaitCount();
            }));
            importer->start();
            syncer->start();
            ui->start();
            QVERIFY(importer->wait(120000));
            QVERIFY(syncer->wait(120000));
            QVERIFY(ui->wait(120000));

            QVERIFY2(failures == 0, qPrintable(errors.join(QLatin1Char('\n'))));
        }

        qInfo("The busy handler waited %d times", busyWaits.load());
        Database &database = *fixture.database;
        QCOMPARE(scalar(database, "SELECT count(*) FROM student"), UiMarks + Rounds * ImportStudents);
        QCOMPARE(scalar(database, "SELECT count(*) FROM courseware"), Rounds * SyncRows);
        QCOMPARE(scalar(database, "SELECT count(*) FROM attendance_record"), Rounds * UiMarks);
        QCOMPARE(scalar(database, "SELECT count(*) FROM outbox WHERE entity = 'attendance_record'"), Rounds * UiMarks);
        QCOMPARE(scalar(database, "SELECT count(*) FROM outbox WHERE entity = 'student'"),
                 UiMarks + Rounds * ImportStudents);
    }
};

QTEST_GUILESS_MAIN(ConcurrencyTest)
#include "tst_concurrency.moc"
