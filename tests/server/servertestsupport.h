// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs the real classdesk-server in a temporary data folder and talks HTTP to
// it with libcurl, as the client does. Every JSON response can be recorded
// and checked against docs/api/openapi.yaml by tests/server/validateresponses.mjs.
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>

#include <curl/curl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ServerTestSupport {

struct Reply
{
    long status = 0;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    CURLcode result = CURLE_OK;

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QString code() const { return json().value(QStringLiteral("code")).toString(); }
    [[nodiscard]] QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

// Responses recorded for validation against the OpenAPI document.
class ResponseLog
{
public:
    static ResponseLog &instance()
    {
        static ResponseLog s_log;
        return s_log;
    }

    // Records a JSON response of the operation at `path` (as written in the document).
    void record(const QString &method, const QString &path, const Reply &reply)
    {
        if (reply.body.isEmpty())
            return;
        QMutexLocker lock(&m_mutex);
        m_entries.append(QJsonObject{
            {QStringLiteral("method"), method.toLower()},
            {QStringLiteral("path"), path},
            {QStringLiteral("status"), static_cast<int>(reply.status)},
            {QStringLiteral("content_type"), QString::fromUtf8(reply.header("content-type"))},
            {QStringLiteral("body"), QString::fromUtf8(reply.body)},
        });
    }

    [[nodiscard]] qsizetype size() const { return m_entries.size(); }

    // Runs the validator; returns its output, empty when every response matched.
    [[nodiscard]] QString validate(const QString &folder) const
    {
        const QString file = folder + QStringLiteral("/responses.json");
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write ") + file;
        out.write(QJsonDocument(m_entries).toJson());
        out.close();

        QProcess node;
        node.setProcessChannelMode(QProcess::MergedChannels);
        node.start(QStringLiteral(CLASSDESK_NODE_EXECUTABLE),
                   {QStringLiteral(CLASSDESK_SOURCE_DIR "/tests/server/validateresponses.mjs"),
                    QStringLiteral(CLASSDESK_SOURCE_DIR "/docs/api/openapi.yaml"), file});
        if (!node.waitForFinished(60000))
            return QStringLiteral("the validator did not finish");
        const QByteArray output = node.readAll();
        if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0)
            return QString::fromUtf8(output);
        qInfo("%s", output.trimmed().constData());
        return {};
    }

private:
    QMutex m_mutex;
    QJsonArray m_entries;
};

inline size_t appendBody(char *data, size_t size, size_t count, void *target)
{
    static_cast<QByteArray *>(target)->append(data, static_cast<qsizetype>(size * count));
    return size * count;
}

inline size_t appendHeader(char *data, size_t size, size_t count, void *target)
{
    const QByteArray line = QByteArray(data, static_cast<qsizetype>(size * count)).trimmed();
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        (*static_cast<QMap<QByteArray, QByteArray> *>(target))[line.left(colon).trimmed().toLower()] =
            line.mid(colon + 1).trimmed();
    return size * count;
}

// Sends one HTTP request. `headers` are "Name: value" lines.
inline Reply request(const QByteArray &method, const QString &url, const QByteArray &body = {},
                     const QList<QByteArray> &headers = {}, long timeoutSeconds = 20)
{
    Reply reply;
    CURL *curl = curl_easy_init();
    const QByteArray address = url.toUtf8();
    curl_easy_setopt(curl, CURLOPT_URL, address.constData());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.constData());
    if (method == "HEAD")
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    if (!body.isNull() || method == "POST" || method == "PATCH") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    curl_slist *list = nullptr;
    for (const QByteArray &header : headers)
        list = curl_slist_append(list, header.constData());
    list = curl_slist_append(list, "Expect:");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &appendBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &appendHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply.headers);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeoutSeconds);
    reply.result = curl_easy_perform(curl);
    if (reply.result == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    return reply;
}

// One HTTP/1.1 connection that carries several requests in turn, as libcurl
// reuses a kept-alive connection. Writes each request by hand, so a test can
// check what the server does with the connection after an early response.
class RawConnection
{
public:
    explicit RawConnection(const QString &baseUrl)
        : m_fd(::socket(AF_INET, SOCK_STREAM, 0))
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<quint16>(QUrl(baseUrl).port()));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (m_fd >= 0 && ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }

    ~RawConnection()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    [[nodiscard]] bool isOpen() const { return m_fd >= 0; }

    // Sends one request with the whole body and reads one response. The
    // reply's status is 0 when no complete response arrived within 10 s.
    Reply exchange(const QByteArray &method, const QString &url, const QByteArray &body = {},
                   const QList<QByteArray> &headers = {})
    {
        Reply reply;
        QByteArray message = method + ' ' + QUrl(url).path(QUrl::FullyEncoded).toLatin1()
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        for (const QByteArray &header : headers)
            message += header + "\r\n";
        message += "\r\n" + body;
        if (!sendAll(message))
            return reply;

        qsizetype headerEnd = -1;
        while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!receiveMore())
                return reply;
        }
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                reply.headers[lines[i].left(colon).trimmed().toLower()] = lines[i].mid(colon + 1).trimmed();
        }
        const qsizetype length = reply.header("content-length").toLongLong();
        const qsizetype bodyStart = headerEnd + 4;
        while (m_buffer.size() < bodyStart + length) {
            if (!receiveMore())
                return reply;
        }
        reply.body = m_buffer.mid(bodyStart, length);
        m_buffer.remove(0, bodyStart + length);
        reply.status = statusLine.value(1).toLong();
        return reply;
    }

