// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace ClassDesk {

AboutDialog::AboutDialog(const QString &version, const QString &revision, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About ClassDesk"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/classdesk.svg")).pixmap(64, 64));

    auto *name = new QLabel(tr("ClassDesk"), this);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    name->setFont(nameFont);

    auto *versionLabel = new QLabel(tr("Version %1 (build %2)").arg(version, revision), this);
    versionLabel->setObjectName(QStringLiteral("versionLabel"));
    versionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *description = new QLabel(
        tr("A teaching assistant that works offline and syncs with your school's platform."), this);
    description->setWordWrap(true);

    auto *license = new QLabel(tr("Free software under the GNU General Public License, version 3 or later."),
                               this);
    license->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(icon, 0, Qt::AlignHCenter);
    layout->addWidget(name, 0, Qt::AlignHCenter);
    layout->addWidget(versionLabel, 0, Qt::AlignHCenter);
    layout->addWidget(description);
    layout->addWidget(license);
    layout->addWidget(buttons);
}

} // namespace ClassDesk
