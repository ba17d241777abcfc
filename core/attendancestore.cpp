// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancestore.h"

#include "civiltime.h"
#include "outboxwriter.h"
#include "storesupport.h"

#include <QUuid>

#include <array>

namespace ClassDesk {

using StoreSupport::run;

namespace {

// Session and record ids are UUIDv5 names of their natural keys, so two
// devices that open the same session or mark the same student offline make
// the same ids and the platform sees one entity, never two to reconcile.
const QUuid &attendanceNamespace()
{
    static const QUuid s_namespace(QStringLiteral("6f1c3a52-8e0b-4d7a-9a43-2b5e0c7d9f18"));
    return s_namespace;
}

// Reads rows of id, class_id, date, period and lesson_id.
Result<QList<AttendanceSession>> readSessions(Statement &statement)
{
    QList<AttendanceSession> found;
    for (;;) {
        const auto row = statement.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return found;
        found.append(AttendanceSession{statement.textAt(0), statement.textAt(1),
                                       QDate::fromString(statement.textAt(2), Qt::ISODate),
                                       int(statement.int64At(3)), statement.textAt(4)});
    }
}

} // namespace

QString AttendanceStore::sessionIdFor(const QString &classId, const QString &dateText, int period)
{
    const QString name = QStringLiteral("session|%1|%2|%3").arg(classId, dateText).arg(period);
    return QUuid::createUuidV5(attendanceNamespace(), name).toString(QUuid::WithoutBraces);
}

QString AttendanceStore::recordIdFor(const QString &sessionId, const QString &studentId)
{
    const QString name = QStringLiteral("record|%1|%2").arg(sessionId, studentId);
    return QUuid::createUuidV5(attendanceNamespace(), name).toString(QUuid::WithoutBraces);
}

namespace {

constexpr std::array<std::pair<AttendanceStatus, const char *>, 5> StatusNames = {{
    {AttendanceStatus::Present, "present"},
    {AttendanceStatus::Late, "late"},
    {AttendanceStatus::Absent, "absent"},
    {AttendanceStatus::Leave, "leave"},
    {AttendanceStatus::EarlyLeave, "early_leave"},
}};

const QString RecordEntity = QStringLiteral("attendance_record");

Result<QList<AttendanceMark>> readMarks(Statement &statement)
{
    QList<AttendanceMark> marks;
    for (;;) {
        const auto row = statement.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return marks;
        AttendanceMark mark;
        mark.recordId = statement.textAt(0);
        mark.studentId = statement.textAt(1);
        mark.status = attendanceStatusFromText(statement.textAt(2)).value_or(AttendanceStatus::Absent);
        mark.note = statement.textAt(3);
        mark.markedAt = statement.int64At(4);
        mark.device = statement.textAt(5);
        marks.append(mark);
    }
}

Result<AttendanceCounts> readCounts(Statement &statement)
{
    AttendanceCounts counts;
    for (;;) {
        const auto row = statement.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return counts;
        const int count = int(statement.int64At(1));
        switch (attendanceStatusFromText(statement.textAt(0)).value_or(AttendanceStatus::Absent)) {
        case AttendanceStatus::Present: counts.present += count; break;
        case AttendanceStatus::Late: counts.late += count; break;
        case AttendanceStatus::Absent: counts.absent += count; break;
        case AttendanceStatus::Leave: counts.leave += count; break;
        case AttendanceStatus::EarlyLeave: counts.earlyLeave += count; break;
        }
    }
}

Result<std::optional<QString>> existingSession(Database &database, const QString &classId,
                                               const QString &date, int period)
{
    auto statement = database.prepare("SELECT id FROM attendance_session "
                                      "WHERE class_id = ? AND date = ? AND period = ?");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, classId).bind(2, date).bind(3, period);
    const auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? std::optional(statement->textAt(0)) : std::nullopt;
}

} // namespace

