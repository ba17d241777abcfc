// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncengine.h"

#include "uploadqueue.h"

#include "attendancestore.h"
#include "authclient.h"
#include "changeapplier.h"
#include "database.h"
#include "entitymapping.h"
#include "httperrors.h"
#include "httptransport.h"
#include "lessonmaterialstore.h"
#include "schoolstore.h"
#include "serveraddress.h"
#include "storesupport.h"
#include "synclogging.h"
#include "tokenstore.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>
#include <QRandomGenerator>
#include <QSettings>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace ClassDesk {

using namespace std::chrono_literals;

namespace {

const QString ServerKey = QStringLiteral("session.server");
const QString AccountKey = QStringLiteral("session.account");
// Connection settings for schools with their own CA or proxy.
const QString CaFileSettingsKey = QStringLiteral("sync/caFile");
const QString ProxySettingsKey = QStringLiteral("sync/proxy");

// When the last successful sync began, by a clock the platform had checked.
const QString LastRunStartKey = QStringLiteral("sync.last_run_start");

// Before the first sync nothing vouches for the clock. A mark dated before
// 2020 comes from a computer whose clock was reset, e.g. by a dead CMOS battery.
constexpr qint64 EarliestPlausibleMarkMs = 1577836800000; // 2020-01-01T00:00:00Z

Error unreadableReply()
{
    return Error{QStringLiteral("sync.invalid_reply"),
                 SyncEngine::tr("The platform sent an incomplete or damaged reply. ClassDesk will try again."), 0,
                 true};
}

} // namespace

SyncEngine::SyncEngine(QString databasePath, SyncSettings settings)
    : m_databasePath(std::move(databasePath))
    , m_settings(settings)
    , m_batchSize(std::max(1, settings.pushBatchSize))
{
    for (QTimer *timer : {&m_retryTimer, &m_localChangeTimer}) {
        timer->setSingleShot(true);
        timer->setParent(this);
    }
    m_periodicTimer.setParent(this);
    m_pollTimer.setParent(this);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncEngine::runSync);
    connect(&m_localChangeTimer, &QTimer::timeout, this, &SyncEngine::runSync);
    connect(&m_periodicTimer, &QTimer::timeout, this, &SyncEngine::runSync);
    connect(&m_pollTimer, &QTimer::timeout, this, &SyncEngine::refreshPendingCount);
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::start()
{
    auto database = Database::open(m_databasePath);
    if (!database) {
        setError(database.error());
        setState(State::NeedsAttention);
        return;
    }
    m_database = std::move(*database);
    m_outbox = std::make_unique<OutboxStore>(*m_database);

    // Entries a crash or lost reply left as sent go out again with their keys.
    if (auto requeued = m_outbox->requeueSent(); !requeued)
        qCWarning(lcSync) << "Could not requeue sent outbox entries:" << requeued.error().toLogString();

    m_transport = new HttpTransport(this);
    loadNetworkSettings();
    createTokenStore();
    if (m_settings.periodicInterval > 0ms)
        m_periodicTimer.start(m_settings.periodicInterval);
    if (m_settings.outboxPollInterval > 0ms)
        m_pollTimer.start(m_settings.outboxPollInterval);
    refreshPendingCount();
    if (auto adopted = ChangeApplier::adoptLegacyCursor(*m_database, QUrl(savedValue(ServerKey)), savedValue(AccountKey));
        !adopted) {
        qCWarning(lcSync) << "Could not move the feed cursor of an older version:" << adopted.error().toLogString();
    }
    restoreSavedSession();
}

void SyncEngine::loadNetworkSettings()
{
    // A school behind its own proxy or CA sets these once, in the Settings
    // page, the settings file or a policy. Without them curl follows the
    // system's proxy variables. The upload speed cap is left as it is.
    const QSettings settings;
    HttpSettings http = m_transport->settings();
    http.caFile = settings.value(CaFileSettingsKey).toString();
    http.proxy = settings.value(ProxySettingsKey).toString();
    m_transport->setSettings(http);
}

