// SPDX-License-Identifier: GPL-3.0-or-later
#include "authclient.h"

#include "httperrors.h"
#include "httptransport.h"
#include "serveraddress.h"
#include "synclogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>

#include <utility>

namespace ClassDesk {

namespace {

// An access token this close to its expiry is refreshed before use, so it
// does not run out while a request travels over a slow link.
constexpr qint64 ExpiryMarginSeconds = 30;

QByteArray formEncode(const QList<QPair<QByteArray, QString>> &fields)
{
    // Percent-encoding every reserved character keeps "+" in a password from
    // being read as a space by the server's form decoder.
    QByteArray form;
    for (const auto &[name, value] : fields) {
        if (!form.isEmpty())
            form += '&';
        form += name + '=' + QUrl::toPercentEncoding(value);
    }
    return form;
}

bool isAccessTokenRejection(const Error &error)
{
    return error.httpStatus == 401
        && (error.code == QLatin1String("server.token_expired") || error.code == QLatin1String("server.invalid_token"));
}

} // namespace

AuthClient::AuthClient(HttpTransport *transport, TokenStore *tokenStore, QUrl apiBaseUrl, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_tokenStore(tokenStore)
    , m_apiBaseUrl(std::move(apiBaseUrl))
{
}

QUrl AuthClient::endpoint(const QString &relativePath) const
{
    return m_apiBaseUrl.resolved(QUrl(relativePath));
}

void AuthClient::restoreSession(const QString &account)
{
    m_account = account;
    const quint64 session = ++m_session;
    TokenStoreJob *job = m_tokenStore->read(m_apiBaseUrl, m_account);
    connect(job, &TokenStoreJob::finished, this, [this, job, session] {
        job->deleteLater();
        if (session != m_session)
            return;
        if (!job->status())
            qCWarning(lcSyncAuth) << "Could not read sign-in tokens:" << job->status().error().toLogString();
        if (!job->tokens()) {
            // Reported even when the state stays SignedOut, so the engine
            // learns that the restore ended with no sign-in.
            m_state = State::SignedOut;
            emit stateChanged(m_state);
            return;
        }
        acceptTokens(*job->tokens(), TokenSource::Keychain);
    });
}

void AuthClient::signIn(const QString &account, const QString &password)
{
    if (m_signInJob)
        m_signInJob->abort();
    if (m_refreshJob)
        m_refreshJob->abort();
    failWaitingJobs(signInRequiredError());

    ++m_session;
    m_account = account;
    m_pendingPassword = password;
    m_tokens = {};
    m_profile.reset();
    m_stateBeforeSignIn = m_state == State::SignInRequired ? State::SignInRequired : State::SignedOut;
    setState(State::SigningIn);
    requestPasswordGrant(QString());
}

void AuthClient::submitOtp(const QString &otp)
{
    if (m_state != State::OtpRequired || m_pendingPassword.isEmpty()) {
        qCWarning(lcSyncAuth) << "One-time code submitted while no sign-in waits for one";
        return;
    }
    setState(State::SigningIn);
    requestPasswordGrant(otp);
}

void AuthClient::cancelSignIn()
{
    if (m_state != State::SigningIn && m_state != State::OtpRequired)
        return;
    ++m_session;
    if (m_signInJob)
        m_signInJob->abort();
    m_pendingPassword.clear();
    setState(m_stateBeforeSignIn);
}

void AuthClient::requestPasswordGrant(const QString &otp)
{
    QList<QPair<QByteArray, QString>> fields = {{"grant_type", QStringLiteral("password")},
                                                {"username", m_account},
                                                {"password", m_pendingPassword}};
    if (!otp.isEmpty())
        fields.append({"otp", otp});
    m_otpSent = !otp.isEmpty();

    HttpJob *job = m_transport->send(tokenRequest(formEncode(fields)));
    m_signInJob = job;
    const quint64 session = m_session;
    connect(job, &HttpJob::finished, this, [this, job, session] {
        job->deleteLater();
        if (session == m_session && job == m_signInJob)
            onPasswordGrantFinished(job);
    });
}

void AuthClient::onPasswordGrantFinished(HttpJob *job)
{
    m_signInJob = nullptr;
    if (job->result()) {
        const Result<AuthTokens> tokens = parseTokens(job);
        if (tokens) {
            m_pendingPassword.clear();
            acceptTokens(*tokens, TokenSource::Platform);
            return;
        }
        m_pendingPassword.clear();
        setState(m_stateBeforeSignIn);
        emit signInFailed(tokens.error());
        return;
    }

    const Error &error = job->result().error();
    if (error.code == QLatin1String("server.otp_required")) {
        setState(State::OtpRequired);
        emit otpRequired();
        return;
    }
    // A wrong code, or a network failure while sending one, leaves the OTP
    // step open so the teacher can type the current code and try again.
    if (error.code == QLatin1String("server.otp_invalid") || (m_otpSent && error.retryable && error.httpStatus != 429)) {
        setState(State::OtpRequired);
        emit signInFailed(error);
        return;
    }

    qCInfo(lcSyncAuth) << "Sign-in failed:" << error.code << "HTTP" << error.httpStatus;
    m_pendingPassword.clear();
    setState(m_stateBeforeSignIn);
    emit signInFailed(addressError(error));
}

Error AuthClient::addressError(const Error &error) const
{
    // Scheme, host and port, as the teacher would type them again.
    const QString address = m_apiBaseUrl.adjusted(QUrl::RemovePath).toDisplayString();
    if (error.code == QLatin1String("network.tls_failed") && m_apiBaseUrl.scheme() == QLatin1String("https")) {
        if (ServerAddress::isLoopbackHost(m_apiBaseUrl.host())) {
            QUrl plain = m_apiBaseUrl.adjusted(QUrl::RemovePath);
            plain.setScheme(QStringLiteral("http"));
            return Error{QStringLiteral("address.not_https"),
                         tr("The server at %1 does not speak HTTPS. A server on this computer, such as the "
                            "reference server, may use plain HTTP: type the address as %2.")
                             .arg(address, plain.toDisplayString())};
        }
        return Error{QStringLiteral("address.not_https"),
                     tr("No secure (HTTPS) connection could be set up with %1. Check the address: ClassDesk "
                        "reaches a platform over https:// only. If the address is right, ask your school's "
                        "administrator whether the network blocks secure connections.")
                         .arg(address)};
    }
    // The sign-in endpoint is the first the platform must have.
    if (error.httpStatus == 404 || error.httpStatus == 405) {
        return Error{QStringLiteral("address.not_platform"),
                     tr("%1 answered, but no ClassDesk platform was found there (HTTP %2). Check the address.")
                         .arg(address)
                         .arg(error.httpStatus),
                     error.httpStatus};
    }
    return error;
}

void AuthClient::acceptTokens(const AuthTokens &tokens, TokenSource source)
{
    m_tokens = tokens;
    if (source == TokenSource::Platform)
        saveTokens();
    setState(State::SignedIn);
    emit signedIn();
    fetchProfile();
}

void AuthClient::fetchProfile()
{
    AuthorizedJob *job = send(HttpRequest("GET", endpoint(QStringLiteral("me"))));
    const quint64 session = m_session;
    connect(job, &AuthorizedJob::finished, this, [this, job, session] {
        job->deleteLater();
        if (session != m_session)
            return;
        if (!job->result()) {
            qCWarning(lcSyncAuth) << "Could not load the teacher's profile:" << job->result().error().toLogString();
            return;
        }
        const std::optional<AccountProfile> profile = AccountProfile::fromJson(job->result()->body);
        if (!profile) {
            qCWarning(lcSyncAuth) << "The platform's profile (GET me) lacks teacher, school or a valid time zone";
            return;
        }
        m_profile = profile;
        emit profileChanged(*profile);
    });
}

void AuthClient::saveTokens()
{
    TokenStoreJob *job = m_tokenStore->write(m_apiBaseUrl, m_account, m_tokens);
    connect(job, &TokenStoreJob::finished, this, [this, job] {
        job->deleteLater();
        if (!job->status()) {
            qCWarning(lcSyncAuth) << "Could not save sign-in tokens:" << job->status().error().toLogString();
            emit tokensSaved(false, job->status().error().code);
            return;
        }
        const bool persistent = m_tokenStore->isPersistent();
        emit tokensSaved(persistent, persistent ? QString() : QStringLiteral("keychain.unavailable"));
    });
}

void AuthClient::signOut()
{
    ++m_session;
    if (m_signInJob)
        m_signInJob->abort();
    if (m_refreshJob)
        m_refreshJob->abort();
    failWaitingJobs(signInRequiredError());

    // Revoking is a courtesy to the platform: sign-out must work offline too,
    // so nothing waits for it.
    if (!m_tokens.refreshToken.isEmpty()) {
        HttpRequest revoke = tokenRequest(formEncode({{"token", m_tokens.refreshToken}}));
        revoke.setUrl(endpoint(QStringLiteral("auth/revoke")));
        HttpJob *job = m_transport->send(revoke);
        connect(job, &HttpJob::finished, job, &QObject::deleteLater);
    }

    m_tokens = {};
    m_profile.reset();
    m_pendingPassword.clear();
    setState(State::SignedOut);

    TokenStoreJob *remove = m_tokenStore->remove(m_apiBaseUrl, m_account);
    connect(remove, &TokenStoreJob::finished, this, [this, remove] {
        remove->deleteLater();
        if (!remove->status())
            qCWarning(lcSyncAuth) << "Could not delete sign-in tokens:" << remove->status().error().toLogString();
        emit signedOut();
    });
}

AuthorizedJob *AuthClient::send(const HttpRequest &request)
{
    auto *job = new AuthorizedJob(request, this);
    if (m_state != State::SignedIn) {
        job->finishLater(signInRequiredError());
        return job;
    }
    if (hasUsableAccessToken())
        dispatch(job);
    else
        waitForRefresh(job);
    return job;
}

void AuthClient::dispatch(AuthorizedJob *job)
{
    HttpRequest request = job->m_request;
    request.addHeader("Authorization", "Bearer " + m_tokens.accessToken.toUtf8());
    job->m_accessTokenSent = m_tokens.accessToken;

    HttpJob *httpJob = m_transport->send(request);
    connect(httpJob, &HttpJob::finished, job, [this, job, httpJob] { onAttemptFinished(job, httpJob); });
    connect(httpJob, &HttpJob::finished, httpJob, &QObject::deleteLater);
}

void AuthClient::onAttemptFinished(AuthorizedJob *job, HttpJob *httpJob)
{
    const Result<HttpResponse> &result = httpJob->result();
    const bool mayRefresh = !result && isAccessTokenRejection(result.error()) && !job->m_retriedAfterRefresh
        && m_state == State::SignedIn;
    if (!mayRefresh) {
        job->finish(result, httpJob->response());
        return;
    }

    job->m_retriedAfterRefresh = true;
    // Another request may have refreshed the token while this one travelled.
    if (m_tokens.accessToken != job->m_accessTokenSent && hasUsableAccessToken()) {
        dispatch(job);
        return;
    }
    m_tokens.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(-1);
    waitForRefresh(job);
}

void AuthClient::waitForRefresh(AuthorizedJob *job)
{
    m_waitingForToken.append(job);
    startRefresh();
}

void AuthClient::startRefresh()
{
    if (m_refreshJob)
        return;
    if (m_tokens.refreshToken.isEmpty()) {
        requireSignIn(signInRequiredError());
        return;
    }

    const QByteArray form = formEncode({{"grant_type", QStringLiteral("refresh_token")},
                                        {"refresh_token", m_tokens.refreshToken}});
    HttpJob *job = m_transport->send(tokenRequest(form));
    m_refreshJob = job;
    const quint64 session = m_session;
    connect(job, &HttpJob::finished, this, [this, job, session] {
        job->deleteLater();
        if (session == m_session && job == m_refreshJob)
            onRefreshFinished(job);
    });
}

void AuthClient::onRefreshFinished(HttpJob *job)
{
    m_refreshJob = nullptr;
    if (!job->result()) {
        const Error &error = job->result().error();
        // 400 and 401 mean the refresh token itself is rejected (invalid_refresh_token);
        // anything else is the network or the server, and the session survives it.
        if (error.httpStatus == 400 || error.httpStatus == 401)
            requireSignIn(error);
        else
            failWaitingJobs(error);
        return;
    }

    Result<AuthTokens> tokens = parseTokens(job);
    if (!tokens) {
        failWaitingJobs(tokens.error());
        return;
    }
    if (tokens->refreshToken.isEmpty())
        tokens->refreshToken = m_tokens.refreshToken;
    m_tokens = *tokens;
    saveTokens();
    qCInfo(lcSyncAuth) << "Access token refreshed for" << m_apiBaseUrl.host();

    const auto waiting = std::exchange(m_waitingForToken, {});
    for (const QPointer<AuthorizedJob> &waitingJob : waiting) {
        if (waitingJob)
            dispatch(waitingJob);
    }
}

void AuthClient::requireSignIn(const Error &error)
{
    qCInfo(lcSyncAuth) << "The platform refused the refresh token:" << error.code;
    failWaitingJobs(error);
    m_tokens = {};

    // The stored refresh token is dead, so a restart should not try it again.
    TokenStoreJob *remove = m_tokenStore->remove(m_apiBaseUrl, m_account);
    connect(remove, &TokenStoreJob::finished, remove, &QObject::deleteLater);

    setState(State::SignInRequired);
    emit signInRequired(error);
}

void AuthClient::failWaitingJobs(const Error &error)
{
    const auto waiting = std::exchange(m_waitingForToken, {});
    for (const QPointer<AuthorizedJob> &job : waiting) {
        if (job)
            job->finishLater(error);
    }
}

void AuthClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcSyncAuth) << "Sign-in state for" << m_apiBaseUrl.host() << "is now"
                       << QMetaEnum::fromType<State>().valueToKey(int(state));
    emit stateChanged(state);
}

