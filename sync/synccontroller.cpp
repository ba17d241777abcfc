// SPDX-License-Identifier: GPL-3.0-or-later
#include "synccontroller.h"

#include "synclogging.h"

#include <utility>

namespace ClassDesk {

SyncController::SyncController(const QString &databasePath, const SyncSettings &settings, QThread *workerThread,
                               QObject *parent)
    : QObject(parent)
    , m_thread(workerThread ? workerThread : &m_ownThread)
{
    // The destructor waits for the engine's thread, which would deadlock on this one.
    Q_ASSERT(m_thread != QThread::currentThread());
    m_engine = new SyncEngine(databasePath, settings);
    m_engine->moveToThread(m_thread);

    connect(m_engine, &SyncEngine::stateChanged, this, [this](State state, int progress) {
        m_state = state;
        m_progress = progress;
        emit stateChanged(state, progress);
    });
    connect(m_engine, &SyncEngine::pendingCountChanged, this, [this](int count) {
        m_pendingCount = count;
        emit pendingCountChanged(count);
    });
    connect(m_engine, &SyncEngine::lastSuccessChanged, this, [this](const QDateTime &when) {
        m_lastSuccess = when;
        emit lastSuccessChanged(when);
    });
    connect(m_engine, &SyncEngine::errorChanged, this, [this](const QString &message, const QString &code) {
        m_lastErrorCode = code;
        if (m_lastError == message)
            return;
        m_lastError = message;
        emit lastErrorChanged(message);
    });
    connect(m_engine, &SyncEngine::otpRequired, this, &SyncController::otpRequired);
    connect(m_engine, &SyncEngine::signInFailed, this, &SyncController::signInFailed);
    connect(m_engine, &SyncEngine::signInSaved, this, &SyncController::signInSaved);
    connect(m_engine, &SyncEngine::dataChanged, this, &SyncController::dataChanged);
    connect(m_engine, &SyncEngine::runCounted, this, &SyncController::runCounted);
    connect(m_engine, &SyncEngine::syncFinished, this, &SyncController::syncFinished);
    connect(m_engine, &SyncEngine::uploadItemsReset, this, &SyncController::uploadItemsReset);
    connect(m_engine, &SyncEngine::uploadItemChanged, this, &SyncController::uploadItemChanged);
    connect(m_engine, &SyncEngine::uploadItemRemoved, this, &SyncController::uploadItemRemoved);
    connect(m_engine, &SyncEngine::uploadOverallProgress, this, &SyncController::uploadOverallProgress);

    if (m_thread == &m_ownThread) {
        m_ownThread.setObjectName(QStringLiteral("classdesk-sync"));
        m_ownThread.start();
    }
    QMetaObject::invokeMethod(m_engine, &SyncEngine::start);
    watchReachability();
}

void SyncController::watchReachability()
{
    // Qt loads the operating system's own source (Network List Manager,
    // SystemConfiguration, NetworkManager). Without one, the engine's retry
    // timer still notices a returning network, only later.
    if (!QNetworkInformation::loadDefaultBackend()) {
        qCInfo(lcSync) << "No network information available; retrying on a timer only";
        return;
    }
    QNetworkInformation *information = QNetworkInformation::instance();
    if (!information || !information->supports(QNetworkInformation::Feature::Reachability))
        return;
    m_reachability = information->reachability();
    connect(information, &QNetworkInformation::reachabilityChanged, this, &SyncController::onReachabilityChanged);
}

SyncController::~SyncController()
{
    // The engine is deleted in its own thread, which also ends its requests.
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine] {
            engine->stop();
            delete engine;
        },
        Qt::BlockingQueuedConnection);
    if (m_thread == &m_ownThread) {
        m_ownThread.quit();
        m_ownThread.wait();
    }
}

void SyncController::signIn(const QString &serverAddress, const QString &account, const QString &password)
{
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, serverAddress, account, password] {
        engine->signIn(serverAddress, account, password);
    });
}

void SyncController::submitOtp(const QString &code)
{
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, code] { engine->submitOtp(code); });
}

void SyncController::signOut()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::signOut);
}

void SyncController::syncNow()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::syncNow);
}

void SyncController::onReachabilityChanged(QNetworkInformation::Reachability reachability)
{
    using Reachability = QNetworkInformation::Reachability;
    const Reachability previous = std::exchange(m_reachability, reachability);
    // A school's platform may sit on its own network, so reaching the site
    // counts as much as reaching the internet.
    const auto reachesPlatform = [](Reachability value) {
        return value == Reachability::Online || value == Reachability::Site;
    };
    if (!reachesPlatform(reachability) || reachesPlatform(previous))
        return;
    QMetaObject::invokeMethod(m_engine, &SyncEngine::networkReturned);
}

void SyncController::notifyLocalChange()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::notifyLocalChange);
}

void SyncController::pauseUpload(const QString &coursewareId)
{
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, coursewareId] { engine->pauseUpload(coursewareId); });
}

void SyncController::resumeUpload(const QString &coursewareId)
{
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, coursewareId] { engine->resumeUpload(coursewareId); });
}

void SyncController::cancelUpload(const QString &coursewareId)
{
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, coursewareId] { engine->cancelUpload(coursewareId); });
}

void SyncController::pauseAllUploads()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::pauseAllUploads);
}

void SyncController::resumeAllUploads()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::resumeAllUploads);
}

void SyncController::reloadUploadSettings()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::reloadUploadSettings);
}

void SyncController::reloadNetworkSettings()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::loadNetworkSettings);
}

void SyncController::requestUploadItems()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::requestUploadItems);
}

} // namespace ClassDesk
