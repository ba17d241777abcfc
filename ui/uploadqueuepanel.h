// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeView;

namespace ClassDesk {

class Database;
class SyncController;
class UploadQueueModel;

// The courseware upload queue on the Courseware page: each file's state in
// words, progress, speed and time left, the overall progress, and buttons to
// pause, resume or cancel the selected files or pause and resume them all.
//
// Without a sync controller, or before its engine has set up the queue, the
// panel shows the queue as saved in the database and its buttons are off.
// With one, it mirrors the running queue through the controller's queued
// signals and sends the buttons' requests to the engine's thread.
class UploadQueuePanel : public QWidget
{
    Q_OBJECT

public:
    // `database` is the UI thread's connection, read for the saved queue.
    explicit UploadQueuePanel(Database &database, QWidget *parent = nullptr);

    void setSyncController(SyncController *controller);

    [[nodiscard]] UploadQueueModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *view() const { return m_view; }

public slots:
    // Reads the saved queue again. Does nothing while the running queue is shown.
    void reloadSaved();
    void pauseSelected();
    void resumeSelected();
    void cancelSelected();
    void pauseAll();
    void resumeAll();

private:
    void buildLayout();
    void connectController();
    [[nodiscard]] QStringList selectedIds() const;
    void updateButtons();
    void updateNote();
    void showOverall(qint64 sentBytes, qint64 totalBytes, double bytesPerSecond, qint64 etaSeconds);
    void showOverallFromItems();

    Database &m_database;
    QPointer<SyncController> m_controller;
    bool m_live = false; // rows come from the running queue

    UploadQueueModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QProgressBar *m_overallBar = nullptr;
    QLabel *m_overallLabel = nullptr;
    QLabel *m_noteLabel = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_resumeButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_pauseAllButton = nullptr;
    QPushButton *m_resumeAllButton = nullptr;
};

} // namespace ClassDesk
