// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursewarepickerdialog.h"

#include "coursewarestore.h"
#include "workspace.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace ClassDesk {

CoursewarePickerDialog::CoursewarePickerDialog(Workspace &workspace, const QStringList &checkedIds,
                                               QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Choose courseware"));

    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search by title"));
    m_searchEdit->setAccessibleName(tr("Search courseware"));
    m_searchEdit->setClearButtonEnabled(true);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("coursewareList"));
    m_list->setAccessibleName(tr("Courseware in the library"));

    const auto rows = workspace.courseware().coursewareList(workspace.schoolId());
    for (const Courseware &courseware : rows.value_or(QList<Courseware>())) {
        auto *item = new QListWidgetItem(courseware.title, m_list);
        item->setData(Qt::UserRole, courseware.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checkedIds.contains(courseware.id) ? Qt::Checked : Qt::Unchecked);
    }

    auto *emptyLabel = new QLabel(tr("The library is empty. Import files on the Courseware page first."), this);
    emptyLabel->setWordWrap(true);
    emptyLabel->setVisible(m_list->count() == 0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_searchEdit, &QLineEdit::textChanged, this, &CoursewarePickerDialog::applySearch);

    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_searchEdit);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(searchLabel);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_list, 1);
    layout->addWidget(emptyLabel);
    layout->addWidget(buttons);
    resize(420, 480);
}

QStringList CoursewarePickerDialog::checkedIds() const
{
    QStringList ids;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() == Qt::Checked)
            ids.append(item->data(Qt::UserRole).toString());
    }
    return ids;
}

void CoursewarePickerDialog::applySearch(const QString &text)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setHidden(!item->text().contains(text.trimmed(), Qt::CaseInsensitive));
    }
}

} // namespace ClassDesk
