// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

namespace ClassDesk {

// One HTTP request as a value, so a job can send it again after a token refresh.
// The body is bytes in memory, a slice of a file, or a callback that produces
// bytes at a given offset (which also lets curl rewind it).
class HttpRequest
{
public:
    // Copies up to maxSize bytes that start at offset into data and returns how
    // many it copied, or -1 when the source failed and the request must stop.
    using BodySource = std::function<qint64(qint64 offset, char *data, qint64 maxSize)>;

    enum class BodyKind { None, Bytes, File, Source };

    HttpRequest() = default;
    HttpRequest(QByteArray method, QUrl url);

    [[nodiscard]] const QByteArray &method() const { return m_method; }
    void setMethod(const QByteArray &method) { m_method = method; }

    [[nodiscard]] const QUrl &url() const { return m_url; }
    void setUrl(const QUrl &url) { m_url = url; }

    // Headers are sent in the order given; a later header of the same name does
    // not replace an earlier one.
    [[nodiscard]] const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }
    void addHeader(const QByteArray &name, const QByteArray &value);
    [[nodiscard]] bool hasHeader(const QByteArray &name) const;

    [[nodiscard]] BodyKind bodyKind() const { return m_bodyKind; }
    [[nodiscard]] const QByteArray &body() const { return m_body; }
    [[nodiscard]] const QString &bodyFilePath() const { return m_bodyFilePath; }
    [[nodiscard]] qint64 bodyFileOffset() const { return m_bodyOffset; }
    [[nodiscard]] const BodySource &bodySource() const { return m_bodySource; }
    [[nodiscard]] qint64 bodySize() const;

    void setBody(const QByteArray &body, const QByteArray &contentType);
    // Sends length bytes of the file from offset on, e.g. one tus PATCH chunk.
    void setBodyFile(const QString &path, qint64 offset, qint64 length);
    void setBodySource(qint64 size, BodySource source);

    // Whole-request limit; zero leaves only the transport's connect and
    // low-speed limits, which suits large uploads on slow links.
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // A sensitive request (sign-in, refresh, revoke) is logged without its query.
    // Bodies and the Authorization header are never logged for any request.
    [[nodiscard]] bool isSensitive() const { return m_sensitive; }
    void setSensitive(bool sensitive) { m_sensitive = sensitive; }

private:
    QByteArray m_method = QByteArrayLiteral("GET");
    QUrl m_url;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    BodyKind m_bodyKind = BodyKind::None;
    QByteArray m_body;
    QString m_bodyFilePath;
    qint64 m_bodyOffset = 0;
    qint64 m_bodyLength = 0;
    BodySource m_bodySource;
    std::chrono::milliseconds m_timeout{0};
    bool m_sensitive = false;
};

} // namespace ClassDesk
