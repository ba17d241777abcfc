// SPDX-License-Identifier: GPL-3.0-or-later
//
// tus uploads, file lookup and download against the real server, including a
// restart in the middle of an upload.

#include "servertestsupport.h"

#include <QRandomGenerator>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace ServerTestSupport;

class ServerUploadsTest : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    QString m_alice;
    QString m_bob;   // same school
    QString m_carol; // another school

    static QByteArray makeContent(qsizetype size, quint32 seed)
    {
        QByteArray data(size, Qt::Uninitialized);
        QRandomGenerator generator(seed);
        for (qsizetype i = 0; i < size; ++i)
            data[i] = static_cast<char>(generator.bounded(256));
        return data;
    }

    static QByteArray metadata(const QString &sha256, const QByteArray &filename = "lesson.pdf")
    {
        return "Upload-Metadata: filename " + filename.toBase64() + ",content_type "
            + QByteArray("application/pdf").toBase64() + ",sha256 " + sha256.toLatin1().toBase64();
    }

    // Creates an upload and returns its URL, or an empty string.
    static QString create(const ServerProcess &server, const QString &token, qsizetype length, const QString &sha256)
    {
        const Reply reply = request("POST", server.baseUrl() + QStringLiteral("uploads"), QByteArray(""),
                                    {bearer(token), "Tus-Resumable: 1.0.0", "Upload-Length: " + QByteArray::number(length),
                                     metadata(sha256)});
        if (reply.status != 201)
            return {};
        const QByteArray location = reply.header("location");
        return server.baseUrl() + QString::fromLatin1(location.mid(location.indexOf("uploads/")));
    }

    static Reply patch(const QString &url, const QString &token, qint64 offset, const QByteArray &chunk,
                       const QByteArray &checksum = {})
    {
        QList<QByteArray> headers{bearer(token), "Tus-Resumable: 1.0.0", "Content-Type: application/offset+octet-stream",
                                  "Upload-Offset: " + QByteArray::number(offset)};
        headers << "Upload-Checksum: sha256 "
                + (checksum.isNull() ? QCryptographicHash::hash(chunk, QCryptographicHash::Sha256).toBase64() : checksum);
        const Reply reply = request("PATCH", url, chunk, headers);
        ResponseLog::instance().record(QStringLiteral("patch"), QStringLiteral("/uploads/{upload_id}"), reply);
        return reply;
    }

    static Reply head(const QString &url, const QString &token)
    {
        return request("HEAD", url, {}, {bearer(token), "Tus-Resumable: 1.0.0"});
    }

    // Sends a PATCH whose headers announce `announced` bytes but writes only
    // `body`, leaving the socket open; returns the socket or -1.
    static int sendTornPatch(const QString &url, const QString &token, const QByteArray &body, qsizetype announced,
                             const QByteArray &extraHeader = {})
    {
        const QUrl parsed(url);
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<quint16>(parsed.port()));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            return -1;
        QByteArray message = "PATCH " + parsed.path().toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + bearer(token)
            + "\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
            + "Content-Length: " + QByteArray::number(announced) + "\r\n";
        if (!extraHeader.isEmpty())
            message += extraHeader + "\r\n";
        message += "\r\n" + body;
        if (::send(fd, message.constData(), static_cast<size_t>(message.size()), 0) != message.size()) {
            ::close(fd);
            return -1;
        }
        return fd;
    }

    // Uploads data in two chunks and returns the file id.
    QString uploadWhole(const QByteArray &data)
    {
        const QString url = create(m_server, m_alice, data.size(), sha256Hex(data));
        if (url.isEmpty())
            return {};
        const qsizetype half = data.size() / 2;
        if (patch(url, m_alice, 0, data.left(half)).status != 204)
            return {};
        return QString::fromLatin1(patch(url, m_alice, half, data.mid(half)).header("classdesk-file-id"));
    }

