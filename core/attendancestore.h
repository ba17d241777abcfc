// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QDate>
#include <QList>
#include <QObject>

#include <optional>

namespace ClassDesk {

class Database;

enum class AttendanceStatus { Present, Late, Absent, Leave, EarlyLeave };

// The stored names: present, late, absent, leave, early_leave.
[[nodiscard]] QString attendanceStatusText(AttendanceStatus status);
[[nodiscard]] std::optional<AttendanceStatus> attendanceStatusFromText(const QString &text);

struct AttendanceMark
{
    QString recordId;
    QString studentId;
    AttendanceStatus status = AttendanceStatus::Present;
    QString note;
    qint64 markedAt = 0; // UTC ms
    QString device;
};

// One attendance session: a class on a civil date in one period.
struct AttendanceSession
{
    QString id;
    QString classId;
    QDate date;
    int period = 1;
    QString lessonId; // empty when the session belongs to no timetable lesson
};

// A mark kept from the platform because this computer's clock was
// implausible when it was taken; the teacher confirms it first.
struct HeldMark
{
    QString recordId;
    QString sessionId;
    QString studentName;
    QDate sessionDate;
    int period = 1;
    AttendanceStatus status = AttendanceStatus::Present;
    qint64 markedAt = 0; // UTC ms, as the wrong clock showed it
};

// Marks counted by status. A student counts as attending when present, late
// or leaving early; leave (excused absence) and absence count as not attending.
struct AttendanceCounts
{
    int present = 0;
    int late = 0;
    int absent = 0;
    int leave = 0;
    int earlyLeave = 0;

    [[nodiscard]] int total() const { return present + late + absent + leave + earlyLeave; }
    [[nodiscard]] int attended() const { return present + late + earlyLeave; }
    // attended() / total(), or nothing when no mark was counted.
    [[nodiscard]] std::optional<double> rate() const;
};

// Attendance sessions (one class, one civil date, one period) and the marks in them.
class AttendanceStore : public QObject
{
    Q_OBJECT

public:
    // `device` names this installation in every mark it makes.
    AttendanceStore(Database &database, QString device, QObject *parent = nullptr);

    // The id of the class's session on a civil date (YYYY-MM-DD) and period: a
    // UUIDv5 of that key, so every device that opens it offline makes the same id.
    [[nodiscard]] static QString sessionIdFor(const QString &classId, const QString &dateText, int period);

    // The id of a student's mark in a session, a UUIDv5 of the pair like sessionIdFor().
    [[nodiscard]] static QString recordIdFor(const QString &sessionId, const QString &studentId);

    // Returns the session of the class on `date` and `period`, creating it on
    // first use; opening it again returns the same id.
    [[nodiscard]] Result<QString> openSession(const QString &classId, QDate date, int period,
                                              const QString &lessonId = {});

    // Marks one student. A mark that replaces an earlier one keeps the earlier
    // one in the record's history.
    [[nodiscard]] Status mark(const QString &sessionId, const QString &studentId,
                              AttendanceStatus status, const QString &note = {});

    // Marks every student of the session's class who has no mark yet as
    // present, in one transaction; existing marks stay. Returns how many
    // students were marked.
    [[nodiscard]] Result<int> markAllPresent(const QString &sessionId);

    // The session of the class on `date` and `period`, or nothing when no one
    // has opened it yet. Unlike openSession() it never writes.
    [[nodiscard]] Result<std::optional<QString>> findSession(const QString &classId, QDate date, int period);

    // The class's sessions whose civil date lies in [from, to], by date and period.
    [[nodiscard]] Result<QList<AttendanceSession>> sessions(const QString &classId, QDate from, QDate to);
    // The session with `sessionId`, also when it was deleted since; an entry
    // waiting in the outbox may still name it.
    [[nodiscard]] Result<AttendanceSession> session(const QString &sessionId);

    [[nodiscard]] Result<QList<AttendanceMark>> marks(const QString &sessionId);
    // The superseded marks of one student in a session, oldest first.
    [[nodiscard]] Result<QList<AttendanceMark>> history(const QString &sessionId, const QString &studentId);

    [[nodiscard]] Result<AttendanceCounts> sessionCounts(const QString &sessionId);
    // Counts over the sessions whose civil date lies in [from, to].
    [[nodiscard]] Result<AttendanceCounts> studentCounts(const QString &studentId, QDate from, QDate to);
    [[nodiscard]] Result<AttendanceCounts> classCounts(const QString &classId, QDate from, QDate to);

    // Holds back the unsent marks taken under an implausible clock: marked
    // before `earliestMs` or after `latestMs` (UTC ms, bounds the sync engine
    // derives from the platform's time), or more than a day before their
    // session's date. Their outbox entries are parked with the reason
    // "clock.suspect" until the teacher confirms them; confirmed marks are not
    // held again. Returns the ids of the records held by this call.
    [[nodiscard]] Result<QStringList> holdImplausibleMarks(qint64 earliestMs, qint64 latestMs);
    // The marks held back for the teacher, oldest session first.
    [[nodiscard]] Result<QList<HeldMark>> heldMarks();
    // The teacher vouches for held marks: each keeps its status, takes the
    // current time as its marking time (the wrong one stays in the history)
    // and goes to the platform at the next sync.
    [[nodiscard]] Status confirmHeldMarks(const QStringList &recordIds);

signals:
    // Emitted after a commit that changed rows of `entity`.
    void changed(const QString &entity, const QStringList &ids);

private:
    [[nodiscard]] Status writeMark(const QString &sessionId, const QString &studentId,
                                   AttendanceStatus status, const QString &note, QString *recordId);

    Database &m_database;
    QString m_device;
};

} // namespace ClassDesk
