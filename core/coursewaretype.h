// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace ClassDesk {

// The kinds of courseware the library filters by, derived from the MIME type.
enum class CoursewareType { Document, Slides, Video, Audio, Image, Other };

[[nodiscard]] CoursewareType coursewareType(const QString &mimeType);

// A stable name for logs and settings, such as "slides".
[[nodiscard]] QString coursewareTypeName(CoursewareType type);

// Longest video that plays well as one piece of a lesson. Students' attention
// drops in longer clips, so ClassDesk suggests splitting them or adding
// chapter marks.
constexpr qint64 LessonVideoLimitMs = 10 * 60 * 1000;

// True for a video known to run longer than LessonVideoLimitMs. An unknown
// duration is not over the limit.
[[nodiscard]] bool isOverLessonVideoLimit(CoursewareType type, std::optional<qint64> durationMs);

} // namespace ClassDesk
