// SPDX-License-Identifier: GPL-3.0-or-later
#include "tusuploadjob.h"

#include "authclient.h"
#include "httperrors.h"
#include "httpjob.h"
#include "httptransport.h"
#include "sha256.h"
#include "uploadlogging.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace ClassDesk {

namespace {

constexpr QByteArrayView TusVersion = "1.0.0";
// A chunk should take about this long, so a failure loses little and a fast
// link is not slowed down by per-request overhead.
constexpr qint64 TargetChunkMs = 4000;
constexpr qint64 HashBlockBytes = 256 * 1024;
// PATCHes in a row that the server acknowledged without moving its offset.
constexpr int MaxStalledPatches = 3;
constexpr int MaxUnauthorizedHeads = 3;
// A 400 to a PATCH that this job built correctly points at the connection: a
// proxy or a server misread it. The job then requests the offset with HEAD and
// sends the chunk again, up to this many times in a row.
constexpr int MaxRejectedPatches = 2;

bool isGone(const Error &error)
{
    return error.httpStatus == 404 || error.httpStatus == 410;
}

std::optional<qint64> offsetHeader(const HttpResponse &response)
{
    bool ok = false;
    const qint64 value = response.header("Upload-Offset").trimmed().toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

QByteArray metadataPair(const char *key, const QString &value)
{
    return QByteArray(key) + ' ' + value.toUtf8().toBase64();
}

} // namespace

// The body of one PATCH: a slice of the source file read on demand, so at
// most curl's buffer of it is in memory. It outlives the job while curl still
// uses the request, so it owns everything the read callback touches.
struct TusUploadJob::ChunkBody
{
    QFile file;
    qint64 fileOffset = 0;
    qint64 highestRead = 0;
    qint64 stopAfter = -1;
    bool stopped = false;
};

TusUploadJob::TusUploadJob(TusUploadSource source, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_result(std::unexpected(HttpErrors::cancelled()))
{
}

TusUploadJob::TusUploadJob(AuthClient *auth, TusUploadSource source, QObject *parent)
    : TusUploadJob(std::move(source), parent)
{
    m_auth = auth;
    m_creationUrl = auth->endpoint(QStringLiteral("uploads"));
}

TusUploadJob::TusUploadJob(HttpTransport *transport, QUrl creationUrl, TusUploadSource source, QObject *parent)
    : TusUploadJob(std::move(source), parent)
{
    m_transport = transport;
    m_creationUrl = std::move(creationUrl);
}

TusUploadJob::~TusUploadJob()
{
    if (m_body)
        m_body->stopped = true;
    if (m_httpJob)
        m_httpJob->abort();
}

void TusUploadJob::setChunkSize(qint64 bytes)
{
    m_chunkSize = std::clamp(bytes, m_minChunk, m_maxChunk);
}

void TusUploadJob::setChunkLimits(qint64 minBytes, qint64 maxBytes)
{
    m_minChunk = std::max<qint64>(1, minBytes);
    m_maxChunk = std::max(m_minChunk, maxBytes);
    m_chunkSize = std::clamp(m_chunkSize, m_minChunk, m_maxChunk);
}

qint64 TusUploadJob::bytesSent() const
{
    return m_bytesSentBefore + (m_body ? m_body->highestRead : 0);
}

qint64 TusUploadJob::sentOffset() const
{
    if (!m_body || m_body->stopped)
        return m_offset;
    return std::max(m_offset, m_body->fileOffset + m_body->highestRead);
}

void TusUploadJob::start()
{
    const QFileInfo file(m_source.filePath);
    if (!file.isFile() || file.size() != m_source.size) {
        const Error error{QStringLiteral("local.read_failed"),
                          tr("The courseware file %1 is missing or changed on this computer. Import the file again.")
                              .arg(m_source.fileName),
                          0, false, 0};
        // Queued, so finished() never comes from inside start().
        QMetaObject::invokeMethod(this, [this, error] { fail(error); }, Qt::QueuedConnection);
        return;
    }

    if (!m_uploadUrl.isEmpty() && m_resumeOffset >= 0 && m_resumeOffset < m_source.size) {
        m_offset = m_resumeOffset;
        sendNextChunk();
        return;
    }
    if (!m_uploadUrl.isEmpty()) {
        requestOffset();
        return;
    }
    startFresh();
}

void TusUploadJob::stop()
{
    if (m_finished)
        return;
    if (m_body)
        m_body->stopped = true;
    if (m_httpJob)
        m_httpJob->abort();
    fail(HttpErrors::cancelled());
}

void TusUploadJob::send(const HttpRequest &request, Handler handler)
{
    const quint64 generation = ++m_generation;
    // A reply after stop() or to an older request is dropped.
    const auto deliver = [this, generation, handler](const Result<HttpResponse> &result,
                                                     const HttpResponse &response) {
        if (generation != m_generation || m_finished)
            return;
        (this->*handler)(result, response);
    };

    if (m_auth) {
        AuthorizedJob *job = m_auth->send(request);
        // Deleted even when this job is gone before the reply arrives.
        connect(job, &AuthorizedJob::finished, job, &QObject::deleteLater);
        connect(job, &AuthorizedJob::finished, this, [job, deliver] { deliver(job->result(), job->response()); });
        return;
    }
    if (!m_transport) {
        fail(protocolError(QStringLiteral("no transport")));
        return;
    }
    HttpJob *job = m_transport->send(request);
    m_httpJob = job;
    connect(job, &HttpJob::finished, job, &QObject::deleteLater);
    connect(job, &HttpJob::finished, this, [job, deliver] { deliver(job->result(), job->response()); });
}

HttpRequest TusUploadJob::tusRequest(const QByteArray &method, const QUrl &url) const
{
    HttpRequest request(method, url);
    request.addHeader("Tus-Resumable", TusVersion.toByteArray());
    return request;
}

void TusUploadJob::startFresh()
{
    m_offset = 0;
    if (m_auth) {
        lookUpContent();
        return;
    }
    createUpload();
}

void TusUploadJob::lookUpContent()
{
    HttpRequest request(QByteArrayLiteral("POST"), m_auth->endpoint(QStringLiteral("files/lookup")));
    const QJsonObject body{{QStringLiteral("sha256"), m_source.sha256}, {QStringLiteral("size"), m_source.size}};
    request.setBody(QJsonDocument(body).toJson(QJsonDocument::Compact), QByteArrayLiteral("application/json"));
    m_lookingUp = true;
    send(request, &TusUploadJob::onLookupFinished);
}

void TusUploadJob::onLookupFinished(const Result<HttpResponse> &result, const HttpResponse &)
{
    m_lookingUp = false;
    if (!result) {
        if (result.error().httpStatus == 404) {
            createUpload();
            return;
        }
        fail(result.error());
        return;
    }

    const QString fileId = QJsonDocument::fromJson(result->body).object().value(QStringLiteral("file_id")).toString();
    if (fileId.isEmpty()) {
        fail(protocolError(QStringLiteral("files/lookup returned no file_id")));
        return;
    }
    qCInfo(lcSyncUpload) << "The platform already holds" << m_source.sha256.left(12) << "as file" << fileId;
    m_linkedExisting = true;
    verifyPlatformFile(fileId);
}

void TusUploadJob::createUpload()
{
    HttpRequest request = tusRequest(QByteArrayLiteral("POST"), m_creationUrl);
    request.addHeader("Upload-Length", QByteArray::number(m_source.size));
    QList<QByteArray> metadata{metadataPair("sha256", m_source.sha256)};
    if (!m_source.fileName.isEmpty())
        metadata << metadataPair("filename", m_source.fileName);
    if (!m_source.contentType.isEmpty()) {
        metadata << metadataPair("content_type", m_source.contentType);
        // @tus/server 2.4 serves downloads with the "filetype" key instead.
        metadata << metadataPair("filetype", m_source.contentType);
    }
    request.addHeader("Upload-Metadata", metadata.join(','));
    send(request, &TusUploadJob::onCreateFinished);
}

void TusUploadJob::onCreateFinished(const Result<HttpResponse> &result, const HttpResponse &)
{
    if (!result) {
        fail(result.error());
        return;
    }
    const QByteArray location = result->header("Location");
    if (location.isEmpty()) {
        fail(protocolError(QStringLiteral("the upload was created without a Location")));
        return;
    }

    m_uploadUrl = m_creationUrl.resolved(QUrl::fromEncoded(location));
    m_offset = 0;
    qCInfo(lcSyncUpload) << "Created upload" << m_uploadUrl.path() << "for" << m_source.size << "bytes";
    emit uploadUrlChanged(m_uploadUrl);

    if (m_source.size == 0) {
        verifyUpload();
        return;
    }
    sendNextChunk();
}

void TusUploadJob::requestOffset()
{
    send(tusRequest(QByteArrayLiteral("HEAD"), m_uploadUrl), &TusUploadJob::onHeadFinished);
}

void TusUploadJob::onHeadFinished(const Result<HttpResponse> &result, const HttpResponse &)
{
    if (!result) {
        const Error &error = result.error();
        if (isGone(error)) {
            qCInfo(lcSyncUpload) << "Upload" << m_uploadUrl.path() << "is gone (" << error.httpStatus
                                 << "); starting a new one";
            forgetUpload();
            startFresh();
            return;
        }
        // A HEAD response has no body, so AuthClient cannot tell an expired token
        // from other 401s. By the next try its clock has caught up and it refreshes.
        if (error.httpStatus == 401 && m_auth && ++m_unauthorizedHeads <= MaxUnauthorizedHeads) {
            QTimer::singleShot(1000, this, [this, generation = m_generation] {
                if (generation == m_generation && !m_finished)
                    requestOffset();
            });
            return;
        }
        fail(error);
        return;
    }

    const auto offset = offsetHeader(*result);
    if (!offset || *offset > m_source.size) {
        fail(protocolError(QStringLiteral("HEAD returned no valid Upload-Offset")));
        return;
    }
    if (*offset != m_offset)
        emit serverOffsetCorrected(m_offset, *offset);
    m_offset = *offset;
    emit offsetConfirmed(m_offset);

    if (m_offset == m_source.size) {
        const QString fileId = QString::fromUtf8(result->header("ClassDesk-File-Id"));
        if (!m_auth) {
            succeed();
            return;
        }
        if (fileId.isEmpty()) {
            fail(protocolError(QStringLiteral("the upload is complete but has no ClassDesk-File-Id")));
            return;
        }
        verifyPlatformFile(fileId);
        return;
    }
    sendNextChunk();
}

// NOTE: this hashes up to 16 MiB on the sync thread before each PATCH, about
// 15 ms at the rate OpenSSL's SHA-256 reaches in upload_bench; other sync
// requests wait that long.
Result<QByteArray> TusUploadJob::hashChunk(qint64 offset, qint64 size) const
{
    QFile file(m_source.filePath);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return makeError(QStringLiteral("local.read_failed"),
                         tr("ClassDesk cannot read the courseware file %1 (%2). Import the file again.")
                             .arg(m_source.fileName, file.errorString()));

    Sha256 hash;
    QByteArray block(int(std::min(HashBlockBytes, std::max<qint64>(size, 1))), Qt::Uninitialized);
    for (qint64 remaining = size; remaining > 0;) {
        const qint64 count = file.read(block.data(), std::min<qint64>(remaining, block.size()));
        if (count <= 0)
            return makeError(QStringLiteral("local.read_failed"),
                             tr("The courseware file %1 became shorter while it was uploaded. Import the file again.")
                                 .arg(m_source.fileName));
        hash.addData(QByteArrayView(block.constData(), count));
        remaining -= count;
    }
    return hash.result();
}

void TusUploadJob::sendNextChunk()
{
    const qint64 size = std::min(m_chunkSize, m_source.size - m_offset);
    const auto checksum = hashChunk(m_offset, size);
    if (!checksum) {
        fail(checksum.error());
        return;
    }

    auto body = std::make_shared<ChunkBody>();
    body->file.setFileName(m_source.filePath);
    body->fileOffset = m_offset;
    body->stopAfter = std::exchange(m_stopAfterBytesForTesting, -1);
    if (m_body)
        m_bytesSentBefore += m_body->highestRead;
    m_body = body;

    HttpRequest request = tusRequest(QByteArrayLiteral("PATCH"), m_uploadUrl);
    request.addHeader("Upload-Offset", QByteArray::number(m_offset));
    request.addHeader("Upload-Checksum", "sha256 " + checksum->toBase64());
    request.addHeader("Content-Type", QByteArrayLiteral("application/offset+octet-stream"));
    request.setBodySource(size, [body](qint64 offset, char *data, qint64 maxSize) -> qint64 {
        if (body->stopped)
            return -1;
        if (body->stopAfter >= 0 && offset + maxSize > body->stopAfter) {
            body->stopped = true;
            return -1;
        }
        if (!body->file.isOpen() && !body->file.open(QIODevice::ReadOnly))
            return -1;
        if (!body->file.seek(body->fileOffset + offset))
            return -1;
        const qint64 count = body->file.read(data, maxSize);
        if (count < 0)
            return -1;
        body->highestRead = std::max(body->highestRead, offset + count);
        return count;
    });

    m_pendingChunk = size;
    m_chunkTimer.start();
    emit chunkStarted(m_offset, size);
    send(request, &TusUploadJob::onPatchFinished);
}

void TusUploadJob::onPatchFinished(const Result<HttpResponse> &result, const HttpResponse &response)
{
    const qint64 elapsedMs = m_chunkTimer.elapsed();
    if (!result) {
        const Error &error = result.error();
        if (error.httpStatus == 409) {
            // The server stores a different offset than this job assumed.
            const auto serverOffset = offsetHeader(response);
            qCInfo(lcSyncUpload) << "Offset mismatch at" << m_offset << "; the server has"
                                 << (serverOffset ? *serverOffset : -1);
            requestOffset();
            return;
        }
        if (isGone(error)) {
            qCInfo(lcSyncUpload) << "Upload" << m_uploadUrl.path() << "is gone; starting a new one";
            forgetUpload();
            startFresh();
            return;
        }
        if (error.httpStatus == 400 && ++m_rejectedPatches <= MaxRejectedPatches) {
            qCWarning(lcSyncUpload) << "The platform rejected the PATCH at" << m_offset << "with 400" << error.code
                                    << "; asking for the offset and sending again";
            requestOffset();
            return;
        }
        if (error.httpStatus == 0 && error.code != QLatin1String("network.cancelled"))
            m_chunkSize = std::max(m_minChunk, m_chunkSize / 2);
        fail(error);
        return;
    }

    const auto offset = offsetHeader(*result);
    if (!offset || *offset < m_offset || *offset > m_source.size) {
        qCWarning(lcSyncUpload) << "PATCH answer without a valid Upload-Offset; asking with HEAD";
        requestOffset();
        return;
    }

    const qint64 expected = m_offset + m_pendingChunk;
    if (*offset != expected) {
        qCWarning(lcSyncUpload) << "The server acknowledged" << *offset - m_offset << "of" << m_pendingChunk
                                << "bytes; continuing from its offset" << *offset;
        emit serverOffsetCorrected(expected, *offset);
    }
    m_stalledPatches = *offset == m_offset ? m_stalledPatches + 1 : 0;
    m_rejectedPatches = 0;
    if (m_stalledPatches >= MaxStalledPatches) {
        fail(Error{QStringLiteral("upload.no_progress"),
                   tr("The platform stored none of the last parts of the file. ClassDesk will try again later."),
                   0, true, 0});
        return;
    }
    if (*offset == expected)
        adaptChunkSize(m_pendingChunk, elapsedMs);

    m_offset = *offset;
    emit offsetConfirmed(m_offset);
    if (m_offset == m_source.size) {
        verifyUpload();
        return;
    }
    sendNextChunk();
}

void TusUploadJob::adaptChunkSize(qint64 size, qint64 elapsedMs)
{
    // Only a full chunk measures the link; the last, shorter one does not.
    if (size < m_chunkSize)
        return;
    const qint64 wanted = size * TargetChunkMs / std::max<qint64>(elapsedMs, 1);
    const qint64 next = std::clamp(wanted, m_chunkSize / 2, m_chunkSize * 2);
    m_chunkSize = std::clamp(next, m_minChunk, m_maxChunk);
}

void TusUploadJob::verifyUpload()
{
    // Trust only the server: ask it again rather than relying on the last PATCH.
    requestOffset();
}

void TusUploadJob::verifyPlatformFile(const QString &fileId)
{
    m_fileId = fileId;
    HttpRequest request(QByteArrayLiteral("GET"), m_auth->endpoint(QStringLiteral("files/") + fileId));
    send(request, &TusUploadJob::onFileMetadataFinished);
}

void TusUploadJob::onFileMetadataFinished(const Result<HttpResponse> &result, const HttpResponse &)
{
    if (!result) {
        fail(result.error());
        return;
    }
    const QJsonObject file = QJsonDocument::fromJson(result->body).object();
    const qint64 size = file.value(QStringLiteral("size")).toInteger(-1);
    const QString sha256 = file.value(QStringLiteral("sha256")).toString();
    if (size != m_source.size || sha256 != m_source.sha256) {
        qCWarning(lcSyncUpload) << "Platform file" << m_fileId << "has size" << size << "and a different hash";
        m_fileId.clear();
        forgetUpload();
        fail(Error{QStringLiteral("upload.verification_failed"),
                   tr("The platform's copy of %1 does not match the file on this computer. "
                      "ClassDesk will upload it again.")
                       .arg(m_source.fileName),
                   0, true, 0});
        return;
    }
    succeed();
}

void TusUploadJob::forgetUpload()
{
    m_uploadUrl.clear();
    m_offset = 0;
    emit uploadUrlChanged(m_uploadUrl);
}

Error TusUploadJob::protocolError(const QString &detail)
{
    qCWarning(lcSyncUpload) << "tus protocol error:" << detail;
    return Error{QStringLiteral("upload.protocol_error"),
                 tr("The platform sent an unexpected answer to an upload. ClassDesk will try again later."), 0, true,
                 0};
}

void TusUploadJob::fail(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    ++m_generation;
    if (m_body)
        m_body->stopped = true;
    Error reported = error;
    // These clear up on the next attempt, which requests the server's offset:
    // 423 (another request still writes this upload), 460 (the chunk arrived
    // damaged) and a bodiless 401 on HEAD (the token expired on the way).
    if (error.httpStatus == 423 || error.httpStatus == 460 || error.code == QLatin1String("http.401"))
        reported.retryable = true;
    m_result = std::unexpected(reported);
    emit finished();
}

void TusUploadJob::succeed()
{
    if (m_finished)
        return;
    m_finished = true;
    ++m_generation;
    m_result = {};
    emit finished();
}

void TusUploadJob::terminate(AuthClient *auth, const QUrl &uploadUrl, int attemptsLeft)
{
    HttpRequest request(QByteArrayLiteral("DELETE"), uploadUrl);
    request.addHeader("Tus-Resumable", TusVersion.toByteArray());
    AuthorizedJob *job = auth->send(request);
    connect(job, &AuthorizedJob::finished, auth, [auth, job, uploadUrl, attemptsLeft] {
        job->deleteLater();
        const auto &result = job->result();
        if (result || isGone(result.error()))
            return;
        // The server may still be finishing the PATCH this client just
        // abandoned, and responds with 423 until then.
        if ((result.error().httpStatus == 423 || result.error().retryable) && attemptsLeft > 1) {
            QTimer::singleShot(500, auth, [auth, uploadUrl, attemptsLeft] {
                terminate(auth, uploadUrl, attemptsLeft - 1);
            });
            return;
        }
        qCWarning(lcSyncUpload) << "Terminating upload" << uploadUrl.path()
                                << "failed:" << result.error().toLogString();
    });
}

} // namespace ClassDesk
