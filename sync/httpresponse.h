// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>

#include <chrono>
#include <optional>

namespace ClassDesk {

// The server's reply: the final status, its headers and the body, already
// decoded from gzip, deflate or brotli by the transport.
struct HttpResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    // TODO: courseware downloads need the body streamed to a file; today the
    // whole body is kept in memory.
    QByteArray body;

    // Returns the first header of that name, compared case-insensitively.
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    [[nodiscard]] bool hasHeader(const QByteArray &name) const;

    // Parses Retry-After as delta-seconds or an HTTP date (RFC 9110, 10.2.3)
    // relative to now; a date in the past gives zero.
    [[nodiscard]] std::optional<std::chrono::seconds> retryAfter(
        const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

} // namespace ClassDesk
