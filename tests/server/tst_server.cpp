// SPDX-License-Identifier: GPL-3.0-or-later
//
// Starts the real classdesk-server on a free loopback port and checks its
// command line, demo data, shutdown and fault injection.

#include "servertestsupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace ServerTestSupport;

class ServerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    void cleanupTestCase() { curl_global_cleanup(); }

    void healthAnswersOnFreePort()
    {
        ServerProcess server;
        QVERIFY2(server.start(), "the server did not print its address");

        const Reply reply = request("GET", server.baseUrl() + QStringLiteral("health"));
        QCOMPARE(reply.status, 200L);
        QCOMPARE(reply.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));

        server.process().terminate();
        QVERIFY(server.process().waitForFinished(10000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY(server.process().readAllStandardOutput().contains("Stopped"));
    }

    void unknownPathIsProblem()
    {
        ServerProcess server;
        QVERIFY(server.start());
        const Reply reply = request("GET", server.baseUrl() + QStringLiteral("nothing-here"));
        QCOMPARE(reply.status, 404L);
        QCOMPARE(reply.code(), QStringLiteral("not_found"));
        QVERIFY(reply.header("content-type").startsWith("application/problem+json"));
    }

    void unknownOptionIsUsageError()
    {
        QProcess server;
        server.start(QStringLiteral(CLASSDESK_SERVER_EXECUTABLE), {QStringLiteral("--bogus")});
        QVERIFY(server.waitForFinished(5000));
        QCOMPARE(server.exitCode(), 2);
        QVERIFY(server.readAllStandardError().contains("--bogus"));
    }

    void helpListsOptions()
    {
        QProcess server;
        server.start(QStringLiteral(CLASSDESK_SERVER_EXECUTABLE), {QStringLiteral("--help")});
        QVERIFY(server.waitForFinished(5000));
        QCOMPARE(server.exitCode(), 0);
        const QByteArray help = server.readAllStandardOutput();
        for (const char *option : {"--host", "--port", "--data", "--demo", "--access-token-ttl", "--upload-expiry", "--faults", "demo"})
            QVERIFY2(help.contains(option), option);
    }

    void demoCreatesSchoolOnce()
    {
        ServerProcess server;
        int exitCode = -1;
        const QByteArray first = server.runCommand({QStringLiteral("demo")}, &exitCode);
        QCOMPARE(exitCode, 0);
        const QByteArray second = server.runCommand({QStringLiteral("demo")}, &exitCode);
        QCOMPARE(second, first);

        static const QRegularExpression s_account(QStringLiteral("user (demo1)  password (\\S+)"));
        const auto match = s_account.match(QString::fromUtf8(first));
        QVERIFY2(match.hasMatch(), first.constData());

        QVERIFY(server.start());
        const QString token = server.signIn(match.captured(1), match.captured(2));
        QVERIFY(!token.isEmpty());

        QMap<QString, int> counts;
        QMap<QString, int> studentsPerClass;
        QMap<QString, int> submissionStates;
        qsizetype assignmentClasses = 0;
        QString cursor;
        for (int page = 0; page < 20; ++page) {
            const QString query = QStringLiteral("changes?limit=1000") + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor);
            const QJsonObject body = server.call("GET", query, token, QStringLiteral("/changes")).json();
            for (const QJsonValue change : body[QStringLiteral("changes")].toArray()) {
                const QString entity = change[QStringLiteral("entity")].toString();
                ++counts[entity];
                if (entity == QStringLiteral("student"))
                    ++studentsPerClass[change[QStringLiteral("data")][QStringLiteral("class_id")].toString()];
                if (entity == QStringLiteral("submission"))
                    ++submissionStates[change[QStringLiteral("data")][QStringLiteral("state")].toString()];
                if (entity == QStringLiteral("assignment"))
                    assignmentClasses += change[QStringLiteral("data")][QStringLiteral("target_class_ids")].toArray().size();
            }
            cursor = body[QStringLiteral("next_cursor")].toString();
            if (!body[QStringLiteral("has_more")].toBool())
                break;
        }
        QCOMPARE(counts.value(QStringLiteral("school")), 1);
        QCOMPARE(counts.value(QStringLiteral("class")), 6);
        QCOMPARE(counts.value(QStringLiteral("course")), 3);
        QVERIFY(counts.value(QStringLiteral("lesson")) > 100);
        QCOMPARE(studentsPerClass.size(), 6);
        for (const int size : studentsPerClass)
            QVERIFY(size >= 43 && size <= 47);

        // Each of the teacher's assignments targets its class and has work handed in.
        QCOMPARE(counts.value(QStringLiteral("assignment")), 3);
        QCOMPARE(assignmentClasses, qsizetype(3));
        QVERIFY(submissionStates.value(QStringLiteral("submitted")) > 0);
        QVERIFY(submissionStates.value(QStringLiteral("graded")) > 0);
        QVERIFY(submissionStates.value(QStringLiteral("late")) > 0);
        QVERIFY(counts.value(QStringLiteral("submission")) < 3 * 43);
    }

    void faultsHitChosenRequests()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--faults"), QStringLiteral("500@1,503@2,429@3,truncate@4,reset@5,stall@6:1,dropreply@7")}));
        const QString health = server.baseUrl() + QStringLiteral("health");

        const Reply failed = request("GET", health);
        QCOMPARE(failed.status, 500L);
        QCOMPARE(failed.code(), QStringLiteral("internal_error"));

        const Reply unavailable = request("GET", health);
        QCOMPARE(unavailable.status, 503L);
        QCOMPARE(unavailable.header("retry-after"), QByteArray("1"));

        const Reply limited = request("GET", health);
        QCOMPARE(limited.status, 429L);
        QCOMPARE(limited.header("retry-after"), QByteArray("1"));

        const Reply truncated = request("GET", health);
        QCOMPARE(truncated.status, 200L);
        QJsonParseError error;
        QJsonDocument::fromJson(truncated.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);

        const Reply reset = request("GET", health);
        QVERIFY(reset.result != CURLE_OK);

        QElapsedTimer timer;
        timer.start();
        const Reply stalled = request("GET", health);
        QCOMPARE(stalled.status, 200L);
        QVERIFY(timer.elapsed() >= 900);

        const Reply dropped = request("GET", health);
        QVERIFY(dropped.result != CURLE_OK);
        QVERIFY(dropped.body.isEmpty());

        QCOMPARE(request("GET", health).status, 200L);
    }

    // A status fault on a request with a body responds after the body is
    // read, so the kept-alive connection carries the next request.
    void statusFaultOnBodyKeepsConnectionUsable()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--faults"), QStringLiteral("503@1,500@3,429@5")}));
        const QString token = server.baseUrl() + QStringLiteral("auth/token");
        const QString health = server.baseUrl() + QStringLiteral("health");
        const QByteArray form = "grant_type=password&username=nobody&password=" + QByteArray(4096, 'p');
        const QList<QByteArray> headers{"Content-Type: application/x-www-form-urlencoded"};

        for (const long status : {503L, 500L, 429L}) {
            RawConnection connection(server.baseUrl());
            QVERIFY(connection.isOpen());
            const Reply failed = connection.exchange("POST", token, form, headers);
            QCOMPARE(failed.status, status);
            QVERIFY2(!failed.code().isEmpty(), failed.body.constData());
            const Reply next = connection.exchange("GET", health);
            QVERIFY2(next.status == 200, qPrintable(QStringLiteral("after %1: status %2").arg(status).arg(next.status)));
        }
    }

    void invalidFaultSpecIsUsageError()
    {
        ServerProcess server;
        QVERIFY(!server.start({QStringLiteral("--faults"), QStringLiteral("explode@1")}));
        QVERIFY(server.process().state() == QProcess::NotRunning || server.process().waitForFinished(5000));
        QCOMPARE(server.process().exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(ServerTest)
#include "tst_server.moc"
