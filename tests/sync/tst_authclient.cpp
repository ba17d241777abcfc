// SPDX-License-Identifier: GPL-3.0-or-later
#include "authclient.h"
#include "httperrors.h"
#include "httptransport.h"
#include "loopbackserver.h"

#include <QSignalSpy>
#include <QTest>

#include <map>
#include <mutex>
#include <set>

using namespace ClassDesk;

namespace {

constexpr int WaitMs = 15000;

const QString TeacherPassword = QStringLiteral("correct horse+电池");
const QString OtpTeacherPassword = QStringLiteral("pa ss&word=1");
const QString ValidOtp = QStringLiteral("123456");

} // namespace

// The token, revoke and me endpoints of the platform API on a loopback
// server, with switches that expire or revoke what it has issued.
class PlatformFixture : public QObject
{
    Q_OBJECT

public:
    PlatformFixture()
    {
        httplib::Server &http = m_server.http();
        http.Post("/api/v1/auth/token", [this](const httplib::Request &request, httplib::Response &response) {
            handleToken(request, response);
        });
        http.Post("/api/v1/auth/revoke", [this](const httplib::Request &request, httplib::Response &response) {
            {
                std::lock_guard lock(m_mutex);
                m_refreshTokens.erase(request.get_param_value("token"));
            }
            response.set_content("{}", "application/json");
            QMetaObject::invokeMethod(this, &PlatformFixture::revoked, Qt::QueuedConnection);
        });
        http.Get("/api/v1/me", [this](const httplib::Request &request, httplib::Response &response) {
            handleMe(request, response);
        });
    }

    [[nodiscard]] bool start() { return m_server.start(); }
    [[nodiscard]] QUrl apiBaseUrl() const { return m_server.url(QStringLiteral("/api/v1/")); }

    void expireAccessTokens()
    {
        std::lock_guard lock(m_mutex);
        for (auto &[token, access] : m_accessTokens)
            access.expired = true;
    }

    void revokeRefreshTokens()
    {
        std::lock_guard lock(m_mutex);
        m_refreshTokens.clear();
    }

    void setPasswordGrantLifetime(int seconds)
    {
        std::lock_guard lock(m_mutex);
        m_passwordGrantLifetime = seconds;
    }

    [[nodiscard]] int refreshGrants()
    {
        std::lock_guard lock(m_mutex);
        return m_refreshGrants;
    }

    [[nodiscard]] int rejectedMeRequests()
    {
        std::lock_guard lock(m_mutex);
        return m_rejectedMeRequests;
    }

    [[nodiscard]] bool isRefreshTokenActive(const QString &token)
    {
        std::lock_guard lock(m_mutex);
        return m_refreshTokens.contains(token.toStdString());
    }

signals:
    void revoked();

private:
    struct AccessToken
    {
        std::string user;
        bool expired = false;
    };

    static void problem(httplib::Response &response, int status, const std::string &code)
    {
        response.status = status;
        response.set_content("{\"type\": \"https://classdesk.invalid/problems/" + code + "\", \"title\": \"" + code
                                 + "\", \"status\": " + std::to_string(status) + ", \"code\": \"" + code + "\"}",
                             "application/problem+json");
    }

    // Called with m_mutex held.
    void issueTokens(httplib::Response &response, const std::string &user, int lifetime)
    {
        const std::string access = "access-" + std::to_string(++m_issued);
        const std::string refresh = "refresh-" + std::to_string(m_issued);
        m_accessTokens[access] = AccessToken{user, false};
        m_refreshTokens[refresh] = user;
        response.set_content("{\"access_token\": \"" + access + "\", \"token_type\": \"Bearer\", \"expires_in\": "
                                 + std::to_string(lifetime) + ", \"refresh_token\": \"" + refresh + "\"}",
                             "application/json");
    }

