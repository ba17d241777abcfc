// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcCoreDb)
Q_DECLARE_LOGGING_CATEGORY(lcCoreStore)
Q_DECLARE_LOGGING_CATEGORY(lcCoreCourseware)
