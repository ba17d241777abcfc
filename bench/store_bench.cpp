// SPDX-License-Identifier: GPL-3.0-or-later
//
// Store benchmark: builds a five-year dataset of one school in a temporary
// folder, then measures
//   - marking one student durably through AttendanceStore, next to a bare
//     sqlite3 single-row insert with the same pragmas (the fsync floor), and
//   - the attendance counts of one class over one term.
//
// Usage: store_bench [FOLDER]   (a temporary folder when none is given)

#include "attendancestore.h"
#include "database.h"
#include "schoolstore.h"
#include "storesupport.h"
#include "uuid7.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ClassDesk;

namespace {

constexpr int Classes = 6;
constexpr int StudentsPerClass = 50;
constexpr int SchoolDays = 1000; // five years of about 200 school days
constexpr int CoursewareRows = 2000;
constexpr int AssignmentRows = 1000;
constexpr int Samples = 100;

struct Dataset
{
    QString schoolId;
    QStringList classIds;
    QList<QStringList> studentIds; // per class
    QList<QStringList> sessionIds; // per class
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

[[noreturn]] void fail(const Error &error)
{
    std::fprintf(stderr, "store_bench: %s\n", qPrintable(error.toLogString()));
    std::exit(1);
}

void check(const Status &status)
{
    if (!status)
        fail(status.error());
}

// Weekdays from 2021-09-01 on, one per school day.
QStringList schoolDates()
{
    QStringList dates;
    for (QDate date(2021, 9, 1); dates.size() < SchoolDays; date = date.addDays(1)) {
        if (date.dayOfWeek() <= 5)
            dates.append(date.toString(Qt::ISODate));
    }
    return dates;
}

// Synced rows, as if pulled from the platform: server_version set, no outbox rows.
void generateRoster(Database &database, Dataset *dataset)
{
    using StoreSupport::run;
    for (int c = 0; c < Classes; ++c) {
        const QString classId = Uuid7::generate();
        check(run(database, "INSERT INTO class (id, school_id, name, server_version, created_at, updated_at) "
                            "VALUES (?, ?, ?, 1, 0, 0)",
                  classId, dataset->schoolId, QStringLiteral("Class %1").arg(c + 1)));
        dataset->classIds.append(classId);
        QStringList students;
        for (int s = 0; s < StudentsPerClass; ++s) {
            const QString id = Uuid7::generate();
            check(run(database,
                      "INSERT INTO student (id, school_id, class_id, student_number, name, server_version, "
                      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 0, 0)",
                      id, dataset->schoolId, classId, QStringLiteral("%1%2").arg(c + 1).arg(s, 3, 10, QLatin1Char('0')),
                      QStringLiteral("Student %1-%2").arg(c + 1).arg(s)));
            students.append(id);
        }
        dataset->studentIds.append(students);
    }
}

void generateAttendance(Database &database, Dataset *dataset)
{
    static const QString Statuses[] = {QStringLiteral("absent"), QStringLiteral("late"), QStringLiteral("leave")};
    auto session = database.prepare("INSERT INTO attendance_session (id, class_id, date, period, server_version, "
                                    "created_at, updated_at) VALUES (?, ?, ?, 1, 1, 0, 0)");
    auto record = database.prepare("INSERT INTO attendance_record (id, session_id, student_id, status, marked_at, "
                                   "device, server_version, created_at, updated_at) "
                                   "VALUES (?, ?, ?, ?, 0, 'bench', 1, 0, 0)");
    if (!session || !record)
        fail(!session ? session.error() : record.error());

    const QStringList dates = schoolDates();
    int counter = 0;
    for (int c = 0; c < Classes; ++c) {
        QStringList sessions;
        for (const QString &date : dates) {
            const QString sessionId = Uuid7::generate();
            session->bind(1, sessionId).bind(2, dataset->classIds[c]).bind(3, date);
            check(session->run());
            for (const QString &student : std::as_const(dataset->studentIds[c])) {
                const int pick = ++counter % 20;
                const QString status = pick < 3 ? Statuses[pick] : QStringLiteral("present");
                record->bind(1, Uuid7::generate()).bind(2, sessionId).bind(3, student).bind(4, status);
                check(record->run());
            }
            sessions.append(sessionId);
        }
        dataset->sessionIds.append(sessions);
    }
}

void generateCoursewareAndAssignments(Database &database, const Dataset &dataset)
{
    using StoreSupport::run;
    for (int i = 0; i < CoursewareRows; ++i) {
        check(run(database,
                  "INSERT INTO courseware (id, school_id, sha256, size_bytes, mime_type, title, server_version, "
                  "created_at, updated_at) VALUES (?, ?, ?, ?, 'application/pdf', ?, 1, 0, 0)",
                  Uuid7::generate(), dataset.schoolId, QStringLiteral("%1").arg(i, 64, 16, QLatin1Char('0')),
                  qint64(100000 + i), QStringLiteral("Courseware %1").arg(i)));
    }
    for (int i = 0; i < AssignmentRows; ++i) {
        check(run(database,
                  "INSERT INTO assignment (id, school_id, title, due_date, due_time, due_time_zone, state, "
                  "server_version, created_at, updated_at) "
                  "VALUES (?, ?, ?, '2024-05-01', '08:00', 'Asia/Shanghai', 'published', 1, 0, 0)",
                  Uuid7::generate(), dataset.schoolId, QStringLiteral("Assignment %1").arg(i)));
    }
}

Dataset generate(Database &database)
{
    Dataset dataset;
    SchoolStore schools(database);
    const auto school = schools.createSchool(QStringLiteral("Bench School"), QStringLiteral("Asia/Shanghai"));
    if (!school)
        fail(school.error());
    dataset.schoolId = *school;

    check(database.writeTransaction([&]() -> Status {
        generateRoster(database, &dataset);
        generateAttendance(database, &dataset);
        generateCoursewareAndAssignments(database, dataset);
        return {};
    }));
    check(database.execute(QStringLiteral("ANALYZE")));
    return dataset;
}

// Median time of a durable single-row insert on a bare connection.
double fsyncFloorMs(const QString &path)
{
    sqlite3 *handle = nullptr;
    sqlite3_open(QFile::encodeName(path).constData(), &handle);
    sqlite3_exec(handle, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                         "CREATE TABLE mark (id TEXT PRIMARY KEY, status TEXT)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(handle, "INSERT INTO mark VALUES (?, 'present')", -1, &insert, nullptr);

    std::vector<double> times;
    for (int i = 0; i < Samples; ++i) {
        const QByteArray id = Uuid7::generate().toLatin1();
        QElapsedTimer timer;
        timer.start();
        sqlite3_bind_text(insert, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    sqlite3_finalize(insert);
    sqlite3_close(handle);
    return median(times);
}

double markMs(Database &database, const Dataset &dataset)
{
    AttendanceStore attendance(database, QStringLiteral("bench"));
    const auto session = attendance.openSession(dataset.classIds.first(), QDate(2027, 1, 4), 1);
    if (!session)
        fail(session.error());

    std::vector<double> times;
    for (int i = 0; i < Samples; ++i) {
        const QString &student = dataset.studentIds.first().at(i % StudentsPerClass);
        QElapsedTimer timer;
        timer.start();
        check(attendance.mark(*session, student, i % 2 ? AttendanceStatus::Late : AttendanceStatus::Absent));
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

double termStatisticsMs(Database &database, const Dataset &dataset, AttendanceCounts *counts)
{
    AttendanceStore attendance(database, QStringLiteral("bench"));
    std::vector<double> times;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto result = attendance.classCounts(dataset.classIds.at(2), QDate(2023, 9, 1), QDate(2024, 1, 31));
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!result)
            fail(result.error());
        *counts = *result;
    }
    return median(times);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString folder = app.arguments().size() > 1 ? app.arguments().at(1) : temporary.path();

    auto database = Database::open(folder + QStringLiteral("/bench.sqlite3"));
    if (!database)
        fail(database.error());

    QElapsedTimer timer;
    timer.start();
    const Dataset dataset = generate(**database);
    std::printf("dataset: %d classes, %d students, %d sessions, %d records, %d courseware, %d assignments "
                "(generated in %.1f s)\n",
                Classes, Classes * StudentsPerClass, Classes * SchoolDays, Classes * SchoolDays * StudentsPerClass,
                CoursewareRows, AssignmentRows, double(timer.elapsed()) / 1000.0);

    const double floor = fsyncFloorMs(folder + QStringLiteral("/floor.sqlite3"));
    const double mark = markMs(**database, dataset);
    std::printf("mark one student, durable (median of %d): %.2f ms\n", Samples, mark);
    std::printf("bare sqlite3 insert, same pragmas (median of %d): %.2f ms\n", Samples, floor);
    std::printf("ratio: %.2f (target <= 1.5)\n", mark / floor);

    AttendanceCounts counts;
    const double term = termStatisticsMs(**database, dataset, &counts);
    std::printf("term statistics, one class, 2023-09-01..2024-01-31 (median of 20): %.2f ms "
                "(target <= 50 ms; %d marks, rate %.3f)\n",
                term, counts.total(), counts.rate().value_or(0.0));
    return 0;
}
