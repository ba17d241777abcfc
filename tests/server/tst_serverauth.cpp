// SPDX-License-Identifier: GPL-3.0-or-later
//
// Sign-in, tokens, throttling and two-step verification against the real server.

#include "servertestsupport.h"

#include <QDateTime>
#include <QTest>
#include <QThread>

#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace ServerTestSupport;

namespace {

const QString s_totpSecret = QStringLiteral("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

QByteArray base32Decode(const QString &text)
{
    QByteArray bytes;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar character : text) {
        const int value = character.isDigit() ? character.digitValue() - 2 + 26 : character.toLatin1() - 'A';
        buffer = (buffer << 5) | static_cast<quint32>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            bytes.append(static_cast<char>((buffer >> bits) & 0xff));
        }
    }
    return bytes;
}

// RFC 6238 TOTP with HMAC-SHA1 and six digits, computed independently of the server.
QString totp(qint64 step)
{
    const QByteArray key = base32Decode(s_totpSecret);
    unsigned char counter[8];
    for (int i = 7; i >= 0; --i) {
        counter[i] = static_cast<unsigned char>(step & 0xff);
        step >>= 8;
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha1(), key.constData(), static_cast<int>(key.size()), counter, sizeof counter, digest, &length);
    const unsigned int offset = digest[length - 1] & 0x0f;
    const quint32 binary = ((digest[offset] & 0x7fu) << 24) | (digest[offset + 1] << 16) | (digest[offset + 2] << 8)
        | digest[offset + 3];
    return QStringLiteral("%1").arg(binary % 1000000u, 6, 10, QLatin1Char('0'));
}

} // namespace

class ServerAuthTest : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;

    Reply refresh(const QString &refreshToken)
    {
        const Reply reply = request("POST", m_server.baseUrl() + QStringLiteral("auth/token"),
                                    "grant_type=refresh_token&refresh_token=" + refreshToken.toUtf8(),
                                    {"Content-Type: application/x-www-form-urlencoded"});
        ResponseLog::instance().record(QStringLiteral("post"), QStringLiteral("/auth/token"), reply);
        return reply;
    }

