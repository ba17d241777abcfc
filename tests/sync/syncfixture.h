// SPDX-License-Identifier: GPL-3.0-or-later
//
// Devices (a local database plus a SyncController) that sync with a real
// classdesk-server, and the check that a device contains exactly the
// server's data.
#pragma once

#include "../server/servertestsupport.h"

#include "changeapplier.h"
#include "database.h"
#include "entitymapping.h"
#include "outboxstore.h"
#include "synccontroller.h"

#include <QHash>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace SyncFixture {

using namespace ClassDesk;
using namespace std::chrono_literals;

// Fast retries and no timers, so a test decides when a sync runs.
inline SyncSettings testSettings()
{
    SyncSettings settings;
    settings.periodicInterval = 0ms;
    settings.outboxPollInterval = 0ms;
    settings.retryBaseDelay = 50ms;
    settings.retryMaxDelay = 400ms;
    settings.offlineMaxDelay = 400ms;
    settings.requestTimeout = 10s;
    return settings;
}

// "http://127.0.0.1:PORT" from the server's ".../api/v1/" address.
inline QString serverAddress(const ServerTestSupport::ServerProcess &server)
{
    QString address = server.baseUrl();
    address.chop(int(QStringLiteral("/api/v1/").size()));
    return address;
}

// The thread every device's engine runs in: QtKeychain's Linux backend
// serves one thread per process, as the app has one sync thread.
inline QThread &workerThread()
{
    static QThread *s_thread = [] {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("test-sync"));
        thread->start();
        QObject::connect(qApp, &QCoreApplication::aboutToQuit, thread, [thread] {
            thread->quit();
            thread->wait();
        });
        return thread;
    }();
    return *s_thread;
}

// One installation of ClassDesk: its database file and its sync engine.
struct Device
{
    QTemporaryDir folder;
    std::unique_ptr<Database> database;
    std::unique_ptr<SyncController> sync;

    QString path() const { return folder.filePath(QStringLiteral("classdesk.sqlite3")); }

    bool open(const SyncSettings &settings = testSettings())
    {
        auto opened = Database::open(path());
        if (!opened)
            return false;
        database = std::move(*opened);
        sync = std::make_unique<SyncController>(path(), settings, &workerThread());
        return true;
    }

    // Signs in and waits for the first sync to end; true when it succeeded.
    bool signIn(const ServerTestSupport::ServerProcess &server, const QString &account, const QString &password,
                int timeoutMs = 20000)
    {
        QSignalSpy finished(sync.get(), &SyncController::syncFinished);
        sync->signIn(serverAddress(server), account, password);
        return waitForSuccess(finished, timeoutMs);
    }

    // Starts a sync and waits until one succeeds; the engine retries failures by itself.
    bool syncUntilDone(int timeoutMs = 30000)
    {
        QSignalSpy finished(sync.get(), &SyncController::syncFinished);
        sync->syncNow();
        return waitForSuccess(finished, timeoutMs);
    }

    static bool waitForSuccess(QSignalSpy &finished, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        qsizetype seen = 0;
        while (timer.elapsed() < timeoutMs) {
            if (finished.size() == seen && !finished.wait(int(std::max<qint64>(1, timeoutMs - timer.elapsed()))))
                return false;
            for (; seen < finished.size(); ++seen) {
                if (finished.at(seen).at(0).toBool())
                    return true;
            }
        }
        return false;
    }

    QString schoolId() const
    {
        auto statement = database->prepare("SELECT id FROM school WHERE server_version IS NOT NULL LIMIT 1");
        return statement && statement->step().value_or(false) ? statement->textAt(0) : QString();
    }

    int scalar(const char *sql, const QString &argument = {}) const
    {
        auto statement = database->prepare(sql);
        if (!statement)
            return -1;
        if (!argument.isNull())
            statement->bind(1, argument);
        return statement->step().value_or(false) ? int(statement->int64At(0)) : -1;
    }
};

