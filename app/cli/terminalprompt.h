// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace ClassDesk::Cli {

// True when standard input is an interactive terminal, not a pipe or file.
[[nodiscard]] bool stdinIsTerminal();

// Prints `prompt` on standard error and reads one line from the terminal
// without echoing it; nothing when input ended or could not be read.
[[nodiscard]] std::optional<QString> readHiddenLine(const QString &prompt);

} // namespace ClassDesk::Cli
