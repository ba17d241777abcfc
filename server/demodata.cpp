// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodata.h"

#include "authservice.h"
#include "crypto.h"
#include "entitystore.h"
#include "problem.h"
#include "serverdatabase.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>

namespace ClassDeskServer {

namespace {

// std::mt19937's output is fixed by the standard, unlike the distributions,
// so the same seed gives the same school with every standard library.
class DemoRandom
{
public:
    explicit DemoRandom(std::uint32_t seed) : m_engine(seed) {}
    [[nodiscard]] size_t below(size_t bound) { return m_engine() % bound; }
    template<typename T, size_t N>
    [[nodiscard]] const T &pick(const std::array<T, N> &items) { return items[below(N)]; }

private:
    std::mt19937 m_engine;
};

constexpr std::uint32_t s_seed = 20260901;

constexpr std::array<std::string_view, 48> s_surnames = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "欧阳",
};

constexpr std::array<std::string_view, 64> s_givenCharacters = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
    "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "飞", "鑫", "波", "宇", "浩", "凯", "欣",
    "怡", "佳", "俊", "雪", "梅", "琳", "晨", "阳", "博", "文", "子", "涵", "轩", "睿", "思", "雨",
    "嘉", "梓", "昊", "然", "一", "诺", "若", "晴", "安", "宁", "志", "远", "铭", "瑶", "悦", "航",
};

constexpr std::string_view s_passwordCharacters = "abcdefghijkmnpqrstuvwxyz23456789";

struct Period
{
    const char *startsAt;
    const char *endsAt;
};

constexpr std::array<Period, 7> s_periods = {{
    {"08:00", "08:45"}, {"08:55", "09:40"}, {"10:00", "10:45"}, {"10:55", "11:40"},
    {"14:00", "14:45"}, {"14:55", "15:40"}, {"15:50", "16:35"},
}};

std::string makeName(DemoRandom &random)
{
    std::string name(random.pick(s_surnames));
    name += random.pick(s_givenCharacters);
    if (random.below(3) != 0)
        name += random.pick(s_givenCharacters);
    return name;
}

std::string makePassword(DemoRandom &random)
{
    std::string password;
    for (int group = 0; group < 3; ++group) {
        if (group > 0)
            password += '-';
        for (int i = 0; i < 4; ++i)
            password += s_passwordCharacters[random.below(s_passwordCharacters.size())];
    }
    return password;
}

std::string isoDate(std::chrono::year_month_day date)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

// The current term in the school's zone (China Standard Time, UTC+8 all year):
// spring runs 1 March to 10 July, autumn 1 September to 20 January.
std::pair<std::chrono::sys_days, std::chrono::sys_days> currentTerm()
{
    using namespace std::chrono;
    const auto today = year_month_day(floor<days>(system_clock::now() + hours(8)));
    const int year = static_cast<int>(today.year());
    const unsigned month = static_cast<unsigned>(today.month());
    if (month >= 2 && month <= 7)
        return {sys_days(std::chrono::year(year) / March / 1), sys_days(std::chrono::year(year) / July / 10)};
    const int autumnYear = month == 1 ? year - 1 : year;
    return {sys_days(std::chrono::year(autumnYear) / September / 1),
            sys_days(std::chrono::year(autumnYear + 1) / January / 20)};
}

struct Course
{
    std::string id;
    std::string teacherId;
    std::string subject;
    int slotOffset; // keeps one class's subjects and one teacher's classes apart in the week
    int classIndex;
};

