// SPDX-License-Identifier: GPL-3.0-or-later
#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QThread>
#include <QWidget>

Q_LOGGING_CATEGORY(lcInstance, "classdesk.ui.instance", QtInfoMsg)

namespace ClassDesk {

namespace {

const QByteArray RaiseRequest = QByteArrayLiteral("raise\n");

// A launch may find the lock held by a process that is still starting and
// not listening yet; it retries the connection for this long.
constexpr int ConnectDeadlineMs = 5000;
constexpr int ConnectAttemptMs = 250;

} // namespace

SingleInstance::SingleInstance(const QString &dataDirectory, QObject *parent)
    : QObject(parent)
    , m_name(serverName(dataDirectory))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString &dataDirectory)
{
    // The canonical path makes "folder", "folder/" and a symlink to it one
    // profile; a folder that does not exist yet has no canonical path.
    QFileInfo info(dataDirectory);
    QString path = info.canonicalFilePath();
    if (path.isEmpty())
        path = QDir::cleanPath(info.absoluteFilePath());

    // Local socket names are short on some systems (104 bytes on macOS), and
    // the user's name keeps two accounts on one PC apart.
    const QByteArray key = (QDir::homePath() + QLatin1Char('\n') + path).toUtf8();
    const QByteArray digest = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24);
    return QStringLiteral("classdesk-") + QString::fromLatin1(digest);
}

SingleInstance::Role SingleInstance::claim()
{
    m_lock = std::make_unique<QLockFile>(QDir(QDir::tempPath()).filePath(m_name + QStringLiteral(".lock")));

    // Zero means the lock never goes stale by age; a lock whose process has
    // died is still taken over, because QLockFile checks the holder's PID.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0)) {
        listen();
        return Role::Primary;
    }

    if (m_lock->error() != QLockFile::LockFailedError) {
        // An unwritable temporary folder must not keep the teacher out.
        qCWarning(lcInstance) << "Cannot create the instance lock file; starting without it, error"
                              << m_lock->error();
        return Role::Primary;
    }

    if (!sendRaiseRequest())
        qCWarning(lcInstance) << "Another ClassDesk has locked this data folder but did not reply to the raise request";
    return Role::Secondary;
}

void SingleInstance::listen()
{
    // A socket left behind by a process that crashed would make listen() fail;
    // holding the lock proves no live process uses it.
    QLocalServer::removeServer(m_name);

    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        qCWarning(lcInstance) << "Cannot listen for other launches:" << m_server->errorString();
        return;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::readRequest);
    qCInfo(lcInstance) << "Listening for other launches on" << m_name;
}

void SingleInstance::readRequest()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        const auto handle = [this, socket] {
            if (!socket->canReadLine())
                return;
            const QByteArray request = socket->readLine(64);
            if (request == RaiseRequest) {
                qCInfo(lcInstance) << "Raise request received from another launch";
                emit raiseRequested();
            } else {
                qCWarning(lcInstance) << "Ignored an unknown request of" << request.size() << "bytes";
            }
            socket->disconnectFromServer();
        };
        connect(socket, &QLocalSocket::readyRead, this, handle);
        handle(); // the request may have arrived with the connection
    }
}

bool SingleInstance::sendRaiseRequest()
{
    const QDeadlineTimer deadline(ConnectDeadlineMs);
    QLocalSocket socket;
    while (!deadline.hasExpired()) {
        socket.connectToServer(m_name);
        if (socket.waitForConnected(ConnectAttemptMs)) {
            socket.write(RaiseRequest);
            const bool written = socket.waitForBytesWritten(ConnectAttemptMs);
            socket.disconnectFromServer();
            if (socket.state() != QLocalSocket::UnconnectedState)
                socket.waitForDisconnected(ConnectAttemptMs);
            qCInfo(lcInstance) << "Asked the running ClassDesk to raise its window";
            return written;
        }
        socket.abort();
        QThread::msleep(ConnectAttemptMs);
    }
    return false;
}

void SingleInstance::raiseWindow(QWidget *window)
{
    if (!window)
        return;
    window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    window->show();
    window->raise();
    window->activateWindow();
}

} // namespace ClassDesk
