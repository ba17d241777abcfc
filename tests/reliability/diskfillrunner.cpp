// SPDX-License-Identifier: GPL-3.0-or-later
//
// Fills the file system under a ClassDesk database until a write fails, then
// frees space and writes again. tst_diskfull runs it inside a size-limited
// tmpfs (or with a page limit) and checks the lines it prints:
//   committed N        students saved before the first failure
//   error CODE         the failed write's error code
//   message TEXT       its message, in the language given by --lang
//   kept N             students readable after the failure
//   recovered N        students readable after space returned and one more write
//   check TEXT         quick_check of the file at the end
//
// usage: diskfill_runner FOLDER (--tmpfs BALLAST_FILE | --page-limit) [--lang zh_CN]
//
// With --tmpfs, space is freed by deleting BALLAST_FILE, which the runner
// writes before it starts. With --page-limit, the file system is not full:
// PRAGMA max_page_count caps the database, and raising it frees space.

#include "classstore.h"
#include "database.h"
#include "databasehealth.h"
#include "schoolstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTranslator>

#include <cstdio>

using namespace ClassDesk;

namespace {

// Big rows fill the file system in a few hundred writes instead of thousands.
Student bulkyStudent(const QString &schoolId, const QString &classId, int number)
{
    Student student;
    student.schoolId = schoolId;
    student.classId = classId;
    student.studentNumber = QStringLiteral("F%1").arg(number, 5, 10, QLatin1Char('0'));
    student.name = QStringLiteral("Student %1").arg(number);
    student.notes = QJsonObject{{QStringLiteral("remark"), QString(1000, QLatin1Char('x'))}};
    return student;
}

int studentCount(Database &database)
{
    auto statement = database.prepare("SELECT count(*) FROM student");
    return statement && statement->step().value_or(false) ? int(statement->int64At(0)) : -1;
}

bool writeBallast(const QString &path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QByteArray block(64 * 1024, 'b');
    for (qint64 written = 0; written < bytes; written += block.size()) {
        if (file.write(block) != block.size())
            return false;
    }
    return file.flush();
}

void print(const char *key, const QString &value)
{
    std::printf("%s %s\n", key, value.toUtf8().constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("classdesk.*=false"));
    const QStringList arguments = application.arguments();
    if (arguments.size() < 3) {
        std::fputs("usage: diskfill_runner FOLDER (--tmpfs BALLAST_FILE | --page-limit) [--lang zh_CN]\n", stderr);
        return 2;
    }
    const QString folder = arguments.at(1);
    const bool pageLimit = arguments.at(2) == QLatin1String("--page-limit");
    const QString ballast = pageLimit ? QString() : arguments.value(3);

    QTranslator translator;
    if (const qsizetype lang = arguments.indexOf(QStringLiteral("--lang")); lang > 0 && lang + 1 < arguments.size()) {
        if (!translator.load(QStringLiteral("classdesk_%1").arg(arguments.at(lang + 1)), QStringLiteral(":/i18n")))
            return 5;
        QCoreApplication::installTranslator(&translator);
    }

    if (!pageLimit && !writeBallast(ballast, 256 * 1024))
        return 3;

    // Set-up: a school and a class, committed before the disk fills.
    const QString databasePath = QDir(folder).filePath(QStringLiteral("classdesk.sqlite3"));
    auto opened = Database::open(databasePath);
    if (!opened)
        return 4;
    std::unique_ptr<Database> database = std::move(*opened);
    SchoolStore schools(*database);
    ClassStore classes(*database);
    const QString schoolId = schools.createSchool(QStringLiteral("Test School"), QStringLiteral("Asia/Shanghai")).value_or(QString());
    const QString classId = classes.createClass(schoolId, QStringLiteral("一班"), QStringLiteral("3")).value_or(QString());
    if (classId.isEmpty())
        return 4;
    if (pageLimit && !database->execute(QStringLiteral("PRAGMA max_page_count = 300")))
        return 4;

    // Fill: add students until a write fails.
    int committed = 0;
    Error failure;
    for (int number = 1; number < 100000; ++number) {
        const auto created = classes.createStudent(bulkyStudent(schoolId, classId, number));
        if (!created) {
            failure = created.error();
            break;
        }
        ++committed;
    }
    print("committed", QString::number(committed));
    print("error", failure.code);
    print("message", failure.message);
    print("kept", QString::number(studentCount(*database)));

    // Recover: free space, then write again on the same connection.
    if (pageLimit) {
        if (!database->execute(QStringLiteral("PRAGMA max_page_count = 1073741823")))
            return 6;
    } else if (!QFile::remove(ballast)) {
        return 6;
    }
    const auto again = classes.createStudent(bulkyStudent(schoolId, classId, 100000));
    print("again", again ? QStringLiteral("saved") : again.error().code);

    // Reopen, as the next start would, and count what is on disk.
    database.reset();
    {
        auto reopened = Database::open(databasePath);
        print("recovered", reopened ? QString::number(studentCount(**reopened)) : reopened.error().code);
    }
    const DatabaseHealth health = checkDatabaseFile(databasePath);
    print("check", health.state == DatabaseHealth::State::Healthy ? QStringLiteral("ok") : health.detail);
    return 0;
}
