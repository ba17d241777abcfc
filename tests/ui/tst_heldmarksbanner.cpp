// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Attendance page's banner for marks taken under a wrong clock: shown
// while the sync engine holds marks back, gone once the teacher confirms.

#include "attendancepage.h"
#include "attendancestore.h"
#include "classstore.h"
#include "database.h"
#include "heldmarksbanner.h"
#include "outboxstore.h"
#include "workspace.h"

#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace ClassDesk;

class HeldMarksBannerTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dataDirectory = nullptr;
    std::unique_ptr<Workspace> m_workspace;
    QString m_sessionId;

    int scalar(const char *sql)
    {
        auto statement = m_workspace->database().prepare(sql);
        return statement && statement->step().value_or(false) ? int(statement->int64At(0)) : -1;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dataDirectory = new QTemporaryDir;
        QVERIFY(m_dataDirectory->isValid());
        auto workspace = Workspace::open(m_dataDirectory->path());
        QVERIFY(workspace.has_value());
        m_workspace = std::move(*workspace);

        const auto classId = m_workspace->classes().createClass(m_workspace->schoolId(), QStringLiteral("高一(3)班"),
                                                                QStringLiteral("高一"));
        QVERIFY(classId.has_value());
        for (const QString &name : {QStringLiteral("王小明"), QStringLiteral("李华")}) {
            Student student;
            student.schoolId = m_workspace->schoolId();
            student.classId = *classId;
            student.studentNumber = name;
            student.name = name;
            QVERIFY(m_workspace->classes().createStudent(student).has_value());
        }
        // Marked five days before the session's date, which the sync engine holds back.
        const auto sessionId = m_workspace->attendance().openSession(*classId, QDate::currentDate().addDays(5), 1);
        QVERIFY(sessionId.has_value());
        m_sessionId = *sessionId;
        QCOMPARE(m_workspace->attendance().markAllPresent(m_sessionId).value_or(0), 2);
    }

    void cleanup()
    {
        m_workspace.reset();
        delete m_dataDirectory;
    }

    void bannerHiddenWithoutHeldMarks()
    {
        AttendancePage page(*m_workspace);
        page.show();
        auto *banner = page.findChild<HeldMarksBanner *>();
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
    }

    void confirmReleasesHeldMarks()
    {
        AttendancePage page(*m_workspace);
        page.show();
        auto *banner = page.findChild<HeldMarksBanner *>();
        QVERIFY(banner);

        const auto held = m_workspace->attendance().holdImplausibleMarks(0, std::numeric_limits<qint64>::max());
        QVERIFY(held.has_value());
        QCOMPARE(held->size(), 2);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->heldCount(), 2);
        QVERIFY(banner->findChild<QLabel *>()->text().contains(QStringLiteral("王小明")));
        QCOMPARE(scalar("SELECT count(*) FROM outbox WHERE state = 'parked' AND last_error = 'clock.suspect'"), 2);

        QTest::mouseClick(banner->confirmButton(), Qt::LeftButton);
        QVERIFY(!banner->isVisible());
        QCOMPARE(m_workspace->attendance().heldMarks().value_or(QList<HeldMark>{{}}).size(), 0);
        QCOMPARE(scalar("SELECT count(*) FROM outbox WHERE state = 'pending' AND last_error = 'clock.confirmed'"), 2);
        QCOMPARE(scalar("SELECT count(*) FROM attendance_record_history"), 2);

        // Confirmed marks are not held again, even after a push that lost its reply.
        OutboxStore outbox(m_workspace->database());
        const auto pending = outbox.pending(10);
        QVERIFY(pending.has_value());
        QList<qint64> seqs;
        for (const OutboxEntry &entry : *pending)
            seqs << entry.seq;
        QVERIFY(outbox.markSent(seqs).has_value());
        QVERIFY(outbox.returnToPending(seqs, QStringLiteral("network.timeout")).has_value());
        QCOMPARE(m_workspace->attendance().holdImplausibleMarks(0, std::numeric_limits<qint64>::max())->size(), 0);
    }
};

QTEST_MAIN(HeldMarksBannerTest)
#include "tst_heldmarksbanner.moc"
