// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ClassDesk::BuildInfo {

// The version from the CMake project, the one place it is set.
[[nodiscard]] QString version();

// The git revision the build was made from ("unknown" outside a git checkout).
[[nodiscard]] QString revision();

} // namespace ClassDesk::BuildInfo
