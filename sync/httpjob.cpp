// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpjob.h"

#include "httperrors.h"
#include "httptransport.h"

#include <algorithm>
#include <cstring>

namespace ClassDesk {

HttpJob::HttpJob(HttpRequest request, HttpTransport *transport)
    : QObject(transport)
    , m_request(std::move(request))
    , m_transport(transport)
    , m_result(std::unexpected(HttpErrors::cancelled()))
{
}

HttpJob::~HttpJob()
{
    if (m_transport)
        m_transport->detach(this);
}

void HttpJob::abort()
{
    if (m_finished || m_finishQueued)
        return;
    if (m_transport)
        m_transport->detach(this);
    finishLater(HttpErrors::cancelled());
}

void HttpJob::finish(Result<HttpResponse> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = std::move(result);
    emit finished();
}

void HttpJob::finishLater(Error error)
{
    m_finishQueued = true;
    QMetaObject::invokeMethod(
        this, [this, error] { finish(std::unexpected(error)); }, Qt::QueuedConnection);
}

size_t HttpJob::writeBody(char *data, size_t size, size_t count, void *job)
{
    const size_t length = size * count;
    static_cast<HttpJob *>(job)->m_response.body.append(data, qsizetype(length));
    return length;
}

size_t HttpJob::writeHeader(char *data, size_t size, size_t count, void *job)
{
    const size_t length = size * count;
    const QByteArray line = QByteArray(data, qsizetype(length)).trimmed();
    HttpResponse &response = static_cast<HttpJob *>(job)->m_response;

    // Each status line starts a new header block (after 100 Continue or a
    // proxy's CONNECT reply); only the final block belongs to the response.
    if (line.startsWith("HTTP/")) {
        response.headers.clear();
        return length;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    return length;
}

size_t HttpJob::readBody(char *data, size_t size, size_t count, void *job)
{
    auto *self = static_cast<HttpJob *>(job);
    const qint64 remaining = self->m_request.bodySize() - self->m_readOffset;
    const qint64 maxSize = std::min<qint64>(qint64(size * count), remaining);
    if (maxSize <= 0)
        return 0;

    qint64 copied = -1;
    switch (self->m_request.bodyKind()) {
    case HttpRequest::BodyKind::None:
        copied = 0;
        break;
    case HttpRequest::BodyKind::Bytes:
        std::memcpy(data, self->m_request.body().constData() + self->m_readOffset, size_t(maxSize));
        copied = maxSize;
        break;
    case HttpRequest::BodyKind::File:
        if (self->m_bodyFile.seek(self->m_request.bodyFileOffset() + self->m_readOffset))
            copied = self->m_bodyFile.read(data, maxSize);
        break;
    case HttpRequest::BodyKind::Source:
        copied = self->m_request.bodySource()(self->m_readOffset, data, maxSize);
        break;
    }

    // A short file or a failing source would make curl send less than the
    // announced length, so both stop the request.
    if (copied <= 0)
        return CURL_READFUNC_ABORT;
    self->m_readOffset += copied;
    return size_t(copied);
}

int HttpJob::seekBody(void *job, curl_off_t offset, int origin)
{
    auto *self = static_cast<HttpJob *>(job);
    if (origin != SEEK_SET || offset < 0 || offset > self->m_request.bodySize())
        return CURL_SEEKFUNC_CANTSEEK;
    self->m_readOffset = offset;
    return CURL_SEEKFUNC_OK;
}

} // namespace ClassDesk
