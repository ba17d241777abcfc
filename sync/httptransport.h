// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "curllibrary.h"
#include "httpjob.h"
#include "httprequest.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <curl/curl.h>

#include <chrono>
#include <optional>

class QSocketNotifier;

namespace ClassDesk {

// Connection settings of the transport. TLS certificate verification is always
// on; there is deliberately no switch to turn it off.
struct HttpSettings
{
    // A PEM file with extra CA certificates, for a school platform whose
    // certificate comes from its own CA. The system's CAs stay trusted where
    // libcurl has a CA folder (Debian) or uses the native store (Windows).
    QString caFile;

    // An explicit proxy such as "http://10.0.0.1:3128". When empty, curl uses
    // the http_proxy, https_proxy and no_proxy environment variables.
    QString proxy;

    std::chrono::milliseconds connectTimeout{std::chrono::seconds(30)};

    // A transfer is given up when it moves fewer than lowSpeedBytesPerSecond
    // for lowSpeedTime. One byte over 60 s keeps slow rural links working
    // while still ending a connection that has silently died.
    long lowSpeedBytesPerSecond = 1;
    std::chrono::seconds lowSpeedTime{60};

    // Upload cap in bytes per second so a large upload leaves room for the
    // school's other traffic; zero means no cap.
    qint64 maxSendBytesPerSecond = 0;

    // Parallel connections to one host; more requests wait in curl's queue.
    long maxConnectionsPerHost = 4;
};

// HTTP client on one curl multi handle. It reuses connections, prefers HTTP/2
// over TLS, accepts gzip and is driven by the Qt event loop through socket
// notifiers and a timer, so it never blocks the thread it lives in.
//
// Create it, move it to the sync worker thread, and call send() only from that
// thread.
class HttpTransport : public QObject
{
    Q_OBJECT

public:
    explicit HttpTransport(QObject *parent = nullptr);
    ~HttpTransport() override;

    [[nodiscard]] const HttpSettings &settings() const { return m_settings; }
    // Applies to requests sent after the call.
    void setSettings(const HttpSettings &settings);

    // Starts the request and returns its job, owned by the transport.
    [[nodiscard]] HttpJob *send(const HttpRequest &request);

    [[nodiscard]] int runningJobCount() const { return int(m_running.size()); }

private:
    friend class HttpJob;

    struct SocketNotifiers
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

    static int onCurlSocket(CURL *easy, curl_socket_t socket, int what, void *transport, void *socketData);
    static int onCurlTimer(CURLM *multi, long timeoutMs, void *transport);

    [[nodiscard]] Status configure(HttpJob *job);
    void configureMethodAndBody(HttpJob *job);
    void updateSocket(curl_socket_t socket, int what);
    void watchSocket(QSocketNotifier *&notifier, curl_socket_t socket, bool wanted, int direction);
    void onSocketReady(curl_socket_t socket, int direction);
    void onTimeout();
    void collectFinishedTransfers();
    void complete(HttpJob *job, CURLcode code);
    void detach(HttpJob *job);

    HttpSettings m_settings;
    const CurlFunctions *m_curl = nullptr;
    std::optional<Error> m_unavailable; // set when libcurl could not be loaded
    CURLM *m_multi = nullptr;
    QTimer m_timer;
    QHash<curl_socket_t, SocketNotifiers> m_sockets;
    QSet<HttpJob *> m_running;
};

} // namespace ClassDesk
