// SPDX-License-Identifier: GPL-3.0-or-later
#include "assignmenteditor.h"

#include "civiltime.h"
#include "classstore.h"
#include "coursestore.h"
#include "coursewarepickerdialog.h"
#include "coursewareimportjob.h"
#include "coursewarestore.h"
#include "lessonmaterialstore.h"
#include "schoolstore.h"
#include "uilogging.h"
#include "workspace.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTextBlock>
#include <QTimeEdit>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace ClassDesk {

namespace {

// Used when the school row cannot be read; ClassDesk's default school zone.
const QByteArray FallbackZone = QByteArrayLiteral("Asia/Shanghai");

// A due time the teacher has not chosen: the end of the school day is the
// usual deadline for homework.
const QTime DefaultDueTime(21, 0);

constexpr int ShortListHeight = 76;
constexpr int ClassListRows = 10;
// Whether the signed-in teacher teaches the class of a class list item.
constexpr int TaughtRole = Qt::UserRole + 1;

// Most schools use China's zone, which teachers call Beijing time rather than
// by its IANA id. Other zones get the name the locale gives, if it has one.
QString zoneDisplayName(const QTimeZone &zone)
{
    static const QList<QByteArray> chinaZones = {QByteArrayLiteral("Asia/Shanghai"), QByteArrayLiteral("Asia/Chongqing"),
                                                 QByteArrayLiteral("Asia/Harbin"), QByteArrayLiteral("PRC")};
    if (chinaZones.contains(zone.id()))
        return AssignmentEditor::tr("Beijing time");
    const QString name = zone.displayName(QTimeZone::GenericTime, QTimeZone::LongName, QLocale());
    return name.isEmpty() ? QString::fromUtf8(zone.id()) : name;
}

} // namespace

