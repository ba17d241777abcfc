// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncpage.h"

#include "changeapplier.h"
#include "conflictstore.h"
#include "outboxstore.h"
#include "syncentrylabels.h"
#include "synccontroller.h"
#include "syncstatetext.h"
#include "uilogging.h"
#include "workspace.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ClassDesk {

namespace {

// The lists show this many entries; the rest are counted on the labels.
constexpr int ShownEntries = 50;
// The history keeps the syncs of this session, newest first.
constexpr int ShownSyncs = 20;

constexpr int KeyRole = Qt::UserRole;

// The reason the outbox stores for an entry parked by a conflict.
const QString ConflictReason = QStringLiteral("conflict");

QString entityName(const QString &entity)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("school"), QT_TRANSLATE_NOOP("ClassDesk::SyncPage", "School")},
        {QStringLiteral("class"), QT_TRANSLATE_NOOP("ClassDesk::SyncPage", "Class")},
        {QStringLiteral("student"), QT_TRANSLATE_NOOP("ClassDesk::SyncPage", "Student")},
        {QStringLiteral("course"), QT_TRANSLATE_NOOP("ClassDesk::SyncPage", "Course")},
        {QStringLiteral("lesson"), QT_TRANSLATE_NOOP("ClassDesk::SyncPage", "Lesson")},
        {QStringLiteral("courseware"), QT_TRANSLATE_NOOP("ClassDesk::SyncPage", "Courseware")},
        {QStringLiteral("assignment"), QT_TRANSLATE_NOOP("ClassDesk::SyncPage", "Assignment")},
        {QStringLiteral("attendance_session"), QT_TRANSLATE_NOOP("ClassDesk::SyncPage", "Attendance sheet")},
        {QStringLiteral("attendance_record"), QT_TRANSLATE_NOOP("ClassDesk::SyncPage", "Attendance mark")},
        {QStringLiteral("submission"), QT_TRANSLATE_NOOP("ClassDesk::SyncPage", "Submission")},
    };
    const char *name = names.value(entity);
    return name ? QCoreApplication::translate("ClassDesk::SyncPage", name) : entity;
}

QString operationName(const QString &op)
{
    if (op == QLatin1String("create"))
        return SyncPage::tr("new");
    if (op == QLatin1String("delete"))
        return SyncPage::tr("deleted");
    return SyncPage::tr("changed");
}

QString shortText(const QJsonValue &value)
{
    QString text;
    if (value.isString())
        text = value.toString();
    else if (value.isDouble())
        text = QString::number(value.toDouble());
    else if (value.isBool())
        text = value.toBool() ? SyncPage::tr("yes") : SyncPage::tr("no");
    else if (value.isNull() || value.isUndefined())
        text = SyncPage::tr("(empty)");
    else
        text = QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact));
    return text.size() > 40 ? text.left(39) + QChar(0x2026) : text;
}

// One line per field that differs between the local row and the platform's copy.
QString describeConflict(const Conflict &conflict, SyncEntryLabels &labels)
{
    const QJsonValue wrapped = conflict.serverPayload.value(QStringLiteral("data"));
    const QJsonObject server = wrapped.isObject() ? wrapped.toObject() : conflict.serverPayload;
    const QString localName = labels.label(conflict.entity, conflict.localPayload);
    const QString name = localName.isEmpty() ? labels.label(conflict.entity, server) : localName;
    QString text = name.isEmpty() ? entityName(conflict.entity)
                                  : SyncPage::tr("%1 \u201c%2\u201d").arg(entityName(conflict.entity), name);

    if (conflict.serverPayload.value(QStringLiteral("deleted")).toBool())
        return text + QLatin1Char('\n') + SyncPage::tr("Deleted on the platform, changed here.");

    QStringList fields;
    for (auto it = server.begin(); it != server.end(); ++it) {
        if (!conflict.localPayload.contains(it.key()) || conflict.localPayload.value(it.key()) == it.value())
            continue;
        fields << SyncPage::tr("%1: mine \u201c%2\u201d, platform \u201c%3\u201d")
                      .arg(it.key(), shortText(conflict.localPayload.value(it.key())), shortText(it.value()));
    }
    if (fields.isEmpty())
        fields << SyncPage::tr("Changed here and on the platform.");
    return text + QLatin1Char('\n') + fields.join(QLatin1Char('\n'));
}

