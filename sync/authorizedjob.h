// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "httprequest.h"
#include "httpresponse.h"

#include <QObject>

namespace ClassDesk {

// One API request sent by AuthClient with the teacher's bearer token. The
// token is refreshed before sending when it has expired, and once more when
// the server responds with 401 token_expired, after which the request is sent again
// once. It emits finished() exactly once, never from inside AuthClient::send().
// The job belongs to the AuthClient; call deleteLater() once its result has
// been read.
class AuthorizedJob : public QObject
{
    Q_OBJECT

public:
    [[nodiscard]] const HttpRequest &request() const { return m_request; }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    // The outcome, valid after finished(); see HttpJob::result().
    [[nodiscard]] const Result<HttpResponse> &result() const { return m_result; }
    // What the server sent for the last attempt, also for error statuses.
    [[nodiscard]] const HttpResponse &response() const { return m_response; }

signals:
    void finished();

private:
    friend class AuthClient;

    AuthorizedJob(HttpRequest request, QObject *parent);
    void finish(Result<HttpResponse> result, HttpResponse response = {});
    void finishLater(const Error &error);

    HttpRequest m_request;
    QString m_accessTokenSent;
    bool m_retriedAfterRefresh = false;
    bool m_finished = false;
    Result<HttpResponse> m_result;
    HttpResponse m_response;
};

} // namespace ClassDesk