void SyncEngine::stop()
{
    m_retryTimer.stop();
    m_periodicTimer.stop();
    m_pollTimer.stop();
    m_localChangeTimer.stop();
    if (m_currentJob)
        m_currentJob->disconnect(this);
}

void SyncEngine::createClient(const QUrl &apiBaseUrl)
{
    if (m_auth && m_auth->apiBaseUrl() == apiBaseUrl)
        return;
    if (m_uploads) {
        m_uploads->stop();
        m_uploads->deleteLater();
    }
    if (m_auth) {
        m_auth->disconnect(this);
        m_auth->deleteLater();
    }
    m_auth = new AuthClient(m_transport, m_tokenStore, apiBaseUrl, this);

    // Courseware files go out through the same connection, transport and
    // sign-in; the queue waits while the teacher is signed out.
    m_uploads = new UploadQueue(*m_database, QFileInfo(m_databasePath).absolutePath(), m_auth, m_transport, this);
    m_uploads->loadSettings();
    connectUploadQueue();
    m_uploads->start();
    connect(m_auth, &AuthClient::stateChanged, this, &SyncEngine::onAuthStateChanged);
    connect(m_auth, &AuthClient::otpRequired, this, &SyncEngine::otpRequired);
    connect(m_auth, &AuthClient::tokensSaved, this, &SyncEngine::signInSaved);
    connect(m_auth, &AuthClient::signInFailed, this, [this](const Error &error) {
        setError(error);
        emit signInFailed(error.displayText());
    });
    // The teacher's id decides whose timetable Today shows; it stays after
    // sign-out so the app keeps showing the same lessons offline.
    connect(m_auth, &AuthClient::profileChanged, this, [this](const AccountProfile &profile) {
        saveValue(QString::fromLatin1(SignedInTeacherKey), profile.teacherId);
        saveValue(QString::fromLatin1(SignedInTeacherNameKey), profile.teacherName);
    });
    connect(m_auth, &AuthClient::signedIn, this, [this] {
        saveValue(ServerKey, m_auth->apiBaseUrl().toString());
        saveValue(AccountKey, m_auth->account());
        runSync();
    });
}

void SyncEngine::restoreSavedSession()
{
    const QString server = savedValue(ServerKey);
    const QString account = savedValue(AccountKey);
    if (server.isEmpty() || account.isEmpty()) {
        // Reported even though SignedOut is the initial state, so a view that
        // just connected learns it.
        m_state = State::SignedOut;
        emit stateChanged(m_state, 0);
        return;
    }
    createClient(QUrl(server));
    m_auth->restoreSession(account);
}

void SyncEngine::onAuthStateChanged()
{
    switch (m_auth->state()) {
    case AuthClient::State::SigningIn:
    case AuthClient::State::OtpRequired:
        setState(State::SigningIn);
        break;
    case AuthClient::State::SignedIn:
        break; // signedIn() starts a sync
    case AuthClient::State::SignInRequired:
        setState(State::SignInRequired);
        break;
    case AuthClient::State::SignedOut:
        if (!m_tokenStore->isPersistent() && !savedValue(AccountKey).isEmpty()) {
            onKeychainUnavailable();
            break;
        }
        // Reported even when already SignedOut, because a restore that found
        // no tokens ends here and a waiting caller must learn it.
        m_state = State::SignedOut;
        emit stateChanged(m_state, 0);
        break;
    }
}

void SyncEngine::onKeychainUnavailable()
{
    // A keychain that is not running yet is not the same as never having
    // signed in: the tokens may be there, so reading is tried again later
    // with a fresh token store. Local data and pending work stay either way.
    // A sign-in in progress goes on, and its tokens then live in memory.
    const bool signingIn = m_auth
        && (m_auth->state() == AuthClient::State::SigningIn || m_auth->state() == AuthClient::State::OtpRequired);
    if (savedValue(AccountKey).isEmpty() || signingIn || (m_auth && m_auth->state() == AuthClient::State::SignedIn))
        return;
    qCWarning(lcSync) << "Keychain unavailable; reading the sign-in again later";
    setError(Error{QStringLiteral("keychain.unavailable"), m_tokenStore->persistenceMessage(), 0, true});
    setState(State::NeedsAttention);
    m_tokenStore->deleteLater();
    createTokenStore();
    if (m_auth) {
        // The old client may still finish its restore, and that result is stale.
        m_auth->disconnect(this);
        m_auth->deleteLater();
        m_auth = nullptr;
    }
    ++m_failures;
    QTimer::singleShot(retryDelay(false, std::nullopt), this, &SyncEngine::restoreSavedSession);
}

