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
    return QDateTime(date, time, zone).toMSecsSinceEpoch();
}

} // namespace ClassDesk::CivilTime
