// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QString>

#include <optional>

namespace ClassDesk {

class Database;

// Functions that merge a copy made offline, never sent to the platform,
// into the platform's row for the same thing: a student with the same
// student number, a class with the same name in the same school. SchoolStore merges at the
// first sign-in. ChangeApplier merges when a pulled row, made offline on
// another signed-in device, meets this device's own offline copy.
//
// Every function runs inside the caller's write transaction.
namespace OfflineCopies {

// Returns true when both students have a mark in one session or work on one
// assignment: merging would have to drop one of them.
[[nodiscard]] Result<bool> marksWouldClash(Database &database, const QString &localId, const QString &platformId);

// Returns true when both classes have a session on the same date and period.
[[nodiscard]] Result<bool> sessionsWouldClash(Database &database, const QString &localId, const QString &platformId);

// Moves the offline class's students, courses, sessions and assignment
// targets to the platform's class, and removes the offline copy with its
// unsent creation.
[[nodiscard]] Status adoptClass(Database &database, const QString &localId, const QString &platformId);

// Gives the local student's marks, submissions and notes to the platform's
// student, and removes the local copy with its unsent creation.
[[nodiscard]] Status adoptStudent(Database &database, const QString &localId, const QString &platformId);

// Returns the id of a class in `schoolId` named `name` that was made on this
// device and never sent to the platform, other than `platformId`. A copy
// whose creation was sent without a reply may be on the platform already, so
// it is left alone.
[[nodiscard]] Result<std::optional<QString>> unsentClassNamed(Database &database, const QString &schoolId,
                                                              const QString &name, const QString &platformId);

// Returns the id of a student in `schoolId` with `studentNumber` that was
// made on this device and never sent to the platform, like unsentClassNamed().
[[nodiscard]] Result<std::optional<QString>> unsentStudentNumbered(Database &database, const QString &schoolId,
                                                                   const QString &studentNumber);

// Frees an unsent student's number for the rest of the transaction, so the
// platform's student with that number can be stored before adoptStudent()
// moves everything to it and deletes this copy.
[[nodiscard]] Status releaseStudentNumber(Database &database, const QString &localId);

} // namespace OfflineCopies

} // namespace ClassDesk
