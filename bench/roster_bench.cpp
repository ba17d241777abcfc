// SPDX-License-Identifier: GPL-3.0-or-later
//
// roster_bench: imports a generated whole-school roster (5,000 students in
// 100 classes of 50, UTF-8 CSV with a class column) into an empty ClassDesk
// database, next to the sqlite3 command-line tool's `.import` of the same file
// into a bare table in the same run. The ratio is the result.
//
// A second reference shows what the data model itself costs: the sqlite3
// tool writing the same rows with plain SQL into ClassDesk's schema (the
// classes, the students, and an outbox entry with a JSON payload for each).
//
// Usage: roster_bench [SQLITE3_PROGRAM]   (default: sqlite3 on the PATH)

#include "database.h"
#include "datalocation.h"
#include "rosterimporter.h"
#include "rosterstore.h"
#include "schoolstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <optional>

#include <sys/resource.h>

using namespace ClassDesk;

namespace {

constexpr int ClassCount = 100;
constexpr int StudentsPerClass = 50;
constexpr int Runs = 5;

// Times to the end of opening the new database and to the end of the
// preview in each run, to show where the import spends its time.
QList<double> s_openMilliseconds;
QList<double> s_previewMilliseconds;

// CPU time (user + system) of this process or of its finished children, in
// milliseconds. On a machine shared with other work it varies far less than
// the elapsed time, so the bench prints both.
double cpuMilliseconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    const auto milliseconds = [](const timeval &time) { return double(time.tv_sec) * 1e3 + double(time.tv_usec) / 1e3; };
    return milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime);
}

