// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"
#include "assignmentpage.h"
#include "coursewarepage.h"
#include "database.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "databasebackup.h"
#include "datalocation.h"
#include "rosterstore.h"
#include "startupcheck.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace ClassDesk;

class MainWindowTest : public QObject
{
    Q_OBJECT

private:
    static void removeTranslators()
    {
        const auto translators = qApp->findChildren<QTranslator *>();
        for (QTranslator *translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

    static QString visiblePlaceholderStatus(const MainWindow &window)
    {
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        auto *status = pages->currentWidget()->findChild<QLabel *>(QStringLiteral("placeholderStatus"));
        return status ? status->text() : QString();
    }

    QTemporaryDir m_dataDirectory;
    std::unique_ptr<Workspace> m_workspace;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dataDirectory.isValid());
        auto workspace = Workspace::open(m_dataDirectory.path());
        QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().toLogString()));
        m_workspace = std::move(*workspace);
    }

    void cleanupTestCase() { m_workspace.reset(); }

    void cleanup() { removeTranslators(); }

    void importAfterSignInGoesToPlatformSchool()
    {
        QTemporaryDir folder;
        auto opened = Workspace::open(folder.path());
        QVERIFY(opened.has_value());
        Workspace &workspace = **opened;

        // The first sync brings the platform's school while the app runs.
        QVERIFY(workspace.database()
                    .execute(QStringLiteral("INSERT INTO school (id, name, time_zone, server_version, created_at, "
                                            "updated_at) VALUES ('platform-school', '示例中学', 'Asia/Shanghai', "
                                            "1, 0, 0)"))
                    .has_value());
        QVERIFY(workspace.refreshSchool().has_value());
        QCOMPARE(workspace.schoolId(), QStringLiteral("platform-school"));

        RosterRow row;
        row.studentNumber = QStringLiteral("20250301");
        row.name = QStringLiteral("李雷");
        row.className = QStringLiteral("高一(3)班");
        row.sourceRow = 2;
        QVERIFY(workspace.rosters().importRows({row}, {}, {}).has_value());

        auto statement = workspace.database().prepare("SELECT DISTINCT school_id FROM class");
        QVERIFY(statement.has_value());
        QVERIFY(statement->step().value_or(false));
        QCOMPARE(statement->textAt(0), QStringLiteral("platform-school"));
        QVERIFY(!statement->step().value_or(true));
    }

    void uncleanExitChecksBeforeOpening()
    {
        QTemporaryDir folder;
        QVERIFY(StartupCheck::needsCheckBeforeOpening(folder.path())); // no database yet
        QVERIFY(Workspace::open(folder.path()).has_value());
        QVERIFY(!StartupCheck::needsCheckBeforeOpening(folder.path()));

        StartupCheck::beginSession(folder.path());
        QVERIFY(StartupCheck::needsCheckBeforeOpening(folder.path())); // as after a crash
        StartupCheck::endSession(folder.path());
        QVERIFY(!StartupCheck::needsCheckBeforeOpening(folder.path()));
    }

    void backgroundCheckBacksUpHealthyFile()
    {
        QTemporaryDir folder;
        QVERIFY(Workspace::open(folder.path()).has_value());
        StartupCheck::checkAndBackUpInBackground(folder.path(), false, nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(automaticBackups(folder.path()).size(), 1, 10000);
        QVERIFY(!StartupCheck::needsCheckBeforeOpening(folder.path()));
    }

    void backgroundCheckFlagsDamagedFile()
    {
        QTemporaryDir folder;
        QVERIFY(Workspace::open(folder.path()).has_value());
        QFile file(databaseFilePath(folder.path()));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(8192, 'x'));
        file.close();

        StartupCheck::checkAndBackUpInBackground(folder.path(), false, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(StartupCheck::needsCheckBeforeOpening(folder.path()), 10000);
        QVERIFY(automaticBackups(folder.path()).isEmpty()); // the damaged file replaces no good backup
    }

    void chooseLanguage_data()
    {
        QTest::addColumn<QString>("explicitChoice");
        QTest::addColumn<QString>("systemLocale");
        QTest::addColumn<QString>("expected");

        QTest::newRow("china") << "" << "zh_CN" << "zh_CN";
        QTest::newRow("taiwan") << "" << "zh_TW" << "zh_CN";
        QTest::newRow("hong kong") << "" << "zh_HK" << "zh_CN";
        QTest::newRow("us") << "" << "en_US" << "en";
        QTest::newRow("germany") << "" << "de_DE" << "en";
        QTest::newRow("c locale") << "" << "C" << "en";
        QTest::newRow("override to english") << "en" << "zh_CN" << "en";
        QTest::newRow("override to chinese") << "zh_CN" << "en_US" << "zh_CN";
        QTest::newRow("override with dash") << "zh-CN" << "en_US" << "zh_CN";
        QTest::newRow("unsupported override") << "fr" << "zh_CN" << "";
    }

    void chooseLanguage()
    {
        QFETCH(QString, explicitChoice);
        QFETCH(QString, systemLocale);
        QFETCH(QString, expected);

        QCOMPARE(ClassDesk::chooseLanguage(explicitChoice, QLocale(systemLocale)), expected);
    }

    void sidebarListsEverySection()
    {
        MainWindow window(*m_workspace, QStringLiteral("1.2.3"), QStringLiteral("abc1234"));
        const QStringList expected = {QStringLiteral("Today"), QStringLiteral("Attendance"),
                                      QStringLiteral("Courseware"), QStringLiteral("Assignments"),
                                      QStringLiteral("Sync"), QStringLiteral("Settings")};
        QCOMPARE(window.sidebar()->count(), expected.size());
        for (int row = 0; row < expected.size(); ++row)
            QCOMPARE(window.sidebar()->item(row)->text(), expected.at(row));
        QCOMPARE(window.windowTitle(), QStringLiteral("ClassDesk"));
    }

    void clickingSidebarShowsSection()
    {
        MainWindow window(*m_workspace, QStringLiteral("1.2.3"), QStringLiteral("abc1234"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentSection(), MainWindow::Section::Today);

        QListWidget *sidebar = window.sidebar();
        const QRect coursewareRow = sidebar->visualItemRect(sidebar->item(2));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, coursewareRow.center());
        QCOMPARE(window.currentSection(), MainWindow::Section::Courseware);

        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QCOMPARE(pages->currentIndex(), 2);
        QCOMPARE(pages->currentWidget(), window.coursewarePage());

        const QRect assignmentsRow = sidebar->visualItemRect(sidebar->item(3));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, assignmentsRow.center());
        QCOMPARE(pages->currentWidget(), window.assignmentPage());

        const QRect syncRow = sidebar->visualItemRect(sidebar->item(4));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, syncRow.center());
        QCOMPARE(visiblePlaceholderStatus(window), QStringLiteral("This section is not built yet."));
    }

    void keyboardMovesBetweenSections()
    {
        MainWindow window(*m_workspace, QStringLiteral("1.2.3"), QStringLiteral("abc1234"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.sidebar()->setFocus();

        QTest::keyClick(window.sidebar(), Qt::Key_Down);
        QTest::keyClick(window.sidebar(), Qt::Key_Down);
        QCOMPARE(window.currentSection(), MainWindow::Section::Courseware);
        QVERIFY(!window.sidebar()->accessibleName().isEmpty());
    }

    void lastSectionIsRestored()
    {
        {
            MainWindow window(*m_workspace, QStringLiteral("1.2.3"), QStringLiteral("abc1234"));
            window.show();
            window.showSection(MainWindow::Section::Assignments);
            window.close();
        }
        MainWindow reopened(*m_workspace, QStringLiteral("1.2.3"), QStringLiteral("abc1234"));
        QCOMPARE(reopened.currentSection(), MainWindow::Section::Assignments);

        reopened.showSection(MainWindow::Section::Today);
        reopened.close();
    }

    void aboutShowsVersionAndRevision()
    {
        MainWindow window(*m_workspace, QStringLiteral("1.2.3"), QStringLiteral("abc1234"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *aboutAction = window.findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(aboutAction);
        aboutAction->trigger();

        auto *dialog = window.findChild<AboutDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        auto *version = dialog->findChild<QLabel *>(QStringLiteral("versionLabel"));
        QVERIFY(version);
        QVERIFY(version->text().contains(QStringLiteral("1.2.3")));
        QVERIFY(version->text().contains(QStringLiteral("abc1234")));
    }

    void chineseLocaleShowsChineseWindow()
    {
        QVERIFY(installLanguage(*qApp, Language::SimplifiedChinese));

        MainWindow window(*m_workspace, QStringLiteral("1.2.3"), QStringLiteral("abc1234"));
        QCOMPARE(window.windowTitle(), QStringLiteral("课堂助手"));
        QCOMPARE(window.sidebar()->item(0)->text(), QStringLiteral("今日"));
        QCOMPARE(window.sidebar()->item(1)->text(), QStringLiteral("考勤"));
        window.showSection(MainWindow::Section::Sync);
        QCOMPARE(visiblePlaceholderStatus(window), QStringLiteral("此部分尚未完成。"));
    }

    void englishLanguageLoads()
    {
        QVERIFY(installLanguage(*qApp, Language::English));

        MainWindow window(*m_workspace, QStringLiteral("1.2.3"), QStringLiteral("abc1234"));
        QCOMPARE(window.windowTitle(), QStringLiteral("ClassDesk"));
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