void SyncEngine::createTokenStore()
{
    m_tokenStore = new TokenStore(this);
    connect(m_tokenStore, &TokenStore::persistenceChanged, this, [this](bool persistent) {
        if (!persistent)
            onKeychainUnavailable();
    });
}

void SyncEngine::signIn(const QString &serverAddress, const QString &account, const QString &password)
{
    const auto apiBaseUrl = ServerAddress::apiBaseUrl(serverAddress);
    if (!apiBaseUrl) {
        setError(apiBaseUrl.error());
        emit signInFailed(apiBaseUrl.error().displayText());
        return;
    }
    createClient(*apiBaseUrl);
    m_auth->signIn(account, password);
}

void SyncEngine::submitOtp(const QString &code)
{
    if (m_auth)
        m_auth->submitOtp(code);
}

void SyncEngine::signOut()
{
    m_retryTimer.stop();
    if (m_currentJob)
        m_currentJob->disconnect(this);
    m_running = false;
    saveValue(AccountKey, QString());
    if (m_auth)
        m_auth->signOut();
    setState(State::SignedOut);
}

void SyncEngine::syncNow()
{
    m_failures = 0;
    if (m_database && (!m_auth || m_auth->state() != AuthClient::State::SignedIn)) {
        // Only a sync the teacher asked for reports that sign-in is missing;
        // timers and local changes stay quiet until then.
        emit syncFinished(false);
        return;
    }
    runSync();
}

void SyncEngine::notifyLocalChange()
{
    m_localChangeTimer.start(m_settings.localChangeDelay);
}

void SyncEngine::networkReturned()
{
    // A retry waiting out its back-off would otherwise sleep through the
    // first minute of a short connection.
    if (!m_auth || m_auth->state() != AuthClient::State::SignedIn)
        return;
    qCInfo(lcSync) << "Network returned; syncing now";
    m_failures = 0;
    runSync();
}

void SyncEngine::runSync()
{
    if (!m_database)
        return;
    if (m_running) {
        m_runAgain = true;
        return;
    }
    if (!m_auth || m_auth->state() != AuthClient::State::SignedIn)
        return;

    // No push of this engine is in flight now, so entries still marked sent
    // lost their reply (for example when a sign-out cut a push short).
    if (auto requeued = m_outbox->requeueSent(); !requeued)
        qCWarning(lcSync) << "Could not requeue sent outbox entries:" << requeued.error().toLogString();

    m_retryTimer.stop();
    m_running = true;
    m_runAgain = false;
    m_pushedInRun = 0;
    m_pulledInRun = 0;
    m_conflictsInRun = 0;
    m_unappliedChanges = {};
    m_runStartedMs = QDateTime::currentMSecsSinceEpoch();
    m_pendingAtStart = m_outbox->count(QStringLiteral("pending")).value_or(0);
    qCInfo(lcSync) << "Sync started," << m_pendingAtStart << "changes waiting";
    setState(State::Syncing, 0);
    pullNextPage();
}

void SyncEngine::pullNextPage()
{
    auto cursor = ChangeApplier::cursor(*m_database, pullCursorKey());
    if (!cursor) {
        failRun(cursor.error());
        return;
    }
    if (!m_unappliedChanges.isEmpty())
        cursor = m_unappliedCursor;
    QUrl url = m_auth->endpoint(QStringLiteral("changes"));
    QUrlQuery query;
    if (!cursor->isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), *cursor);
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_settings.pullPageSize));
    url.setQuery(query);

    HttpRequest request("GET", url);
    request.setTimeout(m_settings.requestTimeout);
    AuthorizedJob *job = m_auth->send(request);
    m_currentJob = job;
    ++m_syncRequests;
    connect(job, &AuthorizedJob::finished, this, [this, job] {
        job->deleteLater();
        onPullFinished(job);
    });
}

