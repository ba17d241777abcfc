// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace ClassDesk {

// Conversions between instants (UTC milliseconds) and the civil dates and
// times of a school. The zone always comes from the school's data, never
// from the machine, so a laptop set to another zone shows the same days.
namespace CivilTime {

// The current instant in UTC milliseconds.
[[nodiscard]] qint64 nowMs();

// 'YYYY-MM-DD', the form civil dates are stored in.
[[nodiscard]] QString dateText(QDate date);
[[nodiscard]] std::optional<QDate> parseDate(const QString &text);

// 'HH:MM', the form times of day are stored in.
[[nodiscard]] QString timeText(QTime time);
[[nodiscard]] std::optional<QTime> parseTime(const QString &text);

// The civil date in `zone` at the instant `utcMs`.
[[nodiscard]] QDate dateAt(qint64 utcMs, const QTimeZone &zone);

// The instant of a civil date and time in `zone`. A time that a DST change
// skips is moved forward by the length of the gap.
[[nodiscard]] qint64 instantOf(QDate date, QTime time, const QTimeZone &zone);

} // namespace CivilTime
} // namespace ClassDesk
