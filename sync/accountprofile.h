// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace ClassDesk {

// The signed-in teacher and their school, as GET /me returns them.
struct AccountProfile
{
    QString teacherId;
    QString teacherName;
    QString username;
    QString schoolId;
    QString schoolName;
    // IANA name such as "Asia/Shanghai". Civil dates (attendance days, due
    // days) are in this zone, not in the computer's.
    QString schoolTimeZoneId;

    [[nodiscard]] QTimeZone schoolTimeZone() const { return QTimeZone(schoolTimeZoneId.toUtf8()); }

    // Parses a /me body; nothing when a required member is missing.
    [[nodiscard]] static std::optional<AccountProfile> fromJson(const QByteArray &json);

    friend bool operator==(const AccountProfile &, const AccountProfile &) = default;
};

} // namespace ClassDesk