void SyncEngine::onPullFinished(AuthorizedJob *job)
{
    if (auto clock = checkClock(job->response())) {
        failRun(*clock);
        return;
    }
    if (!job->result()) {
        failRun(job->result().error(), job->response().retryAfter());
        return;
    }

    QJsonParseError parseError;
    const QJsonObject page = QJsonDocument::fromJson(job->result()->body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !page.value(QStringLiteral("changes")).isArray()) {
        failRun(unreadableReply());
        return;
    }

    // A page is applied once the next one shows where its last group ends:
    // when a session's marks continue on the next page, both pages are
    // applied in one transaction, so a session never shows part of its marks.
    const QJsonArray changes = page.value(QStringLiteral("changes")).toArray();
    m_pulledInRun += int(changes.size());
    if (!m_unappliedChanges.isEmpty() && !continuesGroup(m_unappliedChanges, changes)) {
        if (!applyPulledChanges())
            return;
    }
    for (const QJsonValue change : changes)
        m_unappliedChanges.append(change);
    m_unappliedCursor = page.value(QStringLiteral("next_cursor")).toString();

    if (page.value(QStringLiteral("has_more")).toBool()) {
        setState(State::Syncing, 25);
        pullNextPage();
        return;
    }
    if (!applyPulledChanges())
        return;
    setState(State::Syncing, 50);
    if (auto moved = moveOfflineWork(); !moved) {
        failRun(moved.error());
        return;
    }
    if (auto held = holdImplausibleMarks(); !held) {
        failRun(held.error());
        return;
    }
    pushNextBatch();
}

Status SyncEngine::holdImplausibleMarks()
{
    // The pull has just found this computer's clock close to the platform's,
    // so now is trustworthy. Every unsent mark was made after the last
    // successful sync began (that sync pushed the older ones), and none can
    // be from the future. A mark outside that window was taken under a wrong
    // clock, so it waits for the teacher instead of going out with a wrong time.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 tolerance = std::chrono::milliseconds(m_settings.maxClockSkew).count();
    const qint64 lastRunStart = savedValue(LastRunStartKey).toLongLong();
    const qint64 earliest = std::max(EarliestPlausibleMarkMs, lastRunStart) - tolerance;

    AttendanceStore attendance(*m_database, QString());
    const auto held = attendance.holdImplausibleMarks(earliest, now + tolerance);
    if (!held)
        return std::unexpected(held.error());
    if (!held->isEmpty()) {
        qCWarning(lcSync) << held->size() << "attendance marks were taken under a wrong clock; held for the teacher";
        emit dataChanged(QStringLiteral("attendance_record"), *held);
    }
    return {};
}

bool SyncEngine::continuesGroup(const QJsonArray &applied, const QJsonArray &next)
{
    if (applied.isEmpty() || next.isEmpty())
        return false;

    // Children name their parent: a mark its session, a submission its assignment.
    const QJsonObject first = next.first().toObject();
    const QString entity = first.value(QStringLiteral("entity")).toString();
    const QJsonObject data = first.value(QStringLiteral("data")).toObject();
    QString parentEntity;
    QString parentId;
    if (entity == QLatin1String("attendance_record")) {
        parentEntity = QStringLiteral("attendance_session");
        parentId = data.value(QStringLiteral("session_id")).toString();
    } else if (entity == QLatin1String("submission")) {
        parentEntity = QStringLiteral("assignment");
        parentId = data.value(QStringLiteral("assignment_id")).toString();
    }
    if (parentId.isEmpty())
        return false;

    for (const QJsonValue change : applied) {
        const QJsonObject object = change.toObject();
        const QString changeEntity = object.value(QStringLiteral("entity")).toString();
        if (object.value(QStringLiteral("id")).toString() == parentId && changeEntity == parentEntity)
            return true;
        // Siblings of the same parent continue the group too.
        if (changeEntity == entity
            && object.value(QStringLiteral("data")).toObject().value(parentEntity == QLatin1String("assignment")
                                                                       ? QStringLiteral("assignment_id")
                                                                       : QStringLiteral("session_id"))
                   == parentId) {
            return true;
        }
    }
    return false;
}

