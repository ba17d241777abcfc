// SPDX-License-Identifier: GPL-3.0-or-later
#include "assignmenteditor.h"
#include "assignmentpage.h"
#include "assignmentsubmissionsview.h"
#include "languagesetup.h"
#include "lessonfixture.h"
#include "mainwindow.h"
#include "outboxstore.h"
#include "submissionstore.h"
#include "lessonmaterialstore.h"
#include "lessonpublisher.h"
#include "todaylessonwidget.h"
#include "todaypage.h"

#include <QApplication>
#include <QCheckBox>
#include <QInputMethodEvent>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <QTranslator>

#include <sqlite3.h>

#include <ctime>

using namespace ClassDesk;

class AssignmentPageTest : public QObject
{
    Q_OBJECT

private:
    LessonFixture m_fixture;
    QByteArray m_originalTimeZone;

    template<typename T>
    static T *child(QWidget &parent, const char *name)
    {
        return parent.findChild<T *>(QString::fromLatin1(name));
    }

    static void checkClass(AssignmentEditor &editor, const QString &name)
    {
        auto *classes = editor.findChild<QListWidget *>(QStringLiteral("classList"));
        const auto items = classes->findItems(name, Qt::MatchExactly);
        QVERIFY(!items.isEmpty());
        items.first()->setCheckState(Qt::Checked);
    }

    // Types text the way a Chinese input method does: one committed string.
    // Stores `teacherId` as the teacher the platform signed in, as sync does after GET /me.
    bool storeSignedInTeacher(const QString &teacherId) const
    {
        auto stored = m_fixture.workspace->database().prepare(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        if (!stored || teacherId.isEmpty())
            return false;
        stored->bind(1, QString::fromLatin1(SignedInTeacherKey)).bind(2, teacherId);
        return stored->run().has_value();
    }

    static void typeText(QWidget *widget, const QString &text)
    {
        widget->setFocus();
        QInputMethodEvent event;
        event.setCommitString(text);
        QApplication::sendEvent(widget, &event);
    }

    static void removeTranslators()
    {
        const auto translators = qApp->findChildren<QTranslator *>();
        for (QTranslator *translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

    static void setSystemTimeZone(const QByteArray &zone)
    {
        qputenv("TZ", zone);
        tzset();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_originalTimeZone = qgetenv("TZ");
    }

    void init() { QVERIFY(m_fixture.setUp()); }

    void cleanup()
    {
        removeTranslators();
        if (m_originalTimeZone.isEmpty())
            qunsetenv("TZ");
        else
            qputenv("TZ", m_originalTimeZone);
        tzset();
        m_fixture.tearDown();
    }

    void typingWritesStoreAndOutbox()
    {
        AssignmentPage page(*m_fixture.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        AssignmentEditor &editor = *page.editor();

        typeText(child<QLineEdit>(editor, "titleEdit"), QStringLiteral("背诵静夜思"));
        typeText(child<QPlainTextEdit>(editor, "instructionsEdit"), QStringLiteral("明天早读时背诵"));
        checkClass(editor, QStringLiteral("高一(4)班"));
        child<QCheckBox>(editor, "dueBox")->setChecked(true);
        child<QDateEdit>(editor, "dueDateEdit")->setDate(QDate(2026, 3, 10));
        child<QTimeEdit>(editor, "dueTimeEdit")->setTime(QTime(20, 30));

        // Saved after typing stops, not on every key.
        QVERIFY(editor.hasUnsavedChanges());
        QVERIFY(editor.assignmentId().isEmpty());
        QTRY_VERIFY(!editor.hasUnsavedChanges());

        const QString id = editor.assignmentId();
        const auto stored = m_fixture.workspace->assignments().assignment(id);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->title, QStringLiteral("背诵静夜思"));
        QCOMPARE(stored->instructions, QStringLiteral("明天早读时背诵"));
        QCOMPARE(stored->targetClassIds, QStringList{m_fixture.otherClassId});
        QCOMPARE(stored->dueDate, QDate(2026, 3, 10));
        QCOMPARE(stored->dueTime, QTime(20, 30));
        QCOMPARE(stored->state, AssignmentState::Draft);

        // More typing folds into the same pending create.
        typeText(child<QLineEdit>(editor, "titleEdit"), QStringLiteral("（全文）"));
        QTRY_VERIFY(!editor.hasUnsavedChanges());
        const auto entries = m_fixture.workspace->outbox().entries(QStringLiteral("assignment"), id);
        QVERIFY(entries.has_value());
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().op, QStringLiteral("create"));
        QCOMPARE(entries->first().payload.value(QStringLiteral("title")).toString(),
                 QStringLiteral("背诵静夜思（全文）"));
        QCOMPARE(page.listedIds(), QStringList{id});
    }

    void listShowsTargetClasses()
    {
        const QString id = m_fixture.createAssignment(QStringLiteral("默写古诗"));
        QVERIFY(!id.isEmpty());
        AssignmentPage page(*m_fixture.workspace);

        QCOMPARE(page.list()->count(), 1);
        const QString text = page.list()->item(0)->text();
        QVERIFY2(text.contains(QStringLiteral("高一(3)班")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("高一(4)班")), qPrintable(text));
    }

    void failedSaveKeepsTypedText()
    {
        const QString id = m_fixture.createAssignment(QStringLiteral("第一稿"));
        AssignmentPage page(*m_fixture.workspace);
        page.showAssignment(id);
        AssignmentEditor &editor = *page.editor();
        typeText(child<QLineEdit>(editor, "titleEdit"), QStringLiteral("（修改）"));

        m_fixture.workspace->database().failNextStatement(SQLITE_FULL);
        QVERIFY(!editor.saveNow());
        QVERIFY(editor.hasUnsavedChanges());
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("messageLabel"))->isHidden());

        // Opening another assignment would drop the text, so the editor stays.
        const QString other = m_fixture.createAssignment(QStringLiteral("另一份"));
        m_fixture.workspace->database().failNextStatement(SQLITE_FULL);
        QVERIFY(!editor.showAssignment(other));
        QCOMPARE(child<QLineEdit>(editor, "titleEdit")->text(), QStringLiteral("第一稿（修改）"));

        QVERIFY(editor.saveNow());
        QCOMPARE(m_fixture.workspace->assignments().assignment(id)->title, QStringLiteral("第一稿（修改）"));
    }

