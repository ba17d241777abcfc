// SPDX-License-Identifier: GPL-3.0-or-later
#include "httperrors.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ClassDesk {

namespace {

Error networkError(const char *code, QString message, bool retryable)
{
    return Error{QString::fromLatin1(code), std::move(message), 0, retryable};
}

bool isRetryableStatus(int status)
{
    return status == 408 || status == 429 || status == 507 || (status >= 500 && status != 501);
}

} // namespace

Error HttpErrors::fromCurl(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return networkError("network.host_not_found",
                            tr("The platform's address could not be found. Check that this computer is "
                               "connected to the internet and that the address is right."),
                            true);
    case CURLE_COULDNT_CONNECT:
        return networkError("network.unreachable",
                            tr("The platform did not accept the connection. It may be down or blocked "
                               "by a firewall; ClassDesk will try again later."),
                            true);
    case CURLE_OPERATION_TIMEDOUT:
        return networkError("network.timeout",
                            tr("The platform did not answer in time. The network may be slow; "
                               "ClassDesk will try again later."),
                            true);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
        return networkError("network.certificate",
                            tr("The platform's security certificate could not be verified, so the "
                               "connection was stopped. Ask your school's administrator for the "
                               "platform's certificate file."),
                            false);
    case CURLE_SSL_CONNECT_ERROR:
        return networkError("network.tls_failed",
                            tr("A secure connection to the platform could not be set up. If the "
                               "platform's address starts with http:// rather than https://, enter it "
                               "with http://. Otherwise ClassDesk will try again later."),
                            true);
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return networkError("network.connection_lost",
                            tr("The connection to the platform was lost. ClassDesk will try again later."),
                            true);
    case CURLE_READ_ERROR:
    case CURLE_ABORTED_BY_CALLBACK:
        return networkError("local.read_failed",
                            tr("A file could not be read for sending. Check that it still exists."),
                            false);
    default:
        return networkError("network.failed",
                            tr("The request to the platform failed. ClassDesk will try again later."),
                            true);
    }
}

Error HttpErrors::cancelled()
{
    return networkError("network.cancelled", tr("The request was cancelled."), false);
}

QString HttpErrors::problemCode(const HttpResponse &response)
{
    const QByteArray contentType = response.header(QByteArrayLiteral("Content-Type")).toLower();
    if (!contentType.startsWith("application/problem+json") && !contentType.startsWith("application/json"))
        return {};

    const QJsonDocument document = QJsonDocument::fromJson(response.body);
    if (!document.isObject())
        return {};
    return document.object().value(QLatin1String("code")).toString();
}

QString HttpErrors::messageForProblemCode(const QString &code)
{
    if (code == QLatin1String("invalid_credentials"))
        return tr("The user name or password is wrong.");
    if (code == QLatin1String("otp_required"))
        return tr("Enter the one-time code from your authenticator app.");
    if (code == QLatin1String("otp_invalid"))
        return tr("The one-time code is wrong or has expired. Enter the current code.");
    if (code == QLatin1String("invalid_refresh_token"))
        return tr("Your sign-in has expired. Sign in again to continue syncing.");
    if (code == QLatin1String("too_many_attempts"))
        return tr("Too many sign-in attempts. Wait a moment, then try again.");
    if (code == QLatin1String("token_expired") || code == QLatin1String("invalid_token"))
        return tr("Your sign-in is no longer valid. Sign in again to continue syncing.");
    if (code == QLatin1String("file_not_found"))
        return tr("The platform does not have this file.");
    return {};
}

Error HttpErrors::fromResponse(const HttpResponse &response)
{
    const int status = response.status;
    const QString problem = problemCode(response);
    Error error;
    error.httpStatus = status;
    error.retryable = isRetryableStatus(status);
    error.code = problem.isEmpty() ? QStringLiteral("http.%1").arg(status)
                                   : QStringLiteral("server.") + problem;
    error.message = messageForProblemCode(problem);
    if (!error.message.isEmpty())
        return error;

    switch (status) {
    case 401:
        error.message = tr("The platform did not accept your sign-in. Sign in again.");
        break;
    case 403:
        error.message = tr("Your account may not do this on the platform. Ask your school's administrator.");
        break;
    case 409:
        error.message = tr("The platform holds a newer version of this item.");
        break;
    case 413:
        error.message = tr("The platform does not accept an upload this large.");
        break;
    case 429:
        error.message = tr("The platform is busy. ClassDesk will try again in a moment.");
        break;
    case 507:
        error.message = tr("The platform has run out of storage space. ClassDesk will try again later; "
                           "tell your school's administrator if this persists.");
        break;
    default:
        error.message = status >= 500
            ? tr("The platform had an internal problem (HTTP %1). ClassDesk will try again later.").arg(status)
            : tr("The platform rejected the request (HTTP %1).").arg(status);
        break;
    }
    return error;
}

} // namespace ClassDesk