AssignmentEditor::AssignmentEditor(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_saveTimer(new QTimer(this))
{
    readSchoolZone();

    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(SaveDelayMilliseconds);
    connect(m_saveTimer, &QTimer::timeout, this, &AssignmentEditor::saveNow);

    buildLayout();
    connectEdits();

    connect(&workspace.assignments(), &AssignmentStore::changed, this,
            [this](const QString &, const QStringList &ids) {
                if (m_assignment.id.isEmpty() || m_dirty || !ids.contains(m_assignment.id))
                    return;
                refreshFromStore();
            });
    connect(&workspace.classes(), &ClassStore::changed, this, [this](const QString &entity) {
        if (entity == QLatin1String("class"))
            reloadClasses();
    });
    // A course decides which classes the teacher teaches.
    connect(&workspace.courses(), &CourseStore::changed, this, [this](const QString &entity) {
        if (entity == QLatin1String("course"))
            reloadClasses();
    });
    // The first sync after sign-in replaces the offline school. A new
    // assignment not saved yet then belongs to the platform's school, or the
    // list, which shows the current school, would not show it.
    connect(&workspace, &Workspace::schoolChanged, this, [this] {
        if (m_assignment.id.isEmpty())
            m_assignment.schoolId = m_workspace.schoolId();
        readSchoolZone();
        updateZoneLabel();
        reloadClasses();
    });

    m_assignment.schoolId = workspace.schoolId();
    showInWidgets();
}

AssignmentEditor::~AssignmentEditor()
{
    // The last keystrokes before the window closed are still waiting for the
    // timer. The parent may be half destroyed by now, so no signal goes out.
    const QSignalBlocker blocker(this);
    if (m_dirty && !saveNow())
        qCWarning(lcUi) << "Could not save the assignment draft while closing";
}

void AssignmentEditor::buildLayout()
{
    m_titleEdit = new QLineEdit(this);
    m_titleEdit->setObjectName(QStringLiteral("titleEdit"));
    m_titleEdit->setAccessibleName(tr("Title"));
    m_titleEdit->setPlaceholderText(tr("For example: Recite the poem"));

    m_instructionsEdit = new QPlainTextEdit(this);
    m_instructionsEdit->setObjectName(QStringLiteral("instructionsEdit"));
    m_instructionsEdit->setAccessibleName(tr("Instructions"));
    m_instructionsEdit->setPlaceholderText(tr("What students should do. **Bold** and lines starting "
                                              "with \"- \" are shown as formatting."));
    m_instructionsEdit->setTabChangesFocus(true);

    m_boldButton = new QPushButton(tr("Bold"), this);
    m_boldButton->setObjectName(QStringLiteral("boldButton"));
    m_boldButton->setShortcut(QKeySequence::Bold);
    m_boldButton->setToolTip(tr("Mark the selected text bold (%1)").arg(QKeySequence(QKeySequence::Bold).toString(QKeySequence::NativeText)));
    m_listButton = new QPushButton(tr("List"), this);
    m_listButton->setObjectName(QStringLiteral("listButton"));
    m_listButton->setToolTip(tr("Start the selected lines with a list dash"));

    m_attachmentList = new QListWidget(this);
    m_attachmentList->setObjectName(QStringLiteral("attachmentList"));
    m_attachmentList->setAccessibleName(tr("Attachments"));
    m_attachmentList->setMaximumHeight(ShortListHeight);
    m_attachButton = new QPushButton(tr("Attach from library…"), this);
    m_attachButton->setObjectName(QStringLiteral("attachButton"));
    m_attachFileButton = new QPushButton(tr("Attach file from disk…"), this);
    m_attachFileButton->setObjectName(QStringLiteral("attachFileButton"));
    m_attachFileButton->setToolTip(tr("Add files to the courseware library and attach them"));
    m_removeAttachmentButton = new QPushButton(tr("Remove"), this);
    m_removeAttachmentButton->setObjectName(QStringLiteral("removeAttachmentButton"));
    m_removeAttachmentButton->setAccessibleName(tr("Remove attachment"));

    m_classList = new QListWidget(this);
    m_classList->setObjectName(QStringLiteral("classList"));
    m_classList->setAccessibleName(tr("Target classes"));
    // A school can have a hundred classes or more: the list shows several
    // rows at once and a filter narrows it by name.
    m_classList->setMinimumHeight(m_classList->fontMetrics().height() * ClassListRows);
    m_classFilterEdit = new QLineEdit(this);
    m_classFilterEdit->setObjectName(QStringLiteral("classFilterEdit"));
    m_classFilterEdit->setAccessibleName(tr("Filter classes"));
    m_classFilterEdit->setPlaceholderText(tr("Type part of a class name"));
    m_classFilterEdit->setClearButtonEnabled(true);
    m_otherClassesBox = new QCheckBox(tr("Show classes I do not teach"), this);
    m_otherClassesBox->setObjectName(QStringLiteral("otherClassesBox"));
    m_otherClassesBox->setToolTip(tr("The list starts with the classes of your courses. Other classes of the "
                                     "school are listed when this is ticked."));

    m_dueBox = new QCheckBox(tr("Has a &due date"), this);
    m_dueBox->setObjectName(QStringLiteral("dueBox"));
    m_dueDateEdit = new QDateEdit(this);
    m_dueDateEdit->setObjectName(QStringLiteral("dueDateEdit"));
    m_dueDateEdit->setAccessibleName(tr("Due date"));
    m_dueDateEdit->setCalendarPopup(true);
    m_dueDateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_dueTimeEdit = new QTimeEdit(this);
    m_dueTimeEdit->setObjectName(QStringLiteral("dueTimeEdit"));
    m_dueTimeEdit->setAccessibleName(tr("Due time"));
    m_dueTimeEdit->setDisplayFormat(QStringLiteral("HH:mm"));

    m_zoneLabel = new QLabel(this);
    m_zoneLabel->setObjectName(QStringLiteral("zoneLabel"));
    m_zoneLabel->setWordWrap(true);
    updateZoneLabel();

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_stateLabel->setWordWrap(true);
    m_publishNowButton = new QPushButton(tr("Publish &now"), this);
    m_publishNowButton->setObjectName(QStringLiteral("publishNowButton"));
    m_publishDateEdit = new QDateEdit(this);
    m_publishDateEdit->setObjectName(QStringLiteral("publishDateEdit"));
    m_publishDateEdit->setAccessibleName(tr("Publish date"));
    m_publishDateEdit->setCalendarPopup(true);
    m_publishDateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_publishTimeEdit = new QTimeEdit(this);
    m_publishTimeEdit->setObjectName(QStringLiteral("publishTimeEdit"));
    m_publishTimeEdit->setAccessibleName(tr("Publish time"));
    m_publishTimeEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_scheduleButton = new QPushButton(tr("&Schedule"), this);
    m_scheduleButton->setObjectName(QStringLiteral("scheduleButton"));
    m_scheduleButton->setToolTip(tr("Publish automatically at the chosen school time"));
    m_draftButton = new QPushButton(tr("Back to draft"), this);
    m_draftButton->setObjectName(QStringLiteral("draftButton"));

    auto *formatRow = new QHBoxLayout;
    formatRow->addWidget(m_boldButton);
    formatRow->addWidget(m_listButton);
    formatRow->addStretch();
    auto *instructionsBox = new QVBoxLayout;
    instructionsBox->addLayout(formatRow);
    instructionsBox->addWidget(m_instructionsEdit);

    auto *attachmentButtons = new QVBoxLayout;
    attachmentButtons->addWidget(m_attachButton);
    attachmentButtons->addWidget(m_attachFileButton);
    attachmentButtons->addWidget(m_removeAttachmentButton);
    attachmentButtons->addStretch();
    auto *attachmentRow = new QHBoxLayout;
    attachmentRow->addWidget(m_attachmentList, 1);
    attachmentRow->addLayout(attachmentButtons);

    auto *dueRow = new QHBoxLayout;
    dueRow->addWidget(m_dueBox);
    dueRow->addWidget(m_dueDateEdit);
    dueRow->addWidget(m_dueTimeEdit);
    dueRow->addStretch();

    auto *publishRow = new QHBoxLayout;
    publishRow->addWidget(m_publishNowButton);
    publishRow->addSpacing(12);
    publishRow->addWidget(new QLabel(tr("or at"), this));
    publishRow->addWidget(m_publishDateEdit);
    publishRow->addWidget(m_publishTimeEdit);
    publishRow->addWidget(m_scheduleButton);
    publishRow->addWidget(m_draftButton);
    publishRow->addStretch();

    auto *titleLabel = new QLabel(tr("&Title:"), this);
    titleLabel->setBuddy(m_titleEdit);
    auto *instructionsLabel = new QLabel(tr("&Instructions:"), this);
    instructionsLabel->setBuddy(m_instructionsEdit);
    auto *attachmentsLabel = new QLabel(tr("&Attachments:"), this);
    attachmentsLabel->setBuddy(m_attachmentList);
    auto *classesLabel = new QLabel(tr("C&lasses:"), this);
    classesLabel->setBuddy(m_classList);

    auto *form = new QFormLayout(this);
    form->addRow(titleLabel, m_titleEdit);
    form->addRow(instructionsLabel, instructionsBox);
    form->addRow(attachmentsLabel, attachmentRow);
    auto *classesBox = new QVBoxLayout;
    classesBox->addWidget(m_classFilterEdit);
    classesBox->addWidget(m_classList);
    classesBox->addWidget(m_otherClassesBox);
    form->addRow(classesLabel, classesBox);
    form->addRow(tr("Due:"), dueRow);
    form->addRow(QString(), m_zoneLabel);
    form->addRow(tr("Publish:"), publishRow);
    form->addRow(QString(), m_stateLabel);
}

void AssignmentEditor::connectEdits()
{
    connect(m_titleEdit, &QLineEdit::textEdited, this, &AssignmentEditor::scheduleSave);
    connect(m_instructionsEdit, &QPlainTextEdit::textChanged, this, &AssignmentEditor::scheduleSave);
    connect(m_classList, &QListWidget::itemChanged, this, &AssignmentEditor::scheduleSave);
    connect(m_classFilterEdit, &QLineEdit::textChanged, this, &AssignmentEditor::filterClasses);
    connect(m_otherClassesBox, &QCheckBox::toggled, this, &AssignmentEditor::filterClasses);
    connect(m_dueBox, &QCheckBox::toggled, this, [this](bool due) {
        m_dueDateEdit->setEnabled(due);
        m_dueTimeEdit->setEnabled(due);
        scheduleSave();
    });
    connect(m_dueDateEdit, &QDateEdit::dateChanged, this, &AssignmentEditor::scheduleSave);
    connect(m_dueTimeEdit, &QTimeEdit::timeChanged, this, &AssignmentEditor::scheduleSave);

    connect(m_boldButton, &QPushButton::clicked, this, [this] { wrapSelection(QStringLiteral("**")); });
    connect(m_listButton, &QPushButton::clicked, this, [this] { prefixLines(QStringLiteral("- ")); });
    connect(m_attachButton, &QPushButton::clicked, this, &AssignmentEditor::chooseAttachments);
    connect(m_attachFileButton, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Attach Files"));
        attachFiles(files);
    });
    connect(m_removeAttachmentButton, &QPushButton::clicked, this, [this] {
        const int row = m_attachmentList->currentRow();
        if (row < 0 || row >= m_assignment.attachmentIds.size())
            return;
        QStringList ids = m_assignment.attachmentIds;
        ids.removeAt(row);
        setAttachments(ids);
    });

    connect(m_publishNowButton, &QPushButton::clicked, this, &AssignmentEditor::publishNow);
    connect(m_scheduleButton, &QPushButton::clicked, this, &AssignmentEditor::schedulePublish);
    connect(m_draftButton, &QPushButton::clicked, this, &AssignmentEditor::returnToDraft);
}

