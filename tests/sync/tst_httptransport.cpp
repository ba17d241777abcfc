// SPDX-License-Identifier: GPL-3.0-or-later
#include "httperrors.h"
#include "httptransport.h"
#include "loopbackserver.h"
#include "synclogging.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <condition_variable>
#include <mutex>
#include <set>

using namespace ClassDesk;
using namespace std::chrono_literals;

namespace {

constexpr int WaitMs = 10000;

// Holds stalled handlers until the test releases them, so a timeout test
// never leaves the server waiting on a sleep.
class Gate
{
public:
    void wait()
    {
        std::unique_lock lock(m_mutex);
        m_released.wait_for(lock, 20s, [this] { return m_open; });
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_open = false;
    }

    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_released.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_released;
    bool m_open = false;
};

[[nodiscard]] bool waitForJob(HttpJob *job)
{
    if (job->isFinished())
        return true;
    QSignalSpy spy(job, &HttpJob::finished);
    return spy.wait(WaitMs);
}

QStringList capturedLog;

void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedLog.append(message);
}

} // namespace

class HttpTransportTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        LoopbackServer::clearProxyEnvironment();
    }

    void init()
    {
        m_server = std::make_unique<LoopbackServer>();
        httplib::Server &http = m_server->http();
        // Keeps connections open for all requests of a test, so the number of
        // client ports seen is the number of connections curl opened.
        http.set_keep_alive_max_count(1000);
        http.Post("/echo", [this](const httplib::Request &request, httplib::Response &response) {
            {
                std::lock_guard lock(m_mutex);
                m_lastAuthorization = request.get_header_value("Authorization");
                m_lastContentType = request.get_header_value("Content-Type");
            }
            response.status = 201;
            response.set_header("X-Echo-Length", std::to_string(request.body.size()));
            response.set_content(request.body, "application/octet-stream");
        });
        http.Patch("/echo", [](const httplib::Request &request, httplib::Response &response) {
            response.set_content(request.body, "application/octet-stream");
        });
        http.Get("/port", [this](const httplib::Request &request, httplib::Response &response) {
            {
                std::lock_guard lock(m_mutex);
                m_remotePorts.insert(request.remote_port);
            }
            response.set_content(request.get_param_value("n"), "text/plain");
        });
        http.Get("/stall", [this](const httplib::Request &, httplib::Response &response) {
            m_gate.wait();
            response.set_content("late", "text/plain");
        });
        http.Get("/problem", [](const httplib::Request &request, httplib::Response &response) {
            response.status = std::stoi(request.get_param_value("status"));
            const std::string code = request.get_param_value("code");
            if (!code.empty()) {
                const std::string body = "{\"type\": \"https://classdesk.invalid/problems/" + code
                    + "\", \"title\": \"t\", \"status\": " + std::to_string(response.status)
                    + ", \"detail\": \"d\", \"code\": \"" + code + "\"}";
                response.set_content(body, "application/problem+json");
            }
            const std::string retryAfter = request.get_param_value("retry_after");
            if (!retryAfter.empty())
                response.set_header("Retry-After", retryAfter);
        });
        http.Get("/json", [](const httplib::Request &, httplib::Response &response) {
            response.set_content(largeText(), "application/json");
        });
        http.Get("/gzip", [this](const httplib::Request &request, httplib::Response &response) {
            {
                std::lock_guard lock(m_mutex);
                m_lastAcceptEncoding = request.get_header_value("Accept-Encoding");
            }
            std::string compressed;
            httplib::detail::gzip_compressor compressor;
            const std::string text = largeText();
            compressor.compress(text.data(), text.size(), true, [&compressed](const char *data, size_t length) {
                compressed.append(data, length);
                return true;
            });
            response.set_header("Content-Encoding", "gzip");
            response.set_content(compressed, "application/octet-stream");
        });
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        m_gate.open();
        m_transport.reset();
        m_server.reset();
        m_gate.close();
        m_remotePorts.clear();
    }

    void roundTripsStatusHeadersAndBody()
    {
        HttpRequest request("POST", m_server->url(QStringLiteral("/echo")));
        request.addHeader("Authorization", "Bearer abc");
        request.setBody(QByteArrayLiteral("{\"hello\": \"你好\"}"), "application/json");

        HttpJob *job = transport()->send(request);
        QVERIFY(waitForJob(job));

        QVERIFY(job->result().has_value());
        QCOMPARE(job->result()->status, 201);
        QCOMPARE(job->result()->header("x-echo-length"), QByteArray::number(request.body().size()));
        QCOMPARE(job->result()->body, request.body());
        std::lock_guard lock(m_mutex);
        QCOMPARE(m_lastAuthorization, std::string("Bearer abc"));
        QCOMPARE(m_lastContentType, std::string("application/json"));
    }

    void uploadsFileSlice()
    {
        QTemporaryDir folder;
        QFile file(folder.filePath(QStringLiteral("courseware.bin")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray content = QByteArray("0123456789").repeated(10000);
        QCOMPARE(file.write(content), content.size());
        file.close();

        HttpRequest request("PATCH", m_server->url(QStringLiteral("/echo")));
        request.setBodyFile(file.fileName(), 12345, 50000);
        HttpJob *job = transport()->send(request);
        QVERIFY(waitForJob(job));

        QVERIFY(job->result().has_value());
        QCOMPARE(job->result()->body, content.mid(12345, 50000));
    }

    void uploadsFromBodySource()
    {
        const QByteArray content = QByteArray("abc").repeated(70000);
        HttpRequest request("POST", m_server->url(QStringLiteral("/echo")));
        request.setBodySource(content.size(), [content](qint64 offset, char *data, qint64 maxSize) {
            const qint64 length = std::min<qint64>(maxSize, content.size() - offset);
            std::memcpy(data, content.constData() + offset, size_t(length));
            return length;
        });
        HttpJob *job = transport()->send(request);
        QVERIFY(waitForJob(job));

        QVERIFY(job->result().has_value());
        QCOMPARE(job->result()->body, content);
    }

    void sendSpeedCapSlowsUpload()
    {
        // 48 KiB at 32 KiB/s needs about 1.5 s; curl may send its first buffer
        // at once, so the check leaves room for that burst.
        HttpSettings settings;
        settings.maxSendBytesPerSecond = 32 * 1024;
        transport()->setSettings(settings);
        HttpRequest request("POST", m_server->url(QStringLiteral("/echo")));
        request.setBody(QByteArray(48 * 1024, 'x'), "application/octet-stream");

        QElapsedTimer elapsed;
        elapsed.start();
        HttpJob *job = transport()->send(request);
        QVERIFY(waitForJob(job));

        QVERIFY(job->result().has_value());
        QCOMPARE(job->result()->body.size(), request.body().size());
        QVERIFY2(elapsed.elapsed() >= 700, qPrintable(QString::number(elapsed.elapsed())));
    }

    void failingBodySourceStopsRequest()
    {
        HttpRequest request("POST", m_server->url(QStringLiteral("/echo")));
        request.setBodySource(1000, [](qint64, char *, qint64) { return qint64(-1); });
        HttpJob *job = transport()->send(request);
        QVERIFY(waitForJob(job));

        QVERIFY(!job->result().has_value());
        QCOMPARE(job->result().error().code, QStringLiteral("local.read_failed"));
    }

    void missingBodyFileFailsJob()
    {
        HttpRequest request("PATCH", m_server->url(QStringLiteral("/echo")));
        request.setBodyFile(QStringLiteral("/nonexistent/classdesk/file.bin"), 0, 10);
        HttpJob *job = transport()->send(request);
        QVERIFY(!job->isFinished());
        QSignalSpy spy(job, &HttpJob::finished);
        QVERIFY(spy.wait(WaitMs));

        QCOMPARE(spy.count(), 1);
        QCOMPARE(job->result().error().code, QStringLiteral("local.read_failed"));
    }

    void decodesCompressedBody_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("gzip from handler") << QStringLiteral("/gzip");
        QTest::newRow("server's choice") << QStringLiteral("/json");
    }

    void decodesCompressedBody()
    {
        QFETCH(QString, path);
        HttpJob *job = transport()->send(HttpRequest("GET", m_server->url(path)));
        QVERIFY(waitForJob(job));

        QVERIFY(job->result().has_value());
        QVERIFY(job->result()->hasHeader("Content-Encoding"));
        QCOMPARE(job->result()->body, QByteArray::fromStdString(largeText()));
    }

    void offersGzip()
    {
        HttpJob *job = transport()->send(HttpRequest("GET", m_server->url(QStringLiteral("/gzip"))));
        QVERIFY(waitForJob(job));

        std::lock_guard lock(m_mutex);
        QVERIFY2(m_lastAcceptEncoding.find("gzip") != std::string::npos, m_lastAcceptEncoding.c_str());
    }

    void stalledResponseTimesOut()
    {
        HttpRequest request("GET", m_server->url(QStringLiteral("/stall")));
        request.setTimeout(300ms);
        HttpJob *job = transport()->send(request);
        QVERIFY(waitForJob(job));

        QVERIFY(!job->result().has_value());
        QCOMPARE(job->result().error().code, QStringLiteral("network.timeout"));
        QVERIFY(job->result().error().retryable);
        QVERIFY(!job->result().error().message.isEmpty());
    }

    void refusedConnectionIsUnreachable()
    {
        HttpJob *job = transport()->send(HttpRequest("GET", closedPortUrl()));
        QVERIFY(waitForJob(job));

        QVERIFY(!job->result().has_value());
        QCOMPARE(job->result().error().code, QStringLiteral("network.unreachable"));
        QVERIFY(job->result().error().retryable);
    }

    void explicitProxyIsUsed()
    {
        // The target works, so only going through the (closed) proxy can fail.
        HttpSettings settings;
        settings.proxy = closedPortUrl().toString();
        transport()->setSettings(settings);
        HttpJob *job = transport()->send(HttpRequest("GET", m_server->url(QStringLiteral("/port?n=1"))));
        QVERIFY(waitForJob(job));

        QVERIFY(!job->result().has_value());
        QCOMPARE(job->result().error().code, QStringLiteral("network.unreachable"));
    }

    void errorStatusesAreClassified_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("retryable");

        QTest::newRow("401 token_expired") << 401 << "token_expired" << "server.token_expired" << false;
        QTest::newRow("401 invalid_credentials") << 401 << "invalid_credentials" << "server.invalid_credentials" << false;
        QTest::newRow("403 forbidden") << 403 << "forbidden" << "server.forbidden" << false;
        QTest::newRow("409 conflict") << 409 << "version_conflict" << "server.version_conflict" << false;
        QTest::newRow("413 too large") << 413 << "payload_too_large" << "server.payload_too_large" << false;
        QTest::newRow("429 too many") << 429 << "too_many_attempts" << "server.too_many_attempts" << true;
        QTest::newRow("507 storage full") << 507 << "insufficient_storage" << "server.insufficient_storage" << true;
        QTest::newRow("500 without body") << 500 << "" << "http.500" << true;
        QTest::newRow("404 without body") << 404 << "" << "http.404" << false;
    }

    void errorStatusesAreClassified()
    {
        QFETCH(int, status);
        QFETCH(QString, problem);
        QFETCH(QString, code);
        QFETCH(bool, retryable);

        const QUrl url = m_server->url(QStringLiteral("/problem?status=%1&code=%2").arg(status).arg(problem));
        HttpJob *job = transport()->send(HttpRequest("GET", url));
        QVERIFY(waitForJob(job));

        QVERIFY(!job->result().has_value());
        QCOMPARE(job->result().error().code, code);
        QCOMPARE(job->result().error().httpStatus, status);
        QCOMPARE(job->result().error().retryable, retryable);
        QVERIFY(!job->result().error().message.isEmpty());
        QCOMPARE(job->response().status, status);
    }

    void tooManyRequestsCarriesRetryAfter()
    {
        const QUrl url = m_server->url(QStringLiteral("/problem?status=429&code=too_many_attempts&retry_after=17"));
        HttpJob *job = transport()->send(HttpRequest("GET", url));
        QVERIFY(waitForJob(job));

        QCOMPARE(job->result().error().httpStatus, 429);
        QCOMPARE(job->response().retryAfter(), std::optional(17s));
    }

    void retryAfterParsesHttpDate_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("seconds");

        QTest::newRow("delta seconds") << QByteArray("120") << 120;
        QTest::newRow("date in 90 s") << QByteArray("Sun, 06 Nov 1994 08:51:07 GMT") << 90;
        QTest::newRow("date in the past") << QByteArray("Sun, 06 Nov 1994 08:00:00 GMT") << 0;
        QTest::newRow("garbage") << QByteArray("soon") << -1;
        QTest::newRow("negative") << QByteArray("-5") << -1;
    }

    void retryAfterParsesHttpDate()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, seconds);

        HttpResponse response;
        response.headers.append({"retry-after", value});
        const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc());
        const auto parsed = response.retryAfter(now);
        if (seconds < 0)
            QVERIFY(!parsed.has_value());
        else
            QCOMPARE(parsed, std::optional(std::chrono::seconds(seconds)));
    }

    void curlFailuresMapToCodes_data()
    {
        QTest::addColumn<int>("curlCode");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("retryable");

        QTest::newRow("dns") << int(CURLE_COULDNT_RESOLVE_HOST) << "network.host_not_found" << true;
        QTest::newRow("proxy dns") << int(CURLE_COULDNT_RESOLVE_PROXY) << "network.host_not_found" << true;
        QTest::newRow("refused") << int(CURLE_COULDNT_CONNECT) << "network.unreachable" << true;
        QTest::newRow("timeout") << int(CURLE_OPERATION_TIMEDOUT) << "network.timeout" << true;
        QTest::newRow("certificate") << int(CURLE_PEER_FAILED_VERIFICATION) << "network.certificate" << false;
        QTest::newRow("connection reset") << int(CURLE_RECV_ERROR) << "network.connection_lost" << true;
    }

    void curlFailuresMapToCodes()
    {
        QFETCH(int, curlCode);
        QFETCH(QString, code);
        QFETCH(bool, retryable);

        const Error error = HttpErrors::fromCurl(CURLcode(curlCode));
        QCOMPARE(error.code, code);
        QCOMPARE(error.retryable, retryable);
        QVERIFY(!error.message.isEmpty());
    }

    void concurrentJobsAllFinishOnce()
    {
        constexpr int JobCount = 40;
        QList<HttpJob *> jobs;
        QList<std::shared_ptr<QSignalSpy>> spies;
        for (int i = 0; i < JobCount; ++i) {
            jobs.append(transport()->send(HttpRequest("GET", m_server->url(QStringLiteral("/port?n=%1").arg(i)))));
            spies.append(std::make_shared<QSignalSpy>(jobs.last(), &HttpJob::finished));
        }
        QCOMPARE(transport()->runningJobCount(), JobCount);

        for (int i = 0; i < JobCount; ++i) {
            if (spies[i]->isEmpty())
                QVERIFY(spies[i]->wait(WaitMs));
        }
        // Give a stray second finished() the chance to arrive before counting.
        QVERIFY(!spies.last()->wait(50));

        for (int i = 0; i < JobCount; ++i) {
            QCOMPARE(spies[i]->count(), 1);
            QVERIFY(jobs[i]->result().has_value());
            QCOMPARE(jobs[i]->result()->body, QByteArray::number(i));
        }
        QCOMPARE(transport()->runningJobCount(), 0);
        std::lock_guard lock(m_mutex);
        QVERIFY(m_remotePorts.size() <= size_t(transport()->settings().maxConnectionsPerHost));
    }

    void sequentialRequestsReuseConnection()
    {
        for (int i = 0; i < 3; ++i) {
            HttpJob *job = transport()->send(HttpRequest("GET", m_server->url(QStringLiteral("/port?n=%1").arg(i))));
            QVERIFY(waitForJob(job));
            QVERIFY(job->result().has_value());
        }
        std::lock_guard lock(m_mutex);
        QCOMPARE(m_remotePorts.size(), size_t(1));
    }

    void abortFinishesOnceAsCancelled()
    {
        HttpJob *job = transport()->send(HttpRequest("GET", m_server->url(QStringLiteral("/stall"))));
        QSignalSpy spy(job, &HttpJob::finished);
        job->abort();
        job->abort();
        QCOMPARE(spy.count(), 0);
        QVERIFY(spy.wait(WaitMs));

        QVERIFY(!spy.wait(50));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(job->result().error().code, QStringLiteral("network.cancelled"));
        QCOMPARE(transport()->runningJobCount(), 0);
    }

    void deletingRunningJobIsSafe()
    {
        HttpJob *stalled = transport()->send(HttpRequest("GET", m_server->url(QStringLiteral("/stall"))));
        delete stalled;
        QCOMPARE(transport()->runningJobCount(), 0);

        HttpJob *job = transport()->send(HttpRequest("GET", m_server->url(QStringLiteral("/port?n=7"))));
        QVERIFY(waitForJob(job));
        QVERIFY(job->result().has_value());
    }

    void runsInWorkerThread()
    {
        QThread worker;
        auto *transport = new HttpTransport;
        transport->moveToThread(&worker);
        connect(&worker, &QThread::finished, transport, &QObject::deleteLater);
        worker.start();

        QByteArray body;
        QSignalSpy received(this, &HttpTransportTest::workerReplied);
        const QUrl url = m_server->url(QStringLiteral("/port?n=42"));
        QMetaObject::invokeMethod(transport, [this, transport, url] {
            HttpJob *job = transport->send(HttpRequest("GET", url));
            connect(job, &HttpJob::finished, transport, [this, job] {
                emit workerReplied(job->result() ? job->result()->body : QByteArray(),
                                   QThread::currentThread() != thread());
                job->deleteLater();
            });
        });
        QVERIFY(received.wait(WaitMs));
        worker.quit();
        QVERIFY(worker.wait(WaitMs));

        QCOMPARE(received.first().at(0).toByteArray(), QByteArray("42"));
        QCOMPARE(received.first().at(1).toBool(), true);
    }

    void logsHideSecrets()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("classdesk.sync.http.debug=true"));
        capturedLog.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);

        HttpRequest request("POST", m_server->url(QStringLiteral("/echo?token=query-secret&limit=5")));
        request.addHeader("Authorization", "Bearer header-secret");
        request.setBody("password=body-secret", "application/x-www-form-urlencoded");
        HttpJob *job = transport()->send(request);
        const bool finished = waitForJob(job);
        qInstallMessageHandler(previous);

        QVERIFY(finished);
        const QString log = capturedLog.join(QLatin1Char('\n'));
        QVERIFY2(log.contains(QLatin1String("/echo")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("limit=5")), qPrintable(log));
        QVERIFY(!log.contains(QLatin1String("query-secret")));
        QVERIFY(!log.contains(QLatin1String("header-secret")));
        QVERIFY(!log.contains(QLatin1String("body-secret")));
    }

    void unknownCertificateIsRejected();
    void customCaFileIsTrusted();

