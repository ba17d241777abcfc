// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursewarepage.h"

#include "coursewarefilestore.h"
#include "coursewareimportjob.h"
#include "coursewaremodel.h"
#include "coursewarepreview.h"
#include "coursewareprobe.h"
#include "coursewarestore.h"
#include "lessonpublisher.h"
#include "uilogging.h"
#include "uploadqueuepanel.h"
#include "workspace.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QThread>
#include <QVBoxLayout>

namespace ClassDesk {

namespace {

// Failures listed in the message after an import; the rest are counted.
constexpr int ListedImportErrors = 3;

// The local files and folders among dropped URLs.
QStringList localPaths(const QMimeData *mimeData)
{
    QStringList paths;
    if (!mimeData->hasUrls())
        return paths;
    for (const QUrl &url : mimeData->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

bool needsProbe(const Courseware &courseware)
{
    const CoursewareType type = coursewareType(courseware.mimeType);
    if (type == CoursewareType::Audio || type == CoursewareType::Video)
        return !courseware.durationMs;
    return courseware.mimeType == QLatin1StringView("application/pdf") && !courseware.pageCount;
}

} // namespace

CoursewarePage::CoursewarePage(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new CoursewareModel(workspace, this))
    , m_filterModel(new CoursewareFilterModel(this))
{
    m_filterModel->setSourceModel(m_model);
    buildLayout();
    connectPreview();

    connect(m_model, &CoursewareModel::errorOccurred, this, &CoursewarePage::showMessage);
    connect(m_searchEdit, &QLineEdit::textChanged, m_filterModel, &CoursewareFilterModel::setSearchText);
    connect(m_typeBox, &QComboBox::currentIndexChanged, this, [this] {
        const int type = m_typeBox->currentData().toInt();
        m_filterModel->setTypeFilter(type < 0 ? std::nullopt : std::optional(CoursewareType(type)));
    });
    connect(m_importFilesButton, &QPushButton::clicked, this, &CoursewarePage::chooseFilesToImport);
    connect(m_importFolderButton, &QPushButton::clicked, this, &CoursewarePage::chooseFolderToImport);
    connect(m_deleteButton, &QPushButton::clicked, this, &CoursewarePage::deleteCurrent);
    connect(m_cancelButton, &QPushButton::clicked, this, &CoursewarePage::cancelImport);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &CoursewarePage::showCurrent);

    // Items imported or synced before this session may still lack metadata.
    for (int row = 0; row < m_model->rowCount(); ++row)
        queueProbe(m_model->coursewareAt(row).id);
}

CoursewarePage::~CoursewarePage()
{
    // The worker stops within one buffer after a cancel; wait for it so the
    // thread never outlives the application.
    if (m_importJob)
        m_importJob->cancel();
    if (m_importThread)
        m_importThread->wait();
}

void CoursewarePage::buildLayout()
{
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search titles and tags"));
    m_searchEdit->setAccessibleName(tr("Search courseware"));
    m_searchEdit->setClearButtonEnabled(true);

    m_typeBox = new QComboBox(this);
    m_typeBox->setObjectName(QStringLiteral("typeBox"));
    m_typeBox->setAccessibleName(tr("Type"));
    m_typeBox->addItem(tr("All Types"), -1);
    for (CoursewareType type : {CoursewareType::Document, CoursewareType::Slides, CoursewareType::Video,
                                CoursewareType::Audio, CoursewareType::Image, CoursewareType::Other}) {
        m_typeBox->addItem(CoursewareModel::typeLabel(type), int(type));
    }

    m_importFilesButton = new QPushButton(tr("Import &Files…"), this);
    m_importFolderButton = new QPushButton(tr("Import F&older…"), this);
    m_deleteButton = new QPushButton(tr("&Delete"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("coursewareView"));
    m_view->setAccessibleName(tr("Courseware library"));
    m_view->setModel(m_filterModel);
    m_view->setIconSize(QSize(32, 32));
    m_view->setSpacing(2);
    m_view->setUniformItemSizes(true);
    m_view->setAcceptDrops(true);
    m_view->viewport()->setAcceptDrops(true);
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);

    m_preview = new CoursewarePreview(this);
    m_preview->setObjectName(QStringLiteral("coursewarePreview"));

    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("importProgress"));
    m_progressBar->setAccessibleName(tr("Import progress"));
    m_progressBar->setRange(0, 1000);
    m_progressBar->hide();
    m_cancelButton = new QPushButton(tr("Cancel Import"), this);
    m_cancelButton->hide();
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setText(tr("Drop files or folders onto the library to import them."));

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_searchEdit, 1);
    toolbar->addWidget(m_typeBox);
    toolbar->addWidget(m_importFilesButton);
    toolbar->addWidget(m_importFolderButton);
    toolbar->addWidget(m_deleteButton);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_uploadPanel = new UploadQueuePanel(m_workspace.database(), this);
    m_uploadPanel->setObjectName(QStringLiteral("uploadQueuePanel"));
    // Without a running queue the panel shows the saved one, which a publish may have grown.
    connect(&m_workspace.courseware(), &CoursewareStore::changed, m_uploadPanel, &UploadQueuePanel::reloadSaved);
    connect(&m_workspace.lessonPublisher(), &LessonPublisher::changed, m_uploadPanel,
            &UploadQueuePanel::reloadSaved);
    auto *pageSplitter = new QSplitter(Qt::Vertical, this);
    pageSplitter->addWidget(splitter);
    pageSplitter->addWidget(m_uploadPanel);
    pageSplitter->setStretchFactor(0, 3);
    pageSplitter->setStretchFactor(1, 1);

