// SPDX-License-Identifier: GPL-3.0-or-later
#include "assignmentpage.h"

#include "assignmenteditor.h"
#include "assignmentsubmissionsview.h"
#include "classstore.h"
#include "submissionstore.h"
#include "uilogging.h"
#include "workspace.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>

namespace ClassDesk {

namespace {

constexpr int AllStates = -1;

QString stateLabel(AssignmentState state)
{
    switch (state) {
    case AssignmentState::Scheduled: return AssignmentPage::tr("Scheduled");
    case AssignmentState::Published: return AssignmentPage::tr("Published");
    case AssignmentState::Draft: break;
    }
    return AssignmentPage::tr("Draft");
}

// "Submitted 30 · Late 5 · Missing 10" once the platform sent submissions, else empty.
QString countsLine(const std::optional<SubmissionCounts> &counts)
{
    if (!counts || counts->rows == 0)
        return {};
    return AssignmentPage::tr("Submitted %1 · Late %2 · Missing %3")
        .arg(counts->submitted)
        .arg(counts->late)
        .arg(counts->missing);
}

QString itemText(const Assignment &assignment, const std::optional<SubmissionCounts> &counts,
                 const QHash<QString, QString> &classNames)
{
    const QString title = assignment.title.trimmed().isEmpty() ? AssignmentPage::tr("(untitled)")
                                                               : assignment.title.trimmed();
    QString detail = stateLabel(assignment.state);
    QStringList classes;
    for (const QString &classId : assignment.targetClassIds)
        classes << classNames.value(classId);
    classes.removeAll(QString());
    if (!classes.isEmpty())
        detail += QStringLiteral(" · ") + classes.join(QStringLiteral(", "));
    if (assignment.dueDate.isValid()) {
        const QTime time = assignment.dueTime.isValid() ? assignment.dueTime : QTime(23, 59);
        detail += QStringLiteral(" · ")
                  + AssignmentPage::tr("due %1 %2")
                        .arg(assignment.dueDate.toString(Qt::ISODate), time.toString(QStringLiteral("HH:mm")));
    }
    QString text = title + QLatin1Char('\n') + detail;
    if (const QString line = countsLine(counts); !line.isEmpty())
        text += QLatin1Char('\n') + line;
    return text;
}

} // namespace

AssignmentPage::AssignmentPage(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    buildLayout();

    connect(m_filterBox, &QComboBox::currentIndexChanged, this, &AssignmentPage::reloadList);
    connect(m_list, &QListWidget::currentItemChanged, this, &AssignmentPage::openSelected);
    connect(m_newButton, &QPushButton::clicked, this, &AssignmentPage::startNewAssignment);
    connect(m_editor, &AssignmentEditor::errorOccurred, this, &AssignmentPage::showMessage);
    connect(m_editor, &AssignmentEditor::saved, this, [this](const QString &id) {
        m_messageLabel->hide();
        m_submissions->showAssignment(id);
    });
    connect(&workspace.assignments(), &AssignmentStore::changed, this, &AssignmentPage::reloadList);
    connect(&workspace.submissions(), &SubmissionStore::changed, this, [this] {
        reloadList();
        m_submissions->refresh();
    });

    reloadList();
}

AssignmentPage::~AssignmentPage()
{
    // Saved here, while the page can still take the store's change signal.
    if (!m_editor->saveNow())
        qCWarning(lcUi) << "Could not save the assignment draft while closing the page";
}

void AssignmentPage::buildLayout()
{
    m_filterBox = new QComboBox(this);
    m_filterBox->setObjectName(QStringLiteral("filterBox"));
    m_filterBox->setAccessibleName(tr("Show assignments"));
    m_filterBox->addItem(tr("All"), AllStates);
    m_filterBox->addItem(tr("Drafts"), int(AssignmentState::Draft));
    m_filterBox->addItem(tr("Scheduled"), int(AssignmentState::Scheduled));
    m_filterBox->addItem(tr("Published"), int(AssignmentState::Published));

    m_newButton = new QPushButton(tr("&New assignment"), this);
    m_newButton->setObjectName(QStringLiteral("newAssignmentButton"));
    m_newButton->setShortcut(QKeySequence::New);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("assignmentList"));
    m_list->setAccessibleName(tr("Assignments"));
    m_list->setWordWrap(true);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setWordWrap(true);