QString SyncEngine::pullCursorKey() const
{
    return ChangeApplier::cursorKey(m_auth->apiBaseUrl(), m_auth->account());
}

bool SyncEngine::applyPulledChanges()
{
    ChangeApplier applier(*m_database, m_auth->profile() ? m_auth->profile()->schoolId : QString());
    applier.setCursorKey(pullCursorKey());
    const auto report = applier.applyPage(m_unappliedChanges, m_unappliedCursor);
    m_unappliedChanges = {};
    if (!report) {
        failRun(report.error());
        return false;
    }
    reportDataChanges(report->changedIds);
    m_conflictsInRun += report->conflicts;
    return true;
}

Status SyncEngine::moveOfflineWork()
{
    // Work done before the first sign-in joins the platform's school before
    // it is pushed, so a student the platform already has is adopted rather
    // than created a second time.
    auto local = m_database->prepare("SELECT EXISTS (SELECT 1 FROM school WHERE server_version IS NULL "
                                     "AND deleted_at IS NULL)");
    if (!local)
        return std::unexpected(local.error());
    const auto row = local->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row || local->int64At(0) == 0)
        return {};
    local->reset();

    SchoolStore schools(*m_database);
    const auto platform = schools.platformSchool();
    if (!platform)
        return std::unexpected(platform.error());
    if (!platform->has_value())
        return {};
    connect(&schools, &SchoolStore::changed, this, &SyncEngine::dataChanged);
    return schools.moveLocalSchoolsInto(**platform);
}

void SyncEngine::pushNextBatch()
{
    const auto pending = m_outbox->pending(m_batchSize);
    if (!pending) {
        failRun(pending.error());
        return;
    }
    if (pending->isEmpty()) {
        finishRun();
        return;
    }

    // Rows the platform does not take (the school, local teachers) are
    // acknowledged without sending: they stay local.
    QList<OutboxEntry> sent;
    QList<MutationResult> localOnly;
    QJsonArray mutations;
    for (const OutboxEntry &entry : *pending) {
        if (!EntityMapping::isPushed(entry.entity)) {
            localOnly.append(MutationResult{entry.idempotencyKey, MutationOutcome::Duplicate, {}, {}, {}});
            continue;
        }
        sent.append(entry);
        mutations.append(EntityMapping::toMutation(entry));
    }
    if (!localOnly.isEmpty()) {
        if (auto recorded = m_outbox->recordResults(localOnly); !recorded) {
            failRun(recorded.error());
            return;
        }
    }
    if (sent.isEmpty()) {
        pushNextBatch();
        return;
    }

    QList<qint64> seqs;
    for (const OutboxEntry &entry : std::as_const(sent))
        seqs.append(entry.seq);
    if (auto marked = m_outbox->markSent(seqs); !marked) {
        failRun(marked.error());
        return;
    }

    HttpRequest request("POST", m_auth->endpoint(QStringLiteral("mutations")));
    request.setBody(QJsonDocument(QJsonObject{{QStringLiteral("mutations"), mutations}}).toJson(QJsonDocument::Compact),
                    "application/json");
    request.setTimeout(m_settings.requestTimeout);
    AuthorizedJob *job = m_auth->send(request);
    m_currentJob = job;
    ++m_syncRequests;
    connect(job, &AuthorizedJob::finished, this, [this, job, sent] {
        job->deleteLater();
        onPushFinished(job, sent);
    });
}

