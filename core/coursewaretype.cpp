// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursewaretype.h"

namespace ClassDesk {

namespace {

bool containsAny(const QString &text, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles) {
        if (text.contains(QLatin1StringView(needle)))
            return true;
    }
    return false;
}

} // namespace

CoursewareType coursewareType(const QString &mimeType)
{
    const QString mime = mimeType.toLower();
    if (mime.startsWith(QLatin1StringView("video/")))
        return CoursewareType::Video;
    if (mime.startsWith(QLatin1StringView("audio/")))
        return CoursewareType::Audio;
    if (mime.startsWith(QLatin1StringView("image/")))
        return CoursewareType::Image;
    if (containsAny(mime, {"presentation", "powerpoint", "vnd.wps-dps", "keynote"}))
        return CoursewareType::Slides;
    if (mime == QLatin1StringView("application/pdf") || mime.startsWith(QLatin1StringView("text/"))
        || containsAny(mime, {"msword", "wordprocessing", "opendocument.text", "spreadsheet", "ms-excel",
                              "rtf", "vnd.wps-wps", "vnd.wps-et", "epub"})) {
        return CoursewareType::Document;
    }
    return CoursewareType::Other;
}

QString coursewareTypeName(CoursewareType type)
{
    switch (type) {
    case CoursewareType::Document: return QStringLiteral("document");
    case CoursewareType::Slides: return QStringLiteral("slides");
    case CoursewareType::Video: return QStringLiteral("video");
    case CoursewareType::Audio: return QStringLiteral("audio");
    case CoursewareType::Image: return QStringLiteral("image");
    case CoursewareType::Other: break;
    }
    return QStringLiteral("other");
}

bool isOverLessonVideoLimit(CoursewareType type, std::optional<qint64> durationMs)
{
    return type == CoursewareType::Video && durationMs && *durationMs > LessonVideoLimitMs;
}

} // namespace ClassDesk
