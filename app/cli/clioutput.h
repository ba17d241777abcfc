// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QJsonObject>
#include <QString>

namespace ClassDesk::Cli {

// Exit statuses of classdesk-cli, as documented in --help.
enum ExitStatus {
    Success = 0,         // applied, exported, or previewed without problems
    ProblemsFound = 1,   // the input has problems, or the work failed
    UnusableArguments = 2,
    SignInNeeded = 3,    // sync: no saved sign-in, the platform refused it, or signing in failed
    NeedsTeacher = 4,    // sync: finished, but changes wait for the teacher's decision
};

void printLine(const QString &text);
void printError(const QString &text);
void printJson(const QJsonObject &object);

// {"code": ..., "message": ...}, the form every JSON output uses for an error.
[[nodiscard]] QJsonObject errorJson(const Error &error);

// Reports a failure and returns `status`. With --json it prints
// {"ok": false, "error": {"code", "message"}} on standard output, so every
// outcome is one JSON object. Otherwise the message and its code go to
// standard error.
int reportFailure(const Error &error, bool json, int status);

} // namespace ClassDesk::Cli
