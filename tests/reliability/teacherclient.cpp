// SPDX-License-Identifier: GPL-3.0-or-later
//
// A simulated teacher for the soak test: one ClassDesk client process that
// keeps working and syncing until its parent kills it.
//
// usage: teacher_client DATA_FOLDER SERVER_ADDRESS ACCOUNT SEED (work|finish)
//
// work: signs in, then every 50-250 ms does one thing a teacher does (marks
// attendance, imports a few roster rows, creates or edits an assignment, or
// adds courseware for upload) and asks the engine to sync. Each action is
// one transaction with its outbox rows, so a SIGKILL at any moment leaves
// either the whole action or none of it. It prints "action KIND" after each
// commit.
//
// finish: signs in and syncs until the outbox is empty and every courseware
// file is uploaded, then prints "finished" and exits 0 (4 on timeout).
//
// The password comes from CLASSDESK_TEST_PASSWORD so it does not show in the
// process list.

#include "assignmentstore.h"
#include "attendancestore.h"
#include "classstore.h"
#include "coursewarefilestore.h"
#include "coursewarestore.h"
#include "database.h"
#include "rosterstore.h"
#include "syncengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTimer>

#include <cstdio>

using namespace ClassDesk;
using namespace std::chrono_literals;

namespace {

const QString SoakClassName = QStringLiteral("七年级一班");

void report(const char *line, const QString &detail = {})
{
    std::printf("%s%s%s\n", line, detail.isEmpty() ? "" : " ", detail.toUtf8().constData());
    std::fflush(stdout);
}

int scalar(Database &database, const char *sql)
{
    auto statement = database.prepare(sql);
    return statement && statement->step().value_or(false) ? int(statement->int64At(0)) : -1;
}

QString platformSchoolId(Database &database)
{
    auto statement = database.prepare("SELECT id FROM school WHERE server_version IS NOT NULL LIMIT 1");
    return statement && statement->step().value_or(false) ? statement->textAt(0) : QString();
}

class Teacher
{
public:
    Teacher(Database &database, QString dataDirectory, QString schoolId, quint32 seed)
        : m_database(database)
        , m_dataDirectory(std::move(dataDirectory))
        , m_schoolId(std::move(schoolId))
        , m_random(seed)
        , m_rosters(database, m_schoolId)
    {
    }

    // Does one random action; returns its name, or an empty string when it failed.
    QString act()
    {
        const auto classId = m_rosters.classNamed(SoakClassName);
        if (!classId)
            return {};
        switch (m_random.bounded(10)) {
        case 0:
        case 1:
        case 2:
        case 3:
            return markAttendance(*classId) ? QStringLiteral("mark") : QString();
        case 4:
        case 5:
            return importRoster(*classId) ? QStringLiteral("roster") : QString();
        case 6:
        case 7:
        case 8:
            return editAssignment(*classId) ? QStringLiteral("assignment") : QString();
        default:
            return addCourseware() ? QStringLiteral("courseware") : QString();
        }
    }

private:
    bool markAttendance(const QString &classId)
    {
        AttendanceStore attendance(m_database, QStringLiteral("soak-pc"));
        const QDate date = QDate(2026, 3, 2).addDays(m_random.bounded(60));
        const auto session = attendance.openSession(classId, date, 1 + m_random.bounded(8));
        if (!session || !attendance.markAllPresent(*session))
            return false;

        ClassStore classes(m_database);
        const auto students = classes.students(StudentFilter{m_schoolId, classId, {}, false});
        if (!students || students->isEmpty())
            return true;
        const Student &student = students->at(m_random.bounded(students->size()));
        const auto status = AttendanceStatus(m_random.bounded(5));
        return attendance.mark(*session, student.id, status).has_value();
    }

