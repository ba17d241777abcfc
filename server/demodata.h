// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace ClassDeskServer {

class AuthService;
class ServerDatabase;

struct DemoAccount
{
    std::string username;
    std::string password;
    std::string name;
    std::string teaches;
};

// Generates a made-up school for demos and manual testing: four teachers, six
// classes of 43 to 47 students with invented Chinese names, two courses per
// class, the current term's timetable and an assignment per course. A fixed
// seed makes every run produce the same people and passwords; all of them
// are invented.
class DemoData
{
public:
    DemoData(ServerDatabase &database, AuthService &auth) : m_database(database), m_auth(auth) {}

    // Creates the school unless it exists already; returns its accounts either way.
    [[nodiscard]] std::vector<DemoAccount> ensure();

    static void printAccounts(const std::vector<DemoAccount> &accounts);

private:
    void generate(const std::vector<DemoAccount> &accounts);

    ServerDatabase &m_database;
    AuthService &m_auth;
};

} // namespace ClassDeskServer
