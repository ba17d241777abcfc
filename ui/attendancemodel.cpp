// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancemodel.h"

#include "database.h"
#include "uilogging.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QThreadPool>

namespace ClassDesk {

namespace {

constexpr std::array CycleOrder = {AttendanceStatus::Present, AttendanceStatus::Late,
                                   AttendanceStatus::Absent, AttendanceStatus::Leave,
                                   AttendanceStatus::EarlyLeave};

} // namespace

QString attendanceStatusName(AttendanceStatus status)
{
    switch (status) {
    case AttendanceStatus::Present:
        return QCoreApplication::translate("ClassDesk::AttendanceModel", "Present");
    case AttendanceStatus::Late:
        return QCoreApplication::translate("ClassDesk::AttendanceModel", "Late");
    case AttendanceStatus::Absent:
        return QCoreApplication::translate("ClassDesk::AttendanceModel", "Absent");
    case AttendanceStatus::Leave:
        return QCoreApplication::translate("ClassDesk::AttendanceModel", "Leave");
    case AttendanceStatus::EarlyLeave:
        return QCoreApplication::translate("ClassDesk::AttendanceModel", "Early leave");
    }
    return {};
}

AttendanceModel::AttendanceModel(Workspace &workspace, QObject *parent)
    : QAbstractListModel(parent)
    , m_workspace(workspace)
{
    // Marks written elsewhere (another window, the sync engine) show up here too.
    connect(&m_workspace.attendance(), &AttendanceStore::changed, this, [this] { reloadMarks(); });
    connect(&m_workspace.classes(), &ClassStore::changed, this, [this] {
        if (!m_classId.isEmpty())
            refreshStudents();
    });
}

void AttendanceModel::load(const QString &classId, QDate date, int period)
{
    ++m_loadGeneration;
    beginResetModel();
    m_classId = classId;
    m_date = date;
    m_period = period;
    m_sessionId.clear();
    m_students.clear();
    m_marks.clear();

    if (!classId.isEmpty()) {
        StudentFilter filter;
        filter.schoolId = m_workspace.schoolId();
        filter.classId = classId;
        if (auto students = m_workspace.classes().students(filter))
            m_students = *students;
        else
            reportError(students.error());

        if (auto session = m_workspace.attendance().findSession(classId, date, period); !session)
            reportError(session.error());
        else if (session->has_value())
            m_sessionId = **session;
    }
    endResetModel();
    reloadMarks();
}

void AttendanceModel::refreshStudents()
{
    // A sync or an import changes students in batches while the grid is
    // shown, and reading a class of thousands takes the UI thread 100 ms
    // or more. So the students are read on a connection of a worker thread,
    // one read at a time. A change during a read starts one more after it.
    if (m_refreshRunning) {
        m_refreshAgain = true;
        return;
    }
    m_refreshRunning = true;
    m_refreshAgain = false;

    StudentFilter filter;
    filter.schoolId = m_workspace.schoolId();
    filter.classId = m_classId;
    const QString databasePath = m_workspace.databasePath();
    const quint64 generation = m_loadGeneration;
    QPointer<AttendanceModel> self(this);
    QThreadPool::globalInstance()->start([self, databasePath, filter, generation] {
        Result<QList<Student>> students = std::unexpected(Error{});
        if (auto database = Database::open(databasePath); !database) {
            students = std::unexpected(database.error());
        } else {
            ClassStore classes(**database);
            students = classes.students(filter);
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, students, generation] {
                if (self)
                    self->applyStudents(students, generation);
            },
            Qt::QueuedConnection);
    });
}

void AttendanceModel::applyStudents(const Result<QList<Student>> &students, quint64 generation)
{
    m_refreshRunning = false;
    if (generation != m_loadGeneration) {
        // load() showed another session meanwhile; its list is current.
        if (m_refreshAgain)
            refreshStudents();
        return;
    }
    if (!students) {
        reportError(students.error());
        return;
    }

    // Rows added at the end are inserted and an unchanged list only repaints:
    // a reset would lay out every tile again and lose the selection.
    QElapsedTimer timer;
    timer.start();
    qsizetype common = 0;
    const qsizetype shared = std::min(m_students.size(), students->size());
    while (common < shared && m_students.at(common).id == students->at(common).id)
        ++common;

    if (common == m_students.size() && common == students->size()) {
        m_students = *students;
    } else if (common == m_students.size()) {
        beginInsertRows({}, int(common), int(students->size()) - 1);
        m_students = *students;
        endInsertRows();
    } else {
        beginResetModel();
        m_students = *students;
        endResetModel();
    }
    reloadMarks();
    qCDebug(lcUi) << "Attendance: applied" << students->size() << "students read after a change in"
                  << timer.elapsed() << "ms";
    emit studentsRefreshed();

    if (m_refreshAgain)
        refreshStudents();
}

