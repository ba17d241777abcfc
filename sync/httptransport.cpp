// SPDX-License-Identifier: GPL-3.0-or-later
#include "httptransport.h"

#include "curllibrary.h"
#include "httperrors.h"
#include "synclogging.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QUrlQuery>


namespace ClassDesk {

namespace {

// Returns the URL as logs may show it, without user info. Sign-in requests
// lose their whole query, and other requests the values of secret parameters.
QString loggableUrl(const HttpRequest &request)
{
    QUrl url = request.url().adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (request.isSensitive())
        return url.adjusted(QUrl::RemoveQuery).toString();

    QUrlQuery query(url);
    const QStringList secretKeys = {QStringLiteral("token"), QStringLiteral("access_token"),
                                    QStringLiteral("refresh_token"), QStringLiteral("password"),
                                    QStringLiteral("otp")};
    for (const QString &key : secretKeys) {
        if (query.hasQueryItem(key)) {
            query.removeAllQueryItems(key);
            query.addQueryItem(key, QStringLiteral("hidden"));
        }
    }
    url.setQuery(query);
    return url.toString();
}

} // namespace

HttpTransport::HttpTransport(QObject *parent)
    : QObject(parent)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpTransport::onTimeout);

    // Without libcurl every request fails with the loader's error, which the
    // sync page and the CLI show; the app itself keeps working offline.
    const auto curl = CurlLibrary::functions();
    if (!curl) {
        m_unavailable = curl.error();
        return;
    }
    m_curl = *curl;

    m_multi = m_curl->multiInit();
    m_curl->multiSetopt(m_multi, CURLMOPT_SOCKETFUNCTION, &HttpTransport::onCurlSocket);
    m_curl->multiSetopt(m_multi, CURLMOPT_SOCKETDATA, this);
    m_curl->multiSetopt(m_multi, CURLMOPT_TIMERFUNCTION, &HttpTransport::onCurlTimer);
    m_curl->multiSetopt(m_multi, CURLMOPT_TIMERDATA, this);
    m_curl->multiSetopt(m_multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
    m_curl->multiSetopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, m_settings.maxConnectionsPerHost);
}

HttpTransport::~HttpTransport()
{
    // The jobs are children and die after this body, so they must no longer
    // reach back into the transport.
    const QSet<HttpJob *> running = m_running;
    for (HttpJob *job : running) {
        detach(job);
        job->m_transport = nullptr;
    }
    for (HttpJob *job : findChildren<HttpJob *>(Qt::FindDirectChildrenOnly))
        job->m_transport = nullptr;
    if (m_multi)
        m_curl->multiCleanup(m_multi);
}

void HttpTransport::setSettings(const HttpSettings &settings)
{
    m_settings = settings;
    if (m_multi)
        m_curl->multiSetopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, m_settings.maxConnectionsPerHost);
}

HttpJob *HttpTransport::send(const HttpRequest &request)
{
    auto *job = new HttpJob(request, this);
    job->m_elapsed.start();

    if (m_unavailable) {
        detach(job);
        job->finishLater(*m_unavailable);
        return job;
    }

    if (const Status configured = configure(job); !configured) {
        qCWarning(lcSyncHttp).noquote() << request.method() << loggableUrl(request)
                                        << "not sent:" << configured.error().toLogString();
        detach(job);
        job->finishLater(configured.error());
        return job;
    }

    m_running.insert(job);
    m_curl->multiAddHandle(m_multi, job->m_easy);
    return job;
}

