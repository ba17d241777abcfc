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
#include "todaypage.h"
#include "workspace.h"

#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
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
