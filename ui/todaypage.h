// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lessonpublisher.h"

#include <QDate>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace ClassDesk {

class TodayLessonWidget;
class Workspace;

// The Today section: the lessons of the school's current civil date in period
// order, each with what was prepared for it and a one-click publish. After a
// publish a bar offers Undo for a few seconds.
class TodayPage : public QWidget
{
    Q_OBJECT

public:
    // How long the Undo bar stays after a publish, unless set otherwise.
    static constexpr int DefaultUndoMilliseconds = 8000;

    explicit TodayPage(Workspace &workspace, QWidget *parent = nullptr);

    // The day shown: today in the school's time zone, or a day before or
    // after it that the teacher moved to, to prepare a coming lesson.
    [[nodiscard]] QDate schoolDate() const { return m_date; }
    [[nodiscard]] QList<TodayLessonWidget *> lessonWidgets() const { return m_lessonWidgets; }
    [[nodiscard]] QWidget *undoBar() const { return m_undoBar; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] const std::optional<LessonPublication> &lastPublication() const { return m_lastPublication; }

    // Sets how long Undo is offered after a publish.
    void setUndoMilliseconds(int milliseconds);

public slots:
    // Reads today's date and lessons again.
    void reload();
    // Shows the day `days` after today (before it when negative).
    void showDay(int days);
    // Tells the page whether the platform is reachable, for the publish message.
    void setNetworkAvailable(bool available);
    void publishLesson(const QString &lessonId);
    void undoLastPublish();

signals:
    void editAssignmentRequested(const QString &assignmentId);

private:
    void buildLayout();
    void scheduleRefresh();
    void refreshLessons();
    void showStatus(const QString &text, bool isError);
    void closeUndoBar();

    Workspace &m_workspace;
    QDate m_date;
    int m_dayOffset = 0;
    std::optional<bool> m_networkAvailable; // empty until the sync layer reports
    std::optional<LessonPublication> m_lastPublication;
    QString m_queuedLessonId; // lesson the "queued" status line is about, if it shows
    QList<TodayLessonWidget *> m_lessonWidgets;

    QLabel *m_dateLabel = nullptr;
    QPushButton *m_todayButton = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QWidget *m_lessonList = nullptr;
    QVBoxLayout *m_lessonLayout = nullptr;
    QWidget *m_undoBar = nullptr;
    QLabel *m_undoLabel = nullptr;
    QPushButton *m_undoButton = nullptr;
    QTimer *m_undoTimer = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QTimer *m_dateTimer = nullptr;
};

} // namespace ClassDesk