QPushButton *actionButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(text);
    return button;
}

} // namespace

SyncPage::SyncPage(Workspace &workspace, SyncController &controller, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_controller(controller)
    , m_conflicts(new ConflictStore(workspace.database(), this))
{
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("syncStateLabel"));
    QFont stateFont = m_stateLabel->font();
    stateFont.setPointSizeF(stateFont.pointSizeF() * 1.3);
    stateFont.setBold(true);
    m_stateLabel->setFont(stateFont);

    m_progressBar = new QProgressBar(this);
    m_progressBar->setRange(0, 100);
    m_progressBar->setAccessibleName(tr("Sync progress"));
    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setObjectName(QStringLiteral("pendingLabel"));
    m_lastSuccessLabel = new QLabel(this);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("syncErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #a40000;"));
    m_signInNotSavedLabel = new QLabel(this);
    m_signInNotSavedLabel->setObjectName(QStringLiteral("signInNotSavedLabel"));
    m_signInNotSavedLabel->setWordWrap(true);
    m_signInNotSavedLabel->setStyleSheet(QStringLiteral("color: #a40000;"));
    m_signInNotSavedLabel->hide();
    m_conflictLabel = new QLabel(this);
    m_conflictLabel->setObjectName(QStringLiteral("conflictLabel"));

    m_signInButton = actionButton(tr("Sign in…"), QStringLiteral("signInButton"), this);
    m_signOutButton = actionButton(tr("Sign out"), QStringLiteral("signOutButton"), this);
    m_syncNowButton = actionButton(tr("Sync now"), QStringLiteral("syncNowButton"), this);
    connect(m_signInButton, &QPushButton::clicked, this, &SyncPage::signInRequested);
    connect(m_signOutButton, &QPushButton::clicked, &m_controller, &SyncController::signOut);
    connect(m_signOutButton, &QPushButton::clicked, this, [this] { m_signInNotSavedLabel->hide(); });
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

    createLists();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_progressBar);
    layout->addLayout(buttons);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_signInNotSavedLabel);
    layout->addWidget(m_tabs, 1);

    connect(&m_controller, &SyncController::stateChanged, this, &SyncPage::refreshWhenShown);
    connect(&m_controller, &SyncController::pendingCountChanged, this, &SyncPage::refreshWhenShown);
    connect(&m_controller, &SyncController::lastErrorChanged, this, &SyncPage::refreshWhenShown);
    connect(&m_controller, &SyncController::syncFinished, this, &SyncPage::recordSync);
    connect(&m_controller, &SyncController::signInSaved, this, &SyncPage::showSignInSaved);
    connect(m_conflicts, &ConflictStore::changed, this, &SyncPage::refreshWhenShown);
    connect(m_conflicts, &ConflictStore::changed, &m_controller, &SyncController::notifyLocalChange);
    m_stale = true;
}

void SyncPage::refreshWhenShown()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    refresh();
}

void SyncPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void SyncPage::createLists()
{
    const auto makeList = [this](const QString &objectName, const QString &accessibleName) {
        auto *list = new QListWidget(this);
        list->setObjectName(objectName);
        list->setAccessibleName(accessibleName);
        list->setWordWrap(true);
        list->setAlternatingRowColors(true);
        return list;
    };
    m_pendingList = makeList(QStringLiteral("pendingList"), tr("Changes waiting to be sent"));
    m_historyList = makeList(QStringLiteral("historyList"), tr("Recent syncs"));
    m_conflictList = makeList(QStringLiteral("conflictList"), tr("Conflicts to review"));
    m_parkedList = makeList(QStringLiteral("parkedList"), tr("Changes the platform did not accept"));

    m_keepMineButton = actionButton(tr("Keep mine"), QStringLiteral("keepMineButton"), this);
    m_keepMineButton->setToolTip(tr("Send this computer's version; it replaces the platform's copy."));
    m_takeTheirsButton = actionButton(tr("Take theirs"), QStringLiteral("takeTheirsButton"), this);
    m_takeTheirsButton->setToolTip(tr("Use the platform's copy and drop the change made here."));
    m_retryButton = actionButton(tr("Send again"), QStringLiteral("retryButton"), this);
    m_discardButton = actionButton(tr("Discard change"), QStringLiteral("discardButton"), this);
    connect(m_keepMineButton, &QPushButton::clicked, this, &SyncPage::keepMine);
    connect(m_takeTheirsButton, &QPushButton::clicked, this, &SyncPage::takeTheirs);
    connect(m_retryButton, &QPushButton::clicked, this, &SyncPage::retryRejected);
    connect(m_discardButton, &QPushButton::clicked, this, &SyncPage::discardRejected);
    connect(m_conflictList, &QListWidget::currentRowChanged, this, &SyncPage::updateActionButtons);
    connect(m_parkedList, &QListWidget::currentRowChanged, this, &SyncPage::updateActionButtons);

    const auto withButtons = [this](QListWidget *list, QPushButton *first, QPushButton *second) {
        auto *page = new QWidget(this);
        auto *row = new QHBoxLayout;
        row->addWidget(first);
        row->addWidget(second);
        row->addStretch();
        auto *layout = new QVBoxLayout(page);
        layout->addWidget(list, 1);
        layout->addLayout(row);
        return page;
    };

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("syncTabs"));
    m_tabs->addTab(m_pendingList, tr("Waiting"));
    m_tabs->addTab(m_historyList, tr("History"));
    m_tabs->addTab(withButtons(m_conflictList, m_keepMineButton, m_takeTheirsButton), tr("Conflicts"));
    m_tabs->addTab(withButtons(m_parkedList, m_retryButton, m_discardButton), tr("Not accepted"));
}