QString attendanceStatusText(AttendanceStatus status)
{
    for (const auto &[value, name] : StatusNames) {
        if (value == status)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<AttendanceStatus> attendanceStatusFromText(const QString &text)
{
    for (const auto &[value, name] : StatusNames) {
        if (text == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

std::optional<double> AttendanceCounts::rate() const
{
    if (total() == 0)
        return std::nullopt;
    return double(attended()) / double(total());
}

AttendanceStore::AttendanceStore(Database &database, QString device, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_device(std::move(device))
{
}

Result<QString> AttendanceStore::openSession(const QString &classId, QDate date, int period,
                                             const QString &lessonId)
{
    const QString dateText = CivilTime::dateText(date);
    QString id;
    bool created = false;
    const auto status = m_database.writeTransaction([&]() -> Status {
        // Checked under the write lock, so two threads opening it at once get one session.
        const auto existing = existingSession(m_database, classId, dateText, period);
        if (!existing)
            return std::unexpected(existing.error());
        if (existing->has_value()) {
            id = **existing;
            return {};
        }

        id = sessionIdFor(classId, dateText, period);
        created = true;
        const qint64 now = CivilTime::nowMs();
        const auto lesson = lessonId.isEmpty() ? std::nullopt : std::optional(lessonId);
        if (auto inserted = run(m_database,
                                "INSERT INTO attendance_session (id, class_id, date, period, lesson_id, "
                                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                id, classId, dateText, period, lesson, now, now);
            !inserted)
            return inserted;
        return OutboxWriter::recordRow(m_database, QStringLiteral("attendance_session"), id,
                                       QStringLiteral("create"));
    });
    if (!status)
        return std::unexpected(status.error());
    if (created)
        emit changed(QStringLiteral("attendance_session"), {id});
    return id;
}

Result<std::optional<QString>> AttendanceStore::findSession(const QString &classId, QDate date, int period)
{
    return existingSession(m_database, classId, CivilTime::dateText(date), period);
}

Result<QList<AttendanceSession>> AttendanceStore::sessions(const QString &classId, QDate from, QDate to)
{
    auto statement = m_database.prepare("SELECT id, class_id, date, period, coalesce(lesson_id, '') "
                                        "FROM attendance_session WHERE class_id = ? AND date BETWEEN ? AND ? "
                                        "AND deleted_at IS NULL ORDER BY date, period");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, classId).bind(2, CivilTime::dateText(from)).bind(3, CivilTime::dateText(to));
    return readSessions(*statement);
}

Result<AttendanceSession> AttendanceStore::session(const QString &sessionId)
{
    auto statement = m_database.prepare("SELECT id, class_id, date, period, coalesce(lesson_id, '') "
                                        "FROM attendance_session WHERE id = ?");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, sessionId);
    const auto found = readSessions(*statement);
    if (!found)
        return std::unexpected(found.error());
    if (found->isEmpty())
        return StoreSupport::notFound(QStringLiteral("attendance_session"), sessionId);
    return found->first();
}

Status AttendanceStore::mark(const QString &sessionId, const QString &studentId, AttendanceStatus status,
                             const QString &note)
{
    QString recordId;
    const auto result = m_database.writeTransaction(
        [&] { return writeMark(sessionId, studentId, status, note, &recordId); });
    if (result)
        emit changed(RecordEntity, {recordId});
    return result;
}

// Inserts or replaces the mark of one student; runs inside a write transaction.
Status AttendanceStore::writeMark(const QString &sessionId, const QString &studentId,
                                  AttendanceStatus status, const QString &note, QString *recordId)
{
    const qint64 now = CivilTime::nowMs();
    const QString statusText = attendanceStatusText(status);

    // The superseded mark goes to the history first (no-op for a first mark).
    if (auto kept = run(m_database,
                        "INSERT INTO attendance_record_history "
                        "(record_id, status, note, marked_at, device, superseded_at) "
                        "SELECT id, status, note, marked_at, device, ?1 FROM attendance_record "
                        "WHERE session_id = ?2 AND student_id = ?3",
                        now, sessionId, studentId);
        !kept)
        return kept;

    auto upsert = m_database.prepare(
        "INSERT INTO attendance_record (id, session_id, student_id, status, note, marked_at, device, "
        "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?6) "
        "ON CONFLICT (session_id, student_id) DO UPDATE SET status = excluded.status, "
        "note = excluded.note, marked_at = excluded.marked_at, device = excluded.device, "
        "updated_at = excluded.updated_at, deleted_at = NULL "
        "RETURNING id");
    if (!upsert)
        return std::unexpected(upsert.error());
    upsert->bind(1, recordIdFor(sessionId, studentId)).bind(2, sessionId).bind(3, studentId).bind(4, statusText);
    upsert->bind(5, note).bind(6, now).bind(7, m_device);
    const auto row = upsert->step();
    if (!row)
        return std::unexpected(row.error());
    *recordId = upsert->textAt(0);
    upsert->reset();

    // A fresh mark replaces one held back for a wrong clock. The held mark is
    // in the history now, so confirming it later must not bring it back.
    if (auto replaced = run(m_database,
                            "DELETE FROM outbox WHERE entity = 'attendance_record' AND entity_id = ? "
                            "AND state = 'parked' AND last_error = 'clock.suspect'",
                            *recordId);
        !replaced)
        return replaced;

    return OutboxWriter::recordRow(m_database, RecordEntity, *recordId, QStringLiteral("mark"));
}

Result<int> AttendanceStore::markAllPresent(const QString &sessionId)
{
    QStringList recordIds;
    const auto status = m_database.writeTransaction([&]() -> Status {
        recordIds.clear();
        auto unmarked = m_database.prepare(
            "SELECT st.id FROM attendance_session se JOIN student st ON st.class_id = se.class_id "
            "WHERE se.id = ?1 AND st.deleted_at IS NULL AND NOT EXISTS ("
            "  SELECT 1 FROM attendance_record r WHERE r.session_id = se.id AND r.student_id = st.id) "
            "ORDER BY st.student_number");
        if (!unmarked)
            return std::unexpected(unmarked.error());
        unmarked->bind(1, sessionId);

        QStringList studentIds;
        for (;;) {
            const auto row = unmarked->step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                break;
            studentIds.append(unmarked->textAt(0));
        }
        unmarked->reset();

        for (const QString &studentId : std::as_const(studentIds)) {
            QString recordId;
            if (auto written = writeMark(sessionId, studentId, AttendanceStatus::Present, {}, &recordId);
                !written)
                return written;
            recordIds.append(recordId);
        }
        return {};
    });
    if (!status)
        return std::unexpected(status.error());
    if (!recordIds.isEmpty())
        emit changed(RecordEntity, recordIds);
    return int(recordIds.size());
}

Result<QList<AttendanceMark>> AttendanceStore::marks(const QString &sessionId)
{
    auto statement = m_database.prepare(
        "SELECT r.id, r.student_id, r.status, r.note, r.marked_at, r.device FROM attendance_record r "
        "JOIN student st ON st.id = r.student_id "
        "WHERE r.session_id = ? AND r.deleted_at IS NULL ORDER BY st.student_number");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, sessionId);
    return readMarks(*statement);
}

Result<QList<AttendanceMark>> AttendanceStore::history(const QString &sessionId, const QString &studentId)
{
    auto statement = m_database.prepare(
        "SELECT h.record_id, r.student_id, h.status, h.note, h.marked_at, h.device "
        "FROM attendance_record_history h JOIN attendance_record r ON r.id = h.record_id "
        "WHERE r.session_id = ? AND r.student_id = ? ORDER BY h.id");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, sessionId).bind(2, studentId);
    return readMarks(*statement);
}

Result<AttendanceCounts> AttendanceStore::sessionCounts(const QString &sessionId)
{
    auto statement = m_database.prepare("SELECT status, count(*) FROM attendance_record "
                                        "WHERE session_id = ? AND deleted_at IS NULL GROUP BY status");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, sessionId);
    return readCounts(*statement);
}

Result<AttendanceCounts> AttendanceStore::studentCounts(const QString &studentId, QDate from, QDate to)
{
    auto statement = m_database.prepare(
        "SELECT r.status, count(*) FROM attendance_record r "
        "JOIN attendance_session se ON se.id = r.session_id "
        "WHERE r.student_id = ? AND se.date BETWEEN ? AND ? "
        "AND r.deleted_at IS NULL AND se.deleted_at IS NULL GROUP BY r.status");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, studentId).bind(2, CivilTime::dateText(from)).bind(3, CivilTime::dateText(to));
    return readCounts(*statement);
}

