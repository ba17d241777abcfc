// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace ClassDesk {

class Workspace;

// The submissions of one assignment: counts of submitted, late and missing
// work, and one row per student with the score.
class AssignmentSubmissionsView : public QWidget
{
    Q_OBJECT

public:
    explicit AssignmentSubmissionsView(Workspace &workspace, QWidget *parent = nullptr);

    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QString countsText() const;

public slots:
    // Shows the submissions of `assignmentId`; an empty id clears the view.
    void showAssignment(const QString &assignmentId);
    // Reads the shown assignment's submissions again, after sync brought new ones.
    void refresh() { showAssignment(m_assignmentId); }

private:
    Workspace &m_workspace;
    QString m_assignmentId;
    QLabel *m_countsLabel = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace ClassDesk