void SyncPage::refresh()
{
    m_stale = false;
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
    m_errorLabel->setText(Error{m_controller.lastErrorCode(), m_controller.lastError()}.displayText());
    m_errorLabel->setVisible(!m_controller.lastError().isEmpty());

    const auto conflicts = m_workspace.outbox().openConflictCount();
    m_conflictLabel->setText(conflicts ? tr("%n to review", "", *conflicts) : conflicts.error().displayText());

    refreshPending();
    refreshConflicts();
    refreshRejected();
    updateActionButtons();
}

void SyncPage::refreshPending()
{
    m_pendingList->clear();
    const auto pending = m_workspace.outbox().pending(ShownEntries);
    if (!pending)
        return reportFailure(pending.error().displayText());
    SyncEntryLabels labels(m_workspace);
    for (const OutboxEntry &entry : *pending) {
        const QString name = labels.label(entry.entity, entry.payload);
        const QString what = name.isEmpty() ? entityName(entry.entity)
                                            : tr("%1 \u201c%2\u201d").arg(entityName(entry.entity), name);
        m_pendingList->addItem(tr("%1 (%2)").arg(what, operationName(entry.op)));
    }

    // The list shows what goes out next. The count above also includes changes
    // waiting for a file upload or an earlier change, and those being sent.
    const auto waiting = m_workspace.outbox().count(QStringLiteral("pending"));
    const auto sending = m_workspace.outbox().count(QStringLiteral("sent"));
    if (!waiting || !sending)
        return reportFailure((!waiting ? waiting.error() : sending.error()).displayText());
    const int unlisted = *waiting + *sending - int(pending->size());
    if (unlisted <= 0)
        return;
    auto *more = new QListWidgetItem(pending->size() == ShownEntries
                                         ? tr("%n more change(s) not shown", "", unlisted)
                                         : tr("%n more change(s) go out after the file uploads or earlier "
                                              "changes they wait for, or are being sent now", "", unlisted),
                                     m_pendingList);
    more->setData(Qt::UserRole, QStringLiteral("unlisted"));
    more->setFlags(Qt::ItemIsEnabled);
}

void SyncPage::refreshConflicts()
{
    const QString selected = m_conflictList->currentItem() ? m_conflictList->currentItem()->data(KeyRole).toString()
                                                           : QString();
    m_conflictList->clear();
    const auto conflicts = m_conflicts->openConflicts(ShownEntries);
    if (!conflicts)
        return reportFailure(conflicts.error().displayText());
    SyncEntryLabels labels(m_workspace);
    for (const Conflict &conflict : *conflicts) {
        auto *item = new QListWidgetItem(describeConflict(conflict, labels), m_conflictList);
        item->setData(KeyRole, conflict.id);
        if (conflict.id == selected || !m_conflictList->currentItem())
            m_conflictList->setCurrentItem(item);
    }
    m_tabs->setTabText(2, tr("Conflicts (%1)").arg(conflicts->size()));
}