private:
    bool sendAll(const QByteArray &data)
    {
        for (qsizetype sent = 0; sent < data.size();) {
            const ssize_t count = ::send(m_fd, data.constData() + sent, static_cast<size_t>(data.size() - sent),
                                         MSG_NOSIGNAL);
            if (count <= 0)
                return false;
            sent += count;
        }
        return true;
    }

    bool receiveMore()
    {
        pollfd ready{m_fd, POLLIN, 0};
        if (::poll(&ready, 1, 10000) != 1)
            return false;
        char block[65536];
        const ssize_t count = ::recv(m_fd, block, sizeof block, 0);
        if (count <= 0)
            return false;
        m_buffer.append(block, count);
        return true;
    }

    int m_fd = -1;
    QByteArray m_buffer;
};

inline QByteArray bearer(const QString &token)
{
    return "Authorization: Bearer " + token.toUtf8();
}

inline QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// One classdesk-server process with its own data folder.
class ServerProcess
{
public:
    ServerProcess() { m_process.setProcessChannelMode(QProcess::SeparateChannels); }
    ~ServerProcess() { stop(); }

    [[nodiscard]] QString dataFolder() const { return m_data.path(); }
    [[nodiscard]] QString baseUrl() const { return m_baseUrl; }
    [[nodiscard]] QProcess &process() { return m_process; }

    // Starts serving on a free port; returns false when no address line appeared.
    bool start(const QStringList &extraArguments = {})
    {
        m_process.start(QStringLiteral(CLASSDESK_SERVER_EXECUTABLE),
                        QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data"), m_data.path()}
                            + extraArguments);
        if (!m_process.waitForStarted(5000))
            return false;
        static const QRegularExpression s_listening(QStringLiteral("Listening on (http://127\\.0\\.0\\.1:\\d+/api/v1/)"));
        QByteArray output;
        while (m_process.waitForReadyRead(10000)) {
            output += m_process.readAllStandardOutput();
            const auto match = s_listening.match(QString::fromUtf8(output));
            if (match.hasMatch()) {
                m_baseUrl = match.captured(1);
                return true;
            }
        }
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Ends the server at once with SIGKILL, as a crash or power cut would.
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    // Runs a one-shot command (demo, add-teacher) on the same data folder; returns its output.
    QByteArray runCommand(const QStringList &arguments, int *exitCode = nullptr) const
    {
        QProcess command;
        command.start(QStringLiteral(CLASSDESK_SERVER_EXECUTABLE), arguments + QStringList{QStringLiteral("--data"), m_data.path()});
        command.waitForFinished(60000);
        if (exitCode)
            *exitCode = command.exitCode();
        return command.readAllStandardOutput();
    }

    bool addTeacher(const QString &username, const QString &password, const QString &school,
                    const QString &totpSecret = {}) const
    {
        QStringList arguments{QStringLiteral("add-teacher"), QStringLiteral("--username"), username,
                              QStringLiteral("--password"), password, QStringLiteral("--name"), username,
                              QStringLiteral("--school"), school, QStringLiteral("--password-iterations"),
                              QStringLiteral("1000")};
        if (!totpSecret.isEmpty())
            arguments << QStringLiteral("--totp-secret") << totpSecret;
        int exitCode = -1;
        runCommand(arguments, &exitCode);
        return exitCode == 0;
    }

    [[nodiscard]] Reply passwordGrant(const QString &username, const QString &password, const QString &otp = {}) const
    {
        QByteArray form = "grant_type=password&username=" + QUrl::toPercentEncoding(username)
            + "&password=" + QUrl::toPercentEncoding(password);
        if (!otp.isEmpty())
            form += "&otp=" + otp.toUtf8();
        const Reply reply = request("POST", m_baseUrl + QStringLiteral("auth/token"), form,
                                    {"Content-Type: application/x-www-form-urlencoded"});
        ResponseLog::instance().record(QStringLiteral("post"), QStringLiteral("/auth/token"), reply);
        return reply;
    }

    // Signs in and returns the access token, or an empty string.
    [[nodiscard]] QString signIn(const QString &username, const QString &password) const
    {
        return passwordGrant(username, password).json().value(QStringLiteral("access_token")).toString();
    }

    // Sends a JSON request with a bearer token and records the response under `path`.
    Reply call(const QByteArray &method, const QString &relative, const QString &token, const QString &path,
               const QByteArray &body = {}) const
    {
        QList<QByteArray> headers{bearer(token)};
        if (!body.isEmpty())
            headers << "Content-Type: application/json";
        const Reply reply = request(method, m_baseUrl + relative, body, headers);
        ResponseLog::instance().record(QString::fromUtf8(method), path, reply);
        return reply;
    }

private:
    QTemporaryDir m_data;
    QProcess m_process;
    QString m_baseUrl;
};

inline QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace ServerTestSupport