    auto *status = new QHBoxLayout;
    status->addWidget(m_messageLabel, 1);
    status->addWidget(m_progressBar);
    status->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(pageSplitter, 1);
    layout->addLayout(status);
}

void CoursewarePage::setSyncController(SyncController *controller)
{
    m_uploadPanel->setSyncController(controller);
}

void CoursewarePage::connectPreview()
{
    connect(m_preview, &CoursewarePreview::tagsEdited, this, [this](const QString &id, const QStringList &tags) {
        auto courseware = m_model->coursewareById(id);
        if (!courseware)
            return;
        courseware->tags = tags;
        if (const auto saved = m_model->update(*courseware); !saved)
            showMessage(saved.error().displayText());
    });
    connect(m_preview, &CoursewarePreview::chapterMarksEdited, this, [this](const QString &id, const QJsonArray &marks) {
        auto courseware = m_model->coursewareById(id);
        if (!courseware)
            return;
        courseware->chapterMarks = marks;
        if (const auto saved = m_model->update(*courseware); !saved)
            showMessage(saved.error().displayText());
    });
    connect(m_preview, &CoursewarePreview::durationLoaded, this, [this](const QString &id, qint64 durationMs) {
        CoursewareMetadata metadata;
        metadata.durationMs = durationMs;
        saveProbeResult(id, metadata);
    });
}

QString CoursewarePage::storedFilePath(const QString &id) const
{
    const auto courseware = m_model->coursewareById(id);
    return courseware ? CoursewareFileStore(m_workspace.dataDirectory()).filePath(courseware->sha256) : QString();
}

void CoursewarePage::showCurrent()
{
    const QString id = m_view->currentIndex().data(CoursewareModel::IdRole).toString();
    if (id == m_preview->currentId())
        return;
    const auto courseware = m_model->coursewareById(id);
    if (courseware)
        m_preview->showCourseware(*courseware, storedFilePath(id));
    else
        m_preview->clear();
}

void CoursewarePage::selectCourseware(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_filterModel->mapFromSource(m_model->index(row));
    if (index.isValid())
        m_view->setCurrentIndex(index);
}

void CoursewarePage::reloadKeepingSelection()
{
    const QString current = m_preview->currentId();
    m_model->reload();
    selectCourseware(current);
}

void CoursewarePage::importPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (isImporting()) {
        showMessage(tr("An import is still running. Wait for it to finish, then import these files."));
        return;
    }

    auto *job = new CoursewareImportJob(m_workspace.dataDirectory(), m_workspace.schoolId(), paths);
    m_importJob = job;
    m_importErrors.clear();
    connect(job, &CoursewareImportJob::progressChanged, this, [this](qint64 done, qint64 total) {
        m_progressBar->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(job, &CoursewareImportJob::fileImported, this, [this](const QString &, const QString &id, bool) {
        reloadKeepingSelection();
        queueProbe(id);
    });
    connect(job, &CoursewareImportJob::fileFailed, this,
            [this](const QString &sourcePath, const QString &, const QString &message) {
        qCInfo(lcUi) << "Import of" << sourcePath << "failed";
        m_importErrors.append(message);
    });
    connect(job, &CoursewareImportJob::finished, this, &CoursewarePage::onImportFinished);

    m_progressBar->setValue(0);
    m_progressBar->show();
    m_cancelButton->show();
    m_importFilesButton->setEnabled(false);
    m_importFolderButton->setEnabled(false);
    showMessage(tr("Importing…"));
    m_importThread = CoursewareImportJob::startInThread(job);
}

void CoursewarePage::onImportFinished(int importedCount, int failedCount, bool cancelled)
{
    m_importJob = nullptr;
    m_importThread = nullptr;
    m_progressBar->hide();
    m_cancelButton->hide();
    m_importFilesButton->setEnabled(true);
    m_importFolderButton->setEnabled(true);

    QString message = tr("Imported %n file(s).", nullptr, importedCount);
    if (cancelled)
        message += QLatin1Char(' ') + tr("The import was cancelled; the files after it were not imported.");
    if (failedCount > 0) {
        message += QLatin1Char(' ') + tr("%n file(s) could not be imported:", nullptr, failedCount);
        for (const QString &error : m_importErrors.mid(0, ListedImportErrors))
            message += QLatin1Char('\n') + error;
        if (m_importErrors.size() > ListedImportErrors)
            message += QLatin1Char('\n') + tr("and %n more.", nullptr, int(m_importErrors.size()) - ListedImportErrors);
    }
    showMessage(message);
    emit importFinished(importedCount, failedCount, cancelled);
}

void CoursewarePage::chooseFilesToImport()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Courseware"));
    importPaths(files);
}