void SyncPage::refreshRejected()
{
    m_parkedList->clear();
    const auto parked = m_workspace.outbox().parked(ShownEntries);
    if (!parked)
        return reportFailure(parked.error().displayText());
    SyncEntryLabels labels(m_workspace);
    for (const OutboxEntry &entry : *parked) {
        if (entry.lastError == ConflictReason)
            continue; // listed with its conflict
        const QString name = labels.label(entry.entity, entry.payload);
        const QString what = name.isEmpty() ? entityName(entry.entity)
                                            : tr("%1 \u201c%2\u201d").arg(entityName(entry.entity), name);
        auto *item = new QListWidgetItem(
            tr("%1 (%2): %3")
                .arg(what, operationName(entry.op), entry.lastError.isEmpty() ? tr("no reason given") : entry.lastError),
            m_parkedList);
        item->setData(KeyRole, entry.seq);
        if (!m_parkedList->currentItem())
            m_parkedList->setCurrentItem(item);
    }
    m_tabs->setTabText(3, tr("Not accepted (%1)").arg(m_parkedList->count()));
}

void SyncPage::updateActionButtons()
{
    const bool conflictSelected = m_conflictList->currentItem() != nullptr;
    m_keepMineButton->setEnabled(conflictSelected);
    m_takeTheirsButton->setEnabled(conflictSelected);
    const bool rejectedSelected = m_parkedList->currentItem() != nullptr;
    m_retryButton->setEnabled(rejectedSelected);
    m_discardButton->setEnabled(rejectedSelected);
}

void SyncPage::keepMine()
{
    const QListWidgetItem *item = m_conflictList->currentItem();
    if (!item)
        return;
    if (auto kept = m_conflicts->keepMine(item->data(KeyRole).toString()); !kept)
        reportFailure(kept.error().displayText());
}

void SyncPage::takeTheirs()
{
    const QListWidgetItem *item = m_conflictList->currentItem();
    if (!item)
        return;
    ChangeApplier applier(m_workspace.database(), m_workspace.schoolId());
    const auto writeServerCopy = [&applier](const Conflict &conflict) {
        return applier.writeServerCopy(conflict.entity, conflict.entityId, conflict.serverVersion.value_or(0),
                                       conflict.serverPayload);
    };
    if (auto taken = m_conflicts->takeTheirs(item->data(KeyRole).toString(), writeServerCopy); !taken)
        return reportFailure(taken.error().displayText());
    // TODO: tell the open views that the row changed, as synced rows do.
}

void SyncPage::retryRejected()
{
    const QListWidgetItem *item = m_parkedList->currentItem();
    if (!item)
        return;
    if (auto queued = m_conflicts->retryParked(item->data(KeyRole).toLongLong()); !queued)
        reportFailure(queued.error().displayText());
}

void SyncPage::discardRejected()
{
    const QListWidgetItem *item = m_parkedList->currentItem();
    if (!item)
        return;
    if (auto discarded = m_conflicts->discardParked(item->data(KeyRole).toLongLong()); !discarded)
        reportFailure(discarded.error().displayText());
}

void SyncPage::recordSync(bool ok)
{
    const QString when = QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat);
    const QString text = ok ? tr("%1: synced").arg(when)
                            : tr("%1: failed: %2").arg(when, m_controller.lastError().isEmpty()
                                                                ? tr("no reason given")
                                                                : m_controller.lastError());
    m_historyList->insertItem(0, text);
    while (m_historyList->count() > ShownSyncs)
        delete m_historyList->takeItem(m_historyList->count() - 1);
    refreshWhenShown();
}

void SyncPage::reportFailure(const QString &message)
{
    qCWarning(lcUi) << "Sync page:" << message;
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(true);
}

void SyncPage::showSignInSaved(bool saved, const QString &errorCode)
{
    // A later successful sync clears the error line, so the notice has a
    // line of its own: the teacher must learn before the next start that
    // the sign-in will be gone.
    if (saved) {
        m_signInNotSavedLabel->hide();
        return;
    }
    const QString message = tr("Your sign-in could not be saved in the system keychain, so ClassDesk will ask you "
                               "to sign in again after it restarts. Your work stays on this computer either way. "
                               "On Linux, install and start GNOME Keyring or KWallet; elsewhere, restart the "
                               "computer.");
    m_signInNotSavedLabel->setText(Error{errorCode, message}.displayText());
    m_signInNotSavedLabel->show();
}

} // namespace ClassDesk
