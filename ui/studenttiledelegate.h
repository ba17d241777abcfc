// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace ClassDesk {

// Paints a student as a tile: name, student number and the mark in words on a
// background coloured by the mark. The words carry the meaning; the colour only
// helps, so the grid reads the same for a colour-blind teacher.
class StudentTileDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr QSize TileSize{128, 76};

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace ClassDesk
