// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace ClassDesk {

class AttendanceStore;

// A banner over the attendance grid while marks taken under a wrong computer
// clock wait for the teacher. It lists them with the time the clock showed,
// and "Confirm" sends them with the current time (the shown time stays in the
// mark's history). Hidden while nothing is held.
class HeldMarksBanner : public QFrame
{
    Q_OBJECT

public:
    explicit HeldMarksBanner(AttendanceStore &attendance, QWidget *parent = nullptr);

    [[nodiscard]] QPushButton *confirmButton() const { return m_confirmButton; }
    [[nodiscard]] int heldCount() const { return int(m_recordIds.size()); }

public slots:
    // Reads the held marks again; the store's changed() signal calls it too.
    void refresh();
    void confirmAll();

private:
    AttendanceStore &m_attendance;
    QLabel *m_textLabel = nullptr;
    QPushButton *m_confirmButton = nullptr;
    QStringList m_recordIds;
};

} // namespace ClassDesk
