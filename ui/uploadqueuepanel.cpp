// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadqueuepanel.h"

#include "coursewaremodel.h"
#include "synccontroller.h"
#include "uilogging.h"
#include "uploadqueuemodel.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStyledItemDelegate>
#include <QTime>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace ClassDesk {

namespace {

// Draws the progress column as a progress bar with the percentage on it.
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 3, -2, -3);
        bar.minimum = 0;
        bar.maximum = 1000;
        bar.progress = index.data(UploadQueueModel::ProgressPermilleRole).toInt();
        bar.text = index.data(Qt::DisplayRole).toString();
        bar.textVisible = true;
        // Qt 6 styles read the orientation from the state only, so without
        // State_Horizontal Fusion draws the fill turned sideways, outside the cell.
        bar.state = option.state | QStyle::State_Horizontal;
        bar.palette = option.palette;
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }
};

bool isActive(UploadQueue::ItemState state)
{
    using enum UploadQueue::ItemState;
    return state == Queued || state == Waiting || state == Uploading;
}

bool isResumable(UploadQueue::ItemState state)
{
    return state == UploadQueue::ItemState::Paused || state == UploadQueue::ItemState::NeedsAttention;
}

} // namespace

UploadQueuePanel::UploadQueuePanel(Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_model(new UploadQueueModel(this))
{
    buildLayout();
    reloadSaved();

    connect(m_model, &QAbstractItemModel::modelReset, this, &UploadQueuePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &UploadQueuePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &UploadQueuePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UploadQueuePanel::updateNote);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &UploadQueuePanel::updateNote);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &UploadQueuePanel::updateNote);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &UploadQueuePanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UploadQueuePanel::updateButtons);
    updateButtons();
    updateNote();
}

