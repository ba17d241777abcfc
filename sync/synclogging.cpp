// SPDX-License-Identifier: GPL-3.0-or-later
#include "synclogging.h"

Q_LOGGING_CATEGORY(lcSync, "classdesk.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncHttp, "classdesk.sync.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncAuth, "classdesk.sync.auth", QtInfoMsg)
