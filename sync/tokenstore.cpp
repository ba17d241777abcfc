// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenstore.h"

#include "synclogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <chrono>

namespace ClassDesk {

namespace {

const QString ServiceName = QStringLiteral("ClassDesk");

// The secret service is often started on demand by D-Bus activation right
// after log-in, so the first request may fail while it comes up.
constexpr std::chrono::milliseconds RetryDelay{1000};

// QtKeychain 0.13 on Debian 12 reports an unreachable session bus as
// OtherError (a test checks this). A missing secret service or a locked or
// refused keyring gives one of these codes too, so all mean "unavailable".
bool meansUnavailable(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return true;
    default:
        return false;
    }
}

QString serialize(const AuthTokens &tokens)
{
    QJsonObject object{{QStringLiteral("access_token"), tokens.accessToken},
                       {QStringLiteral("refresh_token"), tokens.refreshToken}};
    if (tokens.accessExpiresAt.isValid())
        object.insert(QStringLiteral("access_expires_at"), tokens.accessExpiresAt.toMSecsSinceEpoch());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<AuthTokens> deserialize(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isObject())
        return std::nullopt;

    const QJsonObject object = document.object();
    AuthTokens tokens;
    tokens.accessToken = object.value(QLatin1String("access_token")).toString();
    tokens.refreshToken = object.value(QLatin1String("refresh_token")).toString();
    const QJsonValue expiry = object.value(QLatin1String("access_expires_at"));
    if (expiry.isDouble())
        tokens.accessExpiresAt = QDateTime::fromMSecsSinceEpoch(expiry.toInteger(), QTimeZone::utc());
    if (tokens.isEmpty())
        return std::nullopt;
    return tokens;
}

} // namespace

TokenStoreJob::TokenStoreJob(Operation operation, QString key, AuthTokens tokens, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_key(std::move(key))
    , m_tokensToWrite(std::move(tokens))
{
}

void TokenStoreJob::finish(Status status, std::optional<AuthTokens> tokens)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = std::move(status);
    m_tokens = std::move(tokens);
    emit finished();
}

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{
}

QString TokenStore::keyFor(const QUrl &server, const QString &account)
{
    // A space cannot occur in an encoded URL, so server and account never run together.
    return QString::fromLatin1(server.adjusted(QUrl::RemoveUserInfo).toEncoded()) + QLatin1Char(' ') + account;
}

TokenStoreJob *TokenStore::read(const QUrl &server, const QString &account)
{
    return enqueue(TokenStoreJob::Operation::Read, server, account);
}

TokenStoreJob *TokenStore::write(const QUrl &server, const QString &account, const AuthTokens &tokens)
{
    return enqueue(TokenStoreJob::Operation::Write, server, account, tokens);
}

TokenStoreJob *TokenStore::remove(const QUrl &server, const QString &account)
{
    return enqueue(TokenStoreJob::Operation::Delete, server, account);
}

QString TokenStore::persistenceMessage() const
{
    if (m_persistent)
        return {};
    return tr("The system keychain is not available, so your sign-in is kept only until ClassDesk "
              "closes. You will have to sign in again next time.");
}

TokenStoreJob *TokenStore::enqueue(TokenStoreJob::Operation operation, const QUrl &server,
                                   const QString &account, const AuthTokens &tokens)
{
    auto *job = new TokenStoreJob(operation, keyFor(server, account), tokens, this);
    // Queued, so finished() never fires before the caller could connect to it.
    QMetaObject::invokeMethod(this, [this, job] { start(job); }, Qt::QueuedConnection);
    return job;
}

void TokenStore::start(TokenStoreJob *job)
{
    if (!m_persistent) {
        runInMemory(job);
        return;
    }

    // Keychain jobs have no parent and delete themselves when done, because
    // QtKeychain's backend may still call into a job after this store is gone.
    QKeychain::Job *keychainJob = nullptr;
    switch (job->m_operation) {
    case TokenStoreJob::Operation::Read:
        keychainJob = new QKeychain::ReadPasswordJob(ServiceName);
        break;
    case TokenStoreJob::Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(ServiceName);
        writeJob->setTextData(serialize(job->m_tokensToWrite));
        keychainJob = writeJob;
        break;
    }
    case TokenStoreJob::Operation::Delete:
        keychainJob = new QKeychain::DeletePasswordJob(ServiceName);
        break;
    }

    // Never fall back to a plaintext file: that is what the in-memory mode replaces.
    keychainJob->setInsecureFallback(false);
    keychainJob->setKey(job->m_key);
    connect(keychainJob, &QKeychain::Job::finished, job,
            [this, job](QKeychain::Job *finished) { onKeychainFinished(job, finished); });
    keychainJob->start();
}

void TokenStore::onKeychainFinished(TokenStoreJob *job, QKeychain::Job *keychainJob)
{
    const QKeychain::Error error = keychainJob->error();
    if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
        if (job->m_operation != TokenStoreJob::Operation::Read) {
            job->finish({});
            return;
        }
        const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(keychainJob);
        job->finish({}, error == QKeychain::NoError ? deserialize(readJob->textData()) : std::nullopt);
        return;
    }

    if (meansUnavailable(error) && !job->m_retried) {
        qCInfo(lcSyncAuth).noquote() << QStringLiteral("Keychain not ready (QtKeychain error %1: %2), trying again")
                                            .arg(int(error))
                                            .arg(keychainJob->errorString());
        job->m_retried = true;
        QTimer::singleShot(RetryDelay, job, [this, job] { start(job); });
        return;
    }
    if (meansUnavailable(error)) {
        switchToMemory(QStringLiteral("QtKeychain error %1: %2").arg(int(error)).arg(keychainJob->errorString()));
        runInMemory(job);
        return;
    }

    qCWarning(lcSyncAuth) << "Keychain operation failed, QtKeychain error" << int(error) << keychainJob->errorString();
    job->finish(makeError(QStringLiteral("keychain.failed"),
                          tr("Your sign-in could not be saved in or removed from the system keychain (%1).")
                              .arg(keychainJob->errorString())));
}

void TokenStore::runInMemory(TokenStoreJob *job)
{
    switch (job->m_operation) {
    case TokenStoreJob::Operation::Read:
        job->finish({}, m_memory.contains(job->m_key) ? std::optional(m_memory.value(job->m_key)) : std::nullopt);
        return;
    case TokenStoreJob::Operation::Write:
        m_memory.insert(job->m_key, job->m_tokensToWrite);
        job->finish({});
        return;
    case TokenStoreJob::Operation::Delete:
        m_memory.remove(job->m_key);
        job->finish({});
        return;
    }
}

void TokenStore::switchToMemory(const QString &reason)
{
    if (!m_persistent)
        return;
    m_persistent = false;
    qCWarning(lcSyncAuth).noquote() << "System keychain unavailable, keeping sign-in tokens in memory for this session:"
                                    << reason;
    emit persistenceChanged(false);
}

} // namespace ClassDesk
