// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QListWidget;

namespace ClassDesk {

class Workspace;

// Chooses courseware from the school's library: every file with a check box,
// a search field that narrows the list, and the files chosen before checked.
class CoursewarePickerDialog : public QDialog
{
    Q_OBJECT

public:
    CoursewarePickerDialog(Workspace &workspace, const QStringList &checkedIds, QWidget *parent = nullptr);

    // The checked courseware, in library order.
    [[nodiscard]] QStringList checkedIds() const;
    [[nodiscard]] QListWidget *list() const { return m_list; }

private:
    void applySearch(const QString &text);

    QLineEdit *m_searchEdit = nullptr;
    QListWidget *m_list = nullptr;
};

} // namespace ClassDesk
