// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancemodel.h"
#include "attendancepage.h"
#include "attendancestore.h"
#include "classstore.h"
#include "database.h"
#include "datalocation.h"
#include "outboxstore.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QInputDialog>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace ClassDesk;

class AttendancePageTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dataDirectory = nullptr;
    std::unique_ptr<Workspace> m_workspace;
    QString m_classId;
    QStringList m_studentIds;

    // Made-up students, in the order the page lists them.
    const QStringList m_names = {QStringLiteral("王小明"), QStringLiteral("李华"), QStringLiteral("张𠮷"),
                                 QStringLiteral("赵雨"), QStringLiteral("陈晨")};

    void clickTile(AttendancePage &page, int row)
    {
        QListView *grid = page.grid();
        const QRect rect = grid->visualRect(page.model()->index(row));
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, rect.center());
    }

    // Reads the marks through a second connection, as a restarted app would.
    QHash<QString, AttendanceStatus> durableMarks(const QString &sessionId)
    {
        auto database = Database::open(databaseFilePath(m_dataDirectory->path()));
        if (!database)
            return {};
        AttendanceStore store(**database, QStringLiteral("verifier"));
        QHash<QString, AttendanceStatus> marks;
        if (auto found = store.marks(sessionId)) {
            for (const AttendanceMark &mark : *found)
                marks.insert(mark.studentId, mark.status);
        }
        return marks;
    }

    QString countsText(AttendancePage &page)
    {
        return page.findChild<QLabel *>(QStringLiteral("countsLabel"))->text();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dataDirectory = new QTemporaryDir;
        QVERIFY(m_dataDirectory->isValid());
        auto workspace = Workspace::open(m_dataDirectory->path());
        QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().toLogString()));
        m_workspace = std::move(*workspace);

        auto classId = m_workspace->classes().createClass(m_workspace->schoolId(), QStringLiteral("高一(3)班"),
                                                          QStringLiteral("高一"));
        QVERIFY(classId.has_value());
        m_classId = *classId;

        m_studentIds.clear();
        for (int i = 0; i < m_names.size(); ++i) {
            Student student;
            student.schoolId = m_workspace->schoolId();
            student.classId = m_classId;
            student.studentNumber = QStringLiteral("20250301%1").arg(i + 1, 2, 10, QLatin1Char('0'));
            student.name = m_names.at(i);
            auto id = m_workspace->classes().createStudent(student);
            QVERIFY2(id.has_value(), qPrintable(id ? QString() : id.error().toLogString()));
            m_studentIds << *id;
        }
    }

    void cleanup()
    {
        m_workspace.reset();
        delete m_dataDirectory;
        m_dataDirectory = nullptr;
    }

    void pageListsStudentsOfClass()
    {
        AttendancePage page(*m_workspace);
        QCOMPARE(page.model()->rowCount(), m_names.size());
        QStringList shown;
        for (int row = 0; row < page.model()->rowCount(); ++row)
            shown << page.model()->index(row).data().toString();
        QCOMPARE(QSet<QString>(shown.begin(), shown.end()), QSet<QString>(m_names.begin(), m_names.end()));
        QVERIFY(countsText(page).contains(QStringLiteral("Not marked 5")));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("emptyLabel"))->isHidden());
    }

    // A student added to the shown class (by a sync or an import) is read off
    // the UI thread and inserted, without a reset that loses the selection.
    void addedStudentIsInsertedWithoutReset()
    {
        AttendancePage page(*m_workspace);
        page.grid()->setCurrentIndex(page.model()->index(1));
        QSignalSpy resets(page.model(), &QAbstractItemModel::modelReset);
        QSignalSpy inserts(page.model(), &QAbstractItemModel::rowsInserted);
        QSignalSpy refreshed(page.model(), &AttendanceModel::studentsRefreshed);

        Student student;
        student.schoolId = m_workspace->schoolId();
        student.classId = m_classId;
        student.studentNumber = QStringLiteral("2025030199");
        student.name = QStringLiteral("孙悦");
        QVERIFY(m_workspace->classes().createStudent(student).has_value());

        QVERIFY(refreshed.wait(10000));
        QCOMPARE(page.model()->rowCount(), m_names.size() + 1);
        QCOMPARE(page.model()->index(m_names.size()).data().toString(), QStringLiteral("孙悦"));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserts.size(), 1);
        QCOMPARE(page.grid()->currentIndex().row(), 1);
        QVERIFY(countsText(page).contains(QStringLiteral("Not marked 6")));
    }

    void browsingCreatesNoSession()
    {
        const auto before = m_workspace->outbox().count(QStringLiteral("pending"));
        QVERIFY(before.has_value());

        AttendancePage page(*m_workspace);
        page.show();
        auto *dateEdit = page.findChild<QDateEdit *>(QStringLiteral("dateEdit"));
        dateEdit->setDate(dateEdit->date().addDays(-1));
        dateEdit->setDate(dateEdit->date().addDays(-1));

        QVERIFY(page.model()->sessionId().isEmpty());
        const auto after = m_workspace->outbox().count(QStringLiteral("pending"));
        QVERIFY(after.has_value());
        QCOMPARE(*after, *before);
    }

    void clickCyclesAndIsDurable()
    {
        AttendancePage page(*m_workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        clickTile(page, 0);
        QCOMPARE(page.model()->status(0), std::optional(AttendanceStatus::Present));
        const QString studentId = page.model()->index(0).data(AttendanceModel::StudentIdRole).toString();
        QCOMPARE(durableMarks(page.model()->sessionId()).value(studentId), AttendanceStatus::Present);

        clickTile(page, 0);
        QCOMPARE(page.model()->status(0), std::optional(AttendanceStatus::Late));
        QCOMPARE(durableMarks(page.model()->sessionId()).value(studentId), AttendanceStatus::Late);
        QVERIFY(countsText(page).contains(QStringLiteral("Late 1")));
        QVERIFY(countsText(page).contains(QStringLiteral("Not marked 4")));
    }

    void quickSecondClickIsOneMoreStep()
    {
        AttendancePage page(*m_workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QListView *grid = page.grid();
        const int row = 3;
        const QPoint centre = grid->visualRect(page.model()->index(row)).center();
        QVERIFY(!page.model()->status(row).has_value());

        // Two clicks 250 ms apart: the window system reports the second as a double-click.
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(grid->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(page.model()->status(row), std::optional(AttendanceStatus::Late));
    }

    void numberKeysSetStatus_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("expected");
        QTest::newRow("1 present") << int(Qt::Key_1) << int(AttendanceStatus::Present);
        QTest::newRow("2 late") << int(Qt::Key_2) << int(AttendanceStatus::Late);
        QTest::newRow("3 absent") << int(Qt::Key_3) << int(AttendanceStatus::Absent);
        QTest::newRow("4 leave") << int(Qt::Key_4) << int(AttendanceStatus::Leave);
        QTest::newRow("5 early leave") << int(Qt::Key_5) << int(AttendanceStatus::EarlyLeave);
    }

    void numberKeysSetStatus()
    {
        QFETCH(int, key);
        QFETCH(int, expected);

        AttendancePage page(*m_workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.grid()->setFocus();
        page.grid()->setCurrentIndex(page.model()->index(2));

        QTest::keyClick(page.grid(), Qt::Key(key));
        QCOMPARE(page.model()->status(2), std::optional(AttendanceStatus(expected)));
    }

    void allPresentMarksOnlyUnmarked()
    {
        AttendancePage page(*m_workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.grid()->setFocus();
        page.grid()->setCurrentIndex(page.model()->index(1));
        QTest::keyClick(page.grid(), Qt::Key_3);

        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("allPresentButton")), Qt::LeftButton);

        QCOMPARE(page.model()->status(1), std::optional(AttendanceStatus::Absent));
        for (int row : {0, 2, 3, 4})
            QCOMPARE(page.model()->status(row), std::optional(AttendanceStatus::Present));
        QCOMPARE(page.model()->unmarkedCount(), 0);
        QCOMPARE(durableMarks(page.model()->sessionId()).size(), m_names.size());
        QVERIFY(countsText(page).contains(QStringLiteral("Present 4")));
        QVERIFY(countsText(page).contains(QStringLiteral("Absent 1")));
    }

    void noteKeepsStatus()
    {
        AttendancePage page(*m_workspace);
        QVERIFY(page.model()->setStatus(3, AttendanceStatus::Leave));
        QVERIFY(page.model()->setNote(3, QStringLiteral("  病假  ")));

        QCOMPARE(page.model()->status(3), std::optional(AttendanceStatus::Leave));
        QCOMPARE(page.model()->note(3), QStringLiteral("病假"));
        QVERIFY(page.model()->index(3).data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("病假")));
    }

    void randomPickWithoutAnimation()
    {
        AttendancePage page(*m_workspace);
        page.setAnimateRandomPick(false);
        QSignalSpy finished(&page, &AttendancePage::randomPickFinished);

        page.pickRandomStudent();
        QCOMPARE(finished.size(), 1);
        const int row = finished.first().first().toInt();
        QVERIFY(row >= 0 && row < m_names.size());
        QCOMPARE(page.grid()->currentIndex().row(), row);
        const QString picked = page.findChild<QLabel *>(QStringLiteral("pickedLabel"))->text();
        QVERIFY(picked.contains(page.model()->index(row).data().toString()));
    }

    void randomPickWithAnimation()
    {
        AttendancePage page(*m_workspace);
        page.setAnimateRandomPick(true);
        QSignalSpy finished(&page, &AttendancePage::randomPickFinished);

        page.pickRandomStudent();
        QCOMPARE(finished.size(), 0); // still flashing through the tiles
        QVERIFY(finished.wait(5000));
        QCOMPARE(page.grid()->currentIndex().row(), finished.first().first().toInt());
    }

    void storeFailureShowsMessage()
    {
        AttendancePage page(*m_workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.model()->setStatus(0, AttendanceStatus::Present)); // session exists now

        m_workspace->database().failNextStatement(SQLITE_FULL);
        clickTile(page, 1);

        QCOMPARE(page.model()->status(1), std::nullopt);
        auto *message = page.findChild<QLabel *>(QStringLiteral("messageLabel"));
        QVERIFY(message->isVisible());
        QVERIFY(!message->text().isEmpty());
    }

    void emptyWorkspaceExplainsWhatToDo()
    {
        QTemporaryDir emptyDirectory;
        auto workspace = Workspace::open(emptyDirectory.path());
        QVERIFY(workspace.has_value());

        AttendancePage page(**workspace);
        page.show();
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("emptyLabel"))->isVisible());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("allPresentButton"))->isEnabled());
        QCOMPARE(page.model()->rowCount(), 0);
    }

    // The whole flow with the keyboard alone: Tab to the tiles, move with
    // the arrows, set marks with number keys, Space and the menu key, add a
    // note, then mark the rest present with the "All present" button.
    void keyboardOnlyAttendanceFlow()
    {
        AttendancePage page(*m_workspace);
        page.setAnimateRandomPick(false);
        page.resize(1180, 680);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.findChild<QComboBox *>(QStringLiteral("classBox"))->setFocus();

        for (int presses = 0; presses < 12 && page.focusWidget() != page.grid(); ++presses)
            QTest::keyClick(page.focusWidget(), Qt::Key_Tab);
        QCOMPARE(page.focusWidget(), page.grid());
        QCOMPARE(page.grid()->currentIndex().row(), 0);

        QTest::keyClick(page.grid(), Qt::Key_3);
        QCOMPARE(page.model()->status(0), std::optional(AttendanceStatus::Absent));

        QTest::keyClick(page.grid(), Qt::Key_Right);
        QCOMPARE(page.grid()->currentIndex().row(), 1);
        QTest::keyClick(page.grid(), Qt::Key_Space);
        QCOMPARE(page.model()->status(1), std::optional(AttendanceStatus::Present));

        // The menu key opens the tile's menu; Down twice and Return choose its second entry, Late.
        QTest::keyClick(page.grid(), Qt::Key_Right);
        bool menuShown = false;
        QTimer::singleShot(0, this, [&menuShown] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            menuShown = menu != nullptr;
            if (!menu)
                return;
            QTest::keyClick(menu, Qt::Key_Down);
            QTest::keyClick(menu, Qt::Key_Down);
            QTest::keyClick(menu, Qt::Key_Return);
        });
        QTest::keyClick(page.grid(), Qt::Key_Menu);
        QVERIFY(menuShown);
        QCOMPARE(page.model()->status(2), std::optional(AttendanceStatus::Late));

        // N asks for a note; typing and Return saves it.
        bool noteAsked = false;
        QTimer::singleShot(0, this, [&noteAsked] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            noteAsked = dialog != nullptr;
            if (!dialog)
                return;
            auto *edit = dialog->findChild<QLineEdit *>();
            QTest::keyClicks(edit, QStringLiteral("bus late"));
            QTest::keyClick(edit, Qt::Key_Return);
        });
        QTest::keyClick(page.grid(), Qt::Key_N);
        QVERIFY(noteAsked);
        QCOMPARE(page.model()->note(2), QStringLiteral("bus late"));
        QCOMPARE(page.model()->status(2), std::optional(AttendanceStatus::Late));

        // Shift+Tab back to "All present" and Space presses it.
        auto *allPresent = page.findChild<QPushButton *>(QStringLiteral("allPresentButton"));
        for (int presses = 0; presses < 12 && page.focusWidget() != allPresent; ++presses)
            QTest::keyClick(page.focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(page.focusWidget(), allPresent);
        QTest::keyClick(allPresent, Qt::Key_Space);
        QCOMPARE(page.model()->unmarkedCount(), 0);
        const auto marks = durableMarks(page.model()->sessionId());
        QCOMPARE(marks.size(), m_names.size());
        QCOMPARE(marks.value(page.model()->index(0).data(AttendanceModel::StudentIdRole).toString()),
                 AttendanceStatus::Absent);
        QCOMPARE(marks.value(page.model()->index(4).data(AttendanceModel::StudentIdRole).toString()),
                 AttendanceStatus::Present);
    }

    void controlsHaveAccessibleNames()
    {
        AttendancePage page(*m_workspace);
        const QList<QWidget *> controls = page.findChildren<QWidget *>();
        for (QWidget *control : controls) {
            const bool interactive = qobject_cast<QAbstractButton *>(control) || qobject_cast<QComboBox *>(control)
                                     || qobject_cast<QAbstractSpinBox *>(control)
                                     || qobject_cast<QListView *>(control);
            if (!interactive || control->parent() != &page)
                continue;
            QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
        }
    }

    // At 1366x768 the page gets about 1180x680 beside the sidebar; every
    // button still shows its whole text.
    void buttonsFitAt1366x768()
    {
        AttendancePage page(*m_workspace);
        page.resize(1180, 680);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        for (QAbstractButton *button : page.findChildren<QAbstractButton *>()) {
            if (!button->isVisible())
                continue;
            QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->text()));
        }
    }
};

QTEST_MAIN(AttendancePageTest)
#include "tst_attendancepage.moc"
