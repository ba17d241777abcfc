// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace ClassDesk {

// Stands in for a section of the main window that has not been built yet,
// and says so in words rather than showing an empty page.
class PlaceholderPage : public QWidget
{
    Q_OBJECT

public:
    PlaceholderPage(const QString &sectionTitle, const QString &purpose, QWidget *parent = nullptr);
};

} // namespace ClassDesk
