// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lessonmaterialstore.h"

#include <QFrame>

class QLabel;
class QMenu;
class QPushButton;

namespace ClassDesk {

class Workspace;

// One lesson of the Today view: its courseware, its assignment and its
// attendance, buttons to prepare them, and the one-click publish.
class TodayLessonWidget : public QFrame
{
    Q_OBJECT

public:
    TodayLessonWidget(Workspace &workspace, const LessonInfo &lesson, QWidget *parent = nullptr);

    [[nodiscard]] QString lessonId() const { return m_lesson.id; }
    [[nodiscard]] const LessonInfo &lesson() const { return m_lesson; }
    [[nodiscard]] QPushButton *publishButton() const { return m_publishButton; }
    [[nodiscard]] QString titleText() const;
    [[nodiscard]] QString coursewareText() const;
    [[nodiscard]] QString assignmentText() const;
    [[nodiscard]] QString attendanceText() const;

public slots:
    // Reads the lesson's courseware, assignment and attendance again.
    void refresh();
    // Replaces the lesson's courseware with `coursewareIds`, in that order.
    void setCourseware(const QStringList &coursewareIds);
    // Creates a draft for this lesson's course and class, tied to the lesson.
    void createAssignment();
    // Ties an existing assignment to this lesson.
    void linkAssignment(const QString &assignmentId);

signals:
    void publishRequested(const QString &lessonId);
    void editAssignmentRequested(const QString &assignmentId);
    void errorOccurred(const QString &message);

private:
    void chooseCourseware();
    void fillAssignmentMenu();
    void refreshCourseware();
    void refreshAssignments();
    void refreshAttendance();
    void reportError(const Error &error);

    Workspace &m_workspace;
    LessonInfo m_lesson;
    QStringList m_coursewareIds;
    QStringList m_assignmentIds;

    QLabel *m_titleLabel = nullptr;
    QLabel *m_coursewareLabel = nullptr;
    QLabel *m_assignmentLabel = nullptr;
    QLabel *m_attendanceLabel = nullptr;
    QPushButton *m_coursewareButton = nullptr;
    QPushButton *m_assignmentButton = nullptr;
    QMenu *m_assignmentMenu = nullptr;
    QPushButton *m_editAssignmentButton = nullptr;
    QPushButton *m_publishButton = nullptr;
};

} // namespace ClassDesk
