// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <expected>

namespace ClassDesk {

// A failure as the layers above core see it: a stable code for logic and logs,
// a translated message for the teacher, and whether trying again may help.
struct Error
{
    QString code;        // stable and machine-readable, e.g. "db.open_failed"
    QString message;     // translated, says what failed and what to do
    int httpStatus = 0;  // 0 when the failure did not come from HTTP
    bool retryable = false;
    int sqliteCode = 0;  // SQLite's extended result code, 0 when SQLite was not involved

    [[nodiscard]] QString toLogString() const;

    // The message with its code, as screens and the CLI show it: the code is
    // what the user guide's troubleshooting table and a support call go by.
    [[nodiscard]] QString displayText() const;
};

template<typename T>
using Result = std::expected<T, Error>;

// Result of an operation that returns nothing on success.
using Status = std::expected<void, Error>;

[[nodiscard]] inline std::unexpected<Error> makeError(QString code, QString message,
                                                      bool retryable = false)
{
    return std::unexpected(Error{std::move(code), std::move(message), 0, retryable, 0});
}

} // namespace ClassDesk
