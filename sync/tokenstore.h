// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <optional>

namespace QKeychain {
class Job;
}

namespace ClassDesk {

// The sign-in tokens of one account on one platform.
struct AuthTokens
{
    QString accessToken;
    QString refreshToken;
    QDateTime accessExpiresAt; // UTC; invalid when the server gave no lifetime

    [[nodiscard]] bool isEmpty() const { return accessToken.isEmpty() && refreshToken.isEmpty(); }
    friend bool operator==(const AuthTokens &, const AuthTokens &) = default;
};

// One read, write or delete of TokenStore. It emits finished() exactly once,
// always after the call that created it has returned. The job belongs to the
// store; call deleteLater() on it once its result has been read.
class TokenStoreJob : public QObject
{
    Q_OBJECT

public:
    enum class Operation { Read, Write, Delete };

    [[nodiscard]] Operation operation() const { return m_operation; }
    [[nodiscard]] const Status &status() const { return m_status; }
    // The tokens a successful read found, or nothing when none are stored.
    [[nodiscard]] const std::optional<AuthTokens> &tokens() const { return m_tokens; }

signals:
    void finished();

private:
    friend class TokenStore;

    TokenStoreJob(Operation operation, QString key, AuthTokens tokens, QObject *parent);
    void finish(Status status, std::optional<AuthTokens> tokens = std::nullopt);

    Operation m_operation;
    QString m_key;
    AuthTokens m_tokensToWrite;
    bool m_retried = false;
    bool m_finished = false;
    Status m_status;
    std::optional<AuthTokens> m_tokens;
};

// Keeps sign-in tokens in the operating system's keychain through QtKeychain,
// under the service "ClassDesk" and one key per platform URL and account.
//
// When the keychain cannot be used (no secret service, no D-Bus session, a
// locked or refused keyring) the store tries once more after a short delay.
// After that it keeps tokens in memory for the rest of the session, so
// isPersistent() turns false and the teacher signs in again after a restart.
// Tokens are never written anywhere else.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    explicit TokenStore(QObject *parent = nullptr);

    [[nodiscard]] static QString keyFor(const QUrl &server, const QString &account);

    [[nodiscard]] TokenStoreJob *read(const QUrl &server, const QString &account);
    [[nodiscard]] TokenStoreJob *write(const QUrl &server, const QString &account, const AuthTokens &tokens);
    [[nodiscard]] TokenStoreJob *remove(const QUrl &server, const QString &account);

    [[nodiscard]] bool isPersistent() const { return m_persistent; }
    // Returns the translated explanation while tokens live in memory only,
    // or an empty string while the keychain is used.
    [[nodiscard]] QString persistenceMessage() const;

signals:
    // Emitted once when the store falls back to memory.
    void persistenceChanged(bool persistent);

private:
    TokenStoreJob *enqueue(TokenStoreJob::Operation operation, const QUrl &server, const QString &account,
                           const AuthTokens &tokens = {});
    void start(TokenStoreJob *job);
    void onKeychainFinished(TokenStoreJob *job, QKeychain::Job *keychainJob);
    void runInMemory(TokenStoreJob *job);
    void switchToMemory(const QString &reason);

    bool m_persistent = true;
    QHash<QString, AuthTokens> m_memory;
};

} // namespace ClassDesk
