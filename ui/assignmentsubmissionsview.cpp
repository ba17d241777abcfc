// SPDX-License-Identifier: GPL-3.0-or-later
#include "assignmentsubmissionsview.h"

#include "submissionstore.h"
#include "uilogging.h"
#include "workspace.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ClassDesk {

namespace {

QString stateText(SubmissionState state)
{
    switch (state) {
    case SubmissionState::Submitted: return AssignmentSubmissionsView::tr("Submitted");
    case SubmissionState::Late: return AssignmentSubmissionsView::tr("Late");
    case SubmissionState::Graded: return AssignmentSubmissionsView::tr("Graded");
    case SubmissionState::Returned: return AssignmentSubmissionsView::tr("Returned");
    case SubmissionState::Missing: break;
    }
    return AssignmentSubmissionsView::tr("Missing");
}

} // namespace

AssignmentSubmissionsView::AssignmentSubmissionsView(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("submissionCountsLabel"));
    m_countsLabel->setWordWrap(true);

    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("submissionTable"));
    m_table->setAccessibleName(tr("Submissions"));
    m_table->setHorizontalHeaderLabels({tr("Student number"), tr("Name"), tr("State"), tr("Score")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *title = new QLabel(tr("Submissions"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_countsLabel);
    layout->addWidget(m_table, 1);

    showAssignment({});
}

QString AssignmentSubmissionsView::countsText() const
{
    return m_countsLabel->text();
}

void AssignmentSubmissionsView::showAssignment(const QString &assignmentId)
{
    m_assignmentId = assignmentId;
    m_table->setRowCount(0);
    if (assignmentId.isEmpty()) {
        m_countsLabel->setText(tr("No submissions yet."));
        m_table->hide();
        return;
    }

    const auto submissions = m_workspace.submissions().submissions(assignmentId);
    if (!submissions) {
        qCWarning(lcUi) << "Could not read submissions of" << assignmentId << submissions.error().toLogString();
        m_countsLabel->setText(submissions.error().displayText());
        m_table->hide();
        return;
    }

    const SubmissionCounts counts = countSubmissions(*submissions);
    if (counts.rows == 0) {
        m_countsLabel->setText(tr("No submissions yet."));
        m_table->hide();
        return;
    }
    m_countsLabel->setText(tr("Submitted %1 · Late %2 · Missing %3").arg(counts.submitted).arg(counts.late).arg(counts.missing));

    const QLocale locale;
    m_table->setRowCount(int(submissions->size()));
    for (int row = 0; row < submissions->size(); ++row) {
        const Submission &submission = submissions->at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(submission.studentNumber));
        m_table->setItem(row, 1, new QTableWidgetItem(submission.studentName));
        m_table->setItem(row, 2, new QTableWidgetItem(stateText(submission.state)));
        m_table->setItem(row, 3, new QTableWidgetItem(submission.score ? locale.toString(*submission.score) : QString()));
    }
    m_table->show();
}

} // namespace ClassDesk
