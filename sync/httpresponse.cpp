// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpresponse.h"

#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace ClassDesk {

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return entry.second;
    }
    return {};
}

bool HttpResponse::hasHeader(const QByteArray &name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

std::optional<std::chrono::seconds> HttpResponse::retryAfter(const QDateTime &now) const
{
    const QByteArray value = header(QByteArrayLiteral("Retry-After")).trimmed();
    if (value.isEmpty())
        return std::nullopt;

    bool isNumber = false;
    const qlonglong seconds = value.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional(std::chrono::seconds(seconds));

    // IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT"; the day and month names are English.
    const QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(value).chopped(4),
                                                   QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!date.isValid() || !value.endsWith(" GMT"))
        return std::nullopt;
    const QDateTime utc(date.date(), date.time(), QTimeZone::utc());
    return std::chrono::seconds(std::max<qint64>(0, now.secsTo(utc)));
}

} // namespace ClassDesk
