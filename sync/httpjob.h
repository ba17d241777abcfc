// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "httprequest.h"
#include "httpresponse.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>

#include <curl/curl.h>

namespace ClassDesk {

class HttpTransport;

// One HTTP exchange started by HttpTransport::send(). It emits finished()
// exactly once, never from inside send() or abort(), and then contains either
// the response (status below 400) or an Error. The job belongs to the transport;
// call deleteLater() on it once its result has been read.
class HttpJob : public QObject
{
    Q_OBJECT

public:
    ~HttpJob() override;

    [[nodiscard]] const HttpRequest &request() const { return m_request; }
    [[nodiscard]] bool isFinished() const { return m_finished; }

    // The outcome, valid after finished(): the response for a status below 400,
    // otherwise an Error (see HttpErrors for the codes).
    [[nodiscard]] const Result<HttpResponse> &result() const { return m_result; }

    // What the server sent, also for error statuses (for Retry-After or a
    // problem body); empty when no response arrived.
    [[nodiscard]] const HttpResponse &response() const { return m_response; }

    // Stops the transfer; finished() follows with network.cancelled.
    void abort();

signals:
    void finished();

private:
    friend class HttpTransport;

    HttpJob(HttpRequest request, HttpTransport *transport);

    void finish(Result<HttpResponse> result);
    void finishLater(Error error);

    static size_t writeBody(char *data, size_t size, size_t count, void *job);
    static size_t writeHeader(char *data, size_t size, size_t count, void *job);
    static size_t readBody(char *data, size_t size, size_t count, void *job);
    static int seekBody(void *job, curl_off_t offset, int origin);

    HttpRequest m_request;
    HttpTransport *m_transport = nullptr;
    CURL *m_easy = nullptr;
    curl_slist *m_headerList = nullptr;
    QFile m_bodyFile;
    qint64 m_readOffset = 0;
    char m_curlMessage[CURL_ERROR_SIZE] = {};
    QElapsedTimer m_elapsed;

    HttpResponse m_response;
    Result<HttpResponse> m_result;
    bool m_finished = false;
    bool m_finishQueued = false;
};

} // namespace ClassDesk