// The server's current state for one teacher: entity id -> last change.
inline QHash<QString, QJsonObject> serverState(const ServerTestSupport::ServerProcess &server, const QString &token)
{
    QHash<QString, QJsonObject> latest;
    QString cursor;
    for (;;) {
        QString relative = QStringLiteral("changes?limit=1000");
        if (!cursor.isEmpty())
            relative += QStringLiteral("&cursor=") + cursor;
        const auto reply = server.call("GET", relative, token, QStringLiteral("/changes"));
        const QJsonObject page = reply.json();
        for (const QJsonValue change : page.value(QStringLiteral("changes")).toArray())
            latest.insert(change[QStringLiteral("id")].toString(), change.toObject());
        cursor = page.value(QStringLiteral("next_cursor")).toString();
        if (!page.value(QStringLiteral("has_more")).toBool())
            return latest;
    }
}

inline QString storedForm(const QJsonValue &value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("<null>");
    return value.toString();
}

// The lesson's courseware ids in the order the lesson_courseware links keep.
inline QStringList linkedCourseware(Device &device, const QString &lessonId)
{
    QStringList ids;
    auto statement = device.database->prepare(
        "SELECT courseware_id FROM lesson_courseware WHERE lesson_id = ? ORDER BY position, courseware_id");
    if (!statement)
        return {QStringLiteral("<prepare failed>")};
    statement->bind(1, lessonId);
    while (statement->step().value_or(false))
        ids.append(statement->textAt(0));
    return ids;
}

// Lists every difference between the device's rows and the server's
// entities; empty when they hold the same data.
inline QStringList differences(Device &device, const QHash<QString, QJsonObject> &server)
{
    QStringList problems;
    const QString schoolId = device.schoolId();
    const QStringList tables = {QStringLiteral("school"),     QStringLiteral("class"),
                                QStringLiteral("student"),    QStringLiteral("course"),
                                QStringLiteral("lesson"),     QStringLiteral("courseware"),
                                QStringLiteral("assignment"), QStringLiteral("attendance_session"),
                                QStringLiteral("attendance_record"), QStringLiteral("submission")};
    QSet<QString> localLive;
    for (const QString &table : tables) {
        const QByteArray sql = QStringLiteral("SELECT * FROM %1 WHERE deleted_at IS NULL").arg(table).toUtf8();
        auto statement = device.database->prepare(sql.constData());
        while (statement && statement->step().value_or(false)) {
            const QJsonObject row = statement->rowObject();
            const QString id = row.value(QStringLiteral("id")).toString();
            localLive.insert(id);
            const QJsonObject change = server.value(id);
            if (change.isEmpty() || change.value(QStringLiteral("op")).toString() != QLatin1String("upsert")) {
                problems << QStringLiteral("%1 %2 is live locally but not on the server").arg(table, id);
                continue;
            }
            if (row.value(QStringLiteral("server_version")).toInteger() != change.value(QStringLiteral("version")).toInteger())
                problems << QStringLiteral("%1 %2 has version %3 locally, %4 on the server")
                                .arg(table, id)
                                .arg(row.value(QStringLiteral("server_version")).toInteger())
                                .arg(change.value(QStringLiteral("version")).toInteger());
            const auto columns = EntityMapping::toLocalColumns(table, change.value(QStringLiteral("data")).toObject(),
                                                               schoolId);
            for (const auto &column : columns) {
                if (EntityMapping::isInsertOnly(table, column.name))
                    continue;
                const QString expected = storedForm(column.value);
                const QString actual = storedForm(row.value(column.name));
                if (expected != actual)
                    problems << QStringLiteral("%1 %2 field %3: local %4, server %5")
                                    .arg(table, id, column.name, actual, expected);
            }
            if (table == QLatin1String("lesson")) {
                const QStringList expected =
                    EntityMapping::lessonCoursewareIds(change.value(QStringLiteral("data")).toObject());
                const QStringList actual = linkedCourseware(device, id);
                if (expected != actual)
                    problems << QStringLiteral("lesson %1 courseware: local %2, server %3")
                                    .arg(id, actual.join(QLatin1Char(',')), expected.join(QLatin1Char(',')));
            }
        }
    }
    for (auto it = server.cbegin(); it != server.cend(); ++it) {
        if (it->value(QStringLiteral("op")).toString() == QLatin1String("upsert") && !localLive.contains(it.key()))
            problems << QStringLiteral("%1 %2 is on the server but not live locally")
                            .arg(it->value(QStringLiteral("entity")).toString(), it.key());
    }
    return problems;
}

} // namespace SyncFixture
