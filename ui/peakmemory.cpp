// SPDX-License-Identifier: GPL-3.0-or-later
#include "peakmemory.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace ClassDesk {

long peakResidentKiB()
{
#ifdef Q_OS_UNIX
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
#ifdef Q_OS_MACOS
    return usage.ru_maxrss / 1024; // bytes on macOS
#else
    return usage.ru_maxrss; // KiB on Linux and the BSDs
#endif
#else
    return 0;
#endif
}

} // namespace ClassDesk
