// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancestatisticsview.h"

#include "attendanceexporter.h"
#include "attendancereportsource.h"
#include "classstore.h"
#include "schoolstore.h"
#include "uilogging.h"
#include "workspace.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace ClassDesk {

namespace {

enum StudentColumn { NumberColumn, NameColumn, PresentColumn, LateColumn, AbsentColumn, LeaveColumn,
                     EarlyLeaveColumn, RateColumn, ColumnCount };

QTableWidgetItem *numberItem(int value)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString percentText(std::optional<double> rate)
{
    if (!rate)
        return QStringLiteral("—");
    return QLocale().toString(*rate * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace

AttendanceStatisticsView::AttendanceStatisticsView(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    buildLayout();

    const auto today = m_workspace.schools().dateAt(m_workspace.schoolId(), QDateTime::currentMSecsSinceEpoch());
    const auto [from, to] = termContaining(today ? *today : QDate::currentDate());
    m_fromEdit->setDate(from);
    m_toEdit->setDate(to);

    connect(m_classBox, &QComboBox::currentIndexChanged, this, &AttendanceStatisticsView::refresh);
    connect(m_fromEdit, &QDateEdit::dateChanged, this, &AttendanceStatisticsView::refresh);
    connect(m_toEdit, &QDateEdit::dateChanged, this, &AttendanceStatisticsView::refresh);
    connect(&m_workspace.classes(), &ClassStore::changed, this, &AttendanceStatisticsView::reloadWhenShown);
    reloadClasses();
}

std::pair<QDate, QDate> AttendanceStatisticsView::termContaining(QDate date)
{
    const int year = date.year();
    if (date.month() >= 9)
        return {QDate(year, 9, 1), QDate(year + 1, 1, 31)};
    if (date.month() == 1)
        return {QDate(year - 1, 9, 1), QDate(year, 1, 31)};
    return {QDate(year, 2, 1), QDate(year, 8, 31)};
}

void AttendanceStatisticsView::buildLayout()
{
    m_classBox = new QComboBox(this);
    m_classBox->setObjectName(QStringLiteral("statisticsClassBox"));
    m_classBox->setAccessibleName(tr("Class"));

    m_fromEdit = new QDateEdit(this);
    m_fromEdit->setCalendarPopup(true);
    m_fromEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_fromEdit->setAccessibleName(tr("From"));
    m_toEdit = new QDateEdit(this);
    m_toEdit->setCalendarPopup(true);
    m_toEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_toEdit->setAccessibleName(tr("To"));

    auto *classLabel = new QLabel(tr("&Class:"), this);
    classLabel->setBuddy(m_classBox);
    auto *fromLabel = new QLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_fromEdit);
    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_toEdit);

    auto *pickerRow = new QHBoxLayout;
    pickerRow->addWidget(classLabel);
    pickerRow->addWidget(m_classBox);
    pickerRow->addSpacing(12);
    pickerRow->addWidget(fromLabel);
    pickerRow->addWidget(m_fromEdit);
    pickerRow->addWidget(toLabel);
    pickerRow->addWidget(m_toEdit);
    pickerRow->addStretch();
    m_exportButton = new QPushButton(tr("&Export…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setAccessibleName(tr("Export attendance"));
    connect(m_exportButton, &QPushButton::clicked, this, &AttendanceStatisticsView::exportReport);
    pickerRow->addWidget(m_exportButton);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));

    m_dailyRates = new QLineSeries;
    m_dailyRates->setName(tr("Daily attendance rate"));
    m_dailyRates->setPointsVisible(true);
    auto *chart = new QChart;
    chart->addSeries(m_dailyRates);
    chart->legend()->hide();
    chart->setTitle(tr("Daily attendance rate (%)"));

    auto *dateAxis = new QDateTimeAxis;
    dateAxis->setFormat(QStringLiteral("MM-dd"));
    chart->addAxis(dateAxis, Qt::AlignBottom);
    m_dailyRates->attachAxis(dateAxis);
    auto *rateAxis = new QValueAxis;
    rateAxis->setRange(0, 100);
    rateAxis->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(rateAxis, Qt::AlignLeft);
    m_dailyRates->attachAxis(rateAxis);

    m_chartView = new QChartView(chart, this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_chartView->setAccessibleName(tr("Daily attendance rate chart"));

    m_studentTable = new QTableWidget(0, ColumnCount, this);
    m_studentTable->setObjectName(QStringLiteral("studentTable"));
    m_studentTable->setAccessibleName(tr("Attendance per student"));
    m_studentTable->setHorizontalHeaderLabels({tr("Student number"), tr("Name"), tr("Present"), tr("Late"),
                                               tr("Absent"), tr("Leave"), tr("Early leave"), tr("Rate")});
    m_studentTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_studentTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_studentTable->verticalHeader()->hide();
    m_studentTable->horizontalHeader()->setStretchLastSection(true);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chartView);
    splitter->addWidget(m_studentTable);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pickerRow);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(splitter, 1);
}

