// SPDX-License-Identifier: GPL-3.0-or-later
//
// Ends a child process at once, as a crash or a power cut would.
#pragma once

#include <QProcess>

// Kills the process the test started and waits for it; returns false when it
// did not end within five seconds. QProcess::kill() sends SIGKILL on POSIX
// (and calls TerminateProcess on Windows), so the child gets no chance to
// finish a write or a sync.
[[nodiscard]] inline bool killProcess(QProcess &process)
{
    process.kill();
    return process.waitForFinished(5000);
}