void AssignmentEditor::scheduleSave()
{
    if (m_loading)
        return;
    m_dirty = true;
    m_saveTimer->start();
}

void AssignmentEditor::readSchoolZone()
{
    const auto zone = m_workspace.schools().timeZone(m_workspace.schoolId());
    m_schoolZone = zone && zone->isValid() ? *zone : QTimeZone(FallbackZone);
}

void AssignmentEditor::updateZoneLabel()
{
    QString zoneText = tr("Dates and times are in the school's time zone (%1).").arg(zoneDisplayName(m_schoolZone));
    const QDateTime now = QDateTime::currentDateTime();
    if (QTimeZone::systemTimeZone().offsetFromUtc(now) != m_schoolZone.offsetFromUtc(now))
        zoneText += QLatin1Char(' ') + tr("This computer is set to another time zone.");
    m_zoneLabel->setText(zoneText);
}

bool AssignmentEditor::saveNow()
{
    m_saveTimer->stop();
    if (!m_dirty)
        return true;
    readWidgets();

    if (m_assignment.id.isEmpty()) {
        const auto created = m_workspace.assignments().createAssignment(m_assignment);
        if (!created) {
            reportError(created.error());
            return false;
        }
        m_assignment.id = *created;
    } else if (const auto updated = m_workspace.assignments().updateAssignment(m_assignment); !updated) {
        reportError(updated.error());
        return false;
    }

    m_dirty = false;
    updateStateView();
    emit saved(m_assignment.id);
    return true;
}

