// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncpage.h"

#include "outboxstore.h"
#include "synccontroller.h"
#include "syncstatetext.h"
#include "workspace.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ClassDesk {

namespace {

// The Sync page lists this many rejected changes; the rest are counted.
constexpr int ShownParkedEntries = 50;

} // namespace

SyncPage::SyncPage(Workspace &workspace, SyncController &controller, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_controller(controller)
{
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("syncStateLabel"));
    QFont stateFont = m_stateLabel->font();
    stateFont.setPointSizeF(stateFont.pointSizeF() * 1.3);
    stateFont.setBold(true);
    m_stateLabel->setFont(stateFont);

    m_progressBar = new QProgressBar(this);
    m_progressBar->setRange(0, 100);
    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setObjectName(QStringLiteral("pendingLabel"));
    m_lastSuccessLabel = new QLabel(this);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("syncErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #a40000;"));
    m_conflictLabel = new QLabel(this);

    m_parkedList = new QListWidget(this);
    m_parkedList->setObjectName(QStringLiteral("parkedList"));
    m_parkedList->setAccessibleName(tr("Changes the platform did not accept"));

    m_signInButton = new QPushButton(tr("Sign in…"), this);
    m_signOutButton = new QPushButton(tr("Sign out"), this);
    m_syncNowButton = new QPushButton(tr("Sync now"), this);
    m_syncNowButton->setObjectName(QStringLiteral("syncNowButton"));
    connect(m_signInButton, &QPushButton::clicked, this, &SyncPage::signInRequested);
    connect(m_signOutButton, &QPushButton::clicked, &m_controller, &SyncController::signOut);
    connect(m_syncNowButton, &QPushButton::clicked, &m_controller, &SyncController::syncNow);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_syncNowButton);
    buttons->addWidget(m_signInButton);
    buttons->addWidget(m_signOutButton);
    buttons->addStretch();

    auto *form = new QFormLayout;
    form->addRow(tr("Waiting to be sent:"), m_pendingLabel);
    form->addRow(tr("Last successful sync:"), m_lastSuccessLabel);
    form->addRow(tr("Conflicts:"), m_conflictLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_progressBar);
    layout->addLayout(buttons);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(new QLabel(tr("Changes the platform did not accept:"), this));
    layout->addWidget(m_parkedList, 1);

    connect(&m_controller, &SyncController::stateChanged, this, &SyncPage::refresh);
    connect(&m_controller, &SyncController::pendingCountChanged, this, &SyncPage::refresh);
    connect(&m_controller, &SyncController::lastErrorChanged, this, &SyncPage::refresh);
    connect(&m_controller, &SyncController::syncFinished, this, &SyncPage::refresh);
    refresh();
}

void SyncPage::refresh()
{
    const SyncEngine::State state = m_controller.state();
    m_stateLabel->setText(SyncStateText::describe(state, m_controller.progress()));
    m_progressBar->setVisible(state == SyncEngine::State::Syncing);
    m_progressBar->setValue(m_controller.progress());

    const bool signedIn = state != SyncEngine::State::SignedOut && state != SyncEngine::State::SignInRequired
                          && state != SyncEngine::State::SigningIn;
    m_signInButton->setVisible(!signedIn);
    m_signOutButton->setVisible(signedIn);
    m_syncNowButton->setEnabled(signedIn && state != SyncEngine::State::Syncing);

    m_pendingLabel->setText(tr("%n change(s)", "", m_controller.pendingCount()));
    m_lastSuccessLabel->setText(m_controller.lastSuccess().isValid()
                                    ? QLocale().toString(m_controller.lastSuccess().toLocalTime(), QLocale::ShortFormat)
                                    : tr("not yet"));
    m_errorLabel->setText(m_controller.lastError());
    m_errorLabel->setVisible(!m_controller.lastError().isEmpty());

    OutboxStore &outbox = m_workspace.outbox();
    const auto conflicts = outbox.openConflictCount();
    m_conflictLabel->setText(conflicts ? tr("%n to review", "", *conflicts) : conflicts.error().message);

    // TODO: let the teacher resolve conflicts here (keep mine / take theirs);
    // the sync engine records them but nothing resolves them yet.
    m_parkedList->clear();
    if (const auto parked = outbox.parked(ShownParkedEntries)) {
        for (const OutboxEntry &entry : *parked) {
            m_parkedList->addItem(tr("%1 (%2): %3")
                                      .arg(entry.entity, entry.op,
                                           entry.lastError.isEmpty() ? tr("no reason given") : entry.lastError));
        }
    }
}

} // namespace ClassDesk
