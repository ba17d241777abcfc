// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A cpp-httplib server on 127.0.0.1 and an ephemeral port, listening on its own
// thread for the lifetime of the object. Test fixture only.

#include <httplib.h>

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <memory>
#include <thread>

class LoopbackServer
{
public:
    explicit LoopbackServer(std::unique_ptr<httplib::Server> server = std::make_unique<httplib::Server>())
        : m_server(std::move(server))
    {
        // Short, so stopping the server does not wait long on idle keep-alive connections.
        m_server->set_keep_alive_timeout(1);
    }

    ~LoopbackServer() { stop(); }

    LoopbackServer(const LoopbackServer &) = delete;
    LoopbackServer &operator=(const LoopbackServer &) = delete;

    [[nodiscard]] httplib::Server &http() { return *m_server; }

    // Keeps every request of a test on 127.0.0.1 instead of going through a
    // proxy that the developer's shell may name.
    static void clearProxyEnvironment()
    {
        for (const char *name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(name);
    }

    // Returns once the accept loop runs: httplib's stop() does nothing before
    // that, so stopping a server that had not started yet would hang the join.
    [[nodiscard]] bool start()
    {
        m_port = m_server->bind_to_any_port("127.0.0.1");
        if (m_port <= 0)
            return false;
        m_thread = std::thread([this] { m_server->listen_after_bind(); });
        while (!m_server->is_running())
            std::this_thread::yield();
        return true;
    }

    void stop()
    {
        if (!m_thread.joinable())
            return;
        m_server->stop();
        m_thread.join();
    }

    [[nodiscard]] int port() const { return m_port; }

    [[nodiscard]] QUrl url(const QString &path, const QString &scheme = QStringLiteral("http")) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(m_port).arg(path));
    }

private:
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
};
