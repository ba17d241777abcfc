// SPDX-License-Identifier: GPL-3.0-or-later
//
// Security checks against real processes:
// - after a signed-in session with sync, no token or password is in any
//   file the client wrote: the data folder, its settings or its log;
// - a TLS server whose certificate the client does not trust is refused;
// - the server rejects another school's teacher on every endpoint that
//   takes an id;
// - repeated wrong passwords get 429 with Retry-After.

#include "../server/servertestsupport.h"
#include "../sync/syncfixture.h"

#include "httpjob.h"
#include "httptransport.h"
#include "processkill.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <sqlite3.h>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace SyncFixture;

namespace {

const QString Alice = QStringLiteral("alice");
const QString AlicePassword = QStringLiteral("alice-Pa55word-7f3k");
const QString Carol = QStringLiteral("carol");
const QString CarolPassword = QStringLiteral("carol-Pa55word-2m9q");

// The server keeps only SHA-256 hashes of the tokens it issued.
QSet<QByteArray> issuedTokenHashes(const QString &serverFolder)
{
    QSet<QByteArray> hashes;
    sqlite3 *handle = nullptr;
    const QByteArray path = QFile::encodeName(serverFolder + QStringLiteral("/classdesk-server.sqlite3"));
    if (sqlite3_open_v2(path.constData(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        for (const char *sql : {"SELECT token_hash FROM access_tokens", "SELECT token_hash FROM refresh_tokens"}) {
            sqlite3_stmt *statement = nullptr;
            if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) == SQLITE_OK) {
                while (sqlite3_step(statement) == SQLITE_ROW)
                    hashes.insert(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0))));
            }
            sqlite3_finalize(statement);
        }
    }
    sqlite3_close_v2(handle);
    return hashes;
}

QStringList serverColumn(const QString &serverFolder, const char *sql)
{
    QStringList values;
    sqlite3 *handle = nullptr;
    const QByteArray path = QFile::encodeName(serverFolder + QStringLiteral("/classdesk-server.sqlite3"));
    if (sqlite3_open_v2(path.constData(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) == SQLITE_OK) {
            while (sqlite3_step(statement) == SQLITE_ROW)
                values << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close_v2(handle);
    return values;
}

// Tokens are 43 base64url characters (32 random bytes). Every 43-character
// window of every base64url run in `content` is hashed and looked up, so a
// token is found wherever it sits, even inside a longer run.
bool containsIssuedToken(const QByteArray &content, const QSet<QByteArray> &hashes)
{
    constexpr qsizetype TokenLength = 43;
    static const QRegularExpression s_runs(QStringLiteral("[A-Za-z0-9_-]{43,}"));
    auto matches = s_runs.globalMatch(QString::fromLatin1(content));
    while (matches.hasNext()) {
        const QString run = matches.next().captured();
        for (qsizetype start = 0; start + TokenLength <= run.size(); ++start) {
            const QByteArray window = run.mid(start, TokenLength).toLatin1();
            if (hashes.contains(QCryptographicHash::hash(window, QCryptographicHash::Sha256).toHex()))
                return true;
        }
    }
    return false;
}

QJsonObject mutation(const QString &entity, const QString &op, const QString &id, const QJsonObject &data)
{
    return QJsonObject{{QStringLiteral("idempotency_key"), newId()},
                       {QStringLiteral("entity"), entity},
                       {QStringLiteral("op"), op},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("base_version"), op == QLatin1String("create") ? QJsonValue() : QJsonValue(1)},
                       {QStringLiteral("data"), data}};
}

} // namespace