void AttendanceModel::reloadMarks()
{
    m_marks.clear();
    if (!m_sessionId.isEmpty()) {
        const auto marks = m_workspace.attendance().marks(m_sessionId);
        if (!marks) {
            reportError(marks.error());
            return;
        }
        for (const AttendanceMark &mark : *marks)
            m_marks.insert(mark.studentId, mark);
    }
    if (!m_students.isEmpty())
        emit dataChanged(index(0), index(int(m_students.size()) - 1));
    emit countsChanged();
}

int AttendanceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_students.size());
}

QVariant AttendanceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};

    const Student &student = m_students.at(index.row());
    const auto markStatus = status(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return student.name;
    case StudentIdRole:
        return student.id;
    case StudentNumberRole:
        return student.studentNumber;
    case StatusRole:
        return markStatus ? QVariant(int(*markStatus)) : QVariant();
    case NoteRole:
        return note(index.row());
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        const QString statusText = markStatus ? attendanceStatusName(*markStatus) : tr("not marked");
        QString text = tr("%1, %2: %3").arg(student.name, student.studentNumber, statusText);
        if (!note(index.row()).isEmpty())
            text += QLatin1String(" (") + note(index.row()) + QLatin1Char(')');
        return text;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> AttendanceModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(StudentIdRole, "studentId");
    names.insert(StudentNumberRole, "studentNumber");
    names.insert(StatusRole, "status");
    names.insert(NoteRole, "note");
    return names;
}

std::optional<AttendanceStatus> AttendanceModel::status(int row) const
{
    if (row < 0 || row >= m_students.size())
        return std::nullopt;
    const auto found = m_marks.constFind(m_students.at(row).id);
    if (found == m_marks.constEnd())
        return std::nullopt;
    return found->status;
}

QString AttendanceModel::note(int row) const
{
    if (row < 0 || row >= m_students.size())
        return {};
    return m_marks.value(m_students.at(row).id).note;
}

bool AttendanceModel::ensureSession()
{
    if (!m_sessionId.isEmpty())
        return true;
    const auto session = m_workspace.attendance().openSession(m_classId, m_date, m_period);
    if (!session) {
        reportError(session.error());
        return false;
    }
    m_sessionId = *session;
    return true;
}

bool AttendanceModel::setStatus(int row, AttendanceStatus newStatus)
{
    if (row < 0 || row >= m_students.size() || !ensureSession())
        return false;

    // The store emits changed() after the commit, which refreshes the tile.
    const auto marked = m_workspace.attendance().mark(m_sessionId, m_students.at(row).id, newStatus,
                                                      note(row));
    if (!marked) {
        reportError(marked.error());
        return false;
    }
    return true;
}

bool AttendanceModel::cycleStatus(int row)
{
    const auto current = status(row);
    if (!current)
        return setStatus(row, CycleOrder.front());

    const auto position = std::find(CycleOrder.begin(), CycleOrder.end(), *current);
    const auto next = position + 1 == CycleOrder.end() ? CycleOrder.begin() : position + 1;
    return setStatus(row, *next);
}

bool AttendanceModel::setNote(int row, const QString &newNote)
{
    if (row < 0 || row >= m_students.size() || !ensureSession())
        return false;

    const AttendanceStatus keptStatus = status(row).value_or(AttendanceStatus::Present);
    const auto marked = m_workspace.attendance().mark(m_sessionId, m_students.at(row).id, keptStatus,
                                                      newNote.trimmed());
    if (!marked) {
        reportError(marked.error());
        return false;
    }
    return true;
}

bool AttendanceModel::markAllPresent()
{
    if (m_students.isEmpty() || !ensureSession())
        return false;

    const auto marked = m_workspace.attendance().markAllPresent(m_sessionId);
    if (!marked) {
        reportError(marked.error());
        return false;
    }
    qCInfo(lcUi) << "Marked" << *marked << "students present in one step";
    return true;
}

AttendanceCounts AttendanceModel::counts() const
{
    AttendanceCounts counts;
    for (const AttendanceMark &mark : m_marks) {
        switch (mark.status) {
        case AttendanceStatus::Present: ++counts.present; break;
        case AttendanceStatus::Late: ++counts.late; break;
        case AttendanceStatus::Absent: ++counts.absent; break;
        case AttendanceStatus::Leave: ++counts.leave; break;
        case AttendanceStatus::EarlyLeave: ++counts.earlyLeave; break;
        }
    }
    return counts;
}

int AttendanceModel::unmarkedCount() const
{
    int unmarked = 0;
    for (const Student &student : m_students) {
        if (!m_marks.contains(student.id))
            ++unmarked;
    }
    return unmarked;
}

void AttendanceModel::reportError(const Error &error)
{
    qCWarning(lcUi) << "Attendance:" << error.code;
    emit errorOccurred(error.displayText());
}

} // namespace ClassDesk
