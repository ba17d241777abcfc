// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "aboutdialog.h"
#include "assignmentpage.h"
#include "attendancepage.h"
#include "attendancestatisticsview.h"
#include "coursewarepage.h"
#include "placeholderpage.h"
#include "rosterimportdialog.h"
#include "settingspage.h"
#include "signindialog.h"
#include "synccontroller.h"
#include "syncpage.h"
#include "syncstatetext.h"
#include "todaypage.h"
#include "workspace.h"

#include "assignmentstore.h"
#include "attendancestore.h"
#include "classstore.h"
#include "coursestore.h"
#include "coursewarestore.h"
#include "lessonmaterialstore.h"
#include "lessonpublisher.h"
#include "submissionstore.h"

#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

namespace ClassDesk {

namespace {

const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString SectionKey = QStringLiteral("mainWindow/section");

} // namespace

MainWindow::MainWindow(Workspace &workspace, const QString &version, const QString &revision,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_version(version)
    , m_revision(revision)
{
    setWindowTitle(tr("ClassDesk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/classdesk.svg")));

    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Sections"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setFixedWidth(160);
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget::item { padding-left: 12px; }"));

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));

    m_todayPage = new TodayPage(workspace, m_pages);
    addSection(tr("Today"), m_todayPage);
    auto *attendanceTabs = new QTabWidget(m_pages);
    attendanceTabs->setObjectName(QStringLiteral("attendanceTabs"));
    m_attendancePage = new AttendancePage(workspace, attendanceTabs);
    connect(m_attendancePage, &AttendancePage::importRosterRequested, this, &MainWindow::importRoster);
    attendanceTabs->addTab(m_attendancePage, tr("Take attendance"));
    attendanceTabs->addTab(new AttendanceStatisticsView(workspace, attendanceTabs), tr("Statistics"));
    addSection(tr("Attendance"), attendanceTabs);
    m_coursewarePage = new CoursewarePage(workspace, m_pages);
    addSection(tr("Courseware"), m_coursewarePage);
    m_assignmentPage = new AssignmentPage(workspace, m_pages);
    addSection(tr("Assignments"), m_assignmentPage);
    addPlaceholderSection(tr("Sync"),
                          tr("The connection to your school's platform and the changes waiting to be sent."));
    addSection(tr("Settings"), new SettingsPage(workspace, m_pages));

    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_todayPage, &TodayPage::editAssignmentRequested, this, [this](const QString &id) {
        showSection(Section::Assignments);
        m_assignmentPage->showAssignment(id);
    });

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    auto *databaseLabel = new QLabel(tr("Local data: %1").arg(QDir::toNativeSeparators(workspace.databasePath())), this);
    databaseLabel->setObjectName(QStringLiteral("databaseLocation"));
    statusBar()->addPermanentWidget(databaseLabel);

    createMenus();
    restoreWindowState();
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(960, 640);

    const int section = settings.value(SectionKey, 0).toInt();
    m_sidebar->setCurrentRow(section >= 0 && section < m_sidebar->count() ? section : 0);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(SectionKey, m_sidebar->currentRow());
    QMainWindow::closeEvent(event);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *importAction = fileMenu->addAction(tr("&Import roster…"), this, &MainWindow::importRoster);
    importAction->setObjectName(QStringLiteral("importRosterAction"));
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About ClassDesk"), this, &MainWindow::showAbout);
    aboutAction->setObjectName(QStringLiteral("aboutAction"));
    aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::importRoster()
{
    auto *dialog = new RosterImportDialog(m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RosterImportDialog::imported, this, [this](const RosterImportSummary &summary) {
        showSection(Section::Attendance);
        if (!summary.classIds.isEmpty()) {
            m_attendancePage->reloadClasses();
            m_attendancePage->showClass(summary.classIds.first());
        }
    });
    dialog->open();
    dialog->chooseFile();
}

void MainWindow::setPlatformDefaults(const QString &serverAddress, const QString &account)
{
    m_defaultServer = serverAddress;
    m_defaultAccount = account;
}

void MainWindow::setSyncController(SyncController *controller)
{
    m_sync = controller;
    if (!m_sync)
        return;

    // The Sync section replaces its placeholder.
    const int index = int(Section::Sync);
    QWidget *placeholder = m_pages->widget(index);
    auto *syncPage = new SyncPage(m_workspace, *m_sync, m_pages);
    syncPage->setAccessibleName(m_sidebar->item(index)->text());
    m_pages->insertWidget(index, syncPage);
    m_pages->removeWidget(placeholder);
    placeholder->deleteLater();
    m_pages->setCurrentIndex(m_sidebar->currentRow());
    connect(syncPage, &SyncPage::signInRequested, this, &MainWindow::showSignIn);

    m_syncStatusButton = new QPushButton(this);
    m_syncStatusButton->setObjectName(QStringLiteral("syncStatusButton"));
    m_syncStatusButton->setFlat(true);
    m_syncStatusButton->setAccessibleName(tr("Sync status"));
    statusBar()->addWidget(m_syncStatusButton);
    connect(m_syncStatusButton, &QPushButton::clicked, this, [this] { showSection(Section::Sync); });
    connect(m_sync, &SyncController::stateChanged, this, &MainWindow::updateSyncStatus);
    connect(m_sync, &SyncController::pendingCountChanged, this, &MainWindow::updateSyncStatus);
    updateSyncStatus();

    // Local edits start a sync soon; rows the sync wrote refresh the views
    // through the same store signals, without counting as local edits.
    const auto localChange = [this] {
        if (!m_forwardingRemoteChange)
            m_sync->notifyLocalChange();
    };
    connect(&m_workspace.classes(), &ClassStore::changed, this, localChange);
    connect(&m_workspace.attendance(), &AttendanceStore::changed, this, localChange);
    connect(&m_workspace.assignments(), &AssignmentStore::changed, this, localChange);
    connect(&m_workspace.courseware(), &CoursewareStore::changed, this, localChange);
    connect(&m_workspace.lessonPublisher(), &LessonPublisher::changed, this, localChange);
    connect(&m_workspace.lessonMaterials(), &LessonMaterialStore::changed, this, localChange);
    connect(m_sync, &SyncController::dataChanged, this, &MainWindow::forwardRemoteChange);

    // The upload panel mirrors the engine's queue; changed upload or network
    // settings apply at once.
    m_coursewarePage->setSyncController(m_sync);
    if (auto *settingsPage = findChild<SettingsPage *>()) {
        connect(settingsPage, &SettingsPage::uploadSettingsChanged, m_sync, &SyncController::reloadUploadSettings);
        connect(settingsPage, &SettingsPage::networkSettingsChanged, m_sync, &SyncController::reloadNetworkSettings);
    }
}