    void draftSurvivesWindowClose()
    {
        QString id;
        {
            MainWindow window(*m_fixture.workspace, QStringLiteral("1"), QStringLiteral("r"));
            window.resize(1366, 768);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.showSection(MainWindow::Section::Assignments);
            AssignmentEditor &editor = *window.assignmentPage()->editor();
            typeText(child<QLineEdit>(editor, "titleEdit"), QStringLiteral("周末作文"));
            typeText(child<QPlainTextEdit>(editor, "instructionsEdit"), QStringLiteral("写一篇**八百字**"));
            QVERIFY(editor.hasUnsavedChanges());
            window.close();
            id = editor.assignmentId();
        }
        QVERIFY(!id.isEmpty());

        MainWindow reopened(*m_fixture.workspace, QStringLiteral("1"), QStringLiteral("r"));
        reopened.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reopened));
        AssignmentPage &page = *reopened.assignmentPage();
        QCOMPARE(page.listedIds(), QStringList{id});
        page.showAssignment(id);
        QCOMPARE(child<QLineEdit>(*page.editor(), "titleEdit")->text(), QStringLiteral("周末作文"));
        QCOMPARE(child<QPlainTextEdit>(*page.editor(), "instructionsEdit")->toPlainText(),
                 QStringLiteral("写一篇**八百字**"));

        // Mid-typing in an existing draft, then the page goes away.
        typeText(child<QLineEdit>(*page.editor(), "titleEdit"), QStringLiteral("二"));
        reopened.close();
        QCOMPARE(m_fixture.workspace->assignments().assignment(id)->title, QStringLiteral("周末作文二"));
    }

    void dueTimeSurvivesTimeZoneChange()
    {
        setSystemTimeZone("America/Los_Angeles");
        const int offsetBefore = QDateTime::currentDateTime().offsetFromUtc();
        QString id;
        {
            AssignmentPage page(*m_fixture.workspace);
            AssignmentEditor &editor = *page.editor();
            typeText(child<QLineEdit>(editor, "titleEdit"), QStringLiteral("期中复习"));
            child<QCheckBox>(editor, "dueBox")->setChecked(true);
            child<QDateEdit>(editor, "dueDateEdit")->setDate(QDate(2026, 3, 10));
            child<QTimeEdit>(editor, "dueTimeEdit")->setTime(QTime(23, 30));
            QVERIFY(editor.saveNow());
            id = editor.assignmentId();
        }
        const auto before = m_fixture.workspace->assignments().assignment(id);
        QVERIFY(before.has_value());

        setSystemTimeZone("Asia/Kathmandu");
        QVERIFY(QDateTime::currentDateTime().offsetFromUtc() != offsetBefore);

        AssignmentPage page(*m_fixture.workspace);
        QVERIFY(page.editor()->showAssignment(id));
        QCOMPARE(child<QDateEdit>(*page.editor(), "dueDateEdit")->date(), QDate(2026, 3, 10));
        QCOMPARE(child<QTimeEdit>(*page.editor(), "dueTimeEdit")->time(), QTime(23, 30));

        // Saving again in the new zone keeps the civil values and the instant.
        typeText(child<QLineEdit>(*page.editor(), "titleEdit"), QStringLiteral("！"));
        QVERIFY(page.editor()->saveNow());
        const auto after = m_fixture.workspace->assignments().assignment(id);
        QVERIFY(after.has_value());
        QCOMPARE(m_fixture.text("SELECT due_date FROM assignment WHERE id = ?", id), QStringLiteral("2026-03-10"));
        QCOMPARE(m_fixture.text("SELECT due_time FROM assignment WHERE id = ?", id), QStringLiteral("23:30"));
        QCOMPARE(after->dueTimeZone, QStringLiteral("Asia/Shanghai"));
        QCOMPARE(after->dueInstant(), before->dueInstant());
    }

    void filterShowsMatchingStates_data()
    {
        QTest::addColumn<int>("filterIndex");
        QTest::addColumn<QStringList>("expectedTitles");
        QTest::newRow("all") << 0 << QStringList{QStringLiteral("草稿作业"), QStringLiteral("定时作业"), QStringLiteral("已发布作业")};
        QTest::newRow("drafts") << 1 << QStringList{QStringLiteral("草稿作业")};
        QTest::newRow("scheduled") << 2 << QStringList{QStringLiteral("定时作业")};
        QTest::newRow("published") << 3 << QStringList{QStringLiteral("已发布作业")};
    }

    void filterShowsMatchingStates()
    {
        QFETCH(int, filterIndex);
        QFETCH(QStringList, expectedTitles);
        QVERIFY(!m_fixture.createAssignment(QStringLiteral("草稿作业")).isEmpty());
        QVERIFY(!m_fixture.createAssignment(QStringLiteral("定时作业"), AssignmentState::Scheduled).isEmpty());
        QVERIFY(!m_fixture.createAssignment(QStringLiteral("已发布作业"), AssignmentState::Published).isEmpty());

        AssignmentPage page(*m_fixture.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *filterBox = child<QComboBox>(page, "filterBox");
        filterBox->setFocus();
        filterBox->setCurrentIndex(filterIndex);

        QStringList titles;
        for (int row = 0; row < page.list()->count(); ++row)
            titles.append(page.list()->item(row)->text().section(QLatin1Char('\n'), 0, 0));
        titles.sort();
        expectedTitles.sort();
        QCOMPARE(titles, expectedTitles);
    }

    void publishNowPublishes()
    {
        const QString id = m_fixture.createAssignment(QStringLiteral("预习第二课"));
        AssignmentPage page(*m_fixture.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.showAssignment(id);

        QTest::mouseClick(child<QPushButton>(*page.editor(), "publishNowButton"), Qt::LeftButton);

        const auto stored = m_fixture.workspace->assignments().assignment(id);
        QCOMPARE(stored->state, AssignmentState::Published);
        QVERIFY(stored->publishAt.has_value());
        QVERIFY(!child<QPushButton>(*page.editor(), "publishNowButton")->isEnabled());
    }

    void publishedNewAssignmentListedAtOnce()
    {
        AssignmentPage page(*m_fixture.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::mouseClick(child<QPushButton>(page, "newAssignmentButton"), Qt::LeftButton);
        AssignmentEditor &editor = *page.editor();

        typeText(child<QLineEdit>(editor, "titleEdit"), QStringLiteral("朗读课文"));
        checkClass(editor, QStringLiteral("高一(3)班"));
        QTest::mouseClick(child<QPushButton>(editor, "publishNowButton"), Qt::LeftButton);

        const QString id = editor.assignmentId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(page.listedIds(), QStringList{id});
        QVERIFY2(page.list()->item(0)->text().contains(QStringLiteral("Published")), qPrintable(page.list()->item(0)->text()));
        QCOMPARE(page.list()->currentRow(), 0);
    }

    void publishInWindowListedAtOnce()
    {
        MainWindow window(*m_fixture.workspace, QStringLiteral("1"), QStringLiteral("r"));
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showSection(MainWindow::Section::Assignments);
        AssignmentPage &page = *window.assignmentPage();
        QTest::mouseClick(child<QPushButton>(page, "newAssignmentButton"), Qt::LeftButton);
        AssignmentEditor &editor = *page.editor();
        typeText(child<QLineEdit>(editor, "titleEdit"), QStringLiteral("抄写生字"));
        checkClass(editor, QStringLiteral("高一(4)班"));
        QTest::mouseClick(child<QPushButton>(editor, "publishNowButton"), Qt::LeftButton);

        const QString id = editor.assignmentId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(page.listedIds(), QStringList{id});
        QVERIFY(page.list()->item(0)->text().contains(QStringLiteral("Published")));
    }

    void newAssignmentFromTodayListed()
    {
        const QString lessonId = m_fixture.createLesson(m_fixture.today, 2);
        QVERIFY(!lessonId.isEmpty());
        MainWindow window(*m_fixture.workspace, QStringLiteral("1"), QStringLiteral("r"));
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showSection(MainWindow::Section::Today);
        TodayLessonWidget *lesson = nullptr;
        for (TodayLessonWidget *widget : window.todayPage()->lessonWidgets()) {
            if (widget->lessonId() == lessonId)
                lesson = widget;
        }
        QVERIFY(lesson);

        // The menu is filled when it opens.
        QMenu *menu = child<QPushButton>(*lesson, "assignmentButton")->menu();
        emit menu->aboutToShow();
        QAction *create = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text() == QStringLiteral("New assignment for this lesson"))
                create = action;
        }
        QVERIFY(create);
        create->trigger();

        QCOMPARE(window.currentSection(), MainWindow::Section::Assignments);
        AssignmentPage &page = *window.assignmentPage();
        const QString id = page.editor()->assignmentId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(page.listedIds(), QStringList{id});

        QTest::mouseClick(child<QPushButton>(*page.editor(), "publishNowButton"), Qt::LeftButton);
        QCOMPARE(m_fixture.workspace->assignments().assignment(id)->state, AssignmentState::Published);
        QCOMPARE(page.listedIds(), QStringList{id});
        QVERIFY2(page.list()->item(0)->text().contains(QStringLiteral("Published")),
                 qPrintable(page.list()->item(0)->text()));
    }

    void lessonPublishUpdatesList()
    {
        const QString lessonId = m_fixture.createLesson(m_fixture.today, 2);
        const QString id = m_fixture.createAssignment(QStringLiteral("课后练习"));
        QVERIFY(m_fixture.workspace->lessonMaterials().setAssignmentLesson(id, lessonId).has_value());
        MainWindow window(*m_fixture.workspace, QStringLiteral("1"), QStringLiteral("r"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        AssignmentPage &page = *window.assignmentPage();
        QCOMPARE(page.listedIds(), QStringList{id});
        QVERIFY(page.list()->item(0)->text().contains(QStringLiteral("Draft")));

        QVERIFY(m_fixture.workspace->lessonPublisher().publish(lessonId).has_value());
        QVERIFY2(page.list()->item(0)->text().contains(QStringLiteral("Published")),
                 qPrintable(page.list()->item(0)->text()));
    }

    void newAssignmentAfterSchoolChangeListed()
    {
        AssignmentPage page(*m_fixture.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        // The first sync brings the platform's school while the page is open.
        QVERIFY(m_fixture.workspace->database()
                    .execute(QStringLiteral("INSERT INTO school (id, name, time_zone, server_version, created_at, "
                                            "updated_at) VALUES ('platform-school', '示例中学', 'Asia/Shanghai', "
                                            "1, 0, 0)"))
                    .has_value());
        QVERIFY(m_fixture.workspace->refreshSchool().has_value());
        QCOMPARE(m_fixture.workspace->schoolId(), QStringLiteral("platform-school"));

        AssignmentEditor &editor = *page.editor();
        typeText(child<QLineEdit>(editor, "titleEdit"), QStringLiteral("周记"));
        QVERIFY(editor.saveNow());

        const QString id = editor.assignmentId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_fixture.workspace->assignments().assignment(id)->schoolId, QStringLiteral("platform-school"));
        QCOMPARE(page.listedIds(), QStringList{id});
    }

    void classFilterNarrowsList()
    {
        AssignmentPage page(*m_fixture.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        AssignmentEditor &editor = *page.editor();
        auto *classes = child<QListWidget>(editor, "classList");
        QVERIFY(classes->height() >= classes->fontMetrics().height() * 8);
        checkClass(editor, QStringLiteral("高一(3)班"));

        child<QLineEdit>(editor, "classFilterEdit")->setText(QStringLiteral("(4)"));
        const auto third = classes->findItems(QStringLiteral("高一(3)班"), Qt::MatchExactly);
        const auto fourth = classes->findItems(QStringLiteral("高一(4)班"), Qt::MatchExactly);
        QVERIFY(!fourth.first()->isHidden());
        // A checked class stays in view, so the choice remains visible.
        QVERIFY(!third.first()->isHidden());

        third.first()->setCheckState(Qt::Unchecked);
        child<QLineEdit>(editor, "classFilterEdit")->setText(QStringLiteral("(4)班"));
        QVERIFY(third.first()->isHidden());
        child<QLineEdit>(editor, "classFilterEdit")->clear();
        QVERIFY(!third.first()->isHidden());
    }

    void classListOffersTaughtClasses()
    {
        // 高一(3)班 has the fixture's course without a teacher; 高一(4)班 gets
        // the teacher's course, 高二(1)班 a colleague's, 高三(2)班 none.
        Workspace &workspace = *m_fixture.workspace;
        const QString schoolId = workspace.schoolId();
        const QString teacher = workspace.schools().createTeacher(schoolId, QStringLiteral("张老师"), QString()).value_or(QString());
        const QString colleague = workspace.schools().createTeacher(schoolId, QStringLiteral("刘老师"), QString()).value_or(QString());
        const QString colleagueClass = workspace.classes().createClass(schoolId, QStringLiteral("高二(1)班"), QStringLiteral("高二")).value_or(QString());
        const QString courselessClass = workspace.classes().createClass(schoolId, QStringLiteral("高三(2)班"), QStringLiteral("高三")).value_or(QString());
        QVERIFY(!teacher.isEmpty() && !colleague.isEmpty() && !colleagueClass.isEmpty() && !courselessClass.isEmpty());
        for (const auto &[classId, teacherId] : {std::pair(m_fixture.otherClassId, teacher), std::pair(colleagueClass, colleague)}) {
            Course course;
            course.schoolId = schoolId;
            course.classId = classId;
            course.teacherId = teacherId;
            course.name = QStringLiteral("数学");
            QVERIFY(workspace.courses().createCourse(course).has_value());
        }
        const auto shownNames = [](const AssignmentEditor &editor) {
            QStringList names;
            const auto *list = editor.findChild<QListWidget *>(QStringLiteral("classList"));
            for (int row = 0; row < list->count(); ++row) {
                if (!list->item(row)->isHidden())
                    names << list->item(row)->text();
            }
            return names;
        };
        const QStringList taught = {QStringLiteral("高一(3)班"), QStringLiteral("高一(4)班")};

        // Before any sign-in every class on this computer is the teacher's.
        {
            AssignmentPage page(workspace);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QCOMPARE(shownNames(*page.editor()).size(), 4);
            QVERIFY(!child<QCheckBox>(*page.editor(), "otherClassesBox")->isVisible());
        }

        // Signed in: the teacher's classes only, and the others on request, after them.
        QVERIFY(storeSignedInTeacher(teacher));
        {
            AssignmentPage page(workspace);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            AssignmentEditor &editor = *page.editor();
            QCOMPARE(shownNames(editor), taught);
            auto *others = child<QCheckBox>(editor, "otherClassesBox");
            QVERIFY(others->isVisible());
            QVERIFY(!others->isChecked());
            others->setChecked(true);
            const QStringList all = shownNames(editor);
            QCOMPARE(all.size(), 4);
            QCOMPARE(all.mid(0, 2), taught);
            others->setChecked(false);

            // A class the assignment already targets stays in view.
            QVERIFY(editor.startNew(m_fixture.courseId, {colleagueClass}));
            QCOMPARE(shownNames(editor), taught + QStringList{QStringLiteral("高二(1)班")});
        }

        // A teacher with no course yet is offered every class rather than none.
        QVERIFY(workspace.courses().removeCourse(m_fixture.courseId).has_value());
        QVERIFY(storeSignedInTeacher(workspace.schools().createTeacher(schoolId, QStringLiteral("新老师"), QString()).value_or(QString())));
        {
            AssignmentPage page(workspace);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QCOMPARE(shownNames(*page.editor()).size(), 4);
        }
    }

    void zoneHintNamesBeijingTime()
    {
        AssignmentPage page(*m_fixture.workspace);
        const QString hint = child<QLabel>(*page.editor(), "zoneLabel")->text();
        QVERIFY2(hint.contains(QStringLiteral("Beijing time")), qPrintable(hint));
        QVERIFY2(!hint.contains(QStringLiteral("Asia/Shanghai")), qPrintable(hint));
    }

    void scheduleUsesSchoolTime()
    {
        setSystemTimeZone("Europe/London");
        const QString id = m_fixture.createAssignment(QStringLiteral("周一听写"));
        AssignmentPage page(*m_fixture.workspace);
        page.showAssignment(id);
        const QDate date = m_fixture.today.addDays(2);
        child<QDateEdit>(*page.editor(), "publishDateEdit")->setDate(date);
        child<QTimeEdit>(*page.editor(), "publishTimeEdit")->setTime(QTime(7, 45));

        QTest::mouseClick(child<QPushButton>(*page.editor(), "scheduleButton"), Qt::LeftButton);

        const auto stored = m_fixture.workspace->assignments().assignment(id);
        QCOMPARE(stored->state, AssignmentState::Scheduled);
        QCOMPARE(stored->publishAt,
                 std::optional(CivilTime::instantOf(date, QTime(7, 45), QTimeZone("Asia/Shanghai"))));
        page.setFilter(AssignmentState::Scheduled);
        QCOMPARE(page.listedIds(), QStringList{id});
    }

    void submissionsShownWhenPresent()
    {
        const QString id = m_fixture.createAssignment(QStringLiteral("课后练习"), AssignmentState::Published);
        AssignmentPage page(*m_fixture.workspace);
        page.showAssignment(id);
        QCOMPARE(page.submissionsView()->countsText(), QStringLiteral("No submissions yet."));

        const QString insert = QStringLiteral(
            "INSERT INTO submission (id, assignment_id, student_id, state, score, submitted_at, created_at, "
            "updated_at) VALUES ('%1', '%2', '%3', '%4', %5, 1, 1, 1)");
        QVERIFY(m_fixture.workspace->database()
                    .execute(insert.arg(QStringLiteral("s1"), id, m_fixture.studentIds.at(0),
                                        QStringLiteral("graded"), QStringLiteral("95")))
                    .has_value());
        QVERIFY(m_fixture.workspace->database()
                    .execute(insert.arg(QStringLiteral("s2"), id, m_fixture.studentIds.at(1),
                                        QStringLiteral("late"), QStringLiteral("NULL")))
                    .has_value());

        // Sync announces the rows it wrote; the list and the open assignment follow.
        emit m_fixture.workspace->submissions().changed(QStringLiteral("submission"), {QStringLiteral("s1"), QStringLiteral("s2")});
        QCOMPARE(page.submissionsView()->countsText(), QStringLiteral("Submitted 1 · Late 1 · Missing 1"));
        auto *list = page.findChild<QListWidget *>(QStringLiteral("assignmentList"));
        QVERIFY(list->currentItem());
        QVERIFY2(list->currentItem()->text().contains(QStringLiteral("Submitted 1 · Late 1 · Missing 1")),
                 qPrintable(list->currentItem()->text()));
        QCOMPARE(page.submissionsView()->table()->rowCount(), 3);
        QCOMPARE(page.submissionsView()->table()->item(0, 3)->text(), QStringLiteral("95"));
        QCOMPARE(page.submissionsView()->table()->item(2, 2)->text(), QStringLiteral("Missing"));
    }

    void controlsHaveAccessibleNames()
    {
        AssignmentPage page(*m_fixture.workspace);
        for (const char *name : {"titleEdit", "instructionsEdit", "attachmentList", "classList", "dueDateEdit",
                                 "dueTimeEdit", "publishDateEdit", "publishTimeEdit"}) {
            auto *widget = child<QWidget>(page, name);
            QVERIFY2(widget, name);
            QVERIFY2(!widget->accessibleName().isEmpty(), name);
        }
        QVERIFY(!page.list()->accessibleName().isEmpty());
    }

    void chineseAssignmentsFit1366x768()
    {
        QVERIFY(installLanguage(*qApp, Language::SimplifiedChinese));
        const QString id = m_fixture.createAssignment(QStringLiteral("背诵《静夜思》"));
        QVERIFY(!m_fixture.createAssignment(QStringLiteral("课后练习"), AssignmentState::Published).isEmpty());

        MainWindow window(*m_fixture.workspace, QStringLiteral("1"), QStringLiteral("r"));
        window.showSection(MainWindow::Section::Assignments);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.assignmentPage()->showAssignment(id);
        QVERIFY(window.minimumSizeHint().width() <= 1366);
        QVERIFY(window.minimumSizeHint().height() <= 768);
        QCOMPARE(child<QPushButton>(*window.assignmentPage(), "publishNowButton")->text(),
                 QStringLiteral("立即发布(&N)"));

        const QString path =
            QDir(QStringLiteral(CLASSDESK_ARTIFACT_DIR)).filePath(QStringLiteral("assignments-zh_CN-1366x768.png"));
        QVERIFY(window.grab().save(path));
        removeTranslators();
    }

    void attachmentsComeFromLibrary()
    {
        AssignmentPage page(*m_fixture.workspace);
        typeText(child<QLineEdit>(*page.editor(), "titleEdit"), QStringLiteral("看视频"));
        page.editor()->setAttachments({m_fixture.coursewareIds.at(1)});

        const auto stored = m_fixture.workspace->assignments().assignment(page.editor()->assignmentId());
        QVERIFY(stored.has_value());
        QCOMPARE(stored->attachmentIds, QStringList{m_fixture.coursewareIds.at(1)});
        QCOMPARE(child<QListWidget>(*page.editor(), "attachmentList")->item(0)->text(), QStringLiteral("朗读音频"));
    }

    void attachmentsComeFromDisk()
    {
        QTemporaryDir disk;
        QFile worksheet(disk.filePath(QStringLiteral("练习卷.pdf")));
        QVERIFY(worksheet.open(QIODevice::WriteOnly));
        worksheet.write("%PDF-1.4\n% made up for the test\n");
        worksheet.close();

        AssignmentPage page(*m_fixture.workspace);
        typeText(child<QLineEdit>(*page.editor(), "titleEdit"), QStringLiteral("做练习卷"));
        page.editor()->setAttachments({m_fixture.coursewareIds.at(0)});
        QSignalSpy attached(page.editor(), &AssignmentEditor::filesAttached);
        page.editor()->attachFiles({worksheet.fileName(), disk.filePath(QStringLiteral("不存在.pdf"))});
        QVERIFY(attached.wait(20000));
        QCOMPARE(attached.first().at(0).toInt(), 1);
        QCOMPARE(attached.first().at(1).toInt(), 1);

        // The file joined the library and the assignment, after the library attachment.
        const auto stored = m_fixture.workspace->assignments().assignment(page.editor()->assignmentId());
        QVERIFY(stored.has_value());
        QCOMPARE(stored->attachmentIds.size(), 2);
        QCOMPARE(stored->attachmentIds.at(0), m_fixture.coursewareIds.at(0));
        const auto imported = m_fixture.workspace->courseware().courseware(stored->attachmentIds.at(1));
        QVERIFY(imported.has_value());
        QCOMPARE(imported->title, QStringLiteral("练习卷"));
        QCOMPARE(child<QListWidget>(*page.editor(), "attachmentList")->item(1)->text(), QStringLiteral("练习卷"));
    }
};

QTEST_MAIN(AssignmentPageTest)
#include "tst_assignmentpage.moc"