void UploadQueuePanel::buildLayout()
{
    auto *heading = new QLabel(tr("Uploads to the platform"), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("uploadQueueView"));
    m_view->setAccessibleName(tr("Upload queue"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setItemDelegateForColumn(UploadQueueModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(UploadQueueModel::TitleColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(UploadQueueModel::StateColumn, QHeaderView::Stretch);

    m_overallBar = new QProgressBar(this);
    m_overallBar->setObjectName(QStringLiteral("uploadOverallProgress"));
    m_overallBar->setAccessibleName(tr("Overall upload progress"));
    m_overallBar->setRange(0, 1000);
    m_overallBar->setTextVisible(false);
    m_overallLabel = new QLabel(this);
    m_overallLabel->setObjectName(QStringLiteral("uploadOverallLabel"));
    m_noteLabel = new QLabel(this);
    m_noteLabel->setObjectName(QStringLiteral("uploadNoteLabel"));
    m_noteLabel->setWordWrap(true);

    m_pauseButton = new QPushButton(tr("&Pause"), this);
    m_pauseButton->setObjectName(QStringLiteral("pauseUploadButton"));
    m_pauseButton->setToolTip(tr("Pause the selected uploads; they continue where they stopped."));
    m_resumeButton = new QPushButton(tr("&Resume"), this);
    m_resumeButton->setObjectName(QStringLiteral("resumeUploadButton"));
    m_resumeButton->setToolTip(tr("Continue or retry the selected uploads."));
    m_cancelButton = new QPushButton(tr("Cancel Upload"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelUploadButton"));
    m_cancelButton->setToolTip(tr("Remove the selected files from the queue; the files stay in the library."));
    m_pauseAllButton = new QPushButton(tr("Pause &All"), this);
    m_pauseAllButton->setObjectName(QStringLiteral("pauseAllUploadsButton"));
    m_resumeAllButton = new QPushButton(tr("Resume A&ll"), this);
    m_resumeAllButton->setObjectName(QStringLiteral("resumeAllUploadsButton"));
    connect(m_pauseButton, &QPushButton::clicked, this, &UploadQueuePanel::pauseSelected);
    connect(m_resumeButton, &QPushButton::clicked, this, &UploadQueuePanel::resumeSelected);
    connect(m_cancelButton, &QPushButton::clicked, this, &UploadQueuePanel::cancelSelected);
    connect(m_pauseAllButton, &QPushButton::clicked, this, &UploadQueuePanel::pauseAll);
    connect(m_resumeAllButton, &QPushButton::clicked, this, &UploadQueuePanel::resumeAll);

    auto *overall = new QHBoxLayout;
    overall->addWidget(m_overallBar, 1);
    overall->addWidget(m_overallLabel);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pauseButton);
    buttons->addWidget(m_resumeButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch();
    buttons->addWidget(m_pauseAllButton);
    buttons->addWidget(m_resumeAllButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_view, 1);
    layout->addLayout(overall);
    layout->addWidget(m_noteLabel);
    layout->addLayout(buttons);
}

void UploadQueuePanel::setSyncController(SyncController *controller)
{
    if (m_controller)
        m_controller->disconnect(this);
    m_controller = controller;
    m_live = false;
    if (m_controller) {
        connectController();
        // The engine may have set up its queue before this panel existed.
        m_controller->requestUploadItems();
    }
    updateButtons();
    updateNote();
}

void UploadQueuePanel::connectController()
{
    // The controller's signals arrive queued from the engine's thread, so
    // every item here is a copy; the panel never touches the queue itself.
    connect(m_controller, &SyncController::uploadItemsReset, this, [this](const QList<UploadQueue::Item> &items) {
        m_live = true;
        m_model->resetItems(items);
        showOverallFromItems();
        updateButtons();
        updateNote();
    });
    connect(m_controller, &SyncController::uploadItemChanged, this, [this](const UploadQueue::Item &item) {
        m_live = true;
        m_model->updateItem(item);
        if (item.state != UploadQueue::ItemState::Uploading)
            showOverallFromItems();
    });
    connect(m_controller, &SyncController::uploadItemRemoved, this, [this](const QString &id) {
        m_model->removeItem(id);
        showOverallFromItems();
    });
    connect(m_controller, &SyncController::uploadOverallProgress, this,
            [this](qint64, qint64 sent, qint64 total, double rate, qint64 eta) { showOverall(sent, total, rate, eta); });
    connect(m_controller, &SyncController::stateChanged, this, &UploadQueuePanel::updateNote);
}

void UploadQueuePanel::reloadSaved()
{
    if (m_live)
        return;
    if (auto loaded = m_model->loadFromDatabase(m_database); !loaded)
        qCWarning(lcUi) << "Cannot read the upload queue:" << loaded.error().toLogString();
    showOverallFromItems();
}

QStringList UploadQueuePanel::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids << row.data(UploadQueueModel::CoursewareIdRole).toString();
    return ids;
}

void UploadQueuePanel::pauseSelected()
{
    if (!m_controller)
        return;
    for (const QString &id : selectedIds())
        m_controller->pauseUpload(id);
}

void UploadQueuePanel::resumeSelected()
{
    if (!m_controller)
        return;
    for (const QString &id : selectedIds())
        m_controller->resumeUpload(id);
}

void UploadQueuePanel::cancelSelected()
{
    if (!m_controller)
        return;
    for (const QString &id : selectedIds())
        m_controller->cancelUpload(id);
}

void UploadQueuePanel::pauseAll()
{
    if (m_controller)
        m_controller->pauseAllUploads();
}

void UploadQueuePanel::resumeAll()
{
    if (m_controller)
        m_controller->resumeAllUploads();
}

void UploadQueuePanel::updateButtons()
{
    bool anyPausable = false;
    bool anyResumable = false;
    bool anyCancellable = false;
    for (const QString &id : selectedIds()) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const UploadQueue::ItemState state = m_model->itemAt(row).state;
        anyPausable |= isActive(state);
        anyResumable |= isResumable(state);
        anyCancellable |= state != UploadQueue::ItemState::Done;
    }
    bool anyActive = false;
    bool anyPaused = false;
    for (const UploadQueue::Item &item : m_model->items()) {
        anyActive |= isActive(item.state);
        anyPaused |= item.state == UploadQueue::ItemState::Paused;
    }

    // Requests need the engine's queue, which exists only while it is live.
    // TODO: the saved queue could be paused or cancelled while signed out too,
    // but only the engine may write the upload table while it runs.
    const bool live = m_controller && m_live;
    m_pauseButton->setEnabled(live && anyPausable);
    m_resumeButton->setEnabled(live && anyResumable);
    m_cancelButton->setEnabled(live && anyCancellable);
    m_pauseAllButton->setEnabled(live && anyActive);
    m_resumeAllButton->setEnabled(live && anyPaused);
}

void UploadQueuePanel::updateNote()
{
    QStringList notes;
    const bool reachable = m_controller && m_controller->state() != SyncEngine::State::SignedOut
        && m_controller->state() != SyncEngine::State::SignInRequired
        && m_controller->state() != SyncEngine::State::Offline;
    const bool anyWaiting = std::any_of(m_model->items().begin(), m_model->items().end(),
                                        [](const UploadQueue::Item &item) {
                                            return item.state != UploadQueue::ItemState::Done;
                                        });
    // The offline line speaks of "the files", so it only shows while some wait.
    if (m_model->rowCount() == 0)
        notes << tr("No files are waiting for upload.");
    else if (anyWaiting && (!m_controller || !m_live || !reachable))
        notes << tr("ClassDesk is not connected to the platform. The files upload when it is.");

    const QTime notBefore = QTime::fromString(QSettings().value(QLatin1String(UploadQueue::NotBeforeSettingsKey))
                                                  .toString(),
                                              QStringLiteral("HH:mm"));
    if (notBefore.isValid())
        notes << tr("Uploads start only after %1 each day (see Settings).")
                     .arg(QLocale().toString(notBefore, QLocale::ShortFormat));
    m_noteLabel->setText(notes.join(QLatin1Char(' ')));
    m_noteLabel->setVisible(!notes.isEmpty());
}

void UploadQueuePanel::showOverall(qint64 sentBytes, qint64 totalBytes, double bytesPerSecond, qint64 etaSeconds)
{
    const bool allDone = std::all_of(m_model->items().begin(), m_model->items().end(),
                                     [](const UploadQueue::Item &item) {
                                         return item.state == UploadQueue::ItemState::Done;
                                     });
    if (allDone) {
        m_overallBar->setValue(m_model->rowCount() > 0 ? 1000 : 0);
        m_overallLabel->setText(m_model->rowCount() > 0 ? tr("All files are on the platform") : QString());
        return;
    }
    m_overallBar->setValue(totalBytes > 0 ? int(std::clamp<qint64>(sentBytes * 1000 / totalBytes, 0, 1000)) : 0);

    QStringList parts{tr("%1 of %2").arg(CoursewareModel::formatSize(sentBytes),
                                         CoursewareModel::formatSize(totalBytes))};
    if (const QString speed = UploadQueueModel::speedText(bytesPerSecond); !speed.isEmpty())
        parts << speed;
    if (const QString timeLeft = UploadQueueModel::timeLeftText(etaSeconds); !timeLeft.isEmpty())
        parts << timeLeft;
    m_overallLabel->setText(parts.join(QStringLiteral(" · ")));
}

void UploadQueuePanel::showOverallFromItems()
{
    // The same sums as UploadQueue::overallProgress: every item not done yet.
    qint64 sent = 0;
    qint64 total = 0;
    for (const UploadQueue::Item &item : m_model->items()) {
        if (item.state == UploadQueue::ItemState::Done)
            continue;
        sent += item.sentBytes;
        total += item.totalBytes;
    }
    showOverall(sent, total, 0, -1);
}

} // namespace ClassDesk
