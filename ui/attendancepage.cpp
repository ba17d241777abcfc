// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancepage.h"

#include "attendancemodel.h"
#include "heldmarksbanner.h"
#include "schoolstore.h"
#include "studenttiledelegate.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace ClassDesk {

namespace {

const QString AnimateSettingKey = QStringLiteral("attendance/animateRandomPick");

// Highest period number offered; Chinese schools rarely have more than ten a day.
constexpr int MaximumPeriod = 12;

// The random pick flashes through this many tiles, this far apart.
constexpr int RandomPickSteps = 14;
constexpr int RandomPickIntervalMilliseconds = 70;

std::optional<AttendanceStatus> statusForKey(int key)
{
    switch (key) {
    case Qt::Key_1: return AttendanceStatus::Present;
    case Qt::Key_2: return AttendanceStatus::Late;
    case Qt::Key_3: return AttendanceStatus::Absent;
    case Qt::Key_4: return AttendanceStatus::Leave;
    case Qt::Key_5: return AttendanceStatus::EarlyLeave;
    default: return std::nullopt;
    }
}

} // namespace

AttendancePage::AttendancePage(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new AttendanceModel(workspace, this))
    , m_pickTimer(new QTimer(this))
{
    buildLayout();

    connect(m_model, &AttendanceModel::countsChanged, this, &AttendancePage::updateCounts);
    connect(m_model, &AttendanceModel::errorOccurred, this, &AttendancePage::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AttendancePage::updateCounts);

    connect(m_classBox, &QComboBox::currentIndexChanged, this, &AttendancePage::loadSelectedSession);
    connect(m_dateEdit, &QDateEdit::dateChanged, this, &AttendancePage::loadSelectedSession);
    connect(m_periodBox, &QSpinBox::valueChanged, this, &AttendancePage::loadSelectedSession);
    connect(m_allPresentButton, &QPushButton::clicked, m_model, &AttendanceModel::markAllPresent);
    connect(m_randomButton, &QPushButton::clicked, this, &AttendancePage::pickRandomStudent);
    connect(m_animateBox, &QCheckBox::toggled, this, [](bool animate) {
        QSettings().setValue(AnimateSettingKey, animate);
    });
    connect(m_grid, &QListView::clicked, this, [this](const QModelIndex &index) {
        m_model->cycleStatus(index.row());
    });
    // A quick second click arrives as a double-click, without clicked():
    // it is still one more step, or a fast teacher records the wrong mark.
    connect(m_grid, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        m_model->cycleStatus(index.row());
    });
    connect(m_grid, &QWidget::customContextMenuRequested, this, &AttendancePage::showContextMenu);

    m_pickTimer->setInterval(RandomPickIntervalMilliseconds);
    connect(m_pickTimer, &QTimer::timeout, this, [this] {
        if (--m_pickStepsLeft <= 0) {
            finishRandomPick();
            return;
        }
        const int row = int(QRandomGenerator::global()->bounded(m_model->rowCount()));
        m_grid->setCurrentIndex(m_model->index(row));
    });

    connect(&m_workspace.classes(), &ClassStore::changed, this, [this](const QString &entity) {
        if (entity == QLatin1String("class"))
            reloadClasses();
    });

    // Today in the school's time zone, not the computer's.
    const auto today = m_workspace.schools().dateAt(m_workspace.schoolId(),
                                                    QDateTime::currentMSecsSinceEpoch());
    m_dateEdit->setDate(today ? *today : QDate::currentDate());
    reloadClasses();
}