bool AssignmentEditor::showAssignment(const QString &id)
{
    if (id == m_assignment.id && !id.isEmpty())
        return true;
    // A failed save keeps the typed text on screen rather than replacing it.
    if (!saveNow())
        return false;

    const auto found = m_workspace.assignments().assignment(id);
    if (!found) {
        reportError(found.error());
        return false;
    }
    m_assignment = *found;
    showInWidgets();
    return true;
}

bool AssignmentEditor::startNew(const QString &courseId, const QStringList &classIds)
{
    if (!saveNow())
        return false;
    m_assignment = Assignment();
    m_assignment.schoolId = m_workspace.schoolId();
    m_assignment.courseId = courseId;
    m_assignment.targetClassIds = classIds;
    showInWidgets();
    return true;
}

void AssignmentEditor::refreshFromStore()
{
    // Another view (Today's publish, sync) changed the assignment shown.
    const auto fresh = m_workspace.assignments().assignment(m_assignment.id);
    if (!fresh)
        return;
    const bool sameContent = fresh->title == m_assignment.title && fresh->instructions == m_assignment.instructions
                             && fresh->targetClassIds == m_assignment.targetClassIds
                             && fresh->attachmentIds == m_assignment.attachmentIds
                             && fresh->dueDate == m_assignment.dueDate && fresh->dueTime == m_assignment.dueTime;
    m_assignment = *fresh;
    if (sameContent)
        updateStateView();
    else
        showInWidgets();
}

