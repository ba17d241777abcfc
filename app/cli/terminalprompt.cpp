// SPDX-License-Identifier: GPL-3.0-or-later
//
// Console input without echo, the one place classdesk-cli needs operating
// system calls: Windows console modes on one side, POSIX termios on the other.
#include "terminalprompt.h"

#include <QtGlobal>

#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace ClassDesk::Cli {

namespace {

// Turns echo off for its lifetime and restores the console after.
class EchoOff
{
public:
    EchoOff()
    {
#ifdef Q_OS_WIN
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        m_saved = GetConsoleMode(m_handle, &m_mode);
        if (m_saved)
            SetConsoleMode(m_handle, m_mode & ~DWORD(ENABLE_ECHO_INPUT));
#else
        m_saved = tcgetattr(STDIN_FILENO, &m_mode) == 0;
        if (m_saved) {
            termios quiet = m_mode;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
#endif
    }

    ~EchoOff()
    {
        if (!m_saved)
            return;
#ifdef Q_OS_WIN
        SetConsoleMode(m_handle, m_mode);
#else
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_mode);
#endif
    }

    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    bool m_saved = false;
#ifdef Q_OS_WIN
    HANDLE m_handle = nullptr;
    DWORD m_mode = 0;
#else
    termios m_mode{};
#endif
};

} // namespace

bool stdinIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdin)) != 0;
#else
    return isatty(STDIN_FILENO) != 0;
#endif
}

std::optional<QString> readHiddenLine(const QString &prompt)
{
    std::fputs(prompt.toUtf8().constData(), stderr);
    std::fflush(stderr);
    std::string line;
    bool read = false;
    {
        const EchoOff echoOff;
        read = bool(std::getline(std::cin, line));
    }
    // The Enter the teacher typed was not echoed either.
    std::fputc('\n', stderr);
    if (!read)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

} // namespace ClassDesk::Cli
