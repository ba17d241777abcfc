// SPDX-License-Identifier: GPL-3.0-or-later
#include "corelogging.h"

Q_LOGGING_CATEGORY(lcCore, "classdesk.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCoreDb, "classdesk.core.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCoreStore, "classdesk.core.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCoreCourseware, "classdesk.core.courseware", QtInfoMsg)
