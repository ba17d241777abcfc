// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancestore.h"
#include "languagesetup.h"
#include "lessonfixture.h"
#include "lessonmaterialstore.h"
#include "mainwindow.h"
#include "outboxstore.h"
#include "todaylessonwidget.h"
#include "todaypage.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTranslator>

#include <sqlite3.h>

using namespace ClassDesk;

class TodayPageTest : public QObject
{
    Q_OBJECT

private:
    LessonFixture m_fixture;
    QString m_lessonId;
    QString m_assignmentId;

    // Every row a lesson publish may touch, to prove that nothing changed.
    QString snapshot()
    {
        QString dump;
        for (const char *sql :
             {"SELECT group_concat(id || upload_state, ',') FROM courseware",
              "SELECT group_concat(id || state || coalesce(publish_at, '-'), ',') FROM assignment",
              "SELECT count(*) || coalesce(group_concat(id, ','), '') FROM attendance_session",
              "SELECT group_concat(seq || entity || state || payload, ',') FROM outbox"}) {
            dump += m_fixture.text(sql) + QLatin1Char('|');
        }
        return dump;
    }

    TodayLessonWidget *lessonWidget(TodayPage &page, const QString &lessonId)
    {
        for (TodayLessonWidget *widget : page.lessonWidgets()) {
            if (widget->lessonId() == lessonId)
                return widget;
        }
        return nullptr;
    }

    static void removeTranslators()
    {
        const auto translators = qApp->findChildren<QTranslator *>();
        for (QTranslator *translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_fixture.setUp());
        m_lessonId = m_fixture.createLesson(m_fixture.today, 2);
        QVERIFY(!m_lessonId.isEmpty());
        LessonMaterialStore &materials = m_fixture.workspace->lessonMaterials();
        QVERIFY(materials.attachCourseware(m_lessonId, m_fixture.coursewareIds.at(0)).has_value());
        QVERIFY(materials.attachCourseware(m_lessonId, m_fixture.coursewareIds.at(1)).has_value());
        m_assignmentId = m_fixture.createAssignment(QStringLiteral("背诵《静夜思》"));
        QVERIFY(materials.setAssignmentLesson(m_assignmentId, m_lessonId).has_value());
    }

    void cleanup()
    {
        removeTranslators();
        m_fixture.tearDown();
    }

    void listsSchoolDateLessonsByPeriod()
    {
        const QString third = m_fixture.createLesson(m_fixture.today, 3);
        const QString first = m_fixture.createLesson(m_fixture.today, 1);
        QVERIFY(!m_fixture.createLesson(m_fixture.today.addDays(-1), 1).isEmpty());
        QVERIFY(!m_fixture.createLesson(m_fixture.today.addDays(1), 1).isEmpty());

        TodayPage page(*m_fixture.workspace);
        QCOMPARE(page.schoolDate(), m_fixture.today);
        QStringList ids;
        QList<int> periods;
        for (const TodayLessonWidget *widget : page.lessonWidgets()) {
            ids.append(widget->lessonId());
            periods.append(widget->lesson().period);
        }
        QCOMPARE(ids, (QStringList{first, m_lessonId, third}));
        QCOMPARE(periods, (QList<int>{1, 2, 3}));
        QVERIFY(page.lessonWidgets().at(1)->titleText().contains(QStringLiteral("语文")));
        QVERIFY(page.lessonWidgets().at(1)->titleText().contains(QStringLiteral("高一(3)班")));
    }

    void nextDayShowsItsLessons()
    {
        const QString tomorrow = m_fixture.createLesson(m_fixture.today.addDays(1), 1);
        QVERIFY(!tomorrow.isEmpty());

        TodayPage page(*m_fixture.workspace);
        auto *todayButton = page.findChild<QPushButton *>(QStringLiteral("todayButton"));
        QVERIFY(!todayButton->isEnabled());

        page.findChild<QPushButton *>(QStringLiteral("nextDayButton"))->click();
        QCOMPARE(page.schoolDate(), m_fixture.today.addDays(1));
        QCOMPARE(page.lessonWidgets().size(), 1);
        QCOMPARE(page.lessonWidgets().first()->lessonId(), tomorrow);
        QVERIFY(todayButton->isEnabled());

        page.findChild<QPushButton *>(QStringLiteral("previousDayButton"))->click();
        page.findChild<QPushButton *>(QStringLiteral("previousDayButton"))->click();
        QCOMPARE(page.schoolDate(), m_fixture.today.addDays(-1));
        QVERIFY(page.lessonWidgets().isEmpty());

        todayButton->click();
        QCOMPARE(page.schoolDate(), m_fixture.today);
        QCOMPARE(page.lessonWidgets().first()->lessonId(), m_lessonId);
    }

