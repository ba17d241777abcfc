// SPDX-License-Identifier: GPL-3.0-or-later
#include "entityrules.h"

#include "authservice.h"
#include "entitystore.h"

#include <algorithm>
#include <map>
#include <vector>

namespace ClassDeskServer::EntityRules {

namespace {

enum class FieldType { Text, Integer, Number, Date, Time, Instant, Choice, Reference, FileId, Sha256, Object, TextList, ReferenceList, ObjectList };

struct FieldRule
{
    std::string_view name;
    FieldType type;
    bool required = false;
    std::string_view target = {}; // referenced entity, or "|"-separated choices
};

// The fields follow the client's local model, which is what the product
// needs; the optional extras (school_year, description, max_score, rooms and
// times of lessons) are kept for other clients of the platform.
const std::map<std::string_view, std::vector<FieldRule>> &rules()
{
    using enum FieldType;
    static const std::map<std::string_view, std::vector<FieldRule>> s_rules = {
        {"school", {{"name", Text, true}, {"time_zone", Text, true}}},
        {"class", {{"name", Text, true}, {"grade", Text}, {"school_year", Text}}},
        {"student",
         {{"class_id", Reference, false, "class"},
          {"name", Text, true},
          {"student_number", Text, true},
          {"gender", Choice, false, "female|male|unspecified"},
          {"notes", Object}}},
        {"course", {{"class_id", Reference, true, "class"}, {"name", Text, true}, {"subject", Text}}},
        {"lesson",
         {{"course_id", Reference, true, "course"},
          {"date", Date, true},
          {"period", Integer, true},
          {"starts_at", Time},
          {"ends_at", Time},
          {"room", Text},
          {"topic", Text},
          {"courseware_ids", ReferenceList, false, "courseware"}}},
        {"assignment",
         {{"course_id", Reference, false, "course"},
          {"title", Text, true},
          {"instructions", Text},
          {"due_date", Date},
          {"due_time", Time},
          {"due_time_zone", Text, true},
          {"target_class_ids", ReferenceList, false, "class"},
          {"attachment_ids", ReferenceList, false, "courseware"},
          {"state", Choice, false, "draft|scheduled|published"},
          {"publish_at", Instant},
          {"description", Text},
          {"lesson_id", Reference, false, "lesson"},
          {"max_score", Number}}},
        {"attendance_session",
         {{"class_id", Reference, true, "class"},
          {"date", Date, true},
          {"period", Integer, true},
          {"lesson_id", Reference, false, "lesson"}}},
        {"attendance_record",
         {{"session_id", Reference, true, "attendance_session"},
          {"student_id", Reference, true, "student"},
          {"status", Choice, true, "present|late|absent|leave|early_leave"},
          {"marked_at", Instant, true},
          {"device", Text},
          {"note", Text}}},
        {"courseware",
         {{"course_id", Reference, false, "course"},
          {"title", Text, true},
          {"sha256", Sha256, true},
          {"size", Integer, true},
          {"content_type", Text, true},
          {"tags", TextList},
          {"duration_ms", Integer},
          {"page_count", Integer},
          {"chapter_marks", ObjectList},
          {"lesson_id", Reference, false, "lesson"},
          {"file_id", FileId}}},
        {"submission",
         {{"assignment_id", Reference, true, "assignment"},
          {"student_id", Reference, true, "student"},
          {"state", Choice, false, "missing|submitted|late|graded|returned"},
          {"submitted_at", Instant},
          {"score", Number},
          {"comment", Text},
          {"file_id", FileId}}},
    };
    return s_rules;
}

bool isDigits(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    if (!isDigits(text.substr(0, 4)) || !isDigits(text.substr(5, 2)) || !isDigits(text.substr(8, 2)))
        return false;
    const int month = std::stoi(std::string(text.substr(5, 2)));
    const int day = std::stoi(std::string(text.substr(8, 2)));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool isTime(std::string_view text)
{
    if (text.size() != 5 || text[2] != ':' || !isDigits(text.substr(0, 2)) || !isDigits(text.substr(3, 2)))
        return false;
    return std::stoi(std::string(text.substr(0, 2))) < 24 && std::stoi(std::string(text.substr(3, 2))) < 60;
}

bool isChoice(std::string_view value, std::string_view choices)
{
    size_t start = 0;
    while (start <= choices.size()) {
        size_t end = choices.find('|', start);
        if (end == std::string_view::npos)
            end = choices.size();
        if (choices.substr(start, end - start) == value)
            return true;
        start = end + 1;
    }
    return false;
}

bool isSha256(std::string_view text)
{
    return text.size() == 64
        && std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::optional<std::string> checkReference(const std::string &name, std::string_view target, const nlohmann::json &value,
                                          EntityStore &store, const Teacher &teacher)
{
    if (!value.is_string() || !isUuid(value.get<std::string>()))
        return name + " must contain the UUID of a " + std::string(target);
    const auto row = store.load(value.get<std::string>());
    if (!row || row->deleted || row->entity != target || !EntityStore::isVisibleTo(*row, teacher))
        return name + " does not name a " + std::string(target) + " you can see";
    return std::nullopt;
}

std::optional<std::string> checkField(const FieldRule &rule, const nlohmann::json &value, EntityStore &store,
                                      const Teacher &teacher)
{
    const std::string name(rule.name);
    switch (rule.type) {
    case FieldType::Text:
        if (!value.is_string() || (rule.required && value.get<std::string>().empty()))
            return name + " must be a non-empty string";
        return std::nullopt;
    case FieldType::Integer:
    case FieldType::Instant:
        if (!value.is_number_integer() || value.get<std::int64_t>() < 0)
            return name + " must be a non-negative integer";
        return std::nullopt;
    case FieldType::Number:
        if (!value.is_number() || value.get<double>() < 0)
            return name + " must be a non-negative number";
        return std::nullopt;
    case FieldType::Date:
        if (!value.is_string() || !isDate(value.get<std::string>()))
            return name + " must be a date as YYYY-MM-DD";
        return std::nullopt;
    case FieldType::Time:
        if (!value.is_string() || !isTime(value.get<std::string>()))
            return name + " must be a time of day as HH:MM";
        return std::nullopt;
    case FieldType::Choice:
        if (!value.is_string() || !isChoice(value.get<std::string>(), rule.target))
            return name + " must be one of " + std::string(rule.target);
        return std::nullopt;
    case FieldType::FileId:
        if (!value.is_string() || value.get<std::string>().empty())
            return name + " must be a file id";
        return std::nullopt;
    case FieldType::Sha256:
        if (!value.is_string() || !isSha256(value.get<std::string>()))
            return name + " must be 64 lower-case hex digits";
        return std::nullopt;
    case FieldType::Object:
        if (!value.is_object())
            return name + " must be a JSON object";
        return std::nullopt;
    case FieldType::ObjectList:
        if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const auto &item) { return item.is_object(); }))
            return name + " must be an array of objects";
        return std::nullopt;
    case FieldType::TextList:
        if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const auto &item) { return item.is_string(); }))
            return name + " must be an array of strings";
        return std::nullopt;
    case FieldType::ReferenceList:
        if (!value.is_array())
            return name + " must be an array of " + std::string(rule.target) + " ids";
        for (const auto &item : value) {
            if (auto problem = checkReference(name, rule.target, item, store, teacher))
                return problem;
        }
        return std::nullopt;
    case FieldType::Reference:
        break;
    }
    return checkReference(name, rule.target, value, store, teacher);
}

} // namespace