void AttendancePage::buildLayout()
{
    m_classBox = new QComboBox(this);
    m_classBox->setObjectName(QStringLiteral("classBox"));
    m_classBox->setMinimumContentsLength(10);
    m_classBox->setAccessibleName(tr("Class"));

    m_dateEdit = new QDateEdit(this);
    m_dateEdit->setObjectName(QStringLiteral("dateEdit"));
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_dateEdit->setAccessibleName(tr("Date"));

    m_periodBox = new QSpinBox(this);
    m_periodBox->setObjectName(QStringLiteral("periodBox"));
    m_periodBox->setRange(1, MaximumPeriod);
    m_periodBox->setAccessibleName(tr("Period"));

    m_allPresentButton = new QPushButton(tr("All present"), this);
    m_allPresentButton->setObjectName(QStringLiteral("allPresentButton"));
    m_allPresentButton->setAccessibleName(tr("All present"));
    // Alt+letter shortcuts work in every language, where a mnemonic in the
    // text would follow the translation.
    m_allPresentButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_A));
    m_allPresentButton->setToolTip(tr("Mark every student who has no mark yet as present (%1)")
                                       .arg(m_allPresentButton->shortcut().toString(QKeySequence::NativeText)));

    m_randomButton = new QPushButton(tr("Random pick"), this);
    m_randomButton->setObjectName(QStringLiteral("randomButton"));
    m_randomButton->setAccessibleName(tr("Random pick"));
    m_randomButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_R));
    m_randomButton->setToolTip(tr("Pick a student at random (%1)")
                                   .arg(m_randomButton->shortcut().toString(QKeySequence::NativeText)));

    m_importButton = new QPushButton(tr("Import roster…"), this);
    m_importButton->setObjectName(QStringLiteral("importRosterButton"));
    m_importButton->setAccessibleName(tr("Import roster"));
    connect(m_importButton, &QPushButton::clicked, this, &AttendancePage::importRosterRequested);

    m_animateBox = new QCheckBox(tr("Animate"), this);
    m_animateBox->setObjectName(QStringLiteral("animateBox"));
    m_animateBox->setAccessibleName(tr("Animate the random pick"));
    m_animateBox->setToolTip(tr("Flash through the tiles before the random pick stops"));
    m_animateBox->setChecked(QSettings().value(AnimateSettingKey, true).toBool());

    auto *classLabel = new QLabel(tr("&Class:"), this);
    classLabel->setBuddy(m_classBox);
    auto *dateLabel = new QLabel(tr("&Date:"), this);
    dateLabel->setBuddy(m_dateEdit);
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_periodBox);

    auto *pickerRow = new QHBoxLayout;
    pickerRow->addWidget(classLabel);
    pickerRow->addWidget(m_classBox);
    pickerRow->addSpacing(12);
    pickerRow->addWidget(dateLabel);
    pickerRow->addWidget(m_dateEdit);
    pickerRow->addSpacing(12);
    pickerRow->addWidget(periodLabel);
    pickerRow->addWidget(m_periodBox);
    pickerRow->addStretch();
    pickerRow->addWidget(m_allPresentButton);
    pickerRow->addWidget(m_randomButton);
    pickerRow->addWidget(m_animateBox);
    pickerRow->addWidget(m_importButton);

    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_countsLabel->setAccessibleName(tr("Counts per status"));

    m_pickedLabel = new QLabel(this);
    m_pickedLabel->setObjectName(QStringLiteral("pickedLabel"));
    QFont pickedFont = m_pickedLabel->font();
    pickedFont.setPointSizeF(pickedFont.pointSizeF() * 1.4);
    pickedFont.setBold(true);
    m_pickedLabel->setFont(pickedFont);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setStyleSheet(QStringLiteral("color: #a40000;"));
    m_messageLabel->hide();

    m_emptyLabel = new QLabel(tr("No classes yet. Import a roster file to add a class and its students."), this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->hide();

    m_grid = new QListView(this);
    m_grid->setObjectName(QStringLiteral("studentGrid"));
    m_grid->setAccessibleName(tr("Students"));
    m_grid->setAccessibleDescription(tr("Space cycles the mark, 1 to 5 set one, N adds a note, "
                                        "the menu key opens the menu"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setWrapping(true);
    m_grid->setUniformItemSizes(true);
    m_grid->setSpacing(2);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setContextMenuPolicy(Qt::CustomContextMenu);
    m_grid->setItemDelegate(new StudentTileDelegate(m_grid));
    m_grid->setModel(m_model);
    m_grid->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new HeldMarksBanner(m_workspace.attendance(), this));
    layout->addLayout(pickerRow);
    layout->addWidget(m_countsLabel);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_pickedLabel);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_grid, 1);
}

void AttendancePage::reloadClasses()
{
    const QString previous = m_classBox->currentData().toString();
    const auto classes = m_workspace.classes().classes(m_workspace.schoolId());
    if (!classes) {
        showError(classes.error().displayText());
        return;
    }

    {
        const QSignalBlocker blocker(m_classBox);
        m_classBox->clear();
        for (const SchoolClass &schoolClass : *classes)
            m_classBox->addItem(schoolClass.name, schoolClass.id);
        const int previousIndex = m_classBox->findData(previous);
        m_classBox->setCurrentIndex(previousIndex >= 0 ? previousIndex : 0);
    }

    const bool hasClasses = !classes->isEmpty();
    m_emptyLabel->setVisible(!hasClasses);
    m_allPresentButton->setEnabled(hasClasses);
    m_randomButton->setEnabled(hasClasses);
    // The model follows changes to the class it shows by itself; loading the
    // session again would reset the grid on every synced batch.
    if (m_classBox->currentData().toString() != m_model->classId() || m_model->classId().isEmpty())
        loadSelectedSession();
}

void AttendancePage::showSession(const QString &classId, QDate date, int period)
{
    const QSignalBlocker classBlocker(m_classBox);
    const QSignalBlocker dateBlocker(m_dateEdit);
    const QSignalBlocker periodBlocker(m_periodBox);
    m_classBox->setCurrentIndex(m_classBox->findData(classId));
    m_dateEdit->setDate(date);
    m_periodBox->setValue(period);
    loadSelectedSession();
}

