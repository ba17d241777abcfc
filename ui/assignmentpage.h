// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assignmentstore.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace ClassDesk {

class AssignmentEditor;
class AssignmentSubmissionsView;
class Workspace;

// The Assignments section: the list of assignments, filtered to drafts,
// scheduled or published ones, beside the editor of the one selected and its
// submissions.
class AssignmentPage : public QWidget
{
    Q_OBJECT

public:
    explicit AssignmentPage(Workspace &workspace, QWidget *parent = nullptr);
    ~AssignmentPage() override;

    [[nodiscard]] AssignmentEditor *editor() const { return m_editor; }
    [[nodiscard]] AssignmentSubmissionsView *submissionsView() const { return m_submissions; }
    [[nodiscard]] QListWidget *list() const { return m_list; }
    // The ids shown in the list, top to bottom.
    [[nodiscard]] QStringList listedIds() const;

public slots:
    // Shows only assignments in `state`, or all of them.
    void setFilter(std::optional<AssignmentState> state);
    // Selects the assignment and opens it in the editor, clearing a filter that hides it.
    void showAssignment(const QString &id);
    void startNewAssignment();
    void reloadList();

private:
    void buildLayout();
    void openSelected();
    void showMessage(const QString &message);

    Workspace &m_workspace;
    QComboBox *m_filterBox = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_newButton = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    AssignmentEditor *m_editor = nullptr;
    AssignmentSubmissionsView *m_submissions = nullptr;
};

} // namespace ClassDesk