void MainWindow::forwardRemoteChange(const QString &entity, const QStringList &ids)
{
    m_forwardingRemoteChange = true;
    if (entity == QLatin1String("school")) {
        const QString previous = m_workspace.schoolId();
        if (auto refreshed = m_workspace.refreshSchool(); !refreshed)
            statusBar()->showMessage(refreshed.error().displayText());
        if (m_workspace.schoolId() != previous) {
            // Every view lists the school's rows, so every view reloads.
            emit m_workspace.classes().changed(QStringLiteral("class"), {});
            emit m_workspace.courses().changed(QStringLiteral("lesson"), {});
            emit m_workspace.assignments().changed(QStringLiteral("assignment"), {});
            emit m_workspace.courseware().changed(QStringLiteral("courseware"), {});
        }
    }
    if (entity == QLatin1String("class") || entity == QLatin1String("student"))
        emit m_workspace.classes().changed(entity, ids);
    else if (entity.startsWith(QLatin1String("attendance")))
        emit m_workspace.attendance().changed(entity, ids);
    else if (entity == QLatin1String("assignment"))
        emit m_workspace.assignments().changed(entity, ids);
    else if (entity == QLatin1String("courseware"))
        emit m_workspace.courseware().changed(entity, ids);
    else if (entity == QLatin1String("course") || entity == QLatin1String("lesson"))
        emit m_workspace.courses().changed(entity, ids);
    else if (entity == QLatin1String("submission"))
        emit m_workspace.submissions().changed(entity, ids);
    m_forwardingRemoteChange = false;
}

void MainWindow::updateSyncStatus()
{
    const QString state = SyncStateText::describe(m_sync->state(), m_sync->progress());
    const int pending = m_sync->pendingCount();
    // After a sync, changes can still wait: for their courseware's upload, or
    // for the next sync. "Up to date" next to them would contradict itself.
    if (pending > 0 && m_sync->state() == SyncEngine::State::UpToDate)
        m_syncStatusButton->setText(tr("%n change(s) waiting to be sent", "", pending));
    else
        m_syncStatusButton->setText(pending > 0 ? tr("%1 · %n change(s) waiting", "", pending).arg(state) : state);
    m_todayPage->setNetworkAvailable(m_sync->state() != SyncEngine::State::Offline
                                     && m_sync->state() != SyncEngine::State::SignedOut
                                     && m_sync->state() != SyncEngine::State::SignInRequired);
}

void MainWindow::offerFirstRun(SyncEngine::State state)
{
    QSettings settings;
    if (settings.value(QStringLiteral("firstRun/done"), false).toBool())
        return;
    settings.setValue(QStringLiteral("firstRun/done"), true);
    if (state != SyncEngine::State::SignedOut)
        return; // signed in before, e.g. a restored session

    QMessageBox box(this);
    box.setWindowTitle(tr("Welcome to ClassDesk"));
    box.setText(tr("How would you like to start?"));
    box.setInformativeText(tr("You can work offline now and sign in to your school's platform later; "
                              "nothing you enter is lost either way."));
    QPushButton *platformButton = box.addButton(tr("Use with my school's platform"), QMessageBox::AcceptRole);
    QPushButton *offlineButton = box.addButton(tr("Use offline for now (import a roster)"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Close);
    box.exec();

    if (box.clickedButton() == platformButton)
        showSignIn();
    else if (box.clickedButton() == offlineButton)
        importRoster();
}

void MainWindow::showSignIn()
{
    if (!m_sync)
        return;
    auto *dialog = new SignInDialog(*m_sync, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_defaultServer.isEmpty())
        dialog->setServerAddress(m_defaultServer);
    if (!m_defaultAccount.isEmpty())
        dialog->setAccount(m_defaultAccount);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(m_version, m_revision, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::addSection(const QString &title, QWidget *page)
{
    auto *item = new QListWidgetItem(title, m_sidebar);
    item->setSizeHint(QSize(0, 40));
    page->setAccessibleName(title);
    m_pages->addWidget(page);
}

void MainWindow::addPlaceholderSection(const QString &title, const QString &purpose)
{
    addSection(title, new PlaceholderPage(title, purpose, m_pages));
}

void MainWindow::showSection(Section section)
{
    m_sidebar->setCurrentRow(static_cast<int>(section));
}

MainWindow::Section MainWindow::currentSection() const
{
    return static_cast<Section>(m_sidebar->currentRow());
}

} // namespace ClassDesk