// Adds the submissions of one demo assignment due at 22:00 China time on
// `dueDay`. Most students hand in on time and about half of those are graded.
// Some hand in late, and the rest have no submission row, which the platform
// reads as missing. No submission is dated after the demo is made.
void addSubmissions(DemoRandom &random, EntityStore &store, const std::string &schoolId, const std::string &teacherId,
                    const std::string &assignmentId, std::chrono::sys_days dueDay,
                    const std::vector<std::string> &students)
{
    using namespace std::chrono;
    const auto nowMs = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    const auto dueMs = duration_cast<milliseconds>((dueDay + hours(14)).time_since_epoch()).count();
    for (const std::string &studentId : students) {
        const size_t roll = random.below(20);
        if (roll >= 17)
            continue; // missing
        const bool late = roll >= 14;
        const std::int64_t offsetMs = std::int64_t(1 + random.below(48)) * 3600 * 1000;
        nlohmann::json data = {{"assignment_id", assignmentId},
                               {"student_id", studentId},
                               {"state", late ? "late" : "submitted"},
                               {"submitted_at", std::min<std::int64_t>(nowMs, late ? dueMs + offsetMs : dueMs - offsetMs)}};
        if (!late && roll % 2 == 0) {
            data["state"] = "graded";
            data["score"] = 60 + static_cast<int>(random.below(41));
        }
        store.save({"submission", Crypto::randomUuid(), schoolId, teacherId, std::nullopt, 1, false, std::move(data)});
    }
}

} // namespace

std::vector<DemoAccount> DemoData::ensure()
{
    DemoRandom random(s_seed);
    std::vector<DemoAccount> accounts;
    const std::array<std::string_view, 4> teaches = {"语文, 七年级(1)(2)班 八年级(1)班", "数学, 七年级(1)(2)班 八年级(1)班",
                                                     "英语, 八年级(2)班 九年级(1)(2)班", "数学, 八年级(2)班 九年级(1)(2)班"};
    for (int i = 0; i < 4; ++i) {
        const std::string name = makeName(random);
        accounts.push_back({"demo" + std::to_string(i + 1), makePassword(random), name, std::string(teaches[i])});
    }

    std::lock_guard lock(m_database.mutex());
    Statement exists(m_database, "SELECT 1 FROM teachers WHERE username = 'demo1'");
    if (!exists.step())
        generate(accounts);
    return accounts;
}

void DemoData::printAccounts(const std::vector<DemoAccount> &accounts)
{
    std::cout << "Demo school 云溪镇中学（演示） accounts (made-up people):\n";
    for (const DemoAccount &account : accounts) {
        std::cout << "  user " << account.username << "  password " << account.password << "  (" << account.name
                  << ", " << account.teaches << ")\n";
    }
    std::cout.flush();
}

