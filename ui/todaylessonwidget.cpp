// SPDX-License-Identifier: GPL-3.0-or-later
#include "todaylessonwidget.h"

#include "assignmentstore.h"
#include "attendancestore.h"
#include "classstore.h"
#include "coursewarepickerdialog.h"
#include "uilogging.h"
#include "workspace.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

namespace ClassDesk {

namespace {

QString assignmentStateLabel(AssignmentState state)
{
    switch (state) {
    case AssignmentState::Scheduled: return TodayLessonWidget::tr("scheduled");
    case AssignmentState::Published: return TodayLessonWidget::tr("published");
    case AssignmentState::Draft: break;
    }
    return TodayLessonWidget::tr("draft");
}

} // namespace

TodayLessonWidget::TodayLessonWidget(Workspace &workspace, const LessonInfo &lesson, QWidget *parent)
    : QFrame(parent)
    , m_workspace(workspace)
    , m_lesson(lesson)
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("lesson-%1").arg(lesson.id));

    m_titleLabel = new QLabel(tr("Period %1 · %2 · %3").arg(lesson.period).arg(lesson.courseName, lesson.className),
                              this);
    m_titleLabel->setObjectName(QStringLiteral("lessonTitle"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_titleLabel->setFont(titleFont);
    setAccessibleName(m_titleLabel->text());

    m_coursewareLabel = new QLabel(this);
    m_coursewareLabel->setObjectName(QStringLiteral("coursewareLabel"));
    m_coursewareLabel->setWordWrap(true);
    m_assignmentLabel = new QLabel(this);
    m_assignmentLabel->setObjectName(QStringLiteral("assignmentLabel"));
    m_assignmentLabel->setWordWrap(true);
    m_attendanceLabel = new QLabel(this);
    m_attendanceLabel->setObjectName(QStringLiteral("attendanceLabel"));
    m_attendanceLabel->setWordWrap(true);

    m_coursewareButton = new QPushButton(tr("Courseware…"), this);
    m_coursewareButton->setObjectName(QStringLiteral("coursewareButton"));
    m_coursewareButton->setAccessibleName(tr("Choose courseware for %1").arg(m_titleLabel->text()));
    m_assignmentButton = new QPushButton(tr("Add assignment"), this);
    m_assignmentButton->setObjectName(QStringLiteral("assignmentButton"));
    m_assignmentButton->setAccessibleName(tr("Add an assignment to %1").arg(m_titleLabel->text()));
    m_assignmentMenu = new QMenu(m_assignmentButton);
    m_assignmentButton->setMenu(m_assignmentMenu);
    m_editAssignmentButton = new QPushButton(tr("Edit assignment"), this);
    m_editAssignmentButton->setObjectName(QStringLiteral("editAssignmentButton"));
    m_editAssignmentButton->setAccessibleName(tr("Edit the assignment of %1").arg(m_titleLabel->text()));

    m_publishButton = new QPushButton(tr("Publish lesson"), this);
    m_publishButton->setObjectName(QStringLiteral("publishButton"));
    m_publishButton->setAccessibleName(tr("Publish %1").arg(m_titleLabel->text()));
    m_publishButton->setToolTip(tr("Queue the courseware for upload, publish the assignment and open "
                                   "attendance, all at once"));
    QFont publishFont = m_publishButton->font();
    publishFont.setBold(true);
    m_publishButton->setFont(publishFont);
    m_publishButton->setMinimumHeight(36);

    auto *grid = new QGridLayout;
    grid->setColumnStretch(0, 1);
    grid->addWidget(m_coursewareLabel, 0, 0);
    grid->addWidget(m_coursewareButton, 0, 1);
    grid->addWidget(m_assignmentLabel, 1, 0);
    auto *assignmentButtons = new QHBoxLayout;
    assignmentButtons->addWidget(m_editAssignmentButton);
    assignmentButtons->addWidget(m_assignmentButton);
    grid->addLayout(assignmentButtons, 1, 1);
    grid->addWidget(m_attendanceLabel, 2, 0);

    auto *header = new QHBoxLayout;
    header->addWidget(m_titleLabel, 1);
    header->addWidget(m_publishButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(grid);

    connect(m_coursewareButton, &QPushButton::clicked, this, &TodayLessonWidget::chooseCourseware);
    connect(m_assignmentMenu, &QMenu::aboutToShow, this, &TodayLessonWidget::fillAssignmentMenu);
    connect(m_editAssignmentButton, &QPushButton::clicked, this, [this] {
        if (!m_assignmentIds.isEmpty())
            emit editAssignmentRequested(m_assignmentIds.first());
    });
    connect(m_publishButton, &QPushButton::clicked, this, [this] { emit publishRequested(m_lesson.id); });

    refresh();
}

QString TodayLessonWidget::titleText() const
{
    return m_titleLabel->text();
}

QString TodayLessonWidget::coursewareText() const
{
    return m_coursewareLabel->text();
}

QString TodayLessonWidget::assignmentText() const
{
    return m_assignmentLabel->text();
}

QString TodayLessonWidget::attendanceText() const
{
    return m_attendanceLabel->text();
}

void TodayLessonWidget::refresh()
{
    refreshCourseware();
    refreshAssignments();
    refreshAttendance();
}

void TodayLessonWidget::refreshCourseware()
{
    const auto courseware = m_workspace.lessonMaterials().courseware(m_lesson.id);
    if (!courseware) {
        reportError(courseware.error());
        return;
    }

    m_coursewareIds.clear();
    QStringList titles;
    int waiting = 0;
    for (const Courseware &item : *courseware) {
        m_coursewareIds.append(item.id);
        titles.append(item.title);
        if (item.uploadState == QLatin1String("queued"))
            ++waiting;
    }
    if (titles.isEmpty()) {
        m_coursewareLabel->setText(tr("Courseware: none prepared"));
        return;
    }
    QString text = tr("Courseware: %1").arg(QLocale().createSeparatedList(titles));
    if (waiting > 0)
        text += QLatin1Char(' ') + tr("(%n waiting for upload)", nullptr, waiting);
    m_coursewareLabel->setText(text);
}

void TodayLessonWidget::refreshAssignments()
{
    const auto ids = m_workspace.lessonMaterials().assignmentIds(m_lesson.id);
    if (!ids) {
        reportError(ids.error());
        return;
    }
    m_assignmentIds = *ids;

    QStringList parts;
    for (const QString &id : std::as_const(m_assignmentIds)) {
        const auto assignment = m_workspace.assignments().assignment(id);
        if (!assignment)
            continue;
        const QString title = assignment->title.trimmed().isEmpty() ? tr("(untitled)") : assignment->title;
        parts.append(tr("%1 (%2)").arg(title, assignmentStateLabel(assignment->state)));
    }
    m_assignmentLabel->setText(parts.isEmpty() ? tr("Assignment: none yet")
                                               : tr("Assignment: %1").arg(QLocale().createSeparatedList(parts)));
    m_editAssignmentButton->setVisible(!m_assignmentIds.isEmpty());
}

void TodayLessonWidget::refreshAttendance()
{
    const auto session = m_workspace.attendance().findSession(m_lesson.classId, m_lesson.date, m_lesson.period);
    if (!session) {
        reportError(session.error());
        return;
    }
    if (!session->has_value()) {
        m_attendanceLabel->setText(tr("Attendance: not opened yet"));
        return;
    }

    const auto counts = m_workspace.attendance().sessionCounts(**session);
    StudentFilter filter;
    filter.schoolId = m_workspace.schoolId();
    filter.classId = m_lesson.classId;
    const auto students = m_workspace.classes().students(filter);
    if (!counts || !students) {
        reportError(!counts ? counts.error() : students.error());
        return;
    }
    m_attendanceLabel->setText(tr("Attendance: open, %1 of %2 students marked, %3 absent")
                                   .arg(counts->total())
                                   .arg(students->size())
                                   .arg(counts->absent));
}

void TodayLessonWidget::chooseCourseware()
{
    CoursewarePickerDialog dialog(m_workspace, m_coursewareIds, this);
    dialog.setWindowTitle(tr("Courseware for %1").arg(m_titleLabel->text()));
    if (dialog.exec() == QDialog::Accepted)
        setCourseware(dialog.checkedIds());
}

void TodayLessonWidget::setCourseware(const QStringList &coursewareIds)
{
    LessonMaterialStore &materials = m_workspace.lessonMaterials();
    for (const QString &id : std::as_const(m_coursewareIds)) {
        if (coursewareIds.contains(id))
            continue;
        if (const auto status = materials.detachCourseware(m_lesson.id, id); !status) {
            reportError(status.error());
            return;
        }
    }
    for (const QString &id : coursewareIds) {
        if (const auto status = materials.attachCourseware(m_lesson.id, id); !status) {
            reportError(status.error());
            return;
        }
    }
    refreshCourseware();
}

void TodayLessonWidget::fillAssignmentMenu()
{
    m_assignmentMenu->clear();
    m_assignmentMenu->addAction(tr("New assignment for this lesson"), this, &TodayLessonWidget::createAssignment);

    const auto assignments = m_workspace.assignments().assignments(m_workspace.schoolId());
    bool separated = false;
    for (const Assignment &assignment : assignments.value_or(QList<Assignment>())) {
        if (assignment.state != AssignmentState::Draft || m_assignmentIds.contains(assignment.id))
            continue;
        if (!separated) {
            m_assignmentMenu->addSection(tr("Use a draft"));
            separated = true;
        }
        const QString title = assignment.title.trimmed().isEmpty() ? tr("(untitled)") : assignment.title;
        const QString id = assignment.id;
        m_assignmentMenu->addAction(title, this, [this, id] { linkAssignment(id); });
    }
}

void TodayLessonWidget::createAssignment()
{
    Assignment assignment;
    assignment.schoolId = m_workspace.schoolId();
    assignment.courseId = m_lesson.courseId;
    assignment.title = tr("%1 homework").arg(m_lesson.courseName);
    assignment.targetClassIds = {m_lesson.classId};
    const auto created = m_workspace.assignments().createAssignment(assignment);
    if (!created) {
        reportError(created.error());
        return;
    }
    // NOTE: creating and tying are two transactions; if tying fails, the
    // draft is still listed under Assignments and can be tied again.
    linkAssignment(*created);
    emit editAssignmentRequested(*created);
}

void TodayLessonWidget::linkAssignment(const QString &assignmentId)
{
    if (const auto status = m_workspace.lessonMaterials().setAssignmentLesson(assignmentId, m_lesson.id); !status) {
        reportError(status.error());
        return;
    }
    refreshAssignments();
}

void TodayLessonWidget::reportError(const Error &error)
{
    qCWarning(lcUi) << "Today lesson" << m_lesson.id << error.toLogString();
    emit errorOccurred(error.displayText());
}

} // namespace ClassDesk
