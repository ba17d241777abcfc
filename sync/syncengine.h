// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "outboxstore.h"
#include "uploadqueue.h"

#include <QDateTime>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace ClassDesk {

class AuthClient;
class AuthorizedJob;
class Database;
struct HttpResponse;
class HttpTransport;
class TokenStore;

// Tunables of the sync engine; the defaults suit a teacher's PC.
struct SyncSettings
{
    int pushBatchSize = 200;   // outbox entries per POST /mutations
    int pullPageSize = 500;    // changes per GET /changes page
    std::chrono::milliseconds requestTimeout{std::chrono::minutes(2)};
    std::chrono::milliseconds periodicInterval{std::chrono::minutes(5)}; // zero turns the timer off
    std::chrono::milliseconds outboxPollInterval{std::chrono::seconds(2)}; // zero turns polling off
    std::chrono::milliseconds localChangeDelay{std::chrono::milliseconds(1500)};
    std::chrono::milliseconds retryBaseDelay{std::chrono::seconds(2)};
    std::chrono::milliseconds retryMaxDelay{std::chrono::minutes(5)};
    // A retry after a network failure also detects that the network is back,
    // so it waits at most this long.
    std::chrono::milliseconds offlineMaxDelay{std::chrono::minutes(1)};
    std::chrono::seconds maxClockSkew{std::chrono::minutes(5)};
};

// Pulls the change feed into the local database and pushes the outbox, one
// sync at a time, with retries and back-off.
//
// A worker object: create it without a parent, move it to its own QThread and
// call start() there (SyncController does all of that). It opens its own
// database connection, HTTP transport, token store and AuthClient in that
// thread and reports only through signals. A sync is: pull every page from
// the stored cursor, then push the outbox in batches. Pulling first means a
// clock that is far off is noticed before any mark is sent, and conflicts with
// local changes are settled locally before they are pushed.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    enum class State {
        SignedOut,      // never signed in, or signed out
        SigningIn,      // a sign-in is in flight or waits for a one-time code
        SignInRequired, // the platform no longer accepts the saved sign-in
        Offline,        // the platform cannot be reached; retrying
        Syncing,        // a sync runs; see progress
        UpToDate,       // the last sync finished and nothing is waiting
        NeedsAttention, // the last sync failed in a way the teacher should see
    };
    Q_ENUM(State)

    SyncEngine(QString databasePath, SyncSettings settings = {});
    ~SyncEngine() override;

    [[nodiscard]] State state() const { return m_state; }
    // GET /changes and POST /mutations requests sent so far, without sign-in
    // and token refresh requests; for benchmarks and diagnostics.
    [[nodiscard]] int syncRequestCount() const { return m_syncRequests; }

public slots:
    // Opens the database and restores the saved session, then syncs.
    void start();
    // Ends timers and requests; call before the thread quits.
    void stop();

    void signIn(const QString &serverAddress, const QString &account, const QString &password);
    void submitOtp(const QString &code);
    void signOut();
    void syncNow();
    // Schedules a sync soon after local changes (debounced).
    void notifyLocalChange();
    // The network came back: a sync runs now instead of after the back-off.
    void networkReturned();

    // The courseware upload queue; each does nothing while no platform is set up.
    void pauseUpload(const QString &coursewareId);
    void resumeUpload(const QString &coursewareId);
    void cancelUpload(const QString &coursewareId);
    void pauseAllUploads();
    void resumeAllUploads();
    // Reads the upload speed cap and start time from QSettings again.
    void reloadUploadSettings();
    // Reads the proxy and the extra CA file from QSettings; the next request uses them.
    void loadNetworkSettings();
    // Emits uploadItemsReset() with the whole queue.
    void requestUploadItems();

