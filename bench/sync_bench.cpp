// SPDX-License-Identifier: GPL-3.0-or-later
//
// Sync benchmark on loopback against a real classdesk-server:
//   - push: SyncEngine sends 10,000 pending attendance marks of one teacher.
//     The baseline is a bare libcurl client that posts the same kind of
//     mutations (prebuilt JSON, batches of 200) for another teacher. That is
//     the server's own time plus HTTP.
//   - pull: a fresh SyncEngine pulls that second teacher's feed of about
//     50,000 changes; the baseline is the bare client reading the same pages.
// Both print records/s and the number of HTTP requests.
//
// Usage: sync_bench [FOLDER]   (a temporary folder when none is given; put it
// on tmpfs, e.g. /dev/shm/bench, to leave the disk's fsync time out)

#include "attendancestore.h"
#include "classstore.h"
#include "database.h"
#include "syncengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>

#include <curl/curl.h>

#include <cmath>
#include <cstdio>

using namespace ClassDesk;
using namespace std::chrono_literals;

namespace {

constexpr int PushStudents = 100;
constexpr int PushSessions = 100; // 100 x 100 = 10,000 marks
constexpr int FeedStudents = 500;
constexpr int FeedSessions = 100; // 500 x 100 = 50,000 marks
constexpr int BatchSize = 200;

struct Reply
{
    long status = 0;
    QByteArray body;
};

size_t appendBody(char *data, size_t size, size_t count, void *target)
{
    static_cast<QByteArray *>(target)->append(data, qsizetype(size * count));
    return size * count;
}

// One request with libcurl; the bare client of the baselines.
Reply send(CURL *curl, const QByteArray &method, const QString &url, const QByteArray &body, const QByteArray &header)
{
    Reply reply;
    const QByteArray address = url.toUtf8();
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, address.constData());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.constData());
    if (method == "POST") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    }
    curl_slist *headers = curl_slist_append(nullptr, header.constData());
    // Without this, curl waits for "100 Continue" before larger bodies.
    headers = curl_slist_append(headers, "Expect:");
    if (method == "POST" && body.startsWith('{'))
        headers = curl_slist_append(headers, "Content-Type: application/json");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    // The same encodings HttpTransport accepts, so the server compresses alike.
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &appendBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    curl_slist_free_all(headers);
    return reply;
}

class Server
{
public:
    explicit Server(const QString &folder) : m_folder(folder) {}
    ~Server()
    {
        m_process.terminate();
        m_process.waitForFinished(10000);
    }

    bool addTeacher(const QString &name, const QString &school) const
    {
        QProcess command;
        command.start(QStringLiteral(CLASSDESK_SERVER_EXECUTABLE),
                      {QStringLiteral("add-teacher"), QStringLiteral("--username"), name, QStringLiteral("--password"),
                       QStringLiteral("bench-secret"), QStringLiteral("--name"), name, QStringLiteral("--school"), school,
                       QStringLiteral("--password-iterations"), QStringLiteral("1000"), QStringLiteral("--data"),
                       m_folder});
        return command.waitForFinished(60000) && command.exitCode() == 0;
    }

    bool start()
    {
        m_process.start(QStringLiteral(CLASSDESK_SERVER_EXECUTABLE),
                        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data"), m_folder});
        static const QRegularExpression s_listening(QStringLiteral("Listening on (http://127\\.0\\.0\\.1:\\d+)/api/v1/"));
        QByteArray output;
        while (m_process.waitForReadyRead(10000)) {
            output += m_process.readAllStandardOutput();
            const auto match = s_listening.match(QString::fromUtf8(output));
            if (match.hasMatch()) {
                m_address = match.captured(1);
                return true;
            }
        }
        return false;
    }

    [[nodiscard]] QString address() const { return m_address; }
    [[nodiscard]] QString api(const QString &path) const { return m_address + QStringLiteral("/api/v1/") + path; }

private:
    QString m_folder;
    QProcess m_process;
    QString m_address;
};

// Runs the event loop until the engine reports the end of a sync.
bool waitForSync(SyncEngine &engine)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&engine, &SyncEngine::syncFinished, &loop, [&](bool finished) {
        ok = finished;
        loop.quit();
    });
    loop.exec();
    return ok;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject mutation(const QString &entity, const QString &id, const QJsonObject &data)
{
    return {{QStringLiteral("idempotency_key"), newId()}, {QStringLiteral("entity"), entity},
            {QStringLiteral("op"), QStringLiteral("create")}, {QStringLiteral("id"), id},
            {QStringLiteral("base_version"), QJsonValue()}, {QStringLiteral("data"), data}};
}