    void handleToken(const httplib::Request &request, httplib::Response &response)
    {
        std::lock_guard lock(m_mutex);
        const std::string grant = request.get_param_value("grant_type");
        if (grant == "refresh_token") {
            ++m_refreshGrants;
            const auto refresh = m_refreshTokens.find(request.get_param_value("refresh_token"));
            if (refresh == m_refreshTokens.end())
                return problem(response, 401, "invalid_refresh_token");
            // Refresh tokens rotate: the one just used stops working.
            const std::string user = refresh->second;
            m_refreshTokens.erase(refresh);
            return issueTokens(response, user, 3600);
        }
        if (grant != "password")
            return problem(response, 400, "unsupported_grant_type");

        const std::string user = request.get_param_value("username");
        const std::string password = request.get_param_value("password");
        const bool isTeacher = user == "wang" && password == TeacherPassword.toStdString();
        const bool isOtpTeacher = user == "li" && password == OtpTeacherPassword.toStdString();
        if (!isTeacher && !isOtpTeacher)
            return problem(response, 401, "invalid_credentials");
        if (isOtpTeacher && !request.has_param("otp"))
            return problem(response, 401, "otp_required");
        if (isOtpTeacher && request.get_param_value("otp") != ValidOtp.toStdString())
            return problem(response, 401, "otp_invalid");
        issueTokens(response, user, m_passwordGrantLifetime);
    }

    void handleMe(const httplib::Request &request, httplib::Response &response)
    {
        std::lock_guard lock(m_mutex);
        const std::string authorization = request.get_header_value("Authorization");
        const std::string prefix = "Bearer ";
        const bool isBearer = authorization.rfind(prefix, 0) == 0;
        const auto access = m_accessTokens.find(isBearer ? authorization.substr(prefix.size()) : std::string());
        if (access == m_accessTokens.end() || access->second.expired) {
            ++m_rejectedMeRequests;
            const bool expired = access != m_accessTokens.end();
            response.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return problem(response, 401, expired ? "token_expired" : "invalid_token");
        }
        const std::string &user = access->second.user;
        response.set_content("{\"teacher\": {\"id\": \"t-" + user + "\", \"name\": \"Teacher " + user
                                 + "\", \"username\": \"" + user + "\"}, \"school\": {\"id\": \"s-1\", "
                                 "\"name\": \"Hillside Primary\", \"time_zone\": \"Asia/Shanghai\"}}",
                             "application/json");
    }

    LoopbackServer m_server;
    std::mutex m_mutex;
    std::map<std::string, AccessToken> m_accessTokens;
    std::map<std::string, std::string> m_refreshTokens; // token to user
    int m_issued = 0;
    int m_refreshGrants = 0;
    int m_rejectedMeRequests = 0;
    int m_passwordGrantLifetime = 3600;
};

class AuthClientTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        LoopbackServer::clearProxyEnvironment();
    }

    void init()
    {
        m_platform = std::make_unique<PlatformFixture>();
        QVERIFY(m_platform->start());
        m_transport = std::make_unique<HttpTransport>();
        m_tokenStore = std::make_unique<TokenStore>();
        m_client = std::make_unique<AuthClient>(m_transport.get(), m_tokenStore.get(), m_platform->apiBaseUrl());
    }

    void cleanup()
    {
        m_client.reset();
        m_tokenStore.reset();
        m_transport.reset();
        m_platform.reset();
    }

    void passwordGrantSignsIn()
    {
        QSignalSpy profile(m_client.get(), &AuthClient::profileChanged);
        QVERIFY(signIn(QStringLiteral("wang"), TeacherPassword));
        QCOMPARE(m_client->state(), AuthClient::State::SignedIn);

        QVERIFY(profile.wait(WaitMs));
        QVERIFY(m_client->profile().has_value());
        QCOMPARE(m_client->profile()->username, QStringLiteral("wang"));
        QCOMPARE(m_client->profile()->teacherName, QStringLiteral("Teacher wang"));
        QCOMPARE(m_client->profile()->schoolName, QStringLiteral("Hillside Primary"));
        QCOMPARE(m_client->profile()->schoolTimeZone(), QTimeZone("Asia/Shanghai"));

        const std::optional<AuthTokens> stored = storedTokens(QStringLiteral("wang"));
        QVERIFY(stored.has_value());
        QVERIFY(stored->accessToken.startsWith(QLatin1String("access-")));
        QVERIFY(stored->refreshToken.startsWith(QLatin1String("refresh-")));
        QVERIFY(stored->accessExpiresAt > QDateTime::currentDateTimeUtc());
    }

    void wrongPasswordFailsWithMessage()
    {
        QSignalSpy failed(m_client.get(), &AuthClient::signInFailed);
        m_client->signIn(QStringLiteral("wang"), QStringLiteral("correct horse"));
        QVERIFY(failed.wait(WaitMs));

        const auto error = failed.first().first().value<Error>();
        QCOMPARE(error.code, QStringLiteral("server.invalid_credentials"));
        QCOMPARE(error.httpStatus, 401);
        QCOMPARE(error.message, HttpErrors::messageForProblemCode(QStringLiteral("invalid_credentials")));
        QCOMPARE(m_client->state(), AuthClient::State::SignedOut);
        QVERIFY(!storedTokens(QStringLiteral("wang")).has_value());
    }

    void otpRequiredThenCode()
    {
        QSignalSpy otpRequired(m_client.get(), &AuthClient::otpRequired);
        QSignalSpy failed(m_client.get(), &AuthClient::signInFailed);
        QSignalSpy signedIn(m_client.get(), &AuthClient::signedIn);
        m_client->signIn(QStringLiteral("li"), OtpTeacherPassword);
        QVERIFY(otpRequired.wait(WaitMs));
        QCOMPARE(m_client->state(), AuthClient::State::OtpRequired);
        QCOMPARE(failed.count(), 0);

        m_client->submitOtp(QStringLiteral("000000"));
        QVERIFY(failed.wait(WaitMs));
        QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("server.otp_invalid"));
        QCOMPARE(m_client->state(), AuthClient::State::OtpRequired);

        m_client->submitOtp(ValidOtp);
        QVERIFY(signedIn.wait(WaitMs));
        QCOMPARE(m_client->state(), AuthClient::State::SignedIn);
        QCOMPARE(signedIn.count(), 1);
    }

    void expiredTokenIsRefreshedOnce()
    {
        QVERIFY(signInWithProfile());
        m_platform->expireAccessTokens();

        AuthorizedJob *job = m_client->send(HttpRequest("GET", m_client->endpoint(QStringLiteral("me"))));
        QSignalSpy finished(job, &AuthorizedJob::finished);
        QVERIFY(finished.wait(WaitMs));

        QVERIFY2(job->result().has_value(), qPrintable(job->result() ? QString() : job->result().error().toLogString()));
        QCOMPARE(job->result()->status, 200);
        QCOMPARE(m_platform->refreshGrants(), 1);
        QCOMPARE(m_platform->rejectedMeRequests(), 1);
        QCOMPARE(m_client->state(), AuthClient::State::SignedIn);
    }

    void concurrentRequestsShareOneRefresh()
    {
        QVERIFY(signInWithProfile());
        m_platform->expireAccessTokens();

        constexpr int RequestCount = 6;
        QList<AuthorizedJob *> jobs;
        QList<std::shared_ptr<QSignalSpy>> spies;
        for (int i = 0; i < RequestCount; ++i) {
            jobs.append(m_client->send(HttpRequest("GET", m_client->endpoint(QStringLiteral("me")))));
            spies.append(std::make_shared<QSignalSpy>(jobs.last(), &AuthorizedJob::finished));
        }
        for (const auto &spy : spies) {
            if (spy->isEmpty())
                QVERIFY(spy->wait(WaitMs));
        }

        for (AuthorizedJob *job : jobs)
            QVERIFY(job->result().has_value());
        QCOMPARE(m_platform->refreshGrants(), 1);
    }

    void nearlyExpiredTokenIsRefreshedFirst()
    {
        // Shorter than the client's 30 s margin, so the token counts as expired on arrival.
        m_platform->setPasswordGrantLifetime(10);
        QVERIFY(signInWithProfile());

        QCOMPARE(m_platform->refreshGrants(), 1);
        QCOMPARE(m_platform->rejectedMeRequests(), 0);
    }

    void rejectedRefreshTokenRequiresSignIn()
    {
        QVERIFY(signInWithProfile());
        m_platform->revokeRefreshTokens();
        m_platform->expireAccessTokens();
        QSignalSpy signInRequired(m_client.get(), &AuthClient::signInRequired);

        AuthorizedJob *job = m_client->send(HttpRequest("GET", m_client->endpoint(QStringLiteral("me"))));
        QSignalSpy finished(job, &AuthorizedJob::finished);
        QVERIFY(finished.wait(WaitMs));

        QVERIFY(!job->result().has_value());
        QCOMPARE(job->result().error().code, QStringLiteral("server.invalid_refresh_token"));
        QCOMPARE(signInRequired.count(), 1);
        QCOMPARE(m_client->state(), AuthClient::State::SignInRequired);
        QVERIFY(!storedTokens(QStringLiteral("wang")).has_value());

        AuthorizedJob *later = m_client->send(HttpRequest("GET", m_client->endpoint(QStringLiteral("me"))));
        QSignalSpy laterFinished(later, &AuthorizedJob::finished);
        QVERIFY(laterFinished.wait(WaitMs));
        QCOMPARE(later->result().error().code, QStringLiteral("auth.sign_in_required"));
    }

    void signOutRevokesAndDeletesTokens()
    {
        QVERIFY(signInWithProfile());
        const std::optional<AuthTokens> stored = storedTokens(QStringLiteral("wang"));
        QVERIFY(stored.has_value());
        QVERIFY(m_platform->isRefreshTokenActive(stored->refreshToken));

        QSignalSpy revoked(m_platform.get(), &PlatformFixture::revoked);
        QSignalSpy signedOut(m_client.get(), &AuthClient::signedOut);
        m_client->signOut();
        QVERIFY(signedOut.wait(WaitMs));
        QCOMPARE(m_client->state(), AuthClient::State::SignedOut);
        QVERIFY(!m_client->profile().has_value());
        QVERIFY(!storedTokens(QStringLiteral("wang")).has_value());

        QVERIFY(!revoked.isEmpty() || revoked.wait(WaitMs));
        QVERIFY(!m_platform->isRefreshTokenActive(stored->refreshToken));
    }

    void restoredSessionUsesStoredTokens()
    {
        QVERIFY(signInWithProfile());

        AuthClient restored(m_transport.get(), m_tokenStore.get(), m_platform->apiBaseUrl());
        QSignalSpy profile(&restored, &AuthClient::profileChanged);
        restored.restoreSession(QStringLiteral("wang"));
        QVERIFY(profile.wait(WaitMs));

        QCOMPARE(restored.state(), AuthClient::State::SignedIn);
        QCOMPARE(restored.profile()->username, QStringLiteral("wang"));
    }

    void restoreWithoutTokensStaysSignedOut()
    {
        QSignalSpy state(m_client.get(), &AuthClient::stateChanged);
        m_client->restoreSession(QStringLiteral("nobody"));
        AuthorizedJob *job = m_client->send(HttpRequest("GET", m_client->endpoint(QStringLiteral("me"))));
        QSignalSpy finished(job, &AuthorizedJob::finished);
        QVERIFY(finished.wait(WaitMs));

        QCOMPARE(job->result().error().code, QStringLiteral("auth.sign_in_required"));
        QCOMPARE(m_client->state(), AuthClient::State::SignedOut);
    }

private:
    [[nodiscard]] bool signIn(const QString &account, const QString &password)
    {
        QSignalSpy signedIn(m_client.get(), &AuthClient::signedIn);
        m_client->signIn(account, password);
        return signedIn.wait(WaitMs);
    }

    [[nodiscard]] bool signInWithProfile()
    {
        QSignalSpy profile(m_client.get(), &AuthClient::profileChanged);
        return signIn(QStringLiteral("wang"), TeacherPassword) && profile.wait(WaitMs);
    }

    // Reads through the store, so the read queues behind earlier writes and deletes.
    [[nodiscard]] std::optional<AuthTokens> storedTokens(const QString &account)
    {
        TokenStoreJob *job = m_tokenStore->read(m_platform->apiBaseUrl(), account);
        QSignalSpy finished(job, &TokenStoreJob::finished);
        if (!finished.wait(WaitMs))
            return std::nullopt;
        job->deleteLater();
        return job->tokens();
    }

    std::unique_ptr<PlatformFixture> m_platform;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<TokenStore> m_tokenStore;
    std::unique_ptr<AuthClient> m_client;
};

QTEST_GUILESS_MAIN(AuthClientTest)
#include "tst_authclient.moc"