private slots:
    void initTestCase()
    {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        QVERIFY(m_server.addTeacher(QStringLiteral("alice"), QStringLiteral("a-secret"), QStringLiteral("North School")));
        QVERIFY(m_server.addTeacher(QStringLiteral("bob"), QStringLiteral("b-secret"), QStringLiteral("North School")));
        QVERIFY(m_server.addTeacher(QStringLiteral("carol"), QStringLiteral("c-secret"), QStringLiteral("South School")));
        QVERIFY(m_server.start());
        m_alice = m_server.signIn(QStringLiteral("alice"), QStringLiteral("a-secret"));
        m_bob = m_server.signIn(QStringLiteral("bob"), QStringLiteral("b-secret"));
        m_carol = m_server.signIn(QStringLiteral("carol"), QStringLiteral("c-secret"));
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty() && !m_carol.isEmpty());
    }

    void cleanupTestCase()
    {
        const QString problems = ResponseLog::instance().validate(m_server.dataFolder());
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        m_server.stop();
        curl_global_cleanup();
    }

    void optionsListsTusCapabilities()
    {
        const Reply reply = request("OPTIONS", m_server.baseUrl() + QStringLiteral("uploads"));
        QCOMPARE(reply.status, 204L);
        QCOMPARE(reply.header("tus-version"), QByteArray("1.0.0"));
        QCOMPARE(reply.header("tus-resumable"), QByteArray("1.0.0"));
        QCOMPARE(reply.header("tus-extension"), QByteArray("creation,checksum,termination"));
        QCOMPARE(reply.header("tus-checksum-algorithm"), QByteArray("sha256"));
    }

    void uploadStoresFileAndServesRanges()
    {
        const QByteArray data = makeContent(300 * 1024 + 17, 1);
        const QString url = create(m_server, m_alice, data.size(), sha256Hex(data));
        QVERIFY(!url.isEmpty());

        const Reply first = patch(url, m_alice, 0, data.left(100000));
        QCOMPARE(first.status, 204L);
        QCOMPARE(first.header("upload-offset"), QByteArray("100000"));
        QVERIFY(first.header("classdesk-file-id").isEmpty());
        QCOMPARE(head(url, m_alice).header("upload-offset"), QByteArray("100000"));

        const Reply last = patch(url, m_alice, 100000, data.mid(100000));
        QCOMPARE(last.status, 204L);
        const QString fileId = QString::fromLatin1(last.header("classdesk-file-id"));
        QVERIFY(!fileId.isEmpty());
        QCOMPARE(head(url, m_alice).header("classdesk-file-id"), fileId.toLatin1());

        const Reply metadataReply = m_server.call("GET", QStringLiteral("files/") + fileId, m_alice, QStringLiteral("/files/{file_id}"));
        QCOMPARE(metadataReply.status, 200L);
        QCOMPARE(metadataReply.json()[QStringLiteral("sha256")].toString(), sha256Hex(data));
        QCOMPARE(metadataReply.json()[QStringLiteral("size")].toInteger(), data.size());
        QCOMPARE(metadataReply.json()[QStringLiteral("filename")].toString(), QStringLiteral("lesson.pdf"));

        const Reply whole = request("GET", m_server.baseUrl() + QStringLiteral("files/%1/content").arg(fileId), {}, {bearer(m_alice)});
        QCOMPARE(whole.status, 200L);
        QCOMPARE(whole.body, data);

        const Reply range = request("GET", m_server.baseUrl() + QStringLiteral("files/%1/content").arg(fileId), {},
                                    {bearer(m_alice), "Range: bytes=1000-1999"});
        QCOMPARE(range.status, 206L);
        QCOMPARE(range.body, data.mid(1000, 1000));
        QCOMPARE(range.header("content-range"), QByteArray("bytes 1000-1999/") + QByteArray::number(data.size()));

        const Reply outside = request("GET", m_server.baseUrl() + QStringLiteral("files/%1/content").arg(fileId), {},
                                      {bearer(m_alice), "Range: bytes=" + QByteArray::number(data.size() + 10) + "-"});
        QCOMPARE(outside.status, 416L);

        // Lookup finds it by content for anyone in the school, not elsewhere.
        const QByteArray lookupBody = json({{QStringLiteral("sha256"), sha256Hex(data)}, {QStringLiteral("size"), data.size()}});
        const Reply found = m_server.call("POST", QStringLiteral("files/lookup"), m_bob, QStringLiteral("/files/lookup"), lookupBody);
        QCOMPARE(found.status, 200L);
        QCOMPARE(found.json()[QStringLiteral("file_id")].toString(), fileId);
        const Reply foreign = m_server.call("POST", QStringLiteral("files/lookup"), m_carol, QStringLiteral("/files/lookup"), lookupBody);
        QCOMPARE(foreign.status, 404L);
        QCOMPARE(foreign.code(), QStringLiteral("file_not_found"));
        QCOMPARE(m_server.call("GET", QStringLiteral("files/") + fileId, m_carol, QStringLiteral("/files/{file_id}")).status, 404L);
        QCOMPARE(request("GET", m_server.baseUrl() + QStringLiteral("files/%1/content").arg(fileId), {}, {bearer(m_carol)}).status, 404L);
    }

    void lookupOfUnknownContentIsNotFound()
    {
        const Reply reply = m_server.call("POST", QStringLiteral("files/lookup"), m_alice, QStringLiteral("/files/lookup"),
                                          json({{QStringLiteral("sha256"), QString(64, QLatin1Char('a'))}, {QStringLiteral("size"), 5}}));
        QCOMPARE(reply.status, 404L);
        QCOMPARE(reply.code(), QStringLiteral("file_not_found"));
        const Reply bad = m_server.call("POST", QStringLiteral("files/lookup"), m_alice, QStringLiteral("/files/lookup"), "{}");
        QCOMPARE(bad.status, 400L);
    }

    void chunkChecksumMismatchIsRejected()
    {
        const QByteArray data = makeContent(4096, 2);
        const QString url = create(m_server, m_alice, data.size(), sha256Hex(data));
        const Reply reply = patch(url, m_alice, 0, data, QCryptographicHash::hash("other", QCryptographicHash::Sha256).toBase64());
        QCOMPARE(reply.status, 460L);
        QCOMPARE(reply.code(), QStringLiteral("checksum_mismatch"));
        QCOMPARE(head(url, m_alice).header("upload-offset"), QByteArray("0"));

        // The same chunk with the right checksum then completes the file.
        QCOMPARE(patch(url, m_alice, 0, data).status, 204L);
    }

    void wholeFileMismatchDiscardsUpload()
    {
        const QByteArray data = makeContent(2048, 3);
        const QString url = create(m_server, m_alice, data.size(), sha256Hex("something else"));
        const Reply reply = patch(url, m_alice, 0, data);
        QCOMPARE(reply.status, 400L);
        QCOMPARE(reply.code(), QStringLiteral("file_checksum_mismatch"));
        QCOMPARE(head(url, m_alice).status, 404L);
    }

    void protocolErrorsAreReported()
    {
        const QByteArray data = makeContent(1024, 4);
        const QString url = create(m_server, m_alice, data.size(), sha256Hex(data));

        const Reply wrongOffset = patch(url, m_alice, 10, data.mid(10));
        QCOMPARE(wrongOffset.status, 409L);
        QCOMPARE(wrongOffset.code(), QStringLiteral("offset_mismatch"));

        const Reply noVersion = request("PATCH", url, data, {bearer(m_alice), "Content-Type: application/offset+octet-stream", "Upload-Offset: 0"});
        QCOMPARE(noVersion.status, 412L);
        QCOMPARE(noVersion.code(), QStringLiteral("unsupported_tus_version"));

        const Reply wrongType = request("PATCH", url, data, {bearer(m_alice), "Tus-Resumable: 1.0.0", "Content-Type: text/plain", "Upload-Offset: 0"});
        QCOMPARE(wrongType.status, 415L);

        const Reply tooLong = patch(url, m_alice, 0, data + "extra");
        QCOMPARE(tooLong.status, 400L);
        QCOMPARE(head(url, m_alice).header("upload-offset"), QByteArray("0"));

        const Reply noSha = request("POST", m_server.baseUrl() + QStringLiteral("uploads"), QByteArray(""),
                                    {bearer(m_alice), "Tus-Resumable: 1.0.0", "Upload-Length: 10"});
        QCOMPARE(noSha.status, 400L);
        QCOMPARE(noSha.code(), QStringLiteral("invalid_request"));

        // Other teachers cannot see the upload at all.
        QCOMPARE(head(url, m_bob).status, 404L);
        QCOMPARE(patch(url, m_carol, 0, data).status, 404L);
    }

    // Every early response to a PATCH must leave the kept-alive connection able
    // to carry the next request: unread body bytes parsed as a request would
    // fail it with 400.
    void rejectedPatchKeepsConnectionUsable()
    {
        const QByteArray data = makeContent(200 * 1024, 12);
        const QString url = create(m_server, m_alice, data.size(), sha256Hex(data));
        QVERIFY(!url.isEmpty());
        const QString health = m_server.baseUrl() + QStringLiteral("health");
        const QByteArray checksum = "Upload-Checksum: sha256 " + QCryptographicHash::hash(data, QCryptographicHash::Sha256).toBase64();

        struct Case
        {
            const char *name;
            QList<QByteArray> headers;
            QByteArray body;
            long status;
        };
        const QByteArray type = "Content-Type: application/offset+octet-stream";
        const QByteArray version = "Tus-Resumable: 1.0.0";
        const QList<Case> cases{
            {"wrong offset", {bearer(m_alice), version, type, "Upload-Offset: 10", checksum}, data, 409},
            {"wrong content type", {bearer(m_alice), version, "Content-Type: text/plain", "Upload-Offset: 0"}, data, 415},
            {"no tus version", {bearer(m_alice), type, "Upload-Offset: 0"}, data, 412},
            {"invalid token", {bearer(QStringLiteral("not-a-token")), version, type, "Upload-Offset: 0"}, data, 401},
            {"another school", {bearer(m_carol), version, type, "Upload-Offset: 0"}, data, 404},
            {"body past the length", {bearer(m_alice), version, type, "Upload-Offset: 0"}, data + "extra", 400},
            {"checksum mismatch", {bearer(m_alice), version, type, "Upload-Offset: 0",
                                   "Upload-Checksum: sha256 " + QByteArray(32, 'x').toBase64()}, data, 460},
        };

        // cpp-httplib serves 5 requests per connection, so each case gets its own.
        for (const Case &testCase : cases) {
            RawConnection connection(m_server.baseUrl());
            QVERIFY(connection.isOpen());
            const Reply rejected = connection.exchange("PATCH", url, testCase.body, testCase.headers);
            QVERIFY2(rejected.status == testCase.status,
                     qPrintable(QStringLiteral("%1: status %2").arg(QLatin1String(testCase.name)).arg(rejected.status)));
            const Reply next = connection.exchange("GET", health);
            QVERIFY2(next.status == 200,
                     qPrintable(QStringLiteral("after %1: status %2 %3")
                                    .arg(QLatin1String(testCase.name))
                                    .arg(next.status)
                                    .arg(QString::fromUtf8(next.body))));
        }

        // After all of them the upload is untouched and takes the whole file.
        RawConnection connection(m_server.baseUrl());
        QVERIFY(connection.isOpen());
        const Reply stored = connection.exchange("PATCH", url, data, {bearer(m_alice), version, type, "Upload-Offset: 0", checksum});
        QCOMPARE(stored.status, 204L);
        QVERIFY(!stored.header("classdesk-file-id").isEmpty());
    }

    void terminationDeletesUpload()
    {
        const QByteArray data = makeContent(1024, 5);
        const QString url = create(m_server, m_alice, data.size(), sha256Hex(data));
        QCOMPARE(patch(url, m_alice, 0, data.left(100)).status, 204L);
        QCOMPARE(request("DELETE", url, {}, {bearer(m_bob), "Tus-Resumable: 1.0.0"}).status, 404L);
        QCOMPARE(request("DELETE", url, {}, {bearer(m_alice), "Tus-Resumable: 1.0.0"}).status, 204L);
        QCOMPARE(head(url, m_alice).status, 404L);
    }

    void sameContentIsStoredOnce()
    {
        const QByteArray data = makeContent(5000, 6);
        const QString first = uploadWhole(data);
        const QString second = uploadWhole(data);
        QVERIFY(!first.isEmpty());
        QCOMPARE(second, first);
    }

    void uploadResumesAfterRestart()
    {
        ServerProcess server;
        QVERIFY(server.addTeacher(QStringLiteral("dora"), QStringLiteral("d-secret"), QStringLiteral("North School")));
        QVERIFY(server.start());
        const QString token = server.signIn(QStringLiteral("dora"), QStringLiteral("d-secret"));
        const QByteArray data = makeContent(2 * 1024 * 1024, 7);
        const QString url = create(server, token, data.size(), sha256Hex(data));
        QVERIFY(!url.isEmpty());
        const qsizetype half = 1024 * 1024 + 3;
        QCOMPARE(patch(url, token, 0, data.left(half)).status, 204L);

        server.kill();
        QVERIFY(server.start());
        const QString path = url.mid(url.indexOf(QStringLiteral("/api/v1/")) + 8);
        const QString resumed = server.baseUrl() + path;

        const Reply offset = head(resumed, token);
        QCOMPARE(offset.status, 200L);
        QCOMPARE(offset.header("upload-offset"), QByteArray::number(half));
        QCOMPARE(offset.header("upload-length"), QByteArray::number(data.size()));

        const Reply last = patch(resumed, token, half, data.mid(half));
        QCOMPARE(last.status, 204L);
        const QString fileId = QString::fromLatin1(last.header("classdesk-file-id"));
        QVERIFY(!fileId.isEmpty());
        const Reply content = request("GET", server.baseUrl() + QStringLiteral("files/%1/content").arg(fileId), {}, {bearer(token)});
        QCOMPARE(sha256Hex(content.body), sha256Hex(data));
    }

    void tornBodyKeepsOnlyVerifiableBytes()
    {
        const QByteArray data = makeContent(64 * 1024, 8);
        const QByteArray part = data.left(20000);

        // Without a checksum the bytes that arrived are kept.
        const QString plain = create(m_server, m_alice, data.size(), sha256Hex(data));
        int fd = sendTornPatch(plain, m_alice, part, data.size());
        QVERIFY(fd >= 0);
        QThread::msleep(300);
        ::close(fd);
        QTRY_COMPARE(head(plain, m_alice).header("upload-offset"), QByteArray::number(part.size()));
        QCOMPARE(patch(plain, m_alice, part.size(), data.mid(part.size())).status, 204L);

        // With a checksum for the whole body, a torn body cannot be verified and is dropped.
        const QString checked = create(m_server, m_alice, data.size(), sha256Hex(data));
        fd = sendTornPatch(checked, m_alice, part, data.size(),
                           "Upload-Checksum: sha256 " + QCryptographicHash::hash(data, QCryptographicHash::Sha256).toBase64());
        QVERIFY(fd >= 0);
        QThread::msleep(300);
        ::close(fd);
        QThread::msleep(300);
        QCOMPARE(head(checked, m_alice).header("upload-offset"), QByteArray("0"));
    }

    void shutdownDuringPatchKeepsConsistentOffset()
    {
        ServerProcess server;
        QVERIFY(server.addTeacher(QStringLiteral("finn"), QStringLiteral("f-secret"), QStringLiteral("North School")));
        QVERIFY(server.start());
        const QString token = server.signIn(QStringLiteral("finn"), QStringLiteral("f-secret"));
        const QByteArray data = makeContent(256 * 1024, 9);
        const QString url = create(server, token, data.size(), sha256Hex(data));
        const QByteArray part = data.left(100000);

        // SIGTERM while a PATCH body is still due: the server ends that
        // request when its read times out (cpp-httplib's default is 5 s),
        // stores what arrived and exits cleanly.
        const int fd = sendTornPatch(url, token, part, data.size());
        QVERIFY(fd >= 0);
        QThread::msleep(300);
        server.process().terminate();
        QVERIFY(server.process().waitForFinished(15000));
        ::close(fd);
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);

        QVERIFY(server.start());
        const QString resumed = server.baseUrl() + url.mid(url.indexOf(QStringLiteral("/api/v1/")) + 8);
        const QByteArray offset = head(resumed, token).header("upload-offset");
        QCOMPARE(offset, QByteArray::number(part.size()));
        const Reply last = patch(resumed, token, part.size(), data.mid(part.size()));
        QCOMPARE(last.status, 204L);
        QVERIFY(!last.header("classdesk-file-id").isEmpty());
    }

    void abandonedUploadExpires()
    {
        ServerProcess server;
        QVERIFY(server.addTeacher(QStringLiteral("eve"), QStringLiteral("e-secret"), QStringLiteral("North School")));
        QVERIFY(server.start({QStringLiteral("--upload-expiry"), QStringLiteral("1")}));
        const QString token = server.signIn(QStringLiteral("eve"), QStringLiteral("e-secret"));
        const QString url = create(server, token, 100, sha256Hex("x"));
        QVERIFY(!url.isEmpty());
        QCOMPARE(head(url, token).status, 200L);

        QThread::msleep(2100);
        QCOMPARE(head(url, token).status, 404L);
    }
};

QTEST_GUILESS_MAIN(ServerUploadsTest)
#include "tst_serveruploads.moc"