Status HttpTransport::configure(HttpJob *job)
{
    const HttpRequest &request = job->m_request;
    if (request.bodyKind() == HttpRequest::BodyKind::File) {
        job->m_bodyFile.setFileName(request.bodyFilePath());
        if (!job->m_bodyFile.open(QIODevice::ReadOnly))
            return std::unexpected(HttpErrors::fromCurl(CURLE_READ_ERROR));
    }

    job->m_easy = m_curl->easyInit();
    if (!job->m_easy)
        return std::unexpected(HttpErrors::fromCurl(CURLE_OUT_OF_MEMORY));
    CURL *easy = job->m_easy;

    const QByteArray url = request.url().toEncoded();
    m_curl->easySetopt(easy, CURLOPT_URL, url.constData());
    m_curl->easySetopt(easy, CURLOPT_PRIVATE, job);
    m_curl->easySetopt(easy, CURLOPT_ERRORBUFFER, job->m_curlMessage);
    m_curl->easySetopt(easy, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
    m_curl->easySetopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    m_curl->easySetopt(easy, CURLOPT_PROTOCOLS, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    m_curl->easySetopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    // An empty string offers every encoding this libcurl can decode (gzip, deflate, ...).
    m_curl->easySetopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    m_curl->easySetopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);

    m_curl->easySetopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    m_curl->easySetopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    // CAINFO replaces curl's default CA bundle file, but Debian's libcurl also
    // reads the CA folder /etc/ssl/certs, so the system's CAs stay trusted.
    // NOTE: a libcurl built with a bundle file only would trust just caFile.
    if (!m_settings.caFile.isEmpty())
        m_curl->easySetopt(easy, CURLOPT_CAINFO, QFile::encodeName(m_settings.caFile).constData());
#ifdef Q_OS_WIN
    m_curl->easySetopt(easy, CURLOPT_SSL_OPTIONS, long(CURLSSLOPT_NATIVE_CA));
#endif
    if (!m_settings.proxy.isEmpty())
        m_curl->easySetopt(easy, CURLOPT_PROXY, m_settings.proxy.toUtf8().constData());

    m_curl->easySetopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(m_settings.connectTimeout.count()));
    m_curl->easySetopt(easy, CURLOPT_LOW_SPEED_LIMIT, m_settings.lowSpeedBytesPerSecond);
    m_curl->easySetopt(easy, CURLOPT_LOW_SPEED_TIME, long(m_settings.lowSpeedTime.count()));
    m_curl->easySetopt(easy, CURLOPT_TIMEOUT_MS, long(request.timeout().count()));
    m_curl->easySetopt(easy, CURLOPT_MAX_SEND_SPEED_LARGE, curl_off_t(m_settings.maxSendBytesPerSecond));

    m_curl->easySetopt(easy, CURLOPT_WRITEFUNCTION, &HttpJob::writeBody);
    m_curl->easySetopt(easy, CURLOPT_WRITEDATA, job);
    m_curl->easySetopt(easy, CURLOPT_HEADERFUNCTION, &HttpJob::writeHeader);
    m_curl->easySetopt(easy, CURLOPT_HEADERDATA, job);
    configureMethodAndBody(job);

    for (const auto &[name, value] : request.headers())
        job->m_headerList = m_curl->slistAppend(job->m_headerList, (name + ": " + value).constData());
    // curl labels a POST body form-urlencoded by default. A body whose type
    // the caller did not set goes out without a Content-Type instead.
    if (!request.hasHeader("Content-Type"))
        job->m_headerList = m_curl->slistAppend(job->m_headerList, "Content-Type:");
    // Without this curl waits for "100 Continue" before larger bodies, which
    // costs a round trip or a second on every upload chunk.
    job->m_headerList = m_curl->slistAppend(job->m_headerList, "Expect:");
    m_curl->easySetopt(easy, CURLOPT_HTTPHEADER, job->m_headerList);
    return {};
}

void HttpTransport::configureMethodAndBody(HttpJob *job)
{
    const HttpRequest &request = job->m_request;
    CURL *easy = job->m_easy;
    const QByteArray &method = request.method();
    const curl_off_t size = request.bodySize();

    m_curl->easySetopt(easy, CURLOPT_READFUNCTION, &HttpJob::readBody);
    m_curl->easySetopt(easy, CURLOPT_READDATA, job);
    m_curl->easySetopt(easy, CURLOPT_SEEKFUNCTION, &HttpJob::seekBody);
    m_curl->easySetopt(easy, CURLOPT_SEEKDATA, job);

    if (method == "GET") {
        m_curl->easySetopt(easy, CURLOPT_HTTPGET, 1L);
    } else if (method == "HEAD") {
        m_curl->easySetopt(easy, CURLOPT_NOBODY, 1L);
    } else if (method == "POST") {
        m_curl->easySetopt(easy, CURLOPT_POST, 1L);
        m_curl->easySetopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, size);
    } else if (method == "PUT" || method == "PATCH" || request.bodyKind() != HttpRequest::BodyKind::None) {
        m_curl->easySetopt(easy, CURLOPT_UPLOAD, 1L);
        m_curl->easySetopt(easy, CURLOPT_INFILESIZE_LARGE, size);
        m_curl->easySetopt(easy, CURLOPT_CUSTOMREQUEST, method.constData());
    } else {
        m_curl->easySetopt(easy, CURLOPT_CUSTOMREQUEST, method.constData());
    }
}

int HttpTransport::onCurlSocket(CURL *, curl_socket_t socket, int what, void *transport, void *)
{
    static_cast<HttpTransport *>(transport)->updateSocket(socket, what);
    return 0;
}