signals:
    void stateChanged(ClassDesk::SyncEngine::State state, int progress);
    void pendingCountChanged(int count);
    void lastSuccessChanged(const QDateTime &when);
    // The translated message of the last failure; empty after a success.
    void errorChanged(const QString &message, const QString &code);
    void otpRequired();
    void signInFailed(const QString &message);
    // After a sign-in with a password: whether the system keychain keeps it
    // for the next session. `errorCode` gives the reason when `saved` is false.
    void signInSaved(bool saved, const QString &errorCode);
    // Local rows this engine wrote (pulled changes, server versions), so views can refresh.
    void dataChanged(const QString &entity, const QStringList &ids);
    // Before syncFinished(true): what the sync did. `pulled` counts the
    // platform's changes received, `pushed` the local changes sent, and
    // `conflicts` the conflict rows written for the teacher.
    void runCounted(int pulled, int pushed, int conflicts);
    // One sync ended; `ok` is false when it failed.
    void syncFinished(bool ok);

    // The upload queue's items, whole: after the queue was set up and on request.
    void uploadItemsReset(const QList<ClassDesk::UploadQueue::Item> &items);
    void uploadItemChanged(const ClassDesk::UploadQueue::Item &item);
    void uploadItemRemoved(const QString &coursewareId);
    void uploadOverallProgress(qint64 confirmedBytes, qint64 sentBytes, qint64 totalBytes, double bytesPerSecond,
                               qint64 etaSeconds);

private:
    void createClient(const QUrl &apiBaseUrl);
    void connectUploadQueue();
    void enqueueQueuedCourseware();
    void restoreSavedSession();
    void onAuthStateChanged();
    void onKeychainUnavailable();
    void createTokenStore();

    void runSync();
    void pullNextPage();
    void onPullFinished(AuthorizedJob *job);
    // True when `next` begins with children of a parent in `applied`.
    [[nodiscard]] static bool continuesGroup(const QJsonArray &applied, const QJsonArray &next);
    // The sync_state key of the signed-in account's feed cursor.
    [[nodiscard]] QString pullCursorKey() const;
    // Applies the pulled changes waiting in m_unappliedChanges; false after failRun().
    [[nodiscard]] bool applyPulledChanges();
    [[nodiscard]] Status moveOfflineWork();
    [[nodiscard]] Status holdImplausibleMarks();
    void pushNextBatch();
    void onPushFinished(AuthorizedJob *job, const QList<OutboxEntry> &sent);
    void finishRun();
    void failRun(const Error &error, std::optional<std::chrono::seconds> retryAfter = std::nullopt);

    [[nodiscard]] std::optional<Error> checkClock(const HttpResponse &response) const;
    [[nodiscard]] std::chrono::milliseconds retryDelay(bool offline,
                                                       std::optional<std::chrono::seconds> retryAfter) const;
    [[nodiscard]] Error classify(const Error &error) const;
    void reportDataChanges(const QHash<QString, QStringList> &changedIds);
    void setState(State state, int progress = 0);
    void setError(const Error &error);
    void refreshPendingCount();
    [[nodiscard]] QString savedValue(const QString &key);
    void saveValue(const QString &key, const QString &value);

    QString m_databasePath;
    SyncSettings m_settings;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<OutboxStore> m_outbox;
    HttpTransport *m_transport = nullptr;
    TokenStore *m_tokenStore = nullptr;
    AuthClient *m_auth = nullptr;
    UploadQueue *m_uploads = nullptr;
    QPointer<AuthorizedJob> m_currentJob;

    State m_state = State::SignedOut;
    bool m_running = false;
    bool m_runAgain = false;
    int m_failures = 0;
    int m_batchSize = 200;
    int m_pushedInRun = 0;
    int m_pulledInRun = 0;
    qint64 m_runStartedMs = 0;
    // Pulled changes kept back until the next page shows that their last
    // group is complete, and the cursor after them.
    QJsonArray m_unappliedChanges;
    QString m_unappliedCursor;
    int m_conflictsInRun = 0;
    int m_pendingAtStart = 0;
    int m_pendingCount = -1;
    int m_syncRequests = 0;
    QString m_lastErrorCode;

    QTimer m_retryTimer;
    QTimer m_periodicTimer;
    QTimer m_pollTimer;
    QTimer m_localChangeTimer;
};

} // namespace ClassDesk
