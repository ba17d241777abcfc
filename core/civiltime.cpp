// SPDX-License-Identifier: GPL-3.0-or-later
#include "civiltime.h"

#include <QDateTime>

namespace ClassDesk::CivilTime {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString dateText(QDate date)
{
    return date.toString(Qt::ISODate);
}

std::optional<QDate> parseDate(const QString &text)
{
    if (text.size() != 10)
        return std::nullopt;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    return date.isValid() ? std::optional(date) : std::nullopt;
}

QString timeText(QTime time)
{
    return time.toString(QStringLiteral("HH:mm"));
}

std::optional<QTime> parseTime(const QString &text)
{
    const QTime time = QTime::fromString(text, QStringLiteral("HH:mm"));
    return time.isValid() ? std::optional(time) : std::nullopt;
}

QDate dateAt(qint64 utcMs, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).date();
}

qint64 instantOf(QDate date, QTime time, const QTimeZone &zone)
{
    const QDateTime local(date, time, zone);
    if (local.isValid())
        return local.toMSecsSinceEpoch();

    // Qt 6.4 marks a time in a DST gap invalid. Reading it with the offset in
    // force a day earlier moves it forward by the gap: 02:30 becomes 03:30.
    constexpr qint64 DayMs = 24 * 60 * 60 * 1000;
    const qint64 asUtc = QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch();
    const int offsetBefore = zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(asUtc - DayMs, QTimeZone::utc()));
    return asUtc - qint64(offsetBefore) * 1000;
}

} // namespace ClassDesk::CivilTime