void AttendancePage::showClass(const QString &classId)
{
    const int index = m_classBox->findData(classId);
    if (index >= 0)
        m_classBox->setCurrentIndex(index);
}

void AttendancePage::loadSelectedSession()
{
    m_messageLabel->hide();
    m_pickedLabel->clear();
    m_model->load(m_classBox->currentData().toString(), m_dateEdit->date(), m_periodBox->value());
}

void AttendancePage::updateCounts()
{
    const AttendanceCounts counts = m_model->counts();
    m_countsLabel->setText(tr("Present %1 · Late %2 · Absent %3 · Leave %4 · Early leave %5 · Not marked %6")
                               .arg(counts.present)
                               .arg(counts.late)
                               .arg(counts.absent)
                               .arg(counts.leave)
                               .arg(counts.earlyLeave)
                               .arg(m_model->unmarkedCount()));
}

bool AttendancePage::eventFilter(QObject *watched, QEvent *event)
{
    // Tabbing into the grid lands on a tile, so the keys below work at once.
    if (watched == m_grid && event->type() == QEvent::FocusIn && !m_grid->currentIndex().isValid()
        && m_model->rowCount() > 0)
        m_grid->setCurrentIndex(m_model->index(0));
    if (watched != m_grid || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);

    const auto *keyEvent = static_cast<QKeyEvent *>(event);
    const int row = m_grid->currentIndex().row();
    if (row < 0)
        return QWidget::eventFilter(watched, event);

    if (const auto status = statusForKey(keyEvent->key())) {
        m_model->setStatus(row, *status);
        return true;
    }
    if (keyEvent->key() == Qt::Key_Space) {
        m_model->cycleStatus(row);
        return true;
    }
    if (keyEvent->key() == Qt::Key_N) {
        editNote(row);
        return true;
    }
    if (keyEvent->key() == Qt::Key_Menu
        || (keyEvent->key() == Qt::Key_F10 && keyEvent->modifiers() == Qt::ShiftModifier)) {
        showContextMenu(m_grid->visualRect(m_grid->currentIndex()).center());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void AttendancePage::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_grid->indexAt(position);
    if (!index.isValid())
        return;

    QMenu menu(this);
    const std::array statuses = {AttendanceStatus::Present, AttendanceStatus::Late, AttendanceStatus::Absent,
                                 AttendanceStatus::Leave, AttendanceStatus::EarlyLeave};
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        const AttendanceStatus status = statuses[i];
        QAction *action = menu.addAction(attendanceStatusName(status), this,
                                         [this, row = index.row(), status] { m_model->setStatus(row, status); });
        action->setShortcut(QKeySequence(Qt::Key_1 + int(i)));
    }
    menu.addSeparator();
    QAction *noteAction = menu.addAction(tr("Note…"), this, [this, row = index.row()] { editNote(row); });
    noteAction->setShortcut(QKeySequence(Qt::Key_N));
    menu.exec(m_grid->viewport()->mapToGlobal(position));
}

void AttendancePage::editNote(int row)
{
    bool accepted = false;
    const QString name = m_model->index(row).data().toString();
    const QString note = QInputDialog::getText(this, tr("Note for %1").arg(name),
                                               tr("Note (for example, the reason for leave):"),
                                               QLineEdit::Normal, m_model->note(row), &accepted);
    if (accepted)
        m_model->setNote(row, note);
}

void AttendancePage::showError(const QString &message)
{
    m_messageLabel->setText(message);
    m_messageLabel->show();
}

void AttendancePage::setAnimateRandomPick(bool animate)
{
    m_animateBox->setChecked(animate);
}

bool AttendancePage::animatesRandomPick() const
{
    return m_animateBox->isChecked();
}

void AttendancePage::pickRandomStudent()
{
    if (m_model->rowCount() == 0 || m_pickTimer->isActive())
        return;

    m_pickedRow = int(QRandomGenerator::global()->bounded(m_model->rowCount()));
    if (!animatesRandomPick()) {
        finishRandomPick();
        return;
    }
    m_pickedLabel->setText(tr("Picking…"));
    m_pickStepsLeft = RandomPickSteps;
    m_pickTimer->start();
}

void AttendancePage::finishRandomPick()
{
    m_pickTimer->stop();
    const QModelIndex picked = m_model->index(m_pickedRow);
    m_grid->setCurrentIndex(picked);
    m_grid->scrollTo(picked);
    m_pickedLabel->setText(tr("Picked: %1 (%2)")
                               .arg(picked.data().toString(),
                                    picked.data(AttendanceModel::StudentNumberRole).toString()));
    emit randomPickFinished(m_pickedRow);
}

} // namespace ClassDesk