void AttendanceStatisticsView::reloadClasses()
{
    const QString previous = m_classBox->currentData().toString();
    const auto classes = m_workspace.classes().classes(m_workspace.schoolId());
    {
        const QSignalBlocker blocker(m_classBox);
        m_classBox->clear();
        if (classes) {
            for (const SchoolClass &schoolClass : *classes)
                m_classBox->addItem(schoolClass.name, schoolClass.id);
        }
        const int previousIndex = m_classBox->findData(previous);
        m_classBox->setCurrentIndex(previousIndex >= 0 ? previousIndex : 0);
    }
    refresh();
}

void AttendanceStatisticsView::reloadWhenShown()
{
    // A class of thousands of students takes a query per student, and a sync
    // or an import changes classes many times while the view is hidden.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    reloadClasses();
}

void AttendanceStatisticsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        reloadClasses();
    }
}

void AttendanceStatisticsView::setRange(QDate from, QDate to)
{
    const QSignalBlocker fromBlocker(m_fromEdit);
    const QSignalBlocker toBlocker(m_toEdit);
    m_fromEdit->setDate(from);
    m_toEdit->setDate(to);
    refresh();
}

void AttendanceStatisticsView::refresh()
{
    const QString classId = m_classBox->currentData().toString();
    const QDate from = m_fromEdit->date();
    const QDate to = m_toEdit->date();
    if (classId.isEmpty() || from > to) {
        m_dailyRates->clear();
        m_studentTable->setRowCount(0);
        m_summaryLabel->setText(from > to ? tr("The start date is after the end date.") : QString());
        return;
    }

    const auto total = m_workspace.attendance().classCounts(classId, from, to);
    m_summaryLabel->setText(total ? tr("Attendance rate %1 over %2 marks")
                                        .arg(percentText(total->rate()))
                                        .arg(total->total())
                                  : total.error().displayText());
    refreshChart(classId, from, to);
    refreshStudentTable(classId, from, to);
}

void AttendanceStatisticsView::refreshChart(const QString &classId, QDate from, QDate to)
{
    // TODO: one grouped query per range instead of one per day, if a full
    // school year on an old PC turns out slow.
    QList<QPointF> points;
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        const auto counts = m_workspace.attendance().classCounts(classId, day, day);
        if (!counts || !counts->rate())
            continue;
        // The chart places civil dates at noon UTC so no time zone moves them across midnight.
        const qint64 x = QDateTime(day, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        points.append(QPointF(double(x), *counts->rate() * 100.0));
    }
    m_dailyRates->replace(points);

    const auto axes = m_dailyRates->attachedAxes();
    for (QAbstractAxis *axis : axes) {
        if (auto *dateAxis = qobject_cast<QDateTimeAxis *>(axis)) {
            dateAxis->setRange(QDateTime(from, QTime(0, 0), Qt::UTC),
                               QDateTime(to, QTime(23, 59), Qt::UTC));
        }
    }
}

