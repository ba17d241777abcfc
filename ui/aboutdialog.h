// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace ClassDesk {

// Shows the version and the git revision of the build, which a school's IT
// staff quote when they report a problem.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    AboutDialog(const QString &version, const QString &revision, QWidget *parent = nullptr);
};

} // namespace ClassDesk
