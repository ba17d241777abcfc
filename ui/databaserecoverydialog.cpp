// SPDX-License-Identifier: GPL-3.0-or-later
#include "databaserecoverydialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace ClassDesk {

DatabaseRecoveryDialog::DatabaseRecoveryDialog(const DatabaseHealth &health, const QString &databasePath,
                                               const QString &backupPath, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("The local database needs repair"));

    const QString file = QDir::toNativeSeparators(databasePath);
    QString problem = health.state == DatabaseHealth::State::Absent
                          ? tr("The local database %1 is missing.").arg(file)
                          : tr("The local database %1 is damaged (%2).").arg(file, health.detail);
    if (backupPath.isEmpty()) {
        m_message = problem + QLatin1Char(' ')
                    + tr("No automatic backup exists. Copy the file somewhere safe and ask your school's "
                         "administrator for help; ClassDesk does not start with an empty database.");
    } else {
        const QDateTime taken = QFileInfo(backupPath).lastModified();
        m_message = problem + QLatin1Char(' ')
                    + tr("ClassDesk can restore the automatic backup from %1. Work saved after that time is lost "
                         "unless it was synced to the platform. The damaged file is kept beside the database.")
                          .arg(QLocale().toString(taken, QLocale::LongFormat));
    }

    auto *text = new QLabel(m_message, this);
    text->setObjectName(QStringLiteral("messageLabel"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    if (!backupPath.isEmpty()) {
        m_restoreButton = buttons->addButton(tr("Restore the backup"), QDialogButtonBox::AcceptRole);
        m_restoreButton->setDefault(true);
    }
    m_quitButton = buttons->addButton(tr("Quit ClassDesk"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
}

QString DatabaseRecoveryDialog::message() const
{
    return m_message;
}

} // namespace ClassDesk
