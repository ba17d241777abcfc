// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attendancestore.h"
#include "classstore.h"

#include <QAbstractListModel>
#include <QDate>
#include <QHash>

#include <optional>

namespace ClassDesk {

class Workspace;

// The students of one class with their marks in one attendance session
// (class, civil date, period). Every change is written to the store before the
// model shows it, so every mark on screen survives a power cut.
class AttendanceModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        StudentIdRole = Qt::UserRole + 1,
        StudentNumberRole,
        StatusRole, // int (AttendanceStatus), or an invalid QVariant while unmarked
        NoteRole,
    };

    explicit AttendanceModel(Workspace &workspace, QObject *parent = nullptr);

    // Shows the class's students and their marks on `date` in `period`. The
    // session itself is created only with the first mark.
    void load(const QString &classId, QDate date, int period);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] std::optional<AttendanceStatus> status(int row) const;
    [[nodiscard]] QString note(int row) const;

    // Each returns false, after emitting errorOccurred(), when the store failed.
    bool setStatus(int row, AttendanceStatus status);
    // Unmarked → present → late → absent → leave → early leave → present.
    bool cycleStatus(int row);
    // Keeps the status; an unmarked student is marked present with the note.
    bool setNote(int row, const QString &note);
    // Marks every unmarked student present in one transaction.
    bool markAllPresent();

    // Counts per status, and how many students have no mark yet.
    [[nodiscard]] AttendanceCounts counts() const;
    [[nodiscard]] int unmarkedCount() const;

    [[nodiscard]] QString sessionId() const { return m_sessionId; }
    [[nodiscard]] QString classId() const { return m_classId; }

signals:
    void countsChanged();
    // The students were read again after a change to the classes, off the UI thread.
    void studentsRefreshed();
    // `message` is translated and states what failed and what to do.
    void errorOccurred(const QString &message);

private:
    // Reads the class's students again on a worker thread; applyStudents()
    // updates the rows in place.
    void refreshStudents();
    void applyStudents(const Result<QList<Student>> &students, quint64 generation);
    void reloadMarks();
    void reportError(const Error &error);
    [[nodiscard]] bool ensureSession();

    Workspace &m_workspace;
    QString m_classId;
    QDate m_date;
    int m_period = 1;
    QString m_sessionId;
    QList<Student> m_students;
    QHash<QString, AttendanceMark> m_marks; // by student id
    quint64 m_loadGeneration = 0; // drops student reads started before the last load()
    bool m_refreshRunning = false;
    bool m_refreshAgain = false; // the classes changed during the running read
};

// The translated name of a status ("Present", "出勤").
[[nodiscard]] QString attendanceStatusName(AttendanceStatus status);

} // namespace ClassDesk
