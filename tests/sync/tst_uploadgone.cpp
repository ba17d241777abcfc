// SPDX-License-Identifier: GPL-3.0-or-later
//
// A saved tus upload that the server no longer has, answered with 404 or
// 410 (the reference server only sends 404), starts a fresh upload. The
// server is a small tus 1.0 fake on loopback.
#include "httptransport.h"
#include "loopbackserver.h"
#include "tusuploadjob.h"

#include <QCryptographicHash>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ClassDesk;

namespace {

// A tus server with one upload slot. The saved upload answers `goneStatus`.
class TusFake
{
public:
    explicit TusFake(int goneStatus)
    {
        // cpp-httplib answers HEAD with the GET handler and leaves out the body.
        httplib::Server &http = m_server.http();
        http.Get("/files/saved", [this, goneStatus](const httplib::Request &request, httplib::Response &response) {
            record(QString::fromStdString(request.method) + QStringLiteral(" /files/saved"));
            response.status = goneStatus;
            response.set_header("Tus-Resumable", "1.0.0");
        });
        http.Post("/files", [this](const httplib::Request &request, httplib::Response &response) {
            record(QStringLiteral("POST /files"));
            const QMutexLocker lock(&m_mutex);
            m_length = std::stoll(request.get_header_value("Upload-Length"));
            m_content.clear();
            response.status = 201;
            response.set_header("Tus-Resumable", "1.0.0");
            response.set_header("Location", m_server.url(QStringLiteral("/files/new")).toString().toStdString());
        });
        http.Get("/files/new", [this](const httplib::Request &request, httplib::Response &response) {
            record(QString::fromStdString(request.method) + QStringLiteral(" /files/new"));
            const QMutexLocker lock(&m_mutex);
            response.status = 200;
            response.set_header("Tus-Resumable", "1.0.0");
            response.set_header("Cache-Control", "no-store");
            response.set_header("Upload-Offset", std::to_string(m_content.size()));
            response.set_header("Upload-Length", std::to_string(m_length));
        });
        http.Patch("/files/new", [this](const httplib::Request &request, httplib::Response &response) {
            record(QStringLiteral("PATCH /files/new"));
            const QMutexLocker lock(&m_mutex);
            if (std::stoll(request.get_header_value("Upload-Offset")) != m_content.size()) {
                response.status = 409;
                return;
            }
            m_content.append(request.body.data(), qsizetype(request.body.size()));
            response.status = 204;
            response.set_header("Tus-Resumable", "1.0.0");
            response.set_header("Upload-Offset", std::to_string(m_content.size()));
        });
    }

    [[nodiscard]] bool start() { return m_server.start(); }
    [[nodiscard]] QUrl url(const QString &path) const { return m_server.url(path); }

    [[nodiscard]] QStringList requests() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_requests;
    }

    [[nodiscard]] QByteArray content() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_content;
    }

private:
    void record(const QString &request)
    {
        const QMutexLocker lock(&m_mutex);
        m_requests << request;
    }

    LoopbackServer m_server;
    mutable QMutex m_mutex;
    QStringList m_requests;
    QByteArray m_content;
    qint64 m_length = 0;
};

} // namespace

class TestUploadGone : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { LoopbackServer::clearProxyEnvironment(); }

    void vanishedUploadStartsFresh_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("404 Not Found") << 404;
        QTest::newRow("410 Gone") << 410;
    }

    void vanishedUploadStartsFresh()
    {
        QFETCH(int, status);
        TusFake server(status);
        QVERIFY(server.start());

        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("lesson.pdf"));
        QByteArray content(3 * 1024 * 1024 + 5, Qt::Uninitialized);
        for (qsizetype i = 0; i < content.size(); ++i)
            content[i] = char(i * 7 + i / 1000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
        file.close();

        TusUploadSource source;
        source.filePath = path;
        source.size = content.size();
        source.sha256 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        source.fileName = QStringLiteral("lesson.pdf");
        source.contentType = QStringLiteral("application/pdf");

        HttpTransport transport;
        TusUploadJob job(&transport, server.url(QStringLiteral("/files")), source);
        job.setUploadUrl(server.url(QStringLiteral("/files/saved")));
        QSignalSpy urls(&job, &TusUploadJob::uploadUrlChanged);
        QSignalSpy finished(&job, &TusUploadJob::finished);
        job.start();

        QVERIFY(finished.wait(30000));
        QVERIFY2(job.result().has_value(), qPrintable(job.result() ? QString() : job.result().error().toLogString()));
        QCOMPARE(server.content(), content);
        const QStringList requests = server.requests();
        QCOMPARE(requests.value(0), QStringLiteral("HEAD /files/saved"));
        QCOMPARE(requests.value(1), QStringLiteral("POST /files"));
        QCOMPARE(requests.count(QStringLiteral("HEAD /files/saved")), 1);
        // The saved URL is forgotten first, then the new upload's URL is reported.
        QCOMPARE(urls.count(), 2);
        QVERIFY(urls.at(0).at(0).toUrl().isEmpty());
        QCOMPARE(urls.at(1).at(0).toUrl(), server.url(QStringLiteral("/files/new")));
    }
};

QTEST_GUILESS_MAIN(TestUploadGone)
#include "tst_uploadgone.moc"
