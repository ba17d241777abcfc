// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLockFile>
#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;
class QWidget;

namespace ClassDesk {

// Keeps one running ClassDesk per data folder. The first process to claim a
// folder holds a lock file and listens on a local socket; a later launch with
// the same folder asks it to raise its window and then exits before it opens
// the database. Both names are derived from the folder's absolute path, so
// different folders (profiles) run side by side.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    enum class Role {
        Primary,   // this process owns the folder and should start normally
        Secondary, // another process owns it and was asked to raise its window
    };
    Q_ENUM(Role)

    explicit SingleInstance(const QString &dataDirectory, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Takes the folder or, when a running process holds it, sends that
    // process a raise request. Blocks for at most a few seconds, so call it
    // before any window exists.
    [[nodiscard]] Role claim();

    // The local socket name for `dataDirectory`; the lock file uses it too.
    [[nodiscard]] static QString serverName(const QString &dataDirectory);

    // Brings `window` to the front, restoring it when minimized.
    static void raiseWindow(QWidget *window);

signals:
    // Another launch with the same data folder asked for the window.
    void raiseRequested();

private:
    void listen();
    void readRequest();
    [[nodiscard]] bool sendRaiseRequest();

    QString m_name;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace ClassDesk
