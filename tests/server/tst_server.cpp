// SPDX-License-Identifier: GPL-3.0-or-later
//
// Starts the real classdesk-server on a free loopback port and talks HTTP to it
// with libcurl, as the client does.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <curl/curl.h>

class ServerTest : public QObject
{
    Q_OBJECT

private:
    struct Reply
    {
        long status = 0;
        QByteArray body;
    };

    static size_t appendBody(char *data, size_t size, size_t count, void *target)
    {
        static_cast<QByteArray *>(target)->append(data, static_cast<qsizetype>(size * count));
        return size * count;
    }

    static Reply get(const QString &url)
    {
        Reply reply;
        CURL *curl = curl_easy_init();
        const QByteArray address = url.toUtf8();
        curl_easy_setopt(curl, CURLOPT_URL, address.constData());
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &ServerTest::appendBody);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
        if (curl_easy_perform(curl) == CURLE_OK)
            curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
        curl_easy_cleanup(curl);
        return reply;
    }

    // Starts the server with --port 0 and returns its base URL from the line it prints.
    static QString startServer(QProcess &process)
    {
        process.start(QStringLiteral(CLASSDESK_SERVER_EXECUTABLE), {QStringLiteral("--port"), QStringLiteral("0")});
        if (!process.waitForStarted(5000))
            return {};
        const QRegularExpression listening(QStringLiteral("Listening on (http://127\\.0\\.0\\.1:\\d+/api/v1/)"));
        QByteArray output;
        while (process.waitForReadyRead(5000)) {
            output += process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch())
                return match.captured(1);
        }
        return {};
    }

private slots:
    void initTestCase() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    void cleanupTestCase() { curl_global_cleanup(); }

    void healthAnswersOnFreePort()
    {
        QProcess server;
        const QString baseUrl = startServer(server);
        QVERIFY2(!baseUrl.isEmpty(), "the server did not print its address");

        const Reply reply = get(baseUrl + QStringLiteral("health"));
        QCOMPARE(reply.status, 200L);
        QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("ok"));

        server.terminate();
        QVERIFY(server.waitForFinished(5000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
    }

    void unknownOptionIsUsageError()
    {
        QProcess server;
        server.start(QStringLiteral(CLASSDESK_SERVER_EXECUTABLE), {QStringLiteral("--bogus")});
        QVERIFY(server.waitForFinished(5000));
        QCOMPARE(server.exitCode(), 2);
        QVERIFY(server.readAllStandardError().contains("--bogus"));
    }
};

QTEST_GUILESS_MAIN(ServerTest)
#include "tst_server.moc"