void SyncEngine::onPushFinished(AuthorizedJob *job, const QList<OutboxEntry> &sent)
{
    QList<qint64> seqs;
    for (const OutboxEntry &entry : sent)
        seqs.append(entry.seq);

    const auto giveBack = [&](const QString &reason) {
        if (auto back = m_outbox->returnToPending(seqs, reason); !back)
            qCWarning(lcSync) << "Could not requeue pushed entries:" << back.error().toLogString();
    };

    if (!job->result()) {
        const Error error = job->result().error();
        giveBack(error.code);
        // A batch the platform finds too large is split, not retried as it is.
        if (error.httpStatus == 413 && m_batchSize > 1) {
            m_batchSize = std::max(1, m_batchSize / 2);
            qCInfo(lcSync) << "Batch too large; pushing" << m_batchSize << "entries at a time";
            pushNextBatch();
            return;
        }
        failRun(error, job->response().retryAfter());
        return;
    }

    // A reply that cannot be read is a lost reply: the entries go out again
    // with the same idempotency keys and the platform returns duplicate.
    QJsonParseError parseError;
    const QJsonObject body = QJsonDocument::fromJson(job->result()->body, &parseError).object();
    const QJsonArray results = body.value(QStringLiteral("results")).toArray();
    if (parseError.error != QJsonParseError::NoError || results.size() != sent.size()) {
        giveBack(QStringLiteral("sync.invalid_reply"));
        failRun(unreadableReply());
        return;
    }

    ChangeApplier applier(*m_database, m_auth->profile() ? m_auth->profile()->schoolId : QString());
    const auto report = applier.recordPushResults(*m_outbox, sent, results);
    if (!report) {
        giveBack(report.error().code);
        failRun(report.error());
        return;
    }
    reportDataChanges(report->changedIds);
    m_conflictsInRun += report->conflicts;

    m_pushedInRun += int(sent.size());
    const int total = std::max(m_pendingAtStart, m_pushedInRun);
    setState(State::Syncing, 50 + 50 * m_pushedInRun / std::max(1, total));
    refreshPendingCount();
    pushNextBatch();
}

void SyncEngine::enqueueQueuedCourseware()
{
    // A published lesson marks its courseware "queued". The queue uploads it
    // once the platform can be reached, so a file prepared offline still goes out.
    if (!m_uploads)
        return;
    QStringList queued;
    {
        // The statement is finished before enqueue() writes.
        auto statement = m_database->prepare("SELECT id FROM courseware WHERE upload_state = 'queued' "
                                             "AND deleted_at IS NULL");
        if (!statement)
            return;
        while (statement->step().value_or(false))
            queued << statement->textAt(0);
    }
    for (const QString &id : std::as_const(queued)) {
        if (auto added = m_uploads->enqueue(id); !added)
            qCWarning(lcSync) << "Could not queue courseware" << id << "for upload:" << added.error().code;
    }
}

void SyncEngine::finishRun()
{
    m_running = false;
    m_failures = 0;
    m_batchSize = std::max(1, m_settings.pushBatchSize);
    refreshPendingCount();

    const int parked = m_outbox->count(QStringLiteral("parked")).value_or(0);
    const int heldMarks = AttendanceStore(*m_database, QString()).heldMarks().value_or(QList<HeldMark>()).size();
    if (heldMarks > 0) {
        setError(Error{QStringLiteral("clock.marks_held"),
                       tr("%n attendance mark(s) were taken while this computer's clock was wrong. Check and "
                          "confirm them on the Attendance page; until then they stay on this computer.",
                          nullptr, heldMarks),
                       0, false});
        setState(State::NeedsAttention);
    } else if (parked > 0) {
        setError(Error{QStringLiteral("sync.needs_teacher"),
                       tr("%n change(s) could not be synced and need your decision on the Sync page.", nullptr,
                          parked),
                       0, false});
        setState(State::NeedsAttention);
    } else {
        setError({});
        setState(State::UpToDate, 100);
    }
    saveValue(QStringLiteral("sync.last_success"), QString::number(QDateTime::currentMSecsSinceEpoch()));
    saveValue(LastRunStartKey, QString::number(m_runStartedMs));
    enqueueQueuedCourseware();
    emit lastSuccessChanged(QDateTime::currentDateTimeUtc());
    qCInfo(lcSync) << "Sync finished," << parked << "changes parked";
    emit runCounted(m_pulledInRun, m_pushedInRun, m_conflictsInRun);
    emit syncFinished(true);

    if (m_runAgain)
        notifyLocalChange();
}

