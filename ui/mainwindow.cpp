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
#include "uilogging.h"
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
#include <QElapsedTimer>
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
#include <QVBoxLayout>

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

    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Sections"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setFixedWidth(160);
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget::item { padding-left: 12px; }"));

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));

    addSection(tr("Today"));
    addSection(tr("Attendance"));
    addSection(tr("Courseware"));
    addSection(tr("Assignments"));
    addSection(tr("Sync"));
    addSection(tr("Settings"));

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
    // Connected after the restore, so the restored section is built when the
    // window is shown, not here.
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::showCurrentPage);
    connect(this, &MainWindow::firstPaintFinished, this, &MainWindow::setIconAfterFirstPaint, Qt::QueuedConnection);
    connect(this, &MainWindow::firstPaintFinished, this, &MainWindow::buildSyncPage, Qt::QueuedConnection);
}

QWidget *MainWindow::page(Section section)
{
    const int index = int(section);
    if (QWidget *built = m_builtPages.at(index))
        return built;

    QElapsedTimer timer;
    timer.start();
    QWidget *built = buildPage(section);
    built->setAccessibleName(m_sidebar->item(index)->text());
    replacePage(index, built);
    m_builtPages[index] = built;
    qCDebug(lcUi) << "Built the page of section" << section << "in" << timer.elapsed() << "ms";
    return built;
}

void MainWindow::replacePage(int index, QWidget *page)
{
    QWidget *previous = m_pages->widget(index);
    const QSignalBlocker blocker(m_pages);
    m_pages->insertWidget(index, page);
    m_pages->removeWidget(previous);
    previous->deleteLater();
    m_pages->setCurrentIndex(std::max(0, m_sidebar->currentRow()));

    // A widget made now comes last in the window's focus chain, so it is
    // moved after the sidebar: Tab must reach the page before the status bar.
    QWidget::setTabOrder(m_sidebar, page);
}

QWidget *MainWindow::buildPage(Section section)
{
    switch (section) {
    case Section::Today:
        return buildTodayPage();
    case Section::Attendance:
        return buildAttendanceSection();
    case Section::Courseware:
        return buildCoursewarePage();
    case Section::Assignments:
        m_assignmentPage = new AssignmentPage(m_workspace, m_pages);
        return m_assignmentPage;
    case Section::Sync:
        if (!m_sync) {
            return new PlaceholderPage(
                m_sidebar->item(int(Section::Sync))->text(),
                tr("The connection to your school's platform and the changes waiting to be sent."), m_pages);
        }
        {
            auto *syncPage = new SyncPage(m_workspace, *m_sync, m_pages);
            connect(syncPage, &SyncPage::signInRequested, this, &MainWindow::showSignIn);
            return syncPage;
        }
    case Section::Settings:
        return buildSettingsPage();
    }
    Q_UNREACHABLE();
}

QWidget *MainWindow::buildTodayPage()
{
    m_todayPage = new TodayPage(m_workspace, m_pages);
    connect(m_todayPage, &TodayPage::editAssignmentRequested, this, [this](const QString &id) {
        showSection(Section::Assignments);
        assignmentPage()->showAssignment(id);
    });
    if (m_sync)
        m_todayPage->setNetworkAvailable(isNetworkAvailable());
    return m_todayPage;
}

QWidget *MainWindow::buildAttendanceSection()
{
    auto *tabs = new QTabWidget(m_pages);
    tabs->setObjectName(QStringLiteral("attendanceTabs"));
    m_attendancePage = new AttendancePage(m_workspace, tabs);
    connect(m_attendancePage, &AttendancePage::importRosterRequested, this, &MainWindow::importRoster);
    tabs->addTab(m_attendancePage, tr("Take attendance"));

    // The statistics query every day of the term and every student of the
    // class, so the view is made when its tab is first opened.
    auto *statisticsTab = new QWidget(tabs);
    auto *statisticsLayout = new QVBoxLayout(statisticsTab);
    statisticsLayout->setContentsMargins(0, 0, 0, 0);
    tabs->addTab(statisticsTab, tr("Statistics"));
    connect(tabs, &QTabWidget::currentChanged, this, [this, tabs, statisticsTab, statisticsLayout] {
        if (tabs->currentWidget() != statisticsTab || statisticsLayout->count() > 0)
            return;
        auto *view = new AttendanceStatisticsView(m_workspace, statisticsTab);
        view->setObjectName(QStringLiteral("attendanceStatistics"));
        statisticsLayout->addWidget(view);
    });
    return tabs;
}

