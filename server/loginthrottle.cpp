// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginthrottle.h"

#include <algorithm>
#include <cctype>

namespace ClassDeskServer {

std::string LoginThrottle::keyFor(const std::string &account, const std::string &address)
{
    std::string key = account;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    return key + '\n' + address;
}

std::int64_t LoginThrottle::retryAfter(const std::string &account, const std::string &address, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_entries.find(keyFor(account, address));
    if (found == m_entries.end() || found->second.lockedUntil <= now)
        return 0;
    return found->second.lockedUntil - now;
}

void LoginThrottle::recordFailure(const std::string &account, const std::string &address, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    forgetOldEntries(now);

    Entry &entry = m_entries[keyFor(account, address)];
    ++entry.failures;
    entry.lastFailure = now;
    if (entry.failures < s_freeAttempts)
        return;

    // 30 s after the fifth failure, doubling with each further one.
    const int doublings = std::min(entry.failures - s_freeAttempts, 10);
    entry.lockedUntil = now + std::min(s_firstLockSeconds << doublings, s_maxLockSeconds);
}

void LoginThrottle::recordSuccess(const std::string &account, const std::string &address)
{
    std::lock_guard lock(m_mutex);
    m_entries.erase(keyFor(account, address));
}

void LoginThrottle::forgetOldEntries(std::int64_t now)
{
    std::erase_if(m_entries, [now](const auto &item) {
        return item.second.lockedUntil <= now && now - item.second.lastFailure > 3600;
    });
}

} // namespace ClassDeskServer