    void showsSignedInTeachersTimetable()
    {
        // Two colleagues' courses for the same class, each with a lesson today.
        const QString schoolId = m_fixture.workspace->schoolId();
        QStringList teacherLessons;
        QStringList teacherIds;
        for (const QString &name : {QStringLiteral("张老师"), QStringLiteral("刘老师")}) {
            const auto teacher = m_fixture.workspace->schools().createTeacher(schoolId, name, QString());
            QVERIFY(teacher.has_value());
            Course course;
            course.schoolId = schoolId;
            course.classId = m_fixture.otherClassId;
            course.teacherId = *teacher;
            course.name = name;
            const auto courseId = m_fixture.workspace->courses().createCourse(course);
            QVERIFY(courseId.has_value());
            const auto lessonId = m_fixture.workspace->courses().createLesson(*courseId, m_fixture.today, 4);
            QVERIFY(lessonId.has_value());
            teacherIds.append(*teacher);
            teacherLessons.append(*lessonId);
        }
        const auto shownIds = [](const TodayPage &page) {
            QStringList ids;
            for (const TodayLessonWidget *widget : page.lessonWidgets())
                ids.append(widget->lessonId());
            ids.sort();
            return ids;
        };

        // Before any sign-in, every local lesson shows.
        {
            TodayPage page(*m_fixture.workspace);
            QStringList expected{m_lessonId, teacherLessons.at(0), teacherLessons.at(1)};
            expected.sort();
            QCOMPARE(shownIds(page), expected);
        }

        // Signed in as the first colleague, whose /me teacher id sync keeps:
        // their lesson and the lesson of the course without a teacher.
        auto stored = m_fixture.workspace->database().prepare(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        QVERIFY(stored.has_value());
        stored->bind(1, QString::fromLatin1(SignedInTeacherKey)).bind(2, teacherIds.at(0));
        QVERIFY(stored->run().has_value());
        TodayPage page(*m_fixture.workspace);
        QStringList expected{m_lessonId, teacherLessons.at(0)};
        expected.sort();
        QCOMPARE(shownIds(page), expected);
    }

    void lessonShowsPreparedItems()
    {
        TodayPage page(*m_fixture.workspace);
        TodayLessonWidget *widget = lessonWidget(page, m_lessonId);
        QVERIFY(widget);
        QVERIFY(widget->coursewareText().contains(QStringLiteral("静夜思 课件")));
        QVERIFY(widget->coursewareText().contains(QStringLiteral("朗读音频")));
        QVERIFY(widget->assignmentText().contains(QStringLiteral("背诵《静夜思》")));
        QCOMPARE(widget->attendanceText(), QStringLiteral("Attendance: not opened yet"));
    }

    void attachFromTodayWritesLinks()
    {
        TodayPage page(*m_fixture.workspace);
        TodayLessonWidget *widget = lessonWidget(page, m_lessonId);
        QVERIFY(widget);

        widget->setCourseware({m_fixture.coursewareIds.at(2), m_fixture.coursewareIds.at(0)});
        const auto linked = m_fixture.workspace->lessonMaterials().courseware(m_lessonId);
        QVERIFY(linked.has_value());
        QCOMPARE(linked->size(), 2);
        QCOMPARE(linked->at(0).id, m_fixture.coursewareIds.at(0));
        QCOMPARE(linked->at(1).id, m_fixture.coursewareIds.at(2));

        const QString draft = m_fixture.createAssignment(QStringLiteral("另一份作业"));
        widget->linkAssignment(draft);
        QCOMPARE(m_fixture.text("SELECT lesson_id FROM assignment WHERE id = ?", draft), m_lessonId);
        QCOMPARE(m_fixture.text("SELECT json_extract(payload, '$.lesson_id') FROM outbox WHERE entity_id = ?", draft),
                 m_lessonId);
        QTRY_VERIFY(widget->assignmentText().contains(QStringLiteral("另一份作业")));
    }

    void publishChangesAllAtOnce()
    {
        TodayPage page(*m_fixture.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        TodayLessonWidget *widget = lessonWidget(page, m_lessonId);
        QVERIFY(widget);

        // The keyboard path: focus the button and press Space.
        widget->publishButton()->setFocus();
        QTest::keyClick(widget->publishButton(), Qt::Key_Space);

        QCOMPARE(m_fixture.text("SELECT upload_state FROM courseware WHERE id = ?", m_fixture.coursewareIds.at(0)),
                 QStringLiteral("queued"));
        QCOMPARE(m_fixture.text("SELECT upload_state FROM courseware WHERE id = ?", m_fixture.coursewareIds.at(1)),
                 QStringLiteral("queued"));
        QCOMPARE(m_fixture.text("SELECT upload_state FROM courseware WHERE id = ?", m_fixture.coursewareIds.at(2)),
                 QStringLiteral("local"));
        QCOMPARE(m_fixture.text("SELECT state FROM assignment WHERE id = ?", m_assignmentId), QStringLiteral("published"));
        QCOMPARE(m_fixture.text("SELECT count(*) FROM attendance_session WHERE lesson_id = ?", m_lessonId),
                 QStringLiteral("1"));
        QCOMPARE(m_fixture.text("SELECT count(*) FROM outbox WHERE entity = 'attendance_session'"), QStringLiteral("1"));
        QVERIFY(page.undoBar()->isVisible());
        QTRY_VERIFY(widget->attendanceText().contains(QStringLiteral("0 of 3")));
        QTRY_VERIFY(widget->assignmentText().contains(QStringLiteral("published")));
    }

    void failedPublishChangesNothing_data()
    {
        QTest::addColumn<int>("stepsBeforeFailure");
        // Statement counts follow LessonPublisher::publish() for this fixture.
        QTest::newRow("begin") << 0;
        QTest::newRow("assignment update") << 4;
        QTest::newRow("assignment outbox row") << 7;
        QTest::newRow("courseware queued") << 13;
        QTest::newRow("session insert") << 17;
        QTest::newRow("session outbox row") << 19;
        QTest::newRow("commit") << 21;
    }

    void failedPublishChangesNothing()
    {
        QFETCH(int, stepsBeforeFailure);
        TodayPage page(*m_fixture.workspace);
        page.show();
        const QString before = snapshot();

        m_fixture.workspace->database().failNextStatement(SQLITE_IOERR, stepsBeforeFailure);
        QTest::mouseClick(lessonWidget(page, m_lessonId)->publishButton(), Qt::LeftButton);
        m_fixture.workspace->database().failNextStatement(0);

        QCOMPARE(snapshot(), before);
        QVERIFY(!page.statusText().isEmpty());
        QVERIFY(page.undoBar()->isHidden());
    }

    void undoRevertsPublish()
    {
        const int pendingBefore = m_fixture.workspace->outbox().count(QStringLiteral("pending")).value_or(-1);
        const QString before = snapshot().section(QLatin1Char('|'), 0, 2);
        TodayPage page(*m_fixture.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::mouseClick(lessonWidget(page, m_lessonId)->publishButton(), Qt::LeftButton);
        QVERIFY(page.undoBar()->isVisible());

        QTest::mouseClick(page.undoBar()->findChild<QPushButton *>(QStringLiteral("undoButton")), Qt::LeftButton);

        // Rows as before, apart from the assignment's updated_at; the outbox
        // holds the same entries, with the draft folded into the pending create.
        QCOMPARE(snapshot().section(QLatin1Char('|'), 0, 2), before);
        QCOMPARE(m_fixture.workspace->outbox().count(QStringLiteral("pending")).value_or(-1), pendingBefore);
        QCOMPARE(m_fixture.text("SELECT json_extract(payload, '$.state') FROM outbox WHERE entity_id = ?",
                                m_assignmentId),
                 QStringLiteral("draft"));
        QVERIFY(page.undoBar()->isHidden());
        QVERIFY(page.statusText().contains(QStringLiteral("undone")));
    }

    void undoOfferExpires()
    {
        TodayPage page(*m_fixture.workspace);
        page.setUndoMilliseconds(50);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::mouseClick(lessonWidget(page, m_lessonId)->publishButton(), Qt::LeftButton);
        QVERIFY(page.undoBar()->isVisible());

        QTRY_VERIFY(page.undoBar()->isHidden());
        QVERIFY(!page.lastPublication().has_value());
        page.undoLastPublish();
        QCOMPARE(m_fixture.text("SELECT state FROM assignment WHERE id = ?", m_assignmentId), QStringLiteral("published"));
    }

    void undoAfterSendIsRejected()
    {
        TodayPage page(*m_fixture.workspace);
        page.show();
        QTest::mouseClick(lessonWidget(page, m_lessonId)->publishButton(), Qt::LeftButton);
        QVERIFY(page.lastPublication().has_value());
        const qint64 seq = page.lastPublication()->assignments.first().outboxSeq;
        QVERIFY(m_fixture.workspace->outbox().markSent({seq}).has_value());

        page.undoLastPublish();

        QCOMPARE(m_fixture.text("SELECT state FROM assignment WHERE id = ?", m_assignmentId), QStringLiteral("published"));
        QVERIFY(page.statusText().contains(QStringLiteral("already been sent")));
    }

    void offlinePublishSaysWhenItGoes()
    {
        TodayPage page(*m_fixture.workspace);
        page.setNetworkAvailable(false);
        page.publishLesson(m_lessonId);
        QVERIFY(page.statusText().contains(QStringLiteral("when the network returns")));
    }

    void offlineNoteGoesWhenNetworkReturns()
    {
        TodayPage page(*m_fixture.workspace);
        page.setNetworkAvailable(false);
        page.publishLesson(m_lessonId);
        QVERIFY(page.statusText().contains(QStringLiteral("when the network returns")));

        page.setNetworkAvailable(true);
        QVERIFY2(!page.statusText().contains(QStringLiteral("offline")), qPrintable(page.statusText()));
    }

    void offlineNoteStaysWithItsDay()
    {
        TodayPage page(*m_fixture.workspace);
        page.setNetworkAvailable(false);
        page.publishLesson(m_lessonId);
        QVERIFY(page.statusText().contains(QStringLiteral("when the network returns")));

        page.findChild<QPushButton *>(QStringLiteral("nextDayButton"))->click();
        QVERIFY2(page.statusText().isEmpty(), qPrintable(page.statusText()));
    }

    void screenshotInChineseAt1366x768()
    {
        QVERIFY(installLanguage(*qApp, Language::SimplifiedChinese));
        QVERIFY(!m_fixture.createLesson(m_fixture.today, 1).isEmpty());
        QVERIFY(!m_fixture.createLesson(m_fixture.today, 4).isEmpty());

        MainWindow window(*m_fixture.workspace, QStringLiteral("1"), QStringLiteral("r"));
        window.showSection(MainWindow::Section::Today);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), QSize(1366, 768));
        QVERIFY(window.minimumSizeHint().width() <= 1366);
        QVERIFY(window.minimumSizeHint().height() <= 768);

        TodayLessonWidget *widget = lessonWidget(*window.todayPage(), m_lessonId);
        QVERIFY(widget);
        QCOMPARE(widget->publishButton()->text(), QStringLiteral("一键发布"));
        QVERIFY(widget->titleText().startsWith(QStringLiteral("第")));

        QTest::mouseClick(widget->publishButton(), Qt::LeftButton);
        QTRY_VERIFY(widget->assignmentText().contains(QStringLiteral("已发布")));

        const QString path = QDir(QStringLiteral(CLASSDESK_ARTIFACT_DIR)).filePath(QStringLiteral("today-zh_CN-1366x768.png"));
        QVERIFY(window.grab().save(path));
        qInfo("Screenshot saved to %s", qPrintable(QDir::toNativeSeparators(path)));
    }
};

QTEST_MAIN(TodayPageTest)
#include "tst_todaypage.moc"
