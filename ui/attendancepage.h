// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attendancestore.h"

#include <QDate>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QListView;
class QPushButton;
class QSpinBox;
class QTimer;

namespace ClassDesk {

class AttendanceModel;
class Workspace;

// Taking attendance: pick a class, date and period, then mark students on a
// grid of tiles. A click cycles a tile's mark; keys 1 to 5 or the context menu
// set one directly; "All present" marks everyone still unmarked at once.
class AttendancePage : public QWidget
{
    Q_OBJECT

public:
    explicit AttendancePage(Workspace &workspace, QWidget *parent = nullptr);

    [[nodiscard]] AttendanceModel *model() const { return m_model; }
    [[nodiscard]] QListView *grid() const { return m_grid; }

    void setAnimateRandomPick(bool animate);
    [[nodiscard]] bool animatesRandomPick() const;

public slots:
    void reloadClasses();
    void showSession(const QString &classId, QDate date, int period);
    void showClass(const QString &classId);
    // Picks a student at random and selects the tile, with a short animation
    // unless turned off; emits randomPickFinished() with the row.
    void pickRandomStudent();

signals:
    void randomPickFinished(int row);
    // The teacher asked to import a roster file.
    void importRosterRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildLayout();
    void loadSelectedSession();
    void updateCounts();
    void showContextMenu(const QPoint &position);
    void editNote(int row);
    void showError(const QString &message);
    void finishRandomPick();

    Workspace &m_workspace;
    AttendanceModel *m_model = nullptr;

    QComboBox *m_classBox = nullptr;
    QDateEdit *m_dateEdit = nullptr;
    QSpinBox *m_periodBox = nullptr;
    QPushButton *m_allPresentButton = nullptr;
    QPushButton *m_randomButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QCheckBox *m_animateBox = nullptr;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_pickedLabel = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QListView *m_grid = nullptr;

    QTimer *m_pickTimer = nullptr;
    int m_pickStepsLeft = 0;
    int m_pickedRow = -1;
};

} // namespace ClassDesk
