// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncengine.h"

#include <QDateTime>
#include <QNetworkInformation>
#include <QObject>
#include <QThread>

namespace ClassDesk {

// The UI thread's handle on the sync engine. It starts a SyncEngine in its
// own thread, forwards requests to it and mirrors what the engine reports, so
// widgets read state() and friends without waiting. Every slot returns at
// once; results arrive as signals.
//
// Typical wiring: the status bar shows state(), progress() and
// pendingCount(). The sign-in dialog calls signIn(), then submitOtp() after
// otpRequired(). It closes when stateChanged() leaves SigningIn and shows
// signInFailed() messages. The Sync page shows lastSuccess() and
// lastError(). Views refresh on dataChanged(), and the stores' changed()
// signals go to notifyLocalChange().
class SyncController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(int progress READ progress NOTIFY stateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(QDateTime lastSuccess READ lastSuccess NOTIFY lastSuccessChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    using State = SyncEngine::State;

    // Starts the engine on the database file at `databasePath`; the engine
    // opens its own connection to it. The engine runs in a thread of its own,
    // or in `workerThread` when one is given (it must be running, outlive the
    // controller and not be the calling thread). QtKeychain's Linux backend serves one thread per
    // process, so all engines of a process that use the keychain must share
    // one thread.
    explicit SyncController(const QString &databasePath, const SyncSettings &settings = {},
                            QThread *workerThread = nullptr, QObject *parent = nullptr);
    // Stops the engine and waits for its thread to end.
    ~SyncController() override;

    [[nodiscard]] State state() const { return m_state; }
    // 0-100 while Syncing; 100 after a finished sync.
    [[nodiscard]] int progress() const { return m_progress; }
    // Local changes not yet accepted by the platform (parked ones not counted).
    [[nodiscard]] int pendingCount() const { return m_pendingCount; }
    // UTC; invalid before the first successful sync of this session.
    [[nodiscard]] QDateTime lastSuccess() const { return m_lastSuccess; }
    // Translated; empty when the last sync succeeded.
    [[nodiscard]] QString lastError() const { return m_lastError; }
    // Stable code of the last error (e.g. "clock.skew", "network.timeout"); empty after a success.
    [[nodiscard]] QString lastErrorCode() const { return m_lastErrorCode; }

public slots:
    // `serverAddress` is what the teacher typed, e.g. "school.edu.cn".
    void signIn(const QString &serverAddress, const QString &account, const QString &password);
    void submitOtp(const QString &code);
    // Deletes the tokens; local data and pending changes stay.
    void signOut();
    void syncNow();
    // Connect the stores' changed() signals here: a sync follows shortly.
    void notifyLocalChange();
    // QNetworkInformation reports here; a network that comes back starts a
    // sync at once. Public so tests can play a network change.
    void onReachabilityChanged(QNetworkInformation::Reachability reachability);

    // The courseware upload queue in the engine's thread. The queue exists
    // once a platform is set up (signed in or session restored); before that
    // these do nothing.
    void pauseUpload(const QString &coursewareId);
    void resumeUpload(const QString &coursewareId);
    void cancelUpload(const QString &coursewareId);
    void pauseAllUploads();
    void resumeAllUploads();
    // Call after the Settings page changed the upload speed cap or start time.
    void reloadUploadSettings();
    // Applies a changed proxy or CA file to the running engine.
    void reloadNetworkSettings();
    // uploadItemsReset() follows with the whole queue, when there is one.
    void requestUploadItems();

signals:
    void stateChanged(ClassDesk::SyncEngine::State state, int progress);
    void pendingCountChanged(int count);
    void lastSuccessChanged(const QDateTime &when);
    void lastErrorChanged(const QString &message);
    // Two-step verification: ask for the code and call submitOtp().
    void otpRequired();
    void signInFailed(const QString &message);
    // After a sign-in with a password: whether the system keychain keeps it
    // for the next session. When `saved` is false, `errorCode` gives the
    // reason: keychain.unavailable or keychain.failed.
    void signInSaved(bool saved, const QString &errorCode);
    // Rows that sync wrote on its own connection; item models reload them.
    void dataChanged(const QString &entity, const QStringList &ids);
    // Before syncFinished(true): changes pulled and pushed, conflicts written.
    void runCounted(int pulled, int pushed, int conflicts);
    void syncFinished(bool ok);
    // The upload queue, mirrored from the engine's thread (queued connections).
    void uploadItemsReset(const QList<ClassDesk::UploadQueue::Item> &items);
    void uploadItemChanged(const ClassDesk::UploadQueue::Item &item);
    void uploadItemRemoved(const QString &coursewareId);
    void uploadOverallProgress(qint64 confirmedBytes, qint64 sentBytes, qint64 totalBytes, double bytesPerSecond,
                               qint64 etaSeconds);

private:
    void watchReachability();

    QThread m_ownThread;
    QThread *m_thread = nullptr;
    SyncEngine *m_engine = nullptr;
    State m_state = State::SignedOut;
    int m_progress = 0;
    int m_pendingCount = 0;
    QDateTime m_lastSuccess;
    QString m_lastError;
    QString m_lastErrorCode;
    QNetworkInformation::Reachability m_reachability = QNetworkInformation::Reachability::Unknown;
};

} // namespace ClassDesk
