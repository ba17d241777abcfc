// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QUrl>

namespace ClassDesk {

class ServerAddress
{
    Q_DECLARE_TR_FUNCTIONS(ServerAddress)

public:
    // Turns what a teacher types as the platform address ("school.edu.cn",
    // "https://school.edu.cn/", "http://127.0.0.1:8080") into the API base URL
    // ending in /api/v1/.
    //
    // HTTPS is required, because tokens and student data travel over it. Plain
    // HTTP is accepted only for a loopback host, where the reference server runs.
    [[nodiscard]] static Result<QUrl> apiBaseUrl(const QString &userInput);

    // Returns true for localhost, ::1 and 127.0.0.0/8, the hosts that may use http://.
    [[nodiscard]] static bool isLoopbackHost(const QString &host);
};

} // namespace ClassDesk
