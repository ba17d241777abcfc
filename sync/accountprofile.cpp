// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountprofile.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ClassDesk {

namespace {

// Ids are strings in the API, but an integer id is accepted as well.
QString idValue(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

} // namespace

std::optional<AccountProfile> AccountProfile::fromJson(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const QJsonObject teacher = document.object().value(QLatin1String("teacher")).toObject();
    const QJsonObject school = document.object().value(QLatin1String("school")).toObject();

    AccountProfile profile;
    profile.teacherId = idValue(teacher.value(QLatin1String("id")));
    profile.teacherName = teacher.value(QLatin1String("name")).toString();
    profile.username = teacher.value(QLatin1String("username")).toString();
    profile.schoolId = idValue(school.value(QLatin1String("id")));
    profile.schoolName = school.value(QLatin1String("name")).toString();
    profile.schoolTimeZoneId = school.value(QLatin1String("time_zone")).toString();

    if (profile.teacherId.isEmpty() || profile.username.isEmpty() || profile.schoolId.isEmpty()
        || !profile.schoolTimeZone().isValid()) {
        return std::nullopt;
    }
    return profile;
}

} // namespace ClassDesk
