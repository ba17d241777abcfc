// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncengine.h"

#include <QMainWindow>

class QListWidget;
class QPushButton;
class QWidget;
class QStackedWidget;

namespace ClassDesk {

class AssignmentPage;
class AttendancePage;
class CoursewarePage;
class TodayPage;
class SyncController;
class Workspace;

// The teacher's main window: a sidebar of sections and the page of the
// section chosen in it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Sidebar sections, in sidebar order.
    enum class Section { Today, Attendance, Courseware, Assignments, Sync, Settings };
    Q_ENUM(Section)

    // The version and revision are the build's, shown in About.
    MainWindow(Workspace &workspace, const QString &version, const QString &revision,
               QWidget *parent = nullptr);

    void showSection(Section section);
    [[nodiscard]] Section currentSection() const;

    [[nodiscard]] QListWidget *sidebar() const { return m_sidebar; }
    [[nodiscard]] AttendancePage *attendancePage() const { return m_attendancePage; }
    [[nodiscard]] CoursewarePage *coursewarePage() const { return m_coursewarePage; }
    [[nodiscard]] TodayPage *todayPage() const { return m_todayPage; }
    [[nodiscard]] AssignmentPage *assignmentPage() const { return m_assignmentPage; }

    // Connects the sync engine: the Sync section, the status bar indicator,
    // local changes that start a sync and synced rows that refresh the views.
    void setSyncController(SyncController *controller);

    // Defaults for the sign-in dialog, e.g. from the command line.
    void setPlatformDefaults(const QString &serverAddress, const QString &account);

    // On the very first start, asks whether to sign in to the school's platform
    // or to work offline with an imported roster; later starts ask nothing.
    void offerFirstRun(SyncEngine::State state);

public slots:
    void showAbout();
    void showSignIn();
    // Opens the roster import dialog and shows the imported class afterwards.
    void importRoster();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addSection(const QString &title, QWidget *page);
    void addPlaceholderSection(const QString &title, const QString &purpose);
    void createMenus();
    void restoreWindowState();

    QListWidget *m_sidebar = nullptr;
    Workspace &m_workspace;
    QStackedWidget *m_pages = nullptr;
    AttendancePage *m_attendancePage = nullptr;
    CoursewarePage *m_coursewarePage = nullptr;
    TodayPage *m_todayPage = nullptr;
    AssignmentPage *m_assignmentPage = nullptr;
    void forwardRemoteChange(const QString &entity, const QStringList &ids);
    void updateSyncStatus();

    SyncController *m_sync = nullptr;
    QPushButton *m_syncStatusButton = nullptr;
    bool m_forwardingRemoteChange = false;
    QString m_defaultServer;
    QString m_defaultAccount;
    QString m_version;
    QString m_revision;
};

} // namespace ClassDesk