struct BareRun
{
    double seconds = 0;
    int requests = 0;
    int records = 0;
};

// Posts `mutations` in batches with the bare client; returns the time taken.
BareRun postAll(CURL *curl, const Server &server, const QByteArray &bearer, const QJsonArray &mutations)
{
    BareRun run;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype start = 0; start < mutations.size(); start += BatchSize) {
        QJsonArray batch;
        for (qsizetype i = start; i < std::min(mutations.size(), start + BatchSize); ++i)
            batch.append(mutations.at(i));
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("mutations"), batch}}).toJson(QJsonDocument::Compact);
        const Reply reply = send(curl, "POST", server.api(QStringLiteral("mutations")), body, bearer);
        ++run.requests;
        if (reply.status != 200 || reply.body.contains("\"rejected\"")) {
            std::fprintf(stderr, "sync_bench: a batch failed: HTTP %ld %.300s\n", reply.status, reply.body.constData());
            return run;
        }
    }
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.records = int(mutations.size());
    return run;
}

// Builds a second teacher's class, students, sessions and marks with the bare client.
BareRun seedFeed(CURL *curl, const Server &server, const QByteArray &bearer)
{
    const QString classId = newId();
    QJsonArray setup{mutation(QStringLiteral("class"), classId, {{QStringLiteral("name"), QStringLiteral("二班")}})};
    QStringList students;
    for (int i = 0; i < FeedStudents; ++i) {
        students.append(newId());
        setup.append(mutation(QStringLiteral("student"), students.last(),
                              {{QStringLiteral("class_id"), classId},
                               {QStringLiteral("name"), QStringLiteral("学生%1").arg(i)},
                               {QStringLiteral("student_number"), QStringLiteral("F%1").arg(i, 4, 10, QLatin1Char('0'))}}));
    }
    QJsonArray marks;
    for (int day = 0; day < FeedSessions; ++day) {
        const QString sessionId = newId();
        setup.append(mutation(QStringLiteral("attendance_session"), sessionId,
                              {{QStringLiteral("class_id"), classId},
                               {QStringLiteral("date"), QDate(2026, 3, 2).addDays(day).toString(Qt::ISODate)},
                               {QStringLiteral("period"), 1}}));
        for (const QString &student : std::as_const(students)) {
            marks.append(mutation(QStringLiteral("attendance_record"), newId(),
                                  {{QStringLiteral("session_id"), sessionId},
                                   {QStringLiteral("student_id"), student},
                                   {QStringLiteral("status"), QStringLiteral("present")},
                                   {QStringLiteral("marked_at"), 1'772'400'000'000LL + day},
                                   {QStringLiteral("device"), QStringLiteral("bench")}}));
        }
    }
    postAll(curl, server, bearer, setup);
    return postAll(curl, server, bearer, marks);
}

BareRun pullAll(CURL *curl, const Server &server, const QByteArray &bearer)
{
    BareRun run;
    QElapsedTimer timer;
    timer.start();
    QString cursor;
    for (;;) {
        QString url = server.api(QStringLiteral("changes?limit=500"));
        if (!cursor.isEmpty())
            url += QStringLiteral("&cursor=") + cursor;
        const QJsonObject page = QJsonDocument::fromJson(send(curl, "GET", url, {}, bearer).body).object();
        ++run.requests;
        run.records += int(page.value(QStringLiteral("changes")).toArray().size());
        cursor = page.value(QStringLiteral("next_cursor")).toString();
        if (!page.value(QStringLiteral("has_more")).toBool())
            break;
    }
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    return run;
}

QByteArray bearerFor(CURL *curl, const Server &server, const QString &name)
{
    const QByteArray form = "grant_type=password&username=" + name.toUtf8() + "&password=bench-secret";
    const Reply reply = send(curl, "POST", server.api(QStringLiteral("auth/token")), form,
                             "Content-Type: application/x-www-form-urlencoded");
    return "Authorization: Bearer "
        + QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("access_token")).toString().toUtf8();
}