void CoursewarePage::chooseFolderToImport()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import a Folder of Courseware"));
    if (!folder.isEmpty())
        importPaths({folder});
}

void CoursewarePage::cancelImport()
{
    if (m_importJob)
        m_importJob->cancel();
}

void CoursewarePage::deleteCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QString title = current.data(CoursewareModel::TitleRole).toString();
    const auto answer = QMessageBox::question(this, tr("Delete Courseware"),
                                              tr("Delete \"%1\" from the library? Lessons that use it will "
                                                 "no longer show it.").arg(title));
    if (answer == QMessageBox::Yes)
        deleteCourseware(current.data(CoursewareModel::IdRole).toString());
}

void CoursewarePage::deleteCourseware(const QString &id)
{
    if (m_preview->currentId() == id)
        m_preview->clear();
    // TODO: remove stored files that no row refers to any more, once the
    // upload of a deleted item can no longer need them.
    if (const auto removed = m_model->remove(id); !removed)
        showMessage(removed.error().displayText());
}

void CoursewarePage::queueProbe(const QString &id)
{
    const auto courseware = m_model->coursewareById(id);
    if (!courseware || !needsProbe(*courseware) || m_probed.contains(id) || m_probeQueue.contains(id))
        return;
    m_probeQueue.append(id);
    startNextProbe();
}

void CoursewarePage::startNextProbe()
{
    if (m_probe || m_probeQueue.isEmpty())
        return;
    const QString id = m_probeQueue.takeFirst();
    m_probed.insert(id);
    const auto courseware = m_model->coursewareById(id);
    if (!courseware) {
        startNextProbe();
        return;
    }

    auto *probe = new CoursewareProbe(storedFilePath(id), courseware->mimeType, this);
    m_probe = probe;
    connect(probe, &CoursewareProbe::finished, this, [this, probe, id](const CoursewareMetadata &metadata) {
        probe->deleteLater();
        m_probe = nullptr;
        saveProbeResult(id, metadata);
        emit probeFinished(id);
        startNextProbe();
    });
    probe->start();
}

void CoursewarePage::saveProbeResult(const QString &id, const CoursewareMetadata &metadata)
{
    auto courseware = m_model->coursewareById(id);
    if (!courseware)
        return;
    bool changed = false;
    // Duration 0 is never stored: it stays unknown until a player loads it.
    if (metadata.durationMs && *metadata.durationMs > 0 && courseware->durationMs != metadata.durationMs) {
        courseware->durationMs = metadata.durationMs;
        changed = true;
    }
    if (metadata.pageCount && courseware->pageCount != metadata.pageCount) {
        courseware->pageCount = metadata.pageCount;
        changed = true;
    }
    if (!changed)
        return;
    if (const auto saved = m_model->update(*courseware); !saved)
        showMessage(saved.error().displayText());
}

void CoursewarePage::showMessage(const QString &message)
{
    m_messageLabel->setText(message);
}

bool CoursewarePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        deleteCurrent();
        return true;
    }
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);

    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDropEvent *>(event);
        if (localPaths(drag->mimeData()).isEmpty())
            return false;
        drag->acceptProposedAction();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList paths = localPaths(drop->mimeData());
        if (paths.isEmpty())
            return false;
        drop->acceptProposedAction();
        importPaths(paths);
        return true;
    }
    default:
        return QWidget::eventFilter(watched, event);
    }
}

} // namespace ClassDesk
