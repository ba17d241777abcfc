// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncengine.h"

#include <QMainWindow>

#include <array>

class QListWidget;
class QPushButton;
class QWidget;
class QStackedWidget;

namespace ClassDesk {

class AssignmentPage;
class AttendancePage;
class CoursewarePage;
class SettingsPage;
class TodayPage;
class SyncController;
class Workspace;

// The teacher's main window: a sidebar of sections and the page of the
// section chosen in it. Each page is built the first time its section is
// shown or one of the accessors below requests it, so a start builds only
// the page shown first. Until then an empty widget is in its place.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Sidebar sections, in sidebar order.
    enum class Section { Today, Attendance, Courseware, Assignments, Sync, Settings };
    Q_ENUM(Section)
    static constexpr int SectionCount = int(Section::Settings) + 1;

    // The version and revision are the build's, shown in About.
    MainWindow(Workspace &workspace, const QString &version, const QString &revision,
               QWidget *parent = nullptr);

    void showSection(Section section);
    [[nodiscard]] Section currentSection() const;

    [[nodiscard]] QListWidget *sidebar() const { return m_sidebar; }
    // The page of `section`, built now if it was not yet.
    QWidget *page(Section section);
    // Each builds its section's page if it was not built yet.
    AttendancePage *attendancePage();
    CoursewarePage *coursewarePage();
    TodayPage *todayPage();
    AssignmentPage *assignmentPage();

    // Connects the sync engine: the Sync section, the status bar indicator,
    // local changes that start a sync and synced rows that refresh the views.
    // The Sync page is built soon after the first paint, so it records every
    // sync run from then on.
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

signals:
    // The window's first paint event was handled.
    void firstPaintFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool event(QEvent *event) override;

private:
    void addSection(const QString &title);
    void createMenus();
    void restoreWindowState();
    void showCurrentPage();
    void buildSyncPage();
    void setIconAfterFirstPaint();
    QWidget *buildPage(Section section);
    QWidget *buildAttendanceSection();
    QWidget *buildTodayPage();
    QWidget *buildCoursewarePage();
    QWidget *buildSettingsPage();
    void replacePage(int index, QWidget *page);
    void forwardRemoteChange(const QString &entity, const QStringList &ids);
    void updateSyncStatus();
    [[nodiscard]] bool isNetworkAvailable() const;

    QListWidget *m_sidebar = nullptr;
    Workspace &m_workspace;
    QStackedWidget *m_pages = nullptr;
    std::array<QWidget *, SectionCount> m_builtPages{}; // null until built
    AttendancePage *m_attendancePage = nullptr;
    CoursewarePage *m_coursewarePage = nullptr;
    TodayPage *m_todayPage = nullptr;
    AssignmentPage *m_assignmentPage = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    bool m_painted = false;

    SyncController *m_sync = nullptr;
    QPushButton *m_syncStatusButton = nullptr;
    bool m_forwardingRemoteChange = false;
    QString m_defaultServer;
    QString m_defaultAccount;
    QString m_version;
    QString m_revision;
};

} // namespace ClassDesk
