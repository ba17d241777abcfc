// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "httpresponse.h"

#include <QCoreApplication>

#include <curl/curl.h>

namespace ClassDesk {

// Turns transport failures and HTTP error responses into ClassDesk::Error with
// a stable code and a translated message.
//
// Codes: network.host_not_found, network.unreachable, network.timeout,
// network.certificate, network.tls_failed, network.connection_lost,
// network.cancelled, network.failed, local.read_failed for a failed upload
// source, server.<problem code> for an RFC 9457 body with a "code" member, and
// http.<status> for an error response without one. CurlLibrary adds
// network.library_missing.
class HttpErrors
{
    Q_DECLARE_TR_FUNCTIONS(HttpErrors)

public:
    [[nodiscard]] static Error fromCurl(CURLcode code);
    [[nodiscard]] static Error cancelled();

    // Returns the error for a response with status 400 or more. Retryable are
    // 408, 429, 5xx and 507; 401, 403, 409 and 413 need the teacher or the
    // sign-in flow and are not.
    [[nodiscard]] static Error fromResponse(const HttpResponse &response);

    // Returns the "code" member of an application/problem+json body, or an
    // empty string when the body is not one.
    [[nodiscard]] static QString problemCode(const HttpResponse &response);

    // Returns the translated message for a problem code of the platform API,
    // or an empty string for a code without one.
    [[nodiscard]] static QString messageForProblemCode(const QString &code);
};

} // namespace ClassDesk