Result<AttendanceCounts> AttendanceStore::classCounts(const QString &classId, QDate from, QDate to)
{
    auto statement = m_database.prepare(
        "SELECT r.status, count(*) FROM attendance_session se "
        "JOIN attendance_record r ON r.session_id = se.id "
        "WHERE se.class_id = ? AND se.date BETWEEN ? AND ? "
        "AND r.deleted_at IS NULL AND se.deleted_at IS NULL GROUP BY r.status");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, classId).bind(2, CivilTime::dateText(from)).bind(3, CivilTime::dateText(to));
    return readCounts(*statement);
}

} // namespace ClassDesk

namespace ClassDesk {

namespace {

const QString ClockSuspect = QStringLiteral("clock.suspect");
const QString ClockConfirmed = QStringLiteral("clock.confirmed");

// A day plus the widest time zone offset (14 h), so the rule is right in any
// school's zone without converting each date.
constexpr qint64 EarlyMarkSlackSeconds = (24 + 14) * 3600;

} // namespace

Result<QStringList> AttendanceStore::holdImplausibleMarks(qint64 earliestMs, qint64 latestMs)
{
    QStringList held;
    const auto status = m_database.writeTransaction([&]() -> Status {
        held.clear();
        auto suspect = m_database.prepare(
            "SELECT DISTINCT r.id FROM outbox o JOIN attendance_record r ON r.id = o.entity_id "
            "JOIN attendance_session s ON s.id = r.session_id "
            "WHERE o.entity = 'attendance_record' AND o.state = 'pending' "
            "AND coalesce(o.last_error, '') <> ?1 "
            "AND (r.marked_at < ?2 OR r.marked_at > ?3 "
            "     OR r.marked_at < (CAST(strftime('%s', s.date) AS INTEGER) - ?4) * 1000)");
        if (!suspect)
            return std::unexpected(suspect.error());
        suspect->bind(1, ClockConfirmed).bind(2, earliestMs).bind(3, latestMs).bind(4, EarlyMarkSlackSeconds);
        for (;;) {
            const auto row = suspect->step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                break;
            held.append(suspect->textAt(0));
        }
        suspect->reset();

        for (const QString &id : std::as_const(held)) {
            if (auto parked = run(m_database,
                                  "UPDATE outbox SET state = 'parked', last_error = ?1, updated_at = ?2 "
                                  "WHERE entity = 'attendance_record' AND entity_id = ?3 AND state = 'pending'",
                                  ClockSuspect, CivilTime::nowMs(), id);
                !parked) {
                return parked;
            }
        }
        return {};
    });
    if (!status)
        return std::unexpected(status.error());
    if (!held.isEmpty())
        emit changed(RecordEntity, held);
    return held;
}

Result<QList<HeldMark>> AttendanceStore::heldMarks()
{
    auto statement = m_database.prepare(
        "SELECT r.id, r.session_id, coalesce(st.name, ''), s.date, s.period, r.status, r.marked_at "
        "FROM attendance_record r JOIN attendance_session s ON s.id = r.session_id "
        "LEFT JOIN student st ON st.id = r.student_id "
        "WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'attendance_record' AND o.entity_id = r.id "
        "              AND o.state = 'parked' AND o.last_error = ?) "
        "ORDER BY s.date, s.period, st.name");
    if (!statement)
        return std::unexpected(statement.error());
    statement->bind(1, ClockSuspect);
    QList<HeldMark> marks;
    for (;;) {
        const auto row = statement->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return marks;
        HeldMark mark;
        mark.recordId = statement->textAt(0);
        mark.sessionId = statement->textAt(1);
        mark.studentName = statement->textAt(2);
        mark.sessionDate = QDate::fromString(statement->textAt(3), Qt::ISODate);
        mark.period = int(statement->int64At(4));
        mark.status = attendanceStatusFromText(statement->textAt(5)).value_or(AttendanceStatus::Present);
        mark.markedAt = statement->int64At(6);
        marks.append(mark);
    }
}

Status AttendanceStore::confirmHeldMarks(const QStringList &recordIds)
{
    const qint64 now = CivilTime::nowMs();
    const auto status = m_database.writeTransaction([&]() -> Status {
        for (const QString &id : recordIds) {
            // The time the wrong clock showed stays visible in the history.
            if (auto kept = run(m_database,
                                "INSERT INTO attendance_record_history "
                                "(record_id, status, note, marked_at, device, superseded_at) "
                                "SELECT id, status, note, marked_at, device, ?1 FROM attendance_record WHERE id = ?2 "
                                "AND EXISTS (SELECT 1 FROM outbox WHERE entity = 'attendance_record' "
                                "AND entity_id = ?2 AND state = 'parked' AND last_error = ?3)",
                                now, id, ClockSuspect);
                !kept) {
                return kept;
            }
            if (auto stamped = run(m_database,
                                   "UPDATE attendance_record SET marked_at = ?1, updated_at = ?1 WHERE id = ?2 "
                                   "AND EXISTS (SELECT 1 FROM outbox WHERE entity = 'attendance_record' "
                                   "AND entity_id = ?2 AND state = 'parked' AND last_error = ?3)",
                                   now, id, ClockSuspect);
                !stamped) {
                return stamped;
            }
            if (auto released = run(m_database,
                                    "UPDATE outbox SET state = 'pending', last_error = ?1, updated_at = ?2, "
                                    "payload = json_set(payload, '$.marked_at', ?2, '$.updated_at', ?2) "
                                    "WHERE entity = 'attendance_record' AND entity_id = ?3 AND state = 'parked' "
                                    "AND last_error = ?4",
                                    ClockConfirmed, now, id, ClockSuspect);
                !released) {
                return released;
            }
        }
        return {};
    });
    if (status)
        emit changed(RecordEntity, recordIds);
    return status;
}

} // namespace ClassDesk
