// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ClassDesk {

PlaceholderPage::PlaceholderPage(const QString &sectionTitle, const QString &purpose, QWidget *parent)
    : QWidget(parent)
{
    auto *title = new QLabel(sectionTitle, this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *purposeLabel = new QLabel(purpose, this);
    purposeLabel->setWordWrap(true);

    auto *status = new QLabel(tr("This section is not built yet."), this);
    status->setObjectName(QStringLiteral("placeholderStatus"));
    status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(purposeLabel);
    layout->addSpacing(12);
    layout->addWidget(status);
    layout->addStretch();

    setAccessibleName(sectionTitle);
}

} // namespace ClassDesk