signals:
    void workerReplied(const QByteArray &body, bool fromOtherThread);

private:
    static std::string largeText()
    {
        std::string text = "[";
        for (int i = 0; i < 2000; ++i)
            text += "{\"student\": " + std::to_string(i) + ", \"present\": true},";
        text.back() = ']';
        return text;
    }

    HttpTransport *transport()
    {
        if (!m_transport)
            m_transport = std::make_unique<HttpTransport>();
        return m_transport.get();
    }

    // A loopback port that was free a moment ago and has no listener now.
    static QUrl closedPortUrl()
    {
        LoopbackServer probe;
        if (!probe.start())
            return {};
        const QUrl url = probe.url(QStringLiteral("/"));
        probe.stop();
        return url;
    }

    // Makes a self-signed certificate for 127.0.0.1 with the openssl command.
    [[nodiscard]] bool makeCertificate(const QTemporaryDir &folder)
    {
        QProcess openssl;
        QSignalSpy done(&openssl, &QProcess::finished);
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                       QStringLiteral("-keyout"), folder.filePath(QStringLiteral("key.pem")),
                       QStringLiteral("-out"), folder.filePath(QStringLiteral("cert.pem"))});
        if (!openssl.waitForStarted(WaitMs))
            return false;
        return done.wait(30000) && openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0;
    }

    [[nodiscard]] std::unique_ptr<LoopbackServer> startTlsServer(const QTemporaryDir &folder)
    {
        auto server = std::make_unique<LoopbackServer>(std::make_unique<httplib::SSLServer>(
            folder.filePath(QStringLiteral("cert.pem")).toStdString().c_str(),
            folder.filePath(QStringLiteral("key.pem")).toStdString().c_str()));
        if (!server->http().is_valid())
            return nullptr;
        server->http().Get("/hello", [](const httplib::Request &, httplib::Response &response) {
            response.set_content("secure", "text/plain");
        });
        if (!server->start())
            return nullptr;
        return server;
    }

    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<HttpTransport> m_transport;
    Gate m_gate;
    std::mutex m_mutex;
    std::string m_lastAuthorization;
    std::string m_lastContentType;
    std::string m_lastAcceptEncoding;
    std::set<int> m_remotePorts;
};