    auto *showLabel = new QLabel(tr("Sho&w:"), this);
    showLabel->setBuddy(m_filterBox);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(showLabel);
    filterRow->addWidget(m_filterBox, 1);

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_newButton);
    listLayout->addLayout(filterRow);
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_emptyLabel);

    m_editor = new AssignmentEditor(m_workspace, this);
    m_editor->setObjectName(QStringLiteral("assignmentEditor"));
    auto *editorScroll = new QScrollArea(this);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    editorScroll->setWidget(m_editor);

    m_submissions = new AssignmentSubmissionsView(m_workspace, this);
    m_submissions->setObjectName(QStringLiteral("submissionsView"));

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setStyleSheet(QStringLiteral("color: #a40000;"));
    m_messageLabel->hide();

    auto *editorSplitter = new QSplitter(Qt::Vertical, this);
    editorSplitter->addWidget(editorScroll);
    editorSplitter->addWidget(m_submissions);
    editorSplitter->setStretchFactor(0, 3);
    editorSplitter->setStretchFactor(1, 1);

    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_messageLabel);
    editorLayout->addWidget(editorSplitter, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(listPane);
    splitter->addWidget(editorPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({280, 840});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
}

QStringList AssignmentPage::listedIds() const
{
    QStringList ids;
    for (int row = 0; row < m_list->count(); ++row)
        ids.append(m_list->item(row)->data(Qt::UserRole).toString());
    return ids;
}

void AssignmentPage::setFilter(std::optional<AssignmentState> state)
{
    m_filterBox->setCurrentIndex(m_filterBox->findData(state ? int(*state) : AllStates));
}

void AssignmentPage::reloadList()
{
    const auto assignments = m_workspace.assignments().assignments(m_workspace.schoolId());
    if (!assignments) {
        showMessage(assignments.error().displayText());
        return;
    }
    const int filter = m_filterBox->currentData().toInt();
    const QString selected = m_editor->assignmentId();
    QHash<QString, QString> classNames;
    if (const auto classes = m_workspace.classes().classes(m_workspace.schoolId())) {
        for (const SchoolClass &schoolClass : *classes)
            classNames.insert(schoolClass.id, schoolClass.name);
    }

    // Rebuilt without signals, so a save while typing does not reopen the editor.
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Assignment &assignment : *assignments) {
        if (filter != AllStates && int(assignment.state) != filter)
            continue;
        // Only published work can have submissions; drafts skip the query.
        std::optional<SubmissionCounts> counts;
        if (assignment.state == AssignmentState::Published) {
            if (auto read = m_workspace.submissions().counts(assignment.id))
                counts = *read;
            else
                qCWarning(lcUi) << "Could not count submissions of" << assignment.id << read.error().toLogString();
        }
        auto *item = new QListWidgetItem(itemText(assignment, counts, classNames), m_list);
        item->setData(Qt::UserRole, assignment.id);
        item->setData(Qt::AccessibleTextRole, item->text().replace(QLatin1Char('\n'), QStringLiteral(", ")));
        if (assignment.id == selected)
            m_list->setCurrentItem(item);
    }

    const bool anyAtAll = !assignments->isEmpty();
    m_emptyLabel->setText(anyAtAll ? tr("No assignments match this filter.")
                                   : tr("No assignments yet. Press \"New assignment\" to write one."));
    m_emptyLabel->setVisible(m_list->count() == 0);
}

void AssignmentPage::openSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    if (m_editor->showAssignment(id))
        m_submissions->showAssignment(id);
}

void AssignmentPage::showAssignment(const QString &id)
{
    if (!listedIds().contains(id))
        setFilter(std::nullopt);
    const int row = int(listedIds().indexOf(id));
    if (row >= 0)
        m_list->setCurrentRow(row);
    else if (m_editor->showAssignment(id))
        m_submissions->showAssignment(id);
}

void AssignmentPage::startNewAssignment()
{
    if (!m_editor->startNew())
        return;
    m_list->clearSelection();
    m_list->setCurrentItem(nullptr);
    m_submissions->showAssignment({});
    m_editor->findChild<QWidget *>(QStringLiteral("titleEdit"))->setFocus();
}

void AssignmentPage::showMessage(const QString &message)
{
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
}

} // namespace ClassDesk