void SyncEngine::failRun(const Error &rawError, std::optional<std::chrono::seconds> retryAfter)
{
    m_running = false;
    // Pulled changes not yet applied are fetched again from the saved cursor.
    m_unappliedChanges = {};
    const Error error = classify(rawError);
    qCWarning(lcSync) << "Sync failed:" << error.toLogString();
    setError(error);
    refreshPendingCount();

    const bool offline = error.code.startsWith(QLatin1String("network."));
    if (error.code == QLatin1String("auth.sign_in_required")
        || (m_auth && m_auth->state() == AuthClient::State::SignInRequired)) {
        setState(State::SignInRequired);
    } else {
        setState(offline ? State::Offline : State::NeedsAttention);
    }

    if (error.retryable) {
        ++m_failures;
        m_retryTimer.start(retryDelay(offline, retryAfter));
    }
    emit syncFinished(false);
}

Error SyncEngine::classify(const Error &error) const
{
    Error result = error;
    switch (error.httpStatus) {
    case 403:
        result.message = tr("The platform denied access for this account. Ask your school's administrator to "
                            "check your permissions; your work stays on this computer.");
        break;
    case 409:
        result.message = tr("The platform reported a conflict with its data. Sync again; if this repeats, "
                            "contact your school's administrator.");
        break;
    case 413:
        result.message = tr("A single change is too large for the platform. Remove or shrink it and sync again.");
        break;
    case 507:
        result.message = tr("The platform has run out of storage. ClassDesk will try again later; "
                            "tell your school's administrator if this lasts.");
        result.retryable = true;
        break;
    default:
        break;
    }
    return result;
}

