// SPDX-License-Identifier: GPL-3.0-or-later
#include "httprequest.h"

namespace ClassDesk {

HttpRequest::HttpRequest(QByteArray method, QUrl url)
    : m_method(std::move(method))
    , m_url(std::move(url))
{
}

void HttpRequest::addHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

qint64 HttpRequest::bodySize() const
{
    switch (m_bodyKind) {
    case BodyKind::None:
        return 0;
    case BodyKind::Bytes:
        return m_body.size();
    case BodyKind::File:
    case BodyKind::Source:
        return m_bodyLength;
    }
    return 0;
}

void HttpRequest::setBody(const QByteArray &body, const QByteArray &contentType)
{
    m_bodyKind = BodyKind::Bytes;
    m_body = body;
    if (!contentType.isEmpty())
        addHeader(QByteArrayLiteral("Content-Type"), contentType);
}

void HttpRequest::setBodyFile(const QString &path, qint64 offset, qint64 length)
{
    m_bodyKind = BodyKind::File;
    m_bodyFilePath = path;
    m_bodyOffset = offset;
    m_bodyLength = length;
}

void HttpRequest::setBodySource(qint64 size, BodySource source)
{
    m_bodyKind = BodyKind::Source;
    m_bodyLength = size;
    m_bodySource = std::move(source);
}

} // namespace ClassDesk
