// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "httprequest.h"
#include "httpresponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

namespace ClassDesk {

class AuthClient;
class HttpJob;
class HttpTransport;

// The file a TusUploadJob sends and the metadata sent with it.
struct TusUploadSource
{
    QString filePath;
    qint64 size = 0;
    QString sha256;      // 64 lower-case hex digits
    QString fileName;    // sent in Upload-Metadata, normalised to NFC
    QString contentType;
};

// One attempt at a resumable upload with the tus 1.0 protocol (creation,
// checksum and termination extensions). It resumes a saved upload from the
// offset a HEAD returns, or creates a new one. It then PATCHes the file in
// chunks of 1 to 16 MiB, each with an Upload-Checksum, and reads the file
// from disk one chunk at a time. It emits finished() exactly once, never from
// inside start() but at once from stop(). A failure is left for UploadQueue
// to retry with a new job, which requests the server's offset again.
//
// Against the ClassDesk platform (the AuthClient constructor) the job first
// looks the content up by SHA-256 and size and links it without sending a
// byte when the platform has it. Success there means the platform's file,
// named by ClassDesk-File-Id, has the source's size and SHA-256. Against
// another tus server (the HttpTransport constructor) success means a HEAD
// shows the whole length stored.
class TusUploadJob : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MinChunkBytes = 1024 * 1024;
    static constexpr qint64 MaxChunkBytes = 16 * 1024 * 1024;

    // Uploads to the ClassDesk platform of `auth`; requests carry its bearer token.
    TusUploadJob(AuthClient *auth, TusUploadSource source, QObject *parent = nullptr);
    // Uploads to any tus 1.0 server whose creation URL is `creationUrl`.
    TusUploadJob(HttpTransport *transport, QUrl creationUrl, TusUploadSource source, QObject *parent = nullptr);
    ~TusUploadJob() override;

    // A tus upload created earlier, to resume instead of creating a new one.
    void setUploadUrl(const QUrl &url) { m_uploadUrl = url; }
    // The offset this client saw acknowledged moments ago, e.g. before a pause.
    // The job then PATCHes from it without a HEAD first; a 409 corrects it.
    // Without it (after a failure or restart) the job sends a HEAD first.
    void setResumeOffset(qint64 offset) { m_resumeOffset = offset; }
    // The PATCH size to start with; it then adapts to the link's speed.
    void setChunkSize(qint64 bytes);
    // Lower and upper bound of the adaptive chunk size (tests and benchmarks).
    void setChunkLimits(qint64 minBytes, qint64 maxBytes);
    // Test hook: cancels after reading `bytes` of the body of the first PATCH,
    // so a test can interrupt a transfer at an exact point. -1 turns it off.
    void setStopAfterBytesForTesting(qint64 bytes) { m_stopAfterBytesForTesting = bytes; }

    void start();
    // Stops at once; finished() follows with network.cancelled and the tus
    // upload stays on the server to resume later.
    void stop();

    [[nodiscard]] bool isFinished() const { return m_finished; }
    // The outcome, valid after finished().
    [[nodiscard]] const Status &result() const { return m_result; }
    [[nodiscard]] const QUrl &uploadUrl() const { return m_uploadUrl; }
    // The offset the server last acknowledged.
    [[nodiscard]] qint64 confirmedBytes() const { return m_offset; }
    // Body bytes handed to the network in this job, including bytes sent again.
    [[nodiscard]] qint64 bytesSent() const;
    // The file offset up to which the current PATCH body was handed to the
    // network; ahead of confirmedBytes() while a chunk travels. For progress
    // display only, since the server may still store less.
    [[nodiscard]] qint64 sentOffset() const;
    [[nodiscard]] qint64 chunkSize() const { return m_chunkSize; }
    // The platform's file id; set when the job succeeded against the platform.
    [[nodiscard]] const QString &fileId() const { return m_fileId; }
    // True when the platform already held the content and nothing was sent.
    [[nodiscard]] bool linkedExistingFile() const { return m_linkedExisting; }
    // True while the job asks the platform whether it already holds the content.
    [[nodiscard]] bool isLookingUp() const { return m_lookingUp; }

    // Sends a tus termination (DELETE) for `uploadUrl`, not awaited; used when
    // the teacher cancels an upload. A locked or failing server is asked again
    // up to `attempts` times in all, half a second apart.
    static void terminate(AuthClient *auth, const QUrl &uploadUrl, int attempts = 10);

signals:
    // The tus upload was created, or a saved one was found gone (empty URL).
    void uploadUrlChanged(const QUrl &url);
    // The server acknowledged bytes up to `offset`.
    void offsetConfirmed(qint64 offset);
    // A PATCH of `size` bytes starts at `offset`.
    void chunkStarted(qint64 offset, qint64 size);
    // The server's offset differs from what this job expected.
    void serverOffsetCorrected(qint64 expected, qint64 server);
    void finished();

private:
    using Handler = void (TusUploadJob::*)(const Result<HttpResponse> &result, const HttpResponse &response);
    struct ChunkBody;

    TusUploadJob(TusUploadSource source, QObject *parent);

    void send(const HttpRequest &request, Handler handler);
    [[nodiscard]] HttpRequest tusRequest(const QByteArray &method, const QUrl &url) const;

    void startFresh();
    void lookUpContent();
    void onLookupFinished(const Result<HttpResponse> &result, const HttpResponse &response);
    void createUpload();
    void onCreateFinished(const Result<HttpResponse> &result, const HttpResponse &response);
    void requestOffset();
    void onHeadFinished(const Result<HttpResponse> &result, const HttpResponse &response);
    void sendNextChunk();
    void onPatchFinished(const Result<HttpResponse> &result, const HttpResponse &response);
    void verifyUpload();
    void verifyPlatformFile(const QString &fileId);
    void onFileMetadataFinished(const Result<HttpResponse> &result, const HttpResponse &response);

    [[nodiscard]] Result<QByteArray> hashChunk(qint64 offset, qint64 size) const;
    void adaptChunkSize(qint64 size, qint64 elapsedMs);
    void forgetUpload();
    void fail(const Error &error);
    void succeed();

    [[nodiscard]] static Error protocolError(const QString &detail);

    QPointer<AuthClient> m_auth;
    QPointer<HttpTransport> m_transport;
    QUrl m_creationUrl;
    TusUploadSource m_source;
    QUrl m_uploadUrl;
    QString m_fileId;
    qint64 m_offset = 0;
    qint64 m_resumeOffset = -1;
    qint64 m_chunkSize = MinChunkBytes;
    qint64 m_minChunk = MinChunkBytes;
    qint64 m_maxChunk = MaxChunkBytes;
    qint64 m_pendingChunk = 0;
    int m_unauthorizedHeads = 0;
    int m_stalledPatches = 0;
    int m_rejectedPatches = 0;
    qint64 m_stopAfterBytesForTesting = -1;
    std::shared_ptr<ChunkBody> m_body;
    qint64 m_bytesSentBefore = 0;
    QElapsedTimer m_chunkTimer;
    QPointer<HttpJob> m_httpJob;
    quint64 m_generation = 0;
    bool m_linkedExisting = false;
    bool m_lookingUp = false;
    bool m_finished = false;
    Status m_result;
};

} // namespace ClassDesk