std::optional<Error> SyncEngine::checkClock(const HttpResponse &response) const
{
    const QByteArray header = response.header("Date");
    if (header.isEmpty())
        return std::nullopt;
    // RFC 9110 dates are IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT", always in English.
    QDateTime serverTime = QLocale::c().toDateTime(QString::fromLatin1(header.trimmed()),
                                                   QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    serverTime.setTimeZone(QTimeZone::utc());
    if (!serverTime.isValid())
        return std::nullopt;

    const qint64 skewSeconds = QDateTime::currentDateTimeUtc().secsTo(serverTime);
    if (std::abs(skewSeconds) <= m_settings.maxClockSkew.count())
        return std::nullopt;
    // A clock off by days (a dead CMOS battery resets it by years) is
    // reported by its date, which the teacher can compare with a calendar.
    if (std::abs(skewSeconds) >= 24 * 3600) {
        const QString message = tr("This computer's date is %1, but the platform's is %2. Set the correct date and "
                                   "time, then sync again; attendance marks depend on it.")
                                    .arg(QDate::currentDate().toString(Qt::ISODate),
                                         serverTime.toLocalTime().date().toString(Qt::ISODate));
        return Error{QStringLiteral("clock.skew"), message, 0, false};
    }
    const int minutes = int(std::abs(skewSeconds) / 60);
    const QString message = skewSeconds > 0
        ? tr("This computer's clock is %n minute(s) behind the platform's. Set the correct date and time, "
             "then sync again; attendance marks depend on it.", nullptr, minutes)
        : tr("This computer's clock is %n minute(s) ahead of the platform's. Set the correct date and time, "
             "then sync again; attendance marks depend on it.", nullptr, minutes);
    return Error{QStringLiteral("clock.skew"), message, 0, false};
}

std::chrono::milliseconds SyncEngine::retryDelay(bool offline, std::optional<std::chrono::seconds> retryAfter) const
{
    // Exponential back-off with ±20 % jitter, so many PCs of one school do
    // not retry in step; Retry-After is a lower bound.
    const int exponent = std::clamp(m_failures - 1, 0, 16);
    const auto cap = offline ? std::min(m_settings.offlineMaxDelay, m_settings.retryMaxDelay) : m_settings.retryMaxDelay;
    const double base = double(m_settings.retryBaseDelay.count()) * std::pow(2.0, exponent);
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    auto delay = std::chrono::milliseconds(qint64(std::min(base, double(cap.count())) * jitter));
    if (retryAfter)
        delay = std::max<std::chrono::milliseconds>(delay, *retryAfter);
    return delay;
}

void SyncEngine::reportDataChanges(const QHash<QString, QStringList> &changedIds)
{
    for (auto it = changedIds.cbegin(); it != changedIds.cend(); ++it)
        emit dataChanged(it.key(), it.value());
}

void SyncEngine::setState(State state, int progress)
{
    if (state == m_state && state != State::Syncing)
        return;
    m_state = state;
    emit stateChanged(state, progress);
}

void SyncEngine::setError(const Error &error)
{
    if (error.code == m_lastErrorCode && !error.code.isEmpty())
        return;
    m_lastErrorCode = error.code;
    emit errorChanged(error.message, error.code);
}

void SyncEngine::refreshPendingCount()
{
    if (!m_outbox)
        return;
    const auto pending = m_outbox->count(QStringLiteral("pending"));
    const auto sent = m_outbox->count(QStringLiteral("sent"));
    if (!pending || !sent)
        return;
    const int count = *pending + *sent;
    // New local work found by polling starts a sync after a short delay.
    if (count > m_pendingCount && m_pendingCount >= 0 && !m_running)
        notifyLocalChange();
    if (count != m_pendingCount) {
        m_pendingCount = count;
        emit pendingCountChanged(count);
    }
}

QString SyncEngine::savedValue(const QString &key)
{
    auto statement = m_database->prepare("SELECT value FROM sync_state WHERE key = ?");
    if (!statement)
        return {};
    statement->bind(1, key);
    const auto row = statement->step();
    return row && *row ? statement->textAt(0) : QString();
}

void SyncEngine::saveValue(const QString &key, const QString &value)
{
    const auto status = m_database->writeTransaction([&] {
        return StoreSupport::run(*m_database,
                                 "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 key, value);
    });
    if (!status)
        qCWarning(lcSync) << "Could not save sync state" << key << status.error().toLogString();
}

// Upload queue: forwarding between the queue and the UI thread

void SyncEngine::connectUploadQueue()
{
    connect(m_uploads, &UploadQueue::itemUpdated, this, &SyncEngine::uploadItemChanged);
    connect(m_uploads, &UploadQueue::itemRemoved, this, &SyncEngine::uploadItemRemoved);
    connect(m_uploads, &UploadQueue::overallProgress, this, &SyncEngine::uploadOverallProgress);
    // Outbox entries held back for this file can go out now.
    connect(m_uploads, &UploadQueue::itemFinished, this, &SyncEngine::notifyLocalChange);
    emit uploadItemsReset(m_uploads->items());
}

void SyncEngine::pauseUpload(const QString &coursewareId)
{
    if (!m_uploads)
        return;
    if (auto status = m_uploads->pause(coursewareId); !status)
        qCWarning(lcSync) << "Could not pause the upload of" << coursewareId << ":" << status.error().code;
}

void SyncEngine::resumeUpload(const QString &coursewareId)
{
    if (!m_uploads)
        return;
    if (auto status = m_uploads->resume(coursewareId); !status)
        qCWarning(lcSync) << "Could not resume the upload of" << coursewareId << ":" << status.error().code;
}

void SyncEngine::cancelUpload(const QString &coursewareId)
{
    if (!m_uploads)
        return;
    if (auto status = m_uploads->cancel(coursewareId); !status)
        qCWarning(lcSync) << "Could not cancel the upload of" << coursewareId << ":" << status.error().code;
}

void SyncEngine::pauseAllUploads()
{
    if (m_uploads)
        m_uploads->pauseAll();
}

void SyncEngine::resumeAllUploads()
{
    if (m_uploads)
        m_uploads->resumeAll();
}

void SyncEngine::reloadUploadSettings()
{
    if (m_uploads)
        m_uploads->loadSettings();
}

void SyncEngine::requestUploadItems()
{
    if (m_uploads)
        emit uploadItemsReset(m_uploads->items());
}

} // namespace ClassDesk
