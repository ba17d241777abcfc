// SPDX-License-Identifier: GPL-3.0-or-later
//
// Change feed, mutations, conflict rules and authorisation against the real server.

#include "servertestsupport.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace ServerTestSupport;

class ServerSyncTest : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    QString m_alice;   // North School
    QString m_bob;     // North School, another teacher
    QString m_carol;   // South School
    QString m_classId; // a North School class created by alice
    QString m_courseId; // alice's course in that class

    static QJsonObject mutation(const QString &entity, const QString &op, const QString &id, const QJsonValue &baseVersion,
                                const QJsonObject &data, const QString &key = newId())
    {
        QJsonObject object{{QStringLiteral("idempotency_key"), key},
                           {QStringLiteral("entity"), entity},
                           {QStringLiteral("op"), op},
                           {QStringLiteral("id"), id},
                           {QStringLiteral("base_version"), baseVersion}};
        if (!data.isEmpty())
            object.insert(QStringLiteral("data"), data);
        return object;
    }

    Reply push(const QString &token, const QJsonArray &mutations) const
    {
        return m_server.call("POST", QStringLiteral("mutations"), token, QStringLiteral("/mutations"),
                             json({{QStringLiteral("mutations"), mutations}}));
    }

    // Sends one mutation and returns its result object.
    QJsonObject pushOne(const QString &token, const QJsonObject &item) const
    {
        return push(token, {item}).json()[QStringLiteral("results")].toArray().at(0).toObject();
    }

    // Pulls every change visible to the teacher.
    QJsonArray pullAll(const QString &token) const
    {
        QJsonArray all;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            const QString query = cursor.isEmpty() ? QStringLiteral("changes?limit=1000")
                                                   : QStringLiteral("changes?limit=1000&cursor=") + cursor;
            const QJsonObject body = m_server.call("GET", query, token, QStringLiteral("/changes")).json();
            for (const QJsonValue change : body[QStringLiteral("changes")].toArray())
                all.append(change);
            cursor = body[QStringLiteral("next_cursor")].toString();
            if (!body[QStringLiteral("has_more")].toBool())
                break;
        }
        return all;
    }

    static int countChanges(const QJsonArray &changes, const QString &id)
    {
        int count = 0;
        for (const QJsonValue change : changes)
            count += change[QStringLiteral("id")].toString() == id ? 1 : 0;
        return count;
    }

    QString createStudent(const QString &number)
    {
        const QString id = newId();
        const QJsonObject result = pushOne(m_alice, mutation(QStringLiteral("student"), QStringLiteral("create"), id, QJsonValue::Null,
                                                             {{QStringLiteral("class_id"), m_classId},
                                                              {QStringLiteral("name"), QStringLiteral("测试学生")},
                                                              {QStringLiteral("student_number"), number}}));
        return result[QStringLiteral("status")].toString() == QStringLiteral("applied") ? id : QString();
    }

