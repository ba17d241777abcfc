// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace ClassDesk {

// Peak resident set size of this process in KiB, from getrusage() on Unix;
// 0 on other systems.
[[nodiscard]] long peakResidentKiB();

} // namespace ClassDesk
