// SPDX-License-Identifier: GPL-3.0-or-later
#include "classstore.h"
#include "database.h"
#include "datalocation.h"
#include "outboxstore.h"
#include "outboxwriter.h"
#include "rosterstore.h"
#include "schoolstore.h"

#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ClassDesk;

class RosterStoreTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_folder = nullptr;
    std::unique_ptr<Database> m_database;
    QString m_schoolId;

    static RosterRow row(int sourceRow, const QString &number, const QString &name, const QString &gender = {},
                         const QString &className = {})
    {
        RosterRow result;
        result.sourceRow = sourceRow;
        result.studentNumber = number;
        result.name = name;
        result.gender = gender;
        result.className = className;
        return result;
    }

    int pendingOutbox(const QString &entity)
    {
        OutboxStore outbox(*m_database);
        const auto pending = outbox.pending(100000);
        if (!pending)
            return -1;
        return int(std::count_if(pending->cbegin(), pending->cend(),
                                 [&](const OutboxEntry &entry) { return entry.entity == entity; }));
    }

    QList<Student> students(const QString &classId = {})
    {
        ClassStore classes(*m_database);
        StudentFilter filter;
        filter.schoolId = m_schoolId;
        filter.classId = classId;
        return classes.students(filter).value_or(QList<Student>());
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_folder = new QTemporaryDir;
        auto database = Database::open(databaseFilePath(m_folder->path()));
        QVERIFY(database.has_value());
        m_database = std::move(*database);
        SchoolStore schools(*m_database);
        const auto school = schools.createSchool(QStringLiteral("测试学校"), QStringLiteral("Asia/Shanghai"));
        QVERIFY(school.has_value());
        m_schoolId = *school;
    }

    void cleanup()
    {
        m_database.reset();
        delete m_folder;
    }

    void importCreatesStudentsWithOutbox()
    {
        RosterStore rosters(*m_database, m_schoolId);
        const auto classId = rosters.classNamed(QStringLiteral("高一(3)班"));
        QVERIFY(classId.has_value());
        QSignalSpy changed(&rosters, &RosterStore::changed);

        const auto summary = rosters.importRows({row(2, QStringLiteral("2025030101"), QStringLiteral("张𠮷"), QStringLiteral("男")),
                                                 row(3, QStringLiteral("2025030102"), QStringLiteral("王芳"), QStringLiteral("女")),
                                                 row(4, QStringLiteral("2025030103"), QStringLiteral("王芳"), QStringLiteral("女"))},
                                                *classId, {});
        QVERIFY2(summary.has_value(), qPrintable(summary ? QString() : summary.error().toLogString()));
        QCOMPARE(summary->created, 3);
        QCOMPARE(summary->unchanged, 0);
        QCOMPARE(students(*classId).size(), 3);
        QCOMPARE(pendingOutbox(QStringLiteral("student")), 3);
        QCOMPARE(changed.size(), 1);
    }

    // The import builds a new student's outbox payload from the values it
    // inserts; it must be what OutboxWriter reads back from the row.
    void createPayloadEqualsStoredRow()
    {
        RosterStore rosters(*m_database, m_schoolId);
        RosterRow withNotes = row(2, QStringLiteral("2025030101"), QStringLiteral("张𠮷"), QStringLiteral("男"),
                                  QStringLiteral("高一(3)班"));
        withNotes.notes.insert(QStringLiteral("座号"), QStringLiteral("007"));
        const QList<RosterRow> rows = {withNotes, row(3, QStringLiteral("2025030102"), QStringLiteral("王芳"))};
        QVERIFY(rosters.importRows(rows, {}, QStringLiteral("高一(3)班")).has_value());

        OutboxStore outbox(*m_database);
        const auto pending = outbox.pending(100);
        QVERIFY(pending.has_value());
        int compared = 0;
        for (const OutboxEntry &entry : *pending) {
            if (entry.entity != QLatin1String("student"))
                continue;
            const auto stored = OutboxWriter::rowPayload(*m_database, entry.entity, entry.entityId);
            QVERIFY(stored.has_value());
            QVERIFY(stored->has_value());
            QCOMPARE(OutboxWriter::payloadText(entry.payload), OutboxWriter::payloadText(**stored));
            QCOMPARE(entry.op, QStringLiteral("create"));
            ++compared;
        }
        QCOMPARE(compared, 2);
    }

    // More rows than one multi-row INSERT takes: every student gets one
    // create entry, in file order, with the payload of its stored row.
    void largeImportRecordsEveryStudentInOrder()
    {
        RosterStore rosters(*m_database, m_schoolId);
        QList<RosterRow> rows;
        for (int i = 0; i < 250; ++i) {
            rows << row(i + 2, QStringLiteral("2025%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("学生%1").arg(i),
                        i % 2 ? QStringLiteral("男") : QStringLiteral("女"), QStringLiteral("高一(%1)班").arg(i % 3 + 1));
        }
        const auto summary = rosters.importRows(rows, {}, {});
        QVERIFY(summary.has_value());
        QCOMPARE(summary->created, 250);
        QCOMPARE(students().size(), 250);

        OutboxStore outbox(*m_database);
        const auto pending = outbox.pending(100000);
        QVERIFY(pending.has_value());
        QStringList numbers;
        QSet<QString> keys;
        for (const OutboxEntry &entry : *pending) {
            if (entry.entity != QLatin1String("student"))
                continue;
            QCOMPARE(entry.op, QStringLiteral("create"));
            const auto stored = OutboxWriter::rowPayload(*m_database, entry.entity, entry.entityId);
            QVERIFY(stored.has_value() && stored->has_value());
            QCOMPARE(OutboxWriter::payloadText(entry.payload), OutboxWriter::payloadText(**stored));
            numbers << entry.payload.value(QStringLiteral("student_number")).toString();
            keys.insert(entry.idempotencyKey);
        }
        QCOMPARE(numbers.size(), 250);
        QCOMPARE(numbers.first(), QStringLiteral("20250000"));
        QCOMPARE(numbers.last(), QStringLiteral("20250249"));
        QStringList sorted = numbers;
        sorted.sort();
        QCOMPARE(numbers, sorted);
        QCOMPARE(keys.size(), 250);
    }

    // A file that lists a number twice: the second row updates the student
    // the first one created, and the update folds into its create entry.
    void repeatedNumberUpdatesNewStudent()
    {
        RosterStore rosters(*m_database, m_schoolId);
        const auto summary = rosters.importRows({row(2, QStringLiteral("301"), QStringLiteral("甲"), QStringLiteral("男")),
                                                 row(3, QStringLiteral("302"), QStringLiteral("乙")),
                                                 row(4, QStringLiteral("301"), QStringLiteral("丙"))},
                                                {}, QStringLiteral("三班"));
        QVERIFY(summary.has_value());
        QCOMPARE(summary->created, 2);
        QCOMPARE(summary->updated, 1);
        QCOMPARE(rosters.studentNameForNumber(QStringLiteral("301")), std::optional(QStringLiteral("丙")));
        QCOMPARE(pendingOutbox(QStringLiteral("student")), 2);

        OutboxStore outbox(*m_database);
        const auto pending = outbox.pending(100);
        QVERIFY(pending.has_value());
        for (const OutboxEntry &entry : *pending) {
            if (entry.payload.value(QStringLiteral("student_number")).toString() != QLatin1String("301"))
                continue;
            QCOMPARE(entry.op, QStringLiteral("create"));
            QCOMPARE(entry.payload.value(QStringLiteral("name")).toString(), QStringLiteral("丙"));
            QCOMPARE(entry.payload.value(QStringLiteral("gender")).toString(), QStringLiteral("male"));
        }
    }

    void studentNamesByNumberListsSchool()
    {
        RosterStore rosters(*m_database, m_schoolId);
        QVERIFY(rosters.importRows({row(2, QStringLiteral("2025030101"), QStringLiteral("张𠮷"))}, {},
                                   QStringLiteral("高一(3)班"))
                    .has_value());
        const auto names = rosters.studentNamesByNumber();
        QVERIFY(names.has_value());
        QCOMPARE(names->size(), 1);
        QCOMPARE(names->value(QStringLiteral("2025030101")), QStringLiteral("张𠮷"));
    }

    void reimportChangesNothing()
    {
        RosterStore rosters(*m_database, m_schoolId);
        const auto classId = rosters.classNamed(QStringLiteral("初二(1)班"));
        const QList<RosterRow> rows = {row(2, QStringLiteral("1"), QStringLiteral("李华"), QStringLiteral("女")),
                                       row(3, QStringLiteral("2"), QStringLiteral("赵雨"), QStringLiteral("男"))};
        QVERIFY(rosters.importRows(rows, *classId, {}).has_value());
        const int outboxBefore = pendingOutbox(QStringLiteral("student"));

        const auto again = rosters.importRows(rows, *classId, {});
        QVERIFY(again.has_value());
        QCOMPARE(again->created, 0);
        QCOMPARE(again->updated, 0);
        QCOMPARE(again->unchanged, 2);
        QCOMPARE(pendingOutbox(QStringLiteral("student")), outboxBefore);
    }

    void changedNameIsUpdateMatchedByNumber()
    {
        RosterStore rosters(*m_database, m_schoolId);
        const auto classId = rosters.classNamed(QStringLiteral("一班"));
        QVERIFY(rosters.importRows({row(2, QStringLiteral("7"), QStringLiteral("陈晨"))}, *classId, {}).has_value());

        const auto summary = rosters.importRows({row(2, QStringLiteral("7"), QStringLiteral("陈辰"))}, *classId, {});
        QVERIFY(summary.has_value());
        QCOMPARE(summary->updated, 1);
        const QList<Student> found = students(*classId);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().name, QStringLiteral("陈辰"));
        QCOMPARE(rosters.studentNameForNumber(QStringLiteral("7")), std::optional(QStringLiteral("陈辰")));
        QCOMPARE(rosters.studentNameForNumber(QStringLiteral("8")), std::nullopt);
    }

    void classColumnCreatesClasses()
    {
        RosterStore rosters(*m_database, m_schoolId);
        const auto summary = rosters.importRows({row(2, QStringLiteral("101"), QStringLiteral("甲"), {}, QStringLiteral("高一(1)班")),
                                                 row(3, QStringLiteral("102"), QStringLiteral("乙"), {}, QStringLiteral("高一(2)班")),
                                                 row(4, QStringLiteral("103"), QStringLiteral("丙"), {}, QStringLiteral("高一(1)班"))},
                                                {}, {});
        QVERIFY(summary.has_value());
        QCOMPARE(summary->classIds.size(), 2);
        QCOMPARE(students(summary->classIds.at(0)).size(), 2);
        QCOMPARE(students(summary->classIds.at(1)).size(), 1);
        QCOMPARE(pendingOutbox(QStringLiteral("class")), 2);
    }

    void rowWithoutClassWritesNothing()
    {
        RosterStore rosters(*m_database, m_schoolId);
        const auto summary = rosters.importRows({row(2, QStringLiteral("201"), QStringLiteral("甲"), {}, QStringLiteral("二班")),
                                                 row(3, QStringLiteral("202"), QStringLiteral("乙"))},
                                                {}, {});
        QVERIFY(!summary.has_value());
        QCOMPARE(summary.error().code, QStringLiteral("roster.class_missing"));
        QVERIFY(summary.error().message.contains(QLatin1Char('3')));
        QCOMPARE(students().size(), 0);
        QCOMPARE(pendingOutbox(QStringLiteral("class")), 0);
    }

    void offlineWorkMovesIntoPlatformSchool()
    {
        SchoolStore schools(*m_database);
        const auto local = schools.createLocalSchool(QStringLiteral("我的学校"), QStringLiteral("Asia/Shanghai"));
        QVERIFY(local.has_value());
        RosterStore offline(*m_database, *local);
        const auto imported = offline.importRows({row(2, QStringLiteral("501"), QStringLiteral("甲"), {}, QStringLiteral("一班")),
                                                  row(3, QStringLiteral("502"), QStringLiteral("乙"), {}, QStringLiteral("一班"))},
                                                 {}, {});
        QVERIFY(imported.has_value());

        // The school made in init() stands for the platform's, as a pull leaves it.
        QVERIFY(m_database->execute(QStringLiteral("UPDATE school SET server_version = 1 WHERE id = '%1'")
                                        .arg(m_schoolId))
                    .has_value());
        QCOMPARE(schools.platformSchool().value_or(std::nullopt), std::optional(m_schoolId));

        const auto moved = schools.moveLocalSchoolsInto(m_schoolId);
        QVERIFY2(moved.has_value(), qPrintable(moved ? QString() : moved.error().toLogString()));
        QCOMPARE(students().size(), 2);
        ClassStore classes(*m_database);
        QCOMPARE(classes.classes(m_schoolId)->size(), 1);
        const auto remaining = schools.schools();
        QVERIFY(remaining.has_value());
        QCOMPARE(remaining->size(), 1);
        QCOMPARE(remaining->first().id, m_schoolId);
    }

    void clashingStudentKeepsLocalSchool()
    {
        SchoolStore schools(*m_database);
        RosterStore platform(*m_database, m_schoolId);
        QVERIFY(platform.importRows({row(2, QStringLiteral("601"), QStringLiteral("甲"), {}, QStringLiteral("二班"))}, {}, {})
                    .has_value());
        QVERIFY(m_database->execute(QStringLiteral("UPDATE school SET server_version = 1 WHERE id = '%1'")
                                        .arg(m_schoolId))
                    .has_value());
        const auto local = schools.createLocalSchool(QStringLiteral("我的学校"), QStringLiteral("Asia/Shanghai"));
        RosterStore offline(*m_database, *local);
        QVERIFY(offline.importRows({row(2, QStringLiteral("601"), QStringLiteral("甲"), {}, QStringLiteral("二班")),
                                    row(3, QStringLiteral("602"), QStringLiteral("乙"), {}, QStringLiteral("二班"))},
                                   {}, {})
                    .has_value());

        QVERIFY(schools.moveLocalSchoolsInto(m_schoolId).has_value());
        QCOMPARE(students().size(), 2); // 601 from the platform, 602 moved over
        QCOMPARE(schools.schools()->size(), 2); // the local 601 keeps its school alive
    }

    void normalizedGender_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("男") << QStringLiteral("男") << "male";
        QTest::newRow("女 with spaces") << QStringLiteral(" 女 ") << "female";
        QTest::newRow("M") << "M" << "male";
        QTest::newRow("female") << "Female" << "female";
        QTest::newRow("blank") << "" << "unspecified";
        QTest::newRow("other") << "?" << "unspecified";
    }

    void normalizedGender()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(RosterStore::normalizedGender(text), expected);
    }
};

QTEST_GUILESS_MAIN(RosterStoreTest)
#include "tst_rosterstore.moc"