private slots:
    void initTestCase()
    {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        QVERIFY(m_server.addTeacher(QStringLiteral("alice"), QStringLiteral("alice-secret"), QStringLiteral("North School")));
        QVERIFY(m_server.addTeacher(QStringLiteral("otto"), QStringLiteral("otto-secret"), QStringLiteral("North School"),
                                    s_totpSecret));
        QVERIFY(m_server.addTeacher(QStringLiteral("tess"), QStringLiteral("tess-secret"), QStringLiteral("North School")));
        QVERIFY(m_server.start());
    }

    void cleanupTestCase()
    {
        const QString problems = ResponseLog::instance().validate(m_server.dataFolder());
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        m_server.stop();
        curl_global_cleanup();
    }

    void passwordGrantIssuesTokens()
    {
        const Reply reply = m_server.passwordGrant(QStringLiteral("alice"), QStringLiteral("alice-secret"));
        QCOMPARE(reply.status, 200L);
        QCOMPARE(reply.json().value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(reply.json().value(QStringLiteral("expires_in")).toInt(), 900);
        QVERIFY(!reply.json().value(QStringLiteral("refresh_token")).toString().isEmpty());
        QCOMPARE(reply.header("cache-control"), QByteArray("no-store"));

        const QString token = reply.json().value(QStringLiteral("access_token")).toString();
        const Reply me = m_server.call("GET", QStringLiteral("me"), token, QStringLiteral("/me"));
        QCOMPARE(me.status, 200L);
        QCOMPARE(me.json()[QStringLiteral("teacher")][QStringLiteral("username")].toString(), QStringLiteral("alice"));
        QCOMPARE(me.json()[QStringLiteral("school")][QStringLiteral("name")].toString(), QStringLiteral("North School"));
        QCOMPARE(me.json()[QStringLiteral("school")][QStringLiteral("time_zone")].toString(), QStringLiteral("Asia/Shanghai"));
    }

    void tokenRequestErrors_data()
    {
        QTest::addColumn<QByteArray>("form");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<long>("status");
        QTest::addColumn<QString>("code");
        const QByteArray formType = "Content-Type: application/x-www-form-urlencoded";
        QTest::newRow("wrong password") << QByteArray("grant_type=password&username=alice&password=nope") << formType
                                        << 401L << QStringLiteral("invalid_credentials");
        QTest::newRow("unknown user") << QByteArray("grant_type=password&username=nobody&password=x") << formType << 401L
                                      << QStringLiteral("invalid_credentials");
        QTest::newRow("no grant type") << QByteArray("username=alice") << formType << 400L
                                       << QStringLiteral("invalid_request");
        QTest::newRow("unknown grant type") << QByteArray("grant_type=client_credentials") << formType << 400L
                                            << QStringLiteral("unsupported_grant_type");
        QTest::newRow("json body") << QByteArray("{}") << QByteArray("Content-Type: application/json") << 400L
                                   << QStringLiteral("invalid_request");
        QTest::newRow("unknown refresh token") << QByteArray("grant_type=refresh_token&refresh_token=abc") << formType
                                               << 401L << QStringLiteral("invalid_refresh_token");
    }

    void tokenRequestErrors()
    {
        QFETCH(QByteArray, form);
        QFETCH(QByteArray, contentType);
        QFETCH(long, status);
        QFETCH(QString, code);
        const Reply reply = request("POST", m_server.baseUrl() + QStringLiteral("auth/token"), form, {contentType});
        ResponseLog::instance().record(QStringLiteral("post"), QStringLiteral("/auth/token"), reply);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.code(), code);
        QVERIFY(reply.header("content-type").startsWith("application/problem+json"));
    }

    void missingOrBadTokenIsUnauthorized_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("no header") << QByteArray("X-Nothing: 1");
        QTest::newRow("unknown token") << QByteArray("Authorization: Bearer not-a-token");
        QTest::newRow("basic scheme") << QByteArray("Authorization: Basic YTpi");
    }

    void missingOrBadTokenIsUnauthorized()
    {
        QFETCH(QByteArray, header);
        const Reply reply = request("GET", m_server.baseUrl() + QStringLiteral("me"), {}, {header});
        ResponseLog::instance().record(QStringLiteral("get"), QStringLiteral("/me"), reply);
        QCOMPARE(reply.status, 401L);
        QCOMPARE(reply.code(), QStringLiteral("invalid_token"));
        QCOMPARE(reply.header("www-authenticate"), QByteArray("Bearer error=\"invalid_token\""));
    }

    void expiredTokenIsTokenExpired()
    {
        ServerProcess shortLived;
        QVERIFY(shortLived.addTeacher(QStringLiteral("brief"), QStringLiteral("brief-secret"), QStringLiteral("S")));
        QVERIFY(shortLived.start({QStringLiteral("--access-token-ttl"), QStringLiteral("1")}));
        const QString token = shortLived.signIn(QStringLiteral("brief"), QStringLiteral("brief-secret"));
        QVERIFY(!token.isEmpty());
        QCOMPARE(shortLived.call("GET", QStringLiteral("me"), token, QStringLiteral("/me")).status, 200L);

        QThread::msleep(2100);
        const Reply reply = shortLived.call("GET", QStringLiteral("me"), token, QStringLiteral("/me"));
        QCOMPARE(reply.status, 401L);
        QCOMPARE(reply.code(), QStringLiteral("token_expired"));
        QCOMPARE(reply.header("www-authenticate"), QByteArray("Bearer error=\"invalid_token\""));
    }

    void refreshRotatesAndDetectsReuse()
    {
        const Reply first = m_server.passwordGrant(QStringLiteral("alice"), QStringLiteral("alice-secret"));
        const QString oldRefresh = first.json().value(QStringLiteral("refresh_token")).toString();

        const Reply second = refresh(oldRefresh);
        QCOMPARE(second.status, 200L);
        const QString newRefresh = second.json().value(QStringLiteral("refresh_token")).toString();
        const QString newAccess = second.json().value(QStringLiteral("access_token")).toString();
        QVERIFY(newRefresh != oldRefresh);
        QCOMPARE(m_server.call("GET", QStringLiteral("me"), newAccess, QStringLiteral("/me")).status, 200L);

        // Reusing the rotated token revokes the whole family.
        const Reply reuse = refresh(oldRefresh);
        QCOMPARE(reuse.status, 401L);
        QCOMPARE(reuse.code(), QStringLiteral("invalid_refresh_token"));
        QCOMPARE(refresh(newRefresh).code(), QStringLiteral("invalid_refresh_token"));
        QCOMPARE(m_server.call("GET", QStringLiteral("me"), newAccess, QStringLiteral("/me")).code(),
                 QStringLiteral("invalid_token"));

        // Another sign-in of the same teacher is a separate family and keeps working.
        QVERIFY(!m_server.signIn(QStringLiteral("alice"), QStringLiteral("alice-secret")).isEmpty());
    }

    void revokeEndsSignIn()
    {
        const Reply tokens = m_server.passwordGrant(QStringLiteral("alice"), QStringLiteral("alice-secret"));
        const QString refreshToken = tokens.json().value(QStringLiteral("refresh_token")).toString();
        const QString accessToken = tokens.json().value(QStringLiteral("access_token")).toString();

        const Reply revoke = request("POST", m_server.baseUrl() + QStringLiteral("auth/revoke"),
                                     "token=" + refreshToken.toUtf8(), {"Content-Type: application/x-www-form-urlencoded"});
        ResponseLog::instance().record(QStringLiteral("post"), QStringLiteral("/auth/revoke"), revoke);
        QCOMPARE(revoke.status, 200L);
        QCOMPARE(revoke.json(), QJsonObject());
        QCOMPARE(refresh(refreshToken).code(), QStringLiteral("invalid_refresh_token"));
        QCOMPARE(m_server.call("GET", QStringLiteral("me"), accessToken, QStringLiteral("/me")).status, 401L);

        const Reply unknown = request("POST", m_server.baseUrl() + QStringLiteral("auth/revoke"), "token=unknown",
                                      {"Content-Type: application/x-www-form-urlencoded"});
        QCOMPARE(unknown.status, 200L);
    }

    void repeatedFailuresAreThrottled()
    {
        for (int attempt = 0; attempt < 5; ++attempt)
            QCOMPARE(m_server.passwordGrant(QStringLiteral("tess"), QStringLiteral("wrong")).code(),
                     QStringLiteral("invalid_credentials"));

        // Locked now, even with the right password.
        const Reply locked = m_server.passwordGrant(QStringLiteral("tess"), QStringLiteral("tess-secret"));
        QCOMPARE(locked.status, 429L);
        QCOMPARE(locked.code(), QStringLiteral("too_many_attempts"));
        const int retryAfter = locked.header("retry-after").toInt();
        QVERIFY(retryAfter > 0);
        QVERIFY(retryAfter <= 30);

        // Another account from the same address is unaffected.
        QCOMPARE(m_server.passwordGrant(QStringLiteral("alice"), QStringLiteral("alice-secret")).status, 200L);
    }

    void totpAccountNeedsCode()
    {
        const Reply missing = m_server.passwordGrant(QStringLiteral("otto"), QStringLiteral("otto-secret"));
        QCOMPARE(missing.status, 401L);
        QCOMPARE(missing.code(), QStringLiteral("otp_required"));

        const qint64 step = QDateTime::currentSecsSinceEpoch() / 30;
        const QString right = totp(step);
        QString wrong = totp(step + 5);
        if (wrong == right || wrong == totp(step - 1) || wrong == totp(step + 1))
            wrong = QStringLiteral("000000") == right ? QStringLiteral("111111") : QStringLiteral("000000");
        const Reply bad = m_server.passwordGrant(QStringLiteral("otto"), QStringLiteral("otto-secret"), wrong);
        QCOMPARE(bad.status, 401L);
        QCOMPARE(bad.code(), QStringLiteral("otp_invalid"));

        const Reply good = m_server.passwordGrant(QStringLiteral("otto"), QStringLiteral("otto-secret"), right);
        QCOMPARE(good.status, 200L);

        // A code works once.
        const Reply replay = m_server.passwordGrant(QStringLiteral("otto"), QStringLiteral("otto-secret"), right);
        QCOMPARE(replay.code(), QStringLiteral("otp_invalid"));

        const Reply wrongPassword = m_server.passwordGrant(QStringLiteral("otto"), QStringLiteral("nope"), right);
        QCOMPARE(wrongPassword.code(), QStringLiteral("invalid_credentials"));
    }
};

QTEST_GUILESS_MAIN(ServerAuthTest)
#include "tst_serverauth.moc"
