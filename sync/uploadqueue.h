// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "uploadqueuestore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTime>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace ClassDesk {

class AuthClient;
class CoursewareStore;
class Database;
class HttpTransport;
class TusUploadJob;

// Sends courseware files to the platform one at a time, resumably, and keeps
// its state in the `upload` table so a restart continues where it stopped.
//
// For each item the platform is first asked whether it already stores the
// content (SHA-256 and size); if so the item is linked without sending a
// byte. Otherwise a tus upload is created or resumed (see TusUploadJob). An
// item is done only when the server shows the whole length stored and the
// platform's file has the item's size and SHA-256. Failures are retried with
// exponential back-off; an item whose attempts run out without the server's
// offset moving, or that fails in a way a retry cannot fix, needs the
// teacher's attention and keeps a translated message.
//
// Lives in the sync worker thread with the transport, the AuthClient and its
// own database connection; every signal is meant for queued connections.
class UploadQueue : public QObject
{
    Q_OBJECT

public:
    enum class ItemState {
        Queued,         // waiting for its turn
        Waiting,        // failed; retried at nextAttemptAt
        Uploading,      // the current item
        Paused,         // paused by the teacher
        Done,           // verified on the platform
        NeedsAttention, // retries ran out or cannot help; see errorMessage
    };
    Q_ENUM(ItemState)

    struct Item
    {
        QString coursewareId;
        QString title;             // NFC
        ItemState state = ItemState::Queued;
        qint64 totalBytes = 0;
        qint64 confirmedBytes = 0; // acknowledged by the server
        qint64 sentBytes = 0;      // confirmed plus the part of the current chunk sent; for display
        double bytesPerSecond = 0; // smoothed; 0 when not uploading
        qint64 etaSeconds = -1;    // -1 when unknown
        int attempts = 0;
        QDateTime nextAttemptAt;   // UTC; invalid when due now
        QString fileId;            // the platform's file once done
        QString errorCode;
        QString errorMessage;      // translated
        bool checkingPlatform = false; // uploading, still asking whether the platform has the content
        bool linkedInstantly = false;  // done without a tus upload: the platform already had the content
    };

    // The local date and time; replaceable so tests can move the schedule's clock.
    using Clock = std::function<QDateTime()>;

    struct RetryPolicy
    {
        int maxAttempts = 8;
        std::chrono::milliseconds firstDelay{std::chrono::seconds(5)};
        std::chrono::milliseconds maxDelay{std::chrono::minutes(15)};
    };

    // QSettings keys the Settings page writes.
    static constexpr const char *LimitSettingsKey = "sync/uploadLimitKilobytesPerSecond";
    static constexpr const char *NotBeforeSettingsKey = "sync/uploadNotBefore"; // "HH:mm", empty for any time

    // Files are read from the courseware file store under `dataDirectory`.
    UploadQueue(Database &database, const QString &dataDirectory, AuthClient *auth, HttpTransport *transport,
                QObject *parent = nullptr);
    ~UploadQueue() override;

    // Adds the courseware item to the queue; an item that needs attention or
    // is paused is queued again. An item already done stays done.
    [[nodiscard]] Status enqueue(const QString &coursewareId);
    // Stops the item's transfer; the tus upload stays on the server.
    [[nodiscard]] Status pause(const QString &coursewareId);
    // Queues a paused or needs-attention item again with fresh attempts.
    [[nodiscard]] Status resume(const QString &coursewareId);
    // Stops the item, removes it from the queue and terminates its tus upload
    // on the server (tus DELETE, not awaited). The courseware goes back to "local".
    [[nodiscard]] Status cancel(const QString &coursewareId);

    // Pauses every item that is not done yet.
    void pauseAll();
    // Queues every paused item again.
    void resumeAll();

    // Starts working through the queue; uploads wait while stopped.
    void start();
    // Pauses the whole queue; the current transfer stops and resumes on start().
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }

    // Reads the bandwidth cap and the start time from QSettings.
    void loadSettings();
    // Caps upload speed in KiB/s for the next request on; 0 removes the cap.
    void setBandwidthLimit(qint64 kilobytesPerSecond);
    // Uploads only start after this local time of day; an invalid time allows any.
    // A transfer already running goes on.
    void setNotBefore(const QTime &time);
    [[nodiscard]] QTime notBefore() const { return m_notBefore; }
    // True while queued items wait for the start time of day.
    [[nodiscard]] bool isWaitingForStartTime() const;
    void setClock(Clock clock);
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    void setChunkLimits(qint64 minBytes, qint64 maxBytes);

    [[nodiscard]] QList<Item> items() const;
    [[nodiscard]] std::optional<Item> item(const QString &coursewareId) const;
    // True when no item is queued, waiting or uploading.
    [[nodiscard]] bool isIdle() const;
    // Body bytes sent by this queue object since it was made, re-sent bytes included.
    [[nodiscard]] qint64 bytesSent() const;