    // Student numbers come from a small pool, so later imports update
    // students that earlier ones created: matching by number is exercised.
    bool importRoster(const QString &classId)
    {
        QList<RosterRow> rows;
        const int count = 1 + int(m_random.bounded(5));
        for (int i = 0; i < count; ++i) {
            RosterRow row;
            const int number = 1 + int(m_random.bounded(60));
            row.studentNumber = QStringLiteral("R%1").arg(number, 4, 10, QLatin1Char('0'));
            row.name = QStringLiteral("学生%1-%2").arg(number).arg(m_random.bounded(3));
            row.gender = m_random.bounded(2) == 0 ? QStringLiteral("男") : QStringLiteral("女");
            row.sourceRow = i + 2;
            rows.append(row);
        }
        return m_rosters.importRows(rows, classId, {}).has_value();
    }

    bool editAssignment(const QString &classId)
    {
        AssignmentStore assignments(m_database);
        const auto existing = assignments.assignments(m_schoolId);
        if (!existing)
            return false;
        if (existing->isEmpty() || m_random.bounded(4) == 0) {
            Assignment assignment;
            assignment.schoolId = m_schoolId;
            assignment.title = QStringLiteral("练习 %1").arg(m_random.bounded(1000));
            assignment.instructions = QStringLiteral("第 %1 页").arg(m_random.bounded(200));
            assignment.dueDate = QDate(2026, 3, 2).addDays(m_random.bounded(60));
            assignment.targetClassIds = {classId};
            return assignments.createAssignment(assignment).has_value();
        }

        Assignment assignment = existing->at(m_random.bounded(existing->size()));
        if (m_random.bounded(5) == 0 && assignment.state == AssignmentState::Draft)
            return assignments.setState(assignment.id, AssignmentState::Published).has_value();
        assignment.title = QStringLiteral("练习 %1").arg(m_random.bounded(1000));
        assignment.instructions = QStringLiteral("第 %1 页，第 %2 题").arg(m_random.bounded(200)).arg(m_random.bounded(20));
        return assignments.updateAssignment(assignment).has_value();
    }

    // A small file with random content, queued for upload as a published
    // lesson's courseware is.
    bool addCourseware()
    {
        const QString sourcePath = QDir(m_dataDirectory).filePath(QStringLiteral("source.bin"));
        QFile source(sourcePath);
        if (!source.open(QIODevice::WriteOnly))
            return false;
        QByteArray content(int(4096 + m_random.bounded(60 * 1024)), Qt::Uninitialized);
        m_random.fillRange(reinterpret_cast<quint32 *>(content.data()), content.size() / 4);
        if (source.write(content) != content.size())
            return false;
        source.close();

        const auto stored = CoursewareFileStore(m_dataDirectory).importFile(sourcePath);
        QFile::remove(sourcePath);
        if (!stored)
            return false;
        Courseware courseware;
        courseware.schoolId = m_schoolId;
        courseware.sha256 = stored->sha256;
        courseware.sizeBytes = stored->sizeBytes;
        courseware.mimeType = QStringLiteral("application/octet-stream");
        courseware.title = QStringLiteral("课件 %1").arg(stored->sha256.left(8));
        CoursewareStore store(m_database);
        const auto id = store.addCourseware(courseware);
        return id && store.setUploadState(*id, QStringLiteral("queued"), {}).has_value();
    }

    Database &m_database;
    QString m_dataDirectory;
    QString m_schoolId;
    QRandomGenerator m_random;
    RosterStore m_rosters;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    if (arguments.size() != 6) {
        std::fputs("usage: teacher_client DATA_FOLDER SERVER_ADDRESS ACCOUNT SEED (work|finish)\n", stderr);
        return 2;
    }
    const QString dataDirectory = arguments.at(1);
    const QString databasePath = QDir(dataDirectory).filePath(QStringLiteral("classdesk.sqlite3"));
    const bool finishing = arguments.at(5) == QLatin1String("finish");

    auto opened = Database::open(databasePath);
    if (!opened) {
        std::fprintf(stderr, "teacher_client: %s\n", qPrintable(opened.error().toLogString()));
        return 3;
    }
    std::unique_ptr<Database> database = std::move(*opened);

    // A kill between adding courseware and queueing it leaves it local; the
    // teacher would publish it again, so it is queued at the next start.
    if (!database->execute(QStringLiteral("UPDATE courseware SET upload_state = 'queued' WHERE upload_state = 'local'")))
        return 3;

