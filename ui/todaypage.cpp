// SPDX-License-Identifier: GPL-3.0-or-later
#include "todaypage.h"

#include "assignmentstore.h"
#include "attendancestore.h"
#include "civiltime.h"
#include "classstore.h"
#include "coursestore.h"
#include "coursewarestore.h"
#include "lessonmaterialstore.h"
#include "schoolstore.h"
#include "todaylessonwidget.h"
#include "uilogging.h"
#include "workspace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace ClassDesk {

namespace {

// How often the page checks whether the school's date has moved on.
constexpr int DateCheckMilliseconds = 60 * 1000;

} // namespace

TodayPage::TodayPage(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_undoTimer(new QTimer(this))
    , m_refreshTimer(new QTimer(this))
    , m_dateTimer(new QTimer(this))
{
    buildLayout();

    m_undoTimer->setSingleShot(true);
    m_undoTimer->setInterval(DefaultUndoMilliseconds);
    connect(m_undoTimer, &QTimer::timeout, this, &TodayPage::closeUndoBar);
    connect(m_undoButton, &QPushButton::clicked, this, &TodayPage::undoLastPublish);

    // Store signals arrive in bursts (a publish touches three stores), and a
    // lesson widget may be the sender, so the refresh runs from the event loop.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &TodayPage::refreshLessons);
    const auto refresh = [this] { scheduleRefresh(); };
    connect(&workspace.courses(), &CourseStore::changed, this, refresh);
    connect(&workspace.assignments(), &AssignmentStore::changed, this, refresh);
    connect(&workspace.courseware(), &CoursewareStore::changed, this, refresh);
    connect(&workspace.attendance(), &AttendanceStore::changed, this, refresh);
    connect(&workspace.lessonMaterials(), &LessonMaterialStore::changed, this, refresh);
    connect(&workspace.classes(), &ClassStore::changed, this, refresh);

    m_dateTimer->setInterval(DateCheckMilliseconds);
    connect(m_dateTimer, &QTimer::timeout, this, [this] {
        const auto today = m_workspace.schools().dateAt(m_workspace.schoolId(), CivilTime::nowMs());
        if (today && *today != m_date)
            reload();
    });
    m_dateTimer->start();

    reload();
}

void TodayPage::buildLayout()
{
    m_dateLabel = new QLabel(this);
    m_dateLabel->setObjectName(QStringLiteral("dateLabel"));
    QFont dateFont = m_dateLabel->font();
    dateFont.setPointSizeF(dateFont.pointSizeF() * 1.4);
    dateFont.setBold(true);
    m_dateLabel->setFont(dateFont);

    // On a weekend or in the evening the teacher prepares the next school day.
    auto *previousButton = new QPushButton(tr("‹ &Previous Day"), this);
    previousButton->setObjectName(QStringLiteral("previousDayButton"));
    connect(previousButton, &QPushButton::clicked, this, [this] { showDay(m_dayOffset - 1); });
    m_todayButton = new QPushButton(tr("&Today"), this);
    m_todayButton->setObjectName(QStringLiteral("todayButton"));
    connect(m_todayButton, &QPushButton::clicked, this, [this] { showDay(0); });
    auto *nextButton = new QPushButton(tr("&Next Day ›"), this);
    nextButton->setObjectName(QStringLiteral("nextDayButton"));
    connect(nextButton, &QPushButton::clicked, this, [this] { showDay(m_dayOffset + 1); });
    auto *dateRow = new QHBoxLayout;
    dateRow->addWidget(m_dateLabel, 1);
    dateRow->addWidget(previousButton);
    dateRow->addWidget(m_todayButton);
    dateRow->addWidget(nextButton);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->hide();

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setWordWrap(true);

    m_lessonList = new QWidget(this);
    m_lessonList->setObjectName(QStringLiteral("lessonList"));
    m_lessonLayout = new QVBoxLayout(m_lessonList);
    m_lessonLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("lessonScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_lessonList);

    m_undoBar = new QFrame(this);
    m_undoBar->setObjectName(QStringLiteral("undoBar"));
    m_undoBar->setStyleSheet(QStringLiteral("#undoBar { background: #323232; border-radius: 4px; } "
                                            "#undoBar QLabel { color: white; }"));
    m_undoLabel = new QLabel(m_undoBar);
    m_undoLabel->setObjectName(QStringLiteral("undoLabel"));
    m_undoLabel->setWordWrap(true);
    m_undoButton = new QPushButton(tr("&Undo"), m_undoBar);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    m_undoButton->setShortcut(QKeySequence::Undo);
    m_undoButton->setAccessibleName(tr("Undo the publish"));
    auto *undoLayout = new QHBoxLayout(m_undoBar);
    undoLayout->addWidget(m_undoLabel, 1);
    undoLayout->addWidget(m_undoButton);
    m_undoBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(dateRow);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_undoBar);
}

QString TodayPage::statusText() const
{
    return m_statusLabel->text();
}

void TodayPage::reload()
{
    const auto zone = m_workspace.schools().timeZone(m_workspace.schoolId());
    if (!zone) {
        showStatus(zone.error().displayText(), true);
        return;
    }
    m_date = CivilTime::dateAt(CivilTime::nowMs(), *zone).addDays(m_dayOffset);
    // The queued note names a lesson of the day shown before.
    if (!m_queuedLessonId.isEmpty())
        showStatus({}, false);
    const QString dateText = QLocale().toString(m_date, QLocale::LongFormat);
    m_dateLabel->setText(m_dayOffset == 0 ? tr("Today, %1").arg(dateText) : dateText);
    m_emptyLabel->setText(m_dayOffset == 0 ? tr("No lessons today. Lessons from the timetable appear here.")
                                           : tr("No lessons on this day."));
    m_todayButton->setEnabled(m_dayOffset != 0);
    m_dateLabel->setToolTip(tr("The school's date in %1").arg(QString::fromUtf8(zone->id())));

    // A new day gets new widgets.
    for (TodayLessonWidget *widget : std::as_const(m_lessonWidgets))
        widget->deleteLater();
    m_lessonWidgets.clear();
    refreshLessons();
}

void TodayPage::showDay(int days)
{
    m_dayOffset = days;
    reload();
}

void TodayPage::scheduleRefresh()
{
    m_refreshTimer->start();
}

void TodayPage::refreshLessons()
{
    // The signed-in teacher's timetable; before any sign-in, every local lesson.
    const auto teacherId = m_workspace.lessonMaterials().signedInTeacherId();
    if (!teacherId) {
        showStatus(teacherId.error().displayText(), true);
        return;
    }
    const auto lessons = m_workspace.lessonMaterials().lessonsOn(m_workspace.schoolId(), m_date, *teacherId);
    if (!lessons) {
        showStatus(lessons.error().displayText(), true);
        return;
    }

    QStringList shownIds;
    for (const TodayLessonWidget *widget : std::as_const(m_lessonWidgets))
        shownIds.append(widget->lessonId());
    QStringList lessonIds;
    for (const LessonInfo &lesson : *lessons)
        lessonIds.append(lesson.id);

    if (shownIds == lessonIds) {
        for (TodayLessonWidget *widget : std::as_const(m_lessonWidgets))
            widget->refresh();
        return;
    }

    for (TodayLessonWidget *widget : std::as_const(m_lessonWidgets))
        widget->deleteLater();
    m_lessonWidgets.clear();
    for (const LessonInfo &lesson : *lessons) {
        auto *widget = new TodayLessonWidget(m_workspace, lesson, m_lessonList);
        connect(widget, &TodayLessonWidget::publishRequested, this, &TodayPage::publishLesson);
        connect(widget, &TodayLessonWidget::editAssignmentRequested, this, &TodayPage::editAssignmentRequested);
        connect(widget, &TodayLessonWidget::errorOccurred, this, [this](const QString &message) {
            showStatus(message, true);
        });
        // Before the stretch that keeps the lessons at the top.
        m_lessonLayout->insertWidget(m_lessonLayout->count() - 1, widget);
        m_lessonWidgets.append(widget);
    }
    m_emptyLabel->setVisible(m_lessonWidgets.isEmpty());
}

void TodayPage::setUndoMilliseconds(int milliseconds)
{
    m_undoTimer->setInterval(milliseconds);
}

void TodayPage::setNetworkAvailable(bool available)
{
    m_networkAvailable = available;
    // The queued note describes the network at the time the lesson was
    // published. Once the network is back, the sync sends the lesson and the
    // status bar reports it.
    if (available && !m_queuedLessonId.isEmpty())
        showStatus({}, false);
}

void TodayPage::publishLesson(const QString &lessonId)
{
    const auto publication = m_workspace.lessonPublisher().publish(lessonId);
    if (!publication) {
        showStatus(publication.error().displayText(), true);
        return;
    }
    if (publication->isEmpty()) {
        showStatus(tr("Everything in this lesson was already published."), false);
        return;
    }

    QString status;
    if (!m_networkAvailable)
        status = tr("The lesson is queued and goes out as soon as the network allows.");
    else if (*m_networkAvailable)
        status = tr("The lesson is queued and is being sent now.");
    else
        status = tr("You are offline. The lesson will go out when the network returns.");
    showStatus(status, false);
    m_queuedLessonId = lessonId;

    m_lastPublication = *publication;
    QStringList parts;
    if (!publication->courseware.isEmpty())
        parts.append(tr("%n courseware file(s) queued for upload", nullptr, int(publication->courseware.size())));
    if (!publication->assignments.isEmpty())
        parts.append(tr("%n assignment(s) published", nullptr, int(publication->assignments.size())));
    if (publication->sessionCreated)
        parts.append(tr("attendance opened"));
    m_undoLabel->setText(tr("Lesson published: %1.").arg(QLocale().createSeparatedList(parts)));
    m_undoBar->show();
    m_undoButton->setEnabled(true);
    m_undoTimer->start();
}

void TodayPage::undoLastPublish()
{
    if (!m_lastPublication)
        return;
    const LessonPublication publication = *m_lastPublication;
    closeUndoBar();

    if (const auto status = m_workspace.lessonPublisher().undo(publication); !status) {
        showStatus(status.error().displayText(), true);
        return;
    }
    showStatus(tr("The publish was undone. Nothing was sent."), false);
}

void TodayPage::closeUndoBar()
{
    m_undoTimer->stop();
    m_undoBar->hide();
    m_lastPublication.reset();
}

void TodayPage::showStatus(const QString &text, bool isError)
{
    if (isError)
        qCInfo(lcUi) << "Today page shows an error:" << text;
    m_queuedLessonId.clear();
    m_statusLabel->setStyleSheet(isError ? QStringLiteral("color: #a40000;") : QString());
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(!text.isEmpty());
}

} // namespace ClassDesk