void printRow(const char *label, int records, double seconds, int requests)
{
    std::printf("%-34s %7d records %8.2f s %9.0f records/s %5d requests\n", label, records, seconds,
                double(records) / seconds, requests);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString folder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : temporary.path();
    QDir().mkpath(folder);

    Server server(folder + QStringLiteral("/server"));
    if (!server.addTeacher(QStringLiteral("alice"), QStringLiteral("Bench School A"))
        || !server.addTeacher(QStringLiteral("bob"), QStringLiteral("Bench School B")) || !server.start()) {
        std::fputs("sync_bench: could not start classdesk-server\n", stderr);
        return 1;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *curl = curl_easy_init();

    SyncSettings settings;
    settings.periodicInterval = 0ms;
    settings.outboxPollInterval = 0ms;

    // Push: 10,000 marks made offline by one teacher.
    const QString pushPath = folder + QStringLiteral("/push.sqlite3");
    QFile::remove(pushPath);
    auto database = Database::open(pushPath);
    if (!database) {
        std::fputs("sync_bench: could not open the client database\n", stderr);
        return 1;
    }
    SyncEngine pusher(pushPath, settings);
    pusher.start();
    pusher.signIn(server.address(), QStringLiteral("alice"), QStringLiteral("bench-secret"));
    if (!waitForSync(pusher)) {
        std::fputs("sync_bench: sign-in failed; is classdesk-server reachable on loopback?\n", stderr);
        return 1;
    }
    ClassStore classes(**database);
    AttendanceStore attendance(**database, QStringLiteral("bench"));
    QString schoolId;
    {
        auto statement = (*database)->prepare("SELECT id FROM school LIMIT 1");
        if (statement && statement->step().value_or(false))
            schoolId = statement->textAt(0);
    }
    const QString classId = classes.createClass(schoolId, QStringLiteral("一班"), QStringLiteral("七年级")).value_or(QString());
    for (int i = 0; i < PushStudents; ++i) {
        Student student;
        student.schoolId = schoolId;
        student.classId = classId;
        student.studentNumber = QStringLiteral("P%1").arg(i, 4, 10, QLatin1Char('0'));
        student.name = QStringLiteral("学生%1").arg(i);
        (void)classes.createStudent(student);
    }
    QStringList sessions;
    for (int day = 0; day < PushSessions; ++day)
        sessions.append(attendance.openSession(classId, QDate(2026, 3, 2).addDays(day), 1).value_or(QString()));
    pusher.syncNow();
    waitForSync(pusher);
    for (const QString &session : std::as_const(sessions))
        (void)attendance.markAllPresent(session);

    const int requestsBefore = pusher.syncRequestCount();
    QElapsedTimer timer;
    timer.start();
    pusher.syncNow();
    const bool pushed = waitForSync(pusher);
    const double pushSeconds = double(timer.nsecsElapsed()) / 1e9;
    const int pushRequests = pusher.syncRequestCount() - requestsBefore;

    // Baseline and feed: the bare client posts another teacher's 50,000 marks.
    const QByteArray bobBearer = bearerFor(curl, server, QStringLiteral("bob"));
    const BareRun bareSeed = seedFeed(curl, server, bobBearer);
    const BareRun barePull = pullAll(curl, server, bobBearer);

    // Pull: a fresh device of that teacher reads the whole feed.
    const QString pullPath = folder + QStringLiteral("/pull.sqlite3");
    QFile::remove(pullPath);
    SyncEngine puller(pullPath, settings);
    puller.start();
    timer.restart();
    puller.signIn(server.address(), QStringLiteral("bob"), QStringLiteral("bench-secret"));
    const bool pulled = waitForSync(puller);
    const double pullSeconds = double(timer.nsecsElapsed()) / 1e9;

    std::printf("folder: %s\n", qPrintable(folder));
    printRow("push, SyncEngine", PushStudents * PushSessions, pushSeconds, pushRequests);
    printRow("push, bare client (server + HTTP)", bareSeed.records, bareSeed.seconds, bareSeed.requests);
    printRow("pull, SyncEngine (incl. sign-in)", barePull.records, pullSeconds, puller.syncRequestCount());
    printRow("pull, bare client (server + HTTP)", barePull.records, barePull.seconds, barePull.requests);
    std::printf("expected push requests: ceil(%d/%d) + 1 pull = %d\n", PushStudents * PushSessions, BatchSize,
                int(std::ceil(double(PushStudents * PushSessions) / BatchSize)) + 1);

    curl_easy_cleanup(curl);
    pusher.stop();
    puller.stop();
    return pushed && pulled ? 0 : 1;
}
