// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace ClassDeskServer {

class EntityStore;
struct Teacher;

// What each entity's data may contain, who owns it and what it refers to.
// docs/api/openapi.yaml describes the same fields; a change here belongs there too.
namespace EntityRules {

[[nodiscard]] bool isKnownEntity(std::string_view entity);
// Course-side entities belong to the teacher who created them; school-side
// ones (class, student) to every teacher of the school.
[[nodiscard]] bool isTeacherOwned(std::string_view entity);
// The school itself is managed by the platform, not through mutations.
[[nodiscard]] bool isReadOnly(std::string_view entity);

// Checks complete entity data: required fields, types, formats and that every
// reference names a visible, undeleted entity of the right kind. Returns a
// message naming the bad field, or nothing when the data is valid.
[[nodiscard]] std::optional<std::string> validate(std::string_view entity, const nlohmann::json &data,
                                                  EntityStore &store, const Teacher &teacher);

// The key under which no two live entities may exist: (session, student) for
// attendance records, (school, student number) for students.
[[nodiscard]] std::optional<std::string> naturalKey(std::string_view entity, const nlohmann::json &data,
                                                    std::string_view schoolId);

[[nodiscard]] bool isUuid(std::string_view text);

} // namespace EntityRules
} // namespace ClassDeskServer
