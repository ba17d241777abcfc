// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterproblem.h"

#include "error.h"

#include <array>

namespace ClassDesk {

namespace {

struct KindEntry
{
    RosterProblemKind kind;
    const char *name; // the "kind" of classdesk-cli's JSON
    const char *code;
};

// docs/用户手册.md explains each of these codes; the docs_error_codes test
// reads this table.
constexpr std::array<KindEntry, 12> Kinds = {{
    {RosterProblemKind::Encoding, "encoding", "roster.encoding_invalid"},
    {RosterProblemKind::Unreadable, "unreadable", "roster.file_unreadable"},
    {RosterProblemKind::Empty, "empty", "roster.file_empty"},
    {RosterProblemKind::HeaderNotFound, "header_not_found", "roster.header_not_found"},
    {RosterProblemKind::NoStudents, "no_students", "roster.no_students"},
    {RosterProblemKind::MissingName, "missing_name", "roster.name_missing"},
    {RosterProblemKind::MissingNumber, "missing_number", "roster.number_missing"},
    {RosterProblemKind::InvalidNumber, "invalid_number", "roster.number_invalid"},
    {RosterProblemKind::DuplicateNumber, "duplicate_number", "roster.number_duplicate"},
    {RosterProblemKind::NumberInUse, "number_in_use", "roster.number_in_use"},
    {RosterProblemKind::ClassMissing, "class_missing", "roster.class_missing"},
    {RosterProblemKind::UnknownGender, "unknown_gender", "roster.gender_unknown"},
}};

static_assert(Kinds[1].kind == RosterProblemKind::Unreadable);

const KindEntry &entryOf(RosterProblemKind kind)
{
    for (const KindEntry &entry : Kinds) {
        if (entry.kind == kind)
            return entry;
    }
    return Kinds[1]; // every kind has a row; a damaged value reads as Unreadable
}

} // namespace

QString RosterProblem::codeFor(RosterProblemKind kind)
{
    return QString::fromLatin1(entryOf(kind).code);
}

QString RosterProblem::kindName(RosterProblemKind kind)
{
    return QString::fromLatin1(entryOf(kind).name);
}

RosterProblemKind RosterProblem::kindFromName(const QString &name)
{
    for (const KindEntry &entry : Kinds) {
        if (name == QLatin1String(entry.name))
            return entry.kind;
    }
    return RosterProblemKind::Unreadable;
}

QString RosterProblem::displayText() const
{
    return Error{code, message}.displayText();
}

} // namespace ClassDesk
