// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databasehealth.h"

#include <QDialog>

class QPushButton;

namespace ClassDesk {

// Shown at start when the database file is damaged or missing while
// automatic backups exist. It offers to restore the newest backup or to
// quit. It never offers to start with an empty database, because a teacher
// who clicks through would lose every unsynced mark without noticing.
class DatabaseRecoveryDialog : public QDialog
{
    Q_OBJECT

public:
    // `backupPath` is empty when no backup exists; then only Quit is offered.
    DatabaseRecoveryDialog(const DatabaseHealth &health, const QString &databasePath, const QString &backupPath,
                           QWidget *parent = nullptr);

    [[nodiscard]] QString message() const;
    [[nodiscard]] QPushButton *restoreButton() const { return m_restoreButton; }
    [[nodiscard]] QPushButton *quitButton() const { return m_quitButton; }

private:
    QString m_message;
    QPushButton *m_restoreButton = nullptr;
    QPushButton *m_quitButton = nullptr;
};

} // namespace ClassDesk
