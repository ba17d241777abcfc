// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace ClassDesk {

class SyncController;
class Workspace;

// The Sync section: whether ClassDesk is signed in to the platform, what is
// waiting to be sent, when the last sync succeeded, what went wrong, and the
// changes the platform rejected, with its reasons.
class SyncPage : public QWidget
{
    Q_OBJECT

public:
    SyncPage(Workspace &workspace, SyncController &controller, QWidget *parent = nullptr);

public slots:
    void refresh();

signals:
    void signInRequested();

private:
    Workspace &m_workspace;
    SyncController &m_controller;
    QLabel *m_stateLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_lastSuccessLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_conflictLabel = nullptr;
    QListWidget *m_parkedList = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPushButton *m_signOutButton = nullptr;
    QPushButton *m_syncNowButton = nullptr;
};

} // namespace ClassDesk