QWidget *MainWindow::buildCoursewarePage()
{
    m_coursewarePage = new CoursewarePage(m_workspace, m_pages);
    // The upload panel mirrors the engine's queue.
    if (m_sync)
        m_coursewarePage->setSyncController(m_sync);
    return m_coursewarePage;
}

QWidget *MainWindow::buildSettingsPage()
{
    m_settingsPage = new SettingsPage(m_workspace, m_pages);
    // Changed upload or network settings apply at once.
    if (m_sync) {
        connect(m_settingsPage, &SettingsPage::uploadSettingsChanged, m_sync, &SyncController::reloadUploadSettings);
        connect(m_settingsPage, &SettingsPage::networkSettingsChanged, m_sync,
                &SyncController::reloadNetworkSettings);
    }
    return m_settingsPage;
}

AttendancePage *MainWindow::attendancePage()
{
    page(Section::Attendance);
    return m_attendancePage;
}

CoursewarePage *MainWindow::coursewarePage()
{
    page(Section::Courseware);
    return m_coursewarePage;
}

TodayPage *MainWindow::todayPage()
{
    page(Section::Today);
    return m_todayPage;
}

AssignmentPage *MainWindow::assignmentPage()
{
    page(Section::Assignments);
    return m_assignmentPage;
}

void MainWindow::showCurrentPage()
{
    const int row = m_sidebar->currentRow();
    if (row < 0)
        return;
    page(Section(row));
    m_pages->setCurrentIndex(row);
}

void MainWindow::showEvent(QShowEvent *event)
{
    showCurrentPage();
    QMainWindow::showEvent(event);
}

bool MainWindow::event(QEvent *event)
{
    const bool handled = QMainWindow::event(event);
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        qCDebug(lcUi) << "First paint of the main window";
        // Queued, so whatever waits for it runs after this paint has been flushed.
        QMetaObject::invokeMethod(this, &MainWindow::firstPaintFinished, Qt::QueuedConnection);
    }
    return handled;
}

void MainWindow::setIconAfterFirstPaint()
{
    // An SVG icon loads Qt's SVG plugin and library, which the first paint
    // does not need.
    setWindowIcon(QIcon(QStringLiteral(":/icons/classdesk.svg")));
}

void MainWindow::buildSyncPage()
{
    // Built early rather than on first use, because it lists the sync runs
    // that finish while it exists.
    if (m_sync)
        page(Section::Sync);
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(960, 640);

    const int section = settings.value(SectionKey, 0).toInt();
    const int row = section >= 0 && section < m_sidebar->count() ? section : 0;
    m_sidebar->setCurrentRow(row);
    m_pages->setCurrentIndex(row);
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
            attendancePage()->reloadClasses();
            attendancePage()->showClass(summary.classIds.first());
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

    // A Sync page built without the engine is a placeholder, so it is built
    // again. After the first paint buildSyncPage() has run already, so the
    // page is built here.
    const int syncIndex = int(Section::Sync);
    if (m_builtPages.at(syncIndex) || m_painted) {
        m_builtPages[syncIndex] = nullptr;
        page(Section::Sync);
    }

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

    // Pages built before the engine came get connected now.
    if (m_coursewarePage)
        m_coursewarePage->setSyncController(m_sync);
    if (m_settingsPage) {
        connect(m_settingsPage, &SettingsPage::uploadSettingsChanged, m_sync, &SyncController::reloadUploadSettings);
        connect(m_settingsPage, &SettingsPage::networkSettingsChanged, m_sync,
                &SyncController::reloadNetworkSettings);
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
    if (m_todayPage)
        m_todayPage->setNetworkAvailable(isNetworkAvailable());
}

bool MainWindow::isNetworkAvailable() const
{
    const SyncEngine::State state = m_sync->state();
    return state != SyncEngine::State::Offline && state != SyncEngine::State::SignedOut
           && state != SyncEngine::State::SignInRequired;
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

void MainWindow::addSection(const QString &title)
{
    auto *item = new QListWidgetItem(title, m_sidebar);
    item->setSizeHint(QSize(0, 40));
    // Keeps the page's index in the stack until the page is built.
    auto *placeholder = new QWidget(m_pages);
    placeholder->setAccessibleName(title);
    m_pages->addWidget(placeholder);
}

void MainWindow::showSection(Section section)
{
    // Builds the page even when the section is already the current one, as
    // after a restore.
    page(section);
    m_sidebar->setCurrentRow(static_cast<int>(section));
}

MainWindow::Section MainWindow::currentSection() const
{
    return static_cast<Section>(m_sidebar->currentRow());
}

} // namespace ClassDesk