class TestSecurity : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    QTemporaryDir m_session; // the client's data, settings and log of one signed-in session

    int runTeacher(const QString &mode, int killAfterMs = -1)
    {
        QProcess teacher;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CLASSDESK_TEST_PASSWORD"), AlicePassword);
        // Debug logging on: the log must stay free of secrets at its most verbose.
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("classdesk.*.debug=true"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_session.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_session.filePath(QStringLiteral("cache")));
        teacher.setProcessEnvironment(environment);
        teacher.setStandardOutputFile(m_session.filePath(QStringLiteral("logs/") + mode + QStringLiteral(".out")),
                                      QIODevice::Append);
        teacher.setStandardErrorFile(m_session.filePath(QStringLiteral("logs/") + mode + QStringLiteral(".log")),
                                     QIODevice::Append);
        teacher.start(QStringLiteral(TEACHER_CLIENT_EXECUTABLE),
                      {m_session.filePath(QStringLiteral("data")), serverAddress(m_server), Alice,
                       QStringLiteral("7"), mode});
        if (killAfterMs >= 0) {
            QTest::qWait(killAfterMs);
            return killProcess(teacher) ? 0 : -1;
        }
        if (!teacher.waitForFinished(150000))
            return -1;
        return teacher.exitStatus() == QProcess::NormalExit ? teacher.exitCode() : -2;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_session.isValid());
        for (const char *folder : {"data", "config", "cache", "logs"})
            QVERIFY(QDir(m_session.path()).mkpath(QString::fromLatin1(folder)));
        QVERIFY(m_server.addTeacher(Alice, AlicePassword, QStringLiteral("Alice School")));
        QVERIFY(m_server.addTeacher(Carol, CarolPassword, QStringLiteral("Carol School")));
        QVERIFY(m_server.start());

        // Alice works for a while (marks, rosters, assignments, uploads), then syncs to the end.
        QCOMPARE(runTeacher(QStringLiteral("work"), 4000), 0);
        QCOMPARE(runTeacher(QStringLiteral("finish")), 0);
    }

    void noSecretInFilesAfterSession()
    {
        // The detector finds a token the test itself was just issued, so a miss below is not a blind spot.
        const QByteArray probe = m_server.signIn(Alice, AlicePassword).toLatin1();
        const QSet<QByteArray> hashes = issuedTokenHashes(m_server.dataFolder());
        QVERIFY(containsIssuedToken("{\"refresh\":\"" + probe + "\"}", hashes));
        QVERIFY2(hashes.size() >= 6, "the two client runs and the probe should each have been issued two tokens");

        const QByteArray passwordUtf8 = AlicePassword.toUtf8();
        const QByteArray passwordUtf16(reinterpret_cast<const char *>(AlicePassword.utf16()),
                                       AlicePassword.size() * 2);
        int files = 0;
        qint64 bytes = 0;
        QDirIterator it(m_session.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QByteArray content = file.readAll();
            ++files;
            bytes += content.size();
            QVERIFY2(!content.contains(passwordUtf8), qPrintable(file.fileName() + QStringLiteral(" contains the password")));
            QVERIFY2(!content.contains(passwordUtf16), qPrintable(file.fileName() + QStringLiteral(" contains the password")));
            QVERIFY2(!containsIssuedToken(content, hashes), qPrintable(file.fileName() + QStringLiteral(" contains a token")));
        }
        qInfo("scanned %d files, %lld bytes", files, bytes);
        QVERIFY(QFileInfo(m_session.filePath(QStringLiteral("logs/finish.log"))).size() > 0);
        QVERIFY(QFileInfo::exists(m_session.filePath(QStringLiteral("data/classdesk.sqlite3"))));
    }

    void untrustedCertificateIsRefused()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        QVERIFY2(!openssl.isEmpty(), "openssl is needed to make the test certificate");
        QTemporaryDir folder;
        const QString certificate = folder.filePath(QStringLiteral("certificate.pem"));
        const QString key = folder.filePath(QStringLiteral("key.pem"));
        QCOMPARE(QProcess::execute(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                                             QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                                             QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                                             QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate}),
                 0);

        QProcess server;
        server.start(QStringLiteral(CLASSDESK_NODE_EXECUTABLE),
                     {QStringLiteral(RELIABILITY_SOURCE_DIR "/tlsserver.mjs"), certificate, key});
        QVERIFY(server.waitForReadyRead(10000));
        const QString line = QString::fromUtf8(server.readAllStandardOutput()).trimmed();
        QVERIFY2(line.startsWith(QStringLiteral("Listening on ")), qPrintable(line));
        const QUrl url(QStringLiteral("https://127.0.0.1:%1/api/v1/health").arg(line.section(QLatin1Char(' '), 2)));

        // Refused: the self-signed certificate is in no trusted store.
        HttpTransport transport;
        HttpJob *refused = transport.send(HttpRequest("GET", url));
        QSignalSpy refusedDone(refused, &HttpJob::finished);
        QVERIFY(refused->isFinished() || refusedDone.wait(15000));
        QVERIFY(!refused->result().has_value());
        QCOMPARE(refused->result().error().code, QStringLiteral("network.certificate"));

        // Accepted once the certificate is trusted, so the refusal above was
        // about trust and not a broken server.
        HttpSettings settings = transport.settings();
        settings.caFile = certificate;
        transport.setSettings(settings);
        HttpJob *trusted = transport.send(HttpRequest("GET", url));
        QSignalSpy trustedDone(trusted, &HttpJob::finished);
        QVERIFY(trusted->isFinished() || trustedDone.wait(15000));
        const QString trustedError = trusted->result() ? QString() : trusted->result().error().code;
        QVERIFY2(trusted->result().has_value(), qPrintable(trustedError));
        QCOMPARE(trusted->result()->status, 200);

        QVERIFY(killProcess(server));
    }

    void otherTeachersIdsRejectedEverywhere()
    {
        const QString aliceToken = m_server.signIn(Alice, AlicePassword);
        const QString carolToken = m_server.signIn(Carol, CarolPassword);
        QVERIFY(!aliceToken.isEmpty());
        QVERIFY(!carolToken.isEmpty());
        const auto aliceBefore = serverState(m_server, aliceToken);
        QStringList entities;
        for (const QJsonObject &change : aliceBefore)
            entities << change.value(QStringLiteral("entity")).toString();
        for (const char *entity : {"school", "class", "student", "attendance_session", "attendance_record",
                                   "assignment", "courseware"})
            QVERIFY2(entities.contains(QLatin1String(entity)), entity);

        // Carol's feed contains nothing of Alice's.
        const auto carolState = serverState(m_server, carolToken);
        for (auto it = aliceBefore.cbegin(); it != aliceBefore.cend(); ++it)
            QVERIFY2(!carolState.contains(it.key()), qPrintable(it.key()));

        // Every update and delete of one of Alice's ids is rejected, and a
        // create with her id is rejected as taken.
        int tried = 0;
        for (auto it = aliceBefore.cbegin(); it != aliceBefore.cend(); ++it) {
            const QString entity = it->value(QStringLiteral("entity")).toString();
            const QJsonObject data = it->value(QStringLiteral("data")).toObject();
            const QJsonArray batch{mutation(entity, QStringLiteral("update"), it.key(), data),
                                   mutation(entity, QStringLiteral("delete"), it.key(), {}),
                                   mutation(entity, QStringLiteral("create"), it.key(), data)};
            const auto reply = m_server.call("POST", QStringLiteral("mutations"), carolToken, QStringLiteral("/mutations"),
                                             QJsonDocument(QJsonObject{{QStringLiteral("mutations"), batch}}).toJson());
            const QJsonArray results = reply.json().value(QStringLiteral("results")).toArray();
            QCOMPARE(results.size(), 3);
            for (const QJsonValue result : results) {
                QVERIFY2(result[QStringLiteral("status")].toString() == QLatin1String("rejected"),
                         qPrintable(entity + QLatin1Char(' ') + QString::fromUtf8(QJsonDocument(result.toObject()).toJson())));
                ++tried;
            }
        }

        // Files and uploads: Alice's file ids and upload URLs are not found for Carol.
        const QStringList fileIds = serverColumn(m_server.dataFolder(), "SELECT id FROM files");
        const QStringList fileHashes = serverColumn(m_server.dataFolder(), "SELECT sha256 || ' ' || size FROM files");
        const QStringList uploadIds = serverColumn(m_server.dataFolder(), "SELECT id FROM uploads");
        QVERIFY(!fileIds.isEmpty());
        for (const QString &fileId : fileIds) {
            QCOMPARE(m_server.call("GET", QStringLiteral("files/") + fileId, carolToken, QStringLiteral("/files/{id}")).status, 404L);
            QCOMPARE(m_server.call("GET", QStringLiteral("files/%1/content").arg(fileId), carolToken,
                                   QStringLiteral("/files/{id}/content")).status,
                     404L);
            tried += 2;
        }
        for (const QString &hashAndSize : fileHashes) {
            const QJsonObject lookup{{QStringLiteral("sha256"), hashAndSize.section(QLatin1Char(' '), 0, 0)},
                                     {QStringLiteral("size"), hashAndSize.section(QLatin1Char(' '), 1).toLongLong()}};
            QCOMPARE(m_server.call("POST", QStringLiteral("files/lookup"), carolToken, QStringLiteral("/files/lookup"),
                                   QJsonDocument(lookup).toJson()).status,
                     404L);
            ++tried;
        }
        for (const QString &uploadId : uploadIds) {
            for (const QByteArray &method : {QByteArrayLiteral("HEAD"), QByteArrayLiteral("DELETE")}) {
                QList<QByteArray> headers{bearer(carolToken), "Tus-Resumable: 1.0.0"};
                const Reply reply = request(method, m_server.baseUrl() + QStringLiteral("uploads/") + uploadId, {}, headers);
                QVERIFY2(reply.status == 404, qPrintable(QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(method), uploadId).arg(reply.status)));
                ++tried;
            }
        }
        qInfo("%d requests with Alice's ids, all rejected", tried);

        // Nothing of Alice's changed.
        const auto aliceAfter = serverState(m_server, aliceToken);
        QCOMPARE(aliceAfter.size(), aliceBefore.size());
        for (auto it = aliceBefore.cbegin(); it != aliceBefore.cend(); ++it)
            QCOMPARE(aliceAfter.value(it.key()).value(QStringLiteral("version")), it->value(QStringLiteral("version")));
    }

    void repeatedWrongPasswordsAreThrottled()
    {
        Reply reply;
        int attempts = 0;
        do {
            reply = m_server.passwordGrant(Carol, QStringLiteral("wrong-password"));
            ++attempts;
        } while (reply.status == 401 && attempts < 20);
        QCOMPARE(reply.status, 429L);
        QCOMPARE(reply.code(), QStringLiteral("too_many_attempts"));
        const int retryAfter = reply.header("retry-after").toInt();
        QVERIFY2(retryAfter > 0, reply.header("retry-after").constData());
        qInfo("throttled after %d wrong passwords, Retry-After %d s", attempts - 1, retryAfter);

        // The right password is throttled too until the wait is over.
        QCOMPARE(m_server.passwordGrant(Carol, CarolPassword).status, 429L);
    }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
