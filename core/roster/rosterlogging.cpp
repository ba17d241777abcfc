// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterlogging.h"

Q_LOGGING_CATEGORY(lcCoreRoster, "classdesk.core.roster", QtInfoMsg)
