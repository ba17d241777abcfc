// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncengine.h"

#include <QCoreApplication>

namespace ClassDesk {

// The teacher's words for the sync state, shared by the status bar and the Sync page.
class SyncStateText
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::SyncStateText)

public:
    [[nodiscard]] static QString describe(SyncEngine::State state, int progress);
};

} // namespace ClassDesk