void AssignmentEditor::hideEvent(QHideEvent *event)
{
    saveNow();
    QWidget::hideEvent(event);
}

void AssignmentEditor::readWidgets()
{
    m_assignment.title = m_titleEdit->text();
    m_assignment.instructions = m_instructionsEdit->toPlainText();

    QStringList classIds;
    for (int row = 0; row < m_classList->count(); ++row) {
        const QListWidgetItem *item = m_classList->item(row);
        if (item->checkState() == Qt::Checked)
            classIds.append(item->data(Qt::UserRole).toString());
    }
    m_assignment.targetClassIds = classIds;

    if (m_dueBox->isChecked()) {
        m_assignment.dueDate = m_dueDateEdit->date();
        m_assignment.dueTime = QTime(m_dueTimeEdit->time().hour(), m_dueTimeEdit->time().minute());
    } else {
        m_assignment.dueDate = QDate();
        m_assignment.dueTime = QTime();
    }
}

void AssignmentEditor::showInWidgets()
{
    m_loading = true;
    m_titleEdit->setText(m_assignment.title);
    if (m_instructionsEdit->toPlainText() != m_assignment.instructions)
        m_instructionsEdit->setPlainText(m_assignment.instructions);

    // A new due date starts at the school's today; the computer's date may differ.
    const QDate schoolToday = CivilTime::dateAt(CivilTime::nowMs(), m_schoolZone);
    const bool due = m_assignment.dueDate.isValid();
    m_dueBox->setChecked(due);
    m_dueDateEdit->setDate(due ? m_assignment.dueDate : schoolToday.addDays(1));
    m_dueTimeEdit->setTime(due && m_assignment.dueTime.isValid() ? m_assignment.dueTime : DefaultDueTime);
    m_dueDateEdit->setEnabled(due);
    m_dueTimeEdit->setEnabled(due);
    m_loading = false;

    reloadClasses();
    updateAttachmentList();
    updateStateView();
}

void AssignmentEditor::reloadClasses()
{
    if (m_dirty)
        readWidgets();
    const auto classes = m_workspace.classes().classes(m_workspace.schoolId());
    if (!classes) {
        reportError(classes.error());
        return;
    }

    // The teacher's own classes come first, each part in the store's order.
    const QSet<QString> taught = taughtClassIds();
    QList<SchoolClass> ordered;
    QList<SchoolClass> others;
    for (const SchoolClass &schoolClass : *classes)
        (taught.isEmpty() || taught.contains(schoolClass.id) ? ordered : others).append(schoolClass);
    m_otherClassesBox->setVisible(!others.isEmpty());
    const qsizetype taughtCount = ordered.size();
    ordered.append(others);

    m_loading = true;
    m_classList->clear();
    for (qsizetype index = 0; index < ordered.size(); ++index) {
        const SchoolClass &schoolClass = ordered.at(index);
        auto *item = new QListWidgetItem(schoolClass.name, m_classList);
        item->setData(Qt::UserRole, schoolClass.id);
        item->setData(TaughtRole, index < taughtCount);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_assignment.targetClassIds.contains(schoolClass.id) ? Qt::Checked : Qt::Unchecked);
        if (index >= taughtCount)
            item->setToolTip(tr("You teach no course in this class."));
    }
    m_loading = false;
    filterClasses();
}

QSet<QString> AssignmentEditor::taughtClassIds()
{
    // Before the first sign-in the teacher is unknown, and every class on
    // this computer was made or imported by its teacher.
    const auto teacherId = m_workspace.lessonMaterials().signedInTeacherId();
    if (!teacherId || teacherId->isEmpty())
        return {};
    const auto classIds = m_workspace.courses().taughtClassIds(m_workspace.schoolId(), *teacherId);
    if (!classIds) {
        qCWarning(lcUi) << "Cannot read the teacher's classes:" << classIds.error().toLogString();
        return {};
    }
    // With no course yet, say before the platform sent any, no class is known
    // to be the teacher's, so all of them are offered.
    return QSet<QString>(classIds->cbegin(), classIds->cend());
}

