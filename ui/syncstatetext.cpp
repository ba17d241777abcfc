// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncstatetext.h"

namespace ClassDesk {

QString SyncStateText::describe(SyncEngine::State state, int progress)
{
    switch (state) {
    case SyncEngine::State::SignedOut:
        return tr("Working offline (not signed in)");
    case SyncEngine::State::SigningIn:
        return tr("Signing in…");
    case SyncEngine::State::SignInRequired:
        return tr("Sign in again to sync");
    case SyncEngine::State::Offline:
        return tr("Offline: changes are kept and sent later");
    case SyncEngine::State::Syncing:
        return tr("Syncing %1%").arg(progress);
    case SyncEngine::State::UpToDate:
        return tr("Up to date");
    case SyncEngine::State::NeedsAttention:
        return tr("Sync needs attention");
    }
    return {};
}

} // namespace ClassDesk