HttpRequest AuthClient::tokenRequest(const QByteArray &form) const
{
    HttpRequest request("POST", endpoint(QStringLiteral("auth/token")));
    request.addHeader("Accept", "application/json, application/problem+json");
    request.setBody(form, "application/x-www-form-urlencoded");
    request.setSensitive(true);
    return request;
}

bool AuthClient::hasUsableAccessToken() const
{
    if (m_tokens.accessToken.isEmpty())
        return false;
    if (!m_tokens.accessExpiresAt.isValid())
        return true;
    return QDateTime::currentDateTimeUtc().addSecs(ExpiryMarginSeconds) < m_tokens.accessExpiresAt;
}

Result<AuthTokens> AuthClient::parseTokens(const HttpJob *job)
{
    return parseTokenReply(job->result()->body, job->result()->status);
}

Result<AuthTokens> AuthClient::parseTokenReply(const QByteArray &body, int status)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    AuthTokens tokens;
    tokens.accessToken = object.value(QLatin1String("access_token")).toString();
    tokens.refreshToken = object.value(QLatin1String("refresh_token")).toString();
    const QString type = object.value(QLatin1String("token_type")).toString();
    const QJsonValue expiresIn = object.value(QLatin1String("expires_in"));
    if (expiresIn.isDouble())
        tokens.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(expiresIn.toInteger());

    if (tokens.accessToken.isEmpty() || type.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
        qCWarning(lcSyncAuth) << "Token response without a bearer access token, HTTP" << status;
        return std::unexpected(Error{QStringLiteral("auth.invalid_response"),
                                     tr("The platform sent an unexpected reply to the sign-in. Try again later, "
                                        "or tell your school's administrator."),
                                     status, true});
    }
    return tokens;
}

Error AuthClient::signInRequiredError()
{
    return Error{QStringLiteral("auth.sign_in_required"),
                 tr("Sign in to the school platform to sync. Your work is kept on this computer until then."), 0,
                 false};
}

} // namespace ClassDesk
