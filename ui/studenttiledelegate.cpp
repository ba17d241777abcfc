// SPDX-License-Identifier: GPL-3.0-or-later
#include "studenttiledelegate.h"

#include "attendancemodel.h"

#include <QPainter>
#include <QPainterPath>

namespace ClassDesk {

namespace {

QColor tileColor(const QVariant &status)
{
    if (!status.isValid())
        return QColor(0xf1, 0xf1, 0xf1);
    switch (static_cast<AttendanceStatus>(status.toInt())) {
    case AttendanceStatus::Present: return QColor(0xd4, 0xef, 0xdc);
    case AttendanceStatus::Late: return QColor(0xfc, 0xe6, 0xc4);
    case AttendanceStatus::Absent: return QColor(0xf6, 0xcf, 0xcf);
    case AttendanceStatus::Leave: return QColor(0xd6, 0xe4, 0xf7);
    case AttendanceStatus::EarlyLeave: return QColor(0xe8, 0xdb, 0xf4);
    }
    return QColor(0xf1, 0xf1, 0xf1);
}

} // namespace

void StudentTileDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const QRectF tile = QRectF(option.rect).adjusted(3, 3, -3, -3);
    const QVariant status = index.data(AttendanceModel::StatusRole);
    QPainterPath outline;
    outline.addRoundedRect(tile, 6, 6);
    painter->fillPath(outline, tileColor(status));

    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool focused = option.state.testFlag(QStyle::State_HasFocus);
    QPen border(selected || focused ? option.palette.highlight().color() : QColor(0xc8, 0xc8, 0xc8));
    border.setWidthF(selected || focused ? 2.5 : 1.0);
    painter->setPen(border);
    painter->drawPath(outline);

    const QRectF text = tile.adjusted(8, 6, -8, -6);
    painter->setPen(QColor(0x20, 0x20, 0x20));

    QFont nameFont = option.font;
    nameFont.setBold(true);
    nameFont.setPointSizeF(option.font.pointSizeF() * 1.15);
    painter->setFont(nameFont);
    const QString name = QFontMetrics(nameFont).elidedText(index.data(Qt::DisplayRole).toString(),
                                                           Qt::ElideRight, int(text.width()));
    painter->drawText(text, Qt::AlignLeft | Qt::AlignTop, name);

    QFont smallFont = option.font;
    smallFont.setPointSizeF(option.font.pointSizeF() * 0.9);
    painter->setFont(smallFont);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                      index.data(AttendanceModel::StudentNumberRole).toString());

    const QString statusText = status.isValid()
                                   ? attendanceStatusName(static_cast<AttendanceStatus>(status.toInt()))
                                   : tr("Not marked");
    QString bottomLine = statusText;
    if (!index.data(AttendanceModel::NoteRole).toString().isEmpty())
        bottomLine += QStringLiteral(" ✎");
    painter->drawText(text, Qt::AlignLeft | Qt::AlignBottom, bottomLine);

    painter->restore();
}

QSize StudentTileDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // Grow with the font so large system fonts and high-DPI screens still fit the name.
    const int lineHeight = option.fontMetrics.height();
    return QSize(std::max(TileSize.width(), lineHeight * 8), std::max(TileSize.height(), lineHeight * 4 + 8));
}

} // namespace ClassDesk