    // NOTE: an upload's back-off (5 s doubling to 15 min) survives restarts,
    // and a successful sync does not shorten it. The finish run clears it, as
    // the teacher's "retry now" would, so the soak ends in minutes. Uploads
    // that gave up (needs_attention) are left alone and fail the soak.
    if (finishing && !database->execute(QStringLiteral("UPDATE upload SET next_attempt_at = 0 WHERE state = 'queued'")))
        return 3;

    SyncSettings settings;
    settings.periodicInterval = 0ms;
    settings.outboxPollInterval = 0ms;
    settings.retryBaseDelay = 100ms;
    settings.retryMaxDelay = 1s;
    settings.offlineMaxDelay = 1s;
    settings.requestTimeout = 5s;
    settings.pushBatchSize = 10;
    SyncEngine engine(databasePath, settings);

    const auto signIn = [&] {
        engine.signIn(arguments.at(2), arguments.at(3), qEnvironmentVariable("CLASSDESK_TEST_PASSWORD"));
    };
    // A sign-in that met an injected fault is tried again, as the teacher would.
    QObject::connect(&engine, &SyncEngine::signInFailed, &application,
                     [&](const QString &) { QTimer::singleShot(300ms, &application, signIn); });

    std::unique_ptr<Teacher> teacher;
    QTimer work;
    work.setSingleShot(true);
    QRandomGenerator pacing(arguments.at(4).toUInt());
    QObject::connect(&work, &QTimer::timeout, &application, [&] {
        const QString action = teacher->act();
        report(action.isEmpty() ? "action-failed" : "action", action);
        engine.syncNow();
        work.start(std::chrono::milliseconds(50 + pacing.bounded(200)));
    });

    QObject::connect(&engine, &SyncEngine::syncFinished, &application, [&](bool ok) {
        const QString schoolId = platformSchoolId(*database);
        if (finishing) {
            // Parked entries wait for the teacher and no sync moves them, so
            // they do not hold the finish back; the test judges them.
            const int pending = scalar(*database, "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent')");
            const int uploading = scalar(*database, "SELECT count(*) FROM courseware WHERE upload_state IN "
                                                    "('queued', 'uploading')");
            if (ok && pending == 0 && uploading == 0) {
                auto parked = database->prepare("SELECT entity, entity_id, coalesce(last_error, '') FROM outbox "
                                                "WHERE state = 'parked'");
                while (parked && parked->step().value_or(false))
                    report("parked", QStringList{parked->textAt(0), parked->textAt(1), parked->textAt(2)}.join(u' '));
                report("finished");
                application.exit(0);
                return;
            }
            QTimer::singleShot(300ms, &engine, &SyncEngine::syncNow);
            return;
        }
        if (!teacher && !schoolId.isEmpty()) {
            teacher = std::make_unique<Teacher>(*database, dataDirectory, schoolId, arguments.at(4).toUInt());
            work.start(0ms);
        }
        if (!ok)
            QTimer::singleShot(300ms, &engine, &SyncEngine::syncNow);
    });

    engine.start();
    signIn();
    if (finishing) {
        QTimer::singleShot(120s, &application, [&] {
            // Says what was still open, for the test's failure message.
            auto states = database->prepare("SELECT 'outbox ' || state, count(*) FROM outbox GROUP BY 1 UNION ALL "
                                            "SELECT 'courseware ' || upload_state, count(*) FROM courseware GROUP BY 1 "
                                            "UNION ALL SELECT 'upload ' || state || ' ' || coalesce(last_error_code, ''), "
                                            "count(*) FROM upload GROUP BY 1");
            while (states && states->step().value_or(false))
                report("open", QStringLiteral("%1: %2").arg(states->textAt(0)).arg(states->int64At(1)));
            auto parked = database->prepare("SELECT entity || ' ' || op || ' ' || entity_id || ': ' || "
                                            "coalesce(last_error, '') FROM outbox WHERE state = 'parked' LIMIT 5");
            while (parked && parked->step().value_or(false))
                report("parked", parked->textAt(0));
            application.exit(4);
        });
    }
    const int code = application.exec();
    engine.stop();
    return code;
}