void DemoData::generate(const std::vector<DemoAccount> &accounts)
{
    using namespace std::chrono;
    // A second stream for the school's contents, so names stay stable when accounts change.
    DemoRandom random(s_seed + 1);
    Transaction transaction(m_database);
    EntityStore store(m_database);

    const std::string schoolId = Crypto::randomUuid();
    const auto saveEntity = [&](std::string entity, std::string id, std::string owner, nlohmann::json data) {
        EntityRow row{std::move(entity), std::move(id), schoolId, std::move(owner), std::nullopt, 1, false, std::move(data)};
        store.save(row);
    };
    saveEntity("school", schoolId, {}, {{"name", "云溪镇中学（演示）"}, {"time_zone", "Asia/Shanghai"}});

    std::vector<std::string> teacherIds;
    for (const DemoAccount &account : accounts) {
        teacherIds.push_back(Crypto::randomUuid());
        m_auth.createTeacher({teacherIds.back(), schoolId, account.name, account.username}, account.password, {});
    }

    // Six classes in three grades, each with its students.
    const int enrolmentYear = static_cast<int>(year_month_day(floor<days>(system_clock::now())).year());
    std::vector<std::string> classIds;
    std::vector<std::vector<std::string>> studentIds;
    for (int index = 0; index < 6; ++index) {
        const int grade = 7 + index / 2;
        const int number = index % 2 + 1;
        const std::array<std::string_view, 3> gradeNames = {"七年级", "八年级", "九年级"};
        classIds.push_back(Crypto::randomUuid());
        saveEntity("class", classIds.back(), {},
                   {{"name", std::string(gradeNames[static_cast<size_t>(grade - 7)]) + "(" + std::to_string(number) + ")班"},
                    {"grade", std::string(gradeNames[static_cast<size_t>(grade - 7)])}});

        studentIds.emplace_back();
        const size_t size = 43 + random.below(5);
        for (size_t seat = 1; seat <= size; ++seat) {
            char studentNumber[32];
            std::snprintf(studentNumber, sizeof studentNumber, "%04d%02d%02d%02zu", enrolmentYear - (grade - 7), grade,
                          number, seat);
            EntityRow student{"student", Crypto::randomUuid(), schoolId, {}, std::string(schoolId) + "|" + studentNumber, 1, false,
                              {{"class_id", classIds.back()},
                               {"name", makeName(random)},
                               {"student_number", studentNumber},
                               {"gender", random.below(2) == 0 ? "female" : "male"}}};
            store.save(student);
            studentIds.back().push_back(student.id);
        }
    }

    // Teachers 1 and 2 teach Chinese and maths in classes 0-2, 3 and 4 English and maths in 3-5.
    std::vector<Course> courses;
    const std::array<std::pair<std::string_view, int>, 4> subjects = {{{"语文", 0}, {"数学", 3}, {"英语", 5}, {"数学", 3}}};
    for (size_t teacher = 0; teacher < teacherIds.size(); ++teacher) {
        for (int offset = 0; offset < 3; ++offset) {
            const int classIndex = (teacher < 2 ? 0 : 3) + offset;
            const Course course{Crypto::randomUuid(), teacherIds[teacher], std::string(subjects[teacher].first),
                                subjects[teacher].second, classIndex};
            saveEntity("course", course.id, course.teacherId,
                       {{"class_id", classIds[static_cast<size_t>(classIndex)]},
                        {"subject", course.subject},
                        {"name", course.subject + " " + std::to_string(7 + classIndex / 2) + "-" + std::to_string(classIndex % 2 + 1)}});
            courses.push_back(course);
        }
    }

    // One lesson per course and school day, in a slot no other lesson of the class or teacher uses.
    const auto [termStart, termEnd] = currentTerm();
    for (const Course &course : courses) {
        for (sys_days day = termStart; day <= termEnd; day += days(1)) {
            const unsigned weekday = std::chrono::weekday(day).iso_encoding();
            if (weekday > 5)
                continue;
            const size_t slot = (weekday + static_cast<unsigned>(2 * (course.classIndex % 3) + course.slotOffset)) % 7;
            saveEntity("lesson", Crypto::randomUuid(), course.teacherId,
                       {{"course_id", course.id},
                        {"date", isoDate(year_month_day(day))},
                        {"period", slot + 1},
                        {"starts_at", s_periods[slot].startsAt},
                        {"ends_at", s_periods[slot].endsAt}});
        }
        const std::string assignmentId = Crypto::randomUuid();
        const sys_days dueDay = termStart + days(14);
        saveEntity("assignment", assignmentId, course.teacherId,
                   {{"course_id", course.id},
                    {"title", course.subject + "第一单元练习"},
                    {"instructions", "完成课本第一单元课后习题。"},
                    {"due_time_zone", "Asia/Shanghai"},
                    {"state", "published"},
                    {"due_date", isoDate(year_month_day(dueDay))},
                    {"due_time", "22:00"},
                    {"target_class_ids", nlohmann::json::array({classIds[static_cast<size_t>(course.classIndex)]})},
                    {"max_score", 100}});
        addSubmissions(random, store, schoolId, course.teacherId, assignmentId, dueDay,
                       studentIds[static_cast<size_t>(course.classIndex)]);
    }

    transaction.commit();
    std::clog << "classdesk-server: created the demo school with " << classIds.size() << " classes and "
              << courses.size() << " courses\n";
}

} // namespace ClassDeskServer