// cpp-httplib's pkg-config flags define CPPHTTPLIB_OPENSSL_SUPPORT on Debian 12,
// which provides httplib::SSLServer.
void HttpTransportTest::unknownCertificateIsRejected()
{
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
    QSKIP("cpp-httplib was built without OpenSSL, so there is no TLS test server");
#else
    QTemporaryDir folder;
    if (!makeCertificate(folder))
        QSKIP("the openssl command could not make a test certificate");
    const auto server = startTlsServer(folder);
    QVERIFY(server);

    HttpJob *job = transport()->send(HttpRequest("GET", server->url(QStringLiteral("/hello"), QStringLiteral("https"))));
    QVERIFY(waitForJob(job));

    QVERIFY(!job->result().has_value());
    QCOMPARE(job->result().error().code, QStringLiteral("network.certificate"));
    QVERIFY(!job->result().error().retryable);
#endif
}

void HttpTransportTest::customCaFileIsTrusted()
{
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
    QSKIP("cpp-httplib was built without OpenSSL, so there is no TLS test server");
#else
    QTemporaryDir folder;
    if (!makeCertificate(folder))
        QSKIP("the openssl command could not make a test certificate");
    const auto server = startTlsServer(folder);
    QVERIFY(server);

    HttpSettings settings;
    settings.caFile = folder.filePath(QStringLiteral("cert.pem"));
    transport()->setSettings(settings);
    HttpJob *job = transport()->send(HttpRequest("GET", server->url(QStringLiteral("/hello"), QStringLiteral("https"))));
    QVERIFY(waitForJob(job));

    QVERIFY2(job->result().has_value(), qPrintable(job->result() ? QString() : job->result().error().toLogString()));
    QCOMPARE(job->result()->body, QByteArray("secure"));
#endif
}

QTEST_GUILESS_MAIN(HttpTransportTest)
#include "tst_httptransport.moc"
