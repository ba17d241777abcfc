// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadqueue.h"

#include "authclient.h"
#include "civiltime.h"
#include "coursewarefilestore.h"
#include "coursewarestore.h"
#include "database.h"
#include "httptransport.h"
#include "outboxwriter.h"
#include "storesupport.h"
#include "tusuploadjob.h"
#include "uploadlogging.h"

#include <QFileInfo>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QSettings>

Q_LOGGING_CATEGORY(lcSyncUpload, "classdesk.sync.upload", QtInfoMsg)

namespace ClassDesk {

namespace {

constexpr int ProgressIntervalMs = 250;
// A queue waiting for its start time looks at the clock at least this often,
// so a PC that slept or had its clock changed does not wait for hours.
constexpr qint64 StartTimeCheckMs = 60 * 1000;

// The name the platform stores: the title in NFC, with the MIME type's usual
// suffix when the title has none, so a download opens in the right program.
QString uploadFileName(const Courseware &courseware)
{
    QString name = courseware.title.normalized(QString::NormalizationForm_C);
    if (!QFileInfo(name).suffix().isEmpty())
        return name;
    const QString suffix = QMimeDatabase().mimeTypeForName(courseware.mimeType).preferredSuffix();
    return suffix.isEmpty() ? name : name + QLatin1Char('.') + suffix;
}

} // namespace

UploadQueue::UploadQueue(Database &database, const QString &dataDirectory, AuthClient *auth,
                         HttpTransport *transport, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_dataDirectory(dataDirectory)
    , m_auth(auth)
    , m_transport(transport)
    , m_store(database)
    , m_coursewareStore(new CoursewareStore(database, this))
    , m_clock([] { return QDateTime::currentDateTime(); })
{
    m_scheduleTimer.setSingleShot(true);
    connect(&m_scheduleTimer, &QTimer::timeout, this, &UploadQueue::scheduleNext);
    m_progressTimer.setInterval(ProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        updateRate();
        emitProgress();
    });
    m_rateClock.start();

    // Views in other threads get whole items, so they never ask back across threads.
    connect(this, &UploadQueue::itemChanged, this, [this](const QString &id) {
        if (const auto current = item(id))
            emit itemUpdated(*current);
    });
    connect(this, &UploadQueue::itemProgress, this, [this](const QString &id) {
        if (const auto current = item(id))
            emit itemUpdated(*current);
    });

    // Items held back by a missing sign-in go on once the teacher signs in.
    connect(auth, &AuthClient::signedIn, this, [this] {
        for (UploadEntry &entry : m_entries) {
            if (entry.state == UploadEntry::State::Queued && entry.lastErrorCode.startsWith(QLatin1String("auth."))) {
                entry.nextAttemptAt = 0;
                (void)saveEntry(entry);
            }
        }
        scheduleNext();
    });

    if (auto status = repairFinishedUploads(); !status)
        qCWarning(lcSyncUpload) << "Cannot link finished uploads:" << status.error().toLogString();
    if (auto status = reload(); !status)
        qCWarning(lcSyncUpload) << "Cannot read the upload queue:" << status.error().toLogString();
}

UploadQueue::~UploadQueue()
{
    // Quitting is not a failure: the item stays queued and resumes next time.
    stopCurrent();
}

Status UploadQueue::reload()
{
    auto entries = m_store.entries();
    if (!entries)
        return std::unexpected(entries.error());
    m_entries = *entries;
    for (const UploadEntry &entry : std::as_const(m_entries)) {
        if (const auto courseware = m_coursewareStore->courseware(entry.coursewareId))
            m_titles.insert(entry.coursewareId, courseware->title.normalized(QString::NormalizationForm_C));
    }
    return {};
}

Status UploadQueue::saveEntry(const UploadEntry &entry)
{
    auto status = m_store.save(entry);
    if (!status)
        qCWarning(lcSyncUpload) << "Cannot save upload state of" << entry.coursewareId << ":"
                                << status.error().toLogString();
    return status;
}

UploadEntry *UploadQueue::findEntry(const QString &coursewareId)
{
    for (UploadEntry &entry : m_entries) {
        if (entry.coursewareId == coursewareId)
            return &entry;
    }
    return nullptr;
}

void UploadQueue::setCoursewareState(const QString &coursewareId, const QString &state, const QString &remoteId)
{
    if (auto status = m_coursewareStore->setUploadState(coursewareId, state, remoteId); !status)
        qCWarning(lcSyncUpload) << "Cannot record upload state of" << coursewareId << ":"
                                << status.error().toLogString();
}

Status UploadQueue::enqueue(const QString &coursewareId)
{
    const auto courseware = m_coursewareStore->courseware(coursewareId);
    if (!courseware)
        return std::unexpected(courseware.error());
    if (auto status = m_store.enqueue(coursewareId, courseware->sizeBytes); !status)
        return status;
    if (auto status = reload(); !status)
        return status;

    const UploadEntry *entry = findEntry(coursewareId);
    if (entry && entry->state != UploadEntry::State::Done)
        setCoursewareState(coursewareId, QStringLiteral("uploading"));
    qCInfo(lcSyncUpload) << "Queued courseware" << coursewareId << "for upload," << courseware->sizeBytes << "bytes";
    emit itemChanged(coursewareId, entry ? stateOf(*entry) : ItemState::Queued);
    scheduleNext();
    return {};
}

Status UploadQueue::pause(const QString &coursewareId)
{
    UploadEntry *entry = findEntry(coursewareId);
    if (!entry)
        return makeError(QStringLiteral("upload.not_queued"), tr("This courseware is not in the upload queue."));
    if (entry->state == UploadEntry::State::Done)
        return {};
    if (m_currentId == coursewareId)
        stopCurrent();
    entry->state = UploadEntry::State::Paused;
    if (!entry->uploadUrl.isEmpty())
        m_pausedOffsets.insert(coursewareId, entry->confirmedBytes);
    if (auto status = saveEntry(*entry); !status)
        return status;
    emit itemChanged(coursewareId, ItemState::Paused);
    scheduleNext();
    return {};
}

Status UploadQueue::resume(const QString &coursewareId)
{
    UploadEntry *entry = findEntry(coursewareId);
    if (!entry)
        return makeError(QStringLiteral("upload.not_queued"), tr("This courseware is not in the upload queue."));
    if (entry->state == UploadEntry::State::Done || entry->state == UploadEntry::State::Queued)
        return {};
    entry->state = UploadEntry::State::Queued;
    entry->attempts = 0;
    entry->nextAttemptAt = 0;
    entry->lastErrorCode.clear();
    entry->lastErrorMessage.clear();
    if (auto status = saveEntry(*entry); !status)
        return status;
    setCoursewareState(coursewareId, QStringLiteral("uploading"));
    emit itemChanged(coursewareId, ItemState::Queued);
    scheduleNext();
    return {};
}

Status UploadQueue::cancel(const QString &coursewareId)
{
    UploadEntry *entry = findEntry(coursewareId);
    if (!entry)
        return {};
    if (m_currentId == coursewareId)
        stopCurrent();
    const QUrl uploadUrl = entry->uploadUrl;
    const bool done = entry->state == UploadEntry::State::Done;
    if (auto status = m_store.remove(coursewareId); !status)
        return status;
    m_entries.removeIf([&](const UploadEntry &e) { return e.coursewareId == coursewareId; });

    if (!uploadUrl.isEmpty() && !done && m_auth)
        TusUploadJob::terminate(m_auth, uploadUrl);
    if (!done)
        setCoursewareState(coursewareId, QStringLiteral("local"));
    qCInfo(lcSyncUpload) << "Cancelled the upload of courseware" << coursewareId;
    emit itemRemoved(coursewareId);
    scheduleNext();
    return {};
}

void UploadQueue::pauseAll()
{
    QStringList ids;
    for (const UploadEntry &entry : std::as_const(m_entries)) {
        if (entry.state == UploadEntry::State::Queued)
            ids << entry.coursewareId;
    }
    for (const QString &id : std::as_const(ids)) {
        if (auto status = pause(id); !status)
            qCWarning(lcSyncUpload) << "Cannot pause the upload of" << id << ":" << status.error().toLogString();
    }
}

void UploadQueue::resumeAll()
{
    QStringList ids;
    for (const UploadEntry &entry : std::as_const(m_entries)) {
        if (entry.state == UploadEntry::State::Paused)
            ids << entry.coursewareId;
    }
    for (const QString &id : std::as_const(ids)) {
        if (auto status = resume(id); !status)
            qCWarning(lcSyncUpload) << "Cannot resume the upload of" << id << ":" << status.error().toLogString();
    }
}

void UploadQueue::start()
{
    m_running = true;
    scheduleNext();
}

void UploadQueue::stop()
{
    m_running = false;
    m_scheduleTimer.stop();
    stopCurrent();
}

void UploadQueue::loadSettings()
{
    const QSettings settings;
    setBandwidthLimit(settings.value(QLatin1String(LimitSettingsKey), 0).toLongLong());
    setNotBefore(QTime::fromString(settings.value(QLatin1String(NotBeforeSettingsKey)).toString(),
                                   QStringLiteral("HH:mm")));
}

void UploadQueue::setBandwidthLimit(qint64 kilobytesPerSecond)
{
    if (!m_transport)
        return;
    HttpSettings settings = m_transport->settings();
    settings.maxSendBytesPerSecond = std::max<qint64>(0, kilobytesPerSecond) * 1024;
    m_transport->setSettings(settings);
}

void UploadQueue::setNotBefore(const QTime &time)
{
    m_notBefore = time;
    scheduleNext();
}

void UploadQueue::setClock(Clock clock)
{
    m_clock = std::move(clock);
    scheduleNext();
}

bool UploadQueue::isWaitingForStartTime() const
{
    const bool anyQueued = std::any_of(m_entries.begin(), m_entries.end(), [](const UploadEntry &entry) {
        return entry.state == UploadEntry::State::Queued;
    });
    return anyQueued && !m_job && msUntilAllowed() > 0;
}

void UploadQueue::setChunkLimits(qint64 minBytes, qint64 maxBytes)
{
    m_minChunk = minBytes;
    m_maxChunk = maxBytes;
}

Status UploadQueue::recordUploadedFile(const UploadEntry &entry)
{
    // The entry, the courseware row and the file id in the courseware's
    // outbox entry change in one transaction, because OutboxStore::pending()
    // leaves that entry out until the courseware row has a file id. An entry
    // saved as done without the rest would keep it waiting for ever.
    return m_database.writeTransaction([&]() -> Status {
        if (auto saved = m_store.write(entry); !saved)
            return saved;
        return linkUploadedFile(entry.coursewareId, entry.fileId);
    });
}

Status UploadQueue::linkUploadedFile(const QString &coursewareId, const QString &fileId)
{
    if (auto updated = StoreSupport::run(m_database,
                                         "UPDATE courseware SET upload_state = 'uploaded', remote_id = ? WHERE id = ?",
                                         fileId, coursewareId);
        !updated) {
        return updated;
    }
    return OutboxWriter::recordRow(m_database, QStringLiteral("courseware"), coursewareId, QStringLiteral("update"));
}

Status UploadQueue::repairFinishedUploads()
{
    // Versions that saved a finished upload and its courseware row in two
    // transactions could stop between them; such a row still waits here.
    QList<std::pair<QString, QString>> unlinked;
    {
        auto statement = m_database.prepare(
            "SELECT u.courseware_id, u.file_id FROM upload u JOIN courseware c ON c.id = u.courseware_id "
            "WHERE u.state = 'done' AND u.file_id IS NOT NULL AND c.upload_state <> 'uploaded'");
        if (!statement)
            return std::unexpected(statement.error());
        for (;;) {
            const auto row = statement->step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                break;
            unlinked.append({statement->textAt(0), statement->textAt(1)});
        }
    }

    if (!unlinked.isEmpty())
        qCInfo(lcSyncUpload) << "Linking" << unlinked.size() << "finished uploads to their courseware";
    return m_database.writeTransaction([&]() -> Status {
        for (const auto &[coursewareId, fileId] : std::as_const(unlinked)) {
            if (auto linked = linkUploadedFile(coursewareId, fileId); !linked)
                return linked;
        }
        // cancel() removes the queue row before it resets the courseware, so
        // a stop between the two leaves courseware 'uploading' with no row.
        return StoreSupport::run(m_database,
                                 "UPDATE courseware SET upload_state = 'local' WHERE upload_state = 'uploading' "
                                 "AND NOT EXISTS (SELECT 1 FROM upload WHERE upload.courseware_id = courseware.id)");
    });
}

UploadQueue::ItemState UploadQueue::stateOf(const UploadEntry &entry) const
{
    switch (entry.state) {
    case UploadEntry::State::Paused:
        return ItemState::Paused;
    case UploadEntry::State::Done:
        return ItemState::Done;
    case UploadEntry::State::NeedsAttention:
        return ItemState::NeedsAttention;
    case UploadEntry::State::Queued:
        break;
    }
    if (entry.coursewareId == m_currentId)
        return ItemState::Uploading;
    return entry.nextAttemptAt > CivilTime::nowMs() ? ItemState::Waiting : ItemState::Queued;
}

UploadQueue::Item UploadQueue::makeItem(const UploadEntry &entry) const
{
    Item item;
    item.coursewareId = entry.coursewareId;
    item.title = m_titles.value(entry.coursewareId);
    item.state = stateOf(entry);
    item.totalBytes = entry.totalBytes;
    item.confirmedBytes = entry.confirmedBytes;
    item.sentBytes = entry.confirmedBytes;
    if (m_job && entry.coursewareId == m_currentId)
        item.sentBytes = std::clamp(m_job->sentOffset(), entry.confirmedBytes, entry.totalBytes);
    item.attempts = entry.attempts;
    item.fileId = entry.fileId;
    item.errorCode = entry.lastErrorCode;
    item.errorMessage = entry.lastErrorMessage;
    item.checkingPlatform = item.state == ItemState::Uploading && m_job && m_job->isLookingUp();
    // Only the lookup finishes an item without creating a tus upload.
    item.linkedInstantly = item.state == ItemState::Done && entry.uploadUrl.isEmpty();
    if (entry.nextAttemptAt > 0)
        item.nextAttemptAt = QDateTime::fromMSecsSinceEpoch(entry.nextAttemptAt, Qt::UTC);
    if (item.state == ItemState::Uploading && m_rate > 0) {
        item.bytesPerSecond = m_rate;
        item.etaSeconds = qint64(double(entry.totalBytes - item.sentBytes) / m_rate);
    }
    return item;
}

QList<UploadQueue::Item> UploadQueue::items() const
{
    QList<Item> list;
    for (const UploadEntry &entry : m_entries)
        list.append(makeItem(entry));
    return list;
}

std::optional<UploadQueue::Item> UploadQueue::item(const QString &coursewareId) const
{
    for (const UploadEntry &entry : m_entries) {
        if (entry.coursewareId == coursewareId)
            return makeItem(entry);
    }
    return std::nullopt;
}

bool UploadQueue::isIdle() const
{
    return !m_job && std::none_of(m_entries.begin(), m_entries.end(), [](const UploadEntry &entry) {
        return entry.state == UploadEntry::State::Queued;
    });
}

qint64 UploadQueue::bytesSent() const
{
    return m_bytesSentFinished + (m_job ? m_job->bytesSent() : 0);
}

qint64 UploadQueue::msUntilAllowed() const
{
    if (!m_notBefore.isValid())
        return 0;
    const QTime now = m_clock().time();
    return now >= m_notBefore ? 0 : now.msecsTo(m_notBefore);
}

void UploadQueue::scheduleNext()
{
    if (!m_running || m_job)
        return;
    if (const qint64 wait = msUntilAllowed(); wait > 0) {
        qCInfo(lcSyncUpload) << "Uploads wait until" << m_notBefore.toString(QStringLiteral("HH:mm"));
        m_scheduleTimer.start(std::chrono::milliseconds(std::min(wait, StartTimeCheckMs)));
        return;
    }

    const qint64 now = CivilTime::nowMs();
    std::optional<qint64> earliest;
    for (UploadEntry &entry : m_entries) {
        if (entry.state != UploadEntry::State::Queued)
            continue;
        if (entry.nextAttemptAt <= now) {
            startUpload(entry);
            return;
        }
        earliest = std::min(earliest.value_or(entry.nextAttemptAt), entry.nextAttemptAt);
    }

    if (earliest) {
        m_scheduleTimer.start(std::chrono::milliseconds(*earliest - now));
        return;
    }
    emit idle();
}

void UploadQueue::startUpload(UploadEntry &entry)
{
    const auto courseware = m_coursewareStore->courseware(entry.coursewareId);
    if (!courseware) {
        handleFailure(entry, courseware.error(), false);
        scheduleNext();
        return;
    }

    TusUploadSource source;
    source.filePath = CoursewareFileStore(m_dataDirectory).filePath(courseware->sha256);
    source.size = courseware->sizeBytes;
    source.sha256 = courseware->sha256;
    source.fileName = uploadFileName(*courseware);
    source.contentType = courseware->mimeType;
    m_titles.insert(entry.coursewareId, courseware->title.normalized(QString::NormalizationForm_C));

    auto *job = new TusUploadJob(m_auth, source, this);
    if (m_minChunk > 0 && m_maxChunk > 0)
        job->setChunkLimits(m_minChunk, m_maxChunk);
    if (m_chunkSizes.contains(entry.coursewareId))
        job->setChunkSize(m_chunkSizes.value(entry.coursewareId));
    job->setUploadUrl(entry.uploadUrl);
    // A pause in this session ended cleanly, so no HEAD is needed before going on.
    if (const auto paused = m_pausedOffsets.constFind(entry.coursewareId); paused != m_pausedOffsets.cend())
        job->setResumeOffset(*paused);
    m_pausedOffsets.remove(entry.coursewareId);

    const QString id = entry.coursewareId;
    connect(job, &TusUploadJob::uploadUrlChanged, this, [this, id](const QUrl &url) {
        if (UploadEntry *e = findEntry(id)) {
            e->uploadUrl = url;
            if (url.isEmpty())
                e->confirmedBytes = 0;
            (void)saveEntry(*e);
        }
    });
    connect(job, &TusUploadJob::offsetConfirmed, this, [this, id](qint64 offset) {
        if (UploadEntry *e = findEntry(id)) {
            e->confirmedBytes = offset;
            (void)saveEntry(*e);
        }
    });
    connect(job, &TusUploadJob::chunkStarted, this,
            [this, id](qint64 offset, qint64 size) { emit chunkStarted(id, offset, size); });
    connect(job, &TusUploadJob::serverOffsetCorrected, this,
            [this, id](qint64 expected, qint64 server) { emit serverOffsetCorrected(id, expected, server); });
    connect(job, &TusUploadJob::finished, this, &UploadQueue::onJobFinished);

    m_job = job;
    m_currentId = id;
    m_offsetAtJobStart = entry.confirmedBytes;
    m_rate = 0;
    m_rateLastBytes = bytesSent();
    m_rateLastMs = m_rateClock.elapsed();
    m_progressTimer.start();
    qCInfo(lcSyncUpload) << "Uploading courseware" << id << (entry.uploadUrl.isEmpty() ? "from the start" : "(resuming)");
    job->start();
    // After start(), so views see whether the job begins with the lookup.
    emit itemChanged(id, ItemState::Uploading);
}

void UploadQueue::stopCurrent()
{
    if (!m_job)
        return;
    // stop() emits finished() at once, so disconnect first: a pause is no failure.
    TusUploadJob *job = m_job;
    disconnect(job, &TusUploadJob::finished, this, &UploadQueue::onJobFinished);
    job->stop();
    m_chunkSizes.insert(m_currentId, job->chunkSize());
    m_bytesSentFinished += job->bytesSent();
    job->deleteLater();
    m_job = nullptr;
    m_currentId.clear();
    m_progressTimer.stop();
    m_rate = 0;
}

void UploadQueue::onJobFinished()
{
    TusUploadJob *job = m_job;
    if (!job)
        return;
    const QString id = std::exchange(m_currentId, QString());
    m_job = nullptr;
    m_progressTimer.stop();
    m_rate = 0;
    m_bytesSentFinished += job->bytesSent();
    m_chunkSizes.insert(id, job->chunkSize());
    job->deleteLater();

    UploadEntry *entry = findEntry(id);
    if (!entry) {
        scheduleNext();
        return;
    }

    if (job->result()) {
        entry->state = UploadEntry::State::Done;
        entry->fileId = job->fileId();
        entry->confirmedBytes = entry->totalBytes;
        entry->attempts = 0;
        entry->nextAttemptAt = 0;
        entry->lastErrorCode.clear();
        entry->lastErrorMessage.clear();
        if (auto recorded = recordUploadedFile(*entry); !recorded) {
            qCWarning(lcSyncUpload) << "Cannot record the platform's file for courseware" << id << ":"
                                    << recorded.error().toLogString();
        }
        qCInfo(lcSyncUpload) << "Courseware" << id << "is on the platform as file" << entry->fileId
                             << (job->linkedExistingFile() ? "(linked, nothing sent)" : "");
        emitProgress();
        emit itemChanged(id, ItemState::Done);
        emit itemFinished(id, entry->fileId);
    } else {
        handleFailure(*entry, job->result().error(), job->confirmedBytes() > m_offsetAtJobStart);
    }
    scheduleNext();
}

void UploadQueue::handleFailure(UploadEntry &entry, const Error &error, bool madeProgress)
{
    // A cancelled request (sign-out, shutdown) is no failure of the upload.
    const bool waitsForSignIn = error.code.startsWith(QLatin1String("auth."))
        || error.code == QLatin1String("network.cancelled");
    // Attempts count failures since the server's offset last moved, so a slow
    // link that breaks often but makes progress is never given up on.
    if (!waitsForSignIn)
        entry.attempts = madeProgress ? 1 : entry.attempts + 1;
    entry.lastErrorCode = error.code;
    entry.lastErrorMessage = error.message;
    qCWarning(lcSyncUpload) << "Upload of courseware" << entry.coursewareId << "failed (attempt" << entry.attempts
                            << "):" << error.toLogString();

    const bool givesUp = !waitsForSignIn && (!error.retryable || entry.attempts >= m_retryPolicy.maxAttempts);
    if (givesUp) {
        entry.state = UploadEntry::State::NeedsAttention;
        entry.nextAttemptAt = 0;
        if (error.retryable)
            entry.lastErrorMessage = tr("ClassDesk stopped trying to upload this file after %n attempt(s). %1 "
                                        "Check the network connection, then retry the upload.",
                                        nullptr, entry.attempts)
                                         .arg(error.message);
        (void)saveEntry(entry);
        setCoursewareState(entry.coursewareId, QStringLiteral("failed"));
        emit itemChanged(entry.coursewareId, ItemState::NeedsAttention);
        Error shown = error;
        shown.message = entry.lastErrorMessage;
        emit itemNeedsAttention(entry.coursewareId, shown);
        return;
    }

    const qint64 delay = waitsForSignIn ? qint64(m_retryPolicy.maxDelay.count()) : backoffMs(entry.attempts);
    entry.nextAttemptAt = CivilTime::nowMs() + delay;
    (void)saveEntry(entry);
    emit itemChanged(entry.coursewareId, ItemState::Waiting);
}

qint64 UploadQueue::backoffMs(int attempts) const
{
    const qint64 first = m_retryPolicy.firstDelay.count();
    const qint64 cap = m_retryPolicy.maxDelay.count();
    const qint64 base = std::min(cap, first << std::min(attempts - 1, 20));
    // Up to a quarter of random spread, so many clients of one school do not retry in step.
    const qint64 jitter = base > 4 ? QRandomGenerator::global()->bounded(base / 4) : 0;
    return std::min(cap, base + jitter);
}

void UploadQueue::updateRate()
{
    const qint64 nowMs = m_rateClock.elapsed();
    const qint64 sent = bytesSent();
    const qint64 elapsed = nowMs - m_rateLastMs;
    if (elapsed <= 0)
        return;
    const double sample = double(sent - m_rateLastBytes) * 1000.0 / double(elapsed);
    // Smooth over roughly two seconds so the ETA does not jump with every chunk.
    m_rate = m_rate <= 0 ? sample : 0.85 * m_rate + 0.15 * sample;
    m_rateLastBytes = sent;
    m_rateLastMs = nowMs;
}

void UploadQueue::emitProgress()
{
    qint64 confirmed = 0;
    qint64 sent = 0;
    qint64 total = 0;
    for (const UploadEntry &entry : std::as_const(m_entries)) {
        if (entry.state == UploadEntry::State::Done)
            continue;
        const Item item = makeItem(entry);
        confirmed += item.confirmedBytes;
        sent += item.sentBytes;
        total += item.totalBytes;
        if (item.state == ItemState::Uploading)
            emit itemProgress(item.coursewareId, item.confirmedBytes, item.sentBytes, item.totalBytes,
                              item.bytesPerSecond, item.etaSeconds);
    }
    const qint64 eta = m_rate > 0 ? qint64(double(total - sent) / m_rate) : -1;
    emit overallProgress(confirmed, sent, total, m_rate, eta);
}

} // namespace ClassDesk