int HttpTransport::onCurlTimer(CURLM *, long timeoutMs, void *transport)
{
    // curl must not be re-entered from its own callback, so even a zero
    // timeout goes through the event loop.
    auto *self = static_cast<HttpTransport *>(transport);
    if (timeoutMs < 0)
        self->m_timer.stop();
    else
        self->m_timer.start(int(std::min<long>(timeoutMs, 24L * 3600 * 1000)));
    return 0;
}

void HttpTransport::updateSocket(curl_socket_t socket, int what)
{
    SocketNotifiers &notifiers = m_sockets[socket];
    const bool remove = what == CURL_POLL_REMOVE;
    watchSocket(notifiers.read, socket, !remove && (what & CURL_POLL_IN), CURL_CSELECT_IN);
    watchSocket(notifiers.write, socket, !remove && (what & CURL_POLL_OUT), CURL_CSELECT_OUT);
    if (remove)
        m_sockets.remove(socket);
}

void HttpTransport::watchSocket(QSocketNotifier *&notifier, curl_socket_t socket, bool wanted, int direction)
{
    if (wanted && !notifier) {
        const auto type = direction == CURL_CSELECT_IN ? QSocketNotifier::Read : QSocketNotifier::Write;
        notifier = new QSocketNotifier(qintptr(socket), type, this);
        connect(notifier, &QSocketNotifier::activated, this,
                [this, socket, direction] { onSocketReady(socket, direction); });
        return;
    }
    if (!wanted && notifier) {
        // This may run inside the notifier's own activated() signal, so it is
        // only disabled here and deleted once control is back in the event loop.
        notifier->setEnabled(false);
        notifier->deleteLater();
        notifier = nullptr;
    }
}

void HttpTransport::onSocketReady(curl_socket_t socket, int direction)
{
    int running = 0;
    m_curl->multiSocketAction(m_multi, socket, direction, &running);
    collectFinishedTransfers();
}

void HttpTransport::onTimeout()
{
    int running = 0;
    m_curl->multiSocketAction(m_multi, CURL_SOCKET_TIMEOUT, 0, &running);
    collectFinishedTransfers();
}

void HttpTransport::collectFinishedTransfers()
{
    QList<QPair<HttpJob *, CURLcode>> done;
    int left = 0;
    while (CURLMsg *message = m_curl->multiInfoRead(m_multi, &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        char *job = nullptr;
        m_curl->easyGetinfo(message->easy_handle, CURLINFO_PRIVATE, &job);
        done.append({reinterpret_cast<HttpJob *>(job), message->data.result});
    }

    // Every finished transfer is taken off the multi handle before any
    // finished() is emitted, because a receiver may delete other jobs.
    QList<QPointer<HttpJob>> jobs;
    for (const auto &[job, code] : done) {
        complete(job, code);
        jobs.append(job);
    }
    for (const QPointer<HttpJob> &job : jobs) {
        if (job)
            job->finish(job->m_result);
    }
}

void HttpTransport::complete(HttpJob *job, CURLcode code)
{
    long status = 0;
    m_curl->easyGetinfo(job->m_easy, CURLINFO_RESPONSE_CODE, &status);
    job->m_response.status = int(status);
    const QByteArray curlMessage = QByteArray(job->m_curlMessage);
    detach(job);

    const qint64 elapsedMs = job->m_elapsed.elapsed();
    const HttpRequest &request = job->m_request;
    if (code != CURLE_OK) {
        job->m_response.status = 0;
        job->m_result = std::unexpected(HttpErrors::fromCurl(code));
        qCWarning(lcSyncHttp).noquote() << request.method() << loggableUrl(request) << "failed after"
                                        << elapsedMs << "ms:" << job->m_result.error().code
                                        << m_curl->easyStrerror(code) << curlMessage;
        return;
    }

    if (status >= 400) {
        job->m_result = std::unexpected(HttpErrors::fromResponse(job->m_response));
        qCWarning(lcSyncHttp).noquote() << request.method() << loggableUrl(request) << "HTTP" << status
                                        << "in" << elapsedMs << "ms:" << job->m_result.error().code;
        return;
    }
    job->m_result = job->m_response;
    qCDebug(lcSyncHttp).noquote() << request.method() << loggableUrl(request) << "HTTP" << status
                                  << "in" << elapsedMs << "ms";
}

void HttpTransport::detach(HttpJob *job)
{
    m_running.remove(job);
    if (!m_curl)
        return;
    if (job->m_easy) {
        m_curl->multiRemoveHandle(m_multi, job->m_easy);
        m_curl->easyCleanup(job->m_easy);
        job->m_easy = nullptr;
    }
    m_curl->slistFreeAll(job->m_headerList);
    job->m_headerList = nullptr;
    job->m_bodyFile.close();
}

} // namespace ClassDesk