void AssignmentEditor::filterClasses()
{
    // Checked classes stay in view, so neither the filter nor the box for
    // other classes ever hides a choice made.
    const QString text = m_classFilterEdit->text().trimmed();
    const bool showOthers = m_otherClassesBox->isChecked();
    for (int row = 0; row < m_classList->count(); ++row) {
        QListWidgetItem *item = m_classList->item(row);
        const bool checked = item->checkState() == Qt::Checked;
        const bool offered = showOthers || item->data(TaughtRole).toBool();
        const bool matches = text.isEmpty() || item->text().contains(text, Qt::CaseInsensitive);
        item->setHidden(!checked && !(offered && matches));
    }
}

void AssignmentEditor::updateAttachmentList()
{
    m_attachmentList->clear();
    for (const QString &id : std::as_const(m_assignment.attachmentIds)) {
        const auto courseware = m_workspace.courseware().courseware(id);
        m_attachmentList->addItem(courseware ? courseware->title : tr("(courseware removed from the library)"));
    }
    m_removeAttachmentButton->setEnabled(!m_assignment.attachmentIds.isEmpty());
}

QString AssignmentEditor::schoolTimeText(qint64 utcMs) const
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, m_schoolZone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

void AssignmentEditor::updateStateView()
{
    const AssignmentState state = m_assignment.state;
    QString text;
    switch (state) {
    case AssignmentState::Draft:
        text = m_assignment.id.isEmpty() ? tr("New draft. It is saved as soon as you type.")
                                         : tr("Draft. Changes are saved as you type.");
        break;
    case AssignmentState::Scheduled:
        text = tr("Scheduled to publish at %1 school time.").arg(schoolTimeText(m_assignment.publishAt.value_or(0)));
        break;
    case AssignmentState::Published:
        text = tr("Published at %1 school time. Changes are still saved and sent.")
                   .arg(schoolTimeText(m_assignment.publishAt.value_or(0)));
        break;
    }
    m_stateLabel->setText(text);

    const bool published = state == AssignmentState::Published;
    m_publishNowButton->setEnabled(!published);
    m_scheduleButton->setEnabled(!published);
    m_publishDateEdit->setEnabled(!published);
    m_publishTimeEdit->setEnabled(!published);
    m_draftButton->setVisible(state == AssignmentState::Scheduled);

    if (state == AssignmentState::Scheduled && m_assignment.publishAt) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(*m_assignment.publishAt, m_schoolZone);
        m_publishDateEdit->setDate(at.date());
        m_publishTimeEdit->setTime(at.time());
    } else if (state == AssignmentState::Draft) {
        const QDateTime inAnHour = QDateTime::fromMSecsSinceEpoch(CivilTime::nowMs() + 3600 * 1000, m_schoolZone);
        m_publishDateEdit->setDate(inAnHour.date());
        m_publishTimeEdit->setTime(QTime(inAnHour.time().hour(), 0));
    }
}

void AssignmentEditor::chooseAttachments()
{
    CoursewarePickerDialog dialog(m_workspace, m_assignment.attachmentIds, this);
    if (dialog.exec() == QDialog::Accepted)
        setAttachments(dialog.checkedIds());
}

void AssignmentEditor::attachFiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (!saveNow())
        return;

    // The files join the library first (copied and hashed off the UI thread),
    // so the assignment refers to courseware like any other attachment.
    auto *job = new CoursewareImportJob(m_workspace.dataDirectory(), m_workspace.schoolId(), paths);
    auto imported = std::make_shared<QStringList>();
    auto failures = std::make_shared<QStringList>();
    const QString assignmentId = m_assignment.id;
    m_attachFileButton->setEnabled(false);
    connect(job, &CoursewareImportJob::fileImported, this,
            [imported](const QString &, const QString &id, bool) { imported->append(id); });
    connect(job, &CoursewareImportJob::fileFailed, this,
            [failures](const QString &, const QString &, const QString &message) { failures->append(message); });
    connect(job, &CoursewareImportJob::finished, this, [this, imported, failures, assignmentId] {
        m_attachFileButton->setEnabled(true);
        emit m_workspace.courseware().changed(QStringLiteral("courseware"), *imported);
        if (!failures->isEmpty())
            emit errorOccurred(failures->join(QLatin1Char('\n')));
        if (m_assignment.id == assignmentId) {
            QStringList ids = m_assignment.attachmentIds;
            for (const QString &id : std::as_const(*imported)) {
                if (!ids.contains(id))
                    ids.append(id);
            }
            setAttachments(ids);
        } else {
            qCInfo(lcUi) << "Files imported for an assignment no longer shown; they stay in the library";
        }
        emit filesAttached(int(imported->size()), int(failures->size()));
    });
    CoursewareImportJob::startInThread(job);
}