// Made-up names from common characters; a fixed seed keeps every run's file identical.
QByteArray schoolRoster()
{
    const QString surnames = QStringLiteral("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾");
    const QString given = QStringLiteral("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉");
    QRandomGenerator random(20261204);

    QByteArray csv = QStringLiteral("学号,姓名,性别,班级\n").toUtf8();
    for (int classIndex = 0; classIndex < ClassCount; ++classIndex) {
        const QString className = QStringLiteral("%1年级(%2)班").arg(7 + classIndex / 34).arg(classIndex % 34 + 1);
        for (int student = 0; student < StudentsPerClass; ++student) {
            const QString name = QString(surnames.at(random.bounded(surnames.size())))
                                 + given.at(random.bounded(given.size())) + given.at(random.bounded(given.size()));
            const QString line = QStringLiteral("2025%1%2,%3,%4,%5\n")
                                     .arg(classIndex, 3, 10, QLatin1Char('0'))
                                     .arg(student, 2, 10, QLatin1Char('0'))
                                     .arg(name, random.bounded(2) ? QStringLiteral("男") : QStringLiteral("女"),
                                          className);
            csv += line.toUtf8();
        }
    }
    return csv;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Milliseconds for one ClassDesk import into a fresh database, or -1 on failure.
double classDeskImport(const QString &csvPath, const QString &folder)
{
    QElapsedTimer timer;
    timer.start();
    auto database = Database::open(databaseFilePath(folder));
    if (!database)
        return -1;
    SchoolStore schools(**database);
    const auto school = schools.createSchool(QStringLiteral("基准学校"), QStringLiteral("Asia/Shanghai"));
    if (!school)
        return -1;
    s_openMilliseconds << double(timer.nsecsElapsed()) / 1e6;

    RosterStore rosters(**database, *school);
    // The same lookup as classdesk-cli's: every stored number read in one query.
    const auto knownNumbers = rosters.studentNamesByNumber();
    if (!knownNumbers)
        return -1;
    RosterImportOptions options;
    options.studentNumberLookup = [&names = *knownNumbers](const QString &number) -> std::optional<QString> {
        const auto found = names.constFind(number);
        return found == names.cend() ? std::nullopt : std::optional(*found);
    };
    const RosterPreview preview = RosterImporter::previewFile(csvPath, options);
    s_previewMilliseconds << double(timer.nsecsElapsed()) / 1e6;
    const auto summary = rosters.importRows(preview.importableRows(), {}, {});
    if (!summary || summary->created != ClassCount * StudentsPerClass)
        return -1;
    return double(timer.nsecsElapsed()) / 1e6;
}

// One run of the sqlite3 tool: its elapsed time, process start included,
// or -1 when it failed, and what it printed on standard error.
struct SqliteRun
{
    double milliseconds = -1;
    QByteArray errors;
};

// Runs the sqlite3 tool on the database file with `script` as its input.
SqliteRun runSqlite(const QString &program, const QString &databasePath, const QString &script)
{
    QElapsedTimer timer;
    timer.start();
    QProcess sqlite;
    sqlite.start(program, {databasePath});
    sqlite.write(script.toUtf8());
    sqlite.closeWriteChannel();

    SqliteRun run;
    const bool finished = sqlite.waitForFinished(60000) && sqlite.exitCode() == 0;
    run.errors = sqlite.readAllStandardError();
    if (finished)
        run.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return run;
}

// Milliseconds for the sqlite3 tool to import the same file into a bare
// table with the same durability pragmas, process start included.
double sqliteImport(const QString &program, const QString &csvPath, const QString &folder)
{
    const QString script = QStringLiteral("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n"
                                          "CREATE TABLE roster(number TEXT, name TEXT, gender TEXT, class TEXT);\n"
                                          ".mode csv\n.import --skip 1 '%1' roster\n")
                               .arg(csvPath);
    return runSqlite(program, folder + QStringLiteral("/bare.sqlite3"), script).milliseconds;
}

// The SQL that creates ClassDesk's schema and the new school's row, read
// from a database that ClassDesk made, so the plain-SQL reference writes
// into exactly the tables and indexes the app has.
struct SchemaScript
{
    QString schema;
    QString schoolId;
    QString school;
};

std::optional<SchemaScript> schemaScript(const QString &folder)
{
    auto database = Database::open(databaseFilePath(folder));
    if (!database)
        return std::nullopt;
    const auto schoolId = SchoolStore(**database).createSchool(QStringLiteral("基准学校"), QStringLiteral("Asia/Shanghai"));
    if (!schoolId)
        return std::nullopt;

    SchemaScript script;
    script.schoolId = *schoolId;
    auto tables = (*database)->prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY rowid");
    if (!tables)
        return std::nullopt;
    while (tables->step().value_or(false))
        script.schema += tables->textAt(0) + QStringLiteral(";\n");

    auto school = (*database)->prepare("SELECT 'INSERT INTO school (id, name, time_zone, created_at, updated_at) "
                                       "VALUES (' || quote(id) || ', ' || quote(name) || ', ' || quote(time_zone) "
                                       "|| ', ' || created_at || ', ' || updated_at || ');' FROM school");
    if (!school || !school->step().value_or(false))
        return std::nullopt;
    script.school = school->textAt(0);
    return script;
}

// Milliseconds for the sqlite3 tool to create ClassDesk's schema and write
// the rows an import writes, with plain SQL in one transaction: the 100
// classes and 5,000 students, each with its outbox entry. The ids are
// time-ordered like ClassDesk's UUIDv7, and the payloads are built like
// OutboxWriter's. Checks for problems and existing students are left out.
double sqliteSameRows(const QString &program, const QString &csvPath, const QString &folder,
                      const SchemaScript &schema)
{
    const QString script =
        QStringLiteral(
            "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\nPRAGMA foreign_keys=ON;\n"
            "BEGIN;\n%1%2\n"
            "CREATE TEMP TABLE roster(number TEXT, name TEXT, gender TEXT, class TEXT);\n"
            ".mode csv\n.import --skip 1 '%3' roster\n"
            "CREATE TEMP TABLE clock AS SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) AS now;\n"
            "INSERT INTO class (id, school_id, name, grade, created_at, updated_at) "
            "SELECT printf('%08x-0001-7000-8000-%012x', (SELECT now FROM clock) / 65536, min(rowid)), '%4', "
            "class, '', (SELECT now FROM clock), (SELECT now FROM clock) FROM roster GROUP BY class ORDER BY min(rowid);\n"
            "INSERT INTO student (id, school_id, class_id, student_number, name, gender, notes, created_at, updated_at) "
            "SELECT printf('%08x-0002-7000-8000-%012x', (SELECT now FROM clock) / 65536, r.rowid), '%4', c.id, "
            "trim(r.number), trim(r.name), CASE trim(r.gender) WHEN '男' THEN 'male' WHEN '女' THEN 'female' "
            "ELSE 'unspecified' END, '{}', (SELECT now FROM clock), (SELECT now FROM clock) "
            "FROM roster r JOIN class c ON c.name = r.class ORDER BY r.rowid;\n"
            "INSERT INTO outbox (entity, entity_id, op, payload, idempotency_key, base_version, state, created_at, "
            "updated_at) SELECT 'class', id, 'create', json_object('id', id, 'school_id', school_id, 'name', name, "
            "'grade', grade, 'deleted_at', deleted_at, 'created_at', created_at, 'updated_at', updated_at), "
            "printf('%08x-0003-7000-8000-%012x', created_at / 65536, rowid), NULL, 'pending', created_at, "
            "created_at FROM class ORDER BY rowid;\n"
            "INSERT INTO outbox (entity, entity_id, op, payload, idempotency_key, base_version, state, created_at, "
            "updated_at) SELECT 'student', id, 'create', json_object('id', id, 'school_id', school_id, 'class_id', "
            "class_id, 'student_number', student_number, 'name', name, 'gender', gender, 'notes', json(notes), "
            "'deleted_at', deleted_at, 'created_at', created_at, 'updated_at', updated_at), "
            "printf('%08x-0004-7000-8000-%012x', created_at / 65536, rowid), server_version, 'pending', "
            "created_at, created_at FROM student ORDER BY rowid;\n"
            "COMMIT;\n")
            .arg(schema.schema, schema.school, csvPath, schema.schoolId);

    const SqliteRun run = runSqlite(program, folder + QStringLiteral("/same-rows.sqlite3"), script);
    if (run.milliseconds < 0 || !run.errors.isEmpty()) {
        std::fprintf(stderr, "roster_bench: sqlite3 failed: %s", run.errors.constData());
        return -1;
    }

    // The reference counts only if it wrote every row the import writes.
    QProcess count;
    count.start(program, {folder + QStringLiteral("/same-rows.sqlite3"),
                          QStringLiteral("SELECT (SELECT count(*) FROM student) || ' ' || "
                                         "(SELECT count(*) FROM outbox)")});
    const QByteArray expected = QByteArray::number(ClassCount * StudentsPerClass) + ' '
                                + QByteArray::number(ClassCount * StudentsPerClass + ClassCount);
    if (!count.waitForFinished(60000) || count.readAllStandardOutput().trimmed() != expected) {
        std::fprintf(stderr, "roster_bench: the plain-SQL reference did not write every row\n");
        return -1;
    }
    return run.milliseconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("classdesk.*.info=false"));
    const QString sqliteProgram = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("sqlite3");

    QTemporaryDir folder;
    const QString csvPath = folder.filePath(QStringLiteral("school-5000.csv"));
    QFile csv(csvPath);
    if (!csv.open(QIODevice::WriteOnly) || csv.write(schoolRoster()) < 0)
        return 1;
    csv.close();

    const auto schema = schemaScript(folder.filePath(QStringLiteral("template")));
    if (!schema) {
        std::fprintf(stderr, "roster_bench: cannot read ClassDesk's schema\n");
        return 1;
    }

    QList<double> classDesk;
    QList<double> sqlite;
    QList<double> sameRows;
    QList<double> classDeskCpu;
    QList<double> sqliteCpu;
    QList<double> sameRowsCpu;
    for (int run = 0; run < Runs; ++run) {
        QTemporaryDir runFolder;
        const double cpuBefore = cpuMilliseconds(RUSAGE_SELF);
        const double ours = classDeskImport(csvPath, runFolder.filePath(QStringLiteral("classdesk")));
        classDeskCpu << cpuMilliseconds(RUSAGE_SELF) - cpuBefore;
        const double childrenBefore = cpuMilliseconds(RUSAGE_CHILDREN);
        const double baseline = sqliteImport(sqliteProgram, csvPath, runFolder.path());
        sqliteCpu << cpuMilliseconds(RUSAGE_CHILDREN) - childrenBefore;
        const double sameRowsBefore = cpuMilliseconds(RUSAGE_CHILDREN);
        const double reference = sqliteSameRows(sqliteProgram, csvPath, runFolder.path(), *schema);
        sameRowsCpu << cpuMilliseconds(RUSAGE_CHILDREN) - sameRowsBefore;
        if (ours < 0 || baseline < 0 || reference < 0) {
            std::fprintf(stderr, "roster_bench: an import failed (is %s installed?)\n", qPrintable(sqliteProgram));
            return 1;
        }
        classDesk << ours;
        sqlite << baseline;
        sameRows << reference;
    }

    const double ratio = median(classDesk) / median(sqlite);
    std::printf("roster import, %d students in %d classes (median of %d runs)\n", ClassCount * StudentsPerClass,
                ClassCount, Runs);
    std::printf("  ClassDesk import (preview + one transaction): %8.1f ms\n", median(classDesk));
    std::printf("    of which creating the database and its school:  %8.1f ms\n", median(s_openMilliseconds));
    std::printf("    of which the above and the preview:             %8.1f ms\n", median(s_previewMilliseconds));
    std::printf("  sqlite3 .import into a bare table (baseline): %8.1f ms\n", median(sqlite));
    std::printf("  ratio: %.2f (target <= 2.00) %s\n", ratio, ratio <= 2.0 ? "met" : "MISSED");
    std::printf("  CPU time: ClassDesk %.1f ms, sqlite3 %.1f ms, ratio %.2f\n", median(classDeskCpu),
                median(sqliteCpu), median(classDeskCpu) / median(sqliteCpu));
    std::printf("  reference, sqlite3 writing the same rows into ClassDesk's schema: %.1f ms, CPU %.1f ms\n",
                median(sameRows), median(sameRowsCpu));
    std::printf("    the reference against the baseline: ratio %.2f, CPU %.2f\n", median(sameRows) / median(sqlite),
                median(sameRowsCpu) / median(sqliteCpu));
    std::printf("    ClassDesk against the reference:    ratio %.2f, CPU %.2f\n", median(classDesk) / median(sameRows),
                median(classDeskCpu) / median(sameRowsCpu));
    return 0;
}
