// SPDX-License-Identifier: GPL-3.0-or-later
//
// Renders every main section in Chinese at 1366x768 with made-up demo data,
// checks that no button or single-line label is narrower than its text, and
// saves each section as a PNG for people to look at (nothing compares them).
// scripts/screenshots.sh runs it to refresh the user guide's pictures; ctest
// runs it at 100% and at 200% scale (QT_SCALE_FACTOR=2).
#include "languagesetup.h"
#include "mainwindow.h"
#include "synccontroller.h"
#include "workspace.h"

#include "attendancestore.h"
#include "classstore.h"
#include "coursestore.h"
#include "schoolstore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ClassDesk;

namespace {

// Made-up names built from common surnames and given names; no real people.
QStringList demoNames(int count)
{
    const QStringList surnames = {QStringLiteral("王"), QStringLiteral("李"), QStringLiteral("张"),
                                  QStringLiteral("刘"), QStringLiteral("陈"), QStringLiteral("杨"),
                                  QStringLiteral("赵"), QStringLiteral("黄")};
    const QStringList given = {QStringLiteral("小明"), QStringLiteral("雨涵"), QStringLiteral("子轩"),
                               QStringLiteral("欣怡"), QStringLiteral("浩然"), QStringLiteral("梓涵"),
                               QStringLiteral("俊杰")};
    QStringList names;
    for (int i = 0; i < count; ++i)
        names << surnames.at(i % surnames.size()) + given.at((i / surnames.size() + i) % given.size());
    return names;
}

// Where the PNGs go: CLASSDESK_SCREENSHOT_DIR (the user guide's folder when
// scripts/screenshots.sh runs the test), else the build folder.
QString outputFolder()
{
    const QString folder = qEnvironmentVariable("CLASSDESK_SCREENSHOT_DIR");
    return folder.isEmpty() ? QStringLiteral(CLASSDESK_ARTIFACT_DIR) : folder;
}

// Widgets whose text is cut: a button, or a label that does not wrap, that
// is narrower than the width its text needs.
QStringList clippedTexts(QWidget *page)
{
    QStringList clipped;
    for (QAbstractButton *button : page->findChildren<QAbstractButton *>()) {
        if (button->isVisible() && !button->text().isEmpty() && button->width() < button->sizeHint().width())
            clipped << QStringLiteral("button \"%1\": %2 < %3").arg(button->text()).arg(button->width())
                           .arg(button->sizeHint().width());
    }
    for (QLabel *label : page->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->wordWrap() || label->text().isEmpty() || !label->pixmap().isNull())
            continue;
        if (label->width() < label->minimumSizeHint().width())
            clipped << QStringLiteral("label \"%1\": %2 < %3").arg(label->text()).arg(label->width())
                           .arg(label->minimumSizeHint().width());
    }
    return clipped;
}

} // namespace

class ScreenshotTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sectionRendersUnclipped_data();
    void sectionRendersUnclipped();

private:
    void addDemoData();

    QTemporaryDir m_dataDirectory;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<MainWindow> m_window;
};

void ScreenshotTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(installLanguage(*qobject_cast<QApplication *>(QCoreApplication::instance()), QStringLiteral("zh_CN")));
    auto workspace = Workspace::open(m_dataDirectory.path());
    QVERIFY(workspace.has_value());
    m_workspace = std::move(*workspace);
    addDemoData();

    m_sync = std::make_unique<SyncController>(m_workspace->databasePath());
    m_window = std::make_unique<MainWindow>(*m_workspace, QStringLiteral("1.0"), QStringLiteral("demo"));
    m_window->setSyncController(m_sync.get());
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(QDir().mkpath(outputFolder()));
}

void ScreenshotTest::cleanupTestCase()
{
    m_window.reset();
    m_sync.reset();
    m_workspace.reset();
}