bool isKnownEntity(std::string_view entity)
{
    return rules().contains(entity);
}

bool isTeacherOwned(std::string_view entity)
{
    return entity != "school" && entity != "class" && entity != "student";
}

bool isReadOnly(std::string_view entity)
{
    return entity == "school";
}

std::optional<std::string> validate(std::string_view entity, const nlohmann::json &data, EntityStore &store,
                                    const Teacher &teacher)
{
    if (!data.is_object())
        return "data must be a JSON object";
    const auto &fieldRules = rules().at(entity);

    for (const auto &[name, value] : data.items()) {
        const bool known = std::any_of(fieldRules.begin(), fieldRules.end(),
                                       [&](const FieldRule &rule) { return rule.name == name; });
        if (!known && !(entity == "attendance_record" && name == "history"))
            return "unknown field " + name + " for " + std::string(entity);
    }

    for (const FieldRule &rule : fieldRules) {
        const auto found = data.find(rule.name);
        if (found == data.end() || found->is_null()) {
            if (rule.required)
                return std::string(rule.name) + " is required";
            continue;
        }
        if (auto problem = checkField(rule, *found, store, teacher))
            return problem;
    }
    return std::nullopt;
}

std::optional<std::string> naturalKey(std::string_view entity, const nlohmann::json &data, std::string_view schoolId)
{
    if (entity == "attendance_record")
        return data.value("session_id", "") + "|" + data.value("student_id", "");
    if (entity == "student")
        return std::string(schoolId) + "|" + data.value("student_number", "");
    return std::nullopt;
}

bool isUuid(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (dash ? c != '-' : !hex)
            return false;
    }
    return true;
}

} // namespace ClassDeskServer::EntityRules