private slots:
    void initTestCase()
    {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        QVERIFY(m_server.addTeacher(QStringLiteral("alice"), QStringLiteral("a-secret"), QStringLiteral("North School")));
        QVERIFY(m_server.addTeacher(QStringLiteral("bob"), QStringLiteral("b-secret"), QStringLiteral("North School")));
        QVERIFY(m_server.addTeacher(QStringLiteral("carol"), QStringLiteral("c-secret"), QStringLiteral("South School")));
        QVERIFY(m_server.start());
        m_alice = m_server.signIn(QStringLiteral("alice"), QStringLiteral("a-secret"));
        m_bob = m_server.signIn(QStringLiteral("bob"), QStringLiteral("b-secret"));
        m_carol = m_server.signIn(QStringLiteral("carol"), QStringLiteral("c-secret"));
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty() && !m_carol.isEmpty());

        m_classId = newId();
        m_courseId = newId();
        const Reply reply = push(m_alice, {mutation(QStringLiteral("class"), QStringLiteral("create"), m_classId, QJsonValue::Null,
                                                    {{QStringLiteral("name"), QStringLiteral("七年级(1)班")}, {QStringLiteral("grade"), QStringLiteral("七年级")}}),
                                           mutation(QStringLiteral("course"), QStringLiteral("create"), m_courseId, QJsonValue::Null,
                                                    {{QStringLiteral("class_id"), m_classId},
                                                     {QStringLiteral("name"), QStringLiteral("语文 7-1")},
                                                     {QStringLiteral("subject"), QStringLiteral("语文")}})});
        QCOMPARE(reply.status, 200L);
        for (const QJsonValue result : reply.json()[QStringLiteral("results")].toArray())
            QCOMPARE(result[QStringLiteral("status")].toString(), QStringLiteral("applied"));
    }

    void cleanupTestCase()
    {
        const QString problems = ResponseLog::instance().validate(m_server.dataFolder());
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        m_server.stop();
        curl_global_cleanup();
    }

    void changesArePagedInSequence()
    {
        for (int i = 0; i < 5; ++i)
            QVERIFY(!createStudent(QStringLiteral("P%1").arg(i)).isEmpty());

        QList<qint64> seqs;
        QString cursor;
        bool hasMore = true;
        int pages = 0;
        while (hasMore && pages < 50) {
            const QString query = cursor.isEmpty() ? QStringLiteral("changes?limit=2") : QStringLiteral("changes?limit=2&cursor=") + cursor;
            const Reply reply = m_server.call("GET", query, m_alice, QStringLiteral("/changes"));
            QCOMPARE(reply.status, 200L);
            const QJsonArray changes = reply.json()[QStringLiteral("changes")].toArray();
            QVERIFY(changes.size() <= 2);
            for (const QJsonValue change : changes)
                seqs.append(change[QStringLiteral("seq")].toInteger());
            cursor = reply.json()[QStringLiteral("next_cursor")].toString();
            hasMore = reply.json()[QStringLiteral("has_more")].toBool();
            ++pages;
        }
        QVERIFY(!hasMore);
        QVERIFY(seqs.size() >= 8); // school, class, course and five students
        for (qsizetype i = 1; i < seqs.size(); ++i)
            QVERIFY(seqs[i] > seqs[i - 1]);

        // The last cursor has nothing after it; repeating it is harmless.
        const Reply end = m_server.call("GET", QStringLiteral("changes?cursor=") + cursor, m_alice, QStringLiteral("/changes"));
        QCOMPARE(end.json()[QStringLiteral("changes")].toArray().size(), 0);
        QCOMPARE(end.json()[QStringLiteral("next_cursor")].toString(), cursor);
    }

    void changesRejectBadParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code");
        QTest::newRow("garbage cursor") << QStringLiteral("changes?cursor=xyz") << QStringLiteral("invalid_cursor");
        QTest::newRow("zero limit") << QStringLiteral("changes?limit=0") << QStringLiteral("invalid_request");
        QTest::newRow("limit too large") << QStringLiteral("changes?limit=1001") << QStringLiteral("invalid_request");
    }

    void changesRejectBadParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, code);
        const Reply reply = m_server.call("GET", query, m_alice, QStringLiteral("/changes"));
        QCOMPARE(reply.status, 400L);
        QCOMPARE(reply.code(), code);
    }

    void createUpdateDeleteAreApplied()
    {
        const QString id = newId();
        const QJsonObject created = pushOne(m_alice, mutation(QStringLiteral("assignment"), QStringLiteral("create"), id, QJsonValue::Null,
                                                              {{QStringLiteral("course_id"), m_courseId},
                                                               {QStringLiteral("title"), QStringLiteral("作文")},
                                                               {QStringLiteral("due_date"), QStringLiteral("2026-03-20")},
                                                               {QStringLiteral("due_time_zone"), QStringLiteral("Asia/Shanghai")}}));
        QCOMPARE(created[QStringLiteral("status")].toString(), QStringLiteral("applied"));
        QCOMPARE(created[QStringLiteral("version")].toInt(), 1);

        const QJsonObject updated = pushOne(m_alice, mutation(QStringLiteral("assignment"), QStringLiteral("update"), id, 1,
                                                              {{QStringLiteral("title"), QStringLiteral("作文二")}}));
        QCOMPARE(updated[QStringLiteral("status")].toString(), QStringLiteral("applied"));
        QCOMPARE(updated[QStringLiteral("version")].toInt(), 2);

        const QJsonObject deleted = pushOne(m_alice, mutation(QStringLiteral("assignment"), QStringLiteral("delete"), id, 2, {}));
        QCOMPARE(deleted[QStringLiteral("status")].toString(), QStringLiteral("applied"));
        QCOMPARE(deleted[QStringLiteral("version")].toInt(), 3);

        // The feed ends with the delete, without data.
        const QJsonArray changes = pullAll(m_alice);
        QJsonObject last;
        for (const QJsonValue change : changes) {
            if (change[QStringLiteral("id")].toString() == id)
                last = change.toObject();
        }
        QCOMPARE(last[QStringLiteral("op")].toString(), QStringLiteral("delete"));
        QCOMPARE(last[QStringLiteral("version")].toInt(), 3);
        QVERIFY(!last.contains(QStringLiteral("data")));
        QCOMPARE(countChanges(changes, id), 3);
    }

    void staleBaseVersionIsConflict()
    {
        const QString id = newId();
        pushOne(m_alice, mutation(QStringLiteral("assignment"), QStringLiteral("create"), id, QJsonValue::Null,
                                  {{QStringLiteral("course_id"), m_courseId},
                                   {QStringLiteral("title"), QStringLiteral("A")},
                                   {QStringLiteral("due_time_zone"), QStringLiteral("Asia/Shanghai")}}));
        pushOne(m_alice, mutation(QStringLiteral("assignment"), QStringLiteral("update"), id, 1,
                                  {{QStringLiteral("title"), QStringLiteral("B")}}));

        const QJsonObject stale = pushOne(m_alice, mutation(QStringLiteral("assignment"), QStringLiteral("update"), id, 1,
                                                            {{QStringLiteral("description"), QStringLiteral("other device")}}));
        QCOMPARE(stale[QStringLiteral("status")].toString(), QStringLiteral("conflict"));
        QCOMPARE(stale[QStringLiteral("version")].toInt(), 2);
        const QJsonObject copy = stale[QStringLiteral("server_copy")].toObject();
        QCOMPARE(copy[QStringLiteral("id")].toString(), id);
        QCOMPARE(copy[QStringLiteral("version")].toInt(), 2);
        QCOMPARE(copy[QStringLiteral("data")][QStringLiteral("title")].toString(), QStringLiteral("B"));
    }

    void invalidMutationsAreRejected_data()
    {
        QTest::addColumn<QJsonObject>("item");
        QTest::addColumn<QString>("code");
        const QJsonObject noData;
        QTest::newRow("unknown entity") << mutation(QStringLiteral("homework"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                                    {{QStringLiteral("title"), QStringLiteral("x")}})
                                        << QStringLiteral("unknown_entity");
        QTest::newRow("school is read-only") << mutation(QStringLiteral("school"), QStringLiteral("update"), newId(), 1,
                                                         {{QStringLiteral("name"), QStringLiteral("x")}})
                                             << QStringLiteral("read_only_entity");
        QTest::newRow("missing required field") << mutation(QStringLiteral("class"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                                            {{QStringLiteral("grade"), QStringLiteral("七年级")}})
                                                << QStringLiteral("invalid_data");
        QTest::newRow("bad date") << mutation(QStringLiteral("attendance_session"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                              {{QStringLiteral("class_id"), m_classId}, {QStringLiteral("date"), QStringLiteral("20.3.2026")}})
                                  << QStringLiteral("invalid_data");
        QTest::newRow("session without period") << mutation(QStringLiteral("attendance_session"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                                            {{QStringLiteral("class_id"), m_classId}, {QStringLiteral("date"), QStringLiteral("2026-03-20")}})
                                                << QStringLiteral("invalid_data");
        QTest::newRow("assignment without time zone") << mutation(QStringLiteral("assignment"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                                                  {{QStringLiteral("title"), QStringLiteral("x")}})
                                                      << QStringLiteral("invalid_data");
        QTest::newRow("courseware with bad sha256") << mutation(QStringLiteral("courseware"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                                                {{QStringLiteral("title"), QStringLiteral("x")},
                                                                 {QStringLiteral("sha256"), QStringLiteral("ABC")},
                                                                 {QStringLiteral("size"), 3},
                                                                 {QStringLiteral("content_type"), QStringLiteral("text/plain")}})
                                                    << QStringLiteral("invalid_data");
        QTest::newRow("assignment targets unknown class") << mutation(QStringLiteral("assignment"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                                                      {{QStringLiteral("title"), QStringLiteral("x")},
                                                                       {QStringLiteral("due_time_zone"), QStringLiteral("Asia/Shanghai")},
                                                                       {QStringLiteral("target_class_ids"), QJsonArray{newId()}}})
                                                          << QStringLiteral("invalid_data");
        QTest::newRow("unknown field") << mutation(QStringLiteral("class"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                                   {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("colour"), QStringLiteral("red")}})
                                       << QStringLiteral("invalid_data");
        QTest::newRow("id not a uuid") << mutation(QStringLiteral("class"), QStringLiteral("create"), QStringLiteral("42"), QJsonValue::Null,
                                                   {{QStringLiteral("name"), QStringLiteral("x")}})
                                       << QStringLiteral("invalid_mutation");
        QTest::newRow("update without base version") << mutation(QStringLiteral("class"), QStringLiteral("update"), QString(), QJsonValue::Null,
                                                                 {{QStringLiteral("name"), QStringLiteral("x")}})
                                                     << QStringLiteral("base_version_required");
        QTest::newRow("update of unknown id") << mutation(QStringLiteral("class"), QStringLiteral("update"), newId(), 1,
                                                          {{QStringLiteral("name"), QStringLiteral("x")}})
                                              << QStringLiteral("not_found");
    }

    void invalidMutationsAreRejected()
    {
        QFETCH(QJsonObject, item);
        QFETCH(QString, code);
        if (item[QStringLiteral("id")].toString().isEmpty())
            item[QStringLiteral("id")] = m_classId;
        const QJsonObject result = pushOne(m_alice, item);
        QCOMPARE(result[QStringLiteral("status")].toString(), QStringLiteral("rejected"));
        QCOMPARE(result[QStringLiteral("reason")][QStringLiteral("code")].toString(), code);
        QCOMPARE(result[QStringLiteral("idempotency_key")].toString(), item[QStringLiteral("idempotency_key")].toString());
    }

    void oversizedBatchIsRejected()
    {
        QJsonArray mutations;
        for (int i = 0; i < 501; ++i)
            mutations.append(mutation(QStringLiteral("class"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                      {{QStringLiteral("name"), QStringLiteral("x")}}));
        const Reply reply = push(m_alice, mutations);
        QCOMPARE(reply.status, 413L);
        QCOMPARE(reply.code(), QStringLiteral("too_many_mutations"));

        const Reply malformed = m_server.call("POST", QStringLiteral("mutations"), m_alice, QStringLiteral("/mutations"), "[1,2");
        QCOMPARE(malformed.status, 400L);
        QCOMPARE(malformed.code(), QStringLiteral("invalid_request"));
    }

    void retriedKeyIsDuplicate()
    {
        const QJsonObject item = mutation(QStringLiteral("class"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                          {{QStringLiteral("name"), QStringLiteral("七年级(9)班")}});
        const QJsonObject first = pushOne(m_alice, item);
        const QJsonObject second = pushOne(m_alice, item);
        QCOMPARE(first[QStringLiteral("status")].toString(), QStringLiteral("applied"));
        QCOMPARE(second[QStringLiteral("status")].toString(), QStringLiteral("duplicate"));
        QCOMPARE(second[QStringLiteral("version")], first[QStringLiteral("version")]);
        QCOMPARE(countChanges(pullAll(m_alice), item[QStringLiteral("id")].toString()), 1);
    }

    void concurrentRetriesApplyOnce()
    {
        QJsonArray batch;
        for (int i = 0; i < 20; ++i)
            batch.append(mutation(QStringLiteral("class"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                  {{QStringLiteral("name"), QStringLiteral("并发班%1").arg(i)}}));

        constexpr int s_threads = 6;
        std::vector<Reply> replies(s_threads);
        std::vector<std::thread> threads;
        for (int t = 0; t < s_threads; ++t)
            threads.emplace_back([&, t] { replies[static_cast<size_t>(t)] = push(m_alice, batch); });
        for (auto &thread : threads)
            thread.join();

        for (int i = 0; i < batch.size(); ++i) {
            int appliedCount = 0;
            for (const Reply &reply : replies) {
                QCOMPARE(reply.status, 200L);
                const QJsonObject result = reply.json()[QStringLiteral("results")].toArray().at(i).toObject();
                const QString status = result[QStringLiteral("status")].toString();
                QVERIFY2(status == QStringLiteral("applied") || status == QStringLiteral("duplicate"), qPrintable(status));
                QCOMPARE(result[QStringLiteral("version")].toInt(), 1);
                appliedCount += status == QStringLiteral("applied") ? 1 : 0;
            }
            QCOMPARE(appliedCount, 1);
        }
        const QJsonArray changes = pullAll(m_alice);
        for (const QJsonValue item : batch)
            QCOMPARE(countChanges(changes, item[QStringLiteral("id")].toString()), 1);
    }

    void identicalCreateOfOneIdIsApplied()
    {
        // Two devices derive the same session id from (class, date, period) and both create it.
        const QString sessionId = newId();
        const QJsonObject data{{QStringLiteral("class_id"), m_classId},
                               {QStringLiteral("date"), QStringLiteral("2026-03-03")},
                               {QStringLiteral("period"), 2}};
        const QJsonObject first = pushOne(m_alice, mutation(QStringLiteral("attendance_session"), QStringLiteral("create"),
                                                            sessionId, QJsonValue::Null, data));
        const QJsonObject second = pushOne(m_alice, mutation(QStringLiteral("attendance_session"), QStringLiteral("create"),
                                                             sessionId, QJsonValue::Null, data));
        QCOMPARE(first[QStringLiteral("status")].toString(), QStringLiteral("applied"));
        QCOMPARE(second[QStringLiteral("status")].toString(), QStringLiteral("applied"));
        QCOMPARE(second[QStringLiteral("version")].toInt(), 1);

        QJsonObject changed = data;
        changed[QStringLiteral("period")] = 3;
        const QJsonObject different = pushOne(m_alice, mutation(QStringLiteral("attendance_session"), QStringLiteral("create"),
                                                                sessionId, QJsonValue::Null, changed));
        QCOMPARE(different[QStringLiteral("status")].toString(), QStringLiteral("conflict"));
    }

    void clientAttendanceStatusesAreAccepted_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("leave") << QStringLiteral("leave") << QStringLiteral("applied");
        QTest::newRow("early leave") << QStringLiteral("early_leave") << QStringLiteral("applied");
        QTest::newRow("excused is not a status") << QStringLiteral("excused") << QStringLiteral("rejected");
    }

    void clientAttendanceStatusesAreAccepted()
    {
        QFETCH(QString, status);
        QFETCH(QString, outcome);
        const QString studentId = createStudent(QStringLiteral("ST-") + status);
        QVERIFY(!studentId.isEmpty());
        const QString sessionId = newId();
        pushOne(m_alice, mutation(QStringLiteral("attendance_session"), QStringLiteral("create"), sessionId, QJsonValue::Null,
                                  {{QStringLiteral("class_id"), m_classId},
                                   {QStringLiteral("date"), QStringLiteral("2026-03-04")},
                                   {QStringLiteral("period"), 1}}));
        const QJsonObject result = pushOne(m_alice, mutation(QStringLiteral("attendance_record"), QStringLiteral("create"), newId(),
                                                             QJsonValue::Null,
                                                             {{QStringLiteral("session_id"), sessionId},
                                                              {QStringLiteral("student_id"), studentId},
                                                              {QStringLiteral("status"), status},
                                                              {QStringLiteral("marked_at"), 1000},
                                                              {QStringLiteral("device"), QStringLiteral("pc-1")}}));
        QCOMPARE(result[QStringLiteral("status")].toString(), outcome);
    }

    void laterAttendanceMarkWins()
    {
        const QString studentId = createStudent(QStringLiteral("ATT-1"));
        QVERIFY(!studentId.isEmpty());
        const QString sessionId = newId();
        QCOMPARE(pushOne(m_alice, mutation(QStringLiteral("attendance_session"), QStringLiteral("create"), sessionId, QJsonValue::Null,
                                           {{QStringLiteral("class_id"), m_classId},
                                            {QStringLiteral("date"), QStringLiteral("2026-03-02")},
                                            {QStringLiteral("period"), 1}}))
                     [QStringLiteral("status")].toString(),
                 QStringLiteral("applied"));

        const auto mark = [&](const QString &id, const QString &status, qint64 markedAt) {
            return mutation(QStringLiteral("attendance_record"), QStringLiteral("create"), id, QJsonValue::Null,
                            {{QStringLiteral("session_id"), sessionId},
                             {QStringLiteral("student_id"), studentId},
                             {QStringLiteral("status"), status},
                             {QStringLiteral("marked_at"), markedAt}});
        };

        // Device one marks present at t=1000.
        const QString recordId = newId();
        QCOMPARE(pushOne(m_alice, mark(recordId, QStringLiteral("present"), 1000))[QStringLiteral("status")].toString(),
                 QStringLiteral("applied"));

        // Device two marked late at t=2000 under its own id: it wins and learns the stored id.
        const QJsonObject later = pushOne(m_alice, mark(newId(), QStringLiteral("late"), 2000));
        QCOMPARE(later[QStringLiteral("status")].toString(), QStringLiteral("applied"));
        QCOMPARE(later[QStringLiteral("server_copy")][QStringLiteral("id")].toString(), recordId);
        QCOMPARE(later[QStringLiteral("server_copy")][QStringLiteral("data")][QStringLiteral("status")].toString(), QStringLiteral("late"));

        // An earlier mark arriving last loses and is kept in history.
        const QJsonObject earlier = pushOne(m_alice, mutation(QStringLiteral("attendance_record"), QStringLiteral("update"), recordId, 1,
                                                              {{QStringLiteral("status"), QStringLiteral("absent")},
                                                               {QStringLiteral("marked_at"), 1500}}));
        QCOMPARE(earlier[QStringLiteral("status")].toString(), QStringLiteral("conflict"));
        const QJsonObject copy = earlier[QStringLiteral("server_copy")][QStringLiteral("data")].toObject();
        QCOMPARE(copy[QStringLiteral("status")].toString(), QStringLiteral("late"));
        QCOMPARE(copy[QStringLiteral("marked_at")].toInteger(), 2000);
        const QJsonArray history = copy[QStringLiteral("history")].toArray();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0)[QStringLiteral("status")].toString(), QStringLiteral("present"));
        QCOMPARE(history.at(1)[QStringLiteral("status")].toString(), QStringLiteral("absent"));
    }

    void duplicateStudentNumberIsConflict()
    {
        const QString first = createStudent(QStringLiteral("DUP-1"));
        QVERIFY(!first.isEmpty());
        const QJsonObject again = pushOne(m_alice, mutation(QStringLiteral("student"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                                            {{QStringLiteral("class_id"), m_classId},
                                                             {QStringLiteral("name"), QStringLiteral("重复")},
                                                             {QStringLiteral("student_number"), QStringLiteral("DUP-1")}}));
        QCOMPARE(again[QStringLiteral("status")].toString(), QStringLiteral("conflict"));
        QCOMPARE(again[QStringLiteral("server_copy")][QStringLiteral("id")].toString(), first);
    }

    void lessonCarriesCoursewareAndAssignment()
    {
        const QString coursewareId = newId();
        const QString lessonId = newId();
        const QString assignmentId = newId();
        const Reply reply = push(m_alice, {mutation(QStringLiteral("courseware"), QStringLiteral("create"), coursewareId, QJsonValue::Null,
                                                    {{QStringLiteral("title"), QStringLiteral("第一课")},
                                                     {QStringLiteral("sha256"), QString(64, QLatin1Char('a'))},
                                                     {QStringLiteral("size"), 1024},
                                                     {QStringLiteral("content_type"), QStringLiteral("application/pdf")}}),
                                           mutation(QStringLiteral("lesson"), QStringLiteral("create"), lessonId, QJsonValue::Null,
                                                    {{QStringLiteral("course_id"), m_courseId},
                                                     {QStringLiteral("date"), QStringLiteral("2026-03-03")},
                                                     {QStringLiteral("period"), 2},
                                                     {QStringLiteral("courseware_ids"), QJsonArray{coursewareId}}}),
                                           mutation(QStringLiteral("assignment"), QStringLiteral("create"), assignmentId, QJsonValue::Null,
                                                    {{QStringLiteral("title"), QStringLiteral("课后练习")},
                                                     {QStringLiteral("due_time_zone"), QStringLiteral("Asia/Shanghai")},
                                                     {QStringLiteral("lesson_id"), lessonId}})});
        QCOMPARE(reply.status, 200L);
        for (const QJsonValue result : reply.json()[QStringLiteral("results")].toArray())
            QCOMPARE(result[QStringLiteral("status")].toString(), QStringLiteral("applied"));

        QJsonObject lessonData;
        QJsonObject assignmentData;
        for (const QJsonValue change : pullAll(m_alice)) {
            if (change[QStringLiteral("id")].toString() == lessonId)
                lessonData = change[QStringLiteral("data")].toObject();
            if (change[QStringLiteral("id")].toString() == assignmentId)
                assignmentData = change[QStringLiteral("data")].toObject();
        }
        QCOMPARE(lessonData[QStringLiteral("courseware_ids")].toArray(), QJsonArray{coursewareId});
        QCOMPARE(assignmentData[QStringLiteral("lesson_id")].toString(), lessonId);

        // An update replaces the list; an empty list unlinks everything.
        const QJsonObject cleared = pushOne(m_alice, mutation(QStringLiteral("lesson"), QStringLiteral("update"), lessonId, 1,
                                                              {{QStringLiteral("courseware_ids"), QJsonArray()}}));
        QCOMPARE(cleared[QStringLiteral("status")].toString(), QStringLiteral("applied"));
    }

    void anotherTeachersIdsAreRejected_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("field");
        QTest::newRow("lesson courseware") << QStringLiteral("lesson") << QStringLiteral("courseware_ids");
        QTest::newRow("assignment lesson") << QStringLiteral("assignment") << QStringLiteral("lesson_id");
    }

    void anotherTeachersIdsAreRejected()
    {
        QFETCH(QString, entity);
        QFETCH(QString, field);

        // Alice's courseware and lesson in the shared school.
        const QString coursewareId = newId();
        const QString lessonId = newId();
        const Reply own = push(m_alice, {mutation(QStringLiteral("courseware"), QStringLiteral("create"), coursewareId, QJsonValue::Null,
                                                  {{QStringLiteral("title"), QStringLiteral("课件")},
                                                   {QStringLiteral("sha256"), QString(64, QLatin1Char('b'))},
                                                   {QStringLiteral("size"), 10},
                                                   {QStringLiteral("content_type"), QStringLiteral("video/mp4")}}),
                                         mutation(QStringLiteral("lesson"), QStringLiteral("create"), lessonId, QJsonValue::Null,
                                                  {{QStringLiteral("course_id"), m_courseId},
                                                   {QStringLiteral("date"), QStringLiteral("2026-03-04")},
                                                   {QStringLiteral("period"), 3}})});
        QCOMPARE(own.status, 200L);

        // Bob's own course in the same class, and his attempt to use alice's ids.
        const QString bobCourse = newId();
        QCOMPARE(pushOne(m_bob, mutation(QStringLiteral("course"), QStringLiteral("create"), bobCourse, QJsonValue::Null,
                                         {{QStringLiteral("class_id"), m_classId}, {QStringLiteral("name"), QStringLiteral("数学 7-1")}}))
                     [QStringLiteral("status")].toString(),
                 QStringLiteral("applied"));
        QJsonObject data;
        if (entity == QStringLiteral("lesson")) {
            data = {{QStringLiteral("course_id"), bobCourse},
                    {QStringLiteral("date"), QStringLiteral("2026-03-04")},
                    {QStringLiteral("period"), 4},
                    {field, QJsonArray{coursewareId}}};
        } else {
            data = {{QStringLiteral("title"), QStringLiteral("作业")},
                    {QStringLiteral("due_time_zone"), QStringLiteral("Asia/Shanghai")},
                    {field, lessonId}};
        }
        const QJsonObject result = pushOne(m_bob, mutation(entity, QStringLiteral("create"), newId(), QJsonValue::Null, data));
        QCOMPARE(result[QStringLiteral("status")].toString(), QStringLiteral("rejected"));
        QCOMPARE(result[QStringLiteral("reason")][QStringLiteral("code")].toString(), QStringLiteral("invalid_data"));
        QVERIFY2(result[QStringLiteral("reason")][QStringLiteral("detail")].toString().contains(field),
                 qPrintable(result[QStringLiteral("reason")][QStringLiteral("detail")].toString()));
    }

    void otherTeachersSeeOnlyTheirScope()
    {
        // Bob is in alice's school: the class is visible to him, her course is not.
        const QJsonArray bobChanges = pullAll(m_bob);
        QCOMPARE(countChanges(bobChanges, m_classId), 1);
        QCOMPARE(countChanges(bobChanges, m_courseId), 0);
        const QJsonObject bobEdit = pushOne(m_bob, mutation(QStringLiteral("course"), QStringLiteral("update"), m_courseId, 1,
                                                            {{QStringLiteral("subject"), QStringLiteral("数学")}}));
        QCOMPARE(bobEdit[QStringLiteral("reason")][QStringLiteral("code")].toString(), QStringLiteral("not_found"));
        const QJsonObject bobLesson = pushOne(m_bob, mutation(QStringLiteral("lesson"), QStringLiteral("create"), newId(), QJsonValue::Null,
                                                              {{QStringLiteral("course_id"), m_courseId},
                                                               {QStringLiteral("date"), QStringLiteral("2026-03-02")},
                                                               {QStringLiteral("period"), 1}}));
        QCOMPARE(bobLesson[QStringLiteral("reason")][QStringLiteral("code")].toString(), QStringLiteral("invalid_data"));

        // Carol is in another school: neither the class nor anything in it exists for her.
        const QJsonArray carolChanges = pullAll(m_carol);
        QCOMPARE(countChanges(carolChanges, m_classId), 0);
        const QJsonObject carolEdit = pushOne(m_carol, mutation(QStringLiteral("class"), QStringLiteral("update"), m_classId, 1,
                                                                {{QStringLiteral("name"), QStringLiteral("x")}}));
        QCOMPARE(carolEdit[QStringLiteral("reason")][QStringLiteral("code")].toString(), QStringLiteral("not_found"));
        const QJsonObject carolDelete = pushOne(m_carol, mutation(QStringLiteral("class"), QStringLiteral("delete"), m_classId, QJsonValue::Null, {}));
        QCOMPARE(carolDelete[QStringLiteral("reason")][QStringLiteral("code")].toString(), QStringLiteral("not_found"));
        const QJsonObject carolCreate = pushOne(m_carol, mutation(QStringLiteral("class"), QStringLiteral("create"), m_classId, QJsonValue::Null,
                                                                  {{QStringLiteral("name"), QStringLiteral("x")}}));
        QCOMPARE(carolCreate[QStringLiteral("reason")][QStringLiteral("code")].toString(), QStringLiteral("id_taken"));
        for (const QJsonValue change : carolChanges)
            QVERIFY(change[QStringLiteral("entity")].toString() == QStringLiteral("school"));
    }
};

QTEST_GUILESS_MAIN(ServerSyncTest)
#include "tst_serversync.moc"
