// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

namespace ClassDesk {

class Database;

// The changes one publish of a lesson made, kept so the publish can be undone.
struct LessonPublication
{
    struct CoursewareChange
    {
        QString id;
        QString previousUploadState;
    };
    struct AssignmentChange
    {
        QString id;
        QString previousState;
        std::optional<qint64> previousPublishAt;
        qint64 outboxSeq = 0; // the pending entry that carries the publish
    };

    QString lessonId;
    qint64 publishedAt = 0; // UTC ms
    QList<CoursewareChange> courseware;
    QList<AssignmentChange> assignments;
    QString sessionId;          // the lesson's attendance session
    bool sessionCreated = false; // false when the teacher had opened it before
    qint64 sessionOutboxSeq = 0; // the pending create of a session made by the publish

    // True when the publish found nothing left to send.
    [[nodiscard]] bool isEmpty() const
    {
        return courseware.isEmpty() && assignments.isEmpty() && !sessionCreated;
    }
};

// The one-click publish of a prepared lesson. In one transaction it queues the
// lesson's courseware (and the assignments' attachments) for upload, publishes
// the lesson's draft and scheduled assignments now, and opens the lesson's
// attendance session, each change with its outbox row. Nothing goes over the
// network here: the sync engine and the upload queue send it when they can.
class LessonPublisher : public QObject
{
    Q_OBJECT

public:
    explicit LessonPublisher(Database &database, QObject *parent = nullptr);

    [[nodiscard]] Result<LessonPublication> publish(const QString &lessonId);

    // Reverts a publish in one transaction while nothing of it was sent: the
    // courseware must still be queued and the outbox entries still pending.
    // Assignment changes are written as updates that fold into the pending
    // entry. A session the publish created is removed with its pending
    // create, which the platform never saw.
    [[nodiscard]] Status undo(const LessonPublication &publication);

    // Whether undo() would still succeed; it reads without writing.
    [[nodiscard]] Result<bool> canUndo(const LessonPublication &publication);

signals:
    // Emitted after a commit that changed rows of `entity` (courseware,
    // assignment or attendance_session).
    void changed(const QString &entity, const QStringList &ids);

private:
    [[nodiscard]] Status publishInTransaction(const QString &lessonId, LessonPublication *publication);
    [[nodiscard]] Status undoInTransaction(const LessonPublication &publication);
    [[nodiscard]] Status checkUndoable(const LessonPublication &publication);
    void emitChanges(const LessonPublication &publication);

    Database &m_database;
};

} // namespace ClassDesk