void AssignmentEditor::setAttachments(const QStringList &coursewareIds)
{
    if (coursewareIds == m_assignment.attachmentIds)
        return;
    readWidgets();
    m_assignment.attachmentIds = coursewareIds;
    updateAttachmentList();
    m_dirty = true;
    saveNow();
}

void AssignmentEditor::wrapSelection(const QString &marker)
{
    QTextCursor cursor = m_instructionsEdit->textCursor();
    if (cursor.hasSelection()) {
        cursor.insertText(marker + cursor.selectedText() + marker);
    } else {
        cursor.insertText(marker + marker);
        cursor.movePosition(QTextCursor::Left, QTextCursor::MoveAnchor, int(marker.size()));
        m_instructionsEdit->setTextCursor(cursor);
    }
    m_instructionsEdit->setFocus();
}

void AssignmentEditor::prefixLines(const QString &prefix)
{
    QTextCursor cursor = m_instructionsEdit->textCursor();
    const QTextBlock first = m_instructionsEdit->document()->findBlock(cursor.selectionStart());
    const QTextBlock last = m_instructionsEdit->document()->findBlock(cursor.selectionEnd());

    cursor.beginEditBlock();
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        if (!block.text().startsWith(prefix)) {
            QTextCursor lineStart(block);
            lineStart.insertText(prefix);
        }
        if (block == last)
            break;
    }
    cursor.endEditBlock();
    m_instructionsEdit->setFocus();
}

void AssignmentEditor::publishNow()
{
    readWidgets();
    if (m_assignment.title.trimmed().isEmpty()) {
        emit errorOccurred(tr("Give the assignment a title before publishing it."));
        return;
    }
    if (m_assignment.targetClassIds.isEmpty()) {
        emit errorOccurred(tr("Choose at least one class before publishing the assignment."));
        return;
    }
    changeState(AssignmentState::Published, CivilTime::nowMs());
}

void AssignmentEditor::schedulePublish()
{
    const qint64 at = CivilTime::instantOf(m_publishDateEdit->date(), m_publishTimeEdit->time(), m_schoolZone);
    if (at <= CivilTime::nowMs()) {
        emit errorOccurred(tr("Choose a publish time in the future, in school time."));
        return;
    }
    readWidgets();
    if (m_assignment.title.trimmed().isEmpty()) {
        emit errorOccurred(tr("Give the assignment a title before publishing it."));
        return;
    }
    changeState(AssignmentState::Scheduled, at);
}

void AssignmentEditor::returnToDraft()
{
    changeState(AssignmentState::Draft, std::nullopt);
}

void AssignmentEditor::changeState(AssignmentState state, std::optional<qint64> publishAt)
{
    // A new assignment is created first, so there is a row to publish.
    if (m_assignment.id.isEmpty())
        m_dirty = true;
    if (!saveNow())
        return;

    if (const auto status = m_workspace.assignments().setState(m_assignment.id, state, publishAt); !status) {
        reportError(status.error());
        return;
    }
    if (const auto fresh = m_workspace.assignments().assignment(m_assignment.id))
        m_assignment = *fresh;
    updateStateView();
    emit saved(m_assignment.id);
}

void AssignmentEditor::reportError(const Error &error)
{
    qCWarning(lcUi) << "Assignment editor:" << error.toLogString();
    emit errorOccurred(error.displayText());
}

} // namespace ClassDesk
