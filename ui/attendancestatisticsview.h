// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attendancestore.h"
#include "error.h"

#include <QDate>
#include <QWidget>

class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineSeries;
class QPushButton;
class QTableWidget;

namespace ClassDesk {

class Workspace;

// Attendance statistics of one class over a date range (a term by default):
// the daily attendance rate as a chart and one table row per student.
class AttendanceStatisticsView : public QWidget
{
    Q_OBJECT

public:
    explicit AttendanceStatisticsView(Workspace &workspace, QWidget *parent = nullptr);

    // The term that contains `date`: from 1 September to 31 January, or from
    // 1 February to 31 August, the usual split of the Chinese school year.
    [[nodiscard]] static std::pair<QDate, QDate> termContaining(QDate date);

    [[nodiscard]] QLineSeries *dailyRateSeries() const { return m_dailyRates; }
    [[nodiscard]] QTableWidget *studentTable() const { return m_studentTable; }

    // Saves the shown class and range to `path`, as CSV when the name ends
    // in .csv and as XLSX otherwise.
    [[nodiscard]] Status exportTo(const QString &path);

public slots:
    void reloadClasses();
    void setRange(QDate from, QDate to);
    void refresh();
    // Asks for a file name and saves the shown class and range there as XLSX or CSV.
    void exportReport();

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Reloads now when shown, else on the next show.
    void reloadWhenShown();
    void buildLayout();
    void refreshChart(const QString &classId, QDate from, QDate to);
    void refreshStudentTable(const QString &classId, QDate from, QDate to);

    Workspace &m_workspace;

    QComboBox *m_classBox = nullptr;
    QDateEdit *m_fromEdit = nullptr;
    QDateEdit *m_toEdit = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QChartView *m_chartView = nullptr;
    QLineSeries *m_dailyRates = nullptr;
    QTableWidget *m_studentTable = nullptr;
    QPushButton *m_exportButton = nullptr;
    bool m_stale = false; // the classes changed while the view was hidden
};

} // namespace ClassDesk
