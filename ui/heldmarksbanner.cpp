// SPDX-License-Identifier: GPL-3.0-or-later
#include "heldmarksbanner.h"

#include "attendancestore.h"
#include "uilogging.h"

#include <algorithm>

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace ClassDesk {

namespace {

// The banner names a few marks; the rest are counted.
constexpr int ListedMarks = 5;

QString statusName(AttendanceStatus status)
{
    switch (status) {
    case AttendanceStatus::Present: return HeldMarksBanner::tr("present");
    case AttendanceStatus::Late: return HeldMarksBanner::tr("late");
    case AttendanceStatus::Absent: return HeldMarksBanner::tr("absent");
    case AttendanceStatus::Leave: return HeldMarksBanner::tr("on leave");
    case AttendanceStatus::EarlyLeave: return HeldMarksBanner::tr("left early");
    }
    return {};
}

} // namespace

HeldMarksBanner::HeldMarksBanner(AttendanceStore &attendance, QWidget *parent)
    : QFrame(parent)
    , m_attendance(attendance)
    , m_textLabel(new QLabel(this))
    , m_confirmButton(new QPushButton(tr("&Confirm and send"), this))
{
    setObjectName(QStringLiteral("heldMarksBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Attendance marks taken under a wrong clock"));
    m_textLabel->setWordWrap(true);
    m_textLabel->setTextFormat(Qt::PlainText);
    m_confirmButton->setToolTip(tr("The marks keep their status and are sent with the current time; the time "
                                   "the clock showed stays in each mark's history."));

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_textLabel, 1);
    layout->addWidget(m_confirmButton, 0, Qt::AlignTop);

    connect(m_confirmButton, &QPushButton::clicked, this, &HeldMarksBanner::confirmAll);
    connect(&m_attendance, &AttendanceStore::changed, this, [this](const QString &entity) {
        if (entity == QLatin1String("attendance_record"))
            refresh();
    });
    refresh();
}

void HeldMarksBanner::refresh()
{
    const auto held = m_attendance.heldMarks();
    if (!held) {
        qCWarning(lcUi) << "Could not read held attendance marks:" << held.error().code;
        return;
    }
    m_recordIds.clear();
    for (const HeldMark &mark : *held)
        m_recordIds.append(mark.recordId);
    setVisible(!held->isEmpty());
    if (held->isEmpty())
        return;

    QStringList lines;
    lines << tr("%n attendance mark(s) were taken while this computer's clock was wrong, so they have not been "
                "sent. Check them; if they are right, confirm them.",
                nullptr, int(held->size()));
    for (qsizetype i = 0; i < std::min<qsizetype>(held->size(), ListedMarks); ++i) {
        const HeldMark &mark = held->at(i);
        const QString clockShowed = QLocale().toString(QDateTime::fromMSecsSinceEpoch(mark.markedAt),
                                                       QLocale::ShortFormat);
        lines << tr("%1, period %2: %3 %4 (the clock showed %5)")
                     .arg(QLocale().toString(mark.sessionDate, QLocale::ShortFormat))
                     .arg(mark.period)
                     .arg(mark.studentName, statusName(mark.status), clockShowed);
    }
    if (held->size() > ListedMarks)
        lines << tr("and %n more", nullptr, int(held->size() - ListedMarks));
    m_textLabel->setText(lines.join(QLatin1Char('\n')));
}

void HeldMarksBanner::confirmAll()
{
    if (m_recordIds.isEmpty())
        return;
    if (auto confirmed = m_attendance.confirmHeldMarks(m_recordIds); !confirmed) {
        m_textLabel->setText(confirmed.error().displayText());
        return;
    }
    refresh();
}

} // namespace ClassDesk
