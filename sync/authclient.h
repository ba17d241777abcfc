// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accountprofile.h"
#include "authorizedjob.h"
#include "error.h"
#include "tokenstore.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

namespace ClassDesk {

class HttpJob;
class HttpTransport;

// Signs a teacher in to the platform and sends API requests with their
// bearer token.
//
// Sign-in uses the password grant of POST auth/token; an account with
// two-step verification first gets otp_required, and the client waits in
// OtpRequired for submitOtp(). Tokens go to the TokenStore. An expired access
// token is renewed with the refresh grant without the caller noticing, and
// requests that need a new token at the same time share one refresh. When the
// refresh token is rejected the state becomes SignInRequired, and local work
// goes on while the UI asks the teacher to sign in again.
//
// Lives in the sync worker thread with the transport and the token store.
class AuthClient : public QObject
{
    Q_OBJECT

public:
    enum class State {
        SignedOut,      // no tokens; requests fail with auth.sign_in_required
        SigningIn,      // a password grant is in flight
        OtpRequired,    // the password was right; waiting for submitOtp()
        SignedIn,       // tokens present; requests are sent
        SignInRequired, // the platform rejected the refresh token
    };
    Q_ENUM(State)

    // apiBaseUrl is what ServerAddress::apiBaseUrl() returns, ending in /api/v1/.
    AuthClient(HttpTransport *transport, TokenStore *tokenStore, QUrl apiBaseUrl, QObject *parent = nullptr);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const QUrl &apiBaseUrl() const { return m_apiBaseUrl; }
    [[nodiscard]] const QString &account() const { return m_account; }
    [[nodiscard]] const std::optional<AccountProfile> &profile() const { return m_profile; }

    // Returns the URL of an API path relative to the base, e.g. "changes".
    [[nodiscard]] QUrl endpoint(const QString &relativePath) const;

    // Loads the account's tokens from the keychain: SignedIn (and a profile
    // refresh through GET me) when there are some, SignedOut otherwise.
    void restoreSession(const QString &account);

    // Starts the password grant. The password is kept in memory only until the
    // attempt ends, because an OTP step has to send it again.
    void signIn(const QString &account, const QString &password);
    void submitOtp(const QString &otp);
    void cancelSignIn();

    // Revokes the refresh token (best effort, not awaited), deletes the tokens
    // from the keychain and emits signedOut() once they are gone.
    void signOut();

    // Sends a request with the bearer token; see AuthorizedJob.
    [[nodiscard]] AuthorizedJob *send(const HttpRequest &request);

    // Decodes a token endpoint reply body; `status` is the HTTP status, for the log.
    [[nodiscard]] static Result<AuthTokens> parseTokenReply(const QByteArray &body, int status);

signals:
    void stateChanged(ClassDesk::AuthClient::State state);
    void otpRequired();
    // A sign-in attempt failed, e.g. server.invalid_credentials or server.otp_invalid.
    void signInFailed(const ClassDesk::Error &error);
    // Emitted when tokens are in place, after signIn() or restoreSession().
    void signedIn();
    // The keychain write after a sign-in with a password has ended. `persistent`
    // is false when the tokens live in memory only, or when saving failed
    // (`errorCode` keychain.unavailable or keychain.failed).
    void tokensSaved(bool persistent, const QString &errorCode);
    void profileChanged(const ClassDesk::AccountProfile &profile);
    void signInRequired(const ClassDesk::Error &error);
    void signedOut();

private:
    void setState(State state);
    void requestPasswordGrant(const QString &otp);
    void onPasswordGrantFinished(HttpJob *job);
    // Returns `error`, or for a failure that shows the typed address is wrong
    // (no HTTPS there, no platform there) an address.* error saying so.
    [[nodiscard]] Error addressError(const Error &error) const;
    enum class TokenSource { Platform, Keychain };
    void acceptTokens(const AuthTokens &tokens, TokenSource source);
    void fetchProfile();
    void saveTokens();

    void dispatch(AuthorizedJob *job);
    void onAttemptFinished(AuthorizedJob *job, HttpJob *httpJob);
    void waitForRefresh(AuthorizedJob *job);
    void startRefresh();
    void onRefreshFinished(HttpJob *job);
    void requireSignIn(const Error &error);
    void failWaitingJobs(const Error &error);

    [[nodiscard]] HttpRequest tokenRequest(const QByteArray &form) const;
    [[nodiscard]] bool hasUsableAccessToken() const;
    [[nodiscard]] static Result<AuthTokens> parseTokens(const HttpJob *job);
    [[nodiscard]] static Error signInRequiredError();

    HttpTransport *m_transport;
    TokenStore *m_tokenStore;
    QUrl m_apiBaseUrl;
    State m_state = State::SignedOut;
    State m_stateBeforeSignIn = State::SignedOut;
    bool m_otpSent = false;
    QString m_account;
    QString m_pendingPassword;
    AuthTokens m_tokens;
    std::optional<AccountProfile> m_profile;
    QPointer<HttpJob> m_signInJob;
    QPointer<HttpJob> m_refreshJob;
    QList<QPointer<AuthorizedJob>> m_waitingForToken;
    // Bumped by sign-in and sign-out, so replies to an older session are ignored.
    quint64 m_session = 0;
};

} // namespace ClassDesk