signals:
    void itemChanged(const QString &coursewareId, ClassDesk::UploadQueue::ItemState state);
    // The whole item after every itemChanged() and itemProgress(), for views in other threads.
    void itemUpdated(const ClassDesk::UploadQueue::Item &item);
    // The item left the queue (cancelled).
    void itemRemoved(const QString &coursewareId);
    // Emitted every 250 ms while an item uploads. bytesPerSecond is smoothed over
    // about two seconds; etaSeconds is -1 while unknown.
    void itemProgress(const QString &coursewareId, qint64 confirmedBytes, qint64 sentBytes, qint64 totalBytes,
                      double bytesPerSecond, qint64 etaSeconds);
    // The same sums over every item that is not done yet.
    void overallProgress(qint64 confirmedBytes, qint64 sentBytes, qint64 totalBytes, double bytesPerSecond,
                         qint64 etaSeconds);
    void itemFinished(const QString &coursewareId, const QString &fileId);
    void itemNeedsAttention(const QString &coursewareId, const ClassDesk::Error &error);
    // Emitted when nothing is queued, waiting or uploading any more.
    void idle();
    // Diagnostics: a PATCH starts, or the server's offset differed from the client's.
    void chunkStarted(const QString &coursewareId, qint64 offset, qint64 size);
    void serverOffsetCorrected(const QString &coursewareId, qint64 expected, qint64 server);

private:
    [[nodiscard]] Status reload();
    [[nodiscard]] Item makeItem(const UploadEntry &entry) const;
    [[nodiscard]] Status saveEntry(const UploadEntry &entry);
    [[nodiscard]] UploadEntry *findEntry(const QString &coursewareId);
    [[nodiscard]] ItemState stateOf(const UploadEntry &entry) const;
    void setCoursewareState(const QString &coursewareId, const QString &state, const QString &remoteId = {});
    [[nodiscard]] Status recordUploadedFile(const UploadEntry &entry);
    // Marks the courseware as on the platform and queues its file id, inside
    // the caller's write transaction.
    [[nodiscard]] Status linkUploadedFile(const QString &coursewareId, const QString &fileId);
    [[nodiscard]] Status repairFinishedUploads();

    void scheduleNext();
    [[nodiscard]] qint64 msUntilAllowed() const;
    void startUpload(UploadEntry &entry);
    void stopCurrent();
    void onJobFinished();
    void handleFailure(UploadEntry &entry, const Error &error, bool madeProgress);
    [[nodiscard]] qint64 backoffMs(int attempts) const;
    void updateRate();
    void emitProgress();

    Database &m_database;
    QString m_dataDirectory;
    QPointer<AuthClient> m_auth;
    QPointer<HttpTransport> m_transport;
    UploadQueueStore m_store;
    CoursewareStore *m_coursewareStore = nullptr;
    QList<UploadEntry> m_entries;
    QHash<QString, QString> m_titles;
    QHash<QString, qint64> m_chunkSizes;
    // Items paused by the teacher in this session, with the offset the server last acknowledged.
    QHash<QString, qint64> m_pausedOffsets;
    RetryPolicy m_retryPolicy;
    qint64 m_minChunk = 0;
    qint64 m_maxChunk = 0;
    QTime m_notBefore;
    Clock m_clock;
    bool m_running = false;

    QPointer<TusUploadJob> m_job;
    QString m_currentId;
    qint64 m_offsetAtJobStart = 0;
    qint64 m_bytesSentFinished = 0;
    QTimer m_scheduleTimer;
    QTimer m_progressTimer;
    QElapsedTimer m_rateClock;
    qint64 m_rateLastBytes = 0;
    qint64 m_rateLastMs = 0;
    double m_rate = 0;
};

} // namespace ClassDesk

Q_DECLARE_METATYPE(ClassDesk::UploadQueue::Item)