void ScreenshotTest::addDemoData()
{
    ClassStore &classes = m_workspace->classes();
    const auto classId = classes.createClass(m_workspace->schoolId(), QStringLiteral("七年级(2)班"), QStringLiteral("七年级"));
    QVERIFY(classId.has_value());
    QStringList students;
    const QStringList names = demoNames(42);
    for (int i = 0; i < names.size(); ++i) {
        Student student;
        student.schoolId = m_workspace->schoolId();
        student.classId = *classId;
        student.studentNumber = QStringLiteral("2025070%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        student.name = names.at(i);
        const auto id = classes.createStudent(student);
        QVERIFY(id.has_value());
        students << *id;
    }

    // Two courses with lessons on the day the pictures are taken, so the Today
    // section shows a timetable on any day of the week.
    const QDate today = m_workspace->schools()
                            .dateAt(m_workspace->schoolId(), QDateTime::currentMSecsSinceEpoch())
                            .value_or(QDate::currentDate());
    const QList<std::tuple<QString, QString, int>> lessons = {{QStringLiteral("语文"), QStringLiteral("chinese"), 1},
                                                              {QStringLiteral("数学"), QStringLiteral("math"), 3}};
    for (const auto &[name, subject, period] : lessons) {
        Course course;
        course.schoolId = m_workspace->schoolId();
        course.classId = *classId;
        course.name = name;
        course.subject = subject;
        const auto courseId = m_workspace->courses().createCourse(course);
        QVERIFY(courseId.has_value());
        QVERIFY(m_workspace->courses().createLesson(*courseId, today, period).has_value());
    }

    // Today's first lesson, partly marked, so the grid shows every status.
    const auto session = m_workspace->attendance().openSession(*classId, today, 1);
    QVERIFY(session.has_value());
    const std::array statuses = {AttendanceStatus::Present, AttendanceStatus::Present, AttendanceStatus::Present,
                                 AttendanceStatus::Late,    AttendanceStatus::Present, AttendanceStatus::Leave,
                                 AttendanceStatus::Present, AttendanceStatus::Absent};
    for (int i = 0; i < 30; ++i)
        QVERIFY(m_workspace->attendance().mark(*session, students.at(i), statuses.at(std::size_t(i) % statuses.size())));
}

void ScreenshotTest::sectionRendersUnclipped_data()
{
    QTest::addColumn<int>("section");
    QTest::addColumn<QString>("name");
    QTest::newRow("today") << int(MainWindow::Section::Today) << QStringLiteral("today");
    QTest::newRow("attendance") << int(MainWindow::Section::Attendance) << QStringLiteral("attendance");
    QTest::newRow("courseware") << int(MainWindow::Section::Courseware) << QStringLiteral("courseware");
    QTest::newRow("assignments") << int(MainWindow::Section::Assignments) << QStringLiteral("assignments");
    QTest::newRow("sync") << int(MainWindow::Section::Sync) << QStringLiteral("sync");
    QTest::newRow("settings") << int(MainWindow::Section::Settings) << QStringLiteral("settings");
}

void ScreenshotTest::sectionRendersUnclipped()
{
    QFETCH(int, section);
    QFETCH(QString, name);

    m_window->showSection(MainWindow::Section(section));
    QTest::qWait(50); // lets queued layout requests run
    const QStringList clipped = clippedTexts(m_window.get());
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));

    const QPixmap picture = m_window->grab();
    const qreal scale = picture.devicePixelRatio();
    QCOMPARE(picture.width(), qRound(1366 * scale));
    const QString suffix = scale > 1.5 ? QStringLiteral("@2x") : QString();
    const QString path = QDir(outputFolder()).filePath(QStringLiteral("%1%2.png").arg(name, suffix));
    QVERIFY(picture.save(path, "PNG", 0)); // 0: the strongest zlib compression, for small files
    qInfo("Saved %s", qPrintable(QDir::toNativeSeparators(path)));
}

QTEST_MAIN(ScreenshotTest)
#include "tst_screenshots.moc"
