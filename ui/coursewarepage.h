// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "coursewareimportjob.h"
#include "coursewareprobe.h"

#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QThread;

namespace ClassDesk {

class CoursewareFilterModel;
class CoursewareModel;
class CoursewarePreview;
class SyncController;
class UploadQueuePanel;
class Workspace;

// The Courseware section: the library of the teacher's slides, documents,
// audio and video with search and a type filter, import by button or by
// dropping files and folders, and the preview pane. Imports run on a worker
// thread; page counts and durations are probed afterwards, one file at a time.
class CoursewarePage : public QWidget
{
    Q_OBJECT

public:
    explicit CoursewarePage(Workspace &workspace, QWidget *parent = nullptr);
    ~CoursewarePage() override;

    [[nodiscard]] CoursewareModel *model() const { return m_model; }
    [[nodiscard]] CoursewareFilterModel *filterModel() const { return m_filterModel; }
    [[nodiscard]] QListView *view() const { return m_view; }
    [[nodiscard]] CoursewarePreview *preview() const { return m_preview; }
    [[nodiscard]] UploadQueuePanel *uploadQueuePanel() const { return m_uploadPanel; }
    // Shows the running upload queue of `controller` in the upload panel.
    void setSyncController(SyncController *controller);
    [[nodiscard]] bool isImporting() const { return m_importJob != nullptr; }
    // The stored copy of courseware `id`, or an empty string.
    [[nodiscard]] QString storedFilePath(const QString &id) const;

public slots:
    // Imports files and folders; ignored with a message while an import runs.
    void importPaths(const QStringList &paths);
    void chooseFilesToImport();
    void chooseFolderToImport();
    void cancelImport();
    // Asks the teacher, then deletes the chosen item.
    void deleteCurrent();
    void deleteCourseware(const QString &id);
    void selectCourseware(const QString &id);

signals:
    void importFinished(int importedCount, int failedCount, bool cancelled);
    // Emitted after a probe's results were saved, for `id`.
    void probeFinished(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildLayout();
    void connectPreview();
    void showCurrent();
    void reloadKeepingSelection();
    void onImportFinished(int importedCount, int failedCount, bool cancelled);
    void queueProbe(const QString &id);
    void startNextProbe();
    void saveProbeResult(const QString &id, const CoursewareMetadata &metadata);
    void showMessage(const QString &message);

    Workspace &m_workspace;
    CoursewareModel *m_model = nullptr;
    CoursewareFilterModel *m_filterModel = nullptr;

    QLineEdit *m_searchEdit = nullptr;
    QComboBox *m_typeBox = nullptr;
    QPushButton *m_importFilesButton = nullptr;
    QPushButton *m_importFolderButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QListView *m_view = nullptr;
    CoursewarePreview *m_preview = nullptr;
    UploadQueuePanel *m_uploadPanel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_messageLabel = nullptr;

    QPointer<CoursewareImportJob> m_importJob;
    QPointer<QThread> m_importThread;
    QStringList m_importErrors;

    QStringList m_probeQueue;
    QSet<QString> m_probed; // probed once per session, even when the probe learned nothing
    QPointer<CoursewareProbe> m_probe;
};

} // namespace ClassDesk
