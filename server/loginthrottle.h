// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace ClassDeskServer {

// Counts failed sign-ins per (account, client address) and locks that pair out
// with a growing delay, so guessing a password from one place gets slow while
// the teacher can still sign in from another. The counts are kept in memory
// only, so a restart clears them; that is acceptable for the reference server.
class LoginThrottle
{
public:
    // Seconds the caller must still wait, or 0 when an attempt is allowed.
    [[nodiscard]] std::int64_t retryAfter(const std::string &account, const std::string &address, std::int64_t now);
    void recordFailure(const std::string &account, const std::string &address, std::int64_t now);
    void recordSuccess(const std::string &account, const std::string &address);

    static constexpr int s_freeAttempts = 5;
    static constexpr std::int64_t s_firstLockSeconds = 30;
    static constexpr std::int64_t s_maxLockSeconds = 15 * 60;

private:
    struct Entry
    {
        int failures = 0;
        std::int64_t lockedUntil = 0;
        std::int64_t lastFailure = 0;
    };

    [[nodiscard]] static std::string keyFor(const std::string &account, const std::string &address);
    void forgetOldEntries(std::int64_t now);

    std::mutex m_mutex;
    std::map<std::string, Entry> m_entries;
};

} // namespace ClassDeskServer