void AttendanceStatisticsView::refreshStudentTable(const QString &classId, QDate from, QDate to)
{
    StudentFilter filter;
    filter.schoolId = m_workspace.schoolId();
    filter.classId = classId;
    const auto students = m_workspace.classes().students(filter);
    m_studentTable->setSortingEnabled(false);
    m_studentTable->setRowCount(0);
    if (!students) {
        qCWarning(lcUi) << "Attendance statistics: students not loaded:" << students.error().code;
        return;
    }

    m_studentTable->setRowCount(int(students->size()));
    for (int row = 0; row < students->size(); ++row) {
        const Student &student = students->at(row);
        const auto counts = m_workspace.attendance().studentCounts(student.id, from, to);
        const AttendanceCounts shown = counts ? *counts : AttendanceCounts{};

        m_studentTable->setItem(row, NumberColumn, new QTableWidgetItem(student.studentNumber));
        m_studentTable->setItem(row, NameColumn, new QTableWidgetItem(student.name));
        m_studentTable->setItem(row, PresentColumn, numberItem(shown.present));
        m_studentTable->setItem(row, LateColumn, numberItem(shown.late));
        m_studentTable->setItem(row, AbsentColumn, numberItem(shown.absent));
        m_studentTable->setItem(row, LeaveColumn, numberItem(shown.leave));
        m_studentTable->setItem(row, EarlyLeaveColumn, numberItem(shown.earlyLeave));
        auto *rateItem = new QTableWidgetItem(percentText(shown.rate()));
        rateItem->setData(Qt::UserRole, shown.rate().value_or(-1.0));
        rateItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_studentTable->setItem(row, RateColumn, rateItem);
    }
    m_studentTable->setSortingEnabled(true);
    m_studentTable->resizeColumnsToContents();
}

void AttendanceStatisticsView::exportReport()
{
    const QString className = m_classBox->currentText();
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(tr("%1 attendance %2 to %3.xlsx")
                                                .arg(className, m_fromEdit->date().toString(Qt::ISODate),
                                                     m_toEdit->date().toString(Qt::ISODate)));

    // A dialog of Qt's own, opened without a nested event loop, so the rest
    // of the window stays live and a test can fill it in.
    auto *dialog = new QFileDialog(this, tr("Export attendance"), suggested);
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setNameFilters({tr("Excel workbook (*.xlsx)"), tr("CSV file (*.csv)")});
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        dialog->setDefaultSuffix(filter.contains(QLatin1String("*.csv")) ? QStringLiteral("csv")
                                                                         : QStringLiteral("xlsx"));
    });
    dialog->setDefaultSuffix(QStringLiteral("xlsx"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (auto written = exportTo(path); !written) {
            qCWarning(lcUi) << "Attendance export failed:" << written.error().code;
            QMessageBox::warning(this, tr("Export attendance"),
                                 tr("The attendance could not be saved to %1: %2")
                                     .arg(QDir::toNativeSeparators(path), written.error().displayText()));
        }
    });
    dialog->open();
}

Status AttendanceStatisticsView::exportTo(const QString &path)
{
    const QString classId = m_classBox->currentData().toString();
    if (classId.isEmpty())
        return std::unexpected(Error{QStringLiteral("export.no_class"), tr("Choose a class to export.")});

    const auto input = loadAttendanceReport(m_workspace.classes(), m_workspace.attendance(), m_workspace.schoolId(),
                                            classId, m_classBox->currentText(), m_fromEdit->date(), m_toEdit->date());
    if (!input)
        return std::unexpected(input.error());
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return AttendanceExporter::writeCsv(path, *input);
    return AttendanceExporter::writeXlsx(path, *input);
}

} // namespace ClassDesk
