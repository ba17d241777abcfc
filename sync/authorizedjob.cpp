// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorizedjob.h"

#include "httperrors.h"

namespace ClassDesk {

AuthorizedJob::AuthorizedJob(HttpRequest request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_result(std::unexpected(HttpErrors::cancelled()))
{
}

void AuthorizedJob::finish(Result<HttpResponse> result, HttpResponse response)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = std::move(result);
    m_response = std::move(response);
    emit finished();
}

void AuthorizedJob::finishLater(const Error &error)
{
    QMetaObject::invokeMethod(
        this, [this, error] { finish(std::unexpected(error)); }, Qt::QueuedConnection);
}

} // namespace ClassDesk
