// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace ClassDesk {

class ConflictStore;
class SyncController;
class Workspace;

// The Sync section: whether ClassDesk is signed in to the platform, what is
// waiting to be sent, the recent syncs, conflicts for the teacher to decide
// (keep mine / take theirs) and the changes the platform rejected, with its
// reasons, to retry or discard.
class SyncPage : public QWidget
{
    Q_OBJECT

public:
    SyncPage(Workspace &workspace, SyncController &controller, QWidget *parent = nullptr);

public slots:
    void refresh();
    // Resolve the conflict selected in the conflict list, one way or the other.
    void keepMine();
    void takeTheirs();
    // Re-send or drop the change selected in the rejected list.
    void retryRejected();
    void discardRejected();

signals:
    void signInRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Refreshes now when shown, else on the next show: a sync changes its
    // state and count many times a second, and each refresh queries the outbox.
    void refreshWhenShown();
    void createLists();
    void refreshPending();
    void refreshConflicts();
    void refreshRejected();
    void updateActionButtons();
    void recordSync(bool ok);
    void reportFailure(const QString &message);
    void showSignInSaved(bool saved, const QString &errorCode);

    Workspace &m_workspace;
    SyncController &m_controller;
    ConflictStore *m_conflicts = nullptr;
    QLabel *m_stateLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_lastSuccessLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_signInNotSavedLabel = nullptr; // shown while the sign-in lives in memory only
    QLabel *m_conflictLabel = nullptr;
    QTabWidget *m_tabs = nullptr;
    QListWidget *m_pendingList = nullptr;
    QListWidget *m_historyList = nullptr;
    QListWidget *m_conflictList = nullptr;
    QListWidget *m_parkedList = nullptr;
    QPushButton *m_keepMineButton = nullptr;
    QPushButton *m_takeTheirsButton = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_discardButton = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPushButton *m_signOutButton = nullptr;
    QPushButton *m_syncNowButton = nullptr;
    bool m_stale = false; // something changed while the page was hidden
};

} // namespace ClassDesk
